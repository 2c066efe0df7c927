"""Project health: colours, the policy, costs, every signal and the arguments."""

from decimal import Decimal

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.reports.health import (
    HealthPolicy,
    Rag,
    Status,
    forecast_cost,
    project_health,
    spent_to_date,
)
from tests.helpers import AS_OF, message, tiny

AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")


GOOD = "Milestones, budget and risks are on track."


def calm(project=None):
    """The sample with complaint F4 answered and resolved: green as of AS_OF."""
    project = project or cpm.sample_project()
    f4 = attrs.evolve(
        project.feedback_item("F4"), responded_at=AT, response="Sorry, fixed", resolved_at=AT
    )
    return project.replace(f4)


def health(project, as_of=AS_OF, **kwargs):
    status = project_health(
        project, as_of=as_of, schedule=cpm.schedule(project, as_of=as_of), **kwargs
    )
    return status.rag, status.reasons


def ratings(values, start=1, kind="suggestion"):
    return [
        cpm.Feedback(id=f"S{i}", stakeholder="li.wei", received_at=AT.subtract(days=i),
                     kind=kind, text="survey", rating=rating)
        for i, rating in enumerate(values, start=start)
    ]  # fmt: skip


class TestRagAndStatus:
    def test_labels(self):
        assert ["Green", "Amber", "Red"] == [rag.label() for rag in Rag]
        assert ["Green", "Amber", "Red"] == [rag.label("en") for rag in Rag]
        assert ["绿", "黄", "红"] == [rag.label("zh") for rag in Rag]

    def test_status(self):
        assert () == Status(Rag.GREEN).reasons
        assert ("a", "b") == Status(Rag.RED, ["a", "b"]).reasons


class TestPolicy:
    def test_defaults(self):
        policy = HealthPolicy()
        assert (5, Decimal(100), Decimal(110), 15, 20, 1, Decimal(80), Decimal(60), 30, 5) == (
            policy.red_slip_days,
            policy.amber_budget_percent,
            policy.budget_red_percent,
            policy.amber_risk_score,
            policy.red_risk_score,
            policy.complaint_response_days,
            policy.amber_csat,
            policy.red_csat,
            policy.csat_days,
            policy.min_csat_responses,
        )

    @pytest.mark.parametrize(
        "name",
        [
            "red_slip_days",
            "amber_risk_score",
            "red_risk_score",
            "complaint_response_days",
            "csat_days",
            "min_csat_responses",
        ],
    )
    @pytest.mark.parametrize(
        ("value", "shown"), [(-1, "int -1"), (True, "bool True"), (1.5, "float 1.5")]
    )
    def test_whole_numbers(self, name, value, shown):
        expected = f"HealthPolicy.{name}: expected a whole number >= 0, got {shown}"
        others = {"amber_risk_score": 0} if name == "red_risk_score" else {}
        assert expected == message(HealthPolicy, **{name: value, **others})
        assert 0 == getattr(HealthPolicy(**{name: 0, **others}), name)

    @pytest.mark.parametrize("name", ["amber_budget_percent", "budget_red_percent", "red_csat"])
    def test_numbers(self, name):
        others = {"amber_budget_percent": 0} if name == "budget_red_percent" else {}
        expected = f"HealthPolicy.{name}: expected a number >= 0, got -1"
        assert expected == message(HealthPolicy, **{"amber_budget_percent": 0, name: -1})
        expected = (
            f"HealthPolicy.{name}: expected a number (int, Decimal or numeric text), got str 'x'"
        )
        assert expected == message(HealthPolicy, **{name: "x"})
        assert Decimal(0) == getattr(HealthPolicy(**{name: "0", **others}), name)

    def test_amber_csat_number(self):
        expected = "HealthPolicy.amber_csat: expected a number >= 0, got -1"
        assert expected == message(HealthPolicy, amber_csat=-1, red_csat=0)
        assert Decimal("70.5") == HealthPolicy(amber_csat="70.5").amber_csat

    def test_order_of_the_thresholds(self):
        expected = (
            "HealthPolicy.budget_red_percent: expected at least amber_budget_percent (100), got 99"
        )
        assert expected == message(HealthPolicy, budget_red_percent=99)
        assert Decimal(100) == HealthPolicy(budget_red_percent=100).budget_red_percent
        expected = "HealthPolicy.red_risk_score: expected at least amber_risk_score (15), got 14"
        assert expected == message(HealthPolicy, red_risk_score=14)
        assert 15 == HealthPolicy(red_risk_score=15).red_risk_score
        expected = "HealthPolicy.red_csat: expected at most amber_csat (80), got 81"
        assert expected == message(HealthPolicy, red_csat=81)
        assert Decimal(80) == HealthPolicy(red_csat=80).red_csat
        expected = (
            "3 problems:\n"
            "  - HealthPolicy.budget_red_percent: expected at least amber_budget_percent (100), "
            "got 90\n"
            "  - HealthPolicy.red_risk_score: expected at least amber_risk_score (15), got 10\n"
            "  - HealthPolicy.red_csat: expected at most amber_csat (80), got 90"
        )
        assert expected == message(
            HealthPolicy, budget_red_percent=90, red_risk_score=10, red_csat=90
        )

    def test_wrong_policy(self):
        project = cpm.sample_project()
        expected = "project_health.policy: expected a HealthPolicy or None, got dict {'a': 1}"
        assert expected == message(
            project_health,
            project,
            as_of=AS_OF,
            schedule=cpm.schedule(project, as_of=AS_OF),
            policy={"a": 1},
        )


