from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core import (
    AttendanceSheet,
    Certification,
    Delegation,
    Enterprise,
    EnterpriseRecord,
    FixedCalendar,
    Gender,
    InvalidValueError,
    ModuleState,
    Participant,
    Role,
    Trainer,
    TrainerLevel,
    Workshop,
    check_workshop,
    enrol,
    get_profile,
    record_attendance,
    withdraw,
    workshop_statistics,
)
from score_core import strategies as sst
from score_core.codes import Code, violation
from score_core.errors import UnknownNameError
from score_core.profiles import Band, DelegationRule, default_profile
from score_core.strategies import WORKSHOP_FAULTS
from score_core.workshops import (
    AttendanceMark,
    Placement,
    Presence,
    WorkshopStatistics,
    attendance,
)


DAY1, DAY2 = date(2015, 4, 8), date(2015, 4, 9)
CERTIFIED = Trainer(
    id="T1",
    name="Li Wei",
    certifications=(
        Certification(
            module="M1", level=TrainerLevel.CERTIFIED, certified_on=date(2014, 1, 1)
        ),
    ),
)
NAMES = [
    "重庆齿轮厂",
    "Yangtze Auto Parts",
    "Jialing Garments",
    "Three Gorges Valves",
    "Shapingba Printing",
]


def firm(n, **kw):
    kw.setdefault("headcount", 120 + 40 * n)
    kw.setdefault("women", 30 + n)
    return Enterprise(
        id=f"CQ-00{n + 1}", name=NAMES[n % 5], country="CN", region="Chongqing", **kw
    )


def people(enterprise, managers=2, workers=2):
    return tuple(
        Participant(
            name=f"{enterprise.id} {role.value} {k}",
            role=role,
            gender=Gender.FEMALE if k == 0 else Gender.MALE,
            id=f"{enterprise.id}-{role.value}-{k}",
            enterprise_id=enterprise.id,
        )
        for role, count in ((Role.MANAGER, managers), (Role.WORKER, workers))
        for k in range(count)
    )


def chongqing(n=5, **kw):
    groups = [
        Delegation(enterprise=firm(i), participants=people(firm(i))) for i in range(n)
    ]
    kw.setdefault("trainers", (CERTIFIED,))
    return Workshop(
        id="CQ-2015-04",
        module="M1",
        days=(DAY1, DAY2),
        location="Chongqing",
        delegations=groups,
        **kw,
    )


RECORDS = {
    f"CQ-00{i + 1}": EnterpriseRecord(
        enterprise_id=f"CQ-00{i + 1}", baseline_on=date(2015, 3, 2)
    )
    for i in range(7)
}


