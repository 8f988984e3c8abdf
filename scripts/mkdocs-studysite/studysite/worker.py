"""What runs inside a worker process: one snippet at a time, each as if in a fresh process.

A worker imports the configured modules once (``preload``: a heavy library costs its import once
per worker, not once per snippet) and then runs snippet after snippet. Between two snippets it
restores every piece of process state a snippet can change and that we know how to restore
(environment, options of numpy, pandas and matplotlib, warnings, logging, ``sys.path``, working
folder, umask, ...); the course's ``setup`` module restores what only it knows (its libraries'
settings). What cannot be restored (a thread still running, a patched attribute of a library) is
detected: the snippet's result then says ``retire`` and the pool replaces the worker.

A snippet's file is split into cells at its section markers (``# --8<-- [start:name]`` /
``[end:name]``); the cells run in order in one namespace, compiled with the file's own line
numbers, and what each cell prints, shows and draws is recorded for that cell.
"""

from __future__ import annotations

import builtins
import faulthandler
import importlib
import importlib.util
import io
import logging
import os
import random
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

from . import capture, claims
from .sections import Cell, SnippetError, cells_of  # noqa: F401 (Cell: for callers of worker)

# Modules whose attributes a snippet must not replace (checked after every snippet); the preloaded
# modules, the helpers and the set-up's ``watched_modules`` are added to these.
WATCHED_MODULES = ("builtins", "os", "sys", "random", "time", "math", "numpy", "numpy.random", "pandas",
                   "matplotlib", "matplotlib.pyplot", "sklearn")
WATCHED_CLASSES = (("pandas", "DataFrame"), ("pandas", "Series"))


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to know of the project's settings (sent to the process once)."""

    snippets_dir: str
    preload: tuple[str, ...] = ()
    setup: str | None = None
    seed: int = 0
    capture_open_figures: bool = True
    dark_figures: bool = False
    helpers: tuple[str, ...] = ()

    @classmethod
    def of(cls, project) -> WorkerConfig:
        s = project.settings
        return cls(str(project.snippets), tuple(s.preload), s.setup, s.seed, s.capture_open_figures, s.dark_figures,
                   tuple(s.helpers))


class _Setup:
    """The course's set-up module (``setup`` option): each hook optional."""

    module = None
    config: WorkerConfig | None = None

    @classmethod
    def call(cls, hook: str, *args):
        function = getattr(cls.module, hook, None)
        return function(*args) if function is not None else None


# --- State a snippet may change, and how it is put back ---------------------------------------


class _Writer(io.TextIOBase):
    """A snippet's stdout: text blocks of the current cell, so tables (capture.table) keep their place."""

    def __init__(self):
        self.blocks: list = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.blocks and self.blocks[-1]["type"] == "text":
            self.blocks[-1]["text"] += text
        else:
            self.blocks.append({"type": "text", "text": text})
        return len(text)


def _watched_modules() -> tuple[str, ...]:
    config = _Setup.config
    extra = (*config.preload, *config.helpers) if config else ()
    return (*WATCHED_MODULES, *extra, *getattr(_Setup.module, "watched_modules", ()))


def _module_attributes() -> dict:
    snapshot = {}
    for name in _watched_modules():
        module = sys.modules.get(name)
        if module is not None:
            # Public names only: libraries set private ones lazily (pyplot's backend on first use).
            snapshot[name] = {k: id(v) for k, v in vars(module).items() if not k.startswith("_")}
    for module_name, class_name in (*WATCHED_CLASSES, *getattr(_Setup.module, "watched_classes", ())):
        cls = getattr(sys.modules.get(module_name), class_name, None)
        if cls is not None:
            snapshot[f"{module_name}.{class_name}"] = {k: id(v) for k, v in vars(cls).items() if not k.startswith("_")}
    return snapshot


def _changed_attributes(before: dict, after: dict) -> list[str]:
    changed = []
    for owner, attributes in before.items():
        now = after.get(owner, {})
        for name, ident in attributes.items():
            if now.get(name, ident) != ident:
                changed.append(f"{owner}.{name}")
        for name in now.keys() - attributes.keys():
            value = getattr(sys.modules.get(owner), name, None)
            if value is not None and not isinstance(value, type(sys)):  # a submodule imported: fine
                changed.append(f"{owner}.{name}")
    return changed


