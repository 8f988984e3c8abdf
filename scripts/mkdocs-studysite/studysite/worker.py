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
import decimal
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

from . import capture, claims, terminal
from .sections import Cell, SnippetError, cells_of  # noqa: F401 (Cell: for callers of worker)

# Classes whose attributes a snippet must not replace (checked after every snippet), besides every
# module's: a class's methods are not module attributes. The set-up's ``watched_classes`` add to these.
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
    figure_labels: tuple[tuple[str, str], ...] = ()  # (language, its label table's file)
    phone_figures: bool = False

    @classmethod
    def of(cls, project) -> WorkerConfig:
        s = project.settings
        return cls(str(project.snippets), tuple(s.preload), s.setup, s.seed, s.capture_open_figures, s.dark_figures,
                   tuple(s.helpers), tuple((lang, str(path)) for lang, path in project.figure_label_files()),
                   s.phone_figures)


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
    """A snippet's stdout: text blocks of the current cell, so tables (capture.table) keep their place.

    What is written is kept as a list of pieces and joined once per block (linear in the output's
    size, however many writes made it); ``close_cell`` turns the cell's blocks into what a page
    shows (``terminal``)."""

    def __init__(self):
        self.blocks: list = []
        self._pieces: list[str] = []
        self.buffer = _BinaryStdout(self)  # sys.stdout.buffer.write(b"..."), as a terminal decodes it

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:
        return "utf-8"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._pieces.append(text)
        return len(text)

    def flush(self) -> None:
        """The text so far becomes a block (a table printed next comes after it)."""
        if self._pieces:
            self.blocks.append({"type": "text", "text": "".join(self._pieces)})
            self._pieces.clear()

    def close_cell(self, lines: tuple[int, int]) -> list[str]:
        """The cell's blocks as a page shows them; returns warnings (output cut)."""
        self.flush()
        merged: list = []
        for block in self.blocks:  # text written around flushes is one block again
            if block["type"] == "text" and merged and merged[-1]["type"] == "text":
                merged[-1]["text"] += block["text"]
            else:
                merged.append(block)
        warnings_seen = []
        for block in merged:
            if block["type"] != "text":
                continue
            try:
                block["text"] = terminal.as_shown(block["text"])
            except terminal.NotText as error:
                raise SnippetError(lines[0], f"lines {lines[0]}-{lines[1]} {error}") from None
            block["text"], total = terminal.cut(block["text"])
            if total > len(block["text"]):
                block["cut_from"] = total
                warnings_seen.append(f"lines {lines[0]}-{lines[1]} printed {total:,} characters; the page shows "
                                     f"the first {len(block['text']):,}")
        self.blocks[:] = merged
        return warnings_seen


class _BinaryStdout(io.RawIOBase):
    """``sys.stdout.buffer`` of a snippet: bytes written are decoded as UTF-8, as a terminal shows them."""

    def __init__(self, text: _Writer):
        self.text = text

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.text.write(bytes(data).decode("utf-8", errors="replace"))
        return len(data)


def _in_folder(module, folder: str) -> bool:
    file = getattr(module, "__file__", None) or ""
    return bool(folder) and file.startswith(folder + os.sep)


def _module_attributes() -> list:
    """Every imported module's namespace (a shallow copy) and the watched classes': what a snippet could
    patch. The course's own modules (in the snippets folder) are not watched: they are imported afresh
    for every snippet (``execute``)."""
    folder = _Setup.config.snippets_dir if _Setup.config else ""
    snapshot = [(name, module, module.__dict__.copy()) for name, module in list(sys.modules.items())
                if getattr(module, "__dict__", None) is not None and not _in_folder(module, folder)]
    for module_name, class_name in (*WATCHED_CLASSES, *getattr(_Setup.module, "watched_classes", ())):
        cls = getattr(sys.modules.get(module_name), class_name, None)
        if cls is not None:
            snapshot.append((f"{module_name}.{class_name}", cls, dict(vars(cls))))
    return snapshot


