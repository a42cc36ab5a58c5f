"""Definitions go stale: every record is reviewed every so many days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..config import Config
from ..model import Glossary, Record
from ..problems import Problem
from ._base import at

IDS = {"review-overdue": "a record whose last review is older than its review interval"}


def due_date(record: Record, config: Config) -> dt.date | None:
    """When ``record`` is next due for review; None when it was never reviewed."""
    if record.reviewed is None:
        return None
    return record.reviewed + dt.timedelta(days=record.review_every or config.review_every)


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    for record in glossary.records():
        due = due_date(record, config)
        if due is not None and due < config.today:
            days = (config.today - due).days
            yield at(
                record,
                "reviewed",
                "notice",
                f"review overdue by {days} day"
                f"{'s' if days != 1 else ''} (last reviewed {record.reviewed}, due {due})",
                "review-overdue",
            )
