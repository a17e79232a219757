from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Certification,
    Gender,
    InvalidValueError,
    Participant,
    Role,
    Trainer,
    TrainerLevel,
    check_trainer,
)
from score_core import strategies as sst
from score_core.codes import Code, violation
from score_core.errors import InvalidTypeError
from score_core.people import (
    ImprovementTeam,
    SupervisedDelivery,
    check_improvement_team,
    check_trainer_path,
)
from score_core.profiles import default_profile
from score_core.serialization import load_document


D = date(2015, 6, 1)


def cert(module, level=TrainerLevel.CERTIFIED, start=date(2015, 1, 1), **kw):
    return Certification(module=module, level=level, certified_on=start, **kw)


def trainer(*certs, id="T1"):
    return Trainer(id=id, name=f"trainer {id}", certifications=certs)


EXPERT_M5 = trainer(
    cert("M1", TrainerLevel.EXPERT), cert("M5", TrainerLevel.EXPERT), id="T9"
)


class TestCheckTrainer:
    def test_certified_in_m1(self):
        assert check_trainer(trainer(cert("M1")), "M1", on=D).ok

    def test_not_certified(self):
        report = check_trainer(trainer(cert("M1")), "M2", on=D)
        assert report.codes == ("trainer.not_certified",)

    def test_entry_module_first(self):
        report = check_trainer(trainer(cert("M2")), "M2", on=D)
        assert report.codes == ("trainer.entry_module.missing",)
        assert "M1 or BASICS" in report.violations[0].message
        assert check_trainer(trainer(cert("BASICS"), cert("M2")), "M2", on=D).ok
        # A candidacy in M1 is not enough for M2.
        candidate_m1 = trainer(cert("M1", TrainerLevel.CANDIDATE), cert("M2"))
        assert (
            "trainer.entry_module.missing"
            in check_trainer(candidate_m1, "M2", on=D).codes
        )
        # The entry certification must come first.
        late = trainer(cert("M1", start=date(2016, 1, 1)), cert("M2"))
        assert check_trainer(late, "M2", on=D).codes == (
            "trainer.entry_module.missing",
        )

    def test_entry_module_first_by_date_even_once_both_are_held(self):
        # Certified in M2 in 2014 and in M1 in 2015: out of order in 2016 too.
        out_of_order = trainer(
            cert("M2", start=date(2014, 3, 1)), cert("M1", start=date(2015, 2, 1))
        )
        report = check_trainer(out_of_order, "M2", on=date(2016, 5, 1))
        assert report.violations == (
            violation(
                Code.TRAINER_ENTRY_MODULE_ORDER,
                trainer="trainer T1",
                module="M2",
                certified_on="2014-03-01",
                entry="M1 or BASICS",
                entry_on="2015-02-01",
            ),
        )
        # The same day is in order; a candidacy in M2 before M1 is no breach.
        same_day = trainer(cert("M1"), cert("M2"))
        assert check_trainer(same_day, "M2", on=D).ok
        candidate_first = trainer(
            cert("M2", TrainerLevel.CANDIDATE, start=date(2014, 3, 1)),
            cert("M1", start=date(2014, 6, 1)),
            cert("M2", start=date(2014, 9, 1)),
        )
        assert check_trainer(candidate_first, "M2", on=D).ok
        # Entry modules themselves have no order to keep.
        assert check_trainer(out_of_order, "M1", on=date(2016, 5, 1)).ok

    def test_expired(self):
        t = trainer(cert("M1", expires_on=date(2015, 5, 31)))
        report = check_trainer(t, "M1", on=D)
        assert report.codes == ("trainer.certification.expired",)
        assert report.violations[0].params["expires_on"] == "2015-05-31"
        renewed = trainer(
            cert("M1", expires_on=date(2015, 5, 31)), cert("M1", start=date(2015, 6, 1))
        )
        assert check_trainer(renewed, "M1", on=D).ok

    def test_not_yet_valid(self):
        t = trainer(cert("M1", start=date(2015, 7, 1)))
        assert check_trainer(t, "M1", on=D).codes == (
            "trainer.certification.not_yet_valid",
        )

    def test_candidate_needs_an_expert_present(self):
        candidate = trainer(cert("M1"), cert("M5", TrainerLevel.CANDIDATE))
        assert check_trainer(candidate, "M5", on=D).codes == (
            "trainer.candidate.unsupervised",
        )
        assert check_trainer(candidate, "M5", on=D, co_trainers=[EXPERT_M5]).ok
        # A certified (not expert) co-trainer does not supervise.
        peer = trainer(cert("M1"), cert("M5"), id="T2")
        assert not check_trainer(candidate, "M5", on=D, co_trainers=[peer]).ok

    def test_named_supervisor_must_be_the_one_present(self):
        candidate = trainer(
            cert("M1"), cert("M5", TrainerLevel.CANDIDATE, supervisor_id="T7")
        )
        report = check_trainer(candidate, "M5", on=D, co_trainers=[EXPERT_M5])
        assert report.codes == ("trainer.candidate.unsupervised",)
        assert "its expert trainer (T7) present" in report.violations[0].message
        t7 = trainer(cert("M5", TrainerLevel.EXPERT), cert("M1"), id="T7")
        assert check_trainer(candidate, "M5", on=D, co_trainers=[t7]).ok

    def test_every_reason_is_reported(self):
        t = trainer(cert("M2", TrainerLevel.CANDIDATE))
        assert check_trainer(t, "M2", on=D).codes == (
            "trainer.candidate.unsupervised",
            "trainer.entry_module.missing",
        )

    def test_level_on(self):
        t = trainer(cert("M1", TrainerLevel.CANDIDATE), cert("M1", TrainerLevel.EXPERT))
        assert t.level_on("M1", D) is TrainerLevel.EXPERT
        assert t.level_on("M2", D) is None

    def test_validation(self):
        with pytest.raises(InvalidValueError):
            cert("M1", expires_on=date(2014, 1, 1))
        with pytest.raises(InvalidValueError):
            cert("M1", TrainerLevel.CERTIFIED, supervisor_id="T9")
        with pytest.raises(InvalidValueError):
            Trainer(id="T", name="n", certifications=("M1",))  # type: ignore[arg-type]

    @given(
        sst.trainers(), sst.module_codes(), st.dates(date(2009, 1, 1), date(2035, 1, 1))
    )
    def test_ok_iff_holds_and_supervision_and_entry(self, t, module, on):
        report = check_trainer(t, module, on=on)
        level = t.level_on(module, on)
        if report.ok:
            assert level in (TrainerLevel.CERTIFIED, TrainerLevel.EXPERT)
        if level is None:
            assert not report.ok
        assert all(v.severity.value == "error" for v in report)


