"""Milestone acceptance keeps which criteria the client checked, by whom and when (D15)."""

import attrs
import pendulum
import pytest

import clientpm as cpm

AT = pendulum.datetime(2026, 12, 17, 10, tz="Asia/Shanghai")


def delivered():
    p = cpm.sample_project()
    p = p.replace(p.requirement("REQ-2").complete(by="liu.yang", at=AT))
    return p.deliver_milestone("M2", by="chen.jie", at=AT)


def every_criterion(p):
    return {r: p.requirement(r).acceptance_criteria for r in p.milestone("M2").deliverables}


def test_the_acceptance_records_the_criteria_checked():
    p = delivered()
    q = p.accept_milestone("M2", by="zhang.min", at=AT.add(hours=1), checked=every_criterion(p))
    m = q.milestone("M2")
    assert (m.accepted_by, m.accepted_at) == ("zhang.min", AT.add(hours=1))
    assert m.accepted_criteria == (
        "REQ-1: Staff log in with their corporate account",
        "REQ-1: A disabled account cannot log in within 5 minutes",
        "REQ-2: Search by name, department or phone returns results in under 1 s",
    )
    assert p.milestone("M2").accepted_criteria == ()


def test_the_record_survives_a_round_trip():
    p = delivered()
    q = p.accept_milestone("M2", by="li.wei", at=AT, checked=every_criterion(p))
    back = cpm.from_dict(cpm.Project, cpm.to_dict(q))
    assert back.milestone("M2").accepted_criteria == q.milestone("M2").accepted_criteria
    assert back == q


def test_acceptance_by_the_team_is_refused():
    p = delivered()
    with pytest.raises(cpm.IllegalTransitionError, match="must be accepted by the client"):
        p.accept_milestone("M2", by="chen.jie", at=AT, checked=every_criterion(p))
    assert p.milestone("M2").status is cpm.MilestoneStatus.DELIVERED


def test_an_unchecked_criterion_is_refused():
    p = delivered()
    checked = every_criterion(p)
    checked["REQ-1"] = checked["REQ-1"][:1]
    with pytest.raises(cpm.IllegalTransitionError) as info:
        p.accept_milestone("M2", by="li.wei", at=AT, checked=checked)
    assert str(info.value) == (
        "Milestone 'M2' cannot be accepted: acceptance criteria not met: "
        "REQ-1: A disabled account cannot log in within 5 minutes"
    )
    assert p.milestone("M2").accepted_criteria == ()


def test_the_record_cannot_be_rewritten_by_replace():
    p = delivered()
    q = p.accept_milestone("M2", by="li.wei", at=AT, checked=every_criterion(p))
    m = q.milestone("M2")
    with pytest.raises(cpm.IllegalTransitionError, match="cannot change its accepted_criteria"):
        q.replace(attrs.evolve(m, accepted_criteria=["REQ-1: anything"]))
    assert q.milestone("M2") is m


def test_criteria_only_on_an_accepted_milestone():
    with pytest.raises(cpm.ValidationError, match="a planned milestone has no accepted criteria"):
        cpm.Milestone(id="M9", title="x", due="2027-01-01", accepted_criteria=["REQ-1: y"])
