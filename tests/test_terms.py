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
    "랜덤": "무작위",
    "실제 값": "실제값",
    "거짓 경보": "오경보",  # defined once, in faq/threshold-0-5 (정밀도)
    "잘못된 경보": "오경보",
    "부드럽": "매끄럽",
    "부드러": "매끄러",
    "매끈": "매끄러운",
    "학습용": "학습 데이터",
    "학습 세트": "학습 데이터",
    "검증용": "검증 데이터",
    "검증 세트": "검증 데이터",
    "스케일링": "표준화",  # StandardScaler
    "유닛": "노드",
    "무게": "클래스 가중치 (a class's weight) or 비중 (a share of the loss)",
}
# Patterns the table cannot say: the other spelling -> the site's term.
KOREAN_PATTERNS = {
    r"(?<![천백만낱] )(?<![가-힣])개 단위": "낱개 단위 (천 개 단위 stays)",
    r"(?:\d|\{value [^}]*\})[ \t]+에포크": "N에포크, with no space after a number",
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
    yield from (PROJECT.root / path for _, path in sorted(PROJECT.settings.figure_labels.items()))  # words on figures
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


def other_spellings(path: Path, table: dict[str, str], patterns: dict[str, str] | None = None) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for other, term in table.items():
            for _ in re.finditer(re.escape(other), line, flags=0 if other[0].isupper() else re.I):
                found.append(f"{_rel(path)}:{number}: {other!r} -> {term!r}")
        for pattern, term in (patterns or {}).items():
            for match in re.finditer(pattern, line):
                found.append(f"{_rel(path)}:{number}: {match[0]!r} -> {term!r}")
    return found


def test_the_glossary_names_the_other_spellings_students_search_for():
    glossary = (PROJECT.docs / "ko" / "glossary.md").read_text(encoding="utf-8")
    for other in SEARCHED:
        term = re.escape(KOREAN[other])
        assert re.search(rf"^\| {term} \((?:[^)|]*, )?{other}(?:, [^)|]*)?\) \|", glossary, re.M), (
            f"docs/ko/glossary.md: no row '| {KOREAN[other]} ({other}) |' (search would not find {other!r})")


@pytest.mark.parametrize("path", list(korean_texts()), ids=_rel)
def test_korean_uses_one_term_per_concept(path):
    found = other_spellings(path, KOREAN, KOREAN_PATTERNS)
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


# Bare `loss` in Korean: 손실 for the idea, `loss` / `val_loss` in code font for the names Keras
# records and prints; 손실(loss) once, where the word is introduced.
BARE_LOSS = re.compile(r"(?<![A-Za-z0-9_`'\"\[/#.-])(?:val_)?loss(?![A-Za-z0-9_`'\"\]/-])")
# A comment or an alt text has no code font: there `val_loss` reads as the name it is, and only a bare
# `loss` is refused. Figures keep Keras' names in their legends (the labels file's `keep:`).
BARE_LOSS_IN_CODE = re.compile(r"(?<![A-Za-z0-9_`'\"\[/#.-])loss(?![A-Za-z0-9_`'\"\]/-])")


def _korean_words_of_code(text: str) -> str:
    """What a Korean reader reads in a script: its `# ko:` comments, its Korean strings (alt texts,
    check messages) and its Korean comment lines (a lab's or an exercise's prose cells)."""
    kept = []
    for line in text.splitlines():
        if not re.search("[가-힣]", line):
            continue
        if "# ko:" in line:
            kept.append(line.split("# ko:", 1)[1].split("# en:", 1)[0])
        elif line.lstrip().startswith("#"):
            kept.append(line.lstrip()[1:])
        else:
            kept += [s for s in re.findall(r"\"((?:[^\"\\]|\\.)*)\"", line) if re.search("[가-힣]", s)]
    return "\n".join(kept)


def bare_loss(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    words = _prose(text) if path.suffix == ".md" else _korean_words_of_code(text)
    if path.suffix not in (".md", ".py"):
        return []
    words = re.sub(r"`[^`\n]*`|\{#[^}]*\}|\]\([^)]*\)|손실\(loss\)", "", words)
    pattern = BARE_LOSS if path.suffix == ".md" else BARE_LOSS_IN_CODE
    return [f"{_rel(path)}: ...{words[max(0, m.start() - 30):m.end() + 10]!r}" for m in pattern.finditer(words)]


@pytest.mark.parametrize("path", list(korean_texts()), ids=_rel)
def test_korean_says_loss_as_sonsil_or_as_keras_names_in_code_font(path):
    found = bare_loss(path)
    assert not found, "손실, or `loss` / `val_loss` in code font for Keras' names:\n" + "\n".join(found)


def test_the_terms_test_finds_what_it_refuses(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("데이터를 학습용과 검증 세트로 나누고 10 에포크 동안 개 단위로 봅니다. 천 개 단위는 그대로.\n"
                    "{value x} 에포크와 {claim a} 에포크마다.\n"
                    "loss가 내려가고 `loss`와 손실(loss)은 괜찮습니다. 무게와 유닛, 부드러운 곡선.\n", encoding="utf-8")
    page_rel = page.relative_to(tmp_path)
    global PROJECT  # _rel names a file from the project's root: the temporary one here
    saved, PROJECT = PROJECT, type("P", (), {"root": tmp_path})()
    try:
        found = other_spellings(page, KOREAN, KOREAN_PATTERNS)
        loose = bare_loss(page)
    finally:
        PROJECT = saved
    assert sorted(f.split(": ", 1)[1].split(" -> ")[0] for f in found) == sorted(
        ["'학습용'", "'검증 세트'", "'0 에포크'", "'{value x} 에포크'", "'개 단위'", "'무게'", "'유닛'",
         "'부드러'"]), found
    assert len(loose) == 1 and str(page_rel) in loose[0] and "loss가" in loose[0]


NOT_A_NOTE = re.compile(r"[가-힣](?:니다|니까|세요|어요|아요|까요)(?![가-힣])")


def claim_words_lines(source: str) -> set[int]:
    """The lines of the words above each claim's assert: sentences a ✓ shows on the page, not code notes."""
    from studysite import claims

    if "# claim:" not in source:
        return set()
    try:
        proofs = claims.claims_of(source)
    except (SyntaxError, claims.ClaimError):
        return set()
    return {line for proof in proofs.values() for line in range(proof["line"] - len(proof["said"]), proof["line"])}


@pytest.mark.parametrize("path", [p for p in korean_texts() if p.suffix == ".py"], ids=_rel)
def test_korean_code_comments_are_short_notes(path):
    """One style for `# ko:` comments: short notes (`학습 데이터로만 fit`, `정확도는 거의 그대로임`),
    never a 합니다 sentence beside them. The words above a claim's assert are what its ✓ says on the page,
    in the page's sentences (tests/test_claims.py)."""
    found, source = [], path.read_text(encoding="utf-8")
    for number, line in enumerate(source.splitlines(), start=1):
        if "# ko:" in line and number not in claim_words_lines(source):
            note = line.split("# ko:", 1)[1].split("# en:", 1)[0]
            found += [f"{_rel(path)}:{number}: {note.strip()}" for _ in NOT_A_NOTE.finditer(note)]
    assert not found, "a short note, not a sentence:\n" + "\n".join(found)
