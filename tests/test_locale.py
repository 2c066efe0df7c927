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
        assert {"change", "chart", "enum", "format", "impact", "rag", "ratio", "report", "risk",
                "role", "smart"} == namespaces  # fmt: skip

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


class TestNoSharedState:
    """A catalogue is shared by every report in the process, so nothing may change it."""

    def test_spellings_of_a_locale_keep_one_catalogue_per_code(self):
        import clientpm.locale as loc

        for i in range(300):
            assert catalogue(f"zh_{i}") is catalogue("zh")
            assert catalogue(f"EN-{i}") is catalogue("en")
        assert set(loc._LOADED) <= set(SUPPORTED_LOCALES)

    def test_the_messages_cannot_be_changed(self):
        en = catalogue("en")
        with pytest.raises(TypeError):
            en.messages["rag.red"] = "Purple"  # type: ignore[index]
        assert "Red" == say("en", "rag.red") == cpm.Rag.RED.label()
        assert en.messages is not raw("en")

    @pytest.mark.parametrize("name", ["locale", "messages", "other"])
    def test_a_catalogue_has_no_settable_attribute(self, name):
        zh = catalogue("zh")
        with pytest.raises(AttributeError):
            setattr(zh, name, "en")
        with pytest.raises(AttributeError):
            delattr(zh, name)
        assert "zh" == zh.locale
        assert "红" == zh["rag.red"]

    def test_a_catalogue_pickles_and_copies(self):
        import copy
        import pickle

        en = catalogue("en")
        for again in (pickle.loads(pickle.dumps(en)), copy.copy(en), copy.deepcopy(en)):
            assert ("en", dict(en)) == (again.locale, dict(again))

    def test_a_catalogue_made_from_a_dict_does_not_follow_it(self):
        words = {"k": "one"}
        made = Catalogue("en", words)
        words["k"] = "two"
        assert "one" == made("k")


class TestKeysThatAreNotStrings:
    NOT_A_KEY = "Catalogue 'en': expected a message key (a str), got list ['x']"

    @pytest.mark.parametrize(
        "look_up",
        [
            lambda: say("en", ["x"]),  # type: ignore[arg-type]
            lambda: catalogue("en")(["x"]),  # type: ignore[arg-type]
            lambda: catalogue("en")[["x"]],  # type: ignore[index]
            lambda: catalogue("en").get(["x"]),  # type: ignore[arg-type]
            lambda: catalogue("en").get({"x": 1}, "default"),  # type: ignore[arg-type]
        ],
        ids=["say", "call", "getitem", "get", "get-default"],
    )
    def test_an_unhashable_key_is_refused_by_name(self, look_up):
        with pytest.raises(cpm.ClientPMError) as info:
            look_up()
        assert isinstance(info.value, cpm.ValidationError)
        assert str(info.value).startswith("Catalogue 'en': expected a message key (a str), got ")

    def test_the_message_names_the_key(self):
        with pytest.raises(cpm.ValidationError) as info:
            say("en", ["x"])  # type: ignore[arg-type]
        assert self.NOT_A_KEY == str(info.value)

    @pytest.mark.parametrize("key", [["x"], {"x": 1}, 3, None, b"rag.red"])
    def test_in_is_false_for_anything_but_a_str(self, key):
        assert key not in catalogue("en")


