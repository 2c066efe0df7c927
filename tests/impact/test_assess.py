"""Change impact: scope, schedule, budget, risk, recommendation and bad input.

Most tests of the parts use a tiny, hand-computed project (``tiny()``, in
``tests.helpers``): a Monday-to-Friday week in UTC without holidays, one
person-day a working day, 1,000 CNY a day, start and status date Monday 2
November 2026, contractual end Friday 13 November.

* F (delivered on 30 October) holds RD, done before the status date.
* A (due Friday 6 November) holds R1 (3 days) and R2 (2 days): 2 to 6
  November, no slack, critical.
* B (after A, due 13 November) holds R3 (4 days): 9 to 12 November, slack 1.
* C (due 13 November) holds R4 (2 days): 2 to 3 November, slack 8.
* RX was removed from the scope before. The signed-off scope is 12 person-days
  (its estimate, ``estimated_cost``, 12,000 CNY); 11 of them remain.

Nothing is spent (no actual costs), and RD is done with no cost recorded, so
the forecast cost an impact starts from (spent to date + remaining signed-off
work at the day rate) is 0 + 11 x 1,000 = 11,000 CNY, not the 12,000 estimate.

The default policy gives 2 free person-days and 10 % contingency; the project
manager (chen.jie) decides up to 5 person-days, the account manager
(wang.fang) up to 20, and nobody in the project is the executive.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm.enums import Recommendation, Role
from clientpm.errors import UnknownReferenceError, ValidationError
from clientpm.impact import ChangePolicy, Dimension, DimensionResult, RiskEffect, assess_change
from clientpm.model.budget import forecast_cost
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.result import schedule
from tests.helpers import (
    AT,
    SAMPLE_AT,
    START,
    assess,
    assess_sample,
    cny,
    message,
    request,
    requirement,
    revise,
    sample_request,
    tiny,
)

TZ = "Asia/Shanghai"


SAMPLE_LATER = pendulum.datetime(2026, 11, 25, 10, tz=TZ)


def approve_all(project, cr, billing, at=SAMPLE_LATER):
    """``project`` holding the assessed ``cr``, approved by the client and every named approver.

    A role named because nobody held it gets a holder first (D14).
    """
    roles = {r.value for r in Role}
    holders = {n: f"{n}.holder" for n in cr.assessment.approvers if n in roles}
    project = project.add(*[cpm.Stakeholder(id=h, name=n, role=n) for n, h in holders.items()])
    project = project.replace(cr) if project.has(cr.id) else project.add(cr)
    why = "approved with the impact in view"
    project = project.approve_change(cr.id, by=project.client.id, at=at, billing=billing, why=why)
    for named in cr.assessment.approvers:
        who = holders.get(named, named)
        if all(t.by != who for t in project.change_request(cr.id).approvals):
            project = project.approve_change(cr.id, by=who, at=at, why=why)
    return project


@pytest.fixture
def project():
    return cpm.sample_project()


class TestSampleChange:
    """CR-1: WeChat Work login (6 days) on the beta, and REQ-2 grows from 10 to 11 days."""

    def test_scope(self, project):
        """One requirement added, one revised, 7 person-days more on M2."""
        scope = assess_sample(project, project.change_request("CR-1")).scope
        assert (("REQ-8",), ("REQ-2",), ()) == (scope.added, scope.revised, scope.removed)
        assert (7, (("M2", 7),)) == (scope.effort_delta_days, scope.by_milestone)

    def test_schedule(self, project):
        """The beta moves 4 working days and pushes M3 and M4; nothing breaks its due date."""
        s = assess_sample(project, project.change_request("CR-1")).schedule
        assert [
            ("M2", 4, "2026-11-30", "2026-12-04"),
            ("M3", 4, "2026-12-18", "2026-12-24"),
            ("M4", 4, "2026-12-28", "2027-01-04"),
        ] == [(m.id, m.slip_days, str(m.old_finish), str(m.new_finish)) for m in s.moves]
        assert ((), (), 0, False, 4) == (
            s.breaches,
            s.contractual_breaches,
            s.days_past_contract_end,
            s.critical_path_changed,
            s.max_slip_days,
        )

    def test_budget(self, project):
        """7 days at 4,000 CNY plus 10 % contingency; forecast against the budget.

        The forecast starts from the forecast cost the reports show: 124,000 spent
        plus 48 remaining signed-off days x 4,000 = 316,000; + 30,800 = 346,800,
        72.25 % of 480,000 (to the nearest tenth, half up like money: 72.3).
        """
        b = assess_sample(project, project.change_request("CR-1")).budget
        assert cpm.Money("28000", "CNY") == b.effort_cost
        assert cpm.Money("2800", "CNY") == b.contingency
        assert cpm.Money("30800", "CNY") == b.cost_delta
        assert (cpm.Money("316000", "CNY"), cpm.Money("346800", "CNY")) == (
            b.forecast_before,
            b.forecast_after,
        )
        assert ("6.4", "72.3", False) == (
            str(b.percent_of_budget),
            str(b.forecast_percent),
            b.over_budget,
        )

    def test_risk(self, project):
        """R1 (M2, REQ-1), R2 (M4) and R3 (M3) are linked; no slack is lost, exposure stays."""
        r = assess_sample(project, project.change_request("CR-1")).risk
        assert [("R1", ("M2",)), ("R2", ("M4",)), ("R3", ("M3",))] == [
            (e.risk_id, e.targets) for e in r.effects
        ]
        assert (27, 27) == (r.exposure_before, r.exposure_after)

    def test_recommendation(self, project):
        """Bill it: beyond the free allowance and the project manager's limit."""
        rec = assess_sample(project, project.change_request("CR-1")).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert cpm.Money("30800", "CNY") == rec.price
        assert (("wang.fang", "li.wei"), cpm.Role.ACCOUNT_MANAGER, True) == (
            rec.approvers,
            rec.decider,
            rec.escalation,
        )
        assert cpm.Billing.PAID == rec.billing

    def test_lifecycle(self, project):
        """Assess, approve, apply: the budget rises by the price, baselines stay, forecasts hold."""
        cr = project.change_request("CR-1")
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        impact = assess_sample(project, cr, schedule=plan)
        assessed = cr.assess(impact, by="chen.jie", at=SAMPLE_AT)
        assert assessed.assessment == impact.to_assessment()
        approved = approve_all(project, assessed, impact.recommendation.billing)
        after = approved.apply("CR-1")
        assert project.budget + impact.recommendation.price == after.budget
        assert after.requirement("REQ-2").baseline_estimate_days == 10
        new_plan = schedule(after, as_of=SAMPLE_AS_OF)
        for move in impact.schedule.moves:
            assert move.new_finish == new_plan[move.id].earliest_finish


class TestRecommendations:
    def test_small_change_is_absorbed(self, project):
        """One extra day fits the 2-day free allowance: absorb, no price, the PM decides."""
        rec = assess_sample(project, sample_request(cpm.ReviseEstimate("REQ-2", 11))).recommendation
        assert (cpm.Recommendation.ABSORB, None, ("chen.jie", "li.wei"), False) == (
            rec.decision,
            rec.price,
            rec.approvers,
            rec.escalation,
        )

    def test_used_allowance_makes_the_next_change_paid(self, project):
        """Approved free changes use the allowance up."""
        free = sample_request(cpm.ReviseEstimate("REQ-3", 16), cid="CR-0")
        impact = assess_sample(project, free)
        assert cpm.Recommendation.ABSORB == impact.recommendation.decision
        free = free.assess(impact, by="chen.jie", at=SAMPLE_AT).approve(
            by="li.wei", at=SAMPLE_AT, billing="free"
        )
        p = project.add(free)
        rec = assess_sample(p, sample_request(cpm.ReviseEstimate("REQ-2", 12))).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert "2 person-days exceed the free allowance left (1 of 2 person-days)" in rec.explain(
            "en"
        )

    def test_money_allowance(self, project):
        """A money cap on free changes bills a change that fits the day allowance."""
        policy = ChangePolicy(free_allowance=cpm.Money("2000", "CNY"))
        rec = assess_sample(
            project, sample_request(cpm.ReviseEstimate("REQ-2", 11)), policy=policy
        ).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert cpm.Money("4400", "CNY") == rec.price

    def test_less_scope_is_absorbed_and_moves_dates_earlier(self, project):
        """Removing the dashboard saves 12 days and brings M3 and M4 6 days earlier."""
        impact = assess_sample(project, sample_request(cpm.RemoveRequirement("REQ-5")))
        assert -12 == impact.scope.effort_delta_days
        assert [("M3", -6), ("M4", -6)] == [(m.id, m.slip_days) for m in impact.schedule.moves]
        assert cpm.Recommendation.ABSORB == impact.recommendation.decision
        assert cpm.Money("-48000", "CNY") == impact.budget.cost_delta

    def test_moving_a_due_date_earlier_without_work_is_rejected(self, project):
        """A due date the forecast cannot meet, and nothing to bill: reject."""
        impact = assess_sample(project, sample_request(cpm.MoveMilestone("M2", "2026-11-26")))
        assert ("M2",) == impact.schedule.breaches
        assert (("M2", pendulum.date(2026, 12, 18), pendulum.date(2026, 11, 26)),) == (
            impact.schedule.due_moves
        )
        assert cpm.Recommendation.REJECT == impact.recommendation.decision
        assert [("R1", 12, 16)] == [
            (e.risk_id, e.score_before, e.score_after)
            for e in impact.risk.effects
            if e.score_after != e.score_before
        ]

    def test_due_breach_is_billed_and_escalated_to_the_top(self, project):
        """30 more days push the beta past its due date: bill, executive decides."""
        impact = assess_sample(project, sample_request(cpm.ReviseEstimate("REQ-2", 40)))
        rec = impact.recommendation
        assert ("M2",) == impact.schedule.breaches
        assert impact.schedule.critical_path_changed
        assert ("M2",) == impact.schedule.change.newly_critical
        assert (cpm.Recommendation.BILL, cpm.Role.EXECUTIVE, ("executive", "li.wei")) == (
            rec.decision,
            rec.decider,
            rec.approvers,
        )
        assert "Escalate: it is beyond the limit of the first approver, so the executive " in (
            rec.explain("en")
        )

    def test_contractual_breach(self, project):
        """A contractual milestone that would be late: escalate by default, reject if told to."""
        cr = sample_request(cpm.ReviseEstimate("REQ-3", 120))
        escalate = assess_sample(project, cr, policy=ChangePolicy(contractual=["M4"]))
        assert ("M4",) == escalate.schedule.contractual_breaches
        assert cpm.Recommendation.BILL == escalate.recommendation.decision
        assert cpm.Role.EXECUTIVE == escalate.recommendation.decider
        assert (
            "Milestone M4 has a contractual due date (2027-02-26) and would be 13 working days "
            "late."
        ) in escalate.recommendation.explain("en")
        reject = assess_sample(
            project, cr, policy=ChangePolicy(contractual=["M4"], on_contractual_breach="reject")
        )
        assert cpm.Recommendation.REJECT == reject.recommendation.decision

    def test_contract_end_date(self, project):
        """Past the project's end date (31 March 2027) is a contractual breach too."""
        impact = assess_sample(project, sample_request(cpm.ReviseEstimate("REQ-7", 140)))
        assert 5 == impact.schedule.days_past_contract_end  # forecast 7 April 2027
        assert cpm.Role.EXECUTIVE == impact.recommendation.decider
        relaxed = assess_sample(
            project,
            sample_request(cpm.ReviseEstimate("REQ-7", 140)),
            policy=ChangePolicy(end_is_contractual=False),
        )
        assert 0 == relaxed.schedule.days_past_contract_end

    def test_risk_on_removed_scope_goes_away(self, project):
        """A risk whose every target is removed drops to 0; risks on moved milestones stay."""
        risk = cpm.Risk(
            id="R9",
            title="Dashboard data late",
            probability=3,
            impact=3,
            owner="zhang.min",
            next_review="2026-12-01",
            affects=["REQ-5"],
        )
        impact = assess_sample(project.add(risk), sample_request(cpm.RemoveRequirement("REQ-5")))
        assert [("R2", 6, 6), ("R3", 9, 9), ("R9", 9, 0)] == [
            (e.risk_id, e.score_before, e.score_after) for e in impact.risk.effects
        ]
        assert "Risk R9 no longer applies" in impact.recommendation.explain("en")

    def test_approval_limits_in_money(self, project):
        """A money limit compares with the cost, contingency included."""
        policy = ChangePolicy(
            approval_limits=[("project_manager", cpm.Money("50000", "CNY")), ("executive", None)]
        )
        rec = assess_sample(project, project.change_request("CR-1"), policy=policy).recommendation
        assert (cpm.Role.PROJECT_MANAGER, False) == (rec.decider, rec.escalation)


