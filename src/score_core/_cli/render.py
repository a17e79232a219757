"""Readable text for the command line and the demo (no rules here, only layout)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from score_core.catalogue import Catalogue
from score_core.i18n import Language, _pattern, _said, language
from score_core.money import Money
from score_core.parameters import Timeline
from score_core.people import Gender, Role
from score_core.profiles import (
    Band,
    CoverageTarget,
    DelegationRule,
    Profile,
    value_text,
)
from score_core.workshops import Workshop, workshop_statistics


if TYPE_CHECKING:
    from score_core.eligibility import EligibilityResult, ScreeningSummary
    from score_core.enterprises import Enterprise
    from score_core.findings import Report
    from score_core.monitoring import AggregateSet, IndicatorSet
    from score_core.pricing import Quote
    from score_core.profiles import Provenance
    from score_core.visits import ModulePlan


#: Columns the command's text fits in: every line of the demo and of a
#: subcommand's tables is at most this wide (a terminal of 100 columns).
WIDTH = 100
#: The narrowest a table column is squeezed to before the table overflows.
MIN_COLUMN = 8


def N_(text: str) -> str:  # noqa: N802 - gettext's name for a deferred text
    """Mark a text for the catalog; it is translated where it is shown."""
    return text


#: A profile's values in words, as :func:`value_text` writes them in English.
BAND = N_("{minimum} to {maximum}")
EXACTLY = N_("exactly {managers} managers and {workers} workers")
AT_LEAST = N_("at least {managers} managers and {workers} workers")
_VALUE_WORDS = tuple(
    (_pattern(t), t) for t in (BAND, EXACTLY, AT_LEAST, N_("yes"), N_("no"))
)


def _columns(ch: str) -> int:
    if "\ud800" <= ch <= "\udfff":
        # A lone surrogate (from a name read from JSON) is written as its
        # backslash escape, \udc80: six columns.
        return 6
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def words(lang: Language | None) -> Language:
    """The language to write in: English when none is given."""
    return language(None) if lang is None else lang


def period(lang: Language, start: date | None, end: date | None) -> str:
    """A period in words (``from 2013-01-01 to 2017-12-31``, ``always``...)."""
    _ = lang.gettext
    if start is None and end is None:
        return _("always")
    if start is None:
        return _("until {end}").format(end=lang.date(end))  # type: ignore[arg-type]
    if end is None:
        return _("from {start}").format(start=lang.date(start))
    return _("from {start} to {end}").format(start=lang.date(start), end=lang.date(end))


def head_counts(workshop: Workshop) -> dict[str, int]:
    """A workshop's enterprises and participants, for a sentence's placeholders."""
    stats = workshop_statistics(workshop)
    return {
        "enterprises": len(workshop.delegations),
        "participants": stats.total(),
        "managers": stats.total(role=Role.MANAGER),
        "workers": stats.total(role=Role.WORKER),
        "women": stats.total(gender=Gender.FEMALE),
        "men": stats.total(gender=Gender.MALE),
    }


def day_text(lang: Language, day: date) -> str:
    """A day with its day of the week (``2015-04-08 Wed``)."""
    return f"{lang.date(day)} {lang.date(day, style='EEE')}"


def visit_label(lang: Language, number: int) -> str:
    """``intake visit`` (number 0) or ``follow-up visit n``."""
    _ = lang.gettext
    if number == 0:
        return _("intake visit")
    return _("follow-up visit {n}").format(n=number)


def amount(lang: Language, money: Money) -> str:
    """An amount in a table whose currency is said above it (``3076.92``)."""
    if lang.catalog is None:
        return money.format_amount()
    return lang.number(money.amount)


def summary_text(summary: ScreeningSummary, lang: Language | None = None) -> str:
    """A screening's counts: ``5 screened: eligible 1, ...``."""
    lang = words(lang)
    _ = lang.gettext
    head = _(", ").join(
        f"{lang.token('status', s.value)} {n}" for s, n in summary.by_status.items()
    )
    reasons = _("; ").join(f"{code} {n}" for code, n in summary.by_code.items())
    text = _("{total} screened: {counts}").format(total=summary.total, counts=head)
    if reasons:
        text += " " + _("(reasons: {reasons})").format(reasons=reasons)
    return text


