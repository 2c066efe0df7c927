"""The plugin host: registries filled through pluggy hooks, with failures named.

A :class:`PluginHost` owns its own :class:`pluggy.PluginManager`, so tests
and applications can build one in isolation; nothing is registered at import
time. :func:`default_host` builds a shared host lazily, on first use, with the
built-in plugins and those installed under the ``clientpm`` entry-point group.

A plugin that fails to import, or raises inside a hook, becomes a
:class:`~clientpm.PluginError` naming the plugin and the hook, recorded in
:attr:`PluginHost.errors`; the other plugins keep working.
"""

from __future__ import annotations

import functools
import importlib.metadata
from types import ModuleType
from typing import Any

import pluggy

from clientpm import _hooks
from clientpm._checks import known
from clientpm._hooks import PROJECT_NAME, Registry, hookimpl
from clientpm.errors import PluginError, UnknownReferenceError

__all__ = [
    "ENTRY_POINT_GROUP",
    "PluginHost",
    "Registry",
    "builtin_plugins",
    "clear_default_host",
    "default_host",
    "hookimpl",
]

#: The entry-point group third-party plugins are installed under.
ENTRY_POINT_GROUP = PROJECT_NAME


def builtin_plugins() -> tuple[ModuleType, ...]:
    """The modules holding clientpm's built-in hook implementations.

    The host sits above every feature package, so it imports them itself; the
    feature packages import only :mod:`clientpm._hooks`. Imported on first
    call, so ``import clientpm.plugins`` stays light.

    Example:
        >>> [m.__name__ for m in builtin_plugins()]
        ['clientpm.impact.dimensions', 'clientpm.smart.rules', 'clientpm.smart.glossary', 'clientpm.reports.rendering']

    """  # noqa: E501
    from clientpm.impact import dimensions
    from clientpm.reports import rendering
    from clientpm.smart import glossary, rules

    return (dimensions, rules, glossary, rendering)


