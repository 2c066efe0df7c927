"""The Project aggregate: checks, references, cycles, lookups, updates and applying changes."""

import itertools
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import (
    AddRequirement,
    Assessment,
    ChangeRequest,
    ChangeStatus,
    Commitment,
    CostEntry,
    DependencyCycleError,
    Feedback,
    Goal,
    Milestone,
    MilestoneStatus,
    Money,
    MoveMilestone,
    Project,
    RemoveRequirement,
    Requirement,
    RequirementStatus,
    ReviseEstimate,
    Risk,
    Stakeholder,
    Transition,
    UnknownReferenceError,
    ValidationError,
    WorkCalendar,
    sample_project,
)
from clientpm.model.project import find_cycle
from tests.helpers import problems, raised

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


T1 = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")


T2 = T1.add(hours=2)


T3 = T1.add(days=1)


CLIENT = Stakeholder(id="li.wei", name="Li Wei", role="sponsor")


PM = Stakeholder(id="chen.jie", name="Chen Jie", role="project_manager")


SAMPLE = sample_project()


SAMPLE_PEOPLE = "chen.jie, li.wei, liu.yang, wang.fang, zhang.min"


SAMPLE_REQS = "REQ-1, REQ-2, REQ-3, REQ-4, REQ-5, REQ-6, REQ-7"


KINDS = "Stakeholder, Requirement, Milestone, ChangeRequest, Risk, Feedback, Goal, Commitment"


CYCLE = "(a milestone cannot depend on itself, directly or indirectly)"


def cny(amount: str) -> Money:
    return Money(amount, "CNY")


def project(**changes: object) -> Project:
    fields = {
        "key": "ACME",
        "name": "ACME portal",
        "client": CLIENT,
        "currency": "CNY",
        "budget": cny("480000"),
        "day_rate": cny("4000"),
        "start": "2026-11-02",
    }
    return Project(**{**fields, **changes})  # type: ignore[arg-type]


def req(rid: str, *, signed: bool = True, **changes: object) -> Requirement:
    fields = {
        "id": rid,
        "title": f"Title {rid}",
        "estimate_days": 2,
        "acceptance_criteria": [f"{rid} works"],
    }
    r = Requirement(**{**fields, **changes})  # type: ignore[arg-type]
    return r.sign_off(by="li.wei", at=AT) if signed else r


def stone(mid: str, **changes: object) -> Milestone:
    return Milestone(**{"id": mid, "title": f"Title {mid}", "due": "2026-12-18", **changes})  # type: ignore[arg-type]


def risk(rid: str, **changes: object) -> Risk:
    fields = {
        "id": rid,
        "title": "Slip",
        "probability": 2,
        "impact": 3,
        "owner": "chen.jie",
        "next_review": "2026-12-01",
    }
    return Risk(**{**fields, **changes})  # type: ignore[arg-type]


def feedback(fid: str, **changes: object) -> Feedback:
    fields = {"id": fid, "stakeholder": "li.wei", "received_at": AT, "kind": "praise", "text": "Ok"}
    return Feedback(**{**fields, **changes})  # type: ignore[arg-type]


def goal(gid: str, **changes: object) -> Goal:
    return Goal(**{"id": gid, "statement": "Be fast", **changes})  # type: ignore[arg-type]


def promise(pid: str, **changes: object) -> Commitment:
    fields = {
        "id": pid,
        "promise": "Send the plan",
        "to": "li.wei",
        "made_by": "chen.jie",
        "made_at": AT,
        "due": "2026-11-27",
    }
    return Commitment(**{**fields, **changes})  # type: ignore[arg-type]


def change(cid: str, *changes: object, **fields: object) -> ChangeRequest:
    base = {
        "id": cid,
        "title": f"Change {cid}",
        "requested_by": "li.wei",
        "submitted_at": AT,
        "reason": "why not",
        "changes": changes,
    }
    return ChangeRequest(**{**base, **fields})  # type: ignore[arg-type]


def assessment(price: Money | None = cny("30000")) -> Assessment:
    return Assessment(
        effort_days=6,
        cost=cny("24000"),
        slip_days=3,
        recommendation="bill",
        summary="6 days",
        price=price,
    )


def approved(
    cr: ChangeRequest,
    *,
    by: str = "li.wei",
    billing: str = "paid",
    price: Money | None = cny("30000"),
) -> ChangeRequest:
    return cr.assess(assessment(price), by="chen.jie", at=T1).approve(by=by, at=T2, billing=billing)


class TestFindCycle:
    def test_docstring_cycle(self):
        assert ("M1", "M3", "M2", "M1") == find_cycle({"M1": ["M3"], "M2": ["M1"], "M3": ["M2"]})

    @pytest.mark.parametrize(
        "graph",
        [
            {},
            {"M1": [], "M2": ["M1"]},
            {"M2": ["M1"], "M1": []},
            {"M1": ["M9"], "M2": ["M1", "M9"]},
            {"A": ["B", "C"], "B": ["C"], "C": []},
        ],
    )
    def test_no_cycle(self, graph):
        assert find_cycle(graph) is None

    def test_two_cycle_through_the_root(self):
        assert ("M1", "M2", "M1") == find_cycle({"M1": ("M2",), "M2": ("M1",)})

    def test_cycle_below_the_root_excludes_the_path_to_it(self):
        assert ("B", "C", "B") == find_cycle({"A": ["B"], "B": ["C"], "C": ["B"]})

    def test_cycle_after_a_finished_root(self):
        graph = {"A": ["B"], "B": [], "C": ["D"], "D": ["C"]}
        assert ("C", "D", "C") == find_cycle(graph)

    def test_cycle_after_a_finished_branch(self):
        graph = {"A": ["B", "C"], "B": [], "C": ["D"], "D": ["A"]}
        assert ("A", "C", "D", "A") == find_cycle(graph)

    def test_self_loop(self):
        assert ("A", "A") == find_cycle({"A": ["A"]})


