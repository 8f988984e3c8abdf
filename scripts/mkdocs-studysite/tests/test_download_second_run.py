"""Why a course's tests run each download again, on its own, after the worker ran the snippet: the
worker's run cannot see what only the download gets wrong. Here a helper reads a data file next to
itself (``Path(__file__).parent``): in the worker the helper is a module in the snippets folder and
finds the file; in the download the helper is copied in, ``__file__`` is the reader's script, and
the file is not there. The worker's run passes, the download fails: only a second run, of the
download itself and outside the course, catches it (a course's test that runs every download in a
fresh kernel, away from the course's modules, is that second run)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from studysite import downloads, runner
from studysite.project import Project
from studysite.settings import Settings

HELPER = textwrap.dedent('''
    """Prices of the course's shop, from the data file beside this module."""
    from pathlib import Path


    def prices() -> list[float]:
        return [float(word) for word in (Path(__file__).parent / "prices.txt").read_text().split()]
''')

SNIPPET = textwrap.dedent('''
    """The mean price."""
    from shop import prices

    values = prices()
    print(f"mean price: {sum(values) / len(values):.2f}")
''')


def test_a_download_can_fail_where_the_workers_run_passed(tmp_path):
    course = tmp_path / "course"
    (course / "snippets").mkdir(parents=True)
    (course / "snippets" / "shop.py").write_text(HELPER, encoding="utf-8")
    (course / "snippets" / "prices.txt").write_text("2.5 3.5 6.0\n", encoding="utf-8")
    (course / "snippets" / "mean_price.py").write_text(SNIPPET, encoding="utf-8")
    project = Project.at(course, Settings(helpers=["shop"], workers=1))

    (outcome,) = runner.run(project, ["mean_price.py"], progress=False)
    assert outcome.status == "ran", outcome.describe()
    assert outcome.result["cells"][0]["blocks"][0]["text"] == "mean price: 4.00\n"

    download = tmp_path / "reader" / "mean_price.py"
    download.parent.mkdir()
    download.write_text(downloads.python_file(project, "mean_price.py", "en"), encoding="utf-8")
    assert "def prices(" in download.read_text(encoding="utf-8")  # the helper was copied in
    ran = subprocess.run([sys.executable, str(download)], cwd=download.parent, capture_output=True, text=True,
                         timeout=60)
    assert ran.returncode != 0 and "prices.txt" in ran.stderr, (ran.stdout, ran.stderr)
