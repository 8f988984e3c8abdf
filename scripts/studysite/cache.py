"""What a snippet's result depends on, hashed: an unchanged snippet never runs again.

The key covers the snippet, the snippets-local modules it imports (transitively), the data
files it names, the installed versions of everything requirements.txt pins, Python, and the
code that runs and records it (``worker.py``). Page prose is in no key.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import os
import re
import sys
from pathlib import Path

DEFAULT_TIMEOUT = 120.0  # seconds; a first-lines comment "# snippet: timeout=300" overrides it
_TIMEOUT = re.compile(r"^#\s*snippet:\s*timeout\s*=\s*(\d+(?:\.\d+)?)\s*$", re.M)
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
# The code that runs a snippet and decides what its result records: a change re-runs everything.
_RECORDERS = tuple(Path(__file__).with_name(name) for name in ("worker.py", "claims.py", "runner.py"))


def discover(snippets: Path) -> list[str]:
    """Every snippet: ``*.py`` in a section folder below ``snippets/`` (not ``_*`` or ``.*``)."""
    found = []
    for path in sorted(snippets.glob("*/**/*.py")):
        rel = path.relative_to(snippets)
        if not any(part.startswith(("_", ".")) or part.endswith(".egg-info") for part in rel.parts):
            found.append(rel.as_posix())
    return found


def _add_inputs(path: Path, snippets: Path, seen: set[Path]) -> None:
    if path in seen:
        return
    seen.add(path)
    if path.suffix != ".py":
        return
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError:
        return  # the run reports it; the key still covers the file's bytes
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        for name in names:
            module = snippets / (name.replace(".", "/") + ".py")
            if module.is_file():
                _add_inputs(module, snippets, seen)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) < 200:
            for base in (path.parent, snippets):
                candidate = base / node.value
                try:
                    if candidate.is_file() and candidate.resolve().is_relative_to(snippets.resolve()):
                        seen.add(candidate)
                except (OSError, ValueError):
                    pass


def inputs_of(snippets: Path, rel: str) -> list[Path]:
    """The files a snippet's result depends on: itself, its local modules, its data files."""
    seen: set[Path] = set()
    _add_inputs(snippets / rel, snippets, seen)
    return sorted(seen)


@functools.cache
def environment_fingerprint(root: Path, *recorders: Path) -> str:
    """Installed versions of everything requirements.txt pins, Python, and the recording code."""
    parts = [sys.version.split()[0], os.environ.get("TF_ENABLE_ONEDNN_OPTS", "0")]
    parts += [path.read_text(encoding="utf-8") for path in (*_RECORDERS, *recorders)]
    requirements = root / "requirements.txt"
    for line in requirements.read_text(encoding="utf-8").splitlines() if requirements.exists() else []:
        match = _REQUIREMENT.match(line.split("#")[0].split(";")[0])
        if match and not line.lstrip().startswith("-"):
            try:
                parts.append(f"{match[1]}=={importlib.metadata.version(match[1])}")
            except importlib.metadata.PackageNotFoundError:
                parts.append(f"{match[1]} missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cache_key(root: Path, snippets: Path, rel: str) -> str:
    digest = hashlib.sha256(environment_fingerprint(root).encode())
    for path in inputs_of(snippets, rel):
        digest.update(path.relative_to(snippets).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def timeout_of(snippets: Path, rel: str, default: float = DEFAULT_TIMEOUT) -> float:
    head = "\n".join((snippets / rel).read_text(encoding="utf-8").splitlines()[:5])
    match = _TIMEOUT.search(head)
    return float(match[1]) if match else default
