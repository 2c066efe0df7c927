"""HTML and SVG rendering of reports: self-contained, escaped, deterministic."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser

import attrs
import pendulum
import pytest

import clientpm
from clientpm.model.project import Project
from clientpm.reports.document import (
    HeatMap,
    Report,
    Timeline,
    TimelineRow,
)
from clientpm.reports.html import html_document, html_fragment
from clientpm.reports.periodic import monthly_report, weekly_report
from clientpm.reports.svg import heatmap_svg, timeline_svg
from tests.helpers import AS_OF

LOCALES = ("en", "zh")


BUILDERS: dict[str, Callable[..., Report]] = {"weekly": weekly_report, "monthly": monthly_report}


CASES = list(itertools.product(BUILDERS, LOCALES))


PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "</table><iframe src=//evil>",
    "<svg onload=alert(1)>",
    "<!--",
    "]]>",
    "</style><style>body{background:url(//evil)}</style>",
)


def _report(kind: str, locale: str, project: Project | None = None) -> Report:
    return BUILDERS[kind](project or clientpm.sample_project(), as_of=AS_OF, locale=locale)


class _Collector(HTMLParser):
    """Collects (tag, sorted attribute names) pairs and every attribute value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shapes: set[tuple[str, tuple[str, ...]]] = set()
        self.values: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shapes.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.values.extend(value or "" for _, value in attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def _hostile_project() -> Project:
    """The sample project with every piece of user text replaced by a payload."""
    project = clientpm.sample_project()
    payload = itertools.cycle(PAYLOADS)
    items: list[object] = []
    items += [attrs.evolve(r, title=next(payload)) for r in project.requirements]
    items += [
        attrs.evolve(m, title=next(payload), description=next(payload)) for m in project.milestones
    ]
    items += [attrs.evolve(r, title=next(payload)) for r in project.risks]
    items += [attrs.evolve(f, text=next(payload)) for f in project.feedback]
    items += [
        attrs.evolve(c, title=next(payload), reason=next(payload)) for c in project.change_requests
    ]
    items += [attrs.evolve(c, promise=next(payload)) for c in project.commitments]
    # Built, not replace()d: a signed-off requirement's title changes only by a change request.
    fields: dict[str, list[object]] = {}
    for item in items:
        fields.setdefault(_FIELD[type(item)], []).append(item)
    hostile = attrs.evolve(project, **fields)  # type: ignore[arg-type]
    return attrs.evolve(hostile, name="<script>alert('name')</script> & <b>Co</b>")


_FIELD = {
    clientpm.Requirement: "requirements", clientpm.Milestone: "milestones",
    clientpm.Risk: "risks", clientpm.Feedback: "feedback",
    clientpm.ChangeRequest: "change_requests", clientpm.Commitment: "commitments",
}  # fmt: skip


@pytest.mark.parametrize(("kind", "locale"), CASES)
def test_document_is_self_contained(kind: str, locale: str) -> None:
    page = html_document(_report(kind, locale))
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{locale}">' in page
    assert '<meta charset="utf-8">' in page
    assert 1 == page.count("<style")
    assert "<script" not in page.lower()
    assert "<foreignobject" not in page.lower()
    assert re.search(r"\s(src|href|xlink:href)\s*=", page, re.IGNORECASE) is None
    assert "url(" not in page
    assert "@import" not in page
    assert "@media print" in page
    assert '"Noto Sans CJK SC"' in page
    collector = _parse(page)
    assert [] == [v for v in collector.values if "http" in v and "w3.org/2000/svg" not in v]


@pytest.mark.parametrize("locale", LOCALES)
def test_monthly_has_timeline_and_heat_map(locale: str) -> None:
    page = html_document(_report("monthly", locale))
    assert 2 <= page.count("<svg")
    heat = "风险热力图" if locale == "zh" else "Risk heat map"
    legend = "基线" if locale == "zh" else "Baseline"
    assert f'aria-label="{heat}"' in page
    assert legend in page
    assert 'role="img"' in page
    assert re.search(r">20\d\d-\d\d-\d\d</text>", page) is not None  # axis ticks


@pytest.mark.parametrize(("kind", "locale"), CASES)
def test_hostile_text_cannot_add_markup(kind: str, locale: str) -> None:
    benign = _parse(html_document(_report(kind, locale)))
    hostile_page = html_document(_report(kind, locale, _hostile_project()))
    hostile = _parse(hostile_page)
    assert set() == hostile.shapes - benign.shapes
    assert [] == [v for v in hostile.values if v.strip().lower().startswith("javascript:")]
    assert benign.comments == hostile.comments
    assert "<script" not in hostile_page.lower()
    assert "&lt;script&gt;" in hostile_page


@pytest.mark.parametrize(("kind", "locale"), CASES)
def test_hostile_fragment_cannot_add_markup(kind: str, locale: str) -> None:
    benign = _parse(html_fragment(_report(kind, locale)))
    hostile = _parse(html_fragment(_report(kind, locale, _hostile_project())))
    assert set() == hostile.shapes - benign.shapes


@pytest.mark.parametrize(("kind", "locale"), CASES)
def test_rendering_is_deterministic(kind: str, locale: str) -> None:
    assert html_document(_report(kind, locale)) == html_document(_report(kind, locale))
    assert html_fragment(_report(kind, locale)) == html_fragment(_report(kind, locale))


@pytest.mark.parametrize(("kind", "locale"), CASES)
def test_fragment_is_a_scoped_div(kind: str, locale: str) -> None:
    part = html_fragment(_report(kind, locale))
    assert part.startswith('<div class="clientpm-report"')
    assert part.endswith("</div>")
    assert "<html" not in part
    assert re.search(r"<(head|body)[\s>]", part) is None
    assert "<!DOCTYPE" not in part
    style = re.search(r"<style>(.*?)</style>", part, re.DOTALL)
    assert style is not None
    selectors = [s.strip() for s in re.findall(r"([^{}]+)\{", style.group(1))]
    unscoped = [
        s
        for s in selectors
        if not s.startswith("@")
        and not all(p.strip().startswith(".clientpm-report") for p in s.split(","))
    ]
    assert [] == unscoped


def test_document_and_fragment_share_the_body() -> None:
    report = _report("weekly", "en")
    part = html_fragment(report)
    body = re.sub(r"<style>.*?</style>", "", part, flags=re.DOTALL)
    assert body in html_document(report)


def test_line_breaks_and_numeric_columns() -> None:
    report = _report("monthly", "en")
    page = html_document(report)
    assert '<td class="num">' in page
    assert '<th class="num">' in page
    project = clientpm.sample_project()
    feedback = attrs.evolve(project.feedback[0], text="line one\nline <two>")
    lines = html_document(_report("monthly", "en", project.replace(feedback)))
    assert "line one<br>line &lt;two&gt;" in lines


def test_header_has_status_period_and_footnotes() -> None:
    report = _report("monthly", "zh")
    page = html_document(report)
    assert f'<span class="badge rag-{report.status.rag.value}">' in page
    assert report.status.rag.label("zh") in page
    assert "2026年10月25日 至 2026年11月24日" in page
    assert "术语说明" in page
    for reason in report.status.reasons:
        assert f"<li>{reason}</li>" in page or reason.replace("'", "&#39;") in page


def test_timeline_svg_marks_late_forecasts_and_today() -> None:
    due = pendulum.date(2026, 12, 18)
    chart = Timeline(
        "Milestones <1>",
        [
            TimelineRow("Late & loud", due, due.add(days=5), due),
            TimelineRow("Early", due, due.subtract(days=5), due),
        ],
        today=pendulum.date(2026, 12, 1),
    )
    svg = timeline_svg(chart, "en")
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert 'aria-label="Milestones &lt;1&gt;"' in svg
    assert "Late &amp; loud" in svg
    assert "#c62828" in svg  # late forecast
    assert "#2e7d32" in svg  # on-time forecast
    assert "stroke-dasharray" in svg
    for word in ("Baseline", "Forecast", "Due", "Today"):
        assert word in svg
    assert "今天" in timeline_svg(chart, "zh")
    assert re.search(r"\d\.\d\d", svg) is None
    assert svg == timeline_svg(chart, "en")


def test_timeline_svg_without_rows_or_today() -> None:
    svg = timeline_svg(Timeline("Empty", []), "en")
    assert svg.startswith("<svg")
    assert "Today" not in svg


def test_heatmap_svg_places_counts() -> None:
    counts = tuple(tuple(1 if (p, i) == (4, 2) else 0 for i in range(5)) for p in range(5))
    levels = tuple(tuple(min(3, (p + i) // 2) for i in range(5)) for p in range(5))
    svg = heatmap_svg(HeatMap("Risks", "Probability <p>", "Impact", counts, levels), "en")
    assert 25 == svg.count("<rect")
    assert "Probability &lt;p&gt;" in svg
    assert 'role="img"' in svg
    assert "viewBox=" in svg
    # probability 5 (index 4) is the top row; impact 3 (index 2) the middle column
    assert '<text x="184" y="69" text-anchor="middle" font-size="14"' in svg
