"""Under ``mkdocs serve`` a save re-renders only the pages whose inputs changed, and the
site it serves is the one a build from scratch makes.

Each step edits the project, builds it as ``serve`` does (one process, the plugin and its
memo kept between builds), then builds it again from scratch: every page must be identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from shoptalk.site_cache import PageMemo

from .helpers import html, make_project

SERVED = "http://127.0.0.1:8000/"
DEAL = """\
# Deal review

The EB signs the order form.

A {{ term("stakeholder") }} weighs in.
"""
NOTES = "# Notes\n\nNothing about buyers here.\n"
SEARCH_INDEX = "search/search_index.json"


def _build(config_file: Path, site_dir: Path, memo: PageMemo | None) -> set[str]:
    """Build as ``mkdocs serve`` does with ``memo`` (None: page reuse off, every page made
    as written); return the pages themed again."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    plugin = config.plugins["shoptalk"]
    config.plugins.on_startup(command="serve", dirty=False)
    plugin.memo = memo  # type: ignore[attr-defined]
    try:
        build(config, serve_url=SERVED)
    finally:  # MkDocs keeps one plugin instance per process: the next test builds
        config.plugins.on_startup(command="build", dirty=False)
    return {uri for stage, uri in memo.made_again if stage == "page"} if memo else set()


def _pages(site_dir: Path) -> dict[str, str]:
    """Every page of the site, and the search index (entries in page order), by path."""
    return {p.relative_to(site_dir).as_posix(): p.read_text("utf-8")
            for p in [*sorted(site_dir.rglob("*.html")), site_dir / SEARCH_INDEX]}


def _searched(site_dir: Path) -> dict[str, str]:
    """The search index's text of each location."""
    docs = json.loads((site_dir / SEARCH_INDEX).read_text("utf-8"))["docs"]
    return {doc["location"]: doc["text"] for doc in docs}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", pages={
        "index.md": "# Home\n\nWelcome.\n", "playbooks/deal.md": DEAL,
        "playbooks/notes.md": NOTES})


def test_each_save_rebuilds_only_what_depends_on_it_and_matches_a_fresh_build(
        project: Path, tmp_path: Path) -> None:
    root, served, memo = project.parent, tmp_path / "served", PageMemo()

    def save(rel: str, text: str | None) -> set[str]:
        path = root / rel
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
        again = _build(project, served, memo)
        fresh = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}"
        _build(project, fresh, None)  # as written: no placeholder, nothing reused
        assert _pages(served) == _pages(fresh)
        return again

    first = _build(project, served, memo)
    assert {"index.md", "playbooks/deal.md", "playbooks/notes.md",
            "glossary/economic-buyer.md", "glossary/index.md"} <= first
    assert ("template", "404.html") in memo.made_again
    assert _build(project, served, memo) == set()  # nothing saved: nothing themed again
    assert memo.made_again == set()  # nor converted, nor the 404 page

    # A term's definition: its page and the A–Z; the playbook that hovers it (an
    # abbreviation, a first mention's link) and the related term's page that links to it
    # only get the new hover text put in.
    term = root / "glossary/terms/economic-buyer.yml"
    new = "The one person who signs off the spend alone."
    again = save("glossary/terms/economic-buyer.yml", term.read_text("utf-8").replace(
        "The person who can approve the spend without asking anyone else.", new))
    assert {"glossary/economic-buyer.md", "glossary/index.md"} <= again
    assert not {"playbooks/deal.md", "playbooks/notes.md", "index.md",
                "glossary/ideal-customer-profile.md"} & again
    assert ("html", "playbooks/deal.md") not in memo.made_again
    assert ("html", "glossary/ideal-customer-profile.md") not in memo.made_again
    assert f'href="../economic-buyer/" title="{new}"' in \
        html(served, "glossary/ideal-customer-profile/")
    for page in ("glossary/economic-buyer/", "glossary/", "playbooks/deal/"):
        assert new in html(served, page), page
    assert f'<abbr title="Economic Buyer: {new}">EB</abbr>' in html(served, "playbooks/deal/")
    assert new in _searched(served)["glossary/economic-buyer/"]

    # Only a playbook: only it.
    assert save("docs/playbooks/notes.md", NOTES + "\nA second line.\n") == \
        {"playbooks/notes.md"}
    assert "A second line." in html(served, "playbooks/notes/")
    assert "A second line." in _searched(served)["playbooks/notes/"]

    # A new page: in the nav of every page and in the search index.
    again = save("docs/playbooks/pricing.md", "# Pricing\n\nDiscounts need a reason.\n")
    assert {"playbooks/pricing.md", "playbooks/notes.md", "index.md"} <= again
    assert _searched(served)["playbooks/pricing/"] == "<p>Discounts need a reason.</p>"

    # A playbook's title: the nav of every page shows it, though no other page changed.
    again = save("docs/playbooks/deal.md", DEAL.replace("# Deal review", "# Deal desk"))
    assert {"playbooks/deal.md", "playbooks/notes.md", "index.md"} <= again
    assert "Deal desk" in html(served, "playbooks/notes/")

    # A new term: its page and the A–Z entry.
    save("glossary/terms/mutual-plan.yml", (
        "name: Mutual Plan\ndefinition: The dated steps buyer and seller agree to close.\n"
        "category: buyers\nowner: ae\n"))
    assert "The dated steps buyer and seller agree to close." in \
        html(served, "glossary/mutual-plan/")
    assert 'href="mutual-plan/"' in html(served, "glossary/")

    # A new role: in the nav of every page, the reused ones included.
    again = save("glossary/roles/sdr.yml", (
        "name: Sales Development Rep\nabbreviation: SDR\nteam: primary\n"
        "description: Books the first meetings.\n"))
    assert "playbooks/notes.md" in again
    assert "Sales Development Rep" in html(served, "playbooks/notes/")

    # A term deleted: its page is gone, a page that names it shows the problem.
    assert any(loc.startswith("glossary/stakeholder/") for loc in _searched(served))
    save("glossary/terms/stakeholder.yml", None)
    assert not (served / "glossary/stakeholder/index.html").exists()
    assert not any(loc.startswith("glossary/stakeholder/") for loc in _searched(served))
    deal = html(served, "playbooks/deal/")
    assert "shoptalk-error" in deal
    assert "term(&quot;stakeholder&quot;) matches no term" in deal.replace('"', "&quot;")


