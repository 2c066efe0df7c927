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

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from clientpm._impact_text import Reason
    from clientpm.acceptance import (
        CriteriaReport,
        CriterionResult,
        check_acceptance_criteria,
    )
    from clientpm.dimensions import Dimension, ImpactDimension
    from clientpm.expectations import (
        CommitmentAtRisk,
        ExpectationGap,
        commitments_at_risk,
        expectation_gaps,
    )
    from clientpm.glossary import (
        Glossary,
        Jargon,
        Term,
        check_jargon,
    )
    from clientpm.impact import assess_change
    from clientpm.impact_parts import (
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
    from clientpm.policy import ChangePolicy
    from clientpm.reports import (
        Bullets,
        Callout,
        DataTable,
        HeatMap,
        KeyFacts,
        Paragraph,
        Rag,
        Report,
        Section,
        SectionContext,
        Status,
        StatusPolicy,
        Timeline,
        TimelineRow,
        Tone,
        change_memo,
        monthly_report,
        project_status,
        render,
        risk_register,
        weekly_report,
    )
    from clientpm.scheduling import (
        MilestoneChange,
        MilestoneForecast,
        Schedule,
        ScheduleChange,
        schedule,
    )
    from clientpm.serialization import from_dict, to_dict
    from clientpm.smart import (
        Finding,
        Letter,
        LetterResult,
        SmartContext,
        SmartReport,
        SmartRule,
        SmartSettings,
        Verdict,
        check_smart,
    )

__all__ = [
    "AddRequirement",
    "Assessment",
    "Billing",
    "BudgetImpact",
    "Bullets",
    "Callout",
    "Change",
    "ChangeImpact",
    "ChangePolicy",
    "ChangeRequest",
    "ChangeStatus",
    "Channel",
    "ClientPMError",
    "Commitment",
    "CommitmentAtRisk",
    "CommitmentStatus",
    "CostEntry",
    "CriteriaReport",
    "CriterionResult",
    "CurrencyMismatchError",
    "DataTable",
    "DependencyCycleError",
    "Dimension",
    "DimensionResult",
    "ExpectationGap",
    "Feedback",
    "FeedbackKind",
    "Finding",
    "Glossary",
    "Goal",
    "HeatMap",
    "IllegalTransitionError",
    "ImpactContext",
    "ImpactDimension",
    "Jargon",
    "KeyFacts",
    "Letter",
    "LetterResult",
    "Milestone",
    "MilestoneChange",
    "MilestoneForecast",
    "MilestoneStatus",
    "Money",
    "MoveMilestone",
    "Paragraph",
    "PluginError",
    "PluginHost",
    "Priority",
    "Problem",
    "Project",
    "Rag",
    "Reason",
    "Recommendation",
    "RecommendationImpact",
    "Registry",
    "RemoveRequirement",
    "Report",
    "Requirement",
    "RequirementKind",
    "RequirementStatus",
    "ReviseEstimate",
    "Risk",
    "RiskEffect",
    "RiskImpact",
    "RiskStatus",
    "RiskStrategy",
    "Role",
    "Schedule",
    "ScheduleChange",
    "ScheduleImpact",
    "ScopeImpact",
    "Section",
    "SectionContext",
    "SerializationError",
    "SmartContext",
    "SmartReport",
    "SmartRule",
    "SmartSettings",
    "Stakeholder",
    "Status",
    "StatusPolicy",
    "Term",
    "Timeline",
    "TimelineRow",
    "Tone",
    "Transition",
    "UnknownReferenceError",
    "ValidationError",
    "Verdict",
    "WorkCalendar",
    "assess_change",
    "change_memo",
    "check_acceptance_criteria",
    "check_jargon",
    "check_smart",
    "commitments_at_risk",
    "expectation_gaps",
    "from_dict",
    "hookimpl",
    "monthly_report",
    "project_status",
    "render",
    "risk_register",
    "sample_project",
    "schedule",
    "to_dict",
    "weekly_report",
]


#: Feature-layer names, imported on first use so `import clientpm` stays light.
_LAZY = {
    "Bullets": "clientpm.reports",
    "Callout": "clientpm.reports",
    "DataTable": "clientpm.reports",
    "HeatMap": "clientpm.reports",
    "KeyFacts": "clientpm.reports",
    "Paragraph": "clientpm.reports",
    "Rag": "clientpm.reports",
    "Report": "clientpm.reports",
    "Section": "clientpm.reports",
    "SectionContext": "clientpm.reports",
    "Status": "clientpm.reports",
    "StatusPolicy": "clientpm.reports",
    "Timeline": "clientpm.reports",
    "TimelineRow": "clientpm.reports",
    "Tone": "clientpm.reports",
    "change_memo": "clientpm.reports",
    "monthly_report": "clientpm.reports",
    "project_status": "clientpm.reports",
    "render": "clientpm.reports",
    "risk_register": "clientpm.reports",
    "weekly_report": "clientpm.reports",
    "Finding": "clientpm.smart",
    "Letter": "clientpm.smart",
    "LetterResult": "clientpm.smart",
    "SmartContext": "clientpm.smart",
    "SmartReport": "clientpm.smart",
    "SmartRule": "clientpm.smart",
    "SmartSettings": "clientpm.smart",
    "Verdict": "clientpm.smart",
    "check_smart": "clientpm.smart",
    "CriteriaReport": "clientpm.acceptance",
    "CriterionResult": "clientpm.acceptance",
    "check_acceptance_criteria": "clientpm.acceptance",
    "Glossary": "clientpm.glossary",
    "Jargon": "clientpm.glossary",
    "Term": "clientpm.glossary",
    "check_jargon": "clientpm.glossary",
    "Dimension": "clientpm.dimensions",
    "ImpactDimension": "clientpm.dimensions",
    "CommitmentAtRisk": "clientpm.expectations",
    "ExpectationGap": "clientpm.expectations",
    "commitments_at_risk": "clientpm.expectations",
    "expectation_gaps": "clientpm.expectations",
    "assess_change": "clientpm.impact",
    "BudgetImpact": "clientpm.impact_parts",
    "ChangeImpact": "clientpm.impact_parts",
    "DimensionResult": "clientpm.impact_parts",
    "ImpactContext": "clientpm.impact_parts",
    "RecommendationImpact": "clientpm.impact_parts",
    "RiskEffect": "clientpm.impact_parts",
    "RiskImpact": "clientpm.impact_parts",
    "ScheduleImpact": "clientpm.impact_parts",
    "ScopeImpact": "clientpm.impact_parts",
    "Reason": "clientpm._impact_text",
    "ChangePolicy": "clientpm.policy",
    "MilestoneChange": "clientpm.scheduling",
    "MilestoneForecast": "clientpm.scheduling",
    "Schedule": "clientpm.scheduling",
    "ScheduleChange": "clientpm.scheduling",
    "schedule": "clientpm.scheduling",
    "from_dict": "clientpm.serialization",
    "to_dict": "clientpm.serialization",
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version("clientpm")
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'clientpm' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, "__version__"])
