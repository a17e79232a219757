"""score_core's strategies as another project's suite uses them.

Each public type gets a small property under Hypothesis' *default* settings
(health checks on, default deadline): a strategy that becomes slow fails
here. Failing properties shrink to small examples, and draws reach the edges
that users' code must survive.
"""

import os
import typing
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core import Role, Status, check_eligibility, check_workshop, get_profile
from score_core import strategies as sst
from score_core._hypothesis_plugin import STRATEGY_NAMES
from score_core.profiles import Band, CoverageTarget


# Hypothesis' own defaults, not this suite's profile; in CI fewer examples
# (derandomised) keep the run short, and the health checks stay on.
DEFAULTS = settings(
    settings.get_profile("default"),
    database=None,
    **(
        {"max_examples": 20, "derandomize": True}
        if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
        else {}
    ),
)
PUBLIC = [
    cls[CoverageTarget] if getattr(cls, "__parameters__", ()) else cls
    for cls in STRATEGY_NAMES
]


def _name(cls):
    return getattr(cls, "__name__", None) or str(cls).rsplit(".", 1)[-1]


@pytest.mark.parametrize("cls", PUBLIC, ids=_name)
def test_from_type_passes_with_default_settings(cls):
    origin = typing.get_origin(cls) or cls

    @DEFAULTS
    @given(st.from_type(cls))
    def check(value):
        assert isinstance(value, origin)
        assert value == value

    check()


def test_every_public_type_has_its_strategy_in_the_table():
    assert set(sst.STRATEGIES) == set(STRATEGY_NAMES)
    for cls, fn in sst.STRATEGIES.items():
        assert fn.__name__ == STRATEGY_NAMES[cls]
        assert fn.__name__ in sst.__all__


def test_a_strategy_is_built_once_for_the_same_arguments():
    assert sst.enterprises() is sst.enterprises()
    assert sst.workshops() is sst.workshops()
    assert sst.monies(currency=None) is sst.monies(currency=None)
    with pytest.raises(InvalidArgument, match="max_size"):
        sst.paths(max_size=[])  # unhashable: checked, not cached
    headcounts = st.integers(1, 9)
    assert sst.enterprises(headcount=headcounts) is sst.enterprises(
        headcount=headcounts
    )


class TestShrinking:
    def test_a_failing_workshop_property_shrinks_to_the_fewest_people(self):
        profile = get_profile()
        # A property a tool might get wrong: "no workshop has women managers".
        shop = find(
            sst.workshops(),
            lambda w: any(
                p.role is Role.MANAGER and p.gender.value == "female"
                for p in w.participants
            ),
        )
        assert len(shop.delegations) == profile.enterprises_per_workshop.minimum
        for delegation in shop.delegations:
            assert len(delegation.participants) == 4
            firm = delegation.enterprise
            assert firm.headcount == profile.employees.minimum
            assert (firm.name, firm.sector, firm.region) == ("0", None, None)
        assert shop.id == "0"
        assert shop.location is None
        assert shop.first_day == (profile.valid_from or date(2013, 1, 1))
        assert check_workshop(shop).ok

    def test_enterprises_shrink_to_the_simplest(self):
        firm = find(sst.enterprises(), lambda e: True)
        assert (firm.id, firm.name, firm.headcount, firm.women) == ("0", "0", 0, None)

    def test_unknown_headcounts_are_drawn_and_shrink_to_known(self):
        assert find(sst.enterprises(), lambda e: e.headcount is None).women is None
        firm = find(sst.enterprises(), lambda e: e.headcount is None or e.headcount > 5)
        assert firm.headcount == 6

    def test_a_catalogue_shrinks_to_one_module(self):
        catalogue = find(sst.catalogues(), lambda c: True)
        assert len(catalogue.modules) == 1


def _drawn(strategy, n=100):
    """``n`` examples, without shrinking (derandomised: the same every run)."""
    seen = []

    @settings(DEFAULTS, max_examples=n, derandomize=True, phases=[Phase.generate])
    @given(strategy)
    def keep(value):
        seen.append(value)

    keep()
    return seen


