"""The whole site from the glossary and the hand-written pages, with no site engine in sight.

``build_site(settings, glossary, docs)`` returns a ``SiteBuild``: every generated page, the
assets, the checker's findings, and the passes an engine applies to each page (first-mention
links, the abbreviation block, the edit URL, a term page's JSON-LD). The MkDocs plugin calls
it once per build; ``shoptalk pages`` writes it to a folder any engine can build.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import yaml

from .check import TermIndex, scan_text
from .check.docs import read_text
from .config import Config, load_config
from .exchange import defined_term_jsonld, glossary_json, script_json
from .model import Glossary
from .problems import PathDisplay, Problem
from .render import GLOSSARY_INDEX, DocRef, GeneratedPage, SiteData, render_site
from .render import abbreviations as abbreviation_table
from .render.mentions import blank_code, link_first_mentions
from .render.widgets import abbreviation_block
from .rule_registry import summaries
from .validate import validate

ASSET_DIR = "assets/shoptalk"
ASSETS = ("shoptalk.css", "shoptalk.js")
GLOSSARY_JSON = "glossary.json"
STYLESHEETS = tuple(f"{ASSET_DIR}/{name}" for name in ASSETS if name.endswith(".css"))
SCRIPTS = tuple(f"{ASSET_DIR}/{name}" for name in ASSETS if name.endswith(".js"))
SECTION_TITLES = {GLOSSARY_INDEX: "Glossary", "pipeline/index.md": "Pipeline",
                  "roles/index.md": "Roles", "methodology/index.md": "Methodology"}
# Problems the site build itself reports (the glossary's and the checker's are theirs).
SITE_RULE_IDS: dict[str, str] = summaries("site")
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_WORD_RUN = re.compile(r"[\w-]+")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def split_front_matter(text: str) -> tuple[str, str]:
    """``text`` as (front matter with its ``---`` lines, or ""; the rest), as MkDocs splits it."""
    text = str(text)  # plain text: a Markup slice would escape whatever is added to it
    match = _FRONT_MATTER.match(text)
    return (text[:match.end()], text[match.end():]) if match else ("", text)


@dataclass(frozen=True)
class DocPage:
    """A hand-written page, read once: its URI under ``docs/``, its text and its file."""

    uri: str
    text: str
    path: Path

    @cached_property
    def meta(self) -> dict[str, Any]:
        """The page's YAML front matter (empty when missing or broken: the checker says why)."""
        match = _FRONT_MATTER.match(self.text)
        try:
            data = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            data = None
        return data if isinstance(data, dict) else {}

    @property
    def body(self) -> str:
        """The text after the front matter."""
        return split_front_matter(self.text)[1]

    @property
    def title(self) -> str:
        """The title a link to the page shows: front matter, first heading, or file name."""
        heading = _HEADING.search(self.body)
        return str(self.meta.get("title") or (heading.group(1) if heading else None)
                   or posixpath.basename(self.uri))


def read_docs(docs_dir: Path, uris: Iterable[str]) -> tuple[dict[str, DocPage], list[Problem]]:
    """Read each page once (UTF-8, a BOM dropped); a page that cannot be read is a problem."""
    shown = PathDisplay(docs_dir.parent)
    pages: dict[str, DocPage] = {}
    problems: list[Problem] = []
    for uri in uris:
        path = docs_dir / uri
        text, problem = read_text(path, shown.show(path))
        if text is None:
            problems += [problem] if problem else []
        else:
            pages[uri] = DocPage(uri, text, path)
    return pages, problems


def page_uris(docs_dir: Path) -> list[str]:
    """Every Markdown page under ``docs_dir`` (hidden files and folders left out), sorted."""
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
                  if p.is_file() and not any(part.startswith(".")
                                             for part in p.relative_to(docs_dir).parts))


