from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from score_core import (
    Dated,
    InvalidValueError,
    ModuleCode,
    NotInForceError,
    Resolution,
    Timeline,
    UnknownNameError,
    default_catalogue,
    get_profile,
    profile_names,
    register_profile,
)
from score_core import strategies as sst
from score_core.codes import Code, violation
from score_core.errors import ConfigurationError, InvalidTypeError
from score_core.profiles import (
    PARAMETERS,
    Band,
    Basis,
    CoverageTarget,
    DelegationRule,
    Provenance,
    default_profile,
    latest_profile,
)
from score_core.sources import get_source


class TestBuiltIns:
    def test_default_is_china_phase_2(self):
        p = get_profile()
        assert p is default_profile() is get_profile("cn-phase-2")
        assert (p.country, p.currency, p.phase) == ("CN", "CNY", "II")
        assert "China Enterprise Confederation (CEC)" in p.institutions

    @pytest.mark.parametrize(
        ("name", "low", "high"),
        [
            ("cn-phase-2", 50, 500),
            ("global", 50, 250),
            ("in-aioe", 30, 300),
            ("id-phase-3", 30, 250),
            ("pe-phase-2", 25, 250),
            ("gh-phase-2", 50, 250),
        ],
    )
    def test_employee_bands_from_the_fact_sheet(self, name, low, high):
        band = get_profile(name).employees
        assert (band.minimum, band.maximum) == (low, high)
        assert low - 1 not in band
        assert low in band
        assert high in band
        assert high + 1 not in band

    def test_classic_workshop_parameters(self):
        p = get_profile("cn-phase-2")
        assert (
            p.enterprises_per_workshop.minimum,
            p.enterprises_per_workshop.maximum,
        ) == (4, 5)
        assert p.delegation == DelegationRule(managers=2, workers=2, exact=True)
        assert p.follow_up_visits == 3
        assert p.intake_visit
        assert p.follow_up_window_months == 3
        for code in ("M1", "M2", "M3", "M4", "M5"):
            assert p.classroom_days_for(default_catalogue()[code]) == 2

    def test_every_built_in_value_says_where_it_comes_from(self):
        for name in profile_names():
            p = get_profile(name)
            if name == "test-dup":
                continue
            for parameter, _value, provenance in p.parameters():
                assert provenance.basis in (
                    Basis.SOURCE,
                    Basis.DEFAULT,
                    Basis.CARRIED,
                ), (name, parameter)
                if provenance.basis in (Basis.SOURCE, Basis.CARRIED):
                    _check_citation(provenance.source)
            if p.coverage_targets is not None:
                for entry in p.coverage_targets.entries:
                    _check_citation(entry.source)

    def test_every_cost_coverage_target_of_the_mid_term_table(self):
        # MTE-II p.35, row 2: target per country (and p.29 for South Africa).
        on = date(2015, 6, 30)
        expected = {
            "cn-phase-2": ("0.40", "0.40"),
            "co-phase-2": ("0.70", "0.70"),
            "gh-phase-2": ("0.50", "0.60"),
            "in-aioe": ("0.30", "0.30"),
            "id-phase-2": ("0.50", "0"),
            "za-phase-2": ("0.20", "0.20"),
            "vn-phase-2": ("0.35", "0.35"),
        }
        for name, (m1, later) in expected.items():
            target = get_profile(name).coverage_target(on, mode=Resolution.STRICT)
            assert (target.value.module1, target.value.later_modules) == (
                Decimal(m1),
                Decimal(later),
            ), name
        south_africa = get_profile("za-phase-2")
        late = south_africa.coverage_target(date(2016, 12, 31), mode=Resolution.STRICT)
        assert late.value.module1 == Decimal("0.63")
        assert late.entry.source == "MTE-II p.29"
        for name in ("co-phase-2", "vn-phase-2", "za-phase-2", "id-phase-2"):
            band = get_profile(name).source_of("employees")
            assert band.basis is Basis.DEFAULT, name
        assert get_profile("gh-phase-2").source_of("employees").basis is Basis.DEFAULT
        assert get_profile("cn-phase-2").source_of("currency").basis is Basis.DEFAULT


# Sources whose fact-sheet entries give pages: a citation of them names one.
_PAGED = {"MTE-II"}


