"""Earned value: whether the project spends its budget at the pace it delivers the scope.

:class:`EarnedValue` holds the four base figures and derives the indices and
forecasts from them; :func:`earned_value` measures the four figures on a
:class:`~clientpm.Project` as of a date.

The four figures (all :class:`~clientpm.Money` in one currency):

* **BAC** (budget at completion): what the whole scope is budgeted to cost;
* **PV** (planned value): the budgeted cost of the work planned to be done by now;
* **EV** (earned value): the budgeted cost of the work actually done by now;
* **AC** (actual cost): what was actually spent by now.

Every derived ratio whose denominator is zero is :data:`~clientpm.metrics.ratio.UNDEFINED`,
never 0: a CPI with no actual cost, or an EAC when the CPI is undefined or 0,
cannot be computed and says so.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from clientpm._checks import Checks, describe
from clientpm.enums import RequirementStatus
from clientpm.errors import ValidationError
from clientpm.metrics.ratio import UNDEFINED, Undefined, ratio
from clientpm.model.milestone import Milestone
from clientpm.model.project import Project, require_project
from clientpm.model.requirement import Requirement
from clientpm.money import Money
from clientpm.work_calendar import status_day

__all__ = ["EarnedValue", "earned_value"]

_ZERO = Decimal(0)


@attrs.frozen
class EarnedValue:
    """The four earned-value figures of a project, and what follows from them.

    Attributes:
        bac: Budget at completion: the budgeted cost of the whole scope.
        pv: Planned value: the budgeted cost of the work planned by the status date.
        ev: Earned value: the budgeted cost of the work done by the status date.
        ac: Actual cost: the money spent by the status date.

    All four are :class:`~clientpm.Money` of one currency, none negative.
    Derived figures: ``cv`` and ``sv`` (Money), ``cpi`` and ``spi``
    (Decimal), the earned-value estimates at completion (not the forecast
    cost of :func:`clientpm.model.budget.forecast_cost`) ``eac_cpi``, ``eac_atypical``,
    ``eac_cpi_spi`` and :meth:`eac_bottom_up`, then ``etc``, ``vac``,
    ``tcpi`` and :meth:`tcpi_eac`. Any of them is :data:`UNDEFINED` when its
    denominator is zero.

    Example:
        >>> from clientpm import Money
        >>> ev = EarnedValue(bac=Money("100000", "USD"), pv=Money("50000", "USD"),
        ...                  ev=Money("40000", "USD"), ac=Money("45000", "USD"))
        >>> ev.cv, ev.sv, round(ev.cpi, 3), ev.spi
        (Money('-5000.00', 'USD'), Money('-10000.00', 'USD'), Decimal('0.889'), Decimal('0.8'))
        >>> ev.eac_cpi, ev.etc, ev.vac
        (Money('112500.00', 'USD'), Money('67500.00', 'USD'), Money('-12500.00', 'USD'))
        >>> EarnedValue(bac=Money("10", "USD"), pv=Money("0", "USD"),
        ...             ev=Money("0", "USD"), ac=Money("0", "USD")).cpi
        UNDEFINED

    """

    bac: Money
    pv: Money
    ev: Money
    ac: Money

    def __attrs_post_init__(self) -> None:
        c = Checks("EarnedValue")
        fields = {"bac": self.bac, "pv": self.pv, "ev": self.ev, "ac": self.ac}
        for name, value in fields.items():
            c.money(name, value)
        c.raise_if_any()
        currency = self.bac.currency
        for name, value in fields.items():
            if value.currency != currency:
                c.add(
                    name,
                    f"expected money in the currency of bac ({currency}), got {value}",
                )
            elif value.amount < 0:
                c.add(name, f"expected an amount >= 0, got {value}")
        c.raise_if_any()

    # -- helpers ----------------------------------------------------------------
    @property
    def currency(self) -> str:
        """The ISO 4217 currency of the four figures."""
        return self.bac.currency

    def _money(self, amount: Decimal) -> Money:
        return Money(amount, self.currency)

    # -- variances and indices --------------------------------------------------
    @property
    def cv(self) -> Money:
        """Cost variance ``EV - AC`` (negative: over budget for the work done)."""
        return self.ev - self.ac

    @property
    def sv(self) -> Money:
        """Schedule variance ``EV - PV`` (negative: behind plan)."""
        return self.ev - self.pv

    @property
    def cpi(self) -> Decimal | Undefined:
        """Cost performance index ``EV / AC``; :data:`UNDEFINED` when nothing was spent."""
        return ratio(self.ev.amount, self.ac.amount)

    @property
    def spi(self) -> Decimal | Undefined:
        """Schedule performance index ``EV / PV``; :data:`UNDEFINED` when nothing was planned."""
        return ratio(self.ev.amount, self.pv.amount)

    @property
    def percent_complete(self) -> Decimal | Undefined:
        """``EV / BAC``: the share of the budgeted scope earned; :data:`UNDEFINED` when BAC is 0."""
        return ratio(self.ev.amount, self.bac.amount)

    # -- estimates at completion ------------------------------------------------
    @property
    def eac_cpi(self) -> Money | Undefined:
        """Estimate at completion ``BAC / CPI`` (= ``BAC × AC / EV``): the cost rate continues.

        An earned-value estimate, not the project's forecast cost (spent to
        date plus the remaining work at the day rate,
        :func:`clientpm.model.budget.forecast_cost`, which reports show as
        "Forecast cost"). :data:`UNDEFINED` when the CPI is undefined (AC = 0)
        or 0 (EV = 0).
        """
        if self.ac.amount == 0 or self.ev.amount == 0:
            return UNDEFINED
        return self._money(self.bac.amount * self.ac.amount / self.ev.amount)

    @property
    def eac_atypical(self) -> Money:
        """Estimate at completion ``AC + (BAC - EV)``: the overrun so far was a one-off."""
        return self.ac + (self.bac - self.ev)

    @property
    def eac_cpi_spi(self) -> Money | Undefined:
        """Estimate at completion ``AC + (BAC - EV) / (CPI × SPI)``: cost and schedule both weigh.

        :data:`UNDEFINED` when CPI or SPI is undefined, or their product is 0.
        """
        if self.ac.amount == 0 or self.pv.amount == 0 or self.ev.amount == 0:
            return UNDEFINED
        remaining = self.bac.amount - self.ev.amount
        product = (self.ev.amount / self.ac.amount) * (self.ev.amount / self.pv.amount)
        return self._money(self.ac.amount + remaining / product)

    def eac_bottom_up(self, etc: Money) -> Money:
        """Estimate at completion ``AC + ETC`` from a new, bottom-up estimate of the rest.

        Raises:
            ValidationError: when ``etc`` is not Money of the same currency, or negative.

        Example:
            >>> from clientpm import Money
            >>> ev = EarnedValue(bac=Money("100", "EUR"), pv=Money("50", "EUR"),
            ...                  ev=Money("40", "EUR"), ac=Money("45", "EUR"))
            >>> ev.eac_bottom_up(Money("70", "EUR"))
            Money('115.00', 'EUR')

        """
        if not isinstance(etc, Money) or etc.currency != self.currency or etc.amount < 0:
            raise ValidationError.single(
                "EarnedValue.eac_bottom_up.etc",
                f"expected Money >= 0 in {self.currency}, got {describe(etc)}",
            )
        return self.ac + etc

    @property
    def etc(self) -> Money | Undefined:
        """Estimate to complete ``EAC - AC`` for the CPI estimate (:attr:`eac_cpi`)."""
        eac = self.eac_cpi
        return UNDEFINED if isinstance(eac, Undefined) else eac - self.ac

    @property
    def vac(self) -> Money | Undefined:
        """Variance at completion ``BAC - EAC`` for the CPI estimate (negative: overrun)."""
        eac = self.eac_cpi
        return UNDEFINED if isinstance(eac, Undefined) else self.bac - eac

    # -- to-complete performance ------------------------------------------------
    @property
    def tcpi(self) -> Decimal | Undefined:
        """To-complete performance index ``(BAC - EV) / (BAC - AC)`` to finish on budget.

        :data:`UNDEFINED` when the budget is fully spent (AC = BAC).
        """
        return ratio(self.bac.amount - self.ev.amount, self.bac.amount - self.ac.amount)

    def tcpi_eac(self, eac: Money | None = None) -> Decimal | Undefined:
        """To-complete performance index ``(BAC - EV) / (EAC - AC)`` to finish at an EAC.

        ``eac`` defaults to :attr:`eac_cpi`; :data:`UNDEFINED` when that is
        undefined or when EAC = AC.

        Example:
            >>> from clientpm import Money
            >>> ev = EarnedValue(bac=Money("100000", "USD"), pv=Money("50000", "USD"),
            ...                  ev=Money("40000", "USD"), ac=Money("45000", "USD"))
            >>> round(ev.tcpi_eac(), 3), ev.tcpi_eac(Money("105000", "USD"))
            (Decimal('0.889'), Decimal('1'))

        """
        target = self.eac_cpi if eac is None else eac
        if isinstance(target, Undefined):
            return UNDEFINED
        if not isinstance(target, Money) or target.currency != self.currency:
            raise ValidationError.single(
                "EarnedValue.tcpi_eac.eac",
                f"expected Money in {self.currency} or None, got {describe(eac)}",
            )
        return ratio(self.bac.amount - self.ev.amount, target.amount - self.ac.amount)


# -- measuring a project --------------------------------------------------------
def _budget_days(r: Requirement) -> Decimal:
    base = r.baseline_estimate_days
    return r.estimate_days if base is None else base


def _done_by(r: Requirement, project: Project, as_of: pendulum.Date) -> bool:
    if r.status is not RequirementStatus.DONE or r.completed_at is None:
        return False
    return project.calendar.local_date(r.completed_at) <= as_of


def _accrued(
    project: Project,
    amount: Money,
    after: pendulum.Date,
    until: pendulum.Date,
    as_of: pendulum.Date,
) -> Money:
    """Accrue ``amount`` linearly over the working days after ``after`` up to ``until``."""
    cal = project.calendar
    total = cal.workdays_between(after, until)
    if total <= 0:  # an empty window: all of it on its last day
        return amount if as_of >= until else Money.zero(amount.currency)
    if as_of >= until:
        return amount
    if as_of <= after:
        return Money.zero(amount.currency)
    elapsed = cal.workdays_between(after, as_of)
    return amount * (Decimal(elapsed) / Decimal(total))


def _window_start(project: Project, m: Milestone) -> pendulum.Date:
    """The day before the milestone's planned window opens."""
    deps = [project.milestone(d).baseline_due for d in m.depends_on]
    if deps:
        return max(deps)
    return project.start.subtract(days=1)


