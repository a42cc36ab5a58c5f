"""The glossary as it was at a git revision.

The files are read straight from git's object store (``git ls-tree`` for the
list, ``git cat-file --batch`` for the content, the batch form of ``git show
REV:path``), written to a temporary folder and loaded by the ordinary loader,
so a revision is read by exactly the rules the working tree is.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..config import Config
from ..load import load_glossary
from ..model import Glossary
from ..problems import ShoptalkError

WORKING_TREE = "working tree"
_SYMLINK = "120000"


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


def _blobs(top: Path, shas: list[str]) -> list[bytes]:
    out = git(top, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
    contents: list[bytes] = []
    at = 0
    for _ in shas:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        contents.append(out[header_end + 1: header_end + 1 + size])
        at = header_end + 1 + size + 1  # the batch output ends each object with a newline
    return contents


def load_at(config: Config, revision: str, scratch: Path) -> Glossary:
    """The glossary at ``revision``, materialised under ``scratch`` (kept by the caller)."""
    top = repo_root(config.root)
    try:
        prefix = config.glossary.resolve().relative_to(top).as_posix()
    except ValueError as exc:
        raise ShoptalkError(f"{config.glossary} is not inside the repository {top}") from exc
    try:
        git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except ShoptalkError as exc:
        raise ShoptalkError(f"unknown revision '{revision}'; is it fetched? (in CI, check out "
                            "with fetch-depth: 0)") from exc
    listing = git(top, "ls-tree", "-r", "-z", "--full-tree", revision, "--", f"{prefix}/")
    entries: list[tuple[str, str]] = []
    for entry in filter(None, listing.split(b"\0")):
        meta, _, path = entry.decode("utf-8", "surrogateescape").partition("\t")
        mode, kind, sha = meta.split()
        if kind == "blob" and mode != _SYMLINK:
            entries.append((path, sha))
    root = scratch / prefix
    root.mkdir(parents=True, exist_ok=True)
    for (path, _), content in zip(entries, _blobs(top, [sha for _, sha in entries]), strict=True):
        target = scratch / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    glossary, _ = load_glossary(root, scratch)
    return glossary


def load_revision(config: Config, revision: str | None) -> Glossary:
    """The glossary at ``revision``; ``None`` means the working tree as it is on disk."""
    if revision is None:
        return load_glossary(config.glossary, config.root)[0]
    # Records keep their Source path only for display; the folder can go once loaded.
    with tempfile.TemporaryDirectory(prefix="shoptalk-diff-") as scratch:
        return load_at(config, revision, Path(scratch))
