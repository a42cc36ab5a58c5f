"""The MkDocs adapter's fast reload: under ``mkdocs serve``, a page whose inputs did not
change is neither converted nor themed again.

MkDocs runs every event for every page on every save. What a page's HTML is made from is all
known once its Markdown is final (after the macros and ``finish_markdown``): that Markdown,
its front matter, its URL and the site's settings and files. The themed page adds the nav,
its title and edit link. ``PageMemo`` (core) keys each by a digest of those inputs; on a match
the Markdown handed to MkDocs is empty (nothing to convert) and the last HTML is put back, and
the theme renders an empty template whose output is replaced by the last one. The search
index takes the last entries of a page whose HTML, table of contents, URL, title and front
matter are as last time. A definition's hover text (abbreviations, links' titles)
is put into each themed page last (``HoverTitles``), so a new definition converts and
themes no page that only hovers it.
A plain ``mkdocs build`` never reuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .mkdocs_serve import KeptFiles, ThemeListing, poll_interval, watch_every
from .site_build import HoverStart, SiteBuild
from .site_cache import PageMemo, folder_digest

REUSED = "shoptalk-reused.html"  # an empty template: the page's last output replaces it


class _KeptBytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per server: MkDocs makes a new Jinja environment
    every build, and compiling Material's templates again costs more than a page."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._kept.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # ignored when the template's source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()


class PageReuse:
    """Events (mixed into the plugin) that hand back what did not change since the last
    build of the same ``mkdocs serve``; inert while ``memo`` is None (any plain build)."""

    memo: PageMemo | None = None
    kept: KeptFiles | None = None  # pages not written again (a clean serve build only)
    _listing: ThemeListing | None = None
    _nav: Navigation | None = None
    _bytecode: _KeptBytecode | None = None
    _generated: frozenset[str] = frozenset()

    def reuse_config(self, config: MkDocsConfig) -> None:
        """Begin a build: the theme's static files are listed from what is kept."""
        if self.memo is not None:
            self._listing = self._listing or ThemeListing()
            self._listing.use(config.theme)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Look for saved files more often than every half second when they are few."""
        if self.memo is not None:
            watch_every(server, poll_interval([config.docs_dir, *config.watch]))
        return server

    def reuse_hovers(self, config: MkDocsConfig) -> HoverStart | None:
        """What ``build_site`` writes instead of each hover text (abbreviations, links'
        titles): placeholders, learned with the site's own Markdown (None: any plain build)."""
        if self.memo is None:
            return None
        hovers = self.memo.hovers
        return lambda abbreviations, link_titles: hovers.start(
            abbreviations, link_titles, lambda text: markdown.Markdown(
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs).convert(text))

    def reuse_start(self, config: MkDocsConfig, files: Files, build: SiteBuild) -> None:
        """Begin a build: every page depends on the settings, the theme's overrides and
        the set of files (a link resolves, or not, against it)."""
        if self.memo is not None:
            self._generated = frozenset(build.generated)
            theme = config.theme.custom_dir
            self.memo.start(Path(config.config_file_path or "").read_bytes(),
                            sorted((f.src_uri, f.url) for f in files),
                            folder_digest(Path(theme)) if theme else None)

    def reuse_markdown(self, page: Page, markdown: str) -> str:
        """The final Markdown of ``page``, or "" when its last HTML can be handed back
        (then MkDocs does not convert it at all)."""
        if self.memo is not None and self.memo.note(
                "html", page.file.src_uri, markdown, page.meta, page.url) is not None:
            _skip_conversion(page)
            return ""
        return markdown

    def reuse_html(self, page: Page, html: str, finish: Callable[[str], str]) -> str:
        """``finish(html)`` of the HTML MkDocs made of ``page``, kept; or the last one put
        back with its table of contents, title and anchors (what MkDocs' own conversion
        would have set)."""
        if self.memo is None:
            return finish(html)
        made = self.memo.reused("html", page.file.src_uri)
        if made is None:
            html = finish(html)
            self.memo.keep("html", page.file.src_uri,
                           (html, page.toc, page.title, page.present_anchor_ids))
            return html
        html, page.toc, page.title, page.present_anchor_ids = made
        page.links_to_anchors = None  # checked, and reported, when it was converted
        return str(html)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep the nav: its titles are final in ``on_env``."""
        self._nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Give the empty template to each page whose HTML, nav, title, front matter and
        links are all as last time."""
        if self.memo is None:
            return env
        nav = str(self._nav)  # every page shows the whole nav: titles and order
        for file in files.documentation_pages():
            page = file.page
            if page is not None and self.memo.note(
                    "page", file.src_uri, self.memo.key("html", file.src_uri), nav, page.title,
                    page.meta, page.edit_url, page.canonical_url) is not None:
                page.meta["template"] = REUSED
        empty = {REUSED: ""}  # and each theme template (404.html) made from the same nav
        for name in config.theme.static_templates:
            if self.memo.note("template", name, nav, date.today().isoformat()) is not None:
                empty[name] = ""
        self._bytecode = env.bytecode_cache = self._bytecode or _KeptBytecode()
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(empty), *(
            [env.loader] if env.loader else [])])
        return env

    @event_priority(50)  # before the search plugin indexes the page
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> Any:
        """Let the search plugin take the last entries of a page made as last time."""
        if self.memo is not None:
            index = getattr(_search_plugin(config), "search_index", None)
            if index is not None and not isinstance(index.add_entry_from_context, _KeptEntries):
                index.add_entry_from_context = _KeptEntries(self.memo, index)
        return context

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Hold the last build's files aside before MkDocs empties the site folder."""
        if self.memo is not None and self.kept is not None:
            self.kept.start(config.site_dir)

    @event_priority(100)  # first: files name their real place before others read them
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Drop what pages not made this build made (a deleted page, say)."""
        if self.memo is not None:
            self.memo.forget_others()
            if self.kept is not None:
                self.kept.finish()

    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """A reused theme template's last output; every other one's output is kept."""
        return self._reuse_output("template", template_name, output_content)

    @event_priority(-100)  # last: what is kept is what is written
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """A reused page's last output, every other page's output kept; then with the
        hover text of its abbreviations. A page written as last time is not written again."""
        output = self._reuse_output("page", page.file.src_uri, output)
        if self.memo is not None:
            output = self.memo.hovers.put_back(output, page.file.src_uri in self._generated)
            if self.kept is not None:  # the same bytes as last time: moved back, not written
                self.kept.put_back(page.file, output)
        return output

    def _reuse_output(self, stage: str, name: str, output: str) -> str:
        if self.memo is None:
            return output
        made: Any = self.memo.reused(stage, name)
        if made is None:
            self.memo.keep(stage, name, output)
            return output
        return str(made)


class _KeptEntries:
    """The search index's ``add_entry_from_context``, giving back the last entries of a
    page whose indexed inputs are unchanged: parsing every page's HTML again costs a third
    of a rebuild."""

    def __init__(self, memo: PageMemo, index: Any) -> None:
        self.memo, self.index, self.add = memo, index, index.add_entry_from_context

    def __call__(self, page: Page) -> None:
        uri, entries = page.file.src_uri, self.index.entries
        kept = self.memo.note("search", uri, page.content, str(page.toc), page.url, page.title,
                              page.meta.get("title"), page.meta.get("search"),
                              page.meta.get("tags"))
        if kept is not None:
            entries.extend(dict(entry) for entry in kept)
            return
        before = len(entries)
        self.add(page)
        self.memo.keep("search", uri, tuple(dict(entry) for entry in entries[before:]))


def _search_plugin(config: MkDocsConfig) -> Any:
    """The search plugin, Material's or MkDocs' own (None when the site has none)."""
    plugins = config.plugins
    return plugins.get("material/search") or plugins.get("search")


def _skip_conversion(page: Page) -> None:
    """MkDocs builds a Markdown converter for every page, even an empty one (a tenth of a
    rebuild): a reused page's conversion is nothing, its HTML is put back afterwards."""

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = ""

    page.render = render  # type: ignore[method-assign]


__all__ = ["REUSED", "PageReuse"]
