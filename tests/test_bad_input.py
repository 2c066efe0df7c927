"""Every bad input a clear error, and nothing half-built.

Bad input raises a :class:`clientpm.ClientPMError` naming the object, the
field and the value; never a bare TypeError, KeyError, AttributeError,
OverflowError or RecursionError. Messages stay short whatever the input: a
long value keeps its start and its length, a long list its count.
"""

import json
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm._checks import describe, known
from clientpm.errors import SHOWN_CHARS, clip
from clientpm.serialization import from_dict, to_dict
from tests.helpers import message, problems, report, tiny, weekly
from tests.strategies import texts, unwritable_texts

AT = pendulum.datetime(2026, 11, 20, 10, tz="Asia/Shanghai")
#: No message may be longer than this, whatever the size of the input.
SHORT = 3 * SHOWN_CHARS + 200


def nested(depth: int) -> list[object]:
    deep: list[object] = []
    for _ in range(depth):
        deep = [deep]
    return deep


DEEP = nested(5000)


def draft(**changes: object) -> cpm.Requirement:
    fields = {"id": "R", "title": "Export", "acceptance_criteria": ["CSV"]}
    return cpm.Requirement(**{**fields, **changes})  # type: ignore[arg-type]


def risk(**changes: object) -> cpm.Risk:
    fields = {"id": "R1", "title": "x", "probability": 1, "impact": 1, "owner": "pm",
              "next_review": "2026-11-01"}  # fmt: skip
    return cpm.Risk(**{**fields, **changes})  # type: ignore[arg-type]


# -- 1. messages: no recursion, no unbounded size ---------------------------------
class TestMessages:
    @pytest.mark.parametrize(
        "build",
        [
            lambda: cpm.Requirement(id=DEEP, title="t"),
            lambda: cpm.Milestone(id="M", title="t", due="2026-12-18", deliverables=[DEEP]),
            lambda: cpm.Money(DEEP, "CNY"),
            lambda: tiny(key=DEEP),
            lambda: cpm.CostEntry(on=DEEP, amount=cpm.Money(1, "CNY")),
            lambda: from_dict(cpm.Requirement, {"id": DEEP, "title": "t"}),
        ],
        ids=["id", "list item", "money", "project key", "cost entry", "from_dict"],
    )
    def test_a_list_nested_5000_deep_is_refused_by_name(self, build):
        with pytest.raises(cpm.ValidationError) as info:
            build()
        assert "its repr raised" in str(info.value)
        assert len(str(info.value)) < SHORT

    def test_the_message_names_the_field_of_a_deep_id(self):
        assert [
            (
                "Requirement <list: its repr raised>.id: expected an id (non-empty text without "
                "surrounding spaces), got a list (its repr raised)"
            )
        ] == problems(cpm.Requirement, id=DEEP, title="t")

    def test_a_million_character_value_keeps_its_start_and_length(self):
        text = message(draft, estimate_days="x" * 1_000_000)
        assert len(text) < SHORT
        assert text.endswith("… (1000000 characters)")
        assert text.startswith(
            "Requirement 'R'.estimate_days: expected a number (int, Decimal or numeric text), "
            "got str 'xxxx"
        )

    def test_a_million_character_id_is_shortened_in_the_label_too(self):
        text = message(cpm.Requirement, id=" " + "x" * 1_000_000, title="t")
        assert len(text) < 2 * SHORT
        assert "(1000001 characters).id: expected an id" in text

    def test_a_dependency_cycle_of_50000_keeps_its_count(self):
        n = 50_000
        stones = [
            cpm.Milestone(id=f"M{i}", title="t", due="2026-12-18", depends_on=[f"M{(i + 1) % n}"])
            for i in range(n)
        ]
        with pytest.raises(cpm.DependencyCycleError) as info:
            tiny(milestones=stones)
        assert n + 1 == len(info.value.cycle)  # the error keeps the whole cycle
        assert (
            "Project 'T'.milestones: dependency cycle M0 -> M1 -> M2 -> M3 -> M4 -> M5 -> M6 -> "
            "M7 -> M8 -> M9 -> … (50001 in all) (a milestone cannot depend on itself, directly "
            "or indirectly)"
        ) == str(info.value)

    def test_many_problems_are_counted_and_kept(self):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.Milestone(id="M", title="t", due="2026-12-18", deliverables=list(range(10_000)))
        assert 10_000 == len(info.value.problems)
        lines = str(info.value).splitlines()
        assert "10000 problems:" == lines[0]
        assert "  … and 9950 more (see .problems)" == lines[-1]
        assert 52 == len(lines)

    def test_an_unknown_reference_with_a_long_id_is_short(self):
        long_id = "M" * 100_000
        stones = [cpm.Milestone(id="A", title="A", due="2026-12-18", depends_on=[long_id])]
        text = message(tiny, milestones=stones)
        assert len(text) < SHORT
        assert "(100000 characters) (known: A)" in text

    def test_describe_and_known_shorten(self):
        assert describe("x" * 10_000).endswith("… (10000 characters)")
        assert len(known(["y" * 10_000, "z"])) < SHORT
        assert "0, 1, 10, 11, 12, 13, 14, 15, 16, 17, … (20 in all)" == known(
            str(i) for i in range(20)
        )
        assert clip("abc") == "abc"


