"""Flat rows for dashboards and spreadsheets: dicts of plain values, stable columns.

:func:`rows` turns a result into rows, one dict a row, every value a plain
``str``, ``int``, ``bool`` or ``None``, under column names that are part of
score_core's contract (:func:`columns`; the list is in the API reference).
A list of rows is what ``pandas.DataFrame``, ``csv.DictWriter``, a database
driver or a JSON encoder takes:

>>> from score_core import Enterprise, screen
>>> from score_core.tables import columns, rows
>>> firms = [Enterprise(id="E1", name="Pump Co", headcount=120, country="CN"),
...          Enterprise(id="E2", name="Gear Works", headcount=612, country="CN")]
>>> for row in rows(screen(firms, baseline_modules=())):
...     print(row["enterprise"], row["status"], row["eligible"], row["codes"])
E1 eligible True
E2 ineligible False eligibility.headcount.above_max

Which rows each value gives:

- a :class:`~score_core.Report` (the findings of any result): a row per
  finding, its params as a JSON object's text; a
  :class:`~score_core.RuleViolation` is one row;
- an :class:`~score_core.EligibilityResult`, or many (a list, a
  :class:`~score_core.eligibility.Screening`): a row per enterprise;
- a :class:`~score_core.eligibility.ScreeningSummary`: a row per status and
  per finding code, with its count;
- a :class:`~score_core.Quote` (or many): a row per enterprise and payment,
  each payer's part of each enterprise's full cost;
- a :class:`~score_core.pricing.Portfolio`: a row per year, module group and
  payer;
- a :class:`~score_core.ModulePlan` or a :class:`~score_core.VisitCycle`:
  a row per visit;
- a :class:`~score_core.monitoring.ChangeSet`: a row per enterprise and
  indicator; an :class:`~score_core.monitoring.AggregateSet`: a row per
  indicator; a :class:`~score_core.monitoring.ResultsReport`: a row per
  indicator and year.

Numbers score_core holds as ``Decimal`` (money, rates, measurements) are
text by default, written as in JSON payloads (``"12.50"``, never
``"1.25E+1"``): exact, and read as numbers by CSV readers
(``pandas.read_csv``, spreadsheets). ``numbers="decimal"`` keeps them as
``Decimal`` (exact arithmetic in Python and pandas' object columns), and
``numbers="float"`` gives floats, the numeric columns pandas computes with
(at the cost of exactness). Dates are ISO text (``"2015-04-08"``), statuses
and other named values their text value (``"eligible"``). Several codes or
reasons in one cell are joined by ``;`` and ``"; "``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from score_core.eligibility import EligibilityResult, Screening, ScreeningSummary
from score_core.errors import InvalidTypeError, InvalidValueError
from score_core.findings import Report, RuleViolation, Severity
from score_core.money import Money
from score_core.monitoring import (
    Aggregate,
    AggregateSet,
    Change,
    ChangeSet,
    ResultRow,
    ResultsReport,
)
from score_core.pricing import Portfolio, PortfolioRow, Quote
from score_core.serialization import converter
from score_core.visits import ModulePlan, Visit, VisitCycle


__all__ = ["Cell", "Numbers", "columns", "rows"]

#: A row's value: a plain scalar (``Decimal`` or ``float`` only when asked).
Cell = str | int | bool | Decimal | float | None
#: How ``Decimal`` numbers are given: as ``text``, ``decimal`` or ``float``.
Numbers = Literal["text", "decimal", "float"]
_Row = dict[str, Cell]


def _text(value: Decimal) -> str:
    text: str = converter.unstructure(value, Decimal)  # as in JSON payloads
    return text


class _Cells:
    """Formats a row's values: numbers as asked, dates as ISO text."""

    __slots__ = ("money", "number")

    def __init__(self, numbers: Numbers) -> None:
        self.number: Callable[[Decimal], Cell] = {
            "text": _text,
            "decimal": lambda d: d,
            "float": float,
        }[numbers]
        self.money: Callable[[Money], Cell] = {
            "text": Money.format_amount,
            "decimal": lambda m: m.amount,
            "float": lambda m: float(m.amount),
        }[numbers]

    def maybe(self, value: Decimal | None) -> Cell:
        """A number, or None."""
        return None if value is None else self.number(value)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# -- one function per kind of row ------------------------------------------------------
def _eligibility(result: EligibilityResult, _: _Cells) -> Iterator[_Row]:
    found = result.violations
    yield {
        "enterprise": result.enterprise_id,
        "module": str(result.module),
        "profile": result.profile,
        "on": _day(result.on),
        "status": result.status.value,
        "eligible": result.eligible,
        "errors": sum(1 for v in found if v.severity is Severity.ERROR),
        "warnings": sum(1 for v in found if v.severity is Severity.WARNING),
        "codes": ";".join(v.code for v in found),
        "reasons": "; ".join(v.message for v in found),
    }


