"""Pin :mod:`clientpm.metrics.earned_value`: messages, edges of the PV windows, as-of days.

The project here is tiny and hand-computed: day rate 1,000 CNY, start on
Tuesday 3 November 2026, a Monday-to-Friday week in UTC and no holidays.
"""

from decimal import Decimal

import pendulum
import pytest

from clientpm import (
    CostEntry,
    Milestone,
    Money,
    Project,
    Requirement,
    Stakeholder,
    ValidationError,
)
from clientpm.metrics.earned_value import EarnedValue, earned_value

SIGNED_AT = pendulum.datetime(2026, 11, 2, 9, tz="UTC")


def cny(amount: object) -> Money:
    return Money(amount, "CNY")


def usd(amount: object) -> Money:
    return Money(amount, "USD")


def signed(rid: str, days: int, **changes: object) -> Requirement:
    fields: dict[str, object] = {
        "id": rid,
        "title": f"Requirement {rid}",
        "estimate_days": days,
        "acceptance_criteria": ["done"],
    }
    return Requirement(**{**fields, **changes}).sign_off(by="li.wei", at=SIGNED_AT)  # type: ignore[arg-type]


def milestone(mid: str, due: str, *deliverables: str, after: tuple[str, ...] = ()) -> Milestone:
    return Milestone(id=mid, title=mid, due=due, deliverables=deliverables, depends_on=after)


def project(
    requirements: tuple[Requirement, ...] = (),
    milestones: tuple[Milestone, ...] = (),
    *,
    end: str | None = None,
    costs: tuple[CostEntry, ...] = (),
) -> Project:
    return Project(
        key="P",
        name="Tiny",
        client=Stakeholder(id="li.wei", name="Li Wei", role="sponsor"),
        currency="CNY",
        budget=cny(100_000),
        day_rate=cny(1_000),
        start="2026-11-03",
        end=end,
        requirements=requirements,
        milestones=milestones,
        actual_costs=costs,
    )


def on(p: Project, day: str) -> EarnedValue:
    return earned_value(p, as_of=pendulum.parse(day).date())  # type: ignore[union-attr]


def message(call, *args: object) -> str:
    with pytest.raises(ValidationError) as info:
        call(*args)
    return str(info.value)


class TestMessages:
    def test_each_field_is_named(self):
        with pytest.raises(ValidationError) as info:
            EarnedValue(bac=5, pv=None, ev=usd(1), ac="x")  # type: ignore[arg-type]
        assert [
            "EarnedValue.bac: expected Money, e.g. Money('4000', 'CNY'), got int 5",
            "EarnedValue.pv: expected Money, e.g. Money('4000', 'CNY'), got None",
            "EarnedValue.ac: expected Money, e.g. Money('4000', 'CNY'), got str 'x'",
        ] == [str(p) for p in info.value.problems]

    def test_currency_and_sign(self):
        with pytest.raises(ValidationError) as info:
            EarnedValue(bac=usd(1), pv=cny(1), ev=usd(-1), ac=usd(0))
        assert [
            "EarnedValue.pv: expected money in the currency of bac (USD), got 1.00 CNY",
            "EarnedValue.ev: expected an amount >= 0, got -1.00 USD",
        ] == [str(p) for p in info.value.problems]

    def test_bottom_up_accepts_zero_and_fractions(self):
        ev = EarnedValue(bac=usd(100), pv=usd(50), ev=usd(40), ac=usd(45))
        assert usd(45) == ev.eac_bottom_up(usd(0))
        assert usd("45.50") == ev.eac_bottom_up(usd("0.50"))
        assert (
            "EarnedValue.eac_bottom_up.etc: expected Money >= 0 in USD, got Money('-1.00', 'USD')"
            == message(ev.eac_bottom_up, usd(-1))
        )

    def test_tcpi_eac_rejects_other_values(self):
        ev = EarnedValue(bac=usd(100), pv=usd(50), ev=usd(40), ac=usd(45))
        assert "EarnedValue.tcpi_eac.eac: expected Money in USD or None, got int 5" == message(
            ev.tcpi_eac, 5
        )
        assert (
            "EarnedValue.tcpi_eac.eac: expected Money in USD or None, got Money('90.00', 'CNY')"
            == message(ev.tcpi_eac, cny(90))
        )

    def test_project_is_named(self):
        assert "earned_value.project: expected a clientpm.Project, got int 5" == message(
            lambda: earned_value(5, as_of=pendulum.date(2026, 11, 24))  # type: ignore[arg-type]
        )


