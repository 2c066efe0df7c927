"""Earned value: examples, zero denominators, messages, planned-value windows, properties.

The tiny projects (``project()``) are hand-computed: day rate 1,000 CNY, start on
Tuesday 3 November 2026, a Monday-to-Friday week in UTC and no holidays.
"""

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import assume, given

import clientpm as cpm
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
from clientpm.metrics.ratio import UNDEFINED
from tests.helpers import message
from tests.strategies import dollars


def usd(amount: object) -> Money:
    return Money(amount, "USD")


def d3(value: object) -> Decimal:
    """Round a Decimal (or a Money's amount) to 3 decimals."""
    amount = value.amount if isinstance(value, Money) else value
    assert isinstance(amount, Decimal)
    return round(amount, 3)


class TestTextbookExample:
    """The standard textbook (PMBOK-style) earned value example.

    A project with a budget at completion of 100,000, where at the status
    date 50,000 of work was planned, 40,000 of work was earned and 45,000
    was spent. The published answers: CV -5,000; SV -10,000; CPI 0.889;
    SPI 0.8; EAC = BAC/CPI = 112,500; ETC 67,500; VAC -12,500;
    TCPI (to finish on budget) = 60,000/55,000 = 1.091. Every value is
    checked to 3 decimals.
    """

    ev = EarnedValue(bac=usd(100_000), pv=usd(50_000), ev=usd(40_000), ac=usd(45_000))

    def test_variances(self):
        assert Decimal("-5000.000") == d3(self.ev.cv)
        assert Decimal("-10000.000") == d3(self.ev.sv)

    def test_indices(self):
        assert Decimal("0.889") == d3(self.ev.cpi)
        assert Decimal("0.800") == d3(self.ev.spi)
        assert Decimal("0.400") == d3(self.ev.percent_complete)

    def test_estimates(self):
        assert Decimal("112500.000") == d3(self.ev.eac_cpi)
        assert Decimal("67500.000") == d3(self.ev.etc)
        assert Decimal("-12500.000") == d3(self.ev.vac)
        assert Decimal("105000.000") == d3(self.ev.eac_atypical)
        # AC + (BAC - EV) / (CPI x SPI) = 45,000 + 60,000 / (0.8889 x 0.8) = 129,375.
        assert Decimal("129375.000") == d3(self.ev.eac_cpi_spi)
        assert Decimal("115000.000") == d3(self.ev.eac_bottom_up(usd(70_000)))

    def test_to_complete(self):
        assert Decimal("1.091") == d3(self.ev.tcpi)
        # Finishing at EAC = BAC/CPI needs exactly the current CPI.
        assert Decimal("0.889") == d3(self.ev.tcpi_eac())
        assert Decimal("1.000") == d3(self.ev.tcpi_eac(usd(105_000)))


class TestZeroDenominators:
    def test_nothing_spent_nothing_planned(self):
        ev = EarnedValue(bac=usd(100), pv=usd(0), ev=usd(0), ac=usd(0))
        assert UNDEFINED is ev.cpi
        assert UNDEFINED is ev.spi
        assert UNDEFINED is ev.eac_cpi
        assert UNDEFINED is ev.eac_cpi_spi
        assert UNDEFINED is ev.etc
        assert UNDEFINED is ev.vac
        assert UNDEFINED is ev.tcpi_eac()
        assert Decimal(1) == ev.tcpi

    def test_spent_but_nothing_earned(self):
        """CPI is 0 (defined), so BAC/CPI is undefined, not 0."""
        ev = EarnedValue(bac=usd(100), pv=usd(50), ev=usd(0), ac=usd(30))
        assert Decimal(0) == ev.cpi
        assert UNDEFINED is ev.eac_cpi
        assert UNDEFINED is ev.eac_cpi_spi
        assert usd(130) == ev.eac_atypical

    def test_budget_spent(self):
        ev = EarnedValue(bac=usd(100), pv=usd(100), ev=usd(80), ac=usd(100))
        assert UNDEFINED is ev.tcpi

    def test_zero_budget(self):
        ev = EarnedValue(bac=usd(0), pv=usd(0), ev=usd(0), ac=usd(0))
        assert UNDEFINED is ev.percent_complete

    def test_eac_equal_to_ac(self):
        ev = EarnedValue(bac=usd(100), pv=usd(50), ev=usd(40), ac=usd(45))
        assert UNDEFINED is ev.tcpi_eac(usd(45))


