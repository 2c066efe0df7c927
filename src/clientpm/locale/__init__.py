"""Locales: which languages client-facing text exists in, the one check for them, and the words.

Every function that takes ``locale=`` normalises it with :func:`check_locale`
(``"zh_CN"`` → ``"zh"``) and refuses anything else with one message, naming
where it was given.

Every sentence and label clientpm writes for a reader lives in one catalogue
per locale: a module of this package (:mod:`clientpm.locale.en`,
:mod:`clientpm.locale.zh`) holding a ``MESSAGES`` dict of key → text, keys
namespaced by concept (``"impact.slip"``, ``"report.sec.risks"``,
``"role.sponsor"``, ``"rag.red"``) and ``{name}`` fields filled in by
:func:`say`. A third language is one new file with the keys of
:mod:`clientpm.locale.en`, and its code in :data:`SUPPORTED_LOCALES`; a
catalogue is loaded the first time it is asked for, and a key it lacks reads
in English.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from clientpm._checks import describe
from clientpm.errors import UnknownReferenceError, ValidationError

__all__ = [
    "SUPPORTED_LOCALES",
    "Catalogue",
    "catalogue",
    "check_locale",
    "locale_problem",
    "normalize_locale",
    "say",
]


#: Locales every client-facing text exists in, each a catalogue module of this
#: package (English first). Written out rather than found by listing the package
#: folder: the library reads no files.
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


class Catalogue(Mapping[str, str]):
    """Every message of one locale, by key; calling it fills a message's ``{fields}``.

    Get one with :func:`catalogue`; it reads like a read-only dict of the raw
    texts.

    Attributes:
        locale: The locale, e.g. ``"zh"``.
        messages: Key → text (keys the locale's module lacks hold the English text).

    Example:
        >>> zh = catalogue("zh")
        >>> zh("impact.no_slip"), zh["rag.red"], "rag.red" in zh
        ('没有里程碑推迟。', '红', True)
        >>> zh("report.f.of", n=3, total=4)
        '3 / 4'

    """

    __slots__ = ("locale", "messages")

    def __init__(self, locale: str, messages: Mapping[str, str]) -> None:
        self.locale = locale
        self.messages = messages

    def __repr__(self) -> str:
        return f"Catalogue({self.locale!r}, <{len(self.messages)} messages>)"

    def __call__(self, key: str, /, **params: object) -> str:
        """The message ``key`` with ``params`` filled into its ``{fields}``.

        Example:
            >>> catalogue("en")("report.summary.rag", rag="Amber")
            'Overall status: Amber.'
            >>> catalogue("en")("report.summary.rag")
            Traceback (most recent call last):
            ...
            clientpm.errors.ValidationError: Catalogue 'en'('report.summary.rag'): missing the value of {rag}

        """  # noqa: E501
        text = self[key]
        try:
            return text.format(**params)
        except KeyError as missing:
            raise ValidationError.single(
                f"Catalogue {self.locale!r}({key!r})", f"missing the value of {{{missing.args[0]}}}"
            ) from None

    def __getitem__(self, key: str) -> str:
        """The raw text of ``key``, its ``{fields}`` unfilled.

        Example:
            >>> catalogue("en")["impact.slipped"]
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: Catalogue 'en': has no message 'impact.slipped' (close: 'impact.slip', 'impact.no_slip', 'impact.earlier')

        """  # noqa: E501
        try:
            return self.messages[key]
        except KeyError:
            raise UnknownReferenceError.single(
                f"Catalogue {self.locale!r}", _unknown(key, self.messages)
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self.messages

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The raw text of ``key``, or ``default`` when there is no such message.

        Example:
            >>> catalogue("zh").get("enum.open"), catalogue("zh").get("enum.draft")
            ('未关闭', None)

        """
        return self.messages.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.messages)

    def __len__(self) -> int:
        return len(self.messages)


def _unknown(key: object, messages: Mapping[str, str]) -> str:
    import difflib

    if not isinstance(key, str):
        return f"expected a message key (a str), got {describe(key)}"
    close = difflib.get_close_matches(key, list(messages), n=3)
    hint = f" (close: {', '.join(repr(k) for k in close)})" if close else ""
    return f"has no message {key!r}{hint}"


_LOADED: dict[str, Catalogue] = {}


def _load(code: str) -> Mapping[str, str]:
    module = importlib.import_module(f"{__name__}.{code}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


def catalogue(locale: str) -> Catalogue:
    """The catalogue of ``locale`` (``"zh_CN"`` is ``"zh"``), loaded on first use.

    Example:
        >>> catalogue("zh_CN").locale, catalogue("en")("role.account_manager")
        ('zh', 'account manager')
        >>> catalogue("fr")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: catalogue.locale: expected a supported locale ('en' or 'zh'), got str 'fr'

    """  # noqa: E501
    found = _LOADED.get(locale) if isinstance(locale, str) else None
    if found is not None:
        return found
    code = check_locale(locale, "catalogue.locale")
    if code not in _LOADED:
        own = _load(code)
        messages = own if code == "en" else {**_load("en"), **own}
        _LOADED[code] = Catalogue(code, messages)
    found = _LOADED[locale] = _LOADED[code]
    return found


def say(locale: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``locale`` with ``params`` filled in.

    Example:
        >>> say("en", "impact.critical", ids="+M3"), say("zh", "impact.critical", ids="+M3")
        ('The critical path changes: +M3.', '关键路径改变：+M3。')

    """
    return catalogue(locale)(key, **params)
