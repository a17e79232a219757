"""Joint training workshops: who takes part, what is wrong, who attended.

The classroom workshop is SCORE's heart: managers and workers of four or five
enterprises trained together ([PROC]). :func:`check_workshop` reports, before
the first day, every finding at once, each with a path into the workshop
(``$.delegations[3].participants[1]``).

>>> from datetime import date
>>> from score_core import (Delegation, Enterprise, Gender, Participant, Role,
...                         Workshop, check_workshop)
>>> def delegation(n):
...     firm = Enterprise(id=f"CQ-{n}", name=f"Firm {n}", headcount=120, country="CN")
...     people = [Participant(name=f"{role.value} {n}.{i}", role=role,
...                           gender=Gender.FEMALE if i else Gender.MALE)
...               for role in Role for i in range(2)]
...     return Delegation(enterprise=firm, participants=people)
>>> workshop = Workshop(id="W1", module="M1",
...                     days=(date(2015, 4, 8), date(2015, 4, 9)),
...                     delegations=[delegation(n) for n in range(3)])
>>> report = check_workshop(workshop)
>>> sorted(set(report.codes))
['eligibility.record.missing', 'workshop.enterprises.too_few', 'workshop.trainers.none']
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from score_core._frozen import FrozenMap
from score_core._validators import (
    a_date,
    days_in_order,
    items_of,
    non_empty_str,
    optional_date,
    optional_non_empty_str,
)
from score_core.calendars import WorkCalendar, check_years
from score_core.codes import Code, violation
from score_core.eligibility import BASELINE_MODULES, _checker
from score_core.enterprises import Enterprise
from score_core.errors import InvalidValueError, UnknownNameError
from score_core.findings import Report, RuleViolation, _renamed_to_findings
from score_core.journey import EnterpriseRecord, ModuleState
from score_core.parameters import Resolution
from score_core.people import Gender, Participant, Role, Trainer, check_trainer
from score_core.profiles import Profile, default_profile


__all__ = [
    "AttendanceMark",
    "AttendanceSheet",
    "Delegation",
    "DelegationAttendance",
    "Enrolment",
    "Placement",
    "Presence",
    "StatisticsRow",
    "Workshop",
    "WorkshopStatistics",
    "attendance",
    "check_workshop",
    "enrol",
    "record_attendance",
    "withdraw",
    "workshop_statistics",
]


def _to_people(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Delegation:
    """An enterprise and the managers and workers it sends.

    Attributes:
        enterprise: The enterprise.
        participants: The people it sends.
    """

    enterprise: Enterprise = attrs.field(
        validator=attrs.validators.instance_of(Enterprise)
    )
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_to_people, validator=items_of(Participant)
    )

    def count(self, role: Role) -> int:
        """How many participants have this role."""
        return sum(1 for p in self.participants if p.role is role)


def _to_days(value: Iterable[date]) -> tuple[date, ...]:
    return tuple(value)


def _to_trainers(value: Iterable[Trainer]) -> tuple[Trainer, ...]:
    return tuple(value)


def _to_delegations(value: Iterable[Delegation]) -> tuple[Delegation, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Workshop:
    """A classroom workshop of one module for several enterprises.

    Attributes:
        id: Identifier in the calling tool.
        module: The module code.
        days: The classroom days, in order.
        location: Where it is held.
        trainers: The trainers delivering it.
        delegations: The enterprises enrolled and the people they send.
        waitlist: Delegations waiting for a place, first come first.
        go_no_go: The date by which the workshop must have its minimum number
            of enterprises, or None.
    """

    id: str = attrs.field(validator=non_empty_str)
    module: str = attrs.field(validator=non_empty_str)
    days: tuple[date, ...] = attrs.field(converter=_to_days, validator=days_in_order)
    location: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    trainers: tuple[Trainer, ...] = attrs.field(
        default=(), converter=_to_trainers, validator=items_of(Trainer)
    )
    delegations: tuple[Delegation, ...] = attrs.field(
        default=(), converter=_to_delegations, validator=items_of(Delegation)
    )
    waitlist: tuple[Delegation, ...] = attrs.field(
        default=(), converter=_to_delegations, validator=items_of(Delegation)
    )
    go_no_go: date | None = attrs.field(default=None, validator=optional_date)

    @property
    def first_day(self) -> date:
        """The first classroom day."""
        return self.days[0]

    @property
    def last_day(self) -> date:
        """The last classroom day."""
        return self.days[-1]

    @property
    def participants(self) -> tuple[Participant, ...]:
        """Everyone enrolled, delegation by delegation."""
        return tuple(p for d in self.delegations for p in d.participants)


def _capacity(workshop: Workshop, profile: Profile) -> tuple[int, str, str]:
    """The most enterprises, and whose limit it is: ``module`` or ``profile``."""
    module = profile.get_catalogue()[workshop.module]
    own = module.format.max_enterprises
    if own is not None:
        return own, "module", module.code
    return profile.enterprises_per_workshop.maximum, "profile", profile.name


def check_workshop(
    workshop: Workshop,
    *,
    profile: Profile | None = None,
    records: Mapping[str, EnterpriseRecord] | None = None,
    calendar: WorkCalendar | None = None,
    on: date | None = None,
    mode: Resolution = Resolution.LENIENT,
    baseline_modules: Iterable[str] = BASELINE_MODULES,
) -> Report:
    """Everything wrong with a workshop, at once, each finding with its path.

    Checks: the number of enterprises (the profile's range, or the module's
    own maximum), the same enterprise twice, each delegation's make-up, joint
    training (managers and workers of every enterprise), a person listed twice
    or from another enterprise, equal representation of managers and workers,
    delegations of one sex from enterprises employing both, the module's
    number of classroom days and their being working days of ``calendar``,
    each enterprise's eligibility for the module on the first day (the rules of
    :func:`~score_core.check_eligibility`), and each trainer's right to deliver
    the module on the first and the last day (:func:`~score_core.check_trainer`).

    Args:
        workshop: The workshop.
        profile: The profile; ``cn-phase-2`` by default.
        records: Enterprise records by enterprise id, for the eligibility rules.
        calendar: A working-day calendar; without one, days are not checked
            against holidays.
        on: Today, for the go/no-go decision: before the go/no-go date a
            workshop short of enterprises is a warning, from it on an error.
        mode: Strict or lenient use of the profile outside its validity.
        baseline_modules: See :func:`~score_core.check_eligibility`.

    Raises:
        UnknownNameError: when the module is not in the profile's catalogue.
        NotInForceError: in strict mode, when the profile is not in force on
            the first day.
    """
    used = default_profile() if profile is None else profile
    findings = list(used.check_in_force(workshop.first_day, mode=mode).violations)
    findings += _size(workshop, used, on)
    findings += _delegations(workshop, used)
    findings += _days(workshop, used, calendar)
    findings += _eligibility(workshop, used, records, mode, baseline_modules)
    findings += _trainers(workshop)
    return Report(violations=tuple(findings))


def _eligibility(
    workshop: Workshop,
    profile: Profile,
    records: Mapping[str, EnterpriseRecord] | None,
    mode: Resolution,
    baseline_modules: Iterable[str],
) -> list[RuleViolation]:
    """Each enterprise's eligibility findings on the first day.

    The profile's context (its catalogue, validity and parameters in words)
    is resolved once for the workshop, as :func:`check_eligibility` would for
    each enterprise.
    """
    if not workshop.delegations:
        return []
    known = records or {}
    check = _checker(
        profile=profile,
        module=workshop.module,
        on=workshop.first_day,
        mode=mode,
        baseline_modules=baseline_modules,
    )
    return [
        v.under("delegations", i, "enterprise")
        for i, delegation in enumerate(workshop.delegations)
        for v in check(delegation.enterprise, known.get(delegation.enterprise.id))
        # The profile's validity is reported once, by check_workshop.
        if v.code.startswith("eligibility.")
    ]


def _size(workshop: Workshop, profile: Profile, on: date | None) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    count = len(workshop.delegations)
    minimum = profile.enterprises_per_workshop.minimum
    maximum, limit_from, limit = _capacity(workshop, profile)
    if count < minimum:
        deadline = workshop.go_no_go
        if deadline is not None and on is not None and on < deadline:
            out.append(
                violation(
                    Code.WORKSHOP_ENTERPRISES_FILLING,
                    workshop=workshop.id,
                    count=count,
                    minimum=minimum,
                    missing=minimum - count,
                    go_no_go=str(deadline),
                    path=("delegations",),
                )
            )
        else:
            out.append(
                violation(
                    Code.WORKSHOP_ENTERPRISES_TOO_FEW,
                    workshop=workshop.id,
                    count=count,
                    minimum=minimum,
                    profile=profile.name,
                    deadline=None if deadline is None else deadline.isoformat(),
                    path=("delegations",),
                )
            )
    elif count > maximum:
        out.append(
            violation(
                Code.WORKSHOP_ENTERPRISES_TOO_MANY,
                workshop=workshop.id,
                count=count,
                maximum=maximum,
                limit_from=limit_from,
                limit=limit,
                path=("delegations",),
            )
        )
    return out


def _delegations(workshop: Workshop, profile: Profile) -> list[RuleViolation]:
    """Each delegation's findings in order, then the representation of roles."""
    firms, people = _first_places(workshop)
    out: list[RuleViolation] = []
    managers = workers = 0
    for i, d in enumerate(workshop.delegations):
        roles = [p.role for p in d.participants]
        counts = (roles.count(Role.MANAGER), roles.count(Role.WORKER))
        managers, workers = managers + counts[0], workers + counts[1]
        out += _duplicate_firm(workshop, i, firms)
        out += _make_up(d, i, counts, profile)
        out += _one_sex(d, i)
        out += _people_of(workshop, d, i, people)
    return out + _representation(workshop, managers, workers)


