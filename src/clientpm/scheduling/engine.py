"""The schedule engine: working-day arrays, the two passes and incremental propagation.

Internal to :mod:`clientpm.scheduling`. Every date is an integer working-day
index relative to the plan start (working day 0 is the first working day on or
after it), every milestone an integer position, and the dependency graph two
flat arrays, so a 100,000-milestone plan allocates no container per milestone.
"""

from __future__ import annotations

import datetime as _dt
import math
import operator
from decimal import Decimal
from heapq import heappop, heappush
from itertools import accumulate, chain, repeat

import pendulum

from clientpm.enums import MilestoneStatus, RequirementStatus
from clientpm.model.project import Project
from clientpm.money import Money
from clientpm.work_calendar import WorkCalendar, status_day

__all__ = ["Days", "Plan", "as_of_parts", "compute", "propagate"]

_ZERO = Decimal(0)
_DONE = RequirementStatus.DONE
_REMOVED = RequirementStatus.REMOVED
_SIGNED_OFF = RequirementStatus.SIGNED_OFF
_FINISHED = frozenset({MilestoneStatus.DELIVERED, MilestoneStatus.ACCEPTED})


class Days:
    """Working-day indices <-> dates, for one calendar and plan start (epoch)."""

    __slots__ = ("calendar", "epoch")

    def __init__(self, calendar: WorkCalendar, epoch: int) -> None:
        self.calendar = calendar
        self.epoch = epoch

    def before(self, ordinal: int) -> int:
        """Index of the first working day on or after ``ordinal``."""
        if ordinal >= self.epoch:
            return self.calendar.count_workdays_ordinal(self.epoch, ordinal)
        return -self.calendar.count_workdays_ordinal(ordinal, self.epoch)

    def end(self, day: _dt.date) -> int:
        """Exclusive end index of work finished by the end of ``day``."""
        return self.before(day.toordinal() + 1)

    def date(self, index: int) -> pendulum.Date:
        """The working day with this index."""
        cal = self.calendar
        if index >= 0:
            return pendulum.Date.fromordinal(cal.add_workdays_ordinal(self.epoch - 1, index + 1))
        return pendulum.Date.fromordinal(cal.add_workdays_ordinal(self.epoch, index))

    def finish(self, end: int) -> pendulum.Date:
        """The last working day of work that ends (exclusively) at index ``end``."""
        return self.date(end - 1)


def as_of_parts(
    as_of: object, calendar: WorkCalendar, where: str = "schedule.as_of"
) -> tuple[pendulum.Date | None, _dt.datetime | None]:
    """The as-of day and the instant before which work counts as done.

    The day is :func:`clientpm.work_calendar.status_day`; ``None`` stands for
    the plan as recorded.
    """
    if as_of is None:
        return None, None
    day = status_day(as_of, calendar, where)
    if isinstance(as_of, _dt.datetime):
        return day, pendulum.instance(as_of).add(microseconds=1)
    nxt = day.add(days=1)
    return day, pendulum.datetime(nxt.year, nxt.month, nxt.day, tz=calendar.timezone)


class Plan:
    """The computed arrays of a schedule; never changed after :func:`schedule` builds it.

    The graph is kept as flat arrays (compressed sparse rows): the
    predecessors of milestone ``i`` are ``pred[poff[i]:poff[i + 1]]`` and its
    successors ``succ[soff[i]:soff[i + 1]]``. Flat lists of ints hold no
    container per milestone, which keeps the garbage collector out of a
    100,000-milestone schedule.
    """

    __slots__ = (
        "actual", "days", "delivered_by", "due", "dur", "ef", "es", "explicit", "finish",
        "finish_count", "fixed", "forecast_cost", "ids", "lf", "ls", "order", "poff", "pos",
        "pred", "rank", "remaining", "req_remaining", "scope_days", "soff", "succ",
    )  # fmt: skip

    ids: list[str]
    pos: dict[str, int]
    pred: list[int]
    poff: list[int]
    succ: list[int]
    soff: list[int]
    order: list[int]
    rank: list[int]
    dur: list[int]
    due: list[int]
    fixed: dict[int, int]
    actual: dict[int, pendulum.Date]
    remaining: list[Decimal]
    forecast_cost: Money  # set on first use by Schedule.forecast_cost
    explicit: list[bool]
    es: list[int]
    ef: list[int]
    ls: list[int]
    lf: list[int]
    finish: int
    finish_count: int
    req_remaining: dict[str, Decimal]
    delivered_by: dict[str, int | list[int]]
    scope_days: Decimal
    days: Days

    def preds(self, i: int) -> list[int]:
        """The predecessors of milestone ``i``."""
        return self.pred[self.poff[i] : self.poff[i + 1]]

    def succs(self, i: int) -> list[int]:
        """The successors of milestone ``i``."""
        return self.succ[self.soff[i] : self.soff[i + 1]]


