"""The one grammar of a snippet's sections, parsed here and nowhere else.

    # --8<-- [start:name]
    ...code of the section...
    # --8<-- [end:name]

Markers stand at the top level, between statements; sections neither nest nor overlap. A comment
that looks like a marker and does not parse is an error with its line, never ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"^(?P<indent>[ \t]*)#\s*--8<--\s*\[\s*(?P<kind>start|end)\s*:\s*(?P<name>[^\]\s]*)\s*\]\s*$")
SECTION_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class SnippetError(Exception):
    """A problem with a snippet's file itself (its sections), reported with its line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Cell:
    section: str | None  # None: code outside every section
    first: int  # first and last line of the cell's code in the file (1-based, markers excluded)
    last: int
    code: str


def cells_of(source: str) -> list[Cell]:
    """Split a snippet at its section markers; refuse sections that overlap or do not close."""
    lines = source.splitlines()
    cells: list[Cell] = []
    current: str | None = None
    start = 1
    seen: dict[str, int] = {}

    def close(upto: int) -> None:
        body = lines[start - 1 : upto]
        if any(line.strip() for line in body) or current is not None:
            cells.append(Cell(current, start, upto, "\n".join(body)))

    for number, line in enumerate(lines, start=1):
        match = MARKER.match(line)
        if not match:
            if "--8<--" in line and line.lstrip().startswith("#"):
                raise SnippetError(number, f"cannot read this section marker: {line.strip()!r}")
            continue
        kind, name = match["kind"], match["name"]
        if match["indent"]:
            raise SnippetError(number, f"section marker '{name}' is indented: sections start and end at the top level")
        if not SECTION_NAME.match(name):
            raise SnippetError(number, f"section name {name!r}: use letters, digits, '-' and '_'")
        if kind == "start":
            if current is not None:
                raise SnippetError(number, f"section '{name}' starts inside section '{current}' "
                                           f"(line {seen[current]}): sections must not overlap")
            if name in seen:
                raise SnippetError(number, f"section '{name}' is defined twice (first at line {seen[name]})")
            close(number - 1)
            current, start, seen[name] = name, number + 1, number
        else:
            if current != name:
                raise SnippetError(number, f"section end '{name}' does not close an open section"
                                           + (f" (open: '{current}')" if current else ""))
            close(number - 1)
            current, start = None, number + 1
    if current is not None:
        raise SnippetError(seen[current], f"section '{current}' is never closed")
    close(len(lines))
    return cells


def has_section(source: str, section: str) -> bool:
    """True if ``source`` starts a section ``section`` (read with the same grammar as ``cells_of``)."""
    return any((m := MARKER.match(line)) and m["kind"] == "start" and m["name"] == section
               for line in source.splitlines())
