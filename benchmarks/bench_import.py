"""Import cost: ``import clientpm`` against ``import attrs, pendulum, pluggy``.

Each figure is the median wall time of fresh interpreters (``python -c ...``),
so the operating system's file cache is warm and only the import work differs.
Ratios are printed against the peer measured in the same run.

``--baseline-python PATH`` adds the same figures for another interpreter with
another clientpm installed (for instance a virtual environment holding the
0.1.0 wheel), so a release can be compared with this tree on one machine::

    python benchmarks/bench_import.py --baseline-python /path/to/venv/bin/python
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

PEER = "import attrs, pendulum, pluggy"
CASES = {
    "import clientpm": "import clientpm",
    "clientpm + first object (Project)": "import clientpm; clientpm.Project",
    "clientpm + weekly_report and render": (
        "import clientpm; clientpm.weekly_report; clientpm.render"
    ),
}


def time_once(python: str, code: str) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--baseline-python", help="an interpreter with another clientpm")
    args = parser.parse_args()

    pythons = {"this tree": sys.executable}
    if args.baseline_python:
        pythons["baseline"] = args.baseline_python
    # Every measurement of a round runs once before any runs twice (interleaved), so a
    # busy spell of the machine falls on all of them alike; medians of the rounds.
    jobs = [("start-up", name, python, "pass") for name, python in pythons.items()]
    jobs.append(("peer", "this tree", sys.executable, PEER))
    jobs += [(label, name, python, code) for label, code in CASES.items()
             for name, python in pythons.items()]  # fmt: skip
    times: dict[tuple[str, str], list[float]] = {(job[0], job[1]): [] for job in jobs}
    for _ in range(args.runs):
        for label, name, python, code in jobs:
            times[label, name].append(time_once(python, code))
    median = {key: statistics.median(values) for key, values in times.items()}
    empty = median["start-up", "this tree"]
    peer = median["peer", "this tree"] - empty
    print(f"interpreter start-up {empty * 1e3:.1f} ms (subtracted below); {args.runs} rounds")
    print(f"{PEER:<50} {peer * 1e3:7.1f} ms  1.00x")
    for label in CASES:
        for name in pythons:
            took = median[label, name] - median["start-up", name]
            print(f"{label + ' (' + name + ')':<50} {took * 1e3:7.1f} ms  {took / peer:.2f}x")


if __name__ == "__main__":
    main()
