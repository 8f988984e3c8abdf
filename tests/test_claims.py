"""Markers in prose: ``{claim id}`` and ``{value name:spec}`` parse strictly and resolve or fail;
embeds show each section with exactly its own output."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from studysite import claims, embed, worker

RESULTS = {
    "faq/why_mape_is_huge.py": {"values": {"mape": 1.5e15, "mae": 1.0, "wapes": [0.075, 0.097],
                                           "shares": {"plain": 0.246}}},
    "faq/mae_in_thousands.py": {"values": {"mae": 1.0, "mae_units": 1000.0}},
}


@pytest.mark.parametrize(("ref", "expected"), [
    ("mape", 1.5e15),
    ("wapes[1]", 0.097),
    ("shares[plain]", 0.246),
    ("mae_in_thousands.mae_units", 1000.0),
])
def test_a_value_reference_resolves(ref, expected):
    value, _ = claims.resolve_value(ref, RESULTS, ["faq/why_mape_is_huge.py"])
    assert value == expected


@pytest.mark.parametrize(("ref", "embedded", "message"), [
    ("mae", ["faq/why_mape_is_huge.py", "faq/mae_in_thousands.py"], "several snippets"),
    ("nothing", ["faq/why_mape_is_huge.py"], "no snippet this page embeds has a value 'nothing'"),
    ("wapes", ["faq/why_mape_is_huge.py"], "no snippet this page embeds"),
    ("wapes[5]", ["faq/why_mape_is_huge.py"], "no snippet this page embeds"),
    ("no_such_file.mae", [], "no snippet named no_such_file.py"),
    ("mae_in_thousands.mse", [], "no value 'mse'"),
])
def test_a_value_reference_that_names_nothing_is_an_error(ref, embedded, message):
    with pytest.raises(LookupError) as error:
        claims.resolve_value(ref, RESULTS, embedded)
    assert message in str(error.value)


@pytest.mark.parametrize(("value", "spec", "shown"), [
    (1.5e15, "sci", "1.5 × 10<sup>15</sup>"),
    (1000.0, ",.0f", "1,000"),
    (-0.25, ".2f", "−0.25"),
    (0.0812, ".1%", "8.1%"),
])
def test_values_are_formatted_at_build_time(value, spec, shown):
    assert claims.format_value(value, spec) == shown


@pytest.mark.parametrize("text", ["{claim }", "{claim Bad_Id}", "{value}", "{value 3x}", "{claimx}",
                                  "{value mape:.2f", "{claim a,,b}"])
def test_anything_that_starts_like_a_marker_must_parse(text):
    with pytest.raises(claims.MarkerError) as error:
        claims.find_markers(f"line one\nsee {text} here\n")
    assert error.value.line == 2


def test_markers_parse():
    found = claims.find_markers("A. {claim a-1, b} and {value x.y[2]:.3f} and {value z}\n")
    assert [(m["claims"], m["ref"], m["spec"]) for m, _ in found] == [
        ("a-1, b", None, None), (None, "x.y[2]", ".3f"), (None, "z", None)]


def test_a_marker_after_a_full_stop_belongs_to_that_sentence():
    text = "MAE is in the unit. {claim a}\n    Change the unit and it changes too. {claim b} Yes!"
    assert claims.sentences(text) == ["MAE is in the unit. {claim a}", "Change the unit and it changes too. {claim b}",
                                      "Yes!"]


SOURCE = '''"""Docstring for contributors."""
import numpy as np
# --8<-- [start:one]
a = 1  # ko: 하나 # en: one
print(a)
# --8<-- [end:one]
assert a == 1  # claim: demo-a
# --8<-- [start:two]
print("two")
# --8<-- [end:two]
'''
RESULT = {"cells": [
    {"section": None, "lines": [1, 2], "blocks": [], "figures": []},
    {"section": "one", "lines": [4, 5], "blocks": [{"type": "text", "text": "1\n"}], "figures": []},
    {"section": None, "lines": [7, 7], "blocks": [], "figures": [{"name": "fig", "file": "fig.svg",
                                                                  "alt": {"ko": "그림", "en": "a figure"}}]},
    {"section": "two", "lines": [9, 9], "blocks": [{"type": "text", "text": "two\n"}], "figures": []},
]}


def _render(line: str, lang: str = "en"):
    (one,) = embed.find_embeds(line + "\n")
    return embed.render(one, RESULT, worker.cells_of(SOURCE), lang, lambda f: f"img/{f['file']}", "x.md",
                        languages=("ko", "en"))


def test_a_section_embed_shows_its_own_code_and_output_only():
    shown, boxes = _render("!snippet demo/x.py:one")
    assert "a = 1  # one" in shown and "print(a)" in shown and "print(\"two\")" not in shown
    assert len(boxes) == 1 and "<code>1</code>" in boxes[0] and "two" not in shown
    assert "fig.svg" not in shown, "the figure is drawn outside this section"


def test_a_whole_file_embed_shows_each_cell_followed_by_its_output():
    shown, boxes = _render("!snippet demo/x.py", "ko")
    order = [shown.index(part) for part in ("import numpy", "# 하나", "<code>1</code>", "fig.svg", 'print("two")',
                                            "<code>two</code>")]
    assert order == sorted(order) and len(boxes) == 2
    assert "Docstring" not in shown and "claim" not in shown and "# one" not in shown


def test_a_figure_embed_shows_that_figure_alone():
    shown, boxes = _render("!snippet demo/x.py figure=fig")
    assert 'src="img/fig.svg"' in shown and 'alt="a figure"' in shown and "```" not in shown and not boxes


def _expander(failed: bool = False):
    """What a build expands a page with: the stored results, the claims they prove, this build's failures."""
    from studysite.outcome import Outcome
    from studysite.pages import Found, PageExpander
    from studysite.project import Project

    found = Found(RESULTS, {"mape-explodes": ("faq/why_mape_is_huge.py", {"line": 12, "code": "assert mape > 1e15"})})
    if failed:
        found.failures = {"faq/why_mape_is_huge.py": Outcome("snippet", "faq/why_mape_is_huge.py", "failed",
                                                             line=3, error="ZeroDivisionError")}
    # The site's project: its languages and the words of its pages.
    return PageExpander(Project.find(Path(__file__).parent), found, figure_url=lambda rel, figure: None)


