"""Inline SVG charts for HTML reports: the milestone timeline and the risk heat map.

The SVG is meant to sit inside an HTML page: it has no scripts, no external
references, no ``<foreignObject>`` and no ids, so several charts can share a
page. Every text taken from the report is escaped; numbers carry at most one
decimal place, and the same chart always gives the same markup.
"""

from __future__ import annotations

import datetime as _dt

from markupsafe import escape

from clientpm._display import display_width
from clientpm.locale import say
from clientpm.reports.document import HeatMap, Timeline

__all__ = ["heatmap_svg", "timeline_svg"]

#: Colours: dark enough to print, distinguishable without colour thanks to shapes.
_INK = "#222222"
_GRID = "#d0d0d0"
_LATE = "#c62828"
_ON_TIME = "#2e7d32"
_TODAY = "#1565c0"
_LEVELS = ("#d9f0d3", "#fee08b", "#fdae61", "#d73027")
_LEVEL_TEXT = (_INK, _INK, _INK, "#ffffff")
_FONT = (
    'font-family="system-ui, -apple-system, &#34;Segoe UI&#34;, &#34;PingFang SC&#34;, '
    '&#34;Microsoft YaHei&#34;, &#34;Noto Sans CJK SC&#34;, sans-serif"'
)


def _word(key: str, locale: str) -> str:
    return say(locale, "chart." + key)


def _num(value: float) -> str:
    """A coordinate with at most one decimal place, without a trailing ``.0``.

    Example:
        >>> _num(12.0), _num(3.14159), _num(-0.04)
        ('12', '3.1', '0')

    """
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text(value: str) -> str:
    """Escape user text for an SVG text node or attribute (line breaks become spaces)."""
    return str(escape(" ".join(value.split())))


def _clip(value: str, columns: int) -> str:
    """Shorten ``value`` to ``columns`` display columns, ending with an ellipsis if cut."""
    value = " ".join(value.split())
    if display_width(value) <= columns:
        return value
    out = ""
    for char in value:
        if display_width(out + char) > columns - 1:
            break
        out += char
    return out + "…"


def _open_svg(width: float, height: float, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_text(label)}" '
        f'width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" {_FONT} font-size="12">'
        f"<title>{_text(label)}</title>"
    )


def _diamond(x: float, y: float, r: float, fill: str, stroke: str) -> str:
    points = " ".join(
        f"{_num(px)},{_num(py)}" for px, py in ((x, y - r), (x + r, y), (x, y + r), (x - r, y))
    )
    return f'<polygon points="{points}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'


def _circle(x: float, y: float, r: float, fill: str, stroke: str) -> str:
    return (
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="1.5"/>'
    )


def _today_line(x: float, y1: float, y2: float) -> str:
    return (
        f'<line x1="{_num(x)}" y1="{_num(y1)}" x2="{_num(x)}" y2="{_num(y2)}" '
        f'stroke="{_TODAY}" stroke-width="1.5" stroke-dasharray="4 3"/>'
    )


def _ticks(first: _dt.date, last: _dt.date, count: int = 5) -> list[_dt.date]:
    """Up to ``count`` evenly spaced dates from ``first`` to ``last``, both included."""
    span = (last - first).days
    if span <= 0:
        return [first]
    steps = min(count - 1, span)
    days = sorted({round(span * i / steps) for i in range(steps + 1)})
    return [first + _dt.timedelta(days=d) for d in days]


