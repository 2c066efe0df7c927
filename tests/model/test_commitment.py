"""Commitments (D8): checks, state and lifecycle."""

import pendulum
import pytest

import clientpm as cpm
from clientpm import (
    Commitment,
    CommitmentStatus,
    Transition,
)
from tests.helpers import illegal, problems

MADE = pendulum.datetime(2026, 11, 10, 15, tz="Asia/Shanghai")


AT = pendulum.datetime(2026, 11, 19, 10, tz="Asia/Shanghai")


DUE = pendulum.date(2026, 11, 20)


def promise(**changes: object) -> Commitment:
    fields = {
        "id": "P1",
        "promise": "Send the test plan",
        "to": "li.wei",
        "made_by": "pm",
        "made_at": "2026-11-10T15:00:00+08:00",
        "due": "2026-11-20",
    }
    return Commitment(**{**fields, **changes})  # type: ignore[arg-type]


class TestFields:
    def test_defaults(self):
        p = promise()
        assert (
            "P1",
            "Send the test plan",
            "li.wei",
            "pm",
            MADE,
            DUE,
            DUE,
            None,
            CommitmentStatus.OPEN,
            (),
        ) == (
            p.id,
            p.promise,
            p.to,
            p.made_by,
            p.made_at,
            p.due,
            p.original_due,
            p.milestone,
            p.status,
            p.history,
        )
        assert isinstance(p.made_at, pendulum.DateTime)
        assert type(p.due) is pendulum.Date
        assert ("Commitment 'P1'", True, None) == (p.label, p.is_open, p.closed_at)

    def test_conversions(self):
        entry = Transition("kept", "open", "pm", AT, "done")
        p = promise(
            made_at=MADE,
            due=pendulum.date(2026, 11, 25),
            original_due="2026-11-18",
            milestone="M1",
            status="kept",
            history=[entry],
        )
        assert (
            pendulum.date(2026, 11, 25),
            pendulum.date(2026, 11, 18),
            "M1",
            CommitmentStatus.KEPT,
            (entry,),
        ) == (p.due, p.original_due, p.milestone, p.status, p.history)
        assert type(p.original_due) is pendulum.Date
        assert (False, AT) == (p.is_open, p.closed_at)

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Commitment ''.id: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            "Commitment ''.promise: expected a non-empty text, got str ' '",
            (
                "Commitment ''.to: expected an id (non-empty text without surrounding spaces), "
                "got str 'li.wei '"
            ),
            "Commitment ''.made_by: expected a non-empty text, got str ''",
            (
                "Commitment ''.made_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            (
                "Commitment ''.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "Commitment ''.original_due: expected a calendar date (pendulum.Date or "
                "'YYYY-MM-DD'), got str 'y'"
            ),
            (
                "Commitment ''.milestone: expected an id (non-empty text without surrounding "
                "spaces), got str ''"
            ),
            (
                "Commitment ''.status: expected one of 'open', 'kept', 'missed', 'renegotiated', "
                "got str 'x'"
            ),
            "Commitment ''.history[0]: expected a Transition, got int 1",
        ] == problems(
            Commitment,
            id="",
            promise=" ",
            to="li.wei ",
            made_by="",
            made_at="x",
            due="x",
            original_due="y",
            milestone="",
            status="x",
            history=[1],
        )

    def test_bad_default_original_due_is_named_once(self):
        assert [
            (
                "Commitment 'P1'.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'soon'"
            )
        ] == problems(
            Commitment, id="P1", promise="p", to="li.wei", made_by="pm", made_at=MADE, due="soon"
        )

    def test_dates_with_a_time(self):
        assert [
            (
                "Commitment 'P1'.made_at: expected a time-zone-aware date and time, got naive "
                "DateTime 2026-11-10T15:00:00; attach a zone, e.g. "
                "pendulum.datetime(..., tz='Asia/Shanghai')"
            ),
            (
                "Commitment 'P1'.original_due: expected a calendar date (pendulum.Date or "
                "'YYYY-MM-DD'), got DateTime 2026-11-18T00:00:00+00:00; use .date() to drop "
                "the time"
            ),
        ] == problems(
            Commitment,
            id="P1",
            promise="p",
            to="li.wei",
            made_by="pm",
            made_at=pendulum.naive(2026, 11, 10, 15),
            due="2026-11-20",
            original_due=pendulum.datetime(2026, 11, 18),
        )

    def test_missing_values(self):
        assert [
            (
                "Commitment 'P1'.to: expected an id (non-empty text without surrounding spaces), "
                "got None"
            ),
            "Commitment 'P1'.made_by: expected a non-empty text, got None",
            (
                "Commitment 'P1'.milestone: expected an id (non-empty text without surrounding "
                "spaces), got str ' M1'"
            ),
            "Commitment 'P1'.history: expected a list of Transition objects, got None",
        ] == problems(
            Commitment,
            id="P1",
            promise="p",
            to=None,
            made_by=None,
            made_at=MADE,
            due="2026-11-20",
            milestone=" M1",
            history=None,
        )


