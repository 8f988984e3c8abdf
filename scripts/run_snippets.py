"""Run the site's snippets and keep what they print and draw: the one place that runs them.

    python scripts/run_snippets.py                 # run what changed (cached by content)
    python scripts/run_snippets.py --force -k mape # re-run the snippets matching "mape"
    python scripts/run_snippets.py -j 1 --list     # one worker; list snippets and state

Each snippet's outputs land in ``_generated/snippets/<section>/<name>.py/``:
``result.json`` (what it printed, as text and table blocks, and its figures with alt
text) and ``<key>/`` (the SVG figures of that run). The cache key hashes the snippet, the
local modules it imports, the data files it names, the installed versions of the pinned
requirements and this file, so an unchanged snippet never runs again.

TensorFlow is imported once per worker process (it costs ~5 s and ~770 MB), and every
snippet starts from a fresh seed and a cleared Keras session in that worker.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import hashlib
import importlib.metadata
import io
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
OUT = ROOT / "_generated" / "snippets"
DEFAULT_TIMEOUT = 120.0  # seconds; a first-lines comment "# snippet: timeout=300" overrides it
KEEP_OLD_RUNS = 1  # figure folders of earlier runs kept, so a build reading them meanwhile is safe
_TIMEOUT_RE = re.compile(r"^#\s*snippet:\s*timeout\s*=\s*(\d+(?:\.\d+)?)\s*$", re.M)
_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


# --- What there is, and its cache key ---------------------------------------------------


def discover(snippets_dir: Path | None = None) -> list[str]:
    """Every snippet: ``*.py`` in a section folder below ``snippets/`` (not ``_*``)."""
    snippets_dir = snippets_dir or SNIPPETS
    found = []
    for path in sorted(snippets_dir.glob("*/**/*.py")):
        rel = path.relative_to(snippets_dir)
        if not any(part.startswith(("_", ".")) for part in rel.parts):
            found.append(rel.as_posix())
    return found


def _local_inputs(path: Path, snippets_dir: Path, seen: set[Path]) -> None:
    """Add to ``seen`` the file, the snippets-local modules it imports and the data files it names."""
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
            module = snippets_dir / (name.replace(".", "/") + ".py")
            if module.is_file():
                _local_inputs(module, snippets_dir, seen)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) < 200:
            for base in (path.parent, snippets_dir):
                candidate = base / node.value
                try:
                    if candidate.is_file() and candidate.resolve().is_relative_to(snippets_dir.resolve()):
                        seen.add(candidate)
                except (OSError, ValueError):
                    pass


def inputs_of(rel: str, snippets_dir: Path | None = None) -> list[Path]:
    snippets_dir = snippets_dir or SNIPPETS
    seen: set[Path] = set()
    _local_inputs(snippets_dir / rel, snippets_dir, seen)
    return sorted(seen)


_ENV_FINGERPRINT: str | None = None


def environment_fingerprint() -> str:
    """Installed versions of everything requirements.txt pins, Python, and this runner."""
    global _ENV_FINGERPRINT
    if _ENV_FINGERPRINT is None:
        parts = [sys.version.split()[0], Path(__file__).read_text(encoding="utf-8")]
        req = ROOT / "requirements.txt"
        for line in req.read_text(encoding="utf-8").splitlines() if req.exists() else []:
            match = _REQ_NAME.match(line.split("#")[0].split(";")[0])
            if match and not line.lstrip().startswith("-"):
                try:
                    parts.append(f"{match[1]}=={importlib.metadata.version(match[1])}")
                except importlib.metadata.PackageNotFoundError:
                    parts.append(f"{match[1]} missing")
        parts.append(os.environ.get("TF_ENABLE_ONEDNN_OPTS", "0"))
        _ENV_FINGERPRINT = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return _ENV_FINGERPRINT


def cache_key(rel: str, snippets_dir: Path | None = None) -> str:
    snippets_dir = snippets_dir or SNIPPETS
    digest = hashlib.sha256(environment_fingerprint().encode())
    for path in inputs_of(rel, snippets_dir):
        digest.update(path.relative_to(snippets_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def timeout_of(rel: str, snippets_dir: Path | None = None, default: float = DEFAULT_TIMEOUT) -> float:
    snippets_dir = snippets_dir or SNIPPETS
    head = "\n".join((snippets_dir / rel).read_text(encoding="utf-8").splitlines()[:5])
    match = _TIMEOUT_RE.search(head)
    return float(match[1]) if match else default


def load_result(rel: str, out_dir: Path | None = None) -> dict | None:
    """The last good result of a snippet, or None if it never ran successfully."""
    out_dir = out_dir or OUT
    try:
        return json.loads((out_dir / rel / "result.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


# --- In the worker process ---------------------------------------------------------------


class _BlockWriter(io.TextIOBase):
    """stdout of a snippet as a list of blocks, so tables from dlnotes.show keep their place."""

    def __init__(self, blocks: list):
        self.blocks = blocks

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.blocks and self.blocks[-1]["type"] == "text":
            self.blocks[-1]["text"] += text
        else:
            self.blocks.append({"type": "text", "text": text})
        return len(text)


def _init_worker(snippets_dir: str, preload: tuple[str, ...]) -> None:
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ["PYTHONHASHSEED"] = "0"
    sys.path.insert(0, snippets_dir)
    import dlnotes  # noqa: F401

    for name in preload:
        __import__(name)
    if "tensorflow" in sys.modules:
        tf = sys.modules["tensorflow"]
        # One thread per worker: the pool already uses every core, and reductions always
        # run in the same order, so two runs print the same digits.
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.config.experimental.enable_op_determinism()
        tf.get_logger().setLevel("ERROR")  # e.g. retracing notices: not for the reader
    if "keras" in sys.modules:
        # Progress messages, if a snippet forgets verbose=0, go to logging, not to the page.
        sys.modules["keras"].utils.disable_interactive_logging()


def _snippet_error(exc: BaseException, path: str) -> dict:
    frames = traceback.extract_tb(exc.__traceback__)
    line = None
    for frame in frames:
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.filename and os.path.abspath(exc.filename) == path:
        line = exc.lineno
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return {"ok": False, "line": line, "error": f"{type(exc).__name__}: {exc}", "traceback": text}


def _execute(path: str, fig_dir: str, snippets_dir: str) -> dict:
    """Run one snippet in this worker, isolated from the ones before it."""
    import dlnotes

    import runpy


    blocks: list = []
    figures: list = []
    dlnotes.style()
    if "keras" in sys.modules:
        sys.modules["keras"].backend.clear_session()
    dlnotes.seed(0)
    dlnotes._capture.update(figures=figures, blocks=blocks, fig_dir=fig_dir)
    modules_before = set(sys.modules)
    old_cwd, old_argv, old_stdout = os.getcwd(), sys.argv, sys.stdout
    start = time.perf_counter()
    try:
        os.chdir(os.path.dirname(path))
        sys.argv = [path]
        sys.stdout = _BlockWriter(blocks)
        runpy.run_path(path, run_name="__main__")
        sys.stdout.flush()
        result = {"ok": True, "blocks": blocks, "figures": figures}
    except BaseException as exc:  # noqa: BLE001 - SystemExit too: report, never kill the worker
        result = _snippet_error(exc, path)
    finally:
        sys.stdout, sys.argv = old_stdout, old_argv
        os.chdir(old_cwd)
        dlnotes._capture.update(figures=None, blocks=None, fig_dir=None)
        import matplotlib.pyplot as plt

        plt.close("all")
        # Forget modules the snippet imported from snippets/, so the next one starts clean.
        for name in set(sys.modules) - modules_before:
            file = getattr(sys.modules[name], "__file__", None) or ""
            if file.startswith(snippets_dir) and name != "dlnotes":
                del sys.modules[name]
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


# --- In the parent: schedule, publish atomically, report ---------------------------------


@dataclass
class Outcome:
    rel: str
    status: str  # "cached", "ran", "failed", "timeout"
    seconds: float = 0.0
    line: int | None = None
    error: str = ""
    traceback: str = ""
    result: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in ("cached", "ran")

    def describe(self) -> str:
        where = f"snippets/{self.rel}" + (f", line {self.line}" if self.line else "")
        return f"{where}: {self.error}"


def _lock(out_dir: Path, rel: str):
    from filelock import FileLock

    locks = out_dir / ".locks"
    locks.mkdir(parents=True, exist_ok=True)
    return FileLock(str(locks / (hashlib.sha1(rel.encode()).hexdigest()[:16] + ".lock")))


def _publish(out_dir: Path, rel: str, key: str, staged: Path, result: dict) -> dict:
    """Move a successful run into place: figures first, then result.json by atomic rename."""
    dest = out_dir / rel
    dest.mkdir(parents=True, exist_ok=True)
    run_dir = dest / key[:16]
    with _lock(out_dir, rel):
        if run_dir.exists():
            shutil.rmtree(run_dir)
        os.replace(staged, run_dir)
        record = {
            "snippet": rel,
            "key": key,
            "run_dir": run_dir.name,
            "seconds": result["seconds"],
            "blocks": result["blocks"],
            "figures": result["figures"],
        }
        tmp = dest / f".result.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, dest / "result.json")
        old = sorted(
            (p for p in dest.iterdir() if p.is_dir() and p != run_dir), key=lambda p: p.stat().st_mtime
        )
        for stale in old[: max(0, len(old) - KEEP_OLD_RUNS)]:
            shutil.rmtree(stale, ignore_errors=True)
    return record


class _Progress:
    """A rich progress bar on a terminal; plain lines otherwise (CI logs, mkdocs serve)."""

    def __init__(self, total: int, enabled: bool):
        self.rich = None
        self.enabled = enabled and total > 0
        if self.enabled and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.rich = Progress(
                TextColumn("[bold]snippets"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("{task.description}"), transient=True,
            )
            self.task = self.rich.add_task("", total=total)
            self.rich.start()

    def started(self, rel: str) -> None:
        if self.rich:
            self.rich.update(self.task, description=rel)

    def done(self, outcome: Outcome) -> None:
        if not self.enabled:
            return
        line = f"{outcome.status:>7} {outcome.seconds:6.1f}s  {outcome.rel}"
        if not outcome.ok:
            line += f"\n        {outcome.describe()}"
        if self.rich:
            self.rich.console.print(line, highlight=False, markup=False)
            self.rich.advance(self.task)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.rich:
            self.rich.stop()


def run(
    selected: list[str] | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
    snippets_dir: Path | None = None,
    out_dir: Path | None = None,
    preload: tuple[str, ...] = ("tensorflow", "keras"),
    progress: bool = True,
    default_timeout: float = DEFAULT_TIMEOUT,
) -> list[Outcome]:
    """Bring every selected snippet's outputs up to date; return one Outcome per snippet."""
    from pebble import ProcessPool

    snippets_dir, out_dir = Path(snippets_dir or SNIPPETS).resolve(), Path(out_dir or OUT).resolve()
    rels = discover(snippets_dir) if selected is None else list(selected)
    outcomes: dict[str, Outcome] = {}
    todo = []
    for rel in rels:
        if not (snippets_dir / rel).is_file():
            outcomes[rel] = Outcome(rel, "failed", error="no such snippet file")
            continue
        key = cache_key(rel, snippets_dir)
        previous = load_result(rel, out_dir)
        if not force and previous and previous.get("key") == key and (out_dir / rel / previous["run_dir"]).is_dir():
            outcomes[rel] = Outcome(rel, "cached", previous.get("seconds", 0.0), result=previous)
        else:
            todo.append((rel, key))

    bar = _Progress(len(todo), progress)
    if todo:
        out_dir.mkdir(parents=True, exist_ok=True)
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        # spawn: a clean interpreter per worker, whatever the parent has imported. Workers
        # get the parent's sys.path and must find this module by name there, also when the
        # parent loaded it from a path (MkDocs restores sys.path after loading hooks).
        here = str(Path(__file__).resolve().parent)
        if here not in sys.path:
            sys.path.append(here)
        context = multiprocessing.get_context("spawn")
        with ProcessPool(max_workers=workers, initializer=_init_worker,
                         initargs=(str(snippets_dir), preload), context=context) as pool:
            pending = []
            for rel, key in todo:
                staged = Path(tempfile.mkdtemp(prefix=".run-", dir=out_dir))
                future = pool.schedule(
                    _execute, args=(str(snippets_dir / rel), str(staged), str(snippets_dir)),
                    timeout=timeout_of(rel, snippets_dir, default_timeout),
                )
                pending.append((rel, key, staged, future))
            for rel, key, staged, future in pending:
                bar.started(rel)
                try:
                    result = future.result()
                except FutureTimeout:
                    limit = timeout_of(rel, snippets_dir, default_timeout)
                    outcome = Outcome(rel, "timeout", limit,
                                      error=f"timed out after {limit:g} s and was stopped "
                                            "(raise it with a first line '# snippet: timeout=N')")
                except Exception as exc:  # the worker died (out of memory, a crash in C code)
                    outcome = Outcome(rel, "failed", error=f"worker died: {exc!r}")
                else:
                    if result["ok"]:
                        record = _publish(out_dir, rel, key, staged, result)
                        outcome = Outcome(rel, "ran", result["seconds"], result=record)
                    else:
                        outcome = Outcome(rel, "failed", result["seconds"], result["line"],
                                          result["error"], result["traceback"])
                if staged.exists():
                    shutil.rmtree(staged, ignore_errors=True)
                outcomes[rel] = outcome
                bar.done(outcome)
    bar.close()
    return [outcomes[rel] for rel in rels]


