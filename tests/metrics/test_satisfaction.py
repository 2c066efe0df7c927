"""Satisfaction and response times: scales, CSAT, NPS, trends and working hours."""

import datetime as dt
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm.enums import FeedbackKind
from clientpm.metrics import UNDEFINED
from clientpm.metrics.satisfaction import (
    CSAT_SCALE,
    NPS_SCALE,
    ResponseTargets,
    ResponseTime,
    Scale,
    WorkingHours,
    csat,
    feedback_state,
    nps,
    overdue_responses,
    response_times,
    satisfaction_trend,
    working_hours_between,
)
from tests.helpers import AS_OF, SHANGHAI, message
from tests.strategies import csat_ratings, nps_scores


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestSatisfaction:
    def test_worked_examples(self):
        assert Decimal("60") == csat([5, 4, 4, 3, 1])
        assert Decimal("20") == nps([10, 9, 8, 7, 3])  # 40 % promoters - 20 % detractors
        assert UNDEFINED is csat([])
        assert UNDEFINED is nps([])

    def test_scale_normalisation(self):
        assert Decimal("50") == csat([10, 7], scale=Scale(1, 10))  # 10 -> 5, 7 -> 3.67
        assert Decimal("100") == nps([5], scale=Scale(1, 5))  # 5 of 5 -> 10 of 10

    def test_rating_outside_the_scale(self):
        with pytest.raises(cpm.ValidationError, match=r"expected a number from 1 to 5, got int 6"):
            csat([6])

    def test_trend_per_month_and_week(self, project):
        months = satisfaction_trend(project, start=pendulum.date(2026, 10, 1), end=AS_OF)
        assert [(UNDEFINED, 0), (Decimal("33.3"), 3)] == [(m.csat, m.responses) for m in months]
        weeks = satisfaction_trend(project, start=pendulum.date(2026, 11, 9), end=AS_OF,
                                   period="week")  # fmt: skip
        assert [pendulum.date(2026, 11, 9), pendulum.date(2026, 11, 16),
                pendulum.date(2026, 11, 23)] == [w.start for w in weeks]  # fmt: skip
        assert [Decimal("100"), Decimal("0"), Decimal("0")] == [w.csat for w in weeks]

    @given(csat_ratings)
    def test_csat_within_0_and_100(self, values):
        value = csat(values)
        assert value is UNDEFINED if not values else Decimal(0) <= value <= Decimal(100)

    @given(nps_scores)
    def test_nps_within_minus_100_and_100(self, values):
        value = nps(values)
        assert value is UNDEFINED if not values else Decimal(-100) <= value <= Decimal(100)

    @given(st.lists(st.integers(1, 5), min_size=1, max_size=30), st.data())
    def test_a_lower_rating_never_raises_csat(self, values, data):
        index = data.draw(st.integers(0, len(values) - 1))
        lower = data.draw(st.integers(1, values[index]))
        worse = [*values[:index], lower, *values[index + 1 :]]
        assert csat(worse) <= csat(values)


