"""Monitoring and results: indicators, measurements anchored on a baseline, reports.

SCORE collects two kinds of indicator during training: yes/no good-practice
indicators and numeric KPIs, taken at the baseline assessment and at
follow-up visits, with counts of people split by sex (SME measurement case
study; MTE-II p.15). Evaluations found aggregated KPIs unreliable (MTE-II
p.14); score_core makes them trustworthy by construction: every measurement
is checked against its indicator (unit, sex split, yes/no values), every
result is a change from that enterprise's own baseline, aggregates never mix
indicators or units, and a zero baseline or a small sample is a finding, never
a silent division or a confident average.

>>> from datetime import date
>>> from decimal import Decimal
>>> from score_core import changes, default_indicators, Measurement
>>> from score_core.monitoring import Point
>>> base = Measurement(enterprise="CQ-001", indicator="defect_rate", on=date(2015, 3, 2),
...                    value=Decimal("4.0"), unit="percent", point=Point.BASELINE)
>>> later = Measurement(enterprise="CQ-001", indicator="defect_rate", on=date(2015, 6, 15),
...                     value=Decimal("2.5"), unit="percent", point=Point.VISIT, visit=3)
>>> (change,) = changes([base, later]).changes
>>> change.absolute, change.relative, change.improved
(Decimal('-1.5'), Decimal('-0.375'), True)
"""  # noqa: E501

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, NoReturn

import attrs

from score_core._registry import Registry, one_of
from score_core._validators import (
    a_date,
    int_at_least,
    items_of,
    non_empty_str,
    optional_non_empty_str,
    registry_name,
    typed,
)
from score_core.codes import Code, violation
from score_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from score_core.findings import Report, RuleViolation


__all__ = [
    "Aggregate",
    "AggregateSet",
    "Change",
    "ChangeSet",
    "Direction",
    "Indicator",
    "IndicatorKind",
    "IndicatorSet",
    "Measurement",
    "Point",
    "ResultRow",
    "ResultsReport",
    "aggregate",
    "changes",
    "check_measurements",
    "default_indicators",
    "get_indicator_set",
    "indicator_set_names",
    "register_indicator_set",
    "results_report",
]

_YES_NO = "yes/no"


class IndicatorKind(enum.StrEnum):
    """A yes/no good PRACTICE, or a numeric KPI."""

    PRACTICE = "practice"
    KPI = "kpi"


class Direction(enum.StrEnum):
    """Which way is better: a HIGHER value (productivity) or a LOWER one (defects)."""

    HIGHER = "higher"
    LOWER = "lower"


_CODE = re.compile(r"^[a-z][a-z0-9_-]*$(?!\n)")


