"""The parts of a change impact: scope, schedule, budget, risk and the recommendation.

:func:`clientpm.impact.assess_change` builds them; plugin impact dimensions
(:mod:`clientpm.impact`) see them through an :class:`ImpactContext`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from clientpm._display import Table
from clientpm.enums import Billing, Recommendation, Role
from clientpm.errors import PluginError
from clientpm.impact.policy import ChangePolicy
from clientpm.impact.reasons import Reason, join
from clientpm.locale import catalogue, check_locale
from clientpm.model.change import Assessment, ChangeRequest
from clientpm.model.project import Project
from clientpm.money import Money
from clientpm.scheduling.result import ScheduleChange
from clientpm.serialization import derived

__all__ = [
    "BudgetImpact",
    "ChangeImpact",
    "DimensionResult",
    "ImpactContext",
    "RecommendationImpact",
    "RiskEffect",
    "RiskImpact",
    "ScheduleImpact",
    "ScopeImpact",
]


@attrs.frozen
class ScopeImpact:
    """What the change does to the scope.

    Attributes:
        added: Ids of requirements added.
        removed: Ids of requirements removed.
        revised: Ids of requirements whose estimate is revised.
        effort_delta_days: Change of the signed-off scope's remaining work,
            person-days (negative: less); draft requirements do not count.
        by_milestone: Remaining-effort change per milestone, ``(id, person-days)``,
            drafts included.
        unplanned: Added requirements that no milestone delivers yet.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> scope = assess_change(p, p.change_request("CR-1")).scope
        >>> scope.added, scope.revised, scope.effort_delta_days
        (('REQ-8',), ('REQ-2',), Decimal('7'))

    """

    added: tuple[str, ...]
    removed: tuple[str, ...]
    revised: tuple[str, ...]
    effort_delta_days: Decimal
    by_milestone: tuple[tuple[str, Decimal], ...]
    unplanned: tuple[str, ...]


@derived("assess_change()")
@attrs.frozen
class ScheduleImpact:
    """What the change does to the schedule.

    Derived, no JSON form: it is recomputed from the project with
    :func:`~clientpm.assess_change`, so :func:`~clientpm.to_dict` refuses
    it; store the project instead.

    Attributes:
        change: Every milestone whose forecast, due date or slack changes
            (see :class:`~clientpm.scheduling.ScheduleChange`).
        due_moves: ``(milestone id, old due, new due)`` for each moved due date.
        contractual_breaches: Contractual milestones the change makes late (or later).
        contract_end: The project's contractual end date, if any.
        days_past_contract_end: Working days the new forecast passes it (0 if not).

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> s = assess_change(p, p.change_request("CR-1"), as_of=cpm.sample.SAMPLE_AS_OF).schedule
        >>> [(m.id, m.slip_days, str(m.new_finish)) for m in s.moves]
        [('M2', 4, '2026-12-04'), ('M3', 4, '2026-12-24'), ('M4', 4, '2027-01-04')]
        >>> s.breaches, s.critical_path_changed
        ((), False)

    """

    change: ScheduleChange
    due_moves: tuple[tuple[str, pendulum.Date, pendulum.Date], ...]
    contractual_breaches: tuple[str, ...]
    contract_end: pendulum.Date | None
    days_past_contract_end: int

    @property
    def moves(self) -> tuple[Any, ...]:
        """The milestones whose forecast finish moves, with old and new dates."""
        return self.change.moves

    @property
    def breaches(self) -> tuple[str, ...]:
        """Milestones the change makes late, or later, for their due date."""
        return self.change.breaches

    @property
    def critical_path_changed(self) -> bool:
        """Whether any milestone joins or leaves the critical path."""
        return self.change.critical_path_changed

    @property
    def max_slip_days(self) -> int:
        """The largest slip of any milestone in working days (0 when none slips)."""
        return max(0, self.change.max_slip_days)

    @property
    def visited(self) -> int:
        """How many milestones the incremental propagation looked at."""
        return self.change.visited


@attrs.frozen
class BudgetImpact:
    """What the change costs, and the forecast against the budget.

    Attributes:
        effort_cost: The effort delta at the day rate.
        contingency: The policy's contingency on added work.
        cost_delta: ``effort_cost + contingency``.
        budget: The budget now.
        forecast_before: The forecast cost before the change, at the impact's
            status day: spent to date plus the remaining signed-off work at
            the day rate (:func:`clientpm.model.budget.forecast_cost`, the
            figure the reports show), not the estimate of the whole scope
            (:attr:`Project.estimated_cost`).
        forecast_after: ``forecast_before + cost_delta``: the forecast cost
            if the change is approved.
        percent_of_budget: ``cost_delta`` as a percentage of the budget
            (``None`` for a zero budget).
        forecast_percent: ``forecast_after`` as a percentage of the budget.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> b = assess_change(p, p.change_request("CR-1")).budget
        >>> b.effort_cost, b.contingency, b.cost_delta, b.percent_of_budget
        (Money('28000.00', 'CNY'), Money('2800.00', 'CNY'), Money('30800.00', 'CNY'), Decimal('6.4'))
        >>> b.forecast_before, b.forecast_after  # 124,000 spent + 48 days x 4,000, then + 30,800
        (Money('316000.00', 'CNY'), Money('346800.00', 'CNY'))

    """  # noqa: E501

    effort_cost: Money
    contingency: Money
    cost_delta: Money
    budget: Money
    forecast_before: Money
    forecast_after: Money
    percent_of_budget: Decimal | None
    forecast_percent: Decimal | None

    @property
    def over_budget(self) -> bool:
        """Whether the forecast after the change exceeds the budget."""
        return self.forecast_after > self.budget


@attrs.frozen
class RiskEffect:
    """How the change affects one risk.

    Attributes:
        risk_id: The risk.
        targets: The affected requirements and milestones it is linked to.
        score_before: Its score now.
        score_after: Its score after the change.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> cr = cpm.ChangeRequest(id="CR-2", title="Sooner beta", requested_by="li.wei",
        ...                        submitted_at="2026-11-24T10:00:00+08:00", reason="Board demo",
        ...                        changes=[cpm.MoveMilestone("M2", "2026-11-26")])
        >>> [e for e in assess_change(p, cr, as_of=cpm.sample.SAMPLE_AS_OF).risk.effects
        ...  if e.score_after != e.score_before]
        [RiskEffect(risk_id='R1', targets=('M2',), score_before=12, score_after=16)]

    """

    risk_id: str
    targets: tuple[str, ...]
    score_before: int
    score_after: int


@attrs.frozen
class RiskImpact:
    """The risks linked to what the change touches, and how exposure moves.

    Attributes:
        effects: One entry per linked active risk.
        exposure_before: Sum of the linked risks' scores now.
        exposure_after: The same after the change.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> r = assess_change(p, p.change_request("CR-1"), as_of=cpm.sample.SAMPLE_AS_OF).risk
        >>> [e.risk_id for e in r.effects], r.exposure_before, r.exposure_after
        (['R1', 'R2', 'R3'], 27, 27)

    """

    effects: tuple[RiskEffect, ...]
    exposure_before: int
    exposure_after: int


@attrs.frozen
class RecommendationImpact:
    """What to answer the client, why, for how much, and who decides (D6, D14).

    Attributes:
        decision: reject, absorb (free) or bill (paid).
        reasons: The reasons, each renderable in English or Chinese.
        price: The price to quote for a paid change, else ``None``.
        approvers: Who must approve: the deciding team member (id, or role
            when the project has nobody in it) and the client.
        decider: The team role that decides.
        escalation: Whether the decision goes beyond the first approver.
        locale: The language of :attr:`text`.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> rec = assess_change(p, p.change_request("CR-1"), locale="en").recommendation
        >>> rec.decision, rec.billing, rec.decider, rec.escalation
        (<Recommendation.BILL: 'bill'>, <Billing.PAID: 'paid'>, <Role.ACCOUNT_MANAGER: 'account_manager'>, True)
        >>> rec.text[0]
        'Adds 7 person-days of work (28000.00 CNY at the day rate).'

    """  # noqa: E501

    decision: Recommendation
    reasons: tuple[Reason, ...]
    price: Money | None
    approvers: tuple[str, ...]
    decider: Role
    escalation: bool
    locale: str

    @property
    def billing(self) -> Billing | None:
        """The billing that matches the decision: paid for *bill*, free for *absorb*."""
        return {Recommendation.BILL: Billing.PAID, Recommendation.ABSORB: Billing.FREE}.get(
            self.decision
        )

    @property
    def text(self) -> tuple[str, ...]:
        """The reasons in :attr:`locale`."""
        return tuple(r.text(self.locale) for r in self.reasons)

    def explain(self, locale: str) -> str:
        """All reasons as one paragraph in ``"en"`` or ``"zh"``.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.impact import assess_change
            >>> p = cpm.sample_project()
            >>> rec = assess_change(p, p.change_request("CR-1")).recommendation
            >>> rec.explain("zh")[:14]
            '增加 7 人天工作量（按日费'

        """
        return join(self.reasons, check_locale(locale, "explain.locale"))


@derived("assess_change()")
@attrs.frozen
class ImpactContext:
    """What an impact dimension sees: the inputs and the four core parts.

    Derived, no JSON form: :func:`~clientpm.assess_change` builds it for each
    dimension, so :func:`~clientpm.to_dict` refuses it; store the project instead.

    Attributes:
        project: The project as it is.
        change_request: The change being assessed.
        policy: The change policy.
        as_of: The status date, or ``None``.
        locale: The language to write summaries in (``"en"`` or ``"zh"``).
        scope: The scope part.
        schedule: The schedule part.
        budget: The budget part.
        risk: The risk part.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import Dimension, assess_change
        >>> seen = []
        >>> spy = Dimension("spy", lambda ctx: seen.append((ctx.locale, ctx.scope.added)))
        >>> p = cpm.sample_project()
        >>> _ = assess_change(p, p.change_request("CR-1"), dimensions=[spy])
        >>> seen
        [('zh', ('REQ-8',))]

    """

    project: Project
    change_request: ChangeRequest
    policy: ChangePolicy
    as_of: pendulum.Date | None
    locale: str
    scope: ScopeImpact
    schedule: ScheduleImpact
    budget: BudgetImpact
    risk: RiskImpact


@attrs.frozen
class DimensionResult:
    """What an impact dimension found.

    Attributes:
        name: The dimension's name.
        summary: One sentence in the context's locale.
        escalate: Whether it needs the top approver (adds an escalation).
        details: Optional ``(label, value)`` pairs for reports.
        reason: The summary as a :class:`~clientpm.impact.Reason` (a catalogue
            message), so it reads in any locale; ``None`` when only
            :attr:`summary` exists, in the assessment's locale.

    Example:
        >>> from clientpm.impact import DimensionResult
        >>> DimensionResult("security", "adds a login method: needs a security review",
        ...                 escalate=True).escalate
        True

    """

    name: str
    summary: str
    escalate: bool = False
    details: tuple[tuple[str, str], ...] = ()
    reason: Reason | None = None


@derived("assess_change()")
@attrs.frozen
class ChangeImpact:
    """The full impact of a change request; record it with ``cr.assess(impact, …)``.

    Derived, no JSON form: it is recomputed from the project with
    :func:`~clientpm.assess_change`, so :func:`~clientpm.to_dict` refuses
    it; store the project instead.

    Attributes:
        change_request_id: The assessed request.
        as_of: The status date of the assessment.
        locale: The language of the reasons and the summary.
        scope: Requirements added, removed, revised; effort delta.
        schedule: Milestones that move, breaches, critical path.
        budget: Cost delta, forecast against the budget.
        risk: Linked risks and exposure.
        recommendation: Reject, absorb or bill; reasons, price, approvers.
        dimensions: What plugin dimensions found.
        errors: Dimensions that failed (the others still ran).

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> from clientpm.impact import assess_change
        >>> p = cpm.sample_project()
        >>> impact = assess_change(p, p.change_request("CR-1"), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> impact.recommendation.decision, impact.recommendation.price
        (<Recommendation.BILL: 'bill'>, Money('30800.00', 'CNY'))
        >>> at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
        >>> cr = p.change_request("CR-1").assess(impact, by="chen.jie", at=at)
        >>> cr = cr.approve(by="li.wei", at=at, billing=impact.recommendation.billing)
        >>> cr = cr.record_approval(by="wang.fang", at=at)  # the escalation it names
        >>> p.apply(cr).budget
        Money('510800.00', 'CNY')

    """

    change_request_id: str
    as_of: pendulum.Date | None
    locale: str
    scope: ScopeImpact
    schedule: ScheduleImpact
    budget: BudgetImpact
    risk: RiskImpact
    recommendation: RecommendationImpact
    dimensions: tuple[DimensionResult, ...] = ()
    errors: tuple[PluginError, ...] = attrs.field(default=(), eq=False)

    @property
    def summary(self) -> str:
        """The reasons as one paragraph in :attr:`locale`."""
        return join(self.recommendation.reasons, self.locale)

    def table(self) -> Table:
        """The impact as a two-column table of labels and values, in :attr:`locale`.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.impact import assess_change
            >>> p = cpm.sample_project()
            >>> t = assess_change(p, p.change_request("CR-1"), locale="en").table()
            >>> t.title, t.rows[0]
            ('Impact of change request CR-1', ('Effort delta (person-days)', '7'))

        """
        words = catalogue(self.locale)

        def label(key: str) -> str:
            return words["impact.table." + key]

        def ids(values: tuple[str, ...]) -> str:
            return ", ".join(values) or "—"

        scope, budget, rec = self.scope, self.budget, self.recommendation
        pct = "—" if budget.forecast_percent is None else f"{budget.forecast_percent}%"
        decision = label(rec.decision.value)
        values = {
            "effort": str(scope.effort_delta_days),
            "added": ids(scope.added),
            "removed": ids(scope.removed),
            "revised": ids(scope.revised),
            "slip": str(self.schedule.max_slip_days),
            "moves": ids(tuple(m.id for m in self.schedule.moves)),
            "breaches": ids(self.schedule.breaches),
            "cost": str(budget.cost_delta),
            "forecast": f"{budget.forecast_after} / {budget.budget} ({pct})",
            "risk": f"{self.risk.exposure_before} → {self.risk.exposure_after}",
            "recommendation": f"{decision} {rec.price}" if rec.price is not None else decision,
            "approvers": ids(rec.approvers),
        }
        return Table(
            title=f"{label('title')} {self.change_request_id}",
            caption=self.summary,
            headers=(label("item"), label("value")),
            rows=tuple((label(key), value) for key, value in values.items()),
        )

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Plain text, Markdown and HTML for Jupyter (see :meth:`table`).

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.impact import assess_change
            >>> p = cpm.sample_project()
            >>> "text/html" in assess_change(p, p.change_request("CR-1"))._repr_mimebundle_()
            True

        """
        return self.table().mimebundle()

    def to_assessment(self) -> Assessment:
        """The record kept on the change request (:class:`~clientpm.Assessment`).

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.impact import assess_change
            >>> p = cpm.sample_project()
            >>> a = assess_change(p, p.change_request("CR-1"), locale="zh").to_assessment()
            >>> a.effort_days, a.slip_days, a.approvers
            (Decimal('7'), 4, ('wang.fang', 'li.wei'))
            >>> a.summary[:12]
            '增加 7 人天工作量（按'

        """
        return Assessment(
            effort_days=self.scope.effort_delta_days,
            cost=self.budget.cost_delta,
            slip_days=self.schedule.max_slip_days,
            recommendation=self.recommendation.decision,
            summary=self.summary,
            price=self.recommendation.price,
            approvers=self.recommendation.approvers,
        )
