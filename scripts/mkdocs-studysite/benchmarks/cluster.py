"""Scheduling and publishing at scale: a synthetic course of many small examples, run cold on the
local worker pool and on a local Dask cluster of 2, 4 and 8 workers (started as an author starts
one: ``dask scheduler`` and ``dask worker`` processes), printed as a table. A measurement, not a
test: nothing here asserts a time.

    python benchmarks/cluster.py [--examples 600] [--workers 2 4 8]

On a machine with fewer cores than workers, more workers show the scheduling overhead, not a
speed-up. The last lines put the measured costs on paper for 100 workers and 1,000 examples.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

EXAMPLE = textwrap.dedent('''
    """Synthetic example {i}: a little arithmetic on random numbers{figure_note}."""
    import numpy as np

    rng = np.random.default_rng({i})
    x = rng.normal(size=20_000)
    y = 2.0 * x + rng.normal(scale=0.5, size=x.size)
    slope = float(np.polyfit(x, y, 1)[0])
    print(f"example {i}: slope {{slope:.3f}}, mean {{x.mean():+.4f}}")
    assert abs(slope - 2.0) < 0.05  # claim: slope-{i}
''')
FIGURE = textwrap.dedent('''
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot(np.sort(x)[::200])
    ax.set_title("example {i}")
''')


def make_course(root: Path, examples: int, figure_every: int = 4) -> Path:
    """``examples`` small numpy examples in 10 sections; one in ``figure_every`` draws a figure."""
    (root / "docs").mkdir(parents=True)
    for i in range(examples):
        path = root / "snippets" / f"part{i % 10}" / f"example_{i:04d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        figure = i % figure_every == 0
        path.write_text(EXAMPLE.format(i=i, figure_note=", and a figure" if figure else "")
                        + (FIGURE.format(i=i) if figure else ""), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Synthetic\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Synthetic\nplugins:\n  - studysite:\n      downloads: false\n"
                                     "      preload: [numpy, matplotlib.pyplot]\n", encoding="utf-8")
    return root


def one_run(course: Path, address: str | None, jobs: int) -> dict:
    """One cold run in this process (a fresh outputs folder): what the table shows."""
    import dataclasses

    from studysite import runner
    from studysite.project import Project

    project = Project.from_mkdocs_yml(course / "mkdocs.yml")
    project = dataclasses.replace(project, settings=dataclasses.replace(project.settings, cluster=address))
    shutil.rmtree(project.outputs, ignore_errors=True)
    publish_seconds, receive_seconds = [], []
    publish = runner.publish

    def timed_publish(*args, **kwargs):
        start = time.perf_counter()
        try:
            return publish(*args, **kwargs)
        finally:
            publish_seconds.append(time.perf_counter() - start)

    runner.publish = timed_publish
    if address:
        from studysite.executors import dask_cluster

        receive = dask_cluster.ClusterPool._result_of

        def timed_receive(self, task, future, value):
            start = time.perf_counter()
            try:
                return receive(self, task, future, value)
            finally:
                receive_seconds.append(time.perf_counter() - start)

        dask_cluster.ClusterPool._result_of = timed_receive
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    outcomes = runner.run(project, jobs=jobs, progress=False)
    wall = time.perf_counter() - start
    failed = [o.describe() for o in outcomes if not o.ok]
    return {"wall": wall, "examples": len(outcomes), "failed": failed[:3],
            "run_seconds": sum(o.seconds for o in outcomes),
            "publish_ms": 1000 * sum(publish_seconds) / max(1, len(publish_seconds)),
            "receive_ms": 1000 * sum(receive_seconds) / max(1, len(receive_seconds)),
            "client_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "client_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024}


def _measure(course: Path, address: str | None, jobs: int) -> dict:
    """``one_run`` in a fresh process: its memory is the client's alone."""
    done = subprocess.run([sys.executable, __file__, "--one", str(course), "--address", address or "",
                           "--jobs", str(jobs)], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"a run failed:\n{done.stderr[-3000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{address or 'local'}: {json.dumps(row)}", file=sys.stderr, flush=True)  # kept if a later run fails
    return row