class TestFields:
    def test_defaults(self):
        p = project()
        assert (
            pendulum.date(2026, 11, 2),
            WorkCalendar(),
            None,
            Decimal(1),
            (),
            (),
            (),
            (),
            (),
            (),
            (),
            (),
            (),
            (),
        ) == (
            p.start,
            p.calendar,
            p.end,
            p.daily_capacity,
            p.stakeholders,
            p.requirements,
            p.milestones,
            p.change_requests,
            p.risks,
            p.feedback,
            p.goals,
            p.commitments,
            p.actual_costs,
            p.lessons,
        )
        assert ("Project 'ACME'", (CLIENT,), (), cny("0")) == (
            p.label,
            p.people,
            p.scope_baseline,
            p.estimated_cost,
        )

    def test_conversions(self):
        p = project(
            end="2027-03-31",
            daily_capacity="1.5",
            stakeholders=[PM],
            requirements=[req("R1")],
            lessons=["Agree the data early"],
        )
        assert (
            pendulum.date(2027, 3, 31),
            Decimal("1.5"),
            (PM,),
            ("R1",),
            ("Agree the data early",),
            (CLIENT, PM),
        ) == (
            p.end,
            p.daily_capacity,
            p.stakeholders,
            tuple(r.id for r in p.requirements),
            p.lessons,
            p.people,
        )
        assert isinstance(p.end, pendulum.Date)

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Project ''.key: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            "Project ''.name: expected a non-empty text, got str ' '",
            "Project ''.client: expected a Stakeholder, got str 'li.wei'",
            (
                "Project ''.currency: expected an ISO 4217 currency code such as 'CNY', "
                "got str 'XYZ'"
            ),
            "Project ''.budget: expected Money, e.g. Money('4000', 'CNY'), got str '480000'",
            "Project ''.day_rate: expected Money, e.g. Money('4000', 'CNY'), got None",
            (
                "Project ''.start: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "Project ''.end: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'y'"
            ),
            "Project ''.calendar: expected a WorkCalendar, got str 'cal'",
            (
                "Project ''.daily_capacity: expected a number (int, Decimal or numeric text), "
                "got str 'many'"
            ),
            "Project ''.stakeholders[0]: expected a Stakeholder, got int 1",
            "Project ''.requirements[0]: expected a Requirement, got int 2",
            "Project ''.milestones[0]: expected a Milestone, got int 3",
            "Project ''.change_requests[0]: expected a ChangeRequest, got int 4",
            "Project ''.risks[0]: expected a Risk, got int 5",
            "Project ''.feedback[0]: expected a Feedback, got int 6",
            "Project ''.goals[0]: expected a Goal, got int 7",
            "Project ''.commitments[0]: expected a Commitment, got int 8",
            "Project ''.actual_costs[0]: expected a CostEntry, got int 9",
            "Project ''.lessons[0]: expected a non-empty lesson, got str ''",
        ] == problems(
            project,
            key="",
            name=" ",
            client="li.wei",
            currency="XYZ",
            budget="480000",
            day_rate=None,
            start="x",
            end="y",
            calendar="cal",
            daily_capacity="many",
            stakeholders=[1],
            requirements=[2],
            milestones=[3],
            change_requests=[4],
            risks=[5],
            feedback=[6],
            goals=[7],
            commitments=[8],
            actual_costs=[9],
            lessons=[""],
        )

    def test_collections_must_be_lists(self):
        assert [
            "Project 'ACME'.stakeholders: expected a list of Stakeholder objects, got str 'li'",
            "Project 'ACME'.goals: expected a list of Goal objects, got int 3",
            "Project 'ACME'.actual_costs: expected a list of CostEntry objects, got str 'x'",
            "Project 'ACME'.lessons: expected a list of lessons, got str 'y'",
        ] == problems(project, stakeholders="li", goals=3, actual_costs="x", lessons="y")

    def test_wrong_kind_in_a_valid_collection(self):
        assert [
            "Project 'ACME'.requirements[1]: expected a Requirement, got str 'R2'",
            "Project 'ACME'.risks[0]: expected a Risk, got str 'R1'",
        ] == problems(project, requirements=[req("R1"), "R2"], risks=["R1"])

    def test_start_as_datetime(self):
        assert [
            (
                "Project 'ACME'.start: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got DateTime 2026-11-02T00:00:00+00:00; use .date() to drop the time"
            )
        ] == problems(project, start=pendulum.datetime(2026, 11, 2))

    @pytest.mark.parametrize("capacity", [0, "-1.5"])
    def test_daily_capacity_must_be_positive(self, capacity):
        value = Decimal(capacity)
        assert [
            f"Project 'ACME'.daily_capacity: expected person-days per working day > 0, got {value}"
        ] == problems(project, daily_capacity=capacity)

    @pytest.mark.parametrize("capacity", ["0.01", "0.5", 1, 2])
    def test_small_daily_capacity_is_allowed(self, capacity):
        assert Decimal(capacity) == project(daily_capacity=capacity).daily_capacity

    def test_end_before_start(self):
        assert [
            "Project 'ACME'.end: expected a date on or after start (2026-11-02), got 2026-11-01"
        ] == problems(project, end="2026-11-01")

    def test_end_on_start_is_allowed(self):
        assert pendulum.date(2026, 11, 2) == project(end="2026-11-02").end

    def test_end_is_not_compared_with_a_bad_start(self):
        assert [
            (
                "Project 'ACME'.start: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'soon'"
            )
        ] == problems(project, start="soon", end="2026-11-01")


class TestUniqueIds:
    def test_every_collection_is_checked(self):
        assert [
            "Project 'ACME'.stakeholders: expected unique ids, got 'li.wei' more than once",
            "Project 'ACME'.requirements: expected unique ids, got 'R1' more than once",
            "Project 'ACME'.requirements: expected unique ids, got 'R1' more than once",
            "Project 'ACME'.milestones: expected unique ids, got 'M1' more than once",
            "Project 'ACME'.change_requests: expected unique ids, got 'CR-1' more than once",
            "Project 'ACME'.risks: expected unique ids, got 'K1' more than once",
            "Project 'ACME'.feedback: expected unique ids, got 'F1' more than once",
            "Project 'ACME'.goals: expected unique ids, got 'G1' more than once",
            "Project 'ACME'.commitments: expected unique ids, got 'P1' more than once",
        ] == problems(
            project,
            stakeholders=[PM, Stakeholder(id="li.wei", name="Li", role="end_user")],
            requirements=[req("R1"), req("R2"), req("R1"), req("R1", title="Other")],
            milestones=[stone("M1"), stone("M1")],
            change_requests=[change("CR-1", ReviseEstimate("R1", 3))] * 2,
            risks=[risk("K1"), risk("K1", title="Other")],
            feedback=[feedback("F1")] * 2,
            goals=[goal("G1"), goal("G2"), goal("G1")],
            commitments=[promise("P1")] * 2,
        )

    def test_duplicate_stakeholders(self):
        assert [
            "Project 'ACME'.stakeholders: expected unique ids, got 'chen.jie' more than once"
        ] == problems(project, stakeholders=[PM, PM])
        assert [
            "Project 'ACME'.stakeholders: expected unique ids, got 'chen.jie' more than once",
            "Project 'ACME'.stakeholders: expected unique ids, got 'chen.jie' more than once",
        ] == problems(project, stakeholders=[PM, PM, PM])

    def test_unique_ids_and_money_are_reported_together(self):
        assert [
            "Project 'ACME'.milestones: expected unique ids, got 'M1' more than once",
            "Project 'ACME'.budget: expected money in the project currency CNY, got 1.00 USD",
        ] == problems(project, milestones=[stone("M1"), stone("M1")], budget=Money("1", "USD"))

    def test_same_id_in_different_collections_is_allowed(self):
        p = project(requirements=[req("X1")], milestones=[stone("X1", deliverables=["X1"])])
        assert (("X1",), ("X1",)) == (
            tuple(r.id for r in p.requirements),
            tuple(m.id for m in p.milestones),
        )


class TestMoney:
    def test_every_amount_is_in_the_project_currency(self):
        usd = Money("100", "USD")
        cr = change("CR-1", ReviseEstimate("R1", 3)).assess(
            Assessment(
                effort_days=1,
                cost=usd,
                slip_days=0,
                recommendation="bill",
                summary="s",
                price=Money("120", "USD"),
            ),
            by="chen.jie",
            at=T1,
        )
        assert [
            "Project 'ACME'.budget: expected money in the project currency CNY, got 480000.00 USD",
            "Project 'ACME'.day_rate: expected money in the project currency CNY, got 4000.00 EUR",
            (
                "Project 'ACME'.risks[K2].cost_impact: expected money in the project currency CNY, "
                "got 100.00 USD"
            ),
            (
                "Project 'ACME'.actual_costs[1].amount: expected money in the project currency "
                "CNY, got 100.00 USD"
            ),
            (
                "Project 'ACME'.change_requests[CR-1].assessment.cost: expected money in the "
                "project currency CNY, got 100.00 USD"
            ),
            (
                "Project 'ACME'.change_requests[CR-1].assessment.price: expected money in the "
                "project currency CNY, got 120.00 USD"
            ),
        ] == problems(
            project,
            budget=Money("480000", "USD"),
            day_rate=Money("4000", "EUR"),
            stakeholders=[PM],
            requirements=[req("R1")],
            risks=[risk("K1"), risk("K2", cost_impact=usd), risk("K3", cost_impact=cny("5"))],
            actual_costs=[
                CostEntry(on="2026-11-06", amount=cny("100")),
                CostEntry(on="2026-11-13", amount=usd),
            ],
            change_requests=[cr, change("CR-2", ReviseEstimate("R1", 4))],
        )

    def test_amounts_in_the_project_currency_pass(self):
        cr = change("CR-1", ReviseEstimate("R1", 3)).assess(assessment(None), by="chen.jie", at=T1)
        p = project(
            stakeholders=[PM],
            requirements=[req("R1")],
            risks=[risk("K1", cost_impact=cny("5"))],
            actual_costs=[CostEntry(on="2026-11-06", amount=cny("100"))],
            change_requests=[cr],
        )
        assert (ChangeStatus.ASSESSED, None) == (
            p.change_request("CR-1").status,
            p.change_request("CR-1").assessment.price,  # type: ignore[union-attr]
        )


def reference_problems(**changes: object) -> tuple[type, list[str]]:
    with pytest.raises(ValidationError) as info:
        project(**changes)
    return type(info.value), [str(p) for p in info.value.problems]


