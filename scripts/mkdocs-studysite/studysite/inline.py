"""Make code stand on its own: ``from helpers import make_data`` becomes the function itself.

A download must run with the course's packages alone, where its helper modules (the ``helpers``
option) are not importable; so the helpers a piece of code uses are copied in (only those it
uses, with the module-level names and imports they need), the way the build writes a lab's notebook.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path


def _plain_import(name: str) -> re.Pattern:
    return re.compile(rf"^import {re.escape(name)}\b.*\n?", re.M)


class InlineError(Exception):
    pass


def _definitions(tree: ast.Module) -> dict[str, ast.stmt]:
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found[(alias.asname or alias.name).split(".")[0]] = node
    return found


def helpers_source(module: Path, names: list[str]) -> str:
    """The source of ``names`` from ``module``, with what they need from it, in the module's order."""
    source = module.read_text(encoding="utf-8")
    tree = ast.parse(source)
    defined = _definitions(tree)
    needed: list[ast.stmt] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        node = defined.get(name)
        if node is None:
            raise InlineError(f"{module.name} has no {name!r} to copy in")
        if node in needed:
            continue
        needed.append(node)
        local = {a.arg for a in ast.walk(node) if isinstance(a, ast.arg)}  # a parameter is not a global
        todo += [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in defined and n.id not in local]
    imports = [n for n in tree.body if n in needed and isinstance(n, (ast.Import, ast.ImportFrom))]
    others = [n for n in tree.body if n in needed and n not in imports]
    lines = source.splitlines()
    pieces = [ast.get_source_segment(source, n) for n in imports]
    for node in others:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        body = lines[first - 1: node.end_lineno]
        docstring = (isinstance(node, (ast.FunctionDef, ast.ClassDef))
                     and ast.get_docstring(node, clean=False) is not None and node.body[0])
        if docstring and len(node.body) > 1:  # the contributor's notes, in English: not for the reader
            body = body[: docstring.lineno - first] + body[docstring.end_lineno - first + 1:]
            body = [line for i, line in enumerate(body) if line.strip() or i == 0 or body[i - 1].strip()]
            if len(body) > 1 and not body[1].strip():
                del body[1]
        pieces.append("\n\n" + "\n".join(body))
    return "\n".join(pieces).strip() + "\n"


def inline_all(code: str, helpers: list[Path], overrides: Path | None = None) -> str:
    """``code`` with the imports of every helper module in ``helpers`` replaced by what it uses."""
    for module in helpers:
        code = inline_helpers(code, *((overrides,) if overrides else ()), module)
    return code


def inline_helpers(code: str, *modules: Path) -> str:
    """``code`` with its ``from <helper> import ...`` statements replaced by the helpers themselves
    (the helper module is the last of ``modules``), each taken from the first of ``modules`` that
    defines it (a download's own versions come first)."""
    name = modules[-1].stem
    code = _plain_import(name).sub("", code)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code  # not a whole cell of Python: the run reports it
    defined = [(module, _definitions(ast.parse(module.read_text(encoding="utf-8")))) for module in modules]
    lines = code.splitlines()
    for node in reversed([n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == name]):
        groups: dict[Path, list[str]] = {}
        for alias in node.names:
            module = next((m for m, found in defined if alias.name in found), modules[-1])
            groups.setdefault(module, []).append(alias.name)
        pieces = [helpers_source(module, names) for module, names in groups.items()]
        imports = list(dict.fromkeys(line for piece in pieces for line in piece.splitlines()
                                     if line.startswith(("import ", "from "))))
        bodies = ["\n".join(line for line in piece.splitlines() if not line.startswith(("import ", "from ")))
                  for piece in pieces]
        helpers = ("\n".join(imports) + "\n\n\n" + "\n\n\n".join(b.strip("\n") for b in bodies)).strip("\n")
        lines[node.lineno - 1: node.end_lineno] = helpers.splitlines()
    return "\n".join(lines) + ("\n" if code.endswith("\n") else "")


def take_imports(code: str, name: str) -> tuple[list[str], str]:
    """The names ``code`` imports from the helper module ``name``, and the code without those imports."""
    tree = ast.parse(code)
    lines, names = code.splitlines(), []
    for node in reversed([n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == name]):
        if any(alias.name == "*" for alias in node.names):
            raise InlineError(f"line {node.lineno}: `from {name} import *` — name what you use "
                              f"(`from {name} import a, b`), so that the download can copy it in")
        names[:0] = [alias.name for alias in node.names]
        del lines[node.lineno - 1: node.end_lineno]
    return names, "\n".join(lines)
