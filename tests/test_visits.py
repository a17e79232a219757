"""Planning a module's visits, recording them and rescheduling them."""

import itertools
from datetime import date, timedelta

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Enterprise,
    FixedCalendar,
    InvalidValueError,
    NotInForceError,
    PlanningError,
    Report,
    Resolution,
    UnknownNameError,
    Visit,
    Workshop,
    get_profile,
    holidays_calendar,
    plan_module,
    profile_names,
    register_profile,
    reschedule,
    weekday_calendar,
)
from score_core import strategies as sst
from score_core.calendars import Roll, next_working_day, roll
from score_core.errors import InvalidTypeError, NoWorkingDayError, TransitionError
from score_core.visits import (
    Rescheduled,
    Scope,
    VisitKind,
    VisitOutcome,
    VisitStatus,
    check_cycle,
)
from test_calendars import CHINA_2025, CHINA_2026


FIRM = Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, country="CN")
WEEKDAYS = weekday_calendar()
CHINA = get_profile("cn-phase-2")
# China's latest profile (Phase II's values carried forward, in force from
# 2024): the worked examples dated 2025 and later plan with it.
CHINA_TODAY = get_profile("cn")


def _findings(report):
    """Every finding of a report in full: code, params and path."""
    return [(v.code, dict(v.params), v.path) for v in report.violations]


def _days(plan):
    return [v.on for v in plan.cycles[0].visits]


class TestWorkedExamplesChina:
    def test_spring_festival_2026_uses_a_make_up_saturday(self):
        plan = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 2, 6),
            calendar=CHINA_2026,
            profile=CHINA_TODAY,
        )
        # Saturday 14 February 2026 is a working day (调休 for the Spring Festival).
        assert plan.classroom == (date(2026, 2, 13), date(2026, 2, 14))
        assert plan.window_end == date(2026, 5, 13)
        assert _days(plan) == [
            date(2026, 2, 6),
            date(2026, 3, 9),
            date(2026, 3, 30),
            date(2026, 4, 21),
        ]
        assert plan.cycles[0].visit(1).nominal == date(2026, 3, 8)
        assert _findings(plan.findings) == [
            (
                "plan.visit.rolled",
                {
                    "visit": 1,
                    "enterprise": "CQ-001",
                    "nominal": "2026-03-08",
                    "day": "2026-03-09",
                    "calendar": "cn-2026-notice",
                },
                ("cycles", 0, "visits", 1),
            )
        ]
        assert plan.id == "M1-20260213-53adbe6a"
        assert plan.calendar_source == "State Council notice on the 2026 holidays"

    def test_national_day_week_2026_is_skipped(self):
        china = holidays_calendar("CN", years=[2026, 2027])
        plan = plan_module(
            FIRM, module="M1", earliest=date(2026, 9, 23), calendar=china
        )
        # 30 September then 1 October (a holiday) are not back to back.
        assert plan.classroom == (date(2026, 10, 8), date(2026, 10, 9))
        assert _days(plan) == [
            date(2026, 9, 23),
            date(2026, 11, 2),
            date(2026, 11, 23),
            date(2026, 12, 14),
        ]
        assert plan.window_end == date(2027, 1, 8)
        loose = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 9, 23),
            calendar=china,
            back_to_back=False,
        )
        assert loose.classroom == (date(2026, 9, 30), date(2026, 10, 8))

    def test_spring_festival_2025_intake_on_a_make_up_sunday(self):
        plan = plan_module(
            FIRM, module="M1", earliest=date(2025, 1, 25), calendar=CHINA_2025
        )
        assert _days(plan)[0] == date(2025, 1, 26)  # Sunday, worked in 2025
        assert plan.classroom == (date(2025, 2, 5), date(2025, 2, 6))
        assert plan.window_end == date(2025, 5, 5)
        assert _days(plan)[1:] == [
            date(2025, 2, 28),
            date(2025, 3, 24),
            date(2025, 4, 14),
        ]

    def test_the_package_calendar_plans_the_same_2025(self):
        china = holidays_calendar("CN", years=[2025])
        plan = plan_module(
            FIRM, module="M1", earliest=date(2025, 1, 25), calendar=china
        )
        expected = plan_module(
            FIRM, module="M1", earliest=date(2025, 1, 25), calendar=CHINA_2025
        )
        assert plan.cycles[0].visits == expected.cycles[0].visits

    def test_strict_refuses_an_estimated_year_and_uncovered_years_always(self):
        # Planned today, a window reaching into a year without a notice warns.
        china = holidays_calendar("CN", years=[2029, 2030])
        plan = plan_module(
            FIRM,
            module="M1",
            earliest=date(2029, 10, 8),
            calendar=china,
            profile=CHINA_TODAY,
        )
        warnings = plan.findings.warnings
        assert [v.code for v in warnings] == ["calendar.year.unconfirmed"] * 2
        assert "only estimates 2030" in warnings[1].message
        with pytest.raises(PlanningError) as caught:
            plan_module(
                FIRM,
                module="M1",
                earliest=date(2029, 10, 8),
                calendar=china,
                profile=CHINA_TODAY,
                strict=True,
            )
        assert [v.code for v in caught.value.violations] == [
            "calendar.year.unconfirmed",
            "calendar.year.unconfirmed",
        ]
        with pytest.raises(PlanningError, match="no data for 2027"):
            plan_module(
                FIRM, module="M1", earliest=date(2026, 9, 23), calendar=CHINA_2026
            )

    def test_a_plan_reads_the_profile_on_its_first_classroom_day(self):
        def spring(**options):
            return plan_module(
                FIRM,
                module="M1",
                earliest=date(2026, 2, 6),
                calendar=CHINA_2026,
                **options,
            )

        plan = spring()
        (first, *_) = plan.findings.violations
        assert (first.code, first.path) == ("profile.not_in_force", ())
        assert first.params["on"] == "2026-02-13"
        assert first.params["bound"] == "2017-12-31"
        today = spring(profile=CHINA_TODAY)
        assert [c.visits for c in today.cycles] == [c.visits for c in plan.cycles]
        assert today.findings.violations == plan.findings.violations[1:]
        # mode=Resolution.STRICT and strict=True are the same switch.
        for strict in ({"mode": Resolution.STRICT}, {"strict": True}):
            with pytest.raises(NotInForceError, match="not in force on 2026-02-13"):
                spring(**strict)
        # Strict mode also refuses the years the calendar only estimates.
        china = holidays_calendar("CN", years=[2029, 2030])
        with pytest.raises(PlanningError, match="only estimates"):
            plan_module(
                FIRM,
                module="M1",
                earliest=date(2029, 10, 8),
                calendar=china,
                profile=CHINA_TODAY,
                mode=Resolution.STRICT,
            )


