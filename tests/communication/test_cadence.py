"""The communication plan (D11): cadences, occurrences across DST, status, action items.

The calendar used throughout: 2 November 2026 is a Monday, 6 November 2026 a
Friday, and 1 March 2027 a Monday (so March 2027 has five Mondays). Shanghai is
UTC+8 all year; New York is UTC-5 after 1 November 2026.
"""

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given, strategies as st

from clientpm.communication import (
    WEEKDAYS,
    ActionItem,
    Cadence,
    CommunicationKind,
    CommunicationPlan,
    Frequency,
    Interaction,
    OccurrenceState,
    OccurrenceStatus,
    OpenActionItem,
    occurrences,
    open_action_items,
    plan_status,
)
from clientpm.enums import Channel
from clientpm.errors import UnknownReferenceError
from tests.helpers import SHANGHAI, message, problems
from tests.strategies import cadence_days, weekly_cadences


def friday_cadence(
    weekday="friday", at="17:00", timezone=SHANGHAI, start="2026-01-01", **kw
) -> Cadence:
    return Cadence.weekly(
        "weekly-report", "Weekly report", weekday=weekday, at=at, timezone=timezone,
        start=start, **kw,
    )  # fmt: skip


def iso(moments) -> list[str]:
    return [m.isoformat() for m in moments]


# -- construction ----------------------------------------------------------------
def test_weekly_constructor_fills_the_fields():
    c = friday_cadence(audience=["li.wei"])
    assert (Frequency.WEEKLY, "friday", pendulum.time(17, 0), None) == (
        c.frequency,
        c.weekday,
        c.at,
        c.end,
    )
    assert (CommunicationKind.REPORT, Channel.EMAIL, ("li.wei",), 24) == (
        c.kind,
        c.channel,
        c.audience,
        c.grace_hours,
    )
    assert pendulum.date(2026, 1, 1) == c.start


def test_weekday_accepts_pendulum_weekday_and_any_case():
    assert "friday" == friday_cadence(weekday=pendulum.WeekDay.FRIDAY).weekday
    assert "friday" == friday_cadence(weekday=" Friday ").weekday


def test_monthly_week_accepts_words():
    c = Cadence.monthly(
        "m", "Monthly", week="last", weekday="friday", at="10:00", timezone="UTC",
        start="2027-01-01",
    )  # fmt: skip
    assert -1 == c.week
    assert "the last Friday of each month at 10:00 (UTC)" == c.rule


# -- occurrences: known answers ---------------------------------------------------
def test_weekly_friday_in_shanghai_in_november_2026():
    c = friday_cadence()
    assert [
        "2026-11-06T17:00:00+08:00",
        "2026-11-13T17:00:00+08:00",
        "2026-11-20T17:00:00+08:00",
        "2026-11-27T17:00:00+08:00",
    ] == iso(occurrences(c, pendulum.date(2026, 11, 1), pendulum.date(2026, 11, 30)))
    assert SHANGHAI == occurrences(c, "2026-11-01", "2026-11-07")[0].timezone_name


def test_range_bounds_are_inclusive_instants():
    c = friday_cadence()
    at = pendulum.datetime(2026, 11, 6, 17, tz=SHANGHAI)
    assert [at] == list(occurrences(c, at, at))
    assert () == occurrences(c, at.add(microseconds=1), at.add(days=6))


def test_aware_bounds_in_another_zone_are_compared_as_instants():
    c = friday_cadence()
    # 2026-11-06 09:00 UTC is 17:00 in Shanghai
    start = pendulum.datetime(2026, 11, 6, 9, tz="UTC")
    assert ["2026-11-06T17:00:00+08:00"] == iso(occurrences(c, start, start.add(days=6)))
    assert () == occurrences(c, start.add(seconds=1), start.add(days=6))


def test_first_monday_across_2027():
    c = Cadence.monthly(
        "steering", "Steering committee", week=1, weekday="monday", at="10:00",
        timezone=SHANGHAI, start="2027-01-01",
    )  # fmt: skip
    days = [4, 1, 1, 5, 3, 7, 5, 2, 6, 4, 1, 6]
    expected = [f"2027-{m:02d}-{d:02d}T10:00:00+08:00" for m, d in enumerate(days, start=1)]
    assert expected == iso(occurrences(c, "2027-01-01", "2027-12-31"))


def test_monthly_last_friday():
    c = Cadence.monthly(
        "retro", "Monthly review", week=-1, weekday="friday", at="15:00", timezone="UTC",
        start="2027-01-01", kind="review",
    )  # fmt: skip
    assert [
        "2027-01-29T15:00:00+00:00",
        "2027-02-26T15:00:00+00:00",
        "2027-03-26T15:00:00+00:00",
        "2027-04-30T15:00:00+00:00",
        "2027-05-28T15:00:00+00:00",
        "2027-06-25T15:00:00+00:00",
    ] == iso(occurrences(c, "2027-01-01", "2027-06-30"))


def test_monthly_day_is_clamped_to_the_last_day_of_the_month():
    c = Cadence.monthly(
        "invoice", "Invoice", day=31, at="09:00", timezone="UTC", start="2028-01-01"
    )
    assert ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"] == [
        m.to_date_string() for m in occurrences(c, "2028-01-01", "2028-04-30")
    ]


def test_daily_skips_weekends():
    c = Cadence.daily("standup", "Stand-up", at="09:30", timezone=SHANGHAI, start="2026-11-01")
    assert ["2026-11-05", "2026-11-06", "2026-11-09"] == [
        m.to_date_string() for m in occurrences(c, "2026-11-05", "2026-11-09")
    ]


def test_cadence_start_and_end_limit_the_occurrences():
    c = friday_cadence(start="2026-11-10", end="2026-11-20")
    assert ["2026-11-13", "2026-11-20"] == [
        m.to_date_string() for m in occurrences(c, "2026-11-01", "2026-12-31")
    ]


# -- daylight saving ------------------------------------------------------------
def test_new_york_keeps_17_00_across_both_dst_changes():
    c = friday_cadence(timezone="America/New_York")
    spring = occurrences(c, "2026-03-01", "2026-03-14")
    autumn = occurrences(c, "2026-10-25", "2026-11-07")
    assert ["2026-03-06T17:00:00-05:00", "2026-03-13T17:00:00-04:00"] == iso(spring)
    assert ["2026-10-30T17:00:00-04:00", "2026-11-06T17:00:00-05:00"] == iso(autumn)
    # the same wall time, so the UTC hour moves
    assert [22, 21, 21, 22] == [m.in_timezone("UTC").hour for m in (*spring, *autumn)]


def test_london_keeps_17_00_across_both_dst_changes():
    c = friday_cadence(timezone="Europe/London")
    assert [
        "2026-03-27T17:00:00+00:00",
        "2026-04-03T17:00:00+01:00",
        "2026-10-23T17:00:00+01:00",
        "2026-10-30T17:00:00+00:00",
    ] == iso(
        (*occurrences(c, "2026-03-22", "2026-04-04"), *occurrences(c, "2026-10-18", "2026-10-31"))
    )


