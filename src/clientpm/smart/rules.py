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
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from clientpm._display import num
from clientpm._hooks import hookimpl
from clientpm.enums import RequirementStatus
from clientpm.locale import catalogue
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
    """The words quoted and listed the locale's way: 'a', 'b' or “a”、“b”."""
    messages = catalogue(ctx.locale)
    return messages["format.list"].join(messages("format.quote", text=w) for w in words)


def _found(
    ctx: SmartContext,
    code: str,
    verdict: Verdict,
    key: str,
    evidence: Iterable[str],
    fix: str | None = None,
    **params: object,
) -> Finding:
    """A finding whose message is the catalogue message ``key`` and its fix ``key + ".fix"``."""
    return Finding(
        code,
        code[0],
        verdict,
        ctx.text(key, **params),
        ctx.text(fix or key + ".fix", **params),
        evidence,
    )


# -- Specific ----------------------------------------------------------------------
def _vague(ctx: SmartContext) -> Finding | None:
    words = _terms(ctx, VAGUE)
    if not words:
        return None
    shown = _quote(ctx, words)
    if has_number(ctx.goal.statement):
        return _found(ctx, "S-vague", WARN, "smart.S-vague.warn", words, shown=shown)
    return _found(ctx, "S-vague", FAIL, "smart.S-vague.fail", words, shown=shown)


def _owner(ctx: SmartContext) -> Finding | None:
    owner = ctx.goal.owner
    if owner is None:
        return _found(ctx, "S-owner", FAIL, "smart.S-owner.none", ("owner",))
    project = ctx.project
    if project is not None and owner not in {p.id for p in project.people}:
        return _found(ctx, "S-owner", FAIL, "smart.S-owner.unknown", (owner,), owner=owner)
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
    return _found(
        ctx,
        "S-compound",
        FAIL,
        "smart.S-compound",
        [c for c, _ in with_goal],
        count=len(with_goal),
        shown=shown,
    )


def _short(ctx: SmartContext) -> Finding | None:
    text = ctx.goal.statement
    settings = ctx.settings
    if ctx.language == "zh":
        size, need, key = chinese_chars(text), settings.min_chinese_chars, "smart.S-short.chars"
    else:
        size, need, key = len(re.findall(r"\w+", text)), settings.min_words, "smart.S-short.words"
    if size >= need:
        return None
    return _found(ctx, "S-short", FAIL, key, (text,), "smart.S-short.fix", size=size, need=need)


# -- Measurable --------------------------------------------------------------------
def _metric(ctx: SmartContext) -> Finding | None:
    if ctx.goal.metric is not None:
        return None
    return _found(ctx, "M-metric", FAIL, "smart.M-metric", ("metric",))


def _target(ctx: SmartContext) -> Finding | None:
    if ctx.goal.target is not None:
        return None
    return _found(ctx, "M-target", FAIL, "smart.M-target", ("target",))


def _unit(ctx: SmartContext) -> Finding | None:
    if ctx.goal.target is None or ctx.goal.unit is not None:
        return None
    return _found(ctx, "M-unit", FAIL, "smart.M-unit", ("unit",), target=num(ctx.goal.target))


def _baseline(ctx: SmartContext) -> Finding | None:
    if ctx.goal.baseline is not None or ctx.goal.target is None:
        return None
    return _found(ctx, "M-baseline", WARN, "smart.M-baseline", ("baseline",))


def _direction(ctx: SmartContext) -> Finding | None:
    goal = ctx.goal
    if goal.target is None or goal.baseline is None:
        return None
    if goal.target == goal.baseline:
        return _found(
            ctx,
            "M-direction",
            FAIL,
            "smart.M-direction.same",
            ("target", "baseline"),
            target=num(goal.target),
        )
    down = find_terms(goal.statement, DIRECTION[ctx.language]["down"], ctx.language)
    up = find_terms(goal.statement, DIRECTION[ctx.language]["up"], ctx.language)
    if bool(down) == bool(up):
        return None  # no direction said, or both: nothing to compare
    wants_down = bool(down)
    if (goal.target < goal.baseline) == wants_down:
        return None
    word = (down or up)[0]
    return _found(
        ctx,
        "M-direction",
        FAIL,
        "smart.M-direction.above" if wants_down else "smart.M-direction.below",
        (word, "target", "baseline"),
        "smart.M-direction.wrong.fix",
        word=word,
        target=num(goal.target),
        baseline=num(goal.baseline),
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
    return _found(
        ctx,
        "A-stretch",
        FAIL,
        "smart.A-stretch",
        ("baseline", "target"),
        baseline=num(goal.baseline),
        target=num(goal.target),
        bound=num(bound),
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
    return _found(ctx, "A-time", FAIL, "smart.A-time", ("deadline",), left=left, need=need)


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
    return _found(
        ctx,
        "A-capacity",
        FAIL,
        "smart.A-capacity",
        tuple(r.id for r in work),
        effort=num(effort),
        days=days,
        left=left,
    )


# -- Relevant ----------------------------------------------------------------------
def _supports(ctx: SmartContext) -> Finding | None:
    if ctx.goal.supports:
        return None
    return _found(ctx, "R-supports", FAIL, "smart.R-supports", ("supports",))


def _unknown(ctx: SmartContext) -> Finding | None:
    project = ctx.project
    if project is None:
        return None
    known = {r.id for r in project.requirements} | {g.id for g in project.goals}
    missing = [i for i in ctx.goal.supports if i not in known]
    if not missing:
        return None
    return _found(ctx, "R-unknown", FAIL, "smart.R-unknown", missing, ids=", ".join(missing))


# -- Time-bound --------------------------------------------------------------------
def _deadline(ctx: SmartContext) -> Finding | None:
    if ctx.goal.deadline is not None:
        return None
    return _found(ctx, "T-deadline", FAIL, "smart.T-deadline", ("deadline",))


def _past(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    if deadline is None or deadline > ctx.as_of:
        return None
    day = deadline.isoformat()
    return _found(
        ctx, "T-past", FAIL, "smart.T-past", (day,), deadline=day, as_of=ctx.as_of.isoformat()
    )


def _after_end(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    end = ctx.project.end if ctx.project is not None else None
    if deadline is None or end is None or deadline <= end:
        return None
    day = deadline.isoformat()
    return _found(
        ctx, "T-after-end", FAIL, "smart.T-after-end", (day,), deadline=day, end=end.isoformat()
    )


def _workday(ctx: SmartContext) -> Finding | None:
    deadline = ctx.goal.deadline
    if deadline is None or ctx.calendar.is_workday(deadline):
        return None
    before = ctx.calendar.previous_workday(deadline).isoformat()
    day = deadline.isoformat()
    return _found(ctx, "T-workday", WARN, "smart.T-workday", (day,), deadline=day, before=before)


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
