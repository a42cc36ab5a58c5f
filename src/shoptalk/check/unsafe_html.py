"""The ``unsafe-html`` rule: raw HTML and link targets the site removes from a page.

The site cleans the HTML of every page (``shoptalk.render.safe.clean_page_html``):
scripts, styles, frames, embedded objects, forms, page settings (``meta``, ``base``,
``link``), ``on*`` handlers and addresses that are not http(s), mailto or relative never
reach a reader. This rule tells the editor where, in the pull request, from the same
lists the cleaner keeps. It reads raw HTML, Markdown link and image targets, and
``attr_list`` attributes (``{: onclick=… }``), all as markdown-it found them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..render.safe import ACTIVE_ELEMENTS, PAGE_URL_SCHEMES, URL_ATTRIBUTES, url_scheme
from .prose import Page

__all__ = ["RULE", "UnsafeHtml", "unsafe_html", "unsafe_in_html"]

RULE = "unsafe-html"
_SCHEMES = [f"{scheme}:" for scheme in sorted(PAGE_URL_SCHEMES)]
_ALLOWED = ", ".join(_SCHEMES[:-1]) + " or " + _SCHEMES[-1]
# attr_list's {: key=value } (also {#id .class key=value}) inside prose.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s=]+)[ \t]*=[ \t]*("[^"]*"|'[^']*'|[^\s"']*)""")


@dataclass(frozen=True, slots=True)
class UnsafeHtml:
    """Something a page says that the site removes: source offsets (end exclusive)."""

    start: int
    end: int
    message: str


def unsafe_html(page: Page) -> list[UnsafeHtml]:
    """Raw HTML, link targets and attributes in ``page`` that the site would remove."""
    found: list[UnsafeHtml] = []
    for offset, text in page.html:
        found.extend(_in_html(offset, text))
    for offset, target in page.links:
        problem = _address(target, "link target")
        if problem:  # a reference link's target is known, not where it was written
            written = page.source.startswith(target, offset)
            found.append(UnsafeHtml(offset, offset + len(target) * written, problem))
    for block in page.blocks:
        for match in _ATTR_LIST.finditer(block.text):
            for pair in _ATTR_PAIR.finditer(match.group(1)):
                problem = _attribute(pair.group(1), pair.group(2).strip("\"'"))
                if problem:
                    start = block.source_offset(match.start(1) + pair.start())
                    found.append(UnsafeHtml(start, start + len(pair.group(1)), problem))
    return sorted(found, key=lambda f: f.start)


def _address(value: str, what: str) -> str | None:
    scheme = url_scheme(value)
    if scheme is None or scheme in PAGE_URL_SCHEMES:
        return None
    return (f"a '{scheme}:' {what} is removed from the published page; "
            f"use an address that starts with {_ALLOWED}, or a relative one")


def _attribute(name: str, value: str) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"'{name}' runs script and is removed from the published page; remove it"
    if name in URL_ATTRIBUTES:
        return _address(value, f"'{name}'")
    return None


class _Tags(HTMLParser):
    """Start tags of an HTML fragment with their (1-based line, 0-based column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, int, str, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        self.tags.append((line, col, tag, self.get_starttag_text() or "", attrs))


# Where a browser ends a comment and Python's HTMLParser (before 3.13) does not: "<!-->"
# and "<!--->" are whole comments, and "--!>" closes one. Rewritten in place (same length)
# so the parser sees the tags a browser would run after them.
_COMMENT_ENDS = re.compile(r"<!---?>|--!>")


def _browser_comments(match: re.Match[str]) -> str:
    text = match.group()
    return "!-->" if text == "--!>" else "<!x" + "-" * (len(text) - 4) + ">"


def unsafe_in_html(html: str) -> list[str]:
    """What the site's cleaner would remove from ``html`` (rendered HTML), as messages."""
    return [found.message for found in _in_html(0, html)]


def _in_html(offset: int, text: str) -> list[UnsafeHtml]:
    parser = _Tags()
    parser.feed(_COMMENT_ENDS.sub(_browser_comments, text))
    parser.close()
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = []
    for line, col, tag, written, attrs in parser.tags:
        at = offset + starts[line - 1] + col
        if tag in ACTIVE_ELEMENTS:
            found.append(UnsafeHtml(at, at + len(tag) + 1, f"'<{tag}>' is removed from the "
                                    "published page: pages may not carry scripts, styles, "
                                    "frames, embedded objects, forms or page settings"))
        for name, value in attrs:
            problem = _attribute(name, value or "")
            if problem:
                where = re.search(rf"(?i)(?<=[\s/\"']){re.escape(name)}(?=[\s=/>]|$)",
                                  written)
                start = at + (where.start() if where else 0)
                found.append(UnsafeHtml(start, start + len(name), problem))
    return found