class TestResponseTimes:
    def test_working_hours_skip_nights_weekends_and_holidays(self, project):
        friday = pendulum.datetime(2026, 11, 20, 17, tz=SHANGHAI)
        monday = pendulum.datetime(2026, 11, 23, 10, tz=SHANGHAI)
        assert Decimal(2) == working_hours_between(friday, monday, calendar=project.calendar,
                                                   timezone=SHANGHAI)  # fmt: skip
        new_year = pendulum.datetime(2026, 12, 31, 17, tz=SHANGHAI)
        assert Decimal(2) == working_hours_between(
            new_year, pendulum.datetime(2027, 1, 4, 10, tz=SHANGHAI),
            calendar=project.calendar, timezone=SHANGHAI,
        )  # fmt: skip

    def test_measured_in_the_clients_time_zone(self, project):
        """09:00-18:00 in Shanghai is 01:00-10:00 UTC."""
        start = pendulum.datetime(2026, 11, 23, 0, tz="UTC")
        end = pendulum.datetime(2026, 11, 23, 12, tz="UTC")
        assert Decimal(9) == working_hours_between(start, end, calendar=project.calendar,
                                                   timezone=SHANGHAI)  # fmt: skip

    def test_sample_feedback(self, project):
        at = pendulum.datetime(2026, 11, 24, 12, tz=SHANGHAI)
        times = {t.feedback_id: t for t in response_times(project, as_of=at)}
        assert (Decimal(1), True) == (times["F2"].response_hours, times["F2"].within_target)
        assert Decimal("12") == times["F2"].resolution_hours  # Mon 09:00 -> Tue 12:00
        assert (Decimal(12), True) == (times["F4"].response_hours, times["F4"].overdue)
        assert ["F4"] == [t.feedback_id for t in overdue_responses(project, as_of=at)]
        lenient = ResponseTargets(complaint=16)
        assert () == overdue_responses(project, as_of=at, targets=lenient)

    def test_custom_working_hours(self, project):
        at = pendulum.datetime(2026, 11, 24, 12, tz=SHANGHAI)
        short = WorkingHours(start=pendulum.time(10, 0), end=pendulum.time(16, 0))
        f4 = next(
            t for t in response_times(project, as_of=at, hours=short) if t.feedback_id == "F4"
        )
        assert Decimal(8) == f4.response_hours  # Mon 10-16 (6 h) + Tue 10-12 (2 h)

    def test_bad_input(self, project):
        with pytest.raises(cpm.ValidationError, match=r"response_times\.as_of: .*aware"):
            response_times(project, as_of=AS_OF)
        with pytest.raises(cpm.ValidationError, match=r"WorkingHours: expected start before end"):
            WorkingHours(start=pendulum.time(18, 0), end=pendulum.time(9, 0))
        with pytest.raises(cpm.ValidationError, match=r"satisfaction_trend\.period"):
            satisfaction_trend(project, start=AS_OF, end=AS_OF, period="year")

    def test_targets(self):
        targets = ResponseTargets()
        assert [Decimal(8), Decimal(16), Decimal(40), Decimal(40)] == [
            targets.target(FeedbackKind.COMPLAINT),
            targets.target(FeedbackKind.QUESTION),
            targets.target(FeedbackKind.SUGGESTION),
            targets.target(FeedbackKind.PRAISE),
        ]
        custom = ResponseTargets(complaint=1, question="2", suggestion=3, praise=4)
        assert [Decimal(1), Decimal(2), Decimal(3), Decimal(4)] == [
            custom.target(kind)
            for kind in (
                FeedbackKind.COMPLAINT,
                FeedbackKind.QUESTION,
                FeedbackKind.SUGGESTION,
                FeedbackKind.PRAISE,
            )
        ]
        assert isinstance(custom.question, Decimal)

    def test_within_target_and_overdue(self):
        def timing(hours, responded):
            return ResponseTime(
                "F1", FeedbackKind.COMPLAINT, Decimal(8), Decimal(hours), responded, None
            )

        assert (True, False) == (timing(8, True).within_target, timing(8, True).overdue)
        assert (False, False) == (timing(9, True).within_target, timing(9, True).overdue)
        assert (False, False) == (timing(8, False).within_target, timing(8, False).overdue)
        assert (False, True) == (timing(9, False).within_target, timing(9, False).overdue)

    def test_sample(self):
        times = response_times(cpm.sample_project(), as_of=NOON)
        assert [
            ("F1", FeedbackKind.PRAISE, Decimal(40), Decimal(4), True, Decimal(4)),
            ("F2", FeedbackKind.COMPLAINT, Decimal(8), Decimal(1), True, Decimal(12)),
            ("F3", FeedbackKind.QUESTION, Decimal(16), Decimal(3), True, None),
            ("F4", FeedbackKind.COMPLAINT, Decimal(8), Decimal(12), False, None),
        ] == [
            (
                t.feedback_id,
                t.kind,
                t.target_hours,
                t.response_hours,
                t.responded,
                t.resolution_hours,
            )
            for t in times
        ]

    def test_before_the_response(self):
        project = cpm.sample_project()
        times = response_times(project, as_of=at("2026-11-16", 9, 30))
        assert ["F1", "F2"] == [t.feedback_id for t in times]
        f2 = times[1]
        assert (Decimal("0.5"), False, None) == (
            f2.response_hours,
            f2.responded,
            f2.resolution_hours,
        )

    def test_at_the_exact_moments(self):
        project = cpm.sample_project()
        times = response_times(project, as_of=at("2026-11-16", 10))
        f2 = times[-1]
        assert ("F2", Decimal(1), True, None) == (
            f2.feedback_id,
            f2.response_hours,
            f2.responded,
            f2.resolution_hours,
        )
        f2 = response_times(project, as_of=at("2026-11-17", 12))[-1]
        assert Decimal(12) == f2.resolution_hours
        assert ["F1", "F2", "F3"] == [
            t.feedback_id for t in response_times(project, as_of=at("2026-11-18", 14))
        ]

    def test_order_by_time_then_id(self):
        project = cpm.sample_project()
        same = project.feedback[0].received_at
        later = project.add(feedback("F0", same), feedback("F9", same.subtract(minutes=1)))
        ids = [t.feedback_id for t in response_times(later, as_of=NOON)]
        assert ["F9", "F0", "F1", "F2", "F3", "F4"] == ids

    def test_custom_targets_and_hours(self):
        project = cpm.sample_project()
        short = WorkingHours(dt.time(10, 0), dt.time(16, 0))
        times = response_times(
            project, as_of=NOON, targets=ResponseTargets(question=2), hours=short
        )
        f3 = times[2]
        assert ("F3", Decimal(2), Decimal(2), True) == (
            f3.feedback_id,
            f3.target_hours,
            f3.response_hours,
            f3.within_target,
        )
        assert Decimal(8) == times[3].response_hours

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (pendulum.date(2026, 11, 24), "Date 2026-11-24"),
            (dt.datetime(2026, 11, 24, 12), "datetime datetime.datetime(2026, 11, 24, 12, 0)"),
            ("2026-11-24", "str '2026-11-24'"),
        ],
    )
    def test_bad_as_of(self, value, shown):
        expected = f"response_times.as_of: expected a time-zone-aware date and time, got {shown}"
        assert expected == message(response_times, cpm.sample_project(), as_of=value)

    def test_stdlib_aware_datetime(self):
        moment = dt.datetime(2026, 11, 24, 4, tzinfo=dt.timezone.utc)  # 12:00 in Shanghai
        times = response_times(cpm.sample_project(), as_of=moment)
        assert Decimal(12) == times[-1].response_hours

    def test_overdue(self):
        project = cpm.sample_project()
        assert ["F4"] == [t.feedback_id for t in overdue_responses(project, as_of=NOON)]
        assert () == overdue_responses(project, as_of=at("2026-11-23", 17))  # 8 hours
        assert ["F4"] == [
            t.feedback_id for t in overdue_responses(project, as_of=at("2026-11-23", 18, 1))
        ]
        short = WorkingHours(dt.time(9, 0), dt.time(12, 0))
        assert () == overdue_responses(project, as_of=NOON, hours=short)  # 6 hours
        strict = ResponseTargets(complaint=5)
        assert ["F4"] == [
            t.feedback_id
            for t in overdue_responses(project, as_of=NOON, targets=strict, hours=short)
        ]
        open_question = attrs.evolve(project.feedback[2], responded_at=None, response=None)
        later = project.replace(open_question)
        assert ["F3", "F4"] == [t.feedback_id for t in overdue_responses(later, as_of=NOON)]


