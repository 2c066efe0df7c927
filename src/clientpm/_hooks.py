"""The hooks of clientpm's plugin system: markers, specifications and :class:`Registry`.

Every hook is prefixed ``clientpm_`` and called with keyword arguments.
Registration hooks receive a :class:`Registry` to add to;
the built-in renderers, SMART rules and impact dimensions register through
the same hooks as third-party plugins do. Every layer may import this module
(a built-in plugin needs :data:`hookimpl`); the host that calls the hooks is
:class:`clientpm.PluginHost`, in :mod:`clientpm.plugins`.

Implement a hook with the :data:`clientpm.hookimpl` marker::

    import clientpm

    @clientpm.hookimpl
    def clientpm_register_impact_dimensions(registry):
        registry.register("hosting", HostingDimension())
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

import pluggy

from clientpm.errors import PluginError, UnknownReferenceError

__all__ = [
    "HOOK_KINDS",
    "PROJECT_NAME",
    "Registry",
    "clientpm_register_glossaries",
    "clientpm_register_impact_dimensions",
    "clientpm_register_renderers",
    "clientpm_register_report_sections",
    "clientpm_register_smart_rules",
    "hookimpl",
    "hookspec",
]

#: The pluggy project name, also the entry-point group plugins are installed under.
PROJECT_NAME = "clientpm"

#: The ``clientpm`` hook specification marker.
hookspec = pluggy.HookspecMarker(PROJECT_NAME)

#: The ``clientpm`` hook implementation marker.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

T = TypeVar("T")

#: For each registration hook, the kind of thing it registers (used in messages).
HOOK_KINDS: dict[str, str] = {
    "clientpm_register_renderers": "renderer",
    "clientpm_register_smart_rules": "SMART rule",
    "clientpm_register_impact_dimensions": "impact dimension",
    "clientpm_register_report_sections": "report section",
    "clientpm_register_glossaries": "glossary",
}


class Registry(Mapping[str, T], Generic[T]):
    """Named items of one kind (renderers, rules, …), with who registered each.

    A registry is a read-only mapping from name to item once built; plugins
    fill it through :meth:`register` inside their registration hook.

    Example:
        >>> reg = Registry("renderer")
        >>> reg.register("text", str.upper)
        >>> reg.get("text")("hi"), reg.names()
        ('HI', ('text',))
        >>> reg.get("pdf")
        Traceback (most recent call last):
        ...
        clientpm.errors.UnknownReferenceError: no renderer 'pdf' (available: text)

    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        self._providers: dict[str, str] = {}
        self._current = "<direct>"

    def register(self, name: str, item: T, *, replace: bool = False) -> None:
        """Add ``item`` under ``name``.

        Raises:
            PluginError: when the name is taken and ``replace`` is false, naming
                both plugins.

        """
        if not isinstance(name, str) or not name:
            raise PluginError(
                self._current, None, f"a {self.kind} needs a non-empty name, got {name!r}"
            )
        if name in self._items and not replace:
            raise PluginError(
                self._current,
                None,
                f"{self.kind} {name!r} is already registered by plugin "
                f"{self._providers[name]!r} (pass replace=True to override it)",
            )
        self._items[name] = item
        self._providers[name] = self._current

    add = register

    def get(self, name: str, default: Any = None) -> T:
        """The item registered under ``name``.

        Raises:
            UnknownReferenceError: listing the names available.

        """
        try:
            return self._items[name]
        except (KeyError, TypeError):
            available = ", ".join(self.names()) or "none"
            raise UnknownReferenceError.single(
                "", f"no {self.kind} {name!r} (available: {available})"
            ) from None

    def __getitem__(self, name: str) -> T:
        return self.get(name)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> tuple[str, ...]:
        """The registered names, sorted."""
        return tuple(sorted(self._items))

    def provider(self, name: str) -> str:
        """The plugin that registered ``name``.

        Example:
            >>> reg = Registry("renderer")
            >>> reg.register("text", str)
            >>> reg.provider("text")
            '<direct>'

        """
        self.get(name)
        return self._providers[name]

    def _snapshot(self) -> tuple[dict[str, T], dict[str, str]]:
        return dict(self._items), dict(self._providers)

    def _restore(self, snapshot: tuple[dict[str, T], dict[str, str]]) -> None:
        self._items, self._providers = dict(snapshot[0]), dict(snapshot[1])

    def __repr__(self) -> str:
        return f"Registry({self.kind!r}, names={list(self.names())!r})"


@hookspec
def clientpm_register_renderers(registry: Registry[Any]) -> None:
    """Register report renderers.

    Args:
        registry: Add renderers with ``registry.register(format_name, renderer)``;
            a renderer turns a report document into text for that format
            (``"markdown"``, ``"html"``, ``"text"`` are built in).

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_smart_rules(registry: Registry[Any]) -> None:
    """Register SMART-goal rules.

    Args:
        registry: Add rules with ``registry.register(code, rule)``; a rule has
            a stable code, the letter it judges (S, M, A, R or T) and a check.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_impact_dimensions(registry: Registry[Any]) -> None:
    """Register extra dimensions of change impact.

    Args:
        registry: Add dimensions with ``registry.register(name, dimension)``; a
            dimension has a ``name`` and a ``measure(context)`` method.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_report_sections(registry: Registry[Any]) -> None:
    """Register extra sections for client reports.

    Args:
        registry: Add sections with ``registry.register(name, section)``; a
            section builds part of a weekly or monthly report.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_glossaries(registry: Registry[Any]) -> None:
    """Register glossaries of terms the client may not know (D12).

    Args:
        registry: Add glossaries with ``registry.register(name, glossary)``.

    .. versionadded:: 0.1.0

    """
