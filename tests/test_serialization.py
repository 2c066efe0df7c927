"""to_dict / from_dict: JSON-safe, lossless, and precise about bad data."""

import contextlib
import json

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import clientpm as cpm
from clientpm._checks import describe
from clientpm.serialization import SCHEMA_VERSION, from_dict, to_dict
from tests.strategies import PUBLIC_TYPES, damaged_project_data, json_values, projects


class TestShapes:
    def test_sample_project_is_json_safe(self):
        """json.dumps takes the output as it is."""
        text = json.dumps(to_dict(cpm.sample_project()))
        assert '"schema_version": 1' in text

    def test_value_shapes_are_pinned(self):
        """Money, Decimal, dates, instants with zone names, enums and tags look like this."""
        data = to_dict(cpm.sample_project())
        assert {"amount": "480000.00", "currency": "CNY"} == data["budget"]
        assert "2026-12-18" == data["milestones"][1]["due"]
        assert (
            "2026-11-18T17:00:00+08:00[Asia/Shanghai]" == data["change_requests"][0]["submitted_at"]
        )
        assert "signed_off" == data["requirements"][1]["status"]
        assert "8" == data["requirements"][0]["estimate_days"]
        assert {"type": "revise_estimate", "requirement_id": "REQ-2", "estimate_days": "11"} == (
            data["change_requests"][0]["changes"][1]
        )
        assert ["2027-01-01", "2027-02-08"] == data["calendar"]["holidays"][:2]
        assert "_by_id" not in data
        assert "by_id" not in data

    def test_zone_name_survives_the_round_trip(self):
        """Asia/Shanghai comes back as Asia/Shanghai, not +08:00; fixed offsets stay fixed."""
        named = pendulum.datetime(2026, 3, 29, 1, 30, tz="Europe/London")
        fixed = pendulum.datetime(2026, 3, 29, 1, 30, tz=pendulum.fixed_timezone(19800))
        zero = pendulum.datetime(2026, 3, 29, 1, 30, tz=pendulum.fixed_timezone(0))
        utc = pendulum.datetime(2026, 3, 29, 1, 30, tz="UTC")
        for at in (named, fixed, zero, utc):
            t = from_dict(cpm.Transition, to_dict(cpm.Transition("x", None, "pm", at)))
            assert (at, at.timezone_name) == (t.at, t.at.timezone_name)

    @pytest.mark.parametrize("zone", ["localtime", "x" * 300, "posix/UTC", "utc"])
    def test_a_zone_that_is_no_iana_name_is_refused(self, zone):
        """A bracketed zone is loaded only by its IANA name, with a SerializationError otherwise."""
        data = to_dict(cpm.Transition("x", None, "pm", pendulum.datetime(2026, 1, 1, tz="UTC")))
        data["at"] = f"2026-01-01T00:00:00+00:00[{zone}]"
        with pytest.raises(cpm.ClientPMError) as info:
            from_dict(cpm.Transition, data)
        shown = describe(zone)  # a long value is shortened, keeping its length
        assert f"expected an IANA zone name in brackets, got {shown}" in str(info.value)

    @pytest.mark.parametrize("zone", ["GMT", "EST5EDT", "GB", "NZ", "PRC", "Japan", "Etc/GMT-8"])
    def test_zone_names_without_a_slash_survive_the_round_trip(self, zone):
        """A named zone comes back by name, so later DST arithmetic follows its rules."""
        at = pendulum.datetime(2026, 3, 29, 1, 30, tz=zone)
        t = from_dict(cpm.Transition, to_dict(cpm.Transition("x", None, "pm", at)))
        assert (at, zone) == (t.at, t.at.timezone_name)
        assert at.add(months=6).utcoffset() == t.at.add(months=6).utcoffset()

    def test_decimal_exact(self):
        """Decimals are strings, so nothing is lost to binary floats."""
        r = cpm.Requirement(id="R", title="x", estimate_days="0.1")
        assert "0.1" == to_dict(r)["estimate_days"]
        assert r == from_dict(cpm.Requirement, json.loads(json.dumps(to_dict(r))))

    def test_non_clientpm_object_refused(self):
        """to_dict takes clientpm objects only."""
        with pytest.raises(cpm.ValidationError, match="expected a clientpm object, got dict"):
            to_dict({"a": 1})


