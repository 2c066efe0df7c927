"""SMART checks of goals, acceptance criteria and jargon (D1, D2, D12)."""

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, strategies as st
from IPython.core.formatters import DisplayFormatter

import clientpm as cpm
from clientpm.plugins import PluginHost
from clientpm.smart.check import run_rules
from clientpm.smart.rules import BUILTIN_RULES

from .strategies import goals

AS_OF = pendulum.date(2026, 11, 24)
CORPUS = Path(__file__).parent / "data" / "smart_goals.json"


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


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


class TestCorpus:
    def test_precision_and_recall_per_letter(self, project):
        """On the labelled corpus, each letter's fail verdict has precision and recall >= 0.85."""
        items = json.loads(CORPUS.read_text(encoding="utf-8"))
        assert len(items) >= 80
        assert sum(i["id"].startswith("zh-") for i in items) * 2 == len(items)
        hit, false_alarm, missed = Counter(), Counter(), Counter()
        for item in items:
            report = cpm.check_smart(cpm.Goal(**item["goal"]), project=project, as_of=AS_OF)
            got = {letter.value for letter in report.failed}
            for letter in "SMART":
                wanted = letter in item["fails"]
                if wanted and letter in got:
                    hit[letter] += 1
                elif letter in got:
                    false_alarm[letter] += 1
                elif wanted:
                    missed[letter] += 1
        table = ["letter  precision  recall"]
        scores = {}
        for letter in "SMART":
            precision = hit[letter] / ((hit[letter] + false_alarm[letter]) or 1)
            recall = hit[letter] / ((hit[letter] + missed[letter]) or 1)
            scores[letter] = (precision, recall)
            table.append(f"{letter:6}  {precision:9.2f}  {recall:6.2f}")
        print("\n".join(table))
        assert all(hit[letter] >= 10 for letter in "SMART"), "\n".join(table)
        assert all(p >= 0.85 and r >= 0.85 for p, r in scores.values()), "\n".join(table)


class TestSpecific:
    def test_sample_goals(self, project):
        """The sample's G1 is SMART; G2 ('尽快提升员工满意度') fails four letters."""
        g1 = cpm.check_smart(project.goal("G1"), project=project, as_of=AS_OF)
        g2 = cpm.check_smart(project.goal("G2"), project=project, as_of=AS_OF)
        assert (True, ()) == (g1.is_smart, g1.findings)
        assert "S:fail M:fail A:pass R:fail T:fail" == g2.verdicts()
        assert ["S-vague", "M-metric", "M-target", "R-supports", "T-deadline"] == codes(g2)

    def test_vague_without_number_fails_with_evidence(self):
        report = cpm.check_smart(good_goal(statement="Improve the portal ASAP"), as_of=AS_OF)
        finding = report.findings[0]
        assert ("S-vague", "fail", ("improve", "asap")) == (
            finding.code, finding.verdict.value, finding.evidence
        )  # fmt: skip
        assert finding.message == (
            "The statement is vague ('improve', 'asap') and no number says what changes or by "
            "how much."
        )

    def test_vague_with_number_only_warns(self):
        goal = good_goal(statement="Improve the home page load time from 3.2 s to 1.5 s")
        report = cpm.check_smart(goal, as_of=AS_OF)
        assert (cpm.Verdict.WARN, True) == (report.verdict("S"), report.is_smart)

    def test_chinese_lexicon_is_used_for_chinese_statements(self):
        goal = good_goal(statement="进一步优化审批流程，让员工更满意")
        report = cpm.check_smart(goal, as_of=AS_OF, locale="en")
        assert ("zh", "en") == (report.language, report.locale)
        assert ("进一步", "优化") == report.findings[0].evidence

    def test_findings_in_chinese_for_an_english_goal(self):
        report = cpm.check_smart(good_goal(owner=None), as_of=AS_OF, locale="zh")
        assert ("en", ["目标没有负责人。"]) == (
            report.language, [f.message for f in report.findings]
        )  # fmt: skip

    def test_owner_must_be_a_stakeholder(self, project):
        report = cpm.check_smart(good_goal(owner="nobody"), project=project, as_of=AS_OF)
        assert ["S-owner"] == codes(report)
        assert "'nobody' is not a stakeholder" in report.findings[0].message

    @pytest.mark.parametrize(
        "statement",
        [
            "Cut load time to 1.5 s and raise weekly adoption to 80%",
            "将首页加载时间缩短到1.5秒，同时把周活跃率提高到80%",
        ],
    )
    def test_two_goals_in_one_statement(self, statement):
        report = cpm.check_smart(good_goal(statement=statement), as_of=AS_OF)
        assert ["S-compound"] == codes(report, "fail")
        assert 2 == len(report.findings[0].evidence)

    def test_one_goal_with_and_between_nouns_is_not_compound(self):
        goal = good_goal(
            statement="Cut the load time of search and login pages from 3.2 s to 1.5 s"
        )
        assert [] == codes(cpm.check_smart(goal, as_of=AS_OF))

    @pytest.mark.parametrize(("statement", "message"), [
        ("Go live", "too short to say what changes (2 words, at least 4)"),
        ("上线门户", "too short to say what changes (4 Chinese characters, at least 8)"),
    ])  # fmt: skip
    def test_too_short(self, statement, message):
        report = cpm.check_smart(good_goal(statement=statement), as_of=AS_OF)
        assert "S-short" in codes(report)
        assert message in next(f.message for f in report.findings if f.code == "S-short")


