"""An honest record that cannot be walked around: each test tries one bypass.

Every bypass raises a ClientPMError subclass naming the rule, and the object it
was tried on is left as it was.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given, settings, strategies as st

import clientpm as cpm
from clientpm import ChangeStatus, MilestoneStatus, RequirementStatus, Transition
from clientpm.model.history import only_grows
from tests.helpers import raised

TZ = "Asia/Shanghai"
ASSESSED_AT = pendulum.datetime(2026, 11, 25, 10, tz=TZ)
APPROVED_AT = ASSESSED_AT.add(hours=2)
LATER = ASSESSED_AT.add(days=1)
SAMPLE = cpm.sample_project()
CLIENTS = "client-side stakeholders: li.wei, zhang.min"
TINY = cpm.Assessment(
    effort_days=1, cost=cpm.Money("1", "CNY"), slip_days=0, recommendation="absorb", summary="tiny"
)


def approved_cr1(project: cpm.Project = SAMPLE, price: str = "16000") -> cpm.ChangeRequest:
    """The sample's CR-1, assessed and approved as a paid change of ``price`` CNY."""
    money = cpm.Money(price, "CNY")
    a = cpm.Assessment(effort_days=4, cost=money, slip_days=2, recommendation="bill",
                       summary="4 days", price=money)  # fmt: skip
    cr = project.change_request("CR-1").assess(a, by="chen.jie", at=ASSESSED_AT)
    return cr.approve(by="li.wei", at=APPROVED_AT, billing="paid")


def snapshot(project: cpm.Project) -> dict[str, object]:
    return attrs.asdict(project, recurse=False)


# -- 1. apply acts on the project's own copy, once ------------------------------------
class TestApplyOnce:
    def test_a_stale_copy_does_not_bill_twice(self):
        cr = approved_cr1()
        once = SAMPLE.apply(cr)
        assert cpm.Money("496000", "CNY") == once.budget
        before = snapshot(once)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': ChangeRequest 'CR-1' cannot be applied again: the project's copy "
                "is implemented (applied at 2026-11-25T12:00:00+08:00 by 'li.wei'); a change "
                "applies, and bills, once"
            ),
        ) == raised(once.apply, cr)
        assert raised(once.apply, "CR-1")[0] == "IllegalTransitionError"
        assert before == snapshot(once)

    def test_a_request_the_project_does_not_have_is_refused(self):
        foreign = attrs.evolve(approved_cr1(), id="CR-9")
        before = snapshot(SAMPLE)
        assert (
            "UnknownReferenceError",
            (
                "Project 'ACME': cannot apply ChangeRequest 'CR-9': it is not part of the project "
                "(known change requests: CR-1); add() it first"
            ),
        ) == raised(SAMPLE.apply, foreign)
        assert before == snapshot(SAMPLE)

    def test_a_request_whose_changes_differ_from_the_projects_copy_is_refused(self):
        bigger = attrs.evolve(approved_cr1(), changes=[cpm.ReviseEstimate("REQ-2", 40)])
        kind, message = raised(SAMPLE.apply, bigger)
        assert "IllegalTransitionError" == kind
        assert message.startswith(
            "Project 'ACME': ChangeRequest 'CR-1'.changes: the request passed to apply() says "
            "(ReviseEstimate(requirement_id='REQ-2', estimate_days=Decimal('40')),), "
        )

    def test_a_request_with_a_rewritten_history_is_refused(self):
        cr = approved_cr1()
        forged = attrs.evolve(cr, history=cr.history[1:])
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': ChangeRequest 'CR-1'.history is append-only: entry 1 of 1 "
                "(None -> submitted by 'li.wei' at 2026-11-18T17:00:00+08:00) was rewritten as "
                "(submitted -> assessed by 'chen.jie' at 2026-11-25T10:00:00+08:00), got 2 entries"
            ),
        ) == raised(SAMPLE.apply, forged)

    def test_by_and_at_are_recorded(self):
        q = SAMPLE.apply(approved_cr1(), by="chen.jie", at=LATER)
        done = q.change_request("CR-1")
        entry = Transition("implemented", "approved", "chen.jie", LATER, "applied to the project")
        assert entry == done.history[-1]
        assert ChangeStatus.IMPLEMENTED is done.status
        # The added requirement is signed off by the client who approved the change.
        assert "li.wei" == q.requirement("REQ-8").signed_off_by

    def test_by_must_be_a_stakeholder(self):
        assert (
            "UnknownReferenceError",
            (
                "Project 'ACME': has no stakeholder 'ghost' (known: chen.jie, li.wei, liu.yang, "
                "wang.fang, zhang.min)"
            ),
        ) == raised(SAMPLE.apply, approved_cr1(), by="ghost")

    def test_replace_cannot_mark_a_request_implemented(self):
        done = approved_cr1().mark_implemented(by="chen.jie", at=LATER)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': ChangeRequest 'CR-1' cannot become implemented by replace(): use "
                "apply(), which makes the change and records it"
            ),
        ) == raised(SAMPLE.replace, done)

    @settings(max_examples=30, deadline=None)
    @given(st.lists(st.sampled_from(["id", "object", "stale"]), min_size=1, max_size=5))
    def test_any_sequence_of_applies_bills_once(self, ways):
        """However a request is handed to apply(), again and again, it bills once."""
        cr = approved_cr1()
        project = SAMPLE.replace(cr)
        applied = 0
        for way in ways:
            arg = {"id": "CR-1", "object": project.change_request("CR-1"), "stale": cr}[way]
            if project.change_request("CR-1").status is ChangeStatus.IMPLEMENTED:
                with pytest.raises(cpm.IllegalTransitionError, match="cannot be applied again"):
                    project.apply(arg)
            else:
                project = project.apply(arg)
                applied += 1
        assert 1 == applied
        assert cpm.Money("496000", "CNY") == project.budget
        assert ChangeStatus.IMPLEMENTED is project.change_request("CR-1").status


