"""Change impact: scope, schedule, budget, risk, recommendation, plugins and bad input."""

from __future__ import annotations

import attrs
import pendulum
import pluggy
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import clientpm as cpm
import clientpm.impact.dimensions
from clientpm.impact.assess import (
    ChangeImpact,
    ChangePolicy,
    Dimension,
    DimensionResult,
    assess_change,
)
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.result import schedule

TZ = "Asia/Shanghai"
AT = pendulum.datetime(2026, 11, 24, 10, tz=TZ)
LATER = pendulum.datetime(2026, 11, 25, 10, tz=TZ)


def request(*changes, cid="CR-2"):
    return cpm.ChangeRequest(
        id=cid,
        title="Change",
        requested_by="li.wei",
        submitted_at=AT,
        reason="The client asked",
        changes=list(changes),
    )


def assess(project, cr, **kw):
    kw.setdefault("as_of", SAMPLE_AS_OF)
    kw.setdefault("locale", "en")
    return assess_change(project, cr, **kw)


@pytest.fixture
def project():
    return cpm.sample_project()


class TestSampleChange:
    """CR-1: WeChat Work login (6 days) on the beta, and REQ-2 grows from 10 to 11 days."""

    def test_scope(self, project):
        """One requirement added, one revised, 7 person-days more on M2."""
        scope = assess(project, project.change_request("CR-1")).scope
        assert (("REQ-8",), ("REQ-2",), ()) == (scope.added, scope.revised, scope.removed)
        assert (7, (("M2", 7),)) == (scope.effort_delta_days, scope.by_milestone)

    def test_schedule(self, project):
        """The beta moves 4 working days and pushes M3 and M4; nothing breaks its due date."""
        s = assess(project, project.change_request("CR-1")).schedule
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
        """7 days at 4,000 CNY plus 10 % contingency; forecast against the budget."""
        b = assess(project, project.change_request("CR-1")).budget
        assert cpm.Money("28000", "CNY") == b.effort_cost
        assert cpm.Money("2800", "CNY") == b.contingency
        assert cpm.Money("30800", "CNY") == b.cost_delta
        assert (cpm.Money("224000", "CNY"), cpm.Money("254800", "CNY")) == (
            b.forecast_before,
            b.forecast_after,
        )
        assert ("6.4", "53.1", False) == (
            str(b.percent_of_budget),
            str(b.forecast_percent),
            b.over_budget,
        )

    def test_risk(self, project):
        """R1 (M2, REQ-1), R2 (M4) and R3 (M3) are linked; no slack is lost, exposure stays."""
        r = assess(project, project.change_request("CR-1")).risk
        assert [("R1", ("M2",)), ("R2", ("M4",)), ("R3", ("M3",))] == [
            (e.risk_id, e.targets) for e in r.effects
        ]
        assert (27, 27) == (r.exposure_before, r.exposure_after)

    def test_recommendation(self, project):
        """Bill it: beyond the free allowance and the project manager's limit."""
        rec = assess(project, project.change_request("CR-1")).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert cpm.Money("30800", "CNY") == rec.price
        assert (("wang.fang", "li.wei"), cpm.Role.ACCOUNT_MANAGER, True) == (
            rec.approvers,
            rec.decider,
            rec.escalation,
        )
        assert cpm.Billing.PAID == rec.billing

    def test_reasons_in_english_and_chinese(self, project):
        """The same reasons read in both languages; the default is the client's (zh)."""
        impact = assess_change(project, project.change_request("CR-1"), as_of=SAMPLE_AS_OF)
        assert "zh" == impact.locale
        rec = impact.recommendation
        assert (
            "Bill it: 7 person-days exceed the free allowance left (2 of 2 person-days). "
            "Quote 30800.00 CNY."
        ) in rec.explain("en")
        assert (
            "建议收费：7 人天超出剩余免费额度（剩余 2 人天，共 2 人天）。报价 30800.00 CNY。"
            in (impact.summary)
        )
        assert "由 wang.fang（客户经理）决定；客户 li.wei 须确认此影响。" in impact.summary

    def test_lifecycle(self, project):
        """Assess, approve, apply: the budget rises by the price, baselines stay, forecasts hold."""
        cr = project.change_request("CR-1")
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        impact = assess(project, cr, schedule=plan)
        assessed = cr.assess(impact, by="chen.jie", at=AT)
        assert assessed.assessment == impact.to_assessment()
        approved = assessed.approve(by="li.wei", at=LATER, billing=impact.recommendation.billing)
        after = project.apply(approved)
        assert project.budget + impact.recommendation.price == after.budget
        assert after.requirement("REQ-2").baseline_estimate_days == 10
        new_plan = schedule(after, as_of=SAMPLE_AS_OF)
        for move in impact.schedule.moves:
            assert move.new_finish == new_plan[move.id].earliest_finish

    def test_to_assessment(self, project):
        """The record kept on the request carries effort, cost, slip, price and approvers."""
        a = assess(project, project.change_request("CR-1")).to_assessment()
        assert (7, cpm.Money("30800", "CNY"), 4, "bill", ("wang.fang", "li.wei")) == (
            a.effort_days,
            a.cost,
            a.slip_days,
            a.recommendation.value,
            a.approvers,
        )
        assert a.summary.startswith("Adds 7 person-days of work (28000.00 CNY at the day rate).")


