"""Hypothesis strategies for every public score_core type (the ``testing`` extra).

Strategies follow Hypothesis' own API style: plural names, keyword-only
arguments, and arguments you will want to vary take *strategies*. Every
example is valid by construction (it passes score_core's validators), and
none is built by filtering.

Each strategy is built once: calling a strategy function checks its
arguments at once (an :exc:`~hypothesis.errors.InvalidArgument` is raised
by the call, not by the first draw) and returns a strategy made of parts
built in advance, cached for the same arguments. Nothing builds a strategy
while drawing, so the draws are fast enough for Hypothesis' default health
checks and deadline, and failing examples shrink to small ones.

Once score-core is installed, ``st.from_type(score_core.Money)`` (and every
other public type) uses these strategies without importing this module: the
package registers them through Hypothesis' entry point.

>>> from hypothesis import given
>>> from score_core import strategies as sst
>>> @given(sst.monies(currency=sst.currency_codes(), max_value=None))
... def test_split_is_exact(money):
...     assert sum(p.amount for p in money.split(3)) == money.amount
>>> test_split_is_exact()
"""

from __future__ import annotations

import functools
import string
import warnings
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core._hypothesis_plugin import STRATEGY_NAMES, strategy_for
from score_core.calendars import FixedCalendar, WorkCalendar, weekday_calendar
from score_core.catalogue import (
    Catalogue,
    Delivery,
    ModuleCode,
    ModuleFormat,
    ModuleGroup,
    ModuleKind,
    TrainingModule,
    catalogue_names,
)
from score_core.codes import Code, CodeInfo, all_codes, violation
from score_core.eligibility import (
    EligibilityResult,
    Outcome,
    RuleCheck,
    ScreeningSummary,
    Status,
    UsedParameter,
    check_eligibility,
    screen,
)
from score_core.enterprises import Enterprise
from score_core.findings import ParamValue, PathItem, Report, RuleViolation, Severity
from score_core.journey import EnterpriseRecord, ModuleState, StateChange
from score_core.money import MAX_DIGITS, Currency, Money, get_currency
from score_core.money import currencies as _registered_currencies
from score_core.monitoring import (
    Aggregate,
    AggregateSet,
    Change,
    ChangeSet,
    Direction,
    Indicator,
    IndicatorKind,
    IndicatorSet,
    Measurement,
    Point,
    ResultRow,
    ResultsReport,
    aggregate,
    default_indicators,
    results_report,
)
from score_core.monitoring import changes as _changes
from score_core.packages import PackagePlan, plan_package
from score_core.parameters import Dated, Resolution, Resolved, Timeline
from score_core.people import (
    Certification,
    Gender,
    ImprovementTeam,
    Participant,
    Role,
    SupervisedDelivery,
    Trainer,
    TrainerLevel,
)
from score_core.pricing import (
    Allocation,
    BreakEven,
    CostLine,
    CostModel,
    EnterpriseInvoice,
    FeeRule,
    FeeTier,
    FundingPolicy,
    FundingRules,
    GroupRules,
    Payer,
    Payment,
    Portfolio,
    PortfolioRow,
    PortfolioTarget,
    Quote,
    ShareRule,
    break_even,
    fee_for,
    portfolio,
    quote,
)
from score_core.profiles import (
    PARAMETERS,
    Band,
    Basis,
    CoverageTarget,
    DelegationRule,
    Profile,
    Provenance,
    get_profile,
    profile_names,
)
from score_core.season import Assignment, Season, SeasonRole
from score_core.sources import Source, get_source, source_keys
from score_core.streaming import LineError
from score_core.visits import (
    CycleProgress,
    ModulePlan,
    Rescheduled,
    Scope,
    Visit,
    VisitCycle,
    VisitKind,
    VisitOutcome,
    VisitStatus,
    plan_module,
    reschedule,
)
from score_core.workshops import (
    AttendanceMark,
    AttendanceSheet,
    Delegation,
    DelegationAttendance,
    Enrolment,
    Presence,
    StatisticsRow,
    Workshop,
    WorkshopStatistics,
    attendance,
    enrol,
    withdraw,
)


__all__ = [
    "SEASON_FAULTS",
    "STRATEGIES",
    "WORKSHOP_FAULTS",
    "enrolments",
    "work_calendars",
    "aggregate_sets",
    "aggregates",
    "assignments",
    "attendance_marks",
    "attendance_sheets",
    "bands",
    "break_evens",
    "catalogues",
    "certifications",
    "change_sets",
    "changes",
    "code_infos",
    "cost_lines",
    "cost_models",
    "country_codes",
    "coverage_targets",
    "currencies",
    "currency_codes",
    "cycle_progresses",
    "dated_values",
    "delegation_attendances",
    "delegation_rules",
    "delegations",
    "eligibility_results",
    "enterprise_invoices",
    "enterprise_records",
    "enterprises",
    "enterprises_for",
    "fee_rules",
    "fee_tiers",
    "fixed_calendars",
    "funding_policies",
    "funding_rules",
    "group_rules",
    "improvement_teams",
    "indicator_sets",
    "indicators",
    "measurement_series",
    "measurements",
    "module_codes",
    "module_formats",
    "module_plans",
    "monies",
    "names",
    "package_plans",
    "participants",
    "paths",
    "payments",
    "portfolio_rows",
    "portfolio_targets",
    "portfolios",
    "presences",
    "profiles",
    "provenances",
    "quotes",
    "reports",
    "reschedulings",
    "seasons",
    "resolved_values",
    "result_rows",
    "results_reports",
    "rule_checks",
    "rule_violations",
    "screening_summaries",
    "severities",
    "share_rules",
    "sources",
    "line_errors",
    "state_changes",
    "statistics_rows",
    "supervised_deliveries",
    "timelines",
    "trainers",
    "training_modules",
    "used_parameters",
    "visit_cycles",
    "visit_outcomes",
    "visit_statuses",
    "visits",
    "workshop_statistics",
    "workshops",
]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: Old names of strategies, each with the name that replaced it.
_RENAMED: dict[str, str] = {
    "workshop_stats": "workshop_statistics",
    "rescheduleds": "reschedulings",
    "change_values": "changes",
    "dated": "dated_values",
    "resolutions": "resolved_values",
    "registrations": "_registrations",
}


def __getattr__(name: str) -> Any:
    """The renamed strategies, under their old names, with a warning."""
    if name in _RENAMED:
        new = _RENAMED[name]
        hint = "STRATEGIES or st.from_type" if new == "_registrations" else new
        warnings.warn(
            f"score_core.strategies.{name} is deprecated; use {hint}",
            DeprecationWarning,
            stacklevel=2,
        )
        return globals()[new]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _built_once(fn: F) -> F:
    """Cache a strategy function: the same arguments give the same strategy.

    Hypothesis validates a strategy the first time it is drawn from; a cached
    strategy is validated once, however many tests (or ``from_type``
    lookups) use it. Unhashable arguments (a caller's own calendar class, a
    list where a number belongs) are passed on uncached, so the function's
    own checks still answer.
    """
    cached = functools.lru_cache(maxsize=256)(fn)

    @functools.wraps(fn)
    def build(*args: Any, **kwargs: Any) -> Any:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:  # an unhashable argument: built each time
            return fn(*args, **kwargs)
        return cached(*args, **kwargs)

    return build  # type: ignore[return-value]


class _Shown:
    """A strategy with a short name, for reprs and error notes."""

    def __init__(self, strategy: st.SearchStrategy[Any], name: str) -> None:
        self.strategy = strategy
        self.name = name

    def __repr__(self) -> str:
        return self.name


@st.composite
def _drawn(draw: st.DrawFn, shown: _Shown) -> Any:
    return draw(shown.strategy)


def _shown_as(name: str, strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``strategy``, shown as ``name`` (its parts may hold large values)."""
    return _drawn(_Shown(strategy, name))


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a strategy or None")


def _check_int(name: str, value: object, least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise InvalidArgument(
            f"{name}={value!r} must be an integer of at least {least}"
        )


_IDENT_FIRST = string.ascii_lowercase
_IDENT_REST = string.ascii_lowercase + string.digits + "_"
_UPPER_DIGITS = string.ascii_uppercase + string.digits
#: Shares drawn as whole thousandths: 0 and 1000 are the edges.
_SCALE = 1000
_IDENTIFIERS = st.builds(
    str.__add__, st.sampled_from(_IDENT_FIRST), st.text(_IDENT_REST, max_size=12)
)
_SHORT_IDS = st.text(_UPPER_DIGITS, min_size=1, max_size=6)
_BOOLS = st.booleans()


def _dates(min_year: int = 2009, max_year: int = 2035) -> st.SearchStrategy[date]:
    return st.dates(min_value=date(min_year, 1, 1), max_value=date(max_year, 12, 31))


_DATES = _dates()
_DATES_2013_2030 = _dates(2013, 2030)
_DATES_2012_2020 = _dates(2012, 2020)


def _edges(low: int, high: int) -> st.SearchStrategy[int]:
    """Integers from ``low`` to ``high``, the two ends drawn often.

    Shrinks to ``low``.
    """
    return st.sampled_from((low, high)) | st.integers(min_value=low, max_value=high)


_THOUSANDTHS = _edges(0, _SCALE)


# -- money ---------------------------------------------------------------------------
def currency_codes() -> st.SearchStrategy[str]:
    """ISO 4217 codes from the registered currency table."""
    return st.sampled_from([c.code for c in _registered_currencies()])


def currencies() -> st.SearchStrategy[Currency]:
    """Registered :class:`~score_core.money.Currency` values."""
    return st.sampled_from(_registered_currencies())


def _minor_bound(value: Decimal | int | None, digits: int, *, upper: bool) -> int:
    if value is None:
        # The largest amount Money accepts, in minor units.
        limit = int(10 ** (MAX_DIGITS + digits)) - 1
        return limit if upper else -limit
    scaled = Decimal(value).scaleb(digits)
    rounded = scaled.to_integral_value(
        rounding="ROUND_FLOOR" if upper else "ROUND_CEILING"
    )
    return int(rounded)


def _units_in(
    code: str, min_value: Decimal | int | None, max_value: Decimal | int | None
) -> st.SearchStrategy[int] | None:
    digits = get_currency(code).minor_units
    low = _minor_bound(min_value, digits, upper=False)
    high = _minor_bound(max_value, digits, upper=True)
    if low > high:
        return None
    # Zero (when allowed) and both bounds are drawn often; shrinks to the first.
    edges = [0, low, high] if low <= 0 <= high else [low, high]
    return st.sampled_from(edges) | st.integers(min_value=low, max_value=high)


@st.composite
def _monies_in(
    draw: st.DrawFn,
    codes: st.SearchStrategy[str],
    units: Mapping[str, st.SearchStrategy[int] | None],
    bounds: tuple[Decimal | int | None, Decimal | int | None],
) -> Money:
    code = draw(codes)
    amounts = units.get(code)
    if amounts is None:
        raise InvalidArgument(
            f"{code} has no amount between {bounds[0]} and {bounds[1]} "
            "(or was not a registered currency when the strategy was built)"
        )
    return Money.from_minor(draw(amounts), code)


@_built_once
def monies(
    *,
    currency: st.SearchStrategy[str] | None = None,
    min_value: Decimal | int | None = Decimal(-1_000_000),
    max_value: Decimal | int | None = Decimal(1_000_000),
) -> st.SearchStrategy[Money]:
    """:class:`~score_core.Money` amounts, always whole numbers of minor units.

    Zero and both bounds are drawn often.

    Args:
        currency: Strategy for the ISO code; all registered codes by default.
        min_value: Least amount in currency units, or None for the least
            Money accepts (above -10**24).
        max_value: Greatest amount in currency units, or None for the
            greatest Money accepts (below 10**24).

    Raises:
        InvalidArgument: when the bounds are reversed, or leave no whole
            minor unit in any registered currency; when drawing, for a code
            of ``currency`` in which they leave none.
    """
    _check_strategy("currency", currency)
    for name, bound in (("min_value", min_value), ("max_value", max_value)):
        if bound is not None and (
            isinstance(bound, bool) or not isinstance(bound, int | Decimal)
        ):
            raise InvalidArgument(f"{name}={bound!r} must be an int, a Decimal or None")
    if min_value is not None and max_value is not None and min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    units = {
        c.code: _units_in(c.code, min_value, max_value)
        for c in _registered_currencies()
    }
    possible = sorted(code for code, ints in units.items() if ints is not None)
    if not possible:
        raise InvalidArgument(
            f"no registered currency has an amount between {min_value} and {max_value}"
        )
    codes = st.sampled_from(possible) if currency is None else currency
    return _monies_in(codes, units, (min_value, max_value))


# -- findings ------------------------------------------------------------------------
def severities() -> st.SearchStrategy[Severity]:
    """Every :class:`~score_core.Severity`."""
    return st.sampled_from(Severity)


@_built_once
def paths(*, max_size: int = 5) -> st.SearchStrategy[tuple[PathItem, ...]]:
    """Paths into a value: field names and list positions.

    Args:
        max_size: Most items in a path.
    """
    _check_int("max_size", max_size, 0)
    item: st.SearchStrategy[PathItem] = st.one_of(
        _IDENTIFIERS, st.integers(min_value=0, max_value=50)
    )
    return st.lists(item, max_size=max_size).map(tuple)


_PATHS = paths()
_PARAM_VALUES: st.SearchStrategy[ParamValue] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.text(max_size=20),
)


def code_infos() -> st.SearchStrategy[CodeInfo]:
    """Entries of the finding-code catalogue."""
    return _shown_as("code_infos()", st.sampled_from(list(all_codes().values())))


@functools.cache
def _params_by_code() -> Mapping[str, st.SearchStrategy[dict[str, ParamValue]]]:
    return {
        code: st.fixed_dictionaries(dict.fromkeys(info.placeholders, _PARAM_VALUES))
        for code, info in all_codes().items()
    }


@st.composite
def _violations(
    draw: st.DrawFn,
    codes: st.SearchStrategy[str],
    severity: st.SearchStrategy[Severity] | None,
    params: Mapping[str, st.SearchStrategy[dict[str, ParamValue]]],
) -> RuleViolation:
    code = draw(codes)
    if code not in params:
        raise InvalidArgument(f"{code!r} is not a registered finding code")
    chosen = None if severity is None else draw(severity)
    return violation(code, path=draw(_PATHS), severity=chosen, **draw(params[code]))


@_built_once
def rule_violations(
    *,
    codes: st.SearchStrategy[str] | None = None,
    severity: st.SearchStrategy[Severity] | None = None,
) -> st.SearchStrategy[RuleViolation]:
    """Findings made from the code catalogue, their messages filled in.

    Args:
        codes: Strategy for registered codes; all of the catalogue by default.
        severity: Strategy for the severity; the code's default when None.
    """
    _check_strategy("codes", codes)
    _check_strategy("severity", severity)
    params = _params_by_code()
    chosen = st.sampled_from(sorted(params)) if codes is None else codes
    return _shown_as(
        f"rule_violations(codes={codes!r}, severity={severity!r})",
        _violations(chosen, severity, params),
    )


@_built_once
def reports(
    *,
    violations: st.SearchStrategy[RuleViolation] | None = None,
    min_size: int = 0,
    max_size: int = 8,
) -> st.SearchStrategy[Report]:
    """Reports of findings.

    Args:
        violations: Strategy for each finding; :func:`rule_violations` by default.
        min_size: Fewest findings.
        max_size: Most findings.
    """
    _check_strategy("violations", violations)
    _check_int("min_size", min_size, 0)
    _check_int("max_size", max_size, min_size)
    items = rule_violations() if violations is None else violations
    return st.builds(
        Report, violations=st.lists(items, min_size=min_size, max_size=max_size)
    )


def sources() -> st.SearchStrategy[Source]:
    """Registered :class:`~score_core.sources.Source` entries."""
    return st.sampled_from([get_source(k) for k in source_keys()])


# -- people and names -----------------------------------------------------------------
#: Letters and digits of any script, and the space, hyphen and full stop
#: that names hold between them.
_NAME_CHARACTERS = st.characters(
    categories=("L", "N"), include_characters=" -.", codec="utf-8"
)


def _trimmed(text: str) -> str:
    return text.strip(" -.") or "0"


@_built_once
def names(*, max_size: int = 20) -> st.SearchStrategy[str]:
    """Names in any script (letters and digits, no leading or trailing space).

    A name is one string drawn at once (one choice for Hypothesis, not one
    per character), trimmed of spaces and punctuation at its ends.

    Args:
        max_size: Longest name, at least 1.
    """
    _check_int("max_size", max_size, 1)
    return st.text(_NAME_CHARACTERS, min_size=1, max_size=max_size).map(_trimmed)


_NAMES = names()
_SHORT_NAMES = names(max_size=12)
_OPTIONAL_NAMES = st.none() | _NAMES


@functools.cache
def country_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 shaped codes, such as ``CN``."""
    return st.text(string.ascii_uppercase, min_size=2, max_size=2)


def _headcount(unknown: int, known: int) -> int | None:
    return None if unknown == _UNKNOWN_ONE_IN - 1 else known


#: About one headcount in ten drawn by default is unknown (None). Drawn
#: through a selector rather than ``one_of``, so that a failing example
#: shrinks to a known headcount of 0.
_UNKNOWN_ONE_IN = 10
_HEADCOUNTS = st.builds(
    _headcount,
    st.integers(min_value=0, max_value=_UNKNOWN_ONE_IN - 1),
    st.integers(min_value=0, max_value=2000),
)
_WOMEN_SHARES = st.none() | _THOUSANDTHS
_ENTERPRISE_IDS = st.text(_UPPER_DIGITS + "-", min_size=1, max_size=10)
_OPTIONAL_SHORT_NAMES = st.none() | _SHORT_NAMES
_OPTIONAL_COUNTRIES = st.none() | country_codes()
_REGISTRATION_IDS = st.none() | st.text(_UPPER_DIGITS, min_size=18, max_size=18)
_FOUNDED = st.none() | st.dates(
    min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)
)


