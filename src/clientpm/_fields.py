"""Shared converters and checks for the domain objects.

Converters turn friendly input into the canonical types (``"2026-12-18"`` into
a ``pendulum.Date``, ``"8"`` into ``Decimal("8")``, a list into a tuple) and
leave anything they cannot convert untouched. Each class's
``__attrs_post_init__`` then runs a :class:`Checks` over its fields, which
collects every problem and raises one :class:`~clientpm.ValidationError`
naming the object, the field, the value and what was expected.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import attrs
import pendulum

from clientpm.errors import IllegalTransitionError, Problem, ValidationError
from clientpm.money import CURRENCY_MINOR_UNITS, Money

__all__ = [
    "Checks",
    "Transition",
    "describe",
    "enum_converter",
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


def describe(value: object) -> str:
    """Show a value with its type, for error messages.

    A value whose ``repr`` already starts with its type's name is shown once.

    Example:
        >>> describe("soon"), describe(None), describe(3)
        ("str 'soon'", 'None', 'int 3')
        >>> from decimal import Decimal
        >>> describe(Decimal("1.5"))
        "Decimal('1.5')"

    """
    if value is None:
        return "None"
    if isinstance(value, pendulum.DateTime):
        return f"DateTime {value.isoformat()}"
    if isinstance(value, pendulum.Date):
        return f"Date {value.isoformat()}"
    name, shown = type(value).__name__, repr(value)
    return shown if shown.startswith(f"{name}(") else f"{name} {shown}"


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
        try:
            return pendulum.Date.fromisoformat(value.strip())
        except ValueError:
            pass
    return cast(pendulum.Date, value)


def to_datetime(value: object) -> pendulum.DateTime:
    """Convert an aware stdlib datetime or ISO string to ``pendulum.DateTime``.

    Naive values and anything else are kept as they are for the checks to refuse.
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
        try:
            value = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return cast(pendulum.DateTime, value)
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        return pendulum.instance(value)
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
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            pass
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
        return tuple(sorted(items) if isinstance(value, (set, frozenset)) else items)
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


# -- checks -----------------------------------------------------------------
_IRREGULAR_PLURALS = {"criterion": "criteria"}


def _plural(noun: str) -> str:
    """The plural of a singular noun phrase, made on its last word.

    Example:
        >>> [_plural(w) for w in ("text", "requirement or milestone id", "criterion")]
        ['texts', 'requirement or milestone ids', 'criteria']

    """
    head, space, last = noun.rpartition(" ")
    return f"{head}{space}{_IRREGULAR_PLURALS.get(last, last + 's')}"


