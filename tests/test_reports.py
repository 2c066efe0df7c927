"""Client reports: builders, the status policy, renderers, plugins and the command line."""

import importlib.metadata
import io
import json
import os
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings, strategies as st
from markdown_it import MarkdownIt

import clientpm as cpm
from clientpm.__main__ import main
from clientpm._display import display_width
from clientpm.plugins import PluginHost

from .strategies import projects

AS_OF = pendulum.date(2026, 11, 24)
AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")
GOLDEN = Path(__file__).parent / "golden"
FORMATS = {"markdown": "md", "html": "html", "text": "txt"}


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


def keys(report):
    return [s.key for s in report.sections]


def texts(section):
    out = []
    for block in section.blocks:
        if isinstance(block, (cpm.Paragraph, cpm.Callout)):
            out.append(block.text)
        elif isinstance(block, cpm.Bullets):
            out.extend(block.items)
    return out


def resolved_f4(project):
    f4 = attrs.evolve(project.feedback_item("F4"), responded_at=AT, response="Sorry, fixed",
                      resolved_at=AT)  # fmt: skip
    return project.replace(f4)


class TestWeekly:
    def test_sections_in_the_order_of_the_brief(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        assert [
            "done", "status", "next", "milestones", "risks", "changes", "feedback",
            "commitments", "decisions",
        ] == keys(report)  # fmt: skip
        assert (pendulum.date(2026, 11, 18), AS_OF) == (report.period_start, report.period_end)

    def test_summary_first_and_short(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        assert [
            "Overall status: Red.",
            "All milestones are forecast on time.",
            "1 item(s) completed this period.",
            "2 decision(s) needed from you.",
            "1 complaint(s) still open.",
        ] == list(report.summary)

    def test_work_completed_in_the_period_only(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        assert ["REQ-1 Single sign-on with the corporate account completed on 20 Nov 2026."] == (
            texts(report.section("done"))
        )
        monthly = cpm.monthly_report(project, as_of=AS_OF, locale="en")
        assert 3 == len(texts(monthly.section("done")))

    def test_decisions_needed_from_the_client(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        assert [
            "Approve or reject change request CR-1 (WeChat Work login).",
            "Sign off requirement REQ-6 (Mobile layout).",
        ] == texts(report.section("decisions"))

    def test_milestone_table_has_due_forecast_baseline_and_slip(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        table, timeline = report.section("milestones").blocks
        assert ("Milestone", "Due", "Forecast", "Baseline", "Slip (working days)", "Status") == (
            table.headers
        )
        assert ("M2 Beta", "18 Dec 2026", "30 Nov 2026", "18 Dec 2026", "0", "on track") == (
            table.rows[1]
        )
        assert 4 == len(timeline.rows)

    def test_chinese_locale_formats_dates_and_money(self, project):
        report = cpm.weekly_report(project, as_of=AS_OF)  # the client's locale
        assert ("zh", "项目周报：ACME HR portal") == (report.locale, report.title)
        facts = dict(report.section("status").blocks[0].facts)
        assert "CNY 480,000.00" == facts["预算"]
        assert "2026年12月18日" == report.section("milestones").blocks[0].rows[1][1]

    def test_what_changed_since_last_week(self, project):
        later = project.add(
            cpm.Risk(
                id="R4",
                title="Load test environment late",
                probability=4,
                impact=4,
                owner="chen.jie",
                next_review="2026-11-27",
            )
        )
        later = later.replace(later.risk("R2").close(by="chen.jie", at=AT, why="cover arranged"),
                              attrs.evolve(later.risk("R3"), impact=4))  # fmt: skip
        report = cpm.weekly_report(later, as_of=AS_OF, previous=project, locale="en")
        assert "since" == keys(report)[-1]
        assert [
            "M2 forecast moved from 27 Nov 2026 to 30 Nov 2026.",
            "M3 forecast moved from 17 Dec 2026 to 18 Dec 2026.",
            "M4 forecast moved from 25 Dec 2026 to 28 Dec 2026.",
            "New risk R4: Load test environment late.",
            "Risk R2 closed: Key developer away during the Spring Festival.",
            "Risk R3 moved from medium to high.",
        ] == texts(report.section("since"))

    def test_unchanged_project_shows_only_schedule_drift(self, project):
        """Against itself a week earlier, the project shows only forecasts moved by time passing."""
        same = cpm.weekly_report(project, as_of=AS_OF, previous=project, locale="en")
        lines = texts(same.section("since"))
        assert 3 == len(lines)
        assert all(" forecast moved from " in line for line in lines)


class TestHealthPolicy:
    def test_green_when_nothing_is_wrong(self, project):
        report = cpm.weekly_report(resolved_f4(project), as_of=AS_OF, locale="en")
        assert (cpm.Rag.GREEN, ("Milestones, budget and risks are on track.",)) == (
            report.status.rag, report.status.reasons
        )  # fmt: skip

    def test_unanswered_complaint_is_red_then_amber_with_more_patience(self, project):
        assert cpm.Rag.RED is cpm.weekly_report(project, as_of=AS_OF).status.rag
        patient = cpm.HealthPolicy(complaint_response_days=2)
        status = cpm.weekly_report(project, as_of=AS_OF, policy=patient, locale="en").status
        assert (cpm.Rag.AMBER, ("Complaint F4 is not resolved.",)) == (status.rag, status.reasons)

    @pytest.mark.parametrize(("due", "rag", "days"), [
        ("2026-11-26", cpm.Rag.AMBER, 2),
        ("2026-11-20", cpm.Rag.RED, 6),
    ])  # fmt: skip
    def test_a_late_milestone(self, project, due, rag, days):
        late = resolved_f4(project)
        late = late.replace(
            attrs.evolve(late.milestone("M2"), due=pendulum.Date.fromisoformat(due))
        )
        status = cpm.weekly_report(late, as_of=AS_OF, locale="en").status
        assert rag is status.rag
        assert f"M2 is forecast {days} working day(s) after its due date" in status.reasons[0]

    def test_a_high_risk(self, project):
        risky = resolved_f4(project).replace(attrs.evolve(project.risk("R1"), probability=5))
        status = cpm.weekly_report(risky, as_of=AS_OF, locale="en").status
        assert (cpm.Rag.RED, ("Risk R1 scores 20 (high).",)) == (status.rag, status.reasons)

    def test_bad_policy(self):
        with pytest.raises(cpm.ValidationError, match=r"HealthPolicy\.red_slip_days: .*-1"):
            cpm.HealthPolicy(red_slip_days=-1)
        with pytest.raises(cpm.ValidationError, match=r"HealthPolicy\.budget_red_percent"):
            cpm.HealthPolicy(budget_red_percent=90)


class TestOtherReports:
    def test_monthly_adds_the_heat_map(self, project):
        report = cpm.monthly_report(project, as_of=AS_OF, locale="en")
        heat = report.section("heatmap").blocks[0]
        assert 1 == heat.counts[2][3]  # R1: probability 3, impact 4
        assert 3 == sum(map(sum, heat.counts))
        assert pendulum.date(2026, 10, 25) == report.period_start

    def test_risk_register_lists_every_open_risk_by_score(self, project):
        report = cpm.risk_register(project, as_of=AS_OF, locale="en")
        rows = report.section("register").blocks[0].rows
        assert ["12", "9", "6"] == [r[1] for r in rows]

    def test_change_memo(self, project):
        cr = project.change_request("CR-1")
        impact = cpm.assess_change(project, cr, as_of=AS_OF, locale="en")
        memo = cpm.change_memo(project, cr, impact, locale="en")
        assert ["asked", "effect", "options", "decision"] == keys(memo)
        options = memo.section("options").blocks[0]
        recommended = [row[0] for row in options.rows if "(recommended)" in row[0]]
        assert 1 == len(recommended)
        assert recommended[0].startswith("Make it as a paid change for CNY")
        assert "Approval needed from: wang.fang, li.wei." in texts(memo.section("decision"))

    def test_change_memo_refuses_another_requests_impact(self, project):
        cr = project.change_request("CR-1")
        impact = cpm.assess_change(project, cr, as_of=AS_OF)
        other = attrs.evolve(cr, id="CR-9")
        with pytest.raises(cpm.ValidationError, match=r"change_memo\.impact: .*'CR-9'.*'CR-1'"):
            cpm.change_memo(project, other, impact)


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

    @settings(max_examples=25, deadline=None)
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
        assert "plugin 'broken' failed in hook build: RuntimeError: no network here" == callout.text

    def test_failing_renderer_is_a_plugin_error(self, project):
        def broken(report):
            raise ValueError("boom")

        report = cpm.weekly_report(project, as_of=AS_OF)
        with pytest.raises(cpm.PluginError, match=r"renderer 'x'.*ValueError: boom"):
            cpm.render(report, "x", renderers={"x": broken})
        with pytest.raises(cpm.PluginError, match=r"expected text, got int 3"):
            cpm.render(report, "x", renderers={"x": lambda r: 3})


class TestBadInput:
    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"project": "ACME"}, r"weekly_report\.project: expected a Project, got str 'ACME'"),
        ({"as_of": "2026-11-24"}, r"weekly_report\.as_of: expected a pendulum\.Date"),
        ({"as_of": pendulum.naive(2026, 11, 24)}, r"weekly_report\.as_of: .*naive"),
        ({"locale": "fr"}, r"report\.locale: expected a supported locale"),
        ({"previous": 3}, r"weekly_report\.previous: expected a Project, got int 3"),
        ({"policy": {}}, r"weekly_report\.policy: expected a HealthPolicy"),
        ({"sections": 3}, r"report\.sections: expected report sections"),
    ])  # fmt: skip
    def test_weekly(self, project, kwargs, message):
        args = {"project": project, "as_of": AS_OF, **kwargs}
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.weekly_report(args.pop("project"), **args)

    def test_too_long_a_summary(self):
        with pytest.raises(cpm.ValidationError, match=r"Report\.summary: expected at most 5"):
            cpm.Report("weekly", "t", "p", AS_OF, AS_OF, AS_OF, "en", cpm.Status(cpm.Rag.GREEN),
                       ["1", "2", "3", "4", "5", "6"], [])  # fmt: skip

    def test_unknown_section(self, project):
        with pytest.raises(cpm.ValidationError, match=r"Report\.section: expected one of done,"):
            cpm.weekly_report(project, as_of=AS_OF).section("nope")


class TestCommandLine:
    def test_default_is_the_sample_weekly_report_in_the_clients_language(self):
        out = io.StringIO()
        assert 0 == main(["report"], out=out)
        assert out.getvalue().startswith("项目周报：ACME HR portal\n")

    def test_formats_kinds_and_locales(self):
        out = io.StringIO()
        args = ["report", "--kind", "monthly", "--format", "html", "--locale", "en"]
        assert 0 == main(args, out=out)
        assert out.getvalue().startswith("<!DOCTYPE html>")
        assert "Monthly report: ACME HR portal" in out.getvalue()

    def test_project_file(self, tmp_path, project):
        path = tmp_path / "project.json"
        path.write_text(json.dumps(cpm.to_dict(project)), encoding="utf-8")
        out = io.StringIO()
        assert 0 == main(["report", str(path), "--kind", "risks", "--locale", "en"], out=out)
        assert out.getvalue().startswith("Risk register: ACME HR portal")

    def test_bad_file(self, tmp_path):
        path = tmp_path / "project.json"
        path.write_text("{}", encoding="utf-8")
        out = io.StringIO()
        assert 1 == main(["report", str(path)], out=out)
        assert "problem(s)" in out.getvalue()


def test_low_satisfaction_turns_the_project_red():
    """Five or more recent ratings with CSAT below 60 % make the project red."""
    project = resolved_f4(cpm.sample_project())
    ratings = [
        cpm.Feedback(id=f"S{i}", stakeholder="li.wei", received_at=AT.subtract(days=i),
                     kind="suggestion", text="survey", rating=rating)
        for i, rating in enumerate([2, 3, 5, 2, 3], start=1)
    ]  # fmt: skip
    status = cpm.weekly_report(project.add(*ratings), as_of=AS_OF, locale="en").status
    assert cpm.Rag.RED is status.rag
    assert "CSAT) is 25% over the last 30 days (8 ratings)" in status.reasons[0]
    lenient = cpm.HealthPolicy(red_csat=20, amber_csat=30)
    assert cpm.Rag.AMBER is cpm.weekly_report(project.add(*ratings), as_of=AS_OF, locale="en",
                                              policy=lenient).status.rag  # fmt: skip


def test_a_section_holds_only_report_blocks():
    """A plugin's section with a stray string is refused where it is made, not when rendered."""
    with pytest.raises(cpm.ValidationError, match=r"Section 'hosting'\.blocks\[1\]: .*got str 'x'"):
        cpm.Section("hosting", "Hosting", [cpm.Paragraph("ok"), "x"])


def test_a_report_holds_only_sections():
    with pytest.raises(cpm.ValidationError, match=r"Report\.sections\[0\]: expected a Section"):
        cpm.Report("weekly", "t", "p", AS_OF, AS_OF, AS_OF, "en", cpm.Status(cpm.Rag.GREEN), [],
                   ["not a section"])  # fmt: skip


class TestAsOfAndZones:
    """Facts are read as they stood at the end of the status date, in the client's zone."""

    def test_a_past_report_does_not_know_later_answers(self, project):
        report = cpm.weekly_report(project, as_of=pendulum.date(2026, 11, 16), locale="en")
        rows = {row[0]: row for row in report.section("feedback").blocks[0].rows}
        assert "no" == rows["F2"][-1]  # F2 was resolved on the 17th
        assert "Complaint F2 is not resolved." in report.status.reasons

    def test_complaint_written_in_another_zone(self, project):
        """A complaint received on the 24th in Shanghai counts, whatever zone it was written in."""
        kiribati = AT.add(hours=9).in_timezone("Pacific/Kiritimati")  # 19:00 Shanghai, 25th there
        moved = project.replace(attrs.evolve(project.feedback_item("F4"), received_at=kiribati))
        reasons = cpm.weekly_report(moved, as_of=AS_OF, locale="en").status.reasons
        assert ["Complaint F4 is not resolved."] == [r for r in reasons if "F4" in r]

    def test_response_in_working_hours(self, project):
        friday = pendulum.datetime(2026, 11, 20, 17, tz="Asia/Shanghai")
        f3 = attrs.evolve(
            project.feedback_item("F3"),
            received_at=friday,
            responded_at=friday.add(days=3, hours=-7),
        )  # Monday 10:00
        report = cpm.weekly_report(project.replace(f3), as_of=AS_OF, locale="en")
        rows = {row[0]: row for row in report.section("feedback").blocks[0].rows}
        assert "2 h" == rows["F3"][5]

    def test_no_budget_with_costs_is_amber(self, project):
        unbudgeted = attrs.evolve(resolved_f4(project), budget=cpm.Money("0", "CNY"))
        status = cpm.weekly_report(unbudgeted, as_of=AS_OF, locale="en").status
        assert (cpm.Rag.AMBER, ("No budget is set, but the forecast cost is CNY 316,000.00.",)) == (
            status.rag, status.reasons
        )  # fmt: skip

    def test_budget_just_over_is_not_rounded_away(self, project):
        tight = attrs.evolve(resolved_f4(project), budget=cpm.Money("315000", "CNY"))
        status = cpm.weekly_report(tight, as_of=AS_OF, locale="en").status
        assert (cpm.Rag.AMBER, ("Forecast cost is 100.3% of the budget.",)) == (
            status.rag, status.reasons
        )  # fmt: skip

    def test_renegotiated_promise_is_still_listed(self, project):
        p1 = project.commitment("P1").renegotiate(pendulum.date(2026, 11, 30), by="chen.jie",
                                                  at=AT, why="IdP delay")  # fmt: skip
        report = cpm.weekly_report(project.replace(p1), as_of=AS_OF, locale="en")
        assert ["P1: Send the beta test plan (to li.wei, due 30 Nov 2026) — due this period"] == (
            texts(report.section("commitments"))
        )

    def test_month_end_report_covers_the_calendar_month(self, project):
        report = cpm.monthly_report(project, as_of=pendulum.date(2027, 2, 28), locale="en")
        assert pendulum.date(2027, 2, 1) == report.period_start
        mid = cpm.monthly_report(project, as_of=pendulum.date(2027, 2, 15), locale="en")
        assert pendulum.date(2027, 1, 16) == mid.period_start
