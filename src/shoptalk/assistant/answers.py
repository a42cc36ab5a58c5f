"""What an assistant asks about the selling language, answered as plain Markdown.

Each answer resolves names through the language core (``shoptalk.language``), the same
resolver the site's macros and the checker use, and shows records through
``shoptalk.assistant.text``, the same blocks ``llms-full.txt`` holds. A question that
cannot be answered raises ``AnswerError`` with what to ask instead (a did-you-mean from
the resolver); nothing here writes a file.
"""

from __future__ import annotations

import difflib

from ..check import scan_text
from ..language import Kind, fold, forms_of
from ..model import Framework, RequiredInfo, Role, Stage, Term
from ..render.safe import hover_text
from .library import Snapshot
from .text import framework_block, line, role_block, role_names, stage_block, term_block

__all__ = ["KINDS", "MAX_NAME_CHARS", "MAX_TEXT_BYTES", "SEARCH_LIMIT", "AnswerError",
           "check_text", "define", "read_record", "search", "stage", "who_needs"]

# A name or a query is a few words; anything longer is a mistake, not a question.
MAX_NAME_CHARS = 200
# A playbook is tens of kilobytes. 1 MB keeps one check to seconds on a quiet machine (25 s
# with the 2 cores fourteen times oversubscribed); a bigger paste is refused, not queued.
MAX_TEXT_BYTES = 1_000_000
SEARCH_LIMIT = 20
SNIPPET = "snippet.md"  # the name findings of check_text carry


class AnswerError(ValueError):
    """A question the language cannot answer as asked; the message says what to ask."""


