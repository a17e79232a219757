"""Hostile input found by fuzzing (issue 21): each reproducer, and its fix.

Every loader answers bad input with a PayloadError that lists each problem
with its path; date arithmetic that runs off Python's dates says so with a
score_core error; text that is not Unicode (a lone surrogate) is written
without crashing; equal values write the same JSON.
"""

import io
import json
import sys
from contextlib import redirect_stdout
from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import pytest

from score_core import (
    Enterprise,
    Money,
    PayloadError,
    ScoreError,
    from_dict,
    from_json,
    load_document,
    plan_module,
    to_json,
    weekday_calendar,
)
from score_core._cli import main
from score_core.calendars import (
    add_working_days,
    next_working_day,
    previous_working_day,
)
from score_core.errors import InvalidTypeError, NoWorkingDayError
from score_core.ical import to_ical
from score_core.parameters import Dated, Resolved, Timeline
from score_core.serialization import load_many


INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _document(data: str, kind: str = "enterprise") -> str:
    return (
        f'{{"schema": "score_core", "schema_version": 1, "kind": "{kind}", '
        f'"data": {data}}}'
    )


# -- deep nesting -----------------------------------------------------------------
@pytest.mark.parametrize("depth", [500, 750, 999])
def test_a_deeply_nested_document_is_a_payload_error(depth):
    text = _document(_nested(depth))
    for load in (load_document, lambda t: load_many(Enterprise, t)):
        with pytest.raises(PayloadError) as caught:
            load(text)
        # Within the parser's reach, the data is refused for what it is;
        # beyond it (a deep stack already), for its depth.
        assert caught.value.errors in (
            ("$: expected an object, got a list",),
            ("$: nested too deeply to read (deeper than Python's recursion limit)",),
        )
    # Already parsed: the migrations copy it without recursion.
    data: list = []
    for _ in range(depth):
        data = [data]
    document = json.loads(_document("null"))
    with pytest.raises(PayloadError, match="expected an object, got a list"):
        load_document({**document, "data": data})


def test_nesting_deeper_than_the_parser_reads_is_a_payload_error():
    text = _document(_nested(sys.getrecursionlimit() + 10))
    with pytest.raises(PayloadError, match="nested too deeply"):
        load_document(text)


# -- dates past 9999 or before year 1 -----------------------------------------------
def test_working_day_arithmetic_off_the_end_of_the_dates():
    cal = weekday_calendar()
    with pytest.raises(NoWorkingDayError, match="9999-12-31"):
        add_working_days(cal, date(9999, 12, 30), 5)
    with pytest.raises(NoWorkingDayError, match="0001-01-01"):
        add_working_days(cal, date(1, 1, 3), -5)
    with pytest.raises(NoWorkingDayError):
        next_working_day(cal, date.max)
    with pytest.raises(NoWorkingDayError):
        previous_working_day(cal, date.min)


@pytest.mark.parametrize(
    ("earliest", "options"),
    [
        (date(9999, 12, 1), {}),  # the follow-up window ends past 9999
        (date(9999, 10, 1), {"spacing_days": 40}),  # nominal days past 9999
        (date(9999, 12, 20), {"stagger": 30}),  # intake visits past 9999
        (date(9999, 9, 1), {"spacing_days": 50}),  # rrule stops at 9999
    ],
)
def test_a_plan_past_9999_is_a_score_error(earliest, options):
    firms = [Enterprise(id=f"E{i}", name="E", headcount=60) for i in range(3)]
    with pytest.raises(NoWorkingDayError, match="9999-12-31"):
        plan_module(
            firms,
            calendar=weekday_calendar(),
            module="M1",
            earliest=earliest,
            **options,
        )


def test_plan_earliest_9999_12_01_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "firms.json"
    path.write_text('[{"id": "E", "name": "E", "headcount": 60}]')
    code = main(["plan", str(path), "--earliest", "9999-12-01"])
    assert code == 2
    assert "score-core plan: plan_module: the plan needs days beyond 9999-12-31" in (
        capsys.readouterr().err
    )


