"""SMART goals and plain words: goal checks, acceptance criteria and jargon.

- :mod:`clientpm.smart.types`: verdicts, letters, findings, rules and the report.
- :mod:`clientpm.smart.check`: :func:`check_smart`, which runs the rules.
- :mod:`clientpm.smart.rules`: the built-in rules, registered through the plugin hook.
- :mod:`clientpm.smart.acceptance`: :func:`check_acceptance_criteria` (D3).
- :mod:`clientpm.smart.lexicon`: the word lists the rules read, in English and Chinese.
- :mod:`clientpm.smart.glossary`: :func:`check_jargon` and the built-in glossary (D12).

Example:
    >>> import clientpm as cpm
    >>> project = cpm.sample_project()
    >>> as_of = cpm.sample.SAMPLE_AS_OF
    >>> cpm.smart.check_smart(project.goal("G1"), project=project, as_of=as_of).is_smart
    True

"""

from __future__ import annotations

from clientpm.smart.acceptance import CriteriaReport, CriterionResult, check_acceptance_criteria
from clientpm.smart.check import check_smart
from clientpm.smart.glossary import Glossary, Jargon, Term, check_jargon
from clientpm.smart.types import (
    Finding,
    Letter,
    LetterResult,
    SmartContext,
    SmartReport,
    SmartRule,
    SmartSettings,
    Verdict,
)

__all__ = [
    "CriteriaReport",
    "CriterionResult",
    "Finding",
    "Glossary",
    "Jargon",
    "Letter",
    "LetterResult",
    "SmartContext",
    "SmartReport",
    "SmartRule",
    "SmartSettings",
    "Term",
    "Verdict",
    "check_acceptance_criteria",
    "check_jargon",
    "check_smart",
]
