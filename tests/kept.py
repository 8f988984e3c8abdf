"""Passed tests kept between sessions: a test is not run again while nothing it depends on changed.

What a test finds is a function of its inputs; running it on the same inputs again costs time
and can find nothing new (Bazel keeps test results by this rule, and so do the browser visits
of tests/test_browser.py). A test marked ``kept`` names its inputs, and when it passes its
result is kept in ``.cache/kept-tests/`` under a key of all of them:

- always: the test's own module, ``conftest.py``, this file, Python, and every installed
  package's version;
- ``@pytest.mark.kept("scripts/mkdocs-studysite/studysite/*.py", ...)``: the files these globs match, under the
  project's root;
- ``@pytest.mark.kept(served="site", tools=f)``: for a browser test, every file the test's
  HTTP server sent while the test ran (``served()`` records them), found under the folder the
  fixture ``site`` gives, and the string ``f()`` (the browser's version).

A kept test is reported as ``kept`` instead of ``passed``, and its body does not run. A failed
test is never kept. ``RERUN_KEPT=1`` runs every test again; a fresh clone (CI) has nothing kept.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
from pathlib import Path

import pytest

RERUN = os.environ.get("RERUN_KEPT") == "1"
_served: set[Path] = set()  # files the test servers sent during the running test


def served(file: str) -> None:
    """Called by a test server for each file it sends (tests/test_browser.py's QuietHandler)."""
    _served.add(Path(file).resolve())


def pytest_configure(config):
    config.addinivalue_line("markers", "kept(*globs, served=None, tools=None): keep the test's result while "
                                       "its inputs are the same (tests/kept.py)")


@functools.cache
def _packages() -> bytes:
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return (sys.version + "\n" + "\n".join(versions)).encode()


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


def _declared(item) -> str:
    """The digest of every input but the files a browser test is sent: taken before the test runs."""
    marker = item.get_closest_marker("kept")
    root = item.config.rootpath
    key = hashlib.sha256(item.nodeid.encode() + b"\0" + _packages())
    for file in (item.path, item.path.with_name("conftest.py"), Path(__file__)):
        key.update(digest(file))
    for pattern in marker.args:
        matched = sorted(root.glob(pattern))
        if not matched:
            raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.kept({pattern!r}) matches no file")
        for file in matched:
            if file.is_file() and "__pycache__" not in file.parts:
                key.update(file.relative_to(root).as_posix().encode() + b"\0" + digest(file))
    if marker.kwargs.get("tools"):
        key.update(marker.kwargs["tools"]().encode())
    return key.hexdigest()


def _key(item, declared: str, served: list[str]) -> str:
    key = hashlib.sha256(declared.encode())
    if served:
        site = Path(item.funcargs[item.get_closest_marker("kept").kwargs["served"]])
        for rel in served:
            key.update(rel.encode() + b"\0" + digest(site / rel))
    return key.hexdigest()


def _record(item) -> Path:
    name = hashlib.sha256(item.nodeid.encode()).hexdigest()[:24]
    return item.config.rootpath / ".cache" / "kept-tests" / f"{name}.json"


_DECLARED = pytest.StashKey[str]()
_KEPT = pytest.StashKey[bool]()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Pass a kept test without running it, when its inputs are those it passed with."""
    if pyfuncitem.get_closest_marker("kept") is None:
        return None
    _served.clear()
    declared = pyfuncitem.stash[_DECLARED] = _declared(pyfuncitem)
    if RERUN:
        return None
    try:
        record = json.loads(_record(pyfuncitem).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if record.get("nodeid") != pyfuncitem.nodeid or record.get("key") != _key(pyfuncitem, declared,
                                                                              record["served"]):
        return None
    pyfuncitem.stash[_KEPT] = True
    return True  # the call is done: the test passed with these inputs before


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("kept")
    if marker is None or call.when != "call" or _DECLARED not in item.stash:
        return report
    if item.stash.get(_KEPT, False):
        report.kept = True
    elif report.passed:
        served = []
        if marker.kwargs.get("served"):
            site = Path(item.funcargs[marker.kwargs["served"]]).resolve()
            served = sorted(f.relative_to(site).as_posix() for f in _served.copy() if f.is_relative_to(site))
            if not served:
                return report  # a browser test that was sent nothing from its site: no inputs to keep it by
        record = _record(item)
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"nodeid": item.nodeid, "served": served,
                                      "key": _key(item, item.stash[_DECLARED], served)}), encoding="utf-8")
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
