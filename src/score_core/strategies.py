"""Hypothesis strategies for every public score_core type (the ``testing`` extra).

Strategies follow Hypothesis' own API style: plural names, keyword-only
arguments, and arguments you will want to vary take *strategies*. Every
example is valid by construction (it passes score_core's validators), and
none is built by filtering.

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
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

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
    changes,
    default_indicators,
    results_report,
)
from score_core.parameters import Dated, Resolution, Resolved, Timeline
from score_core.people import (
    Certification,
    Gender,
    ImprovementTeam,
    Participant,
    Role,
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
    Payment,
    Portfolio,
    PortfolioRow,
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
from score_core.sources import Source, get_source, source_keys
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
    Presence,
    StatisticsRow,
    Workshop,
    WorkshopStatistics,
    attendance,
    workshop_statistics,
)


__all__ = [
    "WORKSHOP_FAULTS",
    "aggregate_sets",
    "aggregates",
    "attendance_marks",
    "attendance_sheets",
    "bands",
    "break_evens",
    "catalogues",
    "certifications",
    "change_sets",
    "change_values",
    "code_infos",
    "cost_lines",
    "cost_models",
    "country_codes",
    "coverage_targets",
    "currencies",
    "currency_codes",
    "cycle_progresses",
    "dated",
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
    "participants",
    "paths",
    "payments",
    "portfolio_rows",
    "portfolios",
    "presences",
    "profiles",
    "provenances",
    "quotes",
    "registrations",
    "reports",
    "rescheduleds",
    "resolutions",
    "result_rows",
    "results_reports",
    "rule_checks",
    "rule_violations",
    "screening_summaries",
    "severities",
    "share_rules",
    "sources",
    "state_changes",
    "statistics_rows",
    "timelines",
    "trainers",
    "training_modules",
    "used_parameters",
    "visit_cycles",
    "visit_outcomes",
    "visit_statuses",
    "visits",
    "workshop_stats",
    "workshops",
]
_IDENT_FIRST = string.ascii_lowercase
_IDENT_REST = string.ascii_lowercase + string.digits + "_"


def currency_codes() -> st.SearchStrategy[str]:
    """ISO 4217 codes from the registered currency table."""
    return st.sampled_from([c.code for c in _registered_currencies()])


def currencies() -> st.SearchStrategy[Currency]:
    """Registered :class:`~score_core.Currency` values."""
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


@st.composite
def monies(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] | None = None,
    min_value: Decimal | int | None = Decimal(-1_000_000),
    max_value: Decimal | int | None = Decimal(1_000_000),
) -> Money:
    """:class:`~score_core.Money` amounts, always whole numbers of minor units.

    Args:
        draw: Supplied by Hypothesis.
        currency: Strategy for the ISO code; all registered codes by default.
        min_value: Least amount in currency units, or None for the least
            Money accepts (above -10**24).
        max_value: Greatest amount in currency units, or None for the
            greatest Money accepts (below 10**24).

    Raises:
        InvalidArgument: when the bounds leave no whole minor unit.
    """
    code = draw(currency_codes() if currency is None else currency)
    digits = get_currency(code).minor_units
    low = _minor_bound(min_value, digits, upper=False)
    high = _minor_bound(max_value, digits, upper=True)
    if low is not None and high is not None and low > high:
        raise InvalidArgument(
            f"no amount in {code} lies between {min_value} and {max_value}"
        )
    units = draw(st.integers(min_value=low, max_value=high))
    return Money.from_minor(units, code)


def severities() -> st.SearchStrategy[Severity]:
    """Every :class:`~score_core.Severity`."""
    return st.sampled_from(Severity)


def _identifiers() -> st.SearchStrategy[str]:
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_IDENT_FIRST),
        st.text(_IDENT_REST, max_size=12),
    )


def paths(*, max_size: int = 5) -> st.SearchStrategy[tuple[PathItem, ...]]:
    """Paths into a value: field names and list positions."""
    item: st.SearchStrategy[PathItem] = st.one_of(
        _identifiers(), st.integers(min_value=0, max_value=50)
    )
    return st.lists(item, max_size=max_size).map(tuple)


def _param_values() -> st.SearchStrategy[ParamValue]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**9), max_value=10**9),
        st.text(max_size=20),
    )


def code_infos() -> st.SearchStrategy[CodeInfo]:
    """Entries of the finding-code catalogue."""
    return st.sampled_from(list(all_codes().values()))


@st.composite
def rule_violations(
    draw: st.DrawFn,
    *,
    codes: st.SearchStrategy[str] | None = None,
    severity: st.SearchStrategy[Severity] | None = None,
) -> RuleViolation:
    """Findings made from the code catalogue, their messages filled in.

    Args:
        draw: Supplied by Hypothesis.
        codes: Strategy for registered codes; all of the catalogue by default.
        severity: Strategy for the severity; the code's default when None.
    """
    code = draw(st.sampled_from(sorted(all_codes())) if codes is None else codes)
    info = all_codes()[code]
    params = {name: draw(_param_values()) for name in info.placeholders}
    chosen = None if severity is None else draw(severity)
    return violation(code, path=draw(paths()), severity=chosen, **params)


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
    items = rule_violations() if violations is None else violations
    return st.builds(
        Report, violations=st.lists(items, min_size=min_size, max_size=max_size)
    )


def sources() -> st.SearchStrategy[Source]:
    """Registered :class:`~score_core.Source` entries."""
    return st.sampled_from([get_source(k) for k in source_keys()])


# -- people and names -----------------------------------------------------------------
def names(*, max_size: int = 20) -> st.SearchStrategy[str]:
    """Names in any script (letters and digits, no leading or trailing space)."""
    letters = st.characters(categories=("L", "N"), codec="utf-8")
    middle = st.text(st.sampled_from(" -.") | letters, max_size=max(max_size - 2, 0))
    return st.builds(
        lambda first, mid, last: (first + mid + last)[:max_size] if max_size else first,
        letters,
        middle,
        letters,
    )


def country_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 shaped codes, such as ``CN``."""
    return st.text(string.ascii_uppercase, min_size=2, max_size=2)


def _dates(min_year: int = 2009, max_year: int = 2035) -> st.SearchStrategy[date]:
    return st.dates(min_value=date(min_year, 1, 1), max_value=date(max_year, 12, 31))


@st.composite
def enterprises(
    draw: st.DrawFn,
    *,
    headcount: st.SearchStrategy[int] | None = None,
    women: st.SearchStrategy[int | None] | None = None,
    sector: st.SearchStrategy[str | None] | None = None,
    country: st.SearchStrategy[str | None] | None = None,
) -> Enterprise:
    """:class:`~score_core.Enterprise` values.

    Args:
        draw: Supplied by Hypothesis.
        headcount: Strategy for the headcount; 0 to 2,000 by default.
        women: Strategy for the number of women; by default None or a number
            between 0 and the headcount. A drawn value above the headcount is
            an error, not a filter.
        sector: Strategy for the sector (None allowed).
        country: Strategy for the country code (None allowed).
    """
    staff = draw(
        st.integers(min_value=0, max_value=2000) if headcount is None else headcount
    )
    if women is None:
        female = draw(st.none() | st.integers(min_value=0, max_value=staff))
    else:
        female = draw(women)
        if female is not None and not 0 <= female <= staff:
            raise InvalidArgument(f"women={female} must lie between 0 and {staff}")
    return Enterprise(
        id=draw(
            st.text(
                string.ascii_uppercase + string.digits + "-", min_size=1, max_size=10
            )
        ),
        name=draw(names()),
        headcount=staff,
        women=female,
        sector=draw(st.none() | names(max_size=12) if sector is None else sector),
        country=draw(st.none() | country_codes() if country is None else country),
        region=draw(st.none() | names(max_size=12)),
        registration_id=draw(
            st.none()
            | st.text(string.ascii_uppercase + string.digits, min_size=18, max_size=18)
        ),
        founded=draw(
            st.none()
            | st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))
        ),
    )


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
    return st.builds(
        Participant,
        name=names(),
        role=st.sampled_from(Role) if role is None else role,
        gender=st.sampled_from(Gender) if gender is None else gender,
        id=st.none()
        | st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=8),
        enterprise_id=st.none() | st.just("E1")
        if enterprise_id is None
        else enterprise_id,
    )