class TestInputChecksAndFeedbackState:
    def test_response_targets(self):
        with pytest.raises(cpm.ValidationError, match=r"ResponseTargets\.complaint: .*'fast'"):
            ResponseTargets(complaint="fast")

    def test_trend_dates(self, project):
        with pytest.raises(cpm.ValidationError, match=r"satisfaction_trend\.start: .*str"):
            satisfaction_trend(project, start="2026-11-01", end=AS_OF)

    def test_trend_dates_are_calendar_dates(self):
        project = cpm.sample_project()
        assert satisfaction_trend(
            project, start=pendulum.date(2026, 11, 1), end=pendulum.date(2026, 11, 2)
        ) == satisfaction_trend(project, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 2))
        expected = (
            "satisfaction_trend.end: expected a calendar date (pendulum.Date), "
            "got DateTime 2026-11-02T00:00:00+00:00; use .date() to drop the time"
        )
        assert expected == message(
            satisfaction_trend,
            project,
            start=pendulum.date(2026, 11, 1),
            end=pendulum.datetime(2026, 11, 2),
        )

    def test_response_targets_are_checked(self):
        expected = "ResponseTargets.complaint: expected a number >= 0, got -1"
        assert expected == message(ResponseTargets, complaint=-1)
        expected = (
            "ResponseTargets.praise: expected a number (int, Decimal or numeric text), got str 'x'"
        )
        assert expected == message(ResponseTargets, praise="x")
        expected = (
            "2 problems:\n"
            "  - ResponseTargets.suggestion: expected a number >= 0, got -2\n"
            "  - ResponseTargets.question: expected a number >= 0, got -1"
        )
        assert expected == message(ResponseTargets, question=-1, suggestion=-2)
        assert Decimal(0) == ResponseTargets(complaint=0).complaint

    def test_feedback_state_in_the_clients_zone(self):
        project = cpm.sample_project()
        day = pendulum.date(2026, 11, 16)
        states = [feedback_state(f, as_of=day, timezone=TZ) for f in project.feedback]
        assert [
            (pendulum.date(2026, 11, 13), True, True),
            (pendulum.date(2026, 11, 16), True, False),  # resolved the next day
            (pendulum.date(2026, 11, 18), False, False),
            (pendulum.date(2026, 11, 23), False, False),
        ] == [(s.received, s.responded, s.resolved) for s in states]

    def test_feedback_state_in_another_zone(self):
        f2 = cpm.sample_project().feedback_item("F2")
        # resolved 17 November 12:00 in Shanghai is 16 November 20:00 in Los Angeles
        state = feedback_state(
            f2, as_of=pendulum.date(2026, 11, 16), timezone="America/Los_Angeles"
        )
        assert (pendulum.date(2026, 11, 15), True, True) == (
            state.received,
            state.responded,
            state.resolved,
        )
        state = feedback_state(
            f2, as_of=pendulum.date(2026, 11, 15), timezone="America/Los_Angeles"
        )
        assert (True, False) == (state.responded, state.resolved)
        state = feedback_state(f2, as_of=pendulum.date(2026, 11, 15), timezone=TZ)
        assert (pendulum.date(2026, 11, 16), False, False) == (
            state.received,
            state.responded,
            state.resolved,
        )

    def test_feedback_state_of_a_stdlib_instant(self):
        item = feedback("F9", dt.datetime(2026, 11, 23, 16, 30, tzinfo=dt.timezone.utc))
        state = feedback_state(item, as_of=pendulum.date(2026, 11, 24), timezone=TZ)
        assert (pendulum.date(2026, 11, 24), False, False) == (
            state.received,
            state.responded,
            state.resolved,
        )


