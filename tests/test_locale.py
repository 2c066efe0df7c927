"""The message catalogues: every key in every locale, the same fields, and the lookups."""

import importlib
import re
import string
import subprocess
import sys

import pytest

import clientpm as cpm
from clientpm.locale import SUPPORTED_LOCALES, Catalogue, catalogue, say
from clientpm.reports.wording import Words

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def raw(code):
    """The ``MESSAGES`` of one locale's module, without the English fallback."""
    return importlib.import_module(f"clientpm.locale.{code}").MESSAGES


def fields(text):
    """The ``{names}`` a message fills in, with their conversions (``!r``)."""
    return sorted(
        (name, conversion or "")
        for _, name, _, conversion in string.Formatter().parse(text)
        if name is not None
    )


OTHERS = [code for code in SUPPORTED_LOCALES if code != "en"]


class TestCompleteness:
    def test_english_comes_first_and_chinese_is_there(self):
        assert "en" == SUPPORTED_LOCALES[0]
        assert "zh" in SUPPORTED_LOCALES

    @pytest.mark.parametrize("code", OTHERS)
    def test_every_key_is_in_every_locale(self, code):
        english, other = raw("en"), raw(code)
        assert [] == sorted(set(english) - set(other)), f"missing in {code}"
        assert [] == sorted(set(other) - set(english)), f"unknown to English, in {code}"

    @pytest.mark.parametrize("code", OTHERS)
    def test_every_message_fills_in_the_same_fields(self, code):
        english, other = raw("en"), raw(code)
        differ = {
            key: (fields(english[key]), fields(other[key]))
            for key in english.keys() & other.keys()
            if fields(english[key]) != fields(other[key])
        }
        assert {} == differ

    @pytest.mark.parametrize("code", SUPPORTED_LOCALES)
    def test_every_message_is_a_non_empty_string_that_formats(self, code):
        for key, text in raw(code).items():
            assert isinstance(text, str), key
            assert text or key == "format.join", key
            values = {name: "x" for name, _ in fields(text)}
            assert isinstance(text.format(**values), str), key

    def test_keys_are_namespaced_by_concept(self):
        namespaces = {key.split(".", 1)[0] for key in raw("en")}
        assert {"change", "chart", "enum", "format", "impact", "rag", "report", "role"} == (
            namespaces
        )

    def test_english_has_no_chinese_and_chinese_is_chinese(self):
        assert [] == [key for key, text in raw("en").items() if CJK.search(text)]
        words = {key: text for key, text in raw("zh").items() if not key.startswith("format.")}
        latin_only = [key for key, text in words.items() if not CJK.search(text)]
        # Only messages that are nothing but their fields (and a slash) stay Latin.
        assert ["report.cr.row", "report.f.of"] == sorted(latin_only)
        assert all(not re.sub(r"\{[^}]*\}|[\s/]", "", words[key]) for key in latin_only)

    @pytest.mark.parametrize("role", list(cpm.Role))
    def test_every_role_has_a_name(self, role):
        for code in SUPPORTED_LOCALES:
            assert say(code, f"role.{role.value}")


class TestLookups:
    def test_say_fills_in_the_fields(self):
        assert "Risk R1 closed: Vendor delay." == say(
            "en", "report.since.closed_risk", id="R1", title="Vendor delay"
        )
        assert "风险 R1 已关闭：供应商延迟。" == say(
            "zh", "report.since.closed_risk", id="R1", title="供应商延迟"
        )

    def test_a_user_locale_is_normalised(self):
        assert catalogue("zh_CN") is catalogue("zh")
        assert "红" == say("zh-Hans-CN", "rag.red")

    def test_a_catalogue_is_loaded_once(self):
        assert catalogue("en") is catalogue("en")
        assert isinstance(catalogue("en"), Catalogue)

    def test_a_catalogue_reads_like_a_dict(self):
        zh = catalogue("zh")
        assert "{n} / {total}" == zh["report.f.of"]
        assert "report.f.of" in zh
        assert "report.nope" not in zh
        assert None is zh.get("report.nope")
        assert len(zh) == len(raw("en"))
        assert set(zh) == set(raw("en"))

    def test_an_unknown_key_names_the_catalogue_the_key_and_close_keys(self):
        with pytest.raises(cpm.UnknownReferenceError) as info:
            say("zh", "rag.rde")
        assert (
            "Catalogue 'zh': has no message 'rag.rde' (close: 'rag.red', 'rag.green', 'rag.amber')"
            == str(info.value)
        )

    def test_an_unknown_key_with_nothing_close(self):
        with pytest.raises(cpm.ValidationError, match=r"^Catalogue 'en': has no message 'zzz'$"):
            say("en", "zzz")

    def test_a_key_that_is_not_a_string(self):
        with pytest.raises(cpm.ValidationError) as info:
            catalogue("en")[3]  # type: ignore[index]
        assert "Catalogue 'en': expected a message key (a str), got int 3" == str(info.value)

    def test_an_unknown_locale_names_where_and_what_is_supported(self):
        with pytest.raises(cpm.ValidationError) as info:
            say("fr", "rag.red")
        assert "catalogue.locale: expected a supported locale ('en' or 'zh'), got str 'fr'" == str(
            info.value
        )
        with pytest.raises(cpm.ValidationError, match=r"catalogue\.locale: .*got None$"):
            catalogue(None)  # type: ignore[arg-type]

    def test_a_missing_field_names_the_message_and_the_field(self):
        with pytest.raises(cpm.ValidationError) as info:
            say("zh", "report.f.of", n=1)
        assert "Catalogue 'zh'('report.f.of'): missing the value of {total}" == str(info.value)

    def test_extra_fields_are_ignored(self):
        assert "Red" == say("en", "rag.red", unused=1)

    def test_a_field_called_key_or_locale_is_allowed(self):
        assert "Overall status: x." == say("en", "report.summary.rag", rag="x", key=1, locale=2)

    def test_a_key_missing_in_a_locale_reads_in_english(self, monkeypatch):
        import clientpm.locale as loc

        partial = {k: v for k, v in raw("zh").items() if k != "rag.red"}
        monkeypatch.setattr(loc, "_LOADED", {})
        real = loc._load
        monkeypatch.setattr(loc, "_load", lambda code: partial if code == "zh" else real(code))
        assert "Red" == loc.say("zh", "rag.red")
        assert "黄" == loc.say("zh", "rag.amber")