class TestMeasurable:
    def test_missing_metric_target_unit(self):
        report = cpm.check_smart(good_goal(metric=None, unit=None), as_of=AS_OF)
        assert ["M-metric", "M-unit"] == codes(report)
        report = cpm.check_smart(good_goal(target=None, baseline=None), as_of=AS_OF)
        assert ["M-target"] == codes(report)

    def test_missing_baseline_is_a_warning(self):
        report = cpm.check_smart(good_goal(baseline=None), as_of=AS_OF)
        assert (["M-baseline"], True) == (codes(report, "warn"), report.is_smart)

    def test_wrong_direction(self):
        report = cpm.check_smart(good_goal(target="4", baseline="3.2"), as_of=AS_OF)
        assert ["M-direction"] == codes(report)
        assert report.findings[0].message == (
            "The statement says 'cut' but the target 4 is above the baseline 3.2."
        )

    def test_target_equal_to_baseline(self):
        report = cpm.check_smart(good_goal(target="3.2"), as_of=AS_OF)
        assert ["M-direction"] == codes(report)


class TestAchievable:
    def test_stretch_beyond_three_times(self):
        report = cpm.check_smart(good_goal(target="0.9"), as_of=AS_OF)
        assert ["A-stretch"] == codes(report)
        settings = cpm.SmartSettings(max_change_factor=4)
        assert [] == codes(cpm.check_smart(good_goal(target="0.9"), as_of=AS_OF, settings=settings))

    def test_too_few_working_days(self):
        report = cpm.check_smart(good_goal(deadline="2026-11-27"), as_of=AS_OF)
        assert ["A-time"] == codes(report)
        assert "Only 3 working days" in report.findings[0].message

    def test_team_capacity(self, project):
        goal = good_goal(supports=["REQ-3", "REQ-5"], deadline="2026-12-04")
        report = cpm.check_smart(goal, project=project, as_of=AS_OF)
        assert ["A-capacity"] == codes(report)
        assert ("REQ-3", "REQ-5") == report.findings[0].evidence
        assert "need 27 person-days, about 13.5 working days" in report.findings[0].message


class TestRelevantAndTimeBound:
    def test_supports_nothing_or_unknown(self, project):
        assert ["R-supports"] == codes(cpm.check_smart(good_goal(supports=[]), as_of=AS_OF))
        report = cpm.check_smart(
            good_goal(supports=["REQ-4", "OBJ-9"]), project=project, as_of=AS_OF
        )
        assert (["R-unknown"], ("OBJ-9",)) == (codes(report), report.findings[0].evidence)

    def test_deadline_rules(self, project):
        assert ["T-deadline"] == codes(cpm.check_smart(good_goal(deadline=None), as_of=AS_OF))
        assert ["T-past"] == codes(cpm.check_smart(good_goal(deadline="2026-11-24"), as_of=AS_OF))
        late = cpm.check_smart(good_goal(deadline="2027-04-30"), project=project, as_of=AS_OF)
        assert ["T-after-end"] == codes(late)

    def test_weekend_or_holiday_deadline_warns_with_the_day_before(self, project):
        report = cpm.check_smart(good_goal(deadline="2027-02-10"), project=project, as_of=AS_OF)
        assert (["T-workday"], True) == (codes(report), report.is_smart)
        assert "Use the working day before it, 2027-02-05." == report.findings[0].suggestion

    def test_as_of_datetime_is_read_in_the_project_zone(self, project):
        late_evening = pendulum.datetime(2026, 11, 23, 20, tz="UTC")  # 24th in Shanghai
        report = cpm.check_smart(project.goal("G1"), project=project, as_of=late_evening)
        assert AS_OF == report.as_of


