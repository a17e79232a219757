"""The docs' figures, drawn on every build from the library's own worked examples.

``docs/conf.py`` calls :func:`write_figures` before Sphinx reads the pages, as
it writes the generated reference pages, so a figure changes when the rules
do. Each figure is drawn from an example the docs or the demo already show:

- ``plan-national-day.png``: the plan of the how-to *Schedule visits in China
  with real holidays* (section 4: five enterprises, one trainer, around the
  National Day week of 2026), on China's calendar with its public holidays
  and make-up working days;
- ``phase-down-coverage.png``: the three-year portfolio of the how-to *Price a
  module and check a phase-down plan*, who pays each year's cost and the
  coverage against the profile's target;
- ``results-by-sex.png``: the results section of ``score-core demo``:
  each enterprise's change from its own baseline, accidents among women and
  among men.

The how-tos' examples are run here as the doctests run them (their code
blocks in order), and the figure is drawn from the names they define, so the
figures cannot drift from the pages they illustrate.

matplotlib is a docs dependency (the ``dev`` extra), drawn with its headless
Agg backend; score_core never imports it, nor this module.
"""

from __future__ import annotations

import contextlib
import doctest
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib


matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from score_core import aggregate, changes
from score_core._cli.demo import results_measurements
from score_core.pricing import NOT_COVERAGE, Payer
from score_core.visits import VisitKind


DOCS = Path(__file__).parent
DPI = 110

#: Colours that read in print and for the common colour blindnesses
#: (the Okabe-Ito palette).
HOLIDAY = "#D55E00"
MAKE_UP = "#009E73"
WEEKEND = "#DDDDDD"
INTAKE = "#0072B2"
CLASSROOM = "#E69F00"
FOLLOW_UP = "#56B4E9"
WOMEN = "#CC79A7"
MEN = "#0072B2"
PAYER_COLOURS = {
    Payer.IN_KIND: "#999999",
    Payer.ENTERPRISE: "#0072B2",
    Payer.SPONSOR: "#56B4E9",
    Payer.GOVERNMENT: "#009E73",
    Payer.INSTITUTION: "#F0E442",
    Payer.DONOR: "#E69F00",
    Payer.UNFUNDED: "#D55E00",
}


def page_namespace(page: str) -> dict[str, Any]:
    """The names a docs page's examples define, run in order as doctest runs them."""
    text = (DOCS / page).read_text(encoding="utf-8")
    namespace: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for example in doctest.DocTestParser().get_examples(text, page):
            exec(compile(example.source, page, "single"), namespace)  # noqa: S102
    return namespace


# -- a plan on China's calendar ---------------------------------------------------
def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _shade_calendar(axes: Any, calendar: Any, first: date, last: date) -> None:
    for day in _days(first, last):
        if day in calendar.holidays:
            colour, alpha = HOLIDAY, 0.35
        elif day in calendar.workdays:
            colour, alpha = MAKE_UP, 0.45
        elif day.weekday() >= 5:
            colour, alpha = WEEKEND, 0.6
        else:
            continue
        axes.axvspan(day, day + timedelta(days=1), color=colour, alpha=alpha, lw=0)


