"""The Project aggregate: references, cycles, lookups, updates and applying changes."""

import itertools

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm

AT = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
CLIENT = cpm.Stakeholder(id="li.wei", name="Li Wei", role=cpm.Role.SPONSOR)
PM = cpm.Stakeholder(id="chen.jie", name="Chen Jie", role=cpm.Role.PROJECT_MANAGER)


def project(**kw):
    base = {
        "key": "ACME", "name": "ACME portal", "client": CLIENT, "stakeholders": [PM],
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


def approved(cr, billing="paid", price="24000"):
    a = cpm.Assessment(
        effort_days=6, cost=cpm.Money("24000", "CNY"), slip_days=3, recommendation="bill",
        summary="6 days", price=cpm.Money(price, "CNY"),
    )  # fmt: skip
    return cr.assess(a, by="chen.jie", at=AT).approve(by="li.wei", at=AT.add(hours=1),
                                                       billing=billing)  # fmt: skip


class TestReferences:
    def test_every_unknown_reference_reported_at_once(self):
        """Dependencies, deliverables, owners and change targets are all checked together."""
        with pytest.raises(cpm.UnknownReferenceError) as info:
            project(
                milestones=[cpm.Milestone(id="M1", title="Beta", due="2026-12-18",
                                          depends_on=["M0"], deliverables=["REQ-9"])],
                risks=[cpm.Risk(id="R1", title="x", probability=1, impact=1, owner="nobody",
                                next_review="2026-12-01")],
                change_requests=[cpm.ChangeRequest(
                    id="CR-1", title="x", requested_by="li.wei", submitted_at=AT, reason="y",
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
            project(milestones=milestones({"M1": ["M3"], "M2": ["M1"], "M3": ["M2"]}))
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
            project(milestones=[m, m])

    def test_money_in_another_currency(self):
        """All money is in the project currency."""
        with pytest.raises(cpm.ValidationError) as info:
            project(day_rate=cpm.Money("500", "USD"))
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
        p = project(milestones=milestones(edges))
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
            project(milestones=milestones(edges))
        cycle = info.value.cycle
        assert cycle[0] == cycle[-1]
        for a, b in itertools.pairwise(cycle):
            assert b in edges[a]


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
        closed = p.risk("R1").close(by="zhang.min", at=AT, why="tenant delivered")
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
        p = p.replace(p.requirement("REQ-2").complete(by="liu.yang", at=AT))
        p = p.deliver_milestone("M2", by="chen.jie", at=AT)
        with pytest.raises(cpm.IllegalTransitionError) as info:
            p.accept_milestone("M2", by="li.wei", at=AT, checked={
                "REQ-1": p.requirement("REQ-1").acceptance_criteria})  # fmt: skip
        assert str(info.value) == (
            "Milestone 'M2' cannot be accepted: acceptance criteria not met: REQ-2: Search by "
            "name, department or phone returns results in under 1 s"
        )
        checked = {r: p.requirement(r).acceptance_criteria for r in ("REQ-1", "REQ-2")}
        with pytest.raises(cpm.IllegalTransitionError, match="must be accepted by the client"):
            p.accept_milestone("M2", by="chen.jie", at=AT, checked=checked)
        done = p.accept_milestone("M2", by="li.wei", at=AT, checked=checked)
        assert cpm.MilestoneStatus.ACCEPTED == done.milestone("M2").status


class TestApply:
    def test_only_approved_changes_apply(self):
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
        q = p.apply(approved(p.change_request("CR-1")))
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
        q = p.apply(approved(p.change_request("CR-1"), billing="free"))
        assert p.budget == q.budget

    def test_move_and_remove_keep_baselines(self):
        """Moving a due date keeps baseline_due; a removed requirement leaves its milestone."""
        p = cpm.sample_project()
        cr = cpm.ChangeRequest(
            id="CR-2", title="Later dashboard", requested_by="li.wei", submitted_at=AT,
            reason="HR data late",
            changes=[cpm.MoveMilestone("M3", "2027-02-05"), cpm.RemoveRequirement("REQ-5")],
        )  # fmt: skip
        q = p.apply(approved(cr, billing="free"))
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
        cr = p.change_request("CR-1").assess(a, by="chen.jie", at=AT)
        cr = cr.approve(by="chen.jie", at=AT, billing="free")
        with pytest.raises(cpm.ValidationError, match="expected the client stakeholder"):
            p.apply(cr)

    def test_failed_apply_leaves_project_unchanged(self):
        """A change naming an unknown requirement fails as a whole; nothing is half-changed."""
        p = cpm.sample_project()
        cr = cpm.ChangeRequest(
            id="CR-3", title="x", requested_by="li.wei", submitted_at=AT, reason="y",
            changes=[cpm.MoveMilestone("M3", "2027-02-05"), cpm.ReviseEstimate("REQ-42", 3)],
        )  # fmt: skip
        before = attrs.asdict(p, recurse=False)
        with pytest.raises(cpm.UnknownReferenceError, match="names unknown requirement 'REQ-42'"):
            p.apply(approved(cr))
        assert before == attrs.asdict(p, recurse=False)
