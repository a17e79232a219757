import pytest

from score_core import errors
from score_core.errors import PayloadError, ScoreError


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (errors.InvalidValueError, ValueError),
        (errors.InvalidTypeError, TypeError),
        (errors.ConfigurationError, ValueError),
        (errors.UnknownNameError, LookupError),
        (errors.NotInForceError, LookupError),
        (errors.CurrencyMismatchError, TypeError),
        (errors.AllocationError, ValueError),
        (errors.PayloadError, ValueError),
        (errors.UnsupportedSchemaVersionError, PayloadError),
        (errors.RuleViolationError, ValueError),
        (errors.PlanningError, ValueError),
    ],
)
def test_each_error_is_also_the_builtin_a_caller_catches(cls, builtin):
    assert issubclass(cls, ScoreError)
    assert issubclass(cls, builtin)


def test_codes_are_distinct():
    found = [getattr(errors, name) for name in errors.__all__]
    classes = [item for item in found if isinstance(item, type)]
    codes = [cls.code for cls in classes]
    assert len(set(codes)) == len(codes)


def test_payload_error_lists_every_problem():
    exc = PayloadError(["$.a: x", "$.b: y"])
    assert exc.errors == ("$.a: x", "$.b: y")
    assert str(exc) == "2 problems in payload:\n  $.a: x\n  $.b: y"
    assert str(PayloadError(["$: z"])).startswith("1 problem in payload")


def test_field_is_recorded():
    assert errors.InvalidValueError("m", field="f").field == "f"
    assert errors.InvalidTypeError("m").field is None
