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

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

import pluggy

from clientpm._checks import _plural, describe, known
from clientpm.errors import (
    ClientPMError,
    PluginError,
    UnknownReferenceError,
    ValidationError,
    text_of,
)

__all__ = [
    "HOOK_KINDS",
    "PROJECT_NAME",
    "PluginItem",
    "Registry",
    "call_plugin",
    "call_plugins",
    "clientpm_register_glossaries",
    "clientpm_register_impact_dimensions",
    "clientpm_register_renderers",
    "clientpm_register_report_sections",
    "clientpm_register_smart_rules",
    "hookimpl",
    "hookspec",
    "origin",
    "plugin_item",
    "plugin_items",
]

#: The pluggy project name, also the entry-point group plugins are installed under.
PROJECT_NAME = "clientpm"

#: The ``clientpm`` hook specification marker.
hookspec = pluggy.HookspecMarker(PROJECT_NAME)

#: The ``clientpm`` hook implementation marker.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

T = TypeVar("T")

#: Stands for "no default given" in :meth:`Registry.get`.
_MISSING: Any = object()

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
        >>> "pdf" in reg, reg.get("pdf", None)
        (False, None)
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

    def get(self, name: str, default: Any = _MISSING) -> T:
        """The item registered under ``name``; ``default`` if given and there is none.

        Raises:
            UnknownReferenceError: listing the names available, when no
                ``default`` is given.

        Example:
            >>> reg = Registry("renderer")
            >>> reg.get("csv", "fallback")
            'fallback'

        """
        try:
            return self._items[name]
        except (KeyError, TypeError):
            if default is not _MISSING:
                return default  # type: ignore[no-any-return]
            raise UnknownReferenceError.single(
                "", f"no {self.kind} {name!r} (available: {known(self._items)})"
            ) from None

    def __getitem__(self, name: str) -> T:
        return self.get(name)

    def __contains__(self, name: object) -> bool:
        try:
            return name in self._items
        except TypeError:  # an unhashable name names nothing
            return False

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


#: The attributes where clientpm's wrappers keep the function they call
#: (:class:`~clientpm.impact.Dimension`, :class:`~clientpm.smart.SmartRule`,
#: :func:`functools.partial`): that function's author is the plugin.
_WRAPPED = ("function", "check", "func")


def origin(item: object) -> str:
    """Where ``item`` was written: the module and qualified name of its code.

    For an item that wraps a function (a ``Dimension``, a ``SmartRule``), the
    function; for a function or class, itself; for any other object, its class.
    It names the plugin when nothing recorded who registered the item.

    Example:
        >>> origin(describe)
        'clientpm._checks.describe'
        >>> origin(Registry("renderer"))
        'clientpm._hooks.Registry'

    """
    target: object = item
    for _ in range(8):  # a wrapper of a wrapper: a SmartRule of a functools.partial
        if inspect.isroutine(target) or inspect.isclass(target):
            break
        inners = [i for i in (_attribute(target, attr) for attr in _WRAPPED) if callable(i)]
        if not inners:
            break
        target = inners[0]
    if not (inspect.isroutine(target) or inspect.isclass(target)):
        target = type(target)
    owner = getattr(target, "__objclass__", None)  # a method of a built-in type
    module = getattr(target, "__module__", None) or getattr(owner, "__module__", None) or "?"
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", "?")
    return f"{module}.{name}"


def _attribute(item: object, attr: str) -> object:
    """``item.attr``, or ``None`` when it is missing or its property raises."""
    try:
        return getattr(item, attr, None)
    except Exception:  # a plugin's property must not break the naming
        return None


def _name_of(item: object) -> str:
    for attr in ("name", "code", "__name__"):
        value = _attribute(item, attr)
        if value is not None:
            try:
                return str(value)
            except Exception:  # a name that cannot be shown: try the next one
                continue
    return type(item).__name__


class PluginItem(NamedTuple):
    """One item a plugin registered, with its name and the plugin that registered it.

    Attributes:
        kind: What it is, e.g. ``"renderer"`` (:data:`HOOK_KINDS`).
        name: The name it was registered under (or its own name, from a list).
        plugin: Who registered it: :meth:`Registry.provider`, else :func:`origin`.
        item: The item itself.

    Example:
        >>> entry = PluginItem("renderer", "csv", "acme-reports", str)
        >>> str(entry.error("render", "boom"))
        "plugin 'acme-reports' failed in hook render: renderer 'csv': boom"

    """

    kind: str
    name: str
    plugin: str
    item: Any

    def error(self, hook: str, reason: str) -> PluginError:
        """A :class:`~clientpm.PluginError` naming the plugin, the hook and this item."""
        return PluginError(
            self.plugin, hook, f"{self.kind} {self.name!r}: {reason}", item=self.name
        )


def plugin_item(items: Mapping[Any, Any], name: Any, kind: str) -> PluginItem:
    """The item registered under ``name``, with who registered it.

    A :class:`Registry` knows the plugin (:meth:`Registry.provider`); for a
    plain mapping, or an item added outside any plugin, it is the item's
    :func:`origin`.

    Example:
        >>> plugin_item({"text": describe}, "text", "renderer").plugin
        'clientpm._checks.describe'

    """
    item = items[name]
    plugin = items.provider(name) if isinstance(items, Registry) else "<direct>"
    if plugin == "<direct>":
        plugin = origin(item)
    return PluginItem(kind, str(name), plugin, item)


