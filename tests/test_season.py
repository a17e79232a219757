"""A season: many plans, the same trainers (double bookings, limits, pairs)."""

import json
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Certification,
    Enterprise,
    InvalidValueError,
    Trainer,
    TrainerLevel,
    UnknownNameError,
    get_profile,
    plan_module,
    weekday_calendar,
)
from score_core import strategies as sst
from score_core.codes import Code, violation
from score_core.season import Assignment, Season, SeasonRole, check_season
from score_core.visits import VisitOutcome


WEEKDAYS = weekday_calendar()
CHINA = get_profile("cn")


def firms(*ids):
    return [Enterprise(id=i, name=f"Firm {i}", headcount=120) for i in ids]


def plan(plan_id, ids, earliest, module="M1", **kw):
    return plan_module(
        firms(*ids),
        module=module,
        earliest=earliest,
        calendar=WEEKDAYS,
        plan_id=plan_id,
        **kw,
    )


def certified(*modules, level=TrainerLevel.CERTIFIED, since=date(2015, 3, 1)):
    return tuple(
        Certification(module=m, level=level, certified_on=since) for m in modules
    )


LI = Trainer(id="T1", name="Li Wei", certifications=certified("M1", "M5"))
WANG = Trainer(
    id="T9",
    name="Wang Jun",
    certifications=certified(
        "M1", "M5", level=TrainerLevel.EXPERT, since=date(2012, 1, 1)
    ),
)
CHEN = Trainer(
    id="T4",
    name="Chen Hong",
    certifications=(
        Certification(
            module="M1",
            level=TrainerLevel.CANDIDATE,
            certified_on=date(2026, 1, 15),
            supervisor_id="T9",
        ),
    ),
)
# Spring 2026, Monday to Friday: P1 (A, B) has its classroom days on 9 and 10
# March and its first follow-up visits on 1 April, the day P2 (C, D) opens.
P1 = plan("P1", ["A", "B"], date(2026, 3, 2))
P2 = plan("P2", ["C", "D"], date(2026, 3, 25))


TIGHT = get_profile().derive(
    name="tight",
    max_trainer_visits_per_week=1,
    follow_up_visits=6,
    min_visit_gap_days=0,
    follow_up_window_months=1,
    intake_lead_days=1,
    paired_visit_modules={"M1"},
)


def _findings(report):
    return [(v.code, dict(v.params), v.path) for v in report]


