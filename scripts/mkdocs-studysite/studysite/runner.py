"""Run a project's snippets and keep what they print and draw: the one place that runs them.

Each snippet's outputs land in ``<outputs>/<section>/<name>.py/``: ``result.json`` (per
cell: what it printed, as text and table blocks, and its figures with alt text), the
figures of that result in a folder named by their content hash, and ``timing.json`` (how
long the run took: kept apart so that two runs give byte-identical results).

A reader (a build, another runner) may read at any moment: a figure folder is complete
before ``result.json`` points to it (an atomic rename), and the folder the previous result
pointed to is kept until the next publication, so a reader never finds a missing figure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import cache, capture
from .outcome import Outcome
from .pool import Stopped, Task, WorkerPool
from .project import Project
from .worker import WorkerConfig

# Figure folders of earlier results are kept for a build still reading them: at least the last one, and
# every one younger than this (a build reads result.json, and copies its figures minutes later while
# the author may save a snippet twice).
KEEP_OLD_RUNS = 1
KEEP_OLD_RUNS_FOR = 15 * 60  # seconds
STAGING = ".run-"


def load_result(outputs: Path, rel: str) -> dict | None:
    """The last good result of a snippet, or None if it never ran successfully."""
    try:
        return json.loads((outputs / rel / "result.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, json.JSONDecodeError):
        return None


def lock(outputs: Path, name: str):
    """A lock between processes (mkdocs serve and pytest may publish the same thing at once)."""
    from filelock import FileLock

    locks = outputs / ".locks"
    locks.mkdir(parents=True, exist_ok=True)
    return FileLock(str(locks / (hashlib.sha1(name.encode()).hexdigest()[:16] + ".lock")))


def _content_id(staged: Path, cells: list) -> str:
    digest = hashlib.sha256(json.dumps(cells, sort_keys=True, ensure_ascii=False).encode())
    for path in sorted(staged.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class OutputsError(Exception):
    """The outputs folder cannot be written (read-only, disk full): one line, and the last good outputs kept."""


def _write_atomically(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a disk that filled up leaves no empty file behind
        raise


def publish(outputs: Path, rel: str, key: str, staged: Path, result: dict, labels: str = "") -> dict:
    """Put a successful run in place: its figure folder first, then result.json by atomic rename."""
    dest = outputs / rel
    dest.mkdir(parents=True, exist_ok=True)
    run_dir = dest / _content_id(staged, result["cells"])
    with lock(outputs, rel):
        if run_dir.is_dir():
            for made in staged.iterdir():  # a file deleted from the outputs since: put back (same content id)
                if not (run_dir / made.name).exists():
                    os.replace(made, run_dir / made.name)
            os.utime(run_dir)  # the same output again: keep the folder, mark it the newest
        else:
            os.replace(staged, run_dir)
        record = {"snippet": rel, "key": key, "run_dir": run_dir.name, "cells": result["cells"],
                  "claims": result.get("claims", {}), "values": result.get("values", {}), "labels": labels}
        _write_atomically(dest / "result.json", record)
        _write_atomically(dest / "timing.json", {"seconds": result["seconds"]})
        older = sorted((p for p in dest.iterdir() if p.is_dir() and p != run_dir), key=lambda p: p.stat().st_mtime)
        young = time.time() - KEEP_OLD_RUNS_FOR
        for stale in older[: max(0, len(older) - KEEP_OLD_RUNS)]:
            if stale.stat().st_mtime < young:
                shutil.rmtree(stale, ignore_errors=True)
    return record


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_staging(outputs: Path) -> int:
    """Remove staging folders left by runs that were killed (their process is gone)."""
    removed = 0
    for folder in outputs.glob(f"{STAGING}*"):
        match = re.match(rf"{re.escape(STAGING)}(\d+)-", folder.name)
        if folder.is_dir() and (not match or not _pid_alive(int(match[1]))):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def figures_of(result: dict) -> list[dict]:
    return [figure for cell in result.get("cells", []) for figure in cell["figures"]]


class Progress:
    """A rich progress bar on a terminal; plain lines otherwise (CI logs, mkdocs serve)."""

    def __init__(self, total: int, enabled: bool, label: str = "snippets"):
        self.rich = None
        self.enabled, self.total, self.finished = enabled and total > 0, total, 0
        if self.enabled and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.rich = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 TextColumn("{task.description}"), transient=True)
            self.task = self.rich.add_task("", total=total)
            self.rich.start()

    def started(self, name: str) -> None:
        if self.rich:
            self.rich.update(self.task, description=name)

    def done(self, outcome: Outcome) -> None:
        if not self.enabled:
            return
        self.finished += 1
        line = f"{outcome.status:>7} {outcome.seconds:6.1f}s  [{self.finished}/{self.total}] {outcome.source}"
        if not outcome.ok:
            line += f"\n        {outcome.describe()}"
        for warning in outcome.warnings:
            line += f"\n        warning: {warning}"
        if self.rich:
            self.rich.console.print(line, highlight=False, markup=False)
            self.rich.advance(self.task)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.rich:
            self.rich.stop()


def plan(project: Project, selected: list[str] | None = None, force: bool = False
         ) -> tuple[dict[str, Outcome], list[tuple[str, str]]]:
    """Which snippets are cached (their outcomes) and which must run (with their keys)."""
    rels = cache.discover(project) if selected is None else list(selected)
    done, todo = {}, []
    for rel in rels:
        if not (project.snippets / rel).is_file():
            done[rel] = Outcome("snippet", rel, "failed", error="no such snippet file")
            continue
        key = cache.cache_key(project, rel)
        previous = load_result(project.outputs, rel)
        if (not force and previous and previous.get("key") == key and _files_present(project.outputs / rel, previous)
                and (not figures_of(previous) or previous.get("labels", "") == cache.labels_key(project))):
            done[rel] = Outcome("snippet", rel, "cached", result=previous)
        else:
            todo.append((rel, key))
    return done, todo


def _files_present(folder: Path, result: dict) -> bool:
    """A kept result counts only with every file it names (a deleted figure runs it again)."""
    run_dir = folder / result["run_dir"]
    return run_dir.is_dir() and all((run_dir / name).is_file() for figure in figures_of(result)
                                    for name in capture.files_of(figure))


def run(project: Project, selected: list[str] | None = None, *, force: bool = False, jobs: int | None = None,
        progress: bool = True, default_timeout: float | None = None, pool: WorkerPool | None = None
        ) -> list[Outcome]:
    """Bring every selected snippet's outputs up to date; return one Outcome per snippet.

    With `pool` (mkdocs serve's, kept for the session) the snippets run in its workers, and it
    stays open; else in a pool of `jobs` workers made for this run."""
    rels = cache.discover(project) if selected is None else list(selected)
    default_timeout = project.settings.timeout if default_timeout is None else default_timeout
    jobs = jobs or project.settings.workers
    outcomes, todo = plan(project, rels, force)
    labels = cache.labels_key(project)  # what the figures' words were drawn from (plan: their second key)
    outputs = project.outputs
    try:
        outputs.mkdir(parents=True, exist_ok=True)
        sweep_staging(outputs)
    except OSError as error:
        raise OutputsError(f"cannot write to the outputs folder {outputs}: {error.strerror or error}") from None
    bar = Progress(len(todo), progress)
    staged: dict[str, Path] = {}
    keys = dict(todo)
    own = None  # the pool made for this run, if any
    try:
        if todo:
            tasks = []
            for rel, _ in todo:
                try:
                    staged[rel] = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=outputs))
                except OSError as error:
                    raise OutputsError(f"cannot write to the outputs folder {outputs}: "
                                       f"{error.strerror or error}") from None
                tasks.append(Task(rel, (str(project.snippets / rel), str(staged[rel]), str(project.snippets)),
                                  cache.timeout_of(project.snippets, rel, default_timeout)))
            if pool is None and project.settings.cluster:  # on a cluster's workers instead (executors/)
                from .executors import cluster_pool

                pool = own = cluster_pool(project)
            if pool is None:
                pool = own = WorkerPool(max(1, min(jobs or os.cpu_count() or 1, len(todo))),
                                        WorkerConfig.of(project))
            for task, result in pool.run(tasks, on_start=lambda t: bar.started(t.name)):
                rel = task.name
                if isinstance(result, Stopped):
                    hint = " (raise it with a first line '# snippet: timeout=N')" if result.reason == "timeout" else ""
                    where = f"; it was at line {result.line}" if result.line else ""
                    outcome = Outcome("snippet", rel, "timeout" if result.reason == "timeout" else "failed",
                                      task.timeout if result.reason == "timeout" else 0.0, result.line,
                                      error=result.message + where + hint)
                elif result["ok"]:
                    try:
                        record = publish(outputs, rel, keys[rel], staged[rel], result, labels)
                        outcome = Outcome("snippet", rel, "ran", result["seconds"], warnings=result["warnings"],
                                          result=record)
                    except OSError as error:  # disk full, read-only: the last good outputs stay as they were
                        outcome = Outcome("snippet", rel, "failed", result["seconds"],
                                          error=f"its outputs could not be written to {outputs}: "
                                                f"{error.strerror or error}")
                else:
                    outcome = Outcome("snippet", rel, "failed", result["seconds"], result["line"],
                                      error=result["error"], traceback=result["traceback"],
                                      warnings=result.get("warnings", []))
                shutil.rmtree(staged.pop(rel), ignore_errors=True)
                outcomes[rel] = outcome
                outcome.folder = project.settings.snippets_dir
                bar.done(outcome)
    finally:
        bar.close()
        if own is not None:
            own.close()
        for folder in staged.values():  # Ctrl-C or an error: nothing half-made is left behind
            shutil.rmtree(folder, ignore_errors=True)
    for outcome in outcomes.values():
        outcome.folder = project.settings.snippets_dir
    return [outcomes[rel] for rel in rels]


# --- Changed copies of a snippet (a quiz's plausible mistakes) ------------------------------------------

VARIANTS = "variants"  # under the cache folder: one <hash of snippet and text>.json per changed copy that ran


def variant_key(project: Project, rel: str, source: str) -> str:
    """A changed copy's key: what the snippet's own key covers, and the copy's text."""
    digest = hashlib.sha256(cache.cache_key(project, rel).encode() + b"\0" + source.encode("utf-8"))
    return digest.hexdigest()[:32]


def _variant_file(project: Project, rel: str, source: str) -> Path:
    name = hashlib.sha256(rel.encode() + b"\0" + source.encode("utf-8")).hexdigest()[:32]
    return project.cache / VARIANTS / f"{name}.json"


def load_variant(project: Project, rel: str, source: str) -> dict | None:
    """The last good run of a changed copy of ``rel`` (``source``), or None if it never ran (like
    ``load_result``: whether it is current is ``run_variants``'s business)."""
    try:
        return json.loads(_variant_file(project, rel, source).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def run_variants(project: Project, variants: list[tuple[str, str]], *, jobs: int | None = None,
                 pool: WorkerPool | None = None, progress: bool = False) -> list[Outcome]:
    """Run changed copies of snippets, each ``(rel, source)`` as if it were ``rel`` (its folder, its line
    numbers), cached by content like a snippet; one Outcome per copy, in order. What a copy prints is
    kept (``load_variant``); its figures are not."""
    folder = project.cache / VARIANTS
    folder.mkdir(parents=True, exist_ok=True)
    sweep_staging(folder)
    outcomes: dict[int, Outcome] = {}
    todo = []
    for index, (rel, source) in enumerate(variants):
        kept = load_variant(project, rel, source)
        if kept is not None and kept.get("key") == variant_key(project, rel, source):
            outcomes[index] = Outcome("snippet", rel, "cached", result=kept)
        else:
            todo.append(index)
    bar = Progress(len(todo), progress, label="changed copies")
    staged: dict[int, Path] = {}
    own = None
    try:
        if todo:
            tasks = []
            for index in todo:
                rel, source = variants[index]
                staged[index] = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=folder))
                tasks.append(Task(str(index), (str(project.snippets / rel), str(staged[index]),
                                               str(project.snippets), source),
                                  cache.timeout_of(project.snippets, rel, project.settings.timeout)))
            if pool is None:
                pool = own = WorkerPool(max(1, min(jobs or project.settings.workers or os.cpu_count() or 1,
                                                   len(todo))), WorkerConfig.of(project))
            for task, result in pool.run(tasks, on_start=lambda t: bar.started(variants[int(t.name)][0])):
                index = int(task.name)
                rel, source = variants[index]
                if isinstance(result, Stopped):
                    where = f"; it was at line {result.line}" if result.line else ""
                    outcome = Outcome("snippet", rel, "timeout" if result.reason == "timeout" else "failed",
                                      line=result.line, error=result.message + where)
                elif result["ok"]:
                    record = {"snippet": rel, "key": variant_key(project, rel, source), "cells": result["cells"]}
                    _write_atomically(_variant_file(project, rel, source), record)
                    outcome = Outcome("snippet", rel, "ran", result["seconds"], result=record)
                else:
                    outcome = Outcome("snippet", rel, "failed", result["seconds"], result["line"],
                                      error=result["error"], traceback=result["traceback"])
                shutil.rmtree(staged.pop(index), ignore_errors=True)
                outcome.folder = project.settings.snippets_dir
                outcomes[index] = outcome
                bar.done(outcome)
    finally:
        bar.close()
        if own is not None:
            own.close()
        for path in staged.values():
            shutil.rmtree(path, ignore_errors=True)
    for outcome in outcomes.values():
        outcome.folder = project.settings.snippets_dir
    return [outcomes[index] for index in range(len(variants))]


def seconds_of(outputs: Path, rel: str) -> float:
    try:
        return json.loads((outputs / rel / "timing.json").read_text(encoding="utf-8"))["seconds"]
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return 0.0


def summary_table(outcomes: list[Outcome]) -> str:
    """Run times, slowest first, and the totals."""
    rows = sorted(outcomes, key=lambda o: (-o.seconds if o.status != "cached" else 0, o.rel))
    width = max([len(o.source) for o in outcomes] + [7])
    lines = [f"{'':<{width}}  {'status':>7}  {'seconds':>7}"]
    lines += [f"{o.source:<{width}}  {o.status:>7}  {o.seconds:7.1f}" for o in rows]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("ran", "cached", "failed", "timeout")}
    ran_time = sum(o.seconds for o in outcomes if o.status == "ran")
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()) + f"; {ran_time:.1f} s of run time")
    return "\n".join(lines)
