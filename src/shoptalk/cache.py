"""The loaded glossary, cached between runs and keyed by every file's stat.

Reading and schema-checking thousands of YAML files costs seconds; most runs of
``shoptalk check`` see the glossary unchanged. ``load_cached`` keeps the loaded
records and the loading problems in ``.shoptalk-cache/`` (git-ignored) and serves
them again only while every file under the glossary, and the package's own code,
still has the stat it had: size, mtime and ctime to the nanosecond, and inode.

Why it never serves stale or planted data:
- ctime is set by the kernel on every write, rename or chmod and cannot be set by
  hand, so a file changed and given back its old mtime still misses, and a cache
  committed to a repository never matches a fresh checkout's files;
- a cache is not written while a file's timestamps are within two seconds of now
  (its filesystem may not tell a second write in the same tick apart: git's "racy
  clean" problem);
- a glossary with symbolic links is never cached (the loader's link checks run);
- the cache is signed with a secret kept outside every repository (in the user's cache
  folder), and unpickled only when the signature holds: a file planted in a repository
  is never read.

What is compiled from the glossary (the checker's phrase index) can be kept beside it
(``load_cached_with``): plain data in ``marshal`` format, signed the same
way, keyed by the same stamp and by the settings it depends on, so a warm run neither
reads a YAML file nor compiles anything (``marshal`` loads plain data an order of
magnitude faster than ``pickle`` rebuilds objects).
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import pickle
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from . import model
from .files import WriteRefused, write_bytes_atomic, write_text_atomic
from .load import IGNORED_FOLDERS, load_glossary, paused_gc
from .problems import Problem

__all__ = ["CACHE_DIR", "Derived", "load_cached", "load_cached_with"]

CACHE_DIR = ".shoptalk-cache"
_FORMAT = 1
_RACY_NS = 2_000_000_000  # files touched this recently are not cached yet
_PACKAGE = Path(__file__).resolve().parent
_MAC = 32  # bytes of HMAC-SHA256 before the pickled body

T = TypeVar("T")


class Derived(Protocol, Generic[T]):
    """Something compiled from the glossary, cached beside it as plain data."""

    name: str  # the cache file's name (a plain word)
    salt: str  # the settings the value depends on besides the glossary and the code

    def build(self, glossary: model.Glossary) -> T:
        """Compile the value from a freshly loaded glossary."""
        ...

    def dump(self, value: T) -> Any:
        """The value as plain data ``marshal`` can write (tuples, dicts, strings, …)."""
        ...

    def load(self, glossary: model.Glossary, data: Any) -> T:
        """The value again, from what ``dump`` returned."""
        ...


def load_cached(root: Path, base: Path) -> tuple[model.Glossary, list[Problem]]:
    """``load_glossary(root, base)``, from the cache under ``base`` when nothing changed."""
    glossary, problems, _ = _load(root, base, None)
    return glossary, problems


def load_cached_with(root: Path, base: Path, derived: Derived[T],
                     jobs: int | Callable[[int], int] = 1
                     ) -> tuple[model.Glossary, list[Problem], T]:
    """``load_cached``, and ``derived``'s value, from its own cache file when nothing changed;
    ``jobs`` as for ``load_glossary`` when the glossary is read."""
    glossary, problems, value = _load(root, base, derived, jobs)
    return glossary, problems, value


def _load(root: Path, base: Path, derived: Derived[Any] | None,
          jobs: int | Callable[[int], int] = 1) -> tuple[model.Glossary, list[Problem], Any]:
    stamp, newest = _stamp(root, base)
    if stamp is None:
        glossary, problems = load_glossary(root, base, jobs=jobs)
        return glossary, problems, derived.build(glossary) if derived else None
    where = base / CACHE_DIR / "glossary.pickle"
    found = _read(where, stamp)
    if found is not None:
        glossary, problems = found
        return glossary, problems, _derive(derived, glossary, base, stamp, write=True)
    glossary, problems = load_glossary(root, base, jobs=jobs)
    # Unchanged while loading, and no file so fresh that a second write could hide in its tick.
    fresh = _stamp(root, base)[0] == stamp and time.time_ns() - newest > _RACY_NS
    if fresh:
        _write(where, base, stamp, pickle.dumps((glossary, problems),
                                                protocol=pickle.HIGHEST_PROTOCOL))
    return glossary, problems, _derive(derived, glossary, base, stamp, write=fresh)


def _derive(derived: Derived[Any] | None, glossary: model.Glossary, base: Path, stamp: str,
            *, write: bool) -> Any:
    if derived is None:
        return None
    where = base / CACHE_DIR / f"{derived.name}.marshal"
    key = f"{stamp}\0{derived.salt}"
    body = _read_signed(where, key)
    if body is not None:
        with paused_gc():
            return derived.load(glossary, marshal.loads(body))
    value = derived.build(glossary)
    if write:
        _write(where, base, key, marshal.dumps(derived.dump(value)))
    return value


def _stamp(root: Path, base: Path) -> tuple[str | None, int]:
    """A digest of every file's stat under ``root`` and of the package's code (None when
    the glossary cannot be cached: a symbolic link, or no folder); the newest timestamp."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{_FORMAT}\0{root.resolve()}\0{base.resolve()}\0{Path.cwd()}".encode())
    newest = [0]
    try:
        for line in _stats(str(root), newest, top=True):
            digest.update(line)
        for line in _stats(str(_PACKAGE), [0], top=False):
            digest.update(line)
    except _Uncacheable:
        return None, 0
    return digest.hexdigest(), newest[0]


