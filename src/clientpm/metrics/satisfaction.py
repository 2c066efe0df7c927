"""Client satisfaction: CSAT, NPS, their trends, and response times to feedback (D10).

- **CSAT** is the share of ratings in the top two steps of a 1-5 scale (4 or
  5), as a percentage 0-100 (rounded half-up to one decimal, like NPS).
- **NPS** is the percentage of promoters (9-10 on 0-10) minus the percentage
  of detractors (0-6), from -100 to 100.
- Ratings on another scale are first normalised linearly onto 1-5 (CSAT) or
  0-10 (NPS) with :class:`Scale`.
- With no ratings, both are :data:`~clientpm.metrics.UNDEFINED`.

Response times are measured in **working hours** in the client's time zone:
the client's working days (the project's calendar) between ``WorkingHours``
start and end (09:00-18:00 by default). Each kind of feedback has a target
(:class:`ResponseTargets`: a complaint within 8 working hours, i.e. one
working day).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from clientpm._checks import Checks, calendar_date, describe
from clientpm._convert import to_decimal_or_keep
from clientpm.enums import FeedbackKind
from clientpm.errors import ValidationError
from clientpm.metrics.ratio import UNDEFINED, Undefined
from clientpm.money import half_up
from clientpm.work_calendar import WorkCalendar, local_day

if TYPE_CHECKING:
    from clientpm.model.feedback import Feedback
    from clientpm.model.project import Project

__all__ = [
    "CSAT_SCALE",
    "NPS_SCALE",
    "FeedbackState",
    "PeriodSatisfaction",
    "ResponseTargets",
    "ResponseTime",
    "Scale",
    "WorkingHours",
    "csat",
    "feedback_state",
    "nps",
    "overdue_responses",
    "response_times",
    "satisfaction_trend",
    "working_hours_between",
]


@attrs.frozen
class Scale:
    """A rating scale from ``low`` to ``high``.

    Example:
        >>> Scale(1, 10).normalize(10, CSAT_SCALE), Scale(1, 10).normalize(1, CSAT_SCALE)
        (Decimal('5'), Decimal('1'))

    """

    low: int
    high: int

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.low, int) and isinstance(self.high, int)) or self.low >= self.high:
            raise ValidationError.single(
                "Scale", f"expected whole numbers with low < high, got {self.low!r}..{self.high!r}"
            )

    def normalize(self, value: Decimal | int, to: Scale) -> Decimal:
        """Map ``value`` linearly from this scale onto ``to``.

        Raises:
            ValidationError: when ``value`` is outside this scale.

        """
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, Decimal))
            or not (self.low <= value <= self.high)
        ):
            raise ValidationError.single(
                "Scale.normalize.value",
                f"expected a number from {self.low} to {self.high}, got {describe(value)}",
            )
        scaled = (Decimal(value) - self.low) * (to.high - to.low) / (self.high - self.low)
        return _tidy(Decimal(to.low) + scaled)


def _tidy(value: Decimal) -> Decimal:
    """Whole numbers without a fraction part: ``Decimal('5')``, not ``Decimal('5.000')``."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _normalized(values: object, scale: object, to: Scale, where: str) -> list[Decimal]:
    """``values`` on ``scale`` mapped onto ``to``; a ValidationError naming ``where`` if bad."""
    if not isinstance(scale, Scale):
        raise ValidationError.single(
            f"{where}.scale", f"expected a Scale such as Scale(1, 5), got {describe(scale)}"
        )
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError.single(
            f"{where}.values", f"expected a list of numbers, got {describe(values)}"
        )
    return [scale.normalize(v, to) for v in values]


def _percent(part: int, whole: int) -> Decimal:
    """``part / whole`` as a percentage rounded half-up to one decimal."""
    value = half_up(Decimal(part) * 100 / whole, 1)
    return _tidy(value)