def _women_of(headcount: int | None, share: int | None) -> int | None:
    """A share (in thousandths) of the headcount, or None when either is unknown."""
    return None if share is None or headcount is None else headcount * share // _SCALE


def _enterprise_by_share(
    *, headcount: int | None, share: int | None, **fields: Any
) -> Enterprise:
    return Enterprise(headcount=headcount, women=_women_of(headcount, share), **fields)


def _enterprise_with_women(
    *, headcount: int | None, women: int | None, **fields: Any
) -> Enterprise:
    if women is not None and headcount is not None and not 0 <= women <= headcount:
        raise InvalidArgument(f"women={women} must lie between 0 and {headcount}")
    return Enterprise(headcount=headcount, women=women, **fields)


@_built_once
def enterprises(
    *,
    headcount: st.SearchStrategy[int | None] | None = None,
    women: st.SearchStrategy[int | None] | None = None,
    sector: st.SearchStrategy[str | None] | None = None,
    country: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Enterprise]:
    """:class:`~score_core.Enterprise` values.

    Args:
        headcount: Strategy for the headcount; 0 to 2,000 or unknown (None)
            by default.
        women: Strategy for the number of women; by default None or a share
            of the headcount from none to all. A drawn value above the
            headcount is an error, not a filter.
        sector: Strategy for the sector (None allowed).
        country: Strategy for the country code (None allowed).
    """
    for name, value in (
        ("headcount", headcount),
        ("women", women),
        ("sector", sector),
        ("country", country),
    ):
        _check_strategy(name, value)
    fields: dict[str, st.SearchStrategy[Any]] = {
        "id": _ENTERPRISE_IDS,
        "name": _NAMES,
        "headcount": _HEADCOUNTS if headcount is None else headcount,
        "sector": _OPTIONAL_SHORT_NAMES if sector is None else sector,
        "country": _OPTIONAL_COUNTRIES if country is None else country,
        "region": _OPTIONAL_SHORT_NAMES,
        "registration_id": _REGISTRATION_IDS,
        "founded": _FOUNDED,
    }
    if women is None:
        return st.builds(_enterprise_by_share, share=_WOMEN_SHARES, **fields)
    return st.builds(_enterprise_with_women, women=women, **fields)


@_built_once
def participants(
    *,
    role: st.SearchStrategy[Role] | None = None,
    gender: st.SearchStrategy[Gender] | None = None,
    enterprise_id: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Participant]:
    """:class:`~score_core.Participant` values.

    Args:
        role: Strategy for the role; both by default.
        gender: Strategy for the sex; both by default.
        enterprise_id: Strategy for the enterprise id (None allowed).
    """
    _check_strategy("role", role)
    _check_strategy("gender", gender)
    _check_strategy("enterprise_id", enterprise_id)
    return st.builds(
        Participant,
        name=_NAMES,
        role=st.sampled_from(Role) if role is None else role,
        gender=st.sampled_from(Gender) if gender is None else gender,
        id=st.none() | st.text(_UPPER_DIGITS, min_size=1, max_size=8),
        enterprise_id=st.none() | st.just("E1")
        if enterprise_id is None
        else enterprise_id,
    )


def _certification(
    *,
    module: str,
    level: TrainerLevel,
    certified_on: date,
    valid_days: int | None,
    supervisor: str | None,
    delivery: tuple[int, SupervisedDelivery] | None,
    recommender: str | None,
) -> Certification:
    candidate = level is TrainerLevel.CANDIDATE
    delivered = None
    if delivery is not None and not candidate:
        before, drawn = delivery
        delivered = attrs.evolve(drawn, on=certified_on - timedelta(before))
    return Certification(
        module=module,
        level=level,
        certified_on=certified_on,
        expires_on=None if valid_days is None else certified_on + timedelta(valid_days),
        supervisor_id=supervisor if candidate else None,
        supervised_delivery=delivered,
        recommended_by=None if candidate else recommender,
    )


_EXPERT_IDS = st.text(_UPPER_DIGITS, min_size=1, max_size=6)


@functools.cache
def supervised_deliveries() -> st.SearchStrategy[SupervisedDelivery]:
    """:class:`~score_core.people.SupervisedDelivery` values."""
    return st.builds(
        SupervisedDelivery,
        on=_DATES,
        supervisor_id=_EXPERT_IDS,
        workshop_id=st.none() | _SHORT_IDS,
    )


@_built_once
def certifications(
    *,
    module: st.SearchStrategy[str] | None = None,
    level: st.SearchStrategy[TrainerLevel] | None = None,
) -> st.SearchStrategy[Certification]:
    """:class:`~score_core.Certification` values.

    The expiry is never before the start; only candidates name a supervisor;
    a certified or expert trainer's record may show the supervised training
    of enterprises (on or before the certification) and who recommended it.

    Args:
        module: Strategy for the module code; the shipped codes by default.
        level: Strategy for the level; all by default.
    """
    _check_strategy("module", module)
    _check_strategy("level", level)
    return st.builds(
        _certification,
        module=module_codes() if module is None else module,
        level=st.sampled_from(TrainerLevel) if level is None else level,
        certified_on=_DATES,
        valid_days=st.none() | st.integers(min_value=0, max_value=3 * 366),
        supervisor=st.none() | _EXPERT_IDS,
        delivery=st.none()
        | st.tuples(st.integers(min_value=0, max_value=366), supervised_deliveries()),
        recommender=st.none() | _EXPERT_IDS,
    )


@_built_once
def trainers(
    *,
    certifications: st.SearchStrategy[Certification] | None = None,
    max_size: int = 6,
) -> st.SearchStrategy[Trainer]:
    """:class:`~score_core.Trainer` values.

    Args:
        certifications: Strategy for each certification.
        max_size: Most certifications per trainer.
    """
    _check_strategy("certifications", certifications)
    _check_int("max_size", max_size, 0)
    items = _CERTIFICATIONS if certifications is None else certifications
    return st.builds(
        Trainer,
        id=_SHORT_IDS,
        name=_NAMES,
        gender=st.sampled_from([None, *Gender]),
        institution=st.none() | _NAMES,
        certifications=st.lists(items, max_size=max_size).map(tuple),
    )


@_built_once
def improvement_teams(
    *, members: st.SearchStrategy[Participant] | None = None, max_size: int = 12
) -> st.SearchStrategy[ImprovementTeam]:
    """:class:`~score_core.people.ImprovementTeam` values.

    Any team is a valid value; its findings are up to
    :func:`~score_core.people.check_improvement_team`.

    Args:
        members: Strategy for each member.
        max_size: Most members.
    """
    _check_strategy("members", members)
    _check_int("max_size", max_size, 0)
    items = participants() if members is None else members
    return st.builds(
        ImprovementTeam,
        enterprise_id=st.just("E1")
        | st.text(string.ascii_uppercase, min_size=1, max_size=4),
        members=st.lists(items, max_size=max_size).map(tuple),
    )


# -- catalogue -------------------------------------------------------------
@functools.cache
def module_codes() -> st.SearchStrategy[str]:
    """Module codes: the shipped ones and codes of users' own modules."""
    own = st.text(_UPPER_DIGITS + "-", min_size=1, max_size=8)
    return st.sampled_from([c.value for c in ModuleCode]) | st.builds(
        str.__add__, st.sampled_from(string.ascii_uppercase), own
    )


_MODULE_CODES = module_codes()
_CERTIFICATIONS = certifications()


def _none_for_zero(n: int) -> int | None:
    return n or None


def _less_one(n: int | None) -> int | None:
    return None if n is None else n - 1


#: None or 1 to n, in one choice (0 stands for None, and shrinks to it).
_OPTIONAL_SMALL = {
    n: st.integers(min_value=0, max_value=n).map(_none_for_zero)
    for n in (5, 7, 10, 12, 13)
}


def _module_format(
    *, min_months: int | None, extra_months: int | None, **fields: Any
) -> ModuleFormat:
    return ModuleFormat(
        min_months=min_months,
        max_months=None if extra_months is None else (min_months or 1) + extra_months,
        **fields,
    )


@functools.cache
def module_formats() -> st.SearchStrategy[ModuleFormat]:
    """:class:`.ModuleFormat` values (max months never below min)."""
    return st.builds(
        _module_format,
        delivery=st.sampled_from(Delivery),
        classroom_days=_OPTIONAL_SMALL[5],
        classroom_sessions=_OPTIONAL_SMALL[5],
        follow_up_visits=_OPTIONAL_SMALL[7].map(_less_one),
        min_months=_OPTIONAL_SMALL[12],
        extra_months=_OPTIONAL_SMALL[13].map(_less_one),
        max_enterprises=_OPTIONAL_SMALL[10],
    )


_OPTIONAL_SOURCE_KEYS = st.sampled_from([None, *source_keys()])
#: Everything of a module but its code and prerequisites.
_MODULE_PARTS = st.fixed_dictionaries(
    {
        "title": _NAMES,
        "other_titles": st.lists(_NAMES, max_size=2).map(tuple),
        "kind": st.sampled_from(ModuleKind),
        "format": module_formats(),
        "source": _OPTIONAL_SOURCE_KEYS,
        "note": st.text(max_size=30),
    }
)


