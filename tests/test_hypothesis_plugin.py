import subprocess
import sys
import textwrap
from decimal import Decimal
from importlib.metadata import entry_points

from hypothesis import given
from hypothesis import strategies as st

from score_core import strategies as sst


def test_entry_point_is_installed():
    names = {ep.value for ep in entry_points(group="hypothesis")}
    assert "score_core._hypothesis_plugin:_hypothesis_setup_hook" in names


def test_from_type_works_without_importing_strategies():
    code = textwrap.dedent(
        """
        import sys
        from hypothesis import given, settings, strategies as st
        import score_core
        from score_core.strategies import STRATEGIES
        del sys.modules["score_core.strategies"]
        seen = []
        types = [score_core.Money, score_core.Report, score_core.RuleViolation]

        @settings(max_examples=5, database=None)
        @given(st.tuples(*[st.from_type(t) for t in types]))
        def check(values):
            for t, v in zip(types, values):
                assert isinstance(v, t), (t, v)
            seen.append(values)

        check()
        print(len(seen) > 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_monies_respects_bounds_and_rejects_impossible_ones():
    from decimal import Decimal

    import pytest
    from hypothesis.errors import InvalidArgument

    @given(
        sst.monies(
            currency=st.just("JPY"), min_value=Decimal("0.5"), max_value=Decimal(3)
        )
    )
    def inside(m):
        assert Decimal(1) <= m.amount <= Decimal(3)

    inside()

    @given(
        sst.monies(
            currency=st.just("CNY"),
            min_value=Decimal("0.001"),
            max_value=Decimal("0.009"),
        )
    )
    def impossible(m):
        raise AssertionError("unreachable")

    with pytest.raises(InvalidArgument):
        impossible()

    @given(
        sst.monies(min_value=None, max_value=None),
        sst.rule_violations(severity=sst.severities()),
    )
    def unbounded(m, v):
        assert m.is_exact

    unbounded()


def test_importing_strategies_first_does_not_break_the_plugin():
    # Importing score_core.strategies imports Hypothesis, which runs the entry
    # point while the strategies module is still half-imported.
    code = textwrap.dedent(
        """
        from score_core import strategies as sst
        from hypothesis import given, settings, strategies as st
        import score_core

        @settings(max_examples=3, database=None)
        @given(st.from_type(score_core.Timeline[score_core.profiles.CoverageTarget]),
               sst.profiles())
        def check(timeline, profile):
            assert isinstance(timeline, score_core.Timeline)

        check()
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_registrations_cover_the_generic_types():
    from score_core import Dated, Timeline
    from score_core.parameters import Resolved
    from score_core.profiles import CoverageTarget

    assert {Dated, Resolved, Timeline} <= set(sst.STRATEGIES)
    assert sst.STRATEGIES[Dated] is sst.dated_values

    @given(st.from_type(Resolved[CoverageTarget]), st.from_type(Dated))
    def check(resolved, dated):
        assert isinstance(resolved.value, CoverageTarget)
        assert isinstance(dated, Dated)

    check()


def test_renamed_strategies_still_work_with_a_warning():
    import pytest

    renamed = {
        "workshop_stats": sst.workshop_statistics,
        "rescheduleds": sst.reschedulings,
        "change_values": sst.changes,
        "dated": sst.dated_values,
        "resolutions": sst.resolved_values,
    }
    for old, new in renamed.items():
        with pytest.warns(DeprecationWarning, match=old):
            assert getattr(sst, old) is new
    with pytest.warns(DeprecationWarning, match="STRATEGIES"):
        table = sst.registrations()
    assert set(table) == set(sst.STRATEGIES)
    with pytest.raises(AttributeError, match="nothing_here"):
        sst.nothing_here  # noqa: B018


def test_argument_errors_are_raised_when_a_strategy_is_built():
    import pytest
    from hypothesis.errors import InvalidArgument

    from score_core import get_profile

    calls = [
        lambda: sst.enterprises(headcount=5),
        lambda: sst.names(max_size=0),
        lambda: sst.reports(min_size=3, max_size=2),
        lambda: sst.monies(min_value=2, max_value=1),
        lambda: sst.monies(min_value="1"),
        lambda: sst.monies(min_value=True),
        lambda: sst.monies(min_value=Decimal("0.0001"), max_value=Decimal("0.0009")),
        lambda: sst.timelines(max_size=0),
        lambda: sst.catalogues(min_size=3, max_size=1),
        lambda: sst.enterprises_for("cn-phase-2"),
        lambda: sst.workshops(profile="cn-phase-2"),
        lambda: sst.attendance_sheets(workshop="W1"),
        lambda: sst.measurements(indicators="default"),
        lambda: sst.paths(max_size=-1),
        lambda: sst.bands(min_value=-1),
        lambda: sst.workshops(module="M1"),
    ]
    for call in calls:
        with pytest.raises(InvalidArgument):
            call()
    assert sst.enterprises_for(get_profile()) is sst.enterprises_for(get_profile())
