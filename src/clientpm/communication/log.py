"""The log of what happened with the client: interactions and their action items (D6).

An :class:`Interaction` is one exchange (a meeting, a call, a report sent),
with the decisions taken and the :class:`ActionItem` entries someone agreed
to; :func:`open_action_items` lists the items still open at a given moment.

Everything here is pure: "now" is always an argument (``as_of``).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from clientpm._checks import Checks, Identified
from clientpm._convert import to_date, to_datetime, to_optional_datetime, to_strings, to_tuple
from clientpm.communication.cadence import CommunicationKind, _to_channel, _to_kind
from clientpm.enums import Channel

__all__ = [
    "ActionItem",
    "Interaction",
    "OpenActionItem",
    "open_action_items",
]


@attrs.frozen
class ActionItem(Identified):
    """Something someone agreed to do in an interaction.

    Attributes:
        id: Stable id such as ``"A-3"``.
        text: What is to be done.
        owner: Who does it (a stakeholder id or a name).
        due: The date it is due.
        done_at: When it was done, if it was.

    Example:
        >>> ActionItem(id="A1", text="Send the SSO test plan", owner="pm", due="2026-11-25")
        ActionItem(id='A1', text='Send the SSO test plan', owner='pm', due=Date(2026, 11, 25), done_at=None)

    """  # noqa: E501

    id: str
    text: str
    owner: str
    due: pendulum.Date = attrs.field(converter=to_date)
    done_at: pendulum.DateTime | None = attrs.field(default=None, converter=to_optional_datetime)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("text", self.text)
        c.text("owner", self.owner)
        c.date("due", self.due)
        c.instant("done_at", self.done_at, optional=True)
        c.raise_if_any()

    def is_done(self, as_of: pendulum.DateTime) -> bool:
        """Whether it was done at or before ``as_of``.

        Example:
            >>> import pendulum
            >>> a = ActionItem(id="A1", text="Send it", owner="pm", due="2026-11-25",
            ...                done_at="2026-11-24T10:00:00+08:00")
            >>> a.is_done(pendulum.datetime(2026, 11, 24, tz="UTC"))
            False

        """
        return self.done_at is not None and self.done_at <= as_of


@attrs.frozen
class Interaction(Identified):
    """One exchange with the client: a meeting, a call, a report sent.

    Attributes:
        id: Stable id such as ``"I-7"``.
        kind: report, meeting, call, review, demo or other.
        channel: How it happened.
        at: When, time-zone aware.
        summary: What it was about, in a sentence or two.
        participants: Ids of the stakeholders it was with.
        decisions: What was decided.
        action_items: What someone agreed to do (:class:`ActionItem`).
        cadence: Id of the :class:`Cadence` occurrence it fulfils, if any.

    Example:
        >>> i = Interaction(id="I1", kind="report", channel="email",
        ...                 at="2026-11-06T17:05:00+08:00", summary="Weekly report 45",
        ...                 participants=["li.wei"], cadence="weekly-report")
        >>> i.at.isoformat()
        '2026-11-06T17:05:00+08:00'

    """

    id: str
    kind: CommunicationKind = attrs.field(converter=_to_kind)
    channel: Channel = attrs.field(converter=_to_channel)
    at: pendulum.DateTime = attrs.field(converter=to_datetime)
    summary: str
    participants: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    decisions: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    action_items: tuple[ActionItem, ...] = attrs.field(default=(), converter=to_tuple)
    cadence: str | None = None

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.choice("kind", self.kind, CommunicationKind)
        c.choice("channel", self.channel, Channel)
        c.instant("at", self.at)
        c.text("summary", self.summary)
        c.strings("participants", self.participants, what="stakeholder id")
        c.unique("participants", self.participants)
        c.strings("decisions", self.decisions)
        c.items("action_items", self.action_items, ActionItem, "an ActionItem")
        if self.cadence is not None:
            c.identifier("cadence", self.cadence)
        c.raise_if_any()
        c.unique("action_items", tuple(item.id for item in self.action_items))
        c.raise_if_any()


@attrs.frozen
class OpenActionItem:
    """An action item not done yet, from :func:`open_action_items`.

    Attributes:
        item: The :class:`ActionItem`.
        interaction: Id of the interaction where it was agreed.
        overdue: Whether its due date is before ``as_of``'s local date in the
            interaction's own zone or UTC offset.

    Example:
        >>> a = ActionItem(id="A1", text="Send it", owner="pm", due="2026-11-25")
        >>> OpenActionItem(a, "I1", overdue=False).item.id
        'A1'

    """

    item: ActionItem
    interaction: str
    overdue: bool


def open_action_items(
    interactions: Iterable[Interaction], *, as_of: pendulum.DateTime
) -> tuple[OpenActionItem, ...]:
    """The action items not done at ``as_of``, sorted by due date then id.

    Items agreed after ``as_of`` are left out. An item is overdue when its due
    date is before ``as_of``'s date in the interaction's own time zone or UTC
    offset (that of its ``at``, whatever kind of ``tzinfo`` carries it).

    Example:
        >>> import pendulum
        >>> log = [Interaction(id="I1", kind="meeting", channel="meeting", summary="Kick-off",
        ...                    at="2026-11-03T10:00:00+08:00", action_items=[
        ...                        ActionItem(id="A1", text="Send the plan", owner="pm",
        ...                                   due="2026-11-05"),
        ...                        ActionItem(id="A2", text="Share logins", owner="li.wei",
        ...                                   due="2026-11-10")])]
        >>> as_of = pendulum.datetime(2026, 11, 6, 9, tz="Asia/Shanghai")
        >>> [(o.item.id, o.overdue) for o in open_action_items(log, as_of=as_of)]
        [('A1', True), ('A2', False)]

    """
    c = Checks("open_action_items()")
    c.instant("as_of", as_of)
    log = tuple(interactions)
    c.items("interactions", log, Interaction, "an Interaction")
    c.raise_if_any()
    found: list[OpenActionItem] = []
    for interaction in log:
        if interaction.at > as_of:
            continue
        today = as_of.astimezone(interaction.at.tzinfo).date()
        found.extend(
            OpenActionItem(item, interaction.id, overdue=item.due < today)
            for item in interaction.action_items
            if not item.is_done(as_of)
        )
    return tuple(sorted(found, key=lambda o: (o.item.due, o.item.id, o.interaction)))
