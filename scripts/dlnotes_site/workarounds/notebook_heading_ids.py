"""A notebook page's table of contents links to heading ids its headings do not have.

mkdocs-jupyter builds the TOC with Python-Markdown's slugs ("_1" for a Korean heading)
while nbconvert writes its own ids ("1.-준비"), so every TOC link would miss (upstream:
danielfrg/mkdocs-jupyter, TOC anchors of non-ASCII headings). Give the headings the ids
the TOC links to.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"')
_WRAPPER = '<div class="jupyter-wrapper">'


def match_heading_ids(output: str, toc) -> str:
    anchors = []

    def walk(items):
        for item in items:
            anchors.append(item.url.lstrip("#"))
            walk(item.children)

    walk(toc or [])
    start = output.find(_WRAPPER)
    headings = list(_HEADING.finditer(output, start)) if start >= 0 else []
    if not anchors or len(headings) != len(anchors):
        return output  # the link test reports what is left broken
    pieces, last = [], 0
    for match, anchor in zip(headings, anchors):
        old, new = match[2], html.escape(anchor, quote=True)
        pieces += [output[last:match.start()], f'<h{match[1]} id="{new}"']
        last = match.end()
        end = output.find(f"</h{match[1]}>", last)
        pieces.append(output[last:end].replace(f'href="#{old}"', f'href="#{new}"'))
        last = end
    pieces.append(output[last:])
    return "".join(pieces)


def on_post_page(output, page, config, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    return match_heading_ids(output, page.toc)
