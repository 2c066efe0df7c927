"""The Project aggregate: the client relationship and everything in it.

A :class:`Project` checks every reference between its parts when it is built
and reports *all* problems at once; milestone dependency cycles are rejected
with the cycle named. It never changes: every method returns a new project,
and a method that fails leaves nothing half-changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal, TypeVar, overload

import attrs
import pendulum

from clientpm._checks import Checks, describe, known, shown
from clientpm._convert import to_date, to_decimal_or_keep, to_optional_date, to_strings, to_tuple
from clientpm._display import Table
from clientpm.enums import Billing, ChangeStatus, MilestoneStatus, RequirementStatus
from clientpm.errors import (
    DependencyCycleError,
    IllegalTransitionError,
    Problem,
    UnknownReferenceError,
    ValidationError,
)
from clientpm.model.change import (
    AddRequirement,
    ChangeRequest,
    MoveMilestone,
    RemoveRequirement,
    ReviseEstimate,
)
from clientpm.model.commitment import Commitment
from clientpm.model.cost import CostEntry
from clientpm.model.feedback import Feedback
from clientpm.model.goal import Goal
from clientpm.model.history import only_grows
from clientpm.model.milestone import Milestone, records_move
from clientpm.model.requirement import _LIFECYCLE_FIELDS, Requirement
from clientpm.model.risk import Risk
from clientpm.model.stakeholder import Stakeholder
from clientpm.money import Money
from clientpm.work_calendar import WorkCalendar

__all__ = ["Project", "find_cycle", "require_project"]

T = TypeVar("T")

#: Which collection of a project holds each kind of part.
_COLLECTIONS: dict[type, str] = {
    Stakeholder: "stakeholders",
    Requirement: "requirements",
    Milestone: "milestones",
    ChangeRequest: "change_requests",
    Risk: "risks",
    Feedback: "feedback",
    Goal: "goals",
    Commitment: "commitments",
}
_OPEN_CHANGE = {ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.DEFERRED,
                ChangeStatus.APPROVED}  # fmt: skip


def find_cycle(graph: Mapping[str, Iterable[str]]) -> tuple[str, ...] | None:
    """Return one dependency cycle of ``graph`` (first id repeated at the end), or ``None``.

    ``graph`` maps each node to the nodes it depends on; unknown nodes are
    ignored. Iterative, so deep plans do not hit the recursion limit.

    Example:
        >>> find_cycle({"M1": ["M3"], "M2": ["M1"], "M3": ["M2"]})
        ('M1', 'M3', 'M2', 'M1')
        >>> find_cycle({"M1": [], "M2": ["M1"]}) is None
        True

    """
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(graph, white)
    for root in graph:
        if colour[root] != white:
            continue
        path: list[str] = [root]
        stack = [iter(graph[root])]
        colour[root] = grey
        while stack:
            for nxt in stack[-1]:
                state = colour.get(nxt)
                if state is None or state == black:
                    continue
                if state == grey:
                    return (*path[path.index(nxt) :], nxt)
                colour[nxt] = grey
                path.append(nxt)
                stack.append(iter(graph[nxt]))
                break
            else:
                colour[path.pop()] = black
                stack.pop()
    return None


#: What a signed-off requirement may change outside a change request: its completion.
_COMPLETION = frozenset({"status", "completed_at", "history"})
#: What a change request says when it is submitted; no transition changes it.
_REQUEST_CONTENT = ("title", "requested_by", "submitted_at", "reason", "changes")
#: What a change request's transitions record, and the statuses whose entry records it.
_REQUEST_RECORDED = {
    "assessment": frozenset({ChangeStatus.ASSESSED}),
    "decided_by": frozenset({ChangeStatus.APPROVED, ChangeStatus.REJECTED, ChangeStatus.DEFERRED}),
    "decided_at": frozenset({ChangeStatus.APPROVED, ChangeStatus.REJECTED, ChangeStatus.DEFERRED}),
    "billing": frozenset({ChangeStatus.APPROVED}),
}
_ASSESSED = ChangeStatus.ASSESSED
#: What a milestone's plan says: its deliverables change only by an applied change
#: request, the rest (the team's wording and planning) until it is handed over.
_MILESTONE_PLAN = ("title", "deliverables", "depends_on", "duration_days", "description")
#: What only deliver_milestone() and accept_milestone() record.
_MILESTONE_HANDOVER = ("delivered_at", "accepted_by", "accepted_at", "accepted_criteria")


def _requirement_change(old: Requirement, new: Requirement) -> str:
    """Why ``new`` may not replace ``old`` by replace(), or "": the one place for the rule.

    A draft's content changes only by :meth:`Requirement.edit`, which records it;
    a signed-off (done, removed) requirement's content and history change only
    by its completion or an applied change request.
    """
    if old.status is RequirementStatus.DRAFT:
        return _draft_change(old, new)
    rule = "a signed-off requirement's content changes only by an applied change request"
    for field in attrs.fields(Requirement):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if field.name not in _COMPLETION and before != after:
            return (
                f"is {old.status.value}: its {field.name} cannot change from {before!r} to "
                f"{after!r} by replace(); {rule} (submit a ChangeRequest and apply it)"
            )
    completing = old.status is RequirementStatus.SIGNED_OFF and new.is_done
    if new.status is not old.status and not completing:
        return (
            f"cannot go from {old.status.value} to {new.status.value} by replace(); {rule} "
            "(RemoveRequirement takes it out of the scope)"
        )
    if new.history != old.history and not completing:
        entry = new.history[-1]
        return (
            f"is {old.status.value}: replace() cannot add the entry {entry.from_status} -> "
            f"{entry.to_status} by {entry.by!r} to its history; a signed-off requirement's "
            "history grows only by sign-off, completion and an applied change request "
            "(submit a ChangeRequest and apply it)"
        )
    return ""


def _draft_change(old: Requirement, new: Requirement) -> str:
    """Why the content of the draft ``old`` may not change to ``new``'s by replace(), or ""."""
    fresh = new.history[len(old.history) :]
    edited = any(e.from_status == e.to_status == RequirementStatus.DRAFT.value for e in fresh)
    for field in attrs.fields(Requirement):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if field.name not in _LIFECYCLE_FIELDS and before != after and not edited:
            return (
                f"is draft: its {field.name} cannot change from {before!r} to {after!r} by "
                "replace() without a new entry of its history; a draft's content changes "
                "only by edit(), which records who edited it and when"
            )
    return ""


