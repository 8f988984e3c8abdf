"""Shared helpers for the site's snippets: quiet TensorFlow, seeding, figures, tables, data.

Every snippet imports what it needs from here, so a snippet stays a plain script that
runs by itself (``python snippets/<section>/<name>.py``) and also inside the site's
runner (``scripts/run_snippets.py``), which captures what it prints and draws.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# ko: TensorFlow를 어디서든 import하기 전에: C++ 로그를 끄고, 학습 결과의 끝자리를 바꾸는
# ko: oneDNN 설정을 어느 컴퓨터에서나 똑같이 맞춥니다
# en: Before TensorFlow is imported anywhere: no C++ log lines, and the same oneDNN setting
# en: on every machine (it changes the last digits of training results)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

# ko: 실행기가 스니펫을 돌리기 전에 채웁니다. 스니펫을 직접 실행하면 그림은 _generated/scratch/에
# ko: 저장되고 표는 글자로 출력됩니다
# en: The runner sets these before it runs a snippet; a snippet run by hand writes its
# en: figures to _generated/scratch/ and prints tables as text
_capture: dict = {"figures": None, "blocks": None, "fig_dir": None}

PALETTE = {"train": "#1f77b4", "val": "#ff7f0e"}


def style() -> None:
    """The one figure style of the site; SVGs are byte-identical from run to run."""
    matplotlib.rcdefaults()
    plt.rcParams.update(
        {
            "svg.hashsalt": "dl-study-notes",
            "svg.fonttype": "path",  # ko: 독자의 브라우저에 글꼴이 없어도 됩니다 # en: no font needed in the reader's browser
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


_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def save_figure(fig, name: str, *, alt_ko: str, alt_en: str) -> Path:
    """Save a figure as SVG twice, light and dark; pages show the one of the reader's palette.

    ``<name>.svg`` is the figure as drawn; ``<name>.dark.svg`` is the same figure recolored for
    Material's dark (slate) palette by ``darken``. Both are byte-identical from run to run.
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r}: use lowercase letters, digits, '-' and '_'")
    if not alt_ko.strip() or not alt_en.strip():
        raise ValueError(f"figure {name!r} needs alt text in Korean and English")
    fig_dir = Path(_capture["fig_dir"] or Path("_generated") / "scratch")
    fig_dir.mkdir(parents=True, exist_ok=True)
    path, dark = fig_dir / f"{name}.svg", fig_dir / f"{name}.dark.svg"
    if _capture["figures"] is not None and any(f["name"] == name for f in _capture["figures"]):
        plt.close(fig)
        raise ValueError(f"figure {name!r} saved twice by one snippet")
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    darken(fig)
    fig.savefig(dark, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    if _capture["figures"] is not None:
        _capture["figures"].append({"name": name, "file": path.name, "dark": dark.name,
                                    "alt": {"ko": alt_ko, "en": alt_en}})
    else:
        print(f"[figure saved: {path} and {dark.name}]")
    return path


# Material's slate palette: --md-default-bg-color hsl(225, 15%, 14%) and --md-default-fg-color
# hsla(225, 15%, 90%, 0.82) over it.
DARK_BG, DARK_FG = (0x1E / 255, 0x21 / 255, 0x29 / 255), (0xBF / 255, 0xC1 / 255, 0xC7 / 255)


def _dark_rgba(color):
    """A grey (white, black, any shade between) moves to the slate palette: white becomes its
    background, black its text color; a color (the data's blue, orange, a colormap) stays."""
    from matplotlib.colors import to_rgba

    if color is None or (isinstance(color, str) and color.lower() == "none"):
        return color
    r, g, b, a = to_rgba(color)
    if max(r, g, b) - min(r, g, b) > 0.08:
        return (r, g, b, a)
    ink = (1 - (r + g + b) / 3) ** 0.7  # 0 for white, 1 for black; light greys stay faint but visible
    return tuple(bg + ink * (fg - bg) for bg, fg in zip(DARK_BG, DARK_FG)) + (a,)


def darken(fig) -> None:
    """Recolor a finished figure, in place, for a dark page (see ``_dark_rgba``)."""
    from matplotlib.collections import Collection
    from matplotlib.image import AxesImage
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    keep: set[int] = set()  # the numbers drawn on an image (a confusion matrix) keep their contrast
    ticks = []  # later ticks copy the axis' settings: set them there too, from the colors as drawn
    for ax in fig.axes:
        if any(isinstance(child, AxesImage) for child in ax.get_children()):
            keep.update(id(text) for text in ax.texts)
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            for which, made in (("major", axis.get_major_ticks()), ("minor", axis.get_minor_ticks())):
                if made:
                    tick = made[0]
                    ticks.append((ax, dict(axis=name, which=which, color=_dark_rgba(tick.tick1line.get_color()),
                                           labelcolor=_dark_rgba(tick.label1.get_color()),
                                           grid_color=_dark_rgba(tick.gridline.get_color()),
                                           grid_alpha=tick.gridline.get_alpha())))
    seen: set[int] = set()
    for artist in fig.findobj(include_self=True):
        if id(artist) in keep or id(artist) in seen or isinstance(artist, AxesImage):
            continue
        seen.add(id(artist))  # each artist once: a grey recolored twice would fade
        if isinstance(artist, Text):
            artist.set_color(_dark_rgba(artist.get_color()))
        elif isinstance(artist, Line2D):
            artist.set_color(_dark_rgba(artist.get_color()))
            artist.set_markerfacecolor(_dark_rgba(artist.get_markerfacecolor()))
            artist.set_markeredgecolor(_dark_rgba(artist.get_markeredgecolor()))
        elif isinstance(artist, Patch):
            artist.set_facecolor(_dark_rgba(artist.get_facecolor()))
            artist.set_edgecolor(_dark_rgba(artist.get_edgecolor()))
        elif isinstance(artist, Collection):
            artist.set_facecolors([_dark_rgba(c) for c in artist.get_facecolors()])
            artist.set_edgecolors([_dark_rgba(c) for c in artist.get_edgecolors()])
    for ax, settings in ticks:
        ax.tick_params(**settings)
    fig.patch.set_facecolor(DARK_BG + (1.0,))


def show(df, max_rows: int = 20) -> None:
    """Show a pandas DataFrame (or Series) the way ``df.head()`` does in a notebook.

    On the site it becomes an HTML table (cells escaped); run by hand it prints as text.
    """
    import pandas as pd

    if isinstance(df, pd.Series):
        df = df.to_frame()
    if _capture["blocks"] is None:
        print(df.to_string(max_rows=max_rows))
        return
    sys.stdout.flush()
    _capture["blocks"].append(
        {"type": "table", "html": df.to_html(max_rows=max_rows, escape=True, border=0, classes="dataframe")}
    )


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
