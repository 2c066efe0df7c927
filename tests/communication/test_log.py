"""The interaction log (D11): action items, interactions and the open action items.

The calendar used throughout: 2 November 2026 is a Monday, 6 November 2026 a
Friday, and 1 March 2027 a Monday (so March 2027 has five Mondays). Shanghai is
UTC+8 all year; New York is UTC-5 after 1 November 2026.
"""

import datetime as dt

import pendulum

from clientpm.communication import ActionItem, Interaction, OpenActionItem, open_action_items
from tests.helpers import MICRO, SHANGHAI, emailed_report, message, problems, report, sh


# -- action items ----------------------------------------------------------------
def test_open_action_items_sorted_with_overdue_flag():
    meeting = Interaction(
        id="I1", kind="meeting", channel="meeting", at="2026-11-03T10:00:00+08:00",
        summary="Kick-off", participants=["li.wei", "pm"], decisions=["SSO via the IdP"],
        action_items=[
            ActionItem(id="A2", text="Share logins", owner="li.wei", due="2026-11-10"),
            ActionItem(id="A1", text="Send the plan", owner="pm", due="2026-11-05"),
            ActionItem(id="A3", text="Book a room", owner="pm", due="2026-11-04",
                       done_at="2026-11-04T09:00:00+08:00"),
            ActionItem(id="A0", text="Send slides", owner="pm", due="2026-11-05"),
        ],
    )  # fmt: skip
    later = Interaction(
        id="I2", kind="call", channel="phone", at="2026-11-09T10:00:00+08:00", summary="Call",
        action_items=[ActionItem(id="A9", text="Later", owner="pm", due="2026-11-01")],
    )  # fmt: skip
    # 2026-11-05 23:00 UTC is already 6 November in Shanghai
    as_of = pendulum.datetime(2026, 11, 5, 23, tz="UTC")
    got = open_action_items([later, meeting], as_of=as_of)
    assert [("A0", "I1", True), ("A1", "I1", True), ("A2", "I1", False)] == [
        (o.item.id, o.interaction, o.overdue) for o in got
    ]
    # in UTC it is still 5 November: nothing overdue yet
    as_of_utc_day = pendulum.datetime(2026, 11, 5, 15, tz="UTC")
    assert [False, False, False] == [
        o.overdue for o in open_action_items([meeting], as_of=as_of_utc_day)
    ]


def test_an_item_done_after_as_of_is_still_open():
    item = ActionItem(
        id="A1", text="Send", owner="pm", due="2026-11-05", done_at="2026-11-06T09:00:00+08:00"
    )
    meeting = Interaction(
        id="I1", kind="meeting", channel="meeting", at="2026-11-03T10:00:00+08:00",
        summary="Kick-off", action_items=[item],
    )  # fmt: skip
    as_of = pendulum.datetime(2026, 11, 6, 8, tz=SHANGHAI)
    assert [("A1", True)] == [
        (o.item.id, o.overdue) for o in open_action_items([meeting], as_of=as_of)
    ]
    assert () == open_action_items([meeting], as_of=as_of.add(hours=2))


def test_duplicate_action_item_ids():
    item = ActionItem(id="A1", text="Send", owner="pm", due="2026-11-05")
    assert "Interaction 'I1'.action_items: lists 'A1' more than once" == message(
        emailed_report, "I1", "2026-11-03T10:00:00+08:00", action_items=[item, item]
    )