def timeline_svg(chart: Timeline, locale: str) -> str:
    """The milestone timeline as inline SVG: baseline, due date and forecast per milestone.

    Each row shows the milestone's label, its baseline date as a hollow circle,
    its due date as a hollow diamond and its forecast as a filled circle, red
    when late and green otherwise; a dashed line marks ``chart.today``.

    Example:
        >>> import pendulum
        >>> from clientpm.reports.document import TimelineRow
        >>> d = pendulum.date(2026, 12, 18)
        >>> svg = timeline_svg(Timeline("M", [TimelineRow("M2 <Beta>", d, d.add(days=3), d)]), "en")
        >>> svg.startswith("<svg"), "M2 &lt;Beta&gt;" in svg, "2026-12-18" in svg
        (True, True, True)

    """
    label_width, plot_width, right = 210.0, 460.0, 44.0
    top, row_height, axis_height, legend_height = 34.0, 26.0, 36.0, 28.0
    width = label_width + plot_width + right
    rows = chart.rows
    height = top + row_height * max(len(rows), 1) + axis_height + legend_height
    x0 = label_width
    axis_y = top + row_height * max(len(rows), 1)

    dates = [d for row in rows for d in (row.baseline, row.forecast, row.due)]
    if chart.today is not None:
        dates.append(chart.today)
    first = min(dates, default=chart.today or _dt.date(2000, 1, 1))
    last = max(dates, default=first)
    pad = max(2, (last - first).days // 20)
    first = first - _dt.timedelta(days=pad)
    last = last + _dt.timedelta(days=pad)
    span = max((last - first).days, 1)

    def x_of(day: _dt.date) -> float:
        return x0 + plot_width * (day - first).days / span

    parts = [_open_svg(width, height, chart.title)]
    parts.append(
        f'<text x="0" y="18" font-size="14" font-weight="bold" fill="{_INK}">'
        f"{_text(chart.title)}</text>"
    )
    # Axis with labelled ticks and light grid lines.
    parts.append(
        f'<line x1="{_num(x0)}" y1="{_num(axis_y)}" x2="{_num(x0 + plot_width)}" '
        f'y2="{_num(axis_y)}" stroke="{_INK}" stroke-width="1"/>'
    )
    for tick in _ticks(first, last):
        x = x_of(tick)
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(top - 6)}" x2="{_num(x)}" y2="{_num(axis_y + 4)}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_num(x)}" y="{_num(axis_y + 18)}" text-anchor="middle" '
            f'fill="{_INK}">{tick.isoformat()}</text>'
        )
    # One row per milestone.
    for index, row in enumerate(rows):
        y = top + row_height * index + row_height / 2
        colour = _LATE if row.late else _ON_TIME
        state = _word("late" if row.late else "on_time", locale)
        tip = (
            f"{row.label}: {_word('baseline', locale)} {row.baseline.isoformat()}, "
            f"{_word('forecast', locale)} {row.forecast.isoformat()} ({state}), "
            f"{_word('due', locale)} {row.due.isoformat()}"
        )
        parts.append(f"<g><title>{_text(tip)}</title>")
        parts.append(
            f'<text x="0" y="{_num(y + 4)}" fill="{_INK}">{_text(_clip(row.label, 32))}</text>'
        )
        xs = [x_of(row.baseline), x_of(row.forecast), x_of(row.due)]
        parts.append(
            f'<line x1="{_num(min(xs))}" y1="{_num(y)}" x2="{_num(max(xs))}" y2="{_num(y)}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(_circle(xs[0], y, 5, "#ffffff", _INK))
        parts.append(_diamond(xs[2], y, 6, "none", _INK))
        parts.append(_circle(xs[1], y, 5, colour, colour))
        parts.append("</g>")
    if chart.today is not None:
        parts.append(_today_line(x_of(chart.today), top - 8, axis_y))
    # Legend.
    ly = axis_y + axis_height + 10
    lx = 0.0  # the legend starts under the labels, so that all five entries fit
    entries = [
        (_circle(lx + 6, ly, 5, "#ffffff", _INK), _word("baseline", locale)),
        (_circle(lx + 6, ly, 5, _ON_TIME, _ON_TIME), _word("forecast", locale)),
        (_diamond(lx + 6, ly, 6, "none", _INK), _word("due", locale)),
    ]
    if chart.today is not None:
        entries.append((_today_line(lx + 6, ly - 8, ly + 8), _word("today", locale)))
    for offset, (mark, text) in enumerate(entries):
        shift = 110.0 * offset
        parts.append(f'<g transform="translate({_num(shift)} 0)">{mark}')
        parts.append(
            f'<text x="{_num(lx + 18)}" y="{_num(ly + 4)}" fill="{_INK}">{_text(text)}</text></g>'
        )
    late_text = f"{_word('forecast', locale)} ({_word('late', locale)})"
    parts.append(
        f'<g transform="translate({_num(110.0 * len(entries))} 0)">'
        f"{_circle(lx + 6, ly, 5, _LATE, _LATE)}"
        f'<text x="{_num(lx + 18)}" y="{_num(ly + 4)}" fill="{_INK}">{_text(late_text)}</text></g>'
    )
    parts.append("</svg>")
    return "".join(parts)


def heatmap_svg(chart: HeatMap, locale: str) -> str:
    """The risk heat map as inline SVG: a 5 × 5 grid of probability (up) by impact (right).

    Each cell is coloured by its level (green, yellow, orange, red) and shows
    how many open risks fall in it, if any.

    Example:
        >>> grid = tuple(tuple(0 for _ in range(5)) for _ in range(5))
        >>> svg = heatmap_svg(HeatMap("Risks & issues", "P", "I", grid, grid), "en")
        >>> svg.count("<rect"), "Risks &amp; issues" in svg
        (25, True)

    """
    cell = 48.0
    left, top, bottom, right = 64.0, 40.0, 52.0, 16.0
    width = left + 5 * cell + right
    height = top + 5 * cell + bottom
    parts = [_open_svg(width, height, chart.title)]
    parts.append(
        f'<text x="0" y="18" font-size="14" font-weight="bold" fill="{_INK}">'
        f"{_text(chart.title)}</text>"
    )
    for p in range(1, 6):
        y = top + (5 - p) * cell
        for i in range(1, 6):
            x = left + (i - 1) * cell
            level = min(max(chart.levels[p - 1][i - 1], 0), len(_LEVELS) - 1)
            count = chart.counts[p - 1][i - 1]
            parts.append(
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(cell)}" height="{_num(cell)}" '
                f'fill="{_LEVELS[level]}" stroke="#ffffff" stroke-width="2"/>'
            )
            if count > 0:
                parts.append(
                    f'<text x="{_num(x + cell / 2)}" y="{_num(y + cell / 2 + 5)}" '
                    f'text-anchor="middle" font-size="14" font-weight="bold" '
                    f'fill="{_LEVEL_TEXT[level]}">{count}</text>'
                )
        parts.append(
            f'<text x="{_num(left - 8)}" y="{_num(y + cell / 2 + 4)}" text-anchor="end" '
            f'fill="{_INK}">{p}</text>'
        )
    for i in range(1, 6):
        x = left + (i - 1) * cell + cell / 2
        parts.append(
            f'<text x="{_num(x)}" y="{_num(top + 5 * cell + 16)}" text-anchor="middle" '
            f'fill="{_INK}">{i}</text>'
        )
    parts.append(
        f'<text x="{_num(left + 2.5 * cell)}" y="{_num(top + 5 * cell + 38)}" '
        f'text-anchor="middle" font-weight="bold" fill="{_INK}">'
        f"{_text(chart.impact_label)} →</text>"
    )
    cy = top + 2.5 * cell
    parts.append(
        f'<text x="0" y="0" transform="translate(20 {_num(cy)}) rotate(-90)" '
        f'text-anchor="middle" font-weight="bold" fill="{_INK}">'
        f"{_text(chart.probability_label)} →</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
