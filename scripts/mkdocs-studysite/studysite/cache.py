"""What a snippet's result depends on, hashed: an unchanged snippet never runs again.

The key covers what the snippet reads: its file, the modules of the snippets folder it imports
(transitively), the data files it names, the course's set-up and preload modules (and the project's
modules they import), every installed distribution's version, Python, and ``FORMAT_VERSION``.
It does not cover the engine's own source: a refactor of the engine re-runs nothing, and a change
to what a result records (or how a run behaves) bumps ``FORMAT_VERSION``. Page prose is in no key.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import re
import sys
import sysconfig
from pathlib import Path

# Bump when a change of the engine changes what a run records or prints: every result runs again.
FORMAT_VERSION = 2  # 2: a file changed in the snippets folder by compiled code fails its run
DEFAULT_TIMEOUT = 120.0  # seconds; a first-lines comment "# snippet: timeout=300" overrides it
_TIMEOUT = re.compile(r"^#\s*snippet:\s*timeout\s*=\s*(\d+(?:\.\d+)?)\s*$", re.M)
ENGINE_DISTRIBUTION = "mkdocs-studysite"  # its version is not in keys: FORMAT_VERSION is


class DiscoveryError(Exception):
    pass


def discover(project) -> list[str]:
    """Every snippet of the project (paths relative to its snippets folder), by its globs.

    A ``.py`` file in the snippets folder that is neither a snippet nor a helper module is refused
    with a message, never silently left out."""
    snippets = project.snippets
    if not snippets.is_dir():
        return []
    found, stray = [], []
    for path in sorted(snippets.rglob("*.py")):
        rel = path.relative_to(snippets).as_posix()
        if project.is_snippet(rel):
            found.append(rel)
        elif not any(part.startswith(("_", ".")) or part.endswith(".egg-info") for part in rel.split("/")):
            if not ("/" not in rel and rel.removesuffix(".py") in project.settings.helpers):
                stray.append(rel)
    if stray:
        raise DiscoveryError(f"{project.settings.snippets_dir}/{stray[0]} is not a snippet (snippets_glob: "
                             f"{', '.join(project.settings.snippets_glob)}) nor a helper module (helpers: "
                             f"{', '.join(project.settings.helpers) or 'none'}): add it to one, or name it '_...'")
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
def _installed_folders() -> tuple[Path, ...]:
    """Where installed packages live (a virtual environment inside the project is not the project)."""
    return tuple({Path(p).resolve() for key in ("stdlib", "platstdlib", "purelib", "platlib")
                  if (p := sysconfig.get_paths().get(key))})


ENGINE = Path(__file__).resolve().parent  # the engine's own modules: FORMAT_VERSION stands for them


def _in_project(path: str, root: Path) -> bool:
    resolved = Path(path).resolve()
    return (resolved.is_relative_to(root) and not resolved.is_relative_to(ENGINE)
            and not any(resolved.is_relative_to(p) for p in _installed_folders()))


def _module_file(name: str, root: Path) -> Path | None:
    """The file of module ``name`` if it belongs to the project; its top-level package is located
    first, so that nothing outside the project is imported to find out."""
    try:
        top = importlib.util.find_spec(name.partition(".")[0])
        if top is None or not any(_in_project(p, root) for p in
                                  [*(top.submodule_search_locations or []), *([top.origin] if top.origin else [])]):
            return None
        spec = top if "." not in name else importlib.util.find_spec(name)
    except (ImportError, ValueError, AssertionError):
        return None
    return Path(spec.origin) if spec and spec.origin and spec.origin.endswith(".py") else None


def course_modules(root: Path, names: tuple[str, ...]) -> list[Path]:
    """The files of the named modules that belong to the project (under ``root``), and of the
    project's modules they import, transitively: the course's own set-up code, found by reading it."""
    root = root.resolve()
    found: set[Path] = set()
    todo = [name for name in names if name]
    while todo:
        name = todo.pop()
        path = _module_file(name, root)
        if path is None or path in found or not _in_project(str(path), root):
            continue
        found.add(path)
        try:
            tree = ast.parse(path.read_bytes())
        except SyntaxError:
            continue
        package = name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                base = node.module if not node.level else ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], node.module])
                todo += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return sorted(found)


@functools.cache
def installed_distributions() -> str:
    """Every installed distribution's name and version (a library upgrade re-runs what it may change)."""
    names = set()
    for dist in importlib.metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name != ENGINE_DISTRIBUTION:
            names.add(f"{name}=={dist.version}")
    return "\n".join(sorted(names))


def environment_fingerprint(project, modules: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> str:
    """Python, the installed distributions, the format version, and the project's own modules among
    ``modules`` (the set-up, the preloads) with what they import from the project."""
    parts = [f"studysite format {FORMAT_VERSION}", sys.version.split()[0], installed_distributions(), *extra]
    for path in course_modules(project.root, modules):
        parts.append(path.relative_to(project.root.resolve()).as_posix() + "\0" + path.read_text(encoding="utf-8"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _snippet_environment(project) -> str:
    settings = project.settings
    return environment_fingerprint(project, (*settings.preload, settings.setup or ""),
                                   (f"preload {settings.preload}", f"setup {settings.setup}", f"seed {settings.seed}",
                                    f"capture {settings.capture_open_figures} dark {settings.dark_figures}"
                                    + (f" phone {_phone_layout()}" if settings.phone_figures else "")))


def _phone_layout() -> str:
    """The phone layout's own code (``phone.py``): a change to how figures are laid out for a phone redraws them."""
    return hashlib.sha256((Path(__file__).parent / "phone.py").read_bytes()).hexdigest()[:16]


def labels_key(project) -> str:
    """The figure label tables (``figure_labels``): a second key, of the results that drew a figure only
    (a snippet that draws none does not run again when a label changes)."""
    files = project.figure_label_files()
    if not files:
        return ""  # none: a result kept from before the option existed still counts
    digest = hashlib.sha256()
    for lang, path in files:
        digest.update(lang.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(project, rel: str) -> str:
    digest = hashlib.sha256(_snippet_environment(project).encode())
    for path in inputs_of(project.snippets, rel):
        digest.update(path.relative_to(project.snippets).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def timeout_of(snippets: Path, rel: str, default: float = DEFAULT_TIMEOUT) -> float:
    head = "\n".join((snippets / rel).read_text(encoding="utf-8").splitlines()[:5])
    match = _TIMEOUT.search(head)
    return float(match[1]) if match else default
