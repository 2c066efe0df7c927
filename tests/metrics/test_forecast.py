"""Three-point estimates and the Monte Carlo due-date confidence.

The tiny projects (``project()``) are hand-computed: work starts on Monday 2 November
2026, a Monday-to-Friday week in UTC without holidays, and the status date is
Wednesday 4 November, so one working day of work ends on Wednesday 4, three on
Friday 6 and five on Tuesday 10. Where the answer is random, a fixed seed gives
one exact answer per engine and distribution, pinned here as it is: a new
release of Python's ``random`` or of numpy's ``Generator`` could change it.
"""

import random
from decimal import Decimal

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.metrics import forecast
from clientpm.metrics.forecast import (
    Confidence,
    ThreePoint,
    due_date_confidence,
    pert,
    requirement_estimate,
)
from clientpm.scheduling.result import schedule

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is optional
    np = None
import datetime as dt
import sys

from clientpm import (
    Milestone,
    Money,
    Project,
    Requirement,
    Stakeholder,
    UnknownReferenceError,
    ValidationError,
    WorkCalendar,
)

try:
    import numpy
except ImportError:  # pragma: no cover - numpy is optional
    numpy = None
from tests.helpers import AS_OF, ENGINES, message, needs_numpy, problems

START = pendulum.date(2026, 1, 5)  # a Monday


AT = pendulum.datetime(2026, 1, 5, 9, tz="UTC")


class TestPert:
    def test_textbook(self):
        """The textbook PERT example: O=2, M=4, P=12 gives 5 and a sigma of 5/3."""
        t = pert(2, 4, 12)
        assert Decimal(5) == t.expected
        assert Decimal(5) / 3 == t.std_dev
        assert Decimal(25) / 9 == pytest.approx(t.variance)

    def test_symmetric(self):
        t = pert("1.5", "3", "4.5")
        assert Decimal(3) == t.expected
        assert Decimal("0.5") == t.std_dev

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ((5, 4, 12), r"ThreePoint\.optimistic: expected at most most_likely \(4\), got 5"),
            ((2, 4, 3), r"ThreePoint\.pessimistic: expected at least most_likely \(4\), got 3"),
            ((-1, 4, 12), r"ThreePoint\.optimistic: expected a number >= 0, got -1"),
            ((2.0, 4, 12), r"ThreePoint\.optimistic: expected a number .* got float 2\.0"),
        ],
    )
    def test_invalid(self, args, message):
        with pytest.raises(ValidationError, match=message):
            pert(*args)

    def test_requirement_defaults(self):
        r = cpm.Requirement(id="R1", title="T", estimate_days=4, acceptance_criteria=["a"])
        assert ThreePoint(4, 4, 4) == requirement_estimate(r)
        r2 = attrs.evolve(r, optimistic_days=Decimal(2), pessimistic_days=Decimal(9))
        assert ThreePoint(2, 4, 9) == requirement_estimate(r2)

    def test_requirement_type(self):
        with pytest.raises(ValidationError, match=r"requirement_estimate\.requirement"):
            requirement_estimate("R1")  # type: ignore[arg-type]


def estimated(rid: str, o: int, m: int, p: int) -> cpm.Requirement:
    return cpm.Requirement(
        id=rid,
        title=rid,
        estimate_days=m,
        optimistic_days=o,
        pessimistic_days=p,
        acceptance_criteria=["done"],
    ).sign_off(by="client", at=AT)


def small_project(m1_due: str = "2026-01-12", m2_due: str = "2026-01-22") -> cpm.Project:
    """M1 delivers R1 (2, 4, 12); M2 follows it and delivers R2 (3, 5, 10) and R3 (1, 2, 3)."""
    return cpm.Project(
        key="SMALL",
        name="Small",
        client=cpm.Stakeholder(id="client", name="Client", role=cpm.Role.SPONSOR),
        currency="EUR",
        budget=cpm.Money(100_000, "EUR"),
        day_rate=cpm.Money(500, "EUR"),
        start=START,
        requirements=[
            estimated("R1", 2, 4, 12),
            estimated("R2", 3, 5, 10),
            estimated("R3", 1, 2, 3),
        ],
        milestones=[
            cpm.Milestone(id="M1", title="One", due=m1_due, deliverables=["R1"]),
            cpm.Milestone(
                id="M2", title="Two", due=m2_due, deliverables=["R2", "R3"], depends_on=["M1"]
            ),
        ],
    )


