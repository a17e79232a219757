"""JSON Schema: generated documents validate; mutated ones are refused by both."""

import json
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from score_core import (
    InvalidValueError,
    Money,
    PayloadError,
    Workshop,
    from_json,
    load_document,
)
from score_core.schema import DIALECT, json_schema
from score_core.serialization import SCHEMA_VERSION, document_kinds, dump_document


KINDS = sorted(document_kinds())
# 40 kinds, each validated with jsonschema: a small budget in CI, where the
# round-trip tests already draw every type; other profiles keep theirs.
PER_KIND = (
    settings(max_examples=10)
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
    else settings()
)


def _validator(kind: str) -> Draft202012Validator:
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("kind", KINDS)
@PER_KIND
@given(data=st.data())
def test_generated_documents_validate_and_mutations_are_refused(kind, data):
    validator = _validator(kind)
    value = data.draw(st.from_type(document_kinds()[kind]))
    document = json.loads(json.dumps(dump_document(value, kind=kind)))
    errors = list(validator.iter_errors(document))
    assert errors == [], [e.message for e in errors]
    body = document["data"]
    mutated = dict(document)
    if isinstance(body, dict):
        mutated["data"] = {**body, "not_a_field": 1}
    else:
        mutated["data"] = [*body, 12.5]
    assert not validator.is_valid(mutated)
    with pytest.raises(PayloadError):
        load_document(mutated)
    wrong_kind = {**document, "kind": "no-such-kind"}
    assert not validator.is_valid(wrong_kind)


def test_decimals_dates_and_required_keys():
    validator = _validator("money")
    good = dump_document(Money.of("12.50", "CNY"))
    assert validator.is_valid(good)
    for data in (
        {"amount": 12.5, "currency": "CNY"},
        {"amount": "12,50", "currency": "CNY"},
        {"currency": "CNY"},
    ):
        assert not validator.is_valid({**good, "data": data})
    assert validator.is_valid({**good, "data": {"amount": 12, "currency": "CNY"}})
    shop = json_schema(Workshop)
    assert shop["$schema"] == DIALECT
    days = shop["$defs"]["Workshop"]["properties"]["days"]
    assert days["items"]["format"] == "date"
    bare = json_schema("workshop", document=False)
    assert bare["$ref"] == "#/$defs/Workshop"


def test_unknown_kinds_and_types():
    with pytest.raises(InvalidValueError, match="unknown document kind"):
        json_schema("nope")
    with pytest.raises(TypeError, match="no JSON Schema"):
        json_schema(complex)
    with pytest.raises(TypeError, match="optional unions"):
        json_schema(Decimal | str)


# -- the schema and the loader agree on every rule on one field -------------------
def _strings(original: str) -> list[str]:
    return [
        "",
        " ",
        "\t",
        original + "\n",
        original.lower(),
        original.upper(),
        original[:1],
        original * 2,
        "x",
        "cn",
        "CHN",
        "CN",
        "cny",
        "XYZ",
        "M1",
        "m1",
        "a.b",
        "Bad",
        "-1",
        "-0",
        "0",
        "0.5",
        "1",
        "1.5",
        "2",
        "12.50",
        "-12.50",
        "9" * 25,
        "2026-02-30",
        "2026-01-01",
    ]


_INTS = [-1, 0, 1, 2, 4, 5, 6, 7, 13, 100, -(2**63) - 1, 2**63]


def _mutations(node):
    """Values to put in place of ``node``, a leaf or a list of a payload."""
    if type(node) is str:
        return _strings(node)
    if type(node) is int:
        return _INTS
    if node is None:
        return ["", "x", "CN", "cn", "CNY", "cny", 0, -1, 1, [], "2026-01-01"]
    if type(node) is list:
        out = [[]]
        if node:
            out += [[node[0], node[0]], node[:1], [*node, node[0]]]
        return out
    return []


def _owner(schema, path):
    """The class (``$defs`` title) and field that hold the value at ``path``."""
    defs, node, owner = schema["$defs"], schema, None
    for step in path:
        while "$ref" in node or "anyOf" in node:
            if "$ref" in node:
                node = defs[node["$ref"].rsplit("/", 1)[1]]
            else:
                node = next(b for b in node["anyOf"] if b != {"type": "null"})
        if isinstance(step, int):
            node = node.get("items", {})
        elif "title" in node:  # a class: step is a field
            owner = (node["title"], step)
            node = node["properties"][step]
        else:  # a mapping: step is a key
            node = node.get("additionalProperties", {})
    return owner