def _first_places(
    workshop: Workshop,
) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Where each enterprise and each person is first listed."""
    firms: dict[str, int] = {}
    people: dict[str, tuple[int, int]] = {}
    for i, d in enumerate(workshop.delegations):
        firms.setdefault(d.enterprise.id, i)
        for j, person in enumerate(d.participants):
            people.setdefault(person.key, (i, j))
    return firms, people


def _duplicate_firm(
    workshop: Workshop, i: int, firms: Mapping[str, int]
) -> list[RuleViolation]:
    firm = workshop.delegations[i].enterprise.id
    if firms[firm] == i:
        return []
    return [
        violation(
            Code.WORKSHOP_ENTERPRISE_DUPLICATE,
            enterprise=firm,
            workshop=workshop.id,
            other=f"delegations[{firms[firm]}]",
            path=("delegations", i, "enterprise"),
        )
    ]


def _make_up(
    d: Delegation, i: int, roles: tuple[int, int], profile: Profile
) -> list[RuleViolation]:
    """Joint training, and the profile's number of managers and of workers."""
    out: list[RuleViolation] = []
    firm, rule, path = d.enterprise.id, profile.delegation, ("delegations", i)
    managers, workers = roles
    if not (managers and workers):
        out.append(
            violation(
                Code.WORKSHOP_DELEGATION_NOT_JOINT,
                enterprise=firm,
                managers=managers,
                workers=workers,
                path=(*path, "participants"),
            )
        )
    for code, n, wanted in (
        (Code.WORKSHOP_DELEGATION_MANAGERS, managers, rule.managers),
        (Code.WORKSHOP_DELEGATION_WORKERS, workers, rule.workers),
    ):
        wrong = n != wanted if rule.exact else n < wanted
        if n and wrong:
            out.append(
                violation(
                    code,
                    enterprise=firm,
                    count=n,
                    profile=profile.name,
                    expected=wanted,
                    exact=rule.exact,
                    path=(*path, "participants"),
                )
            )
    return out


