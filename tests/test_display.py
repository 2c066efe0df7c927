"""Jupyter display of schedules, impacts, projects, reports and SMART checks."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest
from IPython.core.formatters import DisplayFormatter
from markdown_it import MarkdownIt
from markdown_it.token import Token

import clientpm as cpm
from clientpm.sample import SAMPLE_AS_OF

MIME_TYPES = ("text/plain", "text/markdown", "text/html")


def formatted(obj: object) -> dict[str, Any]:
    """What Jupyter would show for ``obj``, without a kernel."""
    data, _ = DisplayFormatter().format(obj)  # type: ignore[no-untyped-call]
    return dict(data)


def parse_markdown(text: str) -> list[Token]:
    # linkify-it-py is not installed; tables are all we need.
    return MarkdownIt("gfm-like", {"linkify": False}).parse(text)


def check_bundle(obj: object) -> dict[str, Any]:
    """Check the common shape of a display and return it."""
    data = formatted(obj)
    for mime in MIME_TYPES:
        assert mime in data, mime
        assert isinstance(data[mime], str)
    assert "application/json" not in data
    assert "<table" in data["text/html"]
    assert "<script" not in data["text/html"].lower()
    tokens = parse_markdown(data["text/markdown"])
    assert sum(t.type == "table_open" for t in tokens) >= 1
    return data


def cells_per_row(markdown: str) -> list[int]:
    """The number of header or body cells in each row of the Markdown tables."""
    counts: list[int] = []
    for token in parse_markdown(markdown):
        if token.type == "tr_open":
            counts.append(0)
        elif token.type in ("td_open", "th_open"):
            counts[-1] += 1
    return counts


@pytest.fixture
def project() -> cpm.Project:
    return cpm.sample_project()


def test_schedule_display(project: cpm.Project) -> None:
    plan = cpm.schedule(project, as_of=SAMPLE_AS_OF)
    data = check_bundle(plan)
    assert "Schedule as of 2026-11-24" in data["text/plain"]
    for milestone_id in plan:
        assert milestone_id in data["text/markdown"]
        assert f"<td>{milestone_id}</td>" in data["text/html"]
    m2 = plan["M2"]
    assert f"| M2 | {m2.earliest_start} | {m2.earliest_finish} |" in data["text/markdown"]
    assert f"| {m2.slack_days} | {m2.days_late} | no |" in data["text/markdown"]
    assert cells_per_row(data["text/markdown"]) == [8] * (len(plan) + 1)


def test_schedule_display_marks_critical(project: cpm.Project) -> None:
    at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
    late = project.replace(
        project.milestone("M2").reschedule(pendulum.date(2026, 11, 25), by="li.wei", at=at,
                                           why="earlier")
    )  # fmt: skip
    plan = cpm.schedule(late, as_of=SAMPLE_AS_OF)
    assert plan["M2"].critical
    data = check_bundle(plan)
    row = next(line for line in data["text/markdown"].splitlines() if line.startswith("| M2 "))
    assert row.endswith("| yes |")


def test_schedule_display_as_planned(project: cpm.Project) -> None:
    data = check_bundle(cpm.schedule(project))
    assert "Schedule (as planned)" in data["text/plain"]


def test_impact_display_english(project: cpm.Project) -> None:
    impact = cpm.assess_change(
        project, project.change_request("CR-1"), as_of=SAMPLE_AS_OF, locale="en"
    )
    data = check_bundle(impact)
    markdown = data["text/markdown"]
    assert "Impact of change request CR-1" in data["text/plain"]
    assert impact.summary.split(".")[0] in data["text/plain"]
    slip = impact.schedule.max_slip_days
    assert slip > 0
    assert f"| Largest slip (working days) | {slip} |" in markdown
    assert "| Milestones that move | M2, M3, M4 |" in markdown
    assert "| Added requirements | REQ-8 |" in markdown
    assert str(impact.budget.cost_delta) in markdown
    assert "wang.fang" in data["text/html"]
    assert set(cells_per_row(markdown)) == {2}


def test_impact_display_chinese(project: cpm.Project) -> None:
    impact = cpm.assess_change(
        project, project.change_request("CR-1"), as_of=SAMPLE_AS_OF, locale="zh"
    )
    data = check_bundle(impact)
    assert "变更请求影响 CR-1" in data["text/plain"]
    assert f"| 最大推迟（工作日） | {impact.schedule.max_slip_days} |" in data["text/markdown"]
    assert "收费 30800.00 CNY" in data["text/html"]
    assert "Largest slip" not in data["text/plain"]


def test_project_display(project: cpm.Project) -> None:
    data = check_bundle(project)
    assert "ACME HR portal (ACME)" in data["text/plain"]
    assert project.client.name in data["text/plain"]
    assert str(project.budget) in data["text/plain"]
    assert f"{len(project.requirements)} requirements" in data["text/plain"]
    for milestone in project.milestones:
        assert f"| {milestone.id} | {milestone.title} |" in data["text/markdown"]
    assert "<td>in_progress</td>" in data["text/html"]
    assert cells_per_row(data["text/markdown"]) == [5] * (len(project.milestones) + 1)


def test_weekly_report_display(project: cpm.Project) -> None:
    check_bundle(cpm.weekly_report(project, as_of=SAMPLE_AS_OF))


def test_smart_report_display(project: cpm.Project) -> None:
    data = check_bundle(cpm.check_smart(project.goal("G1"), project=project, as_of=SAMPLE_AS_OF))
    assert "M (Measurable)" in data["text/markdown"]


def test_user_text_is_escaped(project: cpm.Project) -> None:
    title = "Beta | <script>alert(1)</script>\nsecond line"
    hostile = project.replace(attrs.evolve(project.milestone("M2"), title=title))
    plan = cpm.schedule(hostile, as_of=SAMPLE_AS_OF)
    for obj, columns in ((hostile, 5), (plan, 8)):
        data = check_bundle(obj)
        rows = cells_per_row(data["text/markdown"])
        assert rows == [columns] * (len(hostile.milestones) + 1)
    data = formatted(hostile)
    assert "&lt;script&gt;" in data["text/html"]
    assert "<script" not in data["text/html"]
    assert "&lt;script&gt;" in data["text/markdown"]
    assert "Beta \\|" in data["text/markdown"]
    markdown_html = MarkdownIt("gfm-like", {"linkify": False}).render(data["text/markdown"])
    assert "<script" not in markdown_html