class TestReferences:
    def test_every_reference_is_checked_and_named(self):
        implemented = approved(change("CR-3", ReviseEstimate("R99", 1)), by="ghost")
        implemented = implemented.mark_implemented(by="ghost", at=T3)
        rejected = change("CR-4", RemoveRequirement("R66"))
        rejected = rejected.assess(assessment(), by="chen.jie", at=T1).reject(
            by="chen.jie", at=T2, why="too big"
        )
        submitted = change(
            "CR-1",
            ReviseEstimate("R8", 3),
            RemoveRequirement("R7"),
            MoveMilestone("M8", "2027-01-01"),
            AddRequirement(req("R1", signed=False), milestone="M7"),
            requested_by="ghost",
        )
        by_pm = approved(change("CR-2", ReviseEstimate("R2", 3)), by="chen.jie")
        kind, found = reference_problems(
            stakeholders=[PM],
            requirements=[req("R1"), req("R2")],
            milestones=[stone("M1", depends_on=["M0"], deliverables=["R1", "R9"])],
            change_requests=[implemented, submitted, by_pm, rejected],
            risks=[risk("K1", owner="ghost", affects=["R1", "M1", "X9"])],
            feedback=[feedback("F1", stakeholder="ghost")],
            goals=[goal("G1", owner="ghost"), goal("G2")],
            commitments=[promise("P1", to="ghost", milestone="M9"), promise("P2")],
            actual_costs=[
                CostEntry(on="2026-11-06", amount=cny("100")),
                CostEntry(on="2026-11-13", amount=cny("100"), requirement="R5"),
            ],
        )
        assert ValidationError is kind  # who may approve is a rule of the record, not a reference
        assert [
            "Milestone 'M1'.depends_on: names unknown milestone 'M0' (known: M1)",
            "Milestone 'M1'.deliverables: names unknown requirement 'R9' (known: R1, R2)",
            (
                "ChangeRequest 'CR-1'.requested_by: names unknown stakeholder 'ghost' "
                "(known: chen.jie, li.wei)"
            ),
            "ChangeRequest 'CR-1'.changes: names unknown requirement 'R8' (known: R1, R2)",
            "ChangeRequest 'CR-1'.changes: names unknown requirement 'R7' (known: R1, R2)",
            "ChangeRequest 'CR-1'.changes: names unknown milestone 'M8' (known: M1)",
            (
                "ChangeRequest 'CR-1'.changes: adds requirement 'R1', but the project already "
                "has a requirement with that id"
            ),
            "ChangeRequest 'CR-1'.changes: names unknown milestone 'M7' (known: M1)",
            "Risk 'K1'.owner: names unknown stakeholder 'ghost' (known: chen.jie, li.wei)",
            ("Risk 'K1'.affects: names unknown requirement or milestone 'X9' (known: M1, R1, R2)"),
            (
                "Feedback 'F1'.stakeholder: names unknown stakeholder 'ghost' "
                "(known: chen.jie, li.wei)"
            ),
            "Goal 'G1'.owner: names unknown stakeholder 'ghost' (known: chen.jie, li.wei)",
            "Commitment 'P1'.to: names unknown stakeholder 'ghost' (known: chen.jie, li.wei)",
            "Commitment 'P1'.milestone: names unknown milestone 'M9' (known: M1)",
            (
                "Project 'ACME'.actual_costs[1].requirement: names unknown requirement 'R5' "
                "(known: R1, R2)"
            ),
            (
                "Project 'ACME': ChangeRequest 'CR-3' is approved (the client's acceptance of "
                "the impact, D4) by 'ghost', who is not a stakeholder of the project "
                "(client-side stakeholders: li.wei)"
            ),
            (
                "Project 'ACME': ChangeRequest 'CR-2' is approved (the client's acceptance of "
                "the impact, D4) by 'chen.jie', who is not on the client side (project_manager; "
                "client-side stakeholders: li.wei)"
            ),
        ] == found

    def test_unknown_reference_error_is_a_lookup_error(self):
        with pytest.raises(LookupError) as info:
            project(goals=[goal("G1", owner="ghost")])
        assert "Goal 'G1'.owner: names unknown stakeholder 'ghost' (known: li.wei)" == str(
            info.value
        )

    def test_nothing_known(self):
        assert (
            UnknownReferenceError,
            [
                "Milestone 'M1'.deliverables: names unknown requirement 'R1' (known: none)",
                "Risk 'K1'.affects: names unknown requirement or milestone 'M2' (known: M1)",
            ],
        ) == reference_problems(
            stakeholders=[PM],
            milestones=[stone("M1", deliverables=["R1"])],
            risks=[risk("K1", affects=["M2"])],
        )

    def test_client_clients_and_all_known_references_pass(self):
        contact = Stakeholder(id="zhang.min", name="Zhang Min", role="client_contact")
        by_client = approved(change("CR-1", ReviseEstimate("R1", 3)), by="li.wei")
        by_contact = approved(change("CR-2", ReviseEstimate("R2", 3)), by="zhang.min")
        done = approved(change("CR-3", ReviseEstimate("R1", 4)), by="li.wei")
        done = done.mark_implemented(by="li.wei", at=T3)
        adds = change(
            "CR-4",
            AddRequirement(req("R3", signed=False)),
            AddRequirement(req("R4", signed=False), milestone="M1"),
            MoveMilestone("M1", "2027-01-08"),
            RemoveRequirement("R2"),
            requested_by="chen.jie",
        )
        p = project(
            stakeholders=[PM, contact],
            requirements=[req("R1"), req("R2")],
            milestones=[stone("M0"), stone("M1", depends_on=["M0"], deliverables=["R1", "R2"])],
            change_requests=[by_client, by_contact, done, adds],
            risks=[risk("K1", owner="li.wei", affects=["R2", "M0"])],
            feedback=[feedback("F1", stakeholder="zhang.min")],
            goals=[goal("G1", owner="chen.jie"), goal("G2")],
            commitments=[promise("P1", milestone="M1"), promise("P2", to="zhang.min")],
            actual_costs=[CostEntry(on="2026-11-06", amount=cny("100"), requirement="R1")],
        )
        assert ("CR-1", "CR-2", "CR-3", "CR-4") == tuple(c.id for c in p.change_requests)

    @pytest.mark.parametrize(("decide", "status"), [("reject", "rejected"), ("defer", "deferred")])
    def test_decisions_other_than_approval_may_come_from_the_team(self, decide, status):
        cr = change("CR-1", ReviseEstimate("R1", 3)).assess(assessment(), by="chen.jie", at=T1)
        cr = getattr(cr, decide)(by="chen.jie", at=T2, why="later")
        p = project(stakeholders=[PM], requirements=[req("R1")], change_requests=[cr])
        assert ("chen.jie", status) == (
            p.change_request("CR-1").decided_by,
            p.change_request("CR-1").status.value,
        )

    @pytest.mark.parametrize("status", ["rejected", "withdrawn", "implemented"])
    def test_closed_requests_are_not_checked_against_the_scope(self, status):
        cr = change("CR-1", ReviseEstimate("R9", 3), MoveMilestone("M9", "2027-01-01"))
        if status == "withdrawn":
            cr = cr.withdraw(by="li.wei", at=T1, why="no longer needed")
        elif status == "rejected":
            cr = cr.assess(assessment(), by="chen.jie", at=T1).reject(by="li.wei", at=T2, why="no")
        else:
            cr = approved(cr).mark_implemented(by="li.wei", at=T3)
        assert status == project(change_requests=[cr]).change_requests[0].status.value

    @pytest.mark.parametrize("status", ["submitted", "assessed", "deferred", "approved"])
    def test_open_requests_are_checked_against_the_scope(self, status):
        cr = change("CR-1", MoveMilestone("M9", "2027-01-01"))
        if status != "submitted":
            cr = cr.assess(assessment(), by="chen.jie", at=T1)
        if status == "deferred":
            cr = cr.defer(by="li.wei", at=T2, why="later")
        elif status == "approved":
            cr = cr.approve(by="li.wei", at=T2, billing="free")
        assert (
            UnknownReferenceError,
            ["ChangeRequest 'CR-1'.changes: names unknown milestone 'M9' (known: none)"],
        ) == reference_problems(change_requests=[cr])

    def test_every_unknown_reference_reported_at_once(self):
        """Dependencies, deliverables, owners and change targets are all checked together."""
        with pytest.raises(cpm.UnknownReferenceError) as info:
            acme(
                milestones=[cpm.Milestone(id="M1", title="Beta", due="2026-12-18",
                                          depends_on=["M0"], deliverables=["REQ-9"])],
                risks=[cpm.Risk(id="R1", title="x", probability=1, impact=1, owner="nobody",
                                next_review="2026-12-01")],
                change_requests=[cpm.ChangeRequest(
                    id="CR-1", title="x", requested_by="li.wei", submitted_at=NOV_25, reason="y",
                    changes=[cpm.MoveMilestone("M7", "2027-01-01")])],
            )  # fmt: skip
        assert [
            "Milestone 'M1'.depends_on: names unknown milestone 'M0' (known: M1)",
            "Milestone 'M1'.deliverables: names unknown requirement 'REQ-9' (known: none)",
            "ChangeRequest 'CR-1'.changes: names unknown milestone 'M7' (known: M1)",
            "Risk 'R1'.owner: names unknown stakeholder 'nobody' (known: chen.jie, li.wei)",
        ] == [str(p) for p in info.value.problems]

    def test_cycle_is_named(self):
        """A dependency cycle is rejected with the cycle spelled out."""
        with pytest.raises(cpm.DependencyCycleError) as info:
            acme(milestones=milestones({"M1": ["M3"], "M2": ["M1"], "M3": ["M2"]}))
        assert ("M1", "M3", "M2", "M1") == info.value.cycle
        assert str(info.value) == (
            "Project 'ACME'.milestones: dependency cycle M1 -> M3 -> M2 -> M1 (a milestone "
            "cannot depend on itself, directly or indirectly)"
        )

    def test_duplicate_ids(self):
        """Ids are unique within a collection."""
        m = cpm.Milestone(id="M1", title="Beta", due="2026-12-18")
        with pytest.raises(
            cpm.ValidationError, match="expected unique ids, got 'M1' more than once"
        ):
            acme(milestones=[m, m])

    def test_money_in_another_currency(self):
        """All money is in the project currency."""
        with pytest.raises(cpm.ValidationError) as info:
            acme(day_rate=cpm.Money("500", "USD"))
        assert str(info.value) == (
            "Project 'ACME'.day_rate: expected money in the project currency CNY, got 500.00 USD"
        )

    @given(st.integers(2, 30), st.data())
    def test_random_acyclic_plans_accepted_and_any_back_edge_rejected(self, n, data):
        """Depending only on earlier milestones is fine; one back edge makes a named cycle."""
        edges = {
            f"M{i}": sorted(data.draw(st.sets(st.sampled_from([f"M{j}" for j in range(i)]),
                                              max_size=3)) if i else set())
            for i in range(n)
        }  # fmt: skip
        p = acme(milestones=milestones(edges))
        assert n == len(p.milestones)
        # Add a back edge from an early milestone to a later one that (transitively) needs it.
        later = data.draw(st.integers(1, n - 1))
        reach, todo = set(), [f"M{later}"]
        while todo:
            for dep in edges[todo.pop()]:
                if dep not in reach:
                    reach.add(dep)
                    todo.append(dep)
        if not reach:
            return
        early = data.draw(st.sampled_from(sorted(reach)))
        edges[early] = [*edges[early], f"M{later}"]
        with pytest.raises(cpm.DependencyCycleError) as info:
            acme(milestones=milestones(edges))
        cycle = info.value.cycle
        assert cycle[0] == cycle[-1]
        for a, b in itertools.pairwise(cycle):
            assert b in edges[a]


