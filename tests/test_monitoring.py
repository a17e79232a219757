"""Monitoring: indicators, measurements, changes from baseline, aggregates, reports."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    InvalidValueError,
    Measurement,
    RuleViolationError,
    UnknownNameError,
    aggregate,
    changes,
    default_indicators,
    results_report,
)
from score_core import strategies as sst
from score_core.errors import ConfigurationError
from score_core.monitoring import (
    Direction,
    Indicator,
    IndicatorKind,
    IndicatorSet,
    Point,
    check_measurements,
    get_indicator_set,
    indicator_set_names,
    register_indicator_set,
)


BASE = date(2015, 3, 2)
LATER = date(2015, 6, 15)


def m(enterprise, indicator, value, unit, point=Point.BASELINE, on=BASE, **kw):
    if point is Point.VISIT and "visit" not in kw:
        kw["visit"] = 3
    return Measurement(
        enterprise=enterprise,
        indicator=indicator,
        on=on,
        value=Decimal(value),
        unit=unit,
        point=point,
        **kw,
    )


def defects(enterprise, before, after):
    return [
        m(enterprise, "defect_rate", before, "percent"),
        m(enterprise, "defect_rate", after, "percent", Point.VISIT, LATER),
    ]


class TestIndicators:
    def test_the_global_set(self):
        score = default_indicators()
        assert score.name == "score"
        assert "score" in indicator_set_names()
        assert score["defect_rate"].direction is Direction.LOWER
        assert score["productivity"].direction is Direction.HIGHER
        assert score["jobs_created"].by_sex
        assert {i.kind for i in score} == {IndicatorKind.PRACTICE, IndicatorKind.KPI}
        assert len(score) == len(score.codes) == 19
        with pytest.raises(UnknownNameError, match="no indicator 'nope'"):
            score["nope"]

    def test_a_country_adapts_the_global_set(self):
        local = Indicator(
            code="steam_use",
            title="Steam used per tonne dyed",
            kind=IndicatorKind.KPI,
            unit="tonnes per tonne",
            direction=Direction.LOWER,
            modules={"M3"},
        )
        viet_nam = default_indicators().derive(
            name="vn-textiles",
            add=[
                local,
                Indicator(
                    code="energy",
                    title="Power",
                    kind=IndicatorKind.KPI,
                    unit="kWh per tonne",
                    direction=Direction.LOWER,
                ),
            ],
            remove=["women_share"],
        )
        assert viet_nam.parent == "score"
        assert "women_share" not in viet_nam
        assert "steam_use" in viet_nam
        assert viet_nam["energy"].unit == "kWh per tonne"
        register_indicator_set(viet_nam)
        assert get_indicator_set("vn-textiles") is viet_nam
        with pytest.raises(ConfigurationError):
            register_indicator_set(viet_nam.derive(name="vn-textiles"))
        with pytest.raises(UnknownNameError, match="no nope to remove"):
            viet_nam.derive(name="x", remove=["nope"])

    def test_values_are_checked(self):
        with pytest.raises(InvalidValueError, match="yes/no"):
            Indicator(code="p", title="P", kind=IndicatorKind.PRACTICE, unit="percent")
        with pytest.raises(InvalidValueError, match="lower-case"):
            Indicator(code="Defects", title="D", kind=IndicatorKind.KPI, unit="percent")
        twice = default_indicators().indicators[0]
        with pytest.raises(InvalidValueError, match="twice"):
            IndicatorSet(name="dup", indicators=(twice, twice))
        with pytest.raises(InvalidValueError, match="do not sum"):
            m("E", "jobs_created", 5, "people", women=Decimal(2), men=Decimal(2))
        with pytest.raises(InvalidValueError, match="both"):
            m("E", "jobs_created", 5, "people", women=Decimal(5))
        with pytest.raises(InvalidValueError, match="negative"):
            m("E", "jobs_created", 0, "people", women=Decimal(-1), men=Decimal(1))
        with pytest.raises(InvalidValueError, match="finite Decimal"):
            Measurement(
                enterprise="E",
                indicator="waste",
                on=BASE,
                value=1.5,
                unit="percent",
                point=Point.BASELINE,
            )  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="visit"):
            m("E", "waste", 1, "percent", visit=2)
        with pytest.raises(InvalidValueError, match="visit"):
            m("E", "waste", 1, "percent", Point.VISIT, visit=None)
        with pytest.raises(InvalidValueError):
            m("E", "waste", 1, "percent", Point.VISIT, visit=-1)


class TestChecking:
    def test_every_misfit_is_reported_with_its_path(self):
        report = check_measurements(
            [
                m("E", "defect_rate", 4, "percent"),
                m("E", "nope", 1, "percent"),
                m("E", "defect_rate", 4, "ppm"),
                m("E", "jobs_created", 5, "people"),
                m("E", "five_s", 2, "yes/no"),
            ]
        )
        assert [(v.code, v.path) for v in report.violations] == [
            ("monitoring.indicator.unknown", (1, "indicator")),
            ("monitoring.unit.mismatch", (2, "unit")),
            ("monitoring.sex.missing", (3, "women")),
            ("monitoring.practice.value", (4, "value")),
        ]
        assert (
            report.violations[1].message
            == "defect_rate is measured in percent, not ppm"
        )

    def test_results_are_never_built_on_misfits(self):
        with pytest.raises(RuleViolationError, match=r"monitoring\.unit\.mismatch"):
            changes([m("E", "defect_rate", 4, "ppm")])


class TestChanges:
    def test_change_from_each_enterprise_own_baseline(self):
        found = changes(
            [
                *defects("E1", "4.0", "2.5"),
                *defects("E2", "3.0", "3.3"),
                m("E3", "defect_rate", "5.0", "percent", Point.VISIT, LATER),
                *defects("E4", "0", "1"),
                m("E1", "defect_rate", "4.5", "percent", on=date(2015, 3, 9)),
            ]
        )
        by = {c.enterprise: c for c in found.changes}
        assert by["E1"].baseline == Decimal("4.0")  # the earliest baseline
        assert by["E1"].improved
        assert not by["E2"].improved
        assert by["E2"].relative == Decimal("0.1")
        assert by["E4"].relative is None
        assert not by["E4"].improved
        assert "E3" not in by
        assert found.findings.codes == (
            "monitoring.baseline.missing",
            "monitoring.baseline.zero",
        )

    def test_point_and_module_filters(self):
        items = [
            *defects("E1", "4", "3"),
            m("E1", "defect_rate", "1", "percent", Point.YEAR_AFTER, date(2016, 3, 1)),
            m("E1", "waste", "10", "percent"),
            m("E1", "waste", "8", "percent", Point.VISIT, LATER),
        ]
        assert {c.latest for c in changes(items).changes} == {Decimal(1), Decimal(8)}
        visits = changes(items, point=Point.VISIT).changes
        assert {c.latest for c in visits} == {Decimal(3), Decimal(8)}
        assert [c.indicator for c in changes(items, module="M3").changes] == ["waste"]

    def test_sex_split_changes(self):
        items = [
            m("E1", "accidents", 4, "people", women=Decimal(1), men=Decimal(3)),
            m(
                "E1",
                "accidents",
                1,
                "people",
                Point.VISIT,
                LATER,
                women=Decimal(0),
                men=Decimal(1),
            ),
        ]
        (change,) = changes(items).changes
        assert (change.women, change.men, change.improved) == (-1, -2, True)


class TestAggregates:
    def test_median_hinges_share_and_small_samples(self):
        items = []
        for k, (before, after) in enumerate(
            [("4", "2"), ("5", "4"), ("6", "6"), ("3", "4"), ("8", "2"), ("2", "1")]
        ):
            items += defects(f"E{k}", before, after)
        found = aggregate(changes(items))
        agg = found["defect_rate"]
        assert agg.n == 6
        assert agg.unit == "percent"
        assert agg.median == Decimal(-1)
        assert (agg.lower_quartile, agg.upper_quartile) == (Decimal(-2), Decimal(0))
        assert agg.improved == 4
        assert agg.share_improved == Decimal(4) / 6
        assert found.findings.ok
        assert not found.findings.violations
        small = aggregate(changes(items[:4]))
        assert small.findings.codes == ("monitoring.sample.small",)
        assert aggregate(changes(items[:4]), min_n=2).findings.codes == ()
        with pytest.raises(UnknownNameError):
            found["waste"]
        with pytest.raises(InvalidValueError):
            aggregate(changes(items), min_n=0)

    @given(sst.measurement_series(max_size=40), st.integers(1, 8))
    def test_aggregates_never_mix_indicators_or_units(self, items, min_n):
        known = default_indicators()
        found = changes(items)
        result = aggregate(found, min_n=min_n)
        for agg in result.aggregates:
            assert agg.unit == known[agg.indicator].unit
            group = [c for c in found.changes if c.indicator == agg.indicator]
            assert agg.n == len(group)
            assert agg.lower_quartile <= agg.median <= agg.upper_quartile
            assert min(c.absolute for c in group) <= agg.lower_quartile
            assert agg.upper_quartile <= max(c.absolute for c in group)
        small = {
            v.params["indicator"]
            for v in result.findings.violations
            if v.code == "monitoring.sample.small"
        }
        assert small == {a.indicator for a in result.aggregates if a.n < min_n}

    @given(sst.measurement_series(max_size=40))
    def test_direction_is_respected_and_parts_sum(self, items):
        known = default_indicators()
        for item in items:
            if item.women is not None:
                assert item.women + item.men == item.value
        for change in changes(items).changes:
            indicator = known[change.indicator]
            if change.absolute == 0:
                assert not change.improved
            elif indicator.direction is Direction.HIGHER:
                assert change.improved == (change.absolute > 0)
            else:
                assert change.improved == (change.absolute < 0)
            if change.relative is not None:
                assert change.relative == change.absolute / change.baseline
            if change.women is not None:
                assert change.women + change.men == change.absolute


class TestAddingPartitions:
    @given(
        sst.measurement_series(max_size=40),
        st.lists(st.booleans(), min_size=4, max_size=4),
    )
    def test_change_sets_of_enterprises_apart_add_up_to_the_whole(self, items, picks):
        # The series' enterprises are E1 to E4; each goes to one part.
        chosen = {f"E{n}" for n, pick in enumerate(picks, 1) if pick}
        firms = sorted({x.enterprise for x in items})
        part_a = [x for x in items if x.enterprise in chosen]
        part_b = [x for x in items if x.enterprise not in chosen]
        whole = changes(items)
        assert changes(part_a) + changes(part_b) == whole
        assert changes(part_b) + changes(part_a) == whole
        by_firm = [changes([x for x in items if x.enterprise == f]) for f in firms]
        assert sum(by_firm, changes([])) == whole
        if by_firm:
            assert sum(by_firm) == whole
            # Medians are taken of the sum, not added.
            assert aggregate(sum(by_firm), min_n=3) == aggregate(whole, min_n=3)

    def test_an_enterprise_split_between_parts_is_refused(self):
        first = [
            m("E1", "waste", "5", "percent"),
            m("E1", "waste", "4", "percent", point=Point.VISIT, on=LATER),
        ]
        second = [
            m(
                "E1",
                "waste",
                "6",
                "percent",
                point=Point.YEAR_AFTER,
                on=date(2016, 3, 1),
            )
        ]
        with pytest.raises(InvalidValueError, match=r"both hold E1 waste: partition"):
            changes(first) + changes(second)
        many = [
            m(f"E{n}", "waste", "5", "percent", point=Point.VISIT, on=LATER)
            for n in range(5)
        ]
        # Missing baselines count: the baseline may be in the other part.
        with pytest.raises(InvalidValueError, match=r"E2 waste and 2 more:"):
            changes(many) + changes(many)
        with pytest.raises(TypeError):
            changes(first) + 1
        with pytest.raises(TypeError):
            1 + changes(first)
        # A zero baseline is the change's own finding, not a missing baseline.
        zero = [
            m("E7", "waste", "0", "percent"),
            m("E7", "waste", "1", "percent", point=Point.VISIT, on=LATER),
        ]
        added = changes(zero) + changes(many)
        assert added == changes([*zero, *many])
        assert added.findings.codes[-1] == "monitoring.baseline.zero"

    def test_medians_refuse_to_add_and_say_what_to_add(self):
        items = [
            m("E1", "waste", "5", "percent"),
            m("E1", "waste", "4", "percent", point=Point.VISIT, on=LATER),
        ]
        found = aggregate(changes(items))
        report = results_report(items)
        for value in (found, report):
            with pytest.raises(TypeError, match=r"aggregate\(sum\(change_sets\)\)"):
                value + value
            with pytest.raises(TypeError, match="do not add"):
                sum([value])


class TestResultsReport:
    def test_iati_shape(self):
        items = [
            *defects("E1", "4", "2"),
            *defects("E2", "6", "5"),
            *defects("E3", "2", "2"),
            m("E3", "defect_rate", "1", "percent", Point.YEAR_AFTER, date(2016, 4, 1)),
        ]
        report = results_report(items, targets={"defect_rate": Decimal("2.0")})
        rows = [(r.period, r.n, r.baseline, r.actual, r.target) for r in report.rows]
        assert rows == [
            (2015, 2, Decimal(5), Decimal("3.5"), Decimal("2.0")),
            (2016, 1, Decimal(2), Decimal(1), Decimal("2.0")),
        ]
        assert report.rows[0].baseline_year == 2015
        assert report.rows[0].direction is Direction.LOWER
        assert report.indicators == "score"
        assert results_report(items).rows[0].target is None
