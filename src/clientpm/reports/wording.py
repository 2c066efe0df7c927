"""Labels, sentences, dates and money in the report's locale.

Every label and sentence a report prints is a ``report.*`` message of the
locale's catalogue (:mod:`clientpm.locale`); nothing else in the report
builders is language-specific. Dates use pendulum's
locale data without touching its process-wide locale; money is rounded
half-up at the currency's minor unit (by :class:`~clientpm.Money`) and
grouped by thousands.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pendulum

from clientpm.locale import Catalogue, catalogue, check_locale
from clientpm.money import Money

__all__ = ["Words"]


class Words:
    """The wording of one report in one locale.

    Example:
        >>> w = Words("zh")
        >>> w("sec.milestones"), w.date(pendulum.date(2026, 11, 27))
        ('里程碑', '2026年11月27日')
        >>> Words("en").money(Money("1234567.005", "CNY"))
        'CNY 1,234,567.01'

    """

    def __init__(self, locale: str, where: str = "report.locale") -> None:
        """The wording of ``locale``; an unsupported locale is refused naming ``where``.

        Example:
            >>> Words("zh_CN").locale
            'zh'
            >>> Words("fr", "weekly_report.locale")
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: weekly_report.locale: expected a supported locale ('en' or 'zh'), got str 'fr'

        """  # noqa: E501
        self.catalogue: Catalogue = catalogue(check_locale(locale, where))
        self.locale = self.catalogue.locale

    def __call__(self, key: str, /, **params: object) -> str:
        """The text of the report message ``key`` (``"report." + key`` in the catalogue).

        Example:
            >>> Words("zh")("summary.done", n=2)
            '本期完成 2 项工作。'

        """
        return self.catalogue("report." + key, **params)

    def say(self, key: str, /, **params: object) -> str:
        """The text of any catalogue message, e.g. ``"rag.red"`` or ``"role.sponsor"``.

        Example:
            >>> Words("zh").say("role.sponsor")
            '发起人'

        """
        return self.catalogue(key, **params)

    def date(self, day: _dt.date) -> str:
        """A calendar date: ``27 Nov 2026`` or ``2026年11月27日``."""
        d = pendulum.Date(day.year, day.month, day.day)
        return d.format(self.catalogue["format.date"], locale=self.locale)

    def instant(self, when: pendulum.DateTime, timezone: str) -> str:
        """A moment in the reader's time zone: ``27 Nov 2026 17:00``."""
        local = when.in_timezone(timezone)
        return f"{self.date(local.date())} {local.format('HH:mm')}"

    def money(self, money: Money) -> str:
        """Money grouped by thousands with its currency: ``CNY 480,000.00``."""
        amount = money.amount
        sign = "-" if amount < 0 else ""
        return f"{money.currency} {sign}{abs(amount):,}"

    def number(self, value: Decimal | int) -> str:
        """A number without trailing zeros: ``2.5``, ``3``."""
        if isinstance(value, int):
            return str(value)
        text = format(value.normalize(), "f")
        return "0" if text in {"-0", "0"} else text

    def enum(self, value: object) -> str:
        """An enum value as a reader sees it: ``in progress`` or ``进行中``.

        Example:
            >>> from clientpm.enums import ChangeStatus
            >>> Words("zh").enum(ChangeStatus.ASSESSED), Words("en").enum(ChangeStatus.ASSESSED)
            ('已评估', 'assessed')

        """
        raw = str(getattr(value, "value", value))
        return self.catalogue.get("enum." + raw) or raw.replace("_", " ")

    def join(self, sentences: list[str]) -> str:
        """Sentences joined as the locale writes a run of them: a space in English, none in Chinese.

        Example:
            >>> Words("zh").join(["甲。", "乙。"]), Words("en").join(["A.", "B."])
            ('甲。乙。', 'A. B.')

        """
        return self.catalogue["format.join"].join(sentences)
