"""Enterprises: the small and medium enterprises SCORE trains.

An enterprise is the unit of enrolment: it sends a delegation of managers
and workers to each module's classroom workshop and receives the in-factory
visits. Impossible values (a negative headcount, more women than staff) are
refused when it is built; data that is merely missing (the headcount, sector,
country, the number of women) is None, so that rules can say "unknown" rather
than "no": an enterprise whose headcount is not known is sent to review,
never refused.

>>> from score_core import Enterprise
>>> e = Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, women=64,
...                sector="auto parts", country="CN", region="Chongqing")
>>> e.men, e.share_of_women
(116, Decimal('0.3556'))
>>> Enterprise(id="X", name="X", headcount=10, women=11)
Traceback (most recent call last):
...
score_core.errors.InvalidValueError: Enterprise.women (11) cannot exceed ...
>>> unknown = Enterprise(id="CQ-002", name="Gears Two", women=30)
>>> unknown.headcount, unknown.men, unknown.share_of_women
(None, None, None)
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs

from score_core._validators import (
    country_code,
    non_empty_str,
    optional_date,
    optional_int_at_least,
    optional_non_empty_str,
)
from score_core.errors import InvalidValueError


__all__ = ["Enterprise"]


def _check_women(inst: Enterprise, _attr: object, value: int | None) -> None:
    if value is not None and inst.headcount is not None and value > inst.headcount:
        raise InvalidValueError(
            f"Enterprise.women ({value}) cannot exceed Enterprise.headcount "
            f"({inst.headcount})",
            field="women",
        )


@attrs.frozen(kw_only=True)
class Enterprise:
    """A small or medium enterprise.

    Attributes:
        id: The enterprise's identifier in the calling tool.
        name: Its name (any script).
        headcount: Number of employees, or None when not known (rules that
            read it say so in a finding instead of guessing).
        women: Number of women employed, or None when not reported.
        sector: Sector, such as ``auto parts``, or None when unknown.
        country: ISO 3166-1 alpha-2 code, or None when unknown.
        region: Province, state or region.
        registration_id: Official registration number (in China the
            18-character Unified Social Credit Code), not validated here.
        founded: Founding date.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    headcount: int | None = attrs.field(
        default=None, validator=optional_int_at_least(0)
    )
    women: int | None = attrs.field(
        default=None, validator=[optional_int_at_least(0), _check_women]
    )
    sector: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    country: str | None = attrs.field(default=None, validator=country_code)
    region: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    registration_id: str | None = attrs.field(
        default=None, validator=optional_non_empty_str
    )
    founded: date | None = attrs.field(default=None, validator=optional_date)

    @property
    def men(self) -> int | None:
        """Employees who are not counted as women, or None when unknown."""
        if self.women is None or self.headcount is None:
            return None
        return self.headcount - self.women

    @property
    def employs_both_sexes(self) -> bool | None:
        """Whether it employs women and men, or None when unknown."""
        if self.women is None or self.headcount is None:
            return None
        return 0 < self.women < self.headcount

    @property
    def share_of_women(self) -> Decimal | None:
        """Women as a share of headcount (4 places), or None when unknown or empty."""
        if self.women is None or not self.headcount:
            return None
        share = Decimal(self.women) / Decimal(self.headcount)
        return share.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
