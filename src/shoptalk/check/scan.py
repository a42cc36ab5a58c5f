"""Scanning one page: prose → matches → problems and mentions.

``scan_page`` is the whole pipeline for one text; ``scan_text`` is its public face.
Offsets are into the page's normalised source; problems and mentions carry
1-based line:column positions that hold for the original file too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..config import Config
from ..model import Term
from ..page_template import page_problems
from ..problems import Problem, Severity
from ..rule_registry import default_levels
from .acronyms import acronym_base, defines, is_stopword, shouted
from .grammar import Rewording, reword
from .index import Entry, TermIndex
from .knowledge import Knowledge
from .matcher import Hit, match
from .mentions import PageSenses, context_choices, inline_senses
from .pagewide import knowledge_for, near_miss, one_per_page
from .prose import Block, Page, read_page
from .refs import Reference, references
from .suppress import PageSettings, ignores, read_settings, suppressed
from .unsafe_html import unsafe_html

DEFAULT_LEVELS: dict[str, Severity] = default_levels("checker")


@dataclass(frozen=True, slots=True)
class Mention:
    """A use of a term in a page: in prose (name, alias, abbreviation) or a term("…") macro.

    ``end_col`` is exclusive; for a phrase broken across lines it is the end of the
    first line, and ``text`` is the exact source text (line break included).
    """

    term_id: str
    path: str
    line: int
    col: int
    end_col: int
    text: str


@dataclass
class FileScan:
    """Everything the checker found in one file."""

    path: str
    problems: list[Problem]
    mentions: list[Mention]


@dataclass(frozen=True, slots=True)
class Edit:
    """A safe replacement of source[start:end] (normalised offsets)."""

    start: int
    end: int
    text: str


@dataclass
class _State:
    page: Page
    display: str
    index: TermIndex
    config: Config
    settings: PageSettings
    # Each with its subject (for suppression) and, for page-level rules, its group.
    problems: list[tuple[Problem, str, str | None]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    edits: dict[tuple[int, int], Edit] = field(default_factory=dict)
    chosen: set[str] = field(default_factory=set)  # term ids a page picked by reference
    senses: PageSenses = field(default_factory=lambda: PageSenses({}, frozenset()))

    def add(self, rule: str, start: int, end: int, message: str, subject: str,
            replacement: str | None = None, group: str | None = None) -> Problem:
        """Record a problem; problems of one ``group`` become one finding per page."""
        line, col = self.page.position(start)
        end_line, end_col = self.page.position(end)
        problem = Problem(self.display, line, col, DEFAULT_LEVELS[rule], message, rule,
                          end_col if end_line == line and end > start else None, replacement)
        self.problems.append((problem, subject, group))
        return problem

    def mention(self, term_id: str, start: int, end: int) -> None:
        line, col = self.page.position(start)
        end_line, end_col = self.page.position(end)
        if end_line != line:
            end_col = self.page.line_starts[line] - self.page.line_starts[line - 1]
        self.mentions.append(Mention(term_id, self.display, line, col, end_col,
                                     self.page.source[start:end]))


def scan_text(text: str, display: str, index: TermIndex, config: Config, *,
              strict: bool = False, all_occurrences: bool = False) -> FileScan:
    """Check one page's Markdown; ``display`` is the path shown in problems and mentions.

    An undefined or ambiguous acronym is one finding per page (its first use, with the
    count and the other lines) unless ``all_occurrences`` asks for one per use.
    """
    return scan_page(text, display, index, config, strict=strict,
                     all_occurrences=all_occurrences)[0]


def scan_page(text: str, display: str, index: TermIndex, config: Config, *,
              strict: bool = False, all_occurrences: bool = False
              ) -> tuple[FileScan, list[Edit]]:
    """``scan_text`` plus the safe edits ``--fix`` may apply."""
    page = read_page(text)
    state = _State(page, display, index, config, read_settings(page.front_matter))
    if state.settings.error:
        state.add("front-matter", 0, 3, state.settings.error, "")
    _check_template(state)
    for found in unsafe_html(page):
        state.add("unsafe-html", found.start, found.end, found.message, "")
    _check_references(state, references(page.macros))
    undefined: list[tuple[str, int, int]] = []
    defined: dict[str, tuple[int, int]] = {}
    knowledge = knowledge_for(config)
    matched = [(block, *match(block.text, index)) for block in page.blocks]
    state.chosen.update(inline_senses((block, hits) for block, hits, _, _ in matched))
    state.senses = PageSenses(state.settings.context, frozenset(state.chosen))
    for block, hits, free, words in matched:
        for hit in hits:
            _report_hit(state, block, hit)
        for i in free:
            word = words[i]
            base = acronym_base(word[2])  # caps-led: candidates only
            if base is None or base in index.known_acronyms:
                continue
            start, end = _span(block, word[0], word[1])
            if page.source[start:end] != word[2]:
                # Markup inside the word (``ICP**ICP**``): judge each piece as written,
                # so every reported span holds exactly the acronym it names.
                undefined.extend(_written_pieces(page.source, start, end, index, knowledge))
                continue
            if defines(words, i, block.text):
                # Stop words too: "Order Form (OF)" defines OF like any other acronym.
                if start < defined.get(base, (start + 1,))[0]:
                    defined[base] = (start, end)
            elif not (is_stopword(base) or knowledge.explains(base)
                      or shouted(words, i, block.text)):
                undefined.append((base, start, end))
    _report_acronyms(state, undefined, defined, strict=strict)
    return _finish(state, all_occurrences=all_occurrences)


_PIECE = re.compile(r"[^\W_][\w&'’]*")


def _written_pieces(source: str, start: int, end: int, index: TermIndex,
                    knowledge: Knowledge) -> list[tuple[str, int, int]]:
    """Undefined acronyms among the pieces of ``source[start:end]`` split at markup."""
    found = []
    for m in _PIECE.finditer(source, start, end):
        base = acronym_base(m.group())
        if base is not None and base not in index.known_acronyms and not is_stopword(base) \
                and not knowledge.explains(base):
            found.append((base, m.start(), m.end()))
    return found


def _span(block: Block, start: int, end: int) -> tuple[int, int]:
    return block.source_offset(start), block.source_offset(end - 1) + 1


def _check_references(state: _State, refs: list[Reference]) -> None:
    """Resolve every macro argument as the site's macros do: what stops the build is an error."""
    for ref in refs:
        start, end = ref.offset, ref.offset + len(ref.value)
        answer = state.index.language.resolve(ref.kind, ref.value)
        if answer.record is None:
            state.add("unknown-reference", start, end, f"{ref.call} {answer.reason}", ref.value)
        elif ref.kind == "term":
            state.chosen.add(answer.record.id)
            state.mention(answer.record.id, start, end)
    # A page that picks one meaning of a shared abbreviation by reference keeps it.
    state.chosen.update(context_choices(state.settings, state.index))


