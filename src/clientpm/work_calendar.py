"""Working-day calendars: weekends, holidays and make-up working days.

Schedules, slips and response-time targets are counted in working days of a
:class:`WorkCalendar`. China moves working days onto weekends around its
public holidays (调休), so a calendar has *extra working days* as well as
holidays; a naive weekend loop gets those weeks wrong.

All arithmetic works on day ordinals with binary search over the sorted
exceptions, so adding 10,000 working days costs the same as adding 3.
"""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import attrs
import pendulum

from clientpm._checks import Checks, bounded_day, describe
from clientpm._convert import to_date
from clientpm.errors import ValidationError

__all__ = ["WorkCalendar", "local_day", "status_day"]

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The first and last day ordinals a date can have (0001-01-01 and 9999-12-31).
_FIRST, _LAST = _dt.date.min.toordinal(), _dt.date.max.toordinal()
_YEARS = "expected years as whole numbers from 1 to 9999"


def _iso(ordinal: int) -> str:
    """A day ordinal as ISO text, or as the number when it is no date."""
    if _FIRST <= ordinal <= _LAST:
        return _dt.date.fromordinal(ordinal).isoformat()
    return f"day ordinal {ordinal}"


def _runs(years: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted years as runs of consecutive years: 2025, 2026, 2028 -> (2025, 2026), (2028, 2028)."""
    runs: list[tuple[int, int]] = []
    for year in sorted(years):
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _years_text(years: Iterable[int]) -> str:
    """``'2025-2026, 2028'``."""
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in _runs(years))


def _good_years(value: object) -> bool:
    return isinstance(value, frozenset) and all(
        isinstance(y, int) and not isinstance(y, bool) and 1 <= y <= 9999 for y in value
    )


def _weekday(ordinal: int) -> int:
    """Monday is 0, as with ``date.weekday()`` and pendulum's ``day_of_week``."""
    return (ordinal - 1) % 7


def _dates(value: object) -> frozenset[pendulum.Date]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the checks
    return frozenset(to_date(v) for v in value)


def _ints(value: object) -> frozenset[int]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the checks
    return frozenset(value)


def local_day(instant: _dt.datetime, timezone: str) -> pendulum.Date:
    """The calendar date of an aware ``instant`` in an IANA ``timezone``.

    Goes through the POSIX timestamp and the standard library's zoneinfo:
    twenty times faster than pendulum's ``in_timezone``, which matters when a
    report reads thousands of feedback times.

    Example:
        >>> import pendulum
        >>> local_day(pendulum.datetime(2026, 11, 27, 18, tz="UTC"), "Asia/Shanghai")
        Date(2026, 11, 28)

    """
    local = _dt.datetime.fromtimestamp(instant.timestamp(), zoneinfo.ZoneInfo(timezone))
    return pendulum.date(local.year, local.month, local.day)


#: What :func:`status_day` accepts, worded once for all its refusals.
_STATUS_DAY = "expected a pendulum.Date or a time-zone-aware pendulum.DateTime"


def status_day(value: object, calendar: WorkCalendar, where: str) -> pendulum.Date:
    """The status day a date or an aware instant stands for, in the calendar's zone.

    Every builder that takes an ``as_of`` reads it through here: a date is the
    day itself, a time-zone-aware date and time the local date where the work
    happens. A date and time whose zone gives no offset counts as naive.
    ``where`` names the caller's argument in the message.

    Raises:
        ValidationError: for a naive date and time, an instant whose local day
            is beyond the dates Python can hold, a calendar that is not a
            :class:`WorkCalendar`, or anything else.

    Example:
        >>> import pendulum
        >>> cal = WorkCalendar(timezone="Asia/Shanghai")
        >>> status_day(pendulum.datetime(2026, 11, 23, 20, tz="UTC"), cal, "weekly_report.as_of")
        Date(2026, 11, 24)
        >>> status_day("2026-11-24", cal, "weekly_report.as_of")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: weekly_report.as_of: expected a pendulum.Date or a time-zone-aware pendulum.DateTime, got str '2026-11-24'

    """  # noqa: E501
    if not isinstance(calendar, WorkCalendar):
        raise ValidationError.single(
            "status_day.calendar",
            f"expected the WorkCalendar to read {where} in, got {describe(calendar)}",
        )
    if isinstance(value, _dt.datetime):
        try:
            offset = value.utcoffset()
        except Exception:  # a tzinfo that fails gives no offset: naive
            offset = None
        if offset is None:
            raise ValidationError.single(where, f"{_STATUS_DAY}, got naive {describe(value)}")
        try:
            day = calendar.local_date(value)
        except (OverflowError, ValueError):  # the local day falls outside years 1-9999
            raise ValidationError.single(
                where,
                f"{_STATUS_DAY} whose local day in {calendar.timezone} is a date "
                f"(years 1-9999), got {describe(value)}",
            ) from None
        return bounded_day(day, where)  # years 1900-2200, as every stored date
    if isinstance(value, _dt.date):
        return bounded_day(value, where)
    raise ValidationError.single(where, f"{_STATUS_DAY}, got {describe(value)}")


@attrs.frozen(eq=True)
class WorkCalendar:
    """Which days are working days, in which time zone.

    A day is a working day if it is an extra working day, or if it is neither
    a weekend day nor a holiday.

    Attributes:
        timezone: IANA zone name where the work happens, e.g. ``"Asia/Shanghai"``.
        holidays: Days off that would otherwise be working days.
        extra_workdays: Weekend days that are working days (China's make-up days).
        weekend: Weekday numbers that are off, Monday = 0 … Sunday = 6.
        years: The years the holidays were loaded for (:meth:`for_country` sets
            them). When given, every day query (:meth:`is_workday`,
            :meth:`add_workdays`, :meth:`workdays_between`, :meth:`next_workday`,
            the ordinal methods …) refuses a day outside them, and an answer
            that would land outside them, with a :class:`~clientpm.ValidationError`
            naming the years loaded: the calendar does not know that year's
            holidays, and guessing "an ordinary working day" would be wrong.
            Empty (the default, for a calendar built by hand): no bound, the
            lists given are the whole truth.

    Whatever whole number of working days is asked for, a result beyond
    9999-12-31 (or before 0001-01-01) is a :class:`~clientpm.ValidationError`
    naming the call and the value, never a bare ``ValueError``.

    Example:
        >>> import pendulum
        >>> from clientpm import WorkCalendar
        >>> cal = WorkCalendar(
        ...     timezone="Asia/Shanghai",
        ...     holidays=[pendulum.date(2025, 10, d) for d in (1, 2, 3, 6, 7, 8)],
        ...     extra_workdays=[pendulum.date(2025, 9, 28), pendulum.date(2025, 10, 11)],
        ... )
        >>> cal.add_workdays(pendulum.date(2025, 9, 30), 3)
        Date(2025, 10, 11)
        >>> cal.workdays_between(pendulum.date(2025, 9, 30), pendulum.date(2025, 10, 11))
        3
        >>> bounded = WorkCalendar(years=[2025], holidays=cal.holidays)
        >>> bounded.is_workday(pendulum.date(2026, 10, 1))
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: WorkCalendar.is_workday.day: expected a date in the years this calendar has holidays for (2025), got 2026-10-01; build the calendar with years covering 2026

    """  # noqa: E501

    timezone: str = "UTC"
    holidays: frozenset[pendulum.Date] = attrs.field(default=frozenset(), converter=_dates)
    extra_workdays: frozenset[pendulum.Date] = attrs.field(default=frozenset(), converter=_dates)
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_ints)
    years: frozenset[int] = attrs.field(default=frozenset(), converter=_ints)
    _off: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _on: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    # The loaded years as runs of day ordinals: starts and (inclusive) ends.
    _span_lo: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _span_hi: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        c = Checks("WorkCalendar")
        c.timezone("timezone", self.timezone)
        for field in ("holidays", "extra_workdays"):
            value = getattr(self, field)
            if not isinstance(value, frozenset):
                c.add(field, f"expected a list of dates, got {describe(value)}")
                continue
            for day in sorted(value, key=str):
                c.date(field, day)
        if not isinstance(self.weekend, frozenset) or not all(
            isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in self.weekend
        ):
            c.add(
                "weekend",
                f"expected weekday numbers 0 (Monday) to 6 (Sunday), got {describe(self.weekend)}",
            )
        elif len(self.weekend) == 7:
            c.add("weekend", "expected at least one working weekday, got all seven days off")
        if not _good_years(self.years):
            c.add("years", f"{_YEARS}, got {describe(self.years)}")
        c.raise_if_any()
        if self.years:
            for field in ("holidays", "extra_workdays"):
                outside = sorted(d for d in getattr(self, field) if d.year not in self.years)
                if outside:
                    c.add(
                        field,
                        f"expected days in the years the calendar covers "
                        f"({_years_text(self.years)}), got "
                        + ", ".join(d.isoformat() for d in outside),
                    )
            c.raise_if_any()
        both = self.holidays & self.extra_workdays
        if both:
            days = ", ".join(sorted(d.isoformat() for d in both))
            raise ValidationError.single(
                "WorkCalendar.extra_workdays",
                f"expected days that are not also holidays, got {days} in both lists",
            )
        # Only the exceptions that change anything matter to the arithmetic.
        off = sorted(d.toordinal() for d in self.holidays if d.weekday() not in self.weekend)
        on = sorted(d.toordinal() for d in self.extra_workdays if d.weekday() in self.weekend)
        object.__setattr__(self, "_off", tuple(off))
        object.__setattr__(self, "_on", tuple(on))
        runs = _runs(self.years)
        object.__setattr__(self, "_span_lo", tuple(_dt.date(a, 1, 1).toordinal() for a, _ in runs))
        object.__setattr__(
            self, "_span_hi", tuple(_dt.date(b, 12, 31).toordinal() for _, b in runs)
        )

    # -- constructors ---------------------------------------------------------
    @classmethod
    def for_country(
        cls, country: str, years: Iterable[int], *, timezone: str, subdivision: str | None = None
    ) -> WorkCalendar:
        """Build a calendar from a country's national holidays (needs the ``holidays`` extra).

        Weekend days that the country makes working days (China's 调休) come
        along as :attr:`extra_workdays`. The holidays are read here, once; the
        calendar remembers the ``years`` loaded and refuses any day outside
        them (a :class:`~clientpm.ValidationError` naming the years), rather
        than taking an unloaded holiday for a working day. Load every year the
        project may reach.

        Args:
            country: ISO 3166 country code such as ``"CN"`` or ``"US"``.
            years: The years to cover (at least one).
            timezone: The zone the team works in.
            subdivision: A state or province code, where the country has them.

        Raises:
            ValidationError: for an unknown country, no years or years that are
                not whole numbers from 1 to 9999, or when ``holidays`` is not installed.

        Example:
            >>> import pendulum
            >>> cn = WorkCalendar.for_country("CN", [2025], timezone="Asia/Shanghai")
            >>> cn.add_workdays(pendulum.date(2025, 9, 30), 3)
            Date(2025, 10, 11)
            >>> cn.is_workday(pendulum.date(2026, 10, 1))
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: WorkCalendar.is_workday.day: expected a date in the years this calendar has holidays for (2025), got 2026-10-01; build the calendar with years covering 2026

        """  # noqa: E501
        wanted_years = _ints(years)
        if not _good_years(wanted_years):
            raise ValidationError.single(
                "WorkCalendar.for_country.years", f"{_YEARS}, got {describe(years)}"
            )
        if not wanted_years:
            raise ValidationError.single(
                "WorkCalendar.for_country.years",
                "expected at least one year to load holidays for, got none",
            )
        try:
            import holidays as _holidays
        except ImportError:  # pragma: no cover - depends on the environment
            raise ValidationError.single(
                "WorkCalendar.for_country",
                "needs the optional 'holidays' package: pip install 'clientpm[holidays]'",
            ) from None
        wanted = sorted(wanted_years)
        try:
            table = _holidays.country_holidays(country, subdiv=subdivision, years=wanted)
        except NotImplementedError:
            raise ValidationError.single(
                "WorkCalendar.for_country.country",
                f"expected a country code the holidays package knows, such as 'CN', got "
                f"{describe(country)}",
            ) from None
        extra: Iterable[_dt.date] = getattr(table, "weekend_workdays", set())
        return cls(
            timezone=timezone,
            holidays=[d for d in table if d.year in wanted],
            extra_workdays=[d for d in extra if d.year in wanted],
            years=wanted,
        )

    # -- the loaded years -----------------------------------------------------
    def _span(self, ordinal: int) -> int:
        """Index of the run of loaded years holding ``ordinal``, or -1."""
        i = bisect_right(self._span_lo, ordinal) - 1
        return i if i >= 0 and ordinal <= self._span_hi[i] else -1

    def _loaded_text(self) -> str:
        return f"the years this calendar has holidays for ({_years_text(self.years)})"

    def _covering(self, ordinal: int) -> str:
        year = f" {_dt.date.fromordinal(ordinal).year}" if _FIRST <= ordinal <= _LAST else ""
        return f"build the calendar with years covering{year}" if year else "check the date"

    def _require(self, where: str, ordinal: int) -> None:
        """Refuse a day outside the loaded years (no bound when none were loaded)."""
        if self._span_lo and self._span(ordinal) < 0:
            raise ValidationError.single(
                where,
                f"expected a date in {self._loaded_text()}, got {_iso(ordinal)}; "
                f"{self._covering(ordinal)}",
            )

    def _require_range(self, lo_where: str, lo: int, hi_where: str, hi: int) -> None:
        """Refuse days ``lo..hi`` (inclusive) unless every one is in a loaded year."""
        if not self._span_lo:
            return
        self._require(lo_where, lo)
        self._require(hi_where, hi)
        first = self._span(lo)
        if first != self._span(hi):
            gap = self._span_hi[first] + 1
            raise ValidationError.single(
                hi_where,
                f"expected dates in {self._loaded_text()}, got {_iso(lo)} to {_iso(hi)}, "
                f"which include {_dt.date.fromordinal(gap).year}; {self._covering(gap)}",
            )

    def _move(self, where: str, what: str, origin: int, count: int) -> int:
        """:meth:`add_workdays_ordinal`, refusing an answer that is no date or not loaded."""
        last = f"{_dt.date.max.isoformat()}, the last date a calendar can hold"
        first = f"{_dt.date.min.isoformat()}, the first date a calendar can hold"
        if abs(count) > _LAST - _FIRST:  # each working day is a day at least
            raise ValidationError.single(where, f"{what} goes past {last if count > 0 else first}")
        result = self._walk(origin, count)
        if result > _LAST or result < _FIRST:
            raise ValidationError.single(where, f"{what} goes past {last if count > 0 else first}")
        if self._span_lo:
            span = self._span(origin)
            if self._span(result) != span:
                out = self._span_hi[span] + 1 if count > 0 else self._span_lo[span] - 1
                raise ValidationError.single(
                    where, f"{what} leaves {self._loaded_text()}; {self._covering(out)}"
                )
        return result

    # -- queries --------------------------------------------------------------
    def _is_workday_ordinal(self, ordinal: int) -> bool:
        if _weekday(ordinal) in self.weekend:
            i = bisect_left(self._on, ordinal)
            return i < len(self._on) and self._on[i] == ordinal
        i = bisect_left(self._off, ordinal)
        return not (i < len(self._off) and self._off[i] == ordinal)

    def is_workday(self, day: _dt.date) -> bool:
        """Whether ``day`` is a working day.

        Example:
            >>> import pendulum
            >>> WorkCalendar().is_workday(pendulum.date(2026, 11, 28))  # a Saturday
            False

        """
        ordinal = self._ordinal(day, "day")
        self._require("WorkCalendar.is_workday.day", ordinal)
        return self._is_workday_ordinal(ordinal)

    def count_workdays_ordinal(self, start: int, stop: int) -> int:
        """Count working days among day ordinals ``start <= o < stop``, for fast loops.

        With loaded :attr:`years`, every day counted must be in them.

        Example:
            >>> import pendulum
            >>> mon = pendulum.date(2026, 11, 23).toordinal()
            >>> WorkCalendar().count_workdays_ordinal(mon, mon + 7)
            5

        """
        if stop > start:
            self._require_range(
                "WorkCalendar.count_workdays_ordinal.start",
                start,
                "WorkCalendar.count_workdays_ordinal.stop",
                stop - 1,
            )
        return self._count(start, stop)

    def _count(self, start: int, stop: int) -> int:
        """Working days among ordinals ``start <= o < stop``."""
        if stop <= start:
            return 0
        span = stop - start
        weeks, rest = divmod(span, 7)
        count = weeks * (7 - len(self.weekend))
        first = start + weeks * 7
        count += sum(1 for o in range(first, first + rest) if _weekday(o) not in self.weekend)
        count -= bisect_left(self._off, stop) - bisect_left(self._off, start)
        count += bisect_left(self._on, stop) - bisect_left(self._on, start)
        return count

    def workdays_between(self, start: _dt.date, end: _dt.date) -> int:
        """Count the working days after ``start`` up to and including ``end``.

        Negative when ``end`` is before ``start``, so that
        ``add_workdays(start, workdays_between(start, end)) == end`` whenever
        ``end`` is a working day.

        Example:
            >>> import pendulum
            >>> fri, next_fri = pendulum.date(2026, 11, 20), pendulum.date(2026, 11, 27)
            >>> WorkCalendar().workdays_between(fri, next_fri)
            5

        """
        a = self._ordinal(start, "start")
        b = self._ordinal(end, "end")
        if self._span_lo:
            self._require("WorkCalendar.workdays_between.start", a)
            self._require("WorkCalendar.workdays_between.end", b)
            self._require_range(
                "WorkCalendar.workdays_between.start", min(a, b),
                "WorkCalendar.workdays_between.end", max(a, b),
            )  # fmt: skip
        if b >= a:
            return self._count(a + 1, b + 1)
        return -self._count(b + 1, a + 1)

    def add_workdays(self, day: _dt.date, count: int) -> pendulum.Date:
        """Move ``count`` working days from ``day`` (backwards when negative).

        ``day`` itself is not counted; with ``count == 0`` the result is ``day``.

        Raises:
            ValidationError: when ``day`` or the answer is outside the loaded
                :attr:`years`, or the answer would be past 9999-12-31 (or
                before 0001-01-01).

        Example:
            >>> import pendulum
            >>> WorkCalendar().add_workdays(pendulum.date(2026, 11, 27), 1)  # Friday + 1
            Date(2026, 11, 30)
            >>> WorkCalendar().add_workdays(pendulum.date(2026, 11, 30), -1)
            Date(2026, 11, 27)

        """
        origin = self._ordinal(day, "day")
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValidationError.single(
                "WorkCalendar.add_workdays.count",
                f"expected a whole number of working days, got {describe(count)}",
            )
        self._require("WorkCalendar.add_workdays.day", origin)
        what = f"moving {count} working days from {_iso(origin)}"
        return pendulum.Date.fromordinal(
            self._move("WorkCalendar.add_workdays.count", what, origin, count)
        )

    def add_workdays_ordinal(self, origin: int, count: int) -> int:
        """Like :meth:`add_workdays`, on day ordinals (``date.toordinal()``), for fast loops.

        Example:
            >>> import pendulum
            >>> o = pendulum.date(2026, 11, 27).toordinal()
            >>> WorkCalendar().add_workdays_ordinal(o, 1) - o
            3

        """
        if not _FIRST <= origin <= _LAST:
            raise ValidationError.single(
                "WorkCalendar.add_workdays_ordinal.origin",
                f"expected a day ordinal from {_FIRST} ({_dt.date.min.isoformat()}) to {_LAST} "
                f"({_dt.date.max.isoformat()}), got {origin}",
            )
        self._require("WorkCalendar.add_workdays_ordinal.origin", origin)
        what = f"moving {count} working days from {_iso(origin)}"
        return self._move("WorkCalendar.add_workdays_ordinal.count", what, origin, count)

    def _walk(self, origin: int, count: int) -> int:
        """The ordinal ``count`` working days from ``origin``; any int, unchecked."""
        if count == 0:
            return origin
        step = 1 if count > 0 else -1
        need = abs(count)
        per_week = 7 - len(self.weekend)
        # Guess from whole weeks, then walk day by day to the exact answer: the guess is
        # off by at most a week plus the holidays and make-up days in between.
        days = need * 7 // per_week
        if step > 0:
            counted = self._count(origin + 1, origin + days + 1)
        else:
            counted = self._count(origin - days, origin)
        while counted < need:
            days += 1
            counted += self._is_workday_ordinal(origin + step * days)
        while days > 0 and counted - self._is_workday_ordinal(origin + step * days) >= need:
            counted -= self._is_workday_ordinal(origin + step * days)
            days -= 1
        return origin + step * days

    def next_workday(self, day: _dt.date) -> pendulum.Date:
        """The first working day on or after ``day``.

        Example:
            >>> import pendulum
            >>> WorkCalendar().next_workday(pendulum.date(2026, 11, 28))
            Date(2026, 11, 30)

        """
        ordinal = self._ordinal(day, "day")
        where = "WorkCalendar.next_workday.day"
        self._require(where, ordinal)
        if self._is_workday_ordinal(ordinal):
            return pendulum.Date.fromordinal(ordinal)
        what = f"looking for the next working day after {_iso(ordinal)}"
        return pendulum.Date.fromordinal(self._move(where, what, ordinal, 1))

    def previous_workday(self, day: _dt.date) -> pendulum.Date:
        """The last working day on or before ``day``.

        Example:
            >>> import pendulum
            >>> WorkCalendar().previous_workday(pendulum.date(2026, 11, 29))
            Date(2026, 11, 27)

        """
        ordinal = self._ordinal(day, "day")
        where = "WorkCalendar.previous_workday.day"
        self._require(where, ordinal)
        if self._is_workday_ordinal(ordinal):
            return pendulum.Date.fromordinal(ordinal)
        what = f"looking for the previous working day before {_iso(ordinal)}"
        return pendulum.Date.fromordinal(self._move(where, what, ordinal, -1))

    def local_date(self, instant: _dt.datetime) -> pendulum.Date:
        """The calendar date of ``instant`` in this calendar's time zone.

        Example:
            >>> import pendulum
            >>> cal = WorkCalendar(timezone="Asia/Shanghai")
            >>> cal.local_date(pendulum.datetime(2026, 11, 27, 18, tz="UTC"))
            Date(2026, 11, 28)

        """
        if not isinstance(instant, _dt.datetime) or instant.tzinfo is None:
            raise ValidationError.single(
                "WorkCalendar.local_date.instant",
                f"expected a time-zone-aware date and time, got {describe(instant)}",
            )
        return local_day(instant, self.timezone)

    @staticmethod
    def _ordinal(day: object, name: str) -> int:
        if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
            raise ValidationError.single(
                f"WorkCalendar.{name}",
                f"expected a calendar date (pendulum.Date), got {describe(day)}",
            )
        return day.toordinal()

    def describe_weekend(self) -> str:
        """The weekend days by name.

        Example:
            >>> WorkCalendar().describe_weekend()
            'Saturday, Sunday'

        """
        return ", ".join(_DAY_NAMES[d] for d in sorted(self.weekend))
