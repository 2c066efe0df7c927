"""The plain-text renderer, for e-mail and terminals.

Tables align with Chinese text: East Asian wide characters count as two
columns (:func:`clientpm._display.display_width`).
"""

from __future__ import annotations

from clientpm._display import display_width, pad, text_table
from clientpm.reports import document as doc
from clientpm.reports.tables import heatmap_table, period_text, timeline_table
from clientpm.reports.wording import Words

__all__ = ["text_report"]


def _heading(text: str, rule: str) -> str:
    return f"{text}\n{rule * display_width(text)}"


def _block(block: doc.Block, w: Words) -> str:
    if isinstance(block, doc.Paragraph):
        return block.text
    if isinstance(block, doc.Bullets):
        return "\n".join(f"  * {item}" for item in block.items)
    if isinstance(block, doc.DataTable):
        return text_table(block.headers, block.rows, block.numeric)
    if isinstance(block, doc.KeyFacts):
        width = max(display_width(label) for label, _ in block.facts)
        return "\n".join(f"  {pad(label, width)}  {value}" for label, value in block.facts)
    if isinstance(block, doc.Callout):
        return f"[{w(f'tone.{block.tone.value}')}] {block.text}"
    if isinstance(block, doc.Timeline):
        headers, rows = timeline_table(block, w)
        return f"{block.title}\n" + text_table(headers, rows)
    if isinstance(block, doc.HeatMap):
        headers, grid, numeric = heatmap_table(block, ".")
        return f"{block.title}\n" + text_table(headers, grid, numeric)
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover - Block is closed


def text_report(report: doc.Report) -> str:
    """Render a report as plain text.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            locale="zh")
        >>> text_report(report).splitlines()[0]
        '项目周报：ACME HR portal'

    """
    w = Words(report.locale)
    period = period_text(report, w)
    status = f"{w('status')}: {report.status.rag.label(w.locale)}"
    parts = [
        _heading(report.title, "="),
        f"{report.project} | {period} | {w('as_of', date=w.date(report.as_of))}",
        "\n".join([status, *(f"  - {r}" for r in report.status.reasons)]),
        _heading(w("summary"), "-") + "\n" + "\n".join(f"  * {s}" for s in report.summary),
    ]
    for section in report.sections:
        body = "\n\n".join(_block(b, w) for b in section.blocks)
        parts.append(_heading(section.title, "-") + "\n" + body)
    if report.footnotes:
        notes = "\n".join(f"  {t}: {x}" for t, x in report.footnotes)
        parts.append(_heading(w("footnotes"), "-") + "\n" + notes)
    return "\n\n".join(parts) + "\n"
