"""Requirements: checks, consistency, sign-off and lifecycle (D1)."""

import datetime as dt
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import (
    Priority,
    Requirement,
    RequirementKind,
    RequirementStatus,
    Transition,
)
from tests.helpers import problems, raised

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


def draft(**changes: object) -> Requirement:
    fields = {"id": "R", "title": "Export", "estimate_days": 3, "acceptance_criteria": ["CSV"]}
    return Requirement(**{**fields, **changes})  # type: ignore[arg-type]


class TestFields:
    def test_defaults(self):
        r = Requirement(id="R", title="Export")
        assert (
            RequirementKind.FUNCTIONAL,
            Priority.MUST,
            Decimal(0),
            (),
            "",
            None,
            None,
            RequirementStatus.DRAFT,
            None,
            None,
            None,
            None,
            (),
        ) == (
            r.kind,
            r.priority,
            r.estimate_days,
            r.acceptance_criteria,
            r.description,
            r.optimistic_days,
            r.pessimistic_days,
            r.status,
            r.signed_off_by,
            r.signed_off_at,
            r.baseline_estimate_days,
            r.completed_at,
            r.history,
        )
        assert "Requirement 'R'" == r.label
        assert (False, False) == (r.in_scope, r.is_done)

    def test_conversions(self):
        r = Requirement(
            id="R",
            title="Export",
            kind="non_functional",
            priority="could",
            estimate_days="2.5",
            optimistic_days="1",
            pessimistic_days=4,
            acceptance_criteria=["CSV", "UTF-8"],
            status="signed_off",
            signed_off_by="li.wei",
            signed_off_at="2026-11-20T10:00:00+08:00",
            baseline_estimate_days="2",
            completed_at=AT,
            history=[],
        )
        assert (
            RequirementKind.NON_FUNCTIONAL,
            Priority.COULD,
            Decimal("2.5"),
            Decimal(1),
            Decimal(4),
            ("CSV", "UTF-8"),
            RequirementStatus.SIGNED_OFF,
            AT,
            Decimal(2),
            (),
        ) == (
            r.kind,
            r.priority,
            r.estimate_days,
            r.optimistic_days,
            r.pessimistic_days,
            r.acceptance_criteria,
            r.status,
            r.signed_off_at,
            r.baseline_estimate_days,
            r.history,
        )
        assert isinstance(r.signed_off_at, pendulum.DateTime)
        assert (True, False) == (r.in_scope, r.is_done)

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Requirement ''.id: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            "Requirement ''.title: expected a non-empty text, got str ''",
            (
                "Requirement ''.kind: expected one of 'functional', 'non_functional', 'business', "
                "got str 'x'"
            ),
            (
                "Requirement ''.priority: expected one of 'must', 'should', 'could', 'wont', "
                "got str 'x'"
            ),
            (
                "Requirement ''.estimate_days: expected a number (int, Decimal or numeric text), "
                "got str 'x'"
            ),
            "Requirement ''.acceptance_criteria[0]: expected a non-empty criterion, got int 1",
            "Requirement ''.description: expected text, got int 3",
            "Requirement ''.optimistic_days: expected a number >= 0, got -1",
            (
                "Requirement ''.pessimistic_days: expected a number (int, Decimal or numeric "
                "text), got str 'x'"
            ),
            (
                "Requirement ''.status: expected one of 'draft', 'signed_off', 'done', 'removed', "
                "got str 'x'"
            ),
            "Requirement ''.signed_off_by: expected a non-empty text, got str ''",
            (
                "Requirement ''.signed_off_at: expected a time-zone-aware date and time, got naive "
                "datetime datetime.datetime(2026, 1, 1, 0, 0); attach a zone, e.g. "
                "pendulum.datetime(..., tz='Asia/Shanghai')"
            ),
            "Requirement ''.baseline_estimate_days: expected a number >= 0, got -1",
            (
                "Requirement ''.completed_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            "Requirement ''.history[0]: expected a Transition, got int 1",
        ] == problems(
            Requirement,
            id="",
            title="",
            kind="x",
            priority="x",
            estimate_days="x",
            acceptance_criteria=[1],
            description=3,
            optimistic_days=-1,
            pessimistic_days="x",
            status="x",
            signed_off_by="",
            signed_off_at=dt.datetime(2026, 1, 1),
            baseline_estimate_days=-1,
            completed_at="x",
            history=[1],
        )

    def test_negative_pessimistic_estimate(self):
        assert [
            "Requirement 'R'.estimate_days: expected a number >= 0, got -1",
            "Requirement 'R'.pessimistic_days: expected a number >= 0, got -2",
        ] == problems(Requirement, id="R", title="x", estimate_days=-1, pessimistic_days=-2)

    def test_zero_estimates_are_fine(self):
        r = Requirement(
            id="R",
            title="x",
            estimate_days=0,
            optimistic_days=0,
            pessimistic_days=0,
            baseline_estimate_days=0,
        )
        assert (Decimal(0), Decimal(0), Decimal(0)) == (
            r.optimistic_days,
            r.pessimistic_days,
            r.baseline_estimate_days,
        )