def tight_sample() -> cpm.Project:
    """The sample project with M3 due on 22 December, close to its forecast."""
    p = cpm.sample_project()
    at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
    m3 = p.milestone("M3").reschedule(pendulum.date(2026, 12, 22), by="li.wei", at=at, why="tight")
    return p.replace(m3)


class TestMonteCarlo:
    @pytest.mark.parametrize("engine", ENGINES)
    def test_triangular_cdf(self, engine):
        """One milestone, one requirement (2, 4, 12), capacity 1, due on working day 6.

        On time iff the draw is <= 6: the triangular CDF above the mode is
        1 - (P - x)^2 / ((P - O)(P - M)) = 1 - 36/80 = 0.55.
        """
        p = small_project(m1_due="2026-01-12")  # Mon 5 .. Mon 12 Jan is 6 working days
        c = due_date_confidence(p, "M1", as_of=START, iterations=4000, seed=3, engine=engine)
        assert 0.55 == pytest.approx(c.probability, abs=0.03)
        assert engine == c.engine

    @pytest.mark.parametrize("distribution", ["triangular", "pert"])
    @pytest.mark.parametrize(
        ("project", "milestone", "as_of"),
        [(small_project, "M2", START), (tight_sample, "M3", AS_OF)],
    )
    @needs_numpy
    def test_engines_agree(self, project, milestone, as_of, distribution):
        p = project()
        kw = {"as_of": as_of, "iterations": 5000, "distribution": distribution}
        py = due_date_confidence(p, milestone, engine="python", seed=11, **kw)
        nu = due_date_confidence(p, milestone, engine="numpy", seed=11, **kw)
        assert 0.05 < py.probability < 0.95  # a real question, not a sure thing
        assert py.probability == pytest.approx(nu.probability, abs=0.02)
        assert abs(p.calendar.workdays_between(py.p50, nu.p50)) <= 1
        assert py.mean_workdays == pytest.approx(nu.mean_workdays, abs=0.3)

    @pytest.mark.parametrize("engine", ENGINES)
    def test_same_seed_same_result(self, engine):
        p = tight_sample()
        a = due_date_confidence(p, "M4", as_of=AS_OF, iterations=500, seed=5, engine=engine)
        b = due_date_confidence(p, "M4", as_of=AS_OF, iterations=500, seed=5, engine=engine)
        c = due_date_confidence(p, "M4", as_of=AS_OF, iterations=500, seed=6, engine=engine)
        assert a == b
        assert a.mean_workdays != c.mean_workdays

    @pytest.mark.parametrize("engine", ENGINES)
    def test_no_spread_matches_the_schedule(self, engine):
        """With O = M = P the simulation is the schedule: every percentile is its forecast."""
        p = cpm.sample_project()
        flat = [
            attrs.evolve(r, optimistic_days=None, pessimistic_days=None) for r in p.requirements
        ]
        p = attrs.evolve(p, requirements=flat)  # built so: replace() keeps signed-off content
        plan = schedule(p, as_of=AS_OF)
        for mid in ("M2", "M3", "M4"):
            c = due_date_confidence(p, mid, as_of=AS_OF, iterations=20, engine=engine)
            f = plan[mid]
            assert f.forecast == c.p50 == c.p80 == c.p95 == c.mean
            assert (1.0 if f.days_late <= 0 else 0.0) == c.probability

    def test_finished_milestone(self):
        c = due_date_confidence(cpm.sample_project(), "M1", as_of=AS_OF, iterations=10)
        assert 1.0 == c.probability
        assert pendulum.date(2026, 11, 12) == c.p95

    def test_percentiles_ordered(self):
        c = due_date_confidence(tight_sample(), "M4", as_of=AS_OF, iterations=1000)
        assert c.p50 <= c.p80 <= c.p95
        assert isinstance(c, Confidence)
        assert (1000, 0, "triangular") == (c.iterations, c.seed, c.distribution)

    def test_later_due_is_more_likely(self):
        early = due_date_confidence(
            small_project(m2_due="2026-01-20"), "M2", as_of=START, iterations=2000
        )
        late = due_date_confidence(
            small_project(m2_due="2026-01-27"), "M2", as_of=START, iterations=2000
        )
        assert early.probability < late.probability

    @needs_numpy
    def test_no_global_random_state(self):
        state, np_state = random.getstate(), np.random.get_state()
        p = tight_sample()
        due_date_confidence(p, "M4", as_of=AS_OF, iterations=50, engine="python")
        due_date_confidence(p, "M4", as_of=AS_OF, iterations=50, engine="numpy")
        assert state == random.getstate()
        after = np.random.get_state()
        assert np_state[0] == after[0]
        assert (np_state[1] == after[1]).all()

    def test_without_numpy(self, monkeypatch):
        monkeypatch.setattr(forecast, "_numpy", lambda: None)
        c = due_date_confidence(tight_sample(), "M3", as_of=AS_OF, iterations=20)
        assert "python" == c.engine
        with pytest.raises(ValidationError, match=r"due_date_confidence\.engine"):
            due_date_confidence(tight_sample(), "M3", as_of=AS_OF, engine="numpy")

    @needs_numpy
    def test_auto_prefers_numpy(self):
        c = due_date_confidence(tight_sample(), "M3", as_of=AS_OF, iterations=20)
        assert "numpy" == c.engine


