"""Domain bounds, checked at construction: years 1900-2200 and at most 10^5 working days.

Every calendar date and instant a domain object holds, every date argument and
every date ``from_dict`` reads falls in the years 1900 to 2200; estimates and
durations are at most 100,000 working days. Inside the bounds nothing crashes
later (schedules, reports); outside them the constructor refuses the value and
names the field.
"""

import datetime as dt
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, settings

import clientpm as cpm
from clientpm._checks import FIRST_YEAR, LAST_YEAR, MAX_DAYS
from clientpm.serialization import from_dict, to_dict
from tests.helpers import problems, tiny
from tests.strategies import dates_beyond_bounds, dates_within_bounds

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")
YEARS = f"expected a date in the years {FIRST_YEAR} to {LAST_YEAR}"


def milestone(**changes: object) -> cpm.Milestone:
    return cpm.Milestone(**{"id": "M1", "title": "Beta", "due": "2026-12-18", **changes})  # type: ignore[arg-type]


class TestYears:
    def test_the_bounds(self):
        assert (1900, 2200, 100_000) == (FIRST_YEAR, LAST_YEAR, MAX_DAYS)

    def test_a_milestone_due_in_year_one_is_refused(self):
        assert [f"Milestone 'M1'.due: {YEARS}, got Date 0001-01-01"] == problems(
            milestone, due="0001-01-01"
        )

    def test_the_first_and_last_days_are_accepted(self):
        assert pendulum.date(1900, 1, 1) == milestone(due="1900-01-01").due
        assert pendulum.date(2200, 12, 31) == milestone(due="2200-12-31").due

    def test_the_days_just_outside_are_refused(self):
        assert [f"Milestone 'M1'.due: {YEARS}, got Date 1899-12-31"] == problems(
            milestone, due=dt.date(1899, 12, 31)
        )
        assert [f"Milestone 'M1'.baseline_due: {YEARS}, got Date 2201-01-01"] == problems(
            milestone, baseline_due=pendulum.date(2201, 1, 1)
        )

    def test_completed_at_in_9999_is_refused(self):
        late = pendulum.datetime(9999, 12, 31, tz="UTC")
        assert [
            f"Requirement 'R'.completed_at: {YEARS}, got date and time 9999-12-31T00:00:00+00:00"
        ] == problems(
            cpm.Requirement, id="R", title="Export", status="done", signed_off_by="li.wei",
            signed_off_at=AT, completed_at=late,
        )  # fmt: skip

    def test_a_transition_in_9999_is_refused_with_the_owner(self):
        signed = cpm.Requirement(id="R", title="Export", acceptance_criteria=["CSV"]).sign_off(
            by="li.wei", at=AT
        )
        late = pendulum.datetime(9999, 12, 31, tz="UTC")
        assert [
            f"Requirement 'R'.at: {YEARS}, got date and time 9999-12-31T00:00:00+00:00"
        ] == problems(signed.complete, by="dev", at=late)

    def test_an_offset_past_year_one_is_refused_not_an_overflow(self):
        text = "0001-01-01T00:00:00+14:00"
        assert [
            f"Feedback 'F1'.received_at: {YEARS}, got date and time 0001-01-01T00:00:00+14:00"
        ] == problems(
            cpm.Feedback, id="F1", stakeholder="li.wei", received_at=text, kind="praise", text="Hi"
        )

    def test_from_dict_refuses_the_offset_with_its_path(self):
        data = to_dict(cpm.Transition("open", None, "pm", AT))
        data["at"] = "0001-01-01T00:00:00+14:00"
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Transition, data)
        assert f"$.at: {YEARS}, got date and time 0001-01-01T00:00:00+14:00" == str(info.value)

    def test_from_dict_refuses_a_date_beyond_the_bounds(self):
        data = to_dict(milestone())
        data["due"] = "9999-12-31"
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Milestone, data)
        assert f"$.due: {YEARS}, got Date 9999-12-31" == str(info.value)

    @pytest.mark.parametrize("as_of", [pendulum.date(9999, 12, 31), dt.date(1, 1, 1)])
    def test_a_report_as_of_beyond_the_bounds_is_refused(self, as_of):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.weekly_report(cpm.sample_project(), as_of=as_of)
        assert str(info.value).startswith(f"weekly_report.as_of: {YEARS}, got Date ")

    def test_an_instant_as_of_beyond_the_bounds_is_refused(self):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.weekly_report(cpm.sample_project(), as_of=pendulum.datetime(9999, 12, 31, tz="UTC"))
        assert f"weekly_report.as_of: {YEARS}, got Date 9999-12-31" == str(info.value)

    def test_a_date_argument_beyond_the_bounds_is_refused(self):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.satisfaction_trend(
                cpm.sample_project(), start=dt.date(1, 1, 1), end=pendulum.date(2026, 12, 1)
            )
        assert f"satisfaction_trend.start: {YEARS}, got Date 0001-01-01" == str(info.value)

    @given(dates_beyond_bounds)
    def test_any_date_outside_the_bounds_is_refused(self, day):
        assert [f"Milestone 'M1'.due: {YEARS}, got Date {day.isoformat()}"] == problems(
            milestone, due=day
        )

    @given(dates_beyond_bounds)
    def test_any_instant_outside_the_bounds_is_refused(self, day):
        at = pendulum.datetime(day.year, day.month, day.day, 12, tz="UTC")
        assert [f"Transition.at: {YEARS}, got date and time {at.isoformat()}"] == problems(
            cpm.Transition, "open", None, "pm", at
        )

    @given(dates_beyond_bounds)
    def test_from_dict_refuses_any_date_outside_the_bounds(self, day):
        data = {**to_dict(milestone()), "due": day.isoformat(), "baseline_due": "2026-12-18"}
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Milestone, data)
        assert [f"$.due: {YEARS}, got Date {day.isoformat()}"] == [
            str(p) for p in info.value.problems
        ]

    @given(dates_within_bounds)
    def test_any_date_inside_the_bounds_is_accepted_and_round_trips(self, day):
        m = milestone(due=day)
        assert m == from_dict(cpm.Milestone, to_dict(m))


