# ruff: noqa: E501  (the findings table keeps each message on one line)
"""The built-in SMART rules: every rule's finding, word for word, and its bounds."""

import pendulum
import pytest

import clientpm as cpm
from clientpm.plugins import PluginHost
from clientpm.smart.rules import BUILTIN_RULES, clientpm_register_smart_rules
from tests.helpers import AS_OF

PROJECT = cpm.sample_project()


BASE = {
    "id": "G1",
    "statement": "Cut the median load time of the portal home page from 3.2 s to 1.5 s",
    "metric": "median home page load time",
    "target": "1.5",
    "unit": "s",
    "baseline": "3.2",
    "deadline": "2027-02-26",
    "owner": "chen.jie",
    "supports": ["REQ-4"],
}


def check(changes, *, project=False, locale="en", **kwargs):
    goal = cpm.Goal(**{**BASE, **changes})
    return cpm.check_smart(
        goal, project=PROJECT if project else None, as_of=AS_OF, locale=locale, **kwargs
    )


def found(changes, **kwargs):
    """(code, verdict, message, evidence) of every finding."""
    report = check(changes, **kwargs)
    return [(f.code, f.verdict.value, f.message, f.evidence) for f in report.findings]


def full(changes, **kwargs):
    report = check(changes, **kwargs)
    return [
        (f.code, f.letter.value, f.verdict.value, f.message, f.suggestion, f.evidence)
        for f in report.findings
    ]


