"""The schedule: critical path, duration rule, tables, look-ups and what-ifs."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import (
    Milestone,
    Money,
    Project,
    Requirement,
    Stakeholder,
    UnknownReferenceError,
    ValidationError,
)
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.result import Schedule, schedule
from tests.helpers import failure
from tests.strategies import milestone_plans

TZ = "Asia/Shanghai"


AT = pendulum.datetime(2026, 1, 5, 9, tz=TZ)


MONDAY = pendulum.date(2026, 1, 5)


CLIENT = cpm.Stakeholder(id="li.wei", name="Li Wei", role=cpm.Role.SPONSOR)


PM = cpm.Stakeholder(id="chen.jie", name="Chen Jie", role=cpm.Role.PROJECT_MANAGER)


def make_project(milestones, requirements=(), *, calendar=None, capacity=1, start=MONDAY, **kw):
    return cpm.Project(
        key="T",
        name="Test",
        client=CLIENT,
        stakeholders=[PM],
        currency="CNY",
        budget=cpm.Money("100000", "CNY"),
        day_rate=cpm.Money("1000", "CNY"),
        start=start,
        calendar=calendar or cpm.WorkCalendar(timezone=TZ),
        daily_capacity=capacity,
        milestones=milestones,
        requirements=requirements,
        **kw,
    )


def signed(rid, days, **kw):
    r = cpm.Requirement(id=rid, title=rid, estimate_days=days, acceptance_criteria=["ok"], **kw)
    return r.sign_off(by="li.wei", at=AT)


# The textbook example: A(3) -> B(4) -> D(5) -> F(2), A -> C(2) -> E(1) -> F.
# ES/EF/LS/LF in working days: A 0/3/0/3, B 3/7/3/7, C 3/5/9/11, D 7/12/7/12,
# E 5/6/11/12, F 12/14/12/14; slack C = E = 6, the rest 0; critical A-B-D-F.
TEXTBOOK = [
    ("A", 3, []),
    ("B", 4, ["A"]),
    ("C", 2, ["A"]),
    ("D", 5, ["B"]),
    ("E", 1, ["C"]),
    ("F", 2, ["D", "E"]),
]


PROJECT_END = pendulum.date(2026, 1, 22)  # working day 13 counting Monday 5 January as 0


def textbook():
    stones = [
        cpm.Milestone(id=i, title=i, due=PROJECT_END, duration_days=d, depends_on=deps)
        for i, d, deps in TEXTBOOK
    ]
    return make_project(list(reversed(stones)))  # the order of the plan does not matter


def workday(n):
    """Working day ``n`` of the textbook plan (0 = Monday 5 January 2026)."""
    return cpm.WorkCalendar().add_workdays(MONDAY, n)


class TestTextbookCriticalPath:
    @pytest.mark.parametrize(
        ("mid", "es", "ef", "ls", "lf", "slack"),
        [
            ("A", 0, 3, 0, 3, 0),
            ("B", 3, 7, 3, 7, 0),
            ("C", 3, 5, 9, 11, 6),
            ("D", 7, 12, 7, 12, 0),
            ("E", 5, 6, 11, 12, 6),
            ("F", 12, 14, 12, 14, 0),
        ],
    )
    def test_dates_and_slack(self, mid, es, ef, ls, lf, slack):
        """Earliest/latest start and finish and slack match the hand computation."""
        f = schedule(textbook())[mid]
        assert (workday(es), workday(ef - 1)) == (f.earliest_start, f.earliest_finish)
        assert (workday(ls), workday(lf - 1)) == (f.latest_start, f.latest_finish)
        assert slack == f.slack_days

    def test_critical_path(self):
        """The zero-slack chain A-B-D-F is the critical path, in dependency order."""
        plan = schedule(textbook())
        assert ("A", "B", "D", "F") == plan.critical_path
        assert pendulum.date(2026, 1, 22) == plan.finish

    def test_due_date_earlier_than_forecast_gives_negative_slack(self):
        """A due date one working day before the forecast makes the chain -1 slack."""
        p = textbook()
        early = p.milestone("F").reschedule(pendulum.date(2026, 1, 21), by="li.wei", at=AT,
                                            why="earlier")  # fmt: skip
        plan = schedule(p.replace(early))
        assert -1 == plan.slack("A") == plan["F"].slack_days
        assert 1 == plan["F"].days_late
        assert ("F",) == plan.late()


class TestDurationRule:
    def test_effort_over_capacity_rounds_up(self):
        """7 person-days at 2 a day take 4 working days."""
        p = make_project(
            [cpm.Milestone(id="M", title="M", due="2026-02-27", deliverables=["R1", "R2"])],
            [signed("R1", 3), signed("R2", "4")],
            capacity=2,
        )
        f = schedule(p)["M"]
        assert (4, cpm.Money("0", "CNY").amount + 7) == (f.duration_days, f.remaining_effort_days)
        assert pendulum.date(2026, 1, 8) == f.earliest_finish

    def test_explicit_duration_wins(self):
        """duration_days overrides the effort of the deliverables."""
        m = cpm.Milestone(id="M", title="M", due="2026-02-27", deliverables=["R1"], duration_days=2)
        assert 2 == schedule(make_project([m], [signed("R1", 30)]))["M"].duration_days

    def test_done_and_removed_work_counts_zero_as_of(self):
        """Work done on or before as_of and removed work count 0; later completions count."""
        done = signed("R1", 5).complete(by="chen.jie", at=pendulum.datetime(2026, 1, 9, 17, tz=TZ))
        gone = signed("R2", 4).revise(
            by="li.wei", at=AT, why="cut", status=cpm.RequirementStatus.REMOVED
        )
        p = make_project(
            [cpm.Milestone(id="M", title="M", due="2026-02-27", deliverables=["R1", "R2", "R3"])],
            [done, gone, signed("R3", 2)],
        )
        assert 2 == schedule(p, as_of=pendulum.date(2026, 1, 9))["M"].duration_days
        assert 7 == schedule(p, as_of=pendulum.date(2026, 1, 8))["M"].duration_days
        assert 2 == schedule(p)["M"].duration_days  # as recorded

    def test_as_of_datetime_is_read_in_the_calendar_zone(self):
        """17:00 UTC on the 9th is already the 10th in Shanghai: completion at 20:00 counts."""
        done = signed("R1", 5).complete(by="chen.jie", at=pendulum.datetime(2026, 1, 10, 1, tz=TZ))
        p = make_project(
            [cpm.Milestone(id="M", title="M", due="2026-02-27", deliverables=["R1"])], [done]
        )
        assert (
            0 == schedule(p, as_of=pendulum.datetime(2026, 1, 9, 18, tz="UTC"))["M"].duration_days
        )
        assert (
            5 == schedule(p, as_of=pendulum.datetime(2026, 1, 9, 16, tz="UTC"))["M"].duration_days
        )

    def test_delivered_milestone_finishes_on_its_delivery_day(self):
        """A delivered milestone is fixed at its actual date and holds its successors to it."""
        m1 = cpm.Milestone(id="M1", title="M1", due="2026-01-09", duration_days=3).deliver(
            by="chen.jie", at=pendulum.datetime(2026, 1, 14, 17, tz=TZ)
        )
        m2 = cpm.Milestone(
            id="M2", title="M2", due="2026-01-30", duration_days=2, depends_on=["M1"]
        )
        plan = schedule(make_project([m1, m2]), as_of=pendulum.date(2026, 1, 12))
        assert not plan["M1"].finished  # delivered after as_of: not yet, as of then
        plan = schedule(make_project([m1, m2]), as_of=pendulum.date(2026, 1, 15))
        f = plan["M1"]
        assert (True, pendulum.date(2026, 1, 14), 0) == (f.finished, f.earliest_finish, 0)
        assert pendulum.date(2026, 1, 16) == plan["M2"].earliest_finish
        assert "M1" not in plan.critical_path

    def test_work_starts_on_as_of(self):
        """Remaining work starts on the first working day on or after as_of."""
        p = make_project([cpm.Milestone(id="M", title="M", due="2026-02-27", duration_days=1)])
        plan = schedule(p, as_of=pendulum.date(2026, 1, 10))  # a Saturday
        assert pendulum.date(2026, 1, 12) == plan.start == plan["M"].earliest_finish

    def test_holidays_and_make_up_days(self):
        """Durations skip holidays and use make-up working days (China's 调休)."""
        cal = cpm.WorkCalendar(
            timezone=TZ,
            holidays=[pendulum.date(2025, 10, d) for d in (1, 2, 3, 6, 7, 8)],
            extra_workdays=[pendulum.date(2025, 9, 28), pendulum.date(2025, 10, 11)],
        )
        p = make_project(
            [cpm.Milestone(id="M", title="M", due="2025-10-31", duration_days=4)],
            calendar=cal,
            start=pendulum.date(2025, 9, 30),
        )
        assert pendulum.date(2025, 10, 11) == schedule(p)["M"].earliest_finish


class TestSample:
    def test_sample_forecasts(self):
        """The sample plan as of 24 November 2026: forecast vs due vs baseline for each."""
        plan = schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        got = [(f.id, str(f.earliest_finish), f.slack_days, f.days_late) for f in plan.forecasts()]
        assert [
            ("M1", "2026-11-12", 1, -1),
            ("M2", "2026-11-30", 14, -14),
            ("M3", "2026-12-18", 24, -24),
            ("M4", "2026-12-28", 39, -39),
        ] == got


def snapshot(plan):
    return {
        f.id: (f.earliest_finish, f.latest_finish, f.slack_days, f.days_late, f.critical)
        for f in plan.forecasts()
    }


def assert_matches(change, before, after_plan):
    """The incremental change lists exactly what a full recompute says changed."""
    after = snapshot(after_plan)
    changed = {k for k in after if after[k] != before[k]}
    assert changed <= {c.id for c in change.changes}
    for c in change.changes:
        a, b = before[c.id], after[c.id]
        assert (b[0], b[2], b[3], b[4]) == (c.new_finish, c.new_slack_days, c.days_late, c.critical)
        assert (a[0], a[2], a[4]) == (c.old_finish, c.old_slack_days, c.was_critical)
    assert after_plan.finish == change.new_finish
    assert any(after[k][4] != before[k][4] for k in after) == change.critical_path_changed


class TestIncrementalEqualsFull:
    @given(milestone_plans(), st.data())
    def test_what_if(self, plan_and_date, data):
        """what_if(m, d) agrees with recomputing the plan where m takes d more days."""
        project, as_of = plan_and_date
        plan = schedule(project, as_of=as_of)
        open_ids = [f.id for f in plan.forecasts() if not f.finished]
        if not open_ids:
            return
        mid = data.draw(st.sampled_from(open_ids))
        m = project.milestone(mid)
        extra = data.draw(st.integers(-m.duration_days, 8))
        change = plan.what_if(mid, extra)
        # a plan built anew (a milestone delivered after as_of is part of the record,
        # which replace() keeps; the what-if is about the plan, so build the plan again)
        longer = attrs.evolve(m, duration_days=m.duration_days + extra)
        bigger = attrs.evolve(
            project, milestones=[longer if x.id == mid else x for x in project.milestones]
        )
        assert_matches(change, snapshot(plan), schedule(bigger, as_of=as_of))

    @given(milestone_plans(), st.data())
    def test_several_durations_and_due_dates(self, plan_and_date, data):
        """simulate() with several slips and moved due dates agrees with a full recompute."""
        project, as_of = plan_and_date
        plan = schedule(project, as_of=as_of)
        open_ids = [f.id for f in plan.forecasts() if not f.finished]
        picks = data.draw(
            st.lists(st.sampled_from(open_ids), unique=True, max_size=3)
            if open_ids
            else st.just([])
        )
        extra = {mid: data.draw(st.integers(0, 5)) for mid in picks}
        moved = data.draw(st.lists(st.sampled_from(list(plan)), unique=True, max_size=2))
        due = {mid: MONDAY.add(days=data.draw(st.integers(0, 40))) for mid in moved}
        change = plan.simulate(extra_days=extra, due=due)
        new = [
            attrs.evolve(
                m, duration_days=m.duration_days + extra.get(m.id, 0), due=due.get(m.id, m.due)
            )
            for m in project.milestones
        ]
        # A finished milestone is not rescheduled: build the project the plan describes.
        simulated = attrs.evolve(project, milestones=new)
        assert_matches(change, snapshot(plan), schedule(simulated, as_of=as_of))

    def test_slack_stops_the_slip(self):
        """A slip absorbed by slack visits the successor and stops there."""
        plan = schedule(textbook())
        change = plan.what_if("C", 4)  # C has 6 days of slack
        assert [("C", 4), ("E", 4)] == [(c.id, c.slip_days) for c in change.moves]
        assert 0 == change.finish_slip_days
        assert () == change.breaches
        long = plan.what_if("C", 7)
        assert [("C", 7), ("E", 7), ("F", 1)] == [(c.id, c.slip_days) for c in long.moves]
        assert ("F",) == long.breaches
        assert long.critical_path_changed
        assert {"C", "E"} <= set(long.newly_critical)

    def test_visits_only_what_moves_in_a_long_plan(self):
        """In a 2,000-milestone chain, a slip that slack absorbs looks at a few milestones."""
        n = 2000
        far = MONDAY.add(days=4000)
        stones = [
            cpm.Milestone(
                id=f"M{i}",
                title="m",
                due=far,
                duration_days=1,
                depends_on=[f"M{i - 1}"] if i else [],
            )
            for i in range(n)
        ]
        side = cpm.Milestone(id="S", title="side", due=far, duration_days=1, depends_on=["M10"])
        stones[20] = attrs.evolve(stones[20], depends_on=["M19", "S"])  # S has 8 days of float
        plan = schedule(make_project([*stones, side]))
        absorbed = plan.what_if("S", 5)
        assert [("S", 5)] == [(c.id, c.slip_days) for c in absorbed.moves]
        assert absorbed.visited <= 5
        through = plan.what_if("S", 9)
        assert [("S", 9), ("M20", 1), ("M21", 1)] == [(c.id, c.slip_days) for c in through.moves][
            :3
        ]
        assert 1 == through.finish_slip_days
        assert through.visited < n + 10


class TestBadInput:
    def test_unknown_milestone(self):
        """An unknown id names the known ones."""
        with pytest.raises(cpm.UnknownReferenceError) as info:
            schedule(textbook()).what_if("Z", 1)
        assert "Schedule.what_if: has no milestone 'Z' (known: A, B, C, D, E, F)" == str(info.value)

    def test_duration_below_zero(self):
        """A milestone cannot shorten past zero."""
        with pytest.raises(cpm.ValidationError) as info:
            schedule(textbook()).what_if("C", -3)
        assert (
            "Schedule.what_if.extra_days: Milestone 'C' has 2 working days left, so it cannot "
            "shorten by 3"
        ) == str(info.value)

    def test_finished_milestone_cannot_slip(self):
        """The finish of a delivered milestone is a fact."""
        plan = schedule(cpm.sample_project(), as_of=SAMPLE_AS_OF)
        with pytest.raises(cpm.ValidationError) as info:
            plan.what_if("M1", 2)
        assert (
            "Schedule.what_if.extra_days: Milestone 'M1' is already delivered: its finish is a "
            "fact and cannot slip"
        ) == str(info.value)

    def test_not_a_whole_number(self):
        """Slips are whole working days."""
        with pytest.raises(cpm.ValidationError) as info:
            schedule(textbook()).what_if("C", 1.5)
        assert (
            "Schedule.what_if.extra_days: expected a whole number of working days for 'C', "
            "got float 1.5"
        ) == str(info.value)

    def test_not_a_project(self):
        """schedule() says what it expected."""
        with pytest.raises(cpm.ValidationError) as info:
            schedule({"key": "ACME"})
        assert "schedule.project: expected a clientpm.Project, got dict {'key': 'ACME'}" == str(
            info.value
        )

    def test_naive_as_of(self):
        """A naive date and time is refused."""
        import datetime as dt

        with pytest.raises(
            cpm.ValidationError, match=r"^schedule.as_of: expected a pendulum.Date or a time-zone"
        ):
            schedule(textbook(), as_of=dt.datetime(2026, 1, 5, 9))

    def test_schedule_never_changes_the_project(self):
        """Computing and querying a schedule leaves the project equal to itself."""
        p = cpm.sample_project()
        before = cpm.sample_project()
        schedule(p, as_of=SAMPLE_AS_OF).what_if("M2", 30)
        assert before == p


@pytest.fixture(scope="module")
def plan() -> Schedule:
    return schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)