def plan_figure() -> tuple[Figure, str]:
    """The how-to's National Day plan on China's 2026 calendar, and its alt text."""
    names = page_namespace("howto/schedule-visits-china.md")
    plan, calendar = names["plan"], names["china"]
    visits = [(c.enterprise, v) for c in plan.cycles for v in c.visits]
    first = min(v.on for _, v in visits) - timedelta(days=7)
    last = max(v.on for _, v in visits) + timedelta(days=7)
    rows = [c.enterprise for c in plan.cycles]
    figure, axes = plt.subplots(figsize=(10, 3.6), dpi=DPI, layout="constrained")
    _shade_calendar(axes, calendar, first, last)
    for day in plan.classroom:
        axes.axvspan(day, day + timedelta(days=1), color=CLASSROOM, alpha=0.9, lw=0)
    style = {VisitKind.INTAKE: ("^", INTAKE), VisitKind.FOLLOW_UP: ("o", FOLLOW_UP)}
    for enterprise, visit in visits:
        marker, colour = style[visit.kind]
        y = rows.index(enterprise)
        middle = visit.on + timedelta(hours=12)
        axes.plot(middle, y, marker=marker, color=colour, ms=8, mec="black", mew=0.6)
        if visit.nominal is not None:  # rolled off a day off
            start = visit.nominal + timedelta(hours=12)
            axes.annotate(
                "",
                xy=(middle, y),
                xytext=(start, y),
                arrowprops={"arrowstyle": "->", "color": "black", "lw": 0.8},
            )
    axes.set_yticks(range(len(rows)), rows)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlim(first, last)
    axes.xaxis.set_major_locator(mdates.MonthLocator())
    axes.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    axes.grid(axis="x", which="minor", color="#BBBBBB", lw=0.3)
    axes.set_title(
        f"Module {plan.module} for workshop {plan.id} on China's calendar "
        f"({calendar.name}), profile {plan.profile}"
    )
    legend = [
        Patch(color=HOLIDAY, alpha=0.35, label="public holiday"),
        Patch(color=MAKE_UP, alpha=0.45, label="make-up working day"),
        Patch(color=WEEKEND, alpha=0.6, label="weekend"),
        Patch(color=CLASSROOM, label="classroom days"),
        axes.plot([], [], "^", color=INTAKE, mec="black", label="intake visit")[0],
        axes.plot([], [], "o", color=FOLLOW_UP, mec="black", label="follow-up visit")[
            0
        ],
    ]
    axes.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=6)
    holidays = sorted(d for d in calendar.holidays if first <= d <= last)
    make_up = sorted(d for d in calendar.workdays if first <= d <= last)
    off = [v.on for _, v in visits if not calendar.is_working_day(v.on)]
    worked = (
        "Every visit falls on a working day."
        if not off
        else f"Visits on days off: {_list(off)}."
    )
    alt = (
        f"A timeline from {first:%d %B %Y} to {last:%d %B %Y}, one row for each of "
        f"the {len(rows)} enterprises of workshop {plan.id}. Intake visits fall on "
        f"{_list(v.on for _, v in visits if v.kind is VisitKind.INTAKE)}; the "
        f"classroom days are {_list(plan.classroom)}; follow-up visits run until "
        f"{max(v.on for _, v in visits):%d %B %Y}. Public holidays in the span: "
        f"{_list(holidays)}. Make-up working days: {_list(make_up)}. {worked}"
    )
    return figure, alt


def _list(days: Any) -> str:
    text = [f"{d:%d %b}" for d in sorted(set(days))]
    return ", ".join(text) if text else "none"


