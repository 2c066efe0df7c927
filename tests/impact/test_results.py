"""The parts of a change impact: the record kept on the request, and frozen results."""

from __future__ import annotations

import attrs
import pytest

import clientpm as cpm
from clientpm.impact import ChangeImpact
from tests.helpers import assess, assess_sample, cny, message, revise, tiny


@pytest.fixture
def project():
    return cpm.sample_project()


class TestSampleChange:
    """CR-1: WeChat Work login (6 days) on the beta, and REQ-2 grows from 10 to 11 days."""

    def test_to_assessment(self, project):
        """The record kept on the request carries effort, cost, slip, price and approvers."""
        a = assess_sample(project, project.change_request("CR-1")).to_assessment()
        assert (7, cpm.Money("30800", "CNY"), 4, "bill", ("wang.fang", "li.wei")) == (
            a.effort_days,
            a.cost,
            a.slip_days,
            a.recommendation.value,
            a.approvers,
        )
        assert a.summary.startswith("Adds 7 person-days of work (28000.00 CNY at the day rate).")


def test_change_impact_is_frozen(project):
    """A ChangeImpact cannot be changed in place."""
    impact = assess_sample(project, project.change_request("CR-1"))
    assert isinstance(impact, ChangeImpact)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        impact.locale = "zh"  # type: ignore[misc]


class TestTable:
    def test_sample_change_as_label_and_value_rows(self, project):
        """Every row of CR-1's table; an empty list of ids reads as a dash.

        The forecast: 316,000 (124,000 spent + 48 days x 4,000) + 30,800.
        """
        t = assess_sample(project, project.change_request("CR-1")).table()
        assert (
            ("Effort delta (person-days)", "7"),
            ("Added requirements", "REQ-8"),
            ("Removed requirements", "—"),
            ("Revised requirements", "REQ-2"),
            ("Largest slip (working days)", "4"),
            ("Milestones that move", "M2, M3, M4"),
            ("Due-date breaches", "—"),
            ("Cost delta", "30800.00 CNY"),
            ("Forecast vs budget", "346800.00 CNY / 480000.00 CNY (72.3%)"),
            ("Risk exposure before → after", "27 → 27"),
            ("Recommendation", "bill 30800.00 CNY"),
            ("Approvers", "wang.fang, li.wei"),
        ) == t.rows

    def test_zero_budget_has_no_percentage(self):
        """Against a zero budget the forecast has no percentage: a dash stands for it."""
        t = assess(tiny(budget=cny(0)), revise("R3", 5)).table()
        assert ("Forecast vs budget", "12100.00 CNY / 0.00 CNY (—)") == t.rows[8]


def test_to_assessment_keeps_the_quoted_price(project):
    """A billed change keeps its quote on the record."""
    a = assess_sample(project, project.change_request("CR-1")).to_assessment()
    assert cpm.Money("30800", "CNY") == a.price


def test_explain_refuses_an_unsupported_locale(project):
    rec = assess_sample(project, project.change_request("CR-1")).recommendation
    assert "explain.locale: expected a supported locale ('en' or 'zh'), got str 'fr'" == message(
        rec.explain, "fr"
    )
