"""One term per concept, everywhere a reader reads: prose, figure alt texts, code comments, notebooks.

The glossary may name another spelling in brackets after the site's term (`임곗값 (임계값)`), so that
search finds what students type; everywhere else the site's term is the only one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studysite.project import Project

PROJECT = Project.find(Path(__file__).parent)

# Another spelling a reader meets -> the site's term.
KOREAN = {
    "학습곡선": "학습 곡선",
    "임계값": "임곗값",
    "과대적합": "과적합",
    "재현도": "재현율",
    "경사하강법": "경사 하강법",
    "네트워크": "신경망",
    "손실함수": "손실 함수",
    "활성함수": "활성화 함수",
    "활성화함수": "활성화 함수",
    "에폭": "에포크",
    "학습율": "학습률",
    "accuracy 곡선": "정확도 곡선",
    "은닉 층": "은닉층",
    "출력 층": "출력층",
    "입력 층": "입력층",
}
ENGLISH = {
    "Let us": "Let's",
    "colour": "color",
    "practis": "practic",
    "behaviour": "behavior",
    "centre": "center",
    "favour": "favor",
    "initialis": "initializ",
    "normalis": "normaliz",
    "optimis": "optimiz",
    "regularis": "regulariz",
    "generalis": "generaliz",
    "summaris": "summariz",
    "minimis": "minimiz",
    "modelling": "modeling",
    "labelled": "labeled",
    "analyse": "analyze",
}


def korean_texts():
    """Every file a Korean reader reads part of (the English parts of the shared sources included: they
    are checked against ENGLISH too)."""
    yield from sorted(p for p in (PROJECT.docs / "ko").rglob("*.md") if p.name != "glossary.md")
    for folder in (PROJECT.snippets, PROJECT.labs, PROJECT.root / "practice"):
        yield from sorted(folder.rglob("*.py"))


def english_texts():
    yield from sorted((PROJECT.docs / "en").rglob("*.md"))
    for folder in (PROJECT.snippets, PROJECT.labs, PROJECT.root / "practice"):
        yield from sorted(folder.rglob("*.py"))
    yield from (PROJECT.root / "README.md", PROJECT.root / "CONTRIBUTING.md")


def _rel(path: Path) -> str:
    return path.relative_to(PROJECT.root).as_posix()


# Spellings students type into the search box: the glossary names them beside the site's term.
SEARCHED = ("임계값", "과대적합", "재현도")


def other_spellings(path: Path, table: dict[str, str]) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for other, term in table.items():
            for _ in re.finditer(re.escape(other), line, flags=0 if other[0].isupper() else re.I):
                found.append(f"{_rel(path)}:{number}: {other!r} -> {term!r}")
    return found


def test_the_glossary_names_the_other_spellings_students_search_for():
    glossary = (PROJECT.docs / "ko" / "glossary.md").read_text(encoding="utf-8")
    for other in SEARCHED:
        term = re.escape(KOREAN[other])
        assert re.search(rf"^\| {term} \((?:[^)|]*, )?{other}(?:, [^)|]*)?\) \|", glossary, re.M), (
            f"docs/ko/glossary.md: no row '| {KOREAN[other]} ({other}) |' (search would not find {other!r})")


@pytest.mark.parametrize("path", list(korean_texts()), ids=_rel)
def test_korean_uses_one_term_per_concept(path):
    found = other_spellings(path, KOREAN)
    assert not found, "use the site's term:\n" + "\n".join(found)


@pytest.mark.parametrize("path", list(english_texts()), ids=_rel)
def test_english_is_american_and_says_lets(path):
    found = other_spellings(path, ENGLISH)
    assert not found, "American spelling, and \"Let's\" in a tutorial:\n" + "\n".join(found)


def _prose(text: str) -> str:
    """A page's prose: no front matter, embeds, code, math or markers."""
    text = re.sub(r"(?s)^---\n.*?\n---\n", "", text)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("!snippet", "!exercise")))
    text = re.sub(r"(?s)```.*?```", "", text)
    text = re.sub(r"`[^`\n]*`", "", text)
    text = re.sub(r"(?s)\$\$.*?\$\$|\$[^$\n]*\$", "", text)
    return re.sub(r"\{(?:claim|value)[^}]*\}", "", text)


@pytest.mark.parametrize("path", sorted((PROJECT.docs / "ko" / "lectures").glob("*.md")), ids=_rel)
def test_a_korean_lecture_says_loss_in_korean_first(path):
    """손실 the first time the prose names it (손실(loss)), then loss / val_loss as Keras prints them."""
    prose = _prose(path.read_text(encoding="utf-8"))
    bare = re.search(r"(?<![\w(])loss(?![\w)])", prose)
    introduced = re.search(r"손실", prose)
    if bare:
        seen = prose[max(0, bare.start() - 40):bare.end()]
        assert introduced and introduced.start() < bare.start(), (
            f"{_rel(path)}: 'loss' appears before '손실' introduces it: ...{seen}")
