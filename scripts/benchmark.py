"""Measure the build: what the snippet runner costs, cold, warm and after small edits.

    python scripts/benchmark.py

Works on a copy of the repository in a temporary folder (your cache is left alone) and
prints one row per build: wall time, how many snippets ran, and the ratio to a plain
`mkdocs build` with the runner switched off. Targets: warm ÷ plain ≤ 1.15; one changed
snippet re-runs exactly one; a prose edit re-runs none.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "_generated", "site", ".cache", "__pycache__", ".pytest_cache")


def build(work: Path, site: Path, **env) -> tuple[float, int, int]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=work, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"build failed:\n{proc.stderr[-4000:]}")
    ran = len(re.findall(r"^\s*ran\s", proc.stderr, re.M))
    return seconds, ran, page_count(site)


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="dlnotes-bench-") as tmp:
        work = Path(tmp) / "repo"
        shutil.copytree(ROOT, work, ignore=COPY_IGNORE)
        site = Path(tmp) / "site"
        rows = []
        rows.append(("cold (empty cache)", *build(work, site)))
        rows.append(("warm (all cached)", *build(work, site)))
        rows.append(("plain (runner off)", *build(work, site, SNIPPETS_RUN="0")))

        snippet = work / "snippets" / "training" / "linear_fit.py"
        snippet.write_text(snippet.read_text(encoding="utf-8") + "\n# edited by the benchmark\n", encoding="utf-8")
        rows.append(("one snippet changed", *build(work, site)))

        page = work / "docs" / "ko" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n문장 하나를 고쳤습니다.\n", encoding="utf-8")
        rows.append(("prose edited", *build(work, site)))

    plain = rows[2][1]
    print(f"{'build':<22}{'seconds':>9}{'snippets run':>14}{'pages':>7}{'÷ plain':>9}")
    for name, seconds, ran, pages in rows:
        print(f"{name:<22}{seconds:9.1f}{ran:14d}{pages:7d}{seconds / plain:9.2f}")
    warm = rows[1][1] / plain
    print(f"\nwarm ÷ plain = {warm:.2f} (target ≤ 1.15); one changed snippet ran {rows[3][2]} (target 1); "
          f"prose edit ran {rows[4][2]} (target 0)")


if __name__ == "__main__":
    main()
