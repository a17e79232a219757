"""Working-day calendars: arithmetic, roll conventions, years, the holidays adapter."""

import sys
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import score_core
from score_core import (
    FixedCalendar,
    InvalidValueError,
    UnknownNameError,
    get_calendar,
    holidays_calendar,
    weekday_calendar,
)
from score_core import strategies as sst
from score_core._cli.demo import china_2015
from score_core.calendars import (
    Roll,
    add_working_days,
    calendar_names,
    check_years,
    next_working_day,
    previous_working_day,
    register_calendar,
    roll,
    working_days,
    working_days_between,
)
from score_core.errors import ConfigurationError, NoWorkingDayError


def _span(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


#: China 2026, written from the State Council notice (Guobanfa Mingdian [2025] 7),
#: independently of the holidays package.
CHINA_2026 = FixedCalendar(
    name="cn-2026-notice",
    holidays=frozenset(
        _span(date(2026, 1, 1), date(2026, 1, 3))
        | _span(date(2026, 2, 15), date(2026, 2, 23))
        | _span(date(2026, 4, 4), date(2026, 4, 6))
        | _span(date(2026, 5, 1), date(2026, 5, 5))
        | _span(date(2026, 6, 19), date(2026, 6, 21))
        | _span(date(2026, 9, 25), date(2026, 9, 27))
        | _span(date(2026, 10, 1), date(2026, 10, 7))
    ),
    workdays=frozenset(
        {
            date(2026, 1, 4),
            date(2026, 2, 14),
            date(2026, 2, 28),
            date(2026, 5, 9),
            date(2026, 9, 20),
            date(2026, 10, 10),
        }
    ),
    years=frozenset({2026}),
    source="State Council notice on the 2026 holidays",
)

#: China 2025 (Guobanfa Mingdian [2024] 12).
CHINA_2025 = FixedCalendar(
    name="cn-2025-notice",
    holidays=frozenset(
        {date(2025, 1, 1)}
        | _span(date(2025, 1, 28), date(2025, 2, 4))
        | _span(date(2025, 4, 4), date(2025, 4, 6))
        | _span(date(2025, 5, 1), date(2025, 5, 5))
        | _span(date(2025, 5, 31), date(2025, 6, 2))
        | _span(date(2025, 10, 1), date(2025, 10, 8))
    ),
    workdays=frozenset(
        {
            date(2025, 1, 26),
            date(2025, 2, 8),
            date(2025, 4, 27),
            date(2025, 9, 28),
            date(2025, 10, 11),
        }
    ),
    years=frozenset({2025}),
    source="State Council notice on the 2025 holidays",
)

FRIDAY = date(2026, 11, 27)
WEEKDAYS = weekday_calendar()


class TestArithmetic:
    def test_next_and_previous_are_strict(self):
        assert next_working_day(WEEKDAYS, FRIDAY) == date(2026, 11, 30)
        assert previous_working_day(WEEKDAYS, date(2026, 11, 30)) == FRIDAY
        assert next_working_day(WEEKDAYS, date(2026, 11, 25)) == date(2026, 11, 26)

    def test_roll_conventions(self):
        saturday = date(2026, 10, 31)
        sunday_first = date(2026, 11, 1)
        assert roll(WEEKDAYS, FRIDAY, Roll.PRECEDING) == FRIDAY
        assert roll(WEEKDAYS, saturday) == date(2026, 11, 2)
        assert roll(WEEKDAYS, saturday, Roll.PRECEDING) == date(2026, 10, 30)
        assert roll(WEEKDAYS, saturday, Roll.MODIFIED_FOLLOWING) == date(2026, 10, 30)
        assert roll(WEEKDAYS, date(2026, 11, 28), "modified_following") == date(
            2026, 11, 30
        )
        assert roll(WEEKDAYS, sunday_first, Roll.MODIFIED_PRECEDING) == date(
            2026, 11, 2
        )
        assert roll(WEEKDAYS, date(2026, 11, 29), Roll.MODIFIED_PRECEDING) == FRIDAY

    def test_add_working_days(self):
        assert add_working_days(WEEKDAYS, FRIDAY, 1) == date(2026, 11, 30)
        assert add_working_days(WEEKDAYS, FRIDAY, -5) == date(2026, 11, 20)
        assert add_working_days(WEEKDAYS, date(2026, 11, 28), 0) == date(2026, 11, 30)
        assert add_working_days(WEEKDAYS, FRIDAY, 0) == FRIDAY

    def test_counting_is_half_open(self):
        monday = date(2026, 11, 23)
        assert working_days_between(WEEKDAYS, monday, monday) == 0
        assert working_days_between(WEEKDAYS, monday, FRIDAY) == 4
        assert working_days_between(WEEKDAYS, FRIDAY, monday) == -4
        assert list(working_days(WEEKDAYS, FRIDAY, date(2026, 12, 1))) == [
            FRIDAY,
            date(2026, 11, 30),
        ]

    def test_china_make_up_days_and_holidays(self):
        # Spring Festival 2026: Saturday 14 and 28 February are worked.
        assert add_working_days(CHINA_2026, date(2026, 2, 13), 1) == date(2026, 2, 14)
        assert next_working_day(CHINA_2026, date(2026, 2, 14)) == date(2026, 2, 24)
        assert (
            working_days_between(CHINA_2026, date(2026, 2, 9), date(2026, 3, 2)) == 11
        )
        # National Day week: 1 to 7 October off, Saturday 10 October worked.
        assert roll(CHINA_2026, date(2026, 10, 1)) == date(2026, 10, 8)
        assert roll(CHINA_2026, date(2026, 10, 3), Roll.PRECEDING) == date(2026, 9, 30)
        assert add_working_days(CHINA_2026, date(2026, 10, 9), 1) == date(2026, 10, 10)

    def test_a_search_without_result_raises(self):
        with pytest.raises(NoWorkingDayError, match="within 2 days after 2026-11-27"):
            next_working_day(WEEKDAYS, FRIDAY, within=2)
        with pytest.raises(NoWorkingDayError, match="before"):
            roll(WEEKDAYS, date(2026, 11, 29), Roll.PRECEDING, within=1)
        closed = FixedCalendar(
            name="closed", holidays=_span(FRIDAY, FRIDAY + timedelta(400))
        )
        with pytest.raises(NoWorkingDayError):
            add_working_days(closed, FRIDAY, 1)

    @given(
        sst.fixed_calendars(
            min_day=date(2026, 1, 1), max_day=date(2026, 3, 31), max_holidays=40
        ),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 31)),
        st.integers(min_value=-40, max_value=40),
        st.sampled_from(Roll),
    )
    def test_properties_on_random_calendars(self, calendar, day, count, convention):
        moved = add_working_days(calendar, day, count)
        assert calendar.is_working_day(moved)
        assert (
            (moved > day) if count > 0 else (moved < day) if count < 0 else moved >= day
        )
        start = roll(calendar, day)
        if count >= 0:
            assert (
                working_days_between(
                    calendar, start, add_working_days(calendar, start, count)
                )
                == count
            )
        rolled = roll(calendar, day, convention)
        assert calendar.is_working_day(rolled)
        if calendar.is_working_day(day):
            assert rolled == day
        elif convention is Roll.FOLLOWING:
            assert rolled == next_working_day(calendar, day)
        elif convention is Roll.PRECEDING:
            assert rolled == previous_working_day(calendar, day)
        else:
            plain = roll(
                calendar,
                day,
                Roll.FOLLOWING
                if convention is Roll.MODIFIED_FOLLOWING
                else Roll.PRECEDING,
            )
            assert rolled == plain or plain.month != day.month