def _workshop(days, *firms):
    from score_core import Delegation

    return Workshop(
        id="CQ-2015-04",
        module="M1",
        days=days,
        location="Chongqing",
        delegations=tuple(Delegation(enterprise=f) for f in firms),
    )


FIRMS = tuple(
    Enterprise(id=f"CQ-00{n}", name=f"Firm {n}", headcount=100) for n in range(1, 4)
)


class TestPlanningFromAWorkshop:
    def test_intakes_before_the_days_staggered(self):
        shop = _workshop((date(2015, 4, 8), date(2015, 4, 9)), *FIRMS)
        plan = plan_module(shop, calendar=WEEKDAYS, stagger=1)
        assert plan.id == "CQ-2015-04"
        assert plan.location == "Chongqing"
        assert [c.visits[0].on for c in plan.cycles] == [
            date(2015, 3, 30),
            date(2015, 3, 31),
            date(2015, 4, 1),
        ]
        firsts = [c.visit(1).on for c in plan.cycles]
        assert firsts == sorted(set(firsts))
        assert plan.cycle("CQ-002").enterprise == "CQ-002"
        assert plan.dates()[0] == date(2015, 3, 30)
        with pytest.raises(UnknownNameError) as caught:
            plan.cycle("CQ-009")
        assert str(caught.value) == (
            "plan CQ-2015-04 has no enterprise 'CQ-009'; it has CQ-001, CQ-002, CQ-003"
        )
        # The earliest day allowed is allowed.
        earliest = plan_module(
            shop, calendar=WEEKDAYS, stagger=1, earliest=date(2015, 3, 30)
        )
        assert [c.visits[0].on for c in earliest.cycles] == [
            date(2015, 3, 30),
            date(2015, 3, 31),
            date(2015, 4, 1),
        ]

    def test_no_room_for_the_intake(self):
        shop = _workshop((date(2015, 4, 8), date(2015, 4, 9)), *FIRMS)
        with pytest.raises(PlanningError) as caught:
            plan_module(shop, calendar=WEEKDAYS, earliest=date(2015, 4, 1), stagger=1)
        assert _findings(caught.value) == [
            (
                "plan.intake.no_room",
                {
                    "enterprise": "CQ-001",
                    "earliest": "2015-04-01",
                    "latest": "2015-04-01",
                    "calendar": "weekdays",
                },
                ("classroom", 0),
            )
        ]
        closed = FixedCalendar(
            name="closed", holidays={date(2015, 3, 1) + timedelta(n) for n in range(38)}
        )
        with pytest.raises(PlanningError, match="intake visit"):
            plan_module(shop, calendar=closed, earliest=date(2015, 3, 1))

    def test_a_classroom_day_off_is_refused(self):
        shop = _workshop((date(2015, 5, 1), date(2015, 5, 4)), FIRM)
        labour_day = FixedCalendar(name="cn", holidays={date(2015, 5, 1)})
        with pytest.raises(PlanningError) as caught:
            plan_module(shop, calendar=labour_day)
        assert _findings(caught.value) == [
            (
                "workshop.day.not_working",
                {"day": "2015-05-01", "calendar": "cn"},
                ("classroom", 0),
            )
        ]

    def test_without_intake_visits(self):
        profile = CHINA.derive(name="no-intake", intake_visit=False)
        shop = _workshop((date(2015, 4, 8), date(2015, 4, 9)), FIRM)
        plan = plan_module(shop, calendar=WEEKDAYS, profile=profile)
        assert [v.kind for v in plan.cycles[0].visits] == [VisitKind.FOLLOW_UP] * 3
        firms = plan_module(
            FIRMS,
            module="M2",
            calendar=WEEKDAYS,
            profile=profile,
            earliest=date(2015, 4, 8),
        )
        assert firms.classroom == (date(2015, 4, 8), date(2015, 4, 9))