def _milestone_change(old: Milestone, new: Milestone, via: str) -> str:
    """Why ``new`` may not replace ``old`` via ``via``, or "": the one place for the rule.

    A milestone becomes delivered only through :meth:`Project.deliver_milestone`
    and accepted only through :meth:`Project.accept_milestone`; ``due`` moves
    only by :meth:`Milestone.reschedule`, which records the move, and
    ``baseline_due`` (the date first agreed) never moves.
    """
    if via != "replace":
        return ""
    became = new.status if new.status is not old.status else None
    if became is MilestoneStatus.ACCEPTED:
        return (
            "cannot become accepted by replace(): use accept_milestone(), which "
            "checks that the client accepts it against every acceptance criterion"
        )
    if became is MilestoneStatus.DELIVERED:
        return (
            "cannot become delivered by replace(): use deliver_milestone(), which "
            "checks that every deliverable is done (or removed)"
        )
    for field in _MILESTONE_HANDOVER:
        if getattr(new, field) != getattr(old, field):
            return (
                f"cannot change its {field} by replace(): it records the hand-over, which "
                "only deliver_milestone() and accept_milestone() record"
            )
    for field in _MILESTONE_PLAN:
        before, after = getattr(old, field), getattr(new, field)
        if before == after:
            continue
        if field == "deliverables":
            return (
                f"cannot change its deliverables from {before!r} to {after!r} by replace(): "
                "the scope the client agreed changes only by an applied change request "
                "(AddRequirement, RemoveRequirement)"
            )
        if old.is_finished:
            return (
                f"is {old.status.value}: its {field} cannot change from {before!r} to "
                f"{after!r}; a handed-over milestone is part of the record"
            )
    if new.baseline_due != old.baseline_due:
        return (
            f"cannot move its baseline_due from {old.baseline_due} to {new.baseline_due}: "
            "it is the date first agreed, which no change moves, so slips stay visible"
        )
    fresh = new.history[len(old.history) :]
    if new.due != old.due and not any(records_move(e, new.due) for e in fresh):
        return (
            f"cannot move its due date from {old.due} to {new.due} by replace() without a "
            "new entry of its history that records the move: use reschedule()"
        )
    return ""


def _request_change(old: ChangeRequest, new: ChangeRequest) -> str:
    """Why the change request ``new`` may not replace ``old`` by replace(), or ""."""
    for field in _REQUEST_CONTENT:
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            if field == "changes":  # shown as the client reads them
                before, after = ("; ".join(ch.describe() for ch in c) for c in (before, after))
            return (
                f"cannot change its {field} from {before!r} to {after!r} by replace(): what a "
                "change request asks, who asked, when and why are fixed when it is submitted "
                "(withdraw() it and submit a new one)"
            )
    reached = {e.to_status for e in new.history[len(old.history) :]}
    for field, recorded_by in _REQUEST_RECORDED.items():
        before, after = getattr(old, field), getattr(new, field)
        # an assessment starts the decision afresh, so it clears what a decision recorded
        if before != after and not reached & {s.value for s in recorded_by | {_ASSESSED}}:
            return (
                f"cannot change its {field} by replace() without the transition that records "
                f"it ({', '.join(sorted(s.value for s in recorded_by))}): use assess(), "
                "approve_change(), reject() or defer()"
            )
    if new.status is ChangeStatus.IMPLEMENTED and old.status is not ChangeStatus.IMPLEMENTED:
        return (
            "cannot become implemented by replace(): use apply(), which makes the "
            "change and records it"
        )
    return ""


