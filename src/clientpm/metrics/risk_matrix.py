"""The risk matrix as data: scales, scoring, levels, exposure and what changed (D9).

A :class:`RiskMatrix` holds the labels of its probability and impact scales
(English and Chinese, 5 x 5 by default), how a score is computed
(probability x impact, or probability + impact), the thresholds from score to
level, and the probability each scale step stands for (for exposure). The
thresholds are configuration, not code:

=========  ==================  ==============
Level      default (product)   additive
=========  ==================  ==============
low        1-4                 2-4
medium     5-9                 5-6
high       10-19               7-8
critical   20-25               9-10
=========  ==================  ==============
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm._checks import describe
from clientpm.enums import RiskStatus
from clientpm.errors import ValidationError
from clientpm.locale import check_locale, say
from clientpm.money import Money

if TYPE_CHECKING:
    from clientpm.model.project import Project
    from clientpm.model.risk import Risk

__all__ = [
    "DEFAULT_MATRIX",
    "RiskChanges",
    "RiskLevel",
    "RiskMatrix",
    "RiskRating",
    "contingency_reserve",
    "heat_map",
    "rate_risk",
    "risk_changes",
    "stale_risks",
]


class RiskLevel(enum.Enum):
    """Low, medium, high or critical.

    Example:
        >>> RiskLevel.HIGH.label("zh"), RiskLevel.HIGH > RiskLevel.MEDIUM
        ('高', True)

    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for low up to 3 for critical."""
        return list(RiskLevel).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank < other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank <= other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank >= other.rank

    def label(self, locale: str = "en") -> str:
        """The level's name in ``locale`` (the catalogue message ``"risk.level.<level>"``).

        Example:
            >>> RiskLevel.CRITICAL.label(), RiskLevel.CRITICAL.label("zh_CN")
            ('critical', '极高')

        """
        return say(check_locale(locale, "RiskLevel.label.locale"), "risk.level." + self.value)


#: The default scales, ``(English, Chinese)`` per step: the words of the
#: catalogue messages ``"risk.probability.<step>"`` and ``"risk.impact.<step>"``,
#: kept here as the matrix's configuration (a test keeps the two equal).
#: :meth:`RiskMatrix.probability_label` reads a default step from the catalogue.
_PROBABILITY = (
    ("rare", "极少"), ("unlikely", "不太可能"), ("possible", "可能"),
    ("likely", "很可能"), ("almost certain", "几乎确定"),
)  # fmt: skip
_IMPACT = (
    ("negligible", "可忽略"), ("minor", "较小"), ("moderate", "中等"),
    ("major", "重大"), ("severe", "严重"),
)  # fmt: skip


def _to_thresholds(value: object) -> tuple[tuple[int, RiskLevel], ...]:
    try:
        pairs: Iterable[tuple[object, object]] = value  # type: ignore[assignment]
        return tuple((int(str(score)), RiskLevel(level)) for score, level in pairs)
    except (TypeError, ValueError):
        raise ValidationError.single(
            "RiskMatrix.thresholds",
            f"expected (score, level) pairs with levels low/medium/high/critical, "
            f"got {describe(value)}",
        ) from None


def _to_fractions(value: object) -> tuple[Decimal, ...]:
    try:
        values: Iterable[object] = value  # type: ignore[assignment]
        return tuple(Decimal(str(v)) for v in values)
    except (TypeError, ArithmeticError):
        raise ValidationError.single(
            "RiskMatrix.probabilities", f"expected fractions from 0 to 1, got {describe(value)}"
        ) from None


@attrs.frozen
class RiskMatrix:
    """Scales, scoring and thresholds of a risk matrix.

    Attributes:
        probability_labels: ``(English, Chinese)`` label of each probability step,
            lowest first (read them in any locale with :meth:`probability_label`).
        impact_labels: The same for impact.
        scoring: ``"product"`` (probability x impact) or ``"sum"``.
        thresholds: ``(lowest score, level)`` pairs, ascending; a score takes
            the level of the last threshold it reaches.
        probabilities: The chance each probability step stands for, as a
            fraction (for exposure and expected monetary value).

    Example:
        >>> DEFAULT_MATRIX.score(3, 4), DEFAULT_MATRIX.level(12).value
        (12, 'high')
        >>> additive = RiskMatrix(scoring="sum", thresholds=[(2, "low"), (5, "medium"),
        ...                                                  (7, "high"), (9, "critical")])
        >>> additive.score(3, 4), additive.level(7).value
        (7, 'high')

    """

    probability_labels: tuple[tuple[str, str], ...] = _PROBABILITY
    impact_labels: tuple[tuple[str, str], ...] = _IMPACT
    scoring: str = "product"
    thresholds: tuple[tuple[int, RiskLevel], ...] = attrs.field(
        default=((1, RiskLevel.LOW), (5, RiskLevel.MEDIUM), (10, RiskLevel.HIGH),
                 (20, RiskLevel.CRITICAL)),
        converter=_to_thresholds,
    )  # fmt: skip
    probabilities: tuple[Decimal, ...] = attrs.field(
        default=(Decimal("0.1"), Decimal("0.3"), Decimal("0.5"), Decimal("0.7"), Decimal("0.9")),
        converter=_to_fractions,
    )

    def __attrs_post_init__(self) -> None:
        where = "RiskMatrix"
        if self.scoring not in ("product", "sum"):
            raise ValidationError.single(
                f"{where}.scoring", f"expected 'product' or 'sum', got {describe(self.scoring)}"
            )
        if len(self.probabilities) != len(self.probability_labels):
            raise ValidationError.single(
                f"{where}.probabilities",
                f"expected one per probability step ({len(self.probability_labels)}), "
                f"got {len(self.probabilities)}",
            )
        if not all(Decimal(0) <= p <= Decimal(1) for p in self.probabilities):
            raise ValidationError.single(
                f"{where}.probabilities",
                f"expected fractions from 0 to 1, got {self.probabilities}",
            )
        scores = [s for s, _ in self.thresholds]
        if not scores or scores != sorted(set(scores)):
            raise ValidationError.single(
                f"{where}.thresholds", f"expected ascending, distinct scores, got {scores}"
            )

    @property
    def size(self) -> tuple[int, int]:
        """Steps of probability and impact, e.g. ``(5, 5)``."""
        return len(self.probability_labels), len(self.impact_labels)

    def probability_label(self, step: int, locale: str = "en") -> str:
        """The name of probability step ``step`` (1 = lowest) in ``locale``.

        A step of the default scale reads the catalogue message
        ``"risk.probability.<step>"``; a matrix with its own labels gives its
        Chinese label in ``"zh"`` and its English one in any other locale.

        Example:
            >>> DEFAULT_MATRIX.probability_label(5), DEFAULT_MATRIX.probability_label(5, "zh")
            ('almost certain', '几乎确定')

        """
        return self._label("probability", step, locale)

    def impact_label(self, step: int, locale: str = "en") -> str:
        """The name of impact step ``step`` in ``locale``, as :meth:`probability_label`.

        Example:
            >>> DEFAULT_MATRIX.impact_label(1), DEFAULT_MATRIX.impact_label(1, "zh_CN")
            ('negligible', '可忽略')

        """
        return self._label("impact", step, locale)

    def _label(self, kind: str, step: int, locale: str) -> str:
        where = f"RiskMatrix.{kind}_label"
        code = check_locale(locale, f"{where}.locale")
        labels = self.probability_labels if kind == "probability" else self.impact_labels
        if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= len(labels):
            raise ValidationError.single(
                f"{where}.step", f"expected 1 to {len(labels)}, got {describe(step)}"
            )
        if labels == (_PROBABILITY if kind == "probability" else _IMPACT):
            return say(code, f"risk.{kind}.{step}")
        return labels[step - 1][1 if code == "zh" else 0]

    def _check(self, probability: int, impact: int, where: str) -> None:
        rows, columns = self.size
        if not (isinstance(probability, int) and 1 <= probability <= rows):
            raise ValidationError.single(
                f"{where}.probability", f"expected 1 to {rows}, got {describe(probability)}"
            )
        if not (isinstance(impact, int) and 1 <= impact <= columns):
            raise ValidationError.single(
                f"{where}.impact", f"expected 1 to {columns}, got {describe(impact)}"
            )

    def score(self, probability: int, impact: int) -> int:
        """The score of a probability and an impact step."""
        self._check(probability, impact, "RiskMatrix.score")
        return probability * impact if self.scoring == "product" else probability + impact

    def level(self, score: int) -> RiskLevel:
        """The level a score falls in (the lowest level below the first threshold)."""
        found = self.thresholds[0][1]
        for lowest, level in self.thresholds:
            if score >= lowest:
                found = level
        return found

    def grid(self) -> tuple[tuple[RiskLevel, ...], ...]:
        """The level of every cell: ``grid()[p - 1][i - 1]``.

        Example:
            >>> DEFAULT_MATRIX.grid()[4][4].value
            'critical'

        """
        rows, columns = self.size
        return tuple(
            tuple(self.level(self.score(p, i)) for i in range(1, columns + 1))
            for p in range(1, rows + 1)
        )


#: The 5 x 5 product matrix with the thresholds in the module documentation.
DEFAULT_MATRIX = RiskMatrix()


@attrs.frozen
class RiskRating:
    """One risk rated on a matrix: inherent and residual score and level, exposure.

    ``exposure`` is the expected monetary value: the probability the step
    stands for times the cost impact (``None`` without a cost impact);
    ``residual`` uses the residual probability and impact when the risk
    records them (after its response), else the inherent ones.

    Example:
        >>> import clientpm as cpm
        >>> rating = rate_risk(cpm.sample_project().risk("R1"))
        >>> rating.score, rating.level.value, rating.exposure
        (12, 'high', Money('8000.00', 'CNY'))

    """

    risk_id: str
    score: int
    level: RiskLevel
    residual_score: int
    residual_level: RiskLevel
    exposure: Money | None
    residual_exposure: Money | None


def rate_risk(risk: Risk, matrix: RiskMatrix = DEFAULT_MATRIX) -> RiskRating:
    """Rate a risk on a matrix (see :class:`RiskRating`).

    Example:
        >>> import clientpm as cpm
        >>> rate_risk(cpm.sample_project().risk("R3")).level
        <RiskLevel.MEDIUM: 'medium'>

    """
    where = f"rate_risk({risk.label})"
    matrix._check(risk.probability, risk.impact, where)
    p2 = risk.residual_probability or risk.probability
    i2 = risk.residual_impact or risk.impact
    matrix._check(p2, i2, f"{where}.residual")
    score, residual = matrix.score(risk.probability, risk.impact), matrix.score(p2, i2)

    def exposure(probability: int) -> Money | None:
        if risk.cost_impact is None:
            return None
        return risk.cost_impact * matrix.probabilities[probability - 1]

    return RiskRating(risk.id, score, matrix.level(score), residual, matrix.level(residual),
                      exposure(risk.probability), exposure(p2))  # fmt: skip


def _active(project: Project) -> list[Risk]:
    return [r for r in project.risks if r.status is not RiskStatus.CLOSED]


def contingency_reserve(
    project: Project, matrix: RiskMatrix = DEFAULT_MATRIX, *, residual: bool = True
) -> Money:
    """The sum of the open risks' expected monetary value: the reserve to hold.

    With ``residual`` (the default) each risk counts at its residual
    probability, after its planned response.

    Example:
        >>> import clientpm as cpm
        >>> contingency_reserve(cpm.sample_project())
        Money('18400.00', 'CNY')

    """
    total = Money.zero(project.currency)
    for risk in _active(project):
        rating = rate_risk(risk, matrix)
        value = rating.residual_exposure if residual else rating.exposure
        if value is not None:
            total = total + value
    return total


def heat_map(
    project: Project, matrix: RiskMatrix = DEFAULT_MATRIX, *, residual: bool = False
) -> tuple[tuple[int, ...], ...]:
    """How many open risks sit in each cell: ``heat_map(p)[probability - 1][impact - 1]``.

    Example:
        >>> import clientpm as cpm
        >>> heat_map(cpm.sample_project())[2]
        (0, 0, 1, 1, 0)

    """
    rows, columns = matrix.size
    counts = [[0] * columns for _ in range(rows)]
    for risk in _active(project):
        p = (risk.residual_probability or risk.probability) if residual else risk.probability
        i = (risk.residual_impact or risk.impact) if residual else risk.impact
        matrix._check(p, i, f"heat_map({risk.label})")
        counts[p - 1][i - 1] += 1
    return tuple(tuple(row) for row in counts)


def stale_risks(project: Project, *, as_of: pendulum.Date) -> tuple[Risk, ...]:
    """Open risks whose next review date has passed as of a date, most overdue first.

    Example:
        >>> import clientpm as cpm
        >>> [r.id for r in stale_risks(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF)]
        ['R2']

    """
    stale = [r for r in _active(project) if r.is_stale(as_of)]
    return tuple(sorted(stale, key=lambda r: (r.next_review, r.id)))


@attrs.frozen
class RiskChanges:
    """What changed in the risks between two snapshots of a project.

    Example:
        >>> RiskChanges((), (), (), ()).anything
        False

    """

    new: tuple[str, ...]
    closed: tuple[str, ...]
    escalated: tuple[tuple[str, RiskLevel, RiskLevel], ...]
    de_escalated: tuple[tuple[str, RiskLevel, RiskLevel], ...]

    @property
    def anything(self) -> bool:
        """Whether anything changed."""
        return bool(self.new or self.closed or self.escalated or self.de_escalated)


def risk_changes(
    before: Project, after: Project, matrix: RiskMatrix = DEFAULT_MATRIX
) -> RiskChanges:
    """New, closed, escalated and de-escalated risks from one snapshot to the next.

    Example:
        >>> import attrs, clientpm as cpm
        >>> before = cpm.sample_project()
        >>> after = before.replace(attrs.evolve(before.risk("R3"), impact=5))
        >>> risk_changes(before, after).escalated
        (('R3', <RiskLevel.MEDIUM: 'medium'>, <RiskLevel.HIGH: 'high'>),)

    """
    old = {r.id: r for r in before.risks}
    new_ids, closed, up, down = [], [], [], []
    for risk in after.risks:
        was = old.get(risk.id)
        if was is None:
            new_ids.append(risk.id)
            continue
        if risk.status is RiskStatus.CLOSED:
            if was.status is not RiskStatus.CLOSED:
                closed.append(risk.id)
            continue
        a, b = rate_risk(was, matrix).level, rate_risk(risk, matrix).level
        if b > a:
            up.append((risk.id, a, b))
        elif b < a:
            down.append((risk.id, a, b))
    return RiskChanges(tuple(new_ids), tuple(closed), tuple(up), tuple(down))