def tiny(
    *milestones: Milestone, requirements: tuple[Requirement, ...] = (), capacity: int = 1
) -> Schedule:
    """A project starting Monday 2 November 2026, ``capacity`` person-days a working day."""
    project = Project(
        key="P",
        name="Tiny",
        client=Stakeholder(id="li.wei", name="Li Wei", role="sponsor"),
        currency="CNY",
        budget=Money(100_000, "CNY"),
        day_rate=Money(1_000, "CNY"),
        start="2026-11-02",
        requirements=requirements,
        milestones=milestones,
        daily_capacity=capacity,
    )
    return schedule(project)


def step(mid: str, days: int, *after: str) -> Milestone:
    return Milestone(id=mid, title=mid, due="2026-12-31", depends_on=after, duration_days=days)


class TestTable:
    def test_headers_title_and_caption(self, plan):
        t = plan.table()
        assert (
            "Milestone",
            "Earliest start",
            "Forecast finish",
            "Due",
            "Baseline due",
            "Slack (working days)",
            "Days late",
            "Critical",
        ) == t.headers
        assert ("Schedule as of 2026-11-24", "Start 2026-11-24, finish 2026-12-28") == (
            t.title,
            t.caption,
        )
        assert (
            "M2",
            "2026-11-24",
            "2026-11-30",
            "2026-12-18",
            "2026-12-18",
            "14",
            "-14",
            "no",
        ) == t.rows[1]

    def test_as_planned(self):
        t = schedule(cpm.sample_project()).table()
        assert "Schedule (as planned)" == t.title
        assert t.caption.startswith("Start 2026-11-")


