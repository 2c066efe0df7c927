"""An embedded, realistic sample project for the demo, the docs and the tests.

An agency (project manager Chen Jie) builds an HR portal for ACME's
Shanghai office (sponsor Li Wei). It is late November 2026: the design is
accepted, single sign-on is done, the beta is due on 18 December, the client
has just asked for WeChat Work login (change request CR-1, not yet assessed),
and one complaint is waiting for an answer.

The holidays are illustrative (New Year's Day and a Spring Festival week with
a make-up Saturday, the way China arranges them); use
:meth:`WorkCalendar.for_country` for official calendars.
"""

from __future__ import annotations

import pendulum

from clientpm.enums import (
    Channel,
    FeedbackKind,
    Priority,
    RequirementKind,
    RiskStrategy,
    Role,
)
from clientpm.model import (
    AddRequirement,
    ChangeRequest,
    Commitment,
    CostEntry,
    Feedback,
    Goal,
    Milestone,
    Project,
    Requirement,
    ReviseEstimate,
    Risk,
    Stakeholder,
)
from clientpm.money import Money
from clientpm.work_calendar import WorkCalendar

__all__ = ["SAMPLE_AS_OF", "sample_project"]

_TZ = "Asia/Shanghai"

#: The date the sample project is "today": Tuesday 24 November 2026.
SAMPLE_AS_OF = pendulum.date(2026, 11, 24)


def _at(day: str, hour: int = 10) -> pendulum.DateTime:
    d = pendulum.Date.fromisoformat(day)
    return pendulum.datetime(d.year, d.month, d.day, hour, tz=_TZ)


def _requirements() -> list[Requirement]:
    signed = _at("2026-11-03")
    specs = [
        ("REQ-1", "Single sign-on with the corporate account", RequirementKind.FUNCTIONAL,
         Priority.MUST, 8, ["Staff log in with their corporate account",
                            "A disabled account cannot log in within 5 minutes"]),
        ("REQ-2", "Staff directory with search", RequirementKind.FUNCTIONAL, Priority.MUST, 10,
         ["Search by name, department or phone returns results in under 1 s"]),
        ("REQ-3", "Leave request workflow", RequirementKind.FUNCTIONAL, Priority.MUST, 15,
         ["An employee submits a leave request and the manager approves it",
          "HR sees every approved leave in the monthly export"]),
        ("REQ-4", "Pages load in under 2 seconds", RequirementKind.NON_FUNCTIONAL,
         Priority.SHOULD, 5,
         ["Median load time of the home page is under 2 s on the office network"]),
        ("REQ-5", "Monthly HR dashboard", RequirementKind.BUSINESS, Priority.SHOULD, 12,
         ["Headcount, leave taken and turnover per department, per month"]),
        ("REQ-6", "Mobile layout", RequirementKind.FUNCTIONAL, Priority.COULD, 8,
         ["Every page is usable on a 375 px wide screen"]),
        ("REQ-7", "Audit log export", RequirementKind.FUNCTIONAL, Priority.MUST, 6,
         ["Auditors export a year of log entries as CSV"]),
    ]  # fmt: skip
    reqs = []
    for rid, title, kind, priority, days, criteria in specs:
        r = Requirement(
            id=rid, title=title, kind=kind, priority=priority, estimate_days=days,
            acceptance_criteria=criteria, optimistic_days=days * 3 // 4,
            pessimistic_days=days * 3 // 2,
        )  # fmt: skip
        if rid != "REQ-6":  # the mobile layout is still a draft
            r = r.sign_off(by="li.wei", at=signed, why="requirements review meeting")
        if rid == "REQ-1":
            r = r.complete(by="liu.yang", at=_at("2026-11-20", 16))
        reqs.append(r)
    return reqs


