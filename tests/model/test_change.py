"""Change requests: the changes, the assessment and the request lifecycle."""

import datetime as dt
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import (
    AddRequirement,
    Assessment,
    Billing,
    ChangeRequest,
    ChangeStatus,
    Money,
    MoveMilestone,
    Recommendation,
    RemoveRequirement,
    Requirement,
    ReviseEstimate,
    Transition,
)
from clientpm.model.change import CHANGE_TYPES, SupportsAssessment
from tests.helpers import illegal, problems

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


LATER = AT.add(hours=1)


COST = Money("16000", "CNY")


ID_MESSAGE = "expected an id (non-empty text without surrounding spaces), got"


DATE_MESSAGE = "expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got"


INSTANT_MESSAGE = (
    "expected a time-zone-aware date and time (pendulum.DateTime or ISO text with an offset), got"
)


CHANGE_LIST = "a change (AddRequirement, ReviseEstimate, RemoveRequirement or MoveMilestone)"


def new_requirement(**changes: object) -> Requirement:
    fields = {"id": "REQ-9", "title": "Export to Excel", "estimate_days": 3}
    return Requirement(**{**fields, **changes})  # type: ignore[arg-type]


def assessment(**changes: object) -> Assessment:
    fields = {
        "effort_days": 4,
        "cost": COST,
        "slip_days": 4,
        "recommendation": "bill",
        "summary": "4 more days",
        "price": COST,
    }
    return Assessment(**{**fields, **changes})  # type: ignore[arg-type]


REQUEST = {
    "id": "CR-1",
    "title": "Bigger SSO",
    "requested_by": "li.wei",
    "submitted_at": AT,
    "reason": "Add WeChat login",
    "changes": [ReviseEstimate("REQ-1", 12)],
}


def request(**changes: object) -> ChangeRequest:
    return ChangeRequest(**{**REQUEST, **changes})  # type: ignore[arg-type]


def request_problems(**changes: object) -> list[str]:
    return problems(ChangeRequest, **{**REQUEST, **changes})


def assessed() -> ChangeRequest:
    return request().assess(assessment(), by="pm", at=AT)


def approved() -> ChangeRequest:
    return assessed().approve(by="li.wei", at=AT, billing="paid")


def in_state(status: str) -> ChangeRequest:
    """A request brought to ``status`` through its lifecycle."""
    if status == "submitted":
        return request()
    if status == "approved":
        return approved()
    if status == "rejected":
        return assessed().reject(by="pm", at=AT, why="too costly")
    if status == "deferred":
        return assessed().defer(by="li.wei", at=AT, why="later")
    assert "assessed" == status
    return assessed()


NOT_ASSESSED = (
    "before it has been assessed: record the request, assess its impact on scope, "
    "schedule and budget, then answer (it is submitted)"
)


class TestAddRequirement:
    def test_defaults_and_describe(self):
        change = AddRequirement(new_requirement())
        assert (new_requirement(), None) == (change.requirement, change.milestone)
        assert "add requirement 'REQ-9' (3 person-days)" == change.describe()

    def test_to_a_milestone(self):
        change = AddRequirement(new_requirement(estimate_days="2.5"), milestone="M2")
        assert "M2" == change.milestone
        assert "add requirement 'REQ-9' (2.5 person-days) to milestone 'M2'" == change.describe()

    def test_every_field_is_checked_and_named(self):
        assert [
            "AddRequirement.requirement: expected a Requirement, got str 'REQ-9'",
            f"AddRequirement.milestone: {ID_MESSAGE} str ' M2'",
        ] == problems(AddRequirement, "REQ-9", milestone=" M2")

    def test_empty_milestone(self):
        assert [f"AddRequirement.milestone: {ID_MESSAGE} str ''"] == problems(
            AddRequirement, new_requirement(), milestone=""
        )

    def test_missing_requirement(self):
        assert ["AddRequirement.requirement: expected a Requirement, got None"] == problems(
            AddRequirement, None
        )

    @pytest.mark.parametrize(
        "fields",
        [
            {"status": "removed"},
            {"status": "signed_off", "signed_off_by": "li.wei", "signed_off_at": AT},
        ],
    )
    def test_requirement_must_be_a_draft(self, fields):
        assert [
            (
                "AddRequirement.requirement: expected a draft requirement (the client's approval "
                f"of the change signs it off), got 'REQ-9' with status {fields['status']}"
            )
        ] == problems(AddRequirement, new_requirement(**fields), milestone="M2")


