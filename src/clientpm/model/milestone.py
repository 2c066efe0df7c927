"""Milestones: the major nodes progress is judged by (D3, D15)."""

from __future__ import annotations

import attrs
import pendulum

from clientpm._checks import MAX_DAYS, Identified, shown
from clientpm._convert import (
    to_date,
    to_datetime,
    to_enum,
    to_optional_datetime,
    to_strings,
    to_tuple,
)
from clientpm.enums import MilestoneStatus
from clientpm.model.history import Transition, illegal, record, transition
from clientpm.work_calendar import WorkCalendar

__all__ = ["Milestone"]


def _to_milestone_status(value: object) -> MilestoneStatus:
    return to_enum(MilestoneStatus, value)


_S = MilestoneStatus


def _same_as_due(self: Milestone) -> pendulum.Date:
    return self.due


def _move(before: pendulum.Date, after: object) -> str:
    """How :meth:`Milestone.reschedule` opens the entry it records, e.g. ``due A -> B``."""
    return f"due {before.isoformat()} -> {to_date(after).isoformat()}"


def records_move(entry: Transition, due: pendulum.Date) -> bool:
    """Whether ``entry`` is one :meth:`Milestone.reschedule` recorded, moving the due date to ``due``.

    :meth:`Project.replace` takes a milestone with a new due date only when
    its history records the move this way.

    Example:
        >>> import pendulum
        >>> m = Milestone(id="M1", title="Beta", due="2026-12-18")
        >>> m2 = m.reschedule(pendulum.date(2026, 12, 25), by="li.wei",
        ...                   at=pendulum.datetime(2026, 12, 1, tz="UTC"), why="CR-2")
        >>> records_move(m2.history[-1], m2.due), records_move(m2.history[-1], m.due)
        (True, False)

    """  # noqa: E501
    if entry.from_status != entry.to_status or not entry.why.startswith("due "):
        return False
    return entry.why.split(": ", 1)[0].endswith(f" -> {due.isoformat()}")


