"""Plain words for change impacts, in English and Simplified Chinese (internal).

Every reason an impact gives is a :class:`Reason`: a code and its values,
rendered in the reader's language when asked, so one impact reads the same in
both languages.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from clientpm.enums import Role
from clientpm.locale import check_locale

__all__ = ["Reason", "join", "reason"]

#: English texts of the reasons, by code.
_EN: dict[str, str] = {
    "adds": "Adds {effort} person-days of work ({cost} at the day rate).",
    "saves": "Saves {effort} person-days of work ({cost} at the day rate).",
    "no_effort": "Changes no work.",
    "no_slip": "No milestone moves.",
    "slip": (
        "{count} milestone(s) move; the largest slip is {days} working days ({id}: {old} → {new})."
    ),
    "earlier": "{count} milestone(s) finish earlier, by up to {days} working days.",
    "breach": "Milestone {id} would finish {days} working days after its due date {due}.",
    "contract": (
        "Milestone {id} has a contractual due date ({due}) and would be {days} working days late."
    ),
    "contract_end": "The plan would finish {days} working days after the contract end date {end}.",
    "critical": "The critical path changes: {ids}.",
    "reject_contract": (
        "Recommend rejecting it: the change policy does not accept changes that break a "
        "contractual date."
    ),
    "reject_no_work": (
        "Recommend rejecting it: it makes a due date unachievable and adds no work to bill."
    ),
    "absorb_no_work": "Absorb it free of charge: it adds no work.",
    "absorb": (
        "Absorb it free of charge: {effort} person-days fit in the free allowance left "
        "({left} of {allowance} person-days)."
    ),
    "bill_days": (
        "Bill it: {effort} person-days exceed the free allowance left ({left} of "
        "{allowance} person-days). Quote {price}."
    ),
    "bill_money": (
        "Bill it: its cost {cost} exceeds the free allowance left ({left}). Quote {price}."
    ),
    "bill_breach": (
        "Bill it: it moves a due date, which the client must accept with the price. Quote {price}."
    ),
    "contingency": "The price includes {pct}% contingency ({amount}).",
    "budget": "The forecast cost becomes {after}, {pct}% of the budget {budget}.",
    "over_budget": "The forecast cost {after} would exceed the budget {budget} ({pct}%).",
    "risk_up": "Risk {id} grows from {before} to {after}: no slack is left on {targets}.",
    "risk_gone": "Risk {id} no longer applies: everything it affects is removed.",
    "dimension": "{name}: {summary}",
    "decide": "{approver} ({role}) decides; the client {client} must accept the impact.",
    "decide_role": "The {role} decides; the client {client} must accept the impact.",
    "escalate": (
        "Escalate: it is beyond the limit of the first approver, so {approver} ({role}) "
        "decides; the client {client} must accept the impact."
    ),
    "escalate_role": (
        "Escalate: it is beyond the limit of the first approver, so the {role} decides; "
        "the client {client} must accept the impact."
    ),
}

#: Simplified Chinese texts of the reasons, by code.
_ZH: dict[str, str] = {
    "adds": "增加 {effort} 人天工作量（按日费率计 {cost}）。",
    "saves": "减少 {effort} 人天工作量（按日费率计 {cost}）。",
    "no_effort": "不改变工作量。",
    "no_slip": "没有里程碑推迟。",
    "slip": "{count} 个里程碑推迟，最大推迟 {days} 个工作日（{id}：{old} → {new}）。",
    "earlier": "{count} 个里程碑提前完成，最多提前 {days} 个工作日。",
    "breach": "里程碑 {id} 将比截止日期 {due} 晚 {days} 个工作日完成。",
    "contract": "里程碑 {id} 的截止日期 {due} 写入合同，将延误 {days} 个工作日。",
    "contract_end": "项目将比合同结束日期 {end} 晚 {days} 个工作日完成。",
    "critical": "关键路径改变：{ids}。",
    "reject_contract": "建议拒绝：变更政策不接受违反合同日期的变更。",
    "reject_no_work": "建议拒绝：该变更使截止日期无法达成，且没有可计费的工作量。",
    "absorb_no_work": "建议免费吸收：不增加工作量。",
    "absorb": (
        "建议免费吸收：{effort} 人天在剩余免费额度内（剩余 {left} 人天，共 {allowance} 人天）。"
    ),
    "bill_days": (
        "建议收费：{effort} 人天超出剩余免费额度"
        "（剩余 {left} 人天，共 {allowance} 人天）。报价 {price}。"
    ),
    "bill_money": "建议收费：成本 {cost} 超出剩余免费额度（{left}）。报价 {price}。",
    "bill_breach": "建议收费：该变更推迟截止日期，须由客户连同报价一起确认。报价 {price}。",
    "contingency": "报价含 {pct}% 应急储备（{amount}）。",
    "budget": "预测成本变为 {after}，占预算 {budget} 的 {pct}%。",
    "over_budget": "预测成本 {after} 将超出预算 {budget}（{pct}%）。",
    "risk_up": "风险 {id} 的分值从 {before} 升至 {after}：{targets} 已没有缓冲时间。",
    "risk_gone": "风险 {id} 不再适用：其影响的内容均已移除。",
    "dimension": "{name}：{summary}",
    "decide": "由 {approver}（{role}）决定；客户 {client} 须确认此影响。",
    "decide_role": "由{role}决定；客户 {client} 须确认此影响。",
    "escalate": (
        "需要升级：超出首位审批人的权限，由 {approver}（{role}）决定；客户 {client} 须确认此影响。"
    ),
    "escalate_role": "需要升级：超出首位审批人的权限，由{role}决定；客户 {client} 须确认此影响。",
}

_ROLE_ZH = {
    Role.SPONSOR: "发起人", Role.CLIENT_CONTACT: "客户联系人", Role.END_USER: "最终用户",
    Role.PROJECT_MANAGER: "项目经理", Role.ACCOUNT_MANAGER: "客户经理",
    Role.TEAM_MEMBER: "团队成员", Role.EXECUTIVE: "高管",
}  # fmt: skip


@attrs.frozen
class Reason:
    """One reason behind an impact, renderable in English or Chinese.

    Attributes:
        code: What kind of reason, e.g. ``"bill_days"``.
        params: The values filled into the text, as ``(name, text)`` pairs.

    Example:
        >>> from clientpm.impact import Reason
        >>> r = Reason("no_slip", ())
        >>> r.text("en"), r.text("zh")
        ('No milestone moves.', '没有里程碑推迟。')

    """

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, locale: str = "en") -> str:
        """The reason in ``"en"`` or ``"zh"``; roles are named in that language.

        Example:
            >>> r = Reason("decide_role", (("role", "executive"), ("client", "li.wei")))
            >>> r.text("zh")
            '由高管决定；客户 li.wei 须确认此影响。'

        """
        zh = check_locale(locale, "Reason.text.locale") == "zh"
        params = dict(self.params)
        if "role" in params:  # roles are kept as values and named in the reader's language
            role = Role(params["role"])
            params["role"] = _ROLE_ZH[role] if zh else role.value.replace("_", " ")
        return (_ZH if zh else _EN)[self.code].format(**params)


def reason(code: str, **params: object) -> Reason:
    """Make a reason, turning every value into text.

    Example:
        >>> reason("no_slip").text()
        'No milestone moves.'

    """
    return Reason(code, tuple((k, str(v)) for k, v in params.items()))


def join(reasons: Iterable[Reason], locale: str) -> str:
    """Join reasons into one paragraph, with spaces in English and none in Chinese.

    Example:
        >>> join([reason("no_effort"), reason("no_slip")], "zh")
        '不改变工作量。没有里程碑推迟。'

    """
    return ("" if locale == "zh" else " ").join(r.text(locale) for r in reasons)