def test_a_stage_purpose_or_a_role_description_converts_only_the_pages_that_print_it(
        project: Path, tmp_path: Path) -> None:
    root, served, memo = project.parent, tmp_path / "served", PageMemo()
    _build(project, served, memo)
    for i, (rel, old, new, printed_on) in enumerate([
            ("glossary/stages/qualify.yml", "Decide whether the deal is worth the team's time.",
             "Decide <i>fast</i> & \"well\" whether to go on.", "pipeline/qualify.md"),
            ("glossary/roles/ae.yml", "Owns the deal from qualification to signature.",
             "Owns the deal & its <b>signature</b>.", "roles/ae.md")]):
        path = root / rel
        path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")
        _build(project, served, memo)
        fresh = tmp_path / f"fresh-{i}"
        _build(project, fresh, None)
        assert _pages(served) == _pages(fresh)
        converted = {uri for stage, uri in memo.made_again if stage == "html"}
        assert printed_on in converted
        # The term's page links to its stage and its owner, and prints neither's text.
        assert "glossary/economic-buyer.md" not in converted
        assert memo.hovers.token not in html(served, "glossary/economic-buyer/")
    assert ('title="Decide ‹i›fast‹/i› &amp; &quot;well&quot; whether to go on."'
            in html(served, "glossary/economic-buyer/"))
    assert ('title="Account Executive: Owns the deal &amp; its ‹b›signature‹/b›."'
            in html(served, "glossary/economic-buyer/"))


# Hover text that must reach the page exactly as a build with the text itself makes it.
NASTY_DEFINITIONS = (
    'Says "yes" <b>alone</b> & signs P&amp;L, it\'s {{ term("x") }}\nand href=javascript:x',
    "Another <script>alert(1)</script> 'quote' & \"twice\" {% raw %}\n{{ x }} *[EB]: no",
    # A "|" in a link's title would split the table cell it sits in: it is written as a
    # character reference, and hovers by placeholder like any other text.
    "Signs | decides <a href=javascript:x>alone</a>",
)
HEADED = """\
# The EB decides

The EB signs the order form, then the EB again.

| Who | Why |
| --- | --- |
| EB  | signs |
"""


