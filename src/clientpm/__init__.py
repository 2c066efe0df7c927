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

#: The public face: each public name and the module it lives in, imported on
#: first use so that ``import clientpm`` loads nothing but this table
#: (scientific-python SPEC 1). ``__getattr__``, ``__dir__`` and ``__all__`` all
#: come from it, and a test keeps the TYPE_CHECKING imports below equal to it.
_PUBLIC: dict[str, str] = {
    "ClientPMError": "clientpm.errors",
    "CurrencyMismatchError": "clientpm.errors",
    "DependencyCycleError": "clientpm.errors",
    "IllegalTransitionError": "clientpm.errors",
    "PluginError": "clientpm.errors",
    "Problem": "clientpm.errors",
    "SerializationError": "clientpm.errors",
    "UnknownReferenceError": "clientpm.errors",
    "ValidationError": "clientpm.errors",
    "Billing": "clientpm.enums",
    "ChangeStatus": "clientpm.enums",
    "Channel": "clientpm.enums",
    "CommitmentStatus": "clientpm.enums",
    "FeedbackKind": "clientpm.enums",
    "MilestoneStatus": "clientpm.enums",
    "Priority": "clientpm.enums",
    "Recommendation": "clientpm.enums",
    "RequirementKind": "clientpm.enums",
    "RequirementStatus": "clientpm.enums",
    "RiskStatus": "clientpm.enums",
    "RiskStrategy": "clientpm.enums",
    "Role": "clientpm.enums",
    "Money": "clientpm.money",
    "WorkCalendar": "clientpm.work_calendar",
    "Registry": "clientpm._hooks",
    "hookimpl": "clientpm._hooks",
    "PluginHost": "clientpm.plugins",
    "AddRequirement": "clientpm.model",
    "Assessment": "clientpm.model",
    "Change": "clientpm.model",
    "ChangeRequest": "clientpm.model",
    "Commitment": "clientpm.model",
    "CostEntry": "clientpm.model",
    "Feedback": "clientpm.model",
    "Goal": "clientpm.model",
    "Milestone": "clientpm.model",
    "MoveMilestone": "clientpm.model",
    "Project": "clientpm.model",
    "RemoveRequirement": "clientpm.model",
    "Requirement": "clientpm.model",
    "ReviseEstimate": "clientpm.model",
    "Risk": "clientpm.model",
    "Stakeholder": "clientpm.model",
    "Transition": "clientpm.model",
    "CommitmentAtRisk": "clientpm.scheduling",
    "ExpectationGap": "clientpm.scheduling",
    "MilestoneChange": "clientpm.scheduling",
    "MilestoneForecast": "clientpm.scheduling",
    "Schedule": "clientpm.scheduling",
    "ScheduleChange": "clientpm.scheduling",
    "commitments_at_risk": "clientpm.scheduling",
    "expectation_gaps": "clientpm.scheduling",
    "schedule": "clientpm.scheduling",
    "BudgetImpact": "clientpm.impact",
    "ChangeImpact": "clientpm.impact",
    "ChangePolicy": "clientpm.impact",
    "Dimension": "clientpm.impact",
    "DimensionResult": "clientpm.impact",
    "ImpactContext": "clientpm.impact",
    "ImpactDimension": "clientpm.impact",
    "Reason": "clientpm.impact",
    "RecommendationImpact": "clientpm.impact",
    "RiskEffect": "clientpm.impact",
    "RiskImpact": "clientpm.impact",
    "ScheduleImpact": "clientpm.impact",
    "ScopeImpact": "clientpm.impact",
    "assess_change": "clientpm.impact",
    "CriteriaReport": "clientpm.smart",
    "CriterionResult": "clientpm.smart",
    "Finding": "clientpm.smart",
    "Glossary": "clientpm.smart",
    "Jargon": "clientpm.smart",
    "Letter": "clientpm.smart",
    "LetterResult": "clientpm.smart",
    "SmartContext": "clientpm.smart",
    "SmartReport": "clientpm.smart",
    "SmartRule": "clientpm.smart",
    "SmartSettings": "clientpm.smart",
    "Term": "clientpm.smart",
    "Verdict": "clientpm.smart",
    "check_acceptance_criteria": "clientpm.smart",
    "check_jargon": "clientpm.smart",
    "check_smart": "clientpm.smart",
    "ActionItem": "clientpm.communication",
    "Cadence": "clientpm.communication",
    "CommunicationKind": "clientpm.communication",
    "CommunicationPlan": "clientpm.communication",
    "Frequency": "clientpm.communication",
    "Interaction": "clientpm.communication",
    "OccurrenceState": "clientpm.communication",
    "OccurrenceStatus": "clientpm.communication",
    "OpenActionItem": "clientpm.communication",
    "occurrences": "clientpm.communication",
    "open_action_items": "clientpm.communication",
    "plan_status": "clientpm.communication",
    "EarnedValue": "clientpm.metrics.earned_value",
    "earned_value": "clientpm.metrics.earned_value",
    "Confidence": "clientpm.metrics.forecast",
    "ThreePoint": "clientpm.metrics.forecast",
    "due_date_confidence": "clientpm.metrics.forecast",
    "pert": "clientpm.metrics.forecast",
    "requirement_estimate": "clientpm.metrics.forecast",
    "PromiseKeeping": "clientpm.metrics.promises",
    "promise_keeping": "clientpm.metrics.promises",
    "UNDEFINED": "clientpm.metrics.ratio",
    "Undefined": "clientpm.metrics.ratio",
    "DEFAULT_MATRIX": "clientpm.metrics.risk_matrix",
    "RiskChanges": "clientpm.metrics.risk_matrix",
    "RiskLevel": "clientpm.metrics.risk_matrix",
    "RiskMatrix": "clientpm.metrics.risk_matrix",
    "RiskRating": "clientpm.metrics.risk_matrix",
    "contingency_reserve": "clientpm.metrics.risk_matrix",
    "heat_map": "clientpm.metrics.risk_matrix",
    "rate_risk": "clientpm.metrics.risk_matrix",
    "risk_changes": "clientpm.metrics.risk_matrix",
    "stale_risks": "clientpm.metrics.risk_matrix",
    "PeriodSatisfaction": "clientpm.metrics.satisfaction",
    "ResponseTargets": "clientpm.metrics.satisfaction",
    "ResponseTime": "clientpm.metrics.satisfaction",
    "Scale": "clientpm.metrics.satisfaction",
    "WorkingHours": "clientpm.metrics.satisfaction",
    "csat": "clientpm.metrics.satisfaction",
    "nps": "clientpm.metrics.satisfaction",
    "overdue_responses": "clientpm.metrics.satisfaction",
    "response_times": "clientpm.metrics.satisfaction",
    "satisfaction_trend": "clientpm.metrics.satisfaction",
    "working_hours_between": "clientpm.metrics.satisfaction",
    "Bullets": "clientpm.reports",
    "Callout": "clientpm.reports",
    "DataTable": "clientpm.reports",
    "HealthPolicy": "clientpm.reports",
    "HeatMap": "clientpm.reports",
    "KeyFacts": "clientpm.reports",
    "Paragraph": "clientpm.reports",
    "Rag": "clientpm.reports",
    "Report": "clientpm.reports",
    "Section": "clientpm.reports",
    "SectionContext": "clientpm.reports",
    "Status": "clientpm.reports",
    "Timeline": "clientpm.reports",
    "TimelineRow": "clientpm.reports",
    "Tone": "clientpm.reports",
    "change_memo": "clientpm.reports",
    "monthly_report": "clientpm.reports",
    "project_health": "clientpm.reports",
    "render": "clientpm.reports",
    "risk_register": "clientpm.reports",
    "weekly_report": "clientpm.reports",
    "from_dict": "clientpm.serialization",
    "to_dict": "clientpm.serialization",
    "sample_project": "clientpm.sample",
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

__all__ = sorted(_PUBLIC)

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
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"clientpm.{name}")
    else:
        raise AttributeError(f"module 'clientpm' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, *_SUBMODULES, "__version__"])
