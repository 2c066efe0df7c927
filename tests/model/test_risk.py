"""Risks: checks, score, staleness and lifecycle."""

import pendulum
import pytest

import clientpm as cpm
from clientpm import (
    Money,
    Risk,
    RiskStatus,
    RiskStrategy,
    Transition,
    ValidationError,
)
from clientpm._checks import describe
from tests.helpers import illegal, problems

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")


REVIEW = pendulum.date(2026, 11, 30)


def risk(**changes: object) -> Risk:
    fields = {
        "id": "R1",
        "title": "IdP late",
        "probability": 3,
        "impact": 4,
        "owner": "pm",
        "next_review": "2026-11-30",
    }
    return Risk(**{**fields, **changes})  # type: ignore[arg-type]


class TestFields:
    def test_defaults(self):
        r = risk()
        assert (
            REVIEW,
            RiskStrategy.MITIGATE,
            "",
            (),
            None,
            (),
            None,
            None,
            RiskStatus.OPEN,
            (),
        ) == (
            r.next_review,
            r.strategy,
            r.contingency,
            r.triggers,
            r.cost_impact,
            r.affects,
            r.residual_probability,
            r.residual_impact,
            r.status,
            r.history,
        )
        assert ("Risk 'R1'", 12, True) == (r.label, r.score, r.is_active)

    def test_conversions(self):
        r = risk(
            strategy="transfer",
            contingency="manual accounts",
            triggers=["no test tenant"],
            cost_impact=Money("100", "CNY"),
            affects=["M1", "REQ-1"],
            residual_probability=1,
            residual_impact=2,
            status="occurred",
        )
        assert (
            RiskStrategy.TRANSFER,
            ("no test tenant",),
            Money("100", "CNY"),
            ("M1", "REQ-1"),
            (1, 2),
            RiskStatus.OCCURRED,
            True,
        ) == (
            r.strategy,
            r.triggers,
            r.cost_impact,
            r.affects,
            (r.residual_probability, r.residual_impact),
            r.status,
            r.is_active,
        )

    def test_every_field_is_checked_and_named(self):
        assert [
            "Risk ''.id: expected an id (non-empty text without surrounding spaces), got str ''",
            "Risk ''.title: expected a non-empty text, got str ''",
            "Risk ''.probability: expected a whole number from 1 to 5, got str '3'",
            "Risk ''.impact: expected a whole number from 1 to 5, got bool True",
            (
                "Risk ''.owner: expected an id (non-empty text without surrounding spaces), "
                "got str ' x'"
            ),
            (
                "Risk ''.next_review: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                "got str 'x'"
            ),
            (
                "Risk ''.strategy: expected one of 'avoid', 'mitigate', 'transfer', 'accept', "
                "got str 'x'"
            ),
            "Risk ''.contingency: expected text, got int 3",
            "Risk ''.triggers[0]: expected a non-empty trigger, got str ''",
            "Risk ''.cost_impact: expected Money, e.g. Money('4000', 'CNY'), got int 5",
            "Risk ''.affects[0]: expected a non-empty requirement or milestone id, got int 1",
            "Risk ''.residual_probability: expected a whole number from 1 to 5, got int 0",
            "Risk ''.residual_impact: expected a whole number from 1 to 5, got int 6",
            "Risk ''.status: expected one of 'open', 'occurred', 'closed', got str 'x'",
            "Risk ''.history[0]: expected a Transition, got int 1",
        ] == problems(
            Risk,
            id="",
            title="",
            probability="3",
            impact=True,
            owner=" x",
            next_review="x",
            strategy="x",
            contingency=3,
            triggers=[""],
            cost_impact=5,
            affects=[1],
            residual_probability=0,
            residual_impact=6,
            status="x",
            history=[1],
        )

    def test_scores_bounds(self):
        assert [
            "Risk 'R1'.probability: expected a whole number from 1 to 5, got int 6",
            "Risk 'R1'.impact: expected a whole number from 1 to 5, got int 0",
            "Risk 'R1'.residual_probability: expected a whole number from 1 to 5, got int 6",
            "Risk 'R1'.residual_impact: expected a whole number from 1 to 5, got int 0",
        ] == problems(
            Risk,
            id="R1",
            title="t",
            probability=6,
            impact=0,
            owner="pm",
            next_review="2026-11-30",
            residual_probability=6,
            residual_impact=0,
        )

    @pytest.mark.parametrize(("low", "high"), [(1, 5), (5, 1)])
    def test_one_and_five_are_in_range(self, low, high):
        r = risk(probability=low, impact=high, residual_probability=high, residual_impact=low)
        assert (5, low, high) == (r.score, r.residual_impact, r.residual_probability)

    def test_score_is_the_product(self):
        assert [1, 6, 20, 25] == [
            risk(probability=p, impact=i).score for p, i in [(1, 1), (2, 3), (5, 4), (5, 5)]
        ]

    def test_risk_scores_in_range(self):
        """Probability and impact are 1..5."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Risk(id="R1", title="x", probability=0, impact=6, owner="pm",
                     next_review="2026-12-01")  # fmt: skip
        assert [
            "Risk 'R1'.probability: expected a whole number from 1 to 5, got int 0",
            "Risk 'R1'.impact: expected a whole number from 1 to 5, got int 6",
        ] == [str(p) for p in info.value.problems]


class TestStaleness:
    @pytest.mark.parametrize(
        ("as_of", "stale"),
        [((2026, 11, 29), False), ((2026, 11, 30), False), ((2026, 12, 1), True)],
    )
    def test_stale_after_the_review_date(self, as_of, stale):
        assert stale == risk().is_stale(pendulum.date(*as_of))

    def test_occurred_risks_go_stale_closed_ones_do_not(self):
        late = pendulum.date(2027, 1, 1)
        occurred = risk().occur(by="pm", at=AT, why="happened")
        closed = risk().close(by="pm", at=AT, why="gone")
        assert (True, False) == (occurred.is_stale(late), closed.is_stale(late))
        assert (True, False) == (occurred.is_active, closed.is_active)


class TestLifecycle:
    def test_occur(self):
        o = risk().occur(by="pm", at=AT, why="IdP late")
        assert RiskStatus.OCCURRED == o.status
        assert (Transition("occurred", "open", "pm", AT, "IdP late"),) == o.history
        assert "Risk 'R1' cannot occur: it is occurred (allowed from: open)" == illegal(
            o.occur, by="pm", at=AT, why="again"
        )

    def test_close_from_open_or_occurred(self):
        later = AT.add(hours=1)
        closed = risk().close(by="pm", at=AT, why="gone")
        assert (Transition("closed", "open", "pm", AT, "gone"),) == closed.history
        after = risk().occur(by="pm", at=AT, why="hit").close(by="li", at=later, why="handled")
        assert Transition("closed", "occurred", "li", later, "handled") == after.history[-1]
        assert RiskStatus.CLOSED == after.status
        assert "Risk 'R1' cannot be closed: it is closed (allowed from: open, occurred)" == (
            illegal(after.close, by="pm", at=later, why="again")
        )

    def test_reassess_probability_only(self):
        r = risk().reassess(by="pm", at=AT, why="grew", probability=5)
        assert (5, 4, REVIEW, RiskStatus.OPEN) == (r.probability, r.impact, r.next_review, r.status)
        assert (Transition("open", "open", "pm", AT, "grew"),) == r.history

    def test_reassess_impact_and_review(self):
        o = risk().occur(by="pm", at=AT, why="hit")
        later = AT.add(hours=1)
        r = o.reassess(
            by="li", at=later, why="shrank", impact=1, next_review=pendulum.date(2026, 12, 5)
        )
        assert (3, 1, pendulum.date(2026, 12, 5), RiskStatus.OCCURRED) == (
            r.probability,
            r.impact,
            r.next_review,
            r.status,
        )
        assert Transition("occurred", "occurred", "li", later, "shrank") == r.history[-1]

    def test_reassess_nothing_keeps_the_scores(self):
        r = risk().reassess(by="pm", at=AT, why="looked")
        assert (3, 4, REVIEW, 1) == (r.probability, r.impact, r.next_review, len(r.history))

    def test_reassess_checks_the_new_scores(self):
        with pytest.raises(ValidationError) as info:
            risk().reassess(by="pm", at=AT, why="w", probability=7)
        assert "Risk 'R1'.probability: expected a whole number from 1 to 5, got int 7" == str(
            info.value
        )

    def test_closed_risks_are_not_reassessed(self):
        closed = risk().close(by="pm", at=AT, why="gone")
        assert "Risk 'R1' cannot be reassessed: it is closed (allowed from: open, occurred)" == (
            illegal(closed.reassess, by="pm", at=AT.add(hours=1), why="w")
        )


class TestReasonsAreRequired:
    """Closing a risk or recording that it happened says why (D9), and a blank why is refused."""

    @pytest.mark.parametrize("why", ["", "   ", None, 3])
    @pytest.mark.parametrize(
        ("step", "purpose"),
        [("close", "close the risk"), ("occur", "record that the risk occurred")],
    )
    def test_blank_reason_is_refused_and_the_risk_is_unchanged(self, step, purpose, why):
        """The error names the risk's why field and the value; the risk keeps its status."""
        risk = cpm.Risk(
            id="R1", title="Key developer leaves", probability=2, impact=4, owner="pm",
            next_review="2026-12-01",
        )  # fmt: skip
        at = pendulum.datetime(2026, 11, 24, 10, tz="Asia/Shanghai")
        with pytest.raises(cpm.ValidationError) as info:
            getattr(risk, step)(by="pm", at=at, why=why)
        assert [f"Risk 'R1'.why: expected a reason to {purpose}, got {describe(why)}"] == [
            str(p) for p in info.value.problems
        ]
        assert cpm.RiskStatus.OPEN == risk.status
        assert () == risk.history
