"""Benchmark: schedule() and assess_change() against the same work written with networkx.

Builds random dependency graphs of 1,000, 10,000 and 100,000 milestones with
about three predecessors each (the Project is built once per size, outside
the timings), then prints for each size:

* the time of ``clientpm.scheduling.schedule()`` and of the same computation
  written with networkx (durations and due dates from the project, graph
  build, topological order, forward and backward pass, slack and critical
  path), best of a few runs each, and their ratio (target: <= 0.5 at 100,000);
* the median time of ``assess_change`` for a single-item change, reusing a
  precomputed schedule (target: < 5 ms at 100,000).

Run it with ``python benchmarks/bench_schedule.py`` (``--sizes 1000 10000`` for
a quick look). It checks that both implementations agree before timing them.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import networkx as nx
import pendulum

import clientpm as cpm
from clientpm.impact import ChangePolicy, assess_change
from clientpm.scheduling.result import schedule

START = pendulum.date(2026, 1, 5)
AS_OF = pendulum.date(2026, 3, 2)
TZ = "Asia/Shanghai"
AT = pendulum.datetime(2026, 1, 5, 9, tz=TZ)


def build_project(n: int, seed: int = 1) -> cpm.Project:
    """A random plan of ``n`` milestones, ~3 predecessors each, half with deliverables."""
    rng = random.Random(seed)
    cal = cpm.WorkCalendar(
        timezone=TZ,
        holidays=[pendulum.date(2026, 2, d) for d in range(16, 21)] + [pendulum.date(2026, 5, 1)],
        extra_workdays=[pendulum.date(2026, 2, 14)],
    )
    client = cpm.Stakeholder(id="client", name="Client", role=cpm.Role.SPONSOR)
    pm = cpm.Stakeholder(id="pm", name="PM", role=cpm.Role.PROJECT_MANAGER)
    labels = [f"M{i}" for i in range(n)]
    reqs: list[cpm.Requirement] = []
    stones: list[cpm.Milestone] = []
    for i in range(n):
        k = min(i, 3)
        deps = [labels[j] for j in rng.sample(range(i), k)] if k else []
        depth_guess = 4 * math.log(i + 2)
        due = START.add(days=int(depth_guess * 9 + rng.randint(-10, 60)))
        if i % 2:
            rid = f"R{i}"
            r = cpm.Requirement(
                id=rid,
                title="Work",
                estimate_days=rng.randint(1, 15),
                acceptance_criteria=["done"],
            ).sign_off(by="client", at=AT)
            if i % 10 == 1:
                r = r.complete(by="pm", at=AT.add(days=rng.randint(1, 80)))
            reqs.append(r)
            stones.append(
                cpm.Milestone(id=labels[i], title="M", due=due, deliverables=[rid], depends_on=deps)
            )
        else:
            stones.append(
                cpm.Milestone(
                    id=labels[i],
                    title="M",
                    due=due,
                    duration_days=rng.randint(1, 10),
                    depends_on=deps,
                )
            )
    rng.shuffle(stones)  # the plan's order is not a topological order
    return cpm.Project(
        key="BENCH",
        name="Benchmark",
        client=client,
        stakeholders=[pm],
        currency="CNY",
        budget=cpm.Money(n * 40000, "CNY"),
        day_rate=cpm.Money("4000", "CNY"),
        start=START,
        calendar=cal,
        daily_capacity=2,
        requirements=reqs,
        milestones=stones,
    )


def networkx_schedule(project: cpm.Project, as_of: pendulum.Date) -> dict[str, Any]:
    """The same schedule written plainly with networkx, for comparison."""
    cal = project.calendar
    epoch = max(project.start, as_of).toordinal()
    cutoff = pendulum.datetime(as_of.year, as_of.month, as_of.day, tz=cal.timezone).add(days=1)
    remaining: dict[str, Decimal] = {}
    for r in project.requirements:
        done = r.status is cpm.RequirementStatus.DONE and r.completed_at < cutoff
        gone = r.status is cpm.RequirementStatus.REMOVED
        remaining[r.id] = Decimal(0) if done or gone else r.estimate_days
    memo: dict[int, int] = {}
    duration: dict[str, int] = {}
    due: dict[str, int] = {}
    g = nx.DiGraph()
    for m in project.milestones:
        if m.duration_days is not None:
            d = m.duration_days
        else:
            d = math.ceil(
                sum((remaining[x] for x in m.deliverables), Decimal(0)) / project.daily_capacity
            )
        o = m.due.toordinal() + 1
        if o not in memo:
            memo[o] = cal._count(epoch, o) if o >= epoch else -cal._count(o, epoch)
        g.add_node(m.id)
        duration[m.id], due[m.id] = d, memo[o]
    g.add_edges_from((dep, m.id) for m in project.milestones for dep in m.depends_on)
    order = list(nx.topological_sort(g))
    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    for node in order:
        es[node] = max((ef[p] for p in g.predecessors(node)), default=0)
        ef[node] = es[node] + duration[node]
    ls: dict[str, int] = {}
    lf: dict[str, int] = {}
    for node in reversed(order):
        lf[node] = min([due[node], *(ls[s] for s in g.successors(node))])
        ls[node] = lf[node] - duration[node]
    slack = {node: lf[node] - ef[node] for node in order}
    critical = [node for node in order if slack[node] <= 0]
    return {"es": es, "ef": ef, "slack": slack, "critical": critical}


def best_of(fn: Callable[[], object], runs: int) -> float:
    """The best wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def check_same(project: cpm.Project) -> None:
    """Both implementations give the same slack and critical path."""
    ours = schedule(project, as_of=AS_OF)
    theirs = networkx_schedule(project, AS_OF)
    assert all(ours.slack(i) == s for i, s in theirs["slack"].items())
    assert set(ours.critical_path) == set(theirs["critical"])


