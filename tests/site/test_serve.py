"""``mkdocs serve`` never dies on bad content: each problem is shown in the page it concerns.

The first tests run the build in-process as ``serve`` runs it (``on_startup(command="serve")``);
the browser test starts the real ``mkdocs serve`` on a scratch copy of the project.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from shoptalk.site_build import build_site as build_site_core
from shoptalk.site_build import load_site, read_docs
from shoptalk.site_cache import SiteCache

from .helpers import REPO, build_as_serve, build_site, capture_warnings, html, make_project

FRONT_MATTER_PAGE = """\
---
title: Demo
stage: qualify
description: A page whose call sits on line 10, below three lines of front matter.
---

# Demo

Meet the buyer.
A {{ term("Economic Buyr") }} decides.
"""
BAD_CALL = 'docs/playbooks/demo.md:10:12: error: term("Economic Buyr") matches no term; ' \
           "did you mean 'Economic Buyer'?"


def _without_checker(config_file: Path) -> Path:
    """The project's mkdocs.yml with the plugin's checker off: only the macros report."""
    text = config_file.read_text("utf-8")
    assert "\n- shoptalk\n" in text
    config_file.write_text(text.replace("\n- shoptalk\n", "\n- shoptalk:\n    check: false\n"),
                           encoding="utf-8")
    return config_file


def test_a_macro_error_is_reported_at_its_line_counting_the_front_matter(
        tmp_path: Path) -> None:
    config = _without_checker(make_project(tmp_path, pages={
        "index.md": "# Home\n", "playbooks/demo.md": FRONT_MATTER_PAGE}))
    with pytest.raises(Abort), capture_warnings() as logs:
        build_site(config, tmp_path / "site", strict=True)
    assert logs.messages == [
        f"{BAD_CALL} [page-macro]",
        "Error reading page 'playbooks/demo.md':",
        "shoptalk: 1 macro call in docs/playbooks/demo.md could not be rendered (listed "
        "above); the page was not built"]


def test_the_checker_and_the_macro_report_a_bad_call_once(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n",
                                           "playbooks/demo.md": FRONT_MATTER_PAGE})
    with pytest.raises(Abort), capture_warnings() as logs:
        build_site(config, tmp_path / "site", strict=True)
    assert [m for m in logs.messages if "Economic Buyr" in m] == [
        f"shoptalk: {BAD_CALL} [unknown-reference]"]


def test_serve_shows_a_failed_macro_call_in_its_page_and_builds_the_rest(
        tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n",
                                           "playbooks/demo.md": FRONT_MATTER_PAGE})
    logs = build_as_serve(config, tmp_path / "site")
    assert logs == [f"shoptalk: {BAD_CALL} [unknown-reference]"]  # the build went on
    page = html(tmp_path / "site", "playbooks/demo/")
    panel = re.search(r'<div class="admonition shoptalk-error">(.*?)</div>', page, re.S)
    assert panel is not None
    assert "<p class=\"admonition-title\">This page has 1 problem</p>" in panel.group(1)
    assert ("<strong>docs/playbooks/demo.md:10:12</strong> term(&quot;Economic Buyr&quot;) "
            "matches no term; did you mean 'Economic Buyer'?") in panel.group(1).replace(
                '"', "&quot;")
    assert 'href="../../reference/rules/#unknown-reference"' not in panel.group(1)  # no page
    assert '\u26a0 <code>term("Economic Buyr")</code> decides.' in page
    assert "shoptalk-error" not in html(tmp_path / "site", "")  # other pages are clean


def test_serve_shows_refused_template_code_instead_of_the_page(tmp_path: Path) -> None:
    page = "# Sneaky\n\n{{ cycler.__init__.__globals__.os.environ }}\n\nSecret text.\n"
    config = make_project(tmp_path, pages={"index.md": "# Home\n", "sneaky.md": page})
    build_as_serve(config, tmp_path / "site")
    out = html(tmp_path / "site", "sneaky/")
    assert "docs/sneaky.md:3:1</strong> '.__init__' (reading inside a value) is not allowed" \
        in out
    assert "Secret text" not in out and "environ" not in out.split("shoptalk-error")[0]


def test_serve_shows_the_glossary_errors_on_every_page_and_a_broken_record_page(
        tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root, pages={"index.md": "# Home\n\nThe {{ term(\"EB\") }}.\n"})
    (root / "glossary/terms/stakeholder.yml").write_text("name: Stakeholder\n\tdefinition: x\n",
                                                         encoding="utf-8")
    build_as_serve(config, tmp_path / "site")
    home = html(tmp_path / "site", "")
    assert "The glossary has 1 error: the site shows it without the records that failed" in home
    assert ("<strong>glossary/terms/stakeholder.yml:2:1</strong> a tab character here; YAML "
            "indents with spaces only (1 reference to 'stakeholder' is not checked until "
            "stakeholder.yml loads: glossary/terms/economic-buyer.yml:9)") in home
    # The page of the record that did not load says so, instead of a 404.
    broken = html(tmp_path / "site", "glossary/stakeholder/")
    assert "This term's file, glossary/terms/stakeholder.yml, failed to load" in broken


def test_build_still_fails_on_the_same_problems_with_their_messages(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n\n{{ term() }}\n"})
    with pytest.raises(Abort), capture_warnings() as logs:
        build_site(config, tmp_path / "site")
    assert "docs/index.md:3:4: error: term() missing 1 required positional argument: 'name'; " \
           "see the macro list in docs/authoring.md [page-macro]" in logs.messages
    assert not (tmp_path / "site" / "index.html").exists()


def test_generated_pages_outside_the_nav_are_not_reported_as_missing_from_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n", "stray.md": "# Stray\n"})
    caplog.set_level(logging.INFO, logger="mkdocs")
    build_site(config, tmp_path / "site")
    missing = [r.getMessage() for r in caplog.records if "not included in the" in r.getMessage()]
    assert missing == ["The following pages exist in the docs directory, but are not "
                       'included in the "nav" configuration:\n  - stray.md']
    assert (tmp_path / "site" / "glossary" / "economic-buyer" / "index.html").is_file()


# -- the real server, in a browser ------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return str(answer.read().decode("utf-8"))


@contextlib.contextmanager
def mkdocs_serve(root: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``mkdocs serve`` of ``root`` on a free local port; always stopped afterwards."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (root / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait(lambda: _get(url) is not None, proc, 240)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
        log.close()


def _wait(ready: Any, proc: subprocess.Popen[bytes], seconds: float) -> None:
    """Poll ``ready()`` until true, failing if the server exits or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        assert proc.poll() is None, "mkdocs serve exited"
        try:
            if ready():
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, "timed out waiting for mkdocs serve"
        time.sleep(0.5)


