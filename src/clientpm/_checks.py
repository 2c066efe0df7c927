"""Problem collection for the domain objects: :func:`describe` and :class:`Checks`.

Each class's ``__attrs_post_init__`` runs a :class:`Checks` over its fields,
which collects every problem and raises one :class:`~clientpm.ValidationError`
naming the object, the field, the value and what was expected. The converters
that run before it live in :mod:`clientpm._convert`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable
from decimal import Decimal

import attrs
import pendulum

from clientpm.errors import SHOWN_ITEMS, Problem, ValidationError, clip, clip_items, shown
from clientpm.money import CURRENCY_MINOR_UNITS, Money

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_DAYS",
    "Checks",
    "Identified",
    "bounded_day",
    "calendar_date",
    "date_problem",
    "describe",
    "field_names",
    "iana_zone",
    "known",
    "shown",
    "text_problem",
]

#: The years calendar dates and instants may fall in, both included: wide enough
#: for any project's history and plans, narrow enough that schedules and reports
#: counting days from them never leave the calendar Python can hold.
FIRST_YEAR = 1900
LAST_YEAR = 2200

#: The largest estimate or duration, in working days (about 400 years of work).
MAX_DAYS = 100_000

#: Characters a text may not hold: NUL and lone surrogates (it could not be
#: written as UTF-8, nor read back by most tools).
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    r"""What makes ``value`` unwritable as UTF-8 text (a NUL, a lone surrogate), or ``None``.

    Example:
        >>> text_problem("Beta"), text_problem("Be\x00ta")
        (None, 'holds a NUL character at index 2')

    """
    found = _UNWRITABLE.search(value)
    if found is None:
        return None
    what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
    return f"holds {what} at index {found.start()}"


def date_problem(value: _dt.date) -> str | None:
    """What is wrong with a date's year for clientpm, or ``None`` inside the bounds.

    One rule for every calendar date and instant: the year is from
    :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Example:
        >>> import pendulum
        >>> date_problem(pendulum.date(2026, 12, 18)) is None
        True
        >>> date_problem(pendulum.date(9999, 12, 31))
        'expected a date in the years 1900 to 2200, got Date 9999-12-31'

    """
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    text = value.isoformat()
    name = "Date" if not isinstance(value, _dt.datetime) else "date and time"
    return f"expected a date in the years {FIRST_YEAR} to {LAST_YEAR}, got {name} {text}"


def known(ids: Iterable[str], limit: int = SHOWN_ITEMS) -> str:
    """The ids a reference could have named, sorted and cut at ``limit``, for messages.

    Example:
        >>> known(["M2", "M1"]), known([]), known(map(str, range(12)), limit=2)
        ('M1, M2', 'none', '0, 1, … (12 in all)')

    """
    ordered = sorted(ids)
    return ", ".join(clip_items(ordered, limit)) or "none"


def describe(value: object, *, limit: int | None = None) -> str:
    """Show a value with its type, for error messages.

    A value whose ``repr`` already starts with its type's name is shown once;
    a value whose ``repr`` raises (a plugin's odd object, a list nested too
    deep), or is longer than ``limit`` characters when one is given, is named
    by its type alone. Without a ``limit``, a long value keeps its first
    characters and its length (:func:`~clientpm.errors.clip`).

    Example:
        >>> describe("soon"), describe(None), describe(3)
        ("str 'soon'", 'None', 'int 3')
        >>> from decimal import Decimal
        >>> describe(Decimal("1.5"))
        "Decimal('1.5')"
        >>> describe("x" * 500, limit=40)
        'a str'
        >>> describe("x" * 500)[-18:]
        '… (500 characters)'

    """
    if value is None:
        return "None"
    if isinstance(value, pendulum.DateTime):
        return f"DateTime {value.isoformat()}"
    if isinstance(value, pendulum.Date):
        return f"Date {value.isoformat()}"
    name = type(value).__name__
    try:
        text = repr(value)
    except Exception:  # RecursionError included: the message must still be written
        return f"a {name} (its repr raised)"
    typed = text.startswith(f"{name}(")
    if limit is not None and len(text) + (0 if typed else len(name) + 1) > limit:
        return f"a {name}"
    text = clip(text, length=len(value) if isinstance(value, str) else None)
    return text if typed else f"{name} {text}"


# -- checks -----------------------------------------------------------------
def _date_problem(value: object, forms: str, kind: type = _dt.date) -> str | None:
    """What is wrong with ``value`` as a calendar date, worded once; ``forms`` says what works."""
    expected = f"expected a calendar date ({forms}), got {describe(value)}"
    if isinstance(value, _dt.datetime):
        return f"{expected}; use .date() to drop the time"
    return None if isinstance(value, kind) else expected


def calendar_date(value: object, where: str) -> pendulum.Date:
    """``value`` as a ``pendulum.Date``, for an argument that must be a day, not an instant.

    The same rule as :meth:`Checks.date`, for a function's argument: a date
    (``datetime.date`` is accepted) and not a date and time, in the years
    1900 to 2200.

    Raises:
        ValidationError: naming ``where`` for anything else.

    Example:
        >>> import datetime
        >>> calendar_date(datetime.date(2026, 11, 2), "satisfaction_trend.start")
        Date(2026, 11, 2)
        >>> calendar_date("2026-11-02", "satisfaction_trend.start")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: satisfaction_trend.start: expected a calendar date (pendulum.Date), got str '2026-11-02'

    """  # noqa: E501
    problem = _date_problem(value, "pendulum.Date")
    if problem:
        raise ValidationError.single(where, problem)
    assert isinstance(value, _dt.date)
    return bounded_day(value, where)


def bounded_day(value: _dt.date, where: str) -> pendulum.Date:
    """``value`` as a ``pendulum.Date`` when its year is within the bounds (:func:`date_problem`).

    Raises:
        ValidationError: naming ``where``, for a year before 1900 or after 2200.

    Example:
        >>> import datetime
        >>> bounded_day(datetime.date(2026, 12, 31), "weekly_report.as_of")
        Date(2026, 12, 31)
        >>> bounded_day(datetime.date(9999, 12, 31), "weekly_report.as_of")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: weekly_report.as_of: expected a date in the years 1900 to 2200, got Date 9999-12-31

    """  # noqa: E501
    problem = date_problem(value)
    if problem:
        raise ValidationError.single(where, problem)
    return pendulum.Date(value.year, value.month, value.day)


def field_names(owner: str, cls: type, names: Iterable[str], method: str) -> None:
    """Refuse keyword arguments to ``method`` that name no field of the attrs class ``cls``.

    Raises:
        ValidationError: naming ``owner``'s ``method`` and every unknown name.

    Example:
        >>> from clientpm import Goal
        >>> field_names("Goal 'G1'", Goal, ["statement"], "edit")
        >>> field_names("Goal 'G1'", Goal, ["bogus", "owner"], "edit")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: Goal 'G1'.edit: expected fields of Goal (baseline, deadline, id, metric, owner, statement, supports, target, unit), got unknown bogus

    """  # noqa: E501
    fields = {f.alias for f in attrs.fields(cls) if f.init}
    unknown = sorted(str(name) for name in names if name not in fields)
    if unknown:
        raise ValidationError.single(
            f"{owner}.{method}",
            f"expected fields of {cls.__name__} ({known(fields, limit=len(fields))}), "
            f"got unknown {', '.join(clip_items(unknown))}",
        )


_IRREGULAR_PLURALS = {"criterion": "criteria", "glossary": "glossaries"}


def _plural(noun: str) -> str:
    """The plural of a singular noun phrase, made on its last word.

    Example:
        >>> [_plural(w) for w in ("text", "requirement or milestone id", "criterion")]
        ['texts', 'requirement or milestone ids', 'criteria']

    """
    head, space, last = noun.rpartition(" ")
    return f"{head}{space}{_IRREGULAR_PLURALS.get(last, last + 's')}"


#: The shape of an IANA zone name: up to three parts of letters, digits, ``_``, ``+``
#: and ``-``, 64 characters at most (the longest real name has 32).
_ZONE_NAME = re.compile(r"(?=.{1,64}\Z)[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")

#: Zone files whose meaning depends on the machine, not on the time-zone database.
_LOCAL_ZONES = frozenset({"localtime", "posixrules", "Factory"})
_LOCAL_FOLDERS = ("posix/", "right/")


def iana_zone(name: object) -> pendulum.Timezone | None:
    """The zone an IANA name such as ``"Asia/Shanghai"`` stands for, or ``None``.

    ``None`` for anything else: another type, a name in another case, an
    offset, a name of the wrong shape or length, and the names whose meaning
    depends on the machine (``"localtime"``, ``"posixrules"``, ``"Factory"``,
    the ``posix/`` and ``right/`` copies).

    Example:
        >>> iana_zone("Asia/Shanghai").name, iana_zone("localtime"), iana_zone("x" * 300)
        ('Asia/Shanghai', None, None)

    """
    if (
        not isinstance(name, str)
        or not _ZONE_NAME.fullmatch(name)
        or name in _LOCAL_ZONES
        or name.startswith(_LOCAL_FOLDERS)
    ):
        return None
    try:
        zone = pendulum.timezone(name)
    except (ValueError, LookupError, OSError):  # unknown or unreadable names
        return None
    return zone if isinstance(zone, pendulum.Timezone) and zone.name == name else None


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
        else:
            self._writable(field, value)

    def free_text(self, field: str, value: object) -> None:
        """A string, possibly empty (a description, a note).

        Example:
            >>> c = Checks("Milestone 'M1'")
            >>> c.free_text("description", "")
            >>> c.free_text("description", 3)
            >>> [str(p) for p in c.problems]
            ["Milestone 'M1'.description: expected text, got int 3"]

        """
        if not isinstance(value, str):
            self.add(field, f"expected text, got {describe(value)}")
        else:
            self._writable(field, value)

    def _writable(self, field: str, value: str) -> None:
        r"""Text that can be written as UTF-8: no NUL, no lone surrogate.

        Example:
            >>> c = Checks("Goal 'G1'")
            >>> c.text("statement", "Cut\x00load time")
            >>> print(c.problems[0])
            Goal 'G1'.statement: expected text without NUL characters or lone surrogates, got str 'Cut\x00load time' (holds a NUL character at index 3)

        """  # noqa: E501
        problem = text_problem(value)
        if problem:
            self.add(
                field,
                "expected text without NUL characters or lone surrogates, "
                f"got {describe(value)} ({problem})",
            )

    def identifier(self, field: str, value: object) -> None:
        """An id: a non-empty string without surrounding white space, NUL or lone surrogates."""
        if not isinstance(value, str) or not value or value != value.strip():
            self.add(
                field,
                f"expected an id (non-empty text without surrounding spaces), "
                f"got {describe(value)}",
            )
        else:
            self._writable(field, value)

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
            else:
                self._writable(f"{field}[{index}]", item)

    def unique(self, field: str, value: object) -> None:
        """No item appears twice in a tuple.

        An item that cannot be compared this way (a list) is refused at its
        index, unless a check of the items already refused it there.

        Example:
            >>> c = Checks("Milestone 'M1'")
            >>> c.unique("deliverables", ("REQ-1", ["REQ-2"], "REQ-1"))
            >>> [str(p) for p in c.problems]  # doctest: +NORMALIZE_WHITESPACE
            ["Milestone 'M1'.deliverables[1]: expected a text, got list ['REQ-2']",
             "Milestone 'M1'.deliverables: lists 'REQ-1' more than once"]

        """
        if not isinstance(value, tuple):
            return
        refused = {p.where for p in self.problems}
        seen: set[object] = set()
        repeated: set[object] = set()
        for index, item in enumerate(value):
            try:
                hash(item)
            except TypeError:
                if f"{self.owner}.{field}[{index}]" not in refused:
                    self.add(f"{field}[{index}]", f"expected a text, got {describe(item)}")
                continue
            if item in seen and item not in repeated:  # each repeated item named once
                self.add(field, f"lists {shown(item)} more than once")
                repeated.add(item)
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
        problem = _date_problem(value, "pendulum.Date or 'YYYY-MM-DD'", pendulum.Date)
        if problem is None and isinstance(value, _dt.date):
            problem = date_problem(value)
        if problem:
            self.add(field, problem)

    def instant(self, field: str, value: object, *, optional: bool = False) -> None:
        """A time-zone-aware ``pendulum.DateTime`` whose local date is in the years 1900 to 2200.

        Example:
            >>> import pendulum
            >>> c = Checks("Requirement 'R'")
            >>> c.instant("completed_at", pendulum.datetime(9999, 12, 31, tz="UTC"))
            >>> print(c.problems[0])
            Requirement 'R'.completed_at: expected a date in the years 1900 to 2200, got date and time 9999-12-31T00:00:00+00:00

        """  # noqa: E501
        if optional and value is None:
            return
        if isinstance(value, _dt.datetime) and value.tzinfo is not None and date_problem(value):
            self.add(field, str(date_problem(value)))
        elif isinstance(value, _dt.datetime) and value.tzinfo is None:
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
        high: Decimal | int | None = None,
        optional: bool = False,
    ) -> None:
        """A finite Decimal, at least ``low`` and at most ``high`` when given.

        Example:
            >>> c = Checks("Requirement 'R'")
            >>> c.number("estimate_days", Decimal("1e26"), low=0, high=MAX_DAYS)
            >>> print(c.problems[0])
            Requirement 'R'.estimate_days: expected a number <= 100000, got 1E+26

        """
        if optional and value is None:
            return
        if not isinstance(value, Decimal) or not value.is_finite():
            self.add(
                field, f"expected a number (int, Decimal or numeric text), got {describe(value)}"
            )
        elif low is not None and value < low:
            self.add(field, f"expected a number >= {low}, got {clip(str(value))}")
        elif high is not None and value > high:
            self.add(field, f"expected a number <= {high}, got {clip(str(value))}")

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

    def money(
        self, field: str, value: object, *, optional: bool = False, negative: bool = True
    ) -> None:
        """A :class:`~clientpm.Money`; not below zero unless ``negative``.

        Example:
            >>> c = Checks("Project 'ACME'")
            >>> c.money("budget", Money("-1", "CNY"), negative=False)
            >>> print(c.problems[0])
            Project 'ACME'.budget: expected an amount >= 0, got Money('-1.00', 'CNY')

        """
        if optional and value is None:
            return
        if not isinstance(value, Money):
            self.add(field, f"expected Money, e.g. Money('4000', 'CNY'), got {describe(value)}")
        elif not negative and value.amount < 0:
            self.add(field, f"expected an amount >= 0, got {describe(value)}")

    def timezone(self, field: str, value: object) -> None:
        """An IANA time-zone name, spelled as the time-zone database spells it.

        Names are case-sensitive (``"utc"`` is refused like ``"asia/shanghai"``),
        fixed offsets such as ``"+08:00"`` are not zones, and names whose meaning
        depends on the machine (``"localtime"``, ``"posixrules"``, ``"Factory"``,
        the ``posix/`` and ``right/`` copies) are refused.

        Example:
            >>> c = Checks("X")
            >>> for zone in ("Asia/Shanghai", "UTC", "utc", "+08:00", "localtime"):
            ...     c.timezone("tz", zone)
            >>> [str(p) for p in c.problems]  # doctest: +NORMALIZE_WHITESPACE
            ["X.tz: expected an IANA zone name such as 'Asia/Shanghai', got str 'utc'",
             "X.tz: expected an IANA zone name such as 'Asia/Shanghai', got str '+08:00'",
             "X.tz: expected an IANA zone name such as 'Asia/Shanghai', got str 'localtime'"]

        """
        if iana_zone(value) is None:
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


class Identified:
    """Mixin for an object with a stable ``id``: how messages name it, and its checks.

    Example:
        >>> from clientpm import Risk
        >>> Risk(id="R1", title="Key developer leaves", probability=2, impact=4,
        ...      owner="pm", next_review="2026-12-01").label
        "Risk 'R1'"

    """

    __slots__ = ()
    id: str

    @property
    def label(self) -> str:
        """How messages name this object: its class and id, e.g. ``Risk 'R1'``."""
        return f"{type(self).__name__} {shown(self.id)}"

    def _checks(self) -> Checks:
        """A :class:`Checks` for this object, with its id already checked."""
        checks = Checks(self.label)
        checks.identifier("id", self.id)
        return checks
