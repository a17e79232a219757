"""The docs' figures: drawn from the worked examples, with alt text, included."""

import importlib.util
from pathlib import Path

import pytest


DOCS = Path(__file__).parents[1] / "docs"


@pytest.fixture(scope="module")
def figures():
    spec = importlib.util.spec_from_file_location("docs_figures", DOCS / "figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def drawn(figures, tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures")
    return folder, figures.write_figures(folder)


def test_every_figure_is_a_png_with_a_figure_snippet(figures, drawn):
    _, written = drawn
    assert sorted(p.name for p in written) == sorted(figures.FIGURES)
    for path, alt in written.items():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 10_000  # something was drawn
        snippet = path.with_suffix(".md").read_text(encoding="utf-8")
        assert snippet.startswith(f"```{{figure}} {path.name}\n:alt: {alt}\n")
        assert len(alt) > 100


def test_matplotlib_draws_headless(figures):
    import matplotlib

    assert matplotlib.get_backend().lower() == "agg"


def test_the_plan_figure_is_the_how_tos_plan(figures, drawn):
    _, written = drawn
    alt = written[next(p for p in written if p.name == "plan-national-day.png")]
    names = figures.page_namespace("howto/schedule-visits-china.md")
    plan, china = names["plan"], names["china"]
    assert f"workshop {plan.id}" in alt
    for day in plan.classroom:
        assert f"{day:%d %b}" in alt
    # The holidays and make-up days of the plan's months are named.
    for day in china.workdays:
        if plan.classroom[0].month - 1 <= day.month <= plan.classroom[0].month:
            assert f"{day:%d %b}" in alt
    visits = [v.on for c in plan.cycles for v in c.visits]
    worked = all(china.is_working_day(d) for d in visits)
    assert ("Every visit falls on a working day." in alt) is worked


def test_the_coverage_figure_is_the_how_tos_portfolio(figures, drawn):
    _, written = drawn
    alt = written[next(p for p in written if p.name == "phase-down-coverage.png")]
    book = figures.page_namespace("howto/price-and-phase-down.md")["book"]
    for year in book.years():
        assert f"{year}: coverage {book.coverage(year=year):.0%}" in alt


def test_the_results_figure_is_the_demos(figures, drawn):
    from score_core import aggregate, changes
    from score_core._cli.demo import results_measurements

    _, written = drawn
    alt = written[next(p for p in written if p.name == "results-by-sex.png")]
    found = aggregate(changes(results_measurements()))
    assert f"median change {found['defect_rate'].median:+}" in alt
    for change in changes(results_measurements()).changes:
        if change.indicator == "accidents":
            text = f"{change.enterprise} women {change.women:+}, men {change.men:+}"
            assert text in alt


def test_every_figure_is_on_a_page_and_not_committed(figures):
    pages = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    for filename in figures.FIGURES:
        stem = filename.removesuffix(".png")
        assert f"```{{include}} ../_figures/{stem}.md\n```" in pages
    ignored = (DOCS / "_figures" / ".gitignore").read_text(encoding="utf-8")
    assert "*.png" in ignored.splitlines()
    assert "*.md" in ignored.splitlines()
