"""Stopping a run from outside, as an author does: Ctrl-C on `mkdocs build` while a snippet and a lab
run side by side, Ctrl-C on a fresh clone's first `mkdocs serve`, and a `studysite run` killed with
SIGKILL. Each must end within a moment, leave no staging folder and no worker behind, and blame no
snippet for having been stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")

SLOW_SNIPPET = textwrap.dedent("""
    import pathlib
    import tempfile
    import time

    pathlib.Path(tempfile.gettempdir(), "started").touch()  # the run folder: the test waits for it
    time.sleep(90)
    print("done")
""")

SLOW_LAB = textwrap.dedent("""
    # %% [markdown]
    # # A slow lab

    # %%
    import os
    import pathlib
    import time

    pathlib.Path(os.environ["STOPPING_TEST_DIR"], "lab-started").touch()
    time.sleep(90)
""")


def _course(tmp: Path, *, lab: bool) -> Path:
    course = tmp / "course"
    (course / "docs").mkdir(parents=True)
    (course / "snippets").mkdir()
    (course / "docs" / "index.md").write_text("# Slow\n\n!snippet wait.py\n", encoding="utf-8")
    (course / "snippets" / "wait.py").write_text(SLOW_SNIPPET, encoding="utf-8")
    (course / "snippets" / "quick.py").write_text("print(1)\n", encoding="utf-8")
    settings = "      labs_dir: labs\n" if lab else ""
    if lab:
        (course / "labs").mkdir()
        (course / "labs" / "wait.py").write_text(SLOW_LAB, encoding="utf-8")
    (course / "mkdocs.yml").write_text(
        "site_name: Slow\nplugins:\n  - studysite:\n      downloads: false\n" + settings, encoding="utf-8")
    return course


def _env(tmp: Path) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STOPPING_TEST_DIR": str(tmp)}


def _wait_for(condition, what: str, process: subprocess.Popen, limit: float = 120) -> None:
    end = time.monotonic() + limit
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"the command ended before {what}: {process.stderr.read()[-3000:]}")
        if time.monotonic() > end:
            raise AssertionError(f"no {what} after {limit:g} s")
        time.sleep(0.1)


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _staged(course: Path) -> list[Path]:
    return list(course.rglob(".run-*"))


def _stop_and_time(process: subprocess.Popen, sig: int) -> tuple[float, str]:
    start = time.monotonic()
    process.send_signal(sig)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    return time.monotonic() - start, stderr


def _as_at_a_terminal() -> None:
    """In the child, Ctrl-C's default: a shell's background job starts with SIGINT ignored, which its children
    inherit, and Python then never raises KeyboardInterrupt: the test would measure nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_on_a_cold_build_stops_the_snippets_and_the_lab_at_once(tmp_path):
    course = _course(tmp_path, lab=True)
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=course, env=_env(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_as_at_a_terminal)
    try:
        _wait_for(lambda: any((f / "started").exists() for f in _staged(course)), "snippet run", build)
        _wait_for(lambda: (tmp_path / "lab-started").exists(), "lab run", build)
        children = _descendants(build.pid)
        seconds, stderr = _stop_and_time(build, signal.SIGINT)
    finally:
        build.kill()
    print(f"Ctrl-C to `mkdocs build` with a snippet and a lab running: ended in {seconds:.2f} s")
    assert seconds < 5, f"took {seconds:.1f} s to stop (before this fix: 26 s, waiting for the lab)\n{stderr[-2000:]}"
    assert not _staged(course), "a staging folder was left behind"
    assert "killed by signal" not in stderr and "failed" not in stderr, stderr[-2000:]
    time.sleep(1.5)
    assert not _alive(children), f"processes left running: {_alive(children)}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ctrl_c_on_a_fresh_clones_first_serve_leaves_nothing_and_blames_nobody(tmp_path):
    course = _course(tmp_path, lab=False)
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a",
                              f"127.0.0.1:{_free_port()}"], cwd=course, env=_env(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_as_at_a_terminal)
    try:
        _wait_for(lambda: any((f / "started").exists() for f in _staged(course)), "snippet run", serve)
        children = _descendants(serve.pid)
        seconds, stderr = _stop_and_time(serve, signal.SIGINT)
    finally:
        serve.kill()
    print(f"Ctrl-C to a first `mkdocs serve` while its runs go on: ended in {seconds:.2f} s")
    assert seconds < 5, stderr[-2000:]
    assert not _staged(course), f"staging folders left behind: {_staged(course)}"
    for blame in ("killed by signal", "Traceback", "stopped (", "FileNotFoundError"):
        assert blame not in stderr, stderr[-3000:]
    time.sleep(1.5)
    assert not _alive(children), f"processes left running: {_alive(children)}"


def test_workers_die_with_a_killed_studysite_run(tmp_path):
    course = _course(tmp_path, lab=False)
    run = subprocess.Popen([sys.executable, "-m", "studysite.cli", "run", "-j", "2"], cwd=course,
                           env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: any((f / "started").exists() for f in _staged(course)), "snippet run", run)
        children = _descendants(run.pid)
        assert children
        run.kill()
        run.wait()
        end = time.monotonic() + 5
        while _alive(children) and time.monotonic() < end:
            time.sleep(0.1)
        left = _alive(children)
        print(f"SIGKILL to `studysite run`: its workers were gone {5 - max(0.0, end - time.monotonic()):.1f} s later")
    finally:
        run.kill()
        for pid in _alive(_descendants(run.pid)):
            os.kill(pid, signal.SIGKILL)
    assert not left, f"workers left running after their parent was killed: {left}"
    # The next run sweeps what the killed one staged, and runs the snippet again.
    again = subprocess.run([sys.executable, "-m", "studysite.cli", "run", "-k", "quick"], cwd=course,
                           env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert not _staged(course)