def _one_sex(d: Delegation, i: int) -> list[RuleViolation]:
    """A delegation of one sex from an enterprise employing both."""
    sexes = {p.gender for p in d.participants}
    if not (d.enterprise.employs_both_sexes and len(sexes) == 1):
        return []
    (only,) = sexes
    return [
        violation(
            Code.WORKSHOP_DELEGATION_ONE_SEX,
            enterprise=d.enterprise.id,
            sex=only.value,
            path=("delegations", i, "participants"),
        )
    ]


def _people_of(
    workshop: Workshop,
    d: Delegation,
    i: int,
    people: Mapping[str, tuple[int, int]],
) -> list[RuleViolation]:
    """People of another enterprise, and people listed before."""
    out: list[RuleViolation] = []
    firm = d.enterprise.id
    for j, person in enumerate(d.participants):
        spot = ("delegations", i, "participants", j)
        if person.enterprise_id is not None and person.enterprise_id != firm:
            out.append(
                violation(
                    Code.WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE,
                    person=person.name,
                    person_enterprise=person.enterprise_id,
                    enterprise=firm,
                    path=spot,
                )
            )
        a, b = people[person.key]
        if (a, b) != (i, j):
            out.append(
                violation(
                    Code.WORKSHOP_PARTICIPANT_DUPLICATE,
                    person=person.name,
                    workshop=workshop.id,
                    other=f"delegations[{a}].participants[{b}]",
                    path=spot,
                )
            )
    return out


