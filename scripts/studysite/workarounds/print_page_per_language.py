"""mkdocs-print-site-plugin makes one print page per build (timvink/mkdocs-print-site-plugin#70):
mkdocs-static-i18n builds English as a second build into the same site, so without this hook the
English print page overwrites the Korean one at print_page/.

Before each language's build (after mkdocs-static-i18n has chosen the language), this hook gives
print-site a print page of that language: ``print_page/`` for Korean (the default, at the root),
``en/print_page/`` for English, each titled in its language (``strings.py``).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from studysite.strings import LANGUAGES, text


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
