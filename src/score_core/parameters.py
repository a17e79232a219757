"""Dated parameters: values in force over periods, resolved strictly or leniently.

A :class:`Timeline` holds the values a parameter takes over time, each a
:class:`Dated` entry with inclusive start and end dates and a source. Its
entries are checked when it is built: in order, not overlapping, and
contiguous unless gaps are declared.

Asking for a date outside every entry is the caller's choice
(:class:`Resolution`). LENIENT, the default, answers: past the last entry the
last value applies, before the first entry the first value applies, and the
answer carries a ``parameter.stale`` warning that names the parameter, the
date where its sources stop (or start) and their citation. STRICT, asked for
explicitly, raises :class:`~score_core.errors.NotInForceError`.

>>> from datetime import date
>>> from decimal import Decimal
>>> from score_core.parameters import Dated, Resolution, Timeline
>>> target = Timeline(entries=(
...     Dated(value=Decimal("0.20"), start=date(2014, 1, 1), end=date(2015, 6, 30)),
...     Dated(value=Decimal("0.30"), start=date(2015, 7, 1), end=date(2016, 12, 31)),
... ))
>>> target.at(date(2015, 7, 1)).value
Decimal('0.30')
>>> stale = target.at(date(2019, 1, 1))
>>> stale.value, stale.findings.codes
(Decimal('0.30'), ('parameter.stale',))
>>> target.at(date(2019, 1, 1), mode=Resolution.STRICT)
Traceback (most recent call last):
...
score_core.errors.NotInForceError: value has no value in force on 2019-01-01 ...
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

import attrs

from score_core._data import messages
from score_core._validators import items_of, optional_date, optional_non_empty_str
from score_core.codes import Code, violation
from score_core.errors import InvalidValueError, NotInForceError
from score_core.findings import Report, _renamed_to_findings


__all__ = [
    "PYTHON_STRICT_HINT",
    "Dated",
    "Resolution",
    "Resolved",
    "Timeline",
    "describe_period",
    "out_of_force",
    "relation",
]

T = TypeVar("T")


class Resolution(enum.StrEnum):
    """What to do when a date falls outside what is declared.

    Every function that reads a profile or a dated parameter takes a
    ``mode`` and defaults to LENIENT: a user asking about today gets an
    answer with a warning, not an exception, when the sources stop before
    today.
    """

    #: Raise :class:`~score_core.errors.NotInForceError`.
    STRICT = "strict"
    #: Use the nearest value (the last one past the end, the first one before
    #: the start) and report a warning finding naming the source's dates.
    LENIENT = "lenient"


#: What a strict-mode refusal tells a Python caller; the CLI and other front
#: ends give their own spelling through ``NotInForceError.with_hint``.
PYTHON_STRICT_HINT = messages.PYTHON_STRICT_HINT


def out_of_force(detail: str, *, mode: Resolution) -> NotInForceError | None:
    """The error to raise in ``mode`` for a date outside what is declared.

    None in LENIENT mode (the caller answers with a warning instead).

    Args:
        detail: What is not in force on which date, and what is declared.
        mode: The resolution mode.
    """
    if Resolution(mode) is Resolution.LENIENT:
        return None
    return NotInForceError(detail, hint=PYTHON_STRICT_HINT)


def describe_period(start: date | None, end: date | None) -> str:
    """A period in words: ``from 2013-01-01 to 2017-12-31``, ``always``...

    >>> describe_period(None, date(2017, 12, 31))
    'until 2017-12-31'
    """
    if start is None and end is None:
        return messages.ALWAYS
    if start is None:
        return messages.UNTIL.format(end=end)
    if end is None:
        return messages.FROM.format(start=start)
    return messages.FROM_TO.format(start=start, end=end)


def _iso(day: date | None) -> str | None:
    """A date as a finding param: ISO, or None for an open end."""
    return None if day is None else day.isoformat()


def relation(on: date, start: date | None, end: date | None) -> tuple[str, date]:
    """Whether ``on`` is after ``end`` or before ``start``, with that bound.

    Only for a date outside the period.

    >>> relation(date(2026, 1, 1), date(2013, 1, 1), date(2017, 12, 31))
    ('after', datetime.date(2017, 12, 31))
    """
    if end is not None and on > end:
        return "after", end
    return "before", on if start is None else start


def _check_end(inst: Dated[Any], _attr: object, value: date | None) -> None:
    if inst.start is not None and value is not None and value < inst.start:
        raise InvalidValueError(
            f"Dated.end ({value}) is before its start ({inst.start})", field="end"
        )


@attrs.frozen(kw_only=True)
class Dated(Generic[T]):
    """One value and the period it is in force, both ends inclusive.

    Attributes:
        value: The parameter's value in that period.
        start: First day in force, or None for "since always".
        end: Last day in force, or None for "until further notice".
        source: Citation for the value (a source key and locator).
    """

    value: T
    start: date | None = attrs.field(default=None, validator=optional_date)
    end: date | None = attrs.field(default=None, validator=[optional_date, _check_end])
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    def covers(self, on: date) -> bool:
        """True when ``on`` lies inside this entry's period."""
        return (self.start is None or self.start <= on) and (
            self.end is None or on <= self.end
        )

    @property
    def period(self) -> str:
        """The period in words."""
        return describe_period(self.start, self.end)


