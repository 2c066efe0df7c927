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

#: The public face, by home module: each module's names, imported on first use
#: so that ``import clientpm`` loads nothing but this table (scientific-python
#: SPEC 1). ``__getattr__``, ``__dir__`` and ``__all__`` all come from it.
_PUBLIC: dict[str, tuple[str, ...]] = {
    "clientpm.errors": (
        "ClientPMError",
        "CurrencyMismatchError",
        "DependencyCycleError",
        "IllegalTransitionError",
        "PluginError",
        "Problem",
        "SerializationError",
        "UnknownReferenceError",
        "ValidationError",
    ),
    "clientpm.enums": (
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
    ),
    "clientpm.money": ("Money",),
    "clientpm.work_calendar": ("WorkCalendar",),
    "clientpm._hooks": (
        "Registry",
        "hookimpl",
    ),
    "clientpm.plugins": ("PluginHost",),
    "clientpm.model": (
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
    ),
    "clientpm.scheduling": (
        "CommitmentAtRisk",
        "ExpectationGap",
        "MilestoneChange",
        "MilestoneForecast",
        "Schedule",
        "ScheduleChange",
        "commitments_at_risk",
        "expectation_gaps",
        "schedule",
    ),
    "clientpm.impact": (
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
    ),
    "clientpm.smart": (
        "CriteriaReport",
        "CriterionResult",
        "Finding",
        "Glossary",
        "Jargon",
        "Letter",
        "LetterResult",
        "SmartContext",
        "SmartReport",
        "SmartRule",
        "SmartSettings",
        "Term",
        "Verdict",
        "check_acceptance_criteria",
        "check_jargon",
        "check_smart",
    ),
    "clientpm.communication": (
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
    ),
    "clientpm.metrics.earned_value": (
        "EarnedValue",
        "earned_value",
    ),
    "clientpm.metrics.forecast": (
        "Confidence",
        "ThreePoint",
        "due_date_confidence",
        "pert",
        "requirement_estimate",
    ),
    "clientpm.metrics.promises": (
        "PromiseKeeping",
        "promise_keeping",
    ),
    "clientpm.metrics.ratio": (
        "UNDEFINED",
        "Undefined",
    ),
    "clientpm.metrics.risk_matrix": (
        "DEFAULT_MATRIX",
        "RiskChanges",
        "RiskLevel",
        "RiskMatrix",
        "RiskRating",
        "contingency_reserve",
        "heat_map",
        "rate_risk",
        "risk_changes",
        "stale_risks",
    ),
    "clientpm.metrics.satisfaction": (
        "PeriodSatisfaction",
        "ResponseTargets",
        "ResponseTime",
        "Scale",
        "WorkingHours",
        "csat",
        "nps",
        "overdue_responses",
        "response_times",
        "satisfaction_trend",
        "working_hours_between",
    ),
    "clientpm.reports": (
        "Bullets",
        "Callout",
        "DataTable",
        "HealthPolicy",
        "HeatMap",
        "KeyFacts",
        "Paragraph",
        "Rag",
        "Report",
        "Section",
        "SectionContext",
        "Status",
        "Timeline",
        "TimelineRow",
        "Tone",
        "change_memo",
        "monthly_report",
        "project_health",
        "render",
        "risk_register",
        "weekly_report",
    ),
    "clientpm.serialization": (
        "from_dict",
        "to_dict",
    ),
    "clientpm.sample": ("sample_project",),
}

#: Subpackages and modules reachable as attributes (``clientpm.sample.SAMPLE_AS_OF``).
_SUBMODULES = (
    "communication",
    "enums",
    "errors",
    "impact",
    "locale",
    "metrics",
    "model",
    "money",
    "plugins",
    "reports",
    "sample",
    "scheduling",
    "serialization",
    "smart",
    "work_calendar",
)

_HOME: dict[str, str] = {name: module for module, names in _PUBLIC.items() for name in names}

__all__ = sorted(_HOME)

