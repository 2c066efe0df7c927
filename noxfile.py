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


@nox.session(python=PYTHON)
def mutate(session: nox.Session) -> None:
    """Mutation testing with mutmut over the domain modules; prints the score."""
    session.install("-e", ".[test]", "mutmut>=3.2")
    session.run("mutmut", "run", "--max-children", "2", success_codes=[0, 1])
    session.run("mutmut", "results")