class Checks:
    """Collects the problems of one object and raises them all at once.

    Example:
        >>> c = Checks("Risk 'R1'")
        >>> c.integer("probability", 9, low=1, high=5)
        >>> c.text("title", "")
        >>> c.raise_if_any()
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: 2 problems:
          - Risk 'R1'.probability: expected a whole number from 1 to 5, got int 9
          - Risk 'R1'.title: expected a non-empty text, got str ''

    """

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        """Record a problem with ``field``."""
        self.problems.append(Problem(f"{self.owner}.{field}", message))

    def raise_if_any(self) -> None:
        """Raise a :class:`ValidationError` if any problem was recorded."""
        if self.problems:
            raise ValidationError(self.problems)

    def text(self, field: str, value: object, *, optional: bool = False) -> None:
        """A non-empty string (or ``None`` when optional)."""
        if optional and value is None:
            return
        if not isinstance(value, str) or not value.strip():
            self.add(field, f"expected a non-empty text, got {describe(value)}")

    def identifier(self, field: str, value: object) -> None:
        """An id: a non-empty string without surrounding white space."""
        if not isinstance(value, str) or not value or value != value.strip():
            self.add(
                field,
                f"expected an id (non-empty text without surrounding spaces), "
                f"got {describe(value)}",
            )

    def strings(self, field: str, value: object, *, what: str = "text") -> None:
        """A tuple of non-empty strings, each one ``what`` (a singular noun such as ``"id"``).

        Example:
            >>> c = Checks("Risk 'R1'")
            >>> c.strings("affects", "M1", what="milestone id")
            >>> c.strings("triggers", ("late", ""), what="trigger")
            >>> [str(p) for p in c.problems]  # doctest: +NORMALIZE_WHITESPACE
            ["Risk 'R1'.affects: expected a list of milestone ids, got str 'M1'",
             "Risk 'R1'.triggers[1]: expected a non-empty trigger, got str ''"]

        """
        if not isinstance(value, tuple):
            self.add(field, f"expected a list of {_plural(what)}, got {describe(value)}")
            return
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.add(f"{field}[{index}]", f"expected a non-empty {what}, got {describe(item)}")

    def unique(self, field: str, value: object) -> None:
        """No item appears twice in a tuple."""
        if isinstance(value, tuple):
            seen: set[object] = set()
            for item in value:
                if item in seen:
                    self.add(field, f"lists {item!r} more than once")
                seen.add(item)

    def items(self, field: str, value: object, cls: type | tuple[type, ...], what: str) -> None:
        """A tuple whose every item is an instance of ``cls``, described as ``what``.

        ``what`` names one item (``"a Cadence"``); the list is named by the classes.

        Example:
            >>> c = Checks("X")
            >>> c.items("dates", "2026-11-06", (_dt.date, _dt.datetime), "a date")
            >>> c.items("numbers", (1, "2"), int, "an int")
            >>> [str(p) for p in c.problems]  # doctest: +NORMALIZE_WHITESPACE
            ["X.dates: expected a list of date or datetime objects, got str '2026-11-06'",
             "X.numbers[1]: expected an int, got str '2'"]

        """
        if not isinstance(value, tuple):
            names = [k.__name__ for k in (cls if isinstance(cls, tuple) else (cls,))]
            kinds = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
            self.add(field, f"expected a list of {kinds} objects, got {describe(value)}")
            return
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                self.add(f"{field}[{index}]", f"expected {what}, got {describe(item)}")

    def date(self, field: str, value: object, *, optional: bool = False) -> None:
        """A calendar date: ``pendulum.Date`` but not a ``DateTime``."""
        if optional and value is None:
            return
        if isinstance(value, _dt.datetime):
            self.add(
                field,
                f"expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got "
                f"{describe(value)}; use .date() to drop the time",
            )
        elif not isinstance(value, pendulum.Date):
            self.add(
                field,
                f"expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got {describe(value)}",
            )

    def instant(self, field: str, value: object, *, optional: bool = False) -> None:
        """A time-zone-aware ``pendulum.DateTime``."""
        if optional and value is None:
            return
        if isinstance(value, _dt.datetime) and value.tzinfo is None:
            self.add(
                field,
                f"expected a time-zone-aware date and time, got naive {describe(value)}; "
                "attach a zone, e.g. pendulum.datetime(..., tz='Asia/Shanghai')",
            )
        elif not isinstance(value, pendulum.DateTime):
            self.add(
                field,
                "expected a time-zone-aware date and time (pendulum.DateTime or ISO text "
                f"with an offset), got {describe(value)}",
            )

    def number(
        self,
        field: str,
        value: object,
        *,
        low: Decimal | int | None = None,
        optional: bool = False,
    ) -> None:
        """A finite Decimal, at least ``low`` when given."""
        if optional and value is None:
            return
        if not isinstance(value, Decimal) or not value.is_finite():
            self.add(
                field, f"expected a number (int, Decimal or numeric text), got {describe(value)}"
            )
        elif low is not None and value < low:
            self.add(field, f"expected a number >= {low}, got {value}")

    def integer(
        self,
        field: str,
        value: object,
        *,
        low: int | None = None,
        high: int | None = None,
        optional: bool = False,
    ) -> None:
        """A whole number within ``low``..``high`` when given."""
        if optional and value is None:
            return
        in_range = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (low is None or value >= low)
            and (high is None or value <= high)
        )
        if in_range:
            return
        if low is not None and high is not None:
            expected = f"a whole number from {low} to {high}"
        elif low is not None:
            expected = f"a whole number >= {low}"
        else:
            expected = "a whole number"
        self.add(field, f"expected {expected}, got {describe(value)}")

    def choice(self, field: str, value: object, cls: type[enum.Enum]) -> None:
        """A member of the enum ``cls``."""
        if not isinstance(value, cls):
            allowed = ", ".join(repr(m.value) for m in cls)
            self.add(field, f"expected one of {allowed}, got {describe(value)}")

    def money(self, field: str, value: object, *, optional: bool = False) -> None:
        """A :class:`~clientpm.Money`."""
        if optional and value is None:
            return
        if not isinstance(value, Money):
            self.add(field, f"expected Money, e.g. Money('4000', 'CNY'), got {describe(value)}")

    def timezone(self, field: str, value: object) -> None:
        """An IANA time-zone name, spelled as the time-zone database spells it.

        Names are case-sensitive (``"utc"`` is refused like ``"asia/shanghai"``),
        and fixed offsets such as ``"+08:00"`` are not zones.

        Example:
            >>> c = Checks("X")
            >>> for zone in ("Asia/Shanghai", "UTC", "utc", "+08:00"):
            ...     c.timezone("tz", zone)
            >>> [str(p) for p in c.problems]  # doctest: +NORMALIZE_WHITESPACE
            ["X.tz: expected an IANA zone name such as 'Asia/Shanghai', got str 'utc'",
             "X.tz: expected an IANA zone name such as 'Asia/Shanghai', got str '+08:00'"]

        """
        try:
            zone = pendulum.timezone(value) if isinstance(value, str) else None
        except (ValueError, LookupError):  # unknown or malformed names
            zone = None
        if not isinstance(zone, pendulum.Timezone) or zone.name != value:
            self.add(
                field, f"expected an IANA zone name such as 'Asia/Shanghai', got {describe(value)}"
            )

    def currency(self, field: str, value: object) -> None:
        """An ISO 4217 currency code clientpm knows."""
        if not isinstance(value, str) or value not in CURRENCY_MINOR_UNITS:
            self.add(
                field, f"expected an ISO 4217 currency code such as 'CNY', got {describe(value)}"
            )

    def boolean(self, field: str, value: object) -> None:
        """``True`` or ``False``."""
        if not isinstance(value, bool):
            self.add(field, f"expected True or False, got {describe(value)}")