def _check_template(state: _State) -> None:
    """Template code the site build would refuse (see shoptalk.page_template)."""
    starts = state.page.line_starts
    for p in page_problems(state.page.source):
        start = starts[p.line - 1] + p.col - 1
        end = start + (p.end_col - p.col if p.end_col is not None else 0)
        state.add("template-code", start, end, p.message, "")


def _report_hit(state: _State, block: Block, hit: Hit) -> None:
    entry = hit.entry
    if entry.kind == "known":
        return  # another record's name ("discovery questions framework"): no term's mention
    start, end = _span(block, hit.start, hit.end)
    found = " ".join(block.text[hit.start:hit.end].split())
    if entry.kind == "avoid":
        term = state.index.term(entry.term_ids[0])
        new = reword(block.text, hit, term.name, term.proper_name)
        start, found = _span(block, new.start, new.end)[0], _found(block, new.start, new.end)
        state.add("avoided-wording", start, end, f"say '{new.text}', not '{found}' "
                  f"(see {_where(state, term)})", found, new.text)
        _offer_edit(state, block, new, start, end)
        return
    term_id = _resolve(state, entry, start, end, found)
    if term_id is None:
        return
    term = state.index.term(term_id)
    state.mention(term.id, start, end)
    if not term.deprecated:
        return
    target = state.index.glossary.terms.get(term.replaced_by or "")
    if target is None:
        state.add("deprecated-term", start, end, f"'{term.name}' is deprecated "
                  f"(see {_where(state, term)})", found)
        return
    wording = target.abbreviation if entry.kind == "abbreviation" and target.abbreviation \
        else target.name
    new = reword(block.text, hit, wording, target.proper_name)
    start, found = _span(block, new.start, new.end)[0], _found(block, new.start, new.end)
    state.add("deprecated-term", start, end, f"'{found}' is deprecated; say '{new.text}' "
              f"(see {_where(state, target)})", found, new.text)
    _offer_edit(state, block, new, start, end)