class TestCycles:
    def test_cycle_alone(self):
        with pytest.raises(DependencyCycleError) as info:
            project(milestones=[stone("M1", depends_on=["M2"]), stone("M2", depends_on=["M1"])])
        assert DependencyCycleError is type(info.value)
        assert ("M1", "M2", "M1") == info.value.cycle
        assert [f"Project 'ACME'.milestones: dependency cycle M1 -> M2 -> M1 {CYCLE}"] == [
            str(p) for p in info.value.problems
        ]

    def test_cycle_with_unknown_references(self):
        kind, found = reference_problems(
            milestones=[
                stone("M1", depends_on=["M3"], deliverables=["R9"]),
                stone("M2", depends_on=["M1", "M0"]),
                stone("M3", depends_on=["M2"]),
            ]
        )
        assert ValidationError is kind
        assert [
            "Milestone 'M1'.deliverables: names unknown requirement 'R9' (known: none)",
            "Milestone 'M2'.depends_on: names unknown milestone 'M0' (known: M1, M2, M3)",
            f"Project 'ACME'.milestones: dependency cycle M1 -> M3 -> M2 -> M1 {CYCLE}",
        ] == found

    def test_chain_is_not_a_cycle(self):
        p = project(
            milestones=[stone("M3", depends_on=["M2"]), stone("M2", depends_on=["M1"]), stone("M1")]
        )
        assert ("M3", "M2", "M1") == tuple(m.id for m in p.milestones)


class TestLookups:
    @pytest.mark.parametrize(
        ("method", "item_id", "collection", "index"),
        [
            ("stakeholder", "zhang.min", "stakeholders", 0),
            ("requirement", "REQ-3", "requirements", 2),
            ("milestone", "M2", "milestones", 1),
            ("change_request", "CR-1", "change_requests", 0),
            ("risk", "R3", "risks", 2),
            ("feedback_item", "F4", "feedback", 3),
            ("goal", "G2", "goals", 1),
            ("commitment", "P3", "commitments", 2),
        ],
    )
    def test_found(self, method, item_id, collection, index):
        assert getattr(SAMPLE, collection)[index] is getattr(SAMPLE, method)(item_id)

    def test_the_client_is_a_stakeholder(self):
        assert SAMPLE.client is SAMPLE.stakeholder("li.wei")

    @pytest.mark.parametrize(
        ("method", "message"),
        [
            ("stakeholder", f"has no stakeholder 'X9' (known: {SAMPLE_PEOPLE})"),
            ("requirement", f"has no requirement 'X9' (known: {SAMPLE_REQS})"),
            ("milestone", "has no milestone 'X9' (known: M1, M2, M3, M4)"),
            ("change_request", "has no change request 'X9' (known: CR-1)"),
            ("risk", "has no risk 'X9' (known: R1, R2, R3)"),
            ("feedback_item", "has no feedback 'X9' (known: F1, F2, F3, F4)"),
            ("goal", "has no goal 'X9' (known: G1, G2)"),
            ("commitment", "has no commitment 'X9' (known: P1, P2, P3)"),
        ],
    )
    def test_not_found(self, method, message):
        assert ("UnknownReferenceError", f"Project 'ACME': {message}") == raised(
            getattr(SAMPLE, method), "X9"
        )

    def test_unhashable_id(self):
        assert (
            "UnknownReferenceError",
            "Project 'ACME': has no risk ['R1'] (known: R1, R2, R3)",
        ) == raised(SAMPLE.risk, ["R1"])

    def test_empty_project(self):
        assert ("UnknownReferenceError", "Project 'ACME': has no goal 'G1' (known: none)") == (
            raised(project().goal, "G1")
        )

    def test_many_known_ids_are_cut_short(self):
        p = project(requirements=[req(f"R{i:02}") for i in range(11, 0, -1)])
        assert (
            "UnknownReferenceError",
            (
                "Project 'ACME': has no requirement 'R99' (known: R01, R02, R03, R04, R05, R06, "
                "R07, R08, R09, R10, … (11 in all))"
            ),
        ) == raised(p.requirement, "R99")

    def test_ten_known_ids_are_all_shown(self):
        p = project(requirements=[req(f"R{i:02}") for i in range(10, 0, -1)])
        assert (
            "UnknownReferenceError",
            (
                "Project 'ACME': has no requirement 'R99' (known: R01, R02, R03, R04, R05, R06, "
                "R07, R08, R09, R10)"
            ),
        ) == raised(p.requirement, "R99")

    @pytest.mark.parametrize(
        "item_id", ["li.wei", "wang.fang", "REQ-6", "M4", "CR-1", "R2", "F1", "G2", "P3"]
    )
    def test_has(self, item_id):
        assert SAMPLE.has(item_id) is True

    @pytest.mark.parametrize("item_id", ["M9", "", "ACME", "CNY"])
    def test_has_not(self, item_id):
        assert SAMPLE.has(item_id) is False

    def test_people_scope_and_cost(self):
        assert ("li.wei", "zhang.min", "chen.jie", "liu.yang", "wang.fang") == tuple(
            s.id for s in SAMPLE.people
        )
        assert ("REQ-1", "REQ-2", "REQ-3", "REQ-4", "REQ-5", "REQ-7") == tuple(
            r.id for r in SAMPLE.scope_baseline
        )
        assert cny("224000") == SAMPLE.estimated_cost


