"""Writing files: atomically, and only inside the repository.

A reader (the site build, an editor, git) sees the old file or the new one, never
half of it; a write never follows a link out of the repository; and a file that
changed since it was read is left alone rather than overwritten with stale text.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class WriteRefused(Exception):
    """A file was not written; the message says why and what to do, in editors' words."""


def write_text_atomic(path: Path, text: str, *, root: Path,
                      expected: bytes | None = None) -> Path:
    """Write ``text`` as UTF-8 (line endings as given) to ``path``; see ``write_bytes_atomic``."""
    return write_bytes_atomic(path, text.encode("utf-8"), root=root, expected=expected)


def write_bytes_atomic(path: Path, data: bytes, *, root: Path,
                       expected: bytes | None = None) -> Path:
    """Replace ``path`` with ``data`` through a temporary file beside it; return where it wrote.

    A symlink is written through to its target (the link stays) only when that target
    is inside ``root``. The file keeps its permissions. With ``expected``, the file must
    still hold exactly those bytes just before the replace. Raises WriteRefused.
    """
    target = inside(path, root)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise WriteRefused(f"cannot write: {exc.strerror}; fix it by hand") from exc
    # Checked by hand: replacing needs only the folder writable, and root may write anything.
    if target.exists() and (not mode & _ANY_WRITE or not os.access(target, os.W_OK)):
        raise WriteRefused("cannot write (read-only); fix it by hand or make it writable")
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteRefused(f"cannot write in its folder ({exc.strerror}); fix it by hand or "
                           "make the folder writable") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if expected is not None and _current(target) != expected:
            raise WriteRefused("changed while fixing, so nothing was written; run again")
        os.replace(temp, target)
    except OSError as exc:
        raise WriteRefused(f"cannot write: {exc.strerror}; fix it by hand") from exc
    finally:
        if os.path.lexists(temp):
            os.unlink(temp)
    return target


def inside(path: Path, root: Path) -> Path:
    """``path`` with every link resolved, if that is inside ``root``; else WriteRefused."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(os.path.realpath(root)):
        what = "links to a file" if os.path.abspath(path) != str(target) else "is"
        raise WriteRefused(f"{what} outside the repository, so it was not written; "
                           "fix it by hand")
    return target


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


__all__ = ["WriteRefused", "inside", "write_bytes_atomic", "write_text_atomic"]
