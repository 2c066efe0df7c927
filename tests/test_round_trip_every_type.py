"""Every public value type round trips through to_dict/from_dict, or is documented derived.

Each public attrs class of ``clientpm.__all__`` is in exactly one list below, so a
new public type fails :func:`test_every_public_type_is_classified` until it is
classified here.
"""

import enum
import json
import math
from decimal import Decimal

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.sample import SAMPLE_AS_OF
from clientpm.serialization import _plain, _Walker, from_dict, to_dict

P = cpm.sample_project()
CR = P.change_request("CR-1")
AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")
WEEKLY = cpm.Cadence.weekly(
    "w", "Weekly report", weekday="friday", at="17:00", timezone="Asia/Shanghai",
    start="2026-11-02",
)  # fmt: skip
ITEM = cpm.ActionItem(id="A1", text="Send the UAT plan", owner="li.wei", due="2026-11-27")
TALK = cpm.Interaction(
    id="I1", kind="meeting", channel="meeting", at=AT, summary="Weekly sync", action_items=[ITEM]
)

#: Results recomputed from the project: they say "Derived, no JSON form" and are refused.
DERIVED = {
    cpm.Schedule: lambda: cpm.schedule(P, as_of=SAMPLE_AS_OF),
    cpm.ScheduleChange: lambda: cpm.schedule(P, as_of=SAMPLE_AS_OF).what_if("M2", 3),
    cpm.MilestoneChange: lambda: cpm.schedule(P, as_of=SAMPLE_AS_OF).what_if("M2", 3).changes[0],
    cpm.ChangeImpact: lambda: cpm.assess_change(P, CR, as_of=SAMPLE_AS_OF),
    cpm.ScheduleImpact: lambda: cpm.assess_change(P, CR, as_of=SAMPLE_AS_OF).schedule,
    cpm.ImpactContext: None,  # only a dimension sees one; refused by class in from_dict
}

#: Plugin interfaces: they hold a function or a plugin's view of the project, not data.
NOT_DATA = {cpm.Dimension, cpm.SmartRule, cpm.SmartContext, cpm.SectionContext}


def _report() -> cpm.Report:
    return cpm.weekly_report(P, as_of=SAMPLE_AS_OF, locale="en")


def _impact() -> cpm.ChangeImpact:
    return cpm.assess_change(P, CR, as_of=SAMPLE_AS_OF, locale="en")


def _block(kind: type) -> object:
    for report in (_report(), cpm.risk_register(P, as_of=SAMPLE_AS_OF, locale="en")):
        for section in report.sections:
            for block in section.blocks:
                if isinstance(block, kind):
                    return block
    raise AssertionError(kind)  # pragma: no cover


