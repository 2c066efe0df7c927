"""A communication plan: how often, how and what we tell the client (D11).

A :class:`Cadence` is one recurring touch point ("Weekly report, every Friday
17:00, by e-mail"), always stated in the *client's* time zone: the wall time
stays 17:00 all year, whatever the UTC offset does across daylight-saving
changes. :func:`occurrences` lists a cadence's instants in a range,
:func:`plan_status` compares a :class:`CommunicationPlan` with the log of
:class:`Interaction` records (done, overdue or due), and
:func:`open_action_items` lists the action items still open.

Local times that do not exist or exist twice follow pendulum's default
resolution: on a spring-forward day a time inside the gap moves forward by the
length of the gap (02:30 in New York on 2026-03-08 becomes 03:30-04:00), and on
a fall-back day an ambiguous time is taken in standard time, the later of the
two (01:30 on 2026-11-01 becomes 01:30-05:00).

Everything here is pure: "now" is always an argument (``as_of``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from collections.abc import Iterable, Iterator

import attrs
import pendulum

from clientpm._checks import Checks, describe
from clientpm._convert import (
    to_date,
    to_datetime,
    to_enum,
    to_optional_date,
    to_optional_datetime,
    to_strings,
    to_tuple,
)
from clientpm.enums import Channel
from clientpm.errors import UnknownReferenceError, ValidationError

__all__ = [
    "WEEKDAYS",
    "ActionItem",
    "Cadence",
    "CommunicationKind",
    "CommunicationPlan",
    "Frequency",
    "Interaction",
    "OccurrenceState",
    "OccurrenceStatus",
    "OpenActionItem",
    "occurrences",
    "open_action_items",
    "plan_status",
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


class _Choice(str, enum.Enum):
    """A string enum whose ``str()`` is its value."""

    def __str__(self) -> str:
        return str(self.value)


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


class OccurrenceState(_Choice):
    """Where one occurrence of a cadence stands.

    ``done``: an interaction fulfilled it within the grace period; ``overdue``:
    the grace period has passed without one; ``due``: its grace period has not
    passed yet (it is upcoming, or late but still in time).

    Example:
        >>> [str(s) for s in OccurrenceState]
        ['done', 'overdue', 'due']

    """

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due"


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
class Cadence:
    """One recurring touch point with the client, in the client's time zone.

    Build one with :meth:`weekly`, :meth:`monthly` or :meth:`daily`, which
    read better than the full constructor.

    Attributes:
        id: Stable id such as ``"weekly-report"``.
        title: What it is called with the client, e.g. ``"Weekly report"``.
        kind: report, meeting, call, review, demo or other.
        channel: How it happens (:class:`clientpm.Channel`).
        timezone: The client's IANA time zone, e.g. ``"Asia/Shanghai"``.
        frequency: daily (working days, Monday to Friday), weekly or monthly.
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

    @property
    def label(self) -> str:
        """How messages name this cadence, e.g. ``Cadence 'weekly-report'``."""
        return f"Cadence {self.id!r}"

    def __attrs_post_init__(self) -> None:
        c = Checks(self.label)
        c.identifier("id", self.id)
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
            got = ", ".join(sorted(given)) or "none"
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
        self, start: pendulum.Date | pendulum.DateTime, end: pendulum.Date | pendulum.DateTime
    ) -> tuple[pendulum.DateTime, ...]:
        """Same as :func:`occurrences` (``occurrences(self, start, end)``).

        Example:
            >>> c = Cadence.weekly("r", "Report", weekday="friday", at="17:00",
            ...                    timezone="Asia/Shanghai", start="2026-11-01")
            >>> [d.to_date_string() for d in c.occurrences("2026-11-01", "2026-11-14")]
            ['2026-11-06', '2026-11-13']

        """
        return occurrences(self, start, end)

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
) -> tuple[pendulum.DateTime, ...]:
    """The instants of ``cadence`` that fall in ``[start, end]``, in the cadence's zone.

    ``start`` and ``end`` are dates (a date covers its whole local day in the
    cadence's zone) or time-zone-aware date-times; naive date-times are
    refused. Only dates from ``cadence.start`` to ``cadence.end`` count. Each
    occurrence is at the cadence's local wall time whatever the UTC offset;
    a wall time that does not exist on a spring-forward day moves forward by
    the gap, and an ambiguous one on a fall-back day is taken in standard time
    (pendulum's default resolution).

    Example:
        >>> c = Cadence.weekly("r", "Report", weekday="friday", at="17:00",
        ...                    timezone="America/New_York", start="2026-01-01")
        >>> [d.isoformat() for d in occurrences(c, "2026-03-01", "2026-03-14")]
        ['2026-03-06T17:00:00-05:00', '2026-03-13T17:00:00-04:00']

    """
    low, high = _range(f"occurrences({cadence.label})", start, end, cadence.timezone)
    first = max(low.in_timezone(cadence.timezone).date(), cadence.start)
    last = high.in_timezone(cadence.timezone).date()
    if cadence.end is not None:
        last = min(last, cadence.end)
    at = cadence.at
    found: list[pendulum.DateTime] = []
    for day in cadence._local_dates(first, last):
        moment = pendulum.datetime(
            day.year, day.month, day.day, at.hour, at.minute, at.second, tz=cadence.timezone
        )
        if low <= moment <= high:
            found.append(moment)
    return tuple(found)