def test_a_calendar_file_for_the_first_and_last_days():
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    plan = plan_module(
        Enterprise(id="E", name="E", headcount=60),
        calendar=weekday_calendar(),
        module="M1",
        earliest=date(1, 1, 1),
    )
    assert "DTSTART;VALUE=DATE:00010101" in to_ical(plan, stamp=stamp)
    # The last day Python holds has no next day to end on: no DTEND.
    cycle = plan_module(
        Enterprise(id="E", name="E", headcount=60),
        calendar=weekday_calendar(),
        module="M1",
        earliest=date(9999, 1, 1),
    ).cycles[0]
    last = attrs.evolve(cycle.visits[-1], on=date.max)
    moved = attrs.evolve(cycle, visits=(*cycle.visits[:-1], last), window_end=date.max)
    event = to_ical(moved, stamp=stamp).split("BEGIN:VEVENT")[-1]
    assert "DTSTART;VALUE=DATE:99991231" in event
    assert "DTEND" not in event


# -- lone surrogates ------------------------------------------------------------------
SURROGATE_FIRMS = '[{"id": "E\\ud800", "name": "N\\udfff", "headcount": 60}]'


def test_to_json_writes_a_lone_surrogate_as_its_escape():
    firm = from_json(Enterprise, SURROGATE_FIRMS[1:-1])
    text = to_json(firm)
    text.encode("utf-8")  # no UnicodeEncodeError
    assert '"id":"E\\ud800"' in text
    assert from_json(Enterprise, text) == firm
    assert to_json(firm, indent=2).encode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--json"],
        ["plan", "--earliest", "2026-03-02"],
    ],
)
def test_the_command_line_prints_a_lone_surrogate(tmp_path, capfdbinary, argv):
    path = tmp_path / "firms.json"
    path.write_text(SURROGATE_FIRMS)
    ics = tmp_path / "plan.ics"
    extra = ["--ics", str(ics)] if argv[0] == "plan" else []
    code = main([argv[0], str(path), *argv[1:], *extra])
    assert code in (0, 1)
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert "E\\ud800" in out
    if extra:
        assert "E\ufffd" in ics.read_text(encoding="utf-8")
    # The streams are as they were.
    assert sys.stdout.errors != "backslashreplace"


def test_a_lone_surrogate_in_an_error_message(capfdbinary):
    # A file name that is not UTF-8 reaches Python with a lone surrogate.
    assert main(["check", "no-such-\udcff.json"]) == 2
    assert "no-such-\\udcff.json" in capfdbinary.readouterr().err.decode("utf-8")


def test_output_to_a_stream_without_an_encoding():
    with redirect_stdout(io.StringIO()) as out:
        assert main(["schema"]) == 0
    assert "enterprise" in out.getvalue()


# -- patterns and trailing newlines ---------------------------------------------------
@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Money, {"amount": "12.50\n", "currency": "CNY"}),
        (Money, {"amount": "12.50", "currency": "CNY\n"}),
        (Enterprise, {"id": "E", "name": "E", "headcount": 60, "country": "CN\n"}),
        (
            Enterprise,
            {"id": "E", "name": "E", "headcount": 60, "founded": "2001-01-01\n"},
        ),
    ],
)
def test_a_trailing_newline_is_refused(cls, data):
    with pytest.raises(PayloadError):
        from_dict(cls, data)