def _indicator_code(_inst: object, _attr: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _CODE.match(value):
        raise InvalidValueError(
            f"Indicator.code must be lower-case letters, digits, _ and - such as "
            f"'defect_rate', got {value!r}",
            field="code",
        )


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Indicator:
    """What is measured, in what unit, which way is better.

    Attributes:
        code: A stable name, such as ``defect_rate``.
        title: A readable name.
        kind: A yes/no practice or a numeric KPI.
        unit: The unit every measurement must carry (``yes/no`` for a
            practice).
        direction: Whether higher or lower is better (a practice: higher,
            yes is better).
        modules: The modules the indicator belongs to.
        by_sex: Whether measurements count people by sex (women and men
            must then be given and sum to the value).
        source: Where the indicator comes from, or None.
    """

    code: str = attrs.field(validator=_indicator_code)
    title: str = attrs.field(validator=non_empty_str)
    kind: IndicatorKind = attrs.field(validator=typed(IndicatorKind))
    unit: str = attrs.field(validator=non_empty_str)
    direction: Direction = attrs.field(
        default=Direction.HIGHER, validator=typed(Direction)
    )
    modules: frozenset[str] = attrs.field(
        factory=frozenset, converter=_to_codes, validator=items_of(str)
    )
    by_sex: bool = attrs.field(default=False, validator=typed(bool))
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    def __attrs_post_init__(self) -> None:
        if self.kind is IndicatorKind.PRACTICE and (
            self.unit != _YES_NO
            or self.direction is not Direction.HIGHER
            or self.by_sex
        ):
            raise InvalidValueError(
                f"Indicator {self.code}: a practice indicator is measured yes/no "
                f"(unit {_YES_NO!r}), yes is better, and it is not split by sex",
                field="unit",
            )

    def better(self, delta: Decimal) -> bool:
        """True when a change of ``delta`` is an improvement."""
        return delta > 0 if self.direction is Direction.HIGHER else delta < 0


def _to_indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class IndicatorSet:
    """A named set of indicators: the global set, or a country's adaptation.

    Attributes:
        name: The set's registry name.
        indicators: The indicators, codes unique.
        parent: The set it was derived from, if any.
    """

    name: str = attrs.field(validator=registry_name)
    indicators: tuple[Indicator, ...] = attrs.field(
        converter=_to_indicators, validator=items_of(Indicator)
    )
    parent: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    _by_code: Mapping[str, Indicator] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Indicator] = {}
        for indicator in self.indicators:
            if indicator.code in by_code:
                raise InvalidValueError(
                    f"IndicatorSet {self.name}: indicator {indicator.code} appears "
                    f"twice",
                    field="indicators",
                )
            by_code[indicator.code] = indicator
        object.__setattr__(self, "_by_code", by_code)

    def __getitem__(self, code: str) -> Indicator:
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownNameError(
                f"indicator set {self.name} has no indicator {code!r}"
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    @property
    def codes(self) -> tuple[str, ...]:
        """The indicators' codes, in order."""
        return tuple(i.code for i in self.indicators)

    def derive(
        self,
        *,
        name: str,
        add: Iterable[Indicator] = (),
        remove: Iterable[str] = (),
    ) -> IndicatorSet:
        """A new set: this one less ``remove``, with ``add`` (replacing by code).

        The Better Work pattern: keep the global categories, adapt the
        questions to the country.

        Raises:
            UnknownNameError: for a code to remove that the set lacks.
        """
        gone = set(remove)
        unknown = sorted(gone - set(self.codes))
        if unknown:
            raise UnknownNameError(
                f"indicator set {self.name} has no {', '.join(unknown)} to remove"
            )
        added = {i.code: i for i in add}
        kept = [added.pop(i.code, i) for i in self.indicators if i.code not in gone]
        return IndicatorSet(
            name=name, indicators=(*kept, *added.values()), parent=self.name
        )


class Point(enum.StrEnum):
    """When a measurement was taken: at the BASELINE, a VISIT, or a YEAR_AFTER."""

    BASELINE = "baseline"
    VISIT = "visit"
    YEAR_AFTER = "year_after"


def _check_value(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidValueError(
            f"Measurement.{attr.name} must be a finite Decimal, got {value!r}",
            field=attr.name,
        )


def _check_part(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    _check_value(inst, attr, value)
    assert isinstance(value, Decimal)
    if value < 0:
        raise InvalidValueError(
            f"Measurement.{attr.name} counts people and cannot be negative, "
            f"got {value}",
            field=attr.name,
        )


@attrs.frozen(kw_only=True)
class Measurement:
    """One value of one indicator for one enterprise on one day.

    Attributes:
        enterprise: The enterprise's id.
        indicator: The indicator's code.
        on: The day it was taken.
        value: The value (1 or 0 for a yes/no practice).
        unit: Its unit, which must be the indicator's.
        point: Baseline, visit or a year after.
        visit: The visit's number, for a visit.
        women: The women counted, for an indicator split by sex.
        men: The men counted, for an indicator split by sex.
        module: The module during which it was taken, if known.

    Raises:
        InvalidValueError: when women and men are given and do not sum to the
            value, when only one of them is given, or when a visit number goes
            with anything but a visit.
    """

    enterprise: str = attrs.field(validator=non_empty_str)
    indicator: str = attrs.field(validator=non_empty_str)
    on: date = attrs.field(validator=a_date)
    value: Decimal = attrs.field(validator=_check_value)
    unit: str = attrs.field(validator=non_empty_str)
    point: Point = attrs.field(validator=typed(Point))
    visit: int | None = attrs.field(default=None)
    women: Decimal | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_part)
    )
    men: Decimal | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_part)
    )
    module: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    def __attrs_post_init__(self) -> None:
        if (self.women is None) != (self.men is None):
            raise InvalidValueError(
                f"Measurement of {self.indicator} for {self.enterprise}: give both "
                f"women and men, or neither",
                field="women",
            )
        if (
            self.women is not None
            and self.men is not None
            and self.women + self.men != self.value
        ):
            raise InvalidValueError(
                f"Measurement of {self.indicator} for {self.enterprise}: women "
                f"{self.women} and men {self.men} do not sum to {self.value}",
                field="value",
            )
        if (self.visit is not None) != (self.point is Point.VISIT):
            raise InvalidValueError(
                "Measurement.visit is the visit's number, given for a visit only",
                field="visit",
            )
        if self.visit is not None:
            int_at_least(0)(self, attrs.fields(Measurement).visit, self.visit)


