"""Tables shown as plain text, Markdown and HTML, for notebooks and reports (internal).

Every cell is user text: HTML output escapes it, Markdown output escapes what
would break a GitHub-flavoured table (pipes, backticks, newlines, HTML), and
plain text aligns columns counting East Asian wide characters as two columns.
"""

from __future__ import annotations

import unicodedata

import attrs

__all__ = ["Table", "display_width", "escape_html", "escape_markdown", "pad"]


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
        cells = [list(self.headers)] + [[c.replace("\n", " ") for c in row] for row in self.rows]
        widths = [max(display_width(row[i]) for row in cells) for i in range(len(self.headers))]
        lines = [self.title]
        if self.caption:
            lines.append(self.caption)

        def line(row: list[str]) -> str:
            return "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip()

        lines.append(line(cells[0]))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(line(row) for row in cells[1:])
        return "\n".join(lines)

    def markdown(self) -> str:
        """A GitHub-flavoured Markdown table under a bold title."""
        lines = [f"**{escape_markdown(self.title)}**", ""]
        if self.caption:
            lines += [escape_markdown(self.caption), ""]
        lines.append("| " + " | ".join(escape_markdown(h) for h in self.headers) + " |")
        lines.append("|" + "|".join("---" for _ in self.headers) + "|")
        lines.extend("| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in self.rows)
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
