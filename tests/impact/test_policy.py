"""The change policy: conversions, every check, the currency and escalation edges."""

from decimal import Decimal

import pytest

import clientpm as cpm
from clientpm.enums import Role
from clientpm.errors import CurrencyMismatchError, UnknownReferenceError
from clientpm.impact.policy import DEFAULT_APPROVAL_LIMITS, ChangePolicy
from tests.helpers import problems

PM, AM, EX, TM = Role.PROJECT_MANAGER, Role.ACCOUNT_MANAGER, Role.EXECUTIVE, Role.TEAM_MEMBER


def usd(amount: str) -> cpm.Money:
    return cpm.Money(amount, "USD")


class TestDefaults:
    def test_default_values(self):
        policy = ChangePolicy()
        assert Decimal(2) == policy.free_allowance_days
        assert policy.free_allowance is None
        assert Decimal(10) == policy.contingency_pct
        assert DEFAULT_APPROVAL_LIMITS == policy.approval_limits
        assert ((PM, Decimal(5)), (AM, Decimal(20)), (EX, None)) == policy.approval_limits
        assert () == policy.contractual
        assert policy.end_is_contractual is True
        assert "escalate" == policy.on_contractual_breach
        assert EX == policy.top_role


class TestLimitConversion:
    def test_mapping_becomes_pairs_with_decimal_days(self):
        policy = ChangePolicy(approval_limits={"project_manager": 3, "executive": None})
        assert ((PM, Decimal(3)), (EX, None)) == policy.approval_limits
        assert isinstance(policy.approval_limits[0][1], Decimal)

    def test_lists_and_strings_are_converted(self):
        policy = ChangePolicy(approval_limits=[["project_manager", "2.5"], ("executive", "40")])
        assert ((PM, Decimal("2.5")), (EX, Decimal(40))) == policy.approval_limits
        assert isinstance(policy.approval_limits, tuple)
        assert all(isinstance(item, tuple) for item in policy.approval_limits)

    def test_money_limit_kept_as_money(self):
        policy = ChangePolicy(
            approval_limits=[("project_manager", usd("1000")), ("executive", None)]
        )
        assert ((PM, usd("1000")), (EX, None)) == policy.approval_limits

    def test_not_a_pair_is_reported_with_its_index(self):
        assert [
            "ChangePolicy.approval_limits[1]: expected a (role, limit) pair, got str 'x'"
        ] == problems(ChangePolicy, approval_limits=[("project_manager", 5), "x"])
        assert [
            (
                "ChangePolicy.approval_limits[0]: expected a (role, limit) pair, "
                "got tuple ('project_manager', 5, 1)"
            )
        ] == problems(ChangePolicy, approval_limits=[("project_manager", 5, 1)])
        assert [
            "ChangePolicy.approval_limits[0]: expected a (role, limit) pair, got list ['executive']"
        ] == problems(ChangePolicy, approval_limits=[["executive"]])

    @pytest.mark.parametrize("value", [(), [], {}, 5, "project_manager"])
    def test_not_a_sequence_of_pairs(self, value):
        assert [
            "ChangePolicy.approval_limits: expected (role, limit) pairs, "
            f"e.g. [('project_manager', 5)], got {type(value).__name__} {value!r}"
            if not isinstance(value, (list, dict))
            else "ChangePolicy.approval_limits: expected (role, limit) pairs, "
            "e.g. [('project_manager', 5)], got tuple ()"
        ] == problems(ChangePolicy, approval_limits=value)