class TestErrors:
    def test_every_problem_with_its_path(self):
        """Bad values, unknown and missing keys, all at once, each with a JSON path."""
        data = to_dict(cpm.sample_project())
        data["milestones"][2]["due"] = "soon"
        data["risks"][0]["probability"] = 9
        data["colour"] = "blue"
        del data["name"]
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Project, data)
        assert [
            (
                "$.colour: unexpected key for Project (known: actual_costs, budget, calendar, "
                "change_requests, client, commitments, currency, daily_capacity, day_rate, end, "
                "feedback, goals, key, lessons, milestones, name, requirements, risks, "
                "stakeholders, start)"
            ),
            "$.name: missing (required for Project)",
            "$.milestones[2].due: expected a date as 'YYYY-MM-DD', got str 'soon'",
            "$.risks[0].probability: expected a whole number from 1 to 5, got int 9",
        ] == [str(p) for p in info.value.problems]

    def test_reference_problems_point_at_the_part(self):
        """A project-level reference problem gets the path of the part that has it."""
        data = to_dict(cpm.sample_project())
        data["milestones"][3]["depends_on"] = ["M9"]
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Project, data)
        assert (
            "$.milestones[3].depends_on: names unknown milestone 'M9' (known: M1, M2, M3, M4)"
            == str(info.value)
        )

    def test_unknown_change_type(self):
        """The tagged union names the tags it knows."""
        data = to_dict(cpm.sample_project())
        data["change_requests"][0]["changes"][0]["type"] = "rename"
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Project, data)
        assert str(info.value) == (
            "$.change_requests[0].changes[0].type: expected one of 'add_requirement', "
            "'move_milestone', 'remove_requirement', 'revise_estimate', got str 'rename'"
        )

    def test_wrong_schema_version(self):
        """A newer layout is refused clearly."""
        data = to_dict(cpm.sample_project())
        data["schema_version"] = 2
        with pytest.raises(cpm.SerializationError, match=r"^\$\.schema_version: expected 1, got"):
            from_dict(cpm.Project, data)

    def test_naive_instant(self):
        """An instant without an offset is refused."""
        data = to_dict(cpm.sample_project())
        data["feedback"][0]["received_at"] = "2026-11-13T11:00:00"
        with pytest.raises(cpm.SerializationError, match=r"\$\.feedback\[0\]\.received_at"):
            from_dict(cpm.Project, data)

    @pytest.mark.parametrize("junk", [None, [], "x", 3, {"key": 1}, {"client": []}])
    def test_junk_at_the_top(self, junk):
        """Anything that is not a project object is a SerializationError."""
        with pytest.raises(cpm.SerializationError):
            from_dict(cpm.Project, junk)

    def test_from_dict_needs_a_clientpm_class(self):
        """from_dict(dict, …) is refused."""
        with pytest.raises(cpm.SerializationError, match="expected a clientpm class"):
            from_dict(dict, {})


class TestProperties:
    @pytest.mark.parametrize("cls", list(PUBLIC_TYPES), ids=lambda c: c.__name__)
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(data=st.data())
    def test_round_trip(self, cls, data):
        """from_dict(T, to_dict(x)) == x for every public type, also through JSON text."""
        value = data.draw(PUBLIC_TYPES[cls])
        assert value == from_dict(cls, to_dict(value))
        assert value == from_dict(cls, json.loads(json.dumps(to_dict(value))))

    @given(projects())
    def test_project_round_trip_keeps_zones_and_history(self, project):
        """Histories and time-zone names survive."""
        back = from_dict(cpm.Project, json.loads(json.dumps(to_dict(project))))
        for before, after in zip(project.requirements, back.requirements, strict=True):
            assert [t.at.timezone_name for t in before.history] == [
                t.at.timezone_name for t in after.history
            ]

    @given(json_values)
    def test_arbitrary_json_raises_only_clientpm_errors(self, value):
        """Whatever JSON arrives, from_dict raises SerializationError or succeeds."""
        with contextlib.suppress(cpm.SerializationError):
            from_dict(cpm.Project, value)

    @given(damaged_project_data())
    def test_damaged_project_data_raises_only_clientpm_errors(self, data):
        """A valid file with one value damaged gives a SerializationError, never a crash."""
        problems = []
        try:
            from_dict(cpm.Project, data)
        except cpm.SerializationError as err:
            problems = err.problems
        assert all(p.where.startswith("$") for p in problems)

    def test_schema_version_written(self):
        """The version key is at the top only."""
        data = to_dict(cpm.sample_project())
        assert SCHEMA_VERSION == data["schema_version"]
        assert "schema_version" not in data["client"]
