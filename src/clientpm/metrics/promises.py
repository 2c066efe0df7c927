"""Promise keeping (D8): the share of promises to the client kept on time.

A promise *falls due* in a period when its current due date is in it and it
has been closed (kept or missed) by the end of the period, or the due date
has passed. It counts as **kept** when it was kept on or before its due date
in the client's time zone; kept late, missed, or still open after the due
date, it counts as **broken**. A promise renegotiated early (D8: tell the
client early, with a plan) is judged against the new date, and the rate
reports how many were renegotiated; one renegotiated only after its original
due date had passed is judged against that original date.

Promises at risk *before* their due date come from the schedule:
:func:`clientpm.commitments_at_risk`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm._checks import describe
from clientpm.enums import CommitmentStatus
from clientpm.errors import ValidationError
from clientpm.metrics.ratio import Undefined, ratio

if TYPE_CHECKING:
    from decimal import Decimal

    from clientpm.model.commitment import Commitment
    from clientpm.model.project import Project

__all__ = ["PromiseKeeping", "promise_keeping"]


@attrs.frozen
class PromiseKeeping:
    """How many promises fell due in a period, how many were kept, the rate.

    Attributes:
        start: First day of the period.
        end: Last day of the period.
        kept: Ids of promises kept on time.
        broken: Ids of promises kept late, missed, or still open past their due date.
        renegotiated: Ids of the promises above whose date was renegotiated.
        rate: ``len(kept) / (len(kept) + len(broken))`` as a percentage, or
            UNDEFINED when nothing fell due.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> keeping = promise_keeping(cpm.sample_project(), start=pendulum.date(2026, 11, 1),
        ...                           end=pendulum.date(2026, 11, 24))
        >>> keeping.kept, keeping.broken, keeping.rate
        (('P3',), (), Decimal('100'))

    """

    start: pendulum.Date
    end: pendulum.Date
    kept: tuple[str, ...]
    broken: tuple[str, ...]
    renegotiated: tuple[str, ...]
    rate: Decimal | Undefined


def _judged_due(promise: Commitment, zone: str) -> pendulum.Date:
    """The current due date, or the original one if a new date was agreed only after it passed."""
    late = any(
        t.to_status == CommitmentStatus.RENEGOTIATED.value
        and t.at.in_timezone(zone).date() > promise.original_due
        for t in promise.history
    )
    return promise.original_due if late else promise.due


def _kept_on_time(promise: Commitment, due: pendulum.Date, zone: str) -> bool:
    closed = promise.closed_at
    return (
        promise.status is CommitmentStatus.KEPT
        and closed is not None
        and closed.in_timezone(zone).date() <= due
    )


def promise_keeping(
    project: Project, *, start: pendulum.Date, end: pendulum.Date
) -> PromiseKeeping:
    """The promise-keeping rate over a period (see the module documentation for the rules).

    Raises:
        ValidationError: when ``start`` or ``end`` is not a date, or ``end`` is before ``start``.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> promise_keeping(cpm.sample_project(), start=pendulum.date(2026, 11, 1),
        ...                 end=pendulum.date(2026, 11, 30)).rate
        Decimal('50')

    """
    if not isinstance(start, pendulum.Date) or not isinstance(end, pendulum.Date) or end < start:
        raise ValidationError.single(
            "promise_keeping.end",
            f"expected dates with start <= end, got {describe(start)} .. {describe(end)}",
        )
    zone = project.client.timezone
    kept: list[str] = []
    broken: list[str] = []
    renegotiated: list[str] = []
    judged = {c.id: _judged_due(c, zone) for c in project.commitments}
    for promise in sorted(project.commitments, key=lambda c: (judged[c.id], c.id)):
        due = judged[promise.id]
        if not start <= due <= end:
            continue
        closed = promise.closed_at
        closed_in_period = closed is not None and closed.in_timezone(zone).date() <= end
        if not closed_in_period and due >= end:
            continue  # still open on the last day it is due: not judged yet
        on_time = _kept_on_time(promise, due, zone) and closed_in_period
        (kept if on_time else broken).append(promise.id)
        if promise.due != promise.original_due:
            renegotiated.append(promise.id)
    rate = ratio(len(kept) * 100, len(kept) + len(broken))
    return PromiseKeeping(start, end, tuple(kept), tuple(broken), tuple(renegotiated), rate)