# Each case: the changes to a SMART goal, whether the sample project is given, the locale, and
# every finding in full (code, letter, verdict, message, suggestion, evidence).
CASES = [
    pytest.param(
        {"statement": "Improve the portal ASAP"},
        False,
        "en",
        [
            (
                "S-vague",
                "S",
                "fail",
                "The statement is vague ('improve', 'asap') and no number says what changes or by how much.",
                "Name what changes and by how much, e.g. 'raise the share of staff using the portal weekly from 40% to 70%'.",
                ("improve", "asap"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Improve the portal ASAP"},
        False,
        "zh",
        [
            (
                "S-vague",
                "S",
                "fail",
                "目标表述含糊（“improve”、“asap”），没有数字说明改变什么、改变多少。",
                "写明改变什么、改变多少，例如“每周使用门户的员工比例从 40% 提高到 70%”。",
                ("improve", "asap"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Improve the home page load time from 3.2 s to 1.5 s"},
        False,
        "en",
        [
            (
                "S-vague",
                "S",
                "warn",
                "The statement uses vague words ('improve'), though a number says how much.",
                "Say the change in the words of the metric, e.g. 'from 3.2 s to 1.5 s'.",
                ("improve",),
            )
        ],
    ),
    pytest.param(
        {"statement": "Improve the home page load time from 3.2 s to 1.5 s"},
        False,
        "zh",
        [
            (
                "S-vague",
                "S",
                "warn",
                "目标中有含糊的词（“improve”），不过有数字说明了幅度。",
                "用指标本身的语言描述变化，例如“从 3.2 秒缩短到 1.5 秒”。",
                ("improve",),
            )
        ],
    ),
    pytest.param(
        {"owner": None},
        False,
        "en",
        [
            (
                "S-owner",
                "S",
                "fail",
                "No one owns the goal.",
                "Name the one person accountable for it.",
                ("owner",),
            )
        ],
    ),
    pytest.param(
        {"owner": None},
        False,
        "zh",
        [("S-owner", "S", "fail", "目标没有负责人。", "指定一位对目标负责的人。", ("owner",))],
    ),
    pytest.param(
        {"owner": "nobody"},
        True,
        "en",
        [
            (
                "S-owner",
                "S",
                "fail",
                "The owner 'nobody' is not a stakeholder of the project.",
                "Name a stakeholder of the project as owner, or add them first.",
                ("nobody",),
            )
        ],
    ),
    pytest.param(
        {"owner": "nobody"},
        True,
        "zh",
        [
            (
                "S-owner",
                "S",
                "fail",
                "负责人“nobody”不是项目干系人。",
                "请指定项目干系人为负责人，或先把此人加入项目。",
                ("nobody",),
            )
        ],
    ),
    pytest.param(
        {"statement": "Cut load time to 1.5 s and raise weekly adoption to 80%"},
        False,
        "en",
        [
            (
                "S-compound",
                "S",
                "fail",
                "The statement holds 2 goals ('cut', 'raise').",
                "Split it into one goal per outcome, each with its own metric and owner.",
                ("Cut load time to 1.5 s", "raise weekly adoption to 80%"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Cut load time to 1.5 s and raise weekly adoption to 80%"},
        False,
        "zh",
        [
            (
                "S-compound",
                "S",
                "fail",
                "一句话里有 2 个目标（“cut”、“raise”）。",
                "拆成每个结果一个目标，各自有指标和负责人。",
                ("Cut load time to 1.5 s", "raise weekly adoption to 80%"),
            )
        ],
    ),
    pytest.param(
        {"statement": "将首页加载时间缩短到1.5秒，同时把周活跃率提高到80%"},
        False,
        "en",
        [
            (
                "S-compound",
                "S",
                "fail",
                "The statement holds 2 goals ('缩短', '提高').",
                "Split it into one goal per outcome, each with its own metric and owner.",
                ("将首页加载时间缩短到1.5秒", "把周活跃率提高到80%"),
            )
        ],
    ),
    pytest.param(
        {"statement": "将首页加载时间缩短到1.5秒，同时把周活跃率提高到80%"},
        False,
        "zh",
        [
            (
                "S-compound",
                "S",
                "fail",
                "一句话里有 2 个目标（“缩短”、“提高”）。",
                "拆成每个结果一个目标，各自有指标和负责人。",
                ("将首页加载时间缩短到1.5秒", "把周活跃率提高到80%"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Go live"},
        False,
        "en",
        [
            (
                "S-short",
                "S",
                "fail",
                "The statement is too short to say what changes (2 words, at least 4).",
                "Write a full sentence: what changes, from what, to what, by when.",
                ("Go live",),
            )
        ],
    ),
    pytest.param(
        {"statement": "Go live"},
        False,
        "zh",
        [
            (
                "S-short",
                "S",
                "fail",
                "目标太短，说不清改变什么（2个词，至少 4个词）。",
                "写成完整的一句话：改变什么、从多少到多少、何时完成。",
                ("Go live",),
            )
        ],
    ),
    pytest.param(
        {"statement": "上线门户"},
        False,
        "en",
        [
            (
                "S-short",
                "S",
                "fail",
                "The statement is too short to say what changes (4 Chinese characters, at least 8).",
                "Write a full sentence: what changes, from what, to what, by when.",
                ("上线门户",),
            )
        ],
    ),
    pytest.param(
        {"statement": "上线门户"},
        False,
        "zh",
        [
            (
                "S-short",
                "S",
                "fail",
                "目标太短，说不清改变什么（4个汉字，至少 8个汉字）。",
                "写成完整的一句话：改变什么、从多少到多少、何时完成。",
                ("上线门户",),
            )
        ],
    ),
    pytest.param(
        {"metric": None, "unit": None},
        False,
        "en",
        [
            (
                "M-metric",
                "M",
                "fail",
                "No metric says how progress is measured.",
                "Name the metric, e.g. 'median home page load time'.",
                ("metric",),
            ),
            (
                "M-unit",
                "M",
                "fail",
                "The target 1.5 has no unit.",
                "Give the unit: s, %, tickets, users …",
                ("unit",),
            ),
        ],
    ),
    pytest.param(
        {"metric": None, "unit": None},
        False,
        "zh",
        [
            (
                "M-metric",
                "M",
                "fail",
                "没有衡量进展的指标。",
                "写明指标，例如“首页加载时间中位数”。",
                ("metric",),
            ),
            (
                "M-unit",
                "M",
                "fail",
                "目标值 1.5 没有单位。",
                "写明单位：秒、%、工单数、用户数……",
                ("unit",),
            ),
        ],
    ),
    pytest.param(
        {"target": None, "baseline": None},
        False,
        "en",
        [
            (
                "M-target",
                "M",
                "fail",
                "No numeric target.",
                "Set the number to reach, e.g. target 1.5 (seconds).",
                ("target",),
            )
        ],
    ),
    pytest.param(
        {"target": None, "baseline": None},
        False,
        "zh",
        [
            (
                "M-target",
                "M",
                "fail",
                "没有量化的目标值。",
                "设定要达到的数值，例如目标值 1.5（秒）。",
                ("target",),
            )
        ],
    ),
    pytest.param(
        {"baseline": None},
        False,
        "en",
        [
            (
                "M-baseline",
                "M",
                "warn",
                "No baseline: the client cannot see how far the target is from today.",
                "Measure today's value and record it as the baseline.",
                ("baseline",),
            )
        ],
    ),
    pytest.param(
        {"baseline": None},
        False,
        "zh",
        [
            (
                "M-baseline",
                "M",
                "warn",
                "没有基线：客户看不出目标离现状有多远。",
                "测量当前数值，记为基线。",
                ("baseline",),
            )
        ],
    ),
    pytest.param(
        {"target": "4"},
        False,
        "en",
        [
            (
                "M-direction",
                "M",
                "fail",
                "The statement says 'cut' but the target 4 is above the baseline 3.2.",
                "Swap target and baseline, or fix the verb.",
                ("cut", "target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"target": "4"},
        False,
        "zh",
        [
            (
                "M-direction",
                "M",
                "fail",
                "目标表述为“cut”，但目标值 4 高于基线 3.2。",
                "检查目标值与基线是否写反，或修改动词。",
                ("cut", "target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"target": "3.2"},
        False,
        "en",
        [
            (
                "M-direction",
                "M",
                "fail",
                "The target equals the baseline (3.2): nothing changes.",
                "Set a target different from today's value, or say 'keep at' if holding is the goal.",
                ("target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"target": "3.2"},
        False,
        "zh",
        [
            (
                "M-direction",
                "M",
                "fail",
                "目标值等于基线（3.2）：没有任何变化。",
                "设定与现状不同的目标值；若目标是保持，请写明“保持在”。",
                ("target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Raise the median load time of the portal home page from 3.2 s to 1.5 s"},
        False,
        "en",
        [
            (
                "M-direction",
                "M",
                "fail",
                "The statement says 'raise' but the target 1.5 is below the baseline 3.2.",
                "Swap target and baseline, or fix the verb.",
                ("raise", "target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"statement": "Raise the median load time of the portal home page from 3.2 s to 1.5 s"},
        False,
        "zh",
        [
            (
                "M-direction",
                "M",
                "fail",
                "目标表述为“raise”，但目标值 1.5 低于基线 3.2。",
                "检查目标值与基线是否写反，或修改动词。",
                ("raise", "target", "baseline"),
            )
        ],
    ),
    pytest.param(
        {"target": "0.9"},
        False,
        "en",
        [
            (
                "A-stretch",
                "A",
                "fail",
                "From 3.2 to 0.9 is a change of more than 3 times: not realistic in one step.",
                "Set an intermediate target for this project and a later one for the rest.",
                ("baseline", "target"),
            )
        ],
    ),
    pytest.param(
        {"target": "0.9"},
        False,
        "zh",
        [
            (
                "A-stretch",
                "A",
                "fail",
                "从 3.2 到 0.9 的变化超过 3 倍，一步到位不现实。",
                "为本项目设定阶段性目标，其余留到后续阶段。",
                ("baseline", "target"),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2026-11-27"},
        False,
        "en",
        [
            (
                "A-time",
                "A",
                "fail",
                "Only 3 working days are left until the deadline (at least 5 needed).",
                "Move the deadline or cut the target to what fits.",
                ("deadline",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2026-11-27"},
        False,
        "zh",
        [
            (
                "A-time",
                "A",
                "fail",
                "距截止日期只剩 3 个工作日（至少需要 5 个）。",
                "推迟截止日期，或把目标缩小到能完成的范围。",
                ("deadline",),
            )
        ],
    ),
    pytest.param(
        {"supports": ["REQ-3", "REQ-5"], "deadline": "2026-12-04"},
        True,
        "en",
        [
            (
                "A-capacity",
                "A",
                "fail",
                "The supported requirements need 27 person-days, about 13.5 working days at the team's capacity, but only 8 are left.",
                "Move the deadline, add capacity or support fewer requirements.",
                ("REQ-3", "REQ-5"),
            )
        ],
    ),
    pytest.param(
        {"supports": ["REQ-3", "REQ-5"], "deadline": "2026-12-04"},
        True,
        "zh",
        [
            (
                "A-capacity",
                "A",
                "fail",
                "所支持的需求还需 27 人天，按团队产能约 13.5 个工作日，但只剩 8 个工作日。",
                "推迟截止日期、增加人手，或减少所支持的需求。",
                ("REQ-3", "REQ-5"),
            )
        ],
    ),
    pytest.param(
        {"supports": []},
        False,
        "en",
        [
            (
                "R-supports",
                "R",
                "fail",
                "The goal supports no requirement or objective.",
                "Link it to the requirement or business objective it serves.",
                ("supports",),
            )
        ],
    ),
    pytest.param(
        {"supports": []},
        False,
        "zh",
        [
            (
                "R-supports",
                "R",
                "fail",
                "目标没有关联任何需求或目标。",
                "关联它所服务的需求或业务目标。",
                ("supports",),
            )
        ],
    ),
    pytest.param(
        {"supports": ["REQ-4", "OBJ-9"]},
        True,
        "en",
        [
            (
                "R-unknown",
                "R",
                "fail",
                "It supports OBJ-9, which the project does not have.",
                "Link it to requirements or objectives that exist in the project.",
                ("OBJ-9",),
            )
        ],
    ),
    pytest.param(
        {"supports": ["REQ-4", "OBJ-9"]},
        True,
        "zh",
        [
            (
                "R-unknown",
                "R",
                "fail",
                "所关联的 OBJ-9 在项目中不存在。",
                "关联项目中已有的需求或目标。",
                ("OBJ-9",),
            )
        ],
    ),
    pytest.param(
        {"deadline": None},
        False,
        "en",
        [
            (
                "T-deadline",
                "T",
                "fail",
                "No deadline.",
                "Set the calendar date by which the target is met.",
                ("deadline",),
            )
        ],
    ),
    pytest.param(
        {"deadline": None},
        False,
        "zh",
        [("T-deadline", "T", "fail", "没有截止日期。", "设定达成目标的具体日期。", ("deadline",))],
    ),
    pytest.param(
        {"deadline": "2026-11-24"},
        False,
        "en",
        [
            (
                "T-past",
                "T",
                "fail",
                "The deadline 2026-11-24 is not after the status date 2026-11-24.",
                "Agree a new date with the client and record why the old one passed.",
                ("2026-11-24",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2026-11-24"},
        False,
        "zh",
        [
            (
                "T-past",
                "T",
                "fail",
                "截止日期 2026-11-24 不晚于状态日期 2026-11-24。",
                "与客户商定新日期，并记录原日期错过的原因。",
                ("2026-11-24",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2027-04-30"},
        True,
        "en",
        [
            (
                "T-after-end",
                "T",
                "fail",
                "The deadline 2027-04-30 is after the project ends (2027-03-31).",
                "Bring it within the project, or make it a goal of the next phase.",
                ("2027-04-30",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2027-04-30"},
        True,
        "zh",
        [
            (
                "T-after-end",
                "T",
                "fail",
                "截止日期 2027-04-30 晚于项目结束日期（2027-03-31）。",
                "把日期放进项目周期内，或列为下一阶段的目标。",
                ("2027-04-30",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2027-02-10"},
        True,
        "en",
        [
            (
                "T-workday",
                "T",
                "warn",
                "The deadline 2027-02-10 is not a working day.",
                "Use the working day before it, 2027-02-05.",
                ("2027-02-10",),
            )
        ],
    ),
    pytest.param(
        {"deadline": "2027-02-10"},
        True,
        "zh",
        [
            (
                "T-workday",
                "T",
                "warn",
                "截止日期 2027-02-10 不是工作日。",
                "改为前一个工作日 2027-02-05。",
                ("2027-02-10",),
            )
        ],
    ),
]


@pytest.mark.parametrize(("changes", "project", "locale", "expected"), CASES)
def test_every_rule_says_exactly(changes, project, locale, expected):
    assert expected == full(changes, project=project, locale=locale)
    assert () == check(changes, project=project, locale=locale).errors  # no rule broke


class TestSpecificBounds:
    def test_vague_words_of_the_other_language_are_found_too(self):
        english = {"statement": "Cut the portal load time from 3.2 s to 1.5 s ASAP 尽快"}
        chinese = {"statement": "尽快把门户首页加载时间从 3.2 秒缩短到 1.5 秒 ASAP"}
        assert [("S-vague", "warn", ("asap", "尽快"))] == [
            (code, verdict, evidence) for code, verdict, _, evidence in found(english)
        ]
        assert [("S-vague", "warn", ("尽快", "asap"))] == [
            (code, verdict, evidence) for code, verdict, _, evidence in found(chinese)
        ]

    def test_chinese_words_in_english_match_inside_other_characters(self):
        report = check({"statement": "Cut the portal load time from 3.2 s to 1.5 s, 请尽快"})
        assert [("S-vague", ("尽快",))] == [(f.code, f.evidence) for f in report.findings]

    def test_a_word_found_in_both_lists_is_named_once(self):
        report = check({"statement": "Improve the portal ASAP, improve it ASAP"})
        assert ("improve", "asap") == report.findings[0].evidence

    def test_owner_is_only_checked_against_a_project(self):
        assert [] == found({"owner": "nobody"})
        assert [] == found({"owner": "li.wei"}, project=True)

    @pytest.mark.parametrize(
        ("statement", "evidence"),
        [
            (
                "Cut load time to 1.5 s AND raise weekly adoption to 80%",
                ("Cut load time to 1.5 s", "raise weekly adoption to 80%"),
            ),
            (
                "Cut load time to 1.5 s; raise weekly adoption to 80%",
                ("Cut load time to 1.5 s", "raise weekly adoption to 80%"),
            ),
            (
                "Cut load time to 1.5 s and also raise weekly adoption to 80%",
                ("Cut load time to 1.5 s", "raise weekly adoption to 80%"),
            ),
            (
                "Reduce and cut the median load time from 3.2 s to 1.5 s",
                ("Reduce", "cut the median load time from 3.2 s to 1.5 s"),
            ),
            (
                "将首页加载时间缩短到1.5秒；把周活跃率提高到80%",
                ("将首页加载时间缩短到1.5秒", "把周活跃率提高到80%"),
            ),
            (
                "将首页加载时间缩短到1.5秒并且把周活跃率提高到80%",
                ("将首页加载时间缩短到1.5秒", "把周活跃率提高到80%"),
            ),
            (
                "把门户首页加载时间从 3.2 秒缩短到 1.5 秒，同时提高 UI 易用性",
                ("把门户首页加载时间从 3.2 秒缩短到 1.5 秒", "提高 UI 易用性"),
            ),
        ],
    )
    def test_compound_clauses(self, statement, evidence):
        report = check({"statement": statement})
        assert [("S-compound", evidence)] == [(f.code, f.evidence) for f in report.findings]

    def test_three_goals_are_counted(self):
        statement = "Cut load time to 1.5 s and raise adoption to 80% and reduce tickets to 10"
        assert [
            (
                "S-compound",
                "fail",
                "The statement holds 3 goals ('cut', 'raise', 'reduce').",
                ("Cut load time to 1.5 s", "raise adoption to 80%", "reduce tickets to 10"),
            )
        ] == found({"statement": statement})

    def test_and_inside_a_word_does_not_split(self):
        assert [] == found({"statement": "Cut load time to 1.5 s andraise weekly adoption to 80%"})

    def test_comma_before_the_conjunction_is_cut_off(self):
        statement = "Cut load time to 1.5 s, raise adoption to 80% and reduce tickets to 10"
        report = check({"statement": statement})
        assert ("Cut load time to 1.5 s, raise adoption to 80%", "reduce tickets to 10") == (
            report.findings[0].evidence
        )

    @pytest.mark.parametrize(
        ("statement", "short"),
        [
            ("Cut load time now", False),
            ("Cut load time", True),
            ("把首页加载时间缩短", False),
            ("把首页加载时间缩", False),
            ("首页加载时间缩", True),
        ],
    )
    def test_shortest_statement_that_passes(self, statement, short):
        assert short == ("S-short" in [f.code for f in check({"statement": statement}).findings])

    def test_short_bounds_come_from_the_settings(self):
        settings = cpm.SmartSettings(min_words=3, min_chinese_chars=3)
        assert [] == found({"statement": "Go live now"}, settings=settings)
        assert [] == found({"statement": "上线门户"}, settings=settings)
        settings = cpm.SmartSettings(min_words=20)
        assert [
            (
                "S-short",
                "fail",
                "The statement is too short to say what changes (18 words, at least 20).",
                (BASE["statement"],),
            )
        ] == found({}, settings=settings)


class TestMeasurableBounds:
    def test_no_target_means_no_unit_or_baseline_finding(self):
        assert ["M-target"] == [c for c, *_ in found({"target": None, "unit": None})]
        assert ["M-target"] == [c for c, *_ in found({"target": None, "baseline": None})]

    def test_unit_and_baseline_missing_together(self):
        assert ["M-unit", "M-baseline"] == [c for c, *_ in found({"unit": None, "baseline": None})]

    def test_no_direction_word_or_both_is_not_compared(self):
        keep = "Keep the median load time of the portal home page from 3.2 s to 1.5 s"
        assert [] == found({"statement": keep, "target": "4"})
        both = "Cut and raise the median load time of the portal home page from 3.2 s to 4 s"
        assert "M-direction" not in [c for c, *_ in found({"statement": both, "target": "4"})]

    @pytest.mark.parametrize(
        ("statement", "target", "word", "side"),
        [
            ("把员工每周使用门户的比例提高到80%", "80", "提高", "below"),
            ("把员工每周使用门户的比例降低到80%", "95", "降低", "above"),
        ],
    )
    def test_chinese_direction_words_inside_a_sentence(self, statement, target, word, side):
        changes = {"statement": statement, "target": target, "baseline": "90", "unit": "%"}
        assert [
            (
                "M-direction",
                "fail",
                f"The statement says '{word}' but the target {target} is {side} the baseline 90.",
                (word, "target", "baseline"),
            )
        ] == found(changes)

    def test_raise_with_a_higher_target_passes(self):
        statement = "Raise the weekly share of staff using the portal from 3.2 % to 4 %"
        assert [] == found({"statement": statement, "target": "4", "unit": "%"})


class TestAchievableBounds:
    @pytest.mark.parametrize(
        ("target", "baseline", "stretched"),
        [
            ("9.6", "3.2", False),
            ("9.7", "3.2", True),
            ("1.2", "3.6", False),
            ("1.1", "3.6", True),
            ("-1.5", "-3.2", False),
            ("-0.9", "-3.2", True),
            ("1", "3", False),
            ("5", "0", False),
        ],
    )
    def test_stretch_is_at_most_three_times_either_way(self, target, baseline, stretched):
        statement = "Change the median load time of the portal home page"
        report = check({"statement": statement, "target": target, "baseline": baseline})
        assert () == report.errors
        codes = [
            c for c, *_ in found({"statement": statement, "target": target, "baseline": baseline})
        ]
        assert stretched == ("A-stretch" in codes)

    def test_no_target_with_a_baseline_is_not_compared(self):
        report = check({"target": None, "unit": None})
        assert (["M-target"], ()) == ([f.code for f in report.findings], report.errors)

    def test_stretch_bound_comes_from_the_settings(self):
        settings = cpm.SmartSettings(max_change_factor="1.5")
        assert [
            (
                "A-stretch",
                "fail",
                "From 3.2 to 1.5 is a change of more than 1.5 times: not realistic in one step.",
                ("baseline", "target"),
            )
        ] == found({}, settings=settings)

    @pytest.mark.parametrize(
        ("deadline", "left"),
        [("2026-12-01", None), ("2026-11-30", 4), ("2026-11-25", 1)],
    )
    def test_five_working_days_are_enough(self, deadline, left):
        expected = (
            []
            if left is None
            else [
                (
                    "A-time",
                    "fail",
                    f"Only {left} working days are left until the deadline (at least 5 needed).",
                    ("deadline",),
                )
            ]
        )
        assert expected == found({"deadline": deadline})

    def test_time_bound_comes_from_the_settings(self):
        settings = cpm.SmartSettings(min_workdays=2)
        assert [] == found({"deadline": "2026-11-26"}, settings=settings)

    def test_capacity_exactly_enough(self):
        # 16 person-days at 2 a day is 8 working days, exactly what is left until 2026-12-04
        assert [] == found({"supports": ["REQ-2", "REQ-7"], "deadline": "2026-12-04"}, project=True)

    def test_capacity_ignores_done_removed_and_unknown_requirements(self):
        changes = {"supports": ["REQ-3", "REQ-1", "REQ-2", "OBJ-1"], "deadline": "2026-12-04"}
        assert [
            (
                "A-capacity",
                "fail",
                (
                    "The supported requirements need 25 person-days, about 12.5 working days at "
                    "the team's capacity, but only 8 are left."
                ),
                ("REQ-3", "REQ-2"),
            ),
            (
                "R-unknown",
                "fail",
                "It supports OBJ-1, which the project does not have.",
                ("OBJ-1",),
            ),
        ] == found(changes, project=True)

    def test_removed_requirement_needs_no_capacity(self):
        project = PROJECT
        removed = project.requirement("REQ-5").revise(
            by="li.wei", at=pendulum.datetime(2026, 11, 20, tz="UTC"), why="CR", status="removed"
        )
        reqs = [removed if r.id == "REQ-5" else r for r in project.requirements]
        import attrs

        project = attrs.evolve(project, requirements=reqs)
        goal = cpm.Goal(**{**BASE, "supports": ["REQ-5", "REQ-3"], "deadline": "2026-12-04"})
        report = cpm.check_smart(goal, project=project, as_of=AS_OF)
        assert [] == [f.code for f in report.findings]

    def test_passed_deadline_leaves_no_working_day(self):
        changes = {"supports": ["REQ-3"], "deadline": "2026-11-20"}
        assert [
            (
                "A-capacity",
                "fail",
                (
                    "The supported requirements need 15 person-days, about 7.5 working days at "
                    "the team's capacity, but only 0 are left."
                ),
                ("REQ-3",),
            ),
            (
                "T-past",
                "fail",
                "The deadline 2026-11-20 is not after the status date 2026-11-24.",
                ("2026-11-20",),
            ),
        ] == found(changes, project=True)

    def test_capacity_needs_a_deadline(self):
        changes = {"supports": ["REQ-3", "REQ-5"], "deadline": None}
        assert ["T-deadline"] == [c for c, *_ in found(changes, project=True)]

    def test_capacity_days_are_rounded_to_a_tenth(self):
        changes = {"supports": ["REQ-5", "REQ-4"], "deadline": "2026-12-04"}
        message = found(changes, project=True)[0][2]
        assert (
            "The supported requirements need 17 person-days, about 8.5 working days at "
            "the team's capacity, but only 8 are left." == message
        )


class TestRelevantAndTimeBounds:
    def test_goals_of_the_project_count_as_known(self):
        assert [] == found({"supports": ["G2", "REQ-1"]}, project=True)

    def test_several_unknown_ids_are_listed(self):
        assert [
            (
                "R-unknown",
                "fail",
                "It supports X, Y, which the project does not have.",
                ("X", "Y"),
            )
        ] == found({"supports": ["X", "REQ-4", "Y"]}, project=True)

    def test_deadline_the_day_after_the_status_date_is_not_past(self):
        codes = [c for c, *_ in found({"deadline": "2026-11-25"})]
        assert ["A-time"] == codes

    def test_deadline_on_the_last_day_of_the_project(self):
        assert [] == found({"deadline": "2027-03-31"}, project=True)

    def test_weekend_deadline_without_project(self):
        assert [
            (
                "T-workday",
                "warn",
                "The deadline 2027-02-27 is not a working day.",
                ("2027-02-27",),
            )
        ] == found({"deadline": "2027-02-27"})


class TestRegistry:
    def test_builtin_rules_in_order(self):
        assert [
            ("S-vague", "S", "vague words, fail without a number"),
            ("S-owner", "S", "an owner who is a stakeholder"),
            ("S-compound", "S", "one goal per statement"),
            ("S-short", "S", "long enough to say what changes"),
            ("M-metric", "M", "a metric is named"),
            ("M-target", "M", "a numeric target"),
            ("M-unit", "M", "the target has a unit"),
            ("M-baseline", "M", "a baseline (warn)"),
            ("M-direction", "M", "the target moves the way the statement says"),
            ("A-stretch", "A", "target within max_change_factor of the baseline"),
            ("A-time", "A", "at least min_workdays working days left"),
            ("A-capacity", "A", "the team can do the supported work in time"),
            ("R-supports", "R", "supports a requirement or objective"),
            ("R-unknown", "R", "what it supports exists in the project"),
            ("T-deadline", "T", "a deadline"),
            ("T-past", "T", "the deadline is after the status date"),
            ("T-after-end", "T", "the deadline is within the project"),
            ("T-workday", "T", "the deadline is a working day (warn)"),
        ] == [(r.code, r.letter.value, r.description) for r in BUILTIN_RULES]

    def test_each_rule_checks_what_its_code_says(self):
        report = check({"owner": None})
        assert ["S-owner"] == [f.code for f in report.findings]
        by_code = {r.code: r for r in BUILTIN_RULES}
        alone = cpm.check_smart(
            cpm.Goal(**{**BASE, "owner": None}), as_of=AS_OF, rules=[by_code["S-owner"]]
        )
        assert ["S-owner"] == [f.code for f in alone.findings]

    def test_registered_under_their_codes(self):
        registered = []

        class Registry:
            def register(self, code, rule):
                registered.append((code, rule))

        clientpm_register_smart_rules(Registry())
        assert [(r.code, r) for r in BUILTIN_RULES] == registered
        rules = PluginHost().smart_rules()
        assert all(rules[r.code] is r for r in BUILTIN_RULES)
