"""Cadences (D11): construction and checks, the rule, occurrences across DST.

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
    Cadence,
    CommunicationKind,
    Frequency,
    OccurrenceState,
    occurrences,
)
from clientpm.enums import Channel
from tests.helpers import (
    MICRO,
    NEW_YORK,
    SHANGHAI,
    daily,
    emailed_report,
    friday_cadence,
    message,
    problems,
    sh,
    weekly,
)
from tests.strategies import cadence_days, weekly_cadences


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


def monthly(**changes: object) -> Cadence:
    fields = {"at": "10:00", "timezone": "UTC", "start": "2027-01-01", **changes}
    return Cadence.monthly("m", "Monthly review", **fields)  # type: ignore[arg-type]


def cadence(**changes: object) -> Cadence:
    """The full constructor, a valid weekly cadence unless changed."""
    fields = {
        "id": "c", "title": "Call", "kind": "call", "channel": "phone", "timezone": "UTC",
        "frequency": "weekly", "at": "10:00", "start": "2027-01-01", "weekday": "monday",
        **changes,
    }  # fmt: skip
    return Cadence(**fields)  # type: ignore[arg-type]


def cadence_problems(**changes: object) -> list[str]:
    return problems(cadence, **changes)


class TestChoices:
    def test_str_is_the_value(self):
        assert ["report", "daily", "overdue"] == [
            str(CommunicationKind.REPORT),
            str(Frequency.DAILY),
            str(OccurrenceState.OVERDUE),
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
