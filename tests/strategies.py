"""Hypothesis strategies for every public clientpm type.

Objects are built through the real constructors and transition methods, so
every generated value is valid by construction; ``projects()`` keeps every
cross-reference consistent and milestone dependencies acyclic (a milestone
only depends on earlier ones).
"""

import copy
import datetime as dt
import reprlib
from decimal import Decimal

import pendulum
from hypothesis import strategies as st

import clientpm as cpm

ZONES = ("Asia/Shanghai", "Europe/London", "America/New_York", "UTC")
CURRENCIES = ("CNY", "USD", "EUR", "JPY")

ids = st.from_regex(r"[A-Z]{1,3}-[0-9]{1,3}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip())
#: Free text (descriptions, notes, reasons): possibly empty, always writable as UTF-8.
free_texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)
dates = st.dates(min_value=pendulum.date(2024, 1, 1), max_value=pendulum.date(2028, 12, 31)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)
named_zones = st.sampled_from(ZONES).map(pendulum.timezone)
fixed_zones = st.integers(-12 * 60, 14 * 60).map(lambda m: pendulum.fixed_timezone(m * 60))
instants = st.builds(
    lambda dt, tz: pendulum.instance(dt.replace(tzinfo=None), tz=tz),
    st.datetimes(
        min_value=pendulum.datetime(2024, 1, 1).naive(),
        max_value=pendulum.datetime(2028, 12, 31).naive(),
    ),
    st.one_of(named_zones, fixed_zones),
)
days = st.decimals(min_value=0, max_value=200, places=1, allow_nan=False, allow_infinity=False)


def money(currency: str = "CNY", low: int = 0, high: int = 10**7):
    return st.decimals(min_value=low, max_value=high, places=2, allow_nan=False).map(
        lambda a: cpm.Money(a, currency)
    )


any_money = st.sampled_from(CURRENCIES).flatmap(money)

calendars = st.builds(
    cpm.WorkCalendar,
    timezone=st.sampled_from(ZONES),
    holidays=st.sets(dates, max_size=6),
    weekend=st.sampled_from([{5, 6}, {4, 5}, {6}]),
)


def stakeholders(sid=ids, roles=st.sampled_from(list(cpm.Role))):
    return st.builds(
        cpm.Stakeholder, id=sid, name=texts, role=roles,
        locale=st.sampled_from(["en", "zh", "zh_CN"]), timezone=st.sampled_from(ZONES),
    )  # fmt: skip


@st.composite
def requirements(draw, rid=None, people=("li.wei",)):
    estimate = draw(days)
    r = cpm.Requirement(
        id=draw(rid) if rid is not None else draw(ids), title=draw(texts),
        kind=draw(st.sampled_from(list(cpm.RequirementKind))),
        priority=draw(st.sampled_from(list(cpm.Priority))), estimate_days=estimate,
        acceptance_criteria=draw(st.lists(texts, min_size=1, max_size=3)),
        optimistic_days=draw(st.one_of(st.none(), st.just(estimate / 2))),
        pessimistic_days=draw(st.one_of(st.none(), st.just(estimate * 2))),
    )  # fmt: skip
    at = draw(instants)
    stage = draw(st.sampled_from(["draft", "signed_off", "done"]))
    if stage != "draft":
        r = r.sign_off(by=draw(st.sampled_from(people)), at=at)
    if stage == "done":
        r = r.complete(by="dev", at=at.add(days=draw(st.integers(0, 30))))
    return r


@st.composite
def milestones(draw, mid=None, earlier=(), deliverables=()):
    due = draw(dates)
    m = cpm.Milestone(
        id=draw(mid) if mid is not None else draw(ids), title=draw(texts), due=due,
        baseline_due=draw(st.one_of(st.just(due), dates)),
        depends_on=draw(st.lists(st.sampled_from(earlier), unique=True, max_size=3))
        if earlier else (),
        deliverables=draw(st.lists(st.sampled_from(deliverables), unique=True, max_size=3))
        if deliverables else (),
        duration_days=draw(st.one_of(st.none(), st.integers(0, 40))),
    )  # fmt: skip
    stage = draw(st.integers(0, 3))
    at = draw(instants)
    if stage >= 1:
        m = m.start(by="pm", at=at)
    if stage >= 2:
        m = m.deliver(by="pm", at=at.add(days=1))
    if stage >= 3:
        m = m.accept(by="li.wei", at=at.add(days=2))
    return m


