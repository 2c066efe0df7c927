"""The weekly and the monthly report.

Periods: a weekly report covers the seven days ending on ``as_of`` and plans
the seven after it; a monthly report covers the month ending on ``as_of``
(from the same day of the previous month, exclusive) and plans the month after.

Every builder is pure: it reads the project and returns a
:class:`~clientpm.reports.document.Report`; nothing is rendered until
:func:`clientpm.render` is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pendulum

from clientpm.model.project import Project
from clientpm.reports._context import (
    SectionBuilder,
    SectionContext,
    check_project,
    words_for,
)
from clientpm.reports._sections import Sections, footnotes, plugin_sections
from clientpm.reports.document import (
    Callout,
    Report,
    Section,
    Tone,
)
from clientpm.reports.health import HealthPolicy, ReportFacts, check_policy
from clientpm.work_calendar import status_day

if TYPE_CHECKING:
    from clientpm.scheduling.result import Schedule

__all__ = ["monthly_report", "weekly_report"]


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
    from clientpm.scheduling.result import schedule_for

    p = check_project(project, f"{kind}_report.project")
    day = status_day(as_of, p.calendar, f"{kind}_report.as_of")
    if previous is not None:
        check_project(previous, f"{kind}_report.previous")
    checked = check_policy(policy, f"{kind}_report")
    w = words_for(p, locale, f"{kind}_report.locale")
    plan = schedule_for(p, day, schedule, f"{kind}_report")
    facts = ReportFacts.of(p, day, plan)
    b = Sections(kind, facts, w, previous if isinstance(previous, Project) else None, checked)
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
    extra, errors = plugin_sections(sections, context)
    body += extra
    for err in errors:
        name = err.item or err.plugin
        body.append(Section(f"error:{name}", name, [Callout(Tone.WARNING, str(err))]))
    title = w(f"title.{kind}", project=p.name)
    return Report(kind=kind, title=title, project=p.name, period_start=b.start, period_end=day,
                  as_of=day, locale=w.locale, status=b.status,
                  summary=b.summary(n_done, n_decisions), sections=body,
                  footnotes=footnotes(body, w))  # fmt: skip


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
