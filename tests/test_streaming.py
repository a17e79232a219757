"""JSON Lines: one value a line, bad lines reported by number, constant memory."""

import io
import json
import tracemalloc
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Enterprise,
    EnterpriseRecord,
    InvalidValueError,
    PayloadError,
    dump_document,
    screen,
    to_json,
)
from score_core import strategies as sst
from score_core.streaming import LineError, iter_jsonl, screen_jsonl


def firm(n: int, headcount: int | None = 120) -> Enterprise:
    return Enterprise(id=f"E{n}", name=f"Firm {n}", headcount=headcount, country="CN")


GOOD = to_json(firm(1))
BAD_HEADCOUNT = '{"id": "E2", "name": "n", "headcount": "many"}'


class TestIterJsonl:
    @given(
        st.lists(sst.enterprises(), max_size=8),
        st.lists(st.integers(0, 8), max_size=3),
    )
    def test_values_come_back_and_bad_lines_are_named_by_number(self, firms, holes):
        lines = [to_json(f) for f in firms]
        for at in sorted(holes, reverse=True):
            lines.insert(min(at, len(lines)), "{not json")
        items = list(iter_jsonl(Enterprise, lines, on_error="yield"))
        assert [i for i in items if not isinstance(i, LineError)] == firms
        errors = [i for i in items if isinstance(i, LineError)]
        assert [e.line for e in errors] == [
            n for n, line in enumerate(lines, 1) if line == "{not json"
        ]

    def test_every_problem_of_a_line_with_its_path(self):
        lines = [
            GOOD,
            "",
            "   ",
            BAD_HEADCOUNT,
            '{"id": 1, "name": 5, "size": 3}',
            GOOD,
        ]
        items = list(iter_jsonl(Enterprise, lines, on_error="yield", source="r.jsonl"))
        assert [type(i).__name__ for i in items] == [
            "Enterprise",
            "LineError",
            "LineError",
            "Enterprise",
        ]
        error = items[1]
        assert error.line == 4  # blank lines count
        assert str(error) == (
            "r.jsonl, line 4: $.headcount: expected an integer, got the string 'many'"
        )
        assert len(items[2].errors) == 3  # every problem of the line
        assert all(p.startswith("r.jsonl, line 5: $") for p in items[2].problems)

    def test_raise_stops_at_the_first_bad_line_after_the_good_ones(self):
        seen = []
        with pytest.raises(PayloadError) as caught:
            seen.extend(iter_jsonl(Enterprise, [GOOD, BAD_HEADCOUNT, GOOD]))
        assert seen == [firm(1)]
        assert caught.value.errors == (
            "line 2: $.headcount: expected an integer, got the string 'many'",
        )

    def test_files_text_bytes_and_a_byte_order_mark(self, tmp_path):
        text = "\ufeff" + GOOD + "\r\n" + to_json(firm(2)) + "\n"
        path = tmp_path / "registry.jsonl"
        path.write_text(text, encoding="utf-8", newline="")
        with path.open(encoding="utf-8") as lines:
            assert list(iter_jsonl(Enterprise, lines)) == [firm(1), firm(2)]
        with path.open("rb") as lines:
            assert list(iter_jsonl(Enterprise, lines)) == [firm(1), firm(2)]
        stream = io.BytesIO(b"\xff\xfe" + GOOD.encode())
        (error,) = iter_jsonl(Enterprise, stream, on_error="yield")
        assert error.errors[0].startswith("$: not valid JSON")

    def test_a_line_may_hold_a_list_or_a_document(self):
        lines = [
            json.dumps([json.loads(GOOD), json.loads(to_json(firm(2)))]),
            json.dumps(dump_document(firm(3))),
            json.dumps(dump_document((firm(4),), kind="enterprise[]")),
        ]
        got = [e.id for e in iter_jsonl(Enterprise, lines)]
        assert got == ["E1", "E2", "E3", "E4"]

    def test_hostile_lines_are_line_errors(self):
        lines = [
            "[" * 100_000 + "]" * 100_000,
            '{"id": "E1", "id": "E2", "name": "n", "headcount": 1}',
            '{"id": "\\ud800", "name": "n", "headcount": 99999999999999999999}',
            "NaN",
        ]
        errors = list(iter_jsonl(Enterprise, lines, on_error="yield"))
        assert [e.line for e in errors] == [1, 2, 3, 4]
        assert "nested too deeply" in errors[0].errors[0]
        assert errors[1].errors == ("$: key 'id' given twice",)
        assert "from -2^63 to 2^63 - 1" in str(errors[2])

    def test_misuse_is_refused_at_once(self):
        with pytest.raises(InvalidValueError, match="on_error must be 'raise' or"):
            iter_jsonl(Enterprise, [], on_error="skip")  # type: ignore[call-overload]
        with pytest.raises(InvalidValueError, match=r"LineError\.line"):
            LineError(line=0, errors=["$: x"])


class TestScreenJsonl:
    @given(st.lists(sst.enterprises(), max_size=10))
    def test_counts_are_those_of_screen(self, firms):
        lines = [to_json(f) for f in firms]
        assert screen_jsonl(lines) == screen(firms).run()

    def test_records_options_and_bad_lines(self):
        record = EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 3, 2))
        lines = [GOOD, BAD_HEADCOUNT, to_json(firm(3, headcount=40))]
        bad: list[LineError] = []
        summary = screen_jsonl(
            lines, on_error=bad.append, records={"E1": record}, on=date(2015, 7, 1)
        )
        assert (
            summary
            == screen(
                [firm(1), firm(3, headcount=40)],
                records={"E1": record},
                on=date(2015, 7, 1),
            ).run()
        )
        assert [(e.line, e.source) for e in bad] == [(2, None)]
        with pytest.raises(PayloadError, match="line 2: "):
            screen_jsonl(lines)

        def stop(error: LineError) -> None:
            raise PayloadError(error.problems)

        with pytest.raises(PayloadError, match="registry, line 2: "):
            screen_jsonl(lines, on_error=stop, source="registry")


def _lines(n: int):
    """n enterprises as JSON Lines, made one at a time (none kept)."""
    for k in range(n):
        headcount = "null" if k % 7 == 0 else k % 700
        yield f'{{"id": "E{k}", "name": "Firm {k}", "headcount": {headcount}}}'
        if k % 1000 == 500:
            yield BAD_HEADCOUNT


def _peak(n: int) -> int:
    bad = 0

    def count(_: LineError) -> None:
        nonlocal bad
        bad += 1

    tracemalloc.start()
    try:
        summary = screen_jsonl(_lines(n), on_error=count, baseline_modules=())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.total == n
    assert bad == (n + 499) // 1000
    return peak


def test_memory_does_not_grow_with_the_number_of_lines():
    _peak(300)  # caches and lazy imports filled first
    small, large = _peak(600), _peak(6_000)
    # Ten times the lines, bad ones among them: the peak stays that of a few
    # lines (about 12 kB). Keeping each enterprise would take about 1 kB
    # more a line, and each bad line's exceptions about 2 kB until the
    # garbage collector ran.
    assert large < small + 20_000, (small, large)


def test_screen_jsonl_takes_the_rules_screen_takes():
    import inspect

    from score_core.eligibility import ScreenRules, screen

    keywords = [
        name
        for name, p in inspect.signature(screen).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    assert list(ScreenRules.__annotations__) == keywords