class TestWorkedExample:
    def test_five_chongqing_enterprises_two_managers_two_workers(self):
        assert check_workshop(chongqing(), records=RECORDS).violations == ()
        first = chongqing().delegations[0]
        assert (first.count(Role.MANAGER), first.count(Role.WORKER)) == (2, 2)

    def test_four_to_five_enterprises(self):
        assert check_workshop(chongqing(4), records=RECORDS).ok
        few = check_workshop(chongqing(3), records=RECORDS)
        assert few.codes == ("workshop.enterprises.too_few",)
        assert few.violations[0].message == (
            "workshop CQ-2015-04 has 3 enterprises, fewer than the 4 of profile "
            "cn-phase-2"
        )
        many = check_workshop(chongqing(6), records=RECORDS)
        assert many.codes == ("workshop.enterprises.too_many",)
        assert "more than the 5 of profile cn-phase-2" in many.violations[0].message

    def test_hospitality_coaching_takes_six(self):
        trainer = Trainer(
            id="T",
            name="t",
            certifications=tuple(
                Certification(
                    module=m,
                    level=TrainerLevel.CERTIFIED,
                    certified_on=date(2014, 1, 1),
                )
                for m in ("M1", "HOCO")
            ),
        )
        days = tuple(DAY1 + timedelta(days=7 * i) for i in range(3))

        def hoco(n):
            return Workshop(
                id="H",
                module="HOCO",
                days=days,
                trainers=(trainer,),
                delegations=chongqing(n).delegations,
            )

        assert check_workshop(hoco(6), records=RECORDS).violations == ()
        report = check_workshop(hoco(7), records=RECORDS)
        assert report.codes == ("workshop.enterprises.too_many",)
        assert report.violations[0].message == (
            "workshop H has 7 enterprises, more than the 6 of module HOCO"
        )

    def test_paths_point_into_the_workshop(self):
        shop = chongqing()
        broken = list(shop.delegations)
        broken[3] = Delegation(
            enterprise=broken[3].enterprise, participants=broken[3].participants[2:]
        )
        report = check_workshop(
            Workshop(
                id="W",
                module="M1",
                days=shop.days,
                delegations=broken,
                trainers=shop.trainers,
            ),
            records=RECORDS,
        )
        assert [(v.code, v.path_str) for v in report] == [
            ("workshop.delegation.not_joint", "$.delegations[3].participants"),
            ("workshop.representation.unequal", "$.delegations"),
        ]
        assert report.violations[0].message == (
            "enterprise CQ-004 sends 0 managers and 2 workers: managers and workers "
            "of each enterprise are trained together"
        )

    def test_eligibility_is_reused_for_each_enterprise(self):
        records = dict(RECORDS)
        records["CQ-003"] = EnterpriseRecord(enterprise_id="CQ-003")
        report = check_workshop(chongqing(), records=records)
        assert [(v.code, v.path_str) for v in report] == [
            ("eligibility.baseline.missing", "$.delegations[2].enterprise")
        ]
        no_records = check_workshop(chongqing())
        assert set(no_records.codes) == {"eligibility.record.missing"}
        assert no_records.ok

    def test_gender(self):
        shop = chongqing()
        men = tuple(
            Participant(name=p.name, role=p.role, gender=Gender.MALE, id=p.id)
            for p in shop.delegations[1].participants
        )
        groups = list(shop.delegations)
        groups[1] = Delegation(enterprise=groups[1].enterprise, participants=men)
        report = check_workshop(
            Workshop(
                id="W",
                module="M1",
                days=shop.days,
                delegations=groups,
                trainers=shop.trainers,
            ),
            records=RECORDS,
        )
        assert report.codes == ("workshop.delegation.one_sex",)
        assert report.ok
        # Unknown or single-sex workforce: no warning.
        groups[1] = Delegation(
            enterprise=Enterprise(id="CQ-002", name="n", headcount=100, country="CN"),
            participants=men,
        )
        assert (
            check_workshop(
                Workshop(
                    id="W",
                    module="M1",
                    days=shop.days,
                    delegations=groups,
                    trainers=shop.trainers,
                ),
                records=RECORDS,
            ).codes
            == ()
        )

    def test_minimum_delegations(self):
        loose = default_profile().derive(
            name="cn-loose",
            delegation=__import__("score_core.profiles").profiles.DelegationRule(
                managers=1, workers=2, exact=False
            ),
        )
        shop = chongqing()
        groups = list(shop.delegations)
        groups[0] = Delegation(
            enterprise=groups[0].enterprise,
            participants=people(groups[0].enterprise, 3, 1),
        )
        report = check_workshop(
            Workshop(
                id="W",
                module="M1",
                days=shop.days,
                delegations=groups,
                trainers=shop.trainers,
            ),
            profile=loose,
            records=RECORDS,
        )
        assert report.codes == (
            "workshop.delegation.workers",
            "workshop.representation.unequal",
        )
        assert "asks for at least 2" in report.violations[0].message


