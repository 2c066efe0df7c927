"""One rule turns a date or an instant into the status day, and every caller names itself."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

import clientpm as cpm
from clientpm.impact import assess_change
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.engine import as_of_parts
from clientpm.scheduling.expectations import commitments_at_risk, expectation_gaps
from clientpm.smart.check import check_smart
from clientpm.work_calendar import WorkCalendar, status_day

SHANGHAI = WorkCalendar(timezone="Asia/Shanghai")
NAIVE = dt.datetime(2026, 11, 24, 9)
NAIVE_SHOWN = "naive datetime datetime.datetime(2026, 11, 24, 9, 0)"
#: What every refusal of a status day says it expected.
SHAPE = "expected a pendulum.Date or a time-zone-aware pendulum.DateTime"


def message(call, *args, **kwargs) -> str:
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


class TestStatusDay:
    def test_a_date_is_the_day(self):
        day = status_day(pendulum.date(2026, 11, 24), SHANGHAI, "x.as_of")
        assert (pendulum.Date, SAMPLE_AS_OF) == (type(day), day)

    def test_a_stdlib_date_becomes_a_pendulum_date(self):
        day = status_day(dt.date(2026, 11, 24), SHANGHAI, "x.as_of")
        assert (pendulum.Date, SAMPLE_AS_OF) == (type(day), day)

    def test_an_instant_is_read_in_the_calendars_zone(self):
        evening_utc = pendulum.datetime(2026, 11, 23, 20, tz="UTC")  # 04:00 on the 24th
        assert SAMPLE_AS_OF == status_day(evening_utc, SHANGHAI, "x.as_of")
        assert pendulum.date(2026, 11, 23) == status_day(evening_utc, WorkCalendar(), "x.as_of")

    def test_a_stdlib_aware_datetime(self):
        aware = dt.datetime(2026, 11, 23, 20, tzinfo=dt.timezone.utc)
        assert SAMPLE_AS_OF == status_day(aware, SHANGHAI, "x.as_of")

    def test_naive_is_refused_naming_the_caller(self):
        assert (
            "weekly_report.as_of: expected a pendulum.Date or a time-zone-aware "
            f"pendulum.DateTime, got {NAIVE_SHOWN}"
        ) == message(status_day, NAIVE, SHANGHAI, "weekly_report.as_of")

    @pytest.mark.parametrize(
        ("value", "shown"), [("2026-11-24", "str '2026-11-24'"), (None, "None"), (5, "int 5")]
    )
    def test_anything_else_is_refused_naming_the_caller(self, value, shown):
        assert f"weekly_report.as_of: {SHAPE}, got {shown}" == (
            message(status_day, value, SHANGHAI, "weekly_report.as_of")
        )


class TestScheduleCutoff:
    """The schedule's cutoff: the end of the day for a date, the instant itself otherwise."""

    def test_none_is_the_plan_as_recorded(self):
        assert (None, None) == as_of_parts(None, SHANGHAI)

    def test_a_date_counts_the_whole_local_day(self):
        day, cutoff = as_of_parts(SAMPLE_AS_OF, SHANGHAI)
        assert (SAMPLE_AS_OF, pendulum.datetime(2026, 11, 25, tz="Asia/Shanghai")) == (day, cutoff)

    def test_an_instant_counts_up_to_itself(self):
        at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
        assert (SAMPLE_AS_OF, at.add(microseconds=1)) == as_of_parts(at, SHANGHAI)


class TestEveryCallerNamesItself:
    @pytest.fixture
    def project(self):
        return cpm.sample_project()

    def calls(self, project):
        cr = project.change_request("CR-1")
        goal = cpm.Goal(id="G9", statement="x")
        return {
            "schedule": lambda as_of: cpm.schedule(project, as_of=as_of),
            "weekly_report": lambda as_of: cpm.weekly_report(project, as_of=as_of),
            "monthly_report": lambda as_of: cpm.monthly_report(project, as_of=as_of),
            "risk_register": lambda as_of: cpm.risk_register(project, as_of=as_of),
            "check_smart": lambda as_of: check_smart(goal, project=project, as_of=as_of),
            "assess_change": lambda as_of: assess_change(project, cr, as_of=as_of),
            "commitments_at_risk": lambda as_of: commitments_at_risk(project, as_of=as_of),
            "expectation_gaps": lambda as_of: expectation_gaps(project, as_of=as_of),
        }

    @pytest.mark.parametrize(
        "caller",
        [
            "schedule",
            "weekly_report",
            "monthly_report",
            "risk_register",
            "check_smart",
            "assess_change",
            "commitments_at_risk",
            "expectation_gaps",
        ],
    )
    def test_one_message_shape(self, project, caller):
        call = self.calls(project)[caller]
        assert (f"{caller}.as_of: {SHAPE}, got {NAIVE_SHOWN}") == message(call, NAIVE)
        assert f"{caller}.as_of: {SHAPE}, got str '2026-11-24'" == (message(call, "2026-11-24"))

    def test_an_instant_names_the_same_day_everywhere(self, project):
        """Late on the 23rd in UTC is the 24th in Shanghai, for every builder."""
        evening_utc = pendulum.datetime(2026, 11, 23, 20, tz="UTC")
        goal = cpm.Goal(id="G9", statement="x")
        assert [SAMPLE_AS_OF] * 5 == [
            cpm.schedule(project, as_of=evening_utc).as_of,
            cpm.weekly_report(project, as_of=evening_utc).as_of,
            cpm.risk_register(project, as_of=evening_utc).as_of,
            check_smart(goal, project=project, as_of=evening_utc).as_of,
            assess_change(project, project.change_request("CR-1"), as_of=evening_utc).as_of,
        ]


