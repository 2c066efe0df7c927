"""Stakeholders: locale, time zone, checks and the client side."""

import pytest

import clientpm as cpm
from clientpm import Role, Stakeholder
from tests.helpers import problems


def person(**changes: object) -> Stakeholder:
    fields = {"id": "li.wei", "name": "Li Wei", "role": "sponsor"}
    return Stakeholder(**{**fields, **changes})  # type: ignore[arg-type]


def bad_zone(value: object) -> str:
    return (
        f"Stakeholder 'li.wei'.timezone: expected an IANA zone name such as 'Asia/Shanghai', "
        f"got {value}"
    )


class TestStakeholder:
    def test_defaults(self):
        s = person()
        assert ("li.wei", "Li Wei", Role.SPONSOR, "en", "UTC", None) == (
            s.id,
            s.name,
            s.role,
            s.locale,
            s.timezone,
            s.email,
        )
        assert s.is_client is True

    def test_every_field_given(self):
        s = person(
            role=Role.PROJECT_MANAGER,
            locale="zh_CN",
            timezone="Asia/Shanghai",
            email="li.wei@example.com",
        )
        assert (Role.PROJECT_MANAGER, "zh", "Asia/Shanghai", "li.wei@example.com") == (
            s.role,
            s.locale,
            s.timezone,
            s.email,
        )
        assert s.is_client is False

    @pytest.mark.parametrize(
        ("role", "client"),
        [
            ("sponsor", True),
            ("client_contact", True),
            ("end_user", True),
            ("project_manager", False),
            ("account_manager", False),
            ("team_member", False),
            ("executive", False),
        ],
    )
    def test_is_client(self, role, client):
        assert client is person(role=role).is_client

    def test_every_field_is_checked_and_named(self):
        assert [
            (
                "Stakeholder ''.id: expected an id (non-empty text without surrounding spaces), "
                "got str ''"
            ),
            "Stakeholder ''.name: expected a non-empty text, got str ''",
            (
                "Stakeholder ''.role: expected one of 'sponsor', 'client_contact', 'end_user', "
                "'project_manager', 'account_manager', 'team_member', 'executive', got str 'boss'"
            ),
            "Stakeholder ''.locale: expected a supported locale ('en' or 'zh'), got str 'fr_FR'",
            (
                "Stakeholder ''.timezone: expected an IANA zone name such as 'Asia/Shanghai', "
                "got str 'Mars/Olympus'"
            ),
            "Stakeholder ''.email: expected a non-empty text, got str ' '",
        ] == problems(
            Stakeholder,
            id="",
            name="",
            role="boss",
            locale="fr_FR",
            timezone="Mars/Olympus",
            email=" ",
        )

    def test_label_quotes_the_id(self):
        assert [
            (
                "Stakeholder ' li'.id: expected an id (non-empty text without surrounding "
                "spaces), got str ' li'"
            ),
            "Stakeholder ' li'.name: expected a non-empty text, got None",
            (
                "Stakeholder ' li'.role: expected one of 'sponsor', 'client_contact', 'end_user', "
                "'project_manager', 'account_manager', 'team_member', 'executive', got None"
            ),
            "Stakeholder ' li'.locale: expected a supported locale ('en' or 'zh'), got None",
            "Stakeholder ' li'.email: expected a non-empty text, got int 3",
        ] == problems(Stakeholder, id=" li", name=None, role=None, locale=None, email=3)

    @pytest.mark.parametrize(
        ("zone", "shown"),
        [
            ("", "str ''"),
            (None, "None"),
            (5, "int 5"),
            ("Asia/Nowhere", "str 'Asia/Nowhere'"),
            ("utc", "str 'utc'"),
        ],
    )
    def test_bad_timezone(self, zone, shown):
        assert [bad_zone(shown)] == problems(
            Stakeholder, id="li.wei", name="Li Wei", role="sponsor", timezone=zone
        )

    def test_stakeholder_locale_normalised_and_checked(self):
        """zh_CN becomes zh; an unsupported locale is named."""
        assert "zh" == cpm.Stakeholder(id="a", name="A", role="sponsor", locale="zh_CN").locale
        with pytest.raises(cpm.ValidationError, match="expected a supported locale"):
            cpm.Stakeholder(id="a", name="A", role="sponsor", locale="fr")