def _index(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


@attrs.frozen
class Project:
    """A client project: the people, the scope, the plan and what happened.

    Attributes:
        key: Short key such as ``"ACME"``.
        name: Display name.
        client: The client's main contact (usually the sponsor).
        currency: ISO 4217 currency of all money in the project.
        budget: The agreed budget.
        day_rate: Price of one person-day, for costing changes.
        start: First day of work.
        calendar: Working days and time zone of the team.
        end: Contractual end date, if any.
        daily_capacity: Person-days of work the team does per working day.
        stakeholders: Everyone else (the client is included in lookups).
        requirements: The scope, draft and signed off.
        milestones: The plan.
        change_requests: Every change request, whatever its status.
        risks: The risk register.
        feedback: Everything the client told us.
        goals: The goals agreed with the client.
        commitments: The promises made to the client.
        actual_costs: Money spent so far.
        lessons: Lessons learned, for the retrospective (D15).

    Example:
        >>> import pendulum
        >>> import clientpm as cpm
        >>> client = cpm.Stakeholder(id="li.wei", name="Li Wei", role=cpm.Role.SPONSOR)
        >>> project = cpm.Project(
        ...     key="ACME", name="ACME portal", client=client, currency="CNY",
        ...     budget=cpm.Money("480000", "CNY"), day_rate=cpm.Money("4000", "CNY"),
        ...     start=pendulum.date(2026, 11, 2),
        ...     requirements=[cpm.Requirement(id="REQ-1", title="Single sign-on", estimate_days=8,
        ...                                   acceptance_criteria=["Staff log in"])],
        ...     milestones=[cpm.Milestone(id="M1", title="Beta", due="2026-12-18",
        ...                               deliverables=["REQ-1"], depends_on=["M0"])],
        ... )
        Traceback (most recent call last):
        ...
        clientpm.errors.UnknownReferenceError: Milestone 'M1'.depends_on: names unknown milestone 'M0' (known: M1)

    """  # noqa: E501

    key: str
    name: str
    client: Stakeholder
    currency: str
    budget: Money
    day_rate: Money
    start: pendulum.Date = attrs.field(converter=to_date)
    calendar: WorkCalendar = attrs.field(factory=WorkCalendar)
    end: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    daily_capacity: Decimal = attrs.field(default=Decimal(1), converter=to_decimal_or_keep)
    stakeholders: tuple[Stakeholder, ...] = attrs.field(default=(), converter=to_tuple)
    requirements: tuple[Requirement, ...] = attrs.field(default=(), converter=to_tuple)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=to_tuple)
    change_requests: tuple[ChangeRequest, ...] = attrs.field(default=(), converter=to_tuple)
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=to_tuple)
    feedback: tuple[Feedback, ...] = attrs.field(default=(), converter=to_tuple)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=to_tuple)
    commitments: tuple[Commitment, ...] = attrs.field(default=(), converter=to_tuple)
    actual_costs: tuple[CostEntry, ...] = attrs.field(default=(), converter=to_tuple)
    lessons: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    _by_id: dict[str, dict[str, Any]] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @property
    def label(self) -> str:
        """How messages name this project, e.g. ``Project 'ACME'``."""
        return f"Project {shown(self.key)}"

    # -- display --------------------------------------------------------------
    def table(self) -> Table:
        """The project as a table of its milestones, with a summary in the caption.

        Example:
            >>> from clientpm import sample_project
            >>> t = sample_project().table()
            >>> t.title, t.rows[0][0], t.rows[0][-1]
            ('ACME HR portal (ACME)', 'M1', 'accepted')

        """
        period = f"{self.start} – {self.end}" if self.end else f"from {self.start}"
        counts = (
            f"{len(self.requirements)} requirements, {len(self.change_requests)} change"
            f" requests, {len(self.risks)} risks, {len(self.feedback)} feedback"
        )
        return Table(
            title=f"{self.name} ({self.key})",
            caption=f"Client {self.client.name}; budget {self.budget}; {period}; {counts}",
            headers=("Milestone", "Title", "Due", "Baseline due", "Status"),
            rows=tuple(
                (m.id, m.title, str(m.due), str(m.baseline_due), m.status.value)
                for m in self.milestones
            ),
        )

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Plain text, Markdown and HTML for Jupyter (see :meth:`table`).

        Example:
            >>> from clientpm import sample_project
            >>> "text/html" in sample_project()._repr_mimebundle_()
            True

        """
        return self.table().mimebundle()

    # -- validation -----------------------------------------------------------
    def __attrs_post_init__(self) -> None:
        c = Checks(self.label)
        self._check_fields(c)
        c.raise_if_any()
        by_id = {
            "stakeholders": _index((self.client, *self.stakeholders)),
            **{field: _index(getattr(self, field)) for field in _COLLECTIONS.values()
               if field != "stakeholders"},
        }  # fmt: skip
        object.__setattr__(self, "_by_id", by_id)
        self._check_unique(c)
        self._check_money(c)
        c.raise_if_any()
        refs = Checks(self.label)
        self._check_references(refs)
        records = [
            Problem(self.label, message)
            for item in (*self.requirements, *self.milestones, *self.change_requests)
            for message in self._admission(item)
        ]
        cycle = find_cycle({m.id: m.depends_on for m in self.milestones})
        if cycle and not refs.problems and not records:
            raise DependencyCycleError(cycle, where=f"{self.label}.milestones")
        problems = [*refs.problems, *records]
        if cycle:
            problems.append(DependencyCycleError(cycle, f"{self.label}.milestones").problems[0])
        if problems:
            cls = UnknownReferenceError if not cycle and not records else ValidationError
            raise cls(problems)

    def _check_fields(self, c: Checks) -> None:
        c.identifier("key", self.key)
        c.text("name", self.name)
        if not isinstance(self.client, Stakeholder):
            c.add("client", f"expected a Stakeholder, got {describe(self.client)}")
        c.currency("currency", self.currency)
        c.money("budget", self.budget, negative=False)
        c.money("day_rate", self.day_rate, negative=False)
        c.date("start", self.start)
        c.date("end", self.end, optional=True)
        if not isinstance(self.calendar, WorkCalendar):
            c.add("calendar", f"expected a WorkCalendar, got {describe(self.calendar)}")
        c.number("daily_capacity", self.daily_capacity)
        if isinstance(self.daily_capacity, Decimal) and self.daily_capacity <= 0:
            c.add(
                "daily_capacity",
                f"expected person-days per working day > 0, got {self.daily_capacity}",
            )
        for cls, field in _COLLECTIONS.items():
            c.items(field, getattr(self, field), cls, f"a {cls.__name__}")
        c.items("actual_costs", self.actual_costs, CostEntry, "a CostEntry")
        c.strings("lessons", self.lessons, what="lesson")
        if (
            isinstance(self.end, pendulum.Date)
            and isinstance(self.start, pendulum.Date)
            and self.end < self.start
        ):
            c.add("end", f"expected a date on or after start ({self.start}), got {self.end}")

    def _check_unique(self, c: Checks) -> None:
        people = [self.client, *self.stakeholders]
        for field, items in [("stakeholders", people)] + [
            (f, list(getattr(self, f))) for f in _COLLECTIONS.values() if f != "stakeholders"
        ]:
            if len(self._by_id[field]) != len(items):
                seen: set[str] = set()
                for item in items:
                    if item.id in seen:
                        c.add(field, f"expected unique ids, got {shown(item.id)} more than once")
                    seen.add(item.id)

    def _check_money(self, c: Checks) -> None:
        def same(where: str, money: Money | None) -> None:
            if money is not None and money.currency != self.currency:
                c.add(where, f"expected money in the project currency {self.currency}, got {money}")

        same("budget", self.budget)
        same("day_rate", self.day_rate)
        for risk in self.risks:
            same(f"risks[{risk.id}].cost_impact", risk.cost_impact)
        for i, cost in enumerate(self.actual_costs):
            same(f"actual_costs[{i}].amount", cost.amount)
        for cr in self.change_requests:
            if cr.assessment is not None:
                same(f"change_requests[{cr.id}].assessment.cost", cr.assessment.cost)
                same(f"change_requests[{cr.id}].assessment.price", cr.assessment.price)

    def _check_references(self, c: Checks) -> None:
        people = self._by_id["stakeholders"]
        reqs = self._by_id["requirements"]
        stones = self._by_id["milestones"]

        def ref(owner: str, field: str, value: str, table: Mapping[str, Any], what: str) -> None:
            if value not in table:
                c.problems.append(
                    Problem(
                        f"{owner}.{field}",
                        f"names unknown {what} {shown(value)} (known: {known(table)})",
                    )
                )

        for m in self.milestones:
            for dep in m.depends_on:
                ref(m.label, "depends_on", dep, stones, "milestone")
            for d in m.deliverables:
                ref(m.label, "deliverables", d, reqs, "requirement")
        for cr in self.change_requests:
            ref(cr.label, "requested_by", cr.requested_by, people, "stakeholder")
            if cr.status not in _OPEN_CHANGE:
                continue
            for ch in cr.changes:
                if isinstance(ch, (ReviseEstimate, RemoveRequirement)):
                    ref(cr.label, "changes", ch.requirement_id, reqs, "requirement")
                elif isinstance(ch, MoveMilestone):
                    ref(cr.label, "changes", ch.milestone_id, stones, "milestone")
                elif isinstance(ch, AddRequirement):
                    if ch.requirement.id in reqs:
                        c.problems.append(Problem(
                            f"{cr.label}.changes",
                            f"adds requirement {shown(ch.requirement.id)}, but the project already "
                            "has a requirement with that id",
                        ))  # fmt: skip
                    if ch.milestone is not None:
                        ref(cr.label, "changes", ch.milestone, stones, "milestone")
        for r in self.risks:
            ref(r.label, "owner", r.owner, people, "stakeholder")
            for target in r.affects:
                if target not in reqs and target not in stones:
                    c.problems.append(Problem(
                        f"{r.label}.affects",
                        f"names unknown requirement or milestone {shown(target)} "
                        f"(known: {known([*reqs, *stones])})",
                    ))  # fmt: skip
        concerned = {**reqs, **stones, **self._by_id["change_requests"]}
        for f in self.feedback:
            ref(f.label, "stakeholder", f.stakeholder, people, "stakeholder")
            for about in f.about:
                ref(f.label, "about", about, concerned, "requirement, milestone or change request")
        supported = {**reqs, **self._by_id["goals"]}
        for g in self.goals:
            if g.owner is not None:
                ref(g.label, "owner", g.owner, people, "stakeholder")
            for goal_or_req in g.supports:
                ref(g.label, "supports", goal_or_req, supported, "requirement or goal")
        for p in self.commitments:
            ref(p.label, "to", p.to, people, "stakeholder")
            if p.milestone is not None:
                ref(p.label, "milestone", p.milestone, stones, "milestone")
        for i, cost in enumerate(self.actual_costs):
            if cost.requirement is not None:
                ref(
                    f"{self.label}.actual_costs[{i}]",
                    "requirement",
                    cost.requirement,
                    reqs,
                    "requirement",
                )

    # -- what may enter the project -------------------------------------------
    def _client_side(self, who: str | None, what: str) -> list[str]:
        if who is None:
            return []
        person = self._by_id["stakeholders"].get(who)
        if person is not None and person.is_client:
            return []
        clients = known([p.id for p in self._by_id["stakeholders"].values() if p.is_client])
        if person is None:
            side = "who is not a stakeholder of the project"
        else:
            side = f"who is not on the client side ({person.role.value};"
        sep = " (" if person is None else " "
        return [f"{what} {who!r}, {side}{sep}client-side stakeholders: {clients})"]

    def _named(self, who: str, approver: str) -> bool:
        """Whether ``who`` is the named ``approver`` (an id, or a role nobody held)."""
        person = self._by_id["stakeholders"].get(who)
        return who == approver or (person is not None and person.role.value == approver)

    def _approval_problems(self, cr: ChangeRequest) -> list[str]:
        """Who may approve ``cr`` (D4, D14): the one place for the rule.

        The approval that makes a request *approved* is the client's acceptance
        of the impact, so its ``decided_by`` is on the client side; every other
        approval comes from the client side or from an approver its assessment
        names (by id, or by role when nobody in the project held it).
        """
        clients = known([p.id for p in self._by_id["stakeholders"].values() if p.is_client])
        problems: list[str] = []
        decided = cr.status in {ChangeStatus.APPROVED, ChangeStatus.IMPLEMENTED}
        if decided:
            problems += self._client_side(
                cr.decided_by,
                f"{cr.label} is approved (the client's acceptance of the impact, D4) by",
            )
        named = cr.assessment.approvers if cr.assessment is not None else ()
        team = [n for n in named if self._client_side(n, "")]
        for entry in cr.approvals:
            person = self._by_id["stakeholders"].get(entry.by)
            if decided and entry.by == cr.decided_by:
                continue  # the client's decision, checked above
            if person is not None and (
                person.is_client or any(self._named(entry.by, n) for n in named)
            ):
                continue
            who = "not a stakeholder" if person is None else person.role.value
            others = f" or an approver its assessment names ({', '.join(team)})" if team else ""
            problems.append(
                f"{cr.label} records an approval by {entry.by!r} ({who}), who may not "
                f"approve it: only the client side ({clients}){others} may (D4, D14)"
            )
        return problems

    def _missing_approvals(self, cr: ChangeRequest) -> list[str]:
        """The approvers ``cr``'s assessment names who have not approved it yet (D14)."""
        done = [t.by for t in cr.approvals]
        if cr.status in {ChangeStatus.APPROVED, ChangeStatus.IMPLEMENTED} and cr.decided_by:
            done.append(cr.decided_by)  # a 0.1 record keeps the client's approval there only
        named = cr.assessment.approvers if cr.assessment is not None else ()
        return [n for n in named if not any(self._named(who, n) for who in done)]

    @staticmethod
    def _approvals_recorded(old: ChangeRequest, new: ChangeRequest) -> str:
        """Why ``new``'s approvals did not come with new entries of its history, or ""."""
        fresh = new.history[len(old.history) :]
        for entry in new.approvals:
            if entry not in old.approvals and entry not in fresh:
                return (
                    f"cannot count the entry by {entry.by!r} at {entry.at.isoformat()} as an "
                    "approval: an approval is recorded when it is given (approve_change())"
                )
        return ""

    def _admission(self, new: object, old: object = None, via: str = "replace") -> list[str]:
        """Check whether ``new`` may enter the project (replacing ``old``, if any) via ``via``.

        The one place for the rules of the record (D1, D4, D14, D15): only the
        client side signs off requirements, accepts milestones and accepts a
        change's impact, and only the client side or a named approver approves a
        change (returned as problems, which construction reports with all the
        others); and, when ``new``
        replaces ``old``, ``new`` must be reachable from ``old`` by its public
        transitions: a history only grows and a status changes only through its
        named transitions; a draft's content changes only by
        :meth:`Requirement.edit` and a signed-off requirement's content and
        history only by its completion or an applied change request; a milestone
        becomes delivered only through :meth:`deliver_milestone`, accepted only
        through :meth:`accept_milestone`, and moves its due date only by
        :meth:`Milestone.reschedule` (never its baseline); a change request's
        content never changes and it becomes implemented only through
        :meth:`apply` (raised as :class:`~clientpm.IllegalTransitionError`).
        """
        problems: list[str] = []
        if isinstance(new, Requirement):
            problems += self._client_side(new.signed_off_by, f"{new.label} signed off by")
        elif isinstance(new, Milestone):
            problems += self._client_side(new.accepted_by, f"{new.label} accepted by")
        elif isinstance(new, ChangeRequest):
            problems += self._approval_problems(new)
        if old is None or problems:
            return problems
        label = f"{self.label}: {getattr(new, 'label', '')}"
        if hasattr(new, "history"):
            only_grows(old, new, owner=label)
        refused = ""
        if isinstance(new, Requirement) and isinstance(old, Requirement):
            refused = _requirement_change(old, new)
        elif isinstance(new, Milestone) and isinstance(old, Milestone):
            refused = _milestone_change(old, new, via)
        elif isinstance(new, ChangeRequest) and isinstance(old, ChangeRequest):
            refused = _request_change(old, new) or self._approvals_recorded(old, new)
        if refused:
            raise IllegalTransitionError(f"{label} {refused}")
        return problems

    # -- lookups --------------------------------------------------------------
    def _get(self, field: str, what: str, item_id: str) -> Any:
        table = self._by_id[field]
        try:
            return table[item_id]
        except (KeyError, TypeError):
            raise UnknownReferenceError.single(
                self.label, f"has no {what} {item_id!r} (known: {known(table)})"
            ) from None

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder (or the client) with this id.

        Example:
            >>> from clientpm import sample_project
            >>> sample_project().stakeholder("li.wei").name
            'Li Wei'

        """
        result: Stakeholder = self._get("stakeholders", "stakeholder", stakeholder_id)
        return result

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id.

        Raises:
            UnknownReferenceError: naming the known ids.

        Example:
            >>> from clientpm import sample_project
            >>> sample_project().requirement("REQ-1").title
            'Single sign-on with the corporate account'
            >>> sample_project().requirement("REQ-99")
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: Project 'ACME': has no requirement 'REQ-99' (known: REQ-1, REQ-2, REQ-3, REQ-4, REQ-5, REQ-6, REQ-7)

        """  # noqa: E501
        result: Requirement = self._get("requirements", "requirement", requirement_id)
        return result

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with this id.

        Example:
            >>> from clientpm import sample_project
            >>> sample_project().milestone("M1").title
            'Design sign-off'

        """
        result: Milestone = self._get("milestones", "milestone", milestone_id)
        return result

    def change_request(self, change_id: str) -> ChangeRequest:
        """The change request with this id."""
        result: ChangeRequest = self._get("change_requests", "change request", change_id)
        return result

    def risk(self, risk_id: str) -> Risk:
        """The risk with this id."""
        result: Risk = self._get("risks", "risk", risk_id)
        return result

    def feedback_item(self, feedback_id: str) -> Feedback:
        """The feedback with this id."""
        result: Feedback = self._get("feedback", "feedback", feedback_id)
        return result

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id."""
        result: Goal = self._get("goals", "goal", goal_id)
        return result

    def commitment(self, commitment_id: str) -> Commitment:
        """The commitment with this id."""
        result: Commitment = self._get("commitments", "commitment", commitment_id)
        return result

    def has(self, item_id: str) -> bool:
        """Whether any part of the project (of any kind) has this id.

        Example:
            >>> from clientpm import sample_project
            >>> sample_project().has("M2"), sample_project().has("M9")
            (True, False)

        """
        return any(item_id in table for table in self._by_id.values())

    @property
    def people(self) -> tuple[Stakeholder, ...]:
        """The client followed by the other stakeholders."""
        return (self.client, *self.stakeholders)

    @property
    def scope_baseline(self) -> tuple[Requirement, ...]:
        """The signed-off requirements (signed off or done): what the client agreed to (D1)."""
        return tuple(r for r in self.requirements if r.in_scope)

    @property
    def estimated_cost(self) -> Money:
        """Cost of the signed-off scope at the day rate: the estimate, with nothing spent yet.

        Not the forecast cost the reports show (spent to date plus the
        remaining work, :func:`clientpm.model.budget.forecast_cost`).

        Example:
            >>> from clientpm import sample_project
            >>> sample_project().estimated_cost
            Money('224000.00', 'CNY')

        """
        days = sum((r.estimate_days for r in self.scope_baseline), Decimal(0))
        return self.day_rate * days

    # -- building new projects ------------------------------------------------
    def _field_for(self, item: object, method: str) -> str:
        field = _COLLECTIONS.get(type(item))
        if field is None:
            kinds = ", ".join(cls.__name__ for cls in _COLLECTIONS)
            raise ValidationError.single(
                f"{self.label}.{method}", f"expected one of {kinds}, got {describe(item)}"
            )
        return field

    def add(self, *items: object) -> Project:
        """Return a new project with ``items`` added to their collections.

        Raises:
            ValidationError: when an id is already used, or a reference is unknown.

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project, Risk
            >>> p = sample_project().add(Risk(id="R9", title="Scope creep", probability=3,
            ...                               impact=3, owner="chen.jie", next_review="2026-12-01"))
            >>> p.risk("R9").score
            9

        """
        grouped: dict[str, list[Any]] = {}
        for item in items:
            grouped.setdefault(self._field_for(item, "add"), []).append(item)
        for field, new in grouped.items():
            table = self._by_id[field]
            clashes = [getattr(i, "id", None) for i in new if getattr(i, "id", None) in table]
            if clashes:
                raise ValidationError.single(
                    f"{self.label}.{field}",
                    f"expected new ids, got {', '.join(map(repr, clashes))} which already "
                    "exist (use replace() to change an existing item)",
                )
        changes: dict[str, Any] = {f: (*getattr(self, f), *new) for f, new in grouped.items()}
        return attrs.evolve(self, **changes)

    def replace(self, *items: object) -> Project:
        """Return a new project with existing items replaced by ``items`` (matched by id).

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project
            >>> p = sample_project()
            >>> r = p.risk("R1").close(by="chen.jie", at=pendulum.datetime(2026, 11, 24, tz="UTC"),
            ...                        why="IdP delivered")
            >>> p.replace(r).risk("R1").status.value
            'closed'

        """
        return self._replace(items, via="replace")

    def _replace(self, items: Iterable[object], *, via: str) -> Project:
        grouped: dict[str, dict[str, Any]] = {}
        for item in items:
            field = self._field_for(item, "replace")
            if field == "stakeholders" and getattr(item, "id", None) == self.client.id:
                grouped.setdefault("client", {})[self.client.id] = item
                continue
            old = self._get(field, type(item).__name__, getattr(item, "id", None))  # type: ignore[arg-type]
            self._admission(item, old, via)  # who signed off is checked on construction
            grouped.setdefault(field, {})[getattr(item, "id", "")] = item
        changes: dict[str, Any] = {}
        for field, new in grouped.items():
            if field == "client":
                changes["client"] = new[self.client.id]
                continue
            changes[field] = tuple(new.get(i.id, i) for i in getattr(self, field))
        return attrs.evolve(self, **changes)

    def deliver_milestone(
        self, milestone_id: str, *, by: str, at: pendulum.DateTime, why: str = ""
    ) -> Project:
        """Hand a milestone over; every deliverable must be done (or removed).

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project
            >>> sample_project().deliver_milestone("M2", by="chen.jie",
            ...                                    at=pendulum.datetime(2026, 12, 1, tz="UTC"))
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Milestone 'M2' cannot be delivered: deliverables not done: REQ-2

        """  # noqa: E501
        milestone = self.milestone(milestone_id)
        pending = [
            d for d in milestone.deliverables
            if self.requirement(d).status not in {RequirementStatus.DONE, RequirementStatus.REMOVED}
        ]  # fmt: skip
        if pending:
            raise IllegalTransitionError(
                f"{milestone.label} cannot be delivered: deliverables not done: "
                + ", ".join(pending)
            )
        return self._replace([milestone.deliver(by=by, at=at, why=why)], via="deliver_milestone")

    def accept_milestone(
        self,
        milestone_id: str,
        *,
        by: str,
        at: pendulum.DateTime,
        checked: Mapping[str, Iterable[str]],
        why: str = "",
    ) -> Project:
        """Record the client's acceptance of a delivered milestone (D15).

        Args:
            milestone_id: The milestone.
            by: The client stakeholder who accepts it.
            at: When.
            checked: For each deliverable, the acceptance criteria the client
                checked and found met. Every criterion of every deliverable
                must be there.
            why: A note.

        The milestone keeps the criteria checked (``accepted_criteria``, each
        ``"REQ-1: criterion"``) with who accepted it and when.

        Raises:
            IllegalTransitionError: when ``by`` is not on the client's side,
                when a criterion was not met, or when the milestone is not delivered.

        Example:
            >>> import pendulum
            >>> from clientpm import sample_project
            >>> at = pendulum.datetime(2026, 12, 17, 10, tz="Asia/Shanghai")
            >>> p = sample_project()
            >>> p = p.replace(p.requirement("REQ-2").complete(by="liu.yang", at=at))
            >>> p = p.deliver_milestone("M2", by="chen.jie", at=at)
            >>> checked = {r: p.requirement(r).acceptance_criteria for r in ("REQ-1", "REQ-2")}
            >>> p.accept_milestone("M2", by="li.wei", at=at, checked={"REQ-1": checked["REQ-1"]})
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Milestone 'M2' cannot be accepted: acceptance criteria not met: REQ-2: Search by name, department or phone returns results in under 1 s
            >>> m = p.accept_milestone("M2", by="li.wei", at=at, checked=checked).milestone("M2")
            >>> m.accepted_by, m.accepted_criteria[0]
            ('li.wei', 'REQ-1: Staff log in with their corporate account')

        """  # noqa: E501
        milestone = self.milestone(milestone_id)
        person = self.stakeholder(by)
        if not person.is_client:
            raise IllegalTransitionError(
                f"{milestone.label} must be accepted by the client, "
                f"got {by!r} ({person.role.value})"
            )
        unmet: list[str] = []
        met: list[str] = []
        for rid in milestone.deliverables:
            req = self.requirement(rid)
            if req.status is RequirementStatus.REMOVED:
                continue
            ok = set(checked.get(rid, ()))
            for crit in req.acceptance_criteria:
                (met if crit in ok else unmet).append(f"{rid}: {crit}")
        if unmet:
            raise IllegalTransitionError(
                f"{milestone.label} cannot be accepted: acceptance criteria not met: "
                + "; ".join(unmet)
            )
        accepted = milestone.accept(by=by, at=at, why=why, criteria=tuple(met))
        return self._replace([accepted], via="accept_milestone")

    def approve_change(
        self,
        change_id: str,
        *,
        by: str,
        at: pendulum.DateTime,
        billing: Billing | str | None = None,
        why: str = "",
    ) -> Project:
        """Record one approval of an assessed change request; return the new project (D4, D14).

        Who may approve: the client side, whose acceptance of the impact (with
        the ``billing`` decision) makes the request *approved*; and the
        approvers its assessment names (the team member the change policy
        makes decide, an escalation), whose approval is recorded without a
        billing decision. Approvals come in any order; :meth:`apply` waits for
        every named approver. Each approval is kept, with who, when and why,
        in the request's history and ``approvals``; approving a change the
        assessment recommends rejecting needs ``why``.

        Args:
            change_id: The change request's id.
            by: Who approves (a stakeholder of the project).
            at: When.
            billing: The client's decision, free or paid; required for the
                client's approval, refused from anyone else.
            why: A note (a reason, against a *reject* recommendation).

        Raises:
            UnknownReferenceError: for an unknown request or stakeholder.
            IllegalTransitionError: when ``by`` may not approve it, before it is
                assessed (D5), after a decision, or when ``by`` has approved it.
            ValidationError: for a missing or misplaced ``billing``, or a missing
                ``why`` against a *reject* recommendation.

        Example:
            >>> import pendulum
            >>> import clientpm as cpm
            >>> from clientpm.impact import assess_change
            >>> p = cpm.sample_project()
            >>> at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
            >>> impact = assess_change(p, p.change_request("CR-1"), as_of=cpm.sample.SAMPLE_AS_OF)
            >>> p = p.replace(p.change_request("CR-1").assess(impact, by="chen.jie", at=at))
            >>> p.change_request("CR-1").assessment.approvers
            ('wang.fang', 'li.wei')
            >>> p.approve_change("CR-1", by="chen.jie", at=at)
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Project 'ACME': ChangeRequest 'CR-1' cannot be approved by 'chen.jie' (project_manager): only the client side (li.wei, zhang.min) or an approver its assessment names (wang.fang) may (D4, D14)
            >>> p = p.approve_change("CR-1", by="li.wei", at=at, billing="paid")
            >>> p.apply("CR-1")
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: ChangeRequest 'CR-1' cannot be applied: it still needs the approval of 'wang.fang', named by its assessment (D14; approved so far: li.wei); record it with approve_change()
            >>> p = p.approve_change("CR-1", by="wang.fang", at=at.add(hours=1))
            >>> [(t.by, t.to_status) for t in p.change_request("CR-1").approvals]
            [('li.wei', 'approved'), ('wang.fang', 'approved')]
            >>> p.apply("CR-1").budget
            Money('510800.00', 'CNY')

        """  # noqa: E501
        cr = self.change_request(change_id)
        person = self.stakeholder(by)
        named = cr.assessment.approvers if cr.assessment is not None else ()
        if not person.is_client and not any(self._named(by, n) for n in named):
            clients = known([p.id for p in self.people if p.is_client])
            team = [n for n in named if self._client_side(n, "")]
            others = f" or an approver its assessment names ({', '.join(team)})" if team else ""
            raise IllegalTransitionError(
                f"{self.label}: {cr.label} cannot be approved by {by!r} ({person.role.value}): "
                f"only the client side ({clients}){others} may (D4, D14)"
            )
        if person.is_client and (billing is not None or cr.status is not ChangeStatus.APPROVED):
            if billing is None:
                raise ValidationError.single(
                    f"{cr.label}.billing",
                    "expected the client's billing decision with the client's approval, "
                    "'free' or 'paid', got None",
                )
            new = cr.approve(by=by, at=at, billing=billing, why=why)
        elif billing is not None:
            raise ValidationError.single(
                f"{cr.label}.billing",
                f"expected no billing from {by!r} ({person.role.value}): billing is the "
                f"client's decision, recorded with the client's approval, got {describe(billing)}",
            )
        else:
            new = cr.record_approval(by=by, at=at, why=why)
        return self._replace([new], via="approve_change")

    def _own_change(self, change: object) -> ChangeRequest:
        """The project's copy of ``change`` (an id or a request), or the later version passed."""
        if isinstance(change, str):
            change = self.change_request(change)
        if not isinstance(change, ChangeRequest):
            raise ValidationError.single(
                f"{self.label}.apply", f"expected a ChangeRequest or its id, got {describe(change)}"
            )
        own: ChangeRequest | None = self._by_id["change_requests"].get(change.id)
        if own is None:
            raise UnknownReferenceError.single(
                self.label,
                f"cannot apply {change.label}: it is not part of the project (known change "
                f"requests: {known(self._by_id['change_requests'])}); add() it first",
            )
        if own.status is ChangeStatus.IMPLEMENTED:
            last = own.history[-1] if own.history else None
            when = f" (applied at {last.at.isoformat()} by {last.by!r})" if last else ""
            raise IllegalTransitionError(
                f"{self.label}: {own.label} cannot be applied again: the project's copy is "
                f"implemented{when}; a change applies, and bills, once"
            )
        if change is own:
            return own
        label = f"{self.label}: {own.label}"
        for field in _REQUEST_CONTENT:
            if getattr(own, field) != getattr(change, field):
                raise IllegalTransitionError(
                    f"{label}.{field}: the request passed to apply() says "
                    f"{getattr(change, field)!r}, the project's copy "
                    f"{getattr(own, field)!r}; apply the project's copy (or its id)"
                )
        only_grows(own, change, owner=label)
        forged = self._approvals_recorded(own, change)
        if forged:
            raise IllegalTransitionError(f"{label} {forged}")
        return change

    def apply(
        self,
        change: ChangeRequest | str,
        *,
        by: str | None = None,
        at: pendulum.DateTime | None = None,
    ) -> Project:
        """Apply an approved change request of this project, once; return the new project.

        Added requirements come in signed off by the client who approved the
        change; revised estimates and moved due dates keep their baselines so
        slips stay visible; removed requirements stay in the list with status
        ``removed`` and leave their milestones' deliverables. A paid change
        raises the budget by the quoted price; a free one does not. The
        project's own copy of the request becomes ``implemented``, so applying
        it again is refused: a change bills once.

        Apply acts on the project's own copy of the request, looked up by id.
        A request object may be passed instead of the id when it is that copy
        or a later version of it (the same request with its history grown, e.g.
        assessed and approved since it was added); a request the project does
        not have is refused (``add()`` it first).

        Args:
            change: The approved request (or its id in this project).
            by: Who applied it (a stakeholder of the project); defaults to the
                client who approved it, as in 0.1.
            at: When it was applied; defaults to the time of the last approval.

        Raises:
            UnknownReferenceError: when the request is not part of the project, or
                ``by`` names no stakeholder.
            IllegalTransitionError: unless the request is approved (an implemented
                one has been applied already); when its approval is not the
                client's, an approval comes from someone neither on the client
                side nor named by the assessment, or a named approver has not
                approved yet (see :meth:`approve_change`); or when the object
                passed is not the project's copy or a later version of it.
            ValidationError: when the result would be inconsistent; the
                project is left as it was.

        Example:
            >>> import pendulum
            >>> import clientpm as cpm
            >>> p = cpm.sample_project()
            >>> at = pendulum.datetime(2026, 11, 25, 10, tz="Asia/Shanghai")
            >>> a = cpm.Assessment(effort_days=6, cost=cpm.Money("24000", "CNY"), slip_days=3,
            ...                    recommendation="bill", summary="6 days",
            ...                    price=cpm.Money("24000", "CNY"))
            >>> cr = p.change_request("CR-1").assess(a, by="chen.jie", at=at)
            >>> cr = cr.approve(by="li.wei", at=at, billing="paid")
            >>> q = p.apply(cr, by="chen.jie")
            >>> q.budget - p.budget, q.change_request("CR-1").history[-1].by
            (Money('24000.00', 'CNY'), 'chen.jie')
            >>> q.apply(cr)
            Traceback (most recent call last):
            ...
            clientpm.errors.IllegalTransitionError: Project 'ACME': ChangeRequest 'CR-1' cannot be applied again: the project's copy is implemented (applied at 2026-11-25T10:00:00+08:00 by 'chen.jie'); a change applies, and bills, once

        """  # noqa: E501
        cr = self._own_change(change)
        if cr.status is not ChangeStatus.APPROVED:
            raise IllegalTransitionError(
                f"{cr.label} cannot be applied: only an approved change applies, it is "
                f"{cr.status.value}"
            )
        refusals = self._approval_problems(cr)
        if refusals:
            raise IllegalTransitionError(
                f"{self.label}: " + "; ".join(refusals) + f"; {cr.id} cannot be applied"
            )
        missing = self._missing_approvals(cr)
        if missing:
            approved = ", ".join(dict.fromkeys(t.by for t in cr.approvals)) or "nobody yet"
            raise IllegalTransitionError(
                f"{cr.label} cannot be applied: it still needs the approval of "
                f"{', '.join(map(repr, missing))}, named by its assessment (D14; approved "
                f"so far: {approved}); record it with approve_change()"
            )
        # An approved request always has decided_by and decided_at (its checks say so).
        assert cr.decided_by is not None
        assert cr.decided_at is not None
        if by is not None:
            self.stakeholder(by)
        last = max((cr.decided_at, *(t.at for t in cr.approvals)))
        who, when = cr.decided_by, at if at is not None else last
        applier = who if by is None else by
        reqs = {r.id: r for r in self.requirements}
        stones = {m.id: m for m in self.milestones}
        unknown: list[Problem] = []
        clashes: list[Problem] = []

        def find(table: dict[str, T], key: str, what: str) -> T | None:
            if key not in table:
                unknown.append(
                    Problem(
                        f"{cr.label}.changes",
                        f"names unknown {what} {key!r} (known: {known(table)})",
                    )
                )
                return None
            return table[key]

        for ch in cr.changes:
            if isinstance(ch, AddRequirement):
                if ch.requirement.id in reqs:
                    clashes.append(
                        Problem(
                            f"{cr.label}.changes",
                            f"adds requirement {ch.requirement.id!r}, which the project "
                            "already has; a new requirement needs a new id",
                        )
                    )
                    continue
                new = ch.requirement.sign_off(by=who, at=when, why=f"added by {cr.id}")
                reqs[new.id] = new
                if ch.milestone is not None and (m := find(stones, ch.milestone, "milestone")):
                    stones[m.id] = attrs.evolve(m, deliverables=(*m.deliverables, new.id))
            elif isinstance(ch, ReviseEstimate):
                if r := find(reqs, ch.requirement_id, "requirement"):
                    why = f"{cr.id}: estimate {r.estimate_days} -> {ch.estimate_days} person-days"
                    new_days = ch.estimate_days
                    # A three-point range widens to take in the revised estimate.
                    low = None if r.optimistic_days is None else min(r.optimistic_days, new_days)
                    high = None if r.pessimistic_days is None else max(r.pessimistic_days, new_days)
                    reqs[r.id] = r.revise(
                        by=who, at=when, why=why, estimate_days=new_days,
                        optimistic_days=low, pessimistic_days=high,
                    )  # fmt: skip
            elif isinstance(ch, RemoveRequirement):
                if r := find(reqs, ch.requirement_id, "requirement"):
                    reqs[r.id] = r.revise(
                        by=who, at=when, why=f"removed by {cr.id}", status=RequirementStatus.REMOVED
                    )
                    for m in list(stones.values()):
                        if r.id in m.deliverables:
                            kept = tuple(d for d in m.deliverables if d != r.id)
                            stones[m.id] = attrs.evolve(m, deliverables=kept)
            elif m := find(stones, ch.milestone_id, "milestone"):
                stones[m.id] = m.reschedule(ch.due, by=who, at=when, why=cr.id)
        if clashes:
            raise ValidationError([*clashes, *unknown])
        if unknown:
            raise UnknownReferenceError(unknown)
        budget = self.budget
        if cr.billing is Billing.PAID and cr.assessment is not None:
            budget = budget + (cr.assessment.price or cr.assessment.cost)
        done = cr.mark_implemented(by=applier, at=when)
        crs = tuple(done if c.id == cr.id else c for c in self.change_requests)
        return attrs.evolve(
            self,
            requirements=tuple(reqs.values()),
            milestones=tuple(stones.values()),
            change_requests=crs,
            budget=budget,
        )


@overload
def require_project(value: object, where: str) -> Project: ...


@overload
def require_project(value: object, where: str, *, optional: Literal[True]) -> Project | None: ...


def require_project(value: object, where: str, *, optional: bool = False) -> Project | None:
    """``value`` if it is a :class:`Project` (or ``None`` when ``optional``); the one project check.

    ``where`` names the caller's argument, e.g. ``"weekly_report.project"``.

    Raises:
        ValidationError: naming ``where`` and the value for anything else.

    Example:
        >>> import clientpm as cpm
        >>> require_project(cpm.sample_project(), "weekly_report.project").key
        'ACME'
        >>> require_project(None, "check_smart.project", optional=True) is None
        True
        >>> require_project("ACME", "weekly_report.project")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: weekly_report.project: expected a clientpm.Project, got str 'ACME'

    """  # noqa: E501
    if isinstance(value, Project) or (optional and value is None):
        return value
    expected = "a clientpm.Project or None" if optional else "a clientpm.Project"
    raise ValidationError.single(where, f"expected {expected}, got {describe(value)}")
