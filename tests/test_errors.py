import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@given(
    problems=st.lists(
        st.text("ab.[]0 ", max_size=5).map(lambda t: f"$.{t}: x"), max_size=40
    ),
    shown=st.none() | st.integers(0, 45),
)
def test_payload_error_message_lists_at_most_shown_and_counts_the_rest(problems, shown):
    exc = PayloadError(problems, shown=shown)
    assert exc.errors == tuple(problems)  # every problem, whatever is shown
    lines = str(exc).split("\n")
    listed = len(problems) if shown is None else min(shown, len(problems))
    assert lines[1 : 1 + listed] == [f"  {p}" for p in problems[:listed]]
    rest = len(problems) - listed
    if rest:
        assert lines[-1] == f"  ... and {rest:,} more"
    assert len(lines) == 1 + listed + (1 if rest else 0)
    assert exc.describe(shown=shown) == str(exc)


def test_payload_error_shows_twenty_by_default():
    from score_core.errors import SHOWN_PROBLEMS

    exc = PayloadError([f"$[{n}]: x" for n in range(1000)])
    assert SHOWN_PROBLEMS == 20
    assert str(exc).splitlines()[0] == "1,000 problems in payload:"
    assert str(exc).splitlines()[-1] == "  ... and 980 more"
    assert len(exc.describe(shown=None).splitlines()) == 1001
    with pytest.raises(errors.InvalidValueError):
        exc.describe(shown=-1)


def test_payload_error_pickles_with_every_problem():
    import pickle

    exc = PayloadError([f"$[{n}]: x" for n in range(30)], shown=2)
    again = pickle.loads(pickle.dumps(exc))
    assert again.errors == exc.errors
    assert str(again) == str(exc)