def _finding(v: RuleViolation, _: _Cells) -> Iterator[_Row]:
    yield {
        "code": v.code,
        "severity": v.severity.value,
        "path": v.path_str,
        "message": v.message,
        # The params as the JSON object a payload holds, keys sorted.
        "params": json.dumps(dict(v.params), sort_keys=True, ensure_ascii=False),
    }


def _findings(report: Report, cells: _Cells) -> Iterator[_Row]:
    for v in report:
        yield from _finding(v, cells)


def _summary(summary: ScreeningSummary, _: _Cells) -> Iterator[_Row]:
    for status, count in summary.by_status.items():
        yield {"by": "status", "key": status.value, "count": count}
    for code, count in summary.by_code.items():
        yield {"by": "code", "key": code, "count": count}


def _quote(q: Quote, cells: _Cells) -> Iterator[_Row]:
    for invoice in q.invoices:
        for payment in invoice.payments:
            yield {
                "workshop": q.workshop,
                "module": str(q.module),
                "on": q.on.isoformat(),
                "profile": q.profile,
                "cost_model": q.cost_model,
                "policy": q.policy,
                "currency": q.currency,
                "enterprise": invoice.enterprise,
                "participants": invoice.participants,
                "full_cost": cells.money(invoice.full_cost),
                "payer": payment.payer.value,
                "amount": cells.money(payment.amount),
                "rule": payment.rule,
            }


def _portfolio(book: Portfolio, cells: _Cells) -> Iterator[_Row]:
    for row in book.rows:
        yield from _portfolio_row(row, cells)


def _portfolio_row(row: PortfolioRow, cells: _Cells) -> Iterator[_Row]:
    yield {
        "year": row.year,
        "group": row.group.value,
        "payer": row.payer.value,
        "amount": cells.money(row.amount),
        "currency": row.amount.currency,
    }


def _visit(plan: str | None, cycle: VisitCycle, visit: Visit) -> _Row:
    return {
        "plan": plan,
        "module": str(cycle.module),
        "profile": cycle.profile,
        "calendar": cycle.calendar,
        "enterprise": cycle.enterprise,
        "cycle": cycle.id,
        "visit": visit.number,
        "kind": visit.kind.value,
        "on": visit.on.isoformat(),
        "nominal": _day(visit.nominal),
        "status": visit.status.value,
        "held_on": None if visit.outcome is None else visit.held_on.isoformat(),
        "window_end": cycle.window_end.isoformat(),
    }


def _plan(plan: ModulePlan, _: _Cells) -> Iterator[_Row]:
    for cycle in plan.cycles:
        for visit in cycle.visits:
            yield _visit(plan.id, cycle, visit)


def _cycle(cycle: VisitCycle, _: _Cells) -> Iterator[_Row]:
    for visit in cycle.visits:
        yield _visit(None, cycle, visit)


def _change(c: Change, cells: _Cells) -> Iterator[_Row]:
    yield {
        "enterprise": c.enterprise,
        "indicator": c.indicator,
        "unit": c.unit,
        "baseline": cells.number(c.baseline),
        "baseline_on": c.baseline_on.isoformat(),
        "latest": cells.number(c.latest),
        "latest_on": c.latest_on.isoformat(),
        "point": c.point.value,
        "absolute": cells.number(c.absolute),
        "relative": cells.maybe(c.relative),
        "improved": c.improved,
        "women": cells.maybe(c.women),
        "men": cells.maybe(c.men),
    }


def _changes(found: ChangeSet, cells: _Cells) -> Iterator[_Row]:
    for c in found.changes:
        yield from _change(c, cells)


def _aggregate(a: Aggregate, cells: _Cells) -> Iterator[_Row]:
    yield {
        "indicator": a.indicator,
        "unit": a.unit,
        "n": a.n,
        "median": cells.number(a.median),
        "lower_quartile": cells.number(a.lower_quartile),
        "upper_quartile": cells.number(a.upper_quartile),
        "median_relative": cells.maybe(a.median_relative),
        "improved": a.improved,
        "share_improved": cells.number(a.share_improved),
        "women": cells.maybe(a.women),
        "men": cells.maybe(a.men),
    }


def _aggregates(found: AggregateSet, cells: _Cells) -> Iterator[_Row]:
    for a in found.aggregates:
        yield from _aggregate(a, cells)


def _result_row(r: ResultRow, cells: _Cells) -> Iterator[_Row]:
    yield {
        "indicator": r.indicator,
        "title": r.title,
        "unit": r.unit,
        "direction": r.direction.value,
        "period": r.period,
        "n": r.n,
        "baseline": cells.number(r.baseline),
        "baseline_year": r.baseline_year,
        "target": cells.maybe(r.target),
        "actual": cells.number(r.actual),
    }


def _results(report: ResultsReport, cells: _Cells) -> Iterator[_Row]:
    for r in report.rows:
        yield from _result_row(r, cells)