@st.composite
def certifications(
    draw: st.DrawFn,
    *,
    module: st.SearchStrategy[str] | None = None,
    level: st.SearchStrategy[TrainerLevel] | None = None,
) -> Certification:
    """:class:`~score_core.Certification` values.

    The expiry is never before the start; only candidates name a supervisor.

    Args:
        draw: Supplied by Hypothesis.
        module: Strategy for the module code; the shipped codes by default.
        level: Strategy for the level; all by default.
    """
    chosen = draw(st.sampled_from(TrainerLevel) if level is None else level)
    start = draw(_dates())
    expires = draw(
        st.none()
        | st.integers(min_value=0, max_value=3 * 366).map(
            lambda days: start + timedelta(days=days)
        )
    )
    supervisor = (
        draw(
            st.none()
            | st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=6)
        )
        if chosen is TrainerLevel.CANDIDATE
        else None
    )
    return Certification(
        module=draw(module_codes() if module is None else module),
        level=chosen,
        certified_on=start,
        expires_on=expires,
        supervisor_id=supervisor,
    )


def trainers(
    *,
    certifications_: st.SearchStrategy[Certification] | None = None,
    max_size: int = 6,
) -> st.SearchStrategy[Trainer]:
    """:class:`~score_core.Trainer` values.

    Args:
        certifications_: Strategy for each certification.
        max_size: Most certifications per trainer.
    """
    items = certifications() if certifications_ is None else certifications_
    return st.builds(
        Trainer,
        id=st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=6),
        name=names(),
        gender=st.none() | st.sampled_from(Gender),
        institution=st.none() | names(),
        certifications=st.lists(items, max_size=max_size).map(tuple),
    )


def improvement_teams(
    *, members: st.SearchStrategy[Participant] | None = None, max_size: int = 12
) -> st.SearchStrategy[ImprovementTeam]:
    """:class:`~score_core.ImprovementTeam` values.

    Any team is a valid value; its findings are up to
    :func:`~score_core.check_improvement_team`.

    Args:
        members: Strategy for each member.
        max_size: Most members.
    """
    items = participants() if members is None else members
    return st.builds(
        ImprovementTeam,
        enterprise_id=st.just("E1")
        | st.text(string.ascii_uppercase, min_size=1, max_size=4),
        members=st.lists(items, max_size=max_size).map(tuple),
    )


# -- catalogue -------------------------------------------------------------
def module_codes() -> st.SearchStrategy[str]:
    """Module codes: the shipped ones and codes of users' own modules."""
    own = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=8)
    return st.sampled_from([c.value for c in ModuleCode]) | st.builds(
        lambda first, rest: first + rest, st.sampled_from(string.ascii_uppercase), own
    )


@st.composite
def module_formats(draw: st.DrawFn) -> ModuleFormat:
    """:class:`~score_core.ModuleFormat` values (max months never below min).

    Args:
        draw: Supplied by Hypothesis.
    """
    low = draw(st.none() | st.integers(min_value=1, max_value=12))
    high = draw(st.none() | st.integers(min_value=low or 1, max_value=(low or 1) + 12))
    return ModuleFormat(
        delivery=draw(st.sampled_from(Delivery)),
        classroom_days=draw(st.none() | st.integers(min_value=1, max_value=5)),
        follow_up_visits=draw(st.none() | st.integers(min_value=0, max_value=6)),
        min_months=low,
        max_months=high,
        max_enterprises=draw(st.none() | st.integers(min_value=1, max_value=10)),
    )


@st.composite
def training_modules(
    draw: st.DrawFn,
    *,
    code: st.SearchStrategy[str] | None = None,
    prerequisites: st.SearchStrategy[frozenset[str]] | None = None,
) -> TrainingModule:
    """:class:`~score_core.TrainingModule` values.

    Args:
        draw: Supplied by Hypothesis.
        code: Strategy for the code.
        prerequisites: Strategy for the prerequisite codes (the module's own
            code is dropped from what it draws).
    """
    chosen = draw(module_codes() if code is None else code)
    required = draw(
        st.frozensets(module_codes(), max_size=3)
        if prerequisites is None
        else prerequisites
    )
    return TrainingModule(
        code=chosen,
        title=draw(names()),
        other_titles=draw(st.lists(names(), max_size=2).map(tuple)),
        kind=draw(st.sampled_from(ModuleKind)),
        format=draw(module_formats()),
        prerequisites=required - {chosen},
        source=draw(st.none() | st.sampled_from(source_keys())),
        note=draw(st.text(max_size=30)),
    )


def _registry_names() -> st.SearchStrategy[str]:
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(string.ascii_lowercase),
        st.text(string.ascii_lowercase + string.digits + "-", max_size=12),
    )


@st.composite
def catalogues(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 8) -> Catalogue:
    """Valid :class:`~score_core.Catalogue` values.

    Codes are distinct, and each module's prerequisites are drawn from the
    modules before it, so there is never a cycle.

    Args:
        draw: Supplied by Hypothesis.
        min_size: Fewest modules.
        max_size: Most modules.
    """
    codes = draw(
        st.lists(module_codes(), min_size=min_size, max_size=max_size, unique=True)
    )
    modules = []
    for i, code in enumerate(codes):
        earlier = codes[:i]
        required = (
            draw(st.frozensets(st.sampled_from(earlier), max_size=2))
            if earlier
            else frozenset()
        )
        modules.append(
            draw(training_modules(code=st.just(code), prerequisites=st.just(required)))
        )
    return Catalogue(name=draw(_registry_names()), modules=tuple(modules))


# -- profiles --------------------------------------------------------------
def bands(*, min_value: int = 0, max_value: int = 1000) -> st.SearchStrategy[Band]:
    """:class:`~score_core.Band` values within ``min_value`` and ``max_value``."""
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    ends = st.integers(min_value=min_value, max_value=max_value)
    return st.builds(
        lambda a, b: Band(minimum=min(a, b), maximum=max(a, b)), ends, ends
    )


def delegation_rules() -> st.SearchStrategy[DelegationRule]:
    """:class:`~score_core.DelegationRule` values."""
    return st.builds(
        DelegationRule,
        managers=st.integers(min_value=1, max_value=4),
        workers=st.integers(min_value=1, max_value=4),
        exact=st.booleans(),
    )


def _shares() -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=0, max_value=100).map(lambda n: Decimal(n) / 100)


