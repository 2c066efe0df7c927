"""Promise keeping: the period, its edges, time zones, renegotiation and order."""

from decimal import Decimal

import attrs
import pendulum
import pytest

import clientpm as cpm
from clientpm.errors import ValidationError
from clientpm.metrics import UNDEFINED
from clientpm.metrics.promises import promise_keeping
from tests.helpers import AS_OF, SHANGHAI


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestPromises:
    def test_sample(self, project):
        keeping = promise_keeping(project, start=pendulum.date(2026, 11, 1), end=AS_OF)
        assert (("P3",), (), Decimal("100")) == (keeping.kept, keeping.broken, keeping.rate)

    def test_late_missed_and_overdue_count_as_broken(self, project):
        late_at = pendulum.datetime(2026, 11, 30, 10, tz=SHANGHAI)
        p1 = project.commitment("P1").keep(by="chen.jie", at=late_at)
        later = project.replace(p1)
        keeping = promise_keeping(later, start=pendulum.date(2026, 11, 1),
                                  end=pendulum.date(2026, 12, 31))  # fmt: skip
        assert ("P3",) == keeping.kept
        assert ("P1", "P2") == keeping.broken  # P1 kept late; P2 open past its due date
        assert Decimal(100) / 3 == keeping.rate

    def test_nothing_due_is_undefined(self, project):
        keeping = promise_keeping(project, start=pendulum.date(2026, 1, 1),
                                  end=pendulum.date(2026, 1, 31))  # fmt: skip
        assert UNDEFINED is keeping.rate

    def test_renegotiated_early_is_judged_on_the_new_date(self, project):
        at = pendulum.datetime(2026, 11, 20, 10, tz=SHANGHAI)
        p1 = project.commitment("P1").renegotiate(pendulum.date(2026, 12, 2), by="chen.jie",
                                                  at=at, why="IdP late")  # fmt: skip
        p1 = p1.keep(by="chen.jie", at=pendulum.datetime(2026, 12, 1, 10, tz=SHANGHAI))
        keeping = promise_keeping(project.replace(p1), start=pendulum.date(2026, 11, 1),
                                  end=pendulum.date(2026, 12, 5))  # fmt: skip
        assert (("P3", "P1"), ("P1",)) == (keeping.kept, keeping.renegotiated)

    def test_bad_period(self, project):
        with pytest.raises(cpm.ValidationError, match=r"promise_keeping\.end"):
            promise_keeping(project, start=AS_OF, end=pendulum.date(2026, 1, 1))


def test_a_promise_renegotiated_after_it_was_due_is_judged_on_the_first_date():
    """A new date agreed after missing the old one does not make a broken promise kept."""
    project = cpm.sample_project()
    at = pendulum.datetime(2026, 11, 10, 10, tz=SHANGHAI)
    late = cpm.Commitment(id="P9", promise="Send the data map", to="li.wei", made_by="chen.jie",
                          made_at=at, due="2026-11-16")  # fmt: skip
    late = late.renegotiate(
        pendulum.date(2026, 11, 23),
        by="chen.jie",
        at=pendulum.datetime(2026, 11, 19, 10, tz=SHANGHAI),
        why="forgot",
    )
    late = late.keep(by="chen.jie", at=pendulum.datetime(2026, 11, 20, 10, tz=SHANGHAI))
    keeping = promise_keeping(project.add(late), start=pendulum.date(2026, 11, 1), end=AS_OF)
    assert (("P3",), ("P9",)) == (keeping.kept, keeping.broken)


D = pendulum.date


MADE = pendulum.datetime(2026, 11, 1, 9, tz="Asia/Shanghai")


def promise(pid: str, due: str) -> cpm.Commitment:
    return cpm.Commitment(
        id=pid, promise="Do it", to="li.wei", made_by="chen.jie", made_at=MADE, due=due
    )


def kept(pid: str, due: str, at: pendulum.DateTime) -> cpm.Commitment:
    return promise(pid, due).keep(by="chen.jie", at=at)


