"""Cadences follow the project's working-day calendar: holidays and make-up days.

China's National Day 2026: 1-7 October off, Sunday 20 September and
Saturday 10 October worked (调休). A daily stand-up follows the calendar's
working days; a weekly or monthly touch point that falls on a holiday moves to
the next working day (two that land on the same day count once). Without a
calendar, 0.1.0's rule stands: daily means Monday to Friday, and nothing moves.
"""

import pendulum
import pytest

import clientpm as cpm
from clientpm import Cadence, CommunicationPlan, ValidationError, WorkCalendar, occurrences

pytest.importorskip("holidays")

TZ = "Asia/Shanghai"


@pytest.fixture(scope="module")
def cn():
    return WorkCalendar.for_country("CN", years=[2026], timezone=TZ)


def days(moments):
    return [m.to_date_string() for m in moments]


STANDUP = Cadence.daily("standup", "Stand-up", at="09:30", timezone=TZ, start="2026-09-01")
REPORT = Cadence.weekly(
    "weekly-report", "Weekly report", weekday="friday", at="17:00", timezone=TZ,
    start="2026-09-01",
)  # fmt: skip


class TestDaily:
    def test_without_a_calendar_daily_is_monday_to_friday(self):
        """The 0.1.0 call form is unchanged: stand-ups on the holiday, none on the make-up day."""
        got = days(occurrences(STANDUP, "2026-09-28", "2026-10-11"))
        assert [
            "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02",
            "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09",
        ] == got  # fmt: skip

    def test_with_the_calendar_daily_follows_holidays_and_make_up_days(self, cn):
        """The bug: stand-ups on National Day, none on the make-up Saturday."""
        got = days(occurrences(STANDUP, "2026-09-28", "2026-10-11", calendar=cn))
        assert [
            "2026-09-28", "2026-09-29", "2026-09-30",
            "2026-10-08", "2026-10-09", "2026-10-10",
        ] == got  # fmt: skip

    def test_a_make_up_sunday_has_a_stand_up(self, cn):
        assert ["2026-09-20"] == days(occurrences(STANDUP, "2026-09-19", "2026-09-20", calendar=cn))

    def test_the_method_takes_the_calendar_too(self, cn):
        assert days(STANDUP.occurrences("2026-10-01", "2026-10-11", calendar=cn)) == [
            "2026-10-08", "2026-10-09", "2026-10-10",
        ]  # fmt: skip

    def test_the_wall_time_is_kept(self, cn):
        (moment,) = occurrences(STANDUP, "2026-10-10", "2026-10-10", calendar=cn)
        assert "2026-10-10T09:30:00+08:00" == moment.isoformat()

    def test_the_calendars_weekend_counts(self):
        """A calendar with a Friday-Saturday weekend gives stand-ups on Sunday."""
        gulf = WorkCalendar(timezone="Asia/Dubai", weekend=[4, 5])
        got = days(occurrences(STANDUP, "2026-11-06", "2026-11-09", calendar=gulf))
        assert ["2026-11-08", "2026-11-09"] == got


