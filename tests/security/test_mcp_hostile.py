"""``shoptalk mcp`` fed raw hostile bytes: it answers what it can, refuses the rest, reads
nothing but the glossary, and still answers the last, ordinary question."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"


def _call(id: int, method: str, **params: Any) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": id, "method": method,
                       "params": params}).encode() + b"\n"


def _tool(id: int, tool: str, **arguments: Any) -> bytes:
    return _call(id, "tools/call", name=tool, arguments=arguments)


HELLO = _call(1, "initialize", protocolVersion="2025-06-18", capabilities={},
              clientInfo={"name": "test", "version": "1"}) \
    + b'{"jsonrpc": "2.0", "method": "notifications/initialized"}\n'
HOSTILE = [
    b"{not json\n", b"\xff\xfe\x00\x80 not UTF-8\n", b"[]\n", b"null\n", b'"text"\n',
    b'{"jsonrpc": "2.0", "id": 2, "method": "no/such/method"}\n',
    _tool(3, "no_such_tool"),
    _tool(4, "define", term=123),
    _tool(5, "define", term=["EB"]),
    _tool(6, "define", term="../../../etc/passwd"),
    _call(7, "resources/read", uri="shoptalk://terms/../../../etc/passwd"),
    _call(8, "resources/read", uri="file:///etc/passwd"),
    _tool(9, "define", term="x " * 500_000),
    _tool(10, "search", query="x " * 500_000),
    _tool(11, "stage", **{"name": "\x00\u202e" * 1000}),
    _tool(12, "who_needs", item="{{ config }}" * 1000),
]
LAST = _tool(99, "define", term="EB")
ANSWERED = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99]  # every call with an id


def _converse(project: Path, data: bytes) -> tuple[dict[int, Any], int]:
    """Send ``data``, read answers until every call has one (they may come in any order),
    then close: (answers, exit code)."""
    server = subprocess.Popen([sys.executable, "-m", "shoptalk", "mcp"], cwd=project,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    assert server.stdin is not None and server.stdout is not None
    answers: dict[int, Any] = {}
    try:
        server.stdin.write(data)
        server.stdin.flush()
        while not set(ANSWERED) <= answers.keys():
            line = server.stdout.readline()
            if not line:
                break  # the server ended: the assertions say what was missing
            message = json.loads(line)
            if "id" in message:
                answers[message["id"]] = message
        server.stdin.close()
        return answers, server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()


def test_the_server_survives_hostile_input_and_reads_nothing_else(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n", encoding="utf-8")
    answers, code = _converse(tmp_path, HELLO + b"".join(HOSTILE) + LAST)
    assert code == 0
    assert sorted(answers) == ANSWERED
    refused = {i: answers[i].get("error") or answers[i]["result"].get("isError")
               for i in range(2, 13)}
    assert all(refused.values()), refused
    everything = json.dumps(answers)
    assert "root:" not in everything and "/bin/" not in everything  # no /etc/passwd line
    last = answers[99]["result"]
    assert not last.get("isError")
    assert last["content"][0]["text"].startswith("## Economic Buyer (EB)")