# -- 2. only the client side signs off (D1) --------------------------------------------
class TestSignOff:
    def test_replace_refuses_a_sign_off_by_the_project_manager(self):
        signed = SAMPLE.requirement("REQ-6").sign_off(by="chen.jie", at=APPROVED_AT)
        before = snapshot(SAMPLE)
        assert (
            "ValidationError",
            (
                "Project 'ACME': Requirement 'REQ-6' signed off by 'chen.jie', who is not on the "
                f"client side (project_manager; {CLIENTS})"
            ),
        ) == raised(SAMPLE.replace, signed)
        assert before == snapshot(SAMPLE)

    def test_replace_refuses_a_sign_off_by_someone_nobody_knows(self):
        signed = SAMPLE.requirement("REQ-6").sign_off(by="ghost", at=APPROVED_AT)
        assert (
            "ValidationError",
            (
                "Project 'ACME': Requirement 'REQ-6' signed off by 'ghost', who is not a "
                f"stakeholder of the project ({CLIENTS})"
            ),
        ) == raised(SAMPLE.replace, signed)

    def test_a_client_contact_signs_off(self):
        signed = SAMPLE.requirement("REQ-6").sign_off(by="zhang.min", at=APPROVED_AT)
        assert RequirementStatus.SIGNED_OFF is SAMPLE.replace(signed).requirement("REQ-6").status

    def test_construction_refuses_it_too(self):
        reqs = [
            r.sign_off(by="wang.fang", at=APPROVED_AT) if r.id == "REQ-6" else r
            for r in SAMPLE.requirements
        ]
        with pytest.raises(cpm.ValidationError) as info:
            attrs.evolve(SAMPLE, requirements=reqs)
        assert (
            "Project 'ACME': Requirement 'REQ-6' signed off by 'wang.fang', who is not on the "
            f"client side (account_manager; {CLIENTS})"
        ) == str(info.value)

    def test_add_refuses_it(self):
        new = cpm.Requirement(id="REQ-9", title="Export", acceptance_criteria=["CSV"])
        assert (
            "ValidationError" == raised(SAMPLE.add, new.sign_off(by="chen.jie", at=APPROVED_AT))[0]
        )


# -- 3. only accept_milestone accepts a milestone (D15) --------------------------------
def delivered_beta() -> cpm.Project:
    p = SAMPLE.replace(SAMPLE.requirement("REQ-2").complete(by="liu.yang", at=ASSESSED_AT))
    return p.deliver_milestone("M2", by="chen.jie", at=APPROVED_AT)


def accepted_beta() -> cpm.Project:
    p = delivered_beta()
    checked = {rid: p.requirement(rid).acceptance_criteria for rid in ("REQ-1", "REQ-2")}
    return p.accept_milestone("M2", by="zhang.min", at=LATER, checked=checked)