class TestPlanningOptions:
    def test_spacing_convention_and_zero_follow_ups(self):
        plan = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            spacing_days=14,
            convention=Roll.PRECEDING,
            plan_id="mine",
        )
        assert plan.id == "mine"
        assert plan.cycles[0].id == "mine.CQ-001"
        # 24 March + 14 = 7 April ... nominal days stay on working days here.
        assert [v.on for v in plan.cycles[0].visits[1:]] == [
            date(2026, 3, 24),
            date(2026, 4, 7),
            date(2026, 4, 21),
        ]
        none = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=CHINA.derive(name="no-follow-up", follow_up_visits=0),
        )
        assert [v.kind for v in none.cycles[0].visits] == [VisitKind.INTAKE]

    def test_preceding_roll_kept_after_the_gap(self):
        # Nominal days 1 day apart on a Saturday roll back before the gap allows.
        profile = CHINA_TODAY.derive(name="tight", min_visit_gap_days=3)
        plan = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=profile,
            spacing_days=1,
            convention=Roll.PRECEDING,
        )
        visits = plan.cycles[0].visits[1:]
        assert [v.on for v in visits] == [
            date(2026, 3, 11),
            date(2026, 3, 16),
            date(2026, 3, 19),
        ]
        firm = {"enterprise": "CQ-001"}
        assert _findings(plan.findings) == [
            (
                "plan.visit.moved",
                {
                    "visit": 2,
                    **firm,
                    "nominal": "2026-03-12",
                    "day": "2026-03-16",
                },
                ("cycles", 0, "visits", 2),
            ),
            (
                "plan.visit.moved",
                {
                    "visit": 3,
                    **firm,
                    "nominal": "2026-03-13",
                    "day": "2026-03-19",
                },
                ("cycles", 0, "visits", 3),
            ),
        ]
        assert check_cycle(plan.cycles[0], calendar=WEEKDAYS).ok

    def test_the_window_too_short(self):
        profile = CHINA.derive(
            name="crowded",
            follow_up_visits=6,
            min_visit_gap_days=20,
            follow_up_window_months=1,
        )
        with pytest.raises(PlanningError) as caught:
            plan_module(
                FIRM,
                module="M1",
                earliest=date(2026, 3, 2),
                calendar=WEEKDAYS,
                profile=profile,
            )
        assert _findings(caught.value) == [
            (
                "plan.window.too_short",
                {
                    "count": 6,
                    "gap": 20,
                    "start": "2026-03-11",
                    "end": "2026-04-09",
                    "calendar": "weekdays",
                },
                ("window_end",),
            )
        ]

    def test_no_back_to_back_days(self):
        odd = FixedCalendar(name="odd", weekend={1, 3, 5, 6})
        with pytest.raises(NoWorkingDayError, match="back-to-back"):
            plan_module(FIRM, module="M1", earliest=date(2026, 3, 2), calendar=odd)
        loose = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=odd,
            back_to_back=False,
        )
        assert loose.classroom == (date(2026, 3, 9), date(2026, 3, 11))

    @pytest.mark.parametrize(
        ("args", "kwargs", "message"),
        [
            ([], {}, "plan_module needs at least one enterprise"),
            (
                [FIRM, FIRM],
                {},
                "plan_module: an enterprise appears twice in ['CQ-001', 'CQ-001']",
            ),
            (FIRM, {"module": None}, "plan_module needs module= for enterprises"),
            (FIRM, {"earliest": None}, "planning for enterprises needs earliest="),
            (
                FIRM,
                {"stagger": -1},
                "plan_module: stagger is at least 0 and spacing_days at least 1",
            ),
            (
                FIRM,
                {"spacing_days": 0},
                "plan_module: stagger is at least 0 and spacing_days at least 1",
            ),
            (
                ["CQ-001"],
                {},
                "plan_module plans for enterprises or a workshop, got str",
            ),
            (
                FIRM,
                {"module": "LEAN"},
                "module LEAN has no classroom days under profile cn-phase-2; plan it "
                "from a workshop with its days",
            ),
        ],
    )
    def test_arguments(self, args, kwargs, message):
        given = {"module": "M1", "earliest": date(2026, 3, 2), **kwargs}
        with pytest.raises(InvalidValueError) as caught:
            plan_module(args, calendar=WEEKDAYS, **given)
        assert str(caught.value) == message

    def test_enterprises_staggered_and_named_by_their_days(self):
        plan = plan_module(
            FIRMS, module="M1", earliest=date(2015, 4, 1), calendar=WEEKDAYS, stagger=2
        )
        assert plan.id == "M1-20150414-0acafb53"
        assert [c.visits[0].on for c in plan.cycles] == [
            date(2015, 4, 1),
            date(2015, 4, 3),
            date(2015, 4, 7),
        ]
        assert plan.classroom == (date(2015, 4, 14), date(2015, 4, 15))


def _profiles():
    return st.builds(
        lambda base, visits, gap, months, lead, intake: base.derive(
            name="random",
            follow_up_visits=visits,
            min_visit_gap_days=gap,
            follow_up_window_months=months,
            intake_lead_days=lead,
            intake_visit=intake,
        ),
        st.sampled_from([get_profile("cn-phase-2"), get_profile("global")]),
        st.integers(0, 6),
        st.integers(0, 30),
        st.integers(1, 6),
        st.integers(1, 30),
        st.booleans(),
    )


def _earliest_schedule(calendar, last, count, gap):
    """The earliest days the follow-ups could take (an independent check)."""
    days, lower = [], last + timedelta(days=1)
    for _ in range(count):
        day = roll(calendar, lower)
        days.append(day)
        lower = day + timedelta(days=max(gap, 1))
    return days


