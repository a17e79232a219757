"""Eligibility: may this enterprise join this module, and if not, why?

:func:`check_eligibility` evaluates every rule and returns an
:class:`EligibilityResult`: a :class:`Status`, the findings (stable codes,
messages quoting the value and the limit), the outcome of every rule, and the
profile parameters it used with their sources.

- ELIGIBLE: every rule passed (warnings such as a stale profile may remain).
- INELIGIBLE: at least one rule failed; every failure is an ERROR finding.
- NEEDS_REVIEW: no rule failed, but one could not be decided because data is
  missing, or the headcount lies just outside the band, within the profile's
  review margin. Missing data is never ineligibility.

>>> from datetime import date
>>> from score_core import Enterprise, EnterpriseRecord, check_eligibility
>>> result = check_eligibility(Enterprise(id="E1", name="Gear Works", headcount=612))
>>> result.status.value, result.eligible
('ineligible', False)
>>> print(result.violations[0].message)
headcount 612 is above the maximum of 500 for profile cn-phase-2

Module 1 needs a baseline assessment first, so without the enterprise's
record the answer is "needs review"; with it, a clear yes or no:

>>> pump = Enterprise(id="E2", name="Pump Co", headcount=500, country="CN")
>>> check_eligibility(pump).status.value
'needs_review'
>>> record = EnterpriseRecord(enterprise_id="E2", baseline_on=date(2015, 3, 2))
>>> check_eligibility(pump, record=record).status.value
'eligible'

To screen prospects before any baseline, leave the baseline rule out:

>>> check_eligibility(pump, baseline_modules=()).status.value
'eligible'
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TypedDict

import attrs

from score_core._frozen import FrozenMap
from score_core._validators import non_empty_str, optional_non_empty_str, typed
from score_core.catalogue import ModuleCode
from score_core.codes import Code, code_info, violation
from score_core.enterprises import Enterprise
from score_core.findings import (
    ParamValue,
    PathItem,
    Report,
    RuleViolation,
    Severity,
    _renamed_to_findings,
)
from score_core.journey import EnterpriseRecord, ModuleState
from score_core.parameters import Resolution
from score_core.profiles import Profile, Provenance, default_profile


__all__ = [
    "BASELINE_MODULES",
    "EligibilityResult",
    "Outcome",
    "RuleCheck",
    "Screening",
    "ScreenRules",
    "ScreeningSummary",
    "Status",
    "UsedParameter",
    "check_eligibility",
    "screen",
]

#: Modules that need a baseline assessment first ([NEWDELHI-TOT], [PROC]).
BASELINE_MODULES: frozenset[str] = frozenset({ModuleCode.M1.value})

#: Codes that send a decision to review rather than refuse it.
REVIEW_CODES: frozenset[str] = frozenset(
    {
        Code.ELIGIBILITY_HEADCOUNT_NEAR_MIN,
        Code.ELIGIBILITY_HEADCOUNT_NEAR_MAX,
        Code.ELIGIBILITY_HEADCOUNT_MISSING,
        Code.ELIGIBILITY_SECTOR_MISSING,
        Code.ELIGIBILITY_COUNTRY_MISSING,
        Code.ELIGIBILITY_RECORD_MISSING,
    }
)


class Status(enum.StrEnum):
    """The answer to "may this enterprise join?"."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NEEDS_REVIEW = "needs_review"


class Outcome(enum.StrEnum):
    """What one rule said."""

    PASSED = "passed"
    FAILED = "failed"
    #: The rule could not be decided: data is missing, or the value lies in
    #: the review margin.
    REVIEW = "review"
    #: The rule does not apply (for example no sector restriction).
    NOT_APPLICABLE = "not_applicable"


@attrs.frozen(kw_only=True)
class RuleCheck:
    """One rule's outcome.

    Attributes:
        rule: The rule's name, such as ``headcount``.
        outcome: Passed, failed, review or not applicable.
        observed: The input value the rule looked at (None when missing).
        code: The finding's code when the rule did not pass.
    """

    rule: str = attrs.field(validator=non_empty_str)
    outcome: Outcome = attrs.field(validator=typed(Outcome))
    observed: ParamValue = attrs.field(
        default=None, validator=typed(str, int, bool, type(None))
    )
    code: str | None = attrs.field(default=None, validator=optional_non_empty_str)