_SETS: Registry[IndicatorSet] = Registry("indicator set")


def register_indicator_set(indicators: IndicatorSet) -> IndicatorSet:
    """Register an indicator set by name.

    Raises:
        ConfigurationError: when another set has that name.
    """
    return _SETS.add(indicators.name, indicators)


def get_indicator_set(name: str) -> IndicatorSet:
    """The registered set with this name.

    Raises:
        UnknownNameError: when none has it.
    """
    return _SETS.get(name)


def indicator_set_names() -> tuple[str, ...]:
    """The names of the registered indicator sets, sorted."""
    return _SETS.names()


def default_indicators() -> IndicatorSet:
    """The global set score_core ships, named ``score``."""
    return _SETS.get("score")


def _kpi(
    code: str,
    title: str,
    unit: str,
    direction: Direction,
    modules: Iterable[str],
    *,
    by_sex: bool = False,
) -> Indicator:
    return Indicator(
        code=code,
        title=title,
        kind=IndicatorKind.KPI,
        unit=unit,
        direction=direction,
        modules=frozenset(modules),
        by_sex=by_sex,
        source="HOME; MTE-II p.19",
    )


def _practice(code: str, title: str, modules: Iterable[str]) -> Indicator:
    return Indicator(
        code=code,
        title=title,
        kind=IndicatorKind.PRACTICE,
        unit=_YES_NO,
        modules=frozenset(modules),
        source="GIMI",
    )


_H, _L = Direction.HIGHER, Direction.LOWER
_ALL = ("M1", "M2", "M3", "M4", "M5")
register_indicator_set(
    IndicatorSet(
        name="score",
        indicators=(
            _practice(
                "eit_in_place",
                "An improvement team of managers and workers meets",
                ["M1"],
            ),
            _practice(
                "suggestion_scheme",
                "Workers' suggestions are collected and answered",
                ["M1"],
            ),
            _practice("quality_checks", "Quality is checked at each stage", ["M2"]),
            _practice("five_s", "5S housekeeping is practised", ["M3"]),
            _practice("hr_policy", "Written human-resource policies exist", ["M4"]),
            _practice("osh_committee", "A safety and health committee meets", ["M5"]),
            _kpi(
                "productivity",
                "Output per worker-day",
                "units per worker-day",
                _H,
                ["M1", "M3"],
            ),
            _kpi("defect_rate", "Defective output", "percent", _L, ["M2"]),
            _kpi("waste", "Material wasted", "percent", _L, ["M3"]),
            _kpi("energy", "Energy used", "kWh per month", _L, ["M3"]),
            _kpi("delivery_time", "Order delivery time", "days", _L, ["M2", "M3"]),
            _kpi("absenteeism", "Working days lost to absence", "percent", _L, ["M4"]),
            _kpi(
                "staff_turnover",
                "Workers who left in the month",
                "people",
                _L,
                ["M4"],
                by_sex=True,
            ),
            _kpi(
                "accidents",
                "Workers injured in accidents",
                "people",
                _L,
                ["M5"],
                by_sex=True,
            ),
            _kpi("jobs_created", "Jobs created", "people", _H, _ALL, by_sex=True),
            _kpi("jobs_lost", "Jobs lost", "people", _L, _ALL, by_sex=True),
            _kpi(
                "suggestions",
                "Workers' suggestions made",
                "suggestions",
                _H,
                ["M1"],
                by_sex=True,
            ),
            _kpi(
                "improvement_projects",
                "Improvement projects done",
                "projects",
                _H,
                _ALL,
            ),
            _kpi("women_share", "Share of women among workers", "percent", _H, ["M4"]),
        ),
    )
)