def _markers(expander, text):
    embeds = embed.find_embeds(text)
    return expander.markers(text, embeds, "ko")


def test_a_claim_marker_renders_its_assert_in_the_page_language():
    shown = _markers(_expander(), "MAPE가 폭발합니다. {claim mape-explodes}\n\n!snippet faq/why_mape_is_huge.py\n")
    assert 'class="claim"' in shown and "assert mape &gt; 1e15" in shown and "12행" in shown and "{claim" not in shown


def test_a_value_reference_is_replaced_by_the_number_from_the_run():
    shown = _markers(_expander(), "약 {value mape:sci}입니다.\n\n!snippet faq/why_mape_is_huge.py\n")
    assert shown.startswith("약 1.5 × 10<sup>15</sup>입니다.")


@pytest.mark.parametrize(("text", "failed", "message"), [
    ("A. {claim no-such-claim}\n", False, "names no claim"),
    ("A. {claim mape-explodes}\n", True, "which failed"),
    ("{value mape}\n\n!snippet faq/why_mape_is_huge.py\n", True, "which failed"),
    ("{value missing}\n\n!snippet faq/why_mape_is_huge.py\n", False, "no snippet this page embeds"),
])
def test_a_marker_that_names_nothing_or_a_failed_run_fails_the_build(text, failed, message):
    with pytest.raises(claims.MarkerError) as error:
        _markers(_expander(failed), text)
    assert message in str(error.value) and error.value.line == 1


# --- Korean particles after values: {value name:spec|로} -------------------------------------------

def test_a_particle_written_after_a_value_outside_its_marker_fails_the_build():
    with pytest.raises(claims.MarkerError) as error:
        _markers(_expander(), "\n약 {value mape:sci}로 커집니다.\n\n!snippet faq/why_mape_is_huge.py\n")
    assert "{value mape:sci|로}" in str(error.value) and error.value.line == 2