def _name(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise AnswerError(f"{what} must be text")
    text = value.strip()
    if not text:
        raise AnswerError(f"{what} is empty; give a name, an abbreviation or an alias")
    if len(text) > MAX_NAME_CHARS:
        raise AnswerError(f"{what} is {len(text)} characters long; names are at most "
                          f"{MAX_NAME_CHARS}")
    return text


def _term(snap: Snapshot, term: Term, level: int = 2) -> list[str]:
    return term_block(snap.glossary, term, snap.site.related_of(term.id), snap.url_of,
                      level=level)


def _avoided(snap: Snapshot, text: str) -> list[tuple[Term, str, str]]:
    """The terms that list ``text`` as avoided wording: (term, wording, why)."""
    key = fold(text)
    found = []
    for term in snap.glossary.terms.values():
        for form in forms_of(term):
            if form.role == "avoid" and form.folded == key:
                why = next((a.why for a in term.avoid if fold(a.text) == key), "")
                found.append((term, form.text, why))
    return found


def define(snap: Snapshot, term: object) -> str:
    """What a wording means here: every sense of it, or the term to say instead of it."""
    text = _name(term, "term")
    answer = snap.language.terms.resolve(text)
    if answer.found:
        lines: list[str] = []
        if answer.ambiguous:
            lines += [f"'{line(text)}' has {len(answer.found)} meanings here; each says the "
                      "context that tells it apart. Use the term id to name one.", ""]
        for found in answer.found:
            lines += [*_term(snap, found), ""]
        return "\n".join(lines).rstrip() + "\n"
    avoided = _avoided(snap, text)
    if avoided:
        lines = []
        for preferred, wording, why in avoided:
            because = f" Why: {line(why)}" if why else ""
            lines += [f"'{line(wording)}' is wording we avoid: say "
                      f"'{line(preferred.name)}' instead.{because}", "", *_term(snap, preferred),
                      ""]
        return "\n".join(lines).rstrip() + "\n"
    kinds: tuple[Kind, ...] = ("role", "stage", "framework")
    for kind in kinds:
        other = snap.language.resolve(kind, text)
        if other.record is not None:
            return read_record(snap, kind, other.record.id)
    raise AnswerError(_sentence(f"'{line(text)}' {answer.reason}")
                      + " Try the search tool for wording that is not a name.")


def _rank(key: str, words: list[str], wordings: list[str], about: str) -> int | None:
    """0: a wording is the query; 1: a wording holds every word; 2: the text does."""
    if key in wordings:
        return 0
    if any(all(w in wording for w in words) for wording in wordings):
        return 1
    return 2 if all(w in about for w in words) else None


def search(snap: Snapshot, query: object) -> str:
    """Records whose wording or text mentions ``query``: names first, then definitions."""
    text = _name(query, "query")
    key, words = fold(text), fold(text).split()
    hits: list[tuple[int, str, str, str, str]] = []  # rank, kind, id, name, note
    g = snap.glossary
    for term in g.terms.values():
        rank = _rank(key, words, [fold(f.text) for f in forms_of(term)],
                     fold(f"{term.definition} {term.context or ''}"))
        if rank is not None:
            hits.append((rank, "term", term.id, _named(term.name, term.abbreviation),
                         term.definition))
    others: list[tuple[str, Stage | Role | Framework, str]] = [
        *(("stage", s, s.purpose) for s in g.stages.values()),
        *(("role", r, r.description) for r in g.roles.values()),
        *(("framework", f, f.purpose) for f in g.frameworks.values())]
    for kind, record, about in others:
        abbreviation = getattr(record, "abbreviation", None)
        wordings = [fold(w) for w in (record.id, record.name, abbreviation) if w]
        rank = _rank(key, words, wordings, fold(about))
        if rank is not None:
            hits.append((rank, kind, record.id, _named(record.name, abbreviation), about))
    if not hits:
        suggestion = snap.language.terms.suggest(text)
        hint = f" Did you mean '{line(suggestion)}'?" if suggestion else ""
        return f"Nothing in the language mentions '{line(text)}'.{hint}\n"
    hits.sort(key=lambda h: (h[0], h[1] != "term", h[3].lower()))
    shown = hits[:SEARCH_LIMIT]
    lines = [f"{len(hits)} record{'s' * (len(hits) != 1)} mention '{line(text)}'"
             + (f"; the first {SEARCH_LIMIT}:" if len(hits) > SEARCH_LIMIT else ":"), ""]
    lines += [f"- {kind} `{record_id}`: {name}: {line(note)}"
              for _, kind, record_id, name, note in shown]
    return "\n".join(lines) + "\n"


def _sentence(text: str) -> str:
    """``text`` ending in a full stop, unless it ends in a question already."""
    return text if text.endswith(("?", ".")) else text + "."


def _one_line(message: str) -> str:
    """A checker message on one line, inert (names in it come from the YAML), with its
    Markdown marks kept: ``allow_acronyms`` is a setting's name, not emphasis."""
    return " ".join(hover_text(message).split())


def _named(name: str, abbreviation: str | None) -> str:
    return f"{line(name)} ({line(abbreviation)})" if abbreviation else line(name)


def _stage(snap: Snapshot, name: object) -> Stage:
    text = _name(name, "stage")
    answer = snap.language.stages.resolve(text)
    if answer.record is None:
        stages = ", ".join(line(s.name) for s in snap.glossary.stages_in_order())
        raise AnswerError(_sentence(f"'{line(text)}' {answer.reason}") + f" The stages: {stages}.")
    return answer.record


def stage(snap: Snapshot, name: object) -> str:
    """A stage: criteria, required information and who needs it, handoffs, common misses."""
    found = _stage(snap, name)
    return "\n".join(stage_block(snap.glossary, found, snap.url_of, level=2)) + "\n"


def who_needs(snap: Snapshot, item: object) -> str:
    """Who needs a piece of information, or everything a stage must pass on and to whom."""
    text = _name(item, "item")
    g = snap.glossary
    answer = snap.language.stages.resolve(text)
    if answer.record is not None:
        found = answer.record
        lines = [f"## Who needs what from {line(found.name)}", ""]
        lines += [f"- {line(info.item)}: needed by {role_names(g, info.needed_by)}. "
                  f"Why: {line(info.why)}" for info in found.required_information]
        lines += [f"- Handoff to {role_names(g, [h.to])}: {line(h.what)}"
                  + (f" (when: {line(h.when)})" if h.when else "") for h in found.handoffs]
        if len(lines) == 2:
            lines.append("- Nothing: the stage lists no required information or handoffs.")
        return "\n".join(lines) + "\n"
    matches = _items_about(snap, text)
    if not matches:
        every = [info.item for s in g.stages.values() for info in s.required_information]
        close = difflib.get_close_matches(text, every, n=1, cutoff=0.5)
        hint = (f"; did you mean '{line(close[0])}'?" if close
                else f"; did you mean the stage '{line(answer.suggestion)}'?"
                if answer.suggestion else "")
        raise AnswerError(_sentence(f"no stage and no required information matches "
                                    f"'{line(text)}'{hint}")
                          + " Ask with a stage name or a few words of the item.")
    lines = [f"## Who needs '{line(text)}'", ""]
    for found_stage, info in matches:
        lines.append(f"- {line(info.item)} (captured at {line(found_stage.name)}): needed by "
                     f"{role_names(g, info.needed_by) or 'nobody named'}. Why: {line(info.why)}")
    return "\n".join(lines) + "\n"


def _items_about(snap: Snapshot, text: str) -> list[tuple[Stage, RequiredInfo]]:
    """Required information whose wording holds ``text``, or that names the term it means."""
    term = snap.language.terms.resolve(text)
    term_ids = {t.id for t in term.found}
    words = fold(text).split()
    return [(s, info) for s in snap.glossary.stages_in_order()
            for info in s.required_information
            if (info.term and info.term in term_ids) or all(w in fold(info.item) for w in words)]


def check_text(snap: Snapshot, text: object, *, strict: bool = False) -> str:
    """The checker's findings on a Markdown snippet: ``line:col: severity: message [rule]``."""
    if not isinstance(text, str):
        raise AnswerError("text must be Markdown text")
    if not text.strip():
        raise AnswerError("text is empty; pass the Markdown to check")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise AnswerError(f"text is {size:,} bytes; the checker takes at most "
                          f"{MAX_TEXT_BYTES:,} bytes at a time: check it a section at a time")
    problems = scan_text(text, SNIPPET, snap.index, snap.config).problems
    shown = [p for p in sorted(problems) if strict or p.severity != "notice"]
    if not shown:
        return "No problems: the text is in the language.\n"
    lines = [f"{len(shown)} finding{'s' * (len(shown) != 1)}:", ""]
    lines += [f"{p.line}:{p.col}: {p.severity}: {_one_line(p.message)} [{p.rule}]"
              for p in shown]
    return "\n".join(lines) + "\n"


KINDS: dict[str, str] = {"terms": "term", "stages": "stage", "roles": "role",
                         "frameworks": "framework"}


def read_record(snap: Snapshot, kind: str, record_id: str) -> str:
    """One record by id (``shoptalk://terms/{id}``), as the blocks of ``llms-full.txt``."""
    g, pages = snap.glossary, snap.url_of
    if kind == "term" and record_id in g.terms:
        return "\n".join(_term(snap, g.terms[record_id])) + "\n"
    if kind == "stage" and record_id in g.stages:
        return "\n".join(stage_block(g, g.stages[record_id], pages, level=2)) + "\n"
    if kind == "role" and record_id in g.roles:
        return "\n".join(role_block(g, g.roles[record_id], pages, level=2)) + "\n"
    if kind == "framework" and record_id in g.frameworks:
        return "\n".join(framework_block(g, g.frameworks[record_id], pages, level=2)) + "\n"
    ids = list(snap.language.names(kind).records)  # type: ignore[arg-type]
    close = difflib.get_close_matches(record_id, ids, n=1, cutoff=0.6)
    hint = close[0] if close else None
    raise AnswerError(f"no {kind} has the id '{line(record_id)}'"
                      + (f"; did you mean '{line(hint)}'?" if hint else ""))