def risks(owners=st.just("pm"), affects=st.just(()), currency="CNY"):
    return st.builds(
        cpm.Risk, id=ids, title=texts, probability=st.integers(1, 5), impact=st.integers(1, 5),
        owner=owners, next_review=dates, strategy=st.sampled_from(list(cpm.RiskStrategy)),
        contingency=free_texts, triggers=st.lists(texts, max_size=2),
        cost_impact=st.one_of(st.none(), money(currency)), affects=affects,
        residual_probability=st.one_of(st.none(), st.integers(1, 5)),
    )  # fmt: skip


@st.composite
def feedback(draw, people=st.just("li.wei"), fid=None):
    received = draw(instants)
    answered = draw(st.booleans())
    return cpm.Feedback(
        id=draw(fid) if fid is not None else draw(ids), stakeholder=draw(people),
        received_at=received, kind=draw(st.sampled_from(list(cpm.FeedbackKind))),
        text=draw(texts), channel=draw(st.sampled_from(list(cpm.Channel))),
        rating=draw(st.one_of(st.none(), st.integers(1, 5))),
        nps=draw(st.one_of(st.none(), st.integers(0, 10))),
        responded_at=received.add(hours=draw(st.integers(0, 72))) if answered else None,
        response=draw(texts) if answered else None,
        resolved_at=received.add(days=draw(st.integers(1, 9))) if draw(st.booleans()) else None,
    )  # fmt: skip


def goals(owners=st.one_of(st.none(), st.just("li.wei")), supports=st.lists(ids, max_size=2)):
    numbers = st.one_of(st.none(), st.decimals(-1000, 1000, places=2, allow_nan=False))
    return st.builds(
        cpm.Goal, id=ids, statement=texts, metric=st.one_of(st.none(), texts), target=numbers,
        unit=st.one_of(st.none(), st.sampled_from(["s", "%", "users"])), baseline=numbers,
        deadline=st.one_of(st.none(), dates), owner=owners,
        supports=supports,
    )  # fmt: skip


@st.composite
def commitments(draw, people=st.just("li.wei"), stones=()):
    made = draw(instants)
    p = cpm.Commitment(
        id=draw(ids), promise=draw(texts), to=draw(people), made_by="pm", made_at=made,
        due=draw(dates),
        milestone=draw(st.one_of(st.none(), st.sampled_from(stones))) if stones else None,
    )  # fmt: skip
    action = draw(st.sampled_from(["open", "keep", "miss", "renegotiate"]))
    at = made.add(days=1)
    if action == "keep":
        p = p.keep(by="pm", at=at)
    elif action == "miss":
        p = p.miss(by="pm", at=at, why="late")
    elif action == "renegotiate":
        new_due = draw(dates.filter(lambda d: d != p.due))  # a renegotiation moves the date
        p = p.renegotiate(new_due, by="pm", at=at, why="moved")
    return p


def cost_entries(currency="CNY"):
    return st.builds(cpm.CostEntry, on=dates, amount=money(currency), note=free_texts)


def assessments(currency="CNY"):
    return st.builds(
        cpm.Assessment, effort_days=st.decimals(-50, 50, places=1, allow_nan=False),
        cost=money(currency), slip_days=st.integers(-5, 30),
        recommendation=st.sampled_from(list(cpm.Recommendation)), summary=texts,
        price=st.one_of(st.none(), money(currency)), approvers=st.lists(texts, max_size=2),
    )  # fmt: skip


