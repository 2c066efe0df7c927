"""Earned value: a textbook example, the sample project, zero denominators, properties."""

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import assume, given, strategies as st

import clientpm as cpm
from clientpm.errors import ValidationError
from clientpm.metrics.earned_value import EarnedValue, earned_value
from clientpm.metrics.ratio import UNDEFINED
from clientpm.money import Money


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
        with pytest.raises(ValidationError, match=r"earned_value\.as_of: expected a calendar"):
            earned_value(cpm.sample_project(), as_of="2026-11-24")  # type: ignore[arg-type]
        at = pendulum.datetime(2026, 11, 24, tz="UTC")
        with pytest.raises(ValidationError, match="DateTime"):
            earned_value(cpm.sample_project(), as_of=at)

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
        p2 = p.replace(attrs.evolve(r, estimate_days=Decimal(20), pessimistic_days=Decimal(30)))
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


money = st.decimals(min_value=0, max_value=10**9, places=2).map(usd)


@given(bac=money, pv=money, ev=money, ac=money)
def test_properties(bac, pv, ev, ac):
    e = EarnedValue(bac=bac, pv=pv, ev=ev, ac=ac)
    assert e.ev - e.ac == e.cv
    assert e.ev - e.pv == e.sv
    assert (e.cpi is UNDEFINED) == (ac.amount == 0)
    assert (e.spi is UNDEFINED) == (pv.amount == 0)
    assert e.ac + e.bac - e.ev == e.eac_atypical
    if e.cpi is not UNDEFINED:
        assert e.cpi * ac.amount == pytest.approx(ev.amount)


@given(bac=money, pv=money, ev=money, ac=money)
def test_eac_cpi_is_bac_times_ac_over_ev(bac, pv, ev, ac):
    assume(ac.amount > 0 and ev.amount > 0)
    e = EarnedValue(bac=bac, pv=pv, ev=ev, ac=ac)
    assert usd(bac.amount * ac.amount / ev.amount) == e.eac_cpi
    assert e.eac_cpi - e.ac == e.etc
    assert e.bac - e.eac_cpi == e.vac
