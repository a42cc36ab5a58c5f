"""The site built from a small glossary: generated pages, macros, hover text, edit links."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from shoptalk.cli import main

from .helpers import FIXTURES, REPO, VALID_GLOSSARY, build_site, html, make_project


def test_every_generated_page_is_built(fixture_site: Path) -> None:
    for path in ["glossary/", "glossary/ideal-customer-profile/", "glossary/category/buyers/",
                 "pipeline/", "pipeline/qualify/", "roles/", "roles/ae/", "roles/handoff-map/",
                 "methodology/", "methodology/meddpicc/", "cheat-sheet/"]:
        assert "</html>" in html(fixture_site, path), path


def test_term_page_shows_everything_the_glossary_says(fixture_site: Path) -> None:
    page = html(fixture_site, "glossary/ideal-customer-profile/")
    assert "<h1" in page and "Ideal Customer Profile (ICP)" in page
    assert "ideal client profile" in page  # alias, near the title for search
    assert "<del>perfect customer</del>" in page
    assert "Sounds like a wish" in page  # the reason to avoid a wording
    assert "firmographic and technographic" in page
    assert "Reviewed every quarter by" in page  # details
    assert "Only accounts that match the" in page  # example
    assert 'href="../economic-buyer/"' in page  # related
    assert 'href="../../pipeline/qualify/"' in page  # stage where it matters
    assert 'href="../../roles/revops/"' in page  # owner
    assert re.search(r"reviewed (today|\d+ days? ago)", page)
    assert 'href="https://example.com/icp"' in page


def test_related_terms_are_shown_both_ways(fixture_site: Path) -> None:
    # ideal-customer-profile lists economic-buyer; the inverse is computed.
    page = html(fixture_site, "glossary/economic-buyer/")
    assert 'href="../ideal-customer-profile/"' in page
    assert "Broader:" in page and 'href="../stakeholder/"' in page
    assert "Narrower:" in html(fixture_site, "glossary/stakeholder/")


def test_deprecated_term_points_to_its_successor(fixture_site: Path) -> None:
    page = html(fixture_site, "glossary/hot-lead/")
    assert "Deprecated" in page and 'href="../product-qualified-lead/"' in page


def test_where_used_lists_the_pages_that_mention_a_term(fixture_site: Path) -> None:
    page = html(fixture_site, "glossary/economic-buyer/")
    where = page.split('id="where-it-is-used"')[1]
    assert 'href="../../playbooks/qualify-call/"' in where.split("</ul>")[0]


def test_edit_button_of_a_generated_page_opens_its_yaml(fixture_site: Path) -> None:
    page = html(fixture_site, "glossary/ideal-customer-profile/")
    assert ('href="https://github.com/example/shoptalk/edit/main/glossary/terms/'
            'ideal-customer-profile.yml"') in page
    stage = html(fixture_site, "pipeline/qualify/")
    assert "edit/main/glossary/stages/qualify.yml" in stage
    assert "edit/main/docs/index.md" in html(fixture_site, "")


def test_stage_page_has_checklists_handoffs_misses_and_playbooks(fixture_site: Path) -> None:
    page = html(fixture_site, "pipeline/qualify/")
    assert page.count('class="task-list-control"') == 4  # 1 entry + 3 exit criteria
    assert "The Economic Buyer&rsquo;s name" in page or "The Economic Buyer's name" in page
    assert "The proposal stalls with someone who cannot sign." in page
    assert 'href="../../methodology/meddpicc/#economic-buyer"' in page
    assert 'href="../../playbooks/qualify-call/"' in page  # front matter `stage: qualify`


def test_pipeline_has_an_svg_diagram_and_a_table(fixture_site: Path) -> None:
    page = html(fixture_site, "pipeline/")
    assert 'class="mermaid"' not in page and "flowchart" not in page
    assert page.count('<svg class="st-diagram__svg st-diagram__svg--') == 2  # wide and tall
    assert 'xlink:href="qualify/"' in page and 'xlink:href="closed-won/"' in page
    assert "Probability" in page and "10%" in page and "14 days" in page


def test_role_page_and_handoff_map_say_who_needs_what(fixture_site: Path) -> None:
    csm = html(fixture_site, "roles/csm/")
    assert "Early notes on the buyer" in csm and 'id="what-i-need"' in csm
    ae = html(fixture_site, "roles/ae/")
    assert 'id="what-i-owe"' in ae and "Early notes" in ae
    matrix = html(fixture_site, "roles/handoff-map/")
    assert "st-matrix" in matrix and "owns" in matrix and "Early notes" in matrix


def test_framework_page_lists_elements_questions_evidence(fixture_site: Path) -> None:
    page = html(fixture_site, "methodology/meddpicc/")
    assert "Who signs off on a purchase of this size?" in page
    assert "A meeting with them is on record." in page
    assert 'href="../../pipeline/qualify/"' in page


def test_abbreviations_get_hover_definitions_everywhere(fixture_site: Path) -> None:
    home = html(fixture_site, "")
    assert re.search(r'<abbr title="Ideal Customer Profile: The firmographic[^"]*">ICP</abbr>',
                     home)
    pql = html(fixture_site, "glossary/product-qualified-lead/")
    assert "Partner-Qualified Lead (partner channel)" in pql  # homonyms explain both


def test_first_mention_links_to_the_term_page(fixture_site: Path) -> None:
    page = html(fixture_site, "playbooks/qualify-call/")
    assert page.count('href="../../glossary/economic-buyer/"') == 1
    assert re.search(r'<h1[^>]*>Qualification call', page)


def test_term_pages_stay_out_of_the_nav(fixture_site: Path) -> None:
    page = html(fixture_site, "glossary/hot-lead/")
    # The whole primary nav, nested sections included (each closes its own </nav>).
    nav = page.split('class="md-nav md-nav--primary')[1].split("md-sidebar--secondary")[0]
    # No term page is listed (the category "Buyers and stakeholders" is, by name).
    assert not re.search(r'href="[^"]*stakeholder/"', nav)
    assert "pipeline/qualify/" in nav  # stages are listed: a handful, in order
    assert 'href="../category/buyers/"' in nav  # and the few categories


def test_macros_render_links_tables_and_checklists(tmp_path: Path) -> None:
    page = """
        # Macros

        {{ term("ICP") }} · {{ term("ideal client profile") }} · {{ term("economic buyer") }}
        · {{ stage("Qualify") }} · {{ role("ae") }} · {{ role("Account Executive") }}

        {{ glossary_table(category="buyers") }}

        {{ stage_checklist("qualify") }}

        {{ pipeline() }}

        {{ handoff_matrix() }}
        """
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    build_site(config, tmp_path / "site", strict=True)
    out = html(tmp_path / "site", "")
    assert out.count('href="glossary/ideal-customer-profile/"') >= 2
    assert 'title="The firmographic and technographic' in out
    assert 'href="pipeline/qualify/"' in out and 'href="roles/ae/"' in out
    assert "<td>The person who can approve the spend" in out
    assert "Stakeholder" in out and "Hot lead" not in out.split("<table>")[1]
    assert out.count('class="task-list-control"') >= 4
    assert 'class="st-diagram__svg st-diagram__svg--wide"' in out and "st-matrix" in out
    assert 'xlink:href="pipeline/qualify/"' in out  # the diagram links from the home page


CODE_PAGE = """
    # Code

    Inline `{{ term("ICP") }}` and a block:

    ```jinja
    {{ term("ICP") }} {% if x %}{{ y }}{% endif %}
    ```

    ~~~
    {# a comment #} {% endraw %}
    ~~~

    And a real one: {{ term("EB") }}
    """


def test_curly_braces_in_code_are_shown_as_written(tmp_path: Path) -> None:
    config = make_project(tmp_path, pages={"index.md": CODE_PAGE}, nav=[])
    build_site(config, tmp_path / "site", strict=True)
    out = html(tmp_path / "site", "")
    assert '<code>{{ term("ICP") }}</code>' in out
    assert '<span class="k">if</span> <span class="nv">x</span>' in out
    assert "{# a comment #} {% endraw %}" in out
    assert 'href="glossary/economic-buyer/"' in out


@pytest.mark.parametrize("call", ['term("Nonexistent")', 'stage("nowhere")', 'role("ceo")',
                                  'glossary_table(category="nope")', 'term("PQL")'])
def test_an_unknown_name_fails_the_build_naming_page_and_line(
        tmp_path: Path, call: str, caplog: pytest.LogCaptureFixture) -> None:
    page = f"# Page\n\nText.\n\nSee {{{{ {call} }}}}\n"
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    with pytest.raises(Abort):  # MkDocs' clean stop, not mkdocs-macros' exit(100)
        build_site(config, tmp_path / "site")
    messages = "\n".join(r.getMessage() for r in caplog.records)
    col = 9 + call.index('"')  # the name's first letter: "See {{ " is 7 characters
    assert re.search(rf'docs/index\.md:5:{col}: error: \w+\((\w+=)?"\w+"\) '
                     r"(matches no|is ambiguous)", messages), messages
    assert "1 macro call in docs/index.md could not be rendered" in messages
    assert "Traceback" not in messages
    assert not (tmp_path / "site" / "index.html").exists()


def test_glossary_errors_fail_the_build_with_their_messages(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = tmp_path / "project"
    root.mkdir()
    config = make_project(root)
    (root / "glossary/terms/stakeholder.yml").write_text("name: Stakeholder\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(config, tmp_path / "site")
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.endswith("terms/stakeholder.yml:1:1: error: missing required field 'category' "
                          "[missing-field]") for m in messages), messages
    assert any("the glossary has 3 errors" in m for m in messages)
    assert not any("Traceback" in m for m in messages)


def test_checker_findings_are_build_warnings(tmp_path: Path) -> None:
    page = "# Page\n\nThe ZQX team signs off.\n"
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    warnings = build_site(config, tmp_path / "site")
    assert any(re.match(r"shoptalk: docs/index\.md:3:5: error: 'ZQX' is not a defined term", w)
               or ("docs/index.md:3:5" in w and "ZQX" in w) for w in warnings), warnings
    with pytest.raises(Abort):
        build_site(config, tmp_path / "strict", strict=True)


class _Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


# The folds the site makes: a stage page's long lists, a role page's stages, the map's "why".
SITE_DETAILS = {"note", "warning", "abstract", "note st-stage-group", "st-why"}


def test_payload_reaches_pages_only_as_text(payload_site: Path) -> None:
    for page in payload_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        body = text.split("<article", 1)[-1].split("</article>", 1)[0]
        parser = _Elements()
        parser.feed(body)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S):
            assert "<" not in block and ">" not in block, page  # data, escaped
        for tag, attrs in parser.tags:
            if tag == "script" and attrs == [("type", "application/ld+json")]:
                continue  # the term's DefinedTerm data, checked above
            assert tag not in ("script", "iframe", "style", "img", "marquee", "blink",
                               "textarea", "b"), (page, tag)
            if tag == "details":  # only the site's own folds, never one from the YAML
                assert dict(attrs).get("class") in SITE_DETAILS, (page, attrs)
                assert {name for name, _ in attrs} <= {"class", "open"}, (page, attrs)
            for name, value in attrs:
                assert not name.startswith("on"), (page, tag, name)
                if name in ("href", "src"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), \
                        (page, tag, value)
        assert "window.__pwned=1</script>" not in body, page
        whole = _Elements()
        whole.feed(text)  # the head too: Material prints title and description unescaped
        for tag, attrs in whole.tags:
            assert not any(name.startswith("on") for name, _ in attrs), (page, tag, attrs)
            if tag == "meta" and ("name", "description") in attrs:
                assert "<" not in (dict(attrs).get("content") or ""), page
        assert "/etc/passwd" not in body or "--8&lt;--" in body, page
        assert "49" not in re.findall(r"because[^<]*", body)  # {{ 7*7 }} is not evaluated


def test_payload_titles_cannot_break_out_of_the_title_tag(payload_site: Path) -> None:
    page = html(payload_site, "pipeline/evil-stage/")
    title = page.split("<title>")[1].split("</title>")[0]
    assert "<" not in title


def test_valid_fixture_is_unchanged() -> None:
    assert (VALID_GLOSSARY / "terms" / "ideal-customer-profile.yml").is_file()
    assert (FIXTURES / "payload" / "terms" / "script-term.yml").is_file()


def test_glossary_json_is_published_beside_the_site(fixture_site: Path) -> None:
    import json

    data = json.loads((fixture_site / "glossary.json").read_text(encoding="utf-8"))
    names = {term["name"] for term in data["terms"]}
    assert {"Ideal Customer Profile", "Economic Buyer", "Hot lead"} <= names


def test_term_page_embeds_a_defined_term(fixture_site: Path) -> None:
    import json

    page = html(fixture_site, "glossary/ideal-customer-profile/")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "DefinedTerm" and data["name"] == "Ideal Customer Profile"
    assert data["termCode"] == "ICP"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    # Only term pages describe a term.
    assert "application/ld+json" not in html(fixture_site, "pipeline/qualify/")


SHARED_NAMES_PAGE = """
    # Names

    {{ stage("CLOSED-LOST") }} · {{ term("abm") }} · {{ term("Icp") }} · {{ role("sdr") }}
    """


def test_checker_and_build_accept_the_same_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Each of these used to pass one of the two and fail the other.
    config = make_project(tmp_path, glossary=REPO / "glossary",
                          pages={"index.md": SHARED_NAMES_PAGE}, nav=[])
    shutil.copytree(REPO / "docs" / "playbooks", tmp_path / "docs" / "playbooks")  # linked to
    assert main(["--config", str(tmp_path / "shoptalk.yml"), "check",
                 str(tmp_path / "docs")]) == 0
    assert capsys.readouterr().out == "no problems found\n"
    build_site(config, tmp_path / "site", strict=True)
    out = html(tmp_path / "site", "")
    for target in ("pipeline/closed-lost/", "glossary/account-based-marketing/",
                   "glossary/ideal-customer-profile/", "roles/sdr/"):
        assert f'href="{target}"' in out


def test_stage_role_and_framework_pages_show_the_review_badge(fixture_site: Path) -> None:
    assert re.search(r'<span class="st-badge st-badge--(ok|overdue)" title="Last reviewed '
                     r'2026-09-01;[^"]*">reviewed \d+ days? ago',
                     html(fixture_site, "pipeline/qualify/"))
    for page in ("roles/ae/", "methodology/meddpicc/"):
        assert '<span class="st-badge st-badge--muted">never reviewed</span>' in html(
            fixture_site, page)