def test_a_time_in_the_spring_forward_gap_moves_forward_by_the_gap():
    c = friday_cadence(weekday="sunday", at="02:30", timezone="America/New_York")
    assert [
        "2026-03-01T02:30:00-05:00",
        "2026-03-08T03:30:00-04:00",  # 02:30 does not exist that day
        "2026-03-15T02:30:00-04:00",
    ] == iso(occurrences(c, "2026-03-01", "2026-03-15"))


def test_an_ambiguous_fall_back_time_is_taken_in_standard_time():
    c = friday_cadence(weekday="sunday", at="01:30", timezone="America/New_York")
    assert ["2026-11-01T01:30:00-05:00"] == iso(occurrences(c, "2026-11-01", "2026-11-01"))


# -- status ---------------------------------------------------------------------
def emailed_report(id, at, cadence="weekly-report", **kw) -> Interaction:
    return Interaction(
        id=id, kind="report", channel="email", at=at, summary=f"Report {id}", cadence=cadence,
        **kw,
    )  # fmt: skip


def test_plan_status_done_overdue_due():
    plan = CommunicationPlan([friday_cadence(start="2026-11-02")])
    log = [
        emailed_report("I1", "2026-11-06T17:30:00+08:00"),
        emailed_report("I2", "2026-11-12T09:00:00+08:00"),  # 32 h early: outside the grace
        emailed_report("I9", "2026-11-21T12:00:00+08:00"),  # after as_of: not yet known
    ]
    as_of = pendulum.datetime(2026, 11, 21, 10, tz=SHANGHAI)
    assert [
        "weekly-report 2026-11-06T17:00:00+08:00: done (I1)",
        "weekly-report 2026-11-13T17:00:00+08:00: overdue",
        "weekly-report 2026-11-20T17:00:00+08:00: due",  # grace runs until 21 Nov 17:00
        "weekly-report 2026-11-27T17:00:00+08:00: due",  # within the next 7 days
    ] == [str(s) for s in plan_status(plan, log, since="2026-11-01", as_of=as_of)]


def test_status_carries_cadence_instant_state_and_interaction():
    plan = CommunicationPlan([friday_cadence(start="2026-11-02")])
    as_of = pendulum.datetime(2026, 11, 7, tz=SHANGHAI)
    (first, *_) = plan.status(
        [emailed_report("I1", "2026-11-06T16:00:00+08:00")], since="2026-11-02", as_of=as_of
    )
    expected = OccurrenceStatus(
        "weekly-report", pendulum.datetime(2026, 11, 6, 17, tz=SHANGHAI), OccurrenceState.DONE,
        "I1",
    )  # fmt: skip
    assert expected == first


def test_grace_bounds_are_inclusive():
    plan = CommunicationPlan([friday_cadence(start="2026-11-02", grace_hours=2)])
    as_of = pendulum.datetime(2026, 11, 30, tz=SHANGHAI)
    log = [
        emailed_report("I1", "2026-11-06T19:00:00+08:00"),
        emailed_report("I2", "2026-11-13T14:59:00+08:00"),
    ]
    states = [s.status for s in plan_status(plan, log, since="2026-11-02", as_of=as_of)[:2]]
    assert [OccurrenceState.DONE, OccurrenceState.OVERDUE] == states


def test_an_interaction_fulfils_one_occurrence_only():
    standup = Cadence.daily(
        "standup", "Stand-up", at="09:30", timezone=SHANGHAI, start="2026-11-02", grace_hours=24
    )
    plan = CommunicationPlan([standup])
    # Monday 20:00 is within the grace of both Monday's and Tuesday's stand-up
    log = [emailed_report("I1", "2026-11-02T20:00:00+08:00", cadence="standup")]
    as_of = pendulum.datetime(2026, 11, 4, 12, tz=SHANGHAI)
    statuses = plan_status(plan, log, since="2026-11-02", as_of=as_of, horizon_days=0)
    assert [("2026-11-02", "done", "I1"), ("2026-11-03", "overdue", None)] == [
        (s.at.to_date_string(), str(s.status), s.interaction) for s in statuses[:2]
    ]


def test_status_of_several_cadences_is_sorted_by_instant():
    monthly = Cadence.monthly(
        "steering", "Steering", week=1, weekday="monday", at="10:00", timezone=SHANGHAI,
        start="2026-11-01",
    )  # fmt: skip
    plan = CommunicationPlan([friday_cadence(start="2026-11-01"), monthly])
    as_of = pendulum.datetime(2026, 11, 3, 12, tz=SHANGHAI)
    assert [
        ("steering", "2026-11-02T10:00:00+08:00", OccurrenceState.OVERDUE),
        ("weekly-report", "2026-11-06T17:00:00+08:00", OccurrenceState.DUE),
    ] == [
        (s.cadence, s.at.isoformat(), s.status)
        for s in plan_status(plan, [], since="2026-11-01", as_of=as_of)
    ]


def test_interaction_naming_an_unknown_cadence_is_refused():
    plan = CommunicationPlan([friday_cadence()])
    with pytest.raises(UnknownReferenceError) as e:
        plan_status(
            plan, [emailed_report("I1", "2026-11-06T17:00:00+08:00", cadence="weekly")],
            since="2026-11-01", as_of=pendulum.datetime(2026, 11, 30, tz="UTC"),
        )  # fmt: skip
    assert (
        "Interaction 'I1'.cadence: no cadence 'weekly' in the plan (known: weekly-report)"
        == str(e.value)
    )


def test_plan_lookup():
    plan = CommunicationPlan([friday_cadence()])
    assert "Weekly report" == plan.cadence("weekly-report").title
    with pytest.raises(UnknownReferenceError) as e:
        plan.cadence("nope")
    assert "CommunicationPlan: no cadence 'nope' (known: weekly-report)" == str(e.value)


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


def test_unknown_timezone():
    assert (
        "Cadence 'weekly-report'.timezone: expected an IANA zone name such as "
        "'Asia/Shanghai', got str 'Mars/Olympus'"
        == message(friday_cadence, timezone="Mars/Olympus")
    )


def test_fixed_offset_is_not_a_time_zone():
    assert "got str '+08:00'" in message(friday_cadence, timezone="+08:00")


def test_misspelt_weekday():
    assert (
        "Cadence 'weekly-report'.weekday: expected a day name such as 'friday' "
        "(monday to sunday), got str 'fryday'" == message(friday_cadence, weekday="fryday")
    )


def test_impossible_time():
    assert (
        "Cadence 'weekly-report'.at: expected a local time of day 'HH:MM' or 'HH:MM:SS' "
        "from 00:00 to 23:59:59, got str '25:00'" == message(friday_cadence, at="25:00")
    )


def test_end_before_start():
    assert (
        "Cadence 'weekly-report'.end: expected a date on or after start (2026-11-10), "
        "got 2026-11-01" == message(friday_cadence, start="2026-11-10", end="2026-11-01")
    )


