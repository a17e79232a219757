"""Multi-module packages: several modules in sequence, each with its own window."""

from datetime import date, timedelta

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given

from score_core import (
    Delegation,
    Enterprise,
    FixedCalendar,
    Gender,
    InvalidValueError,
    Participant,
    PlanningError,
    Role,
    Workshop,
    get_profile,
    weekday_calendar,
)
from score_core import strategies as sst
from score_core.errors import NoWorkingDayError
from score_core.packages import plan_package
from score_core.visits import VisitKind, check_cycle


WEEKDAYS = weekday_calendar()
GLOBAL = get_profile("global")
FIRMS = [Enterprise(id=f"GH-{i}", name=f"Firm {i}", headcount=80) for i in (1, 2, 3)]


def _span(plan):
    days = [v.on for c in plan.cycles for v in c.visits]
    return min((*days, *plan.classroom)), max((*days, *plan.classroom))


class TestWorkedExamples:
    def test_three_modules_in_seven_and_a_half_months(self):
        package = plan_package(
            FIRMS,
            modules=["M1", "M2", "M5"],
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=GLOBAL,
        )
        m1, m2, m5 = package.plans
        assert (m1.classroom[0], m1.window_end) == (date(2026, 3, 9), date(2026, 6, 9))
        # M2 opens the Monday after M1's last follow-up (Friday 15 May).
        assert _span(m1)[1] == date(2026, 5, 15)
        assert _span(m2) == (date(2026, 5, 18), date(2026, 7, 31))
        assert m2.classroom == (date(2026, 5, 25), date(2026, 5, 26))
        assert m2.window_end == date(2026, 8, 25)
        assert _span(m5) == (date(2026, 8, 3), date(2026, 10, 16))
        assert (package.first_day, package.last_day) == (
            date(2026, 3, 2),
            date(2026, 10, 16),
        )
        assert package.findings.codes == ()
        assert package.id == m1.id
        assert package.modules == ("M1", "M2", "M5")
        assert package.profile == "global"

    def test_four_modules_run_past_nine_months(self):
        package = plan_package(
            FIRMS,
            modules=["M1", "M2", "M5", "M3"],
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=GLOBAL,
            package_id="GH-2026",
        )
        assert package.id == "GH-2026"
        assert package.last_day == date(2027, 1, 1)
        (long,) = package.findings
        assert (long.code, long.severity.value, long.path) == (
            "plan.package.long",
            "warning",
            ("plans", 3),
        )
        assert long.message == (
            "the package of 4 modules runs from 2026-03-02 to 2027-01-01, more than "
            "the 9 months of profile global"
        )
        longer = GLOBAL.derive(name="ten-months", max_package_months=10)
        assert not plan_package(
            FIRMS,
            modules=["M1", "M2", "M5", "M3"],
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=longer,
        ).findings

    def test_from_a_workshop(self):
        people = [
            Participant(name=f"{role.value} {i}", role=role, gender=Gender.FEMALE)
            for role in (Role.MANAGER, Role.WORKER)
            for i in (1, 2)
        ]
        shop = Workshop(
            id="ACCRA-1",
            module="M1",
            days=(date(2026, 3, 9), date(2026, 3, 10)),
            delegations=[Delegation(enterprise=f, participants=people) for f in FIRMS],
        )
        package = plan_package(
            shop, modules=["M1", "M5"], calendar=WEEKDAYS, profile=GLOBAL
        )
        assert package.plans[0].id == "ACCRA-1"
        assert package.plans[0].classroom == shop.days
        assert [c.enterprise for c in package.plans[1].cycles] == [
            "GH-1",
            "GH-2",
            "GH-3",
        ]
        with pytest.raises(InvalidValueError, match="which comes first"):
            plan_package(shop, modules=["M2"], calendar=WEEKDAYS)

    def test_a_module_before_its_prerequisite(self):
        with pytest.raises(PlanningError) as caught:
            plan_package(
                FIRMS,
                modules=["M2", "M5", "M1"],
                earliest=date(2026, 3, 2),
                calendar=WEEKDAYS,
            )
        assert [
            (v.code, v.path, v.params["module"]) for v in caught.value.violations
        ] == [
            ("plan.package.order", ("modules", 0), "M2"),
            ("plan.package.order", ("modules", 1), "M5"),
        ]
        assert caught.value.violations[0].message == (
            "module M2 comes before its prerequisite M1 in the package"
        )

    def test_a_later_module_that_cannot_be_planned(self):
        only_2026 = FixedCalendar(name="2026", years={2026})
        with pytest.raises(PlanningError) as caught:
            plan_package(
                FIRMS,
                modules=["M1", "M2", "M5", "M3"],
                earliest=date(2026, 3, 2),
                calendar=only_2026,
                profile=GLOBAL,
            )
        (finding,) = caught.value.violations
        assert finding.code == "calendar.year.not_covered"
        assert finding.path == ("plans", 3, "classroom")

    def test_options_reach_each_module(self):
        package = plan_package(
            FIRMS[:2],
            modules=["M1", "M2"],
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=GLOBAL,
            stagger=1,
            year_after=True,
        )
        for plan in package.plans:
            assert all(c.visits[-1].kind is VisitKind.YEAR_AFTER for c in plan.cycles)
            first, second = (c.visit(0).on for c in plan.cycles)
            assert second == first + timedelta(days=1)
        # The year-after visit of M1 does not hold M2 back.
        assert package.plans[1].classroom[0] < date(2026, 6, 1)

    def test_arguments(self):
        with pytest.raises(InvalidValueError, match="at least one module"):
            plan_package(FIRMS, modules=[], calendar=WEEKDAYS)
        with pytest.raises(InvalidValueError, match="twice"):
            plan_package(FIRMS, modules=["M1", "M1"], calendar=WEEKDAYS)
        package = plan_package(
            FIRMS[:1], modules=["M1"], earliest=date(2026, 3, 2), calendar=WEEKDAYS
        )
        with pytest.raises(InvalidValueError, match="in order"):
            attrs.evolve(package, modules=("M2",))


def test_at_the_end_of_pythons_dates():
    # Nine months from June 9999 is past 9999-12-31: no package runs longer.
    package = plan_package(
        FIRMS[:1],
        modules=["M1", "M2"],
        earliest=date(9999, 6, 1),
        calendar=WEEKDAYS,
        profile=GLOBAL,
    )
    assert package.last_day.year == 9999
    assert package.findings.codes == ()
    with pytest.raises(NoWorkingDayError, match="beyond 9999-12-31"):
        plan_package(
            FIRMS[:1],
            modules=["M1", "M2", "M3"],
            earliest=date(9999, 6, 1),
            calendar=WEEKDAYS,
            profile=GLOBAL,
        )


class TestProperties:
    @given(sst.package_plans())
    def test_modules_follow_one_another_each_in_its_window(self, package):
        assert tuple(p.module for p in package.plans) == package.modules
        assert package.modules[0] == "M1"
        for before, after in zip(package.plans, package.plans[1:], strict=False):
            last = max(
                v.on
                for c in before.cycles
                for v in c.visits
                if v.kind is VisitKind.FOLLOW_UP
            )
            assert _span(after)[0] > last
        for plan in package.plans:
            assert all(check_cycle(c, calendar=WEEKDAYS).ok for c in plan.cycles)
        profile = get_profile(package.profile)
        months = profile.max_package_months
        too_long = package.last_day > package.first_day + relativedelta(months=months)
        assert package.findings.codes == (("plan.package.long",) if too_long else ())
