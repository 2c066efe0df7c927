"""Cadences: how often and when we tell the client, in the client's time zone (D11).

A :class:`Cadence` is one recurring touch point ("Weekly report, every Friday
17:00, by e-mail"), always stated in the *client's* time zone: the wall time
stays 17:00 all year, whatever the UTC offset does across daylight-saving
changes. :func:`occurrences` lists a cadence's instants in a range. What
happened is in :mod:`clientpm.communication.log`; how the two compare is
:func:`clientpm.communication.plan.plan_status`.

Given the project's :class:`~clientpm.WorkCalendar` (``calendar=``), the
occurrences follow its holidays and make-up working days: a daily cadence
falls on the calendar's working days, and a weekly or monthly one that falls
on a holiday moves to the next working day. Without one, daily means Monday to
Friday and nothing moves, as in 0.1.0.

Local times that do not exist or exist twice follow pendulum's default
resolution: on a spring-forward day a time inside the gap moves forward by the
length of the gap (02:30 in New York on 2026-03-08 becomes 03:30-04:00), and on
a fall-back day an ambiguous time is taken in standard time, the later of the
two (01:30 on 2026-11-01 becomes 01:30-05:00).

Everything here is pure: no clock is read.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterable, Iterator

import attrs
import pendulum

from clientpm._checks import Checks, Identified, describe, known
from clientpm._convert import to_date, to_datetime, to_enum, to_optional_date, to_strings
from clientpm.enums import Channel, _Choice
from clientpm.errors import ValidationError
from clientpm.work_calendar import WorkCalendar

__all__ = [
    "WEEKDAYS",
    "Cadence",
    "CommunicationKind",
    "Frequency",
    "occurrences",
]

#: Day names accepted for ``weekday``, Monday first (index = ``date.weekday()``).
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


class CommunicationKind(_Choice):
    """What a cadence or an interaction is.

    Example:
        >>> CommunicationKind("report"), str(CommunicationKind.MEETING)
        (<CommunicationKind.REPORT: 'report'>, 'meeting')

    """

    REPORT = "report"
    MEETING = "meeting"
    CALL = "call"
    REVIEW = "review"
    DEMO = "demo"
    OTHER = "other"


class Frequency(_Choice):
    """How a cadence repeats: every working day, every week or every month.

    Example:
        >>> Frequency("weekly")
        <Frequency.WEEKLY: 'weekly'>

    """

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


# -- converters ---------------------------------------------------------------
def _to_kind(value: object) -> CommunicationKind:
    return to_enum(CommunicationKind, value)


def _to_channel(value: object) -> Channel:
    return to_enum(Channel, value)


def _to_frequency(value: object) -> Frequency:
    return to_enum(Frequency, value)


def _to_weekday(value: object) -> str | None:
    if isinstance(value, pendulum.WeekDay):
        return WEEKDAYS[value.value]
    if isinstance(value, str) and value.strip().lower() in WEEKDAYS:
        return value.strip().lower()
    return value  # type: ignore[return-value]  # refused by the checks


def _to_week(value: object) -> int | None:
    if isinstance(value, str) and value.strip().lower() in _ORDINALS:
        return _ORDINALS[value.strip().lower()]
    return value  # type: ignore[return-value]  # refused by the checks


def _to_time(value: object) -> pendulum.Time:
    if isinstance(value, _dt.datetime):
        return value  # type: ignore[return-value]  # refused by the checks
    if isinstance(value, pendulum.Time):
        return value
    if isinstance(value, _dt.time):  # microseconds are kept for the checks to refuse
        return pendulum.Time(
            value.hour, value.minute, value.second, value.microsecond, tzinfo=value.tzinfo
        )
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if match:
            hour, minute, second = (int(g) if g else 0 for g in match.groups())
            if hour < 24 and minute < 60 and second < 60:
                return pendulum.time(hour, minute, second)
    return value  # type: ignore[return-value]  # refused by the checks


def _hhmm(at: _dt.time) -> str:
    return at.strftime("%H:%M") if at.second == 0 else at.strftime("%H:%M:%S")


@attrs.frozen
class Cadence(Identified):
    """One recurring touch point with the client, in the client's time zone.

    Build one with :meth:`weekly`, :meth:`monthly` or :meth:`daily`, which
    read better than the full constructor.

    Attributes:
        id: Stable id such as ``"weekly-report"``.
        title: What it is called with the client, e.g. ``"Weekly report"``.
        kind: report, meeting, call, review, demo or other.
        channel: How it happens (:class:`clientpm.Channel`).
        timezone: The client's IANA time zone, e.g. ``"Asia/Shanghai"``.
        frequency: daily (working days: Monday to Friday, or those of the
            calendar given to :func:`occurrences`), weekly or monthly.
        at: The local wall time, ``"HH:MM"`` or ``"HH:MM:SS"`` (e.g. ``"17:00"``),
            or a ``datetime.time`` in whole seconds without a zone.
        start: First local date it applies.
        weekday: Day name (``"friday"``) for weekly, and for monthly by week.
        week: For monthly by week: 1 to 4, or -1 (also ``"last"``) for the last.
        day: For monthly by day: 1 to 31, clamped to the month's last day.
        end: Last local date it applies, if it stops.
        audience: Ids of the stakeholders it is for.
        grace_hours: How many hours early or late it may happen and still count.

    Example:
        >>> c = Cadence.weekly("weekly-report", "Weekly report", weekday="friday", at="17:00",
        ...                    timezone="Asia/Shanghai", start="2026-11-02")
        >>> c.rule
        'every Friday at 17:00 (Asia/Shanghai)'

    """

    id: str
    title: str
    kind: CommunicationKind = attrs.field(converter=_to_kind)
    channel: Channel = attrs.field(converter=_to_channel)
    timezone: str
    frequency: Frequency = attrs.field(converter=_to_frequency)
    at: pendulum.Time = attrs.field(converter=_to_time)
    start: pendulum.Date = attrs.field(converter=to_date)
    weekday: str | None = attrs.field(default=None, converter=_to_weekday)
    week: int | None = attrs.field(default=None, converter=_to_week)
    day: int | None = None
    end: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    audience: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    grace_hours: int = 24

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("title", self.title)
        c.choice("kind", self.kind, CommunicationKind)
        c.choice("channel", self.channel, Channel)
        c.timezone("timezone", self.timezone)
        c.choice("frequency", self.frequency, Frequency)
        if not isinstance(self.at, _dt.time) or isinstance(self.at, _dt.datetime):
            c.add(
                "at",
                "expected a local time of day 'HH:MM' or 'HH:MM:SS' from 00:00 to 23:59:59, "
                f"got {describe(self.at)}",
            )
        elif self.at.tzinfo is not None:
            c.add(
                "at",
                f"expected a local time without a zone (the zone is timezone), got {self.at!r}",
            )
        elif self.at.microsecond:
            c.add("at", f"expected a local time of day in whole seconds, got {self.at!r}")
        c.date("start", self.start)
        c.date("end", self.end, optional=True)
        if self.weekday is not None and self.weekday not in WEEKDAYS:
            c.add(
                "weekday",
                f"expected a day name such as 'friday' (monday to sunday), "
                f"got {describe(self.weekday)}",
            )
        if self.week is not None and (
            isinstance(self.week, bool)
            or not isinstance(self.week, int)
            or self.week not in _ORDINAL_NAMES
        ):
            c.add(
                "week",
                f"expected 1, 2, 3, 4 or -1 (or 'first' .. 'fourth', 'last'), "
                f"got {describe(self.week)}",
            )
        c.integer("day", self.day, low=1, high=31, optional=True)
        c.strings("audience", self.audience, what="stakeholder id")
        c.unique("audience", self.audience)
        c.integer("grace_hours", self.grace_hours, low=0)
        c.raise_if_any()
        self._check_rule(c)
        if self.end is not None and self.end < self.start:
            c.add("end", f"expected a date on or after start ({self.start}), got {self.end}")
        c.raise_if_any()

    def _check_rule(self, c: Checks) -> None:
        given = {
            name
            for name, value in (("weekday", self.weekday), ("week", self.week), ("day", self.day))
            if value is not None
        }
        if self.frequency is Frequency.DAILY:
            expected: set[str] = set()
            shape = "a daily cadence takes no weekday, week or day"
        elif self.frequency is Frequency.WEEKLY:
            expected = {"weekday"}
            shape = "a weekly cadence takes a weekday only"
        elif self.day is not None:
            expected = {"day"}
            shape = "a monthly cadence takes either week and weekday, or day"
        else:
            expected = {"week", "weekday"}
            shape = "a monthly cadence takes either week and weekday, or day"
        if given != expected:
            got = known(given)
            c.add("frequency", f"{shape}; got {got}")

    # -- readable constructors ------------------------------------------------
    @classmethod
    def weekly(
        cls,
        id: str,
        title: str,
        *,
        weekday: str | pendulum.WeekDay,
        at: str | _dt.time,
        timezone: str,
        start: pendulum.Date | str,
        end: pendulum.Date | str | None = None,
        kind: CommunicationKind | str = CommunicationKind.REPORT,
        channel: Channel | str = Channel.EMAIL,
        audience: Iterable[str] = (),
        grace_hours: int = 24,
    ) -> Cadence:
        """Every week on ``weekday`` at the local time ``at``.

        Example:
            >>> Cadence.weekly("sync", "Weekly sync", weekday="monday", at="10:00",
            ...                timezone="Europe/London", start="2026-01-05", kind="call",
            ...                channel="phone").rule
            'every Monday at 10:00 (Europe/London)'

        """
        return cls(
            id=id, title=title, kind=kind, channel=channel, timezone=timezone,
            frequency=Frequency.WEEKLY, at=at, start=start, weekday=weekday, end=end,
            audience=audience, grace_hours=grace_hours,
        )  # fmt: skip

    @classmethod
    def monthly(
        cls,
        id: str,
        title: str,
        *,
        at: str | _dt.time,
        timezone: str,
        start: pendulum.Date | str,
        week: int | str | None = None,
        weekday: str | pendulum.WeekDay | None = None,
        day: int | None = None,
        end: pendulum.Date | str | None = None,
        kind: CommunicationKind | str = CommunicationKind.MEETING,
        channel: Channel | str = Channel.MEETING,
        audience: Iterable[str] = (),
        grace_hours: int = 24,
    ) -> Cadence:
        """Every month on the n-th (or last) ``weekday``, or on ``day`` of the month.

        A ``day`` past the month's end is clamped to its last day (31 means
        30 April and 28 or 29 February).

        Example:
            >>> Cadence.monthly("steering", "Steering committee", week=1, weekday="monday",
            ...                 at="10:00", timezone="Asia/Shanghai", start="2027-01-01").rule
            'the first Monday of each month at 10:00 (Asia/Shanghai)'
            >>> Cadence.monthly("invoice", "Invoice", day=31, at="09:00", timezone="UTC",
            ...                 start="2027-01-01", kind="report", channel="email").rule
            "day 31 of each month (or the month's last day) at 09:00 (UTC)"

        """
        return cls(
            id=id, title=title, kind=kind, channel=channel, timezone=timezone,
            frequency=Frequency.MONTHLY, at=at, start=start, weekday=weekday, week=week,
            day=day, end=end, audience=audience, grace_hours=grace_hours,
        )  # fmt: skip

    @classmethod
    def daily(
        cls,
        id: str,
        title: str,
        *,
        at: str | _dt.time,
        timezone: str,
        start: pendulum.Date | str,
        end: pendulum.Date | str | None = None,
        kind: CommunicationKind | str = CommunicationKind.CALL,
        channel: Channel | str = Channel.CHAT,
        audience: Iterable[str] = (),
        grace_hours: int = 4,
    ) -> Cadence:
        """Every working day (Monday to Friday) at the local time ``at``.

        Example:
            >>> Cadence.daily("standup", "Stand-up", at="09:30", timezone="Asia/Shanghai",
            ...               start="2026-11-02").rule
            'every working day at 09:30 (Asia/Shanghai)'

        """
        return cls(
            id=id, title=title, kind=kind, channel=channel, timezone=timezone,
            frequency=Frequency.DAILY, at=at, start=start, end=end, audience=audience,
            grace_hours=grace_hours,
        )  # fmt: skip

    # -- reading --------------------------------------------------------------
    @property
    def rule(self) -> str:
        """The rule in words, e.g. ``'every Friday at 17:00 (Asia/Shanghai)'``."""
        when = f"at {_hhmm(self.at)} ({self.timezone})"
        day_name = (self.weekday or "").capitalize()
        if self.frequency is Frequency.DAILY:
            return f"every working day {when}"
        if self.frequency is Frequency.WEEKLY:
            return f"every {day_name} {when}"
        if self.day is not None:
            clamp = " (or the month's last day)" if self.day > 28 else ""
            return f"day {self.day} of each month{clamp} {when}"
        return f"the {_ORDINAL_NAMES[self.week or 1]} {day_name} of each month {when}"

    @property
    def grace(self) -> pendulum.Duration:
        """The grace period as a duration."""
        return pendulum.duration(hours=self.grace_hours)

    def occurrences(
        self,
        start: pendulum.Date | pendulum.DateTime | str,
        end: pendulum.Date | pendulum.DateTime | str,
        *,
        calendar: WorkCalendar | None = None,
    ) -> tuple[pendulum.DateTime, ...]:
        """Same as :func:`occurrences` (``occurrences(self, start, end, calendar=calendar)``).

        Example:
            >>> c = Cadence.weekly("r", "Report", weekday="friday", at="17:00",
            ...                    timezone="Asia/Shanghai", start="2026-11-01")
            >>> [d.to_date_string() for d in c.occurrences("2026-11-01", "2026-11-14")]
            ['2026-11-06', '2026-11-13']

        """
        return occurrences(self, start, end, calendar=calendar)

    def _calendar_dates(
        self, first: _dt.date, last: _dt.date, until: _dt.date, cal: WorkCalendar
    ) -> list[_dt.date]:
        """The local dates the rule gives in ``first..until``, following ``cal``.

        Daily: the calendar's working days from ``first`` to ``last``. Weekly and
        monthly: the rule's dates up to ``last``, each holiday moved to the next
        working day (which may be after ``last``, the cadence's end, but not
        after ``until``, the end of the range), duplicates merged.
        """
        if self.frequency is Frequency.DAILY:
            span = range(first.toordinal(), last.toordinal() + 1)
            return [d for d in map(_dt.date.fromordinal, span) if cal.is_workday(d)]
        # A rule date before `first` moved onto `first` or later: every day between is off.
        scan = first
        while scan > self.start and not cal.is_workday(scan - _dt.timedelta(days=1)):
            scan -= _dt.timedelta(days=1)
        found: set[_dt.date] = set()
        for day in self._local_dates(scan, last):
            if day in cal.holidays and not cal.is_workday(day):
                day = cal.next_workday(day)
            if first <= day <= until:
                found.add(day)
        return sorted(found)

    def _local_dates(self, first: _dt.date, last: _dt.date) -> Iterator[_dt.date]:
        """The local dates in ``first..last`` on which the rule falls, in order."""
        if self.frequency is Frequency.DAILY:
            for ordinal in range(first.toordinal(), last.toordinal() + 1):
                day = _dt.date.fromordinal(ordinal)
                if day.weekday() < 5:
                    yield day
        elif self.frequency is Frequency.WEEKLY:
            target = WEEKDAYS.index(self.weekday or "")
            ordinal = first.toordinal() + (target - first.weekday()) % 7
            while ordinal <= last.toordinal():
                yield _dt.date.fromordinal(ordinal)
                ordinal += 7
        else:
            year, month = first.year, first.month
            while (year, month) <= (last.year, last.month):
                day = self._monthly_date(year, month)
                if first <= day <= last:
                    yield day
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def _monthly_date(self, year: int, month: int) -> _dt.date:
        length = calendar.monthrange(year, month)[1]
        if self.day is not None:
            return _dt.date(year, month, min(self.day, length))
        target = WEEKDAYS.index(self.weekday or "")
        if self.week == -1:
            last = _dt.date(year, month, length)
            return last - _dt.timedelta(days=(last.weekday() - target) % 7)
        first = _dt.date(year, month, 1)
        offset = (target - first.weekday()) % 7
        return first + _dt.timedelta(days=offset + 7 * ((self.week or 1) - 1))


# -- occurrences -------------------------------------------------------------------
def _bound(
    c: Checks, field: str, value: object, zone: str, *, end_of_day: bool
) -> pendulum.DateTime | None:
    """A range bound as an aware DateTime: a date covers the whole local day."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            c.add(
                field,
                f"expected a date or a time-zone-aware date and time, got naive "
                f"{describe(value)}; attach a zone, e.g. pendulum.datetime(..., tz='UTC')",
            )
            return None
        return to_datetime(value)
    date = to_date(value)
    if not isinstance(date, _dt.date):
        c.add(
            field,
            "expected a date ('YYYY-MM-DD' or pendulum.Date) or a time-zone-aware "
            f"date and time, got {describe(value)}",
        )
        return None
    moment = pendulum.datetime(date.year, date.month, date.day, tz=zone)
    return moment.end_of("day") if end_of_day else moment


