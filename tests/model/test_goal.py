"""Goals: conversions and every field's check, by name."""

from decimal import Decimal

import pendulum
import pytest

import clientpm as cpm
from clientpm import Goal
from tests.helpers import problems


class TestGoal:
    def test_minimal_goal_has_empty_defaults(self):
        goal = Goal(id="G1", statement="Be faster")
        assert (None, None, None, None, None, None, ()) == (
            goal.metric,
            goal.target,
            goal.unit,
            goal.baseline,
            goal.deadline,
            goal.owner,
            goal.supports,
        )
        assert "Goal 'G1'" == goal.label

    def test_conversions(self):
        goal = Goal(
            id="G1",
            statement="s",
            metric="load time",
            target="1.5",
            unit="s",
            baseline=3,
            deadline="2027-03-31",
            owner="zhang.min",
            supports=["REQ-4", "REQ-5"],
        )
        assert Decimal("1.5") == goal.target
        assert Decimal(3) == goal.baseline
        assert pendulum.date(2027, 3, 31) == goal.deadline
        assert ("REQ-4", "REQ-5") == goal.supports
        assert ("load time", "s", "zhang.min") == (goal.metric, goal.unit, goal.owner)

    def test_every_field_is_checked_and_named(self):
        assert [
            "Goal ''.id: expected an id (non-empty text without surrounding spaces), got str ''",
            "Goal ''.statement: expected a non-empty text, got str ''",
            "Goal ''.metric: expected a non-empty text, got str ''",
            "Goal ''.target: expected a number (int, Decimal or numeric text), got str 'x'",
            "Goal ''.unit: expected a non-empty text, got str ''",
            "Goal ''.baseline: expected a number (int, Decimal or numeric text), got str 'y'",
            (
                "Goal ''.deadline: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'nope'"
            ),
            "Goal ''.owner: expected an id (non-empty text without surrounding spaces), got str ''",
            "Goal ''.supports[0]: expected a non-empty id, got str ''",
        ] == problems(
            Goal,
            id="",
            statement="",
            metric="",
            target="x",
            unit="",
            baseline="y",
            deadline="nope",
            owner="",
            supports=[""],
        )

    def test_wrong_types_are_named(self):
        assert [
            "Goal 'G1'.statement: expected a non-empty text, got int 5",
            "Goal 'G1'.metric: expected a non-empty text, got int 3",
            "Goal 'G1'.target: expected a number (int, Decimal or numeric text), got list []",
            "Goal 'G1'.unit: expected a non-empty text, got int 4",
            "Goal 'G1'.baseline: expected a number (int, Decimal or numeric text), got dict {}",
            (
                "Goal 'G1'.deadline: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got int 7"
            ),
            "Goal 'G1'.supports[0]: expected a non-empty id, got int 3",
        ] == problems(
            Goal,
            id="G1",
            statement=5,
            metric=3,
            target=[],
            unit=4,
            baseline={},
            deadline=7,
            supports=[3],
        )

    def test_goal_needs_a_statement(self):
        """An empty goal statement is refused."""
        with pytest.raises(
            cpm.ValidationError, match=r"^Goal 'G1'\.statement: expected a non-empty"
        ):
            cpm.Goal(id="G1", statement="  ")