# -- a phase-down's coverage by year ------------------------------------------------
def coverage_figure() -> tuple[Figure, str]:
    """The how-to's phase-down portfolio: payers' shares and coverage by year."""
    names = page_namespace("howto/price-and-phase-down.md")
    book, quotes = names["book"], names["quotes"]
    years = list(book.years())
    payers = [
        p for p in Payer if any(book.total(year=y, payer=p).amount for y in years)
    ]
    figure, axes = plt.subplots(figsize=(8, 4.2), dpi=DPI, layout="constrained")
    bottom = [0.0] * len(years)
    for payer in payers:
        shares = [
            float(book.total(year=y, payer=payer).amount / book.total(year=y).amount)
            for y in years
        ]
        axes.bar(
            range(len(years)),
            shares,
            bottom=bottom,
            color=PAYER_COLOURS[payer],
            edgecolor="black",
            lw=0.5,
            label=payer.value,
            hatch="//" if payer in NOT_COVERAGE else None,
        )
        bottom = [b + s for b, s in zip(bottom, shares, strict=True)]
    coverage = [float(book.coverage(year=y)) for y in years]
    targets = [
        max(float(q.target) for q in quotes if q.on.year == y and q.target is not None)
        for y in years
    ]
    for n, (share, target) in enumerate(zip(coverage, targets, strict=True)):
        axes.hlines(target, n - 0.45, n + 0.45, colors="black", linestyles="--", lw=1.5)
        axes.annotate(
            f"coverage {share:.0%}",
            (n, share),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            fontsize=9,
            fontweight="bold",
            bbox={"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.9},
        )
    axes.plot([], [], "k--", label="coverage target")
    axes.set_xticks(range(len(years)), [str(y) for y in years])
    axes.set_ylim(0, 1)
    axes.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes.set_ylabel("share of the year's full cost")
    axes.set_title(f"Policy {quotes[0].policy}: who pays, year by year")
    axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    alt = (
        "Stacked bars of each year's full cost by payer, "
        + "; ".join(
            f"{y}: coverage {c:.0%} against a target of {t:.0%}"
            for y, c, t in zip(years, coverage, targets, strict=True)
        )
        + ". Coverage counts what is not paid by the donor and not left unfunded; "
        "it rises as the donor's share falls."
    )
    return figure, alt


# -- results from baseline, by sex ----------------------------------------------------
def results_figure() -> tuple[Figure, str]:
    """The demo's results: each enterprise's change from its baseline, by sex."""
    items = results_measurements()
    found = changes(items).changes
    summary = aggregate(changes(items))
    figure, (defects, accidents) = plt.subplots(
        1, 2, figsize=(10, 3.8), dpi=DPI, layout="constrained"
    )
    rates = sorted((c for c in found if c.indicator == "defect_rate"), key=_firm)
    for n, change in enumerate(rates):
        defects.plot([n, n], [change.baseline, change.latest], color="#777777", lw=1)
        defects.plot(n, change.baseline, "o", color="white", mec="black", ms=7)
        defects.plot(n, change.latest, "o", color=INTAKE, mec="black", ms=7)
    defects.plot([], [], "o", color="white", mec="black", label="baseline, 2 March")
    defects.plot([], [], "o", color=INTAKE, mec="black", label="third visit, 15 June")
    defects.set_xticks(range(len(rates)), [c.enterprise for c in rates])
    defects.set_ylabel("defect rate (percent)")
    median = summary["defect_rate"].median
    defects.set_title(f"Defect rate: median change {median:+} points")
    defects.legend(fontsize=8)
    hurt = sorted((c for c in found if c.indicator == "accidents"), key=_firm)
    xs = range(len(hurt))
    drawn = [0.0]
    for offset, sex, colour in ((-0.2, "women", WOMEN), (0.2, "men", MEN)):
        values = [float(getattr(c, sex)) for c in hurt]
        drawn += values
        accidents.bar(
            [x + offset for x in xs], values, 0.4, color=colour, label=sex, ec="black"
        )
    accidents.axhline(0, color="black", lw=0.8)
    accidents.set_ylim(min(drawn) - 0.5, max(drawn) + 0.5)
    accidents.set_xticks(list(xs), [c.enterprise for c in hurt])
    accidents.set_ylabel("change in injured workers")
    accidents.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    totals = summary["accidents"]
    accidents.set_title(
        f"Accidents by sex: median change women {totals.women:+}, men {totals.men:+}"
    )
    accidents.legend(fontsize=8)
    figure.suptitle("Changes from each enterprise's own baseline (score-core demo)")
    alt = (
        "Two charts of five Chongqing enterprises. Left, the defect rate at the "
        "baseline and at the third follow-up visit: "
        + "; ".join(f"{c.enterprise} {c.baseline} to {c.latest}" for c in rates)
        + f" percent (median change {median:+}). Right, the change in injured "
        "workers from the baseline, among women and among men: "
        + "; ".join(f"{c.enterprise} women {c.women:+}, men {c.men:+}" for c in hurt)
        + "."
    )
    return figure, alt


def _firm(change: Any) -> str:
    return str(change.enterprise)


#: Each figure: its file, how it is drawn, and its caption.
FIGURES: dict[str, tuple[Callable[[], tuple[Figure, str]], str]] = {
    "plan-national-day.png": (
        plan_figure,
        "The plan of section 4, drawn from the example above on every build: "
        "intake visits before the National Day week, the classroom days after it, "
        "follow-up visits on working days only.",
    ),
    "phase-down-coverage.png": (
        coverage_figure,
        "The portfolio `book` of section 3, drawn from the example above on every "
        "build: each year's full cost by payer, the coverage (all but the donor "
        "and the unfunded part) and the profile's target.",
    ),
    "results-by-sex.png": (
        results_figure,
        "The results of `score-core demo`, drawn from its measurements "
        "on every build: changes from each enterprise's own baseline, and "
        "accidents among women and among men.",
    ),
}


def write_figures(folder: Path) -> dict[Path, str]:
    """Draw every figure into ``folder``; returns each image's path and alt text.

    Beside each image ``name.png`` goes ``name.md``, a MyST figure with its
    alt text and caption, which the pages include; the alt text says what
    the figure shows in words, from the same data.
    """
    folder.mkdir(parents=True, exist_ok=True)
    # An image path from the docs' root reads the same from any page.
    try:
        where = "/" + folder.resolve().relative_to(DOCS.resolve()).as_posix() + "/"
    except ValueError:  # outside the docs (the tests' folder): beside the snippet
        where = ""
    written = {}
    for filename, (draw, caption) in FIGURES.items():
        figure, alt = draw()
        path = folder / filename
        # No software version in the file: the same rules, the same bytes.
        figure.savefig(path, metadata={"Software": None})
        plt.close(figure)
        snippet = (
            f"```{{figure}} {where}{filename}\n"
            f":alt: {alt}\n"
            f":name: figure-{path.stem}\n\n"
            f"{caption}\n```\n"
        )
        path.with_suffix(".md").write_text(snippet, encoding="utf-8")
        written[path] = alt
    return written
