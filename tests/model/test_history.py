"""History: transitions are checked, and a transition records who, when and why."""

import pendulum

from clientpm import Risk
from clientpm.enums import RiskStatus
from clientpm.model.history import Transition, record, transition
from tests.helpers import problems

AT = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")


def open_risk() -> Risk:
    return Risk(
        id="R1", title="Key developer leaves", probability=2, impact=4, owner="pm",
        next_review="2026-12-01",
    )  # fmt: skip


class TestTransition:
    def test_from_status_must_be_text(self):
        assert ["Transition.from_status: expected a non-empty text, got int 5"] == problems(
            Transition, "open", 5, "pm", AT
        )

    def test_record_names_the_owner_instead_of_transition(self):
        assert ["Risk 'R1'.from_status: expected a non-empty text, got int 5"] == problems(
            record, (), to_status="open", from_status=5, by="pm", at=AT, why="", owner="Risk 'R1'"
        )


def test_transition_without_a_reason_records_an_empty_one():
    r = open_risk()
    closed = transition(
        r, owner="Risk 'R1'", action="close", allowed=[RiskStatus.OPEN], to=RiskStatus.CLOSED,
        by="pm", at=AT,
    )  # fmt: skip
    assert (Transition("closed", "open", "pm", AT, ""),) == closed.history
