"""This site's own words outside the engine: the UI strings of its MkDocs hooks, and the FAQ's tags.

The engine's strings (outputs, downloads, claims) are its locale files, overridden where the site
wants other words; these are the site's: search, zoom, the print page.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en")  # the first is the default language, built at the site's root

UI = {
    "ko": {
        "search": "검색",
        "zoom_dialog": "확대한 그림",
        "zoom_close": "닫기",
        "zoom_previous": "이전 그림",
        "zoom_next": "다음 그림",
        "print_page_title": "강의 모음 (인쇄용)",
        "print_page_toc": "차례",
    },
    "en": {
        "search": "Search",
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
