"""Run a notebook as Jupyter runs it, each in a fresh process, without starting a kernel each time.

A fresh Jupyter kernel can spend many seconds starting and importing heavy libraries before a
notebook's first line does any work, and a site runs many notebooks (labs, exercises, and in the
tests every download). So one forkserver imports the configured libraries once (``kernel_preload``),
and runs nothing else: a process whose native thread pools have started (a deep-learning library's,
after one op) hangs when it forks. Each notebook then runs in a fresh process forked from that
server (one notebook per process, so nothing carries over from one to the next), in ipykernel's own
kernel, in process: its streams, displays, results, errors and inline figures are the messages a
Jupyter kernel sends.

The server starts with the environment a student's kernel gets (``KERNEL_ENV`` and the course's
``kernel_env``): the hash seed takes effect only when an interpreter starts, so it is set before
the server starts, and a child that finds it unset refuses to run.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.forkserver
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from . import stopping

CELL_TIMEOUT = 300  # seconds for one cell
# Every kernel starts with these, like a student's machine set up from the README.
KERNEL_ENV = {"PYTHONHASHSEED": "0"}  # and the course's kernel_env (configure)
# Set by the server itself before it imports anything (kernel_server). matplotlib reads MPLBACKEND
# when it is imported: Jupyter's inline backend, as ipykernel sets it.
SERVER_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
PRELOAD_VARIABLE = "STUDYSITE_KERNEL_PRELOAD"  # how the server learns what to import (kernel_server)
_started = threading.Lock()
_context = None
_configured: dict = {"preload": (), "env": {}}


def configure(preload: tuple[str, ...] | list[str] = (), env: dict[str, str] | None = None) -> None:
    """What the notebook server imports once and the environment every kernel starts with; before its
    first notebook (the server, once started, keeps what it imported)."""
    wanted = {"preload": tuple(preload), "env": {k: str(v) for k, v in (env or {}).items()}}
    if _context is not None and wanted != _configured:
        raise RuntimeError("the notebook server has started already: configure kernels before the first run")
    _configured.update(wanted)


def configure_for(project) -> None:
    configure(project.settings.kernel_preload, project.settings.kernel_env)


def kernel_env() -> dict[str, str]:
    """The environment a kernel starts with: as a student's machine set up from the README."""
    return {**_configured["env"], **KERNEL_ENV}


def key_parts() -> tuple[str, ...]:
    """What every executed notebook depends on besides its source (for its cache key)."""
    return (f"kernel preload {_configured['preload']}", f"kernel env {sorted(kernel_env().items())}")


@dataclass
class CellError(Exception):
    """A cell raised (and errors were not allowed), or ran longer than its time."""

    cell: int  # index in the notebook's cells
    message: str  # "ValueError: ...", the traceback's last line
    timed_out: bool = False

    def __str__(self) -> str:
        return self.message


def _forkserver():
    global _context
    with _started:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["studysite.kernel_server"])
            # The hash seed counts only when an interpreter starts, so the server starts with it, and with
            # what it must import. Only these are set here: a process that another thread starts at this
            # moment inherits them too, which harms nothing (the rest is set inside the server).
            started_with = {"PYTHONHASHSEED": KERNEL_ENV["PYTHONHASHSEED"],
                            PRELOAD_VARIABLE: json.dumps({"preload": list(_configured["preload"]),
                                                          "env": {**kernel_env(), **SERVER_ENV}})}
            saved = {name: os.environ.get(name) for name in started_with}
            os.environ.update(started_with)
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                for name, value in saved.items():
                    if value is None:
                        del os.environ[name]
                    else:
                        os.environ[name] = value
            _context = context
    return _context


