"""Plain words for change impacts, in the reader's language (internal).

Every reason an impact gives is a :class:`Reason`: a code and its values,
rendered in the reader's language when asked (the ``impact.<code>`` message of
the locale's catalogue, :mod:`clientpm.locale`), so one impact reads the same
in every language.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from clientpm.enums import Role
from clientpm.locale import catalogue, check_locale

__all__ = ["Reason", "join", "reason"]


@attrs.frozen
class Reason:
    """One reason behind an impact, renderable in any supported locale.

    Attributes:
        code: What kind of reason, e.g. ``"bill_days"`` (its text is the
            catalogue message ``"impact.bill_days"``).
        params: The values filled into the text, as ``(name, value)`` pairs; a
            value that is itself a :class:`Reason` is rendered in the same locale.

    Example:
        >>> from clientpm.impact import Reason
        >>> r = Reason("no_slip", ())
        >>> r.text("en"), r.text("zh")
        ('No milestone moves.', '没有里程碑推迟。')

    """

    code: str
    params: tuple[tuple[str, str | Reason], ...] = ()

    def text(self, locale: str = "en") -> str:
        """The reason in ``locale``; roles are named in that language.

        Example:
            >>> r = Reason("decide_role", (("role", "executive"), ("client", "li.wei")))
            >>> r.text("zh")
            '由高管决定；客户 li.wei 须确认此影响。'
            >>> goals = Reason("goals", (("ids", "G1"),))
            >>> Reason("dimension", (("name", "goals"), ("summary", goals))).text("zh")
            'goals：变更涉及支撑目标 G1 的需求。'

        """
        words = catalogue(check_locale(locale, "Reason.text.locale"))
        params: dict[str, object] = {}
        for name, value in self.params:
            if isinstance(value, Reason):
                params[name] = value.text(words.locale)
            elif name == "role":  # roles are kept as values and named in the reader's language
                params[name] = words("role." + Role(value).value)
            else:
                params[name] = value
        return words("impact." + self.code, **params)


def reason(code: str, **params: object) -> Reason:
    """Make a reason, turning every value into text.

    Example:
        >>> reason("no_slip").text()
        'No milestone moves.'

    """
    return Reason(
        code, tuple((k, v if isinstance(v, Reason) else str(v)) for k, v in params.items())
    )


def join(reasons: Iterable[Reason], locale: str) -> str:
    """Join reasons into one paragraph, as the locale runs sentences (spaces in English).

    Example:
        >>> join([reason("no_effort"), reason("no_slip")], "zh")
        '不改变工作量。没有里程碑推迟。'

    """
    words = catalogue(check_locale(locale, "join.locale"))
    return words["format.join"].join(r.text(words.locale) for r in reasons)
