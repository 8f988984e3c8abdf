"""Guards on the pages: code only comes from snippets, and both languages move together."""

import re
from pathlib import Path

import pytest

from studysite import cache, embed
from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGS = PROJECT.languages  # ("ko", "en"): mkdocs-static-i18n's, the default first
DOCS = PROJECT.docs
pages = PROJECT.pages

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*\{?[ \t]*\.?(python|py|pycon|ipython)\b", re.M | re.I)
ALL_PAGES = sorted({(lang, page) for lang in LANGS for page in pages(lang)})


def embeds(lang, page):
    return embed.find_embeds((DOCS / lang / page).read_text(encoding="utf-8"), f"docs/{lang}/{page}")


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_no_python_code_block_outside_snippets(lang, page):
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    found = [text.count("\n", 0, m.start()) + 1 for m in FENCE.finditer(text)]
    assert not found, (f"docs/{lang}/{page}, lines {found}: a Python code block typed into the page; "
                       "put the code in snippets/ and embed it with `!snippet <path>`")


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_every_page_has_its_twin_with_the_same_snippets(lang, page):
    assert len(LANGS) > 1, "the site has one language: no twins to check"
    for other in LANGS:
        if other == lang:
            continue
        twin = DOCS / other / page
        assert twin.is_file(), f"docs/{lang}/{page} has no twin docs/{other}/{page}"
        mine = [e.signature for e in embeds(lang, page)]
        theirs = [e.signature for e in embeds(other, page)]
        assert mine == theirs, (f"docs/{lang}/{page} and docs/{other}/{page} embed different snippets:\n{mine}\n"
                                f"{theirs}")


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=lambda v: str(v))
def test_every_embed_names_an_existing_snippet_and_section(lang, page):
    for one in embeds(lang, page):
        where = f"docs/{lang}/{page}:{one.line}"
        path = PROJECT.snippets / one.path
        assert path.is_file(), f"{where} embeds snippets/{one.path}, which does not exist"
        if one.section:
            assert embed.has_section(path.read_text(encoding="utf-8"), one.section), (
                f"{where} embeds section '{one.section}' of snippets/{one.path}, which has no such section")


@pytest.mark.parametrize("snippet", cache.discover(PROJECT))
def test_every_snippet_is_embedded_by_a_page(snippet):
    embedded = {e.path for lang, page in ALL_PAGES for e in embeds(lang, page)}
    assert snippet in embedded, f"snippets/{snippet} is not embedded by any page"


@pytest.mark.parametrize("snippet", cache.discover(PROJECT))
def test_every_snippet_asserts_something(snippet):
    source = (PROJECT.snippets / snippet).read_text(encoding="utf-8")
    assert re.search(r"^\s*assert\b", source, re.M), f"snippets/{snippet} has no assert: what does it prove?"


def test_the_sites_own_hooks_and_the_engine_agree_on_the_languages():
    """The hooks (dlnotes_site) name the languages themselves; the engine reads them from mkdocs.yml's i18n."""
    from dlnotes_site import strings

    assert strings.LANGUAGES == PROJECT.languages