class TestReviseEstimate:
    def test_conversion_and_describe(self):
        change = ReviseEstimate("REQ-1", "12")
        assert ("REQ-1", Decimal(12)) == (change.requirement_id, change.estimate_days)
        assert isinstance(change.estimate_days, Decimal)
        assert "revise the estimate of requirement 'REQ-1' to 12 person-days" == change.describe()

    @pytest.mark.parametrize(
        ("days", "shown"), [(0, "0"), ("0.5", "0.5"), (Decimal("1.50"), "1.50")]
    )
    def test_small_estimates_are_fine(self, days, shown):
        change = ReviseEstimate("REQ-1", days)
        assert f"revise the estimate of requirement 'REQ-1' to {shown} person-days" == (
            change.describe()
        )

    def test_every_field_is_checked_and_named(self):
        assert [
            f"ReviseEstimate.requirement_id: {ID_MESSAGE} str ''",
            (
                "ReviseEstimate.estimate_days: expected a number (int, Decimal or numeric text), "
                "got str 'x'"
            ),
        ] == problems(ReviseEstimate, "", "x")

    def test_negative_estimate(self):
        assert ["ReviseEstimate.estimate_days: expected a number >= 0, got -0.5"] == problems(
            ReviseEstimate, "REQ-1", "-0.5"
        )


class TestRemoveRequirement:
    def test_describe(self):
        change = RemoveRequirement("REQ-3")
        assert "REQ-3" == change.requirement_id
        assert "remove requirement 'REQ-3' from the scope" == change.describe()

    @pytest.mark.parametrize(("value", "shown"), [(" REQ-3", "str ' REQ-3'"), (None, "None")])
    def test_bad_id(self, value, shown):
        assert [f"RemoveRequirement.requirement_id: {ID_MESSAGE} {shown}"] == problems(
            RemoveRequirement, value
        )


class TestMoveMilestone:
    def test_conversion_and_describe(self):
        change = MoveMilestone("M2", dt.date(2027, 1, 15))
        assert ("M2", pendulum.date(2027, 1, 15)) == (change.milestone_id, change.due)
        assert type(change.due) is pendulum.Date
        assert "move milestone 'M2' to 2027-01-15" == MoveMilestone("M2", "2027-01-15").describe()

    def test_every_field_is_checked_and_named(self):
        assert [
            f"MoveMilestone.milestone_id: {ID_MESSAGE} str ''",
            f"MoveMilestone.due: {DATE_MESSAGE} str 'soon'",
        ] == problems(MoveMilestone, "", "soon")

    def test_due_with_a_time(self):
        assert [
            (
                f"MoveMilestone.due: {DATE_MESSAGE} DateTime 2027-01-15T00:00:00+00:00; "
                "use .date() to drop the time"
            )
        ] == problems(MoveMilestone, "M2", pendulum.datetime(2027, 1, 15))


class TestAssessment:
    def test_defaults(self):
        a = Assessment(
            effort_days="2.5",
            cost=COST,
            slip_days=0,
            recommendation="absorb",
            summary="small",
        )
        assert (Decimal("2.5"), COST, 0, Recommendation.ABSORB, "small", None, ()) == (
            a.effort_days,
            a.cost,
            a.slip_days,
            a.recommendation,
            a.summary,
            a.price,
            a.approvers,
        )
        assert a.to_assessment() is a
        assert isinstance(a, SupportsAssessment)

    def test_every_field_given(self):
        a = assessment(
            effort_days=-3,
            slip_days=-2,
            recommendation=Recommendation.REJECT,
            approvers=["pm", "li.wei"],
        )
        assert (Decimal(-3), -2, Recommendation.REJECT, COST, ("pm", "li.wei")) == (
            a.effort_days,
            a.slip_days,
            a.recommendation,
            a.price,
            a.approvers,
        )

    def test_every_field_is_checked_and_named(self):
        assert [
            "Assessment.effort_days: expected a number (int, Decimal or numeric text), got str 'x'",
            "Assessment.cost: expected Money, e.g. Money('4000', 'CNY'), got str '1'",
            "Assessment.slip_days: expected a whole number, got float 1.5",
            (
                "Assessment.recommendation: expected one of 'reject', 'absorb', 'bill', "
                "got str 'maybe'"
            ),
            "Assessment.summary: expected a non-empty text, got str ''",
            "Assessment.price: expected Money, e.g. Money('4000', 'CNY'), got int 5",
            "Assessment.approvers[0]: expected a non-empty approver, got str ''",
            "Assessment.approvers[1]: expected a non-empty approver, got int 1",
        ] == problems(
            Assessment,
            effort_days="x",
            cost="1",
            slip_days=1.5,
            recommendation="maybe",
            summary="",
            price=5,
            approvers=["", 1],
        )

    def test_missing_values(self):
        assert [
            "Assessment.effort_days: expected a number (int, Decimal or numeric text), got None",
            "Assessment.cost: expected Money, e.g. Money('4000', 'CNY'), got None",
            "Assessment.slip_days: expected a whole number, got None",
            "Assessment.recommendation: expected one of 'reject', 'absorb', 'bill', got None",
            "Assessment.summary: expected a non-empty text, got None",
            "Assessment.approvers: expected a list of approvers, got str 'pm'",
        ] == problems(
            Assessment,
            effort_days=None,
            cost=None,
            slip_days=None,
            recommendation=None,
            summary=None,
            approvers="pm",
        )


