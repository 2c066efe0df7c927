"""A sample third-party plugin, loaded through the ``clientpm`` entry-point group in the tests.

It adds a ``"csv"`` renderer (the report's tables as CSV) and a ``"hosting"``
report section.
"""

import csv
import io

import clientpm as cpm


def render_csv(report):
    """Every table of the report, one after the other, as CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, cpm.DataTable):
                writer.writerow([section.title])
                writer.writerow(block.headers)
                writer.writerows(block.rows)
    return out.getvalue()


def hosting_section(ctx):
    """Uptime of the hosted portal, in the report's language."""
    text = ctx.say("Uptime this period: 99.95%.", "本期可用率：99.95%。")
    return cpm.Section("hosting", ctx.say("Hosting", "托管"), [cpm.Paragraph(text)])


@cpm.hookimpl
def clientpm_register_renderers(registry):
    registry.register("csv", render_csv)


@cpm.hookimpl
def clientpm_register_report_sections(registry):
    registry.register("hosting", hosting_section)
