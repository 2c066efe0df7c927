"""Overdue milestones, and the baseline slip in working days (the schedule's unit)."""

import pendulum
import pytest

import clientpm as cpm

M2_DUE = pendulum.date(2026, 12, 18)  # a Friday
MOVED_AT = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")  # when a test moves M2


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestOverdue:
    def test_nothing_is_overdue_on_the_status_day(self, project):
        plan = cpm.schedule(project, as_of=cpm.sample.SAMPLE_AS_OF)
        assert [] == [f.id for f in plan.forecasts() if f.overdue]

    def test_due_today_is_not_overdue(self, project):
        assert not cpm.schedule(project, as_of=M2_DUE)["M2"].overdue

    def test_the_day_after_the_due_date_it_is(self, project):
        day = M2_DUE.add(days=1)  # a Saturday: overdue does not wait for a working day
        f = cpm.schedule(project, as_of=day)["M2"]
        assert (False, True) == (f.finished, f.overdue)

    def test_a_finished_milestone_is_never_overdue(self, project):
        """M1 was due 13 November and delivered on the 12th."""
        f = cpm.schedule(project, as_of=pendulum.date(2027, 1, 4))["M1"]
        assert (True, False) == (f.finished, f.overdue)

    def test_late_is_not_overdue(self, project):
        """A forecast past the due date is late; the date itself has not gone by yet."""
        moved = project.milestone("M2").reschedule(pendulum.date(2026, 11, 25), by="li.wei",
                                                   at=MOVED_AT, why="earlier")  # fmt: skip
        g = cpm.schedule(project.replace(moved), as_of=cpm.sample.SAMPLE_AS_OF)["M2"]
        assert (True, False) == (g.days_late > 0, g.overdue)

    def test_a_schedule_without_a_status_day_has_nothing_overdue(self, project):
        assert not any(f.overdue for f in cpm.schedule(project).forecasts())

    def test_an_instant_reads_as_its_day(self, project):
        at = pendulum.datetime(2026, 12, 18, 20, tz="UTC")  # already the 19th in Shanghai
        assert cpm.schedule(project, as_of=at)["M2"].overdue


class TestBaselineSlipInWorkingDays:
    def milestone(self, due, baseline):
        return cpm.Milestone(id="M9", title="Beta", due=due, baseline_due=baseline)

    @pytest.mark.parametrize(
        ("due", "baseline", "workdays", "calendar_days"),
        [
            ("2026-12-21", "2026-12-18", 1, 3),  # Friday -> Monday
            ("2026-12-18", "2026-12-21", -1, -3),
            ("2026-12-18", "2026-12-18", 0, 0),
            ("2026-12-28", "2026-12-18", 6, 10),
        ],
    )
    def test_working_days_and_the_0_1_0_calendar_days(self, due, baseline, workdays, calendar_days):
        m = self.milestone(due, baseline)
        assert (workdays, calendar_days) == (
            m.workdays_from_baseline(cpm.WorkCalendar()),
            m.slip_from_baseline,
        )

    def test_it_agrees_with_the_schedule(self, project):
        """Moving M2 by 5 working days moves its forecast's days_past_baseline by as many."""
        base = cpm.schedule(project, as_of=cpm.sample.SAMPLE_AS_OF)["M2"]
        m2 = project.milestone("M2")
        later = project.calendar.add_workdays(m2.due, 5)
        moved = m2.reschedule(later, by="li.wei", at=MOVED_AT, why="later")
        assert 5 == moved.workdays_from_baseline(project.calendar)
        again = cpm.schedule(project.replace(moved), as_of=cpm.sample.SAMPLE_AS_OF)["M2"]
        assert base.days_past_baseline == again.days_past_baseline  # the forecast did not move
        assert again.days_late == base.days_late - 5

    def test_the_calendar_is_checked(self):
        with pytest.raises(cpm.ValidationError) as info:
            self.milestone("2026-12-21", "2026-12-18").workdays_from_baseline("CN")
        assert (
            "Milestone 'M9'.workdays_from_baseline.calendar: expected a WorkCalendar, got str 'CN'"
        ) == str(info.value)
