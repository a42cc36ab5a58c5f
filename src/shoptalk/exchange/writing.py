"""Writing files so that a failure leaves nothing half done.

Each file is written to a temporary name in its own folder and then moved
into place, so a reader never sees half a file; a batch of new files is
staged completely before the first one appears, and taken back out if a
later one cannot be placed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from ..problems import ShoptalkError


def _stage(target: Path, text: str) -> Path:
    """``text`` in a new temporary file beside ``target`` (mode as any new file gets)."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def write_file(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` in one step (temporary file + os.replace)."""
    try:
        temp = _stage(target, text)
    except OSError as exc:
        raise ShoptalkError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ShoptalkError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _place(temp: Path, target: Path) -> None:
    """Move ``temp`` to ``target`` unless something is already there."""
    if os.path.lexists(target):
        raise FileExistsError(0, "a file appeared there meanwhile", str(target))
    os.replace(temp, target)


def write_new_files(files: Sequence[tuple[Path, str]]) -> None:
    """Create every file of ``files`` or none: never overwrite, undo on any failure."""
    made: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for target, _ in files:
            for folder in reversed([target.parent, *target.parent.parents]):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
        for target, text in files:
            staged.append((_stage(target, text), target))
        for temp, target in staged:
            _place(temp, target)
            placed.append(target)
    except OSError as exc:
        for target in placed:
            target.unlink(missing_ok=True)
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        where = exc.filename or "a file"
        raise ShoptalkError(f"cannot write {where}: {exc.strerror or exc}; nothing was "
                            "written") from exc


__all__ = ["write_file", "write_new_files"]
