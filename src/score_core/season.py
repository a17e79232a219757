"""A season: many module plans, the same few trainers.

An institution plans many workshops and visit cycles in a season with a
handful of certified trainers. A :class:`Season` holds the plans
(:func:`~score_core.plan_module` results), the trainers, and who is
assigned to what (:class:`Assignment`: a plan's classroom days, or an
enterprise's visits). :func:`check_season` reports, each finding at its
path into the plans:

- a person booked in two places on one day: a classroom day and anything
  else (``season.trainer.double_booked``);
- more visits in a day, or in an ISO week, than the profile allows
  (``season.trainer.day_limit``, ``season.trainer.week_limit``; the
  sources give no limit: one a day and four a week are documented
  defaults);
- a trainer who may not deliver the module on that day
  (:func:`~score_core.check_trainer`'s findings: certification, its dates,
  a candidate without an expert at the same visit, the entry module);
- a visit of a paired module without both a trainer and a safety inspector
  (``season.visit.unpaired``, China's pilots with SAWS: BJ-SAWS);
- classroom days and visits nobody is assigned to, and assignments that
  name a plan, an enterprise, a visit or a trainer the season lacks.

>>> from datetime import date
>>> from score_core import (Certification, Enterprise, Trainer, TrainerLevel,
...                         plan_module, weekday_calendar)
>>> from score_core.season import Assignment, Season, check_season
>>> firms = [Enterprise(id=f"E{i}", name=f"Firm {i}", headcount=120) for i in (1, 2)]
>>> plan = plan_module(firms, module="M1", earliest=date(2026, 3, 2),
...                    calendar=weekday_calendar(), plan_id="P1")
>>> li = Trainer(id="T1", name="Li Wei", certifications=(
...     Certification(module="M1", level=TrainerLevel.CERTIFIED,
...                   certified_on=date(2015, 3, 1)),
... ))
>>> season = Season(id="2026-spring", plans=(plan,), trainers=(li,), assignments=(
...     Assignment(person="T1", plan="P1"),
...     Assignment(person="T1", plan="P1", enterprise="E1"),
...     Assignment(person="T1", plan="P1", enterprise="E2"),
... ))
>>> report = check_season(season)
>>> sorted(set(report.codes))
['season.trainer.day_limit']
>>> print(report.violations[0].message)
T1 makes 2 visits on 2026-03-02; profile cn-phase-2 allows 1 a day
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from score_core._validators import (
    items_of,
    non_empty_str,
    optional_non_empty_str,
    typed,
)
from score_core.codes import Code, violation
from score_core.errors import InvalidValueError
from score_core.findings import PathItem, Report, RuleViolation
from score_core.people import Trainer, check_trainer
from score_core.profiles import Profile, default_profile, get_profile
from score_core.visits import ModulePlan, Visit, VisitCycle


__all__ = [
    "Assignment",
    "Season",
    "SeasonRole",
    "check_season",
]

Found = list[RuleViolation]
Path = tuple[PathItem, ...]


class SeasonRole(enum.StrEnum):
    """Who a person is at a visit: the trainer, or the safety inspector of a pair."""

    TRAINER = "trainer"
    #: A government safety inspector visiting with a trainer (China's pilots
    #: with SAWS, BJ-SAWS); not a SCORE trainer, so not in the roster.
    INSPECTOR = "inspector"


def _to_numbers(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _check_numbers(inst: Assignment, _attr: object, value: tuple[int, ...]) -> None:
    for number in value:
        if type(number) is not int or number < 0:
            raise InvalidValueError(
                f"Assignment.visits holds visit numbers (0 and up), got {number!r}",
                field="visits",
            )
    if value and inst.enterprise is None:
        raise InvalidValueError(
            "Assignment.visits names visits of an enterprise's cycle: give the "
            "enterprise",
            field="visits",
        )
    if len(set(value)) != len(value):
        raise InvalidValueError(
            f"Assignment.visits names a visit twice: {list(value)}", field="visits"
        )


@attrs.frozen(kw_only=True)
class Assignment:
    """A person assigned to a plan's classroom days, or to an enterprise's visits.

    Attributes:
        person: The trainer's id (in the season's roster), or the
            inspector's.
        plan: The plan's id.
        enterprise: None for the plan's classroom days; else the enterprise
            whose visits (of that plan's cycle) the person makes.
        visits: The numbers of those visits; none for every visit.
        role: Trainer (the default) or safety inspector.
    """

    person: str = attrs.field(validator=non_empty_str)
    plan: str = attrs.field(validator=non_empty_str)
    enterprise: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    visits: tuple[int, ...] = attrs.field(
        default=(), converter=_to_numbers, validator=_check_numbers
    )
    role: SeasonRole = attrs.field(
        default=SeasonRole.TRAINER, validator=typed(SeasonRole)
    )


def _unique(what: str, ids: Sequence[str]) -> None:
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    if twice:
        raise InvalidValueError(
            f"Season: {what} ids must be unique; twice: {', '.join(twice)}",
            field=what + "s",
        )


def _to_plans(value: Iterable[ModulePlan]) -> tuple[ModulePlan, ...]:
    return tuple(value)


def _to_trainers(value: Iterable[Trainer]) -> tuple[Trainer, ...]:
    return tuple(value)


def _to_assignments(value: Iterable[Assignment]) -> tuple[Assignment, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Season:
    """An institution's plans of a season, its trainers and who does what.

    Attributes:
        id: The season's name.
        plans: The module plans (ids unique).
        trainers: The trainers (ids unique): the roster assignments name.
        assignments: Who is assigned to which classroom days and visits.
    """

    id: str = attrs.field(validator=non_empty_str)
    plans: tuple[ModulePlan, ...] = attrs.field(
        converter=_to_plans, validator=items_of(ModulePlan)
    )
    trainers: tuple[Trainer, ...] = attrs.field(
        default=(), converter=_to_trainers, validator=items_of(Trainer)
    )
    assignments: tuple[Assignment, ...] = attrs.field(
        default=(), converter=_to_assignments, validator=items_of(Assignment)
    )

    def __attrs_post_init__(self) -> None:
        _unique("plan", [p.id for p in self.plans])
        _unique("trainer", [t.id for t in self.trainers])


def check_season(season: Season, *, profile: Profile | None = None) -> Report:
    """Everything wrong with a season's bookings, each finding at its path.

    Classroom days and the active visits (planned or done, on the day they
    were held) count; missed and cancelled visits do not. Two visits to the
    same enterprise on one day (two modules' cycles) are one trip. The rules
    are listed in the module's description; findings come in the order of
    their paths (``("plans", i, "cycles", k, "visits", n)``, or
    ``("assignments", j)`` for an assignment that names what the season
    lacks).

    Args:
        season: The season.
        profile: The limits and the paired modules; by default the profile
            the plans name (from the registry) when they all name one, else
            the default profile.

    Raises:
        UnknownNameError: when the plans all name a profile that is not
            registered and none is given.
    """
    used = _profile(season) if profile is None else profile
    slots, unknown = _slots(season)
    found = [
        *unknown,
        *_unassigned(season, slots, used.paired_visit_modules),
        *_double_booked(slots),
        *_limits(slots, used),
        *_certified(season, slots),
        *_pairs(season, slots, used),
    ]
    found.sort(key=lambda v: v.path)
    return Report(violations=tuple(found))


def _profile(season: Season) -> Profile:
    names = {p.profile for p in season.plans}
    return get_profile(names.pop()) if len(names) == 1 else default_profile()


@attrs.frozen
class _Slot:
    """One day of one plan's classroom, or one visit, with who is booked on it."""

    path: Path
    day: date
    plan: ModulePlan
    #: The visit by number (``year_after`` for the year-after visit), or
    #: None for a classroom day.
    visit_ref: int | str | None
    #: The classroom day's number (from 1), or None for a visit.
    classroom_day: int | None
    place: str  # the plan's id for its classroom; the enterprise for a visit
    visit: Visit | None
    people: dict[str, SeasonRole] = attrs.field(factory=dict, eq=False)

    @property
    def module(self) -> str:
        return self.plan.module


def _all_slots(season: Season) -> dict[Path, _Slot]:
    """Every classroom day and active visit of the season, by path, in order."""
    slots: dict[Path, _Slot] = {}
    for i, plan in enumerate(season.plans):
        for d, day in enumerate(plan.classroom):
            path: Path = ("plans", i, "classroom", d)
            slots[path] = _Slot(path, day, plan, None, d + 1, plan.id, None)
        for k, cycle in enumerate(plan.cycles):
            for n, visit in enumerate(cycle.visits):
                if visit.active:
                    path = ("plans", i, "cycles", k, "visits", n)
                    slots[path] = _Slot(
                        path,
                        visit.held_on,
                        plan,
                        visit.ref,
                        None,
                        cycle.enterprise,
                        visit,
                    )
    return slots


@attrs.frozen
class _Planned:
    """A plan, its index in the season, and its cycles by enterprise."""

    index: int
    plan: ModulePlan
    cycles: dict[str, tuple[int, VisitCycle]]


def _index(season: Season) -> dict[str, _Planned]:
    """Each plan by id, its cycles by enterprise (the first, if one repeats)."""
    found: dict[str, _Planned] = {}
    for i, plan in enumerate(season.plans):
        cycles: dict[str, tuple[int, VisitCycle]] = {}
        for k, cycle in enumerate(plan.cycles):
            cycles.setdefault(cycle.enterprise, (k, cycle))
        found[plan.id] = _Planned(i, plan, cycles)
    return found


def _slots(season: Season) -> tuple[dict[Path, _Slot], Found]:
    """The slots with their people, and the assignments naming what is not there."""
    slots = _all_slots(season)
    plans = _index(season)
    roster = {t.id for t in season.trainers}
    found: Found = []
    for j, job in enumerate(season.assignments):
        missing = _missing(job, plans, roster)
        if missing is not None:
            what, name = missing
            found.append(
                violation(
                    Code.SEASON_ASSIGNMENT_UNKNOWN,
                    person=job.person,
                    what=what,
                    name=name,
                    path=("assignments", j),
                )
            )
            continue
        for path in _paths_of(job, plans[job.plan]):
            if path in slots:  # missed and cancelled visits are not booked
                slots[path].people.setdefault(job.person, job.role)
    return slots, found


def _missing(
    job: Assignment, plans: dict[str, _Planned], roster: set[str]
) -> tuple[str, str | int] | None:
    """What an assignment names that the season does not have, if anything."""
    if job.role is SeasonRole.TRAINER and job.person not in roster:
        return "trainer", job.person
    if job.plan not in plans:
        return "plan", job.plan
    if job.enterprise is None:
        return None
    cycles = plans[job.plan].cycles
    if job.enterprise not in cycles:
        return "enterprise", job.enterprise
    numbers = {v.number for v in cycles[job.enterprise][1].visits}
    absent = [n for n in job.visits if n not in numbers]
    return ("visit", absent[0]) if absent else None


def _paths_of(job: Assignment, planned: _Planned) -> list[Path]:
    i, plan = planned.index, planned.plan
    if job.enterprise is None:
        return [("plans", i, "classroom", d) for d in range(len(plan.classroom))]
    k, cycle = planned.cycles[job.enterprise]
    return [
        ("plans", i, "cycles", k, "visits", n)
        for n, visit in enumerate(cycle.visits)
        if not job.visits or visit.number in job.visits
    ]


def _unassigned(
    season: Season, slots: dict[Path, _Slot], paired: frozenset[str]
) -> Found:
    """A warning for each classroom and each visit without a trainer.

    A visit of a paired module with only an inspector is left to the pair
    rule.
    """
    taught: set[PathItem] = set()
    found: Found = []
    for slot in slots.values():
        roles = set(slot.people.values())
        if slot.visit is None:
            if SeasonRole.TRAINER in roles:
                taught.add(slot.path[1])
            continue
        if SeasonRole.TRAINER not in roles and not (slot.module in paired and roles):
            found.append(
                violation(
                    Code.SEASON_VISIT_UNASSIGNED,
                    visit=slot.visit_ref,
                    enterprise=slot.place,
                    plan=slot.plan.id,
                    day=slot.day.isoformat(),
                    path=slot.path,
                )
            )
    found += [
        violation(
            Code.SEASON_CLASSROOM_UNASSIGNED,
            plan=plan.id,
            module=plan.module,
            path=("plans", i, "classroom"),
        )
        for i, plan in enumerate(season.plans)
        if i not in taught
    ]
    return found


def _by_person(slots: dict[Path, _Slot]) -> dict[str, list[_Slot]]:
    """Each person's slots, in the order of the season."""
    mine: dict[str, list[_Slot]] = defaultdict(list)
    for slot in slots.values():
        for person in slot.people:
            mine[person].append(slot)
    return mine


def _double_booked(slots: dict[Path, _Slot]) -> Found:
    """A classroom day and anything else for one person on one day."""
    found: Found = []
    for person, mine in _by_person(slots).items():
        days: dict[date, list[_Slot]] = defaultdict(list)
        for slot in mine:
            days[slot.day].append(slot)
        for day, booked in days.items():
            rooms = [s for s in booked if s.visit is None]
            if not rooms:
                continue
            anchor = rooms[0]
            found += [
                _booked_twice(person, day, slot, anchor)
                for slot in booked
                if slot is not anchor
            ]
    return found


def _booked_twice(person: str, day: date, slot: _Slot, anchor: _Slot) -> RuleViolation:
    return violation(
        Code.SEASON_DOUBLE_BOOKED,
        person=person,
        day=day.isoformat(),
        visit=slot.visit_ref,
        classroom_day=slot.classroom_day,
        plan=slot.plan.id,
        where=slot.place if slot.visit else (slot.plan.location or slot.plan.id),
        other_visit=anchor.visit_ref,
        other_classroom_day=anchor.classroom_day,
        other_plan=anchor.plan.id,
        path=slot.path,
    )


def _limits(slots: dict[Path, _Slot], profile: Profile) -> Found:
    """Visits a day and a week beyond the profile's limits, at each one beyond."""
    found: Found = []
    per_day, per_week = (
        profile.max_trainer_visits_per_day,
        profile.max_trainer_visits_per_week,
    )
    for person, mine in _by_person(slots).items():
        trips: dict[tuple[date, str], _Slot] = {}
        for slot in mine:
            if slot.visit is not None:
                trips.setdefault((slot.day, slot.place), slot)
        days: dict[date, list[_Slot]] = defaultdict(list)
        weeks: dict[tuple[int, int], list[_Slot]] = defaultdict(list)
        for (day, _), slot in trips.items():
            days[day].append(slot)
            weeks[day.isocalendar()[:2]].append(slot)
        about: dict[str, Any] = {"person": person, "profile": profile.name}
        for day, visits in days.items():
            found += [
                violation(
                    Code.SEASON_DAY_LIMIT,
                    day=day.isoformat(),
                    count=len(visits),
                    limit=per_day,
                    **about,
                    path=slot.path,
                )
                for slot in visits[per_day:]
            ]
        for (year, week), visits in weeks.items():
            found += [
                violation(
                    Code.SEASON_WEEK_LIMIT,
                    week=f"{year}-W{week:02d}",
                    count=len(visits),
                    limit=per_week,
                    **about,
                    path=slot.path,
                )
                for slot in visits[per_week:]
            ]
    return found


def _certified(season: Season, slots: dict[Path, _Slot]) -> Found:
    """:func:`~score_core.check_trainer` for each trainer on each day booked.

    The other trainers at the same classroom day or visit are the
    co-trainers: a candidate needs an expert trainer for the module there.
    """
    roster = {t.id: t for t in season.trainers}
    found: Found = []
    for slot in slots.values():
        trainers = [
            roster[p] for p, role in slot.people.items() if role is SeasonRole.TRAINER
        ]
        for trainer in trainers:
            others = [t for t in trainers if t is not trainer]
            report = check_trainer(
                trainer, slot.module, on=slot.day, co_trainers=others
            )
            found += report.under(*slot.path).violations
    return found


def _pairs(season: Season, slots: dict[Path, _Slot], profile: Profile) -> Found:
    """A visit of a paired module with someone, but not a trainer and an inspector."""
    paired = profile.paired_visit_modules
    found: Found = []
    for slot in slots.values():
        if slot.visit is None or slot.module not in paired or not slot.people:
            continue
        roles = set(slot.people.values())
        for role in SeasonRole:
            if role not in roles:
                found.append(
                    violation(
                        Code.SEASON_VISIT_UNPAIRED,
                        visit=slot.visit_ref,
                        enterprise=slot.place,
                        module=slot.module,
                        missing=role.value,
                        profile=profile.name,
                        path=slot.path,
                    )
                )
    return found
