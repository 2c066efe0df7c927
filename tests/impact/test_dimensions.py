"""Impact dimensions: the built-in goals dimension, plugins, what a dimension sees."""

from __future__ import annotations

import pluggy
import pytest

import clientpm as cpm
import clientpm.impact.dimensions
from clientpm.errors import PluginError
from clientpm.impact import ChangePolicy, Dimension, DimensionResult, assess_change
from clientpm.impact.dimensions import run_dimensions
from tests.helpers import (
    START,
    assess,
    assess_sample,
    message,
    request,
    revise,
    sample_request,
    tiny,
)


@pytest.fixture
def project():
    return cpm.sample_project()


class TestRecommendations:
    def test_goals_dimension_escalates_removed_goal_scope(self, project):
        """Removing REQ-4 weakens goal G1: the built-in goals dimension escalates it."""
        impact = assess_sample(project, sample_request(cpm.RemoveRequirement("REQ-4")))
        assert [("goals", True)] == [(d.name, d.escalate) for d in impact.dimensions]
        assert impact.recommendation.escalation


# -- plugins ---------------------------------------------------------------------------
hookspec = pluggy.HookspecMarker("clientpm")


class Specs:
    @hookspec
    def clientpm_register_impact_dimensions(self, registry):
        """Register impact dimensions (a stand-in for clientpm._hooks)."""


class Registry(dict):
    def register(self, name, dimension):
        self[name] = dimension


class HostingPlugin:
    """A sample third-party plugin: every added requirement costs hosting."""

    @clientpm.impact.dimensions.hookimpl
    def clientpm_register_impact_dimensions(self, registry):
        def measure(ctx):
            n = len(ctx.scope.added)
            if not n:
                return None
            text = f"{n} 项新功能需要托管" if ctx.locale == "zh" else f"{n} new feature(s) to host"
            return DimensionResult("hosting", text, details=(("features", str(n)),))

        registry.register("hosting", Dimension("hosting", measure))


class BrokenPlugin:
    @clientpm.impact.dimensions.hookimpl
    def clientpm_register_impact_dimensions(self, registry):
        def measure(ctx):
            raise RuntimeError("no network in a pure library")

        registry.register("broken", Dimension("broken", measure))


@pytest.fixture
def registry():
    """A fresh plugin manager per test, with the built-ins and two sample plugins."""
    pm = pluggy.PluginManager("clientpm")
    pm.add_hookspecs(Specs)
    pm.register(clientpm.impact.dimensions)
    pm.register(HostingPlugin())
    pm.register(BrokenPlugin())
    reg = Registry()
    pm.hook.clientpm_register_impact_dimensions(registry=reg)
    return reg


class TestPlugins:
    def test_registered_through_the_hook(self, registry):
        """Built-ins and plugins register the same way."""
        assert ["broken", "goals", "hosting"] == sorted(registry)

    def test_plugin_dimension_in_the_impact(self, project, registry):
        """The plugin's result is in the impact and its reasons; a broken one is reported."""
        impact = assess_sample(
            project, project.change_request("CR-1"), dimensions=registry, locale="zh"
        )
        assert [("hosting", "1 项新功能需要托管")] == [
            (d.name, d.summary) for d in impact.dimensions
        ]
        assert "hosting：1 项新功能需要托管" in impact.summary
        (error,) = impact.errors
        assert (
            "impact dimension 'broken': RuntimeError: no network in a pure library" == error.reason
        )
        assert error.plugin.endswith(
            "BrokenPlugin.clientpm_register_impact_dimensions.<locals>.measure"
        )
        assert isinstance(error, cpm.PluginError)

    def test_not_a_dimension(self, project):
        """Something without name and measure() is reported, not run."""
        impact = assess_sample(project, project.change_request("CR-1"), dimensions=[object()])
        assert ("builtins.object",) == tuple(e.plugin for e in impact.errors)

    def test_with_the_plugin_host(self, project):
        """With clientpm's own host, the built-in dimensions come through the hook."""
        plugins = pytest.importorskip("clientpm.plugins")
        host = plugins.PluginHost(builtins=True)
        impact = assess_sample(
            project,
            sample_request(cpm.RemoveRequirement("REQ-4")),
            dimensions=host.impact_dimensions(),
        )
        assert "goals" in [d.name for d in impact.dimensions]


