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
        "still_running": ("예제를 아직 실행하고 있습니다 (전체 {total}개 중 {done}개 끝남). 끝나는 대로 이 자리에 "
                          "코드와 실행 결과가 나타나고, 페이지는 저절로 새로 고쳐집니다."),
        "claim_still_running": "이 문장을 확인할 예제가 아직 실행 중입니다. 끝나면 확인 표시로 바뀝니다.",
        "lab_still_running": ("**실습을 아직 실행하고 있습니다.** 지금은 코드만 보입니다. 실행이 끝나면 결과가 "
                              "채워진 노트북으로 바뀌고, 페이지는 저절로 새로 고쳐집니다."),
        "exercise_still_running": ("이 연습 문제의 풀이를 아직 실행하고 있습니다. 끝나면 문제 노트북 내려받기 단추와 "
                                   "풀이가 여기에 나타납니다."),
        "quiz_still_running": "(예제 실행 중)",
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
        "still_running": ("This example is still running ({done} of {total} examples done). Its code and output "
                          "appear here when it finishes, and the page reloads by itself."),
        "claim_still_running": "The example that checks this sentence is still running; a check mark replaces this "
                               "when it is done.",
        "lab_still_running": ("**This lab is still running.** For now you see its code only; the notebook with "
                              "its outputs replaces it when the run is done, and the page reloads by itself."),
        "exercise_still_running": ("This exercise's solution is still running. When it is done, the button to "
                                   "download the exercise notebook and the solution appear here."),
        "quiz_still_running": "(example still running)",
        "zoom_dialog": "Enlarged figure",
        "zoom_close": "Close",
        "zoom_previous": "Previous figure",
        "zoom_next": "Next figure",
        "print_page_title": "All lectures (for printing)",
        "print_page_toc": "Contents",
    },
}


# FAQ tags: the English page's tag -> the Korean page's (each page shows its tags in its language).
TAGS_KO = {
    "accuracy": "정확도",
    "activation": "활성화 함수",
    "Adam": "Adam",
    "bias": "편향",
    "binary classification": "이진 분류",
    "binary cross-entropy": "이진 교차 엔트로피",
    "class imbalance": "클래스 불균형",
    "class_weight": "class_weight",
    "confusion matrix": "혼동 행렬",
    "cross-entropy": "교차 엔트로피",
    "Dense": "Dense",
    "dropout": "드롭아웃",
    "early stopping": "조기 종료",
    "epoch": "에포크",
    "fit": "fit",
    "gradient descent": "경사 하강법",
    "hidden layer": "은닉층",
    "learning curve": "학습 곡선",
    "learning rate": "학습률",
    "linear model": "선형 모델",
    "loss": "손실",
    "MAE": "MAE",
    "MAPE": "MAPE",
    "metrics": "평가 지표",
    "momentum": "모멘텀",
    "MSE": "MSE",
    "multi-class": "다중 분류",
    "optimizer": "옵티마이저",
    "output layer": "출력층",
    "overfitting": "과적합",
    "oversampling": "오버샘플링",
    "parameters": "파라미터",
    "precision": "정밀도",
    "recall": "재현율",
    "regression": "회귀",
    "regularization": "규제",
    "ReLU": "ReLU",
    "sigmoid": "시그모이드",
    "softmax": "소프트맥스",
    "threshold": "임곗값",
    "training": "학습",
    "vanishing gradient": "기울기 소실",
}


def page_language(page) -> str:
    """The language of a page, from its place in docs/<lang>/ (mkdocs-static-i18n's folder layout)."""
    first = page.file.src_uri.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def text(lang: str, key: str) -> str:
    return UI[lang][key]
