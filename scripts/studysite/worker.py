"""What runs inside a worker process: one snippet at a time, each as if in a fresh process.

A worker imports TensorFlow and Keras once (~5 s, ~770 MB) and then runs snippet after
snippet. Between two snippets it restores every piece of process state a snippet can change
and that we know how to restore (environment, options of numpy, pandas, matplotlib, Keras and
TensorFlow, warnings, logging, ``sys.path``, working folder, umask, ...). What it cannot
restore (a thread still running, a patched attribute of a library) it detects: the snippet's
result then says ``retire`` and the pool replaces the worker before the next snippet.

A snippet's file is split into cells at its section markers (``# --8<-- [start:name]`` /
``[end:name]``); the cells run in order in one namespace, compiled with the file's own line
numbers, and what each cell prints, shows and draws is recorded for that cell.
"""

from __future__ import annotations

import builtins
import faulthandler
import io
import logging
import os
import re
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from dataclasses import dataclass

from . import claims

MARKER = re.compile(r"^(?P<indent>[ \t]*)#\s*--8<--\s*\[\s*(?P<kind>start|end)\s*:\s*(?P<name>[^\]\s]*)\s*\]\s*$")
SECTION_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
# Modules whose attributes a snippet must not replace (checked after every snippet).
WATCHED_MODULES = ("builtins", "os", "sys", "random", "time", "math", "numpy", "numpy.random", "pandas",
                   "matplotlib", "matplotlib.pyplot", "keras", "keras.layers", "keras.models", "keras.ops",
                   "keras.utils", "keras.optimizers", "keras.losses", "keras.metrics", "keras.callbacks",
                   "keras.config", "keras.backend", "tensorflow", "sklearn", "dlnotes")
WATCHED_CLASSES = (("keras", "Model"), ("keras", "Sequential"), ("keras.layers", "Layer"), ("keras.layers", "Dense"),
                   ("pandas", "DataFrame"), ("pandas", "Series"))


class SnippetError(Exception):
    """A problem with a snippet's file itself (its sections), reported with its line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Cell:
    section: str | None  # None: code outside every section
    first: int  # first and last line of the cell's code in the file (1-based, markers excluded)
    last: int
    code: str


def cells_of(source: str) -> list[Cell]:
    """Split a snippet at its section markers; refuse sections that overlap or do not close."""
    lines = source.splitlines()
    cells: list[Cell] = []
    current: str | None = None
    start = 1
    seen: dict[str, int] = {}

    def close(upto: int) -> None:
        body = lines[start - 1 : upto]
        if any(line.strip() for line in body) or current is not None:
            cells.append(Cell(current, start, upto, "\n".join(body)))

    for number, line in enumerate(lines, start=1):
        match = MARKER.match(line)
        if not match:
            if "--8<--" in line and line.lstrip().startswith("#"):
                raise SnippetError(number, f"cannot read this section marker: {line.strip()!r}")
            continue
        kind, name = match["kind"], match["name"]
        if match["indent"]:
            raise SnippetError(number, f"section marker '{name}' is indented: sections start and end at the top level")
        if not SECTION_NAME.match(name):
            raise SnippetError(number, f"section name {name!r}: use letters, digits, '-' and '_'")
        if kind == "start":
            if current is not None:
                raise SnippetError(number, f"section '{name}' starts inside section '{current}' "
                                           f"(line {seen[current]}): sections must not overlap")
            if name in seen:
                raise SnippetError(number, f"section '{name}' is defined twice (first at line {seen[name]})")
            close(number - 1)
            current, start, seen[name] = name, number + 1, number
        else:
            if current != name:
                raise SnippetError(number, f"section end '{name}' does not close an open section"
                                           + (f" (open: '{current}')" if current else ""))
            close(number - 1)
            current, start = None, number + 1
    if current is not None:
        raise SnippetError(seen[current], f"section '{current}' is never closed")
    close(len(lines))
    return cells


# --- State a snippet may change, and how it is put back ---------------------------------------


class _Writer(io.TextIOBase):
    """A snippet's stdout: text blocks of the current cell, so tables (dlnotes.show) keep their place."""

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