def _training_module(
    code: str, prerequisites: frozenset[str], parts: dict[str, Any]
) -> TrainingModule:
    return TrainingModule(code=code, prerequisites=prerequisites - {code}, **parts)


@_built_once
def training_modules(
    *,
    code: st.SearchStrategy[str] | None = None,
    prerequisites: st.SearchStrategy[frozenset[str]] | None = None,
) -> st.SearchStrategy[TrainingModule]:
    """:class:`~score_core.TrainingModule` values.

    Args:
        code: Strategy for the code.
        prerequisites: Strategy for the prerequisite codes (the module's own
            code is dropped from what it draws).
    """
    _check_strategy("code", code)
    _check_strategy("prerequisites", prerequisites)
    return st.builds(
        _training_module,
        module_codes() if code is None else code,
        st.frozensets(module_codes(), max_size=3)
        if prerequisites is None
        else prerequisites,
        _MODULE_PARTS,
    )


_REGISTRY_NAMES = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "-", max_size=12),
)


def _catalogue(
    name: str, drawn: list[tuple[str, list[int], dict[str, Any]]]
) -> Catalogue:
    codes = [code for code, _, _ in drawn]
    modules = tuple(
        TrainingModule(
            code=code,
            # Each module requires some of the modules before it: no cycle.
            prerequisites=frozenset(codes[k % i] for k in picks) if i else frozenset(),
            **parts,
        )
        for i, (code, picks, parts) in enumerate(drawn)
    )
    return Catalogue(name=name, modules=modules)


_PREREQUISITE_PICKS = st.lists(st.integers(min_value=0, max_value=63), max_size=2)


@_built_once
def catalogues(*, min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[Catalogue]:
    """Valid :class:`~score_core.Catalogue` values.

    Codes are distinct, and each module's prerequisites are drawn from the
    modules before it, so there is never a cycle.

    Args:
        min_size: Fewest modules.
        max_size: Most modules.
    """
    _check_int("min_size", min_size, 0)
    _check_int("max_size", max_size, min_size)
    codes = st.lists(_MODULE_CODES, min_size=min_size, max_size=max_size, unique=True)
    return _catalogues(codes)


@st.composite
def _catalogues(draw: st.DrawFn, codes: st.SearchStrategy[list[str]]) -> Catalogue:
    # Distinct codes first, then each module's parts: a repeated code is
    # redrawn alone, not with a whole module.
    drawn = [
        (code, draw(_PREREQUISITE_PICKS), draw(_MODULE_PARTS)) for code in draw(codes)
    ]
    return _catalogue(draw(_REGISTRY_NAMES), drawn)


# -- profiles --------------------------------------------------------------
def _band(a: int, b: int) -> Band:
    return Band(minimum=min(a, b), maximum=max(a, b))


@_built_once
def bands(*, min_value: int = 0, max_value: int = 1000) -> st.SearchStrategy[Band]:
    """:class:`~score_core.profiles.Band` values within ``min_value`` and ``max_value``.

    Args:
        min_value: Least minimum.
        max_value: Greatest maximum.
    """
    _check_int("min_value", min_value, 0)
    _check_int("max_value", max_value, min_value)
    ends = _edges(min_value, max_value)
    return st.builds(_band, ends, ends)


@functools.cache
def delegation_rules() -> st.SearchStrategy[DelegationRule]:
    """:class:`~score_core.profiles.DelegationRule` values."""
    return st.builds(
        DelegationRule,
        managers=st.integers(min_value=1, max_value=4),
        workers=st.integers(min_value=1, max_value=4),
        exact=_BOOLS,
    )


_SHARES = _edges(0, 100).map(lambda n: Decimal(n) / 100)


@functools.cache
def coverage_targets() -> st.SearchStrategy[CoverageTarget]:
    """:class:`.CoverageTarget` values (shares with two decimals)."""
    return st.builds(CoverageTarget, module1=_SHARES, later_modules=_SHARES)


def _dated(
    value: Any, start: date | None, length: int | None, source: str | None
) -> Dated[Any]:
    end = None if length is None else (start or date(2013, 1, 1)) + timedelta(length)
    return Dated(value=value, start=start, end=end, source=source)


@_built_once
def dated_values(
    values: st.SearchStrategy[Any] | None = None,
) -> st.SearchStrategy[Dated[Any]]:
    """:class:`~score_core.Dated` values (end never before start).

    .. versionchanged:: Unreleased
        Renamed from ``dated``.

    Args:
        values: Strategy for the value; coverage targets by default.
    """
    _check_strategy("values", values)
    return st.builds(
        _dated,
        coverage_targets() if values is None else values,
        st.none() | _DATES,
        st.none() | st.integers(min_value=0, max_value=2000),
        _OPTIONAL_SOURCE_KEYS,
    )


def _timeline(
    start: date | None,
    gaps: bool,
    open_end: bool,
    drawn: list[tuple[Any, int, int]],
) -> Timeline[Any]:
    cursor = start or date(2013, 1, 1)
    entries = []
    for i, (value, length, gap) in enumerate(drawn):
        last = i == len(drawn) - 1
        end = None if last and open_end else cursor + timedelta(length)
        entries.append(Dated(value=value, start=start, end=end))
        if end is not None:
            cursor = end + timedelta(1 + (gap if gaps else 0))
            start = cursor
    return Timeline(entries=tuple(entries), allow_gaps=gaps)


_TIMELINE_LENGTHS = st.integers(min_value=0, max_value=900)
_TIMELINE_GAPS = st.integers(min_value=0, max_value=60)


@_built_once
def timelines(
    values: st.SearchStrategy[Any] | None = None, *, max_size: int = 4
) -> st.SearchStrategy[Timeline[Any]]:
    """Valid :class:`~score_core.Timeline` values.

    Entries are in order, each starting the day after the previous one ends
    (or later, when gaps are allowed).

    Args:
        values: Strategy for each value; coverage targets by default.
        max_size: Most entries (at least 1).
    """
    _check_strategy("values", values)
    _check_int("max_size", max_size, 1)
    inner = coverage_targets() if values is None else values
    return st.builds(
        _timeline,
        st.none() | _dates(2009, 2020),
        _BOOLS,
        _BOOLS,
        st.lists(
            st.tuples(inner, _TIMELINE_LENGTHS, _TIMELINE_GAPS),
            min_size=1,
            max_size=max_size,
        ),
    )


def _resolve(timeline: Timeline[Any], on: date) -> Resolved[Any]:
    return timeline.at(on, mode=Resolution.LENIENT)


@_built_once
def resolved_values(
    values: st.SearchStrategy[Any] | None = None,
) -> st.SearchStrategy[Resolved[Any]]:
    """:class:`~score_core.parameters.Resolved` values.

    Made by resolving a generated timeline on a generated date in lenient
    mode, so some are stale.

    .. versionchanged:: Unreleased
        Renamed from ``resolutions``.

    Args:
        values: Strategy for the timeline's values; coverage targets by default.
    """
    _check_strategy("values", values)
    return st.builds(_resolve, timelines(values), _dates(2005, 2040))


def _provenance(basis: Basis, source: str, other: str | None, note: str) -> Provenance:
    return Provenance(
        basis=basis,
        source=source if basis in (Basis.SOURCE, Basis.CARRIED) else other,
        note=note,
    )


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """:class:`.Provenance` values (a source whenever the basis is one)."""
    return st.builds(
        _provenance,
        st.sampled_from(Basis),
        st.sampled_from(source_keys()),
        _OPTIONAL_SOURCE_KEYS,
        st.text(max_size=30),
    )


def _profile(
    *,
    valid_from: date | None,
    valid_days: int | None,
    provenance: list[tuple[str, Provenance]],
    **fields: Any,
) -> Profile:
    return Profile(
        valid_from=valid_from,
        valid_to=None
        if valid_days is None
        else (valid_from or date(2009, 1, 1)) + timedelta(valid_days),
        provenance=dict(sorted(provenance)),
        **fields,
    )


_PARAMETER_KEYS = st.lists(st.sampled_from(PARAMETERS), max_size=6, unique=True)


@st.composite
def _provenance_lists(draw: st.DrawFn) -> list[tuple[str, Provenance]]:
    # Distinct parameters first, then a provenance for each.
    return [(key, draw(_PROVENANCES)) for key in draw(_PARAMETER_KEYS)]


_PROVENANCES = provenances()
_PROVENANCE_LISTS = _provenance_lists()


@_built_once
def profiles(
    *,
    employees: st.SearchStrategy[Band] | None = None,
    enterprises_per_workshop: st.SearchStrategy[Band] | None = None,
    delegation: st.SearchStrategy[DelegationRule] | None = None,
    currency: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Profile]:
    """Valid :class:`~score_core.Profile` values, using a registered catalogue.

    Args:
        employees: Strategy for the employee band.
        enterprises_per_workshop: Strategy for enterprises per workshop.
        delegation: Strategy for the delegation rule.
        currency: Strategy for the currency code.
    """
    _check_strategy("employees", employees)
    _check_strategy("enterprises_per_workshop", enterprises_per_workshop)
    _check_strategy("delegation", delegation)
    _check_strategy("currency", currency)
    return st.builds(
        _profile,
        valid_from=st.none() | _dates(2009, 2025),
        valid_days=st.none() | st.integers(min_value=0, max_value=4000),
        provenance=_PROVENANCE_LISTS,
        name=_REGISTRY_NAMES,
        title=_NAMES,
        country=_OPTIONAL_COUNTRIES,
        phase=st.sampled_from([None, "I", "II", "III", "IV"]),
        institutions=st.lists(_NAMES, max_size=2).map(tuple),
        parent=st.none() | _REGISTRY_NAMES,
        catalogue=st.sampled_from(catalogue_names()),
        currency=currency_codes() if currency is None else currency,
        employees=bands(min_value=1, max_value=1000)
        if employees is None
        else employees,
        headcount_review_margin=st.integers(0, 25),
        sectors=st.none() | st.frozensets(_SHORT_NAMES, max_size=3),
        enterprises_per_workshop=bands(min_value=1, max_value=8)
        if enterprises_per_workshop is None
        else enterprises_per_workshop,
        delegation=delegation_rules() if delegation is None else delegation,
        classroom_days=st.dictionaries(
            module_codes(), st.integers(min_value=1, max_value=5), max_size=3
        ),
        intake_visit=_BOOLS,
        follow_up_visits=st.integers(0, 6),
        follow_up_window_months=st.integers(1, 12),
        min_visit_gap_days=st.integers(0, 30),
        visit_days=st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("1.5")]),
        intake_lead_days=st.integers(1, 30),
        min_reschedule_notice_days=st.integers(0, 14),
        max_reschedules_per_visit=st.integers(0, 5),
        eit_min_members=st.integers(2, 12),
        max_trainer_visits_per_day=st.integers(1, 3),
        max_trainer_visits_per_week=st.integers(1, 10),
        paired_visit_modules=st.frozensets(module_codes(), max_size=2),
        max_package_months=st.integers(1, 12),
        coverage_targets=st.none() | timelines(),
        calendar=_OPTIONAL_COUNTRIES,
    )


def _registrations() -> dict[type, Callable[[Any], st.SearchStrategy[Any]]]:
    """The strategy for each public type, as the plugin registers them.

    Deprecated as ``registrations()``: use :data:`STRATEGIES`, or
    ``st.from_type``, which the plugin makes work for every public type.
    """
    return dict.fromkeys(STRATEGY_NAMES, strategy_for)


# -- journeys and eligibility -------------------------------------------------
_CORE = [
    c.value
    for c in (ModuleCode.M1, ModuleCode.M2, ModuleCode.M3, ModuleCode.M4, ModuleCode.M5)
]
_CORE_CODES = st.sampled_from(_CORE)


@functools.cache
def state_changes() -> st.SearchStrategy[StateChange]:
    """:class:`~score_core.journey.StateChange` values (one step, on its own)."""
    return st.builds(
        StateChange,
        module=module_codes(),
        state=st.sampled_from(ModuleState),
        on=_DATES,
        note=st.text(max_size=20),
    )


def _record(
    *,
    enterprise_id: str,
    baseline_on: date | None,
    priorities: list[str],
    skip_intake: bool,
    day: date,
    steps: list[tuple[str, int, int]],
    withdrawn_after: int | None,
) -> EnterpriseRecord:
    record = EnterpriseRecord(
        enterprise_id=enterprise_id,
        baseline_on=baseline_on,
        priorities=priorities,
        skip_intake=skip_intake,
    )
    for module, pick, wait in steps:
        allowed = sorted(record.next_states(module))
        if allowed:
            day += timedelta(wait)
            record = record.advance(module, allowed[pick % len(allowed)], on=day)
    if withdrawn_after is not None:
        record = record.withdraw(day + timedelta(withdrawn_after))
    return record


