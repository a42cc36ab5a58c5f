"""Fixtures for the site tests: built sites (once per session) and a browser."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import FIXTURES, REPO, build_site, make_project, serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

DOCS = {
    "index.md": """
        # Home

        Welcome. Our ICP decides who we call.
        """,
    "start-here.md": """
        # Start here

        ## Core terms

        {{ core_terms() }}

        ## Self-check

        {{ self_check() }}
        """,
    "playbooks/index.md": "# Playbooks\n\nGuides for each meeting.\n",
    "playbooks/qualify-call.md": """
        ---
        title: Qualification call
        stage: qualify
        ---
        # Qualification call

        Confirm the economic buyer before the proposal. Ask the {{ role("ae") }} to book it.

        Write down what the EB agreed to.
        """,
}

# Pages of the payload site: every hover path (first mentions, macros, abbreviations of
# terms, homonyms, deprecated terms, roles and frameworks, the quiz) shows payload text.
PAYLOAD_DOCS = {
    "index.md": "# Home\n\nPLT and XSS.\n",
    "start-here.md": """
        # Start here

        {{ core_terms() }}

        {{ self_check() }}
        """,
    "playbooks/evil-call.md": """
        ---
        title: Evil call
        stage: evil-stage
        ---
        # Evil call

        Say Plain term, then {{ term("entity-term") }} and {{ term("old-term") }}.
        Ask the {{ role("evil-role-two") }} and use {{ framework("evil-fw") }}.
        Abbreviations: PLT, XSS, ENT, OLD, ROLE, TWO, EVIL.
        """,
}


# Raw HTML and hostile links as a page author could write them. Every payload that runs
# calls alert() (a dialog) or sets window.__pwned.
HTML_PAYLOADS = """
<img src=x onerror=alert(document.domain)> <img src=x onerror="window.__pwned=1">

<script>alert(1)</script>

<a href="javascript:alert(2)">a link</a> and <a href="JaVa&#x09;ScRiPt:alert(3)">another</a>

<iframe src="javascript:alert(4)"></iframe> <iframe srcdoc="<script>alert(5)</script>"></iframe>

<svg onload=alert(6)><circle r=5 /></svg> <svg><script>alert(7)</script></svg>

<object data="javascript:alert(8)"></object> <embed src="javascript:alert(9)">

<form action="javascript:alert(10)"><button>Send</button></form>
<button formaction="javascript:alert(11)">Go</button>

<meta http-equiv="refresh" content="0;url=javascript:alert(12)">

<style>article { display: none !important }</style>

<base href="javascript:alert(13)//">

<link rel="stylesheet" href="data:text/css,article{display:none}">

<div style="position:fixed;inset:0;background:white;z-index:9999">Sign in again</div>

<details open ontoggle=alert(14)><summary>More</summary>Hidden text.</details>

<a title="&lt;img src=x onerror=alert(15)&gt;" href="#top">hover me</a>
<abbr title="&amp;lt;img src=x onerror=alert(16)&amp;gt;">hover this</abbr>

<div id="__config">{"base": "javascript:alert(17)", "features": [], "search": "x"}</div>

