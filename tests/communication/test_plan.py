"""The communication plan (D11): the plan, the status of its occurrences, matching.

The calendar used throughout: 2 November 2026 is a Monday, 6 November 2026 a
Friday, and 1 March 2027 a Monday (so March 2027 has five Mondays). Shanghai is
UTC+8 all year; New York is UTC-5 after 1 November 2026.
"""

import datetime as dt

import pendulum
import pytest
from hypothesis import given, strategies as st

from clientpm.communication import (
    Cadence,
    CommunicationPlan,
    OccurrenceState,
    OccurrenceStatus,
    plan_status,
)
from clientpm.errors import UnknownReferenceError
from tests.helpers import (
    MICRO,
    NEW_YORK,
    SHANGHAI,
    daily,
    emailed_report,
    friday_cadence,
    message,
    problems,
    report,
    sh,
    weekly,
)
from tests.strategies import weekly_cadences


# -- status ---------------------------------------------------------------------
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


def test_duplicate_cadence_ids():
    assert "CommunicationPlan.cadences: lists 'weekly-report' more than once" == message(
        CommunicationPlan, [friday_cadence(), friday_cadence(weekday="monday")]
    )


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


def states(statuses) -> list[tuple[str, str, str | None]]:
    return [(s.at.isoformat(), str(s.status), s.interaction) for s in statuses]


class TestChoices:
    def test_occurrence_status_str(self):
        at = sh(2026, 11, 6, 17)
        assert [
            "w 2026-11-06T17:00:00+08:00: overdue",
            "w 2026-11-06T17:00:00+08:00: done (I1)",
        ] == [
            str(OccurrenceStatus("w", at, OccurrenceState.OVERDUE)),
            str(OccurrenceStatus("w", at, OccurrenceState.DONE, "I1")),
        ]


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

    def test_lookup_names_the_known_ids_sorted(self):
        plan = CommunicationPlan([weekly(), daily()])
        assert (weekly(), daily()) == (plan.cadence("w"), plan.cadence("d"))
        with pytest.raises(UnknownReferenceError) as info:
            plan.cadence("x")
        assert ["CommunicationPlan: no cadence 'x' (known: d, w)"] == [
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
