"""Pin :mod:`clientpm.scheduling` and :mod:`clientpm.scheduling.engine`: tables, look-ups, what-ifs.

The sample project as of its status date: M1 is accepted, M2 (10 person-days
left), M3 (27) and M4 (11) are open, at 2 person-days a working day.
"""

import datetime
from decimal import Decimal

import pendulum
import pytest

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
from clientpm._checks import known
from clientpm.scheduling.result import Schedule, schedule


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


def failure(error: type[Exception], call, *args: object) -> str:
    with pytest.raises(error) as info:
        call(*args)
    return str(info.value)


class TestKnown:
    def test_lists_sorted_ids(self):
        assert "a, b, c" == known(["c", "a", "b"])

    def test_nothing_known(self):
        assert "none" == known([])

    def test_ten_are_shown_in_full(self):
        ids = [f"M{n:02}" for n in range(10)]
        assert ", ".join(ids) == known(ids)

    def test_more_than_ten_are_cut(self):
        ids = [f"M{n:02}" for n in range(11)]
        assert ", ".join(ids[:10]) + ", … (11 in all)" == known(ids)


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
            "schedule.as_of: expected a time-zone-aware date and time or a date, "
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
        assert "Schedule.what_if.due: expected a calendar date for 'M2', got str 'x'" == failure(
            ValidationError, lambda: plan.simulate(due={"M2": "x"})
        )


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
