"""Tables shown as plain text, Markdown and HTML, for notebooks and reports (internal).

Every cell is user text: HTML output escapes it, Markdown output escapes what
would break a GitHub-flavoured table (pipes, backticks, newlines, HTML), and
plain text aligns columns counting East Asian wide characters as two columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

import attrs

__all__ = [
    "Table",
    "display_width",
    "escape_html",
    "escape_markdown",
    "escape_markdown_line",
    "markdown_table",
    "num",
    "pad",
    "text_table",
]


def num(value: Decimal | int) -> str:
    """A number without trailing zeros: ``Decimal('2.50')`` -> ``'2.5'``.

    Example:
        >>> num(Decimal("2.50")), num(Decimal("60")), num(Decimal("-0"))
        ('2.5', '60', '0')

    """
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def escape_html(text: str) -> str:
    r"""Escape text for HTML with markupsafe, keeping line breaks as ``<br>``.

    Example:
        >>> escape_html('<b>"x"</b>\nnext')
        '&lt;b&gt;&#34;x&#34;&lt;/b&gt;<br>next'

    """
    from markupsafe import escape

    return "<br>".join(str(escape(line)) for line in text.split("\n"))


def escape_markdown(text: str) -> str:
    r"""Escape text for one cell of a GitHub-flavoured Markdown table.

    Pipes and inline Markdown punctuation are backslash-escaped, ``<``, ``>`` and
    ``&`` become entities, and line breaks become ``<br>``.

    Example:
        >>> escape_markdown("a | b `c` <script>\nnext")
        'a \\| b \\`c\\` &lt;script&gt;<br>next'

    """
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char == "\n":
            out.append("<br>")
        elif char in "\\`*_[]|~":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def escape_markdown_line(text: str) -> str:
    r"""Escape text that a Markdown renderer puts at the start of a line.

    As :func:`escape_markdown`, and the text cannot start a block either: a
    heading (``# x``), a list item (``- x``, ``+ x``, ``1986. x``, ``3) x``), a
    thematic break or setext underline (``---``, ``===``), by leading spaces an
    indented code block, or by a leading line break (``<br>``) an HTML block:
    leading line breaks are dropped.

    Example:
        >>> escape_markdown_line("1986. ACME portal"), escape_markdown_line("# x")
        ('1986\\. ACME portal', '\\# x')
        >>> escape_markdown_line("---"), escape_markdown_line("    code")
        ('\\---', '&#32;&#32;&#32;&#32;code')

    """
    escaped = escape_markdown(text.lstrip("\r\n"))  # a leading <br> would start HTML
    indent = len(escaped) - len(escaped.lstrip(" \t"))
    if indent:  # leading blanks indent the line; four make a code block
        escaped = escaped[:indent].replace(" ", "&#32;").replace("\t", "&#9;") + escaped[indent:]
    if escaped[:1] in ("#", "-", "+", "="):
        return "\\" + escaped
    marker = _ORDERED_MARKER.match(escaped)
    if marker:  # "1986." or "3)" would start an ordered list
        end = marker.end() - 1
        return f"{escaped[:end]}\\{escaped[end:]}"
    return escaped


#: The start of an ordered-list item: up to nine digits, then ``.`` or ``)``.
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)]")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide East Asian characters count two.

    Example:
        >>> display_width("abc"), display_width("里程碑")
        (3, 6)

    """
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def pad(text: str, width: int) -> str:
    """Pad ``text`` with spaces to ``width`` display columns.

    Example:
        >>> pad("里程", 6) + "|"
        '里程  |'

    """
    return text + " " * max(0, width - display_width(text))


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
) -> str:
    """Columns aligned by display width; ``numeric`` columns aligned right.

    Example:
        >>> print(text_table(["里程碑", "Slip"], [["M2 测试版", "3"], ["M10", "12"]], [1]))
        里程碑     Slip
        ---------  ----
        M2 测试版     3
        M10          12

    """
    cells = [list(headers)] + [[c.replace("\n", " ") for c in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        out = []
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            gap = " " * max(0, width - display_width(cell))
            out.append(gap + cell if index in numeric and row is not cells[0] else cell + gap)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
) -> str:
    r"""A GitHub-flavoured Markdown table, every cell escaped; ``numeric`` columns aligned right.

    Example:
        >>> print(markdown_table(["Risk", "Score"], [["a|b", "12"]], [1]))
        | Risk | Score |
        |---|---:|
        | a\|b | 12 |

    """
    head = "| " + " | ".join(escape_markdown(h) for h in headers) + " |"
    rule = "|" + "|".join("---:" if i in numeric else "---" for i in range(len(headers))) + "|"
    body = ["| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


@attrs.frozen
class Table:
    """A titled table of text cells that shows itself as text, Markdown or HTML.

    Example:
        >>> t = Table("Status", "", ("Letter", "Verdict"), (("S", "pass"), ("M", "fail")))
        >>> print(t.text())
        Status
        Letter  Verdict
        ------  -------
        S       pass
        M       fail

    """

    title: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def text(self) -> str:
        """Plain text with aligned columns (a multi-line cell is joined into one line)."""
        lines = [self.title]
        if self.caption:
            lines.append(self.caption)
        lines.append(text_table(self.headers, self.rows))
        return "\n".join(lines)

    def markdown(self) -> str:
        """A GitHub-flavoured Markdown table under a bold title."""
        lines = [f"**{escape_markdown(self.title)}**", ""]
        if self.caption:
            lines += [escape_markdown(self.caption), ""]
        lines.append(markdown_table(self.headers, self.rows))
        return "\n".join(lines)

    def html(self) -> str:
        """An HTML fragment: a table with the title as its caption; every cell escaped."""
        caption = escape_html(self.title)
        if self.caption:
            caption += f"<br><small>{escape_html(self.caption)}</small>"
        head = "".join(f"<th>{escape_html(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape_html(c)}</td>" for c in row) + "</tr>"
            for row in self.rows
        )
        return (
            f'<table class="clientpm"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def mimebundle(self) -> dict[str, str]:
        """The three representations, for ``_repr_mimebundle_``."""
        return {
            "text/plain": self.text(),
            "text/markdown": self.markdown(),
            "text/html": self.html(),
        }