def _remaining_effort(
    project: Project, cutoff: _dt.datetime | None
) -> tuple[dict[str, Decimal], Decimal]:
    """Remaining person-days of every requirement, and the signed-off scope."""
    remaining: dict[str, Decimal] = {}
    scope = _ZERO
    for r in project.requirements:
        status = r.status
        if status is _REMOVED:
            remaining[r.id] = _ZERO
            continue
        est = r.estimate_days
        if status is _DONE:
            scope += est
            done = cutoff is None or (r.completed_at is not None and r.completed_at < cutoff)
            remaining[r.id] = _ZERO if done else est
        else:
            if status is _SIGNED_OFF:
                scope += est
            remaining[r.id] = est
    return remaining, scope


def compute(project: Project, day: pendulum.Date | None, cutoff: _dt.datetime | None) -> Plan:
    """Run both passes over ``project`` as it stands at ``day`` (work done before ``cutoff``).

    Example:
        >>> from clientpm import sample_project
        >>> plan = compute(sample_project(), None, None)
        >>> plan.ids[:2]
        ['M1', 'M2']

    """
    cal = project.calendar
    epoch = project.start.toordinal()
    if day is not None and day.toordinal() > epoch:
        epoch = day.toordinal()
    days = Days(cal, epoch)
    plan = Plan()
    req_remaining, scope = _remaining_effort(project, cutoff)

    # One pass over the milestones: predecessors, due dates, durations.
    milestones = project.milestones
    n = len(milestones)
    pos = {m.id: i for i, m in enumerate(milestones)}
    pred: list[int] = []
    poff = [0] * (n + 1)
    dur = [0] * n
    due = [0] * n
    remaining = [_ZERO] * n
    explicit = [False] * n
    fixed: dict[int, int] = {}
    actual: dict[int, pendulum.Date] = {}
    delivered_by: dict[str, int | list[int]] = {}
    due_memo: dict[int, int] = {}
    cap = project.daily_capacity
    unit = cap == 1
    before, extend, lookup = days.before, pred.extend, pos.__getitem__
    for i, m in enumerate(milestones):
        extend(map(lookup, m.depends_on))
        poff[i + 1] = len(pred)
        o = m.due.toordinal()
        e = due_memo.get(o)
        if e is None:
            e = due_memo[o] = before(o + 1)
        due[i] = e
        total = _ZERO
        for d in m.deliverables:
            total += req_remaining[d]
            seen = delivered_by.setdefault(d, i)
            if seen != i:
                delivered_by[d] = [*seen, i] if isinstance(seen, list) else [seen, i]
        at = m.delivered_at
        if at is not None and m.status in _FINISHED and (cutoff is None or at < cutoff):
            finished = cal.local_date(at)
            fixed[i] = before(finished.toordinal() + 1)
            actual[i] = finished
            continue
        remaining[i] = total
        if m.duration_days is not None:
            dur[i] = m.duration_days
            explicit[i] = True
        elif total:
            dur[i] = math.ceil(total if unit else total / cap)

    # Successors: the edges sorted by their source (C-level sort, no per-node lists).
    indeg = list(map(operator.sub, poff[1:], poff[:-1]))
    sources = list(chain.from_iterable(map(repeat, range(n), indeg)))
    by_source = sorted(range(len(pred)), key=pred.__getitem__)
    succ = list(map(sources.__getitem__, by_source))
    outdeg = [0] * n
    for j in pred:
        outdeg[j] += 1
    soff = [0, *accumulate(outdeg)]

    # Forward pass fused with Kahn's topological sort.
    order = [i for i in range(n) if not indeg[i]]
    es = [0] * n
    ef = [0] * n
    for i in order:
        if i in fixed:
            f = es[i] = fixed[i]
        else:
            f = es[i] + dur[i]
        ef[i] = f
        for s in succ[soff[i] : soff[i + 1]]:
            if f > es[s]:
                es[s] = f
            k = indeg[s] - 1
            indeg[s] = k
            if not k:
                order.append(s)

    # Backward pass in reverse topological order, pushing latest starts to predecessors.
    lf = due[:]
    ls = [0] * n
    for i in reversed(order):
        start = lf[i] - dur[i]
        ls[i] = start
        for j in pred[poff[i] : poff[i + 1]]:
            if start < lf[j]:
                lf[j] = start

    rank = [0] * n
    for k, i in enumerate(order):
        rank[i] = k
    plan.days = days
    plan.ids = [m.id for m in milestones]
    plan.pos, plan.pred, plan.poff, plan.succ, plan.soff = pos, pred, poff, succ, soff
    plan.order, plan.rank = order, rank
    plan.dur, plan.due, plan.fixed, plan.actual = dur, due, fixed, actual
    plan.remaining, plan.explicit = remaining, explicit
    plan.es, plan.ef, plan.ls, plan.lf = es, ef, ls, lf
    plan.finish = max(ef) if ef else 0
    plan.finish_count = ef.count(plan.finish)
    plan.req_remaining, plan.delivered_by, plan.scope_days = req_remaining, delivered_by, scope
    return plan


