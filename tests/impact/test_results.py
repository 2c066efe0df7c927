"""The parts of a change impact: the record kept on the request, and frozen results."""

from __future__ import annotations

import attrs
import pytest

import clientpm as cpm
from clientpm.impact import ChangeImpact
from tests.helpers import assess_sample


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