TZ = "Asia/Shanghai"


NOON = pendulum.datetime(2026, 11, 24, 12, tz=TZ)


def at(day, hour, minute=0, tz=TZ):
    y, m, d = (int(x) for x in day.split("-"))
    return pendulum.datetime(y, m, d, hour, minute, tz=tz)


def feedback(fid, received, **kwargs):
    base = {"stakeholder": "li.wei", "kind": "question", "text": "A question"}
    return cpm.Feedback(id=fid, received_at=received, **{**base, **kwargs})


class TestScale:
    def test_scales(self):
        assert (1, 5) == (CSAT_SCALE.low, CSAT_SCALE.high)
        assert (0, 10) == (NPS_SCALE.low, NPS_SCALE.high)

    @pytest.mark.parametrize(
        ("low", "high", "shown"),
        [(1, 1, "1..1"), (2, 1, "2..1"), (1.0, 5, "1.0..5"), (1, "5", "1..'5'")],
    )
    def test_bad_scale(self, low, high, shown):
        expected = f"Scale: expected whole numbers with low < high, got {shown}"
        assert expected == message(Scale, low, high)

    def test_normalize(self):
        assert "5" == str(Scale(1, 10).normalize(10, CSAT_SCALE))
        assert "1" == str(Scale(1, 10).normalize(1, CSAT_SCALE))
        assert "3" == str(Scale(0, 10).normalize(5, CSAT_SCALE))
        assert Decimal("3.75") == Scale(1, 5).normalize(Decimal("2.5"), NPS_SCALE)
        assert Decimal(7) / 3 == Scale(1, 10).normalize(4, CSAT_SCALE)
        assert Decimal(2) == Scale(1, 5).normalize(2, CSAT_SCALE)
        assert Decimal(5) == Scale(2, 4).normalize(3, Scale(0, 10))

    @pytest.mark.parametrize(
        ("value", "shown"),
        [(True, "bool True"), (2.0, "float 2.0"), (0, "int 0"), (6, "int 6"), ("3", "str '3'")],
    )
    def test_outside_the_scale(self, value, shown):
        expected = f"Scale.normalize.value: expected a number from 1 to 5, got {shown}"
        assert expected == message(CSAT_SCALE.normalize, value, CSAT_SCALE)


