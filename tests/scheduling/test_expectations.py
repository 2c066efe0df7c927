"""Expectation gaps and the commitments a late forecast puts at risk."""

from __future__ import annotations

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.sample import SAMPLE_AS_OF
from clientpm.scheduling.expectations import (
    ExpectationGap,
    commitments_at_risk,
    expectation_gaps,
)
from clientpm.scheduling.result import schedule


class TestExpectations:
    def late_project(self):
        p = cpm.sample_project()
        at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
        m3 = p.milestone("M3").reschedule(pendulum.date(2026, 12, 11), by="li.wei", at=at,
                                          why="promised earlier")  # fmt: skip
        p3 = attrs.evolve(p.commitment("P2"), due=pendulum.date(2026, 11, 26))
        return p.replace(m3, p3)

    def test_expectation_gap_reported_before_due(self):
        """M3 forecast 18 December vs due 11 December: 5 working days, 13 before it is due."""
        (gap,) = expectation_gaps(self.late_project(), as_of=SAMPLE_AS_OF)
        assert ("M3", pendulum.date(2026, 12, 18), 5, 13, True) == (
            gap.milestone_id,
            gap.forecast,
            gap.days_late,
            gap.workdays_until_due,
            gap.before_due,
        )

    def test_commitments_at_risk(self):
        """P2 (the beta, M2) is flagged before its date; P1 once it is overdue."""
        p = self.late_project()
        risky = commitments_at_risk(p, as_of=SAMPLE_AS_OF)
        assert [("P2", 2, False)] == [(c.commitment_id, c.days_late, c.overdue) for c in risky]
        # As of 30 November nothing more is recorded as done: the beta moves to 4 December.
        later = commitments_at_risk(p, as_of=pendulum.date(2026, 11, 30))
        assert [("P2", 6, True), ("P1", 1, True)] == [
            (c.commitment_id, c.days_late, c.overdue) for c in later
        ]

    def test_reuses_a_schedule(self):
        """A precomputed schedule of the same project and date is used; another is refused."""
        p = self.late_project()
        plan = schedule(p, as_of=SAMPLE_AS_OF)
        assert expectation_gaps(p, as_of=SAMPLE_AS_OF, schedule=plan)
        with pytest.raises(cpm.ValidationError) as info:
            expectation_gaps(p, as_of=pendulum.date(2026, 11, 25), schedule=plan)
        assert str(info.value).startswith(
            "expectation_gaps.schedule: expected the schedule of Project 'ACME' as of 2026-11-25"
        )


def test_expectation_gaps_are_listed_soonest_due_first_with_every_date():
    """M4 is due before M3 here, so it comes first; each gap carries due, baseline and slip."""
    p = cpm.sample_project()
    m3 = attrs.evolve(
        p.milestone("M3"), due=pendulum.date(2026, 12, 16), baseline_due=pendulum.date(2026, 12, 4)
    )
    m4 = attrs.evolve(
        p.milestone("M4"), due=pendulum.date(2026, 12, 14), baseline_due=pendulum.date(2026, 12, 14)
    )
    # Other baselines than the sample's: a project built so (replace() never moves a baseline).
    others = tuple({"M3": m3, "M4": m4}.get(m.id, m) for m in p.milestones)
    gaps = expectation_gaps(attrs.evolve(p, milestones=others), as_of=SAMPLE_AS_OF)
    assert (
        ExpectationGap(
            milestone_id="M4",
            due=pendulum.date(2026, 12, 14),
            baseline_due=pendulum.date(2026, 12, 14),
            forecast=pendulum.date(2026, 12, 28),
            days_late=10,
            days_past_baseline=10,
            workdays_until_due=14,
            critical=True,
        ),
        ExpectationGap(
            milestone_id="M3",
            due=pendulum.date(2026, 12, 16),
            baseline_due=pendulum.date(2026, 12, 4),
            forecast=pendulum.date(2026, 12, 18),
            days_late=2,
            days_past_baseline=10,
            workdays_until_due=16,
            critical=True,
        ),
    ) == gaps


def test_expectation_gaps_need_an_as_of_date():
    """Without a status date there is nothing to report as of: the message says so."""
    with pytest.raises(cpm.ValidationError) as info:
        expectation_gaps(cpm.sample_project(), as_of=None)
    assert "expectation_gaps.as_of: expected the date to report as of, got None" == str(info.value)
