"""Forecast confidence: three-point (PERT) estimates and a Monte Carlo over the milestone graph.

:func:`pert` turns an optimistic, most likely and pessimistic estimate into an
expected value and a standard deviation; :func:`due_date_confidence` answers
"how likely is this milestone to finish by its due date?" by sampling every
unfinished deliverable's effort many times and pushing each sample through
the dependency graph.

The simulation follows the duration rule of :func:`clientpm.scheduling.schedule`,
with sampled effort in place of ``estimate_days``:

* work starts on working day 0, the first working day on or after the later
  of ``project.start`` and ``as_of``; every date is an integer working-day
  index from there, and indices are turned into dates only at the end;
* a milestone delivered or accepted on or before ``as_of`` finishes on its
  delivery day in every iteration; one with an explicit ``duration_days``
  always takes that many working days;
* any other milestone takes ``ceil(effort / project.daily_capacity)``
  working days, where ``effort`` is the sum of one draw per unfinished
  deliverable (requirements done on or before ``as_of`` and removed ones
  count 0); a requirement delivered by several milestones is drawn once per
  iteration and shared;
* a milestone starts when its last predecessor has finished
  (``finish = max(predecessors' finish) + duration``), and it is on time when
  its finish is on or before the last working day on or before its ``due``.

Each requirement's draw comes from its three-point estimate
(:func:`requirement_estimate`): a triangular distribution on
(optimistic, most likely, pessimistic) by default, or the PERT beta
distribution with ``distribution="pert"``. Only the milestone and its
ancestors are simulated. The random numbers come from a generator created
inside the call from ``seed``, so the same seed gives the same answer.

numpy is optional: ``engine="auto"`` uses it when it is installed and pure
Python otherwise. The two engines draw different random streams, so their
answers agree statistically (within sampling error), not bit for bit.
"""

from __future__ import annotations

import importlib
import math
import random
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from clientpm._checks import MAX_DAYS, Checks, describe
from clientpm._convert import to_decimal_or_keep
from clientpm.enums import MilestoneStatus, RequirementStatus
from clientpm.errors import ValidationError
from clientpm.model.project import Project, require_project
from clientpm.model.requirement import Requirement
from clientpm.work_calendar import WorkCalendar, status_day

__all__ = ["Confidence", "ThreePoint", "due_date_confidence", "pert", "requirement_estimate"]

_ENGINES = ("auto", "numpy", "python")
_DISTRIBUTIONS = ("triangular", "pert")
_FINISHED = frozenset({MilestoneStatus.DELIVERED, MilestoneStatus.ACCEPTED})
#: Guards ``ceil`` against float noise (0.1 + 0.2 person-days is 0.3, not 0.30000000000000004).
_EPS = 1e-9
#: At most this many (iteration, milestone) cells per numpy block, to bound memory.
_BLOCK_CELLS = 2_000_000


@attrs.frozen
class ThreePoint:
    """A three-point estimate (PERT): optimistic, most likely and pessimistic.

    Attributes:
        optimistic: The best case, ``O`` (>= 0; each value at most 100,000 days).
        most_likely: The most likely value, ``M`` (``O <= M``).
        pessimistic: The worst case, ``P`` (``M <= P``).

    Example:
        >>> t = ThreePoint(2, 4, 12)
        >>> t.expected, round(t.std_dev, 4)
        (Decimal('5'), Decimal('1.6667'))

    """

    optimistic: Decimal = attrs.field(converter=to_decimal_or_keep)
    most_likely: Decimal = attrs.field(converter=to_decimal_or_keep)
    pessimistic: Decimal = attrs.field(converter=to_decimal_or_keep)

    def __attrs_post_init__(self) -> None:
        c = Checks("ThreePoint")
        c.number("optimistic", self.optimistic, low=0, high=MAX_DAYS)
        c.number("most_likely", self.most_likely, low=0, high=MAX_DAYS)
        c.number("pessimistic", self.pessimistic, low=0, high=MAX_DAYS)
        c.raise_if_any()
        if self.optimistic > self.most_likely:
            c.add(
                "optimistic",
                f"expected at most most_likely ({self.most_likely}), got {self.optimistic}",
            )
        if self.pessimistic < self.most_likely:
            c.add(
                "pessimistic",
                f"expected at least most_likely ({self.most_likely}), got {self.pessimistic}",
            )
        c.raise_if_any()

    @property
    def expected(self) -> Decimal:
        """The PERT mean ``(O + 4M + P) / 6``."""
        return (self.optimistic + 4 * self.most_likely + self.pessimistic) / 6

    @property
    def std_dev(self) -> Decimal:
        """The PERT standard deviation ``(P - O) / 6``."""
        return (self.pessimistic - self.optimistic) / 6

    @property
    def variance(self) -> Decimal:
        """The square of :attr:`std_dev`."""
        return self.std_dev * self.std_dev