def _check_citation(citation):
    for part in citation.split("; "):
        key, _, locator = part.partition(" ")
        get_source(key)
        if key in _PAGED:
            assert locator.startswith("p."), citation

    def test_open_parameters_are_marked_as_defaults(self):
        p = default_profile()
        for parameter in (
            "min_visit_gap_days",
            "visit_days",
            "eit_min_members",
            "headcount_review_margin",
        ):
            assert p.source_of(parameter).basis is Basis.DEFAULT

    def test_coverage_targets(self):
        china = get_profile("cn-phase-2").coverage_target(date(2015, 6, 30))
        assert china.value.for_module("M1") == Decimal("0.40")
        ghana = get_profile("gh-phase-2").coverage_target(date(2015, 6, 30)).value
        assert (ghana.for_module(ModuleCode.M1), ghana.for_module("M3")) == (
            Decimal("0.50"),
            Decimal("0.60"),
        )
        assert get_profile("global").coverage_target(date(2015, 1, 1)) is None

    def test_coverage_targets_past_the_phase(self):
        india = get_profile("in-aioe")
        with pytest.raises(NotInForceError) as caught:
            india.coverage_target(date(2026, 11, 24), mode=Resolution.STRICT)
        assert caught.value.detail == (
            "coverage_targets of in-aioe has no value in force on 2026-11-24 "
            "(declared: from 2013-01-01 to 2017-12-31)"
        )
        assert "mode=Resolution.STRICT" in str(caught.value)
        stale = india.coverage_target(date(2026, 11, 24))
        assert stale.value.later_modules == Decimal("0.30")
        assert stale.findings.violations == (
            violation(
                Code.PARAMETER_STALE,
                parameter="coverage_targets",
                profile="in-aioe",
                on="2026-11-24",
                period="from 2013-01-01 to 2017-12-31",
                relation="after",
                bound="2017-12-31",
                source="MTE-II p.35",
            ),
        )
        before = india.coverage_target(date(2010, 5, 1))
        assert before.value.later_modules == Decimal("0.30")
        assert before.findings.violations[0].message == (
            "coverage_targets of in-aioe has no value dated for 2010-05-01, before "
            "its sources' 2013-01-01; the value in force from 2013-01-01 to "
            "2017-12-31 is used (source: MTE-II p.35)"
        )

    def test_in_force(self):
        p = get_profile("cn-phase-2")
        assert p.in_force(date(2013, 1, 1))
        assert p.in_force(date(2017, 12, 31))
        assert not p.in_force(date(2018, 1, 1))
        assert not p.in_force(date(2012, 12, 31))
        assert p.check_in_force(date(2015, 1, 1)).ok
        with pytest.raises(NotInForceError, match="not in force on 2026-11-24"):
            p.check_in_force(date(2026, 11, 24), mode=Resolution.STRICT)
        report = p.check_in_force(date(2026, 11, 24))
        assert report.codes == ("profile.not_in_force",)
        assert report.ok  # a warning, not an error
        assert report.violations[0].message == (
            "profile cn-phase-2 is used on 2026-11-24, after its valid_to 2017-12-31 "
            "(source: MTE-II p.2); its values are applied as they stand"
        )
        early = p.check_in_force(date(2012, 12, 31)).violations[0]
        assert early.params["relation"] == "before"
        assert early.params["parameter"] == "valid_from"
        assert early.params["bound"] == "2013-01-01"
        assert early.params["source"] == "MTE-II p.2"
        unsourced = attrs.evolve(p, provenance={}).check_in_force(date(2020, 1, 1))
        assert unsourced.violations[0].params["source"] == "unstated, no source"
        assert get_profile("global").in_force(date(1990, 1, 1))


