"""The enumerations of the domain: priorities, kinds, roles and statuses.

Every enum's value is a short lower-case string, which is what
:func:`clientpm.to_dict` writes and what constructors also accept
(``priority="must"`` is the same as ``priority=Priority.MUST``).
"""

from __future__ import annotations

import enum

__all__ = [
    "Billing",
    "ChangeStatus",
    "Channel",
    "CommitmentStatus",
    "FeedbackKind",
    "MilestoneStatus",
    "Priority",
    "Recommendation",
    "RequirementKind",
    "RequirementStatus",
    "RiskStatus",
    "RiskStrategy",
    "Role",
]


class _Choice(str, enum.Enum):
    """A string enum whose ``str()`` is its value."""

    def __str__(self) -> str:
        return str(self.value)


class Priority(_Choice):
    """MoSCoW priority of a requirement.

    Example:
        >>> Priority("must") is Priority.MUST
        True

    """

    MUST = "must"
    SHOULD = "should"
    COULD = "could"
    WONT = "wont"


class RequirementKind(_Choice):
    """What a requirement describes (D1: functional, non-functional, business).

    Example:
        >>> str(RequirementKind.NON_FUNCTIONAL)
        'non_functional'

    """

    FUNCTIONAL = "functional"
    NON_FUNCTIONAL = "non_functional"
    BUSINESS = "business"


class Role(_Choice):
    """A stakeholder's role; :attr:`is_client` tells the two sides apart.

    Example:
        >>> Role.SPONSOR.is_client, Role.PROJECT_MANAGER.is_client
        (True, False)

    """

    SPONSOR = "sponsor"
    CLIENT_CONTACT = "client_contact"
    END_USER = "end_user"
    PROJECT_MANAGER = "project_manager"
    ACCOUNT_MANAGER = "account_manager"
    TEAM_MEMBER = "team_member"
    EXECUTIVE = "executive"

    @property
    def is_client(self) -> bool:
        """Whether this role belongs to the client's side."""
        return self in {Role.SPONSOR, Role.CLIENT_CONTACT, Role.END_USER}


class Billing(_Choice):
    """Who pays for an approved change (D6): the team absorbs it, or the client pays.

    Example:
        >>> Billing("paid")
        <Billing.PAID: 'paid'>

    """

    FREE = "free"
    PAID = "paid"


class Recommendation(_Choice):
    """The outcome an impact assessment recommends for a change (D6).

    Example:
        >>> [str(r) for r in Recommendation]
        ['reject', 'absorb', 'bill']

    """

    REJECT = "reject"
    ABSORB = "absorb"
    BILL = "bill"


class RequirementStatus(_Choice):
    """Where a requirement stands: draft until the client signs it off (D1).

    Example:
        >>> RequirementStatus.SIGNED_OFF.in_scope
        True

    """

    DRAFT = "draft"
    SIGNED_OFF = "signed_off"
    DONE = "done"
    REMOVED = "removed"

    @property
    def in_scope(self) -> bool:
        """Whether the requirement belongs to the signed-off scope baseline."""
        return self in {RequirementStatus.SIGNED_OFF, RequirementStatus.DONE}


class MilestoneStatus(_Choice):
    """Where a milestone stands, up to the client's acceptance (D3, D15).

    Example:
        >>> MilestoneStatus.ACCEPTED.is_finished
        True

    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    ACCEPTED = "accepted"

    @property
    def is_finished(self) -> bool:
        """Whether the team's work on the milestone is complete."""
        return self in {MilestoneStatus.DELIVERED, MilestoneStatus.ACCEPTED}


class ChangeStatus(_Choice):
    """The lifecycle of a change request (D4, D5).

    ``submitted -> assessed -> approved | rejected | deferred``;
    ``approved -> implemented``; ``deferred -> assessed`` again; and
    ``withdrawn`` from any open state.

    Example:
        >>> ChangeStatus.APPROVED.is_open
        True

    """

    SUBMITTED = "submitted"
    ASSESSED = "assessed"
    APPROVED = "approved"
    REJECTED = "rejected"
    DEFERRED = "deferred"
    IMPLEMENTED = "implemented"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        """Whether the request still awaits a decision or its implementation."""
        return self in {
            ChangeStatus.SUBMITTED,
            ChangeStatus.ASSESSED,
            ChangeStatus.APPROVED,
            ChangeStatus.DEFERRED,
        }


class RiskStrategy(_Choice):
    """The planned response to a risk (D9).

    Example:
        >>> RiskStrategy("mitigate")
        <RiskStrategy.MITIGATE: 'mitigate'>

    """

    AVOID = "avoid"
    MITIGATE = "mitigate"
    TRANSFER = "transfer"
    ACCEPT = "accept"


class RiskStatus(_Choice):
    """Where a risk stands.

    Example:
        >>> RiskStatus.OPEN.is_active
        True

    """

    OPEN = "open"
    OCCURRED = "occurred"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        """Whether the risk still needs watching."""
        return self is not RiskStatus.CLOSED


class FeedbackKind(_Choice):
    """What a piece of client feedback is (D10).

    Example:
        >>> FeedbackKind.COMPLAINT.value
        'complaint'

    """

    PRAISE = "praise"
    SUGGESTION = "suggestion"
    QUESTION = "question"
    COMPLAINT = "complaint"


class Channel(_Choice):
    """How something reached us or was sent (D11).

    Example:
        >>> Channel("wechat")
        <Channel.WECHAT: 'wechat'>

    """

    EMAIL = "email"
    PHONE = "phone"
    MEETING = "meeting"
    CHAT = "chat"
    WECHAT = "wechat"
    SURVEY = "survey"
    REPORT = "report"
    OTHER = "other"


class CommitmentStatus(_Choice):
    """Whether a promise to the client is open, kept or missed (D8).

    Example:
        >>> CommitmentStatus.KEPT.is_closed
        True

    """

    OPEN = "open"
    KEPT = "kept"
    MISSED = "missed"
    RENEGOTIATED = "renegotiated"

    @property
    def is_closed(self) -> bool:
        """Whether the commitment no longer awaits delivery."""
        return self in {CommitmentStatus.KEPT, CommitmentStatus.MISSED}
