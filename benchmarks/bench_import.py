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


def median_seconds(python: str, code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--baseline-python", help="an interpreter with another clientpm")
    args = parser.parse_args()

    pythons = {"this tree": sys.executable}
    if args.baseline_python:
        pythons["baseline"] = args.baseline_python
    empty = median_seconds(sys.executable, "pass", args.runs)
    peer = median_seconds(sys.executable, PEER, args.runs) - empty
    print(f"interpreter start-up {empty * 1e3:.1f} ms (subtracted below)")
    print(f"{PEER:<45} {peer * 1e3:7.1f} ms  1.00x")
    for label, code in CASES.items():
        for name, python in pythons.items():
            start_up = median_seconds(python, "pass", args.runs)
            took = median_seconds(python, code, args.runs) - start_up
            print(f"{label + ' (' + name + ')':<45} {took * 1e3:7.1f} ms  {took / peer:.2f}x")


if __name__ == "__main__":
    main()
