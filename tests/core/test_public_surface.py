"""The package's public surface: what each module offers is named, documented and kept to."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
MODULES = sorted((SRC / "shoptalk").rglob("*.py"))


def _module(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _package(path: Path) -> tuple[str, ...]:
    return _module(path) if path.name == "__init__.py" else _module(path)[:-1]


def _all(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    return None


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(path: Path, tree: ast.Module) -> list[str]:
    """Each ``from`` import in ``path`` that takes a private module or name of another package."""
    found = []
    here = _package(path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = here[: len(here) - node.level + 1]
            target = (*base, *(node.module.split(".") if node.module else ()))
        elif (node.module or "").split(".")[0] == "shoptalk":
            target = tuple((node.module or "").split("."))
        else:
            continue
        owner = target if SRC.joinpath(*target).is_dir() else target[:-1]
        if owner == here:
            continue
        for alias in node.names:
            if any(_private(part) for part in target) or _private(alias.name):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: "
                             f"from {'.' * node.level}{node.module or ''} import {alias.name}")
    return found


def test_no_module_imports_another_packages_private_names() -> None:
    assert [hit for p in MODULES for hit in private_imports(p, ast.parse(p.read_text()))] == []


def test_the_private_import_check_sees_both_forms(tmp_path: Path) -> None:
    source = ("from ..rules._base import at\nfrom ..exchange.sources import _located\n"
              "from ._base import at\nfrom ..problems import Problem\n")
    path = SRC / "shoptalk/check/example.py"  # not written: only its place in the package counts
    assert private_imports(path, ast.parse(source)) == [
        "shoptalk/check/example.py:1: from ..rules._base import at",
        "shoptalk/check/example.py:2: from ..exchange.sources import _located",
    ]


def test_every_module_names_its_public_surface() -> None:
    missing = [str(p.relative_to(SRC)) for p in MODULES
               if p.name != "__main__.py" and _all(ast.parse(p.read_text())) is None]
    assert missing == []


def test_every_name_in_all_exists_and_every_public_function_says_what_it_does() -> None:
    problems = []
    for path in MODULES:
        tree = ast.parse(path.read_text())
        defined: dict[str, ast.AST] = {}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined[node.name] = node
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    defined.update({t.id: node} if isinstance(t, ast.Name) else {})
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                defined.update({(a.asname or a.name).split(".")[0]: node for a in node.names})
        for name in _all(tree) or []:
            node = defined.get(name)
            where = f"{path.relative_to(SRC)}: {name}"
            if node is None and name != "__version__":
                problems.append(f"{where} is in __all__ but not defined")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                doc = ast.get_docstring(node)
                if not doc or not doc.splitlines()[0].strip():
                    problems.append(f"{where} has no one-line docstring")
    assert problems == []
