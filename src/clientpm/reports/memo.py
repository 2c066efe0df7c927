"""The change memo: what a change request asks, its impact and the decision needed (D4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from clientpm._checks import describe, known
from clientpm.enums import (
    Recommendation,
)
from clientpm.errors import UnknownReferenceError, ValidationError
from clientpm.model.change import AddRequirement, MoveMilestone, RemoveRequirement, ReviseEstimate
from clientpm.model.project import Project
from clientpm.reports._context import check_project, words_for
from clientpm.reports._sections import footnotes
from clientpm.reports.document import (
    Block,
    Bullets,
    Callout,
    DataTable,
    KeyFacts,
    Paragraph,
    Report,
    Section,
    Tone,
)
from clientpm.reports.wording import Words

if TYPE_CHECKING:
    from clientpm.impact.results import ChangeImpact
    from clientpm.model.change import ChangeRequest

__all__ = ["change_memo"]


def _describe_change(change: object, project: Project, w: Words) -> str:
    if isinstance(change, AddRequirement):
        r = change.requirement
        return w("change.add", id=r.id, title=r.title, days=w.number(r.estimate_days))
    if isinstance(change, ReviseEstimate):
        return w("change.revise", id=change.requirement_id, days=w.number(change.estimate_days))
    if isinstance(change, RemoveRequirement):
        return w("change.remove", id=change.requirement_id)
    if isinstance(change, MoveMilestone):
        return w("change.move", id=change.milestone_id, date=w.date(change.due))
    return str(change)  # pragma: no cover - the four change types are all there is


_AUDIENCES = ("client", "team")

#: The impact's reasons a client reads: what the change does to the schedule and
#: the contract. The rest (free allowance, contingency, forecast against the
#: budget, who decides inside the agency) are the team's.
_CLIENT_SCHEDULE_REASONS = frozenset(
    {"slip", "earlier", "no_slip", "breach", "contract", "contract_end"}
)


def _effect_lines(impact: ChangeImpact, w: Words) -> list[str]:
    """What making the change does, in the client's words: work, then schedule and contract."""
    effort = impact.scope.effort_delta_days
    if effort > 0:
        work = w("memo.work_adds", days=w.number(effort))
    elif effort < 0:
        work = w("memo.work_saves", days=w.number(-effort))
    else:
        work = w("memo.work_none")
    schedule = [
        r.text(w.locale)
        for r in impact.recommendation.reasons
        if r.code in _CLIENT_SCHEDULE_REASONS
    ]
    return [work, *schedule]


def _check_impact_is_of(project: Project, impact: ChangeImpact) -> None:
    """Refuse the impact of another project: one naming milestones this project lacks."""
    held = {m.id for m in project.milestones}
    named = [m.id for m in impact.schedule.moves] + list(impact.schedule.contractual_breaches)
    strangers = sorted({mid for mid in named if mid not in held})
    if strangers:
        raise UnknownReferenceError.single(
            "change_memo.impact",
            f"is the impact of {impact.change_request_id!r} on another project: it moves "
            f"milestone {strangers[0]!r}, which {project.label} does not hold "
            f"(known: {known(held)})",
        )


@overload
def change_memo(
    project: Project,
    impact: ChangeImpact,
    /,
    *,
    locale: str | None = None,
    audience: str = "client",
) -> Report: ...


@overload
def change_memo(
    project: Project,
    change_request: ChangeRequest | None = None,
    impact: ChangeImpact | None = None,
    *,
    locale: str | None = None,
    audience: str = "client",
) -> Report: ...