def _at_or_below(problem: str, path) -> bool:
    where = problem.split(": ", 1)[0]
    rendered = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path)
    return where == rendered or where.startswith((rendered + ".", rendered + "["))


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.endswith("[]")])
@PER_KIND
@given(data=st.data())
def test_the_schema_and_the_loader_agree_on_every_rule_on_one_field(kind, data):
    from score_core.schema import _LOADER_ONLY

    cls = document_kinds()[kind]
    schema = json_schema(kind, document=False)
    validator = Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    value = data.draw(st.from_type(cls))
    plain = json.loads(json.dumps(dump_document(value, kind=kind)["data"]))
    paths = [
        p
        for p in _leaf_paths(plain)
        if _mutations(_get(plain, p)) and _owner(schema, p)
    ]
    if not paths:
        return
    path = data.draw(st.sampled_from(paths))
    new = data.draw(st.sampled_from(_mutations(_get(plain, path))))
    mutated = _put(plain, path, new)
    schema_ok = validator.is_valid(mutated)
    try:
        from_json(cls, json.dumps(mutated))
    except PayloadError as exc:
        problems = exc.errors
    else:
        problems = ()
    note = f"{kind} at {list(path)}: {new!r}; loader: {problems}"
    if not schema_ok:
        assert problems, "the schema refuses what the loader takes: " + note
        return
    owner, field = _owner(schema, path)
    for problem in problems:
        if _at_or_below(problem, path):
            assert field in _LOADER_ONLY.get(owner, {}), (
                f"the schema takes what the loader refuses ({owner}.{field}): " + note
            )


def _leaf_paths(node, prefix=()):
    if isinstance(node, dict):
        for key, item in node.items():
            yield from _leaf_paths(item, (*prefix, key))
    elif isinstance(node, list):
        yield prefix
        for index, item in enumerate(node):
            yield from _leaf_paths(item, (*prefix, index))
    else:
        yield prefix


def _get(node, path):
    for step in path:
        node = node[step]
    return node


def _put(node, path, new):
    if not path:
        return new
    head, *rest = path
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[head] = _put(node[head], rest, new)
    return copy


_FIRM = {"id": "E", "name": "E", "headcount": 60}
_SHOP = {"id": "W", "module": "M1", "days": ["2026-03-02", "2026-03-03"]}


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("enterprise", {**_FIRM, "headcount": -1}),
        ("enterprise", {**_FIRM, "name": ""}),
        ("enterprise", {**_FIRM, "id": " "}),
        ("enterprise", {**_FIRM, "country": "cn"}),
        ("enterprise", {**_FIRM, "country": "CHN"}),
        ("enterprise", {**_FIRM, "country": "CN\n"}),
        ("enterprise", {**_FIRM, "headcount": 2**63}),
        ("workshop", {**_SHOP, "days": []}),
        ("workshop", {**_SHOP, "days": ["2026-03-02", "2026-03-02"]}),
        ("workshop", {**_SHOP, "module": ""}),
        ("money", {"amount": "1.00", "currency": "XYZ"}),
        ("money", {"amount": "1.00", "currency": "cny"}),
        ("money", {"amount": "12.50\n", "currency": "CNY"}),
        ("money", {"amount": "1" * 25, "currency": "CNY"}),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(kind, data):
    validator = _validator(kind)
    document = {"schema": "score_core", "schema_version": SCHEMA_VERSION, "kind": kind}
    good = {"enterprise": _FIRM, "workshop": _SHOP}.get(
        kind, {"amount": "1", "currency": "CNY"}
    )
    assert validator.is_valid({**document, "data": good})
    assert not validator.is_valid({**document, "data": data})
    with pytest.raises(PayloadError):
        load_document({**document, "data": data})


def test_the_loader_is_stricter_on_floats_and_says_so():
    validator = _validator("enterprise")
    document = {
        "schema": "score_core",
        "schema_version": SCHEMA_VERSION,
        "kind": "enterprise",
    }
    with_float = {**document, "data": {**_FIRM, "headcount": 120.0}}
    assert validator.is_valid(with_float)  # JSON Schema: 120.0 is an integer
    with pytest.raises(PayloadError, match=r"got the float 120\.0"):
        load_document(with_float)


def test_rules_across_fields_are_listed_in_the_description():
    defs = json_schema("workshop")["$defs"]
    assert defs["Enterprise"]["description"].endswith(
        "The loader also checks, across fields: women at most the headcount."
    )
    assert "days in order" in defs["Workshop"]["description"]
    weekend = json_schema("calendar")["$defs"]["FixedCalendar"]["properties"]
    validator = _validator("calendar")
    document = {
        "schema": "score_core",
        "schema_version": SCHEMA_VERSION,
        "kind": "calendar",
    }
    assert "not" in weekend["weekend"]
    for days, ok in (([5, 6], True), ([0, 1, 2, 3, 4, 5, 6], False), ([7], False)):
        data = {"name": "c", "weekend": days}
        assert validator.is_valid({**document, "data": data}) is ok