class TestYears:
    def test_findings_for_uncovered_and_estimated_years(self):
        calendar = FixedCalendar(name="c", years={2025, 2026}, confirmed={2025})
        assert check_years(calendar, [2025, 2025]).ok
        codes = [
            (v.code, v.severity.value)
            for v in check_years(calendar, [2024, 2026]).violations
        ]
        assert codes == [
            ("calendar.year.not_covered", "error"),
            ("calendar.year.unconfirmed", "warning"),
        ]
        (strict,) = check_years(
            calendar, [2026], strict=True, path=("days",)
        ).violations
        assert strict.severity.value == "error"
        assert strict.path == ("days",)


class TestRegistry:
    def test_weekdays_and_registered_calendars(self):
        assert get_calendar(None) is WEEKDAYS
        assert WEEKDAYS.covers(1999)
        assert WEEKDAYS.is_confirmed(2099)
        register_calendar(CHINA_2026)
        register_calendar(CHINA_2026, name="cn-2026-alias")
        assert get_calendar("cn-2026-notice") is CHINA_2026
        assert get_calendar("cn-2026-alias") is CHINA_2026
        assert "cn-2026-notice" in calendar_names()

    def test_errors(self):
        with pytest.raises(InvalidValueError, match="WorkCalendar protocol"):
            register_calendar("CN")  # type: ignore[arg-type]
        with pytest.raises(ConfigurationError, match="already registered"):
            register_calendar(CHINA_2025, name="cn-2026-notice")
        with pytest.raises(UnknownNameError, match="register_calendar"):
            get_calendar("no-such-calendar")

    def test_a_registered_country_code_wins_over_the_package(self):
        mine = FixedCalendar(name="XK", source="mine")
        register_calendar(mine)
        assert get_calendar("XK") is mine


