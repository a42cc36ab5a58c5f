"""The glossary as it was at a git revision, read from git's object store into memory.

``git ls-tree`` lists the files, ``git cat-file --batch`` gives their content,
and the ordinary loader reads that content from memory, so a revision is read
by exactly the rules the working tree is. Nothing is written to disk: a
commit is data from whoever pushed it, and its entry names (``..``, links)
must never become paths. Entries that could not be a glossary file on any
checkout (a symbolic link, a name like ``..``) are refused and reported.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from ..config import Config
from ..load import IGNORED_FOLDERS, SUFFIXES, load_glossary
from ..model import Glossary
from ..problems import Problem, ShoptalkError

WORKING_TREE = "working tree"
UNSAFE_ENTRY = "unsafe-entry"
_SYMLINK = "120000"
_BAD_NAMES = frozenset({"", ".", ".."})


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in ``cwd``; a failure is a ShoptalkError carrying git's own message."""
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], input=stdin, capture_output=True,
                              check=False)
    except FileNotFoundError as exc:
        raise ShoptalkError("git is not installed or not on PATH") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ShoptalkError(f"git {args[0]} failed: {message[-1] if message else 'no output'}")
    return done.stdout


def repo_root(path: Path) -> Path:
    """The top folder of the git repository holding ``path``."""
    try:
        out = git(path, "rev-parse", "--show-toplevel")
    except ShoptalkError as exc:
        raise ShoptalkError(f"{path} is not inside a git repository") from exc
    return Path(out.decode().strip()).resolve()


def _commit(top: Path, revision: str) -> str:
    """The commit id ``revision`` names; a name git could read as an option is refused."""
    if revision.startswith("-") or not revision.strip():
        raise ShoptalkError(f"'{revision}' is not a revision; give a branch, tag or commit, "
                            "e.g. origin/main")
    try:
        out = git(top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                  f"{revision}^{{commit}}")
    except ShoptalkError as exc:
        raise ShoptalkError(f"unknown revision '{revision}'; is it fetched? (in CI, check out "
                            "with fetch-depth: 0)") from exc
    return out.decode("ascii").strip()


def _blobs(top: Path, shas: list[str]) -> list[bytes]:
    out = git(top, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
    contents: list[bytes] = []
    at = 0
    for sha in shas:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        if len(header) != 3:  # "<sha> missing": e.g. a partial clone without the object
            raise ShoptalkError(f"git has no content for object {sha}; fetch the revision fully")
        size = int(header[2])
        contents.append(out[header_end + 1: header_end + 1 + size])
        at = header_end + 1 + size + 1  # the batch output ends each object with a newline
    return contents


def shown_entry(path: str) -> str:
    """A tree path as text safe to print: control characters spelled out, not sent."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def refusal(name: str, mode: str) -> str | None:
    """Why a tree entry ``name`` (below the glossary) cannot be read, or None when it can."""
    bad = next((p for p in name.split("/") if p in _BAD_NAMES or "\\" in p), None)
    if bad is not None:
        return (f"the entry name '{shown_entry(bad)}' could not exist in a checkout (the commit "
                "was built by hand); it is not read. Remove it from the branch")
    if mode == _SYMLINK:
        return ("is a symbolic link; glossary files must be ordinary files, so it is not read. "
                "Replace the link with the file itself")
    return None


def _entries(top: Path, commit: str, prefix: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Blob id of each glossary file (path below ``prefix``); refused entries and why."""
    listing = git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{prefix}/")
    files: dict[str, str] = {}
    refused: list[tuple[str, str]] = []
    for entry in filter(None, listing.split(b"\0")):
        meta, _, path = entry.decode("utf-8", "surrogateescape").partition("\t")
        mode, kind, sha = meta.split()
        name = path.removeprefix(f"{prefix}/")
        if kind != "blob" or name == path or name.split("/")[0] in IGNORED_FOLDERS:
            continue  # submodules and the schema link are no part of the language
        why = refusal(name, mode)
        if why is not None:
            refused.append((path, why))
        elif PurePosixPath(name).suffix in SUFFIXES:
            files[name] = sha
    return files, refused


def load_at(config: Config, revision: str) -> tuple[Glossary, list[Problem]]:
    """The glossary at ``revision``, and the entries refused (as problems at ``REV:path``)."""
    top = repo_root(config.root)
    try:
        prefix = config.glossary.resolve().relative_to(top).as_posix()
    except ValueError as exc:
        raise ShoptalkError(f"{config.glossary} is not inside the repository {top}") from exc
    files, refused = _entries(top, _commit(top, revision), prefix)
    contents = dict(zip(files, _blobs(top, list(files.values())), strict=True))
    # Records point where the file would be in a checkout; nothing reads from there.
    glossary, _ = load_glossary(top / prefix, top, files=contents)
    problems = [Problem(f"{revision}:{shown_entry(path)}", 1, 1, "error", why, UNSAFE_ENTRY)
                for path, why in refused]
    return glossary, sorted(problems)


def load_revision(config: Config, revision: str | None) -> tuple[Glossary, list[Problem]]:
    """The glossary at ``revision`` (``None``: the working tree) and the entries refused."""
    if revision is None:
        return load_glossary(config.glossary, config.root)[0], []
    return load_at(config, revision)


__all__ = [
    "UNSAFE_ENTRY", "WORKING_TREE", "git", "load_at", "load_revision", "refusal", "repo_root",
    "shown_entry"
]