class TestIncremental:
    def test_reuses_the_schedule(self, project):
        """With schedule= the result is the same as without."""
        cr = project.change_request("CR-1")
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        assert assess_sample(project, cr) == assess_sample(project, cr, schedule=plan)

    @given(
        st.lists(
            st.one_of(
                # Revisions stay within each requirement's three-point range, which
                # Project.apply keeps as it is.
                st.tuples(
                    st.just("revise"),
                    st.sampled_from(["REQ-2", "REQ-3", "REQ-4", "REQ-5", "REQ-7"]),
                    st.integers(0, 100),
                ),
                st.tuples(
                    st.just("remove"), st.sampled_from(["REQ-3", "REQ-4", "REQ-5"]), st.just(0)
                ),
                st.tuples(st.just("add"), st.sampled_from(["M2", "M3", "M4"]), st.integers(0, 30)),
            ),
            min_size=1,
            max_size=3,
            unique_by=lambda t: t[1],
        )
    )
    def test_forecast_after_apply_matches_the_impact(self, spec):
        """Apply the approved change and recompute: every milestone is where the impact said."""
        project = cpm.sample_project()
        changes = []
        for k, (kind, target, days) in enumerate(spec):
            if kind == "revise":
                r = project.requirement(target)
                low, high = r.optimistic_days, r.pessimistic_days
                changes.append(cpm.ReviseEstimate(target, low + (high - low) * days // 100))
            elif kind == "remove":
                changes.append(cpm.RemoveRequirement(target))
            else:
                req = cpm.Requirement(
                    id=f"NEW-{k}", title="New", estimate_days=days, acceptance_criteria=["ok"]
                )
                changes.append(cpm.AddRequirement(req, milestone=target))
        cr = sample_request(*changes)
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        impact = assess_sample(project, cr, schedule=plan)
        cr = cr.assess(impact, by="chen.jie", at=SAMPLE_AT)
        after = schedule(approve_all(project, cr, "paid").apply(cr.id), as_of=SAMPLE_AS_OF)
        moved = {m.id: m for m in impact.schedule.moves}
        for f in plan.forecasts():
            expected = moved[f.id].new_finish if f.id in moved else f.earliest_finish
            assert expected == after[f.id].earliest_finish
            assert after[f.id].slack_days == after.slack(f.id)
        assert after.finish == impact.schedule.change.new_finish

    @given(
        st.lists(
            st.one_of(
                # REQ-6 is a draft; REQ-1 is done (it cannot be revised).
                st.tuples(
                    st.just("revise"),
                    st.sampled_from(["REQ-2", "REQ-3", "REQ-4", "REQ-5", "REQ-6", "REQ-7"]),
                    st.integers(0, 40),
                ),
                st.tuples(
                    st.just("remove"),
                    st.sampled_from(["REQ-2", "REQ-3", "REQ-4", "REQ-5", "REQ-6", "REQ-7"]),
                    st.just(0),
                ),
                st.tuples(
                    st.just("add"), st.sampled_from(["M2", "M3", "M4", None]), st.integers(0, 30)
                ),
                st.tuples(st.just("move"), st.sampled_from(["M2", "M3", "M4"]), st.integers(1, 20)),
            ),
            min_size=1,
            max_size=4,
            unique_by=lambda t: t[1],
        )
    )
    def test_forecast_is_the_forecast_cost_after_apply(self, spec):
        """The forecast starts at the forecast cost and ends at it once the change is applied.

        The contingency on added work is the only difference: it is in the forecast,
        not in the signed-off scope. The estimate of the scope moves by the effort cost.
        """
        project = cpm.sample_project()
        changes = []
        for k, (kind, target, days) in enumerate(spec):
            if kind == "revise":
                changes.append(cpm.ReviseEstimate(target, days))
            elif kind == "remove":
                changes.append(cpm.RemoveRequirement(target))
            elif kind == "add":
                req = cpm.Requirement(
                    id=f"NEW-{k}", title="New", estimate_days=days, acceptance_criteria=["ok"]
                )
                changes.append(cpm.AddRequirement(req, milestone=target))
            else:
                due = project.milestone(target).due.add(days=days)
                changes.append(cpm.MoveMilestone(target, due))
        cr = sample_request(*changes)
        impact = assess_sample(project, cr)
        b = impact.budget
        cr = cr.assess(impact, by="chen.jie", at=SAMPLE_AT)
        after = approve_all(project, cr, "paid").apply(cr.id)
        assert forecast_cost(project, SAMPLE_AS_OF) == b.forecast_before
        assert forecast_cost(after, SAMPLE_AS_OF) == b.forecast_after - b.contingency
        assert after.estimated_cost - project.estimated_cost == b.effort_cost


class TestBadInput:
    def test_unknown_ids_reported_together(self, project):
        """Every unknown requirement and milestone is named at once, with the known ids."""
        cr = sample_request(
            cpm.ReviseEstimate("REQ-99", 3),
            cpm.RemoveRequirement("REQ-98"),
            cpm.MoveMilestone("M9", "2027-01-01"),
        )
        with pytest.raises(cpm.UnknownReferenceError) as info:
            assess_sample(project, cr)
        known = "(known: REQ-1, REQ-2, REQ-3, REQ-4, REQ-5, REQ-6, REQ-7)"
        where = "  - ChangeRequest 'CR-2'.changes"
        assert (
            "3 problems:\n"
            f"{where}[0]: names unknown requirement 'REQ-99' {known}\n"
            f"{where}[1]: names unknown requirement 'REQ-98' {known}\n"
            f"{where}[2]: names unknown milestone 'M9' (known: M1, M2, M3, M4)"
        ) == str(info.value)

    def test_changes_that_cannot_apply(self, project):
        """Existing ids, work on a delivered milestone, revising done work, removing twice."""
        cr = sample_request(
            cpm.AddRequirement(cpm.Requirement(id="REQ-1", title="Again"), milestone="M2"),
            cpm.AddRequirement(cpm.Requirement(id="REQ-9", title="Late"), milestone="M1"),
            cpm.ReviseEstimate("REQ-1", 12),
            cpm.RemoveRequirement("REQ-4"),
            cpm.RemoveRequirement("REQ-4"),
        )
        with pytest.raises(cpm.ValidationError) as info:
            assess_sample(project, cr)
        assert not isinstance(info.value, cpm.UnknownReferenceError)
        delivered = (
            "adds requirement 'REQ-9' to milestone 'M1', which is already delivered; add it to an "
            "open milestone"
        )
        done = "revises requirement 'REQ-1', which is done; add a new requirement for further work"
        assert [
            (0, "adds requirement 'REQ-1', but the project already has an item with that id"),
            (1, delivered),
            (2, done),
            (4, "removes requirement 'REQ-4', which is already removed"),
        ] == [(int(p.where[-2]), p.message) for p in info.value.problems]
        assert {"ChangeRequest 'CR-2'.changes"} == {p.where[:-3] for p in info.value.problems}

    def test_negative_effort(self, project):
        """Negative effort is refused even when it slipped past the change's own checks."""
        change = cpm.ReviseEstimate("REQ-2", 5)
        object.__setattr__(change, "estimate_days", -5)
        with pytest.raises(cpm.ValidationError) as info:
            assess_sample(project, sample_request(change))
        assert (
            "ChangeRequest 'CR-2'.changes[0]: expected person-days >= 0 for requirement 'REQ-2', "
            "got -5"
        ) == str(info.value)
        with pytest.raises(cpm.ValidationError, match=r"estimate_days: expected a number >= 0"):
            cpm.ReviseEstimate("REQ-2", -5)

    def test_policy_in_another_currency(self, project):
        """Money in the policy must be in the project's currency."""
        policy = ChangePolicy(free_allowance=cpm.Money("500", "USD"))
        with pytest.raises(cpm.CurrencyMismatchError) as info:
            assess_sample(project, project.change_request("CR-1"), policy=policy)
        assert (
            "ChangePolicy.free_allowance: expected money in the project currency CNY, "
            "got 500.00 USD"
        ) == str(info.value)

    def test_policy_names_unknown_milestone(self, project):
        """Contractual milestones must exist."""
        with pytest.raises(cpm.UnknownReferenceError) as info:
            assess_sample(
                project, project.change_request("CR-1"), policy=ChangePolicy(contractual=["M7"])
            )
        assert (
            "ChangePolicy.contractual: names unknown milestone 'M7' (known: M1, M2, M3, M4)"
            == str(info.value)
        )

    def test_bad_policy_values(self):
        """Every bad policy value is reported at once."""
        with pytest.raises(cpm.ValidationError) as info:
            ChangePolicy(
                contingency_pct=150,
                approval_limits=[("sponsor", 5)],
                on_contractual_breach="ignore",
            )
        assert [
            ("contingency_pct", "expected a percentage from 0 to 100, got 150"),
            ("approval_limits[0]", "expected a role on the team's side, got client role 'sponsor'"),
            ("on_contractual_breach", "expected 'escalate' or 'reject', got str 'ignore'"),
        ] == [(p.where.removeprefix("ChangePolicy."), p.message) for p in info.value.problems]

    def test_schedule_of_another_project_or_date(self, project):
        """A reused schedule must be of this project (or an equal one) and as-of date."""
        cr = project.change_request("CR-1")
        twin = schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        assert assess_sample(project, cr) == assess_sample(project, cr, schedule=twin)
        with pytest.raises(cpm.ValidationError) as info:
            assess_sample(project, cr, schedule=schedule(project))
        assert (
            "assess_change.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
            "got a schedule with no status date"
        ) == str(info.value)

    def test_bad_locale(self, project):
        """Only English and Chinese."""
        with pytest.raises(cpm.ValidationError) as info:
            assess_sample(project, project.change_request("CR-1"), locale="fr")
        assert (
            "assess_change.locale: expected a supported locale ('en' or 'zh'), got str 'fr'"
            == str(info.value)
        )

    def test_nothing_changes(self, project):
        """Assessing, even a failing request, leaves the project and the request as they were."""
        cr = project.change_request("CR-1")
        before, cr_before = cpm.sample_project(), cpm.sample_project().change_request("CR-1")
        assess_sample(project, cr)
        with pytest.raises(cpm.UnknownReferenceError):
            assess_sample(
                project,
                sample_request(
                    cpm.ReviseEstimate("REQ-2", 3), cpm.MoveMilestone("M9", "2027-01-01")
                ),
            )
        assert (before, cr_before) == (project, cr)


ABSORB, BILL, REJECT = Recommendation.ABSORB, Recommendation.BILL, Recommendation.REJECT


PM, AM, EX = Role.PROJECT_MANAGER, Role.ACCOUNT_MANAGER, Role.EXECUTIVE


def d(value: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(value)


def new(rid: str, days: object = 0) -> cpm.Requirement:
    return cpm.Requirement(id=rid, title=f"New {rid}", estimate_days=days)


def risk(rid: str, probability: int, impact: int, *affects: str) -> cpm.Risk:
    return cpm.Risk(
        id=rid,
        title=f"Risk {rid}",
        probability=probability,
        impact=impact,
        owner="chen.jie",
        next_review="2026-11-09",
        affects=list(affects),
    )


def text(project: cpm.Project, *changes: object, **kw: object) -> list[str]:
    return list(assess(project, *changes, **kw).recommendation.text)


def failure(project: cpm.Project, *changes: object, **kw: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        assess(project, *changes, **kw)
    return info.value


def assessment_problems(project: cpm.Project, *changes: object) -> list[tuple[str, str]]:
    return [(p.where, p.message) for p in failure(project, *changes).problems]


def hacked(change: object, **values: object) -> object:
    """The change with values its own checks would refuse (as if built around them)."""
    for name, value in values.items():
        object.__setattr__(change, name, value)
    return change


def moves(impact: cpm.ChangeImpact) -> list[tuple[str, int, str, str]]:
    return [
        (m.id, m.slip_days, str(m.old_finish), str(m.new_finish)) for m in impact.schedule.moves
    ]


def slack(impact: cpm.ChangeImpact) -> list[tuple[str, int, int, int, bool, bool]]:
    return [
        (c.id, c.old_slack_days, c.new_slack_days, c.days_late, c.contractual, c.critical)
        for c in impact.schedule.change.changes
    ]


def effects(impact: cpm.ChangeImpact) -> list[tuple[str, tuple[str, ...], int, int]]:
    return [(e.risk_id, e.targets, e.score_before, e.score_after) for e in impact.risk.effects]


def verdict(impact: cpm.ChangeImpact) -> tuple[object, ...]:
    rec = impact.recommendation
    return rec.decision, rec.price, rec.approvers, rec.decider, rec.escalation


def granted(
    cid: str,
    effort: object,
    cost: object,
    *,
    status: str = "approved",
    billing: str | None = "free",
) -> cpm.ChangeRequest:
    """A change request decided earlier, with the assessment it was decided on."""
    assessment = cpm.Assessment(
        effort_days=effort,
        cost=cny(cost),
        slip_days=0,
        recommendation="absorb",
        summary="A small favour",
    )
    decided = {"decided_by": "li.wei", "decided_at": AT} if status != "assessed" else {}
    return attrs.evolve(
        request(revise("R4", 2), cid=cid),
        status=status,
        assessment=assessment,
        billing=billing,
        **decided,
    )


# -- the arguments -----------------------------------------------------------------
class TestArguments:
    def test_not_a_project(self):
        assert "assess_change.project: expected a clientpm.Project, got str 'T'" == message(
            assess_change, "T", request(revise("R3", 5))
        )

    def test_not_a_change_request(self):
        assert (
            "assess_change.change_request: expected a clientpm.ChangeRequest, got str 'CR-9'"
            == message(assess_change, tiny(), "CR-9")
        )

    def test_not_a_policy(self):
        assert "assess_change.policy: expected a ChangePolicy, got dict {}" == message(
            assess, tiny(), revise("R3", 5), policy={}
        )

    def test_bad_locale(self):
        assert (
            "assess_change.locale: expected a supported locale ('en' or 'zh'), got str 'fr'"
            == message(assess, tiny(), revise("R3", 5), locale="fr")
        )

    def test_locale_defaults_to_the_clients(self):
        """The client reads Chinese; asking for English overrides it, zh_CN means zh."""
        p = tiny()
        default = assess(p, revise("R3", 5), locale=None)
        assert ("zh", "zh") == (default.locale, default.recommendation.locale)
        english = assess(p, revise("R3", 5))
        assert ("en", "en") == (english.locale, english.recommendation.locale)
        assert "zh" == assess(p, revise("R3", 5), locale="zh_CN").locale

    def test_not_a_schedule(self):
        assert (
            "assess_change.schedule: expected the schedule of Project 'T' as of 2026-11-02, "
            "got str 'plan'"
        ) == message(assess, tiny(), revise("R3", 5), schedule="plan")

    def test_schedule_of_another_project(self):
        other = schedule(tiny(key="U"), as_of=START)
        assert (
            "assess_change.schedule: expected the schedule of Project 'T' as of 2026-11-02, "
            "got the schedule of Project 'U'"
        ) == message(assess, tiny(), revise("R3", 5), schedule=other)

    def test_schedule_of_another_date(self):
        p = tiny()
        assert (
            "assess_change.schedule: expected the schedule of Project 'T' as of 2026-11-02, "
            "got a schedule with no status date"
            == message(assess, p, revise("R3", 5), schedule=schedule(p))
        )
        assert (
            "assess_change.schedule: expected the schedule of Project 'T' with no status date, "
            "got a schedule as of 2026-11-02"
            == message(assess, p, revise("R3", 5), as_of=None, schedule=schedule(p, as_of=START))
        )

    def test_reused_schedule_gives_the_same_impact(self):
        """A schedule of this project and day is reused; a DateTime as-of names the same day."""
        p = tiny()
        plan = schedule(p, as_of=START)
        fresh = assess(p, revise("R3", 5))
        assert fresh == assess(p, revise("R3", 5), schedule=plan)
        noon = pendulum.datetime(2026, 11, 2, 12, tz="UTC")
        assert fresh == assess(p, revise("R3", 5), schedule=plan, as_of=noon)

    def test_as_of_is_used(self):
        """The status date decides the plan; as planned (None) it starts on 2 November too."""
        p = tiny()
        assert START == assess(p, revise("R3", 5)).as_of
        assert assess(p, revise("R3", 5), as_of=None).as_of is None
        later = assess(p, revise("R3", 5), as_of=pendulum.date(2026, 11, 4))
        assert (pendulum.date(2026, 11, 4), [("B", 1, "2026-11-16", "2026-11-17")]) == (
            later.as_of,
            moves(later),
        )

    def test_policy_is_checked_against_the_project(self):
        p = tiny()
        with pytest.raises(UnknownReferenceError) as info:
            assess(p, revise("R3", 5), policy=ChangePolicy(contractual=["Z"]))
        assert "ChangePolicy.contractual: names unknown milestone 'Z' (known: A, B, C, F)" == str(
            info.value
        )
        with pytest.raises(cpm.CurrencyMismatchError) as money:
            assess(p, revise("R3", 5), policy=ChangePolicy(free_allowance=cpm.Money(1, "USD")))
        assert (
            "ChangePolicy.free_allowance: expected money in the project currency CNY, got 1.00 USD"
            == str(money.value)
        )

    def test_the_default_policy(self):
        """No policy is ChangePolicy(); a given policy is the one used."""
        p = tiny()
        assert assess(p, revise("R3", 5)) == assess(p, revise("R3", 5), policy=ChangePolicy())
        strict = ChangePolicy(free_allowance_days=0)
        assert BILL == assess(p, revise("R3", 5), policy=strict).recommendation.decision


# -- unknown ids and changes that cannot apply ---------------------------------------
class TestKnownIds:
    """The known ids in a message: sorted, at most ten, then how many in all."""

    def unknown(self, count: int) -> str:
        reqs = [requirement(f"Q{i:02d}", 1) for i in range(count)]
        p = tiny(requirements=reqs, milestones=[])
        with pytest.raises(UnknownReferenceError) as info:
            assess(p, revise("R9", 1))
        return str(info.value)

    def test_none(self):
        assert (
            "ChangeRequest 'CR-9'.changes[0]: names unknown requirement 'R9' (known: none)"
            == self.unknown(0)
        )

    def test_ten(self):
        ids = ", ".join(f"Q{i:02d}" for i in range(10))
        assert (
            f"ChangeRequest 'CR-9'.changes[0]: names unknown requirement 'R9' (known: {ids})"
            == self.unknown(10)
        )

    def test_eleven(self):
        ids = ", ".join(f"Q{i:02d}" for i in range(10))
        assert (
            "ChangeRequest 'CR-9'.changes[0]: names unknown requirement 'R9' "
            f"(known: {ids}, … (11 in all))"
        ) == self.unknown(11)

    def test_unknown_milestones_in_a_project_without_any(self):
        p = tiny(milestones=[])
        with pytest.raises(UnknownReferenceError) as info:
            assess(p, cpm.MoveMilestone("A", "2026-11-20"), cpm.AddRequirement(new("N"), "B"))
        assert (
            "2 problems:\n"
            "  - ChangeRequest 'CR-9'.changes[0]: names unknown milestone 'A' (known: none)\n"
            "  - ChangeRequest 'CR-9'.changes[1]: names unknown milestone 'B' (known: none)"
        ) == str(info.value)


class TestProblems:
    def test_unknown_ids_only(self):
        """Unknown requirements and milestones, by any change: an UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            assess(
                tiny(),
                revise("R8", 1),
                cpm.RemoveRequirement("R9"),
                cpm.AddRequirement(new("N"), "Z"),
                cpm.MoveMilestone("Y", "2026-11-20"),
            )
        known = "(known: R1, R2, R3, R4, RD, RX)"
        assert [
            ("ChangeRequest 'CR-9'.changes[0]", f"names unknown requirement 'R8' {known}"),
            ("ChangeRequest 'CR-9'.changes[1]", f"names unknown requirement 'R9' {known}"),
            ("ChangeRequest 'CR-9'.changes[2]", "names unknown milestone 'Z' (known: A, B, C, F)"),
            ("ChangeRequest 'CR-9'.changes[3]", "names unknown milestone 'Y' (known: A, B, C, F)"),
        ] == [(p.where, p.message) for p in info.value.problems]

    def test_changes_that_cannot_apply(self):
        """Each kind of refusal, at its index; not an UnknownReferenceError."""
        error = failure(
            tiny(),
            revise("RX", 3),
            cpm.RemoveRequirement("RX"),
            revise("RD", 2),
            cpm.AddRequirement(new("A"), "B"),
            cpm.AddRequirement(new("N1"), "F"),
            cpm.AddRequirement(new("N2"), "C"),
            cpm.AddRequirement(new("N2"), "B"),
        )
        assert type(error) is ValidationError
        where = "ChangeRequest 'CR-9'.changes"
        assert [
            (f"{where}[0]", "revises requirement 'RX', which is removed from the scope"),
            (f"{where}[1]", "removes requirement 'RX', which is already removed"),
            (
                f"{where}[2]",
                "revises requirement 'RD', which is done; add a new requirement for further work",
            ),
            (
                f"{where}[3]",
                "adds requirement 'A', but the project already has an item with that id",
            ),
            (
                f"{where}[4]",
                (
                    "adds requirement 'N1' to milestone 'F', which is already delivered; add it to "
                    "an open milestone"
                ),
            ),
            (
                f"{where}[6]",
                (
                    "adds requirement 'N2' again: ChangeRequest 'CR-9'.changes[5] already adds it; "
                    "add each requirement once"
                ),
            ),
        ] == [(p.where, p.message) for p in error.problems]

    def test_added_twice(self):
        """The request repeats an id it adds, even after removing it: named at the repeat."""
        error = failure(
            tiny(),
            cpm.AddRequirement(new("N", 1), "C"),
            cpm.RemoveRequirement("N"),
            cpm.AddRequirement(new("N", 2)),
            cpm.AddRequirement(new("N", 3), "B"),
        )
        assert type(error) is ValidationError
        again = "adds requirement 'N' again: ChangeRequest 'CR-9'.changes[0] already adds it"
        assert [
            ("ChangeRequest 'CR-9'.changes[2]", f"{again}; add each requirement once"),
            ("ChangeRequest 'CR-9'.changes[3]", f"{again}; add each requirement once"),
        ] == [(p.where, p.message) for p in error.problems]

    def test_added_twice_after_a_refused_add(self):
        """The first add counts even when it is refused itself."""
        assert [
            (
                "ChangeRequest 'CR-9'.changes[0]",
                "expected person-days >= 0 for requirement 'N', got -1",
            ),
            (
                "ChangeRequest 'CR-9'.changes[1]",
                (
                    "adds requirement 'N' again: ChangeRequest 'CR-9'.changes[0] already adds it; "
                    "add each requirement once"
                ),
            ),
        ] == assessment_problems(
            tiny(),
            cpm.AddRequirement(hacked(new("N", 1), estimate_days=Decimal(-1)), "C"),
            cpm.AddRequirement(new("N", 1), "C"),
        )

    def test_unknown_ids_come_first_among_other_problems(self):
        error = failure(tiny(), cpm.RemoveRequirement("R3"), revise("R3", 1), revise("R8", 1))
        assert type(error) is ValidationError
        assert [
            (
                "ChangeRequest 'CR-9'.changes[2]",
                "names unknown requirement 'R8' (known: R1, R2, R3, R4, RD, RX)",
            ),
            (
                "ChangeRequest 'CR-9'.changes[1]",
                "revises requirement 'R3', which is removed from the scope",
            ),
        ] == [(p.where, p.message) for p in error.problems]

    def test_removed_twice(self):
        assert [
            (
                "ChangeRequest 'CR-9'.changes[1]",
                "removes requirement 'R3', which is already removed",
            )
        ] == assessment_problems(tiny(), cpm.RemoveRequirement("R3"), cpm.RemoveRequirement("R3"))

    def test_bad_effort(self):
        """Effort that is not a finite Decimal >= 0, however it got there."""
        error = failure(
            tiny(),
            hacked(revise("R1", 5), estimate_days=Decimal(-5)),
            hacked(revise("R2", 5), estimate_days="3"),
            hacked(revise("R3", 5), estimate_days=Decimal("Infinity")),
            hacked(revise("R4", 5), estimate_days=7),
            cpm.AddRequirement(hacked(new("N1", 1), estimate_days=Decimal(-1)), "C"),
            cpm.AddRequirement(hacked(new("N2", 1), estimate_days=1.5), "C"),
        )
        where = "ChangeRequest 'CR-9'.changes"
        assert [
            (f"{where}[0]", "expected person-days >= 0 for requirement 'R1', got -5"),
            (f"{where}[1]", "expected person-days >= 0 for requirement 'R2', got '3'"),
            (f"{where}[2]", "expected person-days >= 0 for requirement 'R3', got Infinity"),
            (f"{where}[3]", "expected person-days >= 0 for requirement 'R4', got 7"),
            (f"{where}[4]", "expected person-days >= 0 for requirement 'N1', got -1"),
            (f"{where}[5]", "expected person-days >= 0 for requirement 'N2', got 1.5"),
        ] == [(p.where, p.message) for p in error.problems]
        assert type(error) is ValidationError

    def test_not_a_change(self):
        cr = hacked(request(revise("R3", 5)), changes=("x", revise("R3", 5), 5))
        with pytest.raises(ValidationError) as info:
            assess_change(tiny(), cr, as_of=START)  # type: ignore[arg-type]
        expected = "expected a change (AddRequirement, ReviseEstimate, RemoveRequirement or "
        assert [
            ("ChangeRequest 'CR-9'.changes[0]", f"{expected}MoveMilestone), got str 'x'"),
            ("ChangeRequest 'CR-9'.changes[2]", f"{expected}MoveMilestone), got int 5"),
        ] == [(p.where, p.message) for p in info.value.problems]
        assert type(info.value) is ValidationError

    def test_zero_is_a_valid_estimate(self):
        impact = assess(tiny(), revise("R4", 0), cpm.AddRequirement(new("N"), "C"))
        assert (Decimal(-2), ("N",), ("R4",)) == (
            impact.scope.effort_delta_days,
            impact.scope.added,
            impact.scope.revised,
        )


# -- the scope ---------------------------------------------------------------------
class TestScope:
    def test_revise(self):
        scope = assess(tiny(), revise("R3", "5.5")).scope
        assert ((), (), ("R3",), Decimal("1.5"), (("B", Decimal("1.5")),), ()) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
            scope.unplanned,
        )

    def test_revise_twice_counts_from_the_first_revision(self):
        scope = assess(tiny(), revise("R3", 5), revise("R3", 7), revise("R1", 2)).scope
        assert (("R3", "R1"), Decimal(2), (("B", Decimal(3)), ("A", Decimal(-1)))) == (
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_revise_to_the_same_estimate(self):
        """Zero change on a milestone is left out."""
        scope = assess(tiny(), revise("R3", 4)).scope
        assert (("R3",), Decimal(0), ()) == (
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_revise_done_work_not_yet_done_on_the_status_date(self):
        """RD was done on 30 October: as of 29 October it still has its day of work."""
        scope = assess(tiny(), revise("RD", 2), as_of=pendulum.date(2026, 10, 29)).scope
        assert (("RD",), Decimal(1), (("F", Decimal(1)),)) == (
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_revise_work_reduced_to_zero(self):
        """A requirement revised to zero is not done: it can be revised again."""
        scope = assess(tiny(), revise("R3", 0), revise("R3", 1)).scope
        assert (("R3",), Decimal(-3)) == (scope.revised, scope.effort_delta_days)

    def test_add(self):
        scope = assess(tiny(), cpm.AddRequirement(new("N", 3), "C")).scope
        assert (("N",), (), (), Decimal(3), (("C", Decimal(3)),), ()) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
            scope.unplanned,
        )

    def test_add_unplanned(self):
        """A new requirement without a milestone adds effort but moves nothing."""
        impact = assess(tiny(), cpm.AddRequirement(new("N", 3)), cpm.AddRequirement(new("M", 1)))
        scope = impact.scope
        assert (("N", "M"), Decimal(4), (), ("N", "M")) == (
            scope.added,
            scope.effort_delta_days,
            scope.by_milestone,
            scope.unplanned,
        )
        assert () == impact.schedule.change.changes

    def test_add_then_revise(self):
        """Revising an added requirement changes its estimate; it is not 'revised'."""
        scope = assess(tiny(), cpm.AddRequirement(new("N", 2), "C"), revise("N", 3)).scope
        assert (("N",), (), Decimal(3), (("C", Decimal(3)),)) == (
            scope.added,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_add_zero_then_revise(self):
        scope = assess(tiny(), cpm.AddRequirement(new("N"), "C"), revise("N", 1)).scope
        assert (("N",), (), Decimal(1)) == (scope.added, scope.revised, scope.effort_delta_days)

    def test_add_then_remove(self):
        """Removing an added requirement undoes it: neither added nor removed."""
        scope = assess(
            tiny(), cpm.AddRequirement(new("N", 2), "C"), cpm.RemoveRequirement("N")
        ).scope
        assert ((), (), (), Decimal(0), ()) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_add_unplanned_then_remove(self):
        """Removing an added requirement no milestone delivers: no longer unplanned either."""
        scope = assess(
            tiny(),
            cpm.AddRequirement(new("N", 2)),
            cpm.AddRequirement(new("M", 1)),
            cpm.RemoveRequirement("N"),
        ).scope
        assert (("M",), (), Decimal(1), (), ("M",)) == (
            scope.added,
            scope.removed,
            scope.effort_delta_days,
            scope.by_milestone,
            scope.unplanned,
        )

    def test_remove(self):
        scope = assess(tiny(), cpm.RemoveRequirement("R3")).scope
        assert ((), ("R3",), (), Decimal(-4), (("B", Decimal(-4)),)) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_revise_then_remove(self):
        """The removal takes away the revised estimate; the requirement is only 'removed'."""
        scope = assess(tiny(), revise("R3", 6), cpm.RemoveRequirement("R3")).scope
        assert ((), ("R3",), Decimal(-4), (("B", Decimal(-4)),)) == (
            scope.revised,
            scope.removed,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_remove_done_work(self):
        """Done work takes nothing away."""
        scope = assess(tiny(), cpm.RemoveRequirement("RD")).scope
        assert (("RD",), Decimal(0), ()) == (
            scope.removed,
            scope.effort_delta_days,
            scope.by_milestone,
        )

    def test_move(self):
        scope = assess(tiny(), cpm.MoveMilestone("C", "2026-11-20")).scope
        assert ((), (), (), Decimal(0), (), ()) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
            scope.unplanned,
        )


# -- the schedule ------------------------------------------------------------------
class TestSchedulePart:
    def test_more_work_moves_the_milestone_and_its_successors(self):
        impact = assess(tiny(), revise("R1", 4))
        assert [("A", 1, "2026-11-06", "2026-11-09"), ("B", 1, "2026-11-12", "2026-11-13")] == (
            moves(impact)
        )
        assert [("A", 0, -1, 1, False, True), ("B", 1, 0, 0, False, True)] == slack(impact)
        s = impact.schedule
        assert (("A",), (), (), d("2026-11-13"), 0) == (
            s.breaches,
            s.due_moves,
            s.contractual_breaches,
            s.contract_end,
            s.days_past_contract_end,
        )

    def test_moved_due_dates(self):
        """Only due dates that change are listed; the plan uses them (slack changes)."""
        impact = assess(
            tiny(),
            cpm.MoveMilestone("C", "2026-11-20"),
            cpm.MoveMilestone("B", "2026-11-13"),
        )
        assert (("C", d("2026-11-13"), d("2026-11-20")),) == impact.schedule.due_moves
        assert [("C", 8, 13, -13, False, False)] == slack(impact)
        assert [] == moves(impact)

    def test_contractual_milestones(self):
        """A contractual milestone is flagged; only one that breaches is a contractual breach."""
        policy = ChangePolicy(contractual=["A", "B"], end_is_contractual=False)
        impact = assess(tiny(), revise("R3", 5), policy=policy)
        assert [("B", 1, 0, 0, True, True)] == slack(impact)
        assert ((), ()) == (impact.schedule.breaches, impact.schedule.contractual_breaches)
        late = assess(tiny(), revise("R3", 6), policy=policy)
        assert [("A", 0, -1, 0, True, True), ("B", 1, -1, 1, True, True)] == slack(late)
        assert (("B",), ("B",)) == (late.schedule.breaches, late.schedule.contractual_breaches)
        assert (None, 0) == (late.schedule.contract_end, late.schedule.days_past_contract_end)

    def test_finish_reaching_the_end_date(self):
        """One day more finishes on the end date itself: not past it."""
        s = assess(tiny(), revise("R3", 5)).schedule
        assert (1, d("2026-11-13"), 0) == (
            s.change.finish_slip_days,
            s.contract_end,
            s.days_past_contract_end,
        )

    def test_one_day_past_the_end_date(self):
        s = assess(tiny(end="2026-11-12"), revise("R3", 5)).schedule
        assert (d("2026-11-12"), 1) == (s.contract_end, s.days_past_contract_end)

    def test_two_days_past_the_end_date(self):
        s = assess(tiny(), revise("R3", 7)).schedule
        assert (3, 2) == (s.change.finish_slip_days, s.days_past_contract_end)

    def test_slipping_but_well_before_the_end_date(self):
        s = assess(tiny(end="2026-11-20"), revise("R3", 5)).schedule
        assert (1, d("2026-11-20"), 0) == (
            s.change.finish_slip_days,
            s.contract_end,
            s.days_past_contract_end,
        )

    def test_already_past_the_end_date(self):
        """Pushed further past the end counts every day past it; not pushed, nothing."""
        p = tiny(end="2026-11-11")
        assert 2 == assess(p, revise("R3", 5)).schedule.days_past_contract_end
        assert 0 == assess(p, revise("R4", 3)).schedule.days_past_contract_end
        assert 0 == assess(p, revise("R3", 3)).schedule.days_past_contract_end

    def test_end_not_contractual_or_missing(self):
        relaxed = assess(tiny(), revise("R3", 7), policy=ChangePolicy(end_is_contractual=False))
        assert (None, 0) == (
            relaxed.schedule.contract_end,
            relaxed.schedule.days_past_contract_end,
        )
        open_ended = assess(tiny(end=None), revise("R3", 7))
        assert (None, 0) == (
            open_ended.schedule.contract_end,
            open_ended.schedule.days_past_contract_end,
        )


# -- the budget ----------------------------------------------------------------------
class TestBudgetPart:
    def test_added_work(self):
        """11,000 CNY forecast (11 days left) + 1,100 = 12,100, 40.3 % of 30,000."""
        b = assess(tiny(budget=cny(30_000)), revise("R3", 5)).budget
        assert (cny(1_000), cny(100), cny(1_100), cny(30_000)) == (
            b.effort_cost,
            b.contingency,
            b.cost_delta,
            b.budget,
        )
        assert (cny(11_000), cny(12_100), Decimal("3.7"), Decimal("40.3")) == (
            b.forecast_before,
            b.forecast_after,
            b.percent_of_budget,
            b.forecast_percent,
        )

    def test_half_a_day(self):
        b = assess(tiny(), revise("R3", "4.5")).budget
        assert (cny(500), cny(50), cny(550), cny(11_550)) == (
            b.effort_cost,
            b.contingency,
            b.cost_delta,
            b.forecast_after,
        )

    def test_starts_from_the_forecast_cost_not_the_estimate(self):
        """RD is done with no cost recorded: in the 12,000 estimate, not in the 11,000 forecast."""
        p = tiny()
        b = assess(p, revise("R3", 5)).budget
        assert (cny(12_000), cny(11_000)) == (p.estimated_cost, forecast_cost(p, START))
        assert (cny(11_000), cny(12_100)) == (b.forecast_before, b.forecast_after)

    def test_spent_money_is_in_the_forecast(self):
        """2,500 CNY recorded on RD on 30 October: 2,500 + 11 days x 1,000 = 13,500."""
        spent = cpm.CostEntry(on="2026-10-30", amount=cny(2_500), requirement="RD")
        p = tiny(actual_costs=[spent])
        b = assess(p, revise("R3", 5)).budget
        assert (cny(13_500), cny(14_600)) == (b.forecast_before, b.forecast_after)

    def test_the_forecast_of_the_impact_status_day(self, project):
        """On 19 November: 80,000 spent + (8 + 48) days x 4,000 = 304,000; + 30,800."""
        day = pendulum.date(2026, 11, 19)
        b = assess_change(project, project.change_request("CR-1"), as_of=day).budget
        assert (cny(304_000), cny(334_800)) == (b.forecast_before, b.forecast_after)

    def test_a_reused_schedule_gives_the_same_forecast(self, project):
        """The forecast is computed once per schedule; an equal project reads the same."""
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        twin = attrs.evolve(project)
        cr = project.change_request("CR-1")
        budgets = [
            assess_sample(p, cr, schedule=plan).budget.forecast_before
            for p in (project, project, twin)
        ]
        assert [cny(316_000)] * 3 == budgets

    def test_contingency_from_the_policy(self):
        b = assess(tiny(), revise("R3", 6), policy=ChangePolicy(contingency_pct=25)).budget
        assert (cny(2_000), cny(500), cny(2_500)) == (b.effort_cost, b.contingency, b.cost_delta)
        b = assess(tiny(), revise("R3", 6), policy=ChangePolicy(contingency_pct=0)).budget
        assert (cny(2_000), cny(0), cny(2_000)) == (b.effort_cost, b.contingency, b.cost_delta)

    def test_less_work_has_no_contingency(self):
        b = assess(tiny(), cpm.RemoveRequirement("R3")).budget
        assert (cny(-4_000), cny(0), cny(-4_000), cny(7_000)) == (
            b.effort_cost,
            b.contingency,
            b.cost_delta,
            b.forecast_after,
        )
        assert (Decimal("-4.0"), Decimal("7.0")) == (b.percent_of_budget, b.forecast_percent)

    def test_no_work(self):
        b = assess(tiny(), cpm.MoveMilestone("C", "2026-11-20")).budget
        assert (cny(0), cny(0), cny(0), cny(11_000), Decimal("0.0")) == (
            b.effort_cost,
            b.contingency,
            b.cost_delta,
            b.forecast_after,
            b.percent_of_budget,
        )

    def test_zero_budget(self):
        b = assess(tiny(budget=cny(0)), revise("R4", 3)).budget
        assert (None, None, True) == (b.percent_of_budget, b.forecast_percent, b.over_budget)


# -- draft requirements ---------------------------------------------------------------
class TestDrafts:
    """A draft is outside the signed-off scope: no effort, cost or allowance; schedule time yes.

    C also delivers RF, a 3-day draft: 2 to 6 November, slack 5. The signed-off scope
    is still 12 person-days (12,000 CNY estimated), 11 of them left: the forecast cost
    stays 11,000 CNY.
    """

    def project(self) -> cpm.Project:
        p = tiny()
        stones = [
            attrs.evolve(m, deliverables=("R4", "RF")) if m.id == "C" else m for m in p.milestones
        ]
        return tiny(
            requirements=[*p.requirements, requirement("RF", 3, "draft")],
            milestones=stones,
        )

    def applied(self, project: cpm.Project, *changes: object) -> tuple[cpm.Money, cpm.Money]:
        """The estimated cost and the forecast cost once the change is assessed, approved and applied."""  # noqa: E501
        cr = request(*changes)
        impact = assess_change(project, cr, as_of=START)
        cr = cr.assess(impact, by="chen.jie", at=AT).approve(by="li.wei", at=AT, billing="free")
        after = project.add(cr).apply(cr)
        return after.estimated_cost, forecast_cost(after, START)

    def test_remove_a_draft(self):
        """Nothing saved, nothing to pay; C still finishes 3 days earlier."""
        p = self.project()
        impact = assess(p, cpm.RemoveRequirement("RF"))
        scope, b = impact.scope, impact.budget
        assert ((), ("RF",), (), Decimal(0), (("C", Decimal(-3)),)) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )
        assert [("C", -3, "2026-11-06", "2026-11-03")] == moves(impact)
        assert (cny(0), cny(0), cny(0), cny(11_000), cny(11_000)) == (
            b.effort_cost,
            b.contingency,
            b.cost_delta,
            b.forecast_before,
            b.forecast_after,
        )
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Changes no work.",
            "1 milestone(s) finish earlier, by up to 3 working days.",
            "Absorb it free of charge: it adds no work.",
        ] == list(impact.recommendation.text)[:3]
        assert Decimal(0) == impact.to_assessment().effort_days
        assert (cny(12_000), cny(11_000)) == self.applied(p, cpm.RemoveRequirement("RF"))

    def test_revise_a_draft(self):
        """Two more days on the draft move C 2 days, but add no work to pay for."""
        p = self.project()
        impact = assess(p, revise("RF", 5))
        scope, b = impact.scope, impact.budget
        assert ((), (), ("RF",), Decimal(0), (("C", Decimal(2)),)) == (
            scope.added,
            scope.removed,
            scope.revised,
            scope.effort_delta_days,
            scope.by_milestone,
        )
        assert [("C", 2, "2026-11-06", "2026-11-10")] == moves(impact)
        assert (cny(0), cny(0), cny(11_000), cny(11_000)) == (
            b.effort_cost,
            b.cost_delta,
            b.forecast_before,
            b.forecast_after,
        )
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert (cny(12_000), cny(11_000)) == self.applied(p, revise("RF", 5))

    def test_draft_and_signed_off_work_together(self):
        """Only the signed-off day counts for the budget and the allowance; C moves by both."""
        impact = assess(self.project(), revise("RF", 5), revise("R4", 3))
        assert (Decimal(1), (("C", Decimal(3)),), cny(1_100), cny(12_100)) == (
            impact.scope.effort_delta_days,
            impact.scope.by_milestone,
            impact.budget.cost_delta,
            impact.budget.forecast_after,
        )
        assert [("C", 3, "2026-11-06", "2026-11-11")] == moves(impact)
        assert (
            "Absorb it free of charge: 1 person-days fit in the free allowance left "
            "(2 of 2 person-days)."
        ) == impact.recommendation.text[2]

    @pytest.mark.parametrize(
        ("change", "effort", "forecast"),
        [
            (cpm.RemoveRequirement("REQ-6"), 0, 316_000),
            (cpm.ReviseEstimate("REQ-6", 10), 0, 316_000),
            (cpm.ReviseEstimate("REQ-2", 12), 2, 324_800),
            (cpm.RemoveRequirement("REQ-5"), -12, 268_000),
        ],
    )
    def test_sample_forecast_is_the_forecast_cost_after_applying(self, change, effort, forecast):
        """REQ-6 is the sample's draft; the contingency (800 CNY on REQ-2) is the difference.

        The forecast starts at 316,000 (124,000 spent + 48 days x 4,000): REQ-2 at 12
        days adds 2 x 4,000 + 800; removing REQ-5 takes away its 12 days, 48,000.
        """
        p = cpm.sample_project()
        cr = request(change)
        impact = assess_change(p, cr, as_of=cpm.sample.SAMPLE_AS_OF)
        b = impact.budget
        assert (Decimal(effort), cny(316_000), cny(forecast)) == (
            impact.scope.effort_delta_days,
            b.forecast_before,
            b.forecast_after,
        )
        at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
        cr = cr.assess(impact, by="chen.jie", at=at)
        after = approve_all(p, cr, "free", at).apply(cr.id)
        assert (forecast_cost(p, SAMPLE_AS_OF), forecast_cost(after, SAMPLE_AS_OF)) == (
            b.forecast_before,
            b.forecast_after - b.contingency,
        )
        assert after.estimated_cost - p.estimated_cost == b.effort_cost


# -- the risks -----------------------------------------------------------------------
class TestRiskPart:
    def project(self) -> cpm.Project:
        closed = risk("R0", 2, 2, "B").close(by="chen.jie", at=AT, why="handled")
        return tiny(
            risks=[
                closed,
                risk("RA", 2, 3, "A"),
                risk("RB", 2, 3, "B"),
                risk("RB5", 5, 2, "B"),
                risk("RC", 3, 3, "C"),
                risk("RR", 1, 4, "R3", "R4"),
                risk("RR3", 2, 2, "R3"),
                risk("RAB", 1, 3, "R1", "B"),
            ]
        )

    def test_slack_lost(self):
        """B loses its last day of slack: its risks go up one step of probability, at most 5."""
        impact = assess(self.project(), revise("R3", 5))
        assert [
            ("RB", ("B",), 6, 9),
            ("RB5", ("B",), 10, 10),
            ("RR", ("R3",), 4, 4),
            ("RR3", ("R3",), 4, 4),
            ("RAB", ("B",), 3, 6),
        ] == effects(impact)
        assert (27, 33) == (impact.risk.exposure_before, impact.risk.exposure_after)

    def test_linked_through_moved_milestones(self):
        """A's work moves B; A had no slack to lose, B loses its last day."""
        impact = assess(self.project(), revise("R1", 4))
        assert [
            ("RA", ("A",), 6, 6),
            ("RB", ("B",), 6, 9),
            ("RB5", ("B",), 10, 10),
            ("RAB", ("B", "R1"), 3, 6),
        ] == effects(impact)

    def test_slack_left(self):
        """C keeps one day of slack: its risk stays."""
        impact = assess(self.project(), revise("R4", 9))
        assert [("RC", ("C",), 9, 9), ("RR", ("R4",), 4, 4)] == effects(impact)

    def test_linked_through_effort_that_moves_nothing(self):
        """Half a day less on C changes its effort, not its dates."""
        impact = assess(self.project(), revise("R4", "1.5"))
        assert [] == moves(impact)
        assert [("RC", ("C",), 9, 9), ("RR", ("R4",), 4, 4)] == effects(impact)

    def test_linked_through_a_moved_due_date(self):
        impact = assess(self.project(), cpm.MoveMilestone("C", "2026-11-20"))
        assert [("RC", ("C",), 9, 9)] == effects(impact)
        assert (9, 9) == (impact.risk.exposure_before, impact.risk.exposure_after)

    def test_removed_targets(self):
        """A risk whose every target is removed drops to 0; one with a target left stays."""
        impact = assess(self.project(), cpm.RemoveRequirement("R3"))
        assert [
            ("RB", ("B",), 6, 6),
            ("RB5", ("B",), 10, 10),
            ("RR", ("R3",), 4, 4),
            ("RR3", ("R3",), 4, 0),
            ("RAB", ("B",), 3, 3),
        ] == effects(impact)
        assert (27, 23) == (impact.risk.exposure_before, impact.risk.exposure_after)
        both = assess(self.project(), cpm.RemoveRequirement("R3"), cpm.RemoveRequirement("R4"))
        assert [("RR", ("R3", "R4"), 4, 0), ("RR3", ("R3",), 4, 0)] == [
            e for e in effects(both) if e[0].startswith("RR")
        ]

    def test_targets_removed_before(self):
        """RX was removed before: removing R3 takes the last target of RXR away; B and RD stay."""
        p = tiny(
            risks=[
                risk("RXR", 2, 3, "RX", "R3"),
                risk("RXB", 1, 2, "RX", "B"),
                risk("RDR", 1, 5, "RD", "R3"),
            ]
        )
        impact = assess(p, cpm.RemoveRequirement("R3"))
        assert [("RXR", ("R3",), 6, 0), ("RXB", ("B",), 2, 2), ("RDR", ("R3",), 5, 5)] == (
            effects(impact)
        )
        assert (13, 7) == (impact.risk.exposure_before, impact.risk.exposure_after)
        assert "Risk RXR no longer applies: everything it affects is removed." in (
            impact.recommendation.text
        )
        kept = assess(p, revise("R3", 3))
        assert [("RXR", ("R3",), 6, 6), ("RXB", ("B",), 2, 2), ("RDR", ("R3",), 5, 5)] == (
            effects(kept)
        )

    def test_nothing_linked(self):
        impact = assess(tiny(), revise("R3", 5))
        assert ((), 0, 0) == (
            impact.risk.effects,
            impact.risk.exposure_before,
            impact.risk.exposure_after,
        )

    def test_effects_are_risk_effects(self):
        impact = assess(self.project(), cpm.MoveMilestone("C", "2026-11-20"))
        assert (RiskEffect("RC", ("C",), 9, 9),) == impact.risk.effects


# -- the free allowance --------------------------------------------------------------
class TestAllowance:
    def project(self, *granted_requests: cpm.ChangeRequest) -> cpm.Project:
        return tiny(change_requests=[*granted_requests, request(revise("R4", 5), cid="CR-0")])

    def test_used_by_approved_and_implemented_free_changes(self):
        """Half a day each from an approved and an implemented free change: 1 of 2 left."""
        p = self.project(
            granted("CR-1", "0.5", 550),
            granted("CR-2", "0.5", 550, status="implemented"),
            granted("CR-3", 1, 1_100, billing="paid"),
            granted("CR-4", 1, 1_100, status="assessed", billing=None),
            granted("CR-5", 0, 700),
            granted("CR-6", -1, -1_100),
            granted("CR-9", 1, 1_100),
        )
        assert [
            (
                "Absorb it free of charge: 1 person-days fit in the free allowance left "
                "(1 of 2 person-days)."
            )
        ] == [t for t in text(p, revise("R3", 5)) if t.startswith("Absorb")]
        assert [
            (
                "Bill it: 2 person-days exceed the free allowance left (1 of 2 person-days). "
                "Quote 2200.00 CNY."
            )
        ] == [t for t in text(p, revise("R4", 4)) if t.startswith("Bill")]

    def test_money_used(self):
        """The money cap is reduced by the cost of the free changes that added work."""
        p = self.project(
            granted("CR-1", "0.5", 550),
            granted("CR-2", "0.5", 550, status="implemented"),
            granted("CR-3", 1, 1_100, billing="paid"),
            granted("CR-5", 0, 700),
        )
        policy = ChangePolicy(free_allowance=cny(2_000))
        assert [
            (
                "Bill it: its cost 1100.00 CNY exceeds the free allowance left (900.00 CNY). "
                "Quote 1100.00 CNY."
            )
        ] == [t for t in text(p, revise("R3", 5), policy=policy) if t.startswith("Bill")]

    def test_used_up(self):
        """More used than allowed leaves nothing, not less than nothing."""
        p = self.project(granted("CR-1", 3, 3_300))
        policy = ChangePolicy(free_allowance=cny(1_000))
        assert [
            (
                "Bill it: 1 person-days exceed the free allowance left (0 of 2 person-days). "
                "Quote 1100.00 CNY."
            )
        ] == [t for t in text(p, revise("R3", 5), policy=policy) if t.startswith("Bill")]
        p = self.project(granted("CR-1", 1, 3_300))
        assert [
            (
                "Bill it: its cost 1100.00 CNY exceeds the free allowance left (0.00 CNY). "
                "Quote 1100.00 CNY."
            )
        ] == [t for t in text(p, revise("R3", 5), policy=policy) if t.startswith("Bill")]


# -- the decision --------------------------------------------------------------------
class TestDecision:
    def test_absorb_within_the_allowance(self):
        impact = assess(tiny(), revise("R3", 5))
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Adds 1 person-days of work (1000.00 CNY at the day rate).",
            "1 milestone(s) move; the largest slip is 1 working days (B: 2026-11-12 → 2026-11-13).",
            "The critical path changes: +B.",
            (
                "Absorb it free of charge: 1 person-days fit in the free allowance left "
                "(2 of 2 person-days)."
            ),
            "The forecast cost becomes 12100.00 CNY, 12.1% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)
        assert cpm.Billing.FREE == impact.recommendation.billing

    def test_absorb_exactly_the_allowance(self):
        impact = assess(tiny(), revise("R4", 4))
        assert (ABSORB, None) == verdict(impact)[:2]
        assert [
            "Adds 2 person-days of work (2000.00 CNY at the day rate).",
            "1 milestone(s) move; the largest slip is 2 working days (C: 2026-11-03 → 2026-11-05).",
            (
                "Absorb it free of charge: 2 person-days fit in the free allowance left "
                "(2 of 2 person-days)."
            ),
            "The forecast cost becomes 13200.00 CNY, 13.2% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)

    def test_bill_beyond_the_allowance(self):
        impact = assess(tiny(), revise("R4", "4.5"))
        assert (BILL, cny(2_750), ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Adds 2.5 person-days of work (2500.00 CNY at the day rate).",
            "1 milestone(s) move; the largest slip is 3 working days (C: 2026-11-03 → 2026-11-06).",
            (
                "Bill it: 2.5 person-days exceed the free allowance left (2 of 2 person-days). "
                "Quote 2750.00 CNY."
            ),
            "The price includes 10% contingency (250.00 CNY).",
            "The forecast cost becomes 13750.00 CNY, 13.8% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)
        assert cpm.Billing.PAID == impact.recommendation.billing

    def test_bill_without_contingency(self):
        impact = assess(tiny(), revise("R4", 5), policy=ChangePolicy(contingency_pct=0))
        assert [
            (
                "Bill it: 3 person-days exceed the free allowance left (2 of 2 person-days). "
                "Quote 3000.00 CNY."
            ),
            "The forecast cost becomes 14000.00 CNY, 14% of the budget 100000.00 CNY.",
        ] == list(impact.recommendation.text)[2:4]

    def test_money_cap_exactly_met(self):
        policy = ChangePolicy(free_allowance=cny(1_100))
        assert (ABSORB, None) == verdict(assess(tiny(), revise("R3", 5), policy=policy))[:2]

    def test_money_cap_exceeded(self):
        policy = ChangePolicy(free_allowance=cny("1099.99"))
        impact = assess(tiny(), revise("R3", 5), policy=policy)
        assert (BILL, cny(1_100)) == verdict(impact)[:2]
        assert [
            (
                "Bill it: its cost 1100.00 CNY exceeds the free allowance left (1099.99 CNY). "
                "Quote 1100.00 CNY."
            ),
            "The price includes 10% contingency (100.00 CNY).",
        ] == list(impact.recommendation.text)[3:5]

    def test_bill_a_breach_within_the_allowance(self):
        """One day that makes A late fits the allowance and the money cap, but moves a due date."""
        policy = ChangePolicy(free_allowance=cny(1_100))
        impact = assess(tiny(), revise("R1", 4), policy=policy)
        assert (BILL, cny(1_100), ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Adds 1 person-days of work (1000.00 CNY at the day rate).",
            "2 milestone(s) move; the largest slip is 1 working days (A: 2026-11-06 → 2026-11-09).",
            "Milestone A would finish 1 working days after its due date 2026-11-06.",
            "The critical path changes: +B.",
            (
                "Bill it: it moves a due date, which the client must accept with the price. "
                "Quote 1100.00 CNY."
            ),
            "The price includes 10% contingency (100.00 CNY).",
            "The forecast cost becomes 12100.00 CNY, 12.1% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)

    def test_bill_a_breach_using_the_whole_allowance(self):
        relaxed = ChangePolicy(end_is_contractual=False)
        impact = assess(tiny(), revise("R3", 6), policy=relaxed)
        assert (BILL, cny(2_200), ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Milestone B would finish 1 working days after its due date 2026-11-13.",
            "The critical path changes: +B.",
            (
                "Bill it: it moves a due date, which the client must accept with the price. "
                "Quote 2200.00 CNY."
            ),
        ] == list(impact.recommendation.text)[2:5]

    def test_reject_a_breach_without_work(self):
        impact = assess(tiny(), cpm.MoveMilestone("A", "2026-11-05"))
        assert (REJECT, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Changes no work.",
            "No milestone moves.",
            "Milestone A would finish 1 working days after its due date 2026-11-05.",
            "Recommend rejecting it: it makes a due date unachievable and adds no work to bill.",
            "The forecast cost becomes 11000.00 CNY, 11% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)
        assert impact.recommendation.billing is None

    def test_reject_a_breach_with_less_work(self):
        impact = assess(tiny(), cpm.RemoveRequirement("R2"), cpm.MoveMilestone("A", "2026-11-03"))
        assert (REJECT, None) == verdict(impact)[:2]
        assert [
            "Saves 2 person-days of work (2000.00 CNY at the day rate).",
            "2 milestone(s) finish earlier, by up to 2 working days.",
            "Milestone A would finish 1 working days after its due date 2026-11-03.",
            "Recommend rejecting it: it makes a due date unachievable and adds no work to bill.",
        ] == list(impact.recommendation.text)[:4]

    def test_absorb_less_work(self):
        impact = assess(tiny(), cpm.RemoveRequirement("R3"))
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Saves 4 person-days of work (4000.00 CNY at the day rate).",
            "1 milestone(s) finish earlier, by up to 4 working days.",
            "Absorb it free of charge: it adds no work.",
            "The forecast cost becomes 7000.00 CNY, 7% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)

    def test_absorb_no_work(self):
        impact = assess(tiny(), cpm.MoveMilestone("C", "2026-11-20"))
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert [
            "Changes no work.",
            "No milestone moves.",
            "Absorb it free of charge: it adds no work.",
            "The forecast cost becomes 11000.00 CNY, 11% of the budget 100000.00 CNY.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(impact.recommendation.text)

    def test_the_largest_slip_and_every_milestone_that_moves(self):
        """A slips 1 day and B 3: the largest slip is named, and both are counted."""
        impact = assess(
            tiny(), revise("R1", 4), revise("R3", 6), policy=ChangePolicy(end_is_contractual=False)
        )
        assert [("A", 1, "2026-11-06", "2026-11-09"), ("B", 3, "2026-11-12", "2026-11-17")] == (
            moves(impact)
        )
        assert (
            "2 milestone(s) move; the largest slip is 3 working days (B: 2026-11-12 → 2026-11-17)."
            == impact.recommendation.text[1]
        )

    def test_critical_path_joined_and_left(self):
        impact = assess(tiny(), revise("R1", 2), revise("R4", 10))
        assert [
            "Adds 7 person-days of work (7000.00 CNY at the day rate).",
            "1 milestone(s) move; the largest slip is 8 working days (C: 2026-11-03 → 2026-11-13).",
            "The critical path changes: +C, -A.",
        ] == list(impact.recommendation.text)[:3]

    def test_over_budget(self):
        """11,000 forecast + 1,100 = 12,100 against a budget of 12,000."""
        impact = assess(tiny(budget=cny(12_000)), revise("R3", 5))
        assert (
            "The forecast cost 12100.00 CNY would exceed the budget 12000.00 CNY (100.8%)."
            == impact.recommendation.text[4]
        )

    def test_zero_budget(self):
        impact = assess(tiny(budget=cny(0)), revise("R4", 3))
        assert (
            "The forecast cost 12100.00 CNY would exceed the budget 0.00 CNY (—)."
            == impact.recommendation.text[3]
        )

    def test_risk_reasons(self):
        """Risks that grow or go away are named; unchanged ones are not."""
        closed = risk("R0", 2, 2, "B").close(by="chen.jie", at=AT, why="handled")
        p = tiny(
            risks=[closed, risk("RB", 2, 3, "B"), risk("RR", 1, 4, "R3"), risk("RC", 1, 1, "C")]
        )
        grows = assess(p, revise("R3", 5), cpm.MoveMilestone("C", "2026-11-20"))
        assert [
            "The forecast cost becomes 12100.00 CNY, 12.1% of the budget 100000.00 CNY.",
            "Risk RB grows from 6 to 9: no slack is left on B.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(grows.recommendation.text)[4:]
        gone = assess(p, cpm.RemoveRequirement("R3"))
        assert [
            "The forecast cost becomes 7000.00 CNY, 7% of the budget 100000.00 CNY.",
            "Risk RR no longer applies: everything it affects is removed.",
            "chen.jie (project manager) decides; the client li.wei must accept the impact.",
        ] == list(gone.recommendation.text)[3:]

    def test_risk_growing_on_several_targets(self):
        p = tiny(risks=[risk("RAB", 1, 3, "R3", "B")])
        impact = assess(p, revise("R3", 5))
        assert (
            "Risk RAB grows from 3 to 6: no slack is left on B, R3."
            == impact.recommendation.text[5]
        )

    def test_reject_policy_without_a_broken_contract(self):
        """A 'reject' policy does not reject what breaks no contractual date."""
        policy = ChangePolicy(on_contractual_breach="reject")
        assert (BILL, cny(1_100), ("chen.jie", "li.wei"), PM, False) == verdict(
            assess(tiny(), revise("R1", 4), policy=policy)
        )


class TestContract:
    def test_contractual_milestone_breached_escalates(self):
        policy = ChangePolicy(contractual=["B"], end_is_contractual=False)
        impact = assess(tiny(), revise("R1", 4), revise("R3", 5), policy=policy)
        assert (BILL, cny(2_200), ("executive", "li.wei"), EX, True) == verdict(impact)
        assert [
            "Adds 2 person-days of work (2000.00 CNY at the day rate).",
            "2 milestone(s) move; the largest slip is 2 working days (B: 2026-11-12 → 2026-11-16).",
            "Milestone A would finish 1 working days after its due date 2026-11-06.",
            "Milestone B has a contractual due date (2026-11-13) and would be 1 working days late.",
            "The critical path changes: +B.",
            (
                "Bill it: it moves a due date, which the client must accept with the price. "
                "Quote 2200.00 CNY."
            ),
            "The price includes 10% contingency (200.00 CNY).",
            "The forecast cost becomes 13200.00 CNY, 13.2% of the budget 100000.00 CNY.",
            (
                "Escalate: it is beyond the limit of the first approver, so the executive decides; "
                "the client li.wei must accept the impact."
            ),
        ] == list(impact.recommendation.text)

    def test_end_date_passed_escalates(self):
        impact = assess(tiny(), revise("R3", 6))
        assert (BILL, cny(2_200), ("executive", "li.wei"), EX, True) == verdict(impact)
        assert [
            "Milestone B would finish 1 working days after its due date 2026-11-13.",
            "The plan would finish 1 working days after the contract end date 2026-11-13.",
            "The critical path changes: +B.",
        ] == list(impact.recommendation.text)[2:5]

    def test_reject_on_contractual_breach(self):
        policy = ChangePolicy(contractual=["B"], on_contractual_breach="reject")
        impact = assess(tiny(), revise("R3", 6), policy=policy)
        assert (REJECT, None, ("executive", "li.wei"), EX, True) == verdict(impact)
        assert [
            "Milestone B has a contractual due date (2026-11-13) and would be 1 working days late.",
            "The plan would finish 1 working days after the contract end date 2026-11-13.",
            "The critical path changes: +B.",
            (
                "Recommend rejecting it: the change policy does not accept changes that break a "
                "contractual date."
            ),
            "The forecast cost becomes 13200.00 CNY, 13.2% of the budget 100000.00 CNY.",
        ] == list(impact.recommendation.text)[2:7]

    def test_reject_when_only_the_end_date_breaks(self):
        policy = ChangePolicy(on_contractual_breach="reject")
        impact = assess(tiny(end="2026-11-12"), revise("R3", 5), policy=policy)
        assert (REJECT, None, ("executive", "li.wei"), EX, True) == verdict(impact)

    def test_a_single_approver_is_no_escalation(self):
        policy = ChangePolicy(approval_limits=[("project_manager", None)])
        impact = assess(tiny(), revise("R3", 6), policy=policy)
        assert (BILL, cny(2_200), ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert (
            "chen.jie (project manager) decides; the client li.wei must accept the impact."
            == impact.recommendation.text[-1]
        )

    def test_two_approvers_escalate_to_the_second(self):
        policy = ChangePolicy(approval_limits=[("project_manager", 5), ("account_manager", None)])
        impact = assess(tiny(), revise("R3", 6), policy=policy)
        assert (BILL, cny(2_200), ("wang.fang", "li.wei"), AM, True) == verdict(impact)
        assert (
            "Escalate: it is beyond the limit of the first approver, so wang.fang "
            "(account manager) decides; the client li.wei must accept the impact."
            == impact.recommendation.text[-1]
        )


# -- who decides ---------------------------------------------------------------------
class TestApprovers:
    def test_by_effort(self):
        assert ("wang.fang", "li.wei") == assess(tiny(), revise("R4", 8)).recommendation.approvers
        assert ("chen.jie", "li.wei") == assess(tiny(), revise("R4", 7)).recommendation.approvers

    def test_by_money_with_contingency(self):
        """5,500 CNY (5 days with contingency) is within 5,500 but not 5,499.99."""
        p = tiny()
        limit = [("project_manager", cny(5_500)), ("account_manager", None)]
        assert (BILL, cny(5_500), ("chen.jie", "li.wei"), PM, False) == verdict(
            assess(p, revise("R4", 7), policy=ChangePolicy(approval_limits=limit))
        )
        limit = [("project_manager", cny("5499.99")), ("account_manager", None)]
        assert (BILL, cny(5_500), ("wang.fang", "li.wei"), AM, True) == verdict(
            assess(p, revise("R4", 7), policy=ChangePolicy(approval_limits=limit))
        )

    def test_nobody_in_the_role(self):
        """The role decides when nobody in the project holds it."""
        policy = ChangePolicy(approval_limits=[("executive", None)])
        impact = assess(tiny(), revise("R3", 5), policy=policy)
        assert (ABSORB, None, ("executive", "li.wei"), EX, False) == verdict(impact)
        assert (
            "The executive decides; the client li.wei must accept the impact."
            == impact.recommendation.text[-1]
        )
        assert "由高管决定；客户 li.wei 须确认此影响。" == impact.recommendation.reasons[-1].text(
            "zh"
        )

    def test_the_first_person_in_the_role(self):
        p = tiny(
            stakeholders=[
                cpm.Stakeholder(id="he.lin", name="He Lin", role="team_member"),
                cpm.Stakeholder(id="chen.jie", name="Chen Jie", role="project_manager"),
                cpm.Stakeholder(id="ma.li", name="Ma Li", role="project_manager"),
            ]
        )
        assert ("chen.jie", "li.wei") == assess(p, revise("R3", 5)).recommendation.approvers

    def test_escalated_by_a_dimension(self):
        """A dimension that asks for it sends the decision to the top."""
        flag = Dimension(
            "security", lambda ctx: DimensionResult("security", "review", escalate=True)
        )
        impact = assess(tiny(), revise("R3", 5), dimensions=[flag])
        assert (ABSORB, None, ("executive", "li.wei"), EX, True) == verdict(impact)
        assert [
            "security: review",
            (
                "Escalate: it is beyond the limit of the first approver, so the executive decides; "
                "the client li.wei must accept the impact."
            ),
        ] == list(impact.recommendation.text)[-2:]

    def test_not_escalated_by_a_quiet_dimension(self):
        quiet = Dimension("quiet", lambda ctx: DimensionResult("quiet", "nothing to add"))
        impact = assess(tiny(), revise("R3", 5), dimensions=[quiet])
        assert (ABSORB, None, ("chen.jie", "li.wei"), PM, False) == verdict(impact)
        assert ["quiet: nothing to add"] == list(impact.recommendation.text)[-2:-1]


# -- the whole impact ----------------------------------------------------------------
class TestImpact:
    def test_fields(self):
        p = tiny()
        impact = assess(p, revise("R3", 5))
        assert ("CR-9", START, "en", (), ()) == (
            impact.change_request_id,
            impact.as_of,
            impact.locale,
            impact.dimensions,
            impact.errors,
        )

    def test_reason_codes(self):
        impact = assess(tiny(), revise("R3", 6))
        assert [
            ("adds", (("effort", "2"), ("cost", "2000.00 CNY"))),
            (
                "slip",
                (
                    ("count", "1"),
                    ("days", "2"),
                    ("id", "B"),
                    ("old", "2026-11-12"),
                    ("new", "2026-11-16"),
                ),
            ),
            ("breach", (("id", "B"), ("days", "1"), ("due", "2026-11-13"))),
            ("contract_end", (("days", "1"), ("end", "2026-11-13"))),
            ("critical", (("ids", "+B"),)),
            ("bill_breach", (("price", "2200.00 CNY"),)),
            ("contingency", (("pct", "10"), ("amount", "200.00 CNY"))),
            (
                "budget",
                (("after", "13200.00 CNY"), ("budget", "100000.00 CNY"), ("pct", "13.2%")),
            ),
            (
                "escalate_role",
                (("approver", "executive"), ("role", "executive"), ("client", "li.wei")),
            ),
        ] == [(r.code, r.params) for r in impact.recommendation.reasons]
