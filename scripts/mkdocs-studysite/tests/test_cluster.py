"""The ``cluster`` option, on a real Dask cluster of two worker processes on 127.0.0.1: the example
course built through it is the same bytes as a local build (also when some results ran locally);
a worker killed while it runs a snippet has the snippet run again on another, or the build says
so (never a silent loss); Ctrl-C stops the client within 2 s and leaves no staging folder."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

if os.environ.get("CI"):
    import distributed  # CI must run these: the engine's 'cluster' extra is pinned in requirements.txt
else:
    distributed = pytest.importorskip("distributed")

from studysite import runner  # noqa: E402
from studysite.executors import dask_cluster  # noqa: E402
from studysite.project import Project  # noqa: E402

ENGINE = Path(__file__).resolve().parents[1]
EXAMPLE = ENGINE / "examples" / "stats-course"

SLOW = textwrap.dedent("""
    import pathlib
    import tempfile
    import time

    pathlib.Path(tempfile.gettempdir(), "started").touch()  # the run folder: the test waits for it
    time.sleep({seconds})
    print("slept {seconds} s")
""")


@pytest.fixture(scope="module")
def cluster():
    import dask

    # A Dask worker starts the engine's worker process: it may not be a daemon (the README says so), also
    # when its nanny starts it again after a kill.
    with dask.config.set({"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 3}):
        local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address=None, worker_dashboard_address=None)
        client = distributed.Client(local, set_as_default=False)
        yield local, client
        client.close()
        local.close()


def _copy(tmp: Path, name: str) -> Path:
    course = tmp / name
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    return course


def _build(course: Path, address: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STUDYSITE_CLUSTER", None)
    if address:
        env["STUDYSITE_CLUSTER"] = address
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=course, env=env,
                          capture_output=True, text=True, timeout=300)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, but run times (kept apart from results because they differ) and locks."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "timing.json" and ".locks" not in p.parts and p.name != "sitemap.xml.gz"}


def _project(course: Path, address: str | None) -> Project:
    project = Project.from_mkdocs_yml(course / "mkdocs.yml")
    return dataclasses.replace(project, settings=dataclasses.replace(project.settings, cluster=address))


def test_a_build_through_the_cluster_is_the_same_bytes_as_a_local_one(cluster, tmp_path):
    local, _ = cluster
    alone, mixed = _copy(tmp_path, "local"), _copy(tmp_path, "mixed")
    built = _build(alone, None)
    assert built.returncode == 0, built.stderr[-3000:]
    # One result made here, the other (with a figure) on the cluster: a build that mixes them is the same bytes.
    first = runner.run(_project(mixed, None), ["sampling/mean_of_samples.py"], progress=False)
    assert [o.status for o in first] == ["ran"]
    built = _build(mixed, local.scheduler_address)
    assert built.returncode == 0, built.stderr[-3000:]
    ran = [line for line in built.stderr.splitlines() if line.strip().startswith("ran ")]
    assert len(ran) == 1 and ran[0].endswith("spread.py"), built.stderr[-3000:]
    outputs = Path(".cache/studysite/snippets")
    assert any(name.endswith(".svg") for name in _tree(mixed / outputs))  # the figure came back from the cluster
    assert _tree(mixed / outputs) == _tree(alone / outputs)
    assert _tree(mixed / "site") == _tree(alone / "site")


def _slow_course(tmp: Path, seconds: float) -> Path:
    course = tmp / "slow"
    (course / "docs").mkdir(parents=True)
    (course / "snippets").mkdir()
    (course / "docs" / "index.md").write_text("# Slow\n\n!snippet wait.py\n", encoding="utf-8")
    (course / "snippets" / "wait.py").write_text(SLOW.format(seconds=seconds), encoding="utf-8")
    (course / "mkdocs.yml").write_text("site_name: Slow\nplugins:\n  - studysite:\n      downloads: false\n",
                                       encoding="utf-8")
    return course


def _started_files() -> list[Path]:
    """The 'started' files of the snippets running on the cluster (in their remote run folders)."""
    while True:
        try:
            return list(dask_cluster._FOLDERS.glob("*/.run-*/started"))
        except FileNotFoundError:  # a Dask worker removed another build's folder meanwhile
            continue


def _started(process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    """Wait until a snippet on the cluster touched its 'started' file (in its remote run folder)."""
    deadline = time.monotonic() + timeout
    while not _started_files():
        assert process is None or process.poll() is None, f"the build ended:\n{process.stderr.read()[-3000:]}"
        assert time.monotonic() < deadline, "the slow snippet never started on the cluster"
        time.sleep(0.05)


@pytest.mark.parametrize("allowed_failures", [3, 0])
def test_a_worker_killed_mid_run_is_retried_elsewhere_or_reported(cluster, tmp_path, allowed_failures):
    local, client = cluster
    client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", allowed_failures))
    project = _project(_slow_course(tmp_path, 2), local.scheduler_address)
    for old in _started_files():
        old.unlink(missing_ok=True)
    outcomes = []
    build = threading.Thread(target=lambda: outcomes.extend(runner.run(project, progress=False)))
    build.start()
    try:
        _started()
        (worker,) = [w for w, keys in client.processing().items() if any("wait.py" in str(k) for k in keys)]
        os.kill(client.run(os.getpid, workers=[worker])[worker], signal.SIGKILL)
        build.join(120)
    finally:
        client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", 3))
    (outcome,) = outcomes
    if allowed_failures:
        assert outcome.status == "ran", outcome.describe()
        assert outcome.result["cells"][0]["blocks"] == [{"type": "text", "text": "slept 2 s\n"}]
    else:
        assert outcome.status == "failed" and "the cluster's worker running it died 1 time(s)" in outcome.error, \
            outcome.describe()
    assert not list(project.outputs.glob(".run-*"))
    client.wait_for_workers(1, timeout=60)  # the other worker (the killed one's nanny starts it again meanwhile)


def test_ctrl_c_stops_the_client_within_2_s_and_leaves_no_staging_folder(cluster, tmp_path):
    local, client = cluster
    course = _slow_course(tmp_path, 60)
    for old in _started_files():
        old.unlink(missing_ok=True)
    # The build's own code: it says when its run has ended (after its clean-up); the interpreter's exit
    # after that (freeing what it imported) is timed apart, as it slows down with the machine's load.
    code = textwrap.dedent("""
        import dataclasses, sys, time
        from studysite import runner
        from studysite.project import Project

        p = Project.from_mkdocs_yml(sys.argv[1])
        p = dataclasses.replace(p, settings=dataclasses.replace(p.settings, cluster=sys.argv[2]))
        try:
            runner.run(p, progress=False)
        except KeyboardInterrupt:
            print(f"run stopped at {time.time()!r}", file=sys.stderr, flush=True)
            raise
    """)
    client_process = subprocess.Popen([sys.executable, "-c", code, str(course / "mkdocs.yml"),
                                       local.scheduler_address], stderr=subprocess.PIPE, text=True,
                                      # Ctrl-C's default, as at a terminal (a background job ignores SIGINT)
                                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _started(client_process)
        staging = list((course / ".cache" / "studysite" / "snippets").glob(".run-*"))
        assert staging, "the run staged nothing: the test would prove nothing"
        start = time.time()
        client_process.send_signal(signal.SIGINT)
        client_process.wait(15)
        exited_in = time.time() - start
    finally:
        client_process.kill()
    stderr = client_process.stderr.read()
    assert "KeyboardInterrupt" in stderr and "run stopped at" in stderr, stderr[-2000:]
    stopped_in = float(stderr.split("run stopped at ")[1].split()[0]) - start
    print(f"Ctrl-C on a build using the cluster: its run stopped {stopped_in:.2f} s later, the process exited "
          f"{exited_in:.2f} s later")
    assert stopped_in < 2.0, f"the client took {stopped_in:.1f} s to stop:\n{stderr[-2000:]}"
    assert not list((course / ".cache" / "studysite" / "snippets").glob(".run-*"))
    # The snippet stops on the cluster too: its engine worker is killed, and the remote task ends and removes
    # its run folder (the scheduler forgets a cancelled task at once, but a Dask worker cannot stop its thread).
    deadline = time.monotonic() + 10
    while _started_files():
        assert time.monotonic() < deadline, "the cancelled snippet still runs on the cluster"
        time.sleep(0.1)