@attrs.frozen(kw_only=True)
class Resolved(Generic[T]):
    """A value resolved for a date, with the entry it came from.

    Attributes:
        value: The value used.
        entry: The :class:`Dated` entry that supplied it.
        on: The date asked for.
        findings: Empty, or a ``parameter.stale`` warning in lenient mode.
    """

    value: T
    entry: Dated[T]
    on: date
    findings: Report = attrs.field(factory=Report)
    report = _renamed_to_findings()

    @property
    def stale(self) -> bool:
        """True when the value is not in force on the date asked for."""
        return bool(self.findings.violations)


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_entries(value: Iterable[Dated[Any]]) -> tuple[Dated[Any], ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Timeline(Generic[T]):
    """The values of one parameter over time.

    Attributes:
        entries: Dated values in order; only the first may start open and only
            the last may end open.
        allow_gaps: When False (the default), each entry starts the day after
            the previous one ends.

    Raises:
        InvalidValueError: for no entries, entries out of order, overlapping,
            or with an undeclared gap.
    """

    entries: tuple[Dated[T], ...] = attrs.field(
        converter=_to_entries, validator=items_of(Dated)
    )
    allow_gaps: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        if not self.entries:
            raise InvalidValueError(
                "Timeline.entries must not be empty", field="entries"
            )
        for i, (before, after) in enumerate(
            zip(self.entries, self.entries[1:], strict=False)
        ):
            where = f"Timeline.entries[{i}] and [{i + 1}]"
            if before.end is None or after.start is None:
                raise InvalidValueError(
                    f"{where}: only the first entry may start open and only the "
                    f"last may end open",
                    field="entries",
                )
            if after.start <= before.end:
                raise InvalidValueError(
                    f"{where} overlap: {before.period} and {after.period}",
                    field="entries",
                )
            if not self.allow_gaps and after.start != before.end + timedelta(days=1):
                raise InvalidValueError(
                    f"{where} leave a gap from {before.end + timedelta(days=1)} to "
                    f"{after.start - timedelta(days=1)}; declare allow_gaps=True if "
                    f"it is meant",
                    field="entries",
                )

    @classmethod
    def always(cls, value: T, *, source: str | None = None) -> Timeline[T]:
        """A timeline with one value in force at all times."""
        return cls(entries=(Dated(value=value, source=source),))

    @property
    def first(self) -> Dated[T]:
        """The earliest entry."""
        return self.entries[0]

    @property
    def last(self) -> Dated[T]:
        """The latest entry."""
        return self.entries[-1]

    def entry_on(self, on: date) -> Dated[T] | None:
        """The entry in force on ``on``, or None."""
        for entry in self.entries:
            if entry.covers(on):
                return entry
        return None

    def at(
        self,
        on: date,
        *,
        mode: Resolution = Resolution.LENIENT,
        parameter: str = "value",
        profile: str = "-",
    ) -> Resolved[T]:
        """The value in force on ``on``.

        Args:
            on: The date.
            mode: LENIENT (the default) uses the nearest earlier entry (or the
                first one, before it starts) and reports a ``parameter.stale``
                warning that names the entry's dates and source; STRICT raises
                when nothing is in force.
            parameter: The parameter's name, quoted by findings and errors.
            profile: The name of the profile (or policy) holding it, quoted by
                findings and errors.

        Raises:
            NotInForceError: in STRICT mode, when no entry covers ``on``.
        """
        entry = self.entry_on(on)
        if entry is not None:
            return Resolved(value=entry.value, entry=entry, on=on)
        what = (
            parameter
            if profile == "-"
            else messages.VALUE_OF_PROFILE.format(parameter=parameter, profile=profile)
        )
        periods = "; ".join(e.period for e in self.entries)
        error = out_of_force(
            messages.NO_VALUE_IN_FORCE.format(what=what, on=on, periods=periods),
            mode=mode,
        )
        if error is not None:
            raise error
        earlier = [e for e in self.entries if e.end is not None and e.end < on]
        nearest = earlier[-1] if earlier else self.first
        side, bound = relation(on, nearest.start, nearest.end)
        finding = violation(
            Code.PARAMETER_STALE,
            parameter=parameter,
            profile=profile,
            on=on.isoformat(),
            start=_iso(nearest.start),
            end=_iso(nearest.end),
            relation=side,
            bound=bound.isoformat(),
            source=nearest.source,
        )
        return Resolved(
            value=nearest.value,
            entry=nearest,
            on=on,
            findings=Report(violations=(finding,)),
        )
