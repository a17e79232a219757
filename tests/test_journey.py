from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    EnterpriseRecord,
    ModuleState,
    PayloadError,
    default_catalogue,
    from_dict,
    to_dict,
)
from score_core import strategies as sst
from score_core.errors import TransitionError
from score_core.journey import TRANSITIONS, StateChange
from score_core.profiles import default_profile


S = ModuleState
CHAIN = [S.ENROLLED, S.INTAKE_DONE, S.WORKSHOP_ATTENDED, S.FOLLOW_UP, S.COMPLETED]
START = date(2015, 3, 2)


def walk(record, module, states, on=START):
    for i, state in enumerate(states):
        record = record.advance(module, state, on=on + timedelta(days=i))
    return record


class TestModel:
    """Every attempted step agrees with a plain model of the state machine."""

    @given(
        st.booleans(),
        st.lists(
            st.tuples(
                st.sampled_from(["M1", "M2", "M3"]),
                st.sampled_from(list(S)),
                st.integers(-5, 20),
            ),
            max_size=30,
        ),
    )
    def test_steps_follow_the_model(self, skip_intake, attempts):
        record = EnterpriseRecord(enterprise_id="E1", skip_intake=skip_intake)
        model: dict[str, tuple[S, date]] = {}
        day = START
        for module, state, delta in attempts:
            day += timedelta(days=delta)
            current = model.get(module)
            allowed = set(TRANSITIONS[None if current is None else current[0]])
            if skip_intake and current is not None and current[0] is S.ENROLLED:
                allowed.add(S.WORKSHOP_ATTENDED)
            m1 = model.get("M1")
            m1_first = (
                module == "M1"
                or state is not S.COMPLETED
                or (m1 is not None and m1[0] is S.COMPLETED and m1[1] <= day)
            )
            ok = (
                state in allowed and (current is None or day >= current[1]) and m1_first
            )
            before = record
            try:
                record = record.advance(module, state, on=day)
            except TransitionError:
                assert not ok
                assert record is before  # nothing lost
            else:
                assert ok
                model[module] = (state, day)
            assert record.state_of(module) == (
                model[module][0] if module in model else None
            )
        assert record.completed() == {
            m for m, (s, _) in model.items() if s is S.COMPLETED
        }
        # The stored history replays into the same record.
        assert (
            EnterpriseRecord(
                enterprise_id="E1", skip_intake=skip_intake, history=record.history
            )
            == record
        )