def _paths(report):
    return [(v.code, v.path) for v in report]


class TestTrainerPath:
    """The path to certification as data: the supervised delivery, the
    recommendation ([TOT])."""

    TOE = SupervisedDelivery(
        on=date(2015, 1, 12), supervisor_id="T9", workshop_id="CQ-2015-01"
    )

    def recorded(self, module="M1", start=date(2015, 3, 1), **kw):
        kw = {"supervised_delivery": self.TOE, "recommended_by": "T9", **kw}
        return cert(module, start=start, **kw)

    def test_a_recorded_path_checked_against_the_roster(self):
        li = trainer(
            cert("M1", TrainerLevel.CANDIDATE, start=date(2014, 11, 20)),
            self.recorded(),
        )
        assert check_trainer_path(li).ok
        assert len(check_trainer_path(li, roster=[EXPERT_M5])) == 0
        # Supervision and certification are two things: check_trainer unchanged.
        assert check_trainer(li, "M1", on=D).ok

    def test_an_imported_record_without_its_path(self):
        # Certified in M1, renewed, promoted to expert: only the first
        # certification of a module is the end of a path.
        imported = trainer(
            cert("M1", TrainerLevel.CANDIDATE, start=date(2014, 1, 1)),
            cert("M1", start=date(2014, 6, 1), expires_on=date(2017, 5, 31)),
            cert("M1", start=date(2017, 6, 1)),
            cert("M1", TrainerLevel.EXPERT, start=date(2018, 1, 1)),
            cert("M5", start=date(2016, 1, 1), recommended_by="T9"),
        )
        report = check_trainer_path(imported)
        assert report.violations == (
            violation(
                Code.TRAINER_PATH_DELIVERY_UNRECORDED,
                trainer="trainer T1",
                module="M1",
                path=("certifications", 1),
            ),
            violation(
                Code.TRAINER_PATH_RECOMMENDATION_UNRECORDED,
                trainer="trainer T1",
                module="M1",
                path=("certifications", 1),
            ),
            violation(
                Code.TRAINER_PATH_DELIVERY_UNRECORDED,
                trainer="trainer T1",
                module="M5",
                path=("certifications", 4),
            ),
        )
        assert report.ok  # INFO: the record does not show the path
        assert {v.severity.value for v in report} == {"info"}

    def test_a_delivery_after_the_certification(self):
        late = trainer(self.recorded(start=date(2015, 1, 11)))
        assert check_trainer_path(late).violations == (
            violation(
                Code.TRAINER_PATH_DELIVERY_AFTER_CERTIFICATION,
                trainer="trainer T1",
                module="M1",
                delivered_on="2015-01-12",
                certified_on="2015-01-11",
                path=("certifications", 0, "supervised_delivery", "on"),
            ),
        )
        # The same day is in order.
        assert check_trainer_path(trainer(self.recorded(start=date(2015, 1, 12)))).ok

    def test_supervisor_and_recommender_are_experts_for_the_module(self):
        certified_only = trainer(cert("M1", start=date(2010, 1, 1)), id="T8")
        newly_expert = trainer(
            cert("M1", TrainerLevel.EXPERT, start=date(2015, 2, 1)), id="T7"
        )
        t = trainer(
            cert("M1", TrainerLevel.CANDIDATE, start=date(2014, 12, 1)),
            self.recorded(
                supervised_delivery=attrs.evolve(self.TOE, supervisor_id="T7"),
                recommended_by="T8",
            ),
            self.recorded("M5", recommended_by="T6"),
            self.recorded("M2", start=date(2015, 4, 1), recommended_by="T1"),
        )
        report = check_trainer_path(t, roster=[certified_only, newly_expert])
        assert [
            (
                v.params["expert"],
                v.params["role"],
                v.params["in_roster"],
                v.params["level"],
            )
            for v in report
        ] == [
            ("T7", "supervisor", True, None),
            ("T8", "recommender", True, "certified"),
            ("T9", "supervisor", False, None),
            ("T6", "recommender", False, None),
            ("T9", "supervisor", False, None),
            # Recommending oneself: a trainer is always in their own roster.
            ("T1", "recommender", True, "certified"),
        ]
        assert set(report.codes) == {"trainer.path.not_expert"}
        assert report.violations[0].path == (
            "certifications",
            1,
            "supervised_delivery",
            "supervisor_id",
        )
        assert report.violations[1].path == ("certifications", 1, "recommended_by")
        assert report.violations[1].message == (
            "T8 (recommender of trainer trainer T1's certification in module M1) is "
            "not an expert trainer for the module on 2015-03-01: certified"
        )

    def test_validation_and_old_payloads(self):
        with pytest.raises(InvalidValueError, match="not a candidate's"):
            cert("M1", TrainerLevel.CANDIDATE, recommended_by="T9")
        with pytest.raises(InvalidValueError, match="not a candidate's"):
            cert("M1", TrainerLevel.CANDIDATE, supervised_delivery=self.TOE)
        with pytest.raises(InvalidTypeError):
            cert("M1", supervised_delivery="T9")
        with pytest.raises(InvalidValueError):
            SupervisedDelivery(on=D, supervisor_id=" ")
        # A version 2 document written before the path was recorded loads.
        old = {
            "schema": "score_core",
            "schema_version": 2,
            "kind": "certification",
            "data": {
                "module": "M1",
                "level": "certified",
                "certified_on": "2015-03-01",
                "expires_on": None,
                "supervisor_id": None,
            },
        }
        loaded = load_document(old)
        assert loaded.supervised_delivery is None
        assert loaded.recommended_by is None

    @given(sst.trainers(), st.lists(sst.trainers(), max_size=3))
    def test_a_drawn_record_is_in_order_and_each_module_read_once(self, t, roster):
        report = check_trainer_path(t)
        assert report.ok  # drawn deliveries are on or before certification
        firsts = {
            v.path[1]
            for v in check_trainer_path(t, roster=roster)
            if v.path[:1] == ("certifications",)
        }
        modules = [t.certifications[i].module for i in firsts]
        assert len(modules) == len(set(modules))
        assert all(
            t.certifications[i].level is not TrainerLevel.CANDIDATE for i in firsts
        )
        complete = trainer(
            *(
                attrs.evolve(c, supervised_delivery=self.TOE, recommended_by="T9")
                if c.level is not TrainerLevel.CANDIDATE
                else c
                for c in t.certifications
            ),
            id=t.id,
        )
        # With the path recorded (however late), no INFO is left.
        assert not check_trainer_path(complete).infos