def coverage_targets() -> st.SearchStrategy[CoverageTarget]:
    """:class:`~score_core.CoverageTarget` values (shares with two decimals)."""
    return st.builds(CoverageTarget, module1=_shares(), later_modules=_shares())


def dated(
    values: st.SearchStrategy[Any] | None = None,
) -> st.SearchStrategy[Dated[Any]]:
    """:class:`~score_core.Dated` values (end never before start).

    Args:
        values: Strategy for the value; coverage targets by default.
    """
    inner = coverage_targets() if values is None else values

    @st.composite
    def build(draw: st.DrawFn) -> Dated[Any]:
        start = draw(st.none() | _dates())
        length = draw(st.none() | st.integers(min_value=0, max_value=2000))
        end = (
            None
            if length is None
            else (start or date(2013, 1, 1)) + timedelta(days=length)
        )
        return Dated(
            value=draw(inner),
            start=start,
            end=end,
            source=draw(st.none() | st.sampled_from(source_keys())),
        )

    return build()


def timelines(
    values: st.SearchStrategy[Any] | None = None, *, max_size: int = 4
) -> st.SearchStrategy[Timeline[Any]]:
    """Valid :class:`~score_core.Timeline` values.

    Entries are in order, each starting the day after the previous one ends
    (or later, when gaps are allowed).

    Args:
        values: Strategy for each value; coverage targets by default.
        max_size: Most entries.
    """
    inner = coverage_targets() if values is None else values

    @st.composite
    def build(draw: st.DrawFn) -> Timeline[Any]:
        count = draw(st.integers(min_value=1, max_value=max_size))
        gaps = draw(st.booleans())
        start: date | None = draw(st.none() | _dates(2009, 2020))
        cursor = start or date(2013, 1, 1)
        entries = []
        for i in range(count):
            last = i == count - 1
            length = draw(st.integers(min_value=0, max_value=900))
            end = (
                None
                if last and draw(st.booleans())
                else cursor + timedelta(days=length)
            )
            entries.append(Dated(value=draw(inner), start=start, end=end))
            if end is not None:
                gap = draw(st.integers(min_value=0, max_value=60)) if gaps else 0
                cursor = end + timedelta(days=1 + gap)
                start = cursor
        return Timeline(entries=tuple(entries), allow_gaps=gaps)

    return build()


def resolutions(
    values: st.SearchStrategy[Any] | None = None,
) -> st.SearchStrategy[Resolved[Any]]:
    """:class:`~score_core.Resolved` values.

    Made by resolving a generated timeline on a generated date in lenient
    mode, so some are stale.

    Args:
        values: Strategy for the timeline's values; coverage targets by default.
    """
    return st.builds(
        lambda timeline, on: timeline.at(on, mode=Resolution.LENIENT),
        timelines(values),
        _dates(2005, 2040),
    )


@st.composite
def provenances(draw: st.DrawFn) -> Provenance:
    """:class:`~score_core.Provenance` values (a source whenever the basis is one).

    Args:
        draw: Supplied by Hypothesis.
    """
    basis = draw(st.sampled_from(Basis))
    source = (
        draw(st.sampled_from(source_keys()))
        if basis in (Basis.SOURCE, Basis.CARRIED)
        else draw(st.none() | st.sampled_from(source_keys()))
    )
    return Provenance(basis=basis, source=source, note=draw(st.text(max_size=30)))


@st.composite
def profiles(
    draw: st.DrawFn,
    *,
    employees: st.SearchStrategy[Band] | None = None,
    enterprises_per_workshop: st.SearchStrategy[Band] | None = None,
    delegation: st.SearchStrategy[DelegationRule] | None = None,
    currency: st.SearchStrategy[str] | None = None,
) -> Profile:
    """Valid :class:`~score_core.Profile` values, using a registered catalogue.

    Args:
        draw: Supplied by Hypothesis.
        employees: Strategy for the employee band.
        enterprises_per_workshop: Strategy for enterprises per workshop.
        delegation: Strategy for the delegation rule.
        currency: Strategy for the currency code.
    """
    valid_from = draw(st.none() | _dates(2009, 2025))
    valid_to = draw(
        st.none()
        | st.integers(min_value=0, max_value=4000).map(
            lambda days: (valid_from or date(2009, 1, 1)) + timedelta(days=days)
        )
    )
    keys = draw(st.frozensets(st.sampled_from(PARAMETERS), max_size=6))
    return Profile(
        name=draw(_registry_names()),
        title=draw(names()),
        country=draw(st.none() | country_codes()),
        phase=draw(st.none() | st.sampled_from(["I", "II", "III", "IV"])),
        institutions=tuple(draw(st.lists(names(), max_size=2))),
        parent=draw(st.none() | _registry_names()),
        valid_from=valid_from,
        valid_to=valid_to,
        catalogue=draw(st.sampled_from(catalogue_names())),
        currency=draw(currency_codes() if currency is None else currency),
        employees=draw(
            bands(min_value=1, max_value=1000) if employees is None else employees
        ),
        headcount_review_margin=draw(st.integers(min_value=0, max_value=25)),
        sectors=draw(st.none() | st.frozensets(names(max_size=12), max_size=3)),
        enterprises_per_workshop=draw(
            bands(min_value=1, max_value=8)
            if enterprises_per_workshop is None
            else enterprises_per_workshop
        ),
        delegation=draw(delegation_rules() if delegation is None else delegation),
        classroom_days=draw(
            st.dictionaries(
                module_codes(), st.integers(min_value=1, max_value=5), max_size=3
            )
        ),
        intake_visit=draw(st.booleans()),
        follow_up_visits=draw(st.integers(min_value=0, max_value=6)),
        follow_up_window_months=draw(st.integers(min_value=1, max_value=12)),
        min_visit_gap_days=draw(st.integers(min_value=0, max_value=30)),
        visit_days=draw(st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("1.5")])),
        intake_lead_days=draw(st.integers(min_value=1, max_value=30)),
        min_reschedule_notice_days=draw(st.integers(min_value=0, max_value=14)),
        max_reschedules_per_visit=draw(st.integers(min_value=0, max_value=5)),
        eit_min_members=draw(st.integers(min_value=2, max_value=12)),
        coverage_targets=draw(st.none() | timelines()),
        calendar=draw(st.none() | country_codes()),
        provenance={key: draw(provenances()) for key in sorted(keys)},
    )


def registrations() -> dict[type, Callable[[Any], st.SearchStrategy[Any]]]:
    """The strategy for each public type, as the plugin registers them.

    Each value takes the type asked for (so that ``Timeline[CoverageTarget]``
    draws coverage targets). The Hypothesis entry point passes each to
    :func:`hypothesis.strategies.register_type_strategy`, so
    ``st.from_type(cls)`` works for every key.
    """
    return dict.fromkeys(STRATEGY_NAMES, strategy_for)


# -- journeys and eligibility -------------------------------------------------
_CORE = [
    c.value
    for c in (ModuleCode.M1, ModuleCode.M2, ModuleCode.M3, ModuleCode.M4, ModuleCode.M5)
]


def state_changes() -> st.SearchStrategy[StateChange]:
    """:class:`~score_core.StateChange` values (one step, on its own)."""
    return st.builds(
        StateChange,
        module=module_codes(),
        state=st.sampled_from(ModuleState),
        on=_dates(),
        note=st.text(max_size=20),
    )