class TestBudget:
    def test_empty_scope_is_zero_in_the_project_currency(self):
        ev = on(project(), "2026-11-05")
        assert (cny(0), cny(0), cny(0), cny(0)) == (ev.bac, ev.pv, ev.ev, ev.ac)

    def test_no_baseline_falls_back_to_the_estimate(self):
        r = Requirement(
            id="R1",
            title="Unbaselined",
            estimate_days=5,
            acceptance_criteria=["done"],
            status="signed_off",
            signed_off_by="li.wei",
            signed_off_at=SIGNED_AT,
        )
        assert r.baseline_estimate_days is None
        assert cny(5_000) == on(project((r,)), "2026-11-05").bac

    def test_the_baseline_wins_over_a_later_estimate(self):
        r = signed("R1", 5).revise(by="pm", at=SIGNED_AT.add(days=1), why="CR-1", estimate_days=8)
        assert (Decimal(8), Decimal(5)) == (r.estimate_days, r.baseline_estimate_days)
        assert cny(5_000) == on(project((r,)), "2026-11-05").bac


class TestPlannedValue:
    def test_window_opens_the_day_after_the_start_eve(self):
        # R1 (5,000) over Tue 3 - Mon 9 November: 5 working days; by Thu 5 three have passed.
        p = project((signed("R1", 5),), (milestone("M1", "2026-11-09", "R1"),))
        assert cny(3_000) == on(p, "2026-11-05").pv
        assert cny(0) == on(p, "2026-11-02").pv
        assert cny(5_000) == on(p, "2026-11-09").pv

    def test_window_with_no_working_day_accrues_on_its_last_day(self):
        # M2 is planned after M1 (Fri 6) up to Sun 8: no working day in between.
        p = project(
            (signed("R2", 2),),
            (milestone("M1", "2026-11-06"), milestone("M2", "2026-11-08", "R2", after=("M1",))),
        )
        assert cny(0) == on(p, "2026-11-07").pv
        assert cny(2_000) == on(p, "2026-11-08").pv

    def test_a_requirement_in_two_milestones_is_budgeted_once(self):
        p = project(
            (signed("R1", 5),),
            (
                milestone("M1", "2026-11-09", "R1"),
                milestone("M2", "2026-11-13", "R1", after=("M1",)),
            ),
        )
        assert cny(5_000) == on(p, "2026-11-13").pv

    def test_draft_deliverables_carry_no_budget(self):
        draft = Requirement(id="R9", title="Draft", estimate_days=3)
        p = project((signed("R1", 5), draft), (milestone("M1", "2026-11-09", "R1", "R9"),))
        assert (cny(5_000), cny(3_000)) == (on(p, "2026-11-09").bac, on(p, "2026-11-05").pv)

    def test_loose_scope_runs_to_the_last_baseline_without_an_end(self):
        # Nothing delivers R1: it accrues from the start to M1's baseline (Mon 9), 3 of 5 days.
        p = project((signed("R1", 5),), (milestone("M1", "2026-11-09"),))
        assert cny(3_000) == on(p, "2026-11-05").pv

    def test_loose_scope_runs_to_the_project_end(self):
        # Tue 3 - Fri 13 November: 9 working days, 3 of them by Thu 5.
        p = project((signed("R1", 5),), (milestone("M1", "2026-11-09"),), end="2026-11-13")
        assert cny("1666.67") == on(p, "2026-11-05").pv

    def test_loose_scope_without_milestones_or_end_is_due_at_the_start(self):
        p = project((signed("R1", 5),))
        assert (cny(0), cny(5_000)) == (on(p, "2026-11-02").pv, on(p, "2026-11-03").pv)


class TestAsOfDay:
    def test_costs_on_the_day_count(self):
        costs = (CostEntry(on="2026-11-05", amount=cny(700)),)
        p = project(costs=costs)
        assert (cny(0), cny(700)) == (on(p, "2026-11-04").ac, on(p, "2026-11-05").ac)

    def test_work_done_on_the_day_is_earned(self):
        done = signed("R1", 5).complete(by="dev", at=pendulum.datetime(2026, 11, 5, 23, tz="UTC"))
        p = project((done,))
        assert (cny(0), cny(5_000)) == (on(p, "2026-11-04").ev, on(p, "2026-11-05").ev)
