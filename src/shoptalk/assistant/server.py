"""``shoptalk mcp``: the language as a read-only Model Context Protocol server over stdio.

The one module that imports the MCP SDK. It translates calls: every answer comes from
``shoptalk.assistant.answers`` on the language as the files say now (``Library``), and
an answer that cannot be given (``AnswerError``, a broken ``shoptalk.yml``) becomes a tool
error the assistant reads, never a crash of the server.
"""

from __future__ import annotations

from collections.abc import Callable

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
from mcp_types import ToolAnnotations

from .. import __version__
from ..problems import ShoptalkError
from . import answers
from .library import Library, Snapshot
from .llms import llms_full_txt

__all__ = ["INSTRUCTIONS", "build_server", "serve"]

INSTRUCTIONS = (
    "The company's own selling language: its terms, pipeline stages, roles and frameworks. "
    "When a question uses a word of it (an abbreviation such as SAO, a stage such as "
    "Propose), answer from these tools rather than from general usage: define a word, "
    "search for one, read a stage's criteria and required information, ask who needs a "
    "piece of information, or check a draft for undefined or avoided wording. Read-only."
)
# Nothing here changes anything, and the same question gets the same answer until the
# glossary changes; no tool reaches beyond the project's files.
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True,
                            open_world_hint=False)


def build_server(library: Library) -> MCPServer:
    """The server: five read-only tools, one resource and a resource template per kind of record."""
    server: MCPServer = MCPServer("shoptalk", version=__version__, instructions=INSTRUCTIONS)

    def answer(ask: Callable[[Snapshot, str], str], value: str) -> str:
        try:
            return ask(library.current(), value)
        except (answers.AnswerError, ShoptalkError) as exc:
            raise ToolError(str(exc)) from None

    @server.tool(annotations=READ_ONLY, structured_output=False)
    def define(term: str) -> str:
        """What a word means in this company: a term's name, abbreviation or alias (any
        case). Homonyms return every sense with its context; a wording the company avoids
        returns the term to say instead and why."""
        return answer(answers.define, term)

    @server.tool(annotations=READ_ONLY, structured_output=False)
    def search(query: str) -> str:
        """Terms, stages, roles and frameworks whose wording or definition mentions the
        query, best matches first."""
        return answer(answers.search, query)

    @server.tool(annotations=READ_ONLY, structured_output=False)
    def stage(name: str) -> str:
        """A pipeline stage by name or id: entry and exit criteria, the information it must
        capture and who needs it, handoffs and the common misses with their cost."""
        return answer(answers.stage, name)

    @server.tool(annotations=READ_ONLY, structured_output=False)
    def who_needs(item: str) -> str:
        """Who needs a piece of information (a few words of it, or the term it is about),
        or, given a stage, everything that stage must pass on and to whom."""
        return answer(answers.who_needs, item)

    @server.tool(annotations=READ_ONLY, structured_output=False)
    def check_text(text: str) -> str:
        """Run the playbook checker on a Markdown snippet (at most 1 MB): each finding as
        line:col: severity: message [rule]."""
        return answer(answers.check_text, text)

    @server.resource("shoptalk://language", name="language", mime_type="text/markdown",
                     description="The whole selling language as plain Markdown "
                                 "(the site's llms-full.txt).")
    def language() -> str:
        try:
            snap = library.current()
        except ShoptalkError as exc:  # shoptalk.yml broken or the glossary folder gone
            raise ResourceError(str(exc)) from None
        return llms_full_txt(snap.site, snap.info)

    def record(kind: str) -> Callable[[str], str]:
        def read(id: str) -> str:
            try:
                return answers.read_record(library.current(), kind, id)
            except (answers.AnswerError, ShoptalkError) as exc:
                raise ResourceNotFoundError(str(exc)) from None
        return read

    for folder, kind in answers.KINDS.items():
        server.resource(f"shoptalk://{folder}/{{id}}", name=kind, mime_type="text/markdown",
                        description=f"One {kind} by id, as plain Markdown.")(record(kind))
    return server


def serve(library: Library) -> None:
    """Serve ``library`` over stdin and stdout until the client closes the connection."""
    build_server(library).run("stdio")
