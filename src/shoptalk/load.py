"""Loading ``glossary/`` into a Glossary, collecting every problem on the way.

Loading never stops at the first bad file: each file is read, checked against
its schema and turned into a record as far as its content allows, so one run
reports everything and the cross-record rules still see the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from .build import BUILDERS, Fields
from .model import Category, Glossary, Pos, Source
from .problems import PathDisplay, Problem, ShoptalkError, display_path
from .schema import ID_PATTERN, Kind, check_document
from .yaml_reader import Document, read_yaml

FOLDERS: dict[str, Kind] = {
    "terms": "term",
    "stages": "stage",
    "roles": "role",
    "frameworks": "framework",
}
CATEGORIES_FILE = "categories.yml"
SUFFIXES = (".yml", ".yaml")
IGNORED_FOLDERS = ("schema",)


def _problem(
    display: str, message: str, rule: str, pos: Pos | None = None, severity: str = "error"
) -> Problem:
    pos = pos or Pos(1, 1)
    return Problem(
        display, pos.line, pos.col, "error" if severity == "error" else "warning", message, rule
    )


def _read_checked(path: Path, kind: Kind, shown: str, raw: bytes | None = None) -> Document:
    doc = read_yaml(path, shown, raw)
    if not doc.ok:
        return doc
    wants_list = kind == "categories"
    if (wants_list and not isinstance(doc.data, list)) or (
        not wants_list and not isinstance(doc.data, dict)
    ):
        shape = "a list of categories" if wants_list else "a mapping of fields (key: value)"
        got = (
            "a list"
            if isinstance(doc.data, list)
            else "a mapping"
            if isinstance(doc.data, dict)
            else "a single value"
        )
        doc.error(doc.values.get("", Pos(1, 1)), f"expected {shape}, got {got}", "file-shape")
        return doc
    doc.problems.extend(check_document(doc, kind))
    return doc


def _walk(
    root: Path, inside: Path, paths: PathDisplay, problems: list[Problem]
) -> Iterator[Path]:
    """The YAML files under ``root``, sorted, never through a link that leaves ``inside``.

    A symbolic link is followed only when what it points at lies within the
    repository: a link to ``/etc`` or a home folder would publish that file.
    """
    inside = inside.resolve()
    visited = {root.resolve()}  # a link back up the tree must not loop

    def entries(folder: Path, top: bool) -> Iterator[Path]:
        for path in sorted(folder.iterdir()):
            if top and path.name in IGNORED_FOLDERS:
                continue  # glossary/schema links into the package; it is never read
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    continue  # a dangling or looping link points at nothing to read
                if not target.is_relative_to(inside):
                    problems.append(_problem(
                        paths.show_link(path),
                        "a symbolic link to a place outside the repository, so it is not "
                        "read; copy what it points at into the glossary instead",
                        "outside-link",
                    ))
                    continue
            if path.is_dir():
                real = path.resolve()
                if real not in visited:
                    visited.add(real)
                    yield from entries(path, False)
            elif path.suffix in SUFFIXES and path.is_file():
                yield path

    return entries(root, True) if root.is_dir() else iter(())


def _files(
    root: Path, base: Path | None, files: Mapping[str, bytes] | None, problems: list[Problem]
) -> Iterator[tuple[Path, str, bytes | None]]:
    """Each YAML file under ``root``: path, path as shown, content when held in memory."""
    if files is None:
        paths = PathDisplay(base or Path.cwd())  # resolves each folder once, not each file
        for path in sorted(_walk(root, base or Path.cwd(), paths, problems)):
            yield path, paths.show(path), None
        return
    shown_root = display_path(root, base)
    for name in sorted(files, key=PurePosixPath):
        if PurePosixPath(name).suffix in SUFFIXES:
            yield root / name, f"{shown_root}/{name}", files[name]


def load_glossary(
    root: Path, base: Path | None = None, files: Mapping[str, bytes] | None = None
) -> tuple[Glossary, list[Problem]]:
    """Load every file under ``root``; return the glossary and the loading problems.

    ``base`` is the repository root (default: the working dir): paths are shown
    relative to it, and no symbolic link under ``root`` is followed out of it.
    ``files`` (path below ``root`` with '/' → content) stands in for the folder, e.g. a
    git revision read into memory; then nothing under ``root`` is listed or read.
    Raises ShoptalkError only when ``root`` is not a folder at all.
    """
    if files is None and not root.is_dir():
        raise ShoptalkError(f"{root}: glossary folder not found")
    problems: list[Problem] = []
    records: dict[Kind, dict[str, Any]] = {k: {} for k in FOLDERS.values()}
    broken: dict[str, dict[str, str]] = {}
    seen: dict[tuple[Kind, str], str] = {}
    categories_file: Path | None = None
    for path, shown, raw in _files(root, base, files, problems):
        rel = path.relative_to(root)
        if rel.parts[0] in IGNORED_FOLDERS:
            continue
        if rel.as_posix() == CATEGORIES_FILE:
            categories_file = path
            continue
        kind = FOLDERS.get(rel.parts[0]) if len(rel.parts) == 2 else None
        if kind is None:
            problems.append(
                _problem(
                    shown,
                    "not part of the glossary layout; records go in "
                    "terms/, stages/, roles/ or frameworks/",
                    "stray-file",
                    severity="warning",
                )
            )
            continue
        record_id = path.stem
        if not ID_PATTERN.match(record_id):
            problems.append(
                _problem(
                    shown,
                    f"file name '{path.name}' is not a valid id; use "
                    "lowercase letters, digits and single hyphens, e.g. "
                    "'economic-buyer.yml'",
                    "bad-id",
                )
            )
        if (kind, record_id) in seen:
            problems.append(
                _problem(
                    shown,
                    f"{kind} '{record_id}' is also defined in {seen[(kind, record_id)]}",
                    "duplicate-id",
                )
            )
            continue
        seen[(kind, record_id)] = shown
        doc = _read_checked(path, kind, shown, raw)
        problems.extend(doc.problems)
        if isinstance(doc.data, dict):
            records[kind][record_id] = BUILDERS[kind](record_id, doc)
        elif ID_PATTERN.match(record_id):
            # Still known by its file name: what refers to it waits for the file to load.
            broken.setdefault(kind, {})[record_id] = shown
    categories = _load_categories(root, categories_file, base, problems, files)
    glossary = Glossary(
        root=root,
        terms=records["term"],
        stages=records["stage"],
        roles=records["role"],
        frameworks=records["framework"],
        categories=categories,
        broken=broken,
    )
    return glossary, problems


def _load_categories(
    root: Path,
    path: Path | None,
    base: Path | None,
    problems: list[Problem],
    files: Mapping[str, bytes] | None,
) -> dict[str, Category]:
    raw = files.get(CATEGORIES_FILE) if files is not None else None
    if files is not None:  # held in memory: nothing on disk is looked at
        path = root / CATEGORIES_FILE if raw is not None else None
    if path is None:
        link = root / CATEGORIES_FILE
        if files is None and link.is_symlink() and link.exists():
            return {}  # a link out of the repository: reported as such, not as missing
        problems.append(
            _problem(
                display_path(root, base),
                f"missing {CATEGORIES_FILE}: the list of categories terms are filed under",
                "missing-file",
            )
        )
        return {}
    shown = display_path(path, base) if files is None \
        else f"{display_path(root, base)}/{CATEGORIES_FILE}"
    doc = _read_checked(path, "categories", shown, raw)
    problems.extend(doc.problems)
    categories: dict[str, Category] = {}
    if not isinstance(doc.data, list):
        return categories
    for index, item in enumerate(doc.data):
        f = Fields(item)
        cat_id = f.text("id")
        if not cat_id:
            continue
        where = f"[{index}]"
        positions = {
            k[len(where) + 1 :]: v for k, v in doc.values.items() if k.startswith(where + ".")
        }
        positions[""] = doc.values.get(where, Pos(1, 1))
        if cat_id in categories:
            pos = doc.values.get(f"{where}.id", Pos(1, 1))
            problems.append(
                _problem(doc.display, f"category '{cat_id}' is listed twice", "duplicate-id", pos)
            )
            continue
        categories[cat_id] = Category(
            cat_id,
            f.req("name", cat_id),
            Source(path, positions, doc.display),
            f.req("description"),
        )
    return categories


__all__ = ["CATEGORIES_FILE", "FOLDERS", "IGNORED_FOLDERS", "SUFFIXES", "load_glossary"]