class NoOffset(dt.tzinfo):
    """A zone that gives no offset: the date and time is naive in all but name."""

    def utcoffset(self, when):
        return None

    def dst(self, when):
        return None


class TestStatusDayEdges:
    @pytest.mark.parametrize(("calendar", "shown"), [(None, "None"), ("UTC", "str 'UTC'")])
    def test_the_calendar_is_checked(self, calendar, shown):
        assert (
            f"status_day.calendar: expected the WorkCalendar to read x.as_of in, got {shown}"
        ) == message(status_day, SAMPLE_AS_OF, calendar, "x.as_of")

    def test_a_zone_without_an_offset_is_naive(self):
        value = dt.datetime(2026, 11, 24, 9, tzinfo=NoOffset())
        text = message(status_day, value, SHANGHAI, "weekly_report.as_of")
        assert text.startswith(f"weekly_report.as_of: {SHAPE}, got naive datetime ")

    @pytest.mark.parametrize(
        "value",
        [
            dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
            dt.datetime(1, 1, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=12))),
        ],
    )
    def test_an_instant_beyond_the_last_day_is_refused(self, value):
        text = message(status_day, value, SHANGHAI, "weekly_report.as_of")
        assert text.startswith(
            f"weekly_report.as_of: {SHAPE} whose local day in Asia/Shanghai is a date "
            "(years 1-9999), got datetime "
        )

    def test_one_wording_for_both_refusals(self):
        naive = message(status_day, NAIVE, SHANGHAI, "x.as_of")
        other = message(status_day, "2026-11-24", SHANGHAI, "x.as_of")
        assert naive.startswith(f"x.as_of: {SHAPE}, got naive ")
        assert other == f"x.as_of: {SHAPE}, got str '2026-11-24'"


class TestStatusDatesEverywhere:
    """Every function that takes a status date reads it as the builders do."""

    EVENING_UTC = pendulum.datetime(2026, 11, 23, 20, tz="UTC")  # the 24th in Shanghai

    def test_earned_value(self):
        p = cpm.sample_project()
        assert cpm.earned_value(p, as_of=SAMPLE_AS_OF) == cpm.earned_value(
            p, as_of=self.EVENING_UTC
        )
        assert f"earned_value.as_of: {SHAPE}, got naive {NAIVE_SHOWN[6:]}" == message(
            cpm.earned_value, p, as_of=NAIVE
        )

    def test_due_date_confidence(self):
        p = cpm.sample_project()
        by_day = cpm.due_date_confidence(p, "M4", as_of=SAMPLE_AS_OF, iterations=50)
        by_instant = cpm.due_date_confidence(p, "M4", as_of=self.EVENING_UTC, iterations=50)
        assert by_day == by_instant
        assert f"due_date_confidence.as_of: {SHAPE}, got str '2026-11-24'" == message(
            cpm.due_date_confidence, p, "M4", as_of="2026-11-24"
        )

    def test_project_health(self):
        p = cpm.sample_project()
        plan = cpm.schedule(p, as_of=SAMPLE_AS_OF)
        by_day = cpm.project_health(p, as_of=SAMPLE_AS_OF, schedule=plan)
        assert by_day == cpm.project_health(p, as_of=self.EVENING_UTC, schedule=plan)
        assert by_day == cpm.project_health(p, as_of=dt.date(2026, 11, 24), schedule=plan)
        assert f"project_health.as_of: {SHAPE}, got naive {NAIVE_SHOWN[6:]}" == message(
            cpm.project_health, p, as_of=NAIVE, schedule=plan
        )

    def test_calendar_dates_share_one_rule(self):
        p = cpm.sample_project()
        assert (
            "satisfaction_trend.start: expected a calendar date (pendulum.Date), "
            "got str '2026-11-01'"
        ) == message(cpm.satisfaction_trend, p, start="2026-11-01", end=SAMPLE_AS_OF)
        plan = cpm.schedule(p, as_of=SAMPLE_AS_OF)
        assert (
            "Schedule.what_if.due['M2']: expected a calendar date (pendulum.Date), got "
            "DateTime 2026-11-23T20:00:00+00:00; use .date() to drop the time"
        ) == message(plan.simulate, due={"M2": self.EVENING_UTC})