class TestEdges:
    """Draws reach the edges users' code must survive."""

    def test_the_profile_band_edges(self):
        profile = get_profile()
        band = profile.employees
        firms = _drawn(sst.enterprises_for(profile))
        assert {band.minimum, band.maximum} <= {e.headcount for e in firms}
        for firm in firms:
            assert check_eligibility(firm, profile=profile).status is not (
                Status.INELIGIBLE
            )

    def test_the_smallest_and_largest_workshops(self):
        band = get_profile().enterprises_per_workshop
        sizes = {len(w.delegations) for w in _drawn(sst.workshops())}
        assert sizes == {band.minimum, band.maximum}

    def test_the_first_and_last_days_a_profile_allows(self):
        profile = get_profile().derive(
            name="cn-2015", valid_from=date(2015, 1, 1), valid_to=date(2015, 12, 31)
        )
        shops = _drawn(sst.workshops(profile=profile, module=st.just("M1")))
        assert date(2015, 1, 1) in {w.first_day for w in shops}
        assert max(w.last_day for w in shops) == date(2015, 12, 31)
        assert all(check_workshop(w, profile=profile).ok for w in shops)

    def test_zero_amounts(self):
        models = _drawn(sst.cost_models())
        assert any(m.venue_per_day.amount == 0 for m in models)
        assert any(m.amount == 0 for m in _drawn(sst.monies()))

    def test_money_at_its_bounds(self):
        strategy = sst.monies(currency=st.just("CNY"), min_value=1, max_value=50)
        amounts = {m.amount for m in _drawn(strategy)}
        assert {Decimal(1), Decimal(50)} <= amounts
        assert all(Decimal(1) <= a <= Decimal(50) for a in amounts)

    def test_calendars_with_make_up_days(self):
        calendars = _drawn(sst.fixed_calendars())
        assert sum(1 for c in calendars if c.workdays) > len(calendars) // 2
        for calendar in calendars:
            assert all(d.weekday() in calendar.weekend for d in calendar.workdays)
            assert not calendar.workdays & calendar.holidays

    def test_make_up_days_stay_inside_the_bounds(self):
        day = date(2026, 1, 7)  # a Wednesday: no weekend day within the bounds
        calendars = _drawn(sst.fixed_calendars(min_day=day, max_day=day))
        assert all(c.workdays == frozenset() for c in calendars)
        assert all(c.holidays <= {day} for c in calendars)

    def test_all_and_none_of_the_staff_are_women(self):
        firms = [e for e in _drawn(sst.enterprises()) if e.headcount]
        assert any(e.women == e.headcount for e in firms)
        assert any(e.women == 0 for e in firms)
        assert any(e.women is None for e in firms)

    def test_review_margins_and_the_band_edges_outside(self):
        profile = get_profile().derive(name="cn-margin", headcount_review_margin=5)
        band = profile.employees
        review = _drawn(sst.enterprises_for(profile, status=Status.NEEDS_REVIEW))
        assert band.maximum + 5 in {e.headcount for e in review}
        assert band.minimum - 5 in {e.headcount for e in review}
        out = _drawn(sst.enterprises_for(profile, status=Status.INELIGIBLE))
        assert band.maximum + 6 in {e.headcount for e in out}
        assert band.minimum - 6 in {e.headcount for e in out}


class TestArguments:
    def test_a_workshop_module_strategy(self):
        @DEFAULTS
        @given(sst.workshops(module=st.just("M3")))
        def check(shop):
            assert shop.module == "M3"
            assert check_workshop(shop).ok

        check()

    def test_monies_in_a_currency_outside_the_bounds_is_an_error_when_drawn(self):
        from hypothesis.errors import InvalidArgument

        # No whole yen between 0.1 and 0.9; dinars (three places) have some.
        strategy = sst.monies(
            currency=st.just("JPY"), min_value=Decimal("0.1"), max_value=Decimal("0.9")
        )

        @given(strategy)
        def draw(money):
            raise AssertionError

        with pytest.raises(InvalidArgument, match="JPY"):
            draw()

    def test_bands_and_names_within_their_bounds(self):
        @DEFAULTS
        @given(sst.bands(min_value=3, max_value=3), sst.names(max_size=1))
        def check(band, name):
            assert band == Band(minimum=3, maximum=3)
            assert len(name) == 1

        check()

    def test_an_unknown_finding_code_is_an_error_when_drawn(self):
        from hypothesis.errors import InvalidArgument

        @given(sst.rule_violations(codes=st.just("no-such-code")))
        def draw(finding):
            raise AssertionError

        with pytest.raises(InvalidArgument, match="no-such-code"):
            draw()

    def test_strategies_holding_large_values_have_short_reprs(self):
        assert "module_plans(profile=built-in" in repr(sst.module_plans())
        assert "eligibility_results()" in repr(sst.eligibility_results())
        for fn in sst.STRATEGIES.values():
            assert len(repr(fn())) < 10_000
