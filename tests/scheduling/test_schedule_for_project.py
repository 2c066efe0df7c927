"""One rule says whether a schedule is the project's as of the day, for every builder.

A schedule is accepted when its project is equal to the one asked about (the
same data, even another object) and its as-of day is the day asked about;
each builder names itself when it refuses one. The report builders also work
out what they share with the health status once per report.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

import clientpm as cpm
import clientpm.reports.health as health_module
import clientpm.scheduling.expectations as expectations_module
from clientpm.impact import assess_change
from clientpm.reports.health import ReportFacts, project_health
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.expectations import commitments_at_risk, expectation_gaps
from clientpm.scheduling.result import schedule_for

STALE_DAY = pendulum.date(2026, 11, 20)
EXPECTED = "expected the schedule of Project 'ACME' as of 2026-11-24, got"


def message(call, *args, **kwargs) -> str:
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


@pytest.fixture
def project():
    return cpm.sample_project()


def builders(project):
    """Every builder that takes a precomputed schedule, by the name it reports under."""
    cr = project.change_request("CR-1")
    return {
        "weekly_report": lambda plan: cpm.weekly_report(project, as_of=SAMPLE_AS_OF, schedule=plan),
        "monthly_report": lambda plan: cpm.monthly_report(
            project, as_of=SAMPLE_AS_OF, schedule=plan
        ),
        "project_health": lambda plan: project_health(project, as_of=SAMPLE_AS_OF, schedule=plan),
        "assess_change": lambda plan: assess_change(project, cr, as_of=SAMPLE_AS_OF, schedule=plan),
        "commitments_at_risk": lambda plan: commitments_at_risk(
            project, as_of=SAMPLE_AS_OF, schedule=plan
        ),
        "expectation_gaps": lambda plan: expectation_gaps(
            project, as_of=SAMPLE_AS_OF, schedule=plan
        ),
    }


CALLERS = [
    "weekly_report",
    "monthly_report",
    "project_health",
    "assess_change",
    "commitments_at_risk",
    "expectation_gaps",
]


class TestIsFor:
    def test_same_project_and_day(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        assert plan.is_for(project, SAMPLE_AS_OF)

    def test_an_equal_project_is_accepted(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        twin = cpm.sample_project()
        assert twin is not project
        assert plan.is_for(twin, SAMPLE_AS_OF)

    def test_another_day_or_project_is_not(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        changed = project.add(cpm.Risk(id="R9", title="x", probability=1, impact=1,
                                       owner="chen.jie", next_review="2026-12-01"))  # fmt: skip
        assert not plan.is_for(project, STALE_DAY)
        assert not plan.is_for(project, None)
        assert not plan.is_for(changed, SAMPLE_AS_OF)


class TestStaleSchedule:
    @pytest.mark.parametrize("caller", CALLERS)
    def test_a_schedule_of_another_day_names_the_caller(self, project, caller):
        stale = cpm.schedule(project, as_of=STALE_DAY)
        assert f"{caller}.schedule: {EXPECTED} a schedule as of 2026-11-20" == message(
            builders(project)[caller], stale
        )

    @pytest.mark.parametrize("caller", CALLERS)
    def test_a_schedule_of_another_version_names_the_caller(self, project, caller):
        changed = project.add(cpm.Risk(id="R9", title="x", probability=1, impact=1,
                                       owner="chen.jie", next_review="2026-12-01"))  # fmt: skip
        other = cpm.schedule(changed, as_of=SAMPLE_AS_OF)
        assert f"{caller}.schedule: {EXPECTED} a schedule of another version of it" == message(
            builders(project)[caller], other
        )

    @pytest.mark.parametrize("caller", CALLERS)
    def test_a_schedule_of_another_project_names_it(self, project, caller):
        other = cpm.schedule(attrs.evolve(cpm.sample_project(), key="BETA"), as_of=SAMPLE_AS_OF)
        assert f"{caller}.schedule: {EXPECTED} the schedule of Project 'BETA'" == message(
            builders(project)[caller], other
        )

    @pytest.mark.parametrize("caller", CALLERS)
    def test_not_a_schedule(self, project, caller):
        assert f"{caller}.schedule: {EXPECTED} str 'plan'" == message(
            builders(project)[caller], "plan"
        )

    def test_weekly_report_no_longer_blames_project_health(self, project):
        stale = cpm.schedule(project, as_of=STALE_DAY)
        text = message(cpm.weekly_report, project, as_of=SAMPLE_AS_OF, schedule=stale)
        assert text.startswith("weekly_report.schedule: ")
        assert "project_health" not in text

    def test_project_health_needs_a_schedule(self, project):
        assert f"project_health.schedule: {EXPECTED} None" == message(
            project_health, project, as_of=SAMPLE_AS_OF, schedule=None
        )

    def test_a_schedule_with_no_status_date(self, project):
        plan = cpm.schedule(project)
        assert f"weekly_report.schedule: {EXPECTED} a schedule with no status date" == message(
            cpm.weekly_report, project, as_of=SAMPLE_AS_OF, schedule=plan
        )
        cr = project.change_request("CR-1")
        assert (
            "assess_change.schedule: expected the schedule of Project 'ACME' with no status "
            "date, got a schedule as of 2026-11-24"
        ) == message(
            assess_change, project, cr, as_of=None,
            schedule=cpm.schedule(project, as_of=SAMPLE_AS_OF),
        )  # fmt: skip

    def test_not_a_project(self):
        assert "schedule_for_me.project: expected a clientpm.Project, got str 'ACME'" == (
            message(schedule_for, "ACME", SAMPLE_AS_OF, None, "schedule_for_me")
        )


class TestEqualProjectAccepted:
    @pytest.mark.parametrize("caller", CALLERS)
    def test_the_schedule_of_an_equal_project_is_reused(self, project, caller):
        twin_plan = cpm.schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        own_plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        call = builders(project)[caller]
        assert call(own_plan) == call(twin_plan)

    def test_reports_are_the_same_with_or_without_the_schedule(self, project):
        plan = cpm.schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        with_plan = cpm.weekly_report(project, as_of=SAMPLE_AS_OF, schedule=plan)
        assert cpm.render(cpm.weekly_report(project, as_of=SAMPLE_AS_OF), "text") == (
            cpm.render(with_plan, "text")
        )

    def test_a_datetime_as_of_matches_a_schedule_of_its_day(self, project):
        at = pendulum.datetime(2026, 11, 24, 15, tz="Asia/Shanghai")
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        assert SAMPLE_AS_OF == cpm.weekly_report(project, as_of=at, schedule=plan).as_of


class TestReportFacts:
    """What the status and the sections share is worked out once per report."""

    def count_calls(self, monkeypatch, module, name):
        calls = []
        real = getattr(module, name)

        def counting(*args, **kwargs):
            calls.append(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
        return calls

    @pytest.mark.parametrize("builder", [cpm.weekly_report, cpm.monthly_report])
    def test_commitments_at_risk_once_per_report(self, monkeypatch, project, builder):
        calls = self.count_calls(monkeypatch, expectations_module, "commitments_at_risk")
        builder(project, as_of=SAMPLE_AS_OF)
        assert ["commitments_at_risk"] == calls

    @pytest.mark.parametrize("builder", [cpm.weekly_report, cpm.monthly_report])
    def test_spent_to_date_once_per_report(self, monkeypatch, project, builder):
        calls = self.count_calls(monkeypatch, health_module, "spent_to_date")
        builder(project, as_of=SAMPLE_AS_OF)
        assert ["spent_to_date"] == calls

    def test_feedback_state_once_per_item(self, monkeypatch, project):
        import clientpm.metrics.satisfaction as satisfaction

        calls = self.count_calls(monkeypatch, satisfaction, "feedback_state")
        cpm.weekly_report(project, as_of=SAMPLE_AS_OF)
        assert len(project.feedback) == len(calls)

    def test_the_facts_give_project_healths_status(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        facts = ReportFacts.of(project, SAMPLE_AS_OF, plan)
        for locale in ("en", "zh"):
            assert project_health(project, as_of=SAMPLE_AS_OF, schedule=plan, locale=locale) == (
                facts.health(locale=locale)
            )
        report = cpm.weekly_report(project, as_of=SAMPLE_AS_OF, locale="en")
        assert facts.health() == report.status

    def test_the_facts_are_the_public_figures(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        facts = ReportFacts.of(project, SAMPLE_AS_OF, plan)
        assert (
            health_module.spent_to_date(project, SAMPLE_AS_OF),
            health_module.forecast_cost(project, SAMPLE_AS_OF),
            commitments_at_risk(project, as_of=SAMPLE_AS_OF, schedule=plan),
        ) == (facts.spent, facts.forecast_cost, facts.commitments_at_risk)
        assert sorted(f.id for f in project.feedback) == sorted(facts.feedback)

    def test_a_bad_policy_names_the_caller(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        facts = ReportFacts.of(project, SAMPLE_AS_OF, plan)
        for call, where in [
            (lambda: cpm.weekly_report(project, as_of=SAMPLE_AS_OF, policy={}), "weekly_report"),
            (lambda: cpm.risk_register(project, as_of=SAMPLE_AS_OF, policy={}), "risk_register"),
            (lambda: facts.health(policy={}), "ReportFacts.health"),
        ]:
            assert f"{where}.policy: expected a HealthPolicy or None, got dict {{}}" == (
                message(call)
            )


class TestRiskScore:
    """Reports rank and show risks by ``Risk.score``."""

    def test_register_shows_the_risks_score(self, project):
        report = cpm.risk_register(project, as_of=SAMPLE_AS_OF)
        (table,) = report.sections[0].blocks
        open_risks = sorted((r for r in project.risks if r.is_active),
                            key=lambda r: (-r.score, r.id))  # fmt: skip
        assert [(f"{r.id} {r.title}", str(r.score)) for r in open_risks] == [
            row[:2] for row in table.rows
        ]


class TestIsForAgreesWithScheduleFor:
    """``Schedule.is_for`` reads as_of as the builders do, so the two never disagree."""

    INSTANT = pendulum.datetime(2026, 11, 24, 15, tz="Asia/Shanghai")

    def test_a_schedule_of_an_instant_is_for_that_instant(self):
        p = cpm.sample_project()
        plan = cpm.schedule(p, as_of=self.INSTANT)
        assert plan.is_for(p, self.INSTANT)
        assert plan.is_for(p, SAMPLE_AS_OF)
        assert plan is schedule_for(p, self.INSTANT, plan, "weekly_report")
        cpm.weekly_report(p, as_of=self.INSTANT, schedule=plan)  # accepted there too

    def test_another_day_is_not(self):
        p = cpm.sample_project()
        plan = cpm.schedule(p, as_of=self.INSTANT)
        assert not plan.is_for(p, STALE_DAY)
        assert not plan.is_for(p, None)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("2026-11-24", "str '2026-11-24'"),
            (pendulum.naive(2026, 11, 24, 9), "naive DateTime 2026-11-24T09:00:00"),
        ],
    )
    def test_a_bad_as_of_is_refused(self, value, shown):
        p = cpm.sample_project()
        plan = cpm.schedule(p, as_of=SAMPLE_AS_OF)
        assert (
            "Schedule.is_for.as_of: expected a pendulum.Date or a time-zone-aware "
            f"pendulum.DateTime, got {shown}"
        ) == message(plan.is_for, p, value)

    def test_a_bad_project_is_refused(self):
        plan = cpm.schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        assert "Schedule.is_for.project: expected a clientpm.Project, got str 'ACME'" == (
            message(plan.is_for, "ACME", SAMPLE_AS_OF)
        )


def test_a_schedule_works_out_its_forecast_cost_once(monkeypatch):
    """Every change assessed against one schedule reads the forecast cost kept with it."""
    import clientpm.scheduling.result as result

    calls = []
    real = result.forecast_cost
    monkeypatch.setattr(result, "forecast_cost", lambda *a: calls.append(a) or real(*a))
    project = cpm.sample_project()
    plan = cpm.schedule(project, as_of=cpm.sample.SAMPLE_AS_OF)
    for _ in range(3):
        impact = cpm.assess_change(
            project, project.change_requests[0], as_of=cpm.sample.SAMPLE_AS_OF, schedule=plan
        )
    assert 1 == len(calls)
    assert cpm.Money("316000", "CNY") == impact.budget.forecast_before == plan.forecast_cost