class TestChangeRequestFields:
    def test_defaults(self):
        cr = request()
        assert (
            ChangeStatus.SUBMITTED,
            None,
            None,
            None,
            None,
            (Transition("submitted", None, "li.wei", AT, "Add WeChat login"),),
        ) == (cr.status, cr.assessment, cr.decided_by, cr.decided_at, cr.billing, cr.history)
        assert (ReviseEstimate("REQ-1", 12),) == cr.changes
        assert ("ChangeRequest 'CR-1'", ("REQ-1",), ()) == (
            cr.label,
            cr.requirement_ids,
            cr.milestone_ids,
        )

    def test_conversions(self):
        a = assessment()
        cr = request(
            submitted_at="2026-11-20T10:00:00+08:00",
            status="approved",
            assessment=a,
            decided_by="li.wei",
            decided_at="2026-11-20T11:00:00+08:00",
            billing="free",
            history=[],
        )
        assert (AT, ChangeStatus.APPROVED, a, "li.wei", LATER, Billing.FREE, ()) == (
            cr.submitted_at,
            cr.status,
            cr.assessment,
            cr.decided_by,
            cr.decided_at,
            cr.billing,
            cr.history,
        )
        assert isinstance(cr.submitted_at, pendulum.DateTime)
        assert isinstance(cr.decided_at, pendulum.DateTime)

    def test_touched_ids(self):
        cr = request(
            changes=[
                AddRequirement(new_requirement(), milestone="M2"),
                AddRequirement(new_requirement(id="REQ-10")),
                ReviseEstimate("REQ-1", 2),
                RemoveRequirement("REQ-3"),
                MoveMilestone("M1", "2027-01-15"),
            ]
        )
        assert (("REQ-1", "REQ-3"), ("M2", "M1")) == (cr.requirement_ids, cr.milestone_ids)
        assert (AddRequirement, ReviseEstimate, RemoveRequirement, MoveMilestone) == CHANGE_TYPES

    def test_every_field_is_checked_and_named(self):
        assert [
            f"ChangeRequest ''.id: {ID_MESSAGE} str ''",
            "ChangeRequest ''.title: expected a non-empty text, got str ''",
            f"ChangeRequest ''.requested_by: {ID_MESSAGE} str ' li'",
            f"ChangeRequest ''.submitted_at: {INSTANT_MESSAGE} str 'x'",
            "ChangeRequest ''.reason: expected a non-empty text, got str ' '",
            f"ChangeRequest ''.changes[0]: expected {CHANGE_LIST}, got int 1",
            (
                "ChangeRequest ''.status: expected one of 'submitted', 'assessed', 'approved', "
                "'rejected', 'deferred', 'implemented', 'withdrawn', got str 'x'"
            ),
            "ChangeRequest ''.assessment: expected an Assessment, got str 'x'",
            "ChangeRequest ''.decided_by: expected a non-empty text, got str ''",
            f"ChangeRequest ''.decided_at: {INSTANT_MESSAGE} str 'x'",
            "ChangeRequest ''.billing: expected one of 'free', 'paid', got str 'x'",
            "ChangeRequest ''.history[0]: expected a Transition, got int 1",
        ] == problems(
            ChangeRequest,
            id="",
            title="",
            requested_by=" li",
            submitted_at="x",
            reason=" ",
            changes=[1],
            status="x",
            assessment="x",
            decided_by="",
            decided_at="x",
            billing="x",
            history=[1],
        )

    def test_bad_default_history_is_not_reported(self):
        assert [
            f"ChangeRequest 'CR-1'.requested_by: {ID_MESSAGE} None",
            f"ChangeRequest 'CR-1'.submitted_at: {INSTANT_MESSAGE} None",
            "ChangeRequest 'CR-1'.reason: expected a non-empty text, got None",
        ] == request_problems(requested_by=None, submitted_at=None, reason=None)

    def test_naive_submission_time(self):
        assert [
            (
                "ChangeRequest 'CR-1'.submitted_at: expected a time-zone-aware date and time, "
                "got naive datetime datetime.datetime(2026, 11, 20, 10, 0); attach a zone, e.g. "
                "pendulum.datetime(..., tz='Asia/Shanghai')"
            )
        ] == request_problems(submitted_at=dt.datetime(2026, 11, 20, 10))

    def test_no_changes(self):
        assert ["ChangeRequest 'CR-1'.changes: expected at least one change, got none"] == (
            request_problems(changes=[])
        )

    @pytest.mark.parametrize(("changes", "shown"), [(None, "None"), ("x", "str 'x'")])
    def test_changes_not_a_list(self, changes, shown):
        assert [
            (
                "ChangeRequest 'CR-1'.changes: expected a list of AddRequirement, ReviseEstimate, "
                f"RemoveRequirement or MoveMilestone objects, got {shown}"
            )
        ] == request_problems(changes=changes)

    def test_history_not_a_list(self):
        assert [
            "ChangeRequest 'CR-1'.history: expected a list of Transition objects, got None"
        ] == request_problems(history=None)

    @pytest.mark.parametrize("status", ["submitted", "withdrawn"])
    def test_open_states_need_no_assessment(self, status):
        cr = request(status=status)
        assert (ChangeStatus(status), None) == (cr.status, cr.assessment)

    @pytest.mark.parametrize("status", ["assessed", "rejected", "deferred"])
    def test_assessed_states_need_an_assessment(self, status):
        assert [
            (
                f"ChangeRequest 'CR-1'.assessment: a {status} change request needs an "
                "assessment, got None"
            )
        ] == request_problems(status=status)
        assert ChangeStatus(status) == request(status=status, assessment=assessment()).status

    @pytest.mark.parametrize("status", ["approved", "implemented"])
    def test_decided_states_need_everything(self, status):
        assert [
            (
                f"ChangeRequest 'CR-1'.assessment: a {status} change request needs an "
                "assessment, got None"
            ),
            (
                f"ChangeRequest 'CR-1'.billing: a {status} change request needs decided_by, "
                "decided_at and billing (free or paid)"
            ),
        ] == request_problems(status=status)

    @pytest.mark.parametrize("status", ["approved", "implemented"])
    @pytest.mark.parametrize("missing", ["billing", "decided_by", "decided_at"])
    def test_decided_states_need_each_decision_field(self, status, missing):
        decision = {"billing": "paid", "decided_by": "li.wei", "decided_at": AT, missing: None}
        assert [
            (
                f"ChangeRequest 'CR-1'.billing: a {status} change request needs decided_by, "
                "decided_at and billing (free or paid)"
            )
        ] == request_problems(status=status, assessment=assessment(), **decision)

    def test_decided_state_with_everything(self):
        cr = request(
            status="implemented",
            assessment=assessment(),
            billing=Billing.PAID,
            decided_by="li.wei",
            decided_at=AT,
        )
        assert (ChangeStatus.IMPLEMENTED, Billing.PAID) == (cr.status, cr.billing)


