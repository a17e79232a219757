"""Readable text for the command line and the demo (no rules here, only layout)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from score_core.catalogue import Catalogue
from score_core.profiles import Profile, value_text


if TYPE_CHECKING:
    from score_core.eligibility import EligibilityResult
    from score_core.enterprises import Enterprise
    from score_core.findings import Report
    from score_core.monitoring import AggregateSet, IndicatorSet
    from score_core.pricing import Quote
    from score_core.visits import ModulePlan


#: Columns the command's text fits in: every line of the demo and of a
#: subcommand's tables is at most this wide (a terminal of 100 columns).
WIDTH = 100
#: The narrowest a table column is squeezed to before the table overflows.
MIN_COLUMN = 8


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    return sum(map(_columns, text))


def _chunks(word: str, size: int) -> list[str]:
    """``word`` cut into pieces of at most ``size`` columns (``size`` >= 2)."""
    chunks: list[str] = []
    start = used = 0
    for index, ch in enumerate(word):
        columns = _columns(ch)
        if used + columns > size:
            chunks.append(word[start:index])
            start, used = index, 0
        used += columns
    chunks.append(word[start:])
    return chunks


def wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` columns, broken between words.

    A word wider than a line (a long path, Chinese text without spaces) is
    cut where it reaches the edge. Runs of spaces become one.
    """
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in text.split():
        columns = width(word)
        if line and used + 1 + columns <= size:
            line.append(word)
            used += 1 + columns
            continue
        if line:
            lines.append(" ".join(line))
        if columns > size:
            *full, word = _chunks(word, max(size, 2))
            lines += full
            columns = width(word)
        line, used = [word], columns
    lines.append(" ".join(line))
    return lines


def fit(text: str, limit: int = WIDTH) -> str:
    """Every line of ``text`` made at most ``limit`` columns wide.

    A longer line is wrapped between words; its continuation lines are
    indented two spaces more than the line itself.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if width(line) <= limit:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        first, *rest = wrap(body, max(limit - len(indent) - 2, MIN_COLUMN))
        out.append(indent + first)
        out += [f"{indent}  {more}" for more in rest]
    return "\n".join(out)


def _longest_word(text: str) -> int:
    return max(map(width, text.split()), default=0)


def _squeeze(widths: list[int], floors: list[int], room: int) -> list[int]:
    """Column widths that add up to at most ``room``: the widest are capped.

    A column keeps its longest word whole (``floors``) when the table can
    still fit; otherwise words are cut, and no column goes below
    :data:`MIN_COLUMN` (the table is then wider than ``room``).
    """
    if sum(widths) <= room:
        return widths
    if sum(floors) > room:
        floors = [min(w, MIN_COLUMN) for w in widths]
        if sum(floors) > room:
            return floors

    def total(cap: int) -> int:
        return sum(max(f, min(w, cap)) for w, f in zip(widths, floors, strict=True))

    low, high = 0, max(widths)  # total(low) <= room < total(high)
    while high - low > 1:
        cap = (low + high) // 2
        low, high = (cap, high) if total(cap) <= room else (low, cap)
    return [max(f, min(w, low)) for w, f in zip(widths, floors, strict=True)]


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    indent: str = "",
    limit: int = WIDTH,
) -> str:
    """A plain-text table with aligned columns, at most ``limit`` columns wide.

    When the cells are too wide, the widest columns are narrowed and their
    cells wrapped onto more lines, between words where the words fit.
    """
    natural = [width(h) for h in headers]
    floors = [_longest_word(h) for h in headers]
    for row in rows:
        natural = [max(w, width(cell)) for w, cell in zip(natural, row, strict=True)]
        floors = [max(f, _longest_word(c)) for f, c in zip(floors, row, strict=True)]
    room = limit - width(indent) - 2 * (len(headers) - 1)
    widths = _squeeze(natural, floors, room)

    def lines(cells: Sequence[str]) -> list[str]:
        wrapped = [
            [cell] if width(cell) <= w else wrap(cell, w)
            for cell, w in zip(cells, widths, strict=True)
        ]
        depth = max(len(parts) for parts in wrapped)
        out = []
        for n in range(depth):
            parts = [p[n] if n < len(p) else "" for p in wrapped]
            line = "  ".join(
                part + " " * (w - width(part))
                for part, w in zip(parts, widths, strict=True)
            )
            out.append((indent + line).rstrip())
        return out

    rule = indent + "  ".join("-" * w for w in widths)
    body = [line for row in rows for line in lines(row)]
    return "\n".join([*lines(headers), rule, *body])


def catalogue_table(catalogue: Catalogue, indent: str = "") -> str:
    """One row per module: code, title, kind, classroom days, visits, prerequisites."""
    rows = []
    for m in catalogue:
        days: int | str | None = m.format.classroom_days
        if days is None and m.format.classroom_sessions:
            days = f"{m.format.classroom_sessions} sessions"
        visits = m.format.follow_up_visits
        rows.append(
            [
                m.code,
                m.title,
                m.kind.value,
                "?" if days is None else str(days),
                "?" if visits is None else str(visits),
                ", ".join(sorted(m.prerequisites)) or "-",
            ]
        )
    headers = ["code", "title", "kind", "days", "visits", "after"]
    return table(headers, rows, indent)


def profile_text(profile: Profile, indent: str = "") -> str:
    """A profile: its identity, then every parameter with its provenance."""
    head = [
        f"{indent}{profile.name}: {profile.title}",
        f"{indent}  country {profile.country or '-'}, phase {profile.phase or '-'}, "
        f"valid {profile.validity}"
        + (f", derived from {profile.parent}" if profile.parent else ""),
    ]
    if profile.institutions:
        head.append(f"{indent}  institutions: {'; '.join(profile.institutions)}")
    rows = [
        [name, value_text(value), str(provenance)]
        for name, value, provenance in profile.parameters()
    ]
    return fit(
        "\n".join(head)
        + "\n"
        + table(["parameter", "value", "where it comes from"], rows, indent + "  ")
    )


def profiles_table(profiles: Sequence[Profile]) -> str:
    """One row per profile."""
    rows = [
        [p.name, p.title, p.country or "-", str(p.employees), p.currency, p.validity]
        for p in profiles
    ]
    return table(["name", "title", "country", "employees", "currency", "valid"], rows)


def eligibility_table(
    enterprises: Sequence[Enterprise],
    results: Sequence[EligibilityResult],
    indent: str = "",
) -> str:
    """One row per enterprise: id, name, headcount, status and reasons."""
    rows = [
        [
            e.id,
            e.name,
            "unknown" if e.headcount is None else str(e.headcount),
            r.status.value,
            "; ".join(v.message for v in r.violations) or "-",
        ]
        for e, r in zip(enterprises, results, strict=True)
    ]
    return table(["id", "name", "headcount", "status", "why"], rows, indent)


def report_table(report: Report, indent: str = "") -> str:
    """One row per finding: severity, code, where, message (or ``no findings``)."""
    if not report.violations:
        return f"{indent}no findings"
    rows = [[v.severity.value, v.code, v.path_str, v.message] for v in report]
    return table(["severity", "code", "where", "message"], rows, indent)


def plan_text(plan: ModulePlan, indent: str = "") -> str:
    """A plan's classroom days, then one row per visit, in date order."""
    days = ", ".join(f"{d.isoformat()} {d:%a}" for d in plan.classroom)
    visits = sorted(
        ((v, cycle.enterprise) for cycle in plan.cycles for v in cycle.visits),
        key=lambda pair: (pair[0].on, pair[1], pair[0].number),
    )
    lines = [
        f"{indent}plan {plan.id}: module {plan.module}, profile {plan.profile}, "
        f"calendar {plan.calendar} ({plan.calendar_source})",
        f"{indent}classroom: {days}; follow-up visits until {plan.window_end}",
    ]
    body = [
        [
            f"{v.on.isoformat()} {v.on:%a}",
            enterprise,
            v.label,
            "" if v.nominal is None else f"from {v.nominal.isoformat()}",
        ]
        for v, enterprise in visits
    ]
    lines.append(table(["day", "enterprise", "visit", "moved"], body, indent))
    return fit("\n".join(lines))