def test_range_end_before_start():
    assert (
        "occurrences(Cadence 'weekly-report').end: expected a time at or after start "
        "(2026-11-10T00:00:00+08:00), got 2026-11-01T23:59:59.999999+08:00"
        == message(occurrences, friday_cadence(), "2026-11-10", "2026-11-01")
    )


def test_naive_datetime_is_refused():
    naive = dt.datetime(2026, 11, 1, 9)
    assert (
        "occurrences(Cadence 'weekly-report').start: expected a date or a time-zone-aware "
        "date and time, got naive datetime datetime.datetime(2026, 11, 1, 9, 0); attach a "
        "zone, e.g. pendulum.datetime(..., tz='UTC')"
        == message(occurrences, friday_cadence(), naive, "2026-11-30")
    )
    assert (
        "Interaction 'I1'.at: expected a time-zone-aware date and time, got naive DateTime "
        "2026-11-01T09:00:00; attach a zone, e.g. pendulum.datetime(..., tz='Asia/Shanghai')"
        == message(emailed_report, "I1", pendulum.naive(2026, 11, 1, 9))
    )


def test_duplicate_cadence_ids():
    assert "CommunicationPlan.cadences: lists 'weekly-report' more than once" == message(
        CommunicationPlan, [friday_cadence(), friday_cadence(weekday="monday")]
    )


def test_rule_shape_is_checked():
    monthly = {"at": "10:00", "timezone": "UTC", "start": "2027-01-01"}
    assert (
        "Cadence 'm'.frequency: a monthly cadence takes either week and weekday, or day; "
        "got weekday" == message(Cadence.monthly, "m", "Monthly", weekday="monday", **monthly)
    )
    assert (
        "Cadence 'm'.week: expected 1, 2, 3, 4 or -1 (or 'first' .. 'fourth', 'last'), "
        "got int 5" == message(Cadence.monthly, "m", "M", week=5, weekday="monday", **monthly)
    )
    assert (
        "Cadence 'w'.frequency: a weekly cadence takes a weekday only; got day, weekday"
        == message(Cadence, "w", "W", "report", "email", "UTC", "weekly", "10:00", "2027-01-01",
                   weekday="monday", day=3)
    )  # fmt: skip


def test_every_problem_is_reported_at_once():
    text = message(friday_cadence, weekday="fryday", at="25:00", timezone="Mars/Olympus")
    assert text.startswith("3 problems:")


def test_duplicate_action_item_ids():
    item = ActionItem(id="A1", text="Send", owner="pm", due="2026-11-05")
    assert "Interaction 'I1'.action_items: lists 'A1' more than once" == message(
        emailed_report, "I1", "2026-11-03T10:00:00+08:00", action_items=[item, item]
    )


@given(weekly_cadences, cadence_days, st.integers(0, 400), st.booleans())
def test_occurrences_are_ordered_in_range_on_the_right_day_and_wall_time(
    cadence, first, length, as_instants
):
    last = first.add(days=length)
    if as_instants:
        start, end = (
            pendulum.datetime(d.year, d.month, d.day, 12, tz="UTC") for d in (first, last)
        )
    else:
        start = pendulum.datetime(first.year, first.month, first.day, tz=cadence.timezone)
        end = pendulum.datetime(last.year, last.month, last.day, tz=cadence.timezone).end_of("day")
    found = occurrences(cadence, start if as_instants else first, end if as_instants else last)
    assert all(a < b for a, b in itertools.pairwise(found))
    assert all(start <= m <= end for m in found)
    assert {cadence.timezone} >= {m.timezone_name for m in found}
    assert {WEEKDAYS.index(cadence.weekday)} >= {m.weekday() for m in found}
    assert {cadence.at} >= {m.time() for m in found}


@given(weekly_cadences, cadence_days, st.integers(1, 60))
def test_n_whole_weeks_hold_n_weekly_occurrences(cadence, first, weeks):
    last = first.add(days=7 * weeks - 1)
    assert weeks == len(occurrences(cadence, first, last))


@given(
    weekly_cadences,
    st.lists(st.integers(0, 60 * 24 * 40), max_size=12),
    st.integers(0, 96),
)
def test_each_interaction_fulfils_at_most_one_occurrence(cadence, minutes, grace):
    cadence = friday_cadence(
        weekday=cadence.weekday, at=cadence.at, timezone=cadence.timezone, start="2026-01-01",
        grace_hours=grace,
    )  # fmt: skip
    origin = pendulum.datetime(2026, 1, 1, tz="UTC")
    log = [emailed_report(f"I{n}", origin.add(minutes=m)) for n, m in enumerate(minutes)]
    as_of = origin.add(days=40)
    statuses = plan_status(CommunicationPlan([cadence]), log, since="2026-01-01", as_of=as_of)
    used = [s.interaction for s in statuses if s.interaction is not None]
    assert len(set(used)) == len(used)
    assert all((s.interaction is not None) == (s.status is OccurrenceState.DONE) for s in statuses)


def test_plan_status_checks_its_arguments():
    plan = CommunicationPlan([friday_cadence()])
    as_of = pendulum.datetime(2026, 11, 1, tz=SHANGHAI)
    assert (
        "plan_status().since: expected a date or a time-zone-aware date and time, got naive "
        "datetime datetime.datetime(2026, 11, 1, 0, 0); attach a zone, e.g. "
        "pendulum.datetime(..., tz='UTC')"
        == message(plan_status, plan, [], since=dt.datetime(2026, 11, 1), as_of=as_of)
    )
    assert (
        "plan_status().since: expected a date on or before 2026-11-08 (the date of as_of "
        "plus horizon_days, in as_of's zone), got 2026-12-01"
        == message(plan_status, plan, [], since="2026-12-01", as_of=as_of)
    )


NEW_YORK = "America/New_York"


MICRO = pendulum.duration(microseconds=1)


def sh(*parts: int) -> pendulum.DateTime:
    """A Shanghai date and time, e.g. ``sh(2026, 11, 6, 17)``."""
    return pendulum.datetime(*parts, tz=SHANGHAI)  # type: ignore[arg-type]


def weekly(**changes: object) -> Cadence:
    fields = {
        "weekday": "friday", "at": "17:00", "timezone": SHANGHAI, "start": "2026-11-02",
        **changes,
    }  # fmt: skip
    return Cadence.weekly("w", "Weekly report", **fields)  # type: ignore[arg-type]


def monthly(**changes: object) -> Cadence:
    fields = {"at": "10:00", "timezone": "UTC", "start": "2027-01-01", **changes}
    return Cadence.monthly("m", "Monthly review", **fields)  # type: ignore[arg-type]


def daily(**changes: object) -> Cadence:
    fields = {"at": "09:30", "timezone": SHANGHAI, "start": "2026-11-02", **changes}
    return Cadence.daily("d", "Stand-up", **fields)  # type: ignore[arg-type]