class TestConsistency:
    def test_three_point_estimate_out_of_order(self):
        assert [
            "Requirement 'R'.optimistic_days: expected at most estimate_days (5), got 6",
            "Requirement 'R'.pessimistic_days: expected at least estimate_days (5), got 4",
        ] == problems(
            Requirement, id="R", title="t", estimate_days=5, optimistic_days=6, pessimistic_days=4
        )

    def test_three_equal_points_are_ordered(self):
        r = Requirement(id="R", title="t", estimate_days=5, optimistic_days=5, pessimistic_days=5)
        assert (Decimal(5), Decimal(5)) == (r.optimistic_days, r.pessimistic_days)

    def test_each_point_alone(self):
        assert ["Requirement 'R'.optimistic_days: expected at most estimate_days (5), got 6"] == (
            problems(Requirement, id="R", title="t", estimate_days=5, optimistic_days=6)
        )
        assert ["Requirement 'R'.pessimistic_days: expected at least estimate_days (5), got 4"] == (
            problems(Requirement, id="R", title="t", estimate_days=5, pessimistic_days=4)
        )

    def test_signed_off_needs_who_and_when(self):
        assert [
            (
                "Requirement 'R'.signed_off_by: a signed_off requirement needs signed_off_by and "
                "signed_off_at, got 'li.wei' and None"
            )
        ] == problems(Requirement, id="R", title="t", status="signed_off", signed_off_by="li.wei")
        assert [
            (
                "Requirement 'R'.signed_off_by: a signed_off requirement needs signed_off_by and "
                "signed_off_at, got None and None"
            )
        ] == problems(Requirement, id="R", title="t", status="signed_off")

    def test_done_needs_who_when_and_completion(self):
        assert [
            (
                "Requirement 'R'.signed_off_by: a done requirement needs signed_off_by and "
                "signed_off_at, got None and "
                "DateTime(2026, 11, 20, 10, 0, 0, tzinfo=Timezone('Asia/Shanghai'))"
            ),
            "Requirement 'R'.completed_at: a done requirement needs completed_at, got None",
        ] == problems(Requirement, id="R", title="t", status="done", signed_off_at=AT)
        assert [
            "Requirement 'R'.completed_at: a done requirement needs completed_at, got None"
        ] == (
            problems(
                Requirement, id="R", title="t", status="done", signed_off_at=AT, signed_off_by="a"
            )
        )
        done = Requirement(
            id="R", title="t", status="done", signed_off_at=AT, signed_off_by="a", completed_at=AT
        )
        assert (True, True) == (done.is_done, done.in_scope)

    @pytest.mark.parametrize("sign_off", [{"signed_off_by": "a"}, {"signed_off_at": AT}])
    def test_draft_with_a_sign_off(self, sign_off):
        assert [
            (
                "Requirement 'R'.status: a requirement with a sign-off must not be draft; use "
                "sign_off() to record it"
            )
        ] == problems(Requirement, id="R", title="t", **sign_off)

    def test_removed_needs_nothing(self):
        removed = Requirement(id="R", title="t", status="removed", signed_off_by="a")
        assert (False, False) == (removed.in_scope, removed.is_done)
        assert RequirementStatus.REMOVED == Requirement(id="R", title="t", status="removed").status

    def test_consistency_is_checked_after_the_fields(self):
        # a bad field stops before the consistency checks, so only it is named
        assert ["Requirement 'R'.title: expected a non-empty text, got str ''"] == problems(
            Requirement, id="R", title="", status="done"
        )


