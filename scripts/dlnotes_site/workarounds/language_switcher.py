"""The language switcher: to the same page in the other language, with relative links.

mkdocs-static-i18n's own switcher links are absolute on the home pages ("/", "/en/"), which
breaks a site served under a sub-path, and go to the other home page from a notebook page,
whose twin it does not know (notebooks were not pages yet when it paired files). Every page
has its twin at the same path (the tests check it), so one rule serves all.

Also: Material fetches "sitemap.xml" beside each ``<link rel="alternate" hreflang>`` of the
head, to keep the reader on the same page when switching; the per-page links of i18n make
that fetch a 404 (a console error), and the switcher already points at the twin.
"""

from __future__ import annotations

import posixpath
import re

from dlnotes_site.strings import LANGUAGES

_SWITCH = re.compile(r'<a href="[^"]*" hreflang="(' + "|".join(LANGUAGES) + ')"')
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def twin_links(output: str, page_url: str) -> str:
    here = "/" + page_url  # page URLs count from the site's root in every language's build
    path = page_url
    for lang in LANGUAGES[1:]:
        path = path.removeprefix(f"{lang}/")

    def link(match: re.Match) -> str:
        prefix = "" if match[1] == LANGUAGES[0] else f"{match[1]}/"
        return f'<a href="{posixpath.relpath("/" + prefix + path, here).rstrip("/")}/" hreflang="{match[1]}"'

    return _SWITCH.sub(link, output)


def on_post_page(output, page, config, **kwargs):
    return _HEAD_ALTERNATE.sub("", twin_links(output, page.url))
