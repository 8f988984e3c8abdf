"""The linter passes on the whole project (the same check pre-commit runs)."""

import subprocess
import sys
from pathlib import Path

from studysite.project import Project

ROOT = Project.find(Path(__file__).parent).root


def test_ruff_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