class TestWorkedExample:
    def test_spring_2026(self):
        assert P1.classroom == (date(2026, 3, 9), date(2026, 3, 10))
        assert P1.cycle("A").visit(1).on == date(2026, 4, 1)
        assert P2.classroom[0] == date(2026, 4, 1)
        assert P2.cycle("C").visit(0).on == P2.cycle("D").visit(0).on
        season = Season(
            id="2026-spring",
            plans=(P1, P2),
            trainers=(LI, WANG, CHEN),
            assignments=(
                Assignment(person="T1", plan="P1"),
                Assignment(person="T1", plan="P1", enterprise="A"),
                Assignment(person="T1", plan="P2"),
                Assignment(person="T9", plan="P1", enterprise="B"),
                Assignment(person="T9", plan="P2", enterprise="C"),
                Assignment(person="T9", plan="P2", enterprise="D", visits=(0,)),
                Assignment(person="T4", plan="P2", enterprise="D", visits=(0, 1)),
                Assignment(person="T7", plan="P1", enterprise="B", visits=(3,)),
            ),
        )
        assert _findings(check_season(season)) == [
            (
                "season.assignment.unknown",
                {"person": "T7", "what": "trainer", "name": "T7"},
                ("assignments", 7),
            ),
            (
                # Li Wei cannot make A's first follow-up on P2's first day.
                "season.trainer.double_booked",
                {
                    "person": "T1",
                    "day": "2026-04-01",
                    "visit": 1,
                    "classroom_day": None,
                    "plan": "P1",
                    "where": "A",
                    "other_visit": None,
                    "other_classroom_day": 1,
                    "other_plan": "P2",
                },
                ("plans", 0, "cycles", 0, "visits", 1),
            ),
            (
                # Wang Jun has C's and D's intake visits on 25 March.
                "season.trainer.day_limit",
                {
                    "day": "2026-03-25",
                    "count": 2,
                    "limit": 1,
                    "person": "T9",
                    "profile": "cn-phase-2",
                },
                ("plans", 1, "cycles", 1, "visits", 0),
            ),
            (
                # Chen Hong, a candidate, is supervised at D's intake visit
                # (Wang Jun is there), not at its first follow-up.
                "trainer.candidate.unsupervised",
                {
                    "trainer": "Chen Hong",
                    "module": "M1",
                    "supervisors": "T9",
                },
                ("plans", 1, "cycles", 1, "visits", 1),
            ),
            (
                "season.visit.unassigned",
                {
                    "visit": 2,
                    "enterprise": "D",
                    "plan": "P2",
                    "day": "2026-05-18",
                },
                ("plans", 1, "cycles", 1, "visits", 2),
            ),
            (
                "season.visit.unassigned",
                {
                    "visit": 3,
                    "enterprise": "D",
                    "plan": "P2",
                    "day": "2026-06-08",
                },
                ("plans", 1, "cycles", 1, "visits", 3),
            ),
        ]

    def test_a_staggered_week_of_intake_visits(self):
        # Five enterprises, one intake visit a working day: one trainer makes
        # five visits in ISO week 10 of 2026; the default allows four.
        week = plan("P3", ["A", "B", "C", "D", "E"], date(2026, 3, 2), stagger=1)
        intakes = Assignment(person="T1", plan="P3", enterprise="A", visits=(0,))
        jobs = [Assignment(person="T9", plan="P3")] + [
            attrs.evolve(intakes, enterprise=e) for e in ("A", "B", "C", "D", "E")
        ]
        season = Season(id="s", plans=(week,), trainers=(LI, WANG), assignments=jobs)
        found = [v for v in check_season(season) if not v.code.endswith("unassigned")]
        assert found == [
            violation(
                Code.SEASON_WEEK_LIMIT,
                person="T1",
                week="2026-W10",
                count=5,
                limit=4,
                profile="cn-phase-2",
                path=("plans", 0, "cycles", 4, "visits", 0),
            )
        ]
        assert found[0].severity.value == "warning"
        five = CHINA.derive(name="five-a-week", max_trainer_visits_per_week=5)
        assert not [v for v in check_season(season, profile=five) if "limit" in v.code]

    def test_china_pairs_a_trainer_with_a_safety_inspector_for_osh(self):
        # Zhejiang's pilots with SAWS: consultants and inspectors visit in pairs.
        pilots = CHINA.derive(name="cn-saws-pilot", paired_visit_modules={"M5"})
        osh = plan("P5", ["A"], date(2026, 3, 2), module="M5")
        first = plan("P0", ["B"], date(2026, 3, 2))
        season = Season(
            id="zhejiang",
            plans=(first, osh),
            trainers=(LI, WANG),
            assignments=(
                Assignment(person="T1", plan="P0"),
                Assignment(person="T1", plan="P0", enterprise="B"),
                Assignment(person="T9", plan="P5"),
                Assignment(person="T9", plan="P5", enterprise="A", visits=(0, 1)),
                Assignment(
                    person="inspector Zhou",
                    plan="P5",
                    enterprise="A",
                    visits=(0, 2),
                    role=SeasonRole.INSPECTOR,
                ),
            ),
        )
        report = check_season(season, profile=pilots)
        assert _findings(report) == [
            (
                "season.visit.unpaired",
                {
                    "visit": 1,
                    "enterprise": "A",
                    "module": "M5",
                    "missing": "inspector",
                    "profile": "cn-saws-pilot",
                },
                ("plans", 1, "cycles", 0, "visits", 1),
            ),
            (
                "season.visit.unpaired",
                {
                    "visit": 2,
                    "enterprise": "A",
                    "module": "M5",
                    "missing": "trainer",
                    "profile": "cn-saws-pilot",
                },
                ("plans", 1, "cycles", 0, "visits", 2),
            ),
            (
                "season.visit.unassigned",
                {
                    "visit": 3,
                    "enterprise": "A",
                    "plan": "P5",
                    "day": "2026-05-15",
                },
                ("plans", 1, "cycles", 0, "visits", 3),
            ),
        ]
        assert report.violations[0].message == (
            "follow-up visit 1 of enterprise A (module M5) has no inspector; profile "
            "cn-saws-pilot has a trainer visit with a safety inspector"
        )
        # Without the option, one trainer visits alone; an inspector alone is
        # no trainer.
        alone = _findings(check_season(season, profile=CHINA))
        assert [(code, path[-1]) for code, _, path in alone] == [
            ("season.visit.unassigned", 2),
            ("season.visit.unassigned", 3),
        ]