class _Writes:
    """An audit hook: files a snippet opens for writing outside the folders it may write in."""

    allowed: tuple[str, ...] | None = None  # None: not watching (between snippets)
    outside: list[str] = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.allowed is None:
            return
        path = None
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            mode, flags = args[1] or "r", args[2] or 0
            if any(c in str(mode) for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                path = args[0]
        elif event in ("os.remove", "os.rename", "os.mkdir", "os.rmdir", "shutil.rmtree", "os.truncate"):
            path = args[0]
            if event == "os.mkdir" and isinstance(path, (str, bytes, os.PathLike)) and os.path.isdir(path):
                return  # makedirs(exist_ok=True) of a folder that is there: nothing is written
        if path is None or isinstance(path, int):
            return
        full = os.path.abspath(os.fsdecode(path))
        inside = any(full == folder or full.startswith(folder + os.sep) for folder in cls.allowed)
        if not inside and full not in cls.outside:
            cls.outside.append(full)


class StateGuard:
    """Record the process state before a snippet; restore it after, and say what could not be."""

    def __enter__(self) -> StateGuard:
        self.environ = dict(os.environ)
        self.sys_path = list(sys.path)
        self.cwd = os.getcwd()
        self.umask = os.umask(0o022)
        os.umask(self.umask)
        self.recursion = sys.getrecursionlimit()
        self.warnings = warnings.catch_warnings()
        self.warnings.__enter__()
        self.loggers = {name: (lg.level, list(lg.handlers), lg.propagate, lg.disabled)
                        for name, lg in [("", logging.getLogger()), *logging.root.manager.loggerDict.items()]
                        if isinstance(lg, logging.Logger)}
        self.logging_disable = logging.root.manager.disable
        self.threads = set(threading.enumerate())
        self.attributes = _module_attributes()
        self.tempdir = tempfile.tempdir
        import numpy as np

        self.numpy = (np.get_printoptions(), np.geterr())
        self.random = random.getstate()
        self.problems: list[str] = []  # what could not be restored: the worker must be replaced
        return self

    def __exit__(self, *exc) -> None:
        os.environ.clear()
        os.environ.update(self.environ)
        sys.path[:] = self.sys_path
        os.chdir(self.cwd)
        os.umask(self.umask)
        sys.setrecursionlimit(self.recursion)
        self.warnings.__exit__(None, None, None)
        logging.root.manager.disable = self.logging_disable
        for name, lg in [("", logging.getLogger()), *logging.root.manager.loggerDict.items()]:
            if not isinstance(lg, logging.Logger):
                continue
            level, handlers, propagate, disabled = self.loggers.get(name, (logging.NOTSET, [], True, False))
            lg.setLevel(level)
            lg.handlers[:] = handlers
            lg.propagate, lg.disabled = propagate, disabled
        tempfile.tempdir = self.tempdir
        import numpy as np

        np.set_printoptions(**self.numpy[0])
        np.seterr(**self.numpy[1])
        pandas = sys.modules.get("pandas")
        if pandas is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pandas.reset_option("all")
        random.setstate(self.random)
        self.problems += _Setup.call("after_snippet") or []  # the course's libraries: what only it knows
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None:
            pyplot.close("all")
        running = [t for t in threading.enumerate() if t not in self.threads and t.is_alive()]
        if running:
            self.problems.append(f"left {len(running)} thread(s) running: {', '.join(t.name for t in running)}")
        changed = _changed_attributes(self.attributes, _module_attributes())
        if changed:
            self.problems.append(f"replaced library attributes: {', '.join(sorted(changed)[:5])}")


# --- The worker's entry points ------------------------------------------------------------------


def init(config: WorkerConfig) -> None:
    """Once per worker: the preloaded modules imported, the course's set-up run."""
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.setdefault("MPLBACKEND", "Agg")  # figures are files, never windows
    sys.path.insert(0, config.snippets_dir)
    _Setup.config = config
    if config.setup:
        _Setup.module = importlib.import_module(config.setup)
    _Setup.call("init_worker")
    for name in config.preload:
        importlib.import_module(name)
    _Setup.call("after_preload")
    if importlib.util.find_spec("matplotlib") is not None:
        # The figure library the engine captures: imported here, so that its first import (which writes
        # its font cache and config folder) is not a snippet's write outside its run folder.
        importlib.import_module("matplotlib.pyplot")
    sys.addaudithook(_Writes.hook)


def _before_snippet(config: WorkerConfig) -> None:
    """The same start for every snippet: seeds, matplotlib's defaults, then the course's own."""
    random.seed(config.seed)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(config.seed)
    if "matplotlib" in sys.modules:
        matplotlib = sys.modules["matplotlib"]
        matplotlib.rcdefaults()
        matplotlib.rcParams["svg.hashsalt"] = capture.SVG_SALT
    _Setup.call("before_snippet")


def _error(exc: BaseException, path: str) -> dict:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.filename and os.path.abspath(exc.filename) == path:
        line = exc.lineno
    if isinstance(exc, SnippetError):
        line = exc.line
    # The traceback from the snippet's own frames on: the worker's frames are noise to the reader.
    tb = exc.__traceback__
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) != path:
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
    return {"ok": False, "line": line, "error": f"{type(exc).__name__}: {exc}", "traceback": text}


