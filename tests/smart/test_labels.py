"""The words of a SMART check (verdicts, letters, tables, findings) read the catalogues."""

import ast
import inspect
import re

import pendulum
import pytest

import clientpm as cpm
from clientpm.locale import SUPPORTED_LOCALES, Catalogue, catalogue, say
from clientpm.smart import acceptance, rules, types
from clientpm.smart.types import Letter, Verdict

#: Chinese characters (not punctuation: the rules split statements at "，" and "；").
HANZI = re.compile(r"[\u4e00-\u9fff]")
AS_OF = pendulum.date(2026, 11, 24)


@pytest.fixture
def changed(monkeypatch):
    """English reads a changed catalogue for one test."""
    import clientpm.locale as loc

    def use(**messages):
        monkeypatch.setitem(loc._LOADED, "en", Catalogue("en", {**catalogue("en"), **messages}))

    return use


class TestVerdict:
    @pytest.mark.parametrize("code", SUPPORTED_LOCALES)
    def test_each_verdict_is_its_catalogue_message(self, code):
        assert [say(code, f"smart.verdict.{v.value}") for v in Verdict] == [
            v.label(code) for v in Verdict
        ]

    def test_labels(self):
        assert ["pass", "warn", "fail"] == [v.label() for v in Verdict]
        assert ["通过", "注意", "不通过"] == [v.label("zh_CN") for v in Verdict]

    @pytest.mark.parametrize("locale", ["fr", None])
    def test_an_unsupported_locale_is_refused(self, locale):
        with pytest.raises(cpm.ValidationError, match=r"^Verdict\.label\.locale: "):
            Verdict.PASS.label(locale)


class TestLetter:
    @pytest.mark.parametrize("code", SUPPORTED_LOCALES)
    def test_each_letter_is_its_catalogue_message(self, code):
        assert [say(code, f"smart.letter.{letter.value}") for letter in Letter] == [
            letter.title(code) for letter in Letter
        ]

    def test_titles(self):
        assert "Specific Measurable Achievable Relevant Time-bound" == " ".join(
            letter.title() for letter in Letter
        )
        assert ["具体", "可衡量", "可实现", "相关", "有时限"] == [
            letter.title("zh-Hans") for letter in Letter
        ]

    def test_an_unsupported_locale_is_refused(self):
        with pytest.raises(cpm.ValidationError, match=r"^Letter\.title\.locale: .*'fr'$"):
            Letter.S.title("fr")


def literal_words(module):
    """Every string in a module's code that holds Chinese, docstrings left out."""
    tree = ast.parse(inspect.getsource(module))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and HANZI.search(node.value)
    ]


@pytest.mark.parametrize("module", [rules, acceptance, types], ids=lambda m: m.__name__)
def test_no_chinese_words_are_left_in_the_code(module):
    assert [] == literal_words(module)


class TestFindingsReadTheCatalogue:
    def test_a_rule_finding_is_its_catalogue_messages(self):
        goal = cpm.Goal(id="G9", statement="Cut the median page load time from 3.2 s to 1.5 s",
                        metric="load time", target="1.5", baseline="3.2", unit="s")  # fmt: skip
        for code in SUPPORTED_LOCALES:
            report = cpm.check_smart(goal, as_of=AS_OF, locale=code)
            (found,) = [f for f in report.findings if f.code == "T-deadline"]
            assert (say(code, "smart.T-deadline"), say(code, "smart.T-deadline.fix")) == (
                found.message, found.suggestion
            )  # fmt: skip

    def test_a_changed_message_reaches_the_rules(self, changed):
        changed(**{"smart.T-deadline": "When?", "format.quote": "<{text}>",
                   "format.list": " + "})  # fmt: skip
        goal = cpm.Goal(id="G9", statement="Improve and optimise the portal ASAP")
        report = cpm.check_smart(goal, as_of=AS_OF)
        assert "When?" in [f.message for f in report.findings]
        (vague,) = [f for f in report.findings if f.code == "S-vague"]
        shown = " + ".join(f"<{word}>" for word in vague.evidence)
        assert say("en", "smart.S-vague.fail", shown=shown) == vague.message
        assert vague.message.startswith("The statement is vague (<")

    def test_acceptance_findings_are_catalogue_messages(self):
        req = cpm.Requirement(id="REQ-9", title="Search", acceptance_criteria=[])
        for code in SUPPORTED_LOCALES:
            (found,) = cpm.check_acceptance_criteria(req, locale=code).findings
            assert (say(code, "smart.AC-none"), say(code, "smart.AC-none.fix")) == (
                found.message, found.suggestion
            )  # fmt: skip

    def test_the_tables_read_the_catalogue(self):
        project = cpm.sample_project()
        goal = project.goal("G1")
        zh = cpm.check_smart(goal, project=project, as_of=cpm.sample.SAMPLE_AS_OF, locale="zh")
        assert ("字母", "结论", "发现", "建议") == zh.table().headers
        assert zh.table().title.endswith(": 是 SMART 目标")
        req = cpm.Requirement(id="REQ-9", title="Search", acceptance_criteria=["Shows 20 rows"])
        en = cpm.check_acceptance_criteria(req).table()
        assert ("Criterion", "Verdict", "Findings", "Suggestions") == en.headers
        assert en.title.endswith(": testable")

    def test_a_context_reads_the_catalogue_in_its_locale(self):
        ctx = types.SmartContext(cpm.Goal(id="G1", statement="x"), None, AS_OF, "zh", "en",
                                 cpm.SmartSettings(), cpm.WorkCalendar())  # fmt: skip
        assert say("zh", "smart.M-unit", target="2") == ctx.text("smart.M-unit", target="2")
        assert "加上数字。" == ctx.say("Add a number.", "加上数字。")