class TestTable:
    def test_sample(self):
        t = SAMPLE.table()
        assert (
            "ACME HR portal (ACME)",
            (
                "Client Li Wei; budget 480000.00 CNY; 2026-11-02 – 2027-03-31; 7 requirements, "
                "1 change requests, 3 risks, 4 feedback"
            ),
            ("Milestone", "Title", "Due", "Baseline due", "Status"),
            (
                ("M1", "Design sign-off", "2026-11-13", "2026-11-13", "accepted"),
                ("M2", "Beta", "2026-12-18", "2026-12-18", "in_progress"),
                ("M3", "Workflow and dashboard", "2027-01-22", "2027-01-22", "planned"),
                ("M4", "Go-live", "2027-02-26", "2027-02-26", "planned"),
            ),
        ) == (t.title, t.caption, t.headers, t.rows)

    def test_open_ended_project_with_a_moved_milestone(self):
        moved = stone("M1", due="2027-01-08", baseline_due="2026-12-18")
        t = project(milestones=[moved]).table()
        assert (
            "ACME portal (ACME)",
            (
                "Client Li Wei; budget 480000.00 CNY; from 2026-11-02; 0 requirements, "
                "0 change requests, 0 risks, 0 feedback"
            ),
            (("M1", "Title M1", "2027-01-08", "2026-12-18", "planned"),),
        ) == (t.title, t.caption, t.rows)

    def test_mimebundle(self):
        bundle = SAMPLE._repr_mimebundle_()
        assert SAMPLE.table().mimebundle() == bundle
        assert ["text/html", "text/markdown", "text/plain"] == sorted(bundle)


class TestAdd:
    def test_items_go_to_their_collections_in_order(self):
        p = project(stakeholders=[PM], risks=[risk("K1")])
        q = p.add(
            risk("K3"), goal("G1"), risk("K2"), Stakeholder(id="x", name="X", role="end_user")
        )
        assert (("K1", "K3", "K2"), ("G1",), ("chen.jie", "x")) == (
            tuple(r.id for r in q.risks),
            tuple(g.id for g in q.goals),
            tuple(s.id for s in q.stakeholders),
        )
        assert (("K1",), ()) == (tuple(r.id for r in p.risks), p.goals)
        assert q.risk("K2").title == "Slip"

    def test_every_kind_can_be_added(self):
        p = project(stakeholders=[PM]).add(
            req("R1"),
            stone("M1", deliverables=["R1"]),
            change("CR-1", ReviseEstimate("R1", 3)),
            risk("K1"),
            feedback("F1"),
            goal("G1"),
            promise("P1", milestone="M1"),
        )
        assert all(
            p.has(i) for i in ("chen.jie", "R1", "M1", "CR-1", "K1", "F1", "G1", "P1", "li.wei")
        )

    def test_nothing_to_add(self):
        p = project()
        assert p == p.add()

    @pytest.mark.parametrize(
        ("item", "described"),
        [("x", "str 'x'"), (cny("1"), "Money('1.00', 'CNY')"), (None, "None")],
    )
    def test_unknown_kind(self, item, described):
        assert (
            "ValidationError",
            f"Project 'ACME'.add: expected one of {KINDS}, got {described}",
        ) == raised(project().add, item)

    def test_a_bad_item_adds_nothing_else(self):
        p = project()
        assert (
            "ValidationError",
            f"Project 'ACME'.add: expected one of {KINDS}, got int 1",
        ) == raised(p.add, goal("G1"), 1)
        assert () == p.goals

    def test_existing_ids_are_refused(self):
        p = project(stakeholders=[PM], risks=[risk("K1"), risk("K2")], goals=[goal("G1")])
        assert (
            "ValidationError",
            (
                "Project 'ACME'.risks: expected new ids, got 'K2', 'K1' which already exist "
                "(use replace() to change an existing item)"
            ),
        ) == raised(p.add, risk("K2"), risk("K3"), goal("G1"), risk("K1"))

    def test_the_client_id_is_taken(self):
        assert (
            "ValidationError",
            (
                "Project 'ACME'.stakeholders: expected new ids, got 'li.wei' which already exist "
                "(use replace() to change an existing item)"
            ),
        ) == raised(project().add, Stakeholder(id="li.wei", name="Li", role="end_user"))

    def test_added_items_are_checked(self):
        assert (
            "ValidationError",
            "Project 'ACME'.goals: expected unique ids, got 'G1' more than once",
        ) == raised(project().add, goal("G1"), goal("G1"))
        assert (
            "UnknownReferenceError",
            "Goal 'G1'.owner: names unknown stakeholder 'ghost' (known: li.wei)",
        ) == raised(project().add, goal("G1", owner="ghost"))


class TestReplace:
    def test_items_are_replaced_in_place(self):
        p = project(stakeholders=[PM], risks=[risk("K1"), risk("K2"), risk("K3")])
        q = p.replace(risk("K3", title="New 3"), risk("K1", title="New 1"))
        assert (("K1", "New 1"), ("K2", "Slip"), ("K3", "New 3")) == tuple(
            (r.id, r.title) for r in q.risks
        )
        assert ("Slip", "Slip") == (p.risk("K1").title, p.risk("K3").title)

    def test_client_first_then_other_items(self):
        ceo = Stakeholder(id="li.wei", name="Li Wei (CEO)", role="sponsor")
        p = project(stakeholders=[PM], goals=[goal("G1"), goal("G2")])
        q = p.replace(ceo, goal("G2", statement="Be faster"))
        assert ("Li Wei (CEO)", (PM,), ("Be fast", "Be faster")) == (
            q.client.name,
            q.stakeholders,
            tuple(g.statement for g in q.goals),
        )
        assert q.stakeholder("li.wei") is q.client

    def test_other_stakeholders(self):
        pm2 = Stakeholder(id="chen.jie", name="Chen Jie (PMP)", role="project_manager")
        user = Stakeholder(id="user", name="User", role="end_user")
        q = project(stakeholders=[user, PM]).replace(pm2)
        assert (CLIENT, (user, pm2)) == (q.client, q.stakeholders)

    def test_unknown_item(self):
        p = project(stakeholders=[PM], risks=[risk("K1")], goals=[goal("G1")])
        assert (
            "UnknownReferenceError",
            "Project 'ACME': has no Risk 'K9' (known: K1)",
        ) == raised(p.replace, goal("G1", statement="x"), risk("K9"))
        assert (
            "UnknownReferenceError",
            "Project 'ACME': has no Stakeholder 'ghost' (known: chen.jie, li.wei)",
        ) == raised(p.replace, Stakeholder(id="ghost", name="G", role="end_user"))

    def test_unknown_kind(self):
        assert (
            "ValidationError",
            f"Project 'ACME'.replace: expected one of {KINDS}, got int 3",
        ) == raised(project().replace, 3)

    def test_replaced_items_are_checked(self):
        p = project(stakeholders=[PM], risks=[risk("K1")])
        assert (
            "UnknownReferenceError",
            "Risk 'K1'.owner: names unknown stakeholder 'ghost' (known: chen.jie, li.wei)",
        ) == raised(p.replace, risk("K1", owner="ghost"))


