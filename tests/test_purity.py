"""Importing clientpm does no I/O and builds nothing global."""

import subprocess
import sys
import textwrap

import pytest


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


class TestImport:
    def test_import_loads_no_serialization_or_plugins(self):
        """Serialization, markupsafe and holiday data are loaded lazily, not at import."""
        out = run(
            """
            import sys, clientpm
            print(sorted(m for m in ("clientpm.serialization", "markupsafe", "importlib.metadata",
                                        "holidays")
                         if m in sys.modules))
            """
        )
        assert "['importlib.metadata']" == out or "[]" == out

    def test_import_opens_no_files_after_modules(self):
        """No file is opened by clientpm code during import, other than modules and zone data."""
        out = run(
            """
            import builtins, io
            opened = []
            real_open = builtins.open
            def spy(file, *a, **k):
                opened.append(str(file))
                return real_open(file, *a, **k)
            builtins.open = spy
            io.open = spy
            import clientpm
            builtins.open = real_open
            skip = (".py", ".pyc", ".so")
            print([f for f in opened if not f.endswith(skip) and "zoneinfo" not in f
                   and "tzdata" not in f])
            """
        )
        assert "[]" == out

    def test_version_from_metadata(self):
        """__version__ is read from the installed distribution."""
        assert run("import clientpm; print(clientpm.__version__)")

    def test_feature_layer_loads_on_first_use(self):
        """Schedule, impact and serialization modules load when a name is first used."""
        out = run(
            """
            import sys, clientpm
            before = "clientpm.scheduling" in sys.modules
            clientpm.schedule
            print(before, "clientpm.scheduling" in sys.modules)
            """
        )
        assert "False True" == out

    def test_every_public_name_resolves(self):
        """Every name in __all__ is an attribute, and dir() lists them all."""
        import clientpm

        missing = [n for n in clientpm.__all__ if not hasattr(clientpm, n)]
        assert [] == missing
        assert set(clientpm.__all__) <= set(dir(clientpm))

    def test_unknown_name_is_an_attribute_error(self):
        """A misspelt name fails like any module attribute."""
        import clientpm

        with pytest.raises(AttributeError, match="no attribute 'shedule'"):
            clientpm.shedule  # noqa: B018