# -- checking --------------------------------------------------------------------------
def check_measurements(
    measurements: Iterable[Measurement], *, indicators: IndicatorSet | None = None
) -> Report:
    """Every measurement that does not fit its indicator, each with its path.

    Codes: ``monitoring.indicator.unknown``, ``monitoring.unit.mismatch``,
    ``monitoring.sex.missing`` (the split is compulsory where people are
    counted), ``monitoring.practice.value`` (a practice is 1 or 0).
    """
    known = default_indicators() if indicators is None else indicators
    out: list[RuleViolation] = []
    for index, m in enumerate(measurements):
        path = (index,)
        if m.indicator not in known:
            out.append(
                violation(
                    Code.MONITORING_INDICATOR_UNKNOWN,
                    indicator=m.indicator,
                    set=known.name,
                    path=(*path, "indicator"),
                )
            )
            continue
        indicator = known[m.indicator]
        # Each rule: whether it is broken, its code, the field, its own params.
        rules: tuple[tuple[bool, Code, str, dict[str, Any]], ...] = (
            (
                m.unit != indicator.unit,
                Code.MONITORING_UNIT_MISMATCH,
                "unit",
                {"unit": m.unit, "expected": indicator.unit},
            ),
            (
                indicator.by_sex and m.women is None,
                Code.MONITORING_SEX_MISSING,
                "women",
                {"enterprise": m.enterprise},
            ),
            (
                indicator.kind is IndicatorKind.PRACTICE and m.value not in (0, 1),
                Code.MONITORING_PRACTICE_VALUE,
                "value",
                {"value": str(m.value)},
            ),
        )
        out.extend(
            violation(code, indicator=m.indicator, path=(*path, field), **params)
            for broken, code, field, params in rules
            if broken
        )
    return Report(violations=tuple(out))


# -- changes ---------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Change:
    """One enterprise's change on one indicator, from its own baseline.

    Attributes:
        enterprise: The enterprise's id.
        indicator: The indicator's code.
        unit: The unit of both values.
        baseline: The baseline value.
        baseline_on: The baseline's day.
        latest: The latest value compared.
        latest_on: Its day.
        point: Where the latest value was taken.
        absolute: ``latest - baseline``.
        relative: ``absolute / baseline``, or None for a zero baseline.
        improved: Whether the change goes the better way (no change is not
            an improvement).
        women: The change among women, for an indicator split by sex.
        men: The change among men, for an indicator split by sex.
    """

    enterprise: str
    indicator: str
    unit: str
    baseline: Decimal
    baseline_on: date
    latest: Decimal
    latest_on: date
    point: Point
    absolute: Decimal
    relative: Decimal | None
    improved: bool
    women: Decimal | None = None
    men: Decimal | None = None


