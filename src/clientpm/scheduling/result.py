"""The schedule: forecast dates, slack and the critical path of a project's milestones.

:func:`schedule` runs the critical path method over a :class:`~clientpm.Project`'s
milestones, in working days of the project's :class:`~clientpm.WorkCalendar`.

**Durations** (remaining working days of each milestone), as of ``as_of``:

* a delivered or accepted milestone (handed over on or before ``as_of``) has
  no remaining work; it finishes on the day it was delivered, whatever its
  predecessors do;
* a milestone with an explicit ``duration_days`` takes that many working days;
* otherwise ``ceil(remaining effort / project.daily_capacity)``, where the
  remaining effort is the sum of ``estimate_days`` of its deliverables, with
  removed requirements and requirements done on or before ``as_of`` counting 0.

**Dates.** Work starts on the first working day on or after the later of
``project.start`` and ``as_of`` (``as_of`` is a day the team can still work);
a milestone starts when its last predecessor has finished. A milestone of
``d`` working days that starts on working day ``s`` finishes at the end of
working day ``s + d - 1``; one with nothing left to do happens at the end of
the day its predecessors finish. Its *latest* finish is the earlier of the
end of its due date (the last working day on or before ``due``) and the
latest start of each successor. **Slack** is latest finish minus earliest
finish in working days; it is negative when the milestone is forecast late
for its own due date or for a successor's. The **critical path** is the
unfinished milestones with zero or negative slack, in dependency order.

Internally every date is an integer working-day index (working day 0 is the
first working day of the plan), the two passes walk the dependency graph once
each in topological order (Kahn's algorithm), and dates are made only when
asked for. :meth:`Schedule.what_if` answers "what moves if this milestone
takes ``d`` more days" by visiting only the milestones whose dates change.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs
import pendulum

from clientpm._checks import calendar_date, describe, known
from clientpm._display import Table
from clientpm.errors import UnknownReferenceError, ValidationError
from clientpm.model.budget import forecast_cost
from clientpm.model.milestone import Milestone
from clientpm.model.project import Project, require_project
from clientpm.money import Money
from clientpm.scheduling.engine import Days, Plan, as_of_parts, compute, propagate
from clientpm.serialization import derived
from clientpm.work_calendar import status_day

__all__ = [
    "MilestoneChange",
    "MilestoneForecast",
    "Schedule",
    "ScheduleChange",
    "schedule",
    "schedule_for",
]


@attrs.frozen
class MilestoneForecast:
    """One milestone in a :class:`Schedule`: its forecast, latest dates and slack.

    Dates are working days of the project calendar. ``earliest_finish`` is
    the forecast; ``due`` is today's promise and ``baseline_due`` the first.

    Attributes:
        id: The milestone id.
        duration_days: Remaining working days (0 when finished or nothing is left).
        remaining_effort_days: Remaining person-days of its deliverables.
        earliest_start: First working day it can start.
        earliest_finish: Last working day of its work: the forecast.
        latest_start: Latest start that keeps its own and its successors' due dates.
        latest_finish: Latest finish that keeps them.
        slack_days: ``latest_finish - earliest_finish`` in working days;
            negative when it is forecast late.
        critical: Unfinished and with no slack (zero or negative).
        finished: Delivered or accepted as of the schedule's ``as_of``.
        due: The due date now.
        baseline_due: The due date first agreed.
        days_late: Working days the forecast passes ``due`` (negative: early).
        days_past_baseline: Working days the forecast passes ``baseline_due``.
        overdue: Not finished, and the schedule's status day (``as_of``) is
            past ``due``: the date has gone by without a delivery. Always
            ``False`` for a schedule without a status day. A milestone can
            be late (``days_late > 0``) long before it is overdue.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> from clientpm.scheduling import schedule
        >>> m2 = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)["M2"]
        >>> m2.earliest_finish, m2.due, m2.slack_days, m2.critical, m2.overdue
        (Date(2026, 11, 30), Date(2026, 12, 18), 14, False, False)
        >>> schedule(cpm.sample_project(), as_of=pendulum.date(2026, 12, 21))["M2"].overdue
        True

    """

    id: str
    duration_days: int
    remaining_effort_days: Decimal
    earliest_start: pendulum.Date
    earliest_finish: pendulum.Date
    latest_start: pendulum.Date
    latest_finish: pendulum.Date
    slack_days: int
    critical: bool
    finished: bool
    due: pendulum.Date
    baseline_due: pendulum.Date
    days_late: int
    days_past_baseline: int
    overdue: bool = False

    @property
    def forecast(self) -> pendulum.Date:
        """The forecast finish (``earliest_finish``)."""
        return self.earliest_finish


@derived("Schedule.what_if()")
@attrs.frozen
class MilestoneChange:
    """How one milestone's forecast, due date or slack changes under a what-if.

    Dates are made on demand from working-day indices.

    Derived, no JSON form: it is recomputed from the project with
    :meth:`Schedule.what_if`, so :func:`~clientpm.to_dict` refuses it; store the project instead.

    Attributes:
        id: The milestone id.
        slip_days: Working days its forecast finish moves (negative: earlier).
        old_slack_days: Slack before.
        new_slack_days: Slack after.
        days_late: Working days the new forecast passes its (new) due date.
        was_late_days: The same, before the change.
        due: Its due date after the change.
        contractual: Whether its due date is contractual (as the caller said).
        was_critical: On the critical path before.
        critical: On the critical path after.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import schedule
        >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> move = plan.what_if("M2", 15).change("M2")
        >>> move.slip_days, move.old_finish, move.new_finish, move.breaches_due
        (15, Date(2026, 11, 30), Date(2026, 12, 21), True)

    """

    id: str
    slip_days: int
    old_slack_days: int
    new_slack_days: int
    days_late: int
    was_late_days: int
    due: pendulum.Date
    contractual: bool
    was_critical: bool
    critical: bool
    _old_end: int = attrs.field(repr=False)
    _new_end: int = attrs.field(repr=False)
    _days: Days = attrs.field(repr=False, eq=False)
    _actual: pendulum.Date | None = attrs.field(default=None, repr=False)

    @property
    def moved(self) -> bool:
        """Whether the forecast finish changes."""
        return self.slip_days != 0

    @property
    def old_finish(self) -> pendulum.Date:
        """The forecast finish before the change."""
        return self._actual or self._days.finish(self._old_end)

    @property
    def new_finish(self) -> pendulum.Date:
        """The forecast finish after the change (a delivered milestone's is its delivery day)."""
        return self._actual or self._days.finish(self._new_end)

    @property
    def breaches_due(self) -> bool:
        """Whether the change makes it late for its due date, or later than it was."""
        return self.days_late > 0 and self.days_late > self.was_late_days


@derived("Schedule.what_if()")
@attrs.frozen
class ScheduleChange:
    """The result of a what-if: every milestone whose dates or slack change.

    Derived, no JSON form: it is recomputed from the project with
    :meth:`Schedule.what_if`, so :func:`~clientpm.to_dict` refuses it; store the project instead.

    Attributes:
        changes: The milestones whose forecast, due date or slack change, in
            dependency order.
        finish_slip_days: Working days the project's forecast finish moves.
        critical_path_changed: Whether any milestone joins or leaves the critical path.
        visited: How many milestones the propagation looked at (it stops
            where slack absorbs the slip, so this is small for small slips).

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import schedule
        >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> what = plan.what_if("M2", 3)
        >>> [(m.id, m.slip_days) for m in what.moves]
        [('M2', 3), ('M3', 3), ('M4', 3)]
        >>> what.breaches, what.critical_path_changed
        ((), False)

    """

    changes: tuple[MilestoneChange, ...]
    finish_slip_days: int
    critical_path_changed: bool
    visited: int
    _old_finish: int = attrs.field(repr=False)
    _new_finish: int = attrs.field(repr=False)
    _days: Days = attrs.field(repr=False, eq=False)

    @property
    def moves(self) -> tuple[MilestoneChange, ...]:
        """The milestones whose forecast finish moves."""
        return tuple(c for c in self.changes if c.slip_days)

    @property
    def breaches(self) -> tuple[str, ...]:
        """Ids of the milestones the change makes late, or later, for their due date."""
        return tuple(c.id for c in self.changes if c.breaches_due)

    @property
    def max_slip_days(self) -> int:
        """The largest slip of any milestone (0 when nothing slips)."""
        return max((c.slip_days for c in self.changes), default=0)

    @property
    def newly_critical(self) -> tuple[str, ...]:
        """Milestones that join the critical path."""
        return tuple(c.id for c in self.changes if c.critical and not c.was_critical)

    @property
    def no_longer_critical(self) -> tuple[str, ...]:
        """Milestones that leave the critical path."""
        return tuple(c.id for c in self.changes if c.was_critical and not c.critical)

    @property
    def old_finish(self) -> pendulum.Date:
        """The project's forecast finish before."""
        return self._days.finish(self._old_finish)

    @property
    def new_finish(self) -> pendulum.Date:
        """The project's forecast finish after."""
        return self._days.finish(self._new_finish)

    def change(self, milestone_id: str) -> MilestoneChange:
        """The change of one milestone.

        Raises:
            UnknownReferenceError: when that milestone does not change.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> plan.what_if("M4", 2).change("M4").new_slack_days
            37
            >>> plan.what_if("M4", 2).change("M2")
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: ScheduleChange: milestone 'M2' does not change (changed: M4)

        """  # noqa: E501
        for c in self.changes:
            if c.id == milestone_id:
                return c
        raise UnknownReferenceError.single(
            "ScheduleChange",
            f"milestone {milestone_id!r} does not change (changed: "
            f"{known([c.id for c in self.changes])})",
        )


@derived("schedule()")
@attrs.frozen(eq=False)
class Schedule:
    """The critical-path schedule of a project as of a date; see :func:`schedule`.

    Index it by milestone id for a :class:`MilestoneForecast`. Dates are made
    on demand, so a schedule of 100,000 milestones is cheap to keep.

    Derived, no JSON form: it is recomputed from the project with
    :func:`schedule`, so :func:`~clientpm.to_dict` refuses it; store the project instead.

    Attributes:
        project: The project it was computed for.
        as_of: The status date (``None``: the plan as recorded, from ``project.start``).

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import schedule
        >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> plan.start, plan.finish, plan.critical_path
        (Date(2026, 11, 24), Date(2026, 12, 28), ())
        >>> len(plan), "M3" in plan
        (4, True)

    """

    project: Project
    as_of: pendulum.Date | None
    _plan: Plan = attrs.field(repr=False)

    def is_for(self, project: Project, as_of: pendulum.Date | pendulum.DateTime | None) -> bool:
        """Whether this is the schedule of ``project`` (or an equal project) as of ``as_of``.

        ``as_of`` is read as every builder reads it
        (:func:`~clientpm.work_calendar.status_day`, in the project's
        calendar), so this agrees with the builders that accept a schedule.

        Raises:
            ValidationError: naming ``Schedule.is_for.project`` or
                ``Schedule.is_for.as_of`` for a value that is not one.

        Example:
            >>> import clientpm as cpm, pendulum
            >>> day = cpm.sample.SAMPLE_AS_OF
            >>> plan = cpm.schedule(cpm.sample_project(), as_of=day)
            >>> plan.is_for(cpm.sample_project(), day), plan.is_for(plan.project, None)
            (True, False)
            >>> plan.is_for(plan.project, pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai"))
            True

        """
        project = require_project(project, "Schedule.is_for.project")
        day = (
            None if as_of is None else status_day(as_of, project.calendar, "Schedule.is_for.as_of")
        )
        return self.as_of == day and (self.project is project or self.project == project)

    # -- lookups --------------------------------------------------------------
    @property
    def forecast_cost(self) -> Money:
        """The project's forecast cost at this schedule's status day, worked out once.

        :func:`clientpm.model.budget.forecast_cost` of :attr:`project` at
        :attr:`as_of`: spent to date plus the remaining signed-off work at the day
        rate. Kept with the schedule, so every change assessed against it reads
        the same figure without computing it again.

        Example:
            >>> import clientpm as cpm
            >>> cpm.schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF).forecast_cost
            Money('316000.00', 'CNY')

        """
        cost: Money | None = getattr(self._plan, "forecast_cost", None)
        if cost is None:
            cost = self._plan.forecast_cost = forecast_cost(self.project, self.as_of)
        return cost

    def __len__(self) -> int:
        return len(self._plan.ids)

    def __contains__(self, milestone_id: object) -> bool:
        return milestone_id in self._plan.pos

    def __iter__(self) -> Iterator[str]:
        return iter(self._plan.ids)

    def _index(self, milestone_id: str, where: str = "Schedule") -> int:
        try:
            return self._plan.pos[milestone_id]
        except (KeyError, TypeError):
            raise UnknownReferenceError.single(
                where,
                f"has no milestone {milestone_id!r} (known: {known(self._plan.ids)})",
            ) from None

    def __getitem__(self, milestone_id: str) -> MilestoneForecast:
        return self._forecast(self._index(milestone_id))

    def _forecast(self, i: int) -> MilestoneForecast:
        p = self._plan
        m: Milestone = self.project.milestones[i]
        days = p.days
        d = p.dur[i]
        finished = i in p.fixed
        ef, lf = p.ef[i], p.lf[i]
        efd = p.actual[i] if finished else days.finish(ef)
        lfd = days.finish(lf)
        slack = lf - ef
        return MilestoneForecast(
            id=m.id,
            duration_days=d,
            remaining_effort_days=p.remaining[i],
            earliest_start=days.date(p.es[i]) if d else efd,
            earliest_finish=efd,
            latest_start=days.date(p.ls[i]) if d else lfd,
            latest_finish=lfd,
            slack_days=slack,
            critical=slack <= 0 and not finished,
            finished=finished,
            due=m.due,
            baseline_due=m.baseline_due,
            days_late=ef - p.due[i],
            days_past_baseline=ef - days.end(m.baseline_due),
            overdue=not finished and self.as_of is not None and self.as_of > m.due,
        )

    # -- display --------------------------------------------------------------
    def table(self) -> Table:
        """The schedule as a table: one row per milestone, in the project's order.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> t = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF).table()
            >>> t.title, t.rows[1][:3]
            ('Schedule as of 2026-11-24', ('M2', '2026-11-24', '2026-11-30'))

        """
        title = f"Schedule as of {self.as_of}" if self.as_of else "Schedule (as planned)"
        headers = (
            "Milestone", "Earliest start", "Forecast finish", "Due", "Baseline due",
            "Slack (working days)", "Days late", "Critical",
        )  # fmt: skip
        rows = tuple(
            (f.id, *map(str, (f.earliest_start, f.earliest_finish, f.due, f.baseline_due)),
             str(f.slack_days), str(f.days_late), "yes" if f.critical else "no")
            for f in self.forecasts()
        )  # fmt: skip
        caption = f"Start {self.start}, finish {self.finish}"
        return Table(title=title, caption=caption, headers=headers, rows=rows)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Plain text, Markdown and HTML for Jupyter (see :meth:`table`).

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> sorted(schedule(cpm.sample_project())._repr_mimebundle_())
            ['text/html', 'text/markdown', 'text/plain']

        """
        return self.table().mimebundle()

    def milestone(self, milestone_id: str) -> MilestoneForecast:
        """The forecast of one milestone (same as ``schedule[milestone_id]``).

        Raises:
            UnknownReferenceError: naming the known ids.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> schedule(cpm.sample_project()).milestone("M9")
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: Schedule: has no milestone 'M9' (known: M1, M2, M3, M4)

        """  # noqa: E501
        return self[milestone_id]

    def forecasts(self) -> tuple[MilestoneForecast, ...]:
        """Every milestone's forecast, in the project's order.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> [f.id for f in schedule(cpm.sample_project()).forecasts() if f.finished]
            ['M1']

        """
        return tuple(self._forecast(i) for i in range(len(self._plan.ids)))

    def slack(self, milestone_id: str) -> int:
        """Slack of one milestone in working days, without making any date.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF).slack("M4")
            39

        """
        i = self._index(milestone_id)
        return self._plan.lf[i] - self._plan.ef[i]

    @property
    def start(self) -> pendulum.Date:
        """The first working day of remaining work."""
        return self._plan.days.date(0)

    @property
    def finish(self) -> pendulum.Date:
        """The forecast finish of the whole plan (its latest milestone)."""
        p = self._plan
        return p.days.finish(p.finish) if p.ids else self.start

    @property
    def critical_path(self) -> tuple[str, ...]:
        """Ids of the unfinished milestones with no slack, in dependency order."""
        p = self._plan
        lf, ef, fixed, ids = p.lf, p.ef, p.fixed, p.ids
        return tuple(ids[i] for i in p.order if lf[i] <= ef[i] and i not in fixed)

    def late(self) -> tuple[str, ...]:
        """Ids of the unfinished milestones forecast past their due date, in dependency order.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF).late()
            ()

        """
        p = self._plan
        ef, due, fixed, ids = p.ef, p.due, p.fixed, p.ids
        return tuple(ids[i] for i in p.order if ef[i] > due[i] and i not in fixed)

    def remaining_effort(self, requirement_id: str) -> Decimal:
        """Remaining person-days of a requirement as of the schedule's date.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> plan.remaining_effort("REQ-1"), plan.remaining_effort("REQ-2")
            (Decimal('0'), Decimal('10'))

        """
        try:
            return self._plan.req_remaining[requirement_id]
        except (KeyError, TypeError):
            raise UnknownReferenceError.single(
                "Schedule",
                f"has no requirement {requirement_id!r} "
                f"(known: {known(list(self._plan.req_remaining))})",
            ) from None

    def delivering(self, requirement_id: str) -> tuple[str, ...]:
        """Ids of the milestones that deliver a requirement.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> schedule(cpm.sample_project()).delivering("REQ-3")
            ('M3',)

        """
        ids = self._plan.ids
        found = self._plan.delivered_by.get(requirement_id, [])
        return tuple(ids[i] for i in (found if isinstance(found, list) else [found]))

    @property
    def scope_effort_days(self) -> Decimal:
        """Person-days of the signed-off scope (signed off or done), as for ``estimated_cost``."""
        return self._plan.scope_days

    # -- what-if --------------------------------------------------------------
    def what_if(self, milestone_id: str, extra_days: int) -> ScheduleChange:
        """What moves if one milestone takes ``extra_days`` more working days.

        Only the milestones whose dates change are visited: the slip travels
        to a successor only when it finishes after the successor's other
        predecessors, and stops where slack absorbs it. Negative values
        shorten the milestone.

        Raises:
            UnknownReferenceError: for an unknown milestone.
            ValidationError: for a finished milestone, a non-integer, or a
                duration that would fall below zero.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> plan.what_if("M3", 40).breaches
            ('M3', 'M4')
            >>> plan.what_if("M2", -9)
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: Schedule.what_if.extra_days: Milestone 'M2' has 5 working days left, so it cannot shorten by 9

        """  # noqa: E501
        return self.simulate(extra_days={milestone_id: extra_days})

    def what_if_effort(
        self,
        effort_days: Mapping[str, Decimal],
        *,
        due: Mapping[str, _dt.date] | None = None,
        contractual: frozenset[str] = frozenset(),
    ) -> ScheduleChange:
        """What moves if milestones' remaining effort changes by some person-days.

        The duration rule decides the new duration: ``ceil(new remaining /
        daily_capacity)``; for a milestone with an explicit ``duration_days``,
        ``ceil(effort change / daily_capacity)`` working days are added (never
        below zero days).

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.scheduling import schedule
            >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> plan.what_if_effort({"M2": 7}).change("M2").slip_days  # 17 days at 2 a day
            4

        """
        p = self._plan
        cap = self.project.daily_capacity
        extra: dict[str, int] = {}
        for mid, delta in effort_days.items():
            i = self._index(mid, "Schedule.what_if_effort")
            if i in p.fixed:
                raise ValidationError.single(
                    "Schedule.what_if_effort",
                    f"Milestone {mid!r} is already delivered: its work cannot change",
                )
            if p.explicit[i]:
                new = max(0, p.dur[i] + math.ceil(Decimal(delta) / cap))
            else:
                left = p.remaining[i] + Decimal(delta)
                new = math.ceil(left / cap) if left > 0 else 0
            if new != p.dur[i]:
                extra[mid] = new - p.dur[i]
        return self.simulate(extra_days=extra, due=due, contractual=contractual)

    def simulate(
        self,
        *,
        extra_days: Mapping[str, int] | None = None,
        due: Mapping[str, _dt.date] | None = None,
        contractual: frozenset[str] = frozenset(),
    ) -> ScheduleChange:
        """What changes if some milestones take longer (or shorter) and some due dates move.

        Args:
            extra_days: Working days to add to each milestone's duration.
            due: New due dates.
            contractual: Ids of milestones whose due dates are contractual,
                copied onto the changes.

        Example:
            >>> import clientpm as cpm, pendulum
            >>> from clientpm.scheduling import schedule
            >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> what = plan.simulate(due={"M2": pendulum.date(2026, 11, 27)})
            >>> what.breaches, what.change("M2").days_late
            (('M2',), 1)

        """
        p = self._plan
        dur = p.dur
        new_dur: dict[int, int] = {}
        for mid, d in (extra_days or {}).items():
            i = self._index(mid, "Schedule.what_if")
            if isinstance(d, bool) or not isinstance(d, int):
                raise ValidationError.single(
                    "Schedule.what_if.extra_days",
                    f"expected a whole number of working days for {mid!r}, got {describe(d)}",
                )
            if i in p.fixed:
                raise ValidationError.single(
                    "Schedule.what_if.extra_days",
                    f"Milestone {mid!r} is already delivered: its finish is a fact and cannot slip",
                )
            if dur[i] + d < 0:
                raise ValidationError.single(
                    "Schedule.what_if.extra_days",
                    f"Milestone {mid!r} has {dur[i]} working days left, so it cannot "
                    f"shorten by {-d}",
                )
            if d:
                new_dur[i] = dur[i] + d
        new_due: dict[int, int] = {}
        due_dates: dict[int, pendulum.Date] = {}
        for mid, day in (due or {}).items():
            i = self._index(mid, "Schedule.what_if")
            due_dates[i] = day = calendar_date(day, f"Schedule.what_if.due[{mid!r}]")
            end = p.days.end(day)
            if end != p.due[i]:
                new_due[i] = end
        return self._propagate(new_dur, new_due, due_dates, contractual)

    def _propagate(
        self,
        new_dur: dict[int, int],
        new_due: dict[int, int],
        due_dates: dict[int, pendulum.Date],
        contractual: frozenset[str],
    ) -> ScheduleChange:
        p = self._plan
        new_ef, new_lf, visited = propagate(p, new_dur, new_due)
        rank, fixed, ef, lf, due = p.rank, p.fixed, p.ef, p.lf, p.due
        ids, milestones, days = p.ids, self.project.milestones, p.days
        changes = []
        critical_changed = False
        for i in sorted(set(new_ef) | set(new_lf) | set(new_due), key=rank.__getitem__):
            e0, e1 = ef[i], new_ef.get(i, ef[i])
            l0, l1 = lf[i], new_lf.get(i, lf[i])
            d0, d1 = due[i], new_due.get(i, due[i])
            if e0 == e1 and l0 == l1 and d0 == d1:
                continue
            was = l0 <= e0 and i not in fixed
            now = l1 <= e1 and i not in fixed
            critical_changed = critical_changed or was != now
            changes.append(
                MilestoneChange(
                    id=ids[i],
                    slip_days=e1 - e0,
                    old_slack_days=l0 - e0,
                    new_slack_days=l1 - e1,
                    days_late=e1 - d1,
                    was_late_days=e0 - d0,
                    due=due_dates.get(i, milestones[i].due),
                    contractual=ids[i] in contractual,
                    was_critical=was,
                    critical=now,
                    old_end=e0,
                    new_end=e1,
                    days=days,
                    actual=p.actual.get(i),
                )
            )
        old_finish = new_finish = p.finish
        if new_ef:
            new_finish = max(new_ef.values())
            if new_finish < old_finish:
                dropped = sum(1 for i in new_ef if ef[i] == old_finish)
                if dropped < p.finish_count:
                    new_finish = old_finish  # an unmoved milestone still finishes last
                else:
                    new_finish = max(new_ef.get(i, f) for i, f in enumerate(ef))
        return ScheduleChange(
            changes=tuple(changes),
            finish_slip_days=new_finish - old_finish,
            critical_path_changed=critical_changed,
            visited=visited,
            old_finish=old_finish,
            new_finish=new_finish,
            days=days,
        )


def schedule(
    project: Project, *, as_of: pendulum.Date | pendulum.DateTime | None = None
) -> Schedule:
    """Compute the critical-path schedule of a project's milestones.

    See the module documentation for the duration rule, how dates and slack
    are defined, and what the critical path is. The work is linear in the
    number of milestones, dependencies and deliverables.

    Args:
        project: The project.
        as_of: The status date: work done on or before it is done, delivered
            milestones count as finished, and remaining work starts no
            earlier than it. A ``DateTime`` is read in the calendar's time
            zone. ``None`` takes the plan as recorded, from ``project.start``.

    Raises:
        ValidationError: for something that is not a project or a date.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.scheduling import schedule
        >>> plan = schedule(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> f = plan["M3"]
        >>> f.duration_days, f.earliest_start, f.earliest_finish, f.slack_days
        (14, Date(2026, 12, 1), Date(2026, 12, 18), 24)

    """
    return schedule_for(project, as_of, None, "schedule")


def _dated(day: pendulum.Date | None) -> str:
    return "with no status date" if day is None else f"as of {day}"


def schedule_for(
    project: Project, as_of: object, plan: object, where: str, *, required: bool = False
) -> Schedule:
    """The schedule a builder works from: ``plan`` if it is the project's as of ``as_of``.

    A builder that accepts a precomputed schedule hands it here with its own
    name as ``where``. ``None`` computes the schedule, unless ``required``.
    A schedule of an equal project (the same data, another object) is accepted.

    Raises:
        ValidationError: naming ``{where}.schedule`` for something that is not
            the schedule of this project as of this day, ``{where}.project``
            for something that is not a project, or ``{where}.as_of`` for a
            bad date.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> p, day = cpm.sample_project(), cpm.sample.SAMPLE_AS_OF
        >>> schedule_for(p, day, None, "weekly_report").as_of
        Date(2026, 11, 24)
        >>> stale = schedule(p, as_of=pendulum.date(2026, 11, 20))
        >>> schedule_for(p, day, stale, "weekly_report")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: weekly_report.schedule: expected the schedule of Project 'ACME' as of 2026-11-24, got a schedule as of 2026-11-20

    """  # noqa: E501
    project = require_project(project, f"{where}.project")
    day, cutoff = as_of_parts(as_of, project.calendar, f"{where}.as_of")
    if plan is None and not required:
        return Schedule(project, day, compute(project, day, cutoff))
    if isinstance(plan, Schedule) and plan.is_for(project, day):
        return plan
    if not isinstance(plan, Schedule):
        got = describe(plan)
    elif plan.project is not project and plan.project != project:
        same = plan.project.key == project.key
        got = (
            "a schedule of another version of it"
            if same
            else f"the schedule of {plan.project.label}"
        )
    else:
        got = f"a schedule {_dated(plan.as_of)}"
    raise ValidationError.single(
        f"{where}.schedule", f"expected the schedule of {project.label} {_dated(day)}, got {got}"
    )
