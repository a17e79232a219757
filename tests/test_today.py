"""Asked about any date, every rule function answers, and says when it stretches.

Past (or before) a profile's dates, the default resolution applies the
nearest values with a warning; strict resolution refuses. The same holds for
every function that reads a profile, and for an enterprise whose headcount
is not known.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Delegation,
    Enterprise,
    NotInForceError,
    Resolution,
    Workshop,
    check_eligibility,
    check_workshop,
    example_cost_model,
    example_funding_policy,
    get_profile,
    plan_module,
    profile_names,
    quote,
    screen,
    weekday_calendar,
)


DATED = [
    name
    for name in profile_names()
    if get_profile(name).valid_from is not None
    or get_profile(name).valid_to is not None
]
STRICT = Resolution.STRICT
WEEKDAYS = weekday_calendar()


def _outside(name: str) -> st.SearchStrategy[date]:
    """Dates outside the profile's validity (up to 30 years away)."""
    p = get_profile(name)
    sides = []
    if p.valid_to is not None:
        sides.append(
            st.dates(
                p.valid_to + timedelta(days=1),
                p.valid_to.replace(year=p.valid_to.year + 30),
            )
        )
    if p.valid_from is not None:
        sides.append(
            st.dates(
                p.valid_from.replace(year=p.valid_from.year - 30),
                p.valid_from - timedelta(days=1),
            )
        )
    return st.one_of(sides)


def _named_outside(name: str) -> st.SearchStrategy[tuple[str, date]]:
    return st.tuples(st.just(name), _outside(name))


# Built once, at import: no strategy is built inside a draw.
OUTSIDE = st.one_of([_named_outside(name) for name in DATED])
HEADCOUNTS = st.none() | st.integers(0, 1000)


def _firm(n: int, headcount: int | None, country: str | None) -> Enterprise:
    return Enterprise(id=f"E{n}", name=f"E{n}", headcount=headcount, country=country)


def _workshop(profile_name: str, first: date, headcount: int | None) -> Workshop:
    profile = get_profile(profile_name)
    # Classroom days on weekdays, so that a plan keeps them.
    start = first + timedelta(days=(7 - first.weekday()) % 7)
    return Workshop(
        id="W",
        module="M1",
        days=(start, start + timedelta(days=1)),
        delegations=tuple(
            Delegation(enterprise=_firm(k, headcount, profile.country))
            for k in range(profile.enterprises_per_workshop.minimum)
        ),
    )


def _codes(report):
    return [v.code for v in report]


@given(OUTSIDE, HEADCOUNTS)
def test_eligibility_and_screening_answer_outside_a_profile_with_the_warning(
    name_on, headcount
):
    name, on = name_on
    profile = get_profile(name)
    firm = _firm(1, headcount, profile.country)
    result = check_eligibility(firm, profile=profile, on=on)
    (first, *_) = result.violations
    assert first.code == "profile.not_in_force"
    assert first.params["profile"] == name
    cited = profile.source_of(first.params["parameter"])
    assert first.params["source"] == (cited.source or f"{cited.basis.value}, no source")
    if headcount is None:
        (missing,) = [
            v for v in result.violations if v.code == "eligibility.headcount.missing"
        ]
        assert missing.severity.value == "warning"  # review, never refusal
    summary = screen([firm], profile=profile, on=on).run()
    assert summary.by_code["profile.not_in_force"] == 1
    with pytest.raises(NotInForceError):
        check_eligibility(firm, profile=profile, on=on, mode=STRICT)
    with pytest.raises(NotInForceError):
        screen([firm], profile=profile, on=on, mode=STRICT)


@given(OUTSIDE, HEADCOUNTS)
def test_workshops_and_plans_answer_outside_a_profile_with_the_warning(
    name_on, headcount
):
    name, on = name_on
    profile = get_profile(name)
    shop = _workshop(name, on, headcount)
    if profile.in_force(shop.first_day):
        return  # rolled to a weekday inside the validity: nothing to stretch
    assert "profile.not_in_force" in _codes(check_workshop(shop, profile=profile))
    plan = plan_module(shop, calendar=WEEKDAYS, profile=profile)
    assert _codes(plan.findings)[0] == "profile.not_in_force"
    with pytest.raises(NotInForceError):
        check_workshop(shop, profile=profile, mode=STRICT)
    with pytest.raises(NotInForceError):
        plan_module(shop, calendar=WEEKDAYS, profile=profile, mode=STRICT)


CHINA = _named_outside("cn-phase-2")


@given(CHINA, HEADCOUNTS)
def test_quotes_and_portfolios_answer_outside_a_profile_with_the_warnings(
    name_on, headcount
):
    from score_core import portfolio

    name, on = name_on
    profile = get_profile(name)
    shop = _workshop(name, on, headcount)
    model, policy = example_cost_model(), example_funding_policy()
    q = quote(shop, cost_model=model, policy=policy, on=on, profile=profile)
    assert _codes(q.findings)[:2] == ["profile.not_in_force", "parameter.stale"]
    stale = q.findings.violations[1].params
    assert (stale["parameter"], stale["source"]) == ("coverage_targets", "MTE-II p.35")
    assert {"profile.not_in_force", "parameter.stale"} <= set(
        _codes(portfolio([q]).findings)
    )
    with pytest.raises(NotInForceError):
        quote(
            shop, cost_model=model, policy=policy, on=on, profile=profile, mode=STRICT
        )


@given(st.dates(date(2018, 1, 1), date(2060, 12, 31)))
def test_a_carried_profile_answers_without_warnings_until_its_new_end(on):
    carried = get_profile("cn-phase-2").carry_forward(name="cn-carried")
    firm = _firm(1, 120, "CN")
    assert check_eligibility(firm, profile=carried, on=on, mode=STRICT).violations == (
        check_eligibility(firm, profile=carried, on=date(2015, 1, 1)).violations
    )
    target = carried.coverage_target(on, mode=STRICT)
    assert target.findings.violations == ()
