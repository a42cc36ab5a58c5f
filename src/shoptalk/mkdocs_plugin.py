"""The MkDocs adapter: MkDocs events translated into calls of ``shoptalk.site_build``.

- ``on_config``: load and validate the glossary (errors stop ``mkdocs build``; ``serve``
  keeps running), add the stylesheet, the script and the ``abbr`` extension.
- ``on_files``: read each docs page once, build the site in core (checker findings go to
  the log), add the generated pages and assets, expand the nav.
- ``on_page_read_source``: serve the text read in ``on_files`` (no second read).
- ``on_page_markdown`` at priority -50, after mkdocs-macros (priority 0): first-mention
  links, the abbreviation block, the edit URL of a generated page.
- ``on_page_content``: scrub script URLs from generated pages; a term page's JSON-LD.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .config import Config as ShoptalkSettings
from .config import load_config
from .problems import Problem, ShoptalkError
from .render import SiteData, scrub_html
from .site_build import ASSET_DIR, ASSETS, SiteBuild, build_site, read_docs
from .validate import validate

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
    """Fill the Pipeline, Roles and Methodology nav sections with their generated pages,
    and expand nav entries that end in ``/`` into the Markdown files of that folder."""


class ShoptalkPlugin(BasePlugin[ShoptalkConfig]):  # type: ignore[no-untyped-call]
    """Generated glossary pages, hover definitions and checker findings in the build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.settings: ShoptalkSettings | None = None
        self.site: SiteData | None = None  # read by shoptalk.macros
        self.build: SiteBuild | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"],
                   dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the glossary; add the assets and the ``abbr`` extension."""
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = load_config(root, root / self.config.config_file
                                   if self.config.config_file else None)
            if self.config.link_first_mention is not None:
                settings = dataclasses.replace(
                    settings, link_first_mention=self.config.link_first_mention)
            glossary, problems = validate(settings)
        except ShoptalkError as exc:
            raise PluginError(f"shoptalk: {exc}") from None
        errors = _report(problems)
        if errors and self.command != "serve":
            raise PluginError(f"shoptalk: the glossary has {errors} error"
                              f"{'s' if errors != 1 else ''} (listed above); fix them and "
                              "build again")
        self.settings, self.site = settings, SiteData(glossary, settings)
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in target:
                target.append(f"{ASSET_DIR}/{name}")
        if self.config.abbreviations and "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read each page once, build the site in core, add its pages and assets."""
        if self.site is None or self.settings is None:
            return files
        docs, unreadable = read_docs(Path(config.docs_dir),
                                     [f.src_uri for f in files.documentation_pages()])
        self.build = build = build_site(self.settings, self.site.glossary, docs,
                                        check=self.config.check,
                                        abbreviations=self.config.abbreviations)
        self.site = build.site
        _report(unreadable + build.findings)
        for page in build.generated.values():
            files.append(File.generated(config, page.uri, content=page.markdown))
        for uri, data in build.assets().items():
            files.append(File.generated(config, uri, content=data))
        if self.config.expand_nav and config.nav:
            config.nav = build.expand_nav(config.nav)
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """The text ``on_files`` read; None lets MkDocs read generated pages itself."""
        doc = self.build.docs.get(page.file.src_uri) if self.build else None
        return doc.text if doc else None

    @event_priority(-50)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """After macros: link first mentions, append used abbreviations, fix edit URLs."""
        if self.build is None:
            return markdown
        uri = page.file.src_uri
        if uri in self.build.generated:
            page.edit_url = self.build.edit_url(uri, config.repo_url, config.edit_uri,
                                                Path(config.docs_dir))
        return self.build.finish_markdown(uri, markdown, page.meta)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Generated pages only ever carry YAML text: break any script URL that slipped in."""
        if self.build is None or page.file.src_uri not in self.build.generated:
            return html
        url = page.canonical_url or (config.site_url or "/").rstrip("/") + "/" + page.url
        return scrub_html(html) + self.build.term_jsonld(page.file.src_uri, url,
                                                         config.site_name, config.site_url)


def _report(problems: list[Problem]) -> int:
    """Send problems to the build log, exactly as the CLI prints them; return the errors."""
    for problem in problems:
        {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(
            problem.format())
    return sum(p.severity == "error" for p in problems)