def _representation(
    workshop: Workshop, managers: int, workers: int
) -> list[RuleViolation]:
    """As many managers as workers in the whole workshop."""
    if managers == workers:
        return []
    return [
        violation(
            Code.WORKSHOP_REPRESENTATION_UNEQUAL,
            workshop=workshop.id,
            managers=managers,
            workers=workers,
            path=("delegations",),
        )
    ]


def _days(
    workshop: Workshop, profile: Profile, calendar: WorkCalendar | None
) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    module = profile.get_catalogue()[workshop.module]
    # One classroom date per day, or per session for a module in sessions.
    expected = profile.classroom_days_for(module) or module.format.classroom_sessions
    if expected is not None and len(workshop.days) != expected:
        out.append(
            violation(
                Code.WORKSHOP_DAYS_COUNT,
                workshop=workshop.id,
                count=len(workshop.days),
                module=module.code,
                expected=expected,
                profile=profile.name,
                path=("days",),
            )
        )
    if calendar is None:
        return out
    out += check_years(
        calendar, (d.year for d in workshop.days), path=("days",)
    ).violations
    return out + _days_off(calendar, workshop.days, "days")


def _days_off(
    calendar: WorkCalendar, days: Sequence[date], field: str
) -> list[RuleViolation]:
    """A finding for each classroom day the calendar knows to be a day off.

    Days of a year the calendar does not cover are left to :func:`check_years`.
    """
    return [
        violation(
            Code.WORKSHOP_DAY_NOT_WORKING,
            day=day.isoformat(),
            calendar=calendar.name,
            path=(field, i),
        )
        for i, day in enumerate(days)
        if calendar.covers(day.year) and not calendar.is_working_day(day)
    ]


def _trainers(workshop: Workshop) -> list[RuleViolation]:
    if not workshop.trainers:
        return [
            violation(
                Code.WORKSHOP_TRAINERS_NONE, workshop=workshop.id, path=("trainers",)
            )
        ]
    out: list[RuleViolation] = []
    for k, trainer in enumerate(workshop.trainers):
        others = workshop.trainers[:k] + workshop.trainers[k + 1 :]
        seen: set[str] = set()
        for day in dict.fromkeys((workshop.first_day, workshop.last_day)):
            for v in check_trainer(
                trainer, workshop.module, on=day, co_trainers=others
            ):
                if v.code not in seen:
                    seen.add(v.code)
                    out.append(v.under("trainers", k))
    return out


# -- enrolment and the waitlist ------------------------------------------------------
def _to_ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


class Placement(enum.StrEnum):
    """Where an enrolment or a withdrawal left the enterprise."""

    #: Enrolled among the workshop's delegations.
    ENROLLED = "enrolled"
    #: On the waitlist, as the workshop is full.
    WAITLISTED = "waitlisted"
    #: Taken out of the workshop (or its waitlist).
    WITHDRAWN = "withdrawn"
    #: Nothing changed: the enterprise was already where it was asked to be.
    UNCHANGED = "unchanged"