class TestCsatAndNps:
    def test_csat_boundary_and_rounding(self):
        assert Decimal(100) == csat([4])
        assert Decimal(0) == csat([3])
        assert "100" == str(csat([5, 4]))
        assert "12.5" == str(csat([1] * 7 + [5]))
        assert "6.3" == str(csat([5] + [1] * 15))  # 6.25 rounds half up
        assert "66.7" == str(csat([4, 4, 1]))
        assert Decimal(0) == csat([Decimal("3.9")])

    def test_csat_on_another_scale(self):
        assert Decimal(50) == csat([8, 7], scale=Scale(1, 10))  # 8 -> 4.11, 7 -> 3.67

    def test_nps_boundaries(self):
        assert Decimal(100) == nps([9])
        assert Decimal(0) == nps([8])
        assert Decimal(0) == nps([7])
        assert Decimal(-100) == nps([6])
        assert "6.3" == str(nps([10] + [8] * 15))
        assert Decimal("-33.3") == nps([0, 8, 8])

    def test_nps_on_another_scale(self):
        assert Decimal(-100) == nps([3], scale=Scale(0, 5))  # 3 -> 6
        assert Decimal(100) == nps([9], scale=Scale(0, 10))
        assert Decimal(-100) == nps([7], scale=Scale(0, 20))  # 7 of 20 -> 3.5
        assert UNDEFINED is nps([], scale=Scale(0, 5))
        assert UNDEFINED is csat((r for r in []), scale=Scale(0, 5))