@st.composite
def enterprise_records(
    draw: st.DrawFn,
    *,
    enterprise_id: st.SearchStrategy[str] | None = None,
    modules: st.SearchStrategy[str] | None = None,
    max_steps: int = 12,
) -> EnterpriseRecord:
    """Journeys at any stage, built by taking allowed steps only.

    Args:
        draw: Supplied by Hypothesis.
        enterprise_id: Strategy for the enterprise id.
        modules: Strategy for the module of each step; the core modules by
            default.
        max_steps: Most steps taken.
    """
    record = EnterpriseRecord(
        enterprise_id=draw(st.just("E1") if enterprise_id is None else enterprise_id),
        baseline_on=draw(st.none() | _dates(2012, 2020)),
        priorities=draw(st.lists(st.sampled_from(_CORE[1:]), unique=True, max_size=3)),
        skip_intake=draw(st.booleans()),
    )
    day = draw(_dates(2012, 2020))
    for _ in range(draw(st.integers(min_value=0, max_value=max_steps))):
        module = draw(st.sampled_from(_CORE) if modules is None else modules)
        allowed = sorted(record.next_states(module))
        if not allowed:
            continue
        day += timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        record = record.advance(module, draw(st.sampled_from(allowed)), on=day)
    if draw(st.booleans()):
        gap = draw(st.integers(min_value=0, max_value=400))
        record = record.withdraw(day + timedelta(days=gap))
    return record


@st.composite
def enterprises_for(
    draw: st.DrawFn,
    profile: Profile,
    *,
    status: Status = Status.ELIGIBLE,
) -> Enterprise:
    """Enterprises whose size, sector and country give ``status`` under ``profile``.

    These rules are the enterprise's own; pair the result with a record from
    :func:`enterprise_records` (or ``baseline_modules=()``) for the journey
    rules.

    Args:
        draw: Supplied by Hypothesis.
        profile: The profile to satisfy or break.
        status: ELIGIBLE, INELIGIBLE (one rule broken) or NEEDS_REVIEW (the
            review margin, or a missing sector or country).

    Raises:
        InvalidArgument: when the profile leaves no way to reach ``status``
            (for example NEEDS_REVIEW with no margin, no sector list and no
            country).
    """
    band, margin = profile.employees, profile.headcount_review_margin
    if Status(status) is Status.NEEDS_REVIEW and not (
        margin or profile.sectors or profile.country
    ):
        raise InvalidArgument(f"profile {profile.name} leaves no way to be {status}")
    sector = (
        draw(st.sampled_from(sorted(profile.sectors)))
        if profile.sectors
        else (draw(st.none() | names(max_size=12)))
    )
    base = draw(
        enterprises(
            headcount=st.integers(min_value=band.minimum, max_value=band.maximum),
            sector=st.just(sector),
            country=st.just(profile.country) if profile.country else None,
        )
    )
    if Status(status) is Status.ELIGIBLE:
        return base
    ways: list[dict[str, Any]] = []
    if Status(status) is Status.INELIGIBLE:
        if band.minimum - margin - 1 >= 0:
            ways.append(
                {
                    "headcount": draw(
                        st.integers(min_value=0, max_value=band.minimum - margin - 1)
                    )
                }
            )
        ways.append(
            {
                "headcount": draw(
                    st.integers(
                        min_value=band.maximum + margin + 1,
                        max_value=band.maximum + margin + 5000,
                    )
                )
            }
        )
        if profile.sectors:
            ways.append({"sector": "not " + "|".join(sorted(profile.sectors))})
        if profile.country:
            ways.append({"country": "ZZ" if profile.country != "ZZ" else "YY"})
    else:
        if margin:
            ways.append({"headcount": band.maximum + draw(st.integers(1, margin))})
            if band.minimum - margin >= 0:
                ways.append({"headcount": band.minimum - draw(st.integers(1, margin))})
        if profile.sectors:
            ways.append({"sector": None})
        if profile.country:
            ways.append({"country": None})
    change = draw(st.sampled_from(ways))
    if "headcount" in change and base.women is not None:
        change["women"] = min(base.women, change["headcount"])
    return attrs.evolve(base, **change)


def rule_checks() -> st.SearchStrategy[RuleCheck]:
    """:class:`~score_core.RuleCheck` values."""
    return st.builds(
        RuleCheck,
        rule=_identifiers(),
        outcome=st.sampled_from(Outcome),
        observed=_param_values(),
        code=st.none() | st.sampled_from(sorted(all_codes())),
    )


def used_parameters() -> st.SearchStrategy[UsedParameter]:
    """:class:`~score_core.UsedParameter` values."""
    return st.builds(
        UsedParameter,
        name=st.sampled_from(PARAMETERS),
        value=st.text(max_size=20),
        provenance=provenances(),
    )


_BUILTIN_PROFILES = tuple(get_profile(name) for name in profile_names())


def _builtin_profiles() -> st.SearchStrategy[Profile]:
    return st.sampled_from(_BUILTIN_PROFILES)


@st.composite
def eligibility_results(draw: st.DrawFn) -> EligibilityResult:
    """Real decisions, made by :func:`~score_core.check_eligibility`.

    It runs on a built-in profile, a generated enterprise and (sometimes) a
    generated record, in lenient mode.

    Args:
        draw: Supplied by Hypothesis.
    """
    profile = draw(_builtin_profiles())
    status = draw(st.sampled_from([Status.ELIGIBLE, Status.INELIGIBLE]))
    enterprise = draw(enterprises_for(profile, status=status))
    record = draw(st.none() | enterprise_records(enterprise_id=st.just(enterprise.id)))
    return check_eligibility(
        enterprise,
        profile=profile,
        module=draw(st.sampled_from(_CORE)),
        record=record,
        on=draw(st.none() | _dates(2012, 2022)),
        mode=Resolution.LENIENT,
    )


@st.composite
def screening_summaries(draw: st.DrawFn) -> ScreeningSummary:
    """Summaries of real screenings of generated enterprises.

    Args:
        draw: Supplied by Hypothesis.
    """
    profile = draw(_builtin_profiles())
    batch = draw(
        st.lists(
            st.sampled_from(list(Status)).flatmap(
                lambda status: (
                    enterprises_for(profile, status=status)
                    if status is not Status.NEEDS_REVIEW or profile.country
                    else enterprises_for(profile)
                )
            ),
            max_size=6,
        )
    )
    return screen(batch, profile=profile, baseline_modules=()).run()