class TestDaysAndTrainers:
    def test_classroom_days(self):
        one_day = Workshop(
            id="W",
            module="M1",
            days=(DAY1,),
            delegations=chongqing().delegations,
            trainers=(CERTIFIED,),
        )
        report = check_workshop(one_day, records=RECORDS)
        assert report.codes == ("workshop.days.count",)
        assert report.violations[0].message == (
            "workshop W has 1 classroom days; module M1 has 2 under profile cn-phase-2"
        )

    def test_working_days_of_a_calendar(self):
        labour_day = FixedCalendar(
            name="cn-2015",
            years={2015},
            holidays={date(2015, 5, 1)},
            workdays={date(2015, 5, 2)},
            source="test",
        )
        shop = Workshop(
            id="W",
            module="M1",
            days=(date(2015, 5, 1), date(2015, 5, 2)),
            delegations=chongqing().delegations,
            trainers=(CERTIFIED,),
        )
        report = check_workshop(shop, records=RECORDS, calendar=labour_day)
        assert [(v.code, v.path_str) for v in report] == [
            ("workshop.day.not_working", "$.days[0]")
        ]
        assert report.violations[0].message == (
            "2015-05-01 is not a working day in calendar cn-2015"
        )

    def test_calendar_years(self):
        estimated = FixedCalendar(name="est", years={2015}, confirmed=set())
        report = check_workshop(chongqing(), records=RECORDS, calendar=estimated)
        assert report.codes == ("calendar.year.unconfirmed",)
        missing = FixedCalendar(name="old", years={2014})
        assert check_workshop(chongqing(), records=RECORDS, calendar=missing).codes == (
            "calendar.year.not_covered",
        )

    def test_trainers(self):
        none = chongqing(trainers=())
        assert check_workshop(none, records=RECORDS).codes == (
            "workshop.trainers.none",
        )
        candidate = Trainer(
            id="T2",
            name="Zhou",
            certifications=(
                Certification(
                    module="M1",
                    level=TrainerLevel.CANDIDATE,
                    certified_on=date(2015, 1, 1),
                ),
            ),
        )
        alone = check_workshop(chongqing(trainers=(candidate,)), records=RECORDS)
        assert [(v.code, v.path_str) for v in alone] == [
            ("trainer.candidate.unsupervised", "$.trainers[0]")
        ]
        expert = Trainer(
            id="T9",
            name="Wang",
            certifications=(
                Certification(
                    module="M1",
                    level=TrainerLevel.EXPERT,
                    certified_on=date(2010, 1, 1),
                ),
            ),
        )
        assert check_workshop(
            chongqing(trainers=(candidate, expert)), records=RECORDS
        ).ok
        expiring = Trainer(
            id="T3",
            name="Qian",
            certifications=(
                Certification(
                    module="M1",
                    level=TrainerLevel.CERTIFIED,
                    certified_on=date(2012, 1, 1),
                    expires_on=DAY1,
                ),
            ),
        )
        report = check_workshop(chongqing(trainers=(expiring,)), records=RECORDS)
        assert report.codes == ("trainer.certification.expired",)

    def test_profile_in_force_on_the_first_day(self):
        late = Workshop(
            id="W",
            module="M1",
            days=(date(2026, 11, 24), date(2026, 11, 25)),
            delegations=chongqing().delegations,
            trainers=(CERTIFIED,),
        )
        from score_core import NotInForceError, Resolution

        with pytest.raises(NotInForceError):
            check_workshop(late, records=RECORDS, mode=Resolution.STRICT)
        report = check_workshop(late, records=RECORDS)
        assert report.codes == ("profile.not_in_force",)


