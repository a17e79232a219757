"""score_core: the ILO SCORE programme's rules as values and pure functions.

SCORE (Sustaining Competitive and Responsible Enterprises) is an ILO
programme of joint classroom training for managers and workers of small and
medium enterprises, followed by in-factory consultations. score_core models
its rules: immutable values, rule checks that return findings with stable
codes and reasons, exact money, and strict JSON in and out.

>>> import score_core
>>> score_core.Money.of("100", "CNY").split(3)[0]
Money(amount=Decimal('33.34'), currency='CNY')

Importing score_core never imports Hypothesis or holidays, and imports its own
modules only when a name from them is first used.

The top level holds the names a SCORE tool uses every day; every other
public name lives in its module (``score_core.pricing.GroupRules``), and the
one table of public names (``score_core._public``) says where.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from score_core._public import HOMES, TOP_LEVEL
from score_core._version import __version__


if TYPE_CHECKING:
    from score_core._frozen import (
        FrozenMap as FrozenMap,
    )
    from score_core.calendars import (
        FixedCalendar as FixedCalendar,
    )
    from score_core.calendars import (
        WorkCalendar as WorkCalendar,
    )
    from score_core.calendars import (
        get_calendar as get_calendar,
    )
    from score_core.calendars import (
        holidays_calendar as holidays_calendar,
    )
    from score_core.calendars import (
        weekday_calendar as weekday_calendar,
    )
    from score_core.catalogue import (
        Catalogue as Catalogue,
    )
    from score_core.catalogue import (
        ModuleCode as ModuleCode,
    )
    from score_core.catalogue import (
        TrainingModule as TrainingModule,
    )
    from score_core.catalogue import (
        default_catalogue as default_catalogue,
    )
    from score_core.catalogue import (
        get_catalogue as get_catalogue,
    )
    from score_core.eligibility import (
        EligibilityResult as EligibilityResult,
    )
    from score_core.eligibility import (
        Status as Status,
    )
    from score_core.eligibility import (
        check_eligibility as check_eligibility,
    )
    from score_core.eligibility import (
        screen as screen,
    )
    from score_core.enterprises import (
        Enterprise as Enterprise,
    )
    from score_core.errors import (
        InvalidValueError as InvalidValueError,
    )
    from score_core.errors import (
        NotInForceError as NotInForceError,
    )
    from score_core.errors import (
        PayloadError as PayloadError,
    )
    from score_core.errors import (
        PlanningError as PlanningError,
    )
    from score_core.errors import (
        RuleViolationError as RuleViolationError,
    )
    from score_core.errors import (
        ScoreError as ScoreError,
    )
    from score_core.errors import (
        UnknownNameError as UnknownNameError,
    )
    from score_core.findings import (
        Report as Report,
    )
    from score_core.findings import (
        RuleViolation as RuleViolation,
    )
    from score_core.findings import (
        Severity as Severity,
    )
    from score_core.ical import (
        to_ical as to_ical,
    )
    from score_core.journey import (
        EnterpriseRecord as EnterpriseRecord,
    )
    from score_core.journey import (
        ModuleState as ModuleState,
    )
    from score_core.money import (
        Money as Money,
    )
    from score_core.monitoring import (
        Measurement as Measurement,
    )
    from score_core.monitoring import (
        aggregate as aggregate,
    )
    from score_core.monitoring import (
        changes as changes,
    )
    from score_core.monitoring import (
        default_indicators as default_indicators,
    )
    from score_core.monitoring import (
        results_report as results_report,
    )
    from score_core.parameters import (
        Dated as Dated,
    )
    from score_core.parameters import (
        Resolution as Resolution,
    )
    from score_core.parameters import (
        Timeline as Timeline,
    )
    from score_core.people import (
        Certification as Certification,
    )
    from score_core.people import (
        Gender as Gender,
    )
    from score_core.people import (
        Participant as Participant,
    )
    from score_core.people import (
        Role as Role,
    )
    from score_core.people import (
        Trainer as Trainer,
    )
    from score_core.people import (
        TrainerLevel as TrainerLevel,
    )
    from score_core.people import (
        check_trainer as check_trainer,
    )
    from score_core.pricing import (
        CostModel as CostModel,
    )
    from score_core.pricing import (
        FundingPolicy as FundingPolicy,
    )
    from score_core.pricing import (
        Payer as Payer,
    )
    from score_core.pricing import (
        Quote as Quote,
    )
    from score_core.pricing import (
        break_even as break_even,
    )
    from score_core.pricing import (
        example_cost_model as example_cost_model,
    )
    from score_core.pricing import (
        example_funding_policy as example_funding_policy,
    )
    from score_core.pricing import (
        fee_for as fee_for,
    )
    from score_core.pricing import (
        portfolio as portfolio,
    )
    from score_core.pricing import (
        quote as quote,
    )
    from score_core.profiles import (
        Profile as Profile,
    )
    from score_core.profiles import (
        get_profile as get_profile,
    )
    from score_core.profiles import (
        profile_names as profile_names,
    )
    from score_core.profiles import (
        register_profile as register_profile,
    )
    from score_core.schema import (
        json_schema as json_schema,
    )
    from score_core.serialization import (
        dump_document as dump_document,
    )
    from score_core.serialization import (
        from_dict as from_dict,
    )
    from score_core.serialization import (
        from_json as from_json,
    )
    from score_core.serialization import (
        load_document as load_document,
    )
    from score_core.serialization import (
        to_dict as to_dict,
    )
    from score_core.serialization import (
        to_json as to_json,
    )
    from score_core.visits import (
        ModulePlan as ModulePlan,
    )
    from score_core.visits import (
        Visit as Visit,
    )
    from score_core.visits import (
        VisitCycle as VisitCycle,
    )
    from score_core.visits import (
        plan_module as plan_module,
    )
    from score_core.visits import (
        reschedule as reschedule,
    )
    from score_core.workshops import (
        AttendanceSheet as AttendanceSheet,
    )
    from score_core.workshops import (
        Delegation as Delegation,
    )
    from score_core.workshops import (
        Enrolment as Enrolment,
    )
    from score_core.workshops import (
        Workshop as Workshop,
    )
    from score_core.workshops import (
        check_workshop as check_workshop,
    )
    from score_core.workshops import (
        enrol as enrol,
    )
    from score_core.workshops import (
        record_attendance as record_attendance,
    )
    from score_core.workshops import (
        withdraw as withdraw,
    )
    from score_core.workshops import (
        workshop_statistics as workshop_statistics,
    )


__all__ = ["__version__", *sorted(TOP_LEVEL)]


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is used (PEP 562).

    Public submodules (``score_core.visits``) are imported the same way. A
    public name that lives in its module only (it left the top level in
    0.2) still resolves, with a :class:`DeprecationWarning` naming its module.
    """
    module = HOMES.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"score_core.{module}"), name)
        if name not in TOP_LEVEL:
            warnings.warn(
                f"score_core.{name} is no longer at the top level; import it from "
                f"score_core.{module}",
                DeprecationWarning,
                stacklevel=2,
            )
            return value
        globals()[name] = value
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"score_core.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"score_core.{name}":
                raise
    raise AttributeError(f"module 'score_core' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