class TestRules:
    def season(self, *jobs, plans=(P1,), trainers=(LI, WANG)):
        return Season(id="s", plans=plans, trainers=trainers, assignments=jobs)

    def test_nobody_assigned(self):
        report = check_season(self.season())
        assert report.ok
        assert report.codes == (
            "season.classroom.unassigned",
            *["season.visit.unassigned"] * 8,
        )
        assert report.violations[0].path == ("plans", 0, "classroom")

    def test_unknown_plan_enterprise_and_visit(self):
        jobs = (
            Assignment(person="T1", plan="P9"),
            Assignment(person="T1", plan="P1", enterprise="Z"),
            Assignment(person="T1", plan="P1", enterprise="A", visits=(2, 7)),
            Assignment(person="I1", plan="P1", role=SeasonRole.INSPECTOR),
        )
        found = [v for v in check_season(self.season(*jobs)) if v.path[0] != "plans"]
        assert [(v.params["what"], v.params["name"], v.path) for v in found] == [
            ("plan", "P9", ("assignments", 0)),
            ("enterprise", "Z", ("assignments", 1)),
            ("visit", 7, ("assignments", 2)),
        ]
        assert found[0].message == (
            "T1's assignment names plan P9, which the season does not have"
        )

    def test_only_active_visits_count_on_the_day_they_were_held(self):
        a = P1.cycle("A")
        moved = a.record(1, VisitOutcome(held_on=date(2026, 4, 3))).cancel(2).miss(3)
        plan_ = attrs.evolve(P1, cycles=(moved, P1.cycle("B")))
        other = plan("P2", ["C", "D"], date(2026, 3, 25))
        season = self.season(
            Assignment(person="T1", plan="P1", enterprise="A"),
            Assignment(person="T1", plan="P2"),
            plans=(plan_, other),
        )
        # Visit 1 was held on 3 April, not on P2's first day; 2 and 3 are off.
        assert not [v for v in check_season(season) if v.severity.value == "error"]
        unassigned = [v.path for v in check_season(season) if "visit" in v.code]
        assert ("plans", 0, "cycles", 0, "visits", 2) not in unassigned

    def test_two_modules_at_one_enterprise_on_one_day_are_one_trip(self):
        osh = plan("P5", ["A"], date(2026, 3, 2), module="M5")
        season = self.season(
            Assignment(person="T1", plan="P1", enterprise="A"),
            Assignment(person="T1", plan="P5", enterprise="A"),
            plans=(P1, osh),
        )
        assert not [v for v in check_season(season) if "limit" in v.code]
        # Two visits to two enterprises on one day are two.
        two = self.season(
            Assignment(person="T1", plan="P1", enterprise="A", visits=(0,)),
            Assignment(person="T1", plan="P1", enterprise="B", visits=(0,)),
        )
        limits = [v for v in check_season(two) if "limit" in v.code]
        assert [(v.code, v.path) for v in limits] == [
            ("season.trainer.day_limit", ("plans", 0, "cycles", 1, "visits", 0))
        ]

    def test_two_classrooms_on_one_day(self):
        twin = attrs.evolve(
            P1,
            id="P1b",
            location="Chengdu",
            cycles=[attrs.evolve(c, id="x." + c.id) for c in P1.cycles],
        )
        season = self.season(
            Assignment(person="T1", plan="P1"),
            Assignment(person="T1", plan="P1b"),
            plans=(P1, twin),
        )
        booked = [v for v in check_season(season) if v.code.endswith("double_booked")]
        assert [v.path for v in booked] == [
            ("plans", 1, "classroom", 0),
            ("plans", 1, "classroom", 1),
        ]
        assert booked[0].message == (
            "T1 is booked for classroom day 1 of plan P1b (Chengdu) and for classroom "
            "day 1 of plan P1 on 2026-03-09"
        )

    def test_certification_on_each_day_booked(self):
        lapsed = Trainer(
            id="T2",
            name="Zhao Min",
            certifications=(
                Certification(
                    module="M1",
                    level=TrainerLevel.CERTIFIED,
                    certified_on=date(2015, 1, 1),
                    expires_on=date(2026, 3, 9),
                ),
            ),
        )
        season = self.season(
            Assignment(person="T2", plan="P1"),
            Assignment(person="T1", plan="P1", enterprise="A", visits=(0,)),
            trainers=(lapsed, attrs.evolve(LI, certifications=certified("M5"))),
        )
        found = [(v.code, v.path) for v in check_season(season) if v.code[0] == "t"]
        assert found == [
            ("trainer.certification.expired", ("plans", 0, "classroom", 1)),
            # M1 is an entry module: no finding on the order of entry.
            ("trainer.not_certified", ("plans", 0, "cycles", 0, "visits", 0)),
        ]

    def test_the_profile_the_plans_name(self):
        def day_limit(*plans):
            jobs = [
                Assignment(person="T1", plan=p.id, enterprise=c.enterprise, visits=(0,))
                for p in plans
                for c in p.cycles
            ]
            season = self.season(*jobs, plans=plans)
            return {
                v.params["profile"] for v in check_season(season) if "limit" in v.code
            }

        mem = plan("P7", ["C", "D"], date(2026, 3, 2), profile=CHINA)
        assert mem.profile == "cn-mem"
        assert day_limit(mem) == {"cn-mem"}
        # Plans of two profiles: the default profile's limits.
        assert day_limit(mem, P1) == {"cn-phase-2"}
        tight = plan("P8", ["C", "D"], date(2026, 3, 2), profile=TIGHT)
        with pytest.raises(UnknownNameError, match="tight"):
            day_limit(tight)

    def test_values(self):
        with pytest.raises(InvalidValueError, match="give the enterprise"):
            Assignment(person="T1", plan="P1", visits=(1,))
        with pytest.raises(InvalidValueError, match="visit numbers"):
            Assignment(person="T1", plan="P1", enterprise="A", visits=(-1,))
        with pytest.raises(InvalidValueError, match="visit numbers"):
            Assignment(person="T1", plan="P1", enterprise="A", visits=(True,))
        with pytest.raises(InvalidValueError, match="twice"):
            Assignment(person="T1", plan="P1", enterprise="A", visits=(1, 1))
        with pytest.raises(
            InvalidValueError, match="plan ids must be unique; twice: P1"
        ):
            Season(id="s", plans=(P1, P1))
        with pytest.raises(InvalidValueError, match="trainer ids"):
            Season(id="s", plans=(), trainers=(LI, LI))


