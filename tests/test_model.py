"""The entities: validation, lifecycle rules and history."""

import datetime as dt

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")
LATER = AT.add(hours=2)


def change_request(**kw):
    base = {
        "id": "CR-1", "title": "WeChat login", "requested_by": "li.wei", "submitted_at": AT,
        "reason": "Staff use WeChat Work", "changes": [cpm.ReviseEstimate("REQ-1", 12)],
    }  # fmt: skip
    base.update(kw)
    return cpm.ChangeRequest(**base)


def assessment(**kw):
    base = {
        "effort_days": 4, "cost": cpm.Money("16000", "CNY"), "slip_days": 2,
        "recommendation": cpm.Recommendation.BILL, "summary": "4 more days of work",
        "price": cpm.Money("16000", "CNY"),
    }  # fmt: skip
    base.update(kw)
    return cpm.Assessment(**base)


class TestRequirement:
    def test_draft_until_signed_off(self):
        """A new requirement is a draft and not in the scope baseline (D1)."""
        r = cpm.Requirement(id="REQ-1", title="SSO", acceptance_criteria=["log in"])
        assert cpm.RequirementStatus.DRAFT == r.status
        assert not r.in_scope

    def test_sign_off_records_who_when_why_and_baseline(self):
        """Sign-off stores the client, the time, the baseline estimate and a history entry."""
        r = cpm.Requirement(id="REQ-1", title="SSO", estimate_days="8",
                            acceptance_criteria=["log in"])  # fmt: skip
        s = r.sign_off(by="li.wei", at=AT, why="review meeting")
        assert ("li.wei", AT) == (s.signed_off_by, s.signed_off_at)
        assert s.in_scope
        assert s.baseline_estimate_days == s.estimate_days
        assert [("signed_off", "draft", "li.wei", "review meeting")] == [
            (t.to_status, t.from_status, t.by, t.why) for t in s.history
        ]
        assert cpm.RequirementStatus.DRAFT == r.status  # the original is untouched

    def test_signed_off_cannot_be_edited_in_place(self):
        """Editing a signed-off requirement points to a change request (D1)."""
        r = cpm.Requirement(id="REQ-1", title="SSO", acceptance_criteria=["log in"])
        with pytest.raises(cpm.IllegalTransitionError) as info:
            r.sign_off(by="li.wei", at=AT).edit(estimate_days=3)
        assert str(info.value) == (
            "Requirement 'REQ-1' is signed_off and cannot be edited in place: submit a "
            "ChangeRequest (e.g. ReviseEstimate) and apply it once approved"
        )

    def test_sign_off_needs_acceptance_criteria(self):
        """The client signs off against criteria; none is an error."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Requirement(id="REQ-1", title="SSO").sign_off(by="li.wei", at=AT)
        assert str(info.value).startswith(
            "Requirement 'REQ-1'.acceptance_criteria: expected at least one acceptance criterion"
        )

    def test_sign_off_twice_is_illegal(self):
        """Only a draft can be signed off."""
        r = cpm.Requirement(id="R", title="x", acceptance_criteria=["y"]).sign_off(by="a", at=AT)
        with pytest.raises(cpm.IllegalTransitionError) as info:
            r.sign_off(by="a", at=AT)
        assert str(info.value) == (
            "Requirement 'R' cannot be signed off: it is signed_off (allowed from: draft)"
        )

    def test_all_problems_reported_at_once(self):
        """Several bad fields give one error listing each with object, field and value."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Requirement(id="REQ-1", title="", estimate_days=-2, priority="urgent")
        assert [
            "Requirement 'REQ-1'.title: expected a non-empty text, got str ''",
            (
                "Requirement 'REQ-1'.priority: expected one of 'must', 'should', 'could', 'wont', "
                "got str 'urgent'"
            ),
            "Requirement 'REQ-1'.estimate_days: expected a number >= 0, got -2",
        ] == [str(p) for p in info.value.problems]

    def test_three_point_estimate_must_be_ordered(self):
        """Optimistic <= most likely <= pessimistic."""
        with pytest.raises(cpm.ValidationError, match="optimistic_days: expected at most"):
            cpm.Requirement(id="R", title="x", estimate_days=5, optimistic_days=6)

    @given(st.integers(max_value=-1))
    def test_negative_estimates_always_refused(self, days):
        """No negative estimate is ever accepted, and the value is named."""
        with pytest.raises(cpm.ValidationError, match=f"got {days}$"):
            cpm.Requirement(id="R", title="x", estimate_days=days)


