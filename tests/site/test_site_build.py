"""The site built in core: pages, nav, per-page passes; and the adapter reads each page once."""

from __future__ import annotations

import builtins
import io
import posixpath
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from shoptalk import load_config, validate
from shoptalk.render.env import rel
from shoptalk.render.mentions import blank_code
from shoptalk.render.page_macros import MacroError, render_macros
from shoptalk.site_build import DocPage, SiteBuild, build_site
from shoptalk.site_folder import site_pages

from .helpers import build_site as mkdocs_build
from .helpers import make_project


def _build(tmp_path: Path, pages: dict[str, str], *, check: bool = True) -> SiteBuild:
    root = tmp_path / "project"
    make_project(root)
    settings = load_config(root)
    glossary, _ = validate(settings)
    docs = {uri: DocPage(uri, text, root / "docs" / uri) for uri, text in pages.items()}
    return build_site(settings, glossary, docs, check=check)


def test_the_folder_never_renders_a_page_the_template_policy_refuses(tmp_path: Path) -> None:
    build = _build(tmp_path, {"a.md": "# A\n\n{{ lipsum() }} and {{ role('ae') }}\n",
                              "b.md": "# B\n\n{{ role('ae') }}\n"}, check=False)
    pages, problems = site_pages(build, {})
    assert sorted(pages) == sorted(["b.md", *build.generated])
    assert [(p.path, p.line, p.col, p.rule) for p in problems] == [
        ("docs/a.md", 3, 1, "template-code")]


def test_a_page_at_a_generated_path_is_a_finding_and_the_generated_page_is_left_out(
        tmp_path: Path) -> None:
    build = _build(tmp_path, {"glossary/stakeholder.md": "# Mine\n"})
    assert [p.format() for p in build.findings] == [
        "docs/glossary/stakeholder.md:1:1: warning: a hand-written page has the path of a "
        "generated page; generated pages are built from the glossary, remove the file "
        "[generated-path]"]
    assert "glossary/stakeholder.md" not in build.generated
    assert "glossary/economic-buyer.md" in build.generated


def test_playbooks_and_mentions_feed_the_stage_and_term_pages(tmp_path: Path) -> None:
    build = _build(tmp_path, {"playbooks/call.md": "---\ntitle: Discovery call\nstage: qualify\n"
                                                   "---\n# Call\n\nFind the economic buyer.\n"})
    stage = build.generated["pipeline/qualify.md"].markdown
    assert "[Discovery call](../playbooks/call.md)" in stage
    assert "[Discovery call](../playbooks/call.md" in \
        build.generated["glossary/economic-buyer.md"].markdown


def test_nav_sections_and_folders_are_expanded_from_the_pages_given(tmp_path: Path) -> None:
    build = _build(tmp_path, {"index.md": "# Home\n", "playbooks/b.md": "# B\n",
                              "playbooks/index.md": "# Playbooks\n", "playbooks/a.md": "# A\n"})
    assert build.expand_nav([{"Home": "index.md"}, {"Roles": "roles/index.md"},
                             {"Plays": "playbooks/"}, "guides/"]) == [
        {"Home": "index.md"},
        {"Roles": ["roles/index.md", "roles/handoff-map.md", "roles/ae.md", "roles/csm.md",
                   "roles/revops.md"]},
        {"Plays": ["playbooks/index.md", "playbooks/a.md", "playbooks/b.md"]}]


def test_finishing_a_page_links_the_first_mention_and_defines_its_abbreviations(
        tmp_path: Path) -> None:
    build = _build(tmp_path, {})
    assert build.finish_markdown("playbooks/x.md", "The ICP, again the ICP.\n", {}) == (
        'The [ICP](../glossary/ideal-customer-profile.md "The firmographic and technographic '
        'description of the companies that buy fastest and stay longest."), again the ICP.\n'
        "\n\n*[ICP]: Ideal Customer Profile: The firmographic and technographic description "
        "of the companies that buy fastest and stay longest.\n")
    assert build.finish_markdown("playbooks/x.md", "No ICP link.\n", {"link_terms": False}) \
        .startswith("No ICP link.\n\n\n*[ICP]: ")