class TestFormattingErrors:
    @pytest.mark.parametrize(
        ("text", "params", "expected"),
        [
            ("{0} done", {}, "cannot fill in {0}: a positional field (message fields are named)"),
            ("{} done", {}, "cannot fill in {}: a positional field (message fields are named)"),
            ("{n:d} days", {"n": "x"}, "cannot fill in {n:d}: "),
            ("{n:zz}", {"n": 1}, "cannot fill in {n:zz}: "),
            ("{x} {n!r:>5.}", {"x": 1, "n": 1}, "cannot fill in {n!r:>5.}: "),
            ("{n.nope}", {"n": 1}, "cannot fill in {n.nope}: "),
            ("{n[0]}", {"n": 1}, "cannot fill in {n[0]}: "),
            ("{a} {b}", {"a": 1}, "missing the value of {b}"),
            ("{b.real}", {}, "missing the value of {b}"),
        ],
    )  # fmt: skip
    def test_any_formatting_error_names_the_message_and_the_field(self, text, params, expected):
        with pytest.raises(cpm.ValidationError) as info:
            Catalogue("en", {"k": text})("k", **params)
        message = str(info.value)
        assert message.startswith("Catalogue 'en'('k'): " + expected)


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestLocaleErrorsNameTheBuilder:
    @pytest.mark.parametrize("kind", ["weekly_report", "monthly_report"])
    def test_periodic_reports(self, project, kind):
        build = getattr(cpm, kind)
        with pytest.raises(cpm.ValidationError, match=rf"^{kind}\.locale: .*got str 'fr'$"):
            build(project, as_of=cpm.sample.SAMPLE_AS_OF, locale="fr")

    def test_risk_register(self, project):
        with pytest.raises(cpm.ValidationError, match=r"^risk_register\.locale: .*'fr'$"):
            cpm.risk_register(project, as_of=cpm.sample.SAMPLE_AS_OF, locale="fr")

    def test_change_memo(self, project):
        cr = project.change_request("CR-1")
        impact = cpm.assess_change(project, cr, as_of=cpm.sample.SAMPLE_AS_OF)
        with pytest.raises(cpm.ValidationError, match=r"^change_memo\.locale: .*'fr'$"):
            cpm.change_memo(project, cr, impact, locale="fr")

    def test_words_default_and_own_where(self):
        with pytest.raises(cpm.ValidationError, match=r"^report\.locale: "):
            Words("fr")
        with pytest.raises(cpm.ValidationError, match=r"^x\.locale: "):
            Words("fr", "x.locale")
        assert "zh" == Words("zh_CN", "x.locale").locale


@pytest.fixture(scope="module")
def ctx(project):
    """The context a plugin section is handed."""
    seen = []

    def grab(ctx):
        seen.append(ctx)

    cpm.weekly_report(project, as_of=cpm.sample.SAMPLE_AS_OF, locale="en", sections={"grab": grab})
    return seen[0]


class TestSectionContextSay:
    def test_it_keeps_taking_english_and_chinese(self, ctx):
        import attrs

        assert "Hosting" == ctx.say("Hosting", "托管")
        assert "托管" == attrs.evolve(ctx, locale="zh").say("Hosting", "托管")

    def test_a_user_spelling_is_normalised(self, ctx):
        import attrs

        assert "托管" == attrs.evolve(ctx, locale="zh_CN").say("Hosting", "托管")

    def test_an_unsupported_locale_is_refused(self, ctx):
        import attrs

        with pytest.raises(cpm.ValidationError, match=r"^SectionContext\.say\.locale: .*'fr'$"):
            attrs.evolve(ctx, locale="fr").say("Hosting", "托管")


class TestTheDocsSayHowToAddALanguage:
    """A new module alone is never found: its code must be in SUPPORTED_LOCALES too."""

    @staticmethod
    def paragraph(text, words):
        (found,) = [p for p in text.split("\n\n") if words in " ".join(p.split())]
        return " ".join(found.split())

    def test_the_reports_page(self):
        import pathlib

        page = (pathlib.Path(__file__).parent.parent / "docs" / "reports.md").read_text("utf-8")
        text = self.paragraph(page, "third language")
        assert "SUPPORTED_LOCALES" in text
        assert "two edits" in text

    def test_the_package_docstring(self):
        import clientpm.locale

        text = self.paragraph(clientpm.locale.__doc__, "third language")
        assert "SUPPORTED_LOCALES" in text
        assert "two edits" in text


class TestCatalogueGet:
    def test_a_missing_key_gives_the_default(self):
        assert "fallback" == catalogue("en").get("report.nope", "fallback")
        assert "未关闭" == catalogue("zh").get("enum.open", "fallback")

    def test_a_key_that_is_not_a_string_is_described(self):
        with pytest.raises(cpm.ValidationError) as info:
            catalogue("en").get(3)  # type: ignore[arg-type]
        assert "Catalogue 'en': expected a message key (a str), got int 3" == str(info.value)
