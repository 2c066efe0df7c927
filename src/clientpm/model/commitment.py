"""Promises made to the client, kept or not (D8)."""

from __future__ import annotations

import attrs
import pendulum

from clientpm._checks import Identified, describe
from clientpm._convert import to_date, to_datetime, to_enum, to_tuple
from clientpm.enums import CommitmentStatus
from clientpm.errors import ValidationError
from clientpm.model.history import Transition, need_reason, transition

__all__ = ["Commitment"]


def _to_commitment_status(value: object) -> CommitmentStatus:
    return to_enum(CommitmentStatus, value)


_S = CommitmentStatus


def _same_as_due(self: Commitment) -> pendulum.Date:
    return self.due


@attrs.frozen
class Commitment(Identified):
    """Something we promised the client, by a date.

    Attributes:
        id: Stable id such as ``"P1"``.
        promise: What was promised, in the words used with the client.
        to: Id of the stakeholder it was promised to.
        made_by: Who promised it.
        made_at: When.
        due: When it is due now.
        original_due: The date first promised; a renegotiation moves ``due`` only.
        milestone: Id of the milestone whose forecast decides it, if any.
        status: open, kept, missed or renegotiated (then open again with a new date).
        history: Every transition, with who, when and why.

    Example:
        >>> from clientpm import Commitment
        >>> p = Commitment(id="P1", promise="Send the test plan", to="li.wei", made_by="pm",
        ...                made_at="2026-11-10T15:00:00+08:00", due="2026-11-20")
        >>> p.is_open
        True

    """

    id: str
    promise: str
    to: str
    made_by: str
    made_at: pendulum.DateTime = attrs.field(converter=to_datetime)
    due: pendulum.Date = attrs.field(converter=to_date)
    original_due: pendulum.Date = attrs.field(
        default=attrs.Factory(_same_as_due, takes_self=True), converter=to_date
    )
    milestone: str | None = None
    status: CommitmentStatus = attrs.field(
        default=CommitmentStatus.OPEN, converter=_to_commitment_status
    )
    history: tuple[Transition, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("promise", self.promise)
        c.identifier("to", self.to)
        c.text("made_by", self.made_by)
        c.instant("made_at", self.made_at)
        c.date("due", self.due)
        if self.original_due is not self.due:  # a default copy of due is checked once
            c.date("original_due", self.original_due)
        if self.milestone is not None:
            c.identifier("milestone", self.milestone)
        c.choice("status", self.status, CommitmentStatus)
        c.items("history", self.history, Transition, "a Transition")
        c.raise_if_any()

    @property
    def is_open(self) -> bool:
        """Whether it still awaits delivery."""
        return not self.status.is_closed

    @property
    def closed_at(self) -> pendulum.DateTime | None:
        """When it was kept or missed, from the history."""
        if not self.status.is_closed or not self.history:
            return None
        return self.history[-1].at

    def keep(self, *, by: str, at: pendulum.DateTime, why: str = "") -> Commitment:
        """Record that the promise was kept.

        Example:
            >>> import pendulum
            >>> p = Commitment(id="P1", promise="Send the plan", to="li.wei", made_by="pm",
            ...                made_at="2026-11-10T15:00:00+08:00", due="2026-11-20")
            >>> p.keep(by="pm", at=pendulum.datetime(2026, 11, 19, tz="UTC")).status.value
            'kept'

        """
        return transition(
            self, owner=self.label, action="be kept", allowed=[_S.OPEN, _S.RENEGOTIATED],
            to=_S.KEPT, by=by, at=at, why=why or "delivered as promised",
        )  # fmt: skip

    def miss(self, *, by: str, at: pendulum.DateTime, why: str) -> Commitment:
        """Record that the promise was not kept, saying why.

        Example:
            >>> import pendulum
            >>> p = Commitment(id="P1", promise="Send the plan", to="li.wei", made_by="pm",
            ...                made_at="2026-11-10T15:00:00+08:00", due="2026-11-20")
            >>> p.miss(by="pm", at=pendulum.datetime(2026, 11, 21, tz="UTC"), why=" ")
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: Commitment 'P1'.why: expected a reason to miss the commitment, got str ' '

        """  # noqa: E501
        need_reason(self.label, why, "miss the commitment")
        return transition(
            self, owner=self.label, action="be missed", allowed=[_S.OPEN, _S.RENEGOTIATED],
            to=_S.MISSED, by=by, at=at, why=why,
        )  # fmt: skip

    def renegotiate(
        self, due: pendulum.Date, *, by: str, at: pendulum.DateTime, why: str
    ) -> Commitment:
        """Agree a new date with the client, saying why (D8: early and with a plan).

        The new date must differ from the current one; ``original_due`` keeps the
        date first promised. A renegotiation is not refused once the due date has
        passed, but :func:`clientpm.promise_keeping` then still judges the promise
        against its original date.

        Raises:
            IllegalTransitionError: once the promise is kept or missed.
            ValidationError: for a blank reason, a bad date or one that does not
                change, and for a bad ``by`` or ``at``.

        Example:
            >>> import pendulum
            >>> p = Commitment(id="P1", promise="Send the plan", to="li.wei", made_by="pm",
            ...                made_at="2026-11-10T15:00:00+08:00", due="2026-11-20")
            >>> q = p.renegotiate(pendulum.date(2026, 11, 25), by="pm",
            ...                   at=pendulum.datetime(2026, 11, 16, tz="UTC"),
            ...                   why="waiting on IdP")
            >>> q.due, q.original_due, q.is_open
            (Date(2026, 11, 25), Date(2026, 11, 20), True)

        """
        need_reason(self.label, why, "renegotiate the commitment")
        moved = transition(
            self, owner=self.label, action="be renegotiated", allowed=[_S.OPEN, _S.RENEGOTIATED],
            to=_S.RENEGOTIATED, by=by, at=at, why=why, due=due,
        )  # fmt: skip
        if moved.due == self.due:
            raise ValidationError.single(
                f"{self.label}.due",
                f"expected a new due date (it is already due on {self.due.isoformat()}), "
                f"got {describe(moved.due)}",
            )
        return moved
