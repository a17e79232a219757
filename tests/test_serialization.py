import json
import pickle
import typing
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import score_core
from payloads import CONCRETE, PER_TYPE, json_values, loaders, mutated, name
from score_core import (
    Money,
    PayloadError,
    Report,
    dump_document,
    from_dict,
    from_json,
    load_document,
    serialization,
    to_dict,
    to_json,
)
from score_core import strategies as sst
from score_core.errors import (
    SHOWN_PROBLEMS,
    InvalidValueError,
    UnsupportedSchemaVersionError,
)
from score_core.findings import RuleViolation
from score_core.profiles import CoverageTarget
from score_core.serialization import (
    SCHEMA_VERSION,
    document_kinds,
    kind_of,
    register_kind,
)


REGISTERED = sst.STRATEGIES
DOCUMENT_TYPES = set(document_kinds().values())
GOLDEN = Path(__file__).parent / "fixtures" / "payloads"


@pytest.mark.parametrize("cls", CONCRETE, ids=name)
@PER_TYPE
@given(data=st.data())
def test_json_round_trip(cls, data):
    value = data.draw(st.from_type(cls))
    # Every public value also pickles, hashes and compares after a round trip.
    again = pickle.loads(pickle.dumps(value))
    assert again == value
    assert hash(again) == hash(value)
    assert from_json(cls, to_json(value, as_type=cls)) == value
    assert from_dict(cls, to_dict(value, as_type=cls)) == value
    if cls in DOCUMENT_TYPES:
        document = dump_document(value)
        assert load_document(json.dumps(document)) == value


def _load(cls, data):
    """The loaded value, or the PayloadError (any other exception propagates)."""
    try:
        return from_dict(cls, data)
    except PayloadError as exc:
        return exc


@pytest.mark.parametrize("cls", CONCRETE, ids=name)
@given(data=st.data())
def test_arbitrary_json_raises_only_payload_error(cls, data):
    garbage = data.draw(json_values)
    outcome = _load(cls, garbage)
    if isinstance(outcome, PayloadError):
        assert outcome.errors
        assert all(e.startswith("$") for e in outcome.errors)
    else:
        assert isinstance(outcome, typing.get_origin(cls) or cls)


def _outcome(load, text):
    try:
        return load(text)
    except PayloadError as exc:
        return exc


@pytest.mark.parametrize("cls", CONCRETE, ids=name)
@PER_TYPE
@given(data=st.data())
def test_mutated_documents_raise_only_payload_error(cls, data):
    """Mutations anywhere in a payload, read from text by every loader."""
    action, text = data.draw(mutated(cls))
    for load, many in loaders(cls):
        loaded = _outcome(load, text)
        if isinstance(loaded, PayloadError):
            assert loaded.errors
            assert all(e.startswith("$") for e in loaded.errors)
            continue
        if action == "duplicate":
            raise AssertionError(f"a duplicate key was accepted: {text}")
        # Accepted only when it is still valid: it round-trips as itself,
        # through JSON text that is valid UTF-8.
        for item in loaded if many else (loaded,):
            again = to_json(item, as_type=cls)
            again.encode("utf-8")
            assert from_json(cls, again) == item