@attrs.frozen(kw_only=True)
class UsedParameter:
    """A profile parameter a decision used, with its value and provenance."""

    name: str
    value: str
    provenance: Provenance


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_violations(value: Iterable[RuleViolation]) -> tuple[RuleViolation, ...]:
    return tuple(value)


def _to_checks(value: Iterable[RuleCheck]) -> tuple[RuleCheck, ...]:
    return tuple(value)


def _to_parameters(value: Iterable[UsedParameter]) -> tuple[UsedParameter, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class EligibilityResult:
    """A decision and everything that explains it.

    Attributes:
        enterprise_id: The enterprise.
        module: The module asked about.
        status: Eligible, ineligible or needs review.
        violations: The findings, every failed or undecided rule.
        checks: Every rule's outcome, passed ones included.
        profile: The profile's name.
        on: The date of the decision, or None when none was given.
        parameters: The profile parameters used, with values and sources.
    """

    enterprise_id: str
    module: str
    status: Status
    violations: tuple[RuleViolation, ...] = attrs.field(
        default=(), converter=_to_violations
    )
    checks: tuple[RuleCheck, ...] = attrs.field(default=(), converter=_to_checks)
    profile: str
    on: date | None = None
    parameters: tuple[UsedParameter, ...] = attrs.field(
        default=(), converter=_to_parameters
    )

    @property
    def eligible(self) -> bool:
        """True when the status is ELIGIBLE."""
        return self.status is Status.ELIGIBLE

    @property
    def findings(self) -> Report:
        """The findings as a :class:`~score_core.Report`."""
        return Report(violations=self.violations)

    report = _renamed_to_findings()

    def explain(self) -> str:
        """The decision in words: status, each rule, the parameters and sources."""
        lines = [
            f"{self.enterprise_id} for module {self.module} under profile "
            f"{self.profile}"
            + (f" on {self.on}" if self.on is not None else "")
            + f": {self.status.value}"
        ]
        for check in self.checks:
            observed = "" if check.observed is None else f" ({check.observed})"
            lines.append(f"  {check.rule}: {check.outcome.value}{observed}")
        lines += [
            f"  - {v.severity.value}: {v.message} [{v.code}]" for v in self.violations
        ]
        lines += [
            f"  using {p.name} = {p.value} ({p.provenance})" for p in self.parameters
        ]
        return "\n".join(lines)


def _profile_texts(profile: Profile) -> tuple[tuple[UsedParameter, ...], str]:
    """The parameters eligibility reads, and the profile's sectors, in words.

    Kept on the profile: every decision under it shares one tuple.
    """
    parameters = profile.remember(
        "eligibility.parameters",
        lambda: tuple(
            UsedParameter(
                name=name,
                value=profile.text_of(name),
                provenance=profile.source_of(name),
            )
            for name in _USED
        ),
    )
    return parameters, profile.text_of("sectors")


@attrs.frozen(kw_only=True)
class _Context:
    profile: Profile
    module: str
    on: date | None
    baseline_modules: frozenset[str]
    required: frozenset[str]
    parameters: tuple[UsedParameter, ...]
    profile_findings: tuple[RuleViolation, ...]
    sectors_text: str


def _context(
    profile: Profile | None,
    module: str,
    on: date | None,
    mode: Resolution,
    baseline_modules: Iterable[str],
) -> _Context:
    used = default_profile() if profile is None else profile
    catalogue = used.get_catalogue()
    required = catalogue[module].prerequisites  # an unknown module raises here
    findings = () if on is None else used.check_in_force(on, mode=mode).violations
    parameters, sectors_text = _profile_texts(used)
    return _Context(
        profile=used,
        module=module,
        on=on,
        baseline_modules=frozenset(baseline_modules),
        required=required,
        parameters=parameters,
        profile_findings=findings,
        sectors_text=sectors_text,
    )


#: The profile parameters eligibility reads, reported with each decision.
_USED = (
    "country",
    "employees",
    "headcount_review_margin",
    "sectors",
    "catalogue",
    "valid_from",
    "valid_to",
)


# Checks without a finding are the same value for every enterprise with the
# same observation: share them (up to a bound, as observations can be many).
_SHARED: dict[tuple[str, Outcome, ParamValue, type], RuleCheck] = {}
_SHARED_MAX = 4096


class _Checks:
    """Collects rule outcomes and the findings of the rules that did not pass.

    With ``explain`` False (a screening's summary) it keeps only the codes:
    the same rules run, but no check, finding or message is built.
    """

    __slots__ = ("checks", "codes", "error", "explain", "findings")

    def __init__(self, findings: Iterable[RuleViolation], *, explain: bool) -> None:
        self.explain = explain
        self.checks: list[RuleCheck] = []
        self.findings: list[RuleViolation] = list(findings)
        self.codes: list[str] = [v.code for v in self.findings]
        self.error = any(v.severity is Severity.ERROR for v in self.findings)

    def add(self, rule: str, outcome: Outcome, observed: ParamValue = None) -> None:
        """A rule without a finding."""
        if not self.explain:
            return
        # True and 1 are equal keys but different observations.
        key = (rule, outcome, observed, type(observed))
        check = _SHARED.get(key)
        if check is None:
            check = RuleCheck(rule=rule, outcome=outcome, observed=observed)
            if len(_SHARED) < _SHARED_MAX:
                _SHARED[key] = check
        self.checks.append(check)

    def fail(
        self,
        rule: str,
        outcome: Outcome,
        observed: ParamValue,
        code: str,
        *,
        path: tuple[PathItem, ...] = (),
        **params: ParamValue,
    ) -> None:
        """A rule that failed or needs review, with its finding."""
        self.codes.append(str(code))  # plain text, as in a finding, not a Code
        # Rules give their codes' own severities (violation() keeps them).
        self.error = self.error or code_info(code).severity is Severity.ERROR
        if self.explain:
            self.findings.append(violation(code, path=path, severity=None, **params))
            self.checks.append(
                RuleCheck(rule=rule, outcome=outcome, observed=observed, code=code)
            )

    def status(self) -> Status:
        """Ineligible for an error, to review for a review code, else eligible."""
        if self.error:
            return Status.INELIGIBLE
        if any(code in REVIEW_CODES for code in self.codes):
            return Status.NEEDS_REVIEW
        return Status.ELIGIBLE


def _size_rules(enterprise: Enterprise, ctx: _Context, out: _Checks) -> None:
    p = ctx.profile
    n = enterprise.headcount
    band, margin = p.employees, p.headcount_review_margin
    if n is None:
        out.fail(
            "headcount",
            Outcome.REVIEW,
            None,
            Code.ELIGIBILITY_HEADCOUNT_MISSING,
            enterprise=enterprise.id,
            minimum=band.minimum,
            maximum=band.maximum,
            profile=p.name,
            path=("headcount",),
        )
        return
    if band.minimum <= n <= band.maximum:
        out.add("headcount", Outcome.PASSED, n)
        return
    below = n < band.minimum
    near = band.minimum - margin <= n if below else n <= band.maximum + margin
    codes = {
        (True, True): Code.ELIGIBILITY_HEADCOUNT_NEAR_MIN,
        (True, False): Code.ELIGIBILITY_HEADCOUNT_BELOW_MIN,
        (False, True): Code.ELIGIBILITY_HEADCOUNT_NEAR_MAX,
        (False, False): Code.ELIGIBILITY_HEADCOUNT_ABOVE_MAX,
    }
    out.fail(
        "headcount",
        Outcome.REVIEW if near else Outcome.FAILED,
        n,
        codes[below, near],
        headcount=n,
        minimum=band.minimum,
        maximum=band.maximum,
        margin=margin,
        profile=p.name,
        path=("headcount",),
    )


def _place_rules(enterprise: Enterprise, ctx: _Context, out: _Checks) -> None:
    p = ctx.profile
    _place_rule(
        out,
        "sector",
        enterprise.sector,
        None if p.sectors is None else enterprise.sector in p.sectors,
        (Code.ELIGIBILITY_SECTOR_MISSING, Code.ELIGIBILITY_SECTOR_NOT_COVERED),
        enterprise=enterprise.id,
        profile=p.name,
        sectors=ctx.sectors_text,
    )
    _place_rule(
        out,
        "country",
        enterprise.country,
        None if p.country is None else enterprise.country == p.country,
        (Code.ELIGIBILITY_COUNTRY_MISSING, Code.ELIGIBILITY_COUNTRY_MISMATCH),
        enterprise=enterprise.id,
        profile=p.name,
        profile_country=p.country,
    )


def _place_rule(
    out: _Checks,
    rule: str,
    observed: str | None,
    inside: bool | None,
    codes: tuple[Code, Code],
    **params: ParamValue,
) -> None:
    """A rule on where the enterprise is (its sector, its country).

    Not applicable when the profile does not restrict it (``inside`` None);
    a review when the enterprise does not say (``codes[0]``); failed when it
    is outside (``codes[1]``, whose params add the observed value).
    """
    if inside is None:
        out.add(rule, Outcome.NOT_APPLICABLE, observed)
    elif observed is None:
        out.fail(rule, Outcome.REVIEW, None, codes[0], path=(rule,), **params)
    elif not inside:
        out.fail(
            rule,
            Outcome.FAILED,
            observed,
            codes[1],
            path=(rule,),
            **{rule: observed},
            **params,
        )
    else:
        out.add(rule, Outcome.PASSED, observed)


def _missing_record(eid: str, ctx: _Context, out: _Checks) -> None:
    required = ctx.required
    baseline_unknown = ctx.module in ctx.baseline_modules
    if baseline_unknown or required:
        out.fail(
            "record",
            Outcome.REVIEW,
            None,
            Code.ELIGIBILITY_RECORD_MISSING,
            enterprise=eid,
            baseline=baseline_unknown,
            prerequisites=", ".join(sorted(required)) or None,
            module=ctx.module,
        )
    else:
        out.add("record", Outcome.NOT_APPLICABLE)


def _journey_rules(
    eid: str, record: EnterpriseRecord, ctx: _Context, out: _Checks
) -> None:
    module, on = ctx.module, ctx.on
    if record.withdrawn(on=on):
        when = str(record.withdrawn_on)
        out.fail(
            "withdrawn",
            Outcome.FAILED,
            when,
            Code.ELIGIBILITY_ENTERPRISE_WITHDRAWN,
            enterprise=eid,
            withdrawn_on=when,
        )
    else:
        out.add("withdrawn", Outcome.PASSED)
    states = record.states(on=on)
    state = states.get(module)
    completed = {m for m, s in states.items() if s is ModuleState.COMPLETED}
    if state is ModuleState.COMPLETED:
        when = str(record.reached_on(module, ModuleState.COMPLETED))
        out.fail(
            "not_taken",
            Outcome.FAILED,
            module,
            Code.ELIGIBILITY_MODULE_COMPLETED,
            enterprise=eid,
            module=module,
            completed_on=when,
        )
    elif state is not None and state is not ModuleState.WITHDRAWN:
        out.fail(
            "not_taken",
            Outcome.FAILED,
            module,
            Code.ELIGIBILITY_MODULE_IN_PROGRESS,
            enterprise=eid,
            module=module,
            state=state.value,
        )
    else:
        out.add("not_taken", Outcome.PASSED, module)
    required = ctx.required
    missing = sorted(required - completed)
    if missing:
        out.fail(
            "prerequisites",
            Outcome.FAILED,
            ", ".join(sorted(completed)) or None,
            Code.ELIGIBILITY_PREREQUISITE_MISSING,
            enterprise=eid,
            module=module,
            missing=", ".join(missing),
        )
    else:
        out.add("prerequisites", Outcome.PASSED if required else Outcome.NOT_APPLICABLE)
    if module in ctx.baseline_modules:
        baseline = record.baseline_on
        if baseline is not None and (on is None or baseline <= on):
            out.add("baseline", Outcome.PASSED, str(baseline))
        else:
            out.fail(
                "baseline",
                Outcome.FAILED,
                None if baseline is None else str(baseline),
                Code.ELIGIBILITY_BASELINE_MISSING,
                enterprise=eid,
                module=module,
                by=None if on is None else on.isoformat(),
            )


def _run_rules(
    enterprise: Enterprise,
    record: EnterpriseRecord | None,
    ctx: _Context,
    *,
    explain: bool,
) -> _Checks:
    out = _Checks(ctx.profile_findings, explain=explain)
    _size_rules(enterprise, ctx, out)
    _place_rules(enterprise, ctx, out)
    if record is None:
        _missing_record(enterprise.id, ctx, out)
    else:
        _journey_rules(enterprise.id, record, ctx, out)
    return out


def _evaluate(
    enterprise: Enterprise, record: EnterpriseRecord | None, ctx: _Context
) -> EligibilityResult:
    out = _run_rules(enterprise, record, ctx, explain=True)
    return EligibilityResult(
        enterprise_id=enterprise.id,
        module=ctx.module,
        status=out.status(),
        violations=tuple(out.findings),
        checks=tuple(out.checks),
        profile=ctx.profile.name,
        on=ctx.on,
        parameters=ctx.parameters,
    )


def check_eligibility(
    enterprise: Enterprise,
    *,
    profile: Profile | None = None,
    module: str = ModuleCode.M1,
    record: EnterpriseRecord | None = None,
    on: date | None = None,
    mode: Resolution = Resolution.LENIENT,
    baseline_modules: Iterable[str] = BASELINE_MODULES,
) -> EligibilityResult:
    """May ``enterprise`` join ``module``? Every rule, every reason.

    Rules: the headcount lies in the profile's band, inclusive at both ends
    (with the profile's review margin); the sector is covered; the country is
    the profile's; the profile is in force on ``on``; the module's
    prerequisites (Module 1 first) are completed; a baseline assessment comes
    before Module 1; a completed module is not taken again, nor one in
    progress; the enterprise has not withdrawn.

    Args:
        enterprise: The enterprise.
        profile: The profile; ``cn-phase-2`` by default.
        module: The module code; Module 1 by default.
        record: The enterprise's journey. Without it, rules that need it are
            sent to review (for Module 1 and any module with prerequisites).
        on: The date of the decision. Without it, the profile's validity is not
            checked and the whole record counts.
        mode: STRICT raises when the profile is not in force on ``on``; LENIENT
            adds a ``profile.not_in_force`` warning and goes on.
        baseline_modules: Modules that need a baseline first (Module 1).

    Raises:
        NotInForceError: in STRICT mode, when the profile is not in force.
        UnknownNameError: when the module is not in the profile's catalogue.
    """
    ctx = _context(profile, module, on, mode, baseline_modules)
    return _evaluate(enterprise, record, ctx)


def _checker(
    *,
    profile: Profile | None,
    module: str,
    on: date | None,
    mode: Resolution,
    baseline_modules: Iterable[str],
) -> Callable[[Enterprise, EnterpriseRecord | None], tuple[RuleViolation, ...]]:
    """The findings of :func:`check_eligibility` for many enterprises.

    The context (the profile's catalogue, validity and parameters in words)
    is resolved once, then each call gives one enterprise's findings, the
    very findings of its full result.
    """
    ctx = _context(profile, module, on, mode, baseline_modules)

    def findings(
        enterprise: Enterprise, record: EnterpriseRecord | None
    ) -> tuple[RuleViolation, ...]:
        return tuple(_run_rules(enterprise, record, ctx, explain=True).findings)

    return findings


@attrs.frozen(kw_only=True)
class ScreeningSummary:
    """Counts of a screening: by status and by finding code.

    Attributes:
        total: Enterprises screened.
        by_status: Count per status (every status present, zeros included).
        by_code: Count per finding code, most frequent first.
    """

    total: int
    by_status: Mapping[Status, int] = attrs.field(hash=False)
    by_code: Mapping[str, int] = attrs.field(hash=False)

    def __add__(self, other: object) -> ScreeningSummary:
        """The counts of two screenings together (of partitions of a registry).

        ``sum(summaries)`` works too: partitions screened apart (on Dask
        workers, in a process pool) combine exactly into the whole's counts.

        >>> from score_core import Enterprise, screen
        >>> def part(*sizes):
        ...     return screen([Enterprise(id=f"E{n}", name="E", headcount=n)
        ...                    for n in sizes], baseline_modules=()).run()
        >>> sum([part(40, 60), part(70)]) == part(40, 60, 70)
        True
        """
        if not isinstance(other, ScreeningSummary):
            return NotImplemented
        statuses: Counter[Status] = Counter(self.by_status)
        statuses.update(other.by_status)
        codes: Counter[str] = Counter(self.by_code)
        codes.update(other.by_code)
        return ScreeningSummary(
            total=self.total + other.total,
            by_status=FrozenMap({s: statuses[s] for s in Status}),
            by_code=FrozenMap(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))),
        )

    def __radd__(self, other: object) -> ScreeningSummary:
        # sum() starts from 0.
        if other == 0:
            return self
        return NotImplemented

    def __str__(self) -> str:
        head = ", ".join(f"{s.value} {n}" for s, n in self.by_status.items())
        reasons = "; ".join(f"{code} {n}" for code, n in self.by_code.items())
        return f"{self.total} screened: {head}" + (
            f" (reasons: {reasons})" if reasons else ""
        )


