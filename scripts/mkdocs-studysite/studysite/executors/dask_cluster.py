"""Snippets run on a Dask cluster's workers (the ``cluster`` option: a scheduler's address).

Each Dask worker runs the engine's own local machinery: a ``pool.WorkerPool`` of one engine
worker process (started by ``worker.main``: the preloaded modules imported once, every
snippet's process state restored, the process replaced when it cannot be, timeouts stopped
with the line they were at). So a snippet on the cluster has exactly the isolation it has on
this machine. The remote task sends back the worker's result dict and its figures' bytes; the
client writes the bytes into the task's local staging folder and the runner publishes them
into the content-addressed store as it publishes a local run: the same bytes either way.

The snippets folder goes to the cluster once per build (a task whose input is the folder: a
worker fetches it once, and one lost with it is recomputed), so the cluster's machines need the
same Python environment as the author's (the keys name every installed distribution) but not
the course's files.

Dask rather than Ray (measured on 2 cores, 2 local workers, see the engine README): a local
cluster starts in 2.7 s (Ray: 10.5 s), its wheel and dependencies are pure Python and already
half-installed with the engine (Ray: 240 MB), and its scheduler re-runs the task of a worker
that died on another worker (``distributed.scheduler.allowed-failures``) and then says so
(``KilledWorker``). Its per-task overhead (5-20 ms) is nothing next to a snippet's seconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from .. import stopping
from ..pool import Stopped, Task, WorkerPool
from ..runner import _pid_alive
from ..worker import WorkerConfig
from . import ClusterError

CONNECT_TIMEOUT = "10s"
STOP_POLL = 0.2  # seconds: how often a running remote task looks whether its build was stopped
NOT_DAEMON = ("this Dask worker is a daemon process and cannot start the engine's worker process: start the "
              "cluster's workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (dask.config "
              "'distributed.worker.daemon': False)")


def pack(snippets: Path, config: WorkerConfig) -> tuple[dict, str]:
    """Every file of the snippets folder (what snippets import and read) and the figure label
    tables the workers read, with their content hash."""
    files = {}
    for path in sorted(snippets.rglob("*")):
        rel = path.relative_to(snippets)
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            files[rel.as_posix()] = path.read_bytes()
    labels = {lang: (Path(path).name, Path(path).read_bytes()) for lang, path in getattr(config, "figure_labels", ())}
    digest = hashlib.sha256()
    for rel, data in [*files.items(), *((f"labels {lang}/{name}", data) for lang, (name, data) in labels.items())]:
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return {"snippets": files, "labels": labels}, digest.hexdigest()[:16]


# --- On the Dask worker --------------------------------------------------------------------------

_local = threading.local()  # per Dask worker thread: (archive id, config, folder, WorkerPool)
_folders_lock = threading.Lock()
_FOLDERS = Path(tempfile.gettempdir()) / "studysite-cluster"


def _pool_for(archive: dict, archive_id: str, config: WorkerConfig) -> tuple[Path, WorkerPool]:
    """This thread's engine pool for these snippets and settings; another build's is closed first."""
    current = getattr(_local, "entry", None)
    if current and current[:2] == (archive_id, config):
        return current[2], current[3]
    if current:
        current[3].close()
        shutil.rmtree(current[2], ignore_errors=True)
    with _folders_lock:
        _FOLDERS.mkdir(exist_ok=True)
        for old in _FOLDERS.glob("*-*-*"):  # left by a Dask worker that was killed
            if old.name.split("-")[1].isdigit() and not _pid_alive(int(old.name.split("-")[1])):
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{archive_id}-{os.getpid()}-", dir=_FOLDERS))
    snippets = folder / "snippets"
    for rel, data in archive["snippets"].items():
        (snippets / rel).parent.mkdir(parents=True, exist_ok=True)
        (snippets / rel).write_bytes(data)
    changes = {"snippets_dir": str(snippets)}
    if archive["labels"]:
        (folder / "labels").mkdir()
        for lang, (name, data) in archive["labels"].items():
            (folder / "labels" / f"{lang}-{name}").write_bytes(data)
        changes["figure_labels"] = tuple((lang, str(folder / "labels" / f"{lang}-{name}"))
                                         for lang, (name, _) in archive["labels"].items())
    pool = WorkerPool(1, dataclasses.replace(config, **changes), standby=1)
    _local.entry = (archive_id, config, folder, pool)
    return folder, pool


def _watch_for_stop(pool: WorkerPool, done: threading.Event, dask_worker, key) -> None:
    """When the client stops (Ctrl-C) or drops the task, kill the engine worker running it."""
    while not done.wait(STOP_POLL):
        state = dask_worker.state.tasks.get(key)
        if state is None or state.state in ("cancelled", "released", "forgotten"):
            for one in list(pool.workers):
                if one.task is not None and one.process.is_alive():
                    one.process.kill()
            return


def run_remote(archive: dict, archive_id: str, config: WorkerConfig, rel: str, timeout: float, *extra) -> tuple:
    """One snippet on this Dask worker, in its engine worker process: ("done", (result, figure
    bytes), snippets folder) or ("stopped", (reason, message, line), snippets folder). ``extra``:
    the rest of ``worker.execute``'s arguments."""
    if multiprocessing.current_process().daemon:
        return "stopped", ("died", NOT_DAEMON, None), ""
    folder, pool = _pool_for(archive, archive_id, config)
    snippets = folder / "snippets"
    run_dir = Path(tempfile.mkdtemp(prefix=".run-", dir=folder))
    done = threading.Event()
    from distributed import get_worker

    dask_worker = get_worker()  # (only the task's own thread can ask)
    watcher = threading.Thread(target=_watch_for_stop, args=(pool, done, dask_worker, dask_worker.get_current_task()),
                               daemon=True)
    watcher.start()
    try:
        ((_, result),) = pool.run([Task(rel, (str(snippets / rel), str(run_dir), str(snippets), *extra), timeout)])
        if isinstance(result, Stopped):
            return "stopped", (result.reason, result.message, result.line), str(snippets)
        files = {p.name: p.read_bytes() for p in sorted(run_dir.iterdir())} if result["ok"] else {}
        return "done", (result, files), str(snippets)
    finally:
        done.set()
        shutil.rmtree(run_dir, ignore_errors=True)


