"""Pin :mod:`clientpm.smart`: verdicts, letters, findings, settings, rules and the report."""

import datetime as dt
from decimal import Decimal

import pendulum
import pytest

import clientpm as cpm
from clientpm.model.goal import Goal
from clientpm.smart.check import (
    Finding,
    Letter,
    LetterResult,
    SmartContext,
    SmartReport,
    SmartRule,
    SmartSettings,
    Verdict,
    check_smart,
    run_rules,
)
from clientpm.smart.rules import BUILTIN_RULES
from clientpm.work_calendar import WorkCalendar

AS_OF = pendulum.date(2026, 11, 24)
P, W, F = Verdict.PASS, Verdict.WARN, Verdict.FAIL


def error_text(call, *args, **kwargs):
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


def good_goal(**changes):
    fields = {
        "id": "G1",
        "statement": "Cut the median load time of the portal home page from 3.2 s to 1.5 s",
        "metric": "median home page load time", "target": "1.5", "unit": "s",
        "baseline": "3.2", "deadline": "2027-02-26", "owner": "chen.jie", "supports": ["REQ-4"],
    }  # fmt: skip
    return Goal(**{**fields, **changes})


def context(locale="en", language="en"):
    return SmartContext(
        Goal(id="G1", statement="x"), None, AS_OF, locale, language, SmartSettings(), WorkCalendar()
    )


def warn(code="X-1", letter="S"):
    return Finding(code, letter, W, "m", "s")


class TestVerdictAndLetter:
    def test_rank_and_worst(self):
        assert [0, 1, 2] == [v.rank for v in Verdict]
        assert P is Verdict.worst([])
        assert W is Verdict.worst([P, W, P])
        assert F is Verdict.worst([F, W])
        assert F is Verdict.worst(iter([W, F, P]))

    def test_labels(self):
        assert ["pass", "warn", "fail"] == [v.label() for v in Verdict]
        assert ["pass", "warn", "fail"] == [v.label("en") for v in Verdict]
        assert ["通过", "注意", "不通过"] == [v.label("zh") for v in Verdict]

    def test_titles(self):
        english = ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]
        assert english == [letter.title() for letter in Letter]
        assert english == [letter.title("en") for letter in Letter]
        assert ["具体", "可衡量", "可实现", "相关", "有时限"] == [
            letter.title("zh") for letter in Letter
        ]
        assert ["S", "M", "A", "R", "T"] == [letter.value for letter in Letter]


class TestFinding:
    def test_converts_letter_and_evidence(self):
        found = Finding("X-1", "M", F, "msg", "fix", ["a", "b"])
        assert ("X-1", Letter.M, F, "msg", "fix", ("a", "b")) == (
            found.code,
            found.letter,
            found.verdict,
            found.message,
            found.suggestion,
            found.evidence,
        )
        assert () == Finding("X-1", Letter.T, W, "m", "s").evidence

    def test_bad_letter_and_verdict(self):
        expected = "Finding 'X'.letter: expected one of S, M, A, R, T, got str 'Q'"
        assert expected == error_text(Finding, "X", "Q", W, "m", "s")
        expected = "Finding 'X'.letter: expected one of S, M, A, R, T, got int 1"
        assert expected == error_text(Finding, "X", 1, W, "m", "s")
        expected = (
            "Finding 'X'.verdict: expected Verdict.WARN or Verdict.FAIL, got <Verdict.PASS: 'pass'>"
        )
        assert expected == error_text(Finding, "X", "S", P, "m", "s")
        expected = "Finding 'X'.verdict: expected Verdict.WARN or Verdict.FAIL, got 'warn'"
        assert expected == error_text(Finding, "X", "S", "warn", "m", "s")


