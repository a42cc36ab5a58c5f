"""Hover text put into a page's HTML after conversion, so a new definition converts no page.

A definition is hover text twice: the ``title`` of each ``<abbr>`` the ``abbr`` extension
makes from a ``*[ABBR]: text`` line, and the ``title`` of a first mention's link or a
generated page's link to its term (a link to a stage, role or framework likewise hovers
its purpose or description). Under ``mkdocs serve`` each page's Markdown gets a
placeholder in its place, so its HTML depends only on which records exist, and
``put_back`` writes each placeholder's title into the finished page. A link title holding
``|`` keeps its own text: in a table cell it splits the cell, as a build would. A macro's
link on a hand-written page keeps its own text too: in raw HTML it stays text.

The title put back is exactly what a build with the text itself would have made: each
text is converted once (all new ones on one probe page) by the engine's own Markdown,
then cleaned as a page is (``clean_page_html``; ``scrub_html`` too for a generated page),
and its ``title`` read back; a text whose probe makes no such element keeps its own text
in the pages. A placeholder holds a random token made once per serving process, which no
page can know, and only the ``title`` of an ``<abbr>`` or ``<a>`` element is replaced.
Every page passes through ``put_back`` every build: each page's result is remembered and
handed back while its HTML and the titles it took are the same.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Mapping

from .render.safe import clean_page_html, scrub_html
from .render.widgets import abbreviation_line

__all__ = ["HoverTitles"]

# (page HTML, generated) -> the titles it took by placeholder, and the HTML made of it.
_Done = dict[tuple[str, bool], tuple[tuple[tuple[str, str], ...], str]]
ABBR, LINK = "h", "l"  # an abbreviation's hover text; a first mention's link title
_PROBE_TARGET = "#probe"


class HoverTitles:
    """The placeholders of the site's hover texts and the titles they stand for."""

    def __init__(self) -> None:
        self.token = "shoptalk" + secrets.token_hex(16)
        # (kind, Markdown text) -> its title on a hand-written page, and on a generated one.
        self._learned: dict[tuple[str, str], tuple[str, str]] = {}
        self._current: dict[str, tuple[str, str]] = {}  # placeholder -> titles, this build
        self._in_title = re.compile(r'<(?:abbr|a)\s[^<>]*?\btitle="')
        self._width = len(self.token) + 21  # the token, the kind, 20 hex digits
        # This build's and the last one's pages put back: a page made as last time is
        # looked up (a reused page's HTML is the same string: its hash is kept), not read.
        self._pages: _Done = {}
        self._pages_last: _Done = {}

    def placeholder(self, kind: str, name: str) -> str:
        """The one word that stands for the hover text of ``name`` (an abbreviation, a
        term id) in a page's Markdown."""
        named = hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=10)
        return f"{self.token}{kind}{named.hexdigest()}"

    def start(self, abbreviations: Mapping[str, str], link_titles: Mapping[str, str],
              convert: Callable[[str], str]) -> tuple[dict[str, str], dict[str, str]]:
        """Begin a build: the definition line each abbreviation is written as and the
        title of each link (``link_titles``: Markdown text by name, a term's id for a link
        to a term), placeholders where the probe found their title. ``convert``: the
        engine's Markdown to HTML."""
        lines = {abbr: line for abbr in abbreviations
                 if (line := abbreviation_line(abbreviations, abbr))
                 and line.partition("]: ")[2].strip()}
        # A link title holding "|" splits the table cell its link may sit in: kept as is.
        texts = {**{(ABBR, abbr): line.partition("]: ")[2] for abbr, line in lines.items()},
                 **{(LINK, name): text for name, text in link_titles.items()
                    if text.strip() and "|" not in text}}
        self._learn([(kind, text) for (kind, _), text in texts.items()
                     if (kind, text) not in self._learned], convert)
        self._learned = {(kind, text): self._learned[kind, text]  # forget removed texts
                         for (kind, _), text in texts.items() if (kind, text) in self._learned}
        self._current = {}
        self._pages, self._pages_last = {}, self._pages
        written: dict[tuple[str, str], str] = {}
        for (kind, name), text in texts.items():
            if (titles := self._learned.get((kind, text))) is not None:
                written[kind, name] = self.placeholder(kind, name)
                self._current[written[kind, name]] = titles
        return ({abbr: f"*[{abbr}]: {word}" for (kind, abbr), word in written.items()
                 if kind == ABBR},
                {term: word for (kind, term), word in written.items() if kind == LINK})

    def put_back(self, html: str, generated: bool) -> str:
        """``html`` with each placeholder's title (``generated``: as a generated page's)."""
        if self.token not in html:
            return html
        key = (html, generated)
        done = self._pages.get(key) or self._pages_last.get(key)
        if done is None or any(self._title(word, generated) != title for word, title in done[0]):
            done = self._put_back(html, generated)
        self._pages[key] = done
        return done[1]

    def _title(self, word: str, generated: bool) -> str | None:
        titles = self._current.get(word)
        return None if titles is None else titles[generated]

    def _put_back(self, html: str, generated: bool
                  ) -> tuple[tuple[tuple[str, str], ...], str]:
        """The titles ``html`` takes, and ``html`` with them: each placeholder of this
        build that stands as the whole ``title`` of an ``<abbr>`` or ``<a>`` element."""
        pieces, used, last = [], [], 0
        at = html.find(self.token)
        while at != -1:
            end = at + self._width
            word = html[at:end]
            title = self._title(word, generated)
            tag = html.rfind("<", 0, at)
            if title is not None and html.startswith('"', end) and tag != -1 \
                    and self._in_title.fullmatch(html, tag, at):
                pieces += [html[last:at], title]
                used.append((word, title))
                last = end
            at = html.find(self.token, at + 1)
        return tuple(used), "".join(pieces) + html[last:]

    def _learn(self, texts: list[tuple[str, str]], convert: Callable[[str], str]) -> None:
        """Convert ``texts`` on one probe page, each under a word of its own and in a
        paragraph of its own, and keep the title each gets."""
        if not texts:
            return
        words = [f"{self.token}p{i}" for i in range(len(texts))]
        blocks = [" ".join(w for w, (kind, _) in zip(words, texts, strict=True) if kind == ABBR)]
        for word, (kind, text) in zip(words, texts, strict=True):
            blocks.append(f"*[{word}]: {text}" if kind == ABBR
                          else f'[{word}]({_PROBE_TARGET} "{text}")')
        cleaned = clean_page_html(convert("\n\n".join(blocks) + "\n"))
        found = [_titles(cleaned), _titles(scrub_html(cleaned))]
        for word, (kind, text) in zip(words, texts, strict=True):
            if (kind, word) in found[0] and (kind, word) in found[1]:
                self._learned[kind, text] = (found[0][kind, word], found[1][kind, word])


_TITLED = re.compile(rf'<abbr title="([^"]*)">([^<]*)</abbr>'
                     rf'|<a href="{_PROBE_TARGET}" title="([^"]*)">([^<]*)</a>')


def _titles(html: str) -> dict[tuple[str, str], str]:
    """The title of each ``<abbr>`` and probe link in ``html``, by kind and the word."""
    found: dict[tuple[str, str], str] = {}
    for m in _TITLED.finditer(html):
        if m.group(2) is not None:
            found[ABBR, m.group(2)] = m.group(1)
        else:
            found[LINK, m.group(4)] = m.group(3)
    return found
