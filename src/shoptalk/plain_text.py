"""Plain text: wording that may be copied into pages as written.

Names, abbreviations, aliases and avoided wording are inserted verbatim into
playbooks by ``check --fix``, and pages go through Jinja (mkdocs-macros) and
Markdown. So they must hold nothing either would read as markup. The JSON
Schemas refuse it with ``PLAIN_TEXT_GUARD``; ``markup_in`` is the same rule for
code that gets text some other way.
"""

from __future__ import annotations

# What opens a Jinja expression, statement or comment, and what opens or closes an HTML tag.
MARKUP: tuple[str, ...] = ("{{", "{%", "{#", "<", ">")

# The start of every plain-text field's "pattern" in the schemas: no MARKUP anywhere
# (``[\s\S]`` so a line break cannot hide a later ``{{``).
PLAIN_TEXT_GUARD = r"^(?![\s\S]*(?:\{[{%#]|[<>]))"


def markup_in(text: str) -> list[str]:
    """The markup openers ``text`` holds, in MARKUP order; empty for plain text."""
    return [mark for mark in MARKUP if mark in text]


def refuses_markup(pattern: str) -> bool:
    """Whether a schema ``pattern`` is a plain-text one (starts with PLAIN_TEXT_GUARD)."""
    return pattern.startswith(PLAIN_TEXT_GUARD)


def quoted(marks: list[str]) -> str:
    """``['<', '>', '{{']`` → ``'<', '>' and '{{'``."""
    shown = [f"'{mark}'" for mark in marks]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


__all__ = ["MARKUP", "PLAIN_TEXT_GUARD", "markup_in", "quoted", "refuses_markup"]
