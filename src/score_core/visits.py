"""Consultation cycles: planning a module's visits, recording and rescheduling them.

Each SCORE module opens with an intake visit to the factory, then the joint
classroom days, then follow-up visits that support the enterprise's
improvement team (classically three, within three months: MTE-II p.15).
:func:`plan_module` lays these out on a working-day calendar;
:class:`VisitCycle` records what happened; :func:`reschedule` moves visits
still to come, never one already done.

>>> from datetime import date
>>> from score_core import Enterprise, plan_module, weekday_calendar
>>> firm = Enterprise(id="CQ-001", name="Gears", headcount=180, country="CN")
>>> plan = plan_module(firm, module="M1", earliest=date(2026, 3, 2),
...                    calendar=weekday_calendar())
>>> plan.classroom
(datetime.date(2026, 3, 9), datetime.date(2026, 3, 10))
>>> [(v.label, v.on.isoformat()) for v in plan.cycles[0].visits]
[('intake visit', '2026-03-02'), ('follow-up visit 1', '2026-04-01'), ('follow-up visit 2', '2026-04-23'), ('follow-up visit 3', '2026-05-15')]
"""  # noqa: E501

from __future__ import annotations

import enum
import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, ParamSpec, TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, rrule

from score_core._registry import one_of
from score_core._validators import (
    a_date,
    dates,
    days_in_order,
    int_at_least,
    items_of,
    non_empty_str,
    optional_non_empty_str,
    typed,
)
from score_core.calendars import (
    SEARCH_DAYS,
    Roll,
    WorkCalendar,
    add_working_days,
    check_years,
    next_working_day,
    roll,
    working_days_between,
)
from score_core.catalogue import TrainingModule
from score_core.codes import Code, violation
from score_core.enterprises import Enterprise
from score_core.errors import (
    InvalidValueError,
    NoWorkingDayError,
    PlanningError,
    TransitionError,
    UnknownNameError,
)
from score_core.findings import (
    PathItem,
    Report,
    RuleViolation,
    Severity,
    _renamed_to_findings,
)
from score_core.parameters import Resolution
from score_core.profiles import Profile, default_profile, get_profile
from score_core.workshops import Workshop, _days_off


__all__ = [
    "CycleProgress",
    "ModulePlan",
    "Rescheduled",
    "Scope",
    "Visit",
    "VisitCycle",
    "VisitKind",
    "VisitOutcome",
    "VisitStatus",
    "check_cycle",
    "plan_module",
    "reschedule",
]

_DAY = timedelta(days=1)
#: What a step of a rule returns beside its value: its findings.
Found = list[RuleViolation]


class VisitKind(enum.StrEnum):
    """When a visit falls: before the classroom days, after them, a year on.

    The year-after visit ([MTE-II] p.15) falls past the follow-up window.
    """

    INTAKE = "intake"
    FOLLOW_UP = "follow_up"
    YEAR_AFTER = "year_after"


class VisitStatus(enum.StrEnum):
    """Where a visit stands.

    PLANNED becomes DONE (with an outcome), MISSED or CANCELLED; a MISSED
    visit can be rescheduled (PLANNED again) or CANCELLED. DONE and CANCELLED
    are final.
    """

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class Scope(enum.StrEnum):
    """What a reschedule moves: ONE visit, or it and the FOLLOWING planned ones."""

    ONE = "one"
    FOLLOWING = "following"


@attrs.frozen(kw_only=True)
class VisitOutcome:
    """What happened at a visit that took place.

    Attributes:
        held_on: The day the visit was held.
        eit_meeting: Whether the improvement team met with the trainer.
        kpi_collected: Whether KPI data was collected.
        notes: Free text.
    """

    held_on: date = attrs.field(validator=a_date)
    eit_meeting: bool = attrs.field(default=False, validator=typed(bool))
    kpi_collected: bool = attrs.field(default=False, validator=typed(bool))
    notes: str = attrs.field(default="", validator=typed(str))


