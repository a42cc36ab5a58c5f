"""What a rebuild under ``mkdocs serve`` can take from the last one, keyed by content.

Saving one page must not reload and re-validate the whole glossary, re-scan every other
page, or regenerate every glossary page: each result is kept with the exact inputs it came
from (file bytes, page text) and reused only when those are unchanged. A changed YAML file
changes the glossary's key, so everything that reads the glossary is built again.

``PageMemo`` does the same for what the site engine makes of each page (its HTML, then the
whole themed page): kept under a digest of everything it was made from, and handed back
while that digest holds, so a save re-renders only the pages whose inputs changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .check import TermIndex, TermSpan, scan_text
from .check.scan import FileScan
from .config import Config, load_config
from .hover_titles import HoverTitles
from .model import Glossary, Term
from .problems import Problem
from .render import GeneratedPage, SiteData, render_site
from .render.terms import term_page
from .validate import validate

T = TypeVar("T")


class SiteCache:
    """The loaded glossary, each page's checker scan and the generated pages of the last
    build, each under the key of what it was made from; one per serving process."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Hashable, Any]] = {}
        self._scans: dict[tuple[Hashable, str, str], FileScan] = {}
        # A page's mentions and the abbreviations it uses, by the page's text; each build
        # keeps those the last one used.
        self._found: dict[tuple[str, Hashable, str | None, str], Any] = {}
        self._found_used: set[tuple[str, Hashable, str | None, str]] = set()
        self._per_glossary: dict[Hashable, Any] = {}
        self.glossary_key: Hashable = None
        self.wording_key: Hashable = None
        self._glossary: Glossary | None = None  # the one ``wording_key`` describes
        self._term_pages: dict[str, tuple[Hashable, GeneratedPage]] = {}

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
        self.glossary_key = (repr(settings), folder_digest(settings.glossary))
        glossary, problems = self._reuse("glossary", self.glossary_key,
                                         lambda: validate(settings))
        self.wording_key = self._reuse("wording", self.glossary_key,
                                       lambda: wording_key(glossary, settings))
        self._glossary = glossary
        self._per_glossary = self._reuse("per glossary", self.glossary_key, dict)
        self._found = {k: v for k, v in self._found.items() if k in self._found_used}
        self._found_used = set()
        return settings, glossary, list(problems)

    def term_index(self, glossary: Glossary, settings: Config) -> TermIndex:
        """The checker's index of the glossary, built once per glossary."""
        return self._reuse("index", (self.glossary_key, id(glossary)),
                           lambda: TermIndex.from_glossary(glossary, settings))

    def scan(self, text: str, shown: str, index: TermIndex, settings: Config) -> FileScan:
        """The checker's scan of one page, redone only when the page or the glossary's
        wording changed."""
        key = (self.wording_key, shown, text)
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = scan_text(text, shown, index, settings)
        return found

    def forget_scans_but(self, kept: set[tuple[str, str]]) -> None:
        """Drop the scans of page versions no longer on disk (``(shown, text)`` pairs)."""
        self._scans = {k: v for k, v in self._scans.items() if (k[1], k[2]) in kept}

    def for_glossary(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, kept while the glossary is unchanged (``key``: what else it reads)."""
        if key not in self._per_glossary:
            self._per_glossary[key] = make()
        return self._per_glossary[key]  # type: ignore[no-any-return]

    def mentions(self, written: str | None, markdown: str, find: Callable[[], list[TermSpan]]
                 ) -> list[TermSpan]:
        """``find()``: the mentions of a page rendered as ``markdown`` from ``written``,
        found again only when either or the glossary's wording changed."""
        return self._found_again(("mentions", self.wording_key, written, markdown), find)

    def abbreviations_used(self, known: Hashable, markdown: str,
                           find: Callable[[], list[str]]) -> list[str]:
        """``find()``: the abbreviations (of those ``known``) that ``markdown`` uses."""
        return self._found_again(("abbreviations", known, None, markdown), find)

    def _found_again(self, key: tuple[str, Hashable, str | None, str],
                     find: Callable[[], T]) -> T:
        self._found_used.add(key)
        if key not in self._found:
            self._found[key] = find()
        return self._found[key]  # type: ignore[no-any-return]

    def generated(self, site: SiteData) -> list[GeneratedPage]:
        """Every generated page, rendered again only when the glossary, what the pages
        say about it (mentions, playbooks by stage) or the links' hover titles changed."""
        key = (self.glossary_key, id(site.glossary), _frozen(site.usage),
               _frozen(site.playbooks), site.directory_urls,
               tuple(sorted(site.hover_titles.items())))
        return self._reuse("generated", key, lambda: render_site(site, self._term_pages_of(site)))

    def _term_pages_of(self, site: SiteData) -> Callable[[Term], GeneratedPage] | None:
        """Each term's page, kept while what it reads is unchanged: the term itself, the
        glossary's wording (other records by name, abbreviation, links; not their prose),
        the pages that use it and today's date (its review state). A link's hover text is a
        placeholder (``site.hover_titles``); a term linked without one shows its definition,
        so then every such definition counts. None (render each) for a glossary this cache
        did not load."""
        if site.glossary is not self._glossary:
            return None
        terms = site.glossary.terms.values()
        shared = digest(self.wording_key, date.today().isoformat(), site.directory_urls,
                        sorted(site.hover_titles.items()),
                        [t.definition for t in terms if t.id not in site.hover_titles])
        kept, self._term_pages = self._term_pages, {}

        def page_of(term: Term) -> GeneratedPage:
            key = (shared, repr(term), tuple(site.usage.get(term.id, ())))
            found = kept.get(term.id)
            page = found[1] if found is not None and found[0] == key \
                else term_page(site, term)
            self._term_pages[term.id] = (key, page)
            return page

        return page_of


class PageMemo:
    """What the engine made of each page at each stage of the last build, under a digest of
    its inputs; ``start`` names what every page depends on (settings, the set of files)."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str], tuple[str, Any]] = {}
        self._noted: dict[tuple[str, str], str] = {}
        self._site = ""
        self.made_again: set[tuple[str, str]] = set()  # (stage, uri) not reused this build
        self.hovers = HoverTitles()  # a page's hover text, put in after it is made

    def start(self, *site_inputs: object) -> None:
        """Begin a build whose pages all depend on ``site_inputs``."""
        self._site, self._noted, self.made_again = digest(*site_inputs), {}, set()

    def note(self, stage: str, uri: str, *inputs: object) -> Any:
        """Note what the page at ``uri`` is made from at ``stage`` this build; return what
        was made from exactly that last build (None: it must be made again)."""
        self._noted[stage, uri] = digest(self._site, *inputs)
        return self.reused(stage, uri)

    def reused(self, stage: str, uri: str) -> Any:
        """What the page at ``uri`` made at ``stage`` from the inputs noted this build, if
        anything: then it is handed back instead of made again."""
        made = self._made.get((stage, uri))
        return made[1] if made is not None and made[0] == self._noted.get((stage, uri)) \
            else None

    def keep(self, stage: str, uri: str, value: Any) -> None:
        """Keep ``value`` as what the page at ``uri`` made at ``stage`` from the noted inputs."""
        if (key := self._noted.get((stage, uri))) is not None:
            self._made[stage, uri] = (key, value)
            self.made_again.add((stage, uri))

    def key(self, stage: str, uri: str) -> str | None:
        """The digest noted for the page at ``uri`` and ``stage`` this build."""
        return self._noted.get((stage, uri))

    def forget_others(self) -> None:
        """Drop what pages not noted this build made (a deleted page, say)."""
        self._made = {k: v for k, v in self._made.items() if k in self._noted}


def wording_key(glossary: Glossary, settings: Config) -> str:
    """A digest of what the checker's index and scans read: the settings and every record
    but the prose of each term (definition, details, examples), which no scan reads."""
    terms = [(dataclasses.replace(t, definition="", details=None, examples=()),
              str(t.source.path)) for t in glossary.terms.values()]
    return digest(settings, terms, *(list(records.values()) for records in (
        glossary.stages, glossary.roles, glossary.frameworks, glossary.categories)),
        glossary.broken)


def digest(*parts: object) -> str:
    """One short digest of ``parts`` (strings as they are, anything else by its ``repr``)."""
    found = hashlib.blake2b(digest_size=16)
    for part in parts:
        found.update((part if isinstance(part, str) else repr(part)).encode(
            "utf-8", "surrogateescape") + b"\0")
    return found.hexdigest()


def _frozen(table: Mapping[str, Sequence[Any]]) -> Hashable:
    return tuple(sorted((k, tuple(v)) for k, v in table.items()))


def folder_digest(folder: Path) -> str:
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


__all__ = ["PageMemo", "SiteCache", "digest", "folder_digest", "wording_key"]
