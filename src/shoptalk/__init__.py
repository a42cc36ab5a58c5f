"""Shoptalk: a company's shared selling language, as validated YAML and a site."""

from __future__ import annotations

from .config import Config, load_config
from .load import load_glossary
from .model import (
    Avoid,
    Category,
    Element,
    Framework,
    Glossary,
    Handoff,
    Link,
    Miss,
    Pos,
    RequiredInfo,
    Role,
    Source,
    Stage,
    Term,
)
from .problems import Problem, ShoptalkError
from .validate import validate

__version__ = "0.1.0"

__all__ = [
    "Avoid",
    "Category",
    "Config",
    "Element",
    "Framework",
    "Glossary",
    "Handoff",
    "Link",
    "Miss",
    "Pos",
    "Problem",
    "RequiredInfo",
    "Role",
    "ShoptalkError",
    "Source",
    "Stage",
    "Term",
    "__version__",
    "load_config",
    "load_glossary",
    "validate",
]