@attrs.frozen
class Transition:
    """One entry of an object's history: who changed what, when and why.

    Attributes:
        to_status: The status after the change (the same as ``from_status``
            for an edit that keeps the status, such as a revised estimate).
        from_status: The status before the change (``None`` when created).
        by: Who made the change (a stakeholder id or a name).
        at: When, as a time-zone-aware ``pendulum.DateTime``.
        why: The reason or note, in plain words.

    Example:
        >>> import pendulum
        >>> t = Transition("signed_off", "draft", "li.wei",
        ...                pendulum.datetime(2026, 11, 3, 10, tz="Asia/Shanghai"), "reviewed")
        >>> t.by, t.at.isoformat()
        ('li.wei', '2026-11-03T10:00:00+08:00')

    """

    to_status: str
    from_status: str | None
    by: str
    at: pendulum.DateTime = attrs.field(converter=to_datetime)
    why: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checks("Transition")
        c.text("to_status", self.to_status)
        c.text("from_status", self.from_status, optional=True)
        c.text("by", self.by)
        c.instant("at", self.at)
        if not isinstance(self.why, str):
            c.add("why", f"expected text, got {describe(self.why)}")
        c.raise_if_any()


def record(
    history: tuple[Transition, ...],
    *,
    to_status: str,
    from_status: str | None,
    by: str,
    at: object,
    why: str,
    owner: str,
) -> tuple[Transition, ...]:
    """Append a validated transition to ``history``, naming ``owner`` in errors.

    Example:
        >>> h = record((), to_status="open", from_status=None, by="pm",
        ...            at="2026-11-02T09:00:00+08:00", why="", owner="Risk 'R1'")
        >>> h[0].to_status
        'open'

    """
    try:
        entry = Transition(to_status, from_status, by, to_datetime(at), why)
    except ValidationError as err:
        raise ValidationError(
            Problem(p.where.replace("Transition", owner, 1), p.message) for p in err.problems
        ) from None
    if history and entry.at < history[-1].at:
        raise ValidationError.single(
            f"{owner}.at",
            f"expected a time not before the previous entry of the history "
            f"({history[-1].at.isoformat()}), got {entry.at.isoformat()}",
        )
    return (*history, entry)


