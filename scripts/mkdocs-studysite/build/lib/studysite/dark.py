"""A figure recolored for Material's dark (slate) palette, from the same run as the light one.

Greys move to the palette (white becomes its background, black its text); colors (the data's,
a colormap's) stay, so the two variants show the same data.
"""

from __future__ import annotations

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
