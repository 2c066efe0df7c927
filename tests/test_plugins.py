"""The plugin host: registration, failures named, entry points, isolation."""

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import clientpm as cpm
from clientpm import _hooks as hookspecs, plugins


class Renderers:
    """A well-behaved plugin adding two renderers."""

    @cpm.hookimpl
    def clientpm_register_renderers(self, registry):
        registry.register("shout", str.upper)
        registry.register("whisper", str.lower)


class Clash:
    """A plugin registering a name another plugin has."""

    @cpm.hookimpl
    def clientpm_register_renderers(self, registry):
        registry.register("shout", str.title)


class HalfBroken:
    """Registers one renderer, then raises."""

    @cpm.hookimpl
    def clientpm_register_renderers(self, registry):
        registry.register("half", str)
        raise RuntimeError("database not configured")


@pytest.fixture
def host():
    """A fresh plugin host per test, without built-ins."""
    return cpm.PluginHost(builtins=False)


class TestRegistry:
    def test_plugins_fill_the_registry(self, host):
        """Items registered in the hook come back by name, with their provider."""
        host.register(Renderers(), name="acme-renderers")
        renderers = host.renderers()
        assert ("shout", "whisper") == renderers.names()
        assert "HI" == renderers.get("shout")("hi")
        assert "acme-renderers" == renderers.provider("shout")

    def test_unknown_name_lists_the_available(self, host):
        """An unknown name is an UnknownReferenceError naming what exists."""
        host.register(Renderers(), name="acme")
        with pytest.raises(cpm.UnknownReferenceError) as info:
            host.renderers().get("pdf")
        assert "no renderer 'pdf' (available: shout, whisper)" == str(info.value)

    def test_duplicate_names_both_plugins(self, host):
        """A clash is a PluginError naming both plugins; the first registration stays."""
        host.register(Renderers(), name="first")
        host.register(Clash(), name="second")
        renderers = host.renderers()
        assert "HI" == renderers.get("shout")("hi")
        assert [
            (
                "plugin 'second' failed in hook clientpm_register_renderers: "
                "renderer 'shout' is already registered by plugin 'first' "
                "(pass replace=True to override it)"
            )
        ] == [str(e) for e in host.errors]

    def test_raising_plugin_is_named_and_rolled_back(self, host):
        """A plugin that raises is reported by name and hook; the others keep working."""
        host.register(HalfBroken(), name="broken")
        host.register(Renderers(), name="good")
        renderers = host.renderers()
        assert ("shout", "whisper") == renderers.names()
        (error,) = host.errors
        assert ("broken", "clientpm_register_renderers") == (error.plugin, error.hook)
        assert "RuntimeError: database not configured" in str(error)

    def test_bad_hook_implementation_refused(self, host):
        """A hookimpl that matches no spec is a PluginError at registration."""

        class Typo:
            @cpm.hookimpl
            def clientpm_register_renderer(self, registry):  # missing "s"
                pass

        with pytest.raises(cpm.PluginError, match="plugin 'typo' failed to load"):
            host.register(Typo(), name="typo")

    def test_unknown_hook(self, host):
        """Asking for a registry of a hook that does not exist names the known ones."""
        with pytest.raises(cpm.UnknownReferenceError, match="no hook 'clientpm_nothing'"):
            host.registry("clientpm_nothing")

    def test_builtins_register_through_the_hooks(self):
        """With built-ins, the built-in impact dimensions arrive like any plugin's."""
        assert "goals" in cpm.PluginHost().impact_dimensions()

    @given(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=10))
    def test_registered_names_come_back_sorted(self, names):
        """Whatever names plugins register, names() is sorted and get() finds each."""
        registry = plugins.Registry("thing")
        for n in names:
            registry.register(n, n * 2)
        assert tuple(sorted(names)) == registry.names()
        assert all(n * 2 == registry.get(n) for n in names)


class FakeEntryPoint:
    def __init__(self, name, target):
        self.name = name
        self._target = target

    def load(self):
        if isinstance(self._target, Exception):
            raise self._target
        return self._target


class TestEntryPoints:
    def test_failures_collected_and_others_loaded(self, host, monkeypatch):
        """A plugin that fails to import does not stop the next one."""
        points = [
            FakeEntryPoint("broken-pkg", ImportError("No module named 'acme_missing'")),
            FakeEntryPoint("acme-renderers", Renderers()),
        ]

        def fake(group=None, **kw):
            assert "clientpm" == group
            return points

        monkeypatch.setattr(importlib.metadata, "entry_points", fake)
        failures = host.load_entry_points()
        assert [
            "plugin 'broken-pkg' failed to load: ImportError: No module named 'acme_missing'"
        ] == [str(f) for f in failures]
        assert ("shout", "whisper") == host.renderers().names()
        assert "acme-renderers" in host.plugin_names()

    def test_default_host_is_lazy_and_cached(self, monkeypatch):
        """The default host is built on first use, once, and can be cleared."""
        plugins.clear_default_host()
        monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: [])
        assert 0 == plugins.default_host.cache_info().currsize
        first = plugins.default_host()
        assert first is plugins.default_host()
        plugins.clear_default_host()
        assert first is not plugins.default_host()
        plugins.clear_default_host()

    def test_import_builds_no_host(self):
        """Importing clientpm builds no plugin manager and loads no entry point."""
        code = "import clientpm, clientpm.plugins as p; print(p.default_host.cache_info().currsize)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)  # fmt: skip
        assert "0" == out.stdout.strip()


def test_every_hook_is_documented():
    """Each hook spec has a docstring with versionadded and appears on the plugins page."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text("utf-8")
    for name in hookspecs.HOOK_KINDS:
        spec = getattr(hookspecs, name)
        assert ".. versionadded::" in (spec.__doc__ or ""), name
        assert f"`{name}" in page, f"{name} is not documented in docs/plugins.md"
