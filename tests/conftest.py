"""Shared fixtures: the snippets run once per test session, through the site's runner."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

# Re-exported for the tests: the build steps under test.
import build_labs  # noqa: E402, F401
import mkdocs_hooks  # noqa: E402, F401
import run_snippets  # noqa: E402

DOCS = ROOT / "docs"
LANGS = ("ko", "en")


def pages(lang: str) -> list[Path]:
    """The Markdown pages of one language, as paths relative to its folder."""
    return sorted(p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md"))


@pytest.fixture(scope="session")
def snippet_outcomes(request) -> dict[str, run_snippets.Outcome]:
    """Run (or take from the cache) the snippets this session tests, all at once and in parallel.

    The build test then finds every snippet cached, so each snippet runs at most once per
    test session. Only the selected ones run when a `-k` expression narrows the session.
    """
    wanted = sorted({item.callspec.params["snippet"] for item in request.session.items
                     if hasattr(item, "callspec") and "snippet" in item.callspec.params})
    outcomes = run_snippets.run(wanted, progress=True)
    print("\n" + run_snippets.summary_table(outcomes))
    return {o.rel: o for o in outcomes}


def mkdocs_build(config: Path, site: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture(scope="session")
def lab_outcomes() -> dict[str, build_labs.LabOutcome]:
    """Execute (or take from the cache) every lab, as a notebook in a fresh kernel."""
    return {o.rel: o for o in build_labs.build()}


@pytest.fixture(scope="session")
def site(tmp_path_factory, snippet_outcomes, lab_outcomes) -> Path:
    # Snippets and labs first: they run once, in parallel, and the build finds them cached.
    out = tmp_path_factory.mktemp("site")
    build = mkdocs_build(ROOT / "mkdocs.yml", out)
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr[-6000:]}"
    ran = re.findall(r"^\s*ran\s", build.stderr, re.M)
    assert not ran, f"the build re-ran {len(ran)} snippets that the tests had already run:\n{build.stderr[-3000:]}"
    return out


def html_of(site: Path, lang: str, page: Path) -> Path:
    parts = page.with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "index" else parts
    return site.joinpath(*(() if lang == "ko" else ("en",)), *parts, "index.html")
