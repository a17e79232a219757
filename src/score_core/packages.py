"""Multi-module packages: several modules for the same enterprises, in sequence.

Donor-funded batches (Ghana's, GH-GIZ) train enterprises in several modules
over six to nine months, where one module takes two to three months
([MTE-II] p.15). :func:`plan_package` plans the modules one after another
for one workshop or the same enterprises: each module a plan of its own
(:func:`~score_core.plan_module`, its own window), each starting after the
last follow-up visit of the one before. A package longer than the
profile's ``max_package_months`` gets a warning.

>>> from datetime import date
>>> from score_core import Enterprise, get_profile, weekday_calendar
>>> from score_core.packages import plan_package
>>> firms = [Enterprise(id=f"GH-{i}", name=f"Firm {i}", headcount=80) for i in (1, 2)]
>>> package = plan_package(firms, modules=["M1", "M2"], earliest=date(2026, 3, 2),
...                        calendar=weekday_calendar(), profile=get_profile("global"))
>>> [(p.module, p.classroom[0].isoformat(), p.window_end.isoformat()) for p in package.plans]
[('M1', '2026-03-09', '2026-06-09'), ('M2', '2026-05-25', '2026-08-25')]
>>> package.first_day.isoformat(), package.last_day.isoformat(), package.findings.codes
('2026-03-02', '2026-07-31', ())
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from score_core._validators import items_of, non_empty_str, typed
from score_core.calendars import Roll, WorkCalendar
from score_core.codes import Code, violation
from score_core.enterprises import Enterprise
from score_core.errors import InvalidValueError, PlanningError
from score_core.findings import Report, RuleViolation
from score_core.parameters import Resolution
from score_core.profiles import Profile, default_profile
from score_core.visits import ModulePlan, VisitKind, _within_dates, plan_module
from score_core.workshops import Workshop


__all__ = ["PackagePlan", "plan_package"]


def _to_strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_plans(value: Iterable[ModulePlan]) -> tuple[ModulePlan, ...]:
    return tuple(value)


def _check_plans(
    inst: PackagePlan, _attr: object, value: tuple[ModulePlan, ...]
) -> None:
    if tuple(p.module for p in value) != inst.modules:
        raise InvalidValueError(
            f"PackagePlan.plans must be the plans of {list(inst.modules)}, in order",
            field="plans",
        )


@attrs.frozen(kw_only=True)
class PackagePlan:
    """The plans of a multi-module package, one module after another.

    Attributes:
        id: The package's id (its first plan's, by default).
        modules: The module codes, in order.
        profile: The name of the profile planned under.
        plans: One plan per module, in order; each has its own window.
        findings: The package's own findings (``plan.package.long``); each
            plan keeps its own.
    """

    id: str = attrs.field(validator=non_empty_str)
    modules: tuple[str, ...] = attrs.field(converter=_to_strs, validator=items_of(str))
    profile: str = attrs.field(validator=non_empty_str)
    plans: tuple[ModulePlan, ...] = attrs.field(
        converter=_to_plans, validator=[items_of(ModulePlan), _check_plans]
    )
    findings: Report = attrs.field(factory=Report, validator=typed(Report))

    @property
    def first_day(self) -> date:
        """The package's first day: its first intake visit or classroom day."""
        return self.plans[0].dates()[0]

    @property
    def last_day(self) -> date:
        """The last follow-up visit of the last module (a year-after visit aside)."""
        return _last_day(self.plans[-1])


def _last_day(plan: ModulePlan) -> date:
    follow_ups = [
        v.on for c in plan.cycles for v in c.visits if v.kind is VisitKind.FOLLOW_UP
    ]
    return max((*follow_ups, plan.classroom[-1]))