@st.composite
def change_requests(draw, requester="li.wei", reqs=("REQ-1",), stones=("M1",), currency="CNY",
                    new_ids=("NEW-1",), client="li.wei"):  # fmt: skip
    into = st.one_of(st.none(), st.sampled_from(stones)) if stones else st.none()
    options = [st.builds(cpm.AddRequirement, requirement=requirements(st.sampled_from(new_ids))
                         .filter(lambda r: r.status is cpm.RequirementStatus.DRAFT),
                         milestone=into)]  # fmt: skip
    if reqs:
        options += [
            st.builds(cpm.ReviseEstimate, st.sampled_from(reqs), days),
            st.builds(cpm.RemoveRequirement, st.sampled_from(reqs)),
        ]
    if stones:
        options.append(st.builds(cpm.MoveMilestone, st.sampled_from(stones), dates))
    changes = draw(st.lists(st.one_of(options), min_size=1, max_size=3))
    if len({c.requirement.id for c in changes if isinstance(c, cpm.AddRequirement)}) < sum(
        isinstance(c, cpm.AddRequirement) for c in changes
    ):
        changes = [c for c in changes if not isinstance(c, cpm.AddRequirement)] or changes[:1]
    at = draw(instants)
    cr = cpm.ChangeRequest(id=draw(ids), title=draw(texts), requested_by=requester,
                           submitted_at=at, reason=draw(texts), changes=changes)  # fmt: skip
    stage = draw(st.sampled_from(["submitted", "assessed", "approved", "rejected", "withdrawn"]))
    if stage == "withdrawn":
        return cr.withdraw(by=requester, at=at.add(hours=1), why="no longer needed")
    if stage != "submitted":
        cr = cr.assess(draw(assessments(currency)), by="pm", at=at.add(hours=1))
    if stage == "approved":
        cr = cr.approve(
            by=client,
            at=at.add(hours=2),
            billing=draw(st.sampled_from(["free", "paid"])),
            why="the client accepts the impact",
        )
    elif stage == "rejected":
        cr = cr.reject(by=client, at=at.add(hours=2), why="not now")
    return cr


transitions = st.builds(
    cpm.Transition, to_status=texts, from_status=st.one_of(st.none(), texts), by=texts,
    at=instants, why=free_texts,
)  # fmt: skip


@st.composite
def projects(draw, max_items=4):
    currency = draw(st.sampled_from(CURRENCIES))
    client = draw(stakeholders(sid=st.just("li.wei"), roles=st.just(cpm.Role.SPONSOR)))
    others = draw(st.lists(stakeholders(), max_size=3, unique_by=lambda s: s.id))
    others = [s for s in others if s.id != client.id]
    people = [client.id, *(s.id for s in others)]
    people_st = st.sampled_from(people)
    n_req = draw(st.integers(0, max_items))
    reqs = [draw(requirements(st.just(f"REQ-{i}"), people=("li.wei",))) for i in range(n_req)]
    req_ids = tuple(r.id for r in reqs)
    stones = []
    for i in range(draw(st.integers(0, max_items))):
        stones.append(draw(milestones(st.just(f"M{i}"), earlier=tuple(m.id for m in stones),
                                      deliverables=req_ids)))  # fmt: skip
    stone_ids = tuple(m.id for m in stones)
    targets = req_ids + stone_ids
    crs = []
    for i in range(draw(st.integers(0, 2))):
        cr = draw(change_requests(requester=draw(people_st), reqs=req_ids, stones=stone_ids,
                                  currency=currency, new_ids=(f"NEW-{i}",)))  # fmt: skip
        crs.append(attrs_evolve_id(cr, f"CR-{i}"))
    return cpm.Project(
        key=draw(st.from_regex(r"[A-Z]{2,5}", fullmatch=True)), name=draw(texts), client=client,
        currency=currency, budget=draw(money(currency)), day_rate=draw(money(currency, 1, 10**4)),
        start=draw(dates), calendar=draw(calendars),
        daily_capacity=draw(st.decimals(Decimal("0.5"), 10, places=1, allow_nan=False)),
        stakeholders=others, requirements=reqs, milestones=stones, change_requests=crs,
        risks=[attrs_evolve_id(r, f"R-{i}") for i, r in enumerate(draw(st.lists(
            risks(owners=people_st, currency=currency,
                  affects=st.lists(st.sampled_from(targets), unique=True, max_size=2)
                  if targets else st.just(())), max_size=3)))],
        feedback=[draw(feedback(people_st, fid=st.just(f"F-{i}")))
                  for i in range(draw(st.integers(0, 3)))],
        goals=[attrs_evolve_id(g, f"G-{i}") for i, g in
               enumerate(draw(st.lists(goals(st.one_of(st.none(), people_st), supports=st.lists(
                   st.sampled_from(req_ids), unique=True, max_size=2) if req_ids else st.just(())),
                   max_size=2)))],
        commitments=[attrs_evolve_id(p, f"P-{i}") for i, p in enumerate(draw(st.lists(
            commitments(people_st, stone_ids), max_size=2)))],
        actual_costs=draw(st.lists(cost_entries(currency), max_size=3)),
        lessons=draw(st.lists(texts, max_size=2)),
    )  # fmt: skip


def attrs_evolve_id(obj, new_id):
    """Give a generated object a fixed, unique id."""
    import attrs

    return attrs.evolve(obj, id=new_id)