@attrs.frozen(kw_only=True)
class ChangeSet:
    """Changes from baseline, with the findings met on the way.

    Attributes:
        changes: One change per enterprise and indicator with a baseline.
        findings: Missing baselines, zero baselines.
    """

    changes: tuple[Change, ...]
    findings: Report

    def __add__(self, other: object) -> ChangeSet:
        """The changes of two sets of enterprises together.

        A change is one enterprise's own, from its own baseline, so the
        change sets of measurements partitioned *by enterprise* add exactly:
        ``changes(a) + changes(b) == changes([*a, *b])`` when no enterprise
        has measurements in both, and ``sum()`` of the parts' change sets is
        the whole's. Aggregates hold medians, which do not add: aggregate
        the sum (``aggregate(sum(parts))``).

        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from score_core import Measurement, aggregate, changes
        >>> from score_core.monitoring import Point
        >>> def pair(firm, before, after):
        ...     return [Measurement(enterprise=firm, indicator="waste", unit="percent",
        ...                         on=date(2015, 3, 2), value=Decimal(before),
        ...                         point=Point.BASELINE),
        ...             Measurement(enterprise=firm, indicator="waste", unit="percent",
        ...                         on=date(2015, 9, 1), value=Decimal(after),
        ...                         point=Point.YEAR_AFTER)]
        >>> parts = [changes(pair("E1", 10, 8)),
        ...          changes(pair("E2", 6, 3) + pair("E3", 5, 5))]
        >>> aggregate(sum(parts))["waste"].median
        Decimal('-2')

        Raises:
            InvalidValueError: when an enterprise's indicator is in both sets
                (its measurements were split between them, so neither holds
                its change from its own baseline).
        """
        if not isinstance(other, ChangeSet):
            return NotImplemented
        shared = sorted(self._keys() & other._keys())
        if shared:
            named = ", ".join(" ".join(key) for key in shared[:3])
            more = f" and {len(shared) - 3} more" if len(shared) > 3 else ""
            raise InvalidValueError(
                f"cannot add change sets that both hold {named}{more}: partition "
                f"the measurements by enterprise, so that each enterprise's "
                f"baseline and later values are in the same part"
            )
        merged = sorted(
            (*self.changes, *other.changes), key=lambda c: (c.enterprise, c.indicator)
        )
        findings = sorted(
            (*self.findings.violations, *other.findings.violations),
            key=lambda v: _path_key(v.path),
        )
        return ChangeSet(
            changes=tuple(merged), findings=Report(violations=tuple(findings))
        )

    def __radd__(self, other: object) -> ChangeSet:
        # sum() starts from 0.
        if other == 0:
            return self
        return NotImplemented

    def _keys(self) -> set[tuple[str, ...]]:
        """The enterprises and indicators with a change or a missing baseline."""
        keys: set[tuple[str, ...]] = {(c.enterprise, c.indicator) for c in self.changes}
        keys.update(
            tuple(str(p) for p in v.path)  # (enterprise, indicator)
            for v in self.findings.violations
            if v.code == Code.MONITORING_BASELINE_MISSING
        )
        return keys


def _path_key(path: tuple[str | int, ...]) -> tuple[tuple[int, int, str], ...]:
    """Paths in order, list indexes before keys (never int against str)."""
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


class _HoldsMedians:
    """A base for results that hold medians: adding two of them is refused."""

    __slots__ = ()
    #: What the results are called in the refusal.
    _what: ClassVar[str]

    def __add__(self, other: object) -> NoReturn:
        """Refused: medians do not add (add the change sets instead).

        Raises:
            InvalidTypeError: always, saying what to add instead.
        """
        raise InvalidTypeError(
            f"{self._what} hold medians, which do not add: add the parts' change "
            f"sets (changes(...) of measurements partitioned by enterprise) and "
            f"aggregate the sum, aggregate(sum(change_sets))"
        )

    __radd__ = __add__


def changes(
    measurements: Iterable[Measurement],
    *,
    indicators: IndicatorSet | None = None,
    module: str | None = None,
    point: Point | None = None,
) -> ChangeSet:
    """Each enterprise's change on each indicator from its own baseline.

    The baseline is the enterprise's earliest baseline measurement of the
    indicator; the value compared is its latest other measurement (of
    ``point`` only, when given). ``module`` keeps the indicators of that
    module.

    Raises:
        RuleViolationError: when :func:`check_measurements` finds an error:
            a result is never built on a measurement that does not fit.
    """
    known = default_indicators() if indicators is None else indicators
    items = list(measurements)
    check_measurements(items, indicators=known).raise_for_violations()
    firsts, lasts = _baselines_and_latest(items, known, module, point)
    out: list[Change] = []
    findings: list[RuleViolation] = []
    for key in sorted(lasts):
        base = firsts.get(key)
        if base is None:
            findings.append(
                violation(
                    Code.MONITORING_BASELINE_MISSING,
                    enterprise=key[0],
                    indicator=key[1],
                    path=key,
                )
            )
            continue
        change = _change(known[key[1]], base, lasts[key])
        out.append(change)
        if change.relative is None:
            findings.append(
                violation(
                    Code.MONITORING_BASELINE_ZERO,
                    enterprise=key[0],
                    indicator=key[1],
                    path=key,
                )
            )
    return ChangeSet(changes=tuple(out), findings=Report(violations=tuple(findings)))


