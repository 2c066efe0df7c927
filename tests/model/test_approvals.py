"""Who approves a change request, and the record of every approval (D4, D6, D14).

Each test tries one way around the rule and checks that a ClientPMError names
the rule while the original objects stay as they were.
"""

import itertools

import attrs
import pendulum
import pytest
from hypothesis import given, settings, strategies as st

import clientpm as cpm
from clientpm.impact import assess_change
from clientpm.sample import SAMPLE_AS_OF

AT = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")


def assessment(recommendation="bill", approvers=()):
    return cpm.Assessment(
        effort_days=7, cost=cpm.Money("30800", "CNY"), slip_days=4,
        recommendation=recommendation, summary="7 days", price=cpm.Money("30800", "CNY"),
        approvers=approvers,
    )  # fmt: skip


def assessed(approvers=(), recommendation="bill", by="chen.jie"):
    """The sample project with CR-1 assessed, and the project before."""
    p = cpm.sample_project()
    cr = p.change_request("CR-1").assess(assessment(recommendation, approvers), by=by, at=AT)
    return p.replace(cr)


def escalated():
    """The sample with CR-1 assessed by the impact calculator: wang.fang and li.wei approve."""
    p = cpm.sample_project()
    impact = assess_change(p, p.change_request("CR-1"), as_of=SAMPLE_AS_OF)
    assert impact.to_assessment().approvers == ("wang.fang", "li.wei")
    return p.replace(p.change_request("CR-1").assess(impact, by="chen.jie", at=AT))


class TestWhoApproves:
    def test_apply_refuses_an_approval_by_the_project_manager(self):
        """D4: ``cr.approve(by=PM)`` is not the client's acceptance; apply says who may approve."""
        p = assessed()
        cr = p.change_request("CR-1").approve(by="chen.jie", at=AT, billing="free")
        before = attrs.asdict(p, recurse=False)
        with pytest.raises(cpm.IllegalTransitionError) as info:
            p.apply(cr)
        assert str(info.value) == (
            "Project 'ACME': ChangeRequest 'CR-1' is approved (the client's acceptance of the "
            "impact, D4) by 'chen.jie', who is not on the client side (project_manager; "
            "client-side stakeholders: li.wei, zhang.min); CR-1 cannot be applied"
        )
        assert before == attrs.asdict(p, recurse=False)
        assert p.change_request("CR-1").status is cpm.ChangeStatus.ASSESSED

    def test_a_project_refuses_to_hold_it_as_a_validation_error(self):
        """Not an UnknownReferenceError: the project manager is a known stakeholder."""
        p = assessed()
        cr = p.change_request("CR-1").approve(by="chen.jie", at=AT, billing="free")
        with pytest.raises(cpm.ValidationError) as info:
            p.replace(cr)
        assert not isinstance(info.value, cpm.UnknownReferenceError)
        assert "who is not on the client side (project_manager;" in str(info.value)

    def test_approve_change_refuses_who_is_neither_client_nor_named(self):
        p = escalated()
        before = p.change_request("CR-1")
        with pytest.raises(cpm.IllegalTransitionError) as info:
            p.approve_change("CR-1", by="liu.yang", at=AT)
        assert str(info.value) == (
            "Project 'ACME': ChangeRequest 'CR-1' cannot be approved by 'liu.yang' "
            "(team_member): only the client side (li.wei, zhang.min) or an approver its "
            "assessment names (wang.fang) may (D4, D14)"
        )
        assert before is p.change_request("CR-1")

    def test_approve_change_takes_the_client_and_needs_billing_from_the_client_only(self):
        p = escalated()
        with pytest.raises(cpm.ValidationError, match="client's billing decision"):
            p.approve_change("CR-1", by="li.wei", at=AT)
        with pytest.raises(cpm.ValidationError, match="billing is the client's decision"):
            p.approve_change("CR-1", by="wang.fang", at=AT, billing="paid")
        q = p.approve_change("CR-1", by="li.wei", at=AT, billing="paid")
        cr = q.change_request("CR-1")
        assert (cr.status, cr.decided_by, cr.billing) == (
            cpm.ChangeStatus.APPROVED,
            "li.wei",
            cpm.Billing.PAID,
        )
        assert p.change_request("CR-1").status is cpm.ChangeStatus.ASSESSED

    def test_unknown_approver_is_an_unknown_reference(self):
        with pytest.raises(cpm.UnknownReferenceError, match="has no stakeholder 'ghost'"):
            escalated().approve_change("CR-1", by="ghost", at=AT, billing="paid")

    def test_not_before_assessment(self):
        """D5 still comes first."""
        p = cpm.sample_project()
        with pytest.raises(cpm.IllegalTransitionError, match="before it has been assessed"):
            p.approve_change("CR-1", by="li.wei", at=AT, billing="paid")


