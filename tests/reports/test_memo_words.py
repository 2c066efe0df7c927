"""The change memo writes every sentence in its own locale, whatever the impact's locale."""

import re

import attrs
import pytest

import clientpm as cpm

AS_OF = cpm.sample.SAMPLE_AS_OF
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FORMATS = ["markdown", "html", "text"]


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


def impact_in(project, locale):
    return cpm.assess_change(project, project.change_request("CR-1"), as_of=AS_OF, locale=locale)


def memo(project, impact, locale):
    """The 0.1.0 call, which every version takes."""
    return cpm.change_memo(project, project.change_request("CR-1"), impact, locale=locale)


def every_text(report):
    """Every string a report holds, section by section and cell by cell."""
    out = [report.title, *report.status.reasons, *report.summary]
    for section in report.sections:
        out.append(section.title)
        for block in section.blocks:
            for name in ("text", "items", "facts", "headers", "rows"):
                value = getattr(block, name, None)
                if isinstance(value, str):
                    out.append(value)
                elif value is not None:
                    for item in value:
                        out.extend([item] if isinstance(item, str) else item)
    return out


class TestOneLanguagePerMemo:
    def test_the_sample_request_is_assessed_in_the_clients_chinese(self, project):
        assert "zh" == impact_in(project, None).locale

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_english_memo_of_a_chinese_assessment_has_no_chinese(self, project, fmt):
        report = memo(project, impact_in(project, "zh"), "en")
        assert [] == [text for text in every_text(report) if CJK.search(text)]
        assert not CJK.search(cpm.render(report, fmt))

    def test_the_options_table_is_in_english(self, project):
        report = memo(project, impact_in(project, "zh"), "en")
        rows = report.section("options").blocks[0].rows
        # the client's options carry their own effect, not the team's reasons (no day-rate cost)
        assert rows[1][1].startswith("Adds 7 person-days of work. 3 milestone(s) move;")
        assert rows[1][1] == rows[2][1]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_chinese_memo_of_an_english_assessment_is_the_chinese_memo(self, project, fmt):
        from_en = memo(project, impact_in(project, "en"), "zh")
        from_zh = memo(project, impact_in(project, "zh"), "zh")
        assert cpm.render(from_zh, fmt) == cpm.render(from_en, fmt)

    def test_a_chinese_memo_of_an_english_assessment_writes_chinese_sentences(self, project):
        report = memo(project, impact_in(project, "en"), "zh")
        rows = report.section("options").blocks[0].rows
        assert rows[1][1].startswith("增加 7 人天工作量。3 个里程碑推迟")
        # Latin only where the data is: ids, dates, money, the request's own title and words.
        english = re.compile(r"\b(?:Adds|Bill|milestone|working|person|budget|client)\b")
        assert [] == [text for text in every_text(report) if english.search(text)]

    @pytest.mark.parametrize("locale", ["en", "zh"])
    def test_the_memo_does_not_depend_on_the_assessments_locale(self, project, locale):
        reports = [memo(project, impact_in(project, code), locale) for code in ("en", "zh")]
        assert every_text(reports[0]) == every_text(reports[1])


class TestTheImpactKnowsItsRequest:
    def test_the_impact_alone_is_enough(self, project):
        impact = impact_in(project, "zh")
        assert every_text(memo(project, impact, "en")) == every_text(
            cpm.change_memo(project, impact, locale="en")
        )

    def test_keywords_work_too(self, project):
        impact = impact_in(project, "en")
        cr = project.change_request("CR-1")
        by_keyword = cpm.change_memo(project, impact=impact, locale="en")
        old_keywords = cpm.change_memo(project, change_request=cr, impact=impact, locale="en")
        assert every_text(by_keyword) == every_text(old_keywords)

    def test_by_default_the_memo_is_in_the_clients_locale(self, project):
        report = cpm.change_memo(project, impact_in(project, "en"))
        assert "zh" == report.locale
        assert "变更请求 CR-1：WeChat Work login" == report.title

    def test_an_impact_of_a_request_the_project_does_not_hold(self, project):
        cr = project.change_request("CR-1")
        other = attrs.evolve(cr, id="CR-9")
        impact = cpm.assess_change(project, other, as_of=AS_OF)
        with pytest.raises(cpm.UnknownReferenceError) as info:
            cpm.change_memo(project, impact)
        assert (
            "change_memo.impact: is the impact of 'CR-9', which Project 'ACME' does not hold "
            "(known: CR-1); pass the change request too"
        ) == str(info.value)
        assert "CR-9" in cpm.change_memo(project, other, impact).title

    def test_neither_request_nor_impact(self, project):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.change_memo(project)
        assert (
            "change_memo.impact: is missing: pass the ChangeImpact from clientpm.assess_change, "
            "as in change_memo(project, impact)"
        ) == str(info.value)

    def test_a_request_without_its_impact(self, project):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.change_memo(project, project.change_request("CR-1"))
        assert "change_memo.impact: expected the ChangeImpact of 'CR-1', got None" == str(
            info.value
        )

    def test_something_else_in_place_of_the_impact(self, project):
        with pytest.raises(cpm.ValidationError, match=r"^change_memo\.change_request: .*str 'x'"):
            cpm.change_memo(project, "x")