# -- properties -------------------------------------------------------------------


class TestProperties:
    @given(st.sampled_from([None, TIGHT]).flatmap(lambda p: sst.seasons(profile=p)))
    def test_a_drawn_season_keeps_every_rule(self, season):
        profile = TIGHT if season.plans[0].profile == "tight" else None
        assert len(check_season(season, profile=profile)) == 0

    @given(sst.seasons(fault=Code.SEASON_DOUBLE_BOOKED))
    def test_an_injected_double_booking_is_all_that_is_found(self, season):
        report = check_season(season)
        twin = season.plans[-1]
        assert set(report.codes) == {"season.trainer.double_booked"}
        assert [v.path for v in report] == [
            ("plans", len(season.plans) - 1, "classroom", d)
            for d in range(len(twin.classroom))
        ]

    @given(sst.seasons(fault=Code.SEASON_DOUBLE_BOOKED), st.randoms())
    def test_the_order_of_assignments_does_not_matter(self, season, random):
        jobs = list(season.assignments)
        random.shuffle(jobs)
        shuffled = attrs.evolve(season, assignments=jobs)
        assert sorted(map(str, check_season(shuffled))) == sorted(
            map(str, check_season(season))
        )

    @given(sst.seasons())
    def test_without_assignments_only_warnings_for_each_classroom_and_visit(
        self, season
    ):
        report = check_season(attrs.evolve(season, assignments=()))
        visits = sum(
            v.active
            for p in season.plans
            for c in p.cycles
            for c in [c]
            for v in c.visits
        )
        assert report.ok
        assert report.codes.count("season.classroom.unassigned") == len(season.plans)
        assert report.codes.count("season.visit.unassigned") == visits
        assert len(report) == len(season.plans) + visits

    @given(sst.assignments())
    def test_assignments_round_trip(self, job):
        from score_core.serialization import from_dict, to_dict

        assert from_dict(Assignment, to_dict(job)) == job