# -- the log ------------------------------------------------------------------
@attrs.frozen
class ActionItem:
    """Something someone agreed to do in an interaction.

    Attributes:
        id: Stable id such as ``"A-3"``.
        text: What is to be done.
        owner: Who does it (a stakeholder id or a name).
        due: The date it is due.
        done_at: When it was done, if it was.

    Example:
        >>> ActionItem(id="A1", text="Send the SSO test plan", owner="pm", due="2026-11-25")
        ActionItem(id='A1', text='Send the SSO test plan', owner='pm', due=Date(2026, 11, 25), done_at=None)

    """  # noqa: E501

    id: str
    text: str
    owner: str
    due: pendulum.Date = attrs.field(converter=to_date)
    done_at: pendulum.DateTime | None = attrs.field(default=None, converter=to_optional_datetime)

    @property
    def label(self) -> str:
        """How messages name this item, e.g. ``ActionItem 'A1'``."""
        return f"ActionItem {self.id!r}"

    def __attrs_post_init__(self) -> None:
        c = Checks(self.label)
        c.identifier("id", self.id)
        c.text("text", self.text)
        c.text("owner", self.owner)
        c.date("due", self.due)
        c.instant("done_at", self.done_at, optional=True)
        c.raise_if_any()

    def is_done(self, as_of: pendulum.DateTime) -> bool:
        """Whether it was done at or before ``as_of``.

        Example:
            >>> import pendulum
            >>> a = ActionItem(id="A1", text="Send it", owner="pm", due="2026-11-25",
            ...                done_at="2026-11-24T10:00:00+08:00")
            >>> a.is_done(pendulum.datetime(2026, 11, 24, tz="UTC"))
            False

        """
        return self.done_at is not None and self.done_at <= as_of


@attrs.frozen
class Interaction:
    """One exchange with the client: a meeting, a call, a report sent.

    Attributes:
        id: Stable id such as ``"I-7"``.
        kind: report, meeting, call, review, demo or other.
        channel: How it happened.
        at: When, time-zone aware.
        summary: What it was about, in a sentence or two.
        participants: Ids of the stakeholders it was with.
        decisions: What was decided.
        action_items: What someone agreed to do (:class:`ActionItem`).
        cadence: Id of the :class:`Cadence` occurrence it fulfils, if any.

    Example:
        >>> i = Interaction(id="I1", kind="report", channel="email",
        ...                 at="2026-11-06T17:05:00+08:00", summary="Weekly report 45",
        ...                 participants=["li.wei"], cadence="weekly-report")
        >>> i.at.isoformat()
        '2026-11-06T17:05:00+08:00'

    """

    id: str
    kind: CommunicationKind = attrs.field(converter=_to_kind)
    channel: Channel = attrs.field(converter=_to_channel)
    at: pendulum.DateTime = attrs.field(converter=to_datetime)
    summary: str
    participants: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    decisions: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    action_items: tuple[ActionItem, ...] = attrs.field(default=(), converter=to_tuple)
    cadence: str | None = None

    @property
    def label(self) -> str:
        """How messages name this interaction, e.g. ``Interaction 'I1'``."""
        return f"Interaction {self.id!r}"

    def __attrs_post_init__(self) -> None:
        c = Checks(self.label)
        c.identifier("id", self.id)
        c.choice("kind", self.kind, CommunicationKind)
        c.choice("channel", self.channel, Channel)
        c.instant("at", self.at)
        c.text("summary", self.summary)
        c.strings("participants", self.participants, what="stakeholder id")
        c.unique("participants", self.participants)
        c.strings("decisions", self.decisions)
        c.items("action_items", self.action_items, ActionItem, "an ActionItem")
        if self.cadence is not None:
            c.identifier("cadence", self.cadence)
        c.raise_if_any()
        c.unique("action_items", tuple(item.id for item in self.action_items))
        c.raise_if_any()


