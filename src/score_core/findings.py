"""Findings: what a programme rule says about a valid value.

A rule check never raises for a broken rule: it returns a :class:`Report` of
:class:`RuleViolation` records, each with a stable dotted ``code`` (see
:mod:`score_core.codes`), a :class:`Severity`, a readable ``message``, a
``path`` into the checked value and the ``params`` the message quotes.

>>> from score_core import Report, RuleViolation, Severity
>>> v = RuleViolation(
...     code="eit.no_worker",
...     severity=Severity.ERROR,
...     message="the improvement team of E1 has no worker",
...     path=("members",),
... )
>>> report = Report(violations=(v,))
>>> report.ok, [x.code for x in report.errors], v.path_str
(False, ['eit.no_worker'], '$.members')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from score_core._frozen import FrozenMap, freeze
from score_core._validators import check_type
from score_core.errors import InvalidValueError, RuleViolationError


__all__ = [
    "ParamValue",
    "PathItem",
    "Report",
    "RuleViolation",
    "Severity",
    "render_path",
]

#: A value quoted by a finding: JSON scalars only, so findings travel as JSON.
ParamValue: TypeAlias = str | int | bool | None
#: One step of a path: a field name or a position in a list.
PathItem: TypeAlias = str | int

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$(?!\n)")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$(?!\n)")


class Severity(enum.StrEnum):
    """How much a finding matters.

    An ERROR breaks a rule, a WARNING asks for attention, INFO records a
    decision (such as a date moved to a working day).
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for ERROR, 1 for WARNING, 0 for INFO: higher is more serious."""
        return _RANK[self]


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def render_path(path: Iterable[PathItem]) -> str:
    """Render a path as a JSON path such as ``$.delegations[2].role``.

    >>> render_path(("delegations", 2, "participants", 0, "role"))
    '$.delegations[2].participants[0].role'
    >>> render_path(("sources", "employee band"))
    "$.sources['employee band']"
    """
    out = ["$"]
    for item in path:
        if isinstance(item, int):
            out.append(f"[{item}]")
        elif _IDENT_RE.match(item):
            out.append(f".{item}")
        else:
            out.append(f"[{item!r}]")
    return "".join(out)


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_path(value: Iterable[PathItem]) -> tuple[PathItem, ...]:
    return tuple(value)


def _to_params(value: Mapping[str, ParamValue]) -> Mapping[str, ParamValue]:
    return freeze(value)


def _to_violations(value: Iterable[RuleViolation]) -> tuple[RuleViolation, ...]:
    return tuple(value)


def _check_code(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    check_type("RuleViolation", attribute.name, value, str)
    if not _CODE_RE.match(value):
        raise InvalidValueError(
            f"RuleViolation.code must be a dotted lower-case code such as "
            f"'eligibility.headcount.above_max', got {value!r}",
            field="code",
        )


def _check_path(
    _inst: object, _attribute: attrs.Attribute[Any], value: tuple[PathItem, ...]
) -> None:
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int):
            raise InvalidValueError(
                f"RuleViolation.path items must be str or int, got {item!r}",
                field="path",
            )


def _check_params(
    _inst: object, _attribute: attrs.Attribute[Any], value: Mapping[str, ParamValue]
) -> None:
    for key, item in value.items():
        if not isinstance(key, str) or not (
            item is None or isinstance(item, str | int | bool)
        ):
            raise InvalidValueError(
                f"RuleViolation.params must map str to str, int, bool or None; "
                f"got {key!r}: {item!r}",
                field="params",
            )


@attrs.frozen(kw_only=True)
class RuleViolation:
    """One finding: a rule a valid value breaks, or a decision worth recording.

    Attributes:
        code: Stable dotted code from the catalogue (:mod:`score_core.codes`).
        severity: ERROR, WARNING or INFO.
        message: A readable sentence that quotes the value and the limit.
        path: Where in the checked value the finding points, as field names and
            list positions; rendered by :attr:`path_str`.
        params: The values the message quotes (the input value, the
            parameter, the profile...), as JSON scalars.
    """

    code: str = attrs.field(validator=_check_code)
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    path: tuple[PathItem, ...] = attrs.field(
        default=(), converter=_to_path, validator=_check_path
    )
    params: Mapping[str, ParamValue] = attrs.field(
        factory=FrozenMap,
        converter=_to_params,
        validator=_check_params,
        hash=False,
    )

    @property
    def path_str(self) -> str:
        """The path as a JSON path, such as ``$.delegations[3].participants``."""
        return render_path(self.path)

    def under(self, *prefix: PathItem) -> RuleViolation:
        """This finding with its path nested under ``prefix``.

        >>> RuleViolation(
        ...     code="eit.no_worker", severity=Severity.ERROR, message="m",
        ...     path=("members",),
        ... ).under("teams", 3).path_str
        '$.teams[3].members'
        """
        return attrs.evolve(self, path=prefix + self.path)

    def __str__(self) -> str:
        return f"{self.severity.value}: [{self.code}] {self.message} @ {self.path_str}"


@attrs.frozen(kw_only=True)
class Report:
    """Every finding of one check, in the order the check made them.

    Reports combine with ``+``; :attr:`ok` is true when no finding is an
    ERROR. A report never raises by itself: call
    :meth:`raise_for_violations` when an exception is what you want.
    """

    violations: tuple[RuleViolation, ...] = attrs.field(
        default=(), converter=_to_violations
    )

    @property
    def ok(self) -> bool:
        """True when no finding is an ERROR (warnings and infos are allowed)."""
        return not any(v.severity is Severity.ERROR for v in self.violations)

    @property
    def errors(self) -> tuple[RuleViolation, ...]:
        """The ERROR findings."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[RuleViolation, ...]:
        """The WARNING findings."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[RuleViolation, ...]:
        """The INFO findings."""
        return self._of(Severity.INFO)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of all findings, in order, repeats kept."""
        return tuple(v.code for v in self.violations)

    def _of(self, severity: Severity) -> tuple[RuleViolation, ...]:
        return tuple(v for v in self.violations if v.severity is severity)

    def __add__(self, other: Report) -> Report:
        if not isinstance(other, Report):
            return NotImplemented
        return Report(violations=self.violations + other.violations)

    def __iter__(self) -> Iterator[RuleViolation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    @classmethod
    def combine(cls, reports: Iterable[Report]) -> Report:
        """Join many reports into one, keeping their order."""
        return cls(violations=tuple(v for r in reports for v in r.violations))

    def under(self, *prefix: PathItem) -> Report:
        """This report with every path nested under ``prefix``."""
        return Report(violations=tuple(v.under(*prefix) for v in self.violations))

    def raise_for_violations(self, min_severity: Severity = Severity.ERROR) -> Report:
        """Raise :class:`~score_core.errors.RuleViolationError` when needed.

        Args:
            min_severity: The least serious severity that raises; by default
                only ERROR findings do.

        Returns:
            This report, unchanged, when nothing reaches ``min_severity``.

        Raises:
            RuleViolationError: listing every finding at or above
                ``min_severity``.
        """
        serious = tuple(
            v for v in self.violations if v.severity.rank >= min_severity.rank
        )
        if serious:
            raise RuleViolationError(serious)
        return self

    def summary(self) -> str:
        """One line per finding, or ``no findings``."""
        if not self.violations:
            return "no findings"
        return "\n".join(str(v) for v in self.violations)


def _renamed_to_findings() -> property:
    """A deprecated ``report`` attribute that reads the ``findings`` one.

    Every result type spells its findings ``findings`` (a :class:`Report`);
    the types that said ``report`` before 0.3 keep it for a release, with a
    :class:`DeprecationWarning`.
    """

    def report(self: Any) -> Report:
        import warnings

        warnings.warn(
            f"{type(self).__name__}.report is deprecated; use .findings",
            DeprecationWarning,
            stacklevel=2,
        )
        findings: Report = self.findings
        return findings

    report.__doc__ = "Deprecated: the same as ``findings``."
    return property(report)
