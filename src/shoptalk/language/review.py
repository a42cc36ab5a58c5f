"""When a record is due for review, and the words every consumer shows for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..config import Config
from ..model import Record

__all__ = ["Review", "review_state"]


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


@dataclass(frozen=True, slots=True)
class Review:
    """A record's review state on ``today``: last reviewed, next due (None: never reviewed)."""

    reviewed: dt.date | None
    due: dt.date | None
    today: dt.date

    @property
    def days_overdue(self) -> int:
        """Days past due: positive when overdue, 0 due today, negative still ahead.

        A record never reviewed is due today.
        """
        return (self.today - (self.due or self.today)).days

    @property
    def overdue(self) -> bool:
        """Past its due date (a record never reviewed is not overdue, only unreviewed)."""
        return self.due is not None and self.due < self.today

    @property
    def words(self) -> str:
        """'review overdue by 3 days', 'review due today', 'review due in 10 days', 'never
        reviewed'."""
        days = self.days_overdue
        if self.reviewed is None:
            return "never reviewed"
        if days > 0:
            return f"review overdue by {_days(days)}"
        return "review due today" if days == 0 else f"review due in {_days(-days)}"

    @property
    def reviewed_words(self) -> str:
        """'reviewed today', 'reviewed 3 days ago' or 'never reviewed'."""
        if self.reviewed is None:
            return "never reviewed"
        ago = (self.today - self.reviewed).days
        return "reviewed today" if ago == 0 else f"reviewed {_days(ago)} ago"


def review_state(record: Record, config: Config) -> Review:
    """``record``'s review state: due ``review_every`` days (its own or the default) after
    ``reviewed``."""
    due = None
    if record.reviewed is not None:
        due = record.reviewed + dt.timedelta(days=record.review_every or config.review_every)
    return Review(record.reviewed, due, config.today)
