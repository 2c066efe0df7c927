"""A WorkCalendar answers only for the days it knows; every refusal is a ValidationError.

A calendar built from a country's holidays knows the years it was loaded for:
a day outside them would silently count as an ordinary working day (National
Day 2027 in a calendar loaded for 2025-2026), so it is refused, naming the
years loaded. A calendar built by hand knows no years and stays unbounded.
Whatever whole number of working days is asked for, no bare ValueError or
OverflowError escapes.
"""

import contextlib
import datetime as _dt

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import ValidationError, WorkCalendar

pytest.importorskip("holidays")

NATIONAL_DAY_2027 = pendulum.date(2027, 10, 1)
LOADED = "the years this calendar has holidays for (2025-2026)"


@pytest.fixture(scope="module")
def cn():
    return WorkCalendar.for_country("CN", years=[2025, 2026], timezone="Asia/Shanghai")


def message(info):
    return str(info.value)


class TestLoadedYears:
    def test_for_country_remembers_its_years(self, cn):
        assert frozenset({2025, 2026}) == cn.years
        assert frozenset() == WorkCalendar().years

    def test_a_day_after_the_loaded_years_is_refused(self, cn):
        """The bug: 2027-10-01 (National Day) read as an ordinary working day."""
        with pytest.raises(ValidationError) as info:
            cn.is_workday(NATIONAL_DAY_2027)
        assert (
            f"WorkCalendar.is_workday.day: expected a date in {LOADED}, got 2027-10-01; "
            "build the calendar with years covering 2027"
        ) == message(info)

    def test_a_day_before_the_loaded_years_is_refused(self, cn):
        with pytest.raises(
            ValidationError, match="got 2024-12-31; build the calendar with years covering 2024"
        ):
            cn.is_workday(pendulum.date(2024, 12, 31))

    def test_the_loaded_years_answer_as_before(self, cn):
        assert not cn.is_workday(pendulum.date(2026, 10, 1))
        assert cn.is_workday(pendulum.date(2026, 10, 10))  # a make-up Saturday
        assert cn.is_workday(pendulum.date(2025, 1, 2))
        assert not cn.is_workday(pendulum.date(2026, 12, 27))  # a Sunday, the last week loaded

    @pytest.mark.parametrize(
        ("call", "where", "got"),
        [
            (lambda c: c.next_workday(NATIONAL_DAY_2027), "next_workday.day", "2027-10-01"),
            (lambda c: c.previous_workday(NATIONAL_DAY_2027), "previous_workday.day", "2027-10-01"),
            (lambda c: c.add_workdays(NATIONAL_DAY_2027, 1), "add_workdays.day", "2027-10-01"),
            (
                lambda c: c.workdays_between(pendulum.date(2026, 9, 1), NATIONAL_DAY_2027),
                "workdays_between.end",
                "2027-10-01",
            ),
            (
                lambda c: c.workdays_between(NATIONAL_DAY_2027, pendulum.date(2026, 9, 1)),
                "workdays_between.start",
                "2027-10-01",
            ),
            (
                lambda c: c.count_workdays_ordinal(
                    pendulum.date(2026, 12, 1).toordinal(), NATIONAL_DAY_2027.toordinal()
                ),
                "count_workdays_ordinal.stop",
                "2027-09-30",  # stop is exclusive: the last day counted
            ),
            (
                lambda c: c.add_workdays_ordinal(NATIONAL_DAY_2027.toordinal(), 1),
                "add_workdays_ordinal.origin",
                "2027-10-01",
            ),
        ],
    )
    def test_every_day_query_refuses_it(self, cn, call, where, got):
        with pytest.raises(ValidationError) as info:
            call(cn)
        assert message(info).startswith(
            f"WorkCalendar.{where}: expected a date in {LOADED}, got {got}"
        )

    def test_moving_out_of_the_loaded_years_is_refused(self, cn):
        """The start is loaded, the answer is not: still refused, naming the call."""
        with pytest.raises(ValidationError) as info:
            cn.add_workdays(pendulum.date(2026, 12, 1), 30)
        assert (
            "WorkCalendar.add_workdays.count: moving 30 working days from 2026-12-01 leaves "
            f"{LOADED}; build the calendar with years covering 2027"
        ) == message(info)
        with pytest.raises(ValidationError, match="years covering 2024"):
            cn.add_workdays(pendulum.date(2025, 1, 10), -30)
        with pytest.raises(ValidationError, match="years covering 2027"):
            cn.add_workdays(pendulum.date(2026, 12, 31), 1)  # Thursday to Friday 2027-01-01

    def test_a_gap_between_loaded_years_is_refused(self):
        cal = WorkCalendar.for_country("CN", years=[2025, 2027], timezone="Asia/Shanghai")
        with pytest.raises(ValidationError) as info:
            cal.is_workday(pendulum.date(2026, 6, 1))
        assert "expected a date in the years this calendar has holidays for (2025, 2027)" in (
            message(info)
        )
        with pytest.raises(ValidationError, match="years covering 2026"):
            cal.workdays_between(pendulum.date(2025, 6, 1), pendulum.date(2027, 6, 1))

    def test_for_country_needs_a_year(self):
        with pytest.raises(ValidationError) as info:
            WorkCalendar.for_country("CN", years=[], timezone="Asia/Shanghai")
        assert (
            "WorkCalendar.for_country.years: expected at least one year to load holidays for, "
            "got none"
        ) == message(info)

    def test_evolve_keeps_the_years(self, cn):
        company = attrs.evolve(cn, holidays=cn.holidays | {pendulum.date(2026, 12, 31)})
        assert cn.years == company.years
        with pytest.raises(ValidationError, match="years covering 2027"):
            company.is_workday(NATIONAL_DAY_2027)

    def test_the_years_round_trip_through_json(self, cn):
        back = cpm.from_dict(WorkCalendar, cpm.to_dict(cn))
        assert cn == back
        with pytest.raises(ValidationError):
            back.is_workday(NATIONAL_DAY_2027)


