"""The public face of clientpm: one table, the names it promises, and a light import."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import clientpm

INIT = Path(clientpm.__file__).resolve()

#: ``clientpm.__all__`` in release 0.1.0: every one of these must stay importable.
RELEASE_0_1_0 = (
    "DEFAULT_MATRIX", "UNDEFINED", "ActionItem", "AddRequirement", "Assessment", "Billing",
    "BudgetImpact", "Bullets", "Cadence", "Callout", "Change", "ChangeImpact", "ChangePolicy",
    "ChangeRequest", "ChangeStatus", "Channel", "ClientPMError", "Commitment",
    "CommitmentAtRisk", "CommitmentStatus", "CommunicationKind", "CommunicationPlan",
    "Confidence", "CostEntry", "CriteriaReport", "CriterionResult", "CurrencyMismatchError",
    "DataTable", "DependencyCycleError", "Dimension", "DimensionResult", "EarnedValue",
    "ExpectationGap", "Feedback", "FeedbackKind", "Finding", "Frequency", "Glossary", "Goal",
    "HealthPolicy", "HeatMap", "IllegalTransitionError", "ImpactContext", "ImpactDimension",
    "Interaction", "Jargon", "KeyFacts", "Letter", "LetterResult", "Milestone",
    "MilestoneChange", "MilestoneForecast", "MilestoneStatus", "Money", "MoveMilestone",
    "OccurrenceState", "OccurrenceStatus", "OpenActionItem", "Paragraph", "PeriodSatisfaction",
    "PluginError", "PluginHost", "Priority", "Problem", "Project", "PromiseKeeping", "Rag",
    "Reason", "Recommendation", "RecommendationImpact", "Registry", "RemoveRequirement",
    "Report", "Requirement", "RequirementKind", "RequirementStatus", "ResponseTargets",
    "ResponseTime", "ReviseEstimate", "Risk", "RiskChanges", "RiskEffect", "RiskImpact",
    "RiskLevel", "RiskMatrix", "RiskRating", "RiskStatus", "RiskStrategy", "Role", "Scale",
    "Schedule", "ScheduleChange", "ScheduleImpact", "ScopeImpact", "Section", "SectionContext",
    "SerializationError", "SmartContext", "SmartReport", "SmartRule", "SmartSettings",
    "Stakeholder", "Status", "Term", "ThreePoint", "Timeline", "TimelineRow", "Tone",
    "Transition", "Undefined", "UnknownReferenceError", "ValidationError", "Verdict",
    "WorkCalendar", "WorkingHours", "assess_change", "change_memo", "check_acceptance_criteria",
    "check_jargon", "check_smart", "commitments_at_risk", "contingency_reserve", "csat",
    "due_date_confidence", "earned_value", "expectation_gaps", "from_dict", "heat_map",
    "hookimpl", "monthly_report", "nps", "occurrences", "open_action_items",
    "overdue_responses", "pert", "plan_status", "project_health", "promise_keeping",
    "rate_risk", "render", "requirement_estimate", "response_times", "risk_changes",
    "risk_register", "sample_project", "satisfaction_trend", "schedule", "stale_risks",
    "to_dict", "weekly_report", "working_hours_between",
)  # fmt: skip


def table() -> dict[str, str]:
    """The public table as public name -> home module, whichever way round it is written."""
    raw = clientpm._PUBLIC
    if all(isinstance(value, str) for value in raw.values()):
        return dict(raw)
    return {name: module for module, names in raw.items() for name in names}


def type_checking_imports() -> dict[str, str]:
    """What the ``if TYPE_CHECKING:`` block of clientpm/__init__.py imports: name -> module."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1, "expected one top-level `if TYPE_CHECKING:` block"
    found: dict[str, str] = {}
    for statement in blocks[0].body:
        assert isinstance(statement, ast.ImportFrom), ast.dump(statement)
        assert statement.module is not None
        assert statement.level == 0
        for alias in statement.names:
            # `X as X` is what marks a re-export for mypy --strict.
            assert alias.asname == alias.name, f"{statement.module}: write {alias.name} as itself"
            assert alias.name not in found, f"{alias.name} imported twice"
            found[alias.name] = statement.module
    return found


def test_the_type_checking_imports_are_the_table():
    imported, promised = type_checking_imports(), table()
    missing = {n: m for n, m in promised.items() if imported.get(n) != m}
    extra = {n: m for n, m in imported.items() if promised.get(n) != m}
    assert not missing, f"in the table, not under TYPE_CHECKING (or from elsewhere): {missing}"
    assert not extra, f"imported under TYPE_CHECKING, not in the table (or from elsewhere): {extra}"


def test_all_is_the_table_sorted():
    assert sorted(table()) == clientpm.__all__


def test_dir_is_the_table_plus_submodules():
    extra = set(dir(clientpm)) - set(table())
    assert set(table()) <= set(dir(clientpm))
    assert dir(clientpm) == sorted(dir(clientpm))
    for name in sorted(extra - {"__version__"}):
        assert importlib.util.find_spec(f"clientpm.{name}") is not None, name


def test_each_table_entry_names_a_module_that_has_the_name():
    for name, module in table().items():
        assert module.split(".")[0] == "clientpm", module
        assert hasattr(importlib.import_module(module), name), f"{module} has no {name}"


@pytest.mark.parametrize("name", sorted(clientpm.__all__))
def test_every_public_name_resolves_to_its_home(name):
    value = getattr(clientpm, name)
    assert value is getattr(importlib.import_module(table()[name]), name)


def test_every_name_of_release_0_1_0_is_still_importable():
    namespace: dict[str, object] = {}
    exec(f"from clientpm import {', '.join(RELEASE_0_1_0)}", namespace)
    missing = [name for name in RELEASE_0_1_0 if name not in namespace]
    assert not missing


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        _ = clientpm.no_such_name


def test_import_clientpm_loads_no_submodule():
    code = (
        "import sys, clientpm\n"
        "print(sorted(m for m in sys.modules if m == 'clientpm' or m.startswith('clientpm.')))"
    )
    path = [str(INIT.parents[1]), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "['clientpm']"