#: One strategy for each public type, for the round-trip properties.
PUBLIC_TYPES = {
    cpm.Money: any_money,
    cpm.WorkCalendar: calendars,
    cpm.Stakeholder: stakeholders(),
    cpm.Requirement: requirements(),
    cpm.Milestone: milestones(),
    cpm.Risk: risks(),
    cpm.Feedback: feedback(),
    cpm.Goal: goals(),
    cpm.Commitment: commitments(),
    cpm.CostEntry: cost_entries(),
    cpm.Assessment: assessments(),
    cpm.ChangeRequest: change_requests(),
    cpm.Transition: transitions,
    cpm.AddRequirement: st.builds(
        cpm.AddRequirement,
        requirement=requirements().filter(lambda r: r.status is cpm.RequirementStatus.DRAFT),
    ),
    cpm.ReviseEstimate: st.builds(cpm.ReviseEstimate, ids, days),
    cpm.RemoveRequirement: st.builds(cpm.RemoveRequirement, ids),
    cpm.MoveMilestone: st.builds(cpm.MoveMilestone, ids, dates),
    cpm.Project: projects(),
}


# -- schedules -------------------------------------------------------------------------
#: A Shanghai calendar with two holidays and a make-up Saturday in the plans' weeks.
PLAN_CALENDAR = cpm.WorkCalendar(
    timezone="Asia/Shanghai",
    holidays=[pendulum.date(2026, 1, 13), pendulum.date(2026, 2, 2)],
    extra_workdays=[pendulum.date(2026, 1, 24)],
)


@st.composite
def milestone_plans(draw, max_size=18):
    """A project starting Monday 5 January 2026 with an acyclic plan, and a status date.

    Up to ``max_size`` milestones, each depending only on earlier ones, listed in any order;
    some of the first three are delivered. Returns ``(project, as_of)``.
    """
    monday = pendulum.date(2026, 1, 5)
    at = pendulum.datetime(2026, 1, 5, 9, tz="Asia/Shanghai")
    n = draw(st.integers(1, max_size))
    stones = []
    for i in range(n):
        deps = draw(st.lists(st.integers(0, i - 1), max_size=3, unique=True)) if i else []
        due = monday.add(days=draw(st.integers(-3, 45)))
        m = cpm.Milestone(
            id=f"M{i}",
            title="m",
            due=due,
            duration_days=draw(st.integers(0, 6)),
            depends_on=[f"M{j}" for j in deps],
        )
        if i < 3 and draw(st.booleans()):
            m = m.deliver(by="pm", at=at.add(days=draw(st.integers(0, 6))))
        stones.append(m)
    order = draw(st.permutations(stones))
    as_of = monday.add(days=draw(st.integers(0, 10)))
    project = cpm.Project(
        key="T",
        name="Test",
        client=cpm.Stakeholder(id="li.wei", name="Li Wei", role=cpm.Role.SPONSOR),
        stakeholders=[
            cpm.Stakeholder(id="chen.jie", name="Chen Jie", role=cpm.Role.PROJECT_MANAGER)
        ],
        currency="CNY",
        budget=cpm.Money("100000", "CNY"),
        day_rate=cpm.Money("1000", "CNY"),
        start=monday,
        calendar=PLAN_CALENDAR,
        daily_capacity=1,
        milestones=list(order),
    )
    return project, as_of


# -- metrics ---------------------------------------------------------------------------
dollars = money("USD", high=10**9)
csat_ratings = st.lists(st.integers(1, 5), max_size=30)
nps_scores = st.lists(st.integers(0, 10), max_size=30)


# -- communication ---------------------------------------------------------------------
CADENCE_ZONES = ["America/New_York", "Europe/London", "Asia/Shanghai", "UTC"]
# 01:00-02:59 is left out: it may not exist (spring forward) in New York or London
CADENCE_HOURS = [h for h in range(24) if h not in (1, 2)]

#: Weekly report cadences from 2020 on, any weekday and wall time, in four zones.
weekly_cadences = st.builds(
    lambda weekday, hour, minute, zone: cpm.communication.Cadence.weekly(
        "weekly-report", "Weekly report", weekday=weekday, at=f"{hour:02d}:{minute:02d}",
        timezone=zone, start="2020-01-01",
    ),
    st.sampled_from(cpm.communication.WEEKDAYS),
    st.sampled_from(CADENCE_HOURS),
    st.integers(0, 59),
    st.sampled_from(CADENCE_ZONES),
)  # fmt: skip
cadence_days = st.dates(
    min_value=pendulum.date(2024, 1, 1), max_value=pendulum.date(2030, 12, 31)
).map(lambda d: pendulum.date(d.year, d.month, d.day))