class TestBadInput:
    def test_empty_statement(self):
        with pytest.raises(cpm.ValidationError, match=r"Goal 'G1'\.statement: .*got str ''"):
            cpm.Goal(id="G1", statement="")

    def test_deadline_as_datetime(self):
        when = pendulum.datetime(2027, 2, 26, tz="Asia/Shanghai")
        with pytest.raises(cpm.ValidationError, match=r"Goal 'G1'\.deadline: .*DateTime"):
            good_goal(deadline=when)

    def test_unknown_locale(self):
        with pytest.raises(cpm.ValidationError, match=r"check_smart\.locale: .*got str 'fr'"):
            cpm.check_smart(good_goal(), as_of=AS_OF, locale="fr")

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"goal": "G1"}, r"check_smart\.goal: expected a Goal, got str 'G1'"),
        ({"as_of": "2026-11-24"}, r"check_smart\.as_of: expected a pendulum\.Date"),
        ({"as_of": pendulum.naive(2026, 11, 24)}, r"check_smart\.as_of: .*naive"),
        ({"project": "ACME"}, r"check_smart\.project: expected a Project"),
        ({"rules": 3}, r"check_smart\.rules: expected SMART rules"),
        ({"settings": {}}, r"check_smart\.settings: expected SmartSettings"),
    ])  # fmt: skip
    def test_bad_arguments(self, kwargs, message):
        args = {"goal": good_goal(), "as_of": AS_OF, **kwargs}
        goal = args.pop("goal")
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.check_smart(goal, **args)

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"max_change_factor": 1}, r"SmartSettings\.max_change_factor: expected a number above 1"),
        ({"min_workdays": -1}, r"SmartSettings\.min_workdays: expected a whole number >= 0"),
    ])  # fmt: skip
    def test_bad_settings(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.SmartSettings(**kwargs)

    def test_bad_rule(self):
        with pytest.raises(cpm.ValidationError, match=r"SmartRule 'X'\.letter: .*got str 'Q'"):
            cpm.SmartRule("X", "Q", lambda ctx: None)


class AcmeRules:
    """A sample third-party plugin: ACME wants every goal to name its SLA."""

    @cpm.hookimpl
    def clientpm_register_smart_rules(self, registry):
        def names_sla(ctx):
            if "SLA" in ctx.goal.statement:
                return None
            return ctx.finding(
                "ACME-sla", "S", cpm.Verdict.WARN,
                ("The goal names no SLA.", "目标没有写明 SLA。"),
                ("Name the SLA it serves.", "写明所服务的 SLA。"),
            )  # fmt: skip

        registry.register("ACME-sla", cpm.SmartRule("ACME-sla", "S", names_sla))


class BrokenRules:
    @cpm.hookimpl
    def clientpm_register_smart_rules(self, registry):
        def boom(ctx):
            raise RuntimeError("no network in a pure library")

        registry.register("BROKEN", cpm.SmartRule("BROKEN", "A", boom))
        registry.register("NOT-A-RULE", object())


class TestPlugins:
    def test_third_party_rule_runs_with_the_built_ins(self):
        host = PluginHost()
        host.register(AcmeRules(), "acme")
        report = cpm.check_smart(good_goal(), as_of=AS_OF, rules=host.smart_rules(), locale="zh")
        assert ["ACME-sla"] == codes(report)
        assert "目标没有写明 SLA。" == report.findings[0].message
        assert "acme" == host.smart_rules().provider("ACME-sla")

    def test_failing_rule_is_reported_and_the_others_still_run(self):
        host = PluginHost()
        host.register(BrokenRules(), "broken")
        report = cpm.check_smart(good_goal(owner=None), as_of=AS_OF, rules=host.smart_rules())
        assert ["S-owner"] == codes(report)
        first, second = (str(e) for e in report.errors)
        assert (
            "plugin 'BROKEN' failed in hook check: RuntimeError: no network in a pure library"
            == (first)
        )
        assert "in hook clientpm_register_smart_rules: expected a SmartRule, got object" in second

    def test_rule_returning_junk(self):
        ctx_goal = good_goal()
        report = cpm.check_smart(
            ctx_goal, as_of=AS_OF, rules=[cpm.SmartRule("JUNK", "M", lambda ctx: ["not a finding"])]
        )
        assert (True, 1) == (report.is_smart, len(report.errors))
        assert "expected Finding objects or None, got str 'not a finding'" in str(report.errors[0])


class TestDisplayAndData:
    def test_notebook_shows_a_table_of_the_five_letters(self, project):
        report = cpm.check_smart(project.goal("G2"), project=project, as_of=AS_OF, locale="zh")
        data, _ = DisplayFormatter().format(report)
        assert {"text/plain", "text/html", "text/markdown"} <= set(data)
        html = data["text/html"]
        assert html.count("<tr>") == 6  # header and five letters
        assert "S (具体)" in html
        assert "不通过" in html
        assert "| A (可实现) | 通过 |  |  |" in data["text/markdown"]

    def test_user_text_is_escaped_in_html(self):
        goal = good_goal(statement="<script>alert(1)</script> cut load time from 3.2 s to 1.5 s")
        html = cpm.check_smart(goal, as_of=AS_OF).table().html()
        assert "<script>" not in html
        assert "&lt;script&gt;" in html

    def test_round_trip_through_to_dict(self, project):
        report = cpm.check_smart(project.goal("G2"), project=project, as_of=AS_OF)
        data = json.loads(json.dumps(cpm.to_dict(report)))
        assert "fail" == data["letters"][0]["verdict"]
        assert report == cpm.from_dict(cpm.SmartReport, data)


class TestProperties:
    @given(
        goal=goals(owners=st.one_of(st.none(), st.just("li.wei"))),
        locale=st.sampled_from(["en", "zh"]),
    )
    def test_letters_are_the_worst_of_their_findings(self, goal, locale):
        """Five letters in order, each the worst verdict of its findings; SMART iff none fails."""
        report = cpm.check_smart(goal, as_of=AS_OF, locale=locale)
        assert ["S", "M", "A", "R", "T"] == [r.letter.value for r in report.letters]
        for result in report.letters:
            assert all(f.letter is result.letter for f in result.findings)
            assert result.verdict is cpm.Verdict.worst(f.verdict for f in result.findings)
        assert report.is_smart == (not report.failed)

    @given(word=st.sampled_from(["ASAP", "better", "more", "尽快", "优化", "适当"]),
           goal=goals())  # fmt: skip
    def test_an_added_vague_word_is_always_found(self, word, goal):
        """Whatever the statement, a vague word added to it is named in an S-vague finding."""
        vaguer = cpm.Goal(**{**_fields(goal), "statement": f"{goal.statement} {word}"})
        report = cpm.check_smart(vaguer, as_of=AS_OF)
        vague = [f for f in report.findings if f.code == "S-vague"]
        assert 1 == len(vague)
        assert word.lower() in vague[0].evidence
        assert cpm.Verdict.PASS is not report.verdict("S")

    @given(baseline=st.decimals(1, 1000, places=1), factor=st.decimals("0.05", 20, places=2))
    def test_direction_matches_the_verb(self, baseline, factor):
        """'Cut' passes M-direction exactly when the target is below the baseline."""
        target = (baseline * factor).quantize(Decimal("0.01"))
        goal = good_goal(baseline=baseline, target=target)
        failed = "M-direction" in codes(cpm.check_smart(goal, as_of=AS_OF))
        assert failed == (target >= baseline)

    @given(days=st.integers(-30, 200))
    def test_time_bound_follows_the_deadline(self, days):
        """No deadline after the status date passes T-past; every later one does."""
        deadline = AS_OF.add(days=days)
        report = cpm.check_smart(good_goal(deadline=deadline), as_of=AS_OF)
        assert ("T-past" in codes(report)) == (days <= 0)


def _fields(goal):
    import attrs

    return {f.name: getattr(goal, f.name) for f in attrs.fields(type(goal))}


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


def test_run_rules_accepts_a_single_finding(project):
    ctx_rules = [r for r in BUILTIN_RULES if r.code == "S-owner"]
    report = cpm.check_smart(good_goal(owner=None), as_of=AS_OF, rules=ctx_rules)
    assert ["S-owner"] == codes(report)
    assert callable(run_rules)


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
