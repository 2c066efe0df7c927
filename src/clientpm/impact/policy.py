"""The change policy: what the team absorbs, what it bills, and who decides (D6, D14).

:func:`clientpm.impact.assess_change` recommends *reject*, *absorb (free)* or
*bill (paid)* for a change request under a :class:`ChangePolicy`. The
defaults are what a small agency typically agrees with itself:

* **free allowance**: 2 person-days per project. Small favours keep the
  relationship warm; approved free changes use the allowance up, so the
  third small favour is billed. An optional money cap applies as well.
* **contingency**: 10 % on top of the effort cost of a paid change (the
  estimate of a change made in a hurry is less certain than the plan's).
* **approval limits**: the project manager decides changes up to
  5 person-days, the account manager up to 20, an executive above that.
  Anything beyond the project manager's limit is an *escalation*.
* **contractual dates**: the project's ``end`` date, plus any milestone listed
  in ``contractual``. A change that would break one is escalated to the top
  of the approval chain (``on_contractual_breach="escalate"``) or rejected
  outright (``"reject"``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Literal, Union

import attrs

from clientpm._checks import Checks, describe, known
from clientpm._convert import to_decimal_or_keep, to_enum, to_strings
from clientpm.enums import Role
from clientpm.errors import CurrencyMismatchError, Problem, UnknownReferenceError
from clientpm.money import Money

__all__ = ["DEFAULT_APPROVAL_LIMITS", "ApprovalLimit", "ChangePolicy"]

#: The most one role may approve on the team's side: person-days of effort
#: (a number), a cost including contingency (:class:`~clientpm.Money`), or
#: ``None`` for no limit.
ApprovalLimit = Union[Decimal, Money, None]  # noqa: UP007 - a runtime alias on Python 3.10

#: Project manager up to 5 person-days, account manager up to 20, executive above.
DEFAULT_APPROVAL_LIMITS: tuple[tuple[Role, ApprovalLimit], ...] = (
    (Role.PROJECT_MANAGER, Decimal(5)),
    (Role.ACCOUNT_MANAGER, Decimal(20)),
    (Role.EXECUTIVE, None),
)

_BREACH_ACTIONS = ("escalate", "reject")


def _to_limits(value: object) -> tuple[tuple[Role, ApprovalLimit], ...]:
    items: Iterable[object]
    if isinstance(value, Mapping):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        return value  # type: ignore[return-value]  # refused by the checks
    result = []
    for item in items:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            result.append(item)
            continue
        role, limit = item
        if not isinstance(limit, Money) and limit is not None:
            limit = to_decimal_or_keep(limit)
        result.append((to_enum(Role, role), limit))
    return tuple(result)  # type: ignore[arg-type]


def _optional_money(value: object) -> Money | None:
    return value  # type: ignore[return-value]  # checked in __attrs_post_init__


@attrs.frozen
class ChangePolicy:
    """How the team answers change requests; see the module docstring for the defaults.

    Attributes:
        free_allowance_days: Person-days of extra work per project the team
            absorbs free of charge; approved free changes use it up.
        free_allowance: Optional cap on the cost of free changes, in the
            project's currency; ``None`` for no money cap.
        contingency_pct: Percentage added to the effort cost of a change
            (0 to 100).
        approval_limits: ``(role, limit)`` pairs in escalation order, first the
            role that decides small changes. A limit is person-days (a number),
            a cost (:class:`~clientpm.Money`, contingency included) or ``None``
            for no limit. A mapping is accepted too.
        contractual: Ids of the milestones whose due dates are contractual.
        end_is_contractual: Whether the project's ``end`` date is contractual.
        on_contractual_breach: ``"escalate"`` (to the last role of the
            approval limits) or ``"reject"``.

    Example:
        >>> from clientpm.impact import ChangePolicy
        >>> policy = ChangePolicy(free_allowance_days=3, contractual=["M4"])
        >>> policy.decider(effort_days=8)
        (<Role.ACCOUNT_MANAGER: 'account_manager'>, True)
        >>> ChangePolicy(free_allowance_days=-1)
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: ChangePolicy.free_allowance_days: expected a number >= 0, got -1

    """  # noqa: E501

    free_allowance_days: Decimal = attrs.field(default=Decimal(2), converter=to_decimal_or_keep)
    free_allowance: Money | None = attrs.field(default=None, converter=_optional_money)
    contingency_pct: Decimal = attrs.field(default=Decimal(10), converter=to_decimal_or_keep)
    approval_limits: tuple[tuple[Role, ApprovalLimit], ...] = attrs.field(
        default=DEFAULT_APPROVAL_LIMITS, converter=_to_limits
    )
    contractual: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    end_is_contractual: bool = True
    on_contractual_breach: Literal["escalate", "reject"] = "escalate"

    def __attrs_post_init__(self) -> None:
        c = Checks("ChangePolicy")
        c.number("free_allowance_days", self.free_allowance_days, low=0)
        c.money("free_allowance", self.free_allowance, optional=True)
        if isinstance(self.free_allowance, Money) and self.free_allowance.amount < 0:
            c.add("free_allowance", f"expected money >= 0, got {self.free_allowance}")
        c.number("contingency_pct", self.contingency_pct, low=0)
        if isinstance(self.contingency_pct, Decimal) and self.contingency_pct > 100:
            c.add(
                "contingency_pct",
                f"expected a percentage from 0 to 100, got {self.contingency_pct}",
            )
        self._check_limits(c)
        c.strings("contractual", self.contractual, what="milestone id")
        c.boolean("end_is_contractual", self.end_is_contractual)
        if self.on_contractual_breach not in _BREACH_ACTIONS:
            c.add(
                "on_contractual_breach",
                f"expected 'escalate' or 'reject', got {describe(self.on_contractual_breach)}",
            )
        c.raise_if_any()
        currencies = {m.currency for m in self._money()}
        if len(currencies) > 1:
            raise CurrencyMismatchError(
                f"ChangePolicy: expected all money in one currency, got "
                f"{', '.join(sorted(currencies))}"
            )

    def _check_limits(self, c: Checks) -> None:
        limits = self.approval_limits
        if not isinstance(limits, tuple) or not limits:
            c.add(
                "approval_limits",
                f"expected (role, limit) pairs, e.g. [('project_manager', 5)], got "
                f"{describe(limits)}",
            )
            return
        for k, item in enumerate(limits):
            where = f"approval_limits[{k}]"
            if not isinstance(item, tuple) or len(item) != 2:
                c.add(where, f"expected a (role, limit) pair, got {describe(item)}")
                continue
            role, limit = item
            if not isinstance(role, Role):
                allowed = ", ".join(repr(r.value) for r in Role if not r.is_client)
                c.add(where, f"expected a team role ({allowed}), got {describe(role)}")
            elif role.is_client:
                c.add(where, f"expected a role on the team's side, got client role {role.value!r}")
            if isinstance(limit, Decimal):
                if not limit.is_finite() or limit < 0:
                    c.add(where, f"expected a limit >= 0 person-days, got {limit}")
            elif isinstance(limit, Money):
                if limit.amount < 0:
                    c.add(where, f"expected a limit >= 0, got {limit}")
            elif limit is not None:
                c.add(
                    where,
                    f"expected person-days, Money or None (no limit), got {describe(limit)}",
                )

    def _money(self) -> list[Money]:
        found = [lim for _, lim in self.approval_limits if isinstance(lim, Money)]
        if self.free_allowance is not None:
            found.append(self.free_allowance)
        return found

    def check_currency(self, currency: str) -> None:
        """Raise unless every amount in the policy is in ``currency``.

        Raises:
            CurrencyMismatchError: naming the field and the amount.

        Example:
            >>> import clientpm as cpm
            >>> from clientpm.impact import ChangePolicy
            >>> ChangePolicy(free_allowance=cpm.Money("5000", "USD")).check_currency("CNY")
            Traceback (most recent call last):
            ...
            clientpm.errors.CurrencyMismatchError: ChangePolicy.free_allowance: expected money in the project currency CNY, got 5000.00 USD

        """  # noqa: E501
        if self.free_allowance is not None and self.free_allowance.currency != currency:
            raise CurrencyMismatchError(
                f"ChangePolicy.free_allowance: expected money in the project currency "
                f"{currency}, got {self.free_allowance}"
            )
        for k, (_, limit) in enumerate(self.approval_limits):
            if isinstance(limit, Money) and limit.currency != currency:
                raise CurrencyMismatchError(
                    f"ChangePolicy.approval_limits[{k}]: expected money in the project "
                    f"currency {currency}, got {limit}"
                )

    def decider(
        self, *, effort_days: Decimal | int, cost: Money | None = None
    ) -> tuple[Role, bool]:
        """The role that decides a change of this size, and whether that is an escalation.

        The first role whose limit covers the change decides; a day limit is
        compared with the absolute effort, a money limit with the absolute
        cost. Beyond every limit, the last role decides.

        Example:
            >>> from clientpm.impact import ChangePolicy
            >>> ChangePolicy().decider(effort_days=3)
            (<Role.PROJECT_MANAGER: 'project_manager'>, False)
            >>> ChangePolicy().decider(effort_days=40)
            (<Role.EXECUTIVE: 'executive'>, True)

        """
        effort = abs(Decimal(effort_days))
        for k, (role, limit) in enumerate(self.approval_limits):
            if limit is None:
                return role, k > 0
            if isinstance(limit, Money):
                if cost is not None and abs(cost.amount) <= limit.amount:
                    return role, k > 0
            elif effort <= limit:
                return role, k > 0
        return self.approval_limits[-1][0], len(self.approval_limits) > 1

    @property
    def top_role(self) -> Role:
        """The last role of the approval chain, who decides escalations."""
        return self.approval_limits[-1][0]

    def validate_for(self, milestone_ids: Collection[str], currency: str) -> None:
        """Check the policy against a project's milestones and currency.

        Args:
            milestone_ids: The project's milestone ids (any collection; only
                membership is checked, so a :class:`~clientpm.scheduling.Schedule`
                is fine and costs nothing).
            currency: The project's currency.

        Raises:
            UnknownReferenceError: for a contractual milestone the project lacks.
            CurrencyMismatchError: for money in another currency.

        Example:
            >>> from clientpm.impact import ChangePolicy
            >>> ChangePolicy(contractual=["M9"]).validate_for(["M1", "M2"], "CNY")
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: ChangePolicy.contractual: names unknown milestone 'M9' (known: M1, M2)

        """  # noqa: E501
        self.check_currency(currency)
        missing = [m for m in self.contractual if m not in milestone_ids]
        if missing:
            shown = known(milestone_ids)
            raise UnknownReferenceError(
                Problem(
                    "ChangePolicy.contractual", f"names unknown milestone {m!r} (known: {shown})"
                )
                for m in missing
            )