def pert(optimistic: object, most_likely: object, pessimistic: object) -> ThreePoint:
    """Build a validated three-point estimate (``O <= M <= P``, all >= 0).

    Raises:
        ValidationError: naming the field, the value and what was expected.

    Example:
        >>> t = pert(2, 4, 12)
        >>> t.expected, t.std_dev == Decimal(5) / 3
        (Decimal('5'), True)
        >>> pert(5, 4, 12)
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: ThreePoint.optimistic: expected at most most_likely (4), got 5

    """  # noqa: E501
    return ThreePoint(optimistic, most_likely, pessimistic)


def requirement_estimate(requirement: Requirement) -> ThreePoint:
    """The three-point estimate of a requirement's remaining effort, in person-days.

    The most likely value is ``estimate_days``; a missing optimistic or
    pessimistic estimate defaults to ``estimate_days``.

    Example:
        >>> from clientpm import Requirement
        >>> r = Requirement(id="R1", title="Export", estimate_days=4, optimistic_days=3,
        ...                 acceptance_criteria=["CSV"])
        >>> requirement_estimate(r)
        ThreePoint(optimistic=Decimal('3'), most_likely=Decimal('4'), pessimistic=Decimal('4'))

    """
    if not isinstance(requirement, Requirement):
        raise ValidationError.single(
            "requirement_estimate.requirement",
            f"expected a clientpm.Requirement, got {describe(requirement)}",
        )
    most = requirement.estimate_days
    low = requirement.optimistic_days
    high = requirement.pessimistic_days
    return ThreePoint(most if low is None else low, most, most if high is None else high)


@attrs.frozen
class Confidence:
    """How likely a milestone is to finish by its due date, from a Monte Carlo run.

    Attributes:
        milestone_id: The milestone.
        due: Its due date.
        probability: Share of iterations finishing on or before ``due`` (0..1).
        mean: The mean finish, rounded to the nearest working day.
        mean_workdays: The mean finish in working days from ``as_of`` (the
            exclusive end index: 1 means "at the end of the first working day").
        p50: The median finish date.
        p80: The date 80% of iterations finish on or before.
        p95: The date 95% of iterations finish on or before.
        iterations: How many iterations were run.
        engine: ``"numpy"`` or ``"python"``: the engine actually used.
        distribution: ``"triangular"`` or ``"pert"``.
        seed: The seed of the random generator.

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> c = due_date_confidence(cpm.sample_project(), "M2", as_of=pendulum.date(2026, 11, 24),
        ...                         iterations=200, engine="python")
        >>> c.probability, c.p50 <= c.p80 <= c.p95 <= c.due
        (1.0, True)

    """

    milestone_id: str
    due: pendulum.Date
    probability: float
    mean: pendulum.Date
    mean_workdays: float
    p50: pendulum.Date
    p80: pendulum.Date
    p95: pendulum.Date
    iterations: int
    engine: str
    distribution: str
    seed: int


# -- the model: the ancestors of one milestone, in topological order -------------
@attrs.frozen
class _Model:
    """The simulation input, as flat lists over the relevant milestones (topological order)."""

    preds: list[list[int]]
    reqs: list[list[int]]
    fixed_end: list[int | None]
    fixed_dur: list[int | None]
    estimates: list[tuple[float, float, float]]
    capacity: float
    due_end: int


