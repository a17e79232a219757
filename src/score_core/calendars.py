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

import enum
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Protocol, runtime_checkable

import attrs

from score_core._data import messages
from score_core._registry import Registry
from score_core._validators import dates, non_empty_str
from score_core.codes import Code, violation
from score_core.errors import ConfigurationError, InvalidValueError, NoWorkingDayError
from score_core.findings import PathItem, Report, RuleViolation, Severity


__all__ = [
    "SEARCH_DAYS",
    "FixedCalendar",
    "Roll",
    "WorkCalendar",
    "add_working_days",
    "calendar_names",
    "check_years",
    "get_calendar",
    "holidays_calendar",
    "next_working_day",
    "previous_working_day",
    "register_calendar",
    "roll",
    "weekday_calendar",
    "working_days",
    "working_days_between",
]

#: How many days a search for a working day looks before it gives up.
SEARCH_DAYS = 366


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


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
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
        default=frozenset(), converter=_to_days, validator=dates
    )
    workdays: frozenset[date] = attrs.field(
        default=frozenset(), converter=_to_days, validator=dates
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


def weekday_calendar() -> FixedCalendar:
    """Monday to Friday, no holidays, every year: the calendar of last resort.

    Profiles without a ``calendar`` plan on it; its years are all confirmed
    because it claims nothing about holidays.
    """
    return _WEEKDAYS


_WEEKDAYS = FixedCalendar(
    name="weekdays", source="Monday to Friday, no public holidays"
)


# -- registry ------------------------------------------------------------------------
_CALENDARS: Registry[WorkCalendar] = Registry("calendar", register="register_calendar")


def register_calendar(
    calendar: WorkCalendar, *, name: str | None = None
) -> WorkCalendar:
    """Register a calendar under its name (or ``name``), for profiles to use.

    A profile's ``calendar`` names a registered calendar or a country code
    (see :func:`get_calendar`). A registered name names a registered
    calendar before a country code does, so registering ``CN`` replaces the
    ``holidays`` package's data for China with your own.

    Raises:
        InvalidValueError: for an object that is not a calendar.
        ConfigurationError: when another calendar has that name.
    """
    if not isinstance(calendar, WorkCalendar):
        raise InvalidValueError(
            f"a calendar must meet the WorkCalendar protocol, got "
            f"{type(calendar).__name__}"
        )
    return _CALENDARS.add(calendar.name if name is None else name, calendar)


def calendar_names() -> tuple[str, ...]:
    """The names of the registered calendars, sorted."""
    return _CALENDARS.names()


def get_calendar(name: str | None, *, years: Iterable[int] = ()) -> WorkCalendar:
    """The calendar a profile's ``calendar`` parameter names.

    None means :func:`weekday_calendar`; a registered name means that
    calendar; a two-letter country code otherwise means
    :func:`holidays_calendar` over ``years`` (which needs the ``calendars``
    extra).

    Raises:
        UnknownNameError: for a name that is neither registered nor a
            two-letter country code.
        ConfigurationError: when the ``holidays`` package is needed but not
            installed, or does not know the country.
    """
    if name is None:
        return _WEEKDAYS
    if name in _CALENDARS or not (len(name) == 2 and name.isalpha()):
        return _CALENDARS.get(name)
    return holidays_calendar(name.upper(), years=years)


def holidays_calendar(
    country: str,
    *,
    years: Iterable[int],
    subdiv: str | None = None,
    name: str | None = None,
    confirmed: Iterable[int] | None = None,
) -> FixedCalendar:
    """A :class:`FixedCalendar` taken from the ``holidays`` package.

    The package is imported only here (install ``score-core[calendars]``).
    The result is a plain value: it holds the country's public holidays and
    make-up working days (China's 调休) for ``years`` only, its ``source``
    names the package version, and it serializes like any other calendar.

    A year counts as confirmed unless the package marks one of its dates as
    estimated (lunar and Islamic dates), or the country moves working days
    by yearly notice (China) and the package has no notice for that year
    yet. ``confirmed`` overrides that judgement with the years you know to
    be official.

    Args:
        country: ISO 3166-1 alpha-2 code, such as ``CN``.
        years: The years to cover.
        subdiv: A subdivision code the package knows, or None.
        name: The calendar's name; the country code (and subdivision) by
            default.
        confirmed: The years to treat as official, or None to judge.

    Raises:
        ConfigurationError: when ``holidays`` is not installed, or does not
            know the country or subdivision.
    """
    try:
        from score_core import _holidays_adapter
    except ImportError:
        raise ConfigurationError(messages.NEEDS_HOLIDAYS) from None
    return _holidays_adapter.snapshot(
        country,
        years=frozenset(years),
        subdiv=subdiv,
        name=name,
        confirmed=None if confirmed is None else frozenset(confirmed),
    )


# -- arithmetic ----------------------------------------------------------------------
class Roll(enum.StrEnum):
    """How a date that is not a working day moves to one.

    FOLLOWING: the next working day. PRECEDING: the previous working day.
    MODIFIED_FOLLOWING: the next, unless it falls in the next month; then the
    previous. MODIFIED_PRECEDING: the previous, unless it falls in the
    previous month; then the next.
    """

    FOLLOWING = "following"
    PRECEDING = "preceding"
    MODIFIED_FOLLOWING = "modified_following"
    MODIFIED_PRECEDING = "modified_preceding"


_ONE_DAY = timedelta(days=1)


def _search(calendar: WorkCalendar, day: date, step: timedelta, within: int) -> date:
    current = day
    direction = "after" if step.days > 0 else "before"
    for _ in range(within):
        try:
            current += step
        except OverflowError:
            raise NoWorkingDayError(
                f"calendar {calendar.name} has no working day {direction} {day}: "
                f"Python's dates run from {date.min} to {date.max}"
            ) from None
        if calendar.is_working_day(current):
            return current
    raise NoWorkingDayError(
        f"calendar {calendar.name} has no working day within {within} days "
        f"{direction} {day}"
    )


def next_working_day(
    calendar: WorkCalendar, day: date, *, within: int = SEARCH_DAYS
) -> date:
    """The first working day strictly after ``day``.

    >>> from datetime import date
    >>> next_working_day(weekday_calendar(), date(2026, 11, 27))  # a Friday
    datetime.date(2026, 11, 30)

    Raises:
        NoWorkingDayError: when none lies within ``within`` days, or before
            9999-12-31, the last date Python holds.
    """
    return _search(calendar, day, _ONE_DAY, within)


def previous_working_day(
    calendar: WorkCalendar, day: date, *, within: int = SEARCH_DAYS
) -> date:
    """The last working day strictly before ``day``.

    Raises:
        NoWorkingDayError: when none lies within ``within`` days, or after
            0001-01-01, the first date Python holds.
    """
    return _search(calendar, day, -_ONE_DAY, within)


def roll(
    calendar: WorkCalendar,
    day: date,
    convention: Roll = Roll.FOLLOWING,
    *,
    within: int = SEARCH_DAYS,
) -> date:
    """``day`` itself when it is a working day, else moved by ``convention``.

    >>> from datetime import date
    >>> saturday = date(2026, 10, 31)
    >>> cal = weekday_calendar()
    >>> roll(cal, saturday), roll(cal, saturday, Roll.MODIFIED_FOLLOWING)
    (datetime.date(2026, 11, 2), datetime.date(2026, 10, 30))

    Raises:
        NoWorkingDayError: when no working day lies within ``within`` days in
            the direction the convention looks.
    """
    if calendar.is_working_day(day):
        return day
    convention = Roll(convention)
    if convention is Roll.FOLLOWING:
        return next_working_day(calendar, day, within=within)
    if convention is Roll.PRECEDING:
        return previous_working_day(calendar, day, within=within)
    if convention is Roll.MODIFIED_FOLLOWING:
        after = next_working_day(calendar, day, within=within)
        if after.month == day.month:
            return after
        return previous_working_day(calendar, day, within=within)
    before = previous_working_day(calendar, day, within=within)
    if before.month == day.month:
        return before
    return next_working_day(calendar, day, within=within)


def add_working_days(
    calendar: WorkCalendar, day: date, count: int, *, within: int = SEARCH_DAYS
) -> date:
    """The ``count``-th working day after ``day`` (before it when negative).

    ``day`` itself does not count. Adding zero rolls ``day`` to the following
    working day, since a day off is never an answer.

    >>> from datetime import date
    >>> add_working_days(weekday_calendar(), date(2026, 11, 26), 3)  # Thursday
    datetime.date(2026, 12, 1)

    Raises:
        NoWorkingDayError: when two consecutive working days lie more than
            ``within`` days apart, or the count runs past 9999-12-31 (before
            0001-01-01 when negative).
    """
    if count == 0:
        return roll(calendar, day, within=within)
    step = _ONE_DAY if count > 0 else -_ONE_DAY
    current = day
    for _ in range(abs(count)):
        current = _search(calendar, current, step, within)
    return current


def working_days(calendar: WorkCalendar, start: date, end: date) -> Iterator[date]:
    """The working days from ``start`` up to, not including, ``end``."""
    current = start
    while current < end:
        if calendar.is_working_day(current):
            yield current
        current += _ONE_DAY


def working_days_between(calendar: WorkCalendar, start: date, end: date) -> int:
    """The number of working days from ``start`` up to, not including, ``end``.

    Negative when ``end`` comes before ``start``. For a working day ``start``,
    ``working_days_between(cal, start, add_working_days(cal, start, n)) == n``
    for every ``n >= 0``. Add one for an inclusive count ending on a working
    day.

    >>> from datetime import date
    >>> working_days_between(weekday_calendar(), date(2026, 11, 23), date(2026, 11, 30))
    5
    """
    if end < start:
        return -working_days_between(calendar, end, start)
    return sum(1 for _ in working_days(calendar, start, end))


# -- years ---------------------------------------------------------------------------
def check_years(
    calendar: WorkCalendar,
    years: Iterable[int],
    *,
    path: tuple[PathItem, ...] = (),
    strict: bool = False,
) -> Report:
    """Findings for the years a calendar cannot vouch for.

    A year it does not cover is an error (``calendar.year.not_covered``); a
    year it only estimates is a warning (``calendar.year.unconfirmed``), or an
    error when ``strict``.
    """
    out: list[RuleViolation] = []
    for year in sorted(set(years)):
        if calendar.covers(year) and calendar.is_confirmed(year):
            continue
        unconfirmed = calendar.covers(year)
        out.append(
            violation(
                Code.CALENDAR_YEAR_UNCONFIRMED
                if unconfirmed
                else Code.CALENDAR_YEAR_NOT_COVERED,
                calendar=calendar.name,
                year=year,
                path=path,
                severity=Severity.ERROR if strict and unconfirmed else None,
            )
        )
    return Report(violations=tuple(out))