@_within_dates
def plan_package(
    subject: Enterprise | Workshop | Iterable[Enterprise],
    *,
    modules: Sequence[str],
    calendar: WorkCalendar,
    earliest: date | None = None,
    profile: Profile | None = None,
    package_id: str | None = None,
    stagger: int = 0,
    convention: Roll = Roll.FOLLOWING,
    mode: Resolution = Resolution.LENIENT,
    year_after: bool = False,
) -> PackagePlan:
    """Plan several modules in sequence for one workshop or the same enterprises.

    The first module is planned as :func:`~score_core.plan_module` plans it
    (from a workshop, it is the workshop's module, on its days); each next
    module is planned for the same enterprises from the day after the last
    follow-up visit of the one before, with its own classroom days and
    window. A module listed before one of its prerequisites refuses the
    package (``plan.package.order``); a prerequisite outside the package is
    eligibility's business. A package that ends more than the profile's
    ``max_package_months`` after its first day is a warning
    (``plan.package.long``).

    Args:
        subject: An enterprise, several, or a workshop.
        modules: The module codes, in order (a workshop's own first).
        calendar: The working-day calendar.
        earliest: The first day the package may use.
        profile: The profile (the default profile when None).
        package_id: The package's id; the first plan's by default.
        stagger: As :func:`~score_core.plan_module` takes it, for each module.
        convention: As :func:`~score_core.plan_module` takes it.
        mode: As :func:`~score_core.plan_module` takes it.
        year_after: A visit a year after each module.

    Raises:
        PlanningError: when a module comes before its prerequisite, or a
            module's plan breaks its rules (its findings under
            ``("plans", k)``).
        InvalidValueError: for no module, a module twice, or a workshop
            whose module is not the first.
        NoWorkingDayError: as :func:`~score_core.plan_module` raises it, and
            when the package would need days past 9999-12-31.
    """
    used = default_profile() if profile is None else profile
    codes = _modules(subject, modules)
    order = _order(used, codes)
    if order:
        raise PlanningError(order)
    options: dict[str, Any] = {
        "calendar": calendar,
        "profile": used,
        "stagger": stagger,
        "convention": convention,
        "mode": mode,
        "year_after": year_after,
    }
    plans = _plans(subject, codes, earliest, options)
    return PackagePlan(
        id=plans[0].id if package_id is None else package_id,
        modules=codes,
        profile=used.name,
        plans=plans,
        findings=Report(violations=tuple(_length(used, plans))),
    )


def _plans(
    subject: Enterprise | Workshop | Iterable[Enterprise],
    codes: tuple[str, ...],
    earliest: date | None,
    options: dict[str, Any],
) -> list[ModulePlan]:
    """Each module's plan, from the day after the one before ends."""
    plans: list[ModulePlan] = []
    start = earliest
    for k, code in enumerate(codes):
        try:
            plan = plan_module(subject, module=code, earliest=start, **options)
        except PlanningError as refused:
            raise PlanningError(
                [v.under("plans", k) for v in refused.violations]
            ) from None
        plans.append(plan)
        if isinstance(subject, Workshop):  # later modules: its enterprises
            subject = tuple(d.enterprise for d in subject.delegations)
        start = _last_day(plan) + timedelta(days=1)
    return plans


def _modules(
    subject: Enterprise | Workshop | Iterable[Enterprise], modules: Sequence[str]
) -> tuple[str, ...]:
    """The package's module codes, checked (misuse raises)."""
    codes = tuple(modules)
    if not codes:
        raise InvalidValueError("plan_package needs at least one module")
    if len(set(codes)) != len(codes):
        raise InvalidValueError(
            f"plan_package: a module appears twice in {list(codes)}"
        )
    if isinstance(subject, Workshop) and codes[0] != subject.module:
        raise InvalidValueError(
            f"plan_package: workshop {subject.id} is of module {subject.module}, "
            f"which comes first; got {list(codes)}"
        )
    return codes


def _order(profile: Profile, codes: tuple[str, ...]) -> list[RuleViolation]:
    """A module before one of its prerequisites that the package also holds."""
    catalogue = profile.get_catalogue()
    found: list[RuleViolation] = []
    for k, code in enumerate(codes):
        later = sorted(p for p in catalogue[code].prerequisites if p in codes[k + 1 :])
        found += [
            violation(
                Code.PLAN_PACKAGE_ORDER,
                module=code,
                prerequisite=p,
                path=("modules", k),
            )
            for p in later
        ]
    return found


def _length(profile: Profile, plans: list[ModulePlan]) -> list[RuleViolation]:
    """A warning when the package ends past the profile's months from its start."""
    first, last = plans[0].dates()[0], _last_day(plans[-1])
    limit = profile.max_package_months
    try:
        end = first + relativedelta(months=limit)
    except ValueError:  # past 9999-12-31: no package can run longer
        return []
    if last <= end:
        return []
    return [
        violation(
            Code.PLAN_PACKAGE_LONG,
            first=first.isoformat(),
            last=last.isoformat(),
            modules=len(plans),
            months=limit,
            profile=profile.name,
            path=("plans", len(plans) - 1),
        )
    ]