def cadence(**changes: object) -> Cadence:
    """The full constructor, a valid weekly cadence unless changed."""
    fields = {
        "id": "c", "title": "Call", "kind": "call", "channel": "phone", "timezone": "UTC",
        "frequency": "weekly", "at": "10:00", "start": "2027-01-01", "weekday": "monday",
        **changes,
    }  # fmt: skip
    return Cadence(**fields)  # type: ignore[arg-type]


def report(id: str, at: object, cadence: str = "w", **kw: object) -> Interaction:
    return Interaction(
        id=id, kind="report", channel="email", at=at, summary=f"Report {id}", cadence=cadence,
        **kw,
    )  # type: ignore[arg-type]  # fmt: skip


def states(statuses) -> list[tuple[str, str, str | None]]:
    return [(s.at.isoformat(), str(s.status), s.interaction) for s in statuses]


def cadence_problems(**changes: object) -> list[str]:
    return problems(cadence, **changes)


class TestChoices:
    def test_str_is_the_value(self):
        assert ["report", "daily", "overdue"] == [
            str(CommunicationKind.REPORT),
            str(Frequency.DAILY),
            str(OccurrenceState.OVERDUE),
        ]

    def test_occurrence_status_str(self):
        at = sh(2026, 11, 6, 17)
        assert [
            "w 2026-11-06T17:00:00+08:00: overdue",
            "w 2026-11-06T17:00:00+08:00: done (I1)",
        ] == [
            str(OccurrenceStatus("w", at, OccurrenceState.OVERDUE)),
            str(OccurrenceStatus("w", at, OccurrenceState.DONE, "I1")),
        ]


class TestTimeOfDay:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("9:30", pendulum.time(9, 30)),
            (" 09:30:15 ", pendulum.time(9, 30, 15)),
            ("0:00", pendulum.time(0, 0)),
            ("23:59:59", pendulum.time(23, 59, 59)),
            (dt.time(9, 30, 15), pendulum.time(9, 30, 15)),
            (pendulum.time(8, 5, 1), pendulum.time(8, 5, 1)),
        ],
    )
    def test_accepted(self, text, expected):
        at = weekly(at=text).at
        assert (expected, pendulum.Time, None) == (at, type(at), at.tzinfo)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("24:00", "str '24:00'"),
            ("9:60", "str '9:60'"),
            ("9:59:60", "str '9:59:60'"),
            ("9:5", "str '9:5'"),
            ("123:00", "str '123:00'"),
            ("09:30:15:00", "str '09:30:15:00'"),
            (930, "int 930"),
            (dt.datetime(2026, 11, 6, 9, 30), "datetime datetime.datetime(2026, 11, 6, 9, 30)"),
        ],
    )
    def test_refused(self, value, shown):
        assert [
            (
                "Cadence 'w'.at: expected a local time of day 'HH:MM' or 'HH:MM:SS' from 00:00 "
                f"to 23:59:59, got {shown}"
            )
        ] == problems(weekly, at=value)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (dt.time(9, 30, 15, 1), "Time(9, 30, 15, 1)"),
            (pendulum.time(9, 30, 15, 500000), "Time(9, 30, 15, 500000)"),
            (dt.time(0, 0, 0, 999999), "Time(0, 0, 0, 999999)"),
        ],
    )
    def test_a_time_with_microseconds_is_refused_whatever_its_type(self, value, shown):
        assert [f"Cadence 'w'.at: expected a local time of day in whole seconds, got {shown}"] == (
            problems(weekly, at=value)
        )

    def test_a_time_with_a_zone_is_refused(self):
        assert [
            (
                "Cadence 'w'.at: expected a local time without a zone (the zone is timezone), "
                "got Time(9, 30, 0, tzinfo=datetime.timezone.utc)"
            )
        ] == problems(weekly, at=dt.time(9, 30, tzinfo=dt.timezone.utc))


class TestCadenceChecks:
    def test_every_field_is_checked_and_named(self):
        assert [
            "Cadence ''.id: expected an id (non-empty text without surrounding spaces), got str ''",
            "Cadence ''.title: expected a non-empty text, got str ''",
            (
                "Cadence ''.kind: expected one of 'report', 'meeting', 'call', 'review', "
                "'demo', 'other', got str 'x'"
            ),
            (
                "Cadence ''.channel: expected one of 'email', 'phone', 'meeting', 'chat', "
                "'wechat', 'survey', 'report', 'other', got str 'x'"
            ),
            "Cadence ''.timezone: expected an IANA zone name such as 'Asia/Shanghai', got str 'x'",
            "Cadence ''.frequency: expected one of 'daily', 'weekly', 'monthly', got str 'x'",
            (
                "Cadence ''.at: expected a local time of day 'HH:MM' or 'HH:MM:SS' from 00:00 "
                "to 23:59:59, got str 'x'"
            ),
            (
                "Cadence ''.start: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "Cadence ''.end: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'y'"
            ),
            (
                "Cadence ''.weekday: expected a day name such as 'friday' (monday to sunday), "
                "got str 'x'"
            ),
            (
                "Cadence ''.week: expected 1, 2, 3, 4 or -1 (or 'first' .. 'fourth', 'last'), "
                "got bool True"
            ),
            "Cadence ''.day: expected a whole number from 1 to 31, got int 0",
            "Cadence ''.audience[0]: expected a non-empty stakeholder id, got int 1",
            "Cadence ''.audience[1]: expected a non-empty stakeholder id, got int 1",
            "Cadence ''.audience: lists 1 more than once",
            "Cadence ''.grace_hours: expected a whole number >= 0, got int -1",
        ] == problems(
            Cadence,
            id="",
            title="",
            kind="x",
            channel="x",
            timezone="x",
            frequency="x",
            at="x",
            start="x",
            weekday="x",
            week=True,
            day=0,
            end="y",
            audience=[1, 1],
            grace_hours=-1,
        )

    def test_other_wrong_values(self):
        assert [
            (
                "Cadence 'c'.week: expected 1, 2, 3, 4 or -1 (or 'first' .. 'fourth', 'last'), "
                "got float 1.0"
            ),
            "Cadence 'c'.day: expected a whole number from 1 to 31, got int 32",
            "Cadence 'c'.audience: expected a list of stakeholder ids, got str 'pm'",
            "Cadence 'c'.grace_hours: expected a whole number >= 0, got bool True",
        ] == cadence_problems(
            frequency="monthly", week=1.0, weekday=None, day=32, audience="pm", grace_hours=True
        )
        assert ["Cadence 'c'.audience: lists 'pm' more than once"] == cadence_problems(
            audience=["pm", "pm"]
        )

    def test_end_may_equal_start_but_not_precede_it(self):
        assert pendulum.date(2027, 1, 1) == cadence(end="2027-01-01").end
        assert [
            "Cadence 'c'.end: expected a date on or after start (2027-01-01), got 2026-12-31"
        ] == cadence_problems(end="2026-12-31")

    def test_edges_of_day_week_and_grace_are_accepted(self):
        assert (1, 31, 0) == (
            monthly(day=1).day,
            monthly(day=31).day,
            cadence(grace_hours=0).grace_hours,
        )
        assert [1, 2, 3, 4, -1, -1] == [
            monthly(week=w, weekday="monday").week
            for w in (1, "second", "Third", " fourth ", -1, "LAST")
        ]

    def test_weekday_names(self):
        assert ["friday", "friday", "monday", "sunday"] == [
            weekly(weekday=w).weekday
            for w in (" Friday ", "FRIDAY", pendulum.WeekDay.MONDAY, pendulum.WeekDay.SUNDAY)
        ]

    def test_labels_and_grace(self):
        c = weekly(grace_hours=3)
        assert ("Cadence 'w'", pendulum.duration(hours=3)) == (c.label, c.grace)
        assert pendulum.duration(hours=24) == weekly().grace


