"""The communication plan (D11): cadences, occurrences across DST, status, action items."""

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given, strategies as st

from clientpm.communication.cadence import (
    WEEKDAYS,
    ActionItem,
    Cadence,
    CommunicationKind,
    CommunicationPlan,
    Frequency,
    Interaction,
    OccurrenceState,
    OccurrenceStatus,
    occurrences,
    open_action_items,
    plan_status,
)
from clientpm.enums import Channel
from clientpm.errors import UnknownReferenceError, ValidationError

SHANGHAI = "Asia/Shanghai"


def weekly(weekday="friday", at="17:00", timezone=SHANGHAI, start="2026-01-01", **kw) -> Cadence:
    return Cadence.weekly(
        "weekly-report", "Weekly report", weekday=weekday, at=at, timezone=timezone,
        start=start, **kw,
    )  # fmt: skip


def iso(moments) -> list[str]:
    return [m.isoformat() for m in moments]


# -- construction ----------------------------------------------------------------
def test_weekly_constructor_fills_the_fields():
    c = weekly(audience=["li.wei"])
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
    assert "friday" == weekly(weekday=pendulum.WeekDay.FRIDAY).weekday
    assert "friday" == weekly(weekday=" Friday ").weekday


def test_monthly_week_accepts_words():
    c = Cadence.monthly(
        "m", "Monthly", week="last", weekday="friday", at="10:00", timezone="UTC",
        start="2027-01-01",
    )  # fmt: skip
    assert -1 == c.week
    assert "the last Friday of each month at 10:00 (UTC)" == c.rule


# -- occurrences: known answers ---------------------------------------------------
def test_weekly_friday_in_shanghai_in_november_2026():
    c = weekly()
    assert [
        "2026-11-06T17:00:00+08:00",
        "2026-11-13T17:00:00+08:00",
        "2026-11-20T17:00:00+08:00",
        "2026-11-27T17:00:00+08:00",
    ] == iso(occurrences(c, pendulum.date(2026, 11, 1), pendulum.date(2026, 11, 30)))
    assert SHANGHAI == occurrences(c, "2026-11-01", "2026-11-07")[0].timezone_name


def test_range_bounds_are_inclusive_instants():
    c = weekly()
    at = pendulum.datetime(2026, 11, 6, 17, tz=SHANGHAI)
    assert [at] == list(occurrences(c, at, at))
    assert () == occurrences(c, at.add(microseconds=1), at.add(days=6))


def test_aware_bounds_in_another_zone_are_compared_as_instants():
    c = weekly()
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
    c = weekly(start="2026-11-10", end="2026-11-20")
    assert ["2026-11-13", "2026-11-20"] == [
        m.to_date_string() for m in occurrences(c, "2026-11-01", "2026-12-31")
    ]


# -- daylight saving ------------------------------------------------------------
def test_new_york_keeps_17_00_across_both_dst_changes():
    c = weekly(timezone="America/New_York")
    spring = occurrences(c, "2026-03-01", "2026-03-14")
    autumn = occurrences(c, "2026-10-25", "2026-11-07")
    assert ["2026-03-06T17:00:00-05:00", "2026-03-13T17:00:00-04:00"] == iso(spring)
    assert ["2026-10-30T17:00:00-04:00", "2026-11-06T17:00:00-05:00"] == iso(autumn)
    # the same wall time, so the UTC hour moves
    assert [22, 21, 21, 22] == [m.in_timezone("UTC").hour for m in (*spring, *autumn)]


def test_london_keeps_17_00_across_both_dst_changes():
    c = weekly(timezone="Europe/London")
    assert [
        "2026-03-27T17:00:00+00:00",
        "2026-04-03T17:00:00+01:00",
        "2026-10-23T17:00:00+01:00",
        "2026-10-30T17:00:00+00:00",
    ] == iso(
        (*occurrences(c, "2026-03-22", "2026-04-04"), *occurrences(c, "2026-10-18", "2026-10-31"))
    )


def test_a_time_in_the_spring_forward_gap_moves_forward_by_the_gap():
    c = weekly(weekday="sunday", at="02:30", timezone="America/New_York")
    assert [
        "2026-03-01T02:30:00-05:00",
        "2026-03-08T03:30:00-04:00",  # 02:30 does not exist that day
        "2026-03-15T02:30:00-04:00",
    ] == iso(occurrences(c, "2026-03-01", "2026-03-15"))


def test_an_ambiguous_fall_back_time_is_taken_in_standard_time():
    c = weekly(weekday="sunday", at="01:30", timezone="America/New_York")
    assert ["2026-11-01T01:30:00-05:00"] == iso(occurrences(c, "2026-11-01", "2026-11-01"))


