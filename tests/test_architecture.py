"""The layers of clientpm: every import points down (docs/explanation/architecture.md).

The import graph is read from the source with :mod:`ast`, not from what a run
happens to import: an import inside a function counts, an import under
``if TYPE_CHECKING:`` counts, and so does a module named in a string (the
public table of ``clientpm/__init__.py``, an ``importlib.import_module`` call).

Run this file as a script to print the graph between packages.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

import clientpm

PACKAGE_DIR = Path(clientpm.__file__).resolve().parent

#: Each top-level module or package of clientpm and its layer, lowest first. A
#: module may import from its own layer or a lower one, never from a higher one.
LAYERS: dict[str, int] = {
    # 0: the foundations every concept uses.
    "errors": 0,
    "enums": 0,
    "money": 0,
    "locale": 0,
    "work_calendar": 0,
    "_display": 0,
    "_checks": 0,
    "_convert": 0,
    "_hooks": 0,
    "_version": 0,
    "locales": 0,  # the message catalogues, data only
    # 1: the validated domain objects.
    "model": 1,
    # 2: the model written out and a ready-made one.
    "serialization": 2,
    "sample": 2,
    # 3: the milestone forecast, which impact and reports build on.
    "scheduling": 3,
    # 4: peers, which may import each other as long as no cycle forms.
    "impact": 4,
    "smart": 4,
    "metrics": 4,
    "communication": 4,
    # 5: the reports, which read every concept.
    "reports": 5,
    # 6: the assemblers: the plugin host gathers every package's built-ins.
    "plugins": 6,
    "__main__": 6,
    "clientpm": 6,  # the package root: its table names every home module
}

PEER_LAYER = 4

#: Imports inside one package that close a cycle between its modules, known and
#: each made inside a function; any other cycle between modules fails the tests.
KNOWN_BACK_EDGES: set[tuple[str, str]] = {
    # A Report prints and displays itself through the renderers, which read Report.
    ("clientpm.reports.document", "clientpm.reports.html"),
    ("clientpm.reports.document", "clientpm.reports.rendering"),
}

_DOTTED = re.compile(r"clientpm(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


class Edge(NamedTuple):
    """One import: ``source`` needs ``target``, at ``line``, in the way ``how``."""

    source: str
    target: str
    line: int
    how: str  # "import", "import in a function", "TYPE_CHECKING import", "string"

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({self.how}, line {self.line})"


def modules(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module under ``package_dir``, by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def unit(module: str) -> str:
    """The top-level module or package a module belongs to (``clientpm`` for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _resolve(name: str, known: Iterable[str]) -> str | None:
    """The longest known module that ``name`` is or starts with."""
    names = set(known)
    while name not in names and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in names else None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Scanner(ast.NodeVisitor):
    """Collect a module's imports and the module names its strings give."""

    def __init__(self, module: str, is_package: bool, known: set[str]) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.context: list[str] = []
        self.edges: list[Edge] = []

    def _how(self) -> str:
        if "TYPE_CHECKING" in self.context:
            return "TYPE_CHECKING import"
        if "function" in self.context:
            return "import in a function"
        return "import"

    def _add(self, name: str, line: int, how: str) -> None:
        target = _resolve(name, self.known)
        if target is not None and target != self.module:
            self.edges.append(Edge(self.module, target, line, how))

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        self.context.append("function")
        self.generic_visit(node)
        self.context.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _visit_function  # noqa: N815

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self.context.append("TYPE_CHECKING")
            for child in node.body:
                self.visit(child)
            self.context.pop()
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        # A bare string is a docstring or a comment, not a module named for import.
        if not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == "clientpm":
                self._add(alias.name, node.lineno, self._how())

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            parts = self.package.split(".")
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, *([node.module] if node.module else [])])
        if base.split(".")[0] != "clientpm":
            return
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            self._add(submodule if submodule in self.known else base, node.lineno, self._how())

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _DOTTED.fullmatch(node.value):
            target = _resolve(node.value, self.known)
            if target is not None and target != "clientpm":  # "clientpm" is also a project name
                self._add(node.value, node.lineno, "string")


def scan(source: str, module: str, known: Iterable[str], *, is_package: bool = False) -> list[Edge]:
    """The edges from ``module``, whose code is ``source``, to the ``known`` modules."""
    scanner = _Scanner(module, is_package, set(known))
    scanner.visit(ast.parse(source))
    return scanner.edges


def import_graph(package_dir: Path = PACKAGE_DIR) -> list[Edge]:
    """Every edge between the modules of the package at ``package_dir``."""
    found = modules(package_dir)
    edges: list[Edge] = []
    for name, path in found.items():
        source = path.read_text(encoding="utf-8")
        edges += scan(source, name, found, is_package=path.name == "__init__.py")
    return sorted(set(edges))


def unit_edges(edges: Iterable[Edge]) -> dict[tuple[str, str], list[Edge]]:
    """The edges between different top-level units, grouped by (source unit, target unit)."""
    grouped: dict[tuple[str, str], list[Edge]] = {}
    for edge in edges:
        pair = (unit(edge.source), unit(edge.target))
        if pair[0] != pair[1]:
            grouped.setdefault(pair, []).append(edge)
    return grouped


