"""An output shown in a fold, a tab or a list item reaches the page exactly as printed: Markdown reads raw HTML
that does not start its line as text, and its inline rules (emphasis, abbreviations) would reach into it."""

from __future__ import annotations

import markdown

from studysite import embed, pages

PRINTED = "a *b* c and SGD_step_ 2*3*4"
BOX = embed.output_html([{"type": "text", "text": PRINTED}], {"output": "Output"}, "x.py")
MARKUP = ["abbr", "admonition", "pymdownx.details", "pymdownx.superfences"]
GLOSSARY = "\n\n*[SGD]: stochastic gradient descent\n"


def test_a_box_in_a_fold_is_inline_markdown_without_the_stash():
    """The fault itself, so that the test below can fail: indented, the box's text is read as Markdown."""
    page = markdown.markdown(f'??? note "Going deeper"\n\n    {BOX}\n' + GLOSSARY, extensions=MARKUP)
    assert "<em>" in page or "<abbr" in page, page


def test_a_stashed_box_in_a_fold_comes_back_as_it_was_printed():
    expander = pages.PageExpander(None, None, lambda rel, figure: None)
    token = expander.stash(BOX)
    assert token.isalnum(), token
    page = markdown.markdown(f'??? note "Going deeper"\n\n    {token}\n' + GLOSSARY, extensions=MARKUP)
    shown = embed.put_back_raw(page, expander.raw)
    assert BOX in shown and "<em>" not in shown and "<abbr" not in shown, shown
    assert "<p><div" not in shown, "a box is a block, not inside a paragraph"
    # in a list item the token shares its paragraph: the box still comes back whole
    listed = embed.put_back_raw(markdown.markdown(f"- item\n\n    {token}\n", extensions=MARKUP), expander.raw)
    assert BOX in listed, listed
