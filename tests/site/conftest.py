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
MERMAID = REPO / "build" / "mermaid.min.js"
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


class Tab:
    """A browser page that records console errors from the site itself."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base = page, base
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        page.route(lambda url: not url.startswith(base), self._external)

    @staticmethod
    def _external(route: Any) -> None:
        """Offline: external requests are refused at once, except Material's Mermaid script,
        served from build/mermaid.min.js when present (``npm pack mermaid@11``)."""
        if route.request.url.endswith("/mermaid.min.js") and MERMAID.is_file():
            route.fulfill(path=str(MERMAID), content_type="text/javascript")
        else:
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