def test_patterns_refuse_a_trailing_newline_everywhere():
    from score_core import catalogue, findings, monitoring, serialization
    from score_core import money as money_module
    from score_core._validators import _COUNTRY_RE, _NAME_RE

    patterns = [
        _COUNTRY_RE,
        _NAME_RE,
        catalogue._MODULE_CODE_RE,
        findings._CODE_RE,
        findings._IDENT_RE,
        money_module._CODE_RE,
        monitoring._CODE,
        serialization._DECIMAL_RE,
        serialization._DATE_RE,
        serialization._KIND_RE,
    ]
    for pattern, good in zip(
        patterns,
        ["CN", "cn-phase-2", "M1", "a.b", "x", "CNY", "code", "1.5", "2026-01-01", "k"],
        strict=True,
    ):
        assert pattern.match(good)
        assert not pattern.match(good + "\n")


# -- duplicate keys -------------------------------------------------------------------
def test_duplicate_keys_are_refused_with_their_paths():
    with pytest.raises(PayloadError) as caught:
        from_json(Money, '{"amount": "1", "amount": "2", "currency": "CNY"}')
    assert caught.value.errors == ("$: key 'amount' given twice",)
    text = _document(
        '{"id": "E", "name": "E", "headcount": 1, "headcount": 2, '
        '"x": [{"a": 1, "a": 1, "b": 2, "b": 3}]}'
    )
    with pytest.raises(PayloadError) as caught:
        load_document(text)
    assert caught.value.errors == (
        "$.data: key 'headcount' given twice",
        "$.data.x[0]: key 'a' given twice",
        "$.data.x[0]: key 'b' given twice",
    )


# -- huge integers --------------------------------------------------------------------
@pytest.mark.parametrize(
    "number", [INT_MAX + 1, INT_MIN - 1, 10**5000], ids=["max+1", "min-1", "huge"]
)
def test_integers_beyond_64_bits_are_refused(number):
    with pytest.raises(PayloadError, match="from -2\\^63 to 2\\^63 - 1"):
        from_dict(Enterprise, {"id": "E", "name": "E", "headcount": number})
    with pytest.raises(PayloadError, match="from -2\\^63 to 2\\^63 - 1"):
        from_dict(Money, {"amount": number, "currency": "CNY"})


def test_the_integer_bounds_are_published():
    from score_core import serialization

    assert (serialization.INT_MIN, serialization.INT_MAX) == (INT_MIN, INT_MAX)


def test_integers_of_thousands_of_digits_in_json_text():
    text = '{"id": "E", "name": "E", "headcount": ' + "9" * 4000 + "}"
    with pytest.raises(PayloadError, match="2\\^63"):
        from_json(Enterprise, text)
    with pytest.raises(PayloadError, match="not valid JSON"):
        from_json(Enterprise, text.replace("9" * 4000, "9" * 5000))
    assert from_dict(Enterprise, {"id": "E", "name": "E", "headcount": INT_MAX})


def test_big_integers_in_findings_are_refused():
    from score_core.findings import RuleViolation

    base = {"code": "a.b", "severity": "error", "message": "m"}
    with pytest.raises(PayloadError, match="2\\^63"):
        from_dict(RuleViolation, {**base, "params": {"n": 2**64}})
    with pytest.raises(PayloadError, match="2\\^63"):
        from_dict(RuleViolation, {**base, "path": [2**64]})


# -- equal values, equal JSON ---------------------------------------------------------
def test_money_zero_and_minus_zero_write_the_same_json():
    zero, minus = Money.of("0", "CNY"), Money.of("-0", "CNY")
    assert zero == minus
    assert to_json(zero) == to_json(minus) == '{"amount":"0.00","currency":"CNY"}'
    assert to_json(Money.of("-0.00", "JPY")) == '{"amount":"0","currency":"JPY"}'
    assert to_json(-Money.of("0", "CNY")) == to_json(zero)
    assert not minus.amount.is_signed()


def test_equal_amounts_below_the_minor_unit_write_the_same_json():
    a, b = Money.of("10.0050", "CNY"), Money.of("10.005", "CNY")
    assert a == b
    assert to_json(a) == to_json(b) == '{"amount":"10.005","currency":"CNY"}'
    assert str(Money.of("-0.00100", "CNY")) == "-0.001 CNY"


