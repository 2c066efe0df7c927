"""What every report section is built from: the project, the day, the words.

A :class:`SectionContext` is handed to plugin sections; the private helpers
here check a builder's arguments and read the project's dates in its zone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm.enums import (
    RiskStatus,
)
from clientpm.locale import check_locale
from clientpm.model.project import Project, require_project
from clientpm.reports.document import (
    Section,
)
from clientpm.reports.wording import Words

if TYPE_CHECKING:
    from clientpm.model.risk import Risk
    from clientpm.scheduling.result import Schedule

__all__ = [
    "TOP_RISKS",
    "SectionBuilder",
    "SectionContext",
    "check_project",
    "in_period",
    "local_day",
    "open_risks",
    "words_for",
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
        """Pick the plugin's own text for the report's locale: Chinese in ``zh``, else English.

        Built-in sections read the catalogue instead (``ctx.words("sec.risks")``
        for a report message, ``ctx.words.say("rag.red")`` for any other). The
        context's locale is checked first (``SectionContext.say.locale``), so a
        context made with an unsupported locale is refused, not read in English.

        Example:
            >>> import clientpm as cpm
            >>> def hosting(ctx):
            ...     return cpm.Section("hosting", ctx.say("Hosting", "托管"), [])
            >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
            ...                            sections={"hosting": hosting})
            >>> report.sections[-1].title
            '托管'

        """
        return zh if check_locale(self.locale, "SectionContext.say.locale") == "zh" else en


SectionBuilder = Callable[[SectionContext], "Section | None"]


def check_project(value: object, where: str) -> Project:
    return require_project(value, where)


def words_for(project: Project, locale: str | None, where: str = "report.locale") -> Words:
    return Words(project.client.locale if locale is None else locale, where)


def local_day(project: Project, when: pendulum.DateTime | None) -> pendulum.Date | None:
    return None if when is None else project.calendar.local_date(when)


def in_period(day: pendulum.Date | None, start: pendulum.Date, end: pendulum.Date) -> bool:
    return day is not None and start <= day <= end


def open_risks(project: Project) -> list[Risk]:
    return sorted(
        (r for r in project.risks if r.status is not RiskStatus.CLOSED),
        key=lambda r: (-r.score, r.id),
    )