class TestStrictness:
    @pytest.mark.parametrize(
        ("payload", "expected"),
        [
            (
                {"amount": 12.5, "currency": "CNY"},
                [
                    '$.amount: expected a decimal number as a string such as "12.50", '
                    "got the float 12.5"
                ],
            ),
            (
                {"amount": "12.50", "currency": "XYZ"},
                [
                    "$.currency: Money.currency 'XYZ' is not a known ISO 4217 code; "
                    "register it with register_currency()"
                ],
            ),
            (
                {"amount": "1e5", "currency": "CNY"},
                [
                    '$.amount: expected a decimal number as a string such as "12.50", '
                    "got the string '1e5'"
                ],
            ),
            (
                {"amount": True, "currency": 5},
                [
                    '$.amount: expected a decimal number as a string such as "12.50", '
                    "got true",
                    "$.currency: expected a string, got the integer 5",
                ],
            ),
            ({"currency": "CNY"}, ["$.amount: required key missing"]),
            (
                {"amount": "1", "currency": "CNY", "fee": "2"},
                ["$: unknown key 'fee'"],
            ),
            ([1, 2], ["$: expected an object, got a list"]),
        ],
    )
    def test_money_problems_are_reported_with_paths(self, payload, expected):
        with pytest.raises(PayloadError) as info:
            from_dict(Money, payload)
        assert list(info.value.errors) == expected
        assert info.value.__cause__ is not None

    def test_integers_are_accepted_for_decimals(self):
        assert from_dict(Money, {"amount": 12, "currency": "CNY"}) == Money.of(
            12, "CNY"
        )

    def test_every_problem_in_a_nested_list_is_reported(self):
        payload = {
            "violations": [
                {
                    "code": "eit.no_worker",
                    "severity": "error",
                    "message": "m",
                    "path": [],
                    "params": {},
                },
                {
                    "code": "eit.no_worker",
                    "severity": "fatal",
                    "message": "m",
                    "path": ["a", 1.5],
                    "params": {"x": 0.5},
                },
                {
                    "code": "Bad",
                    "severity": "error",
                    "message": "m",
                    "path": [],
                    "params": {},
                },
            ]
        }
        with pytest.raises(PayloadError) as info:
            from_dict(Report, payload)
        assert list(info.value.errors) == [
            "$.violations[1].severity: expected one of 'error', 'warning', 'info', "
            "got the string 'fatal'",
            "$.violations[1].path[1]: expected a field name or a list index, "
            "got the float 1.5",
            "$.violations[1].params.x: expected a string, an integer, true, false or "
            "null, got the float 0.5",
            "$.violations[2].code: RuleViolation.code must be a dotted lower-case code "
            "such as 'eligibility.headcount.above_max', got 'Bad'",
        ]

    @pytest.mark.parametrize(
        "text",
        ["{", "NaN", '{"amount": Infinity}', "[" * 100_000, "1" * 5000, b"\xff\xfe"],
    )
    def test_bad_json_text(self, text):
        with pytest.raises(PayloadError):
            from_json(Money, text)

    def test_no_bare_exceptions_for_odd_types(self):
        with pytest.raises(PayloadError):
            from_dict(tuple[Money, ...], "abc")
        with pytest.raises(PayloadError):
            from_dict(dict[str, int], {"a": "b"})

    def test_a_mapping_field_that_is_not_an_object(self):
        from collections.abc import Mapping

        with pytest.raises(PayloadError, match="expected an object, got a list"):
            from_dict(Mapping[str, int], ["a"])


class TestStandardPath:
    def test_to_json_of_other_values(self):
        big = RuleViolation(
            code="a.b",
            severity=score_core.Severity.INFO,
            message="m",
            params={"n": 2**70},
        )
        expected = (
            '{"code":"a.b","message":"m","params":{"n":%d},"path":[],"severity":"info"}'
        )
        assert to_json(big) == expected % 2**70
        assert to_json([1.5e-7]) == "[1.5e-07]"  # not a score_core value

        @attrs.frozen
        class Theirs:
            share: float

        assert to_json(Theirs(share=1e-7)) == '{"share":1e-07}'
        assert to_json([Theirs(share=1e-7)]) == '[{"share":1e-07}]'

    def test_without_msgspec_there_is_no_fast_path(self, monkeypatch):
        import sys

        monkeypatch.setitem(sys.modules, "msgspec", None)
        monkeypatch.delitem(sys.modules, "score_core._fast", raising=False)
        monkeypatch.setattr(serialization, "FAST", serialization._NoFast)
        assert serialization._fast() is None
        assert to_json(Money.of("1", "CNY")) == '{"amount":"1.00","currency":"CNY"}'
        assert from_json(Money, '{"amount":"1","currency":"CNY"}') == Money.of(
            "1", "CNY"
        )
        with pytest.raises(PayloadError):
            load_document('{"a": 1}')
        with pytest.raises(PayloadError):
            serialization.load_many(Money, "[1]")


