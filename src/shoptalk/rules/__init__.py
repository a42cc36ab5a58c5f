"""Rules over the whole glossary, one module per concern, registered in RULES.

Each rule is a generator ``check(glossary, config)`` yielding Problems at the
severity it thinks right; ``validate`` applies the configured levels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..config import Config
from ..model import Glossary
from ..problems import Problem
from . import content, crm, freshness, lifecycle, references, roles, stages, surface

Check = Callable[[Glossary, Config], Iterator[Problem]]

RULES: tuple[Check, ...] = (
    references.check,
    surface.check,
    roles.check,
    lifecycle.check,
    stages.check,
    crm.check,
    content.check,
    freshness.check,
)

# Every rule id a rule module can emit, with what it is about (docs and --list-rules).
RULE_IDS: dict[str, str] = {
    **references.IDS,
    **surface.IDS,
    **roles.IDS,
    **lifecycle.IDS,
    **stages.IDS,
    **crm.IDS,
    **content.IDS,
    **freshness.IDS,
}

__all__ = ["RULES", "RULE_IDS", "Check"]
