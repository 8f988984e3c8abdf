"""Code comments in the reader's language, from one source file (``# <lang>:`` markers).

One file serves both languages; a comment that is prose is written twice, marked:

    # fr: Pas de couche cachée
    # en: No hidden layer
    model.fit(x, y, epochs=40, verbose=0)  # fr: 40 passages # en: 40 passes

Each reader sees the comments of their language, without the marker (``# Pas de couche cachée``).
A comment without a marker (``# noqa``, a formula) is shown to both.
"""

from __future__ import annotations

import functools
import io
import re
import tokenize


@functools.cache
def _mark(languages: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"#\s*(?P<lang>" + "|".join(map(re.escape, languages)) + r"):\s?")


# A tool's directive may come first: ``# noqa: F401  # ko: … # en: …`` keeps ``# noqa: F401`` for both.
_DIRECTIVE = re.compile(r"^#\s*(?:noqa|type:|pragma|fmt:)[^#]*")


def split_comment(comment: str, languages: tuple[str, ...]) -> dict[str, str] | None:
    """``# fr: a # en: b`` -> {"fr": "a", "en": "b"}; None for a comment without markers."""
    marks = list(_mark(tuple(languages)).finditer(comment))
    if not marks or marks[0].start() != 0:
        return None
    texts = {}
    for mark, following in zip(marks, [*marks[1:], None]):
        texts[mark["lang"]] = comment[mark.end(): following.start() if following else None].strip()
    return texts


def localize(source: str, lang: str, languages: tuple[str, ...]) -> str:
    """The source with the comments of ``lang`` only (code and unmarked comments unchanged);
    ``languages`` are the site's, whose markers are recognized."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source  # not Python we can read: leave it as it is
    lines = source.splitlines(keepends=True)
    drop: set[int] = set()
    edits: dict[int, tuple[int, str]] = {}  # line -> (column of the comment, the comment to keep)
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        directive = _DIRECTIVE.match(token.string)
        prefix = directive.group(0).rstrip() if directive and len(directive.group(0)) < len(token.string) else ""
        texts = split_comment(token.string[len(directive.group(0)):] if prefix else token.string, languages)
        if texts is None:
            continue
        row, col = token.start
        own_line = not lines[row - 1][:col].strip()
        if lang in texts and texts[lang]:
            edits[row] = (col, f"{prefix}  # {texts[lang]}" if prefix else f"# {texts[lang]}")
        elif prefix:
            edits[row] = (col, prefix)
        elif own_line:
            drop.add(row)
        else:
            edits[row] = (col, "")
    out = []
    for number, line in enumerate(lines, start=1):
        if number in drop:
            continue
        if number in edits:
            col, comment = edits[number]
            ending = "\n" if line.endswith("\n") else ""
            code = line[:col].rstrip() if not comment else line[:col]
            line = (code + comment).rstrip() + ending if code.strip() or comment else ending
        out.append(line)
    return "".join(out)


def comments_in(source: str) -> list[tuple[int, str]]:
    """Every comment of a source, with its line: for the checks of a page's language."""
    try:
        return [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
                if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):
        return []