@_built_once
def enterprise_records(
    *,
    enterprise_id: st.SearchStrategy[str] | None = None,
    modules: st.SearchStrategy[str] | None = None,
    max_steps: int = 12,
) -> st.SearchStrategy[EnterpriseRecord]:
    """Journeys at any stage, built by taking allowed steps only.

    Args:
        enterprise_id: Strategy for the enterprise id.
        modules: Strategy for the module of each step; the core modules by
            default.
        max_steps: Most steps taken.
    """
    _check_strategy("enterprise_id", enterprise_id)
    _check_strategy("modules", modules)
    _check_int("max_steps", max_steps, 0)
    step = st.tuples(
        _CORE_CODES if modules is None else modules,
        st.integers(min_value=0, max_value=7),
        st.integers(min_value=0, max_value=40),
    )
    return st.builds(
        _record,
        enterprise_id=st.just("E1") if enterprise_id is None else enterprise_id,
        baseline_on=st.none() | _DATES_2012_2020,
        priorities=st.lists(st.sampled_from(_CORE[1:]), unique=True, max_size=3),
        skip_intake=_BOOLS,
        day=_DATES_2012_2020,
        steps=st.lists(step, max_size=max_steps),
        withdrawn_after=st.none() | st.integers(min_value=0, max_value=400),
    )


def _fitting(
    profile: Profile,
    *,
    headcount: st.SearchStrategy[int | None] | None = None,
    sector: st.SearchStrategy[str | None] | None = None,
    country: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Enterprise]:
    """Enterprises that keep each of the profile's rules not named here."""
    band = profile.employees
    return enterprises(
        headcount=_edges(band.minimum, band.maximum)
        if headcount is None
        else headcount,
        sector=(
            st.sampled_from(sorted(profile.sectors))
            if profile.sectors
            else _OPTIONAL_SHORT_NAMES
        )
        if sector is None
        else sector,
        country=(st.just(profile.country) if profile.country else None)
        if country is None
        else country,
    )


@_built_once
def enterprises_for(
    profile: Profile,
    *,
    status: Status = Status.ELIGIBLE,
) -> st.SearchStrategy[Enterprise]:
    """Enterprises whose size, sector and country give ``status`` under ``profile``.

    Headcounts at the edges of the profile's band (and of its review margin)
    are drawn often. These rules are the enterprise's own; pair the result
    with a record from :func:`enterprise_records` (or ``baseline_modules=()``)
    for the journey rules.

    Args:
        profile: The profile to satisfy or break.
        status: ELIGIBLE, INELIGIBLE (one rule broken) or NEEDS_REVIEW (the
            review margin, a missing sector or country, or an unknown
            headcount).

    Raises:
        InvalidArgument: when ``profile`` is not a Profile.
    """
    if not isinstance(profile, Profile):
        raise InvalidArgument(f"profile={profile!r} must be a Profile")
    wanted = Status(status)
    if wanted is Status.ELIGIBLE:
        return _fitting(profile)
    band, margin = profile.employees, profile.headcount_review_margin
    ways: list[st.SearchStrategy[Enterprise]] = []
    if wanted is Status.INELIGIBLE:
        if band.minimum - margin - 1 >= 0:
            ways.append(
                _fitting(profile, headcount=_edges(0, band.minimum - margin - 1))
            )
        top = band.maximum + margin
        ways.append(_fitting(profile, headcount=_edges(top + 1, top + 5000)))
        if profile.sectors:
            other = "not " + "|".join(sorted(profile.sectors))
            ways.append(_fitting(profile, sector=st.just(other)))
        if profile.country:
            elsewhere = "ZZ" if profile.country != "ZZ" else "YY"
            ways.append(_fitting(profile, country=st.just(elsewhere)))
    else:
        if margin:
            ways.append(
                _fitting(
                    profile, headcount=_edges(band.maximum + 1, band.maximum + margin)
                )
            )
            if band.minimum - margin >= 0:
                ways.append(
                    _fitting(
                        profile,
                        headcount=_edges(band.minimum - margin, band.minimum - 1),
                    )
                )
        if profile.sectors:
            ways.append(_fitting(profile, sector=st.none()))
        if profile.country:
            ways.append(_fitting(profile, country=st.none()))
        # An unknown headcount always needs review.
        ways.append(_fitting(profile, headcount=st.none()))
    return st.one_of(ways)


@functools.cache
def rule_checks() -> st.SearchStrategy[RuleCheck]:
    """:class:`~score_core.eligibility.RuleCheck` values."""
    return st.builds(
        RuleCheck,
        rule=_IDENTIFIERS,
        outcome=st.sampled_from(Outcome),
        observed=_PARAM_VALUES,
        code=st.none() | st.sampled_from(sorted(all_codes())),
    )


@functools.cache
def used_parameters() -> st.SearchStrategy[UsedParameter]:
    """:class:`~score_core.eligibility.UsedParameter` values."""
    return st.builds(
        UsedParameter,
        name=st.sampled_from(PARAMETERS),
        value=st.text(max_size=20),
        provenance=provenances(),
    )


@functools.cache
def _builtin_profiles() -> tuple[Profile, ...]:
    return tuple(get_profile(name) for name in profile_names())


def _decide(
    profile: Profile,
    enterprise: Enterprise,
    record: EnterpriseRecord | None,
    module: str,
    on: date | None,
) -> EligibilityResult:
    return check_eligibility(
        enterprise,
        profile=profile,
        module=module,
        record=None
        if record is None
        else attrs.evolve(record, enterprise_id=enterprise.id),
        on=on,
        mode=Resolution.LENIENT,
    )


@functools.cache
def eligibility_results() -> st.SearchStrategy[EligibilityResult]:
    """Real decisions, made by :func:`~score_core.check_eligibility`.

    It runs on a built-in profile, a generated enterprise and (sometimes) a
    generated record, in lenient mode.
    """
    records = st.none() | enterprise_records()
    decisions = st.one_of(
        [
            st.builds(
                _decide,
                st.just(profile),
                enterprises_for(profile)
                | enterprises_for(profile, status=Status.INELIGIBLE),
                records,
                _CORE_CODES,
                st.none() | _dates(2012, 2022),
            )
            for profile in _builtin_profiles()
        ]
    )
    return _shown_as("eligibility_results()", decisions)


def _screen(profile: Profile, batch: list[Enterprise]) -> ScreeningSummary:
    return screen(batch, profile=profile, baseline_modules=()).run()


@functools.cache
def screening_summaries() -> st.SearchStrategy[ScreeningSummary]:
    """Summaries of real screenings of generated enterprises."""
    per_profile = []
    for profile in _builtin_profiles():
        statuses = [Status.ELIGIBLE, Status.INELIGIBLE]
        if profile.headcount_review_margin or profile.sectors or profile.country:
            statuses.append(Status.NEEDS_REVIEW)
        batch = st.lists(
            st.one_of([enterprises_for(profile, status=s) for s in statuses]),
            max_size=6,
        )
        per_profile.append(st.builds(_screen, st.just(profile), batch))
    return _shown_as("screening_summaries()", st.one_of(per_profile))


# -- calendars and workshops ------------------------------------------------------
def _weekend_day_near(
    day: date, weekend: frozenset[int], low: date, high: date
) -> date | None:
    """The weekend day nearest after ``day`` (or else before), from low to high."""
    for step in (1, -1):
        for k in range(7):
            candidate = day + timedelta(step * k)
            if candidate.weekday() in weekend and low <= candidate <= high:
                return candidate
    return None


def _fixed_calendar(
    *,
    low: date,
    high: date,
    weekend: frozenset[int],
    holidays: frozenset[date],
    near: list[date],
    years: frozenset[int] | None,
    all_confirmed: bool | None,
    **fields: Any,
) -> FixedCalendar:
    moved = (_weekend_day_near(d, weekend, low, high) for d in near)
    workdays = frozenset(d for d in moved if d is not None and d not in holidays)
    confirmed = (
        None
        if years is None or all_confirmed is None
        else frozenset(
            sorted(years)[: len(years) if all_confirmed else max(1, len(years) - 1)]
        )
    )
    return FixedCalendar(
        weekend=weekend,
        holidays=holidays,
        workdays=workdays,
        years=years,
        confirmed=confirmed,
        **fields,
    )


@_built_once
def fixed_calendars(
    *,
    min_day: date = date(2013, 1, 1),
    max_day: date = date(2030, 12, 31),
    max_holidays: int = 12,
) -> st.SearchStrategy[FixedCalendar]:
    """:class:`~score_core.FixedCalendar` values.

    They have random holidays and make-up working days on weekend days, as
    China's calendar has them (each drawn day is moved to the nearest weekend
    day, so make-up days are common). Narrow ``min_day`` to ``max_day`` and
    raise ``max_holidays`` to test a scheduler on crowded calendars.

    Args:
        min_day: The first day a holiday or make-up day may fall on.
        max_day: The last day one may fall on.
        max_holidays: The most holidays (and make-up days) drawn.
    """
    if max_day < min_day or max_holidays < 0:
        raise InvalidArgument(
            "fixed_calendars needs min_day <= max_day, max_holidays >= 0"
        )
    days = st.dates(min_value=min_day, max_value=max_day)
    return st.builds(
        _fixed_calendar,
        low=st.just(min_day),
        high=st.just(max_day),
        weekend=st.sampled_from([frozenset({5, 6}), frozenset({4, 5}), frozenset({6})]),
        holidays=st.frozensets(days, max_size=max_holidays),
        near=st.lists(days, max_size=max_holidays),
        years=st.none() | st.frozensets(st.integers(2013, 2030), min_size=1),
        all_confirmed=st.none() | _BOOLS,
        name=_REGISTRY_NAMES,
        source=_NAMES,
    )


#: The finding codes :func:`workshops` can inject, one at a time.
WORKSHOP_FAULTS: tuple[str, ...] = (
    Code.WORKSHOP_ENTERPRISES_TOO_FEW,
    Code.WORKSHOP_ENTERPRISES_TOO_MANY,
    Code.WORKSHOP_ENTERPRISE_DUPLICATE,
    Code.WORKSHOP_DELEGATION_MANAGERS,
    Code.WORKSHOP_DELEGATION_WORKERS,
    Code.WORKSHOP_DELEGATION_NOT_JOINT,
    Code.WORKSHOP_DELEGATION_ONE_SEX,
    Code.WORKSHOP_PARTICIPANT_DUPLICATE,
    Code.WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE,
    Code.WORKSHOP_DAYS_COUNT,
    Code.WORKSHOP_TRAINERS_NONE,
    Code.TRAINER_NOT_CERTIFIED,
    Code.ELIGIBILITY_HEADCOUNT_ABOVE_MAX,
)


def _delegation_for(firm: Enterprise, managers: int, workers: int) -> Delegation:
    people = [
        Participant(
            name=f"{firm.id} {role.value} {k}",
            role=role,
            gender=Gender.FEMALE if k % 2 else Gender.MALE,
            id=f"{firm.id}-{role.value[0]}{k}",
            enterprise_id=firm.id,
        )
        for role, count in ((Role.MANAGER, managers), (Role.WORKER, workers))
        for k in range(count)
    ]
    return Delegation(enterprise=firm, participants=people)


@_built_once
def delegations(*, profile: Profile | None = None) -> st.SearchStrategy[Delegation]:
    """Delegations that meet the profile's make-up, from an eligible enterprise.

    Args:
        profile: The profile; ``cn-phase-2`` by default.
    """
    used = get_profile() if profile is None else profile
    rule = used.delegation
    return enterprises_for(used).map(
        lambda firm: _delegation_for(firm, rule.managers, rule.workers)
    )


_CERTIFIED_SINCE = date(2009, 1, 1)


def _certified(module: str) -> Certification:
    return Certification(
        module=module, level=TrainerLevel.CERTIFIED, certified_on=_CERTIFIED_SINCE
    )


@attrs.frozen
class _ModulePlan:
    """What a workshop of one module needs, worked out when the strategy is built."""

    code: str
    days_needed: int
    firms: st.SearchStrategy[list[dict[str, Any]]] | None
    first_days: st.SearchStrategy[date]
    certifications: tuple[Certification, ...]


def _plan_module(
    profile: Profile, module: TrainingModule, fault: str | None
) -> _ModulePlan:
    days_needed = profile.classroom_days_for(module) or 1
    minimum = profile.enterprises_per_workshop.minimum
    maximum = module.format.max_enterprises or profile.enterprises_per_workshop.maximum
    pairs = (Code.WORKSHOP_ENTERPRISE_DUPLICATE, Code.WORKSHOP_PARTICIPANT_DUPLICATE)
    low = max(minimum, 2 if fault in pairs else 1)
    high = max(low, maximum)
    if fault == Code.WORKSHOP_ENTERPRISES_TOO_FEW:
        low = high = minimum - 1
    elif fault == Code.WORKSHOP_ENTERPRISES_TOO_MANY:
        low = high = maximum + 1
    band = profile.employees
    firm = st.fixed_dictionaries(
        {
            "name": _NAMES,
            "headcount": _edges(band.minimum, band.maximum),
            "sector": st.sampled_from(sorted(profile.sectors))
            if profile.sectors
            else _OPTIONAL_SHORT_NAMES,
            "country": st.just(profile.country)
            if profile.country
            else _OPTIONAL_COUNTRIES,
        }
    )
    # The fewest and the most enterprises are drawn often; shrinks to the fewest.
    firms = (
        None
        if low > maximum and fault not in (None, Code.WORKSHOP_ENTERPRISES_TOO_MANY)
        else st.one_of(
            st.lists(firm, min_size=low, max_size=low),
            st.lists(firm, min_size=high, max_size=high),
            st.lists(firm, min_size=low, max_size=high),
        )
    )
    start_low = profile.valid_from or date(2013, 1, 1)
    # The last classroom day (or the extra day of a days fault) may be the
    # last day the profile is in force.
    extra = 1 if fault == Code.WORKSHOP_DAYS_COUNT else 0
    start_high = (profile.valid_to or date(2030, 12, 31)) - timedelta(
        days_needed - 1 + extra
    )
    certs = [_certified(ModuleCode.M1)]
    if module.code != ModuleCode.M1 and fault != Code.TRAINER_NOT_CERTIFIED:
        certs.append(_certified(module.code))
    if module.code == ModuleCode.M1 and fault == Code.TRAINER_NOT_CERTIFIED:
        certs = [_certified(ModuleCode.BASICS)]
    return _ModulePlan(
        code=module.code,
        days_needed=days_needed,
        firms=firms,
        # The profile's first and last possible days are drawn often.
        first_days=st.sampled_from((start_low, max(start_low, start_high)))
        | st.dates(min_value=start_low, max_value=max(start_low, start_high)),
        certifications=tuple(certs),
    )