def test_decimal_minus_zero_writes_as_zero():
    from score_core.serialization import converter

    assert converter.unstructure(Decimal("-0.0")) == "0.0"
    assert converter.unstructure(Decimal("-1.0")) == "-1.0"


# -- generic classes without their type -----------------------------------------------
@pytest.mark.parametrize(
    "cls", [Timeline, Dated, Resolved, tuple[Timeline, ...], dict[str, Dated]]
)
def test_a_generic_class_without_its_type_says_how_to_write_it(cls):
    with pytest.raises(InvalidTypeError, match=r"write \w+\[Money\]") as caught:
        from_dict(cls, {})
    assert isinstance(caught.value, ScoreError)


def test_a_type_score_core_cannot_load_is_a_type_error():
    with pytest.raises(InvalidTypeError, match="cannot load"):
        from_dict(complex, 1)


# -- plan_module with a stagger is linear ----------------------------------------
class _CountingCalendar:
    """The weekday calendar, counting the days it is asked about."""

    def __init__(self):
        self.inner = weekday_calendar()
        self.name, self.source = self.inner.name, self.inner.source
        self.asked = 0

    def is_working_day(self, day):
        self.asked += 1
        return self.inner.is_working_day(day)

    def covers(self, year):
        return True

    def is_confirmed(self, year):
        return True


def test_a_staggered_plan_asks_the_calendar_a_linear_number_of_times():
    # 1,000 enterprises took 11 s: each one's days were counted from the
    # first enterprise's, so the calendar was asked n^2 times.
    calendar = _CountingCalendar()
    firms = [Enterprise(id=f"E{i}", name="E", headcount=60) for i in range(200)]
    plan_module(
        firms, calendar=calendar, module="M1", earliest=date(2026, 3, 2), stagger=5
    )
    assert calendar.asked < 20 * 200 * 5  # quadratic: about 300,000


@pytest.mark.parametrize("stagger", [1, 3])
def test_a_staggered_plan_keeps_its_days(stagger):
    # Each enterprise's intake is the first one's, k * stagger working days on
    # (test_visits checks the follow-up visits).
    cal = weekday_calendar()
    firms = [Enterprise(id=f"E{i}", name="E", headcount=60) for i in range(6)]
    plan = plan_module(
        firms, calendar=cal, module="M1", earliest=date(2026, 3, 7), stagger=stagger
    )
    first = plan.cycles[0].visits[0].on
    for k, cycle in enumerate(plan.cycles):
        assert cycle.visits[0].on == add_working_days(cal, first, k * stagger)


class TestWhatPythonBuildsJsonLoads:
    """A new user's findings: what Python accepts, JSON must load back."""

    def test_an_integer_beyond_64_bits_is_refused_when_built(self):
        from score_core.errors import InvalidValueError

        with pytest.raises(InvalidValueError, match="at most 9223372036854775807"):
            Enterprise(id="E", name="n", headcount=10**30)
        biggest = Enterprise(id="E", name="n", headcount=2**63 - 1)
        assert from_json(Enterprise, to_json(biggest)) == biggest

    def test_json_text_that_is_not_text_is_a_payload_error(self):
        with pytest.raises(PayloadError, match="expected JSON text"):
            from_json(Enterprise, None)  # type: ignore[arg-type]

    def test_a_quote_for_a_module_the_catalogue_lacks_is_refused(self):
        from score_core import Workshop, quote
        from score_core.errors import UnknownNameError
        from score_core.pricing import example_cost_model, example_funding_policy

        shop = Workshop(id="W", module="M1\n", days=(date(2015, 4, 8),))
        with pytest.raises(UnknownNameError, match="no module"):
            quote(
                shop,
                cost_model=example_cost_model(),
                policy=example_funding_policy(),
                on=date(2015, 4, 8),
            )
