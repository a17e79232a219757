"""Working-day calendars: which days classroom training and visits may fall on.

:class:`WorkCalendar` is the protocol every calendar meets: whether a day is a
working day, whether the calendar covers a year, whether that year's data is
confirmed or only estimated, and where the data comes from.
:class:`FixedCalendar` is the calendar you write down: weekend days (not
assumed to be Saturday and Sunday), holidays, and make-up working days (a
weekend day that is worked, as China's 调休 makes them).

>>> from datetime import date
>>> from score_core import FixedCalendar
>>> cn_2026 = FixedCalendar(
...     name="cn-2026-sample",
...     years=frozenset({2026}),
...     holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}),
...     workdays=frozenset({date(2026, 10, 10)}),
...     source="State Council notice for 2026 (sample)",
... )
>>> [cn_2026.is_working_day(date(2026, 10, d)) for d in (1, 9, 10, 11)]
[False, True, True, False]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol, runtime_checkable

import attrs

from score_core._validators import non_empty_str
from score_core.errors import InvalidValueError


__all__ = ["FixedCalendar", "WorkCalendar"]


@runtime_checkable
class WorkCalendar(Protocol):
    """What score_core asks of a working-day calendar."""

    @property
    def name(self) -> str:
        """The calendar's name, recorded with every schedule made on it."""
        ...  # pragma: no cover - protocol

    @property
    def source(self) -> str:
        """Where its data comes from (a notice, a package and its version)."""
        ...  # pragma: no cover - protocol

    def is_working_day(self, day: date) -> bool:
        """True when ``day`` is a working day."""
        ...  # pragma: no cover - protocol

    def covers(self, year: int) -> bool:
        """True when the calendar has data for ``year``."""
        ...  # pragma: no cover - protocol

    def is_confirmed(self, year: int) -> bool:
        """True when ``year``'s data is official, not an estimate."""
        ...  # pragma: no cover - protocol


def _to_days(value: Iterable[date]) -> frozenset[date]:
    return frozenset(value)


def _to_ints(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


def _to_years(value: Iterable[int] | None) -> frozenset[int] | None:
    return None if value is None else frozenset(value)


def _check_weekend(_inst: object, _attr: object, value: frozenset[int]) -> None:
    if not value <= frozenset(range(7)) or any(isinstance(d, bool) for d in value):
        raise InvalidValueError(
            f"FixedCalendar.weekend holds weekday numbers 0 (Monday) to 6 (Sunday), "
            f"got {sorted(value, key=str)}",
            field="weekend",
        )
    if len(value) == 7:
        raise InvalidValueError(
            "FixedCalendar.weekend cannot hold every day of the week", field="weekend"
        )


def _check_days(
    _inst: object, attr: attrs.Attribute[frozenset[date]], value: frozenset[date]
) -> None:
    for day in value:
        if not isinstance(day, date):
            raise InvalidValueError(
                f"FixedCalendar.{attr.name} must hold dates, got {day!r}",
                field=attr.name,
            )


@attrs.frozen(kw_only=True)
class FixedCalendar:
    """A working-day calendar written down in full.

    Attributes:
        name: The calendar's name.
        weekend: Weekday numbers that are not worked (0 is Monday, 6 Sunday);
            Saturday and Sunday by default.
        holidays: Days off that would otherwise be working days.
        workdays: Make-up working days: weekend days that are worked.
        years: The years the data covers, or None for every year.
        confirmed: The years whose data is official; None means every covered
            year is confirmed.
        source: Where the data comes from.

    Raises:
        InvalidValueError: for a day that is both a holiday and a make-up
            working day, or a make-up working day that is not a weekend day.
    """

    name: str = attrs.field(validator=non_empty_str)
    weekend: frozenset[int] = attrs.field(
        default=frozenset({5, 6}), converter=_to_ints, validator=_check_weekend
    )
    holidays: frozenset[date] = attrs.field(
        default=frozenset(), converter=_to_days, validator=_check_days
    )
    workdays: frozenset[date] = attrs.field(
        default=frozenset(), converter=_to_days, validator=_check_days
    )
    years: frozenset[int] | None = attrs.field(default=None, converter=_to_years)
    confirmed: frozenset[int] | None = attrs.field(default=None, converter=_to_years)
    source: str = attrs.field(
        default="written down by the user", validator=non_empty_str
    )

    def __attrs_post_init__(self) -> None:
        both = sorted(self.holidays & self.workdays)
        if both:
            raise InvalidValueError(
                f"FixedCalendar: {both[0]} is both a holiday and a make-up working day",
                field="workdays",
            )
        for day in sorted(self.workdays):
            if day.weekday() not in self.weekend:
                raise InvalidValueError(
                    f"FixedCalendar: make-up working day {day} is not a weekend day",
                    field="workdays",
                )

    def is_working_day(self, day: date) -> bool:
        """True when ``day`` is worked: a make-up day, or a weekday not a holiday."""
        if day in self.workdays:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def covers(self, year: int) -> bool:
        """True when the calendar has data for ``year``."""
        return self.years is None or year in self.years

    def is_confirmed(self, year: int) -> bool:
        """True when ``year`` is covered and its data is official."""
        return self.covers(year) and (self.confirmed is None or year in self.confirmed)