def _milestones() -> list[Milestone]:
    design = Milestone(
        id="M1", title="Design sign-off", due="2026-11-13", duration_days=8,
        description="Wireframes and visual design approved by the client",
    )  # fmt: skip
    design = design.start(by="chen.jie", at=_at("2026-11-02", 9))
    design = design.deliver(by="chen.jie", at=_at("2026-11-12", 17))
    design = design.accept(by="li.wei", at=_at("2026-11-13", 11), why="design review passed")
    beta = Milestone(
        id="M2", title="Beta", due="2026-12-18", deliverables=["REQ-1", "REQ-2"],
        depends_on=["M1"],
    ).start(by="chen.jie", at=_at("2026-11-16", 9))  # fmt: skip
    return [
        design,
        beta,
        Milestone(id="M3", title="Workflow and dashboard", due="2027-01-22",
                  deliverables=["REQ-3", "REQ-5"], depends_on=["M2"]),
        Milestone(id="M4", title="Go-live", due="2027-02-26", deliverables=["REQ-4", "REQ-7"],
                  depends_on=["M3"], description="Contractual go-live date"),
    ]  # fmt: skip


def _risks() -> list[Risk]:
    return [
        Risk(id="R1", title="The client's identity provider test tenant is not ready",
             probability=3, impact=4, owner="zhang.min", next_review="2026-11-27",
             strategy=RiskStrategy.MITIGATE,
             contingency="Test single sign-on against a mock identity provider",
             triggers=["No test tenant by 27 November"], cost_impact=Money("16000", "CNY"),
             affects=["M2", "REQ-1"], residual_probability=2, residual_impact=3),
        Risk(id="R2", title="Key developer away during the Spring Festival", probability=2,
             impact=3, owner="chen.jie", next_review="2026-11-20", strategy=RiskStrategy.AVOID,
             contingency="Pair a second developer on the workflow module from December",
             triggers=["Leave request filed for February"], cost_impact=Money("12000", "CNY"),
             affects=["M4"]),
        Risk(id="R3", title="HR data for the dashboard is incomplete", probability=3, impact=3,
             owner="zhang.min", next_review="2026-12-04", strategy=RiskStrategy.MITIGATE,
             contingency="Agree a data-cleaning sprint with HR", affects=["REQ-5", "M3"],
             cost_impact=Money("20000", "CNY")),
    ]  # fmt: skip


def _feedback() -> list[Feedback]:
    return [
        Feedback(id="F1", stakeholder="li.wei", received_at=_at("2026-11-13", 11),
                 kind=FeedbackKind.PRAISE, channel=Channel.MEETING, rating=5, nps=9,
                 text="The design is clear and the team listened to HR's comments",
                 responded_at=_at("2026-11-13", 15), response="Thank you, we will keep it so",
                 resolved_at=_at("2026-11-13", 15)),
        Feedback(id="F2", stakeholder="zhang.min", received_at=_at("2026-11-16", 9),
                 kind=FeedbackKind.COMPLAINT, channel=Channel.WECHAT, rating=3,
                 text="The demo environment was down on Monday morning",
                 responded_at=_at("2026-11-16", 10), response="Restarted; monitoring added",
                 resolved_at=_at("2026-11-17", 12)),
        Feedback(id="F3", stakeholder="li.wei", received_at=_at("2026-11-18", 14),
                 kind=FeedbackKind.QUESTION, channel=Channel.EMAIL,
                 text="Can staff also log in with WeChat Work?",
                 responded_at=_at("2026-11-18", 17),
                 response="Yes; we recorded it as change request CR-1 and will assess it",
                 about=["REQ-1"]),
        Feedback(id="F4", stakeholder="zhang.min", received_at=_at("2026-11-23", 9),
                 kind=FeedbackKind.COMPLAINT, channel=Channel.EMAIL, rating=2,
                 text="Last week's report arrived on Monday instead of Friday"),
    ]  # fmt: skip