class TestPlanningProperties:
    @given(
        sst.fixed_calendars(
            min_day=date(2026, 1, 1), max_day=date(2026, 12, 31), max_holidays=60
        ).map(lambda c: attrs.evolve(c, years=None, confirmed=None)),
        _profiles(),
        st.lists(
            st.sampled_from(["A", "B", "C", "D", "E"]),
            min_size=1,
            max_size=5,
            unique=True,
        ),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 9, 30)),
        st.integers(0, 2),
        st.sampled_from(Roll),
        st.booleans(),
        st.booleans(),
    )
    def test_plans_keep_their_own_rules(
        self,
        calendar,
        profile,
        ids,
        earliest,
        stagger,
        convention,
        back_to_back,
        year_after,
    ):
        firms = [Enterprise(id=i, name=i, headcount=100) for i in ids]
        try:
            plan = plan_module(
                firms,
                module="M1",
                profile=profile,
                calendar=calendar,
                earliest=earliest,
                stagger=stagger,
                convention=convention,
                back_to_back=back_to_back,
                year_after=year_after,
            )
        except PlanningError as exc:
            refused: PlanningError | None = exc
        else:
            refused = None
        if refused is not None:
            # Refused only when even the earliest possible visits overflow.
            (finding,) = refused.violations
            assert finding.code == "plan.window.too_short"
            last = date.fromisoformat(str(finding.params["start"])) - timedelta(1)
            latest = _earliest_schedule(
                calendar, last, profile.follow_up_visits, profile.min_visit_gap_days
            )[-1]
            assert latest.isoformat() > str(finding.params["end"])
            return
        classroom = plan.classroom
        assert all(calendar.is_working_day(d) for d in classroom)
        assert len(classroom) == 2
        if back_to_back:
            assert classroom[1] - classroom[0] == timedelta(days=1)
        else:
            assert classroom[1] == next_working_day(calendar, classroom[0])
        assert plan.window_end == classroom[-1] + relativedelta(
            months=profile.follow_up_window_months
        ) - timedelta(days=1)
        for cycle in plan.cycles:
            assert check_cycle(cycle, calendar=calendar).ok
            visits = cycle.visits
            follow = [v for v in visits if v.kind is VisitKind.FOLLOW_UP]
            assert len(follow) == profile.follow_up_visits
            intake = bool(visits) and visits[0].kind is VisitKind.INTAKE
            assert intake == profile.intake_visit
            if profile.intake_visit:
                assert visits[0].on >= earliest
                assert (classroom[0] - visits[0].on).days >= profile.intake_lead_days
            for a, b in itertools.pairwise(follow):
                assert (b.on - a.on).days >= max(profile.min_visit_gap_days, 1)
            assert all(classroom[-1] < v.on <= plan.window_end for v in follow)
            assert all(calendar.is_working_day(v.on) for v in visits)
            later = [v for v in visits if v.kind is VisitKind.YEAR_AFTER]
            assert len(later) == year_after
            if later:
                assert visits[-1] is later[0]
                assert later[0].on > plan.window_end
                assert later[0].number == len(follow) + 1
        for finding in plan.findings:
            # Each finding about a visit points at that visit.
            if finding.path[:1] == ("cycles",):
                _, k, _, i = finding.path
                assert plan.cycles[k].visits[i].ref == finding.params["visit"]


class TestYearAfter:
    """A visit a year after the module (MTE-II p.15), an option of the plan."""

    def plan(self, **kw):
        return plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), year_after=True, **kw
        )

    def test_a_year_after_the_last_classroom_day(self):
        plan = self.plan(calendar=WEEKDAYS)
        cycle = plan.cycles[0]
        assert plan.classroom == (date(2026, 3, 9), date(2026, 3, 10))
        later = cycle.visits[-1]
        assert (later.number, later.kind, later.on) == (
            4,
            VisitKind.YEAR_AFTER,
            date(2027, 3, 10),
        )
        assert later.label == "year-after visit"
        assert later.nominal is None
        # The follow-ups are those of the plan without the option.
        plain = plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), calendar=WEEKDAYS
        )
        assert cycle.visits[:-1] == plain.cycles[0].visits
        assert check_cycle(cycle, calendar=WEEKDAYS).ok
        assert cycle.progress(date(2026, 12, 2)).planned == (0, 1, 2, 3, 4)

    def test_rolled_off_a_holiday_and_staggered(self):
        closed = FixedCalendar(name="closed", holidays={date(2027, 3, 11)})
        firms = [FIRM, attrs.evolve(FIRM, id="CQ-002")]
        plan = plan_module(
            firms,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=closed,
            stagger=1,
            year_after=True,
        )
        # The classroom days 10 and 11 March 2026 (after two staggered
        # intakes): a year on is Thursday 11 March 2027, a holiday here.
        assert plan.classroom[-1] == date(2026, 3, 11)
        assert [c.visits[-1].on for c in plan.cycles] == [
            date(2027, 3, 12),
            date(2027, 3, 15),
        ]
        assert plan.cycles[0].visits[-1].nominal == date(2027, 3, 11)
        later = [f for f in plan.findings if f.params.get("visit") == "year_after"]
        assert _findings(Report(violations=tuple(later))) == [
            (
                "plan.visit.rolled",
                {
                    "visit": "year_after",
                    "enterprise": "CQ-001",
                    "nominal": "2027-03-11",
                    "day": "2027-03-12",
                    "calendar": "closed",
                },
                ("cycles", 0, "visits", 4),
            )
        ]

    def test_the_year_of_the_visit_must_be_covered(self):
        only_2026 = FixedCalendar(name="cn-2026", years={2026})
        with pytest.raises(PlanningError) as caught:
            self.plan(calendar=only_2026)
        assert _findings(Report(violations=caught.value.violations)) == [
            (
                "calendar.year.not_covered",
                {"calendar": "cn-2026", "year": 2027},
                ("cycles", 0, "visits", 4),
            )
        ]
        unconfirmed = FixedCalendar(
            name="cn-guess", years={2026, 2027}, confirmed={2026}
        )
        codes = self.plan(calendar=unconfirmed).findings.codes
        assert "calendar.year.unconfirmed" in codes
        with pytest.raises(PlanningError) as caught:
            self.plan(calendar=unconfirmed, profile=CHINA_TODAY, strict=True)
        assert caught.value.violations[0].path == ("cycles", 0, "visits", 4)

    def test_after_a_window_of_a_year_or_more(self):
        long = CHINA.derive(name="long-window", follow_up_window_months=13)
        plan = self.plan(calendar=WEEKDAYS, profile=long)
        later = plan.cycles[0].visits[-1]
        assert later.on > plan.window_end
        assert later.nominal == plan.window_end + timedelta(days=1)
        preceding = self.plan(
            calendar=WEEKDAYS, profile=long, convention=Roll.PRECEDING
        )
        assert preceding.cycles[0].visits[-1].on > preceding.window_end

    def test_check_cycle_and_reschedule_keep_it_past_the_window(self):
        cycle = self.plan(calendar=WEEKDAYS).cycles[0]
        early = attrs.evolve(cycle.visits[-1], on=cycle.window_end)
        broken = attrs.evolve(cycle, visits=(*cycle.visits[:-1], early))
        assert _findings(check_cycle(broken)) == [
            (
                "visit.year_after.early",
                {
                    "day": cycle.window_end.isoformat(),
                    "end": cycle.window_end.isoformat(),
                    "visit": "year_after",
                    "enterprise": "CQ-001",
                },
                ("visits", 4),
            )
        ]
        moved = reschedule(
            cycle, 4, cycle.window_end, on=date(2026, 3, 1), calendar=WEEKDAYS
        )
        assert not moved.applied
        assert moved.findings.codes == ("visit.year_after.early",)
        twice = (*cycle.visits[:-1], early, attrs.evolve(early, number=5))
        with pytest.raises(InvalidValueError, match="at most one year-after"):
            attrs.evolve(cycle, visits=twice)
        with pytest.raises(InvalidValueError, match="at most one year-after"):
            attrs.evolve(
                cycle,
                visits=(
                    cycle.visits[0],
                    attrs.evolve(cycle.visits[1], kind=VisitKind.YEAR_AFTER),
                    *cycle.visits[2:],
                ),
            )