def earned_value(project: Project, *, as_of: pendulum.Date) -> EarnedValue:
    """Measure a project's earned value as of a date (the end of that day).

    The rules:

    * **BAC**: the budgeted cost of the signed-off scope
      (``project.scope_baseline``): each requirement's
      ``baseline_estimate_days`` (its ``estimate_days`` when it has no
      baseline) times ``project.day_rate``.
    * **PV**: each milestone's budget (the budgeted cost of its deliverables
      in the signed-off scope) accrues linearly, in working days of the
      project calendar, over the milestone's *planned window*: from the day
      after the latest ``baseline_due`` of the milestones it depends on (or
      from ``project.start`` when it depends on none) up to and including its
      own ``baseline_due``. A window with no working day accrues the whole
      budget on its ``baseline_due``. A requirement delivered by several
      milestones is budgeted once, in the first of them (project order); a
      signed-off requirement no milestone delivers accrues over the whole
      project, from ``project.start`` to ``project.end`` (or to the latest
      milestone ``baseline_due`` when there is no end). PV is the sum accrued
      up to ``as_of``.
    * **EV** uses the *0/100 rule*: a signed-off requirement earns its whole
      budgeted cost once it is done on or before ``as_of`` (``completed_at``
      read in the calendar's time zone), and nothing before: partial work
      earns nothing.
    * **AC**: the sum of ``project.actual_costs`` dated on or before ``as_of``.

    Raises:
        ValidationError: for something that is not a project, or an ``as_of``
            that is not a date or an aware date and time (read, like every
            status date, through :func:`clientpm.work_calendar.status_day`).

    Example:
        >>> import pendulum
        >>> from clientpm import sample_project
        >>> ev = earned_value(sample_project(), as_of=pendulum.date(2026, 11, 24))
        >>> ev.bac, ev.pv, ev.ev, ev.ac
        (Money('224000.00', 'CNY'), Money('20160.00', 'CNY'), Money('32000.00', 'CNY'), Money('124000.00', 'CNY'))

    """  # noqa: E501
    project = require_project(project, "earned_value.project")
    day = status_day(as_of, project.calendar, "earned_value.as_of")
    rate = project.day_rate
    cur = project.currency
    zero = Money.zero(cur)
    scope = {r.id: r for r in project.scope_baseline}
    budget = {rid: rate * _budget_days(r) for rid, r in scope.items()}
    bac = sum(budget.values(), zero)

    pv = zero
    planned: set[str] = set()
    for m in project.milestones:
        mine = [d for d in m.deliverables if d in budget and d not in planned]
        planned.update(mine)
        amount = sum((budget[d] for d in mine), zero)
        if amount:
            pv += _accrued(project, amount, _window_start(project, m), m.baseline_due, day)
    loose = sum((budget[rid] for rid in budget if rid not in planned), zero)
    if loose:
        last = project.end or max((m.baseline_due for m in project.milestones), default=None)
        pv += _accrued(project, loose, project.start.subtract(days=1), last or project.start, day)

    ev = sum((budget[rid] for rid, r in scope.items() if _done_by(r, project, day)), zero)
    ac = sum((c.amount for c in project.actual_costs if c.on <= day), zero)
    return EarnedValue(bac=bac, pv=pv, ev=ev, ac=ac)
