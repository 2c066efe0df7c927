"""The risk matrix: levels, matrix checks, ratings, heat map, reserve and changes."""

import operator
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm.metrics.risk_matrix import (
    DEFAULT_MATRIX,
    RiskChanges,
    RiskLevel,
    RiskMatrix,
    contingency_reserve,
    heat_map,
    rate_risk,
    risk_changes,
    stale_risks,
)
from tests.helpers import AS_OF, SHANGHAI, message


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestRiskMatrix:
    def test_default_levels(self):
        levels = [DEFAULT_MATRIX.level(s).value for s in (1, 4, 5, 9, 10, 19, 20, 25)]
        assert ["low", "low", "medium", "medium", "high", "high", "critical", "critical"] == levels
        assert ("almost certain", "几乎确定") == DEFAULT_MATRIX.probability_labels[4]

    def test_additive_scoring(self):
        matrix = RiskMatrix(scoring="sum", thresholds=[(2, "low"), (5, "medium"), (7, "high"),
                                                       (9, "critical")])  # fmt: skip
        assert (7, RiskLevel.HIGH) == (matrix.score(3, 4), matrix.level(matrix.score(3, 4)))

    def test_inherent_residual_and_exposure(self, project):
        rating = rate_risk(project.risk("R1"))
        assert (12, "high", 6, "medium") == (
            rating.score, rating.level.value, rating.residual_score, rating.residual_level.value
        )  # fmt: skip
        assert cpm.Money("8000", "CNY") == rating.exposure  # 50 % x 16,000
        assert cpm.Money("4800", "CNY") == rating.residual_exposure  # 30 % x 16,000

    def test_contingency_reserve_is_the_sum_of_expected_values(self, project):
        assert cpm.Money("18400", "CNY") == contingency_reserve(project)
        assert cpm.Money("21600", "CNY") == contingency_reserve(project, residual=False)

    def test_heat_map_and_stale_risks(self, project):
        grid = heat_map(project)
        assert 1 == grid[2][3]
        assert 3 == sum(map(sum, grid))
        assert ["R2"] == [r.id for r in stale_risks(project, as_of=AS_OF)]
        assert [] == [r.id for r in stale_risks(project, as_of=pendulum.date(2026, 11, 19))]

    def test_changes_between_snapshots(self, project):
        at = pendulum.datetime(2026, 11, 24, 10, tz=SHANGHAI)
        after = project.replace(project.risk("R2").close(by="chen.jie", at=at, why="covered"),
                                attrs.evolve(project.risk("R1"), probability=5))  # fmt: skip
        after = after.add(cpm.Risk(id="R4", title="New", probability=1, impact=1, owner="chen.jie",
                                   next_review="2026-12-01"))  # fmt: skip
        changes = risk_changes(project, after)
        assert (("R4",), ("R2",)) == (changes.new, changes.closed)
        assert (("R1", RiskLevel.HIGH, RiskLevel.CRITICAL),) == changes.escalated
        assert not risk_changes(project, project).anything

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"scoring": "max"}, r"RiskMatrix\.scoring: expected 'product' or 'sum', got str 'max'"),
        ({"thresholds": [(5, "low"), (1, "high")]}, r"RiskMatrix\.thresholds: expected ascending"),
        ({"thresholds": [(1, "severe")]}, r"RiskMatrix\.thresholds: expected \(score, level\)"),
        ({"probabilities": [1, 2]}, r"RiskMatrix\.probabilities: expected one per probability"),
    ])  # fmt: skip
    def test_bad_matrix(self, kwargs, message):
        with pytest.raises(cpm.ValidationError, match=message):
            RiskMatrix(**kwargs)

    def test_score_out_of_scale(self):
        with pytest.raises(
            cpm.ValidationError, match=r"RiskMatrix\.score\.impact: expected 1 to 5"
        ):
            DEFAULT_MATRIX.score(3, 6)

    @given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
    def test_level_never_falls_as_probability_or_impact_rises(self, p, i, dp, di):
        """Monotonic: a riskier cell is never a lower level."""
        p2, i2 = max(p, dp), max(i, di)
        riskier = DEFAULT_MATRIX.level(DEFAULT_MATRIX.score(p2, i2))
        assert riskier.rank >= DEFAULT_MATRIX.level(DEFAULT_MATRIX.score(p, i)).rank


