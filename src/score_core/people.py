"""People: participants, trainers and their certifications, improvement teams.

Participants are the managers and workers an enterprise sends to the joint
classroom training. Trainers are certified per module: a candidate attends a
training of trainers, delivers one supervised training of enterprises under
an expert trainer, and is then certified; Workplace Cooperation (or SCORE
Basics) comes before any other module ([TOT]).

>>> from datetime import date
>>> from score_core import (Certification, ModuleCode, Trainer, TrainerLevel,
...                         check_trainer)
>>> li = Trainer(id="T1", name="Li Wei", certifications=(
...     Certification(module="M1", level=TrainerLevel.CERTIFIED,
...                   certified_on=date(2015, 3, 1)),
...     Certification(module="M5", level=TrainerLevel.CANDIDATE,
...                   certified_on=date(2015, 5, 10)),
... ))
>>> check_trainer(li, ModuleCode.M1, on=date(2015, 6, 1)).ok
True
>>> [v.code for v in check_trainer(li, ModuleCode.M5, on=date(2015, 6, 1))]
['trainer.candidate.unsupervised']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from score_core._validators import (
    a_date,
    items_of,
    non_empty_str,
    optional_date,
    optional_non_empty_str,
    typed,
)
from score_core.catalogue import ModuleCode
from score_core.codes import Code, violation
from score_core.errors import InvalidValueError
from score_core.findings import PathItem, Report, RuleViolation
from score_core.profiles import Profile, default_profile


__all__ = [
    "ENTRY_MODULES",
    "Certification",
    "Gender",
    "ImprovementTeam",
    "Participant",
    "Role",
    "SupervisedDelivery",
    "Trainer",
    "TrainerLevel",
    "check_improvement_team",
    "check_trainer",
    "check_trainer_path",
]

#: Modules a trainer is certified in before any other ([TOT]).
ENTRY_MODULES: tuple[str, ...] = (ModuleCode.M1.value, ModuleCode.BASICS.value)


class Role(enum.StrEnum):
    """A participant's side of the joint training."""

    MANAGER = "manager"
    WORKER = "worker"


class Gender(enum.StrEnum):
    """Sex, as SCORE's compulsory sex-disaggregated monitoring records it."""

    FEMALE = "female"
    MALE = "male"


@attrs.frozen(kw_only=True)
class Participant:
    """A manager or worker who takes part in SCORE training.

    Attributes:
        name: The person's name (any script).
        role: Manager or worker.
        gender: Female or male.
        id: Identifier in the calling tool; people are told apart by ``id``
            when given, else by name.
        enterprise_id: The enterprise the person works for, when known.
    """

    name: str = attrs.field(validator=non_empty_str)
    role: Role = attrs.field(validator=attrs.validators.instance_of(Role))
    gender: Gender = attrs.field(validator=attrs.validators.instance_of(Gender))
    id: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    enterprise_id: str | None = attrs.field(
        default=None, validator=optional_non_empty_str
    )

    @property
    def key(self) -> str:
        """What tells this person apart from others: the id, else the name."""
        return self.name if self.id is None else self.id


