"""Execute the labs into notebooks with outputs, as a student would run them.

    python scripts/build_labs.py            # execute the labs that changed
    python scripts/build_labs.py --force    # execute them all again

A lab's source is a jupytext percent-format script, ``labs/<lang>/<name>.py`` (it reads
well in a diff). Each is executed top to bottom in a fresh Jupyter kernel and written to
``docs/<lang>/labs/<name>.ipynb`` (git-ignored), which mkdocs-jupyter renders and the page
offers for download. The notebook keeps the hash of its source and of the installed
versions in its metadata, so an unchanged lab is not executed again; a failed lab leaves
the last good notebook in place.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_snippets  # noqa: E402  (the same environment fingerprint and locks as the snippets)

ROOT = run_snippets.ROOT
LABS = ROOT / "labs"
DOCS = ROOT / "docs"
CELL_TIMEOUT = 300  # seconds for one cell
# The kernel starts with these, like a student's machine set up from the README.
KERNEL_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "PYTHONHASHSEED": "0"}


@dataclass
class LabOutcome:
    rel: str  # "ko/01-regression-sales.py"
    status: str  # "cached", "ran", "failed"
    seconds: float = 0.0
    cell: int | None = None
    line: int | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("cached", "ran")

    def describe(self) -> str:
        where = f"labs/{self.rel}"
        if self.cell is not None:
            where += f", cell {self.cell}" + (f" (line {self.line})" if self.line else "")
        return f"{where}: {self.error}"


def discover(labs_dir: Path | None = None) -> list[str]:
    labs_dir = labs_dir or LABS
    return sorted(p.relative_to(labs_dir).as_posix() for p in labs_dir.glob("*/*.py"))


def target_of(rel: str, docs_dir: Path | None = None) -> Path:
    lang, name = rel.split("/")
    return (docs_dir or DOCS) / lang / "labs" / (Path(name).stem + ".ipynb")


def key_of(rel: str, labs_dir: Path | None = None) -> str:
    source = ((labs_dir or LABS) / rel).read_bytes()
    return hashlib.sha256(run_snippets.environment_fingerprint().encode() + source).hexdigest()


def current_key(path: Path) -> str | None:
    import nbformat

    try:
        return nbformat.read(path, as_version=4).metadata.get("dlnotes", {}).get("key")
    except (OSError, ValueError):
        return None


def _source_line(source: str, cell_source: str) -> int | None:
    """Where a cell starts in the lab's .py file (jupytext keeps code cells verbatim)."""
    first = next((line for line in cell_source.splitlines() if line.strip()), None)
    if first is None:
        return None
    for number, line in enumerate(source.splitlines(), start=1):
        if line == first:
            return number
    return None


def execute(rel: str, labs_dir: Path | None = None, docs_dir: Path | None = None) -> LabOutcome:
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    labs_dir = labs_dir or LABS
    source_path = labs_dir / rel
    source = source_path.read_text(encoding="utf-8")
    key = key_of(rel, labs_dir)
    start = time.perf_counter()
    nb = jupytext.reads(source, fmt="py:percent")
    env = {**os.environ, **KERNEL_ENV}
    with tempfile.TemporaryDirectory(prefix="lab-") as cwd:
        client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": cwd}})
        try:
            # The kernel's own log lines (not the notebook's outputs) stay off the terminal.
            client.execute(env=env, stderr=subprocess.DEVNULL)
        except (CellExecutionError, CellTimeoutError) as error:
            index = next((i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and any(
                out.get("output_type") == "error" for out in cell.get("outputs", []))), None)
            if index is None:  # a timeout leaves no error output: the last cell that started
                index = max((i for i, c in enumerate(nb.cells) if c.get("execution_count")), default=None)
            line = _source_line(source, nb.cells[index].source) if index is not None else None
            text = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip()  # no terminal colours
            message = text.splitlines()[-1] if text else type(error).__name__
            if isinstance(error, CellTimeoutError):
                message = f"a cell ran longer than {CELL_TIMEOUT} s and was stopped"
            return LabOutcome(rel, "failed", time.perf_counter() - start, index, line, message)
        except Exception as error:  # the kernel could not start, or died
            return LabOutcome(rel, "failed", time.perf_counter() - start, error=f"{type(error).__name__}: {error}")
    nb.metadata["dlnotes"] = {"key": key, "source": f"labs/{rel}"}
    nb.metadata.pop("jupytext", None)  # the download is a plain notebook
    nbformat.validate(nb)
    target = target_of(rel, docs_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    with run_snippets._lock(run_snippets.OUT, f"lab:{rel}"):
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        nbformat.write(nb, tmp)
        os.replace(tmp, target)
    return LabOutcome(rel, "ran", round(time.perf_counter() - start, 1))


def build(selected: list[str] | None = None, *, force: bool = False, jobs: int | None = None,
          labs_dir: Path | None = None, docs_dir: Path | None = None, progress: bool = True) -> list[LabOutcome]:
    """Bring the executed notebooks up to date; two kernels at a time on two cores."""
    rels = discover(labs_dir) if selected is None else list(selected)
    outcomes = {}
    todo = []
    for rel in rels:
        if not force and current_key(target_of(rel, docs_dir)) == key_of(rel, labs_dir):
            outcomes[rel] = LabOutcome(rel, "cached")
        else:
            todo.append(rel)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each kernel is its own process
        for outcome in pool.map(lambda rel: execute(rel, labs_dir, docs_dir), todo):
            outcomes[outcome.rel] = outcome
            if progress:
                line = f"{outcome.status:>7} {outcome.seconds:6.1f}s  labs/{outcome.rel}"
                print(line + ("" if outcome.ok else f"\n        {outcome.describe()}"), file=sys.stderr, flush=True)
    return [outcomes[rel] for rel in rels]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--force", action="store_true", help="execute even if up to date")
    parser.add_argument("-k", dest="pattern", help="only labs whose path contains this")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="kernels at a time (default: one per core)")
    args = parser.parse_args(argv)
    rels = [r for r in discover() if not args.pattern or args.pattern in r]
    outcomes = build(rels, force=args.force, jobs=args.jobs)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"FAILED {outcome.describe()}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
