"""The site's helpers as a download uses them: copied into the file by ``inline``, never imported.

On the site, ``save_figure`` writes an SVG for the page and ``show`` makes an HTML table;
in a downloaded example a figure is simply shown and a table displayed (or printed).
"""

import matplotlib.pyplot as plt


def save_figure(fig, name, *, alt_ko, alt_en):
    plt.show()  # ko: 노트북에서는 그림이 셀 아래에 나타납니다 # en: in a notebook the figure appears below the cell


def show(df, max_rows=20):
    try:
        from IPython.display import display

        get_ipython()  # noqa: F821  # ko: Jupyter 안에서만 있는 함수 # en: defined only inside Jupyter
    except (ImportError, NameError):
        print(df.to_string(max_rows=max_rows))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", max_rows):
            display(df)