class TrainerLevel(enum.StrEnum):
    """Where a trainer stands for one module."""

    #: Attended the training of trainers; delivers only under supervision.
    CANDIDATE = "candidate"
    #: Certified SCORE trainer for the module.
    CERTIFIED = "certified"
    #: Expert trainer: supervises candidates and recommends certification.
    EXPERT = "expert"

    @property
    def rank(self) -> int:
        """0 for candidate, 1 for certified, 2 for expert."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    TrainerLevel.CANDIDATE: 0,
    TrainerLevel.CERTIFIED: 1,
    TrainerLevel.EXPERT: 2,
}


def _check_expiry(inst: Certification, _attr: object, value: date | None) -> None:
    if value is not None and value < inst.certified_on:
        raise InvalidValueError(
            f"Certification.expires_on ({value}) is before certified_on "
            f"({inst.certified_on})",
            field="expires_on",
        )


def _check_supervisor(inst: Certification, _attr: object, value: str | None) -> None:
    if value is not None and inst.level is not TrainerLevel.CANDIDATE:
        raise InvalidValueError(
            f"Certification.supervisor_id is for candidates only; this one is "
            f"{inst.level.value}",
            field="supervisor_id",
        )


@attrs.frozen(kw_only=True)
class SupervisedDelivery:
    """The one supervised training of enterprises that leads to certification.

    A candidate delivers one training of enterprises (classroom and visits)
    under an expert trainer, who then recommends certification ([TOT]).

    Attributes:
        on: The day it was delivered (its first classroom day).
        supervisor_id: The expert trainer who supervised it.
        workshop_id: The workshop delivered, when known.
    """

    on: date = attrs.field(validator=a_date)
    supervisor_id: str = attrs.field(validator=non_empty_str)
    workshop_id: str | None = attrs.field(
        default=None, validator=optional_non_empty_str
    )


def _check_path(inst: Certification, attr: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and inst.level is TrainerLevel.CANDIDATE:
        raise InvalidValueError(
            f"Certification.{attr.name} is for a certified or expert trainer's "
            f"record, not a candidate's",
            field=attr.name,
        )


@attrs.frozen(kw_only=True)
class Certification:
    """A trainer's standing for one module, from a date, optionally until one.

    Attributes:
        module: The module code.
        level: Candidate, certified or expert.
        certified_on: From when the standing holds (for a candidate, the end of
            the training of trainers).
        expires_on: Last day it holds, or None. No SCORE source gives a
            validity period; the ILO's SIYB programme licenses trainers for
            three years, so tools may set one.
        supervisor_id: For a candidate, the expert trainer who supervises the
            training of enterprises, when already assigned.
        supervised_delivery: For a certified (or expert) trainer, the
            supervised training of enterprises that led to the
            certification, when recorded (imported records may lack it:
            :func:`check_trainer_path` says so).
        recommended_by: The expert trainer who recommended certification,
            when recorded.
    """

    module: str = attrs.field(validator=non_empty_str)
    level: TrainerLevel = attrs.field(
        validator=attrs.validators.instance_of(TrainerLevel)
    )
    certified_on: date = attrs.field(validator=a_date)
    expires_on: date | None = attrs.field(
        default=None, validator=[optional_date, _check_expiry]
    )
    supervisor_id: str | None = attrs.field(
        default=None, validator=[optional_non_empty_str, _check_supervisor]
    )
    supervised_delivery: SupervisedDelivery | None = attrs.field(
        default=None,
        validator=[typed(SupervisedDelivery, type(None)), _check_path],
    )
    recommended_by: str | None = attrs.field(
        default=None, validator=[optional_non_empty_str, _check_path]
    )

    def holds_on(self, on: date) -> bool:
        """True when the standing holds on ``on``."""
        return self.certified_on <= on and (
            self.expires_on is None or on <= self.expires_on
        )


def _to_certifications(value: Iterable[Certification]) -> tuple[Certification, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Trainer:
    """A SCORE trainer and their certifications, one or more per module.

    Attributes:
        id: Identifier in the calling tool.
        name: The trainer's name.
        gender: Female or male, when recorded.
        institution: The training institution the trainer works for.
        certifications: The trainer's record, in any order; a module may
            appear more than once (candidate, then certified, then renewed).
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    gender: Gender | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Gender)),
    )
    institution: str | None = attrs.field(
        default=None, validator=optional_non_empty_str
    )
    certifications: tuple[Certification, ...] = attrs.field(
        default=(), converter=_to_certifications, validator=items_of(Certification)
    )

    def certifications_for(self, module: str) -> tuple[Certification, ...]:
        """This trainer's certifications for one module."""
        return tuple(c for c in self.certifications if c.module == module)

    def level_on(self, module: str, on: date) -> TrainerLevel | None:
        """The highest level that holds for ``module`` on ``on``, or None."""
        levels = [c.level for c in self.certifications_for(module) if c.holds_on(on)]
        return max(levels, key=lambda level: level.rank) if levels else None


def check_trainer(
    trainer: Trainer,
    module: str,
    *,
    on: date,
    co_trainers: Sequence[Trainer] = (),
    entry_modules: Sequence[str] = ENTRY_MODULES,
) -> Report:
    """May ``trainer`` deliver ``module`` on ``on``? Every reason why not.

    Rules ([TOT]): the trainer holds the module (as a candidate, certified or
    expert trainer) on that date; a candidate delivers only with an expert
    trainer for the module among ``co_trainers`` (the named supervisor, when
    the candidacy names one); and for any module but an entry module, the
    trainer was certified (not merely a candidate) in an entry module on or
    before that date, and before being certified in the module itself (the
    order is checked by date, even once both are held). An expired entry
    certification still counts: the rule is about the order of
    certification.

    Args:
        trainer: The trainer to check.
        module: The module code.
        on: The delivery date.
        co_trainers: The other trainers present.
        entry_modules: Modules certified before any other (Workplace
            Cooperation and SCORE Basics by default).

    Returns:
        An empty report when the trainer may deliver; otherwise ERROR findings.
    """
    findings: list[RuleViolation] = []
    name = trainer.name
    records = trainer.certifications_for(module)
    level = trainer.level_on(module, on)
    if not records:
        findings.append(
            violation(Code.TRAINER_NOT_CERTIFIED, trainer=name, module=module)
        )
    elif level is None:
        expired = [c.expires_on for c in records if c.expires_on and c.expires_on < on]
        dated: dict[str, Any]  # one param, by the code
        if expired:
            code = Code.TRAINER_CERTIFICATION_EXPIRED
            dated = {"expires_on": max(expired).isoformat()}
        else:
            code = Code.TRAINER_CERTIFICATION_NOT_YET_VALID
            dated = {"certified_on": min(c.certified_on for c in records).isoformat()}
        findings.append(
            violation(code, trainer=name, module=module, on=on.isoformat(), **dated)
        )
    elif level is TrainerLevel.CANDIDATE:
        findings.extend(_supervision(trainer, module, on, co_trainers))
    if module not in entry_modules:
        findings.extend(_entry_first(trainer, module, on, entry_modules))
    return Report(violations=tuple(findings))