def test_a_particle_in_a_marker_takes_the_form_the_value_asks_for():
    shown = _markers(_expander(), "{value mae_in_thousands.mae_units:,.0f|로}, {value wapes[0]:.3f|로}, "
                                  "{value shares[plain]:.2f|이}\n\n!snippet faq/why_mape_is_huge.py\n")
    assert shown.startswith("1,000으로, 0.075로, 0.25가")


DIGIT_NAMES = "영 일 이 삼 사 오 육 칠 팔 구".split()


def _read_aloud(shown: str) -> str:
    """The whole value as a Korean reader says it (written apart from the rules it checks): the
    integer part in Sino-Korean with its units, the decimals digit by digit, % as 퍼센트."""
    text = shown.replace(",", "").replace("−", "")
    if "<sup>" in text or "e" in text:
        mantissa, power = re.split(r" × 10<sup>|e", text.removesuffix("</sup>"))
        return f"{_read_aloud(mantissa)} 곱하기 십의 {'마이너스 ' if power.startswith('-') else ''}" \
               f"{_read_aloud(power.lstrip('+-'))}승"
    if text.endswith("%"):
        return _read_aloud(text[:-1]) + " 퍼센트"
    whole, _, decimals = text.partition(".")
    words, number = [], int(whole)
    for big, name in ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1000, "천"), (100, "백"), (10, "십"), (1, "")):
        count, number = divmod(number, big)
        if count:
            words.append((_read_aloud(str(count)) if big >= 10**4 else "" if count == 1 and name else
                          DIGIT_NAMES[count]) + name)
    spoken = "".join(words) or "영"
    return spoken + ("".join(f" {DIGIT_NAMES[int(d)]}" for d in decimals) and
                     " 점" + "".join(f" {DIGIT_NAMES[int(d)]}" for d in decimals))