L, M, H, C = RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.CRITICAL


AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")


THREE = (("a", "甲"), ("b", "乙"), ("c", "丙"))


def small_matrix(**kwargs):
    """A 3 x 3 matrix, so that a valid 1-5 risk can fall outside it."""
    base = {"probability_labels": THREE, "impact_labels": THREE, "probabilities": [0.2, 0.5, 0.8]}
    return RiskMatrix(**{**base, **kwargs})


class TestRiskLevel:
    def test_rank_and_labels(self):
        assert [0, 1, 2, 3] == [level.rank for level in RiskLevel]
        assert ["low", "medium", "high", "critical"] == [level.label() for level in RiskLevel]
        assert ["low", "medium", "high", "critical"] == [level.label("en") for level in RiskLevel]
        assert ["低", "中", "高", "极高"] == [level.label("zh") for level in RiskLevel]

    def test_comparisons(self):
        assert (True, False, False) == (L < M, M < L, M < M)
        assert (True, False, False) == (M > L, L > M, M > M)
        assert (True, True, False) == (L <= M, M <= M, H <= M)
        assert (True, True, False) == (M >= L, M >= M, M >= H)

    @pytest.mark.parametrize("op", [operator.lt, operator.gt, operator.le, operator.ge])
    def test_comparison_with_another_type_is_not_implemented(self, op):
        with pytest.raises(TypeError):
            op(RiskLevel.LOW, 1)

    def test_dunder_returns_not_implemented(self):
        assert NotImplemented is L.__lt__(1)
        assert NotImplemented is L.__gt__(1)
        assert NotImplemented is L.__le__(1)
        assert NotImplemented is L.__ge__(1)


class TestMatrixChecks:
    def test_defaults(self):
        assert (5, 5) == DEFAULT_MATRIX.size
        assert "product" == DEFAULT_MATRIX.scoring
        assert ((1, L), (5, M), (10, H), (20, C)) == DEFAULT_MATRIX.thresholds
        expected = tuple(Decimal(v) for v in ("0.1", "0.3", "0.5", "0.7", "0.9"))
        assert expected == DEFAULT_MATRIX.probabilities
        assert ("rare", "极少") == DEFAULT_MATRIX.probability_labels[0]
        assert ("negligible", "可忽略") == DEFAULT_MATRIX.impact_labels[0]
        assert ("severe", "严重") == DEFAULT_MATRIX.impact_labels[4]

    def test_thresholds_converted_from_strings(self):
        matrix = RiskMatrix(thresholds=[("1", "low"), (7, "high")])
        assert ((1, L), (7, H)) == matrix.thresholds

    def test_bad_thresholds_type(self):
        expected = (
            "RiskMatrix.thresholds: expected (score, level) pairs with levels "
            "low/medium/high/critical, got int 5"
        )
        assert expected == message(RiskMatrix, thresholds=5)

    def test_bad_threshold_score(self):
        text = message(RiskMatrix, thresholds=[("x", "low")])
        assert text.startswith("RiskMatrix.thresholds: expected (score, level) pairs")

    def test_bad_fractions(self):
        expected = "RiskMatrix.probabilities: expected fractions from 0 to 1, got list ['x']"
        assert expected == message(RiskMatrix, probabilities=["x"])
        expected = "RiskMatrix.probabilities: expected fractions from 0 to 1, got int 3"
        assert expected == message(RiskMatrix, probabilities=3)

    def test_bad_scoring(self):
        expected = "RiskMatrix.scoring: expected 'product' or 'sum', got str 'max'"
        assert expected == message(RiskMatrix, scoring="max")

    def test_probability_count(self):
        expected = "RiskMatrix.probabilities: expected one per probability step (5), got 2"
        assert expected == message(RiskMatrix, probabilities=[0.1, 0.2])

    @pytest.mark.parametrize("bad", ["-0.1", "1.1"])
    def test_probability_range(self, bad):
        values = ["0.1", "0.2", bad, "0.4", "0.5"]
        shown = ", ".join(f"Decimal('{v}')" for v in values)
        expected = f"RiskMatrix.probabilities: expected fractions from 0 to 1, got ({shown})"
        assert expected == message(RiskMatrix, probabilities=values)

    def test_probability_bounds_allowed(self):
        matrix = RiskMatrix(probabilities=[0, 0, 1, 1, 1])
        assert (Decimal(0), Decimal(1)) == (matrix.probabilities[0], matrix.probabilities[4])

    @pytest.mark.parametrize(
        ("thresholds", "shown"),
        [([], "[]"), ([(1, "low"), (1, "high")], "[1, 1]"), ([(5, "low"), (1, "high")], "[5, 1]")],
    )
    def test_thresholds_ascending_distinct(self, thresholds, shown):
        expected = f"RiskMatrix.thresholds: expected ascending, distinct scores, got {shown}"
        assert expected == message(RiskMatrix, thresholds=thresholds)

    @pytest.mark.parametrize(
        ("probability", "impact", "where", "shown"),
        [
            (0, 3, "probability", "int 0"),
            (6, 3, "probability", "int 6"),
            (2.0, 3, "probability", "float 2.0"),
            (3, 0, "impact", "int 0"),
            (3, 6, "impact", "int 6"),
            (3, "2", "impact", "str '2'"),
        ],
    )
    def test_score_outside_the_scale(self, probability, impact, where, shown):
        expected = f"RiskMatrix.score.{where}: expected 1 to 5, got {shown}"
        assert expected == message(DEFAULT_MATRIX.score, probability, impact)

    def test_score_check_uses_rows_and_columns(self):
        matrix = RiskMatrix(probability_labels=THREE, probabilities=[0.1, 0.5, 0.9])
        assert (3, 5) == matrix.size
        assert 15 == matrix.score(3, 5)
        assert "RiskMatrix.score.probability: expected 1 to 3, got int 4" == message(
            matrix.score, 4, 1
        )
        assert "RiskMatrix.score.impact: expected 1 to 5, got int 6" == message(matrix.score, 1, 6)