# -- 3. forms, signs and characters ------------------------------------------------
class TestMoneySigns:
    def test_money_itself_may_be_negative(self):
        assert Decimal("-1.00") == cpm.Money("-1", "CNY").amount

    @pytest.mark.parametrize("field", ["budget", "day_rate"])
    def test_a_negative_budget_or_day_rate_is_refused(self, field):
        assert [
            f"Project 'T'.{field}: expected an amount >= 0, got Money('-1.00', 'CNY')"
        ] == problems(tiny, **{field: cpm.Money("-1", "CNY")})

    def test_a_negative_risk_cost_is_refused(self):
        assert ["Risk 'R1'.cost_impact: expected an amount >= 0, got Money('-5.00', 'CNY')"] == (
            problems(risk, cost_impact=cpm.Money("-5", "CNY"))
        )

    def test_a_negative_cost_entry_is_refused(self):
        assert [
            "CostEntry 2026-11-06.amount: expected an amount >= 0, got Money('-0.01', 'CNY')"
        ] == problems(cpm.CostEntry, on="2026-11-06", amount=cpm.Money("-0.01", "CNY"))

    def test_zero_is_accepted(self):
        assert cpm.Money(0, "CNY") == tiny(budget=cpm.Money(0, "CNY")).budget


class TestTextForms:
    @pytest.mark.parametrize("text", ["2026-W01-1", "20261218", "٢٠٢٦-١٢-١٨", "2026-12-18T00:00"])
    def test_a_date_is_iso_yyyy_mm_dd_in_ascii_digits(self, text):
        assert [
            (
                "Milestone 'M'.due: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), "
                f"got str {text!r}"
            )
        ] == problems(cpm.Milestone, id="M", title="t", due=text)

    @pytest.mark.parametrize("text", ["2026-W01-1", "20261218", "٢٠٢٦-١٢-١٨"])
    def test_from_dict_reads_the_same_form(self, text):
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Milestone, {"id": "M", "title": "t", "due": text})
        assert f"$.due: expected a date as 'YYYY-MM-DD', got str {text!r}" == str(info.value)

    @pytest.mark.parametrize(
        "text", ["2026-W47-5T10:00:00+08:00", "20261120T100000+0800", "٢٠٢٦-11-20T10:00+08:00"]
    )
    def test_an_instant_is_iso_in_ascii_digits(self, text):
        assert [
            (
                "Transition.at: expected a time-zone-aware date and time (pendulum.DateTime or ISO "
                f"text with an offset), got str {text!r}"
            )
        ] == problems(cpm.Transition, "open", None, "pm", text)

    @pytest.mark.parametrize(
        "text", ["2026-11-20T10:00:00+08:00", "2026-11-20 10:00+08:00", "2026-11-20T02:00:00Z",
                 "2026-11-20T10:00:00.250+08:00", "2026-11-20T10:00+0800"],
    )  # fmt: skip
    def test_the_iso_instants_in_use_are_read(self, text):
        assert cpm.Transition("open", None, "pm", text).at.year == 2026

    @pytest.mark.parametrize("text", ["١٢", "1_000", "12 days", "0x10"])
    def test_a_number_is_ascii_decimal_text(self, text):
        assert [
            (
                "Requirement 'R'.estimate_days: expected a number (int, Decimal or numeric text), "
                f"got str {text!r}"
            )
        ] == problems(draft, estimate_days=text)
        assert [f"Money.amount: expected a numeric string such as '12.50', got {text!r}"] == (
            problems(cpm.Money, text, "CNY")
        )

    def test_from_dict_reads_numbers_the_same_way(self):
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Requirement, {"id": "R", "title": "t", "estimate_days": "١٢"})
        assert (
            "$.estimate_days: expected an exact number as text such as '12.50', got str '١٢'"
            == str(info.value)
        )