@attrs.frozen
class Milestone(Identified):
    """A major node of the plan, tied to deliverables, with a due date.

    Forecast vs due vs baseline is always computable: the schedule gives the
    forecast, ``due`` is today's promise and ``baseline_due`` the date first
    agreed (approved changes move ``due`` but never ``baseline_due``).

    Attributes:
        id: Stable id such as ``"M1"``.
        title: Short name.
        due: The date the milestone is due now.
        baseline_due: The date first agreed; defaults to ``due``.
        deliverables: Ids of the requirements it delivers.
        depends_on: Ids of milestones that must finish first.
        duration_days: Optional explicit duration in working days; without
            it the schedule derives one from the deliverables' remaining effort.
        description: Longer text.
        status: planned, in_progress, delivered or accepted.
        delivered_at: When the team handed it over.
        accepted_by: Who on the client's side accepted it (D15).
        accepted_at: When.
        history: Every transition, with who, when and why.
        accepted_criteria: The acceptance criteria the client checked and found
            met when accepting it, each as ``"REQ-1: criterion"`` (by
            ``accepted_by``, at ``accepted_at``; see
            :meth:`Project.accept_milestone`).

    Example:
        >>> from clientpm import Milestone
        >>> m = Milestone(id="M1", title="Beta", due="2026-12-18", deliverables=["REQ-1"])
        >>> m.due, m.baseline_due == m.due
        (Date(2026, 12, 18), True)

    """

    id: str
    title: str
    due: pendulum.Date = attrs.field(converter=to_date)
    baseline_due: pendulum.Date = attrs.field(
        default=attrs.Factory(_same_as_due, takes_self=True), converter=to_date
    )
    deliverables: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    depends_on: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    duration_days: int | None = None
    description: str = ""
    status: MilestoneStatus = attrs.field(
        default=MilestoneStatus.PLANNED, converter=_to_milestone_status
    )
    delivered_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    accepted_by: str | None = None
    accepted_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_optional_datetime
    )
    history: tuple[Transition, ...] = attrs.field(default=(), converter=to_tuple)
    accepted_criteria: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("title", self.title)
        c.date("due", self.due)
        if self.baseline_due is not self.due:  # a default copy of due is checked once
            c.date("baseline_due", self.baseline_due)
        c.strings("deliverables", self.deliverables, what="requirement id")
        c.unique("deliverables", self.deliverables)
        c.strings("depends_on", self.depends_on, what="milestone id")
        c.unique("depends_on", self.depends_on)
        if isinstance(self.depends_on, tuple) and self.id in self.depends_on:
            c.add("depends_on", f"a milestone cannot depend on itself, got {shown(self.id)}")
        c.integer("duration_days", self.duration_days, low=0, high=MAX_DAYS, optional=True)
        c.free_text("description", self.description)
        c.choice("status", self.status, MilestoneStatus)
        c.instant("delivered_at", self.delivered_at, optional=True)
        c.text("accepted_by", self.accepted_by, optional=True)
        c.instant("accepted_at", self.accepted_at, optional=True)
        c.items("history", self.history, Transition, "a Transition")
        c.strings("accepted_criteria", self.accepted_criteria, what="criterion")
        c.raise_if_any()
        if self.accepted_criteria and self.status is not _S.ACCEPTED:
            c.add(
                "accepted_criteria",
                f"a {self.status.value} milestone has no accepted criteria, "
                f"got {len(self.accepted_criteria)}",
            )
        if self.status is _S.ACCEPTED and (self.accepted_by is None or self.accepted_at is None):
            c.add("accepted_by", "an accepted milestone needs accepted_by and accepted_at")
        if self.status.is_finished and self.delivered_at is None:
            c.add("delivered_at", f"a {self.status.value} milestone needs delivered_at, got None")
        c.raise_if_any()

    @property
    def is_finished(self) -> bool:
        """Whether the team's work on it is complete (delivered or accepted)."""
        return self.status.is_finished

    @property
    def slip_from_baseline(self) -> int:
        """*Calendar* days ``due`` has moved from ``baseline_due`` (positive = later).

        The 0.1.0 figure, kept as it was: it counts weekends and holidays,
        unlike every other day count of clientpm. For the working days, as
        the schedule's ``MilestoneForecast.days_past_baseline`` counts them,
        use :meth:`workdays_from_baseline`.

        Example:
            >>> Milestone(id="M1", title="Beta", due="2026-12-21", baseline_due="2026-12-18").slip_from_baseline
            3

        """  # noqa: E501
        return self.due.toordinal() - self.baseline_due.toordinal()

    def workdays_from_baseline(self, calendar: WorkCalendar) -> int:
        """Working days ``due`` has moved from ``baseline_due`` in ``calendar`` (positive = later).

        The working days after ``baseline_due`` up to and including ``due``
        (:meth:`WorkCalendar.workdays_between`); negative when ``due`` moved
        earlier. Pass the project's calendar (``project.calendar``).

        Raises:
            ValidationError: when ``calendar`` is not a :class:`WorkCalendar`,
                or a date is outside the years it holds.

        Example:
            >>> from clientpm import WorkCalendar
            >>> m = Milestone(id="M1", title="Beta", due="2026-12-21", baseline_due="2026-12-18")
            >>> m.workdays_from_baseline(WorkCalendar()), m.slip_from_baseline  # Fri -> Mon
            (1, 3)

        """
        if not isinstance(calendar, WorkCalendar):
            from clientpm._checks import describe
            from clientpm.errors import ValidationError

            raise ValidationError.single(
                f"{self.label}.workdays_from_baseline.calendar",
                f"expected a WorkCalendar, got {describe(calendar)}",
            )
        return calendar.workdays_between(self.baseline_due, self.due)

    def start(self, *, by: str, at: pendulum.DateTime, why: str = "") -> Milestone:
        """Record that work on the milestone has started.

        Example:
            >>> import pendulum
            >>> m = Milestone(id="M1", title="Beta", due="2026-12-18")
            >>> m.start(by="pm", at=pendulum.datetime(2026, 11, 2, tz="UTC")).status
            <MilestoneStatus.IN_PROGRESS: 'in_progress'>

        """
        return transition(
            self, owner=self.label, action="start", allowed=[_S.PLANNED],
            to=_S.IN_PROGRESS, by=by, at=at, why=why or "work started",
        )  # fmt: skip

    def deliver(self, *, by: str, at: pendulum.DateTime, why: str = "") -> Milestone:
        """Record the hand-over to the client.

        Use :meth:`Project.deliver_milestone` to also check that every
        deliverable is done.

        Example:
            >>> import pendulum
            >>> m = Milestone(id="M1", title="Beta", due="2026-12-18")
            >>> m.deliver(by="pm", at=pendulum.datetime(2026, 12, 17, tz="UTC")).is_finished
            True

        """
        return transition(
            self, owner=self.label, action="be delivered", allowed=[_S.PLANNED, _S.IN_PROGRESS],
            to=_S.DELIVERED, by=by, at=at, why=why or "delivered to the client",
            delivered_at=to_datetime(at),
        )  # fmt: skip

    def accept(
        self,
        *,
        by: str,
        at: pendulum.DateTime,
        why: str = "",
        criteria: tuple[str, ...] = (),
    ) -> Milestone:
        """Record the client's acceptance of a delivered milestone (D15).

        Use :meth:`Project.accept_milestone` to also check the deliverables'
        acceptance criteria; it records the criteria checked in
        ``accepted_criteria`` (``criteria`` here).

        Example:
            >>> import pendulum
            >>> at = pendulum.datetime(2026, 12, 17, tz="UTC")
            >>> m = Milestone(id="M1", title="Beta", due="2026-12-18").deliver(by="pm", at=at)
            >>> m.accept(by="li.wei", at=at).accepted_by
            'li.wei'

        """
        return transition(
            self, owner=self.label, action="be accepted", allowed=[_S.DELIVERED],
            to=_S.ACCEPTED, by=by, at=at, why=why or "accepted by the client",
            accepted_by=by, accepted_at=to_datetime(at), accepted_criteria=criteria,
        )  # fmt: skip

    def reschedule(
        self, due: pendulum.Date, *, by: str, at: pendulum.DateTime, why: str
    ) -> Milestone:
        """Move ``due`` under an approved change, keeping ``baseline_due``.

        Only a milestone still to be delivered (planned or in progress) moves:
        a delivered or accepted one has already met or missed its date. The
        move is recorded in the history (``"due A -> B: why"``); this is the
        one way :meth:`Project.replace` takes a new due date.

        Raises:
            IllegalTransitionError: when the milestone is delivered or accepted.

        Example:
            >>> import pendulum
            >>> m = Milestone(id="M1", title="Beta", due="2026-12-18")
            >>> m2 = m.reschedule(pendulum.date(2026, 12, 25), by="li.wei",
            ...                   at=pendulum.datetime(2026, 12, 1, tz="UTC"), why="CR-2")
            >>> m2.due, m2.baseline_due
            (Date(2026, 12, 25), Date(2026, 12, 18))

        """
        allowed = [_S.PLANNED, _S.IN_PROGRESS]
        if self.status not in allowed:
            raise illegal(self.label, "be rescheduled", self.status, allowed)
        history = record(
            self.history, to_status=str(self.status.value), from_status=str(self.status.value),
            by=by, at=at, why=f"{_move(self.due, due)}: {why}",
            owner=self.label,
        )  # fmt: skip
        return attrs.evolve(self, due=due, history=history)
