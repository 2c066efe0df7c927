"""The forecast cost: the one figure the reports and their status call "forecast cost".

**Forecast cost** = money spent to date + remaining work of the signed-off
scope at the day rate, as of a status day:

* **spent to date** (:func:`spent_to_date`): the project's ``actual_costs``
  dated on or before the status day;
* **remaining work** (:func:`remaining_scope_days`): the ``estimate_days`` of
  every signed-off requirement (``project.scope_baseline``) not done by the
  end of the status day, as the schedule counts remaining effort: a done
  requirement counts 0 once its ``completed_at`` falls on or before the status
  day; drafts and removed requirements are outside the scope and count 0.

It is the cost the project is heading for if the remaining estimates hold.
Two other money figures are not it and are labelled for what they are:
:attr:`Project.estimated_cost <clientpm.Project.estimated_cost>` is the
*estimate* of the whole signed-off scope at the day rate (what it would cost
with nothing spent yet), and
:attr:`EarnedValue.eac_cpi <clientpm.metrics.earned_value.EarnedValue.eac_cpi>`
is an *earned-value estimate* at completion (the cost rate so far continues).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pendulum

from clientpm.enums import RequirementStatus
from clientpm.money import Money
from clientpm.work_calendar import status_day

if TYPE_CHECKING:
    from clientpm.model.project import Project

__all__ = ["forecast_cost", "remaining_scope_days", "spent_to_date"]


def _day(
    project: Project, as_of: pendulum.Date | pendulum.DateTime | None, where: str
) -> pendulum.Date | None:
    return None if as_of is None else status_day(as_of, project.calendar, where)


def spent_to_date(project: Project, as_of: pendulum.Date | pendulum.DateTime | None) -> Money:
    """The actual costs recorded on or before the status day (``None``: all of them).

    Example:
        >>> import clientpm as cpm, pendulum
        >>> p = cpm.sample_project()
        >>> spent_to_date(p, cpm.sample.SAMPLE_AS_OF), spent_to_date(p, pendulum.date(2026, 11, 19))
        (Money('124000.00', 'CNY'), Money('80000.00', 'CNY'))

    """
    day = _day(project, as_of, "spent_to_date.as_of")
    return sum(
        (c.amount for c in project.actual_costs if day is None or c.on <= day),
        Money.zero(project.currency),
    )


def remaining_scope_days(
    project: Project, as_of: pendulum.Date | pendulum.DateTime | None
) -> Decimal:
    """Person-days of signed-off work not done by the end of the status day.

    ``None`` reads the project as recorded: every done requirement is done.

    Example:
        >>> import clientpm as cpm
        >>> remaining_scope_days(cpm.sample_project(), cpm.sample.SAMPLE_AS_OF)
        Decimal('48')

    """
    day = _day(project, as_of, "remaining_scope_days.as_of")
    local = project.calendar.local_date
    total = Decimal(0)
    for r in project.scope_baseline:
        if r.status is RequirementStatus.DONE and (
            day is None or (r.completed_at is not None and local(r.completed_at) <= day)
        ):
            continue
        total += r.estimate_days
    return total


def forecast_cost(project: Project, as_of: pendulum.Date | pendulum.DateTime | None) -> Money:
    """The forecast cost: spent to date plus the remaining signed-off work at the day rate.

    The one definition the reports' "Forecast cost" and the red/amber/green
    budget signal use (see the module documentation). ``as_of`` is a status day, or an aware instant
    standing for its day in the project calendar's zone; ``None`` reads the
    project as recorded.

    Example:
        >>> import clientpm as cpm
        >>> p = cpm.sample_project()
        >>> forecast_cost(p, cpm.sample.SAMPLE_AS_OF)  # 124,000 spent + 48 days x 4,000
        Money('316000.00', 'CNY')
        >>> p.estimated_cost  # the estimate of the whole scope, not a forecast
        Money('224000.00', 'CNY')

    """
    day = _day(project, as_of, "forecast_cost.as_of")
    return spent_to_date(project, day) + project.day_rate * remaining_scope_days(project, day)
