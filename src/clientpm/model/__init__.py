"""The domain model: frozen, validated entities and the Project aggregate."""

from clientpm.model.change import (
    AddRequirement,
    Assessment,
    Change,
    ChangeRequest,
    MoveMilestone,
    RemoveRequirement,
    ReviseEstimate,
)
from clientpm.model.commitment import Commitment
from clientpm.model.cost import CostEntry
from clientpm.model.feedback import Feedback
from clientpm.model.goal import Goal
from clientpm.model.history import Transition
from clientpm.model.milestone import Milestone
from clientpm.model.project import Project
from clientpm.model.requirement import Requirement
from clientpm.model.risk import Risk
from clientpm.model.stakeholder import Stakeholder

__all__ = [
    "AddRequirement",
    "Assessment",
    "Change",
    "ChangeRequest",
    "Commitment",
    "CostEntry",
    "Feedback",
    "Goal",
    "Milestone",
    "MoveMilestone",
    "Project",
    "RemoveRequirement",
    "Requirement",
    "ReviseEstimate",
    "Risk",
    "Stakeholder",
    "Transition",
]