class TestCosts:
    def test_spent_to_date(self):
        project = cpm.sample_project()
        assert cpm.Money("124000", "CNY") == spent_to_date(project, pendulum.date(2026, 11, 20))
        assert cpm.Money("80000", "CNY") == spent_to_date(project, pendulum.date(2026, 11, 19))
        assert cpm.Money("40000", "CNY") == spent_to_date(project, pendulum.date(2026, 11, 6))
        nothing = spent_to_date(project, pendulum.date(2026, 11, 5))
        assert (cpm.Money("0", "CNY"), "CNY") == (nothing, nothing.currency)

    def test_forecast_cost(self):
        project = cpm.sample_project()
        # 124,000 spent + (10 + 15 + 5 + 12 + 6) days x 4,000; REQ-1 is done
        assert cpm.Money("316000", "CNY") == forecast_cost(project, AS_OF)
        # On 19 November REQ-1 (done on the 20th) was still to do, as the schedule counts it.
        assert cpm.Money("304000", "CNY") == forecast_cost(project, pendulum.date(2026, 11, 19))
        done = project.requirement("REQ-2").complete(by="liu.yang", at=AT)
        assert cpm.Money("276000", "CNY") == forecast_cost(project.replace(done), AS_OF)


class TestSignals:
    def test_green_in_both_languages(self):
        assert (Rag.GREEN, (GOOD,)) == health(calm())
        assert (Rag.GREEN, ("里程碑、预算和风险均正常。",)) == health(calm(), locale="zh")

    @pytest.mark.parametrize(("red_slip_days", "rag"), [(2, Rag.RED), (3, Rag.AMBER), (0, Rag.RED)])
    def test_late_milestone(self, red_slip_days, rag):
        project = calm()
        late = project.replace(
            project.milestone("M2").reschedule(pendulum.date(2026, 11, 26), by="li.wei", at=AT,
                                               why="earlier")
        )  # fmt: skip
        reason = "M2 is forecast 2 working day(s) after its due date 26 Nov 2026."
        assert (rag, (reason,)) == health(late, policy=HealthPolicy(red_slip_days=red_slip_days))

    def test_late_milestone_in_chinese(self):
        project = calm()
        late = project.replace(
            project.milestone("M2").reschedule(pendulum.date(2026, 11, 26), by="li.wei", at=AT,
                                               why="earlier")
        )  # fmt: skip
        rag, (reason,) = health(late, locale="zh")
        assert Rag.AMBER is rag
        assert reason.startswith("M2 预计比到期日 ")
        assert reason.endswith(" 晚 2 个工作日。")

    @pytest.mark.parametrize(
        ("amber", "red", "expected"),
        [
            (65, 110, (Rag.AMBER, ("Forecast cost is 65.8% of the budget.",))),
            ("65.9", 110, (Rag.GREEN, (GOOD,))),
            (50, 65, (Rag.RED, ("Forecast cost is 65.8% of the budget.",))),
            (50, "65.9", (Rag.AMBER, ("Forecast cost is 65.8% of the budget.",))),
        ],
    )
    def test_budget(self, amber, red, expected):
        policy = HealthPolicy(amber_budget_percent=amber, budget_red_percent=red)
        assert expected == health(calm(), policy=policy)  # 316,000 of 480,000 is 65.8 %

    def test_budget_over_by_default(self):
        project = calm()
        assert (Rag.AMBER, ("Forecast cost is 105.3% of the budget.",)) == health(
            attrs.evolve(project, budget=cpm.Money("300000", "CNY"))
        )
        assert (Rag.RED, ("Forecast cost is 111.3% of the budget.",)) == health(
            attrs.evolve(project, budget=cpm.Money("284000", "CNY"))
        )
        # exactly at a threshold is not above it
        at_100 = attrs.evolve(project, budget=cpm.Money("316000", "CNY"))
        assert (Rag.GREEN, (GOOD,)) == health(at_100)
        assert (Rag.AMBER, ("Forecast cost is 100.0% of the budget.",)) == health(
            at_100, policy=HealthPolicy(amber_budget_percent="99.9", budget_red_percent=100)
        )
        assert (Rag.RED, ("Forecast cost is 100.0% of the budget.",)) == health(
            at_100, policy=HealthPolicy(amber_budget_percent="99.9", budget_red_percent="99.99")
        )

    def test_no_budget(self):
        project = attrs.evolve(calm(), budget=cpm.Money("0", "CNY"))
        rag, (reason,) = health(project)
        assert Rag.AMBER is rag
        assert reason.startswith("No budget is set, but the forecast cost is ")
        assert "316" in reason
        rag, (reason,) = health(project, locale="zh")
        assert reason.startswith("未设定预算，但预测成本为 ")

    @pytest.mark.parametrize(
        ("probability", "impact", "expected"),
        [
            (5, 3, (Rag.AMBER, ("Risk R1 scores 15 (high).",))),
            (4, 4, (Rag.AMBER, ("Risk R1 scores 16 (high).",))),
            (5, 4, (Rag.RED, ("Risk R1 scores 20 (critical).",))),
            (3, 4, (Rag.GREEN, (GOOD,))),
        ],
    )
    def test_risk(self, probability, impact, expected):
        project = calm()
        risky = project.replace(
            attrs.evolve(project.risk("R1"), probability=probability, impact=impact)
        )
        assert expected == health(risky)

    def test_risk_thresholds_from_the_policy(self):
        project = calm()
        assert (Rag.AMBER, ("Risk R1 scores 12 (high).",)) == health(
            project, policy=HealthPolicy(amber_risk_score=12)
        )
        assert (Rag.RED, ("Risk R1 scores 12 (high).",)) == health(
            project, policy=HealthPolicy(amber_risk_score=10, red_risk_score=12)
        )
        assert (Rag.GREEN, (GOOD,)) == health(project, policy=HealthPolicy(amber_risk_score=13))

    def test_closed_risk_does_not_count(self):
        project = calm()
        risky = attrs.evolve(project.risk("R1"), probability=5, impact=5)
        closed = risky.close(by="chen.jie", at=AT, why="done")
        assert (Rag.GREEN, (GOOD,)) == health(project.replace(closed))
        assert (Rag.RED, ("Risk R1 scores 25 (critical).",)) == health(project.replace(risky))

    def test_complaint_waiting(self):
        project = cpm.sample_project()  # F4 received Monday 23 November, no response
        waited = (Rag.RED, ("Complaint F4 has waited 1 working day(s) for a response.",))
        assert waited == health(project)
        assert (Rag.AMBER, ("Complaint F4 is not resolved.",)) == health(
            project, as_of=pendulum.date(2026, 11, 23)
        )
        assert (Rag.RED, ("Complaint F4 has waited 0 working day(s) for a response.",)) == health(
            project,
            as_of=pendulum.date(2026, 11, 23),
            policy=HealthPolicy(complaint_response_days=0),
        )
        assert (Rag.GREEN, (GOOD,)) == health(project, as_of=pendulum.date(2026, 11, 22))
        chinese = (Rag.RED, ("投诉 F4 已等待回复 1 个工作日。",))
        assert chinese == health(project, locale="zh")

    def test_answered_complaint_is_amber_until_resolved(self):
        project = cpm.sample_project()
        f4 = attrs.evolve(project.feedback_item("F4"), responded_at=AT, response="Looking")
        assert (Rag.AMBER, ("Complaint F4 is not resolved.",)) == health(project.replace(f4))
        assert (Rag.AMBER, ("投诉 F4 尚未解决。",)) == health(project.replace(f4), locale="zh")

    def test_only_complaints_count(self):
        project = calm()
        question = attrs.evolve(project.feedback_item("F4"), id="F5", kind="question")
        assert (Rag.GREEN, (GOOD,)) == health(project.add(question))

    def test_complaint_received_late_on_the_status_day(self):
        project = calm()
        # 23:30 on 24 November in Shanghai is 15:30 UTC, the same date in both
        late = attrs.evolve(
            project.feedback_item("F4"),
            id="F5",
            received_at=pendulum.datetime(2026, 11, 24, 23, 30, tz="Asia/Shanghai"),
            responded_at=None,
            response=None,
            resolved_at=None,
        )
        assert (Rag.AMBER, ("Complaint F5 is not resolved.",)) == health(project.add(late))

    def test_satisfaction(self):
        project = calm()  # F2 (3) and F4 (2) in the last 30 days, F1 (5) too
        low = project.add(*ratings([2, 3]))
        text = "Client satisfaction (CSAT) is 20% over the last 30 days (5 ratings)."
        assert (Rag.RED, (text,)) == health(low)
        assert (Rag.AMBER, (text,)) == health(low, policy=HealthPolicy(red_csat=20))
        assert (Rag.GREEN, (GOOD,)) == health(low, policy=HealthPolicy(red_csat=20, amber_csat=20))
        assert (Rag.GREEN, (GOOD,)) == health(low, policy=HealthPolicy(min_csat_responses=6))
        few = project.add(*ratings([2]))
        assert (Rag.GREEN, (GOOD,)) == health(few)
        text = "Client satisfaction (CSAT) is 25% over the last 30 days (4 ratings)."
        assert (Rag.RED, (text,)) == health(few, policy=HealthPolicy(min_csat_responses=4))
        chinese = "近 30 天客户满意度（CSAT）为 20%（5 个评分）。"
        assert (Rag.RED, (chinese,)) == health(low, locale="zh")

    def test_satisfaction_window(self):
        project = calm()
        # F1 (13 November) is 11 days before the status date: the window starts after it
        low = project.add(*ratings([2, 3, 1]))
        text = "Client satisfaction (CSAT) is 0% over the last 11 days (5 ratings)."
        assert (Rag.RED, (text,)) == health(low, policy=HealthPolicy(csat_days=11))
        text = "Client satisfaction (CSAT) is 16.7% over the last 12 days (6 ratings)."
        assert (Rag.RED, (text,)) == health(low, policy=HealthPolicy(csat_days=12))
        # ratings after the status date do not count
        future = project.add(*ratings([1, 1], start=-2))
        assert (Rag.GREEN, (GOOD,)) == health(future)

    def test_commitment_at_risk(self):
        project = calm()
        early = project.replace(
            attrs.evolve(project.commitment("P2"), due=pendulum.date(2026, 11, 26))
        )
        reason = "Commitment P2 to li.wei is at risk (2 working day(s) late)."
        assert (Rag.AMBER, (reason,)) == health(early)

    def test_overdue_commitment_and_order(self):
        project = cpm.sample_project()
        rag, reasons = health(project, as_of=pendulum.date(2026, 12, 20))
        assert Rag.RED is rag
        assert (
            "M2 is forecast 5 working day(s) after its due date 18 Dec 2026.",
            "Complaint F4 has waited 19 working day(s) for a response.",
            "Commitment P1 to li.wei is at risk (15 working day(s) late).",
            "Commitment P2 to li.wei is at risk (5 working day(s) late).",
        ) == reasons

    def test_red_reasons_come_first(self):
        project = cpm.sample_project()
        risky = project.replace(attrs.evolve(project.risk("R1"), probability=5, impact=3))
        assert (
            Rag.RED,
            (
                "Complaint F4 has waited 1 working day(s) for a response.",
                "Risk R1 scores 15 (high).",
            ),
        ) == health(risky)
        both = risky.replace(attrs.evolve(risky.risk("R3"), probability=5, impact=4))
        assert (
            Rag.RED,
            (
                "Risk R3 scores 20 (critical).",
                "Complaint F4 has waited 1 working day(s) for a response.",
                "Risk R1 scores 15 (high).",
            ),
        ) == health(both)

    def test_worst_amber_among_ambers(self):
        project = calm()
        risky = project.replace(
            attrs.evolve(project.risk("R1"), probability=5, impact=3),
            attrs.evolve(project.risk("R3"), probability=4, impact=4),
        )
        assert (Rag.AMBER, ("Risk R1 scores 15 (high).", "Risk R3 scores 16 (high).")) == health(
            risky
        )


