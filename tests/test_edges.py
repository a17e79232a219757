"""Edge cases of shared helpers: rendering, sources, the converter's misuse errors."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core import (
    Catalogue,
    Certification,
    PayloadError,
    TrainerLevel,
    TrainingModule,
    UnknownNameError,
    from_dict,
)
from score_core import strategies as sst
from score_core._cli.render import value_text
from score_core.errors import ConfigurationError
from score_core.sources import Source, get_source, register_source, source_keys


def test_value_text():
    assert value_text(frozenset()) == "-"
    assert value_text(frozenset({"b", "a"})) == "a, b"
    assert value_text({}) == "-"
    assert value_text(None) == "-"
    assert value_text(False) == "no"


def test_sources():
    assert "MTE-II" in source_keys()
    with pytest.raises(UnknownNameError, match="known: AIOE"):
        get_source("nope")
    mine = Source(key="MY-SURVEY", title="Our 2026 survey", url="https://example.org")
    assert register_source(mine) is mine
    with pytest.raises(ConfigurationError):
        register_source(Source(key="MY-SURVEY", title="other", url="u"))


def test_invalid_calendar_date_in_payload():
    with pytest.raises(PayloadError) as info:
        from_dict(
            Certification,
            {"module": "M1", "level": "certified", "certified_on": "2026-02-30"},
        )
    assert info.value.errors == ("$.certified_on: '2026-02-30' is not a valid date",)


def test_certification_needs_a_date():
    with pytest.raises(TypeError, match=r"Certification\.certified_on"):
        Certification(module="M1", level=TrainerLevel.CERTIFIED, certified_on=None)  # type: ignore[arg-type]


def test_unsupported_union_is_misuse_not_bad_data():
    with pytest.raises(TypeError, match="only use optional unions"):
        from_dict(int | str | None, 1)  # type: ignore[arg-type]


def test_cycle_search_handles_shared_and_out_of_order_prerequisites():
    def m(code, *pre):
        return TrainingModule(code=code, title=code, prerequisites=pre)

    # D is listed before what it needs; C needs A both directly and through B.
    cat = Catalogue(
        name="x", modules=(m("D", "C"), m("C", "A", "B"), m("B", "A"), m("A"))
    )
    assert cat.requirements("D") == {"A", "B", "C"}


def test_bands_with_impossible_bounds():
    with pytest.raises(InvalidArgument):
        sst.bands(min_value=5, max_value=4)


@given(sst.bands(min_value=10, max_value=20), st.data())
def test_bands_within_bounds(band, data):
    assert 10 <= band.minimum <= band.maximum <= 20


def test_dated_strategy_default_values():
    @given(sst.dated_values())
    def check(entry):
        assert entry.end is None or entry.start is None or entry.start <= entry.end

    check()
    assert date(2013, 1, 1)


def test_python_values_that_are_not_json_are_named():
    from score_core import Enterprise

    with pytest.raises(PayloadError) as info:
        from_dict(Enterprise, {"id": ("a",), "name": "n", "headcount": 1})
    assert info.value.errors == ("$.id: expected a string, got tuple",)
