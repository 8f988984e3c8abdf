"""Guards on the pages: code only comes from snippets, and both languages move together."""

import re

import pytest

from conftest import DOCS, LANGS, mkdocs_hooks, pages, run_snippets

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*\{?[ \t]*\.?(python|py|pycon|ipython)\b", re.M | re.I)
ALL_PAGES = sorted({(lang, page) for lang in LANGS for page in pages(lang)})


def embeds(lang, page):
    return mkdocs_hooks.find_embeds((DOCS / lang / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_no_python_code_block_outside_snippets(lang, page):
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    found = [text.count("\n", 0, m.start()) + 1 for m in FENCE.finditer(text)]
    assert not found, (f"docs/{lang}/{page}, lines {found}: a Python code block typed into the page; "
                       "put the code in snippets/ and embed it with `!snippet <path>`")


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_every_page_has_its_twin_with_the_same_snippets(lang, page):
    other = "en" if lang == "ko" else "ko"
    twin = DOCS / other / page
    assert twin.is_file(), f"docs/{lang}/{page} has no twin docs/{other}/{page}"
    mine = [(e["path"], e["section"], e["options"]) for e in embeds(lang, page)]
    theirs = [(e["path"], e["section"], e["options"]) for e in embeds(other, page)]
    assert mine == theirs, f"docs/{lang}/{page} and docs/{other}/{page} embed different snippets:\n{mine}\n{theirs}"


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_every_embed_names_an_existing_snippet_and_section(lang, page):
    for embed in embeds(lang, page):
        where = f"docs/{lang}/{page}:{embed['line']}"
        path = run_snippets.SNIPPETS / embed["path"]
        assert path.is_file(), f"{where} embeds snippets/{embed['path']}, which does not exist"
        if embed["section"]:
            assert mkdocs_hooks.has_section(embed["path"], embed["section"]), (
                f"{where} embeds section '{embed['section']}' of snippets/{embed['path']}, which has no such section")


@pytest.mark.parametrize("snippet", run_snippets.discover())
def test_every_snippet_is_embedded_by_a_page(snippet):
    pages_embedding = mkdocs_hooks._pages_embedding(DOCS)
    assert snippet in pages_embedding, f"snippets/{snippet} is not embedded by any page"


@pytest.mark.parametrize("snippet", run_snippets.discover())
def test_every_snippet_asserts_something(snippet):
    source = (run_snippets.SNIPPETS / snippet).read_text(encoding="utf-8")
    assert re.search(r"^\s*assert\b", source, re.M), f"snippets/{snippet} has no assert: what does it prove?"
