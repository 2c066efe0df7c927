"""``change_memo`` says briefly what is wrong with its arguments."""

from __future__ import annotations

import attrs
import pytest

import clientpm as cpm
from clientpm.sample import SAMPLE_AS_OF


def message(call, *args, **kwargs) -> str:
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


@pytest.fixture
def project():
    return cpm.sample_project()


@pytest.fixture
def impact(project):
    return cpm.assess_change(project, project.change_request("CR-1"), as_of=SAMPLE_AS_OF)


class TestChangeMemoArguments:
    def test_swapped_request_and_impact(self, project, impact):
        cr = project.change_request("CR-1")
        text = message(cpm.change_memo, project, impact, cr)
        assert (
            "change_memo.change_request: expected a ChangeRequest, got a ChangeImpact; "
            "pass it as impact"
        ) == text

    def test_the_impact_twice(self, project, impact):
        text = message(cpm.change_memo, project, impact, impact)
        assert len(text) < 120
        assert text.endswith("got a ChangeImpact; pass it as impact")

    def test_nothing_but_the_project(self, project):
        assert (
            "change_memo.impact: is missing: pass the ChangeImpact from clientpm.assess_change, "
            "as in change_memo(project, impact)"
        ) == message(cpm.change_memo, project)

    def test_a_request_in_place_of_the_impact(self, project):
        cr = project.change_request("CR-1")
        assert (
            "change_memo.impact: expected a ChangeImpact, got a ChangeRequest; "
            "pass it as change_request"
        ) == message(cpm.change_memo, project, impact=cr)

    def test_a_long_value_is_named_by_its_type(self, project):
        assert (
            "change_memo.change_request: expected a ChangeRequest or None, got a Project"
        ) == message(cpm.change_memo, project, project, None)

    def test_the_impact_of_another_project(self, project, impact):
        other = attrs.evolve(project.milestone("M2"), id="M2-other")
        elsewhere = attrs.evolve(
            impact,
            schedule=attrs.evolve(impact.schedule, contractual_breaches=("M2-other",)),
        )
        assert other.id not in {m.id for m in project.milestones}
        text = message(cpm.change_memo, project, elsewhere)
        assert (
            "change_memo.impact: is the impact of 'CR-1' on another project: it moves milestone "
            "'M2-other', which Project 'ACME' does not hold (known: M1, M2, M3, M4)"
        ) == text

    def test_an_unknown_request_lists_the_known_ones_sorted(self, project, impact):
        crs = [attrs.evolve(project.change_request("CR-1"), id=i) for i in ("CR-3", "CR-2")]
        other = attrs.evolve(project, change_requests=tuple(crs))
        assert (
            "change_memo.impact: is the impact of 'CR-1', which Project 'ACME' does not hold "
            "(known: CR-2, CR-3); pass the change request too"
        ) == message(cpm.change_memo, other, impact)

    def test_the_usual_forms_still_work(self, project, impact):
        cr = project.change_request("CR-1")
        assert cpm.change_memo(project, impact).title == cpm.change_memo(project, cr, impact).title
