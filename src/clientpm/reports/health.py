"""The rule that makes a report red, amber or green: a policy object, not buried code.

:class:`HealthPolicy` holds the thresholds; :func:`project_health` applies them
to a project as of a date and returns the colour with every reason behind it.

- A milestone forecast past its due date: amber; red at ``red_slip_days``
  (5) working days or more.
- Forecast cost (:func:`clientpm.model.budget.forecast_cost`: spent to date
  plus the remaining signed-off work at the day rate) above
  ``amber_budget_percent`` (100 %) of the budget: amber; above
  ``budget_red_percent`` (110 %): red.
- An open risk scoring ``amber_risk_score`` (15) or more (probability x
  impact, 1-25): amber; ``red_risk_score`` (20) or more: red. The reason
  names the risk's level on the risk matrix
  (:data:`clientpm.metrics.risk_matrix.DEFAULT_MATRIX`, as the risk sections
  do): "Risk R1 scores 20 (critical)."
- An unresolved complaint: amber; red when it has had no response for
  ``complaint_response_days`` (1) working days or more.
- A commitment forecast late: amber; overdue: red.
- Client satisfaction (CSAT over the last ``csat_days`` (30) days, once at
  least ``min_csat_responses`` (5) ratings came in): amber below
  ``amber_csat`` (80); red below ``red_csat`` (60).

The worst signal decides the colour; green says so in words.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm._checks import Checks, describe
from clientpm._convert import to_decimal_or_keep, to_strings
from clientpm.enums import FeedbackKind, RiskStatus
from clientpm.errors import ValidationError
from clientpm.locale import check_locale, say
from clientpm.metrics.risk_matrix import DEFAULT_MATRIX
from clientpm.model.budget import forecast_cost, spent_to_date
from clientpm.money import Money
from clientpm.reports.wording import Words

if TYPE_CHECKING:
    from clientpm.metrics.satisfaction import FeedbackState
    from clientpm.model.project import Project
    from clientpm.scheduling.expectations import CommitmentAtRisk
    from clientpm.scheduling.result import Schedule

__all__ = [
    "HealthPolicy",
    "Rag",
    "ReportFacts",
    "Status",
    "check_policy",
    "forecast_cost",
    "project_health",
    "spent_to_date",
]


class Rag(enum.Enum):
    """Red, amber or green.

    Example:
        >>> Rag.AMBER.label("zh")
        '黄'

    """

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    def label(self, locale: str = "en") -> str:
        """The colour's name in ``locale`` (the catalogue message ``"rag.<colour>"``).

        Example:
            >>> Rag.RED.label(), Rag.RED.label("zh_CN")
            ('Red', '红')

        """
        return say(check_locale(locale, "Rag.label.locale"), "rag." + self.value)


@attrs.frozen
class Status:
    """A red, amber or green status with the reasons for it.

    Example:
        >>> Status(Rag.AMBER, ("M2 is forecast 3 working days late.",)).rag.value
        'amber'

    """

    rag: Rag
    reasons: tuple[str, ...] = attrs.field(default=(), converter=to_strings)


@attrs.frozen
class HealthPolicy:
    """Thresholds for red, amber and green; the defaults are documented in the module.

    Example:
        >>> HealthPolicy(red_slip_days=10).amber_risk_score
        15

    """

    red_slip_days: int = 5
    amber_budget_percent: Decimal = attrs.field(default=Decimal(100), converter=to_decimal_or_keep)
    budget_red_percent: Decimal = attrs.field(default=Decimal(110), converter=to_decimal_or_keep)
    amber_risk_score: int = 15
    red_risk_score: int = 20
    complaint_response_days: int = 1
    amber_csat: Decimal = attrs.field(default=Decimal(80), converter=to_decimal_or_keep)
    red_csat: Decimal = attrs.field(default=Decimal(60), converter=to_decimal_or_keep)
    csat_days: int = 30
    min_csat_responses: int = 5

    def __attrs_post_init__(self) -> None:
        c = Checks("HealthPolicy")
        for name in ("red_slip_days", "amber_risk_score", "red_risk_score",
                     "complaint_response_days", "csat_days", "min_csat_responses"):  # fmt: skip
            c.integer(name, getattr(self, name), low=0)
        for name in ("amber_budget_percent", "budget_red_percent", "amber_csat", "red_csat"):
            c.number(name, getattr(self, name), low=0)
        c.raise_if_any()
        for field, ok, expected in (
            ("budget_red_percent", self.budget_red_percent >= self.amber_budget_percent,
             f"at least amber_budget_percent ({self.amber_budget_percent})"),
            ("red_risk_score", self.red_risk_score >= self.amber_risk_score,
             f"at least amber_risk_score ({self.amber_risk_score})"),
            ("red_csat", self.red_csat <= self.amber_csat,
             f"at most amber_csat ({self.amber_csat})"),
        ):  # fmt: skip
            if not ok:
                c.add(field, f"expected {expected}, got {getattr(self, field)}")
        c.raise_if_any()


@attrs.frozen(eq=False)
class ReportFacts:
    """What a report and its red/amber/green status both read, worked out once.

    Attributes:
        project: The project.
        as_of: The status date.
        schedule: The project's schedule as of that date.
        spent: :func:`spent_to_date`.
        forecast_cost: :func:`forecast_cost`.
        feedback: What was known of each piece of feedback, by id
            (:func:`clientpm.metrics.satisfaction.feedback_state`).
        commitments_at_risk: :func:`clientpm.scheduling.commitments_at_risk`.

    Example:
        >>> import clientpm as cpm
        >>> p, day = cpm.sample_project(), cpm.sample.SAMPLE_AS_OF
        >>> facts = ReportFacts.of(p, day, cpm.schedule(p, as_of=day))
        >>> facts.spent, facts.feedback["F4"].responded
        (Money('124000.00', 'CNY'), False)
        >>> facts.health().rag.value
        'red'

    """

    project: Project
    as_of: pendulum.Date
    schedule: Schedule
    spent: Money
    forecast_cost: Money
    feedback: Mapping[str, FeedbackState]
    commitments_at_risk: tuple[CommitmentAtRisk, ...]

    @classmethod
    def of(
        cls,
        project: Project,
        as_of: pendulum.Date | pendulum.DateTime,
        schedule: Schedule | None = None,
    ) -> ReportFacts:
        """Work the facts out for a project, its status date and its schedule as of then.

        ``as_of`` is read like every builder's (:func:`~clientpm.work_calendar.status_day`);
        ``schedule`` must be the project's as of that day, and ``None`` computes it.

        Raises:
            ValidationError: naming ``ReportFacts.of.project``, ``.as_of`` or
                ``.schedule`` for a value that is not what it should be.

        Example:
            >>> import clientpm as cpm, pendulum
            >>> p = cpm.sample_project()
            >>> ReportFacts.of(p, cpm.sample.SAMPLE_AS_OF).schedule.as_of
            Date(2026, 11, 24)
            >>> ReportFacts.of(p, cpm.sample.SAMPLE_AS_OF, cpm.schedule(p, as_of=None))
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: ReportFacts.of.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, got a schedule with no status date

        """  # noqa: E501
        from clientpm.metrics.satisfaction import feedback_state
        from clientpm.model.project import require_project
        from clientpm.scheduling.expectations import commitments_at_risk
        from clientpm.scheduling.result import schedule_for
        from clientpm.work_calendar import status_day

        project = require_project(project, "ReportFacts.of.project")
        day = status_day(as_of, project.calendar, "ReportFacts.of.as_of")
        schedule = schedule_for(project, day, schedule, "ReportFacts.of")
        as_of = day
        spent = spent_to_date(project, as_of)
        zone = project.client.timezone
        return cls(
            project=project,
            as_of=as_of,
            schedule=schedule,
            spent=spent,
            forecast_cost=schedule.forecast_cost,  # kept with the schedule, read once
            feedback={
                f.id: feedback_state(f, as_of=as_of, timezone=zone) for f in project.feedback
            },
            commitments_at_risk=commitments_at_risk(project, as_of=as_of, schedule=schedule),
        )

    def health(self, *, locale: str = "en", policy: HealthPolicy | None = None) -> Status:
        """Red, amber or green from these facts; see :func:`project_health`."""
        return _health(self, check_policy(policy, "ReportFacts.health"), Words(locale))


def check_policy(policy: object, where: str) -> HealthPolicy:
    """``policy``, or the default thresholds for ``None``; ``where`` names the caller.

    Example:
        >>> check_policy(None, "weekly_report").red_slip_days
        5
        >>> check_policy({}, "weekly_report")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: weekly_report.policy: expected a HealthPolicy or None, got dict {}

    """  # noqa: E501
    policy = HealthPolicy() if policy is None else policy
    if not isinstance(policy, HealthPolicy):
        raise ValidationError.single(
            f"{where}.policy", f"expected a HealthPolicy or None, got {describe(policy)}"
        )
    return policy


def _budget(facts: ReportFacts, policy: HealthPolicy, w: Words) -> list[tuple[Rag, str]]:
    forecast = facts.forecast_cost
    ratio = forecast.ratio(facts.project.budget)
    if ratio is None:  # no budget: any forecast cost is beyond it
        return [(Rag.AMBER, w("reason.no_budget", cost=w.money(forecast)))] if forecast else []
    pct = ratio * 100
    shown = pct.quantize(Decimal("0.1"))
    if pct > policy.budget_red_percent:
        return [(Rag.RED, w("reason.budget", pct=shown))]
    if pct > policy.amber_budget_percent:
        return [(Rag.AMBER, w("reason.budget", pct=shown))]
    return []


def _complaints(facts: ReportFacts, policy: HealthPolicy, w: Words) -> list[tuple[Rag, str]]:
    project, as_of = facts.project, facts.as_of
    signals: list[tuple[Rag, str]] = []
    for item in project.feedback:
        if item.kind is not FeedbackKind.COMPLAINT:
            continue
        state = facts.feedback[item.id]
        if state.received > as_of or state.resolved:
            continue
        waited = project.calendar.workdays_between(state.received, as_of)
        if not state.responded and waited >= policy.complaint_response_days:
            signals.append((Rag.RED, w("reason.complaint", id=item.id, days=waited)))
        else:
            signals.append((Rag.AMBER, w("reason.complaint_open", id=item.id)))
    return signals


def _satisfaction(
    project: Project, as_of: pendulum.Date, policy: HealthPolicy, w: Words
) -> list[tuple[Rag, str]]:
    from clientpm.metrics.satisfaction import csat

    since = as_of.subtract(days=policy.csat_days)
    zone = project.client.timezone
    ratings = [
        f.rating for f in project.feedback
        if f.rating is not None and since < f.received_at.in_timezone(zone).date() <= as_of
    ]  # fmt: skip
    score = csat(ratings)
    if len(ratings) < policy.min_csat_responses or not isinstance(score, Decimal):
        return []
    text = w("reason.csat", csat=score, days=policy.csat_days, n=len(ratings))
    if score < policy.red_csat:
        return [(Rag.RED, text)]
    if score < policy.amber_csat:
        return [(Rag.AMBER, text)]
    return []


def project_health(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    schedule: Schedule,
    locale: str = "en",
    policy: HealthPolicy | None = None,
) -> Status:
    """Red, amber or green for the project as of a date, with the reasons.

    Args:
        project: The project.
        as_of: The status date; an aware ``DateTime`` stands for its day in
            the project calendar's zone, as in :func:`clientpm.weekly_report`.
        schedule: The project's schedule as of that date.
        locale: Language of the reasons.
        policy: The thresholds; :class:`HealthPolicy` defaults if omitted.

    Example:
        >>> import clientpm as cpm
        >>> project = cpm.sample_project()
        >>> as_of = cpm.sample.SAMPLE_AS_OF
        >>> plan = cpm.schedule(project, as_of=as_of)
        >>> status = project_health(project, as_of=as_of, schedule=plan)
        >>> status.rag.value, status.reasons[0]
        ('red', 'Complaint F4 has waited 1 working day(s) for a response.')

    """
    from clientpm.model.project import require_project
    from clientpm.scheduling.result import schedule_for
    from clientpm.work_calendar import status_day

    p = require_project(project, "project_health.project")
    day = status_day(as_of, p.calendar, "project_health.as_of")
    plan = schedule_for(p, day, schedule, "project_health", required=True)
    checked = check_policy(policy, "project_health")
    return ReportFacts.of(p, day, plan).health(locale=locale, policy=checked)


def _health(facts: ReportFacts, policy: HealthPolicy, w: Words) -> Status:
    project, schedule = facts.project, facts.schedule
    signals: list[tuple[Rag, str]] = []
    for mid in schedule.late():  # only the late ones need their dates worked out
        f = schedule[mid]
        if not f.finished and f.days_late > 0:
            rag = Rag.RED if f.days_late >= policy.red_slip_days else Rag.AMBER
            signals.append((rag, w("reason.late", id=mid, days=f.days_late, due=w.date(f.due))))
    signals.extend(_budget(facts, policy, w))
    for risk in project.risks:
        score = risk.score
        if risk.status is not RiskStatus.CLOSED and score >= policy.amber_risk_score:
            rag = Rag.RED if score >= policy.red_risk_score else Rag.AMBER
            level = DEFAULT_MATRIX.level(score).label(w.locale)  # the risk section's level
            signals.append((rag, w("reason.risk", id=risk.id, score=score, level=level)))
    signals.extend(_complaints(facts, policy, w))
    signals.extend(_satisfaction(project, facts.as_of, policy, w))
    for risk_of_promise in facts.commitments_at_risk:
        rag = Rag.RED if risk_of_promise.overdue else Rag.AMBER
        text = w("reason.late_commitment", id=risk_of_promise.commitment_id,
                 to=risk_of_promise.to, days=risk_of_promise.days_late)  # fmt: skip
        signals.append((rag, text))
    if not signals:
        return Status(Rag.GREEN, (w("reason.all_good"),))
    worst = max((rag for rag, _ in signals), key=lambda r: list(Rag).index(r))
    ordered = [text for rag, text in signals if rag is Rag.RED] + [
        text for rag, text in signals if rag is not Rag.RED
    ]
    return Status(worst, tuple(ordered))
