"""Report builders: weekly and monthly reports, the change memo and the risk register.

Periods: a weekly report covers the seven days ending on ``as_of`` and plans
the seven after it; a monthly report covers the month ending on ``as_of``
(from the same day of the previous month, exclusive) and plans the month after.
"Completed in the period" means completed, delivered or accepted on a day in
that range, in the project's time zone.

Every builder is pure: it reads the project and returns a
:class:`~clientpm.reports.document.Report`; nothing is rendered until
:func:`clientpm.render` is called.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from clientpm._checks import describe
from clientpm.enums import (
    ChangeStatus,
    FeedbackKind,
    MilestoneStatus,
    Recommendation,
    RequirementStatus,
    RiskStatus,
)
from clientpm.errors import PluginError, ValidationError
from clientpm.metrics.risk_matrix import DEFAULT_MATRIX, heat_map, risk_changes
from clientpm.metrics.satisfaction import feedback_state, working_hours_between
from clientpm.model.change import AddRequirement, MoveMilestone, RemoveRequirement, ReviseEstimate
from clientpm.model.project import Project
from clientpm.reports.document import (
    Block,
    Bullets,
    Callout,
    DataTable,
    HeatMap,
    KeyFacts,
    Paragraph,
    Report,
    Section,
    Timeline,
    TimelineRow,
    Tone,
)
from clientpm.reports.health import HealthPolicy, forecast_cost, project_health, spent_to_date
from clientpm.reports.wording import Words

if TYPE_CHECKING:
    from clientpm.impact.results import ChangeImpact
    from clientpm.model.change import ChangeRequest
    from clientpm.model.risk import Risk
    from clientpm.scheduling.result import Schedule

__all__ = [
    "SectionContext",
    "change_memo",
    "monthly_report",
    "risk_register",
    "weekly_report",
]

#: How many risks the weekly and monthly reports list.
TOP_RISKS = 5


@attrs.frozen
class SectionContext:
    """What a report-section plugin sees.

    Attributes:
        kind: ``"weekly"`` or ``"monthly"``.
        project: The project.
        previous: Last period's project, or ``None``.
        as_of: The status date.
        period_start: First day of the period.
        period_end: Last day of the period.
        locale: ``"en"`` or ``"zh"``.
        words: The report's wording (``ctx.words.date(day)``, ``ctx.words.money(m)``).
        schedule: The project's schedule as of ``as_of``.

    Example:
        >>> import clientpm as cpm
        >>> def hosting(ctx):
        ...     return cpm.Section("hosting", "Hosting", [cpm.Paragraph("Uptime 99.9%")])
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            sections={"hosting": hosting})
        >>> report.sections[-1].title
        'Hosting'

    """

    kind: str
    project: Project
    previous: Project | None
    as_of: pendulum.Date
    period_start: pendulum.Date
    period_end: pendulum.Date
    locale: str
    words: Words
    schedule: Schedule

    def say(self, en: str, zh: str) -> str:
        """Pick the text for the report's locale."""
        return zh if self.locale == "zh" else en


SectionBuilder = Callable[[SectionContext], "Section | None"]


def _check_project(value: object, where: str) -> Project:
    if not isinstance(value, Project):
        raise ValidationError.single(where, f"expected a Project, got {describe(value)}")
    return value


def _check_date(value: object, where: str, project: Project) -> pendulum.Date:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise ValidationError.single(
                where,
                f"expected a date or a time-zone-aware date and time, got naive {describe(value)}",
            )
        return project.calendar.local_date(value)
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    raise ValidationError.single(
        where, f"expected a pendulum.Date or DateTime, got {describe(value)}"
    )


def _locale(project: Project, locale: str | None) -> Words:
    return Words(project.client.locale if locale is None else locale)


def _local_day(project: Project, when: pendulum.DateTime | None) -> pendulum.Date | None:
    return None if when is None else project.calendar.local_date(when)


def _in(day: pendulum.Date | None, start: pendulum.Date, end: pendulum.Date) -> bool:
    return day is not None and start <= day <= end


def _score(risk: Risk) -> int:
    return risk.probability * risk.impact


def _open_risks(project: Project) -> list[Risk]:
    return sorted(
        (r for r in project.risks if r.status is not RiskStatus.CLOSED),
        key=lambda r: (-_score(r), r.id),
    )