class TestToday:
    def test_a_country_code_gives_its_latest_profile(self):
        assert get_profile("cn") is get_profile("CN") is get_profile("cn-mem")
        assert latest_profile("cn").name == "cn-mem"
        assert get_profile("gh").name == "gh-phase-2"
        assert get_profile("pe").name == "pe-phase-2"
        with pytest.raises(UnknownNameError, match="no profile is registered for"):
            get_profile("zz")
        with pytest.raises(UnknownNameError, match="no profile named 'z1'"):
            get_profile("z1")

    def test_china_after_phase_two_carries_phase_two_forward(self):
        phase2, mem = get_profile("cn-phase-2"), get_profile("cn-mem")
        assert mem.parent == "cn-phase-2"
        assert (mem.valid_from, mem.valid_to) == (date(2024, 1, 1), None)
        assert mem.source_of("valid_from").source == "BJ-MEM; YONGKANG"
        assert mem.source_of("valid_to").basis is Basis.DEFAULT
        for name, value, provenance in mem.parameters():
            before = phase2.source_of(name)
            if name in ("country", "valid_from", "valid_to"):
                continue
            if name != "coverage_targets":
                # Nothing is invented: every value is Phase II's.
                assert value == getattr(phase2, name), name
            if before.basis is Basis.SOURCE:
                assert provenance.basis is Basis.CARRIED, name
                assert provenance.source == before.source, name
            else:
                assert provenance == before, name
        target = mem.coverage_target(date(2026, 12, 2))
        assert target.findings.ok
        assert not target.findings.violations
        assert target.value == phase2.coverage_target(date(2015, 1, 1)).value
        assert target.entry.source == "MTE-II p.35"

    def test_carry_forward(self):
        p = get_profile("cn-phase-2")
        until = date(2026, 12, 31)
        ours = p.carry_forward(name="cn-2026", until=until, why="board decision")
        assert ours.valid_to == until
        assert ours.parent == "cn-phase-2"
        assert ours.title == f"{p.title} (carried forward: cn-2026)"
        assert ours.check_in_force(date(2026, 6, 1)).violations == ()
        assert ours.check_in_force(date(2027, 1, 1)).codes == ("profile.not_in_force",)
        assert ours.coverage_target(date(2026, 6, 1)).findings.violations == ()
        assert ours.coverage_targets.last.end == until
        assert ours.source_of("valid_to").basis is Basis.USER
        assert ours.source_of("valid_to").note == (
            "board decision: cn-phase-2 (valid from 2013-01-01 to 2017-12-31) "
            "applied until 2026-12-31."
        )
        assert ours.source_of("employees") == Provenance(
            basis=Basis.CARRIED,
            source="BJ-II; SEED",
            note="SMEs of approximately 50-500 employees. (board decision, from "
            "cn-phase-2 past 2017-12-31)",
        )
        assert str(ours.source_of("employees")).startswith("carried forward, source")
        assert ours.source_of("visit_days") == p.source_of("visit_days")
        with pytest.raises(InvalidValueError, match="never shortens"):
            p.carry_forward(name="x", until=date(2016, 1, 1))

    def test_carry_forward_an_open_profile_moves_its_dated_values_only(self):
        india = get_profile("in-aioe")
        ours = india.carry_forward(name="in-2026", until=date(2026, 12, 31))
        assert ours.valid_to is None
        assert ours.coverage_target(date(2026, 6, 1)).findings.violations == ()
        assert ours.coverage_target(date(2027, 6, 1)).findings.codes == (
            "parameter.stale",
        )
        assert ours.source_of("employees").note == (
            "30-300 employees. (carried forward by the user, from in-aioe)"
        )
        plain = get_profile("global").carry_forward(name="g2", title="G")
        assert plain.coverage_targets is None
        assert plain.title == "G"
        gappy = attrs.evolve(
            get_profile("global"),
            coverage_targets=Timeline(
                entries=(
                    Dated(
                        value=CoverageTarget.uniform(Decimal("0.2")),
                        start=date(2030, 1, 1),
                    ),
                )
            ),
        )
        with pytest.raises(InvalidValueError, match="last coverage target's start"):
            gappy.carry_forward(name="x", until=date(2029, 1, 1))

    def test_carried_provenance_needs_its_source(self):
        with pytest.raises(InvalidValueError, match="'carried'"):
            Provenance(basis=Basis.CARRIED)


class TestDerivation:
    def test_derived_values_are_marked_as_the_users(self):
        base = default_profile()
        mine = base.derive(
            name="cn-zhejiang",
            follow_up_visits=4,
            provenance={"employees": Provenance(basis=Basis.USER, note="kept")},
        )
        assert mine.parent == "cn-phase-2"
        assert mine.title == "SCORE China Phase II (derived: cn-zhejiang)"
        assert mine.source_of("follow_up_visits").basis is Basis.USER
        assert mine.source_of("employees").note == "kept"
        assert mine.source_of("currency") == base.source_of("currency")

    def test_explicit_provenance_for_a_change(self):
        mine = default_profile().derive(
            name="cn-sourced",
            title="t",
            employees=Band(minimum=20, maximum=300),
            provenance={"employees": Provenance(basis=Basis.SOURCE, source="LIMA")},
        )
        assert mine.title == "t"
        assert mine.source_of("employees").source == "LIMA"

    def test_unknown_changes(self):
        with pytest.raises(UnknownNameError):
            default_profile().derive(name="x", nonsense=1)
        with pytest.raises(UnknownNameError):
            default_profile().derive(name="x", parent="y")

    def test_register_rejects_duplicates(self):
        mine = default_profile().derive(name="test-dup")
        assert register_profile(mine) is mine
        assert get_profile("test-dup") is mine
        with pytest.raises(ConfigurationError):
            register_profile(mine)

    def test_unknown(self):
        with pytest.raises(UnknownNameError, match="known: cn-mem, cn-phase-2"):
            get_profile("nope")
        with pytest.raises(UnknownNameError):
            default_profile().source_of("nope")

    def test_catalogue(self):
        assert default_profile().get_catalogue() is default_catalogue()
        with pytest.raises(UnknownNameError):
            attrs.evolve(default_profile(), catalogue="missing").get_catalogue()


