"""Pin :mod:`clientpm.model.stakeholder`: locales, time zones, checks and the client side."""

import pytest

from clientpm import Role, Stakeholder, ValidationError
from clientpm._checks import Checks
from clientpm.locale import SUPPORTED_LOCALES, locale_problem, normalize_locale


def problems(**fields: object) -> list[str]:
    with pytest.raises(ValidationError) as info:
        Stakeholder(**fields)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


def person(**changes: object) -> Stakeholder:
    fields = {"id": "li.wei", "name": "Li Wei", "role": "sponsor"}
    return Stakeholder(**{**fields, **changes})  # type: ignore[arg-type]


def bad_zone(value: object) -> str:
    return (
        f"Stakeholder 'li.wei'.timezone: expected an IANA zone name such as 'Asia/Shanghai', "
        f"got {value}"
    )


class TestNormalizeLocale:
    def test_supported_locales(self):
        assert ("en", "zh") == SUPPORTED_LOCALES

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("en", "en"),
            ("zh", "zh"),
            ("zh_CN", "zh"),
            ("en_US", "en"),
            ("en-GB", "en"),
            ("ZH-cn", "zh"),
            (" zh_TW ", "zh"),
            ("zh_Hans_CN", "zh"),
            ("zh-Hans-CN", "zh"),
            ("EN", "en"),
        ],
    )
    def test_maps_to_a_supported_locale(self, given, expected):
        assert expected == normalize_locale(given)

    @pytest.mark.parametrize("given", ["fr", "fr_FR", "fr-FR", "", "_zh", "-en", "english"])
    def test_keeps_unsupported_text(self, given):
        assert given == normalize_locale(given)

    @pytest.mark.parametrize("given", [None, 5, ("zh",)])
    def test_keeps_non_text(self, given):
        assert given is normalize_locale(given)


class TestCheckHelpers:
    @pytest.mark.parametrize("value", ["en", "zh"])
    def test_locale_problem_accepts(self, value):
        assert locale_problem(value) is None

    def test_locale_problem_refuses_what_is_not_normalised(self):
        assert [
            "expected a supported locale ('en' or 'zh'), got str 'zh_CN'",
            "expected a supported locale ('en' or 'zh'), got None",
        ] == [locale_problem("zh_CN"), locale_problem(None)]

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
        ] == problems(id=" li", name=None, role=None, locale=None, email=3)

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
            id="li.wei", name="Li Wei", role="sponsor", timezone=zone
        )
