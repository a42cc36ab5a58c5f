"""Wording that looks alike: Unicode confusable skeletons (UTS #39) and scripts.

``Chаmpion`` with a Cyrillic ``а`` reads as ``Champion`` but is another string,
so a term could shadow another or slip past the checker. The data is Unicode's
own (confusables.txt and Scripts.txt) as shipped by the confusable_homoglyphs
package; only its data files are read, as UTF-8, whatever the locale.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from functools import cache
from importlib import resources
from typing import Any

_DATA = "confusable_homoglyphs"
_LRM = "\u200e"  # the data wraps right-to-left characters in marks; they are not part of them
# Scripts written together in one word by their own languages (Japanese, Korean).
_TOGETHER = frozenset(("HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"))
_NEUTRAL = frozenset(("COMMON", "INHERITED", "Unknown"))
_WORD = re.compile(r"\w+")


def _load(name: str) -> Any:
    return json.loads(resources.files(_DATA).joinpath(name).read_text(encoding="utf-8"))


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character's prototype (what its skeleton writes for it).

    The package stores confusables.txt both ways round (source to prototype and
    back). A source has exactly one entry; a prototype lists its sources. Where
    one character and one other name only each other, which is the source is
    lost, so both map to the smaller: skeletons still compare equal.
    """
    raw: dict[str, list[dict[str, str]]] = _load("confusables.json")
    links = {
        key.replace(_LRM, ""): [e["c"].replace(_LRM, "") for e in entries]
        for key, entries in raw.items()
    }
    prototypes: dict[str, str] = {}
    for char, targets in links.items():
        if len(char) != 1 or len(targets) != 1:
            continue  # a prototype: it stands for itself
        target = targets[0]
        if len(target) > 1 or len(links.get(target, ())) > 1:
            prototypes[char] = target
        else:
            prototypes[char] = min(char, target)
    return prototypes


@cache
def _scripts() -> tuple[list[int], list[tuple[int, str]]]:
    data = _load("categories.json")
    names: list[str] = data["iso_15924_aliases"]
    ranges = sorted(data["code_points_ranges"])
    return [r[0] for r in ranges], [(r[1], names[r[2]]) for r in ranges]


def script(char: str) -> str:
    """The Unicode script of ``char`` as an upper-case name: LATIN, CYRILLIC, COMMON…"""
    starts, rest = _scripts()
    index = bisect_right(starts, ord(char)) - 1
    if index >= 0 and ord(char) <= rest[index][0]:
        return rest[index][1]
    return "Unknown"


def script_name(char: str) -> str:
    """The script of ``char`` as people write it: 'Cyrillic', 'Old Italic'."""
    return script(char).replace("_", " ").title()


def skeleton(text: str) -> str:
    """UTS #39 skeleton: two strings that look the same have the same skeleton."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(
        prototypes.get(c, c) for c in decomposed if unicodedata.category(c) != "Cf"
    )
    return unicodedata.normalize("NFD", mapped)


def foreign(text: str) -> list[str]:
    """The characters of ``text`` that are neither Latin nor shared punctuation and digits,
    or are invisible; in order, each once."""
    return list(dict.fromkeys(
        c for c in text
        if unicodedata.category(c) == "Cf" or script(c) not in _NEUTRAL | {"LATIN"}
    ))


def mixed_words(text: str) -> list[tuple[str, set[str]]]:
    """The words of ``text`` whose letters come from more than one script, with those scripts."""
    mixed = []
    for word in _WORD.findall(text):
        scripts = {script(c) for c in word} - _NEUTRAL
        if len(scripts) > 1 and not scripts <= _TOGETHER:
            mixed.append((word, scripts))
    return mixed


__all__ = ["foreign", "mixed_words", "script", "script_name", "skeleton"]