class TestState:
    @pytest.mark.parametrize(
        ("status", "is_open"),
        [("open", True), ("renegotiated", True), ("kept", False), ("missed", False)],
    )
    def test_is_open(self, status, is_open):
        assert is_open is promise(status=status).is_open

    def test_closed_at_needs_a_closed_status(self):
        history = [Transition("renegotiated", "open", "pm", AT, "later")]
        assert None is promise(status="renegotiated", history=history).closed_at

    def test_closed_at_needs_a_history(self):
        assert None is promise(status="missed").closed_at

    def test_closed_at_is_the_last_entry(self):
        history = [
            Transition("renegotiated", "open", "pm", MADE, "later"),
            Transition("missed", "renegotiated", "pm", AT, "late again"),
        ]
        assert AT == promise(status="missed", history=history).closed_at


class TestLifecycle:
    def test_keep(self):
        p = promise()
        kept = p.keep(by="pm", at=AT.isoformat())
        assert (CommitmentStatus.KEPT, False, AT) == (kept.status, kept.is_open, kept.closed_at)
        assert (Transition("kept", "open", "pm", AT, "delivered as promised"),) == kept.history
        assert isinstance(kept.history[0].at, pendulum.DateTime)
        assert (CommitmentStatus.OPEN, ()) == (p.status, p.history)
        assert "early" == p.keep(by="pm", at=AT, why="early").history[-1].why

    def test_keep_after_renegotiation(self):
        later = AT.add(days=1)
        p = promise().renegotiate(pendulum.date(2026, 11, 25), by="pm", at=AT, why="IdP late")
        kept = p.keep(by="chen.jie", at=later)
        assert (CommitmentStatus.KEPT, pendulum.date(2026, 11, 25), DUE) == (
            kept.status,
            kept.due,
            kept.original_due,
        )
        assert (
            Transition("kept", "renegotiated", "chen.jie", later, "delivered as promised")
            == kept.history[-1]
        )

    def test_miss(self):
        missed = promise().miss(by="pm", at=AT, why="IdP down")
        assert (CommitmentStatus.MISSED, False, AT) == (
            missed.status,
            missed.is_open,
            missed.closed_at,
        )
        assert (Transition("missed", "open", "pm", AT, "IdP down"),) == missed.history

    def test_miss_after_renegotiation(self):
        p = promise().renegotiate("2026-11-25", by="pm", at=AT, why="IdP late")
        missed = p.miss(by="pm", at=AT, why="late again")
        assert Transition("missed", "renegotiated", "pm", AT, "late again") == missed.history[-1]

    def test_renegotiate(self):
        new_due = pendulum.date(2026, 11, 25)
        p = promise(milestone="M1").renegotiate(new_due, by="pm", at=AT, why="waiting on IdP")
        assert (CommitmentStatus.RENEGOTIATED, new_due, DUE, "M1", True, None) == (
            p.status,
            p.due,
            p.original_due,
            p.milestone,
            p.is_open,
            p.closed_at,
        )
        assert (Transition("renegotiated", "open", "pm", AT, "waiting on IdP"),) == p.history

    def test_renegotiate_again(self):
        later = AT.add(days=2)
        p = promise().renegotiate("2026-11-25", by="pm", at=AT, why="IdP late")
        q = p.renegotiate("2026-11-30", by="pm", at=later, why="still late")
        assert (pendulum.date(2026, 11, 30), DUE, CommitmentStatus.RENEGOTIATED) == (
            q.due,
            q.original_due,
            q.status,
        )
        assert type(q.due) is pendulum.Date
        assert (
            Transition("renegotiated", "open", "pm", AT, "IdP late"),
            Transition("renegotiated", "renegotiated", "pm", later, "still late"),
        ) == q.history

    @pytest.mark.parametrize("verb", ["miss", "renegotiate"])
    @pytest.mark.parametrize(
        ("why", "shown"), [("", "str ''"), ("  ", "str '  '"), (None, "None"), (3, "int 3")]
    )
    def test_need_a_reason(self, verb, why, shown):
        p = promise()
        dates = (pendulum.date(2026, 11, 25),) if verb == "renegotiate" else ()
        assert [
            f"Commitment 'P1'.why: expected a reason to {verb} the commitment, got {shown}"
        ] == problems(getattr(p, verb), *dates, by="pm", at=AT, why=why)
        assert (CommitmentStatus.OPEN, DUE, ()) == (p.status, p.due, p.history)

    @pytest.mark.parametrize("same", [DUE, "2026-11-20"])
    def test_renegotiate_must_change_the_date(self, same):
        p = promise()
        assert [
            (
                "Commitment 'P1'.due: expected a new due date (it is already due on "
                "2026-11-20), got Date 2026-11-20"
            )
        ] == problems(p.renegotiate, same, by="pm", at=AT, why="waiting on IdP")
        assert (CommitmentStatus.OPEN, DUE, ()) == (p.status, p.due, p.history)
        moved = p.renegotiate("2026-11-25", by="pm", at=AT, why="IdP late")
        assert [
            (
                "Commitment 'P1'.due: expected a new due date (it is already due on "
                "2026-11-25), got Date 2026-11-25"
            )
        ] == problems(moved.renegotiate, "2026-11-25", by="pm", at=AT, why="again")
        back = moved.renegotiate(DUE, by="pm", at=AT, why="IdP back early")
        assert (DUE, DUE, CommitmentStatus.RENEGOTIATED) == (
            back.due,
            back.original_due,
            back.status,
        )

    def test_renegotiate_to_an_earlier_date(self):
        p = promise().renegotiate("2026-11-18", by="pm", at=AT, why="ahead of plan")
        assert (pendulum.date(2026, 11, 18), DUE) == (p.due, p.original_due)

    def test_renegotiate_to_a_bad_date(self):
        assert [
            (
                "Commitment 'P1'.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'soon'"
            )
        ] == problems(promise().renegotiate, "soon", by="pm", at=AT, why="later")

    @pytest.mark.parametrize("status", ["kept", "missed"])
    def test_closed_commitments_cannot_change(self, status):
        p = promise(status=status)
        allowed = f"it is {status} (allowed from: open, renegotiated)"
        assert f"Commitment 'P1' cannot be kept: {allowed}" == illegal(p.keep, by="pm", at=AT)
        assert f"Commitment 'P1' cannot be missed: {allowed}" == illegal(
            p.miss, by="pm", at=AT, why="x"
        )
        assert f"Commitment 'P1' cannot be renegotiated: {allowed}" == illegal(
            p.renegotiate, DUE, by="pm", at=AT, why="x"
        )

    def test_bad_who_and_when(self):
        assert ["Commitment 'P1'.by: expected a non-empty text, got str ''"] == problems(
            promise().keep, by="", at=AT
        )
        assert [
            (
                "Commitment 'P1'.at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            )
        ] == problems(promise().miss, by="pm", at="x", why="late")
        assert [
            "Commitment 'P1'.why: expected a reason to miss the commitment, got None"
        ] == problems(promise().miss, by="pm", at=AT, why=None)
        assert ["Commitment 'P1'.why: expected text, got int 3"] == problems(
            promise().keep, by="pm", at=AT, why=3
        )

    def test_history_stays_in_order(self):
        p = promise().renegotiate("2026-11-25", by="pm", at=AT, why="IdP late")
        assert [
            (
                "Commitment 'P1'.at: expected a time not before the previous entry of the "
                "history (2026-11-19T10:00:00+08:00), got 2026-11-10T15:00:00+08:00"
            )
        ] == problems(p.keep, by="pm", at=MADE)

    def test_commitment_renegotiation_keeps_original_date(self):
        """D8: a new date is agreed; the first promise stays visible."""
        p = cpm.Commitment(id="P1", promise="plan", to="li.wei", made_by="pm", made_at=NOV_20,
                           due="2026-11-27")  # fmt: skip
        q = p.renegotiate(pendulum.date(2026, 12, 2), by="pm", at=NOV_20_NOON, why="IdP late")
        assert (pendulum.date(2026, 12, 2), pendulum.date(2026, 11, 27)) == (q.due, q.original_due)
        assert q.is_open
        assert not q.keep(by="pm", at=NOV_20_NOON.add(days=3)).is_open


NOV_20 = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


NOV_20_NOON = NOV_20.add(hours=2)
