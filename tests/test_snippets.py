"""Every snippet is one test: it must run to the end, so every claim it asserts holds.

A new file under snippets/<section>/ is collected here with no change to this file.
"""

from pathlib import Path

import pytest

from studysite import cache, embed
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)


def pages_embedding(snippet: str) -> list[str]:
    return [f"{page.relative_to(PROJECT.root)}:{one.line}" for page in sorted(PROJECT.docs.rglob("*.md"))
            for one in embed.find_embeds(page.read_text(encoding="utf-8")) if one.path == snippet]


@pytest.mark.parametrize("snippet", cache.discover(PROJECT))
def test_snippet_runs_and_its_claims_hold(snippet, snippet_outcomes):
    outcome = snippet_outcomes[snippet]
    if not outcome.ok:
        pages = ", ".join(pages_embedding(snippet) or ["no page"])
        pytest.fail(f"{outcome.describe()}\nembedded in: {pages}\n\n{outcome.traceback}", pytrace=False)
    cells = outcome.result["cells"]
    assert any(cell["blocks"] or cell["figures"] for cell in cells), f"snippets/{snippet} shows nothing"
    assert not outcome.warnings, f"snippets/{snippet} reported: {outcome.warnings}"