class TestUnwritableText:
    def test_a_nul_in_an_id_is_refused(self):
        assert [
            (
                "Requirement 'R\\x00'.id: expected text without NUL characters or lone surrogates, "
                "got str 'R\\x00' (holds a NUL character at index 1)"
            )
        ] == problems(draft, id="R\x00")

    def test_a_lone_surrogate_in_a_title_is_refused(self):
        assert [
            (
                "Requirement 'R'.title: expected text without NUL characters or lone surrogates, "
                "got str 'Ex\\ud800port' (holds a lone surrogate at index 2)"
            )
        ] == problems(draft, title="Ex\ud800port")

    def test_a_pair_of_surrogates_is_not_what_python_text_holds(self):
        """A real non-BMP character is one code point, and welcome."""
        assert "导出 😀" == draft(title="导出 😀").title

    @given(bad=unwritable_texts, field=st.sampled_from(
        ["id", "title", "description", "acceptance_criteria", "signed_off_by"]))  # fmt: skip
    def test_every_text_field_of_a_requirement_refuses_it(self, bad, field):
        value: object = [bad] if field == "acceptance_criteria" else bad
        extra = {"status": "signed_off", "signed_off_at": AT} if field == "signed_off_by" else {}
        if field == "signed_off_by":
            extra["signed_off_by"] = bad
        else:
            extra[field] = value
        found = problems(draft, **extra)
        where = f"{field}[0]" if field == "acceptance_criteria" else field
        assert any(
            f".{where}: expected text without NUL characters or lone surrogates" in p for p in found
        ), found

    @given(unwritable_texts)
    def test_free_texts_refuse_it_too(self, bad):
        assert [
            (
                f"Risk 'R1'.contingency: expected text without NUL characters or lone surrogates, "
                f"got {describe(bad)} ({cpm._checks.text_problem(bad)})"
            )
        ] == problems(risk, contingency=bad)

    @given(texts)
    def test_accepted_text_can_be_written_as_utf8(self, text):
        data = json.dumps(to_dict(draft(title=text, description=text)), ensure_ascii=False)
        assert data.encode("utf-8")


# -- 4. unhashable items, unknown keywords -------------------------------------------
class TestItems:
    def test_a_list_among_deliverables(self):
        assert [
            "Milestone 'M'.deliverables[0]: expected a non-empty requirement id, got list ['a']"
        ] == problems(cpm.Milestone, id="M", title="t", due="2026-12-18", deliverables=[["a"]])

    def test_a_list_in_a_cadence_audience(self):
        assert [
            "Cadence 'w'.audience[1]: expected a non-empty stakeholder id, got list ['a']"
        ] == problems(weekly, audience=["li.wei", ["a"]])

    def test_a_dict_among_interaction_participants(self):
        assert [
            (
                "Interaction 'I1'.participants[0]: expected a non-empty stakeholder id, "
                "got dict {'a': 1}"
            )
        ] == problems(report, "I1", AT, participants=[{"a": 1}, "li.wei"])

    def test_a_set_of_mixed_items_in_affects(self):
        assert [
            "Risk 'R1'.affects[0]: expected a non-empty requirement or milestone id, got int 1"
        ] == problems(risk, affects={"a", 1})

    def test_a_set_of_ids_is_still_sorted(self):
        assert ("M1", "M2") == risk(affects={"M2", "M1"}).affects

    def test_edit_refuses_an_unknown_field(self):
        text = message(draft().edit, bogus=1, by="chen.jie", at=AT)
        assert text.startswith("Requirement 'R'.edit: expected fields of Requirement (")
        assert text.endswith("got unknown bogus")

    def test_revise_refuses_an_unknown_field(self):
        signed = draft().sign_off(by="li.wei", at=AT)
        text = message(signed.revise, by="li.wei", at=AT, why="CR-1", bogus=1, other=2)
        assert text.startswith("Requirement 'R'.revise: expected fields of Requirement (")
        assert text.endswith("got unknown bogus, other")

    def test_revise_refuses_the_history_by_name(self):
        signed = draft().sign_off(by="li.wei", at=AT)
        with pytest.raises(cpm.ClientPMError) as info:
            signed.revise(by="li.wei", at=AT, why="CR-1", history=())
        assert "history" in str(info.value)


