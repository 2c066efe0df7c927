"""clientpm: domain logic for keeping a client relationship honest.

Requirements the client signed off, SMART goals, milestones and their
forecast, change requests with their impact, risks, feedback, promises and
the reports that tell the client all of it — as pure, immutable, validated
objects. See https://clientpm.readthedocs.io for the guide.

Example:
    >>> import clientpm as cpm
    >>> project = cpm.sample_project()
    >>> project.milestone("M2").due
    Date(2026, 12, 18)

"""

from __future__ import annotations

from clientpm._fields import Transition
from clientpm.enums import (
    Billing,
    ChangeStatus,
    Channel,
    CommitmentStatus,
    FeedbackKind,
    MilestoneStatus,
    Priority,
    Recommendation,
    RequirementKind,
    RequirementStatus,
    RiskStatus,
    RiskStrategy,
    Role,
)
from clientpm.errors import (
    ClientPMError,
    CurrencyMismatchError,
    DependencyCycleError,
    IllegalTransitionError,
    PluginError,
    Problem,
    SerializationError,
    UnknownReferenceError,
    ValidationError,
)
from clientpm.model import (
    AddRequirement,
    Assessment,
    Change,
    ChangeRequest,
    Commitment,
    CostEntry,
    Feedback,
    Goal,
    Milestone,
    MoveMilestone,
    Project,
    RemoveRequirement,
    Requirement,
    ReviseEstimate,
    Risk,
    Stakeholder,
)
from clientpm.money import Money
from clientpm.plugins import PluginHost, Registry, hookimpl
from clientpm.sample import sample_project
from clientpm.work_calendar import WorkCalendar

__all__ = [
    "AddRequirement",
    "Assessment",
    "Billing",
    "Change",
    "ChangeRequest",
    "ChangeStatus",
    "Channel",
    "ClientPMError",
    "Commitment",
    "CommitmentStatus",
    "CostEntry",
    "CurrencyMismatchError",
    "DependencyCycleError",
    "Feedback",
    "FeedbackKind",
    "Goal",
    "IllegalTransitionError",
    "Milestone",
    "MilestoneStatus",
    "Money",
    "MoveMilestone",
    "PluginError",
    "PluginHost",
    "Priority",
    "Problem",
    "Project",
    "Recommendation",
    "Registry",
    "RemoveRequirement",
    "Requirement",
    "RequirementKind",
    "RequirementStatus",
    "ReviseEstimate",
    "Risk",
    "RiskStatus",
    "RiskStrategy",
    "Role",
    "SerializationError",
    "Stakeholder",
    "Transition",
    "UnknownReferenceError",
    "ValidationError",
    "WorkCalendar",
    "hookimpl",
    "sample_project",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("clientpm")
    raise AttributeError(f"module 'clientpm' has no attribute {name!r}")