def sample_project() -> Project:
    """Build the embedded sample project (a new object each call).

    Example:
        >>> from clientpm import sample_project
        >>> p = sample_project()
        >>> p.key, len(p.requirements), p.change_requests[0].status.value
        ('ACME', 7, 'submitted')

    """
    calendar = WorkCalendar(
        timezone=_TZ,
        holidays=[pendulum.date(2027, 1, 1),
                  *(pendulum.date(2027, 2, d) for d in range(8, 13))],
        extra_workdays=[pendulum.date(2027, 2, 20)],
    )  # fmt: skip
    client = Stakeholder(id="li.wei", name="Li Wei", role=Role.SPONSOR, locale="zh",
                         timezone=_TZ, email="li.wei@acme.example")  # fmt: skip
    stakeholders = [
        Stakeholder(id="zhang.min", name="Zhang Min", role=Role.CLIENT_CONTACT, locale="zh",
                    timezone=_TZ),
        Stakeholder(id="chen.jie", name="Chen Jie", role=Role.PROJECT_MANAGER, locale="zh",
                    timezone=_TZ),
        Stakeholder(id="liu.yang", name="Liu Yang", role=Role.TEAM_MEMBER, timezone=_TZ),
        Stakeholder(id="wang.fang", name="Wang Fang", role=Role.ACCOUNT_MANAGER, timezone=_TZ),
    ]  # fmt: skip
    wechat = Requirement(
        id="REQ-8", title="Log in with WeChat Work", estimate_days=6,
        acceptance_criteria=["Staff log in by scanning a WeChat Work QR code"],
    )  # fmt: skip
    change = ChangeRequest(
        id="CR-1", title="WeChat Work login", requested_by="li.wei",
        submitted_at=_at("2026-11-18", 17),
        reason="Most staff use WeChat Work on their phones and want to log in with it",
        changes=[AddRequirement(wechat, milestone="M2"), ReviseEstimate("REQ-2", 11)],
    )  # fmt: skip
    goals = [
        Goal(id="G1", statement="Cut the median load time of the portal home page from 3.2 s "
             "to 1.5 s by 26 February 2027", metric="median home page load time",
             baseline="3.2", target="1.5", unit="s", deadline="2027-02-26", owner="chen.jie",
             supports=["REQ-4"]),
        Goal(id="G2", statement="尽快提升员工满意度", owner="zhang.min"),
    ]  # fmt: skip
    commitments = [
        Commitment(id="P1", promise="Send the beta test plan", to="li.wei", made_by="chen.jie",
                   made_at=_at("2026-11-13", 11), due="2026-11-27"),
        Commitment(id="P2", promise="Beta ready for user testing", to="li.wei",
                   made_by="chen.jie", made_at=_at("2026-11-03", 11), due="2026-12-18",
                   milestone="M2"),
        Commitment(id="P3", promise="Share the design files", to="zhang.min",
                   made_by="chen.jie", made_at=_at("2026-11-10", 11),
                   due="2026-11-16").keep(by="chen.jie", at=_at("2026-11-16", 12)),
    ]  # fmt: skip
    costs = [
        CostEntry(on=day, amount=Money(amount, "CNY"), note=note)
        for day, amount, note in [
            ("2026-11-06", "40000", "week 45: design"),
            ("2026-11-13", "40000", "week 46: design and set-up"),
            ("2026-11-20", "44000", "week 47: single sign-on"),
        ]
    ]
    return Project(
        key="ACME", name="ACME HR portal", client=client, currency="CNY",
        budget=Money("480000", "CNY"), day_rate=Money("4000", "CNY"),
        start=pendulum.date(2026, 11, 2), end=pendulum.date(2027, 3, 31), calendar=calendar,
        daily_capacity=2, stakeholders=stakeholders, requirements=_requirements(),
        milestones=_milestones(), change_requests=[change], risks=_risks(),
        feedback=_feedback(), goals=goals, commitments=commitments, actual_costs=costs,
    )  # fmt: skip
