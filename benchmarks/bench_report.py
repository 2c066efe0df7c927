"""Benchmark: the weekly report of a large project, built and rendered to HTML.

Generates, deterministically, a project of 10,000 requirements, 1,000
milestones, 1,000 risks and 5,000 feedback items (see ``_big_project.py``)
and the same at a tenth of that size, then prints for each size:

* the time to build the ``Project`` (it validates everything; one run);
* the median of three runs of ``weekly_report`` and of ``render(..., "html")``,
  their sum (target at full size: under 0.5 s) and the HTML size;
* the ratio full / tenth of report + render (about 10 means linear).

Run it with ``python benchmarks/bench_report.py`` (``--profile`` to print the
top cProfile entries of report + render at the largest size).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from _big_project import big_project

import clientpm as cpm

TARGET = 0.5  # seconds for report + render at full size
RUNS = 3


def median_of(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, Any]:
    """The median wall time of ``runs`` calls, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, clientpm {cpm.__version__}")
    print(
        f"{'reqs':>7} {'miles':>6} {'risks':>6} {'fdbk':>6} {'build':>8} {'report':>8} "
        f"{'render':>8} {'rep+ren':>8} {'target':>7} {'html KB':>8}"
    )
    totals: dict[float, float] = {}
    last: tuple[cpm.Project, Any] | None = None
    for scale in sorted(args.scales):
        t = time.perf_counter()
        project, as_of = big_project(scale)
        build = time.perf_counter() - t
        rep, report = median_of(
            lambda p=project, a=as_of: cpm.weekly_report(p, as_of=a, locale="en")
        )
        ren, html = median_of(lambda r=report: cpm.render(r, "html"))
        totals[scale] = rep + ren
        target = f"<{TARGET}s" if scale == 1.0 else ""
        print(
            f"{len(project.requirements):>7,} {len(project.milestones):>6,} "
            f"{len(project.risks):>6,} {len(project.feedback):>6,} {build:>7.2f}s "
            f"{rep:>7.3f}s {ren:>7.3f}s {rep + ren:>7.3f}s {target:>7} "
            f"{len(html.encode()) / 1024:>8.1f}"
        )
        last = (project, as_of)
    if 0.1 in totals and 1.0 in totals:
        print(
            f"ratio full / tenth of report + render: {totals[1.0] / totals[0.1]:.1f} (linear: ~10)"
        )
    if args.profile and last is not None:
        project, as_of = last
        profiler = cProfile.Profile()
        profiler.enable()
        cpm.render(cpm.weekly_report(project, as_of=as_of, locale="en"), "html")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
