"""The shared field checks: time zones and the list of known ids."""

import pytest

from clientpm._checks import Checks, known


class TestTimezone:
    @pytest.mark.parametrize("value", ["UTC", "Etc/UTC", "Asia/Shanghai", "Europe/Berlin"])
    def test_check_timezone_accepts(self, value):
        c = Checks("X")
        c.timezone("tz", value)
        assert [] == c.problems

    def test_check_timezone_refuses(self):
        c = Checks("X")
        for value in ("Mars/Olympus", "", " UTC", "utc", "Utc", "asia/shanghai", None, 5):
            c.timezone("tz", value)
        message = "X.tz: expected an IANA zone name such as 'Asia/Shanghai', got "
        assert [
            message + "str 'Mars/Olympus'",
            message + "str ''",
            message + "str ' UTC'",
            message + "str 'utc'",
            message + "str 'Utc'",
            message + "str 'asia/shanghai'",
            message + "None",
            message + "int 5",
        ] == [str(p) for p in c.problems]


class TestKnown:
    def test_sorted_and_joined(self):
        assert "a, b, c" == known(["c", "a", "b"])

    def test_an_empty_list_is_none(self):
        assert "none" == known([])

    def test_limit_is_ten_by_default(self):
        ten = [f"R{i:02}" for i in range(10, 0, -1)]
        assert "R01, R02, R03, R04, R05, R06, R07, R08, R09, R10" == known(ten)
        assert "R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, … (11 in all)" == known(
            [*ten, "R11"]
        )

    def test_explicit_limit(self):
        assert "a, b, … (3 in all)" == known(["c", "b", "a"], limit=2)
        assert "a, b" == known(["b", "a"], limit=2)

    def test_lists_sorted_ids(self):
        assert "a, b, c" == known(["c", "a", "b"])

    def test_nothing_known(self):
        assert "none" == known([])

    def test_ten_are_shown_in_full(self):
        ids = [f"M{n:02}" for n in range(10)]
        assert ", ".join(ids) == known(ids)

    def test_more_than_ten_are_cut(self):
        ids = [f"M{n:02}" for n in range(11)]
        assert ", ".join(ids[:10]) + ", … (11 in all)" == known(ids)