# -- calendars and workshops ------------------------------------------------------
@st.composite
def fixed_calendars(
    draw: st.DrawFn,
    *,
    min_day: date = date(2013, 1, 1),
    max_day: date = date(2030, 12, 31),
    max_holidays: int = 12,
) -> FixedCalendar:
    """:class:`~score_core.FixedCalendar` values.

    They have random holidays and random make-up working days on weekend days,
    as China's calendar has them. Narrow ``min_day`` to ``max_day`` and raise
    ``max_holidays`` to test a scheduler on crowded calendars.

    Args:
        draw: Supplied by Hypothesis.
        min_day: The first day a holiday or make-up day may fall on.
        max_day: The last day one may fall on.
        max_holidays: The most holidays (and make-up days) drawn.
    """
    if max_day < min_day or max_holidays < 0:
        raise InvalidArgument(
            "fixed_calendars needs min_day <= max_day, max_holidays >= 0"
        )
    weekend = draw(
        st.sampled_from([frozenset({5, 6}), frozenset({4, 5}), frozenset({6})])
    )
    days = st.dates(min_value=min_day, max_value=max_day)
    holidays = draw(st.frozensets(days, max_size=max_holidays))
    weekend_days = draw(st.frozensets(days, max_size=max_holidays))
    workdays = frozenset(
        d for d in weekend_days if d.weekday() in weekend and d not in holidays
    )
    years = draw(st.none() | st.frozensets(st.integers(2013, 2030), min_size=1))
    confirmed = (
        None
        if years is None
        else draw(
            st.none() | st.just(frozenset(sorted(years)[: max(1, len(years) - 1)]))
        )
    )
    return FixedCalendar(
        name=draw(_registry_names()),
        weekend=weekend,
        holidays=holidays,
        workdays=workdays,
        years=years,
        confirmed=confirmed,
        source=draw(names()),
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


def _delegation_for(
    firm: Enterprise, rule: DelegationRule, managers: int, workers: int
) -> Delegation:
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


@st.composite
def delegations(draw: st.DrawFn, *, profile: Profile | None = None) -> Delegation:
    """Delegations that meet the profile's make-up, from an eligible enterprise.

    Args:
        draw: Supplied by Hypothesis.
        profile: The profile; ``cn-phase-2`` by default.
    """
    used = get_profile() if profile is None else profile
    firm = draw(enterprises_for(used))
    rule = used.delegation
    return _delegation_for(firm, rule, rule.managers, rule.workers)


@st.composite
def workshops(
    draw: st.DrawFn,
    *,
    profile: Profile | None = None,
    module: st.SearchStrategy[str] | None = None,
    fault: str | None = None,
) -> Workshop:
    """Workshops with no error under ``profile``, or with exactly one fault.

    A valid workshop has the profile's number of enterprises, each eligible by
    size, sector and country and sending exactly the delegation the profile
    asks for (women and men), the module's classroom days inside the profile's
    validity, and a trainer certified in Workplace Cooperation and the module.
    Without records it may carry ``eligibility.record.missing`` warnings.

    Args:
        draw: Supplied by Hypothesis.
        profile: The profile; ``cn-phase-2`` by default.
        module: Strategy for the module code; the core modules by default.
        fault: A code from :data:`WORKSHOP_FAULTS` to inject: the workshop then
            breaks that rule and no other.

    Raises:
        InvalidArgument: for an unknown fault, or one the profile makes
            impossible.
    """
    used = get_profile() if profile is None else profile
    if fault is not None and fault not in WORKSHOP_FAULTS:
        raise InvalidArgument(f"fault must be one of {', '.join(WORKSHOP_FAULTS)}")
    _check_fault_is_possible(fault, used)
    code = draw(st.sampled_from(_CORE) if module is None else module)
    catalogue = used.get_catalogue()
    days_needed = used.classroom_days_for(catalogue[code]) or 1
    minimum = used.enterprises_per_workshop.minimum
    maximum = (
        catalogue[code].format.max_enterprises or used.enterprises_per_workshop.maximum
    )
    pairs = (Code.WORKSHOP_ENTERPRISE_DUPLICATE, Code.WORKSHOP_PARTICIPANT_DUPLICATE)
    low = max(minimum, 2 if fault in pairs else 1)
    if low > maximum and fault not in (None, Code.WORKSHOP_ENTERPRISES_TOO_MANY):
        raise InvalidArgument(f"profile {used.name} leaves no room for fault {fault}")
    count = draw(st.integers(min_value=low, max_value=max(low, maximum)))
    if fault == Code.WORKSHOP_ENTERPRISES_TOO_FEW:
        count = minimum - 1
    elif fault == Code.WORKSHOP_ENTERPRISES_TOO_MANY:
        count = maximum + 1
    start_low = used.valid_from or date(2013, 1, 1)
    start_high = (used.valid_to or date(2030, 12, 31)) - timedelta(days=days_needed + 1)
    first = draw(st.dates(min_value=start_low, max_value=max(start_low, start_high)))
    days = [first + timedelta(days=i) for i in range(days_needed)]
    if fault == Code.WORKSHOP_DAYS_COUNT:
        days.append(first + timedelta(days=days_needed))
    rule = used.delegation
    firms = [
        attrs.evolve(draw(enterprises_for(used)), id=f"E{i + 1}", women=None)
        for i in range(count)
    ]
    groups = [_delegation_for(f, rule, rule.managers, rule.workers) for f in firms]
    if groups:
        groups[0] = _inject(groups, fault, used)
    trainer_certs = [
        Certification(
            module=ModuleCode.M1,
            level=TrainerLevel.CERTIFIED,
            certified_on=date(2009, 1, 1),
        )
    ]
    if code != ModuleCode.M1 and fault != Code.TRAINER_NOT_CERTIFIED:
        trainer_certs.append(
            Certification(
                module=code, level=TrainerLevel.CERTIFIED, certified_on=date(2009, 1, 1)
            )
        )
    if code == ModuleCode.M1 and fault == Code.TRAINER_NOT_CERTIFIED:
        trainer_certs = [
            Certification(
                module=ModuleCode.BASICS,
                level=TrainerLevel.CERTIFIED,
                certified_on=date(2009, 1, 1),
            )
        ]
    trainers = (
        ()
        if fault == Code.WORKSHOP_TRAINERS_NONE
        else (
            Trainer(id="T1", name=draw(names()), certifications=tuple(trainer_certs)),
        )
    )
    if fault == Code.WORKSHOP_ENTERPRISE_DUPLICATE:
        groups[-1] = attrs.evolve(
            groups[-1],
            enterprise=attrs.evolve(groups[-1].enterprise, id=groups[0].enterprise.id),
        )
        groups[-1] = _delegation_for(
            groups[-1].enterprise, rule, rule.managers, rule.workers
        )
        groups[-1] = attrs.evolve(
            groups[-1],
            participants=tuple(
                attrs.evolve(p, id=f"{p.id}-dup") for p in groups[-1].participants
            ),
        )
    if fault == Code.WORKSHOP_PARTICIPANT_DUPLICATE:
        twin = attrs.evolve(groups[0].participants[0], enterprise_id=None)
        people = list(groups[1].participants)
        same_role = [i for i, p in enumerate(people) if p.role is twin.role]
        people[same_role[0]] = twin
        groups[1] = attrs.evolve(groups[1], participants=tuple(people))
    return Workshop(
        id=draw(
            st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=6)
        ),
        module=code,
        days=tuple(days),
        trainers=trainers,
        delegations=tuple(groups),
        location=draw(st.none() | names()),
    )


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


def _inject(
    groups: list[Delegation], fault: str | None, profile: Profile
) -> Delegation:
    """The first delegation, changed to break one rule (or unchanged)."""
    first = groups[0]
    rule = profile.delegation
    firm = first.enterprise
    step = 1 if rule.exact else -1
    if fault == Code.WORKSHOP_DELEGATION_MANAGERS:
        return _delegation_for(firm, rule, rule.managers + step, rule.workers)
    if fault == Code.WORKSHOP_DELEGATION_WORKERS:
        return _delegation_for(firm, rule, rule.managers, rule.workers + step)
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
    """Every :class:`~score_core.Presence`."""
    return st.sampled_from(Presence)