# -- the plan -----------------------------------------------------------------
@attrs.frozen
class OccurrenceStatus:
    """Where one occurrence of a cadence stands, from :func:`plan_status`.

    Attributes:
        cadence: The cadence's id.
        at: The occurrence, in the cadence's zone.
        status: done, overdue or due.
        interaction: Id of the interaction that fulfilled it, if done.

    Example:
        >>> import pendulum
        >>> s = OccurrenceStatus("weekly-report", pendulum.datetime(2026, 11, 6, 17,
        ...                      tz="Asia/Shanghai"), OccurrenceState.DONE, "I1")
        >>> str(s)
        'weekly-report 2026-11-06T17:00:00+08:00: done (I1)'

    """

    cadence: str
    at: pendulum.DateTime
    status: OccurrenceState
    interaction: str | None = None

    def __str__(self) -> str:
        by = f" ({self.interaction})" if self.interaction else ""
        return f"{self.cadence} {self.at.isoformat()}: {self.status}{by}"


@attrs.frozen
class CommunicationPlan:
    """The cadences agreed with the client (D11).

    Attributes:
        cadences: The :class:`Cadence` entries, ids unique.

    Example:
        >>> plan = CommunicationPlan([
        ...     Cadence.weekly("weekly-report", "Weekly report", weekday="friday", at="17:00",
        ...                    timezone="Asia/Shanghai", start="2026-11-02")])
        >>> plan.cadence("weekly-report").title
        'Weekly report'

    """

    cadences: tuple[Cadence, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        c = Checks("CommunicationPlan")
        c.items("cadences", self.cadences, Cadence, "a Cadence")
        c.raise_if_any()
        c.unique("cadences", tuple(cadence.id for cadence in self.cadences))
        c.raise_if_any()

    def cadence(self, id: str) -> Cadence:
        """The cadence with this id; :class:`~clientpm.UnknownReferenceError` if none.

        Example:
            >>> CommunicationPlan().cadence("x")
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: CommunicationPlan: no cadence 'x' (known: none)

        """
        for cadence in self.cadences:
            if cadence.id == id:
                return cadence
        known = ", ".join(c.id for c in self.cadences) or "none"
        raise UnknownReferenceError.single(
            "CommunicationPlan", f"no cadence {id!r} (known: {known})"
        )

    def status(
        self,
        interactions: Iterable[Interaction],
        *,
        since: pendulum.Date | pendulum.DateTime | str,
        as_of: pendulum.DateTime,
        horizon_days: int = 7,
    ) -> tuple[OccurrenceStatus, ...]:
        """Same as :func:`plan_status` (``plan_status(self, ...)``).

        Example:
            >>> import pendulum
            >>> CommunicationPlan().status([], since="2026-11-01",
            ...                            as_of=pendulum.datetime(2026, 11, 20, tz="UTC"))
            ()

        """
        return plan_status(self, interactions, since=since, as_of=as_of, horizon_days=horizon_days)


def _match(
    cadence: Cadence, moments: tuple[pendulum.DateTime, ...], log: list[Interaction]
) -> dict[pendulum.DateTime, Interaction]:
    """Pair occurrences with interactions, each interaction at most once.

    Occurrences are taken in order and each takes the earliest unused
    interaction within its grace window; as every window has the same width,
    this pairs as many occurrences as possible.
    """
    grace = cadence.grace
    used: set[int] = set()
    pairs: dict[pendulum.DateTime, Interaction] = {}
    for moment in moments:
        for index, interaction in enumerate(log):
            if index in used or interaction.at < moment - grace:
                continue
            if interaction.at > moment + grace:
                break
            used.add(index)
            pairs[moment] = interaction
            break
    return pairs


def _days_after(moment: pendulum.DateTime, days: int) -> pendulum.DateTime:
    """``moment`` plus ``days`` days, kept in ``moment``'s own zone or offset.

    pendulum's arithmetic drops a ``tzinfo`` that is not one of its own (such as
    a plain ``datetime.timezone``) and shifts the time, so such a moment is
    moved with the standard library's arithmetic instead.
    """
    if moment.timezone is not None:
        return moment + pendulum.duration(days=days)
    return pendulum.instance(_dt.datetime.__add__(moment, _dt.timedelta(days=days)))


def _check_since(since: object, horizon: pendulum.DateTime) -> None:
    """Refuse a ``since`` after the horizon, by a rule that ignores the cadences."""
    if isinstance(since, _dt.datetime):
        start = to_datetime(since)
        if start > horizon:
            raise ValidationError.single(
                "plan_status().since",
                f"expected a time at or before {horizon.isoformat()} (as_of plus "
                f"horizon_days), got {start.isoformat()}",
            )
        return
    day, last = to_date(since), horizon.date()
    if day > last:
        raise ValidationError.single(
            "plan_status().since",
            f"expected a date on or before {last} (the date of as_of plus horizon_days, "
            f"in as_of's zone), got {day}",
        )


def plan_status(
    plan: CommunicationPlan,
    interactions: Iterable[Interaction],
    *,
    since: pendulum.Date | pendulum.DateTime | str,
    as_of: pendulum.DateTime,
    horizon_days: int = 7,
) -> tuple[OccurrenceStatus, ...]:
    """Each occurrence from ``since`` to ``horizon_days`` after ``as_of``: done, overdue or due.

    An occurrence is *done* when an interaction naming its cadence happened
    (at or before ``as_of``) within ``grace_hours`` before or after it; each
    interaction fulfils one occurrence at most. Otherwise it is *overdue* once
    its grace period ended before ``as_of``, and *due* while the grace period
    still runs, including every occurrence up to ``horizon_days`` after
    ``as_of``. A ``since`` date starts at midnight in each cadence's zone.
    Results are sorted by instant, then cadence id. An interaction naming a
    cadence the plan does not have raises
    :class:`~clientpm.UnknownReferenceError`.

    ``since`` may not come after the horizon (``as_of`` plus ``horizon_days``):
    a ``since`` date must be on or before the horizon's date in ``as_of``'s
    own zone, a ``since`` instant at or before the horizon. Otherwise
    :class:`~clientpm.ValidationError` is raised, whatever the cadences' zones
    and even for an empty plan.

    Example:
        >>> import pendulum
        >>> plan = CommunicationPlan([
        ...     Cadence.weekly("weekly-report", "Weekly report", weekday="friday", at="17:00",
        ...                    timezone="Asia/Shanghai", start="2026-11-02")])
        >>> log = [Interaction(id="I1", kind="report", channel="email", summary="Week 45",
        ...                    at="2026-11-06T17:30:00+08:00", cadence="weekly-report")]
        >>> as_of = pendulum.datetime(2026, 11, 16, 9, tz="Asia/Shanghai")
        >>> for s in plan_status(plan, log, since="2026-11-02", as_of=as_of):
        ...     print(s)
        weekly-report 2026-11-06T17:00:00+08:00: done (I1)
        weekly-report 2026-11-13T17:00:00+08:00: overdue
        weekly-report 2026-11-20T17:00:00+08:00: due

    """
    c = Checks("plan_status()")
    c.instant("as_of", as_of)
    c.integer("horizon_days", horizon_days, low=0)
    _bound(c, "since", since, "UTC", end_of_day=False)
    log = list(interactions)
    c.items("interactions", tuple(log), Interaction, "an Interaction")
    c.raise_if_any()
    horizon = _days_after(as_of, horizon_days)
    _check_since(since, horizon)
    known = {cadence.id for cadence in plan.cadences}
    for interaction in log:
        if interaction.cadence is not None and interaction.cadence not in known:
            raise UnknownReferenceError.single(
                f"{interaction.label}.cadence",
                f"no cadence {interaction.cadence!r} in the plan "
                f"(known: {', '.join(sorted(known)) or 'none'})",
            )
    statuses: list[OccurrenceStatus] = []
    for cadence in plan.cadences:
        # A since date after the horizon in this cadence's zone leaves nothing to list.
        low = _bound(c, "since", since, cadence.timezone, end_of_day=False)
        assert low is not None  # checked above
        mine = sorted(
            (i for i in log if i.cadence == cadence.id and i.at <= as_of),
            key=lambda i: (i.at, i.id),
        )
        # Match from the cadence's start, so that the answer does not depend on `since`.
        last_day = horizon.in_timezone(cadence.timezone).date()
        moments = occurrences(cadence, cadence.start, horizon) if cadence.start <= last_day else ()
        pairs = _match(cadence, moments, mine)
        for moment in moments:
            if moment < low:
                continue
            done = pairs.get(moment)
            if done is not None:
                state = OccurrenceState.DONE
            elif moment + cadence.grace < as_of:
                state = OccurrenceState.OVERDUE
            else:
                state = OccurrenceState.DUE
            statuses.append(OccurrenceStatus(cadence.id, moment, state, done.id if done else None))
    return tuple(sorted(statuses, key=lambda s: (s.at, s.cadence)))


# -- action items --------------------------------------------------------------
@attrs.frozen
class OpenActionItem:
    """An action item not done yet, from :func:`open_action_items`.

    Attributes:
        item: The :class:`ActionItem`.
        interaction: Id of the interaction where it was agreed.
        overdue: Whether its due date is before ``as_of``'s local date in the
            interaction's own zone or UTC offset.

    Example:
        >>> a = ActionItem(id="A1", text="Send it", owner="pm", due="2026-11-25")
        >>> OpenActionItem(a, "I1", overdue=False).item.id
        'A1'

    """

    item: ActionItem
    interaction: str
    overdue: bool


def open_action_items(
    interactions: Iterable[Interaction], *, as_of: pendulum.DateTime
) -> tuple[OpenActionItem, ...]:
    """The action items not done at ``as_of``, sorted by due date then id.

    Items agreed after ``as_of`` are left out. An item is overdue when its due
    date is before ``as_of``'s date in the interaction's own time zone or UTC
    offset (that of its ``at``, whatever kind of ``tzinfo`` carries it).

    Example:
        >>> import pendulum
        >>> log = [Interaction(id="I1", kind="meeting", channel="meeting", summary="Kick-off",
        ...                    at="2026-11-03T10:00:00+08:00", action_items=[
        ...                        ActionItem(id="A1", text="Send the plan", owner="pm",
        ...                                   due="2026-11-05"),
        ...                        ActionItem(id="A2", text="Share logins", owner="li.wei",
        ...                                   due="2026-11-10")])]
        >>> as_of = pendulum.datetime(2026, 11, 6, 9, tz="Asia/Shanghai")
        >>> [(o.item.id, o.overdue) for o in open_action_items(log, as_of=as_of)]
        [('A1', True), ('A2', False)]

    """
    c = Checks("open_action_items()")
    c.instant("as_of", as_of)
    log = tuple(interactions)
    c.items("interactions", log, Interaction, "an Interaction")
    c.raise_if_any()
    found: list[OpenActionItem] = []
    for interaction in log:
        if interaction.at > as_of:
            continue
        today = as_of.astimezone(interaction.at.tzinfo).date()
        found.extend(
            OpenActionItem(item, interaction.id, overdue=item.due < today)
            for item in interaction.action_items
            if not item.is_done(as_of)
        )
    return tuple(sorted(found, key=lambda o: (o.item.due, o.item.id, o.interaction)))