def _scratch_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("glossary", "docs"):
        shutil.copytree(REPO / name, root / name, symlinks=True)
    for name in ("mkdocs.yml", "shoptalk.yml"):
        shutil.copy2(REPO / name, root / name)
    return root


@pytest.mark.browser
def test_serve_survives_a_broken_yaml_file_macro_and_page(tmp_path: Path, browser: Any) -> None:
    root = _scratch_project(tmp_path)
    term_file = root / "glossary/terms/ideal-customer-profile.yml"
    page_file = root / "docs/playbooks/demo.md"
    good_term, good_page = term_file.read_text("utf-8"), page_file.read_text("utf-8")
    macro_line = next(n for n, line in enumerate(good_page.splitlines(), 1)
                      if 'term("tailored-demo"' in line)
    shots = Path(os.environ.get("SHOPTALK_SERVE_SHOTS", tmp_path))
    breaks = [
        ("yaml", term_file, good_term, good_term.replace("\n", "\n\tbroken: [", 1),
         "playbooks/demo/", "The glossary has"),
        ("macro", page_file, good_page,
         good_page.replace('term("tailored-demo", "tailored demo")', 'term("Tailord demo")'),
         "playbooks/demo/", f"docs/playbooks/demo.md:{macro_line}:"),
        ("page", page_file, good_page,
         good_page.replace("# Tailored demo", "# Tailored demo\n\n{{ config.site_name }}"),
         "playbooks/demo/", "is not allowed"),
    ]
    with mkdocs_serve(root) as (url, proc):
        page = browser.new_page()
        page.route(lambda u: not u.startswith(url), lambda route: route.abort())
        try:
            for name, path, good, bad, at, expected in breaks:
                path.write_text(bad, encoding="utf-8")
                _wait(lambda at=at, expected=expected: expected in _get(url + at), proc, 240)
                _open(page, url + at)
                panel = page.locator(".admonition.shoptalk-error").first
                assert panel.is_visible()
                assert expected in panel.inner_text()
                panel.screenshot(path=str(shots / f"serve-{name}.png"))
                path.write_text(good, encoding="utf-8")
                _wait(lambda at=at: "shoptalk-error" not in _get(url + at), proc, 240)
                _open(page, url + at)
                assert page.locator(".admonition.shoptalk-error").count() == 0
                assert page.locator("article h1").first.inner_text().rstrip("\u00b6") == \
                    "Tailored demo"
                assert proc.poll() is None
        finally:
            page.close()


def _open(page: Any, address: str, tries: int = 3) -> None:
    """Go to ``address``; a live reload landing mid-navigation aborts it, so try again."""
    for attempt in range(tries):
        try:
            page.goto(address)
            return
        except Exception as error:  # playwright's Error: ERR_ABORTED while a reload lands
            if "ERR_ABORTED" not in str(error) or attempt == tries - 1:
                raise
            time.sleep(1)


def test_a_rebuild_reuses_what_did_not_change_and_redoes_what_did(tmp_path: Path) -> None:
    make_project(tmp_path, pages={"index.md": "# Home\n\nThe EB signs.\n"})
    cache = SiteCache()
    settings, glossary, _ = load_site(tmp_path, cache=cache)
    docs, _ = read_docs(tmp_path / "docs", ["index.md"])
    first = build_site_core(settings, glossary, docs, cache=cache)
    # A page saved: the same glossary object, the same generated pages.
    (tmp_path / "docs/index.md").write_text("# Home\n\nThe EB signs today.\n", "utf-8")
    again_settings, again, _ = load_site(tmp_path, cache=cache)
    assert again is glossary
    docs, _ = read_docs(tmp_path / "docs", ["index.md"])
    second = build_site_core(again_settings, again, docs, cache=cache)
    assert second.generated["glossary/economic-buyer.md"] is \
        first.generated["glossary/economic-buyer.md"]
    # A term saved: loaded, validated and rendered again.
    term = tmp_path / "glossary/terms/economic-buyer.yml"
    term.write_text(term.read_text("utf-8").replace("without asking", "without asking ever"),
                    "utf-8")
    _, changed, _ = load_site(tmp_path, cache=cache)
    assert changed is not glossary
    third = build_site_core(settings, changed, docs, cache=cache)
    assert "without asking ever" in third.generated["glossary/economic-buyer.md"].markdown