# -- money -----------------------------------------------------------------------------
money_amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
#: Currencies with 2, 0 (JPY) and 3 (KWD) minor digits.
currency_codes = st.sampled_from(["CNY", "USD", "EUR", "JPY", "KWD"])


# -- serialization ---------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def damaged_project_data(draw):
    """A valid project's data with one value replaced by junk or one key deleted."""
    data = cpm.to_dict(cpm.sample_project())
    node = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return data
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        if isinstance(node, dict) and draw(st.booleans()):
            del node[key]
        else:
            node[key] = draw(json_values)
        return data


# -- work calendars --------------------------------------------------------------------
calendar_days = st.dates(
    min_value=pendulum.date(2024, 1, 1), max_value=pendulum.date(2027, 12, 31)
).map(lambda d: pendulum.date(d.year, d.month, d.day))
#: Calendars with up to 15 holidays and any of four weekends.
weekend_calendars = st.builds(
    cpm.WorkCalendar,
    holidays=st.sets(calendar_days, max_size=15),
    weekend=st.sampled_from([{5, 6}, {4, 5}, {6}, set()]),
)


# -- domain bounds and bad text (tests/test_bad_input.py, tests/model/test_bounds.py) ---------
#: Calendar days inside the domain bounds, years 1900 to 2200.
dates_within_bounds = st.dates(
    min_value=pendulum.date(1900, 1, 1), max_value=pendulum.date(2200, 12, 31)
).map(lambda d: pendulum.date(d.year, d.month, d.day))
#: Calendar days outside the domain bounds, anywhere Python can hold a date.
dates_beyond_bounds = st.one_of(
    st.dates(max_value=dt.date(1899, 12, 31)),
    st.dates(min_value=dt.date(2201, 1, 1)),
).map(lambda d: pendulum.date(d.year, d.month, d.day))
#: Non-blank texts holding at least one NUL or lone surrogate somewhere.
unwritable_texts = st.tuples(
    st.text(max_size=5),
    st.sampled_from(["\x00", "\ud800", "\udfff", "\udc80"]),
    st.text(max_size=5),
).map(lambda parts: f"x{parts[0]}{parts[1]}{parts[2]}x")