class _Builder:
    """Computes the shared facts of one period report once."""

    def __init__(
        self,
        kind: str,
        project: Project,
        as_of: pendulum.Date,
        w: Words,
        previous: Project | None,
        policy: HealthPolicy,
        plan: Schedule,
    ) -> None:
        self.kind, self.project, self.as_of, self.w = kind, project, as_of, w
        self.previous, self.policy, self.plan = previous, policy, plan
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
        zone = project.client.timezone
        self.feedback_state = {
            f.id: feedback_state(f, as_of=as_of, timezone=zone) for f in project.feedback
        }
        self.complaints = [
            f for f in project.feedback
            if f.kind is FeedbackKind.COMPLAINT and not self.feedback_state[f.id].resolved
            and self.feedback_state[f.id].received <= as_of
        ]  # fmt: skip
        self.status = project_health(project, as_of=as_of, schedule=plan, locale=w.locale,
                                     policy=policy)  # fmt: skip

    # -- sections --------------------------------------------------------------
    def done(self) -> tuple[Section, int]:
        w, p = self.w, self.project
        items = []
        for r in p.requirements:
            day = _local_day(p, r.completed_at)
            if r.status is RequirementStatus.DONE and _in(day, self.start, self.as_of):
                items.append((day, w("done.req", id=r.id, title=r.title, date=w.date(day))))  # type: ignore[arg-type]
        for m in p.milestones:
            delivered = _local_day(p, m.delivered_at)
            if _in(delivered, self.start, self.as_of):
                items.append((delivered, w("done.ms", id=m.id, title=m.title,
                                           date=w.date(delivered))))  # type: ignore[arg-type]  # fmt: skip
            accepted = _local_day(p, m.accepted_at)
            if _in(accepted, self.start, self.as_of):
                who = m.accepted_by or ""
                items.append((accepted, w("done.accepted", id=m.id, title=m.title, who=who,
                                          date=w.date(accepted))))  # type: ignore[arg-type]  # fmt: skip
        items.sort(key=lambda pair: (pair[0], pair[1]))
        blocks: list[Block] = [Bullets([t for _, t in items])] if items else [Paragraph(w("none"))]
        return Section("done", w("sec.done"), blocks), len(items)

    def current(self) -> Section:
        w, p = self.w, self.project
        spent = spent_to_date(p, self.as_of)
        stones = p.milestones
        on_track = sum(1 for m in stones if self.forecast[m.id].days_late <= 0)
        facts = KeyFacts([
            (w("status"), self.status.rag.label(w.locale)),
            (w("f.budget"), w.money(p.budget)),
            (w("f.spent"), w.money(spent)),
            (w("f.forecast_cost"), w.money(forecast_cost(p, self.as_of))),
            (w("f.milestones"), w("f.of", n=on_track, total=len(stones))),
            (w("f.open_risks"), str(len(_open_risks(p)))),
            (w("f.open_complaints"), str(len(self.open_complaints()))),
        ])  # fmt: skip
        return Section("status", w("sec.status"), [facts, Bullets(self.status.reasons)])

    def upcoming(self) -> Section:
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
            for r in _open_risks(p)
            if self.as_of < r.next_review <= self.next_end
        )
        key = "sec.next.weekly" if self.kind == "weekly" else "sec.next.monthly"
        return Section("next", w(key), [Bullets(items)] if items else [Paragraph(w("none"))])

    def milestones(self) -> Section:
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
            chart.append(TimelineRow(f"{m.id} {m.title}", f.baseline_due, f.forecast, f.due))
        headers = [w("h.milestone"), w("h.due"), w("h.forecast"), w("h.baseline"), w("h.slip"),
                   w("h.state")]  # fmt: skip
        blocks: list[Block] = [DataTable(headers, rows, numeric=[4])]
        if chart:
            blocks.append(Timeline(w("timeline"), chart, today=self.as_of))
        return Section("milestones", w("sec.milestones"), blocks)

    def risks(self, limit: int | None = TOP_RISKS, *, key: str = "risks") -> Section:
        w = self.w
        risks = _open_risks(self.project)
        shown = risks if limit is None else risks[:limit]
        if not shown:
            return Section(key, w("sec.risks" if key == "risks" else "sec.register"),
                           [Paragraph(w("risk.none"))])  # fmt: skip
        rows = [
            (f"{r.id} {r.title}", str(_score(r)), f"{r.probability} × {r.impact}", r.owner,
             w.enum(r.strategy), w.date(r.next_review))
            for r in shown
        ]  # fmt: skip
        headers = [w("h.risk"), w("h.score"), f"{w('probability')} × {w('impact')}",
                   w("h.owner"), w("h.strategy"), w("h.review")]  # fmt: skip
        title = w("sec.risks" if key == "risks" else "sec.register")
        return Section(key, title, [DataTable(headers, rows, numeric=[1])])

    def heatmap(self) -> Section:
        w = self.w
        levels = tuple(tuple(level.rank for level in row) for row in DEFAULT_MATRIX.grid())
        counts = heat_map(self.project, DEFAULT_MATRIX)
        chart = HeatMap(w("sec.heatmap"), w("probability"), w("impact"), counts, levels)
        return Section("heatmap", w("sec.heatmap"), [chart])

    def awaiting(self) -> list[ChangeRequest]:
        waiting = (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED)
        return [c for c in self.project.change_requests if c.status in waiting]

    def changes(self) -> Section:
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
            return Section("changes", w("sec.changes"), [Paragraph(w("none"))])
        headers = [w("h.change"), w("h.requested"), w("h.received"), w("h.effort"),
                   w("h.price"), w("h.recommendation"), w("h.state")]  # fmt: skip
        return Section("changes", w("sec.changes"), [DataTable(headers, rows, numeric=[3])])

    def open_complaints(self) -> list[Any]:
        return self.complaints

    def feedback(self) -> Section:
        w, p = self.w, self.project
        complaint_ids = {f.id for f in self.complaints}
        shown = [
            f for f in p.feedback
            if _in(self.feedback_state[f.id].received, self.start, self.as_of)
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
            return Section("feedback", w("sec.feedback"), [Paragraph(w("none"))])
        headers = [w("h.id"), w("h.kind"), w("h.from"), w("h.received"), w("sec.feedback"),
                   w("h.response"), w("h.resolved")]  # fmt: skip
        return Section("feedback", w("sec.feedback"), [DataTable(headers, rows)])

    def commitments(self) -> Section:
        from clientpm.scheduling.expectations import commitments_at_risk

        w, p = self.w, self.project
        at_risk = {c.commitment_id: c for c in
                   commitments_at_risk(p, as_of=self.as_of, schedule=self.plan)}  # fmt: skip
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
        blocks: list[Block] = [Bullets(items)] if items else [Paragraph(w("none"))]
        return Section("commitments", w("sec.commitments"), blocks)

    def decisions(self) -> tuple[Section, int]:
        w, p = self.w, self.project
        items = [w("decide.cr", id=c.id, title=c.title) for c in self.awaiting()]
        items += [
            w("decide.signoff", id=r.id, title=r.title)
            for r in p.requirements if r.status is RequirementStatus.DRAFT
        ]  # fmt: skip
        items += [
            w("decide.accept", id=m.id, title=m.title,
              date=w.date(_local_day(p, m.delivered_at)))  # type: ignore[arg-type]
            for m in p.milestones if m.status is MilestoneStatus.DELIVERED
        ]  # fmt: skip
        blocks: list[Block] = [Callout(Tone.DECISION, t) for t in items] or [Paragraph(w("none"))]
        return Section("decisions", w("sec.decisions"), blocks), len(items)

    def since(self, previous: Project) -> Section:
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
        blocks: list[Block] = [Bullets(items)] if items else [Paragraph(w("since.nothing"))]
        return Section("since", w("sec.since"), blocks)

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


def _section_list(sections: object) -> list[tuple[str, object]]:
    if sections is None:
        return []
    if isinstance(sections, Mapping):
        return [(str(k), v) for k, v in sections.items()]
    if isinstance(sections, Iterable) and not isinstance(sections, (str, bytes)):
        return [(getattr(s, "__name__", type(s).__name__), s) for s in sections]
    raise ValidationError.single(
        "report.sections",
        f"expected report sections (a mapping or a list) or None, got {describe(sections)}",
    )


def _plugin_sections(
    sections: object, context: SectionContext
) -> tuple[list[Section], list[PluginError]]:
    built: list[Section] = []
    errors: list[PluginError] = []
    for name, builder in _section_list(sections):
        try:
            section = builder(context)  # type: ignore[operator]
        except Exception as err:  # a plugin must not stop the report
            errors.append(PluginError(name, "build", f"{type(err).__name__}: {err}"))
            continue
        if section is None:
            continue
        if not isinstance(section, Section):
            errors.append(
                PluginError(name, "build", f"expected a Section or None, got {describe(section)}")
            )
            continue
        built.append(section)
    return built, errors


def _period_report(
    kind: str,
    project: object,
    as_of: object,
    locale: str | None,
    previous: object,
    policy: HealthPolicy | None,
    sections: object,
    schedule: Schedule | None,
) -> Report:
    from clientpm.scheduling.result import Schedule, schedule as compute

    p = _check_project(project, f"{kind}_report.project")
    day = _check_date(as_of, f"{kind}_report.as_of", p)
    if previous is not None:
        _check_project(previous, f"{kind}_report.previous")
    if policy is not None and not isinstance(policy, HealthPolicy):
        raise ValidationError.single(
            f"{kind}_report.policy", f"expected a HealthPolicy or None, got {describe(policy)}"
        )
    w = _locale(p, locale)
    if schedule is not None and not isinstance(schedule, Schedule):
        raise ValidationError.single(
            f"{kind}_report.schedule", f"expected a Schedule or None, got {describe(schedule)}"
        )
    plan = schedule if schedule is not None else compute(p, as_of=day)
    b = _Builder(kind, p, day, w, previous, policy or HealthPolicy(), plan)  # type: ignore[arg-type]
    done, n_done = b.done()
    decisions, n_decisions = b.decisions()
    body = [done, b.current(), b.upcoming(), b.milestones(), b.risks()]
    if kind == "monthly":
        body.append(b.heatmap())
    body += [b.changes(), b.feedback(), b.commitments(), decisions]
    if isinstance(previous, Project):
        body.append(b.since(previous))
    context = SectionContext(kind, p, previous if isinstance(previous, Project) else None, day,
                             b.start, day, w.locale, w, plan)  # fmt: skip
    extra, errors = _plugin_sections(sections, context)
    body += extra
    for err in errors:
        body.append(Section(f"error:{err.plugin}", err.plugin, [Callout(Tone.WARNING, str(err))]))
    title = w(f"title.{kind}", project=p.name)
    return Report(kind=kind, title=title, project=p.name, period_start=b.start, period_end=day,
                  as_of=day, locale=w.locale, status=b.status,
                  summary=b.summary(n_done, n_decisions), sections=body,
                  footnotes=_footnotes(body, w))  # fmt: skip


def _footnotes(sections: list[Section], w: Words) -> list[tuple[str, str]]:
    from clientpm.smart.glossary import check_jargon

    words: list[str] = []
    for section in sections:
        words.append(section.title)
        for block in section.blocks:
            if isinstance(block, DataTable):
                words.extend(block.headers)
    seen: dict[str, str] = {}
    for jargon in check_jargon("\n".join(words), locale=w.locale):
        seen.setdefault(jargon.term, jargon.explanation)
    return sorted(seen.items())


def weekly_report(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    locale: str | None = None,
    previous: Project | None = None,
    policy: HealthPolicy | None = None,
    sections: Mapping[str, SectionBuilder] | Iterable[SectionBuilder] | None = None,
    schedule: Schedule | None = None,
) -> Report:
    """The weekly client report (D7): the seven days ending on ``as_of``.

    Sections, in order: work completed, current status, plan for next week,
    milestones (with a timeline chart), top risks, change requests awaiting the
    client, feedback and complaints, commitments due or at risk, decisions
    needed, then — with ``previous`` — what changed since last week, then any
    plugin sections.

    Args:
        project: The project.
        as_of: The status date (a DateTime is read in the project's time zone).
        locale: ``"en"`` or ``"zh"``; by default the client's.
        previous: Last week's project, to report what changed.
        policy: The red/amber/green thresholds (:class:`HealthPolicy`).
        sections: Extra sections, e.g. ``host.report_sections()``: builders
            called with a :class:`SectionContext`.
        schedule: The project's schedule as of ``as_of``, if already computed.

    Raises:
        ValidationError: for a project that is not a Project, a bad date or locale.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            locale="zh")
        >>> report.title, [s.key for s in report.sections][:3]
        ('项目周报：ACME HR portal', ['done', 'status', 'next'])

    """
    return _period_report("weekly", project, as_of, locale, previous, policy, sections, schedule)


def monthly_report(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    locale: str | None = None,
    previous: Project | None = None,
    policy: HealthPolicy | None = None,
    sections: Mapping[str, SectionBuilder] | Iterable[SectionBuilder] | None = None,
    schedule: Schedule | None = None,
) -> Report:
    """The monthly client report: as :func:`weekly_report`, over a month, with a risk heat map.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.monthly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> report.period_start, "heatmap" in [s.key for s in report.sections]
        (Date(2026, 10, 25), True)

    """
    return _period_report("monthly", project, as_of, locale, previous, policy, sections, schedule)


def risk_register(
    project: Project,
    *,
    as_of: pendulum.Date | pendulum.DateTime,
    locale: str | None = None,
    policy: HealthPolicy | None = None,
) -> Report:
    """Every open risk, highest score first, with the heat map.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.risk_register(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)
        >>> [s.key for s in report.sections]
        ['register', 'heatmap']

    """
    from clientpm.scheduling.result import schedule as compute

    p = _check_project(project, "risk_register.project")
    day = _check_date(as_of, "risk_register.as_of", p)
    w = _locale(p, locale)
    b = _Builder("risks", p, day, w, None, policy or HealthPolicy(), compute(p, as_of=day))
    high = [r for r in _open_risks(p) if _score(r) >= b.policy.amber_risk_score]
    summary = [w("summary.rag", rag=b.status.rag.label(w.locale))]
    if high:
        summary.append(w("summary.risks", n=len(high)))
    sections = [b.risks(None, key="register"), b.heatmap()]
    return Report(
        kind="risks", title=w("title.risks", project=p.name), project=p.name,
        period_start=day, period_end=day, as_of=day, locale=w.locale, status=b.status,
        summary=summary, sections=sections, footnotes=_footnotes(sections, w),
    )  # fmt: skip


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


def change_memo(
    project: Project,
    change_request: ChangeRequest,
    impact: ChangeImpact,
    *,
    locale: str | None = None,
) -> Report:
    """The client-facing memo for a change: what was asked, its effect, the options, the decision.

    Args:
        project: The project.
        change_request: The request.
        impact: Its assessment (:func:`clientpm.assess_change`).
        locale: ``"en"`` or ``"zh"``; by default the client's.

    Example:
        >>> import clientpm as cpm
        >>> p = cpm.sample_project()
        >>> cr = p.change_request("CR-1")
        >>> memo = cpm.change_memo(p, cr, cpm.assess_change(p, cr, as_of=cpm.sample.SAMPLE_AS_OF))
        >>> [s.key for s in memo.sections]
        ['asked', 'effect', 'options', 'decision']

    """
    from clientpm.impact.results import ChangeImpact
    from clientpm.model.change import ChangeRequest

    p = _check_project(project, "change_memo.project")
    if not isinstance(change_request, ChangeRequest):
        raise ValidationError.single(
            "change_memo.change_request",
            f"expected a ChangeRequest, got {describe(change_request)}",
        )
    if not isinstance(impact, ChangeImpact) or impact.change_request_id != change_request.id:
        got = describe(impact) if not isinstance(impact, ChangeImpact) else (
            f"the impact of {impact.change_request_id!r}")  # fmt: skip
        raise ValidationError.single(
            "change_memo.impact", f"expected the ChangeImpact of {change_request.id!r}, got {got}"
        )
    w = _locale(p, locale)
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
    options = [
        (Recommendation.REJECT, w("memo.reject"), w("memo.reject_effect"), w("memo.price_none")),
        (Recommendation.ABSORB, w("memo.absorb"), impact.summary, w("memo.price_none")),
        (Recommendation.BILL, w("memo.bill", price=w.money(price)), impact.summary,
         w.money(price)),
    ]  # fmt: skip
    rows = [
        (text + (f" ({w('memo.recommended')})" if kind is rec.decision else ""), effect_text, cost)
        for kind, text, effect_text, cost in options
    ]
    option_section = Section("options", w("sec.options"), [
        DataTable([w("h.option"), w("h.effect"), w("h.price")], rows),
        Paragraph(w("memo.recommendation", text=rec.explain(w.locale))),
    ])  # fmt: skip
    decision = Section("decision", w("sec.decision"), [
        Callout(Tone.DECISION, w("memo.decide")),
        Paragraph(w("memo.approvers", who=", ".join(rec.approvers))),
    ])  # fmt: skip
    sections = [asked, effect, option_section, decision]
    from clientpm.reports.document import Rag, Status

    rag = Rag.RED if impact.schedule.breaches else Rag.AMBER if slip > 0 else Rag.GREEN
    reasons = [r.text(w.locale) for r in rec.reasons]
    return Report(kind="change", title=w("title.change", id=change_request.id,
                                         title=change_request.title),
                  project=p.name, period_start=day, period_end=day, as_of=day, locale=w.locale,
                  status=Status(rag, reasons), summary=reasons[:5], sections=sections,
                  footnotes=_footnotes(sections, w))  # fmt: skip