class TestAsOfTheStatusDate:
    def test_a_complaint_as_it_stood_then(self):
        project = cpm.sample_project()
        # F2: received and answered 16 November, resolved the 17th
        assert (Rag.AMBER, ("Complaint F2 is not resolved.",)) == health(
            project, as_of=pendulum.date(2026, 11, 16)
        )
        assert (Rag.GREEN, (GOOD,)) == health(project, as_of=pendulum.date(2026, 11, 17))

    def test_a_later_response_does_not_count_yet(self):
        project = cpm.sample_project()
        later = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
        f4 = attrs.evolve(project.feedback_item("F4"), responded_at=later, response="Sorry")
        answered = project.replace(f4)
        waited = (Rag.RED, ("Complaint F4 has waited 1 working day(s) for a response.",))
        assert waited == health(answered)
        assert (Rag.AMBER, ("Complaint F4 is not resolved.",)) == health(
            answered, as_of=pendulum.date(2026, 11, 25)
        )

    def test_a_later_resolution_does_not_count_yet(self):
        project = cpm.sample_project()
        f4 = attrs.evolve(
            project.feedback_item("F4"),
            responded_at=AT,
            response="Sorry",
            resolved_at=pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai"),
        )
        resolved = project.replace(f4)
        assert (Rag.AMBER, ("Complaint F4 is not resolved.",)) == health(resolved)
        assert (Rag.GREEN, (GOOD,)) == health(resolved, as_of=pendulum.date(2026, 11, 25))