class TestAcceptance:
    def test_replace_refuses_an_acceptance_by_the_project_manager(self):
        p = delivered_beta()
        accepted = p.milestone("M2").accept(by="chen.jie", at=LATER)
        assert (
            "ValidationError",
            (
                "Project 'ACME': Milestone 'M2' accepted by 'chen.jie', who is not on the client "
                f"side (project_manager; {CLIENTS})"
            ),
        ) == raised(p.replace, accepted)

    def test_replace_cannot_skip_the_acceptance_criteria(self):
        p = delivered_beta()
        before = snapshot(p)
        accepted = p.milestone("M2").accept(by="li.wei", at=LATER)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2' cannot become accepted by replace(): use "
                "accept_milestone(), which checks that the client accepts it against every "
                "acceptance criterion"
            ),
        ) == raised(p.replace, accepted)
        assert before == snapshot(p)

    def test_accept_milestone_still_accepts(self):
        q = accepted_beta()
        assert (MilestoneStatus.ACCEPTED, "zhang.min") == (
            q.milestone("M2").status,
            q.milestone("M2").accepted_by,
        )


# -- 4. statuses change only through named transitions; histories only grow ----------
class TestNamedTransitions:
    def test_revise_cannot_sign_off_a_removed_requirement_again(self):
        r = SAMPLE.requirement("REQ-5").remove(by="li.wei", at=APPROVED_AT, why="CR-2")
        assert (
            "IllegalTransitionError",
            (
                "Requirement 'REQ-5' cannot be revised to signed_off: a status changes only "
                "through sign_off(), complete() and remove() (it is removed)"
            ),
        ) == raised(r.revise, by="pm", at=LATER, why="x", status="signed_off")
        assert RequirementStatus.REMOVED is r.status

    def test_revise_cannot_reopen_a_done_requirement(self):
        done = SAMPLE.requirement("REQ-1")
        assert (
            "IllegalTransitionError"
            == raised(done.revise, by="pm", at=LATER, why="x", status="signed_off")[0]
        )

    def test_revise_cannot_overwrite_the_sign_off(self):
        r = SAMPLE.requirement("REQ-2")
        assert (
            "IllegalTransitionError",
            (
                "Requirement 'REQ-2': revise() cannot set signed_off_by; they are recorded by "
                "sign_off(), complete() and remove()"
            ),
        ) == raised(r.revise, by="pm", at=LATER, why="x", signed_off_by="chen.jie")

    def test_remove_needs_a_reason(self):
        assert (
            "ValidationError",
            "Requirement 'REQ-2'.why: expected a reason to remove the requirement, got str ''",
        ) == raised(SAMPLE.requirement("REQ-2").remove, by="li.wei", at=LATER, why="")

    @pytest.mark.parametrize(
        ("field", "value", "shown"),
        [
            ("title", "SSO", "'Single sign-on with the corporate account' to 'SSO'"),
            ("acceptance_criteria", ("x",), None),
            ("estimate_days", 9, "Decimal('8') to Decimal('9')"),
        ],
    )
    def test_replace_cannot_edit_a_signed_off_requirement(self, field, value, shown):
        edited = attrs.evolve(SAMPLE.requirement("REQ-1"), **{field: value})
        kind, message = raised(SAMPLE.replace, edited)
        assert "IllegalTransitionError" == kind
        assert message.startswith(f"Project 'ACME': Requirement 'REQ-1' is done: its {field} ")
        assert message.endswith(
            "by replace(); a signed-off requirement's content changes only by an applied change "
            "request (submit a ChangeRequest and apply it)"
        )
        if shown:
            assert f"cannot change from {shown} by" in message

    def test_replace_cannot_remove_a_signed_off_requirement(self):
        gone = SAMPLE.requirement("REQ-3").remove(by="li.wei", at=LATER, why="no CR")
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Requirement 'REQ-3' cannot go from signed_off to removed by "
                "replace(); a signed-off requirement's content changes only by an applied change "
                "request (RemoveRequirement takes it out of the scope)"
            ),
        ) == raised(SAMPLE.replace, gone)

    def test_a_delivered_or_accepted_milestone_is_not_rescheduled(self):
        m1 = SAMPLE.milestone("M1")
        assert (
            "IllegalTransitionError",
            (
                "Milestone 'M1' cannot be rescheduled: it is accepted (allowed from: planned, "
                "in_progress)"
            ),
        ) == raised(m1.reschedule, pendulum.date(2026, 12, 1), by="li.wei", at=LATER, why="x")
        m2 = delivered_beta().milestone("M2")
        assert (
            "IllegalTransitionError"
            == raised(m2.reschedule, pendulum.date(2027, 1, 8), by="li.wei", at=LATER, why="x")[0]
        )

    def test_edit_of_a_draft_is_recorded(self):
        r = SAMPLE.requirement("REQ-6").edit(estimate_days=9, by="chen.jie", at=LATER)
        assert (
            Transition("draft", "draft", "chen.jie", LATER, "edited: estimate_days")
            == (r.history[-1])
        )
        assert 9 == SAMPLE.replace(r).requirement("REQ-6").estimate_days

    def test_edit_without_who_and_when_is_refused(self):
        assert (
            "ValidationError",
            (
                "Requirement 'REQ-6'.edit: expected by= and at= (who edited it and when; the edit "
                "is recorded in the history), got by=None, at=None"
            ),
        ) == raised(SAMPLE.requirement("REQ-6").edit, title="Mobile")

    def test_an_emptied_history_is_refused(self):
        emptied = attrs.evolve(SAMPLE.milestone("M2"), history=())
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2'.history is append-only: entry 1 of 1 "
                "(planned -> in_progress by 'chen.jie' at 2026-11-16T09:00:00+08:00) is missing, "
                "got 0 entries"
            ),
        ) == raised(SAMPLE.replace, emptied)

    def test_a_rewritten_history_is_refused(self):
        r1 = SAMPLE.risk("R1")
        closed = r1.close(by="chen.jie", at=LATER, why="IdP delivered")
        p = SAMPLE.replace(closed)
        entry = attrs.evolve(closed.history[-1], by="li.wei")
        kind, message = raised(p.replace, attrs.evolve(closed, history=(entry,)))
        assert "IllegalTransitionError" == kind
        assert "Project 'ACME': Risk 'R1'.history is append-only: entry 1 of 1" in message

    def test_a_status_that_is_not_the_last_entry_is_refused(self):
        wrong = attrs.evolve(SAMPLE.milestone("M2"), status="planned")
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2'.status: expected in_progress (the last entry of "
                "its history), got planned: a status changes only through its named transitions, "
                "which "
                "record it"
            ),
        ) == raised(SAMPLE.replace, wrong)

    def test_a_made_up_entry_must_follow_on_from_the_status(self):
        r = SAMPLE.requirement("REQ-6")
        fake = Transition("done", "signed_off", "li.wei", LATER, "")
        kind, message = raised(
            SAMPLE.replace, attrs.evolve(r, status="done", completed_at=LATER, history=(fake,),
                                         signed_off_by="li.wei", signed_off_at=LATER)
        )  # fmt: skip
        assert "IllegalTransitionError" == kind
        assert "does not follow on from status draft" in message


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_only_a_grown_history_passes(data):
    """Drop or change any recorded entry and the history is refused."""
    m = SAMPLE.milestone("M1")  # three entries: started, delivered, accepted
    i = data.draw(st.integers(0, len(m.history) - 1))
    drop = data.draw(st.booleans())
    entries = list(m.history)
    if drop:
        del entries[i]
    else:
        entries[i] = attrs.evolve(entries[i], why=entries[i].why + " (edited)")
    with pytest.raises(cpm.IllegalTransitionError, match="append-only"):
        only_grows(m, attrs.evolve(m, history=tuple(entries)), owner=m.label)
    only_grows(m, m, owner=m.label)  # the same history passes