class TestDays:
    @pytest.mark.parametrize("days", ["1e26", 100_001, Decimal("100000.5")])
    def test_an_estimate_beyond_the_bound_is_refused(self, days):
        shown = str(Decimal(days) if not isinstance(days, Decimal) else days)
        assert [f"Requirement 'R'.estimate_days: expected a number <= 100000, got {shown}"] == (
            problems(cpm.Requirement, id="R", title="Export", estimate_days=days)
        )

    def test_the_other_estimates_have_the_bound_too(self):
        assert [
            "Requirement 'R'.optimistic_days: expected a number <= 100000, got 200000",
            "Requirement 'R'.pessimistic_days: expected a number <= 100000, got 300000",
        ] == problems(
            cpm.Requirement, id="R", title="Export", estimate_days=100_000,
            optimistic_days=200_000, pessimistic_days=300_000,
        )  # fmt: skip

    def test_a_revised_estimate_beyond_the_bound_is_refused(self):
        assert ["ReviseEstimate.estimate_days: expected a number <= 100000, got 1E+26"] == (
            problems(cpm.ReviseEstimate, requirement_id="R", estimate_days="1e26")
        )

    def test_a_duration_beyond_the_bound_is_refused(self):
        assert [
            (
                f"Milestone 'M1'.duration_days: expected a whole number from 0 to 100000, "
                f"got int {10**30}"
            )
        ] == problems(milestone, duration_days=10**30)

    def test_a_three_point_estimate_beyond_the_bound_is_refused(self):
        assert ["ThreePoint.pessimistic: expected a number <= 100000, got 1E+6"] == problems(
            cpm.ThreePoint, 1, 2, "1e6"
        )

    def test_the_bound_itself_is_accepted(self):
        assert MAX_DAYS == milestone(duration_days=MAX_DAYS).duration_days
        r = cpm.Requirement(id="R", title="Export", estimate_days=MAX_DAYS)
        assert Decimal(MAX_DAYS) == r.estimate_days


class TestNothingValidCrashesLater:
    @settings(max_examples=10, deadline=None)
    @given(dates_within_bounds)
    def test_a_project_at_the_bounds_schedules_and_reports(self, start):
        """The largest estimate and duration from any day within the bounds still schedule."""
        req = cpm.Requirement(
            id="R1", title="Export", estimate_days=MAX_DAYS, acceptance_criteria=["CSV"]
        )
        stones = [
            cpm.Milestone(id="A", title="A", due=start, deliverables=["R1"]),
            cpm.Milestone(id="B", title="B", due=start, depends_on=["A"], duration_days=MAX_DAYS),
        ]
        project = tiny(
            start=start, end=None, requirements=[req], milestones=stones, actual_costs=[],
            change_requests=[],
        )  # fmt: skip
        plan = cpm.schedule(project, as_of=start)
        assert plan.finish > start
        for fmt in ("markdown", "html", "text"):
            assert cpm.render(cpm.weekly_report(project, as_of=start, schedule=plan), fmt)