#: The 1-5 scale CSAT is computed on.
CSAT_SCALE = Scale(1, 5)
#: The 0-10 scale NPS is computed on.
NPS_SCALE = Scale(0, 10)


def csat(ratings: Iterable[Decimal | int], *, scale: Scale = CSAT_SCALE) -> Decimal | Undefined:
    """The share of satisfied ratings (4-5 of 5 after normalising), as a percentage.

    Example:
        >>> csat([5, 4, 3, 2]), csat([]), csat([10, 7], scale=Scale(1, 10))
        (Decimal('50'), UNDEFINED, Decimal('50'))

    """
    values = _normalized(ratings, scale, CSAT_SCALE, "csat")
    if not values:
        return UNDEFINED
    satisfied = sum(1 for v in values if v >= 4)
    return _percent(satisfied, len(values))


def nps(scores: Iterable[Decimal | int], *, scale: Scale = NPS_SCALE) -> Decimal | Undefined:
    """Net promoter score: % promoters (9-10) minus % detractors (0-6), from -100 to 100.

    Example:
        >>> nps([10, 9, 8, 6]), nps([])
        (Decimal('25'), UNDEFINED)

    """
    values = _normalized(scores, scale, NPS_SCALE, "nps")
    if not values:
        return UNDEFINED
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return _percent(promoters - detractors, len(values))


@attrs.frozen
class PeriodSatisfaction:
    """CSAT and NPS for one week or month.

    Example:
        >>> import pendulum
        >>> d = pendulum.date(2026, 11, 2)
        >>> PeriodSatisfaction(d, d.add(days=6), 0, UNDEFINED, UNDEFINED).responses
        0

    """

    start: pendulum.Date
    end: pendulum.Date
    responses: int
    csat: Decimal | Undefined
    nps: Decimal | Undefined


def _period_start(day: pendulum.Date, period: str) -> pendulum.Date:
    if period == "week":
        return day.subtract(days=day.weekday())
    return day.replace(day=1)


def satisfaction_trend(
    project: Project, *, start: pendulum.Date, end: pendulum.Date, period: str = "month"
) -> tuple[PeriodSatisfaction, ...]:
    """CSAT and NPS per week (Monday to Sunday) or calendar month, in the client's time zone.

    Every period from the one holding ``start`` to the one holding ``end`` is
    listed, with UNDEFINED where nobody rated.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> trend = satisfaction_trend(cpm.sample_project(), start=pendulum.date(2026, 11, 1),
        ...                            end=pendulum.date(2026, 11, 30))
        >>> [(p.start.isoformat(), p.responses, p.csat) for p in trend]
        [('2026-11-01', 3, Decimal('33.3'))]

    """
    start = calendar_date(start, "satisfaction_trend.start")
    end = calendar_date(end, "satisfaction_trend.end")
    if period not in ("week", "month"):
        raise ValidationError.single(
            "satisfaction_trend.period", f"expected 'week' or 'month', got {describe(period)}"
        )
    if end < start:
        raise ValidationError.single(
            "satisfaction_trend.end", f"expected on or after start {start}, got {end}"
        )
    zone = project.client.timezone
    periods: list[PeriodSatisfaction] = []
    first = _period_start(start, period)
    while first <= end:
        last = first.add(days=6) if period == "week" else first.add(months=1).subtract(days=1)
        items = [
            f for f in project.feedback
            if first <= f.received_at.in_timezone(zone).date() <= last
        ]  # fmt: skip
        ratings = [f.rating for f in items if f.rating is not None]
        scores = [f.nps for f in items if f.nps is not None]
        responses = sum(1 for f in items if f.rating is not None or f.nps is not None)
        periods.append(PeriodSatisfaction(first, last, responses, csat(ratings), nps(scores)))
        first = last.add(days=1)
    return tuple(periods)


