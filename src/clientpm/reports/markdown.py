"""The Markdown renderer: GitHub-flavoured, every user string escaped.

Table cells survive pipes, backticks, newlines and HTML (see
:func:`clientpm._display.escape_markdown`); charts become tables.
"""

from __future__ import annotations

from clientpm._display import escape_markdown, escape_markdown_line, markdown_table
from clientpm.reports import document as doc
from clientpm.reports.tables import heatmap_table, period_text, timeline_table
from clientpm.reports.wording import Words

__all__ = ["markdown_report"]


def _block(block: doc.Block, w: Words) -> str:
    e, line = escape_markdown, escape_markdown_line
    if isinstance(block, doc.Paragraph):
        return line(block.text)
    if isinstance(block, doc.Bullets):
        return "\n".join(f"- {line(item)}" for item in block.items)
    if isinstance(block, doc.DataTable):
        return markdown_table(block.headers, block.rows, block.numeric)
    if isinstance(block, doc.KeyFacts):
        return "\n".join(f"- **{e(label)}:** {e(value)}" for label, value in block.facts)
    if isinstance(block, doc.Callout):
        label = w(f"tone.{block.tone.value}")
        return f"> **{e(label)}:** {e(block.text)}"
    if isinstance(block, doc.Timeline):
        headers, rows = timeline_table(block, w)
        return f"*{e(block.title)}*\n\n" + markdown_table(headers, rows)
    if isinstance(block, doc.HeatMap):
        headers, grid, numeric = heatmap_table(block, "·")
        return f"*{e(block.title)}*\n\n" + markdown_table(headers, grid, numeric)
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover - Block is closed


def markdown_report(report: doc.Report) -> str:
    """Render a report as GitHub-flavoured Markdown.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            locale="en")
        >>> markdown_report(report).splitlines()[0]
        '# Weekly report: ACME HR portal'

    """
    w = Words(report.locale)
    e, line = escape_markdown, escape_markdown_line
    period = period_text(report, w)
    parts = [
        f"# {e(report.title)}",
        f"{line(report.project)} · {e(period)} · {e(w('as_of', date=w.date(report.as_of)))}",
        f"**{e(w('status'))}: {e(report.status.rag.label(w.locale))}**",
    ]
    if report.status.reasons:
        parts.append("\n".join(f"- {line(r)}" for r in report.status.reasons))
    parts.append(f"## {e(w('summary'))}")
    parts.append("\n".join(f"- {line(s)}" for s in report.summary))
    for section in report.sections:
        parts.append(f"## {e(section.title)}")
        parts.extend(_block(b, w) for b in section.blocks)
    if report.footnotes:
        parts.append(f"## {e(w('footnotes'))}")
        parts.append("\n".join(f"- **{e(t)}:** {e(x)}" for t, x in report.footnotes))
    return "\n\n".join(parts) + "\n"
