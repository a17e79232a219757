"""score_core: the ILO SCORE programme's rules as values and pure functions.

SCORE (Sustaining Competitive and Responsible Enterprises) is an ILO
programme of joint classroom training for managers and workers of small and
medium enterprises, followed by in-factory consultations. score_core models
its rules: immutable values, rule checks that return findings with stable
codes and reasons, exact money, and strict JSON in and out.

>>> import score_core
>>> score_core.Money.of("100", "CNY").split(3)[0]
Money(amount=Decimal('33.34'), currency='CNY')

Importing score_core never imports Hypothesis or holidays.
"""

from score_core._version import __version__
from score_core.calendars import FixedCalendar, WorkCalendar
from score_core.catalogue import (
    Catalogue,
    Delivery,
    ModuleCode,
    ModuleFormat,
    ModuleKind,
    TrainingModule,
    catalogue_names,
    default_catalogue,
    get_catalogue,
    register_catalogue,
)
from score_core.codes import Code, CodeInfo, all_codes, code_info, violation
from score_core.eligibility import (
    EligibilityResult,
    Outcome,
    RuleCheck,
    Screening,
    ScreeningSummary,
    Status,
    UsedParameter,
    check_eligibility,
    screen,
)
from score_core.enterprises import Enterprise
from score_core.errors import (
    AllocationError,
    ConfigurationError,
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    NotInForceError,
    PayloadError,
    RuleViolationError,
    ScoreError,
    TransitionError,
    UnknownNameError,
    UnsupportedSchemaVersionError,
)
from score_core.findings import Report, RuleViolation, Severity
from score_core.journey import EnterpriseRecord, ModuleState, StateChange
from score_core.money import AllocationMode, Currency, Money, currencies, get_currency
from score_core.parameters import Dated, Resolution, Resolved, Timeline
from score_core.people import (
    Certification,
    Gender,
    ImprovementTeam,
    Participant,
    Role,
    Trainer,
    TrainerLevel,
    check_improvement_team,
    check_trainer,
)
from score_core.profiles import (
    Band,
    Basis,
    CoverageTarget,
    DelegationRule,
    Profile,
    Provenance,
    default_profile,
    get_profile,
    profile_names,
    register_profile,
)
from score_core.serialization import (
    dump_document,
    from_dict,
    from_json,
    load_document,
    to_dict,
    to_json,
)
from score_core.sources import Source, get_source
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
    check_workshop,
    enrol,
    record_attendance,
    withdraw,
    workshop_statistics,
)


__all__ = [
    "AllocationError",
    "AllocationMode",
    "AttendanceMark",
    "AttendanceSheet",
    "Band",
    "Basis",
    "Catalogue",
    "Certification",
    "Code",
    "CodeInfo",
    "ConfigurationError",
    "CoverageTarget",
    "Currency",
    "CurrencyMismatchError",
    "Dated",
    "Delegation",
    "DelegationAttendance",
    "DelegationRule",
    "Delivery",
    "EligibilityResult",
    "Enterprise",
    "EnterpriseRecord",
    "FixedCalendar",
    "Gender",
    "ImprovementTeam",
    "InvalidTypeError",
    "InvalidValueError",
    "ModuleCode",
    "ModuleFormat",
    "ModuleKind",
    "ModuleState",
    "Money",
    "NotInForceError",
    "Outcome",
    "Participant",
    "PayloadError",
    "Presence",
    "Profile",
    "Provenance",
    "Report",
    "Resolution",
    "Resolved",
    "Role",
    "RuleCheck",
    "RuleViolation",
    "RuleViolationError",
    "ScoreError",
    "Screening",
    "ScreeningSummary",
    "Severity",
    "Source",
    "StateChange",
    "StatisticsRow",
    "Status",
    "Timeline",
    "Trainer",
    "TrainerLevel",
    "TrainingModule",
    "TransitionError",
    "UnknownNameError",
    "UnsupportedSchemaVersionError",
    "UsedParameter",
    "WorkCalendar",
    "Workshop",
    "WorkshopStatistics",
    "__version__",
    "all_codes",
    "attendance",
    "catalogue_names",
    "check_eligibility",
    "check_improvement_team",
    "check_trainer",
    "check_workshop",
    "code_info",
    "currencies",
    "default_catalogue",
    "default_profile",
    "dump_document",
    "enrol",
    "from_dict",
    "from_json",
    "get_catalogue",
    "get_currency",
    "get_profile",
    "get_source",
    "load_document",
    "profile_names",
    "record_attendance",
    "register_catalogue",
    "register_profile",
    "screen",
    "to_dict",
    "to_json",
    "violation",
    "withdraw",
    "workshop_statistics",
]
