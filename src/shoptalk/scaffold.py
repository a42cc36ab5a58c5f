"""New glossary records from one command: a valid file with a comment per field.

The id is derived once, from the name, and never again: renaming a term later
changes its ``name`` but keeps its file, its URL and every reference to it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .language import ROLE_WORDS, Form, Wordings, forms_of, new_forms, same_concept
from .model import Glossary
from .placeholders import PLACEHOLDER
from .problems import ShoptalkError
from .schema import ID_PATTERN
from .yaml_text import scalar

KIND_FOLDERS = {"term": "terms", "stage": "stages", "role": "roles"}
TEAMS = ("primary", "support", "extended")

# Letters NFKD does not decompose into ASCII but readers expect spelled out.
_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe",
                          "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th"})


def slugify(name: str) -> str:
    """``"Qualité d'Été"`` → ``"qualite-d-ete"``: ASCII kebab-case, accents transliterated."""
    ascii_text = unicodedata.normalize("NFKD", name.translate(_SPELLED)).encode(
        "ascii", "ignore").decode("ascii")
    words: list[str] = []
    current = ""
    for char in ascii_text.lower():
        if char.isalnum():
            current += char
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return "-".join(words)


@dataclass(frozen=True)
class Draft:
    """A record about to be written: where, and the text of its file."""

    kind: str
    id: str
    path: Path
    text: str


def _record_id(glossary: Glossary, kind: str, name: str, given: str | None) -> str:
    record_id = given or slugify(name)
    if not record_id:
        raise ShoptalkError(f"cannot make an id from {name!r}; pass one with --id, "
                            "e.g. --id my-term")
    if not ID_PATTERN.match(record_id):
        raise ShoptalkError(f"'{record_id}' is not a valid id; use lowercase letters, digits "
                            "and single hyphens, e.g. 'economic-buyer'")
    path = glossary.root / KIND_FOLDERS[kind] / f"{record_id}.yml"
    existing = {"term": glossary.terms, "stage": glossary.stages, "role": glossary.roles}[kind]
    if record_id in existing or path.exists() or path.with_suffix(".yaml").exists():
        raise ShoptalkError(f"{kind} '{record_id}' already exists ({path.name}); choose "
                            "another name or pass a different --id")
    return record_id


def term_wordings(glossary: Glossary) -> Wordings:
    """Every wording the glossary's terms already use."""
    return Wordings(f for term in glossary.terms.values() for f in forms_of(term))


def term_clash(glossary: Glossary, forms: list[Form], taken: Wordings | None = None) -> str | None:
    """Why the wordings of a new term collide with an existing term, if they do.

    The clash rule is the validator's (``shoptalk.language.Wordings``): two terms may
    share an abbreviation only when both say their context (homonyms such as PQL).
    ``taken`` is ``term_wordings(glossary)``, when the caller asks many times.
    """
    if taken is None:
        taken = term_wordings(glossary)
    for form in forms:
        other = taken.clash(form)
        if other is not None:
            source = glossary.terms[other.record_id].source
            return (f"{ROLE_WORDS[form.role]} '{form.text}' is already the "
                    f"{ROLE_WORDS[other.role]} of term '{other.record_id}' ({source.shown})")
    return None


def _choose(what: str, given: str | None, choices: list[str], flag: str) -> str:
    if given:
        if choices and given not in choices and not given.startswith("@"):
            raise ShoptalkError(f"{what} '{given}' is not known; choose one of: "
                                f"{', '.join(choices)}")
        return given
    if len(choices) == 1:
        return choices[0]
    listed = ", ".join(choices) if choices else "none yet; add one to the glossary first"
    raise ShoptalkError(f"say which {what} with {flag} (one of: {listed})")


def term_defaults(glossary: Glossary, owners: list[str], category: str | None,
                  owner: str | None) -> tuple[str, str]:
    """The category and owner new terms get: as given, or the only choice; else ShoptalkError."""
    return (_choose("category", category, list(glossary.categories), "--category"),
            _choose("owner", owner, owners, "--owner"))


def _examples(examples: Sequence[str]) -> str:
    if not examples:
        return "examples: []\n"
    return "examples:\n" + "".join(f"  - {scalar(e)}\n" for e in examples)


def _modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n"