def need_reason(owner: str, why: object, purpose: str) -> None:
    """Refuse a blank reason for a step that must say why (D4, D8).

    Raises:
        ValidationError: naming ``owner``'s ``why`` field, for anything but non-blank text.

    Example:
        >>> need_reason("Commitment 'P1'", " ", "miss the commitment")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: Commitment 'P1'.why: expected a reason to miss the commitment, got str ' '

    """  # noqa: E501
    if not isinstance(why, str) or not why.strip():
        raise ValidationError.single(
            f"{owner}.why", f"expected a reason to {purpose}, got {describe(why)}"
        )


def illegal(
    owner: str, action: str, status: enum.Enum, allowed: Iterable[enum.Enum]
) -> IllegalTransitionError:
    """Build the error for a transition the lifecycle forbids.

    Example:
        >>> from clientpm.enums import RiskStatus
        >>> str(illegal("Risk 'R1'", "close", RiskStatus.CLOSED, [RiskStatus.OPEN]))
        "Risk 'R1' cannot close: it is closed (allowed from: open)"

    """
    names = ", ".join(str(s.value) for s in allowed)
    return IllegalTransitionError(
        f"{owner} cannot {action}: it is {status.value} (allowed from: {names})"
    )


Stateful = TypeVar("Stateful")


def transition(
    obj: Stateful,
    *,
    owner: str,
    action: str,
    allowed: Iterable[enum.Enum],
    to: enum.Enum,
    by: str,
    at: object,
    why: str = "",
    **changes: Any,
) -> Stateful:
    """Return ``obj`` moved to status ``to``, with the change recorded in its history.

    ``obj`` must have ``status`` and ``history`` attributes. Raises
    :class:`~clientpm.IllegalTransitionError` when its status is not in
    ``allowed``, and :class:`~clientpm.ValidationError` for a bad ``by``/``at``;
    ``obj`` itself never changes.

    Example:
        >>> import pendulum
        >>> from clientpm import Risk
        >>> r = Risk(id="R1", title="Key developer leaves", probability=2, impact=4, owner="pm",
        ...          next_review="2026-12-01")
        >>> transition(r, owner="Risk 'R1'", action="close", allowed=[r.status],
        ...            to=type(r.status).CLOSED, by="pm", at="2026-11-24T10:00:00+08:00").status
        <RiskStatus.CLOSED: 'closed'>

    """
    status = getattr(obj, "status")  # noqa: B009 - any stateful domain object
    allowed = tuple(allowed)
    if status not in allowed:
        raise illegal(owner, action, status, allowed)
    history = record(
        getattr(obj, "history"),  # noqa: B009
        to_status=str(to.value),
        from_status=str(status.value),
        by=by,
        at=at,
        why=why,
        owner=owner,
    )
    return attrs.evolve(obj, status=to, history=history, **changes)  # type: ignore[misc]