def run(nb, *, cwd: str, allow_errors: bool = False, timeout: int = CELL_TIMEOUT, env: dict | None = None,
        blocked: tuple[str, ...] = ()) -> float:
    """Execute ``nb`` in place (outputs and execution counts), in ``cwd``, and return the seconds it took.

    ``blocked`` names modules the notebook must not be able to import. Raises ``CellError`` for
    the first failing cell (with ``allow_errors`` off) or a cell that ran longer than ``timeout``.
    """
    import nbformat

    start = time.perf_counter()
    code_cells = sum(cell.cell_type == "code" for cell in nb.cells)
    with ProcessPoolExecutor(1, mp_context=_forkserver(), max_tasks_per_child=1) as pool:
        future = pool.submit(_execute, nbformat.writes(nb), cwd, env or {}, allow_errors, timeout, blocked)
        deadline = time.monotonic() + timeout * max(code_cells, 1) + 60
        while True:
            try:
                done, failure = future.result(timeout=stopping.POLL)
                break
            except BrokenProcessPool:
                stopping.check()  # killed because everything is stopping: not the notebook's fault
                raise CellError(-1, "the notebook's process died (out of memory, or a crash in compiled code)"
                                ) from None
            except TimeoutError:
                if stopping.stopped() or time.monotonic() > deadline:
                    for process in list(pool._processes.values()):  # also a cell stuck where no signal reaches
                        process.kill()
                    stopping.check()
                    raise CellError(-1, f"the notebook ran longer than {timeout} s per cell and was stopped",
                                    timed_out=True) from None
    for mine, ran in zip(nb.cells, nbformat.reads(done, as_version=4).cells):
        if mine.cell_type == "code":
            mine.outputs, mine.execution_count = ran.outputs, ran.execution_count
    if failure:
        raise CellError(*failure)
    return time.perf_counter() - start


# --- In the child ----------------------------------------------------------------------------------


class _Refuse:
    """An import finder that refuses the blocked modules, as a machine without them would."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


class _CellTimedOut(BaseException):
    pass


def _coalesced(outputs: list) -> list:
    """Adjacent stream outputs of one name as one (a kernel splits them by when it flushed)."""
    merged = []
    for out in outputs:
        if (out.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == out.name):
            merged[-1].text += out.text
        else:
            merged.append(out)
    return merged


def _execute(nb_json: str, cwd: str, env: dict, allow_errors: bool, timeout: int, blocked: tuple[str, ...]):
    if sys.flags.hash_randomization:
        return nb_json, (-1, "the notebook server started without PYTHONHASHSEED=0; outputs would vary", False)
    os.chdir(cwd)
    os.environ.update(env)
    # The kernel's own log lines (not the notebook's outputs) stay off the terminal, as a kernel's do.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    for name in list(sys.modules):
        if name.split(".")[0] in blocked:
            del sys.modules[name]
    sys.meta_path.insert(0, _Refuse(blocked))

    import nbformat
    from ipykernel.inprocess.manager import InProcessKernelManager
    from nbformat.v4 import output_from_msg

    manager = InProcessKernelManager()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    nb = nbformat.reads(nb_json, as_version=4)

    def stop(signum, frame):
        raise _CellTimedOut

    signal.signal(signal.SIGALRM, stop)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        signal.alarm(timeout)
        try:
            msg_id = client.execute(cell.source)  # an in-process kernel runs the cell right here
        finally:
            signal.alarm(0)
        outputs, clear_next, count = [], False, None
        while True:
            msg = client.get_iopub_msg(timeout=5)
            kind, content = msg["msg_type"], msg["content"]
            # An in-process kernel's streams carry no parent; one cell runs at a time, so they are this cell's.
            if kind == "stream" or msg["parent_header"].get("msg_id") == msg_id:
                if kind == "status" and content["execution_state"] == "idle":
                    break
                if kind == "execute_input":
                    count = content["execution_count"]
                elif kind == "clear_output":
                    if content.get("wait"):
                        clear_next = True
                    else:
                        outputs = []
                elif kind in ("stream", "display_data", "execute_result", "error"):
                    if clear_next:
                        outputs, clear_next = [], False
                    outputs.append(output_from_msg(msg))
        cell.outputs, cell.execution_count = _coalesced(outputs), count
        error = next((out for out in cell.outputs if out.output_type == "error"), None)
        if error is not None and error.ename == "_CellTimedOut":
            cell.outputs = [out for out in cell.outputs if out is not error]
            return nbformat.writes(nb), (index, f"a cell ran longer than {timeout} s and was stopped", True)
        if error is not None and not allow_errors:
            message = re.sub(r"\x1b\[[0-9;]*m", "", f"{error.ename}: {error.evalue}")
            return nbformat.writes(nb), (index, message, False)
    return nbformat.writes(nb), None
