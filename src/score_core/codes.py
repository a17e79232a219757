"""The catalogue of finding codes: one place for every code score_core emits.

Codes are stable dotted strings. A released code is never renamed or reused;
tests and tools assert on codes, never on message text. Each code has a
default severity, a message template (the message quotes the value and the
limit), a one-line meaning and, where the rule comes from a source, a
citation.

Other libraries register codes of their own with :func:`register_code`.

>>> from score_core.codes import Code, violation
>>> v = violation(Code.EIT_NO_WORKER, enterprise="E1", path=("members",))
>>> v.code, v.severity.value, v.message
('eit.no_worker', 'error', 'the improvement team of enterprise E1 has no worker')
"""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from score_core._registry import Registry
from score_core._validators import non_empty_str, optional_non_empty_str
from score_core.errors import ConfigurationError
from score_core.findings import ParamValue, PathItem, RuleViolation, Severity


__all__ = [
    "Code",
    "CodeInfo",
    "all_codes",
    "code_info",
    "register_code",
    "violation",
]


class Code(enum.StrEnum):
    """Every finding code score_core itself emits."""

    PROFILE_NOT_IN_FORCE = "profile.not_in_force"
    PARAMETER_STALE = "parameter.stale"
    TRAINER_NOT_CERTIFIED = "trainer.not_certified"
    TRAINER_CERTIFICATION_EXPIRED = "trainer.certification.expired"
    TRAINER_CERTIFICATION_NOT_YET_VALID = "trainer.certification.not_yet_valid"
    TRAINER_CANDIDATE_UNSUPERVISED = "trainer.candidate.unsupervised"
    TRAINER_ENTRY_MODULE_MISSING = "trainer.entry_module.missing"
    EIT_NO_MANAGER = "eit.no_manager"
    EIT_NO_WORKER = "eit.no_worker"
    EIT_TOO_SMALL = "eit.too_small"
    EIT_MEMBER_OTHER_ENTERPRISE = "eit.member.other_enterprise"
    EIT_MEMBER_DUPLICATE = "eit.member.duplicate"
    ELIGIBILITY_HEADCOUNT_BELOW_MIN = "eligibility.headcount.below_min"
    ELIGIBILITY_HEADCOUNT_ABOVE_MAX = "eligibility.headcount.above_max"
    ELIGIBILITY_HEADCOUNT_NEAR_MIN = "eligibility.headcount.near_min"
    ELIGIBILITY_HEADCOUNT_NEAR_MAX = "eligibility.headcount.near_max"
    ELIGIBILITY_HEADCOUNT_MISSING = "eligibility.headcount.missing"
    ELIGIBILITY_SECTOR_MISSING = "eligibility.sector.missing"
    ELIGIBILITY_SECTOR_NOT_COVERED = "eligibility.sector.not_covered"
    ELIGIBILITY_COUNTRY_MISSING = "eligibility.country.missing"
    ELIGIBILITY_COUNTRY_MISMATCH = "eligibility.country.mismatch"
    ELIGIBILITY_RECORD_MISSING = "eligibility.record.missing"
    ELIGIBILITY_PREREQUISITE_MISSING = "eligibility.module.prerequisite_missing"
    ELIGIBILITY_BASELINE_MISSING = "eligibility.baseline.missing"
    ELIGIBILITY_MODULE_COMPLETED = "eligibility.module.completed"
    ELIGIBILITY_MODULE_IN_PROGRESS = "eligibility.module.in_progress"
    ELIGIBILITY_ENTERPRISE_WITHDRAWN = "eligibility.enterprise.withdrawn"
    WORKSHOP_ENTERPRISES_TOO_FEW = "workshop.enterprises.too_few"
    WORKSHOP_ENTERPRISES_FILLING = "workshop.enterprises.filling"
    WORKSHOP_ENTERPRISES_TOO_MANY = "workshop.enterprises.too_many"
    WORKSHOP_ENTERPRISE_DUPLICATE = "workshop.enterprise.duplicate"
    WORKSHOP_DELEGATION_MANAGERS = "workshop.delegation.managers"
    WORKSHOP_DELEGATION_WORKERS = "workshop.delegation.workers"
    WORKSHOP_DELEGATION_NOT_JOINT = "workshop.delegation.not_joint"
    WORKSHOP_DELEGATION_ONE_SEX = "workshop.delegation.one_sex"
    WORKSHOP_PARTICIPANT_DUPLICATE = "workshop.participant.duplicate"
    WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE = "workshop.participant.other_enterprise"
    WORKSHOP_REPRESENTATION_UNEQUAL = "workshop.representation.unequal"
    WORKSHOP_DAYS_COUNT = "workshop.days.count"
    WORKSHOP_DAY_NOT_WORKING = "workshop.day.not_working"
    WORKSHOP_TRAINERS_NONE = "workshop.trainers.none"
    WORKSHOP_ENROLMENT_ALREADY = "workshop.enrolment.already"
    WORKSHOP_ENROLMENT_ABSENT = "workshop.enrolment.absent"
    CALENDAR_YEAR_NOT_COVERED = "calendar.year.not_covered"
    CALENDAR_YEAR_UNCONFIRMED = "calendar.year.unconfirmed"
    PLAN_WINDOW_TOO_SHORT = "plan.window.too_short"
    PLAN_INTAKE_NO_ROOM = "plan.intake.no_room"
    PLAN_VISIT_ROLLED = "plan.visit.rolled"
    PLAN_VISIT_MOVED = "plan.visit.moved"
    VISIT_DAY_NOT_WORKING = "visit.day.not_working"
    VISIT_ORDER = "visit.order"
    VISIT_GAP = "visit.gap"
    VISIT_INTAKE_LATE = "visit.intake.late"
    VISIT_OUTSIDE_WINDOW = "visit.outside_window"
    VISIT_OVERDUE = "visit.overdue"
    VISIT_RESCHEDULE_DONE = "visit.reschedule.done"
    VISIT_RESCHEDULE_CANCELLED = "visit.reschedule.cancelled"
    VISIT_RESCHEDULE_PAST = "visit.reschedule.past"
    VISIT_RESCHEDULE_SHORT_NOTICE = "visit.reschedule.short_notice"
    VISIT_RESCHEDULE_LIMIT = "visit.reschedule.limit"
    FUNDING_DONOR_SHARE_RISES = "funding.donor_share.rises"
    PRICING_FEE_NO_TIER = "pricing.fee.no_tier"
    PRICING_FEE_HEADCOUNT_UNKNOWN = "pricing.fee.headcount_unknown"
    PRICING_COVERAGE_BELOW_TARGET = "pricing.coverage.below_target"
    PRICING_INSTITUTION_BEARS = "pricing.institution.bears"
    PRICING_REMAINDER_UNFUNDED = "pricing.remainder.unfunded"
    PRICING_EXAMPLE_FIGURES = "pricing.example_figures"
    PRICING_PORTFOLIO_BELOW_TARGET = "pricing.portfolio.below_target"
    MONITORING_INDICATOR_UNKNOWN = "monitoring.indicator.unknown"
    MONITORING_UNIT_MISMATCH = "monitoring.unit.mismatch"
    MONITORING_SEX_MISSING = "monitoring.sex.missing"
    MONITORING_PRACTICE_VALUE = "monitoring.practice.value"
    MONITORING_BASELINE_MISSING = "monitoring.baseline.missing"
    MONITORING_BASELINE_ZERO = "monitoring.baseline.zero"
    MONITORING_SAMPLE_SMALL = "monitoring.sample.small"