def attendance_marks() -> st.SearchStrategy[AttendanceMark]:
    """:class:`~score_core.AttendanceMark` values."""
    return st.builds(
        AttendanceMark, participant=names(), day=_dates(), presence=presences()
    )


@st.composite
def attendance_sheets(
    draw: st.DrawFn, *, workshop: Workshop | None = None
) -> AttendanceSheet:
    """Attendance sheets.

    For a given workshop: a mark (or none) for each participant on each
    classroom day.

    Args:
        draw: Supplied by Hypothesis.
        workshop: The workshop; a generated one by default.
    """
    shop = draw(workshops()) if workshop is None else workshop
    marks = [
        AttendanceMark(participant=p.key, day=day, presence=presence)
        for p in shop.participants
        for day in shop.days
        for presence in [draw(st.none() | presences())]
        if presence is not None
    ]
    return AttendanceSheet(workshop_id=shop.id, marks=tuple(marks))


def workshop_stats() -> st.SearchStrategy[WorkshopStatistics]:
    """Statistics of generated workshops and their attendance, summed."""
    one = workshops().flatmap(
        lambda w: attendance_sheets(workshop=w).map(lambda s: workshop_statistics(w, s))
    )
    return st.lists(one, max_size=2).map(WorkshopStatistics.combine)


def statistics_rows() -> st.SearchStrategy[StatisticsRow]:
    """:class:`~score_core.StatisticsRow` values."""
    counts = st.integers(min_value=0, max_value=500)
    return st.builds(
        StatisticsRow,
        role=st.sampled_from(Role),
        gender=st.sampled_from(Gender),
        participants=counts,
        present=counts,
        absent=counts,
        excused=counts,
    )


def delegation_attendances() -> st.SearchStrategy[DelegationAttendance]:
    """:class:`~score_core.DelegationAttendance` values, from generated sheets."""
    return (
        workshops()
        .flatmap(
            lambda w: attendance_sheets(workshop=w).map(lambda s: attendance(w, s))
        )
        .flatmap(lambda results: st.sampled_from(results))
    )


# -- visits --------------------------------------------------------------------------
def visit_statuses() -> st.SearchStrategy[VisitStatus]:
    """:class:`~score_core.VisitStatus` members."""
    return st.sampled_from(VisitStatus)


def visit_outcomes(
    *, held_on: st.SearchStrategy[date] | None = None
) -> st.SearchStrategy[VisitOutcome]:
    """:class:`~score_core.VisitOutcome` values.

    Args:
        held_on: Strategy for the day the visit was held.
    """
    return st.builds(
        VisitOutcome,
        held_on=_dates(2013, 2030) if held_on is None else held_on,
        eit_meeting=st.booleans(),
        kpi_collected=st.booleans(),
        notes=st.just("") | names(max_size=40),
    )


@st.composite
def _visit(draw: st.DrawFn, number: int, on: date) -> Visit:
    status = draw(visit_statuses())
    done = status is VisitStatus.DONE
    return Visit(
        number=number,
        kind=VisitKind.INTAKE if number == 0 else VisitKind.FOLLOW_UP,
        on=on,
        nominal=draw(st.none() | st.just(on - timedelta(days=1))),
        status=status,
        outcome=draw(visit_outcomes(held_on=st.just(on))) if done else None,
        previous=tuple(
            on - timedelta(days=d)
            for d in draw(st.lists(st.integers(1, 20), max_size=2, unique=True))
        ),
    )


def visits() -> st.SearchStrategy[Visit]:
    """:class:`~score_core.Visit` values of any kind and status."""
    return st.tuples(st.integers(0, 6), _dates(2013, 2030)).flatmap(
        lambda pair: _visit(*pair)
    )


@st.composite
def visit_cycles(draw: st.DrawFn, *, max_follow_ups: int = 5) -> VisitCycle:
    """:class:`~score_core.VisitCycle` values whose dates keep every rule.

    Visits are in order, the intake before the classroom days, follow-ups in
    the window and at least ``min_gap_days`` apart, with random statuses
    (done visits held on their day), so that :func:`~score_core.check_cycle`
    finds nothing without a calendar. Built by construction, not planning.

    Args:
        draw: Supplied by Hypothesis.
        max_follow_ups: The most follow-up visits.
    """
    first = draw(_dates(2013, 2030))
    classroom = tuple(first + timedelta(days=i) for i in range(draw(st.integers(1, 3))))
    last = classroom[-1]
    months = draw(st.integers(1, 6))
    window_end = last + relativedelta(months=months) - timedelta(days=1)
    available = (window_end - last).days
    gap = draw(st.integers(0, 21))
    step = max(gap, 1)
    count = draw(st.integers(0, min(max_follow_ups, available // step)))
    slack = available - 1 - max(count - 1, 0) * step
    spots = sorted(
        draw(st.lists(st.integers(0, max(slack, 0)), min_size=count, max_size=count))
    )
    planned: list[Visit] = []
    if draw(st.booleans()):
        lead = draw(st.integers(1, 30))
        planned.append(draw(_visit(0, first - timedelta(days=lead))))
    for i, spot in enumerate(spots):
        day = last + timedelta(days=1 + spot + i * step)
        planned.append(draw(_visit(i + 1, day)))
    enterprise = draw(_identifiers())
    module = draw(module_codes())
    return VisitCycle(
        id=f"{module}.{enterprise}",
        enterprise=enterprise,
        module=module,
        profile=draw(st.sampled_from(profile_names())),
        classroom=classroom,
        window_end=window_end,
        min_gap_days=gap,
        visits=planned,
        calendar="weekdays",
        calendar_source="Monday to Friday, no public holidays",
    )


@st.composite
def module_plans(
    draw: st.DrawFn,
    *,
    profile: Profile | None = None,
    calendar: WorkCalendar | None = None,
    max_enterprises: int = 5,
) -> ModulePlan:
    """:class:`~score_core.ModulePlan` values made by :func:`~score_core.plan_module`.

    Module 1 for one to ``max_enterprises`` enterprises, on the weekday
    calendar by default. A calendar you pass must leave room for the plan
    (a :exc:`~score_core.PlanningError` is an error of the test, not skipped).

    Args:
        draw: Supplied by Hypothesis.
        profile: The profile (a built-in one by default).
        calendar: The calendar (Monday to Friday by default).
        max_enterprises: The most enterprises planned together.
    """
    if max_enterprises < 1:
        raise InvalidArgument("module_plans needs max_enterprises >= 1")
    used = draw(_builtin_profiles()) if profile is None else profile
    ids = draw(
        st.lists(_identifiers(), min_size=1, max_size=max_enterprises, unique=True)
    )
    firms = [Enterprise(id=i, name=i, headcount=used.employees.minimum) for i in ids]
    return plan_module(
        firms,
        module=ModuleCode.M1,
        profile=used,
        calendar=weekday_calendar() if calendar is None else calendar,
        earliest=draw(_dates(2013, 2030)),
        stagger=draw(st.integers(0, 2)),
    )


def cycle_progresses() -> st.SearchStrategy[CycleProgress]:
    """:class:`~score_core.CycleProgress` of generated cycles on random days."""
    return st.tuples(visit_cycles(), _dates(2013, 2031)).map(
        lambda pair: pair[0].progress(pair[1])
    )


@st.composite
def rescheduleds(draw: st.DrawFn) -> Rescheduled:
    """:class:`~score_core.Rescheduled` results of moves tried on planned cycles.

    Some moves are made, some refused, on the weekday calendar.
    """
    plan = draw(module_plans(max_enterprises=1))
    cycle = plan.cycles[0]
    visit = draw(st.sampled_from(cycle.visits))
    return reschedule(
        cycle,
        visit.number,
        visit.on + timedelta(days=draw(st.integers(-10, 20))),
        on=visit.on - timedelta(days=draw(st.integers(0, 30))),
        calendar=weekday_calendar(),
        scope=draw(st.sampled_from(Scope)),
    )


# -- pricing -------------------------------------------------------------------------
# The builders below are cached: a strategy built once per currency is
# validated once by Hypothesis, not on every draw of a policy.
@functools.cache
def _amounts(code: str, top: int = 20_000) -> st.SearchStrategy[Money]:
    scale = 10 ** get_currency(code).minor_units
    return st.integers(0, top * scale).map(lambda units: Money.from_minor(units, code))


@functools.cache
def cost_models(*, currency: str = "CNY") -> st.SearchStrategy[CostModel]:
    """:class:`~score_core.CostModel` values in one currency.

    Args:
        currency: The ISO code of every amount.
    """
    money = _amounts(currency)
    return st.builds(
        CostModel,
        name=_registry_names(),
        currency=st.just(currency),
        trainer_day_rate=money,
        trainers=st.integers(1, 3),
        preparation_days=st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1)]),
        venue_per_day=money,
        catering_per_participant_day=_amounts(currency, 500),
        materials_per_participant=_amounts(currency, 500),
        trainer_travel=money,
        baseline_assessment=money,
        consultant_day_rate=money,
        visit_travel=_amounts(currency, 2_000),
        overhead=st.sampled_from([Decimal(0), Decimal("0.1"), Decimal("0.15")]),
        example=st.booleans(),
        source=names(),
    )


