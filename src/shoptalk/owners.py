"""What an owner may be: a role id, or one GitHub handle.

An owner ends up as a word on a CODEOWNERS line, and GitHub gives that line to
whoever it names, so the grammar is strict: ``@user`` (1-39 letters, digits or
single inner hyphens, as GitHub allows for account names) or ``@org/team-slug``.
Email addresses, which CODEOWNERS also accepts, are refused on purpose: owners
are published on the company-wide site, and an address names one person where
a team handle survives people leaving.

``OWNER_PATTERN`` is also the ``pattern`` of ``owner`` in the JSON Schemas
(tests keep them equal). It ends with ``$(?![\\s\\S])`` because jsonschema runs
patterns with Python's ``re``, where a bare ``$`` also matches before a final
line break; the look-ahead means "end of text" in Python and in editors' ECMA
regexes alike.
"""

from __future__ import annotations

import re

ROLE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# An account name: no leading, trailing or double hyphen, at most 39 characters.
_ACCOUNT = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
_TEAM_SLUG = r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?"
HANDLE = rf"@{_ACCOUNT}(?:/{_TEAM_SLUG})?"

OWNER_PATTERN = rf"^(?:{ROLE_ID}|{HANDLE})$(?![\s\S])"
_HANDLE = re.compile(HANDLE)
_OWNER = re.compile(OWNER_PATTERN)

HANDLE_HELP = "one GitHub handle such as '@your-org/sales-team' or '@username'"
OWNER_HELP = f"one role id such as 'sales-manager' or {HANDLE_HELP}"


def is_handle(text: object) -> bool:
    """True when ``text`` is exactly one GitHub user or team handle."""
    return isinstance(text, str) and _HANDLE.fullmatch(text) is not None


def is_owner(text: object) -> bool:
    """True when ``text`` is exactly one role id or one GitHub handle."""
    return isinstance(text, str) and _OWNER.search(text) is not None


__all__ = [
    "HANDLE", "HANDLE_HELP", "OWNER_HELP", "OWNER_PATTERN", "ROLE_ID", "is_handle", "is_owner"
]
