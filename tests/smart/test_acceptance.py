"""SMART checks of acceptance criteria (D1): vague, untestable and missing criteria."""

import pytest

import clientpm as cpm


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