def fee_tiers(*, currency: str = "CNY") -> st.SearchStrategy[FeeTier]:
    """:class:`~score_core.FeeTier` values."""
    return st.builds(
        FeeTier,
        up_to=st.none() | st.integers(0, 1_000),
        price=_amounts(currency),
    )


@st.composite
def fee_rules(draw: st.DrawFn, *, currency: str = "CNY") -> FeeRule:
    """:class:`~score_core.FeeRule` values: size tiers or a share, maybe capped."""
    limits = sorted(draw(st.lists(st.integers(1, 1_000), max_size=3, unique=True)))
    tiers = tuple(
        FeeTier(up_to=limit, price=draw(_amounts(currency)))
        for limit in [*limits, None]
    )
    return FeeRule(
        tiers=draw(st.just(()) | st.just(tiers)),
        share=draw(_shares()),
        cap=draw(st.none() | _amounts(currency)),
    )


@functools.cache
def share_rules(*, currency: str = "CNY") -> st.SearchStrategy[ShareRule]:
    """:class:`~score_core.ShareRule` values, with caps or without."""
    return st.builds(
        ShareRule,
        share=_shares(),
        cap_per_enterprise=st.none() | _amounts(currency),
        cap_per_participant=st.none() | _amounts(currency, 2_000),
        name=st.sampled_from(["", "lead buyer", "provincial SME scheme", "龙头企业"]),
    )


@functools.cache
def group_rules(*, currency: str = "CNY") -> st.SearchStrategy[GroupRules]:
    """:class:`~score_core.GroupRules` values for one module group."""
    return st.builds(
        GroupRules,
        fee=st.none() | fee_rules(currency=currency),
        sponsor=st.none() | share_rules(currency=currency),
        government=st.none() | share_rules(currency=currency),
        in_kind=st.none() | _amounts(currency),
        donor_share=_shares(),
        donor_cap=st.none() | _amounts(currency, 100_000),
        raises_donor_share=st.booleans(),
    )


@functools.cache
def funding_rules(*, currency: str = "CNY") -> st.SearchStrategy[FundingRules]:
    """:class:`~score_core.FundingRules` values (Module 1 and the later modules)."""
    return st.builds(
        FundingRules,
        module1=group_rules(currency=currency),
        later_modules=group_rules(currency=currency),
    )


@st.composite
def funding_policies(
    draw: st.DrawFn, *, currency: str = "CNY", max_periods: int = 3
) -> FundingPolicy:
    """:class:`~score_core.FundingPolicy` values: one to ``max_periods`` yearly periods.

    The periods run from 2013 on, one calendar year each, the last open-ended,
    so that any date from 2013 has rules in force.

    Args:
        draw: Supplied by Hypothesis.
        currency: The ISO code of every amount.
        max_periods: The most periods.
    """
    if max_periods < 1:
        raise InvalidArgument("funding_policies needs max_periods >= 1")
    count = draw(st.integers(1, max_periods))
    entries = tuple(
        Dated(
            value=draw(funding_rules(currency=currency)),
            start=None if k == 0 else date(2013 + k, 1, 1),
            end=None if k == count - 1 else date(2013 + k, 12, 31),
        )
        for k in range(count)
    )
    return FundingPolicy(
        name=draw(_registry_names()),
        currency=currency,
        periods=Timeline(entries=entries),
        allocation=draw(st.sampled_from(Allocation)),
        example=draw(st.booleans()),
        source=draw(names()),
    )


