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
import functools
import string
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

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
    "format_message",
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
    TRAINER_ENTRY_MODULE_ORDER = "trainer.entry_module.order"
    TRAINER_PATH_DELIVERY_UNRECORDED = "trainer.path.delivery_unrecorded"
    TRAINER_PATH_RECOMMENDATION_UNRECORDED = "trainer.path.recommendation_unrecorded"
    TRAINER_PATH_DELIVERY_AFTER_CERTIFICATION = (
        "trainer.path.delivery_after_certification"
    )
    TRAINER_PATH_NOT_EXPERT = "trainer.path.not_expert"
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
    PLAN_PACKAGE_ORDER = "plan.package.order"
    PLAN_PACKAGE_LONG = "plan.package.long"
    VISIT_DAY_NOT_WORKING = "visit.day.not_working"
    VISIT_ORDER = "visit.order"
    VISIT_GAP = "visit.gap"
    VISIT_INTAKE_LATE = "visit.intake.late"
    VISIT_OUTSIDE_WINDOW = "visit.outside_window"
    VISIT_YEAR_AFTER_EARLY = "visit.year_after.early"
    VISIT_OVERDUE = "visit.overdue"
    VISIT_RESCHEDULE_DONE = "visit.reschedule.done"
    VISIT_RESCHEDULE_CANCELLED = "visit.reschedule.cancelled"
    VISIT_RESCHEDULE_PAST = "visit.reschedule.past"
    VISIT_RESCHEDULE_SHORT_NOTICE = "visit.reschedule.short_notice"
    VISIT_RESCHEDULE_LIMIT = "visit.reschedule.limit"
    SEASON_ASSIGNMENT_UNKNOWN = "season.assignment.unknown"
    SEASON_CLASSROOM_UNASSIGNED = "season.classroom.unassigned"
    SEASON_VISIT_UNASSIGNED = "season.visit.unassigned"
    SEASON_DOUBLE_BOOKED = "season.trainer.double_booked"
    SEASON_DAY_LIMIT = "season.trainer.day_limit"
    SEASON_WEEK_LIMIT = "season.trainer.week_limit"
    SEASON_VISIT_UNPAIRED = "season.visit.unpaired"
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
        return _template_fields(self.template)


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


#: Marks a choice spec that :meth:`_MessageFormatter.parse` set aside.
_CHOICE = "\x00"


@functools.lru_cache(maxsize=1024)
def _split_choices(spec: str) -> Mapping[str, str]:
    """The choices of a spec ``key=text|key=text`` (``|`` inside braces kept).

    Read once per spec: a template's specs are few, its messages many.

    >>> dict(_split_choices("0=intake visit|*=follow-up visit {visit}"))
    {'0': 'intake visit', '*': 'follow-up visit {visit}'}
    """
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(spec):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(spec[start:i])
            start = i + 1
    parts.append(spec[start:])
    choices: dict[str, str] = {}
    for part in parts:
        key, _, text = part.partition("=")
        choices.setdefault(key, text)
    return MappingProxyType(choices)


def _choice_key(value: Any) -> str:
    """The key a value matches in a choice: ``true``/``false``, ``""`` for None."""
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _template_fields(template: str) -> tuple[str, ...]:
    """The param names a template reads, choices' words included, in order.

    >>> _template_fields("{a} {b:x=one {c}|*={b}} {a:.1%}")
    ('a', 'b', 'c')
    """
    names: list[str] = []
    for _, name, spec, _ in string.Formatter().parse(template):
        found = [name] if name else []
        if spec and "=" in spec:
            for text in _split_choices(spec).values():
                found += _template_fields(text)
        elif spec:
            found += _template_fields(spec)
        for n in found:
            if n not in names:
                names.append(n)
    return tuple(names)


class _MessageFormatter(string.Formatter):
    """``str.format`` with two specs, so that params stay data.

    - ``{share:.1%}``: a number held as a string (``"0.4912"``) written as
      a percentage (``49.1%``); any Decimal format spec ending in ``%``.
      A value that is not a number is written as it is.
    - ``{exact:true=exactly|false=at least}``: a choice of words by value
      (a bool matches ``true`` or ``false``, None matches the empty key);
      ``*`` matches any other value. The words may quote params, choices
      included: ``{visit:0=intake visit|*=follow-up visit {visit}}``. A
      value with no choice is written as it is.

    The choice's words are kept apart from Python's own nesting (set aside
    in :meth:`parse`), so a param's value is never read as part of a spec.
    Subclasses write plain values and percentages their own way
    (:meth:`plain`, :meth:`percent`): the localized messages of
    ``score_core.i18n``.
    """

    def __init__(self, params: Mapping[str, ParamValue]) -> None:
        self._params = dict(params)
        self._choices: list[str] = []

    def parse(self, format_string: str) -> Any:
        for literal, name, spec, conversion in super().parse(format_string):
            if spec and "=" in spec:
                self._choices.append(spec)
                spec = f"{_CHOICE}{len(self._choices) - 1}"
            yield literal, name, spec, conversion

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith(_CHOICE):
            choices = _split_choices(self._choices[int(format_spec[1:])])
            text = choices.get(_choice_key(value), choices.get("*"))
            if text is None:
                return self.plain(value)
            return self.vformat(text, (), self._params)
        if format_spec.endswith("%"):
            return self.percent(value, format_spec)
        if not format_spec:
            return self.plain(value)
        return str(super().format_field(value, format_spec))

    def plain(self, value: Any) -> str:
        """A value with no spec, as it is."""
        return str(value)

    def percent(self, value: Any, format_spec: str) -> str:
        """A number written as a percentage (see :func:`_percent`)."""
        return _percent(value, format_spec)

    def message(self, template: str) -> str:
        """The template filled from this formatter's params."""
        return self.vformat(template, (), self._params)


def _percent_number(value: Any) -> Decimal | None:
    """A param as a number to write as a percentage, or None when it is none.

    Only finite numbers of a sensible size count, so a hostile param
    ("9e999999999") cannot ask for a billion digits.
    """
    try:
        number = None if isinstance(value, bool) else Decimal(str(value))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite() or abs(number.adjusted()) > 30:
        return None
    return number


def _percent(value: Any, format_spec: str) -> str:
    """A number written as a percentage; anything else as it is."""
    number = _percent_number(value)
    return str(value) if number is None else format(number, format_spec)


def format_message(template: str, params: Mapping[str, ParamValue]) -> str:
    """A finding's message: ``template`` filled from ``params``.

    Params are data (numbers, codes, ISO dates, tokens); the template says
    how they read, with the two specs of percentages and choices:

    >>> format_message(
    ...     "coverage {share:.1%}, {exact:true=exactly|false=at least} {n}",
    ...     {"share": "0.4912", "exact": False, "n": 2},
    ... )
    'coverage 49.1%, at least 2'
    >>> format_message("{by:=|*=by {by}}", {"by": "2026-12-02"})
    'by 2026-12-02'
    """
    return _MessageFormatter(params).message(template)


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
        message=format_message(info.template, params),
        path=path,
        params=params,
    )


# The table of codes is data, kept apart from these rules: see
# score_core._data.codes. It registers when this module is imported.
from score_core._data import codes as _table  # noqa: E402


for _info in _table.CODES:
    register_code(_info)