class TestValidation:
    def test_band(self):
        with pytest.raises(InvalidValueError):
            Band(minimum=10, maximum=9)
        with pytest.raises(InvalidValueError):
            Band(minimum=-1, maximum=9)
        assert str(Band(minimum=4, maximum=5)) == "4 to 5"
        assert "5" not in Band(minimum=4, maximum=5)

    def test_delegation(self):
        assert str(DelegationRule(exact=False)) == "at least 2 managers and 2 workers"
        with pytest.raises(InvalidValueError):
            DelegationRule(managers=0)
        with pytest.raises(InvalidTypeError):
            DelegationRule(exact=1)  # type: ignore[arg-type]

    @pytest.mark.parametrize("share", [Decimal("1.01"), Decimal(-1), Decimal("NaN")])
    def test_coverage_share(self, share):
        with pytest.raises(InvalidValueError):
            CoverageTarget.uniform(share)
        with pytest.raises(InvalidTypeError):
            CoverageTarget.uniform(0.4)  # type: ignore[arg-type]

    def test_provenance(self):
        with pytest.raises(InvalidValueError):
            Provenance(basis=Basis.SOURCE)
        assert str(Provenance(basis=Basis.DEFAULT)) == "default"
        assert str(Provenance(basis=Basis.SOURCE, source="PROC", note="n")) == (
            "source PROC: n"
        )

    @pytest.mark.parametrize(
        ("change", "error"),
        [
            ({"name": "Bad"}, InvalidValueError),
            ({"country": "cn"}, InvalidValueError),
            ({"currency": "XYZ"}, InvalidValueError),
            ({"currency": 1}, InvalidTypeError),
            ({"valid_from": date(2018, 1, 1)}, InvalidValueError),
            ({"classroom_days": {"M1": 0}}, InvalidValueError),
            ({"classroom_days": {"M1": True}}, InvalidTypeError),
            ({"visit_days": 1.0}, InvalidTypeError),
            ({"visit_days": Decimal(0)}, InvalidValueError),
            ({"eit_min_members": 1}, InvalidValueError),
            ({"coverage_targets": 0.4}, InvalidTypeError),
            ({"coverage_targets": Timeline.always(Decimal("0.4"))}, InvalidTypeError),
            ({"provenance": {"nope": Provenance(basis=Basis.USER)}}, InvalidValueError),
            ({"provenance": {"currency": "x"}}, InvalidTypeError),
            ({"institutions": [""]}, InvalidValueError),
            ({"sectors": ["garments", " "]}, InvalidValueError),
        ],
    )
    def test_impossible_profiles(self, change, error):
        with pytest.raises(error):
            attrs.evolve(default_profile(), **change)

    def test_sectors(self):
        p = attrs.evolve(default_profile(), sectors=["garments", "auto parts"])
        assert p.sectors == frozenset({"garments", "auto parts"})

    @given(sst.profiles())
    def test_generated_profiles_are_complete(self, p):
        assert [name for name, _, _ in p.parameters()] == list(PARAMETERS)
        assert p.employees.minimum <= p.employees.maximum


def test_a_profile_keeps_its_words_and_refuses_unknown_names():
    from score_core.errors import UnknownNameError

    profile = get_profile("cn-phase-2").derive(name="words")
    assert profile.text_of("employees") == "50 to 500"
    made = []
    assert profile.remember("k", lambda: made.append(1) or "v") == "v"
    assert profile.remember("k", lambda: made.append(1) or "w") == "v"
    assert made == [1]
    with pytest.raises(UnknownNameError):
        profile.text_of("no_such_parameter")