def change_memo(
    project: Project,
    change_request: ChangeRequest | ChangeImpact | None = None,
    impact: ChangeImpact | None = None,
    *,
    locale: str | None = None,
    audience: str = "client",
) -> Report:
    """The client-facing memo for a change: what was asked, its effect, the options, the decision.

    Every sentence is in the memo's locale, whatever the locale the impact was
    assessed in: its reasons are written again in the memo's language.

    Two audiences read it. The **client** (the default) sees what was asked,
    its effect on scope, schedule and budget, each option with its own effect
    and price, which option we recommend, and the decision asked of them.
    The reasons behind the recommendation stay with the **team**
    (``audience="team"``): the free allowance left, the contingency in the
    price, the forecast cost against the budget and who decides inside the
    agency (the escalation approver). The team memo has the same sections,
    with every reason in the status, the summary and the recommendation and
    every approver in the decision.

    Args:
        project: The project.
        change_request: The request; may be left out, the impact names it
            (``change_memo(project, impact)``). 0.1.0's
            ``change_memo(project, change_request, impact)`` keeps working.
        impact: Its assessment (:func:`clientpm.assess_change`).
        locale: ``"en"`` or ``"zh"``; by default the client's.
        audience: ``"client"`` (the default) or ``"team"``, as above.

    Raises:
        ValidationError: A value of the wrong type (a swapped request and
            impact are named briefly), a missing impact, an impact of another
            request, of a request the project does not hold, or of another
            project (it moves milestones this project lacks); an audience
            other than ``"client"`` or ``"team"`` (``change_memo.audience``).

    Example:
        >>> import clientpm as cpm
        >>> p = cpm.sample_project()
        >>> impact = cpm.assess_change(p, p.change_request("CR-1"), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> memo = cpm.change_memo(p, impact, locale="en")
        >>> [s.key for s in memo.sections]
        ['asked', 'effect', 'options', 'decision']
        >>> memo.section("options").blocks[0].rows[0][1]
        'Scope, schedule and budget stay as they are.'
        >>> memo.section("options").blocks[0].rows[1][:3:2]
        ('Make it free of charge', 'no charge')
        >>> memo.section("decision").blocks[1].text
        'Approval needed from: li.wei.'
        >>> team = cpm.change_memo(p, impact, locale="en", audience="team")
        >>> team.title
        'Change request CR-1: WeChat Work login (for the team)'
        >>> team.section("decision").blocks[1].text
        'Approval needed from: wang.fang, li.wei.'
        >>> cpm.change_memo(p, p.change_request("CR-1"), impact).title
        '变更请求 CR-1：WeChat Work login'

    """
    from clientpm.impact.results import ChangeImpact
    from clientpm.model.change import ChangeRequest

    p = check_project(project, "change_memo.project")
    if audience not in _AUDIENCES:
        raise ValidationError.single(
            "change_memo.audience", f"expected 'client' or 'team', got {describe(audience)}"
        )
    team = audience == "team"
    if isinstance(change_request, ChangeImpact):
        if impact is not None:  # swapped, or the impact twice
            raise ValidationError.single(
                "change_memo.change_request",
                "expected a ChangeRequest, got a ChangeImpact; pass it as impact",
            )
        change_request, impact = None, change_request
    if change_request is None and impact is None:
        raise ValidationError.single(
            "change_memo.impact",
            "is missing: pass the ChangeImpact from clientpm.assess_change, "
            "as in change_memo(project, impact)",
        )
    if change_request is not None and not isinstance(change_request, ChangeRequest):
        raise ValidationError.single(
            "change_memo.change_request",
            f"expected a ChangeRequest or None, got {describe(change_request, limit=80)}",
        )
    if not isinstance(impact, ChangeImpact):
        got = describe(impact, limit=80)
        if isinstance(impact, ChangeRequest):
            got += "; pass it as change_request"
        wanted = "a ChangeImpact" if change_request is None else (
            f"the ChangeImpact of {change_request.id!r}")  # fmt: skip
        raise ValidationError.single("change_memo.impact", f"expected {wanted}, got {got}")
    _check_impact_is_of(p, impact)
    if change_request is None:
        found = {cr.id: cr for cr in p.change_requests}.get(impact.change_request_id)
        if found is None:
            raise UnknownReferenceError.single(
                "change_memo.impact",
                f"is the impact of {impact.change_request_id!r}, which {p.label} does not hold "
                f"(known: {known(cr.id for cr in p.change_requests)}); "
                "pass the change request too",
            )
        change_request = found
    if impact.change_request_id != change_request.id:
        raise ValidationError.single(
            "change_memo.impact",
            f"expected the ChangeImpact of {change_request.id!r}, "
            f"got the impact of {impact.change_request_id!r}",
        )
    w = words_for(p, locale, "change_memo.locale")
    day = impact.as_of or p.calendar.local_date(change_request.submitted_at)
    asked = Section("asked", w("sec.asked"), [
        Paragraph(w("memo.asked", who=change_request.requested_by,
                    date=w.date(p.calendar.local_date(change_request.submitted_at)),
                    reason=change_request.reason)),
        Bullets([_describe_change(c, p, w) for c in change_request.changes]),
    ])  # fmt: skip
    slip = impact.schedule.max_slip_days
    moves = [
        w("memo.moves", id=m.id, old=w.date(m.old_finish), new=w.date(m.new_finish),
          days=m.slip_days)
        for m in impact.schedule.moves if m.slip_days
    ]  # fmt: skip
    effect_blocks: list[Block] = [KeyFacts([
        (w("memo.scope"), w("memo.effort", days=w.number(impact.scope.effort_delta_days))),
        (w("memo.schedule"), w("memo.slip", days=slip) if slip > 0 else w("memo.no_slip")),
        (w("memo.budget"), w.money(impact.budget.cost_delta)),
    ])]  # fmt: skip
    if moves:
        effect_blocks.append(Bullets(moves))
    effect = Section("effect", w("sec.effect"), effect_blocks)
    rec = impact.recommendation
    price = rec.price or impact.budget.cost_delta
    summary = rec.explain(w.locale)  # in the memo's locale, not the assessment's
    change_effect = w.join(_effect_lines(impact, w))  # what making the change does, either way
    options = [
        (Recommendation.REJECT, w("memo.reject"), w("memo.reject_effect"), w("memo.price_none")),
        (Recommendation.ABSORB, w("memo.absorb"), change_effect, w("memo.price_none")),
        (Recommendation.BILL, w("memo.bill", price=w.money(price)), change_effect,
         w.money(price)),
    ]  # fmt: skip
    rows = [
        (text + (f" ({w('memo.recommended')})" if kind is rec.decision else ""), effect_text, cost)
        for kind, text, effect_text, cost in options
    ]
    chosen = next(text for kind, text, _, _ in options if kind is rec.decision)
    advice = (w("memo.recommendation", text=summary) if team
              else w("memo.recommend", option=chosen))  # fmt: skip
    option_section = Section("options", w("sec.options"), [
        DataTable([w("h.option"), w("h.effect"), w("h.price")], rows),
        Paragraph(advice),
    ])  # fmt: skip
    approvers = rec.approvers if team else (p.client.id,)
    decision = Section("decision", w("sec.decision"), [
        Callout(Tone.DECISION, w("memo.decide")),
        Paragraph(w("memo.approvers", who=", ".join(approvers))),
    ])  # fmt: skip
    sections = [asked, effect, option_section, decision]
    from clientpm.reports.document import Rag, Status

    rag = Rag.RED if impact.schedule.breaches else Rag.AMBER if slip > 0 else Rag.GREEN
    if team:
        reasons = [r.text(w.locale) for r in rec.reasons]
        summary_lines = reasons[:5]
    else:
        reasons = _effect_lines(impact, w)
        summary_lines = [*reasons[:4], advice]  # a summary holds five bullets at most
    title_key = "title.change_team" if team else "title.change"
    return Report(kind="change", title=w(title_key, id=change_request.id,
                                         title=change_request.title),
                  project=p.name, period_start=day, period_end=day, as_of=day, locale=w.locale,
                  status=Status(rag, reasons), summary=summary_lines, sections=sections,
                  footnotes=footnotes(sections, w))  # fmt: skip