class Screening:
    """A lazy screening of many enterprises; iterate it for the results.

    Each result is computed when it is asked for, and counted; the profile
    is resolved once for the whole screening. :attr:`summary` gives the counts
    so far, :meth:`run` screens whatever is left and returns them.
    """

    def __init__(
        self,
        enterprises: Iterable[Enterprise],
        ctx: _Context,
        records: Mapping[str, EnterpriseRecord],
    ) -> None:
        self._pending = iter(enterprises)
        self._ctx = ctx
        self._records = records
        self._status: Counter[Status] = Counter()
        self._codes: Counter[str] = Counter()
        self._total = 0

    def __iter__(self) -> Iterator[EligibilityResult]:
        return self

    def __next__(self) -> EligibilityResult:
        enterprise = next(self._pending)
        result = _evaluate(enterprise, self._records.get(enterprise.id), self._ctx)
        self._count(result.status, [v.code for v in result.violations])
        return result

    def _count(self, status: Status, codes: Iterable[str]) -> None:
        self._total += 1
        self._status[status] += 1
        for code in codes:
            self._codes[code] += 1

    @property
    def summary(self) -> ScreeningSummary:
        """The counts of what has been screened so far."""
        return ScreeningSummary(
            total=self._total,
            by_status=FrozenMap({s: self._status[s] for s in Status}),
            by_code=FrozenMap(self._codes.most_common()),
        )

    def run(self) -> ScreeningSummary:
        """Screen every remaining enterprise; return the summary.

        The same rules run as for each result, but no explanation is built
        (no rule checks, findings or messages): only the counts are kept.
        """
        for enterprise in self._pending:
            record = self._records.get(enterprise.id)
            out = _run_rules(enterprise, record, self._ctx, explain=False)
            self._count(out.status(), out.codes)
        return self.summary