class TestLookups:
    def test_unknown_requirement(self, plan):
        assert (
            "Schedule: has no requirement 'REQ-0' "
            "(known: REQ-1, REQ-2, REQ-3, REQ-4, REQ-5, REQ-6, REQ-7)"
        ) == failure(UnknownReferenceError, plan.remaining_effort, "REQ-0")

    def test_delivering(self):
        both = Requirement(id="R1", title="Shared", estimate_days=2)
        s = tiny(
            Milestone(id="A", title="A", due="2026-12-31", deliverables=["R1", "R2"]),
            Milestone(id="B", title="B", due="2026-12-31", deliverables=["R1"], depends_on=["A"]),
            requirements=(both, Requirement(id="R2", title="Own", estimate_days=1)),
        )
        assert (("A", "B"), ("A",), ()) == (
            s.delivering("R1"),
            s.delivering("R2"),
            s.delivering("R9"),
        )


class TestWhatIfEffort:
    def test_unknown_milestone(self, plan):
        assert "Schedule.what_if_effort: has no milestone 'M9' (known: M1, M2, M3, M4)" == failure(
            UnknownReferenceError, plan.what_if_effort, {"M9": 1}
        )

    def test_delivered_milestone(self, plan):
        assert (
            "Schedule.what_if_effort: Milestone 'M1' is already delivered: its work cannot change"
            == failure(ValidationError, plan.what_if_effort, {"M1": 1})
        )

    def test_effort_over_capacity_rounds_up(self, plan):
        # M2: 10 + 1 = 11 person-days at 2 a day: 6 working days instead of 5.
        assert 1 == plan.what_if_effort({"M2": 1}).change("M2").slip_days
        assert 1 == plan.what_if_effort({"M2": Decimal("0.5")}).change("M2").slip_days

    def test_removing_all_work_leaves_zero_days(self, plan):
        assert -5 == plan.what_if_effort({"M2": -10}).change("M2").slip_days
        assert -5 == plan.what_if_effort({"M2": -25}).change("M2").slip_days
        # 0.5 person-days left still take a (rounded-up) day.
        assert -4 == plan.what_if_effort({"M2": Decimal("-9.5")}).change("M2").slip_days

    def test_explicit_duration_adds_rounded_days(self):
        s = tiny(step("A", 3), step("B", 2, "A"))
        assert 2 == s.what_if_effort({"A": Decimal("1.5")}).change("A").slip_days
        assert -2 == s.what_if_effort({"A": -2}).change("A").slip_days
        assert -3 == s.what_if_effort({"A": -10}).change("A").slip_days
        # At 2 person-days a day, 3 more person-days take 2 more working days.
        doubled = tiny(step("A", 3), step("B", 2, "A"), capacity=2)
        assert 2 == doubled.what_if_effort({"A": 3}).change("A").slip_days

    def test_no_change_is_empty(self, plan):
        assert () == plan.what_if_effort({"M2": 0}).changes