class TestCapacity:
    def test_go_no_go(self):
        short = chongqing(3, go_no_go=date(2015, 3, 25))
        early = check_workshop(short, records=RECORDS, on=date(2015, 3, 10))
        assert early.codes == ("workshop.enterprises.filling",)
        assert early.ok
        assert early.violations[0].message == (
            "workshop CQ-2015-04 has 3 of at least 4 enterprises; 1 more needed by its "
            "go/no-go date 2015-03-25"
        )
        late = check_workshop(short, records=RECORDS, on=date(2015, 3, 25))
        assert late.codes == ("workshop.enterprises.too_few",)
        assert "at its go/no-go date 2015-03-25" in late.violations[0].message

    def test_waitlist_in_order_and_promotion(self):
        shop = chongqing(5)
        sixth = Delegation(enterprise=firm(5), participants=people(firm(5)))
        seventh = Delegation(
            enterprise=Enterprise(id="CQ-007", name="n", headcount=90), participants=()
        )
        waiting = enrol(enrol(shop, sixth).workshop, seventh)
        assert waiting.placement is Placement.WAITLISTED
        shop = waiting.workshop
        assert [d.enterprise.id for d in shop.waitlist] == ["CQ-006", "CQ-007"]
        assert len(shop.delegations) == 5
        out = withdraw(shop, "CQ-002")
        assert out.placement is Placement.WITHDRAWN
        assert out.promoted == ("CQ-006",)
        shop = out.workshop
        assert [d.enterprise.id for d in shop.delegations][-1] == "CQ-006"
        assert [d.enterprise.id for d in shop.waitlist] == ["CQ-007"]
        out = withdraw(shop, "CQ-007")
        assert out.promoted == ()
        shop = out.workshop
        assert shop.waitlist == ()
        small = enrol(chongqing(3), sixth)
        assert small.placement is Placement.ENROLLED
        assert len(small.workshop.delegations) == 4

    def test_adding_what_is_there_or_removing_what_is_not_changes_nothing(self):
        shop = chongqing(5)
        sixth = Delegation(enterprise=firm(5), participants=people(firm(5)))
        absent = withdraw(shop, "CQ-099")
        assert absent.workshop is shop
        assert absent.placement is Placement.UNCHANGED
        assert absent.findings.violations == (
            violation(
                Code.WORKSHOP_ENROLMENT_ABSENT, enterprise="CQ-099", workshop=shop.id
            ),
        )
        enrolled = enrol(shop, shop.delegations[0])
        assert enrolled.workshop is shop
        assert enrolled.placement is Placement.UNCHANGED
        assert enrolled.findings.violations[0].message == (
            f"enterprise CQ-001 is already enrolled in workshop {shop.id}; "
            f"nothing changed"
        )
        waiting = enrol(shop, sixth).workshop
        again = enrol(waiting, sixth)
        assert again.workshop is waiting
        assert again.findings.violations[0].params["place"] == "waitlisted"


