"""Markers in prose: ``{claim id}`` and ``{value name:spec}`` parse strictly and resolve or fail;
embeds show each section with exactly its own output."""

from __future__ import annotations

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