def test_edit_url_of_a_generated_page_opens_its_yaml(tmp_path: Path) -> None:
    build = _build(tmp_path, {})
    docs = tmp_path / "project" / "docs"
    assert build.edit_url("pipeline/qualify.md", "https://git.example/org/repo",
                          "edit/main/docs/", docs) == \
        "https://git.example/org/repo/edit/main/glossary/stages/qualify.yml"
    assert build.edit_url("index.md", "https://git.example/org/repo", "edit/main/docs/",
                          docs) is None


def test_macros_render_in_core_and_leave_code_alone(tmp_path: Path) -> None:
    site = _build(tmp_path, {}).site
    assert render_macros('Ask the {{ role("ae") }}; `{{ role("x") }}`\n', site,
                         "playbooks/x.md", "docs/playbooks/x.md") == (
        'Ask the [AE](../roles/ae.md "Account Executive: Owns the deal from qualification '
        'to signature."); `{{ role("x") }}`\n')
    with pytest.raises(MacroError, match=r"^docs/x.md:2:11: stage\(\"quallify\"\) matches no "
                                         r"stage; did you mean 'qualify'\?$"):
        render_macros('# X\n{{ stage("quallify") }}\n', site, "x.md", "docs/x.md")
    with pytest.raises(MacroError, match=r"^docs/x.md:3:1: 'config' is undefined$"):
        render_macros("# X\n\n{{ config.site_name }}\n", site, "x.md", "docs/x.md")
    with pytest.raises(MacroError, match=r"^docs/x.md:2:1: unexpected '}', expected '\)'$"):
        render_macros("# X\n{{ term( }}\n", site, "x.md", "docs/x.md")


URIS = ["index.md", "x.md", "glossary/index.md", "glossary/a.md", "glossary/category/b.md",
        "a/b/c/d.md", "glossary", "glossary/", "../x.md", "/abs/x.md", "./y.md", "a//b.md"]


@pytest.mark.parametrize("start", URIS)
def test_relative_links_are_what_relpath_says(start: str) -> None:
    for target in URIS:
        assert rel(start, target) == posixpath.relpath(target, posixpath.dirname(start) or "."), \
            (start, target)


def test_the_plugin_build_reads_each_page_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_project(tmp_path, pages={"index.md": "# Home\n\nThe ICP.\n",
                                           "playbooks/a.md": "# A\n\n{{ role('ae') }}\n"})
    docs = str(tmp_path / "docs")
    reads: Counter[str] = Counter()
    real_open = io.open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).startswith(docs):
            reads[Path(file).relative_to(docs).as_posix()] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    assert mkdocs_build(config, tmp_path / "site", strict=True) == []
    assert reads == {"index.md": 1, "playbooks/a.md": 1}


def test_abbreviations_are_found_as_one_alternation_would_find_them() -> None:
    """The set lookup of word runs answers what ``(?<![\\w-])(A|B|...)(?![\\w-])`` answers."""
    table = {a: a.lower() for a in ("ICP", "P&L", "P", "L", "C.O.D.", "SE", "SE-2", "Ü1")}
    build = SiteBuild(None, {}, {}, [], table)  # type: ignore[arg-type]
    alternation = re.compile(r"(?<![\w-])(" + "|".join(
        map(re.escape, sorted(table, key=len, reverse=True))) + r")(?![\w-])")
    pieces = [*table, "x", "-", " ", ".", "&", "\n", "`", "ICPs", "aSE", "Ü"]
    rng = random.Random(0)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = sorted(set(alternation.findall(blank_code(text))))
        block = build.abbreviation_block(text)
        assert re.findall(r"^\*\[(.+?)\]: ", block, re.M) == expected, text


def test_a_shared_abbreviation_is_linked_as_the_page_as_written_chooses(tmp_path: Path) -> None:
    page = "---\nshoptalk-context: [product-qualified-lead]\n---\n# X\n\nThe PQL, a PQL.\n"
    build = _build(tmp_path, {"playbooks/x.md": page})
    body = page.split("---\n", 2)[2]
    finished = build.finish_markdown("playbooks/x.md", body, {})
    assert finished.startswith("# X\n\nThe [PQL](../glossary/product-qualified-lead.md ")
    assert finished.count("](../glossary/") == 1
    # Without the page's choice the abbreviation stays ambiguous: no link.
    assert "](../glossary/" not in build.finish_markdown("playbooks/y.md", body, {})
