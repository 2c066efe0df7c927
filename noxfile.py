"""Development sessions: ``nox`` runs tests, lint and typing; others on request."""

from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typing"]
nox.options.reuse_existing_virtualenvs = True
PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (doctests and docs examples included), fast Hypothesis profile."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHON)
def tests_thorough(session: nox.Session) -> None:
    """Run the test suite with the thorough Hypothesis profile (1,000 examples a property)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs, env={"HYPOTHESIS_PROFILE": "thorough"})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """Type-check the package with mypy --strict (settings in pyproject.toml)."""
    session.install("-e", ".[test,lint]")
    session.run("mypy")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the Sphinx documentation, warnings as errors."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Run every benchmark script under benchmarks/ and print its figures."""
    session.install("-e", ".[bench]")
    scripts = sorted(Path("benchmarks").glob("bench_*.py"))
    if not scripts:
        session.skip("no benchmarks/bench_*.py scripts")
    for script in scripts:
        session.log(f"--- {script}")
        session.run("python", str(script), *session.posargs)


def _sample_mutants(patterns: list[str], size: int, seed: int = 0) -> list[str]:
    """A seeded random sample of ``size`` mutant names per module matching ``patterns``.

    Names come from mutmut's metadata (``mutants/**/*.py.meta``, one file a module, in
    every package), written when it generates mutants; a mutant is named by its module's
    dotted path, so ``"clientpm.*"`` matches them all and ``"clientpm.impact.*"`` the
    impact package's. The same seed picks the same mutants every time.
    """
    import fnmatch
    import json
    import random

    chosen: list[str] = []
    for meta in sorted(Path("mutants", "src").rglob("*.py.meta")):
        names = sorted(json.loads(meta.read_text())["exit_code_by_key"])
        names = [n for n in names if any(fnmatch.fnmatchcase(n, p) for p in patterns)]
        # Seeded by the path: every package has an __init__.py.meta.
        module = meta.relative_to("mutants", "src").as_posix()
        chosen += random.Random(f"{seed}:{module}").sample(names, min(size, len(names)))
    return chosen


@nox.session(python=PYTHON)
def mutate(session: nox.Session) -> None:
    """Mutation testing with mutmut over the domain modules; prints the score.

    Posargs pick mutants by name glob: a package, ``nox -s mutate -- "clientpm.impact.*"``,
    or one module, ``"clientpm.impact.policy.*"``. ``--sample N`` runs a seeded random
    sample of N mutants of each module instead of all of them, across every package with
    ``nox -s mutate -- --sample 40 "clientpm.*"`` or in one with ``"clientpm.model.*"``.
    """
    import textwrap

    # Settings in [tool.mutmut] (pyproject.toml); verdicts are cached in mutants/ between runs.
    session.install("-e", ".[test]", "mutmut>=3.8,<4")
    args = list(session.posargs)
    if "--sample" in args:
        at = args.index("--sample")
        size = int(args[at + 1])
        del args[at : at + 2]
        # Generate the mutants (and their metadata) without running any: mutmut then stops
        # with an AssertionError that the placeholder name matches nothing, as intended.
        session.log("generating the mutants to sample from")
        session.run("mutmut", "run", "--max-children", "2", "no.such.mutant", success_codes=[0, 1])
        patterns = args or ["*"]
        args = _sample_mutants(patterns, size)
        if not args:  # an empty list would make mutmut run every mutant
            session.error(f"no mutant matches {' '.join(patterns)}")
        session.log(f"running a sample of {len(args)} mutants")
    session.run("mutmut", "run", "--max-children", "2", *args)
    session.run("mutmut", "results")  # the mutants left alive, one a line
    session.run("mutmut", "export-cicd-stats")  # totals in mutants/mutmut-cicd-stats.json
    scores = """
        import collections, pathlib
        from mutmut.mutation.data import SourceFileMutationData
        from mutmut.stats import status_by_exit_code
        print(f"{'module':<40} {'killed':>6} {'alive':>6} {'timeout':>7} {'untested':>8}  score")
        for meta in sorted(pathlib.Path("mutants", "src").rglob("*.py.meta")):
            data = SourceFileMutationData(path=meta.relative_to("mutants").with_suffix(""))
            data.load()
            n = collections.Counter(status_by_exit_code[v] for v in data.exit_code_by_key.values())
            tried = n["killed"] + n["survived"] + n["timeout"]
            if tried:
                print(f"{str(data.path)[4:]:<40} {n['killed']:>6} {n['survived']:>6} "
                      f"{n['timeout']:>7} {sum(n.values()) - tried:>8}  "
                      f"{(n['killed'] + n['timeout']) / tried:6.1%}")
    """
    session.run("python", "-c", textwrap.dedent(scores))