def test_hover_text_put_back_after_conversion_is_what_a_build_with_the_text_makes(
        tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", pages={
        "index.md": "# Home\n\nWelcome.\n", "playbooks/deal.md": HEADED})
    root, served, memo = project.parent, tmp_path / "served", PageMemo()
    term = root / "glossary/terms/economic-buyer.yml"
    written = term.read_text("utf-8")
    _build(project, served, memo)
    for i, definition in enumerate(NASTY_DEFINITIONS):
        term.write_text(written.replace(
            "definition: The person who can approve the spend without asking anyone else.",
            f"definition: {json.dumps(definition)}"), encoding="utf-8")
        again = _build(project, served, memo)
        fresh = tmp_path / f"fresh-{i}"
        _build(project, fresh, None)
        assert _pages(served) == _pages(fresh)
        deal = html(served, "playbooks/deal/")
        related = html(served, "glossary/ideal-customer-profile/")
        assert memo.hovers.token not in deal + related and deal.count("<abbr title=") == 4
        assert "playbooks/deal.md" not in again  # neither page itself was made again
        assert not {("html", "playbooks/deal.md"),
                    ("html", "glossary/ideal-customer-profile.md")} & memo.made_again
        if i == 1:
            assert '<abbr title="Economic Buyer: Another' in deal
            assert 'href="../economic-buyer/" title="Another ‹script›' in related
    assert 'href="../economic-buyer/" title="Signs | decides' in related


def test_a_macro_link_inside_raw_html_is_what_a_build_makes(tmp_path: Path) -> None:
    # Raw HTML keeps a macro's link as text, title and all, and the search index reads it.
    project = make_project(tmp_path / "project", pages={
        "index.md": "# Home\n\nWelcome.\n", "playbooks/deal.md": (
            '# Deal\n\n<div class="x">Ask the {{ term("economic-buyer") }} '
            '<span title=\'{{ term("stakeholder") }}\'>s</span></div>\n')})
    served, memo = tmp_path / "served", PageMemo()
    _build(project, served, memo)
    term = project.parent / "glossary/terms/economic-buyer.yml"
    term.write_text(term.read_text("utf-8").replace("The person", "The one person"),
                    encoding="utf-8")
    _build(project, served, memo)
    fresh = tmp_path / "fresh"
    _build(project, fresh, None)
    assert _pages(served) == _pages(fresh)
    assert '"The one person who can approve' in html(served, "playbooks/deal/")


def test_a_page_cannot_forge_the_placeholder_of_a_hover(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", pages={
        "index.md": "# Home\n\nWelcome.\n",
        "playbooks/deal.md": '# Deal\n\nThe EB. <abbr title="shoptalkh0">x</abbr>\n'})
    served, memo = tmp_path / "served", PageMemo()
    _build(project, served, memo)
    forged, link = (memo.hovers.placeholder(kind, name).replace(
        memo.hovers.token, "shoptalk" + "0" * 32) for kind, name in [("h", "EB"),
                                                                   ("l", "economic-buyer")])
    deal = project.parent / "docs/playbooks/deal.md"
    deal.write_text(deal.read_text("utf-8") + f'\n<abbr title="{forged}">EB</abbr>\n'
                    f'<a href="../../" title="{link}">EB</a>\n', encoding="utf-8")
    # A definition holding a placeholder's shape reaches a related term's link title.
    term = project.parent / "glossary/terms/economic-buyer.yml"
    term.write_text(term.read_text("utf-8").replace(
        "definition: The person", f"definition: {link} The person"), encoding="utf-8")
    _build(project, served, memo)
    fresh = tmp_path / "fresh"
    _build(project, fresh, None)
    assert _pages(served) == _pages(fresh)
    assert f'title="{forged}"' in html(served, "playbooks/deal/")
    assert f'title="{link}"' in html(served, "playbooks/deal/")
    assert f'title="{link} The person' in html(served, "glossary/ideal-customer-profile/")


def test_a_plain_build_never_reuses(project: Path, tmp_path: Path) -> None:
    config = load_config(config_file=str(project), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert config.plugins["shoptalk"].memo is None  # type: ignore[attr-defined]