class TestDeliver:
    def test_pending_deliverables(self):
        assert (
            "IllegalTransitionError",
            "Milestone 'M2' cannot be delivered: deliverables not done: REQ-2",
        ) == raised(SAMPLE.deliver_milestone, "M2", by="chen.jie", at=T1)
        assert (
            "IllegalTransitionError",
            "Milestone 'M3' cannot be delivered: deliverables not done: REQ-3, REQ-5",
        ) == raised(SAMPLE.deliver_milestone, "M3", by="chen.jie", at=T1)

    def test_deliver(self):
        p = SAMPLE.replace(SAMPLE.requirement("REQ-2").complete(by="liu.yang", at=T1))
        q = p.deliver_milestone("M2", by="chen.jie", at=T2)
        m = q.milestone("M2")
        assert (MilestoneStatus.DELIVERED, T2) == (m.status, m.delivered_at)
        assert (
            Transition("delivered", "in_progress", "chen.jie", T2, "delivered to the client")
            == (m.history[-1])
        )
        assert ("M1", "M2", "M3", "M4") == tuple(x.id for x in q.milestones)
        assert MilestoneStatus.IN_PROGRESS == p.milestone("M2").status
        why = p.deliver_milestone("M2", by="chen.jie", at=T2, why="beta").milestone("M2")
        assert "beta" == why.history[-1].why

    def test_removed_and_done_deliverables_count(self):
        gone = req("R1").revise(by="li.wei", at=T1, why="CR", status=RequirementStatus.REMOVED)
        done = req("R2").complete(by="chen.jie", at=T1)
        p = project(requirements=[gone, done], milestones=[stone("M1", deliverables=["R1", "R2"])])
        q = p.deliver_milestone("M1", by="chen.jie", at=T2)
        assert MilestoneStatus.DELIVERED == q.milestone("M1").status

    def test_no_deliverables(self):
        q = project(milestones=[stone("M1")]).deliver_milestone("M1", by="pm", at=T2)
        assert (MilestoneStatus.DELIVERED, "pm") == (
            q.milestone("M1").status,
            q.milestone("M1").history[-1].by,
        )

    def test_lifecycle_and_lookup_errors(self):
        assert (
            "IllegalTransitionError",
            (
                "Milestone 'M1' cannot be delivered: it is accepted (allowed from: planned, "
                "in_progress)"
            ),
        ) == raised(SAMPLE.deliver_milestone, "M1", by="chen.jie", at=T1)
        assert (
            "UnknownReferenceError",
            "Project 'ACME': has no milestone 'M9' (known: M1, M2, M3, M4)",
        ) == raised(SAMPLE.deliver_milestone, "M9", by="chen.jie", at=T1)


def delivered_sample() -> Project:
    p = SAMPLE.replace(SAMPLE.requirement("REQ-2").complete(by="liu.yang", at=T1))
    return p.deliver_milestone("M2", by="chen.jie", at=T2)


ALL_M2 = {
    "REQ-1": [
        "Staff log in with their corporate account",
        "A disabled account cannot log in within 5 minutes",
    ],
    "REQ-2": ["Search by name, department or phone returns results in under 1 s"],
}


class TestAccept:
    def test_accept(self):
        p = delivered_sample()
        q = p.accept_milestone("M2", by="zhang.min", at=T3, checked=ALL_M2)
        m = q.milestone("M2")
        assert (MilestoneStatus.ACCEPTED, "zhang.min", T3) == (
            m.status,
            m.accepted_by,
            m.accepted_at,
        )
        assert (
            Transition("accepted", "delivered", "zhang.min", T3, "accepted by the client")
            == (m.history[-1])
        )
        assert MilestoneStatus.DELIVERED == p.milestone("M2").status
        noted = p.accept_milestone("M2", by="li.wei", at=T3, checked=ALL_M2, why="demo ok")
        assert ("li.wei", "demo ok") == (
            noted.milestone("M2").accepted_by,
            noted.milestone("M2").history[-1].why,
        )

    def test_accept_with_extra_and_set_checks(self):
        checked = {rid: set(c) for rid, c in ALL_M2.items()} | {"REQ-9": {"x"}}
        q = delivered_sample().accept_milestone("M2", by="li.wei", at=T3, checked=checked)
        assert MilestoneStatus.ACCEPTED == q.milestone("M2").status

    def test_unmet_criteria(self):
        checked = {"REQ-1": ["Staff log in with their corporate account", "Other"]}
        assert (
            "IllegalTransitionError",
            (
                "Milestone 'M2' cannot be accepted: acceptance criteria not met: REQ-1: A disabled "
                "account cannot log in within 5 minutes; REQ-2: Search by name, department or "
                "phone returns results in under 1 s"
            ),
        ) == raised(delivered_sample().accept_milestone, "M2", by="li.wei", at=T3, checked=checked)

    def test_only_the_client_accepts(self):
        assert (
            "IllegalTransitionError",
            "Milestone 'M2' must be accepted by the client, got 'chen.jie' (project_manager)",
        ) == raised(delivered_sample().accept_milestone, "M2", by="chen.jie", at=T3, checked=ALL_M2)
        assert (
            "UnknownReferenceError",
            f"Project 'ACME': has no stakeholder 'ghost' (known: {SAMPLE_PEOPLE})",
        ) == raised(delivered_sample().accept_milestone, "M2", by="ghost", at=T3, checked=ALL_M2)

    def test_must_be_delivered(self):
        checked = {
            "REQ-3": [
                "An employee submits a leave request and the manager approves it",
                "HR sees every approved leave in the monthly export",
            ],
            "REQ-5": ["Headcount, leave taken and turnover per department, per month"],
        }
        assert (
            "IllegalTransitionError",
            "Milestone 'M3' cannot be accepted: it is planned (allowed from: delivered)",
        ) == raised(SAMPLE.accept_milestone, "M3", by="li.wei", at=T3, checked=checked)

    def removed_first(self) -> Project:
        gone = req("R1").revise(by="li.wei", at=T1, why="CR", status=RequirementStatus.REMOVED)
        done = req("R2").complete(by="chen.jie", at=T1)
        p = project(requirements=[gone, done], milestones=[stone("M1", deliverables=["R1", "R2"])])
        return p.deliver_milestone("M1", by="chen.jie", at=T2)

    def test_removed_deliverables_are_skipped(self):
        q = self.removed_first().accept_milestone(
            "M1", by="li.wei", at=T3, checked={"R2": ("R2 works",)}
        )
        assert MilestoneStatus.ACCEPTED == q.milestone("M1").status

    def test_deliverables_after_a_removed_one_are_checked(self):
        assert (
            "IllegalTransitionError",
            "Milestone 'M1' cannot be accepted: acceptance criteria not met: R2: R2 works",
        ) == raised(self.removed_first().accept_milestone, "M1", by="li.wei", at=T3, checked={})