# -- fuzzing project data (tests/test_fuzz_project_data.py) ----------------------------
#: Text a person might paste, or a file might carry: NUL, lone surrogates, bidi marks,
#: stacked combining marks, zero-width and BOM characters, emoji, very long runs.
odd_texts = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\ud800",
            "x\udfffx",
            "\u202eevil\u202c",
            "\u200f\u200e",
            "\u0645\u0631\u062d\u0628\u0627",
            "e" + "\u0301" * 50,
            "\u0301",
            "\ufeff",
            "\u200b",
            "\U0001f600\u200d\U0001f4bb",
            "<script>alert(1)</script>",
            "**bold** | pipe | `x`",
            "&amp; &#0; &",
            "line\nbreak\r\n",
            "\t",
            "\x1b[31m",
            "\uffff",
            "\U0010ffff",
            "x" * 100_000,
            "\u4e2d" * 20_000,
            "\u202e" * 1_000,
        ]
    ),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=("Mn", "Cf", "Zs", "Zl", "Zp", "Co")), max_size=30),
)
#: Numbers at and past every edge, as JSON numbers and as the decimal strings the data uses.
extreme_numbers = st.sampled_from([
    0, -1, 1, 5, 6, 2**31, 2**63, -(2**63), 10**400, -(10**400), 1e308, -1e308, 5e-324, 1e-300,
    float("inf"), float("-inf"), float("nan"), -0.0, True, False,
    "0", "-0", "0.0", "-1", "1e3", "1E+999999999", "1e-999999999", "NaN", "sNaN", "-sNaN",
    "Infinity", "-Infinity", "inf", "0x10", "1_000", " 1", "1 ", "١٢", "\uff11", "9" * 5000,
    "0." + "0" * 5000 + "1", "1" + "0" * 400, "-99999999999999999999", "0.000001",
    "100000000", "0.5", "1.23456789012345678901234567890",
])  # fmt: skip
#: Dates and instants at and past the domain's bounds, malformed or odd but well-formed.
extreme_dates = st.sampled_from([
    "0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01",
    "2026-02-29", "2028-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "+10000-01-01",
    "-0001-01-01", "2026-1-1", "20261118", "2026-W47-2", "2026-322", "2026-11-24T00:00:00",
    "1970-01-01", "2026-11-24", "2026-11-23", "2026-11-25", "2024-01-01", "2030-06-30",
    "2026-11-18T17:00:00+08:00[Asia/Shanghai]", "2026-11-18T17:00:00+08:00",
    "2026-11-18T17:00:00Z", "2026-11-18T17:00:00", "2026-11-18T17:00:00+23:59",
    "2026-11-18T17:00:00-23:59", "2026-11-18T17:00:00+24:00", "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
    "2026-03-29T01:30:00+00:00[Europe/London]", "2026-03-08T02:30:00-05:00[America/New_York]",
    "2026-11-18T17:00:00+08:00[Mars/Olympus]", "2026-11-18T17:00:00+08:00[]",
    "2026-11-18T17:00:00.999999999+08:00", "2026-11-18T24:00:00+08:00",
    "2026-11-18T17:00:60+08:00", "1900-01-01T00:00:00+00:00[UTC]",
    "2200-12-31T23:59:59+00:00[UTC]", "2201-01-01T00:00:00+00:00[UTC]",
])  # fmt: skip
#: Values of every JSON type, and some Python types that JSON has not.
junk_values = st.one_of(
    json_values, odd_texts, extreme_numbers, extreme_dates,
    st.sampled_from([None, True, [], {}, [None], {"": None}, [[[]]], {"type": None},
                     ("a",), b"bytes", {1: "int key"}, {None: 1}, object(), 1j, Decimal("1")]),
)  # fmt: skip
#: The id-keyed collections of a project and the reference fields in their items.
_REFERENCES = {
    "milestones": ("depends_on", "deliverables"),
    "risks": ("affects", "owner"),
    "goals": ("supports", "owner"),
    "commitments": ("milestone", "to", "made_by"),
    "feedback": ("stakeholder",),
    "change_requests": ("requested_by",),
    "requirements": ("signed_off_by",),
}


def _paths(node, prefix=(), depth=12):
    """Every path (a tuple of keys and indices) inside ``node``, the root excepted.

    A deeply nested value (made by an earlier mutation) is walked to ``depth`` only.
    """
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in items:
        yield (*prefix, key)
        if isinstance(child, (dict, list)) and depth:
            yield from _paths(child, (*prefix, key), depth - 1)


#: Keys whose values are prose: what reports show, where odd Unicode matters most.
_PROSE = {
    "name", "title", "description", "why", "reason", "summary", "text", "response",
    "contingency", "statement", "promise", "note", "metric", "unit", "email", "lessons",
    "acceptance_criteria", "triggers",
}  # fmt: skip


