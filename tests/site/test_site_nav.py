"""Finding one's way, decided in core: the A–Z, breadcrumbs, nav order, edit files, the
repository placeholder, and who "Where it is used" is for."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from shoptalk import load_config, validate
from shoptalk.render.az import glossary_pages
from shoptalk.render.context import SiteData
from shoptalk.render.page import theme_meta
from shoptalk.site_build import DocPage, SiteBuild, build_site
from shoptalk.site_nav import is_placeholder_repo, order_problems

from .helpers import make_project


def _build(tmp_path: Path, pages: dict[str, str], **settings: object) -> SiteBuild:
    root = tmp_path / "project"
    make_project(root)
    config = dataclasses.replace(load_config(root), **settings)  # type: ignore[arg-type]
    glossary, _ = validate(config)
    docs = {uri: DocPage(uri, text, root / "docs" / uri) for uri, text in pages.items()}
    return build_site(config, glossary, docs)


def _front(markdown: str) -> dict[str, object]:
    match = re.match(r"---\n(.*?\n)---\n", markdown, re.S)
    assert match is not None
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def _entries(markdown: str) -> list[str]:
    """The A–Z lines as a reader sees them: markers and link targets dropped."""
    body = markdown[markdown.index("\n---\n") + 5:]  # after the front matter
    lines = [line[2:] for line in body.splitlines() if line.startswith("- ")]
    return [re.sub(r"\]\([^)]*\)", "]", re.sub(r"<span[^>]*></span>", "", line))
            for line in lines]


def test_the_a_to_z_files_a_term_under_its_abbreviation_and_its_name_leads_there(
        tmp_path: Path) -> None:
    build = _build(tmp_path, {})
    assert _entries(build.generated["glossary/index.md"].markdown) == [
        "**[EB]** (Economic Buyer) — The person who can approve the spend without asking "
        "anyone else.",
        "Economic Buyer → see [EB]",
        "**[Hot lead]** *deprecated* — An old label for a prospect showing strong buying "
        "signals.",
        "**[ICP]** (Ideal Customer Profile) — The firmographic and technographic description "
        "of the companies that buy fastest and stay longest.",
        "ideal client profile → see [ICP]",
        "Ideal Customer Profile → see [ICP]",
        "Partner-Qualified Lead → see [PQL]",
        "**[PQL]** (Partner-Qualified Lead) — A prospect that a reseller has vetted and "
        "registered with us.",
        "**[PQL]** (Product-Qualified Lead) — A trial user whose activity crossed the usage "
        "threshold that predicts a purchase.",
        "Product-Qualified Lead → see [PQL]",
        "**[Stakeholder]** — Anyone at the customer whose work or budget the purchase "
        "touches."]


def test_a_long_a_to_z_becomes_a_page_per_letter_and_a_crowded_letter_is_cut(
        tmp_path: Path) -> None:
    build = _build(tmp_path, {}, a_to_z_page_size=2)
    pages = {p.uri: p for p in glossary_pages(build.site)}
    assert sorted(pages) == ["glossary/index.md", "glossary/letter/e.md",
                             "glossary/letter/h.md", "glossary/letter/i-2.md",
                             "glossary/letter/i.md", "glossary/letter/p-2.md",
                             "glossary/letter/p.md", "glossary/letter/s.md"]
    assert _entries(pages["glossary/index.md"].markdown) == []
    # The bar links each letter once, to its first part: it does not grow with the glossary.
    assert "**E** [H](h.md) [I](i.md) [P](p.md) [S](s.md)" in pages["glossary/letter/e.md"].markdown
    assert "Part 1 of 2: [I 2/2](i-2.md) →" in pages["glossary/letter/i.md"].markdown
    assert "Part 2 of 2: ← [I 1/2](i.md)" in pages["glossary/letter/i-2.md"].markdown
    assert len(_entries(pages["glossary/letter/p-2.md"].markdown)) == 2
    assert all(p.uri in build.generated for p in pages.values())


def test_every_generated_page_says_where_it_sits(tmp_path: Path) -> None:
    build = _build(tmp_path, {})
    crumbs = {uri: _front(build.generated[uri].markdown).get("breadcrumbs") for uri in [
        "glossary/ideal-customer-profile.md", "glossary/category/buyers.md", "cheat-sheet.md",
        "pipeline/qualify.md", "roles/ae.md", "methodology/meddpicc.md", "glossary/index.md"]}
    assert crumbs == {
        "glossary/ideal-customer-profile.md": [
            {"title": "Glossary", "uri": "glossary/index.md"},
            {"title": "Qualification", "uri": "glossary/category/qualification.md"}],
        "glossary/category/buyers.md": [{"title": "Glossary", "uri": "glossary/index.md"}],
        "cheat-sheet.md": [{"title": "Glossary", "uri": "glossary/index.md"}],
        "pipeline/qualify.md": [{"title": "Pipeline", "uri": "pipeline/index.md"}],
        "roles/ae.md": [{"title": "Roles", "uri": "roles/index.md"}],
        "methodology/meddpicc.md": [{"title": "Methodology", "uri": "methodology/index.md"}],
        "glossary/index.md": None}
    stage = _front(build.generated["pipeline/qualify.md"].markdown)
    # Its own name first, then what each CRM calls it: search finds the stage by either.
    assert stage["search"] == {"boost": 5} and stage["tags"][0] == "Qualify"
    crm = build.site.glossary.stages["qualify"].crm
    assert stage["tags"][1:] == [str(name) for name in crm.values()] != []


def test_a_hand_written_page_cannot_put_a_script_in_its_breadcrumbs() -> None:
    meta = {"breadcrumbs": [{"title": "<img src=x onerror=alert(1)>", "uri": "a/index.md"},
                            {"title": "x", "uri": "javascript:alert(1)//.md"},
                            {"title": "y", "uri": "../../outside.md"}, "text"]}
    assert theme_meta(meta)["breadcrumbs"] == [
        {"title": "‹img src=x onerror=alert(1)›", "uri": "a/index.md"}]
    assert theme_meta({"breadcrumbs": "glossary/index.md"})["breadcrumbs"] == []


def test_the_glossary_section_lists_the_cheat_sheet_and_categories_and_folders_their_order(
        tmp_path: Path) -> None:
    build = _build(tmp_path, {"plays/index.md": "# Plays\n",
                              "plays/a.md": "---\norder: 2\n---\n# A\n",
                              "plays/b.md": "---\norder: 1\n---\n# B\n",
                              "plays/c.md": "# C, no order: last\n"})
    assert build.expand_nav([{"Glossary": "glossary/index.md"}, {"Plays": "plays/"}]) == [
        {"Glossary": ["glossary/index.md", "cheat-sheet.md", "glossary/category/qualification.md",
                      "glossary/category/buyers.md", "glossary/category/lead-flow.md"]},
        {"Plays": ["plays/index.md", "plays/b.md", "plays/a.md", "plays/c.md"]}]


def test_an_order_that_is_not_a_place_is_a_finding() -> None:
    pages = {"plays/a.md": ("docs/plays/a.md", "---\ntitle: A\norder: first\n---\n",
                            {"order": "first"}),
             "plays/b.md": ("docs/plays/b.md", "---\norder: 2\n---\n", {"order": 2}),
             "plays/c.md": ("docs/plays/c.md", "---\norder: 2\n---\n", {"order": 2}),
             "other/d.md": ("docs/other/d.md", "---\norder: 2\n---\n", {"order": 2})}
    assert [p.format() for p in order_problems(pages)] == [
        "docs/plays/a.md:3:8: warning: order: 'first' is not a whole number; it places the "
        "page in its folder's nav (1 first) [page-order]",
        "docs/plays/c.md:2:8: warning: order: 2 is also the order of plays/b.md; give each "
        "page of a folder its own place [page-order]"]


def test_every_edit_button_opens_a_file(tmp_path: Path) -> None:
    build = _build(tmp_path, {})
    docs = tmp_path / "project" / "docs"
    repo, edit = "https://git.example/org/repo", "edit/main/docs/"
    assert build.edit_url("glossary/index.md", repo, edit, docs) == \
        f"{repo}/edit/main/shoptalk.yml"
    (tmp_path / "project" / "glossary" / "README.md").write_text("# The glossary\n")
    for uri in ["glossary/index.md", "pipeline/index.md", "roles/handoff-map.md",
                "cheat-sheet.md", "methodology/index.md"]:
        assert build.edit_url(uri, repo, edit, docs) == f"{repo}/edit/main/glossary/README.md"
    assert build.edit_url("glossary/category/buyers.md", repo, edit, docs) == \
        f"{repo}/edit/main/glossary/categories.yml"


@pytest.mark.parametrize(("url", "placeholder"), [
    ("https://github.com/example/shoptalk", True),
    ("https://git.example.com/sales/shoptalk", True),
    ("https://example.org/x", True),
    ("", True),
    (None, True),
    ("https://github.com/quaylight/shoptalk", False),
    ("https://gitlab.com/examples-inc/shoptalk", False),
])
def test_a_placeholder_repository_is_told_from_a_real_one(url: str | None,
                                                          placeholder: bool) -> None:
    assert is_placeholder_repo(url) is placeholder


def test_where_a_term_is_used_names_reader_pages_only_without_lines(tmp_path: Path) -> None:
    build = _build(tmp_path, {
        "playbooks/call.md": "---\ntitle: Discovery call\n---\n# Call\n\n\nFind the ICP.\n",
        "reference/rules.md": "# Rules\n\nThe ICP example.\n",
        "editing.md": "---\naudience: editors\n---\n# Editing\n\nThe ICP field.\n"})
    page = build.generated["glossary/ideal-customer-profile.md"].markdown
    used = page[page.index("## Where it is used"):].split("\n\n")[1]
    assert used == '- [Discovery call](../playbooks/call.md)'


def test_the_site_data_is_what_renders_the_a_to_z(tmp_path: Path) -> None:
    site = _build(tmp_path, {}).site
    assert isinstance(site, SiteData)
    assert [p.uri for p in glossary_pages(site)] == ["glossary/index.md"]


def test_a_crowded_category_is_cut_into_parts_that_say_where_they_sit(tmp_path: Path) -> None:
    build = _build(tmp_path, {}, a_to_z_page_size=1)
    first = build.generated["glossary/category/buyers.md"].markdown
    second = build.generated["glossary/category/buyers/2.md"].markdown
    assert "Pages: **1** · [2](buyers/2.md)" in first and "[Economic Buyer]" in first
    assert "Pages: [1](../buyers.md) · **2**" in second and "[Stakeholder]" in second
    assert _front(second)["title"] == "Buyers and stakeholders (2/2)"
    assert _front(second)["breadcrumbs"] == [
        {"title": "Glossary", "uri": "glossary/index.md"},
        {"title": "Buyers and stakeholders", "uri": "glossary/category/buyers.md"}]
    assert "glossary/category/buyers/2.md" in build.unlisted(
        build.expand_nav([{"Glossary": "glossary/index.md"}]))


def test_no_generated_page_says_a_front_matter_key_twice(tmp_path: Path) -> None:
    # A key said twice is decided by its last line: a stage page once lost its CRM names
    # from search when the breadcrumb step added a second `tags:`.
    from shoptalk.yaml_reader import read_yaml

    build = _build(tmp_path, {})
    assert any(uri.startswith("pipeline/") for uri in build.generated)
    for uri, page in build.generated.items():
        match = re.match(r"---\n(.*?\n)---\n", page.markdown, re.S)
        if match is None:
            continue
        doc = read_yaml(tmp_path / "front.yml", uri, match.group(1).encode())
        assert [p for p in doc.problems if p.rule == "duplicate-key"] == [], uri