def _snippets_folder(archive: dict) -> dict:
    return archive


# --- On the client (the build) ------------------------------------------------------------------


def _localize(text: str, remote: str, local: str) -> str:
    return text.replace(remote, local) if remote and isinstance(text, str) else text


class ClusterPool:
    """The local pool's interface (``run``, ``close``), on a Dask scheduler's workers."""

    def __init__(self, address: str, project):
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("the studysite option 'cluster' needs Dask distributed: pip install "
                               "'mkdocs-studysite[cluster]'") from None
        self.address, self.snippets = address, project.snippets
        self.config = WorkerConfig.of(project)
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"studysite option 'cluster': no Dask scheduler answers at {address} "
                               f"({error})") from None
        self.archive, self.archive_id = pack(self.snippets, self.config)
        self.shipped = None  # the archive's future on the cluster
        self.futures: list = []

    def run(self, tasks: list[Task], on_start: Callable[[Task], None] = lambda t: None
            ) -> Iterator[tuple[Task, dict | Stopped]]:
        from distributed import as_completed

        by_key = {}
        try:
            if self.shipped is None:
                # A task, not scattered data: the scheduler keeps its input, so a worker lost with its copy
                # loses nothing (scattered data would be gone, and every snippet with it).
                self.shipped = self.client.submit(_snippets_folder, self.archive,
                                                  key=f"studysite-snippets-{self.archive_id}")
            for task in tasks:
                rel = Path(task.args[0]).relative_to(self.snippets).as_posix()
                future = self.client.submit(run_remote, self.shipped, self.archive_id, self.config, rel, task.timeout,
                                            *task.args[3:], key=f"studysite-{rel}-{uuid.uuid4().hex[:8]}", pure=False)
                by_key[future.key] = task
                self.futures.append(future)
                on_start(task)
            # Results fetched as they end, side by side on the client's event loop: one at a time would cost a
            # round trip each.
            finished = as_completed(list(self.futures), loop=self.client.loop, with_results=True, raise_errors=False)
            while not finished.is_empty():
                stopping.check()  # Ctrl-C seen by another thread, or a server shutting down
                if not finished.has_ready():
                    with finished.thread_condition:
                        finished.thread_condition.wait(timeout=stopping.POLL)
                    continue
                for future, value in finished.next_batch(block=False):
                    self.futures.remove(future)
                    yield by_key[future.key], self._result_of(by_key[future.key], future, value)
        except BaseException:  # Ctrl-C too: stop the cluster's tasks, drop the connection
            self.close()
            raise

    def _result_of(self, task: Task, future, value) -> dict | Stopped:
        from distributed.scheduler import KilledWorker

        try:
            if isinstance(value, BaseException):  # cancelled
                raise value
            if future.status == "error":
                raise value[1]
            kind, payload, remote = value
        except KilledWorker as error:
            worker = getattr(error.last_worker, "address", error.last_worker)
            return Stopped("died", f"the cluster's worker running it died {error.allowed_failures + 1} time(s), the "
                                   f"last one {worker} (out of memory, a crash in compiled code, or its machine "
                                   "was lost), and the scheduler gave up")
        except Exception as error:  # noqa: BLE001 - the cluster's own failure, reported for this snippet
            return Stopped("died", f"the cluster at {self.address} could not run it: {type(error).__name__}: {error}")
        local = str(self.snippets)
        if kind == "stopped":
            reason, message, line = payload
            return Stopped(reason, _localize(message, remote, local), line)
        result, files = payload
        for field in ("error", "traceback"):
            if field in result:
                result[field] = _localize(result[field], remote, local)
        staged = Path(task.args[1])
        for name, data in files.items():
            (staged / name).write_bytes(data)
        return result

    def keep_standby(self) -> None:
        pass

    def close(self) -> None:
        """Stop at once: the running tasks are cancelled (their engine workers killed), the client closed."""
        futures, self.futures = self.futures, []
        try:
            if futures:
                self.client.cancel(futures, asynchronous=False)
        except Exception:  # noqa: BLE001,S110 - the cluster may be gone: nothing left to stop there
            pass
        try:
            self.client.close(timeout=1)
        except Exception:  # noqa: BLE001,S110
            pass
