"""The types of a SMART check: verdicts, letters, findings, rules, their context and report.

A rule is a :class:`SmartRule` (a code, a letter and a check of a
:class:`SmartContext`); :func:`clientpm.smart.check.check_smart` runs the rules
and returns a :class:`SmartReport`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm._checks import describe
from clientpm._convert import to_decimal_or_keep, to_strings
from clientpm._display import Table
from clientpm.errors import PluginError, ValidationError
from clientpm.locale import catalogue, check_locale, say
from clientpm.model.goal import Goal
from clientpm.work_calendar import WorkCalendar

if TYPE_CHECKING:
    from clientpm.model.project import Project

__all__ = [
    "Finding",
    "Letter",
    "LetterResult",
    "SmartContext",
    "SmartReport",
    "SmartRule",
    "SmartSettings",
    "Verdict",
]


class Verdict(enum.Enum):
    """The judgement on one letter or finding, from best to worst.

    Example:
        >>> Verdict.worst([Verdict.PASS, Verdict.WARN])
        <Verdict.WARN: 'warn'>

    """

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        """0 for pass, 1 for warn, 2 for fail."""
        return list(Verdict).index(self)

    @classmethod
    def worst(cls, verdicts: Iterable[Verdict]) -> Verdict:
        """The worst of ``verdicts``; pass when there are none."""
        return max(verdicts, key=lambda v: v.rank, default=cls.PASS)

    def label(self, locale: str = "en") -> str:
        """The verdict as a reader sees it, e.g. ``"通过"``.

        Example:
            >>> Verdict.FAIL.label("zh")
            '不通过'

        """
        return say(check_locale(locale, "Verdict.label.locale"), "smart.verdict." + self.value)


class Letter(enum.Enum):
    """The five SMART letters.

    Example:
        >>> Letter("M").title("zh")
        '可衡量'

    """

    S = "S"
    M = "M"
    A = "A"
    R = "R"
    T = "T"

    def title(self, locale: str = "en") -> str:
        """The letter's name in ``locale`` (the catalogue message ``"smart.letter.<letter>"``).

        Example:
            >>> Letter.T.title(), Letter.T.title("zh_CN")
            ('Time-bound', '有时限')

        """
        return say(check_locale(locale, "Letter.title.locale"), "smart.letter." + self.value)


def _to_letter(value: object) -> Letter:
    try:
        return Letter(value)
    except ValueError:
        return value  # type: ignore[return-value]  # refused by the check below


@attrs.frozen
class Finding:
    """One thing a rule found about a goal.

    Attributes:
        code: Stable code of the rule that found it, e.g. ``"S-vague"``.
        letter: The letter it counts against.
        verdict: ``WARN`` or ``FAIL``.
        message: What is wrong, in the report's locale.
        suggestion: A concrete way to fix it, in the report's locale.
        evidence: The words or fields that triggered it.

    Example:
        >>> f = Finding("S-owner", Letter.S, Verdict.FAIL, "No owner.", "Name one.", ("owner",))
        >>> f.letter.value, f.verdict.value
        ('S', 'fail')

    """

    code: str
    letter: Letter = attrs.field(converter=_to_letter)
    verdict: Verdict
    message: str
    suggestion: str
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        where = f"Finding {self.code!r}"
        if not isinstance(self.letter, Letter):
            raise ValidationError.single(
                f"{where}.letter", f"expected one of S, M, A, R, T, got {describe(self.letter)}"
            )
        if self.verdict not in (Verdict.WARN, Verdict.FAIL):
            raise ValidationError.single(
                f"{where}.verdict", f"expected Verdict.WARN or Verdict.FAIL, got {self.verdict!r}"
            )


@attrs.frozen
class SmartSettings:
    """The bounds the built-in rules judge by; the defaults suit a typical client project.

    Attributes:
        max_change_factor: Largest ratio between target and baseline (either
            way) that counts as achievable; 3 means "at most three times
            better". Beyond it the goal fails Achievable.
        min_workdays: Fewest working days between the status date and the
            deadline for any goal to be achievable.
        min_words: Fewest words an English statement needs to say what changes.
        min_chinese_chars: Fewest Chinese characters a Chinese statement needs.

    Example:
        >>> SmartSettings(max_change_factor=2).max_change_factor
        Decimal('2')

    """

    max_change_factor: Decimal = attrs.field(default=Decimal(3), converter=to_decimal_or_keep)
    min_workdays: int = 5
    min_words: int = 4
    min_chinese_chars: int = 8

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.max_change_factor, Decimal) or not self.max_change_factor > 1:
            raise ValidationError.single(
                "SmartSettings.max_change_factor",
                f"expected a number above 1, got {describe(self.max_change_factor)}",
            )
        for name in ("min_workdays", "min_words", "min_chinese_chars"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError.single(
                    f"SmartSettings.{name}", f"expected a whole number >= 0, got {describe(value)}"
                )


@attrs.frozen
class SmartContext:
    """What a rule sees: the goal, the project if any, the date, the languages.

    Attributes:
        goal: The goal being checked.
        project: The project it belongs to, or ``None``.
        as_of: The status date.
        locale: The language findings are written in (``"en"`` or ``"zh"``).
        language: The language the statement is written in, detected.
        settings: The bounds for the built-in rules.
        calendar: The project's working calendar, or a Monday-to-Friday one.

    Example:
        >>> ctx = SmartContext(Goal(id="G1", statement="尽快提升满意度"), None,
        ...                    pendulum.date(2026, 11, 24), "en", "zh", SmartSettings(),
        ...                    WorkCalendar())
        >>> ctx.say("Add a number.", "加上数字。")
        'Add a number.'

    """

    goal: Goal
    project: Project | None
    as_of: pendulum.Date
    locale: str
    language: str
    settings: SmartSettings
    calendar: WorkCalendar

    def say(self, en: str, zh: str) -> str:
        """Pick the text for the report's locale.

        Built-in rules read the catalogue instead (:meth:`text`).
        """
        return zh if self.locale == "zh" else en

    def text(self, key: str, /, **params: object) -> str:
        """The catalogue message ``key`` in the report's locale, its ``{fields}`` filled in.

        Example:
            >>> ctx = SmartContext(Goal(id="G1", statement="x"), None, pendulum.date(2026, 11, 24),
            ...                    "zh", "en", SmartSettings(), WorkCalendar())
            >>> ctx.text("smart.M-unit", target="1.5")
            '目标值 1.5 没有单位。'

        """
        return say(self.locale, key, **params)

    def finding(
        self,
        code: str,
        letter: Letter | str,
        verdict: Verdict,
        message: tuple[str, str],
        suggestion: tuple[str, str],
        evidence: Iterable[str] = (),
    ) -> Finding:
        """Make a finding from English and Chinese texts, keeping the report's language.

        Example:
            >>> ctx = SmartContext(Goal(id="G1", statement="x"), None, pendulum.date(2026, 11, 24),
            ...                    "zh", "en", SmartSettings(), WorkCalendar())
            >>> found = ctx.finding("X-1", "S", Verdict.WARN, ("Vague.", "含糊。"),
            ...                     ("Fix.", "修改。"))
            >>> found.message
            '含糊。'

        """
        return Finding(
            code, Letter(letter), verdict, self.say(*message), self.say(*suggestion), evidence
        )


#: What a rule's check may return.
RuleResult = Finding | Iterable[Finding] | None


@attrs.frozen
class SmartRule:
    """A SMART rule: a stable code, the letter it judges, and a check.

    Attributes:
        code: Stable code, e.g. ``"M-unit"``; findings carry it.
        letter: The letter it judges.
        check: ``check(context)`` returns a :class:`Finding`, several, or
            ``None`` when the goal passes.
        description: One line on what the rule looks for, for the docs.

    Example:
        >>> def needs_sla(ctx):
        ...     if "SLA" not in ctx.goal.statement:
        ...         return ctx.finding("ACME-sla", "S", Verdict.WARN,
        ...                            ("No SLA named.", "未写明 SLA。"),
        ...                            ("Name the SLA.", "写明 SLA。"))
        >>> rule = SmartRule("ACME-sla", "S", needs_sla, "goals name their SLA")
        >>> rule.letter
        <Letter.S: 'S'>

    """

    code: str
    letter: Letter = attrs.field(converter=_to_letter)
    check: Callable[[SmartContext], RuleResult]
    description: str = ""

    def __attrs_post_init__(self) -> None:
        where = f"SmartRule {self.code!r}"
        if not isinstance(self.code, str) or not self.code.strip():
            raise ValidationError.single(
                "SmartRule.code", f"expected a non-empty text, got {describe(self.code)}"
            )
        if not isinstance(self.letter, Letter):
            raise ValidationError.single(
                f"{where}.letter", f"expected one of S, M, A, R, T, got {describe(self.letter)}"
            )
        if not callable(self.check):
            raise ValidationError.single(
                f"{where}.check", f"expected a callable, got {describe(self.check)}"
            )


@attrs.frozen
class LetterResult:
    """The verdict on one letter and the findings behind it.

    Example:
        >>> LetterResult(Letter.T, Verdict.PASS, ()).verdict.value
        'pass'

    """

    letter: Letter
    verdict: Verdict
    findings: tuple[Finding, ...]


@attrs.frozen
class SmartReport:
    """The SMART verdict on a goal, letter by letter.

    Attributes:
        subject: Which goal, e.g. ``"Goal 'G1'"``.
        statement: The goal's statement.
        as_of: The status date it was judged on.
        locale: The language of the findings.
        language: The language of the statement.
        letters: One :class:`LetterResult` per letter, in S, M, A, R, T order.
        errors: Plugin rules that failed to run; the other rules still ran.

    Example:
        >>> import clientpm as cpm
        >>> project = cpm.sample_project()
        >>> report = cpm.check_smart(project.goal("G1"), project=project,
        ...                          as_of=cpm.sample.SAMPLE_AS_OF)
        >>> report.is_smart, report.verdicts()
        (True, 'S:pass M:pass A:pass R:pass T:pass')

    """

    subject: str
    statement: str
    as_of: pendulum.Date
    locale: str
    language: str
    letters: tuple[LetterResult, ...]
    errors: tuple[PluginError, ...] = attrs.field(default=(), eq=False)

    @property
    def is_smart(self) -> bool:
        """Whether no letter fails (warnings allowed)."""
        return all(r.verdict is not Verdict.FAIL for r in self.letters)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, letter by letter."""
        return tuple(f for r in self.letters for f in r.findings)

    @property
    def failed(self) -> tuple[Letter, ...]:
        """The letters that fail."""
        return tuple(r.letter for r in self.letters if r.verdict is Verdict.FAIL)

    def verdict(self, letter: Letter | str) -> Verdict:
        """The verdict on one letter.

        Example:
            >>> import clientpm as cpm
            >>> project = cpm.sample_project()
            >>> cpm.check_smart(project.goal("G2"), project=project,
            ...                 as_of=cpm.sample.SAMPLE_AS_OF).verdict("M")
            <Verdict.FAIL: 'fail'>

        """
        wanted = Letter(letter)
        return next(r.verdict for r in self.letters if r.letter is wanted)

    def verdicts(self) -> str:
        """The five verdicts on one line, e.g. ``"S:pass M:fail A:pass R:warn T:pass"``."""
        return " ".join(f"{r.letter.value}:{r.verdict.value}" for r in self.letters)

    def table(self) -> Table:
        """The report as a table: letter, verdict, findings and suggestions."""
        words = catalogue(self.locale)
        headers = tuple(
            words("smart.table." + name)
            for name in ("letter", "verdict", "findings", "suggestions")
        )
        rows = [
            (
                f"{r.letter.value} ({r.letter.title(self.locale)})",
                r.verdict.label(self.locale),
                "\n".join(f"[{f.code}] {f.message}" for f in r.findings),
                "\n".join(f.suggestion for f in r.findings),
            )
            for r in self.letters
        ]
        verdict = words("smart.table.smart" if self.is_smart else "smart.table.not_smart")
        title = f"{self.subject}: {verdict}"
        return Table(title=title, caption=self.statement, headers=headers, rows=tuple(rows))

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return self.table().mimebundle()

    def __str__(self) -> str:
        return self.table().text()
