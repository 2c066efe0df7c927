"""Scheduling: the critical path, forecast dates and what the client was promised.

- :mod:`clientpm.scheduling.engine`: the forward and backward passes in working days.
- :mod:`clientpm.scheduling.result`: :func:`schedule` and the :class:`Schedule` it returns.
- :mod:`clientpm.scheduling.expectations`: promises and milestones the forecast puts at risk.

Example:
    >>> import clientpm as cpm
    >>> plan = cpm.scheduling.schedule(cpm.sample_project())
    >>> plan.milestone("M2").earliest_finish, plan.milestone("M2").slack_days
    (Date(2026, 11, 19), 21)

"""

from __future__ import annotations

from clientpm.scheduling.expectations import (
    CommitmentAtRisk,
    ExpectationGap,
    commitments_at_risk,
    expectation_gaps,
)
from clientpm.scheduling.result import (
    MilestoneChange,
    MilestoneForecast,
    Schedule,
    ScheduleChange,
    schedule,
)

__all__ = [
    "CommitmentAtRisk",
    "ExpectationGap",
    "MilestoneChange",
    "MilestoneForecast",
    "Schedule",
    "ScheduleChange",
    "commitments_at_risk",
    "expectation_gaps",
    "schedule",
]