class TestEveryNamedApprover:
    def test_apply_waits_for_the_escalation(self):
        """D14: the account manager the policy escalates to must approve too."""
        p = escalated().approve_change("CR-1", by="li.wei", at=AT, billing="paid")
        before = attrs.asdict(p, recurse=False)
        with pytest.raises(cpm.IllegalTransitionError) as info:
            p.apply("CR-1")
        assert str(info.value) == (
            "ChangeRequest 'CR-1' cannot be applied: it still needs the approval of "
            "'wang.fang', named by its assessment (D14; approved so far: li.wei); record it "
            "with approve_change()"
        )
        assert before == attrs.asdict(p, recurse=False)
        done = p.approve_change("CR-1", by="wang.fang", at=AT.add(hours=1)).apply("CR-1")
        assert done.change_request("CR-1").status is cpm.ChangeStatus.IMPLEMENTED

    def test_each_approval_is_recorded_with_who_and_when(self):
        p = escalated().approve_change("CR-1", by="wang.fang", at=AT, why="within budget")
        p = p.approve_change("CR-1", by="li.wei", at=AT.add(hours=2), billing="paid")
        cr = p.change_request("CR-1")
        assert [(t.by, t.at, t.from_status, t.to_status) for t in cr.approvals] == [
            ("wang.fang", AT, "assessed", "assessed"),
            ("li.wei", AT.add(hours=2), "assessed", "approved"),
        ]
        assert cr.approvals == cr.history[-2:]
        assert cr.history[-2].why == "within budget"
        back = cpm.from_dict(cpm.Project, cpm.to_dict(p))
        assert back.change_request("CR-1").approvals == cr.approvals

    def test_the_same_approver_approves_once(self):
        p = escalated().approve_change("CR-1", by="wang.fang", at=AT)
        with pytest.raises(cpm.IllegalTransitionError, match=r"already approved by 'wang\.fang'"):
            p.approve_change("CR-1", by="wang.fang", at=AT)

    def test_a_named_assessor_approves_by_assessing(self):
        """The tutorial's path: the deciding PM records the assessment; the client approves."""
        p = assessed(approvers=("chen.jie", "li.wei"))
        assert [t.by for t in p.change_request("CR-1").approvals] == ["chen.jie"]
        p = p.approve_change("CR-1", by="li.wei", at=AT, billing="paid")
        assert p.apply("CR-1").change_request("CR-1").status is cpm.ChangeStatus.IMPLEMENTED

    def test_a_named_assessor_does_not_approve_a_reject(self):
        p = assessed(approvers=("chen.jie", "li.wei"), recommendation="reject")
        assert p.change_request("CR-1").approvals == ()

    def test_a_role_named_when_nobody_held_it(self):
        """An approver named by role is satisfied by whoever holds the role now."""
        p = assessed(approvers=("executive", "li.wei")).add(
            cpm.Stakeholder(id="boss", name="The Boss", role=cpm.Role.EXECUTIVE)
        )
        p = p.approve_change("CR-1", by="li.wei", at=AT, billing="paid")
        with pytest.raises(cpm.IllegalTransitionError, match="approval of 'executive'"):
            p.apply("CR-1")
        assert p.approve_change("CR-1", by="boss", at=AT).apply("CR-1").budget > p.budget

    def test_reassessment_clears_the_approvals(self):
        p = escalated().approve_change("CR-1", by="wang.fang", at=AT)
        cr = p.change_request("CR-1").assess(assessment(), by="chen.jie", at=AT.add(hours=1))
        assert cr.approvals == ()


