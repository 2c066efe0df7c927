"""Converters at the boundary of the domain objects.

Converters turn friendly input into the canonical types (``"2026-12-18"`` into
a ``pendulum.Date``, ``"8"`` into ``Decimal("8")``, a list into a tuple) and
leave anything they cannot convert untouched, for :class:`clientpm._checks.Checks`
to refuse with a message naming the field.

Text is read in one form only, with ASCII digits: a calendar date as ISO 8601
``YYYY-MM-DD`` (not ``20261218``, not a week date ``2026-W51-5``), a date and
time as ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]`` with ``Z`` or an offset ``+HH:MM``,
and a number as decimal digits with an optional sign, point and exponent
(``"12.50"``, ``"-3"``, ``"1e3"``; not ``"1_000"`` nor ``"١٢"``).
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import pendulum

__all__ = [
    "date_from_text",
    "decimal_from_text",
    "enum_converter",
    "instant_from_text",
    "to_date",
    "to_datetime",
    "to_decimal_or_keep",
    "to_enum",
    "to_optional_date",
    "to_optional_datetime",
    "to_optional_decimal",
    "to_strings",
    "to_tuple",
]

E = TypeVar("E", bound=enum.Enum)

_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)?"
)
_NUMBER_TEXT = re.compile(
    r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:s?nan|inf(?:inity)?))"
)  # NaN and Infinity are read, for the checks to refuse as not finite


# -- text forms: one reading of dates, instants and numbers, for converters and from_dict --
def date_from_text(text: str) -> pendulum.Date | None:
    """The calendar date ``text`` spells as ISO 8601 ``YYYY-MM-DD`` (ASCII digits), or ``None``.

    Example:
        >>> date_from_text("2026-12-18"), date_from_text("20261218"), date_from_text("2026-W51-5")
        (Date(2026, 12, 18), None, None)

    """
    if not _DATE_TEXT.fullmatch(text):
        return None
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return None


def instant_from_text(text: str) -> _dt.datetime | None:
    """The date and time ``text`` spells in ISO 8601 (ASCII digits), or ``None``.

    ``Z`` stands for ``+00:00``; without an offset the result is naive, for the
    checks to refuse by name.

    Example:
        >>> instant_from_text("2026-11-20T17:00:00+08:00").isoformat()
        '2026-11-20T17:00:00+08:00'
        >>> instant_from_text("2026-W47-5T17:00:00+08:00") is None
        True

    """
    if not _INSTANT_TEXT.fullmatch(text):
        return None
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:  # 2026-11-31T10:00, an offset of 25 hours
        return None


def decimal_from_text(text: str) -> Decimal | None:
    """The number ``text`` spells in decimal ASCII digits, or ``None``.

    Example:
        >>> decimal_from_text("12.50"), decimal_from_text("1_000"), decimal_from_text("١٢")
        (Decimal('12.50'), None, None)

    """
    if not _NUMBER_TEXT.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern is a Decimal's syntax
        return None


# -- converters: convert what they can, keep the rest for the checks ----------
def to_date(value: object) -> pendulum.Date:
    """Convert a stdlib date or ``'YYYY-MM-DD'`` to ``pendulum.Date``; keep other values.

    Example:
        >>> to_date("2026-12-18")
        Date(2026, 12, 18)

    """
    if isinstance(value, _dt.datetime):
        return cast(pendulum.Date, value)  # refused by Checks.date
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return pendulum.date(value.year, value.month, value.day)
    if isinstance(value, str):
        day = date_from_text(value.strip())
        if day is not None:
            return day
    return cast(pendulum.Date, value)


def to_datetime(value: object) -> pendulum.DateTime:
    """Convert an aware stdlib datetime or ISO string to ``pendulum.DateTime``.

    Naive values and anything else are kept as they are for the checks to refuse,
    and so is an aware stdlib datetime pendulum cannot hold (year 1 at +14:00).
    A ``pendulum.DateTime`` whose zone is a plain ``datetime.timezone`` gets the
    equivalent pendulum offset, since pendulum's arithmetic drops a plain one.

    Example:
        >>> to_datetime("2026-11-20T17:00:00+08:00").isoformat()
        '2026-11-20T17:00:00+08:00'
        >>> import datetime
        >>> plain = pendulum.DateTime(2026, 11, 6, 22, tzinfo=datetime.timezone.utc)
        >>> to_datetime(plain).add(days=1).isoformat()
        '2026-11-07T22:00:00+00:00'

    """
    if isinstance(value, pendulum.DateTime):
        if value.tzinfo is None or isinstance(
            value.tzinfo, (pendulum.Timezone, pendulum.FixedTimezone)
        ):
            return value
        offset = value.utcoffset()
        if offset is None:  # a tzinfo that names no offset: left for the checks
            return value
        return value.replace(tzinfo=pendulum.FixedTimezone(int(offset.total_seconds())))
    if isinstance(value, str):
        parsed = instant_from_text(value.strip())
        if parsed is None:
            return cast(pendulum.DateTime, value)
        value = parsed
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        try:
            return pendulum.instance(value)
        except (OverflowError, ValueError):  # beyond the years; refused by Checks.instant
            return cast(pendulum.DateTime, value)
    return cast(pendulum.DateTime, value)


def to_decimal_or_keep(value: object) -> Decimal:
    """Convert an int or numeric string to Decimal; keep anything else.

    Example:
        >>> to_decimal_or_keep("2.5"), to_decimal_or_keep(3)
        (Decimal('2.5'), Decimal('3'))

    """
    if isinstance(value, bool):
        return cast(Decimal, value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        number = decimal_from_text(value.strip())
        if number is not None:
            return number
    return cast(Decimal, value)


def to_optional_date(value: object) -> pendulum.Date | None:
    """:func:`to_date`, passing ``None`` through.

    Example:
        >>> to_optional_date(None) is None
        True

    """
    return None if value is None else to_date(value)


def to_optional_datetime(value: object) -> pendulum.DateTime | None:
    """:func:`to_datetime`, passing ``None`` through.

    Example:
        >>> to_optional_datetime(None) is None
        True

    """
    return None if value is None else to_datetime(value)


def to_optional_decimal(value: object) -> Decimal | None:
    """:func:`to_decimal_or_keep`, passing ``None`` through.

    Example:
        >>> to_optional_decimal("1.5")
        Decimal('1.5')

    """
    return None if value is None else to_decimal_or_keep(value)


def to_enum(cls: type[E], value: object) -> E:
    """Accept an enum member or its value; keep anything else for the checks.

    Example:
        >>> from clientpm.enums import Priority
        >>> to_enum(Priority, "should")
        <Priority.SHOULD: 'should'>

    """
    if isinstance(value, cls):
        return value
    if not isinstance(value, (str, int, float)):  # Enum's own error would repr a deep value
        return cast(E, value)
    try:
        return cls(value)
    except (ValueError, TypeError):
        return cast(E, value)


def to_tuple(value: object) -> tuple[Any, ...]:
    """Turn a list or other non-string iterable into a tuple; keep anything else.

    Example:
        >>> to_tuple(["a", "b"])
        ('a', 'b')

    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, (list, set, frozenset)) or (
        isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict))
    ):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            try:
                items.sort()
            except TypeError:  # items of several types ({"a", 1}): an order all the same
                items.sort(key=lambda item: (type(item).__name__, repr(item)))
        return tuple(items)
    return cast(tuple[Any, ...], value)


def to_strings(value: object) -> tuple[str, ...]:
    """Like :func:`to_tuple`, for a sequence of strings (ids, criteria, triggers).

    Example:
        >>> to_strings(["REQ-1"])
        ('REQ-1',)

    """
    return cast(tuple[str, ...], to_tuple(value))


def enum_converter(cls: type[E]) -> Callable[[object], E]:
    """Return a converter that accepts an enum member or its value.

    Example:
        >>> from clientpm.enums import Priority
        >>> enum_converter(Priority)("should")
        <Priority.SHOULD: 'should'>

    """

    def convert(value: object) -> E:
        return to_enum(cls, value)

    convert.__name__ = f"to_{cls.__name__}"
    return convert
