"""A stateful test of a project's life: every public transition, in any order.

Starting from the sample project, the machine signs off and completes
requirements, submits, assesses, approves, rejects and applies change requests,
delivers and accepts milestones, closes risks and records and answers feedback,
each through the public API. A rule that hits a refusal checks that it is a
:class:`clientpm.ClientPMError` and that the project is as it was. After every
step the invariants hold:

* a signed-off requirement changes only when an applied change request names it
  (or by its own transition, completion);
* no change request is applied twice, and the applied ones are the implemented ones;
* every history only grows, and nothing leaves the project;
* the budget is the original plus the price of every applied paid change.
"""

import sys

import pendulum
import pytest
from hypothesis import event, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import clientpm as cpm
from clientpm.enums import ChangeStatus, RequirementStatus

pytestmark = pytest.mark.hypothesis  # run again with the CI profile (`pytest -m hypothesis`)

CLIENT = "li.wei"  # the sponsor: signs off, approves, accepts
PM = "chen.jie"
DEV = "liu.yang"  # a team member: may complete work, may not sign off or approve
PEOPLE = (CLIENT, PM, DEV, "zhang.min")
REQS = tuple(f"REQ-{i}" for i in range(1, 8))
STONES = ("M1", "M2", "M3", "M4")
RISKS = ("R1", "R2", "R3")
HISTORIED = ("requirements", "milestones", "change_requests", "risks", "commitments")


class ProjectLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.project = cpm.sample_project()
        self.original_budget = self.project.budget
        self.paid = cpm.Money(0, self.project.currency)
        self.applied: list[str] = []
        self.clock = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
        self.next_id = 1
        self.seen = self._record()
        #: Each signed-off requirement as it may be now (updated by its own transitions).
        self.expected = self._signed_off()

    # -- helpers ---------------------------------------------------------------
    def _signed_off(self) -> dict[str, cpm.Requirement]:
        return {r.id: r for r in self.project.requirements if r.signed_off_by is not None}

    def _record(self) -> dict[tuple[str, str], tuple[cpm.Transition, ...]]:
        return {
            (field, item.id): item.history
            for field in HISTORIED
            for item in getattr(self.project, field)
        }

    def _now(self, hours: int) -> pendulum.DateTime:
        self.clock = self.clock.add(hours=hours)
        return self.clock

    def _attempt(self, action):
        """Run ``action`` (returning a new project); on a refusal check nothing changed."""
        rule_name = sys._getframe(1).f_code.co_name
        before, frozen = self.project, cpm.to_dict(self.project)
        try:
            after = action()
        except cpm.ClientPMError:
            event(f"{rule_name}: refused")
            assert self.project is before
            assert frozen == cpm.to_dict(self.project)
            return None
        event(f"{rule_name}: done")
        assert isinstance(after, cpm.Project)
        self.project = after
        return after

    def _new_id(self, prefix: str) -> str:
        self.next_id += 1
        return f"{prefix}-{self.next_id}"

    # -- requirements ------------------------------------------------------------
    @rule(rid=st.sampled_from(REQS), by=st.sampled_from(PEOPLE), hours=st.integers(0, 48))
    def sign_off(self, rid, by, hours):
        at = self._now(hours)
        was = self.project.requirement(rid)
        done = self._attempt(
            lambda: self.project.replace(self.project.requirement(rid).sign_off(by=by, at=at))
        )
        if done is not None:
            assert was.status is RequirementStatus.DRAFT
            assert by in (CLIENT, "zhang.min")  # only the client side signs off
            self.expected[rid] = done.requirement(rid)

    @rule(rid=st.sampled_from(REQS), hours=st.integers(0, 48))
    def complete(self, rid, hours):
        at = self._now(hours)
        was = self.project.requirement(rid)
        done = self._attempt(
            lambda: self.project.replace(self.project.requirement(rid).complete(by=DEV, at=at))
        )
        if done is not None:
            assert was.status is RequirementStatus.SIGNED_OFF
            self.expected[rid] = done.requirement(rid)

    @rule(rid=st.sampled_from(REQS), days=st.integers(1, 40), hours=st.integers(0, 48))
    def edit_without_a_change_request(self, rid, days, hours):
        """Revising a signed-off requirement directly is refused; a draft may be edited."""
        was = self.project.requirement(rid)
        at = self._now(hours)
        done = self._attempt(
            lambda: self.project.replace(
                was.revise(by=PM, at=at, why="quietly", estimate_days=days)
            )
        )
        if done is not None:
            assert was.signed_off_by is None

    # -- change requests ---------------------------------------------------------
    @rule(
        kind=st.sampled_from(["revise", "move", "add", "remove"]),
        rid=st.sampled_from(REQS),
        mid=st.sampled_from(STONES),
        days=st.integers(1, 30),
        by=st.sampled_from(PEOPLE),
        hours=st.integers(0, 48),
    )
    def submit_change(self, kind, rid, mid, days, by, hours):
        at = self._now(hours)
        if kind == "revise":
            change = cpm.ReviseEstimate(rid, days)
        elif kind == "move":
            change = cpm.MoveMilestone(mid, self.project.milestone(mid).due.add(days=days))
        elif kind == "add":
            new = cpm.Requirement(
                id=self._new_id("NEW"), title="New work", estimate_days=days,
                acceptance_criteria=["It works"],
            )  # fmt: skip
            change = cpm.AddRequirement(new, milestone=mid)
        else:
            change = cpm.RemoveRequirement(rid)
        cr = cpm.ChangeRequest(
            id=self._new_id("CR"), title=f"{kind} {rid} {mid}", requested_by=by,
            submitted_at=at, reason="The client asked", changes=[change],
        )  # fmt: skip
        self._attempt(lambda: self.project.add(cr))

    def _change_ids(self):
        return [c.id for c in self.project.change_requests]

    @precondition(lambda self: self.project.change_requests)
    @rule(
        data=st.data(),
        paid=st.booleans(),
        price=st.integers(0, 50_000),
        hours=st.integers(0, 48),
    )
    def assess(self, data, paid, price, hours):
        cid = data.draw(st.sampled_from(self._change_ids()))
        at = self._now(hours)
        assessment = cpm.Assessment(
            effort_days=3, cost=cpm.Money(price, self.project.currency), slip_days=1,
            recommendation="bill" if paid else "absorb", summary="3 days",
            price=cpm.Money(price, self.project.currency) if paid else None,
        )  # fmt: skip
        was = self.project.change_request(cid)
        done = self._attempt(lambda: self.project.replace(was.assess(assessment, by=PM, at=at)))
        if done is not None:
            assert was.status in {ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED,
                                  ChangeStatus.DEFERRED}  # fmt: skip

    @precondition(lambda self: self.project.change_requests)
    @rule(
        data=st.data(),
        by=st.sampled_from(PEOPLE),
        billing=st.sampled_from(["free", "paid"]),
        hours=st.integers(0, 48),
    )
    def approve(self, data, by, billing, hours):
        cid = data.draw(st.sampled_from(self._change_ids()))
        at = self._now(hours)
        was = self.project.change_request(cid)
        done = self._attempt(
            lambda: self.project.replace(was.approve(by=by, at=at, billing=billing))
        )
        if done is not None:
            assert was.status is not ChangeStatus.SUBMITTED  # assessed first
            assert done.change_request(cid).status is ChangeStatus.APPROVED

    @precondition(lambda self: self.project.change_requests)
    @rule(data=st.data(), verb=st.sampled_from(["reject", "withdraw", "defer"]),
          hours=st.integers(0, 48))  # fmt: skip
    def answer_otherwise(self, data, verb, hours):
        cid = data.draw(st.sampled_from(self._change_ids()))
        at = self._now(hours)
        was = self.project.change_request(cid)
        by = was.requested_by if verb == "withdraw" else CLIENT
        self._attempt(lambda: self.project.replace(getattr(was, verb)(by=by, at=at, why="not now")))

    @precondition(lambda self: self.project.change_requests)
    @rule(data=st.data(), hours=st.integers(0, 48))
    def apply(self, data, hours):
        cid = data.draw(st.sampled_from(self._change_ids()))
        at = self._now(hours)
        before = self.project
        cr = before.change_request(cid)
        done = self._attempt(lambda: before.apply(cid, by=PM, at=at))
        if done is None:
            return
        assert cid not in self.applied, f"{cid} applied twice"
        assert cr.status is ChangeStatus.APPROVED
        self.applied.append(cid)
        if cr.billing is cpm.Billing.PAID:
            self.paid = self.paid + (cr.assessment.price or cr.assessment.cost)
        added = {c.requirement.id for c in cr.changes if isinstance(c, cpm.AddRequirement)}
        named = set(cr.requirement_ids) | added
        for rid, old in list(self.expected.items()):
            now = done.requirement(rid)
            if rid in named:
                self.expected[rid] = now
            else:
                assert now == old, f"{rid} changed by {cid}, which does not name it"
        for r in done.requirements:  # requirements the change added come in signed off
            if r.id not in self.expected and r.signed_off_by is not None:
                assert r.id in added
                self.expected[r.id] = r

    @rule(cid=st.sampled_from(["CR-1"]), hours=st.integers(0, 48))
    def apply_again_what_was_applied(self, cid, hours):
        """An implemented request is refused, by id and as an object."""
        if not self.applied:
            return
        at = self._now(hours)
        last = self.applied[-1]
        for change in (last, self.project.change_request(last)):
            assert self._attempt(lambda c=change: self.project.apply(c, by=PM, at=at)) is None

    @precondition(lambda self: self.project.change_requests)
    @rule(paid=st.booleans(), price=st.integers(0, 50_000), hours=st.integers(1, 48))
    def carry_the_latest_change_through(self, paid, price, hours):
        """Assess, approve (by the client) and apply the newest request, step by step."""
        cid = self.project.change_requests[-1].id
        self.assess(_Drawn(cid), paid, price, hours)
        self.approve(_Drawn(cid), CLIENT, "paid" if paid else "free", hours)
        self.apply(_Drawn(cid), hours)

    # -- milestones, risks, feedback ---------------------------------------------
    @rule(mid=st.sampled_from(STONES), hours=st.integers(1, 48))
    def finish_a_milestone(self, mid, hours):
        """Complete its deliverables, deliver it and have the client accept it, step by step."""
        for rid in self.project.milestone(mid).deliverables:
            self.complete(rid, hours)
        self.deliver(mid, hours)
        self.accept(mid, CLIENT, True, hours)

    @rule(mid=st.sampled_from(STONES), hours=st.integers(0, 48))
    def deliver(self, mid, hours):
        at = self._now(hours)
        self._attempt(lambda: self.project.deliver_milestone(mid, by=PM, at=at))

    @rule(mid=st.sampled_from(STONES), by=st.sampled_from(PEOPLE), all_met=st.booleans(),
          hours=st.integers(0, 48))  # fmt: skip
    def accept(self, mid, by, all_met, hours):
        at = self._now(hours)
        stone = self.project.milestone(mid)
        checked = {
            rid: self.project.requirement(rid).acceptance_criteria[: None if all_met else 0]
            for rid in stone.deliverables
        }
        done = self._attempt(
            lambda: self.project.accept_milestone(mid, by=by, at=at, checked=checked)
        )
        if done is not None:
            assert self.project.stakeholder(by).is_client

    @rule(rid=st.sampled_from(RISKS), hours=st.integers(0, 48))
    def close_risk(self, rid, hours):
        at = self._now(hours)
        self._attempt(
            lambda: self.project.replace(
                self.project.risk(rid).close(by=PM, at=at, why="it passed")
            )
        )

    @rule(by=st.sampled_from(PEOPLE), rating=st.integers(1, 5), hours=st.integers(0, 48))
    def record_feedback(self, by, rating, hours):
        at = self._now(hours)
        item = cpm.Feedback(
            id=self._new_id("F"), stakeholder=by, received_at=at, kind="praise",
            text="Going well", channel="email", rating=rating,
        )  # fmt: skip
        self._attempt(lambda: self.project.add(item))

    @precondition(lambda self: self.project.feedback)
    @rule(data=st.data(), hours=st.integers(0, 48))
    def respond_to_feedback(self, data, hours):
        fid = data.draw(st.sampled_from([f.id for f in self.project.feedback]))
        at = self._now(hours)
        self._attempt(
            lambda: self.project.replace(
                self.project.feedback_item(fid).respond(at=at, text="Thank you")
            )
        )

    # -- invariants --------------------------------------------------------------
    @invariant()
    def signed_off_requirements_change_only_by_applied_changes(self):
        for rid, expected in self.expected.items():
            assert self.project.requirement(rid) == expected

    @invariant()
    def each_change_is_applied_once(self):
        assert len(self.applied) == len(set(self.applied))
        implemented = [
            c.id for c in self.project.change_requests if c.status is ChangeStatus.IMPLEMENTED
        ]
        assert sorted(self.applied) == sorted(implemented)

    @invariant()
    def histories_only_grow(self):
        now = self._record()
        for key, old in self.seen.items():
            assert key in now, f"{key} left the project"
            assert now[key][: len(old)] == old, f"the history of {key} was rewritten"
        self.seen = now

    @invariant()
    def budget_is_the_original_plus_applied_paid_changes(self):
        assert self.project.budget == self.original_budget + self.paid


class _Drawn:
    """Stands in for ``st.data()`` when one rule calls another with a chosen id."""

    def __init__(self, value):
        self.value = value

    def draw(self, strategy):
        return self.value


TestProjectLifecycle = ProjectLifecycle.TestCase


def test_a_revision_that_changes_nothing_is_refused():
    """Found by the machine: edit_without_a_change_request(rid='REQ-5', days=12)."""
    project = cpm.sample_project()
    req = project.requirement("REQ-5")  # signed off, 12 person-days
    at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
    noop = req.revise(by=PM, at=at, why="quietly", estimate_days=req.estimate_days)
    with pytest.raises(cpm.ClientPMError):
        project.replace(noop)