class TestForgedApprovals:
    def test_an_approval_not_in_the_history_is_refused(self):
        cr = escalated().change_request("CR-1")
        with pytest.raises(cpm.ValidationError, match=r"approvals\[0\]: expected an entry of"):
            attrs.evolve(cr, approvals=[cpm.Transition("assessed", "assessed", "wang.fang", AT)])

    def test_an_old_entry_cannot_become_an_approval_by_replace(self):
        p = escalated()
        cr = p.change_request("CR-1")
        forged = attrs.evolve(cr, approvals=[cr.history[0]])  # li.wei's submission
        with pytest.raises(cpm.IllegalTransitionError, match="an approval is recorded when"):
            p.replace(forged)
        with pytest.raises(cpm.IllegalTransitionError, match="an approval is recorded when"):
            p.apply(forged.approve(by="li.wei", at=AT, billing="paid"))
        assert p.change_request("CR-1") is cr

    def test_a_recorded_approval_by_an_unnamed_team_member_is_refused(self):
        p = escalated()
        cr = p.change_request("CR-1").record_approval(by="liu.yang", at=AT)
        cr = cr.approve(by="li.wei", at=AT, billing="paid")
        with pytest.raises(cpm.IllegalTransitionError, match=r"approval by 'liu.yang' \(team"):
            p.apply(cr)
        with pytest.raises(cpm.ValidationError, match="who may not approve it"):
            p.replace(cr)


class TestApprovingAgainstReject:
    def test_the_client_must_say_why(self):
        """D6: approving what the assessment says to reject needs a reason, kept in the history."""
        p = assessed(recommendation="reject")
        with pytest.raises(cpm.ValidationError) as info:
            p.approve_change("CR-1", by="li.wei", at=AT, billing="paid")
        assert str(info.value) == (
            "ChangeRequest 'CR-1'.why: expected a reason to approve a change its assessment "
            "recommends rejecting, got str ''"
        )
        assert p.change_request("CR-1").status is cpm.ChangeStatus.ASSESSED
        q = p.approve_change("CR-1", by="li.wei", at=AT, billing="paid", why="board decision")
        assert q.change_request("CR-1").history[-1].why == "board decision"

    def test_a_named_approver_must_say_why(self):
        p = assessed(approvers=("wang.fang", "li.wei"), recommendation="reject")
        with pytest.raises(cpm.ValidationError, match="recommends rejecting"):
            p.approve_change("CR-1", by="wang.fang", at=AT)
        q = p.approve_change("CR-1", by="wang.fang", at=AT, why="strategic client")
        assert q.change_request("CR-1").approvals[-1].why == "strategic client"


TEAM = ("wang.fang", "liu.yang", "zhang.min")  # chen.jie records the assessment


@settings(max_examples=40, deadline=None)
@given(
    required=st.lists(st.sampled_from(TEAM), unique=True, max_size=3),
    given_=st.lists(st.sampled_from((*TEAM, "li.wei")), unique=True, max_size=5),
)
def test_apply_succeeds_exactly_when_every_named_approver_approved(required, given_):
    """For any named approvers and any order of approvals, apply waits for all of them."""
    named = (*required, "li.wei")
    p = cpm.sample_project()
    p = p.replace(
        p.change_request("CR-1").assess(assessment(approvers=named), by="chen.jie", at=AT)
    )
    approvals = [who for who in given_ if who in named or who == "zhang.min"]
    ticks = itertools.count(1)
    for who in approvals:
        billing = (
            "paid"
            if who in ("li.wei", "zhang.min")
            and (p.change_request("CR-1").status is cpm.ChangeStatus.ASSESSED)
            else None
        )
        p = p.approve_change("CR-1", by=who, at=AT.add(minutes=next(ticks)), billing=billing)
    assert [t.by for t in p.change_request("CR-1").approvals] == approvals
    if set(named) <= set(approvals):  # li.wei, the client, is always named
        assert p.apply("CR-1").change_request("CR-1").status is cpm.ChangeStatus.IMPLEMENTED
    else:
        with pytest.raises(cpm.IllegalTransitionError):
            p.apply("CR-1")
