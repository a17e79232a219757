"""The `fast` extra (msgspec) against the standard path, on the same inputs.

Every public type is loaded from generated values, arbitrary JSON and
mutated payloads, bare and in documents, by both paths: each gives the same
value (equal and with the same repr, so the same types and Decimal digits)
or the same PayloadError with the same messages. Dumping gives the same text
and plain data. Skipped only when msgspec is not installed (the dev extra
installs it).
"""

import contextlib
import json
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


pytest.importorskip("msgspec")

from payloads import (
    CONCRETE,
    DOCUMENT_KINDS,
    PER_TYPE,
    json_values,
    loaders,
    mutate,
    name,
)
from score_core import (
    Enterprise,
    Money,
    PayloadError,
    Workshop,
    _fast,
    dump_document,
    from_json,
    load_document,
    serialization,
    to_dict,
    to_json,
)
from score_core.errors import ScoreError
from score_core.findings import RuleViolation, Severity


FAST = serialization._fast()


@contextlib.contextmanager
def _standard():
    """The standard path only, as without the extra."""
    saved = serialization.FAST
    serialization.FAST = None
    try:
        yield
    finally:
        serialization.FAST = saved


def _outcome(load, text):
    try:
        value = load(text)
    except PayloadError as exc:
        return type(exc), exc.errors
    except ScoreError as exc:  # misuse, such as a type no payload has
        return type(exc), str(exc)
    return "value", value, repr(value)


def _both(load, text):
    """The fast and the standard outcome; they must agree."""
    fast = _outcome(load, text)
    with _standard():
        standard = _outcome(load, text)
    assert fast == standard
    return fast


# In CI, ten values of each type, each read as it is and mutated.
PER_TYPE_FAST = settings(PER_TYPE, max_examples=min(PER_TYPE.max_examples, 10))


@pytest.mark.parametrize("cls", CONCRETE, ids=name)
@PER_TYPE_FAST
@given(data=st.data())
def test_generated_and_mutated_values_the_same_both_ways(cls, data):
    value = data.draw(st.from_type(cls))
    with _standard():
        text = to_json(value, as_type=cls)
        pretty = to_json(value, as_type=cls, indent=2)
        plain = to_dict(value, as_type=cls)
    assert to_json(value, as_type=cls) == text
    assert to_json(value, as_type=cls, indent=2) == pretty
    assert to_dict(value, as_type=cls) == plain
    # The fast path reads every valid payload itself.
    assert FAST.load(cls, text) == value
    for load, _many in loaders(cls):
        assert _both(load, text)[0] == "value"
    if cls in DOCUMENT_KINDS:
        document = json.dumps(dump_document(value))
        assert _both(load_document, document)[1] == value
        assert _both(load_document, document.encode())[1] == value
    _action, mutated = mutate(data.draw, plain)
    for load, _many in loaders(cls):
        _both(load, mutated)


@pytest.mark.parametrize("cls", CONCRETE, ids=name)
@settings(max_examples=10)
@given(garbage=json_values)
def test_arbitrary_json_the_same_both_ways(cls, garbage):
    text = json.dumps(garbage)
    for load, _many in loaders(cls):
        _both(load, text)


FIRM = '{"id": "E1", "name": "n", "headcount": 5, "women": 2}'


