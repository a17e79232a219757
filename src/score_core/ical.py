r"""iCalendar (RFC 5545) text for plans and visit cycles.

Trainers put their visits in their calendar applications: each classroom
day and each visit becomes an all-day ``VEVENT``. UIDs are stable: they come
from the plan's and the cycle's ids and the visit's number, never from its
date, so that importing a rescheduled cycle again updates the event (its
``SEQUENCE`` counts the moves) instead of adding a second one.

``DTSTAMP`` is required by the RFC; score_core reads no clock, so the caller
passes ``stamp``.

>>> from datetime import date, datetime, timezone
>>> from score_core import Enterprise, plan_module, weekday_calendar
>>> firm = Enterprise(id="CQ-001", name="Gears", headcount=180)
>>> plan = plan_module(firm, module="M1", earliest=date(2026, 3, 2),
...                    calendar=weekday_calendar())
>>> text = to_ical(plan, stamp=datetime(2026, 2, 1, tzinfo=timezone.utc))
>>> text.count("BEGIN:VEVENT"), text.splitlines()[0]
(6, 'BEGIN:VCALENDAR')
>>> [line for line in text.splitlines() if line.startswith("UID:")][2]
'UID:M1-20260309-53adbe6a.CQ-001.0@score-core'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from score_core._version import __version__
from score_core.errors import InvalidValueError
from score_core.i18n import Language, language
from score_core.visits import ModulePlan, Visit, VisitCycle, VisitKind, VisitStatus


__all__ = ["to_ical"]

_DOMAIN = "score-core"
_OCTETS = 75


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _escape(text: str) -> str:
    # A lone surrogate is not a character and cannot be written as UTF-8:
    # it becomes U+FFFD, the replacement character.
    return (
        _SURROGATE_RE.sub("\ufffd", text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Split a content line into lines of at most 75 octets (RFC 5545 3.1)."""
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _OCTETS:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return out


def _day(value: date) -> str:
    # Not strftime: its %Y does not pad years before 1000 to four digits.
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _event(
    uid: str,
    stamp: str,
    day: date,
    summary: str,
    *,
    description: str,
    location: str | None = None,
    sequence: int = 0,
    status: str = "CONFIRMED",
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"SUMMARY:{_escape(summary)}",
    ]
    if day < date.max:  # without DTEND, an all-day event lasts the one day
        lines.insert(4, f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}")
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines.append(f"DESCRIPTION:{_escape(description)}")
    lines += [f"SEQUENCE:{sequence}", f"STATUS:{status}", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def _label(lang: Language, visit: Visit) -> str:
    _ = lang.gettext
    if visit.kind is VisitKind.INTAKE:
        return _("intake visit")
    if visit.kind is VisitKind.YEAR_AFTER:
        return _("year-after visit")
    return _("follow-up visit {n}").format(n=visit.number)


def _calendar(lang: Language, name: str, source: str) -> str:
    _ = lang.gettext
    return _("calendar: {calendar} ({source})").format(calendar=name, source=source)


def _visit_event(
    cycle: VisitCycle, visit: Visit, stamp: str, lang: Language
) -> list[str]:
    _ = lang.gettext
    status = "CANCELLED" if visit.status is VisitStatus.CANCELLED else "CONFIRMED"
    notes = [
        _("status: {status}").format(status=lang.token("visit", visit.status.value))
    ]
    if visit.previous:
        days = ", ".join(lang.date(d) for d in visit.previous)
        notes.append(_("moved from {days}").format(days=days))
    notes.append(_calendar(lang, cycle.calendar, cycle.calendar_source))
    return _event(
        f"{cycle.id}.{visit.number}@{_DOMAIN}",
        stamp,
        visit.held_on,
        f"SCORE {cycle.module} {_label(lang, visit)}: {cycle.enterprise}",
        description=_("; ").join(notes),
        sequence=visit.reschedules,
        status=status,
    )


def to_ical(
    item: ModulePlan | VisitCycle | Iterable[VisitCycle],
    *,
    stamp: datetime,
    locale: str | None = None,
) -> str:
    """ICalendar text (CRLF line ends, folded lines) for a plan or cycles.

    A plan gives its classroom days and every visit; cycles give their
    visits. Cancelled visits stay in the file with ``STATUS:CANCELLED``, so
    calendar applications remove them.

    Args:
        item: A plan, a cycle, or several cycles.
        stamp: When the file is made (``DTSTAMP``), a timezone-aware
            datetime.
        locale: The language of the events' words (``zh_CN``, ``es_PE``...;
            see :mod:`score_core.i18n`); English by default. Identifiers,
            codes and dates in ``DTSTART`` are the same in every language.

    Raises:
        InvalidValueError: for a naive ``stamp``.
    """
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise InvalidValueError("to_ical needs a timezone-aware stamp")
    when = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lang = language(locale)
    _ = lang.gettext
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//score_core//score-core {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    if isinstance(item, ModulePlan):
        cycles: tuple[VisitCycle, ...] = item.cycles
        total = len(item.classroom)
        for number, day in enumerate(item.classroom, start=1):
            lines += _event(
                f"{item.id}.classroom.{number}@{_DOMAIN}",
                when,
                day,
                f"SCORE {item.module} "
                + _("classroom day {number} of {total}").format(
                    number=number, total=total
                ),
                location=item.location,
                description=_calendar(lang, item.calendar, item.calendar_source),
            )
    elif isinstance(item, VisitCycle):
        cycles = (item,)
    else:
        cycles = tuple(item)
    for cycle in cycles:
        for visit in cycle.visits:
            lines += _visit_event(cycle, visit, when, lang)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
