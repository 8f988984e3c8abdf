"""Passed tests kept between sessions: a test is not run again while nothing it read has changed.

What a test finds is a function of its inputs; running it on the same inputs again costs time
and can find nothing new (Bazel keeps test results by this rule, and so do the browser visits
of tests/test_browser.py). A test marked ``kept`` is recorded while it runs, and when it passes its
result is kept in ``.cache/kept-tests/`` under a key of everything it read. Nobody lists the inputs:

- every file opened and folder listed, and every module file imported, by the test's own process
  while the test and the session-wide fixtures it uses were set up and ran, and by *every* Python
  process that took part (a worker, a kernel, an ``mkdocs build``): all that process ever read, as
  its state is made of it (tests/kept_recorder/sitecustomize.py, an audit hook put in each process
  through ``PYTHONPATH``). A compiled module is keyed by its source; a module from an installed
  distribution by its file's bytes (an editable or patched package at the same version is another
  input), and each site-packages folder by its listing (the distributions and their versions);
- every module the session's process has imported, the test's module, its ``conftest.py`` files,
  this file and the recorder; every program started (by its file);
- the environment variables (all but a few that change from one shell to the next), the fonts
  (``fc-list``), Python;
- ``@pytest.mark.kept(served="site", tools=f)``: for a browser test, every file the test's HTTP
  server sent (``served()`` records them), found under the folder the fixture ``site`` gives
  (instead of what that fixture's build read), and the string ``f()`` (the browser's version: the
  browser is not a Python process, and records nothing itself).

A test is not kept when its recording is incomplete: a Python process it started without the
recording's environment (or with ``-I``/``-E``/``-S``). A kept test is reported as ``kept`` instead of
``passed``, and its body does not run. A failed test is never kept. ``RERUN_KEPT=1`` runs every test
again; a fresh clone (CI) has nothing kept.

PYTEST_DONT_REWRITE: tests/conftest.py imports this module before pytest loads it as a plugin.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

RERUN = os.environ.get("RERUN_KEPT") == "1"
WHY = os.environ.get("KEPT_WHY") == "1"  # say which inputs changed when a kept test runs again
_served: set[Path] = set()  # files the test servers sent during the running test
RECORDER = Path(__file__).with_name("kept_recorder") / "sitecustomize.py"
# Variables that differ from one shell or run to the next and that no test reads for its result.
VOLATILE = {"PYTEST_CURRENT_TEST", "PYTEST_ADDOPTS", "RERUN_KEPT", "KEPT_WHY", "KEPT_RECORD", "PWD", "OLDPWD",
            "SHLVL", "_", "TERM", "COLUMNS", "LINES", "TMUX", "TMUX_PANE", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY",
            "SSH_AUTH_SOCK", "WINDOWID", "TERM_SESSION_ID", "XDG_SESSION_ID", "INVOCATION_ID", "JOURNAL_STREAM"}
_NOT_INPUTS = ("/proc/", "/sys/", "/dev/", "/run/")


def served(file: str) -> None:
    """Called by a test server for each file it sends (tests/test_browser.py's QuietHandler)."""
    _served.add(Path(file).resolve())


class _Session:
    """The recording of one test session: its folder, the windows, the other processes' logs."""

    def __init__(self):
        self.environ = {k: v for k, v in os.environ.items() if k not in VOLATILE}
        self.folder = Path(tempfile.mkdtemp(prefix="kept-record-"))
        spec = importlib.util.spec_from_file_location("kept_sitecustomize", RECORDER)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.recorder = module.install(str(self.folder))
        if self.recorder.folder != str(self.folder):  # a session inside a session (pytester): the outer one records
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = Path(self.recorder.folder)
            self.owner = False
        else:
            self.owner = True
            os.environ["KEPT_RECORD"] = str(self.folder)
            os.environ["PYTHONPATH"] = os.pathsep.join([str(RECORDER.parent)] + (
                [os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []))
        self.number = 0
        self.bump()
        self.collection = set()  # what this process read before the first test: its module-level state
        self.recorder.windows[("collection", id(self))] = self.collection
        self.offsets: dict[Path, int] = {}
        self.lines: dict[str, set[str]] = {}  # process id -> all it read
        self.took_part: dict[str, set[int]] = {}  # process id -> the windows it recorded in
        self.fixtures: dict[int, tuple[set[str], list[range]]] = {}  # id(fixturedef) -> its set-up's inputs
        if self.owner:
            atexit.register(shutil.rmtree, self.folder, ignore_errors=True)

    def bump(self) -> int:
        """Start a new window; its number."""
        self.number += 1
        new = self.folder / f"window.{os.getpid()}.{self.number}"
        new.write_text(str(self.number), encoding="ascii")
        os.replace(new, self.folder / "window")
        return self.number

    def read_logs(self) -> None:
        me = str(os.getpid())
        for log in self.folder.glob("*.log"):
            offset = self.offsets.get(log, 0)
            with log.open("rb") as file:
                file.seek(offset)
                data = file.read()
            end = data.rfind(b"\n") + 1  # a line being written is read next time
            self.offsets[log] = offset + end
            for raw in data[:end].decode("utf-8", "surrogateescape").splitlines():
                pid, _, line = raw.partition("\t")
                if pid == me:
                    continue
                if line.startswith("@"):
                    self.took_part.setdefault(pid, set()).add(int(line[1:]))
                elif not line.startswith("#"):
                    self.lines.setdefault(pid, set()).add(line)

    def processes(self, windows: list[range]) -> set[str]:
        """Everything read by the processes that took part in these windows."""
        self.read_logs()
        found = set()
        for pid, numbers in self.took_part.items():
            if any(n in window for window in windows for n in numbers):
                found |= self.lines.get(pid, set())
        return found


# Recording starts when this module is imported: tests/conftest.py imports it first, before what it
# reads at import time (the project's settings).
_session = _Session()


def pytest_configure(config):
    config.addinivalue_line("markers", "kept(served=None, tools=None): keep the test's result while all it read "
                                       "is the same (tests/kept.py)")


# --- digests -----------------------------------------------------------------------------------------

def digest(file: Path) -> bytes:
    """What a test sent ``file`` depends on: its bytes, except for the search index."""
    if file.is_dir():
        file = file / "index.html"  # what a server sends for a folder
    if not file.is_file():
        return b"absent"
    data = file.read_bytes()
    if file.name == "search_index.json":
        # Every page loads the search index, and a word changed on any page changes it: a visit
        # depends on the index loading with its settings, not on its words (the search tests,
        # never kept, check those). Otherwise one edited sentence would visit every page again.
        try:
            index = json.loads(data)
            return b"search index " + hashlib.sha256(json.dumps(index["config"], sort_keys=True).encode()).digest()
        except (ValueError, KeyError, TypeError):
            pass  # an index that does not load is keyed by its bytes: a visit that saw it runs again
    return hashlib.sha256(data).digest()


_digests: dict[tuple, str] = {}


def _input_digest(line: str) -> str:
    """The digest of one recorded input ("f /file", "d /folder", "x /program"), by what it is now."""
    kind, path = line[0], line[2:]
    try:
        stat = os.stat(path)
    except OSError:
        return "absent"
    key = (line, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if key not in _digests:
        if os.path.isdir(path):
            try:
                value = "folder " + hashlib.sha256("\0".join(sorted(os.listdir(path))).encode(
                    "utf-8", "surrogateescape")).hexdigest()
            except OSError:
                value = "unreadable folder"
        elif kind == "x" or stat.st_size > 8 << 20 or not os.path.isfile(path):
            value = f"{stat.st_size} {stat.st_mtime_ns}"  # a program or a large file: by its size and time
        else:
            try:
                with open(path, "rb") as file:
                    value = hashlib.sha256(file.read()).hexdigest()
            except OSError:
                value = "unreadable"
        _digests[key] = value
    return _digests[key]


def _source(path: str) -> str:
    """A compiled module's source, when there is one: what changes first."""
    if path.endswith(".pyc") and os.sep + "__pycache__" + os.sep in path:
        folder, name = os.path.split(path)
        source = os.path.join(os.path.dirname(folder), name.split(".")[0] + ".py")
        if os.path.exists(source):
            return source
    return path


@functools.cache
def fonts() -> str:
    """The installed fonts (a page's layout, a print's pages and a figure's text depend on them)."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file} %{fontversion} %{style}\n"],
                                capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "no fc-list"
    return hashlib.sha256("".join(sorted(listed.splitlines(True))).encode()).hexdigest()


def _ignored(item) -> tuple[tuple[str, ...], set[str], str]:
    """What is a test's own product, not its input: (folders, listings, the temporary folder).

    The session's temporary folders (pytest's, the recording's), and the listings of the folders
    above pytest's (a new ``pytest-N`` each session). A file in the system's temporary folder is an
    input while it is there when the test ends (a file the test made and removed is its own) but
    for multiprocessing's sockets (``pymp-*``)."""
    temporary = os.path.realpath(tempfile.gettempdir()) + os.sep
    roots = [str(_session.folder), str(item.config.rootpath / ".cache" / "kept-tests"),
             str(item.config.rootpath / ".pytest_cache"), temporary + "pymp-"]
    listings = set()
    try:
        base = Path(item.config._tmp_path_factory.getbasetemp()).resolve()
        roots.append(str(base))
        listings = {str(folder) for folder in base.parents}
    except (AttributeError, OSError):
        pass
    return tuple(os.path.realpath(r) + (os.sep if not r.endswith("-") else "") for r in roots) + _NOT_INPUTS, \
        listings, temporary


def _inputs(item, lines: set[str]) -> list[str] | None:
    """The sorted inputs to key a test by; None when its recording is incomplete."""
    if any(line.startswith("!") for line in lines):
        return None
    ignored, listings, temporary = _ignored(item)
    found = set()
    for line in lines:
        kind, path = line[0], line[2:]
        if kind not in "fdx":
            continue
        path = _source(path)
        real = os.path.realpath(path)
        if (real + os.sep).startswith(ignored) or (kind == "d" and real in listings) \
                or (real.startswith(temporary) and not os.path.lexists(path)):
            continue
        found.add(f"{kind} {path}")
    modules = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    found |= {"f " + _source(os.path.abspath(f)) for f in modules if isinstance(f, str)}
    for file in (item.path, Path(__file__), RECORDER, *_conftests(item)):
        found.add(f"f {file}")
    # The session collected every test module: another one is an input only when this one names it.
    text = Path(item.path).read_text(encoding="utf-8", errors="replace")
    return sorted(line for line in found if not _other_test_module(line[2:], item.path, text))


def _other_test_module(path: str, own: Path, text: str) -> bool:
    name = os.path.basename(path)
    return (name.startswith("test_") and name.endswith(".py") and os.path.abspath(path) != os.path.abspath(own)
            and name[:-3] not in text)


def _conftests(item) -> list[Path]:
    return [folder / "conftest.py" for folder in Path(item.path).parents if (folder / "conftest.py").is_file()]


def _key(item, inputs: list[str], served: list[str]) -> str:
    marker = item.get_closest_marker("kept")
    key = hashlib.sha256(f"{item.nodeid}\0{sys.version}\0{sys.executable}\0{fonts()}\0".encode())
    key.update(json.dumps(sorted(_session.environ.items())).encode())
    if marker.kwargs.get("tools"):
        key.update(marker.kwargs["tools"]().encode())
    for line in inputs:
        key.update(f"{line}\0{_input_digest(line)}\0".encode("utf-8", "surrogateescape"))
    if served:
        site = Path(item.funcargs[marker.kwargs["served"]])
        for rel in served:
            key.update(rel.encode() + b"\0" + digest(site / rel))
    return key.hexdigest()


def _record(item) -> Path:
    name = hashlib.sha256(item.nodeid.encode()).hexdigest()[:24]
    return item.config.rootpath / ".cache" / "kept-tests" / f"{name}.json"


# --- windows: what a test and the session-wide fixtures it uses read -----------------------------------

_WINDOW = pytest.StashKey[tuple]()  # (its own process's lines, the window numbers)
_KEPT = pytest.StashKey[bool]()


def _served_fixture(item) -> str | None:
    marker = item.get_closest_marker("kept")
    return marker.kwargs.get("served") if marker else None


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """A session-wide fixture is set up once, in whichever test asks first: what it read is recorded apart."""
    item = getattr(request, "_pyfuncitem", None)
    if _session is None or fixturedef.scope == "function":
        return (yield)
    window = item.stash.get(_WINDOW, None) if item is not None else None
    paused = window is not None and fixturedef.argname == _served_fixture(item)
    if paused:  # a browser test is keyed by the files it was sent, not by what the site's build read
        _session.recorder.windows.pop(id(item), None)
        window[1][-1] = range(window[1][-1].start, _session.number + 1)
    lines: set[str] = set()
    _session.recorder.windows[id(fixturedef)] = lines
    start = _session.bump()
    try:
        return (yield)
    finally:
        end = _session.bump()
        _session.recorder.windows.pop(id(fixturedef), None)
        _session.fixtures[id(fixturedef)] = (lines, [range(start, end)])
        if paused:  # the test's window again, from the number just taken (its end is set when it ends)
            _session.recorder.windows[id(item)] = window[0]
            window[1].append(range(end, end))


def _fixture_inputs(item) -> tuple[set[str], list[range]]:
    """The inputs of the session-wide fixtures a test uses, but the one whose files it is sent."""
    served = _served_fixture(item)
    definitions = item._fixtureinfo.name2fixturedefs
    lines, windows, todo, done = set(), [], list(item._fixtureinfo.argnames), set()
    while todo:
        name = todo.pop()
        if name in done or name == served or name not in definitions:
            continue
        done.add(name)
        for fixturedef in definitions[name][-1:]:
            todo.extend(fixturedef.argnames)
            found = _session.fixtures.get(id(fixturedef))
            if found:
                lines |= found[0]
                windows += found[1]
    return lines, windows


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _session is None or item.get_closest_marker("kept") is None:
        return
    _served.clear()
    item.stash[_WINDOW] = (set(), [range(_session.bump(), _session.number)])
    _session.recorder.windows[id(item)] = item.stash[_WINDOW][0]


def pytest_collection_finish(session):
    """What the session's process read while it collected (module-level state) is an input of every test."""
    if _session is not None:
        _session.recorder.windows.pop(("collection", id(_session)), None)


def _kept_record(item) -> tuple[dict | None, bool]:
    """The item's record, and whether it keeps the item: it passed before with what it would read now."""
    if item.get_closest_marker("kept") is None or RERUN or _session is None:
        return None, False
    try:
        record = json.loads(_record(item).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None, False
    return record, (record.get("nodeid") == item.nodeid and "inputs" in record
                    and record.get("key") == _key(item, record["inputs"], record["served"]))


def would_keep(item) -> bool:
    """Whether ``item`` will be kept: for a fixture that does work for many tests at once (run every case, then
    look), which then leaves out what the kept tests would have looked at."""
    return _kept_record(item)[1]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Pass a kept test without running it, when what it read is what it passed with."""
    record, keep = _kept_record(pyfuncitem)
    if record is None:
        return None
    if not keep:
        if WHY:
            changed = [line for line, was in zip(record.get("inputs", []), record.get("digests", []))
                       if _input_digest(line) != was]
            reason = f"kept: {pyfuncitem.nodeid} runs again: {changed[:10] or 'its environment, fonts or tools'}"
            # To the terminal, not the test's captured output (shown only when the test fails).
            capture = pyfuncitem.config.pluginmanager.get_plugin("capturemanager")
            terminal = pyfuncitem.config.pluginmanager.get_plugin("terminalreporter")
            if capture is not None and terminal is not None:
                with capture.global_and_fixture_disabled():
                    terminal.write_line(reason)
            else:
                print(reason)
        return None
    pyfuncitem.stash[_KEPT] = True
    return True  # the call is done: the test passed with these inputs before


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("kept")
    if marker is None or call.when != "call" or _WINDOW not in item.stash:
        return report
    own, windows = item.stash[_WINDOW]
    _session.recorder.windows.pop(id(item), None)
    windows[-1] = range(windows[-1].start, _session.bump())
    if item.stash.get(_KEPT, False):
        report.kept = True
    elif report.passed:
        served = []
        if marker.kwargs.get("served"):
            site = Path(item.funcargs[marker.kwargs["served"]]).resolve()
            served = sorted(f.relative_to(site).as_posix() for f in _served.copy() if f.is_relative_to(site))
            if not served:
                return report  # a browser test that was sent nothing from its site: no inputs to keep it by
        fixture_lines, fixture_windows = _fixture_inputs(item)
        # What the session read to collect, but the folders it listed (to find test modules, all of them)
        collected = {line for line in _session.collection if not line.startswith("d ")}
        lines = own | fixture_lines | collected | _session.processes(windows + fixture_windows)
        inputs = _inputs(item, lines)
        record = _record(item)
        if inputs is None:
            if WHY:
                print(f"\nkept: {item.nodeid} is not kept:", *sorted(line for line in lines if line[0] == "!"))
            record.unlink(missing_ok=True)
            return report  # a process that did not record: what it read is not known
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"nodeid": item.nodeid, "served": served, "inputs": inputs,
                                      "digests": [_input_digest(line) for line in inputs],
                                      "key": _key(item, inputs, served)}), encoding="utf-8")
    return report


def pytest_report_teststatus(report, config):
    if getattr(report, "kept", False):
        return "kept", "k", "KEPT"
    return None


def pytest_terminal_summary(terminalreporter):
    kept = len(terminalreporter.stats.get("kept", []))
    if kept:
        terminalreporter.write_line(f"kept: {kept} tests passed before with the same inputs and did not run "
                                    "again (tests/kept.py; RERUN_KEPT=1 runs them)")
