"""Change impact: what a change request does to scope, schedule, budget and risk (D4, D6, D14).

:func:`assess_change` computes a :class:`ChangeImpact` without changing
anything. It reuses a precomputed :class:`~clientpm.scheduling.Schedule` when
given one, and then touches only what the change moves, so assessing one
change on a 100,000-milestone plan takes milliseconds.

**Scope.** Added requirements bring their estimate; a revised estimate
brings the difference from the remaining work; a removed requirement takes
away its remaining work (nothing, if it is already done). The effort delta is
that change in remaining person-days of the signed-off scope: a draft
requirement is outside it (the client never agreed to it, its estimate is not
in :attr:`Project.estimated_cost`, and applying the change leaves it a
draft), so revising or removing one changes no effort, cost or free
allowance.

**Schedule.** Each affected milestone's remaining effort changes by the
effort of its deliverables, drafts included (the schedule plans their work
too), and its duration follows the schedule's duration rule; moved due dates
are applied; :meth:`Schedule.what_if_effort` then propagates the slip.

**Budget.** The cost delta is the effort delta at the day rate, plus the
policy's contingency on added work. The forecast before the change is the
reports' forecast cost at the impact's status day
(:func:`clientpm.model.budget.forecast_cost`: spent to date plus the
remaining signed-off work at the day rate), so the memo, the impact and the
weekly report show one figure; after the change it is that plus the cost
delta. It is not :attr:`Project.estimated_cost`, the estimate of the whole
signed-off scope: that one ignores what was spent and counts done work at
its estimate, so the two differ by the done work's estimate less what was
spent (a done requirement with no cost recorded is in the estimate, not in
the forecast). A reused schedule computes the forecast cost once.

**Risk.** Active risks that affect a changed requirement or an affected
milestone are linked. A linked risk's probability goes up one step (at most
5) when a milestone it affects loses its last slack; a risk whose every
target is out of the scope, removed by this change or before it, drops to 0.
Exposure is the sum of scores.

**Recommendation** (in this order):

1. The change breaks a contractual date and the policy says ``"reject"``:
   *reject*.
2. It makes a due date later or unachievable without adding work the client
   could pay for: *reject*.
3. It adds no work: *absorb*.
4. It adds work within the free allowance left (days and, if set, money)
   and breaks no due date: *absorb*.
5. Otherwise: *bill*, quoting the cost delta.

Who decides follows the policy's approval limits; beyond the first role, or
when a contractual date breaks, it is an escalation (D14). The client
(``project.client``) must always accept the impact (D4).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs
import pendulum

from clientpm._checks import describe, known
from clientpm._display import num
from clientpm.enums import Billing, ChangeStatus, Recommendation, RequirementStatus, Role
from clientpm.errors import Problem, UnknownReferenceError, ValidationError
from clientpm.impact.dimensions import (
    ImpactDimension,
    run_dimensions,
)
from clientpm.impact.policy import ChangePolicy
from clientpm.impact.reasons import Reason, reason
from clientpm.impact.results import (
    BudgetImpact,
    ChangeImpact,
    DimensionResult,
    ImpactContext,
    RecommendationImpact,
    RiskEffect,
    RiskImpact,
    ScheduleImpact,
    ScopeImpact,
)
from clientpm.locale import check_locale
from clientpm.model.change import (
    AddRequirement,
    ChangeRequest,
    MoveMilestone,
    RemoveRequirement,
    ReviseEstimate,
)
from clientpm.model.project import Project, require_project
from clientpm.money import Money, half_up
from clientpm.scheduling.result import Schedule, schedule_for

__all__ = ["assess_change"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_USED_FREE = {ChangeStatus.APPROVED, ChangeStatus.IMPLEMENTED}


# -- the calculator ---------------------------------------------------------------
@attrs.define
class _ScopeWalk:
    """Walks a request's changes in order, collecting every problem (internal)."""

    project: Project
    cr: ChangeRequest
    plan: Schedule
    unknown: list[Problem] = attrs.Factory(list)
    problems: list[Problem] = attrs.Factory(list)
    remaining: dict[str, Decimal] = attrs.Factory(dict)
    delivering: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    gone: set[str] = attrs.Factory(set)
    drafts: set[str] = attrs.Factory(set)
    first_added: dict[str, int] = attrs.Factory(dict)
    added: list[str] = attrs.Factory(list)
    removed: list[str] = attrs.Factory(list)
    revised: list[str] = attrs.Factory(list)
    unplanned: list[str] = attrs.Factory(list)
    by_milestone: dict[str, Decimal] = attrs.Factory(dict)
    due: dict[str, pendulum.Date] = attrs.Factory(dict)
    effort: Decimal = _ZERO

    def bad(self, k: int, message: str, *, unknown: bool = False) -> None:
        (self.unknown if unknown else self.problems).append(
            Problem(f"{self.cr.label}.changes[{k}]", message)
        )

    def requirement(self, rid: str, k: int) -> bool:
        if rid in self.remaining:
            return True
        try:
            self.remaining[rid] = self.plan.remaining_effort(rid)
        except UnknownReferenceError:
            known_ids = known(r.id for r in self.project.requirements)
            self.bad(k, f"names unknown requirement {rid!r} (known: {known_ids})", unknown=True)
            return False
        self.delivering[rid] = self.plan.delivering(rid)
        status = self.project.requirement(rid).status
        if status is RequirementStatus.REMOVED:
            self.gone.add(rid)
        elif status is RequirementStatus.DRAFT:
            self.drafts.add(rid)
        return True

    def shift(self, rid: str, delta: Decimal) -> None:
        """Move a requirement's remaining work: on its milestones, and in the signed-off scope."""
        for mid in self.delivering[rid]:
            self.by_milestone[mid] = self.by_milestone.get(mid, _ZERO) + delta
        if rid not in self.drafts:
            self.effort += delta

    def add(self, k: int, ch: AddRequirement) -> None:
        req, target = ch.requirement, ch.milestone
        first = self.first_added.setdefault(req.id, k)
        if not _effort_ok(req.estimate_days):
            self.bad(
                k,
                f"expected person-days >= 0 for requirement {req.id!r}, "
                f"got {_show(req.estimate_days)}",
            )
        elif self.project.has(req.id):
            self.bad(
                k, f"adds requirement {req.id!r}, but the project already has an item with that id"
            )
        elif first != k:
            self.bad(
                k,
                f"adds requirement {req.id!r} again: {self.cr.label}.changes[{first}] already "
                "adds it; add each requirement once",
            )
        elif target is not None and target not in self.plan:
            self.bad(
                k, f"names unknown milestone {target!r} (known: {known(self.plan)})", unknown=True
            )
        elif target is not None and self.project.milestone(target).is_finished:
            self.bad(
                k,
                f"adds requirement {req.id!r} to milestone {target!r}, which is already "
                "delivered; add it to an open milestone",
            )
        else:
            self.remaining[req.id] = _ZERO
            self.delivering[req.id] = (target,) if target else ()
            self.added.append(req.id)
            if target is None:
                self.unplanned.append(req.id)
            self.shift(req.id, req.estimate_days)
            self.remaining[req.id] = req.estimate_days

    def revise(self, k: int, ch: ReviseEstimate) -> None:
        rid, new = ch.requirement_id, ch.estimate_days
        if not self.requirement(rid, k):
            return
        if not _effort_ok(new):
            self.bad(k, f"expected person-days >= 0 for requirement {rid!r}, got {_show(new)}")
        elif rid in self.gone:
            self.bad(k, f"revises requirement {rid!r}, which is removed from the scope")
        elif (
            rid not in self.added
            and self.remaining[rid] == 0
            and self.project.requirement(rid).is_done
        ):
            self.bad(
                k,
                f"revises requirement {rid!r}, which is done; add a new requirement "
                "for further work",
            )
        else:
            self.shift(rid, new - self.remaining[rid])
            self.remaining[rid] = new
            if rid not in self.revised and rid not in self.added:
                self.revised.append(rid)

    def remove(self, k: int, ch: RemoveRequirement) -> None:
        rid = ch.requirement_id
        if not self.requirement(rid, k):
            return
        if rid in self.gone:
            self.bad(k, f"removes requirement {rid!r}, which is already removed")
            return
        self.shift(rid, -self.remaining[rid])
        self.remaining[rid] = _ZERO
        self.gone.add(rid)
        if rid in self.added:
            self.added.remove(rid)
            if rid in self.unplanned:
                self.unplanned.remove(rid)
        else:
            self.removed.append(rid)
        if rid in self.revised:
            self.revised.remove(rid)

    def move(self, k: int, ch: MoveMilestone) -> None:
        if ch.milestone_id not in self.plan:
            self.bad(
                k,
                f"names unknown milestone {ch.milestone_id!r} (known: {known(self.plan)})",
                unknown=True,
            )
        else:
            self.due[ch.milestone_id] = ch.due

    def walk(self) -> ScopeImpact:
        for k, ch in enumerate(self.cr.changes):
            if isinstance(ch, AddRequirement):
                self.add(k, ch)
            elif isinstance(ch, ReviseEstimate):
                self.revise(k, ch)
            elif isinstance(ch, RemoveRequirement):
                self.remove(k, ch)
            elif isinstance(ch, MoveMilestone):
                self.move(k, ch)
            else:
                self.bad(
                    k,
                    "expected a change (AddRequirement, ReviseEstimate, "
                    f"RemoveRequirement or MoveMilestone), got {describe(ch)}",
                )
        if self.problems:
            raise ValidationError(self.unknown + self.problems)
        if self.unknown:
            raise UnknownReferenceError(self.unknown)
        return ScopeImpact(
            added=tuple(self.added),
            removed=tuple(self.removed),
            revised=tuple(self.revised),
            effort_delta_days=self.effort,
            by_milestone=tuple((m, d) for m, d in self.by_milestone.items() if d),
            unplanned=tuple(self.unplanned),
        )


