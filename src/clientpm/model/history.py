"""History: the append-only record of who changed what, when and why.

Every stateful domain object keeps a tuple of :class:`Transition`; its named
transitions (``sign_off``, ``approve``, ``close`` …) go through
:func:`transition`, which checks the lifecycle and appends one entry.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs
import pendulum

from clientpm._checks import Checks, describe
from clientpm._convert import to_datetime
from clientpm.errors import IllegalTransitionError, Problem, ValidationError

__all__ = ["Transition", "illegal", "need_reason", "only_grows", "record", "transition"]


@attrs.frozen
class Transition:
    """One entry of an object's history: who changed what, when and why.

    Attributes:
        to_status: The status after the change (the same as ``from_status``
            for an edit that keeps the status, such as a revised estimate).
        from_status: The status before the change (``None`` when created).
        by: Who made the change (a stakeholder id or a name).
        at: When, as a time-zone-aware ``pendulum.DateTime``.
        why: The reason or note, in plain words.

    Example:
        >>> import pendulum
        >>> t = Transition("signed_off", "draft", "li.wei",
        ...                pendulum.datetime(2026, 11, 3, 10, tz="Asia/Shanghai"), "reviewed")
        >>> t.by, t.at.isoformat()
        ('li.wei', '2026-11-03T10:00:00+08:00')

    """

    to_status: str
    from_status: str | None
    by: str
    at: pendulum.DateTime = attrs.field(converter=to_datetime)
    why: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checks("Transition")
        c.text("to_status", self.to_status)
        c.text("from_status", self.from_status, optional=True)
        c.text("by", self.by)
        c.instant("at", self.at)
        c.free_text("why", self.why)
        c.raise_if_any()


def record(
    history: tuple[Transition, ...],
    *,
    to_status: str,
    from_status: str | None,
    by: str,
    at: object,
    why: str,
    owner: str,
) -> tuple[Transition, ...]:
    """Append a validated transition to ``history``, naming ``owner`` in errors.

    Example:
        >>> h = record((), to_status="open", from_status=None, by="pm",
        ...            at="2026-11-02T09:00:00+08:00", why="", owner="Risk 'R1'")
        >>> h[0].to_status
        'open'

    """
    try:
        entry = Transition(to_status, from_status, by, to_datetime(at), why)
    except ValidationError as err:
        raise ValidationError(
            Problem(p.where.replace("Transition", owner, 1), p.message) for p in err.problems
        ) from None
    if history and entry.at < history[-1].at:
        raise ValidationError.single(
            f"{owner}.at",
            f"expected a time not before the previous entry of the history "
            f"({history[-1].at.isoformat()}), got {entry.at.isoformat()}",
        )
    return (*history, entry)


def _entry(t: Transition) -> str:
    return f"{t.from_status} -> {t.to_status} by {t.by!r} at {t.at.isoformat()}"


def only_grows(old: object, new: object, *, owner: str) -> None:
    """Refuse ``new`` unless its history is ``old``'s history plus new entries.

    A history is append-only: every entry ``old`` recorded must still be there,
    unchanged and in order; the new entries must follow on from the old status
    one step at a time (each starts where the previous one ended) and not before
    the last recorded time; and once the status or the history changes, the
    status must be the one the last entry records. ``old`` and ``new`` are two
    versions of the same stateful object (with ``status`` and ``history``).

    Raises:
        IllegalTransitionError: naming ``owner``, the field and the entry or value.

    Example:
        >>> import pendulum
        >>> from clientpm import Risk
        >>> r = Risk(id="R1", title="Key developer leaves", probability=2, impact=4,
        ...          owner="pm", next_review="2026-12-01")
        >>> closed = r.close(by="pm", at=pendulum.datetime(2026, 11, 24, tz="UTC"), why="hired")
        >>> only_grows(r, closed, owner="Risk 'R1'")  # one entry appended: fine
        >>> import attrs
        >>> only_grows(closed, attrs.evolve(closed, history=()), owner="Risk 'R1'")
        Traceback (most recent call last):
        ...
        clientpm.errors.IllegalTransitionError: Risk 'R1'.history is append-only: entry 1 of 1 (open -> closed by 'pm' at 2026-11-24T00:00:00+00:00) is missing, got 0 entries

    """  # noqa: E501
    before: tuple[Transition, ...] = getattr(old, "history")  # noqa: B009
    after: tuple[Transition, ...] = getattr(new, "history")  # noqa: B009
    old_status, new_status = getattr(old, "status"), getattr(new, "status")  # noqa: B009
    if before == after and old_status == new_status:
        return
    for i, entry in enumerate(before):
        if i >= len(after) or after[i] != entry:
            what = "is missing" if i >= len(after) else f"was rewritten as ({_entry(after[i])})"
            raise IllegalTransitionError(
                f"{owner}.history is append-only: entry {i + 1} of {len(before)} "
                f"({_entry(entry)}) {what}, got {len(after)} entries"
            )
    status = str(old_status.value)
    last_at = before[-1].at if before else None
    for i, entry in enumerate(after[len(before) :], start=len(before) + 1):
        if entry.from_status != status:
            raise IllegalTransitionError(
                f"{owner}.history: new entry {i} ({_entry(entry)}) does not follow on from "
                f"status {status}: a status changes only through its named transitions"
            )
        if last_at is not None and entry.at < last_at:
            raise IllegalTransitionError(
                f"{owner}.history: new entry {i} ({_entry(entry)}) is dated before the "
                f"last recorded entry ({last_at.isoformat()})"
            )
        status, last_at = entry.to_status, entry.at
    if str(new_status.value) != status:
        source = "the last entry of its history" if after else "its status before"
        raise IllegalTransitionError(
            f"{owner}.status: expected {status} ({source}), got {new_status.value}: "
            "a status changes only through its named transitions, which record it"
        )


def need_reason(owner: str, why: object, purpose: str) -> None:
    """Refuse a blank reason for a step that must say why (D4, D8).

    Raises:
        ValidationError: naming ``owner``'s ``why`` field, for anything but non-blank text.

    Example:
        >>> need_reason("Commitment 'P1'", " ", "miss the commitment")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: Commitment 'P1'.why: expected a reason to miss the commitment, got str ' '

    """  # noqa: E501
    if not isinstance(why, str) or not why.strip():
        raise ValidationError.single(
            f"{owner}.why", f"expected a reason to {purpose}, got {describe(why)}"
        )


def illegal(
    owner: str, action: str, status: enum.Enum, allowed: Iterable[enum.Enum]
) -> IllegalTransitionError:
    """Build the error for a transition the lifecycle forbids.

    Example:
        >>> from clientpm.enums import RiskStatus
        >>> str(illegal("Risk 'R1'", "close", RiskStatus.CLOSED, [RiskStatus.OPEN]))
        "Risk 'R1' cannot close: it is closed (allowed from: open)"

    """
    names = ", ".join(str(s.value) for s in allowed)
    return IllegalTransitionError(
        f"{owner} cannot {action}: it is {status.value} (allowed from: {names})"
    )


Stateful = TypeVar("Stateful")


def transition(
    obj: Stateful,
    *,
    owner: str,
    action: str,
    allowed: Iterable[enum.Enum],
    to: enum.Enum,
    by: str,
    at: object,
    why: str = "",
    **changes: Any,
) -> Stateful:
    """Return ``obj`` moved to status ``to``, with the change recorded in its history.

    ``obj`` must have ``status`` and ``history`` attributes. Raises
    :class:`~clientpm.IllegalTransitionError` when its status is not in
    ``allowed``, and :class:`~clientpm.ValidationError` for a bad ``by``/``at``;
    ``obj`` itself never changes.

    Example:
        >>> import pendulum
        >>> from clientpm import Risk
        >>> r = Risk(id="R1", title="Key developer leaves", probability=2, impact=4, owner="pm",
        ...          next_review="2026-12-01")
        >>> transition(r, owner="Risk 'R1'", action="close", allowed=[r.status],
        ...            to=type(r.status).CLOSED, by="pm", at="2026-11-24T10:00:00+08:00").status
        <RiskStatus.CLOSED: 'closed'>

    """
    status = getattr(obj, "status")  # noqa: B009 - any stateful domain object
    allowed = tuple(allowed)
    if status not in allowed:
        raise illegal(owner, action, status, allowed)
    history = record(
        getattr(obj, "history"),  # noqa: B009
        to_status=str(to.value),
        from_status=str(status.value),
        by=by,
        at=at,
        why=why,
        owner=owner,
    )
    return attrs.evolve(obj, status=to, history=history, **changes)  # type: ignore[misc]
