"""The word lists: Chinese words are matched on word boundaries."""

import clientpm as cpm
from clientpm.smart.lexicon import OBSERVABLE, detect_language, find_terms
from tests.helpers import AS_OF


def good_goal(**changes):
    fields = {
        "id": "G1",
        "statement": "Cut the median load time of the portal home page from 3.2 s to 1.5 s",
        "metric": "median home page load time", "target": "1.5", "unit": "s",
        "baseline": "3.2", "deadline": "2027-02-26", "owner": "chen.jie", "supports": ["REQ-4"],
    }  # fmt: skip
    fields.update(changes)
    return cpm.Goal(**fields)


def codes(report, verdict=None):
    return [f.code for f in report.findings if verdict is None or f.verdict.value == verdict]


class TestChineseWordBoundaries:
    """Single characters that are parts of common words are not read as words."""

    def test_bing_inside_hebing_is_not_a_conjunction(self):
        goal = good_goal(statement="上线合并报表功能，使月结时间缩短到 3 天")
        assert "S-compound" not in codes(cpm.check_smart(goal, as_of=AS_OF))

    def test_neng_inside_gongneng_is_not_observable(self):
        req = cpm.Requirement(
            id="REQ-9", title="页面", acceptance_criteria=["页面功能正常", "当前版本性能良好"]
        )
        report = cpm.check_acceptance_criteria(req)
        assert ["fail", "fail"] == [c.verdict.value for c in report.criteria]


class TestDetectLanguage:
    """Chinese when Chinese characters are at least a third of the letters."""

    def test_exactly_a_third_chinese_is_chinese(self):
        assert "zh" == detect_language("上ab")

    def test_less_than_a_third_chinese_is_english(self):
        assert "en" == detect_language("上abc")


class TestFindTerms:
    def test_whole_words_only_unless_stemmed(self):
        """By default "shows" is not "show"; with stem it is."""
        assert [] == find_terms("It shows the total", ("show",), "en")
        assert ["show"] == find_terms("It shows the total", ("show",), "en", stem=True)

    def test_stemmed_english_terms_in_order_of_appearance(self):
        assert ["export", "search"] == find_terms(
            "Auditors exported the report after searching it", OBSERVABLE["en"], "en", stem=True
        )

    def test_chinese_terms_in_order_of_first_appearance(self):
        """优化 comes first although it occurs again after 尽快."""
        assert ["优化", "尽快"] == find_terms("优化首页，尽快优化", ("尽快", "优化"), "zh")