class TestCycles:
    def plan(self):
        return plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), calendar=WEEKDAYS
        ).cycles[0]

    def test_record_miss_cancel_and_progress(self):
        cycle = self.plan()
        held = VisitOutcome(
            held_on=date(2026, 3, 2), eit_meeting=True, kpi_collected=True
        )
        cycle = cycle.record(0, held).miss(1)
        progress = cycle.progress(date(2026, 5, 1))
        assert progress.done == (0,)
        assert progress.missed == (1,)
        assert progress.overdue == (2,)
        assert progress.planned == (2, 3)
        assert progress.findings.codes == ("visit.overdue",)
        assert not progress.complete
        cycle = cycle.cancel(1)
        for number in (2, 3):
            cycle = cycle.record(number, VisitOutcome(held_on=cycle.visit(number).on))
        assert cycle.progress(date(2026, 7, 1)).complete
        # A cancelled visit is left out of the cycle's checks: a holiday on
        # its day is no finding.
        closed = FixedCalendar(name="closed", holidays={cycle.visit(1).on})
        assert [v.path for v in check_cycle(cycle, calendar=closed)] == []
        planned = self.plan()
        assert [v.path for v in check_cycle(planned, calendar=closed)] == [
            ("visits", 1)
        ]
        with pytest.raises(TransitionError, match="is done"):
            cycle.record(2, held)
        with pytest.raises(TransitionError, match="cancelled"):
            cycle.cancel(1)
        with pytest.raises(TransitionError):
            cycle.miss(0)
        with pytest.raises(UnknownNameError) as caught:
            cycle.visit(7)
        assert str(caught.value) == (
            "cycle M1-20260309-53adbe6a.CQ-001 has no visit 7; visits: 0, 1, 2, 3"
        )

    def test_check_cycle_findings(self):
        cycle = self.plan()
        visits = list(cycle.visits)
        visits[0] = attrs.evolve(visits[0], on=date(2026, 3, 9))
        visits[2] = attrs.evolve(visits[2], on=visits[1].on + timedelta(days=2))
        visits[3] = attrs.evolve(visits[3], on=date(2026, 6, 13))
        broken = attrs.evolve(cycle, visits=visits)
        firm = {"enterprise": "CQ-001"}
        third = {"visit": 3, **firm}
        assert _findings(check_cycle(broken, calendar=WEEKDAYS)) == [
            (
                "visit.intake.late",
                {"day": "2026-03-09", "first": "2026-03-09", **firm},
                ("visits", 0),
            ),
            (
                "visit.gap",
                {
                    "days": 2,
                    "previous": 1,
                    "profile": "cn-phase-2",
                    "gap": 14,
                    "visit": 2,
                    **firm,
                },
                ("visits", 2),
            ),
            (
                "visit.outside_window",
                {
                    "day": "2026-06-13",
                    "start": "2026-03-11",
                    "end": "2026-06-09",
                    **third,
                },
                ("visits", 3),
            ),
            (
                "visit.day.not_working",
                {"day": "2026-06-13", "calendar": "weekdays", **third},
                ("visits", 3),
            ),
        ]
        backwards = list(cycle.visits)
        backwards[2] = attrs.evolve(backwards[2], on=backwards[1].on)
        assert _findings(check_cycle(attrs.evolve(cycle, visits=backwards))) == [
            (
                "visit.order",
                {
                    "day": "2026-04-01",
                    "previous": 1,
                    "previous_day": "2026-04-01",
                    "visit": 2,
                    **firm,
                },
                ("visits", 2),
            )
        ]

    @pytest.mark.parametrize(
        ("make", "message", "field"),
        [
            (
                lambda c: Visit(number=1, kind=VisitKind.INTAKE, on=c.classroom[0]),
                "Visit: number 0 is the intake visit and only it; got number 1 of "
                "kind intake",
                "number",
            ),
            (
                lambda c: Visit(number=0, kind=VisitKind.FOLLOW_UP, on=c.classroom[0]),
                "Visit: number 0 is the intake visit and only it; got number 0 of "
                "kind follow_up",
                "number",
            ),
            (
                lambda c: Visit(
                    number=1,
                    kind=VisitKind.FOLLOW_UP,
                    on=c.classroom[0],
                    status=VisitStatus.DONE,
                ),
                "Visit 1: a done visit has an outcome and only a done visit does "
                "(status done)",
                "outcome",
            ),
            (
                lambda c: Visit(
                    number=1,
                    kind=VisitKind.FOLLOW_UP,
                    on=c.classroom[0],
                    outcome=VisitOutcome(held_on=c.classroom[0]),
                ),
                "Visit 1: a done visit has an outcome and only a done visit does "
                "(status planned)",
                "outcome",
            ),
            (
                lambda c: Visit(
                    number=1,
                    kind=VisitKind.FOLLOW_UP,
                    on=c.classroom[0],
                    status=VisitStatus.DONE,
                    outcome="held",
                ),
                "Visit.outcome must be a VisitOutcome",
                "outcome",
            ),
            (
                lambda c: Visit(
                    number=1, kind=VisitKind.FOLLOW_UP, on=c.classroom[0], nominal="x"
                ),
                "Visit.nominal must be a date",
                "nominal",
            ),
            (
                lambda c: Visit(
                    number=1,
                    kind=VisitKind.FOLLOW_UP,
                    on=c.classroom[0],
                    previous=["x"],
                ),
                "Visit.previous must hold dates, got 'x'",
                "previous",
            ),
            (
                lambda c: attrs.evolve(c, visits=c.visits[1:][::-1]),
                "VisitCycle.visits must be numbered in order (0 for the intake, "
                "then 1, 2, ...), got [3, 2, 1]",
                "visits",
            ),
            (
                lambda c: attrs.evolve(c, classroom=()),
                "VisitCycle.classroom must hold at least one day",
                "classroom",
            ),
            (
                lambda c: attrs.evolve(c, classroom=c.classroom[::-1]),
                "VisitCycle.classroom must be in order without repeats: 2026-03-09 "
                "comes after 2026-03-10",
                "classroom",
            ),
            (
                lambda c: attrs.evolve(c, classroom=(c.classroom[0], c.classroom[0])),
                "VisitCycle.classroom must be in order without repeats: 2026-03-09 "
                "comes after 2026-03-09",
                "classroom",
            ),
            (
                lambda c: attrs.evolve(c, window_end=c.classroom[-1]),
                "VisitCycle.window_end 2026-03-10 must come after the last "
                "classroom day 2026-03-10",
                "window_end",
            ),
        ],
    )
    def test_every_refusal_says_what_and_where(self, make, message, field):
        with pytest.raises(InvalidValueError) as caught:
            make(self.plan())
        assert str(caught.value) == message
        assert caught.value.field == field

    def test_a_plan_names_itself_in_its_refusals(self):
        plan = plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), calendar=WEEKDAYS
        )
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(plan, classroom=(plan.classroom[0], "x"))
        assert str(caught.value) == "ModulePlan.classroom[1] must be a date, got 'x'"
        assert caught.value.field == "classroom"

    def test_a_cycle_without_visits(self):
        cycle = self.plan()
        assert attrs.evolve(cycle, visits=()).visits == ()

    def test_overdue_in_full(self):
        cycle = self.plan()
        # A visit planned for today is not overdue yet.
        today = cycle.progress(cycle.visit(1).on)
        assert (today.enterprise, today.on) == ("CQ-001", cycle.visit(1).on)
        assert today.overdue == (0,)
        assert today.cancelled == ()
        assert cycle.cancel(2).progress(cycle.visit(1).on).cancelled == (2,)
        held = VisitOutcome(held_on=date(2026, 3, 2))
        progress = cycle.record(0, held).miss(1).progress(date(2026, 5, 1))
        assert _findings(progress.findings) == [
            (
                "visit.overdue",
                {
                    "visit": 2,
                    "enterprise": "CQ-001",
                    "day": "2026-04-23",
                    "on": "2026-05-01",
                },
                ("visits", 2),
            )
        ]