def _to_dates(value: Iterable[date]) -> tuple[date, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Visit:
    """One visit of a cycle.

    Attributes:
        number: 0 for the intake visit, 1, 2, ... for the follow-ups.
        kind: Intake or follow-up.
        on: The day it is planned for.
        nominal: The day the plan aimed at (the evenly spread day, staggered
            for later enterprises) when the visit had to move from it to a
            working day or to keep the gap and the window; None when the
            visit falls on it.
        status: Planned, done, missed or cancelled.
        outcome: What happened, for a done visit (and only for one).
        previous: The days it was planned for before, oldest first: the
            history rescheduling keeps.
    """

    number: int = attrs.field(validator=int_at_least(0))
    kind: VisitKind = attrs.field(validator=typed(VisitKind))
    on: date = attrs.field(validator=a_date)
    nominal: date | None = attrs.field(default=None)
    status: VisitStatus = attrs.field(
        default=VisitStatus.PLANNED, validator=typed(VisitStatus)
    )
    outcome: VisitOutcome | None = attrs.field(default=None)
    previous: tuple[date, ...] = attrs.field(
        default=(), converter=_to_dates, validator=dates
    )

    def __attrs_post_init__(self) -> None:
        if (self.kind is VisitKind.INTAKE) != (self.number == 0):
            raise InvalidValueError(
                f"Visit: number 0 is the intake visit and only it; got number "
                f"{self.number} of kind {self.kind.value}",
                field="number",
            )
        if (self.status is VisitStatus.DONE) != (self.outcome is not None):
            raise InvalidValueError(
                f"Visit {self.number}: a done visit has an outcome and only a done "
                f"visit does (status {self.status.value})",
                field="outcome",
            )
        if self.outcome is not None and not isinstance(self.outcome, VisitOutcome):
            raise InvalidValueError(
                "Visit.outcome must be a VisitOutcome", field="outcome"
            )
        if self.nominal is not None and not isinstance(self.nominal, date):
            raise InvalidValueError("Visit.nominal must be a date", field="nominal")

    @property
    def label(self) -> str:
        """``intake visit``, ``follow-up visit n`` or ``year-after visit``."""
        if self.kind is VisitKind.INTAKE:
            return "intake visit"
        if self.kind is VisitKind.YEAR_AFTER:
            return "year-after visit"
        return f"follow-up visit {self.number}"

    @property
    def ref(self) -> int | str:
        """The visit in a finding's params: its number, or ``year_after``.

        Data a template reads (``year_after`` for the year-after visit), never
        words.
        """
        return "year_after" if self.kind is VisitKind.YEAR_AFTER else self.number

    @property
    def held_on(self) -> date:
        """The day it was held when done, else the day it is planned for."""
        return self.on if self.outcome is None else self.outcome.held_on

    @property
    def reschedules(self) -> int:
        """How often it has been moved."""
        return len(self.previous)

    @property
    def active(self) -> bool:
        """True when it is planned or done (it counts for order and spacing)."""
        return self.status in (VisitStatus.PLANNED, VisitStatus.DONE)


def _to_visits(value: Iterable[Visit]) -> tuple[Visit, ...]:
    return tuple(value)


def _to_cycles(value: Iterable[VisitCycle]) -> tuple[VisitCycle, ...]:
    return tuple(value)


def _check_visits(_inst: object, _attr: object, value: tuple[Visit, ...]) -> None:
    numbers = [v.number for v in value]
    start = 0 if value and value[0].kind is VisitKind.INTAKE else 1
    if numbers != list(range(start, start + len(value))):
        raise InvalidValueError(
            f"VisitCycle.visits must be numbered in order (0 for the intake, then "
            f"1, 2, ...), got {numbers}",
            field="visits",
        )
    later = [i for i, v in enumerate(value) if v.kind is VisitKind.YEAR_AFTER]
    if later and later != [len(value) - 1]:
        raise InvalidValueError(
            "VisitCycle.visits: a cycle has at most one year-after visit, its last",
            field="visits",
        )


@attrs.frozen(kw_only=True)
class CycleProgress:
    """Where a cycle stands on a given day.

    Attributes:
        enterprise: The enterprise's id.
        on: The day asked about.
        done: Numbers of the visits done.
        missed: Numbers of the visits missed.
        cancelled: Numbers of the visits cancelled.
        planned: Numbers of the visits still to come.
        overdue: Numbers of the planned visits whose day has passed.
        findings: A ``visit.overdue`` warning for each overdue visit.
    """

    enterprise: str
    on: date
    done: tuple[int, ...]
    missed: tuple[int, ...]
    cancelled: tuple[int, ...]
    planned: tuple[int, ...]
    overdue: tuple[int, ...]
    findings: Report

    @property
    def complete(self) -> bool:
        """True when every visit is done or cancelled and at least one is done."""
        return bool(self.done) and not (self.planned or self.missed)


@attrs.frozen(kw_only=True)
class VisitCycle:
    """An enterprise's visits for one module: the record a scheduler keeps.

    Attributes:
        id: A stable identifier (calendar entries derive their UIDs from it).
        enterprise: The enterprise's id.
        module: The module code.
        profile: The name of the profile the cycle was planned under.
        classroom: The classroom days.
        window_end: The last day a follow-up visit may fall on.
        min_gap_days: Least number of days between two follow-up visits.
        visits: The visits, numbered in order.
        calendar: The name of the calendar the cycle was planned on.
        calendar_source: Where that calendar's data came from.
    """

    id: str = attrs.field(validator=non_empty_str)
    enterprise: str = attrs.field(validator=non_empty_str)
    module: str = attrs.field(validator=non_empty_str)
    profile: str = attrs.field(validator=non_empty_str)
    classroom: tuple[date, ...] = attrs.field(
        converter=_to_dates, validator=days_in_order
    )
    window_end: date = attrs.field(validator=a_date)
    min_gap_days: int = attrs.field(validator=int_at_least(0))
    visits: tuple[Visit, ...] = attrs.field(
        converter=_to_visits, validator=[items_of(Visit), _check_visits]
    )
    calendar: str = attrs.field(validator=non_empty_str)
    calendar_source: str = attrs.field(validator=non_empty_str)

    def __attrs_post_init__(self) -> None:
        if self.window_end <= self.classroom[-1]:
            raise InvalidValueError(
                f"VisitCycle.window_end {self.window_end} must come after the last "
                f"classroom day {self.classroom[-1]}",
                field="window_end",
            )

    def visit(self, number: int) -> Visit:
        """The visit with this number.

        Raises:
            UnknownNameError: when the cycle has no such visit.
        """
        return self.visits[self._index(number)]

    def _index(self, number: int) -> int:
        for index, visit in enumerate(self.visits):
            if visit.number == number:
                return index
        raise UnknownNameError(
            f"cycle {self.id} has no visit {number}; visits: "
            f"{', '.join(str(v.number) for v in self.visits)}"
        )

    def _change(
        self, number: int, allowed: tuple[VisitStatus, ...], **kw: Any
    ) -> VisitCycle:
        index = self._index(number)
        visit = self.visits[index]
        if visit.status not in allowed:
            raise TransitionError(
                f"{visit.label} of enterprise {self.enterprise} is "
                f"{visit.status.value}; it cannot become {kw['status']}"
            )
        visits = list(self.visits)
        visits[index] = attrs.evolve(visit, **kw)
        return attrs.evolve(self, visits=tuple(visits))

    def record(self, number: int, outcome: VisitOutcome) -> VisitCycle:
        """This cycle with a planned visit done.

        Raises:
            TransitionError: when the visit is not planned.
        """
        return self._change(
            number, (VisitStatus.PLANNED,), status=VisitStatus.DONE, outcome=outcome
        )

    def miss(self, number: int) -> VisitCycle:
        """This cycle with a planned visit missed (it can be rescheduled).

        Raises:
            TransitionError: when the visit is not planned.
        """
        return self._change(number, (VisitStatus.PLANNED,), status=VisitStatus.MISSED)

    def cancel(self, number: int) -> VisitCycle:
        """This cycle with a planned or missed visit cancelled.

        Raises:
            TransitionError: when the visit is done or already cancelled.
        """
        return self._change(
            number,
            (VisitStatus.PLANNED, VisitStatus.MISSED),
            status=VisitStatus.CANCELLED,
        )

    def progress(self, on: date) -> CycleProgress:
        """Where the cycle stands on ``on``: done, missed, to come, overdue."""

        def numbers(status: VisitStatus) -> tuple[int, ...]:
            return tuple(v.number for v in self.visits if v.status is status)

        overdue = [
            (i, v)
            for i, v in enumerate(self.visits)
            if v.status is VisitStatus.PLANNED and v.on < on
        ]
        return CycleProgress(
            enterprise=self.enterprise,
            on=on,
            done=numbers(VisitStatus.DONE),
            missed=numbers(VisitStatus.MISSED),
            cancelled=numbers(VisitStatus.CANCELLED),
            planned=numbers(VisitStatus.PLANNED),
            overdue=tuple(v.number for _, v in overdue),
            findings=Report(
                violations=tuple(
                    violation(
                        Code.VISIT_OVERDUE,
                        visit=v.ref,
                        enterprise=self.enterprise,
                        day=v.on.isoformat(),
                        on=on.isoformat(),
                        path=("visits", i),
                    )
                    for i, v in overdue
                )
            ),
        )


def check_cycle(cycle: VisitCycle, *, calendar: WorkCalendar | None = None) -> Report:
    """Everything wrong with a cycle's dates, each finding at its visit's path.

    Planned and done visits (on the day they were held) must keep their
    order, the intake before the first classroom day, the follow-ups after
    the last one and within the window, at least ``min_gap_days`` apart, a
    year-after visit past the window. With a calendar, every planned visit
    falls on a working day. Missed and cancelled visits do not count.
    """
    found: Found = []
    before: Visit | None = None
    for index, visit in enumerate(cycle.visits):
        if not visit.active:
            continue
        about: dict[str, Any] = {
            "visit": visit.ref,
            "enterprise": cycle.enterprise,
            "path": ("visits", index),
        }
        found += _when_rule(cycle, visit, about)
        if before is not None:
            found += _after_rule(cycle, visit, before, about)
        if calendar is not None and visit.status is VisitStatus.PLANNED:
            found += _working_rule(calendar, visit.on, about)
        before = visit
    return Report(violations=tuple(found))


def _when_rule(cycle: VisitCycle, visit: Visit, about: dict[str, Any]) -> Found:
    """The intake before the classroom, follow-ups in the window, a year after."""
    day, first, last = visit.held_on, cycle.classroom[0], cycle.classroom[-1]
    if visit.kind is VisitKind.INTAKE:
        if day < first:
            return []
        return [
            violation(
                Code.VISIT_INTAKE_LATE,
                day=day.isoformat(),
                first=first.isoformat(),
                enterprise=cycle.enterprise,
                path=about["path"],
            )
        ]
    if visit.kind is VisitKind.YEAR_AFTER:
        if day > cycle.window_end:
            return []
        return [
            violation(
                Code.VISIT_YEAR_AFTER_EARLY,
                day=day.isoformat(),
                end=cycle.window_end.isoformat(),
                **about,
            )
        ]
    if last < day <= cycle.window_end:
        return []
    return [
        violation(
            Code.VISIT_OUTSIDE_WINDOW,
            day=day.isoformat(),
            start=(last + _DAY).isoformat(),
            end=cycle.window_end.isoformat(),
            **about,
        )
    ]


def _after_rule(
    cycle: VisitCycle, visit: Visit, before: Visit, about: dict[str, Any]
) -> Found:
    """After the visit before it; between two follow-ups, the profile's gap."""
    day = visit.held_on
    if day <= before.held_on:
        return [
            violation(
                Code.VISIT_ORDER,
                day=day.isoformat(),
                previous=before.ref,
                previous_day=before.held_on.isoformat(),
                **about,
            )
        ]
    days = (day - before.held_on).days
    follow_ups = visit.kind is before.kind is VisitKind.FOLLOW_UP
    if follow_ups and days < cycle.min_gap_days:
        return [
            violation(
                Code.VISIT_GAP,
                days=days,
                previous=before.ref,
                profile=cycle.profile,
                gap=cycle.min_gap_days,
                **about,
            )
        ]
    return []


def _working_rule(calendar: WorkCalendar, day: date, about: dict[str, Any]) -> Found:
    if calendar.is_working_day(day):
        return []
    return [
        violation(
            Code.VISIT_DAY_NOT_WORKING,
            day=day.isoformat(),
            calendar=calendar.name,
            **about,
        )
    ]


@attrs.frozen(kw_only=True)
class ModulePlan:
    """The dated plan of one module for one or more enterprises.

    Attributes:
        id: A stable identifier (the workshop's id when planned from one).
        module: The module code.
        profile: The name of the profile planned under.
        classroom: The classroom days, consecutive working days.
        window_end: The last day a follow-up visit may fall on.
        location: Where the classroom days are held, when known.
        cycles: Each enterprise's visits, in the order given.
        calendar: The name of the calendar planned on.
        calendar_source: Where that calendar's data came from.
        findings: Dates moved (INFO) and years the calendar only estimates
            (WARNING).
    """

    id: str = attrs.field(validator=non_empty_str)
    module: str = attrs.field(validator=non_empty_str)
    profile: str = attrs.field(validator=non_empty_str)
    classroom: tuple[date, ...] = attrs.field(
        converter=_to_dates, validator=days_in_order
    )
    window_end: date = attrs.field(validator=a_date)
    location: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    cycles: tuple[VisitCycle, ...] = attrs.field(
        converter=_to_cycles, validator=items_of(VisitCycle)
    )
    calendar: str = attrs.field(validator=non_empty_str)
    calendar_source: str = attrs.field(validator=non_empty_str)
    findings: Report = attrs.field(factory=Report, validator=typed(Report))

    def cycle(self, enterprise: str) -> VisitCycle:
        """The cycle of this enterprise.

        Raises:
            UnknownNameError: when the plan has no cycle for it.
        """
        return one_of(self.cycles, "enterprise", enterprise, owner=f"plan {self.id}")

    def dates(self) -> tuple[date, ...]:
        """Every day the plan uses (classroom and visits), sorted, once each."""
        days = set(self.classroom)
        days.update(v.on for c in self.cycles for v in c.visits)
        return tuple(sorted(days))


# -- planning ------------------------------------------------------------------------
def _subject(
    subject: Enterprise | Workshop | Iterable[Enterprise],
) -> tuple[tuple[Enterprise, ...], Workshop | None]:
    if isinstance(subject, Workshop):
        return tuple(d.enterprise for d in subject.delegations), subject
    if isinstance(subject, Enterprise):
        return (subject,), None
    firms = tuple(subject)
    for firm in firms:
        if not isinstance(firm, Enterprise):
            raise InvalidValueError(
                f"plan_module plans for enterprises or a workshop, got "
                f"{type(firm).__name__}"
            )
    return firms, None


def _digest(ids: Sequence[str]) -> str:
    # surrogatepass: an id read from JSON may hold a lone surrogate.
    data = "\x1f".join(ids).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:8]


