"""HTML rendering of reports: a self-contained page, or a fragment for Jupyter.

The output has no JavaScript and no external resources (no links, images,
fonts or stylesheets): styles are inline in one ``<style>`` element, charts
are inline SVG. Every string from the :class:`~clientpm.reports.document.Report`
is escaped, line breaks become ``<br>``, and the same report always gives the
same markup.
"""

from __future__ import annotations

from clientpm._display import escape_html
from clientpm.locale import SUPPORTED_LOCALES
from clientpm.reports import document as doc
from clientpm.reports.svg import heatmap_svg, timeline_svg
from clientpm.reports.tables import period_text
from clientpm.reports.wording import Words

__all__ = ["html_document", "html_fragment"]

#: The class of the element that holds a report; all styles are scoped to it.
_ROOT = "clientpm-report"

_FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
)

#: Styles for the report, every selector under ``.clientpm-report``.
_CSS = f"""
.{_ROOT} {{ font-family: {_FONTS}; color: #1f2328; line-height: 1.5;
  max-width: 60rem; margin: 0 auto; padding: 1rem; font-size: 15px; }}
.{_ROOT} h1 {{ font-size: 1.6rem; margin: 0 0 .25rem; }}
.{_ROOT} h2 {{ font-size: 1.2rem; margin: 1.5rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid #d0d7de; }}
.{_ROOT} .meta {{ color: #57606a; margin: 0 0 .75rem; }}
.{_ROOT} .meta span + span::before {{ content: " · "; }}
.{_ROOT} .status {{ border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem;
  margin: .75rem 0; }}
.{_ROOT} .badge {{ display: inline-block; font-weight: bold; padding: .1rem .6rem;
  border-radius: 1rem; border: 2px solid currentColor; }}
.{_ROOT} .rag-green {{ color: #1a7f37; background: #dafbe1; }}
.{_ROOT} .rag-amber {{ color: #7d4e00; background: #fff1c2; }}
.{_ROOT} .rag-red {{ color: #b42318; background: #ffe4e1; }}
.{_ROOT} .status ul {{ margin: .4rem 0 0; }}
.{_ROOT} table {{ border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }}
.{_ROOT} th, .{_ROOT} td {{ border: 1px solid #d0d7de; padding: .3rem .5rem;
  text-align: left; vertical-align: top; }}
.{_ROOT} thead th {{ background: #f6f8fa; }}
.{_ROOT} .num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.{_ROOT} dl.facts {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
  gap: .5rem; margin: .5rem 0 1rem; }}
.{_ROOT} dl.facts div {{ border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .6rem; }}
.{_ROOT} dt {{ color: #57606a; font-size: .85rem; }}
.{_ROOT} dd {{ margin: 0; font-weight: bold; }}
.{_ROOT} .callout {{ border-left: 4px solid; padding: .5rem .75rem; margin: .5rem 0;
  border-radius: 0 6px 6px 0; }}
.{_ROOT} .callout-info {{ border-color: #0969da; background: #ddf4ff; }}
.{_ROOT} .callout-warning {{ border-color: #bf8700; background: #fff8c5; }}
.{_ROOT} .callout-decision {{ border-color: #8250df; background: #fbefff; }}
.{_ROOT} figure {{ margin: .5rem 0 1rem; overflow-x: auto; }}
.{_ROOT} figure svg {{ max-width: 100%; height: auto; }}
.{_ROOT} .footnotes {{ font-size: .9rem; color: #57606a; }}
.{_ROOT} .footnotes dt {{ font-weight: bold; color: inherit; font-size: inherit; }}
.{_ROOT} .footnotes dd {{ font-weight: normal; margin: 0 0 .3rem; }}
@media print {{
  .{_ROOT} {{ max-width: none; padding: 0; font-size: 11pt; color: #000; }}
  .{_ROOT} section, .{_ROOT} table, .{_ROOT} figure, .{_ROOT} .callout,
  .{_ROOT} dl.facts {{ break-inside: avoid; }}
  .{_ROOT} h2 {{ break-after: avoid; }}
  .{_ROOT} .badge, .{_ROOT} .callout, .{_ROOT} thead th {{
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
""".strip()

#: Page-level styles, only for the standalone document.
_PAGE_CSS = """
body { margin: 0; background: #fff; }
@page { margin: 15mm; }
""".strip()


def _cell(tag: str, text: str, numeric: bool) -> str:
    cls = ' class="num"' if numeric else ""
    return f"<{tag}{cls}>{escape_html(text)}</{tag}>"


