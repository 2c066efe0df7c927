"""Feedback: checks, time order, answers and resolution."""

import datetime as dt

import pendulum
import pytest

import clientpm as cpm
from clientpm import Channel, Feedback, FeedbackKind, ValidationError
from tests.helpers import illegal, problems

AT = pendulum.datetime(2026, 11, 18, 9, 30, tz="Asia/Shanghai")


LATER = AT.add(hours=2)


EARLIER = AT.subtract(minutes=1)


def base(**changes: object) -> dict[str, object]:
    fields = {
        "id": "F1",
        "stakeholder": "li.wei",
        "received_at": AT,
        "kind": "complaint",
        "text": "The demo was down",
    }
    return {**fields, **changes}


def feedback(**changes: object) -> Feedback:
    return Feedback(**base(**changes))  # type: ignore[arg-type]


class TestFields:
    def test_defaults(self):
        f = feedback()
        assert (
            "F1",
            "li.wei",
            AT,
            FeedbackKind.COMPLAINT,
            "The demo was down",
            Channel.EMAIL,
            None,
            None,
            None,
            None,
            None,
            (),
        ) == (
            f.id,
            f.stakeholder,
            f.received_at,
            f.kind,
            f.text,
            f.channel,
            f.rating,
            f.nps,
            f.responded_at,
            f.response,
            f.resolved_at,
            f.about,
        )
        assert ("Feedback 'F1'", True) == (f.label, f.is_open)

    def test_conversions(self):
        f = feedback(
            received_at="2026-11-18T09:30:00+08:00",
            kind="question",
            channel="wechat",
            rating=4,
            nps=7,
            responded_at="2026-11-18T11:30:00+08:00",
            response="On 18 December",
            resolved_at="2026-11-18T11:30:00+08:00",
            about=["REQ-1", "M2"],
        )
        assert (
            AT,
            FeedbackKind.QUESTION,
            Channel.WECHAT,
            4,
            7,
            LATER,
            "On 18 December",
            LATER,
            ("REQ-1", "M2"),
            False,
        ) == (
            f.received_at,
            f.kind,
            f.channel,
            f.rating,
            f.nps,
            f.responded_at,
            f.response,
            f.resolved_at,
            f.about,
            f.is_open,
        )
        assert all(
            isinstance(t, pendulum.DateTime) for t in (f.received_at, f.responded_at, f.resolved_at)
        )

    def test_enum_members_are_kept(self):
        f = feedback(kind=FeedbackKind.PRAISE, channel=Channel.MEETING)
        assert (FeedbackKind.PRAISE, Channel.MEETING) == (f.kind, f.channel)

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Feedback ''.id: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            (
                "Feedback ''.stakeholder: expected an id (non-empty text without surrounding "
                "spaces), got str ' li'"
            ),
            (
                "Feedback ''.received_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            (
                "Feedback ''.kind: expected one of 'praise', 'suggestion', 'question', "
                "'complaint', got str 'rant'"
            ),
            "Feedback ''.text: expected a non-empty text, got str ' '",
            (
                "Feedback ''.channel: expected one of 'email', 'phone', 'meeting', 'chat', "
                "'wechat', 'survey', 'report', 'other', got str 'fax'"
            ),
            "Feedback ''.rating: expected a whole number from 1 to 5, got int 0",
            "Feedback ''.nps: expected a whole number from 0 to 10, got int 11",
            (
                "Feedback ''.responded_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'y'"
            ),
            "Feedback ''.response: expected a non-empty text, got str ''",
            (
                "Feedback ''.resolved_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'z'"
            ),
            "Feedback ''.about[0]: expected a non-empty id, got int 1",
            "Feedback ''.about[1]: expected a non-empty id, got str ''",
        ] == problems(
            Feedback,
            id="",
            stakeholder=" li",
            received_at="x",
            kind="rant",
            text=" ",
            channel="fax",
            rating=0,
            nps=11,
            responded_at="y",
            response="",
            resolved_at="z",
            about=[1, ""],
        )

    def test_naive_times_and_wrong_types(self):
        naive = pendulum.naive(2026, 11, 18, 9, 30)
        assert [
            (
                "Feedback 'F1'.received_at: expected a time-zone-aware date and time, got naive "
                "DateTime 2026-11-18T09:30:00; attach a zone, e.g. pendulum.datetime(..., "
                "tz='Asia/Shanghai')"
            ),
            "Feedback 'F1'.text: expected a non-empty text, got None",
            "Feedback 'F1'.rating: expected a whole number from 1 to 5, got bool True",
            "Feedback 'F1'.nps: expected a whole number from 0 to 10, got str '5'",
            "Feedback 'F1'.about: expected a list of ids, got str 'REQ-1'",
        ] == problems(
            Feedback, **base(received_at=naive, text=None, rating=True, nps="5", about="REQ-1")
        )

    @pytest.mark.parametrize(("rating", "nps"), [(1, 0), (5, 10), (3, 9)])
    def test_scale_bounds_are_inclusive(self, rating, nps):
        f = feedback(rating=rating, nps=nps)
        assert (rating, nps) == (f.rating, f.nps)

    @pytest.mark.parametrize(
        ("rating", "nps", "expected"),
        [
            (
                6,
                -1,
                [
                    "Feedback 'F1'.rating: expected a whole number from 1 to 5, got int 6",
                    "Feedback 'F1'.nps: expected a whole number from 0 to 10, got int -1",
                ],
            ),
            (
                -1,
                12,
                [
                    "Feedback 'F1'.rating: expected a whole number from 1 to 5, got int -1",
                    "Feedback 'F1'.nps: expected a whole number from 0 to 10, got int 12",
                ],
            ),
        ],
    )
    def test_scales_out_of_range(self, rating, nps, expected):
        assert expected == problems(Feedback, **base(rating=rating, nps=nps))