def _count(project: Project, epoch: int, ordinal: int) -> int:
    """Working days among ordinals ``[epoch, ordinal)`` (negative before the epoch)."""
    cal = project.calendar
    if ordinal >= epoch:
        return cal.count_workdays_ordinal(epoch, ordinal)
    return -cal.count_workdays_ordinal(ordinal, epoch)


def _build(project: Project, milestone_id: str, day: pendulum.Date, epoch: int) -> _Model:
    cal = project.calendar
    target = project.milestone(milestone_id)
    cutoff_day = day
    # Ancestors of the target, by depth-first search.
    relevant: set[str] = {target.id}
    stack = [target.id]
    while stack:
        for dep in project.milestone(stack.pop()).depends_on:
            if dep not in relevant:
                relevant.add(dep)
                stack.append(dep)
    stones = [m for m in project.milestones if m.id in relevant]
    # Kahn's algorithm over the relevant milestones (stable: project order among equals).
    indeg = {m.id: len(m.depends_on) for m in stones}
    succ: dict[str, list[str]] = {m.id: [] for m in stones}
    for m in stones:
        for dep in m.depends_on:
            succ[dep].append(m.id)
    order = [m.id for m in stones if not indeg[m.id]]
    for mid in order:
        for s in succ[mid]:
            indeg[s] -= 1
            if not indeg[s]:
                order.append(s)
    pos = {mid: i for i, mid in enumerate(order)}

    req_index: dict[str, int] = {}
    estimates: list[tuple[float, float, float]] = []
    preds: list[list[int]] = []
    reqs: list[list[int]] = []
    fixed_end: list[int | None] = []
    fixed_dur: list[int | None] = []
    for mid in order:
        m = project.milestone(mid)
        preds.append([pos[d] for d in m.depends_on])
        at = m.delivered_at
        if at is not None and m.status in _FINISHED and cal.local_date(at) <= cutoff_day:
            fixed_end.append(_count(project, epoch, cal.local_date(at).toordinal() + 1))
            fixed_dur.append(None)
            reqs.append([])
            continue
        fixed_end.append(None)
        fixed_dur.append(m.duration_days)
        mine: list[int] = []
        if m.duration_days is None:
            for rid in m.deliverables:
                r = project.requirement(rid)
                done = r.status is RequirementStatus.DONE and (
                    r.completed_at is not None and cal.local_date(r.completed_at) <= cutoff_day
                )
                if done or r.status is RequirementStatus.REMOVED:
                    continue
                if rid not in req_index:
                    req_index[rid] = len(estimates)
                    t = requirement_estimate(r)
                    estimates.append(
                        (float(t.optimistic), float(t.most_likely), float(t.pessimistic))
                    )
                mine.append(req_index[rid])
        reqs.append(mine)
    return _Model(
        preds=preds,
        reqs=reqs,
        fixed_end=fixed_end,
        fixed_dur=fixed_dur,
        estimates=estimates,
        capacity=float(project.daily_capacity),
        due_end=_count(project, epoch, target.due.toordinal() + 1),
    )


def _triangular_parts(
    estimates: list[tuple[float, float, float]],
) -> tuple[list[float], list[float], list[float], list[float], list[float]]:
    """Per estimate: low, mode share ``c``, ``(P-O)(M-O)``, high, ``(P-O)(P-M)``."""
    lo, cs, a, hi, b = [], [], [], [], []
    for o, m, p in estimates:
        span = p - o
        lo.append(o)
        hi.append(p)
        cs.append((m - o) / span if span > 0 else 1.0)
        a.append(span * (m - o))
        b.append(span * (p - m))
    return lo, cs, a, hi, b