class TestWeeklyAndMonthly:
    def test_a_weekly_report_on_a_holiday_moves_to_the_next_working_day(self, cn):
        """Friday 2 October is a holiday: that report is owed on Thursday 8 October.

        Friday 25 September (Mid-Autumn Festival) moves to Monday 28 September.
        """
        got = days(occurrences(REPORT, "2026-09-21", "2026-10-16", calendar=cn))
        assert ["2026-09-28", "2026-10-08", "2026-10-09", "2026-10-16"] == got

    def test_without_a_calendar_nothing_moves(self):
        got = days(occurrences(REPORT, "2026-09-21", "2026-10-16"))
        assert ["2026-09-25", "2026-10-02", "2026-10-09", "2026-10-16"] == got

    def test_two_landing_on_one_day_count_once(self, cn):
        """Thursday 1 October moves to Thursday 8 October, which has its own: one meeting."""
        sync = Cadence.weekly("sync", "Sync", weekday="thursday", at="10:00", timezone=TZ,
                              start="2026-09-01", kind="call", channel="phone")  # fmt: skip
        got = days(occurrences(sync, "2026-09-21", "2026-10-16", calendar=cn))
        assert ["2026-09-24", "2026-10-08", "2026-10-15"] == got

    def test_a_moved_occurrence_is_found_from_its_new_day(self, cn):
        """A range starting after the holiday still finds the report moved into it."""
        got = occurrences(REPORT, "2026-10-08", "2026-10-09", calendar=cn)
        assert ["2026-10-08T17:00:00+08:00", "2026-10-09T17:00:00+08:00"] == [
            m.isoformat() for m in got
        ]
        assert [] == days(occurrences(REPORT, "2026-10-02", "2026-10-07", calendar=cn))

    def test_a_moved_occurrence_past_the_cadence_end_is_still_owed(self, cn):
        last = Cadence.weekly("r", "Report", weekday="friday", at="17:00", timezone=TZ,
                              start="2026-09-01", end="2026-10-02")  # fmt: skip
        assert ["2026-10-08"] == days(occurrences(last, "2026-09-29", "2026-10-31", calendar=cn))

    def test_a_chosen_weekend_day_that_is_no_holiday_stays(self, cn):
        """A Saturday cadence keeps its Saturdays; only the holiday Saturday moves."""
        sat = Cadence.weekly("sat", "Saturday digest", weekday="saturday", at="08:00",
                             timezone=TZ, start="2026-09-01")  # fmt: skip
        got = days(occurrences(sat, "2026-09-26", "2026-10-17", calendar=cn))
        assert ["2026-09-26", "2026-10-08", "2026-10-10", "2026-10-17"] == got

    def test_a_monthly_meeting_on_a_holiday_moves(self, cn):
        board = Cadence.monthly("board", "Board", day=1, at="10:00", timezone=TZ,
                                start="2026-09-01")  # fmt: skip
        got = occurrences(board, "2026-09-01", "2026-11-30", calendar=cn)
        assert [
            "2026-09-01T10:00:00+08:00",
            "2026-10-08T10:00:00+08:00",  # 1 October: National Day
            "2026-11-01T10:00:00+08:00",  # an ordinary Sunday, chosen by the rule: it stays
        ] == [m.isoformat() for m in got]


class TestRefusals:
    def test_a_calendar_that_is_no_work_calendar(self):
        with pytest.raises(ValidationError) as info:
            occurrences(STANDUP, "2026-10-01", "2026-10-02", calendar="CN")
        assert (
            "occurrences(Cadence 'standup').calendar: expected a WorkCalendar (such as "
            "project.calendar) or None, got str 'CN'"
        ) == str(info.value)

    def test_a_day_outside_the_loaded_years(self, cn):
        with pytest.raises(ValidationError, match=r"holidays for \(2026\), got 2027-01-01"):
            occurrences(STANDUP, "2026-12-30", "2027-01-04", calendar=cn)


class TestPlanStatus:
    PLAN = CommunicationPlan([STANDUP, REPORT])
    AS_OF = pendulum.datetime(2026, 10, 12, 9, tz=TZ)

    def test_plan_status_passes_the_calendar_through(self, cn):
        statuses = cpm.plan_status(self.PLAN, [], since="2026-09-30", as_of=self.AS_OF,
                                   horizon_days=0, calendar=cn)  # fmt: skip
        assert [
            "standup 2026-09-30T09:30:00+08:00: overdue",
            "standup 2026-10-08T09:30:00+08:00: overdue",
            "weekly-report 2026-10-08T17:00:00+08:00: overdue",
            "standup 2026-10-09T09:30:00+08:00: overdue",
            "weekly-report 2026-10-09T17:00:00+08:00: overdue",
            "standup 2026-10-10T09:30:00+08:00: overdue",
        ] == [str(s) for s in statuses]

    def test_the_plan_method_takes_it_too(self, cn):
        via_method = self.PLAN.status([], since="2026-09-30", as_of=self.AS_OF, calendar=cn)
        direct = cpm.plan_status(self.PLAN, [], since="2026-09-30", as_of=self.AS_OF,
                                 calendar=cn)  # fmt: skip
        assert direct == via_method

    def test_without_a_calendar_as_in_0_1_0(self):
        statuses = cpm.plan_status(self.PLAN, [], since="2026-10-01", as_of=self.AS_OF,
                                   horizon_days=0)  # fmt: skip
        assert "standup 2026-10-01T09:30:00+08:00: overdue" == str(statuses[0])

    def test_plan_status_refuses_a_bad_calendar(self):
        with pytest.raises(ValidationError, match=r"^plan_status\(\)\.calendar: expected a Work"):
            cpm.plan_status(self.PLAN, [], since="2026-10-01", as_of=self.AS_OF, calendar=3)