class _WorkshopRecipe:
    """Everything :func:`workshops` works out before drawing (short repr)."""

    def __init__(
        self,
        codes: st.SearchStrategy[str],
        plans: Mapping[str, _ModulePlan],
        profile: Profile,
        fault: str | None,
    ) -> None:
        self.codes = codes
        self.plans = plans
        self.profile = profile
        self.fault = fault

    def __repr__(self) -> str:
        return f"<workshops of profile {self.profile.name}, fault {self.fault}>"


@st.composite
def _workshops(draw: st.DrawFn, recipe: _WorkshopRecipe) -> Workshop:
    codes, plans, profile, fault = (
        recipe.codes,
        recipe.plans,
        recipe.profile,
        recipe.fault,
    )
    code = draw(codes)
    plan = plans.get(code)
    if plan is None:
        raise InvalidArgument(
            f"module {code} is not in profile {profile.name}'s catalogue"
        )
    if plan.firms is None:
        raise InvalidArgument(
            f"profile {profile.name} leaves no room for fault {fault}"
        )
    first = draw(plan.first_days)
    days = [first + timedelta(i) for i in range(plan.days_needed)]
    if fault == Code.WORKSHOP_DAYS_COUNT:
        days.append(first + timedelta(plan.days_needed))
    rule = profile.delegation
    groups = [
        _delegation_for(
            Enterprise(id=f"E{i + 1}", **fields), rule.managers, rule.workers
        )
        for i, fields in enumerate(draw(plan.firms))
    ]
    if groups:
        groups[0] = _inject(groups[0], fault, profile)
    trainers = (
        ()
        if fault == Code.WORKSHOP_TRAINERS_NONE
        else (Trainer(id="T1", name=draw(_NAMES), certifications=plan.certifications),)
    )
    if fault == Code.WORKSHOP_ENTERPRISE_DUPLICATE:
        twin = attrs.evolve(groups[-1].enterprise, id=groups[0].enterprise.id)
        again = _delegation_for(twin, rule.managers, rule.workers)
        groups[-1] = attrs.evolve(
            again,
            participants=tuple(
                attrs.evolve(p, id=f"{p.id}-dup") for p in again.participants
            ),
        )
    if fault == Code.WORKSHOP_PARTICIPANT_DUPLICATE:
        twin_person = attrs.evolve(groups[0].participants[0], enterprise_id=None)
        people = list(groups[1].participants)
        same_role = [i for i, p in enumerate(people) if p.role is twin_person.role]
        people[same_role[0]] = twin_person
        groups[1] = attrs.evolve(groups[1], participants=tuple(people))
    return Workshop(
        id=draw(_SHORT_IDS),
        module=code,
        days=tuple(days),
        trainers=trainers,
        delegations=tuple(groups),
        location=draw(_OPTIONAL_NAMES),
    )


@_built_once
def workshops(
    *,
    profile: Profile | None = None,
    module: st.SearchStrategy[str] | None = None,
    fault: str | None = None,
) -> st.SearchStrategy[Workshop]:
    """Workshops with no error under ``profile``, or with exactly one fault.

    A valid workshop has the profile's number of enterprises (the fewest and
    the most allowed are drawn often, and a failing example shrinks to the
    fewest), each eligible by size, sector and country and sending exactly
    the delegation the profile asks for (women and men), the module's
    classroom days inside the profile's validity, and a trainer certified in
    Workplace Cooperation and the module. Without records it may carry
    ``eligibility.record.missing`` warnings.

    Args:
        profile: The profile; ``cn-phase-2`` by default.
        module: Strategy for the module code; the core modules by default.
        fault: A code from :data:`WORKSHOP_FAULTS` to inject: the workshop then
            breaks that rule and no other.

    Raises:
        InvalidArgument: for an unknown fault, or one the profile makes
            impossible (when drawing, for a module of ``module`` that is not
            in the profile's catalogue or leaves no room for the fault).
    """
    used = get_profile() if profile is None else profile
    if not isinstance(used, Profile):
        raise InvalidArgument(f"profile={profile!r} must be a Profile or None")
    _check_strategy("module", module)
    if fault is not None and fault not in WORKSHOP_FAULTS:
        raise InvalidArgument(f"fault must be one of {', '.join(WORKSHOP_FAULTS)}")
    _check_fault_is_possible(fault, used)
    plans = {m.code: _plan_module(used, m, fault) for m in used.get_catalogue().modules}
    if module is None and any(plans[code].firms is None for code in _CORE):
        raise InvalidArgument(f"profile {used.name} leaves no room for fault {fault}")
    codes = _CORE_CODES if module is None else module
    return _workshops(_WorkshopRecipe(codes, plans, used, fault))


def _check_fault_is_possible(fault: str | None, profile: Profile) -> None:
    """Refuse, before anything is drawn, a fault the profile makes impossible."""
    rule = profile.delegation
    impossible: dict[str, bool] = {
        Code.WORKSHOP_DELEGATION_MANAGERS: not rule.exact and rule.managers < 2,
        Code.WORKSHOP_DELEGATION_WORKERS: not rule.exact and rule.workers < 2,
        Code.WORKSHOP_DELEGATION_ONE_SEX: profile.employees.maximum < 2,
        Code.WORKSHOP_ENTERPRISES_TOO_FEW: profile.enterprises_per_workshop.minimum
        == 0,
    }
    if fault is not None and impossible.get(fault, False):
        raise InvalidArgument(f"profile {profile.name} makes fault {fault} impossible")


