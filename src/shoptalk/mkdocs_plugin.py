"""The MkDocs adapter: a thin layer that feeds the core's Markdown to MkDocs.

Events, in the order they run:

- ``on_config``: read ``shoptalk.yml``, load and validate the glossary (problems
  go to the build log; errors stop ``mkdocs build``), expand the nav sections
  that list generated pages, add the stylesheet and script.
- ``on_files``: run the playbook checker over the docs (findings go to the log;
  mentions become "where it is used" backlinks), then add every generated page.
- ``on_page_markdown`` at priority -50, after mkdocs-macros (priority 0): link
  the first mention of each term, append the abbreviations the page uses, and
  point the edit button of a generated page at its YAML file.
- ``on_page_content``: scrub script URLs from generated pages (defence in depth).
"""

from __future__ import annotations

import posixpath
import re
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from .config import Config as ShoptalkSettings
from .config import load_config
from .exchange import defined_term_jsonld, glossary_json, script_json
from .problems import Problem, ShoptalkError
from .render import GLOSSARY_INDEX, DocRef, GeneratedPage, SiteData, render_site, scrub_html
from .render import abbreviations as abbreviation_table
from .render.mentions import blank_code, link_first_mentions
from .render.widgets import abbreviation_block
from .validate import validate

log = get_plugin_logger(__name__)

ASSETS = ("shoptalk.css", "shoptalk.js")
GLOSSARY_JSON = "glossary.json"
ASSET_DIR = "assets/shoptalk"
SECTION_TITLES = {GLOSSARY_INDEX: "Glossary", "pipeline/index.md": "Pipeline",
                  "roles/index.md": "Roles", "methodology/index.md": "Methodology"}


class ShoptalkConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``shoptalk`` plugin in ``mkdocs.yml``."""

    config_file = c.Optional(c.Type(str))
    """Path to ``shoptalk.yml``, relative to ``mkdocs.yml``; default: the one beside it."""

    link_first_mention = c.Optional(c.Type(bool))
    """Link the first mention of each term on a page; default: ``shoptalk.yml``'s setting."""

    check = c.Type(bool, default=True)
    """Run the playbook checker during the build and report its findings as warnings."""

    abbreviations = c.Type(bool, default=True)
    """Give every glossary abbreviation on every page a hover definition."""

    expand_nav = c.Type(bool, default=True)
    """Fill the Pipeline, Roles and Methodology nav sections with their generated pages,
    and expand nav entries that end in ``/`` into the Markdown files of that folder."""