class TestHandBuilt:
    def test_a_hand_built_calendar_stays_unbounded(self):
        cal = WorkCalendar(timezone="Asia/Shanghai", holidays=[pendulum.date(2026, 10, 1)])
        assert cal.is_workday(NATIONAL_DAY_2027)
        assert not cal.is_workday(pendulum.date(2026, 10, 1))
        assert pendulum.date(2030, 1, 1) == cal.next_workday(pendulum.date(2030, 1, 1))

    def test_years_given_by_hand_bound_it(self):
        cal = WorkCalendar(years=[2026], holidays=[pendulum.date(2026, 10, 1)])
        with pytest.raises(ValidationError, match=r"\(2026\), got 2027-10-01"):
            cal.is_workday(NATIONAL_DAY_2027)

    def test_holidays_outside_the_years_are_refused(self):
        with pytest.raises(ValidationError) as info:
            WorkCalendar(years=[2026], holidays=[pendulum.date(2027, 10, 1)])
        assert (
            "WorkCalendar.holidays: expected days in the years the calendar covers (2026), "
            "got 2027-10-01"
        ) == message(info)

    @pytest.mark.parametrize("years", [[0], [10000], [True], ["2026"], "2026", 2026])
    def test_bad_years_are_refused(self, years):
        with pytest.raises(ValidationError, match=r"^WorkCalendar\.years: expected years"):
            WorkCalendar(years=years)


class TestPastTheLastDate:
    def test_adding_past_year_9999_names_the_call_and_the_value(self):
        """The bug: ValueError: year 10000 is out of range."""
        with pytest.raises(ValidationError) as info:
            WorkCalendar().add_workdays(pendulum.date(2026, 11, 27), 3_000_000)
        assert (
            "WorkCalendar.add_workdays.count: moving 3000000 working days from 2026-11-27 "
            "goes past 9999-12-31, the last date a calendar can hold"
        ) == message(info)

    def test_going_back_before_year_1(self):
        with pytest.raises(ValidationError) as info:
            WorkCalendar().add_workdays(pendulum.date(2026, 11, 27), -3_000_000)
        assert message(info).endswith("goes past 0001-01-01, the first date a calendar can hold")

    def test_next_workday_at_the_end_of_time(self):
        last = pendulum.Date(9999, 12, 31)  # a Friday
        cal = WorkCalendar(weekend=[4, 5, 6])
        with pytest.raises(
            ValidationError, match=r"^WorkCalendar\.next_workday\.day: .*9999-12-31"
        ):
            cal.next_workday(last)
        first = pendulum.Date(1, 1, 1)  # a Monday
        cal = WorkCalendar(weekend=[0, 5, 6])
        with pytest.raises(ValidationError, match=r"^WorkCalendar\.previous_workday\.day: "):
            cal.previous_workday(first)

    def test_ordinals_that_are_no_day(self):
        with pytest.raises(ValidationError) as info:
            WorkCalendar().add_workdays_ordinal(0, 1)
        assert (
            "WorkCalendar.add_workdays_ordinal.origin: expected a day ordinal from 1 "
            "(0001-01-01) to 3652059 (9999-12-31), got 0"
        ) == message(info)
        with pytest.raises(ValidationError, match=r"^WorkCalendar\.add_workdays_ordinal\.count: "):
            WorkCalendar().add_workdays_ordinal(_dt.date.max.toordinal(), 1)

    @given(
        day=st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31)),
        count=st.integers() | st.integers(-(10**7), 10**7),
        weekend=st.sets(st.integers(0, 6), max_size=6),
    )
    def test_any_whole_number_gives_a_date_or_a_validation_error(self, day, count, weekend):
        cal = WorkCalendar(weekend=weekend)
        start = pendulum.Date(day.year, day.month, day.day)
        for call in (
            lambda: cal.add_workdays(start, count),
            lambda: cal.next_workday(start),
            lambda: cal.previous_workday(start),
            lambda: cal.add_workdays_ordinal(start.toordinal(), count),
            lambda: cal.count_workdays_ordinal(start.toordinal(), start.toordinal() + count),
        ):
            with contextlib.suppress(ValidationError):
                call()
