from datetime import date

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
from score_core.people import ImprovementTeam, check_improvement_team
from score_core.profiles import default_profile


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