class TestArguments:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"iterations": 0}, r"due_date_confidence\.iterations: expected a whole number >= 1"),
            ({"engine": "gpu"}, r"due_date_confidence\.engine: expected one of .*str 'gpu'"),
            ({"distribution": "normal"}, r"due_date_confidence\.distribution"),
            ({"seed": "x"}, r"due_date_confidence\.seed: expected a whole number"),
            ({"as_of": "2026-11-24"}, r"due_date_confidence\.as_of: expected a pendulum\.Date"),
        ],
    )
    def test_invalid(self, kwargs, message):
        args = {"as_of": AS_OF, **kwargs}
        with pytest.raises(ValidationError, match=message):
            due_date_confidence(cpm.sample_project(), "M2", **args)

    def test_unknown_milestone_of_the_sample(self):
        with pytest.raises(UnknownReferenceError, match="M9"):
            due_date_confidence(cpm.sample_project(), "M9", as_of=AS_OF)

    def test_every_argument_is_checked_and_named(self):
        assert [
            "due_date_confidence.project: expected a clientpm.Project, got int 5",
            (
                "due_date_confidence.as_of: expected a pendulum.Date or a time-zone-aware "
                "pendulum.DateTime, got str '2026-11-04'"
            ),
            "due_date_confidence.iterations: expected a whole number >= 1, got int 0",
            "due_date_confidence.seed: expected a whole number, got str 'x'",
            (
                "due_date_confidence.engine: expected one of 'auto', 'numpy', 'python', "
                "got str 'gpu'"
            ),
            (
                "due_date_confidence.distribution: expected one of 'triangular', 'pert', "
                "got str 'normal'"
            ),
        ] == problems(
            due_date_confidence,
            5,
            "M1",
            as_of="2026-11-04",
            iterations=0,
            seed="x",
            engine="gpu",
            distribution="normal",
        )

    def test_times_bools_and_none_are_refused(self):
        p = project([req("R1", 3)], [stone("M1", "2026-11-06", "R1")])
        assert [
            (
                "due_date_confidence.as_of: expected a pendulum.Date or a time-zone-aware "
                "pendulum.DateTime, got naive DateTime 2026-11-04T09:00:00"
            ),
            "due_date_confidence.iterations: expected a whole number >= 1, got bool True",
            "due_date_confidence.seed: expected a whole number, got bool False",
            "due_date_confidence.engine: expected one of 'auto', 'numpy', 'python', got None",
            "due_date_confidence.distribution: expected one of 'triangular', 'pert', got None",
        ] == problems(
            run,
            p,
            as_of=pendulum.naive(2026, 11, 4, 9),
            iterations=True,
            seed=False,
            engine=None,
            distribution=None,
        )

    def test_one_iteration_a_negative_seed_and_a_stdlib_date_are_fine(self):
        p = project([req("R1", 3)], [stone("M1", "2026-11-06", "R1")])
        expected = sure("M1", "2026-11-06", "2026-11-06", 3.0, 1.0, seed=-3)
        assert expected == run(p, seed=-3, as_of=dt.date(2026, 11, 4))

    @pytest.mark.parametrize(("mid", "shown"), [("M9", "'M9'"), (5, "5")])
    def test_unknown_milestone(self, mid, shown):
        p = project([req("R1", 3)], [stone("M1", "2026-11-06", "R1")])
        with pytest.raises(UnknownReferenceError) as info:
            run(p, mid)
        assert f"Project 'F': has no milestone {shown} (known: M1)" == str(info.value)


