"""Cost entries: conversion, checks and the owner label."""

import datetime as dt

import pendulum

from clientpm import CostEntry, Money
from tests.helpers import problems

ON = pendulum.date(2026, 11, 6)


AMOUNT = Money("20000", "CNY")


class TestFields:
    def test_defaults(self):
        e = CostEntry(on="2026-11-06", amount=AMOUNT)
        assert (ON, AMOUNT, "", None) == (e.on, e.amount, e.note, e.requirement)
        assert type(e.on) is pendulum.Date

    def test_every_field_given(self):
        e = CostEntry(on=dt.date(2026, 11, 6), amount=AMOUNT, note="week 1", requirement="REQ-1")
        assert (ON, AMOUNT, "week 1", "REQ-1") == (e.on, e.amount, e.note, e.requirement)
        assert type(e.on) is pendulum.Date

    def test_empty_note_is_text(self):
        assert "" == CostEntry(on=ON, amount=AMOUNT, note="").note

    def test_every_field_is_checked_and_named(self):
        assert [
            "CostEntry x.on: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got str 'x'",
            "CostEntry x.amount: expected Money, e.g. Money('4000', 'CNY'), got str '4000'",
            "CostEntry x.note: expected text, got int 3",
            (
                "CostEntry x.requirement: expected an id (non-empty text without surrounding "
                "spaces), got str ' R '"
            ),
        ] == problems(CostEntry, on="x", amount="4000", note=3, requirement=" R ")

    def test_owner_names_the_date(self):
        assert [
            "CostEntry 2026-11-06.amount: expected Money, e.g. Money('4000', 'CNY'), got None",
            "CostEntry 2026-11-06.note: expected text, got None",
        ] == problems(CostEntry, on="2026-11-06", amount=None, note=None)

    def test_empty_requirement(self):
        assert [
            (
                "CostEntry 2026-11-06.requirement: expected an id (non-empty text without "
                "surrounding spaces), got str ''"
            )
        ] == problems(CostEntry, on=ON, amount=AMOUNT, requirement="")

    def test_on_with_a_time(self):
        assert [
            (
                "CostEntry 2026-11-06 00:00:00+00:00.on: expected a calendar date (pendulum.Date "
                "or 'YYYY-MM-DD'), got DateTime 2026-11-06T00:00:00+00:00; use .date() to drop "
                "the time"
            )
        ] == problems(CostEntry, on=pendulum.datetime(2026, 11, 6), amount=AMOUNT)

    def test_missing_date(self):
        assert [
            "CostEntry None.on: expected a calendar date (pendulum.Date or 'YYYY-MM-DD'), got None"
        ] == problems(CostEntry, on=None, amount=AMOUNT)
