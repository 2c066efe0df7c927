"""The renderer-neutral report document: what a report says, not how it looks.

A :class:`Report` has a title, a period, a status (red, amber or green with
its reasons), a summary of at most five bullets, and sections made of blocks:
paragraphs, bullet lists, tables, key facts, callouts and charts. Renderers
(:func:`clientpm.render`) turn it into Markdown, HTML or plain text; every
string in it is user text and is escaped by the renderer.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Union

import attrs
import pendulum

from clientpm._checks import describe
from clientpm._convert import to_strings, to_tuple
from clientpm.errors import ValidationError
from clientpm.reports.health import Rag, Status


def _to_rows(value: object) -> tuple[tuple[str, ...], ...]:
    rows: Iterable[Iterable[str]] = value  # type: ignore[assignment]  # checked after
    return tuple(tuple(row) for row in rows)


def _to_pairs(value: object) -> tuple[tuple[str, str], ...]:
    pairs: Iterable[tuple[object, object]] = value  # type: ignore[assignment]
    return tuple((str(a), str(b)) for a, b in pairs)


def _to_ints(value: object) -> tuple[int, ...]:
    items: Iterable[int] = value  # type: ignore[assignment]
    return tuple(items)


__all__ = [
    "Block",
    "Bullets",
    "Callout",
    "DataTable",
    "HeatMap",
    "KeyFacts",
    "Paragraph",
    "Rag",
    "Report",
    "Section",
    "Status",
    "Timeline",
    "TimelineRow",
]

#: At most this many summary bullets (D7: concise, on topic).
MAX_SUMMARY = 5


@attrs.frozen
class Paragraph:
    """A paragraph of text.

    Example:
        >>> Paragraph("All on track.").text
        'All on track.'

    """

    text: str


@attrs.frozen
class Bullets:
    """A bullet list.

    Example:
        >>> Bullets(["Beta delivered", "UAT started"]).items
        ('Beta delivered', 'UAT started')

    """

    items: tuple[str, ...] = attrs.field(converter=to_strings)


@attrs.frozen
class DataTable:
    """A table: column headers and rows of text cells; ``numeric`` columns align right.

    Example:
        >>> DataTable(["Id", "Slip"], [["M2", "3"]], numeric=[1]).rows
        (('M2', '3'),)

    """

    headers: tuple[str, ...] = attrs.field(converter=to_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_to_rows)
    numeric: tuple[int, ...] = attrs.field(default=(), converter=_to_ints)

    def __attrs_post_init__(self) -> None:
        width = len(self.headers)
        for index, row in enumerate(self.rows):
            if len(row) != width or not all(isinstance(c, str) for c in row):
                raise ValidationError.single(
                    f"DataTable.rows[{index}]",
                    f"expected {width} text cells, got {describe(row)}",
                )


@attrs.frozen
class KeyFacts:
    """Label-value pairs shown side by side, e.g. budget spent and forecast.

    Example:
        >>> KeyFacts([("Budget", "480,000.00 CNY")]).facts
        (('Budget', '480,000.00 CNY'),)

    """

    facts: tuple[tuple[str, str], ...] = attrs.field(converter=_to_pairs)


class Tone(enum.Enum):
    """How a callout should stand out.

    Example:
        >>> Tone("decision") is Tone.DECISION
        True

    """

    INFO = "info"
    WARNING = "warning"
    DECISION = "decision"


@attrs.frozen
class Callout:
    """A highlighted note: information, a warning, or a decision the client must make.

    Example:
        >>> Callout(Tone.DECISION, "Approve CR-1 by Friday.").tone.value
        'decision'

    """

    tone: Tone
    text: str


@attrs.frozen
class TimelineRow:
    """One milestone on the timeline chart: its baseline, forecast and due dates.

    Example:
        >>> import pendulum
        >>> d = pendulum.date(2026, 12, 18)
        >>> TimelineRow("M2 Beta", d, d.add(days=3), d).late
        True

    """

    label: str
    baseline: pendulum.Date
    forecast: pendulum.Date
    due: pendulum.Date

    @property
    def late(self) -> bool:
        """Whether the forecast is after the due date."""
        return self.forecast > self.due


@attrs.frozen
class Timeline:
    """A milestone timeline chart: baseline vs forecast vs due.

    Example:
        >>> Timeline("Milestones", ()).rows
        ()

    """

    title: str
    rows: tuple[TimelineRow, ...] = attrs.field(converter=to_tuple)
    today: pendulum.Date | None = None


@attrs.frozen
class HeatMap:
    """A risk heat map: counts of open risks by probability (rows) and impact (columns).

    ``counts[p - 1][i - 1]`` is the number of risks with probability ``p`` and
    impact ``i``; ``levels`` gives the colour level of each cell (0 low … 3 critical).

    Example:
        >>> grid = tuple(tuple(0 for _ in range(5)) for _ in range(5))
        >>> HeatMap("Risks", "Probability", "Impact", grid, grid).counts[0]
        (0, 0, 0, 0, 0)

    """

    title: str
    probability_label: str
    impact_label: str
    counts: tuple[tuple[int, ...], ...]
    levels: tuple[tuple[int, ...], ...]


#: The kinds of block a section holds.
Block = Union[Paragraph, Bullets, DataTable, KeyFacts, Callout, Timeline, HeatMap]  # noqa: UP007


@attrs.frozen
class Section:
    """A titled part of a report.

    Attributes:
        key: Stable name, e.g. ``"milestones"``; plugins' sections use their own.
        title: The heading, in the report's locale.
        blocks: What the section says.

    Example:
        >>> Section("next", "Next week", [Bullets(["UAT"])]).blocks[0].items
        ('UAT',)

    """

    key: str
    title: str
    blocks: tuple[Block, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        kinds = (Paragraph, Bullets, DataTable, KeyFacts, Callout, Timeline, HeatMap)
        for index, block in enumerate(self.blocks):
            if not isinstance(block, kinds):
                raise ValidationError.single(
                    f"Section {self.key!r}.blocks[{index}]",
                    "expected a Paragraph, Bullets, DataTable, KeyFacts, Callout, Timeline or "
                    f"HeatMap, got {describe(block)}",
                )


@attrs.frozen
class Report:
    """A client report, ready for any renderer.

    Attributes:
        kind: ``"weekly"``, ``"monthly"``, ``"risks"`` or ``"change"``.
        title: The title, in the report's locale.
        project: The project's name.
        period_start: First day the report covers.
        period_end: Last day the report covers.
        as_of: The status date.
        locale: ``"en"`` or ``"zh"``.
        status: Red, amber or green, with reasons.
        summary: At most five bullets, read first.
        sections: The body.
        footnotes: Explanations of jargon the report uses (D12).

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            locale="en")
        >>> report.title, report.status.rag.value
        ('Weekly report: ACME HR portal', 'red')

    """

    kind: str
    title: str
    project: str
    period_start: pendulum.Date
    period_end: pendulum.Date
    as_of: pendulum.Date
    locale: str
    status: Status
    summary: tuple[str, ...] = attrs.field(converter=to_strings)
    sections: tuple[Section, ...] = attrs.field(converter=to_tuple)
    footnotes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_to_pairs)

    def __attrs_post_init__(self) -> None:
        for index, section in enumerate(self.sections):
            if not isinstance(section, Section):
                raise ValidationError.single(
                    f"Report.sections[{index}]", f"expected a Section, got {describe(section)}"
                )
        if len(self.summary) > MAX_SUMMARY:
            raise ValidationError.single(
                "Report.summary",
                f"expected at most {MAX_SUMMARY} bullets, got {len(self.summary)}",
            )

    def section(self, key: str) -> Section:
        """The section with this key.

        Raises:
            ValidationError: naming the keys there are.

        """
        for section in self.sections:
            if section.key == key:
                return section
        keys = ", ".join(s.key for s in self.sections)
        raise ValidationError.single(
            "Report.section", f"expected one of {keys}, got {describe(key)}"
        )

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from clientpm.reports.html import html_fragment
        from clientpm.reports.rendering import render

        return {
            "text/plain": render(self, "text"),
            "text/markdown": render(self, "markdown"),
            "text/html": html_fragment(self),
        }

    def __str__(self) -> str:
        from clientpm.reports.rendering import render

        return render(self, "text")