class TestHealthArguments:
    def test_as_of_must_be_a_date(self):
        project = cpm.sample_project()
        schedule = cpm.schedule(project, as_of=AS_OF)
        expected = (
            "project_health.as_of: expected a pendulum.Date or a time-zone-aware "
            "pendulum.DateTime, got str '2026-11-24'"
        )
        assert expected == message(project_health, project, as_of="2026-11-24", schedule=schedule)

    def test_as_of_is_read_as_the_builders_read_it(self):
        """An aware instant or a datetime.date is the status day, as for weekly_report."""
        import datetime as dt

        project = cpm.sample_project()
        schedule = cpm.schedule(project, as_of=AS_OF)
        by_day = project_health(project, as_of=AS_OF, schedule=schedule)
        instant = pendulum.datetime(2026, 11, 24)  # 08:00 on the 24th in Shanghai
        assert by_day == project_health(project, as_of=instant, schedule=schedule)
        assert by_day == project_health(project, as_of=dt.date(2026, 11, 24), schedule=schedule)
        cpm.weekly_report(project, as_of=instant, schedule=schedule)  # accepted there too

    def test_schedule_must_be_the_projects(self):
        project = cpm.sample_project()
        expected = (
            "project_health.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
            "got str 'plan'"
        )
        assert expected == message(project_health, project, as_of=AS_OF, schedule="plan")
        other = calm(project)
        expected = (
            "project_health.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
            "got a schedule of another version of it"
        )
        assert expected == message(
            project_health, project, as_of=AS_OF, schedule=cpm.schedule(other, as_of=AS_OF)
        )

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"amber_csat": "eighty"}, r"HealthPolicy\.amber_csat: expected a number .*'eighty'"),
        ({"red_risk_score": 10}, r"HealthPolicy\.red_risk_score: expected at least amber_risk"),
        ({"red_csat": 90}, r"HealthPolicy\.red_csat: expected at most amber_csat \(80\)"),
        ({"csat_days": -1}, r"HealthPolicy\.csat_days: expected a whole number"),
    ])  # fmt: skip
    def test_health_policy(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.HealthPolicy(**kwargs)

    def test_project_health_arguments(self, project):
        plan = cpm.schedule(project, as_of=AS_OF)
        with pytest.raises(cpm.ValidationError, match=r"project_health\.as_of: .*str"):
            cpm.project_health(project, as_of="2026-11-24", schedule=plan)
        with pytest.raises(cpm.ValidationError, match=r"project_health\.schedule: .*got None$"):
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


class TestMoreEdges:
    def test_no_budget_and_nothing_forecast(self):
        project = cpm.sample_project()
        free = attrs.evolve(project, budget=cpm.Money("0", "CNY"), day_rate=cpm.Money("0", "CNY"))
        early = pendulum.date(2026, 11, 5)  # before the first cost
        late_m1 = "M1 is forecast 1 working day(s) after its due date 13 Nov 2026."
        assert (Rag.AMBER, (late_m1,)) == health(free, as_of=early)
        unbudgeted = attrs.evolve(project, budget=cpm.Money("0", "CNY"))
        # nothing spent yet, and all 56 signed-off days (REQ-1 too: done later) still to do
        no_budget = "No budget is set, but the forecast cost is CNY 224,000.00."
        assert (Rag.AMBER, (late_m1, no_budget)) == health(unbudgeted, as_of=early)

    def test_ratings_are_dated_in_the_clients_zone(self):
        project = calm().add(*ratings([2, 3]))
        # 01:00 on 25 November in Shanghai is still 24 November in UTC: after the status date
        after = cpm.Feedback(
            id="S9",
            stakeholder="li.wei",
            kind="praise",
            text="survey",
            rating=5,
            received_at=pendulum.datetime(2026, 11, 25, 1, tz="Asia/Shanghai"),
        )
        text = "Client satisfaction (CSAT) is 20% over the last 30 days (5 ratings)."
        assert (Rag.RED, (text,)) == health(project.add(after))


def test_one_working_day_late_is_amber():
    project = calm()
    m2 = project.milestone("M2").reschedule(pendulum.date(2026, 11, 27), by="li.wei", at=AT,
                                            why="earlier")  # fmt: skip
    late = project.replace(m2)
    reason = "M2 is forecast 1 working day(s) after its due date 27 Nov 2026."
    assert (Rag.AMBER, (reason,)) == health(late)
    assert (Rag.RED, (reason,)) == health(late, policy=HealthPolicy(red_slip_days=1))


def test_an_overdue_commitment_alone_is_red():
    status = health(calm(), as_of=pendulum.date(2026, 12, 4))
    assert (Rag.RED, ("Commitment P1 to li.wei is at risk (5 working day(s) late).",)) == status


def test_a_rating_on_the_status_date_counts():
    on_the_day = cpm.Feedback(
        id="S9",
        stakeholder="li.wei",
        kind="suggestion",
        text="survey",
        rating=1,
        received_at=pendulum.datetime(2026, 11, 24, 8, tz="Asia/Shanghai"),
    )
    project = calm().add(*ratings([2]), on_the_day)
    text = "Client satisfaction (CSAT) is 20% over the last 30 days (5 ratings)."
    assert (Rag.RED, (text,)) == health(project)


def test_a_schedule_for_another_date_is_refused():
    project = cpm.sample_project()
    stale = cpm.schedule(project, as_of=pendulum.date(2026, 11, 20))
    text = message(project_health, project, as_of=AS_OF, schedule=stale)
    expected = (
        "project_health.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
        "got a schedule as of 2026-11-20"
    )
    assert expected == text


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


def test_health_accepts_the_schedule_of_an_equal_copy():
    """A project read back from JSON is equal, not identical: its schedule still serves."""
    project = cpm.sample_project()
    copy = cpm.from_dict(cpm.Project, cpm.to_dict(project))
    plan = cpm.schedule(copy, as_of=AS_OF)
    assert cpm.Rag.RED is cpm.project_health(project, as_of=AS_OF, schedule=plan).rag


def resolved_f4(project):
    f4 = attrs.evolve(project.feedback_item("F4"), responded_at=AT, response="Sorry, fixed",
                      resolved_at=AT)  # fmt: skip
    return project.replace(f4)


class TestHealthPolicy:
    def test_green_when_nothing_is_wrong(self, project):
        report = cpm.weekly_report(resolved_f4(project), as_of=AS_OF, locale="en")
        assert (cpm.Rag.GREEN, ("Milestones, budget and risks are on track.",)) == (
            report.status.rag, report.status.reasons
        )  # fmt: skip

    def test_unanswered_complaint_is_red_then_amber_with_more_patience(self, project):
        assert cpm.Rag.RED is cpm.weekly_report(project, as_of=AS_OF).status.rag
        patient = cpm.HealthPolicy(complaint_response_days=2)
        status = cpm.weekly_report(project, as_of=AS_OF, policy=patient, locale="en").status
        assert (cpm.Rag.AMBER, ("Complaint F4 is not resolved.",)) == (status.rag, status.reasons)

    @pytest.mark.parametrize(("due", "rag", "days"), [
        ("2026-11-26", cpm.Rag.AMBER, 2),
        ("2026-11-20", cpm.Rag.RED, 6),
    ])  # fmt: skip
    def test_a_late_milestone(self, project, due, rag, days):
        late = resolved_f4(project)
        late = late.replace(
            late.milestone("M2").reschedule(pendulum.Date.fromisoformat(due), by="li.wei", at=AT,
                                            why="earlier")
        )  # fmt: skip
        status = cpm.weekly_report(late, as_of=AS_OF, locale="en").status
        assert rag is status.rag
        assert f"M2 is forecast {days} working day(s) after its due date" in status.reasons[0]

    def test_a_high_risk(self, project):
        risky = resolved_f4(project).replace(attrs.evolve(project.risk("R1"), probability=5))
        status = cpm.weekly_report(risky, as_of=AS_OF, locale="en").status
        assert (cpm.Rag.RED, ("Risk R1 scores 20 (critical).",)) == (status.rag, status.reasons)

    def test_bad_policy(self):
        with pytest.raises(cpm.ValidationError, match=r"HealthPolicy\.red_slip_days: .*-1"):
            cpm.HealthPolicy(red_slip_days=-1)
        with pytest.raises(cpm.ValidationError, match=r"HealthPolicy\.budget_red_percent"):
            cpm.HealthPolicy(budget_red_percent=90)


def test_low_satisfaction_turns_the_project_red():
    """Five or more recent ratings with CSAT below 60 % make the project red."""
    project = resolved_f4(cpm.sample_project())
    ratings = [
        cpm.Feedback(id=f"S{i}", stakeholder="li.wei", received_at=AT.subtract(days=i),
                     kind="suggestion", text="survey", rating=rating)
        for i, rating in enumerate([2, 3, 5, 2, 3], start=1)
    ]  # fmt: skip
    status = cpm.weekly_report(project.add(*ratings), as_of=AS_OF, locale="en").status
    assert cpm.Rag.RED is status.rag
    assert "CSAT) is 25% over the last 30 days (8 ratings)" in status.reasons[0]
    lenient = cpm.HealthPolicy(red_csat=20, amber_csat=30)
    assert cpm.Rag.AMBER is cpm.weekly_report(project.add(*ratings), as_of=AS_OF, locale="en",
                                              policy=lenient).status.rag  # fmt: skip


def test_health_reads_the_schedule_it_is_given():
    """A schedule as of 10:00 does not count work delivered at 15:00 that day."""
    late = cpm.Milestone(id="F", title="F", due="2026-10-29", deliverables=["RD"],
                         duration_days=1)  # fmt: skip
    late = late.start(by="chen.jie", at=pendulum.datetime(2026, 10, 28, 9, tz="UTC"))
    late = late.deliver(by="chen.jie", at=pendulum.datetime(2026, 10, 30, 15, tz="UTC"))
    project = tiny(milestones=[late, *tiny().milestones[1:]])
    morning = pendulum.datetime(2026, 10, 30, 10, tz="UTC")
    status = project_health(project, as_of=morning, schedule=cpm.schedule(project, as_of=morning))
    late_f = "F is forecast 2 working day(s) after its due date 29 Oct 2026."
    assert Status(Rag.AMBER, (late_f,)) == status
