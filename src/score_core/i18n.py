"""Findings, reports and the command line in the user's own language.

The rules stay pure and English: a finding's code, path and params never
change with the language, and :attr:`RuleViolation.message` stays the
English message that payloads carry. Text is put into a language only where
it is produced for a person, from the finding's code and params and a
gettext catalog (shipped: Simplified Chinese ``zh_CN``, Spanish ``es`` and
Indonesian ``id``; English is the source and the fallback):

>>> from score_core.codes import Code, violation
>>> v = violation(Code.EIT_NO_WORKER, enterprise="E3", path=("members",))
>>> localized_message(v, "zh_CN")
'企业 E3 的改善团队中没有工人'
>>> localized_message(v, "es_PE")
'el equipo de mejora de la empresa E3 no tiene ningún trabajador'

Dates, numbers, money and percentages in a message are written in the
locale's conventions (CLDR, through Babel: the ``i18n`` extra) when Babel
is installed, and as the English messages write them (ISO dates, plain
numbers) when it is not; English text always keeps score_core's own
conventions, so ``localized_message(v, "en")`` is ``v.message``. Catalogs
load on first use of a language; ``import score_core`` loads none.

Params are data (ISO dates, decimal strings, ints, tokens): in a localized
message, a param that is an ISO date is written as the locale writes dates,
one that is an amount of money (``"3076.92 CNY"``) as the locale writes
money, one that is a decimal with a fraction (``"0.6"``) with the locale's
decimal sign. Whole numbers (counts, years, headcounts) are written as they
are, without grouping, so that a year or an identifier never reads as
``2,015``.
"""

from __future__ import annotations

import copy
import functools
import gettext
import io
import itertools
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

from score_core._data import messages
from score_core.codes import (
    _MessageFormatter,
    _percent,
    _percent_number,
    code_info,
    format_message,
)
from score_core.errors import InvalidTypeError, UnknownNameError
from score_core.findings import ParamValue, Report, RuleViolation
from score_core.money import Money


__all__ = [
    "Language",
    "available_locales",
    "language",
    "locale_from_environ",
    "localized_error",
    "localized_message",
    "localized_report",
]

#: The days of the week as English abbreviates them, Monday first: the
#: source strings of their words (context ``weekday``).
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: The gettext domain of score_core's catalogs.
DOMAIN = "score_core"

