"""``ReportFacts.of`` checks what it is handed and names itself."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

import clientpm as cpm
from clientpm.reports.health import ReportFacts
from clientpm.sample import SAMPLE_AS_OF

SHAPE = "expected a pendulum.Date or a time-zone-aware pendulum.DateTime"


def message(call, *args, **kwargs) -> str:
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


@pytest.fixture
def project():
    return cpm.sample_project()


class TestReportFactsOf:
    def test_no_schedule_computes_it(self, project):
        facts = ReportFacts.of(project, SAMPLE_AS_OF, None)
        assert SAMPLE_AS_OF == facts.schedule.as_of
        given = ReportFacts.of(project, SAMPLE_AS_OF, cpm.schedule(project, as_of=SAMPLE_AS_OF))
        assert given.health() == facts.health()

    def test_the_project_is_checked(self, project):
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        assert "ReportFacts.of.project: expected a clientpm.Project, got None" == message(
            ReportFacts.of, None, SAMPLE_AS_OF, plan
        )

    def test_text_is_not_a_day(self, project):
        assert f"ReportFacts.of.as_of: {SHAPE}, got str '2026-11-24'" == message(
            ReportFacts.of, project, "2026-11-24"
        )

    def test_an_instant_is_its_day_in_the_calendars_zone(self, project):
        evening_utc = pendulum.datetime(2026, 11, 23, 20, tz="UTC")
        plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
        facts = ReportFacts.of(project, evening_utc, plan)
        assert (pendulum.Date, SAMPLE_AS_OF) == (type(facts.as_of), facts.as_of)
        assert SAMPLE_AS_OF == ReportFacts.of(project, dt.date(2026, 11, 24), plan).as_of

    def test_a_naive_instant_is_refused(self, project):
        text = message(ReportFacts.of, project, dt.datetime(2026, 11, 24, 9))
        assert text.startswith(f"ReportFacts.of.as_of: {SHAPE}, got naive ")

    def test_a_stale_schedule_names_report_facts(self, project):
        stale = cpm.schedule(project, as_of=pendulum.date(2026, 11, 20))
        assert (
            "ReportFacts.of.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
            "got a schedule as of 2026-11-20"
        ) == message(ReportFacts.of, project, SAMPLE_AS_OF, stale)

    def test_something_else_as_the_schedule(self, project):
        assert (
            "ReportFacts.of.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, "
            "got int 3"
        ) == message(ReportFacts.of, project, SAMPLE_AS_OF, 3)
