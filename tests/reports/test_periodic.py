"""The weekly, monthly and other client reports: sections, changes, as-of days and zones."""

import attrs
import pendulum
import pytest

import clientpm as cpm
from tests.helpers import AS_OF


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestBadInput:
    def test_report_schedule_argument(self, project):
        with pytest.raises(cpm.ValidationError, match=r"weekly_report\.schedule: .*str 'x'"):
            cpm.weekly_report(project, as_of=AS_OF, schedule="x")

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"project": "ACME"}, r"weekly_report\.project: expected a clientpm\.Project, got str"),
        ({"as_of": "2026-11-24"}, r"weekly_report\.as_of: expected a pendulum\.Date"),
        ({"as_of": pendulum.naive(2026, 11, 24)}, r"weekly_report\.as_of: .*naive"),
        ({"locale": "fr"}, r"report\.locale: expected a supported locale"),
        ({"previous": 3}, r"weekly_report\.previous: expected a clientpm\.Project, got int 3"),
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


AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")


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
        # the client memo asks the client; the team memo names the internal approver too
        assert "Approval needed from: li.wei." in texts(memo.section("decision"))
        team = cpm.change_memo(project, cr, impact, locale="en", audience="team")
        assert "Approval needed from: wang.fang, li.wei." in texts(team.section("decision"))

    def test_change_memo_refuses_another_requests_impact(self, project):
        cr = project.change_request("CR-1")
        impact = cpm.assess_change(project, cr, as_of=AS_OF)
        other = attrs.evolve(cr, id="CR-9")
        with pytest.raises(cpm.ValidationError, match=r"change_memo\.impact: .*'CR-9'.*'CR-1'"):
            cpm.change_memo(project, other, impact)


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
