"""The enterprise's journey: baseline, then each module from enrolment to completion.

An :class:`EnterpriseRecord` is an immutable, dated history. Each module moves
through :class:`ModuleState` in order: enrolled, intake visit done, workshop
attended, follow-up visits in progress, completed; or withdrawn at any point
before completion (and enrolled again later). Every step is checked: an
impossible one raises :class:`~score_core.errors.TransitionError` and, since
records are values, the record you had is untouched.

>>> from datetime import date
>>> from score_core import EnterpriseRecord, ModuleState
>>> record = EnterpriseRecord(enterprise_id="CQ-001").with_baseline(
...     date(2015, 3, 2), priorities=["M5", "M2"])
>>> record = record.advance("M1", ModuleState.ENROLLED, on=date(2015, 3, 9))
>>> record.advance("M1", ModuleState.COMPLETED, on=date(2015, 4, 1))
Traceback (most recent call last):
...
score_core.errors.TransitionError: enterprise CQ-001 cannot go from enrolled to ...
>>> record.state_of("M1").value
'enrolled'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from score_core._validators import (
    a_date,
    items_of,
    non_empty_str,
    optional_date,
)
from score_core.catalogue import Catalogue, ModuleCode, TrainingModule, get_catalogue
from score_core.errors import InvalidValueError, TransitionError
from score_core.profiles import Profile


__all__ = [
    "EnterpriseRecord",
    "ModuleState",
    "StateChange",
    "TRANSITIONS",
]


class ModuleState(enum.StrEnum):
    """Where an enterprise stands in one module."""

    ENROLLED = "enrolled"
    INTAKE_DONE = "intake_done"
    WORKSHOP_ATTENDED = "workshop_attended"
    FOLLOW_UP = "follow_up"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


S = ModuleState
#: The steps allowed from each state (None: the module was never started).
TRANSITIONS: Mapping[ModuleState | None, frozenset[ModuleState]] = {
    None: frozenset({S.ENROLLED}),
    S.ENROLLED: frozenset({S.INTAKE_DONE, S.WITHDRAWN}),
    S.INTAKE_DONE: frozenset({S.WORKSHOP_ATTENDED, S.WITHDRAWN}),
    S.WORKSHOP_ATTENDED: frozenset({S.FOLLOW_UP, S.WITHDRAWN}),
    S.FOLLOW_UP: frozenset({S.COMPLETED, S.WITHDRAWN}),
    S.COMPLETED: frozenset(),
    S.WITHDRAWN: frozenset({S.ENROLLED}),
}
_ORDER = {state: i for i, state in enumerate(ModuleState)}


def _allowed(current: ModuleState | None, skip_intake: bool) -> frozenset[ModuleState]:
    allowed = TRANSITIONS[current]
    if skip_intake and current is S.ENROLLED:
        allowed = allowed | {S.WORKSHOP_ATTENDED}
    return allowed


@functools.cache
def _after_module_1() -> frozenset[str]:
    """The shipped modules that come after Module 1 (it is their prerequisite).

    A module of your own catalogue is not checked here: the record does not
    know its catalogue (eligibility checks every prerequisite).
    """
    return frozenset(
        m.code
        for m in get_catalogue("score").modules
        if ModuleCode.M1.value in m.prerequisites
    )


@attrs.frozen(kw_only=True)
class StateChange:
    """One dated step of one module.

    Attributes:
        module: The module code.
        state: The state reached.
        on: The date it was reached.
        note: Why, or anything a tool wants to keep with the step.
    """

    module: str = attrs.field(validator=non_empty_str)
    state: ModuleState = attrs.field(
        validator=attrs.validators.instance_of(ModuleState)
    )
    on: date = attrs.field(validator=a_date)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_history(value: Iterable[StateChange]) -> tuple[StateChange, ...]:
    return tuple(value)


def _to_codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _check_priorities(
    inst: EnterpriseRecord, _attr: object, value: tuple[str, ...]
) -> None:
    for code in value:
        if not isinstance(code, str) or not code:
            raise InvalidValueError(
                f"EnterpriseRecord.priorities must hold module codes, got {code!r}",
                field="priorities",
            )
    if len(set(value)) != len(value):
        raise InvalidValueError(
            f"EnterpriseRecord.priorities lists a module twice: {list(value)}",
            field="priorities",
        )


@attrs.frozen(kw_only=True)
class EnterpriseRecord:
    """One enterprise's SCORE history.

    Attributes:
        enterprise_id: The enterprise.
        baseline_on: Date of the baseline assessment, or None when not done.
        priorities: Module codes the baseline points to, most urgent first.
        history: Every module step in the order it happened.
        withdrawn_on: Date the enterprise left SCORE altogether, or None.
        skip_intake: True where the profile has no intake visit: a module may
            go from enrolled straight to workshop attended.

    Raises:
        TransitionError: when the history holds an impossible step (so a
            stored record is checked when loaded, too).
    """

    enterprise_id: str = attrs.field(validator=non_empty_str)
    baseline_on: date | None = attrs.field(default=None, validator=optional_date)
    priorities: tuple[str, ...] = attrs.field(
        default=(), converter=_to_codes, validator=_check_priorities
    )
    history: tuple[StateChange, ...] = attrs.field(
        default=(), converter=_to_history, validator=items_of(StateChange)
    )
    withdrawn_on: date | None = attrs.field(default=None, validator=optional_date)
    skip_intake: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        current: dict[str, StateChange] = {}
        for i, change in enumerate(self.history):
            before = current.get(change.module)
            self._check_step(before, change, where=f" (history[{i}])", field="history")
            current[change.module] = change

    def _check_step(
        self,
        before: StateChange | None,
        change: StateChange,
        *,
        where: str = "",
        field: str | None = None,
    ) -> None:
        state = None if before is None else before.state
        if change.state not in _allowed(state, self.skip_intake):
            allowed = sorted(_allowed(state, self.skip_intake), key=_ORDER.__getitem__)
            raise TransitionError(
                f"enterprise {self.enterprise_id} cannot go from "
                f"{'not started' if state is None else state.value} to "
                f"{change.state.value} in module {change.module}; next: "
                f"{', '.join(s.value for s in allowed) or 'nothing (completed)'}"
                f"{where}",
                field=field,
            )
        if before is not None and change.on < before.on:
            raise TransitionError(
                f"enterprise {self.enterprise_id}: module {change.module} reached "
                f"{change.state.value} on {change.on}, before it reached "
                f"{before.state.value} on {before.on}{where}",
                field=field,
            )
        if (
            change.state is S.COMPLETED
            and change.module in _after_module_1()
            and not self._module_1_done(change.on)
        ):
            raise TransitionError(
                f"enterprise {self.enterprise_id} cannot complete module "
                f"{change.module} on {change.on}: Module 1 (M1) comes first and is "
                f"not completed by then{where}",
                field=field,
            )
        if self.withdrawn_on is not None and change.on > self.withdrawn_on:
            raise TransitionError(
                f"enterprise {self.enterprise_id} withdrew from SCORE on "
                f"{self.withdrawn_on}; no step can follow ({change.module} "
                f"{change.state.value} on {change.on}){where}",
                field=field,
            )

    # -- steps ---------------------------------------------------------------------
    def advance(
        self, module: str, state: ModuleState, *, on: date, note: str = ""
    ) -> EnterpriseRecord:
        """This record with one more step.

        Raises:
            TransitionError: for an impossible step; this record is unchanged.
        """
        change = StateChange(module=module, state=state, on=on, note=note)
        self._check_step(self._latest(module), change)
        return attrs.evolve(self, history=(*self.history, change))

    def with_baseline(
        self, on: date, *, priorities: Iterable[str] = ()
    ) -> EnterpriseRecord:
        """This record with its baseline assessment and the priorities it found."""
        return attrs.evolve(self, baseline_on=on, priorities=tuple(priorities))

    def withdraw(self, on: date) -> EnterpriseRecord:
        """This record with the enterprise withdrawn from SCORE on ``on``.

        Raises:
            TransitionError: when a step is recorded after ``on``.
        """
        return attrs.evolve(self, withdrawn_on=on)

    def next_states(self, module: str) -> frozenset[ModuleState]:
        """The states the module may move to from where it stands now.

        A module that comes after Module 1 is not completed before Module 1.
        """
        allowed = _allowed(self.state_of(module), self.skip_intake)
        if module in _after_module_1() and not self._module_1_done(None):
            allowed = allowed - {S.COMPLETED}
        return allowed

    def _module_1_done(self, on: date | None) -> bool:
        return any(
            c.module == ModuleCode.M1
            and c.state is S.COMPLETED
            and (on is None or c.on <= on)
            for c in self.history
        )

    # -- questions -------------------------------------------------------------
    def _latest(self, module: str, on: date | None = None) -> StateChange | None:
        latest = None
        for change in self.history:
            if change.module == module and (on is None or change.on <= on):
                latest = change
        return latest

    def state_of(self, module: str, *, on: date | None = None) -> ModuleState | None:
        """The module's state (on a date, when given), or None if not started."""
        latest = self._latest(module, on)
        return None if latest is None else latest.state

    def reached_on(self, module: str, state: ModuleState) -> date | None:
        """The last date the module reached ``state``, or None."""
        dates = [c.on for c in self.history if c.module == module and c.state is state]
        return dates[-1] if dates else None

    def completed(self, *, on: date | None = None) -> frozenset[str]:
        """Codes of the modules completed (by a date, when given)."""
        return frozenset(
            c.module
            for c in self.history
            if c.state is S.COMPLETED and (on is None or c.on <= on)
        )

    def states(self, *, on: date | None = None) -> dict[str, ModuleState]:
        """Each started module's state (on a date, when given), in one pass."""
        return {c.module: c.state for c in self.history if on is None or c.on <= on}

    def in_progress(self, *, on: date | None = None) -> frozenset[str]:
        """Codes of the modules started and neither completed nor withdrawn."""
        return frozenset(
            module
            for module, state in self.states(on=on).items()
            if state not in (S.COMPLETED, S.WITHDRAWN)
        )

    def has_completed_module_1(self, *, on: date | None = None) -> bool:
        """Whether the enterprise has completed Module 1, Workplace Cooperation."""
        return ModuleCode.M1 in self.completed(on=on)

    def withdrawn(self, *, on: date | None = None) -> bool:
        """Whether the enterprise has left SCORE (by a date, when given)."""
        return self.withdrawn_on is not None and (on is None or self.withdrawn_on <= on)

    def next_modules(
        self, catalogue: Catalogue, *, on: date | None = None
    ) -> tuple[TrainingModule, ...]:
        """The modules the enterprise may take next, baseline priorities first.

        A module is open when it is neither completed nor in progress and its
        prerequisites are completed. Modules the baseline points to come first,
        in the baseline's order; the rest follow in catalogue order.
        """
        if self.withdrawn(on=on):
            return ()
        busy = self.in_progress(on=on)
        open_ = [
            m for m in catalogue.available(self.completed(on=on)) if m.code not in busy
        ]
        rank = {code: i for i, code in enumerate(self.priorities)}
        return tuple(sorted(open_, key=lambda m: rank.get(m.code, len(rank))))

    @classmethod
    def for_profile(cls, enterprise_id: str, profile: Profile) -> EnterpriseRecord:
        """An empty record that follows the profile's intake-visit rule."""
        return cls(enterprise_id=enterprise_id, skip_intake=not profile.intake_visit)
