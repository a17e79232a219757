from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core import Enterprise, InvalidValueError
from score_core import strategies as sst
from score_core.errors import InvalidTypeError


def test_worked_example():
    e = Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, women=64)
    assert (e.men, e.employs_both_sexes, e.share_of_women) == (
        116,
        True,
        Decimal("0.3556"),
    )


def test_missing_data_is_none_not_false():
    e = Enterprise(id="X", name="X", headcount=10)
    assert (e.men, e.employs_both_sexes, e.share_of_women) == (None, None, None)
    assert Enterprise(id="X", name="X", headcount=0, women=0).share_of_women is None
    assert (
        Enterprise(id="X", name="X", headcount=5, women=5).employs_both_sexes is False
    )


def test_an_unknown_headcount_is_none_and_bounds_nothing():
    e = Enterprise(id="X", name="X", women=40)
    assert e.headcount is None
    assert (e.men, e.employs_both_sexes, e.share_of_women) == (None, None, None)
    assert Enterprise(id="X", name="X", headcount=None) == Enterprise(id="X", name="X")


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"headcount": -1}, InvalidValueError, "headcount"),
        ({"headcount": True}, InvalidTypeError, "headcount"),
        ({"headcount": 5.0}, InvalidTypeError, "headcount"),
        ({"women": 11}, InvalidValueError, "women"),
        ({"women": -1}, InvalidValueError, "women"),
        ({"id": ""}, InvalidValueError, "id"),
        ({"name": " "}, InvalidValueError, "name"),
        ({"name": None}, InvalidTypeError, "name"),
        ({"country": "China"}, InvalidValueError, "country"),
        ({"country": 86}, InvalidTypeError, "country"),
        ({"founded": datetime(2000, 1, 1)}, InvalidTypeError, "founded"),
        ({"sector": ""}, InvalidValueError, "sector"),
    ],
)
def test_impossible_values_name_the_field(change, error, field):
    fields = {"id": "X", "name": "X", "headcount": 10, **change}
    with pytest.raises(error) as info:
        Enterprise(**fields)
    assert info.value.field == field
    assert f"Enterprise.{field}" in str(info.value)


@given(sst.enterprises(headcount=st.integers(50, 500)))
def test_strategy_knobs(e):
    assert 50 <= e.headcount <= 500
    assert e.women is None or 0 <= e.women <= e.headcount


@given(sst.enterprises(headcount=st.just(10), women=st.just(3)))
def test_women_knob(e):
    assert e.women == 3


def test_women_knob_above_headcount_is_an_error():
    @given(sst.enterprises(headcount=st.just(1), women=st.just(3)))
    def draw(e):
        raise AssertionError

    with pytest.raises(InvalidArgument):
        draw()


def test_subclasses_of_the_expected_types_are_accepted():
    import enum
    from datetime import date

    class Country(enum.StrEnum):
        CN = "CN"

    class Count(int):
        pass

    class Day(date):
        pass

    firm = Enterprise(
        id="E1",
        name="n",
        headcount=Count(120),
        country=Country.CN,
        founded=Day(1998, 5, 1),
    )
    assert (firm.headcount, firm.country, firm.founded) == (120, "CN", date(1998, 5, 1))