@pytest.mark.parametrize(
    "text",
    [
        FIRM,
        FIRM.encode(),
        FIRM.encode("utf-16"),
        b"\xef\xbb\xbf" + FIRM.encode(),  # a byte order mark
        "\ufeff" + FIRM,
        FIRM.replace('"n"', '"\\ud800"'),  # a lone surrogate, escaped
        FIRM.replace('"n"', '"\ud800"'),  # one that is no text at all
        FIRM.encode().replace(b'"n"', b'"\xed\xa0\x80"'),  # and as bytes
        FIRM.replace('"n"', '"a:b"'),
        FIRM.replace('"n"', '"a\\u003ab"'),
        FIRM.replace('"n"', '"a\\\\u003ab"'),
        FIRM.replace('"id": "E1"', '"id": "E1", "id": "E2"'),
        FIRM.replace('"id": "E1"', '"id": "E1", "\\u0069d": "E2"'),
        FIRM.replace("5", "9" * 5000),
        FIRM.replace("5", "9223372036854775808"),
        FIRM.replace("5", "5.0"),
        FIRM.replace("5", "1e400"),
        FIRM.replace("5", "NaN"),
        FIRM.replace("5", "true"),
        FIRM.replace('"n"', '"n\x01"'),
        FIRM + " x",
        FIRM + " \n",
        "[" * 100_000 + "]" * 100_000,
        '{"a": ' * 5000 + "1" + "}" * 5000,
        "",
        "null",
        bytearray(FIRM.encode()),
        FIRM.replace("}", ', "founded": "2026-02-30"}'),
        FIRM.replace("}", ', "founded": "2026-1-01"}'),
        FIRM.replace("}", ', "founded": "0001-01-01"}'),
    ],
)
def test_hostile_text_the_same_both_ways(text):
    for cls in (Enterprise, tuple[Enterprise, ...]):
        for load, _many in loaders(cls):
            _both(load, text)
    _both(
        lambda t: from_json(Enterprise, t), f"[{text}]" if type(text) is str else text
    )


@pytest.mark.parametrize(
    "document",
    [
        {"schema": "score_core", "schema_version": 2, "kind": "money"},
        {"schema": "other", "schema_version": 2, "kind": "money"},
        {"schema": "score_core", "schema_version": 3, "kind": "money"},
        {"schema": "score_core", "schema_version": True, "kind": "money"},
        {"schema": "score_core", "schema_version": 2, "kind": "nope"},
        {"schema": "score_core", "schema_version": 2, "kind": "a:b"},
        {"schema": "score_core", "schema_version": 2, "kind": "report"},
        {"schema": "score_core", "schema_version": 2, "kind": "money", "x": 1},
    ],
)
def test_envelopes_the_same_both_ways(document):
    data = '{"amount": "1.5", "currency": "CNY"}'
    text = json.dumps(document)[:-1] + f', "data": {data}}}'
    for load in (
        load_document,
        lambda t: load_document(t, kind="money"),
        lambda t: serialization.load_many(Money, t),
    ):
        _both(load, text)
        _both(load, text.replace('"kind"', '"kind": "money", "kind"'))
        _both(load, text.replace('"schema"', '"schema": "x", "schema"'))


def test_the_fast_path_reads_what_it_can_and_only_that():
    firm = Enterprise(id="E1", name="n", headcount=5, women=2)
    assert FAST.load(Enterprise, FIRM) == firm
    assert FAST.load(Enterprise, FIRM.encode()) == firm
    # Text holding an escaped colon, or of another type, goes the standard way.
    assert FAST.load(Enterprise, FIRM.replace("E1", "\\u003a")) is _fast.MISS
    assert FAST.load(Enterprise, bytearray(FIRM.encode())) is _fast.MISS
    assert FAST.envelope(bytearray(b"{}")) is _fast.MISS
    assert FAST.envelope("{}") is _fast.MISS
    # A type the mirrors do not cover has no fast loader.
    assert FAST.loader(int | bool) is None
    assert FAST.loader(list[int]) is None
    assert FAST.loader(dict[int, int]) is None
    assert FAST.loader([]) is None  # not even a type
    assert from_json(list[int], "[1]") == [1]


@attrs.frozen(kw_only=True)
class _Node:
    name: str
    children: tuple["_Node", ...] = ()


@attrs.frozen(kw_only=True)
class _Private:
    _secret: int = 0


@attrs.frozen(kw_only=True)
class _Derived:
    size: int = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))


@attrs.frozen(kw_only=True)
class _Schema:
    schema: str


@attrs.frozen(kw_only=True)
class _OddSet:
    amounts: frozenset[Money] = frozenset()


@attrs.frozen(kw_only=True)
class _OddKeys:
    by_number: dict[int, str] = attrs.field(factory=dict)