# -- the contract: columns, in order, for each type -----------------------------------
_ELIGIBILITY = (
    "enterprise",
    "module",
    "profile",
    "on",
    "status",
    "eligible",
    "errors",
    "warnings",
    "codes",
    "reasons",
)
_QUOTE = (
    "workshop",
    "module",
    "on",
    "profile",
    "cost_model",
    "policy",
    "currency",
    "enterprise",
    "participants",
    "full_cost",
    "payer",
    "amount",
    "rule",
)
_VISIT = (
    "plan",
    "module",
    "profile",
    "calendar",
    "enterprise",
    "cycle",
    "visit",
    "kind",
    "on",
    "nominal",
    "status",
    "held_on",
    "window_end",
)
_CHANGE = (
    "enterprise",
    "indicator",
    "unit",
    "baseline",
    "baseline_on",
    "latest",
    "latest_on",
    "point",
    "absolute",
    "relative",
    "improved",
    "women",
    "men",
)
_AGGREGATE = (
    "indicator",
    "unit",
    "n",
    "median",
    "lower_quartile",
    "upper_quartile",
    "median_relative",
    "improved",
    "share_improved",
    "women",
    "men",
)
_RESULT = (
    "indicator",
    "title",
    "unit",
    "direction",
    "period",
    "n",
    "baseline",
    "baseline_year",
    "target",
    "actual",
)
_PORTFOLIO = ("year", "group", "payer", "amount", "currency")
_FINDING = ("code", "severity", "path", "message", "params")
_SUMMARY = ("by", "key", "count")

_RowsOf = Callable[[Any, _Cells], Iterator[_Row]]

#: For each type: its columns and the function that gives its rows.
_TABLES: Mapping[type, tuple[tuple[str, ...], _RowsOf]] = {
    Report: (_FINDING, _findings),
    RuleViolation: (_FINDING, _finding),
    EligibilityResult: (_ELIGIBILITY, _eligibility),
    ScreeningSummary: (_SUMMARY, _summary),
    Quote: (_QUOTE, _quote),
    Portfolio: (_PORTFOLIO, _portfolio),
    PortfolioRow: (_PORTFOLIO, _portfolio_row),
    ModulePlan: (_VISIT, _plan),
    VisitCycle: (_VISIT, _cycle),
    Change: (_CHANGE, _change),
    ChangeSet: (_CHANGE, _changes),
    Aggregate: (_AGGREGATE, _aggregate),
    AggregateSet: (_AGGREGATE, _aggregates),
    ResultRow: (_RESULT, _result_row),
    ResultsReport: (_RESULT, _results),
}


def _kinds() -> str:
    return ", ".join(sorted(t.__name__ for t in _TABLES))


def columns(cls: type) -> tuple[str, ...]:
    """The column names, in order, of the rows :func:`rows` gives for ``cls``.

    Every row of a type has exactly these keys, in this order (a column
    without a value holds None); a column is never renamed or removed
    without a deprecation.

    >>> from score_core import Quote
    >>> from score_core.tables import columns
    >>> columns(Quote)[-3:]
    ('payer', 'amount', 'rule')

    Args:
        cls: A type :func:`rows` takes, such as ``Quote``, or
            ``Screening`` (whose rows are its results').

    Raises:
        InvalidTypeError: for a type without rows.
    """
    if cls is Screening:
        cls = EligibilityResult
    try:
        return _TABLES[cls][0]
    except (KeyError, TypeError):
        raise InvalidTypeError(
            f"no rows for {getattr(cls, '__name__', cls)!s}; rows are made of: "
            f"{_kinds()}"
        ) from None


def rows(value: object, *, numbers: Numbers = "text") -> Iterator[dict[str, Cell]]:
    """Flat rows of a result, one dict a row, lazily.

    ``pandas.DataFrame(rows(value))`` is the table of ``value``; so is
    ``csv.DictWriter(file, columns(type(value))).writerows(rows(value))``.
    Rows are made as they are asked for, so a screening of a registry
    streams through without being held.

    Args:
        value: A result (see the module's list), or an iterable of results
            of one type (their rows one after the other).
        numbers: ``"text"`` (exact text, the default), ``"decimal"`` or
            ``"float"``: how numbers held as ``Decimal`` are given.

    Raises:
        InvalidTypeError: for a value without rows, or an iterable that mixes
            types (when the row that holds it is reached).
        InvalidValueError: for an unknown ``numbers``.
    """
    if numbers not in ("text", "decimal", "float"):
        raise InvalidValueError(
            f"numbers must be 'text', 'decimal' or 'float', got {numbers!r}"
        )
    cells = _Cells(numbers)
    table = _TABLES.get(type(value))
    if table is not None:
        return table[1](value, cells)
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        return _many(iter(value), cells)
    raise InvalidTypeError(
        f"no rows for {type(value).__name__}; rows are made of: {_kinds()}, "
        f"or an iterable of them"
    )


def _many(items: Iterator[object], cells: _Cells) -> Iterator[_Row]:
    first: type | None = None
    for item in items:
        kind = type(item)
        table = _TABLES.get(kind)
        if table is None or (first is not None and kind is not first):
            expected = first.__name__ if first is not None else _kinds()
            raise InvalidTypeError(
                f"rows of an iterable take values of one type ({expected}), "
                f"got {kind.__name__}"
            )
        first = kind
        yield from table[1](item, cells)