#: Locales that are English: the source language, no catalog.
_ENGLISH = ("en", "c", "posix", "")
#: Spellings of Simplified Chinese that mean the zh_CN catalog.
_ALIASES = {
    "zh": "zh_CN",
    "zh_hans": "zh_CN",
    "zh_sg": "zh_CN",
    "zh_hans_cn": "zh_CN",
    # Indonesian's old code, still written by Java and Android.
    "in": "id",
    "in_id": "id",
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONEY = re.compile(r"(-?\d{1,30}(?:\.\d{1,10})?) ([A-Z]{3})")
_DECIMAL = re.compile(r"-?\d{1,30}\.\d{1,10}")
_PERCENT_SPEC = re.compile(r"\.(\d)%")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
#: The longest text read back against templates (longer ones stay English).
_LONGEST_SAID = 2000


def _normalize(locale: str) -> str:
    """``zh-CN.UTF-8`` -> ``zh_CN``: no encoding, no modifier, ``_`` between."""
    base = re.split(r"[.@]", locale.strip(), maxsplit=1)[0].replace("-", "_")
    parts = base.split("_")
    return "_".join(
        [parts[0].lower(), *(p if len(p) > 2 else p.upper() for p in parts[1:])]
    )


def available_locales() -> tuple[str, ...]:
    """The shipped catalogs, by locale (English, the source, is always there).

    >>> available_locales()
    ('en', 'es', 'id', 'zh_CN')
    """
    root = resources.files(__package__).joinpath("locale")
    found = (
        entry.name
        for entry in root.iterdir()
        if entry.joinpath("LC_MESSAGES", f"{DOMAIN}.mo").is_file()
    )
    return ("en", *sorted(found))


def _is_english(locale: str) -> bool:
    name = _normalize(locale)
    return name.lower() in _ENGLISH or name.split("_")[0] == "en"


def _catalog_for(locale: str) -> str | None:
    """The shipped catalog a locale reads, or None for English."""
    name = _normalize(locale)
    if _is_english(locale):
        return None
    shipped = available_locales()
    for candidate in (name, _ALIASES.get(name.lower(), ""), name.split("_")[0]):
        if candidate in shipped:
            return candidate
    return None


def locale_from_environ(environ: Mapping[str, str]) -> str | None:
    """The locale the environment asks for, as gettext reads it.

    The first set of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``;
    None when none is set. ``LANGUAGE`` is a list in order of preference
    (``pt_BR:es``): its first entry that is English or has a shipped catalog
    is taken, as gettext falls back along it. The caller passes the
    environment (the command line passes ``os.environ``): the library reads
    none of it.

    >>> locale_from_environ({"LANG": "es_PE.UTF-8", "LC_ALL": "zh_CN.UTF-8"})
    'zh_CN.UTF-8'
    >>> locale_from_environ({"LANGUAGE": "pt_BR:es", "LANG": "pt_BR.UTF-8"})
    'es'
    >>> locale_from_environ({}) is None
    True
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        entries = [e.strip() for e in environ.get(name, "").split(":") if e.strip()]
        for entry in entries:
            if _catalog_for(entry) is not None or _is_english(entry):
                return entry
        if entries:
            return entries[0]
    return None


def _load(catalog: str | None) -> gettext.NullTranslations:
    if catalog is None:
        return gettext.NullTranslations()
    data = (
        resources.files(__package__)
        .joinpath("locale", catalog, "LC_MESSAGES", f"{DOMAIN}.mo")
        .read_bytes()
    )
    return gettext.GNUTranslations(io.BytesIO(data))


def _babel_locale(locale: str, catalog: str | None) -> Any:
    """The Babel locale for formatting, or None (English, or no Babel)."""
    if catalog is None:
        return None
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:
        return None
    for name in (_normalize(locale), catalog):
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return None  # pragma: no cover - every shipped catalog is a CLDR locale


class Language:
    """One language's words and conventions: what text is produced with.

    Made by :func:`language` (cached), never by the rules. English
    (``catalog`` None) writes exactly what the library writes.

    Attributes:
        locale: The locale asked for, normalized (``zh_CN``, ``es_PE``).
        catalog: The shipped catalog its words come from (``es`` for
            ``es_PE``), or None for English.
        conventions: True when dates and numbers follow the locale (Babel
            is installed and the language is not English).
    """

    def __init__(self, locale: str) -> None:
        if not isinstance(locale, str):
            raise InvalidTypeError(
                "a locale is text such as 'zh_CN', or None, "
                f"not {type(locale).__name__}"
            )
        self.locale = _normalize(locale) or "en"
        self.catalog = _catalog_for(locale)
        self._words = _load(self.catalog)
        self._babel = _babel_locale(locale, self.catalog)
        self.conventions = self._babel is not None

    def __repr__(self) -> str:
        return f"Language({self.locale!r}, catalog={self.catalog!r})"

    def gettext(self, message: str) -> str:
        """A text of the command line in this language."""
        return self._words.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """A text in a context (a code, ``severity``, ``module``...)."""
        return self._words.pgettext(context, message)

    def token(self, context: str, value: str) -> str:
        """A token (``error``, ``eligible``...) in words; itself in English."""
        return self.pgettext(context, value)

    def date(self, day: date, *, style: str = "medium") -> str:
        """A date as the locale writes it (ISO in English or without Babel).

        ``style`` is a CLDR style (``short``, ``medium``, ``long``) or
        pattern (``EEE`` for the day of the week).
        """
        if self._babel is None:
            if style == "EEE":  # the catalog's words (Babel is not needed)
                return self.pgettext("weekday", _WEEKDAYS[day.weekday()])
            return day.isoformat()
        from babel.dates import format_date

        return str(format_date(day, style, locale=self._babel))

    def number(self, value: Decimal | int, *, sign: bool = False) -> str:
        """A number with the locale's decimal sign (no grouping of whole numbers)."""
        if self._babel is None:
            return f"{value:+}" if sign else str(value)
        from babel.numbers import format_decimal

        text = str(
            format_decimal(value, locale=self._babel, group_separator=False)
            if isinstance(value, int)
            else format_decimal(
                value, format=_digits_pattern(value), locale=self._babel
            )
        )
        return f"+{text}" if sign and value >= 0 else text

    def count(self, value: int) -> str:
        """A count, grouped as the locale groups (``58,340``; ``58.340`` in es)."""
        if self._babel is None:
            return f"{value:,}"
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=self._babel))

    def money(self, money: Money) -> str:
        """An amount of money as the locale writes it (``¥3,076.92`` in zh_CN)."""
        return self._money(money.amount, money.currency)

    def _money(self, amount: Decimal, currency: str) -> str:
        if self._babel is None:
            return f"{amount} {currency}"
        from babel.numbers import format_currency

        return str(format_currency(amount, currency, locale=self._babel))

    def percent(self, value: Decimal, digits: int = 0, *, sign: bool = False) -> str:
        """A share (``0.482``) as a percentage (``48.2%``, ``48,2 %``...)."""
        if self._babel is None:
            return f"{value:{'+' if sign else ''}.{digits}%}"
        # The locale's own percent pattern (``#,##0 %`` in Spanish), with
        # the digits asked for.
        pattern = copy.copy(self._babel.percent_formats[None])
        pattern.frac_prec = (digits, digits)
        if sign:
            pattern.prefix = ("+" + pattern.prefix[0], pattern.prefix[1])
        return str(pattern.apply(value, self._babel))

    def value(self, value: ParamValue) -> str:
        """A param as text: dates, money and decimals in the locale's way."""
        if not isinstance(value, str) or self._babel is None:
            return str(value)
        if _ISO_DATE.fullmatch(value):
            try:
                return self.date(date.fromisoformat(value))
            except ValueError:
                return value
        money = _MONEY.fullmatch(value)
        if money:
            return self._money(Decimal(money[1]), money[2])
        if _DECIMAL.fullmatch(value):
            return self.number(Decimal(value))
        return value

    def message(self, finding: RuleViolation) -> str:
        """A finding's message in this language (English: its own message).

        The template is the translation of the code's template. A finding
        whose code is not registered, or whose params do not give its own
        message through the code's English template (a finding stored by an
        older version, whose params held words), keeps its English message.
        """
        if self.catalog is None:
            return finding.message
        try:
            template = code_info(finding.code).template
            if format_message(template, finding.params) != finding.message:
                return finding.message
        except (UnknownNameError, KeyError, IndexError, ValueError):
            return finding.message
        words = self.pgettext(finding.code, template)
        try:
            return _Localized(finding.params, self).message(words)
        except (KeyError, IndexError, ValueError):
            # A translation that reads a param this finding's choices do not
            # need: the English message, rather than no message.
            return finding.message

    def finding(self, finding: RuleViolation) -> str:
        """A finding in one line, as ``str(finding)`` writes it, in this language."""
        severity = self.token("severity", finding.severity.value)
        return (
            f"{severity}: [{finding.code}] {self.message(finding)} @ {finding.path_str}"
        )