# -- 5. replace takes only what the public transitions reach ---------------------------
class TestReachable:
    def test_a_signed_off_requirement_revised_to_its_own_estimate_is_refused(self):
        noop = SAMPLE.requirement("REQ-5").revise(
            by="chen.jie", at=LATER, why="quietly", estimate_days=12
        )
        before = snapshot(SAMPLE)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Requirement 'REQ-5' is signed_off: replace() cannot add the "
                "entry signed_off -> signed_off by 'chen.jie' to its history; a signed-off "
                "requirement's history grows only by sign-off, completion and an applied change "
                "request (submit a ChangeRequest and apply it)"
            ),
        ) == raised(SAMPLE.replace, noop)
        assert before == snapshot(SAMPLE)

    def test_replace_cannot_move_a_due_date_without_history(self):
        moved = attrs.evolve(SAMPLE.milestone("M2"), due=pendulum.date(2026, 12, 25))
        before = snapshot(SAMPLE)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2' cannot move its due date from 2026-12-18 to "
                "2026-12-25 by replace() without a new entry of its history that records the "
                "move: use reschedule()"
            ),
        ) == raised(SAMPLE.replace, moved)
        assert before == snapshot(SAMPLE)

    def test_replace_cannot_move_a_due_date_past_the_recorded_move(self):
        m2 = SAMPLE.milestone("M2").reschedule(pendulum.date(2026, 12, 25), by="li.wei",
                                               at=LATER, why="CR-2")  # fmt: skip
        assert pendulum.date(2026, 12, 25) == SAMPLE.replace(m2).milestone("M2").due
        further = attrs.evolve(m2, due=pendulum.date(2027, 1, 8))
        kind, message = raised(SAMPLE.replace, further)
        assert "IllegalTransitionError" == kind
        assert "from 2026-12-18 to 2027-01-08 by replace() without a new entry" in message

    def test_replace_cannot_move_a_baseline(self):
        moved = attrs.evolve(SAMPLE.milestone("M2"), baseline_due=pendulum.date(2026, 12, 25))
        before = snapshot(SAMPLE)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2' cannot move its baseline_due from 2026-12-18 to "
                "2026-12-25: it is the date first agreed, which no change moves, so slips stay "
                "visible"
            ),
        ) == raised(SAMPLE.replace, moved)
        assert before == snapshot(SAMPLE)

    def test_replace_cannot_deliver_a_milestone(self):
        """REQ-2 is not done: deliver_milestone() refuses, and so does replace()."""
        delivered = SAMPLE.milestone("M2").deliver(by="chen.jie", at=LATER)
        before = snapshot(SAMPLE)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2' cannot become delivered by replace(): use "
                "deliver_milestone(), which checks that every deliverable is done (or removed)"
            ),
        ) == raised(SAMPLE.replace, delivered)
        assert before == snapshot(SAMPLE)
        assert MilestoneStatus.DELIVERED is delivered_beta().milestone("M2").status

    def test_replace_cannot_edit_a_draft_without_history(self):
        edited = attrs.evolve(SAMPLE.requirement("REQ-6"), title="Mobile app")
        before = snapshot(SAMPLE)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Requirement 'REQ-6' is draft: its title cannot change from "
                "'Mobile layout' to 'Mobile app' by replace() without a new entry of its history; "
                "a draft's content changes only by edit(), which records who edited it and when"
            ),
        ) == raised(SAMPLE.replace, edited)
        assert before == snapshot(SAMPLE)
        signed = SAMPLE.requirement("REQ-6").sign_off(by="li.wei", at=LATER)
        kind, message = raised(SAMPLE.replace, attrs.evolve(signed, title="Mobile app"))
        assert ("IllegalTransitionError", True) == (kind, "only by edit()" in message)

    @pytest.mark.parametrize(
        ("field", "value", "shown"),
        [
            ("title", "Bigger", "'WeChat Work login' to 'Bigger'"),
            ("reason", "because", None),
            (
                "changes",
                [cpm.ReviseEstimate("REQ-2", 40)],
                "to \"revise the estimate of requirement 'REQ-2' to 40 person-days\"",
            ),
        ],
    )
    def test_replace_cannot_change_what_an_open_request_asks(self, field, value, shown):
        changed = attrs.evolve(SAMPLE.change_request("CR-1"), **{field: value})
        before = snapshot(SAMPLE)
        kind, message = raised(SAMPLE.replace, changed)
        assert "IllegalTransitionError" == kind
        assert message.startswith(
            f"Project 'ACME': ChangeRequest 'CR-1' cannot change its {field} "
        )
        assert message.endswith(
            "by replace(): what a change request asks, who asked, when and why are fixed when it "
            "is submitted (withdraw() it and submit a new one)"
        )
        if shown:
            assert shown in message
        assert before == snapshot(SAMPLE)

    def test_an_assessed_request_keeps_what_it_asks(self):
        a = cpm.Assessment(effort_days=4, cost=cpm.Money("16000", "CNY"), slip_days=2,
                           recommendation="bill", summary="4 days")  # fmt: skip
        assessed = SAMPLE.change_request("CR-1").assess(a, by="chen.jie", at=ASSESSED_AT)
        assert ChangeStatus.ASSESSED is SAMPLE.replace(assessed).change_request("CR-1").status
        renamed = attrs.evolve(assessed, title="Bigger")
        assert "IllegalTransitionError" == raised(SAMPLE.replace, renamed)[0]


