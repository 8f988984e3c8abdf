"""A figure laid out again for a phone (the ``phone_figures`` option): its panels stacked in one column, no text
smaller than ``phone.TEXT_PT`` on a ``phone.WIDTH``-inch figure, drawn from the same run as the desktop figure,
which comes back byte for byte; the page offers it to narrow screens in a ``<picture>``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from studysite import capture, embed, pages, phone, runner  # noqa: E402
from studysite.project import Project  # noqa: E402
from studysite.settings import Settings  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "stats-course"


def svg(fig) -> bytes:
    import io

    out = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "phone"}):
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return out.getvalue()


def smallest_text(fig) -> float:
    fig.canvas.draw()  # tick labels exist only once drawn
    return min(t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text())


def two_panels():
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5), sharey=True)
    for ax, rate in ((left, 0.1), (right, 0.001)):
        ax.plot(np.arange(20), np.exp(-rate * np.arange(20)), label="val_loss")
        ax.set_title(f"learning rate {rate}", fontsize=9)
        ax.set_xlabel("epoch", fontsize=8)
        ax.legend(fontsize=7)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig, left, right


def test_panels_side_by_side_are_stacked_with_text_as_large_as_the_page_and_put_back_byte_for_byte():
    fig, left, right = two_panels()
    desktop = svg(fig)
    assert smallest_text(fig) < phone.TEXT_PT
    put_back = phone.reflow(fig)
    try:
        assert tuple(fig.get_size_inches())[0] == pytest.approx(phone.WIDTH)
        top, bottom = left.get_position(), right.get_position()
        assert top.y0 > bottom.y1, "the second panel is not below the first"
        assert abs(top.x0 - bottom.x0) < 0.05 and abs(top.width - bottom.width) < 0.05, "not one column"
        assert smallest_text(fig) >= phone.TEXT_PT
        assert [label.get_visible() for label in right.get_yticklabels()] and right.yaxis.get_tick_params()[
            "labelleft"], "a stacked panel of a shared y axis shows its numbers"
    finally:
        put_back()
    assert svg(fig) == desktop, "the desktop figure did not come back byte for byte"
    plt.close(fig)


def test_a_layout_that_is_not_a_grid_keeps_its_panels_and_still_gets_larger_text():
    fig = plt.figure(figsize=(9, 4))
    main = fig.add_axes((0.1, 0.15, 0.6, 0.75))
    inset = fig.add_axes((0.75, 0.15, 0.2, 0.75))  # placed by hand: not ours to move
    main.plot([0, 1], [0, 1])
    inset.bar(["a", "b"], [1, 2])
    main.set_title("placed by hand", fontsize=8)
    desktop = svg(fig)
    before = (main.get_position().bounds, inset.get_position().bounds)
    put_back = phone.reflow(fig)
    try:
        assert (main.get_position().bounds, inset.get_position().bounds) == before
        assert smallest_text(fig) >= phone.TEXT_PT
    finally:
        put_back()
    assert svg(fig) == desktop
    plt.close(fig)


def test_the_page_offers_the_phone_layout_to_narrow_screens_in_each_palette():
    figure = {"file": "loss.svg", "dark": "loss.dark.svg", "phone": "loss.phone.svg",
              "phone_dark": "loss.phone.dark.svg", "alt": {"en": "Loss <per> epoch"}}
    page = embed.figure_html(figure, "en", "img/loss.svg")
    pictures = re.findall(r"<picture>.*?</picture>", page)
    assert len(pictures) == 2, page
    light, dark = pictures
    assert f'<source media="{embed.PHONE_MEDIA}" srcset="img/loss.phone.svg">' in light
    assert '<img class="off-glb" src="img/loss.svg#only-light" alt="Loss &lt;per&gt; epoch"' in light
    assert 'srcset="img/loss.phone.dark.svg"' in dark and 'src="img/loss.dark.svg#only-dark"' in dark
    # the lightbox opens the desktop figure of its palette, one gallery per palette
    assert 'data-gallery="light" href="img/loss.svg#only-light"><picture>' in page
    assert 'data-gallery="dark" href="img/loss.dark.svg#only-dark"><picture>' in page
    # without the option: the two images as before
    plain = embed.figure_html({k: v for k, v in figure.items() if not k.startswith("phone")}, "en", "img/loss.svg")
    assert "<picture>" not in plain and 'src="img/loss.dark.svg#only-dark"' in plain


def test_through_the_runner_every_variant_is_drawn_from_one_run_and_again_the_same(tmp_path):
    course = tmp_path / "stats-course"
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    settings = Settings(helpers=["stats_helpers"], preload=["numpy", "matplotlib.pyplot"], dark_figures=True,
                        phone_figures=True, workers=1)
    project = Project.at(course, settings)
    assert runner.run(project, ["spread.py"], progress=False)[0].ok
    result = runner.load_result(project.outputs, "spread.py")
    [figure] = runner.figures_of(result)
    folder = project.outputs / "spread.py" / result["run_dir"]
    files = capture.files_of(figure)
    assert sorted(files) == ["figure-1.dark.svg", "figure-1.phone.dark.svg", "figure-1.phone.svg", "figure-1.svg"]
    before = {name: (folder / name).read_bytes() for name in files}
    width = float(re.search(rb'<svg[^>]*width="([\d.]+)pt"', before["figure-1.phone.svg"])[1])
    assert width <= phone.WIDTH * 72 + 1
    assert runner.run(project, ["spread.py"], force=True, progress=False)[0].ok
    result = runner.load_result(project.outputs, "spread.py")
    folder = project.outputs / "spread.py" / result["run_dir"]
    assert {name: (folder / name).read_bytes() for name in files} == before
    expander = pages.PageExpander(project, pages.find_results(project, ["spread.py"]), lambda rel, f: f["file"])
    shown = expander.expand("!snippet spread.py:histogram\n", "docs/spread.md", "en")
    assert 'srcset="figure-1.phone.svg"' in shown and 'srcset="figure-1.phone.dark.svg"' in shown