class TestPropagation:
    def test_visits_the_slip_path_and_the_predecessors(self, plan):
        # Forward M2, M3, M4; backward M2 and its predecessor M1.
        assert 5 == plan.what_if("M2", 3).visited

    def test_a_join_is_visited_once(self):
        s = tiny(step("A", 1), step("B", 1, "A"), step("C", 1, "A"), step("D", 1, "B", "C"))
        change = s.simulate(extra_days={"B": 1, "C": 1})
        # Forward B, C, D; backward B, C and their shared predecessor A.
        assert 6 == change.visited
        assert (1, 1, 1) == tuple(change.change(m).slip_days for m in ("B", "C", "D"))


class TestMessages:
    def test_naive_status_time(self):
        naive = datetime.datetime(2026, 11, 24, 9)
        assert (
            "schedule.as_of: expected a pendulum.Date or a time-zone-aware pendulum.DateTime, "
            "got naive datetime datetime.datetime(2026, 11, 24, 9, 0)"
        ) == failure(ValidationError, lambda: schedule(cpm.sample_project(), as_of=naive))

    def test_unknown_milestone(self, plan):
        assert "Schedule: has no milestone 'M9' (known: M1, M2, M3, M4)" == failure(
            UnknownReferenceError, plan.__getitem__, "M9"
        )

    def test_unchanged_milestone(self, plan):
        assert "ScheduleChange: milestone 'M1' does not change (changed: M2, M3, M4)" == failure(
            UnknownReferenceError, plan.what_if("M2", 3).change, "M1"
        )

    def test_due_that_is_not_a_date(self, plan):
        assert (
            "Schedule.what_if.due['M2']: expected a calendar date (pendulum.Date), got str 'x'"
        ) == failure(ValidationError, lambda: plan.simulate(due={"M2": "x"}))


