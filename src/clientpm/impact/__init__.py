"""Change impact: what a change request does to scope, schedule, budget and risk.

- :mod:`clientpm.impact.assess`: :func:`assess_change`, the scope walk and the decision.
- :mod:`clientpm.impact.results`: :class:`ChangeImpact` and its parts.
- :mod:`clientpm.impact.reasons`: the reasons an impact gives, in the reader's language.
- :mod:`clientpm.impact.dimensions`: extra dimensions plugins add, and the built-in one.
- :mod:`clientpm.impact.policy`: :class:`ChangePolicy`, who approves what and how it is billed.

Example:
    >>> import clientpm as cpm
    >>> project = cpm.sample_project()
    >>> impact = cpm.impact.assess_change(project, project.change_requests[0])
    >>> impact.change_request_id, impact.recommendation.decision
    ('CR-1', <Recommendation.BILL: 'bill'>)

"""

from __future__ import annotations

from clientpm.impact.assess import assess_change
from clientpm.impact.dimensions import BUILTIN_DIMENSIONS, Dimension, ImpactDimension
from clientpm.impact.policy import ApprovalLimit, ChangePolicy
from clientpm.impact.reasons import Reason
from clientpm.impact.results import (
    BudgetImpact,
    ChangeImpact,
    DimensionResult,
    ImpactContext,
    RecommendationImpact,
    RiskEffect,
    RiskImpact,
    ScheduleImpact,
    ScopeImpact,
)

__all__ = [
    "BUILTIN_DIMENSIONS",
    "ApprovalLimit",
    "BudgetImpact",
    "ChangeImpact",
    "ChangePolicy",
    "Dimension",
    "DimensionResult",
    "ImpactContext",
    "ImpactDimension",
    "Reason",
    "RecommendationImpact",
    "RiskEffect",
    "RiskImpact",
    "ScheduleImpact",
    "ScopeImpact",
    "assess_change",
]
