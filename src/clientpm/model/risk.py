"""Risks: identified, assessed, owned and reviewed (D9)."""

from __future__ import annotations

import attrs
import pendulum

from clientpm._checks import Identified
from clientpm._convert import to_date, to_enum, to_strings, to_tuple
from clientpm.enums import RiskStatus, RiskStrategy
from clientpm.model.history import Transition, need_reason, transition
from clientpm.money import Money

__all__ = ["Risk"]


def _to_risk_status(value: object) -> RiskStatus:
    return to_enum(RiskStatus, value)


def _to_risk_strategy(value: object) -> RiskStrategy:
    return to_enum(RiskStrategy, value)


_S = RiskStatus


@attrs.frozen
class Risk(Identified):
    """Something that may go wrong, with its response plan.

    Probability and impact are scored 1 (lowest) to 5 (highest); the risk
    matrix in :mod:`clientpm.metrics` turns them into a level. Residual scores,
    when given, are the expected scores once the response works.

    Attributes:
        id: Stable id such as ``"R1"``.
        title: Short description of the risk.
        probability: 1..5.
        impact: 1..5.
        owner: Id of the stakeholder responsible for the response.
        next_review: When the risk is looked at next; past it, it is stale.
        strategy: avoid, mitigate, transfer or accept.
        contingency: What we do if it happens.
        triggers: Early signs that it is happening.
        cost_impact: What it would cost if it happened, for expected monetary value.
        affects: Ids of the requirements and milestones it threatens.
        residual_probability: Expected probability after the response (1..5).
        residual_impact: Expected impact after the response (1..5).
        status: open, occurred or closed.
        history: Every transition, with who, when and why.

    Example:
        >>> from clientpm import Risk
        >>> r = Risk(id="R1", title="Client IdP not ready", probability=3, impact=4,
        ...          owner="zhang.min", next_review="2026-11-30", affects=["M1"])
        >>> r.score
        12

    """

    id: str
    title: str
    probability: int
    impact: int
    owner: str
    next_review: pendulum.Date = attrs.field(converter=to_date)
    strategy: RiskStrategy = attrs.field(default=RiskStrategy.MITIGATE, converter=_to_risk_strategy)
    contingency: str = ""
    triggers: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    cost_impact: Money | None = None
    affects: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    residual_probability: int | None = None
    residual_impact: int | None = None
    status: RiskStatus = attrs.field(default=RiskStatus.OPEN, converter=_to_risk_status)
    history: tuple[Transition, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("title", self.title)
        c.integer("probability", self.probability, low=1, high=5)
        c.integer("impact", self.impact, low=1, high=5)
        c.identifier("owner", self.owner)
        c.date("next_review", self.next_review)
        c.choice("strategy", self.strategy, RiskStrategy)
        c.free_text("contingency", self.contingency)
        c.strings("triggers", self.triggers, what="trigger")
        c.money("cost_impact", self.cost_impact, optional=True, negative=False)
        c.strings("affects", self.affects, what="requirement or milestone id")
        c.integer("residual_probability", self.residual_probability, low=1, high=5, optional=True)
        c.integer("residual_impact", self.residual_impact, low=1, high=5, optional=True)
        c.choice("status", self.status, RiskStatus)
        c.items("history", self.history, Transition, "a Transition")
        c.raise_if_any()

    @property
    def score(self) -> int:
        """Inherent score, probability × impact (1..25)."""
        return self.probability * self.impact

    @property
    def is_active(self) -> bool:
        """Whether the risk still needs watching (not closed)."""
        return self.status.is_active

    def is_stale(self, as_of: pendulum.Date) -> bool:
        """Whether an active risk's review date has passed as of ``as_of``.

        Example:
            >>> import pendulum
            >>> r = Risk(id="R1", title="x", probability=1, impact=1, owner="pm",
            ...          next_review="2026-11-01")
            >>> r.is_stale(pendulum.date(2026, 11, 24))
            True

        """
        return self.is_active and self.next_review < as_of

    def reassess(
        self,
        *,
        by: str,
        at: pendulum.DateTime,
        why: str,
        probability: int | None = None,
        impact: int | None = None,
        next_review: pendulum.Date | None = None,
    ) -> Risk:
        """Record a review: new scores and/or the next review date.

        Example:
            >>> import pendulum
            >>> r = Risk(id="R1", title="x", probability=2, impact=2, owner="pm",
            ...          next_review="2026-11-01")
            >>> r.reassess(by="pm", at=pendulum.datetime(2026, 11, 2, tz="UTC"), why="grew",
            ...            probability=4).score
            8

        """
        return transition(
            self, owner=self.label, action="be reassessed", allowed=[_S.OPEN, _S.OCCURRED],
            to=self.status, by=by, at=at, why=why,
            probability=self.probability if probability is None else probability,
            impact=self.impact if impact is None else impact,
            next_review=self.next_review if next_review is None else next_review,
        )  # fmt: skip

    def occur(self, *, by: str, at: pendulum.DateTime, why: str) -> Risk:
        """Record that the risk has happened (the contingency applies); ``why`` is required.

        Raises:
            ValidationError: for a blank ``why``.
            IllegalTransitionError: unless the risk is open.

        Example:
            >>> import pendulum
            >>> r = Risk(id="R1", title="x", probability=2, impact=2, owner="pm",
            ...          next_review="2026-11-01")
            >>> r.occur(by="pm", at=pendulum.datetime(2026, 11, 2, tz="UTC"), why="").status
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: Risk 'R1'.why: expected a reason to record that the risk occurred, got str ''

        """  # noqa: E501
        need_reason(self.label, why, "record that the risk occurred")
        return transition(
            self, owner=self.label, action="occur", allowed=[_S.OPEN],
            to=_S.OCCURRED, by=by, at=at, why=why,
        )  # fmt: skip

    def close(self, *, by: str, at: pendulum.DateTime, why: str) -> Risk:
        """Close the risk: it can no longer happen, or its effect is dealt with (say which).

        Raises:
            ValidationError: for a blank ``why``.
            IllegalTransitionError: when the risk is closed already.

        Example:
            >>> import pendulum
            >>> r = Risk(id="R1", title="x", probability=2, impact=2, owner="pm",
            ...          next_review="2026-11-01")
            >>> at = pendulum.datetime(2026, 11, 2, tz="UTC")
            >>> r.close(by="pm", at=at, why="the supplier signed").status
            <RiskStatus.CLOSED: 'closed'>

        """
        need_reason(self.label, why, "close the risk")
        return transition(
            self, owner=self.label, action="be closed", allowed=[_S.OPEN, _S.OCCURRED],
            to=_S.CLOSED, by=by, at=at, why=why,
        )  # fmt: skip