#: A real instance of each type that round trips.
ROUND_TRIPS = {
    cpm.Money: lambda: P.budget,
    cpm.WorkCalendar: lambda: P.calendar,
    cpm.Project: lambda: P,
    cpm.Stakeholder: lambda: P.client,
    cpm.Requirement: lambda: P.requirements[1],
    cpm.Milestone: lambda: P.milestones[1],
    cpm.Risk: lambda: P.risks[0],
    cpm.Feedback: lambda: P.feedback[0],
    cpm.Goal: lambda: P.goals[0],
    cpm.Commitment: lambda: P.commitments[0],
    cpm.CostEntry: lambda: P.actual_costs[0],
    cpm.ChangeRequest: lambda: CR,
    cpm.Assessment: lambda: CR.assess(_impact(), by="pm", at=AT).assessment,
    cpm.Transition: lambda: P.requirements[1].history[0],
    cpm.AddRequirement: lambda: next(c for c in CR.changes if isinstance(c, cpm.AddRequirement)),
    cpm.ReviseEstimate: lambda: cpm.ReviseEstimate("REQ-2", "11"),
    cpm.RemoveRequirement: lambda: cpm.RemoveRequirement("REQ-3"),
    cpm.MoveMilestone: lambda: cpm.MoveMilestone("M2", "2026-12-22"),
    cpm.Problem: lambda: cpm.Problem("Milestone 'M1'.due", "expected a date"),
    cpm.MilestoneForecast: lambda: cpm.schedule(P, as_of=SAMPLE_AS_OF)["M2"],
    cpm.ExpectationGap: lambda: cpm.expectation_gaps(
        P.replace(attrs.evolve(P.milestone("M2"), duration_days=30)), as_of=SAMPLE_AS_OF
    )[0],
    cpm.CommitmentAtRisk: lambda: cpm.CommitmentAtRisk(
        "C1",
        "Beta by Friday",
        "li.wei",
        pendulum.date(2026, 12, 18),
        "M2",
        pendulum.date(2026, 12, 22),
        2,
        False,
    ),
    cpm.ScopeImpact: lambda: _impact().scope,
    cpm.BudgetImpact: lambda: _impact().budget,
    cpm.RiskImpact: lambda: _impact().risk,
    cpm.RiskEffect: lambda: cpm.RiskEffect("R1", ("REQ-2",), 6, 9),
    cpm.RecommendationImpact: lambda: _impact().recommendation,
    cpm.Reason: lambda: _impact().recommendation.reasons[0],
    cpm.DimensionResult: lambda: cpm.DimensionResult(
        "legal", "Needs a contract change.", escalate=True, details=(("clause", "4.2"),)
    ),
    cpm.ChangePolicy: lambda: cpm.ChangePolicy(contractual=["M2"]),
    cpm.CriteriaReport: lambda: cpm.check_acceptance_criteria(P.requirements[0]),
    cpm.CriterionResult: lambda: cpm.check_acceptance_criteria(P.requirements[0]).criteria[0],
    cpm.SmartReport: lambda: cpm.check_smart(P.goals[0], project=P, as_of=SAMPLE_AS_OF),
    cpm.LetterResult: lambda: cpm.check_smart(P.goals[0], project=P, as_of=SAMPLE_AS_OF).letters[0],
    cpm.Finding: lambda: next(
        f
        for g in P.goals
        for r in cpm.check_smart(g, project=P, as_of=SAMPLE_AS_OF).letters
        for f in r.findings
    ),
    cpm.SmartSettings: lambda: cpm.SmartSettings(min_words=4),
    cpm.Term: lambda: cpm.Term(("UAT",), "user acceptance testing", "用户验收测试"),
    cpm.Glossary: lambda: cpm.Glossary("team", [cpm.Term(("UAT",), "user tests", "验收")]),
    cpm.Jargon: lambda: cpm.Jargon("UAT", "user acceptance testing", "team"),
    cpm.Cadence: lambda: WEEKLY,
    cpm.CommunicationPlan: lambda: cpm.CommunicationPlan(
        [WEEKLY, cpm.Cadence.daily("d", "Stand-up", at="09:30:15", timezone="UTC", start=AT.date())]
    ),
    cpm.ActionItem: lambda: ITEM,
    cpm.Interaction: lambda: TALK,
    cpm.OpenActionItem: lambda: cpm.open_action_items([TALK], as_of=AT.add(days=7))[0],
    cpm.OccurrenceStatus: lambda: cpm.plan_status(
        cpm.CommunicationPlan([WEEKLY]), [], since="2026-11-02", as_of=AT
    )[0],
    cpm.EarnedValue: lambda: cpm.earned_value(P, as_of=SAMPLE_AS_OF),
    cpm.Confidence: lambda: cpm.due_date_confidence(
        P, "M2", as_of=SAMPLE_AS_OF, iterations=200, engine="python"
    ),
    cpm.ThreePoint: lambda: cpm.requirement_estimate(P.requirements[0]),
    cpm.PromiseKeeping: lambda: cpm.promise_keeping(P, start=P.start, end=SAMPLE_AS_OF),
    cpm.RiskMatrix: lambda: cpm.DEFAULT_MATRIX,
    cpm.RiskRating: lambda: cpm.rate_risk(P.risks[0]),
    cpm.RiskChanges: lambda: cpm.risk_changes(P, P.replace(attrs.evolve(P.risk("R3"), impact=5))),
    cpm.PeriodSatisfaction: lambda: cpm.satisfaction_trend(
        P, start=pendulum.date(2026, 9, 1), end=SAMPLE_AS_OF
    )[0],
    cpm.ResponseTargets: lambda: cpm.ResponseTargets(complaint=4),
    cpm.ResponseTime: lambda: cpm.response_times(P, as_of=AT)[0],
    cpm.Scale: lambda: cpm.Scale(1, 10),
    cpm.WorkingHours: lambda: cpm.WorkingHours(),
    cpm.HealthPolicy: lambda: cpm.HealthPolicy(red_slip_days=10),
    cpm.Status: lambda: cpm.project_health(
        P, as_of=SAMPLE_AS_OF, schedule=cpm.schedule(P, as_of=SAMPLE_AS_OF)
    ),
    cpm.Report: _report,
    cpm.Section: lambda: _report().sections[1],
    cpm.Paragraph: lambda: cpm.Paragraph("All on track."),
    cpm.Bullets: lambda: _block(cpm.Bullets),
    cpm.DataTable: lambda: _block(cpm.DataTable),
    cpm.KeyFacts: lambda: _block(cpm.KeyFacts),
    cpm.Callout: lambda: _block(cpm.Callout),
    cpm.Timeline: lambda: _block(cpm.Timeline),
    cpm.TimelineRow: lambda: _block(cpm.Timeline).rows[0],
    cpm.HeatMap: lambda: _block(cpm.HeatMap),
}

PUBLIC = [getattr(cpm, name) for name in cpm.__all__]
ATTRS_CLASSES = [c for c in PUBLIC if isinstance(c, type) and attrs.has(c)]
ENUMS = [c for c in PUBLIC if isinstance(c, type) and issubclass(c, enum.Enum)]