class TestOutput:
    def test_deterministic_and_utf8(self):
        v = RuleViolation(
            code="a.b",
            severity=score_core.Severity.INFO,
            message="重庆齿轮厂",
            params={"b": 1, "a": 2},
        )
        text = to_json(v)
        assert "重庆齿轮厂" in text
        assert text.index('"a"') < text.index('"b"')
        assert to_json(v, indent=2).startswith("{\n  ")

    def test_text_fields_are_written_as_plain_strings(self):
        from score_core import Enterprise, ModuleCode

        firm = Enterprise(id=ModuleCode.M1, name="n", headcount=1, sector=ModuleCode.M2)
        data = to_dict(firm)
        assert (data["id"], data["sector"]) == ("M1", "M2")
        assert type(data["id"]) is str
        assert type(data["sector"]) is str

    def test_items_of_an_abstract_type_by_their_own_type(self):
        items = (Money.of("1", "CNY"), Report())
        assert to_dict(items, as_type=tuple[object, ...]) == [
            {"amount": "1.00", "currency": "CNY"},
            {"violations": []},
        ]

    def test_money_amount_keeps_minor_digits(self):
        assert to_dict(Money(amount=Decimal("12.5"), currency="CNY")) == {
            "amount": "12.50",
            "currency": "CNY",
        }
        assert to_dict(Money(amount=Decimal("0.125"), currency="CNY"))["amount"] == (
            "0.125"
        )


class TestDocuments:
    def test_envelope(self):
        doc = dump_document(Money.of("1", "CNY"))
        assert doc["schema"] == "score_core"
        assert doc["schema_version"] == SCHEMA_VERSION
        assert doc["kind"] == "money"
        assert load_document(doc, kind="money") == Money.of("1", "CNY")

    def test_newer_version_is_refused(self):
        doc = {
            **dump_document(Money.of("1", "CNY")),
            "schema_version": SCHEMA_VERSION + 1,
        }
        with pytest.raises(UnsupportedSchemaVersionError):
            load_document(doc)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"schema": "other"}, "$.schema: expected 'score_core'"),
            ({"schema_version": "1"}, "$.schema_version: expected a positive integer"),
            ({"schema_version": 0}, "$.schema_version: expected a positive integer"),
            ({"kind": "nope"}, "$.kind: expected one of"),
            ({"extra": 1}, "$: unknown key 'extra'"),
        ],
    )
    def test_bad_envelopes(self, change, message):
        doc = {**dump_document(Money.of("1", "CNY")), **change}
        with pytest.raises(PayloadError) as info:
            load_document(doc)
        assert info.value.errors[0].startswith(message)

    def test_missing_envelope_keys(self):
        with pytest.raises(PayloadError) as info:
            load_document({"schema": "score_core"})
        assert len(info.value.errors) == 3
        with pytest.raises(PayloadError) as info:
            load_document({})
        assert info.value.errors == (
            "$: expected a document, an object with schema, schema_version, kind "
            "and data; got an object with none of these keys",
        )
        with pytest.raises(PayloadError):
            load_document([])

    def test_wrong_kind(self):
        with pytest.raises(PayloadError) as info:
            load_document(dump_document(Money.of("1", "CNY")), kind="report")
        assert info.value.errors == ("$.kind: expected 'report', got 'money'",)

    def test_migrations_are_applied_in_order(self, monkeypatch):
        from score_core import _migrations

        monkeypatch.setattr(_migrations, "CURRENT_VERSION", 3)
        monkeypatch.setattr("score_core.serialization.SCHEMA_VERSION", 3)

        def v1_to_v2(doc):
            data = dict(doc["data"])
            data["amount"] = data.pop("value")
            return {**doc, "data": data}

        def v2_to_v3(doc):
            return {
                **doc,
                "data": {**doc["data"], "currency": doc["data"]["currency"].upper()},
            }

        old = {
            "schema": "score_core",
            "schema_version": 1,
            "kind": "money",
            "data": {"value": "2.00", "currency": "cny"},
        }
        steps = {1: v1_to_v2, 2: v2_to_v3}
        assert load_document(old, migrations=steps) == Money.of("2", "CNY")
        assert old["data"] == {"value": "2.00", "currency": "cny"}  # not mutated

    def test_kinds(self):
        assert kind_of(Money.of("1", "CNY")) == "money"
        with pytest.raises(InvalidValueError):
            kind_of(object())
        with pytest.raises(InvalidValueError):
            register_kind("Bad Kind", Money)
        with pytest.raises(InvalidValueError):
            register_kind("money", Report)
        with pytest.raises(InvalidValueError):
            dump_document(Money.of("1", "CNY"), kind="nope")
        register_kind("money", Money)  # idempotent


