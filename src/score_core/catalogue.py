"""The module catalogue: which SCORE modules exist, their formats and their order.

SCORE has five core modules. Module 1, Workplace Cooperation, is compulsory
and comes first; Modules 2 to 5 follow in any order ([PROC], [LIMA]). Later
catalogue entries (Lean Manufacturing, Gender Equality, ...) were added from
Phase III on ([HOME]). The rules live in the data: each module lists its
prerequisites, and a catalogue is checked when it is built (no unknown
prerequisite, no cycle).

>>> from score_core import ModuleCode, default_catalogue
>>> catalogue = default_catalogue()
>>> catalogue[ModuleCode.M3].title
'Productivity through Cleaner Production'
>>> [m.code for m in catalogue.available(completed=[])]
['M1', 'HOCO', 'BASICS', 'COVID-OSH', 'BCP']
>>> "M2" in [m.code for m in catalogue.available(completed=["M1"])]
True

Module codes are plain strings, so users add modules of their own; the
members of :class:`ModuleCode` are the codes score_core ships, and compare
equal to their strings (``ModuleCode.M1 == "M1"``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from score_core._registry import Registry, one_of
from score_core._validators import (
    items_of,
    non_empty_str,
    optional_int_at_least,
    optional_non_empty_str,
    registry_name,
)
from score_core.errors import ConfigurationError, InvalidValueError, UnknownNameError


__all__ = [
    "Catalogue",
    "Delivery",
    "ModuleCode",
    "ModuleFormat",
    "ModuleGroup",
    "ModuleKind",
    "TrainingModule",
    "catalogue_names",
    "default_catalogue",
    "get_catalogue",
    "register_catalogue",
]

_MODULE_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]*$(?!\n)")


class ModuleCode(enum.StrEnum):
    """The codes of the modules score_core ships."""

    #: Workplace Cooperation: compulsory, always first.
    M1 = "M1"
    #: Quality Management (later: Quality Improvement).
    M2 = "M2"
    #: Productivity through Cleaner Production (later: Resource Efficiency).
    M3 = "M3"
    #: Human Resource Management (later: Workforce Management).
    M4 = "M4"
    #: Occupational Safety and Health.
    M5 = "M5"
    LEAN = "LEAN"
    GENDER_EQUALITY = "GENDER"
    RESPONSIBLE_BUSINESS = "RB"
    HOSPITALITY_COACHING = "HOCO"
    WORKING_TIME = "WT"
    SCORE4CLIMATE = "S4C"
    BASICS = "BASICS"
    COVID19_OSH = "COVID-OSH"
    BUSINESS_CONTINUITY = "BCP"


class ModuleGroup(enum.StrEnum):
    """The two module groups of coverage targets and funding rules.

    The sources set targets and rules for Module 1 and for the modules after
    it ([MTE-II] p.35). One spelling everywhere: the values are the field
    names of :class:`~score_core.profiles.CoverageTarget` and
    :class:`~score_core.pricing.FundingRules`, the group of a quote and of a
    portfolio row, and the ``group`` param of findings; :attr:`label` is the
    group in words.

    >>> ModuleGroup.of("M3"), ModuleGroup.of("M3").label
    (<ModuleGroup.LATER_MODULES: 'later_modules'>, 'later modules')
    """

    MODULE1 = "module1"
    LATER_MODULES = "later_modules"

    @classmethod
    def of(cls, module: str) -> ModuleGroup:
        """The group of a module code: Module 1, or every later module."""
        return cls.MODULE1 if module == ModuleCode.M1 else cls.LATER_MODULES

    @property
    def label(self) -> str:
        """The group in words: ``Module 1`` or ``later modules``."""
        return "Module 1" if self is ModuleGroup.MODULE1 else "later modules"


class ModuleKind(enum.StrEnum):
    """Whether a module is one of the five core modules or a later addition."""

    CORE = "core"
    LATER = "later"


class Delivery(enum.StrEnum):
    """How a module is delivered."""

    CLASSROOM = "classroom"
    ONLINE = "online"
    BLENDED = "blended"


def _check_months(inst: ModuleFormat, _attr: object, value: int | None) -> None:
    if inst.min_months is not None and value is not None and value < inst.min_months:
        raise InvalidValueError(
            f"ModuleFormat.max_months ({value}) must not be below min_months "
            f"({inst.min_months})",
            field="max_months",
        )


@attrs.frozen(kw_only=True)
class ModuleFormat:
    """How a module is delivered; None where the sources do not say.

    Attributes:
        delivery: Classroom, online or blended.
        classroom_days: Days in the classroom (the classic SCORE module: 2).
        classroom_sessions: Classroom sessions of unstated length, for a
            module the sources describe in sessions rather than days
            (Hospitality Coaching: 3 sessions over about three months); a
            workshop holds one classroom date per session.
        follow_up_visits: In-factory visits after the classroom workshop.
        min_months: Shortest typical length of the whole module, in months.
        max_months: Longest typical length of the whole module, in months.
        max_enterprises: Most enterprises per workshop, when the module sets
            its own limit (Hospitality Coaching: 6).
    """

    delivery: Delivery = attrs.field(
        default=Delivery.CLASSROOM, validator=attrs.validators.instance_of(Delivery)
    )
    classroom_days: int | None = attrs.field(
        default=None, validator=optional_int_at_least(1)
    )
    classroom_sessions: int | None = attrs.field(
        default=None, validator=optional_int_at_least(1)
    )
    follow_up_visits: int | None = attrs.field(
        default=None, validator=optional_int_at_least(0)
    )
    min_months: int | None = attrs.field(
        default=None, validator=optional_int_at_least(1)
    )
    max_months: int | None = attrs.field(
        default=None, validator=[optional_int_at_least(1), _check_months]
    )
    max_enterprises: int | None = attrs.field(
        default=None, validator=optional_int_at_least(1)
    )


def _check_code(_inst: object, _attr: object, value: Any) -> None:
    if not isinstance(value, str) or not _MODULE_CODE_RE.match(value):
        raise InvalidValueError(
            f"TrainingModule.code must be upper-case letters, digits, '-' or '_' "
            f"such as 'M1', got {value!r}",
            field="code",
        )


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_titles(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _check_titles(_inst: object, _attr: object, value: tuple[str, ...]) -> None:
    for title in value:
        if not isinstance(title, str) or not title.strip():
            raise InvalidValueError(
                f"TrainingModule.other_titles must be non-empty strings, got {title!r}",
                field="other_titles",
            )


def _check_prerequisites(
    inst: TrainingModule, _attr: object, value: frozenset[str]
) -> None:
    for code in value:
        _check_code(inst, None, code)
    if inst.code in value:
        raise InvalidValueError(
            f"module {inst.code} cannot be its own prerequisite", field="prerequisites"
        )


@attrs.frozen(kw_only=True)
class TrainingModule:
    """One SCORE module.

    Attributes:
        code: Stable code, such as ``M1``; see :class:`ModuleCode`.
        title: The title as first published.
        other_titles: Later titles the module has been known by.
        kind: Core module or later addition.
        format: How it is delivered (see :class:`ModuleFormat`).
        prerequisites: Codes of the modules an enterprise completes first
            (all of them).
        source: Citation for the entry (a source key and locator).
        note: What the sources leave open about it.
    """

    code: str = attrs.field(validator=_check_code)
    title: str = attrs.field(validator=non_empty_str)
    other_titles: tuple[str, ...] = attrs.field(
        default=(), converter=_to_titles, validator=_check_titles
    )
    kind: ModuleKind = attrs.field(
        default=ModuleKind.LATER, validator=attrs.validators.instance_of(ModuleKind)
    )
    format: ModuleFormat = attrs.field(
        factory=ModuleFormat, validator=attrs.validators.instance_of(ModuleFormat)
    )
    prerequisites: frozenset[str] = attrs.field(
        default=frozenset(), converter=_to_codes, validator=_check_prerequisites
    )
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


def _to_modules(value: Iterable[TrainingModule]) -> tuple[TrainingModule, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Catalogue:
    """A named, validated set of modules, in display order.

    Raises:
        ConfigurationError: when built with a repeated code, an unknown
            prerequisite or a prerequisite cycle.
    """

    name: str = attrs.field(validator=registry_name)
    modules: tuple[TrainingModule, ...] = attrs.field(
        converter=_to_modules, validator=items_of(TrainingModule)
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for module in self.modules:
            if module.code in seen:
                raise ConfigurationError(
                    f"catalogue {self.name}: module {module.code} appears twice"
                )
            seen.add(module.code)
        for module in self.modules:
            unknown = sorted(module.prerequisites - seen)
            if unknown:
                raise ConfigurationError(
                    f"catalogue {self.name}: module {module.code} requires unknown "
                    f"module{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"
                )
        cycle = self._find_cycle()
        if cycle:
            raise ConfigurationError(
                f"catalogue {self.name}: prerequisite cycle {' -> '.join(cycle)}"
            )

    def _find_cycle(self) -> list[str]:
        requires = {m.code: sorted(m.prerequisites) for m in self.modules}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        stack: list[str] = []

        def visit(code: str) -> list[str]:
            state[code] = 1
            stack.append(code)
            for nxt in requires[code]:
                if state.get(nxt) == 1:
                    return [*stack[stack.index(nxt) :], nxt]
                if nxt not in state:
                    found = visit(nxt)
                    if found:
                        return found
            stack.pop()
            state[code] = 2
            return []

        for code in requires:
            if code not in state:
                found = visit(code)
                if found:
                    return found
        return []

    # -- lookup ---------------------------------------------------------------
    def __getitem__(self, code: str) -> TrainingModule:
        return one_of(
            self.modules, "code", code, owner=f"catalogue {self.name}", what="module"
        )

    def __contains__(self, code: object) -> bool:
        return any(module.code == code for module in self.modules)

    def __iter__(self) -> Iterator[TrainingModule]:
        return iter(self.modules)

    def __len__(self) -> int:
        return len(self.modules)

    @property
    def codes(self) -> tuple[str, ...]:
        """The module codes in catalogue order."""
        return tuple(module.code for module in self.modules)

    # -- order rules -------------------------------------------------------------
    def requirements(self, code: str) -> frozenset[str]:
        """Every module that must be completed before ``code`` (transitively)."""
        result: set[str] = set()
        pending = list(self[code].prerequisites)
        while pending:
            current = pending.pop()
            if current not in result:
                result.add(current)
                pending.extend(self[current].prerequisites)
        return frozenset(result)

    def available(self, completed: Iterable[str]) -> tuple[TrainingModule, ...]:
        """Modules not yet completed whose prerequisites are all completed.

        Args:
            completed: Codes of the modules the enterprise has completed.
        """
        done = frozenset(completed)
        return tuple(
            m for m in self.modules if m.code not in done and m.prerequisites <= done
        )

    def missing_prerequisites(
        self, code: str, completed: Iterable[str]
    ) -> tuple[str, ...]:
        """The direct prerequisites of ``code`` not in ``completed``, sorted."""
        return tuple(sorted(self[code].prerequisites - frozenset(completed)))

    # -- derivation --------------------------------------------------------------
    def derive(
        self,
        *,
        name: str,
        add: Iterable[TrainingModule] = (),
        remove: Iterable[str] = (),
    ) -> Catalogue:
        """A new catalogue from this one: modules added or replaced, some removed.

        A module in ``add`` whose code exists replaces it in place; new ones
        go at the end. The result is validated like any catalogue.

        >>> from score_core import TrainingModule
        >>> ethiopia = default_catalogue().derive(
        ...     name="et-kec",
        ...     remove=["M3", "M4"],
        ... )
        >>> ethiopia.codes[:4]
        ('M1', 'M2', 'M5', 'LEAN')
        """
        removed = frozenset(remove)
        unknown = sorted(removed - set(self.codes))
        if unknown:
            raise UnknownNameError(
                f"catalogue {self.name} has no module {', '.join(unknown)} to remove"
            )
        additions = {module.code: module for module in add}
        modules = [
            additions.pop(m.code, m) for m in self.modules if m.code not in removed
        ]
        modules.extend(additions.values())
        return Catalogue(name=name, modules=tuple(modules))


_CATALOGUES: Registry[Catalogue] = Registry("catalogue")


def register_catalogue(catalogue: Catalogue) -> Catalogue:
    """Register a catalogue by its name, so that profiles can refer to it.

    Raises:
        ConfigurationError: when another catalogue has that name.
    """
    return _CATALOGUES.add(catalogue.name, catalogue)


def get_catalogue(name: str) -> Catalogue:
    """The registered catalogue with this name.

    Raises:
        UnknownNameError: when none has that name.
    """
    return _CATALOGUES.get(name)


def catalogue_names() -> tuple[str, ...]:
    """The names of all registered catalogues, sorted."""
    return _CATALOGUES.names()


def default_catalogue() -> Catalogue:
    """The SCORE catalogue as score_core ships it (registered as ``score``)."""
    return _CATALOGUES.get("score")


# The SCORE catalogue is data, kept apart from these rules: see
# score_core._data.catalogue. It registers when this module is imported.
from score_core._data import catalogue as _builtin  # noqa: E402


register_catalogue(_builtin.SCORE)