def test_every_public_type_is_classified():
    """Each public attrs class is in exactly one list: round trips, derived, or not data."""
    listed = [*ROUND_TRIPS, *DERIVED, *NOT_DATA]
    assert len(listed) == len(set(listed))
    assert sorted(c.__name__ for c in ATTRS_CLASSES) == sorted(c.__name__ for c in listed)


@pytest.mark.parametrize("cls", list(ROUND_TRIPS), ids=lambda c: c.__name__)
def test_round_trip(cls):
    """from_dict(type(x), to_dict(x)) == x for a real instance, also through JSON text."""
    value = ROUND_TRIPS[cls]()
    assert type(value) is cls
    data = to_dict(value)
    assert value == from_dict(cls, data)
    assert value == from_dict(cls, json.loads(json.dumps(data, allow_nan=False)))


@pytest.mark.parametrize("cls", list(DERIVED), ids=lambda c: c.__name__)
def test_derived_types_are_documented_and_refused(cls):
    """A derived type says so in its docstring; to_dict and from_dict refuse it by name."""
    assert "Derived, no JSON form" in (cls.__doc__ or "")
    make = DERIVED[cls]
    if make is not None:
        value = make()
        assert type(value) is cls
        with pytest.raises(cpm.ClientPMError) as info:
            to_dict(value)
        assert f"{cls.__name__} is derived and has no JSON form" in str(info.value)
    with pytest.raises(cpm.SerializationError) as info:
        from_dict(cls, {})
    assert f"$: {cls.__name__} is derived and has no JSON form" in str(info.value)


@pytest.mark.parametrize(
    "cls", sorted(NOT_DATA, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_plugin_interfaces_are_no_data(cls):
    """from_dict refuses a plugin interface with a clientpm error, never a crash."""
    with pytest.raises(cpm.SerializationError):
        from_dict(cls, {})


@pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
def test_every_enum_member_round_trips(cls):
    """Each member of a public enum is written as its value and read back as itself."""
    for member in cls:
        walker = _Walker()
        assert member.value == _plain(member)
        assert member is walker.build(cls, json.loads(json.dumps(_plain(member))), "$")
        assert [] == walker.problems


def test_mixed_tuples_keep_their_enums():
    """(int, RiskLevel) pairs come back as such, and a wrong-length pair is refused."""
    data = to_dict(cpm.DEFAULT_MATRIX)
    assert [1, "low"] == data["thresholds"][0]
    data["thresholds"][0] = [3]
    with pytest.raises(cpm.SerializationError, match=r"\$\.thresholds\[0\]: expected a list of 2"):
        from_dict(cpm.RiskMatrix, data)


def test_times_are_hh_mm_with_optional_seconds():
    """A time of day is 'HH:MM', with ':SS' only when it has seconds; junk is refused."""
    plan = ROUND_TRIPS[cpm.CommunicationPlan]()
    data = to_dict(plan)
    assert ["17:00", "09:30:15"] == [c["at"] for c in data["cadences"]]
    data["cadences"][0]["at"] = "25:00"
    with pytest.raises(cpm.SerializationError) as info:
        from_dict(cpm.CommunicationPlan, data)
    assert (
        "$.cadences[0].at: expected a time of day as 'HH:MM' or 'HH:MM:SS', got str '25:00'"
        == str(info.value)
    )


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_floats_must_be_finite(bad):
    """A probability is a JSON number; NaN and infinities are refused both ways."""
    confidence = ROUND_TRIPS[cpm.Confidence]()
    with pytest.raises(cpm.ValidationError, match="expected a finite number"):
        to_dict(attrs.evolve(confidence, probability=bad))
    data = to_dict(confidence)
    data["probability"] = bad
    with pytest.raises(cpm.SerializationError, match=r"\$\.probability: expected a finite"):
        from_dict(cpm.Confidence, data)


def test_a_union_of_values_names_every_form():
    """Decimal | Undefined reads '12.5' or 'undefined' and names both when neither fits."""
    period = ROUND_TRIPS[cpm.PeriodSatisfaction]()
    data = to_dict(period)
    data["csat"] = "12.5"
    assert Decimal("12.5") == from_dict(cpm.PeriodSatisfaction, data).csat
    data["csat"] = "lots"
    with pytest.raises(cpm.SerializationError) as info:
        from_dict(cpm.PeriodSatisfaction, data)
    assert str(info.value).startswith("$.csat: expected an exact number as text such as '12.50' or")


def test_report_blocks_carry_a_type_tag():
    """A block of a section is a union member, so it carries its snake-case class name."""
    data = to_dict(cpm.Section("next", "Next week", [cpm.Bullets(["UAT"])]))
    assert {"type": "bullets", "items": ["UAT"]} == data["blocks"][0]
    data["blocks"][0]["type"] = "poem"
    with pytest.raises(cpm.SerializationError, match=r"\$\.blocks\[0\]\.type: expected one of"):
        from_dict(cpm.Section, data)
