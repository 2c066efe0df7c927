"""Jargon the client may not know, and a check of client-facing text against it (D12).

A :class:`Glossary` lists terms with a plain explanation in English and
Chinese. :func:`check_jargon` finds the terms a text uses without explaining
them: a term counts as explained when a parenthesis follows it, as in
"critical path (the chain of work that decides the end date)" or
"基线（最初商定的计划）". Reports can carry the explanations as a footnote.

The built-in :data:`PM_GLOSSARY` is registered through the
``clientpm_register_glossaries`` hook; plugins add their own (a client's
industry terms, a team's tool names) the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from clientpm._checks import describe
from clientpm._convert import to_strings, to_tuple
from clientpm._hooks import hookimpl, plugin_items
from clientpm.errors import ValidationError
from clientpm.locale import check_locale
from clientpm.smart.lexicon import detect_language

__all__ = [
    "PM_GLOSSARY",
    "Glossary",
    "Jargon",
    "Term",
    "check_jargon",
    "clientpm_register_glossaries",
]


@attrs.frozen
class Term:
    """A term and what it means, in English and Chinese.

    Attributes:
        names: How the term is written, in either language (the first is its name).
        en: The explanation in English.
        zh: The explanation in Chinese.

    Example:
        >>> t = Term(("UAT", "user acceptance testing", "用户验收测试"),
        ...          "the client tries the system before accepting it", "客户验收前的试用测试")
        >>> t.explain("zh")
        '客户验收前的试用测试'

    """

    names: tuple[str, ...] = attrs.field(converter=to_strings)
    en: str
    zh: str

    def __attrs_post_init__(self) -> None:
        if not self.names or not all(isinstance(n, str) and n.strip() for n in self.names):
            raise ValidationError.single(
                "Term.names", f"expected at least one non-empty name, got {describe(self.names)}"
            )
        for field in ("en", "zh"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError.single(
                    f"Term {self.names[0]!r}.{field}",
                    f"expected a non-empty explanation, got {describe(value)}",
                )

    def explain(self, locale: str = "en") -> str:
        """The explanation in ``"en"`` or ``"zh"``."""
        return self.zh if check_locale(locale, "Term.explain.locale") == "zh" else self.en


@attrs.frozen
class Glossary:
    """A named list of terms.

    Example:
        >>> g = Glossary("acme", [Term(["HRIS"], "the HR information system", "人力资源信息系统")])
        >>> [t.names[0] for t in g.terms]
        ['HRIS']

    """

    name: str
    terms: tuple[Term, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        bad = [t for t in self.terms if not isinstance(t, Term)]
        if bad:
            raise ValidationError.single(
                f"Glossary {self.name!r}.terms", f"expected Term objects, got {describe(bad[0])}"
            )


@attrs.frozen
class Jargon:
    """A term a text uses without explaining it.

    Attributes:
        term: The term as written in the text.
        explanation: What it means, in the requested locale.
        glossary: The glossary it comes from.

    Example:
        >>> check_jargon("The critical path runs through M3.")[0].explanation
        'the chain of work that decides the end date; a delay on it delays the project'

    """

    term: str
    explanation: str
    glossary: str


def _t(names: tuple[str, ...], en: str, zh: str) -> Term:
    return Term(names, en, zh)


#: Project-management terms clients often do not know.
PM_GLOSSARY = Glossary(
    "project management",
    (
        _t(("critical path", "关键路径"),
           "the chain of work that decides the end date; a delay on it delays the project",
           "决定完工日期的工作链，其中任何延误都会推迟整个项目"),
        _t(("slack", "float", "浮动时间", "时差"),
           "how many working days a task can slip without delaying what follows",
           "任务可以推迟而不影响后续工作的工作日数"),
        _t(("baseline", "基线"),
           "the plan as first agreed, kept to show how far things have moved",
           "最初商定的计划，用来显示后来的变化"),
        _t(("scope creep", "范围蔓延"),
           "requirements growing bit by bit without a change request",
           "需求在没有变更请求的情况下逐渐增加"),
        _t(("UAT", "user acceptance testing", "用户验收测试"),
           "the client tries the system before accepting it",
           "客户在验收前试用系统"),
        _t(("MVP", "minimum viable product", "最小可行产品"),
           "the smallest version that is useful to real users",
           "对真实用户有用的最小版本"),
        _t(("SLA", "service level agreement", "服务等级协议"),
           "the agreed response and repair times",
           "约定的响应和修复时间"),
        _t(("sprint", "冲刺"),
           "a fixed period of work, usually two weeks, ending with a demo",
           "固定的工作周期，通常两周，以演示结束"),
        _t(("backlog", "待办列表"),
           "the ordered list of work not yet done",
           "尚未完成、按优先级排序的工作清单"),
        _t(("earned value", "挣值"),
           "the budgeted cost of the work actually done",
           "已完成工作的预算成本"),
        _t(("CPI",),
           "cost performance index: value of work done per unit of money spent (below 1 is over "
           "budget)",
           "成本绩效指数：每花一元钱完成的工作价值（低于 1 表示超支）"),
        _t(("SPI",),
           "schedule performance index: work done against work planned (below 1 is behind)",
           "进度绩效指数：已完成工作与计划工作之比（低于 1 表示落后）"),
        _t(("contingency", "应急储备"),
           "time or money set aside for risks that may happen",
           "为可能发生的风险预留的时间或资金"),
        _t(("RACI",),
           "who is Responsible, Accountable, Consulted and Informed for each task",
           "每项工作的执行者、负责人、咨询对象和知会对象"),
        _t(("regression testing", "回归测试"),
           "re-testing what worked before, after a change",
           "修改后重新测试原有功能"),
        _t(("technical debt", "技术债"),
           "shortcuts taken now that cost extra work later",
           "现在走的捷径，日后需要额外工作来弥补"),
        _t(("staging", "预发布环境"),
           "a copy of the live system for testing before release",
           "发布前用于测试的线上系统副本"),
        _t(("hotfix", "热修复"),
           "an urgent fix released outside the normal schedule",
           "在正常发布计划之外紧急发布的修复"),
        _t(("deliverable", "交付物"),
           "something the project hands over to the client",
           "项目交给客户的成果"),
        _t(("SSO", "single sign-on", "单点登录"),
           "logging in once with the company account for every system",
           "用公司账号登录一次即可使用所有系统"),
    ),
)  # fmt: skip


def _glossary_list(glossaries: object) -> list[Glossary]:
    if isinstance(glossaries, Glossary):
        return [glossaries]
    entries = plugin_items(glossaries, "check_jargon.glossaries", "glossary", default=[PM_GLOSSARY])
    for entry in entries:
        if not isinstance(entry.item, Glossary):
            raise ValidationError.single(
                "check_jargon.glossaries",
                f"expected Glossary objects, got {describe(entry.item)}",
            )
    return [entry.item for entry in entries]


def _occurrence(text: str, name: str) -> re.Match[str] | None:
    if detect_language(name) == "zh":
        return re.search(re.escape(name), text)
    flags = 0 if name.isupper() else re.IGNORECASE  # "SLA" yes, "sla" in a word no
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags)


def check_jargon(
    text: str,
    *,
    glossaries: Iterable[Glossary] | Mapping[str, Glossary] | Glossary | None = None,
    locale: str | None = None,
) -> tuple[Jargon, ...]:
    """The glossary terms ``text`` uses without explaining them, in order of appearance.

    Args:
        text: Client-facing text: a report paragraph, an e-mail, a memo.
        glossaries: The glossaries to check against, e.g. ``host.glossaries()``;
            by default :data:`PM_GLOSSARY`.
        locale: Language of the explanations; by default the text's own.

    Raises:
        ValidationError: for text that is not a string, bad glossaries or an unknown locale.

    Example:
        >>> found = check_jargon("UAT starts Monday; the baseline (the plan first agreed) holds.")
        >>> [(j.term, j.explanation) for j in found]
        [('UAT', 'the client tries the system before accepting it')]
        >>> [j.explanation for j in check_jargon("关键路径上的工作延误了两天。")]
        ['决定完工日期的工作链，其中任何延误都会推迟整个项目']

    """
    if not isinstance(text, str):
        raise ValidationError.single("check_jargon.text", f"expected a text, got {describe(text)}")
    code = check_locale(detect_language(text) if locale is None else locale, "check_jargon.locale")
    found: list[tuple[int, Jargon]] = []
    for glossary in _glossary_list(glossaries):
        for term in glossary.terms:
            for name in term.names:
                match = _occurrence(text, name)
                if match is None:
                    continue
                after = text[match.end() :].lstrip()
                if not after.startswith(("(", "（")):
                    found.append((match.start(), Jargon(match.group(0), term.explain(code),
                                                        glossary.name)))  # fmt: skip
                break  # one entry per term, under the first name that occurs
    return tuple(j for _, j in sorted(found, key=lambda pair: pair[0]))


@hookimpl
def clientpm_register_glossaries(registry: Any) -> None:
    """Register :data:`PM_GLOSSARY` as ``"project management"``.

    Example:
        >>> from clientpm.plugins import PluginHost
        >>> list(PluginHost().glossaries())
        ['project management']

    """
    registry.register(PM_GLOSSARY.name, PM_GLOSSARY)