def _snippet_objects_in_modules(namespace: dict) -> list[str]:
    """Module attributes that hold a function or class the snippet defined: a library patched by the
    snippet, even one it imported itself (whose attributes were not there to be compared before)."""
    if not namespace:
        return []
    mine = {id(v) for v in namespace.values() if callable(v) and getattr(v, "__module__", None) == "__main__"}
    found = []
    for name, module in list(sys.modules.items()):
        attributes = getattr(module, "__dict__", None) or {}
        for key, value in list(attributes.items()):
            if key[0] != "_" and callable(value) and getattr(value, "__module__", None) == "__main__" and (
                    id(value) in mine or getattr(value, "__name__", "") == "<lambda>"):
                found.append(f"{name}.{key}")
    return found


# What the engine itself swaps while a snippet runs, and puts back.
ENGINE_SWAPPED = {"sys.stdout", "sys.stderr", "sys.argv", "tempfile.tempdir"}


def _changed_attributes(before: list, snippet: str = "") -> list[str]:
    """Public functions and classes that now hold another object: a library patched. (Private names are
    set lazily by libraries; so are some public values, such as a flags object or a cache, which a
    library replaces on first use; a function replaced by another is a patch.)

    A function replaced by another of the same package, not written in the snippet, is put back instead:
    it is either a library's lazy initialiser, which replaces itself on first use and does so again
    next time (a false alarm that would cost a worker), or a snippet's ``lib.f = lib.g``, undone."""
    changed = []
    for owner, holder, attributes in before:
        now = vars(holder)
        for name, value in attributes.items():
            new = now.get(name, value)
            if (name[0] != "_" and new is not value and callable(value) and callable(new)
                    and not isinstance(value, type(sys)) and f"{owner}.{name}" not in ENGINE_SWAPPED):
                if _same_package(owner, new, snippet):
                    try:
                        setattr(holder, name, value)
                        continue
                    except (AttributeError, TypeError):
                        pass  # cannot be put back: the worker is replaced
                changed.append(f"{owner}.{name}")
    return changed


def _same_package(owner: str, new, snippet: str) -> bool:
    """``new`` comes from the package ``owner`` belongs to, and not from code the snippet wrote."""
    module = getattr(new, "__module__", None)
    code = getattr(new, "__code__", None)
    if not isinstance(module, str) or module == "__main__" or (code is not None and code.co_filename == snippet):
        return False
    return module.split(".")[0] == owner.split(".")[0]


def _c_environment() -> dict[bytes, bytes] | None:
    """The process's environment as C code and child processes see it (``os.putenv`` changes it
    without ``os.environ`` knowing); None where it cannot be read."""
    try:
        import ctypes

        environ = ctypes.POINTER(ctypes.c_char_p).in_dll(ctypes.CDLL(None), "environ")
    except (OSError, ValueError, AttributeError):
        return None
    found, index = {}, 0
    while environ[index]:
        name, _, value = environ[index].partition(b"=")
        found[name] = value
        index += 1
    return found


