"""Rows as wiki glossaries write them: acronyms with their expansions, links in definitions.

"AE – Account Executive – The rep who owns the deal", "MQL (Marketing Qualified
Lead)", or a bare "QBR" whose definition opens with "Quarterly Business Review –":
the expansion becomes the term's ``name`` and the acronym its ``abbreviation``,
so pages are matched on the acronym case-sensitively ("AM" is not "am"). Links
inside a definition become the term's ``links``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["expand_row", "is_acronym", "meanings_differ", "spells", "telling_word"]

# One token, two capitals or more, letters, digits and '&' only: AE, MQL, PoC, P&L, B2B.
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]*")
# A dash between parts: en or em dash (spaced or not) or a spaced hyphen.
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
_ACRONYM_FIRST = re.compile(r"^(?P<acr>\S+)\s*\((?P<exp>[^()]+)\)$")
_ACRONYM_LAST = re.compile(r"^(?P<exp>[^()]+?)\s*\((?P<acr>\S+)\)$")
# Where a definition may hand over from the expansion to what it means.
_OPENING = re.compile(r"^(?P<exp>[^.:;–—()]+?)(?:\s*[–—:]\s*|\s+-\s+|\.\s+)(?P<rest>\S.*)$",
                      re.DOTALL)
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to", "with"})
_MARKDOWN_LINK = re.compile(r"\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)")
_BARE_URL = re.compile(r"<?(?P<url>https?://[^\s<>)\]]+[^\s<>)\].,;:!?])>?")
_EMPTY_SEE = re.compile(r"\s*\(\s*(?:see\s*:?\s*)?\)|\s*\bsee\s*:?\s*(?=[.]?$)",
                        re.IGNORECASE)


def is_acronym(text: str) -> bool:
    """True for one token with two capitals or more: "AE", "PoC", "P&L"; not "Champion"."""
    return (_ACRONYM.fullmatch(text) is not None
            and sum(c.isupper() for c in text) >= 2)


def spells(acronym: str, expansion: str) -> bool:
    """True when the initials of ``expansion`` spell ``acronym`` ("Proof of Concept", PoC).

    Small words ("of", "the") may be skipped, and each part of a hyphenated word
    may give a letter ("Sales-Qualified Lead", SQL).
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.split(r"[\s/]+", expansion.strip()) if w]

    def walk(i: int, k: int) -> bool:
        if k == len(letters):
            return i == len(words) or all(w.lower() in _SMALL_WORDS for w in words[i:])
        if i == len(words):
            return False
        word = words[i]
        if word.lower() in _SMALL_WORDS and walk(i + 1, k):
            return True
        parts = [p for p in word.split("-") if p]
        for n in range(len(parts), 0, -1):  # the first n parts each give a letter
            if all(k + j < len(letters) and parts[j][:1].lower() == letters[k + j]
                   for j in range(n)) and walk(i + 1, k + n):
                return True
        return False

    return bool(letters) and walk(0, 0)


def expand_row(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with an acronym key split into name and abbreviation, and links taken out."""
    data = dict(data)
    name = data.get("name")
    definition = data.get("definition")
    if isinstance(name, str) and not data.get("abbreviation"):
        split = _split_key(name.strip(), definition if isinstance(definition, str) else "")
        if split is not None:
            rest = split[2]  # it now starts the definition, so it starts a sentence
            data["abbreviation"], data["name"] = split[0], split[1]
            data["definition"] = rest[:1].upper() + rest[1:]
    definition = data.get("definition")
    if isinstance(definition, str):
        data["definition"], links = _take_links(definition)
        if links:
            known = data.get("links")
            data["links"] = [*(known if isinstance(known, list) else []), *links]
    return data


def _split_key(name: str, definition: str) -> tuple[str, str, str] | None:
    """(acronym, expansion, definition) for a key cell holding an acronym, else None."""
    for pattern in (_ACRONYM_FIRST, _ACRONYM_LAST):
        m = pattern.match(name)
        if m and is_acronym(m.group("acr")) and spells(m.group("acr"), m.group("exp")):
            return m.group("acr"), m.group("exp").strip(), definition
    parts = _DASH.split(name, maxsplit=2)
    if len(parts) >= 2 and is_acronym(parts[0]) and parts[1].strip():
        rest = " ".join(p.strip() for p in (*parts[2:], definition) if p.strip())
        return parts[0], parts[1].strip(), rest
    if is_acronym(name):
        body = definition.strip()
        if body.startswith("("):  # "(Quarterly Business Review) A meeting…"
            inner, _, rest = body[1:].partition(")")
            if spells(name, inner):
                return name, inner.strip(), rest.strip()
        m = _OPENING.match(body)
        if m and spells(name, m.group("exp")):
            return name, m.group("exp").strip(), m.group("rest").strip()
    return None


def _take_links(definition: str) -> tuple[str, list[dict[str, str]]]:
    """The definition with its links' addresses taken out, and those links."""
    links: list[dict[str, str]] = []

    def markdown(m: re.Match[str]) -> str:
        links.append({"title": m.group("title").strip(), "url": m.group("url")})
        return m.group("title")

    def bare(m: re.Match[str]) -> str:
        url = m.group("url")
        links.append({"title": url.split("://", 1)[1], "url": url})
        return ""

    text = _MARKDOWN_LINK.sub(markdown, definition)
    text = _BARE_URL.sub(bare, text)
    if not links:
        return definition, links
    text = _EMPTY_SEE.sub("", text)
    text = re.sub(r"\s+([.,;:])", r"\1", " ".join(text.split()))
    text = re.sub(r"[,;:]+(\.?)$", r"\1", text)  # "What we deliver, see <url>." lost its tail
    return text.strip(), links


def _words(expansion: str) -> list[str]:
    return [w for w in re.split(r"[\s\-/]+", expansion.lower()) if w]


def meanings_differ(one: str, other: str) -> bool:
    """True when two expansions of one acronym say different things (hyphens, case aside)."""
    return _words(one) != _words(other)


def telling_word(expansion: str, other: str) -> str:
    """The word of ``expansion`` that tells it apart from ``other``: a proposed ``context``."""
    theirs = set(_words(other))
    mine = [w for w in _words(expansion) if w not in theirs and w not in _SMALL_WORDS]
    return mine[0] if mine else _words(expansion)[0]