class PluginHost:
    """A plugin manager of one's own, with typed access to the registries.

    Args:
        builtins: Register clientpm's built-in plugins (:func:`builtin_plugins`).

    Example:
        >>> import clientpm
        >>> class Shout:
        ...     @clientpm.hookimpl
        ...     def clientpm_register_renderers(self, registry):
        ...         registry.register("shout", lambda report: str(report).upper())
        >>> host = PluginHost(builtins=False)
        >>> host.register(Shout(), name="shout-plugin")
        'shout-plugin'
        >>> host.renderers().get("shout")("hello")
        'HELLO'

    """

    def __init__(self, *, builtins: bool = True) -> None:
        self._pm = pluggy.PluginManager(PROJECT_NAME)
        self._pm.add_hookspecs(_hooks)
        self._errors: list[PluginError] = []
        if builtins:
            for module in builtin_plugins():
                self._pm.register(module, name=module.__name__)

    @property
    def errors(self) -> tuple[PluginError, ...]:
        """Every plugin failure so far (loading and hook calls)."""
        return tuple(self._errors)

    @property
    def manager(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for advanced use."""
        return self._pm

    def register(self, plugin: object, name: str | None = None) -> str:
        """Register a plugin object or module; return its name.

        Raises:
            PluginError: when pluggy refuses it (a duplicate name, or a hook
                implementation that matches no specification).

        """
        label = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        try:
            registered = self._pm.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as err:
            raise PluginError(label, None, str(err)) from None
        unknown = self._unknown_hooks(plugin)
        if unknown is not None:
            self._pm.unregister(plugin)
            raise PluginError(label, None, unknown)
        return registered or label

    def _unknown_hooks(self, plugin: object) -> str | None:
        """Why a just-registered ``plugin`` must be refused, or ``None`` if it may stay.

        pluggy accepts a hook implementation whose name matches no hook
        specification and only complains in :meth:`pluggy.PluginManager.check_pending`;
        the reason names each unknown hook and the known ones.
        """
        try:
            self._pm.check_pending()
        except pluggy.PluginValidationError:
            pass
        else:
            return None
        names = sorted(
            caller.name
            for caller in self._pm.get_hookcallers(plugin) or ()
            if not caller.has_spec()
            and any(i.plugin is plugin and not i.optionalhook for i in caller.get_hookimpls())
        )
        wrong = ", ".join(repr(n) for n in names) or "in another plugin"
        return (
            f"unknown hook {wrong} (no hook specification has that name; "
            f"known: {known(_hooks.HOOK_KINDS)})"
        )

    def unregister(self, name: str) -> None:
        """Remove a plugin by name."""
        plugin = self._pm.get_plugin(name)
        if plugin is None:
            raise UnknownReferenceError.single(
                "PluginHost", f"no plugin {name!r} (registered: {known(self.plugin_names())})"
            )
        self._pm.unregister(plugin)

    def plugin_names(self) -> tuple[str, ...]:
        """The names of the registered plugins, sorted."""
        return tuple(sorted(n for n, _ in self._pm.list_name_plugin() if n))

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> tuple[PluginError, ...]:
        """Load every plugin installed under the entry-point ``group``.

        Unlike pluggy's own loader, a plugin that fails does not stop the
        others: each failure is a :class:`~clientpm.PluginError` naming the
        entry point, returned (and kept in :attr:`errors`). A plugin fails when
        its import raises, when it calls ``sys.exit()`` while being imported,
        when pluggy refuses it, or when it implements a hook that matches no
        hook specification (a misspelled name, refused as :meth:`register`
        refuses it). A refused plugin is not registered, so a later call tries
        it again. ``KeyboardInterrupt`` is the user's and stops the loading.

        Example:
            >>> import importlib.metadata
            >>> host = PluginHost(builtins=False)
            >>> real = importlib.metadata.entry_points
            >>> importlib.metadata.entry_points = lambda group=None: [
            ...     importlib.metadata.EntryPoint("acme-missing", "acme_missing_pkg", group)]
            >>> try:
            ...     [str(f) for f in host.load_entry_points()]
            ... finally:
            ...     importlib.metadata.entry_points = real
            ["plugin 'acme-missing' failed to load: ModuleNotFoundError: No module named 'acme_missing_pkg'"]

        """  # noqa: E501
        failures: list[PluginError] = []
        for entry_point in importlib.metadata.entry_points(group=group):
            if self._pm.get_plugin(entry_point.name) is not None:
                continue
            try:
                plugin = entry_point.load()
                self._pm.register(plugin, name=entry_point.name)
            except KeyboardInterrupt:
                raise
            except SystemExit as err:
                reason = "the plugin called sys.exit() while being imported"
                failures.append(PluginError(entry_point.name, None, f"{_failure(err)} ({reason})"))
                continue
            except BaseException as err:  # any failure of a plugin is its own
                failures.append(PluginError(entry_point.name, None, _failure(err)))
                continue
            unknown = self._unknown_hooks(plugin)
            if unknown is not None:
                self._pm.unregister(plugin)
                failures.append(PluginError(entry_point.name, None, unknown))
        self._errors.extend(failures)
        return tuple(failures)

    def registry(self, hook_name: str, kind: str | None = None) -> Registry[Any]:
        """Build a fresh registry by calling each implementation of ``hook_name``.

        Each plugin is called on its own: one that raises becomes a
        :class:`PluginError` in :attr:`errors`, its partial registrations are
        rolled back, and the others still register.
        """
        caller = getattr(self._pm.hook, hook_name, None)
        if caller is None:
            raise UnknownReferenceError.single(
                "PluginHost.registry", f"no hook {hook_name!r} (known: {known(_hooks.HOOK_KINDS)})"
            )
        registry: Registry[Any] = Registry(kind or _hooks.HOOK_KINDS.get(hook_name, "item"))
        for impl in caller.get_hookimpls():  # registration order
            registry._current = impl.plugin_name
            snapshot = registry._snapshot()
            try:
                impl.function(registry=registry)
            except PluginError as err:
                registry._restore(snapshot)
                self._errors.append(PluginError(impl.plugin_name, hook_name, err.reason))
            except KeyboardInterrupt:
                raise
            except BaseException as err:  # sys.exit() in a hook is a failure too
                registry._restore(snapshot)
                self._errors.append(PluginError(impl.plugin_name, hook_name, _failure(err)))
        registry._current = "<direct>"
        return registry

    def renderers(self) -> Registry[Any]:
        """Report renderers by format name."""
        return self.registry("clientpm_register_renderers")

    def smart_rules(self) -> Registry[Any]:
        """SMART rules by code."""
        return self.registry("clientpm_register_smart_rules")

    def impact_dimensions(self) -> Registry[Any]:
        """Change-impact dimensions by name."""
        return self.registry("clientpm_register_impact_dimensions")

    def report_sections(self) -> Registry[Any]:
        """Extra report sections by name."""
        return self.registry("clientpm_register_report_sections")

    def glossaries(self) -> Registry[Any]:
        """Glossaries by name."""
        return self.registry("clientpm_register_glossaries")


def _failure(err: BaseException) -> str:
    """An exception as a reason: its type, and its message when it has one."""
    text = str(err)
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


@functools.lru_cache(maxsize=1)
def default_host() -> PluginHost:
    """The shared host, built on first use: built-ins plus installed entry points.

    Example:
        >>> "goals" in default_host().impact_dimensions()
        True

    """
    host = PluginHost(builtins=True)
    host.load_entry_points()
    return host


def clear_default_host() -> None:
    """Forget the shared host, so the next :func:`default_host` builds a new one."""
    default_host.cache_clear()
