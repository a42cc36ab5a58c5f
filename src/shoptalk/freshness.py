"""What is due for review, by owner: ``reviewed`` plus ``review_every`` (or the default).

The validator's review-overdue rule (rules/freshness.py) warns on each file;
this builds the owners' to-do list from the same review state (``shoptalk.language``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .config import Config
from .language import Review, review_state
from .model import Framework, Glossary, Record, Role, Stage, Term

NO_OWNER = "(no owner)"


@dataclass(frozen=True, order=True)
class Due:
    """One record due for review; ``days`` past due (0 = today, negative = still ahead)."""

    owner: str
    days: int
    kind: str
    id: str
    name: str
    path: str
    reviewed: dt.date | None
    due: dt.date
    review: Review = field(compare=False, repr=False)

    @property
    def overdue(self) -> bool:
        """Past its due date."""
        return self.review.overdue

    def when(self) -> str:
        """How urgent, in words: 'review overdue by 3 days', 'review due in 10 days', …"""
        return self.review.words


def _kind(record: Record) -> str:
    return {Term: "term", Stage: "stage", Role: "role", Framework: "framework"}[type(record)]


def owner_of(record: Record) -> str:
    """Who reviews ``record``: its owner; roles and frameworks have none of their own."""
    return record.owner if isinstance(record, Term | Stage) and record.owner else NO_OWNER


def due_for_review(glossary: Glossary, config: Config, *, owner: str | None = None,
                   overdue_only: bool = False, within: int = 30) -> list[Due]:
    """Records due within ``within`` days (or already overdue, or never reviewed), by owner."""
    found: list[Due] = []
    for record in glossary.records():
        who = owner_of(record)
        if owner is not None and who != owner:
            continue
        review = review_state(record, config)
        days = review.days_overdue  # never reviewed: due now
        if overdue_only and days <= 0 and record.reviewed is not None:
            continue
        if days < -within:
            continue
        found.append(Due(who, days, _kind(record), record.id, record.name,
                         record.source.shown, record.reviewed, review.due or config.today,
                         review))
    # Most overdue first within each owner, owners alphabetical.
    return sorted(found, key=lambda d: (d.owner, -d.days, d.kind, d.id))


__all__ = ["NO_OWNER", "Due", "due_for_review", "owner_of"]
