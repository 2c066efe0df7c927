"""Locales: which languages client-facing text exists in, and the one check for them.

Every function that takes ``locale=`` normalises it with :func:`check_locale`
(``"zh_CN"`` → ``"zh"``) and refuses anything else with one message, naming
where it was given.
"""

from __future__ import annotations

from clientpm._checks import describe
from clientpm.errors import ValidationError

__all__ = ["SUPPORTED_LOCALES", "check_locale", "locale_problem", "normalize_locale"]

#: Locales every client-facing text exists in.
SUPPORTED_LOCALES = ("en", "zh")


def normalize_locale(value: object) -> str:
    """Map a user locale to the one clientpm uses: ``zh_CN`` → ``zh``, ``en_US`` → ``en``.

    Anything else is returned unchanged, for the checks to refuse.

    Example:
        >>> normalize_locale("zh_CN"), normalize_locale("en-GB"), normalize_locale("fr")
        ('zh', 'en', 'fr')

    """
    if not isinstance(value, str):
        return value  # type: ignore[return-value]
    base = value.strip().replace("-", "_").split("_", 1)[0].lower()
    return base if base in SUPPORTED_LOCALES else value


def locale_problem(value: object) -> str | None:
    """What is wrong with ``value`` as an already normalised locale, or ``None``.

    Example:
        >>> locale_problem("zh") is None, locale_problem("fr")
        (True, "expected a supported locale ('en' or 'zh'), got str 'fr'")

    """
    if value in SUPPORTED_LOCALES:
        return None
    supported = " or ".join(repr(code) for code in SUPPORTED_LOCALES)
    return f"expected a supported locale ({supported}), got {describe(value)}"


def check_locale(locale: object, where: str) -> str:
    """Normalise a locale (``zh_CN`` -> ``zh``) or raise naming ``where``.

    Example:
        >>> check_locale("zh_CN", "x.locale")
        'zh'
        >>> check_locale("fr", "x.locale")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: x.locale: expected a supported locale ('en' or 'zh'), got str 'fr'

    """  # noqa: E501
    code = normalize_locale(locale)
    problem = locale_problem(code)
    if problem is not None:
        raise ValidationError.single(where, problem.replace(describe(code), describe(locale)))
    return code
