"""The glossary as a long-running reader sees it: loaded once, loaded again when a file changes.

A server answers many questions from one load. Before each answer it compares the stat
of every file under the glossary folder and of ``shoptalk.yml`` (size, modification and
change times, inode) with the last load's: an edit, a new file or a removed one makes it
load again. It only reads: no cache file is written (``load_cached`` would write one).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..check import TermIndex
from ..config import Config, load_config
from ..language import Language
from ..load import load_glossary
from ..model import Glossary
from ..problems import Problem, ShoptalkError
from ..render.context import SiteData
from .llms import SiteInfo, page_address

__all__ = ["Library", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """One load of the language: settings, glossary, its loading problems and the resolver."""

    config: Config
    glossary: Glossary
    problems: tuple[Problem, ...]
    info: SiteInfo = field(default_factory=SiteInfo)

    @cached_property
    def site(self) -> SiteData:
        """The site's view of the glossary (page addresses, related terms both ways)."""
        return SiteData(self.glossary, self.config)

    @cached_property
    def language(self) -> Language:
        """The resolver the checker and the site ask (``shoptalk.language``)."""
        return self.site.language

    @cached_property
    def index(self) -> TermIndex:
        """The checker's index, built the first time a text is checked."""
        return TermIndex.from_glossary(self.glossary, self.config)

    def url_of(self, kind: str, record_id: str) -> str | None:
        """The address of a record's page on the site (absolute when ``site_url`` is set)."""
        uri = self.site.uri(kind, record_id)
        return page_address(self.info, uri) if uri else None


class Library:
    """The language of one project, reloaded when its files change."""

    def __init__(self, config_file: Path | None = None, root: Path | None = None) -> None:
        self._config_file, self._root = config_file, root
        self._stamp: tuple[object, ...] | None = None
        self._snapshot: Snapshot | None = None

    def current(self) -> Snapshot:
        """The language as the files say now (loaded again only when one changed)."""
        config = load_config(self._root, self._config_file)
        mkdocs_yml = config.root / "mkdocs.yml"
        stamp = (_stat_tree(config.glossary), _stat(config.root / "shoptalk.yml"),
                 _stat(mkdocs_yml), repr(config), dt.date.today())
        if self._snapshot is None or stamp != self._stamp:
            glossary, problems = load_glossary(config.glossary, config.root)
            self._snapshot = Snapshot(config, glossary, tuple(problems), _site_info(mkdocs_yml))
            self._stamp = stamp
        return self._snapshot


def _site_info(mkdocs_yml: Path) -> SiteInfo:
    """The site's name and address from ``mkdocs.yml``, when there is one that reads."""
    from ..site_folder import read_mkdocs_yml

    try:
        return SiteInfo.from_settings(read_mkdocs_yml(mkdocs_yml)) if mkdocs_yml.is_file() \
            else SiteInfo()
    except ShoptalkError:
        return SiteInfo()  # the build reports a broken mkdocs.yml; answers need no address


def _stat(path: Path) -> tuple[int, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _stat_tree(folder: Path) -> tuple[tuple[str, int, int, int, int], ...]:
    """Every file under ``folder`` with its stat, in a stable order (``os.scandir``: a
    ``Path`` per file costs more than the stat itself, on every question)."""
    found: list[tuple[str, int, int, int, int]] = []
    pending = [os.fspath(folder)]
    while pending:
        try:
            entries = sorted(os.scandir(pending.pop()), key=lambda e: e.name)
        except OSError:
            continue  # a folder gone or unreadable: the loader says so on the next load
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found.append((entry.path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(found)
