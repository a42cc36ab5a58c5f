"""What makes ``mkdocs serve`` quick to show a save: it keeps from one build to the next the
files of unchanged pages and the list of the theme's static files, and it looks for saved
files more often than MkDocs' half second when there are few to look at.

A page whose output is byte for byte the last one is not written again: the file the last
build wrote is moved back into place.

Every build of ``mkdocs serve`` empties the site folder and writes every page, a few hundred
files and folders for one saved line; on a busy disk that is a sixth of a rebuild. Before
the folder is emptied (``on_pre_build``), its entries are moved aside into a hidden folder,
which MkDocs' cleaning leaves alone; a page whose output has the digest of the one held is
moved back (one rename) and MkDocs writes its bytes to the null device instead. What is left
aside (changed and deleted pages) is removed in the background once the build is done.

Only a clean ``serve`` build on a POSIX system does this (``--dirty`` keeps the folder and
writes only changed pages itself); a plain ``mkdocs build`` writes every file as always.

MkDocs also lists every file of every theme folder each build to find the static ones
(Material holds some 14,000, its icons); an installed theme does not change while the
server runs, so each folder but the project's own ``custom_dir`` is listed once.
"""

from __future__ import annotations

import itertools
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme
from watchdog.observers.polling import PollingObserver

HELD = ".shoptalk-last-"  # hidden: MkDocs' cleaning of the site folder skips it


class KeptFiles:
    """The digest of each page's last output and where it was written."""

    def __init__(self) -> None:
        self._written: dict[str, tuple[str, int, int]] = {}  # src_uri -> dest, digest
        self._held: Path | None = None
        self._moved: list[File] = []
        self._seen: set[str] = set()  # pages built this time
        self._builds = itertools.count()

    def start(self, site_dir: str) -> None:
        """Before MkDocs empties ``site_dir``: hold its entries aside, drop older ones."""
        site = Path(site_dir)
        _remove_later([p for p in _entries(site) if p.name.startswith(HELD)])
        self._held, self._moved, self._seen = None, [], set()
        entries = [p for p in _entries(site) if not p.name.startswith(".")]
        if not entries:
            return
        held = site / f"{HELD}{os.getpid()}-{next(self._builds)}"
        try:
            held.mkdir()
            for entry in entries:
                entry.rename(held / entry.name)
        except OSError:
            return  # whatever was not moved, MkDocs removes; pages are written as usual
        self._held = held

    def put_back(self, file: File, output: str) -> None:
        """Move the held file back when ``output`` is what the last build wrote for
        ``file``; MkDocs then writes ``output`` to the null device."""
        # Python's string hash: keyed at random per process (unless PYTHONHASHSEED is
        # set), so no page can aim at a collision; and the text need not be encoded.
        written = (file.dest_uri, len(output), hash(output))
        last, self._written[file.src_uri] = self._written.get(file.src_uri), written
        self._seen.add(file.src_uri)
        if self._held is None or last != written or os.name != "posix":
            return
        dest = Path(file.abs_dest_path)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            (self._held / file.dest_uri).rename(dest)
        except OSError:
            return  # not held (a file MkDocs copied over it?): MkDocs writes it
        file.abs_dest_path = os.devnull  # a cached property: set for this build only
        self._moved.append(file)

    def finish(self) -> None:
        """After the build: files name their real place again; what is left aside goes;
        pages not built this time (deleted) are forgotten."""
        self._written = {uri: w for uri, w in self._written.items() if uri in self._seen}
        for file in self._moved:
            file.__dict__.pop("abs_dest_path", None)
        if self._held is not None:
            _remove_later([self._held])
        self._held, self._moved = None, []


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _remove_later(paths: list[Path]) -> None:
    """Remove ``paths`` in a background thread: the served site no longer uses them."""
    def remove() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    if paths:
        threading.Thread(target=remove, daemon=True).start()


class ThemeListing:
    """The static files of each installed theme folder, listed once per server."""

    # MkDocs' own choice of a theme's static files (in ``Files.add_files_from_theme``): a
    # test of each name alone, which reads nothing but the theme's ``static_templates``.
    # (None where that method is not MkDocs' own: then every listing is MkDocs'.)
    _MKDOCS_FILTER = next((c for c in getattr(getattr(
        Files.add_files_from_theme, "__code__", None), "co_consts", ())
        if getattr(c, "co_name", None) == "filter"), None)

    def __init__(self) -> None:
        self._listed: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    def use(self, theme: Theme) -> None:
        """Make ``theme``'s Jinja environments list static files from what is kept."""
        make_env = theme.get_env

        def get_env() -> jinja2.Environment:
            env = make_env()
            everything = env.list_templates

            def list_templates(extensions: object = None, filter_func: object = None
                               ) -> list[str]:
                if extensions is not None or self._MKDOCS_FILTER is None \
                        or getattr(filter_func, "__code__", None) is not self._MKDOCS_FILTER:
                    return everything(extensions, filter_func)  # type: ignore[arg-type]
                found: set[str] = set()
                for folder in theme.dirs:
                    found.update(self._static(folder, theme, filter_func))  # type: ignore[arg-type]
                return sorted(found)

            env.list_templates = list_templates  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]

    def _static(self, folder: str, theme: Theme, keep: Callable[[str], bool]) -> list[str]:
        key = (folder, tuple(theme.static_templates))
        if key in self._listed:
            return self._listed[key]
        listed = [name for name in jinja2.FileSystemLoader(folder).list_templates()
                  if keep(name)]
        if folder != theme.custom_dir:  # the project's own overrides may change meanwhile
            self._listed[key] = listed
        return listed


def poll_interval(watched: list[str]) -> float:
    """How often to look for saved files under ``watched`` (folders and files): MkDocs'
    half second for 1,250 files or more, down to a fifth for 500 or fewer. Each look reads
    every file's time stamp: at a fifth of a second, the starter content costs the idle
    server about 4% of a core (MkDocs' pace: under 2%)."""
    count = 0
    for path in watched:
        count += 1 if os.path.isfile(path) else sum(len(names) for _, _, names in os.walk(path))
    return min(0.5, max(0.2, count / 2500))


def watch_every(server: LiveReloadServer, seconds: float) -> None:
    """Make ``server`` look at what it watches every ``seconds``: a new observer, and each
    watched path moved onto it as it was (MkDocs fixes its own at half a second). The
    server's own record of its watches is read; where it has none, nothing changes."""
    counts = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if not isinstance(counts, dict) or not isinstance(refs, dict) or counts.keys() - refs:
        return
    watched = [(path, count, refs[path].is_recursive) for path, count in counts.items()]
    for path, count, _ in watched:
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=seconds)
    for path, count, recursive in watched:
        for _ in range(count):
            server.watch(path, recursive=recursive)


__all__ = ["HELD", "KeptFiles", "ThemeListing", "poll_interval", "watch_every"]