_Pairs = dict[tuple[str, str], Measurement]


def _baselines_and_latest(
    items: Iterable[Measurement],
    known: IndicatorSet,
    module: str | None,
    point: Point | None,
) -> tuple[_Pairs, _Pairs]:
    """Per (enterprise, indicator): the earliest baseline, the latest other."""
    firsts: _Pairs = {}
    lasts: _Pairs = {}
    for m in items:
        if module is not None and module not in known[m.indicator].modules:
            continue
        key = (m.enterprise, m.indicator)
        if m.point is Point.BASELINE:
            held = firsts.get(key)
            if held is None or m.on < held.on:
                firsts[key] = m
        elif point is None or m.point is point:
            held = lasts.get(key)
            if held is None or m.on >= held.on:
                lasts[key] = m
    return firsts, lasts


def _change(indicator: Indicator, base: Measurement, latest: Measurement) -> Change:
    """One enterprise's change from its baseline (no relative change from zero)."""
    delta = latest.value - base.value
    split = indicator.by_sex and base.women is not None and latest.women is not None
    return Change(
        enterprise=base.enterprise,
        indicator=indicator.code,
        unit=indicator.unit,
        baseline=base.value,
        baseline_on=base.on,
        latest=latest.value,
        latest_on=latest.on,
        point=latest.point,
        absolute=delta,
        relative=None if base.value == 0 else delta / base.value,
        improved=indicator.better(delta),
        women=_minus(latest.women, base.women) if split else None,
        men=_minus(latest.men, base.men) if split else None,
    )


def _minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