def _digits_pattern(value: Decimal) -> str:
    """A CLDR pattern that keeps a decimal's own digits (``0.60`` stays ``0.60``)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


class _Localized(_MessageFormatter):
    """The message formatter, writing values in a language's conventions."""

    def __init__(self, params: Mapping[str, ParamValue], lang: Language) -> None:
        super().__init__(params)
        self._lang = lang

    def plain(self, value: Any) -> str:
        return self._lang.value(value)

    def percent(self, value: Any, format_spec: str) -> str:
        number = _percent_number(value)
        spec = _PERCENT_SPEC.fullmatch(format_spec)
        if number is None or spec is None:
            return _percent(value, format_spec)
        return self._lang.percent(number, int(spec[1]))


@functools.lru_cache(maxsize=32)
def language(locale: str | None = None) -> Language:
    """The :class:`Language` of a locale (``zh_CN``, ``es-PE``, ``id_ID.UTF-8``).

    None, ``C``, ``POSIX`` and English locales give English; a locale with
    no shipped catalog gives English words (and, with Babel, the locale's
    own conventions are not used: its language is not known to score_core).
    Loaded on first use and kept.
    """
    return Language(locale or "en")


def localized_message(finding: RuleViolation, locale: str | None) -> str:
    """A finding's message in a locale's language and conventions.

    >>> from score_core.codes import Code, violation
    >>> v = violation(Code.EIT_NO_MANAGER, enterprise="E1")
    >>> localized_message(v, "id_ID")
    'tim perbaikan perusahaan E1 tidak memiliki manajer'
    """
    return language(locale).message(finding)