class TestTimeOrderAndAnswer:
    def test_answer_and_resolution_before_receipt(self):
        assert [
            (
                "Feedback 'F1'.responded_at: expected a time after received_at "
                "(2026-11-18T09:30:00+08:00), got 2026-11-18T09:29:00+08:00"
            ),
            (
                "Feedback 'F1'.resolved_at: expected a time after received_at "
                "(2026-11-18T09:30:00+08:00), got 2026-11-18T09:29:00+08:00"
            ),
        ] == problems(Feedback, **base(responded_at=EARLIER, response="ok", resolved_at=EARLIER))

    def test_resolution_before_receipt_alone(self):
        assert [
            (
                "Feedback 'F1'.resolved_at: expected a time after received_at "
                "(2026-11-18T09:30:00+08:00), got 2026-11-18T09:29:00+08:00"
            )
        ] == problems(Feedback, **base(resolved_at=EARLIER))

    def test_same_instant_as_receipt_is_allowed(self):
        f = feedback(responded_at=AT, response="ok", resolved_at=AT)
        assert (AT, "ok", AT, False) == (f.responded_at, f.response, f.resolved_at, f.is_open)

    def test_same_instant_in_another_zone_is_allowed(self):
        utc = AT.in_timezone("UTC")
        f = feedback(responded_at=utc, response="ok")
        assert utc == f.responded_at

    @pytest.mark.parametrize("half", [{"responded_at": LATER}, {"response": "ok"}])
    def test_answer_needs_time_and_text(self, half):
        assert [
            "Feedback 'F1'.response: responded_at and response go together: give both or neither"
        ] == problems(Feedback, **base(**half))

    def test_early_answer_without_text_reports_both(self):
        assert [
            (
                "Feedback 'F1'.responded_at: expected a time after received_at "
                "(2026-11-18T09:30:00+08:00), got 2026-11-18T09:29:00+08:00"
            ),
            "Feedback 'F1'.response: responded_at and response go together: give both or neither",
        ] == problems(Feedback, **base(responded_at=EARLIER))

    def test_field_problems_come_first_and_alone(self):
        assert ["Feedback 'F1'.rating: expected a whole number from 1 to 5, got int 9"] == problems(
            Feedback, **base(rating=9, responded_at=EARLIER, resolved_at=EARLIER)
        )

    def test_naive_datetime_refused(self):
        """Instants must be time-zone aware."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Feedback(id="F1", stakeholder="li.wei", received_at=dt.datetime(2026, 11, 1, 9),
                         kind="praise", text="nice")  # fmt: skip
        assert "Feedback 'F1'.received_at: expected a time-zone-aware date and time, got naive" in (
            str(info.value)
        )

    def test_feedback_response_after_receipt(self):
        """A response cannot precede the feedback."""
        with pytest.raises(cpm.ValidationError, match="responded_at: expected a time after"):
            cpm.Feedback(id="F1", stakeholder="li.wei", received_at=NOV_20_NOON, kind="question",
                         text="when?", responded_at=NOV_20, response="soon")  # fmt: skip


class TestAnswerAndResolve:
    def test_respond(self):
        f = feedback()
        answered = f.respond(at=LATER, text="Restarted")
        assert (LATER, "Restarted", None, True) == (
            answered.responded_at,
            answered.response,
            answered.resolved_at,
            answered.is_open,
        )
        assert (None, None) == (f.responded_at, f.response)
        assert ("F1", FeedbackKind.COMPLAINT, "The demo was down") == (
            answered.id,
            answered.kind,
            answered.text,
        )

    def test_respond_converts_text_time(self):
        answered = feedback().respond(at="2026-11-18T11:30:00+08:00", text="Soon")  # type: ignore[arg-type]
        assert LATER == answered.responded_at
        assert isinstance(answered.responded_at, pendulum.DateTime)

    def test_respond_twice(self):
        answered = feedback().respond(at=LATER, text="Restarted")
        assert "Feedback 'F1' was already answered at 2026-11-18T11:30:00+08:00" == illegal(
            answered.respond, at=LATER.add(hours=1), text="Again"
        )

    def test_respond_is_checked(self):
        with pytest.raises(ValidationError) as info:
            feedback().respond(at=EARLIER, text="Too early")
        assert [
            (
                "Feedback 'F1'.responded_at: expected a time after received_at "
                "(2026-11-18T09:30:00+08:00), got 2026-11-18T09:29:00+08:00"
            )
        ] == [str(p) for p in info.value.problems]

    def test_resolve(self):
        f = feedback(responded_at=LATER, response="Restarted")
        done = f.resolve(at=LATER.add(days=1))
        assert (LATER.add(days=1), False, LATER, "Restarted") == (
            done.resolved_at,
            done.is_open,
            done.responded_at,
            done.response,
        )
        assert (None, True) == (f.resolved_at, f.is_open)

    def test_resolve_without_answer(self):
        done = feedback().resolve(at=LATER)
        assert (LATER, None, None, False) == (
            done.resolved_at,
            done.responded_at,
            done.response,
            done.is_open,
        )

    def test_resolve_twice(self):
        done = feedback().resolve(at=LATER)
        assert "Feedback 'F1' was already resolved at 2026-11-18T11:30:00+08:00" == illegal(
            done.resolve, at=LATER.add(hours=1)
        )

    def test_resolved_feedback_can_still_be_answered(self):
        done = feedback().resolve(at=LATER).respond(at=LATER, text="Fixed")
        assert (LATER, "Fixed", LATER) == (done.responded_at, done.response, done.resolved_at)


NOV_20 = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


NOV_20_NOON = NOV_20.add(hours=2)
