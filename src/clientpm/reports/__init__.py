"""Client reports: documents, builders, the status policy and renderers.

Build a report with :func:`weekly_report`, :func:`monthly_report`,
:func:`change_memo` or :func:`risk_register`, then :func:`render` it as
Markdown, HTML or text (or a plugin's format).
"""

from __future__ import annotations

from clientpm.reports._context import SectionContext
from clientpm.reports.document import (
    Bullets,
    Callout,
    DataTable,
    HeatMap,
    KeyFacts,
    Paragraph,
    Rag,
    Report,
    Section,
    Status,
    Timeline,
    TimelineRow,
    Tone,
)
from clientpm.reports.health import HealthPolicy, project_health
from clientpm.reports.memo import change_memo
from clientpm.reports.periodic import monthly_report, weekly_report
from clientpm.reports.register import risk_register
from clientpm.reports.rendering import render

__all__ = [
    "Bullets",
    "Callout",
    "DataTable",
    "HealthPolicy",
    "HeatMap",
    "KeyFacts",
    "Paragraph",
    "Rag",
    "Report",
    "Section",
    "SectionContext",
    "Status",
    "Timeline",
    "TimelineRow",
    "Tone",
    "change_memo",
    "monthly_report",
    "project_health",
    "render",
    "risk_register",
    "weekly_report",
]
