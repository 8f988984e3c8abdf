"""Every snippet is one test: it must run to the end, so every claim it asserts holds.

A new file under snippets/<section>/ is collected here with no change to this file.
"""

import pytest

from conftest import DOCS, run_snippets
from mkdocs_hooks import _pages_embedding


@pytest.mark.parametrize("snippet", run_snippets.discover())
def test_snippet_runs_and_its_claims_hold(snippet, snippet_outcomes):
    outcome = snippet_outcomes[snippet]
    if not outcome.ok:
        pages = ", ".join(_pages_embedding(DOCS).get(snippet, ["no page"]))
        pytest.fail(f"{outcome.describe()}\nembedded in: {pages}\n\n{outcome.traceback}", pytrace=False)
    assert outcome.result["blocks"] or outcome.result["figures"], f"snippets/{snippet} shows nothing"