def person(name, role, enterprise_id=None, gender=Gender.FEMALE, id=None):
    return Participant(
        name=name, role=role, gender=gender, enterprise_id=enterprise_id, id=id
    )


class TestImprovementTeam:
    def test_managers_and_workers(self):
        team = ImprovementTeam(
            enterprise_id="E1",
            members=(person("a", Role.MANAGER), person("b", Role.WORKER)),
        )
        assert check_improvement_team(team).ok
        assert team.count(Role.WORKER) == 1

    def test_findings(self):
        team = ImprovementTeam(
            enterprise_id="E1",
            members=(
                person("a", Role.WORKER, "E1"),
                person("b", Role.WORKER, "E2"),
                person("a", Role.WORKER),
            ),
        )
        report = check_improvement_team(team)
        assert report.codes == (
            "eit.no_manager",
            "eit.member.other_enterprise",
            "eit.member.duplicate",
        )
        assert [v.path_str for v in report] == [
            "$.members",
            "$.members[1]",
            "$.members[2]",
        ]

    def test_people_are_told_apart_by_id(self):
        team = ImprovementTeam(
            enterprise_id="E1",
            members=(
                person("Wang Li", Role.MANAGER, id="1"),
                person("Wang Li", Role.WORKER, id="2"),
            ),
        )
        assert check_improvement_team(team).ok

    def test_profile_minimum(self):
        big = default_profile().derive(name="big-teams", eit_min_members=10)
        team = ImprovementTeam(
            enterprise_id="E1",
            members=(person("a", Role.MANAGER), person("b", Role.WORKER)),
        )
        report = check_improvement_team(team, profile=big)
        assert report.codes == ("eit.too_small",)
        assert report.ok  # a warning
        assert "fewer than the 10 of profile big-teams" in report.violations[0].message

    def test_empty_team(self):
        report = check_improvement_team(ImprovementTeam(enterprise_id="E1"))
        assert report.codes == ("eit.no_manager", "eit.no_worker", "eit.too_small")

    def test_members_must_be_participants(self):
        with pytest.raises(InvalidValueError):
            ImprovementTeam(enterprise_id="E1", members=("x",))  # type: ignore[arg-type]

    @given(sst.improvement_teams())
    def test_no_error_iff_both_roles_distinct_and_own(self, team):
        report = check_improvement_team(team)
        roles = {m.role for m in team.members}
        keys = [m.key for m in team.members]
        own = all(m.enterprise_id in (None, team.enterprise_id) for m in team.members)
        assert report.ok == (roles == set(Role) and len(set(keys)) == len(keys) and own)