class TestSettings:
    def test_defaults(self):
        settings = SmartSettings()
        assert (Decimal(3), 5, 4, 8) == (
            settings.max_change_factor,
            settings.min_workdays,
            settings.min_words,
            settings.min_chinese_chars,
        )
        assert Decimal("1.01") == SmartSettings(max_change_factor="1.01").max_change_factor

    @pytest.mark.parametrize(("value", "shown"), [(1, "Decimal('1')"), ("0.5", "Decimal('0.5')")])
    def test_change_factor_above_1(self, value, shown):
        expected = f"SmartSettings.max_change_factor: expected a number above 1, got {shown}"
        assert expected == error_text(SmartSettings, max_change_factor=value)

    @pytest.mark.parametrize("name", ["min_workdays", "min_words", "min_chinese_chars"])
    @pytest.mark.parametrize(
        ("value", "shown"), [(-1, "int -1"), (True, "bool True"), (2.0, "float 2.0")]
    )
    def test_whole_numbers(self, name, value, shown):
        expected = f"SmartSettings.{name}: expected a whole number >= 0, got {shown}"
        assert expected == error_text(SmartSettings, **{name: value})
        assert 0 == getattr(SmartSettings(**{name: 0}), name)


class TestContextAndRule:
    def test_say_and_finding(self):
        assert "en" == context("en").say("en", "zh")
        assert "zh" == context("zh").say("en", "zh")
        found = context("zh").finding(
            "X-1", "R", F, ("Vague.", "含糊。"), ("Fix.", "修改。"), ["w"]
        )
        assert ("X-1", Letter.R, F, "含糊。", "修改。", ("w",)) == (
            found.code,
            found.letter,
            found.verdict,
            found.message,
            found.suggestion,
            found.evidence,
        )
        found = context("en").finding("X-2", Letter.A, W, ("Vague.", "含糊。"), ("Fix.", "修改。"))
        assert ("X-2", Letter.A, W, "Vague.", "Fix.", ()) == (
            found.code,
            found.letter,
            found.verdict,
            found.message,
            found.suggestion,
            found.evidence,
        )

    def test_rule(self):
        rule = SmartRule("X-1", "T", print)
        assert ("X-1", Letter.T, print, "") == (
            rule.code,
            rule.letter,
            rule.check,
            rule.description,
        )

    @pytest.mark.parametrize(("code", "shown"), [("", "str ''"), ("  ", "str '  '"), (3, "int 3")])
    def test_bad_code(self, code, shown):
        expected = f"SmartRule.code: expected a non-empty text, got {shown}"
        assert expected == error_text(SmartRule, code, "S", print)

    def test_bad_letter_and_check(self):
        expected = "SmartRule 'X'.letter: expected one of S, M, A, R, T, got str 'Q'"
        assert expected == error_text(SmartRule, "X", "Q", print)
        expected = "SmartRule 'X'.check: expected a callable, got int 3"
        assert expected == error_text(SmartRule, "X", "S", 3)


class TestRunRules:
    def test_results_of_every_shape(self):
        rules = [
            SmartRule("A-none", "A", lambda ctx: None),
            SmartRule("A-one", "A", lambda ctx: warn("A-one", "A")),
            SmartRule("A-list", "A", lambda ctx: [warn("L1"), warn("L2")]),
            SmartRule("A-gen", "A", lambda ctx: (warn(c) for c in ("G1", "G2"))),
        ]
        findings, errors = run_rules(rules, context())
        assert (["A-one", "L1", "L2", "G1", "G2"], []) == ([f.code for f in findings], errors)

    def test_errors_do_not_stop_the_others(self):
        class Named:
            code = "NAMED"

        def boom(ctx):
            raise KeyError("gone")

        rules = [
            object(),
            Named(),
            SmartRule("X-boom", "S", boom),
            SmartRule("X-junk", "S", lambda ctx: 5),
            SmartRule("X-mixed", "S", lambda ctx: [warn("M1"), "no"]),
            SmartRule("X-ok", "S", lambda ctx: warn("OK")),
        ]
        findings, errors = run_rules(rules, context())
        assert ["OK"] == [f.code for f in findings]
        assert [
            ("object", "clientpm_register_smart_rules", "expected a SmartRule, got object"),
            ("NAMED", "clientpm_register_smart_rules", "expected a SmartRule, got Named"),
            ("X-boom", "check", "KeyError: 'gone'"),
            ("X-junk", "check", "expected Finding objects or None, got int 5"),
            ("X-mixed", "check", "expected Finding objects or None, got str 'no'"),
        ] == [(e.plugin, e.hook, e.reason.split(" <")[0]) for e in errors]