def quote_text(quote: Quote, indent: str = "") -> str:
    """A quote as an invoice table: one row per enterprise, then the totals."""
    from score_core.pricing import Payer

    payers = [p for p in Payer if quote.by_payer[p].amount]
    headers = ["enterprise", "people", "full cost", *(p.value for p in payers)]
    rows = [
        [
            invoice.enterprise,
            str(invoice.participants),
            invoice.full_cost.format_amount(),
            *(invoice.paid_by(p).format_amount() for p in payers),
        ]
        for invoice in quote.invoices
    ]
    rows.append(
        [
            "total",
            str(sum(i.participants for i in quote.invoices)),
            quote.total.format_amount(),
            *(quote.by_payer[p].format_amount() for p in payers),
        ]
    )
    target = "none" if quote.target is None else f"{quote.target:.0%}"
    lines = [
        f"{indent}quote for workshop {quote.workshop}: module {quote.module} on "
        f"{quote.on}, {quote.currency}; cost model {quote.cost_model}, policy "
        f"{quote.policy}, profile {quote.profile}",
        table(headers, rows, indent),
        f"{indent}coverage (not paid by the donor): {quote.coverage:.1%}; target: "
        f"{target}; cost recovery (fees, sponsors, government): "
        f"{quote.recovery:.1%}",
    ]
    return fit("\n".join(lines))


def aggregates_table(
    found: AggregateSet, indicators: IndicatorSet, indent: str = ""
) -> str:
    """One row per indicator: n, median change, hinges, relative, improved, by sex.

    The ``better`` column says which way is better (``lower`` for defects).
    """
    if not found.aggregates:
        return f"{indent}no results: no enterprise has a baseline and a later value"
    rows = []
    for item in found.aggregates:
        indicator = indicators[item.indicator]
        relative = (
            "-" if item.median_relative is None else f"{item.median_relative:+.1%}"
        )
        sexes = (
            "-"
            if item.women is None or item.men is None
            else f"women {item.women:+}, men {item.men:+}"
        )
        rows.append(
            [
                item.indicator,
                item.unit,
                indicator.direction.value,
                str(item.n),
                f"{item.median:+}",
                f"{item.lower_quartile:+} to {item.upper_quartile:+}",
                relative,
                f"{item.improved}/{item.n}",
                sexes,
            ]
        )
    headers = [
        "indicator",
        "unit",
        "better",
        "n",
        "median change",
        "quartiles",
        "relative",
        "improved",
        "by sex",
    ]
    return table(headers, rows, indent)