class TestRuleShape:
    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            (
                {"frequency": "daily"},
                "a daily cadence takes no weekday, week or day; got weekday",
            ),
            (
                {"frequency": "daily", "weekday": None, "week": 2, "day": 3},
                "a daily cadence takes no weekday, week or day; got day, week",
            ),
            ({"weekday": None}, "a weekly cadence takes a weekday only; got none"),
            ({"week": 1}, "a weekly cadence takes a weekday only; got week, weekday"),
            (
                {"frequency": "monthly", "weekday": None},
                "a monthly cadence takes either week and weekday, or day; got none",
            ),
            (
                {"frequency": "monthly", "day": 3},
                "a monthly cadence takes either week and weekday, or day; got day, weekday",
            ),
            (
                {"frequency": "monthly", "weekday": None, "week": 1},
                "a monthly cadence takes either week and weekday, or day; got week",
            ),
        ],
    )
    def test_wrong_shape(self, changes, message):
        assert [f"Cadence 'c'.frequency: {message}"] == cadence_problems(**changes)

    def test_shape_and_end_are_reported_together(self):
        assert [
            "Cadence 'c'.frequency: a weekly cadence takes a weekday only; got none",
            "Cadence 'c'.end: expected a date on or after start (2027-01-01), got 2026-12-31",
        ] == cadence_problems(weekday=None, end="2026-12-31")

    def test_shape_is_not_checked_while_a_field_is_wrong(self):
        assert ["Cadence 'c'.day: expected a whole number from 1 to 31, got int 0"] == (
            cadence_problems(day=0)
        )


class TestConstructors:
    def test_weekly_defaults(self):
        assert cadence(
            id="w", title="Weekly report", kind="report", channel="email", timezone=SHANGHAI,
            at="17:00", start="2026-11-02", weekday="friday", grace_hours=24,
        ) == weekly()  # fmt: skip

    def test_weekly_passes_every_argument(self):
        assert cadence(
            id="w", title="Weekly report", timezone=SHANGHAI, at="17:00", start="2026-11-02",
            weekday="monday", end="2026-12-31", audience=["li.wei"], grace_hours=2,
        ) == weekly(
            weekday="monday", kind="call", channel="phone", end="2026-12-31",
            audience=["li.wei"], grace_hours=2,
        )  # fmt: skip

    def test_monthly_defaults(self):
        assert cadence(
            id="m", title="Monthly review", kind="meeting", channel="meeting",
            frequency="monthly", weekday="monday", week=2, grace_hours=24,
        ) == monthly(week=2, weekday="monday")  # fmt: skip

    def test_monthly_passes_every_argument(self):
        assert cadence(
            id="m", title="Monthly review", kind="demo", channel="chat", frequency="monthly",
            weekday=None, day=15, end="2027-06-30", audience=["pm"], grace_hours=1,
        ) == monthly(
            day=15, kind="demo", channel="chat", end="2027-06-30", audience=["pm"],
            grace_hours=1,
        )  # fmt: skip

    def test_daily_defaults(self):
        assert cadence(
            id="d", title="Stand-up", kind="call", channel="chat", timezone=SHANGHAI,
            frequency="daily", at="09:30", start="2026-11-02", weekday=None, grace_hours=4,
        ) == daily()  # fmt: skip

    def test_daily_passes_every_argument(self):
        assert cadence(
            id="d", title="Stand-up", kind="meeting", channel="wechat", timezone=SHANGHAI,
            frequency="daily", at="09:30", start="2026-11-02", weekday=None, end="2026-11-30",
            audience=["pm", "li.wei"], grace_hours=0,
        ) == daily(
            kind="meeting", channel="wechat", end="2026-11-30", audience=["pm", "li.wei"],
            grace_hours=0,
        )  # fmt: skip

    def test_fields_of_the_defaults(self):
        c = daily()
        assert (
            CommunicationKind.CALL, Channel.CHAT, Frequency.DAILY, None, None, None, None, (), 4,
        ) == (
            c.kind, c.channel, c.frequency, c.weekday, c.week, c.day, c.end, c.audience,
            c.grace_hours,
        )  # fmt: skip


class TestRule:
    def test_daily_and_weekly(self):
        assert [
            "every working day at 09:30 (Asia/Shanghai)",
            "every Friday at 17:00 (Asia/Shanghai)",
            "every Sunday at 00:00 (UTC)",
            "every Friday at 09:30:15 (Asia/Shanghai)",
        ] == [
            daily().rule,
            weekly().rule,
            weekly(weekday=pendulum.WeekDay.SUNDAY, at="0:00", timezone="UTC").rule,
            weekly(at="09:30:15").rule,
        ]

    def test_monthly_by_day_mentions_the_clamp_after_day_28(self):
        assert [
            "day 1 of each month at 10:00 (UTC)",
            "day 28 of each month at 10:00 (UTC)",
            "day 29 of each month (or the month's last day) at 10:00 (UTC)",
        ] == [monthly(day=d).rule for d in (1, 28, 29)]

    def test_monthly_by_week(self):
        assert [
            "the first Monday of each month at 10:00 (UTC)",
            "the second Monday of each month at 10:00 (UTC)",
            "the third Monday of each month at 10:00 (UTC)",
            "the fourth Monday of each month at 10:00 (UTC)",
            "the last Monday of each month at 10:00 (UTC)",
        ] == [monthly(week=w, weekday="monday").rule for w in (1, 2, 3, 4, -1)]


