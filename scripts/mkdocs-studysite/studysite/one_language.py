"""Code that speaks one language: what a notebook of one language keeps of text written for every language.

Two forms, both found by parsing the code (never by how it is spelled on the line):

- a dict literal keyed by the site's languages, on an assignment that ends with ``# studysite: by language``,
  keeps the reader's entry only: ``TEXTS = {"fr": {...}, "en": {...}}  # studysite: by language`` becomes
  ``TEXTS = {"en": {...}}  # studysite: by language`` in the English notebook;
- a check of an exercise, ``(lambda: ..., "message fr", "message en")``, keeps the reader's message:
  ``(lambda: ..., "message en")``.
"""

from __future__ import annotations

import ast
import re

BY_LANGUAGE = re.compile(r"#[ \t]*studysite:[ \t]*by language[ \t]*$")


def _offsets(source: str) -> list[int]:
    """The character offset at which each line starts (1-based lines: index 0 is line 1)."""
    starts, total = [], 0
    for line in source.splitlines(keepends=True):
        starts.append(total)
        total += len(line)
    return starts


def _at(source: str, starts: list[int], line: int, col: int) -> int:
    """The character offset of an AST position (its column counts UTF-8 bytes)."""
    text = source[starts[line - 1]:]
    return starts[line - 1] + len(text.encode("utf-8")[:col].decode("utf-8", errors="ignore"))


def _span(source: str, starts: list[int], node: ast.AST) -> tuple[int, int]:
    return (_at(source, starts, node.lineno, node.col_offset),
            _at(source, starts, node.end_lineno, node.end_col_offset))


def is_check(node: ast.AST, languages: tuple[str, ...]) -> bool:
    """``(lambda: ..., "one message per language", ...)``, in the site's order of languages."""
    return (isinstance(node, ast.Tuple) and len(node.elts) == 1 + len(languages)
            and isinstance(node.elts[0], ast.Lambda)
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts[1:]))


def _by_language(node: ast.AST, languages: tuple[str, ...]) -> bool:
    return (isinstance(node, ast.Dict) and None not in node.keys
            and all(isinstance(k, ast.Constant) for k in node.keys)
            and sorted(k.value for k in node.keys) == sorted(languages))


def keep(source: str, lang: str, languages: tuple[str, ...], *, checks: bool = False) -> str:
    """``source`` with only ``lang``'s text in the two forms above (``checks``: the exercises' form too)."""
    if len(languages) < 2:
        return source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # not Python we can read: the run will say so
    starts, lines = _offsets(source), source.splitlines()
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None \
                and _by_language(node.value, languages) \
                and BY_LANGUAGE.search(lines[node.value.lineno - 1]):
            entries = dict(zip((k.value for k in node.value.keys), zip(node.value.keys, node.value.values)))
            key, value = entries[lang]
            start, end = _span(source, starts, node.value)
            first, _ = _span(source, starts, node.value.keys[0])
            key_start, _ = _span(source, starts, key)
            _, value_end = _span(source, starts, value)
            # From the brace to the first key (a newline and indent, say), then the kept entry, then the close.
            closing = source[_span(source, starts, node.value.values[-1])[1]:end]
            edits.append((start, end, source[start:first] + source[key_start:value_end] + closing))
        elif checks and is_check(node, languages):
            condition, messages = node.elts[0], node.elts[1:]
            _, after_condition = _span(source, starts, condition)
            first, _ = _span(source, starts, messages[0])
            _, last = _span(source, starts, messages[-1])
            kept_start, kept_end = _span(source, starts, messages[languages.index(lang)])
            edits.append((after_condition, last, source[after_condition:first] + source[kept_start:kept_end]))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


__all__ = ["BY_LANGUAGE", "is_check", "keep"]
