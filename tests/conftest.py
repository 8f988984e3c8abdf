"""Shared fixtures: the snippets run once per test session, through the site's runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import mkdocs_hooks  # noqa: E402
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
