"""Labels, sentences, dates and money in English and Simplified Chinese, for reports.

Every label and sentence a report prints comes from :data:`WORDS`; nothing
else in the report builders is language-specific. Dates use pendulum's
locale data without touching its process-wide locale; money is rounded
half-up at the currency's minor unit (by :class:`~clientpm.Money`) and
grouped by thousands.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pendulum

from clientpm.locale import check_locale
from clientpm.money import Money

__all__ = ["WORDS", "Words"]

#: Every label and sentence, as ``key: (English, Chinese)``; ``{name}`` fields are filled in.
WORDS: dict[str, tuple[str, str]] = {
    # titles
    "title.weekly": ("Weekly report: {project}", "项目周报：{project}"),
    "title.monthly": ("Monthly report: {project}", "项目月报：{project}"),
    "title.risks": ("Risk register: {project}", "风险登记册：{project}"),
    "title.change": ("Change request {id}: {title}", "变更请求 {id}：{title}"),
    "period": ("{start} – {end}", "{start} 至 {end}"),
    "as_of": ("Status as of {date}", "截至 {date}"),
    "status": ("Status", "状态"),
    "summary": ("Summary", "摘要"),
    "footnotes": ("Terms used", "术语说明"),
    # sections
    "sec.done": ("Work completed", "本期完成"),
    "sec.status": ("Current status", "当前状态"),
    "sec.next.weekly": ("Plan for next week", "下周计划"),
    "sec.next.monthly": ("Plan for next month", "下月计划"),
    "sec.milestones": ("Milestones", "里程碑"),
    "sec.risks": ("Top risks", "主要风险"),
    "sec.changes": ("Change requests awaiting your decision", "待您决定的变更请求"),
    "sec.feedback": ("Feedback and complaints", "反馈与投诉"),
    "sec.commitments": ("Commitments due or at risk", "到期或有风险的承诺"),
    "sec.decisions": ("Decisions needed from you", "需要您做的决定"),
    "sec.since": ("Changes since the last report", "与上期相比的变化"),
    "sec.register": ("Risk register", "风险登记册"),
    "sec.heatmap": ("Risk heat map", "风险热力图"),
    "sec.asked": ("What was asked", "变更内容"),
    "sec.effect": ("Effect on scope, schedule and budget", "对范围、进度和预算的影响"),
    "sec.options": ("Options and price", "选项与报价"),
    "sec.decision": ("Decision needed", "需要的决定"),
    # table headers
    "h.id": ("Id", "编号"),
    "h.milestone": ("Milestone", "里程碑"),
    "h.due": ("Due", "到期日"),
    "h.forecast": ("Forecast", "预测"),
    "h.baseline": ("Baseline", "基线"),
    "h.slip": ("Slip (working days)", "延误（工作日）"),
    "h.state": ("Status", "状态"),
    "h.risk": ("Risk", "风险"),
    "h.score": ("Score", "分值"),
    "h.owner": ("Owner", "负责人"),
    "h.strategy": ("Response", "应对"),
    "h.review": ("Next review", "下次评审"),
    "h.kind": ("Kind", "类型"),
    "h.from": ("From", "提出人"),
    "h.received": ("Received", "收到时间"),
    "h.response": ("Response (working hours)", "响应（工作小时）"),
    "h.resolved": ("Resolved", "已解决"),
    "h.promise": ("Promise", "承诺"),
    "h.to": ("To", "对象"),
    "h.change": ("Change", "变更"),
    "h.requested": ("Requested by", "提出人"),
    "h.effort": ("Effort (person-days)", "工作量（人天）"),
    "h.price": ("Price", "报价"),
    "h.recommendation": ("Recommendation", "建议"),
    "h.option": ("Option", "选项"),
    "h.effect": ("Effect", "影响"),
    "probability": ("Probability", "可能性"),
    "impact": ("Impact", "影响程度"),
    "timeline": ("Milestones: baseline, forecast and due", "里程碑：基线、预测与到期日"),
    # facts
    "f.budget": ("Budget", "预算"),
    "f.spent": ("Spent to date", "已花费"),
    "f.forecast_cost": ("Forecast cost", "预测成本"),
    "f.milestones": ("Milestones on track", "按计划的里程碑"),
    "f.open_risks": ("Open risks", "未关闭风险"),
    "f.open_complaints": ("Open complaints", "未解决投诉"),
    "f.of": ("{n} of {total}", "{n} / {total}"),
    # sentences
    "none": ("Nothing to report.", "无。"),
    "done.req": ("{id} {title} completed on {date}.", "{id} {title} 已于 {date} 完成。"),
    "done.ms": (
        "Milestone {id} {title} delivered on {date}.",
        "里程碑 {id} {title} 已于 {date} 交付。",
    ),
    "done.accepted": (
        "Milestone {id} {title} accepted by {who} on {date}.",
        "里程碑 {id} {title} 已由 {who} 于 {date} 验收。",
    ),
    "next.ms": (
        "Work towards {id} {title}, due {due} (forecast {forecast}).",
        "推进 {id} {title}，到期日 {due}（预测 {forecast}）。",
    ),
    "next.review": ("Review risk {id} {title} on {date}.", "于 {date} 评审风险 {id} {title}。"),
    "state.done": ("delivered", "已交付"),
    "state.late": ("late", "延误"),
    "state.on_track": ("on track", "正常"),
    "state.accepted": ("accepted", "已验收"),
    "summary.rag": ("Overall status: {rag}.", "总体状态：{rag}。"),
    "summary.done": ("{n} item(s) completed this period.", "本期完成 {n} 项工作。"),
    "summary.late": (
        "{n} milestone(s) forecast late; the largest slip is {days} working days ({id}).",
        "{n} 个里程碑预计延误，最长 {days} 个工作日（{id}）。",
    ),
    "summary.on_track": ("All milestones are forecast on time.", "所有里程碑预计按时完成。"),
    "summary.decisions": ("{n} decision(s) needed from you.", "需要您做 {n} 项决定。"),
    "summary.complaints": ("{n} complaint(s) still open.", "尚有 {n} 项投诉未解决。"),
    "summary.risks": ("{n} high risk(s) open.", "有 {n} 项高风险未关闭。"),
    "reason.late": (
        "{id} is forecast {days} working day(s) after its due date {due}.",
        "{id} 预计比到期日 {due} 晚 {days} 个工作日。",
    ),
    "reason.late_commitment": (
        "Commitment {id} to {to} is at risk ({days} working day(s) late).",
        "对 {to} 的承诺 {id} 有风险（晚 {days} 个工作日）。",
    ),
    "reason.budget": ("Forecast cost is {pct}% of the budget.", "预测成本为预算的 {pct}%。"),
    "reason.no_budget": (
        "No budget is set, but the forecast cost is {cost}.",
        "未设定预算，但预测成本为 {cost}。",
    ),
    "reason.risk": ("Risk {id} scores {score} (high).", "风险 {id} 分值 {score}（高）。"),
    "reason.complaint": (
        "Complaint {id} has waited {days} working day(s) for a response.",
        "投诉 {id} 已等待回复 {days} 个工作日。",
    ),
    "reason.complaint_open": ("Complaint {id} is not resolved.", "投诉 {id} 尚未解决。"),
    "reason.csat": (
        "Client satisfaction (CSAT) is {csat}% over the last {days} days ({n} ratings).",
        "近 {days} 天客户满意度（CSAT）为 {csat}%（{n} 个评分）。",
    ),
    "reason.awaiting": (
        "Change request {id} awaits your decision.",
        "变更请求 {id} 等待您的决定。",
    ),
    "reason.all_good": ("Milestones, budget and risks are on track.", "里程碑、预算和风险均正常。"),
    "decide.cr": (
        "Approve or reject change request {id} ({title}).",
        "批准或拒绝变更请求 {id}（{title}）。",
    ),
    "decide.signoff": ("Sign off requirement {id} ({title}).", "签署确认需求 {id}（{title}）。"),
    "decide.accept": (
        "Accept milestone {id} ({title}), delivered on {date}.",
        "验收里程碑 {id}（{title}），已于 {date} 交付。",
    ),
    "cr.row": ("{id} {title}", "{id} {title}"),
    "cr.not_assessed": ("being assessed", "评估中"),
    "since.forecast": (
        "{id} forecast moved from {old} to {new}.",
        "{id} 的预测从 {old} 变为 {new}。",
    ),
    "since.new_risk": ("New risk {id}: {title}.", "新增风险 {id}：{title}。"),
    "since.closed_risk": ("Risk {id} closed: {title}.", "风险 {id} 已关闭：{title}。"),
    "since.risk_level": (
        "Risk {id} moved from {old} to {new}.",
        "风险 {id} 等级从{old}变为{new}。",
    ),
    "since.new_cr": ("New change request {id}: {title}.", "新增变更请求 {id}：{title}。"),
    "since.cr_status": (
        "Change request {id} is now {status}.",
        "变更请求 {id} 当前状态：{status}。",
    ),
    "since.new_feedback": ("{n} new feedback item(s).", "新增 {n} 条反馈。"),
    "since.nothing": ("No change since the last report.", "与上期相比无变化。"),
    "hours": ("{n} h", "{n} 小时"),
    "waiting": ("waiting", "等待中"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "commit.row": ("{promise} (to {to}, due {due})", "{promise}（对 {to}，到期 {due}）"),
    "commit.late": ("forecast {days} working day(s) late", "预计晚 {days} 个工作日"),
    "commit.overdue": ("overdue", "已逾期"),
    "commit.due": ("due this period", "本期到期"),
    # change memo
    "memo.asked": ("{who} asked on {date}: {reason}", "{who} 于 {date} 提出：{reason}"),
    "memo.scope": ("Scope", "范围"),
    "memo.schedule": ("Schedule", "进度"),
    "memo.budget": ("Budget", "预算"),
    "memo.effort": ("{days} person-days", "{days} 人天"),
    "memo.slip": ("{days} working days later at most", "最多推迟 {days} 个工作日"),
    "memo.no_slip": ("no milestone moves", "没有里程碑推迟"),
    "memo.reject": ("Do not make the change", "不做此变更"),
    "memo.absorb": ("Make it free of charge", "免费实施"),
    "memo.bill": ("Make it as a paid change for {price}", "作为付费变更实施，报价 {price}"),
    "memo.recommended": ("recommended", "推荐"),
    "memo.decide": (
        (
            "Please approve or reject this change, and confirm you accept its effect on "
            "the schedule and budget."
        ),
        "请批准或拒绝此变更，并确认接受其对进度和预算的影响。",
    ),
    "memo.approvers": ("Approval needed from: {who}.", "需要以下人员批准：{who}。"),
    "memo.recommendation": ("Our recommendation: {text}", "我们的建议：{text}"),
    "change.add": (
        "Add requirement {id} {title} ({days} person-days).",
        "新增需求 {id} {title}（{days} 人天）。",
    ),
    "change.revise": (
        "Revise the estimate of {id} to {days} person-days.",
        "将 {id} 的估算改为 {days} 人天。",
    ),
    "change.remove": ("Remove requirement {id}.", "删除需求 {id}。"),
    "change.move": (
        "Move the due date of milestone {id} to {date}.",
        "将里程碑 {id} 的到期日改为 {date}。",
    ),
    "memo.moves": (
        "{id}: {old} → {new} ({days} working days)",
        "{id}：{old} → {new}（{days} 个工作日）",
    ),
    "memo.price_none": ("no charge", "不收费"),
    "memo.reject_effect": (
        "Scope, schedule and budget stay as they are.",
        "范围、进度和预算保持不变。",
    ),
    "tone.info": ("Note", "说明"),
    "tone.warning": ("Warning", "注意"),
    "tone.decision": ("Decision needed", "需要决定"),
    # risk register
    "risk.none": ("No open risks.", "没有未关闭的风险。"),
}


#: Names of enum values in Chinese (English shows the value with spaces).
ENUM_ZH: dict[str, str] = {
    "submitted": "已提交", "assessed": "已评估", "approved": "已批准", "rejected": "已拒绝",
    "deferred": "已推迟", "implemented": "已实施", "withdrawn": "已撤回",
    "praise": "表扬", "suggestion": "建议", "question": "问题", "complaint": "投诉",
    "avoid": "规避", "mitigate": "减轻", "transfer": "转移", "accept": "接受",
    "open": "未关闭", "occurred": "已发生", "closed": "已关闭",
    "reject": "拒绝", "absorb": "免费吸收", "bill": "收费",
    "planned": "计划中", "in_progress": "进行中", "delivered": "已交付", "accepted": "已验收",
}  # fmt: skip


class Words:
    """The wording of one report in one locale.

    Example:
        >>> w = Words("zh")
        >>> w("sec.milestones"), w.date(pendulum.date(2026, 11, 27))
        ('里程碑', '2026年11月27日')
        >>> Words("en").money(Money("1234567.005", "CNY"))
        'CNY 1,234,567.01'

    """

    def __init__(self, locale: str) -> None:
        self.locale = check_locale(locale, "report.locale")
        self._index = 1 if self.locale == "zh" else 0

    def __call__(self, key: str, **params: object) -> str:
        """The text for ``key`` with ``params`` filled in."""
        return WORDS[key][self._index].format(**params)

    def date(self, day: _dt.date) -> str:
        """A calendar date: ``27 Nov 2026`` or ``2026年11月27日``."""
        d = pendulum.Date(day.year, day.month, day.day)
        if self.locale == "zh":
            return d.format("YYYY年M月D日", locale="zh")
        return d.format("D MMM YYYY", locale="en")

    def instant(self, when: pendulum.DateTime, timezone: str) -> str:
        """A moment in the reader's time zone: ``27 Nov 2026 17:00``."""
        local = when.in_timezone(timezone)
        return f"{self.date(local.date())} {local.format('HH:mm')}"

    def money(self, money: Money) -> str:
        """Money grouped by thousands with its currency: ``CNY 480,000.00``."""
        amount = money.amount
        sign = "-" if amount < 0 else ""
        return f"{money.currency} {sign}{abs(amount):,}"

    def number(self, value: Decimal | int) -> str:
        """A number without trailing zeros: ``2.5``, ``3``."""
        if isinstance(value, int):
            return str(value)
        text = format(value.normalize(), "f")
        return "0" if text in {"-0", "0"} else text

    def enum(self, value: object) -> str:
        """An enum value as a reader sees it: ``in progress`` or ``进行中``.

        Example:
            >>> from clientpm.enums import ChangeStatus
            >>> Words("zh").enum(ChangeStatus.ASSESSED), Words("en").enum(ChangeStatus.ASSESSED)
            ('已评估', 'assessed')

        """
        raw = str(getattr(value, "value", value))
        if self.locale == "zh":
            return ENUM_ZH.get(raw, raw)
        return raw.replace("_", " ")

    def join(self, sentences: list[str]) -> str:
        """Sentences joined with a space in English and nothing in Chinese."""
        return ("" if self.locale == "zh" else " ").join(sentences)
