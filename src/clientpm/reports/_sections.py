"""The sections of the weekly and monthly reports, and plugin sections.

"Completed in the period" means completed, delivered or accepted on a day in
that range, in the project's time zone.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from clientpm._hooks import call_plugins, plugin_items
from clientpm.enums import (
    ChangeStatus,
    FeedbackKind,
    MilestoneStatus,
    RequirementStatus,
)
from clientpm.errors import PluginError
from clientpm.metrics.risk_matrix import DEFAULT_MATRIX, heat_map, risk_changes
from clientpm.metrics.satisfaction import working_hours_between
from clientpm.model.project import Project
from clientpm.reports import document as doc
from clientpm.reports._context import (
    TOP_RISKS,
    SectionContext,
    in_period,
    local_day,
    open_risks,
)
from clientpm.reports.health import HealthPolicy, ReportFacts
from clientpm.reports.wording import Words

if TYPE_CHECKING:
    from clientpm.model.change import ChangeRequest

__all__ = ["Sections", "footnotes", "plugin_sections"]


class Sections:
    """Computes the shared facts of one period report once."""

    def __init__(
        self,
        kind: str,
        facts: ReportFacts,
        w: Words,
        previous: Project | None,
        policy: HealthPolicy,
    ) -> None:
        project, as_of, plan = facts.project, facts.as_of, facts.schedule
        self.kind, self.project, self.as_of, self.w = kind, project, as_of, w
        self.previous, self.policy, self.plan, self.facts = previous, policy, plan, facts
        if kind == "weekly":
            self.start = as_of.subtract(days=6)
            self.next_end = as_of.add(days=7)
        elif as_of == as_of.end_of("month"):  # a month-end report covers the calendar month
            self.start = as_of.start_of("month")
            self.next_end = as_of.add(days=1).end_of("month")
        else:
            self.start = as_of.subtract(months=1).add(days=1)
            self.next_end = as_of.add(months=1)
        self.forecast = {f.id: f for f in plan.forecasts()}
        self.feedback_state = facts.feedback
        self.complaints = [
            f for f in project.feedback
            if f.kind is FeedbackKind.COMPLAINT and not self.feedback_state[f.id].resolved
            and self.feedback_state[f.id].received <= as_of
        ]  # fmt: skip
        self.status = facts.health(locale=w.locale, policy=policy)

    # -- sections --------------------------------------------------------------
    def done(self) -> tuple[doc.Section, int]:
        w, p = self.w, self.project
        items = []
        for r in p.requirements:
            day = local_day(p, r.completed_at)
            if r.status is RequirementStatus.DONE and in_period(day, self.start, self.as_of):
                items.append((day, w("done.req", id=r.id, title=r.title, date=w.date(day))))  # type: ignore[arg-type]
        for m in p.milestones:
            delivered = local_day(p, m.delivered_at)
            if in_period(delivered, self.start, self.as_of):
                items.append((delivered, w("done.ms", id=m.id, title=m.title,
                                           date=w.date(delivered))))  # type: ignore[arg-type]  # fmt: skip
            accepted = local_day(p, m.accepted_at)
            if in_period(accepted, self.start, self.as_of):
                who = m.accepted_by or ""
                items.append((accepted, w("done.accepted", id=m.id, title=m.title, who=who,
                                          date=w.date(accepted))))  # type: ignore[arg-type]  # fmt: skip
        items.sort(key=lambda pair: (pair[0], pair[1]))
        blocks: list[doc.Block] = (
            [doc.Bullets([t for _, t in items])] if items else [doc.Paragraph(w("none"))]
        )
        return doc.Section("done", w("sec.done"), blocks), len(items)

    def current(self) -> doc.Section:
        w, p = self.w, self.project
        spent = self.facts.spent
        stones = p.milestones
        on_track = sum(1 for m in stones if self.forecast[m.id].days_late <= 0)
        facts = doc.KeyFacts([
            (w("status"), self.status.rag.label(w.locale)),
            (w("f.budget"), w.money(p.budget)),
            (w("f.spent"), w.money(spent)),
            (w("f.forecast_cost"), w.money(self.facts.forecast_cost)),
            (w("f.milestones"), w("f.of", n=on_track, total=len(stones))),
            (w("f.open_risks"), str(len(open_risks(p)))),
            (w("f.open_complaints"), str(len(self.open_complaints()))),
        ])  # fmt: skip
        return doc.Section("status", w("sec.status"), [facts, doc.Bullets(self.status.reasons)])

    def upcoming(self) -> doc.Section:
        w, p = self.w, self.project
        items = []
        for m in p.milestones:
            f = self.forecast[m.id]
            if f.finished:
                continue
            if f.earliest_start <= self.next_end:
                items.append(w("next.ms", id=m.id, title=m.title, due=w.date(f.due),
                               forecast=w.date(f.forecast)))  # fmt: skip
        items.extend(
            w("next.review", id=r.id, title=r.title, date=w.date(r.next_review))
            for r in open_risks(p)
            if self.as_of < r.next_review <= self.next_end
        )
        key = "sec.next.weekly" if self.kind == "weekly" else "sec.next.monthly"
        return doc.Section(
            "next", w(key), [doc.Bullets(items)] if items else [doc.Paragraph(w("none"))]
        )

    def milestones(self) -> doc.Section:
        w, p = self.w, self.project
        rows, chart = [], []
        for m in p.milestones:
            f = self.forecast[m.id]
            if m.status is MilestoneStatus.ACCEPTED:
                state = w("state.accepted")
            elif f.finished:
                state = w("state.done")
            else:
                state = w("state.late") if f.days_late > 0 else w("state.on_track")
            rows.append((f"{m.id} {m.title}", w.date(f.due), w.date(f.forecast),
                         w.date(f.baseline_due), str(max(f.days_late, 0)), state))  # fmt: skip
            chart.append(doc.TimelineRow(f"{m.id} {m.title}", f.baseline_due, f.forecast, f.due))
        headers = [w("h.milestone"), w("h.due"), w("h.forecast"), w("h.baseline"), w("h.slip"),
                   w("h.state")]  # fmt: skip
        blocks: list[doc.Block] = [doc.DataTable(headers, rows, numeric=[4])]
        if chart:
            blocks.append(doc.Timeline(w("timeline"), chart, today=self.as_of))
        return doc.Section("milestones", w("sec.milestones"), blocks)

    def risks(self, limit: int | None = TOP_RISKS, *, key: str = "risks") -> doc.Section:
        w = self.w
        risks = open_risks(self.project)
        shown = risks if limit is None else risks[:limit]
        if not shown:
            return doc.Section(key, w("sec.risks" if key == "risks" else "sec.register"),
                           [doc.Paragraph(w("risk.none"))])  # fmt: skip
        rows = [
            (f"{r.id} {r.title}", str(r.score), f"{r.probability} × {r.impact}", r.owner,
             w.enum(r.strategy), w.date(r.next_review))
            for r in shown
        ]  # fmt: skip
        headers = [w("h.risk"), w("h.score"), f"{w('probability')} × {w('impact')}",
                   w("h.owner"), w("h.strategy"), w("h.review")]  # fmt: skip
        title = w("sec.risks" if key == "risks" else "sec.register")
        return doc.Section(key, title, [doc.DataTable(headers, rows, numeric=[1])])

    def heatmap(self) -> doc.Section:
        w = self.w
        levels = tuple(tuple(level.rank for level in row) for row in DEFAULT_MATRIX.grid())
        counts = heat_map(self.project, DEFAULT_MATRIX)
        chart = doc.HeatMap(w("sec.heatmap"), w("probability"), w("impact"), counts, levels)
        return doc.Section("heatmap", w("sec.heatmap"), [chart])

    def awaiting(self) -> list[ChangeRequest]:
        waiting = (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED)
        return [c for c in self.project.change_requests if c.status in waiting]

    def changes(self) -> doc.Section:
        w, p = self.w, self.project
        rows = []
        for cr in self.awaiting():
            a = cr.assessment
            effort = w.number(a.effort_days) if a else w("cr.not_assessed")
            price = w.money(a.price) if a and a.price else "—"
            advice = w.enum(a.recommendation) if a else "—"
            rows.append((w("cr.row", id=cr.id, title=cr.title), cr.requested_by,
                         w.instant(cr.submitted_at, p.client.timezone), effort, price, advice,
                         w.enum(cr.status)))  # fmt: skip
        if not rows:
            return doc.Section("changes", w("sec.changes"), [doc.Paragraph(w("none"))])
        headers = [w("h.change"), w("h.requested"), w("h.received"), w("h.effort"),
                   w("h.price"), w("h.recommendation"), w("h.state")]  # fmt: skip
        return doc.Section("changes", w("sec.changes"), [doc.DataTable(headers, rows, numeric=[3])])

    def open_complaints(self) -> list[Any]:
        return self.complaints

    def feedback(self) -> doc.Section:
        w, p = self.w, self.project
        complaint_ids = {f.id for f in self.complaints}
        shown = [
            f for f in p.feedback
            if in_period(self.feedback_state[f.id].received, self.start, self.as_of)
            or f.id in complaint_ids
        ]  # fmt: skip
        rows = []
        for f in sorted(shown, key=lambda f: (f.received_at, f.id)):
            state = self.feedback_state[f.id]
            if state.responded and f.responded_at is not None:
                hours = working_hours_between(f.received_at, f.responded_at, calendar=p.calendar,
                                              timezone=p.client.timezone)  # fmt: skip
                response = w("hours", n=w.number(hours.quantize(Decimal("0.1"))))
            else:
                response = w("waiting")
            rows.append((f.id, w.enum(f.kind), f.stakeholder,
                         w.instant(f.received_at, p.client.timezone), f.text, response,
                         w("yes") if state.resolved else w("no")))  # fmt: skip
        if not rows:
            return doc.Section("feedback", w("sec.feedback"), [doc.Paragraph(w("none"))])
        headers = [w("h.id"), w("h.kind"), w("h.from"), w("h.received"), w("sec.feedback"),
                   w("h.response"), w("h.resolved")]  # fmt: skip
        return doc.Section("feedback", w("sec.feedback"), [doc.DataTable(headers, rows)])

    def commitments(self) -> doc.Section:
        w, p = self.w, self.project
        at_risk = {c.commitment_id: c for c in self.facts.commitments_at_risk}
        items = []
        for c in p.commitments:
            if c.status.is_closed:  # open or renegotiated promises are still to keep
                continue
            risk = at_risk.get(c.id)
            if risk is not None:
                note = (
                    w("commit.overdue") if risk.overdue else w("commit.late", days=risk.days_late)
                )
            elif c.due <= self.next_end:
                note = w("commit.due")
            else:
                continue
            row = w("commit.row", promise=c.promise, to=c.to, due=w.date(c.due))
            items.append(f"{c.id}: {row} — {note}")
        blocks: list[doc.Block] = [doc.Bullets(items)] if items else [doc.Paragraph(w("none"))]
        return doc.Section("commitments", w("sec.commitments"), blocks)

    def decisions(self) -> tuple[doc.Section, int]:
        w, p = self.w, self.project
        items = [w("decide.cr", id=c.id, title=c.title) for c in self.awaiting()]
        items += [
            w("decide.signoff", id=r.id, title=r.title)
            for r in p.requirements if r.status is RequirementStatus.DRAFT
        ]  # fmt: skip
        items += [
            w("decide.accept", id=m.id, title=m.title,
              date=w.date(local_day(p, m.delivered_at)))  # type: ignore[arg-type]
            for m in p.milestones if m.status is MilestoneStatus.DELIVERED
        ]  # fmt: skip
        blocks: list[doc.Block] = [doc.Callout(doc.Tone.DECISION, t) for t in items] or [
            doc.Paragraph(w("none"))
        ]
        return doc.Section("decisions", w("sec.decisions"), blocks), len(items)

    def since(self, previous: Project) -> doc.Section:
        from clientpm.scheduling.result import schedule as compute

        w, p = self.w, self.project
        items: list[str] = []
        before = {f.id: f for f in compute(previous, as_of=self.start.subtract(days=1)).forecasts()}
        items.extend(
            w("since.forecast", id=m.id, old=w.date(before[m.id].forecast),
              new=w.date(self.forecast[m.id].forecast))
            for m in p.milestones
            if m.id in before and before[m.id].forecast != self.forecast[m.id].forecast
        )  # fmt: skip
        changes = risk_changes(previous, p)
        items += [w("since.new_risk", id=i, title=p.risk(i).title) for i in changes.new]
        items += [w("since.closed_risk", id=i, title=p.risk(i).title) for i in changes.closed]
        items += [
            w("since.risk_level", id=i, old=a.label(w.locale), new=b.label(w.locale))
            for i, a, b in (*changes.escalated, *changes.de_escalated)
        ]
        old_crs = {c.id: c for c in previous.change_requests}
        for c in p.change_requests:
            was = old_crs.get(c.id)
            if was is None:
                items.append(w("since.new_cr", id=c.id, title=c.title))
            elif was.status is not c.status:
                items.append(w("since.cr_status", id=c.id, status=w.enum(c.status)))
        seen = {f.id for f in previous.feedback}
        new_feedback = sum(1 for f in p.feedback if f.id not in seen)
        if new_feedback:
            items.append(w("since.new_feedback", n=new_feedback))
        blocks: list[doc.Block] = (
            [doc.Bullets(items)] if items else [doc.Paragraph(w("since.nothing"))]
        )
        return doc.Section("since", w("sec.since"), blocks)

    def summary(self, done: int, decisions: int) -> list[str]:
        w = self.w
        late = [(f.days_late, f.id) for f in self.forecast.values()
                if not f.finished and f.days_late > 0]  # fmt: skip
        lines = [w("summary.rag", rag=self.status.rag.label(w.locale))]
        if late:
            days, mid = max(late)
            lines.append(w("summary.late", n=len(late), days=days, id=mid))
        else:
            lines.append(w("summary.on_track"))
        lines.append(w("summary.done", n=done))
        if decisions:
            lines.append(w("summary.decisions", n=decisions))
        complaints = len(self.open_complaints())
        if complaints:
            lines.append(w("summary.complaints", n=complaints))
        return lines[:5]


def plugin_sections(
    sections: object, context: SectionContext
) -> tuple[list[doc.Section], list[PluginError]]:
    return call_plugins(
        plugin_items(sections, f"{context.kind}_report.sections", "report section"),
        "build",
        lambda builder: builder(context),
        expected="a Section or None",
        accept=lambda x: x is None or isinstance(x, doc.Section),
    )


def footnotes(sections: list[doc.Section], w: Words) -> list[tuple[str, str]]:
    from clientpm.smart.glossary import check_jargon

    words: list[str] = []
    for section in sections:
        words.append(section.title)
        for block in section.blocks:
            if isinstance(block, doc.DataTable):
                words.extend(block.headers)
    seen: dict[str, str] = {}
    for jargon in check_jargon("\n".join(words), locale=w.locale):
        seen.setdefault(jargon.term, jargon.explanation)
    return sorted(seen.items())
