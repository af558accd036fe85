"""Palettes: categories stay apart for readers with colour-vision deficiency and in
greyscale print, heat maps run evenly from light to dark, and every plot uses them."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_hex

from analysis.textplot.palettes import (
    CATEGORY_COLORS,
    CATEGORY_HATCHES,
    DIVERGING_CMAP,
    DIVERGING_CMAP_REVERSED,
    SEQUENTIAL_CMAP,
    lightness,
    palette_simulate,
    text_color_on,
)

DEFICIENCIES = [None, "protanopia", "deuteranopia", "tritanopia"]
#: Below this CIELAB distance two colours are hard to tell apart.
MIN_DELTA_E = 12.0
#: Below this difference in L*, two greys are hard to tell apart in print.
MIN_DELTA_L = 10.0
#: The palette the plots used before: seaborn's "deep".
DEEP = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3"]


def _closest_pair(colors, deficiency) -> float:
    lab = palette_simulate(colors, deficiency)
    return min(float(np.linalg.norm(lab[i] - lab[j]))
               for i, j in itertools.combinations(range(len(colors)), 2))


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_category_colors_stay_apart_with_colour_vision_deficiency(deficiency):
    assert _closest_pair(CATEGORY_COLORS, deficiency) >= MIN_DELTA_E


def test_the_check_tells_a_palette_that_is_not_safe():
    # seaborn's deep palette: blue and purple merge with protanopia
    assert _closest_pair(DEEP, "protanopia") < MIN_DELTA_E
    # red and green, for deuteranopia
    assert _closest_pair(["#d62728", "#2ca02c"], "deuteranopia") < MIN_DELTA_E


def test_categories_differ_in_greyscale_by_lightness_or_hatch():
    assert len(set(CATEGORY_HATCHES)) == len(CATEGORY_HATCHES) == len(CATEGORY_COLORS)
    grey = lightness(CATEGORY_COLORS)
    for i, j in itertools.combinations(range(len(CATEGORY_COLORS)), 2):
        assert abs(grey[i] - grey[j]) >= MIN_DELTA_L or \
            CATEGORY_HATCHES[i] != CATEGORY_HATCHES[j], (CATEGORY_COLORS[i], CATEGORY_COLORS[j])
    # neighbours (the first categories of any figure) differ in grey as well
    assert all(abs(a - b) >= MIN_DELTA_L for a, b in zip(grey[:-1], grey[1:], strict=True))


def _steps(name: str) -> np.ndarray:
    return np.diff(lightness(colormaps[name](np.linspace(0, 1, 11))[:, :3]))


def test_the_sequential_map_runs_evenly_from_light_to_dark():
    steps = -_steps(SEQUENTIAL_CMAP)
    assert (steps > 0).all()  # monotone: the same order in greyscale
    assert steps.max() / steps.min() < 1.5  # perceptually even steps
    assert lightness([colormaps[SEQUENTIAL_CMAP](0.0)[:3]])[0] > 85  # zero looks like paper
    blues = -_steps("Blues")  # the map the heat maps used before: uneven
    assert blues.max() / blues.min() >= 1.5
    for deficiency in DEFICIENCIES[1:]:
        ends = [to_hex(colormaps[SEQUENTIAL_CMAP](x)) for x in (0.0, 0.5, 1.0)]
        assert _closest_pair(ends, deficiency) >= 2 * MIN_DELTA_E


@pytest.mark.parametrize("name", [DIVERGING_CMAP, DIVERGING_CMAP_REVERSED])
def test_the_diverging_map_keeps_its_ends_apart_and_its_centre_light(name):
    for x in (0.0, 0.2):  # the ends, and two moderate values either side of the centre
        ends = [to_hex(colormaps[name](x)), to_hex(colormaps[name](1 - x))]
        for deficiency in DEFICIENCIES:
            assert _closest_pair(ends, deficiency) >= 2 * MIN_DELTA_E
    assert lightness([colormaps[name](0.5)[:3]])[0] > 90


def test_cell_text_is_black_on_light_and_white_on_dark():
    cmap = colormaps[SEQUENTIAL_CMAP]
    assert [text_color_on(cmap(x)) for x in (0.0, 0.3, 0.7, 1.0)] == [
        "black", "black", "white", "white"]


def test_every_plot_draws_with_the_safe_palettes():
    from matplotlib.image import AxesImage

    from tests.test_textplot import _all_plots

    allowed_maps = {SEQUENTIAL_CMAP, DIVERGING_CMAP, DIVERGING_CMAP_REVERSED}
    for name, fig in _all_plots("nl").items():
        for image in fig.findobj(AxesImage):
            assert image.get_cmap().name in allowed_maps, name
    bars = _all_plots("en")["frames_bars"].axes[0]
    styles = {(to_hex(p.get_facecolor()).upper(), p.get_hatch() or "") for p in bars.patches}
    assert styles == set(zip(CATEGORY_COLORS[:2], CATEGORY_HATCHES[:2], strict=True))


def test_who_speaks_gives_every_group_its_own_colour_and_no_actor_grey():
    """Twelve groups of speakers (the shipped actor dictionary's eleven and "no actor"):
    twelve colours, "no actor" the residual grey (with seven colours, the eighth group
    took the first group's colour)."""
    import pandas as pd

    from analysis.quotes import quotes_share
    from analysis.tables import MISSING_GROUP
    from analysis.textplot import textplot_quotes_share
    from analysis.textplot.palettes import RESIDUAL_STYLE

    groups = [f"groep {k}" for k in range(11)] + [MISSING_GROUP]
    quotes = pd.DataFrame({"outlet": "NOS", "kind": "direct", "group": groups, "words": 3})
    fig = textplot_quotes_share(quotes_share(quotes))
    legend = fig.legends[0]
    colours = {text.get_text(): to_hex(patch.get_facecolor()).upper()
               for text, patch in zip(legend.get_texts(), legend.get_patches(), strict=True)}
    assert len(colours) == 12
    assert len(set(colours.values())) == 12
    assert colours["(geen actor)"] == RESIDUAL_STYLE[0]
