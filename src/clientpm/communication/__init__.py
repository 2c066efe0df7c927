"""Communication: the cadences agreed with the client and the log of what happened (D6, D10).

Three modules, each building on the one before: :mod:`~clientpm.communication.cadence`
(when a touch point falls), :mod:`~clientpm.communication.log` (what happened and
the action items agreed) and :mod:`~clientpm.communication.plan` (the agreed
cadences checked against the log).

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
    WEEKDAYS,
    Cadence,
    CommunicationKind,
    Frequency,
    occurrences,
)
from clientpm.communication.log import ActionItem, Interaction, OpenActionItem, open_action_items
from clientpm.communication.plan import (
    CommunicationPlan,
    OccurrenceState,
    OccurrenceStatus,
    plan_status,
)

__all__ = [
    "WEEKDAYS",
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
