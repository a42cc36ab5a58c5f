"""The pipeline diagram: inline SVG drawn from the stage YAML, text that stays text whatever
a stage is called, links to the stage pages, and a page cleaner that lets exactly that SVG
through and nothing scriptable."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml

from shoptalk.model import Source, Stage
from shoptalk.page_template import page_problems
from shoptalk.render.diagram import page_href, pipeline_svg, wrap_words
from shoptalk.render.safe import clean_page_html

from .helpers import REPO


def stage(stage_id: str, name: str, order: int, **fields: object) -> Stage:
    fields.setdefault("purpose", f"{name} purpose.")
    return Stage(id=stage_id, name=name, order=order, owner="ae",  # type: ignore[arg-type]
                 source=Source(Path(f"stages/{stage_id}.yml")), **fields)


STAGES = [stage("qualify", "Qualify", 1, probability=10),
          stage("propose", "Propose", 2, probability=60),
          stage("closed-won", "Closed won", 3, outcome="won"),
          stage("closed-lost", "Closed lost", 4, outcome="lost")]
HREFS = {s.id: f"{s.id}/" for s in STAGES}


def texts(svg: str) -> list[str]:
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


def test_each_stage_is_a_link_with_its_name_as_text() -> None:
    svg = str(pipeline_svg(STAGES, HREFS, "wide"))
    assert texts(svg) == ["Qualify", "10%", "Propose", "60%", "Closed won", "✓ won",
                          "Closed lost", "✗ lost"]
    assert re.findall(r'xlink:href="([^"]*)"', svg) == ["qualify/", "propose/", "closed-won/",
                                                         "closed-lost/"]
    assert 'aria-label="Stage 2: Propose, 60%"' in svg
    assert svg.startswith('<svg class="st-diagram__svg st-diagram__svg--wide" ')
    assert 'role="group"' in svg and "<title>Pipeline: the stages of a deal</title>" in svg
    assert ("<desc>The stages in order: Qualify (10%) → Propose (60%); then Closed won (won) "
            "or Closed lost (lost).</desc>") in svg


def test_won_and_lost_are_drawn_apart_from_open_stages() -> None:
    svg = str(pipeline_svg(STAGES, HREFS, "wide"))
    classes = re.findall(r'<a class="([^"]*)"', svg)
    assert classes == ["st-diagram__stage", "st-diagram__stage",
                       "st-diagram__stage st-diagram__stage--won",
                       "st-diagram__stage st-diagram__stage--lost"]
    assert re.findall(r'rx="([^"]*)"', svg) == ["6", "6", "29", "29"]  # pills at the end
    # Three arrows: Qualify → Propose, then Propose → each end.
    assert svg.count("<line ") == 3 and svg.count("<polygon ") == 3


@pytest.mark.parametrize(("layout", "width", "height"), [("wide", 392, 144),
                                                         ("tall", 252, 198)])
def test_the_tall_drawing_fits_a_phone(layout: str, width: int, height: int) -> None:
    svg = str(pipeline_svg(STAGES, HREFS, layout))  # type: ignore[arg-type]
    assert f'viewBox="0 0 {width} {height}" width="{width}" height="{height}"' in svg


def test_a_hostile_stage_name_stays_text() -> None:
    evil = stage("evil", '<script>alert("x")</script> & "Co" {{ secret }}', 1,
                 purpose='"><img src=x onerror=alert(1)>', probability=5)
    svg = str(pipeline_svg([evil], {"evil": "evil/"}, "tall"))
    assert "<script" not in svg and "<img" not in svg and "{{" not in svg
    assert texts(svg)[0] == "‹script›alert(&quot;x&quot;)‹/scrip…"  # one line, cut
    assert ('aria-label="Stage 1: ‹script›alert(&quot;x&quot;)‹/script› &amp; &quot;Co&quot; '
            '&#123;&#123; secret &#125;&#125;, 5%"') in svg
    assert ('<title>&quot;›‹img src=x onerror=alert(1)›</title>') in svg
    # The cleaner keeps every element and attribute the diagram is made of.
    cleaned = clean_page_html(svg)
    for tag in ("svg", "title", "desc", "g", "line", "polygon", "a", "rect", "text"):
        assert cleaned.count(f"<{tag}") == svg.count(f"<{tag}"), tag
    for attribute in ("xlink:href", "aria-label", "viewBox", "rx", "text-anchor", "width"):
        assert cleaned.count(f" {attribute}=") == svg.count(f" {attribute}="), attribute


def test_a_hostile_svg_in_a_page_is_stripped() -> None:
    page = ('<svg onload="alert(1)" viewBox="0 0 9 9"><foreignObject><img src=x '
            'onerror=alert(2)></foreignObject><a href="javascript:alert(3)"><text>a</text></a>'
            '<a xlink:href="JaVa&#x09;ScRiPt:alert(4)"><text>b</text></a>'
            '<use href="other.svg#icon"/><use xlink:href="data:image/svg+xml,x"/>'
            "<style>article{display:none}</style><script>alert(5)</script>"
            '<set attributeName="href" to="javascript:alert(6)"/>'
            '<animate attributeName="xlink:href" values="javascript:alert(7)"/>'
            '<image href="https://tracker.example/x.png"/>'
            '<rect onclick="alert(8)" width="3" height="3" style="fill:url(https://x.example)"/>'
            '<a xlink:href="../qualify/"><text>c</text></a></svg>')
    assert clean_page_html(page) == (
        '<svg viewBox="0 0 9 9"><a><text>a</text></a><a><text>b</text></a>'
        '<rect width="3" height="3" style=""></rect><a xlink:href="../qualify/"><text>c</text></a>'
        "</svg>")


@pytest.mark.parametrize(("here", "there", "href"), [
    ("start-here.md", "pipeline/qualify.md", "../pipeline/qualify/"),
    ("pipeline/index.md", "pipeline/qualify.md", "qualify/"),
    ("index.md", "pipeline/qualify.md", "pipeline/qualify/"),
    ("pipeline/qualify.md", "index.md", "../../"),
    ("glossary/icp.md", "glossary/icp.md", "./"),
])
def test_links_in_raw_html_use_directory_urls(here: str, there: str, href: str) -> None:
    assert page_href(here, there) == href


@pytest.mark.parametrize(("here", "there", "href"), [
    ("start-here.md", "pipeline/qualify.md", "pipeline/qualify.html"),
    ("pipeline/index.md", "pipeline/qualify.md", "qualify.html"),
    ("pipeline/qualify.md", "index.md", "../index.html"),
    ("glossary/category/buyers.md", "glossary/index.md", "../index.html"),
    ("pipeline/qualify.md", "roles/ae.md", "../roles/ae.html"),
    ("glossary/icp.md", "glossary/icp.md", "icp.html"),
])
def test_links_in_raw_html_name_files_without_directory_urls(here: str, there: str,
                                                              href: str) -> None:
    assert page_href(here, there, directory_urls=False) == href


def test_long_names_wrap_then_end_in_an_ellipsis() -> None:
    assert wrap_words("Technical validation and security review", 13) == [
        "Technical", "validation…"]
    assert wrap_words("Closed won", 13) == ["Closed won"]


def test_a_mermaid_fence_a_company_wrote_stays_code() -> None:
    """No Mermaid is loaded any more: a page that has a fence shows it as code."""
    settings = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.Loader)
    assert "mermaid" not in str(settings["markdown_extensions"])
    extensions = [e if isinstance(e, str) else next(iter(e))
                  for e in settings["markdown_extensions"]]
    source = "# Flow\n\n```mermaid\nflowchart LR\n  a[Lead] --> b{{Deal}}\n```\n"
    assert page_problems(source) == []
    out = markdown.markdown(source, extensions=extensions)
    assert "<code>flowchart LR\n  a[Lead] --&gt; b{{Deal}}\n</code>" in out
    assert "<svg" not in out
