"""Under ``mkdocs serve`` each page's verdict and compiled text are kept between builds: a
refused page stays refused, and every page is still rendered with its own macros, its own
front matter and this build's glossary."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from shoptalk.macros import on_pre_page_macros

from .helpers import build_as_serve, html, make_project

REFUSED = "# Pricing\n\nAsk {{ config.extra }} before the call.\n\nSecret text.\n"
FIXED = '# Pricing\n\nAsk the {{ term("ICP") }} before the call.\n\nSecret text.\n'
PROBLEM = ("pricing.md:3:5: error: '.extra' (reading inside a value) is not allowed; pages "
           "may only call Shoptalk's macros")


class _Page(SimpleNamespace):
    pass


def _pre_render(markdown: str, *, live: bool) -> tuple[Any, list[str]]:
    """One build's mkdocs-macros environment for ``pricing.md`` after the hook ran on it
    (a new Jinja environment, as each build makes), and the problems reported."""
    reported: list[str] = []
    site_build = SimpleNamespace(live=live, docs={}, report=lambda uri, problem: (
        reported.append(problem.format()), True)[1])
    page = _Page(meta={}, title="Pricing", file=SimpleNamespace(
        src_path="pricing.md", src_uri="pricing.md", abs_src_path=None))
    env = SimpleNamespace(
        env=jinja2.Environment(), page=page, markdown=markdown,
        conf={"plugins": {"shoptalk": SimpleNamespace(command="serve", build=site_build)}},
        config={"render_by_default": True}, force_page_rendering=lambda path: False,
        variables={"page": page})
    on_pre_page_macros(env)
    return env, reported


def test_a_refused_page_is_refused_on_every_build_until_it_is_fixed() -> None:
    for markdown, refused in [(REFUSED, True), (REFUSED, True), (FIXED, False),
                              (REFUSED, True)]:
        env, reported = _pre_render(markdown, live=True)
        if refused:
            assert [p.split(";")[0] for p in reported] == [PROBLEM.split(";")[0]]
            assert env.variables["page"].meta["render_macros"] is False
            assert env.markdown == ""
        else:
            assert reported == []
            assert env.variables["page"].meta == {}
            assert env.markdown == FIXED
    for _ in range(2):  # mkdocs build: the build stops, every time
        with pytest.raises(PluginError, match=r"1 disallowed template tag in pricing\.md"):
            _pre_render(REFUSED, live=False)


def test_serve_keeps_refusing_a_page_until_it_is_fixed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root, pages={"index.md": "# Home\n", "pricing.md": REFUSED})
    for text, refused in [(REFUSED, True), (REFUSED, True), (FIXED, False)]:
        (root / "docs/pricing.md").write_text(text, encoding="utf-8")
        build_as_serve(config, tmp_path / "site")
        out = html(tmp_path / "site", "pricing/")
        if refused:
            assert f"docs/{PROBLEM.split(': error: ')[0]}</strong> '.extra'" in out
            assert "Secret text" not in out
        else:
            assert "shoptalk-error" not in out
            assert re.search(r'<a href="\.\./glossary/ideal-customer-profile/"[^>]*>'
                             r"Ideal Customer Profile</a>", out)
            assert "Secret text" in out


SAME_BODY = '# Who decides\n\n{{ stage("Qualify") }}, {{ role("AE") }} and {{ term("ICP") }}.\n'


def test_pages_of_one_body_render_each_with_their_own_page_and_the_new_glossary(
        tmp_path: Path) -> None:
    """Two pages share one compiled body; each call still links from its own page, front
    matter named like a macro hides it on neither, and a rebuild shows the saved term."""
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root, pages={
        "index.md": "# Home\n",
        "qualify.md": "---\nstage: qualify\n---\n" + SAME_BODY,
        "team/deep/handoff.md": "---\nrole: ae\ntitle: Handoff\n---\n" + SAME_BODY})
    term = root / "glossary/terms/ideal-customer-profile.yml"
    for name in ("Ideal Customer Profile", "Ideal Buyer Profile"):
        term.write_text(re.sub(r"(?m)^name: .*$", f"name: {name}", term.read_text("utf-8")),
                        encoding="utf-8")
        assert build_as_serve(config, tmp_path / "site") == []
        for page, up in [("qualify/", "../"), ("team/deep/handoff/", "../../../")]:
            out = html(tmp_path / "site", page)
            assert "shoptalk-error" not in out
            for href, text in [("pipeline/qualify/", "Qualify"), ("roles/ae/", "AE"),
                               ("glossary/ideal-customer-profile/", name)]:
                shown = rf'<a href="{re.escape(up + href)}"[^>]*>(<abbr[^>]*>)?{text}(</abbr>)?</a>'
                assert re.search(shown, out), (page, href, text)