def start_cluster(workers: int, folder: Path) -> tuple[str, list[subprocess.Popen], float]:
    """``dask scheduler`` and ``dask worker --nworkers N`` on 127.0.0.1; their address once all are up."""
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}  # a Dask worker starts the engine's
    file = folder / f"scheduler-{workers}.json"
    start = time.perf_counter()
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", "0", "--dashboard-address", ":0", "--scheduler-file", str(file)],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not file.exists():
        time.sleep(0.05)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(file),
                               "--nworkers", str(workers), "--nthreads", "1", "--no-dashboard"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from distributed import Client

    with Client(scheduler_file=str(file), set_as_default=False) as client:
        client.wait_for_workers(workers, timeout=120)
        address = client.scheduler_info()["address"]
    return address, [worker, scheduler], time.perf_counter() - start


def stop_cluster(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--local-jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--heavy-seconds", type=float, default=8.0,
                        help="an example's seconds in a course with a heavy library, for the estimate")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(Path(args.one), args.address or None, args.jobs)))
        return
    folder = Path(tempfile.mkdtemp(prefix="studysite-bench-"))
    try:
        course = make_course(folder / "course", args.examples)
        rows = [("local pool", args.local_jobs, 0.0, _measure(course, None, args.local_jobs))]
        for workers in args.workers:
            address, processes, started = start_cluster(workers, folder)
            try:
                rows.append((f"cluster of {workers}", workers, started, _measure(course, address, workers)))
            finally:
                stop_cluster(processes)
        report(rows, args.examples, os.cpu_count() or 1, args.heavy_seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(rows: list, examples: int, cores: int, heavy_seconds: float) -> None:
    local = rows[0][3]
    print(f"\n{examples} synthetic examples (numpy; one in 4 draws a figure), cold, on {cores} cores\n")
    head = ("executor", "workers", "start s", "wall s", "examples' s", "wall/example ms", "vs local ms",
            "scheduling ms", "publish ms", "receive ms", "client MB")
    lines = [head]

    def scheduling(row: dict, workers: int) -> float:
        """Wall time per example in which no worker ran an example (each worker runs one at a time)."""
        return 1000 * (row["wall"] - row["run_seconds"] / workers) / examples

    for name, workers, started, row in rows:
        lines.append((name, str(workers), f"{started:.1f}", f"{row['wall']:.1f}", f"{row['run_seconds']:.0f}",
                      f"{1000 * row['wall'] / examples:.1f}",
                      "-" if row is local else f"{1000 * (row['wall'] - local['wall']) / examples:+.1f}",
                      f"{scheduling(row, workers):.1f}", f"{row['publish_ms']:.2f}",
                      "-" if row is local else f"{row['receive_ms']:.2f}", f"{row['client_mb']:.0f}"))
        if row["failed"]:
            print(f"{name}: {len(row['failed'])} failed, e.g. {row['failed'][0]}")
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for line in lines:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
    print("examples' s: the examples' own run times, added up (they grow when more processes share the cores);\n"
          "scheduling: wall time per example in which no worker ran one (starts, hand-offs, publishing).")
    mean_run = local["run_seconds"] / examples
    cluster_rows = [row for _, _, _, row in rows[1:]]
    if not cluster_rows:
        return
    per_task = max(0.0, min(scheduling(r, w) - scheduling(local, rows[0][1]) for _, w, _, r in rows[1:]))
    client_ms = max(r["receive_ms"] + r["publish_ms"] for r in cluster_rows)  # one result at a time, on the client
    print(f"\nOn paper, 100 workers and 1,000 examples, with these costs: the client receives and publishes one"
          f"\nresult at a time, {client_ms:.1f} ms each: {client_ms:.0f} s of client time for 1,000 examples, a "
          f"ceiling of {1000 / client_ms:.0f} results/s\nwhatever the cluster's size. The scheduler's cost per task "
          f"runs beside the examples (here {per_task:.0f} ms of wall time per example\nmore than the local pool's at "
          f"best, with every process sharing {cores} cores).")
    for label, seconds in ((f"examples like these ({mean_run:.2f} s each)", mean_run),
                           (f"examples of a course with a heavy library ({heavy_seconds:g} s each)", heavy_seconds)):
        running = 1000 * seconds / 100
        bound = "the client bounds it" if client_ms > running else "the examples bound it"  # both in s
        print(f"  {label}: 1,000 x {seconds:.2f} s / 100 workers = {running:.1f} s of running,\n"
              f"    against {client_ms:.0f} s of client time: {bound}; add each worker's start (its preloads, in "
              "parallel) and the slowest example.")


if __name__ == "__main__":
    main()