def cycles(graph: Mapping[str, Iterable[str]]) -> list[frozenset[str]]:
    """The strongly connected components of ``graph`` with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    nodes = set(graph) | {t for targets in graph.values() for t in targets}

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found


def _lines(edges: Iterable[object]) -> str:
    return "\n".join(f"  {edge}" for edge in edges)


@pytest.fixture(scope="module")
def graph() -> list[Edge]:
    return import_graph()


# -- the scanner sees every kind of import -------------------------------------------
KNOWN = {"clientpm", "clientpm.a", "clientpm.b", "clientpm.b.c", "clientpm.d", "clientpm.e"}

SAMPLE = '''
"""Docstring naming clientpm.e, which is no import."""
from typing import TYPE_CHECKING
import clientpm.a
from clientpm.b import c
from . import d
if TYPE_CHECKING:
    from clientpm.e import Thing
def later():
    """clientpm.a"""
    from clientpm.b import something
TABLE = {"Name": "clientpm.d", "Other": ("clientpm.e.Thing",), "project": "clientpm"}
'''


def test_the_scanner_sees_every_kind_of_import():
    edges = scan(SAMPLE, "clientpm.x", KNOWN)
    assert sorted((e.target, e.how) for e in edges) == [
        ("clientpm.a", "import"),
        ("clientpm.b", "import in a function"),
        ("clientpm.b.c", "import"),
        ("clientpm.d", "import"),
        ("clientpm.d", "string"),
        ("clientpm.e", "TYPE_CHECKING import"),
        ("clientpm.e", "string"),
    ]


def test_the_scanner_resolves_relative_imports_from_a_package():
    edges = scan("from .c import x\nfrom .. import a\n", "clientpm.b", KNOWN, is_package=True)
    assert sorted(e.target for e in edges) == ["clientpm.a", "clientpm.b.c"]


def test_cycles_finds_each_strongly_connected_component():
    graph = {"a": ["b"], "b": ["a", "c"], "c": ["d"], "d": ["c"], "e": ["a"]}
    assert sorted(map(sorted, cycles(graph))) == [["a", "b"], ["c", "d"]]


def test_the_graph_holds_strings_and_imports_in_functions(graph):
    """The real code uses both, so a scanner that missed them would pass vacuously."""
    hows = {(e.source, e.target, e.how) for e in graph}
    assert ("clientpm", "clientpm.errors", "string") in hows  # the public table
    assert ("clientpm.plugins", "clientpm.impact.dimensions", "import in a function") in hows


# -- the rules ----------------------------------------------------------------------
def test_every_module_has_a_layer():
    missing = sorted({unit(m) for m in modules()} - set(LAYERS))
    assert not missing, (
        f"give these modules a layer in LAYERS (and in docs/explanation/architecture.md): "
        f"{', '.join(missing)}"
    )


def test_imports_point_down_only(graph):
    upward = [
        edge
        for edge in graph
        if LAYERS.get(unit(edge.target), 0) > LAYERS.get(unit(edge.source), 0)
    ]
    assert not upward, "imports that point to a higher layer:\n" + _lines(
        f"{edge} [layer {LAYERS.get(unit(edge.source))} -> {LAYERS.get(unit(edge.target))}]"
        for edge in upward
    )


def test_no_cycle_between_packages(graph):
    grouped = unit_edges(graph)
    between: dict[str, set[str]] = {}
    for source, target in grouped:
        between.setdefault(source, set()).add(target)
    found = cycles(between)
    assert not found, "cycles between packages:\n" + "\n".join(
        f"  {' <-> '.join(sorted(cycle))}:\n"
        + _lines(e for pair, es in grouped.items() if set(pair) <= cycle for e in es)
        for cycle in found
    )


def peer_edges(graph: Iterable[Edge]) -> dict[tuple[str, str], list[Edge]]:
    """The edges between different packages of the peer layer."""
    return {
        pair: edges
        for pair, edges in unit_edges(graph).items()
        if LAYERS.get(pair[0]) == LAYERS.get(pair[1]) == PEER_LAYER
    }


def test_peers_import_each_other_without_a_cycle(graph, record_property):
    peers = peer_edges(graph)
    record_property("peer_edges", sorted(f"{a} -> {b}" for a, b in peers))
    found = cycles({a: [b for x, b in peers if x == a] for a, _ in peers})
    assert not found, "the peer packages import each other in a cycle; their edges:\n" + _lines(
        e for edges in peers.values() for e in edges
    )


def test_modules_within_a_package_form_no_cycle_but_the_known_ones(graph):
    between: dict[str, set[str]] = {}
    for edge in graph:
        if unit(edge.source) == unit(edge.target):
            between.setdefault(edge.source, set()).add(edge.target)
    found = cycles(
        {source: targets - {t for s, t in KNOWN_BACK_EDGES if s == source}
         for source, targets in between.items()}
    )  # fmt: skip
    assert not found, "cycles between modules:\n" + "\n".join(
        f"  {' <-> '.join(sorted(cycle))}:\n"
        + _lines(e for e in graph if e.source in cycle and e.target in cycle)
        for cycle in found
    )
    gone = sorted(e for e in KNOWN_BACK_EDGES if e[1] not in between.get(e[0], ()))
    assert not gone, f"no longer imported, delete from KNOWN_BACK_EDGES: {gone}"
    eager = sorted(
        str(e) for e in graph if (e.source, e.target) in KNOWN_BACK_EDGES and e.how == "import"
    )
    assert not eager, "a known back edge imported at module level:\n" + _lines(eager)


def _report(edges: list[Edge]) -> Iterator[str]:
    for (source, target), found in sorted(unit_edges(edges).items()):
        kinds = ", ".join(sorted({e.how for e in found}))
        yield f"{source} [{LAYERS.get(source)}] -> {target} [{LAYERS.get(target)}]: {kinds}"


if __name__ == "__main__":
    everything = import_graph()
    print("\n".join(_report(everything)))
    print("peer edges:", ", ".join(f"{a} -> {b}" for a, b in sorted(peer_edges(everything))))
