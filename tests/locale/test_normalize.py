"""Locales: normalising a locale name and naming an unsupported one."""

import pytest

from clientpm.locale import SUPPORTED_LOCALES, locale_problem, normalize_locale


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


class TestLocaleProblem:
    @pytest.mark.parametrize("value", ["en", "zh"])
    def test_locale_problem_accepts(self, value):
        assert locale_problem(value) is None

    def test_locale_problem_refuses_what_is_not_normalised(self):
        assert [
            "expected a supported locale ('en' or 'zh'), got str 'zh_CN'",
            "expected a supported locale ('en' or 'zh'), got None",
        ] == [locale_problem("zh_CN"), locale_problem(None)]
