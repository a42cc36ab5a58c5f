"""What assistants read: ``llms.txt``, ``llms-full.txt`` and the answers ``shoptalk mcp`` gives.

Answers come from the same language core, checker and record blocks as the site, so an
assistant and a reader of the site get the same words. The MCP SDK is imported only by
``shoptalk.assistant.server``; nothing else here needs it.
"""

from __future__ import annotations

from .answers import (
    MAX_NAME_CHARS,
    MAX_TEXT_BYTES,
    AnswerError,
    check_text,
    define,
    read_record,
    search,
    stage,
    who_needs,
)
from .library import Library, Snapshot
from .llms import LLMS_FULL_TXT, LLMS_TXT, SiteInfo, llms_files, llms_full_txt, llms_txt

__all__ = [
    "LLMS_FULL_TXT", "LLMS_TXT", "MAX_NAME_CHARS", "MAX_TEXT_BYTES", "AnswerError", "Library",
    "SiteInfo", "Snapshot", "check_text", "define", "llms_files", "llms_full_txt", "llms_txt",
    "read_record", "search", "stage", "who_needs",
]
