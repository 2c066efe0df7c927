"""The built-in SMART rules, registered through the plugin hook like anyone's.

=============  ======  ==========================================================
Code           Letter  Finds
=============  ======  ==========================================================
S-vague        S       vague words ("improve", "ASAP", "尽快", "优化" …): fail
                       without a number in the statement, warn with one
S-owner        S       no owner, or an owner who is not a project stakeholder
S-compound     S       several goals in one statement ("… and …", "…，同时…")
S-short        S       a statement too short to say what changes
M-metric       M       no metric named
M-target       M       no numeric target
M-unit         M       a target without a unit
M-baseline     M       no baseline (warn)
M-direction    M       a target that moves the wrong way, or not at all
A-stretch      A       a target more than ``max_change_factor`` times the baseline
A-time         A       fewer than ``min_workdays`` working days until the deadline
A-capacity     A       more remaining work in the supported requirements than the
                       team can do before the deadline
R-supports     R       supports nothing
R-unknown      R       supports ids the project does not have
T-deadline     T       no deadline
T-past         T       a deadline on or before the status date
T-after-end    T       a deadline after the project's end
T-workday      T       a deadline that is not a working day (warn)
=============  ======  ==========================================================

Example:
    >>> [r.code for r in BUILTIN_RULES][:4]
    ['S-vague', 'S-owner', 'S-compound', 'S-short']

"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from clientpm._display import num
from clientpm._hooks import hookimpl
from clientpm.enums import RequirementStatus
from clientpm.smart.lexicon import (
    CONJUNCTIONS,
    DIRECTION,
    GOAL_VERBS,
    VAGUE,
    chinese_chars,
    find_terms,
    has_number,
)
from clientpm.smart.types import Finding, SmartContext, SmartRule, Verdict

__all__ = ["BUILTIN_RULES", "clientpm_register_smart_rules"]

FAIL, WARN = Verdict.FAIL, Verdict.WARN


def _terms(ctx: SmartContext, lists: dict[str, tuple[str, ...]]) -> list[str]:
    text = ctx.goal.statement
    other = "en" if ctx.language == "zh" else "zh"
    found = find_terms(text, lists[ctx.language], ctx.language)
    # words of the other language inside the statement ("UI 更友好", "go live 尽快")
    return found + [t for t in find_terms(text, lists[other], other) if t not in found]


def _quote(ctx: SmartContext, words: list[str]) -> str:
    if ctx.locale == "zh":
        return "、".join(f"“{w}”" for w in words)
    return ", ".join(f"'{w}'" for w in words)


# -- Specific ----------------------------------------------------------------------
def _vague(ctx: SmartContext) -> Finding | None:
    words = _terms(ctx, VAGUE)
    if not words:
        return None
    shown = _quote(ctx, words)
    if has_number(ctx.goal.statement):
        return ctx.finding(
            "S-vague",
            "S",
            WARN,
            (
                f"The statement uses vague words ({shown}), though a number says how much.",
                f"目标中有含糊的词（{shown}），不过有数字说明了幅度。",
            ),
            (
                "Say the change in the words of the metric, e.g. 'from 3.2 s to 1.5 s'.",
                "用指标本身的语言描述变化，例如“从 3.2 秒缩短到 1.5 秒”。",
            ),
            words,
        )
    return ctx.finding(
        "S-vague",
        "S",
        FAIL,
        (
            f"The statement is vague ({shown}) and no number says what changes or by how much.",
            f"目标表述含糊（{shown}），没有数字说明改变什么、改变多少。",
        ),
        (
            (
                "Name what changes and by how much, e.g. 'raise the share of staff using "
                "the portal "
                "weekly from 40% to 70%'."
            ),
            "写明改变什么、改变多少，例如“每周使用门户的员工比例从 40% 提高到 70%”。",
        ),
        words,
    )


def _owner(ctx: SmartContext) -> Finding | None:
    owner = ctx.goal.owner
    if owner is None:
        return ctx.finding(
            "S-owner",
            "S",
            FAIL,
            ("No one owns the goal.", "目标没有负责人。"),
            ("Name the one person accountable for it.", "指定一位对目标负责的人。"),
            ("owner",),
        )
    project = ctx.project
    if project is not None and owner not in {p.id for p in project.people}:
        return ctx.finding(
            "S-owner",
            "S",
            FAIL,
            (
                f"The owner '{owner}' is not a stakeholder of the project.",
                f"负责人“{owner}”不是项目干系人。",
            ),
            (
                "Name a stakeholder of the project as owner, or add them first.",
                "请指定项目干系人为负责人，或先把此人加入项目。",
            ),
            (owner,),
        )
    return None


def _clauses(ctx: SmartContext) -> list[str]:
    """The statement cut at its conjunctions."""
    text = ctx.goal.statement
    words = sorted(CONJUNCTIONS[ctx.language], key=len, reverse=True)
    if ctx.language == "zh":
        pattern = "|".join(re.escape(w) for w in words)
        return re.split(rf"(?:[，,；;]\s*)?(?:{pattern})|[；;]", text)
    pattern = "|".join(re.escape(w) for w in words)
    return re.split(rf"(?:,\s*)?\b(?:{pattern})\b|;", text, flags=re.IGNORECASE)


def _compound(ctx: SmartContext) -> Finding | None:
    clauses = [c for c in _clauses(ctx) if c.strip()]
    verbs = [find_terms(c, GOAL_VERBS[ctx.language], ctx.language) for c in clauses]
    with_goal = [(c.strip(), v[0]) for c, v in zip(clauses, verbs, strict=True) if v]
    if len(with_goal) < 2:
        return None
    shown = _quote(ctx, [verb for _, verb in with_goal])
    return ctx.finding(
        "S-compound",
        "S",
        FAIL,
        (
            f"The statement holds {len(with_goal)} goals ({shown}).",
            f"一句话里有 {len(with_goal)} 个目标（{shown}）。",
        ),
        (
            "Split it into one goal per outcome, each with its own metric and owner.",
            "拆成每个结果一个目标，各自有指标和负责人。",
        ),
        [c for c, _ in with_goal],
    )


def _short(ctx: SmartContext) -> Finding | None:
    text = ctx.goal.statement
    settings = ctx.settings
    if ctx.language == "zh":
        size, need = chinese_chars(text), settings.min_chinese_chars
        unit_en, unit_zh = "Chinese characters", "个汉字"
    else:
        size, need = len(re.findall(r"\w+", text)), settings.min_words
        unit_en, unit_zh = "words", "个词"
    if size >= need:
        return None
    return ctx.finding(
        "S-short",
        "S",
        FAIL,
        (
            f"The statement is too short to say what changes ({size} {unit_en}, at least {need}).",
            f"目标太短，说不清改变什么（{size}{unit_zh}，至少 {need}{unit_zh}）。",
        ),
        (
            "Write a full sentence: what changes, from what, to what, by when.",
            "写成完整的一句话：改变什么、从多少到多少、何时完成。",
        ),
        (text,),
    )


# -- Measurable --------------------------------------------------------------------
def _metric(ctx: SmartContext) -> Finding | None:
    if ctx.goal.metric is not None:
        return None
    return ctx.finding(
        "M-metric",
        "M",
        FAIL,
        ("No metric says how progress is measured.", "没有衡量进展的指标。"),
        (
            "Name the metric, e.g. 'median home page load time'.",
            "写明指标，例如“首页加载时间中位数”。",
        ),
        ("metric",),
    )


def _target(ctx: SmartContext) -> Finding | None:
    if ctx.goal.target is not None:
        return None
    return ctx.finding(
        "M-target",
        "M",
        FAIL,
        ("No numeric target.", "没有量化的目标值。"),
        (
            "Set the number to reach, e.g. target 1.5 (seconds).",
            "设定要达到的数值，例如目标值 1.5（秒）。",
        ),
        ("target",),
    )


def _unit(ctx: SmartContext) -> Finding | None:
    if ctx.goal.target is None or ctx.goal.unit is not None:
        return None
    return ctx.finding(
        "M-unit",
        "M",
        FAIL,
        (
            f"The target {num(ctx.goal.target)} has no unit.",
            f"目标值 {num(ctx.goal.target)} 没有单位。",
        ),
        ("Give the unit: s, %, tickets, users …", "写明单位：秒、%、工单数、用户数……"),
        ("unit",),
    )


def _baseline(ctx: SmartContext) -> Finding | None:
    if ctx.goal.baseline is not None or ctx.goal.target is None:
        return None
    return ctx.finding(
        "M-baseline",
        "M",
        WARN,
        (
            "No baseline: the client cannot see how far the target is from today.",
            "没有基线：客户看不出目标离现状有多远。",
        ),
        ("Measure today's value and record it as the baseline.", "测量当前数值，记为基线。"),
        ("baseline",),
    )


def _direction(ctx: SmartContext) -> Finding | None:
    goal = ctx.goal
    if goal.target is None or goal.baseline is None:
        return None
    if goal.target == goal.baseline:
        return ctx.finding(
            "M-direction",
            "M",
            FAIL,
            (
                f"The target equals the baseline ({num(goal.target)}): nothing changes.",
                f"目标值等于基线（{num(goal.target)}）：没有任何变化。",
            ),
            (
                (
                    "Set a target different from today's value, or say 'keep at' if holding "
                    "is the goal."
                ),
                "设定与现状不同的目标值；若目标是保持，请写明“保持在”。",
            ),
            ("target", "baseline"),
        )
    down = find_terms(goal.statement, DIRECTION[ctx.language]["down"], ctx.language)
    up = find_terms(goal.statement, DIRECTION[ctx.language]["up"], ctx.language)
    if bool(down) == bool(up):
        return None  # no direction said, or both: nothing to compare
    wants_down = bool(down)
    if (goal.target < goal.baseline) == wants_down:
        return None
    word = (down or up)[0]
    return ctx.finding(
        "M-direction",
        "M",
        FAIL,
        (
            (
                f"The statement says '{word}' but the target {num(goal.target)} is "
                f"{'above' if wants_down else 'below'} the baseline {num(goal.baseline)}."
            ),
            (
                f"目标表述为“{word}”，但目标值 {num(goal.target)} "
                f"{'高于' if wants_down else '低于'}"
                f"基线 {num(goal.baseline)}。"
            ),
        ),
        ("Swap target and baseline, or fix the verb.", "检查目标值与基线是否写反，或修改动词。"),
        (word, "target", "baseline"),
    )


# -- Achievable --------------------------------------------------------------------
def _stretch(ctx: SmartContext) -> Finding | None:
    goal = ctx.goal
    if goal.target is None or not goal.baseline:
        return None
    ratio = abs(goal.target) / abs(goal.baseline)
    bound = ctx.settings.max_change_factor
    if Decimal(1) / bound <= ratio <= bound:
        return None
    return ctx.finding(
        "A-stretch",
        "A",
        FAIL,
        (
            (
                f"From {num(goal.baseline)} to {num(goal.target)} is a change of more than "
                f"{num(bound)} times: not realistic in one step."
            ),
            (
                f"从 {num(goal.baseline)} 到 {num(goal.target)} 的变化超过 {num(bound)} 倍，"
                "一步到位不现实。"
            ),
        ),
        (
            "Set an intermediate target for this project and a later one for the rest.",
            "为本项目设定阶段性目标，其余留到后续阶段。",
        ),
        ("baseline", "target"),
    )


def _workdays_left(ctx: SmartContext) -> int | None:
    deadline = ctx.goal.deadline
    if deadline is None or deadline <= ctx.as_of:
        return None
    return ctx.calendar.workdays_between(ctx.as_of, deadline)


def _time(ctx: SmartContext) -> Finding | None:
    left = _workdays_left(ctx)
    need = ctx.settings.min_workdays
    if left is None or left >= need:
        return None
    return ctx.finding(
        "A-time",
        "A",
        FAIL,
        (
            f"Only {left} working days are left until the deadline (at least {need} needed).",
            f"距截止日期只剩 {left} 个工作日（至少需要 {need} 个）。",
        ),
        (
            "Move the deadline or cut the target to what fits.",
            "推迟截止日期，或把目标缩小到能完成的范围。",
        ),
        ("deadline",),
    )


def _capacity(ctx: SmartContext) -> Finding | None:
    project = ctx.project
    if project is None or ctx.goal.deadline is None:
        return None
    left = _workdays_left(ctx) or 0  # a passed deadline leaves no working day
    known = {r.id: r for r in project.requirements}
    done = (RequirementStatus.DONE, RequirementStatus.REMOVED)
    work = [known[i] for i in ctx.goal.supports if i in known and known[i].status not in done]
    effort = sum((r.estimate_days for r in work), Decimal(0))
    needed = effort / project.daily_capacity
    if needed <= left:
        return None
    days = num(needed.quantize(Decimal("0.1")))
    return ctx.finding(
        "A-capacity",
        "A",
        FAIL,
        (
            (
                f"The supported requirements need {num(effort)} person-days, about {days} "
                f"working days at the team's capacity, but only {left} are left."
            ),
            (
                f"所支持的需求还需 {num(effort)} 人天，按团队产能约 {days} "
                f"个工作日，但只剩 {left} 个工作日。"
            ),
        ),
        (
            "Move the deadline, add capacity or support fewer requirements.",
            "推迟截止日期、增加人手，或减少所支持的需求。",
        ),
        tuple(r.id for r in work),
    )


# -- Relevant ----------------------------------------------------------------------
def _supports(ctx: SmartContext) -> Finding | None:
    if ctx.goal.supports:
        return None
    return ctx.finding(
        "R-supports",
        "R",
        FAIL,
        ("The goal supports no requirement or objective.", "目标没有关联任何需求或目标。"),
        (
            "Link it to the requirement or business objective it serves.",
            "关联它所服务的需求或业务目标。",
        ),
        ("supports",),
    )


def _unknown(ctx: SmartContext) -> Finding | None:
    project = ctx.project
    if project is None:
        return None
    known = {r.id for r in project.requirements} | {g.id for g in project.goals}
    missing = [i for i in ctx.goal.supports if i not in known]
    if not missing:
        return None
    shown = ", ".join(missing)
    return ctx.finding(
        "R-unknown",
        "R",
        FAIL,
        (
            f"It supports {shown}, which the project does not have.",
            f"所关联的 {shown} 在项目中不存在。",
        ),
        (
            "Link it to requirements or objectives that exist in the project.",
            "关联项目中已有的需求或目标。",
        ),
        missing,
    )


# -- Time-bound --------------------------------------------------------------------
def _deadline(ctx: SmartContext) -> Finding | None:
    if ctx.goal.deadline is not None:
        return None
    return ctx.finding(
        "T-deadline",
        "T",
        FAIL,
        ("No deadline.", "没有截止日期。"),
        ("Set the calendar date by which the target is met.", "设定达成目标的具体日期。"),
        ("deadline",),
    )


def _past(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    if deadline is None or deadline > ctx.as_of:
        return None
    return ctx.finding(
        "T-past",
        "T",
        FAIL,
        (
            (
                f"The deadline {deadline.isoformat()} is not after the status date "
                f"{ctx.as_of.isoformat()}."
            ),
            f"截止日期 {deadline.isoformat()} 不晚于状态日期 {ctx.as_of.isoformat()}。",
        ),
        (
            "Agree a new date with the client and record why the old one passed.",
            "与客户商定新日期，并记录原日期错过的原因。",
        ),
        (deadline.isoformat(),),
    )


def _after_end(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    end = ctx.project.end if ctx.project is not None else None
    if deadline is None or end is None or deadline <= end:
        return None
    return ctx.finding(
        "T-after-end",
        "T",
        FAIL,
        (
            f"The deadline {deadline.isoformat()} is after the project ends ({end.isoformat()}).",
            f"截止日期 {deadline.isoformat()} 晚于项目结束日期（{end.isoformat()}）。",
        ),
        (
            "Bring it within the project, or make it a goal of the next phase.",
            "把日期放进项目周期内，或列为下一阶段的目标。",
        ),
        (deadline.isoformat(),),
    )


def _workday(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    if deadline is None or ctx.calendar.is_workday(deadline):
        return None
    before = ctx.calendar.previous_workday(deadline).isoformat()
    return ctx.finding(
        "T-workday",
        "T",
        WARN,
        (
            f"The deadline {deadline.isoformat()} is not a working day.",
            f"截止日期 {deadline.isoformat()} 不是工作日。",
        ),
        (f"Use the working day before it, {before}.", f"改为前一个工作日 {before}。"),
        (deadline.isoformat(),),
    )


#: The built-in rules, in the order their findings are listed.
BUILTIN_RULES: tuple[SmartRule, ...] = (
    SmartRule("S-vague", "S", _vague, "vague words, fail without a number"),
    SmartRule("S-owner", "S", _owner, "an owner who is a stakeholder"),
    SmartRule("S-compound", "S", _compound, "one goal per statement"),
    SmartRule("S-short", "S", _short, "long enough to say what changes"),
    SmartRule("M-metric", "M", _metric, "a metric is named"),
    SmartRule("M-target", "M", _target, "a numeric target"),
    SmartRule("M-unit", "M", _unit, "the target has a unit"),
    SmartRule("M-baseline", "M", _baseline, "a baseline (warn)"),
    SmartRule("M-direction", "M", _direction, "the target moves the way the statement says"),
    SmartRule("A-stretch", "A", _stretch, "target within max_change_factor of the baseline"),
    SmartRule("A-time", "A", _time, "at least min_workdays working days left"),
    SmartRule("A-capacity", "A", _capacity, "the team can do the supported work in time"),
    SmartRule("R-supports", "R", _supports, "supports a requirement or objective"),
    SmartRule("R-unknown", "R", _unknown, "what it supports exists in the project"),
    SmartRule("T-deadline", "T", _deadline, "a deadline"),
    SmartRule("T-past", "T", _past, "the deadline is after the status date"),
    SmartRule("T-after-end", "T", _after_end, "the deadline is within the project"),
    SmartRule("T-workday", "T", _workday, "the deadline is a working day (warn)"),
)


@hookimpl
def clientpm_register_smart_rules(registry: Any) -> None:
    """Register :data:`BUILTIN_RULES` under their codes.

    Example:
        >>> from clientpm.plugins import PluginHost
        >>> "M-unit" in PluginHost().smart_rules()
        True

    """
    for rule in BUILTIN_RULES:
        registry.register(rule.code, rule)