def _refuse_output_outside_sections(cells: list[dict]) -> None:
    """A page shows a section with its own output; text printed outside every section would be
    shown by no section embed, so a snippet with sections prints only inside them. (Figures
    drawn outside sections are fine: a page shows them with ``figure=name``.)"""
    if not any(cell["section"] for cell in cells):
        return
    for cell in cells:
        printed = [b for b in cell["blocks"] if b["type"] == "table" or b["text"].strip()]
        if cell["section"] is None and printed:
            first, last = cell["lines"]
            raise SnippetError(first, f"lines {first}-{last} print outside every section, where no page can "
                                      "show it: move the print into a section")


def execute(path: str, run_dir: str, snippets_dir: str) -> dict:
    """Run one snippet, cell by cell, and return what each cell printed, showed and drew."""
    config = _Setup.config or WorkerConfig(snippets_dir)
    path = os.path.abspath(path)
    cells, stderr = [], io.StringIO()
    start = time.perf_counter()
    modules_before = set(sys.modules)
    old_streams, old_argv = (sys.stdout, sys.stderr), sys.argv
    with StateGuard() as guard:
        try:
            _before_snippet(config)
            source = open(path, encoding="utf-8").read()
            compile(source, path, "exec")  # a syntax error anywhere is reported with its line first
            try:
                proofs = claims.claims_of(source)
            except claims.ClaimError as error:
                raise SnippetError(error.line, str(error)) from None
            namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
            os.chdir(os.path.dirname(path))
            sys.argv = [path]
            sys.stderr = stderr
            tempfile.tempdir = run_dir
            _Writes.outside, _Writes.allowed = [], (run_dir, os.path.realpath(run_dir), "/dev")
            names: set[str] = set()
            captures: list[capture.Capture] = []
            made_in: dict[int, int] = {}  # an open figure's number -> the cell that made it
            for cell in cells_of(source):
                writer = _Writer()
                record = {"section": cell.section, "lines": [cell.first, cell.last], "blocks": writer.blocks,
                          "figures": []}
                cells.append(record)
                capture._current = capture.Capture(Path(run_dir), config.dark_figures, writer.blocks,
                                                   record["figures"], names)
                captures.append(capture._current)
                sys.stdout = writer
                try:
                    code = compile("\n" * (cell.first - 1) + cell.code, path, "exec")
                except SyntaxError as error:  # the whole file compiled: a marker next to this cell splits it
                    marker = cell.last + 1 if cell.last < source.count("\n") else cell.first - 1
                    raise SnippetError(marker, "a section marker splits a statement: sections start and end "
                                               f"between top-level statements ({error.msg})") from None
                exec(code, namespace)
                sys.stdout.flush()
                for number in capture.open_figures():
                    made_in.setdefault(number, len(captures) - 1)
            if config.capture_open_figures:
                for number in capture.open_figures():  # left open to the end: shown after the cell that made it
                    capture._current = captures[made_in.get(number, len(captures) - 1)]
                    capture.capture_figure(number)
            _refuse_output_outside_sections(cells)
            result = {"ok": True, "cells": cells, "claims": proofs, "values": claims.values_of(namespace)}
            del namespace
        except BaseException as exc:  # noqa: BLE001 - SystemExit too: report, never kill the worker
            result = _error(exc, path)
        finally:
            sys.stdout, sys.stderr = old_streams
            sys.argv = old_argv
            outside, _Writes.allowed = list(_Writes.outside), None
            capture._current = None
            # Forget modules the snippet imported from snippets/, so the next one imports them afresh.
            for name in set(sys.modules) - modules_before:
                file = getattr(sys.modules[name], "__file__", None) or ""
                if file.startswith(snippets_dir):
                    del sys.modules[name]
    result["seconds"] = round(time.perf_counter() - start, 2)
    if outside and result["ok"]:
        result = {"ok": False, "line": None, "traceback": "", "seconds": result["seconds"],
                  "error": f"wrote outside its run folder: {', '.join(outside[:3])} (save figures with "
                           "studysite.capture.save_figure, or leave them open; a snippet writes no other files)"}
    if guard.problems:
        result["retire"] = True  # this worker's state is not clean any more
        if result["ok"] and any("thread" in p for p in guard.problems):
            result = {**result, "ok": False, "line": None, "traceback": "",
                      "error": f"{guard.problems[0]}: a snippet must finish everything it starts"}
    warnings_seen = [f"stderr: {stderr.getvalue().strip()[:500]}"] if stderr.getvalue().strip() else []
    result["warnings"] = warnings_seen + [p for p in guard.problems if "thread" not in p]
    return result


# --- The worker process's main loop (started by pool.WorkerPool) ------------------------------------


def main(connection, dump_path: str, config: WorkerConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    dump = open(dump_path, "w")  # noqa: SIM115 - open for the life of the process
    faulthandler.register(signal.SIGUSR1, file=dump, all_threads=True)  # where a timed-out snippet is
    init(config)
    try:
        connection.send(("ready", None))
        while True:
            task = connection.recv()
            if task is None:
                return
            result = execute(*task)
            connection.send(("done", result))
            if result.get("retire"):
                return
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the parent is gone (killed): nothing to report to