@attrs.frozen(kw_only=True)
class Enrolment:
    """The outcome of :func:`enrol` or :func:`withdraw`.

    Adding what is already there, or removing what is not, is no error: the
    workshop comes back unchanged with a warning finding, so that an
    enrolment tool replaying a form twice does not crash. Every such "add"
    or "remove" operation of score_core answers this way.

    Attributes:
        workshop: The workshop after the operation.
        enterprise: The enterprise's id.
        placement: Where the enterprise now stands.
        promoted: Waiting enterprises that took a freed place (withdrawal).
        findings: Empty, or the warning that nothing changed.
    """

    workshop: Workshop = attrs.field(validator=attrs.validators.instance_of(Workshop))
    enterprise: str = attrs.field(validator=non_empty_str)
    placement: Placement = attrs.field(
        validator=attrs.validators.instance_of(Placement)
    )
    promoted: tuple[str, ...] = attrs.field(
        default=(), converter=_to_ids, validator=items_of(str)
    )
    findings: Report = attrs.field(
        factory=Report, validator=attrs.validators.instance_of(Report)
    )
    report = _renamed_to_findings()


def _unchanged(
    workshop: Workshop, enterprise: str, code: Code, *, place: str | None = None
) -> Enrolment:
    """The workshop as it was, with the warning that says why."""
    finding = (
        violation(code, enterprise=enterprise, workshop=workshop.id)
        if place is None
        else violation(code, enterprise=enterprise, workshop=workshop.id, place=place)
    )
    return Enrolment(
        workshop=workshop,
        enterprise=enterprise,
        placement=Placement.UNCHANGED,
        findings=Report(violations=(finding,)),
    )


def enrol(
    workshop: Workshop, delegation: Delegation, *, profile: Profile | None = None
) -> Enrolment:
    """Enrol ``delegation``, or waitlist it when the workshop is full.

    An enterprise already enrolled or waiting is left where it is: the
    workshop comes back unchanged with a ``workshop.enrolment.already``
    warning (no exception).

    >>> from datetime import date
    >>> from score_core import Delegation, Enterprise, Workshop, enrol
    >>> shop = Workshop(id="W1", module="M1", days=(date(2026, 3, 2),))
    >>> firm = Delegation(enterprise=Enterprise(id="E1", name="Gears", headcount=80))
    >>> first = enrol(shop, firm)
    >>> first.placement.value, len(first.workshop.delegations)
    ('enrolled', 1)
    >>> again = enrol(first.workshop, firm)
    >>> again.placement.value, again.findings.codes
    ('unchanged', ('workshop.enrolment.already',))
    """
    used = default_profile() if profile is None else profile
    firm = delegation.enterprise.id
    for place, group in (
        (Placement.ENROLLED.value, workshop.delegations),
        (Placement.WAITLISTED.value, workshop.waitlist),
    ):
        if any(d.enterprise.id == firm for d in group):
            return _unchanged(
                workshop, firm, Code.WORKSHOP_ENROLMENT_ALREADY, place=place
            )
    maximum, _, _ = _capacity(workshop, used)
    if len(workshop.delegations) < maximum:
        return Enrolment(
            workshop=attrs.evolve(
                workshop, delegations=(*workshop.delegations, delegation)
            ),
            enterprise=firm,
            placement=Placement.ENROLLED,
        )
    return Enrolment(
        workshop=attrs.evolve(workshop, waitlist=(*workshop.waitlist, delegation)),
        enterprise=firm,
        placement=Placement.WAITLISTED,
    )