class TestApply:
    def test_paid_change_from_the_project(self):
        cr = approved(SAMPLE.change_request("CR-1"))
        q = SAMPLE.apply(cr)
        new = q.requirement("REQ-8")
        assert (RequirementStatus.SIGNED_OFF, "li.wei", T2, Decimal(6), Decimal(6)) == (
            new.status,
            new.signed_off_by,
            new.signed_off_at,
            new.estimate_days,
            new.baseline_estimate_days,
        )
        assert (Transition("signed_off", "draft", "li.wei", T2, "added by CR-1"),) == new.history
        assert (*(f"REQ-{i}" for i in range(1, 9)),) == tuple(r.id for r in q.requirements)
        assert ("REQ-1", "REQ-2", "REQ-8") == q.milestone("M2").deliverables
        assert SAMPLE.milestones[2:] == q.milestones[2:]
        assert SAMPLE.milestones[0] == q.milestones[0]
        revised = q.requirement("REQ-2")
        assert (Decimal(7), Decimal(11), Decimal(15), Decimal(10), "li.wei") == (
            revised.optimistic_days,
            revised.estimate_days,
            revised.pessimistic_days,
            revised.baseline_estimate_days,
            revised.signed_off_by,
        )
        assert (
            Transition(
                "signed_off", "signed_off", "li.wei", T2, "CR-1: estimate 10 -> 11 person-days"
            )
            == revised.history[-1]
        )
        assert cny("510000") == q.budget
        done = q.change_request("CR-1")
        assert (ChangeStatus.IMPLEMENTED, 1) == (done.status, len(q.change_requests))
        assert (
            Transition("implemented", "approved", "li.wei", T2, "applied to the project")
            == done.history[-1]
        )
        assert (cny("480000"), ChangeStatus.SUBMITTED, 7) == (
            SAMPLE.budget,
            SAMPLE.change_request("CR-1").status,
            len(SAMPLE.requirements),
        )
        assert SAMPLE.risks == q.risks

    def test_free_change_by_id_at_a_given_time(self):
        other = change("CR-2", ReviseEstimate("REQ-3", 20))
        p = SAMPLE.replace(approved(SAMPLE.change_request("CR-1"), billing="free")).add(other)
        q = p.apply("CR-1", at=T3)
        assert (cny("480000"), T3, T3) == (
            q.budget,
            q.requirement("REQ-8").signed_off_at,
            q.requirement("REQ-2").history[-1].at,
        )
        assert (("CR-1", "implemented"), ("CR-2", "submitted")) == tuple(
            (c.id, c.status.value) for c in q.change_requests
        )
        assert (
            Transition("implemented", "approved", "li.wei", T3, "applied to the project")
            == (q.change_request("CR-1").history[-1])
        )

    def test_paid_change_without_a_price_adds_the_cost(self):
        q = SAMPLE.apply(approved(SAMPLE.change_request("CR-1"), price=None))
        assert cny("504000") == q.budget

    def test_remove_move_and_widen_ranges(self):
        cr = approved(
            change(
                "CR-7",
                RemoveRequirement("REQ-3"),
                MoveMilestone("M4", "2027-03-12"),
                ReviseEstimate("REQ-4", 2),
                ReviseEstimate("REQ-7", 12),
            ),
            billing="free",
        )
        q = SAMPLE.add(cr).apply(cr)
        gone = q.requirement("REQ-3")
        assert (RequirementStatus.REMOVED, Decimal(15)) == (gone.status, gone.estimate_days)
        assert (
            Transition("removed", "signed_off", "li.wei", T2, "removed by CR-7")
            == (gone.history[-1])
        )
        assert (("REQ-1", "REQ-2"), ("REQ-5",), ("REQ-4", "REQ-7")) == tuple(
            m.deliverables for m in q.milestones[1:]
        )
        moved = q.milestone("M4")
        assert (
            pendulum.date(2027, 3, 12),
            pendulum.date(2027, 2, 26),
            MilestoneStatus.PLANNED,
        ) == (moved.due, moved.baseline_due, moved.status)
        assert (
            Transition("planned", "planned", "li.wei", T2, "due 2027-02-26 -> 2027-03-12: CR-7"),
        ) == moved.history
        low, high = q.requirement("REQ-4"), q.requirement("REQ-7")
        assert ((2, 2, 7, 5), (4, 12, 12, 6)) == tuple(
            (r.optimistic_days, r.estimate_days, r.pessimistic_days, r.baseline_estimate_days)
            for r in (low, high)
        )
        assert (
            "CR-7: estimate 5 -> 2 person-days",
            "CR-7: estimate 6 -> 12 person-days",
        ) == (low.history[-1].why, high.history[-1].why)
        assert (("CR-1", "submitted"), ("CR-7", "implemented")) == tuple(
            (c.id, c.status.value) for c in q.change_requests
        )
        assert ("REQ-1", "REQ-2", "REQ-4", "REQ-5", "REQ-7") == tuple(
            r.id for r in q.scope_baseline
        )
        assert cny("480000") == q.budget

    def test_requirement_without_range_and_addition_without_milestone(self):
        p = project(requirements=[req("R1")], milestones=[stone("M1", deliverables=["R1"])])
        cr = approved(
            change("CR-1", AddRequirement(req("R2", signed=False)), ReviseEstimate("R1", 5))
        )
        q = p.add(cr).apply(cr)
        r1 = q.requirement("R1")
        assert (None, Decimal(5), None, Decimal(2)) == (
            r1.optimistic_days,
            r1.estimate_days,
            r1.pessimistic_days,
            r1.baseline_estimate_days,
        )
        assert (("R1", "R2"), ("R1",), RequirementStatus.SIGNED_OFF) == (
            tuple(r.id for r in q.requirements),
            q.milestone("M1").deliverables,
            q.requirement("R2").status,
        )
        assert (("CR-1", ChangeStatus.IMPLEMENTED),) == tuple(
            (c.id, c.status) for c in q.change_requests
        )
        assert cny("510000") == q.budget

    def test_removed_requirement_leaves_every_milestone(self):
        p = project(
            requirements=[req("R1"), req("R2")],
            milestones=[stone("M1", deliverables=["R1", "R2"]), stone("M2", deliverables=["R2"])],
        )
        cr = approved(change("CR-1", RemoveRequirement("R2")), billing="free")
        q = p.add(cr).apply(cr)
        assert (("R1",), ()) == tuple(m.deliverables for m in q.milestones)

    def test_unknown_references(self):
        cr = approved(
            change(
                "CR-9",
                AddRequirement(req("REQ-9", signed=False), milestone="M8"),
                ReviseEstimate("REQ-99", 1),
                RemoveRequirement("REQ-98"),
                MoveMilestone("M9", "2027-01-01"),
            )
        )
        # A request the project does not have is refused (it used to be applied, and
        # appended); adding it reports its unknown references, all at once.
        assert (
            "UnknownReferenceError",
            (
                "Project 'ACME': cannot apply ChangeRequest 'CR-9': it is not part of the project "
                "(known change requests: CR-1); add() it first"
            ),
        ) == raised(SAMPLE.apply, cr)
        with pytest.raises(UnknownReferenceError) as info:
            SAMPLE.add(cr)
        known = SAMPLE_REQS
        assert [
            "ChangeRequest 'CR-9'.changes: names unknown milestone 'M8' (known: M1, M2, M3, M4)",
            f"ChangeRequest 'CR-9'.changes: names unknown requirement 'REQ-99' (known: {known})",
            f"ChangeRequest 'CR-9'.changes: names unknown requirement 'REQ-98' (known: {known})",
            "ChangeRequest 'CR-9'.changes: names unknown milestone 'M9' (known: M1, M2, M3, M4)",
        ] == [str(p) for p in info.value.problems]

    def test_an_added_id_that_exists_is_refused(self):
        """Adding a requirement under an id the project has would silently replace it."""
        cr = approved(
            change(
                "CR-9",
                AddRequirement(req("REQ-9", signed=False)),
                AddRequirement(req("REQ-9", signed=False)),
            )
        )
        # Adding the request already refuses an id the project has; one that the
        # request itself adds twice is refused when it is applied.
        assert (
            "UnknownReferenceError",
            (
                "ChangeRequest 'CR-9'.changes: adds requirement 'REQ-1', but the project already "
                "has a requirement with that id"
            ),
        ) == raised(SAMPLE.add, change("CR-9", AddRequirement(req("REQ-1", signed=False))))
        assert (
            "ValidationError",
            (
                "ChangeRequest 'CR-9'.changes: adds requirement 'REQ-9', which the project "
                "already has; a new requirement needs a new id"
            ),
        ) == raised(SAMPLE.add(cr).apply, cr)
        assert SAMPLE.requirement("REQ-1").status is RequirementStatus.DONE

    def test_only_approved_changes_apply(self):
        assert (
            "IllegalTransitionError",
            (
                "ChangeRequest 'CR-1' cannot be applied: only an approved change applies, it is "
                "submitted"
            ),
        ) == raised(SAMPLE.apply, "CR-1")
        q = SAMPLE.apply(approved(SAMPLE.change_request("CR-1")))
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': ChangeRequest 'CR-1' cannot be applied again: the project's copy "
                "is implemented (applied at 2026-11-25T12:00:00+08:00 by 'li.wei'); a change "
                "applies, and bills, once"
            ),
        ) == raised(q.apply, "CR-1")

    def test_wrong_argument(self):
        assert (
            "ValidationError",
            "Project 'ACME'.apply: expected a ChangeRequest or its id, got int 42",
        ) == raised(SAMPLE.apply, 42)
        assert (
            "UnknownReferenceError",
            "Project 'ACME': has no change request 'CR-9' (known: CR-1)",
        ) == raised(SAMPLE.apply, "CR-9")

    def test_a_time_before_the_history_is_refused(self):
        cr = approved(SAMPLE.change_request("CR-1"))
        assert (
            "ValidationError",
            (
                "Requirement 'REQ-2'.at: expected a time not before the previous entry of the "
                "history (2026-11-03T10:00:00+08:00), got 2026-11-01T00:00:00+00:00"
            ),
        ) == raised(SAMPLE.apply, cr, at=pendulum.datetime(2026, 11, 1, tz="UTC"))

    def test_a_submitted_change_cannot_be_applied(self):
        """A submitted change cannot be applied."""
        with pytest.raises(cpm.IllegalTransitionError) as info:
            cpm.sample_project().apply("CR-1")
        assert str(info.value) == (
            "ChangeRequest 'CR-1' cannot be applied: only an approved change applies, it is "
            "submitted"
        )

    def test_paid_change_updates_scope_estimates_and_budget(self):
        """Added requirement signed off, estimate revised with baseline kept, budget raised."""
        p = cpm.sample_project()
        q = p.apply(approved_paid(p.change_request("CR-1")))
        added = q.requirement("REQ-8")
        assert (cpm.RequirementStatus.SIGNED_OFF, "li.wei") == (added.status, added.signed_off_by)
        assert "REQ-8" in q.milestone("M2").deliverables
        revised = q.requirement("REQ-2")
        assert (11, 10) == (revised.estimate_days, revised.baseline_estimate_days)
        assert "CR-1: estimate 10 -> 11 person-days" == revised.history[-1].why
        assert cpm.Money("504000", "CNY") == q.budget
        assert cpm.ChangeStatus.IMPLEMENTED == q.change_request("CR-1").status
        assert cpm.ChangeStatus.SUBMITTED == p.change_request("CR-1").status

    def test_free_change_keeps_budget(self):
        """A change the team absorbs does not raise the budget."""
        p = cpm.sample_project()
        q = p.apply(approved_paid(p.change_request("CR-1"), billing="free"))
        assert p.budget == q.budget

    def test_move_and_remove_keep_baselines(self):
        """Moving a due date keeps baseline_due; a removed requirement leaves its milestone."""
        p = cpm.sample_project()
        cr = cpm.ChangeRequest(
            id="CR-2", title="Later dashboard", requested_by="li.wei", submitted_at=NOV_25,
            reason="HR data late",
            changes=[cpm.MoveMilestone("M3", "2027-02-05"), cpm.RemoveRequirement("REQ-5")],
        )  # fmt: skip
        cr = approved_paid(cr, billing="free")
        q = p.add(cr).apply(cr)
        m3 = q.milestone("M3")
        assert (pendulum.date(2027, 2, 5), pendulum.date(2027, 1, 22)) == (m3.due, m3.baseline_due)
        assert "REQ-5" not in m3.deliverables
        assert cpm.RequirementStatus.REMOVED == q.requirement("REQ-5").status
        assert "CR-2" in [c.id for c in q.change_requests]

    def test_approval_by_team_member_is_not_client_acceptance(self):
        """D4: the client must accept the impact; an approval by the PM is refused."""
        p = cpm.sample_project()
        a = cpm.Assessment(effort_days=1, cost=cpm.Money("4000", "CNY"), slip_days=0,
                           recommendation="absorb", summary="1 day")  # fmt: skip
        cr = p.change_request("CR-1").assess(a, by="chen.jie", at=NOV_25)
        cr = cr.approve(by="chen.jie", at=NOV_25, billing="free")
        with pytest.raises(cpm.IllegalTransitionError, match="who is not on the client side"):
            p.apply(cr)

    def test_failed_apply_leaves_project_unchanged(self):
        """A change naming an unknown requirement fails as a whole; nothing is half-changed."""
        p = cpm.sample_project()
        cr = cpm.ChangeRequest(
            id="CR-3", title="x", requested_by="li.wei", submitted_at=NOV_25, reason="y",
            changes=[cpm.MoveMilestone("M3", "2027-02-05"), cpm.ReviseEstimate("REQ-42", 3)],
        )  # fmt: skip
        before = attrs.asdict(p, recurse=False)
        with pytest.raises(cpm.UnknownReferenceError, match="is not part of the project"):
            p.apply(approved_paid(cr))
        with pytest.raises(cpm.UnknownReferenceError, match="names unknown requirement 'REQ-42'"):
            p.add(approved_paid(cr))
        assert before == attrs.asdict(p, recurse=False)


