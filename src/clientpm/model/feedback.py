"""Client feedback: praise, suggestions, questions and complaints (D10)."""

from __future__ import annotations

import attrs
import pendulum

from clientpm._checks import Identified
from clientpm._convert import to_datetime, to_enum, to_optional_datetime, to_strings
from clientpm.enums import Channel, FeedbackKind
from clientpm.errors import IllegalTransitionError

__all__ = ["Feedback"]


def _to_channel(value: object) -> Channel:
    return to_enum(Channel, value)


def _to_feedback_kind(value: object) -> FeedbackKind:
    return to_enum(FeedbackKind, value)


@attrs.frozen
class Feedback(Identified):
    """Something the client told us, and how we answered it.

    Attributes:
        id: Stable id such as ``"F-12"``.
        stakeholder: Id of the stakeholder it came from.
        received_at: When it reached us.
        kind: praise, suggestion, question or complaint.
        text: What they said.
        channel: How it reached us.
        rating: Satisfaction on a 1..5 scale (for CSAT), if given.
        nps: Likelihood to recommend on a 0..10 scale (for NPS), if given.
        responded_at: When we first answered.
        response: What we answered.
        resolved_at: When the matter was settled.
        about: Ids of the requirements, milestones or change requests concerned.

    Example:
        >>> from clientpm import Feedback
        >>> f = Feedback(id="F1", stakeholder="li.wei", received_at="2026-11-18T09:30:00+08:00",
        ...              kind="complaint", text="The demo environment was down")
        >>> f.is_open
        True

    """

    id: str
    stakeholder: str
    received_at: pendulum.DateTime = attrs.field(converter=to_datetime)
    kind: FeedbackKind = attrs.field(converter=_to_feedback_kind)
    text: str
    channel: Channel = attrs.field(default=Channel.EMAIL, converter=_to_channel)
    rating: int | None = None
    nps: int | None = None
    responded_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    response: str | None = None
    resolved_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    about: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.identifier("stakeholder", self.stakeholder)
        c.instant("received_at", self.received_at)
        c.choice("kind", self.kind, FeedbackKind)
        c.text("text", self.text)
        c.choice("channel", self.channel, Channel)
        c.integer("rating", self.rating, low=1, high=5, optional=True)
        c.integer("nps", self.nps, low=0, high=10, optional=True)
        c.instant("responded_at", self.responded_at, optional=True)
        c.text("response", self.response, optional=True)
        c.instant("resolved_at", self.resolved_at, optional=True)
        c.strings("about", self.about, what="id")
        c.raise_if_any()
        if self.responded_at is not None and self.responded_at < self.received_at:
            c.add(
                "responded_at",
                f"expected a time after received_at "
                f"({self.received_at.isoformat()}), got {self.responded_at.isoformat()}",
            )
        if self.resolved_at is not None and self.resolved_at < self.received_at:
            c.add(
                "resolved_at",
                f"expected a time after received_at "
                f"({self.received_at.isoformat()}), got {self.resolved_at.isoformat()}",
            )
        if (self.responded_at is None) != (self.response is None):
            c.add("response", "responded_at and response go together: give both or neither")
        c.raise_if_any()

    @property
    def is_open(self) -> bool:
        """Whether it is not yet resolved."""
        return self.resolved_at is None

    def respond(self, *, at: pendulum.DateTime, text: str) -> Feedback:
        """Record our first answer.

        Example:
            >>> import pendulum
            >>> f = Feedback(id="F1", stakeholder="li.wei", received_at="2026-11-18T09:30:00+08:00",
            ...              kind="question", text="When is the beta?")
            >>> f.respond(at=pendulum.datetime(2026, 11, 18, 11, tz="Asia/Shanghai"),
            ...           text="On 18 December").response
            'On 18 December'

        """
        if self.responded_at is not None:
            raise IllegalTransitionError(
                f"{self.label} was already answered at {self.responded_at.isoformat()}"
            )
        return attrs.evolve(self, responded_at=at, response=text)

    def resolve(self, *, at: pendulum.DateTime) -> Feedback:
        """Record that the matter is settled."""
        if self.resolved_at is not None:
            raise IllegalTransitionError(
                f"{self.label} was already resolved at {self.resolved_at.isoformat()}"
            )
        return attrs.evolve(self, resolved_at=at)