def test_every_registered_kind_has_a_golden_payload():
    files = {p.stem for p in (GOLDEN / f"v{SCHEMA_VERSION}").glob("*.json")}
    kinds = {k.replace("[]", "_list") for k in document_kinds()}
    assert kinds <= files


@pytest.mark.parametrize(
    "path", sorted(GOLDEN.glob("v*/*.json")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_golden_payloads_keep_loading(path):
    text = path.read_text(encoding="utf-8")
    value = load_document(text)
    if path.parent.name == f"v{SCHEMA_VERSION}":
        document = json.loads(text)
        assert document == dump_document(value, kind=document["kind"])


def test_every_public_attrs_class_has_a_strategy():
    import importlib

    from score_core._public import PUBLIC

    public = [
        getattr(importlib.import_module(f"score_core.{row.module}"), row.name)
        for row in PUBLIC
    ]
    assert {c for c in public if isinstance(c, type) and attrs.has(c)} <= set(
        REGISTERED
    )


class TestLoadMany:
    def test_shapes(self):
        from score_core import Enterprise
        from score_core.serialization import load_many

        e = {"id": "E1", "name": "n", "headcount": 1}
        one = Enterprise(id="E1", name="n", headcount=1)
        assert load_many(Enterprise, e) == (one,)
        assert load_many(Enterprise, [e, e]) == (one, one)
        assert load_many(Enterprise, json.dumps(dump_document(one))) == (one,)
        assert load_many(Enterprise, dump_document((one,), kind="enterprise[]")) == (
            one,
        )

    def test_wrong_kind(self):
        from score_core import Enterprise
        from score_core.serialization import load_many

        with pytest.raises(PayloadError, match="expected enterprise or enterprise"):
            load_many(Enterprise, dump_document(Money.of("1", "CNY")))
        with pytest.raises(PayloadError, match="a known kind"):
            load_many(CoverageTarget, {"schema": "score_core"})


class TestVersionOne:
    """Version 1 documents: the remainder nobody paid becomes ``unfunded``."""

    def _v1(self, name):
        return json.loads((GOLDEN / "v1" / name).read_text(encoding="utf-8"))

    def test_a_quotes_institution_remainder_is_read_as_unfunded(self):
        from score_core.pricing import Payer

        document = self._v1("quote.json")
        document["data"]["by_payer"]["institution"]["amount"] = "12.00"
        quote = load_document(json.dumps(document))
        assert str(quote.by_payer[Payer.UNFUNDED]) == "12.00 CNY"
        assert quote.by_payer[Payer.INSTITUTION].amount == 0
        # Read back, version 2 writes the zero as it writes every amount.
        data = dump_document(quote)["data"]
        assert data["by_payer"]["institution"] == {"amount": "0.00", "currency": "CNY"}
        payers = {p.payer for i in quote.invoices for p in i.payments}
        assert Payer.INSTITUTION not in payers
        assert Payer.UNFUNDED in payers
        listed = load_document(
            json.dumps({**document, "kind": "quote[]", "data": [document["data"]]})
        )
        assert listed == (quote,)
        book = load_document(json.dumps(self._v1("portfolio.json")))
        assert Payer.INSTITUTION not in {row.payer for row in book.rows}

    @pytest.mark.parametrize(
        ("kind", "data"),
        [
            ("quote", 7),
            ("quote", {"by_payer": {"institution": 5}, "invoices": 5}),
            ("quote", {"invoices": [3, {"payments": [1, {"payer": "institution"}]}]}),
            ("quote", {"invoices": [{"payments": "x"}]}),
            ("quote[]", {"not": "a list"}),
            ("portfolio", {"rows": [1, {"payer": "institution"}]}),
            ("portfolio", {"rows": 3}),
            ("portfolio", []),
        ],
    )
    def test_malformed_version_one_documents_are_payload_errors(self, kind, data):
        document = {
            "schema": "score_core",
            "schema_version": 1,
            "kind": kind,
            "data": data,
        }
        with pytest.raises(PayloadError):
            load_document(json.dumps(document))


# -- the shape of a payload: which kind it looks like --------------------------------
SINGLE_KINDS = {
    kind: cls
    for kind, cls in document_kinds().items()
    if not kind.endswith("[]") and attrs.has(typing.get_origin(cls) or cls)
}
KIND_VALUES = {kind: st.from_type(cls) for kind, cls in SINGLE_KINDS.items()}


def _fields(cls):
    return {f.name for f in attrs.fields(typing.get_origin(cls) or cls) if f.init}


@pytest.mark.parametrize("kind", sorted(SINGLE_KINDS))
@settings(max_examples=5)
@given(data=st.data())
def test_a_value_is_shaped_like_its_own_kind(kind, data):
    value = data.draw(KIND_VALUES[kind])
    plain = to_dict(value)
    like = serialization.kinds_like(plain)
    assert like[0] == kind or set(plain) == _fields(SINGLE_KINDS[like[0]])
    assert kind in like
    # Each kind it is shaped like reads every one of its keys.
    assert all(set(plain) <= _fields(SINGLE_KINDS[other]) for other in like)
    assert serialization.kinds_like(json.dumps(plain)) == like
    if f"{kind}[]" in document_kinds():
        assert f"{kind}[]" in serialization.kinds_like([plain, plain])


@settings(max_examples=60)
@given(
    data=st.data(),
    kinds=st.tuples(
        st.sampled_from(sorted(SINGLE_KINDS)), st.sampled_from(sorted(SINGLE_KINDS))
    ),
)
def test_a_value_of_another_kind_is_one_problem_naming_its_kind(data, kinds):
    mine, expected = kinds
    plain = to_dict(data.draw(KIND_VALUES[mine]))
    cls = SINGLE_KINDS[expected]
    if mine == expected or set(plain) <= _fields(cls):
        return  # the keys are the expected kind's: its own checks apply
    with pytest.raises(PayloadError) as info:
        from_dict(cls, plain)
    (problem,) = info.value.errors
    assert problem.startswith(f"$: expected {expected}, got an object shaped like ")
    assert mine in problem
    unknown = len(set(plain) - _fields(cls))
    assert problem.endswith(
        f": {unknown} of its {len(plain)} keys are not fields of {expected}"
    )


def test_kinds_like_examples():
    money = {"amount": "1.00", "currency": "CNY"}
    assert serialization.kinds_like(money) == ("money",)
    assert serialization.kinds_like([money, money]) == ()  # no money[] kind
    firm = {"id": "E1", "name": "n"}
    assert serialization.kinds_like([firm, {**firm, "headcount": 5}]) == (
        "enterprise[]",
    )
    # Items of different kinds, or not objects: no list kind.
    assert serialization.kinds_like([firm, money]) == ()
    assert serialization.kinds_like([firm, 1]) == ()
    assert serialization.kinds_like([{"colour": "blue"}, firm, firm]) == ()
    for nothing in ([], {}, 1, None, {"colour": "blue"}):
        assert serialization.kinds_like(nothing) == ()
    assert serialization.kinds_like(dump_document(Money.of("1", "CNY"))) == ()
    with pytest.raises(PayloadError):
        serialization.kinds_like("{")


def test_a_kind_registered_later_is_recognised(monkeypatch):
    @attrs.frozen(kw_only=True)
    class Thermometer:
        celsius_reading: int

    assert serialization.kinds_like({"celsius_reading": 1}) == ()
    # Registered for this test only: every registered kind has a golden file.
    monkeypatch.setitem(serialization._KINDS, "test_thermometer", Thermometer)
    assert serialization.kinds_like({"celsius_reading": 1}) == ("test_thermometer",)


def test_a_list_of_the_wrong_kind_is_one_problem_an_item():
    firm = {"id": "E1", "name": "n", "headcount": 5}
    with pytest.raises(PayloadError) as info:
        from_dict(tuple[Money, ...], [firm] * 1000)
    assert len(info.value.errors) == 1000
    assert info.value.errors[999].startswith(
        "$[999]: expected money, got an object shaped like enterprise"
    )
    # The message lists a few; the cause keeps no stack frames per item.
    assert len(str(info.value).splitlines()) == 2 + SHOWN_PROBLEMS
    items = info.value.__cause__.exceptions
    assert all(item.__traceback__ is None for item in items)


def test_a_mapping_of_bad_values_keeps_no_stack_frames():
    with pytest.raises(PayloadError) as info:
        from_dict(dict[str, Money], {"a": 1, "b": 2})
    assert len(info.value.errors) == 2
    assert all(e.__traceback__ is None for e in info.value.__cause__.exceptions)


def test_an_object_with_a_misspelt_key_is_not_another_kind():
    with pytest.raises(PayloadError) as info:
        from_dict(Money, {"amount": "1.00", "curency": "CNY"})
    assert info.value.errors == (
        "$.currency: required key missing",
        "$: unknown key 'curency'",
    )


class TestBareData:
    def test_bare_data_of_a_kind(self):
        money = Money.of("1", "CNY")
        text = to_json(money)
        assert load_document(text, kind="money", bare=True) == money
        # A document is still read as a document.
        assert load_document(dump_document(money), kind="money", bare=True) == money
        with pytest.raises(PayloadError, match="expected 'money', got 'report'"):
            load_document(dump_document(Report()), kind="money", bare=True)

    def test_a_list_is_read_as_the_list_kind(self):
        firms = [{"id": "E1", "name": "n"}, {"id": "E2", "name": "m"}]
        for kind in ("enterprise", "enterprise[]"):
            loaded = load_document(firms, kind=kind, bare=True)
            assert [f.id for f in loaded] == ["E1", "E2"]
        # A kind without a list kind reads a list as its own data: refused.
        with pytest.raises(PayloadError, match="expected an object, got a list"):
            load_document([], kind="money", bare=True)

    def test_bare_needs_a_known_kind(self):
        with pytest.raises(InvalidValueError, match="needs its kind"):
            load_document({}, bare=True)
        with pytest.raises(InvalidValueError, match="unknown document kind 'nope'"):
            load_document({}, kind="nope", bare=True)

    def test_without_bare_data_is_named_not_listed(self):
        profile = to_dict(score_core.get_profile("cn-phase-2"))
        with pytest.raises(PayloadError) as info:
            load_document(profile)
        assert info.value.errors == (
            "$: expected a document, an object with schema, schema_version, kind "
            "and data; got an object shaped like profile (data without its "
            "envelope)",
        )
        with pytest.raises(PayloadError) as info:
            load_document([profile])
        assert info.value.errors == (
            "$: expected a document object, got a list shaped like profile[] (data "
            "without its envelope)",
        )