class TestHolidaysAdapter:
    def test_china_2025_and_2026_match_the_notices(self):
        china = get_calendar("cn", years=[2025, 2026])
        assert china.name == "CN"
        assert china.source.startswith("holidays ")
        for notice in (CHINA_2025, CHINA_2026):
            year = next(iter(notice.years or ()))
            days = _span(date(year, 1, 1), date(year, 12, 31))
            assert {d for d in days if china.is_working_day(d)} == {
                d for d in days if notice.is_working_day(d)
            }
        assert china.is_confirmed(2025)
        assert china.is_confirmed(2026)

    def test_china_2027_is_not_yet_confirmed(self):
        china = holidays_calendar("CN", years=[2026, 2027])
        assert not china.is_confirmed(2027)
        assert not china.covers(2028)
        assert holidays_calendar("CN", years=[2027], confirmed=[2027]).is_confirmed(
            2027
        )

    def test_estimated_islamic_dates_leave_a_year_unconfirmed(self):
        ghana = holidays_calendar("GH", years=[2026, 2027])
        assert ghana.is_confirmed(2026)
        assert not ghana.is_confirmed(2027)
        peru = holidays_calendar("PE", years=[2027], name="peru")
        assert peru.name == "peru"
        assert peru.is_confirmed(2027)

    def test_weekends_follow_the_country(self):
        saudi = holidays_calendar("SA", years=[2026])
        assert saudi.weekend == frozenset({4, 5})
        assert holidays_calendar("US", years=[2026], subdiv="CA").name == "US-CA"

    def test_unknown_country(self):
        with pytest.raises(ConfigurationError, match="holidays package"):
            holidays_calendar("XX", years=[2026])

    def test_without_the_package(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "holidays", None)
        monkeypatch.delitem(sys.modules, "score_core._holidays_adapter", raising=False)
        monkeypatch.delattr(score_core, "_holidays_adapter", raising=False)
        with pytest.raises(ConfigurationError, match=r"score-core\[calendars\]"):
            holidays_calendar("CN", years=[2026])

    def test_the_demo_calendar_matches_the_package(self):
        demo = china_2015()
        package = holidays_calendar("CN", years=[2015])
        days = _span(date(2015, 1, 1), date(2015, 12, 31))
        assert {d for d in days if demo.is_working_day(d)} == {
            d for d in days if package.is_working_day(d)
        }


