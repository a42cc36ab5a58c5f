"""The MkDocs adapter: each event calls ``shoptalk.site_build`` and decides nothing itself.

Pages are read once (``on_files``) and served from that text (``on_page_read_source``);
``on_page_markdown`` runs at priority -50, after mkdocs-macros (priority 0).
Every page's HTML, title and front matter are made inert in ``on_page_content``.
Under ``serve``, pages whose inputs did not change are reused (``mkdocs_reuse``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .mkdocs_reuse import PageReuse
from .mkdocs_serve import KeptFiles
from .problems import Problem, ShoptalkError
from .render import SiteData, scrub_html
from .render.page import page_title, theme_meta
from .render.safe import attribute_url, clean_page_html
from .site_build import (
    SCRIPTS,
    STYLESHEETS,
    SiteBuild,
    build_site,
    linked_outside,
    load_site,
    markdown_extensions,
    read_docs,
)
from .site_cache import PageMemo, SiteCache
from .site_nav import THEME_DIR, is_placeholder_repo

log = get_plugin_logger(__name__)


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
    """Fill the Pipeline, Roles, Methodology nav sections and ``folder/`` entries with pages."""

    reuse_pages = c.Type(bool, default=True)
    """Under ``serve``, reuse the HTML of each page whose inputs did not change."""


class ShoptalkPlugin(PageReuse, BasePlugin[ShoptalkConfig]):  # type: ignore[no-untyped-call]
    """Generated glossary pages, hover definitions and checker findings in the build."""

    def __init__(self) -> None:
        self.command = "build"
        self.site: SiteData | None = None  # read by shoptalk.macros
        self.build: SiteBuild | None = None
        self.glossary_problems: list[Problem] = []
        self.cache = SiteCache()  # the plugin lives as long as `mkdocs serve` does
        self.sections: dict[str, Section] = {}  # index page URI -> its nav section

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command  # serve shows every problem in the pages and keeps running
        self.memo = PageMemo() if command == "serve" and self.config.reuse_pages else None
        self.kept = KeptFiles() if self.memo is not None and not dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the glossary; add the assets and the ``abbr`` extension."""
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            settings, glossary, problems = load_site(
                root, self.config.config_file, link_first_mention=self.config.link_first_mention,
                cache=self.cache if self.command == "serve" else None)
        except ShoptalkError as exc:
            raise PluginError(f"shoptalk: {exc}") from None
        if (errors := _report(problems)) and self.command != "serve":
            raise PluginError(f"shoptalk: the glossary has {errors} error{'s' * (errors != 1)}"
                              " (listed above); fix them and build again")
        self.site, self.glossary_problems = SiteData(glossary, settings), problems
        # The package's templates after the project's own overrides, before Material's.
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self.reuse_config(config)
        config.extra["shoptalk"] = {"repository_widget": not is_placeholder_repo(config.repo_url)}
        config.extra_css += [uri for uri in STYLESHEETS if uri not in config.extra_css]
        config.extra_javascript += [uri for uri in SCRIPTS if uri not in config.extra_javascript]
        for extension in markdown_extensions(abbreviations=self.config.abbreviations,
                                             live=self.command == "serve"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read each page once, build the site in core, add its pages and assets."""
        assert self.site is not None  # on_config either set it or stopped the build
        outside = linked_outside(Path(config.docs_dir), self.site.config.root,
                                 [f.src_uri for f in files])
        for uri in outside:  # MkDocs would read or copy them itself
            files.remove(files.src_uris[uri])
        docs, unreadable = read_docs(Path(config.docs_dir),
                                     [f.src_uri for f in files.documentation_pages()])
        build = build_site(self.site.config, self.site.glossary, docs, check=self.config.check,
                           abbreviations=self.config.abbreviations,
                           live=self.command == "serve", glossary_problems=self.glossary_problems,
                           cache=self.cache if self.command == "serve" else None,
                           directory_urls=config.use_directory_urls,
                           hovers=self.reuse_hovers(config))
        self.build, self.site = build, build.site
        _report([*outside.values(), *unreadable, *build.findings])
        if self.config.expand_nav and config.nav:
            config.nav = build.expand_nav(config.nav)
        unlisted = build.unlisted(config.nav) if config.nav else set()
        for uri, content in [*((p.uri, p.markdown.encode()) for p in build.generated.values()),
                             *build.assets(config).items()]:
            files.append(File.generated(config, uri, content=content, inclusion=(
                InclusionLevel.NOT_IN_NAV if uri in unlisted else InclusionLevel.UNDEFINED)))
        self.reuse_start(config, files, build)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Remember the section each section index page opens (and the nav page reuse keys on)."""
        self.sections = {p.file.src_uri: p.parent for p in nav.pages if p.parent is not None}
        return super().on_nav(nav, config=config, files=files)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """A generated page the nav does not list (a term) sits in its core-given section:
        its tab is highlighted and the section shows in the sidebar."""
        made = self.build.generated.get(page.file.src_uri) if self.build else None
        if made is not None and made.nav_section and page.parent is None \
                and made.uri != made.nav_section:
            page.parent = self.sections.get(made.nav_section)
        return page

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """The text ``on_files`` read; None lets MkDocs read generated pages itself."""
        doc = self.build.docs.get(page.file.src_uri) if self.build else None
        return doc.text if doc else None

    @event_priority(-50)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """After macros: stop a build on a failed macro call; link first mentions, append
        used abbreviations, fix edit URLs (under serve, show the problems on top)."""
        if self.build is None:
            return markdown
        if failure := self.build.failure(page.file.src_uri):
            raise PluginError(f"shoptalk: {failure}")
        if (uri := page.file.src_uri) in self.build.generated:
            page.edit_url = self.build.edit_url(uri, config.repo_url, config.edit_uri,
                                                Path(config.docs_dir))
        page.edit_url = attribute_url(page.edit_url)  # the theme prints it unescaped
        return self.reuse_markdown(page, self.build.finish_markdown(uri, markdown, page.meta))

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Every page's HTML is cleaned and its title and front matter made inert; a term
        page also describes itself as a schema.org DefinedTerm (added after cleaning)."""
        generated = self.build is not None and page.file.src_uri in self.build.generated
        html = self.reuse_html(page, html, lambda made: scrub_html(clean_page_html(made))
                               if generated else clean_page_html(made))
        page.title = page_title(page.title or "")  # Material prints titles unescaped
        page.meta.update(theme_meta(page.meta))
        if self.build is not None:  # a missing template or icon: reported, not a traceback
            fixes, problems = self.build.theme_files(page.file.src_uri, page.meta,
                                                     config.theme.dirs)
            page.meta.update(fixes)
            _report(problems)
        if self.build is None or not generated:
            return html
        url = page.canonical_url or (config.site_url or "/").rstrip("/") + "/" + page.url
        return html + self.build.term_jsonld(page.file.src_uri, url, config.site_name,
                                             config.site_url)


def _report(problems: list[Problem]) -> int:
    """Send problems to the build log, exactly as the CLI prints them; return the errors."""
    for p in problems:
        {"error": log.error, "warning": log.warning}.get(p.severity, log.info)(p.format())
    return sum(p.severity == "error" for p in problems)


__all__ = ["ShoptalkConfig", "ShoptalkPlugin", "log"]