class TestCheckSmart:
    def test_report_fields(self):
        goal = good_goal(owner=None, deadline=None)
        report = check_smart(goal, as_of=AS_OF, locale="zh")
        assert ("Goal 'G1'", goal.statement, AS_OF, "zh", "en", ()) == (
            report.subject,
            report.statement,
            report.as_of,
            report.locale,
            report.language,
            report.errors,
        )
        assert [Letter.S, Letter.M, Letter.A, Letter.R, Letter.T] == [
            r.letter for r in report.letters
        ]
        assert "S:fail M:pass A:pass R:pass T:fail" == report.verdicts()
        assert (False, (Letter.S, Letter.T)) == (report.is_smart, report.failed)
        assert ["S-owner", "T-deadline"] == [f.code for f in report.findings]
        assert [["S-owner"], [], [], [], ["T-deadline"]] == [
            [f.code for f in r.findings] for r in report.letters
        ]
        assert (F, P, F) == (report.verdict("S"), report.verdict(Letter.M), report.verdict("T"))

    def test_locale_code_is_normalised(self):
        report = check_smart(good_goal(), as_of=AS_OF, locale="zh-CN")
        assert "zh" == report.locale

    def test_warnings_only_is_smart(self):
        report = check_smart(good_goal(baseline=None), as_of=AS_OF)
        assert (True, (), W) == (report.is_smart, report.failed, report.verdict("M"))

    def test_letter_takes_the_worst_of_its_findings(self):
        rules = [
            SmartRule("X-w", "R", lambda ctx: warn("X-w", "R")),
            SmartRule("X-f", "R", lambda ctx: Finding("X-f", "R", F, "m", "s")),
            SmartRule("X-w2", "T", lambda ctx: warn("X-w2", "T")),
        ]
        report = check_smart(good_goal(), as_of=AS_OF, rules=rules)
        assert "S:pass M:pass A:pass R:fail T:warn" == report.verdicts()
        assert (Letter.R,) == report.failed

    def test_rules_from_a_mapping_and_a_tuple(self):
        rule = SmartRule("X-w", "A", lambda ctx: warn("X-w", "A"))
        by_mapping = check_smart(good_goal(), as_of=AS_OF, rules={"X-w": rule})
        by_tuple = check_smart(good_goal(), as_of=AS_OF, rules=(rule,))
        assert ["X-w"] == [f.code for f in by_mapping.findings]
        assert ["X-w"] == [f.code for f in by_tuple.findings]
        assert [] == [f.code for f in check_smart(good_goal(), as_of=AS_OF, rules=[]).findings]
        everything = check_smart(Goal(id="G9", statement="x"), as_of=AS_OF)
        assert "S:fail M:fail A:pass R:fail T:fail" == everything.verdicts()
        assert len(BUILTIN_RULES) > 10

    def test_errors_are_kept(self):
        rule = SmartRule("X-bad", "S", lambda ctx: 5)
        report = check_smart(good_goal(), as_of=AS_OF, rules=[rule])
        assert ["X-bad"] == [e.plugin for e in report.errors]

    def test_settings_are_passed_to_the_rules(self):
        goal = good_goal(deadline="2026-12-01")  # 5 working days after 24 November
        assert [] == [f.code for f in check_smart(goal, as_of=AS_OF).findings]
        strict = SmartSettings(min_workdays=6)
        assert ["A-time"] == [
            f.code for f in check_smart(goal, as_of=AS_OF, settings=strict).findings
        ]

    def test_calendar_of_the_project(self):
        project = cpm.sample_project()
        goal = good_goal(deadline="2027-02-10")  # a holiday in the sample calendar
        assert [] == [f.code for f in check_smart(goal, as_of=AS_OF).findings]
        assert ["T-workday"] == [
            f.code for f in check_smart(goal, project=project, as_of=AS_OF).findings
        ]

    def test_status_date(self):
        stdlib = check_smart(good_goal(), as_of=dt.date(2026, 11, 24))
        assert (pendulum.Date, AS_OF) == (type(stdlib.as_of), stdlib.as_of)
        aware = dt.datetime(2026, 11, 23, 20, tzinfo=dt.timezone.utc)
        assert pendulum.date(2026, 11, 23) == check_smart(good_goal(), as_of=aware).as_of
        project = cpm.sample_project()
        shanghai = check_smart(good_goal(), project=project, as_of=aware)
        assert AS_OF == shanghai.as_of

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            (
                {"as_of": dt.datetime(2026, 11, 24)},
                (
                    "check_smart.as_of: expected a date or a time-zone-aware date and time, "
                    "got naive datetime datetime.datetime(2026, 11, 24, 0, 0)"
                ),
            ),
            (
                {"as_of": "2026-11-24"},
                "check_smart.as_of: expected a pendulum.Date or DateTime, got str '2026-11-24'",
            ),
            (
                {"rules": "S-owner"},
                (
                    "check_smart.rules: expected SMART rules (a list or a registry) or None, "
                    "got str 'S-owner'"
                ),
            ),
            (
                {"rules": b"S"},
                (
                    "check_smart.rules: expected SMART rules (a list or a registry) or None, "
                    "got bytes b'S'"
                ),
            ),
            ({"settings": {}}, "check_smart.settings: expected SmartSettings or None, got dict {}"),
            (
                {"project": "ACME"},
                "check_smart.project: expected a Project or None, got str 'ACME'",
            ),
        ],
    )
    def test_bad_arguments(self, kwargs, expected):
        args = {"as_of": AS_OF, **kwargs}
        assert expected == error_text(check_smart, good_goal(), **args)

    def test_bad_goal(self):
        expected = "check_smart.goal: expected a Goal, got str 'G1'"
        assert expected == error_text(check_smart, "G1", as_of=AS_OF)


