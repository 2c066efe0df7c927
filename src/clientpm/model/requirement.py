"""Requirements: what the client asked for and signed off (D1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from clientpm._checks import MAX_DAYS, Checks, Identified, field_names
from clientpm._convert import (
    to_datetime,
    to_decimal_or_keep,
    to_enum,
    to_optional_datetime,
    to_optional_decimal,
    to_strings,
    to_tuple,
)
from clientpm.enums import Priority, RequirementKind, RequirementStatus
from clientpm.errors import IllegalTransitionError, ValidationError
from clientpm.model.history import Transition, need_reason, record, transition

__all__ = ["Requirement"]


def _to_priority(value: object) -> Priority:
    return to_enum(Priority, value)


def _to_requirement_kind(value: object) -> RequirementKind:
    return to_enum(RequirementKind, value)


def _to_requirement_status(value: object) -> RequirementStatus:
    return to_enum(RequirementStatus, value)


_S = RequirementStatus

_REMOVABLE = (_S.DRAFT, _S.SIGNED_OFF, _S.DONE)

#: Fields only the named transitions (sign_off, complete, remove) set.
_LIFECYCLE_FIELDS = frozenset(
    {"status", "signed_off_by", "signed_off_at", "baseline_estimate_days", "completed_at",
     "history"}
)  # fmt: skip


@attrs.frozen
class Requirement(Identified):
    """Something the client needs, with the criteria that prove it is done.

    A requirement is *draft* until the client signs it off (who and when);
    only signed-off requirements form the scope baseline. A signed-off
    requirement cannot be edited in place: changing it is a change request.

    Attributes:
        id: Stable id such as ``"REQ-1"``.
        title: Short name.
        kind: Functional, non-functional or business.
        priority: MoSCoW priority.
        estimate_days: Remaining-work estimate in person-days (>= 0), the most
            likely value.
        acceptance_criteria: Statements the client checks at acceptance.
        description: Longer text.
        optimistic_days: Optional optimistic estimate (three-point estimating).
        pessimistic_days: Optional pessimistic estimate.
        status: draft, signed_off, done or removed.
        signed_off_by: Who on the client's side signed it off.
        signed_off_at: When.
        baseline_estimate_days: The estimate when it was signed off; approved
            changes revise ``estimate_days`` but keep this, so growth stays visible.
        completed_at: When the work was finished.
        history: Every transition, with who, when and why.

    Example:
        >>> import pendulum
        >>> from clientpm import Requirement, Priority
        >>> req = Requirement(id="REQ-1", title="Single sign-on", priority=Priority.MUST,
        ...                   estimate_days=8,
        ...                   acceptance_criteria=["Staff log in with the corporate account"])
        >>> at = pendulum.datetime(2026, 11, 3, 10, tz="Asia/Shanghai")
        >>> signed = req.sign_off(by="li.wei", at=at)
        >>> signed.status.value, signed.baseline_estimate_days, req.status.value
        ('signed_off', Decimal('8'), 'draft')

    """

    id: str
    title: str
    kind: RequirementKind = attrs.field(
        default=RequirementKind.FUNCTIONAL, converter=_to_requirement_kind
    )
    priority: Priority = attrs.field(default=Priority.MUST, converter=_to_priority)
    estimate_days: Decimal = attrs.field(default=Decimal(0), converter=to_decimal_or_keep)
    acceptance_criteria: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    description: str = ""
    optimistic_days: Decimal | None = attrs.field(default=None, converter=to_optional_decimal)
    pessimistic_days: Decimal | None = attrs.field(default=None, converter=to_optional_decimal)
    status: RequirementStatus = attrs.field(
        default=RequirementStatus.DRAFT, converter=_to_requirement_status
    )
    signed_off_by: str | None = None
    signed_off_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    baseline_estimate_days: Decimal | None = attrs.field(
        default=None, converter=to_optional_decimal
    )
    completed_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    history: tuple[Transition, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("title", self.title)
        c.choice("kind", self.kind, RequirementKind)
        c.choice("priority", self.priority, Priority)
        c.number("estimate_days", self.estimate_days, low=0, high=MAX_DAYS)
        c.strings("acceptance_criteria", self.acceptance_criteria, what="criterion")
        c.free_text("description", self.description)
        c.number("optimistic_days", self.optimistic_days, low=0, high=MAX_DAYS, optional=True)
        c.number("pessimistic_days", self.pessimistic_days, low=0, high=MAX_DAYS, optional=True)
        c.choice("status", self.status, RequirementStatus)
        c.text("signed_off_by", self.signed_off_by, optional=True)
        c.instant("signed_off_at", self.signed_off_at, optional=True)
        baseline = self.baseline_estimate_days
        c.number("baseline_estimate_days", baseline, low=0, high=MAX_DAYS, optional=True)
        c.instant("completed_at", self.completed_at, optional=True)
        c.items("history", self.history, Transition, "a Transition")
        c.raise_if_any()
        self._check_consistency(c)
        c.raise_if_any()

    def _check_consistency(self, c: Checks) -> None:
        low, most, high = self.optimistic_days, self.estimate_days, self.pessimistic_days
        if low is not None and low > most:
            c.add("optimistic_days", f"expected at most estimate_days ({most}), got {low}")
        if high is not None and high < most:
            c.add("pessimistic_days", f"expected at least estimate_days ({most}), got {high}")
        signed = self.signed_off_by is not None and self.signed_off_at is not None
        if self.status in {_S.SIGNED_OFF, _S.DONE} and not signed:
            c.add(
                "signed_off_by",
                f"a {self.status.value} requirement needs signed_off_by and signed_off_at, "
                f"got {self.signed_off_by!r} and {self.signed_off_at!r}",
            )
        if self.status is _S.DRAFT and (self.signed_off_by or self.signed_off_at):
            c.add(
                "status",
                "a requirement with a sign-off must not be draft; use sign_off() to record it",
            )
        if self.status is _S.DONE and self.completed_at is None:
            c.add("completed_at", "a done requirement needs completed_at, got None")

    # -- lifecycle ----------------------------------------------------------
    @property
    def in_scope(self) -> bool:
        """Whether it belongs to the signed-off scope baseline."""
        return self.status.in_scope

    @property
    def is_done(self) -> bool:
        """Whether the work is finished."""
        return self.status is _S.DONE

    def sign_off(self, *, by: str, at: pendulum.DateTime, why: str = "") -> Requirement:
        """Record the client's sign-off; the estimate becomes the baseline.

        Raises:
            IllegalTransitionError: unless the requirement is a draft.
            ValidationError: when it has no acceptance criteria to sign off against.

        Example:
            >>> import pendulum
            >>> r = Requirement(id="R", title="Export", estimate_days=2,
            ...                 acceptance_criteria=["CSV"])
            >>> r.sign_off(by="li.wei", at=pendulum.datetime(2026, 11, 3, tz="UTC")).signed_off_by
            'li.wei'

        """
        if self.status is _S.DRAFT and not self.acceptance_criteria:
            c = Checks(self.label)
            c.add(
                "acceptance_criteria",
                "expected at least one acceptance criterion before sign-off, got none "
                "(the client signs off against them)",
            )
            c.raise_if_any()
        return transition(
            self, owner=self.label, action="be signed off", allowed=[_S.DRAFT],
            to=_S.SIGNED_OFF, by=by, at=at, why=why or "signed off by the client",
            signed_off_by=by, signed_off_at=to_datetime(at),
            baseline_estimate_days=self.estimate_days,
        )  # fmt: skip

    def complete(self, *, by: str, at: pendulum.DateTime, why: str = "") -> Requirement:
        """Mark the work done.

        Example:
            >>> import pendulum
            >>> at = pendulum.datetime(2026, 11, 3, tz="UTC")
            >>> r = Requirement(id="R", title="Export", acceptance_criteria=["CSV"])
            >>> r.sign_off(by="li.wei", at=at).complete(by="dev", at=at).is_done
            True

        """
        return transition(
            self, owner=self.label, action="be completed", allowed=[_S.SIGNED_OFF],
            to=_S.DONE, by=by, at=at, why=why or "work completed", completed_at=to_datetime(at),
        )  # fmt: skip

    def edit(
        self, *, by: str | None = None, at: object = None, why: str = "", **changes: Any
    ) -> Requirement:
        """Edit a draft requirement, recording who edited it and when.

        A signed-off (done, removed) requirement is not edited in place: its
        content changes only by an applied change request (D1). Since 0.2 an
        edit is recorded in the history, so ``by`` and ``at`` are required.

        Raises:
            IllegalTransitionError: when the requirement is signed off, done or
                removed, or when ``changes`` name a lifecycle field.
            ValidationError: without ``by`` and ``at``, or for bad values.

        Example:
            >>> import pendulum
            >>> at = pendulum.datetime(2026, 11, 3, tz="UTC")
            >>> r = Requirement(id="REQ-1", title="SSO", acceptance_criteria=["log in"])
            >>> e = r.edit(title="Single sign-on", by="chen.jie", at=at)
            >>> e.title, e.history[-1].why
            ('Single sign-on', 'edited: title')
            >>> e.sign_off(by="li.wei", at=at).edit(title="x", by="chen.jie", at=at)
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Requirement 'REQ-1' is signed_off and cannot be edited in place: submit a ChangeRequest (e.g. ReviseEstimate) and apply it once approved

        """  # noqa: E501
        if self.status is not _S.DRAFT:
            raise IllegalTransitionError(
                f"{self.label} is {self.status.value} and cannot be edited in place: submit a "
                "ChangeRequest (e.g. ReviseEstimate) and apply it once approved"
            )
        protected = _LIFECYCLE_FIELDS & changes.keys()
        if protected:
            raise IllegalTransitionError(
                f"{self.label}: edit() cannot set {', '.join(sorted(protected))}; "
                "use sign_off() or complete()"
            )
        field_names(self.label, Requirement, changes, "edit")
        if by is None or at is None:
            raise ValidationError.single(
                f"{self.label}.edit",
                f"expected by= and at= (who edited it and when; the edit is recorded in the "
                f"history), got by={by!r}, at={at!r}",
            )
        history = record(
            self.history, to_status=str(self.status.value), from_status=str(self.status.value),
            by=by, at=at, why=why or f"edited: {', '.join(sorted(changes))}", owner=self.label,
        )  # fmt: skip
        return attrs.evolve(self, history=history, **changes)

    def remove(self, *, by: str, at: pendulum.DateTime, why: str) -> Requirement:
        """Take a requirement out of the scope (or drop a draft), saying why.

        Used by :meth:`Project.apply` for a :class:`RemoveRequirement`: inside a
        project, a signed-off requirement leaves the scope only that way. A draft
        was never signed off, so dropping one saves nothing to pay for, but it is
        recorded all the same. A removed requirement stays removed.

        Raises:
            IllegalTransitionError: when the requirement is already removed.
            ValidationError: for a blank reason, or a bad ``by`` or ``at``.

        Example:
            >>> import pendulum
            >>> at = pendulum.datetime(2026, 11, 3, tz="UTC")
            >>> r = Requirement(id="R", title="Export", acceptance_criteria=["CSV"])
            >>> gone = r.sign_off(by="li.wei", at=at).remove(by="li.wei", at=at, why="CR-3")
            >>> gone.status.value, gone.signed_off_by
            ('removed', 'li.wei')
            >>> gone.remove(by="li.wei", at=at, why="CR-4")
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Requirement 'R' cannot be removed: it is removed (allowed from: draft, signed_off, done)

        """  # noqa: E501
        need_reason(self.label, why, "remove the requirement")
        return transition(
            self, owner=self.label, action="be removed", allowed=_REMOVABLE,
            to=_S.REMOVED, by=by, at=at, why=why,
        )  # fmt: skip

    def revise(self, *, by: str, at: pendulum.DateTime, why: str, **changes: Any) -> Requirement:
        """Change a requirement under an approved change request, recording it in the history.

        Used by :meth:`Project.apply`; the baseline estimate is kept. The status
        changes only through the named transitions: ``status="removed"`` is the
        same as :meth:`remove`, any other new status is refused, and so are the
        sign-off, completion and history fields. A removed requirement is
        not signed off (or completed) again.

        Raises:
            IllegalTransitionError: for a status change other than a removal of a
                signed-off or done requirement, or a lifecycle field in ``changes``.

        Example:
            >>> import pendulum
            >>> at = pendulum.datetime(2026, 11, 3, tz="UTC")
            >>> r = Requirement(id="R", title="Export", estimate_days=2,
            ...                 acceptance_criteria=["CSV"])
            >>> r2 = r.sign_off(by="li.wei", at=at).revise(by="li.wei", at=at, why="CR-1",
            ...                                            estimate_days=5)
            >>> r2.estimate_days, r2.baseline_estimate_days
            (Decimal('5'), Decimal('2'))
            >>> r2.revise(by="li.wei", at=at, why="CR-2", status="draft")
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Requirement 'R' cannot be revised to draft: a status changes only through sign_off(), complete() and remove() (it is signed_off)

        """  # noqa: E501
        status = to_enum(RequirementStatus, changes.pop("status", self.status))
        if not isinstance(status, RequirementStatus):
            c = Checks(self.label)
            c.choice("status", status, RequirementStatus)
            c.raise_if_any()
        protected = (_LIFECYCLE_FIELDS - {"status"}) & changes.keys()
        if protected:
            raise IllegalTransitionError(
                f"{self.label}: revise() cannot set {', '.join(sorted(protected))}; "
                "they are recorded by sign_off(), complete() and remove()"
            )
        field_names(self.label, Requirement, changes, "revise")
        if status is _S.REMOVED and self.status is not _S.REMOVED:
            need_reason(self.label, why, "remove the requirement")
        elif status is not self.status:
            raise IllegalTransitionError(
                f"{self.label} cannot be revised to {status.value}: a status changes only "
                f"through sign_off(), complete() and remove() (it is {self.status.value})"
            )
        history = record(
            self.history, to_status=str(status.value), from_status=str(self.status.value),
            by=by, at=at, why=why, owner=self.label,
        )  # fmt: skip
        return attrs.evolve(self, status=status, history=history, **changes)
