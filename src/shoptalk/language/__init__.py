"""The language core: what a word of the selling language means, asked by every consumer.

- ``fold`` / ``normalize`` / ``looks`` / ``closed``: what counts as the same wording (to the
  eye, too; hyphen, space and closed spellings of a compound are one wording);
- ``forms_of`` / ``Wordings``: each record's wordings with their roles, and the clash
  rule (homonyms may share an abbreviation when each says its context);
- ``Language``: one resolver for term, stage, role and framework names (the case
  policy is in ``shoptalk.language.names``);
- ``review_state``: when a record is due for review, in the words every consumer shows.

It sits just above the model and imports nothing from the site, the checker or mkdocs.
"""

from __future__ import annotations

from .forms import (
    ROLE_WORDS,
    Form,
    FormRole,
    Wordings,
    forms_of,
    homonyms,
    new_forms,
    same_concept,
    variants,
)
from .names import Answer, Kind, Language, Names
from .review import Review, review_state
from .wording import COMPOUND_JOINERS, closed, fold, looks, normalize

__all__ = [
    "COMPOUND_JOINERS", "ROLE_WORDS", "Answer", "Form", "FormRole", "Kind", "Language", "Names",
    "Review", "Wordings", "closed", "fold", "forms_of", "homonyms", "looks", "new_forms",
    "normalize", "review_state", "same_concept", "variants",
]