class TestReport:
    def report(self, locale="en", **changes):
        return check_smart(good_goal(**changes), as_of=AS_OF, locale=locale)

    def test_table_in_english(self):
        table = self.report(owner=None).table()
        assert ("Goal 'G1': not SMART", good_goal().statement) == (table.title, table.caption)
        assert ("Letter", "Verdict", "Findings", "Suggestions") == table.headers
        assert ("S (Specific)", "fail", "[S-owner] No one owns the goal.") == table.rows[0][:3]
        assert ("M (Measurable)", "pass", "", "") == table.rows[1]
        assert ["S", "M", "A", "R", "T"] == [row[0][0] for row in table.rows]

    def test_table_in_chinese(self):
        table = self.report("zh").table()
        assert "Goal 'G1': 是 SMART 目标" == table.title
        assert ("字母", "结论", "发现", "建议") == table.headers
        assert ("S (具体)", "通过", "", "") == table.rows[0]
        assert "Goal 'G1': 不是 SMART 目标" == self.report("zh", owner=None).table().title
        assert "Goal 'G1': SMART" == self.report().table().title

    def test_several_findings_in_one_cell(self):
        table = self.report(metric=None, unit=None).table()
        row = table.rows[1]
        assert "M (Measurable)" == row[0]
        assert 2 == len(row[2].split("\n"))
        assert row[2].startswith("[M-metric] ")
        assert "\n[M-unit] " in row[2]
        assert 2 == len(row[3].split("\n"))

    def test_text_and_mimebundle(self):
        report = self.report(owner=None)
        assert report.table().text() == str(report)
        assert report.table().mimebundle() == report._repr_mimebundle_()
        assert str(report).startswith("Goal 'G1': not SMART\n")

    def test_equality_ignores_errors(self):
        letters = tuple(LetterResult(letter, P, ()) for letter in Letter)
        a = SmartReport("Goal 'G1'", "x", AS_OF, "en", "en", letters)
        b = SmartReport(
            "Goal 'G1'", "x", AS_OF, "en", "en", letters, (cpm.PluginError("p", "h", "r"),)
        )
        assert a == b
        assert () == a.errors


def test_suggestions_are_one_a_line():
    report = check_smart(good_goal(metric=None, unit=None), as_of=AS_OF)
    measurable = report.letters[1]
    assert ["M-metric", "M-unit"] == [f.code for f in measurable.findings]
    first, second = (f.suggestion for f in measurable.findings)
    assert f"{first}\n{second}" == report.table().rows[1][3]
