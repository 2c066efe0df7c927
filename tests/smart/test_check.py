"""SMART checks of goals (D2): check_smart, the rules it runs, the findings and plugins."""

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm.model.goal import Goal
from clientpm.plugins import PluginHost
from clientpm.smart.check import check_smart, run_rules
from clientpm.smart.rules import BUILTIN_RULES
from clientpm.smart.types import Finding, Letter, SmartRule, SmartSettings, Verdict
from tests.helpers import AS_OF, context, good_goal, message
from tests.strategies import goals


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
        ({"project": "ACME"}, r"check_smart\.project: expected a clientpm\.Project or None"),
        ({"rules": 3}, r"check_smart\.rules: expected SMART rules"),
        ({"settings": {}}, r"check_smart\.settings: expected SmartSettings"),
    ])  # fmt: skip
    def test_bad_arguments(self, kwargs, message):
        args = {"goal": good_goal(), "as_of": AS_OF, **kwargs}
        goal = args.pop("goal")
        with pytest.raises(cpm.ValidationError, match=message):
            cpm.check_smart(goal, **args)


CORPUS = Path(__file__).parent.parent / "data" / "smart_goals.json"


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


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
            "plugin 'broken' failed in hook check: SMART rule 'BROKEN': "
            "RuntimeError: no network in a pure library" == (first)
        )
        assert (
            "in hook clientpm_register_smart_rules: SMART rule 'NOT-A-RULE': "
            "expected a SmartRule, got object"
        ) in second

    def test_rule_returning_junk(self):
        ctx_goal = good_goal()
        report = cpm.check_smart(
            ctx_goal, as_of=AS_OF, rules=[cpm.SmartRule("JUNK", "M", lambda ctx: ["not a finding"])]
        )
        assert (True, 1) == (report.is_smart, len(report.errors))
        assert "expected Finding objects or None, got str 'not a finding'" in str(report.errors[0])


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


def test_run_rules_accepts_a_single_finding(project):
    ctx_rules = [r for r in BUILTIN_RULES if r.code == "S-owner"]
    report = cpm.check_smart(good_goal(owner=None), as_of=AS_OF, rules=ctx_rules)
    assert ["S-owner"] == codes(report)
    assert callable(run_rules)


P, W, F = Verdict.PASS, Verdict.WARN, Verdict.FAIL


def warn(code="X-1", letter="S"):
    return Finding(code, letter, W, "m", "s")


class TestRunRules:
    def test_results_of_every_shape(self):
        rules = [
            SmartRule("A-none", "A", lambda ctx: None),
            SmartRule("A-one", "A", lambda ctx: warn("A-one", "A")),
            SmartRule("A-list", "A", lambda ctx: [warn("L1"), warn("L2")]),
            SmartRule("A-gen", "A", lambda ctx: (warn(c) for c in ("G1", "G2"))),
        ]
        findings, errors = run_rules(rules, context())
        assert (["A-one", "L1", "L2", "G1", "G2"], []) == ([f.code for f in findings], errors)

    def test_errors_do_not_stop_the_others(self):
        class Named:
            code = "NAMED"

        def boom(ctx):
            raise KeyError("gone")

        rules = [
            object(),
            Named(),
            SmartRule("X-boom", "S", boom),
            SmartRule("X-junk", "S", lambda ctx: 5),
            SmartRule("X-mixed", "S", lambda ctx: [warn("M1"), "no"]),
            SmartRule("X-ok", "S", lambda ctx: warn("OK")),
        ]
        findings, errors = run_rules(rules, context())
        assert ["OK"] == [f.code for f in findings]
        assert [
            ("object", "clientpm_register_smart_rules",
             "SMART rule 'object': expected a SmartRule, got object"),
            ("NAMED", "clientpm_register_smart_rules",
             "SMART rule 'NAMED': expected a SmartRule, got Named"),
            ("X-boom", "check", "SMART rule 'X-boom': KeyError: 'gone'"),
            ("X-junk", "check", "SMART rule 'X-junk': expected Finding objects or None, got int 5"),
            ("X-mixed", "check",
             "SMART rule 'X-mixed': expected Finding objects or None, got str 'no'"),
        ] == [(e.item, e.hook, e.reason.split(" <")[0]) for e in errors]  # fmt: skip


