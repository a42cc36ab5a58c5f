"""The whole site from the glossary and the hand-written pages, with no site engine in sight.

``build_site(settings, glossary, docs)`` returns a ``SiteBuild``: every generated page, the
assets, the checker's findings, and the passes an engine applies to each page (first-mention
links, the abbreviation block, the edit URL, a term page's JSON-LD). The MkDocs plugin calls
it once per build; ``shoptalk pages`` writes it to a folder any engine can build.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import yaml

from .assistant.llms import llms_files
from .check import TermIndex, TermSpan, mentions, normalise, scan_text, senses_of
from .check.docs import read_text
from .config import Config, load_config
from .exchange import defined_term_jsonld, glossary_json, script_json
from .model import Glossary
from .problems import PathDisplay, Problem, Severity
from .render import CHEAT_SHEET, GLOSSARY_INDEX, DocRef, GeneratedPage, SiteData, render_site
from .render import abbreviations as abbreviation_table
from .render.context import link_hover_texts
from .render.errors import RULES_PAGE, broken_pages, error_panel
from .render.mentions import blank_code, link_first_mentions
from .render.page import front_matter_line, missing_theme_files
from .render.site import SECTION_TITLES
from .render.widgets import abbreviation_block, abbreviation_line
from .rule_registry import summaries
from .site_cache import SiteCache, digest
from .site_nav import for_readers, order_problems, page_order
from .validate import validate

ASSET_DIR = "assets/shoptalk"
ASSETS = ("shoptalk.css", "shoptalk.js", "diagram.css", "quiz.css", "quiz.js", "find.css",
          "find.js", "access.js")
GLOSSARY_JSON = "glossary.json"
STYLESHEETS = tuple(f"{ASSET_DIR}/{name}" for name in ASSETS if name.endswith(".css"))
SCRIPTS = tuple(f"{ASSET_DIR}/{name}" for name in ASSETS if name.endswith(".js"))
# The file an index page's edit button opens (a folder cannot be edited), beside the glossary.
GLOSSARY_README = "README.md"
# Problems the site build itself reports (the glossary's and the checker's are theirs).
SITE_RULE_IDS: dict[str, str] = summaries("site")
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_WORD_RUN = re.compile(r"[\w-]+")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
# Abbreviations and link titles by name -> the lines and titles a build writes instead.
HoverStart = Callable[[Mapping[str, str], Mapping[str, str]],
                      tuple[Mapping[str, str], Mapping[str, str]]]


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


def linked_outside(docs_dir: Path, root: Path, uris: Iterable[str]) -> dict[str, Problem]:
    """The files of ``docs_dir`` (URIs) that a symbolic link takes outside the repository
    ``root``, each with its problem: a link to ``/proc/self/environ`` or a home folder
    would publish it, so the site leaves such files out (as the loader does the glossary's)."""
    project = Path(os.path.realpath(root))
    shown = PathDisplay(root).show(docs_dir).rstrip("/")
    found: dict[str, Problem] = {}
    for uri in uris:
        if not Path(os.path.realpath(docs_dir / uri)).is_relative_to(project):
            found[uri] = Problem(f"{shown}/{uri}" if shown not in ("", ".") else uri, 1, 1,
                                 "error", "a symbolic link to a place outside the repository, "
                                 "so it is not read; copy what it points at into the "
                                 "repository instead", "outside-link")
    return found


@dataclass
class SiteBuild:
    """Everything an engine needs to publish the site; see ``build_site``."""

    site: SiteData
    docs: Mapping[str, DocPage]
    generated: dict[str, GeneratedPage]
    findings: list[Problem]
    abbreviations: dict[str, str] = field(default_factory=dict)
    # ``mkdocs serve``: problems are shown in the pages they concern, the build goes on.
    live: bool = False
    glossary_problems: Sequence[Problem] = ()
    # The problems of each hand-written page: the checker's, then those found rendering it.
    page_problems: dict[str, list[Problem]] = field(default_factory=dict)
    _rendering: dict[str, list[Problem]] = field(default_factory=dict, repr=False)
    _abbreviation_lines: dict[str, str] = field(default_factory=dict, repr=False)
    # The checker's compiled glossary, when the build checked the pages: the site links
    # the checker's mentions.
    checked_with: TermIndex | None = field(default=None, repr=False)
    # ``mkdocs serve``: what each page is found to mention and use, kept between builds.
    cache: SiteCache | None = field(default=None, repr=False)
    # ``mkdocs serve``: the line an abbreviation's definition is written as instead of its
    # own, and the title of a first mention's link to a term (placeholders, put back:
    # ``hover_titles``); the generated pages were rendered with the latter.
    hover_lines: Mapping[str, str] = field(default_factory=dict, repr=False)
    hover_link_titles: Mapping[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def term_index(self) -> TermIndex:
        """The index first mentions are found with (the checker's, when it ran)."""
        return self.checked_with or TermIndex.from_glossary(self.site.glossary, self.site.config)

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

    def assets(self, settings: Mapping[str, Any] | None = None) -> dict[str, bytes]:
        """Files published beside the pages: the stylesheet, the script, ``glossary.json``,
        and ``llms.txt`` and ``llms-full.txt`` (``settings``: the engine's, for the site's
        name, summary and address)."""
        found = {f"{ASSET_DIR}/{name}": package_files("shoptalk").joinpath("assets", name)
                 .read_bytes() for name in ASSETS}
        # The whole language as data, at a stable address beside the site.
        found[GLOSSARY_JSON] = glossary_json(self.site.glossary).encode("utf-8")
        found.update(llms_files(self.site, self.docs, {*self.docs, *self.generated},
                                settings or {}))
        return found

    def finish_markdown(self, uri: str, markdown: str, meta: Mapping[str, Any]) -> str:
        """A page's Markdown after its macros ran: first mentions linked, abbreviations added;
        when ``live``, the glossary's errors and the page's own problems shown on top."""
        if uri not in self.generated and self.site.config.link_first_mention \
                and meta.get("link_terms", True) is not False:
            doc = self.docs.get(uri)
            markdown = link_first_mentions(markdown, self.site, uri, self.term_index,
                                           spans=self.mentions(doc.text if doc else None,
                                                               markdown),
                                           titles=self.hover_link_titles)
        shown = self.problems_shown(uri) if self.live else ""
        self._rendering.pop(uri, None)
        made = self.generated.get(uri)
        return shown + markdown + self.abbreviation_block(markdown,
                                                          made.defines if made else ())

    def mentions(self, written: str | None, markdown: str) -> list[TermSpan]:
        """The mentions of terms in ``normalise(markdown)``, a page rendered from
        ``written`` (None: a page with no source)."""
        def find() -> list[TermSpan]:
            index = self.term_index
            # A shared abbreviation means what the page as written picks (front matter,
            # term() references): the rendered Markdown has neither.
            return mentions(normalise(markdown), index,
                            senses_of(written, index) if written is not None else None)

        return self.cache.mentions(written, markdown, find) if self.cache else find()

    def report(self, uri: str, problem: Problem) -> bool:
        """Note a problem found rendering the page at ``uri`` (a macro call, template code);
        False when the checker already reported it (same place, same words)."""
        known = self.page_problems.get(uri, []) + self._rendering.get(uri, [])
        self._rendering.setdefault(uri, []).append(problem)
        return not any(_same(problem, k) for k in known)

    def theme_files(self, uri: str, meta: Mapping[str, Any], theme_dirs: Sequence[str]
                    ) -> tuple[dict[str, Any], list[Problem]]:
        """Front matter naming a theme template or icon that does not exist (the theme would
        stop with a traceback): the values that replace them, and a problem for each."""
        doc = self.docs.get(uri)
        fixes: dict[str, Any] = {}
        problems = []
        for key, name in missing_theme_files(meta, theme_dirs).items():
            fixes[key] = "main.html" if key == "template" else None
            line = front_matter_line(doc.text, key) if doc else 1
            problems.append(Problem(
                PathDisplay(self.site.config.root).show(doc.path) if doc else uri, line, 1,
                "error", f"{key}: '{name[:80]}' names no file of the theme, so the page is built "
                f"without it; name a template or icon the theme has, or remove the line",
                "front-matter"))
        return fixes, problems

    def failure(self, uri: str) -> str | None:
        """Why the page at ``uri`` must stop a (not ``live``) build, once its macros ran."""
        if self.live or not (found := self._rendering.get(uri)):
            return None
        count = len(found)
        return (f"{count} macro call{'s' * (count != 1)} in {found[0].path} could not be "
                "rendered (listed above); the page was not built")

    def problems_shown(self, uri: str) -> str:
        """The serve-only panels of the page at ``uri``: the glossary's errors, then the
        page's own errors and warnings (the checker's and its macros'), each once."""
        rule_docs = RULES_PAGE in self.docs
        glossary = [p for p in self.glossary_problems if p.severity == "error"]
        page: list[Problem] = []
        for p in [*self.page_problems.get(uri, []), *self._rendering.get(uri, [])]:
            if p.severity in _SHOWN and not any(_same(p, q) for q in page):
                page.append(p)
        count = len(page)
        return error_panel(
            f"The glossary has {len(glossary)} error{'s' * (len(glossary) != 1)}: the site "
            "shows it without the records that failed", glossary, uri, rule_docs=rule_docs,
            note="Fix the file and save: the page reloads.") + error_panel(
            f"This page has {count} problem{'s' * (count != 1)}", sorted(page), uri,
            rule_docs=rule_docs, note="Fix the page and save: it reloads. A build "
            "(make build) fails until then.")

    def abbreviation_block(self, markdown: str, defined: Iterable[str] = ()) -> str:
        """The ``*[ABBR]: text`` definitions of the abbreviations ``markdown`` uses, but
        those it ``defined`` beside them already."""
        if not self.abbreviations:
            return ""

        def find() -> list[str]:
            words, others = self._abbreviation_finder
            text, used = blank_code(markdown), set()
            if others is not None:  # first: one may hold a word ("P&L" holds "P" and "L")
                used.update(others.findall(text))
                text = others.sub(lambda m: " " * len(m.group()), text)
            used.update(words.intersection(_WORD_RUN.findall(text)))
            return sorted(used)

        # Which abbreviations a page uses depends on the page and the set of them, not on
        # what each means: a new definition re-finds nothing.
        used = self.cache.abbreviations_used(self._abbreviation_key, markdown, find) \
            if self.cache else find()
        skip = set(defined)
        return abbreviation_block(self.abbreviations, [a for a in used if a not in skip],
                                  self._abbreviation_line)

    def _abbreviation_line(self, table: Mapping[str, str], abbr: str) -> str:
        """One abbreviation's definition line, escaped once for all the pages of a build."""
        found = self._abbreviation_lines.get(abbr)
        if found is None:
            found = self._abbreviation_lines[abbr] = self.hover_lines.get(abbr) \
                or abbreviation_line(table, abbr)
        return found

    @cached_property
    def _abbreviation_key(self) -> str:
        return digest(sorted(self.abbreviations))

    def edit_url(self, uri: str, repo_url: str | None, edit_uri: str | None,
                 docs_dir: Path) -> str | None:
        """The edit link of the YAML file a generated page came from (None: not generated)."""
        page = self.generated.get(uri)
        if page is None or page.source is None or not repo_url or not edit_uri:
            return None
        root, docs_rel = _project_from_docs(self.site.config.root, docs_dir)
        source = self.edited_file(page.source)
        if source is None:
            return None
        try:  # the loader's paths sit under the project root as given: no resolve per page
            rel_source = source.relative_to(self.site.config.root).as_posix()
        except ValueError:
            try:
                rel_source = source.resolve().relative_to(root).as_posix()
            except ValueError:
                return None
        base = repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/"
        scheme, _, rest = base.partition("://")
        return f"{scheme}://{posixpath.normpath(posixpath.join(rest, docs_rel, rel_source))}"

    def edited_file(self, source: Path) -> Path | None:
        """The file an edit button opens for a page made from ``source``: the file itself,
        or for a folder (an index page made from many records) the glossary's README,
        else ``shoptalk.yml``; None when neither exists."""
        if not _is_dir(source):
            return source
        config = self.site.config
        for candidate in (config.glossary / GLOSSARY_README, config.root / "shoptalk.yml"):
            if candidate.is_file():
                return candidate
        return None

    def term_jsonld(self, uri: str, url: str, site_name: str, site_url: str | None) -> str:
        """The schema.org DefinedTerm ``<script>`` of a term page; empty for other pages."""
        term_id = self.term_pages.get(uri)
        if term_id is None:
            return ""

        def make() -> str:
            base = (site_url or "/").rstrip("/") + "/"
            data = defined_term_jsonld(self.site.glossary, term_id, url, set_name=site_name,
                                       set_url=base + posixpath.dirname(GLOSSARY_INDEX) + "/")
            return f'\n<script type="application/ld+json">{script_json(data)}</script>\n'

        return self.cache.for_glossary(("jsonld", term_id, url, site_name, site_url), make) \
            if self.cache else make()

    def unlisted(self, nav: list[Any]) -> set[str]:
        """Generated pages ``nav`` does not list (term pages, say): left out on purpose, so
        an engine should not report them as missing from the nav."""
        listed: set[str] = set()
        stack: list[Any] = list(nav)
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack += item.values()
            elif isinstance(item, list):
                stack += item
            elif isinstance(item, str):
                listed.add(item)
        return set(self.generated) - listed

    def expand_nav(self, nav: list[Any]) -> list[Any]:
        """Fill the generated sections and folder entries of a nav from ``mkdocs.yml``.

        ``pipeline/index.md`` becomes a section holding the stage pages in order (same
        for roles and methodology); an entry ending in ``/`` lists that folder's pages
        (index first, then by ``order:``) and disappears when the folder has none. The
        glossary section lists the cheat sheet and the categories; term pages are never
        listed: Material renders the whole nav into every page.
        """
        site, g = self.site, self.site.glossary
        children = {
            "pipeline/index.md": [site.uri("stage", s.id) for s in g.stages_in_order()],
            "roles/index.md": ["roles/handoff-map.md", *(site.uri("role", r) for r in g.roles)],
            "methodology/index.md": [site.uri("framework", f) for f in g.frameworks],
            # Categories are few and always listed; term and letter pages are not (too many).
            GLOSSARY_INDEX: [CHEAT_SHEET if CHEAT_SHEET in self.generated else None,
                             *(site.uri("category", c) for c in g.categories)],
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
                # Index first, then the pages that say their ``order:``, then by file name.
                pages = sorted((u for u in self.docs if u.startswith(value)),
                               key=lambda p: (not p.endswith("/index.md"),
                                              _order_key(self.docs[p].meta), p))
                if pages:
                    name = posixpath.basename(value.rstrip("/"))
                    out.append({title or name.replace("-", " ").capitalize(): pages})
            else:
                out.append(item)
        return out


def markdown_extensions(*, abbreviations: bool, live: bool) -> list[str]:
    """The Markdown extensions the pages need: ``abbr`` for hover definitions, and
    ``admonition`` for the problem panels ``live`` pages show."""
    return [*(["abbr"] if abbreviations else []), *(["admonition"] if live else [])]


def load_site(root: Path, config_file: str | None = None, *,
              link_first_mention: bool | None = None, cache: SiteCache | None = None
              ) -> tuple[Config, Glossary, list[Problem]]:
    """Settings (``shoptalk.yml`` beside ``root`` or ``config_file``, relative to it; an
    engine's option overriding ``link_first_mention``), the glossary and its problems
    (``cache``: the last ones when nothing they came from changed)."""
    if cache is not None:
        return cache.load(root, config_file, link_first_mention)
    settings = load_config(root, root / config_file if config_file else None)
    if link_first_mention is not None:
        settings = dataclasses.replace(settings, link_first_mention=link_first_mention)
    glossary, problems = validate(settings)
    return settings, glossary, problems


_SHOWN: frozenset[Severity] = frozenset({"error", "warning"})  # what fails --strict


def _order_key(meta: Mapping[str, Any]) -> tuple[bool, int]:
    order = page_order(meta)
    return (order is None, order or 0)


@lru_cache(maxsize=64)
def _is_dir(path: Path) -> bool:
    return path.is_dir()


def _same(a: Problem, b: Problem) -> bool:
    """One problem reported twice (a macro's and the checker's, say), whatever the rule."""
    return (a.path, a.line, a.col, a.message) == (b.path, b.line, b.col, b.message)


@lru_cache(maxsize=8)
def _project_from_docs(root: Path, docs_dir: Path) -> tuple[Path, str]:
    """The project root resolved, and the way from the docs folder up to it (e.g. "..")."""
    resolved = root.resolve()
    return resolved, posixpath.relpath(resolved.as_posix(), docs_dir.resolve().as_posix())


def build_site(settings: Config, glossary: Glossary, docs: Mapping[str, DocPage], *,
               check: bool = True, abbreviations: bool = True, live: bool = False,
               glossary_problems: Sequence[Problem] = (),
               cache: SiteCache | None = None, directory_urls: bool = True,
               hovers: HoverStart | None = None) -> SiteBuild:
    """Check the hand-written pages and generate every page of the site from the glossary.

    A generated page is left out when a hand-written page has its path (that is a finding).
    ``live`` (``mkdocs serve``): problems are shown in the pages, ``glossary_problems`` on
    every page, and a record whose file failed to load gets a page saying so. ``cache``
    (the one ``load_site`` was given): reuse the scans and pages whose inputs are unchanged.
    ``directory_urls``: the engine's ``use_directory_urls``, for links inside raw HTML.
    ``hovers`` (``mkdocs serve``: ``HoverTitles.start`` with the engine's Markdown): given
    the abbreviations and the title of a link to each record (``link_hover_texts``), the
    lines and titles to write instead, so a new definition changes no page that only
    hovers it.
    """
    findings: list[Problem] = []
    index: TermIndex | None = None
    usage: dict[str, list[DocRef]] = {}
    playbooks: dict[str, list[DocRef]] = {}
    pages = sorted(docs.values(), key=lambda p: p.uri)
    for page in pages:
        stage = page.meta.get("stage")
        if isinstance(stage, str):
            playbooks.setdefault(stage, []).append(DocRef(page.uri, page.title))
    shown = PathDisplay(settings.root)
    if check:
        index = cache.term_index(glossary, settings) if cache \
            else TermIndex.from_glossary(glossary, settings)
        scan_one = cache.scan if cache else scan_text
        if cache:
            cache.forget_scans_but({(shown.show(page.path), page.text) for page in pages})
        for page in pages:
            scan = scan_one(page.text, shown.show(page.path), index, settings)
            findings += scan.problems
            seen: set[str] = set()
            if not for_readers(page.uri, page.meta):
                continue  # editor documentation: not listed on term pages
            for mention in scan.mentions:
                if mention.term_id not in seen:
                    seen.add(mention.term_id)
                    usage.setdefault(mention.term_id, []).append(
                        DocRef(page.uri, page.title, mention.line))
    findings += order_problems({page.uri: (shown.show(page.path), page.text, page.meta)
                                for page in pages if "order" in page.meta})
    site = SiteData(glossary, settings, usage, playbooks, directory_urls)
    table = abbreviation_table(site) if abbreviations else {}
    hover_lines, hover_titles = hovers(table, link_hover_texts(glossary)) if hovers \
        else ({}, {})
    # Generated pages only: a macro on a hand-written page may stand in raw HTML, where
    # its link stays text (the search index reads it too) and a placeholder would show.
    titled = dataclasses.replace(site, hover_titles=hover_titles) if hover_titles else site
    generated: dict[str, GeneratedPage] = {}
    for made in (cache.generated(titled) if cache else render_site(titled)):
        if made.uri in docs:
            findings.append(Problem(
                PathDisplay(settings.root).show(docs[made.uri].path), 1, 1, "warning",
                "a hand-written page has the path of a generated page; generated pages are "
                "built from the glossary, remove the file", "generated-path"))
            continue
        generated[made.uri] = made
    if live:
        for uri, broken in broken_pages(glossary).items():
            if uri not in docs:
                generated.setdefault(uri, broken)
    by_path = {shown.show(doc.path): doc.uri for doc in pages}
    page_problems: dict[str, list[Problem]] = {}
    for finding in findings:
        if finding.path in by_path:
            page_problems.setdefault(by_path[finding.path], []).append(finding)
    return SiteBuild(site, docs, generated, findings, table, live,
                     tuple(glossary_problems), page_problems, checked_with=index, cache=cache,
                     hover_lines=hover_lines, hover_link_titles=hover_titles)


__all__ = ["ASSETS", "ASSET_DIR", "GLOSSARY_JSON", "GLOSSARY_README", "SCRIPTS",
           "SECTION_TITLES", "SITE_RULE_IDS", "STYLESHEETS",
           "DocPage", "HoverStart", "SiteBuild", "build_site", "linked_outside", "load_site",
           "markdown_extensions", "page_uris", "read_docs", "split_front_matter"]
