"""Milestones: checks, lifecycle and rescheduling."""

import datetime as dt

import pendulum
import pytest

import clientpm as cpm
from clientpm import (
    Milestone,
    MilestoneStatus,
    Transition,
    ValidationError,
)
from tests.helpers import illegal, problems

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


DUE = pendulum.date(2026, 12, 18)


def planned(**changes: object) -> Milestone:
    return Milestone(**{"id": "M1", "title": "Beta", "due": "2026-12-18", **changes})  # type: ignore[arg-type]


class TestFields:
    def test_defaults(self):
        m = planned()
        assert (DUE, DUE, (), (), None, "", MilestoneStatus.PLANNED, None, None, None, ()) == (
            m.due,
            m.baseline_due,
            m.deliverables,
            m.depends_on,
            m.duration_days,
            m.description,
            m.status,
            m.delivered_at,
            m.accepted_by,
            m.accepted_at,
            m.history,
        )
        assert ("Milestone 'M1'", False, 0) == (m.label, m.is_finished, m.slip_from_baseline)

    def test_conversions(self):
        m = planned(
            baseline_due="2026-12-11",
            deliverables=["REQ-1", "REQ-2"],
            depends_on=["M0"],
            duration_days=0,
            status="delivered",
            delivered_at="2026-11-20T10:00:00+08:00",
        )
        assert (
            pendulum.date(2026, 12, 11),
            ("REQ-1", "REQ-2"),
            ("M0",),
            0,
            MilestoneStatus.DELIVERED,
            AT,
        ) == (
            m.baseline_due,
            m.deliverables,
            m.depends_on,
            m.duration_days,
            m.status,
            m.delivered_at,
        )
        assert isinstance(m.delivered_at, pendulum.DateTime)
        assert (True, 7) == (m.is_finished, m.slip_from_baseline)

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Milestone ''.id: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            "Milestone ''.title: expected a non-empty text, got str ''",
            (
                "Milestone ''.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "Milestone ''.baseline_due: expected a calendar date (pendulum.Date or "
                "'YYYY-MM-DD'), got str 'y'"
            ),
            "Milestone ''.deliverables[0]: expected a non-empty requirement id, got int 1",
            "Milestone ''.deliverables[1]: expected a non-empty requirement id, got int 1",
            "Milestone ''.deliverables: lists 1 more than once",
            "Milestone ''.depends_on[0]: expected a non-empty milestone id, got str ''",
            "Milestone ''.depends_on[1]: expected a non-empty milestone id, got str ''",
            "Milestone ''.depends_on: lists '' more than once",
            "Milestone ''.depends_on: a milestone cannot depend on itself, got ''",
            "Milestone ''.duration_days: expected a whole number from 0 to 100000, got int -1",
            "Milestone ''.description: expected text, got int 3",
            (
                "Milestone ''.status: expected one of 'planned', 'in_progress', 'delivered', "
                "'accepted', got str 'x'"
            ),
            (
                "Milestone ''.delivered_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            "Milestone ''.accepted_by: expected a non-empty text, got str ''",
            (
                "Milestone ''.accepted_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            "Milestone ''.history[0]: expected a Transition, got int 1",
        ] == problems(
            Milestone,
            id="",
            title="",
            due="x",
            baseline_due="y",
            deliverables=[1, 1],
            depends_on=["", ""],
            duration_days=-1,
            description=3,
            status="x",
            delivered_at="x",
            accepted_by="",
            accepted_at="x",
            history=[1],
        )

    def test_lists_and_duration(self):
        assert [
            "Milestone 'M1'.deliverables: lists 'A' more than once",
            "Milestone 'M1'.depends_on: lists 'M0' more than once",
            "Milestone 'M1'.depends_on: a milestone cannot depend on itself, got 'M1'",
            "Milestone 'M1'.duration_days: expected a whole number from 0 to 100000, got float 1.5",
        ] == problems(
            Milestone,
            id="M1",
            title="t",
            due="2026-12-18",
            deliverables=["A", "A"],
            depends_on=["M0", "M0", "M1"],
            duration_days=1.5,
        )

    def test_bad_default_baseline_is_named_once(self):
        assert [
            (
                "Milestone 'M1'.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            )
        ] == problems(Milestone, id="M1", title="t", due="x")

    def test_baseline_due_as_datetime(self):
        assert [
            (
                "Milestone 'M1'.baseline_due: expected a calendar date (pendulum.Date or "
                "'YYYY-MM-DD'), got DateTime 2026-12-01T00:00:00+00:00; use .date() to drop "
                "the time"
            )
        ] == problems(
            Milestone,
            id="M1",
            title="t",
            due="2026-12-18",
            baseline_due=pendulum.datetime(2026, 12, 1),
        )

    def test_accepted_needs_who_when_and_delivery(self):
        assert [
            "Milestone 'M1'.accepted_by: an accepted milestone needs accepted_by and accepted_at",
            "Milestone 'M1'.delivered_at: a accepted milestone needs delivered_at, got None",
        ] == problems(Milestone, id="M1", title="t", due="2026-12-18", status="accepted")

    @pytest.mark.parametrize("half", [{"accepted_by": "a"}, {"accepted_at": AT}])
    def test_accepted_needs_both_who_and_when(self, half):
        assert [
            "Milestone 'M1'.accepted_by: an accepted milestone needs accepted_by and accepted_at"
        ] == problems(
            Milestone,
            id="M1",
            title="t",
            due="2026-12-18",
            status="accepted",
            delivered_at=AT,
            **half,
        )

    def test_delivered_needs_delivered_at(self):
        assert [
            "Milestone 'M1'.delivered_at: a delivered milestone needs delivered_at, got None"
        ] == (problems(Milestone, id="M1", title="t", due="2026-12-18", status="delivered"))

    def test_in_progress_needs_nothing(self):
        m = planned(status="in_progress")
        assert (MilestoneStatus.IN_PROGRESS, False) == (m.status, m.is_finished)

    def test_accepted_with_everything(self):
        m = planned(status="accepted", delivered_at=AT, accepted_by="li.wei", accepted_at=AT)
        assert ("li.wei", AT, True) == (m.accepted_by, m.accepted_at, m.is_finished)

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

    def test_entities_are_frozen(self):
        """Domain objects cannot be changed in place."""
        m = cpm.Milestone(id="M1", title="Beta", due="2026-12-18")
        with pytest.raises(AttributeError):
            m.due = pendulum.date(2027, 1, 1)  # type: ignore[misc]


class TestLifecycle:
    def test_start(self):
        m = planned().start(by="pm", at=AT)
        assert MilestoneStatus.IN_PROGRESS == m.status
        assert (Transition("in_progress", "planned", "pm", AT, "work started"),) == m.history
        assert "kickoff" == planned().start(by="pm", at=AT, why="kickoff").history[-1].why
        assert "Milestone 'M1' cannot start: it is in_progress (allowed from: planned)" == illegal(
            m.start, by="pm", at=AT
        )

    def test_deliver(self):
        later = AT.add(hours=1)
        m = planned().start(by="pm", at=AT).deliver(by="pm", at=later.isoformat())
        assert (MilestoneStatus.DELIVERED, later, True) == (
            m.status,
            m.delivered_at,
            m.is_finished,
        )
        assert isinstance(m.delivered_at, pendulum.DateTime)
        assert (
            Transition("delivered", "in_progress", "pm", later, "delivered to the client")
            == m.history[-1]
        )
        early = planned().deliver(by="pm", at=AT, why="early")
        assert (Transition("delivered", "planned", "pm", AT, "early"),) == early.history
        assert (
            "Milestone 'M1' cannot be delivered: it is delivered (allowed from: planned, "
            "in_progress)" == illegal(m.deliver, by="pm", at=later)
        )

    def test_accept(self):
        later = AT.add(hours=2)
        m = planned().deliver(by="pm", at=AT).accept(by="li", at=later.isoformat())
        assert (MilestoneStatus.ACCEPTED, "li", later) == (m.status, m.accepted_by, m.accepted_at)
        assert isinstance(m.accepted_at, pendulum.DateTime)
        assert (
            Transition("accepted", "delivered", "li", later, "accepted by the client")
            == m.history[-1]
        )
        ok = planned().deliver(by="pm", at=AT).accept(by="li", at=later, why="ok")
        assert "ok" == ok.history[-1].why
        assert (
            "Milestone 'M1' cannot be accepted: it is planned (allowed from: delivered)"
            == illegal(planned().accept, by="li", at=AT)
        )

    @pytest.mark.parametrize(
        ("due", "slip", "why"),
        [
            (pendulum.date(2026, 12, 25), 7, "due 2026-12-18 -> 2026-12-25: CR-2"),
            ("2026-12-10", -8, "due 2026-12-18 -> 2026-12-10: CR-2"),
        ],
    )
    def test_reschedule(self, due, slip, why):
        m = planned(status="in_progress").reschedule(due, by="li", at=AT, why="CR-2")
        assert (DUE, slip, MilestoneStatus.IN_PROGRESS) == (
            m.baseline_due,
            m.slip_from_baseline,
            m.status,
        )
        assert (Transition("in_progress", "in_progress", "li", AT, why),) == m.history

    def test_reschedule_names_the_milestone(self):
        with pytest.raises(ValidationError) as info:
            planned().reschedule(pendulum.date(2026, 12, 25), by="", at=AT, why="CR-2")
        assert "Milestone 'M1'.by: expected a non-empty text, got str ''" == str(info.value)
