"""Jargon (D12): unexplained terms, acronyms and glossaries from plugins."""

import pytest

import clientpm as cpm
from clientpm.plugins import PluginHost


class TestJargon:
    def test_unexplained_terms_with_explanations(self):
        text = "UAT starts Monday. The critical path (the work that decides the end date) holds."
        assert [("UAT", "the client tries the system before accepting it")] == [
            (j.term, j.explanation) for j in cpm.check_jargon(text)
        ]

    def test_chinese_text_and_locale(self):
        found = cpm.check_jargon("本周基线未变，关键路径（决定完工日期的工作）正常。")
        assert [("基线", "最初商定的计划，用来显示后来的变化")] == [
            (j.term, j.explanation) for j in found
        ]
        assert "the plan as first agreed" in cpm.check_jargon("基线", locale="en")[0].explanation

    def test_acronyms_match_case_and_whole_words(self):
        assert () == cpm.check_jargon("The sla-ready islands sprinted")
        assert ["SLA"] == [j.term for j in cpm.check_jargon("Our SLA is met")]

    def test_glossaries_from_plugins(self):
        host = PluginHost()
        glossary = cpm.Glossary("acme", [cpm.Term(["HRIS"], "the HR system", "人力资源系统")])
        found = cpm.check_jargon("HRIS and UAT", glossaries=[*host.glossaries().values(), glossary])
        assert ["HRIS", "UAT"] == [j.term for j in found]

    def test_bad_input(self):
        with pytest.raises(cpm.ValidationError, match=r"check_jargon\.text"):
            cpm.check_jargon(None)
        with pytest.raises(cpm.ValidationError, match=r"Term 'HRIS'\.zh: expected a non-empty"):
            cpm.Term(["HRIS"], "the HR system", "")