class TestTrend:
    def test_bad_period_and_dates(self):
        project = cpm.sample_project()
        d = pendulum.date(2026, 11, 24)
        expected = "satisfaction_trend.period: expected 'week' or 'month', got str 'year'"
        assert expected == message(satisfaction_trend, project, start=d, end=d, period="year")
        expected = "satisfaction_trend.end: expected on or after start 2026-11-24, got 2026-11-23"
        assert expected == message(satisfaction_trend, project, start=d, end=d.subtract(days=1))

    def test_single_day(self):
        project = cpm.sample_project()
        d = pendulum.date(2026, 11, 18)
        (week,) = satisfaction_trend(project, start=d, end=d, period="week")
        assert (pendulum.date(2026, 11, 16), pendulum.date(2026, 11, 22)) == (week.start, week.end)
        (month,) = satisfaction_trend(project, start=d, end=d)
        assert (pendulum.date(2026, 11, 1), pendulum.date(2026, 11, 30)) == (month.start, month.end)

    def test_weeks(self):
        project = cpm.sample_project()
        weeks = satisfaction_trend(
            project,
            start=pendulum.date(2026, 11, 9),
            end=pendulum.date(2026, 11, 24),
            period="week",
        )
        assert [
            (
                pendulum.date(2026, 11, 9),
                pendulum.date(2026, 11, 15),
                1,
                Decimal(100),
                Decimal(100),
            ),
            (pendulum.date(2026, 11, 16), pendulum.date(2026, 11, 22), 1, Decimal(0), UNDEFINED),
            (pendulum.date(2026, 11, 23), pendulum.date(2026, 11, 29), 1, Decimal(0), UNDEFINED),
        ] == [(w.start, w.end, w.responses, w.csat, w.nps) for w in weeks]

    def test_months(self):
        project = cpm.sample_project()
        months = satisfaction_trend(
            project, start=pendulum.date(2026, 10, 15), end=pendulum.date(2026, 12, 1)
        )
        assert [
            (pendulum.date(2026, 10, 1), pendulum.date(2026, 10, 31), 0, UNDEFINED, UNDEFINED),
            (
                pendulum.date(2026, 11, 1),
                pendulum.date(2026, 11, 30),
                3,
                Decimal("33.3"),
                Decimal(100),
            ),
            (pendulum.date(2026, 12, 1), pendulum.date(2026, 12, 31), 0, UNDEFINED, UNDEFINED),
        ] == [(m.start, m.end, m.responses, m.csat, m.nps) for m in months]

    def test_period_edges_in_the_clients_time_zone(self):
        project = cpm.sample_project()
        # 2026-11-30 17:00 UTC is 1 December 01:00 in Shanghai; 2026-10-31 16:30 UTC is 1 November
        late = feedback("F8", at("2026-11-30", 17, tz="UTC"), rating=5)
        early = feedback("F9", at("2026-10-31", 16, 30, tz="UTC"), nps=10)
        first_day = feedback("F7", at("2026-12-01", 0, 0), rating=1, nps=0)
        later = project.add(late, early, first_day)
        months = satisfaction_trend(
            later, start=pendulum.date(2026, 11, 1), end=pendulum.date(2026, 12, 31)
        )
        assert [(4, Decimal("33.3"), Decimal(100)), (2, Decimal(50), Decimal(-100))] == [
            (m.responses, m.csat, m.nps) for m in months
        ]

    def test_week_edges(self):
        project = cpm.sample_project()
        sunday = feedback("F8", at("2026-11-29", 23, 59), rating=4)
        monday = feedback("F9", at("2026-11-30", 0, 0), nps=3)
        later = project.add(sunday, monday)
        weeks = satisfaction_trend(
            later, start=pendulum.date(2026, 11, 29), end=pendulum.date(2026, 11, 30), period="week"
        )
        assert [
            (pendulum.date(2026, 11, 23), 2, Decimal(50), UNDEFINED),
            (pendulum.date(2026, 11, 30), 1, UNDEFINED, Decimal(-100)),
        ] == [(w.start, w.responses, w.csat, w.nps) for w in weeks]


