"""A figure drawn again for a phone's narrow screen, from the same run: its panels stacked in one column and its
text at least as large as the page's, so that nothing on it is smaller than the caption beneath it.

A figure drawn for a desktop page (two panels side by side, 10 pt text on a 9-inch figure) is shrunk to a
phone's width (about 360 CSS px) and its text to 5-9 px. Re-laid out at ``WIDTH`` inches, every text is at
least ``TEXT_PT`` points: shown at the phone's width that is about 14 px, the size of the page's text. The
page picks the variant by the screen's width (``embed.figure_html``).
"""

from __future__ import annotations

import warnings

WIDTH = 3.75  # inches: 270 pt, 360 CSS px, about a phone's content width, so the figure is shown near 1:1
TEXT_PT = 10.5  # points: 14 CSS px at 1:1
PANEL_ASPECT = (0.55, 0.85)  # a stacked panel's height over its width, at least and at most


def _panels(fig):
    """The figure's axes laid out on one grid, one cell each, in reading order; None when the layout is not a
    plain grid (a panel spanning cells, axes placed by hand, panels of several grids): those keep their
    layout and only shrink."""
    specs = [(ax, ax.get_subplotspec()) for ax in fig.axes]
    if any(spec is None for _, spec in specs):
        return None
    grids = {id(spec.get_gridspec()) for _, spec in specs}
    if len(grids) != 1:
        return None
    cells = []
    for ax, spec in specs:
        rows, cols = spec.rowspan, spec.colspan
        if len(rows) != 1 or len(cols) != 1:
            return None
        cells.append((rows.start, cols.start, ax))
    if len({(row, col) for row, col, _ in cells}) != len(cells):
        return None  # two axes in one cell (twinx): leave as is
    return [ax for _, _, ax in sorted(cells, key=lambda cell: cell[:2])]


def _tick_size(axis) -> float | None:
    labels = axis.get_ticklabels()
    return labels[0].get_fontsize() if labels else None


def reflow(fig):
    """Lay ``fig`` out for a phone, in place; returns a function that puts the desktop layout back."""
    import matplotlib.text
    from matplotlib.gridspec import GridSpec
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    size = tuple(fig.get_size_inches())
    pars = {name: getattr(fig.subplotpars, name) for name in ("left", "right", "bottom", "top", "wspace", "hspace")}
    specs = [(ax, ax.get_subplotspec()) for ax in fig.axes]
    texts = [(text, text.get_fontsize(), text.get_wrap()) for text in fig.findobj(matplotlib.text.Text)]
    ticks = [(ax, _tick_size(ax.xaxis), _tick_size(ax.yaxis)) for ax in fig.axes]
    left_labels = [(ax, ax.yaxis.get_tick_params().get("labelleft", True)) for ax in fig.axes]
    engine = fig.get_layout_engine()

    panels = _panels(fig)
    width, height = size
    if panels and len(panels) > 1:
        columns = panels[0].get_subplotspec().get_gridspec().ncols
        aspect = min(max(height / (width / columns), PANEL_ASPECT[0]), PANEL_ASPECT[1])
        grid = GridSpec(len(panels), 1, figure=fig)
        for index, ax in enumerate(panels):
            ax.set_subplotspec(grid[index, 0])
            # A y axis shared along a row shows its numbers on the first panel only; stacked, each panel
            # is the first of its row.
            if len(ax.get_shared_y_axes().get_siblings(ax)) > 1:
                ax.yaxis.set_tick_params(labelleft=True)
        fig.set_size_inches(WIDTH, WIDTH * aspect * len(panels))
    else:
        fig.set_size_inches(WIDTH, WIDTH * min(max(height / width, PANEL_ASPECT[0]), 1.0))
    for text, points, _ in texts:
        if points < TEXT_PT:
            text.set_fontsize(TEXT_PT)
        text.set_wrap(True)  # a long title breaks into lines at the figure's edge instead of widening it
    for ax, x, y in ticks:  # tick labels made at the next draw take the axis' size, not the old labels'
        ax.xaxis.set_tick_params(labelsize=max(x or 0, TEXT_PT))
        ax.yaxis.set_tick_params(labelsize=max(y or 0, TEXT_PT))
    if panels is not None and not isinstance(engine, ConstrainedLayoutEngine):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "not compatible with tight_layout": then it stays as it is
            fig.tight_layout()

    def put_back() -> None:
        fig.set_layout_engine(engine)
        fig.set_size_inches(*size)
        fig.subplots_adjust(**pars)
        for ax, spec in specs:
            if spec is not None:
                ax.set_subplotspec(spec)  # its position again from the grid, as the desktop figure had it
        for text, points, wrap in texts:
            text.set_fontsize(points)
            text.set_wrap(wrap)
        for ax, shown in left_labels:
            ax.yaxis.set_tick_params(labelleft=shown)
        for ax, x, y in ticks:
            if x:
                ax.xaxis.set_tick_params(labelsize=x)
            if y:
                ax.yaxis.set_tick_params(labelsize=y)

    return put_back


__all__ = ["PANEL_ASPECT", "TEXT_PT", "WIDTH", "reflow"]