def _leaf_mutation(draw, value):
    """A replacement for ``value``: most often of its own kind, so the data may still load."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(junk_values)
    if isinstance(value, str):
        return draw(st.one_of(odd_texts, extreme_dates, extreme_numbers.map(str)))
    if isinstance(value, bool) or value is None:
        return draw(st.one_of(extreme_numbers, odd_texts, extreme_dates))
    if isinstance(value, (int, float)):
        return draw(extreme_numbers)
    if isinstance(value, list):
        if value and draw(st.booleans()):
            return value * draw(st.integers(2, 50))  # many copies, and duplicates
        return draw(st.lists(junk_values, max_size=3))
    return draw(junk_values)


def _nest(value, depth):
    for i in range(depth):
        value = [value] if i % 2 else {"x": value}
    return value


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxlevel, _SHORT_REPR.maxstring, _SHORT_REPR.maxother = 4, 60, 60


def _shown(value):
    """A short repr: a deep or long value would drown the report of a failing example."""
    return _SHORT_REPR.repr(value)


def _mutate(draw, data):
    """Apply one mutation to ``data`` in place; return what it did, briefly."""
    action = draw(st.sampled_from(["prose", "prose", "prose", "leaf", "leaf", "leaf", "delete",
                                   "nest", "duplicate", "cycle", "unknown", "add_key",
                                   "retype"]))  # fmt: skip
    if action == "duplicate":  # an item twice, or another item's id
        field = draw(st.sampled_from([k for k in _REFERENCES if data.get(k)] or ["requirements"]))
        items = data.get(field)
        if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
            i, j = draw(st.integers(0, len(items) - 1)), draw(st.integers(0, len(items) - 1))
            if draw(st.booleans()):
                # A shallow copy: a deep one recurses past the limit on a value that an
                # earlier mutation nested 2,000 deep. The copy shares nested values only.
                items.append(copy.copy(items[i]))
                return f"{field}[{i}] appended again"
            items[i]["id"] = items[j].get("id")
            return f"{field}[{i}].id = {_shown(items[j].get('id'))}"
    if action == "cycle":  # milestone dependencies that go round
        stones = data.get("milestones")
        if isinstance(stones, list) and stones and all(isinstance(m, dict) for m in stones):
            picked = draw(st.lists(st.integers(0, len(stones) - 1), min_size=1, max_size=4))
            ids = [stones[k].get("id") for k in picked]
            for k, nxt in zip(picked, [*ids[1:], ids[0]], strict=True):
                deps = stones[k].get("depends_on")
                stones[k]["depends_on"] = [*(deps if isinstance(deps, list) else []), nxt]
            return f"milestones {picked} depend on each other in a ring"
    if action == "unknown":  # a reference to nothing, or to something of the wrong kind
        field = draw(st.sampled_from(sorted(_REFERENCES)))
        items = data.get(field)
        if isinstance(items, list) and items and isinstance(items[0], dict):
            k = draw(st.integers(0, len(items) - 1))
            ref = draw(st.sampled_from(_REFERENCES[field]))
            target = draw(st.sampled_from(["NOPE", "M1", "REQ-1", "li.wei", "CR-1", "", "R1"]))
            if isinstance(items[k], dict):
                items[k][ref] = [target] if isinstance(items[k].get(ref), list) else target
                return f"{field}[{k}].{ref} = {items[k][ref]!r}"
    paths = list(_paths(data))
    if action == "prose":  # the text a report shows: odd Unicode, long runs, markup
        prose = [p for p in paths if p[-1] in _PROSE or (len(p) > 1 and p[-2] in _PROSE)]
        paths = prose or paths
        action = "leaf"
    path = draw(st.sampled_from(paths))
    *parents, key = path
    node = data
    for p in parents:
        node = node[p]
    value = node[key]
    where = "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
    if action == "delete":
        del node[key]
        return f"del {where}"
    if action == "nest":
        depth = draw(st.sampled_from([1, 2, 3, 10, 100, 2_000]))
        node[key] = _nest(value, depth)
        return f"{where} nested {depth} deep"
    if action == "add_key" and isinstance(node, dict):
        new = draw(st.one_of(odd_texts, st.sampled_from(["id", "schema_version", "type"])))
        node[new] = draw(junk_values)
        return f"{where[: -len(str(key)) - 1]}[{_shown(new)}] = {_shown(node[new])}"
    if action == "retype":  # a dict where a list is, a list where a dict is
        node[key] = [value] if isinstance(value, dict) else {"0": value}
        return f"{where} = {_shown(node[key])}"
    node[key] = _leaf_mutation(draw, value)
    return f"{where} = {_shown(node[key])}"


class MutatedData:
    """Project data (``.data``) and the mutations that made it (``.mutations``).

    Hypothesis shows the mutations, not the data: that may be nested thousands deep.
    """

    def __init__(self, data, mutations):
        self.data, self.mutations = data, mutations

    def __repr__(self):
        return f"MutatedData(sample with: {'; '.join(self.mutations)})"

    def _repr_pretty_(self, printer, cycle):
        printer.text(repr(self))


@st.composite
def mutated_project_data(draw, max_mutations=4):
    """The sample project's data with one to ``max_mutations`` mutations, as MutatedData.

    Mutations: delete a key or list item, replace a value (junk of every JSON type, or a
    value of its own kind at the edges: odd Unicode, extreme numbers and dates), nest a
    value deeply, duplicate an item or an id, make milestone dependencies go round, point
    a reference at nothing, add an unknown key, turn a dict into a list or back.
    """
    data = cpm.to_dict(cpm.sample_project())
    # Mostly one mutation, so that a fair share of the examples still loads.
    count = draw(st.sampled_from([1, 1, 1, *range(2, max_mutations + 1)]))
    done = [_mutate(draw, data) for _ in range(count)]
    return MutatedData(data, done)