class ScreenRules(TypedDict, total=False):
    """The rules of a screening, as keyword arguments: :func:`screen`'s own.

    Functions that screen other inputs take them as they are
    (:func:`~score_core.streaming.screen_jsonl`, ``**rules``), so that a
    rule added to :func:`screen` reaches them too. Each key is described,
    with its default, at :func:`check_eligibility`.
    """

    profile: Profile | None
    module: str
    records: Mapping[str, EnterpriseRecord] | None
    on: date | None
    mode: Resolution
    baseline_modules: Iterable[str]


def screen(
    enterprises: Iterable[Enterprise],
    *,
    profile: Profile | None = None,
    module: str = ModuleCode.M1,
    records: Mapping[str, EnterpriseRecord] | None = None,
    on: date | None = None,
    mode: Resolution = Resolution.LENIENT,
    baseline_modules: Iterable[str] = BASELINE_MODULES,
) -> Screening:
    """Screen many enterprises lazily, with the rules of :func:`check_eligibility`.

    >>> from score_core import Enterprise, screen
    >>> batch = [Enterprise(id=f"E{n}", name=f"E{n}", headcount=n, country="CN")
    ...          for n in (49, 50, 500, 501)]
    >>> summary = screen(batch, baseline_modules=()).run()
    >>> {status.value: n for status, n in summary.by_status.items()}
    {'eligible': 2, 'ineligible': 2, 'needs_review': 0}
    >>> dict(summary.by_code)
    {'eligibility.headcount.below_min': 1, 'eligibility.headcount.above_max': 1}

    Args:
        enterprises: Any iterable, consumed as results are asked for.
        profile: See :func:`check_eligibility`.
        module: See :func:`check_eligibility`.
        records: Journey records by enterprise id.
        on: See :func:`check_eligibility`.
        mode: See :func:`check_eligibility`.
        baseline_modules: See :func:`check_eligibility`.

    Raises:
        NotInForceError: at once, in STRICT mode, when the profile is not in force.
    """
    ctx = _context(profile, module, on, mode, baseline_modules)
    return Screening(enterprises, ctx, FrozenMap() if records is None else records)
