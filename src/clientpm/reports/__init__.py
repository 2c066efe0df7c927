"""Client reports: documents, builders, the status policy and renderers.

Build a report with :func:`weekly_report`, :func:`monthly_report`,
:func:`change_memo` or :func:`risk_register`, then :func:`render` it as
Markdown, HTML or text (or a plugin's format).
"""

from __future__ import annotations

from clientpm.reports.builders import (
    SectionContext,
    change_memo,
    monthly_report,
    risk_register,
    weekly_report,
)
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
from clientpm.reports.rendering import render
from clientpm.reports.status import StatusPolicy, project_status

__all__ = [
    "Bullets",
    "Callout",
    "DataTable",
    "HeatMap",
    "KeyFacts",
    "Paragraph",
    "Rag",
    "Report",
    "Section",
    "SectionContext",
    "Status",
    "StatusPolicy",
    "Timeline",
    "TimelineRow",
    "Tone",
    "change_memo",
    "monthly_report",
    "project_status",
    "render",
    "risk_register",
    "weekly_report",
]
