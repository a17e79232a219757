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


def register_code(info: CodeInfo) -> CodeInfo:
    """Add a code to the catalogue (for libraries that add rules of their own).

    Raises:
        ConfigurationError: when the code is already registered with a
            different meaning.
    """
    # Build a finding once so that a malformed code is refused here.
    RuleViolation(code=info.code, severity=info.severity, message="-")
    return _CATALOGUE.add(info.code, info)


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
    missing = [name for name in info.placeholders if name not in params]
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
    "profile {profile} is not in force on {on} (valid {valid}); its values are used "
    "as they stand",
    "The profile was used on a date outside its validity (lenient mode).",
    None,
)
_entry(
    Code.PARAMETER_STALE,
    W,
    "{parameter} of profile {profile} has no value in force on {on}; using the "
    "value in force {period}",
    "A dated parameter was resolved outside its declared dates (lenient mode).",
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
