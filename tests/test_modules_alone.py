"""Every test module can be collected alone (issue 25: a module that works only in company).

Collecting each module in a process of its own finds what a module takes from another at import
time or at collection (a fixture module imported by name, a path another module set). Running each
module alone in full takes hours on two cores: ``python scripts/check_modules_alone.py --full all``
does it on a fresh copy of the tree, and the modules whose fixtures need results ask the runner
for them (``tests/conftest.py``), so they pass alone on a fresh clone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_test_module_is_collected_alone():
    check = subprocess.run([sys.executable, "scripts/check_modules_alone.py", "--in-place"], cwd=ROOT,
                           capture_output=True, text=True, timeout=900)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-2000:]
