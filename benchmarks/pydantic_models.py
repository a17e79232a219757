"""pydantic v2 models equivalent to score_core's, for the benchmark only.

Strict (no coercion), no extra keys, frozen, and the same value checks as
score_core's validators where pydantic can state them declaratively: the
fairest comparison we can write.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator


NonEmpty = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Enterprise(_Model):
    id: NonEmpty
    name: NonEmpty
    headcount: Annotated[int, Field(ge=0)]
    women: Annotated[int, Field(ge=0)] | None = None
    sector: NonEmpty | None = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    region: NonEmpty | None = None
    registration_id: NonEmpty | None = None
    founded: date | None = None

    @model_validator(mode="after")
    def _women_within_staff(self) -> Enterprise:
        if self.women is not None and self.women > self.headcount:
            raise ValueError("more women than staff")
        return self


class Role(enum.StrEnum):
    MANAGER = "manager"
    WORKER = "worker"


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class Level(enum.StrEnum):
    CANDIDATE = "candidate"
    CERTIFIED = "certified"
    EXPERT = "expert"


class Participant(_Model):
    name: NonEmpty
    role: Role
    gender: Gender
    id: NonEmpty | None = None
    enterprise_id: NonEmpty | None = None


class Certification(_Model):
    module: NonEmpty
    level: Level
    certified_on: date
    expires_on: date | None = None
    supervisor_id: NonEmpty | None = None


class Trainer(_Model):
    id: NonEmpty
    name: NonEmpty
    gender: Gender | None = None
    institution: NonEmpty | None = None
    certifications: tuple[Certification, ...] = ()


class Delegation(_Model):
    enterprise: Enterprise
    participants: tuple[Participant, ...] = ()


class Workshop(_Model):
    id: NonEmpty
    module: NonEmpty
    days: tuple[date, ...]
    location: NonEmpty | None = None
    trainers: tuple[Trainer, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    waitlist: tuple[Delegation, ...] = ()
    go_no_go: date | None = None


ENTERPRISES = TypeAdapter(list[Enterprise])
WORKSHOPS = TypeAdapter(list[Workshop])
