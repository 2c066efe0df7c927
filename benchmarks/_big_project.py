"""A deterministic generator of large, realistic projects for the benchmarks.

``big_project(scale)`` builds a project of ``10_000 * scale`` requirements,
``1_000 * scale`` milestones (about ten requirements each as deliverables,
about three predecessors each among the earlier milestones), ``1_000 * scale``
risks and ``5_000 * scale`` feedback items, seeded so every run builds the
same project. Due dates come from a forward pass over the plan on the
project's calendar plus a random margin, so some milestones are late and
most are not; the work due before the status date is done (some of it in the
last week), the milestones due before it are delivered or accepted. The
status date is the working day about 40% of the way through the plan.
"""

from __future__ import annotations

import math
import random

import pendulum

import clientpm as cpm

TZ = "Asia/Shanghai"
START = pendulum.date(2025, 1, 6)

_VERBS = ["Build", "Design", "Migrate", "Test", "Document", "Integrate", "Review", "Deploy"]
_THINGS = [
    "login page",
    "staff directory",
    "leave workflow",
    "payroll export",
    "audit log",
    "HR dashboard",
    "mobile layout",
    "search index",
    "notification service",
    "SSO bridge",
]
_FEEDBACK = {
    cpm.FeedbackKind.PRAISE: ["The demo went well", "会议纪要很清楚", "Quick fix, thanks"],
    cpm.FeedbackKind.SUGGESTION: ["Add a CSV export", "希望增加搜索过滤", "Group by department"],
    cpm.FeedbackKind.QUESTION: ["When is the next release?", "测试环境什么时候可用？"],
    cpm.FeedbackKind.COMPLAINT: ["The test server was down", "报告又迟到了", "Slow page loads"],
}


def _at(day: pendulum.Date, hour: int) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=TZ)


