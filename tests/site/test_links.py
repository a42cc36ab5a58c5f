"""Every link the built starter site holds leads to a file of the site, whether MkDocs makes
directory URLs (``glossary/champion/``) or not (``glossary/champion.html``, the setting a
company picks to browse the site from disk): the links MkDocs rewrites, the ones in raw
HTML it does not (the pipeline diagram, the quiz), the theme's breadcrumbs and 404 page,
and the links find.js writes (did you mean, the nearest terms on the 404 page)."""

from __future__ import annotations

import html
import json
import posixpath
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from .conftest import Tab
from .helpers import REPO, build_site, serve
from .test_navigation import PHONE, reader, search

LINK_ATTRIBUTES = {"href", "xlink:href", "src"}


class _Links(HTMLParser):
    """Every link target of a page, and the page links in the quiz's question pool."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.targets.append(value)
            elif name == "data-pool" and value:  # quiz.js links each answer to its page
                self.targets += [q["page"] for q in json.loads(html.unescape(value))]


def broken_links(site: Path, directory_urls: bool) -> dict[str, list[str]]:
    """Internal links that lead to no file, by page. Without directory URLs a link must
    name a file: a folder link shows a listing (or nothing) when read from disk."""
    broken: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html":  # served at any depth: its links are absolute (below)
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname("/" + rel),
                                                     unquote(parts.path)))
            found = site / path.lstrip("/")
            if not (found.is_file() or (directory_urls and (found / "index.html").is_file())):
                broken.setdefault(rel, []).append(target)
    return broken


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built with ``use_directory_urls: false``."""
    root = tmp_path_factory.mktemp("flat-urls")
    for folder in ("glossary", "docs"):
        shutil.copytree(REPO / folder, root / folder, symlinks=True)
    shutil.copy(REPO / "shoptalk.yml", root / "shoptalk.yml")
    settings = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    settings["use_directory_urls"] = False
    (root / "mkdocs.yml").write_text(yaml.dump(settings, sort_keys=False), encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def flat_url(flat_site: Path) -> Iterator[str]:
    with serve(flat_site) as url:
        yield url


def test_every_link_leads_to_a_page_with_directory_urls(starter_site: Path) -> None:
    assert broken_links(starter_site, directory_urls=True) == {}


def test_every_link_leads_to_a_file_without_directory_urls(flat_site: Path) -> None:
    assert broken_links(flat_site, directory_urls=False) == {}
    # The links raw HTML carries name files too: the diagram's stage boxes, the quiz.
    pipeline = (flat_site / "pipeline" / "index.html").read_text(encoding="utf-8")
    assert 'xlink:href="qualify.html"' in pipeline
    start = (flat_site / "start-here.html").read_text(encoding="utf-8")
    assert 'xlink:href="pipeline/qualify.html"' in start
    assert 'href="glossary/' in start and '.html">Read about ' in start
    crumbs = (flat_site / "glossary" / "champion.html").read_text(encoding="utf-8")
    assert 'href="index.html" class="md-path__link"' in crumbs  # Glossary › …


def test_the_404_page_links_files_without_directory_urls(flat_site: Path) -> None:
    page = (flat_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/glossary/index.html">Browse the glossary' in page


def _follow_did_you_mean(tab: Tab) -> Any:
    page = search(tab, "champoin", ".st-didyoumean:not([hidden]) a")  # type: ignore[arg-type]
    page.click(".st-didyoumean a")
    return page


def test_did_you_mean_links_the_page_as_the_site_makes_it(browser: Any, flat_url: str) -> None:
    with reader(browser, flat_url, PHONE) as tab:
        page = _follow_did_you_mean(tab)
        page.wait_for_url("**/glossary/champion.html")
        assert page.locator("h1").first.inner_text().startswith("Champion")
