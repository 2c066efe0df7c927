"""Benchmark: the Monte Carlo due-date confidence with numpy and in pure Python.

Builds a random dependency graph of 1,000 milestones (seeded; about three
predecessors each; every milestone delivers 1 to 3 signed-off requirements
with three-point estimates), picks the milestone with the most ancestors
(so the whole graph is simulated), then prints the time of
``due_date_confidence`` at 10,000 iterations with ``engine="numpy"`` and
``engine="python"``, their ratio, and both answers (which should agree
within sampling error).

When the pure-Python run would take more than a minute (judged from a
1,000-iteration run), the script times a smaller run and extrapolates
linearly, and says so.

Run it with ``python benchmarks/bench_montecarlo.py`` (``--milestones 200``
for a quick look).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time

import pendulum

import clientpm as cpm
from clientpm.metrics.forecast import Confidence, due_date_confidence

START = pendulum.date(2026, 1, 5)
AS_OF = pendulum.date(2026, 3, 2)
TZ = "Asia/Shanghai"
AT = pendulum.datetime(2026, 1, 5, 9, tz=TZ)
LIMIT_SECONDS = 60.0


def build_project(n: int, seed: int = 1) -> cpm.Project:
    """A random plan of ``n`` milestones, ~3 predecessors each, 1-3 requirements each."""
    rng = random.Random(seed)
    cal = cpm.WorkCalendar(
        timezone=TZ,
        holidays=[pendulum.date(2026, 2, d) for d in range(16, 21)] + [pendulum.date(2026, 5, 1)],
        extra_workdays=[pendulum.date(2026, 2, 14)],
    )
    client = cpm.Stakeholder(id="client", name="Client", role=cpm.Role.SPONSOR)
    labels = [f"M{i}" for i in range(n)]
    reqs: list[cpm.Requirement] = []
    stones: list[cpm.Milestone] = []
    for i in range(n):
        k = min(i, 3)
        deps = [labels[j] for j in rng.sample(range(i), k)] if k else []
        ids = []
        for j in range(rng.randint(1, 3)):
            most = rng.randint(1, 10)
            r = cpm.Requirement(
                id=f"R{i}.{j}",
                title="Work",
                estimate_days=most,
                optimistic_days=rng.randint(max(0, most - 3), most),
                pessimistic_days=most + rng.randint(0, 8),
                acceptance_criteria=["done"],
            ).sign_off(by="client", at=AT)
            if i < n // 20 and rng.random() < 0.5:
                r = r.complete(by="client", at=AT.add(days=rng.randint(1, 50)))
            reqs.append(r)
            ids.append(r.id)
        due = START.add(days=40 + int(47 * math.log(i + 2)) + rng.randint(-10, 10))
        stones.append(
            cpm.Milestone(id=labels[i], title="M", due=due, deliverables=ids, depends_on=deps)
        )
    rng.shuffle(stones)  # the plan's order is not a topological order
    return cpm.Project(
        key="BENCH",
        name="Benchmark",
        client=client,
        currency="CNY",
        budget=cpm.Money(n * 40000, "CNY"),
        day_rate=cpm.Money("4000", "CNY"),
        start=START,
        calendar=cal,
        daily_capacity=2,
        requirements=reqs,
        milestones=stones,
    )


def deepest(project: cpm.Project) -> str:
    """The milestone with the most ancestors."""
    memo: dict[str, frozenset[str]] = {}
    by_id = {m.id: m for m in project.milestones}

    def ancestors(mid: str) -> frozenset[str]:
        # The graph is built in index order, so the recursion depth stays small
        # when visited in that order (see the loop below).
        if mid not in memo:
            found: set[str] = set()
            for dep in by_id[mid].depends_on:
                found.add(dep)
                found |= ancestors(dep)
            memo[mid] = frozenset(found)
        return memo[mid]

    for i in range(len(by_id)):
        ancestors(f"M{i}")
    return max(memo, key=lambda mid: len(memo[mid]))


def timed(
    project: cpm.Project, target: str, iterations: int, engine: str
) -> tuple[float, Confidence]:
    """The wall time and result of one run."""
    t = time.perf_counter()
    result = due_date_confidence(project, target, as_of=AS_OF, iterations=iterations, engine=engine)
    return time.perf_counter() - t, result


def show(label: str, seconds: float, c: Confidence) -> None:
    """Print one run."""
    print(
        f"{label:<28} {seconds:>8.3f}s  P(on time)={c.probability:.3f}  "
        f"P50={c.p50} P80={c.p80} P95={c.p95}  due={c.due}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=1_000)
    parser.add_argument("--iterations", type=int, default=10_000)
    args = parser.parse_args(argv)
    try:
        import numpy as np
    except ImportError:
        print("numpy is not installed: only the pure-Python engine can run")
        return 1
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}")
    t = time.perf_counter()
    project = build_project(args.milestones)
    target = deepest(project)
    print(
        f"{args.milestones:,} milestones, {len(project.requirements):,} requirements, "
        f"target {target}; built in {time.perf_counter() - t:.2f}s"
    )
    n = args.iterations
    timed(project, target, 10, "numpy")  # warm-up: import numpy, build caches
    numpy_time, numpy_result = timed(project, target, n, "numpy")
    show(f"numpy, {n:,} iterations", numpy_time, numpy_result)

    probe = min(n, 1_000)
    probe_time, probe_result = timed(project, target, probe, "python")
    estimate = probe_time * n / probe
    if estimate > LIMIT_SECONDS:
        python_time = estimate
        show(f"python, {probe:,} iterations", probe_time, probe_result)
        print(
            f"pure Python at {n:,} iterations would take about {estimate:.1f}s "
            f"(> {LIMIT_SECONDS:.0f}s): extrapolated linearly from the {probe:,}-iteration run"
        )
    else:
        python_time, python_result = timed(project, target, n, "python")
        show(f"python, {n:,} iterations", python_time, python_result)
    print(f"ratio python / numpy: {python_time / numpy_time:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
