"""Goals the project commits to, to be checked against SMART (D2)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from clientpm._checks import Identified
from clientpm._convert import to_optional_date, to_optional_decimal, to_strings

__all__ = ["Goal"]


@attrs.frozen
class Goal(Identified):
    """A goal as the client and the team wrote it; :func:`clientpm.check_smart` judges it.

    Only ``id`` and ``statement`` are required: a goal that lacks a metric or
    a deadline is still a goal, just not a SMART one, and the SMART checker
    says what to add.

    Attributes:
        id: Stable id such as ``"G1"``.
        statement: The goal in the client's words.
        metric: What is measured, e.g. ``"median page load time"``.
        target: The number to reach.
        unit: The unit of ``target`` and ``baseline``, e.g. ``"s"`` or ``"%"``.
        baseline: Where the metric stands today.
        deadline: The calendar date by which the target is met.
        owner: Id of the stakeholder accountable for it.
        supports: Ids of the requirements (or objectives) it serves.

    Example:
        >>> from clientpm import Goal
        >>> g = Goal(id="G1", statement="Cut median page load time from 3.2 s to 1.5 s by 31 March",
        ...          metric="median page load time", baseline="3.2", target="1.5", unit="s",
        ...          deadline="2027-03-31", owner="zhang.min", supports=["REQ-4"])
        >>> g.target, g.deadline
        (Decimal('1.5'), Date(2027, 3, 31))

    """

    id: str
    statement: str
    metric: str | None = None
    target: Decimal | None = attrs.field(default=None, converter=to_optional_decimal)
    unit: str | None = None
    baseline: Decimal | None = attrs.field(default=None, converter=to_optional_decimal)
    deadline: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    owner: str | None = None
    supports: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("statement", self.statement)
        c.text("metric", self.metric, optional=True)
        c.number("target", self.target, optional=True)
        c.text("unit", self.unit, optional=True)
        c.number("baseline", self.baseline, optional=True)
        c.date("deadline", self.deadline, optional=True)
        if self.owner is not None:
            c.identifier("owner", self.owner)
        c.strings("supports", self.supports, what="id")
        c.raise_if_any()