def _table(block: doc.DataTable) -> str:
    numeric = set(block.numeric)
    head = "".join(_cell("th", h, i in numeric) for i, h in enumerate(block.headers))
    body = "".join(
        "<tr>" + "".join(_cell("td", c, i in numeric) for i, c in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _block(block: doc.Block, locale: str) -> str:
    if isinstance(block, doc.Paragraph):
        return f"<p>{escape_html(block.text)}</p>"
    if isinstance(block, doc.Bullets):
        return _list(block.items)
    if isinstance(block, doc.DataTable):
        return _table(block)
    if isinstance(block, doc.KeyFacts):
        facts = "".join(
            f"<div><dt>{escape_html(label)}</dt><dd>{escape_html(value)}</dd></div>"
            for label, value in block.facts
        )
        return f'<dl class="facts">{facts}</dl>'
    if isinstance(block, doc.Callout):
        return f'<div class="callout callout-{block.tone.value}">{escape_html(block.text)}</div>'
    if isinstance(block, doc.Timeline):
        return f"<figure>{timeline_svg(block, locale)}</figure>"
    if isinstance(block, doc.HeatMap):
        return f"<figure>{heatmap_svg(block, locale)}</figure>"
    raise TypeError(f"cannot render {type(block).__name__} as HTML")  # pragma: no cover


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape_html(item)}</li>" for item in items) + "</ul>"


def _section(section: doc.Section, locale: str) -> str:
    blocks = "".join(_block(block, locale) for block in section.blocks)
    return f"<section><h2>{escape_html(section.title)}</h2>{blocks}</section>"


def _body(report: doc.Report) -> str:
    """The report's content: header, status, summary, sections and footnotes."""
    words = Words(report.locale)
    period = period_text(report, words)
    rag = report.status.rag
    parts = [
        "<header>",
        f"<h1>{escape_html(report.title)}</h1>",
        '<p class="meta">',
        f"<span>{escape_html(report.project)}</span>",
        f"<span>{escape_html(period)}</span>",
        f"<span>{escape_html(words('as_of', date=words.date(report.as_of)))}</span>",
        "</p>",
        '<div class="status">',
        f"<strong>{escape_html(words('status'))}{escape_html(words.say('format.colon'))}</strong>",
        f'<span class="badge rag-{rag.value}">{escape_html(rag.label(report.locale))}</span>',
    ]
    if report.status.reasons:
        parts.append(_list(report.status.reasons))
    parts += ["</div>", "</header>"]
    if report.summary:
        parts.append(
            f"<section><h2>{escape_html(words('summary'))}</h2>{_list(report.summary)}</section>"
        )
    parts.extend(_section(section, report.locale) for section in report.sections)
    if report.footnotes:
        terms = "".join(
            f"<dt>{escape_html(term)}</dt><dd>{escape_html(meaning)}</dd>"
            for term, meaning in report.footnotes
        )
        parts.append(
            f'<footer class="footnotes"><h2>{escape_html(words("footnotes"))}</h2>'
            f"<dl>{terms}</dl></footer>"
        )
    return "".join(parts)


def _lang(report: doc.Report) -> str:
    return report.locale if report.locale in SUPPORTED_LOCALES else "en"


def _root(report: doc.Report, style: str) -> str:
    return f'<div class="{_ROOT}" lang="{_lang(report)}">{style}{_body(report)}</div>'


def html_fragment(report: doc.Report) -> str:
    """The report as an HTML fragment for Jupyter: one ``<div>`` with scoped styles.

    There is no ``<html>``, ``<head>`` or ``<body>``; the ``<style>`` inside the
    ``<div class="clientpm-report">`` only styles elements inside it.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.reports.document import Rag, Report, Status
        >>> d = cpm.sample.SAMPLE_AS_OF
        >>> r = Report("weekly", "A <b>", "P", d, d, d, "en", Status(Rag.GREEN), [], [])
        >>> part = html_fragment(r)
        >>> part.startswith('<div class="clientpm-report"'), "A &lt;b&gt;" in part
        (True, True)

    """
    return _root(report, f"<style>{_CSS}</style>")


def html_document(report: doc.Report) -> str:
    """The report as one self-contained HTML5 page: no scripts, no external resources.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.reports.document import Rag, Report, Status
        >>> d = cpm.sample.SAMPLE_AS_OF
        >>> r = Report("weekly", "Weekly", "P", d, d, d, "zh", Status(Rag.RED), [], [])
        >>> page = html_document(r)
        >>> page.startswith("<!DOCTYPE html>"), '<html lang="zh">' in page
        (True, True)

    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_lang(report)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(' '.join(report.title.split()))}</title>\n"
        f"<style>\n{_PAGE_CSS}\n{_CSS}\n</style>\n</head>\n<body>\n"
        f"{_root(report, '')}\n</body>\n</html>\n"
    )