class TestValidation:
    def test_mixed_currencies(self):
        with pytest.raises(ValidationError, match=r"EarnedValue\.ac: expected money in the cur"):
            EarnedValue(bac=usd(1), pv=usd(1), ev=usd(1), ac=Money(1, "CNY"))

    def test_not_money(self):
        with pytest.raises(ValidationError, match=r"EarnedValue\.pv: expected Money.*int 5"):
            EarnedValue(bac=usd(1), pv=5, ev=usd(1), ac=usd(1))  # type: ignore[arg-type]

    def test_negative(self):
        with pytest.raises(ValidationError, match=r"EarnedValue\.ev: expected an amount >= 0"):
            EarnedValue(bac=usd(1), pv=usd(1), ev=usd(-1), ac=usd(1))

    def test_bad_etc(self):
        ev = EarnedValue(bac=usd(1), pv=usd(1), ev=usd(1), ac=usd(1))
        with pytest.raises(ValidationError, match=r"eac_bottom_up\.etc: expected Money >= 0"):
            ev.eac_bottom_up(Money(1, "CNY"))

    def test_bad_as_of(self):
        with pytest.raises(
            ValidationError, match=r"earned_value\.as_of: expected a pendulum\.Date or a time-zone"
        ):
            earned_value(cpm.sample_project(), as_of="2026-11-24")  # type: ignore[arg-type]
        naive = pendulum.naive(2026, 11, 24, 9)
        with pytest.raises(ValidationError, match=r"earned_value\.as_of: .* got naive"):
            earned_value(cpm.sample_project(), as_of=naive)

    def test_an_instant_is_its_status_day(self):
        """As for the builders: an aware instant is its day in the calendar's zone."""
        at = pendulum.datetime(2026, 11, 23, 20, tz="UTC")  # the 24th in Shanghai
        p = cpm.sample_project()
        assert earned_value(p, as_of=pendulum.date(2026, 11, 24)) == earned_value(p, as_of=at)

    def test_bad_project(self):
        with pytest.raises(ValidationError, match=r"earned_value\.project: expected a clientpm"):
            earned_value(None, as_of=pendulum.date(2026, 11, 24))  # type: ignore[arg-type]


