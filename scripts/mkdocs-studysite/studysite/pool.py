"""Long-lived worker processes for snippets, and what the parent does when one goes wrong.

Our own small pool rather than pebble or concurrent.futures, because a snippet run needs
three things they do not give: a timed-out task reports the line it was stopped at (the
worker dumps its stack with faulthandler before it is killed); a worker whose state a
snippet spoiled is replaced before the next task; and Ctrl-C stops everything at once
(the executors' context exit waits for the whole queue).

`mkdocs serve` keeps one pool for the whole session with a worker on standby: it imports the
preloaded modules while the author edits, so a saved snippet runs at once instead of after a
worker's start (seconds, for a heavy library).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from . import stopping, worker

START_TIMEOUT = 180.0  # seconds for a worker to import its preloaded modules and say it is ready


@dataclass
class Task:
    name: str  # what the task is, for the caller (a snippet's path under snippets/)
    args: tuple  # for worker.execute
    timeout: float


@dataclass
class Stopped:
    """A task that did not return: it timed out, or its worker died."""

    reason: str  # "timeout" or "died"
    message: str
    line: int | None = None


@dataclass
class _Worker:
    process: multiprocessing.Process
    connection: object
    dump: Path
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0
    started: float = field(default_factory=time.monotonic)


def _exit_status(code: int | None) -> str:
    if code is None:
        return "did not exit"
    if code < 0:
        try:
            return f"was killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


def _line_in_dump(text: str, path: str) -> int | None:
    """The innermost line of ``path`` in a faulthandler dump of the worker's threads."""
    for line in text.splitlines():
        match = re.match(r'\s*File "(.+)", line (\d+)', line)
        if match and os.path.abspath(match[1]) == path:
            return int(match[2])  # faulthandler lists the innermost frame first
    return None


class WorkerPool:
    """Up to `workers` processes while tasks run; `standby` of them kept started between runs."""

    def __init__(self, workers: int, config: worker.WorkerConfig, standby: int = 0):
        self.size, self.config, self.standby = workers, config, standby
        self.context = multiprocessing.get_context("spawn")  # a clean interpreter, whatever the parent imported
        self.workers: list[_Worker] = []
        self.dumps = Path(tempfile.mkdtemp(prefix="studysite-dumps-"))

    def _start(self) -> _Worker:
        self.dumps.mkdir(exist_ok=True)
        parent, child = self.context.Pipe()
        dump = self.dumps / f"{len(self.workers)}-{time.monotonic_ns()}.txt"
        process = self.context.Process(target=worker.main, args=(child, str(dump), self.config, os.getpid()),
                                       daemon=True)
        process.start()
        child.close()
        one = _Worker(process, parent, dump)
        self.workers.append(one)
        return one

    def _stop(self, one: _Worker) -> None:
        if one.process.is_alive():
            one.process.kill()
        one.process.join(5)
        one.connection.close()
        self.workers.remove(one)

    def run(self, tasks: list[Task], on_start: Callable[[Task], None] = lambda t: None
            ) -> Iterator[tuple[Task, dict | Stopped]]:
        """Run every task; yield (task, result) as each one ends, in the order they end."""
        queue = deque(tasks)
        try:
            for _ in range(min(self.size, len(queue)) - len(self.workers)):
                self._start()
            while queue or any(w.task for w in self.workers):
                stopping.check()  # Ctrl-C in another thread, or a server shutting down: stop at once
                now = time.monotonic()
                for one in list(self.workers):
                    if one.ready and one.task is None and queue:
                        one.task = queue.popleft()
                        one.deadline = now + one.task.timeout
                        one.connection.send(one.task.args)
                        on_start(one.task)
                deadlines = [w.deadline for w in self.workers if w.task] + [
                    w.started + START_TIMEOUT for w in self.workers if not w.ready]
                timeout = max(0.0, min(deadlines, default=now + 1) - now)
                ready = wait([w.connection for w in self.workers] + [w.process.sentinel for w in self.workers],
                             timeout=min(timeout, stopping.POLL))
                for one in list(self.workers):
                    if one.connection in ready or one.process.sentinel in ready:
                        try:
                            message = one.connection.recv() if one.connection.poll() else None
                        except (EOFError, OSError):
                            message = None
                        if message is None:  # the process ended without a word: it died
                            stopping.check()  # killed because everything is stopping: not the snippet's fault
                            one.process.join(5)
                            task = one.task
                            status = _exit_status(one.process.exitcode)
                            self._stop(one)
                            if task is not None:
                                yield task, Stopped("died", f"its worker process {status} (out of memory, "
                                                            "or a crash in compiled code)")
                            elif not one.ready:
                                raise RuntimeError(f"a snippet worker {status} while starting (its set-up "
                                                   f"{self.config.setup or 'none'}, preload "
                                                   f"{', '.join(self.config.preload) or 'none'})")
                            if queue:
                                self._start()
                            continue
                        kind, result = message
                        if kind == "ready":
                            one.ready = True
                            continue
                        task, one.task = one.task, None
                        if result.get("retire"):
                            self._stop(one)
                            if queue:
                                self._start()
                        yield task, result
                    elif one.task is not None and time.monotonic() > one.deadline:
                        task = one.task
                        line = self._where(one, task)
                        self._stop(one)
                        yield task, Stopped("timeout", f"timed out after {task.timeout:g} s and was stopped", line)
                        if queue:
                            self._start()
                    elif not one.ready and time.monotonic() > one.started + START_TIMEOUT:
                        raise RuntimeError(f"a snippet worker did not start within {START_TIMEOUT:g} s")
        except BaseException:  # also Ctrl-C, and a caller that stopped reading (GeneratorExit)
            self.close()
            raise
        self.keep_standby()

    def keep_standby(self) -> None:
        """Between runs: `standby` workers started (a new one imports its preloads now), no more."""
        for one in self.workers[self.standby:]:
            self._stop(one)
        for _ in range(self.standby - len(self.workers)):
            self._start()

    def _where(self, one: _Worker, task: Task) -> int | None:
        """Ask a stuck worker for its stack (faulthandler on SIGUSR1), and find the snippet's line."""
        try:
            os.kill(one.process.pid, signal.SIGUSR1)
        except ProcessLookupError:
            return None
        for _ in range(20):  # up to 1 s for the dump
            time.sleep(0.05)
            text = one.dump.read_text(errors="replace") if one.dump.exists() else ""
            if "File " in text:
                time.sleep(0.05)
                return _line_in_dump(one.dump.read_text(errors="replace"), os.path.abspath(task.args[0]))
        return None

    def close(self) -> None:
        """Stop every worker at once (also on Ctrl-C): no waiting for the queue."""
        for one in list(self.workers):
            if one.process.is_alive():
                one.process.kill()
        for one in list(self.workers):
            one.process.join(5)
            one.connection.close()
        self.workers.clear()
        for dump in self.dumps.glob("*"):
            dump.unlink(missing_ok=True)
        try:
            self.dumps.rmdir()
        except OSError:
            pass