if TYPE_CHECKING:  # the same names, for type checkers and IDEs (a test keeps the two equal)
    # `X as X` marks each as re-exported for mypy --strict, which cannot read the table.
    from clientpm._hooks import (
        Registry as Registry,
        hookimpl as hookimpl,
    )
    from clientpm.communication import (
        ActionItem as ActionItem,
        Cadence as Cadence,
        CommunicationKind as CommunicationKind,
        CommunicationPlan as CommunicationPlan,
        Frequency as Frequency,
        Interaction as Interaction,
        OccurrenceState as OccurrenceState,
        OccurrenceStatus as OccurrenceStatus,
        OpenActionItem as OpenActionItem,
        occurrences as occurrences,
        open_action_items as open_action_items,
        plan_status as plan_status,
    )
    from clientpm.enums import (
        Billing as Billing,
        ChangeStatus as ChangeStatus,
        Channel as Channel,
        CommitmentStatus as CommitmentStatus,
        FeedbackKind as FeedbackKind,
        MilestoneStatus as MilestoneStatus,
        Priority as Priority,
        Recommendation as Recommendation,
        RequirementKind as RequirementKind,
        RequirementStatus as RequirementStatus,
        RiskStatus as RiskStatus,
        RiskStrategy as RiskStrategy,
        Role as Role,
    )
    from clientpm.errors import (
        ClientPMError as ClientPMError,
        CurrencyMismatchError as CurrencyMismatchError,
        DependencyCycleError as DependencyCycleError,
        IllegalTransitionError as IllegalTransitionError,
        PluginError as PluginError,
        Problem as Problem,
        SerializationError as SerializationError,
        UnknownReferenceError as UnknownReferenceError,
        ValidationError as ValidationError,
    )
    from clientpm.impact import (
        BudgetImpact as BudgetImpact,
        ChangeImpact as ChangeImpact,
        ChangePolicy as ChangePolicy,
        Dimension as Dimension,
        DimensionResult as DimensionResult,
        ImpactContext as ImpactContext,
        ImpactDimension as ImpactDimension,
        Reason as Reason,
        RecommendationImpact as RecommendationImpact,
        RiskEffect as RiskEffect,
        RiskImpact as RiskImpact,
        ScheduleImpact as ScheduleImpact,
        ScopeImpact as ScopeImpact,
        assess_change as assess_change,
    )
    from clientpm.metrics.earned_value import (
        EarnedValue as EarnedValue,
        earned_value as earned_value,
    )
    from clientpm.metrics.forecast import (
        Confidence as Confidence,
        ThreePoint as ThreePoint,
        due_date_confidence as due_date_confidence,
        pert as pert,
        requirement_estimate as requirement_estimate,
    )
    from clientpm.metrics.promises import (
        PromiseKeeping as PromiseKeeping,
        promise_keeping as promise_keeping,
    )
    from clientpm.metrics.ratio import (
        UNDEFINED as UNDEFINED,
        Undefined as Undefined,
    )
    from clientpm.metrics.risk_matrix import (
        DEFAULT_MATRIX as DEFAULT_MATRIX,
        RiskChanges as RiskChanges,
        RiskLevel as RiskLevel,
        RiskMatrix as RiskMatrix,
        RiskRating as RiskRating,
        contingency_reserve as contingency_reserve,
        heat_map as heat_map,
        rate_risk as rate_risk,
        risk_changes as risk_changes,
        stale_risks as stale_risks,
    )
    from clientpm.metrics.satisfaction import (
        PeriodSatisfaction as PeriodSatisfaction,
        ResponseTargets as ResponseTargets,
        ResponseTime as ResponseTime,
        Scale as Scale,
        WorkingHours as WorkingHours,
        csat as csat,
        nps as nps,
        overdue_responses as overdue_responses,
        response_times as response_times,
        satisfaction_trend as satisfaction_trend,
        working_hours_between as working_hours_between,
    )
    from clientpm.model import (
        AddRequirement as AddRequirement,
        Assessment as Assessment,
        Change as Change,
        ChangeRequest as ChangeRequest,
        Commitment as Commitment,
        CostEntry as CostEntry,
        Feedback as Feedback,
        Goal as Goal,
        Milestone as Milestone,
        MoveMilestone as MoveMilestone,
        Project as Project,
        RemoveRequirement as RemoveRequirement,
        Requirement as Requirement,
        ReviseEstimate as ReviseEstimate,
        Risk as Risk,
        Stakeholder as Stakeholder,
        Transition as Transition,
    )
    from clientpm.money import (
        Money as Money,
    )
    from clientpm.plugins import (
        PluginHost as PluginHost,
    )
    from clientpm.reports import (
        Bullets as Bullets,
        Callout as Callout,
        DataTable as DataTable,
        HealthPolicy as HealthPolicy,
        HeatMap as HeatMap,
        KeyFacts as KeyFacts,
        Paragraph as Paragraph,
        Rag as Rag,
        Report as Report,
        Section as Section,
        SectionContext as SectionContext,
        Status as Status,
        Timeline as Timeline,
        TimelineRow as TimelineRow,
        Tone as Tone,
        change_memo as change_memo,
        monthly_report as monthly_report,
        project_health as project_health,
        render as render,
        risk_register as risk_register,
        weekly_report as weekly_report,
    )
    from clientpm.sample import (
        sample_project as sample_project,
    )
    from clientpm.scheduling import (
        CommitmentAtRisk as CommitmentAtRisk,
        ExpectationGap as ExpectationGap,
        MilestoneChange as MilestoneChange,
        MilestoneForecast as MilestoneForecast,
        Schedule as Schedule,
        ScheduleChange as ScheduleChange,
        commitments_at_risk as commitments_at_risk,
        expectation_gaps as expectation_gaps,
        schedule as schedule,
    )
    from clientpm.serialization import (
        from_dict as from_dict,
        to_dict as to_dict,
    )
    from clientpm.smart import (
        CriteriaReport as CriteriaReport,
        CriterionResult as CriterionResult,
        Finding as Finding,
        Glossary as Glossary,
        Jargon as Jargon,
        Letter as Letter,
        LetterResult as LetterResult,
        SmartContext as SmartContext,
        SmartReport as SmartReport,
        SmartRule as SmartRule,
        SmartSettings as SmartSettings,
        Term as Term,
        Verdict as Verdict,
        check_acceptance_criteria as check_acceptance_criteria,
        check_jargon as check_jargon,
        check_smart as check_smart,
    )
    from clientpm.work_calendar import (
        WorkCalendar as WorkCalendar,
    )


def __getattr__(name: str) -> object:
    import importlib

    if name == "__version__":
        from importlib.metadata import version

        return version("clientpm")
    if name in _HOME:
        value = getattr(importlib.import_module(_HOME[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"clientpm.{name}")
    else:
        raise AttributeError(f"module 'clientpm' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, *_SUBMODULES, "__version__"])