class ShoptalkPlugin(BasePlugin[ShoptalkConfig]):  # type: ignore[no-untyped-call]
    """Generated glossary pages, hover definitions and checker findings in the build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str = "build"
        self.settings: ShoptalkSettings | None = None
        self.site: SiteData | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.abbreviations: dict[str, str] = {}
        self.term_pages: dict[str, str] = {}  # generated page uri -> term id
        self._abbr_re: re.Pattern[str] | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"],
                   dirty: bool) -> None:
        self.command = command

    # -- configuration ----------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the glossary; wire nav, assets and the ``abbr`` extension."""
        root = Path(config.config_file_path or ".").resolve().parent
        path = root / self.config.config_file if self.config.config_file else None
        try:
            settings = load_config(root, path)
        except ShoptalkError as exc:
            raise PluginError(f"shoptalk: {exc}") from None
        if self.config.link_first_mention is not None:
            settings = _replace(settings, link_first_mention=self.config.link_first_mention)
        try:
            glossary, problems = validate(settings)
        except ShoptalkError as exc:
            raise PluginError(f"shoptalk: {exc}") from None
        errors = _report(problems)
        if errors and self.command != "serve":
            raise PluginError(f"shoptalk: the glossary has {errors} error"
                              f"{'s' if errors != 1 else ''} (listed above); fix them and "
                              "build again")
        self.settings = settings
        self.site = SiteData(glossary, settings)
        if self.config.expand_nav and config.nav:
            config.nav = expand_nav(config.nav, self.site, Path(config.docs_dir))
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in target:
                target.append(f"{ASSET_DIR}/{name}")
        if self.config.abbreviations and "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        return config

    # -- files ------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check the docs, then add every generated page and the assets."""
        if self.site is None or self.settings is None:
            return files
        usage, playbooks = self._scan_docs(files, config)
        self.site = SiteData(self.site.glossary, self.settings, usage, playbooks)
        self.generated = {}
        for page in render_site(self.site):
            if files.get_file_from_path(page.uri) is not None:
                log.warning(f"{page.uri}: a file in docs/ has the path of a generated page; "
                            "generated pages are built from the glossary, remove the file")
                continue
            self.generated[page.uri] = page
            files.append(File.generated(config, page.uri, content=page.markdown))
        # The whole language as data, at a stable address beside the site.
        files.append(File.generated(config, GLOSSARY_JSON,
                                    content=glossary_json(self.site.glossary)))
        self.term_pages = {uri: term_id for term_id in self.site.glossary.terms
                           if (uri := self.site.uri("term", term_id))}
        for name in ASSETS:
            source = package_files("shoptalk").joinpath("assets", name)
            files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                        abs_src_path=str(source)))
        self.abbreviations = abbreviation_table(self.site) if self.config.abbreviations else {}
        words = sorted(self.abbreviations, key=len, reverse=True)
        self._abbr_re = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words))
                                   + r")(?![\w-])") if words else None
        return files

    def _scan_docs(self, files: Files, config: MkDocsConfig
                   ) -> tuple[dict[str, list[DocRef]], dict[str, list[DocRef]]]:
        """Playbooks by the stage in their front matter, and term mentions from the checker."""
        assert self.site is not None and self.settings is not None
        docs = Path(config.docs_dir).resolve()
        titles: dict[str, str] = {}
        playbooks: dict[str, list[DocRef]] = {}
        for file in files.documentation_pages():
            if file.abs_src_path is None:
                continue
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            body, meta = get_data(text)
            title = str(meta.get("title") or _first_heading(body) or file.name)
            titles[Path(file.abs_src_path).resolve().as_posix()] = title
            stage = meta.get("stage")
            if isinstance(stage, str):
                playbooks.setdefault(stage, []).append(DocRef(file.src_uri, title))
        usage: dict[str, list[DocRef]] = {}
        if not self.config.check:
            return usage, playbooks
        try:
            from .check import check_docs
        except ImportError:  # the checker is optional until it lands
            log.debug("shoptalk.check is not available; skipping the docs check")
            return usage, playbooks
        scans = check_docs(self.settings, self.site.glossary)
        _report([p for scan in scans for p in scan.problems])
        for scan in scans:
            path = _resolve(str(scan.path), self.settings.root)
            try:
                uri = path.relative_to(docs).as_posix()
            except ValueError:
                continue
            seen: set[str] = set()
            for mention in scan.mentions:
                if mention.term_id not in seen:
                    seen.add(mention.term_id)
                    usage.setdefault(mention.term_id, []).append(
                        DocRef(uri, titles.get(path.as_posix(), uri), mention.line))
        return usage, playbooks

    # -- pages ------------------------------------------------------------
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """After macros: link first mentions, append used abbreviations, fix edit URLs."""
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.edit_url = self._edit_url(generated, config)
        elif self.site is not None and self.settings and self.settings.link_first_mention \
                and page.meta.get("link_terms", True) is not False:
            markdown = link_first_mentions(markdown, self.site, page.file.src_uri)
        return markdown + self._abbreviation_block(markdown)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Generated pages only ever carry YAML text: break any script URL that slipped in.
        A term page also describes itself as a schema.org DefinedTerm."""
        if page.file.src_uri not in self.generated:
            return html
        html = scrub_html(html)
        term_id = self.term_pages.get(page.file.src_uri)
        if term_id is not None and self.site is not None:
            base = (config.site_url or "/").rstrip("/") + "/"
            data = defined_term_jsonld(
                self.site.glossary, term_id, page.canonical_url or base + page.url,
                set_name=config.site_name, set_url=base + posixpath.dirname(GLOSSARY_INDEX) + "/")
            html += f'\n<script type="application/ld+json">{script_json(data)}</script>\n'
        return html

    def _abbreviation_block(self, markdown: str) -> str:
        if self._abbr_re is None:
            return ""
        used = sorted(set(self._abbr_re.findall(blank_code(markdown))))
        return abbreviation_block(self.abbreviations, used)

    def _edit_url(self, page: GeneratedPage, config: MkDocsConfig) -> str | None:
        """The edit link of the YAML file a generated page came from."""
        if page.source is None or not config.repo_url or not config.edit_uri:
            return None
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            rel_source = page.source.resolve().relative_to(root).as_posix()
        except ValueError:
            return None
        docs = Path(config.docs_dir).resolve()
        docs_rel = posixpath.relpath(root.as_posix(), docs.as_posix())  # e.g. ".."
        base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
        joined = posixpath.normpath(posixpath.join(base.split("://", 1)[1],
                                                   docs_rel, rel_source))
        return base.split("://", 1)[0] + "://" + joined


def _report(problems: list[Problem]) -> int:
    """Send problems to the build log, exactly as the CLI prints them; return the errors."""
    for problem in problems:
        if problem.severity == "error":
            log.error(problem.format())
        elif problem.severity == "warning":
            log.warning(problem.format())
        else:
            log.info(problem.format())
    return sum(p.severity == "error" for p in problems)


def _resolve(shown: str, root: Path) -> Path:
    """A path as problems show it (relative to the project or the working dir), made absolute."""
    path = Path(shown)
    if path.is_absolute():
        return path.resolve()
    return (root / path).resolve() if (root / path).exists() else path.resolve()


def _first_heading(markdown: str) -> str | None:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.M)
    return match.group(1) if match else None


def _replace(settings: ShoptalkSettings, **changes: Any) -> ShoptalkSettings:
    from dataclasses import replace

    return replace(settings, **changes)


def expand_nav(nav: list[Any], site: SiteData, docs_dir: Path) -> list[Any]:
    """Fill the generated sections and folder entries of a nav from ``mkdocs.yml``.

    ``pipeline/index.md`` becomes a section holding the stage pages in order (same
    for roles and methodology); an entry ending in ``/`` lists that folder's pages
    (index first) and disappears when the folder is missing. Term pages are never
    listed: Material renders the whole nav into every page.
    """
    g = site.glossary
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
            out.append({title: expand_nav(value, site, docs_dir)} if title else value)
        elif isinstance(value, str) and value in children:
            kids = [u for u in children[value] if u]
            entry = [value, *kids] if kids else value
            out.append({title or SECTION_TITLES[value]: entry} if kids or title else value)
        elif isinstance(value, str) and value.endswith("/") and "://" not in value:
            folder = docs_dir / value
            pages = sorted(p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md")) \
                if folder.is_dir() else []
            pages.sort(key=lambda p: (not p.endswith("/index.md"), p))
            if pages:
                out.append({title or folder.name.replace("-", " ").capitalize(): pages})
        else:
            out.append(item)
    return out