class TestAttendance:
    def sheet(self, shop, absent=(), excused=()):
        return AttendanceSheet(
            workshop_id=shop.id,
            marks=tuple(
                AttendanceMark(
                    participant=p.key,
                    day=day,
                    presence=Presence.ABSENT
                    if (p.key, day) in absent
                    else Presence.EXCUSED
                    if (p.key, day) in excused
                    else Presence.PRESENT,
                )
                for p in shop.participants
                for day in shop.days
            ),
        )

    def test_one_manager_and_one_worker_every_day(self):
        shop = chongqing(4)
        firm0 = shop.delegations[0].participants
        sheet = self.sheet(shop, absent={(firm0[0].key, DAY1)})
        assert all(a.attended for a in attendance(shop, sheet))
        both_managers = {(firm0[0].key, DAY2), (firm0[1].key, DAY2)}
        result = attendance(shop, self.sheet(shop, excused=both_managers))
        assert not result[0].attended
        assert result[0].short_days == (DAY2,)
        strict = default_profile().derive(name="cn-strict", attendance_min_managers=2)
        assert not attendance(shop, sheet, profile=strict)[0].attended

    def test_unmarked_is_absent_and_marks_are_unique(self):
        shop = chongqing(4)
        empty = AttendanceSheet(workshop_id=shop.id)
        assert not any(a.attended for a in attendance(shop, empty))
        assert empty.presence("x", DAY1) is Presence.ABSENT
        mark = AttendanceMark(participant="p", day=DAY1, presence=Presence.PRESENT)
        with pytest.raises(InvalidValueError):
            AttendanceSheet(workshop_id="W", marks=(mark, mark))

    def test_attendance_feeds_the_journey(self):
        shop = chongqing(4)
        firm0 = shop.delegations[0].participants
        sheet = self.sheet(shop, absent={(p.key, DAY2) for p in firm0})
        records = {}
        for d in shop.delegations:
            r = RECORDS[d.enterprise.id].advance(
                "M1", ModuleState.ENROLLED, on=date(2015, 3, 9)
            )
            records[d.enterprise.id] = r.advance(
                "M1", ModuleState.INTAKE_DONE, on=date(2015, 3, 16)
            )
        after = record_attendance(records, shop, sheet)
        assert after["CQ-001"].state_of("M1") is ModuleState.INTAKE_DONE
        assert after["CQ-002"].state_of("M1") is ModuleState.WORKSHOP_ATTENDED
        assert after["CQ-002"].reached_on("M1", ModuleState.WORKSHOP_ATTENDED) == DAY2
        assert after["CQ-002"].history[-1].note == "workshop CQ-2015-04"
        with pytest.raises(TypeError):
            after["CQ-009"] = after["CQ-001"]  # an immutable mapping
        missing = {k: v for k, v in records.items() if k != "CQ-002"}
        with pytest.raises(UnknownNameError, match="CQ-002 attended") as caught:
            record_attendance(missing, shop, sheet)
        assert isinstance(caught.value, LookupError)

    def test_statistics(self):
        shop = chongqing(5)
        stats = workshop_statistics(
            shop, self.sheet(shop, absent={(shop.participants[0].key, DAY1)})
        )
        assert stats.total() == 20
        assert stats.total(role=Role.MANAGER) == 10
        assert stats.total(gender=Gender.FEMALE) == 10
        row = stats.row(Role.MANAGER, Gender.FEMALE)
        assert (row.participants, row.present, row.absent) == (5, 9, 1)
        both = stats + workshop_statistics(chongqing(4))
        assert (both.workshops, both.total()) == (2, 36)
        assert WorkshopStatistics.combine([stats, stats]).total() == 40
        assert stats.__add__(1) is NotImplemented  # type: ignore[operator]
        assert (
            WorkshopStatistics(rows=()).row(Role.WORKER, Gender.MALE).participants == 0
        )


class TestValidation:
    def test_days(self):
        with pytest.raises(InvalidValueError):
            Workshop(id="W", module="M1", days=())
        with pytest.raises(InvalidValueError):
            Workshop(id="W", module="M1", days=(DAY2, DAY1))
        with pytest.raises(InvalidValueError):
            Workshop(id="W", module="M1", days=("2015-04-08",))  # type: ignore[arg-type]

    def test_calendar(self):
        with pytest.raises(InvalidValueError):
            FixedCalendar(name="c", weekend={7})
        with pytest.raises(InvalidValueError):
            FixedCalendar(name="c", weekend=range(7))
        with pytest.raises(InvalidValueError):
            FixedCalendar(
                name="c", holidays={date(2015, 5, 2)}, workdays={date(2015, 5, 2)}
            )
        with pytest.raises(InvalidValueError):
            FixedCalendar(name="c", workdays={date(2015, 5, 4)})
        with pytest.raises(InvalidValueError):
            FixedCalendar(name="c", holidays={"2015-05-01"})  # type: ignore[arg-type]
        gulf = FixedCalendar(name="fri-sat", weekend={4, 5})
        assert gulf.is_working_day(date(2026, 11, 22))  # a Sunday
        assert not gulf.is_working_day(date(2026, 11, 20))  # a Friday
        assert gulf.is_confirmed(2030)