def _module_attributes() -> dict:
    snapshot = {}
    for name in WATCHED_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            # Public names only: libraries set private ones lazily (pyplot's backend on first use).
            snapshot[name] = {k: id(v) for k, v in vars(module).items() if not k.startswith("_")}
    for module_name, class_name in WATCHED_CLASSES:
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
        keras = sys.modules.get("keras")
        if keras is not None:
            c = keras.config
            self.keras = (c.floatx(), c.epsilon(), c.image_data_format(), c.dtype_policy().name)
        tf = sys.modules.get("tensorflow")
        if tf is not None:
            self.eager = tf.config.functions_run_eagerly()
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
        keras = sys.modules.get("keras")
        if keras is not None and hasattr(self, "keras"):
            c = keras.config
            c.set_floatx(self.keras[0])
            c.set_epsilon(self.keras[1])
            c.set_image_data_format(self.keras[2])
            c.set_dtype_policy(self.keras[3])
            keras.backend.clear_session()
        tf = sys.modules.get("tensorflow")
        if tf is not None and hasattr(self, "eager"):
            tf.config.run_functions_eagerly(self.eager)
        import matplotlib.pyplot as plt

        plt.close("all")
        running = [t for t in threading.enumerate() if t not in self.threads and t.is_alive()]
        if running:
            self.problems.append(f"left {len(running)} thread(s) running: {', '.join(t.name for t in running)}")
        changed = _changed_attributes(self.attributes, _module_attributes())
        if changed:
            self.problems.append(f"replaced library attributes: {', '.join(sorted(changed)[:5])}")


# --- The worker's entry points ------------------------------------------------------------------


def init(snippets_dir: str, preload: tuple[str, ...]) -> None:
    """Once per worker: quiet, single-threaded, deterministic TensorFlow, imported once."""
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
    sys.addaudithook(_Writes.hook)


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
    import dlnotes

    path = os.path.abspath(path)
    cells, stderr = [], io.StringIO()
    start = time.perf_counter()
    modules_before = set(sys.modules)
    old_streams, old_argv = (sys.stdout, sys.stderr), sys.argv
    with StateGuard() as guard:
        dlnotes.style()
        dlnotes.seed(0)
        if "keras" in sys.modules:
            sys.modules["keras"].backend.clear_session()
        try:
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
            for cell in cells_of(source):
                writer = _Writer()
                record = {"section": cell.section, "lines": [cell.first, cell.last], "blocks": writer.blocks,
                          "figures": []}
                cells.append(record)
                dlnotes._capture.update(figures=record["figures"], blocks=writer.blocks, fig_dir=run_dir)
                sys.stdout = writer
                try:
                    code = compile("\n" * (cell.first - 1) + cell.code, path, "exec")
                except SyntaxError as error:  # the whole file compiled: a marker next to this cell splits it
                    marker = cell.last + 1 if cell.last < source.count("\n") else cell.first - 1
                    raise SnippetError(marker, "a section marker splits a statement: sections start and end "
                                               f"between top-level statements ({error.msg})") from None
                exec(code, namespace)
                sys.stdout.flush()
            _refuse_output_outside_sections(cells)
            result = {"ok": True, "cells": cells, "claims": proofs, "values": claims.values_of(namespace)}
            del namespace
        except BaseException as exc:  # noqa: BLE001 - SystemExit too: report, never kill the worker
            result = _error(exc, path)
        finally:
            sys.stdout, sys.stderr = old_streams
            sys.argv = old_argv
            outside, _Writes.allowed = list(_Writes.outside), None
            dlnotes._capture.update(figures=None, blocks=None, fig_dir=None)
            # Forget modules the snippet imported from snippets/, so the next one imports them afresh.
            for name in set(sys.modules) - modules_before:
                file = getattr(sys.modules[name], "__file__", None) or ""
                if file.startswith(snippets_dir) and name != "dlnotes":
                    del sys.modules[name]
    result["seconds"] = round(time.perf_counter() - start, 2)
    if outside and result["ok"]:
        result = {"ok": False, "line": None, "traceback": "",
                  "error": f"wrote outside its run folder: {', '.join(outside[:3])} (save figures with "
                           "dlnotes.save_figure; a snippet writes no other files)", "seconds": result["seconds"]}
    if guard.problems:
        result["retire"] = True  # this worker's state is not clean any more
        if result["ok"] and any("thread" in p for p in guard.problems):
            result = {**result, "ok": False, "line": None, "traceback": "",
                      "error": f"{guard.problems[0]}: a snippet must finish everything it starts"}
    warnings_seen = [f"stderr: {stderr.getvalue().strip()[:500]}"] if stderr.getvalue().strip() else []
    result["warnings"] = warnings_seen + [p for p in guard.problems if "thread" not in p]
    return result


# --- The worker process's main loop (started by pool.WorkerPool) ------------------------------------


def main(connection, dump_path: str, snippets_dir: str, preload: tuple[str, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    dump = open(dump_path, "w")  # noqa: SIM115 - open for the life of the process
    faulthandler.register(signal.SIGUSR1, file=dump, all_threads=True)  # where a timed-out snippet is
    init(snippets_dir, preload)
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
