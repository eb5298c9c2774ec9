"""The layout is the architecture: every module's imports, read with `ast`, flow downward only and never in a circle.

domain < storage < exchange, services, output < commands < cli. A module may import its own layer or
any layer below; nothing imports upward. Lazy imports inside functions count too: they are still a
dependency, only a later one.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peertrack"

RANKS = {"domain": 0, "storage": 1, "exchange": 2, "services": 2, "output": 2, "commands": 3, "cli": 4,
         "__main__": 4}
# The package's own __init__ holds the version only, so anything may import it.
ROOT_RANK = 0



def modules(package: Path) -> dict[str, Path]:
    """Every module under `package`, by its dotted name."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(package: Path) -> dict[str, set[str]]:
    """Each module's imports of other modules in the package, anywhere in it (functions and TYPE_CHECKING too).

    `from peertrack.output import porcelain` is an import of peertrack.output.porcelain when that is a module.
    """
    known = modules(package)
    top = package.name
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.split(".")[0] == top)
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == top:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in known else node.module)
        graph[name] = found - {name}
    return graph


def rank(module: str) -> int:
    parts = module.split(".")
    return ROOT_RANK if len(parts) == 1 else RANKS[parts[1]]


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a higher layer, as "importer -> imported"."""
    return sorted(f"{module} -> {target}" for module, targets in graph.items() for target in targets
                  if rank(target) > rank(module))


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The groups of modules that import each other, directly or round a longer loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_is_in_a_known_layer():
    assert all(rank(module) >= 0 for module in modules(PACKAGE))  # an unknown folder raises KeyError here
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} == {
        "domain", "storage", "exchange", "services", "output", "commands"}


def test_no_layer_imports_a_higher_one():
    assert upward(imports(PACKAGE)) == []


def test_no_modules_import_each_other_in_a_circle():
    assert circles(imports(PACKAGE)) == []


# What every command may use; otherwise a command module imports no other command module (app.py,
# the root of the tree, loads them all). Pieces two commands share move down, to services/ or domain/.
SHARED_BY_COMMANDS = {"common", "completers", "failures", "crash_log", "selection", "views", "course_entry",
                      "cycle_record", "record_files", "certificate_reading", "in_progress", "cert_options"}


def test_command_modules_do_not_import_each_other():
    assert commands_importing_commands(imports(PACKAGE)) == set()


def commands_importing_commands(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    prefix = "peertrack.commands."
    return {(module[len(prefix):], target[len(prefix):]) for module, targets in graph.items() for target in targets
            if module.startswith(prefix) and target.startswith(prefix) and module != prefix + "app"
            and target[len(prefix):] not in SHARED_BY_COMMANDS}



# The checker itself: it must see a bad import, or the tests above could never fail.


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package to spoil on purpose."""
    target = tmp_path / "peertrack"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_checker_finds_an_upward_import(copy):
    cycles = copy / "domain" / "cycles.py"
    cycles.write_text(cycles.read_text() + "\n\ndef _bad():\n    from peertrack.output import screen\n")
    storage = copy / "storage" / "certs.py"
    storage.write_text("import peertrack.commands.common\n" + storage.read_text())
    assert upward(imports(copy)) == ["peertrack.domain.cycles -> peertrack.output.screen",
                                     "peertrack.storage.certs -> peertrack.commands.common"]


def test_the_checker_finds_a_circle_through_a_lazy_import(copy):
    assert circles(imports(copy)) == []
    words = copy / "output" / "words.py"
    words.write_text(words.read_text() + "\n\ndef _bad():\n    from peertrack.output.dashboard import show\n")
    assert any(circle >= {"peertrack.output.words", "peertrack.output.dashboard"} for circle in circles(imports(copy)))


def test_circles_are_found_round_longer_loops_and_not_in_a_line():
    line = {"a": {"b"}, "b": {"c"}, "c": set()}
    assert circles(line) == []
    loop = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(loop) == [frozenset({"a", "b", "c"})]


def test_the_checker_finds_a_command_importing_another(copy):
    due = copy / "commands" / "due.py"
    due.write_text(due.read_text() + "\n\ndef _bad():\n    from peertrack.commands.courses import log_ceu\n")
    assert ("due", "courses") in commands_importing_commands(imports(copy))