# -- what a transition records changes only with that transition --------------------
class TestRecordedFields:
    def test_replace_cannot_give_an_open_request_an_assessment(self):
        a = cpm.Assessment(effort_days=1, cost=cpm.Money("1", "CNY"), slip_days=0,
                           recommendation="absorb", summary="tiny")  # fmt: skip
        slipped = attrs.evolve(SAMPLE.change_request("CR-1"), assessment=a)
        before = snapshot(SAMPLE)
        kind, message = raised(SAMPLE.replace, slipped)
        assert ("IllegalTransitionError", True) == (
            kind,
            message.startswith(
                "Project 'ACME': ChangeRequest 'CR-1' cannot change its assessment by "
                "replace() without the transition that records it (assessed)"
            ),
        )
        assert before == snapshot(SAMPLE)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("assessment", TINY),
            ("decided_by", "zhang.min"),
            ("decided_at", LATER),
            ("billing", cpm.Billing.FREE),
        ],
    )
    def test_replace_cannot_rewrite_an_approval(self, field, value):
        project = SAMPLE.replace(approved_cr1())
        rewritten = attrs.evolve(project.change_request("CR-1"), **{field: value})
        before = snapshot(project)
        kind, message = raised(project.replace, rewritten)
        assert kind in {"IllegalTransitionError", "ValidationError"}
        assert field in message
        assert before == snapshot(project)

    def test_a_reassessment_clears_the_decision_it_replaces(self):
        a = cpm.Assessment(effort_days=4, cost=cpm.Money("16000", "CNY"), slip_days=2,
                           recommendation="bill", summary="4 days")  # fmt: skip
        assessed = SAMPLE.change_request("CR-1").assess(a, by="chen.jie", at=ASSESSED_AT)
        deferred = assessed.defer(by="li.wei", at=APPROVED_AT, why="after the pilot")
        project = SAMPLE.replace(assessed).replace(deferred)
        again = deferred.assess(a, by="chen.jie", at=LATER)
        assert (None, None) == (again.decided_by, again.decided_at)
        assert ChangeStatus.ASSESSED is project.replace(again).change_request("CR-1").status