def promised(*commitments: cpm.Commitment) -> cpm.Project:
    sample = cpm.sample_project()
    assert "Asia/Shanghai" == sample.client.timezone
    return attrs.evolve(sample, commitments=commitments)


def keeping(*commitments: cpm.Commitment, start: pendulum.Date, end: pendulum.Date):
    return promise_keeping(promised(*commitments), start=start, end=end)


class TestPeriod:
    def test_result_carries_the_period(self):
        result = keeping(start=D(2026, 11, 2), end=D(2026, 11, 9))
        assert (D(2026, 11, 2), D(2026, 11, 9)) == (result.start, result.end)
        assert ((), (), (), UNDEFINED) == (
            result.kept,
            result.broken,
            result.renegotiated,
            result.rate,
        )

    def test_one_day_period_is_allowed(self):
        at = pendulum.datetime(2026, 11, 10, 9, tz="Asia/Shanghai")
        result = keeping(kept("A", "2026-11-10", at), start=D(2026, 11, 10), end=D(2026, 11, 10))
        assert (("A",), (), Decimal(100)) == (result.kept, result.broken, result.rate)

    def test_end_before_start(self):
        with pytest.raises(ValidationError) as info:
            keeping(start=D(2026, 11, 10), end=D(2026, 11, 9))
        assert [
            (
                "promise_keeping.end: expected dates with start <= end, "
                "got Date 2026-11-10 .. Date 2026-11-09"
            )
        ] == [str(p) for p in info.value.problems]

    @pytest.mark.parametrize(
        ("start", "end"),
        [("2026-11-01", D(2026, 11, 9)), (D(2026, 11, 1), "2026-11-09")],
    )
    def test_text_dates_refused(self, start, end):
        with pytest.raises(ValidationError) as info:
            keeping(start=start, end=end)
        (problem,) = info.value.problems
        assert "promise_keeping.end" == problem.where

    def test_due_dates_on_both_edges_count(self):
        at = pendulum.datetime(2026, 11, 10, 9, tz="Asia/Shanghai")
        first = kept("A", "2026-11-10", at)
        last = kept("B", "2026-11-12", at)
        before = kept("C", "2026-11-09", at)
        after = kept("D", "2026-11-13", at)
        result = keeping(after, last, first, before, start=D(2026, 11, 10), end=D(2026, 11, 12))
        assert ("A", "B") == result.kept
        assert () == result.broken

    def test_later_promises_still_counted_after_an_earlier_one_is_skipped(self):
        at = pendulum.datetime(2026, 11, 5, 9, tz="Asia/Shanghai")
        result = keeping(
            kept("A", "2026-11-01", at),
            promise("B", "2026-11-11"),  # open on its last day: not judged yet
            promise("C", "2026-11-05"),  # open past its date: broken
            kept("D", "2026-11-06", at),
            start=D(2026, 11, 4),
            end=D(2026, 11, 11),
        )
        assert (("D",), ("C",)) == (result.kept, result.broken)
        assert Decimal(50) == result.rate


