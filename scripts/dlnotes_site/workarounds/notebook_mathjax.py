"""mkdocs-jupyter adds an empty MathJax loader and its configuration to every notebook page.

The site typesets math with its own KaTeX (served by the site, nothing from a CDN); the
empty ``<script src="">`` would request the page itself again as a script. Remove it.
"""

from __future__ import annotations

import re

_EMPTY_MATHJAX = re.compile(r'<script src=""> </script>\s*<!-- MathJax configuration -->.*?'
                            r"<!-- End of mathjax configuration -->", re.S)


def on_post_page(output, page, config, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    return _EMPTY_MATHJAX.sub("", output)