def _entry_first(
    trainer: Trainer, module: str, on: date, entry_modules: Sequence[str]
) -> list[RuleViolation]:
    """The entry module certified by ``on``, and before the module itself."""
    certified = TrainerLevel.CERTIFIED.rank
    entries = [
        c.certified_on
        for c in trainer.certifications
        if c.module in entry_modules and c.level.rank >= certified
    ]
    entry = " or ".join(entry_modules)
    if not entries or min(entries) > on:
        return [
            violation(
                Code.TRAINER_ENTRY_MODULE_MISSING,
                trainer=trainer.name,
                module=module,
                entry=entry,
            )
        ]
    own = [
        c.certified_on
        for c in trainer.certifications_for(module)
        if c.level.rank >= certified
    ]
    if own and min(own) < min(entries):
        return [
            violation(
                Code.TRAINER_ENTRY_MODULE_ORDER,
                trainer=trainer.name,
                module=module,
                certified_on=min(own).isoformat(),
                entry=entry,
                entry_on=min(entries).isoformat(),
            )
        ]
    return []


def _supervision(
    trainer: Trainer, module: str, on: date, co_trainers: Sequence[Trainer]
) -> list[RuleViolation]:
    candidacies = [
        c
        for c in trainer.certifications_for(module)
        if c.holds_on(on) and c.level is TrainerLevel.CANDIDATE
    ]
    named = {c.supervisor_id for c in candidacies if c.supervisor_id is not None}
    experts = {
        t.id for t in co_trainers if t.level_on(module, on) is TrainerLevel.EXPERT
    }
    if named:
        if named & experts:
            return []
        who: str | None = ", ".join(sorted(named))
    elif experts:
        return []
    else:
        who = None
    return [
        violation(
            Code.TRAINER_CANDIDATE_UNSUPERVISED,
            trainer=trainer.name,
            module=module,
            supervisors=who,
        )
    ]


def check_trainer_path(trainer: Trainer, *, roster: Sequence[Trainer] = ()) -> Report:
    """Does the record show each module's path to certification ([TOT])?

    For each module, the first certification (certified or expert; later
    ones are renewals and promotions) records its supervised training of
    enterprises, on or before the day of certification, and the expert
    trainer who recommended certification. A record without them (an
    imported one, typically) is an INFO finding: the record does not show
    the path, which is not to say it was skipped. With a ``roster`` (the
    institution's trainers; ``trainer`` itself is always in it), the
    supervisor is an expert trainer for the module on the day of the
    delivery, and the one who recommended, on the day of certification.

    >>> from datetime import date
    >>> li = Trainer(id="T1", name="Li Wei", certifications=(
    ...     Certification(module="M1", level=TrainerLevel.CERTIFIED,
    ...                   certified_on=date(2015, 3, 1)),
    ... ))
    >>> check_trainer_path(li).codes
    ('trainer.path.delivery_unrecorded', 'trainer.path.recommendation_unrecorded')

    Args:
        trainer: The trainer whose record is read.
        roster: The trainers the supervisors and recommenders are among.

    Returns:
        INFO findings for what the record does not show; ERROR findings for
        a delivery after the certification, or a supervisor or recommender
        who was not an expert trainer for the module on that day.
    """
    people = {t.id: t for t in (*roster, trainer)}
    found: list[RuleViolation] = []
    seen: set[str] = set()
    certified = TrainerLevel.CERTIFIED.rank
    order = sorted(enumerate(trainer.certifications), key=lambda x: x[1].certified_on)
    for index, cert in order:
        if cert.level.rank < certified or cert.module in seen:
            continue
        seen.add(cert.module)
        found += _path_of(trainer, cert, ("certifications", index), people, roster)
    return Report(violations=tuple(found))