def _show(value: object) -> str:
    return str(value) if isinstance(value, (Decimal, int)) else repr(value)


def _effort_ok(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and value >= 0


def _schedule_part(
    project: Project, plan: Schedule, walk: _ScopeWalk, policy: ChangePolicy
) -> ScheduleImpact:
    contractual = frozenset(policy.contractual)
    effort = {m: d for m, d in walk.by_milestone.items() if d}
    change = plan.what_if_effort(effort, due=walk.due, contractual=contractual)
    due_moves = tuple(
        (mid, project.milestone(mid).due, pendulum.Date(d.year, d.month, d.day))
        for mid, d in walk.due.items()
        if d != project.milestone(mid).due
    )
    breaches = tuple(c.id for c in change.changes if c.contractual and c.breaches_due)
    end = project.end if policy.end_is_contractual else None
    past = 0
    if end is not None and change.finish_slip_days > 0:
        cal = project.calendar
        after = cal.workdays_between(end, change.new_finish)
        before = cal.workdays_between(end, change.old_finish)
        past = after if after > 0 and after > before else 0
    return ScheduleImpact(change, due_moves, breaches, end, past)


def _budget_part(
    project: Project, plan: Schedule, scope: ScopeImpact, policy: ChangePolicy
) -> BudgetImpact:
    rate = project.day_rate
    effort_cost = rate * scope.effort_delta_days
    contingency = Money.zero(project.currency)
    if scope.effort_delta_days > 0 and policy.contingency_pct:
        contingency = effort_cost * (policy.contingency_pct / _HUNDRED)
    delta = effort_cost + contingency
    before = plan.forecast_cost
    after = before + delta
    budget = project.budget

    def pct(m: Money) -> Decimal | None:
        ratio = m.ratio(budget)
        return None if ratio is None else half_up(ratio * _HUNDRED, 1)

    return BudgetImpact(
        effort_cost=effort_cost,
        contingency=contingency,
        cost_delta=delta,
        budget=budget,
        forecast_before=before,
        forecast_after=after,
        percent_of_budget=pct(delta),
        forecast_percent=pct(after),
    )


def _risk_part(
    project: Project, plan: Schedule, walk: _ScopeWalk, schedule: ScheduleImpact
) -> RiskImpact:
    change = schedule.change
    milestones = set(walk.by_milestone) | set(walk.due) | {c.id for c in change.moves}
    requirements = set(walk.remaining)
    lost_slack = {c.id for c in change.changes if c.new_slack_days <= 0 < c.old_slack_days}

    def out_of_scope(item_id: str) -> bool:
        """Whether a risk's target is a requirement removed, by this change or before it."""
        # A target is a milestone (never removed) or a requirement (the project checks).
        return item_id in walk.gone or (
            item_id not in plan and project.requirement(item_id).status is RequirementStatus.REMOVED
        )

    effects = []
    for risk in project.risks:
        if not risk.is_active:
            continue
        targets = set(risk.affects)
        hit = targets & (milestones | requirements)
        if not hit:
            continue
        after = risk.score
        if all(out_of_scope(t) for t in targets):
            after = 0
        elif hit & lost_slack:
            after = min(5, risk.probability + 1) * risk.impact
        effects.append(RiskEffect(risk.id, tuple(sorted(hit)), risk.score, after))
    return RiskImpact(
        effects=tuple(effects),
        exposure_before=sum(e.score_before for e in effects),
        exposure_after=sum(e.score_after for e in effects),
    )


def _allowance_used(project: Project, cr: ChangeRequest) -> tuple[Decimal, Money]:
    """Effort and cost of the approved free changes so far (this request excluded)."""
    days, money = _ZERO, Money.zero(project.currency)
    for other in project.change_requests:
        if (
            other.id != cr.id
            and other.status in _USED_FREE
            and other.billing is Billing.FREE
            and other.assessment is not None
            and other.assessment.effort_days > 0
        ):
            days += other.assessment.effort_days
            money += other.assessment.cost
    return days, money


def _person(project: Project, role: Role) -> str:
    for person in project.people:
        if person.role is role:
            return person.id
    return role.value


def _decide(
    project: Project,
    cr: ChangeRequest,
    policy: ChangePolicy,
    parts: tuple[ScopeImpact, ScheduleImpact, BudgetImpact, RiskImpact],
    dims: tuple[DimensionResult, ...],
    locale: str,
) -> RecommendationImpact:
    scope, sched, budget, risk = parts
    effort = scope.effort_delta_days
    reasons: list[Reason] = []
    # What the change does.
    if effort > 0:
        reasons.append(reason("adds", effort=num(effort), cost=budget.effort_cost))
    elif effort < 0:
        reasons.append(reason("saves", effort=num(-effort), cost=-budget.effort_cost))
    else:
        reasons.append(reason("no_effort"))
    later = [c for c in sched.moves if c.slip_days > 0]
    earlier = [c for c in sched.moves if c.slip_days < 0]
    if later:
        top = max(later, key=lambda c: c.slip_days)
        reasons.append(
            reason(
                "slip",
                count=len(later),
                days=top.slip_days,
                id=top.id,
                old=top.old_finish,
                new=top.new_finish,
            )
        )
    elif earlier:
        reasons.append(
            reason("earlier", count=len(earlier), days=-min(c.slip_days for c in earlier))
        )
    else:
        reasons.append(reason("no_slip"))
    breached = [c for c in sched.change.changes if c.breaches_due]
    for c in breached:
        code = "contract" if c.contractual else "breach"
        reasons.append(reason(code, id=c.id, days=c.days_late, due=c.due))
    if sched.days_past_contract_end:
        reasons.append(
            reason("contract_end", days=sched.days_past_contract_end, end=sched.contract_end)
        )
    if sched.critical_path_changed:
        parts_ = [f"+{i}" for i in sched.change.newly_critical]
        parts_ += [f"-{i}" for i in sched.change.no_longer_critical]
        reasons.append(reason("critical", ids=", ".join(parts_)))
    # The decision.
    contract_broken = bool(sched.contractual_breaches or sched.days_past_contract_end)
    used_days, used_money = _allowance_used(project, cr)
    left = max(_ZERO, policy.free_allowance_days - used_days)
    left_money = None
    if policy.free_allowance is not None:
        left_money = max(Money.zero(project.currency), policy.free_allowance - used_money)
    price: Money | None = None
    if contract_broken and policy.on_contractual_breach == "reject":
        decision = Recommendation.REJECT
        reasons.append(reason("reject_contract"))
    elif breached and effort <= 0:
        decision = Recommendation.REJECT
        reasons.append(reason("reject_no_work"))
    elif effort <= 0:
        decision = Recommendation.ABSORB
        reasons.append(reason("absorb_no_work"))
    elif (
        effort <= left and not breached and (left_money is None or budget.cost_delta <= left_money)
    ):
        decision = Recommendation.ABSORB
        reasons.append(
            reason(
                "absorb",
                effort=num(effort),
                left=num(left),
                allowance=num(policy.free_allowance_days),
            )
        )
    else:
        decision = Recommendation.BILL
        price = budget.cost_delta
        if effort > left:
            reasons.append(
                reason(
                    "bill_days",
                    effort=num(effort),
                    left=num(left),
                    allowance=num(policy.free_allowance_days),
                    price=price,
                )
            )
        elif left_money is not None and budget.cost_delta > left_money:
            reasons.append(
                reason("bill_money", cost=budget.cost_delta, left=left_money, price=price)
            )
        else:
            reasons.append(reason("bill_breach", price=price))
        if budget.contingency:
            reasons.append(
                reason("contingency", pct=num(policy.contingency_pct), amount=budget.contingency)
            )
    # "—" when there is no budget to take a percentage of: no "%" after it.
    pct = f"{num(budget.forecast_percent)}%" if budget.forecast_percent is not None else "—"
    code = "over_budget" if budget.over_budget else "budget"
    reasons.append(reason(code, after=budget.forecast_after, budget=budget.budget, pct=pct))
    for e in risk.effects:
        if e.score_after == 0 and e.score_before:
            reasons.append(reason("risk_gone", id=e.risk_id))
        elif e.score_after > e.score_before:
            reasons.append(
                reason(
                    "risk_up",
                    id=e.risk_id,
                    before=e.score_before,
                    after=e.score_after,
                    targets=", ".join(e.targets),
                )
            )
    reasons.extend(reason("dimension", name=d.name, summary=d.reason or d.summary) for d in dims)
    # Who decides (D14).
    role, escalated = policy.decider(effort_days=effort, cost=budget.cost_delta)
    if contract_broken or any(d.escalate for d in dims):
        role, escalated = policy.top_role, len(policy.approval_limits) > 1
    approver = _person(project, role)
    client = project.client.id
    code = "escalate" if escalated else "decide"
    if approver == role.value:  # nobody in the project holds that role
        code += "_role"
    reasons.append(reason(code, approver=approver, role=role.value, client=client))
    return RecommendationImpact(
        decision=decision,
        reasons=tuple(reasons),
        price=price,
        approvers=tuple(dict.fromkeys([approver, client])),
        decider=role,
        escalation=escalated,
        locale=locale,
    )


def assess_change(
    project: Project,
    change_request: ChangeRequest,
    *,
    policy: ChangePolicy | None = None,
    as_of: pendulum.Date | pendulum.DateTime | None = None,
    schedule: Schedule | None = None,
    locale: str | None = None,
    dimensions: Iterable[ImpactDimension] | Mapping[str, ImpactDimension] | None = None,
) -> ChangeImpact:
    """Assess a change request's impact on scope, schedule, budget and risk, and recommend.

    Nothing is changed: the project and the request stay as they are. See
    the module documentation for the rules.

    Args:
        project: The project.
        change_request: The request (it need not be in the project yet).
        policy: The change policy; ``ChangePolicy()`` (small-agency defaults) if omitted.
        as_of: The status date, as for :func:`clientpm.scheduling.schedule`.
        schedule: The project's schedule at ``as_of``, if already computed;
            reusing it makes the assessment incremental (milliseconds on
            100,000 milestones).
        locale: Language of the reasons, ``"en"`` or ``"zh"``; by default the
            client's.
        dimensions: Extra impact dimensions, e.g. ``host.impact_dimensions()``;
            by default the built-in ones.

    Raises:
        UnknownReferenceError: when the changes name unknown requirements or
            milestones (all of them reported at once).
        ValidationError: for changes that cannot apply (adding an existing id,
            work on a delivered milestone, revising done work, negative effort),
            a schedule of another project or date, or a bad locale.
        CurrencyMismatchError: for a policy in another currency.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> bad = cpm.ChangeRequest(id="CR-9", title="x", requested_by="li.wei",
        ...                         submitted_at="2026-11-24T10:00:00+08:00", reason="x",
        ...                         changes=[cpm.ReviseEstimate("REQ-99", 3),
        ...                                  cpm.MoveMilestone("M9", "2027-01-01")])
        >>> assess_change(p, bad)
        Traceback (most recent call last):
        ...
        clientpm.errors.UnknownReferenceError: 2 problems:
          - ChangeRequest 'CR-9'.changes[0]: names unknown requirement 'REQ-99' (known: REQ-1, REQ-2, REQ-3, REQ-4, REQ-5, REQ-6, REQ-7)
          - ChangeRequest 'CR-9'.changes[1]: names unknown milestone 'M9' (known: M1, M2, M3, M4)

    """  # noqa: E501
    project = require_project(project, "assess_change.project")
    if not isinstance(change_request, ChangeRequest):
        raise ValidationError.single(
            "assess_change.change_request",
            f"expected a clientpm.ChangeRequest, got {describe(change_request)}",
        )
    policy = ChangePolicy() if policy is None else policy
    if not isinstance(policy, ChangePolicy):
        raise ValidationError.single(
            "assess_change.policy", f"expected a ChangePolicy, got {describe(policy)}"
        )
    code = check_locale(project.client.locale if locale is None else locale, "assess_change.locale")
    plan = schedule_for(project, as_of, schedule, "assess_change")
    policy.validate_for(plan, project.currency)
    walk = _ScopeWalk(project, change_request, plan)
    scope = walk.walk()
    sched = _schedule_part(project, plan, walk, policy)
    budget = _budget_part(project, plan, scope, policy)
    risk = _risk_part(project, plan, walk, sched)
    context = ImpactContext(
        project, change_request, policy, plan.as_of, code, scope, sched, budget, risk
    )
    dims, errors = run_dimensions(dimensions, context, where="assess_change.dimensions")
    recommendation = _decide(
        project, change_request, policy, (scope, sched, budget, risk), dims, code
    )
    return ChangeImpact(
        change_request_id=change_request.id,
        as_of=plan.as_of,
        locale=code,
        scope=scope,
        schedule=sched,
        budget=budget,
        risk=risk,
        recommendation=recommendation,
        dimensions=dims,
        errors=errors,
    )