class TestScoringAndLevels:
    def test_product_and_sum(self):
        assert (1, 6, 25) == (
            DEFAULT_MATRIX.score(1, 1),
            DEFAULT_MATRIX.score(2, 3),
            DEFAULT_MATRIX.score(5, 5),
        )
        additive = RiskMatrix(scoring="sum")
        assert (2, 5, 10) == (additive.score(1, 1), additive.score(2, 3), additive.score(5, 5))

    def test_below_the_first_threshold_is_the_first_level(self):
        matrix = RiskMatrix(thresholds=[(3, "medium"), (8, "critical")])
        assert [M, M, M, M, C, C] == [matrix.level(s) for s in (0, 2, 3, 7, 8, 30)]

    def test_grid(self):
        expected = (
            (L, L, L, L, M),
            (L, L, M, M, H),
            (L, M, M, H, H),
            (L, M, H, H, C),
            (M, H, H, C, C),
        )
        assert expected == DEFAULT_MATRIX.grid()

    def test_grid_of_a_rectangular_sum_matrix(self):
        matrix = RiskMatrix(
            probability_labels=THREE,
            probabilities=[0.1, 0.5, 0.9],
            scoring="sum",
            thresholds=[(2, "low"), (5, "medium"), (7, "high")],
        )
        assert ((L, L, L, M, M), (L, L, M, M, H), (L, M, M, H, H)) == matrix.grid()


