"""mkdocs-print-site-plugin makes one print page per build (timvink/mkdocs-print-site-plugin#70):
mkdocs-static-i18n builds English as a second build into the same site, so without this hook the
English print page overwrites the Korean one at print_page/.

Before each language's build (after mkdocs-static-i18n has chosen the language), this hook gives
print-site a print page of that language: ``print_page/`` for Korean (the default, at the root),
``en/print_page/`` for English, each titled in its language (``strings.py``).

After print-site has written a language's print page, ``on_post_build`` finishes it the way
``language_switcher.py`` finishes every other page (the print page is rendered outside
``on_post_page``): the switcher points at the other language's print page, and the head's
per-page alternate links (a sitemap.xml fetch, a 404) go. And on ``en/print_page/``,
print-site rewrites the pages' relative links one folder short ("../assets/..." for
"../../assets/..."): a link whose target is missing but exists one folder up is corrected. Links
to pages the print page leaves out point at anchors that do not exist: they lose their link.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from dlnotes_site.strings import LANGUAGES, text
from dlnotes_site.workarounds import language_switcher

_IN_PAGE_LINK = re.compile(r'<a\b[^>]*\bhref="#([^"]+)"[^>]*>(.*?)</a>', re.S)
_RELATIVE = re.compile(r'(src|href)="((?:\.\./)+)([^"#?:]+)([^"]*)"')


@event_priority(-110)  # after mkdocs-static-i18n's on_config (-100)
def on_config(config, **kwargs):
    i18n, print_site = config.plugins.get("i18n"), config.plugins.get("print-site")
    if i18n is None or print_site is None or not print_site.config.get("enabled"):
        return config
    lang = i18n.current_language or LANGUAGES[0]
    basename = print_site.config.get("print_page_basename")
    folder = "" if lang == LANGUAGES[0] else f"{lang}/"
    print_site.config["print_page_title"] = text(lang, "print_page_title")
    print_site.config["toc_title"] = text(lang, "print_page_toc")
    print_site.print_file = File(path=f"{folder}{basename}.md", src_dir="", dest_dir=config["site_dir"],
                                 use_directory_urls=config.get("use_directory_urls"))
    print_site.print_page = Page(title=text(lang, "print_page_title"), file=print_site.print_file, config=config)
    print_site.print_page.edit_url = None
    print_site.renderer.print_page = print_site.print_page
    return config


@event_priority(-50)  # after print-site has written the page, before mkdocs-static-i18n builds the next language
def on_post_build(config, **kwargs):
    print_site = config.plugins.get("print-site")
    if print_site is None or not print_site.config.get("enabled"):
        return
    site, url = Path(config["site_dir"]), print_site.print_file.url
    page = site / print_site.print_file.dest_uri
    if not page.is_file():
        return
    here = posixpath.dirname("/" + print_site.print_file.dest_uri)

    def exists(up: str, rest: str) -> bool:
        target = posixpath.normpath(posixpath.join(here, up + rest)).lstrip("/")
        return bool(target) and not target.startswith("..") and (site / target).exists()

    def relink(match: re.Match) -> str:
        attribute, up, rest, tail = match.groups()
        if not exists(up, rest) and exists("../" + up, rest):
            up = "../" + up
        return f'{attribute}="{up}{rest}{tail}"'

    output = page.read_text(encoding="utf-8")
    output = language_switcher._HEAD_ALTERNATE.sub("", language_switcher.twin_links(output, url))
    output = _RELATIVE.sub(relink, output)
    # A link to a page the print page leaves out (an FAQ entry, an empty section) becomes an anchor
    # print-site never wrote: keep its text, drop the link.
    ids = set(re.findall(r'\bid="([^"]+)"', output))
    output = _IN_PAGE_LINK.sub(lambda m: m[0] if m[1] in ids or m[1].startswith("__") else f"<span>{m[2]}</span>",
                               output)
    page.write_text(output, encoding="utf-8")
