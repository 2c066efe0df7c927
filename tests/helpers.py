"""What many test modules share: the error helpers, the status date and the markers.

Below them, the builders that the test modules of one package share: cadences
and interactions (communication), the sample and the tiny project with their
change requests (impact), and a SMART goal and rule context (smart).
"""

import pendulum
import pytest

import clientpm as cpm
from clientpm.communication import Cadence, Interaction
from clientpm.errors import IllegalTransitionError, ValidationError
from clientpm.impact import assess_change
from clientpm.model.goal import Goal
from clientpm.sample import SAMPLE_AS_OF
from clientpm.smart.types import SmartContext, SmartSettings
from clientpm.work_calendar import WorkCalendar

try:
    import numpy
except ImportError:  # pragma: no cover - numpy is optional
    numpy = None

SHANGHAI = "Asia/Shanghai"
AS_OF = pendulum.date(2026, 11, 24)  # the sample project's status date, a Tuesday

needs_numpy = pytest.mark.skipif(numpy is None, reason="numpy is not installed")
ENGINES = ["python", pytest.param("numpy", marks=needs_numpy)]  # the Monte Carlo engines


def failure(error: type[Exception], call, *args: object, **kwargs: object) -> str:
    """The message of the ``error`` that ``call(*args, **kwargs)`` raises."""
    with pytest.raises(error) as info:
        call(*args, **kwargs)
    return str(info.value)


def problems(call, *args: object, **kwargs: object) -> list[str]:
    """The problems, one message each, of the ValidationError ``call(...)`` raises."""
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return [str(p) for p in info.value.problems]


def message(call, *args: object, **kwargs: object) -> str:
    """The whole message of the ValidationError ``call(*args, **kwargs)`` raises."""
    return failure(ValidationError, call, *args, **kwargs)


def illegal(call, *args: object, **kwargs: object) -> str:
    """The message of the IllegalTransitionError ``call(*args, **kwargs)`` raises."""
    return failure(IllegalTransitionError, call, *args, **kwargs)


def raised(call, *args: object, **kwargs: object) -> tuple[str, str]:
    """The name and message of the ValidationError or IllegalTransitionError raised."""
    with pytest.raises((IllegalTransitionError, ValidationError)) as info:
        call(*args, **kwargs)
    return type(info.value).__name__, str(info.value)


# -- communication: cadences and interactions --------------------------------------------
NEW_YORK = "America/New_York"


MICRO = pendulum.duration(microseconds=1)


def sh(*parts: int) -> pendulum.DateTime:
    """A Shanghai date and time, e.g. ``sh(2026, 11, 6, 17)``."""
    return pendulum.datetime(*parts, tz=SHANGHAI)  # type: ignore[arg-type]


def friday_cadence(
    weekday="friday", at="17:00", timezone=SHANGHAI, start="2026-01-01", **kw
) -> Cadence:
    return Cadence.weekly(
        "weekly-report", "Weekly report", weekday=weekday, at=at, timezone=timezone,
        start=start, **kw,
    )  # fmt: skip


def weekly(**changes: object) -> Cadence:
    fields = {
        "weekday": "friday", "at": "17:00", "timezone": SHANGHAI, "start": "2026-11-02",
        **changes,
    }  # fmt: skip
    return Cadence.weekly("w", "Weekly report", **fields)  # type: ignore[arg-type]


def daily(**changes: object) -> Cadence:
    fields = {"at": "09:30", "timezone": SHANGHAI, "start": "2026-11-02", **changes}
    return Cadence.daily("d", "Stand-up", **fields)  # type: ignore[arg-type]


def emailed_report(id, at, cadence="weekly-report", **kw) -> Interaction:
    return Interaction(
        id=id, kind="report", channel="email", at=at, summary=f"Report {id}", cadence=cadence,
        **kw,
    )  # fmt: skip


def report(id: str, at: object, cadence: str = "w", **kw: object) -> Interaction:
    return Interaction(
        id=id, kind="report", channel="email", at=at, summary=f"Report {id}", cadence=cadence,
        **kw,
    )  # type: ignore[arg-type]  # fmt: skip


# -- change impact: the sample project and the tiny one ---------------------------------
SAMPLE_AT = pendulum.datetime(2026, 11, 24, 10, tz=SHANGHAI)


