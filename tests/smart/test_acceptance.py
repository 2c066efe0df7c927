"""SMART checks of acceptance criteria (D1): vague, untestable and missing criteria."""

import pytest

import clientpm as cpm
from clientpm.smart.acceptance import CriteriaReport
from clientpm.smart.types import Finding, Letter, Verdict


class TestAcceptanceCriteria:
    def test_vague_and_untestable_criteria(self):
        req = cpm.Requirement(id="REQ-9", title="Search", acceptance_criteria=[
            "Search is fast and user-friendly", "Good search", "Results show within 2 s",
        ])  # fmt: skip
        report = cpm.check_acceptance_criteria(req)
        assert ["fail", "fail", "pass"] == [c.verdict.value for c in report.criteria]
        assert ["AC-vague"] == [f.code for f in report.criteria[0].findings]
        assert ["AC-vague"] == [f.code for f in report.criteria[1].findings]
        assert not report.is_testable

    def test_untestable_without_anything_observable(self):
        req = cpm.Requirement(id="REQ-9", title="Dashboard",
                              acceptance_criteria=["Headcount per department"])  # fmt: skip
        report = cpm.check_acceptance_criteria(req)
        assert ["AC-untestable"] == [f.code for f in report.criteria[0].findings]

    def test_chinese_criteria(self):
        req = cpm.Requirement(id="REQ-9", title="请假", acceptance_criteria=[
            "审批流程尽量简单", "员工提交申请后，经理在系统中收到通知",
        ])  # fmt: skip
        report = cpm.check_acceptance_criteria(req, locale="zh")
        assert ["fail", "pass"] == [c.verdict.value for c in report.criteria]

    def test_no_criteria(self):
        report = cpm.check_acceptance_criteria(cpm.Requirement(id="REQ-9", title="Search"))
        assert (["AC-none"], False) == ([f.code for f in report.findings], report.is_testable)

    def test_bad_input(self):
        with pytest.raises(cpm.ValidationError, match=r"check_acceptance_criteria\.requirement"):
            cpm.check_acceptance_criteria("REQ-1")


class TestCriterionFindings:
    def test_an_observable_verb_counts_in_any_form(self):
        """A criterion that "shows" something uses the observable verb "show": it is testable."""
        req = cpm.Requirement(id="REQ-9", title="Search",
                              acceptance_criteria=["The page shows the results"])  # fmt: skip
        result = cpm.check_acceptance_criteria(req).criteria[0]
        assert (Verdict.PASS, ()) == (result.verdict, result.findings)

    def test_vague_words_with_a_number_are_a_warning(self):
        req = cpm.Requirement(id="REQ-9", title="Search",
                              acceptance_criteria=["Search is faster and easier: 2 s"])  # fmt: skip
        result = cpm.check_acceptance_criteria(req).criteria[0]
        assert Verdict.WARN is result.verdict
        assert (
            Finding("AC-vague", Letter.S, Verdict.WARN,
                    "Vague words (faster, easier), though a number makes it checkable.",
                    "Drop the vague words; the number says it.", ("faster", "easier")),
        ) == result.findings  # fmt: skip

    def test_the_vague_words_are_listed_in_the_findings_language(self):
        req = cpm.Requirement(id="REQ-9", title="搜索",
                              acceptance_criteria=["搜索更加流畅，2 秒内显示结果"])  # fmt: skip
        (found,) = cpm.check_acceptance_criteria(req, locale="zh").criteria[0].findings
        assert "AC-vague" == found.code
        assert "有含糊的词（更加、流畅），不过数字使其可核对。" == found.message
        assert "去掉含糊的词，数字已足够。" == found.suggestion

    def test_no_criteria_is_evidenced_by_the_field(self):
        report = cpm.check_acceptance_criteria(cpm.Requirement(id="REQ-9", title="Search"))
        assert [("AC-none", ("acceptance_criteria",))] == [
            (f.code, f.evidence) for f in report.findings
        ]


def test_the_table_caption_joins_the_overall_findings_with_a_space():
    first = Finding("X-1", Letter.M, Verdict.FAIL, "First.", "Fix one.")
    second = Finding("X-2", Letter.S, Verdict.WARN, "Second.", "Fix two.")
    table = CriteriaReport("Requirement 'REQ-9'", "en", (), (first, second)).table()
    assert ("Requirement 'REQ-9': not testable", "First. Second.") == (table.title, table.caption)