@dataclass
class SiteBuild:
    """Everything an engine needs to publish the site; see ``build_site``."""

    site: SiteData
    docs: Mapping[str, DocPage]
    generated: dict[str, GeneratedPage]
    findings: list[Problem]
    abbreviations: dict[str, str] = field(default_factory=dict)

    @cached_property
    def term_pages(self) -> dict[str, str]:
        """Generated term page URI -> term id."""
        return {uri: term_id for term_id in self.site.glossary.terms
                if (uri := self.site.uri("term", term_id)) and uri in self.generated}

    @cached_property
    def _abbreviation_finder(self) -> tuple[frozenset[str], re.Pattern[str] | None]:
        """Abbreviations that are one run of word characters (found by a set lookup of each
        run: a 2,000-way regex alternation costs seconds a build), and a pattern for the rest."""
        words = frozenset(a for a in self.abbreviations if _WORD_RUN.fullmatch(a))
        others = sorted(set(self.abbreviations) - words, key=len, reverse=True)
        return words, re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, others))
                                 + r")(?![\w-])") if others else None

    def assets(self) -> dict[str, bytes]:
        """Files published beside the pages: the stylesheet, the script and ``glossary.json``."""
        found = {f"{ASSET_DIR}/{name}": package_files("shoptalk").joinpath("assets", name)
                 .read_bytes() for name in ASSETS}
        # The whole language as data, at a stable address beside the site.
        found[GLOSSARY_JSON] = glossary_json(self.site.glossary).encode("utf-8")
        return found

    def finish_markdown(self, uri: str, markdown: str, meta: Mapping[str, Any]) -> str:
        """A page's Markdown after its macros ran: first mentions linked, abbreviations added."""
        if uri not in self.generated and self.site.config.link_first_mention \
                and meta.get("link_terms", True) is not False:
            markdown = link_first_mentions(markdown, self.site, uri)
        return markdown + self.abbreviation_block(markdown)

    def abbreviation_block(self, markdown: str) -> str:
        """The ``*[ABBR]: text`` definitions of the abbreviations ``markdown`` uses."""
        if not self.abbreviations:
            return ""
        words, others = self._abbreviation_finder
        text, used = blank_code(markdown), set()
        if others is not None:  # first: one may hold a word ("P&L" holds "P" and "L")
            used.update(others.findall(text))
            text = others.sub(lambda m: " " * len(m.group()), text)
        used.update(words.intersection(_WORD_RUN.findall(text)))
        return abbreviation_block(self.abbreviations, sorted(used))

    def edit_url(self, uri: str, repo_url: str | None, edit_uri: str | None,
                 docs_dir: Path) -> str | None:
        """The edit link of the YAML file a generated page came from (None: not generated)."""
        page = self.generated.get(uri)
        if page is None or page.source is None or not repo_url or not edit_uri:
            return None
        root, docs_rel = _project_from_docs(self.site.config.root, docs_dir)
        try:  # the loader's paths sit under the project root as given: no resolve per page
            rel_source = page.source.relative_to(self.site.config.root).as_posix()
        except ValueError:
            try:
                rel_source = page.source.resolve().relative_to(root).as_posix()
            except ValueError:
                return None
        base = repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/"
        scheme, _, rest = base.partition("://")
        return f"{scheme}://{posixpath.normpath(posixpath.join(rest, docs_rel, rel_source))}"

    def term_jsonld(self, uri: str, url: str, site_name: str, site_url: str | None) -> str:
        """The schema.org DefinedTerm ``<script>`` of a term page; empty for other pages."""
        term_id = self.term_pages.get(uri)
        if term_id is None:
            return ""
        base = (site_url or "/").rstrip("/") + "/"
        data = defined_term_jsonld(self.site.glossary, term_id, url, set_name=site_name,
                                   set_url=base + posixpath.dirname(GLOSSARY_INDEX) + "/")
        return f'\n<script type="application/ld+json">{script_json(data)}</script>\n'

    def expand_nav(self, nav: list[Any]) -> list[Any]:
        """Fill the generated sections and folder entries of a nav from ``mkdocs.yml``.

        ``pipeline/index.md`` becomes a section holding the stage pages in order (same
        for roles and methodology); an entry ending in ``/`` lists that folder's pages
        (index first) and disappears when the folder has none. Term pages are never
        listed: Material renders the whole nav into every page.
        """
        site, g = self.site, self.site.glossary
        children = {
            "pipeline/index.md": [site.uri("stage", s.id) for s in g.stages_in_order()],
            "roles/index.md": ["roles/handoff-map.md", *(site.uri("role", r) for r in g.roles)],
            "methodology/index.md": [site.uri("framework", f) for f in g.frameworks],
            GLOSSARY_INDEX: [],
        }
        out: list[Any] = []
        for item in nav:
            title, value = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 \
                else (None, item)
            if isinstance(value, list):
                out.append({title: self.expand_nav(value)} if title else value)
            elif isinstance(value, str) and value in children:
                kids = [u for u in children[value] if u]
                entry = [value, *kids] if kids else value
                out.append({title or SECTION_TITLES[value]: entry} if kids or title else value)
            elif isinstance(value, str) and value.endswith("/") and "://" not in value:
                pages = sorted((u for u in self.docs if u.startswith(value)),
                               key=lambda p: (not p.endswith("/index.md"), p))
                if pages:
                    name = posixpath.basename(value.rstrip("/"))
                    out.append({title or name.replace("-", " ").capitalize(): pages})
            else:
                out.append(item)
        return out