class _Uncacheable(Exception):
    pass


def _stats(folder: str, newest: list[int], *, top: bool) -> Iterator[bytes]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise _Uncacheable from exc
    for entry in entries:
        if top and entry.name in IGNORED_FOLDERS:
            continue
        if entry.name == "__pycache__":
            continue
        if entry.is_symlink():
            raise _Uncacheable  # the loader decides where a link may point
        if entry.is_dir():
            yield f"{entry.name}/\0".encode()
            yield from _stats(entry.path, newest, top=False)
            yield b"..\0"
            continue
        st = entry.stat(follow_symlinks=False)
        yield (f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0"
               f"{st.st_ino}\0").encode()
        newest[0] = max(newest[0], st.st_mtime_ns, st.st_ctime_ns)


def _key() -> bytes | None:
    """This user's secret that signs caches: kept outside every repository, made once."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(home) / "shoptalk" / "cache-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        return path.read_bytes()
    except OSError:
        return None  # no writable home: run without a cache


def _read(where: Path, stamp: str) -> tuple[model.Glossary, list[Problem]] | None:
    body = _read_signed(where, stamp)
    if body is None:
        return None
    # Signed with this user's key, so written by this code.
    with paused_gc():
        glossary, problems = pickle.loads(body)
    return glossary, problems


def _read_signed(where: Path, stamp: str) -> bytes | None:
    """The body of a cache file, only when signed with this user's key for ``stamp``."""
    key = _key()
    try:
        data = where.read_bytes()
    except OSError:
        return None
    signature, body = data[:_MAC], data[_MAC:]
    if key is None or not hmac.compare_digest(signature, _sign(key, stamp, body)):
        return None  # stale, damaged, or not written by this user: load from the files
    return body


def _write(where: Path, base: Path, stamp: str, body: bytes) -> None:
    key = _key()
    if key is None:
        return
    try:
        where.parent.mkdir(exist_ok=True)
        ignore = where.parent / ".gitignore"
        if not ignore.exists():
            write_text_atomic(ignore, "*\n", root=base)
        write_bytes_atomic(where, _sign(key, stamp, body) + body, root=base)
    except (OSError, WriteRefused):
        pass  # a read-only checkout: run without a cache


def _sign(key: bytes, stamp: str, body: bytes) -> bytes:
    return hmac.new(key, stamp.encode() + b"\0" + body, hashlib.sha256).digest()