def _beta_parts(
    estimates: list[tuple[float, float, float]],
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per estimate: low, span, alpha and beta of the PERT beta distribution."""
    lo, span, alpha, beta = [], [], [], []
    for o, m, p in estimates:
        s = p - o
        lo.append(o)
        span.append(s)
        alpha.append(1 + 4 * (m - o) / s if s > 0 else 1.0)
        beta.append(1 + 4 * (p - m) / s if s > 0 else 1.0)
    return lo, span, alpha, beta


def _run_python(model: _Model, iterations: int, seed: int, distribution: str) -> list[int]:
    rng = random.Random(seed)
    uniform = rng.random
    sqrt, ceil = math.sqrt, math.ceil
    cap = model.capacity
    n = len(model.preds)
    rows = list(zip(model.preds, model.reqs, model.fixed_end, model.fixed_dur, strict=True))
    ends = [0] * n
    result: list[int] = []
    if distribution == "triangular":
        tri = list(zip(*_triangular_parts(model.estimates), strict=True))
    else:
        lo, span, alpha, beta = _beta_parts(model.estimates)
        beta_rows = list(zip(lo, span, alpha, beta, strict=True))
        betavariate = rng.betavariate
    for _ in range(iterations):
        if distribution == "triangular":
            draws = [
                o + sqrt(u * a) if u < c else p - sqrt((1.0 - u) * b)
                for (o, c, a, p, b), u in ((t, uniform()) for t in tri)
            ]
        else:
            draws = [o + s * betavariate(al, be) if s > 0 else o for o, s, al, be in beta_rows]
        for i, (ps, rs, fe, fd) in enumerate(rows):
            if fe is not None:
                ends[i] = fe
                continue
            start = 0
            for j in ps:
                e = ends[j]
                if e > start:
                    start = e
            if fd is not None:
                ends[i] = start + fd
            elif rs:
                effort = 0.0
                for k in rs:
                    effort += draws[k]
                ends[i] = start + ceil(effort / cap - _EPS)
            else:
                ends[i] = start
        result.append(ends[n - 1])
    return result


def _run_numpy(np: Any, model: _Model, iterations: int, seed: int, distribution: str) -> Any:
    rng = np.random.default_rng(seed)
    n = len(model.preds)
    nreq = len(model.estimates)
    block = max(1, min(iterations, _BLOCK_CELLS // max(1, n + nreq)))
    if distribution == "triangular":
        lo, cs, a, hi, b = (
            np.asarray(v, dtype=float)[:, None] for v in _triangular_parts(model.estimates)
        )
    else:
        lo, span, alpha, beta = (
            np.asarray(v, dtype=float)[:, None] for v in _beta_parts(model.estimates)
        )
        alpha_safe = np.where(span > 0, alpha, 1.0)
        beta_safe = np.where(span > 0, beta, 1.0)
    out = np.empty(iterations, dtype=np.int64)
    done = 0
    while done < iterations:
        k = min(block, iterations - done)
        if distribution == "triangular":
            u = rng.random((nreq, k))
            draws = np.where(u < cs, lo + np.sqrt(u * a), hi - np.sqrt((1.0 - u) * b))
        else:
            draws = lo + span * rng.beta(alpha_safe, beta_safe, size=(nreq, k))
        ends: list[Any] = []
        zero = np.zeros(k, dtype=np.int64)
        for ps, rs, fe, fd in zip(
            model.preds, model.reqs, model.fixed_end, model.fixed_dur, strict=True
        ):
            if fe is not None:
                ends.append(np.full(k, fe, dtype=np.int64))
                continue
            start = zero
            for j in ps:
                start = np.maximum(start, ends[j])
            if fd is not None:
                ends.append(start + fd)
            elif rs:
                effort = draws[rs[0]] if len(rs) == 1 else draws[rs].sum(axis=0)
                dur = np.ceil(effort / model.capacity - _EPS).astype(np.int64)
                ends.append(start + dur)
            else:
                ends.append(start)
        out[done : done + k] = ends[n - 1]
        done += k
    return out


def _numpy() -> Any | None:
    try:
        return importlib.import_module("numpy")
    except ImportError:
        return None


def _rank(sorted_ends: list[int], q: float) -> int:
    """The nearest-rank percentile: the smallest value with at least ``q`` of the samples."""
    n = len(sorted_ends)
    return sorted_ends[max(0, math.ceil(q * n) - 1)]


def due_date_confidence(
    project: Project,
    milestone_id: str,
    *,
    as_of: pendulum.Date,
    iterations: int = 10_000,
    seed: int = 0,
    engine: str = "auto",
    distribution: str = "triangular",
) -> Confidence:
    """Estimate by Monte Carlo how likely a milestone is to finish by its due date.

    See the module documentation for the model. Percentiles use the nearest
    rank: P80 is the earliest finish that at least 80% of the iterations
    reach.

    Args:
        project: The project.
        milestone_id: The milestone to forecast.
        as_of: The status date; a time-zone-aware ``DateTime`` is read as its
            day in the project calendar's zone.
        iterations: Number of samples (>= 1).
        seed: Seed of the random generator created for this call.
        engine: ``"auto"`` (numpy when installed), ``"numpy"`` or ``"python"``.
        distribution: ``"triangular"`` or ``"pert"`` (beta).

    Raises:
        ValidationError: for a bad argument, or ``engine="numpy"`` without numpy.
        UnknownReferenceError: when the project has no such milestone.

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> c = due_date_confidence(cpm.sample_project(), "M4", as_of=pendulum.date(2026, 11, 24),
        ...                         iterations=300, seed=1)
        >>> c.probability, c.p95 < c.due, c.iterations
        (1.0, True, 300)

    """
    c = Checks("due_date_confidence")
    calendar = WorkCalendar()  # a stand-in, to check as_of when the project is not one
    try:
        calendar = require_project(project, "due_date_confidence.project").calendar
    except ValidationError as err:
        c.problems.extend(err.problems)
    day: pendulum.Date | None = None
    try:
        day = status_day(as_of, calendar, "due_date_confidence.as_of")
    except ValidationError as err:
        c.problems.extend(err.problems)
    c.integer("iterations", iterations, low=1)
    c.integer("seed", seed)
    if engine not in _ENGINES:
        c.add("engine", f"expected one of 'auto', 'numpy', 'python', got {describe(engine)}")
    if distribution not in _DISTRIBUTIONS:
        c.add("distribution", f"expected one of 'triangular', 'pert', got {describe(distribution)}")
    c.raise_if_any()
    np = None if engine == "python" else _numpy()
    if engine == "numpy" and np is None:
        raise ValidationError.single(
            "due_date_confidence.engine",
            "expected 'auto' or 'python' when numpy is not installed, got str 'numpy' "
            "(install numpy, or use engine='auto')",
        )
    assert day is not None  # refused above otherwise
    epoch_day = max(project.start, day)
    epoch = epoch_day.toordinal()
    model = _build(project, milestone_id, day, epoch)

    if np is not None:
        arr = np.sort(_run_numpy(np, model, iterations, seed, distribution))
        ends: list[int] = arr.tolist()
        used = "numpy"
    else:
        ends = sorted(_run_python(model, iterations, seed, distribution))
        used = "python"
    on_time = sum(1 for e in ends if e <= model.due_end)
    mean = math.fsum(ends) / len(ends)
    cal = project.calendar

    def finish(end: int) -> pendulum.Date:
        # The last working day of work ending (exclusively) at working-day index ``end``.
        if end >= 1:
            return cal.add_workdays(epoch_day.subtract(days=1), end)
        return cal.add_workdays(epoch_day, end - 1)

    return Confidence(
        milestone_id=milestone_id,
        due=project.milestone(milestone_id).due,
        probability=on_time / len(ends),
        mean=finish(math.floor(mean + 0.5)),
        mean_workdays=mean,
        p50=finish(_rank(ends, 0.5)),
        p80=finish(_rank(ends, 0.8)),
        p95=finish(_rank(ends, 0.95)),
        iterations=iterations,
        engine=used,
        distribution=distribution,
        seed=seed,
    )