def single_change(project: cpm.Project, rng: random.Random) -> cpm.ChangeRequest:
    """A change request that revises one open requirement's estimate."""
    open_reqs = [r for r in project.requirements if r.status is cpm.RequirementStatus.SIGNED_OFF]
    r = rng.choice(open_reqs)
    return cpm.ChangeRequest(
        id="CR-B",
        title="Bigger",
        requested_by="client",
        submitted_at=AT,
        reason="More",
        changes=[cpm.ReviseEstimate(r.id, r.estimate_days + rng.randint(1, 20))],
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--changes", type=int, default=200, help="assess_change samples")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, networkx {nx.__version__}")
    header = (
        f"{'milestones':>10} {'build':>8} {'schedule':>9} {'networkx':>9} {'ratio':>6} "
        f"{'assess med':>11} {'p90':>8} {'visited':>8}"
    )
    print(header)
    for n in args.sizes:
        t = time.perf_counter()
        project = build_project(n)
        build = time.perf_counter() - t
        check_same(project)
        runs = 3 if n >= 100_000 else 5
        ours = best_of(lambda p=project: schedule(p, as_of=AS_OF), runs)
        theirs = best_of(lambda p=project: networkx_schedule(p, AS_OF), runs)
        plan = schedule(project, as_of=AS_OF)
        policy = ChangePolicy()
        rng = random.Random(7)
        times, visits = [], []
        for _ in range(args.changes):
            cr = single_change(project, rng)
            t = time.perf_counter()
            impact = assess_change(project, cr, policy=policy, as_of=AS_OF, schedule=plan)
            times.append(time.perf_counter() - t)
            visits.append(impact.schedule.visited)
        med = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(
            f"{n:>10,} {build:>7.2f}s {ours:>8.3f}s {theirs:>8.3f}s {ours / theirs:>6.2f} "
            f"{med * 1e3:>9.2f}ms {p90 * 1e3:>6.2f}ms {statistics.median(visits):>8.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