class TestLocalDates:
    def test_daily_stops_at_the_cadence_end(self):
        assert [
            "2026-11-02T09:30:00+08:00",
            "2026-11-03T09:30:00+08:00",
            "2026-11-04T09:30:00+08:00",
        ] == iso(occurrences(daily(end="2026-11-04"), "2026-11-01", "2026-11-08"))

    def test_daily_includes_friday_and_skips_the_weekend(self):
        assert ["2026-11-06T09:30:00+08:00", "2026-11-09T09:30:00+08:00"] == iso(
            occurrences(daily(), "2026-11-06", "2026-11-09")
        )

    def test_weekly_from_a_start_on_the_weekday_to_an_end_on_it(self):
        c = weekly(start="2026-11-06", end="2026-11-20")
        assert [
            "2026-11-06T17:00:00+08:00",
            "2026-11-13T17:00:00+08:00",
            "2026-11-20T17:00:00+08:00",
        ] == iso(occurrences(c, "2026-11-01", "2026-12-31"))

    def test_weekly_from_a_start_after_the_weekday(self):
        c = weekly(start="2026-11-07")  # a Saturday
        assert ["2026-11-13T17:00:00+08:00", "2026-11-20T17:00:00+08:00"] == iso(
            occurrences(c, "2026-11-01", "2026-11-21")
        )

    def test_monthly_from_a_start_on_the_day_to_an_end_on_it(self):
        c = monthly(day=15, start="2027-01-15", end="2027-03-15")
        assert [
            "2027-01-15T10:00:00+00:00",
            "2027-02-15T10:00:00+00:00",
            "2027-03-15T10:00:00+00:00",
        ] == iso(occurrences(c, "2027-01-01", "2027-12-31"))

    def test_monthly_across_the_new_year(self):
        assert [
            "2027-11-30T10:00:00+00:00",
            "2027-12-31T10:00:00+00:00",
            "2028-01-31T10:00:00+00:00",
            "2028-02-29T10:00:00+00:00",
        ] == iso(occurrences(monthly(day=31, start="2027-11-01"), "2027-11-01", "2028-02-29"))

    @pytest.mark.parametrize(
        ("weekday", "days"),
        [("monday", [1, 8, 15, 22, 29]), ("friday", [5, 12, 19, 26, 26])],
    )
    def test_each_week_of_a_month(self, weekday, days):
        found = [
            occurrences(monthly(week=w, weekday=weekday), "2027-03-01", "2027-03-31")
            for w in (1, 2, 3, 4, -1)
        ]
        assert [[f"2027-03-{d:02d}T10:00:00+00:00"] for d in days] == [iso(f) for f in found]

    def test_each_week_of_a_month_starting_after_the_weekday(self):
        # 1 January 2027 is a Friday
        found = [
            occurrences(monthly(week=w, weekday="monday"), "2027-01-01", "2027-01-31")
            for w in (1, 2, 3, 4, -1)
        ]
        assert [[f"2027-01-{d:02d}T10:00:00+00:00"] for d in (4, 11, 18, 25, 25)] == [
            iso(f) for f in found
        ]

    def test_last_weekday_on_the_last_day_of_the_month(self):
        c = monthly(week="last", weekday="wednesday")
        assert ["2027-03-31T10:00:00+00:00"] == iso(occurrences(c, "2027-03-01", "2027-03-31"))


class TestOccurrences:
    def test_method_is_the_function(self):
        c = weekly()
        assert ["2026-11-06T17:00:00+08:00", "2026-11-13T17:00:00+08:00"] == iso(
            c.occurrences("2026-11-01", pendulum.date(2026, 11, 14))
        )

    def test_seconds_of_the_wall_time_are_kept(self):
        assert ["2026-11-06T09:30:15+08:00"] == iso(
            occurrences(weekly(at="9:30:15"), "2026-11-06", "2026-11-06")
        )

    def test_a_date_end_covers_its_whole_local_day(self):
        c = weekly(at="23:59:59", timezone=NEW_YORK)
        assert ["2026-11-06T23:59:59-05:00"] == iso(occurrences(c, "2026-11-06", "2026-11-06"))

    def test_the_first_day_is_local_to_the_cadence_west_of_utc(self):
        # 20:00 in New York is already 7 November in UTC
        c = weekly(at="21:00", timezone=NEW_YORK)
        start = pendulum.datetime(2026, 11, 6, 20, tz=NEW_YORK)
        assert ["2026-11-06T21:00:00-05:00"] == iso(occurrences(c, start, start.add(hours=2)))

    def test_the_last_day_is_local_to_the_cadence_east_of_utc(self):
        # 07:00 in Shanghai is still 5 November in UTC
        c = weekly(at="06:00")
        assert ["2026-11-06T06:00:00+08:00"] == iso(
            occurrences(c, sh(2026, 11, 6, 5), sh(2026, 11, 6, 7))
        )

    def test_instant_bounds_are_inclusive_to_the_microsecond(self):
        c = weekly()
        at = sh(2026, 11, 6, 17)
        assert [[], ["2026-11-06T17:00:00+08:00"], []] == [
            iso(occurrences(c, at - pendulum.duration(hours=1), at - MICRO)),
            iso(occurrences(c, at, at)),
            iso(occurrences(c, at + MICRO, at + pendulum.duration(hours=1))),
        ]

    def test_bounds_that_are_not_dates(self):
        assert [
            (
                "occurrences(Cadence 'w').start: expected a date ('YYYY-MM-DD' or "
                "pendulum.Date) or a time-zone-aware date and time, got str 'x'"
            ),
            (
                "occurrences(Cadence 'w').end: expected a date ('YYYY-MM-DD' or "
                "pendulum.Date) or a time-zone-aware date and time, got int 5"
            ),
        ] == problems(occurrences, weekly(), "x", 5)

    def test_a_naive_end(self):
        assert [
            (
                "occurrences(Cadence 'w').end: expected a date or a time-zone-aware date and "
                "time, got naive datetime datetime.datetime(2026, 11, 30, 0, 0); attach a zone, "
                "e.g. pendulum.datetime(..., tz='UTC')"
            )
        ] == problems(occurrences, weekly(), "2026-11-01", dt.datetime(2026, 11, 30))

    def test_end_before_start_as_instants(self):
        at = sh(2026, 11, 6, 17)
        assert [
            (
                "occurrences(Cadence 'w').end: expected a time at or after start "
                "(2026-11-06T17:00:00+08:00), got 2026-11-06T16:59:59.999999+08:00"
            )
        ] == problems(occurrences, weekly(), at, at - MICRO)


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


class TestPlan:
    def test_cadences_are_checked(self):
        assert [
            "CommunicationPlan.cadences[0]: expected a Cadence, got int 1",
            "CommunicationPlan.cadences[1]: expected a Cadence, got str 'x'",
        ] == problems(CommunicationPlan, [1, "x"])
        assert ["CommunicationPlan.cadences: expected a list of Cadence objects, got str 'x'"] == (
            problems(CommunicationPlan, "x")
        )

    def test_cadence_ids_are_unique(self):
        assert ["CommunicationPlan.cadences: lists 'w' more than once"] == problems(
            CommunicationPlan, [weekly(), daily(), weekly(weekday="monday")]
        )

    def test_lookup_names_the_known_ids_in_plan_order(self):
        plan = CommunicationPlan([weekly(), daily()])
        assert (weekly(), daily()) == (plan.cadence("w"), plan.cadence("d"))
        with pytest.raises(UnknownReferenceError) as info:
            plan.cadence("x")
        assert ["CommunicationPlan: no cadence 'x' (known: w, d)"] == [
            str(p) for p in info.value.problems
        ]

    def test_lookup_in_an_empty_plan(self):
        with pytest.raises(UnknownReferenceError) as info:
            CommunicationPlan().cadence("x")
        assert "CommunicationPlan: no cadence 'x' (known: none)" == str(info.value)