def summary_table(outcomes: list[Outcome]) -> str:
    """Run times, slowest first, and the totals."""
    rows = sorted(outcomes, key=lambda o: (-o.seconds if o.status != "cached" else 0, o.rel))
    width = max([len(o.rel) for o in outcomes] + [7])
    lines = [f"{'snippet':<{width}}  {'status':>7}  {'seconds':>7}"]
    lines += [f"{o.rel:<{width}}  {o.status:>7}  {o.seconds:7.1f}" for o in rows]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("ran", "cached", "failed", "timeout")}
    ran_time = sum(o.seconds for o in outcomes if o.status == "ran")
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()) + f"; {ran_time:.1f} s of snippet time")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--force", action="store_true", help="re-run even if cached")
    parser.add_argument("-k", dest="pattern", help="only snippets whose path contains this (or matches this glob)")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--list", action="store_true", help="list the snippets and whether they are cached")
    args = parser.parse_args(argv)

    rels = discover()
    if args.pattern:
        rels = [r for r in rels if args.pattern in r or fnmatch.fnmatch(r, args.pattern)]
    if args.list:
        for rel in rels:
            previous = load_result(rel)
            state = "cached" if previous and previous["key"] == cache_key(rel) else "stale"
            print(f"{state:>6}  {rel}")
        return 0
    outcomes = run(rels, force=args.force, jobs=args.jobs)
    print(summary_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"\nFAILED {outcome.describe()}\n{outcome.traceback}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