class TestStatusInstant:
    def test_delivery_counts_from_its_instant_on(self):
        project = cpm.sample_project()
        delivered = project.milestone("M1").delivered_at
        assert delivered is not None
        just_before = schedule(project, as_of=delivered.subtract(microseconds=1))
        at = schedule(project, as_of=delivered)
        assert (False, True) == (just_before["M1"].finished, at["M1"].finished)


class TestZeroDuration:
    def test_starts_on_the_day_it_finishes(self):
        s = tiny(step("A", 2), step("B", 0, "A"))
        b = s["B"]
        assert (pendulum.date(2026, 11, 3), pendulum.date(2026, 11, 3)) == (
            b.earliest_start,
            b.earliest_finish,
        )


class TestSimulateWithDeliveredMilestones:
    def test_a_delivered_milestone_between_two_slips_does_not_stop_the_later_one(self):
        """F is delivered (fixed) and sits between A and B: B's own slip still moves B."""
        delivered = step("F", 2, "A").deliver(
            by="li.wei", at=pendulum.datetime(2026, 11, 4, 17, tz="UTC")
        )
        s = tiny(step("A", 3), delivered, step("B", 2, "F"))
        change = s.simulate(extra_days={"A": 1, "B": 1})
        assert (1, 0, 1, 1) == (
            change.change("A").slip_days,
            change.change("F").slip_days,
            change.change("B").slip_days,
            change.finish_slip_days,
        )
        assert pendulum.date(2026, 11, 9) == change.change("B").new_finish

    def test_unknown_milestone_in_new_due_dates_names_the_known_ones(self, plan):
        assert "Schedule.what_if: has no milestone 'M9' (known: M1, M2, M3, M4)" == failure(
            UnknownReferenceError, plan.simulate, due={"M9": pendulum.date(2026, 12, 1)}
        )