class TestChecks:
    def test_boundaries_accepted(self):
        policy = ChangePolicy(
            free_allowance_days=0,
            free_allowance=usd("0"),
            contingency_pct=100,
            approval_limits=[("project_manager", 0), ("account_manager", usd("0"))],
        )
        assert Decimal(0) == policy.free_allowance_days
        assert Decimal(100) == policy.contingency_pct
        assert ChangePolicy(contingency_pct=0).contingency_pct == Decimal(0)

    def test_negative_free_allowance_money(self):
        assert ["ChangePolicy.free_allowance: expected money >= 0, got -1.00 USD"] == problems(
            ChangePolicy, free_allowance=usd("-1")
        )

    def test_free_allowance_must_be_money(self):
        assert [
            "ChangePolicy.free_allowance: expected Money, e.g. Money('4000', 'CNY'), got str '5'"
        ] == problems(ChangePolicy, free_allowance="5")

    @pytest.mark.parametrize("pct", ["100.01", 101, 250])
    def test_contingency_above_100(self, pct):
        assert [
            f"ChangePolicy.contingency_pct: expected a percentage from 0 to 100, got {pct}"
        ] == problems(ChangePolicy, contingency_pct=pct)

    def test_all_problems_reported_in_order(self):
        assert [
            "ChangePolicy.free_allowance_days: expected a number >= 0, got -1",
            "ChangePolicy.contingency_pct: expected a number >= 0, got -1",
            (
                "ChangePolicy.approval_limits[0]: expected a role on the team's side, "
                "got client role 'sponsor'"
            ),
            "ChangePolicy.approval_limits[0]: expected a limit >= 0 person-days, got -2",
            "ChangePolicy.approval_limits[1]: expected a (role, limit) pair, got str 'x'",
            "ChangePolicy.contractual[0]: expected a non-empty milestone id, got int 1",
            "ChangePolicy.end_is_contractual: expected True or False, got str 'y'",
            "ChangePolicy.on_contractual_breach: expected 'escalate' or 'reject', got str 'no'",
        ] == problems(
            ChangePolicy,
            free_allowance_days=-1,
            contingency_pct=-1,
            approval_limits=[("sponsor", -2), "x"],
            contractual=[1],
            end_is_contractual="y",
            on_contractual_breach="no",
        )

    def test_unknown_role(self):
        assert [
            (
                "ChangePolicy.approval_limits[0]: expected a team role ('project_manager', "
                "'account_manager', 'team_member', 'executive'), got str 'bogus'"
            )
        ] == problems(ChangePolicy, approval_limits=[("bogus", 5)])

    @pytest.mark.parametrize("role", ["sponsor", "client_contact", "end_user"])
    def test_client_roles_refused(self, role):
        assert [
            (
                f"ChangePolicy.approval_limits[0]: expected a role on the team's side, "
                f"got client role {role!r}"
            )
        ] == problems(ChangePolicy, approval_limits=[(role, None)])

    @pytest.mark.parametrize(
        ("limit", "shown"), [("-1", "-1"), ("NaN", "NaN"), ("Infinity", "Infinity")]
    )
    def test_bad_day_limits(self, limit, shown):
        assert [
            f"ChangePolicy.approval_limits[0]: expected a limit >= 0 person-days, got {shown}"
        ] == problems(ChangePolicy, approval_limits=[("project_manager", limit)])

    def test_negative_money_limit(self):
        assert [
            "ChangePolicy.approval_limits[0]: expected a limit >= 0, got -1.00 USD"
        ] == problems(ChangePolicy, approval_limits=[("project_manager", usd("-1"))])

    def test_limit_of_another_type(self):
        assert [
            (
                "ChangePolicy.approval_limits[0]: expected person-days, Money or None (no limit), "
                "got str 'x'"
            )
        ] == problems(ChangePolicy, approval_limits=[("project_manager", "x")])

    def test_reject_is_a_valid_breach_action(self):
        assert "reject" == ChangePolicy(on_contractual_breach="reject").on_contractual_breach

    def test_mixed_currencies(self):
        with pytest.raises(CurrencyMismatchError) as info:
            ChangePolicy(
                free_allowance=cpm.Money("1", "EUR"),
                approval_limits=[("project_manager", usd("1")), ("executive", None)],
            )
        assert "ChangePolicy: expected all money in one currency, got EUR, USD" == str(info.value)

    def test_one_currency_accepted(self):
        policy = ChangePolicy(
            free_allowance=usd("50"),
            approval_limits=[("project_manager", usd("1")), ("account_manager", usd("9"))],
        )
        policy.check_currency("USD")
        assert usd("50") == policy.free_allowance


class TestCheckCurrency:
    def test_free_allowance_in_another_currency(self):
        with pytest.raises(CurrencyMismatchError) as info:
            ChangePolicy(free_allowance=usd("5000")).check_currency("CNY")
        assert (
            "ChangePolicy.free_allowance: expected money in the project currency CNY, "
            "got 5000.00 USD"
        ) == str(info.value)

    def test_limit_in_another_currency_names_its_index(self):
        policy = ChangePolicy(
            approval_limits=[
                ("project_manager", 5),
                ("account_manager", usd("9")),
                ("executive", None),
            ]
        )
        with pytest.raises(CurrencyMismatchError) as info:
            policy.check_currency("CNY")
        assert (
            "ChangePolicy.approval_limits[1]: expected money in the project currency CNY, "
            "got 9.00 USD"
        ) == str(info.value)
        policy.check_currency("USD")

    def test_day_limits_and_no_money_pass_any_currency(self):
        ChangePolicy().check_currency("EUR")