class TestRefusals:
    def test_every_refusal_says_what_and_where(self):
        cases = [
            (
                lambda: FixedCalendar(name="c", weekend={7}),
                "FixedCalendar.weekend holds weekday numbers 0 (Monday) to 6 (Sunday), "
                "got [7]",
                "weekend",
            ),
            (
                lambda: FixedCalendar(name="c", weekend={True}),
                "FixedCalendar.weekend holds weekday numbers 0 (Monday) to 6 (Sunday), "
                "got [True]",
                "weekend",
            ),
            (
                lambda: FixedCalendar(name="c", weekend=range(7)),
                "FixedCalendar.weekend cannot hold every day of the week",
                "weekend",
            ),
            (
                lambda: FixedCalendar(name="c", holidays={"2026-10-01"}),
                "FixedCalendar.holidays must hold dates, got '2026-10-01'",
                "holidays",
            ),
            (
                lambda: FixedCalendar(
                    name="c",
                    holidays={date(2026, 10, 10)},
                    workdays={date(2026, 10, 10)},
                ),
                "FixedCalendar: 2026-10-10 is both a holiday and a make-up working day",
                "workdays",
            ),
            (
                lambda: FixedCalendar(name="c", workdays={date(2026, 10, 9)}),
                "FixedCalendar: make-up working day 2026-10-09 is not a weekend day",
                "workdays",
            ),
            (
                lambda: register_calendar(42),  # type: ignore[arg-type]
                "a calendar must meet the WorkCalendar protocol, got int",
                None,
            ),
        ]
        for make, message, field in cases:
            with pytest.raises(InvalidValueError) as caught:
                make()
            assert str(caught.value) == message
            assert caught.value.field == field

    def test_bounds_reach_every_convention(self):
        holiday_week = FixedCalendar(
            name="long", holidays=_span(date(2026, 10, 1), date(2026, 10, 31))
        )
        day = date(2026, 10, 15)
        for convention in Roll:
            looks = "after" if "following" in convention.value else "before"
            with pytest.raises(NoWorkingDayError, match=f"within 3 days {looks}"):
                roll(holiday_week, day, convention, within=3)
        with pytest.raises(NoWorkingDayError, match="within 3 days after"):
            add_working_days(holiday_week, day, 0, within=3)
        with pytest.raises(NoWorkingDayError, match="within 3 days before 2026-10-15"):
            add_working_days(holiday_week, day, -1, within=3)
        # Month ends: the modified conventions look both ways within the bound.
        late_october = FixedCalendar(
            name="oct", holidays=_span(date(2026, 10, 27), date(2026, 10, 30))
        )
        with pytest.raises(NoWorkingDayError, match="before 2026-10-31"):
            roll(late_october, date(2026, 10, 31), Roll.MODIFIED_FOLLOWING, within=3)
        early_november = FixedCalendar(
            name="nov", holidays=_span(date(2026, 11, 2), date(2026, 11, 6))
        )
        with pytest.raises(NoWorkingDayError, match="after 2026-11-01"):
            roll(early_november, date(2026, 11, 1), Roll.MODIFIED_PRECEDING, within=3)

    def test_country_codes_and_names(self):
        register_calendar(FixedCalendar(name="c1", source="mine"))
        assert get_calendar("c1").name == "c1"
        with pytest.raises(UnknownNameError):
            get_calendar("X1")
        with pytest.raises(UnknownNameError):
            get_calendar("ABC")

    def test_year_findings_name_the_calendar(self):
        calendar = FixedCalendar(name="cn-x", years={2026}, confirmed=set())
        found = check_years(calendar, [2025, 2026], path=("days",)).violations
        assert [(v.params["calendar"], v.params["year"], v.path) for v in found] == [
            ("cn-x", 2025, ("days",)),
            ("cn-x", 2026, ("days",)),
        ]

    def test_without_the_package_the_message_says_how(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "holidays", None)
        monkeypatch.delitem(sys.modules, "score_core._holidays_adapter", raising=False)
        monkeypatch.delattr(score_core, "_holidays_adapter", raising=False)
        with pytest.raises(ConfigurationError) as caught:
            holidays_calendar("CN", years=[2026])
        assert str(caught.value) == (
            "country calendars need the holidays package: "
            "pip install 'score-core[calendars]'"
        )
