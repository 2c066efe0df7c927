"""The communication plan: the cadences agreed with the client, checked against the log (D11).

A :class:`CommunicationPlan` holds the agreed :class:`~clientpm.communication.cadence.Cadence`
entries; :func:`plan_status` compares it with the log of
:class:`~clientpm.communication.log.Interaction` records and says of each
occurrence whether it was done, is overdue or is still due
(:class:`OccurrenceStatus`).

Everything here is pure: "now" is always an argument (``as_of``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs
import pendulum

from clientpm._checks import Checks, describe, known
from clientpm._convert import to_date, to_datetime, to_tuple
from clientpm.communication.cadence import Cadence, _bound, occurrences
from clientpm.communication.log import Interaction
from clientpm.enums import _Choice
from clientpm.errors import UnknownReferenceError, ValidationError
from clientpm.work_calendar import WorkCalendar

__all__ = [
    "CommunicationPlan",
    "OccurrenceState",
    "OccurrenceStatus",
    "plan_status",
]


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
        raise UnknownReferenceError.single(
            "CommunicationPlan", f"no cadence {id!r} (known: {known(c.id for c in self.cadences)})"
        )

    def status(
        self,
        interactions: Iterable[Interaction],
        *,
        since: pendulum.Date | pendulum.DateTime | str,
        as_of: pendulum.DateTime,
        horizon_days: int = 7,
        calendar: WorkCalendar | None = None,
    ) -> tuple[OccurrenceStatus, ...]:
        """Same as :func:`plan_status` (``plan_status(self, ...)``).

        Example:
            >>> import pendulum
            >>> CommunicationPlan().status([], since="2026-11-01",
            ...                            as_of=pendulum.datetime(2026, 11, 20, tz="UTC"))
            ()

        """
        return plan_status(
            self, interactions, since=since, as_of=as_of, horizon_days=horizon_days,
            calendar=calendar,
        )  # fmt: skip


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
    calendar: WorkCalendar | None = None,
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

    ``calendar`` (the project's :class:`~clientpm.WorkCalendar`, e.g.
    ``project.calendar``) is passed to :func:`~clientpm.occurrences`: daily
    cadences follow its holidays and make-up working days, and a weekly or
    monthly occurrence on a holiday is due on the next working day. Without
    it, daily means Monday to Friday (as in 0.1.0).

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
    if calendar is not None and not isinstance(calendar, WorkCalendar):
        c.add(
            "calendar",
            f"expected a WorkCalendar (such as project.calendar) or None, got {describe(calendar)}",
        )
    _bound(c, "since", since, "UTC", end_of_day=False)
    log = list(interactions)
    c.items("interactions", tuple(log), Interaction, "an Interaction")
    c.raise_if_any()
    horizon = _days_after(as_of, horizon_days)
    _check_since(since, horizon)
    cadence_ids = {cadence.id for cadence in plan.cadences}
    for interaction in log:
        if interaction.cadence is not None and interaction.cadence not in cadence_ids:
            raise UnknownReferenceError.single(
                f"{interaction.label}.cadence",
                f"no cadence {interaction.cadence!r} in the plan (known: {known(cadence_ids)})",
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
        moments = (
            occurrences(cadence, cadence.start, horizon, calendar=calendar)
            if cadence.start <= last_day
            else ()
        )
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
