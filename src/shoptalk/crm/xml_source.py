"""Reading a CRM's XML safely, with the line and column of every element.

CRM files are untrusted: defusedxml refuses DTDs, entity declarations and external
references (no entity expansion, nothing fetched). ElementTree keeps no positions,
so a tree builder notes expat's position as each element starts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

METADATA_NS = "http://soap.sforce.com/2006/04/metadata"


class XmlProblem(Exception):
    """A file that is not well-formed or safe XML, at ``line``:``col``."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class _Builder(ET.TreeBuilder):
    """A tree builder that remembers where each element starts."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.places: dict[int, tuple[int, int]] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.places[id(element)] = (self.expat.CurrentLineNumber,
                                    self.expat.CurrentColumnNumber + 1)
        return element


class LocatedTree:
    """A parsed document and the ``(line, col)`` of each of its elements."""

    def __init__(self, root: ET.Element, places: dict[int, tuple[int, int]]) -> None:
        self.root = root
        self._places = places

    def at(self, element: ET.Element) -> tuple[int, int]:
        """Where ``element`` starts."""
        return self._places.get(id(element), (1, 1))


def parse(data: bytes) -> LocatedTree:
    """Parse ``data``; XmlProblem when it is not well-formed or holds a DTD or entities."""
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line, col = exc.position
        reason = str(exc).split(": line", 1)[0]
        raise XmlProblem(line, col + 1, f"not well-formed XML: {reason}") from None
    except DefusedXmlException as exc:
        raise XmlProblem(parser.parser.CurrentLineNumber, parser.parser.CurrentColumnNumber + 1,
                         "refused: the file declares a DTD or entities "
                         f"({type(exc).__name__}); CRM metadata never needs them") from None
    return LocatedTree(root, builder.places)


def local(element: ET.Element) -> str:
    """An element's name without its namespace."""
    return element.tag.rpartition("}")[2]


def namespace(element: ET.Element) -> str:
    """An element's namespace ('' when it has none)."""
    return element.tag[1:].partition("}")[0] if element.tag.startswith("{") else ""


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first child called ``name`` (in any namespace)."""
    return next((c for c in element if local(c) == name), None)


__all__ = ["METADATA_NS", "LocatedTree", "XmlProblem", "child", "local", "namespace",
           "parse"]