class TestRecommendations:
    def test_small_change_is_absorbed(self, project):
        """One extra day fits the 2-day free allowance: absorb, no price, the PM decides."""
        rec = assess(project, request(cpm.ReviseEstimate("REQ-2", 11))).recommendation
        assert (cpm.Recommendation.ABSORB, None, ("chen.jie", "li.wei"), False) == (
            rec.decision,
            rec.price,
            rec.approvers,
            rec.escalation,
        )

    def test_used_allowance_makes_the_next_change_paid(self, project):
        """Approved free changes use the allowance up."""
        free = request(cpm.ReviseEstimate("REQ-3", 16), cid="CR-0")
        impact = assess(project, free)
        assert cpm.Recommendation.ABSORB == impact.recommendation.decision
        free = free.assess(impact, by="chen.jie", at=AT).approve(by="li.wei", at=AT, billing="free")
        p = project.add(free)
        rec = assess(p, request(cpm.ReviseEstimate("REQ-2", 12))).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert "2 person-days exceed the free allowance left (1 of 2 person-days)" in rec.explain(
            "en"
        )

    def test_money_allowance(self, project):
        """A money cap on free changes bills a change that fits the day allowance."""
        policy = ChangePolicy(free_allowance=cpm.Money("2000", "CNY"))
        rec = assess(
            project, request(cpm.ReviseEstimate("REQ-2", 11)), policy=policy
        ).recommendation
        assert cpm.Recommendation.BILL == rec.decision
        assert cpm.Money("4400", "CNY") == rec.price

    def test_less_scope_is_absorbed_and_moves_dates_earlier(self, project):
        """Removing the dashboard saves 12 days and brings M3 and M4 6 days earlier."""
        impact = assess(project, request(cpm.RemoveRequirement("REQ-5")))
        assert -12 == impact.scope.effort_delta_days
        assert [("M3", -6), ("M4", -6)] == [(m.id, m.slip_days) for m in impact.schedule.moves]
        assert cpm.Recommendation.ABSORB == impact.recommendation.decision
        assert cpm.Money("-48000", "CNY") == impact.budget.cost_delta

    def test_moving_a_due_date_earlier_without_work_is_rejected(self, project):
        """A due date the forecast cannot meet, and nothing to bill: reject."""
        impact = assess(project, request(cpm.MoveMilestone("M2", "2026-11-26")))
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
        impact = assess(project, request(cpm.ReviseEstimate("REQ-2", 40)))
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
        cr = request(cpm.ReviseEstimate("REQ-3", 120))
        escalate = assess(project, cr, policy=ChangePolicy(contractual=["M4"]))
        assert ("M4",) == escalate.schedule.contractual_breaches
        assert cpm.Recommendation.BILL == escalate.recommendation.decision
        assert cpm.Role.EXECUTIVE == escalate.recommendation.decider
        assert (
            "Milestone M4 has a contractual due date (2027-02-26) and would be 13 working days "
            "late."
        ) in escalate.recommendation.explain("en")
        reject = assess(
            project, cr, policy=ChangePolicy(contractual=["M4"], on_contractual_breach="reject")
        )
        assert cpm.Recommendation.REJECT == reject.recommendation.decision

    def test_contract_end_date(self, project):
        """Past the project's end date (31 March 2027) is a contractual breach too."""
        impact = assess(project, request(cpm.ReviseEstimate("REQ-7", 140)))
        assert 5 == impact.schedule.days_past_contract_end  # forecast 7 April 2027
        assert cpm.Role.EXECUTIVE == impact.recommendation.decider
        relaxed = assess(
            project,
            request(cpm.ReviseEstimate("REQ-7", 140)),
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
        impact = assess(project.add(risk), request(cpm.RemoveRequirement("REQ-5")))
        assert [("R2", 6, 6), ("R3", 9, 9), ("R9", 9, 0)] == [
            (e.risk_id, e.score_before, e.score_after) for e in impact.risk.effects
        ]
        assert "Risk R9 no longer applies" in impact.recommendation.explain("en")

    def test_goals_dimension_escalates_removed_goal_scope(self, project):
        """Removing REQ-4 weakens goal G1: the built-in goals dimension escalates it."""
        impact = assess(project, request(cpm.RemoveRequirement("REQ-4")))
        assert [("goals", True)] == [(d.name, d.escalate) for d in impact.dimensions]
        assert impact.recommendation.escalation

    def test_approval_limits_in_money(self, project):
        """A money limit compares with the cost, contingency included."""
        policy = ChangePolicy(
            approval_limits=[("project_manager", cpm.Money("50000", "CNY")), ("executive", None)]
        )
        rec = assess(project, project.change_request("CR-1"), policy=policy).recommendation
        assert (cpm.Role.PROJECT_MANAGER, False) == (rec.decider, rec.escalation)


class TestIncremental:
    def test_reuses_the_schedule(self, project):
        """With schedule= the result is the same as without."""
        cr = project.change_request("CR-1")
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        assert assess(project, cr) == assess(project, cr, schedule=plan)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
        cr = request(*changes)
        plan = schedule(project, as_of=SAMPLE_AS_OF)
        impact = assess(project, cr, schedule=plan)
        cr = cr.assess(impact, by="chen.jie", at=AT).approve(by="li.wei", at=LATER, billing="paid")
        after = schedule(project.apply(cr), as_of=SAMPLE_AS_OF)
        moved = {m.id: m for m in impact.schedule.moves}
        for f in plan.forecasts():
            expected = moved[f.id].new_finish if f.id in moved else f.earliest_finish
            assert expected == after[f.id].earliest_finish
            assert after[f.id].slack_days == after.slack(f.id)
        assert after.finish == impact.schedule.change.new_finish

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    def test_forecast_is_the_estimated_cost_after_apply(self, spec):
        """The forecast starts at the estimated cost and ends at it once the change is applied.

        The contingency on added work is the only difference: it is in the forecast,
        not in the signed-off scope.
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
        cr = request(*changes)
        impact = assess(project, cr)
        b = impact.budget
        cr = cr.assess(impact, by="chen.jie", at=AT).approve(by="li.wei", at=LATER, billing="paid")
        after = project.apply(cr)
        assert project.estimated_cost == b.forecast_before
        assert after.estimated_cost == b.forecast_after - b.contingency
        assert after.estimated_cost - project.estimated_cost == b.effort_cost


class TestBadInput:
    def test_unknown_ids_reported_together(self, project):
        """Every unknown requirement and milestone is named at once, with the known ids."""
        cr = request(
            cpm.ReviseEstimate("REQ-99", 3),
            cpm.RemoveRequirement("REQ-98"),
            cpm.MoveMilestone("M9", "2027-01-01"),
        )
        with pytest.raises(cpm.UnknownReferenceError) as info:
            assess(project, cr)
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
        cr = request(
            cpm.AddRequirement(cpm.Requirement(id="REQ-1", title="Again"), milestone="M2"),
            cpm.AddRequirement(cpm.Requirement(id="REQ-9", title="Late"), milestone="M1"),
            cpm.ReviseEstimate("REQ-1", 12),
            cpm.RemoveRequirement("REQ-4"),
            cpm.RemoveRequirement("REQ-4"),
        )
        with pytest.raises(cpm.ValidationError) as info:
            assess(project, cr)
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
            assess(project, request(change))
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
            assess(project, project.change_request("CR-1"), policy=policy)
        assert (
            "ChangePolicy.free_allowance: expected money in the project currency CNY, "
            "got 500.00 USD"
        ) == str(info.value)

    def test_policy_names_unknown_milestone(self, project):
        """Contractual milestones must exist."""
        with pytest.raises(cpm.UnknownReferenceError) as info:
            assess(project, project.change_request("CR-1"), policy=ChangePolicy(contractual=["M7"]))
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
        """A reused schedule must belong to this project object and as-of date."""
        cr = project.change_request("CR-1")
        with pytest.raises(cpm.ValidationError) as info:
            assess(project, cr, schedule=schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF))
        assert str(info.value).startswith(
            "assess_change.schedule: expected the schedule of Project 'ACME', got one computed "
            "for another project object"
        )
        with pytest.raises(cpm.ValidationError) as info:
            assess(project, cr, schedule=schedule(project))
        assert (
            "assess_change.schedule: expected a schedule as of 2026-11-24, got one as of None"
            == str(info.value)
        )

    def test_bad_locale(self, project):
        """Only English and Chinese."""
        with pytest.raises(cpm.ValidationError) as info:
            assess(project, project.change_request("CR-1"), locale="fr")
        assert (
            "assess_change.locale: expected a supported locale ('en' or 'zh'), got str 'fr'"
            == str(info.value)
        )

    def test_nothing_changes(self, project):
        """Assessing, even a failing request, leaves the project and the request as they were."""
        cr = project.change_request("CR-1")
        before, cr_before = cpm.sample_project(), cpm.sample_project().change_request("CR-1")
        assess(project, cr)
        with pytest.raises(cpm.UnknownReferenceError):
            assess(
                project,
                request(cpm.ReviseEstimate("REQ-2", 3), cpm.MoveMilestone("M9", "2027-01-01")),
            )
        assert (before, cr_before) == (project, cr)


# -- plugins ---------------------------------------------------------------------------
hookspec = pluggy.HookspecMarker("clientpm")


class Specs:
    @hookspec
    def clientpm_register_impact_dimensions(self, registry):
        """Register impact dimensions (a stand-in for clientpm._hooks)."""


class Registry(dict):
    def register(self, name, dimension):
        self[name] = dimension


class HostingPlugin:
    """A sample third-party plugin: every added requirement costs hosting."""

    @clientpm.impact.dimensions.hookimpl
    def clientpm_register_impact_dimensions(self, registry):
        def measure(ctx):
            n = len(ctx.scope.added)
            if not n:
                return None
            text = f"{n} 项新功能需要托管" if ctx.locale == "zh" else f"{n} new feature(s) to host"
            return DimensionResult("hosting", text, details=(("features", str(n)),))

        registry.register("hosting", Dimension("hosting", measure))


class BrokenPlugin:
    @clientpm.impact.dimensions.hookimpl
    def clientpm_register_impact_dimensions(self, registry):
        def measure(ctx):
            raise RuntimeError("no network in a pure library")

        registry.register("broken", Dimension("broken", measure))


@pytest.fixture
def registry():
    """A fresh plugin manager per test, with the built-ins and two sample plugins."""
    pm = pluggy.PluginManager("clientpm")
    pm.add_hookspecs(Specs)
    pm.register(clientpm.impact.dimensions)
    pm.register(HostingPlugin())
    pm.register(BrokenPlugin())
    reg = Registry()
    pm.hook.clientpm_register_impact_dimensions(registry=reg)
    return reg


class TestPlugins:
    def test_registered_through_the_hook(self, registry):
        """Built-ins and plugins register the same way."""
        assert ["broken", "goals", "hosting"] == sorted(registry)

    def test_plugin_dimension_in_the_impact(self, project, registry):
        """The plugin's result is in the impact and its reasons; a broken one is reported."""
        impact = assess(project, project.change_request("CR-1"), dimensions=registry, locale="zh")
        assert [("hosting", "1 项新功能需要托管")] == [
            (d.name, d.summary) for d in impact.dimensions
        ]
        assert "hosting：1 项新功能需要托管" in impact.summary
        (error,) = impact.errors
        assert (
            "plugin 'broken' failed in hook measure: RuntimeError: no network in a pure library"
            == str(error)
        )
        assert isinstance(error, cpm.PluginError)

    def test_not_a_dimension(self, project):
        """Something without name and measure() is reported, not run."""
        impact = assess(project, project.change_request("CR-1"), dimensions=[object()])
        assert ("object",) == tuple(e.plugin for e in impact.errors)

    def test_with_the_plugin_host(self, project):
        """With clientpm's own host, the built-in dimensions come through the hook."""
        plugins = pytest.importorskip("clientpm.plugins")
        host = plugins.PluginHost(builtins=True)
        impact = assess(
            project, request(cpm.RemoveRequirement("REQ-4")), dimensions=host.impact_dimensions()
        )
        assert "goals" in [d.name for d in impact.dimensions]


def test_change_impact_is_frozen(project):
    """A ChangeImpact cannot be changed in place."""
    impact = assess(project, project.change_request("CR-1"))
    assert isinstance(impact, ChangeImpact)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        impact.locale = "zh"  # type: ignore[misc]
