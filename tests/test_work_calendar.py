"""WorkCalendar: weekends, holidays and make-up working days."""

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from tests.strategies import calendar_days, weekend_calendars

NATIONAL_DAY_2025 = cpm.WorkCalendar(
    timezone="Asia/Shanghai",
    holidays=[pendulum.date(2025, 10, d) for d in (1, 2, 3, 6, 7, 8)],
    extra_workdays=[pendulum.date(2025, 9, 28), pendulum.date(2025, 10, 11)],
)


def brute_add(cal, day, count):
    """Reference implementation: step one day at a time."""
    step = 1 if count > 0 else -1
    left, cur = abs(count), day
    while left:
        cur = cur.add(days=step)
        if cal.is_workday(cur):
            left -= 1
    return cur


class TestChinaNationalDay2025:
    def test_plus_three_working_days_lands_on_make_up_saturday(self):
        """+3 working days from 2025-09-30 is Saturday 2025-10-11 (a make-up day)."""
        assert pendulum.date(2025, 10, 11) == NATIONAL_DAY_2025.add_workdays(
            pendulum.date(2025, 9, 30), 3
        )

    def test_make_up_sunday_is_a_workday(self):
        """Sunday 2025-09-28 is a working day; Saturday 2025-10-04 is not."""
        assert NATIONAL_DAY_2025.is_workday(pendulum.date(2025, 9, 28))
        assert not NATIONAL_DAY_2025.is_workday(pendulum.date(2025, 10, 4))

    def test_from_the_holidays_package(self):
        """The national calendar from the holidays extra gives the same answer."""
        cn = cpm.WorkCalendar.for_country("CN", [2025], timezone="Asia/Shanghai")
        assert pendulum.date(2025, 10, 11) == cn.add_workdays(pendulum.date(2025, 9, 30), 3)
        assert pendulum.date(2025, 9, 28) in cn.extra_workdays

    def test_counting_between(self):
        """Working days after 09-30 up to 10-11 are 10-09, 10-10 and 10-11."""
        assert 3 == NATIONAL_DAY_2025.workdays_between(
            pendulum.date(2025, 9, 30), pendulum.date(2025, 10, 11)
        )
        assert -3 == NATIONAL_DAY_2025.workdays_between(
            pendulum.date(2025, 10, 11), pendulum.date(2025, 9, 30)
        )


class TestBadInput:
    def test_unknown_time_zone(self):
        """The zone name is checked."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.WorkCalendar(timezone="Mars/Olympus")
        assert str(info.value) == (
            "WorkCalendar.timezone: expected an IANA zone name such as 'Asia/Shanghai', "
            "got str 'Mars/Olympus'"
        )

    def test_day_both_holiday_and_workday(self):
        """A date cannot be a holiday and an extra working day."""
        day = pendulum.date(2025, 10, 1)
        with pytest.raises(cpm.ValidationError, match="2025-10-01 in both lists"):
            cpm.WorkCalendar(holidays=[day], extra_workdays=[day])

    def test_datetime_is_not_a_date(self):
        """A DateTime where a date is expected is refused, with the fix."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.WorkCalendar().add_workdays(pendulum.datetime(2026, 1, 5), 1)
        assert "expected a calendar date (pendulum.Date), got DateTime 2026-01-05T00:00:00" in str(
            info.value
        )

    def test_all_week_off(self):
        """A calendar needs a working weekday."""
        with pytest.raises(cpm.ValidationError, match="got all seven days off"):
            cpm.WorkCalendar(weekend=range(7))

    def test_several_problems_at_once(self):
        """Every bad field is reported together."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.WorkCalendar(timezone="nowhere", weekend=[9], holidays=["not a date"])
        assert 3 == len(info.value.problems)

    def test_unknown_country(self):
        """An unknown country code is a ValidationError."""
        with pytest.raises(cpm.ValidationError, match="got str 'ZZ'"):
            cpm.WorkCalendar.for_country("ZZ", [2025], timezone="UTC")


class TestProperties:
    @given(weekend_calendars, calendar_days, st.integers(-60, 60))
    def test_add_matches_day_by_day_reference(self, cal, day, count):
        """The fast arithmetic equals stepping one day at a time."""
        assert brute_add(cal, day, count) == cal.add_workdays(day, count)

    @given(weekend_calendars, calendar_days, st.integers(0, 300))
    def test_between_inverts_add(self, cal, day, count):
        """Counting back the days just added gives the count."""
        assert count == cal.workdays_between(day, cal.add_workdays(day, count))

    @given(weekend_calendars, calendar_days, st.integers(1, 300))
    def test_result_is_a_workday(self, cal, day, count):
        """Adding a non-zero number of working days lands on a working day."""
        assert cal.is_workday(cal.add_workdays(day, count))
        assert cal.is_workday(cal.add_workdays(day, -count))


class TestZoneNames:
    """A zone is an IANA name; names whose meaning depends on the machine are refused."""

    @pytest.mark.parametrize(
        "zone", ["localtime", "posixrules", "Factory", "posix/Asia/Shanghai", "right/UTC"]
    )
    def test_machine_dependent_names_are_refused(self, zone):
        """These files exist on many machines but mean what the machine was set up with."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.WorkCalendar(timezone=zone)
        assert (
            f"WorkCalendar.timezone: expected an IANA zone name such as 'Asia/Shanghai', "
            f"got str {zone!r}"
        ) == str(info.value)

    def test_a_very_long_name_is_a_validation_error(self):
        """A 300-character name is refused by its shape, before any zone file is opened."""
        with pytest.raises(cpm.ValidationError, match=r"^WorkCalendar\.timezone: expected"):
            cpm.WorkCalendar(timezone="x" * 300)

    @pytest.mark.parametrize(
        "zone", ["America/Argentina/Buenos_Aires", "Etc/GMT-8", "EST5EDT", "GMT", "UTC"]
    )
    def test_real_names_are_accepted(self, zone):
        """Three-part names, Etc zones and the legacy names without a slash are zones."""
        assert zone == cpm.WorkCalendar(timezone=zone).timezone