# -- status ---------------------------------------------------------------------
def report(id, at, cadence="weekly-report", **kw) -> Interaction:
    return Interaction(
        id=id, kind="report", channel="email", at=at, summary=f"Report {id}", cadence=cadence,
        **kw,
    )  # fmt: skip


def test_plan_status_done_overdue_due():
    plan = CommunicationPlan([weekly(start="2026-11-02")])
    log = [
        report("I1", "2026-11-06T17:30:00+08:00"),
        report("I2", "2026-11-12T09:00:00+08:00"),  # 32 h early: outside the grace
        report("I9", "2026-11-21T12:00:00+08:00"),  # after as_of: not yet known
    ]
    as_of = pendulum.datetime(2026, 11, 21, 10, tz=SHANGHAI)
    assert [
        "weekly-report 2026-11-06T17:00:00+08:00: done (I1)",
        "weekly-report 2026-11-13T17:00:00+08:00: overdue",
        "weekly-report 2026-11-20T17:00:00+08:00: due",  # grace runs until 21 Nov 17:00
        "weekly-report 2026-11-27T17:00:00+08:00: due",  # within the next 7 days
    ] == [str(s) for s in plan_status(plan, log, since="2026-11-01", as_of=as_of)]


def test_status_carries_cadence_instant_state_and_interaction():
    plan = CommunicationPlan([weekly(start="2026-11-02")])
    as_of = pendulum.datetime(2026, 11, 7, tz=SHANGHAI)
    (first, *_) = plan.status(
        [report("I1", "2026-11-06T16:00:00+08:00")], since="2026-11-02", as_of=as_of
    )
    expected = OccurrenceStatus(
        "weekly-report", pendulum.datetime(2026, 11, 6, 17, tz=SHANGHAI), OccurrenceState.DONE,
        "I1",
    )  # fmt: skip
    assert expected == first


def test_grace_bounds_are_inclusive():
    plan = CommunicationPlan([weekly(start="2026-11-02", grace_hours=2)])
    as_of = pendulum.datetime(2026, 11, 30, tz=SHANGHAI)
    log = [report("I1", "2026-11-06T19:00:00+08:00"), report("I2", "2026-11-13T14:59:00+08:00")]
    states = [s.status for s in plan_status(plan, log, since="2026-11-02", as_of=as_of)[:2]]
    assert [OccurrenceState.DONE, OccurrenceState.OVERDUE] == states


def test_an_interaction_fulfils_one_occurrence_only():
    standup = Cadence.daily(
        "standup", "Stand-up", at="09:30", timezone=SHANGHAI, start="2026-11-02", grace_hours=24
    )
    plan = CommunicationPlan([standup])
    # Monday 20:00 is within the grace of both Monday's and Tuesday's stand-up
    log = [report("I1", "2026-11-02T20:00:00+08:00", cadence="standup")]
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
    plan = CommunicationPlan([weekly(start="2026-11-01"), monthly])
    as_of = pendulum.datetime(2026, 11, 3, 12, tz=SHANGHAI)
    assert [
        ("steering", "2026-11-02T10:00:00+08:00", OccurrenceState.OVERDUE),
        ("weekly-report", "2026-11-06T17:00:00+08:00", OccurrenceState.DUE),
    ] == [
        (s.cadence, s.at.isoformat(), s.status)
        for s in plan_status(plan, [], since="2026-11-01", as_of=as_of)
    ]


def test_interaction_naming_an_unknown_cadence_is_refused():
    plan = CommunicationPlan([weekly()])
    with pytest.raises(UnknownReferenceError) as e:
        plan_status(
            plan, [report("I1", "2026-11-06T17:00:00+08:00", cadence="weekly")],
            since="2026-11-01", as_of=pendulum.datetime(2026, 11, 30, tz="UTC"),
        )  # fmt: skip
    assert (
        "Interaction 'I1'.cadence: no cadence 'weekly' in the plan (known: weekly-report)"
        == str(e.value)
    )


def test_plan_lookup():
    plan = CommunicationPlan([weekly()])
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