class TestChangeRequest:
    def test_cannot_approve_before_assessment(self):
        """D5: record, assess, then answer — approval first is refused in those words."""
        with pytest.raises(cpm.IllegalTransitionError) as info:
            change_request().approve(by="li.wei", at=AT, billing="paid")
        assert str(info.value) == (
            "ChangeRequest 'CR-1' cannot be approved before it has been assessed: record the "
            "request, assess its impact on scope, schedule and budget, then answer "
            "(it is submitted)"
        )

    def test_cannot_reject_before_assessment(self):
        """D5 applies to rejection as well: never reject on the spot."""
        with pytest.raises(cpm.IllegalTransitionError) as info:
            change_request().reject(by="chen.jie", at=AT, why="out of scope")
        assert "cannot be rejected before it has been assessed" in str(info.value)

    def test_approval_needs_billing_decision(self):
        """D6: an approval says free or paid."""
        cr = change_request().assess(assessment(), by="chen.jie", at=AT)
        with pytest.raises(cpm.ValidationError) as info:
            cr.approve(by="li.wei", at=LATER, billing="maybe")
        assert str(info.value) == (
            "ChangeRequest 'CR-1'.billing: expected a billing decision, 'free' or 'paid', "
            "got str 'maybe'"
        )

    def test_full_lifecycle_records_every_step(self):
        """Submitted -> assessed -> approved, each with who, when and why."""
        cr = change_request().assess(assessment(), by="chen.jie", at=AT)
        cr = cr.approve(by="li.wei", at=LATER, billing=cpm.Billing.FREE)
        assert [
            ("submitted", None, "li.wei"),
            ("assessed", "submitted", "chen.jie"),
            ("approved", "assessed", "li.wei"),
        ] == [(t.to_status, t.from_status, t.by) for t in cr.history]
        assert "client accepted the impact (4 more days of work); billing: free" == (
            cr.history[-1].why
        )
        assert (cpm.Billing.FREE, "li.wei", LATER) == (cr.billing, cr.decided_by, cr.decided_at)

    def test_reject_needs_a_reason(self):
        """A rejection explains itself."""
        cr = change_request().assess(assessment(), by="chen.jie", at=AT)
        with pytest.raises(cpm.ValidationError, match="expected a reason to reject"):
            cr.reject(by="li.wei", at=LATER, why=" ")

    def test_deferred_can_be_assessed_again(self):
        """Deferred -> assessed is allowed; decided ones are final."""
        cr = (
            change_request()
            .assess(assessment(), by="pm", at=AT)
            .defer(by="li.wei", at=LATER, why="after go-live")
        )
        assert cpm.ChangeStatus.ASSESSED == cr.assess(assessment(), by="pm", at=LATER).status
        rejected = (
            change_request()
            .assess(assessment(), by="pm", at=AT)
            .reject(by="li.wei", at=LATER, why="not needed")
        )
        with pytest.raises(cpm.IllegalTransitionError, match="allowed from: submitted, assessed"):
            rejected.assess(assessment(), by="pm", at=LATER)

    def test_history_cannot_go_back_in_time(self):
        """A transition before the previous one is refused."""
        with pytest.raises(cpm.ValidationError, match="not before the previous entry"):
            change_request().assess(assessment(), by="pm", at=AT.subtract(days=1))

    def test_added_requirement_must_be_a_draft(self):
        """The client's approval of the change signs the new requirement off, not its author."""
        draft = cpm.Requirement(id="REQ-9", title="WeChat login", acceptance_criteria=["log in"])
        signed = draft.sign_off(by="li.wei", at=AT)
        assert draft == cpm.AddRequirement(draft).requirement
        with pytest.raises(
            cpm.ValidationError, match=r"AddRequirement\.requirement: .*'REQ-9'.*signed_off"
        ):
            cpm.AddRequirement(signed)

    def test_needs_at_least_one_change(self):
        """An empty change request is refused."""
        with pytest.raises(cpm.ValidationError, match="changes: expected at least one change"):
            change_request(changes=[])

    def test_assess_refuses_non_impacts(self):
        """assess() takes a ChangeImpact or Assessment, nothing else."""
        with pytest.raises(cpm.ValidationError, match="expected a ChangeImpact or an Assessment"):
            change_request().assess("big", by="pm", at=AT)  # type: ignore[arg-type]

    @given(st.lists(st.sampled_from(["assess", "approve", "reject", "defer", "withdraw",
                                     "implement"]), max_size=8))  # fmt: skip
    def test_any_sequence_of_actions_is_legal_or_refused_without_change(self, actions):
        """Each step either succeeds and adds one history entry, or raises and changes nothing."""
        cr = change_request()
        at = AT
        for action in actions:
            at = at.add(minutes=5)
            before = cr
            calls = {
                "assess": lambda c, at=at: c.assess(assessment(), by="pm", at=at),
                "approve": lambda c, at=at: c.approve(by="li.wei", at=at, billing="paid"),
                "reject": lambda c, at=at: c.reject(by="li.wei", at=at, why="no"),
                "defer": lambda c, at=at: c.defer(by="li.wei", at=at, why="later"),
                "withdraw": lambda c, at=at: c.withdraw(by="li.wei", at=at, why="moot"),
                "implement": lambda c, at=at: c.mark_implemented(by="pm", at=at),
            }
            try:
                cr = calls[action](cr)
            except cpm.IllegalTransitionError:
                assert before == cr
            else:
                assert len(before.history) + 1 == len(cr.history)
                assert cr.history[-1].to_status == cr.status.value
            if cr.status in {cpm.ChangeStatus.APPROVED, cpm.ChangeStatus.REJECTED}:
                assert cr.assessment is not None  # D5 holds on every path