def sample_request(*changes, cid="CR-2"):
    return cpm.ChangeRequest(
        id=cid,
        title="Change",
        requested_by="li.wei",
        submitted_at=SAMPLE_AT,
        reason="The client asked",
        changes=list(changes),
    )


def assess_sample(project, cr, **kw):
    kw.setdefault("as_of", SAMPLE_AS_OF)
    kw.setdefault("locale", "en")
    return assess_change(project, cr, **kw)


START = pendulum.date(2026, 11, 2)


SIGNED = pendulum.datetime(2026, 10, 26, 9, tz="UTC")


AT = pendulum.datetime(2026, 11, 2, 9, tz="UTC")


def cny(amount: object) -> cpm.Money:
    return cpm.Money(amount, "CNY")


def requirement(rid: str, days: object, status: str = "signed_off") -> cpm.Requirement:
    if status == "removed":
        return cpm.Requirement(id=rid, title=rid, estimate_days=days, status="removed")
    r = cpm.Requirement(id=rid, title=rid, estimate_days=days, acceptance_criteria=["ok"])
    if status == "draft":
        return r
    r = r.sign_off(by="li.wei", at=SIGNED)
    if status == "done":
        r = r.complete(by="chen.jie", at=pendulum.datetime(2026, 10, 30, 17, tz="UTC"))
    return r


def tiny(**changes: object) -> cpm.Project:
    """The tiny, hand-computed project that tests/impact/test_assess.py describes."""
    delivered = cpm.Milestone(
        id="F", title="F", due="2026-10-30", deliverables=["RD"], duration_days=1
    )
    delivered = delivered.start(by="chen.jie", at=pendulum.datetime(2026, 10, 29, 9, tz="UTC"))
    delivered = delivered.deliver(by="chen.jie", at=pendulum.datetime(2026, 10, 30, 17, tz="UTC"))
    fields: dict[str, object] = {
        "key": "T",
        "name": "Tiny",
        "client": cpm.Stakeholder(id="li.wei", name="Li Wei", role="sponsor", locale="zh"),
        "currency": "CNY",
        "budget": cny(100_000),
        "day_rate": cny(1_000),
        "start": START,
        "end": "2026-11-13",
        "stakeholders": [
            cpm.Stakeholder(id="chen.jie", name="Chen Jie", role="project_manager"),
            cpm.Stakeholder(id="wang.fang", name="Wang Fang", role="account_manager"),
        ],
        "requirements": [
            requirement("R1", 3),
            requirement("R2", 2),
            requirement("R3", 4),
            requirement("R4", 2),
            requirement("RD", 1, "done"),
            requirement("RX", 5, "removed"),
        ],
        "milestones": [
            delivered,
            cpm.Milestone(id="A", title="A", due="2026-11-06", deliverables=["R1", "R2"]),
            cpm.Milestone(
                id="B", title="B", due="2026-11-13", deliverables=["R3"], depends_on=["A"]
            ),
            cpm.Milestone(id="C", title="C", due="2026-11-13", deliverables=["R4"]),
        ],
    }
    return cpm.Project(**{**fields, **changes})  # type: ignore[arg-type]


def request(*changes: object, cid: str = "CR-9") -> cpm.ChangeRequest:
    return cpm.ChangeRequest(
        id=cid,
        title="Change",
        requested_by="li.wei",
        submitted_at=AT,
        reason="The client asked",
        changes=list(changes),
    )


def assess(project: cpm.Project, *changes: object, **kw: object) -> cpm.ChangeImpact:
    kw.setdefault("as_of", START)
    kw.setdefault("locale", "en")
    return assess_change(project, request(*changes), **kw)  # type: ignore[arg-type]


def revise(rid: str, days: object) -> cpm.ReviseEstimate:
    return cpm.ReviseEstimate(rid, days)


# -- SMART -------------------------------------------------------------------------------
def good_goal(**changes):
    fields = {
        "id": "G1",
        "statement": "Cut the median load time of the portal home page from 3.2 s to 1.5 s",
        "metric": "median home page load time", "target": "1.5", "unit": "s",
        "baseline": "3.2", "deadline": "2027-02-26", "owner": "chen.jie", "supports": ["REQ-4"],
    }  # fmt: skip
    fields.update(changes)
    return cpm.Goal(**fields)


def context(locale="en", language="en"):
    return SmartContext(
        Goal(id="G1", statement="x"), None, AS_OF, locale, language, SmartSettings(), WorkCalendar()
    )