class TestCheckSmart:
    def test_report_fields(self):
        goal = good_goal(owner=None, deadline=None)
        report = check_smart(goal, as_of=AS_OF, locale="zh")
        assert ("Goal 'G1'", goal.statement, AS_OF, "zh", "en", ()) == (
            report.subject,
            report.statement,
            report.as_of,
            report.locale,
            report.language,
            report.errors,
        )
        assert [Letter.S, Letter.M, Letter.A, Letter.R, Letter.T] == [
            r.letter for r in report.letters
        ]
        assert "S:fail M:pass A:pass R:pass T:fail" == report.verdicts()
        assert (False, (Letter.S, Letter.T)) == (report.is_smart, report.failed)
        assert ["S-owner", "T-deadline"] == [f.code for f in report.findings]
        assert [["S-owner"], [], [], [], ["T-deadline"]] == [
            [f.code for f in r.findings] for r in report.letters
        ]
        assert (F, P, F) == (report.verdict("S"), report.verdict(Letter.M), report.verdict("T"))

    def test_locale_code_is_normalised(self):
        report = check_smart(good_goal(), as_of=AS_OF, locale="zh-CN")
        assert "zh" == report.locale

    def test_warnings_only_is_smart(self):
        report = check_smart(good_goal(baseline=None), as_of=AS_OF)
        assert (True, (), W) == (report.is_smart, report.failed, report.verdict("M"))

    def test_letter_takes_the_worst_of_its_findings(self):
        rules = [
            SmartRule("X-w", "R", lambda ctx: warn("X-w", "R")),
            SmartRule("X-f", "R", lambda ctx: Finding("X-f", "R", F, "m", "s")),
            SmartRule("X-w2", "T", lambda ctx: warn("X-w2", "T")),
        ]
        report = check_smart(good_goal(), as_of=AS_OF, rules=rules)
        assert "S:pass M:pass A:pass R:fail T:warn" == report.verdicts()
        assert (Letter.R,) == report.failed

    def test_rules_from_a_mapping_and_a_tuple(self):
        rule = SmartRule("X-w", "A", lambda ctx: warn("X-w", "A"))
        by_mapping = check_smart(good_goal(), as_of=AS_OF, rules={"X-w": rule})
        by_tuple = check_smart(good_goal(), as_of=AS_OF, rules=(rule,))
        assert ["X-w"] == [f.code for f in by_mapping.findings]
        assert ["X-w"] == [f.code for f in by_tuple.findings]
        assert [] == [f.code for f in check_smart(good_goal(), as_of=AS_OF, rules=[]).findings]
        everything = check_smart(Goal(id="G9", statement="x"), as_of=AS_OF)
        assert "S:fail M:fail A:pass R:fail T:fail" == everything.verdicts()
        assert len(BUILTIN_RULES) > 10

    def test_errors_are_kept(self):
        rule = SmartRule("X-bad", "S", lambda ctx: 5)
        report = check_smart(good_goal(), as_of=AS_OF, rules=[rule])
        assert ["X-bad"] == [e.item for e in report.errors]

    def test_settings_are_passed_to_the_rules(self):
        goal = good_goal(deadline="2026-12-01")  # 5 working days after 24 November
        assert [] == [f.code for f in check_smart(goal, as_of=AS_OF).findings]
        strict = SmartSettings(min_workdays=6)
        assert ["A-time"] == [
            f.code for f in check_smart(goal, as_of=AS_OF, settings=strict).findings
        ]

    def test_calendar_of_the_project(self):
        project = cpm.sample_project()
        goal = good_goal(deadline="2027-02-10")  # a holiday in the sample calendar
        assert [] == [f.code for f in check_smart(goal, as_of=AS_OF).findings]
        assert ["T-workday"] == [
            f.code for f in check_smart(goal, project=project, as_of=AS_OF).findings
        ]

    def test_status_date(self):
        stdlib = check_smart(good_goal(), as_of=dt.date(2026, 11, 24))
        assert (pendulum.Date, AS_OF) == (type(stdlib.as_of), stdlib.as_of)
        aware = dt.datetime(2026, 11, 23, 20, tzinfo=dt.timezone.utc)
        assert pendulum.date(2026, 11, 23) == check_smart(good_goal(), as_of=aware).as_of
        project = cpm.sample_project()
        shanghai = check_smart(good_goal(), project=project, as_of=aware)
        assert AS_OF == shanghai.as_of

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            (
                {"as_of": dt.datetime(2026, 11, 24)},
                (
                    "check_smart.as_of: expected a pendulum.Date or a time-zone-aware "
                    "pendulum.DateTime, got naive datetime datetime.datetime(2026, 11, 24, 0, 0)"
                ),
            ),
            (
                {"as_of": "2026-11-24"},
                (
                    "check_smart.as_of: expected a pendulum.Date or a time-zone-aware "
                    "pendulum.DateTime, got str '2026-11-24'"
                ),
            ),
            (
                {"rules": "S-owner"},
                (
                    "check_smart.rules: expected SMART rules (a list or a mapping) or None, "
                    "got str 'S-owner'"
                ),
            ),
            (
                {"rules": b"S"},
                (
                    "check_smart.rules: expected SMART rules (a list or a mapping) or None, "
                    "got bytes b'S'"
                ),
            ),
            ({"settings": {}}, "check_smart.settings: expected SmartSettings or None, got dict {}"),
            (
                {"project": "ACME"},
                "check_smart.project: expected a clientpm.Project or None, got str 'ACME'",
            ),
        ],
    )
    def test_bad_arguments(self, kwargs, expected):
        args = {"as_of": AS_OF, **kwargs}
        assert expected == message(check_smart, good_goal(), **args)

    def test_bad_goal(self):
        expected = "check_smart.goal: expected a Goal, got str 'G1'"
        assert expected == message(check_smart, "G1", as_of=AS_OF)
