"""Hypothesis entry point: registers score_core's strategies with ``from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, through
the ``hypothesis`` entry-point group declared in ``pyproject.toml``. That can
happen *while* ``score_core.strategies`` is being imported (its first line
imports Hypothesis), so the hook only names the strategy for each type;
:func:`strategy_for` imports the strategies module when Hypothesis first asks
for one. This module imports nothing from Hypothesis at import time.
"""

from __future__ import annotations

import importlib
import typing
from typing import Any

from score_core.calendars import FixedCalendar
from score_core.catalogue import Catalogue, ModuleFormat, TrainingModule
from score_core.codes import CodeInfo
from score_core.eligibility import (
    EligibilityResult,
    RuleCheck,
    ScreeningSummary,
    UsedParameter,
)
from score_core.enterprises import Enterprise
from score_core.findings import Report, RuleViolation
from score_core.journey import EnterpriseRecord, StateChange
from score_core.money import Currency, Money
from score_core.monitoring import (
    Aggregate,
    AggregateSet,
    Change,
    ChangeSet,
    Indicator,
    IndicatorSet,
    Measurement,
    ResultRow,
    ResultsReport,
)
from score_core.parameters import Dated, Resolved, Timeline
from score_core.people import Certification, ImprovementTeam, Participant, Trainer
from score_core.pricing import (
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
)
from score_core.profiles import (
    Band,
    CoverageTarget,
    DelegationRule,
    Profile,
    Provenance,
)
from score_core.sources import Source
from score_core.visits import (
    CycleProgress,
    ModulePlan,
    Rescheduled,
    Visit,
    VisitCycle,
    VisitOutcome,
)
from score_core.workshops import (
    AttendanceMark,
    AttendanceSheet,
    Delegation,
    DelegationAttendance,
    StatisticsRow,
    Workshop,
    WorkshopStatistics,
)


#: Each public type and the name of its strategy in ``score_core.strategies``.
STRATEGY_NAMES: dict[type, str] = {
    AttendanceMark: "attendance_marks",
    AttendanceSheet: "attendance_sheets",
    Band: "bands",
    Catalogue: "catalogues",
    Certification: "certifications",
    CodeInfo: "code_infos",
    CoverageTarget: "coverage_targets",
    Currency: "currencies",
    Delegation: "delegations",
    DelegationAttendance: "delegation_attendances",
    DelegationRule: "delegation_rules",
    EligibilityResult: "eligibility_results",
    FixedCalendar: "fixed_calendars",
    StatisticsRow: "statistics_rows",
    Workshop: "workshops",
    ModulePlan: "module_plans",
    VisitCycle: "visit_cycles",
    Visit: "visits",
    VisitOutcome: "visit_outcomes",
    CycleProgress: "cycle_progresses",
    Rescheduled: "reschedulings",
    CostModel: "cost_models",
    FeeTier: "fee_tiers",
    FeeRule: "fee_rules",
    ShareRule: "share_rules",
    GroupRules: "group_rules",
    FundingRules: "funding_rules",
    FundingPolicy: "funding_policies",
    Quote: "quotes",
    CostLine: "cost_lines",
    EnterpriseInvoice: "enterprise_invoices",
    Payment: "payments",
    Portfolio: "portfolios",
    PortfolioRow: "portfolio_rows",
    BreakEven: "break_evens",
    Indicator: "indicators",
    IndicatorSet: "indicator_sets",
    Measurement: "measurements",
    Change: "changes",
    ChangeSet: "change_sets",
    Aggregate: "aggregates",
    AggregateSet: "aggregate_sets",
    ResultRow: "result_rows",
    ResultsReport: "results_reports",
    WorkshopStatistics: "workshop_statistics",
    Enterprise: "enterprises",
    EnterpriseRecord: "enterprise_records",
    RuleCheck: "rule_checks",
    ScreeningSummary: "screening_summaries",
    StateChange: "state_changes",
    UsedParameter: "used_parameters",
    ImprovementTeam: "improvement_teams",
    ModuleFormat: "module_formats",
    Money: "monies",
    Participant: "participants",
    Profile: "profiles",
    Provenance: "provenances",
    Report: "reports",
    RuleViolation: "rule_violations",
    Source: "sources",
    Trainer: "trainers",
    TrainingModule: "training_modules",
    # Generic types: the strategy takes a strategy for the type parameter.
    Dated: "dated_values",
    Resolved: "resolved_values",
    Timeline: "timelines",
}
_GENERIC = frozenset({Dated, Resolved, Timeline})


def strategy_for(requested: Any) -> Any:
    """The strategy for a public type (parametrised generics included)."""
    from hypothesis import strategies as st

    strategies = importlib.import_module("score_core.strategies")
    origin = typing.get_origin(requested) or requested
    factory = getattr(strategies, STRATEGY_NAMES[origin])
    args = typing.get_args(requested)
    if origin in _GENERIC and args:
        return factory(st.from_type(args[0]))
    return factory()


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public score_core type."""
    from hypothesis import strategies as st

    for cls in STRATEGY_NAMES:
        st.register_type_strategy(cls, strategy_for)