# -- aggregates ------------------------------------------------------------------------
def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _quartiles(values: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    """The medians of the lower and upper halves (Tukey's hinges)."""
    ordered = sorted(values)
    half = (len(ordered) + 1) // 2
    return _median(ordered[:half]), _median(ordered[len(ordered) - half :])


@attrs.frozen(kw_only=True)
class Aggregate:
    """Changes of one indicator over many enterprises.

    Attributes:
        indicator: The indicator's code.
        unit: The unit of every change summed up here.
        n: Enterprises with a baseline and a later value.
        median: Median absolute change.
        lower_quartile: Lower hinge of the absolute changes.
        upper_quartile: Upper hinge.
        median_relative: Median relative change over the enterprises with a
            non-zero baseline, or None when none has one.
        improved: Enterprises whose change goes the better way.
        women: Median change among women, for an indicator split by sex.
        men: Median change among men, for an indicator split by sex.
    """

    indicator: str
    unit: str
    n: int
    median: Decimal
    lower_quartile: Decimal
    upper_quartile: Decimal
    median_relative: Decimal | None
    improved: int
    women: Decimal | None = None
    men: Decimal | None = None

    @property
    def share_improved(self) -> Decimal:
        """The share of enterprises that improved."""
        return Decimal(self.improved) / self.n


@attrs.frozen(kw_only=True)
class AggregateSet(_HoldsMedians):
    """Aggregates per indicator, with the findings behind them.

    Attributes:
        aggregates: One per indicator, by code.
        findings: Small samples, and the change set's findings.
    """

    _what: ClassVar[str] = "aggregates"
    aggregates: tuple[Aggregate, ...]
    findings: Report

    def __getitem__(self, indicator: str) -> Aggregate:
        return one_of(
            self.aggregates, "indicator", indicator, owner="the aggregate set"
        )


def aggregate(change_set: ChangeSet, *, min_n: int = 5) -> AggregateSet:
    """Aggregate changes per indicator: n, median, hinges, share improved.

    Indicators never mix: each aggregate holds one indicator's changes, all
    in its unit. An aggregate of fewer than ``min_n`` enterprises gives a
    ``monitoring.sample.small`` warning (the default, 5, is score_core's
    choice: the sources set none); the change set's own findings (missing or
    zero baselines) carry over.

    Raises:
        InvalidValueError: for ``min_n`` below 1.
    """
    if min_n < 1:
        raise InvalidValueError(f"aggregate needs min_n >= 1, got {min_n}")
    groups: dict[str, list[Change]] = {}
    for change in change_set.changes:
        groups.setdefault(change.indicator, []).append(change)
    out: list[Aggregate] = []
    findings = list(change_set.findings.violations)
    for code in sorted(groups):
        items = groups[code]
        absolute = [c.absolute for c in items]
        relative = [c.relative for c in items if c.relative is not None]
        low, high = _quartiles(absolute)
        women = [c.women for c in items if c.women is not None]
        men = [c.men for c in items if c.men is not None]
        out.append(
            Aggregate(
                indicator=code,
                unit=items[0].unit,
                n=len(items),
                median=_median(absolute),
                lower_quartile=low,
                upper_quartile=high,
                median_relative=_median(relative) if relative else None,
                improved=sum(1 for c in items if c.improved),
                women=_median(women) if women else None,
                men=_median(men) if men else None,
            )
        )
        if len(items) < min_n:
            findings.append(
                violation(
                    Code.MONITORING_SAMPLE_SMALL,
                    indicator=code,
                    n=len(items),
                    minimum=min_n,
                    path=(code,),
                )
            )
    return AggregateSet(
        aggregates=tuple(out), findings=Report(violations=tuple(findings))
    )


# -- results for donors ----------------------------------------------------------------
@attrs.frozen(kw_only=True)
class ResultRow:
    """One indicator's baseline, target and actual for one period (IATI's shape).

    Attributes:
        indicator: The indicator's code.
        title: Its title.
        unit: Its unit.
        direction: Which way is better.
        period: The year of the actual values.
        n: Enterprises counted.
        baseline: Median baseline value of those enterprises.
        baseline_year: The year of the earliest of their baselines.
        target: The target, when one was given.
        actual: Median of their latest values in the period.

    The split by sex of the changes is in :func:`aggregate`.
    """

    indicator: str
    title: str
    unit: str
    direction: Direction
    period: int
    n: int
    baseline: Decimal
    baseline_year: int
    target: Decimal | None
    actual: Decimal


@attrs.frozen(kw_only=True)
class ResultsReport(_HoldsMedians):
    """Results by indicator and period, for donor reporting.

    Attributes:
        indicators: The indicator set's name.
        rows: One row per indicator and period.
        findings: The findings of the changes behind them.
    """

    indicators: str
    _what: ClassVar[str] = "results reports"
    rows: tuple[ResultRow, ...]
    findings: Report


def results_report(
    measurements: Iterable[Measurement],
    *,
    indicators: IndicatorSet | None = None,
    targets: Mapping[str, Decimal] | None = None,
) -> ResultsReport:
    """Baseline, target and actual per indicator and year: the shape IATI uses.

    For each indicator and each year in which enterprises have a later value,
    the row gives the median baseline and the median latest value of those
    enterprises, so baseline and actual describe the same enterprises.

    Raises:
        RuleViolationError: as :func:`changes` does.
    """
    known = default_indicators() if indicators is None else indicators
    found = changes(measurements, indicators=known)
    by_period: dict[tuple[str, int], list[Change]] = {}
    for change in found.changes:
        by_period.setdefault((change.indicator, change.latest_on.year), []).append(
            change
        )
    rows: list[ResultRow] = []
    wanted = dict(targets or {})
    for (code, year), group in sorted(by_period.items()):
        indicator = known[code]
        rows.append(
            ResultRow(
                indicator=code,
                title=indicator.title,
                unit=indicator.unit,
                direction=indicator.direction,
                period=year,
                n=len(group),
                baseline=_median([c.baseline for c in group]),
                baseline_year=min(c.baseline_on.year for c in group),
                target=wanted.get(code),
                actual=_median([c.latest for c in group]),
            )
        )
    return ResultsReport(
        indicators=known.name, rows=tuple(rows), findings=found.findings
    )