NOV_25 = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")


LI_WEI = cpm.Stakeholder(id="li.wei", name="Li Wei", role=cpm.Role.SPONSOR)


CHEN_JIE = cpm.Stakeholder(id="chen.jie", name="Chen Jie", role=cpm.Role.PROJECT_MANAGER)


def acme(**kw):
    base = {
        "key": "ACME", "name": "ACME portal", "client": LI_WEI, "stakeholders": [CHEN_JIE],
        "currency": "CNY",
        "budget": cpm.Money("480000", "CNY"), "day_rate": cpm.Money("4000", "CNY"),
        "start": pendulum.date(2026, 11, 2),
    }  # fmt: skip
    base.update(kw)
    return cpm.Project(**base)


def milestones(edges):
    """Milestones M0..Mn with the given dependencies."""
    return [
        cpm.Milestone(id=m, title=m, due="2026-12-18", depends_on=deps) for m, deps in edges.items()
    ]


def approved_paid(cr, billing="paid", price="24000"):
    a = cpm.Assessment(
        effort_days=6, cost=cpm.Money("24000", "CNY"), slip_days=3, recommendation="bill",
        summary="6 days", price=cpm.Money(price, "CNY"),
    )  # fmt: skip
    return cr.assess(a, by="chen.jie", at=NOV_25).approve(by="li.wei", at=NOV_25.add(hours=1),
                                                       billing=billing)  # fmt: skip


class TestLookupsAndUpdates:
    def test_unknown_lookup_lists_known_ids(self):
        """A lookup miss is an UnknownReferenceError (also a LookupError)."""
        with pytest.raises(LookupError) as info:
            cpm.sample_project().milestone("M9")
        assert str(info.value) == "Project 'ACME': has no milestone 'M9' (known: M1, M2, M3, M4)"

    def test_add_refuses_existing_ids(self):
        """add() is for new items; replace() changes existing ones."""
        p = cpm.sample_project()
        with pytest.raises(cpm.ValidationError, match="'R1' which already exist"):
            p.add(p.risk("R1"))

    def test_replace_returns_new_project_and_keeps_old(self):
        """The original project never changes."""
        p = cpm.sample_project()
        closed = p.risk("R1").close(by="zhang.min", at=NOV_25, why="tenant delivered")
        q = p.replace(closed)
        assert cpm.RiskStatus.CLOSED == q.risk("R1").status
        assert cpm.RiskStatus.OPEN == p.risk("R1").status

    def test_replace_unknown_item(self):
        """Replacing something that is not there names it."""
        r = cpm.Risk(id="R9", title="x", probability=1, impact=1, owner="chen.jie",
                     next_review="2026-12-01")  # fmt: skip
        with pytest.raises(cpm.UnknownReferenceError, match="has no Risk 'R9'"):
            cpm.sample_project().replace(r)

    def test_add_refuses_non_parts(self):
        """Only domain parts can be added."""
        with pytest.raises(cpm.ValidationError, match="expected one of Stakeholder, Requirement"):
            cpm.sample_project().add("REQ-9")

    def test_accept_milestone_checks_criteria(self):
        """D15: acceptance needs every criterion of every deliverable checked by the client."""
        p = cpm.sample_project()
        p = p.replace(p.requirement("REQ-2").complete(by="liu.yang", at=NOV_25))
        p = p.deliver_milestone("M2", by="chen.jie", at=NOV_25)
        with pytest.raises(cpm.IllegalTransitionError) as info:
            p.accept_milestone("M2", by="li.wei", at=NOV_25, checked={
                "REQ-1": p.requirement("REQ-1").acceptance_criteria})  # fmt: skip
        assert str(info.value) == (
            "Milestone 'M2' cannot be accepted: acceptance criteria not met: REQ-2: Search by "
            "name, department or phone returns results in under 1 s"
        )
        checked = {r: p.requirement(r).acceptance_criteria for r in ("REQ-1", "REQ-2")}
        with pytest.raises(cpm.IllegalTransitionError, match="must be accepted by the client"):
            p.accept_milestone("M2", by="chen.jie", at=NOV_25, checked=checked)
        done = p.accept_milestone("M2", by="li.wei", at=NOV_25, checked=checked)
        assert cpm.MilestoneStatus.ACCEPTED == done.milestone("M2").status
