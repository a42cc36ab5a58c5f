"""Page text never becomes script: the HTML of every page is cleaned against an allow-list.

Pages in docs/ are untrusted like the YAML, and Python-Markdown passes raw HTML through.
``safe.clean_page_html`` keeps what Markdown and the site's extensions make and removes
what could run; hand-written titles and front matter are made inert as generated ones are.
"""

from __future__ import annotations

import collections
import html
import re
import textwrap
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.exceptions import Abort

import shoptalk.mkdocs_plugin as plugin
from shoptalk.render import safe
from shoptalk.render.page import theme_meta

from .conftest import ENV_SECRET, Tab
from .helpers import REPO, build_site, make_project
from .test_hover_security import WATCH_TOOLTIPS, hover_every_title

Shape = collections.Counter[object]


class _Shape(HTMLParser):
    """The tags, attributes and text of an HTML fragment, ignoring how it is serialised."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: Shape = collections.Counter()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.marks[tag] += 1
        for name, value in attrs:
            value = value or ""  # `hidden` and `hidden=""` are the same
            if name == "style":
                value = re.sub(r"\s|;$", "", value)
            self.marks[(tag, name, value)] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shape(fragment: str) -> tuple[Shape, str]:
    parser = _Shape()
    parser.feed(fragment)
    parser.close()
    return parser.marks, " ".join("".join(parser.text).split())


# -- the cleaner ---------------------------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ('<p>Hi <img src=x onerror=alert(document.domain)></p>', '<p>Hi <img src="x"></p>'),
    ("<script>alert(1)</script><p>after</p>", "<p>after</p>"),
    ("<style>body { display: none }</style><p>after</p>", "<p>after</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" vbscript:msgbox">x</a>', "<a>x</a>"),
    ('<img src="data:text/html,<script>alert(1)</script>">', "<img>"),
    ('<iframe src="https://example.com"></iframe>', ""),
    ('<svg onload=alert(1)><circle r="5"></circle></svg>', '<svg><circle r="5"></circle></svg>'),
    ('<object data="x"></object><embed src="x">', ""),
    ('<form action="https://example.com"><input type="text" name="p"></form>',
     '<input name="p">'),
    ('<button formaction="javascript:alert(1)" type="submit">Go</button>', "<button>Go</button>"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">', ""),
    ('<base href="https://example.com/"><link rel="stylesheet" href="x.css">', ""),
    ('<div style="position:fixed;inset:0">Sign in</div>', '<div style="">Sign in</div>'),
    ('<details open ontoggle=alert(1)><summary>S</summary>T</details>',
     '<details open=""><summary>S</summary>T</details>'),
    ('<a href="#x" title="&lt;img src=x onerror=alert(1)&gt;">x</a>',
     '<a href="#x" title="‹img src=x onerror=alert(1)›">x</a>'),
    ('<abbr title="&amp;lt;b&amp;gt; bold">B</abbr>', '<abbr title="‹b› bold">B</abbr>'),
    ('<div id="__config">{}</div><span data-md-component="x">y</span>',
     "<div>{}</div><span>y</span>"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""),
])
def test_the_cleaner_removes_what_could_run(raw: str, clean: str) -> None:
    assert safe.clean_page_html(raw) == clean


@pytest.mark.parametrize("element", sorted(safe.ACTIVE_ELEMENTS))
def test_every_element_the_checker_names_is_removed(element: str) -> None:
    assert f"<{element}" not in safe.clean_page_html(f"<p><{element} x=1>text</{element}></p>")


# The Markdown the site's extensions know, with the extensions mkdocs.yml enables (and the
# ones a page could ask for: tabs, footnotes, emoji).
EXTENSIONS_SAMPLE = """
# Title