def big_project(scale: float = 1.0, seed: int = 1) -> tuple[cpm.Project, pendulum.Date]:
    """A project of ``10_000 * scale`` requirements, and its status date."""
    rng = random.Random(seed)
    n_ms = max(1, round(1_000 * scale))
    n_req = 10 * n_ms
    n_risk = max(1, round(1_000 * scale))
    n_fb = max(1, round(5_000 * scale))
    cal = cpm.WorkCalendar(
        timezone=TZ,
        holidays=[
            day
            for year in range(START.year, START.year + 6)
            for day in [
                pendulum.date(year, 1, 1),
                pendulum.date(year, 5, 1),
                *(pendulum.date(year, 10, d) for d in range(1, 8)),
            ]
        ],
    )
    client = cpm.Stakeholder(
        id="sponsor", name="Li Wei", role=cpm.Role.SPONSOR, locale="zh", timezone=TZ
    )
    contacts = [
        cpm.Stakeholder(id=f"client{i}", name=f"Client contact {i}", role=cpm.Role.CLIENT_CONTACT)
        for i in range(1, 6)
    ]
    team = [cpm.Stakeholder(id="pm", name="Chen Jie", role=cpm.Role.PROJECT_MANAGER)] + [
        cpm.Stakeholder(id=f"dev{i}", name=f"Developer {i}", role=cpm.Role.TEAM_MEMBER)
        for i in range(1, 11)
    ]
    people = [client.id] + [s.id for s in contacts + team]
    client_side = [client.id] + [s.id for s in contacts]

    # Work: sizes of about ten deliverables a milestone, 1..10 days a requirement.
    sizes = [10] * n_ms
    for i in range(0, n_ms - 1, 2):
        d = rng.randint(-3, 3)
        sizes[i] += d
        sizes[i + 1] -= d
    capacity = 6
    estimates = [rng.randint(1, 10) for _ in range(n_req)]
    # Forward pass in working days from START to set realistic due dates.
    finish: list[int] = []
    deps: list[list[int]] = []
    first = 0
    spans: list[range] = []
    for i in range(n_ms):
        span = range(first, first + sizes[i])
        first += sizes[i]
        spans.append(span)
        window = range(max(0, i - 40), i)
        k = min(len(window), rng.choice([2, 3, 3, 4]))
        pred = sorted(rng.sample(window, k)) if k else []
        deps.append(pred)
        work = sum(estimates[j] for j in span)
        start = max((finish[p] for p in pred), default=0)
        finish.append(start + math.ceil(work / capacity))
    due = [cal.add_workdays(START, max(5, f + rng.randint(-8, 25))) for f in finish]
    as_of = cal.add_workdays(START, int(0.4 * max(finish)))
    as_of_dt = _at(as_of, 18)

    reqs: list[cpm.Requirement] = []
    stones: list[cpm.Milestone] = []
    for i in range(n_ms):
        d = due[i]
        done_by = d.subtract(days=rng.randint(1, 10))
        for j in spans[i]:
            r = cpm.Requirement(
                id=f"REQ-{j + 1}",
                title=f"{rng.choice(_VERBS)} the {rng.choice(_THINGS)}",
                kind=rng.choice(list(cpm.RequirementKind)),
                priority=rng.choice(list(cpm.Priority)),
                estimate_days=estimates[j],
                acceptance_criteria=["Accepted by the client at the demo"],
            )
            if d < as_of.add(days=90) or rng.random() < 0.8:
                r = r.sign_off(by=client.id, at=_at(START, 11))
                finished = done_by if d < as_of else as_of.subtract(days=rng.randint(0, 30))
                if finished < as_of and (d < as_of or rng.random() < 0.15):
                    when = _at(max(START, finished), rng.randint(12, 18))
                    r = r.complete(by=rng.choice(team).id, at=min(when, as_of_dt))
            reqs.append(r)
        m = cpm.Milestone(
            id=f"M{i + 1}",
            title=f"Release {i + 1}: {rng.choice(_THINGS)}",
            due=d,
            deliverables=[f"REQ-{j + 1}" for j in spans[i]],
            depends_on=[f"M{p + 1}" for p in deps[i]],
        )
        if d < as_of.add(days=30):
            m = m.start(by="pm", at=_at(max(START, d.subtract(days=30)), 9))
        if d < as_of:
            delivered = min(_at(d, 17), as_of_dt)
            m = m.deliver(by="pm", at=delivered)
            if d < as_of.subtract(days=7) and rng.random() < 0.9:
                m = m.accept(by=client.id, at=delivered.add(days=rng.randint(1, 5)))
        stones.append(m)

    open_ids = [m.id for m, d in zip(stones, due, strict=True) if d >= as_of]
    all_ids = [m.id for m in stones]
    risks = []
    for i in range(n_risk):
        pool = open_ids if open_ids and rng.random() < 0.8 else all_ids
        risks.append(
            cpm.Risk(
                id=f"R{i + 1}",
                title=f"The {rng.choice(_THINGS)} may slip",
                probability=rng.randint(1, 5),
                impact=rng.randint(1, 5),
                owner=rng.choice(people),
                next_review=as_of.add(days=rng.randint(-20, 30)),
                strategy=rng.choice(list(cpm.RiskStrategy)),
                contingency="Move a developer from another stream",
                cost_impact=cpm.Money(rng.randint(1, 50) * 1000, "CNY"),
                affects=rng.sample(pool, min(len(pool), rng.randint(1, 3))),
            )
        )

    feedback = []
    window_start = _at(as_of.subtract(days=60), 0)
    for i in range(n_fb):
        kind = rng.choice(list(cpm.FeedbackKind))
        received = window_start.add(minutes=rng.randint(0, 60 * 24 * 60 - 1))
        responded = resolved = response = None
        if rng.random() < 0.8:
            responded = received.add(hours=rng.randint(1, 72))
            response = "Thank you, we are on it"
            if rng.random() < 0.7:
                resolved = responded.add(hours=rng.randint(0, 120))
        if responded is not None and responded > as_of_dt:
            responded = resolved = response = None
        if resolved is not None and resolved > as_of_dt:
            resolved = None
        feedback.append(
            cpm.Feedback(
                id=f"F{i + 1}",
                stakeholder=rng.choice(client_side),
                received_at=received,
                kind=kind,
                text=rng.choice(_FEEDBACK[kind]),
                channel=rng.choice(list(cpm.Channel)),
                rating=rng.randint(1, 5) if rng.random() < 0.5 else None,
                nps=rng.randint(0, 10) if rng.random() < 0.3 else None,
                responded_at=responded,
                response=response,
                resolved_at=resolved,
                about=[rng.choice(all_ids)] if rng.random() < 0.3 else [],
            )
        )

    day_rate = cpm.Money("4000", "CNY")
    weekly = capacity * 5 * 4000
    costs = [
        cpm.CostEntry(on=day, amount=cpm.Money(weekly, "CNY"), note=f"week of {day}")
        for day in (START.add(weeks=w, days=4) for w in range(400))
        if day <= as_of
    ]
    project = cpm.Project(
        key="BIG",
        name=f"Benchmark programme ({n_req:,} requirements)",
        client=client,
        stakeholders=contacts + team,
        currency="CNY",
        budget=cpm.Money(sum(estimates) * 4400, "CNY"),
        day_rate=day_rate,
        start=START,
        calendar=cal,
        daily_capacity=capacity,
        requirements=reqs,
        milestones=stones,
        risks=risks,
        feedback=feedback,
        actual_costs=costs,
    )
    return project, as_of
