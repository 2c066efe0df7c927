"""User text in Markdown reports stays text: it never becomes a heading, list, rule or code."""

import attrs
from hypothesis import given, strategies as st
from markdown_it import MarkdownIt

import clientpm as cpm
from clientpm._display import escape_markdown_line

#: Block tokens that user text must never open.
STRUCTURE = {
    "heading_open",
    "ordered_list_open",
    "bullet_list_open",
    "hr",
    "code_block",
    "fence",
    "blockquote_open",
    "table_open",
    "html_block",
}

HOSTILE = [
    "1986. ACME portal",
    "3) third",
    "# heading",
    "## heading",
    "---",
    "===",
    "- item",
    "+ item",
    "* item",
    "    indented code",
    "\tindented code",
    "> quote",
    "```python",
    "~~~",
    "| a | b |",
    "<div>html</div>",
]


def block_types(markdown: str) -> list[str]:
    return [t.type for t in MarkdownIt("commonmark").enable("table").parse(markdown)]


class TestEscapeMarkdownLine:
    def test_hostile_line_starts_are_paragraphs(self):
        """Each hostile line start, alone on a line, renders as one paragraph of text."""
        for text in HOSTILE:
            types = block_types(escape_markdown_line(text))
            assert ["paragraph_open", "inline", "paragraph_close"] == types, text

    def test_hostile_text_in_a_bullet_stays_one_item(self):
        """After "- ", hostile text opens no nested list, heading or code block."""
        for text in HOSTILE:
            types = block_types(f"- {escape_markdown_line(text)}")
            assert 1 == types.count("bullet_list_open"), text
            assert not (set(types) & (STRUCTURE - {"bullet_list_open"})), (text, types)

    def test_the_text_reads_back_unchanged(self):
        """Escaping changes how the text is written, not what a reader sees."""
        rendered = MarkdownIt("commonmark").render(escape_markdown_line("1986. ACME portal"))
        assert "<p>1986. ACME portal</p>\n" == rendered

    @given(st.text(max_size=40))
    def test_any_text_opens_no_block(self, text):
        """Whatever the user wrote, a paragraph or bullet item of it opens no other block."""
        for markdown in (escape_markdown_line(text), f"- {escape_markdown_line(text)}"):
            types = block_types(markdown)
            assert types.count("bullet_list_open") <= 1
            assert not (set(types) & (STRUCTURE - {"bullet_list_open"})), (text, types)


def test_a_project_named_like_a_list_item_is_not_a_list():
    """The sample's weekly report with hostile names renders no list where text should be."""
    project = cpm.sample_project()
    project = attrs.evolve(project, name="1986. ACME portal")
    report = cpm.weekly_report(project, as_of=cpm.sample.SAMPLE_AS_OF, locale="en")
    types = block_types(cpm.render(report, "markdown"))
    assert "ordered_list_open" not in types
    assert "1986. ACME portal" in MarkdownIt("commonmark").render(cpm.render(report, "markdown"))