def _png_colours(path: Path, rows: int = 40) -> int:
    """Count the distinct pixel values in a sample of rows of an 8-bit RGB(A) PNG."""
    import struct
    import zlib

    data = path.read_bytes()
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"{path}: expected 8-bit RGB or RGBA, got depth {depth} type {colour}")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(chunks))
    prev = bytearray(stride)
    wanted = set(range(0, height, max(1, height // rows)))
    seen: set[bytes] = set()
    for y in range(height):  # every row is unfiltered, since filters chain on the previous one
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        if y in wanted:
            seen.update(bytes(line[i : i + bpp]) for i in range(0, stride, bpp))
        prev = line
    return len(seen)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Screenshot the sample weekly HTML report (zh and en) in headless Chromium and check it."""
    import shutil

    binary = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    if binary is None:
        session.skip(
            "no Chromium found: install Debian's chromium package (apt-get install chromium)"
        )
    fc_list = shutil.which("fc-list")
    if fc_list and not session.run(fc_list, ":lang=zh", external=True, silent=True):
        session.warn("no Chinese font found: the zh screenshot will show boxes (fonts-noto-cjk)")
    session.install("-e", ".")
    tmp = Path(session.create_tmp()).resolve()
    shots = []
    for locale in ("zh", "en"):
        page = tmp / f"weekly-{locale}.html"
        shot = tmp / f"weekly-{locale}.png"
        shot.unlink(missing_ok=True)
        with page.open("w", encoding="utf-8") as out:
            session.run(
                "python", "-m", "clientpm", "report", "--format", "html", "--locale", locale,
                stdout=out,
            )  # fmt: skip
        session.run(
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri(),
            external=True, silent=True,  # Chromium logs D-Bus noise; shown if it fails
        )  # fmt: skip
        if not shot.is_file():
            session.error(f"{shot}: Chromium wrote no screenshot")
        if shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            session.error(f"{shot}: not a PNG file")
        if shot.stat().st_size < 5_000:
            session.error(f"{shot}: only {shot.stat().st_size} bytes; the page looks empty")
        colours = _png_colours(shot)
        if colours < 2:
            session.error(f"{shot}: a single flat colour; the page did not render")
        session.log(f"{locale}: {colours} distinct colours in sampled rows")
        shots.append(shot)
    for shot in shots:
        print(shot)


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """Build the sdist and wheel, install the wheel into a clean environment, run the demo."""
    import tempfile

    session.install("build")
    dist = Path(tempfile.mkdtemp(prefix="clientpm-dist-"))
    session.run("python", "-m", "build", "--outdir", str(dist), ".")
    wheels = sorted(dist.glob("clientpm-*.whl"))
    sdists = sorted(dist.glob("clientpm-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        session.error(f"expected one wheel and one sdist in {dist}, got {sorted(dist.iterdir())}")
    clean = dist / "venv"
    session.run("python", "-m", "venv", str(clean))
    python = str(clean / "bin" / "python")
    session.run(python, "-m", "pip", "install", "--quiet", str(wheels[0]), external=True)
    session.run(python, "-m", "clientpm", "demo", external=True)
    session.run(python, "-m", "clientpm", "report", "--locale", "en", external=True)
    session.log(f"built {wheels[0].name} and {sdists[0].name} in {dist}")