def load_site(root: Path, config_file: str | None = None, *,
              link_first_mention: bool | None = None) -> tuple[Config, Glossary, list[Problem]]:
    """Settings (``shoptalk.yml`` beside ``root`` or ``config_file``, relative to it; an
    engine's option overriding ``link_first_mention``), the glossary and its problems."""
    settings = load_config(root, root / config_file if config_file else None)
    if link_first_mention is not None:
        settings = dataclasses.replace(settings, link_first_mention=link_first_mention)
    glossary, problems = validate(settings)
    return settings, glossary, problems


@lru_cache(maxsize=8)
def _project_from_docs(root: Path, docs_dir: Path) -> tuple[Path, str]:
    """The project root resolved, and the way from the docs folder up to it (e.g. "..")."""
    resolved = root.resolve()
    return resolved, posixpath.relpath(resolved.as_posix(), docs_dir.resolve().as_posix())


def build_site(settings: Config, glossary: Glossary, docs: Mapping[str, DocPage], *,
               check: bool = True, abbreviations: bool = True) -> SiteBuild:
    """Check the hand-written pages and generate every page of the site from the glossary.

    A generated page is left out when a hand-written page has its path (that is a finding).
    """
    findings: list[Problem] = []
    usage: dict[str, list[DocRef]] = {}
    playbooks: dict[str, list[DocRef]] = {}
    pages = sorted(docs.values(), key=lambda p: p.uri)
    for page in pages:
        stage = page.meta.get("stage")
        if isinstance(stage, str):
            playbooks.setdefault(stage, []).append(DocRef(page.uri, page.title))
    if check:
        index = TermIndex.from_glossary(glossary, settings)
        shown = PathDisplay(settings.root)
        for page in pages:
            scan = scan_text(page.text, shown.show(page.path), index, settings)
            findings += scan.problems
            seen: set[str] = set()
            for mention in scan.mentions:
                if mention.term_id not in seen:
                    seen.add(mention.term_id)
                    usage.setdefault(mention.term_id, []).append(
                        DocRef(page.uri, page.title, mention.line))
    site = SiteData(glossary, settings, usage, playbooks)
    generated: dict[str, GeneratedPage] = {}
    for made in render_site(site):
        if made.uri in docs:
            findings.append(Problem(
                PathDisplay(settings.root).show(docs[made.uri].path), 1, 1, "warning",
                "a hand-written page has the path of a generated page; generated pages are "
                "built from the glossary, remove the file", "generated-path"))
            continue
        generated[made.uri] = made
    return SiteBuild(site, docs, generated, findings,
                     abbreviation_table(site) if abbreviations else {})


__all__ = ["ASSETS", "ASSET_DIR", "GLOSSARY_JSON", "SCRIPTS", "SITE_RULE_IDS", "STYLESHEETS",
           "DocPage", "SiteBuild", "build_site", "load_site", "page_uris", "read_docs",
           "split_front_matter"]