def localized_report(report: Report, locale: str | None) -> str:
    """A report, one finding a line as ``str(finding)`` writes it, in a locale.

    >>> from score_core.codes import Code, violation
    >>> r = Report(violations=(violation(Code.EIT_NO_MANAGER, enterprise="E1"),))
    >>> print(localized_report(r, "zh_CN"))
    错误: [eit.no_manager] 企业 E1 的改善团队中没有管理人员 @ $
    """
    lang = language(locale)
    return "\n".join(lang.finding(v) for v in report)


def _pattern(template: str) -> re.Pattern[str]:
    """The English text a ``str.format`` template writes, each part caught by name.

    >>> _pattern("unknown key {key}").fullmatch("unknown key 'x'")["key"]
    "'x'"
    """
    pieces = re.split(r"\{(\w+)\}", template)
    seen: set[str] = set()
    regex = []
    for named, piece in zip(itertools.cycle((False, True)), pieces, strict=False):
        if not named:
            regex.append(re.escape(piece))
        elif piece in seen:  # the same part again: the same text
            regex.append(f"(?P={piece})")
        else:
            seen.add(piece)
            regex.append(f"(?P<{piece}>.+?)")
    return re.compile("".join(regex), re.DOTALL)


#: Each error template with the pattern that reads it back.
_ERRORS = tuple((_pattern(t), t) for t in messages.TEMPLATES)
#: A problem of a payload: its JSON path, then what is wrong there.
_PROBLEM = re.compile(r"(\s*)(\$(?:[^:]|:(?! ))*): (.*)", re.DOTALL)


def _said(
    lang: Language,
    text: str,
    templates: tuple[tuple[re.Pattern[str], str], ...],
    context: str | None = None,
    *,
    in_turn: frozenset[str] = frozenset(),
) -> str:
    """``text`` said in ``lang``: read back against the first template that fits.

    The template's translation (in ``context``) is filled with the parts
    read: those named in ``in_turn`` said in turn, the rest kept (dates in
    the locale's way). A text no template reads is kept as it is, and so is
    a text longer than any message the templates write (a value read from a
    hostile file): reading it back could take time of the square of its
    length.
    """
    if len(text) > _LONGEST_SAID:
        return text
    for found, template in templates:
        match = found.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        for name, value in parts.items():
            if name in in_turn:
                parts[name] = _said(lang, value, templates, context, in_turn=in_turn)
            elif name in messages.LISTS_SAID_IN_TURN:
                sep = messages.LISTS_SAID_IN_TURN[name]
                parts[name] = sep.join(
                    _said(lang, item, templates, context, in_turn=in_turn)
                    for item in value.split(sep)
                )
            elif _GROUPED.fullmatch(value):  # a count the English grouped
                parts[name] = lang.count(int(value.replace(",", "")))
            else:
                parts[name] = lang.value(value)
        words = lang.pgettext(context, template) if context else lang.gettext(template)
        return words.format(**parts)
    return text


def _error_line(lang: Language, line: str) -> str:
    problem = _PROBLEM.fullmatch(line)
    if problem is not None:
        indent, path, reason = problem.groups()
        return f"{indent}{path}: {_said_error(lang, reason)}"
    indent = line[: len(line) - len(line.lstrip(" "))]
    return indent + _said_error(lang, line.lstrip(" "))


def _said_error(lang: Language, text: str) -> str:
    return _said(lang, text, _ERRORS, "error", in_turn=messages.SAID_IN_TURN)


def localized_error(error: BaseException | str, locale: str | None) -> str:
    """An error's message in a locale's language, as far as it can be said.

    score_core writes its refusals and a payload's problems from one table of
    templates; each line of the message is read back against it and said in
    the language (a payload problem keeps its JSON path). What no template
    reads, such as a field's own validation message, stays English. A
    message given as text is said the same way.

    >>> from score_core.errors import PayloadError
    >>> print(localized_error(PayloadError(["$.id: required key missing"]), "es"))
    1 problema en los datos:
      $.id: falta una clave obligatoria
    """
    lang = language(locale)
    text = str(error)
    if lang.catalog is None:
        return text
    return "\n".join(_error_line(lang, line) for line in text.split("\n"))
