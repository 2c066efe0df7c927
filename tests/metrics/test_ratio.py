"""The UNDEFINED value, its labels and ``ratio``."""

from decimal import Decimal

import pytest

from clientpm.metrics.ratio import UNDEFINED, Undefined, ratio


class TestUndefined:
    def test_labels(self):
        assert "n/a" == UNDEFINED.label()
        assert "n/a" == UNDEFINED.label("en")
        assert "无数据" == UNDEFINED.label("zh")

    def test_an_unsupported_locale_is_refused_like_everywhere_else(self):
        from clientpm.errors import ValidationError

        with pytest.raises(ValidationError, match=r"^Undefined\.label\.locale: .*'fr'$"):
            UNDEFINED.label("fr")

    def test_text_truth_and_identity(self):
        assert "UNDEFINED" == repr(UNDEFINED)
        assert "undefined" == str(UNDEFINED)
        assert bool(UNDEFINED) is False
        assert Undefined("undefined") is UNDEFINED


class TestRatio:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "expected"),
        [
            (3, 4, Decimal("0.75")),
            (0, 5, Decimal(0)),
            (-1, 4, Decimal("-0.25")),
            (Decimal("1.5"), Decimal("0.5"), Decimal(3)),
            (5, -2, Decimal("-2.5")),
        ],
    )
    def test_defined(self, numerator, denominator, expected):
        result = ratio(numerator, denominator)
        assert isinstance(result, Decimal)
        assert expected == result

    @pytest.mark.parametrize("denominator", [0, Decimal(0), Decimal("0.00")])
    def test_zero_denominator_is_undefined(self, denominator):
        assert ratio(3, denominator) is UNDEFINED
        assert ratio(0, denominator) is UNDEFINED