WED = pendulum.date(2026, 11, 4)


SIGNED_AT = pendulum.datetime(2026, 10, 30, 9, tz="UTC")


def day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def req(rid: str, low: object, most: object = None, high: object = None, **changes) -> Requirement:
    """A requirement (low, most, high); ``req("R1", 3)`` is exactly three person-days."""
    most = low if most is None else most
    high = most if high is None else high
    fields = {
        "id": rid,
        "title": f"Requirement {rid}",
        "estimate_days": most,
        "optimistic_days": low,
        "pessimistic_days": high,
        "acceptance_criteria": ["done"],
    }
    return Requirement(**{**fields, **changes})  # type: ignore[arg-type]


def done(rid: str, days: int, at: pendulum.DateTime) -> Requirement:
    return req(rid, days).sign_off(by="client", at=SIGNED_AT).complete(by="dev", at=at)


def stone(
    mid: str, due: str, *deliverables: str, after: tuple[str, ...] = (), **changes
) -> Milestone:
    fields = {"id": mid, "title": mid, "due": due, "deliverables": deliverables}
    return Milestone(**{**fields, "depends_on": after, **changes})  # type: ignore[arg-type]


def project(requirements=(), milestones=(), *, capacity: object = 1, **changes) -> Project:
    fields = {
        "key": "F",
        "name": "Forecast",
        "client": Stakeholder(id="client", name="Client", role="sponsor"),
        "currency": "EUR",
        "budget": Money(10_000, "EUR"),
        "day_rate": Money(500, "EUR"),
        "start": "2026-11-02",
        "daily_capacity": capacity,
        "requirements": requirements,
        "milestones": milestones,
    }
    return Project(**{**fields, **changes})  # type: ignore[arg-type]


def run(p: Project, mid: str = "M1", **kwargs) -> Confidence:
    """Forecast ``mid`` as of Wednesday 4 November, once, with pure Python, unless told."""
    args = {"as_of": WED, "iterations": 1, "engine": "python", **kwargs}
    return due_date_confidence(p, mid, **args)


def sure(
    mid: str,
    due: str,
    finish: str,
    workdays: float,
    probability: float,
    *,
    iterations: int = 1,
    engine: str = "python",
    distribution: str = "triangular",
    seed: int = 0,
) -> Confidence:
    """The answer when every iteration finishes on the same day."""
    return Confidence(
        milestone_id=mid,
        due=day(due),
        probability=probability,
        mean=day(finish),
        mean_workdays=workdays,
        p50=day(finish),
        p80=day(finish),
        p95=day(finish),
        iterations=iterations,
        engine=engine,
        distribution=distribution,
        seed=seed,
    )


class TestThreePoint:
    def test_textbook_values_are_exact_decimals(self):
        t = pert(2, 4, 12)
        assert (2, 4, 12) == (t.optimistic, t.most_likely, t.pessimistic)
        assert [Decimal("5"), Decimal("1.666666666666666666666666667")] == [t.expected, t.std_dev]
        # The square of the rounded standard deviation, one unit above 25/9 in the last place.
        assert Decimal("2.777777777777777777777777779") == t.variance

    def test_text_and_fractions(self):
        t = pert("1.5", 3, " 4.5 ")
        assert (Decimal("1.5"), Decimal(3), Decimal("4.5")) == (
            t.optimistic,
            t.most_likely,
            t.pessimistic,
        )
        assert (Decimal(3), Decimal("0.5"), Decimal("0.25")) == (t.expected, t.std_dev, t.variance)

    def test_zeros_and_equal_points_are_valid(self):
        assert (Decimal(0), Decimal(0)) == (ThreePoint(0, 0, 0).expected, pert(0, 0, 0).variance)
        t = ThreePoint(4, 4, 4)
        assert (Decimal(4), Decimal(0)) == (t.expected, t.std_dev)

    def test_negative_points_are_named(self):
        assert [
            "ThreePoint.optimistic: expected a number >= 0, got -3",
            "ThreePoint.most_likely: expected a number >= 0, got -2",
            "ThreePoint.pessimistic: expected a number >= 0, got -1",
        ] == problems(ThreePoint, -3, -2, -1)

    def test_non_numbers_are_named(self):
        number = "expected a number (int, Decimal or numeric text), got"
        assert [
            f"ThreePoint.optimistic: {number} float 2.0",
            f"ThreePoint.most_likely: {number} None",
            f"ThreePoint.pessimistic: {number} str 'x'",
        ] == problems(pert, 2.0, None, "x")

    def test_order_is_checked_both_ways(self):
        assert [
            "ThreePoint.optimistic: expected at most most_likely (4), got 5",
            "ThreePoint.pessimistic: expected at least most_likely (4), got 3",
        ] == problems(pert, 5, 4, 3)
        assert "ThreePoint.pessimistic: expected at least most_likely (4), got 3" == message(
            ThreePoint, 2, 4, 3
        )


