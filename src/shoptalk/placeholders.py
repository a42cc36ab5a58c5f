"""The texts ``shoptalk new`` writes where a person must still say something.

One list for both sides: the scaffold writes them, and the ``placeholder-text`` rule
refuses them until they are replaced, so a record cannot be merged half-written.
"""

from __future__ import annotations

__all__ = ["PLACEHOLDER", "is_placeholder"]

PLACEHOLDER = {
    "definition": "Say in one or two plain sentences what this means here.",
    "purpose": "Say in a sentence why this stage exists.",
    "exit": "Write a statement anyone can verify when a deal leaves this stage.",
    "description": "Say in a sentence what this role does for the customer.",
}

_TEXTS = frozenset(" ".join(text.casefold().split()) for text in PLACEHOLDER.values())


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is still one of the scaffold's placeholders (spacing and case aside)."""
    return " ".join(text.casefold().split()) in _TEXTS
