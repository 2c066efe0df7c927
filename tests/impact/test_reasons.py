"""The reasons of a change impact, read in English and in Chinese."""

from __future__ import annotations

import pytest

import clientpm as cpm
from clientpm.impact import assess_change
from clientpm.impact.reasons import Reason, join, reason
from clientpm.sample import SAMPLE_AS_OF
from tests.helpers import assess, message, revise, tiny


@pytest.fixture
def project():
    return cpm.sample_project()


class TestSampleChange:
    """CR-1: WeChat Work login (6 days) on the beta, and REQ-2 grows from 10 to 11 days."""

    def test_reasons_in_english_and_chinese(self, project):
        """The same reasons read in both languages; the default is the client's (zh)."""
        impact = assess_change(project, project.change_request("CR-1"), as_of=SAMPLE_AS_OF)
        assert "zh" == impact.locale
        rec = impact.recommendation
        assert (
            "Bill it: 7 person-days exceed the free allowance left (2 of 2 person-days). "
            "Quote 30800.00 CNY."
        ) in rec.explain("en")
        assert (
            "建议收费：7 人天超出剩余免费额度（剩余 2 人天，共 2 人天）。报价 30800.00 CNY。"
            in (impact.summary)
        )
        assert "由 wang.fang（客户经理）决定；客户 li.wei 须确认此影响。" in impact.summary


class TestImpact:
    def test_in_chinese(self):
        impact = assess(tiny(), revise("R3", 6), locale="zh")
        assert (
            "增加 2 人天工作量（按日费率计 2000.00 CNY）。"
            "1 个里程碑推迟，最大推迟 2 个工作日（B：2026-11-12 → 2026-11-16）。"
            "里程碑 B 将比截止日期 2026-11-13 晚 1 个工作日完成。"
            "项目将比合同结束日期 2026-11-13 晚 1 个工作日完成。"
            "关键路径改变：+B。"
            "建议收费：该变更推迟截止日期，须由客户连同报价一起确认。报价 2200.00 CNY。"
            "报价含 10% 应急储备（200.00 CNY）。"
            "预测成本变为 13200.00 CNY，占预算 100000.00 CNY 的 13.2%。"
            "需要升级：超出首位审批人的权限，由高管决定；客户 li.wei 须确认此影响。"
        ) == impact.summary


class TestReason:
    def test_text_is_english_by_default(self):
        assert "No milestone moves." == Reason("no_slip").text()

    def test_join_refuses_an_unsupported_locale(self):
        assert "join.locale: expected a supported locale ('en' or 'zh'), got str 'fr'" == message(
            join, [reason("no_slip")], "fr"
        )