class TestActionItem:
    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "ActionItem ''.id: expected an id (non-empty text without surrounding "
                "spaces), got str ''"
            ),
            "ActionItem ''.text: expected a non-empty text, got str ''",
            "ActionItem ''.owner: expected a non-empty text, got str ' '",
            (
                "ActionItem ''.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "ActionItem ''.done_at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
        ] == problems(ActionItem, id="", text="", owner=" ", due="x", done_at="x")

    def test_label_and_conversions(self):
        a = ActionItem(
            id="A1", text="Send", owner="pm", due=dt.date(2026, 11, 5),
            done_at="2026-11-06T09:00:00+08:00",
        )  # fmt: skip
        assert ("ActionItem 'A1'", pendulum.date(2026, 11, 5), sh(2026, 11, 6, 9)) == (
            a.label,
            a.due,
            a.done_at,
        )

    def test_is_done_from_the_exact_instant(self):
        a = ActionItem(id="A1", text="Send", owner="pm", due="2026-11-05", done_at=sh(2026, 11, 6))
        open_item = ActionItem(id="A2", text="Send", owner="pm", due="2026-11-05")
        assert [False, True, True, False] == [
            a.is_done(sh(2026, 11, 6) - MICRO),
            a.is_done(sh(2026, 11, 6)),
            a.is_done(pendulum.datetime(2026, 11, 5, 16, tz="UTC")),
            open_item.is_done(sh(2030, 1, 1)),
        ]


class TestInteraction:
    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Interaction ''.id: expected an id (non-empty text without surrounding "
                "spaces), got str ''"
            ),
            (
                "Interaction ''.kind: expected one of 'report', 'meeting', 'call', 'review', "
                "'demo', 'other', got str 'x'"
            ),
            (
                "Interaction ''.channel: expected one of 'email', 'phone', 'meeting', 'chat', "
                "'wechat', 'survey', 'report', 'other', got str 'x'"
            ),
            (
                "Interaction ''.at: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            "Interaction ''.summary: expected a non-empty text, got str ''",
            "Interaction ''.participants[0]: expected a non-empty stakeholder id, got int 1",
            "Interaction ''.participants[1]: expected a non-empty stakeholder id, got int 1",
            "Interaction ''.participants: lists 1 more than once",
            "Interaction ''.decisions[0]: expected a non-empty text, got str ''",
            "Interaction ''.action_items[0]: expected an ActionItem, got int 1",
            (
                "Interaction ''.cadence: expected an id (non-empty text without surrounding "
                "spaces), got str ' w'"
            ),
        ] == problems(
            Interaction,
            id="",
            kind="x",
            channel="x",
            at="x",
            summary="",
            participants=[1, 1],
            decisions=[""],
            action_items=[1],
            cadence=" w",
        )

    def test_lists_that_are_not_lists(self):
        assert [
            "Interaction 'I1'.participants: expected a list of stakeholder ids, got str 'p'",
            "Interaction 'I1'.decisions: expected a list of texts, got str 'd'",
            "Interaction 'I1'.action_items: expected a list of ActionItem objects, got str 'a'",
            (
                "Interaction 'I1'.cadence: expected an id (non-empty text without surrounding "
                "spaces), got str ''"
            ),
        ] == problems(
            report, "I1", sh(2026, 11, 6), participants="p", decisions="d", action_items="a",
            cadence="",
        )  # fmt: skip

    def test_action_item_ids_are_unique(self):
        item = ActionItem(id="A1", text="Send", owner="pm", due="2026-11-05")
        assert ["Interaction 'I1'.action_items: lists 'A1' more than once"] == problems(
            report, "I1", sh(2026, 11, 6), action_items=[item, item]
        )

    def test_defaults_and_label(self):
        i = Interaction(id="I1", kind="call", channel="phone", at=sh(2026, 11, 6), summary="s")
        assert ("Interaction 'I1'", (), (), (), None) == (
            i.label,
            i.participants,
            i.decisions,
            i.action_items,
            i.cadence,
        )


