"""Money: exact amounts, half-up rounding, one currency at a time."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from tests.strategies import currency_codes, money_amounts


class TestConstruction:
    def test_rounds_half_up_at_minor_unit(self):
        """2.665 CNY is 2.67 (四舍五入), not the banker's 2.66."""
        assert Decimal("2.67") == cpm.Money("2.665", "CNY").amount
        assert Decimal("-2.67") == cpm.Money("-2.665", "CNY").amount

    def test_minor_units_by_currency(self):
        """JPY has no minor unit, KWD three."""
        assert Decimal("1235") == cpm.Money("1234.5", "JPY").amount
        assert Decimal("1.235") == cpm.Money("1.2345", "KWD").amount

    def test_accepts_int_str_decimal_and_lower_case_code(self):
        """Friendly input converts at the boundary."""
        assert cpm.Money(5, "cny") == cpm.Money("5.00", "CNY") == cpm.Money(Decimal(5), "CNY")

    def test_refuses_float_naming_the_fix(self):
        """Floats are not exact; the message says to pass a string."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Money(0.1, "CNY")
        assert str(info.value) == (
            "Money.amount: expected an exact number (int, Decimal or numeric string), "
            "got float 0.1 (pass '0.1' to keep it exact)"
        )

    def test_refuses_unknown_currency(self):
        """An unknown code names itself and what was expected."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Money("1", "XXX")
        assert str(info.value) == (
            "Money.currency: expected an ISO 4217 currency code such as 'CNY', 'USD' or "
            "'EUR', got 'XXX'"
        )

    @pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", True, None, [1]])
    def test_refuses_non_numbers(self, bad):
        """Junk amounts raise ValidationError, never a bare TypeError."""
        with pytest.raises(cpm.ValidationError, match=r"^Money\.amount: expected"):
            cpm.Money(bad, "CNY")


class TestArithmetic:
    def test_mixing_currencies_raises(self):
        """Adding CNY to USD is an error naming both."""
        with pytest.raises(cpm.CurrencyMismatchError) as info:
            cpm.Money("1", "CNY") + cpm.Money("1", "USD")
        assert "cannot add Money 1.00 CNY and 1.00 USD" in str(info.value)

    def test_compare_across_currencies_raises(self):
        """Ordering needs one currency."""
        with pytest.raises(cpm.CurrencyMismatchError):
            _ = cpm.Money("1", "CNY") < cpm.Money("2", "USD")

    def test_multiply_divide_and_sum(self):
        """Day rate times days, split, and sum() from 0."""
        rate = cpm.Money("4000", "CNY")
        assert cpm.Money("10000", "CNY") == rate * "2.5"
        assert cpm.Money("1333.33", "CNY") == rate / 3
        assert cpm.Money("8000", "CNY") == sum([rate, rate])

    def test_divide_by_zero_is_an_error(self):
        """Dividing money by zero is refused with a clear message."""
        with pytest.raises(cpm.ValidationError, match=r"cannot divide 4000\.00 CNY by zero"):
            cpm.Money("4000", "CNY") / 0

    def test_ratio_of_zero_is_undefined(self):
        """A ratio over zero is None (undefined), never 0."""
        assert cpm.Money("1", "CNY").ratio(cpm.Money("0", "CNY")) is None

    @given(money_amounts, money_amounts, currency_codes)
    def test_addition_is_exact_and_commutative(self, a, b, code):
        """Sums of quantized amounts are exact and order-free."""
        x, y = cpm.Money(a, code), cpm.Money(b, code)
        assert x + y == y + x
        assert (x + y) - y == x

    @given(money_amounts, currency_codes)
    def test_always_quantized(self, a, code):
        """Every amount has exactly the currency's minor-unit digits."""
        m = cpm.Money(a, code)
        assert -m.amount.as_tuple().exponent == cpm.money.CURRENCY_MINOR_UNITS[code] or (
            m.amount == 0
        )


class TestBounds:
    def test_twenty_eight_digits_are_money(self):
        """An amount of 28 digits with its minor unit is exact Money."""
        assert Decimal("9" * 26 + ".99") == cpm.Money("9" * 26 + ".99", "CNY").amount
        assert Decimal("9" * 28) == cpm.Money("9" * 28, "JPY").amount

    def test_more_digits_are_refused(self):
        """Past 28 digits, a ValidationError naming Money.amount, not a decimal error."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Money("1e26", "CNY")
        assert (
            "Money.amount: expected an amount of at most 28 digits with its minor unit "
            "(below 10^26 CNY), got '1E+26'"
        ) == str(info.value)

    def test_a_long_value_is_shortened_in_the_message(self):
        """A million-digit amount does not make a million-character message."""
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Money("9" * 1_000_000, "CNY")
        assert str(info.value).endswith("got '" + "9" * 40 + "' (… 1000000 characters)")

    def test_arithmetic_past_the_digits_is_refused(self):
        """Multiplying or dividing past 28 digits names the operation."""
        with pytest.raises(cpm.ValidationError, match=r"^1\.00 CNY \* factor: expected"):
            cpm.Money("1", "CNY") * "1e26"
        with pytest.raises(cpm.ValidationError, match=r"^1\.00 CNY / divisor: expected"):
            cpm.Money("1", "CNY") / "1e-30"

    @given(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(["CNY", "JPY"]))
    def test_any_finite_decimal_is_money_or_a_validation_error(self, amount, currency):
        """No finite Decimal escapes as anything but a Money or a ValidationError."""
        digits = 28 - (2 if currency == "CNY" else 0)  # before the minor unit
        if amount.is_zero() or amount.adjusted() < digits - 1:
            assert len(cpm.Money(amount, currency).amount.as_tuple().digits) <= 28
        elif amount.adjusted() >= digits:
            with pytest.raises(cpm.ValidationError, match=r"^Money\.amount: expected an amount"):
                cpm.Money(amount, currency)
        else:  # rounding at the minor unit may carry into one more digit: either is right
            with contextlib.suppress(cpm.ValidationError):
                cpm.Money(amount, currency)


class TestOneRoundingRule:
    def test_a_percentage_rounds_like_money(self):
        """72.25 % of the budget is shown as 72.3 %, as 72.25 CNY at one decimal would be."""
        from clientpm.metrics.satisfaction import csat
        from clientpm.money import half_up

        assert Decimal("72.3") == half_up(Decimal("72.25"), 1)
        assert Decimal("62.5") == csat([5, 5, 4, 4, 4, 3, 2, 1])
        assert Decimal("33.3") == csat([5, 1, 1])

    @given(st.decimals(min_value=-(10**6), max_value=10**6, places=3))
    def test_half_up_is_the_rounding_of_money(self, value):
        from clientpm.money import half_up

        assert cpm.Money(value, "CNY").amount == half_up(value, 2)
        assert abs(half_up(value, 1) - value) <= Decimal("0.05")