class TestSteps:
    def test_module_1_first_in_the_record_itself(self):
        enrolled = walk(EnterpriseRecord(enterprise_id="E1"), "M2", CHAIN[:4])
        with pytest.raises(TransitionError, match="Module 1 \\(M1\\) comes first"):
            enrolled.advance("M2", S.COMPLETED, on=date(2015, 6, 1))
        assert enrolled.state_of("M2") is S.FOLLOW_UP  # unchanged
        assert S.COMPLETED not in enrolled.next_states("M2")
        # Module 1 completed on or before the day: M2 completes.
        done = walk(enrolled, "M1", CHAIN, on=date(2015, 5, 1))
        assert S.COMPLETED in done.next_states("M2")
        assert done.advance("M2", S.COMPLETED, on=date(2015, 5, 5)).completed() == {
            "M1",
            "M2",
        }
        with pytest.raises(TransitionError):
            done.advance("M2", S.COMPLETED, on=date(2015, 5, 4))
        # Hospitality Coaching carries its own Workplace Cooperation session.
        hoco = walk(EnterpriseRecord(enterprise_id="E1"), "HOCO", CHAIN)
        assert hoco.completed() == {"HOCO"}
        # A stored record out of order does not load.
        stored = to_dict(enrolled)
        stored["history"].append(
            {"module": "M2", "state": "completed", "on": "2015-06-01"}
        )
        with pytest.raises(PayloadError, match="Module 1"):
            from_dict(EnterpriseRecord, stored)

    def test_whole_module(self):
        record = walk(EnterpriseRecord(enterprise_id="E1"), "M1", CHAIN)
        assert record.state_of("M1") is S.COMPLETED
        assert record.has_completed_module_1()
        assert record.reached_on("M1", S.WORKSHOP_ATTENDED) == START + timedelta(days=2)
        assert record.reached_on("M2", S.ENROLLED) is None
        assert record.next_states("M1") == frozenset()

    def test_completing_without_the_workshop_is_refused(self):
        record = walk(EnterpriseRecord(enterprise_id="E1"), "M1", CHAIN[:2])
        with pytest.raises(TransitionError, match="from intake_done to completed"):
            record.advance("M1", S.COMPLETED, on=START + timedelta(days=5))
        assert record.state_of("M1") is S.INTAKE_DONE

    def test_skip_intake_follows_the_profile(self):
        no_intake = default_profile().derive(name="no-intake", intake_visit=False)
        record = EnterpriseRecord.for_profile("E1", no_intake)
        record = walk(record, "M1", [S.ENROLLED, S.WORKSHOP_ATTENDED])
        assert record.state_of("M1") is S.WORKSHOP_ATTENDED
        with pytest.raises(TransitionError):
            walk(
                EnterpriseRecord.for_profile("E1", default_profile()),
                "M1",
                [S.ENROLLED, S.WORKSHOP_ATTENDED],
            )

    def test_withdraw_and_enrol_again(self):
        record = walk(
            EnterpriseRecord(enterprise_id="E1"),
            "M2",
            [S.ENROLLED, S.WITHDRAWN, S.ENROLLED],
        )
        assert record.state_of("M2") is S.ENROLLED
        assert record.in_progress() == {"M2"}
        assert record.state_of("M2", on=START + timedelta(days=1)) is S.WITHDRAWN

    def test_dates_go_forward(self):
        record = walk(EnterpriseRecord(enterprise_id="E1"), "M1", [S.ENROLLED])
        with pytest.raises(TransitionError, match="before it reached enrolled"):
            record.advance("M1", S.INTAKE_DONE, on=START - timedelta(days=1))

    def test_nothing_after_withdrawal_from_score(self):
        record = EnterpriseRecord(enterprise_id="E1").withdraw(START)
        with pytest.raises(TransitionError, match="withdrew from SCORE on 2015-03-02"):
            record.advance("M1", S.ENROLLED, on=START + timedelta(days=1))
        assert record.withdrawn()
        assert not record.withdrawn(on=START - timedelta(days=1))
        assert record.next_modules(default_catalogue()) == ()
        busy = walk(EnterpriseRecord(enterprise_id="E1"), "M1", [S.ENROLLED])
        with pytest.raises(TransitionError):
            busy.withdraw(START - timedelta(days=1))

    def test_a_stored_record_is_checked_when_loaded(self):
        payload = {
            "enterprise_id": "E1",
            "history": [
                {"module": "M1", "state": "enrolled", "on": "2015-03-02"},
                {"module": "M1", "state": "completed", "on": "2015-03-03"},
            ],
        }
        with pytest.raises(PayloadError) as info:
            from_dict(EnterpriseRecord, payload)
        (problem,) = info.value.errors
        assert problem.startswith(
            "$.history: enterprise E1 cannot go from enrolled to completed in module M1"
        )
        assert problem.endswith("(history[1])")

    def test_priorities(self):
        with pytest.raises(ValueError, match="twice"):
            EnterpriseRecord(enterprise_id="E1", priorities=["M2", "M2"])
        with pytest.raises(ValueError, match="module codes"):
            EnterpriseRecord(enterprise_id="E1", priorities=[""])

    def test_next_modules_put_baseline_priorities_first(self):
        record = EnterpriseRecord(enterprise_id="E1").with_baseline(
            START, priorities=["M5", "M2"]
        )
        assert [m.code for m in record.next_modules(default_catalogue())][:1] == ["M1"]
        record = walk(record, "M1", CHAIN)
        codes = [m.code for m in record.next_modules(default_catalogue())]
        assert codes[:4] == ["M5", "M2", "M3", "M4"]
        record = record.advance("M5", S.ENROLLED, on=START + timedelta(days=10))
        assert "M5" not in [m.code for m in record.next_modules(default_catalogue())]

    def test_state_change_validation(self):
        with pytest.raises(TypeError):
            StateChange(module="M1", state=S.ENROLLED, on=None)  # type: ignore[arg-type]


@given(sst.enterprise_records())
def test_generated_records_round_trip_and_are_consistent(record):
    assert from_dict(EnterpriseRecord, to_dict(record)) == record
    for module in {c.module for c in record.history}:
        assert (
            record.state_of(module)
            is record.history[
                max(i for i, c in enumerate(record.history) if c.module == module)
            ].state
        )
