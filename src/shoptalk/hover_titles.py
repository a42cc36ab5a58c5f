"""Hover text put into a page's HTML after conversion, so a new definition converts no page.

An abbreviation's hover text is the ``title`` of each ``<abbr>`` the ``abbr`` extension
makes from a ``*[ABBR]: text`` line. Under ``mkdocs serve`` each page's Markdown gets
``*[ABBR]: <placeholder>`` instead, so its HTML depends only on which abbreviations
exist, and ``put_back`` writes each placeholder's title into the finished page.

The title put back is exactly what a build with the text itself would have made: every
line is converted once (all new lines in one probe page) by the engine's own Markdown,
then cleaned as a page is (``clean_page_html``; ``scrub_html`` too for a generated page),
and its ``title`` read back. A placeholder holds a random token made once per serving
process, which no page can know, and only ``<abbr title="placeholder">`` is replaced.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Mapping

from .render.safe import clean_page_html, scrub_html
from .render.widgets import abbreviation_line

__all__ = ["HoverTitles"]


class HoverTitles:
    """The placeholder of each abbreviation's hover text and the titles they stand for."""

    def __init__(self) -> None:
        self.token = "shoptalk" + secrets.token_hex(16)
        self._put = re.compile(rf'<abbr title="({self.token}h[0-9a-f]{{20}})">')
        # A definition line -> its title on a hand-written page, and on a generated one.
        self._learned: dict[str, tuple[str, str]] = {}
        self._current: dict[str, tuple[str, str]] = {}  # placeholder -> titles, this build

    def placeholder(self, abbr: str) -> str:
        """The one word that stands for ``abbr``'s hover text in a page's Markdown."""
        named = hashlib.blake2b(abbr.encode("utf-8", "surrogateescape"), digest_size=10)
        return f"{self.token}h{named.hexdigest()}"

    def lines(self, table: Mapping[str, str], convert: Callable[[str], str]
              ) -> dict[str, str]:
        """The definition line each abbreviation of ``table`` is written as this build:
        ``*[ABBR]: <placeholder>``, or its own line where no title would come of it.
        ``convert``: the engine's Markdown to HTML, for the lines not seen before."""
        own = {abbr: line for abbr in table if (line := abbreviation_line(table, abbr))
               and line.partition("]: ")[2].strip()}
        self._learn([line for line in own.values() if line not in self._learned], convert)
        self._learned = {line: self._learned[line] for line in own.values()
                         if line in self._learned}  # the lines of removed terms go
        self._current = {}
        written: dict[str, str] = {}
        for abbr, line in own.items():
            if (titles := self._learned.get(line)) is not None:
                self._current[self.placeholder(abbr)] = titles
                written[abbr] = f"*[{abbr}]: {self.placeholder(abbr)}"
        return written

    def put_back(self, html: str, generated: bool) -> str:
        """``html`` with each placeholder's title (``generated``: as a generated page's)."""
        if self.token not in html:
            return html

        def title(match: re.Match[str]) -> str:
            titles = self._current.get(match.group(1))
            return match.group() if titles is None else f'<abbr title="{titles[generated]}">'

        return self._put.sub(title, html)

    def _learn(self, lines: list[str], convert: Callable[[str], str]) -> None:
        """Convert ``lines`` on one probe page, each under a word of its own, and keep the
        title each gets; a line that makes no ``<abbr>`` keeps its own text in pages."""
        if not lines:
            return
        words = [f"{self.token}p{i}" for i in range(len(lines))]
        texts = [line.partition("]: ")[2] for line in lines]
        probe = " ".join(words) + "\n\n" + "\n\n".join(
            f"*[{word}]: {text}" for word, text in zip(words, texts, strict=True)) + "\n"
        cleaned = clean_page_html(convert(probe))
        found = [_titles(cleaned), _titles(scrub_html(cleaned))]
        for word, line in zip(words, lines, strict=True):
            if word in found[0] and word in found[1]:
                self._learned[line] = (found[0][word], found[1][word])


_TITLED = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def _titles(html: str) -> dict[str, str]:
    """The title of each ``<abbr>`` in ``html``, by the abbreviation it marks."""
    return {m.group(2): m.group(1) for m in _TITLED.finditer(html)}