@pytest.mark.parametrize("cls", [_Node, _Private, _Derived])
def test_classes_the_mirrors_do_not_cover_load_the_standard_way(cls):
    assert FAST.loader(cls) is None
    for text in ('{"name": "a", "children": []}', '{"secret": 1}', '{"size": 2}'):
        _both(lambda t, cls=cls: from_json(cls, t), text)


def test_load_many_of_types_without_a_kind():
    for cls, text in (
        (_Schema, '{"schema": "a"}'),
        (date, '"2026-12-02"'),
        (date, '"2026-12-32"'),
        (_Node, '{"name": "a"}'),
        (_Node, '{"name": 1}'),
    ):
        _both(lambda t, cls=cls: serialization.load_many(cls, t), text)


def test_what_msgspec_would_write_otherwise_is_written_through_plain_data():
    assert FAST._classes(_OddSet) is None
    assert FAST._classes(_OddKeys) is None
    firm = Enterprise(id="E1", name="\ud800")  # no text: msgspec cannot write it
    with _standard():
        expected = to_json(firm), to_json(firm, indent=4)
    assert (to_json(firm), to_json(firm, indent=4)) == expected


# Text as JSON can hold it: control characters, quotes, backslashes, line
# separators, and lone surrogates (which msgspec cannot encode).
json_text = st.lists(
    st.characters()
    | st.sampled_from(["\ud800", "\udfff", "\x00", "\x1f", "\x7f", "\u2028", '"', "\\"])
).map("".join)
float_free_json = st.recursive(
    st.none() | st.booleans() | st.integers() | json_text,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(json_text, inner, max_size=4)
    ),
    max_leaves=20,
)


class TestDumping:
    def test_collections_as_the_converter_writes_them(self):
        firm = Enterprise(id="E1", name="n", headcount=5, women=2)
        shop = Workshop(id="W", module="M1", days=(date(2026, 12, 2),))
        cases = [
            (value, as_type)
            for value in ((firm, firm), [firm], ())
            for as_type in (None, tuple[Enterprise, ...], list[Enterprise])
        ]
        cases += [((firm, shop), None), ((firm, shop), tuple[object, ...])]
        for value, as_type in cases:
            with _standard():
                expected = to_dict(value, as_type=as_type)
                text = to_json(value, as_type=as_type)
            found = to_dict(value, as_type=as_type)
            assert (found, type(found)) == (expected, type(expected))
            assert to_json(value, as_type=as_type) == text

    @given(float_free_json, st.sampled_from([None, 2, 4]))
    def test_writes_what_the_standard_library_writes_or_declines(self, data, indent):
        fast = FAST.encode_plain(data, indent)
        if fast is not _fast.MISS:
            assert fast == serialization._dumps(data, indent)

    def test_declines_what_it_cannot_write_identically(self):
        assert FAST.encode_plain("\ud800", None) is _fast.MISS
        assert FAST.encode_plain([1], 4) is _fast.MISS
        assert FAST.dump([1], {int}, lambda: [1], 4) is _fast.MISS
        assert FAST.dump(object(), {object}, object, None) is _fast.MISS

    def test_values_it_cannot_write_itself_go_through_plain_data(self):
        finding = RuleViolation(
            code="a.b", severity=Severity.INFO, message="m", params={"n": 1}
        )
        both = (finding, Money.of("1", "CNY"))
        assert FAST._encodable({RuleViolation})
        assert not FAST._encodable({RuleViolation, Money})
        for as_type in (None, tuple[object, ...]):
            with _standard():
                expected = to_json(both, as_type=as_type)
            assert to_json(both, as_type=as_type) == expected

    def test_a_subclass_is_written_as_its_declared_class_would_be(self):
        @attrs.frozen(kw_only=True)
        class Mine(Workshop):
            note: str = "x"

        day = (date(2026, 12, 2),)
        shop = Workshop(id="W", module="M1", days=day)
        mine = Mine(id="W", module="M1", days=day)
        with _standard():
            expected = to_json(shop), to_json(mine, as_type=Workshop)
        assert (to_json(shop), to_json(mine, as_type=Workshop)) == expected
        assert not FAST._encodable({Workshop})  # while a subclass exists