# -- 5. references ---------------------------------------------------------------------
class TestReferences:
    def feedback(self, about):
        return cpm.Feedback(
            id="F1", stakeholder="li.wei", received_at="2026-11-18T09:30:00+08:00",
            kind="question", text="When?", about=about,
        )  # fmt: skip

    def test_feedback_about_an_unknown_id_is_refused(self):
        with pytest.raises(cpm.UnknownReferenceError) as info:
            tiny(feedback=[self.feedback(["NOPE"])])
        assert (
            "Feedback 'F1'.about: names unknown requirement, milestone or change request 'NOPE' "
            "(known: A, B, C, F, R1, R2, R3, R4, RD, RX)"
        ) == str(info.value)

    def test_feedback_about_known_ids_is_accepted(self):
        project = tiny(feedback=[self.feedback(["R1", "A"])])
        assert ("R1", "A") == project.feedback[0].about

    def test_a_goal_supporting_an_unknown_id_is_refused(self):
        with pytest.raises(cpm.UnknownReferenceError) as info:
            tiny(goals=[cpm.Goal(id="G1", statement="Faster", supports=["OBJ-9"])])
        assert (
            "Goal 'G1'.supports: names unknown requirement or goal 'OBJ-9' "
            "(known: G1, R1, R2, R3, R4, RD, RX)"
        ) == str(info.value)

    def test_a_goal_may_support_a_requirement_or_another_goal(self):
        goals = [
            cpm.Goal(id="G1", statement="Faster", supports=["R1"]),
            cpm.Goal(id="G2", statement="Happier", supports=["G1"]),
        ]
        assert ("G1",) == tiny(goals=goals).goals[1].supports

    def test_the_sample_project_is_still_valid(self):
        project = cpm.sample_project()
        assert project == from_dict(cpm.Project, to_dict(project))


# -- found by fuzzing project data (tests/test_fuzz_project_data.py) -----------------
class TestFoundByFuzzing:
    @pytest.mark.parametrize(
        "build",
        [
            lambda: cpm.Stakeholder(id="a", name="b", role=DEEP),
            lambda: cpm.Requirement(id="R", title="t", priority=DEEP),
            lambda: from_dict(cpm.Stakeholder, {"id": "a", "name": "b", "role": DEEP}),
            lambda: from_dict(cpm.Requirement, {"id": "R", "title": "t", "kind": DEEP}),
        ],
        ids=["role", "priority", "from_dict role", "from_dict kind"],
    )
    def test_a_deep_list_for_an_enum_is_refused_by_name(self, build):
        """An enum field given a list 5,000 deep: a ClientPMError, not a RecursionError."""
        with pytest.raises(cpm.ClientPMError) as info:
            build()
        assert "expected one of" in str(info.value)
        assert len(str(info.value)) < SHORT

    def test_a_deep_client_role_in_project_data_is_refused_with_its_path(self):
        """The fuzz's minimal case: the sample's data with $.client.role nested 2,000 deep."""
        data = to_dict(cpm.sample_project())
        data["client"]["role"] = nested(2000)
        with pytest.raises(cpm.SerializationError) as info:
            from_dict(cpm.Project, data)
        assert ["$.client.role"] == [p.where for p in info.value.problems]
