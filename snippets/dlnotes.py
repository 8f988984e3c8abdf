"""Shared helpers for the site's snippets: quiet TensorFlow, seeding, figures, tables, data.

Every snippet imports what it needs from here, so a snippet stays a plain script that
runs by itself (``python snippets/<section>/<name>.py``) and also inside the studysite
engine's runner, which captures what it prints and draws.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# ko: TensorFlow를 어디서든 import하기 전에: C++ 로그를 끄고, 학습 결과의 끝자리를 바꾸는
# ko: oneDNN 설정을 어느 컴퓨터에서나 똑같이 맞춤
# en: Before TensorFlow is imported anywhere: no C++ log lines, and the same oneDNN setting
# en: on every machine (it changes the last digits of training results)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

PALETTE = {"train": "#1f77b4", "val": "#ff7f0e"}


def style() -> None:
    """The one figure style of the site; SVGs are byte-identical from run to run."""
    matplotlib.rcdefaults()
    plt.rcParams.update(
        {
            "svg.hashsalt": "dl-study-notes",
            "svg.fonttype": "path",  # ko: 독자의 브라우저에 글꼴이 없어도 됨 # en: no font needed in the reader's browser
            "figure.figsize": (6.4, 3.6),
            "figure.dpi": 100,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def seed(value: int = 0) -> None:
    """Seed Python, NumPy and TensorFlow/Keras (the runner also does this before each snippet)."""
    import random

    random.seed(value)
    np.random.seed(value)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(value)


def save_figure(fig, name: str, *, alt_ko: str, alt_en: str) -> Path:
    """Save a figure as SVG twice, light and dark; pages show the one of the reader's palette.

    The site's engine (``studysite.capture``) records it for the page; run by hand, the files go
    to ``_generated/scratch/``. Both are byte-identical from run to run.
    """
    from studysite import capture

    if not alt_ko.strip() or not alt_en.strip():
        raise ValueError(f"figure {name!r} needs alt text in Korean and English")
    return capture.save_figure(fig, name, alt={"ko": alt_ko, "en": alt_en}, fallback_dir=Path("_generated") / "scratch")


def show(df, max_rows: int = 20) -> None:
    """Show a pandas DataFrame (or Series) the way ``df.head()`` does in a notebook.

    On the site it becomes an HTML table (cells escaped); run by hand it prints as text.
    """
    from studysite import capture

    capture.table(df, max_rows)


def dl_history_plot(history, *, metric: str = "loss", title: str | None = None, ax=None):
    """The course's learning-curve plot: training and validation ``metric`` per epoch.

    ``history`` is what ``model.fit`` returns (or its ``.history`` dict). Returns the figure.
    """
    hist = getattr(history, "history", history)
    if ax is None:
        fig, ax = plt.subplots()
    else:
        fig = ax.figure
    epochs = np.arange(1, len(hist[metric]) + 1)
    ax.plot(epochs, hist[metric], label=f"train {metric}", color=PALETTE["train"], marker=".")
    if f"val_{metric}" in hist:
        ax.plot(epochs, hist[f"val_{metric}"], label=f"val_{metric}", color=PALETTE["val"], marker=".")
    ax.set_xlabel("epoch")
    ax.set_ylabel(metric)
    if title:
        ax.set_title(title)
    ax.legend()
    return fig


# ko: --- 데이터: 라이브러리에 들어 있거나 고정 시드로 생성, 내려받지 않음 ---
# en: --- Data: bundled or generated with a fixed seed, never downloaded ---


def make_sales_data(n: int = 400, seed: int = 0):
    """A car-seat sales table like the course's: one row per store, ``Sales`` in thousands of units.

    Sales cannot be negative, so the formula is clipped at 0: a few stores sell (almost)
    nothing, which is what makes MAPE explode. Lab 1 gets this very function in its notebook.
    """
    import pandas as pd

    rng = np.random.default_rng(seed)
    comp_price = rng.integers(80, 176, n)
    price = np.clip(comp_price - rng.normal(10, 20, n), 40, 190).round().astype(int)
    income = rng.integers(20, 121, n)
    advertising = rng.integers(0, 16, n)
    age = rng.integers(25, 81, n)
    shelve_good = rng.binomial(1, 0.3, n)
    sales = (
        7.5
        - 0.06 * (price - 118)
        + 0.06 * (comp_price - price - 10)
        + 0.12 * (advertising - 7.5)
        + 0.015 * (income - 70)
        - 0.045 * (age - 52)
        + 2.2 * (shelve_good - 0.3)
        + rng.normal(0, 1.0, n)
    )
    return pd.DataFrame(
        {
            "CompPrice": comp_price,
            "Income": income,
            "Advertising": advertising,
            "Price": price,
            "Age": age,
            "ShelveGood": shelve_good,
            "Sales": np.clip(sales, 0, None).round(2),
        }
    )


def make_binary_53(n: int = 1000, seed: int = 0):
    """A binary-classification table with 53 feature columns, as in the student's notes.

    Returns ``(x, y)`` as float32 / int arrays; only a few columns carry signal, so a
    large network has plenty of room to memorize noise.
    """
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=n,
        n_features=53,
        n_informative=8,
        n_redundant=6,
        flip_y=0.08,
        class_sep=0.9,
        random_state=seed,
    )
    return x.astype("float32"), y.astype("int64")