class TestWorkingHours:
    def test_hours_per_day(self):
        assert Decimal(9) == WorkingHours().hours_per_day
        assert (dt.time(9, 0), dt.time(18, 0)) == (WorkingHours().start, WorkingHours().end)
        assert Decimal("8.25") == WorkingHours(dt.time(9, 30), dt.time(17, 45)).hours_per_day
        assert Decimal("0.5") == WorkingHours(dt.time(10, 15), dt.time(10, 45)).hours_per_day

    def test_bad_hours(self):
        expected = (
            "WorkingHours: expected start before end, got datetime.time(9, 0)..datetime.time(9, 0)"
        )
        assert expected == message(WorkingHours, dt.time(9), dt.time(9))
        expected = "WorkingHours: expected start before end, got '9'..datetime.time(9, 0)"
        assert expected == message(WorkingHours, "9", dt.time(9))
        expected = "WorkingHours: expected start before end, got datetime.time(9, 0)..'18'"
        assert expected == message(WorkingHours, dt.time(9), "18")

    def test_between(self):
        calendar = cpm.sample_project().calendar

        def between(a, b, **kwargs):
            return working_hours_between(a, b, calendar=calendar, timezone=TZ, **kwargs)

        monday = at("2026-11-23", 10)
        assert Decimal(0) == between(monday, monday)
        assert Decimal(0) == between(monday, monday.subtract(hours=3))
        assert Decimal("0.5") == between(monday, monday.add(minutes=30))
        assert Decimal(8) == between(monday, monday.add(hours=12))  # 10:00-18:00
        assert Decimal(9) == between(at("2026-11-23", 7), at("2026-11-23", 20))
        assert Decimal(9) == between(monday, monday.add(days=1))
        assert Decimal(2) == between(at("2026-11-20", 17), at("2026-11-23", 10))
        short = WorkingHours(dt.time(9, 30), dt.time(17, 15))
        assert Decimal("7.75") == between(at("2026-11-23", 8), at("2026-11-23", 19), hours=short)
        assert Decimal("0.25") == between(at("2026-11-23", 9), at("2026-11-23", 9, 45), hours=short)
        assert Decimal("0.25") == between(at("2026-11-23", 17), at("2026-11-23", 18), hours=short)
        assert Decimal(0) == between(at("2026-11-21", 9), at("2026-11-22", 18))  # weekend

    def test_between_converts_to_the_time_zone(self):
        calendar = cpm.sample_project().calendar
        start = pendulum.datetime(2026, 11, 23, 0, 30, tz="UTC")  # 08:30 in Shanghai
        end = pendulum.datetime(2026, 11, 23, 2, tz="UTC")  # 10:00 in Shanghai
        assert Decimal(1) == working_hours_between(start, end, calendar=calendar, timezone=TZ)
        assert Decimal(0) == working_hours_between(start, end, calendar=calendar, timezone="UTC")


class TestTrendEdges:
    def test_start_and_end_on_the_first_day_of_the_period(self):
        project = cpm.sample_project()
        monday = pendulum.date(2026, 11, 16)
        (week,) = satisfaction_trend(project, start=monday, end=monday, period="week")
        assert (monday, pendulum.date(2026, 11, 22), 1) == (week.start, week.end, week.responses)
        first = pendulum.date(2026, 11, 1)
        (month,) = satisfaction_trend(project, start=first, end=first)
        assert (first, pendulum.date(2026, 11, 30), 3) == (month.start, month.end, month.responses)


class TestZonesFarFromUtc:
    """Both ends are read in the client's zone, whatever the zone of the machine."""

    @pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Auckland"])
    def test_evening_to_morning(self, zone):
        start = pendulum.datetime(2026, 11, 23, 17, tz=zone)  # Monday 17:00
        end = pendulum.datetime(2026, 11, 24, 10, tz=zone)  # Tuesday 10:00
        assert Decimal(2) == working_hours_between(
            start, end, calendar=cpm.WorkCalendar(), timezone=zone
        )


class TestBadArguments:
    @pytest.mark.parametrize("score", [csat, nps])
    def test_a_scale_that_is_not_a_scale_is_named(self, score):
        with pytest.raises(cpm.ValidationError) as info:
            score([5, 4], scale=5)
        assert f"{score.__name__}.scale: expected a Scale such as Scale(1, 5), got int 5" == str(
            info.value
        )

    @pytest.mark.parametrize("score", [csat, nps])
    @pytest.mark.parametrize("ratings", [5, "54", None])
    def test_ratings_that_are_not_a_list_are_named(self, score, ratings):
        with pytest.raises(cpm.ValidationError) as info:
            score(ratings)
        assert str(info.value).startswith(f"{score.__name__}.values: expected a list of numbers")
