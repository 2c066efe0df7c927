"""Rendering reports: the golden files, tables, determinism and renderer plugins."""

import importlib.metadata
import os
from pathlib import Path

import attrs
import pytest
from hypothesis import given, strategies as st
from markdown_it import MarkdownIt

import clientpm as cpm
from clientpm._display import display_width
from clientpm.plugins import PluginHost
from tests.helpers import AS_OF
from tests.strategies import projects

GOLDEN = Path(__file__).parent.parent / "golden"


FORMATS = {"markdown": "md", "html": "html", "text": "txt"}


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


def texts(section):
    out = []
    for block in section.blocks:
        if isinstance(block, (cpm.Paragraph, cpm.Callout)):
            out.append(block.text)
        elif isinstance(block, cpm.Bullets):
            out.extend(block.items)
    return out


class TestRendering:
    @pytest.mark.parametrize("kind", ["weekly", "monthly"])
    @pytest.mark.parametrize("locale", ["en", "zh"])
    @pytest.mark.parametrize("fmt", sorted(FORMATS))
    def test_golden_files(self, project, kind, locale, fmt):
        """The sample's reports are byte-for-byte what the golden files hold."""
        build = {"weekly": cpm.weekly_report, "monthly": cpm.monthly_report}[kind]
        output = cpm.render(build(project, as_of=AS_OF, locale=locale), fmt)
        path = GOLDEN / f"{kind}-{locale}.{FORMATS[fmt]}"
        if os.environ.get("CLIENTPM_UPDATE_GOLDEN"):
            path.write_text(output, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == output

    def test_unknown_format_lists_the_formats(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF)
        with pytest.raises(cpm.ValidationError, match=r"'html', 'markdown', 'text', got str 'pdf'"):
            cpm.render(report, "pdf")
        with pytest.raises(cpm.ValidationError, match=r"render\.report: expected a Report"):
            cpm.render("report", "text")

    def test_markdown_tables_survive_hostile_cells(self, project):
        nasty = "a | b `c` <b>bold</b>\nsecond line \\| end"
        hostile = project.replace(attrs.evolve(project.milestone("M2"), title=nasty))
        text = cpm.render(cpm.weekly_report(hostile, as_of=AS_OF, locale="en"), "markdown")
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
        widths, row = [], 0
        for token in tokens:
            if token.type == "tr_open":
                row = 0
            elif token.type in ("td_open", "th_open"):
                row += 1
            elif token.type == "tr_close":
                widths.append(row)
        rendered = MarkdownIt("commonmark").enable("table").render(text)
        assert "M2 a | b <code>c</code>" not in rendered
        assert "a | b `c` &lt;b&gt;bold&lt;/b&gt;<br>second line \\| end" in rendered
        assert {6, 4, 7} >= set(widths)

    def test_text_tables_align_with_chinese(self, project):
        text = cpm.render(cpm.weekly_report(project, as_of=AS_OF, locale="zh"), "text")
        lines = text.splitlines()
        start = lines.index(next(line for line in lines if line.startswith("里程碑  ")))
        header, rule, *rows = lines[start : start + 6]
        columns = [len(cell) for cell in rule.split("  ")]
        boundary = columns[0] + 2
        for line in [header, *rows]:
            first = line.split("  ")[0]
            assert display_width(first) <= boundary
            prefix = next(i for i in range(len(line)) if display_width(line[:i]) >= boundary)
            assert line[prefix] != " "  # the second column starts at the same display column

    def test_deterministic(self, project):
        one = cpm.render(cpm.monthly_report(project, as_of=AS_OF), "html")
        two = cpm.render(cpm.monthly_report(cpm.sample_project(), as_of=AS_OF), "html")
        assert one == two

    @given(project=projects(), days=st.integers(0, 120), locale=st.sampled_from(["en", "zh"]))
    def test_any_project_renders_in_every_format(self, project, days, locale):
        """Whatever the project, every report renders; the summary stays within five bullets."""
        as_of = project.start.add(days=days)
        for build in (cpm.weekly_report, cpm.monthly_report, cpm.risk_register):
            report = build(project, as_of=as_of, locale=locale)
            assert len(report.summary) <= 5
            for fmt in FORMATS:
                assert cpm.render(report, fmt) == cpm.render(report, fmt)


class TestPlugins:
    @pytest.fixture
    def host(self, monkeypatch):
        point = importlib.metadata.EntryPoint(
            name="acme-reports", value="tests.acme_report_plugin", group="clientpm"
        )
        monkeypatch.setattr(
            importlib.metadata, "entry_points", lambda group=None: [point] if group else []
        )
        host = PluginHost()
        assert () == host.load_entry_points()
        return host

    def test_entry_point_plugin_adds_a_renderer(self, host, project):
        renderers = host.renderers()
        assert ("csv", "html", "markdown", "text") == renderers.names()
        assert "acme-reports" == renderers.provider("csv")
        csv_text = cpm.render(cpm.weekly_report(project, as_of=AS_OF, locale="en"), "csv",
                              renderers=renderers)  # fmt: skip
        assert "M2 Beta,18 Dec 2026,30 Nov 2026,18 Dec 2026,0,on track" in csv_text

    def test_entry_point_plugin_adds_a_section(self, host, project):
        report = cpm.weekly_report(project, as_of=AS_OF, sections=host.report_sections())
        assert ("hosting", "托管", ["本期可用率：99.95%。"]) == (
            report.sections[-1].key, report.sections[-1].title, texts(report.sections[-1])
        )  # fmt: skip

    def test_failing_section_is_shown_not_raised(self, project):
        def broken(ctx):
            raise RuntimeError("no network here")

        report = cpm.weekly_report(project, as_of=AS_OF, sections={"broken": broken})
        callout = report.sections[-1].blocks[0]
        assert cpm.Tone.WARNING is callout.tone
        assert callout.text.endswith(
            ".<locals>.broken' failed in hook build: report section 'broken': "
            "RuntimeError: no network here"
        )

    def test_failing_renderer_is_a_plugin_error(self, project):
        def broken(report):
            raise ValueError("boom")

        report = cpm.weekly_report(project, as_of=AS_OF)
        with pytest.raises(cpm.PluginError, match=r"renderer 'x'.*ValueError: boom"):
            cpm.render(report, "x", renderers={"x": broken})
        with pytest.raises(cpm.PluginError, match=r"expected text, got int 3"):
            cpm.render(report, "x", renderers={"x": lambda r: 3})
