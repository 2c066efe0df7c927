"""Charts as tables, for the renderers that cannot draw (Markdown, plain text).

Example:
    >>> import pendulum
    >>> from clientpm.reports.document import Timeline, TimelineRow
    >>> from clientpm.reports.wording import Words
    >>> d = pendulum.date(2026, 12, 18)
    >>> timeline_table(Timeline("M", [TimelineRow("M2", d, d, d)]), Words("en"))[1]
    [('M2', '18 Dec 2026', '18 Dec 2026', '18 Dec 2026')]

"""

from __future__ import annotations

from clientpm.reports.document import HeatMap, Report, Timeline
from clientpm.reports.wording import Words

__all__ = ["heatmap_table", "period_text", "timeline_table"]


def timeline_table(chart: Timeline, w: Words) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Headers and rows: milestone, baseline, forecast, due."""
    headers = [w("h.milestone"), w("h.baseline"), w("h.forecast"), w("h.due")]
    rows = [(r.label, w.date(r.baseline), w.date(r.forecast), w.date(r.due)) for r in chart.rows]
    return headers, rows


def heatmap_table(chart: HeatMap, empty: str) -> tuple[list[str], list[list[str]], range]:
    """Headers, rows (probability 5 down to 1) and the numeric columns; ``empty`` marks zero."""
    headers = [f"{chart.probability_label} / {chart.impact_label}", "1", "2", "3", "4", "5"]
    rows = [
        [str(p), *(str(n) if n else empty for n in chart.counts[p - 1])] for p in range(5, 0, -1)
    ]
    return headers, rows, range(1, 6)


def period_text(report: Report, w: Words) -> str:
    """The period the report covers, or only its date when it covers one day."""
    if report.period_start == report.period_end:
        return w.date(report.period_end)
    return w("period", start=w.date(report.period_start), end=w.date(report.period_end))
