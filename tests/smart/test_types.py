"""The SMART types (D2): verdicts, letters, findings, settings, rules and the report."""

import json
from decimal import Decimal

import pytest
from IPython.core.formatters import DisplayFormatter

import clientpm as cpm
from clientpm.smart.check import check_smart
from clientpm.smart.types import (
    Finding,
    Letter,
    LetterResult,
    SmartReport,
    SmartRule,
    SmartSettings,
    Verdict,
)
from tests.helpers import AS_OF, context, good_goal, message


class TestBadInput:
    def test_smart_settings(self):
        with pytest.raises(cpm.ValidationError, match=r"SmartSettings\.max_change_factor"):
            cpm.SmartSettings(max_change_factor="lots")

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"max_change_factor": 1}, r"SmartSettings\.max_change_factor: expected a number above 1"),
        ({"min_workdays": -1}, r"SmartSettings\.min_workdays: expected a whole number >= 0"),
    ])  # fmt: skip
    def test_bad_settings(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.SmartSettings(**kwargs)

    def test_bad_rule(self):
        with pytest.raises(cpm.ValidationError, match=r"SmartRule 'X'\.letter: .*got str 'Q'"):
            cpm.SmartRule("X", "Q", lambda ctx: None)


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


P, W, F = Verdict.PASS, Verdict.WARN, Verdict.FAIL


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
        assert expected == message(Finding, "X", "Q", W, "m", "s")
        expected = "Finding 'X'.letter: expected one of S, M, A, R, T, got int 1"
        assert expected == message(Finding, "X", 1, W, "m", "s")
        expected = (
            "Finding 'X'.verdict: expected Verdict.WARN or Verdict.FAIL, got <Verdict.PASS: 'pass'>"
        )
        assert expected == message(Finding, "X", "S", P, "m", "s")
        expected = "Finding 'X'.verdict: expected Verdict.WARN or Verdict.FAIL, got 'warn'"
        assert expected == message(Finding, "X", "S", "warn", "m", "s")


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
        assert expected == message(SmartSettings, max_change_factor=value)

    @pytest.mark.parametrize("name", ["min_workdays", "min_words", "min_chinese_chars"])
    @pytest.mark.parametrize(
        ("value", "shown"), [(-1, "int -1"), (True, "bool True"), (2.0, "float 2.0")]
    )
    def test_whole_numbers(self, name, value, shown):
        expected = f"SmartSettings.{name}: expected a whole number >= 0, got {shown}"
        assert expected == message(SmartSettings, **{name: value})
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
        assert expected == message(SmartRule, code, "S", print)

    def test_bad_letter_and_check(self):
        expected = "SmartRule 'X'.letter: expected one of S, M, A, R, T, got str 'Q'"
        assert expected == message(SmartRule, "X", "Q", print)
        expected = "SmartRule 'X'.check: expected a callable, got int 3"
        assert expected == message(SmartRule, "X", "S", 3)


class TestDisplayAndData:
    def test_notebook_shows_a_table_of_the_five_letters(self, project):
        report = cpm.check_smart(project.goal("G2"), project=project, as_of=AS_OF, locale="zh")
        data, _ = DisplayFormatter().format(report)
        assert {"text/plain", "text/html", "text/markdown"} <= set(data)
        html = data["text/html"]
        assert html.count("<tr>") == 6  # header and five letters
        assert "S (具体)" in html
        assert "不通过" in html
        assert "| A (可实现) | 通过 |  |  |" in data["text/markdown"]

    def test_user_text_is_escaped_in_html(self):
        goal = good_goal(statement="<script>alert(1)</script> cut load time from 3.2 s to 1.5 s")
        html = cpm.check_smart(goal, as_of=AS_OF).table().html()
        assert "<script>" not in html
        assert "&lt;script&gt;" in html

    def test_round_trip_through_to_dict(self, project):
        report = cpm.check_smart(project.goal("G2"), project=project, as_of=AS_OF)
        data = json.loads(json.dumps(cpm.to_dict(report)))
        assert "fail" == data["letters"][0]["verdict"]
        assert report == cpm.from_dict(cpm.SmartReport, data)


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