!!! note "A note"
    Text with `code`, **bold**, ~~struck~~ and a [link](https://example.com "Tip").

??? tip "Open me"
    Hidden.

- [x] done
- [ ] to do

=== "One"
    First tab.

=== "Two"
    Second tab.

| Left | Right |
| :--- | ----: |
| a    | b     |

```python
def f(x):
    return x
```

Footnote[^1]. ICP <kbd>Ctrl</kbd> <span class="st-badge" title="Owner">AE</span>
![Alt text](img/diagram.png "Diagram") [mail](mailto:team@example.com) [top](#title)

[^1]: The note.

*[ICP]: Ideal customer profile
"""
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "footnotes",
                       "toc", "pymdownx.details", "pymdownx.tasklist", "pymdownx.superfences",
                       "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.tilde",
                       "pymdownx.tabbed"]


def test_what_markdown_makes_is_kept() -> None:
    made = markdown.markdown(
        textwrap.dedent(EXTENSIONS_SAMPLE), extensions=MARKDOWN_EXTENSIONS,
        extension_configs={"toc": {"permalink": True},
                           "pymdownx.tasklist": {"custom_checkbox": True},
                           "pymdownx.highlight": {"anchor_linenums": True}})
    kinds = {m for m in shape(made)[0] if isinstance(m, str)}
    assert {"abbr", "details", "summary", "input", "label", "table", "sup", "kbd", "img",
            "del"} <= kinds  # the sample really has them
    assert shape(safe.clean_page_html(made)) == shape(made)


def test_a_video_from_the_web_is_kept_and_one_from_script_is_not() -> None:
    assert safe.clean_page_html(
        '<video controls poster="javascript:alert(1)"><source src="https://example.com/d.mp4" '
        'type="video/mp4"><source src="data:video/mp4,x"></video>') == \
        '<video controls=""><source src="https://example.com/d.mp4" type="video/mp4"><source>' \
        "</video>"


def test_emoji_and_icons_as_inline_svg_are_kept() -> None:
    icon = ('<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" '
            'viewBox="0 0 24 24"><path d="M12 2 2 22h20z"></path></svg></span>')
    assert safe.clean_page_html(icon) == icon


@pytest.fixture(scope="module")
def starter_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[str, str]]]:
    """(HTML before cleaning, after) of every page of the starter site, from a real build."""
    pairs: list[tuple[str, str]] = []
    real = safe.clean_page_html

    def spy(fragment: str) -> str:
        pairs.append((fragment, real(fragment)))
        return pairs[-1][1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "clean_page_html", spy)
        build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("starter-clean") / "site")
    yield pairs


def _settled(marks: Shape) -> Shape:
    """``marks`` with every title decoded as a reader sees it (see below)."""
    out: Shape = collections.Counter()
    for mark, count in marks.items():
        if isinstance(mark, tuple) and mark[1] == "title":
            mark = (mark[0], "title", safe.hover_text(str(mark[2])))
        out[mark] += count
    return out


def test_cleaning_the_starter_site_changes_nothing_a_reader_sees(
        starter_pages: list[tuple[str, str]]) -> None:
    assert len(starter_pages) > 200  # hand-written and generated pages
    for before, after in starter_pages:
        (marks_before, text_before), (marks_after, text_after) = shape(before), shape(after)
        assert text_after == text_before
        # Titles only lose a second layer of escaping: an abbreviation's tooltip read
        # "buyer&#x27;s" before, and reads "buyer's" now.
        assert marks_after == _settled(marks_before)


# -- titles and front matter ---------------------------------------------------

def test_front_matter_the_theme_prints_raw_is_made_inert() -> None:
    assert theme_meta({
        "title": "<img src=x onerror=alert(1)> call", "description": '"><script>x</script>',
        "author": "&lt;b&gt;", "subtitle": "Q&A", "status": 'new" onmouseover="alert(1)',
        "location": "javascript:alert(1)", "stage": "qualify", "hide": ["toc"],
    }) == {
        "title": "‹img src=x onerror=alert(1)› call",
        "description": "&quot;›‹script›x‹/script›", "author": "‹b›", "subtitle": "Q&amp;A",
        "status": "newonmouseoveralert1", "location": "#",
    }
    assert theme_meta({"location": '");alert(1);//\\'})["location"] == \
        "&quot;%29;alert%281%29;//%5C"


# -- the payload site ----------------------------------------------------------

class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text.split("<article", 1)[-1].split("</article>", 1)[0]


def test_no_article_of_the_html_payload_site_holds_anything_that_runs(
        html_payload_site: Path) -> None:
    pages = sorted(html_payload_site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        if "<article" not in page.read_text(encoding="utf-8"):
            continue  # a redirect page (see the next test)
        parser = _Elements()
        parser.feed(_article(page))
        for tag, attrs in parser.tags:
            where = (page.relative_to(html_payload_site), tag, attrs)
            if tag == "script":
                assert attrs == [("type", "application/ld+json")], where
            assert tag not in safe.ACTIVE_ELEMENTS - {"script"}, where
            for name, value in attrs:
                assert not name.startswith("on"), where
                assert not name.startswith("data-md"), where
                assert name != "id" or not value or not value.startswith("__config"), where
                assert safe.url_scheme(value or "") in (None, "http", "https", "mailto") \
                    or name not in safe.URL_ATTRIBUTES, where
                if name == "title":
                    assert "<" not in html.unescape(value or ""), where


def test_hand_written_titles_and_front_matter_reach_the_page_as_text(
        html_payload_site: Path) -> None:
    page = (html_payload_site / "playbooks" / "raw-call" / "index.html").read_text("utf-8")
    assert "<title>‹img src=x onerror=alert(42)› call - " in page
    assert '<meta name="description" content="&quot;›‹script›alert(43)‹/script›">' in page
    home = (html_payload_site / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="home">Home <img src="x"><a class="headerlink" href="#home"' in home
    entity = html_payload_site / "playbooks" / "entity-title" / "index.html"
    assert "<title>‹img src=x onerror=alert(46)› - Shoptalk</title>" in entity.read_text("utf-8")
    stage = (html_payload_site / "pipeline" / "evil-stage" / "index.html").read_text("utf-8")
    assert '<a href="../../playbooks/raw-call/">&lt;img src=x onerror=alert(42)&gt; call' in stage
    for built in html_payload_site.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        assert not re.search(r"<img[^>]*onerror", text), built
        assert "alert(45)" not in text or 'md-status--newonmouseoveralert45' in text, built
    # The redirect template prints ``location`` inside a script string: it stays one string.
    moved = (html_payload_site / "moved" / "index.html").read_text(encoding="utf-8")
    assert '<script>window.location.replace(["&quot;%29;alert%2847%29;//",' in moved
    moved = (html_payload_site / "moved-away" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0;url=#">' in moved


def test_the_build_reports_the_unsafe_html_it_removed(tmp_path: Path) -> None:
    page = "# Home\n\nSee <img src=x onerror=alert(1)> and [this](javascript:alert(2)).\n"
    config = make_project(tmp_path, pages={"index.md": page}, nav=[])
    with pytest.raises(Abort):
        build_site(config, tmp_path / "site", strict=True)
    warnings = build_site(config, tmp_path / "site")
    assert [w for w in warnings if "[unsafe-html]" in w] == [
        "shoptalk: docs/index.md:3:16: error: 'onerror' runs script and is removed from the "
        "published page; remove it [unsafe-html]",
        "shoptalk: docs/index.md:3:45: error: a 'javascript:' link target is removed from the "
        "published page; use an address that starts with http:, https: or mailto:, or a "
        "relative one [unsafe-html]"]
    assert "onerror" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_no_secret_from_the_environment_is_published(html_payload_site: Path) -> None:
    for built in html_payload_site.rglob("*"):
        if built.is_file():
            assert ENV_SECRET not in built.read_text(encoding="utf-8", errors="replace"), built


# Every kind of page of the payload site: hand-written (home, section index, playbooks)
# and generated (glossary, term, stage, role, handoff map, framework, cheat
# sheet), the generated ones listing the hostile titles of the hand-written ones.
HTML_PAYLOAD_PAGES = ["", "playbooks/", "playbooks/raw-call/", "playbooks/entity-title/",
                      "glossary/", "glossary/plain-term/",
                      "glossary/entity-term/", "pipeline/", "pipeline/evil-stage/",
                      "roles/evil-role/", "roles/handoff-map/", "methodology/evil-fw/",
                      "cheat-sheet/"]


@pytest.mark.browser
def test_raw_html_in_pages_runs_no_script_on_load_or_hover(browser: Any,
                                                          html_payload_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(WATCH_TOOLTIPS)
    tab = Tab(page, html_payload_url)  # requests to any other host are aborted
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    hovered = 0
    for path in HTML_PAYLOAD_PAGES:
        tab.open(path)
        page.wait_for_timeout(200)  # a broken image reports its error asynchronously
        hovered += hover_every_title(page)
        assert page.evaluate("window.__injected") == [], path
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("article").is_visible(), path  # no style hid the page
        # The theme's settings are still the theme's (no element took the id #__config).
        assert page.evaluate("document.querySelector('#__config').tagName") == "SCRIPT", path
        active = ("article script:not([type='application/ld+json']), article iframe, "
                  "article object, article embed, article form, article style, "
                  "article [onerror], article [onload], article [onclick], "
                  "article [onmouseover], article [ontoggle], article a[href^='javascript']")
        assert page.locator(active).count() == 0, path
    for path in ("moved/", "moved-away/"):  # redirects with a hostile location
        tab.open(path)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []
    assert hovered > 60  # the test really hovered the payload
    page.close()
