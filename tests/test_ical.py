"""iCalendar export: RFC 5545 lines, stable UIDs, sequences, folding, escaping."""

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given

from score_core import (
    Enterprise,
    InvalidValueError,
    plan_module,
    reschedule,
    to_ical,
    weekday_calendar,
)
from score_core import strategies as sst
from score_core.visits import VisitOutcome


STAMP = datetime(2026, 11, 24, 17, 30, tzinfo=timezone(timedelta(hours=8)))
CAL = weekday_calendar()


def _plan(name="重庆齿轮厂有限责任公司, 第一分厂; 质量部"):
    firm = Enterprise(id="CQ-001", name=name, headcount=180)
    return plan_module(firm, module="M1", earliest=date(2026, 3, 2), calendar=CAL)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def _events(text: str) -> list[dict[str, str]]:
    events, current = [], None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current[key] = value
    return events


def test_a_plan_gives_classroom_days_and_visits():
    text = to_ical(_plan(), stamp=STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    events = _events(text)
    assert len(events) == 6
    assert events[0]["SUMMARY"] == "SCORE M1 classroom day 1 of 2"
    assert events[0]["DTSTART;VALUE=DATE"] == "20260309"
    assert events[0]["DTEND;VALUE=DATE"] == "20260310"
    assert {e["DTSTAMP"] for e in events} == {"20261124T093000Z"}
    assert events[2]["UID"] == f"{_plan().id}.CQ-001.0@score-core"
    assert events[2]["SUMMARY"] == "SCORE M1 intake visit: CQ-001"


def _second_visit_a_day_later(cycle):
    day = cycle.visit(2).on + timedelta(days=1)
    return reschedule(cycle, 2, day, on=date(2026, 3, 1), calendar=CAL).cycle


def test_uids_survive_a_reschedule_and_the_sequence_counts_it():
    cycle = _plan().cycles[0]
    moved = _second_visit_a_day_later(cycle)
    before, after = (
        _events(to_ical(cycle, stamp=STAMP)),
        _events(to_ical(moved, stamp=STAMP)),
    )
    assert [e["UID"] for e in before] == [e["UID"] for e in after]
    assert after[2]["SEQUENCE"] == "1"
    assert before[2]["SEQUENCE"] == "0"
    assert "moved from 2026-04-23" in after[2]["DESCRIPTION"]


def test_cancelled_and_done_visits():
    cycle = _plan().cycles[0].cancel(3)
    cycle = cycle.record(0, VisitOutcome(held_on=date(2026, 3, 3)))
    events = _events(to_ical([cycle], stamp=STAMP))
    assert events[3]["STATUS"] == "CANCELLED"
    assert events[0]["DTSTART;VALUE=DATE"] == "20260303"  # the day it was held


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    where = "重庆市沙坪坝区, 工业园区; 第三会议室 \\ 二楼\n东侧" * 2
    shop_plan = attrs.evolve(_plan(), location=where)
    text = to_ical(shop_plan, stamp=STAMP)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    location = _events(text)[0]["LOCATION"]
    assert location.startswith(
        "重庆市沙坪坝区\\, 工业园区\\; 第三会议室 \\\\ 二楼\\n东侧"
    )


def test_naive_stamp_is_refused():
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        to_ical(_plan(), stamp=datetime(2026, 11, 24))


@given(sst.module_plans())
def test_every_planned_day_is_an_event(plan):
    events = _events(to_ical(plan, stamp=datetime(2026, 1, 1, tzinfo=UTC)))
    assert len({e["UID"] for e in events}) == len(events)
    starts = sorted({e["DTSTART;VALUE=DATE"] for e in events})
    assert starts == sorted({d.strftime("%Y%m%d") for d in plan.dates()})


@pytest.mark.parametrize(
    ("locale", "classroom", "intake", "moved"),
    [
        (
            "zh_CN",
            "SCORE M1 课堂培训日第 1 天（共 2 天）",
            "SCORE M1 入厂访问: CQ-001",
            "由 ",
        ),
        (
            "es_PE",
            "SCORE M1 día de aula 1 de 2",
            "SCORE M1 visita inicial: CQ-001",
            "trasladada desde ",
        ),
        (
            "id",
            "SCORE M1 hari kelas 1 dari 2",
            "SCORE M1 kunjungan awal: CQ-001",
            "dipindahkan dari ",
        ),
    ],
)
def test_the_events_words_in_the_trainers_language(locale, classroom, intake, moved):
    later = _second_visit_a_day_later(_plan().cycles[0])
    english = _events(to_ical(_plan(), stamp=STAMP))
    events = _events(to_ical(_plan(), stamp=STAMP, locale=locale))
    assert events[0]["SUMMARY"] == classroom
    assert events[2]["SUMMARY"] == intake
    # Identifiers, days and statuses for calendar programs stay as they are.
    for mine, theirs in zip(events, english, strict=True):
        for key in ("UID", "DTSTART;VALUE=DATE", "STATUS", "SEQUENCE"):
            assert mine[key] == theirs[key]
    assert (
        moved in _events(to_ical(later, stamp=STAMP, locale=locale))[2]["DESCRIPTION"]
    )


def test_the_year_after_visit_is_named():
    firm = Enterprise(id="CQ-001", name="Gears", headcount=180)
    plan = plan_module(
        firm, module="M1", earliest=date(2026, 3, 2), calendar=CAL, year_after=True
    )
    assert _events(to_ical(plan, stamp=STAMP))[-1]["SUMMARY"] == (
        "SCORE M1 year-after visit: CQ-001"
    )
    assert _events(to_ical(plan, stamp=STAMP, locale="zh_CN"))[-1]["SUMMARY"] == (
        "SCORE M1 一年后回访: CQ-001"
    )