class TestRequirementEstimate:
    @pytest.mark.parametrize(
        ("low", "high", "expected"),
        [
            (None, None, ThreePoint(4, 4, 4)),
            (3, None, ThreePoint(3, 4, 4)),
            (None, 9, ThreePoint(4, 4, 9)),
            (2, 9, ThreePoint(2, 4, 9)),
        ],
    )
    def test_missing_points_default_to_the_estimate(self, low, high, expected):
        r = Requirement(
            id="R1",
            title="Export",
            estimate_days=4,
            optimistic_days=low,
            pessimistic_days=high,
            acceptance_criteria=["CSV"],
        )
        assert expected == requirement_estimate(r)

    def test_only_requirements(self):
        assert (
            "requirement_estimate.requirement: expected a clientpm.Requirement, got str 'R1'"
            == message(requirement_estimate, "R1")
        )


class TestEngine:
    def test_defaults_without_numpy(self, monkeypatch):
        """Ten thousand iterations, seed 0, triangular; ``auto`` falls back to pure Python."""
        monkeypatch.setitem(sys.modules, "numpy", None)
        p = project([req("R1", 3)], [stone("M1", "2026-11-06", "R1")])
        assert sure(
            "M1", "2026-11-06", "2026-11-06", 3.0, 1.0, iterations=10_000
        ) == due_date_confidence(p, "M1", as_of=WED)

    def test_numpy_engine_without_numpy(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "numpy", None)
        p = project([req("R1", 3)], [stone("M1", "2026-11-06", "R1")])
        assert (
            "due_date_confidence.engine: expected 'auto' or 'python' when numpy is not "
            "installed, got str 'numpy' (install numpy, or use engine='auto')"
            == message(run, p, engine="numpy")
        )

    @needs_numpy
    def test_auto_prefers_numpy(self):
        p = project([req("R5", 2, 4, 12)], [stone("M1", "2026-11-11", "R5")])
        auto = run(p, engine="auto", iterations=20, seed=4)
        assert "numpy" == auto.engine
        assert run(p, engine="numpy", iterations=20, seed=4) == auto


