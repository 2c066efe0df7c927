"""A ratio whose denominator is zero is *undefined*, never 0.

A CPI with no actual cost, a CSAT with no ratings, a promise-keeping rate with
no promises due: each is :data:`UNDEFINED`, a distinct value reports can show
("n/a", "无数据"), and arithmetic on it fails loudly instead of passing a
silent zero along.
"""

from __future__ import annotations

import enum
from decimal import Decimal

from clientpm.locale import check_locale, say

__all__ = ["UNDEFINED", "Undefined", "ratio"]


class Undefined(enum.Enum):
    """The type of :data:`UNDEFINED` (an enum with one member, so it pickles and compares).

    Example:
        >>> UNDEFINED, str(UNDEFINED), bool(UNDEFINED)
        (UNDEFINED, 'undefined', False)
        >>> UNDEFINED.label("zh")
        '无数据'

    """

    UNDEFINED = "undefined"

    def __repr__(self) -> str:
        return "UNDEFINED"

    def __str__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False

    def label(self, locale: str = "en") -> str:
        """How reports show it in ``locale`` (the catalogue message ``"ratio.undefined"``).

        Example:
            >>> UNDEFINED.label(), UNDEFINED.label("zh_CN")
            ('n/a', '无数据')

        """
        return say(check_locale(locale, "Undefined.label.locale"), "ratio.undefined")


#: The value of a ratio whose denominator is zero.
UNDEFINED = Undefined.UNDEFINED


def ratio(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | Undefined:
    """``numerator / denominator`` as a Decimal, or :data:`UNDEFINED` when the denominator is 0.

    Example:
        >>> ratio(3, 4), ratio(3, 0)
        (Decimal('0.75'), UNDEFINED)

    """
    if denominator == 0:
        return UNDEFINED
    return Decimal(numerator) / Decimal(denominator)