class TestMatching:
    def plan_states(self, cadence: Cadence, log, as_of, since="2026-11-02") -> list:
        plan = CommunicationPlan([cadence])
        return states(plan_status(plan, log, since=since, as_of=as_of, horizon_days=0))

    def test_both_ends_of_the_grace_window_count(self):
        log = [report("I1", sh(2026, 11, 6, 15)), report("I2", sh(2026, 11, 13, 19))]
        assert [
            ("2026-11-06T17:00:00+08:00", "done", "I1"),
            ("2026-11-13T17:00:00+08:00", "done", "I2"),
        ] == self.plan_states(weekly(grace_hours=2), log, sh(2026, 11, 14))

    def test_a_microsecond_outside_the_grace_window_does_not(self):
        log = [
            report("I1", sh(2026, 11, 6, 15) - MICRO),
            report("I2", sh(2026, 11, 13, 19) + MICRO),
        ]
        assert [
            ("2026-11-06T17:00:00+08:00", "overdue", None),
            ("2026-11-13T17:00:00+08:00", "overdue", None),
        ] == self.plan_states(weekly(grace_hours=2), log, sh(2026, 11, 14))

    def test_skips_early_and_used_interactions(self):
        log = [
            report("I2", sh(2026, 11, 3, 10), cadence="d"),
            report("I0", sh(2026, 10, 30, 9), cadence="d"),  # too early for any
            report("I1", sh(2026, 11, 2, 20), cadence="d"),  # in Monday's and Tuesday's window
        ]
        assert [
            ("2026-11-02T09:30:00+08:00", "done", "I1"),
            ("2026-11-03T09:30:00+08:00", "done", "I2"),
            ("2026-11-04T09:30:00+08:00", "due", None),
        ] == self.plan_states(daily(grace_hours=24), log, sh(2026, 11, 4, 12))

    def test_matching_starts_at_the_cadence_start_not_at_since(self):
        log = [report("I1", sh(2026, 11, 2, 20), cadence="d")]
        assert [
            ("2026-11-03T09:30:00+08:00", "overdue", None),
            ("2026-11-04T09:30:00+08:00", "due", None),
        ] == self.plan_states(daily(grace_hours=24), log, sh(2026, 11, 4, 12), "2026-11-03")

    def test_an_interaction_at_as_of_is_known(self):
        log = [report("I1", sh(2026, 11, 6, 17, 30))]
        as_of = sh(2026, 11, 6, 17, 30)
        assert [
            [("2026-11-06T17:00:00+08:00", "done", "I1")],
            [("2026-11-06T17:00:00+08:00", "due", None)],
        ] == [
            self.plan_states(weekly(), log, as_of),
            self.plan_states(weekly(), log, as_of - MICRO),
        ]

    def test_interactions_of_other_cadences_do_not_count(self):
        plan = CommunicationPlan([weekly(), daily()])
        log = [report("I1", sh(2026, 11, 6, 17), cadence="d")]  # 7.5 h after the stand-up
        as_of = sh(2026, 11, 6, 17)
        assert [
            ("2026-11-06T09:30:00+08:00", "overdue", None),
            ("2026-11-06T17:00:00+08:00", "due", None),
        ] == states(plan_status(plan, log, since="2026-11-06", as_of=as_of, horizon_days=0))


