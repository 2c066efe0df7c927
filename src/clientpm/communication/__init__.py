"""Communication: the cadences agreed with the client and the log of what happened (D6, D10).

Example:
    >>> import clientpm as cpm
    >>> weekly = cpm.communication.Cadence.weekly(
    ...     "C1", "Weekly report", weekday="friday", at="16:00",
    ...     timezone="Asia/Shanghai", start="2026-11-02")
    >>> weekly.frequency
    <Frequency.WEEKLY: 'weekly'>

"""

from __future__ import annotations

from clientpm.communication.cadence import (
    ActionItem,
    Cadence,
    CommunicationKind,
    CommunicationPlan,
    Frequency,
    Interaction,
    OccurrenceState,
    OccurrenceStatus,
    OpenActionItem,
    occurrences,
    open_action_items,
    plan_status,
)

__all__ = [
    "ActionItem",
    "Cadence",
    "CommunicationKind",
    "CommunicationPlan",
    "Frequency",
    "Interaction",
    "OccurrenceState",
    "OccurrenceStatus",
    "OpenActionItem",
    "occurrences",
    "open_action_items",
    "plan_status",
]