class TestDecider:
    @pytest.mark.parametrize(
        ("effort", "expected"),
        [
            (0, (PM, False)),
            (5, (PM, False)),
            (Decimal("5.01"), (AM, True)),
            (20, (AM, True)),
            (Decimal("20.5"), (EX, True)),
            (-5, (PM, False)),
            (-6, (AM, True)),
            (-21, (EX, True)),
        ],
    )
    def test_default_chain(self, effort, expected):
        assert expected == ChangePolicy().decider(effort_days=effort)

    def test_beyond_every_limit_the_last_role_decides(self):
        policy = ChangePolicy(approval_limits=[("project_manager", 1), ("account_manager", 2)])
        assert (AM, True) == policy.decider(effort_days=3)
        assert (AM, True) == policy.decider(effort_days=2)
        assert (PM, False) == policy.decider(effort_days=1)

    def test_single_role_chain_never_escalates(self):
        policy = ChangePolicy(approval_limits=[("project_manager", 1)])
        assert (PM, False) == policy.decider(effort_days=9)
        assert (PM, False) == policy.decider(effort_days=1)
        unlimited = ChangePolicy(approval_limits=[("team_member", None)])
        assert (TM, False) == unlimited.decider(effort_days=100)

    def test_money_limits_compare_the_absolute_cost(self):
        policy = ChangePolicy(
            approval_limits=[
                ("project_manager", usd("1000")),
                ("account_manager", 20),
                ("executive", None),
            ]
        )
        assert (PM, False) == policy.decider(effort_days=50, cost=usd("1000"))
        assert (PM, False) == policy.decider(effort_days=50, cost=usd("-1000"))
        assert (AM, True) == policy.decider(effort_days=1, cost=usd("1000.01"))
        assert (AM, True) == policy.decider(effort_days=1, cost=usd("-1000.01"))
        assert (AM, True) == policy.decider(effort_days=1)  # no cost: money limit skipped
        assert (EX, True) == policy.decider(effort_days=21, cost=usd("5000"))

    def test_top_role(self):
        assert (
            AM
            == ChangePolicy(
                approval_limits=[("project_manager", 1), ("account_manager", 2)]
            ).top_role
        )


class TestValidateFor:
    def test_known_milestones_pass(self):
        ChangePolicy(contractual=["M1"]).validate_for({"M1", "M2"}, "CNY")

    def test_currency_checked_first(self):
        with pytest.raises(CurrencyMismatchError):
            ChangePolicy(contractual=["M9"], free_allowance=usd("1")).validate_for(["M1"], "CNY")

    def test_every_missing_milestone_listed(self):
        with pytest.raises(UnknownReferenceError) as info:
            ChangePolicy(contractual=["M9", "M1", "M10"]).validate_for(["M2", "M1"], "CNY")
        assert [
            "ChangePolicy.contractual: names unknown milestone 'M9' (known: M1, M2)",
            "ChangePolicy.contractual: names unknown milestone 'M10' (known: M1, M2)",
        ] == [str(p) for p in info.value.problems]

    def test_ten_known_shown_in_full(self):
        known = [f"A{i:02}" for i in range(10)]
        with pytest.raises(UnknownReferenceError) as info:
            ChangePolicy(contractual=["M9"]).validate_for(known, "CNY")
        assert [
            "ChangePolicy.contractual: names unknown milestone 'M9' (known: "
            + ", ".join(known)
            + ")"
        ] == [str(p) for p in info.value.problems]

    def test_more_than_ten_known_are_cut(self):
        known = [f"A{i:02}" for i in reversed(range(11))]
        with pytest.raises(UnknownReferenceError) as info:
            ChangePolicy(contractual=["M9"]).validate_for(known, "CNY")
        assert [
            "ChangePolicy.contractual: names unknown milestone 'M9' (known: "
            + ", ".join(f"A{i:02}" for i in range(10))
            + ", … (11 in all))"
        ] == [str(p) for p in info.value.problems]


class TestSecondPlace:
    def test_items_after_a_bad_one_are_still_converted_and_checked(self):
        assert [
            "ChangePolicy.approval_limits[0]: expected a (role, limit) pair, got str 'x'",
            (
                "ChangePolicy.approval_limits[1]: expected a team role ('project_manager', "
                "'account_manager', 'team_member', 'executive'), got str 'bogus'"
            ),
            "ChangePolicy.approval_limits[2]: expected a limit >= 0 person-days, got -1",
        ] == problems(ChangePolicy, approval_limits=["x", ("bogus", 5), ("executive", "-1")])

    def test_the_second_role_is_an_escalation_whatever_its_limit(self):
        unlimited = ChangePolicy(approval_limits=[("project_manager", 1), ("executive", None)])
        assert (EX, True) == unlimited.decider(effort_days=5)
        money = ChangePolicy(
            approval_limits=[("project_manager", 1), ("account_manager", usd("1000"))]
        )
        assert (AM, True) == money.decider(effort_days=5, cost=usd("500"))
