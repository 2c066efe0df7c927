"""Testability checks of a requirement's acceptance criteria (D1).

A criterion the client signs off must be something a tester can check:
:func:`check_acceptance_criteria` flags criteria that are vague ("fast",
"user-friendly", "尽快", "友好") and criteria with nothing observable (no
number, no visible outcome such as "shows", "returns", "收到"). It uses the
same word lists and findings as :func:`clientpm.check_smart`; vagueness counts
against S, untestability against M.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from clientpm._checks import describe
from clientpm._display import Table
from clientpm.errors import ValidationError
from clientpm.locale import catalogue, check_locale
from clientpm.model.requirement import Requirement
from clientpm.smart.lexicon import OBSERVABLE, VAGUE, detect_language, find_terms, has_number
from clientpm.smart.types import Finding, Letter, Verdict

__all__ = ["CriteriaReport", "CriterionResult", "check_acceptance_criteria"]


@attrs.frozen
class CriterionResult:
    """The verdict on one acceptance criterion.

    Example:
        >>> CriterionResult("Shows 20 results per page", Verdict.PASS, ()).verdict.value
        'pass'

    """

    criterion: str
    verdict: Verdict
    findings: tuple[Finding, ...]


@attrs.frozen
class CriteriaReport:
    """Which acceptance criteria of a requirement a tester could check.

    Attributes:
        subject: Which requirement, e.g. ``"Requirement 'REQ-2'"``.
        locale: The language of the findings.
        criteria: One result per criterion, in order.
        findings: Findings about the requirement as a whole (no criteria).

    Example:
        >>> import clientpm as cpm
        >>> req = cpm.Requirement(id="REQ-9", title="Search",
        ...                       acceptance_criteria=["Search is fast and user-friendly",
        ...                                            "Results show within 2 seconds"])
        >>> report = cpm.check_acceptance_criteria(req)
        >>> report.is_testable, [c.verdict.value for c in report.criteria]
        (False, ['fail', 'pass'])

    """

    subject: str
    locale: str
    criteria: tuple[CriterionResult, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def is_testable(self) -> bool:
        """Whether there are criteria and none of them fails."""
        return not self.findings and all(c.verdict is not Verdict.FAIL for c in self.criteria)

    def table(self) -> Table:
        """The report as a table: criterion, verdict, findings and suggestions."""
        words = catalogue(self.locale)
        headers = tuple(
            words("smart.table." + name)
            for name in ("criterion", "verdict", "findings", "suggestions")
        )
        rows = tuple(
            (
                c.criterion,
                c.verdict.label(self.locale),
                "\n".join(f"[{f.code}] {f.message}" for f in c.findings),
                "\n".join(f.suggestion for f in c.findings),
            )
            for c in self.criteria
        )
        notes = " ".join(f.message for f in self.findings)
        verdict = words("smart.table.testable" if self.is_testable else "smart.table.not_testable")
        return Table(f"{self.subject}: {verdict}", notes, headers, rows)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return self.table().mimebundle()

    def __str__(self) -> str:
        return self.table().text()


def _found(code: str, letter: Letter, verdict: Verdict, key: str, locale: str,
           evidence: Iterable[str], **params: object) -> Finding:  # fmt: skip
    """A finding whose message is the catalogue message ``key`` and its fix ``key + ".fix"``."""
    messages = catalogue(locale)
    return Finding(
        code, letter, verdict, messages(key, **params), messages(key + ".fix", **params), evidence
    )


def _judge(criterion: str, locale: str) -> CriterionResult:
    language = detect_language(criterion)
    vague = find_terms(criterion, VAGUE[language], language)
    observable = find_terms(criterion, OBSERVABLE[language], language, stem=True)
    numbered = has_number(criterion)
    findings = []
    if vague and not numbered:
        shown = ", ".join(vague)
        findings.append(
            _found("AC-vague", Letter.S, Verdict.FAIL, "smart.AC-vague.fail", locale, vague,
                   shown=shown)
        )  # fmt: skip
    elif not numbered and not observable:
        findings.append(
            _found("AC-untestable", Letter.M, Verdict.FAIL, "smart.AC-untestable", locale,
                   (criterion,))
        )  # fmt: skip
    elif vague:
        shown = catalogue(locale)["format.list"].join(vague)
        findings.append(
            _found("AC-vague", Letter.S, Verdict.WARN, "smart.AC-vague.warn", locale, vague,
                   shown=shown)
        )  # fmt: skip
    return CriterionResult(criterion, Verdict.worst(f.verdict for f in findings), tuple(findings))


def check_acceptance_criteria(requirement: Requirement, *, locale: str = "en") -> CriteriaReport:
    """Check that each acceptance criterion of a requirement can be tested.

    Args:
        requirement: The requirement.
        locale: Language of the findings, ``"en"`` or ``"zh"``; each
            criterion's own language is detected from its text.

    Raises:
        ValidationError: for something that is not a Requirement, or an unknown locale.

    Example:
        >>> import clientpm as cpm
        >>> req = cpm.Requirement(id="REQ-8", title="请假审批",
        ...                       acceptance_criteria=["审批流程尽量简单"])
        >>> report = cpm.check_acceptance_criteria(req, locale="zh")
        >>> report.criteria[0].findings[0].message
        '含糊的词（尽量），没有测试人员能核对的数字。'

    """
    if not isinstance(requirement, Requirement):
        raise ValidationError.single(
            "check_acceptance_criteria.requirement",
            f"expected a Requirement, got {describe(requirement)}",
        )
    code = check_locale(locale, "check_acceptance_criteria.locale")
    overall: tuple[Finding, ...] = ()
    if not requirement.acceptance_criteria:
        overall = (
            _found("AC-none", Letter.M, Verdict.FAIL, "smart.AC-none", code,
                   ("acceptance_criteria",)),
        )  # fmt: skip
    return CriteriaReport(
        subject=requirement.label,
        locale=code,
        criteria=tuple(_judge(c, code) for c in requirement.acceptance_criteria),
        findings=overall,
    )