class TestProperties:
    @given(st.sampled_from(["cn-phase-2", "global", "gh-phase-2"]), st.data())
    def test_valid_by_construction_has_no_error(self, name, data):
        profile = get_profile(name)
        shop = data.draw(sst.workshops(profile=profile))
        assert check_workshop(shop, profile=profile).ok

    @pytest.mark.parametrize("fault", WORKSHOP_FAULTS)
    @settings(max_examples=8)
    @given(data=st.data())
    def test_one_injected_fault_gives_exactly_its_code(self, fault, data):
        shop = data.draw(sst.workshops(fault=fault))
        report = check_workshop(shop)
        assert fault in report.codes
        errors = {v.code for v in report.errors}
        expected = set() if fault == "workshop.delegation.one_sex" else {fault}
        assert errors == expected

    @given(sst.workshops(), st.randoms(use_true_random=False))
    def test_findings_do_not_depend_on_the_order_of_delegations(self, shop, rnd):
        import attrs

        shuffled = list(shop.delegations)
        rnd.shuffle(shuffled)
        other = attrs.evolve(shop, delegations=tuple(shuffled))
        assert sorted(check_workshop(shop).codes) == sorted(check_workshop(other).codes)

    def test_impossible_faults(self):
        with pytest.raises(InvalidArgument):
            sst.workshops(fault="nope")
        loose = default_profile().derive(
            name="cn-min1", enterprises_per_workshop=Band(minimum=0, maximum=1)
        )
        with pytest.raises(InvalidArgument):
            sst.workshops(profile=loose, fault="workshop.enterprises.too_few")
        with pytest.raises(InvalidArgument):
            sst.workshops(profile=loose, fault="workshop.enterprise.duplicate")

    def test_a_drawn_module_outside_the_catalogue_or_without_room(self):
        loose = default_profile().derive(
            name="cn-min1", enterprises_per_workshop=Band(minimum=0, maximum=1)
        )
        for strategy, message in (
            (sst.workshops(module=st.just("NOPE")), "not in profile"),
            (
                sst.workshops(
                    profile=loose,
                    module=st.just("M1"),
                    fault="workshop.enterprise.duplicate",
                ),
                "no room",
            ),
        ):

            @given(strategy)
            def draw(shop):
                raise AssertionError

            with pytest.raises(InvalidArgument, match=message):
                draw()

    @given(sst.workshops(), st.data())
    def test_statistics_add_up(self, shop, data):
        sheet = data.draw(sst.attendance_sheets(workshop=shop))
        stats = workshop_statistics(shop, sheet)
        assert stats.total() == len(shop.participants)
        for row in stats.rows:
            assert row.present + row.absent + row.excused == row.participants * len(
                shop.days
            )


class TestFaultStrategiesUnderOtherRules:
    def draw_one(self, strategy):
        drawn = []

        @settings(max_examples=5)
        @given(strategy)
        def keep(shop):
            drawn.append(shop)

        keep()
        return drawn

    @pytest.mark.parametrize(
        "fault", ["workshop.delegation.managers", "workshop.delegation.workers"]
    )
    def test_minimum_rules(self, fault):
        loose = default_profile().derive(
            name=f"cn-min-{fault[-7:]}",
            delegation=DelegationRule(managers=2, workers=2, exact=False),
        )
        for shop in self.draw_one(sst.workshops(profile=loose, fault=fault)):
            report = check_workshop(shop, profile=loose)
            assert {v.code for v in report.errors} == {fault}
        bare = default_profile().derive(
            name=f"cn-bare-{fault[-7:]}",
            delegation=DelegationRule(managers=1, workers=1, exact=False),
        )
        with pytest.raises(InvalidArgument):
            self.draw_one(sst.workshops(profile=bare, fault=fault))

    def test_one_sex_needs_two_employees(self):
        tiny = get_profile("global").derive(
            name="global-tiny", employees=Band(minimum=0, maximum=1)
        )
        with pytest.raises(InvalidArgument):
            self.draw_one(
                sst.workshops(profile=tiny, fault="workshop.delegation.one_sex")
            )

    def test_too_few_can_mean_none(self):
        solo = default_profile().derive(
            name="cn-solo", enterprises_per_workshop=Band(minimum=1, maximum=5)
        )
        for shop in self.draw_one(
            sst.workshops(profile=solo, fault="workshop.enterprises.too_few")
        ):
            assert shop.delegations == ()
            assert {v.code for v in check_workshop(shop, profile=solo).errors} == {
                "workshop.enterprises.too_few"
            }
