"""Three-point estimates and the Monte Carlo due-date confidence."""

import random
from decimal import Decimal

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.errors import UnknownReferenceError, ValidationError
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

needs_numpy = pytest.mark.skipif(np is None, reason="numpy is not installed")
ENGINES = ["python", pytest.param("numpy", marks=needs_numpy)]

AS_OF = pendulum.date(2026, 11, 24)
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


def req(rid: str, o: int, m: int, p: int) -> cpm.Requirement:
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
        requirements=[req("R1", 2, 4, 12), req("R2", 3, 5, 10), req("R3", 1, 2, 3)],
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
    return p.replace(attrs.evolve(p.milestone("M3"), due=pendulum.date(2026, 12, 22)))


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
        p = p.replace(*flat)
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
            ({"as_of": "2026-11-24"}, r"due_date_confidence\.as_of: expected a calendar date"),
        ],
    )
    def test_invalid(self, kwargs, message):
        args = {"as_of": AS_OF, **kwargs}
        with pytest.raises(ValidationError, match=message):
            due_date_confidence(cpm.sample_project(), "M2", **args)

    def test_unknown_milestone(self):
        with pytest.raises(UnknownReferenceError, match="M9"):
            due_date_confidence(cpm.sample_project(), "M9", as_of=AS_OF)
