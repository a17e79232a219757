from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import Dated, InvalidValueError, NotInForceError, Resolution, Timeline
from score_core import strategies as sst
from score_core.parameters import PYTHON_STRICT_HINT, describe_period, relation


def d(y, m=1, day=1):
    return date(y, m, day)


SA = Timeline(
    entries=(
        Dated(value=20, start=d(2013), end=d(2014, 12, 31), source="MTE-II p.29"),
        Dated(value=30, start=d(2015), end=d(2015, 12, 31)),
        Dated(value=63, start=d(2016), end=d(2016, 12, 31)),
    )
)


class TestResolution:
    def test_value_in_force(self):
        assert SA.at(d(2013)).value == 20
        assert SA.at(d(2014, 12, 31)).value == 20
        assert SA.at(d(2015)).value == 30
        resolved = SA.at(d(2016, 6))
        assert (resolved.value, resolved.stale, resolved.findings.ok) == (
            63,
            False,
            True,
        )
        assert resolved.entry.start == d(2016)

    def test_strict_raises_outside(self):
        strict = Resolution.STRICT
        with pytest.raises(NotInForceError, match="target of za") as caught:
            SA.at(d(2020), parameter="target", profile="za", mode=strict)
        assert caught.value.detail == (
            "target of za has no value in force on 2020-01-01 (declared: from "
            "2013-01-01 to 2014-12-31; from 2015-01-01 to 2015-12-31; from "
            "2016-01-01 to 2016-12-31)"
        )
        assert caught.value.hint == PYTHON_STRICT_HINT
        assert str(caught.value) == f"{caught.value.detail}; {PYTHON_STRICT_HINT}"
        other = caught.value.with_hint("use --loose")
        assert str(other) == f"{caught.value.detail}; use --loose"
        with pytest.raises(LookupError, match=r"^value has no value in force"):
            SA.at(d(2012), mode="strict")
        assert str(NotInForceError("bare")) == "bare"

    def test_lenient_is_the_default_and_uses_the_nearest_with_a_warning(self):
        after = SA.at(d(2020), parameter="target", profile="za")
        assert after.value == 63
        assert after.stale
        (finding,) = after.findings.violations
        assert finding.code == "parameter.stale"
        assert finding.params == {
            "parameter": "target",
            "profile": "za",
            "on": "2020-01-01",
            "start": "2016-01-01",
            "end": "2016-12-31",
            "relation": "after",
            "bound": "2016-12-31",
            "source": None,
        }
        before = SA.at(d(2010))
        assert before.value == 20
        assert before.findings.violations[0].message == (
            "value of - has no value dated for 2010-01-01, before its sources' "
            "2013-01-01; the value in force from 2013-01-01 to 2014-12-31 is used "
            "(source: MTE-II p.29)"
        )

    def test_relation(self):
        assert relation(d(2020), d(2013), d(2016)) == ("after", d(2016))
        assert relation(d(2010), d(2013), d(2016)) == ("before", d(2013))
        assert relation(d(2010), None, None) == ("before", d(2010))

    def test_lenient_in_a_gap_uses_the_earlier_value(self):
        gappy = Timeline(
            entries=(
                Dated(value="a", start=d(2013), end=d(2013, 12, 31)),
                Dated(value="b", start=d(2015), end=None),
            ),
            allow_gaps=True,
        )
        assert gappy.at(d(2014, 6), mode="lenient").value == "a"
        assert gappy.at(d(2030)).value == "b"
        assert gappy.entry_on(d(2014, 6)) is None

    def test_always(self):
        t = Timeline.always(5, source="X")
        assert t.at(d(1900)).value == 5
        assert t.first is t.last
        assert t.first.period == "always"


class TestValidation:
    def test_empty(self):
        with pytest.raises(InvalidValueError):
            Timeline(entries=())

    def test_overlap(self):
        with pytest.raises(InvalidValueError, match="overlap"):
            Timeline(
                entries=(
                    Dated(value=1, start=d(2013), end=d(2014)),
                    Dated(value=2, start=d(2014), end=None),
                )
            )

    def test_gap_must_be_declared(self):
        entries = (
            Dated(value=1, start=d(2013), end=d(2013, 12, 30)),
            Dated(value=2, start=d(2014), end=None),
        )
        with pytest.raises(
            InvalidValueError, match="gap from 2013-12-31 to 2013-12-31"
        ):
            Timeline(entries=entries)
        assert Timeline(entries=entries, allow_gaps=True).at(d(2014)).value == 2

    def test_open_ends_only_at_the_ends(self):
        with pytest.raises(InvalidValueError, match="open"):
            Timeline(
                entries=(Dated(value=1, start=d(2013)), Dated(value=2, start=d(2014)))
            )

    def test_out_of_order(self):
        with pytest.raises(InvalidValueError):
            Timeline(
                entries=(
                    Dated(value=1, start=d(2015), end=d(2015, 12, 31)),
                    Dated(value=2, start=d(2013), end=d(2013, 12, 31)),
                ),
                allow_gaps=True,
            )

    def test_dated(self):
        with pytest.raises(InvalidValueError):
            Dated(value=1, start=d(2014), end=d(2013))
        with pytest.raises(TypeError):
            Dated(value=1, start="2014-01-01")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError):
            Timeline(entries=(1,))  # type: ignore[arg-type]

    def test_describe_period(self):
        assert describe_period(d(2013), None) == "from 2013-01-01"
        assert describe_period(None, None) == "always"


class TestProperties:
    @given(
        sst.timelines(st.integers()),
        sst.dated_values(st.integers()).map(lambda x: x.start),
    )
    def test_exactly_one_value_per_date_or_none(self, timeline, on):
        on = on or date(2013, 1, 1)
        covering = [e for e in timeline.entries if e.covers(on)]
        assert len(covering) <= 1
        if covering:
            assert timeline.at(on).value == covering[0].value
        else:
            with pytest.raises(NotInForceError):
                timeline.at(on, mode=Resolution.STRICT)
            lenient = timeline.at(on)
            assert lenient.stale
            assert lenient.findings.codes == ("parameter.stale",)
            assert lenient.entry in timeline.entries

    @given(sst.timelines(st.integers()))
    def test_without_gaps_every_day_between_first_and_last_is_covered(self, timeline):
        if timeline.allow_gaps:
            return
        for before, after in zip(timeline.entries, timeline.entries[1:], strict=False):
            assert before.end + timedelta(days=1) == after.start
