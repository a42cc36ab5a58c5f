"""What a rebuild under ``mkdocs serve`` can take from the last one, keyed by content.

Saving one page must not reload and re-validate the whole glossary, re-scan every other
page, or regenerate every glossary page: each result is kept with the exact inputs it came
from (file bytes, page text) and reused only when those are unchanged. A changed YAML file
changes the glossary's key, so everything that reads the glossary is built again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .check import TermIndex, scan_text
from .check.scan import FileScan
from .config import Config, load_config
from .model import Glossary
from .problems import Problem
from .render import GeneratedPage, SiteData, render_site
from .validate import validate

T = TypeVar("T")


class SiteCache:
    """The loaded glossary, each page's checker scan and the generated pages of the last
    build, each under the key of what it was made from; one per serving process."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Hashable, Any]] = {}
        self._scans: dict[tuple[Hashable, str, str], FileScan] = {}
        self.glossary_key: Hashable = None

    def _reuse(self, slot: str, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept in ``slot`` when it was made under ``key``, else ``make()``."""
        kept = self._kept.get(slot)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[no-any-return]
        value = make()
        self._kept[slot] = (key, value)
        return value

    def load(self, root: Path, config_file: str | None, link_first_mention: bool | None
             ) -> tuple[Config, Glossary, list[Problem]]:
        """Settings, glossary and its problems; the last ones when no file under the glossary
        folder, no setting and not the date (reviews fall due) changed."""
        settings = load_config(root, root / config_file if config_file else None)
        if link_first_mention is not None:
            settings = dataclasses.replace(settings, link_first_mention=link_first_mention)
        self.glossary_key = (repr(settings), _folder_digest(settings.glossary))
        glossary, problems = self._reuse("glossary", self.glossary_key,
                                         lambda: validate(settings))
        return settings, glossary, list(problems)

    def term_index(self, glossary: Glossary, settings: Config) -> TermIndex:
        """The checker's index of the glossary, built once per glossary."""
        return self._reuse("index", (self.glossary_key, id(glossary)),
                           lambda: TermIndex.from_glossary(glossary, settings))

    def scan(self, text: str, shown: str, index: TermIndex, settings: Config) -> FileScan:
        """The checker's scan of one page, redone only when the page or glossary changed."""
        key = ((self.glossary_key, id(index)), shown, text)
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = scan_text(text, shown, index, settings)
        return found

    def forget_scans_but(self, kept: set[tuple[str, str]]) -> None:
        """Drop the scans of page versions no longer on disk (``(shown, text)`` pairs)."""
        self._scans = {k: v for k, v in self._scans.items() if (k[1], k[2]) in kept}

    def generated(self, site: SiteData) -> list[GeneratedPage]:
        """Every generated page, rendered again only when the glossary or what the pages
        say about it (mentions, playbooks by stage) changed."""
        key = (self.glossary_key, id(site.glossary), _frozen(site.usage),
               _frozen(site.playbooks))
        return self._reuse("generated", key, lambda: render_site(site))


def _frozen(table: Mapping[str, Sequence[Any]]) -> Hashable:
    return tuple(sorted((k, tuple(v)) for k, v in table.items()))


def _folder_digest(folder: Path) -> str:
    """One digest of every file's path and bytes under ``folder`` (unreadable ones too)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes() if path.is_file() else b"<dir>")
        except OSError as exc:
            digest.update(repr(exc).encode())
        digest.update(b"\0")
    return digest.hexdigest()


__all__ = ["SiteCache"]