@pytest.mark.parametrize("engine", ENGINES)
class TestSchedule:
    """Estimates with O = M = P: every iteration is the same, on both engines."""

    @pytest.mark.parametrize(("due", "probability"), [("2026-11-06", 1.0), ("2026-11-05", 0.0)])
    def test_finishing_on_the_due_date_is_on_time(self, engine, due, probability):
        p = project([req("R1", 3)], [stone("M1", due, "R1")])
        expected = sure("M1", due, "2026-11-06", 3.0, probability, iterations=2, engine=engine)
        assert expected == run(p, iterations=2, engine=engine)

    @pytest.mark.parametrize(
        ("capacity", "requirements", "finish", "workdays"),
        [
            (2, [req("R1", 3)], "2026-11-05", 2.0),  # 1.5 working days, rounded up
            ("0.3", [req("R1", "0.1"), req("R2", "0.2")], "2026-11-04", 1.0),  # not 1.0000000002
            (1, [req("R1", 2), req("R2", 3)], "2026-11-10", 5.0),
        ],
    )
    def test_effort_over_capacity_rounded_up(
        self, engine, capacity, requirements, finish, workdays
    ):
        rids = [r.id for r in requirements]
        p = project(requirements, [stone("M1", "2026-11-10", *rids)], capacity=capacity)
        expected = sure("M1", "2026-11-10", finish, workdays, 1.0, iterations=3, engine=engine)
        assert expected == run(p, iterations=3, engine=engine)

    @pytest.mark.parametrize(
        ("mid", "due", "finish", "workdays", "probability"),
        [
            ("M1", "2026-11-05", "2026-11-05", 2.0, 1.0),
            ("M2", "2026-11-10", "2026-11-10", 5.0, 1.0),  # M1's 2 days, then 3 fixed days
            ("M3", "2026-11-09", "2026-11-10", 5.0, 0.0),  # a gate: no work of its own
            ("M4", "2026-11-20", "2026-11-19", 12.0, 1.0),  # not an ancestor of M2 or M3
        ],
    )
    def test_chain_fixed_duration_and_gate(self, engine, mid, due, finish, workdays, probability):
        dues = {"M1": "2026-11-05", "M2": "2026-11-10", "M3": "2026-11-09", "M4": "2026-11-20"}
        p = project(
            [req("R1", 2), req("R4", 10)],
            [
                stone("M3", dues["M3"], after=("M2",)),
                stone("M2", dues["M2"], after=("M1",), duration_days=3),
                stone("M4", dues["M4"], "R4", after=("M1",)),
                stone("M1", dues["M1"], "R1"),
            ],
        )
        expected = sure(mid, due, finish, workdays, probability, engine=engine)
        assert expected == run(p, mid, engine=engine)

    @pytest.mark.parametrize("after", [("M1", "M2"), ("M2", "M1")])
    def test_the_latest_predecessor_wins(self, engine, after):
        p = project(
            [req("R1", 2), req("R2", 4), req("R3", 1)],
            [
                stone("M3", "2026-11-10", "R3", after=after),
                stone("M1", "2026-11-05", "R1"),
                stone("M2", "2026-11-09", "R2"),
            ],
        )
        expected = sure("M3", "2026-11-10", "2026-11-10", 5.0, 1.0, engine=engine)
        assert expected == run(p, "M3", engine=engine)

    def test_work_starts_at_the_project_start(self, engine):
        p = project([req("R1", 3)], [stone("M1", "2026-11-04", "R1")])
        expected = sure("M1", "2026-11-04", "2026-11-04", 3.0, 1.0, engine=engine)
        assert expected == run(p, engine=engine, as_of=dt.date(2026, 10, 30))

    @pytest.mark.parametrize(
        ("mid", "due", "finish", "workdays"),
        [("M1", "2026-11-09", "2026-11-09", 1.0), ("M0", "2026-11-06", "2026-11-06", 0.0)],
    )
    def test_status_date_on_a_saturday(self, engine, mid, due, finish, workdays):
        """Working day 1 is Monday 9; nothing to do finishes on the last working day before."""
        p = project([req("R1", 1)], [stone("M0", "2026-11-06"), stone("M1", "2026-11-09", "R1")])
        expected = sure(mid, due, finish, workdays, 1.0, engine=engine)
        assert expected == run(p, mid, engine=engine, as_of=pendulum.date(2026, 11, 7))

    @pytest.mark.parametrize(("due", "probability"), [("2026-11-03", 1.0), ("2026-11-02", 0.0)])
    def test_no_work_left_finished_yesterday(self, engine, due, probability):
        p = project(milestones=[stone("M1", due, duration_days=0)])
        expected = sure("M1", due, "2026-11-03", 0.0, probability, engine=engine)
        assert expected == run(p, engine=engine)

    def test_already_overdue(self, engine):
        p = project([req("R1", 1)], [stone("M1", "2026-11-02", "R1")])
        expected = sure("M1", "2026-11-02", "2026-11-04", 1.0, 0.0, engine=engine)
        assert expected == run(p, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
class TestAsOf:
    """What is finished on or before the status date is fixed; what is later is forecast."""

    @pytest.mark.parametrize(
        ("mid", "due", "finish", "workdays"),
        [("M1", "2026-11-04", "2026-11-04", 1.0), ("M2", "2026-11-09", "2026-11-09", 4.0)],
    )
    def test_delivered_on_the_status_date(self, engine, mid, due, finish, workdays):
        p = project(
            [done("R1", 5, pendulum.datetime(2026, 11, 4, 10, tz="UTC")), req("R2", 3)],
            [
                stone(
                    "M1",
                    "2026-11-04",
                    "R1",
                    status="delivered",
                    delivered_at="2026-11-04T12:00:00+00:00",
                ),
                stone("M2", "2026-11-09", "R2", after=("M1",)),
            ],
        )
        assert sure(mid, due, finish, workdays, 1.0, engine=engine) == run(p, mid, engine=engine)

    @pytest.mark.parametrize(
        ("mid", "due", "finish", "workdays", "probability"),
        [
            ("M1", "2026-11-06", "2026-11-09", -1.0, 0.0),  # accepted, delivered late on Monday
            ("M2", "2026-11-12", "2026-11-12", 2.0, 1.0),
        ],
    )
    def test_accepted_before_the_status_date(self, engine, mid, due, finish, workdays, probability):
        p = project(
            [done("R1", 5, pendulum.datetime(2026, 11, 9, 9, tz="UTC")), req("R2", 2)],
            [
                stone(
                    "M1",
                    "2026-11-06",
                    "R1",
                    status="accepted",
                    delivered_at="2026-11-09T10:00:00+00:00",
                    accepted_by="client",
                    accepted_at="2026-11-10T10:00:00+00:00",
                ),
                stone("M2", "2026-11-12", "R2", after=("M1",)),
            ],
        )
        expected = sure(mid, due, finish, workdays, probability, engine=engine)
        assert expected == run(p, mid, engine=engine, as_of=pendulum.date(2026, 11, 11))

    def test_delivered_after_the_status_date_is_forecast(self, engine):
        friday = pendulum.datetime(2026, 11, 6, 9, tz="UTC")
        p = project(
            [done("R1", 2, friday)],
            [stone("M1", "2026-11-06", "R1", status="delivered", delivered_at=friday.add(hours=3))],
        )
        expected = sure("M1", "2026-11-06", "2026-11-05", 2.0, 1.0, engine=engine)
        assert expected == run(p, engine=engine)

    @pytest.mark.parametrize(
        ("timezone", "finish", "workdays"),
        [("UTC", "2026-11-04", 1.0), ("Asia/Shanghai", "2026-11-05", 2.0)],
    )
    def test_days_are_local_to_the_calendar(self, engine, timezone, finish, workdays):
        """20:00 UTC on Wednesday is already Thursday in Shanghai: after the status date."""
        evening = pendulum.datetime(2026, 11, 4, 20, tz="UTC")
        p = project(
            [done("R1", 2, evening)],
            [stone("M1", "2026-11-06", "R1", status="delivered", delivered_at=evening)],
            calendar=WorkCalendar(timezone=timezone),
        )
        expected = sure("M1", "2026-11-06", finish, workdays, 1.0, engine=engine)
        assert expected == run(p, engine=engine)

    def test_done_and_removed_requirements_count_nothing(self, engine):
        """R1 is done by the end of the status date, R2 removed; R3 is done too late to skip."""
        p = project(
            [
                done("R1", 5, pendulum.datetime(2026, 11, 4, 23, tz="UTC")),
                req("R2", 7, status="removed"),
                done("R3", 2, pendulum.datetime(2026, 11, 5, 9, tz="UTC")),
                req("R4", 3),
            ],
            [stone("M1", "2026-11-10", "R1", "R2", "R3", "R4")],
        )
        expected = sure("M1", "2026-11-10", "2026-11-10", 5.0, 1.0, engine=engine)
        assert expected == run(p, engine=engine)


def spread_project() -> Project:
    """Every shape of estimate in one milestone, at 0.1 person-days a day so each draw shows.

    R1 has no spread, R2 a spread below one day, R3 its mode at the low end, R4 at the
    high end, and R5 is the textbook (2, 4, 12).
    """
    requirements = [
        req("R1", 3),
        req("R2", 1, "1.25", 2),
        req("R3", 1, 1, 3),
        req("R4", 2, 5, 5),
        req("R5", 2, 4, 12),
    ]
    return project(
        requirements,
        [stone("M1", "2027-06-30", "R1", "R2", "R3", "R4", "R5")],
        capacity="0.1",
    )


def seeded(
    probability: float,
    mean: str,
    workdays: float,
    p50: str,
    p80: str,
    p95: str,
    engine: str,
    distribution: str,
) -> Confidence:
    return Confidence(
        milestone_id="M1",
        due=day("2027-06-30"),
        probability=probability,
        mean=day(mean),
        mean_workdays=workdays,
        p50=day(p50),
        p80=day(p80),
        p95=day(p95),
        iterations=20,
        engine=engine,
        distribution=distribution,
        seed=7,
    )


class TestSeeded:
    @pytest.mark.parametrize(
        "expected",
        [
            seeded(
                0.9, "2027-06-04", 153.3, "2027-06-03", "2027-06-21", "2027-07-14",
                "python", "triangular",
            ),
            seeded(
                0.75, "2027-06-11", 157.9, "2027-06-11", "2027-07-07", "2027-08-02",
                "python", "pert",
            ),
            pytest.param(
                seeded(
                    0.8, "2027-06-09", 155.6, "2027-06-04", "2027-06-23", "2027-07-26",
                    "numpy", "triangular",
                ),
                marks=needs_numpy,
            ),
            pytest.param(
                seeded(
                    0.85, "2027-06-10", 156.95, "2027-06-07", "2027-06-23", "2027-07-20",
                    "numpy", "pert",
                ),
                marks=needs_numpy,
            ),
        ],
    )  # fmt: skip
    def test_twenty_iterations_with_seed_7(self, expected):
        c = run(
            spread_project(),
            iterations=20,
            seed=7,
            engine=expected.engine,
            distribution=expected.distribution,
        )
        assert expected == c

    def test_mean_rounds_half_up_and_percentiles_take_the_nearest_rank(self):
        """Seed 1 draws 4 and 9 working days: the mean 6.5 rounds to day 7 (Thursday 12).

        The median is the lower draw (Monday 9), P80 and P95 the higher (Monday 16), and
        one of the two is on time for Wednesday 11.
        """
        p = project([req("R5", 2, 4, 12)], [stone("M1", "2026-11-11", "R5")])
        assert Confidence(
            milestone_id="M1",
            due=day("2026-11-11"),
            probability=0.5,
            mean=day("2026-11-12"),
            mean_workdays=6.5,
            p50=day("2026-11-09"),
            p80=day("2026-11-16"),
            p95=day("2026-11-16"),
            iterations=2,
            engine="python",
            distribution="triangular",
            seed=1,
        ) == run(p, iterations=2, seed=1)

    @pytest.mark.parametrize("engine", ENGINES)
    @pytest.mark.parametrize("distribution", ["triangular", "pert"])
    def test_a_shared_requirement_is_drawn_once(self, engine, distribution):
        """M2 delivers R5 again after M1: each iteration it takes exactly as long as M1."""
        p = project(
            [req("R5", 2, 4, 12)],
            [stone("M1", "2026-11-11", "R5"), stone("M2", "2026-11-20", "R5", after=("M1",))],
        )
        kwargs = {"iterations": 30, "seed": 3, "engine": engine, "distribution": distribution}
        one, two = run(p, "M1", **kwargs), run(p, "M2", **kwargs)
        assert 2 * one.mean_workdays == two.mean_workdays
        assert 0.0 < one.probability < 1.0


@needs_numpy
class TestNumpyBlocks:
    """numpy draws in blocks of at most ``_BLOCK_CELLS`` (iteration, milestone or draw) cells."""

    @pytest.mark.parametrize("distribution", ["triangular", "pert"])
    def test_one_requirement_gives_the_same_answer_in_any_block_size(
        self, monkeypatch, distribution
    ):
        p = project([req("R5", 2, 4, 12)], [stone("M1", "2026-11-11", "R5")], capacity="0.1")
        kwargs = {"iterations": 7, "seed": 2, "engine": "numpy", "distribution": distribution}
        whole = run(p, **kwargs)
        monkeypatch.setattr(forecast, "_BLOCK_CELLS", 5)  # blocks of 2, 2, 2 and 1 iterations
        assert whole == run(p, **kwargs)

    @pytest.mark.parametrize(
        ("cells", "on_time", "mean", "total", "p50", "p80", "p95"),
        [
            (9, 6, "2027-01-28", 436, "2027-01-20", "2027-02-05", "2027-03-18"),  # 3, 3, 1
            (2, 4, "2027-02-05", 479, "2027-02-05", "2027-02-22", "2027-03-12"),  # 1 each
        ],
    )
    def test_blocks_with_two_draws(self, monkeypatch, cells, on_time, mean, total, p50, p80, p95):
        """Two draws and one milestone are 3 cells an iteration; a block has at least one."""
        monkeypatch.setattr(forecast, "_BLOCK_CELLS", cells)
        p = project(
            [req("R5", 2, 4, 12), req("R2", 1, "1.25", 2)],
            [stone("M1", "2027-02-05", "R5", "R2")],
            capacity="0.1",
        )
        assert Confidence(
            milestone_id="M1",
            due=day("2027-02-05"),
            probability=on_time / 7,
            mean=day(mean),
            mean_workdays=total / 7,
            p50=day(p50),
            p80=day(p80),
            p95=day(p95),
            iterations=7,
            engine="numpy",
            distribution="triangular",
            seed=2,
        ) == run(p, iterations=7, seed=2, engine="numpy")