# -- bad input ----------------------------------------------------------------
def message(fn, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as e:
        fn(*args, **kwargs)
    return str(e.value)


def test_unknown_timezone():
    assert (
        "Cadence 'weekly-report'.timezone: expected an IANA zone name such as "
        "'Asia/Shanghai', got str 'Mars/Olympus'" == message(weekly, timezone="Mars/Olympus")
    )


def test_fixed_offset_is_not_a_time_zone():
    assert "got str '+08:00'" in message(weekly, timezone="+08:00")


def test_misspelt_weekday():
    assert (
        "Cadence 'weekly-report'.weekday: expected a day name such as 'friday' "
        "(monday to sunday), got str 'fryday'" == message(weekly, weekday="fryday")
    )


def test_impossible_time():
    assert (
        "Cadence 'weekly-report'.at: expected a local time of day 'HH:MM' or 'HH:MM:SS' "
        "from 00:00 to 23:59:59, got str '25:00'" == message(weekly, at="25:00")
    )


def test_end_before_start():
    assert (
        "Cadence 'weekly-report'.end: expected a date on or after start (2026-11-10), "
        "got 2026-11-01" == message(weekly, start="2026-11-10", end="2026-11-01")
    )


def test_range_end_before_start():
    assert (
        "occurrences(Cadence 'weekly-report').end: expected a time at or after start "
        "(2026-11-10T00:00:00+08:00), got 2026-11-01T23:59:59.999999+08:00"
        == message(occurrences, weekly(), "2026-11-10", "2026-11-01")
    )


def test_naive_datetime_is_refused():
    naive = dt.datetime(2026, 11, 1, 9)
    assert (
        "occurrences(Cadence 'weekly-report').start: expected a date or a time-zone-aware "
        "date and time, got naive datetime datetime.datetime(2026, 11, 1, 9, 0); attach a "
        "zone, e.g. pendulum.datetime(..., tz='UTC')"
        == message(occurrences, weekly(), naive, "2026-11-30")
    )
    assert (
        "Interaction 'I1'.at: expected a time-zone-aware date and time, got naive DateTime "
        "2026-11-01T09:00:00; attach a zone, e.g. pendulum.datetime(..., tz='Asia/Shanghai')"
        == message(report, "I1", pendulum.naive(2026, 11, 1, 9))
    )


def test_duplicate_cadence_ids():
    assert "CommunicationPlan.cadences: lists 'weekly-report' more than once" == message(
        CommunicationPlan, [weekly(), weekly(weekday="monday")]
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
    text = message(weekly, weekday="fryday", at="25:00", timezone="Mars/Olympus")
    assert text.startswith("3 problems:")


def test_duplicate_action_item_ids():
    item = ActionItem(id="A1", text="Send", owner="pm", due="2026-11-05")
    assert "Interaction 'I1'.action_items: lists 'A1' more than once" == message(
        report, "I1", "2026-11-03T10:00:00+08:00", action_items=[item, item]
    )


# -- properties ------------------------------------------------------------------
ZONES = ["America/New_York", "Europe/London", SHANGHAI, "UTC"]
# 01:00-02:59 is left out: it may not exist (spring forward) in New York or London
HOURS = [h for h in range(24) if h not in (1, 2)]

cadences = st.builds(
    lambda weekday, hour, minute, zone: weekly(
        weekday=weekday, at=f"{hour:02d}:{minute:02d}", timezone=zone, start="2020-01-01"
    ),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(HOURS),
    st.integers(0, 59),
    st.sampled_from(ZONES),
)
days = st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)


@given(cadences, days, st.integers(0, 400), st.booleans())
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


@given(cadences, days, st.integers(1, 60))
def test_n_whole_weeks_hold_n_weekly_occurrences(cadence, first, weeks):
    last = first.add(days=7 * weeks - 1)
    assert weeks == len(occurrences(cadence, first, last))


@given(
    cadences,
    st.lists(st.integers(0, 60 * 24 * 40), max_size=12),
    st.integers(0, 96),
)
def test_each_interaction_fulfils_at_most_one_occurrence(cadence, minutes, grace):
    cadence = weekly(
        weekday=cadence.weekday, at=cadence.at, timezone=cadence.timezone, start="2026-01-01",
        grace_hours=grace,
    )  # fmt: skip
    origin = pendulum.datetime(2026, 1, 1, tz="UTC")
    log = [report(f"I{n}", origin.add(minutes=m)) for n, m in enumerate(minutes)]
    as_of = origin.add(days=40)
    statuses = plan_status(CommunicationPlan([cadence]), log, since="2026-01-01", as_of=as_of)
    used = [s.interaction for s in statuses if s.interaction is not None]
    assert len(set(used)) == len(used)
    assert all((s.interaction is not None) == (s.status is OccurrenceState.DONE) for s in statuses)


def test_plan_status_checks_its_arguments():
    plan = CommunicationPlan([weekly()])
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