def test_strategies_refuse_bad_arguments():
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        sst.seasons(fault="season.visit.unpaired")
    with pytest.raises(InvalidArgument):
        sst.seasons(max_plans=0)
    with pytest.raises(InvalidArgument):
        sst.seasons(profile="cn")
    assert "seasons of profile cn-phase-2, fault None" in repr(sst.seasons())


# -- the command line ---------------------------------------------------------------
class TestCommandLine:
    def write(self, tmp_path, season):
        from score_core.serialization import dump_document

        path = tmp_path / "season.json"
        path.write_text(json.dumps(dump_document(season)), encoding="utf-8")
        return str(path)

    def test_a_season_with_a_double_booking(self, tmp_path, capsys):
        from score_core._cli import main

        season = Season(
            id="2026-spring",
            plans=(P1, P2),
            trainers=(LI, WANG),
            assignments=(
                Assignment(person="T1", plan="P1"),
                Assignment(person="T1", plan="P1", enterprise="A"),
                Assignment(person="T1", plan="P2"),
                Assignment(person="T9", plan="P1", enterprise="B"),
                Assignment(person="T9", plan="P2", enterprise="C"),
                Assignment(person="T9", plan="P2", enterprise="D"),
            ),
        )
        path = self.write(tmp_path, season)
        assert main(["season", path]) == 1
        out = capsys.readouterr().out
        assert out.startswith(
            "season 2026-spring: 2 plans, 16 visits, 2 trainers, 6 assignments\n"
        )
        assert "season.trainer.double_booked" in out
        assert "$.plans[0].cycles[0].visits[1]" in out
        assert main(["season", path, "--json", "--profile", "cn"]) == 1
        document = json.loads(capsys.readouterr().out)
        assert document["kind"] == "report"
        codes = {v["code"] for v in document["data"]["violations"]}
        assert codes == {"season.trainer.double_booked", "season.trainer.day_limit"}
        assert {v["params"].get("profile") for v in document["data"]["violations"]} >= {
            "cn-mem"
        }

    def test_a_season_without_errors_and_bad_input(self, tmp_path, capsys):
        from score_core._cli import main

        path = self.write(
            tmp_path,
            Season(id="s", plans=(P1,), assignments=()),
        )
        assert main(["season", path]) == 0
        assert "season.classroom.unassigned" in capsys.readouterr().out
        assert main(["season", path, "--json"]) == 0
        capsys.readouterr()
        bad = tmp_path / "bad.json"
        bad.write_text('{"id": "s", "plans": [], "assignments": [{"person": 1}]}')
        assert main(["season", str(bad)]) == 2
        assert "season" in capsys.readouterr().err

    def test_help_with_an_example(self, capsys):
        from score_core._cli import main

        assert main(["season", "--help"]) == 0
        assert "example: score-core season " in capsys.readouterr().out