class TestJudging:
    def test_open_on_the_last_day_is_not_judged_but_open_before_is_broken(self):
        result = keeping(
            promise("A", "2026-11-12"), promise("B", "2026-11-11"), start=D(2026, 11, 1),
            end=D(2026, 11, 12),
        )  # fmt: skip
        assert ((), ("B",)) == (result.kept, result.broken)
        assert Decimal(0) == result.rate

    def test_closed_on_the_last_day_is_judged(self):
        at = pendulum.datetime(2026, 11, 12, 18, tz="Asia/Shanghai")
        result = keeping(kept("A", "2026-11-12", at), start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert (("A",), ()) == (result.kept, result.broken)

    def test_closed_after_the_period_counts_as_broken_if_due_before_the_end(self):
        at = pendulum.datetime(2026, 11, 13, 9, tz="Asia/Shanghai")
        result = keeping(kept("A", "2026-11-11", at), start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert ((), ("A",)) == (result.kept, result.broken)

    def test_kept_late_and_missed_are_broken(self):
        late = kept("A", "2026-11-05", pendulum.datetime(2026, 11, 6, 9, tz="Asia/Shanghai"))
        missed = promise("B", "2026-11-05").miss(
            by="chen.jie", at=pendulum.datetime(2026, 11, 5, 9, tz="Asia/Shanghai"), why="ill"
        )
        on_time = kept("C", "2026-11-05", pendulum.datetime(2026, 11, 5, 23, tz="Asia/Shanghai"))
        result = keeping(late, missed, on_time, start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert (("C",), ("A", "B")) == (result.kept, result.broken)
        assert Decimal(100) / 3 == result.rate

    def test_the_clients_time_zone_decides_the_day(self):
        # 17:00 UTC on the 16th is 01:00 on the 17th in Shanghai: one day late.
        late = kept("A", "2026-11-16", pendulum.datetime(2026, 11, 16, 17, tz="UTC"))
        # 15:00 UTC on the 16th is 23:00 on the 16th in Shanghai: on time.
        on_time = kept("B", "2026-11-16", pendulum.datetime(2026, 11, 16, 15, tz="UTC"))
        result = keeping(late, on_time, start=D(2026, 11, 1), end=D(2026, 11, 30))
        assert (("B",), ("A",)) == (result.kept, result.broken)

    def test_closing_after_the_end_in_the_clients_zone_is_outside_the_period(self):
        # 17:00 UTC on the 12th is already the 13th in Shanghai, after the period.
        at = pendulum.datetime(2026, 11, 12, 17, tz="UTC")
        result = keeping(kept("A", "2026-11-12", at), start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert ((), ()) == (result.kept, result.broken)

    def test_renegotiated_promises_are_listed(self):
        moved = promise("A", "2026-11-05").renegotiate(
            D(2026, 11, 8), by="chen.jie", at=pendulum.datetime(2026, 11, 3, tz="UTC"),
            why="waiting on IdP",
        )  # fmt: skip
        moved = moved.keep(by="chen.jie", at=pendulum.datetime(2026, 11, 8, 9, tz="UTC"))
        plain = kept("B", "2026-11-06", pendulum.datetime(2026, 11, 6, 9, tz="UTC"))
        result = keeping(moved, plain, start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert ("B", "A") == result.kept
        assert ("A",) == result.renegotiated


class TestRenegotiationDay:
    """A new date agreed on the due day itself still counts; from the next day it does not."""

    def moved(self, at: pendulum.DateTime) -> cpm.Commitment:
        return (
            promise("A", "2026-11-05")
            .renegotiate(D(2026, 11, 8), by="chen.jie", at=at, why="waiting on IdP")
            .keep(by="chen.jie", at=pendulum.datetime(2026, 11, 8, 9, tz="Asia/Shanghai"))
        )

    def test_agreed_on_the_due_day(self):
        a = self.moved(pendulum.datetime(2026, 11, 5, 10, tz="Asia/Shanghai"))
        result = keeping(a, start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert (("A",), ()) == (result.kept, result.broken)

    def test_agreed_the_next_day_in_the_clients_zone(self):
        # 20:00 UTC on 5 November is already 6 November in Shanghai.
        a = self.moved(pendulum.datetime(2026, 11, 5, 20, tz="UTC"))
        result = keeping(a, start=D(2026, 11, 1), end=D(2026, 11, 12))
        assert ((), ("A",)) == (result.kept, result.broken)


def test_open_on_the_last_day_does_not_hide_the_next_promise_due_then():
    at = pendulum.datetime(2026, 11, 12, 9, tz="Asia/Shanghai")
    result = keeping(
        promise("A", "2026-11-12"), kept("B", "2026-11-12", at), start=D(2026, 11, 1),
        end=D(2026, 11, 12),
    )  # fmt: skip
    assert (("B",), ()) == (result.kept, result.broken)