def _range(
    owner: str, start: object, end: object, zone: str
) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    c = Checks(owner)
    low = _bound(c, "start", start, zone, end_of_day=False)
    high = _bound(c, "end", end, zone, end_of_day=True)
    c.raise_if_any()
    assert low is not None  # guaranteed by the checks
    assert high is not None
    if high < low:
        raise ValidationError.single(
            f"{owner}.end",
            f"expected a time at or after start ({low.isoformat()}), got {high.isoformat()}",
        )
    return low, high


def occurrences(
    cadence: Cadence,
    start: pendulum.Date | pendulum.DateTime | str,
    end: pendulum.Date | pendulum.DateTime | str,
    *,
    calendar: WorkCalendar | None = None,
) -> tuple[pendulum.DateTime, ...]:
    """The instants of ``cadence`` that fall in ``[start, end]``, in the cadence's zone.

    ``start`` and ``end`` are dates (a date covers its whole local day in the
    cadence's zone) or time-zone-aware date-times; naive date-times are
    refused. Only dates from ``cadence.start`` to ``cadence.end`` count. Each
    occurrence is at the cadence's local wall time whatever the UTC offset;
    a wall time that does not exist on a spring-forward day moves forward by
    the gap, and an ambiguous one on a fall-back day is taken in standard time
    (pendulum's default resolution).

    ``calendar`` is the project's :class:`~clientpm.WorkCalendar`
    (``project.calendar``); its days are read as the cadence's local dates.
    With it:

    * a daily cadence falls on the calendar's working days: not on its
      holidays, but on its make-up working days (China's 调休 Saturdays);
    * a weekly or monthly occurrence whose date is one of the calendar's
      holidays moves to the next working day, at the same wall time. The
      report or meeting is still owed, so it neither disappears nor turns
      overdue over the holiday; keeping the date would schedule it on a day
      nobody works. Two occurrences moved onto one day (a weekly Thursday
      on 1 October lands on the next Thursday) count once; a date the rule
      picks that is only a weekend day, not a holiday, stays. An occurrence
      whose own date is within the cadence's ``start``-``end`` may move past
      ``end``: it is still owed.

    Without a calendar, daily means Monday to Friday and nothing moves (the
    0.1.0 behaviour). A calendar built with
    :meth:`~clientpm.WorkCalendar.for_country` refuses days outside the
    years it loaded, with a :class:`~clientpm.ValidationError`.

    Example:
        >>> c = Cadence.weekly("r", "Report", weekday="friday", at="17:00",
        ...                    timezone="America/New_York", start="2026-01-01")
        >>> [d.isoformat() for d in occurrences(c, "2026-03-01", "2026-03-14")]
        ['2026-03-06T17:00:00-05:00', '2026-03-13T17:00:00-04:00']
        >>> import pendulum
        >>> from clientpm import WorkCalendar
        >>> cal = WorkCalendar(timezone="America/New_York", holidays=[pendulum.date(2026, 7, 3)])
        >>> [d.isoformat() for d in occurrences(c, "2026-06-29", "2026-07-10", calendar=cal)]
        ['2026-07-06T17:00:00-04:00', '2026-07-10T17:00:00-04:00']

    """
    owner = f"occurrences({cadence.label})"
    if calendar is not None and not isinstance(calendar, WorkCalendar):
        raise ValidationError.single(
            f"{owner}.calendar",
            f"expected a WorkCalendar (such as project.calendar) or None, got {describe(calendar)}",
        )
    low, high = _range(owner, start, end, cadence.timezone)
    first = max(low.in_timezone(cadence.timezone).date(), cadence.start)
    until = high.in_timezone(cadence.timezone).date()
    last = until if cadence.end is None else min(until, cadence.end)
    at = cadence.at
    found: list[pendulum.DateTime] = []
    dates: Iterable[_dt.date] = (
        cadence._local_dates(first, last)
        if calendar is None
        else cadence._calendar_dates(first, last, until, calendar)
    )
    for day in dates:
        moment = pendulum.datetime(
            day.year, day.month, day.day, at.hour, at.minute, at.second, tz=cadence.timezone
        )
        if low <= moment <= high:
            found.append(moment)
    return tuple(found)
