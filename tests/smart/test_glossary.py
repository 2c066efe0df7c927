"""Jargon (D12): unexplained terms, acronyms and glossaries from plugins."""

import pytest

import clientpm as cpm
from clientpm.plugins import PluginHost
from clientpm.smart.glossary import PM_GLOSSARY
from tests.helpers import message


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


class TestTerm:
    def test_needs_a_name(self):
        assert "Term.names: expected at least one non-empty name, got tuple ()" == message(
            cpm.Term, [], "the HR system", "人力资源系统"
        )

    def test_every_name_must_be_non_empty(self):
        assert (
            "Term.names: expected at least one non-empty name, got tuple ('HRIS', ' ')"
        ) == message(cpm.Term, ["HRIS", " "], "the HR system", "人力资源系统")

    def test_explains_in_english_by_default(self):
        assert "the HR system" == cpm.Term(["HRIS"], "the HR system", "人力资源系统").explain()

    def test_explain_refuses_an_unsupported_locale(self):
        term = cpm.Term(["HRIS"], "the HR system", "人力资源系统")
        assert (
            "Term.explain.locale: expected a supported locale ('en' or 'zh'), got str 'fr'"
            == message(term.explain, "fr")
        )


def test_glossary_holds_only_terms():
    assert "Glossary 'acme'.terms: expected Term objects, got str 'HRIS'" == message(
        cpm.Glossary, "acme", ["HRIS"]
    )


def test_built_in_terms_explain_in_both_languages():
    """Every built-in term has an English and a (different) Chinese explanation."""
    for term in PM_GLOSSARY.terms:
        assert term.explain("en").strip(), term.names
        assert term.explain("zh").strip(), term.names
        assert term.explain("en") != term.explain("zh"), term.names


class TestCheckJargon:
    def test_jargon_names_its_glossary(self):
        uat = "the client tries the system before accepting it"
        assert (cpm.Jargon("UAT", uat, "project management"),) == cpm.check_jargon(
            "UAT starts Monday"
        )

    def test_acronyms_are_not_matched_in_lower_case(self):
        """A lower-case "sla" is a word of its own, not the acronym SLA."""
        assert () == cpm.check_jargon("Our sla is met")

    def test_refuses_text_that_is_not_a_string(self):
        assert "check_jargon.text: expected a text, got None" == message(cpm.check_jargon, None)

    def test_refuses_an_unsupported_locale(self):
        assert (
            "check_jargon.locale: expected a supported locale ('en' or 'zh'), got str 'fr'"
            == message(cpm.check_jargon, "UAT starts Monday", locale="fr")
        )


class TestCheckJargonRefuses:
    def test_text_that_is_not_a_string_is_described(self):
        assert "check_jargon.text: expected a text, got int 5" == message(cpm.check_jargon, 5)

    def test_glossaries_that_are_not_glossaries(self):
        assert "check_jargon.glossaries: expected Glossary objects, got int 5" == message(
            cpm.check_jargon, "UAT starts Monday", glossaries=[5]
        )
