"""Relationship metrics: risk matrix, satisfaction and response times, promise keeping."""

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm.metrics import UNDEFINED
from clientpm.metrics.promises import promise_keeping
from clientpm.metrics.risk_matrix import (
    DEFAULT_MATRIX,
    RiskLevel,
    RiskMatrix,
    contingency_reserve,
    heat_map,
    rate_risk,
    risk_changes,
    stale_risks,
)
from clientpm.metrics.satisfaction import (
    ResponseTargets,
    Scale,
    WorkingHours,
    csat,
    nps,
    overdue_responses,
    response_times,
    satisfaction_trend,
    working_hours_between,
)

AS_OF = pendulum.date(2026, 11, 24)
SHANGHAI = "Asia/Shanghai"


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestRiskMatrix:
    def test_default_levels(self):
        levels = [DEFAULT_MATRIX.level(s).value for s in (1, 4, 5, 9, 10, 19, 20, 25)]
        assert ["low", "low", "medium", "medium", "high", "high", "critical", "critical"] == levels
        assert ("almost certain", "几乎确定") == DEFAULT_MATRIX.probability_labels[4]

    def test_additive_scoring(self):
        matrix = RiskMatrix(scoring="sum", thresholds=[(2, "low"), (5, "medium"), (7, "high"),
                                                       (9, "critical")])  # fmt: skip
        assert (7, RiskLevel.HIGH) == (matrix.score(3, 4), matrix.level(matrix.score(3, 4)))

    def test_inherent_residual_and_exposure(self, project):
        rating = rate_risk(project.risk("R1"))
        assert (12, "high", 6, "medium") == (
            rating.score, rating.level.value, rating.residual_score, rating.residual_level.value
        )  # fmt: skip
        assert cpm.Money("8000", "CNY") == rating.exposure  # 50 % x 16,000
        assert cpm.Money("4800", "CNY") == rating.residual_exposure  # 30 % x 16,000

    def test_contingency_reserve_is_the_sum_of_expected_values(self, project):
        assert cpm.Money("18400", "CNY") == contingency_reserve(project)
        assert cpm.Money("21600", "CNY") == contingency_reserve(project, residual=False)

    def test_heat_map_and_stale_risks(self, project):
        grid = heat_map(project)
        assert 1 == grid[2][3]
        assert 3 == sum(map(sum, grid))
        assert ["R2"] == [r.id for r in stale_risks(project, as_of=AS_OF)]
        assert [] == [r.id for r in stale_risks(project, as_of=pendulum.date(2026, 11, 19))]

    def test_changes_between_snapshots(self, project):
        at = pendulum.datetime(2026, 11, 24, 10, tz=SHANGHAI)
        after = project.replace(project.risk("R2").close(by="chen.jie", at=at, why="covered"),
                                attrs.evolve(project.risk("R1"), probability=5))  # fmt: skip
        after = after.add(cpm.Risk(id="R4", title="New", probability=1, impact=1, owner="chen.jie",
                                   next_review="2026-12-01"))  # fmt: skip
        changes = risk_changes(project, after)
        assert (("R4",), ("R2",)) == (changes.new, changes.closed)
        assert (("R1", RiskLevel.HIGH, RiskLevel.CRITICAL),) == changes.escalated
        assert not risk_changes(project, project).anything

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"scoring": "max"}, r"RiskMatrix\.scoring: expected 'product' or 'sum', got str 'max'"),
        ({"thresholds": [(5, "low"), (1, "high")]}, r"RiskMatrix\.thresholds: expected ascending"),
        ({"thresholds": [(1, "severe")]}, r"RiskMatrix\.thresholds: expected \(score, level\)"),
        ({"probabilities": [1, 2]}, r"RiskMatrix\.probabilities: expected one per probability"),
    ])  # fmt: skip
    def test_bad_matrix(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            RiskMatrix(**kwargs)

    def test_score_out_of_scale(self):
        with pytest.raises(
            cpm.ValidationError, match=r"RiskMatrix\.score\.impact: expected 1 to 5"
        ):
            DEFAULT_MATRIX.score(3, 6)

    @given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
    def test_level_never_falls_as_probability_or_impact_rises(self, p, i, dp, di):
        """Monotonic: a riskier cell is never a lower level."""
        p2, i2 = max(p, dp), max(i, di)
        riskier = DEFAULT_MATRIX.level(DEFAULT_MATRIX.score(p2, i2))
        assert riskier.rank >= DEFAULT_MATRIX.level(DEFAULT_MATRIX.score(p, i)).rank


ratings = st.lists(st.integers(1, 5), max_size=30)
scores = st.lists(st.integers(0, 10), max_size=30)


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

    @given(ratings)
    def test_csat_within_0_and_100(self, values):
        value = csat(values)
        assert value is UNDEFINED if not values else Decimal(0) <= value <= Decimal(100)

    @given(scores)
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


class TestPromises:
    def test_sample(self, project):
        keeping = promise_keeping(project, start=pendulum.date(2026, 11, 1), end=AS_OF)
        assert (("P3",), (), Decimal("100")) == (keeping.kept, keeping.broken, keeping.rate)

    def test_late_missed_and_overdue_count_as_broken(self, project):
        late_at = pendulum.datetime(2026, 11, 30, 10, tz=SHANGHAI)
        p1 = project.commitment("P1").keep(by="chen.jie", at=late_at)
        later = project.replace(p1)
        keeping = promise_keeping(later, start=pendulum.date(2026, 11, 1),
                                  end=pendulum.date(2026, 12, 31))  # fmt: skip
        assert ("P3",) == keeping.kept
        assert ("P1", "P2") == keeping.broken  # P1 kept late; P2 open past its due date
        assert Decimal(100) / 3 == keeping.rate

    def test_nothing_due_is_undefined(self, project):
        keeping = promise_keeping(project, start=pendulum.date(2026, 1, 1),
                                  end=pendulum.date(2026, 1, 31))  # fmt: skip
        assert UNDEFINED is keeping.rate

    def test_renegotiated_early_is_judged_on_the_new_date(self, project):
        at = pendulum.datetime(2026, 11, 20, 10, tz=SHANGHAI)
        p1 = project.commitment("P1").renegotiate(pendulum.date(2026, 12, 2), by="chen.jie",
                                                  at=at, why="IdP late")  # fmt: skip
        p1 = p1.keep(by="chen.jie", at=pendulum.datetime(2026, 12, 1, 10, tz=SHANGHAI))
        keeping = promise_keeping(project.replace(p1), start=pendulum.date(2026, 11, 1),
                                  end=pendulum.date(2026, 12, 5))  # fmt: skip
        assert (("P3", "P1"), ("P1",)) == (keeping.kept, keeping.renegotiated)

    def test_bad_period(self, project):
        with pytest.raises(cpm.ValidationError, match=r"promise_keeping\.end"):
            promise_keeping(project, start=AS_OF, end=pendulum.date(2026, 1, 1))


def test_a_promise_renegotiated_after_it_was_due_is_judged_on_the_first_date():
    """A new date agreed after missing the old one does not make a broken promise kept."""
    project = cpm.sample_project()
    at = pendulum.datetime(2026, 11, 10, 10, tz=SHANGHAI)
    late = cpm.Commitment(id="P9", promise="Send the data map", to="li.wei", made_by="chen.jie",
                          made_at=at, due="2026-11-16")  # fmt: skip
    late = late.renegotiate(
        pendulum.date(2026, 11, 23),
        by="chen.jie",
        at=pendulum.datetime(2026, 11, 19, 10, tz=SHANGHAI),
        why="forgot",
    )
    late = late.keep(by="chen.jie", at=pendulum.datetime(2026, 11, 20, 10, tz=SHANGHAI))
    keeping = promise_keeping(project.add(late), start=pendulum.date(2026, 11, 1), end=AS_OF)
    assert (("P3",), ("P9",)) == (keeping.kept, keeping.broken)


class TestBadPolicyAndArguments:
    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"amber_csat": "eighty"}, r"HealthPolicy\.amber_csat: expected a number .*'eighty'"),
        ({"red_risk_score": 10}, r"HealthPolicy\.red_risk_score: expected at least amber_risk"),
        ({"red_csat": 90}, r"HealthPolicy\.red_csat: expected at most amber_csat \(80\)"),
        ({"csat_days": -1}, r"HealthPolicy\.csat_days: expected a whole number"),
    ])  # fmt: skip
    def test_health_policy(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.HealthPolicy(**kwargs)

    def test_response_targets(self):
        with pytest.raises(cpm.ValidationError, match=r"ResponseTargets\.complaint: .*'fast'"):
            ResponseTargets(complaint="fast")

    def test_smart_settings(self):
        with pytest.raises(cpm.ValidationError, match=r"SmartSettings\.max_change_factor"):
            cpm.SmartSettings(max_change_factor="lots")

    def test_trend_dates(self, project):
        with pytest.raises(cpm.ValidationError, match=r"satisfaction_trend\.start: .*str"):
            satisfaction_trend(project, start="2026-11-01", end=AS_OF)

    def test_project_health_arguments(self, project):
        plan = cpm.schedule(project, as_of=AS_OF)
        with pytest.raises(cpm.ValidationError, match=r"project_health\.as_of: .*str"):
            cpm.project_health(project, as_of="2026-11-24", schedule=plan)
        with pytest.raises(cpm.ValidationError, match=r"project_health\.schedule: .*NoneType"):
            cpm.project_health(project, as_of=AS_OF, schedule=None)
        other = cpm.schedule(
            project.add(
                cpm.Risk(
                    id="R9",
                    title="x",
                    probability=1,
                    impact=1,
                    owner="chen.jie",
                    next_review="2026-12-01",
                )
            )
        )
        with pytest.raises(cpm.ValidationError, match=r"another version of it"):
            cpm.project_health(project, as_of=AS_OF, schedule=other)

    def test_report_schedule_argument(self, project):
        with pytest.raises(cpm.ValidationError, match=r"weekly_report\.schedule: .*str 'x'"):
            cpm.weekly_report(project, as_of=AS_OF, schedule="x")


def test_health_accepts_the_schedule_of_an_equal_copy():
    """A project read back from JSON is equal, not identical: its schedule still serves."""
    project = cpm.sample_project()
    copy = cpm.from_dict(cpm.Project, cpm.to_dict(project))
    plan = cpm.schedule(copy, as_of=AS_OF)
    assert cpm.Rag.RED is cpm.project_health(project, as_of=AS_OF, schedule=plan).rag