@attrs.frozen(kw_only=True)
class CodeInfo:
    """What a code means.

    Attributes:
        code: The dotted code.
        severity: The severity findings with this code get by default.
        template: The message, with ``{name}`` placeholders filled from the
            finding's params.
        summary: One line on what the finding means, for the docs.
        source: Citation of the rule (a source key and locator), if any.
    """

    code: str = attrs.field(validator=non_empty_str)
    severity: Severity
    template: str = attrs.field(validator=non_empty_str)
    summary: str = attrs.field(validator=non_empty_str)
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The names the template expects, in order of first use."""
        names: list[str] = []
        for _, name, _, _ in string.Formatter().parse(self.template):
            if name and name not in names:
                names.append(name)
        return tuple(names)


_CATALOGUE: Registry[CodeInfo] = Registry("finding code")
_PLACEHOLDERS: dict[str, tuple[str, ...]] = {}


def register_code(info: CodeInfo) -> CodeInfo:
    """Add a code to the catalogue (for libraries that add rules of their own).

    Raises:
        ConfigurationError: when the code is already registered with a
            different meaning.
    """
    # Build a finding once so that a malformed code is refused here.
    RuleViolation(code=info.code, severity=info.severity, message="-")
    _CATALOGUE.add(info.code, info)
    _PLACEHOLDERS[info.code] = info.placeholders
    return info


def code_info(code: str) -> CodeInfo:
    """The catalogue entry for a code.

    Raises:
        UnknownNameError: when the code is not registered.
    """
    return _CATALOGUE.get(code)


def all_codes() -> Mapping[str, CodeInfo]:
    """Every registered code, sorted by code."""
    return MappingProxyType({code: _CATALOGUE.get(code) for code in _CATALOGUE})


def violation(
    code: str,
    *,
    path: tuple[PathItem, ...] = (),
    severity: Severity | None = None,
    **params: ParamValue,
) -> RuleViolation:
    """Make a finding from the catalogue, its message filled from ``params``.

    Args:
        code: A registered code.
        path: Where in the checked value the finding points.
        severity: Overrides the code's default severity (for example a
            strict mode that turns a warning into an error).
        **params: The values the template quotes.

    Raises:
        UnknownNameError: when the code is not registered.
        ConfigurationError: when a placeholder of the template has no value.
    """
    info = code_info(code)
    missing = [name for name in _PLACEHOLDERS[code] if name not in params]
    if missing:
        raise ConfigurationError(
            f"finding {code!r} needs {', '.join(missing)} to fill its message"
        )
    return RuleViolation(
        code=info.code,
        severity=info.severity if severity is None else severity,
        message=info.template.format(**params),
        path=path,
        params=params,
    )


def _entry(
    code: Code, severity: Severity, template: str, summary: str, source: str | None
) -> None:
    register_code(
        CodeInfo(
            code=code.value,
            severity=severity,
            template=template,
            summary=summary,
            source=source,
        )
    )


E, W = Severity.ERROR, Severity.WARNING
_entry(
    Code.PROFILE_NOT_IN_FORCE,
    W,
    "profile {profile} is used on {on}, {relation} its {parameter} {bound} (source: "
    "{source}); its values are applied as they stand",
    "The profile was used on a date outside its validity: its values are "
    "applied as they stand (the default, lenient resolution).",
    None,
)
_entry(
    Code.PARAMETER_STALE,
    W,
    "{parameter} of {profile} has no value dated for {on}, {relation} its sources' "
    "{bound}; the value in force {period} is used (source: {source})",
    "A dated parameter was resolved outside its declared dates: the nearest "
    "value is used (the default, lenient resolution).",
    None,
)
_entry(
    Code.TRAINER_NOT_CERTIFIED,
    E,
    "trainer {trainer} holds no certification for module {module}",
    "A trainer delivers only modules they are certified (or a candidate) for.",
    "TOT",
)
_entry(
    Code.TRAINER_CERTIFICATION_EXPIRED,
    E,
    "trainer {trainer}'s certification for module {module} expired on {expires_on}, "
    "before {on}",
    "The trainer's certification for the module has expired on that date.",
    "SIYB",
)
_entry(
    Code.TRAINER_CERTIFICATION_NOT_YET_VALID,
    E,
    "trainer {trainer} holds module {module} only from {certified_on}, after {on}",
    "The trainer's certification (or candidacy) starts after that date.",
    "TOT",
)
_entry(
    Code.TRAINER_CANDIDATE_UNSUPERVISED,
    E,
    "trainer {trainer} is a candidate for module {module} and needs {supervisor} "
    "present to deliver it",
    "A candidate delivers a module only in a supervised training of enterprises, "
    "with an expert trainer certified for that module present.",
    "TOT",
)
_entry(
    Code.TRAINER_ENTRY_MODULE_MISSING,
    E,
    "trainer {trainer} must be certified in {entry} before delivering module {module}",
    "Trainers are certified in Workplace Cooperation (or SCORE Basics) before any "
    "other module.",
    "TOT",
)
_entry(
    Code.EIT_NO_MANAGER,
    E,
    "the improvement team of enterprise {enterprise} has no manager",
    "An Enterprise Improvement Team is made of managers and workers.",
    "MTE-II p.15",
)
_entry(
    Code.EIT_NO_WORKER,
    E,
    "the improvement team of enterprise {enterprise} has no worker",
    "An Enterprise Improvement Team is made of managers and workers.",
    "MTE-II p.15",
)
_entry(
    Code.EIT_TOO_SMALL,
    W,
    "the improvement team of enterprise {enterprise} has {size} members, fewer than "
    "the {minimum} of profile {profile}",
    "The team is smaller than the profile's minimum (a default: no source sets one).",
    None,
)
_entry(
    Code.EIT_MEMBER_OTHER_ENTERPRISE,
    E,
    "{member} belongs to enterprise {member_enterprise}, not to {enterprise}",
    "Team members are drawn from the enterprise's own managers and workers.",
    "MTE-II p.15",
)
_entry(
    Code.EIT_MEMBER_DUPLICATE,
    E,
    "{member} is listed more than once in the improvement team of enterprise "
    "{enterprise}",
    "A person is a member of a team once.",
    None,
)
_entry(
    Code.ELIGIBILITY_HEADCOUNT_BELOW_MIN,
    E,
    "headcount {headcount} is below the minimum of {minimum} for profile {profile}",
    "The enterprise is smaller than the profile's employee band.",
    "BJ-II; MTE-II p.5",
)
_entry(
    Code.ELIGIBILITY_HEADCOUNT_ABOVE_MAX,
    E,
    "headcount {headcount} is above the maximum of {maximum} for profile {profile}",
    "The enterprise is larger than the profile's employee band.",
    "BJ-II; MTE-II p.5",
)
_entry(
    Code.ELIGIBILITY_HEADCOUNT_NEAR_MIN,
    W,
    "headcount {headcount} is below the minimum of {minimum} for profile {profile}, "
    "within its review margin of {margin}",
    "Just below the band, within the profile's review margin: needs review.",
    "SEED",
)
_entry(
    Code.ELIGIBILITY_HEADCOUNT_NEAR_MAX,
    W,
    "headcount {headcount} is above the maximum of {maximum} for profile {profile}, "
    "within its review margin of {margin}",
    "Just above the band, within the profile's review margin: needs review.",
    "SEED",
)
_entry(
    Code.ELIGIBILITY_HEADCOUNT_MISSING,
    W,
    "the headcount of enterprise {enterprise} is not recorded; profile {profile} "
    "takes {minimum} to {maximum} employees",
    "The headcount is unknown: needs review (missing data is never ineligibility).",
    None,
)
_entry(
    Code.ELIGIBILITY_SECTOR_MISSING,
    W,
    "the sector of enterprise {enterprise} is not recorded; profile {profile} "
    "covers {sectors}",
    "The profile covers some sectors only and the sector is unknown: needs review.",
    None,
)
_entry(
    Code.ELIGIBILITY_SECTOR_NOT_COVERED,
    E,
    "sector {sector} is not covered by profile {profile} (it covers {sectors})",
    "The enterprise's sector is outside the profile's sectors.",
    "SDG12",
)
_entry(
    Code.ELIGIBILITY_COUNTRY_MISSING,
    W,
    "the country of enterprise {enterprise} is not recorded; profile {profile} is "
    "for {profile_country}",
    "The profile is for one country and the enterprise's is unknown: needs review.",
    None,
)
_entry(
    Code.ELIGIBILITY_COUNTRY_MISMATCH,
    E,
    "enterprise {enterprise} is in {country}; profile {profile} is for "
    "{profile_country}",
    "The enterprise is not in the profile's country.",
    None,
)
_entry(
    Code.ELIGIBILITY_RECORD_MISSING,
    W,
    "no record of enterprise {enterprise} was given: cannot tell whether {what} "
    "before module {module}",
    "A rule needs the enterprise's journey record and none was given: needs review.",
    None,
)
_entry(
    Code.ELIGIBILITY_PREREQUISITE_MISSING,
    E,
    "module {module} comes after {missing}, which enterprise {enterprise} has not "
    "completed",
    "Module 1 comes first; every module's prerequisites are completed before it.",
    "PROC; LIMA",
)
_entry(
    Code.ELIGIBILITY_BASELINE_MISSING,
    E,
    "enterprise {enterprise} has no baseline assessment{by}; it comes before "
    "module {module}",
    "A baseline assessment of the enterprise comes before its Module 1.",
    "NEWDELHI-TOT; PROC",
)
_entry(
    Code.ELIGIBILITY_MODULE_COMPLETED,
    E,
    "enterprise {enterprise} completed module {module} on {completed_on}",
    "A module already completed is not taken again.",
    None,
)
_entry(
    Code.ELIGIBILITY_MODULE_IN_PROGRESS,
    E,
    "enterprise {enterprise} is already in module {module} ({state})",
    "A module in progress is not enrolled in twice.",
    None,
)
_entry(
    Code.ELIGIBILITY_ENTERPRISE_WITHDRAWN,
    E,
    "enterprise {enterprise} withdrew from SCORE on {withdrawn_on}",
    "An enterprise that has withdrawn takes no further module.",
    None,
)
_entry(
    Code.WORKSHOP_ENTERPRISES_TOO_FEW,
    E,
    "workshop {workshop} has {count} enterprises, fewer than the {minimum} of "
    "profile {profile}{deadline}",
    "Too few enterprises to hold the workshop (at or after its go/no-go date, or "
    "when it has none).",
    "PROC",
)
_entry(
    Code.WORKSHOP_ENTERPRISES_FILLING,
    W,
    "workshop {workshop} has {count} of at least {minimum} enterprises; {missing} "
    "more needed by its go/no-go date {go_no_go}",
    "Still short of the minimum, with time left before the go/no-go date.",
    "PROC",
)
_entry(
    Code.WORKSHOP_ENTERPRISES_TOO_MANY,
    E,
    "workshop {workshop} has {count} enterprises, more than the {maximum} of "
    "{limit_from}",
    "More enterprises than the profile (or the module's own format) allows.",
    "PROC; HOCO",
)
_entry(
    Code.WORKSHOP_ENTERPRISE_DUPLICATE,
    E,
    "enterprise {enterprise} appears twice in workshop {workshop} (also at {other})",
    "An enterprise sends one delegation to a workshop.",
    None,
)
_entry(
    Code.WORKSHOP_DELEGATION_MANAGERS,
    E,
    "enterprise {enterprise} sends {count} managers; profile {profile} asks for "
    "{expected}",
    "Each enterprise sends the profile's number of managers (classic: 2).",
    "PROC",
)
_entry(
    Code.WORKSHOP_DELEGATION_WORKERS,
    E,
    "enterprise {enterprise} sends {count} workers; profile {profile} asks for "
    "{expected}",
    "Each enterprise sends the profile's number of workers (classic: 2).",
    "PROC",
)
_entry(
    Code.WORKSHOP_DELEGATION_NOT_JOINT,
    E,
    "enterprise {enterprise} sends no {missing}: managers and workers of each "
    "enterprise are trained together",
    "SCORE training is joint: managers and workers of the same enterprise.",
    "SEED; HOME",
)
_entry(
    Code.WORKSHOP_DELEGATION_ONE_SEX,
    W,
    "enterprise {enterprise} employs women and men but sends only {sex} participants",
    "The programme asks for both women and men to take part.",
    "HOME",
)
_entry(
    Code.WORKSHOP_PARTICIPANT_DUPLICATE,
    E,
    "{person} is listed twice in workshop {workshop} (also at {other})",
    "A person takes part in one delegation, once.",
    None,
)
_entry(
    Code.WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE,
    E,
    "{person} works for enterprise {person_enterprise}, not for {enterprise}",
    "A delegation is made of the enterprise's own managers and workers.",
    "PROC",
)
_entry(
    Code.WORKSHOP_REPRESENTATION_UNEQUAL,
    W,
    "workshop {workshop} has {managers} managers and {workers} workers; the "
    "programme aims at equal representation",
    "Equal representation of managers and workers across the workshop.",
    "PHASE-III-RESPONSE",
)
_entry(
    Code.WORKSHOP_DAYS_COUNT,
    E,
    "workshop {workshop} has {count} classroom days; module {module} has {expected} "
    "under profile {profile}",
    "The module's number of classroom days (classic: 2).",
    "SEED; PROC",
)
_entry(
    Code.WORKSHOP_DAY_NOT_WORKING,
    E,
    "{day} is not a working day in calendar {calendar}",
    "Classroom days fall on working days.",
    None,
)
_entry(
    Code.WORKSHOP_TRAINERS_NONE,
    E,
    "workshop {workshop} has no trainer",
    "A certified trainer delivers every workshop.",
    "TOT",
)
_entry(
    Code.WORKSHOP_ENROLMENT_ALREADY,
    W,
    "enterprise {enterprise} is already {place} workshop {workshop}; nothing changed",
    "Enrolling an enterprise twice leaves the workshop as it is.",
    None,
)
_entry(
    Code.WORKSHOP_ENROLMENT_ABSENT,
    W,
    "enterprise {enterprise} is not in workshop {workshop}; nothing changed",
    "Withdrawing an enterprise that is not enrolled or waiting leaves the "
    "workshop as it is.",
    None,
)
_entry(
    Code.CALENDAR_YEAR_NOT_COVERED,
    E,
    "calendar {calendar} has no data for {year}",
    "The calendar cannot tell working days in that year.",
    None,
)
_entry(
    Code.CALENDAR_YEAR_UNCONFIRMED,
    W,
    "calendar {calendar} only estimates {year}; official dates may differ",
    "The year's holidays (China's make-up days, lunar and Islamic dates) are not "
    "yet official.",
    None,
)

_entry(
    Code.PLAN_WINDOW_TOO_SHORT,
    E,
    "{count} follow-up visits at least {gap} days apart do not fit between {start} "
    "and {end} in calendar {calendar}",
    "The follow-up visits, with their spacing, must fit the window after the "
    "classroom days.",
    "MTE-II p.15",
)
_entry(
    Code.PLAN_INTAKE_NO_ROOM,
    E,
    "the intake visit of enterprise {enterprise} cannot fall between {earliest} and "
    "{latest} in calendar {calendar}",
    "The intake visit comes before the classroom days, by the profile's lead time.",
    "MTE-II p.15",
)
_entry(
    Code.PLAN_VISIT_ROLLED,
    Severity.INFO,
    "{visit} of enterprise {enterprise} moved from {nominal} to {day}: {nominal} is "
    "not a working day in calendar {calendar}",
    "A visit's nominal date fell on a day off and was rolled to a working day.",
    None,
)
_entry(
    Code.PLAN_VISIT_MOVED,
    Severity.INFO,
    "{visit} of enterprise {enterprise} moved from {nominal} to {day} to keep the "
    "spacing and the window",
    "A visit's nominal date was moved to keep the minimum gap or the window.",
    None,
)
_entry(
    Code.VISIT_DAY_NOT_WORKING,
    E,
    "{visit} of enterprise {enterprise} falls on {day}, not a working day in "
    "calendar {calendar}",
    "Visits fall on working days.",
    None,
)
_entry(
    Code.VISIT_ORDER,
    E,
    "{visit} of enterprise {enterprise} on {day} does not come after {previous} on "
    "{previous_day}",
    "Visits keep their order: the intake, then follow-up 1, 2, 3.",
    "MTE-II p.15",
)
_entry(
    Code.VISIT_GAP,
    E,
    "{visit} of enterprise {enterprise} is {days} days after {previous}; profile "
    "{profile} asks for at least {gap}",
    "Follow-up visits keep the profile's minimum spacing.",
    None,
)
_entry(
    Code.VISIT_INTAKE_LATE,
    E,
    "the intake visit of enterprise {enterprise} on {day} is not before the first "
    "classroom day {first}",
    "The intake visit comes before the classroom training.",
    "MTE-II p.15",
)
_entry(
    Code.VISIT_OUTSIDE_WINDOW,
    E,
    "{visit} of enterprise {enterprise} on {day} is outside the window {start} to "
    "{end}",
    "Follow-up visits fall after the last classroom day, within the profile's "
    "window (classic: under three months).",
    "MTE-II p.15",
)
_entry(
    Code.VISIT_OVERDUE,
    W,
    "{visit} of enterprise {enterprise} was planned for {day} and is not recorded "
    "on {on}",
    "A planned visit whose date has passed without an outcome.",
    None,
)
_entry(
    Code.VISIT_RESCHEDULE_DONE,
    E,
    "{visit} of enterprise {enterprise} was done on {day}; a done visit is never moved",
    "Past visits are history: rescheduling never rewrites a done visit.",
    None,
)
_entry(
    Code.VISIT_RESCHEDULE_CANCELLED,
    E,
    "{visit} of enterprise {enterprise} is cancelled; plan a new cycle instead",
    "A cancelled visit is not moved.",
    None,
)
_entry(
    Code.VISIT_RESCHEDULE_PAST,
    E,
    "{visit} of enterprise {enterprise} cannot move to {day}, before today {on}",
    "A visit is moved to a day still to come.",
    None,
)
_entry(
    Code.VISIT_RESCHEDULE_SHORT_NOTICE,
    E,
    "{visit} of enterprise {enterprise} on {day} is {days} days away on {on}; "
    "profile {profile} asks for {notice} days' notice",
    "A planned visit is moved with the profile's minimum notice.",
    None,
)
_entry(
    Code.VISIT_RESCHEDULE_LIMIT,
    E,
    "{visit} of enterprise {enterprise} has been moved {count} times; profile "
    "{profile} allows {limit}",
    "A visit is moved at most the profile's number of times.",
    None,
)
_entry(
    Code.FUNDING_DONOR_SHARE_RISES,
    E,
    "policy {policy}: the donor's share for {group} rises from {before} to {after} "
    "(period {period}) without an override",
    "A phase-down lowers the donor's share over time; a rise must be declared "
    "(raises_donor_share).",
    "MTE-II p.2",
)
_entry(
    Code.PRICING_FEE_NO_TIER,
    W,
    "enterprise {enterprise} (headcount {headcount}) fits no fee tier; charged the "
    "last tier's {price}",
    "A fee by size tier needs the enterprise's headcount within a tier.",
    None,
)
_entry(
    Code.PRICING_FEE_HEADCOUNT_UNKNOWN,
    W,
    "the headcount of enterprise {enterprise} is not recorded; charged the last "
    "fee tier's {price}",
    "A fee by size tier needs the enterprise's headcount; unknown, the last "
    "(largest) tier is charged until it is known.",
    None,
)
_entry(
    Code.PRICING_COVERAGE_BELOW_TARGET,
    W,
    "workshop {workshop}: non-donor coverage {coverage} is below the {target} target "
    "of profile {profile} for module {module}",
    "Cost coverage: the share of the full training cost paid by non-ILO sources.",
    "MTE-II p.35",
)
_entry(
    Code.PRICING_INSTITUTION_BEARS,
    W,
    "workshop {workshop}: the institution bears {amount} that no payer covers",
    "Retired: no longer emitted (see pricing.remainder.unfunded); kept so that "
    "stored findings still load.",
    None,
)
_entry(
    Code.PRICING_REMAINDER_UNFUNDED,
    E,
    "workshop {workshop}: {amount} of the full cost has no payer; name the "
    "institution's own budget as a payer if it covers it",
    "Coverage counts what sources other than the ILO/donor project pay: a "
    "remainder no payer's rule covers is a budget hole, not coverage.",
    "MTE-II p.35",
)
_entry(
    Code.PRICING_EXAMPLE_FIGURES,
    Severity.INFO,
    "the {what} {name} holds example figures, not a published price",
    "No SCORE fee is published; example figures only illustrate.",
    None,
)
_entry(
    Code.PRICING_PORTFOLIO_BELOW_TARGET,
    W,
    "{year}, {group}: coverage {coverage} is below the {target} target",
    "An institution's coverage over a year and module group, against the target.",
    "MTE-II p.35",
)
_entry(
    Code.MONITORING_INDICATOR_UNKNOWN,
    E,
    "indicator {indicator} is not in indicator set {set}",
    "A measurement names an indicator of the set in use.",
    None,
)
_entry(
    Code.MONITORING_UNIT_MISMATCH,
    E,
    "{indicator} is measured in {expected}, not {unit}",
    "A measurement carries its indicator's unit; values in other units never mix.",
    None,
)
_entry(
    Code.MONITORING_SEX_MISSING,
    E,
    "{indicator} for enterprise {enterprise} counts people but gives no split by sex",
    "Sex-disaggregated data is compulsory in SCORE monitoring.",
    "HOME",
)
_entry(
    Code.MONITORING_PRACTICE_VALUE,
    E,
    "practice indicator {indicator} is yes (1) or no (0), not {value}",
    "Good-practice indicators are binomial: the practice exists or not.",
    "GIMI",
)
_entry(
    Code.MONITORING_BASELINE_MISSING,
    W,
    "enterprise {enterprise} has {indicator} values but no baseline; it is left out",
    "Results are changes from each enterprise's own baseline.",
    "GIMI",
)
_entry(
    Code.MONITORING_BASELINE_ZERO,
    W,
    "enterprise {enterprise} has a zero baseline for {indicator}: no relative change",
    "A relative change from zero is undefined; only the absolute change is given.",
    None,
)
_entry(
    Code.MONITORING_SAMPLE_SMALL,
    W,
    "{indicator} aggregates {n} enterprises, fewer than {minimum}",
    "An aggregate of few enterprises is not a reliable result (MTE-II p.14 found "
    "aggregated KPIs unreliable).",
    "MTE-II p.14",
)
