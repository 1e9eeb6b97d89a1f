"""The core's layers (ARCHITECTURE.md): model → records → render → publish, with cli on top.

Every module of hooks/ridsite/ is read with ast (nothing is imported): each lives in a layer's
folder, imports only from its own layer or one below, takes part in no import cycle (imports
inside functions count), and never reaches the project's own modules through importlib. Imports
under `if TYPE_CHECKING:` are for annotations only and never run, so they do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
PACKAGE = HOOKS / "ridsite"
# Lowest first: a module may import from its own layer and the ones before it.
LAYERS = ("model", "records", "render", "publish", "cli")
ADAPTER = "mkdocs_hooks"  # hooks/mkdocs_hooks.py, the one MkDocs module: above every layer


def module_name(path: Path, root: Path = HOOKS) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules(root: Path = HOOKS) -> dict[str, Path]:
    files = [p for p in sorted((root / "ridsite").rglob("*.py")) if "vendor" not in p.parts]
    return {module_name(p, root): p for p in [*files, root / f"{ADAPTER}.py"]}


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under `if TYPE_CHECKING:`."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            out.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return out


def imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, project module) for every import of a project module that runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _type_checking_only(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name in modules]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in modules:
                    found.append((node.lineno, target))
                elif base in modules:
                    found.append((node.lineno, base))
    return found


def layer_of(name: str) -> int | None:
    if name == ADAPTER:
        return len(LAYERS)
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def graph(root: Path = HOOKS) -> dict[str, list[tuple[int, str]]]:
    modules = project_modules(root)
    return {name: imports(name, path, modules) for name, path in modules.items()}


def against_the_layers(root: Path = HOOKS) -> list[str]:
    out = []
    for name, found in graph(root).items():
        for line, target in found:
            if (layer_of(target) or 0) > (layer_of(name) or 0):
                out.append(f"{name}:{line} imports {target}, a layer above it")
    return out


def cycles(root: Path = HOOKS) -> list[list[str]]:
    """The strongly connected components of more than one module, or of one importing itself (Tarjan)."""
    edges = {name: sorted({t for _, t in found if t != "ridsite"}) for name, found in graph(root).items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges[node]:
                out.append(sorted(component))

    for node in edges:
        if node not in index:
            visit(node)
    return out


def dynamic_imports(root: Path = HOOKS) -> list[str]:
    """importlib.import_module(…) or __import__(…) of anything but a named module outside the project."""
    out = []
    for name, path in project_modules(root).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called not in {"import_module", "__import__"}:
                continue
            arg = node.args[0] if node.args else None
            named = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if not named or arg.value.startswith((".", "ridsite", ADAPTER)):
                out.append(f"{name}:{node.lineno} imports a module by {called}(); import it by name")
    return out


def test_every_module_lives_in_a_layer():
    modules = project_modules()
    assert len(modules) > 40  # the test reads the real package
    loose = [name for name in modules if name not in {"ridsite", ADAPTER, *(f"ridsite.{layer}" for layer in LAYERS)}]
    assert [name for name in loose if layer_of(name) is None] == [], (
        f"put each module of hooks/ridsite/ in one of its layers' folders: {', '.join(LAYERS)} (ARCHITECTURE.md)"
    )


def test_no_module_imports_from_a_layer_above_its_own():
    assert against_the_layers() == []


def test_no_import_cycle():
    assert cycles() == []


def test_the_project_s_modules_are_never_imported_by_importlib():
    assert dynamic_imports() == []


@pytest.mark.parametrize(
    ("module", "line", "finds"),
    [
        ("model/dates.py", "from ..render import pages", against_the_layers),
        ("records/yamlparser.py", "from . import yamlfile", cycles),
        ("render/svg.py", "import importlib\nimportlib.import_module(f'ridsite.render.{1}')", dynamic_imports),
    ],
)
def test_each_rule_finds_what_it_forbids(tmp_path, module, line, finds):
    """A copy of the package with one bad line added: the rule that forbids it reports it."""
    import shutil

    shutil.copytree(PACKAGE, tmp_path / "ridsite", ignore=shutil.ignore_patterns("vendor", "templates"))
    shutil.copy(HOOKS / f"{ADAPTER}.py", tmp_path)
    assert finds(tmp_path) == []
    bad = tmp_path / "ridsite" / module
    bad.write_text(bad.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    assert finds(tmp_path) != []
