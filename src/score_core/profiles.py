"""Profiles: every parameter that varies by country and phase, with its source.

A :class:`Profile` holds what SCORE.md's table says varies: the employee
band, enterprises per workshop, the delegation each enterprise sends,
classroom days, follow-up visits and their window, currency, cost-coverage
targets per module group, sectors, the working calendar and the profile's
validity. Each value says where it comes from (:class:`Provenance`): a
source, a default score_core chose where the sources are silent, or the user.

Profiles are registered by name; ``cn-phase-2`` (SCORE China Phase II) is the
default.

>>> from score_core import get_profile
>>> china = get_profile()
>>> china.name, china.employees.minimum, china.employees.maximum, china.currency
('cn-phase-2', 50, 500, 'CNY')
>>> china.source_of("employees").source
'BJ-II; SEED'
>>> china.source_of("min_visit_gap_days").basis.value
'default'

Derive a profile of your own; what you change is marked as yours:

>>> mine = china.derive(name="cn-zhejiang", title="Zhejiang pilots", follow_up_visits=4)
>>> mine.parent, mine.follow_up_visits, mine.source_of("follow_up_visits").basis.value
('cn-phase-2', 4, 'user')
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from score_core._data import messages
from score_core._frozen import freeze
from score_core._registry import Registry
from score_core._validators import (
    country_code,
    decimal_fraction,
    int_at_least,
    non_empty_str,
    optional_date,
    optional_non_empty_str,
    registry_name,
    typed,
)
from score_core.catalogue import Catalogue, ModuleCode, TrainingModule, get_catalogue
from score_core.codes import Code, violation
from score_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownNameError,
)
from score_core.findings import Report
from score_core.money import currency_code
from score_core.parameters import (
    Resolution,
    Resolved,
    Timeline,
    describe_period,
    out_of_force,
    relation,
)


__all__ = [
    "Band",
    "Basis",
    "CoverageTarget",
    "DelegationRule",
    "Profile",
    "Provenance",
    "default_profile",
    "get_profile",
    "latest_profile",
    "profile_names",
    "register_profile",
    "value_text",
]

DEFAULT_PROFILE = "cn-phase-2"

T = TypeVar("T")


def _check_maximum(inst: Band, _attr: object, value: int) -> None:
    if value < inst.minimum:
        raise InvalidValueError(
            f"Band.maximum ({value}) must not be below Band.minimum ({inst.minimum})",
            field="maximum",
        )


@attrs.frozen(kw_only=True)
class Band:
    """A whole-number range, inclusive at both ends (50 to 500 employees).

    >>> band = Band(minimum=50, maximum=500)
    >>> [n in band for n in (49, 50, 500, 501)]
    [False, True, True, False]
    """

    minimum: int = attrs.field(validator=int_at_least(0))
    maximum: int = attrs.field(validator=[int_at_least(0), _check_maximum])

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.minimum <= value <= self.maximum

    def __str__(self) -> str:
        return f"{self.minimum} to {self.maximum}"


@attrs.frozen(kw_only=True)
class DelegationRule:
    """Who each enterprise sends to a workshop.

    Attributes:
        managers: Managers per enterprise (classic: 2).
        workers: Workers per enterprise (classic: 2).
        exact: True when the numbers are exact; False when they are minimums.
    """

    managers: int = attrs.field(default=2, validator=int_at_least(1))
    workers: int = attrs.field(default=2, validator=int_at_least(1))
    exact: bool = attrs.field(default=True, validator=typed(bool))

    def __str__(self) -> str:
        qualifier = "exactly" if self.exact else "at least"
        return f"{qualifier} {self.managers} managers and {self.workers} workers"


@attrs.frozen(kw_only=True)
class CoverageTarget:
    """Target share of the full training cost paid by non-ILO sources.

    Cost coverage counts enterprise fees, government budgets, sponsors such as
    lead buyers, and in-kind contributions ([MTE-II] p.35). Targets may differ
    between Module 1 and the later modules (Ghana, Indonesia).

    Attributes:
        module1: Target share for Module 1, between 0 and 1.
        later_modules: Target share for every other module, between 0 and 1.
    """

    module1: Decimal = attrs.field(validator=decimal_fraction)
    later_modules: Decimal = attrs.field(validator=decimal_fraction)

    @classmethod
    def uniform(cls, share: Decimal) -> CoverageTarget:
        """The same target for every module."""
        return cls(module1=share, later_modules=share)

    def for_module(self, code: str) -> Decimal:
        """The target for a module: Module 1's, or the later modules'."""
        return self.module1 if code == ModuleCode.M1 else self.later_modules


class Basis(enum.StrEnum):
    """Where a profile value comes from."""

    #: A cited public source states it.
    SOURCE = "source"
    #: score_core's documented choice where the sources are silent.
    DEFAULT = "default"
    #: Set by whoever built or derived the profile.
    USER = "user"
    #: A sourced value applied past the period its source describes (a
    #: profile carried forward): the citation is the original one.
    CARRIED = "carried"
    #: Nobody said (a profile built without provenance).
    UNSTATED = "unstated"


@attrs.frozen(kw_only=True)
class Provenance:
    """Where one profile value comes from.

    Attributes:
        basis: Source, default, user or unstated.
        source: Citation (source keys and locators) when the basis is SOURCE.
        note: What the value rests on, or what the sources leave open.
    """

    basis: Basis = attrs.field(validator=attrs.validators.instance_of(Basis))
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.basis in (Basis.SOURCE, Basis.CARRIED) and self.source is None:
            raise InvalidValueError(
                f"Provenance.source is required when the basis is {self.basis.value!r}",
                field="source",
            )

    def __str__(self) -> str:
        if self.source is None:
            text = self.basis.value
        elif self.basis is Basis.CARRIED:
            text = f"carried forward, source {self.source}"
        else:
            text = f"source {self.source}"
        return f"{text}: {self.note}" if self.note else text


_UNSTATED = Provenance(basis=Basis.UNSTATED)


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_sectors(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _to_modules(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _to_days(value: Mapping[str, int]) -> Mapping[str, int]:
    return freeze(value)


def _to_provenance(value: Mapping[str, Provenance]) -> Mapping[str, Provenance]:
    return freeze(value)


def _check_strings(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    for item in value or ():  # type: ignore[attr-defined]
        if not isinstance(item, str) or not item.strip():
            raise InvalidValueError(
                f"Profile.{attr.name} must hold non-empty strings, got {item!r}",
                field=attr.name,
            )


def _check_days(_inst: object, _attr: object, value: Mapping[str, int]) -> None:
    for code, days in value.items():
        if (
            not isinstance(code, str)
            or isinstance(days, bool)
            or not isinstance(days, int)
        ):
            raise InvalidTypeError(
                f"Profile.classroom_days must map module codes to int, got "
                f"{code!r}: {days!r}",
                field="classroom_days",
            )
        if days < 1:
            raise InvalidValueError(
                f"Profile.classroom_days[{code!r}] must be at least 1, got {days}",
                field="classroom_days",
            )


def _check_valid_to(inst: Profile, _attr: object, value: date | None) -> None:
    if inst.valid_from is not None and value is not None and value < inst.valid_from:
        raise InvalidValueError(
            f"Profile.valid_to ({value}) is before valid_from ({inst.valid_from})",
            field="valid_to",
        )


def _check_visit_days(_inst: object, _attr: object, value: object) -> None:
    if not isinstance(value, Decimal):
        raise InvalidTypeError(
            f"Profile.visit_days must be a Decimal, not {type(value).__name__} "
            f"({value!r})",
            field="visit_days",
        )
    if not value.is_finite() or value <= 0:
        raise InvalidValueError(
            f"Profile.visit_days must be a positive number of days, got {value}",
            field="visit_days",
        )


def _check_coverage(_inst: object, _attr: object, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Timeline):
        raise InvalidTypeError(
            f"Profile.coverage_targets must be a Timeline, not {type(value).__name__}",
            field="coverage_targets",
        )
    for entry in value.entries:
        if not isinstance(entry.value, CoverageTarget):
            raise InvalidTypeError(
                "Profile.coverage_targets must hold CoverageTarget values",
                field="coverage_targets",
            )


@attrs.frozen(kw_only=True)
class Profile:
    """The parameters of SCORE in one country and phase.

    Attributes:
        name: Registry name, such as ``cn-phase-2``.
        title: Readable name.
        country: ISO 3166-1 alpha-2 code, or None for a cross-country profile.
        phase: Programme phase, such as ``II``.
        institutions: The national institutions that deliver SCORE.
        parent: The profile this one was derived from, if any.
        valid_from: First day the profile applies (None: no start).
        valid_to: Last day the profile applies (None: no end).
        catalogue: Name of the registered module catalogue the profile uses.
        currency: ISO 4217 code of prices and costs.
        employees: Employee band of eligible enterprises, inclusive.
        headcount_review_margin: Employees outside the band that still get a
            review instead of a refusal (the sources say "approximately").
        sectors: Sectors covered, or None for all.
        enterprises_per_workshop: Enterprises trained together.
        delegation: Managers and workers each enterprise sends.
        classroom_days: Classroom days per module code, overriding the
            catalogue's format for those modules.
        intake_visit: Whether each module opens with an intake visit.
        follow_up_visits: In-factory visits after each classroom workshop.
        follow_up_window_months: Months after the last classroom day within
            which the follow-up visits fall.
        min_visit_gap_days: Least number of days between two follow-up
            visits.
        visit_days: Length of one visit in consultant days.
        intake_lead_days: Least number of days from an intake visit to the
            first classroom day.
        min_reschedule_notice_days: Least notice, in days, for moving a
            planned visit.
        max_reschedules_per_visit: How often one visit may be moved.
        eit_min_members: Least size of an Enterprise Improvement Team.
        attendance_min_managers: Managers of a delegation present every
            classroom day for the delegation to have attended.
        attendance_min_workers: Workers of a delegation present every
            classroom day for the delegation to have attended.
        max_trainer_visits_per_day: Most visits one person (a trainer, or an
            inspector of a pair) makes on one day, in a season's check.
        max_trainer_visits_per_week: Most visits one person makes in one ISO
            week (Monday to Sunday), in a season's check.
        paired_visit_modules: Modules whose visits a trainer makes with a
            safety inspector (China's pilots with SAWS, for OSH); none by
            default.
        max_package_months: Most months a multi-module package takes, from
            its first day to its last follow-up visit.
        coverage_targets: Cost-coverage targets over time, or None.
        calendar: Name of the working calendar (a country code such as ``CN``
            for public holidays), or None for Monday to Friday.
        provenance: Where each value comes from, by parameter name.
    """

    name: str = attrs.field(validator=registry_name)
    title: str = attrs.field(validator=non_empty_str)
    country: str | None = attrs.field(default=None, validator=country_code)
    phase: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    institutions: tuple[str, ...] = attrs.field(
        default=(), converter=_to_str_tuple, validator=_check_strings
    )
    parent: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    valid_from: date | None = attrs.field(default=None, validator=optional_date)
    valid_to: date | None = attrs.field(
        default=None, validator=[optional_date, _check_valid_to]
    )
    catalogue: str = attrs.field(default="score", validator=registry_name)
    currency: str = attrs.field(default="USD", validator=currency_code)
    employees: Band = attrs.field(
        factory=lambda: Band(minimum=50, maximum=250),
        validator=attrs.validators.instance_of(Band),
    )
    headcount_review_margin: int = attrs.field(default=0, validator=int_at_least(0))
    sectors: frozenset[str] | None = attrs.field(
        default=None, converter=_to_sectors, validator=_check_strings
    )
    enterprises_per_workshop: Band = attrs.field(
        factory=lambda: Band(minimum=4, maximum=5),
        validator=attrs.validators.instance_of(Band),
    )
    delegation: DelegationRule = attrs.field(
        factory=DelegationRule, validator=attrs.validators.instance_of(DelegationRule)
    )
    classroom_days: Mapping[str, int] = attrs.field(
        factory=dict, converter=_to_days, validator=_check_days, hash=False
    )
    intake_visit: bool = attrs.field(default=True, validator=typed(bool))
    follow_up_visits: int = attrs.field(default=3, validator=int_at_least(0))
    follow_up_window_months: int = attrs.field(default=3, validator=int_at_least(1))
    min_visit_gap_days: int = attrs.field(default=14, validator=int_at_least(0))
    visit_days: Decimal = attrs.field(default=Decimal(1), validator=_check_visit_days)
    intake_lead_days: int = attrs.field(default=7, validator=int_at_least(1))
    min_reschedule_notice_days: int = attrs.field(default=2, validator=int_at_least(0))
    max_reschedules_per_visit: int = attrs.field(default=2, validator=int_at_least(0))
    eit_min_members: int = attrs.field(default=2, validator=int_at_least(2))
    attendance_min_managers: int = attrs.field(default=1, validator=int_at_least(1))
    attendance_min_workers: int = attrs.field(default=1, validator=int_at_least(1))
    max_trainer_visits_per_day: int = attrs.field(default=1, validator=int_at_least(1))
    max_trainer_visits_per_week: int = attrs.field(default=4, validator=int_at_least(1))
    paired_visit_modules: frozenset[str] = attrs.field(
        factory=frozenset, converter=_to_modules, validator=_check_strings
    )
    max_package_months: int = attrs.field(default=9, validator=int_at_least(1))
    coverage_targets: Timeline[CoverageTarget] | None = attrs.field(
        default=None, validator=_check_coverage
    )
    calendar: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    provenance: Mapping[str, Provenance] = attrs.field(
        factory=dict, converter=_to_provenance, hash=False
    )

    def __attrs_post_init__(self) -> None:
        names = set(PARAMETERS)
        for key, value in self.provenance.items():
            if key not in names:
                raise InvalidValueError(
                    f"Profile.provenance names {key!r}, which is not a profile "
                    f"parameter",
                    field="provenance",
                )
            if not isinstance(value, Provenance):
                raise InvalidTypeError(
                    f"Profile.provenance[{key!r}] must be a Provenance, not "
                    f"{type(value).__name__}",
                    field="provenance",
                )

    # -- provenance --------------------------------------------------------------
    def source_of(self, parameter: str) -> Provenance:
        """Where a parameter's value comes from (``unstated`` when nobody said).

        Raises:
            UnknownNameError: for a name that is not a profile parameter.
        """
        if parameter not in PARAMETERS:
            raise UnknownNameError(
                f"{parameter!r} is not a profile parameter; parameters: "
                f"{', '.join(PARAMETERS)}"
            )
        return self.provenance.get(parameter, _UNSTATED)

    def text_of(self, parameter: str) -> str:
        """A parameter's value in words, as explanations quote it.

        Kept on the profile once said (a screening or a workshop check asks
        for the same words again and again); the profile itself never
        changes, so its words never go stale.

        >>> from score_core import get_profile
        >>> get_profile("cn-phase-2").text_of("employees")
        '50 to 500'

        Raises:
            UnknownNameError: for a name that is not a profile parameter.
        """
        return self.remember(("text_of", parameter), lambda: self._text(parameter))

    def _text(self, parameter: str) -> str:
        self.source_of(parameter)  # an unknown name raises here
        return value_text(getattr(self, parameter))

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make()`` derives from this profile, made once and kept on it.

        For rules that ask a profile the same question many times (the words
        of its parameters, a screening's context): the profile never
        changes, so what is derived from it never goes stale, and it goes
        when the profile goes. ``key`` names the question; ``make`` must
        depend on this profile (and on what ``key`` holds) alone.
        """
        said = self._memo
        if key not in said:
            said[key] = make()
        value: T = said[key]
        return value

    # Not a field: the private memo of :meth:`remember`, made on first use
    # (attrs turns a cached_property of a slotted class into a slot).
    @functools.cached_property
    def _memo(self) -> dict[Hashable, Any]:
        return {}

    def parameters(self) -> Iterator[tuple[str, Any, Provenance]]:
        """Each parameter's name, value and provenance, in declaration order."""
        for name in PARAMETERS:
            yield name, getattr(self, name), self.source_of(name)

    # -- dates ---------------------------------------------------------------------
    @property
    def validity(self) -> str:
        """The validity period in words."""
        return describe_period(self.valid_from, self.valid_to)

    def in_force(self, on: date) -> bool:
        """True when ``on`` lies within the profile's validity."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def check_in_force(
        self, on: date, *, mode: Resolution = Resolution.LENIENT
    ) -> Report:
        """Check the profile applies on ``on``.

        Returns:
            An empty report when in force; otherwise (in LENIENT mode, the
            default) a ``profile.not_in_force`` warning naming the date where
            the profile's sources stop (or start) and their citation: the
            profile's values are applied as they stand.

        Raises:
            NotInForceError: in STRICT mode when the profile is not in force.
        """
        if self.in_force(on):
            return Report()
        error = out_of_force(
            messages.PROFILE_NOT_IN_FORCE.format(
                name=self.name, on=on, validity=self.validity
            ),
            mode=mode,
        )
        if error is not None:
            raise error
        side, bound = relation(on, self.valid_from, self.valid_to)
        parameter = "valid_to" if side == "after" else "valid_from"
        return Report(
            violations=(
                violation(
                    Code.PROFILE_NOT_IN_FORCE,
                    profile=self.name,
                    on=on.isoformat(),
                    valid=self.validity,
                    parameter=parameter,
                    relation=side,
                    bound=bound.isoformat(),
                    source=self.source_of(parameter).source,
                    basis=self.source_of(parameter).basis.value,
                ),
            )
        )

    def coverage_target(
        self, on: date, *, mode: Resolution = Resolution.LENIENT
    ) -> Resolved[CoverageTarget] | None:
        """The cost-coverage target in force on ``on``.

        Returns None when the profile sets no target. Past (or before) the
        targets' dates, the nearest one with a ``parameter.stale`` warning,
        unless ``mode`` is STRICT.

        Raises:
            NotInForceError: in STRICT mode, when no target is in force.
        """
        if self.coverage_targets is None:
            return None
        return self.coverage_targets.at(
            on, mode=mode, parameter="coverage_targets", profile=self.name
        )

    # -- modules ---------------------------------------------------------------------
    def get_catalogue(self) -> Catalogue:
        """The registered catalogue this profile uses.

        Raises:
            UnknownNameError: when no catalogue has that name.
        """
        return get_catalogue(self.catalogue)

    def classroom_days_for(self, module: TrainingModule) -> int | None:
        """Classroom days of a module.

        The profile's override for the module, else the module's own format;
        None when neither says.
        """
        return self.classroom_days.get(module.code, module.format.classroom_days)

    # -- derivation ----------------------------------------------------------------
    def derive(
        self,
        *,
        name: str,
        title: str | None = None,
        provenance: Mapping[str, Provenance] | None = None,
        **changes: Any,
    ) -> Profile:
        """A new profile from this one with some parameters changed.

        Changed parameters are marked :attr:`Basis.USER` unless ``provenance``
        says otherwise; the others keep this profile's provenance. The new
        profile's ``parent`` is this profile's name.

        Args:
            name: The new profile's name.
            title: Its title (this one's, suffixed, by default).
            provenance: Provenance for changed parameters.
            **changes: Parameter values to change.

        Raises:
            UnknownNameError: for a name that is not a profile parameter.
        """
        fields = {a.name for a in attrs.fields(Profile)} - _IDENTITY
        unknown = sorted(set(changes) - fields)
        if unknown:
            raise UnknownNameError(
                f"cannot derive with {', '.join(unknown)}; changeable: "
                f"{', '.join(sorted(fields))}"
            )
        given = dict(provenance or {})
        merged = dict(self.provenance)
        for key in changes:
            if key in PARAMETERS:
                merged[key] = given.pop(key, Provenance(basis=Basis.USER))
        merged.update(given)
        return attrs.evolve(
            self,
            name=name,
            title=f"{self.title} (derived: {name})" if title is None else title,
            parent=self.name,
            provenance=merged,
            **changes,
        )

    def carry_forward(
        self,
        *,
        name: str,
        until: date | None = None,
        title: str | None = None,
        why: str = "carried forward by the user",
    ) -> Profile:
        """This profile's values applied up to ``until`` (open-ended when None).

        The way to run, say, 2026 workshops on the Phase II rules knowingly:
        the new profile's ``valid_to`` becomes ``until`` (a profile without
        an end keeps none), the last entry of every dated parameter (the
        coverage targets) is extended to it, and every sourced value is marked
        :attr:`Basis.CARRIED` with its original citation, so that each
        decision's parameters show what was carried.
        Defaults and the user's own values keep their provenance.

        >>> from datetime import date
        >>> from score_core import check_eligibility, Enterprise, get_profile
        >>> today = get_profile("cn-phase-2").carry_forward(name="cn-2026")
        >>> today.valid_to is None, today.parent
        (True, 'cn-phase-2')
        >>> print(today.source_of("employees"))
        carried forward, source BJ-II; SEED: SMEs of approximately 50-500 employees. ...
        >>> firm = Enterprise(id="E1", name="Gears", headcount=180, country="CN")
        >>> check_eligibility(firm, profile=today, on=date(2026, 12, 2),
        ...                   baseline_modules=()).violations
        ()

        Args:
            name: The new profile's name.
            until: The last day it applies; None for no end.
            title: Its title (this one's, with the carrying said, by default).
            why: Why the values are carried, recorded in the provenance of
                ``valid_to`` and of every carried value.

        Raises:
            InvalidValueError: when ``until`` is before this profile's own
                ``valid_to`` or before the start of a dated parameter's
                last entry (carrying forward never shortens a profile).
        """
        end = self.valid_to
        if until is not None and end is not None and until < end:
            raise InvalidValueError(
                f"carry_forward: until ({until}) is before profile {self.name}'s "
                f"valid_to ({end}); carrying forward never shortens a profile",
                field="until",
            )
        # An open-ended profile stays open: only its dated parameters move.
        changes: dict[str, Any] = {"valid_to": None if end is None else until}
        if self.coverage_targets is not None:
            changes["coverage_targets"] = _targets_until(self.coverage_targets, until)
        derived = self.derive(
            name=name,
            title=f"{self.title} (carried forward: {name})" if title is None else title,
            **changes,
        )
        provenance = self._carried_provenance(until, why)
        return attrs.evolve(derived, provenance={**derived.provenance, **provenance})

    def _carried_provenance(
        self, until: date | None, why: str
    ) -> dict[str, Provenance]:
        """``valid_to`` as the user's choice, and every sourced value carried."""
        since = "" if self.valid_to is None else f" past {self.valid_to}"
        provenance = {
            "valid_to": Provenance(
                basis=Basis.USER,
                note=f"{why}: {self.name} (valid {self.validity}) applied "
                f"{describe_period(None, until)}.",
            )
        }
        for parameter, value in self.provenance.items():
            if parameter != "valid_to" and value.basis is Basis.SOURCE:
                provenance[parameter] = attrs.evolve(
                    value,
                    basis=Basis.CARRIED,
                    note=f"{value.note} ({why}, from {self.name}{since})".strip(),
                )
        return provenance


_IDENTITY = frozenset({"name", "title", "parent", "provenance"})

#: The names of the parameters that carry a provenance, in order.
PARAMETERS: tuple[str, ...] = (
    "country",
    "valid_from",
    "valid_to",
    "catalogue",
    "currency",
    "employees",
    "headcount_review_margin",
    "sectors",
    "enterprises_per_workshop",
    "delegation",
    "classroom_days",
    "intake_visit",
    "follow_up_visits",
    "follow_up_window_months",
    "min_visit_gap_days",
    "visit_days",
    "intake_lead_days",
    "min_reschedule_notice_days",
    "max_reschedules_per_visit",
    "eit_min_members",
    "attendance_min_managers",
    "attendance_min_workers",
    "max_trainer_visits_per_day",
    "max_trainer_visits_per_week",
    "paired_visit_modules",
    "max_package_months",
    "coverage_targets",
    "calendar",
)

_PROFILES: Registry[Profile] = Registry("profile", unique=True)


def register_profile(profile: Profile) -> Profile:
    """Register a profile by name.

    Raises:
        ConfigurationError: when a profile with that name is registered.
    """
    return _PROFILES.add(profile.name, profile)


def get_profile(name: str | None = None) -> Profile:
    """The registered profile with this name; ``cn-phase-2`` when None.

    A country code (``cn``, ``CN``) that is not itself a profile's name gives
    that country's latest profile (:func:`latest_profile`), so that a tool
    need not hard-code a phase:

    >>> get_profile("cn").name
    'cn-mem'

    Raises:
        UnknownNameError: when no profile has that name, and no profile is for
            that country.
    """
    key = DEFAULT_PROFILE if name is None else name
    if key not in _PROFILES and len(key) == 2 and key.isascii() and key.isalpha():
        return latest_profile(key)
    return _PROFILES.get(key)


def latest_profile(country: str) -> Profile:
    """The registered profile of ``country`` that starts latest.

    Profiles without a start count as the earliest; among profiles with the
    same start, the one whose name sorts last.

    >>> latest_profile("gh").name
    'gh-phase-2'

    Raises:
        UnknownNameError: when no registered profile is for that country.
    """
    code = country.upper()
    every = [_PROFILES.get(name) for name in _PROFILES]
    mine = [p for p in every if p.country == code]
    if not mine:
        known = sorted({p.country for p in every if p.country})
        raise UnknownNameError(
            f"no profile is registered for country {country!r}; countries: "
            f"{', '.join(known)}"
        )
    return max(mine, key=lambda p: (p.valid_from or date.min, p.name))


def default_profile() -> Profile:
    """The default profile, ``cn-phase-2`` (SCORE China Phase II)."""
    return get_profile(DEFAULT_PROFILE)


def profile_names() -> tuple[str, ...]:
    """The names of all registered profiles, sorted."""
    return _PROFILES.names()


def _targets_until(
    targets: Timeline[CoverageTarget], until: date | None
) -> Timeline[CoverageTarget]:
    """The coverage targets with the last one extended to ``until``."""
    last = targets.last
    if until is not None and last.start is not None and until < last.start:
        raise InvalidValueError(
            f"carry_forward: until ({until}) is before the last coverage "
            f"target's start ({last.start})",
            field="until",
        )
    return Timeline(
        entries=(*targets.entries[:-1], attrs.evolve(last, end=until)),
        allow_gaps=targets.allow_gaps,
    )


# -- parameters in words ----------------------------------------------------------
def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


def _coverage_text(target: CoverageTarget) -> str:
    if target.module1 == target.later_modules:
        return _percent(target.module1)
    return f"M1 {_percent(target.module1)}, later {_percent(target.later_modules)}"


def value_text(value: Any) -> str:
    """A profile parameter's value in words, as explanations quote it.

    >>> value_text(get_profile("gh-phase-2").coverage_targets)
    'M1 50%, later 60% from 2013-01-01 to 2017-10-31'
    >>> value_text(None), value_text(True), value_text(frozenset({"b", "a"}))
    ('-', 'yes', 'a, b')
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, frozenset):
        return ", ".join(sorted(value)) or "-"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) or "-"
    if isinstance(value, Timeline):
        # A profile's only timeline holds coverage targets (checked when built).
        return "; ".join(f"{_coverage_text(e.value)} {e.period}" for e in value.entries)
    return str(value)


# The built-in profiles are data, kept apart from these rules: see
# score_core._data.profiles. They register when this module is imported.
from score_core._data import profiles as _builtin  # noqa: E402


for _profile in _builtin.PROFILES:
    register_profile(_profile)
