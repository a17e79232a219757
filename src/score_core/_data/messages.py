"""The messages of errors a person reads: one template each, English.

The library writes its refusals and a payload's problems from these
templates (``str.format``); :func:`score_core.i18n.localized_error` reads a
message back against them and says it in another language, from the
gettext catalogs (context ``error``). A message no template says stays
English. Parts named in :data:`SAID_IN_TURN` are words themselves (``what``
was expected, what was ``got``...) and are said in turn; every other part
(a key, a name, a date) is kept, with a date written as the locale writes
dates.
"""

from __future__ import annotations


# -- a payload's problems ------------------------------------------------------
PROBLEMS = "{count} problems in payload:"
ONE_PROBLEM = "1 problem in payload:"
MORE_PROBLEMS = "... and {count} more"
UNKNOWN_KEY = "unknown key {key}"
MISSING_KEY = "required key missing"
KEY_TWICE = "key {key} given twice"
EXPECTED = "expected {what}, got {got}"
EXPECTED_ONE_OF = "expected one of {allowed}, got {got}"
INT_RANGE = "expected an integer from -2^63 to 2^63 - 1, got {got}"
NOT_A_DATE = "{value} is not a valid date"
NOT_JSON = "not valid JSON ({detail})"
NOT_TEXT = "expected JSON text (str or bytes), got {type}"
SHAPED_LIKE = (
    "expected {kind}, got an object shaped like {like}: {unknown} of its {count} "
    "keys are not fields of {kind}"
)
NOT_A_DOCUMENT = (
    "expected a document, an object with schema, schema_version, kind and data; "
    "got {got}"
)
BARE_DATA = "{got} shaped like {like} (data without its envelope)"
TOO_DEEP = "nested too deeply to read (deeper than Python's recursion limit)"
UNKNOWN_KIND = "unknown document kind {kind}; kinds: {kinds}"
NEEDS_HOLIDAYS = (
    "country calendars need the holidays package: pip install 'score-core[calendars]'"
)
NEWER = (
    "version {version} is newer than this library understands ({supported}); "
    "upgrade score-core"
)

# -- what was expected and what was got, said in turn --------------------------
STRING = "the string {text}"
FLOAT = "the float {text}"
INTEGER = "the integer {text}"
HUGE = "an integer too large to show"
WORDS = (
    "an integer",
    "a list",
    "an object",
    "a string",
    "true or false",
    "a field name or a list index",
    "a string, an integer, true, false or null",
    "a document object",
    "an object with none of these keys",
    "a positive integer",
    'a decimal number as a string such as "12.50"',
    'a date as a string such as "2026-11-24"',
    HUGE,
    STRING,
    FLOAT,
    INTEGER,
)

# -- refusals ------------------------------------------------------------------
UNKNOWN_NAME = "no {what} named {name}; known: {names}"
REGISTER_IT = "{refusal}; register it with {function}"
PROFILE_NOT_IN_FORCE = "profile {name} is not in force on {on} (valid {validity})"
NO_VALUE_IN_FORCE = "{what} has no value in force on {on} (declared: {periods})"
VALUE_OF_PROFILE = "{parameter} of {profile}"
ALWAYS = "always"
UNTIL = "until {end}"
FROM = "from {start}"
FROM_TO = "from {start} to {end}"
PYTHON_STRICT_HINT = (
    "mode=Resolution.STRICT was passed; leave mode at its default "
    "(Resolution.LENIENT) to use the nearest value with a warning"
)
#: A strict refusal with the hint a Python caller reads.
STRICT_REFUSAL = "{detail}; " + PYTHON_STRICT_HINT
#: The things a registry holds, as its refusals name them.
REGISTRIES = ("profile", "catalogue", "calendar", "currency", "source", "kind")

#: Every template, the more particular before the more general: a message
#: is said by the first that reads it.
TEMPLATES = (
    PROBLEMS,
    ONE_PROBLEM,
    MORE_PROBLEMS,
    UNKNOWN_KEY,
    MISSING_KEY,
    KEY_TWICE,
    INT_RANGE,
    EXPECTED_ONE_OF,
    SHAPED_LIKE,
    NOT_A_DOCUMENT,
    EXPECTED,
    BARE_DATA,
    NOT_A_DATE,
    NOT_JSON,
    NOT_TEXT,
    TOO_DEEP,
    UNKNOWN_KIND,
    NEEDS_HOLIDAYS,
    NEWER,
    REGISTER_IT,
    UNKNOWN_NAME,
    PROFILE_NOT_IN_FORCE,
    NO_VALUE_IN_FORCE,
    STRICT_REFUSAL,
    *WORDS,
    VALUE_OF_PROFILE,
    FROM_TO,
    FROM,
    UNTIL,
    ALWAYS,
    *REGISTRIES,
)

#: Parts that are words of their own, said in turn.
SAID_IN_TURN = frozenset({"what", "got", "refusal", "detail", "validity"})
#: Parts that are lists of words, each said in turn.
LISTS_SAID_IN_TURN = {"periods": "; "}