def withdraw(
    workshop: Workshop, enterprise_id: str, *, profile: Profile | None = None
) -> Enrolment:
    """Take the enterprise out of the workshop (or its waitlist).

    The first waiting delegations take the places that free up
    (:attr:`Enrolment.promoted`). An enterprise that is neither enrolled nor
    waiting leaves the workshop unchanged, with a
    ``workshop.enrolment.absent`` warning.
    """
    used = default_profile() if profile is None else profile
    delegations = [d for d in workshop.delegations if d.enterprise.id != enterprise_id]
    waiting = [d for d in workshop.waitlist if d.enterprise.id != enterprise_id]
    if len(delegations) + len(waiting) == len(workshop.delegations) + len(
        workshop.waitlist
    ):
        return _unchanged(workshop, enterprise_id, Code.WORKSHOP_ENROLMENT_ABSENT)
    maximum, _, _ = _capacity(workshop, used)
    promoted: list[str] = []
    while waiting and len(delegations) < maximum:
        moved = waiting.pop(0)
        delegations.append(moved)
        promoted.append(moved.enterprise.id)
    return Enrolment(
        workshop=attrs.evolve(
            workshop, delegations=tuple(delegations), waitlist=tuple(waiting)
        ),
        enterprise=enterprise_id,
        placement=Placement.WITHDRAWN,
        promoted=tuple(promoted),
    )


# -- attendance ------------------------------------------------------------
class Presence(enum.StrEnum):
    """A participant's presence on one classroom day."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


@attrs.frozen(kw_only=True)
class AttendanceMark:
    """One participant's presence on one day.

    Attributes:
        participant: The participant's key (its id, else its name).
        day: The classroom day.
        presence: Present, absent or excused.
    """

    participant: str = attrs.field(validator=non_empty_str)
    day: date = attrs.field(validator=a_date)
    presence: Presence = attrs.field(validator=attrs.validators.instance_of(Presence))


def _to_marks(value: Iterable[AttendanceMark]) -> tuple[AttendanceMark, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class AttendanceSheet:
    """The presence of each participant on each classroom day of a workshop.

    A participant with no mark for a day counts as absent that day.

    Raises:
        InvalidValueError: when a participant is marked twice for one day.
    """

    workshop_id: str = attrs.field(validator=non_empty_str)
    marks: tuple[AttendanceMark, ...] = attrs.field(
        default=(), converter=_to_marks, validator=items_of(AttendanceMark)
    )

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[str, date]] = set()
        for mark in self.marks:
            key = (mark.participant, mark.day)
            if key in seen:
                raise InvalidValueError(
                    f"AttendanceSheet: {mark.participant} is marked twice on "
                    f"{mark.day}",
                    field="marks",
                )
            seen.add(key)

    def presence(self, participant: str, day: date) -> Presence:
        """The participant's presence that day (absent when unmarked)."""
        for mark in self.marks:
            if mark.participant == participant and mark.day == day:
                return mark.presence
        return Presence.ABSENT


@attrs.frozen(kw_only=True)
class DelegationAttendance:
    """Whether one delegation attended the workshop, and why not.

    Attributes:
        enterprise_id: The enterprise.
        attended: True when enough managers and workers were present every day.
        short_days: The days with too few managers or workers present.
    """

    enterprise_id: str
    attended: bool
    short_days: tuple[date, ...] = ()


def attendance(
    workshop: Workshop, sheet: AttendanceSheet, *, profile: Profile | None = None
) -> tuple[DelegationAttendance, ...]:
    """Which delegations attended the workshop.

    A delegation attended when at least the profile's managers and workers
    (one of each by default) were present on every classroom day.
    """
    used = default_profile() if profile is None else profile
    present = {
        (m.participant, m.day) for m in sheet.marks if m.presence is Presence.PRESENT
    }
    out = []
    for d in workshop.delegations:
        short = []
        for day in workshop.days:
            here = [p for p in d.participants if (p.key, day) in present]
            managers = sum(1 for p in here if p.role is Role.MANAGER)
            if managers < used.attendance_min_managers or (
                len(here) - managers < used.attendance_min_workers
            ):
                short.append(day)
        out.append(
            DelegationAttendance(
                enterprise_id=d.enterprise.id,
                attended=not short,
                short_days=tuple(short),
            )
        )
    return tuple(out)