def _path_of(
    trainer: Trainer,
    cert: Certification,
    path: tuple[PathItem, ...],
    people: dict[str, Trainer],
    roster: Sequence[Trainer],
) -> list[RuleViolation]:
    """What one certification's record says, and does not say, of its path."""
    about: dict[str, Any] = {"trainer": trainer.name, "module": cert.module}
    found: list[RuleViolation] = []
    delivery = cert.supervised_delivery
    if delivery is None:
        found.append(
            violation(Code.TRAINER_PATH_DELIVERY_UNRECORDED, **about, path=path)
        )
    elif delivery.on > cert.certified_on:
        found.append(
            violation(
                Code.TRAINER_PATH_DELIVERY_AFTER_CERTIFICATION,
                delivered_on=delivery.on.isoformat(),
                certified_on=cert.certified_on.isoformat(),
                **about,
                path=(*path, "supervised_delivery", "on"),
            )
        )
    if delivery is not None and roster:
        where = (*path, "supervised_delivery", "supervisor_id")
        found += _expert(people, delivery.supervisor_id, delivery.on, about, where)
    if cert.recommended_by is None:
        found.append(
            violation(Code.TRAINER_PATH_RECOMMENDATION_UNRECORDED, **about, path=path)
        )
    elif roster:
        where = (*path, "recommended_by")
        found += _expert(people, cert.recommended_by, cert.certified_on, about, where)
    return found


def _expert(
    people: dict[str, Trainer],
    who: str,
    on: date,
    about: dict[str, Any],
    path: tuple[PathItem, ...],
) -> list[RuleViolation]:
    """A finding when ``who`` was not an expert trainer for the module on ``on``."""
    person = people.get(who)
    level = None if person is None else person.level_on(about["module"], on)
    if level is TrainerLevel.EXPERT:
        return []
    return [
        violation(
            Code.TRAINER_PATH_NOT_EXPERT,
            expert=who,
            on=on.isoformat(),
            in_roster=person is not None,
            level=None if level is None else level.value,
            role="supervisor" if path[-1] == "supervisor_id" else "recommender",
            **about,
            path=path,
        )
    ]


def _to_members(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ImprovementTeam:
    """An Enterprise Improvement Team (EIT): managers and workers of one enterprise.

    The EIT runs the enterprise's improvement projects between visits
    ([MTE-II] p.15). No source fixes its size or its manager/worker ratio.

    Attributes:
        enterprise_id: The enterprise whose team it is.
        members: Its members.
    """

    enterprise_id: str = attrs.field(validator=non_empty_str)
    members: tuple[Participant, ...] = attrs.field(
        default=(), converter=_to_members, validator=items_of(Participant)
    )

    def count(self, role: Role) -> int:
        """Members with this role."""
        return sum(1 for m in self.members if m.role is role)


def check_improvement_team(
    team: ImprovementTeam, *, profile: Profile | None = None
) -> Report:
    """Check an Enterprise Improvement Team and report every problem.

    Managers and workers both present, every member from the enterprise,
    nobody twice, at least the profile's minimum size.

    >>> from score_core import Gender, Participant, Role
    >>> from score_core.people import ImprovementTeam
    >>> team = ImprovementTeam(enterprise_id="E1", members=(
    ...     Participant(name="Wang Fang", role=Role.MANAGER, gender=Gender.FEMALE),
    ... ))
    >>> check_improvement_team(team).codes
    ('eit.no_worker', 'eit.too_small')
    """
    used = default_profile() if profile is None else profile
    findings: list[RuleViolation] = []
    for role, code in (
        (Role.MANAGER, Code.EIT_NO_MANAGER),
        (Role.WORKER, Code.EIT_NO_WORKER),
    ):
        if team.count(role) == 0:
            findings.append(
                violation(code, enterprise=team.enterprise_id, path=("members",))
            )
    seen: set[str] = set()
    for i, member in enumerate(team.members):
        if (
            member.enterprise_id is not None
            and member.enterprise_id != team.enterprise_id
        ):
            findings.append(
                violation(
                    Code.EIT_MEMBER_OTHER_ENTERPRISE,
                    member=member.name,
                    member_enterprise=member.enterprise_id,
                    enterprise=team.enterprise_id,
                    path=("members", i),
                )
            )
        if member.key in seen:
            findings.append(
                violation(
                    Code.EIT_MEMBER_DUPLICATE,
                    member=member.name,
                    enterprise=team.enterprise_id,
                    path=("members", i),
                )
            )
        seen.add(member.key)
    if len(team.members) < used.eit_min_members:
        findings.append(
            violation(
                Code.EIT_TOO_SMALL,
                enterprise=team.enterprise_id,
                size=len(team.members),
                minimum=used.eit_min_members,
                profile=used.name,
                path=("members",),
            )
        )
    return Report(violations=tuple(findings))