[a link](javascript:alert(18)) [data](data:text/html,alert19) ![image](javascript:alert(20))
[titled](#top "<img src=x onerror=alert(21)>") <javascript:alert(22)> [reference][evil]

[evil]: javascript:alert(23)

[styled](#top){: onclick="alert(24)" onmouseover="alert(25)" }

A paragraph with a handler.
{: onmouseover="alert(26)" }

<math><mtext><table><mglyph><style><img src=x onerror=alert(27)>

<noscript><p title="</noscript><img src=x onerror=alert(28)>"></noscript>

*[HTML]: <img src=x onerror=alert(29)>
"""

# Hand-written pages of every kind (home, section index, playbook with front matter, a
# redirect) carrying HTML_PAYLOADS, with hostile titles that also reach generated pages
# (a playbook's title is listed on its stage's page and the pages of the terms it uses).
HTML_PAYLOAD_DOCS = {
    "index.md": "# Home <img src=x onerror=alert(40)>\n\nPlain term.\n" + HTML_PAYLOADS,
    "playbooks/index.md": "# <img src=x onerror=alert(41)> Playbooks\n" + HTML_PAYLOADS,
    "playbooks/raw-call.md": """---
title: <img src=x onerror=alert(42)> call
description: '"><script>alert(43)</script>'
subtitle: <img src=x onerror=alert(44)>
status: 'new" onmouseover="alert(45)'
stage: evil-stage
---
Say Plain term and {{ term("entity-term") }}.
""" + HTML_PAYLOADS,
    "playbooks/entity-title.md": "---\ntitle: '&lt;img src=x onerror=alert(46)&gt;'\n"
                                 "stage: evil-stage\n---\nPlain term.\n",
    "moved.md": "---\ntemplate: redirect.html\nlocation: '\");alert(47);//'\n---\n",
    "moved-away.md": "---\ntemplate: redirect.html\nlocation: javascript:alert(48)\n---\n",
}
ENV_SECRET = "quaylight-page-secret-9f1c"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid glossary with a few pages, built with --strict."""
    root = tmp_path_factory.mktemp("fixture-project")
    config = make_project(root, pages=DOCS, nav=[
        {"Home": "index.md"}, {"Glossary": "glossary/index.md"},
        {"Pipeline": "pipeline/index.md"}, {"Roles": "roles/index.md"},
        {"Methodology": "methodology/index.md"}, {"Playbooks": "playbooks/"},
        {"Start here": "start-here.md"}])
    site = root / "site"
    build_site(config, site, strict=True)
    return site


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary whose every field carries HTML or script."""
    root = tmp_path_factory.mktemp("payload-project")
    config = make_project(root, glossary=FIXTURES / "payload",
                          shoptalk_yml="rules: {bad-value: warning, plain-text: warning}\n",
                          pages=PAYLOAD_DOCS,
                          nav=[{"Home": "index.md"}, {"Glossary": "glossary/index.md"},
                               {"Pipeline": "pipeline/index.md"}, {"Roles": "roles/index.md"},
                               {"Methodology": "methodology/index.md"},
                               {"Playbooks": "playbooks/"}, {"Start here": "start-here.md"}])
    site = root / "site"
    build_site(config, site)
    return site


@pytest.fixture(scope="session")
def html_payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The payload glossary with hand-written pages full of raw HTML, built while the
    environment holds a secret (no page may publish it)."""
    root = tmp_path_factory.mktemp("html-payload-project")
    config = make_project(root, glossary=FIXTURES / "payload",
                          shoptalk_yml="rules: {bad-value: warning, plain-text: warning}\n",
                          pages=HTML_PAYLOAD_DOCS,
                          nav=[{"Home": "index.md"}, {"Glossary": "glossary/index.md"},
                               {"Pipeline": "pipeline/index.md"}, {"Roles": "roles/index.md"},
                               {"Playbooks": "playbooks/"}])
    os.environ["SHOPTALK_SECRET"] = ENV_SECRET
    try:
        build_site(config, root / "site")
    finally:
        del os.environ["SHOPTALK_SECRET"]
    return root / "site"


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site (starter content), built into a temporary folder."""
    site = tmp_path_factory.mktemp("starter") / "site"
    build_site(REPO / "mkdocs.yml", site)
    return site


def _need_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing")
        pytest.skip("chromium is not installed (the browser tests run under CI=true)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def starter_url(starter_site: Path) -> Iterator[str]:
    with serve(starter_site) as url:
        yield url


@pytest.fixture(scope="session")
def payload_url(payload_site: Path) -> Iterator[str]:
    with serve(payload_site) as url:
        yield url


@pytest.fixture(scope="session")
def html_payload_url(html_payload_site: Path) -> Iterator[str]:
    with serve(html_payload_site) as url:
        yield url


class Tab:
    """A browser page that records console errors from the site itself."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base = page, base
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        page.route(lambda url: not url.startswith(base), self._external)

    def _external(self, route: Any) -> None:
        """Offline: external requests are refused at once."""
        route.abort()

    def _console(self, message: Any) -> None:
        source = (message.location or {}).get("url", "")
        # Failed requests to other hosts are the sandbox being offline, not the site.
        if message.type == "error" and "net::ERR_FAILED" not in message.text:
            self.errors.append(f"{message.text} ({source})")

    def _page_error(self, error: Any) -> None:
        text = str(error)
        if not re.search(r"https?://(?!127\.0\.0\.1)", text):  # an external script missing
            self.errors.append(f"pageerror: {text}")

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def tab(browser: Any, fixture_url: str) -> Iterator[Tab]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield Tab(page, fixture_url)
    page.close()


@pytest.fixture
def starter_tab(browser: Any, starter_url: str) -> Iterator[Tab]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield Tab(page, starter_url)
    page.close()


def clean(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
