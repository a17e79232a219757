import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import Report, RuleViolation, RuleViolationError, Severity
from score_core import strategies as sst
from score_core.codes import (
    Code,
    CodeInfo,
    all_codes,
    code_info,
    register_code,
    violation,
)
from score_core.errors import (
    ConfigurationError,
    InvalidTypeError,
    InvalidValueError,
    UnknownNameError,
)
from score_core.findings import render_path


def make(code="eit.no_worker", severity=Severity.ERROR, path=()):
    return RuleViolation(code=code, severity=severity, message="m", path=path)


class TestRuleViolation:
    @pytest.mark.parametrize(
        "bad", ["eit", "EIT.no_worker", "eit..x", "", "eit.no-worker"]
    )
    def test_code_must_be_dotted_lower_case(self, bad):
        with pytest.raises(InvalidValueError):
            make(code=bad)

    def test_code_must_be_str(self):
        with pytest.raises(InvalidTypeError):
            make(code=1)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [(1.5,), (True,), (None,)])
    def test_path_items(self, bad):
        with pytest.raises(InvalidValueError):
            make(path=bad)

    @pytest.mark.parametrize("bad", [{"a": 1.5}, {1: "a"}, {"a": [1]}])
    def test_params_are_json_scalars(self, bad):
        with pytest.raises(InvalidValueError):
            RuleViolation(code="a.b", severity=Severity.INFO, message="m", params=bad)

    def test_params_are_read_only(self):
        v = violation(Code.EIT_NO_WORKER, enterprise="E1")
        with pytest.raises(TypeError):
            v.params["enterprise"] = "E2"  # type: ignore[index]
        assert hash(v) == hash(violation(Code.EIT_NO_WORKER, enterprise="E1"))
        assert repr(v.params) == "FrozenMap({'enterprise': 'E1'})"

    def test_str_and_path(self):
        v = make(path=("delegations", 3, "participants"))
        assert v.path_str == "$.delegations[3].participants"
        assert str(v) == "error: [eit.no_worker] m @ $.delegations[3].participants"
        assert v.under("workshops", 0).path_str == (
            "$.workshops[0].delegations[3].participants"
        )

    def test_render_path_quotes_odd_keys(self):
        assert render_path(()) == "$"
        assert render_path(("a b", 0)) == "$['a b'][0]"


class TestReport:
    def test_empty_report_is_ok(self):
        r = Report()
        assert r.ok
        assert len(r) == 0
        assert r.summary() == "no findings"
        assert r.raise_for_violations() is r

    def test_severity_views(self):
        e, w, i = make(), make(severity=Severity.WARNING), make(severity=Severity.INFO)
        r = Report(violations=(e, w, i))
        assert (r.errors, r.warnings, r.infos) == ((e,), (w,), (i,))
        assert not r.ok
        assert Report(violations=(w, i)).ok
        assert list(r) == [e, w, i]
        assert r.codes == ("eit.no_worker",) * 3
        assert r.summary().count("\n") == 2

    def test_combine_and_add(self):
        a, b = Report(violations=(make(),)), Report(violations=(make(path=("x",)),))
        assert (a + b).violations == a.violations + b.violations
        assert Report.combine([a, b]) == a + b
        assert a.__add__(1) is NotImplemented  # type: ignore[operator]
        assert a.under("p").violations[0].path == ("p",)

    def test_raise_for_violations(self):
        w = make(severity=Severity.WARNING)
        r = Report(violations=(w, make()))
        with pytest.raises(RuleViolationError) as info:
            r.raise_for_violations()
        assert [v.severity for v in info.value.violations] == [Severity.ERROR]
        assert "[eit.no_worker]" in str(info.value)
        only_warning = Report(violations=(w,))
        assert only_warning.raise_for_violations() is only_warning
        with pytest.raises(RuleViolationError):
            only_warning.raise_for_violations(min_severity=Severity.WARNING)

    @given(sst.reports(), sst.reports())
    def test_ok_iff_no_error(self, a, b):
        r = a + b
        assert r.ok == (not r.errors)
        assert len(r) == len(r.errors) + len(r.warnings) + len(r.infos)

    def test_severity_rank(self):
        assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank


class TestCodes:
    def test_every_code_enum_member_is_registered(self):
        for code in Code:
            info = code_info(code)
            assert info.code == code.value
            assert info.summary

    def test_catalogue_is_sorted_and_read_only(self):
        codes = list(all_codes())
        assert codes == sorted(codes)
        with pytest.raises(TypeError):
            all_codes()["x"] = None  # type: ignore[index]

    def test_violation_fills_the_template(self):
        v = violation(
            Code.EIT_TOO_SMALL,
            enterprise="E1",
            size=1,
            minimum=2,
            profile="p",
            path=("members",),
        )
        assert v.message == (
            "the improvement team of enterprise E1 has 1 members, fewer than the 2 "
            "of profile p"
        )
        assert v.params["size"] == 1
        assert v.severity is Severity.WARNING
        assert (
            violation(
                Code.EIT_NO_WORKER, enterprise="E", severity=Severity.INFO
            ).severity
            is Severity.INFO
        )

    def test_violation_needs_every_placeholder(self):
        with pytest.raises(ConfigurationError):
            violation(Code.EIT_NO_WORKER)

    def test_unknown_code(self):
        with pytest.raises(UnknownNameError):
            violation("no.such_code")

    def test_register_code(self):
        info = CodeInfo(
            code="myorg.rule.broken",
            severity=Severity.WARNING,
            template="{x} broke",
            summary="a rule of our own",
        )
        assert register_code(info) is info
        assert register_code(info) is info
        assert violation("myorg.rule.broken", x=1).message == "1 broke"
        with pytest.raises(ConfigurationError):
            register_code(
                CodeInfo(
                    code="myorg.rule.broken",
                    severity=Severity.ERROR,
                    template="t",
                    summary="s",
                )
            )
        with pytest.raises(InvalidValueError):
            register_code(
                CodeInfo(code="Bad", severity=Severity.ERROR, template="t", summary="s")
            )


def test_every_result_type_spells_its_findings_findings():
    """``.findings`` is a Report on every result type; ``.report`` is deprecated."""
    from datetime import date

    from score_core import Delegation, Enterprise, Workshop, check_eligibility, enrol
    from score_core.parameters import Dated, Timeline

    firm = Enterprise(id="E1", name="Gears", headcount=80)
    results = [
        check_eligibility(firm),
        enrol(
            Workshop(id="W1", module="M1", days=(date(2026, 3, 2),)),
            Delegation(enterprise=firm),
        ),
        Timeline(entries=(Dated(value=1, start=date(2020, 1, 1)),)).at(
            date(2026, 12, 2)
        ),
    ]
    for result in results:
        assert isinstance(result.findings, Report)
        with pytest.warns(DeprecationWarning, match=r"\.report is deprecated"):
            assert result.report == result.findings


class TestMessageFormat:
    """Params stay data; the template says how they read."""

    def test_percentages_and_choices(self):
        from score_core.codes import format_message

        text = "{a:.1%} {b:true=yes|false=no} {c:x=ex|y=why} {d}"
        assert format_message(text, {"a": "0.4912", "b": True, "c": "y", "d": 3}) == (
            "49.1% yes why 3"
        )
        assert format_message(text, {"a": 1, "b": False, "c": "z", "d": None}) == (
            "100.0% no z None"
        )

    def test_choices_quote_params_and_fall_back(self):
        from score_core.codes import format_message

        text = "{v:0=intake|*=follow-up {v}}{by:=|*= by {by}}{n:>3}"
        assert format_message(text, {"v": 0, "by": None, "n": 7}) == "intake  7"
        assert format_message(text, {"v": 2, "by": "2026-12-02", "n": 7}) == (
            "follow-up 2 by 2026-12-02  7"
        )
        nested = "{a:x=one {b:p=P|q=Q}|y=two}"
        assert format_message(nested, {"a": "x", "b": "q"}) == "one Q"
        assert format_message(nested, {"a": "y", "b": "q"}) == "two"

    @given(st.text(max_size=30), st.text(max_size=30))
    def test_a_value_is_never_read_as_part_of_a_choice(self, a, b):
        from score_core.codes import format_message

        # Values with | = { } in them are written, never parsed.
        text = "{a:x=ex|*=[{a}] and {b}}"
        expected = "ex" if a == "x" else f"[{a}] and {b}"
        assert format_message(text, {"a": a, "b": b}) == expected

    @pytest.mark.parametrize(
        "odd", ["n/a", True, None, "NaN", "Infinity", "9e999999999", "1e-40"]
    )
    def test_a_percentage_that_is_no_sensible_number_is_written_as_it_is(self, odd):
        from score_core.codes import format_message

        assert format_message("{a:.1%}", {"a": odd}) == str(odd)