class TestOtherEntities:
    def test_milestone_refuses_datetime_due(self):
        """A DateTime is not a calendar date (pendulum pitfall), and the fix is named."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Milestone(id="M1", title="Beta", due=pendulum.datetime(2026, 12, 18))
        assert str(info.value) == (
            "Milestone 'M1'.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got "
            "DateTime 2026-12-18T00:00:00+00:00; use .date() to drop the time"
        )

    def test_milestone_converts_stdlib_dates(self):
        """A stdlib date becomes a pendulum Date; baseline defaults to due."""
        m = cpm.Milestone(id="M1", title="Beta", due=dt.date(2026, 12, 18))
        assert isinstance(m.due, pendulum.Date)
        assert m.baseline_due == m.due

    def test_milestone_cannot_depend_on_itself(self):
        """A self-dependency is refused on the milestone itself."""
        with pytest.raises(cpm.ValidationError, match="cannot depend on itself, got 'M1'"):
            cpm.Milestone(id="M1", title="Beta", due="2026-12-18", depends_on=["M1"])

    def test_naive_datetime_refused(self):
        """Instants must be time-zone aware."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Feedback(id="F1", stakeholder="li.wei", received_at=dt.datetime(2026, 11, 1, 9),
                         kind="praise", text="nice")  # fmt: skip
        assert "Feedback 'F1'.received_at: expected a time-zone-aware date and time, got naive" in (
            str(info.value)
        )

    def test_risk_scores_in_range(self):
        """Probability and impact are 1..5."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Risk(id="R1", title="x", probability=0, impact=6, owner="pm",
                     next_review="2026-12-01")  # fmt: skip
        assert [
            "Risk 'R1'.probability: expected a whole number from 1 to 5, got int 0",
            "Risk 'R1'.impact: expected a whole number from 1 to 5, got int 6",
        ] == [str(p) for p in info.value.problems]

    def test_feedback_response_after_receipt(self):
        """A response cannot precede the feedback."""
        with pytest.raises(cpm.ValidationError, match="responded_at: expected a time after"):
            cpm.Feedback(id="F1", stakeholder="li.wei", received_at=LATER, kind="question",
                         text="when?", responded_at=AT, response="soon")  # fmt: skip

    def test_commitment_renegotiation_keeps_original_date(self):
        """D8: a new date is agreed; the first promise stays visible."""
        p = cpm.Commitment(id="P1", promise="plan", to="li.wei", made_by="pm", made_at=AT,
                           due="2026-11-27")  # fmt: skip
        q = p.renegotiate(pendulum.date(2026, 12, 2), by="pm", at=LATER, why="IdP late")
        assert (pendulum.date(2026, 12, 2), pendulum.date(2026, 11, 27)) == (q.due, q.original_due)
        assert q.is_open
        assert not q.keep(by="pm", at=LATER.add(days=3)).is_open

    def test_stakeholder_locale_normalised_and_checked(self):
        """zh_CN becomes zh; an unsupported locale is named."""
        assert "zh" == cpm.Stakeholder(id="a", name="A", role="sponsor", locale="zh_CN").locale
        with pytest.raises(cpm.ValidationError, match="expected a supported locale"):
            cpm.Stakeholder(id="a", name="A", role="sponsor", locale="fr")

    def test_goal_needs_a_statement(self):
        """An empty goal statement is refused."""
        with pytest.raises(
            cpm.ValidationError, match=r"^Goal 'G1'\.statement: expected a non-empty"
        ):
            cpm.Goal(id="G1", statement="  ")

    def test_entities_are_frozen(self):
        """Domain objects cannot be changed in place."""
        m = cpm.Milestone(id="M1", title="Beta", due="2026-12-18")
        with pytest.raises(AttributeError):
            m.due = pendulum.date(2027, 1, 1)  # type: ignore[misc]