class TestReschedule:
    def cycle(self):
        return plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), calendar=WEEKDAYS
        ).cycles[0]

    def test_one_visit_keeps_its_history(self):
        cycle = self.cycle()
        old = cycle.visit(2).on
        result = reschedule(
            cycle, 2, old + timedelta(days=1), on=date(2026, 4, 1), calendar=WEEKDAYS
        )
        assert result.applied
        assert result.moved == (2,)
        moved = result.cycle.visit(2)
        assert moved.on == old + timedelta(days=1)
        assert moved.previous == (old,)
        assert moved.reschedules == 1
        assert result.cycle.visit(3) == cycle.visit(3)

    def test_following_visits_move_by_working_days(self):
        cycle = self.cycle()
        result = reschedule(
            cycle,
            1,
            date(2026, 4, 3),
            on=date(2026, 3, 20),
            calendar=WEEKDAYS,
            scope=Scope.FOLLOWING,
        )
        assert result.applied
        assert result.moved == (1, 2, 3)
        assert [v.on for v in result.cycle.visits[1:]] == [
            date(2026, 4, 3),
            date(2026, 4, 27),
            date(2026, 5, 19),
        ]
        same = reschedule(
            cycle,
            1,
            cycle.visit(1).on,
            on=date(2026, 3, 20),
            calendar=WEEKDAYS,
            scope=Scope.FOLLOWING,
        )
        assert same.applied
        assert same.moved == ()
        assert same.cycle is cycle

    def test_a_visit_on_a_new_holiday_moves_alone(self):
        cycle = self.cycle()
        day = cycle.visit(1).on  # Wednesday 1 April 2026
        holiday = FixedCalendar(name="new-holiday", holidays={day})
        result = reschedule(
            cycle,
            1,
            day + timedelta(days=1),
            on=date(2026, 3, 20),
            calendar=holiday,
            scope=Scope.FOLLOWING,
        )
        assert result.applied
        assert result.moved == (1,)

    def test_refusals(self):
        cycle = self.cycle()
        done = cycle.record(0, VisitOutcome(held_on=date(2026, 3, 2)))
        today = date(2026, 3, 20)
        firm = {"enterprise": "CQ-001"}
        first = {"visit": 1, **firm}
        second = {"visit": 2, **firm}
        window = {"start": "2026-03-11", "end": "2026-06-09"}
        cases = [
            (
                done,
                0,
                date(2026, 3, 3),
                today,
                [
                    (
                        "visit.reschedule.done",
                        {"day": "2026-03-02", "visit": 0, **firm},
                        0,
                    )
                ],
            ),
            (
                cycle.cancel(1),
                1,
                date(2026, 4, 2),
                today,
                [("visit.reschedule.cancelled", first, 1)],
            ),
            (
                cycle,
                1,
                date(2026, 3, 19),
                today,
                [
                    (
                        "visit.reschedule.past",
                        {"day": "2026-03-19", "on": "2026-03-20", **first},
                        1,
                    )
                ],
            ),
            (
                cycle,
                1,
                date(2026, 4, 2),
                date(2026, 3, 31),
                [
                    (
                        "visit.reschedule.short_notice",
                        {
                            "day": "2026-04-01",
                            "days": 1,
                            "on": "2026-03-31",
                            "profile": "cn-phase-2",
                            "notice": 2,
                            **first,
                        },
                        1,
                    )
                ],
            ),
            (
                cycle,
                1,
                date(2026, 4, 4),
                today,
                [
                    (
                        "visit.day.not_working",
                        {"day": "2026-04-04", "calendar": "weekdays", **first},
                        1,
                    )
                ],
            ),
            (
                cycle,
                1,
                date(2026, 3, 10),
                today,
                [
                    (
                        "visit.reschedule.past",
                        {"day": "2026-03-10", "on": "2026-03-20", **first},
                        1,
                    ),
                    (
                        "visit.outside_window",
                        {"day": "2026-03-10", **window, **first},
                        1,
                    ),
                ],
            ),
            (
                cycle,
                2,
                date(2026, 4, 1),
                today,
                [
                    (
                        "visit.order",
                        {
                            "day": "2026-04-01",
                            "previous": 1,
                            "previous_day": "2026-04-01",
                            **second,
                        },
                        2,
                    )
                ],
            ),
            (
                cycle,
                2,
                date(2026, 4, 3),
                today,
                [
                    (
                        "visit.gap",
                        {
                            "days": 2,
                            "previous": 1,
                            "profile": "cn-phase-2",
                            "gap": 14,
                            **second,
                        },
                        2,
                    )
                ],
            ),
            (
                cycle,
                3,
                date(2026, 6, 10),
                today,
                [
                    (
                        "visit.outside_window",
                        {
                            "day": "2026-06-10",
                            **window,
                            "visit": 3,
                            **firm,
                        },
                        3,
                    )
                ],
            ),
        ]
        for subject, number, to, on, expected in cases:
            result = reschedule(subject, number, to, on=on, calendar=WEEKDAYS)
            assert not result.applied, expected
            assert result.cycle is subject
            assert result.moved == (number,)
            assert _findings(result.findings) == [
                (code, params, ("visits", index)) for code, params, index in expected
            ]

    def test_a_move_too_close_to_the_next_visit(self):
        cycle = self.cycle()  # visit 2 on Thursday 23 April 2026
        result = reschedule(
            cycle, 1, date(2026, 4, 20), on=date(2026, 3, 20), calendar=WEEKDAYS
        )
        assert not result.applied
        assert _findings(result.findings) == [
            (
                "visit.gap",
                {
                    "days": 3,
                    "previous": 1,
                    "profile": "cn-phase-2",
                    "gap": 14,
                    "visit": 2,
                    "enterprise": "CQ-001",
                },
                ("visits", 2),
            )
        ]

    def test_a_move_onto_a_holiday(self):
        cycle = plan_module(
            FIRM, module="M1", earliest=date(2026, 3, 2), calendar=CHINA_2026
        ).cycles[0]
        result = reschedule(
            cycle, 2, date(2026, 5, 1), on=date(2026, 3, 20), calendar=CHINA_2026
        )
        assert not result.applied
        assert _findings(result.findings) == [
            (
                "visit.day.not_working",
                {
                    "day": "2026-05-01",
                    "calendar": "cn-2026-notice",
                    "visit": 2,
                    "enterprise": "CQ-001",
                },
                ("visits", 2),
            )
        ]

    def test_the_cycle_profile_sets_the_notice(self):
        if "cn-long-notice" not in profile_names():
            register_profile(
                CHINA.derive(name="cn-long-notice", min_reschedule_notice_days=20)
            )
        cycle = plan_module(
            FIRM,
            module="M1",
            earliest=date(2026, 3, 2),
            calendar=WEEKDAYS,
            profile=get_profile("cn-long-notice"),
        ).cycles[0]
        result = reschedule(
            cycle, 1, date(2026, 4, 2), on=date(2026, 3, 20), calendar=WEEKDAYS
        )
        assert result.findings.codes == ("visit.reschedule.short_notice",)

    def test_notice_boundaries(self):
        cycle = self.cycle()  # visit 1 on Wednesday 1 April 2026
        # Moving a visit to today is not moving it into the past.
        today = reschedule(
            cycle, 1, date(2026, 3, 20), on=date(2026, 3, 20), calendar=WEEKDAYS
        )
        assert today.applied
        assert today.findings == Report()
        # Exactly the profile's notice (2 days) is enough; the visit's own day
        # is too short.
        assert reschedule(
            cycle, 1, date(2026, 4, 2), on=date(2026, 3, 30), calendar=WEEKDAYS
        ).applied
        same_day = reschedule(
            cycle, 1, date(2026, 4, 2), on=date(2026, 4, 1), calendar=WEEKDAYS
        )
        assert _findings(same_day.findings) == [
            (
                "visit.reschedule.short_notice",
                {
                    "day": "2026-04-01",
                    "days": 0,
                    "on": "2026-04-01",
                    "profile": "cn-phase-2",
                    "notice": 2,
                    "visit": 1,
                    "enterprise": "CQ-001",
                },
                ("visits", 1),
            )
        ]

    def test_results_are_checked_values(self):
        with pytest.raises(InvalidTypeError, match="applied"):
            Rescheduled(cycle=self.cycle(), applied=None, moved=(), findings=Report())

    def test_the_limit_and_a_missed_visit(self):
        cycle = self.cycle()
        today = date(2026, 3, 1)
        for shift in (1, 2):
            cycle = reschedule(
                cycle,
                1,
                date(2026, 4, 1) + timedelta(days=shift),
                on=today,
                calendar=WEEKDAYS,
            ).cycle
        assert cycle.visit(1).previous == (date(2026, 4, 1), date(2026, 4, 2))
        limited = reschedule(cycle, 1, date(2026, 4, 6), on=today, calendar=WEEKDAYS)
        assert _findings(limited.findings) == [
            (
                "visit.reschedule.limit",
                {
                    "count": 2,
                    "profile": "cn-phase-2",
                    "limit": 2,
                    "visit": 1,
                    "enterprise": "CQ-001",
                },
                ("visits", 1),
            )
        ]
        # A missed visit is moved without notice, and is planned again.
        missed = self.cycle().miss(2)
        again = reschedule(
            missed, 2, date(2026, 4, 27), on=date(2026, 4, 24), calendar=WEEKDAYS
        )
        assert again.applied
        assert again.cycle.visit(2).status is VisitStatus.PLANNED
        other = CHINA.derive(name="strict-policy", max_reschedules_per_visit=0)
        assert reschedule(
            self.cycle(),
            2,
            date(2026, 4, 24),
            on=today,
            calendar=WEEKDAYS,
            profile=other,
        ).findings.codes == ("visit.reschedule.limit",)

    def test_a_year_the_calendar_does_not_cover(self):
        only_2026 = FixedCalendar(name="c", years={2026}, confirmed=set())
        result = reschedule(
            self.cycle(), 1, date(2026, 4, 2), on=date(2026, 3, 1), calendar=only_2026
        )
        assert result.applied
        assert _findings(result.findings) == [
            (
                "calendar.year.unconfirmed",
                {"calendar": "c", "year": 2026},
                ("visits", 1),
            )
        ]

    def test_unknown_visit(self):
        with pytest.raises(UnknownNameError):
            reschedule(
                self.cycle(),
                9,
                date(2026, 4, 2),
                on=date(2026, 3, 1),
                calendar=WEEKDAYS,
            )

    @given(
        sst.visit_cycles(),
        st.integers(0, 6),
        st.integers(-20, 40),
        st.integers(0, 60),
        st.sampled_from(Scope),
    )
    def test_done_visits_are_never_touched(self, cycle, pick, shift, back, scope):
        if not cycle.visits:
            return
        visit = cycle.visits[pick % len(cycle.visits)]
        result = reschedule(
            cycle,
            visit.number,
            visit.on + timedelta(days=shift),
            on=visit.on - timedelta(days=back),
            calendar=WEEKDAYS,
            scope=scope,
        )
        for before, after in zip(cycle.visits, result.cycle.visits, strict=True):
            if before.status is VisitStatus.DONE:
                assert after == before
        if result.applied:
            assert check_cycle(result.cycle).ok
            for number in result.moved:
                assert result.cycle.visit(number).previous[-1] == cycle.visit(number).on
        else:
            assert result.cycle is cycle
            assert result.findings.errors


def test_strategies_refuse_impossible_arguments_when_built():
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="max_enterprises"):
        sst.module_plans(max_enterprises=0)
    with pytest.raises(InvalidArgument, match="needs"):
        sst.fixed_calendars(min_day=date(2026, 2, 1), max_day=date(2026, 1, 1))
    with pytest.raises(InvalidArgument, match="max_follow_ups"):
        sst.visit_cycles(max_follow_ups=-1)
