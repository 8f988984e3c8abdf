"""A glossary term is explained where a student first meets it, reading the site in the nav's order.

At its first use (prose only: no headings, code, math or markers) a term must be introduced there: in bold
(`**재현율**(recall)`), or given in brackets beside its explanation (`점수(logit)`, `score (logit)`), or in a
paragraph that links to the glossary or to a page the glossary names as where the term is taught; or the page
itself is one the glossary names for it. The front page (index.md) only lists what the site covers and is
skipped, and so are a lecture's preview boxes ("At a glance", "After reading this page you can").
The twins' glossaries point each term to the same sections.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)
LANGS = ("ko", "en")
SKIPPED = {"index.md", "glossary.md"}


def nav_pages() -> list[str]:
    """The Markdown pages of the nav, in order (mkdocs.yml's nav names the same paths for both languages)."""
    nav = (PROJECT.root / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    pages = []
    for line in nav.splitlines():
        if line.strip() and not line.startswith((" ", "#")):
            break
        match = re.match(r"\s*-\s*(?:[^:]+:\s*)?([\w/.-]+\.md)\s*$", line)
        if match:
            pages.append(match[1])
    return pages


def glossary_rows(glossary: Path) -> list[tuple[str, list[str], str]]:
    """(term, the pages its row links to, the row's link cell) for each row of a glossary table."""
    rows = []
    for line in glossary.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0] or set(cells[0]) <= set("- ") or cells[0] in ("한국어", "English"):
            continue
        term = re.sub(r"\s*\(.*?\)", "", cells[0]).strip()
        rows.append((term, re.findall(r"\]\(([^)#]+)", cells[3]), cells[3]))
    return rows


# A lecture's preview boxes list what the page goes on to teach: a term there is not its first use.
PREVIEWS = ("한눈에 보기", "이 페이지를 읽고 나면", "At a glance", "After reading this page you can")


def prose(text: str) -> str:
    text = re.sub(r"(?s)^---\n.*?\n---\n", "", text)
    titles = "|".join(re.escape(title) for title in PREVIEWS)
    text = re.sub(rf'(?m)^!!! \w+ "(?:{titles})"\n(?:(?:    .*)?\n)*', "", text)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("!snippet", "!exercise")))
    text = re.sub(r"(?s)```.*?```", "", text)
    text = re.sub(r"`[^`\n]*`", "``", text)
    text = re.sub(r"(?s)\$\$.*?\$\$|\$[^$\n]*\$", "", text)
    text = re.sub(r"\{(?:claim|value)[^}]*\}", "", text)
    return re.sub(r"(?m)^\s*(?:#+ |\?\?\?\+? |!!! ).*$", "", text)  # headings and box titles are not uses


def term_pattern(term: str) -> re.Pattern:
    if term.isascii():
        return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
    return re.compile(re.escape(term))


def introduced(term: str, paragraph: str, page: str, taught_on: list[str]) -> bool:
    t = re.escape(term)
    if re.search(rf"\*\*[^*\n]*{t}[^*\n]*\*\*", paragraph, re.I):
        return True
    if re.search(rf"\(\s*(?:the |an? )?{t}\s*\)|{t}\s?\(", paragraph, re.I):
        return True
    linked = re.findall(r"\]\(([^)#\s]+)", paragraph)
    if any(Path(link).name == "glossary.md" for link in linked):
        return True
    if any(Path(link).name == Path(taught).name for link in linked for taught in taught_on):
        return True
    return page in taught_on


def first_uses_not_introduced(docs: Path, pages: list[str]) -> list[str]:
    found = []
    texts = {page: prose((docs / page).read_text(encoding="utf-8")) for page in pages if page not in SKIPPED}
    for term, taught_on, _ in glossary_rows(docs / "glossary.md"):
        pattern = term_pattern(term)
        for page, text in texts.items():
            match = pattern.search(text)
            if not match:
                continue
            paragraph = next(p for p in re.split(r"\n\s*\n", text) if match[0] in p and text.find(p) <= match.start()
                             < text.find(p) + len(p))
            if not introduced(term, paragraph, page, taught_on):
                line = text[:match.start()].count("\n") + 1
                found.append(f"{docs.name}/{page}: {term!r} first used (prose line {line}) without being introduced: "
                             f"...{text[max(0, match.start() - 50):match.end() + 30]!r}")
            break
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_are_introduced_at_first_use_in_nav_order(lang):
    found = first_uses_not_introduced(PROJECT.docs / lang, nav_pages())
    assert not found, ("bold the term, give it in brackets beside its explanation, or link the glossary "
                       "(or the section it names) where it first appears:\n" + "\n".join(found))


def test_twin_glossaries_point_each_term_to_the_same_sections():
    def targets(lang):
        return [re.findall(r"\]\(([^)]+)\)", cell) for _, _, cell in glossary_rows(PROJECT.docs / lang / "glossary.md")]
    ko, en = targets("ko"), targets("en")
    assert len(ko) == len(en), "the glossaries have different numbers of rows"
    # the rows are in each language's alphabetical order: compare the sets of link lists
    ko_rows = {tuple(row) for row in ko}
    en_rows = {tuple(row) for row in en}
    assert ko_rows == en_rows, ("a term links to other sections in one language:\nonly in ko: "
                                f"{sorted(ko_rows - en_rows)}\nonly in en: {sorted(en_rows - ko_rows)}")


def test_the_check_refuses_a_term_used_before_it_is_introduced(tmp_path):
    docs = tmp_path / "docs"
    (docs / "lectures").mkdir(parents=True)
    (docs / "glossary.md").write_text(
        "| English | 한국어 | Meaning | Where |\n| --- | --- | --- | --- |\n"
        "| Recall | 재현율 | The share found. | [Counting](lectures/b.md#counts) |\n", encoding="utf-8")
    (docs / "lectures" / "a.md").write_text("# A\n\nThe recall here is high.\n", encoding="utf-8")
    (docs / "lectures" / "b.md").write_text("# B\n\n**Recall** is the share found.\n", encoding="utf-8")
    pages = ["lectures/a.md", "lectures/b.md"]
    found = first_uses_not_introduced(docs, pages)
    assert len(found) == 1 and "lectures/a.md" in found[0] and "'Recall'" in found[0]
    for fixed in ("The **recall** here is high.", "The share found (recall) is high.",
                  "The [recall](../glossary.md) here is high.", "The recall ([counting](b.md)) is high."):
        (docs / "lectures" / "a.md").write_text(f"# A\n\n{fixed}\n", encoding="utf-8")
        assert not first_uses_not_introduced(docs, pages), fixed
    assert not first_uses_not_introduced(docs, pages[::-1])  # b first: introduced there
