"""Change requests and the changes they carry (D4, D5, D6).

A change request is a state machine::

    submitted -> assessed -> approved -> implemented
                          -> rejected
                          -> deferred -> assessed (again)
    submitted | assessed | deferred -> withdrawn

It cannot be approved **or rejected** before it has been assessed (D5: never
reject on the spot — record it, evaluate it, then answer), and approval needs
the client's acceptance of the assessed impact and a billing decision (D4, D6).

Every approval is recorded, with who, when and why, in the history and in
``approvals``: the client's (:meth:`ChangeRequest.approve`, which makes the
request *approved*) and those of the other approvers the assessment names
(:meth:`ChangeRequest.record_approval`, in any order). A named approver who
records the assessment approves its answer by doing so, unless it recommends
rejecting. Approving a change the assessment recommends rejecting needs a
reason. Who may approve, and whether every named approver has, is the
project's rule (:meth:`Project.approve_change`, :meth:`Project.apply`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol, Union, runtime_checkable

import attrs
import pendulum

from clientpm._checks import MAX_DAYS, Checks, Identified, describe
from clientpm._convert import (
    enum_converter,
    to_date,
    to_datetime,
    to_decimal_or_keep,
    to_enum,
    to_optional_datetime,
    to_strings,
    to_tuple,
)
from clientpm.enums import Billing, ChangeStatus, Recommendation, RequirementStatus
from clientpm.errors import IllegalTransitionError, ValidationError
from clientpm.locale import check_locale, say
from clientpm.model.history import Transition, illegal, need_reason, transition
from clientpm.model.requirement import Requirement
from clientpm.money import Money

__all__ = [
    "CHANGE_TYPES",
    "AddRequirement",
    "Assessment",
    "Change",
    "ChangeRequest",
    "MoveMilestone",
    "RemoveRequirement",
    "ReviseEstimate",
    "SupportsAssessment",
]


def _to_change_status(value: object) -> ChangeStatus:
    return to_enum(ChangeStatus, value)


def _to_recommendation(value: object) -> Recommendation:
    return to_enum(Recommendation, value)


def _to_optional_billing(value: object) -> Billing | None:
    return to_enum(Billing, value)  # None is not a Billing value: kept as None


_S = ChangeStatus


@attrs.frozen
class AddRequirement:
    """Add a new requirement to the scope, optionally to a milestone's deliverables.

    Attributes:
        requirement: The new requirement (its status is set when the change is applied).
        milestone: Id of the milestone that will deliver it, if any.

    Example:
        >>> from clientpm import AddRequirement, Requirement
        >>> AddRequirement(Requirement(id="REQ-9", title="Export to Excel", estimate_days=3),
        ...                milestone="M2").describe()
        "add requirement 'REQ-9' (3 person-days) to milestone 'M2'"

    """

    requirement: Requirement
    milestone: str | None = None

    def __attrs_post_init__(self) -> None:
        c = Checks("AddRequirement")
        if not isinstance(self.requirement, Requirement):
            c.add("requirement", f"expected a Requirement, got {describe(self.requirement)}")
        elif self.requirement.status is not RequirementStatus.DRAFT:
            c.add(
                "requirement",
                f"expected a draft requirement (the client's approval of the change signs it "
                f"off), got {self.requirement.id!r} with status {self.requirement.status.value}",
            )
        if self.milestone is not None:
            c.identifier("milestone", self.milestone)
        c.raise_if_any()

    def describe(self, locale: str = "en") -> str:
        """Say what the change does, in plain words, in ``locale``.

        Example:
            >>> from clientpm import AddRequirement, Requirement
            >>> req = Requirement(id="REQ-9", title="Export", estimate_days=3)
            >>> AddRequirement(req).describe("zh"), AddRequirement(req, "M2").describe("zh")
            ("新增需求 'REQ-9'（3 人天）", "新增需求 'REQ-9'（3 人天），由里程碑 'M2' 交付")

        """
        r = self.requirement
        key = "change.describe.add_to" if self.milestone else "change.describe.add"
        code = check_locale(locale, "AddRequirement.describe.locale")
        return say(code, key, id=r.id, days=r.estimate_days, milestone=self.milestone)


@attrs.frozen
class ReviseEstimate:
    """Change the estimate of an existing requirement.

    Attributes:
        requirement_id: The requirement to revise.
        estimate_days: The new estimate in person-days (>= 0).

    Example:
        >>> from clientpm import ReviseEstimate
        >>> ReviseEstimate("REQ-1", "12").describe()
        "revise the estimate of requirement 'REQ-1' to 12 person-days"

    """

    requirement_id: str
    estimate_days: Decimal = attrs.field(converter=to_decimal_or_keep)

    def __attrs_post_init__(self) -> None:
        c = Checks("ReviseEstimate")
        c.identifier("requirement_id", self.requirement_id)
        c.number("estimate_days", self.estimate_days, low=0, high=MAX_DAYS)
        c.raise_if_any()

    def describe(self, locale: str = "en") -> str:
        """Say what the change does, in plain words, in ``locale``.

        Example:
            >>> ReviseEstimate("REQ-1", "12").describe("zh")
            "将需求 'REQ-1' 的估算改为 12 人天"

        """
        code = check_locale(locale, "ReviseEstimate.describe.locale")
        return say(code, "change.describe.revise", id=self.requirement_id, days=self.estimate_days)


@attrs.frozen
class RemoveRequirement:
    """Take a requirement out of the scope.

    Attributes:
        requirement_id: The requirement to remove.

    Example:
        >>> from clientpm import RemoveRequirement
        >>> RemoveRequirement("REQ-3").describe()
        "remove requirement 'REQ-3' from the scope"

    """

    requirement_id: str

    def __attrs_post_init__(self) -> None:
        c = Checks("RemoveRequirement")
        c.identifier("requirement_id", self.requirement_id)
        c.raise_if_any()

    def describe(self, locale: str = "en") -> str:
        """Say what the change does, in plain words, in ``locale``.

        Example:
            >>> RemoveRequirement("REQ-3").describe("zh")
            "从范围中删除需求 'REQ-3'"

        """
        code = check_locale(locale, "RemoveRequirement.describe.locale")
        return say(code, "change.describe.remove", id=self.requirement_id)


@attrs.frozen
class MoveMilestone:
    """Move a milestone's due date (its baseline stays).

    Attributes:
        milestone_id: The milestone to move.
        due: The new due date.

    Example:
        >>> from clientpm import MoveMilestone
        >>> MoveMilestone("M2", "2027-01-15").describe()
        "move milestone 'M2' to 2027-01-15"

    """

    milestone_id: str
    due: pendulum.Date = attrs.field(converter=to_date)

    def __attrs_post_init__(self) -> None:
        c = Checks("MoveMilestone")
        c.identifier("milestone_id", self.milestone_id)
        c.date("due", self.due)
        c.raise_if_any()

    def describe(self, locale: str = "en") -> str:
        """Say what the change does, in plain words, in ``locale``.

        Example:
            >>> MoveMilestone("M2", "2027-01-15").describe("zh")
            "将里程碑 'M2' 的到期日改为 2027-01-15"

        """
        code = check_locale(locale, "MoveMilestone.describe.locale")
        return say(code, "change.describe.move", id=self.milestone_id, date=self.due.isoformat())


#: One change carried by a change request.
Change = Union[AddRequirement, ReviseEstimate, RemoveRequirement, MoveMilestone]  # noqa: UP007
CHANGE_TYPES = (AddRequirement, ReviseEstimate, RemoveRequirement, MoveMilestone)


@attrs.frozen
class Assessment:
    """What an impact assessment concluded, as kept on the change request.

    :func:`clientpm.assess_change` computes the full impact; its
    ``to_assessment()`` gives this record.

    Attributes:
        effort_days: Change in effort, person-days (negative when scope shrinks).
        cost: Change in cost.
        slip_days: The largest slip of any milestone, in working days.
        recommendation: reject, absorb (free) or bill (paid).
        summary: The reasons, in plain words.
        price: The price to quote the client for a paid change.
        approvers: Who must approve it (ids or roles), per the change policy.

    Example:
        >>> from clientpm import Assessment, Money, Recommendation
        >>> a = Assessment(effort_days=3, cost=Money("12000", "CNY"), slip_days=2,
        ...                recommendation=Recommendation.BILL, summary="3 days of new work",
        ...                price=Money("12000", "CNY"))
        >>> a.recommendation.value
        'bill'

    """

    effort_days: Decimal = attrs.field(converter=to_decimal_or_keep)
    cost: Money
    slip_days: int
    recommendation: Recommendation = attrs.field(converter=_to_recommendation)
    summary: str
    price: Money | None = None
    approvers: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        c = Checks("Assessment")
        c.number("effort_days", self.effort_days)
        c.money("cost", self.cost)
        c.integer("slip_days", self.slip_days)
        c.choice("recommendation", self.recommendation, Recommendation)
        c.text("summary", self.summary)
        c.money("price", self.price, optional=True)
        c.strings("approvers", self.approvers, what="approver")
        c.raise_if_any()

    def to_assessment(self) -> Assessment:
        """Return itself, so an Assessment can be passed wherever an impact is."""
        return self


@runtime_checkable
class SupportsAssessment(Protocol):
    """Anything that can be recorded as an :class:`Assessment` (e.g. ``ChangeImpact``)."""

    def to_assessment(self) -> Assessment:
        """Summarise as an :class:`Assessment`."""
        ...


def _submitted(self: ChangeRequest) -> tuple[Transition, ...]:
    try:
        return (Transition("submitted", None, self.requested_by, self.submitted_at, self.reason),)
    except ValidationError:
        return ()  # the request's own checks report the bad field


@attrs.frozen
class ChangeRequest(Identified):
    """A request to change the agreed scope, schedule or budget.

    Attributes:
        id: Stable id such as ``"CR-1"``.
        title: Short name.
        requested_by: Id of the stakeholder who asked.
        submitted_at: When the request was recorded.
        reason: Why the client wants it, in their words.
        changes: What would change: :class:`AddRequirement`,
            :class:`ReviseEstimate`, :class:`RemoveRequirement`,
            :class:`MoveMilestone`.
        status: See the module docstring for the lifecycle.
        assessment: The recorded impact assessment, once assessed.
        decided_by: Who approved, rejected or deferred it (for approval, the
            client who accepted the impact); cleared when it is assessed again.
        decided_at: When.
        billing: For an approved change, free or paid (D6).
        history: Every transition, with who, when and why.
        approvals: The entries of the history that record an approval of the
            current assessment, the client's included (cleared when it is
            assessed again); see :meth:`record_approval`.

    Example:
        >>> import pendulum
        >>> from clientpm import ChangeRequest, ReviseEstimate, Assessment, Money, Billing
        >>> at = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")
        >>> cr = ChangeRequest(id="CR-1", title="Bigger SSO", requested_by="li.wei",
        ...                    submitted_at=at, reason="Add WeChat login",
        ...                    changes=[ReviseEstimate("REQ-1", 12)])
        >>> cr.approve(by="li.wei", at=at, billing=Billing.PAID)
        Traceback (most recent call last):
        ...
        clientpm.errors.IllegalTransitionError: ChangeRequest 'CR-1' cannot be approved before it has been assessed: record the request, assess its impact on scope, schedule and budget, then answer (it is submitted)
        >>> a = Assessment(effort_days=4, cost=Money("16000", "CNY"), slip_days=4,
        ...                recommendation="bill", summary="4 more days", price=Money("16000", "CNY"))
        >>> cr.assess(a, by="pm", at=at).approve(by="li.wei", at=at, billing="paid").status
        <ChangeStatus.APPROVED: 'approved'>

    """  # noqa: E501

    id: str
    title: str
    requested_by: str
    submitted_at: pendulum.DateTime = attrs.field(converter=to_datetime)
    reason: str
    changes: tuple[Change, ...] = attrs.field(converter=to_tuple)
    status: ChangeStatus = attrs.field(default=ChangeStatus.SUBMITTED, converter=_to_change_status)
    assessment: Assessment | None = None
    decided_by: str | None = None
    decided_at: pendulum.DateTime | None = attrs.field(default=None, converter=to_optional_datetime)
    billing: Billing | None = attrs.field(default=None, converter=_to_optional_billing)
    history: tuple[Transition, ...] = attrs.field(
        default=attrs.Factory(_submitted, takes_self=True), converter=to_tuple
    )
    approvals: tuple[Transition, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("title", self.title)
        c.identifier("requested_by", self.requested_by)
        c.instant("submitted_at", self.submitted_at)
        c.text("reason", self.reason)
        c.items(
            "changes",
            self.changes,
            CHANGE_TYPES,
            "a change (AddRequirement, ReviseEstimate, RemoveRequirement or MoveMilestone)",
        )
        if isinstance(self.changes, tuple) and not self.changes:
            c.add("changes", "expected at least one change, got none")
        c.choice("status", self.status, ChangeStatus)
        if self.assessment is not None and not isinstance(self.assessment, Assessment):
            c.add("assessment", f"expected an Assessment, got {describe(self.assessment)}")
        c.text("decided_by", self.decided_by, optional=True)
        c.instant("decided_at", self.decided_at, optional=True)
        if self.billing is not None:
            c.choice("billing", self.billing, Billing)
        c.items("history", self.history, Transition, "a Transition")
        c.items("approvals", self.approvals, Transition, "a Transition")
        c.raise_if_any()
        for i, entry in enumerate(self.approvals):
            if entry not in self.history:
                c.add(
                    f"approvals[{i}]",
                    f"expected an entry of the history (an approval is recorded there), "
                    f"got {entry.by!r} at {entry.at.isoformat()}",
                )
        needs_assessment = {_S.ASSESSED, _S.APPROVED, _S.REJECTED, _S.DEFERRED, _S.IMPLEMENTED}
        if self.status in needs_assessment and self.assessment is None:
            c.add(
                "assessment", f"a {self.status.value} change request needs an assessment, got None"
            )
        if self.status in {_S.APPROVED, _S.IMPLEMENTED} and (
            self.billing is None or self.decided_by is None or self.decided_at is None
        ):
            c.add(
                "billing",
                f"a {self.status.value} change request needs decided_by, decided_at "
                "and billing (free or paid)",
            )
        c.raise_if_any()

    # -- lifecycle ----------------------------------------------------------
    def _must_be_assessed(self, verb: str) -> None:
        if self.status is _S.SUBMITTED:
            raise IllegalTransitionError(
                f"{self.label} cannot be {verb} before it has been assessed: record the "
                "request, assess its impact on scope, schedule and budget, then answer "
                f"(it is {self.status.value})"
            )

    def assess(
        self, impact: SupportsAssessment, *, by: str, at: pendulum.DateTime, why: str = ""
    ) -> ChangeRequest:
        """Record the impact assessment (a ``ChangeImpact`` or an :class:`Assessment`).

        Allowed while submitted, assessed (a re-assessment) or deferred. The request
        then awaits a new decision, so a deferral's ``decided_by`` and ``decided_at``
        are cleared, and so are the approvals of an earlier assessment. When ``by``
        is one of the approvers the assessment names and it does not recommend
        rejecting, recording it is ``by``'s approval (kept in ``approvals``).

        Raises:
            IllegalTransitionError: once the request is decided or withdrawn.
            ValidationError: when ``impact`` has no ``to_assessment()`` or it does not
                return an :class:`Assessment`, and for a bad ``by`` or ``at``.

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project
            >>> cr = sample_project().change_requests[0]
            >>> cr.status.value, cr.assessment is None
            ('submitted', True)

        """
        if not isinstance(impact, SupportsAssessment) or not callable(impact.to_assessment):
            raise ValidationError.single(
                f"{self.label}.assess.impact",
                f"expected a ChangeImpact or an Assessment, got {describe(impact)}",
            )
        assessment = impact.to_assessment()
        if not isinstance(assessment, Assessment):
            raise ValidationError.single(
                f"{self.label}.assessment",
                f"expected {type(impact).__name__}.to_assessment() to return an Assessment, "
                f"got {describe(assessment)}",
            )
        assessed = transition(
            self, owner=self.label, action="be assessed",
            allowed=[_S.SUBMITTED, _S.ASSESSED, _S.DEFERRED], to=_S.ASSESSED, by=by, at=at,
            why=why or f"assessed: {assessment.recommendation.value}; {assessment.summary}",
            assessment=assessment, decided_by=None, decided_at=None, billing=None, approvals=(),
        )  # fmt: skip
        if by in assessment.approvers and assessment.recommendation is not Recommendation.REJECT:
            # A named approver who records the assessment approves its answer.
            return attrs.evolve(assessed, approvals=assessed.history[-1:])
        return assessed

    def approve(
        self, *, by: str, at: pendulum.DateTime, billing: Billing | str, why: str = ""
    ) -> ChangeRequest:
        """Record that the client accepted the assessed impact and approved the change.

        Args:
            by: The client stakeholder who accepted the impact (checked
                against the project's stakeholders by :meth:`Project.apply`).
            at: When.
            billing: Free (the team absorbs it) or paid (the quoted price is added
                to the budget when applied).
            why: A note; by default the accepted impact is recorded. Required
                when the assessment recommends rejecting the change.

        Raises:
            IllegalTransitionError: before assessment (D5) or after a decision.
            ValidationError: for a missing or unknown billing decision, and for
                a blank ``why`` when the assessment recommends rejecting.

        Example:
            >>> import pendulum
            >>> from clientpm import Assessment, Money, sample_project
            >>> at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
            >>> no = Assessment(effort_days=30, cost=Money("120000", "CNY"), slip_days=20,
            ...                 recommendation="reject", summary="breaks the go-live date")
            >>> cr = sample_project().change_request("CR-1").assess(no, by="chen.jie", at=at)
            >>> cr.approve(by="li.wei", at=at, billing="paid")
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: ChangeRequest 'CR-1'.why: expected a reason to approve a change its assessment recommends rejecting, got str ''
            >>> done = cr.approve(by="li.wei", at=at, billing="paid", why="the board insists")
            >>> [(t.by, t.why) for t in done.approvals]
            [('li.wei', 'the board insists')]

        """  # noqa: E501
        self._must_be_assessed("approved")
        decision = enum_converter(Billing)(billing)
        if not isinstance(decision, Billing):
            raise ValidationError.single(
                f"{self.label}.billing",
                f"expected a billing decision, 'free' or 'paid', got {describe(billing)}",
            )
        if self.status is not _S.ASSESSED:
            raise illegal(self.label, "be approved", self.status, [_S.ASSESSED])
        assert self.assessment is not None  # an assessed request has one (its checks say so)
        summary = self.assessment.summary
        done = transition(
            self, owner=self.label, action="be approved", allowed=[_S.ASSESSED],
            to=_S.APPROVED, by=by, at=at,
            why=self._approval_why(
                why, f"client accepted the impact ({summary}); billing: {decision.value}"
            ),
            decided_by=by, decided_at=to_datetime(at), billing=decision,
        )  # fmt: skip
        return attrs.evolve(done, approvals=(*self.approvals, done.history[-1]))

    def _approval_why(self, why: str, default: str) -> str:
        """The reason an approval records; one is required against a *reject* recommendation."""
        assert self.assessment is not None
        if self.assessment.recommendation is Recommendation.REJECT:
            need_reason(self.label, why, "approve a change its assessment recommends rejecting")
        return why or default

    def record_approval(self, *, by: str, at: pendulum.DateTime, why: str = "") -> ChangeRequest:
        """Record the approval of one more approver, e.g. a manager the policy escalates to.

        The status does not change: the client's approval (:meth:`approve`)
        makes the request *approved*, before or after the others. The entry
        goes into the history and into ``approvals``. Who may approve, and
        whether everyone the assessment names has, is checked by
        :meth:`Project.approve_change` and :meth:`Project.apply`.

        Raises:
            IllegalTransitionError: before assessment (D5), unless the request is
                assessed or approved, or when ``by`` has already approved it.
            ValidationError: for a blank ``why`` when the assessment recommends
                rejecting, and for a bad ``by`` or ``at``.

        Example:
            >>> import pendulum
            >>> from clientpm import Assessment, Money, sample_project
            >>> at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
            >>> a = Assessment(effort_days=7, cost=Money("30800", "CNY"), slip_days=4,
            ...                recommendation="bill", summary="7 days",
            ...                approvers=["wang.fang", "li.wei"])
            >>> cr = sample_project().change_request("CR-1").assess(a, by="chen.jie", at=at)
            >>> cr = cr.record_approval(by="wang.fang", at=at.add(hours=1))
            >>> cr.status.value, [(t.by, t.why) for t in cr.approvals]
            ('assessed', [('wang.fang', 'approved the assessed impact (7 days)')])

        """
        self._must_be_assessed("approved")
        allowed = [_S.ASSESSED, _S.APPROVED]
        if self.status not in allowed:
            raise illegal(self.label, "be approved", self.status, allowed)
        for entry in self.approvals:
            if entry.by == by:
                raise IllegalTransitionError(
                    f"{self.label} was already approved by {by!r} at {entry.at.isoformat()}; "
                    "each approver approves once"
                )
        assert self.assessment is not None
        why = self._approval_why(why, f"approved the assessed impact ({self.assessment.summary})")
        done = transition(
            self, owner=self.label, action="be approved", allowed=allowed, to=self.status,
            by=by, at=at, why=why,
        )  # fmt: skip
        return attrs.evolve(done, approvals=(*self.approvals, done.history[-1]))

    def reject(self, *, by: str, at: pendulum.DateTime, why: str) -> ChangeRequest:
        """Reject an assessed request, saying why.

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project
            >>> cr = sample_project().change_requests[0]
            >>> cr.reject(by="pm", at=pendulum.datetime(2026, 11, 24, tz="UTC"), why="no")
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: ChangeRequest 'CR-1' cannot be rejected before it has been assessed: record the request, assess its impact on scope, schedule and budget, then answer (it is submitted)

        """  # noqa: E501
        self._must_be_assessed("rejected")
        need_reason(self.label, why, "reject the request")
        return transition(
            self, owner=self.label, action="be rejected", allowed=[_S.ASSESSED],
            to=_S.REJECTED, by=by, at=at, why=why, decided_by=by, decided_at=to_datetime(at),
        )  # fmt: skip

    def defer(self, *, by: str, at: pendulum.DateTime, why: str) -> ChangeRequest:
        """Put an assessed request on hold; it can be assessed again later."""
        self._must_be_assessed("deferred")
        need_reason(self.label, why, "defer the request")
        return transition(
            self, owner=self.label, action="be deferred", allowed=[_S.ASSESSED],
            to=_S.DEFERRED, by=by, at=at, why=why, decided_by=by, decided_at=to_datetime(at),
        )  # fmt: skip

    def withdraw(self, *, by: str, at: pendulum.DateTime, why: str) -> ChangeRequest:
        """The requester withdraws a request that is not yet decided or implemented."""
        need_reason(self.label, why, "withdraw the request")
        return transition(
            self, owner=self.label, action="be withdrawn",
            allowed=[_S.SUBMITTED, _S.ASSESSED, _S.DEFERRED], to=_S.WITHDRAWN,
            by=by, at=at, why=why,
        )  # fmt: skip

    def mark_implemented(self, *, by: str, at: pendulum.DateTime, why: str = "") -> ChangeRequest:
        """Record that an approved change was applied to the project."""
        return transition(
            self, owner=self.label, action="be implemented", allowed=[_S.APPROVED],
            to=_S.IMPLEMENTED, by=by, at=at, why=why or "applied to the project",
        )  # fmt: skip

    @property
    def requirement_ids(self) -> tuple[str, ...]:
        """Ids of the existing requirements the changes touch (revised or removed)."""
        return tuple(
            ch.requirement_id
            for ch in self.changes
            if isinstance(ch, (ReviseEstimate, RemoveRequirement))
        )

    @property
    def milestone_ids(self) -> tuple[str, ...]:
        """Ids of the milestones the changes touch."""
        ids: list[str] = []
        for ch in self.changes:
            if isinstance(ch, MoveMilestone):
                ids.append(ch.milestone_id)
            elif isinstance(ch, AddRequirement) and ch.milestone:
                ids.append(ch.milestone)
        return tuple(ids)
