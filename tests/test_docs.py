"""Every ```python block of every docs page (and the README) runs, page by page."""

import re
from pathlib import Path

# The pages use these (the first and last through clientpm's optional extras). Importing
# them once, at collection, spares every page run in a process forked after collection
# (mutation testing runs each mutant so) a cold import of several seconds.
import holidays  # noqa: F401
import IPython.core.formatters
import IPython.display  # noqa: F401
import numpy  # noqa: F401
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"])
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


def blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "page",
    [p for p in PAGES if blocks(p) and "_build" not in p.parts],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_page_examples_run(page, capsys):
    """The page's python blocks run top to bottom in one namespace without error."""
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, source in enumerate(blocks(page), start=1):
        code = compile(source, f"{page.relative_to(ROOT)}:block{number}", "exec")
        exec(code, namespace)
    capsys.readouterr()


def test_every_public_name_is_in_the_reference():
    """The reference page documents the package's public names via automodule."""
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert ".. automodule:: clientpm" in text


def test_every_public_name_has_a_docstring_with_an_example():
    """Public classes and functions show how they are used (aliases and markers excepted)."""
    import inspect

    import clientpm

    unexampled = []
    for name in clientpm.__all__:
        obj = getattr(clientpm, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue  # constants, type aliases and the hookimpl marker are documented with #:
        if ">>>" not in (inspect.getdoc(obj) or ""):
            unexampled.append(name)
    assert [] == unexampled