# -- feedback as of a date -------------------------------------------------------
@attrs.frozen
class FeedbackState:
    """What was known about one piece of feedback at the end of a day, in the client's zone.

    A response or resolution recorded after that day does not count yet, so a
    report for a past date shows what was true then.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> p = cpm.sample_project()
        >>> state = feedback_state(p.feedback_item("F2"), as_of=pendulum.date(2026, 11, 16),
        ...                        timezone=p.client.timezone)
        >>> state.received, state.responded, state.resolved
        (Date(2026, 11, 16), True, False)

    """

    received: pendulum.Date
    responded: bool
    resolved: bool


def feedback_state(item: Feedback, *, as_of: pendulum.Date, timezone: str) -> FeedbackState:
    """What was known about ``item`` at the end of ``as_of`` in ``timezone``."""

    def by_then(instant: _dt.datetime | None) -> bool:
        return instant is not None and local_day(instant, timezone) <= as_of

    return FeedbackState(
        local_day(item.received_at, timezone),
        by_then(item.responded_at),
        by_then(item.resolved_at),
    )


# -- response times ------------------------------------------------------------
@attrs.frozen
class WorkingHours:
    """The client's working hours, e.g. 09:00 to 18:00 local time.

    Example:
        >>> WorkingHours().hours_per_day
        Decimal('9')

    """

    start: _dt.time = _dt.time(9, 0)
    end: _dt.time = _dt.time(18, 0)

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.start, _dt.time) and isinstance(self.end, _dt.time)) or (
            self.start >= self.end
        ):
            raise ValidationError.single(
                "WorkingHours", f"expected start before end, got {self.start!r}..{self.end!r}"
            )

    @property
    def hours_per_day(self) -> Decimal:
        """Working hours in one working day."""
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        return Decimal(minutes) / 60


def working_hours_between(
    start: pendulum.DateTime,
    end: pendulum.DateTime,
    *,
    calendar: WorkCalendar,
    timezone: str,
    hours: WorkingHours | None = None,
) -> Decimal:
    """Working hours from ``start`` to ``end`` in a time zone (0 when ``end`` is not later).

    Example:
        >>> import pendulum
        >>> from clientpm import WorkCalendar
        >>> friday = pendulum.datetime(2026, 11, 20, 17, tz="Asia/Shanghai")
        >>> working_hours_between(friday, friday.add(days=3), calendar=WorkCalendar(),
        ...                       timezone="Asia/Shanghai")
        Decimal('9')

    """
    hours = hours or WorkingHours()
    a, b = start.in_timezone(timezone), end.in_timezone(timezone)
    if b <= a:
        return Decimal(0)
    total = Decimal(0)
    day = a.date()
    while day <= b.date():
        if calendar.is_workday(day):
            open_at = pendulum.datetime(day.year, day.month, day.day, hours.start.hour,
                                        hours.start.minute, tz=timezone)  # fmt: skip
            close_at = pendulum.datetime(day.year, day.month, day.day, hours.end.hour,
                                         hours.end.minute, tz=timezone)  # fmt: skip
            lo, hi = max(a, open_at), min(b, close_at)
            if hi > lo:
                total += Decimal(int((hi - lo).total_seconds())) / 3600
        day = day.add(days=1)
    return total


@attrs.frozen
class ResponseTargets:
    """Working hours within which each kind of feedback should get a response.

    Example:
        >>> ResponseTargets().target(FeedbackKind.COMPLAINT)
        Decimal('8')

    """

    complaint: Decimal = attrs.field(default=Decimal(8), converter=to_decimal_or_keep)
    question: Decimal = attrs.field(default=Decimal(16), converter=to_decimal_or_keep)
    suggestion: Decimal = attrs.field(default=Decimal(40), converter=to_decimal_or_keep)
    praise: Decimal = attrs.field(default=Decimal(40), converter=to_decimal_or_keep)

    def __attrs_post_init__(self) -> None:
        c = Checks("ResponseTargets")
        for kind in FeedbackKind:
            c.number(kind.value, getattr(self, kind.value), low=0)
        c.raise_if_any()

    def target(self, kind: FeedbackKind) -> Decimal:
        """The target for a kind of feedback."""
        value: Decimal = getattr(self, kind.value)
        return value