class TestPlanStatus:
    def test_arguments_are_checked(self):
        assert [
            (
                "plan_status().as_of: expected a time-zone-aware date and time, got naive "
                "datetime datetime.datetime(2026, 1, 1, 0, 0); attach a zone, e.g. "
                "pendulum.datetime(..., tz='Asia/Shanghai')"
            ),
            "plan_status().horizon_days: expected a whole number >= 0, got int -1",
            (
                "plan_status().since: expected a date ('YYYY-MM-DD' or pendulum.Date) or a "
                "time-zone-aware date and time, got str 'x'"
            ),
            "plan_status().interactions[0]: expected an Interaction, got int 1",
        ] == problems(
            plan_status, CommunicationPlan(), [1], since="x", as_of=dt.datetime(2026, 1, 1),
            horizon_days=-1,
        )  # fmt: skip

    def test_horizon_before_since(self):
        plan = CommunicationPlan([weekly()])
        assert [
            (
                "plan_status().since: expected a date on or before 2026-11-08 (the date of "
                "as_of plus horizon_days, in as_of's zone), got 2026-12-01"
            )
        ] == problems(plan_status, plan, [], since="2026-12-01", as_of=sh(2026, 11, 1))

    @pytest.mark.parametrize("zones", [[SHANGHAI], [NEW_YORK], [SHANGHAI, NEW_YORK], []])
    def test_a_since_date_after_the_horizon_is_refused_whatever_the_cadences(self, zones):
        # 20:00 UTC on 9 November is already 10 November in Shanghai, not in New York
        plan = CommunicationPlan(
            [
                Cadence.weekly(f"w{n}", "Report", weekday="friday", at="17:00", timezone=zone,
                               start="2026-11-02")
                for n, zone in enumerate(zones)
            ]
        )  # fmt: skip
        as_of = pendulum.datetime(2026, 11, 9, 20, tz="UTC")
        assert [
            (
                "plan_status().since: expected a date on or before 2026-11-09 (the date of "
                "as_of plus horizon_days, in as_of's zone), got 2026-11-10"
            )
        ] == problems(plan_status, plan, [], since="2026-11-10", as_of=as_of, horizon_days=0)
        assert () == plan_status(plan, [], since="2026-11-09", as_of=as_of, horizon_days=0)

    def test_a_since_date_is_judged_in_the_zone_of_as_of(self):
        plan = CommunicationPlan()
        as_of = sh(2026, 11, 10, 4)  # 20:00 UTC on 9 November
        assert [(), ()] == [
            plan_status(plan, [], since="2026-11-10", as_of=as_of, horizon_days=0),
            plan_status(plan, [], since="2026-11-11", as_of=as_of, horizon_days=1),
        ]
        assert [
            (
                "plan_status().since: expected a date on or before 2026-11-11 (the date of "
                "as_of plus horizon_days, in as_of's zone), got 2026-11-12"
            )
        ] == problems(plan_status, plan, [], since="2026-11-12", as_of=as_of, horizon_days=1)

    def test_a_since_instant_after_the_horizon_is_refused_even_for_an_empty_plan(self):
        as_of = sh(2026, 11, 6, 18)
        horizon = sh(2026, 11, 7, 18)
        for plan in (CommunicationPlan(), CommunicationPlan([weekly()])):
            assert () == plan_status(plan, [], since=horizon, as_of=as_of, horizon_days=1)
            assert [
                (
                    "plan_status().since: expected a time at or before "
                    "2026-11-07T18:00:00+08:00 (as_of plus horizon_days), got "
                    "2026-11-07T18:00:00.000001+08:00"
                )
            ] == problems(plan_status, plan, [], since=horizon + MICRO, as_of=as_of,
                          horizon_days=1)  # fmt: skip

    def test_a_since_date_after_the_horizon_in_a_cadence_zone_lists_nothing(self):
        # 01:00 UTC on 9 November is still 8 November (20:00) in New York
        plan = CommunicationPlan([daily(timezone=NEW_YORK, at="00:00")])
        as_of = pendulum.datetime(2026, 11, 9, 1, tz="UTC")
        assert () == plan_status(plan, [], since="2026-11-09", as_of=as_of, horizon_days=0)

    def test_as_of_at_a_plain_utc_offset_keeps_its_offset_over_the_horizon(self):
        # pendulum's own arithmetic would drop a plain datetime.timezone and shift the time
        minus_five = dt.timezone(dt.timedelta(hours=-5))
        as_of = pendulum.DateTime(2026, 11, 6, 22, tzinfo=minus_five)  # 03:00 UTC on 7 November
        plan = CommunicationPlan([weekly(timezone=NEW_YORK)])
        assert [
            ("2026-11-06T17:00:00-05:00", "due", None),
            ("2026-11-13T17:00:00-05:00", "due", None),
        ] == states(plan_status(plan, [], since="2026-11-06", as_of=as_of, horizon_days=7))
        assert [
            [("2026-11-13T17:00:00-05:00", "due", None)],
            [],
            [
                (
                    "plan_status().since: expected a date on or before 2026-11-13 (the date of "
                    "as_of plus horizon_days, in as_of's zone), got 2026-11-14"
                )
            ],
        ] == [
            states(plan_status(plan, [], since="2026-11-13", as_of=as_of, horizon_days=7)),
            states(plan_status(plan, [], since=as_of, as_of=as_of, horizon_days=0)),
            problems(plan_status, plan, [], since="2026-11-14", as_of=as_of, horizon_days=7),
        ]

    def test_unknown_cadence_lists_the_known_ids_sorted(self):
        plan = CommunicationPlan([weekly(), daily()])
        with pytest.raises(UnknownReferenceError) as info:
            plan_status(plan, [report("I1", sh(2026, 11, 6), cadence="x")], since="2026-11-02",
                        as_of=sh(2026, 11, 7))  # fmt: skip
        assert ["Interaction 'I1'.cadence: no cadence 'x' in the plan (known: d, w)"] == [
            str(p) for p in info.value.problems
        ]

    def test_unknown_cadence_in_an_empty_plan(self):
        with pytest.raises(UnknownReferenceError) as info:
            plan_status(CommunicationPlan(), [report("I1", sh(2026, 11, 6), cadence="x")],
                        since="2026-11-02", as_of=sh(2026, 11, 7))  # fmt: skip
        assert "Interaction 'I1'.cadence: no cadence 'x' in the plan (known: none)" == str(
            info.value
        )

    def test_overdue_only_after_the_grace_period_ends(self):
        plan = CommunicationPlan([weekly()])
        end_of_grace = sh(2026, 11, 7, 17)
        assert [
            [("2026-11-06T17:00:00+08:00", "due", None)],
            [("2026-11-06T17:00:00+08:00", "overdue", None)],
        ] == [
            states(plan_status(plan, [], since="2026-11-06", as_of=at, horizon_days=0))
            for at in (end_of_grace, end_of_grace + MICRO)
        ]

    def test_since_as_an_instant_is_inclusive(self):
        plan = CommunicationPlan([weekly()])
        at = sh(2026, 11, 6, 17)
        as_of = sh(2026, 11, 7, 12)
        assert [[("2026-11-06T17:00:00+08:00", "due", None)], []] == [
            states(plan_status(plan, [], since=since, as_of=as_of, horizon_days=0))
            for since in (at, at + MICRO)
        ]

    def test_since_a_date_starts_at_midnight_in_the_cadence_zone(self):
        plan = CommunicationPlan([daily(at="00:00", timezone=SHANGHAI)])
        got = plan_status(plan, [], since="2026-11-06", as_of=sh(2026, 11, 6, 1), horizon_days=0)
        assert [("2026-11-06T00:00:00+08:00", "due", None)] == states(got)

    def test_occurrences_before_since_are_left_out(self):
        plan = CommunicationPlan([weekly()])
        got = plan_status(plan, [], since="2026-11-10", as_of=sh(2026, 11, 14), horizon_days=0)
        assert [("2026-11-13T17:00:00+08:00", "due", None)] == states(got)

    def test_a_cadence_starting_on_the_last_day(self):
        # 07:00 in Shanghai is still 5 November in UTC
        plan = CommunicationPlan([daily(at="06:00", start="2026-11-06")])
        got = plan_status(plan, [], since="2026-11-06", as_of=sh(2026, 11, 6, 7), horizon_days=0)
        assert [("2026-11-06T06:00:00+08:00", "due", None)] == states(got)

    def test_a_cadence_starting_after_the_horizon(self):
        plan = CommunicationPlan([weekly(start="2027-01-01"), daily(end="2026-11-02")])
        got = plan_status(plan, [], since="2026-11-01", as_of=sh(2026, 11, 20))
        assert [("2026-11-02T09:30:00+08:00", "overdue", None)] == states(got)

    def test_horizon_defaults_to_seven_days_and_is_inclusive(self):
        plan = CommunicationPlan([daily()])
        as_of = sh(2026, 11, 9, 9, 30)
        week = ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"]
        assert [
            [*week, "2026-11-16"],
            [*week, "2026-11-16"],
            ["2026-11-09", "2026-11-10"],
            ["2026-11-09"],
        ] == [
            [s.at.to_date_string() for s in found]
            for found in (
                plan_status(plan, [], since="2026-11-09", as_of=as_of),
                plan.status([], since="2026-11-09", as_of=as_of),
                plan.status([], since="2026-11-09", as_of=as_of, horizon_days=1),
                plan.status([], since="2026-11-09", as_of=as_of - MICRO, horizon_days=1),
            )
        ]

    def test_sorted_by_instant_then_cadence_id(self):
        b = Cadence.weekly("b", "B", weekday="friday", at="17:00", timezone=SHANGHAI,
                           start="2026-11-02")  # fmt: skip
        a = Cadence.weekly("a", "A", weekday="friday", at="09:00", timezone="UTC",
                           start="2026-11-02")  # fmt: skip
        plan = CommunicationPlan([b, a])
        got = plan_status(plan, [], since="2026-11-02", as_of=sh(2026, 11, 14), horizon_days=0)
        assert [
            ("a", "2026-11-06T09:00:00+00:00"),
            ("b", "2026-11-06T17:00:00+08:00"),
            ("a", "2026-11-13T09:00:00+00:00"),
            ("b", "2026-11-13T17:00:00+08:00"),
        ] == [(s.cadence, s.at.isoformat()) for s in got]

    def test_the_result_is_a_tuple_of_statuses(self):
        plan = CommunicationPlan([weekly()])
        got = plan.status([report("I1", sh(2026, 11, 6, 18))], since="2026-11-06",
                          as_of=sh(2026, 11, 6, 18), horizon_days=0)  # fmt: skip
        assert (OccurrenceStatus("w", sh(2026, 11, 6, 17), OccurrenceState.DONE, "I1"),) == got


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
