"""Definitions go stale: every record is reviewed every so many days."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..language import review_state
from ..model import Glossary
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries(topic="freshness")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """A notice for every record whose review is overdue."""
    for record in glossary.records():
        review = review_state(record, config)
        if review.overdue:
            yield at(record, "reviewed", "notice",
                     f"{review.words} (last reviewed {review.reviewed}, due {review.due})",
                     "review-overdue")


__all__ = ["IDS", "check"]
