"""Snapshots of the ``holidays`` package as :class:`FixedCalendar` values.

Imported only by :func:`score_core.calendars.holidays_calendar`, so that
``import score_core`` never imports ``holidays``.
"""

from __future__ import annotations

from datetime import date
from importlib.metadata import version

import holidays

from score_core.calendars import FixedCalendar
from score_core.errors import ConfigurationError


def _estimated_marker(table: holidays.HolidayBase) -> str | None:
    label = getattr(table, "estimated_label", None)
    if not label:
        return None
    return str(table.tr(label)).replace("%s", "").strip()


def snapshot(
    country: str,
    *,
    years: frozenset[int],
    subdiv: str | None,
    name: str | None,
    confirmed: frozenset[int] | None,
) -> FixedCalendar:
    """The country's calendar for ``years``, judged confirmed year by year."""
    try:
        table = holidays.country_holidays(country, subdiv=subdiv, years=sorted(years))
    except NotImplementedError as exc:
        raise ConfigurationError(f"the holidays package: {exc}") from None
    days = {day: str(label) for day, label in table.items() if day.year in years}
    weekend = frozenset(table.weekend)
    workdays = frozenset(
        day
        for day in table.weekend_workdays
        if day.year in years and day.weekday() in weekend and day not in days
    )
    if confirmed is None:
        confirmed = _judge(table, days, years)
    where = country if subdiv is None else f"{country}-{subdiv}"
    return FixedCalendar(
        name=where if name is None else name,
        weekend=weekend,
        holidays=frozenset(days),
        workdays=workdays,
        years=years,
        confirmed=confirmed & years,
        source=f"holidays {version('holidays')} ({where})",
    )


def _judge(
    table: holidays.HolidayBase, days: dict[date, str], years: frozenset[int]
) -> frozenset[int]:
    marker = _estimated_marker(table)
    estimated = {day.year for day, label in days.items() if marker and marker in label}
    noticed: set[int] | None = None
    if table.has_substituted_holidays:
        # Working days moved by yearly notice (China's 调休): a year without a
        # notice in the package is a guess.
        noticed = set(table.special_public_holidays)
    return frozenset(
        year
        for year in years
        if year not in estimated and (noticed is None or year in noticed)
    )