class TestAssess:
    def test_assess(self):
        a = assessment()
        cr = request()
        done = cr.assess(a, by="pm", at=LATER.isoformat())
        assert (ChangeStatus.ASSESSED, a, None, None, None) == (
            done.status,
            done.assessment,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert (
            Transition("submitted", None, "li.wei", AT, "Add WeChat login"),
            Transition("assessed", "submitted", "pm", LATER, "assessed: bill; 4 more days"),
        ) == done.history
        assert isinstance(done.history[-1].at, pendulum.DateTime)
        assert (ChangeStatus.SUBMITTED, None) == (cr.status, cr.assessment)

    def test_why_and_an_impact_object(self):
        a = assessment(recommendation="absorb", summary="tiny")

        class Impact:
            def to_assessment(self) -> Assessment:
                return a

        cr = request().assess(Impact(), by="pm", at=AT, why="checked with the team")
        assert a is cr.assessment
        assert "checked with the team" == cr.history[-1].why
        assert (
            "assessed: absorb; tiny" == request().assess(Impact(), by="pm", at=AT).history[-1].why
        )

    def test_reassess_and_after_deferral(self):
        again = assessed().assess(assessment(summary="5 days"), by="pm", at=LATER)
        assert (ChangeStatus.ASSESSED, "5 days") == (again.status, again.assessment.summary)
        assert (
            Transition("assessed", "assessed", "pm", LATER, "assessed: bill; 5 days")
            == (again.history[-1])
        )
        deferred = assessed().defer(by="li.wei", at=AT, why="next quarter")
        resumed = deferred.assess(assessment(), by="pm", at=LATER)
        assert ChangeStatus.ASSESSED == resumed.status
        assert (
            Transition("assessed", "deferred", "pm", LATER, "assessed: bill; 4 more days")
            == (resumed.history[-1])
        )

    def test_reassessment_awaits_a_new_decision(self):
        deferred = assessed().defer(by="li.wei", at=AT, why="next quarter")
        resumed = deferred.assess(assessment(summary="5 days"), by="pm", at=LATER)
        assert (ChangeStatus.ASSESSED, None, None, None) == (
            resumed.status,
            resumed.decided_by,
            resumed.decided_at,
            resumed.billing,
        )
        assert (ChangeStatus.DEFERRED, "li.wei", AT) == (
            deferred.status,
            deferred.decided_by,
            deferred.decided_at,
        )
        done = resumed.approve(by="li.wei", at=LATER, billing="free")
        assert ("li.wei", LATER, Billing.FREE) == (done.decided_by, done.decided_at, done.billing)
        assert "client accepted the impact (5 days); billing: free" == done.history[-1].why
        stray = request(
            status="deferred",
            assessment=assessment(),
            decided_by="li.wei",
            decided_at=AT,
            billing="paid",
        )
        again = stray.assess(assessment(), by="pm", at=LATER)
        assert (None, None, None) == (again.decided_by, again.decided_at, again.billing)

    @pytest.mark.parametrize(
        ("impact", "shown"),
        [("x", "str 'x'"), (None, "None"), (COST, "Money('16000.00', 'CNY')")],
    )
    def test_not_an_impact(self, impact, shown):
        assert [
            (
                "ChangeRequest 'CR-1'.assess.impact: expected a ChangeImpact or an Assessment, "
                f"got {shown}"
            )
        ] == problems(request().assess, impact, by="pm", at=AT)

    def test_not_callable(self):
        class Impact:
            to_assessment = None

            def __repr__(self) -> str:
                return "Impact()"

        assert [
            (
                "ChangeRequest 'CR-1'.assess.impact: expected a ChangeImpact or an Assessment, "
                "got Impact()"
            )
        ] == problems(request().assess, Impact(), by="pm", at=AT)

    @pytest.mark.parametrize(
        ("result", "shown"),
        [(None, "None"), ("bill", "str 'bill'"), (COST, "Money('16000.00', 'CNY')")],
    )
    @pytest.mark.parametrize("why", ["", "checked"])
    def test_impact_that_does_not_give_an_assessment(self, result, shown, why):
        class Impact:
            def to_assessment(self) -> object:
                return result

        cr = request()
        assert [
            (
                "ChangeRequest 'CR-1'.assessment: expected Impact.to_assessment() to return an "
                f"Assessment, got {shown}"
            )
        ] == problems(cr.assess, Impact(), by="pm", at=AT, why=why)
        assert (ChangeStatus.SUBMITTED, None, 1) == (cr.status, cr.assessment, len(cr.history))

    def test_not_after_a_decision(self):
        assert (
            "ChangeRequest 'CR-1' cannot be assessed: it is approved (allowed from: submitted, "
            "assessed, deferred)"
        ) == illegal(approved().assess, assessment(), by="pm", at=AT)

    def test_bad_who_and_when(self):
        assert ["ChangeRequest 'CR-1'.by: expected a non-empty text, got str ''"] == problems(
            request().assess, assessment(), by="", at=AT
        )
        assert [
            (
                "ChangeRequest 'CR-1'.at: expected a time not before the previous entry of the "
                "history (2026-11-20T10:00:00+08:00), got 2026-11-20T09:00:00+08:00"
            )
        ] == problems(request().assess, assessment(), by="pm", at=AT.subtract(hours=1))


class TestApprove:
    def test_not_before_assessment(self):
        assert f"ChangeRequest 'CR-1' cannot be approved {NOT_ASSESSED}" == illegal(
            request().approve, by="li.wei", at=AT, billing="paid"
        )

    def test_approve(self):
        cr = assessed()
        done = cr.approve(by="li.wei", at=LATER.isoformat(), billing="paid")
        assert (ChangeStatus.APPROVED, "li.wei", LATER, Billing.PAID) == (
            done.status,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert isinstance(done.decided_at, pendulum.DateTime)
        assert (
            Transition(
                "approved",
                "assessed",
                "li.wei",
                LATER,
                "client accepted the impact (4 more days); billing: paid",
            )
            == done.history[-1]
        )
        assert 3 == len(done.history)
        assert (ChangeStatus.ASSESSED, None, None) == (cr.status, cr.billing, cr.decided_by)

    def test_free_with_a_note(self):
        done = assessed().approve(by="li.wei", at=AT, billing=Billing.FREE, why="goodwill")
        assert (Billing.FREE, "goodwill") == (done.billing, done.history[-1].why)
        free = assessed().approve(by="li.wei", at=AT, billing="free")
        assert "client accepted the impact (4 more days); billing: free" == free.history[-1].why

    @pytest.mark.parametrize(
        ("billing", "shown"), [("maybe", "str 'maybe'"), (None, "None"), (1, "int 1")]
    )
    def test_needs_a_billing_decision(self, billing, shown):
        assert [
            (
                "ChangeRequest 'CR-1'.billing: expected a billing decision, 'free' or 'paid', "
                f"got {shown}"
            )
        ] == problems(assessed().approve, by="li.wei", at=AT, billing=billing)

    def test_not_twice(self):
        assert (
            "ChangeRequest 'CR-1' cannot be approved: it is approved (allowed from: assessed)"
            == illegal(approved().approve, by="li.wei", at=AT, billing="paid")
        )

    def test_not_after_withdrawal(self):
        withdrawn = request().withdraw(by="li.wei", at=AT, why="not needed")
        assert (
            "ChangeRequest 'CR-1' cannot be approved: it is withdrawn (allowed from: assessed)"
            == illegal(withdrawn.approve, by="li.wei", at=AT, billing="free")
        )
        assert [
            "ChangeRequest 'CR-1'.billing: expected a billing decision, 'free' or 'paid', got None"
        ] == problems(withdrawn.approve, by="li.wei", at=AT, billing=None)

    def test_bad_who(self):
        assert ["ChangeRequest 'CR-1'.by: expected a non-empty text, got str ' '"] == problems(
            assessed().approve, by=" ", at=AT, billing="paid"
        )


class TestRejectAndDefer:
    def test_reject(self):
        done = assessed().reject(by="pm", at=LATER.isoformat(), why="too costly")
        assert (ChangeStatus.REJECTED, "pm", LATER, None) == (
            done.status,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert isinstance(done.decided_at, pendulum.DateTime)
        assert Transition("rejected", "assessed", "pm", LATER, "too costly") == done.history[-1]

    def test_defer(self):
        done = assessed().defer(by="li.wei", at=LATER.isoformat(), why="next quarter")
        assert (ChangeStatus.DEFERRED, "li.wei", LATER, None) == (
            done.status,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert isinstance(done.decided_at, pendulum.DateTime)
        assert (
            Transition("deferred", "assessed", "li.wei", LATER, "next quarter")
            == (done.history[-1])
        )

    @pytest.mark.parametrize(("verb", "done"), [("reject", "rejected"), ("defer", "deferred")])
    def test_not_before_assessment(self, verb, done):
        call = getattr(request(), verb)
        message = f"ChangeRequest 'CR-1' cannot be {done} {NOT_ASSESSED}"
        assert message == illegal(call, by="pm", at=AT, why="no")
        assert message == illegal(call, by="pm", at=AT, why="")

    @pytest.mark.parametrize("verb", ["reject", "defer"])
    @pytest.mark.parametrize(
        ("why", "shown"), [("", "str ''"), ("  ", "str '  '"), (None, "None"), (3, "int 3")]
    )
    def test_need_a_reason(self, verb, why, shown):
        assert [
            f"ChangeRequest 'CR-1'.why: expected a reason to {verb} the request, got {shown}"
        ] == problems(getattr(assessed(), verb), by="pm", at=AT, why=why)

    @pytest.mark.parametrize(("verb", "done"), [("reject", "rejected"), ("defer", "deferred")])
    @pytest.mark.parametrize("status", ["approved", "rejected", "deferred"])
    def test_only_from_assessed(self, verb, done, status):
        cr = in_state(status)
        assert (
            f"ChangeRequest 'CR-1' cannot be {done}: it is {status} (allowed from: assessed)"
            == illegal(getattr(cr, verb), by="pm", at=AT, why="no")
        )


class TestWithdraw:
    @pytest.mark.parametrize("status", ["submitted", "assessed", "deferred"])
    def test_from_an_undecided_state(self, status):
        cr = in_state(status)
        done = cr.withdraw(by="li.wei", at=LATER.isoformat(), why="no longer needed")
        assert (ChangeStatus.WITHDRAWN, cr.decided_by, cr.decided_at, None) == (
            done.status,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert (
            Transition("withdrawn", status, "li.wei", LATER, "no longer needed")
            == (done.history[-1])
        )
        assert isinstance(done.history[-1].at, pendulum.DateTime)

    @pytest.mark.parametrize(("why", "shown"), [("", "str ''"), (" ", "str ' '"), (0, "int 0")])
    def test_needs_a_reason(self, why, shown):
        assert [
            f"ChangeRequest 'CR-1'.why: expected a reason to withdraw the request, got {shown}"
        ] == problems(request().withdraw, by="li.wei", at=AT, why=why)

    def test_not_after_a_decision(self):
        assert (
            "ChangeRequest 'CR-1' cannot be withdrawn: it is approved (allowed from: submitted, "
            "assessed, deferred)" == illegal(approved().withdraw, by="li.wei", at=AT, why="no")
        )
        withdrawn = request().withdraw(by="li.wei", at=AT, why="no")
        assert (
            "ChangeRequest 'CR-1' cannot be withdrawn: it is withdrawn (allowed from: "
            "submitted, assessed, deferred)"
            == illegal(withdrawn.withdraw, by="li.wei", at=AT, why="no")
        )


class TestMarkImplemented:
    def test_mark_implemented(self):
        cr = approved()
        done = cr.mark_implemented(by="pm", at=LATER.isoformat())
        assert (ChangeStatus.IMPLEMENTED, "li.wei", AT, Billing.PAID) == (
            done.status,
            done.decided_by,
            done.decided_at,
            done.billing,
        )
        assert (
            Transition("implemented", "approved", "pm", LATER, "applied to the project")
            == (done.history[-1])
        )
        assert "merged" == cr.mark_implemented(by="pm", at=AT, why="merged").history[-1].why

    @pytest.mark.parametrize("status", ["submitted", "assessed"])
    def test_only_when_approved(self, status):
        cr = in_state(status)
        assert (
            f"ChangeRequest 'CR-1' cannot be implemented: it is {status} (allowed from: approved)"
            == illegal(cr.mark_implemented, by="pm", at=AT)
        )

    def test_bad_who(self):
        assert ["ChangeRequest 'CR-1'.by: expected a non-empty text, got None"] == problems(
            approved().mark_implemented, by=None, at=AT
        )


NOV_20 = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


NOV_20_NOON = NOV_20.add(hours=2)


def wechat_request(**kw):
    base = {
        "id": "CR-1", "title": "WeChat login", "requested_by": "li.wei", "submitted_at": NOV_20,
        "reason": "Staff use WeChat Work", "changes": [cpm.ReviseEstimate("REQ-1", 12)],
    }  # fmt: skip
    base.update(kw)
    return cpm.ChangeRequest(**base)


def billed_assessment(**kw):
    base = {
        "effort_days": 4, "cost": cpm.Money("16000", "CNY"), "slip_days": 2,
        "recommendation": cpm.Recommendation.BILL, "summary": "4 more days of work",
        "price": cpm.Money("16000", "CNY"),
    }  # fmt: skip
    base.update(kw)
    return cpm.Assessment(**base)


class TestChangeRequest:
    def test_cannot_approve_before_assessment(self):
        """D5: record, assess, then answer — approval first is refused in those words."""
        with pytest.raises(cpm.IllegalTransitionError) as info:
            wechat_request().approve(by="li.wei", at=NOV_20, billing="paid")
        assert str(info.value) == (
            "ChangeRequest 'CR-1' cannot be approved before it has been assessed: record the "
            "request, assess its impact on scope, schedule and budget, then answer "
            "(it is submitted)"
        )

    def test_cannot_reject_before_assessment(self):
        """D5 applies to rejection as well: never reject on the spot."""
        with pytest.raises(cpm.IllegalTransitionError) as info:
            wechat_request().reject(by="chen.jie", at=NOV_20, why="out of scope")
        assert "cannot be rejected before it has been assessed" in str(info.value)

    def test_approval_needs_billing_decision(self):
        """D6: an approval says free or paid."""
        cr = wechat_request().assess(billed_assessment(), by="chen.jie", at=NOV_20)
        with pytest.raises(cpm.ValidationError) as info:
            cr.approve(by="li.wei", at=NOV_20_NOON, billing="maybe")
        assert str(info.value) == (
            "ChangeRequest 'CR-1'.billing: expected a billing decision, 'free' or 'paid', "
            "got str 'maybe'"
        )

    def test_full_lifecycle_records_every_step(self):
        """Submitted -> assessed -> approved, each with who, when and why."""
        cr = wechat_request().assess(billed_assessment(), by="chen.jie", at=NOV_20)
        cr = cr.approve(by="li.wei", at=NOV_20_NOON, billing=cpm.Billing.FREE)
        assert [
            ("submitted", None, "li.wei"),
            ("assessed", "submitted", "chen.jie"),
            ("approved", "assessed", "li.wei"),
        ] == [(t.to_status, t.from_status, t.by) for t in cr.history]
        assert "client accepted the impact (4 more days of work); billing: free" == (
            cr.history[-1].why
        )
        assert (cpm.Billing.FREE, "li.wei", NOV_20_NOON) == (
            cr.billing,
            cr.decided_by,
            cr.decided_at,
        )

    def test_reject_needs_a_reason(self):
        """A rejection explains itself."""
        cr = wechat_request().assess(billed_assessment(), by="chen.jie", at=NOV_20)
        with pytest.raises(cpm.ValidationError, match="expected a reason to reject"):
            cr.reject(by="li.wei", at=NOV_20_NOON, why=" ")

    def test_deferred_can_be_assessed_again(self):
        """Deferred -> assessed is allowed; decided ones are final."""
        cr = (
            wechat_request()
            .assess(billed_assessment(), by="pm", at=NOV_20)
            .defer(by="li.wei", at=NOV_20_NOON, why="after go-live")
        )
        assert (
            cpm.ChangeStatus.ASSESSED
            == cr.assess(billed_assessment(), by="pm", at=NOV_20_NOON).status
        )
        rejected = (
            wechat_request()
            .assess(billed_assessment(), by="pm", at=NOV_20)
            .reject(by="li.wei", at=NOV_20_NOON, why="not needed")
        )
        with pytest.raises(cpm.IllegalTransitionError, match="allowed from: submitted, assessed"):
            rejected.assess(billed_assessment(), by="pm", at=NOV_20_NOON)

    def test_history_cannot_go_back_in_time(self):
        """A transition before the previous one is refused."""
        with pytest.raises(cpm.ValidationError, match="not before the previous entry"):
            wechat_request().assess(billed_assessment(), by="pm", at=NOV_20.subtract(days=1))

    def test_added_requirement_must_be_a_draft(self):
        """The client's approval of the change signs the new requirement off, not its author."""
        draft = cpm.Requirement(id="REQ-9", title="WeChat login", acceptance_criteria=["log in"])
        signed = draft.sign_off(by="li.wei", at=NOV_20)
        assert draft == cpm.AddRequirement(draft).requirement
        with pytest.raises(
            cpm.ValidationError, match=r"AddRequirement\.requirement: .*'REQ-9'.*signed_off"
        ):
            cpm.AddRequirement(signed)

    def test_needs_at_least_one_change(self):
        """An empty change request is refused."""
        with pytest.raises(cpm.ValidationError, match="changes: expected at least one change"):
            wechat_request(changes=[])

    def test_assess_refuses_non_impacts(self):
        """assess() takes a ChangeImpact or Assessment, nothing else."""
        with pytest.raises(cpm.ValidationError, match="expected a ChangeImpact or an Assessment"):
            wechat_request().assess("big", by="pm", at=NOV_20)  # type: ignore[arg-type]

    @given(st.lists(st.sampled_from(["assess", "approve", "reject", "defer", "withdraw",
                                     "implement"]), max_size=8))  # fmt: skip
    def test_any_sequence_of_actions_is_legal_or_refused_without_change(self, actions):
        """Each step either succeeds and adds one history entry, or raises and changes nothing."""
        cr = wechat_request()
        at = NOV_20
        for action in actions:
            at = at.add(minutes=5)
            before = cr
            calls = {
                "assess": lambda c, at=at: c.assess(billed_assessment(), by="pm", at=at),
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
