"""What is due for review, by owner: ``reviewed`` plus ``review_every`` (or the default).

The validator's review-overdue rule (rules/freshness.py) warns on each file;
this builds the owners' to-do list from the same due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .config import Config
from .model import Framework, Glossary, Record, Role, Stage, Term
from .rules.freshness import due_date

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

    @property
    def overdue(self) -> bool:
        """Past its due date."""
        return self.days > 0

    def when(self) -> str:
        """How urgent, in words: 'overdue by 3 days', 'due in 10 days', 'never reviewed'."""
        if self.reviewed is None:
            return "never reviewed"
        if self.days > 0:
            return f"overdue by {self.days} day{'s' * (self.days != 1)}"
        if self.days == 0:
            return "due today"
        return f"due in {-self.days} day{'s' * (self.days != -1)}"


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
        due = due_date(record, config) or config.today  # never reviewed: due now
        days = (config.today - due).days
        if overdue_only and days <= 0 and record.reviewed is not None:
            continue
        if days < -within:
            continue
        found.append(Due(who, days, _kind(record), record.id, record.name,
                         record.source.shown, record.reviewed, due))
    # Most overdue first within each owner, owners alphabetical.
    return sorted(found, key=lambda d: (d.owner, -d.days, d.kind, d.id))
