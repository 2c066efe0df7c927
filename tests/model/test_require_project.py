"""One project check, one wording, for every function that takes a project."""

from __future__ import annotations

import pendulum
import pytest

import clientpm as cpm
from clientpm.model.project import require_project
from clientpm.reports.health import ReportFacts
from clientpm.sample import SAMPLE_AS_OF


def message(call, *args, **kwargs) -> str:
    with pytest.raises(cpm.ValidationError) as info:
        call(*args, **kwargs)
    return str(info.value)


class TestRequireProject:
    def test_a_project_is_returned(self):
        p = cpm.sample_project()
        assert p is require_project(p, "x.project")

    @pytest.mark.parametrize(
        ("value", "shown"),
        [(None, "None"), ("ACME", "str 'ACME'"), ({"key": "ACME"}, "dict {'key': 'ACME'}")],
    )
    def test_anything_else_is_refused(self, value, shown):
        assert f"x.project: expected a clientpm.Project, got {shown}" == message(
            require_project, value, "x.project"
        )

    def test_optional_takes_none(self):
        assert require_project(None, "check_smart.project", optional=True) is None
        assert "check_smart.project: expected a clientpm.Project or None, got int 3" == message(
            require_project, 3, "check_smart.project", optional=True
        )


GOAL = cpm.Goal(
    id="G1",
    statement="Cut onboarding time to 2 days by 2026-12-31, owned by HR",
    owner="hr",
    deadline="2026-12-31",
)


class TestEveryCallerUsesIt:
    @pytest.mark.parametrize(
        ("where", "call"),
        [
            ("weekly_report.project", lambda v: cpm.weekly_report(v, as_of=SAMPLE_AS_OF)),
            ("monthly_report.project", lambda v: cpm.monthly_report(v, as_of=SAMPLE_AS_OF)),
            ("risk_register.project", lambda v: cpm.risk_register(v, as_of=SAMPLE_AS_OF)),
            ("change_memo.project", lambda v: cpm.change_memo(v)),
            ("schedule.project", lambda v: cpm.schedule(v, as_of=SAMPLE_AS_OF)),
            ("earned_value.project", lambda v: cpm.earned_value(v, as_of=SAMPLE_AS_OF)),
            ("assess_change.project", lambda v: cpm.assess_change(v, None)),
            ("project_health.project",
             lambda v: cpm.project_health(v, as_of=SAMPLE_AS_OF, schedule=None)),
            ("ReportFacts.of.project", lambda v: ReportFacts.of(v, SAMPLE_AS_OF)),
        ],
    )  # fmt: skip
    def test_one_wording(self, where, call):
        assert f"{where}: expected a clientpm.Project, got str 'ACME'" == message(call, "ACME")

    def test_due_date_confidence_collects_it_with_the_others(self):
        text = message(cpm.due_date_confidence, "ACME", "M1", as_of="x", iterations=0)
        assert text.splitlines()[1:] == [
            "  - due_date_confidence.project: expected a clientpm.Project, got str 'ACME'",
            (
                "  - due_date_confidence.as_of: expected a pendulum.Date or a time-zone-aware "
                "pendulum.DateTime, got str 'x'"
            ),
            "  - due_date_confidence.iterations: expected a whole number >= 1, got int 0",
        ]

    def test_check_smart_takes_none_or_a_project(self):
        day = pendulum.date(2026, 11, 24)
        assert "check_smart.project: expected a clientpm.Project or None, got str 'ACME'" == (
            message(cpm.check_smart, GOAL, project="ACME", as_of=day)
        )
