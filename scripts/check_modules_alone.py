"""Check that every test module passes when it runs alone on a fresh clone (issue 25).

A test module that passes only in company reads what another module made (a snippet's results, a
built site): alone, on a clone with no outputs, it fails. This script copies the files git knows
(tracked, and new files not ignored: the working tree as it would be committed, without
``_generated/``, ``.cache/`` or ``site/``) into a temporary folder, once per module, and runs the
module there alone:

    python scripts/check_modules_alone.py                 # every module collected alone (pytest --co), ~1 min
    python scripts/check_modules_alone.py --full test_kept test_lint   # these modules run alone, each on its copy
    python scripts/check_modules_alone.py --full all      # every module (hours on two cores: a cold run each)
    python scripts/check_modules_alone.py --in-place      # collect each module alone here (CI: a fresh clone)

The copy imports its own engine and course package (``PYTHONPATH``), not the tree the virtual
environment was installed from. It prints one line per module (the whole output of each in
``.cache/alone/<module>.log``) and exits non-zero when one fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / ".cache" / "alone"  # each module's whole output, to read when it fails


def fresh_copy(into: Path) -> Path:
    """The files git knows, copied: a fresh clone of the working tree, with its uncommitted changes."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():  # a file deleted but not yet committed is gone from a clone too
            (into / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / rel)
    return into


def environment(copy: Path) -> dict[str, str]:
    """The copy's own engine and course modules first (the editable installs point at this tree)."""
    env = {k: v for k, v in os.environ.items() if k not in ("RERUN_KEPT", "KEPT_RECORD", "PYTEST_ADDOPTS")}
    own = [str(copy / "scripts" / "mkdocs-studysite"), str(copy / "scripts"), str(copy / "snippets")]
    env["PYTHONPATH"] = os.pathsep.join(own + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return env


def run_alone(module: str, full: bool, timeout: int, in_place: bool = False) -> tuple[bool, str, float]:
    """(passed, the last line pytest printed, seconds) for one module on its own fresh copy."""
    with tempfile.TemporaryDirectory(prefix=f"alone-{module}-") as folder:
        copy = ROOT if in_place else fresh_copy(Path(folder))
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"tests/{module}.py"]
        if not full:
            command.append("--co")
        start = time.monotonic()
        try:
            done = subprocess.run(command, cwd=copy, env=environment(copy), capture_output=True, text=True,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return False, f"did not finish in {timeout} s", time.monotonic() - start
        LOGS.mkdir(parents=True, exist_ok=True)
        (LOGS / f"{module}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        last = lines[-1] if lines else done.stderr.strip().splitlines()[-1:] or ["(no output)"]
        if done.returncode != 0 and full:
            failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
            last = "; ".join(failed[:5] + [last if isinstance(last, str) else last[0]])
        last = last if isinstance(last, str) else last[0]
        if not full:  # not pytest's own closing words: a CI log reader must not take them for the suite's
            counted = re.match(r"(\d+) tests? collected", last)
            last = f"{counted[1]} tests" if counted and done.returncode == 0 else last
        return done.returncode == 0, last, time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", nargs="+", metavar="MODULE",
                        help="run these modules (test_x, or 'all') alone in full, not only collected")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds for one module (default 3600)")
    parser.add_argument("--in-place", action="store_true",
                        help="use this tree as it is, not a copy (CI's clone is fresh; collection only)")
    args = parser.parse_args(argv)
    modules = sorted(p.stem for p in (ROOT / "tests").glob("test_*.py"))
    if args.full:
        wanted = modules if args.full == ["all"] else [m.removesuffix(".py").split("/")[-1] for m in args.full]
        unknown = sorted(set(wanted) - set(modules))
        if unknown:
            parser.error(f"no such test module: {', '.join(unknown)}")
    else:
        wanted = modules
    failed = []
    for module in wanted:
        ok, said, seconds = run_alone(module, bool(args.full), args.timeout, args.in_place and not args.full)
        print(f"{'ok  ' if ok else 'FAIL'} {module:32} {seconds:7.1f} s  {said}", flush=True)
        if not ok:
            failed.append(module)
    kind = "ran" if args.full else "collected"
    print(f"{len(wanted) - len(failed)} of {len(wanted)} modules {kind} alone"
          + (f"; failing alone: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