@attrs.frozen
class ResponseTime:
    """How quickly one piece of feedback was answered and resolved, in working hours.

    ``response_hours`` counts to the response, or to ``as_of`` while there
    is none (then ``responded`` is false); ``overdue`` means the target has
    passed without a response.

    Example:
        >>> t = ResponseTime("F4", FeedbackKind.COMPLAINT, Decimal(8), Decimal(12), False, None)
        >>> t.overdue, t.within_target
        (True, False)

    """

    feedback_id: str
    kind: FeedbackKind
    target_hours: Decimal
    response_hours: Decimal
    responded: bool
    resolution_hours: Decimal | None

    @property
    def within_target(self) -> bool:
        """Answered within the target."""
        return self.responded and self.response_hours <= self.target_hours

    @property
    def overdue(self) -> bool:
        """Not answered and already past the target."""
        return not self.responded and self.response_hours > self.target_hours


def _timing(
    item: Feedback, project: Project, as_of: pendulum.DateTime, targets: ResponseTargets,
    hours: WorkingHours | None,
) -> ResponseTime:  # fmt: skip
    def between(a: pendulum.DateTime, b: pendulum.DateTime) -> Decimal:
        return working_hours_between(a, b, calendar=project.calendar,
                                     timezone=project.client.timezone, hours=hours)  # fmt: skip

    responded = item.responded_at is not None and item.responded_at <= as_of
    upto = item.responded_at if responded and item.responded_at else as_of
    resolved = item.resolved_at if item.resolved_at and item.resolved_at <= as_of else None
    return ResponseTime(
        feedback_id=item.id,
        kind=item.kind,
        target_hours=targets.target(item.kind),
        response_hours=between(item.received_at, upto),
        responded=responded,
        resolution_hours=between(item.received_at, resolved) if resolved else None,
    )


def _instant(value: object, where: str) -> pendulum.DateTime:
    if not isinstance(value, _dt.datetime) or value.tzinfo is None:
        raise ValidationError.single(
            where, f"expected a time-zone-aware date and time, got {describe(value)}"
        )
    return pendulum.instance(value)


def response_times(
    project: Project,
    *,
    as_of: pendulum.DateTime,
    targets: ResponseTargets | None = None,
    hours: WorkingHours | None = None,
) -> tuple[ResponseTime, ...]:
    """Response and resolution times of the feedback received by ``as_of``, in working hours.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> at = pendulum.datetime(2026, 11, 24, 12, tz="Asia/Shanghai")
        >>> [(t.feedback_id, t.response_hours, t.within_target)
        ...  for t in response_times(cpm.sample_project(), as_of=at)]
        [('F1', Decimal('4'), True), ('F2', Decimal('1'), True), ('F3', Decimal('3'), True), ('F4', Decimal('12'), False)]

    """  # noqa: E501
    moment = _instant(as_of, "response_times.as_of")
    targets = targets or ResponseTargets()
    return tuple(
        _timing(f, project, moment, targets, hours)
        for f in sorted(project.feedback, key=lambda f: (f.received_at, f.id))
        if f.received_at <= moment
    )


def overdue_responses(
    project: Project,
    *,
    as_of: pendulum.DateTime,
    targets: ResponseTargets | None = None,
    hours: WorkingHours | None = None,
) -> tuple[ResponseTime, ...]:
    """Feedback past its response target with no response yet, as of an instant.

    Example:
        >>> import clientpm as cpm, pendulum
        >>> at = pendulum.datetime(2026, 11, 24, 12, tz="Asia/Shanghai")
        >>> [t.feedback_id for t in overdue_responses(cpm.sample_project(), as_of=at)]
        ['F4']

    """
    return tuple(
        t for t in response_times(project, as_of=as_of, targets=targets, hours=hours) if t.overdue
    )
