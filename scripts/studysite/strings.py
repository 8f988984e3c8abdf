"""Every piece of text the machinery puts on a page, per language: the one place to translate."""

from __future__ import annotations

LANGUAGES = ("ko", "en")  # the first is the default language, built at the site's root

UI = {
    "ko": {
        "output": "실행 결과",
        "download_notebook": "노트북 내려받기 (.ipynb)",
        "download_example": "이 예제 전체를 내려받아 직접 실행해 보세요:",
        "download_heading": ("# 예제 `snippets/{rel}`\n\n딥러닝 스터디 노트의 예제입니다. "
                             "위에서부터 차례로 실행하면 사이트에 보이는 결과가 그대로 나옵니다."),
        "claim_checked": "실행해서 확인한 문장입니다:",
        "claim_where": "{file}, {line}행",
        "search": "검색",
        "snippet_failed": "이 예제가 실패했습니다. 아래는 마지막으로 성공한 실행 결과입니다.",
        "snippet_never_ran": "이 예제는 아직 한 번도 성공하지 못했습니다.",
        "embed_error": "이 줄을 읽을 수 없습니다.",
        "zoom_dialog": "확대한 그림",
        "zoom_close": "닫기",
        "zoom_previous": "이전 그림",
        "zoom_next": "다음 그림",
        "print_page_title": "강의 모음 (인쇄용)",
        "print_page_toc": "차례",
    },
    "en": {
        "output": "Output",
        "download_notebook": "Download the notebook (.ipynb)",
        "download_example": "Download the whole example and run it yourself:",
        "download_heading": ("# Example `snippets/{rel}`\n\nAn example from Deep Learning Study Notes. "
                             "Run the cells from the top and you get the output the site shows."),
        "claim_checked": "Checked by running:",
        "claim_where": "{file}, line {line}",
        "search": "Search",
        "snippet_failed": "This example failed. Below is the output of its last good run.",
        "snippet_never_ran": "This example has never run successfully yet.",
        "embed_error": "This line cannot be read.",
        "zoom_dialog": "Enlarged figure",
        "zoom_close": "Close",
        "zoom_previous": "Previous figure",
        "zoom_next": "Next figure",
        "print_page_title": "All lectures (for printing)",
        "print_page_toc": "Contents",
    },
}


def page_language(page) -> str:
    """The language of a page, from its place in docs/<lang>/ (mkdocs-static-i18n's folder layout)."""
    first = page.file.src_uri.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def text(lang: str, key: str) -> str:
    return UI[lang][key]
