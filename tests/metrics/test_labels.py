"""Labels of the metrics (risk levels, matrix steps, UNDEFINED) read the catalogues."""

import pytest

import clientpm as cpm
from clientpm.locale import SUPPORTED_LOCALES, Catalogue, catalogue, say
from clientpm.metrics.ratio import UNDEFINED
from clientpm.metrics.risk_matrix import DEFAULT_MATRIX, RiskLevel, RiskMatrix

THREE = (("a", "甲"), ("b", "乙"), ("c", "丙"))


@pytest.fixture
def purple(monkeypatch):
    """English reads a changed catalogue for one test, as a third language would."""
    import clientpm.locale as loc

    def use(**changed):
        changed_en = Catalogue("en", {**catalogue("en"), **changed})
        monkeypatch.setitem(loc._LOADED, "en", changed_en)

    return use


class TestRiskLevel:
    @pytest.mark.parametrize("code", SUPPORTED_LOCALES)
    def test_each_level_is_its_catalogue_message(self, code):
        assert [say(code, f"risk.level.{level.value}") for level in RiskLevel] == [
            level.label(code) for level in RiskLevel
        ]

    def test_a_user_spelling_is_normalised(self):
        assert ["低", "中", "高", "极高"] == [level.label("zh_CN") for level in RiskLevel]
        assert "critical" == RiskLevel.CRITICAL.label("en-GB")

    @pytest.mark.parametrize("locale", ["fr", "", None, 3])
    def test_an_unsupported_locale_is_refused(self, locale):
        with pytest.raises(cpm.ValidationError, match=r"^RiskLevel\.label\.locale: expected a "):
            RiskLevel.HIGH.label(locale)

    def test_the_words_come_from_the_catalogue(self, purple):
        purple(**{"risk.level.high": "HIGH"})
        assert "HIGH" == RiskLevel.HIGH.label()


class TestMatrixSteps:
    @pytest.mark.parametrize("code", SUPPORTED_LOCALES)
    def test_default_steps_are_their_catalogue_messages(self, code):
        rows, columns = DEFAULT_MATRIX.size
        assert [say(code, f"risk.probability.{p}") for p in range(1, rows + 1)] == [
            DEFAULT_MATRIX.probability_label(p, code) for p in range(1, rows + 1)
        ]
        assert [say(code, f"risk.impact.{i}") for i in range(1, columns + 1)] == [
            DEFAULT_MATRIX.impact_label(i, code) for i in range(1, columns + 1)
        ]

    def test_the_default_pairs_are_the_catalogue_words(self):
        """``probability_labels`` keeps its (English, Chinese) shape, with the catalogue's words."""
        assert DEFAULT_MATRIX.probability_labels == tuple(
            (say("en", f"risk.probability.{p}"), say("zh", f"risk.probability.{p}"))
            for p in range(1, 6)
        )
        assert DEFAULT_MATRIX.impact_labels == tuple(
            (say("en", f"risk.impact.{i}"), say("zh", f"risk.impact.{i}")) for i in range(1, 6)
        )

    def test_examples(self):
        assert ("possible", "可能") == (
            DEFAULT_MATRIX.probability_label(3), DEFAULT_MATRIX.probability_label(3, "zh_CN")
        )  # fmt: skip
        assert ("severe", "严重") == (
            DEFAULT_MATRIX.impact_label(5), DEFAULT_MATRIX.impact_label(5, "zh")
        )  # fmt: skip

    def test_the_default_steps_come_from_the_catalogue(self, purple):
        purple(**{"risk.probability.3": "even odds", "risk.impact.1": "trivial"})
        assert "even odds" == RiskMatrix().probability_label(3)
        assert "trivial" == DEFAULT_MATRIX.impact_label(1)

    def test_a_matrix_with_its_own_labels_reads_them(self):
        matrix = RiskMatrix(probability_labels=THREE, impact_labels=THREE,
                            probabilities=[0.2, 0.5, 0.8])  # fmt: skip
        assert ("b", "乙", "乙") == (
            matrix.probability_label(2), matrix.probability_label(2, "zh"),
            matrix.impact_label(2, "zh-Hans"),
        )  # fmt: skip

    @pytest.mark.parametrize("step", [0, 6, True, "3", 2.0, None])
    def test_a_step_off_the_scale_is_refused(self, step):
        with pytest.raises(cpm.ValidationError, match=r"^RiskMatrix\.probability_label\.step: "):
            DEFAULT_MATRIX.probability_label(step)
        with pytest.raises(cpm.ValidationError, match=r"^RiskMatrix\.impact_label\.step: "):
            DEFAULT_MATRIX.impact_label(step)

    def test_an_unsupported_locale_is_refused(self):
        with pytest.raises(cpm.ValidationError, match=r"^RiskMatrix\.probability_label\.locale: "):
            DEFAULT_MATRIX.probability_label(1, "fr")
        with pytest.raises(cpm.ValidationError, match=r"^RiskMatrix\.impact_label\.locale: "):
            DEFAULT_MATRIX.impact_label(1, "fr")


class TestUndefined:
    def test_it_is_the_catalogue_message(self):
        assert [say(code, "ratio.undefined") for code in SUPPORTED_LOCALES] == [
            UNDEFINED.label(code) for code in SUPPORTED_LOCALES
        ]

    def test_a_user_spelling_is_normalised(self):
        assert ("无数据", "n/a") == (UNDEFINED.label("zh_CN"), UNDEFINED.label("en_US"))
        assert "无数据" == UNDEFINED.label("zh-Hant-TW")

    @pytest.mark.parametrize("locale", ["fr", "", None])
    def test_an_unsupported_locale_is_refused(self, locale):
        with pytest.raises(cpm.ValidationError, match=r"^Undefined\.label\.locale: "):
            UNDEFINED.label(locale)

    def test_the_words_come_from_the_catalogue(self, purple):
        purple(**{"ratio.undefined": "—"})
        assert "—" == UNDEFINED.label()
