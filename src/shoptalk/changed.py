"""Which files a branch adds or changes, relative to the branch it will merge into.

A problem between two files (two terms claiming one name) belongs on the file the
pull request touched: that is where a reviewer looks and where CI annotations land.
The base is ``--base REV``, or ``origin/$GITHUB_BASE_REF`` in a GitHub pull request.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from .diff.revision import git, repo_root
from .problems import ShoptalkError

__all__ = ["base_from_env", "changed_or_none", "changed_since"]


def base_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """``origin/<branch>`` when GitHub says this run is for a pull request into ``branch``."""
    branch = (os.environ if environ is None else environ).get("GITHUB_BASE_REF", "").strip()
    return f"origin/{branch}" if branch else None


def _paths(top: Path, listing: bytes) -> set[Path]:
    return {top / name for name in listing.decode("utf-8", "surrogateescape").split("\0") if name}


def changed_since(root: Path, base: str) -> frozenset[Path]:
    """Files (resolved) added or modified since the merge base of ``base`` and HEAD.

    The working tree counts, committed or not, and so do new files git does not track
    yet: an editor running ``validate`` before committing sees the same blame as CI.
    Every git argument is passed as a list after ``--end-of-options``, never through a
    shell, so a branch name is only ever read as a revision.
    """
    if not base.strip() or base.startswith("-"):
        raise ShoptalkError(f"'{base}' is not a revision; give a branch, tag or commit, "
                            "e.g. origin/main")
    top = repo_root(root)
    try:
        merge_base = git(top, "merge-base", "--end-of-options", base, "HEAD")
    except ShoptalkError as exc:
        raise ShoptalkError(f"cannot compare with '{base}': {exc}; is it fetched? (in CI, "
                            "check out with fetch-depth: 0)") from exc
    commit = merge_base.decode("ascii").strip()
    changed = _paths(top, git(top, "diff", "--name-only", "-z", "--no-renames",
                              "--diff-filter=AM", "--end-of-options", commit))
    changed |= _paths(top, git(top, "ls-files", "-z", "--others", "--exclude-standard"))
    return frozenset(path.resolve() for path in changed)


def changed_or_none(root: Path, base: str | None, *, explicit: bool) -> frozenset[Path] | None:
    """``changed_since`` for a given base; None when there is none or, if it came from the
    environment rather than the command line, when git cannot answer (blame both files)."""
    if base is None:
        return None
    try:
        return changed_since(root, base)
    except ShoptalkError as exc:
        if explicit:
            raise
        print(f"shoptalk: note: {exc}; duplicates are reported on both files", file=sys.stderr)
        return None