@st.composite
def _priced_workshops(draw: st.DrawFn) -> Workshop:
    """Workshops of one to five enterprises, cheap to draw (quotes need no rules)."""
    first = draw(_dates(2013, 2030))
    delegations = []
    for k in range(draw(st.integers(1, 5))):
        firm = Enterprise(
            id=f"E{k + 1}", name=f"E{k + 1}", headcount=draw(st.integers(0, 600))
        )
        people = tuple(
            Participant(
                name=f"E{k + 1}-{i}",
                role=(Role.MANAGER, Role.WORKER)[i % 2],
                gender=(Gender.FEMALE, Gender.MALE)[i // 2 % 2],
            )
            for i in range(draw(st.integers(0, 6)))
        )
        delegations.append(Delegation(enterprise=firm, participants=people))
    return Workshop(
        id=draw(_identifiers()),
        module=draw(st.sampled_from(_CORE)),
        days=tuple(first + timedelta(days=d) for d in range(draw(st.integers(1, 3)))),
        delegations=tuple(delegations),
    )


@st.composite
def quotes(
    draw: st.DrawFn,
    *,
    cost_model: st.SearchStrategy[CostModel] | None = None,
    policy: st.SearchStrategy[FundingPolicy] | None = None,
) -> Quote:
    """:class:`~score_core.Quote` values: workshops of 1 to 5 enterprises priced.

    Priced under cn-phase-2 (CNY), leniently, so any date has rules and a
    target.

    Args:
        draw: Supplied by Hypothesis.
        cost_model: Strategy for the cost model (CNY).
        policy: Strategy for the funding policy (CNY).
    """
    shop = draw(_priced_workshops())
    return quote(
        shop,
        cost_model=draw(cost_models() if cost_model is None else cost_model),
        policy=draw(funding_policies() if policy is None else policy),
        on=shop.first_day,
        mode=Resolution.LENIENT,
    )


def cost_lines() -> st.SearchStrategy[CostLine]:
    """:class:`~score_core.CostLine` values taken from generated quotes."""
    return quotes().flatmap(lambda q: st.sampled_from(q.lines))


def enterprise_invoices() -> st.SearchStrategy[EnterpriseInvoice]:
    """:class:`~score_core.EnterpriseInvoice` values taken from generated quotes."""
    return quotes().flatmap(lambda q: st.sampled_from(q.invoices))


def payments() -> st.SearchStrategy[Payment]:
    """:class:`~score_core.Payment` values taken from generated invoices."""
    return enterprise_invoices().flatmap(lambda i: st.sampled_from(i.payments))


def portfolios() -> st.SearchStrategy[Portfolio]:
    """:class:`~score_core.Portfolio` values summing one or two quotes."""
    return st.lists(quotes(), min_size=1, max_size=2).map(portfolio)


def portfolio_rows() -> st.SearchStrategy[PortfolioRow]:
    """:class:`~score_core.PortfolioRow` values taken from generated portfolios."""
    return portfolios().flatmap(lambda p: st.sampled_from(p.rows))


@st.composite
def break_evens(draw: st.DrawFn) -> BreakEven:
    """:class:`~score_core.BreakEven` answers for generated cost models."""
    model = draw(cost_models())
    target = draw(_shares())
    if draw(st.booleans()):
        return break_even(
            model, fee=draw(_amounts(model.currency, 30_000)), target=target
        )
    return fee_for(model, enterprises=draw(st.integers(1, 5)), target=target)


# -- monitoring ------------------------------------------------------------------------
def indicators() -> st.SearchStrategy[Indicator]:
    """:class:`~score_core.Indicator` values: practices and KPIs of any direction."""
    practice = st.builds(
        Indicator,
        code=_identifiers(),
        title=names(),
        kind=st.just(IndicatorKind.PRACTICE),
        unit=st.just("yes/no"),
        modules=st.frozensets(module_codes(), max_size=3),
    )
    kpi = st.builds(
        Indicator,
        code=_identifiers(),
        title=names(),
        kind=st.just(IndicatorKind.KPI),
        unit=st.sampled_from(["percent", "people", "days", "kWh per month"]),
        direction=st.sampled_from(Direction),
        modules=st.frozensets(module_codes(), max_size=3),
        by_sex=st.booleans(),
    )
    return practice | kpi


@st.composite
def indicator_sets(draw: st.DrawFn) -> IndicatorSet:
    """:class:`~score_core.IndicatorSet` values of one to six indicators."""
    items = draw(
        st.lists(indicators(), min_size=1, max_size=6, unique_by=lambda i: i.code)
    )
    return IndicatorSet(name=draw(_registry_names()), indicators=items)


@st.composite
def measurements(
    draw: st.DrawFn,
    *,
    indicators: IndicatorSet | None = None,
    enterprise: st.SearchStrategy[str] | None = None,
    point: st.SearchStrategy[Point] | None = None,
) -> Measurement:
    """:class:`~score_core.Measurement` values that fit their indicator.

    The unit is the indicator's, a practice is 1 or 0, and an indicator split
    by sex has women and men that sum to the value.

    Args:
        draw: Supplied by Hypothesis.
        indicators: The indicator set (score_core's own by default).
        enterprise: Strategy for the enterprise id.
        point: Strategy for where it was taken.
    """
    known = default_indicators() if indicators is None else indicators
    indicator = draw(st.sampled_from(known.indicators))
    where = draw(st.sampled_from(Point) if point is None else point)
    women = men = None
    if indicator.kind is IndicatorKind.PRACTICE:
        value = Decimal(draw(st.integers(0, 1)))
    elif indicator.by_sex:
        women = Decimal(draw(st.integers(0, 300)))
        men = Decimal(draw(st.integers(0, 300)))
        value = women + men
    else:
        value = Decimal(draw(st.integers(0, 100_000))) / 100
    return Measurement(
        enterprise=draw(_identifiers() if enterprise is None else enterprise),
        indicator=indicator.code,
        on=draw(_dates(2013, 2030)),
        value=value,
        unit=indicator.unit,
        point=where,
        visit=draw(st.integers(0, 6)) if where is Point.VISIT else None,
        women=women,
        men=men,
    )


def measurement_series(
    *, indicators: IndicatorSet | None = None, max_size: int = 30
) -> st.SearchStrategy[list[Measurement]]:
    """Lists of measurements of a few enterprises, baselines and later values mixed."""
    return st.lists(
        measurements(
            indicators=indicators, enterprise=st.sampled_from(["E1", "E2", "E3", "E4"])
        ),
        max_size=max_size,
    )


def change_sets() -> st.SearchStrategy[ChangeSet]:
    """:class:`~score_core.ChangeSet` values computed from generated series."""
    return measurement_series().map(changes)


@st.composite
def change_values(draw: st.DrawFn) -> Change:
    """:class:`~score_core.Change` values: a baseline and a later value."""
    indicator = draw(st.sampled_from(default_indicators().indicators))
    one = IndicatorSet(name="one", indicators=(indicator,))
    firm = st.just(draw(_identifiers()))
    base = draw(
        measurements(indicators=one, enterprise=firm, point=st.just(Point.BASELINE))
    )
    later = draw(
        measurements(
            indicators=one,
            enterprise=firm,
            point=st.sampled_from([Point.VISIT, Point.YEAR_AFTER]),
        )
    )
    return changes([base, later], indicators=one).changes[0]


def aggregate_sets() -> st.SearchStrategy[AggregateSet]:
    """:class:`~score_core.AggregateSet` values computed from generated series."""
    return st.tuples(change_sets(), st.integers(1, 6)).map(
        lambda pair: aggregate(pair[0], min_n=pair[1])
    )


def aggregates() -> st.SearchStrategy[Aggregate]:
    """:class:`~score_core.Aggregate` values built directly (one unit each)."""
    values = st.integers(-10_000, 10_000).map(Decimal)
    return st.builds(
        lambda n, a, b, c, rel, improved, unit, code: Aggregate(
            indicator=code,
            unit=unit,
            n=n,
            median=sorted((a, b, c))[1],
            lower_quartile=min(a, b, c),
            upper_quartile=max(a, b, c),
            median_relative=rel,
            improved=min(improved, n),
        ),
        st.integers(1, 500),
        values,
        values,
        values,
        st.none() | values,
        st.integers(0, 500),
        st.sampled_from(["percent", "people", "days"]),
        _identifiers(),
    )


def results_reports() -> st.SearchStrategy[ResultsReport]:
    """:class:`~score_core.ResultsReport` values computed from generated series."""
    return measurement_series().map(results_report)


def result_rows() -> st.SearchStrategy[ResultRow]:
    """:class:`~score_core.ResultRow` values built directly."""
    values = st.integers(0, 100_000).map(lambda n: Decimal(n) / 100)
    return st.builds(
        ResultRow,
        indicator=_identifiers(),
        title=names(),
        unit=st.sampled_from(["percent", "people", "days"]),
        direction=st.sampled_from(Direction),
        period=st.integers(2013, 2030),
        n=st.integers(1, 500),
        baseline=values,
        baseline_year=st.integers(2013, 2030),
        target=st.none() | values,
        actual=values,
    )
