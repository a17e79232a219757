"""JSON Schema: generated documents validate; mutated ones are refused by both."""

import json
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from score_core import InvalidValueError, Money, PayloadError, Workshop, load_document
from score_core.schema import DIALECT, json_schema
from score_core.serialization import document_kinds, dump_document


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
