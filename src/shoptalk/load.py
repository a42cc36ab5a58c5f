"""Loading ``glossary/`` into a Glossary, collecting every problem on the way.

Loading never stops at the first bad file: each file is read, checked against
its schema and turned into a record as far as its content allows, so one run
reports everything and the cross-record rules still see the rest.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from .build import BUILDERS, Fields
from .model import Category, Glossary, Pos, Source
from .problems import PathDisplay, Problem, ShoptalkError, display_path
from .read_ahead import Fetched, read_ahead, read_bytes, worker_result
from .schema import ID_PATTERN, Kind, check_document, is_clean
from .yaml_fast import Positions, plain_data
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


def _read_checked(path: Path, kind: Kind, shown: str, raw: bytes | None = None,
                  fetched: Fetched | None = None) -> Document:
    if fetched is not None:  # read by a worker, and parsed there when clean
        raw, data = fetched
    else:
        raw = read_bytes(path) if raw is None else raw
        data = plain_data(raw) if raw is not None and kind != "categories" else None
        data = data if isinstance(data, dict) and is_clean(data, kind) else None
    if raw is not None and data is not None:
        # The fast path: a clean record needs no positions until a later rule asks.
        return Document(path, shown, data, located=Positions(path, shown, raw))
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
) -> Iterator[tuple[Path, str, tuple[str, ...]]]:
    """The YAML files under ``root``: path, path as shown, parts below ``root``.

    A symbolic link is followed only when what it points at lies within the
    repository: a link to ``/etc`` or a home folder would publish that file.
    Folders are listed with ``os.scandir`` and each folder's shown path is worked
    out once: at 10,000 files, per-file path arithmetic costs more than the YAML. A
    file's Path is its folder's joined with its name (parsing ``entry.path`` again
    costs twice as much).
    """
    inside = inside.resolve()
    visited = {root.resolve()}  # a link back up the tree must not loop

    def entries(folder: Path, parts: tuple[str, ...]
                ) -> Iterator[tuple[Path, str, tuple[str, ...]]]:
        shown_folder: str | None = None
        with os.scandir(folder) as listing:
            found = sorted(listing, key=lambda e: e.name)
        for entry in found:
            if not parts and entry.name in IGNORED_FOLDERS:
                continue  # glossary/schema links into the package; it is never read
            path = folder / entry.name
            link = entry.is_symlink()
            if link:
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
            if entry.is_dir():
                real = path.resolve()
                if real not in visited:
                    visited.add(real)
                    yield from entries(path, (*parts, entry.name))
            elif os.path.splitext(entry.name)[1] in SUFFIXES and entry.is_file():
                if link:
                    shown = paths.show(path)  # shown where the link points, as before
                else:
                    if shown_folder is None:
                        shown_folder = paths.show(path.parent / "_")[:-1]  # "dir/" or ""
                    shown = shown_folder + entry.name
                yield path, shown, (*parts, entry.name)

    return entries(root, ()) if root.is_dir() else iter(())


def _files(
    root: Path, base: Path | None, files: Mapping[str, bytes] | None, problems: list[Problem]
) -> Iterator[tuple[Path, str, bytes | None, tuple[str, ...]]]:
    """Each YAML file under ``root``: path, path as shown, content when held in memory,
    and its parts below ``root``; sorted as paths sort."""
    if files is None:
        paths = PathDisplay(base or Path.cwd())  # resolves each folder once, not each file
        for path, shown, parts in sorted(
            _walk(root, base or Path.cwd(), paths, problems), key=lambda found: found[2]
        ):
            yield path, shown, None, parts
        return
    shown_root = display_path(root, base)
    for name in sorted(files, key=PurePosixPath):
        if PurePosixPath(name).suffix in SUFFIXES:
            yield root / name, f"{shown_root}/{name}", files[name], PurePosixPath(name).parts


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while many records are built: they hold no cycles, and
    it would walk the growing heap over and over to find nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def load_glossary(
    root: Path, base: Path | None = None, files: Mapping[str, bytes] | None = None,
    changed: frozenset[Path] | None = None, jobs: int | Callable[[int], int] = 1,
) -> tuple[Glossary, list[Problem]]:
    """Load every file under ``root``; return the glossary and the loading problems.

    ``base`` is the repository root (default: the working dir): paths are shown
    relative to it, and no symbolic link under ``root`` is followed out of it.
    ``files`` (path below ``root`` with '/' → content) stands in for the folder, e.g. a
    git revision read into memory; then nothing under ``root`` is listed or read.
    ``changed`` (resolved files new or changed since the base branch): a duplicate id is
    blamed on the one of its two files that changed, when only one did.
    ``jobs`` (a number, or a function of the number of records): from
    ``read_ahead.PARALLEL_FROM`` records on, ``jobs - 1`` forked workers read and parse
    the last ones while this process loads the first; never inside a server (it forks).
    Raises ShoptalkError only when ``root`` is not a folder at all.
    """
    if files is None and not root.is_dir():
        raise ShoptalkError(f"{root}: glossary folder not found")
    problems: list[Problem] = []
    records: dict[Kind, dict[str, Any]] = {k: {} for k in FOLDERS.values()}
    broken: dict[str, dict[str, str]] = {}
    seen: dict[tuple[Kind, str], tuple[Path, str]] = {}
    categories_file: Path | None = None
    with paused_gc():
        listed = [found for found in _files(root, base, files, problems)
                  if found[3][0] not in IGNORED_FOLDERS]
        with read_ahead([(index, found[0], kind) for index, found in enumerate(listed)
                         if found[2] is None and (kind := _kind(found[3]))], jobs) as ahead:
            waiting = {index: batch for batch in ahead for index in batch[0]}
            fetched: dict[int, Fetched | None] = {}
            for index, (path, shown, raw, parts) in enumerate(listed):
                if parts == (CATEGORIES_FILE,):
                    categories_file = path
                    continue
                if index in waiting:  # the first of a worker's files: wait for all of them
                    indexes, future = waiting[index]
                    fetched.update(dict.fromkeys(indexes))  # None: this process reads it
                    fetched.update(zip(indexes, worker_result(future), strict=False))
                    for done in indexes:
                        del waiting[done]
                _load_record(path, shown, raw, parts, problems, records, broken, seen,
                             changed, fetched.pop(index, None))
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


def _kind(parts: tuple[str, ...]) -> Kind | None:
    """The kind of record a file below the glossary holds by where it is, or None."""
    return FOLDERS.get(parts[0]) if len(parts) == 2 else None


def _load_record(
    path: Path,
    shown: str,
    raw: bytes | None,
    parts: tuple[str, ...],
    problems: list[Problem],
    records: dict[Kind, dict[str, Any]],
    broken: dict[str, dict[str, str]],
    seen: dict[tuple[Kind, str], tuple[Path, str]],
    changed: frozenset[Path] | None,
    fetched: Fetched | None = None,
) -> None:
    """Read one record file into ``records`` (or ``broken``), its problems into ``problems``."""
    kind = _kind(parts)
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
        return
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
        problems += _duplicate(f"{kind} '{record_id}'", seen[kind, record_id],
                               (path, shown), changed)
        return
    seen[(kind, record_id)] = (path, shown)
    doc = _read_checked(path, kind, shown, raw, fetched)
    problems.extend(doc.problems)
    if isinstance(doc.data, dict):
        records[kind][record_id] = BUILDERS[kind](record_id, doc)
    elif ID_PATTERN.match(record_id):
        # Still known by its file name: what refers to it waits for the file to load.
        broken.setdefault(kind, {})[record_id] = shown


def _duplicate(record: str, first: tuple[Path, str], second: tuple[Path, str],
               changed: frozenset[Path] | None) -> list[Problem]:
    """Two files giving one record its id (``lead.yml``, ``lead.yaml``): an error on the
    file new or changed since the base branch when only one is, else on both."""
    pair = [(first, second), (second, first)]
    if changed is not None:
        touched = [(here, there) for here, there in pair if here[0].resolve() in changed]
        pair = touched if len(touched) == 1 else pair
    return [_problem(here[1], f"{record} is also defined in {there[1]}", "duplicate-id")
            for here, there in pair]


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