def _expected_particle(shown: str, word: str) -> str:
    last = unicodedata.normalize("NFD", _read_aloud(shown)[-1])
    final = last[-1] if "\u11a8" <= last[-1] <= "\u11c2" else None  # the syllable's final consonant jamo
    forms = {"로": ("으로", "로"), "으로": ("으로", "로"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
             "를": ("을", "를"), "은": ("은", "는"), "는": ("은", "는"), "과": ("과", "와"), "와": ("과", "와"),
             "라는": ("이라는", "라는"), "이라는": ("이라는", "라는"), "라서": ("이라서", "라서"),
             "이라서": ("이라서", "라서")}[word]
    if final is None or (final == "\u11af" and forms[0] == "으로"):  # ᆯ: 일로, 칠로
        return forms[1]
    return forms[0]


@pytest.mark.parametrize(("shown", "spoken"), [("5.40", "오 점 사 영"), ("1,000", "천"), ("12.5%", "십이 점 오 퍼센트"),
                                               ("1.5 × 10<sup>15</sup>", "일 점 오 곱하기 십의 십오승"),
                                               ("3.2e-06", "삼 점 이 곱하기 십의 마이너스 육승"), ("20010", "이만십")])
def test_the_reader_reads_values_aloud(shown, spoken):
    assert _read_aloud(shown) == spoken


def _korean_particle_markers():
    for page in sorted((ROOT / "docs" / "ko").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match, line in claims.find_markers(text):
            if match["ref"] and match["word"]:
                yield page.relative_to(ROOT).as_posix(), line, match[0], text


ROOT = Path(__file__).resolve().parents[1]


def test_every_value_with_a_particle_on_a_korean_page_reads_right():
    """Each ``{value ...|particle}`` of the site, rendered from its snippet's run, is followed by the
    form of the particle that the value read aloud asks for."""
    from studysite import pages, runner
    from studysite.project import Project

    project = Project.find(Path(__file__).parent)
    markers = list(_korean_particle_markers())
    assert len(markers) >= 30, "the Korean pages quote values with particles"
    page_embeds = {page: embed.find_embeds(text, page) for page, _, _, text in markers}
    needed = sorted({one.path for embeds in page_embeds.values() for one in embeds})
    missing = [rel for rel in needed if runner.load_result(project.outputs, rel) is None]
    if missing:  # a fresh clone: run what has never run (the stored results are enough to read values)
        runner.run(project, missing, progress=False)
    expander = _expander()
    expander.found = pages.find_results(project)
    wrong = []
    for page, line, marker, _ in markers:
        shown = expander.markers(marker, page_embeds[page], "ko")
        bare = expander.markers(re.sub(r"\|[^}]*\}", "}", marker), page_embeds[page], "ko")
        word = re.search(r"\|([^}]*)\}", marker)[1].strip("()").replace("(으)", "").replace("(이)", "")
        if shown != bare + _expected_particle(bare, word):
            wrong.append(f"{page}:{line}: {marker} renders '{shown}', read '{_read_aloud(bare)}'")
    assert not wrong, "\n".join(wrong)


# --- One mark per sentence (issue 24) ---------------------------------------------------------


def _two_claims():
    from studysite.pages import Found, PageExpander
    from studysite.project import Project

    found = Found(RESULTS, {"mape-explodes": ("faq/why_mape_is_huge.py", {"line": 12, "code": "assert mape > 1e15"}),
                            "mape-is-fraction": ("faq/why_mape_is_huge.py", {"line": 13, "code": "assert m < 1"})})
    return PageExpander(Project.find(Path(__file__).parent), found, figure_url=lambda rel, figure: None,
                        download_url=lambda rel, lang, kind: f"../downloads/{lang}/{rel[:-3]}.{kind}")


@pytest.mark.parametrize("cites", ["{claim mape-explodes, mape-is-fraction}",
                                   "{claim mape-explodes} {claim mape-is-fraction}"])
def test_claims_on_one_sentence_read_as_one_mark_with_a_count(cites):
    shown = _markers(_two_claims(), f"MAPE가 폭발합니다. {cites}\n\n!snippet faq/why_mape_is_huge.py\n")
    assert shown.count("<button") == 1 and '<span class="claim-count">2</span>' in shown, shown
    assert shown.count('class="claim-check"') == 2 and "assert mape &gt; 1e15" in shown and "assert m &lt; 1" in shown
    assert 'href="../downloads/ko/faq/why_mape_is_huge.html#L-12"' in shown  # the line, in a page with a charset
    assert "이 문장은 ‘0 근처 타깃이 만드는 거대한 MAPE’ 예제를 실행할 때마다 확인됩니다." in shown
    assert re.search(r'aria-controls="([^"]+)".*id="\1" role="note" hidden', shown)


def test_claims_apart_are_marks_apart():
    shown = _markers(_two_claims(), "MAPE가 폭발합니다. {claim mape-explodes} 비율입니다. {claim mape-is-fraction}\n\n"
                                    "!snippet faq/why_mape_is_huge.py\n")
    ids = re.findall(r'aria-controls="([^"]+)"', shown)
    assert len(ids) == 2 and len(set(ids)) == 2 and "claim-count" not in shown


HANGUL = re.compile("[\uac00-\ud7a3]")


def cited_claims() -> set[str]:
    """Every claim a page of the site cites."""
    from studysite.project import Project

    project = Project.find(Path(__file__).parent)
    return {claim for page in project.docs.rglob("*.md")
            for match, _ in claims.find_markers(page.read_text(encoding="utf-8")) if match["claims"]
            for claim in re.split(r", ?", match["claims"])}


def test_every_cited_claim_says_what_it_checks_in_words_in_each_language():
    """The ✓ of a sentence opens with what its assert checks, in the reader's words: the ``# ko:`` / ``# en:``
    comment right above the assert. Every claim a page cites has both, each in its own language."""
    from studysite.project import Project

    project = Project.find(Path(__file__).parent)
    cited, missing, wrong = cited_claims(), [], []
    for path in sorted(project.snippets.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "# claim:" not in source:
            continue
        for claim, proof in claims.claims_of(source).items():
            if claim not in cited:
                continue
            rel = path.relative_to(project.root)
            for lang in project.languages:
                words = claims.said_in(proof["said"], lang, project.languages)
                if not words:
                    missing.append(f"{rel}:{proof['line']} ({claim}): no `# {lang}:` line above the assert")
                elif bool(HANGUL.search(words)) != (lang == "ko"):
                    wrong.append(f"{rel}:{proof['line']} ({claim}): the {lang} words are not in {lang}: {words!r}")
    assert not wrong, "\n".join(wrong[:20])
    assert not missing, f"{len(missing)} claims say nothing in words:\n" + "\n".join(missing[:30])