def _resolve(state: _State, entry: Entry, start: int, end: int, found: str) -> str | None:
    """The term a wording means here; a shared abbreviation needs the page's context."""
    term_id = state.senses.of(entry, state.index)
    if term_id is not None:
        return term_id
    terms = [state.index.term(t) for t in entry.term_ids]
    options = " or ".join(f"'{t.name}'" + (f" ({t.context})" if t.context else "")
                          for t in terms)
    state.add("ambiguous-abbreviation", start, end, f"'{entry.wording}' is ambiguous here: "
              f"{options}; choose one in front matter (shoptalk-context: {{{entry.wording}: "
              f"{terms[0].id}}}), spell it out once (\"{terms[0].name} ({entry.wording})\") or "
              f"reference it once with {{{{ term(\"{terms[0].id}\") }}}}",
              found, group=entry.wording)
    return None


def _where(state: _State, term: Term) -> str:
    return state.index.shown(term.source.path)


def _found(block: Block, start: int, end: int) -> str:
    return " ".join(block.text[start:end].split())


def _offer_edit(state: _State, block: Block, new: Rewording, start: int, end: int) -> None:
    # Safe only when the source span is the prose itself, give or take line breaks:
    # never rewrite across emphasis, escapes or other markup.
    if state.page.source[start:end].split() == block.text[new.start:new.end].split():
        state.edits[(start, end)] = Edit(start, end, new.text)


def _report_acronyms(state: _State, undefined: list[tuple[str, int, int]],
                     defined: dict[str, tuple[int, int]], *, strict: bool) -> None:
    terms_dir = state.index.shown(state.config.glossary / "terms")
    advice = f"define it in {terms_dir}/ or add it to allow_acronyms in shoptalk.yml"
    for base, start, end in undefined:
        where = defined.get(base)
        if where is not None and start >= where[0]:
            continue  # an inline definition covers the page from that point on
        if where is not None:
            line = state.page.position(where[0])[0]
            state.add("undefined-acronym", start, end, f"'{base}' is used before its "
                      f"definition on line {line}; spell it out at its first use, or {advice}",
                      base, group=base)
            continue
        close = near_miss(state.index, base)
        if close is None:
            state.add("undefined-acronym", start, end, f"'{base}' is not a defined term or "
                      f"allowed acronym; {advice}", base, group=base)
            continue
        wanted, meaning = close
        suffix = state.page.source[start + len(base):end]
        state.add("undefined-acronym", start, end, f"'{base}' is not a defined term or "
                  f"allowed acronym; did you mean {wanted} ({meaning})? If not, {advice}",
                  base, wanted + suffix, group=base)
    if strict:
        for base, (start, end) in defined.items():
            state.add("inline-defined-acronym", start, end, f"'{base}' is defined only on this "
                      f"page; define it in {terms_dir}/ so every page shares it", base)


def _finish(state: _State, *, all_occurrences: bool = False) -> tuple[FileScan, list[Edit]]:
    comments = ignores(state.page.comments)
    kept: list[tuple[Problem, str | None]] = []
    dropped: set[tuple[int, int]] = set()
    for problem, subject, group in state.problems:
        adjusted = state.config.adjust(problem)
        if adjusted is None or suppressed(problem.line, problem.rule, subject, state.settings,
                                          comments):
            dropped.add((problem.line, problem.col))
            continue
        kept.append((adjusted, None if all_occurrences else group))
    edits = [e for e in state.edits.values() if state.page.position(e.start) not in dropped]
    mentions = sorted(state.mentions, key=lambda m: (m.line, m.col))
    scan = FileScan(state.display, one_per_page(kept), mentions)
    return scan, sorted(edits, key=lambda e: e.start)


__all__ = ["DEFAULT_LEVELS", "Edit", "FileScan", "Mention", "scan_page", "scan_text"]