def explain_text(result: EligibilityResult, lang: Language | None = None) -> str:
    """A decision rule by rule, with its findings and the parameters it used."""
    lang = words(lang)
    _ = lang.gettext
    lines = []
    for check in result.checks:
        observed = "" if check.observed is None else f" ({lang.value(check.observed)})"
        outcome = lang.token("outcome", check.outcome.value)
        lines.append(f"  {check.rule}: {outcome}{observed}")
    lines += [
        f"  - {lang.token('severity', v.severity.value)}: {lang.message(v)} [{v.code}]"
        for v in result.violations
    ]
    lines += [
        "  "
        + _("using {name} = {value} ({source})").format(
            name=p.name,
            value=used_value(lang, p.value),
            source=provenance_text(lang, p.provenance),
        )
        for p in result.parameters
    ]
    return "\n".join(lines)


def used_value(lang: Language, text: str) -> str:
    """A value a decision used, as :func:`value_text` wrote it, in a language."""
    said = _said(lang, text, _VALUE_WORDS)
    return lang.value(text) if said == text else said


def provenance_text(lang: Language, provenance: Provenance) -> str:
    """Where a value comes from (``source BJ-II: SCORE China.``)."""
    if lang.catalog is None:
        return str(provenance)
    _ = lang.gettext
    if provenance.source is None:
        text = lang.token("basis", provenance.basis.value)
    elif provenance.basis.value == "carried":
        text = _("carried forward, source {source}").format(source=provenance.source)
    else:
        text = _("source {source}").format(source=provenance.source)
    note = lang.pgettext("note", provenance.note) if provenance.note else ""
    return f"{text}: {note}" if note else text


def value_words(lang: Language, value: object) -> str:
    """A profile parameter's value in a language (:func:`value_text` in English)."""
    if lang.catalog is None:
        return value_text(value)
    _ = lang.gettext
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return lang.date(value)
    if isinstance(value, Band):
        return _(BAND).format(minimum=value.minimum, maximum=value.maximum)
    if isinstance(value, DelegationRule):
        words = _(EXACTLY) if value.exact else _(AT_LEAST)
        return words.format(managers=value.managers, workers=value.workers)
    if isinstance(value, Timeline):
        return "; ".join(
            f"{_coverage_words(lang, e.value)} {period(lang, e.start, e.end)}"
            for e in value.entries
        )
    return value_text(value)


def _coverage_words(lang: Language, target: CoverageTarget) -> str:
    if target.module1 == target.later_modules:
        return lang.percent(target.module1)
    _ = lang.gettext
    return _("M1 {module1}, later {later}").format(
        module1=lang.percent(target.module1), later=lang.percent(target.later_modules)
    )


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


#: Punctuation that may not begin a line (kept on the piece before it):
#: Chinese full stops, commas, colons, closing brackets and quotes; and that
#: may not end one (kept on the piece after it): opening brackets and quotes.
_CLOSING = frozenset(
    "\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u300b\u3009\u3011\u3015\u201d\u2019\u2026"
    ",.;:!?)]}"
)
_OPENING = tuple("\uff08\u300c\u300e\u300a\u3008\u3010\u3014\u201c\u2018")


def _pieces(word: str) -> list[str]:
    """The pieces a line may break between within a word.

    A run of Latin letters, digits and signs (``LC_MESSAGES``, ``M1``,
    ``$.periods[1]``) is one piece; text without spaces (Chinese) breaks
    between its wide characters, but not before closing punctuation nor
    after opening punctuation.
    """
    if word.isascii():
        return [word]
    pieces: list[str] = []
    current = ""
    for ch in word:
        if (
            current
            and ch not in _CLOSING
            and not current.endswith(_OPENING)
            and (_columns(ch) == 2 or _columns(current[-1]) == 2)
        ):
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces


def wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` columns, broken between words.

    Text without spaces (Chinese) also breaks between its characters, never
    inside a run of Latin letters and digits, nor before closing
    punctuation. A piece wider than a line (a long path) is cut where it
    reaches the edge. Runs of spaces become one.
    """
    lines: list[str] = []
    line = ""
    used = 0
    for word in text.split():
        for k, piece in enumerate(_pieces(word)):
            gap = 1 if k == 0 and line else 0
            columns = width(piece)
            if line and used + gap + columns <= size:
                line += " " * gap + piece
                used += gap + columns
                continue
            if line:
                lines.append(line)
            if columns > size:
                *full, piece = _chunks(piece, max(size, 2))
                lines += full
                columns = width(piece)
            line, used = piece, columns
    lines.append(line)
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
    *,
    numbers_from: int | None = None,
) -> str:
    """A plain-text table with aligned columns, at most ``limit`` columns wide.

    When the cells are too wide, the widest columns are narrowed and their
    cells wrapped onto more lines, between words where the words fit. The
    columns from ``numbers_from`` on hold numbers and are aligned right, so
    that their decimal signs line up.
    """
    right = len(headers) if numbers_from is None else numbers_from
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
                " " * (w - width(part)) + part
                if k >= right
                else part + " " * (w - width(part))
                for k, (part, w) in enumerate(zip(parts, widths, strict=True))
            )
            out.append((indent + line).rstrip())
        return out

    rule = indent + "  ".join("-" * w for w in widths)
    body = [line for row in rows for line in lines(row)]
    return "\n".join([*lines(headers), rule, *body])


def catalogue_table(
    catalogue: Catalogue, indent: str = "", lang: Language | None = None
) -> str:
    """One row per module: code, title, kind, classroom days, visits, prerequisites."""
    lang = words(lang)
    _ = lang.gettext
    rows = []
    for m in catalogue:
        days: int | str | None = m.format.classroom_days
        if days is None and m.format.classroom_sessions:
            days = _("{n} sessions").format(n=m.format.classroom_sessions)
        visits = m.format.follow_up_visits
        rows.append(
            [
                m.code,
                lang.pgettext("module", m.title),
                lang.token("kind", m.kind.value),
                "?" if days is None else str(days),
                "?" if visits is None else str(visits),
                ", ".join(sorted(m.prerequisites)) or "-",
            ]
        )
    headers = [_("code"), _("title"), _("kind"), _("days"), _("visits"), _("after")]
    return table(headers, rows, indent)


def profile_text(
    profile: Profile, indent: str = "", lang: Language | None = None
) -> str:
    """A profile: its identity, then every parameter with its provenance."""
    lang = words(lang)
    _ = lang.gettext
    identity = (
        _("country {country}, phase {phase}, valid {validity}")
        if profile.phase
        else _("country {country}, valid {validity}")
    ).format(
        country=profile.country or "-",
        phase=profile.phase,
        validity=period(lang, profile.valid_from, profile.valid_to),
    )
    if profile.parent:
        identity += _(", derived from {parent}").format(parent=profile.parent)
    title = lang.pgettext("title", profile.title)
    head = [f"{indent}{profile.name}: {title}", f"{indent}  {identity}"]
    if profile.institutions:
        head.append(
            f"{indent}  "
            + _("institutions: {names}").format(names="; ".join(profile.institutions))
        )
    rows = [
        [name, value_words(lang, value), provenance_text(lang, provenance)]
        for name, value, provenance in profile.parameters()
    ]
    headers = [_("parameter"), _("value"), _("where it comes from")]
    return fit("\n".join(head) + "\n" + table(headers, rows, indent + "  "))


def profiles_table(profiles: Sequence[Profile], lang: Language | None = None) -> str:
    """One row per profile."""
    lang = words(lang)
    _ = lang.gettext
    rows = [
        [
            p.name,
            lang.pgettext("title", p.title),
            p.country or "-",
            value_words(lang, p.employees),
            p.currency,
            period(lang, p.valid_from, p.valid_to),
        ]
        for p in profiles
    ]
    headers = [
        _("name"),
        _("title"),
        _("country"),
        _("employees"),
        _("currency"),
        _("valid"),
    ]
    return table(headers, rows)


def eligibility_table(
    enterprises: Sequence[Enterprise],
    results: Sequence[EligibilityResult],
    indent: str = "",
    lang: Language | None = None,
) -> str:
    """One row per enterprise: id, name, headcount, status and reasons."""
    lang = words(lang)
    _ = lang.gettext
    separator = _("; ")
    rows = [
        [
            e.id,
            e.name,
            _("unknown") if e.headcount is None else str(e.headcount),
            lang.token("status", r.status.value),
            separator.join(lang.message(v) for v in r.violations) or "-",
        ]
        for e, r in zip(enterprises, results, strict=True)
    ]
    headers = [_("id"), _("name"), _("headcount"), _("status"), _("why")]
    return table(headers, rows, indent)


def report_table(report: Report, indent: str = "", lang: Language | None = None) -> str:
    """One row per finding: severity, code, where, message (or ``no findings``)."""
    lang = words(lang)
    _ = lang.gettext
    if not report.violations:
        return f"{indent}{_('no findings')}"
    rows = [
        [lang.token("severity", v.severity.value), v.code, v.path_str, lang.message(v)]
        for v in report
    ]
    return table([_("severity"), _("code"), _("where"), _("message")], rows, indent)


def plan_text(plan: ModulePlan, indent: str = "", lang: Language | None = None) -> str:
    """A plan's classroom days, then one row per visit, in date order."""
    lang = words(lang)
    _ = lang.gettext
    days = _(", ").join(day_text(lang, d) for d in plan.classroom)
    visits = sorted(
        ((v, cycle.enterprise) for cycle in plan.cycles for v in cycle.visits),
        key=lambda pair: (pair[0].on, pair[1], pair[0].number),
    )
    lines = [
        indent
        + _(
            "plan {plan}: module {module}, profile {profile}, calendar {calendar} "
            "({source})"
        ).format(
            plan=plan.id,
            module=plan.module,
            profile=plan.profile,
            calendar=plan.calendar,
            source=plan.calendar_source,
        ),
        indent
        + _("classroom: {days}; follow-up visits until {end}").format(
            days=days, end=lang.date(plan.window_end)
        ),
    ]
    body = [
        [
            day_text(lang, v.on),
            enterprise,
            visit_label(lang, v.number),
            ""
            if v.nominal is None
            else _("from {day}").format(day=lang.date(v.nominal)),
        ]
        for v, enterprise in visits
    ]
    headers = [_("day"), _("enterprise"), _("visit"), _("moved")]
    lines.append(table(headers, body, indent))
    return fit("\n".join(lines))


def quote_text(quote: Quote, indent: str = "", lang: Language | None = None) -> str:
    """A quote as an invoice table: one row per enterprise, then the totals."""
    from score_core.pricing import Payer

    lang = words(lang)
    _ = lang.gettext
    payers = [p for p in Payer if quote.by_payer[p].amount]
    headers = [
        _("enterprise"),
        _("people"),
        _("full cost"),
        *(lang.token("payer", p.value) for p in payers),
    ]
    rows = [
        [
            invoice.enterprise,
            str(invoice.participants),
            amount(lang, invoice.full_cost),
            *(amount(lang, invoice.paid_by(p)) for p in payers),
        ]
        for invoice in quote.invoices
    ]
    rows.append(
        [
            _("total"),
            str(sum(i.participants for i in quote.invoices)),
            amount(lang, quote.total),
            *(amount(lang, quote.by_payer[p]) for p in payers),
        ]
    )
    target = _("none") if quote.target is None else lang.percent(quote.target)
    lines = [
        indent
        + _(
            "quote for workshop {workshop}: module {module} on {on}, {currency}; "
            "cost model {cost_model}, policy {policy}, profile {profile}"
        ).format(
            workshop=quote.workshop,
            module=quote.module,
            on=lang.date(quote.on),
            currency=quote.currency,
            cost_model=quote.cost_model,
            policy=quote.policy,
            profile=quote.profile,
        ),
        table(headers, rows, indent, numbers_from=1),
        indent
        + _(
            "coverage (not paid by the donor): {coverage}; target: {target}; "
            "cost recovery (fees, sponsors, government): {recovery}"
        ).format(
            coverage=lang.percent(quote.coverage, 1),
            target=target,
            recovery=lang.percent(quote.recovery, 1),
        ),
    ]
    return fit("\n".join(lines))


def aggregates_table(
    found: AggregateSet,
    indicators: IndicatorSet,
    indent: str = "",
    lang: Language | None = None,
) -> str:
    """One row per indicator: n, median change, hinges, relative, improved, by sex.

    The ``better`` column says which way is better (``lower`` for defects).
    """
    lang = words(lang)
    _ = lang.gettext
    if not found.aggregates:
        return indent + _("no results: no enterprise has a baseline and a later value")
    rows = []
    for item in found.aggregates:
        indicator = indicators[item.indicator]
        relative = (
            "-"
            if item.median_relative is None
            else lang.percent(item.median_relative, 1, sign=True)
        )
        sexes = (
            "-"
            if item.women is None or item.men is None
            else _("women {women}, men {men}").format(
                women=_signed(lang, item.women), men=_signed(lang, item.men)
            )
        )
        rows.append(
            [
                item.indicator,
                lang.token("unit", item.unit),
                lang.token("direction", indicator.direction.value),
                str(item.n),
                _signed(lang, item.median),
                _("{low} to {high}").format(
                    low=_signed(lang, item.lower_quartile),
                    high=_signed(lang, item.upper_quartile),
                ),
                relative,
                f"{item.improved}/{item.n}",
                sexes,
            ]
        )
    headers = [
        _("indicator"),
        _("unit"),
        _("better"),
        "n",
        _("median change"),
        _("quartiles"),
        _("relative"),
        _("improved"),
        _("by sex"),
    ]
    return table(headers, rows, indent)


def _signed(lang: Language, value: Decimal) -> str:
    return lang.number(value, sign=True)