def plugin_items(
    items: object, where: str, kind: str, *, default: Iterable[object] = ()
) -> list[PluginItem]:
    """The items a builder was handed: a :class:`Registry`, another mapping, a list or ``None``.

    ``None`` stands for ``default`` (a builder's built-in items). Each item
    comes with who registered it, for the messages of :func:`call_plugin`.

    Raises:
        ValidationError: naming ``where`` (the caller's argument) for anything else.

    Example:
        >>> reg = Registry("renderer")
        >>> reg.register("text", str.upper)
        >>> [(e.name, e.plugin) for e in plugin_items(reg, "render.renderers", "renderer")]
        [('text', 'builtins.str.upper')]
        >>> [(e.name, e.plugin) for e in plugin_items([describe], "x.items", "renderer")]
        [('describe', 'clientpm._checks.describe')]
        >>> plugin_items(42, "check_smart.rules", "SMART rule")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: check_smart.rules: expected SMART rules (a list or a mapping) or None, got int 42

    """  # noqa: E501
    if items is None:
        items = [] if default is None else default
    try:
        if isinstance(items, Mapping):
            return [plugin_item(items, name, kind) for name in list(items)]
        if isinstance(items, Iterable) and not isinstance(items, (str, bytes)):
            return [PluginItem(kind, _name_of(v), origin(v), v) for v in list(items)]
    except ClientPMError:
        raise
    except Exception as err:  # a caller's generator or mapping that fails while listed
        raise ValidationError.single(
            where,
            f"expected {_plural(kind)} (a list or a mapping) or None; listing them raised "
            f"{type(err).__name__}: {text_of(err)}",
        ) from err
    raise ValidationError.single(
        where, f"expected {_plural(kind)} (a list or a mapping) or None, got {describe(items)}"
    )


def call_plugin(
    entry: PluginItem,
    hook: str,
    call: Callable[[Any], T],
    *,
    expected: str = "",
    accept: Callable[[object], bool] | None = None,
) -> tuple[T | None, PluginError | None]:
    """Call a plugin's item safely: ``(result, None)``, or ``(None, error)`` naming the plugin.

    ``call(entry.item)`` runs the item. An exception, or a result that
    ``accept`` refuses (``expected`` says what it wants), becomes a :class:`~clientpm.PluginError` that names
    the plugin (:attr:`PluginItem.plugin`), the hook and the item; the
    exception is kept as its ``__cause__``. A caller decides whether to
    raise it or to report it and go on with the other items.

    Example:
        >>> def boom(report):
        ...     raise RuntimeError("no network here")
        >>> entry = PluginItem("renderer", "csv", "acme-reports", boom)
        >>> result, error = call_plugin(entry, "render", lambda r: r("report"),
        ...                             expected="text", accept=lambda x: isinstance(x, str))
        >>> result, str(error)
        (None, "plugin 'acme-reports' failed in hook render: renderer 'csv': RuntimeError: no network here")

    """  # noqa: E501
    if not isinstance(entry, PluginItem):
        raise ValidationError.single(
            "call_plugin.entry", f"expected a PluginItem, got {describe(entry)}"
        )
    try:
        result = call(entry.item)
    except Exception as err:  # a plugin must be named when it fails
        error = entry.error(hook, f"{type(err).__name__}: {text_of(err)}")
        error.__cause__ = err
        return None, error
    if accept is None:
        return result, None
    try:
        accepted = bool(accept(result))
    except Exception as err:  # a result so odd that checking it fails
        error = entry.error(
            hook,
            f"expected {expected}, got a result that could not be checked "
            f"({type(err).__name__}: {text_of(err)})",
        )
        error.__cause__ = err
        return None, error
    if not accepted:
        return None, entry.error(hook, f"expected {expected}, got {describe(result)}")
    return result, None


def call_plugins(
    entries: Iterable[PluginItem],
    hook: str,
    call: Callable[[Any], T | None],
    *,
    expected: str,
    accept: Callable[[object], bool],
    refuse: Callable[[PluginItem], PluginError | None] | None = None,
) -> tuple[list[T], list[PluginError]]:
    """:func:`call_plugin` on every entry: the results that are not ``None``, and the errors.

    One item that fails does not stop the others. ``refuse`` may turn an
    entry down before it is called (an item of the wrong kind).

    Example:
        >>> def boom(ctx):
        ...     raise RuntimeError("offline")
        >>> entries = [PluginItem("report section", "a", "acme", str.upper),
        ...            PluginItem("report section", "b", "acme", boom)]
        >>> results, errors = call_plugins(entries, "build", lambda f: f("x"),
        ...                                expected="text", accept=lambda r: isinstance(r, str))
        >>> results, [e.item for e in errors]
        (['X'], ['b'])

    """
    results: list[T] = []
    errors: list[PluginError] = []
    for entry in entries:
        error = refuse(entry) if refuse is not None else None
        if error is None:
            result, error = call_plugin(entry, hook, call, expected=expected, accept=accept)
            if result is not None:
                results.append(result)
        if error is not None:
            errors.append(error)
    return results, errors


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