class TestLifecycle:
    def test_sign_off_needs_criteria(self):
        r = Requirement(id="R", title="t")
        assert (
            "ValidationError",
            (
                "Requirement 'R'.acceptance_criteria: expected at least one acceptance criterion "
                "before sign-off, got none (the client signs off against them)"
            ),
        ) == raised(r.sign_off, by="a", at=AT)

    def test_sign_off(self):
        s = draft().sign_off(by="a", at="2026-11-20T10:00:00+08:00")
        assert (RequirementStatus.SIGNED_OFF, "a", AT, Decimal(3)) == (
            s.status,
            s.signed_off_by,
            s.signed_off_at,
            s.baseline_estimate_days,
        )
        assert isinstance(s.signed_off_at, pendulum.DateTime)
        assert (Transition("signed_off", "draft", "a", AT, "signed off by the client"),) == (
            s.history
        )
        assert "review" == draft().sign_off(by="a", at=AT, why="review").history[0].why

    def test_sign_off_is_only_from_draft(self):
        s = draft().sign_off(by="a", at=AT)
        assert (
            "IllegalTransitionError",
            "Requirement 'R' cannot be signed off: it is signed_off (allowed from: draft)",
        ) == raised(s.sign_off, by="a", at=AT)

    def test_sign_off_of_a_removed_requirement_without_criteria(self):
        removed = Requirement(id="R", title="t", status="removed")
        assert (
            "IllegalTransitionError",
            "Requirement 'R' cannot be signed off: it is removed (allowed from: draft)",
        ) == raised(removed.sign_off, by="a", at=AT)

    def test_complete(self):
        later = AT.add(hours=1)
        d = draft().sign_off(by="a", at=AT).complete(by="dev", at=later.isoformat())
        assert (RequirementStatus.DONE, later) == (d.status, d.completed_at)
        assert isinstance(d.completed_at, pendulum.DateTime)
        assert Transition("done", "signed_off", "dev", later, "work completed") == d.history[-1]
        done = draft().sign_off(by="a", at=AT).complete(by="dev", at=later, why="merged")
        assert "merged" == done.history[-1].why

    def test_complete_is_only_from_signed_off(self):
        assert (
            "IllegalTransitionError",
            "Requirement 'R' cannot be completed: it is draft (allowed from: signed_off)",
        ) == raised(draft().complete, by="a", at=AT)

    def test_edit_a_draft(self):
        r = draft().edit(title="Export v2", estimate_days=4, by="pm", at=AT)
        assert ("Export v2", Decimal(4), RequirementStatus.DRAFT) == (
            r.title,
            r.estimate_days,
            r.status,
        )
        assert (Transition("draft", "draft", "pm", AT, "edited: estimate_days, title"),) == (
            r.history
        )

    @pytest.mark.parametrize(
        ("changes", "names"),
        [
            ({"status": "done", "history": ()}, "history, status"),
            (
                {"completed_at": AT, "signed_off_by": "x", "signed_off_at": AT},
                "completed_at, signed_off_at, signed_off_by",
            ),
            ({"title": "x", "status": "done"}, "status"),
        ],
    )
    def test_edit_cannot_set_lifecycle_fields(self, changes, names):
        assert (
            "IllegalTransitionError",
            f"Requirement 'R': edit() cannot set {names}; use sign_off() or complete()",
        ) == raised(draft().edit, **changes)

    def test_edit_only_drafts(self):
        done = draft().sign_off(by="a", at=AT).complete(by="a", at=AT)
        assert (
            "IllegalTransitionError",
            (
                "Requirement 'R' is done and cannot be edited in place: submit a ChangeRequest "
                "(e.g. ReviseEstimate) and apply it once approved"
            ),
        ) == raised(done.edit, title="x")

    def test_revise_with_a_status(self):
        s = draft().sign_off(by="a", at=AT)
        later = AT.add(hours=2)
        r = s.revise(by="li", at=later, why="CR-1", estimate_days=5, status="removed")
        assert (RequirementStatus.REMOVED, Decimal(5), Decimal(3)) == (
            r.status,
            r.estimate_days,
            r.baseline_estimate_days,
        )
        assert Transition("removed", "signed_off", "li", later, "CR-1") == r.history[-1]
        assert 2 == len(r.history)

    def test_revise_keeps_the_status(self):
        s = draft().sign_off(by="a", at=AT)
        r = s.revise(by="li", at=AT.add(hours=2), why="CR-2", title="T2")
        assert ("T2", RequirementStatus.SIGNED_OFF) == (r.title, r.status)
        assert ("signed_off", "signed_off", "CR-2") == (
            r.history[-1].to_status,
            r.history[-1].from_status,
            r.history[-1].why,
        )

    def test_revise_refuses_an_unknown_status(self):
        s = draft().sign_off(by="a", at=AT)
        assert (
            "ValidationError",
            (
                "Requirement 'R'.status: expected one of 'draft', 'signed_off', 'done', 'removed', "
                "got str 'bogus'"
            ),
        ) == raised(s.revise, by="a", at=AT, why="w", status="bogus")


NOV_20 = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


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
        s = r.sign_off(by="li.wei", at=NOV_20, why="review meeting")
        assert ("li.wei", NOV_20) == (s.signed_off_by, s.signed_off_at)
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
            r.sign_off(by="li.wei", at=NOV_20).edit(estimate_days=3)
        assert str(info.value) == (
            "Requirement 'REQ-1' is signed_off and cannot be edited in place: submit a "
            "ChangeRequest (e.g. ReviseEstimate) and apply it once approved"
        )

    def test_sign_off_needs_acceptance_criteria(self):
        """The client signs off against criteria; none is an error."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Requirement(id="REQ-1", title="SSO").sign_off(by="li.wei", at=NOV_20)
        assert str(info.value).startswith(
            "Requirement 'REQ-1'.acceptance_criteria: expected at least one acceptance criterion"
        )

    def test_sign_off_twice_is_illegal(self):
        """Only a draft can be signed off."""
        r = cpm.Requirement(id="R", title="x", acceptance_criteria=["y"]).sign_off(
            by="a", at=NOV_20
        )
        with pytest.raises(cpm.IllegalTransitionError) as info:
            r.sign_off(by="a", at=NOV_20)
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