def new_term(glossary: Glossary, owners: list[str], name: str, *, abbreviation: str | None = None,
             category: str | None = None, owner: str | None = None, definition: str | None = None,
             record_id: str | None = None, today: dt.date | None = None,
             examples: Sequence[str] = ()) -> Draft:
    """A draft term file; ShoptalkError naming the term it would collide with."""
    name = name.strip()
    if not name:
        raise ShoptalkError("the name must not be empty")
    if abbreviation is not None and (not abbreviation or any(c.isspace() for c in abbreviation)):
        raise ShoptalkError("an abbreviation is one word without spaces, e.g. ICP")
    term_id = _record_id(glossary, "term", name, record_id)
    clash = term_clash(glossary, new_forms(term_id, name, abbreviation=abbreviation))
    if clash:
        raise ShoptalkError(f"{clash}; pick another wording or edit that term instead")
    category = _choose("category", category, list(glossary.categories), "--category")
    owner = _choose("owner", owner, owners, "--owner")
    cats = ", ".join(glossary.categories) or "see categories.yml"
    abbr = f"abbreviation: {scalar(abbreviation)}" if abbreviation else "# abbreviation: ICP"
    text = (
        _modeline("term")
        + "# The preferred wording, exactly as it should be written.\n"
        + f"name: {scalar(name)}\n"
        + "# The short form, matched case-sensitively; remove the line if there is none.\n"
        + f"{abbr}\n"
        + "# Other accepted wordings, e.g. [ideal client profile].\n"
        + "aliases: []\n"
        + "# One or two plain sentences: what it is, in other words than the name.\n"
        + f"definition: {scalar(definition or PLACEHOLDER['definition'])}\n"
        + "# Sentences that use the term the way we mean it.\n"
        + _examples(examples)
        + f"# One of the categories in categories.yml: {cats}.\n"
        + f"category: {scalar(category)}\n"
        + "# Ids of related terms (the link back is added for you).\n"
        + "related: []\n"
        + "# The role or team that keeps this term current.\n"
        + f"owner: {scalar(owner)}\n"
        + "# draft until the owner has reviewed it, then approved.\n"
        + "status: draft\n"
        + "# The day it was last reviewed (YYYY-MM-DD); it is due again after review_every days.\n"
        + f"reviewed: {(today or dt.date.today()).isoformat()}\n"
    )
    return Draft("term", term_id, glossary.root / "terms" / f"{term_id}.yml", text)


def new_stage(glossary: Glossary, name: str, *, owner: str | None = None,
              record_id: str | None = None, today: dt.date | None = None) -> Draft:
    """A draft stage file placed after the last stage of the pipeline."""
    name = name.strip()
    stage_id = _record_id(glossary, "stage", name, record_id)
    taken = Wordings(f for s in glossary.stages.values() for f in forms_of(s))
    other = taken.clash(Form(stage_id, "name", name, "name"))
    if other is not None:
        raise ShoptalkError(f"name '{name}' is already the name of stage '{other.record_id}' "
                            f"({glossary.stages[other.record_id].source.shown})")
    owner = _choose("owner", owner, list(glossary.roles), "--owner")
    order = max((s.order for s in glossary.stages.values()), default=0) + 1
    text = (
        _modeline("stage")
        + "# The stage's name as the team says it.\n"
        + f"name: {scalar(name)}\n"
        + "# Its place in the pipeline: 1, 2, 3… with no gaps.\n"
        + f"order: {order}\n"
        + "# Why the stage exists.\n"
        + f"purpose: {scalar(PLACEHOLDER['purpose'])}\n"
        + "# The role that owns deals in this stage.\n"
        + f"owner: {scalar(owner)}\n"
        + "# Verifiable statements that are true when a deal enters the stage.\n"
        + "entry_criteria: []\n"
        + "# Verifiable statements that are true when it leaves (at least one; three is better).\n"
        + f"exit_criteria:\n  - {scalar(PLACEHOLDER['exit'])}\n"
        + "# What must be captured here: {item, why, needed_by: [roles]}.\n"
        + "required_information: []\n"
        + "# What gets dropped here and what it costs later: {miss, consequence}.\n"
        + "common_misses: []\n"
        + "# The day it was last reviewed (YYYY-MM-DD).\n"
        + f"reviewed: {(today or dt.date.today()).isoformat()}\n"
    )
    return Draft("stage", stage_id, glossary.root / "stages" / f"{stage_id}.yml", text)


def new_role(glossary: Glossary, name: str, *, abbreviation: str | None = None,
             team: str | None = None, record_id: str | None = None,
             today: dt.date | None = None) -> Draft:
    """A draft role file."""
    name = name.strip()
    role_id = _record_id(glossary, "role", name, record_id)
    taken = Wordings(f for r in glossary.roles.values() for f in forms_of(r))
    for form in new_forms(role_id, name, abbreviation=abbreviation):
        other = taken.clash(form)
        if other is not None:
            role = glossary.roles[other.record_id]
            raise ShoptalkError(f"role '{role.id}' ({role.source.shown}) already uses that "
                                "name or abbreviation")
    team = team or "primary"
    if team not in TEAMS:
        raise ShoptalkError(f"team '{team}' is not one of: {', '.join(TEAMS)}")
    abbr = f"abbreviation: {scalar(abbreviation)}" if abbreviation else "# abbreviation: AE"
    # A term for the same thing defines the role (rule role-term): name it, write no second text.
    same = same_concept(glossary.terms.values(), name, abbreviation)
    term = same[0][1].id if same else None
    defined = ("# The term that is this role: the role page shows its definition.\n"
               f"term: {term}\n") if term else (
        "# What this role does for the customer.\n"
        f"description: {scalar(PLACEHOLDER['description'])}\n")
    text = (
        _modeline("role")
        + "# The role's name as the team says it.\n"
        + f"name: {scalar(name)}\n"
        + "# The short form, if the team uses one.\n"
        + f"{abbr}\n"
        + f"# primary, support or extended team.\nteam: {team}\n"
        + defined
        + "# What it is responsible for, one line each.\n"
        + "responsibilities: []\n"
        + "# The day it was last reviewed (YYYY-MM-DD).\n"
        + f"reviewed: {(today or dt.date.today()).isoformat()}\n"
    )
    return Draft("role", role_id, glossary.root / "roles" / f"{role_id}.yml", text)


__all__ = [
    "KIND_FOLDERS", "TEAMS", "Draft", "new_role", "new_stage", "new_term", "slugify", "term_clash",
    "term_wordings"
]
