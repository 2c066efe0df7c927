"""People on both sides of the relationship."""

from __future__ import annotations

import attrs

from clientpm._checks import Identified
from clientpm._convert import to_enum
from clientpm.enums import Role
from clientpm.locale import locale_problem, normalize_locale

__all__ = ["Stakeholder"]


def _to_role(value: object) -> Role:
    return to_enum(Role, value)


@attrs.frozen
class Stakeholder(Identified):
    """Someone the project answers to or works with.

    Attributes:
        id: Stable id, referenced by owners, approvers and feedback.
        name: Display name.
        role: Their role; :attr:`Role.is_client` tells which side they are on.
        locale: Language of the texts they receive, ``"en"`` or ``"zh"``
            (``"zh_CN"`` and ``"en_US"`` are accepted and normalised).
        timezone: IANA zone they live in, for dates and meeting times.
        email: Contact address, kept as data only.

    Example:
        >>> from clientpm import Stakeholder, Role
        >>> li = Stakeholder(id="li.wei", name="Li Wei", role=Role.SPONSOR, locale="zh_CN",
        ...                  timezone="Asia/Shanghai")
        >>> li.locale, li.is_client
        ('zh', True)

    """

    id: str
    name: str
    role: Role = attrs.field(converter=_to_role)
    locale: str = attrs.field(default="en", converter=normalize_locale)
    timezone: str = "UTC"
    email: str | None = None

    def __attrs_post_init__(self) -> None:
        c = self._checks()
        c.text("name", self.name)
        c.choice("role", self.role, Role)
        problem = locale_problem(self.locale)
        if problem is not None:
            c.add("locale", problem)
        c.timezone("timezone", self.timezone)
        c.text("email", self.email, optional=True)
        c.raise_if_any()

    @property
    def is_client(self) -> bool:
        """Whether this person is on the client's side."""
        return self.role.is_client
