"""How a term's wording sits in a sentence, so ``--fix`` writes grammatical prose.

A replacement takes the shape of the words it replaces: plural and possessive
kept, the article kept (and "a"/"an" changed when the new wording starts with
another sound), and the case the sentence asks for. A proper name keeps its case
everywhere; a common noun is lower case mid-sentence and capitalised at the
start of one. Which a name is comes from the term's ``proper_name``, or is
inferred from how the name is written (``keeps_case``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .matcher import Hit
from .words import WORD_RE, fold, split_suffix

__all__ = ["Rewording", "article_for", "cased", "keeps_case", "reword", "starts_sentence"]

ARTICLES = ("a", "an", "the")
# Letters whose spoken name starts with a vowel sound: "an SDR", "an MQL", "a QBR".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_VOWEL_AS_Y_OR_W = ("uni", "use", "usu", "uti", "ubi", "eu", "one", "once")
# The article right before a wording, and the space between them.
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’&-])(an?)(\s+)$", re.IGNORECASE)
# How far back an article or a sentence end is looked for: a block may be long.
_LOOK_BACK = 40
# Text that ends a sentence: a full stop, question or exclamation mark, maybe closing quotes.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# A word with one capital, its first letter: lowered in a common noun ("HubSpot" is kept).
_PLAIN_CAPITAL = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ']*(?!\w)")


@dataclass(frozen=True, slots=True)
class Rewording:
    """The replacement for prose ``[start, end)``: the wording, maybe with its article."""

    start: int
    end: int
    text: str


def keeps_case(name: str, proper_name: bool | None = None) -> bool:
    """True when ``name`` is written the same anywhere in a sentence (a proper name).

    ``proper_name`` decides when set; otherwise a name in Title Case ("Economic
    Buyer") keeps its case and one in sentence case ("Economic buyer") does not.
    All-caps and inner capitals ("MEDDPICC", "HubSpot") are kept in either case.
    """
    if proper_name is not None:
        return proper_name
    return any(word[:1].isupper() for word in WORD_RE.findall(name.replace("-", " "))[1:])


def cased(wording: str, *, proper: bool, sentence_start: bool) -> str:
    """``wording`` as a sentence needs it: a common noun lower case unless it opens one."""
    if not proper:
        wording = _PLAIN_CAPITAL.sub(lambda m: m.group().lower(), wording)
    if sentence_start and wording[:1].islower() and not proper:
        wording = wording[0].upper() + wording[1:]
    return wording


def article_for(wording: str) -> str:
    """``"an"`` when ``wording`` starts with a vowel sound, else ``"a"``."""
    first = next(iter(WORD_RE.findall(wording)), "")
    if len(first) > 1 and first.isupper():  # spoken letter by letter
        return "an" if first[0] in _VOWEL_LETTERS else "a"
    low = first.lower()
    if low.startswith(_SILENT_H):
        return "an"
    if low.startswith(_VOWEL_AS_Y_OR_W):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def starts_sentence(before: str) -> bool:
    """True when prose ``before`` a word ends a sentence (or is empty: the block starts)."""
    before = before.rstrip()
    return not before or _SENTENCE_END.search(before) is not None


def reword(text: str, hit: Hit, wording: str, proper_name: bool | None = None) -> Rewording:
    """The grammatical replacement of ``hit`` (found in prose ``text``) by ``wording``."""
    proper = keeps_case(wording, proper_name)
    new = _inflected(hit, wording)
    first = hit.words[0]
    if fold(first) in ARTICLES and len(hit.words) > 1 and \
            fold(next(iter(WORD_RE.findall(wording)), "")) not in ARTICLES:
        # The replaced wording brought its own article ("the decision maker"): keep it.
        article = first if fold(first) == "the" else _matched(first, article_for(new))
        gap = text[hit.start + len(first):hit.end]
        gap = gap[:len(gap) - len(gap.lstrip())]
        return Rewording(hit.start, hit.end,
                         article + gap + cased(new, proper=proper, sentence_start=False))
    before = _ARTICLE_BEFORE.search(text, max(0, hit.start - _LOOK_BACK), hit.start)
    if before is not None:
        written = before.group(1)
        found = text[hit.start:hit.end]
        wanted = article_for(cased(new, proper=proper, sentence_start=False))
        new = cased(new, proper=proper, sentence_start=False)
        if fold(written) == article_for(found) != wanted:  # the change of wording changes it
            return Rewording(before.start(), hit.end,
                             _matched(written, wanted) + before.group(2) + new)
        return Rewording(hit.start, hit.end, new)
    window = text[max(0, hit.start - _LOOK_BACK):hit.start]
    start = starts_sentence(window if window.strip() else text[:hit.start])
    return Rewording(hit.start, hit.end, cased(new, proper=proper, sentence_start=start))


def _matched(written: str, article: str) -> str:
    """``article`` in the case of the article it replaces ("A" → "An")."""
    if written.isupper() and len(written) > 1:
        return article.upper()
    return article.capitalize() if written[:1].isupper() else article


def _inflected(hit: Hit, wording: str) -> str:
    """``wording`` plural and possessive when the words it replaces are."""
    last, possessive = split_suffix(hit.words[-1])
    if not possessive and last[-1:] in ("'", "’"):
        last, possessive = last[:-1], last[-1]
    if fold(last) != hit.entry.folded[-1]:
        wording = _plural(wording)
    if possessive:
        wording += possessive if possessive in ("'", "’") else possessive[0] + "s"
    return wording


def _plural(wording: str) -> str:
    if wording.endswith("y") and wording[-2:-1].lower() not in tuple("aeiou"):
        return wording[:-1] + "ies"
    if wording.endswith(("s", "x", "z", "ch", "sh")):
        return wording + "es"
    return wording + "s"
