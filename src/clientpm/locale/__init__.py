"""Locales: which languages client-facing text exists in, the one check for them, and the words.

Every function that takes ``locale=`` normalises it with :func:`check_locale`
(``"zh_CN"`` → ``"zh"``) and refuses anything else with one message, naming
where it was given.

Every sentence and label clientpm writes for a reader lives in one catalogue
per locale: a module of this package (:mod:`clientpm.locale.en`,
:mod:`clientpm.locale.zh`) holding a ``MESSAGES`` dict of key → text, keys
namespaced by concept (``"impact.slip"``, ``"report.sec.risks"``,
``"role.sponsor"``, ``"rag.red"``, ``"risk.level.high"``, ``"smart.letter.S"``)
and ``{name}`` fields filled in by :func:`say`. A catalogue is loaded the
first time it is asked for, handed out read-only, and a key it lacks reads in
English.

A third language takes two edits: a new module of this package named by its
code, with the keys and ``{fields}`` of :mod:`clientpm.locale.en`, and that
code added to :data:`SUPPORTED_LOCALES` (the package lists no folder, so a
module alone is never found, and :func:`check_locale` refuses its code until
it is listed).
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NoReturn

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
    texts, and is itself read-only: its attributes cannot be set and its
    ``messages`` cannot be changed, so no caller can alter what a later report
    says.

    Attributes:
        locale: The locale, e.g. ``"zh"``.
        messages: Key → text, read-only (keys the locale's module lacks hold
            the English text).

    Example:
        >>> zh = catalogue("zh")
        >>> zh("impact.no_slip"), zh["rag.red"], "rag.red" in zh
        ('没有里程碑推迟。', '红', True)
        >>> zh("report.f.of", n=3, total=4)
        '3 / 4'
        >>> zh.messages["rag.red"] = "紫"
        Traceback (most recent call last):
        ...
        TypeError: 'mappingproxy' object does not support item assignment

    """

    __slots__ = ("_locale", "_messages")

    _locale: str
    _messages: Mapping[str, str]

    def __init__(self, locale: str, messages: Mapping[str, str]) -> None:
        object.__setattr__(self, "_locale", locale)
        object.__setattr__(self, "_messages", MappingProxyType(dict(messages)))

    @property
    def locale(self) -> str:
        """The locale, e.g. ``"zh"``.

        Example:
            >>> catalogue("zh_CN").locale
            'zh'

        """
        return self._locale

    @property
    def messages(self) -> Mapping[str, str]:
        """Key → text, as a read-only mapping.

        Example:
            >>> catalogue("en").messages["rag.red"]
            'Red'

        """
        return self._messages

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Catalogue is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Catalogue is read-only: cannot delete {name!r}")

    def __reduce__(self) -> tuple[type[Catalogue], tuple[str, dict[str, str]]]:
        return (Catalogue, (self._locale, dict(self._messages)))

    def __repr__(self) -> str:
        return f"Catalogue({self._locale!r}, <{len(self._messages)} messages>)"

    def __call__(self, key: str, /, **params: object) -> str:
        """The message ``key`` with ``params`` filled into its ``{fields}``.

        A field the message cannot be filled in with (a missing value, a
        positional ``{0}``, a format spec the value does not take) is refused
        naming the message and the field.

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
        except (KeyError, IndexError, ValueError, TypeError, AttributeError) as error:
            raise ValidationError.single(
                f"Catalogue {self._locale!r}({key!r})", _unfilled(text, params, error)
            ) from None

    def __getitem__(self, key: str) -> str:
        """The raw text of ``key``, its ``{fields}`` unfilled.

        Example:
            >>> catalogue("en")["impact.slipped"]
            Traceback (most recent call last):
            ...
            clientpm.errors.UnknownReferenceError: Catalogue 'en': has no message 'impact.slipped' (close: 'impact.slip', 'impact.no_slip', 'impact.earlier')

        """  # noqa: E501
        found = self._messages.get(key) if isinstance(key, str) else None
        if found is None:
            self._refuse(key)
        return found

    def _refuse(self, key: object) -> NoReturn:
        raise UnknownReferenceError.single(
            f"Catalogue {self._locale!r}", _unknown(key, self._messages)
        )

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._messages

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The raw text of ``key``, or ``default`` when there is no such message.

        A key that is not a str is refused, as by ``catalogue[key]``.

        Example:
            >>> catalogue("zh").get("enum.open"), catalogue("zh").get("enum.draft")
            ('未关闭', None)

        """
        if not isinstance(key, str):
            self._refuse(key)
        return self._messages.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)


def _unknown(key: object, messages: Mapping[str, str]) -> str:
    import difflib

    if not isinstance(key, str):
        return f"expected a message key (a str), got {describe(key)}"
    close = difflib.get_close_matches(key, list(messages), n=3)
    hint = f" (close: {', '.join(repr(k) for k in close)})" if close else ""
    return f"has no message {key!r}{hint}"


def _unfilled(text: str, params: Mapping[str, object], error: Exception) -> str:
    """Which field of ``text`` could not be filled in from ``params``, and why."""
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        field = (
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        root = name.split(".", 1)[0].split("[", 1)[0]
        if not root or root.isdigit():
            return f"cannot fill in {field}: a positional field (message fields are named)"
        if root not in params:
            return f"missing the value of {{{root}}}"
        try:
            field.format(**params)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError) as failed:
            return f"cannot fill in {field}: {failed}"
    return f"cannot fill in its fields: {error}"  # pragma: no cover - every error has a field


#: Catalogues loaded so far, by normalised code: at most one per supported locale.
_LOADED: dict[str, Catalogue] = {}


def _load(code: str) -> Mapping[str, str]:
    module = importlib.import_module(f"{__name__}.{code}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


def catalogue(locale: str) -> Catalogue:
    """The catalogue of ``locale`` (``"zh_CN"`` is ``"zh"``), loaded on first use.

    Every spelling of a locale gives the same catalogue; only the codes of
    :data:`SUPPORTED_LOCALES` are kept.

    Example:
        >>> catalogue("zh_CN").locale, catalogue("en")("role.account_manager")
        ('zh', 'account manager')
        >>> catalogue("zh_CN") is catalogue("zh-Hans")
        True
        >>> catalogue("fr")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: catalogue.locale: expected a supported locale ('en' or 'zh'), got str 'fr'

    """  # noqa: E501
    found = _LOADED.get(locale) if isinstance(locale, str) else None
    if found is not None:
        return found
    code = check_locale(locale, "catalogue.locale")
    found = _LOADED.get(code)
    if found is None:
        own = _load(code)
        messages = own if code == SUPPORTED_LOCALES[0] else {**_load(SUPPORTED_LOCALES[0]), **own}
        found = _LOADED[code] = Catalogue(code, messages)
    return found


def say(locale: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``locale`` with ``params`` filled in.

    Example:
        >>> say("en", "impact.critical", ids="+M3"), say("zh", "impact.critical", ids="+M3")
        ('The critical path changes: +M3.', '关键路径改变：+M3。')

    """
    return catalogue(locale)(key, **params)
