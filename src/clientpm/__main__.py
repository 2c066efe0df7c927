"""The command-line face of clientpm: the only module that reads files and prints.

Usage::

    python -m clientpm report [PROJECT.json] [--kind weekly|monthly|risks] [--as-of DATE]
                              [--format markdown|html|text] [--locale en|zh]
    python -m clientpm demo [--as-of 2026-11-24]
    python -m clientpm validate PROJECT.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

import pendulum

from clientpm.errors import ClientPMError, SerializationError
from clientpm.model import Project
from clientpm.sample import SAMPLE_AS_OF, sample_project

__all__ = ["main", "overview"]


def _date(text: str) -> pendulum.Date:
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def overview(project: Project, as_of: pendulum.Date) -> str:
    """Summarise a project as plain text: scope, milestones, changes, risks, feedback, promises.

    Example:
        >>> from clientpm import sample_project
        >>> from clientpm.sample import SAMPLE_AS_OF
        >>> print(overview(sample_project(), SAMPLE_AS_OF).splitlines()[0])
        ACME HR portal (ACME) for Li Wei, as of 2026-11-24

    """
    lines = [
        f"{project.name} ({project.key}) for {project.client.name}, as of {as_of.isoformat()}",
        (
            f"Budget {project.budget}; signed-off scope {len(project.scope_baseline)} requirements "
            f"costing {project.estimated_cost} at {project.day_rate} a day"
        ),
        "",
        "Milestones:",
    ]
    for m in project.milestones:
        moved = f" (baseline {m.baseline_due})" if m.due != m.baseline_due else ""
        lines.append(f"  {m.id:<4} {m.title:<28} due {m.due}{moved}  {m.status.value}")
    lines += ["", "Requirements:"]
    for r in project.requirements:
        lines.append(
            f"  {r.id:<6} {r.title:<44} {r.priority.value:<6} {r.estimate_days:>4} d  "
            f"{r.status.value}"
        )
    waiting = [c for c in project.change_requests if c.status.is_open]
    lines += ["", f"Change requests awaiting a decision or implementation: {len(waiting)}"]
    lines += [f"  {c.id:<5} {c.title} ({c.status.value})" for c in waiting]
    lines += ["", "Risks (probability x impact):"]
    for k in sorted(project.risks, key=lambda k: (-k.score, k.id)):
        stale = "  review overdue" if k.is_stale(as_of) else ""
        lines.append(f"  {k.id:<4} {k.score:>2}  {k.title}{stale}")
    open_feedback = [f for f in project.feedback if f.is_open]
    lines += ["", f"Open feedback: {len(open_feedback)}"]
    for f in open_feedback:
        answered = "answered" if f.responded_at else "NOT ANSWERED"
        lines.append(f"  {f.id:<4} {f.kind.value:<10} {answered:<13} {f.text}")
    due = [p for p in project.commitments if p.is_open]
    lines += ["", f"Open promises to the client: {len(due)}"]
    lines += [f"  {p.id:<4} due {p.due}  {p.promise}" for p in due]
    return "\n".join(lines)


def _load(path: str, out: TextIO) -> tuple[Project | None, int]:
    """Read a project file; on failure print every problem and give the exit status."""
    from clientpm.serialization import from_dict

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as err:
        print(f"{path}: cannot read the file: {err.strerror}", file=out)
        return None, 2
    except json.JSONDecodeError as err:
        print(
            f"{path}: not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}", file=out
        )
        return None, 1
    try:
        return from_dict(Project, data), 0
    except SerializationError as err:
        print(f"{path}: {len(err.problems)} problem(s):", file=out)
        for problem in err.problems:
            print(f"  {problem}", file=out)
        return None, 1


def _validate(path: str, out: TextIO) -> int:
    project, status = _load(path, out)
    if project is None:
        return status
    print(
        f"{path}: valid project {project.key!r} with {len(project.requirements)} requirements "
        f"and {len(project.milestones)} milestones",
        file=out,
    )
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from clientpm.reports import monthly_report, render, risk_register, weekly_report

    if args.file is None:
        project = sample_project()
    else:
        loaded, status = _load(args.file, out)
        if loaded is None:
            return status
        project = loaded
    build = {"weekly": weekly_report, "monthly": monthly_report, "risks": risk_register}[args.kind]
    try:
        report = build(project, as_of=args.as_of, locale=args.locale)
        print(render(report, args.format), file=out, end="")
    except ClientPMError as err:
        print(f"error: {err}", file=out)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m clientpm",
        description="Keep a client relationship honest: scope, milestones, changes, risks.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="print an overview of the embedded sample project")
    demo.add_argument("--as-of", type=_date, default=SAMPLE_AS_OF, help="date, YYYY-MM-DD")
    validate = commands.add_parser("validate", help="check a project JSON file")
    validate.add_argument("file", help="path to a project file written by clientpm.to_dict")
    report = commands.add_parser("report", help="print a client report")
    report.add_argument(
        "file", nargs="?", help="project file written by clientpm.to_dict (default: the sample)"
    )
    report.add_argument("--kind", choices=["weekly", "monthly", "risks"], default="weekly")
    report.add_argument("--as-of", type=_date, default=SAMPLE_AS_OF, help="date, YYYY-MM-DD")
    report.add_argument("--format", choices=["markdown", "html", "text"], default="text")
    report.add_argument(
        "--locale", choices=["en", "zh"], default=None, help="default: the client's locale"
    )
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> main(["demo"], out=buffer)
        0
        >>> "Milestones:" in buffer.getvalue()
        True

    """
    stream = out if out is not None else sys.stdout
    args = _parser().parse_args(argv)
    if args.command == "demo":
        print(overview(sample_project(), args.as_of), file=stream)
        return 0
    if args.command == "report":
        return _report(args, stream)
    return _validate(args.file, stream)


if __name__ == "__main__":  # pragma: no cover
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader stopped early, as in `... | head`
        sys.stderr.close()
        sys.exit(0)
