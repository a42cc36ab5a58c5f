"""Hover text cannot become markup.

Material's ``content.tooltips`` copies an element's ``title`` into the tooltip with
``innerHTML``: the browser decodes the attribute once and ``innerHTML`` parses the result.
So every title the site prints (link titles, ``abbr`` definitions, badge and handoff tips)
must hold no ``<`` or ``>``, not even as an entity that a decode turns into one.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from shoptalk.render import safe
from shoptalk.render.page import meta_text, page_title
from shoptalk.render.widgets import abbreviation_block

from .conftest import Tab

HOSTILE = [
    "we win <img src=x onerror=alert(document.domain)> and keep",
    "<script>alert(1)</script>",
    "<svg/onload=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&LT;img src=x onerror=alert(1)&GT;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "&#060;img&#062;",
    "&#x3c;img src=x onerror=alert(1)&#x3e;",
    "&#X3C;img&#X3E;",
    "&lt img &gt",  # legacy entities need no semicolon
    "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "&amp;amp;lt;img&amp;amp;gt;",
    "&#38;lt;img&#38;gt;",
    "&#x26;#60;img&#x26;#62;",
    "&lang;img&rang;",
    "&l*t;img&g_t;",  # dropping a Markdown mark must not join an entity
    "&l\x00t;img&g\x01t;",
    "&NotLessLess;img",
    "\" onmouseover=\"alert(1)\" x=\"",
    "' onmouseover='alert(1)' x='",
    "`backticks` and ``<b>``",
    "{{ config }} {% raw %} {: onclick=alert(1) }",
    "line one\nline two <b\n>bold</b>",
    "control \x00<\x01img src=x onerror=alert(1)\x7f>",
    "[label](javascript:alert(1) \"<img src=x onerror=alert(1)>\")",
    "*[ABBR]: <img src=x onerror=alert(1)>",
]


def decoded(text: str, times: int = 2) -> str:
    """``text`` as a browser sees it after decoding it ``times`` times (attribute, innerHTML)."""
    for _ in range(times):
        text = html.unescape(text)
    return text


@pytest.mark.parametrize("text", HOSTILE)
def test_attribute_text_holds_no_angle_bracket_even_after_decoding(text: str) -> None:
    for made in (safe.attr_text(text), safe.plain(text), page_title(text), meta_text(text)):
        assert "<" not in made and ">" not in made, made
        assert "<" not in decoded(made) and ">" not in decoded(made), made
        assert not re.search(r"[\x00-\x1f\x7f]", decoded(made)), made


@pytest.mark.parametrize("text", HOSTILE)
def test_attribute_text_cannot_close_its_quotes(text: str) -> None:
    made = safe.attr_text(text)
    assert '"' not in made and "'" not in made and "{" not in made, made


def test_hover_text_stays_readable() -> None:
    assert safe.attr_text("we win <img src=x onerror=alert(1)> and keep.") == \
        "we win ‹img src=x onerror=alert(1)› and keep."
    assert safe.plain("deals &lt; $10k &amp; **fast**") == "deals ‹ $10k & fast"
    assert safe.attr_text('R&D "lab"') == "R&amp;D &quot;lab&quot;"


def test_the_abbreviation_block_defines_only_inert_text() -> None:
    block = abbreviation_block({"ICP": "Ideal <b>", "X]Y": "broken key", "EB": "Buyer"},
                               ["EB", "ICP", "X]Y"])
    assert block == "\n\n*[EB]: Buyer\n\n*[ICP]: Ideal ‹b›\n"


class _Titles(HTMLParser):
    """Every ``title`` attribute of a page (decoded once, as the browser's ``el.title``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.titles += [(tag, value or "") for name, value in attrs if name == "title"]


def test_no_title_on_the_payload_site_decodes_to_markup(payload_site: Path) -> None:
    seen: set[str] = set()
    for page in sorted(payload_site.rglob("*.html")):
        parser = _Titles()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, title in parser.titles:
            seen.add(tag)
            where = f"{page.relative_to(payload_site)}: <{tag} title={title!r}>"
            assert "<" not in title and ">" not in title, where
            assert "<" not in html.unescape(title) and ">" not in html.unescape(title), where
    assert {"a", "abbr", "span"} <= seen  # links, abbreviations, badges and handoff tips


def test_payload_hover_text_reads_as_written(payload_site: Path) -> None:
    # A stage page links its terms with their definitions as hover text.
    page = (payload_site / "pipeline" / "entity-stage" / "index.html").read_text(encoding="utf-8")
    assert 'title="… we win ‹img src=x onerror=alert(document.domain)› and keep.' in page
    home = (payload_site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Plain term: A plain term whose page links to the script term.">PLT' \
        in home


# Records any markup that lands inside a tooltip, before Material can remove it again.
WATCH_TOOLTIPS = """
window.__injected = [];
new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(node => {
  if (node.nodeType !== 1) return;
  const tips = node.matches('.md-tooltip, .md-tooltip2, [role=tooltip]') ? [node]
    : [...node.querySelectorAll('.md-tooltip, .md-tooltip2, [role=tooltip]')];
  if (node.closest && node.closest('.md-tooltip__inner, .md-tooltip2__inner')) tips.push(node);
  for (const tip of tips) for (const el of tip.querySelectorAll(
      'img, script, svg, iframe, object, embed, style, [onerror], [onload], [onmouseover]'))
    window.__injected.push(el.outerHTML);
}))).observe(document, {childList: true, subtree: true});
"""

# One page of every kind the site has, each showing payload hover text.
PAYLOAD_PAGES = ["", "playbooks/evil-call/", "start-here/", "glossary/",
                 "glossary/entity-term/", "glossary/script-term/", "glossary/category/entities/",
                 "pipeline/", "pipeline/entity-stage/", "pipeline/evil-stage/",
                 "roles/evil-role/", "roles/evil-role-two/", "roles/handoff-map/",
                 "methodology/evil-fw/", "cheat-sheet/"]


def hover_every_title(page: Any) -> int:
    """Hover each visible element that has a title (links, abbreviations, badges, handoff
    tips, cut-short nav entries) long enough for Material to open its tooltip; one element
    per distinct tag and title, as equal titles make equal tooltips. Return how many."""
    count = page.evaluate("""() => {
        const seen = new Set();
        const all = [...document.querySelectorAll('[title]')].filter(e => {
            const key = e.tagName + ' ' + e.title;
            return e.getClientRects().length && !seen.has(key) && seen.add(key);
        });
        all.forEach((e, n) => e.setAttribute('data-hover', n));
        return all.length;
    }""")
    for n in range(count):
        # Two animation frames first: Material opens the last tooltip on the next frame.
        x, y = page.locator(f"[data-hover='{n}']").evaluate("""e => new Promise(done =>
            requestAnimationFrame(() => requestAnimationFrame(() => {
                e.scrollIntoView({block: 'center'});
                const box = e.getBoundingClientRect();
                done([box.x + box.width / 2, box.y + box.height / 2]);
            })))""")
        page.mouse.move(x, y)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)  # a broken image reports its error asynchronously
    return count


@pytest.mark.browser
def test_hovering_payload_text_runs_no_script(browser: Any, payload_url: str,
                                              tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(WATCH_TOOLTIPS)
    tab = Tab(page, payload_url)  # requests to any other host are aborted
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    hovered = 0
    for path in PAYLOAD_PAGES:
        tab.open(path)
        hovered += hover_every_title(page)
        assert page.evaluate("window.__injected") == [], path
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []
    assert hovered > 80  # the test really hovered the payload
    # What a reader sees: the definition as text, angle brackets and all.
    # (On a playbook: the A–Z prints the definition beside the term, with no hover text.)
    tab.open("playbooks/evil-call/")
    page.locator("article abbr", has_text="ENT").first.hover()
    tip = page.wait_for_selector(".md-tooltip2--active", state="visible")
    assert tip is not None
    assert "we win ‹img src=x onerror=alert(document.domain)› and keep." in tip.inner_text()
    page.screenshot(path=str(tmp_path / "payload-tooltip.png"))
    page.close()
