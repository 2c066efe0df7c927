"""Expectation gaps and commitments at risk: bad news told early (D8, D13).

Both compare what was promised with what the schedule forecasts, *as of* a
date, so a slip is reported while there is still time to talk about it — not
when the due date has passed.

* :func:`expectation_gaps`: milestones forecast to finish after their due date.
* :func:`commitments_at_risk`: open promises whose milestone is forecast late,
  or whose date has passed without being kept.

Gaps are in working days of the project calendar.
"""

from __future__ import annotations

import attrs
import pendulum

from clientpm.errors import ValidationError
from clientpm.model.project import Project
from clientpm.scheduling.result import Schedule, schedule_for

__all__ = ["CommitmentAtRisk", "ExpectationGap", "commitments_at_risk", "expectation_gaps"]


@attrs.frozen
class ExpectationGap:
    """A milestone forecast to finish after the date the client expects (D13).

    Attributes:
        milestone_id: The milestone.
        due: The date promised now.
        baseline_due: The date first promised.
        forecast: The forecast finish.
        days_late: Working days the forecast passes ``due``.
        days_past_baseline: Working days the forecast passes ``baseline_due``.
        workdays_until_due: Working days from the as-of date to ``due``
            (0 or less once the due date has come).
        critical: Whether it is on the critical path.

    Example:
        >>> import pendulum
        >>> from clientpm.scheduling import ExpectationGap
        >>> d = pendulum.date
        >>> gap = ExpectationGap("M3", d(2026, 12, 11), d(2026, 12, 11), d(2026, 12, 18),
        ...                      days_late=5, days_past_baseline=5, workdays_until_due=13,
        ...                      critical=True)
        >>> gap.before_due
        True

    """

    milestone_id: str
    due: pendulum.Date
    baseline_due: pendulum.Date
    forecast: pendulum.Date
    days_late: int
    days_past_baseline: int
    workdays_until_due: int
    critical: bool

    @property
    def before_due(self) -> bool:
        """Whether the gap is reported before the due date arrives."""
        return self.workdays_until_due > 0


@attrs.frozen
class CommitmentAtRisk:
    """An open promise to the client that the forecast says will be missed (D8).

    Attributes:
        commitment_id: The commitment.
        promise: What was promised.
        to: Whom it was promised to.
        due: When it is due.
        milestone: The milestone whose forecast decides it, if any.
        forecast: That milestone's forecast finish, if any.
        days_late: Working days the forecast passes ``due`` (or, without a
            forecast, working days since ``due`` passed).
        overdue: Whether ``due`` has already passed as of the date.

    Example:
        >>> import pendulum
        >>> from clientpm.scheduling import CommitmentAtRisk
        >>> risk = CommitmentAtRisk("P2", "Beta ready", "li.wei", pendulum.date(2026, 12, 18),
        ...                         "M2", pendulum.date(2026, 12, 21), days_late=1, overdue=False)
        >>> risk.before_due
        True

    """

    commitment_id: str
    promise: str
    to: str
    due: pendulum.Date
    milestone: str | None
    forecast: pendulum.Date | None
    days_late: int
    overdue: bool

    @property
    def before_due(self) -> bool:
        """Whether the risk is flagged before the due date (D8: tell the client early)."""
        return not self.overdue


def _plan(project: Project, as_of: object, plan: Schedule | None, where: str) -> Schedule:
    if as_of is None:
        raise ValidationError.single(
            f"{where}.as_of", "expected the date to report as of, got None"
        )
    return schedule_for(project, as_of, plan, where)


def expectation_gaps(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    schedule: Schedule | None = None,
) -> tuple[ExpectationGap, ...]:
    """Milestones forecast to finish after their due date, soonest due first (D13).

    Args:
        project: The project.
        as_of: The status date.
        schedule: The project's schedule as of that date, if already computed.

    Raises:
        ValidationError: without ``as_of``, or with a schedule of another
            project or date.

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import expectation_gaps
        >>> p = cpm.sample_project()
        >>> at = pendulum.datetime(2026, 11, 23, 10, tz="Asia/Shanghai")
        >>> late = p.replace(p.milestone("M3").reschedule(pendulum.date(2026, 12, 11), by="li.wei",
        ...                                               at=at, why="promised earlier"))
        >>> [(g.milestone_id, str(g.forecast), g.days_late, g.before_due)
        ...  for g in expectation_gaps(late, as_of=cpm.sample.SAMPLE_AS_OF)]
        [('M3', '2026-12-18', 5, True)]

    """
    plan = _plan(project, as_of, schedule, "expectation_gaps")
    cal = project.calendar
    day = plan.as_of
    assert day is not None  # _plan refuses None
    gaps = []
    for mid in plan.late():
        f = plan[mid]
        gaps.append(
            ExpectationGap(
                milestone_id=mid,
                due=f.due,
                baseline_due=f.baseline_due,
                forecast=f.earliest_finish,
                days_late=f.days_late,
                days_past_baseline=f.days_past_baseline,
                workdays_until_due=cal.workdays_between(day, f.due),
                critical=f.critical,
            )
        )
    return tuple(sorted(gaps, key=lambda g: (g.due, g.milestone_id)))


def commitments_at_risk(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    schedule: Schedule | None = None,
) -> tuple[CommitmentAtRisk, ...]:
    """Open commitments the forecast says will be missed, or already overdue (D8).

    A commitment tied to a milestone is at risk when that milestone's
    forecast finish is after the commitment's due date — flagged as soon as
    the schedule says so, before the date arrives. Any open commitment whose
    due date has passed is at risk too. Soonest due first.

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import commitments_at_risk
        >>> p = cpm.sample_project()
        >>> [(c.commitment_id, c.days_late, c.overdue)
        ...  for c in commitments_at_risk(p, as_of=pendulum.date(2026, 11, 30))]
        [('P1', 1, True)]
        >>> import attrs  # promise the beta (milestone M2) three days earlier
        >>> early = p.replace(attrs.evolve(p.commitment("P2"), due="2026-11-27"))
        >>> [(c.commitment_id, str(c.forecast), c.days_late, c.before_due)
        ...  for c in commitments_at_risk(early, as_of=cpm.sample.SAMPLE_AS_OF)]
        [('P2', '2026-11-30', 1, True)]

    """
    plan = _plan(project, as_of, schedule, "commitments_at_risk")
    cal = project.calendar
    day = plan.as_of
    assert day is not None
    found = []
    for c in project.commitments:
        if not c.is_open:
            continue
        forecast = None
        late = 0
        if c.milestone is not None and c.milestone in plan:
            forecast = plan[c.milestone].earliest_finish
            late = cal.workdays_between(c.due, forecast)
        overdue = day > c.due
        if overdue:
            late = max(late, cal.workdays_between(c.due, day))
        if late > 0:
            found.append(
                CommitmentAtRisk(
                    commitment_id=c.id,
                    promise=c.promise,
                    to=c.to,
                    due=c.due,
                    milestone=c.milestone,
                    forecast=forecast,
                    days_late=late,
                    overdue=overdue,
                )
            )
    return tuple(sorted(found, key=lambda r: (r.due, r.commitment_id)))