class TestRateRisk:
    def test_r2_without_residual(self):
        rating = rate_risk(cpm.sample_project().risk("R2"))
        assert ("R2", 6, M, 6, M) == (
            rating.risk_id,
            rating.score,
            rating.level,
            rating.residual_score,
            rating.residual_level,
        )
        assert cpm.Money("3600", "CNY") == rating.exposure
        assert cpm.Money("3600", "CNY") == rating.residual_exposure

    def test_r1(self):
        rating = rate_risk(cpm.sample_project().risk("R1"))
        assert ("R1", 12, H, 6, M) == (
            rating.risk_id,
            rating.score,
            rating.level,
            rating.residual_score,
            rating.residual_level,
        )

    def test_only_residual_probability(self):
        risk = attrs.evolve(cpm.sample_project().risk("R3"), residual_probability=1)
        rating = rate_risk(risk)
        assert (9, 3) == (rating.score, rating.residual_score)
        assert cpm.Money("10000", "CNY") == rating.exposure
        assert cpm.Money("2000", "CNY") == rating.residual_exposure

    def test_only_residual_impact(self):
        risk = attrs.evolve(cpm.sample_project().risk("R3"), residual_impact=1)
        rating = rate_risk(risk)
        assert (9, 3, L) == (rating.score, rating.residual_score, rating.residual_level)
        assert rating.exposure == rating.residual_exposure

    def test_no_cost_impact(self):
        risk = attrs.evolve(cpm.sample_project().risk("R1"), cost_impact=None)
        rating = rate_risk(risk)
        assert (None, None) == (rating.exposure, rating.residual_exposure)

    def test_custom_matrix_probabilities(self):
        matrix = RiskMatrix(probabilities=[0, "0.25", "0.5", "0.75", 1])
        rating = rate_risk(cpm.sample_project().risk("R1"), matrix)
        assert cpm.Money("8000", "CNY") == rating.exposure
        assert cpm.Money("4000", "CNY") == rating.residual_exposure

    def test_outside_the_matrix(self):
        matrix = small_matrix()
        risk = attrs.evolve(cpm.sample_project().risk("R1"), probability=4)
        assert "rate_risk(Risk 'R1').probability: expected 1 to 3, got int 4" == message(
            rate_risk, risk, matrix
        )
        risk = attrs.evolve(cpm.sample_project().risk("R1"), impact=4, residual_impact=None)
        assert "rate_risk(Risk 'R1').impact: expected 1 to 3, got int 4" == message(
            rate_risk, risk, matrix
        )

    def test_residual_outside_the_matrix(self):
        matrix = small_matrix()
        risk = attrs.evolve(
            cpm.sample_project().risk("R1"), probability=3, impact=3, residual_probability=5
        )
        expected = "rate_risk(Risk 'R1').residual.probability: expected 1 to 3, got int 5"
        assert expected == message(rate_risk, risk, matrix)
        risk = attrs.evolve(risk, residual_probability=None, residual_impact=4)
        expected = "rate_risk(Risk 'R1').residual.impact: expected 1 to 3, got int 4"
        assert expected == message(rate_risk, risk, matrix)


class TestProjectRisks:
    def test_contingency_reserve_skips_closed_and_uncosted(self):
        project = cpm.sample_project()
        closed = project.risk("R2").close(by="chen.jie", at=AT, why="covered")
        uncosted = attrs.evolve(project.risk("R3"), cost_impact=None)
        later = project.replace(closed, uncosted)
        assert cpm.Money("4800", "CNY") == contingency_reserve(later)
        assert cpm.Money("8000", "CNY") == contingency_reserve(later, residual=False)
        assert cpm.Money("18400", "CNY") == contingency_reserve(project, DEFAULT_MATRIX)

    def test_contingency_reserve_of_no_risks_is_zero_in_the_currency(self):
        project = cpm.sample_project()
        at = AT
        for risk in project.risks:
            project = project.replace(risk.close(by="chen.jie", at=at, why="gone"))
        assert cpm.Money.zero("CNY") == contingency_reserve(project)
        assert "CNY" == contingency_reserve(project).currency

    def test_heat_map_inherent_and_residual(self):
        project = cpm.sample_project()
        zero = (0, 0, 0, 0, 0)
        assert (zero, (0, 0, 1, 0, 0), (0, 0, 1, 1, 0), zero, zero) == heat_map(project)
        residual = heat_map(project, residual=True)
        assert (zero, (0, 0, 2, 0, 0), (0, 0, 1, 0, 0), zero, zero) == residual

    def test_heat_map_only_residual_impact(self):
        project = cpm.sample_project()
        later = project.replace(attrs.evolve(project.risk("R3"), residual_impact=1))
        residual = heat_map(later, residual=True)
        assert (0, 0, 2, 0, 0) == residual[1]
        assert (1, 0, 0, 0, 0) == residual[2]

    def test_heat_map_skips_closed(self):
        project = cpm.sample_project()
        later = project.replace(project.risk("R1").close(by="chen.jie", at=AT, why="done"))
        assert (0, 0, 1, 0, 0) == heat_map(later)[2]
        assert 2 == sum(map(sum, heat_map(later)))

    def test_heat_map_outside_the_matrix(self):
        project = cpm.sample_project()
        matrix = small_matrix()
        assert "heat_map(Risk 'R1').impact: expected 1 to 3, got int 4" == message(
            heat_map, project, matrix
        )
        # residually R1 is (2, 3) and R2, R3 are inside the 3 x 3 matrix
        assert ((0, 0, 0), (0, 0, 2), (0, 0, 1)) == heat_map(project, matrix, residual=True)

    def test_stale_risks_most_overdue_first(self):
        project = cpm.sample_project()
        r1 = attrs.evolve(project.risk("R1"), next_review="2026-11-10")
        r3 = attrs.evolve(project.risk("R3"), next_review="2026-11-20")
        later = project.replace(r1, r3)
        as_of = pendulum.date(2026, 11, 24)
        assert ["R1", "R2", "R3"] == [r.id for r in stale_risks(later, as_of=as_of)]
        closed = later.replace(later.risk("R1").close(by="chen.jie", at=AT, why="done"))
        assert ["R2", "R3"] == [r.id for r in stale_risks(closed, as_of=as_of)]


