"""The risk register: every risk of the project, rated on the risk matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from clientpm.model.project import Project
from clientpm.reports._context import check_project, open_risks, words_for
from clientpm.reports._sections import Sections, footnotes
from clientpm.reports.document import (
    Report,
)
from clientpm.reports.health import HealthPolicy, ReportFacts, check_policy
from clientpm.work_calendar import status_day

if TYPE_CHECKING:
    pass

__all__ = ["risk_register"]


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

    p = check_project(project, "risk_register.project")
    day = status_day(as_of, p.calendar, "risk_register.as_of")
    w = words_for(p, locale, "risk_register.locale")
    checked = check_policy(policy, "risk_register")
    facts = ReportFacts.of(p, day, compute(p, as_of=day))
    b = Sections("risks", facts, w, None, checked)
    high = [r for r in open_risks(p) if r.score >= b.policy.amber_risk_score]
    summary = [w("summary.rag", rag=b.status.rag.label(w.locale))]
    if high:
        summary.append(w("summary.risks", n=len(high)))
    sections = [b.risks(None, key="register"), b.heatmap()]
    return Report(
        kind="risks", title=w("title.risks", project=p.name), project=p.name,
        period_start=day, period_end=day, as_of=day, locale=w.locale, status=b.status,
        summary=summary, sections=sections, footnotes=footnotes(sections, w),
    )  # fmt: skip
