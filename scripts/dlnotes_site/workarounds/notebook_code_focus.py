"""A notebook's code cell that scrolls sideways cannot be reached with the keyboard.

nbconvert's code cells are plain ``div``s (axe: "scrollable-region-focusable"); make them
focusable, as Material does for its own code blocks.
"""

from __future__ import annotations


def on_post_page(output, page, config, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    return output.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