def record_attendance(
    records: Mapping[str, EnterpriseRecord],
    workshop: Workshop,
    sheet: AttendanceSheet,
    *,
    profile: Profile | None = None,
) -> Mapping[str, EnterpriseRecord]:
    """The records with a workshop-attended step for each delegation that attended.

    The step is dated the last classroom day. Records of enterprises that did
    not attend are returned unchanged; the result is a new, immutable mapping
    (:class:`~score_core.FrozenMap`).

    Raises:
        TransitionError: when a record cannot take the step (for example its
            intake visit is not recorded).
        UnknownNameError: when an attending enterprise has no record (a
            ``LookupError``, as a missing key is).
    """
    result = dict(records)
    for outcome in attendance(workshop, sheet, profile=profile):
        if outcome.attended:
            record = result.get(outcome.enterprise_id)
            if record is None:
                raise UnknownNameError(
                    f"enterprise {outcome.enterprise_id} attended workshop "
                    f"{workshop.id} but has no record among the {len(result)} given"
                )
            result[outcome.enterprise_id] = record.advance(
                workshop.module,
                ModuleState.WORKSHOP_ATTENDED,
                on=workshop.last_day,
                note=f"workshop {workshop.id}",
            )
    return FrozenMap(result)


# -- statistics ------------------------------------------------------------
@attrs.frozen(kw_only=True)
class StatisticsRow:
    """Counts for one role and sex.

    Attributes:
        role: Manager or worker.
        gender: Female or male.
        participants: People enrolled.
        present: Person-days present.
        absent: Person-days absent (unmarked days included).
        excused: Person-days excused.
    """

    role: Role
    gender: Gender
    participants: int = 0
    present: int = 0
    absent: int = 0
    excused: int = 0


def _to_rows(value: Iterable[StatisticsRow]) -> tuple[StatisticsRow, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class WorkshopStatistics:
    """Participants and attendance by role and sex; add them up with ``+``.

    Attributes:
        workshops: How many workshops are counted.
        rows: One row per role and sex, always all four.
    """

    workshops: int = 0
    rows: tuple[StatisticsRow, ...] = attrs.field(
        factory=lambda: tuple(
            StatisticsRow(role=r, gender=g) for r in Role for g in Gender
        ),
        converter=_to_rows,
    )

    def row(self, role: Role, gender: Gender) -> StatisticsRow:
        """The counts for one role and sex."""
        for row in self.rows:
            if row.role is role and row.gender is gender:
                return row
        return StatisticsRow(role=role, gender=gender)

    def total(self, *, role: Role | None = None, gender: Gender | None = None) -> int:
        """Participants, optionally of one role or one sex."""
        return sum(
            r.participants
            for r in self.rows
            if (role is None or r.role is role)
            and (gender is None or r.gender is gender)
        )

    def __add__(self, other: WorkshopStatistics) -> WorkshopStatistics:
        if not isinstance(other, WorkshopStatistics):
            return NotImplemented
        rows = []
        for role in Role:
            for gender in Gender:
                a, b = self.row(role, gender), other.row(role, gender)
                rows.append(
                    StatisticsRow(
                        role=role,
                        gender=gender,
                        participants=a.participants + b.participants,
                        present=a.present + b.present,
                        absent=a.absent + b.absent,
                        excused=a.excused + b.excused,
                    )
                )
        return WorkshopStatistics(
            workshops=self.workshops + other.workshops, rows=tuple(rows)
        )

    @classmethod
    def combine(cls, many: Sequence[WorkshopStatistics]) -> WorkshopStatistics:
        """The sum of many workshops' statistics."""
        total = cls()
        for stats in many:
            total = total + stats
        return total


def workshop_statistics(
    workshop: Workshop, sheet: AttendanceSheet | None = None
) -> WorkshopStatistics:
    """Participants by role and sex, and their attendance when a sheet is given."""
    people: Counter[tuple[Role, Gender]] = Counter()
    days: Counter[tuple[Role, Gender, Presence]] = Counter()
    for person in workshop.participants:
        people[person.role, person.gender] += 1
        if sheet is not None:
            for day in workshop.days:
                days[person.role, person.gender, sheet.presence(person.key, day)] += 1
    rows = tuple(
        StatisticsRow(
            role=r,
            gender=g,
            participants=people[r, g],
            present=days[r, g, Presence.PRESENT],
            absent=days[r, g, Presence.ABSENT],
            excused=days[r, g, Presence.EXCUSED],
        )
        for r in Role
        for g in Gender
    )
    return WorkshopStatistics(workshops=1, rows=rows)