def _children() -> dict[int, str]:
    """This process's child processes still running (Linux: /proc), with their command lines."""
    me, found = os.getpid(), {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            fields = text.rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == me and fields[0] != "Z":
            pid = int(stat.parent.name)
            try:
                command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            except OSError:
                command = "?"
            found[pid] = command or text.split("(", 1)[1].rsplit(")", 1)[0]
    return found


def _tree(folder: str) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and time of change: a file that no audit event reports
    (written by compiled code, a child process, a database) still shows up here."""
    found = {}
    todo = [folder]
    while todo:
        try:
            entries = list(os.scandir(todo.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    todo.append(entry.path)
            else:
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                found[entry.path] = (info.st_size, info.st_mtime_ns)
    return found


def _become_subreaper() -> None:
    """A process a snippet starts and leaves behind (``os.system("sleep 45 &")``) stays this worker's
    child instead of being adopted by init, so the check after the snippet finds it (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


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
        elif event == "sqlite3.connect" and args and args[0] not in (":memory:", b":memory:", ""):
            path = args[0]  # the database file is written by compiled code, which no other event shows
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
        self.meta_path, self.path_hooks = list(sys.meta_path), list(sys.path_hooks)
        self.decimal = decimal.getcontext().copy()
        self.int_digits = sys.get_int_max_str_digits()
        self.c_environ = _c_environment()
        self.signals = {sig: signal.getsignal(sig) for sig in signal.valid_signals()
                        if sig not in (signal.SIGKILL, signal.SIGSTOP)}
        self.children = set(_children())
        self.tempdir = tempfile.tempdir
        import numpy as np

        self.numpy = (np.get_printoptions(), np.geterr())
        self.random = random.getstate()
        self.problems: list[str] = []  # what could not be restored: the worker must be replaced
        return self

    def __exit__(self, *exc) -> None:
        signal.alarm(0)  # first: a pending alarm or timer of the snippet's would go off later, or in the next one
        signal.setitimer(signal.ITIMER_REAL, 0)
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
        sys.meta_path[:], sys.path_hooks[:] = self.meta_path, self.path_hooks
        sys.path_importer_cache.clear()
        decimal.setcontext(self.decimal)
        sys.set_int_max_str_digits(self.int_digits)
        self._restore_c_environment()
        self._restore_signals()
        left = {pid: command for pid, command in _children().items() if pid not in self.children}
        if left:
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                except (ProcessLookupError, ChildProcessError):
                    pass
            self.problems.append(f"left {len(left)} child process(es) running: "
                                 f"{', '.join(f'{c[:40]} (pid {p})' for p, c in left.items())}")

    def _restore_c_environment(self) -> None:
        now = _c_environment()
        if now is None or self.c_environ is None:
            return
        for name in now.keys() - self.c_environ.keys():
            os.unsetenv(name)
        for name, value in self.c_environ.items():
            if now.get(name) != value:
                os.putenv(name, value)

    def _restore_signals(self) -> None:
        for sig, handler in self.signals.items():
            if handler is not None and signal.getsignal(sig) is not handler:
                try:
                    signal.signal(sig, handler)
                except (OSError, ValueError, TypeError):
                    self.problems.append(f"changed the handler of {signal.Signals(sig).name}")


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
    _become_subreaper()


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


def _label_tables(config: WorkerConfig) -> dict:
    """The figure label tables, read for each snippet (an edited table is a new key: the snippet runs again)."""
    from .figure_text import LabelError, load

    try:
        return {lang: load(Path(path)) for lang, path in config.figure_labels}
    except LabelError as error:
        raise SnippetError(None, str(error)) from None


def _unfinished(problem: str) -> bool:
    """A thread or a child process left running: the snippet fails (it must finish what it starts)."""
    return "thread" in problem or "child process" in problem


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


def execute(path: str, run_dir: str, snippets_dir: str, source: str | None = None) -> dict:
    """Run one snippet, cell by cell, and return what each cell printed, showed and drew.

    With ``source``, that text is run as if it were the file at ``path`` (its folder, its name, its
    line numbers): a changed copy of a snippet, such as a quiz's plausible mistake."""
    config = _Setup.config or WorkerConfig(snippets_dir)
    path = os.path.abspath(path)
    cells, stderr, labels = [], io.StringIO(), {}
    shown_warnings: list[str] = []  # output cut for the page
    start = time.perf_counter()
    old_streams, old_argv = (sys.stdout, sys.stderr), sys.argv
    with StateGuard() as guard:
        watched, namespace = None, {}
        try:
            _before_snippet(config)
            # After the course's start (which may replace a library's state itself: a fresh model session),
            # compared when the snippet's code is done, before anything is put back.
            watched = _module_attributes()
            if source is None:
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
            files_before = _tree(os.path.abspath(snippets_dir))
            names: set[str] = set()
            labels = _label_tables(config)
            captures: list[capture.Capture] = []
            made_in: dict[int, int] = {}  # an open figure's number -> the cell that made it
            for cell in cells_of(source):
                writer = _Writer()
                record = {"section": cell.section, "lines": [cell.first, cell.last], "blocks": writer.blocks,
                          "figures": []}
                cells.append(record)
                capture._current = capture.Capture(Path(run_dir), config.dark_figures, config.phone_figures,
                                                   writer.blocks, record["figures"], names, labels)
                captures.append(capture._current)
                sys.stdout = writer
                try:
                    code = compile("\n" * (cell.first - 1) + cell.code, path, "exec")
                except SyntaxError as error:  # the whole file compiled: a marker next to this cell splits it
                    marker = cell.last + 1 if cell.last < source.count("\n") else cell.first - 1
                    raise SnippetError(marker, "a section marker splits a statement: sections start and end "
                                               f"between top-level statements ({error.msg})") from None
                exec(code, namespace)
                shown_warnings += writer.close_cell((cell.first, cell.last))
                for number in capture.open_figures():
                    made_in.setdefault(number, len(captures) - 1)
            if config.capture_open_figures:
                for number in capture.open_figures():  # left open to the end: shown after the cell that made it
                    capture._current = captures[made_in.get(number, len(captures) - 1)]
                    capture.capture_figure(number)
            _refuse_output_outside_sections(cells)
            result = {"ok": True, "cells": cells, "claims": proofs, "values": claims.values_of(namespace)}
        except BaseException as exc:  # noqa: BLE001 - SystemExit too: report, never kill the worker
            result = _error(exc, path)
        finally:
            changed = _changed_attributes(watched, path) if watched is not None else []
            changed += [name for name in _snippet_objects_in_modules(namespace) if name not in changed]
            namespace = None  # the snippet's objects: not kept alive past it
            if changed:
                guard.problems.append(f"replaced library attributes: {', '.join(sorted(changed)[:5])}")
            watched = None  # the old values: not kept alive past the snippet
            sys.stdout, sys.stderr = old_streams
            sys.argv = old_argv
            outside, _Writes.allowed = list(_Writes.outside), None
            if "files_before" in locals():
                # New files, and existing files changed, whatever changed them (compiled code, a child
                # process, a database). Not a .py file: one saved while the snippet ran is the author's
                # (mkdocs serve), and the watcher runs what depends on it again.
                files_after = _tree(os.path.abspath(snippets_dir))
                outside += sorted(file for file, stat in files_after.items()
                                  if files_before.get(file) != stat and file not in outside
                                  and (file not in files_before or not file.endswith(".py")))
            capture._current = None
            # Forget every module of the snippets folder (the course's helpers too), so the next snippet
            # imports them afresh: a helper's list or dict a snippet changed in place is not seen by the next.
            for name, module in list(sys.modules.items()):
                if _in_folder(module, os.path.abspath(snippets_dir)):
                    del sys.modules[name]
    result["seconds"] = round(time.perf_counter() - start, 2)
    if outside and result["ok"]:
        result = {"ok": False, "line": None, "traceback": "", "seconds": result["seconds"],
                  "error": f"wrote outside its run folder: {', '.join(outside[:3])} (save figures with "
                           "studysite.capture.save_figure, or leave them open; a snippet writes no other files)"}
    if guard.problems:
        result["retire"] = True  # this worker's state is not clean any more
        if result["ok"] and any(_unfinished(p) for p in guard.problems):
            result = {**result, "ok": False, "line": None, "traceback": "",
                      "error": f"{next(p for p in guard.problems if _unfinished(p))}: a snippet must finish "
                               "everything it starts"}
    warnings_seen = [f"stderr: {stderr.getvalue().strip()[:500]}"] if stderr.getvalue().strip() else []
    warnings_seen += shown_warnings
    result["warnings"] = warnings_seen + [p for p in guard.problems if not _unfinished(p)]
    if result["ok"]:
        result["warnings"] += _figure_text_warnings(result["cells"], labels)
    return result


def _figure_text_warnings(cells: list[dict], labels: dict) -> list[str]:
    """A figure text with words and no translation, and a label table's font that is not installed."""
    from .figure_text import check_font

    found = []
    figures = [figure for cell in cells for figure in cell["figures"]]
    for figure in figures:
        for lang, variant in sorted((figure.get("languages") or {}).items()):
            if variant["untranslated"]:
                found.append(f"figure '{figure['name']}' has no {lang} label for: "
                             + ", ".join(repr(text) for text in variant["untranslated"]))
    if figures:
        found += [problem for table in labels.values() if table.font and (problem := check_font(table.font))]
    return found


# --- The worker process's main loop (started by pool.WorkerPool) ------------------------------------


def _die_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL to ``studysite run``) exits within a second, instead
    of running its snippet to the end for nobody."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="studysite-parent-watch", daemon=True).start()


def main(connection, dump_path: str, config: WorkerConfig, parent: int | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    _die_with_parent(parent or os.getppid())
    try:
        dump = open(dump_path, "w")  # noqa: SIM115 - open for the life of the process
    except FileNotFoundError:
        return  # the pool was closed while this worker started (everything is stopping): nothing to do
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
