"""SMART checks of goals: Specific, Measurable, Achievable, Relevant, Time-bound (D2).

:func:`check_smart` runs every rule over a goal and returns a
:class:`SmartReport`: a verdict per letter (pass, warn or fail), each finding
with a stable code, a message and a suggestion in the reader's language, and
the evidence that triggered it. A goal is SMART when no letter fails;
warnings are advice.

The statement's language (English or Chinese) is detected from its text and
picks the word lists; the ``locale`` picks the language of the findings, so a
Chinese goal can be reviewed in English and the other way round.

The built-in rules are in :mod:`clientpm.smart.rules`; plugins add their own
through the ``clientpm_register_smart_rules`` hook, and a rule is just a
:class:`SmartRule`: a code, a letter and a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pendulum

from clientpm._checks import describe
from clientpm._hooks import call_plugin, plugin_items
from clientpm.errors import PluginError, ValidationError
from clientpm.locale import check_locale
from clientpm.model.goal import Goal
from clientpm.smart.lexicon import detect_language
from clientpm.work_calendar import WorkCalendar, status_day

if TYPE_CHECKING:
    from clientpm.model.project import Project
from clientpm.smart.rules import BUILTIN_RULES
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

__all__ = ["check_smart", "run_rules"]


def run_rules(
    rules: object, context: SmartContext, *, where: str = "run_rules.rules"
) -> tuple[list[Finding], list[PluginError]]:
    """Run every rule; one that raises or returns a non-finding becomes a ``PluginError``.

    ``rules`` is a registry such as ``host.smart_rules()``, another mapping, a
    list, or ``None`` for the built-in rules. The error names the plugin that
    registered the rule, and the rule's code.

    Raises:
        ValidationError: naming ``where`` for ``rules`` of another kind.

    Example:
        >>> def boom(ctx):
        ...     raise RuntimeError("no network here")
        >>> ctx = SmartContext(Goal(id="G1", statement="x"), None, pendulum.date(2026, 11, 24),
        ...                    "en", "en", SmartSettings(), WorkCalendar())
        >>> findings, errors = run_rules([SmartRule("X-boom", "S", boom)], ctx)
        >>> findings, errors[0].item, errors[0].reason
        ([], 'X-boom', "SMART rule 'X-boom': RuntimeError: no network here")

    """
    findings: list[Finding] = []
    errors: list[PluginError] = []
    for entry in plugin_items(rules, where, "SMART rule", default=BUILTIN_RULES):
        if not isinstance(entry.item, SmartRule):
            reason = f"expected a SmartRule, got {describe(entry.item)}"
            errors.append(entry.error("clientpm_register_smart_rules", reason))
            continue
        found, error = call_plugin(entry, "check", lambda rule: rule.check(context))
        if error is not None:
            errors.append(error)
            continue
        batch = [] if found is None else [found] if isinstance(found, Finding) else found
        try:
            items = list(batch)
        except TypeError:
            items = [batch]
        bad = [f for f in items if not isinstance(f, Finding)]
        if bad:
            reason = f"expected Finding objects or None, got {describe(bad[0])}"
            errors.append(entry.error("check", reason))
            continue
        findings.extend(items)
    return findings, errors


def check_smart(
    goal: Goal,
    *,
    project: Project | None = None,
    as_of: pendulum.Date | pendulum.DateTime,
    locale: str = "en",
    rules: Iterable[SmartRule] | Mapping[str, SmartRule] | None = None,
    settings: SmartSettings | None = None,
) -> SmartReport:
    """Judge a goal letter by letter against SMART.

    Args:
        goal: The goal.
        project: Its project, for the checks that need one (the owner is a
            stakeholder, the supported requirements exist, the deadline is
            within the project and the team has the capacity).
        as_of: The status date; a time-zone-aware DateTime is read in the
            project's time zone.
        locale: Language of the findings, ``"en"`` or ``"zh"``.
        rules: The rules to run, e.g. ``host.smart_rules()``; by default the
            built-in ones (:data:`clientpm.smart.rules.BUILTIN_RULES`).
        settings: Bounds for the built-in rules; :class:`SmartSettings` defaults.

    Returns:
        The report; ``report.is_smart`` is true when no letter fails.

    Raises:
        ValidationError: for a goal that is not a Goal, a project that is not
            a Project, a bad ``as_of`` or an unknown locale.

    Example:
        >>> import clientpm as cpm
        >>> goal = cpm.Goal(id="G9", statement="尽快提升员工满意度", owner="zhang.min")
        >>> report = cpm.check_smart(goal, as_of=pendulum.date(2026, 11, 24), locale="en")
        >>> report.language, report.verdicts()
        ('zh', 'S:fail M:fail A:pass R:fail T:fail')
        >>> report.findings[0].code, report.findings[0].evidence
        ('S-vague', ('尽快', '提升'))

    """
    from clientpm.model.project import require_project

    if not isinstance(goal, Goal):
        raise ValidationError.single("check_smart.goal", f"expected a Goal, got {describe(goal)}")
    project = require_project(project, "check_smart.project", optional=True)
    code = check_locale(locale, "check_smart.locale")
    if settings is None:
        settings = SmartSettings()
    elif not isinstance(settings, SmartSettings):
        raise ValidationError.single(
            "check_smart.settings", f"expected SmartSettings or None, got {describe(settings)}"
        )
    calendar = project.calendar if project is not None else WorkCalendar()
    context = SmartContext(
        goal=goal,
        project=project,
        as_of=status_day(as_of, calendar, "check_smart.as_of"),
        locale=code,
        language=detect_language(goal.statement),
        settings=settings,
        calendar=calendar,
    )
    findings, errors = run_rules(rules, context, where="check_smart.rules")
    letters = tuple(
        LetterResult(
            letter,
            Verdict.worst(f.verdict for f in findings if f.letter is letter),
            tuple(f for f in findings if f.letter is letter),
        )
        for letter in Letter
    )
    return SmartReport(
        subject=goal.label,
        statement=goal.statement,
        as_of=context.as_of,
        locale=code,
        language=context.language,
        letters=letters,
        errors=tuple(errors),
    )