class TestOpenActionItems:
    def meeting(self, id: str = "I1", *items: ActionItem, at: object = None) -> Interaction:
        return Interaction(
            id=id, kind="meeting", channel="meeting", at=at or sh(2026, 11, 6, 10),
            summary="Review", action_items=items,
        )  # fmt: skip

    def test_arguments_are_checked(self):
        assert [
            (
                "open_action_items().as_of: expected a time-zone-aware date and time "
                "(pendulum.DateTime or ISO text with an offset), got str 'x'"
            ),
            "open_action_items().interactions[0]: expected an Interaction, got int 1",
        ] == problems(open_action_items, [1], as_of="x")

    def test_edges_of_as_of_done_at_and_due(self):
        meeting = self.meeting(
            "I1",
            ActionItem(id="A1", text="a", owner="pm", due="2026-11-05"),
            ActionItem(id="A2", text="b", owner="pm", due="2026-11-06"),
            ActionItem(id="A3", text="c", owner="pm", due="2026-11-07",
                       done_at=sh(2026, 11, 6, 12)),
        )  # fmt: skip
        assert [
            [],
            [("A1", "I1", True), ("A2", "I1", False), ("A3", "I1", False)],
            [("A1", "I1", True), ("A2", "I1", False), ("A3", "I1", False)],
            [("A1", "I1", True), ("A2", "I1", False)],
        ] == [
            [(o.item.id, o.interaction, o.overdue) for o in open_action_items([meeting], as_of=at)]
            for at in (
                sh(2026, 11, 6, 10) - MICRO,
                sh(2026, 11, 6, 10),
                sh(2026, 11, 6, 12) - MICRO,
                sh(2026, 11, 6, 12),
            )
        ]

    def test_sorted_by_due_then_item_then_interaction(self):
        first = self.meeting(
            "I2",
            ActionItem(id="A1", text="a", owner="pm", due="2026-11-09"),
            ActionItem(id="A0", text="b", owner="pm", due="2026-11-10"),
        )
        second = self.meeting("I1", ActionItem(id="A1", text="c", owner="pm", due="2026-11-09"))
        got = open_action_items([first, second], as_of=sh(2026, 11, 7))
        assert [("A1", "I1"), ("A1", "I2"), ("A0", "I2")] == [
            (o.item.id, o.interaction) for o in got
        ]
        assert OpenActionItem(second.action_items[0], "I1", overdue=False) == got[0]

    def test_later_interactions_are_skipped_not_the_end(self):
        later = self.meeting("I2", ActionItem(id="A2", text="b", owner="pm", due="2026-11-09"),
                             at=sh(2026, 11, 8))  # fmt: skip
        earlier = self.meeting("I1", ActionItem(id="A1", text="a", owner="pm", due="2026-11-09"))
        assert [("A1", "I1")] == [
            (o.item.id, o.interaction)
            for o in open_action_items([later, earlier], as_of=sh(2026, 11, 7))
        ]

    def test_overdue_by_the_date_in_the_interaction_zone(self):
        meeting = self.meeting("I1", ActionItem(id="A1", text="a", owner="pm", due="2026-11-06"))
        # 16:00 UTC on 6 November is already 7 November in Shanghai
        as_of = pendulum.datetime(2026, 11, 6, 16, tz="UTC")
        assert [[True], [False]] == [
            [o.overdue for o in open_action_items([meeting], as_of=at)]
            for at in (as_of, as_of - MICRO)
        ]

    def test_overdue_by_the_date_at_a_plain_utc_offset(self):
        # a pendulum DateTime carrying a plain datetime.timezone names no pendulum zone;
        # the date is still judged at its own offset, -05:00, not in UTC
        minus_five = dt.timezone(dt.timedelta(hours=-5))
        meeting = self.meeting(
            "I1",
            ActionItem(id="A1", text="a", owner="pm", due="2026-11-06"),
            ActionItem(id="A2", text="b", owner="pm", due="2026-11-07"),
            at=pendulum.DateTime(2026, 11, 6, 10, tzinfo=minus_five),
        )
        midnight = pendulum.datetime(2026, 11, 7, 5, tz="UTC")  # 7 November starts at -05:00
        assert [
            [("A1", False), ("A2", False)],
            [("A1", False), ("A2", False)],
            [("A1", True), ("A2", False)],
            [("A1", True), ("A2", False)],
        ] == [
            [(o.item.id, o.overdue) for o in open_action_items([meeting], as_of=at)]
            for at in (
                pendulum.datetime(2026, 11, 7, 3, tz="UTC"),  # still 6 November at -05:00
                midnight - MICRO,
                midnight,
                pendulum.DateTime(2026, 11, 7, tzinfo=minus_five),
            )
        ]