class TestImpact:
    def test_dimensions_see_the_parts(self):
        """A dimension sees the project, request, policy, date, locale and the four parts."""
        seen = []

        def spy(ctx):
            seen.append(ctx)
            return DimensionResult("spy", f"{len(ctx.scope.revised)} revised")

        def broken(ctx):
            raise RuntimeError("offline")

        p, cr, policy = tiny(), request(revise("R3", 5)), ChangePolicy(contingency_pct=20)
        impact = assess_change(
            p,
            cr,
            policy=policy,
            as_of=START,
            locale="zh",
            dimensions=[Dimension("spy", spy), Dimension("broken", broken)],
        )
        (ctx,) = seen
        assert (p, cr, policy, START, "zh") == (
            ctx.project,
            ctx.change_request,
            ctx.policy,
            ctx.as_of,
            ctx.locale,
        )
        assert ctx.project is p
        assert ctx.change_request is cr
        assert ctx.policy is policy
        assert (impact.scope, impact.schedule, impact.budget, impact.risk) == (
            ctx.scope,
            ctx.schedule,
            ctx.budget,
            ctx.risk,
        )
        assert (DimensionResult("spy", "1 revised"),) == impact.dimensions
        assert ["impact dimension 'broken': RuntimeError: offline"] == [
            e.reason for e in impact.errors
        ]
        assert [("broken", "measure")] == [(e.item, e.hook) for e in impact.errors]
        assert all(isinstance(e, PluginError) for e in impact.errors)
        assert "spy：1 revised" == impact.recommendation.text[-2]

    def test_no_dimensions(self):
        """An empty list runs none, not the built-in ones."""
        p = tiny(goals=[cpm.Goal(id="G1", statement="Fast", owner="chen.jie", supports=["R3"])])
        assert ["goals"] == [d.name for d in assess(p, cpm.RemoveRequirement("R3")).dimensions]
        assert () == assess(p, cpm.RemoveRequirement("R3"), dimensions=[]).dimensions


def goal_tiny() -> cpm.Project:
    """The tiny project with G1 served by R3, G2 by R3 and R4, and G3 by R1."""
    goals = [
        cpm.Goal(id="G1", statement="Fast", owner="chen.jie", supports=["R3"]),
        cpm.Goal(id="G2", statement="Cheap", owner="chen.jie", supports=["R3", "R4"]),
        cpm.Goal(id="G3", statement="Simple", owner="chen.jie", supports=["R1"]),
    ]
    return tiny(goals=goals)


class TestGoalsDimension:
    def test_revising_goal_scope_names_the_goals_without_escalating(self):
        """Only R3 is revised: G1 and G2 are touched, none is weakened."""
        (goals,) = assess(goal_tiny(), revise("R3", 5)).dimensions
        assert (
            "goals",
            "the change touches requirements that serve goal(s) G1, G2.",
            False,
        ) == (goals.name, goals.summary, goals.escalate)

    def test_revising_goal_scope_in_chinese(self):
        (goals,) = assess(goal_tiny(), revise("R3", 5), locale="zh").dimensions
        assert "变更涉及支撑目标 G1, G2 的需求。" == goals.summary

    def test_removing_goal_scope_names_the_weakened_goals_and_escalates(self):
        """R4 removed and R3 revised: G1 and G2 are touched, only G2 (served by R4) weakened."""
        (goals,) = assess(goal_tiny(), cpm.RemoveRequirement("R4"), revise("R3", 5)).dimensions
        assert (
            "the change touches requirements that serve goal(s) G1, G2; removing them weakens "
            "G2, which the sponsor must confirm."
        ) == goals.summary
        assert goals.escalate


class TestRunDimensions:
    def test_refuses_dimensions_of_another_kind_by_default_name(self):
        assert (
            "run_dimensions.dimensions: expected impact dimensions (a list or a mapping) or None, "
            "got int 42"
        ) == message(run_dimensions, 42, None)

    def test_not_a_dimension_is_described_in_the_error(self, project):
        """The error says what was registered instead of a dimension."""
        impact = assess_sample(project, project.change_request("CR-1"), dimensions=[42])
        (error,) = impact.errors
        assert (
            "impact dimension 'int': expected an impact dimension with name and measure(), "
            "got int 42"
        ) == error.reason
