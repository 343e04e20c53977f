"""
The package's layout holds: no module over 700 lines, no import cycle, and no module
imports one that stands above it in the pipeline (CONTRIBUTING.md draws the picture).
Imports inside functions count too: a lazy import is still a dependency.
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "gapcoach"
MAX_LINES = 700

# Each module's level, lowest first: a module may import its own level or below.
LEVELS = [
    ("gapcoach._version", "gapcoach.errors", "gapcoach._text"),
    ("gapcoach.models",),
    ("gapcoach.vocab",),
    ("gapcoach.ingest",),
    ("gapcoach.taxonomy", "gapcoach.ratings"),
    ("gapcoach.match",),
    ("gapcoach.score",),
    ("gapcoach.plan",),
    ("gapcoach.api",),
    ("gapcoach.cohort", "gapcoach.output"),
    ("gapcoach.render",),
    ("gapcoach.batch",),  # runs the work; render only draws its data (cohort)
    ("gapcoach.cli", "gapcoach.__main__", "gapcoach"),
]


def _name(path: Path) -> str:
    parts = ["gapcoach", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(SRC.rglob("*.py"))}


def level(module: str) -> int:
    """The level of a module: that of the longest prefix listed in LEVELS."""
    best, found = -1, -1
    for index, names in enumerate(LEVELS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, found = len(name), index
    assert found >= 0, f"{module} has no level in LEVELS"
    return found


def imports(module: str) -> set[str]:
    """The gapcoach modules a module imports, anywhere in it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from gapcoach.ingest import files" imports a module, not a name
            found |= {
                f"{node.module}.{alias.name}"
                for alias in node.names
                if f"{node.module}.{alias.name}" in MODULES
            }
    return {name for name in found if name in MODULES and name != module}


def test_every_module_is_placed() -> None:
    """Every module has a level (a new package must be placed on purpose)."""
    assert len(MODULES) > 30
    for module in MODULES:
        level(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_short(module: str) -> None:
    """No module is longer than 700 lines: a longer one holds several concepts."""
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    """A module imports nothing that stands above it in the pipeline."""
    upward = sorted(name for name in imports(module) if level(name) > level(module))
    assert upward == []


def test_no_import_cycle() -> None:
    """The import graph has no cycle (a package's __init__ may import its modules)."""
    graph = {
        module: {
            name
            for name in imports(module)
            # a package re-exporting its own modules is not a cycle of concepts
            if not name.startswith(module + ".")
        }
        for module in MODULES
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for child in sorted(graph[node]):
            if state.get(child) == 1:
                cycles.append([*path[path.index(child) :], child])
            elif child not in state:
                visit(child, [*path, child])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checks_can_fail() -> None:
    """The level check catches an upward import (a check that cannot fail proves nothing)."""
    assert level("gapcoach.ingest.jobs") < level("gapcoach.match")
    assert level("gapcoach.render") < level("gapcoach.batch")
    assert "gapcoach.ingest.files" in imports("gapcoach.taxonomy.guide")
