"""Loading plugins through real entry points: every failure named, the others still load.

Each plugin here is a real module, written to a temporary directory on
``sys.path`` and named by a real :class:`importlib.metadata.EntryPoint`, so the
import machinery runs as it does for an installed package.
"""

import importlib.metadata
import sys
import textwrap

import pytest

import clientpm as cpm

GOOD = """
import clientpm as cpm

@cpm.hookimpl
def clientpm_register_renderers(registry):
    registry.register("shout", str.upper)
"""

EXITS = """
import sys
sys.exit(2)
"""

EXITS_BARE = """
import sys
sys.exit()
"""

INTERRUPTED = """
raise KeyboardInterrupt
"""

TYPO = """
import clientpm as cpm

@cpm.hookimpl
def clientpm_register_renderer(registry):  # missing "s"
    registry.register("typo", str)
"""

EXITS_IN_HOOK = """
import sys
import clientpm as cpm

@cpm.hookimpl
def clientpm_register_renderers(registry):
    registry.register("half", str)
    sys.exit("no licence file")
"""


@pytest.fixture
def install(tmp_path, monkeypatch):
    """Write plugin modules and declare them, in order, under the ``clientpm`` group."""
    points: list[importlib.metadata.EntryPoint] = []
    monkeypatch.syspath_prepend(str(tmp_path))

    def entry_points(group=None, **kw):
        return [p for p in points if p.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)

    def add(name: str, source: str) -> None:
        module = "clientpm_test_" + name.replace("-", "_")
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), "utf-8")
        monkeypatch.delitem(sys.modules, module, raising=False)
        points.append(importlib.metadata.EntryPoint(name=name, value=module, group="clientpm"))

    yield add
    for point in points:
        sys.modules.pop(point.value, None)


@pytest.fixture
def host():
    return cpm.PluginHost(builtins=False)


class TestSystemExit:
    def test_sys_exit_on_import_is_a_failure_and_later_plugins_load(self, install, host):
        """A plugin calling sys.exit() while imported is named; the next one still loads."""
        install("acme-exits", EXITS)
        install("acme-good", GOOD)
        failures = host.load_entry_points()
        assert [
            (
                "plugin 'acme-exits' failed to load: SystemExit: 2 "
                "(the plugin called sys.exit() while being imported)"
            )
        ] == [str(f) for f in failures]
        assert ("acme-exits", None) == (failures[0].plugin, failures[0].hook)
        assert failures == host.errors
        assert ("shout",) == host.renderers().names()
        assert "acme-good" in host.plugin_names()
        assert "acme-exits" not in host.plugin_names()

    def test_bare_sys_exit(self, install, host):
        """sys.exit() without a code reads just as clearly."""
        install("acme-exits", EXITS_BARE)
        (failure,) = host.load_entry_points()
        assert (
            "plugin 'acme-exits' failed to load: SystemExit "
            "(the plugin called sys.exit() while being imported)"
        ) == str(failure)

    def test_keyboard_interrupt_is_the_users(self, install, host):
        """Ctrl-C while a plugin imports stops loading: it is the user's, not the plugin's."""
        install("acme-interrupted", INTERRUPTED)
        install("acme-good", GOOD)
        with pytest.raises(KeyboardInterrupt):
            host.load_entry_points()
        assert () == host.errors

    def test_sys_exit_in_a_hook_is_a_failure(self, install, host):
        """A hook that calls sys.exit() is named and rolled back like one that raises."""
        install("acme-exits", EXITS_IN_HOOK)
        install("acme-good", GOOD)
        assert () == host.load_entry_points()
        assert ("shout",) == host.renderers().names()
        (error,) = host.errors
        assert ("acme-exits", "clientpm_register_renderers") == (error.plugin, error.hook)
        assert "SystemExit: no licence file" == error.reason


class TestUnknownHook:
    def test_misspelled_hook_is_refused_and_named(self, install, host):
        """An entry-point plugin with a misspelled hook is refused, as register() refuses it."""
        install("acme-typo", TYPO)
        install("acme-good", GOOD)
        failures = host.load_entry_points()
        assert 1 == len(failures)
        (failure,) = failures
        assert ("acme-typo", None) == (failure.plugin, failure.hook)
        assert str(failure).startswith(
            "plugin 'acme-typo' failed to load: unknown hook 'clientpm_register_renderer' "
            "(no hook specification has that name; known: clientpm_register_glossaries, "
        )
        assert "acme-typo" not in host.plugin_names()
        assert ("shout",) == host.renderers().names()
        assert failures == host.errors

    def test_register_names_the_unknown_hook_the_same_way(self, host):
        """register() and entry points word the refusal alike."""

        class Typo:
            @cpm.hookimpl
            def clientpm_register_renderer(self, registry):
                pass

        with pytest.raises(cpm.PluginError) as info:
            host.register(Typo(), name="typo")
        assert str(info.value).startswith(
            "plugin 'typo' failed to load: unknown hook 'clientpm_register_renderer' "
            "(no hook specification has that name; known: "
        )
        assert "typo" not in host.plugin_names()

    def test_a_refused_plugin_can_be_fixed_and_loaded_again(self, install, host):
        """The refused plugin leaves nothing behind: the next call retries it."""
        install("acme-typo", TYPO)
        assert 1 == len(host.load_entry_points())
        assert 1 == len(host.load_entry_points())
        assert 2 == len(host.errors)