def _latest(calendar: WorkCalendar, upper: date, lower: date) -> date | None:
    day = upper
    while day >= lower:
        if calendar.is_working_day(day):
            return day
        day -= _DAY
    return None


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _within_dates(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Report a plan that runs off the calendar as NoWorkingDayError.

    Python's dates end at 9999-12-31 (and start at 0001-01-01): a plan whose
    days would fall beyond them cannot exist, and says so instead of raising
    a bare OverflowError.
    """

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return func(*args, **kwargs)
        except OverflowError:
            raise NoWorkingDayError(
                f"{func.__name__}: the plan needs days beyond {date.max} (or "
                f"before {date.min}), the dates Python can hold"
            ) from None

    return wrapper


def _months_after(day: date, months: int) -> date:
    try:
        return day + relativedelta(months=months)
    except ValueError:  # the year would be past 9999
        raise OverflowError from None


@_within_dates
def plan_module(
    subject: Enterprise | Workshop | Iterable[Enterprise],
    *,
    calendar: WorkCalendar,
    module: str | None = None,
    profile: Profile | None = None,
    earliest: date | None = None,
    stagger: int = 0,
    spacing_days: int | None = None,
    convention: Roll = Roll.FOLLOWING,
    back_to_back: bool = True,
    strict: bool = False,
    plan_id: str | None = None,
    mode: Resolution = Resolution.LENIENT,
    year_after: bool = False,
) -> ModulePlan:
    """Plan a module: intake visits, classroom days and follow-up visits.

    From enterprises, the intake visits fall from ``earliest`` (``stagger``
    working days apart) and the classroom days at least ``intake_lead_days``
    later, back to back (``back_to_back=False``: consecutive working days);
    from a workshop, its days are the classroom days and the intake visits
    fall before them. The profile's follow-up visits are spread evenly over
    the window (``follow_up_window_months`` after the last classroom day,
    less a day), rolled to working days by ``convention`` and moved just
    enough to keep the gap and the window, each move an INFO finding. The
    year-after visit ([MTE-II] p.15) falls 12 months after the last classroom
    day. The profile is read on the first classroom day: out of force, with
    a warning (strict mode refuses it, and the years the calendar only
    estimates). The concept page on visits tells each step.

    Args:
        subject: An enterprise, several, or a workshop.
        calendar: The working-day calendar; its source is recorded.
        module: The module code (a workshop's own by default).
        profile: The profile (the default profile when None).
        earliest: The first day the plan may use.
        plan_id: The plan's id; by default the workshop's, or one made of
            the module, the first day and the enterprises.
        stagger: Working days between successive enterprises' visits.
        spacing_days: Days between nominal follow-up visits.
        convention: How a nominal day off moves to a working day.
        back_to_back: Classroom days on successive calendar days.
        strict: The same as ``mode=Resolution.STRICT``.
        mode: LENIENT (the default) or STRICT.
        year_after: End each cycle with a visit a year after the module.

    Raises:
        PlanningError: when no plan keeps the rules (the visits do not fit
            the window, no room for the intake visits, a workshop day off, a
            year the calendar does not cover or, when strict, confirm).
        NoWorkingDayError: when the calendar has no working day within a
            year of a day the plan needs, or the plan needs days past
            9999-12-31 (or before 0001-01-01).
        InvalidValueError: for missing or malformed arguments.
        NotInForceError: in STRICT mode, when the profile is out of force.
    """
    ask = _request(
        subject,
        module,
        calendar=calendar,
        profile=default_profile() if profile is None else profile,
        earliest=earliest,
        stagger=stagger,
        spacing_days=spacing_days,
        convention=convention,
        back_to_back=back_to_back,
        strict=strict or Resolution(mode) is Resolution.STRICT,
        plan_id=plan_id,
        year_after=year_after,
    )
    (intakes, classroom), opening = _opening(ask)
    window, closing = _window(ask, intakes, classroom)
    problems = _refuse([*opening, *closing])
    cycles, placed = _cycles(ask, intakes, window)
    return _module_plan(ask, window, cycles, [*problems, *_refuse(placed)])


@attrs.frozen(kw_only=True)
class _Request:
    """What :func:`plan_module` was asked, checked: every step reads it."""

    ids: tuple[str, ...]
    workshop: Workshop | None
    training: TrainingModule
    calendar: WorkCalendar
    profile: Profile
    earliest: date | None
    stagger: int
    spacing_days: int | None
    convention: Roll
    back_to_back: bool
    strict: bool
    plan_id: str | None
    year_after: bool

    @property
    def mode(self) -> Resolution:
        return Resolution.STRICT if self.strict else Resolution.LENIENT


def _request(
    subject: Enterprise | Workshop | Iterable[Enterprise],
    module: str | None,
    **options: Any,
) -> _Request:
    """The arguments of :func:`plan_module`, checked (misuse raises)."""
    firms, workshop = _subject(subject)
    if not firms:
        raise InvalidValueError("plan_module needs at least one enterprise")
    ids = tuple(f.id for f in firms)
    if len(set(ids)) != len(ids):
        raise InvalidValueError(
            f"plan_module: an enterprise appears twice in {list(ids)}"
        )
    if module is None:
        if workshop is None:
            raise InvalidValueError("plan_module needs module= for enterprises")
        module = workshop.module
    spacing = options["spacing_days"]
    if options["stagger"] < 0 or (spacing is not None and spacing < 1):
        raise InvalidValueError(
            "plan_module: stagger is at least 0 and spacing_days at least 1"
        )
    training = options["profile"].get_catalogue()[module]
    if workshop is None and options["earliest"] is None:
        raise InvalidValueError("planning for enterprises needs earliest=")
    return _Request(ids=ids, workshop=workshop, training=training, **options)


_Days = tuple[list[date], tuple[date, ...]]


def _opening(ask: _Request) -> tuple[_Days, Found]:
    """The intake visits and the classroom days, from a workshop or not."""
    if ask.workshop is not None:
        return _from_workshop(ask, ask.workshop)
    return _from_enterprises(ask), []


def _from_workshop(ask: _Request, workshop: Workshop) -> tuple[_Days, Found]:
    """A workshop's own days, and intake visits the lead time before them."""
    classroom = workshop.days
    found = _days_off(ask.calendar, classroom, "classroom")
    intakes: list[date] = []
    if ask.profile.intake_visit:
        lead = timedelta(days=ask.profile.intake_lead_days)
        intakes, no_room = _intakes_before(ask, classroom[0] - lead)
        found += no_room
    return (intakes, classroom), found


def _from_enterprises(ask: _Request) -> _Days:
    """Intake visits from ``earliest``, then the module's classroom days."""
    profile, calendar = ask.profile, ask.calendar
    days = profile.classroom_days_for(ask.training)
    if not days:
        raise InvalidValueError(
            f"module {ask.training.code} has no classroom days under profile "
            f"{profile.name}; plan it from a workshop with its days"
        )
    assert ask.earliest is not None  # _request refuses enterprises without it
    start = roll(calendar, ask.earliest)
    intakes: list[date] = []
    if profile.intake_visit:
        # Each intake ``stagger`` working days after the one before:
        # linear in the number of enterprises, not quadratic.
        intakes = [start]
        while len(intakes) < len(ask.ids):
            intakes.append(
                add_working_days(calendar, intakes[-1], ask.stagger)
                if ask.stagger
                else start
            )
        start = roll(calendar, intakes[-1] + timedelta(days=profile.intake_lead_days))
    return intakes, _classroom_block(calendar, start, days, ask.back_to_back)


def _window(
    ask: _Request, intakes: Sequence[date], classroom: tuple[date, ...]
) -> tuple[_FollowUps, Found]:
    """The profile in force, the calendar's years, and the follow-up days."""
    profile, calendar = ask.profile, ask.calendar
    found = list(profile.check_in_force(classroom[0], mode=ask.mode).violations)
    last = classroom[-1]
    window_end = _months_after(last, profile.follow_up_window_months) - _DAY
    first_day = min((*intakes, classroom[0]))
    found += check_years(
        calendar,
        range(first_day.year, window_end.year + 1),
        path=("classroom",),
        strict=ask.strict,
    ).violations
    follow, short = _follow_ups(ask, classroom, window_end)
    return follow, found + short


def _refuse(problems: Found) -> Found:
    """The findings, when none is an error; else :exc:`PlanningError`."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise PlanningError(errors)
    return problems


def _plan_id(ask: _Request, classroom: tuple[date, ...]) -> str:
    if ask.plan_id is not None:
        return ask.plan_id
    if ask.workshop is not None:
        return ask.workshop.id
    return f"{ask.training.code}-{classroom[0]:%Y%m%d}-{_digest(ask.ids)}"


def _cycles(
    ask: _Request, intakes: Sequence[date], follow: _FollowUps
) -> tuple[list[VisitCycle], Found]:
    """Each enterprise's cycle: its intake, follow-ups and year-after visit."""
    calendar, stagger = ask.calendar, ask.stagger
    plan_id = _plan_id(ask, follow.classroom)
    cycles: list[VisitCycle] = []
    found: Found = []
    aims: tuple[date, ...] = follow.nominal
    late = _year_after_aim(follow) if ask.year_after else None
    later_years: dict[int, tuple[PathItem, ...]] = {}
    for k, eid in enumerate(ask.ids):
        visits: list[Visit] = []
        if intakes:
            visits.append(Visit(number=0, kind=VisitKind.INTAKE, on=intakes[k]))
        if k and stagger:
            # A staggered enterprise aims at working days: the enterprise
            # before it's aims (the first one's rolled), ``stagger`` on.
            if k == 1:
                aims = tuple(roll(calendar, aim, ask.convention) for aim in aims)
                late = None if late is None else roll(calendar, late, ask.convention)
            aims = tuple(add_working_days(calendar, aim, stagger) for aim in aims)
            late = None if late is None else add_working_days(calendar, late, stagger)
        placed, moves = _place(ask, follow, aims, eid, (k, len(visits)))
        visits += placed
        found += moves
        if late is not None:
            path: tuple[PathItem, ...] = ("cycles", k, "visits", len(visits))
            visit, notes = _year_after(ask, follow, late, eid, path)
            visits.append(visit)
            found += notes
            later_years.setdefault(visit.on.year, path)
        cycles.append(_cycle(ask, plan_id, eid, follow, visits))
    for year, path in later_years.items():
        # The years of the window are checked; a year-after visit's year, here.
        if year > follow.end.year:
            found += check_years(
                calendar, (year,), path=path, strict=ask.strict
            ).violations
    return cycles, found


def _module_plan(
    ask: _Request, window: _FollowUps, cycles: list[VisitCycle], findings: Found
) -> ModulePlan:
    return ModulePlan(
        id=_plan_id(ask, window.classroom),
        module=ask.training.code,
        profile=ask.profile.name,
        classroom=window.classroom,
        window_end=window.end,
        location=None if ask.workshop is None else ask.workshop.location,
        cycles=cycles,
        calendar=ask.calendar.name,
        calendar_source=ask.calendar.source,
        findings=Report(violations=tuple(findings)),
    )


def _cycle(
    ask: _Request, plan_id: str, eid: str, follow: _FollowUps, visits: list[Visit]
) -> VisitCycle:
    return VisitCycle(
        id=f"{plan_id}.{eid}",
        enterprise=eid,
        module=ask.training.code,
        profile=ask.profile.name,
        classroom=follow.classroom,
        window_end=follow.end,
        min_gap_days=ask.profile.min_visit_gap_days,
        visits=visits,
        calendar=ask.calendar.name,
        calendar_source=ask.calendar.source,
    )


def _classroom_block(
    calendar: WorkCalendar, start: date, days: int, back_to_back: bool
) -> tuple[date, ...]:
    """The first run of ``days`` classroom days from ``start`` (a working day)."""
    first = start
    for _ in range(SEARCH_DAYS):
        block = [first]
        while len(block) < days:
            after = (
                block[-1] + _DAY
                if back_to_back
                else next_working_day(calendar, block[-1])
            )
            if not calendar.is_working_day(after):
                break
            block.append(after)
        if len(block) == days:
            return tuple(block)
        first = next_working_day(calendar, first)
    raise NoWorkingDayError(
        f"calendar {calendar.name} has no {days} back-to-back working days within "
        f"{SEARCH_DAYS} days after {start}"
    )


def _intakes_before(ask: _Request, latest: date) -> tuple[list[date], Found]:
    """Intake days of a workshop's enterprises, the last on or before ``latest``."""
    calendar, stagger, ids = ask.calendar, ask.stagger, ask.ids
    floor = latest - timedelta(days=366) if ask.earliest is None else ask.earliest
    last = _latest(calendar, latest, floor)
    days: list[date] = []
    if last is not None:
        # Backwards from the last, ``stagger`` working days apart: linear.
        days = [last]
        while len(days) < len(ids):
            days.append(
                add_working_days(calendar, days[-1], -stagger) if stagger else last
            )
        days.reverse()
    if last is None or days[0] < floor:
        no_room = violation(
            Code.PLAN_INTAKE_NO_ROOM,
            enterprise=ids[0],
            earliest=floor.isoformat(),
            latest=latest.isoformat(),
            calendar=calendar.name,
            path=("classroom", 0),
        )
        return days, [no_room]
    return days, []


@attrs.frozen
class _FollowUps:
    """The classroom days, the window, and where the follow-up visits may fall."""

    classroom: tuple[date, ...]
    end: date
    nominal: tuple[date, ...]
    latest: tuple[date, ...]
    gap: int

    @property
    def last(self) -> date:
        return self.classroom[-1]


def _follow_ups(
    ask: _Request, classroom: tuple[date, ...], window_end: date
) -> tuple[_FollowUps, Found]:
    """Nominal days (rrule) and the latest feasible day of each follow-up."""
    calendar, profile, last = ask.calendar, ask.profile, classroom[-1]
    count = profile.follow_up_visits
    gap = max(1, profile.min_visit_gap_days)
    none = _FollowUps(classroom, window_end, nominal=(), latest=(), gap=gap)
    if count == 0:
        return none, []
    available = (window_end - last).days
    spacing = ask.spacing_days or max(gap, available // (count + 1))
    nominal = tuple(
        moment.date()
        for moment in rrule(
            DAILY,
            interval=spacing,
            dtstart=datetime.combine(
                last + timedelta(days=spacing), datetime.min.time()
            ),
            count=count,
        )
    )
    if len(nominal) < count:  # rrule stops quietly at the end of year 9999
        raise OverflowError
    latest: list[date] = []
    upper = window_end
    for _ in range(count):
        day = _latest(calendar, upper, last + _DAY)
        if day is None:
            too_short = violation(
                Code.PLAN_WINDOW_TOO_SHORT,
                count=count,
                gap=gap,
                start=(last + _DAY).isoformat(),
                end=window_end.isoformat(),
                calendar=calendar.name,
                path=("window_end",),
            )
            return none, [too_short]
        latest.append(day)
        upper = day - timedelta(days=gap)
    latest.reverse()
    return attrs.evolve(none, nominal=nominal, latest=tuple(latest)), []


def _place(
    ask: _Request,
    follow: _FollowUps,
    aims: tuple[date, ...],
    enterprise: str,
    at: tuple[int, int],
) -> tuple[list[Visit], Found]:
    """One enterprise's follow-ups: nominal, rolled, then kept in gap and window.

    ``at``: the cycle's index in the plan and the first follow-up's in the cycle.
    """
    calendar, (k, first) = ask.calendar, at
    visits: list[Visit] = []
    found: Found = []
    lower = follow.last + _DAY
    for number, (nominal, latest) in enumerate(
        zip(aims, follow.latest, strict=True), start=1
    ):
        target = roll(calendar, nominal, ask.convention)
        day = target if target >= lower else roll(calendar, lower)
        day = min(day, latest)
        path: tuple[PathItem, ...] = ("cycles", k, "visits", first + number - 1)
        if target != nominal:
            found.append(_rolled(calendar, number, enterprise, nominal, target, path))
        if day != target:
            found.append(
                violation(
                    Code.PLAN_VISIT_MOVED,
                    visit=number,
                    enterprise=enterprise,
                    nominal=target.isoformat(),
                    day=day.isoformat(),
                    path=path,
                )
            )
        visits.append(
            Visit(
                number=number,
                kind=VisitKind.FOLLOW_UP,
                on=day,
                nominal=None if day == nominal else nominal,
            )
        )
        lower = day + timedelta(days=follow.gap)
    return visits, found


def _rolled(
    calendar: WorkCalendar,
    visit: int | str,
    enterprise: str,
    nominal: date,
    day: date,
    path: tuple[PathItem, ...],
) -> RuleViolation:
    return violation(
        Code.PLAN_VISIT_ROLLED,
        visit=visit,
        enterprise=enterprise,
        nominal=nominal.isoformat(),
        day=day.isoformat(),
        calendar=calendar.name,
        path=path,
    )


#: Months from the last classroom day to the year-after visit ([MTE-II] p.15).
YEAR_AFTER_MONTHS = 12


def _year_after_aim(follow: _FollowUps) -> date:
    """A year after the last classroom day, and after the follow-up window."""
    return max(_months_after(follow.last, YEAR_AFTER_MONTHS), follow.end + _DAY)


def _year_after(
    ask: _Request,
    follow: _FollowUps,
    aim: date,
    enterprise: str,
    path: tuple[PathItem, ...],
) -> tuple[Visit, Found]:
    """The year-after visit on a working day after the window (rolled: INFO)."""
    calendar = ask.calendar
    day = roll(calendar, aim, ask.convention)
    if day <= follow.end:  # rolled back into the window: the next day out
        day = roll(calendar, follow.end + _DAY)
    visit = Visit(
        number=len(follow.latest) + 1,
        kind=VisitKind.YEAR_AFTER,
        on=day,
        nominal=None if day == aim else aim,
    )
    if day == aim:
        return visit, []
    return visit, [_rolled(calendar, visit.ref, enterprise, aim, day, path)]


# -- rescheduling --------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Rescheduled:
    """What :func:`reschedule` did.

    Attributes:
        cycle: The cycle with the visits moved, or the cycle unchanged when
            the move was refused.
        applied: Whether the move was made.
        moved: The numbers of the visits moved (or that would have been).
        findings: Why a move was refused (errors), and warnings.
    """

    cycle: VisitCycle = attrs.field(validator=typed(VisitCycle))
    applied: bool = attrs.field(validator=typed(bool))
    moved: tuple[int, ...] = attrs.field(validator=[typed(tuple), items_of(int)])
    findings: Report = attrs.field(validator=typed(Report))
    report = _renamed_to_findings()


def reschedule(
    cycle: VisitCycle,
    number: int,
    to: date,
    *,
    on: date,
    calendar: WorkCalendar,
    profile: Profile | None = None,
    scope: Scope = Scope.ONE,
) -> Rescheduled:
    """Move a visit (and, with ``Scope.FOLLOWING``, the planned ones after it).

    With ``Scope.FOLLOWING`` every later planned visit moves by the same
    number of working days. A move is refused, with findings saying why,
    when a visit is done (``visit.reschedule.done``: history is never
    rewritten) or cancelled, when the new day is before ``on``, when a
    planned visit is closer than the profile's ``min_reschedule_notice_days``
    (a missed visit needs no notice), when a visit has been moved
    ``max_reschedules_per_visit`` times already, or when the moved visits
    would break the cycle's order, window, spacing or working days. Each move
    keeps the old day in the visit's ``previous``.

    Args:
        cycle: The cycle.
        number: The visit to move.
        to: Its new day.
        on: Today, for the notice rule.
        calendar: The working-day calendar.
        profile: The rescheduling policy; the profile the cycle names, from
            the registry, when None.
        scope: ONE visit, or it and the FOLLOWING planned ones.

    Raises:
        UnknownNameError: when the cycle has no such visit, or the cycle's
            profile is not registered and none is given.
    """
    profile = get_profile(cycle.profile) if profile is None else profile
    index = cycle._index(number)
    visit = cycle.visits[index]
    refused = _refuse_status(cycle, index, visit)
    if refused is not None:
        report = Report(violations=(refused,))
        return Rescheduled(cycle=cycle, applied=False, moved=(number,), findings=report)
    if to == visit.on and visit.status is VisitStatus.PLANNED:
        # Nothing moves, so nothing counts against the limit.
        return Rescheduled(cycle=cycle, applied=True, moved=(), findings=Report())
    moves = _moves(cycle, index, to, calendar, scope)
    moved, problems = _moved(cycle, moves, on, calendar, profile)
    report = Report(violations=(*problems, *_knock_on(moved, moves, calendar)))
    numbers = tuple(cycle.visits[i].number for i in sorted(moves))
    if not report.ok:
        return Rescheduled(cycle=cycle, applied=False, moved=numbers, findings=report)
    return Rescheduled(cycle=moved, applied=True, moved=numbers, findings=report)


def _moves(
    cycle: VisitCycle, index: int, to: date, calendar: WorkCalendar, scope: Scope
) -> dict[int, date]:
    """The new day of each visit that moves, by index."""
    moves = {index: to}
    if Scope(scope) is Scope.FOLLOWING:
        shift = working_days_between(calendar, cycle.visits[index].on, to)
        for later in range(index + 1, len(cycle.visits)):
            other = cycle.visits[later]
            if other.status is VisitStatus.PLANNED and shift:
                moves[later] = add_working_days(calendar, other.on, shift)
    return moves


def _moved(
    cycle: VisitCycle,
    moves: dict[int, date],
    on: date,
    calendar: WorkCalendar,
    profile: Profile,
) -> tuple[VisitCycle, Found]:
    """The cycle with the visits moved (each keeps its old day), and why not."""
    found: Found = []
    visits = list(cycle.visits)
    for i, day in moves.items():
        found += _move_problems(cycle, i, day, on, calendar, profile)
        old = cycle.visits[i]
        visits[i] = attrs.evolve(
            old, on=day, status=VisitStatus.PLANNED, previous=(*old.previous, old.on)
        )
    return attrs.evolve(cycle, visits=tuple(visits)), found


def _knock_on(
    moved: VisitCycle, moves: dict[int, date], calendar: WorkCalendar
) -> Found:
    """What the moved cycle breaks at the moved visits and the ones after them.

    Days off are left to :func:`_move_problems`, which sees each moved day.
    """
    touched = set(moves)
    visits = moved.visits
    for i in moves:
        after = next((j for j in range(i + 1, len(visits)) if visits[j].active), None)
        if after is not None:
            touched.add(after)
    return [
        v
        for v in check_cycle(moved, calendar=calendar).violations
        if v.path[1] in touched and v.code != Code.VISIT_DAY_NOT_WORKING
    ]


def _refuse_status(cycle: VisitCycle, index: int, visit: Visit) -> RuleViolation | None:
    common: dict[str, Any] = {
        "visit": visit.ref,
        "enterprise": cycle.enterprise,
        "path": ("visits", index),
    }
    if visit.status is VisitStatus.DONE:
        return violation(
            Code.VISIT_RESCHEDULE_DONE,
            day=visit.held_on.isoformat(),
            **common,
        )
    if visit.status is VisitStatus.CANCELLED:
        return violation(Code.VISIT_RESCHEDULE_CANCELLED, **common)
    return None


def _move_problems(
    cycle: VisitCycle,
    index: int,
    day: date,
    on: date,
    calendar: WorkCalendar,
    profile: Profile,
) -> list[RuleViolation]:
    visit = cycle.visits[index]
    path = ("visits", index)
    common: dict[str, Any] = {
        "visit": visit.ref,
        "enterprise": cycle.enterprise,
        "path": path,
    }
    out: list[RuleViolation] = []
    if day < on:
        out.append(
            violation(
                Code.VISIT_RESCHEDULE_PAST,
                day=day.isoformat(),
                on=on.isoformat(),
                **common,
            )
        )
    notice = (visit.on - on).days
    if (
        visit.status is VisitStatus.PLANNED
        and notice >= 0
        and notice < profile.min_reschedule_notice_days
    ):
        out.append(
            violation(
                Code.VISIT_RESCHEDULE_SHORT_NOTICE,
                day=visit.on.isoformat(),
                days=notice,
                on=on.isoformat(),
                profile=profile.name,
                notice=profile.min_reschedule_notice_days,
                **common,
            )
        )
    if visit.reschedules >= profile.max_reschedules_per_visit:
        out.append(
            violation(
                Code.VISIT_RESCHEDULE_LIMIT,
                count=visit.reschedules,
                profile=profile.name,
                limit=profile.max_reschedules_per_visit,
                **common,
            )
        )
    out += check_years(calendar, (day.year,), path=path).violations
    if calendar.covers(day.year) and not calendar.is_working_day(day):
        out.append(
            violation(
                Code.VISIT_DAY_NOT_WORKING,
                day=day.isoformat(),
                calendar=calendar.name,
                **common,
            )
        )
    return out