class TestRiskChanges:
    def test_anything(self):
        assert RiskChanges((), (), (), ()).anything is False
        assert RiskChanges(("R1",), (), (), ()).anything is True
        assert RiskChanges((), ("R1",), (), ()).anything is True
        assert RiskChanges((), (), (("R1", L, M),), ()).anything is True
        assert RiskChanges((), (), (), (("R1", M, L),)).anything is True

    def test_de_escalated_and_unchanged(self):
        project = cpm.sample_project()
        after = project.replace(
            attrs.evolve(project.risk("R1"), impact=1),
            attrs.evolve(project.risk("R3"), probability=2, impact=4),
        )
        changes = risk_changes(project, after)
        assert ((), (), (), (("R1", H, L),)) == (
            changes.new,
            changes.closed,
            changes.escalated,
            changes.de_escalated,
        )

    def test_escalated_order_and_matrix(self):
        project = cpm.sample_project()
        after = project.replace(
            attrs.evolve(project.risk("R2"), impact=5), attrs.evolve(project.risk("R3"), impact=4)
        )
        assert (("R2", M, H), ("R3", M, H)) == risk_changes(project, after).escalated
        additive = RiskMatrix(scoring="sum")
        # summed, R2 goes 5 -> 7 and R3 6 -> 7: both stay medium
        assert () == risk_changes(project, after, additive).escalated

    def test_already_closed_is_not_closed_again(self):
        project = cpm.sample_project()
        closed = project.replace(project.risk("R2").close(by="chen.jie", at=AT, why="covered"))
        assert () == risk_changes(closed, closed).closed
        assert ("R2",) == risk_changes(project, closed).closed
        reopened_level = attrs.evolve(closed.risk("R2"), impact=5)
        assert () == risk_changes(closed, closed.replace(reopened_level)).escalated

    def test_closed_risk_is_not_rated(self):
        project = cpm.sample_project()
        closed = project.risk("R1").close(by="chen.jie", at=AT, why="done")
        after = project.replace(attrs.evolve(closed, impact=1))
        changes = risk_changes(project, after)
        assert (("R1",), (), ()) == (changes.closed, changes.escalated, changes.de_escalated)


class TestMatrixIsPassedOn:
    def test_contingency_reserve_on_a_custom_matrix(self):
        project = cpm.sample_project()
        matrix = RiskMatrix(probabilities=[0, "0.25", "0.5", "0.75", 1])
        # residual: R1 25 % x 16,000 + R2 25 % x 12,000 + R3 50 % x 20,000
        assert cpm.Money("17000", "CNY") == contingency_reserve(project, matrix)
        assert cpm.Money("21000", "CNY") == contingency_reserve(project, matrix, residual=False)

    def test_unchanged_risks_on_a_custom_matrix(self):
        project = cpm.sample_project()
        # summed, R1 is 3 + 4 = 7 (medium); on the default matrix it would be 12 (high)
        assert RiskChanges((), (), (), ()) == risk_changes(
            project, project, RiskMatrix(scoring="sum")
        )

    def test_a_new_risk_does_not_hide_the_ones_after_it(self):
        project = cpm.sample_project()
        before = attrs.evolve(project, risks=project.risks[1:])
        after = project.replace(attrs.evolve(project.risk("R2"), impact=5))
        assert ("R1", "R2", "R3") == tuple(r.id for r in after.risks)
        changes = risk_changes(before, after)
        assert (("R1",), (("R2", M, H),)) == (changes.new, changes.escalated)