def propagate(
    p: Plan, new_dur: dict[int, int], new_due: dict[int, int]
) -> tuple[dict[int, int], dict[int, int], int]:
    """Recompute only what changes when durations and due dates change.

    Returns the new earliest finishes and latest finishes of the milestones
    whose values change, and how many milestones were looked at. Each pass
    walks a heap ordered by topological rank, so a milestone is looked at once,
    after every changed predecessor (forward) or successor (backward).
    """
    rank, fixed = p.rank, p.fixed
    pred, poff, succ, soff = p.pred, p.poff, p.succ, p.soff
    ef, ls, lf, dur, due = p.ef, p.ls, p.lf, p.dur, p.due
    visited = 0

    # Forward: recompute earliest dates of what the slip reaches, in topological order.
    new_ef: dict[int, int] = {}
    heap = [(rank[i], i) for i in new_dur]
    queued = set(new_dur)
    heap.sort()
    while heap:
        _, i = heappop(heap)
        visited += 1
        if i in fixed:
            continue
        start = 0
        for j in pred[poff[i] : poff[i + 1]]:
            f = new_ef.get(j, ef[j])
            if f > start:
                start = f
        finish = start + new_dur.get(i, dur[i])
        if finish != ef[i]:
            new_ef[i] = finish
            for s in succ[soff[i] : soff[i + 1]]:
                if s not in queued:
                    queued.add(s)
                    heappush(heap, (rank[s], s))

    # Backward: recompute latest dates of what a longer duration or new due reaches.
    new_lf: dict[int, int] = {}
    new_ls: dict[int, int] = {}
    seeds = set(new_dur) | set(new_due)
    back = [(-rank[i], i) for i in seeds]
    back.sort()
    while back:
        _, i = heappop(back)
        visited += 1
        late = new_due.get(i, due[i])
        for s in succ[soff[i] : soff[i + 1]]:
            v = new_ls.get(s, ls[s])
            if v < late:
                late = v
        start = late - new_dur.get(i, dur[i])
        if late != lf[i]:
            new_lf[i] = late
        if start != ls[i]:
            new_ls[i] = start
            for j in pred[poff[i] : poff[i + 1]]:
                if j not in seeds:
                    seeds.add(j)
                    heappush(back, (-rank[j], j))
    return new_ef, new_lf, visited
