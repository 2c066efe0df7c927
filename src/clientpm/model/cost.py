"""Actual costs recorded against the project, for earned value."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from clientpm._checks import Checks
from clientpm._convert import to_date
from clientpm.errors import clip, shown
from clientpm.money import Money

__all__ = ["CostEntry"]


@attrs.frozen
class CostEntry:
    """Money actually spent on a day, optionally against a requirement.

    Attributes:
        on: The calendar date the cost was incurred.
        amount: How much (in the project's currency).
        note: What it was for.
        requirement: Id of the requirement it was spent on, if any.

    Example:
        >>> from clientpm import CostEntry, Money
        >>> CostEntry(on="2026-11-06", amount=Money("20000", "CNY"), note="week 1").amount
        Money('20000.00', 'CNY')

    """

    on: pendulum.Date = attrs.field(converter=to_date)
    amount: Money
    note: str = ""
    requirement: str | None = None

    def __attrs_post_init__(self) -> None:
        on = clip(str(self.on)) if isinstance(self.on, (str, _dt.date)) else shown(self.on)
        c = Checks(f"CostEntry {on}")
        c.date("on", self.on)
        c.money("amount", self.amount, negative=False)
        c.free_text("note", self.note)
        if self.requirement is not None:
            c.identifier("requirement", self.requirement)
        c.raise_if_any()