def _inject(first: Delegation, fault: str | None, profile: Profile) -> Delegation:
    """The first delegation, changed to break one rule (or unchanged)."""
    rule = profile.delegation
    firm = first.enterprise
    step = 1 if rule.exact else -1
    if fault == Code.WORKSHOP_DELEGATION_MANAGERS:
        return _delegation_for(firm, rule.managers + step, rule.workers)
    if fault == Code.WORKSHOP_DELEGATION_WORKERS:
        return _delegation_for(firm, rule.managers, rule.workers + step)
    if fault == Code.WORKSHOP_DELEGATION_NOT_JOINT:
        return attrs.evolve(
            first,
            participants=tuple(p for p in first.participants if p.role is Role.WORKER),
        )
    if fault == Code.WORKSHOP_DELEGATION_ONE_SEX:
        # The band allows 2: checked before drawing; an unknown headcount is
        # given one, as "employs both sexes" needs it.
        staff = max(firm.headcount or 0, 2)
        both = attrs.evolve(firm, headcount=staff, women=staff // 2)
        return Delegation(
            enterprise=both,
            participants=tuple(
                attrs.evolve(p, gender=Gender.FEMALE) for p in first.participants
            ),
        )
    if fault == Code.WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE:
        people = list(first.participants)
        people[0] = attrs.evolve(people[0], enterprise_id="ELSEWHERE")
        return attrs.evolve(first, participants=tuple(people))
    if fault == Code.ELIGIBILITY_HEADCOUNT_ABOVE_MAX:
        big = profile.employees.maximum + profile.headcount_review_margin + 1
        return attrs.evolve(first, enterprise=attrs.evolve(firm, headcount=big))
    return first


def presences() -> st.SearchStrategy[Presence]:
    """Every :class:`~score_core.workshops.Presence`."""
    return st.sampled_from(Presence)


@functools.cache
def attendance_marks() -> st.SearchStrategy[AttendanceMark]:
    """:class:`~score_core.workshops.AttendanceMark` values."""
    return st.builds(
        AttendanceMark, participant=_NAMES, day=_DATES, presence=presences()
    )


_MAYBE_PRESENCES = st.none() | presences()


def _sheet(draw: st.DrawFn, shop: Workshop) -> AttendanceSheet:
    """A mark (or none) for each participant on each day, drawn one by one."""
    marks = [
        AttendanceMark(participant=p.key, day=day, presence=presence)
        for p in shop.participants
        for day in shop.days
        for presence in [draw(_MAYBE_PRESENCES)]
        if presence is not None
    ]
    return AttendanceSheet(workshop_id=shop.id, marks=tuple(marks))


@st.composite
def _sheets(draw: st.DrawFn, shops: st.SearchStrategy[Workshop]) -> AttendanceSheet:
    return _sheet(draw, draw(shops))


@st.composite
def _sheets_of(draw: st.DrawFn, shop: Workshop) -> AttendanceSheet:
    return _sheet(draw, shop)


@_built_once
def attendance_sheets(
    *, workshop: Workshop | None = None
) -> st.SearchStrategy[AttendanceSheet]:
    """Attendance sheets.

    For a given workshop: a mark (or none) for each participant on each
    classroom day.

    Args:
        workshop: The workshop; a generated one by default.
    """
    if workshop is None:
        return _sheets(workshops())
    if not isinstance(workshop, Workshop):
        raise InvalidArgument(f"workshop={workshop!r} must be a Workshop or None")
    return _sheets_of(workshop)


def _attended_row(
    role: Role, gender: Gender, people: int, days: int, present: int, excused: int
) -> StatisticsRow:
    """A row whose person-days add up: present, excused, the rest absent."""
    person_days = people * days
    present %= person_days + 1
    excused %= person_days - present + 1
    return StatisticsRow(
        role=role,
        gender=gender,
        participants=people,
        present=present,
        absent=person_days - present - excused,
        excused=excused,
    )


def _summed(workshops: int, rows: tuple[StatisticsRow, ...]) -> WorkshopStatistics:
    if workshops == 0:
        return WorkshopStatistics()
    return WorkshopStatistics(workshops=workshops, rows=rows)


@functools.cache
def workshop_statistics() -> st.SearchStrategy[WorkshopStatistics]:
    """Statistics of zero to three workshops: every role and sex, days that add up.

    Built directly (each row's present, absent and excused person-days sum
    to its participants times the classroom days), so that drawing one does
    not generate workshops and attendance sheets.

    .. versionchanged:: Unreleased
        Renamed from ``workshop_stats``.
    """
    counts = st.integers(0, 10_000)
    rows = st.tuples(
        *(
            st.builds(
                _attended_row,
                st.just(role),
                st.just(gender),
                st.integers(0, 60),
                st.integers(1, 6),
                counts,
                counts,
            )
            for role in Role
            for gender in Gender
        )
    )
    return st.builds(_summed, st.integers(0, 3), rows)


@functools.cache
def statistics_rows() -> st.SearchStrategy[StatisticsRow]:
    """:class:`~score_core.workshops.StatisticsRow` values."""
    counts = st.integers(0, 500)
    return st.builds(
        StatisticsRow,
        role=st.sampled_from(Role),
        gender=st.sampled_from(Gender),
        participants=counts,
        present=counts,
        absent=counts,
        excused=counts,
    )


_PICKS = st.integers(min_value=0, max_value=255)


@st.composite
def _delegation_attendances(
    draw: st.DrawFn, shops: st.SearchStrategy[Workshop]
) -> DelegationAttendance:
    shop = draw(shops)
    results = attendance(shop, _sheet(draw, shop))
    return results[draw(_PICKS) % len(results)]


@functools.cache
def delegation_attendances() -> st.SearchStrategy[DelegationAttendance]:
    """:class:`.DelegationAttendance` values, from generated sheets."""
    return _delegation_attendances(workshops())


# -- visits --------------------------------------------------------------------------
def visit_statuses() -> st.SearchStrategy[VisitStatus]:
    """:class:`~score_core.visits.VisitStatus` members."""
    return st.sampled_from(VisitStatus)


_NOTES = st.just("") | names(max_size=40)


@_built_once
def visit_outcomes(
    *, held_on: st.SearchStrategy[date] | None = None
) -> st.SearchStrategy[VisitOutcome]:
    """:class:`~score_core.visits.VisitOutcome` values.

    Args:
        held_on: Strategy for the day the visit was held.
    """
    _check_strategy("held_on", held_on)
    return st.builds(
        VisitOutcome,
        held_on=_DATES_2013_2030 if held_on is None else held_on,
        eit_meeting=_BOOLS,
        kpi_collected=_BOOLS,
        notes=_NOTES,
    )


def _visit(number: int, on: date, parts: tuple[Any, ...], later: bool = False) -> Visit:
    status, nominal, eit, kpi, notes, earlier = parts
    done = status is VisitStatus.DONE
    kind = VisitKind.YEAR_AFTER if later else VisitKind.FOLLOW_UP
    return Visit(
        number=number,
        kind=VisitKind.INTAKE if number == 0 else kind,
        on=on,
        nominal=on - timedelta(1) if nominal else None,
        status=status,
        outcome=VisitOutcome(
            held_on=on, eit_meeting=eit, kpi_collected=kpi, notes=notes
        )
        if done
        else None,
        previous=tuple(on - timedelta(d) for d in earlier),
    )


#: Everything of a visit but its number and day.
_VISIT_PARTS = st.tuples(
    visit_statuses(),
    _BOOLS,
    _BOOLS,
    _BOOLS,
    _NOTES,
    st.lists(st.integers(1, 20), max_size=2, unique=True),
)


@functools.cache
def visits() -> st.SearchStrategy[Visit]:
    """:class:`~score_core.Visit` values of any kind and status."""
    return st.builds(_visit, st.integers(0, 6), _DATES_2013_2030, _VISIT_PARTS, _BOOLS)


def _scaled(top: int, thousandths: int) -> int:
    """A whole number from 0 to ``top``: 0 and ``top`` at the ends of the scale."""
    return top * thousandths // _SCALE


@st.composite
def _visit_cycles(draw: st.DrawFn, max_follow_ups: int) -> VisitCycle:
    first = draw(_DATES_2013_2030)
    classroom = tuple(first + timedelta(i) for i in range(draw(_CLASSROOM_LENGTHS)))
    last = classroom[-1]
    window_end = last + relativedelta(months=draw(_WINDOW_MONTHS)) - timedelta(1)
    available = (window_end - last).days
    gap = draw(_VISIT_GAPS)
    step = max(gap, 1)
    count = _scaled(min(max_follow_ups, available // step), draw(_THOUSANDTHS))
    slack = max(available - 1 - max(count - 1, 0) * step, 0)
    spots = sorted(_scaled(slack, draw(_THOUSANDTHS)) for _ in range(count))
    planned: list[Visit] = []
    if draw(_BOOLS):
        intake_day = first - timedelta(draw(_INTAKE_LEADS))
        planned.append(_visit(0, intake_day, draw(_VISIT_PARTS)))
    for i, spot in enumerate(spots):
        day = last + timedelta(1 + spot + i * step)
        planned.append(_visit(i + 1, day, draw(_VISIT_PARTS)))
    if draw(_BOOLS):
        day = window_end + timedelta(1 + draw(_YEAR_AFTER_DAYS))
        planned.append(_visit(count + 1, day, draw(_VISIT_PARTS), later=True))
    enterprise = draw(_IDENTIFIERS)
    module = draw(_MODULE_CODES)
    return VisitCycle(
        id=f"{module}.{enterprise}",
        enterprise=enterprise,
        module=module,
        profile=draw(_PROFILE_NAMES),
        classroom=classroom,
        window_end=window_end,
        min_gap_days=gap,
        visits=planned,
        calendar="weekdays",
        calendar_source="Monday to Friday, no public holidays",
    )


_CLASSROOM_LENGTHS = st.integers(1, 3)
#: Days from the window's end to a year-after visit (0: the day after it).
_YEAR_AFTER_DAYS = _edges(0, 400)
_WINDOW_MONTHS = _edges(1, 6)
_VISIT_GAPS = _edges(0, 21)
_INTAKE_LEADS = st.integers(1, 30)
_PROFILE_NAMES = st.sampled_from(profile_names())


@_built_once
def visit_cycles(*, max_follow_ups: int = 5) -> st.SearchStrategy[VisitCycle]:
    """:class:`~score_core.VisitCycle` values whose dates keep every rule.

    Visits are in order, the intake before the classroom days, follow-ups in
    the window and at least ``min_gap_days`` apart, a year-after visit (in
    some) past the window, with random statuses
    (done visits held on their day), so that :func:`~score_core.visits.check_cycle`
    finds nothing without a calendar. Built by construction, not planning.

    Args:
        max_follow_ups: The most follow-up visits.
    """
    _check_int("max_follow_ups", max_follow_ups, 0)
    return _visit_cycles(max_follow_ups)


def _module_plan(
    profile: Profile,
    calendar: WorkCalendar,
    ids: list[str],
    earliest: date,
    stagger: int,
) -> ModulePlan:
    firms = [Enterprise(id=i, name=i, headcount=profile.employees.minimum) for i in ids]
    return plan_module(
        firms,
        module=ModuleCode.M1,
        profile=profile,
        calendar=calendar,
        earliest=earliest,
        stagger=stagger,
    )


@_built_once
def module_plans(
    *,
    profile: Profile | None = None,
    calendar: WorkCalendar | None = None,
    max_enterprises: int = 5,
) -> st.SearchStrategy[ModulePlan]:
    """:class:`~score_core.ModulePlan` values made by :func:`~score_core.plan_module`.

    Module 1 for one to ``max_enterprises`` enterprises, on the weekday
    calendar by default. A calendar you pass must leave room for the plan
    (a :exc:`~score_core.PlanningError` is an error of the test, not skipped).

    Args:
        profile: The profile (a built-in one by default).
        calendar: The calendar (Monday to Friday by default).
        max_enterprises: The most enterprises planned together.
    """
    _check_int("max_enterprises", max_enterprises, 1)
    plans = st.builds(
        _module_plan,
        st.sampled_from(_builtin_profiles()) if profile is None else st.just(profile),
        st.just(weekday_calendar() if calendar is None else calendar),
        st.lists(_IDENTIFIERS, min_size=1, max_size=max_enterprises, unique=True),
        _DATES_2013_2030,
        st.integers(0, 2),
    )
    shown = "built-in" if profile is None else profile.name
    return _shown_as(
        f"module_plans(profile={shown}, max_enterprises={max_enterprises})", plans
    )


def _progress(cycle: VisitCycle, on: date) -> CycleProgress:
    return cycle.progress(on)


@functools.cache
def cycle_progresses() -> st.SearchStrategy[CycleProgress]:
    """:class:`~score_core.visits.CycleProgress` of generated cycles on random days."""
    return st.builds(_progress, visit_cycles(), _dates(2013, 2031))


def _reschedule(
    plan: ModulePlan, pick: int, move: int, notice: int, scope: Scope
) -> Rescheduled:
    cycle = plan.cycles[0]
    visit = cycle.visits[pick % len(cycle.visits)]
    return reschedule(
        cycle,
        visit.number,
        visit.on + timedelta(move),
        on=visit.on - timedelta(notice),
        calendar=weekday_calendar(),
        scope=scope,
    )


@functools.cache
def reschedulings() -> st.SearchStrategy[Rescheduled]:
    """:class:`~score_core.visits.Rescheduled` results of moves tried on planned cycles.

    Some moves are made, some refused, on the weekday calendar.

    .. versionchanged:: Unreleased
        Renamed from ``rescheduleds``.
    """
    return st.builds(
        _reschedule,
        module_plans(max_enterprises=1),
        _PICKS,
        st.integers(-10, 20),
        st.integers(0, 30),
        st.sampled_from(Scope),
    )


def _package_plan(
    profile: Profile, ids: list[str], later: list[str], earliest: date, stagger: int
) -> PackagePlan:
    firms = [Enterprise(id=i, name=i, headcount=profile.employees.minimum) for i in ids]
    return plan_package(
        firms,
        modules=[ModuleCode.M1, *later],
        calendar=weekday_calendar(),
        earliest=earliest,
        profile=profile,
        stagger=stagger,
    )


@_built_once
def package_plans(
    *, profile: Profile | None = None, max_modules: int = 3
) -> st.SearchStrategy[PackagePlan]:
    """:class:`~score_core.packages.PackagePlan` values (by ``plan_package``).

    Made by :func:`~score_core.packages.plan_package`: Module 1, then up to
    ``max_modules - 1`` of Modules 2 to 5, for one to three enterprises, on
    the weekday calendar.

    Args:
        profile: The profile (a built-in one by default).
        max_modules: The most modules in a package.
    """
    _check_int("max_modules", max_modules, 1)
    plans = st.builds(
        _package_plan,
        st.sampled_from(_builtin_profiles()) if profile is None else st.just(profile),
        st.lists(_IDENTIFIERS, min_size=1, max_size=3, unique=True),
        st.lists(st.sampled_from(_CORE[1:]), max_size=max_modules - 1, unique=True),
        _DATES_2013_2030,
        st.integers(0, 2),
    )
    shown = "built-in" if profile is None else profile.name
    return _shown_as(
        f"package_plans(profile={shown}, max_modules={max_modules})", plans
    )


# -- seasons ---------------------------------------------------------------------------
@st.composite
def _assignment(draw: st.DrawFn, numbers: list[int] | None) -> Assignment:
    return Assignment(
        person=draw(_SHORT_IDS),
        plan=draw(_SHORT_IDS),
        enterprise=None if numbers is None else draw(_IDENTIFIERS),
        visits=() if numbers is None else tuple(numbers),
        role=draw(_SEASON_ROLES),
    )


_SEASON_ROLES = st.sampled_from(SeasonRole)


@functools.cache
def assignments() -> st.SearchStrategy[Assignment]:
    """:class:`~score_core.season.Assignment` values: classroom days or visits."""
    numbers = st.none() | st.lists(st.integers(0, 6), max_size=4, unique=True)
    return numbers.flatmap(_assignment)


#: The faults :func:`seasons` can inject.
SEASON_FAULTS: tuple[str, ...] = (Code.SEASON_DOUBLE_BOOKED,)

_Trip = tuple[date, str]


class _Book:
    """Who is booked when, as :func:`~score_core.season.check_season` counts it.

    Each unit (a plan's classroom days, a cycle's visits, one visit) goes to
    the first person, from a drawn place in the pool, whom it leaves within
    the rules; else to a new person. Valid by construction, no filtering.
    """

    def __init__(self, profile: Profile, prefix: str) -> None:
        self.profile = profile
        self.prefix = prefix
        self.people: list[str] = []
        self.rooms: dict[str, set[date]] = {}
        self.days: dict[str, dict[date, set[str]]] = {}
        self.weeks: dict[str, dict[tuple[int, int], set[_Trip]]] = {}

    def _new(self) -> str:
        person = f"{self.prefix}{len(self.people) + 1}"
        self.people.append(person)
        self.rooms[person], self.days[person], self.weeks[person] = set(), {}, {}
        return person

    def _fits(self, person: str, rooms: list[date], trips: list[_Trip]) -> bool:
        busy = self.rooms[person] | set(self.days[person])
        if any(d in busy for d in rooms) or any(
            d in self.rooms[person] for d, _ in trips
        ):
            return False
        days = {d: set(p) for d, p in self.days[person].items()}
        weeks = {w: set(t) for w, t in self.weeks[person].items()}
        for day, place in trips:
            days.setdefault(day, set()).add(place)
            weeks.setdefault(day.isocalendar()[:2], set()).add((day, place))
        limit_day = self.profile.max_trainer_visits_per_day
        limit_week = self.profile.max_trainer_visits_per_week
        return all(len(p) <= limit_day for p in days.values()) and all(
            len(t) <= limit_week for t in weeks.values()
        )

    def take(
        self, pick: int, rooms: list[date], trips: list[_Trip], *, fresh: bool = False
    ) -> str | None:
        """The person the unit goes to (None when not even a new one fits)."""
        count = len(self.people)
        order = [] if fresh else [self.people[(pick + i) % count] for i in range(count)]
        chosen = next((p for p in order if self._fits(p, rooms, trips)), None)
        if chosen is None:
            chosen = self._new()
            if not self._fits(chosen, rooms, trips):
                return None  # the new person stays, unbooked and harmless
        self.rooms[chosen].update(rooms)
        for day, place in trips:
            self.days[chosen].setdefault(day, set()).add(place)
            self.weeks[chosen].setdefault(day.isocalendar()[:2], set()).add(
                (day, place)
            )
        return chosen


def _cover_cycle(
    books: tuple[_Book, ...],
    plan: ModulePlan,
    cycle: VisitCycle,
    pick: int,
    fresh: bool,
) -> list[Assignment]:
    """Assignments for a cycle's visits: one person for all, or one a visit."""
    jobs: list[Assignment] = []
    for book, role in zip(books, SeasonRole, strict=False):
        trips = [(v.held_on, cycle.enterprise) for v in cycle.visits if v.active]
        person = book.take(pick, [], trips, fresh=fresh)
        if person is not None:
            jobs.append(
                Assignment(
                    person=person, plan=plan.id, enterprise=cycle.enterprise, role=role
                )
            )
            continue
        for visit in (v for v in cycle.visits if v.active):
            one = book.take(pick, [], [(visit.held_on, cycle.enterprise)], fresh=fresh)
            assert one is not None  # a single visit fits a new person
            jobs.append(
                Assignment(
                    person=one,
                    plan=plan.id,
                    enterprise=cycle.enterprise,
                    visits=(visit.number,),
                    role=role,
                )
            )
    return jobs


class _SeasonRecipe:
    def __init__(
        self,
        plans: st.SearchStrategy[list[ModulePlan]],
        profile: Profile,
        fault: str | None,
    ) -> None:
        self.plans = plans
        self.profile = profile
        self.fault = fault

    def __repr__(self) -> str:
        return f"<seasons of profile {self.profile.name}, fault {self.fault}>"


def _season_trainer(person: str) -> Trainer:
    return Trainer(
        id=person,
        name=f"Trainer {person}",
        certifications=tuple(_certified(code) for code in _CORE),
    )


def _twin(plan: ModulePlan, plan_id: str) -> ModulePlan:
    """The plan again, for other enterprises, on the same days."""
    cycles = [
        attrs.evolve(
            c, id=f"{plan_id}.{c.enterprise}-x", enterprise=f"{c.enterprise}-x"
        )
        for c in plan.cycles
    ]
    return attrs.evolve(plan, id=plan_id, cycles=cycles)


def _books(
    profile: Profile, plan: ModulePlan, trainers: _Book, inspectors: _Book
) -> tuple[_Book, ...]:
    """The trainers, and the inspectors too for a module visited in pairs."""
    if plan.module in profile.paired_visit_modules:
        return (trainers, inspectors)
    return (trainers,)


@st.composite
def _seasons(draw: st.DrawFn, recipe: _SeasonRecipe) -> Season:
    profile = recipe.profile
    plans = [attrs.evolve(p, id=f"P{i + 1}") for i, p in enumerate(draw(recipe.plans))]
    trainers, inspectors = _Book(profile, "T"), _Book(profile, "I")
    jobs: list[Assignment] = []
    for plan in plans:
        books = _books(profile, plan, trainers, inspectors)
        person = trainers.take(draw(_PICKS), list(plan.classroom), [])
        assert person is not None  # classroom days fit a new person
        jobs.append(Assignment(person=person, plan=plan.id))
        for cycle in plan.cycles:
            jobs += _cover_cycle(books, plan, cycle, draw(_PICKS), fresh=False)
    if recipe.fault == Code.SEASON_DOUBLE_BOOKED:
        twin = _twin(plans[0], f"P{len(plans) + 1}")
        plans.append(twin)
        jobs.append(Assignment(person=jobs[0].person, plan=twin.id))
        books = _books(profile, twin, trainers, inspectors)
        for cycle in twin.cycles:
            jobs += _cover_cycle(books, twin, cycle, 0, fresh=True)
    return Season(
        id=draw(_SHORT_IDS),
        plans=plans,
        trainers=[_season_trainer(p) for p in trainers.people],
        assignments=jobs,
    )


@_built_once
def seasons(
    *,
    profile: Profile | None = None,
    max_plans: int = 3,
    fault: str | None = None,
) -> st.SearchStrategy[Season]:
    """Seasons with no finding under ``profile``, or with one injected fault.

    One to ``max_plans`` plans of Module 1 (from :func:`module_plans`, of
    one to three enterprises each), trainers certified in the core modules,
    and assignments: each plan's classroom days and each cycle's visits go
    to the first trainer they leave within the profile's limits, from a
    drawn place in the roster (a new trainer when none fits), so that
    trainers are shared across plans; a visit of a paired module gets a
    safety inspector too. :func:`~score_core.season.check_season` finds
    nothing in them.

    Args:
        profile: The profile of the plans and the limits; the default
            profile by default.
        max_plans: The most plans.
        fault: A code of :data:`SEASON_FAULTS` to inject:
            ``season.trainer.double_booked`` adds a twin of the first plan
            (other enterprises, the same days) whose classroom days go to the
            first plan's trainer, and nothing else breaks.

    Raises:
        InvalidArgument: for an unknown fault or a bad argument.
    """
    used = get_profile() if profile is None else profile
    if not isinstance(used, Profile):
        raise InvalidArgument(f"profile={profile!r} must be a Profile or None")
    _check_int("max_plans", max_plans, 1)
    if fault is not None and fault not in SEASON_FAULTS:
        raise InvalidArgument(f"fault must be one of {', '.join(SEASON_FAULTS)}")
    plans = st.lists(
        module_plans(profile=used, max_enterprises=3), min_size=1, max_size=max_plans
    )
    return _seasons(_SeasonRecipe(plans, used, fault))


# -- pricing -------------------------------------------------------------------------
# Amounts are drawn as whole thousandths of the currency unit and made Money
# once the currency is known: one strategy serves every currency, and a
# strategy for the currency can come from the caller.
_CNY = st.just("CNY")


def _money(code: str, thousandths: int) -> Money:
    digits = get_currency(code).minor_units
    return Money.from_minor(thousandths * 10**digits // 1000, code)


@functools.cache
def _thousandths(top: int) -> st.SearchStrategy[int]:
    """Amounts from 0 to ``top`` units, in thousandths; 0 is drawn often."""
    return st.just(0) | st.integers(min_value=0, max_value=top * 1000)


def _optional(draws: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | draws


_MakeMoney = Callable[[str], Any]


def _maker(
    build: Callable[..., Any], **parts: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """A strategy for functions of the currency code that build one value.

    Each part that is an int is an amount in thousandths; each part that is
    itself a function of the code is called with it.
    """

    def bind(**drawn: Any) -> Callable[[str], Any]:
        def make(code: str) -> Any:
            return build(code, **drawn)

        return make

    return st.builds(bind, **parts)


def _in(code: str, thousandths: int | None) -> Money | None:
    return None if thousandths is None else _money(code, thousandths)


def _cost_model(code: str, *, amounts: dict[str, int], **fields: Any) -> CostModel:
    money: dict[str, Any] = {k: _money(code, v) for k, v in amounts.items()}
    return CostModel(currency=code, **money, **fields)


_COST_MODEL_MAKERS = _maker(
    _cost_model,
    amounts=st.fixed_dictionaries(
        {
            "trainer_day_rate": _thousandths(20_000),
            "venue_per_day": _thousandths(20_000),
            "catering_per_participant_day": _thousandths(500),
            "materials_per_participant": _thousandths(500),
            "trainer_travel": _thousandths(20_000),
            "baseline_assessment": _thousandths(20_000),
            "consultant_day_rate": _thousandths(20_000),
            "visit_travel": _thousandths(2_000),
        }
    ),
    name=_REGISTRY_NAMES,
    trainers=st.integers(1, 3),
    preparation_days=st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1)]),
    overhead=st.sampled_from([Decimal(0), Decimal("0.1"), Decimal("0.15")]),
    example=_BOOLS,
    source=_NAMES,
)


def _apply(make: Callable[[str], T], code: str) -> T:
    return make(code)


@_built_once
def cost_models(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[CostModel]:
    """:class:`~score_core.CostModel` values in one currency.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of every amount; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(_apply, _COST_MODEL_MAKERS, _CNY if currency is None else currency)


def _fee_tier(code: str, *, up_to: int | None, price: int) -> FeeTier:
    return FeeTier(up_to=up_to, price=_money(code, price))


_FEE_TIER_MAKERS = _maker(
    _fee_tier, up_to=st.none() | st.integers(0, 1_000), price=_thousandths(20_000)
)


@_built_once
def fee_tiers(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[FeeTier]:
    """:class:`~score_core.pricing.FeeTier` values.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of the price; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(_apply, _FEE_TIER_MAKERS, _CNY if currency is None else currency)


def _fee_rule(
    code: str,
    *,
    tiers: tuple[list[tuple[int, int]], int] | None,
    share: Decimal,
    cap: int | None,
) -> FeeRule:
    chosen: tuple[FeeTier, ...] = ()
    if tiers is not None:
        limited, last = tiers
        chosen = (
            *(
                FeeTier(up_to=limit, price=_money(code, price))
                for limit, price in sorted(limited)
            ),
            FeeTier(up_to=None, price=_money(code, last)),
        )
    return FeeRule(tiers=chosen, share=share, cap=_in(code, cap))


_FEE_RULE_MAKERS = _maker(
    _fee_rule,
    tiers=_optional(
        st.tuples(
            st.lists(
                st.tuples(st.integers(1, 1_000), _thousandths(20_000)),
                max_size=3,
                unique_by=lambda tier: tier[0],
            ),
            _thousandths(20_000),
        )
    ),
    share=_SHARES,
    cap=_optional(_thousandths(20_000)),
)


@_built_once
def fee_rules(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[FeeRule]:
    """:class:`~score_core.pricing.FeeRule` values: size tiers or a share, maybe capped.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of every amount; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(_apply, _FEE_RULE_MAKERS, _CNY if currency is None else currency)


_SHARE_RULE_NAMES = st.sampled_from(
    ["", "lead buyer", "provincial SME scheme", "龙头企业"]
)


def _share_rule(
    code: str,
    *,
    share: Decimal,
    per_enterprise: int | None,
    per_participant: int | None,
    name: str,
) -> ShareRule:
    return ShareRule(
        share=share,
        cap_per_enterprise=_in(code, per_enterprise),
        cap_per_participant=_in(code, per_participant),
        name=name,
    )


_SHARE_RULE_MAKERS = _maker(
    _share_rule,
    share=_SHARES,
    per_enterprise=_optional(_thousandths(20_000)),
    per_participant=_optional(_thousandths(2_000)),
    name=_SHARE_RULE_NAMES,
)


@_built_once
def share_rules(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ShareRule]:
    """:class:`~score_core.pricing.ShareRule` values, with caps or without.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of the caps; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(_apply, _SHARE_RULE_MAKERS, _CNY if currency is None else currency)


def _group_rules(
    code: str,
    *,
    fee: Callable[[str], FeeRule] | None,
    sponsor: Callable[[str], ShareRule] | None,
    government: Callable[[str], ShareRule] | None,
    in_kind: int | None,
    donor_cap: int | None,
    **fields: Any,
) -> GroupRules:
    return GroupRules(
        fee=None if fee is None else fee(code),
        sponsor=None if sponsor is None else sponsor(code),
        government=None if government is None else government(code),
        in_kind=_in(code, in_kind),
        donor_cap=_in(code, donor_cap),
        **fields,
    )


_GROUP_RULE_MAKERS = _maker(
    _group_rules,
    fee=_optional(_FEE_RULE_MAKERS),
    sponsor=_optional(_SHARE_RULE_MAKERS),
    government=_optional(_SHARE_RULE_MAKERS),
    in_kind=_optional(_thousandths(20_000)),
    donor_share=_SHARES,
    donor_cap=_optional(_thousandths(100_000)),
    raises_donor_share=_BOOLS,
)


@_built_once
def group_rules(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[GroupRules]:
    """:class:`~score_core.pricing.GroupRules` values for one module group.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of every amount; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(_apply, _GROUP_RULE_MAKERS, _CNY if currency is None else currency)


def _funding_rules(
    code: str,
    *,
    module1: Callable[[str], GroupRules],
    later_modules: Callable[[str], GroupRules],
) -> FundingRules:
    return FundingRules(module1=module1(code), later_modules=later_modules(code))


_FUNDING_RULE_MAKERS = _maker(
    _funding_rules, module1=_GROUP_RULE_MAKERS, later_modules=_GROUP_RULE_MAKERS
)


@_built_once
def funding_rules(
    *, currency: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[FundingRules]:
    """:class:`.FundingRules` values (Module 1 and the later modules).

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of every amount; CNY by default.
    """
    _check_strategy("currency", currency)
    return st.builds(
        _apply, _FUNDING_RULE_MAKERS, _CNY if currency is None else currency
    )


def _funding_policy(
    code: str, *, periods: list[Callable[[str], FundingRules]], **fields: Any
) -> FundingPolicy:
    count = len(periods)
    entries = tuple(
        Dated(
            value=make(code),
            start=None if k == 0 else date(2013 + k, 1, 1),
            end=None if k == count - 1 else date(2013 + k, 12, 31),
        )
        for k, make in enumerate(periods)
    )
    return FundingPolicy(currency=code, periods=Timeline(entries=entries), **fields)


@_built_once
def funding_policies(
    *, currency: st.SearchStrategy[str] | None = None, max_periods: int = 3
) -> st.SearchStrategy[FundingPolicy]:
    """:class:`~score_core.FundingPolicy` values: one to ``max_periods`` yearly periods.

    The periods run from 2013 on, one calendar year each, the last open-ended,
    so that any date from 2013 has rules in force.

    .. versionchanged:: Unreleased
        ``currency`` is a strategy (it was an ISO code).

    Args:
        currency: Strategy for the ISO code of every amount; CNY by default.
        max_periods: The most periods.
    """
    _check_strategy("currency", currency)
    if (
        isinstance(max_periods, bool)
        or not isinstance(max_periods, int)
        or max_periods < 1
    ):
        raise InvalidArgument(
            f"funding_policies needs max_periods >= 1, not {max_periods!r}"
        )
    makers = _maker(
        _funding_policy,
        periods=st.lists(_FUNDING_RULE_MAKERS, min_size=1, max_size=max_periods),
        name=_REGISTRY_NAMES,
        allocation=st.sampled_from(Allocation),
        example=_BOOLS,
        source=_NAMES,
    )
    return st.builds(_apply, makers, _CNY if currency is None else currency)


def _priced_workshop(
    *, ident: str, module: str, first: date, length: int, firms: list[tuple[int, int]]
) -> Workshop:
    delegations = []
    for k, (headcount, people) in enumerate(firms):
        firm = Enterprise(id=f"E{k + 1}", name=f"E{k + 1}", headcount=headcount)
        members = tuple(
            Participant(
                name=f"E{k + 1}-{i}",
                role=(Role.MANAGER, Role.WORKER)[i % 2],
                gender=(Gender.FEMALE, Gender.MALE)[i // 2 % 2],
            )
            for i in range(people)
        )
        delegations.append(Delegation(enterprise=firm, participants=members))
    return Workshop(
        id=ident,
        module=module,
        days=tuple(first + timedelta(d) for d in range(length)),
        delegations=tuple(delegations),
    )


#: Workshops of one to five enterprises, cheap to draw (quotes need no rules).
_PRICED_WORKSHOPS = st.builds(
    _priced_workshop,
    ident=_IDENTIFIERS,
    module=_CORE_CODES,
    first=_DATES_2013_2030,
    length=st.integers(1, 3),
    firms=st.lists(
        st.tuples(st.integers(0, 600), st.integers(0, 6)), min_size=1, max_size=5
    ),
)


def _quote(shop: Workshop, model: CostModel, policy: FundingPolicy) -> Quote:
    return quote(
        shop,
        cost_model=model,
        policy=policy,
        on=shop.first_day,
        mode=Resolution.LENIENT,
    )


@_built_once
def quotes(
    *,
    cost_model: st.SearchStrategy[CostModel] | None = None,
    policy: st.SearchStrategy[FundingPolicy] | None = None,
) -> st.SearchStrategy[Quote]:
    """:class:`~score_core.Quote` values: workshops of 1 to 5 enterprises priced.

    Priced under cn-phase-2 (CNY), leniently, so any date has rules and a
    target.

    Args:
        cost_model: Strategy for the cost model (CNY).
        policy: Strategy for the funding policy (CNY); by default policies of
            one period (a quote reads the rules of one date only).
    """
    _check_strategy("cost_model", cost_model)
    _check_strategy("policy", policy)
    return st.builds(
        _quote,
        _PRICED_WORKSHOPS,
        cost_models() if cost_model is None else cost_model,
        funding_policies(max_periods=1) if policy is None else policy,
    )


def _pick(items: tuple[T, ...], pick: int) -> T:
    return items[pick % len(items)]


#: The keys of a quote's cost lines: the shared ones, then an enterprise's own.
_COST_KEYS = st.sampled_from(
    (
        "trainer_days",
        "preparation",
        "venue",
        "catering",
        "materials",
        "trainer_travel",
        "baseline",
        "visits",
        "visit_travel",
    )
)
_CNY_AMOUNTS = st.builds(_money, _CNY, _thousandths(100_000))


@functools.cache
def cost_lines() -> st.SearchStrategy[CostLine]:
    """:class:`~score_core.pricing.CostLine` values: a key a quote uses, in CNY.

    Built directly (a shared line, or an enterprise's own), so that drawing
    one does not price a workshop; :func:`quotes` gives lines in context.
    """
    return st.builds(
        CostLine,
        key=_COST_KEYS,
        basis=_NAMES,
        amount=_CNY_AMOUNTS,
        enterprise=st.none() | _ENTERPRISE_IDS,
    )


@functools.cache
def enterprise_invoices() -> st.SearchStrategy[EnterpriseInvoice]:
    """:class:`.EnterpriseInvoice` values taken from generated quotes."""
    return st.builds(lambda q, k: _pick(q.invoices, k), quotes(), _PICKS)


@functools.cache
def payments() -> st.SearchStrategy[Payment]:
    """:class:`~score_core.pricing.Payment` values: a payer, an amount in CNY, a rule.

    Built directly, so that drawing one does not price a workshop.
    """
    return st.builds(
        Payment, payer=st.sampled_from(Payer), amount=_CNY_AMOUNTS, rule=_NAMES
    )


@functools.cache
def portfolios() -> st.SearchStrategy[Portfolio]:
    """:class:`~score_core.pricing.Portfolio` values summing one or two quotes.

    The quotes of one institution: priced with one cost model and one
    funding policy.
    """
    return st.builds(
        _institution_portfolio,
        st.lists(_PRICED_WORKSHOPS, min_size=1, max_size=2),
        cost_models(),
        funding_policies(max_periods=1),
    )


def _institution_portfolio(
    shops: list[Workshop], model: CostModel, policy: FundingPolicy
) -> Portfolio:
    return portfolio([_quote(shop, model, policy) for shop in shops])


def _portfolio_row(
    year: int, group: ModuleGroup, payer: Payer, thousandths: int
) -> PortfolioRow:
    return PortfolioRow(
        year=year, group=group, payer=payer, amount=_money("CNY", thousandths)
    )


@functools.cache
def portfolio_rows() -> st.SearchStrategy[PortfolioRow]:
    """:class:`.PortfolioRow` values: a year, a group, a payer and a sum in CNY.

    Built directly (a portfolio's rows are sums of quotes' payments, zero
    or more), so that drawing one does not price workshops.
    """
    return st.builds(
        _portfolio_row,
        st.integers(2013, 2030),
        st.sampled_from(ModuleGroup),
        st.sampled_from(Payer),
        _thousandths(1_000_000),
    )


def _portfolio_target(
    on: date, group: ModuleGroup, target: Decimal | None
) -> PortfolioTarget:
    return PortfolioTarget(year=on.year, group=group, on=on, target=target)


@functools.cache
def portfolio_targets() -> st.SearchStrategy[PortfolioTarget]:
    """:class:`.PortfolioTarget` values: a date's year and group, and a share."""
    return st.builds(
        _portfolio_target,
        _DATES_2013_2030,
        st.sampled_from(ModuleGroup),
        _optional(_SHARES),
    )


def _break_even(
    model: CostModel, target: Decimal, fee: int | None, size: int
) -> BreakEven:
    if fee is not None:
        return break_even(model, fee=_money(model.currency, fee), target=target)
    return fee_for(model, enterprises=size, target=target)


@functools.cache
def break_evens() -> st.SearchStrategy[BreakEven]:
    """:class:`~score_core.pricing.BreakEven` answers for generated cost models."""
    return st.builds(
        _break_even,
        cost_models(),
        _SHARES,
        _optional(_thousandths(30_000)),
        st.integers(1, 5),
    )


# -- monitoring ------------------------------------------------------------------------
@functools.cache
def indicators() -> st.SearchStrategy[Indicator]:
    """:class:`.Indicator` values: practices and KPIs of any direction."""
    modules = st.frozensets(module_codes(), max_size=3)
    practice = st.builds(
        Indicator,
        code=_IDENTIFIERS,
        title=_NAMES,
        kind=st.just(IndicatorKind.PRACTICE),
        unit=st.just("yes/no"),
        modules=modules,
    )
    kpi = st.builds(
        Indicator,
        code=_IDENTIFIERS,
        title=_NAMES,
        kind=st.just(IndicatorKind.KPI),
        unit=st.sampled_from(["percent", "people", "days", "kWh per month"]),
        direction=st.sampled_from(Direction),
        modules=modules,
        by_sex=_BOOLS,
    )
    return practice | kpi


@functools.cache
def indicator_sets() -> st.SearchStrategy[IndicatorSet]:
    """:class:`~score_core.monitoring.IndicatorSet` values of one to six indicators."""
    return st.builds(
        IndicatorSet,
        name=_REGISTRY_NAMES,
        indicators=st.lists(
            indicators(), min_size=1, max_size=6, unique_by=lambda i: i.code
        ),
    )


def _measurement(
    indicator: Indicator,
    *,
    point: Point,
    raw: tuple[int, int, int],
    visit: int,
    **fields: Any,
) -> Measurement:
    women = men = None
    if indicator.kind is IndicatorKind.PRACTICE:
        value = Decimal(raw[0] % 2)
    elif indicator.by_sex:
        women, men = Decimal(raw[1]), Decimal(raw[2])
        value = women + men
    else:
        value = Decimal(raw[0]) / 100
    return Measurement(
        indicator=indicator.code,
        value=value,
        unit=indicator.unit,
        point=point,
        visit=visit if point is Point.VISIT else None,
        women=women,
        men=men,
        **fields,
    )


_MEASURED = st.tuples(st.integers(0, 100_000), st.integers(0, 300), st.integers(0, 300))


@_built_once
def measurements(
    *,
    indicators: IndicatorSet | None = None,
    enterprise: st.SearchStrategy[str] | None = None,
    point: st.SearchStrategy[Point] | None = None,
) -> st.SearchStrategy[Measurement]:
    """:class:`~score_core.Measurement` values that fit their indicator.

    The unit is the indicator's, a practice is 1 or 0, and an indicator split
    by sex has women and men that sum to the value.

    Args:
        indicators: The indicator set (score_core's own by default).
        enterprise: Strategy for the enterprise id.
        point: Strategy for where it was taken.
    """
    known = default_indicators() if indicators is None else indicators
    if not isinstance(known, IndicatorSet):
        raise InvalidArgument(f"indicators={indicators!r} must be an IndicatorSet")
    _check_strategy("enterprise", enterprise)
    _check_strategy("point", point)
    return st.builds(
        _measurement,
        st.sampled_from(known.indicators),
        point=st.sampled_from(Point) if point is None else point,
        raw=_MEASURED,
        visit=st.integers(0, 6),
        enterprise=_IDENTIFIERS if enterprise is None else enterprise,
        on=_DATES_2013_2030,
    )


@_built_once
def measurement_series(
    *, indicators: IndicatorSet | None = None, max_size: int = 30
) -> st.SearchStrategy[list[Measurement]]:
    """Lists of measurements of a few enterprises, baselines and later values mixed.

    Args:
        indicators: The indicator set (score_core's own by default).
        max_size: Most measurements.
    """
    _check_int("max_size", max_size, 0)
    return st.lists(
        measurements(
            indicators=indicators, enterprise=st.sampled_from(["E1", "E2", "E3", "E4"])
        ),
        max_size=max_size,
    )


@functools.cache
def change_sets() -> st.SearchStrategy[ChangeSet]:
    """:class:`.ChangeSet` values computed from generated series."""
    return measurement_series().map(_changes)


def _change(firm: str, base: Measurement, later: Measurement) -> Change:
    one = IndicatorSet(name="one", indicators=(default_indicators()[base.indicator],))
    pair = [attrs.evolve(base, enterprise=firm), attrs.evolve(later, enterprise=firm)]
    return _changes(pair, indicators=one).changes[0]


@functools.cache
def changes() -> st.SearchStrategy[Change]:
    """:class:`~score_core.monitoring.Change` values: a baseline and a later value.

    .. versionchanged:: Unreleased
        Renamed from ``change_values``.
    """
    pairs = []
    for indicator in default_indicators().indicators:
        one = IndicatorSet(name="one", indicators=(indicator,))
        pairs.append(
            st.builds(
                _change,
                _IDENTIFIERS,
                measurements(indicators=one, point=st.just(Point.BASELINE)),
                measurements(
                    indicators=one,
                    point=st.sampled_from([Point.VISIT, Point.YEAR_AFTER]),
                ),
            )
        )
    return _shown_as("changes()", st.one_of(pairs))


def _aggregate_of(found: ChangeSet, min_n: int) -> AggregateSet:
    return aggregate(found, min_n=min_n)


@functools.cache
def aggregate_sets() -> st.SearchStrategy[AggregateSet]:
    """:class:`.AggregateSet` values computed from generated series."""
    return st.builds(_aggregate_of, change_sets(), st.integers(1, 6))


def _aggregate(
    n: int,
    a: Decimal,
    b: Decimal,
    c: Decimal,
    rel: Decimal | None,
    improved: int,
    unit: str,
    code: str,
) -> Aggregate:
    return Aggregate(
        indicator=code,
        unit=unit,
        n=n,
        median=sorted((a, b, c))[1],
        lower_quartile=min(a, b, c),
        upper_quartile=max(a, b, c),
        median_relative=rel,
        improved=min(improved, n),
    )


@functools.cache
def aggregates() -> st.SearchStrategy[Aggregate]:
    """:class:`.Aggregate` values built directly (one unit each)."""
    values = st.integers(-10_000, 10_000).map(Decimal)
    return st.builds(
        _aggregate,
        st.integers(1, 500),
        values,
        values,
        values,
        st.none() | values,
        st.integers(0, 500),
        st.sampled_from(["percent", "people", "days"]),
        _IDENTIFIERS,
    )


@functools.cache
def results_reports() -> st.SearchStrategy[ResultsReport]:
    """:class:`.ResultsReport` values computed from generated series."""
    return measurement_series().map(results_report)


@functools.cache
def result_rows() -> st.SearchStrategy[ResultRow]:
    """:class:`~score_core.monitoring.ResultRow` values built directly."""
    values = st.integers(0, 100_000).map(lambda n: Decimal(n) / 100)
    return st.builds(
        ResultRow,
        indicator=_IDENTIFIERS,
        title=_NAMES,
        unit=st.sampled_from(["percent", "people", "days"]),
        direction=st.sampled_from(Direction),
        period=st.integers(2013, 2030),
        n=st.integers(1, 500),
        baseline=values,
        baseline_year=st.integers(2013, 2030),
        target=st.none() | values,
        actual=values,
    )


@functools.cache
def work_calendars() -> st.SearchStrategy[WorkCalendar]:
    """Values of the :class:`~score_core.WorkCalendar` protocol.

    Fixed calendars (:func:`fixed_calendars`) and the Monday-to-Friday
    :func:`~score_core.weekday_calendar`.
    """
    return st.one_of(st.just(weekday_calendar()), fixed_calendars())


def _withdraw_first(workshop: Workshop) -> Enrolment:
    return withdraw(workshop, workshop.delegations[0].enterprise.id)


@functools.cache
def enrolments() -> st.SearchStrategy[Enrolment]:
    """:class:`~score_core.workshops.Enrolment` values, from real operations.

    A delegation enrolled (or waitlisted, or already there) in a workshop, or
    a workshop's first enterprise withdrawn.
    """
    return st.one_of(
        st.builds(enrol, workshops(), delegations()),
        st.builds(_withdraw_first, workshops()),
    )


# -- streaming -------------------------------------------------------------------------
@functools.cache
def line_errors() -> st.SearchStrategy[LineError]:
    """:class:`~score_core.streaming.LineError` values: a line and its problems."""
    problems = st.builds("$.{}: {}".format, _IDENTIFIERS, _NAMES)
    return st.builds(
        LineError,
        line=st.integers(1, 10**9),
        errors=st.lists(problems, min_size=1, max_size=3),
        source=_OPTIONAL_NAMES,
    )


#: The strategy function for each public type: ``STRATEGIES[Workshop]`` is
#: :func:`workshops`. Generic types' functions take a strategy for the type
#: parameter.
#:
#: :meta hide-value:
STRATEGIES: Mapping[type, Callable[..., st.SearchStrategy[Any]]] = MappingProxyType(
    {cls: globals()[name] for cls, name in STRATEGY_NAMES.items()}
)
