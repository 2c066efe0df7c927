"""Exact money: a Decimal amount in an ISO 4217 currency, rounded half-up.

Clients expect half-up rounding (四舍五入): 2.665 CNY is 2.67, not the banker's
2.66 that Babel and py-moneyed give. Every :class:`Money` is quantized at its
currency's minor unit on construction and after every operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType

import attrs

from clientpm._convert import decimal_from_text
from clientpm.errors import CurrencyMismatchError, ValidationError, shown

__all__ = ["CURRENCY_MINOR_UNITS", "MAX_DIGITS", "Money", "to_decimal"]

#: Minor units (digits after the decimal point) of the ISO 4217 currencies
#: clientpm knows. Read-only.
CURRENCY_MINOR_UNITS: Mapping[str, int] = MappingProxyType(
    {
        "AED": 2, "AUD": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0,
        "CNY": 2, "CZK": 2, "DKK": 2, "EUR": 2, "GBP": 2, "HKD": 2, "HUF": 2,
        "IDR": 2, "ILS": 2, "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0, "KRW": 0,
        "KWD": 3, "MOP": 2, "MXN": 2, "MYR": 2, "NOK": 2, "NZD": 2, "OMR": 3,
        "PHP": 2, "PLN": 2, "RUB": 2, "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2,
        "TND": 3, "TRY": 2, "TWD": 2, "USD": 2, "VND": 0, "ZAR": 2,
    }
)  # fmt: skip


def to_decimal(value: object, where: str) -> Decimal:
    """Convert an int, numeric string or Decimal to a finite Decimal.

    Floats are refused: they are not exact (pass ``"0.1"``, not ``0.1``).

    Args:
        value: The value to convert.
        where: The object and field, used in the error message.

    Raises:
        ValidationError: if the value is not an exact finite number.

    Example:
        >>> to_decimal("12.50", "Money.amount")
        Decimal('12.50')
        >>> to_decimal(0.1, "Money.amount")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: Money.amount: expected an exact number (int, Decimal or numeric string), got float 0.1 (pass '0.1' to keep it exact)

    """  # noqa: E501
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValidationError.single(where, f"expected a number, got bool {value!r}")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        raise ValidationError.single(
            where,
            "expected an exact number (int, Decimal or numeric string), "
            f"got float {value!r} (pass '{value!r}' to keep it exact)",
        )
    elif isinstance(value, str):
        number = decimal_from_text(value.strip().replace(",", ""))
        if number is None:
            raise ValidationError.single(
                where, f"expected a numeric string such as '12.50', got {shown(value)}"
            )
        result = number
    else:
        raise ValidationError.single(
            where, f"expected a number, got {type(value).__name__} {shown(value)}"
        )
    if not result.is_finite():
        raise ValidationError.single(where, f"expected a finite number, got {shown(value)}")
    return result


def _minor_unit(currency: str) -> int:
    return CURRENCY_MINOR_UNITS[currency]


def _check_currency(currency: object, where: str) -> str:
    if not isinstance(currency, str) or currency.upper() not in CURRENCY_MINOR_UNITS:
        raise ValidationError.single(
            where,
            f"expected an ISO 4217 currency code such as 'CNY', 'USD' or 'EUR', got {currency!r}",
        )
    return currency.upper()


def half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals: the library's one rounding rule.

    Money rounds so at its minor unit, and so does every percentage shown
    (of the budget, of satisfied ratings), so 12.25 % and 12.25 CNY both
    become 12.3, as a client checking by hand expects.

    Example:
        >>> half_up(Decimal("12.25"), 1), half_up(Decimal("12.35"), 1), half_up(Decimal("-0.05"), 1)
        (Decimal('12.3'), Decimal('12.4'), Decimal('-0.1'))

    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _quantize(amount: Decimal, currency: str, where: str = "Money.amount") -> Decimal:
    """``amount`` rounded half-up at the minor unit; refused past Decimal's 28 digits."""
    try:
        return half_up(amount, _minor_unit(currency))
    except InvalidOperation:  # more digits than the context's precision holds
        shown = str(amount)
        raise ValidationError.single(
            where,
            f"expected an amount of at most {MAX_DIGITS} digits with its minor unit "
            f"(below 10^{MAX_DIGITS - _minor_unit(currency)} {currency}), got "
            + (f"{shown[:40]!r} (… {len(shown)} characters)" if len(shown) > 40 else repr(shown)),
        ) from None


#: How many digits an amount may have, its minor unit included (Decimal's default precision).
MAX_DIGITS = 28


@attrs.frozen(init=False, order=False)
class Money:
    """An exact amount of money in one currency.

    Attributes:
        amount: The amount, a Decimal quantized half-up at the currency's
            minor unit (2 digits for CNY, USD and EUR; 0 for JPY).
        currency: The ISO 4217 code, upper case.

    Money adds to and subtracts from Money of the same currency, multiplies
    and divides by plain numbers, compares within a currency and ``sum()``s
    (start value ``0``). Mixing currencies raises
    :class:`~clientpm.CurrencyMismatchError`.

    Example:
        >>> from clientpm import Money
        >>> Money("2.665", "CNY")
        Money('2.67', 'CNY')
        >>> Money("4000", "CNY") * "2.5"
        Money('10000.00', 'CNY')
        >>> sum([Money("1.10", "USD"), Money("2", "USD")])
        Money('3.10', 'USD')
        >>> str(Money("1234.5", "JPY"))
        '1235 JPY'

    """

    amount: Decimal
    currency: str

    def __init__(self, amount: object, currency: str) -> None:
        code = _check_currency(currency, "Money.currency")
        value = to_decimal(amount, "Money.amount")
        self.__attrs_init__(_quantize(value, code), code)

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Return zero in ``currency``.

        Example:
            >>> Money.zero("EUR")
            Money('0.00', 'EUR')

        """
        return cls(0, currency)

    # -- arithmetic ---------------------------------------------------------
    def _same(self, other: Money, verb: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {verb} Money {self} and {other}: currencies differ (convert first)"
            )

    def __add__(self, other: object) -> Money:
        if isinstance(other, Money):
            self._same(other, "add")
            return Money(self.amount + other.amount, self.currency)
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other: object) -> Money:
        if isinstance(other, Money):
            self._same(other, "subtract")
            return Money(self.amount - other.amount, self.currency)
        return NotImplemented

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, Money):
            return NotImplemented
        product = self.amount * to_decimal(factor, "Money * factor")
        return Money(_quantize(product, self.currency, f"{self} * factor"), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: object) -> Money:
        if isinstance(divisor, Money):
            return NotImplemented
        value = to_decimal(divisor, "Money / divisor")
        if value == 0:
            raise ValidationError.single("Money / divisor", f"cannot divide {self} by zero")
        quotient = self.amount / value
        return Money(_quantize(quotient, self.currency, f"{self} / divisor"), self.currency)

    def ratio(self, other: Money) -> Decimal | None:
        """Return ``self / other`` as a Decimal, or ``None`` when ``other`` is zero.

        Example:
            >>> Money("120", "CNY").ratio(Money("480", "CNY"))
            Decimal('0.25')
            >>> Money("1", "CNY").ratio(Money("0", "CNY")) is None
            True

        """
        self._same(other, "divide")
        if other.amount == 0:
            return None
        return self.amount / other.amount

    # -- comparison ---------------------------------------------------------
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount < other.amount

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount <= other.amount

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount > other.amount

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount >= other.amount

    def __bool__(self) -> bool:
        return self.amount != 0

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