class TestMilestonePlan:
    def test_replace_cannot_change_the_deliverables(self):
        shrunk = attrs.evolve(SAMPLE.milestone("M2"), deliverables=())
        before = snapshot(SAMPLE)
        kind, message = raised(SAMPLE.replace, shrunk)
        assert "IllegalTransitionError" == kind
        assert message.startswith(
            "Project 'ACME': Milestone 'M2' cannot change its deliverables from "
        )
        assert message.endswith(
            "the scope the client agreed changes only by an applied change request "
            "(AddRequirement, RemoveRequirement)"
        )
        assert before == snapshot(SAMPLE)

    def test_an_open_milestone_can_be_renamed(self):
        renamed = attrs.evolve(SAMPLE.milestone("M2"), title="Public beta")
        assert "Public beta" == SAMPLE.replace(renamed).milestone("M2").title

    @pytest.mark.parametrize(
        ("field", "value"),
        [("title", "Renamed"), ("description", "rewritten"), ("depends_on", ())],
    )
    def test_a_handed_over_milestone_is_part_of_the_record(self, field, value):
        project = delivered_beta()
        edited = attrs.evolve(project.milestone("M2"), **{field: value})
        before = snapshot(project)
        kind, message = raised(project.replace, edited)
        assert "IllegalTransitionError" == kind
        assert message.startswith(f"Project 'ACME': Milestone 'M2' is delivered: its {field} ")
        assert before == snapshot(project)

    def test_replace_cannot_rewrite_the_delivery_date(self):
        project = delivered_beta()
        edited = attrs.evolve(project.milestone("M2"), delivered_at=LATER.add(days=3))
        before = snapshot(project)
        assert (
            "IllegalTransitionError",
            (
                "Project 'ACME': Milestone 'M2' cannot change its delivered_at by replace(): it "
                "records the hand-over, which only deliver_milestone() and accept_milestone() "
                "record"
            ),
        ) == raised(project.replace, edited)
        assert before == snapshot(project)

    @pytest.mark.parametrize(
        ("field", "value"), [("accepted_at", LATER.add(days=3)), ("accepted_by", "li.wei")]
    )
    def test_replace_cannot_rewrite_the_acceptance(self, field, value):
        project = accepted_beta()
        edited = attrs.evolve(project.milestone("M2"), **{field: value})
        before = snapshot(project)
        kind, message = raised(project.replace, edited)
        assert ("IllegalTransitionError", True) == (kind, f"cannot change its {field}" in message)
        assert before == snapshot(project)
