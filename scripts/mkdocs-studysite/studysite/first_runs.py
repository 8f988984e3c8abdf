"""``mkdocs serve`` on a fresh clone: the site is served at once, and its examples fill in as they run.

Everything a fresh clone runs first (every snippet, lab and exercise) takes minutes on a laptop,
and ``mkdocs serve`` serves nothing until its first build is done. So when a serve session finds
a snippet that never ran, its first build runs nothing: each example not run yet is shown as
"still running", with how many are done (``embed.pending_note``; a lab page shows its code under
such a note, ``write_lab_placeholders``). When that build is served, the runs start in the
background: the snippets beside the labs (as in any build), then the exercises. A finished run
is published as usual (``runner.publish``), and the site is rebuilt from what is there every
``REBUILD_EVERY`` seconds, when a lab's notebook is written, and once at the end: the browser
reloads each time. That last build runs as any other, and reports what failed.

Only ``mkdocs serve`` does this. ``mkdocs build`` (a deploy, the tests) still runs everything
before it renders a page, and a page never shows "still running".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import labs, stopping
from .outcome import Outcome
from .project import Project

log = logging.getLogger("mkdocs.plugins.studysite")

REBUILD_EVERY = 90.0  # seconds; a rebuild takes a core for ~25 s from the runs


class FirstRuns:
    """The runs of a fresh clone's first serve, in stages; each stage's jobs run side by side."""

    def __init__(self, stamp: Path):
        self.stamp = stamp  # a file in a folder mkdocs serve watches: touching it rebuilds the site
        self.stages: list[list[tuple[str, Callable[[], list[Outcome]]]]] = [[], []]
        self.outcomes: list[Outcome] = []
        self.thread: threading.Thread | None = None
        self.finished = threading.Event()

    def add(self, name: str, job: Callable[[], list[Outcome]], *, stage: int = 0) -> None:
        """Run ``job`` in the background; stage 1 starts once stage 0 is done."""
        if self.started:
            raise RuntimeError("the first runs have started: add jobs during the first build")
        self.stages[stage].append((name, job))

    @property
    def started(self) -> bool:
        return self.thread is not None

    @property
    def running(self) -> bool:
        """True from the first build until the last run ended: a missing output is still coming."""
        return not self.finished.is_set()

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="studysite-first-runs", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        names = ", ".join(name for stage in self.stages for name, _ in stage) or "no examples"
        log.info("studysite: the site is served; %s run behind it, and the pages fill in as they finish "
                 "(a rebuild every %.0f s and at the end)", names, REBUILD_EVERY)
        start = time.monotonic()
        ticker = threading.Thread(target=self._rebuild_while_running, daemon=True)
        ticker.start()
        try:
            for stage in self.stages:
                threads = [threading.Thread(target=self._job, args=job, daemon=True) for job in stage]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
        finally:
            self._end(start)

    def _end(self, start: float) -> None:
        if stopping.stopped():  # the server is shutting down: nothing to report, nothing to rebuild
            self.finished.set()
            return
        failed = sum(not o.ok for o in self.outcomes)  # reported by the rebuild, which runs them again
        log.info("studysite: the first runs took %.0f s (%d ran, %d failed); rebuilding the site",
                 time.monotonic() - start, sum(o.status == "ran" for o in self.outcomes), failed)
        self.finished.set()
        self.rebuild()

    def _job(self, name: str, job: Callable[[], list[Outcome]]) -> None:
        try:
            self.outcomes += job()
        except stopping.Cancelled:
            return  # the server is shutting down: the next serve runs what is left, and blames nothing
        except Exception as error:  # noqa: BLE001 - Ctrl-C, or a broken pool: the next build runs what is left
            # INFO, not an error: a warning logged while a rebuild runs would abort it in strict mode.
            log.info("studysite: the first run of %s stopped (%s: %s); the next build runs what is left",
                     name, type(error).__name__, error)

    def _rebuild_while_running(self) -> None:
        while not self.finished.wait(REBUILD_EVERY):
            self.rebuild()

    def stop(self, wait: float = 5.0) -> None:
        """The server is shutting down: every run stops (its staging removed) before the process ends."""
        stopping.stop()
        if self.thread is not None:
            self.thread.join(wait)

    def rebuild(self) -> None:
        self.stamp.parent.mkdir(parents=True, exist_ok=True)
        self.stamp.write_text(f"{time.time()}\n", encoding="utf-8")


def write_lab_placeholders(project: Project) -> int:
    """Each lab with no notebook yet gets one with its code and no outputs, under a note that it is
    still running. It has no key, so the lab runs and replaces it, as in any build."""
    import nbformat

    written = 0
    for name in labs.discover(project.labs):
        for lang in project.languages:
            target = labs.target_of(project, name, lang)
            if target.exists():
                continue
            try:
                notebook = labs.for_language(labs.read(project.labs / name), lang, project)
            except Exception:  # noqa: BLE001 - a lab that cannot be read: its run reports why
                continue
            for cell in notebook.cells:
                cell.metadata.pop("source_line", None)
            note = nbformat.v4.new_markdown_cell("> " + project.text(lang, "lab_still_running"))
            note.id = "still-running"
            notebook.cells.insert(1 if notebook.cells and notebook.cells[0].cell_type == "markdown" else 0, note)
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, target)
            written += 1
    return written