class TestEveryTableReadsTheCatalogue:
    """The words that lived in six tables now come from one place per locale."""

    def test_report_words(self):
        assert say("zh", "report.sec.risks") == Words("zh")("sec.risks")
        assert "进行中" == Words("zh").enum(cpm.MilestoneStatus.IN_PROGRESS)
        assert "in progress" == Words("en").enum(cpm.MilestoneStatus.IN_PROGRESS)
        assert "signed off" == Words("en").enum(cpm.RequirementStatus.SIGNED_OFF)
        assert "发起人" == Words("zh").say("role.sponsor")

    def test_dates_follow_the_locale_format(self):
        import pendulum

        day = pendulum.date(2026, 11, 27)
        assert "27 Nov 2026" == Words("en").date(day)
        assert "2026年11月27日" == Words("zh").date(day)

    def test_sentence_runs_follow_the_locale(self):
        assert "A. B." == Words("en").join(["A.", "B."])
        assert "甲。乙。" == Words("zh").join(["甲。", "乙。"])

    def test_rag_labels(self):
        assert ["绿", "黄", "红"] == [rag.label("zh") for rag in cpm.Rag]
        with pytest.raises(cpm.ValidationError, match=r"Rag\.label\.locale: .*'fr'"):
            cpm.Rag.RED.label("fr")

    def test_impact_reasons_and_roles(self):
        reason = cpm.Reason("decide", (("approver", "wang.fang"), ("role", "account_manager"),
                                       ("client", "li.wei")))  # fmt: skip
        assert "由 wang.fang（客户经理）决定；客户 li.wei 须确认此影响。" == reason.text("zh")
        assert reason.text("en").startswith("wang.fang (account manager) decides")
        with pytest.raises(cpm.ValidationError, match=r"Reason\.text\.locale: .*'fr'"):
            reason.text("fr")

    def test_impact_table_labels(self):
        project = cpm.sample_project()
        cr = project.change_request("CR-1")
        en = cpm.assess_change(project, cr, as_of=cpm.sample.SAMPLE_AS_OF, locale="en").table()
        zh = cpm.assess_change(project, cr, as_of=cpm.sample.SAMPLE_AS_OF, locale="zh").table()
        assert ("Item", "Value") == en.headers
        assert ("事项", "值") == zh.headers
        assert "变更请求影响 CR-1" == zh.title
        assert ("建议", "收费 30800.00 CNY") == zh.rows[-2]

    def test_change_descriptions(self):
        move = cpm.MoveMilestone("M2", "2027-01-15")
        assert "move milestone 'M2' to 2027-01-15" == move.describe()
        assert "将里程碑 'M2' 的到期日改为 2027-01-15" == move.describe("zh_CN")
        assert "从范围中删除需求 'REQ-3'" == cpm.RemoveRequirement("REQ-3").describe("zh")
        with pytest.raises(cpm.ValidationError, match=r"MoveMilestone\.describe\.locale: "):
            move.describe("fr")

    def test_the_goals_dimension_reads_in_any_locale(self):
        project = cpm.sample_project()
        goal = next(iter(project.goals), None)
        if goal is None or not goal.supports:  # pragma: no cover - the sample has goals
            pytest.skip("the sample project has no goal with requirements")
        cr = cpm.ChangeRequest(
            id="CR-7", title="Drop it", requested_by="li.wei",
            submitted_at="2026-11-24T10:00:00+08:00", reason="Budget",
            changes=[cpm.RemoveRequirement(goal.supports[0])],
        )  # fmt: skip
        impact = cpm.assess_change(project, cr, as_of=cpm.sample.SAMPLE_AS_OF, locale="zh")
        (dimension,) = [d for d in impact.dimensions if d.name == "goals"]
        assert CJK.search(dimension.summary)
        assert not CJK.search(impact.recommendation.explain("en"))
        assert f"goals: the change touches requirements that serve goal(s) {goal.id}" in (
            impact.recommendation.explain("en")
        )


def test_importing_clientpm_loads_no_catalogue():
    code = (
        "import sys, clientpm; clientpm.weekly_report; "
        "print(sorted(m for m in sys.modules if m.startswith('clientpm.locale.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()


def test_supported_locales_are_the_catalogue_modules():
    """Each supported locale has a catalogue module, and each catalogue module is supported."""
    import pkgutil

    import clientpm.locale

    modules = {m.name for m in pkgutil.iter_modules(clientpm.locale.__path__)}
    assert set(clientpm.locale.SUPPORTED_LOCALES) == {m for m in modules if not m.startswith("_")}
    assert "en" == clientpm.locale.SUPPORTED_LOCALES[0]
