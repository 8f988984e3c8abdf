"""What a snippet printed, as a terminal would have shown it, made safe for a page.

A snippet's output is written for a terminal: progress bars redraw a line with carriage returns
and backspaces, and colour it with escape sequences. A page shows the text a reader would have
seen at the end, without the codes. Characters that a page would act on instead of showing (other
control characters, the bidirectional overrides that reverse the text after them) are shown as
their escapes, so the output reads as what it is. Output a page cannot hold is cut, with a note.
"""

from __future__ import annotations

import re

# A cell's output beyond this many characters is cut on the page (the download, run, prints it all).
MAX_SHOWN = 50_000

_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Control characters but tab and newline; DEL and C1; the bidirectional embeddings, overrides and isolates.
_SHOWN_AS_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotText(ValueError):
    """Output that is not text (a lone surrogate: bytes decoded with 'surrogateescape')."""


def _overlay(line: str) -> str:
    """One line as a terminal ends up showing it: each carriage return writes over its start, each
    backspace moves one character back."""
    if "\r" not in line and "\b" not in line:
        return line
    shown: list[str] = []
    column = 0
    for char in line:
        if char == "\r":
            column = 0
        elif char == "\b":
            column = max(0, column - 1)
        else:
            if column < len(shown):
                shown[column] = char
            else:
                shown.append(char)
            column += 1
    return "".join(shown)


def as_shown(text: str) -> str:
    """``text`` as a terminal shows it: escape sequences removed, redrawn lines at their last state."""
    if _SURROGATE.search(text):
        at = _SURROGATE.search(text).start()
        raise NotText(f"printed text that is not valid Unicode ({text[max(0, at - 20):at + 5]!r}): decode bytes "
                      "with errors='replace' or 'backslashreplace' before printing them")
    if "\x1b" in text:
        text = _ESCAPE.sub("", text)
    if "\r" in text or "\b" in text:
        text = "\n".join(_overlay(line) for line in text.replace("\r\n", "\n").split("\n"))
    return _SHOWN_AS_ESCAPE.sub(lambda m: repr(m[0])[1:-1], text)


def cut(text: str, limit: int = MAX_SHOWN) -> tuple[str, int]:
    """At most ``limit`` characters, ending at a line's end where it can; and the length before."""
    if len(text) <= limit:
        return text, len(text)
    end = text.rfind("\n", 0, limit)
    return text[: end if end > limit // 2 else limit], len(text)
