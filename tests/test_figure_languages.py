"""Figures speak the reader's language: every figure a snippet draws (in English) is drawn again from
the same run with the Korean words of snippets/figure_labels.ko.yml, in Noto Sans CJK as paths; a
Korean page shows that variant, an English page the figure as drawn; nothing stays English by
accident; and a re-run gives the same bytes."""

from __future__ import annotations

import re

import pytest

from studysite import capture, pages, runner

HANGUL = re.compile("[\uac00-\ud7a3]")
DRAWN_TEXT = re.compile(r"<!-- (.*?) -->")  # matplotlib writes each text it draws as paths as a comment
KOREAN_GLYPHS = "NotoSansCJKkr-"  # the glyph paths' ids: the table's font drew them
ONE_FIGURE = "activations/activation_functions.py"  # small: no training


@pytest.fixture(scope="module")
def figures(project, snippet_outcomes):
    found = pages.find_results(project)
    out = []
    for rel, result in sorted(found.results.items()):
        for figure in runner.figures_of(result):
            out.append((rel, figure, project.outputs / rel / result["run_dir"]))
    assert len(out) > 20, "the course draws fewer figures than it did: is the record still read?"
    return found, out


def test_every_figure_with_words_has_a_korean_variant_with_nothing_left_english(figures):
    _, found = figures
    problems = []
    for rel, figure, folder in found:
        korean = (figure.get("languages") or {}).get("ko")
        if korean is None:
            problems.append(f"{rel}: figure '{figure['name']}' was drawn with no Korean table")
            continue
        if korean["untranslated"]:
            problems.append(f"{rel}: figure '{figure['name']}' has no Korean for {korean['untranslated']}")
        drawn = DRAWN_TEXT.findall((folder / figure["file"]).read_text(encoding="utf-8"))
        assert not any(HANGUL.search(text) for text in drawn), f"{rel}: the figure as drawn is not English"
        if any(shown != text for text, shown in korean["texts"]):
            svg = (folder / korean["file"]).read_text(encoding="utf-8")
            texts = DRAWN_TEXT.findall(svg)
            hangul = [text for text in texts if HANGUL.search(text)]
            if not hangul or KOREAN_GLYPHS not in svg:
                problems.append(f"{rel}: {korean['file']} shows no Korean drawn as paths ({texts[:5]})")
            for text, shown in korean["texts"]:  # a text of several lines is drawn line by line
                if shown != text and not set(shown.split("\n")) <= set(texts):
                    problems.append(f"{rel}: {korean['file']} does not show {shown!r}")
            dark = (folder / korean["dark"]).read_text(encoding="utf-8")
            if sorted(DRAWN_TEXT.findall(dark)) != sorted(texts):
                problems.append(f"{rel}: {korean['dark']} does not show the same words as {korean['file']}")
    assert not problems, "\n".join(problems)


def test_a_korean_page_embeds_the_korean_variant_an_english_page_the_english(project, figures):
    found, _ = figures
    expander = pages.PageExpander(project, found, lambda rel, figure: f"{rel}/{figure['file']}")
    embed = f"!snippet {ONE_FIGURE} figure=activation-functions\n"
    korean, english = (expander.expand(embed, "docs/x.md", lang) for lang in ("ko", "en"))
    assert 'activation-functions.ko.svg#only-light"' in korean
    assert 'activation-functions.ko.dark.svg#only-dark"' in korean
    assert 'activation-functions.svg#only-light"' in english and ".ko." not in english
    figure = next(f for f in runner.figures_of(found.results[ONE_FIGURE]) if f["name"] == "activation-functions")
    shown = dict(map(tuple, figure["languages"]["ko"]["texts"]))
    assert shown["activation functions"] == "활성화 함수" and shown["relu"] == "relu"  # a code name stays


def test_a_rerun_draws_the_same_bytes_in_every_variant(project, figures):
    found, _ = figures
    result = found.results[ONE_FIGURE]
    folder = project.outputs / ONE_FIGURE / result["run_dir"]
    names = [name for figure in runner.figures_of(result) for name in capture.files_of(figure)]
    assert any(".ko." in name for name in names) and any(".ko.dark." in name for name in names)
    before = {name: (folder / name).read_bytes() for name in names}
    [outcome] = runner.run(project, [ONE_FIGURE], force=True, progress=False)
    assert outcome.ok, outcome.describe()
    again = runner.load_result(project.outputs, ONE_FIGURE)
    assert again["run_dir"] == result["run_dir"]
    assert {name: (project.outputs / ONE_FIGURE / again["run_dir"] / name).read_bytes() for name in names} == before
