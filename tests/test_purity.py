"""Importing clientpm does no I/O and builds nothing global."""

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


class TestImport:
    def test_import_loads_no_serialization_or_plugins(self):
        """cattrs, markupsafe and entry points are loaded lazily, not at import."""
        out = run(
            """
            import sys, clientpm
            print(sorted(m for m in ("cattrs", "markupsafe", "importlib.metadata", "holidays")
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