class TestSampleProject:
    """The sample project as of Tuesday 24 November 2026, computed by hand.

    Day rate 4,000 CNY. Signed-off scope (REQ-6 is still a draft, so out):
    REQ-1 8 + REQ-2 10 + REQ-3 15 + REQ-4 5 + REQ-5 12 + REQ-7 6 = 56 days.
    """

    as_of = pendulum.date(2026, 11, 24)

    @pytest.fixture
    def ev(self):
        return earned_value(cpm.sample_project(), as_of=self.as_of)

    def test_figures(self, ev):
        # BAC = 56 days x 4,000 = 224,000.
        assert Money("224000", "CNY") == ev.bac
        # PV: M1 (design) delivers no requirement, so it carries no budget.
        # M2 (REQ-1 + REQ-2 = 18 days = 72,000) is planned over the working
        # days after M1's baseline due (Fri 13 Nov) up to its own (Fri 18 Dec):
        # 16 Nov - 18 Dec = 5 weeks = 25 working days; by Tue 24 Nov 7 of them
        # have passed (16-20 and 23-24 Nov): 72,000 x 7/25 = 20,160. M3 and M4
        # start after 18 Dec, so they have accrued nothing.
        assert Money("20160", "CNY") == ev.pv
        # EV (0/100 rule): only REQ-1 is done (20 Nov): 8 days x 4,000 = 32,000.
        assert Money("32000", "CNY") == ev.ev
        # AC: the three weekly cost entries 40,000 + 40,000 + 44,000.
        assert Money("124000", "CNY") == ev.ac

    def test_derived(self, ev):
        assert Money("-92000", "CNY") == ev.cv  # 32,000 - 124,000
        assert Money("11840", "CNY") == ev.sv  # 32,000 - 20,160
        assert Decimal("0.258") == d3(ev.cpi)  # 32,000 / 124,000
        assert Decimal("1.587") == d3(ev.spi)  # 32,000 / 20,160
        assert Money("868000", "CNY") == ev.eac_cpi  # 224,000 x 124,000 / 32,000
        assert Money("744000", "CNY") == ev.etc
        assert Money("-644000", "CNY") == ev.vac
        assert Decimal("1.920") == d3(ev.tcpi)  # 192,000 / 100,000

    def test_pv_over_time(self):
        p = cpm.sample_project()
        # Before the start nothing is planned; M2's budget is all planned by its baseline due.
        assert Money(0, "CNY") == earned_value(p, as_of=pendulum.date(2026, 10, 1)).pv
        assert Money("72000", "CNY") == earned_value(p, as_of=pendulum.date(2026, 12, 18)).pv
        # M3 (REQ-3 + REQ-5 = 27 days = 108,000) over 21 Dec - 22 Jan: 24 working days
        # (1 January is a holiday); by 31 Dec 9 of them: 108,000 x 9/24 = 40,500.
        assert Money("112500", "CNY") == earned_value(p, as_of=pendulum.date(2026, 12, 31)).pv
        assert Money("180000", "CNY") == earned_value(p, as_of=pendulum.date(2027, 1, 22)).pv
        assert p.estimated_cost == earned_value(p, as_of=pendulum.date(2027, 2, 26)).pv

    def test_costs_before_as_of_only(self):
        p = cpm.sample_project()
        assert Money("80000", "CNY") == earned_value(p, as_of=pendulum.date(2026, 11, 19)).ac
        # REQ-1 was completed on 20 November: nothing earned the day before.
        assert Money(0, "CNY") == earned_value(p, as_of=pendulum.date(2026, 11, 19)).ev

    def test_baseline_estimate_is_the_budget(self):
        """A revised estimate changes the work, not the budget (BAC uses the baseline)."""
        p = cpm.sample_project()
        r = p.requirement("REQ-2")
        revised = r.revise(by="li.wei", at=r.history[-1].at, why="CR", estimate_days=Decimal(20),
                           pessimistic_days=Decimal(30))  # fmt: skip
        # replace() keeps a signed-off requirement's content: build the revised project
        p2 = attrs.evolve(p, requirements=[revised if q.id == r.id else q for q in p.requirements])
        assert earned_value(p, as_of=self.as_of).bac == earned_value(p2, as_of=self.as_of).bac

    def test_unplanned_requirement_accrues_over_the_project(self):
        p = cpm.sample_project()
        at = pendulum.datetime(2026, 11, 3, tz="Asia/Shanghai")
        extra = cpm.Requirement(
            id="REQ-9", title="Extra", estimate_days=5, acceptance_criteria=["x"]
        ).sign_off(by="li.wei", at=at)
        p2 = p.add(extra)
        assert Money("244000", "CNY") == earned_value(p2, as_of=self.as_of).bac
        end = earned_value(p2, as_of=pendulum.date(2027, 3, 31))
        assert end.bac == end.pv


@given(bac=dollars, pv=dollars, ev=dollars, ac=dollars)
def test_properties(bac, pv, ev, ac):
    e = EarnedValue(bac=bac, pv=pv, ev=ev, ac=ac)
    assert e.ev - e.ac == e.cv
    assert e.ev - e.pv == e.sv
    assert (e.cpi is UNDEFINED) == (ac.amount == 0)
    assert (e.spi is UNDEFINED) == (pv.amount == 0)
    assert e.ac + e.bac - e.ev == e.eac_atypical
    if e.cpi is not UNDEFINED:
        assert e.cpi * ac.amount == pytest.approx(ev.amount)


@given(bac=dollars, pv=dollars, ev=dollars, ac=dollars)
def test_eac_cpi_is_bac_times_ac_over_ev(bac, pv, ev, ac):
    assume(ac.amount > 0 and ev.amount > 0)
    e = EarnedValue(bac=bac, pv=pv, ev=ev, ac=ac)
    assert usd(bac.amount * ac.amount / ev.amount) == e.eac_cpi
    assert e.eac_cpi - e.ac == e.etc
    assert e.bac - e.eac_cpi == e.vac


SIGNED_AT = pendulum.datetime(2026, 11, 2, 9, tz="UTC")


def cny(amount: object) -> Money:
    return Money(amount, "CNY")


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
