"""Colours every plot uses: readable with colour-vision deficiency and in greyscale print.

- Categories (outlets, measures, frames as series): the Okabe-Ito palette (Okabe & Ito
  2008), ordered so that neighbours differ in lightness, each colour paired with its own
  hatch, so that bars stay apart when printed in grey; from the eighth category on, the
  nine colours of Paul Tol's "muted" scheme (Tol 2021), so that no two of 16 categories
  share a colour. A residual category ("no actor", "other") is grey: ``RESIDUAL_STYLE``.
- Heat maps of one-signed values: ``cividis_r``, a perceptually uniform map made for
  readers with colour-vision deficiency (Nuñez, Anderton & Renslow 2018), light for low
  values and dark for high ones, so its greyscale runs the same way.
- Signed values (Log Ratio, tone): ``RdBu_r``/``RdBu`` (ColorBrewer, safe for
  colour-vision deficiency); the sign is always also written (``+0,12``) or shown by the
  bar's direction, because greyscale folds the two ends together.

:func:`palette_simulate` shows a palette as a reader with protanopia, deuteranopia or
tritanopia sees it (Machado, Oliveira & Fernandes 2009, full severity), in CIELAB, and
:func:`lightness` gives CIE L*, what is left in greyscale; the tests hold the palettes to
both.

>>> len(CATEGORY_COLORS) == len(CATEGORY_HATCHES)
True
>>> category_style(0)
('#0072B2', '')
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from matplotlib.colors import to_rgb

__all__ = ["CATEGORY_COLORS", "CATEGORY_HATCHES", "SEQUENTIAL_CMAP", "DIVERGING_CMAP",
           "DIVERGING_CMAP_REVERSED", "SINGLE_COLOR", "MARK_COLOR", "EXTRA_COLORS",
           "RESIDUAL_STYLE", "category_style",
           "text_color_on", "lightness", "palette_simulate"]

#: Okabe-Ito, ordered for lightness contrast between neighbours (blue L* 46, orange 71,
#: vermillion 54, sky blue 70, bluish green 58, yellow 89, reddish purple 61).
CATEGORY_COLORS: tuple[str, ...] = ("#0072B2", "#E69F00", "#D55E00", "#56B4E9", "#009E73",
                                    "#F0E442", "#CC79A7")
#: Categories 8 to 16: Paul Tol's "muted" colours (indigo, cyan, teal, green, olive, sand,
#: rose, wine, purple), apart from Okabe-Ito's and from each other.
EXTRA_COLORS: tuple[str, ...] = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
                                 "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: The colour and hatch of a residual category (no actor, other): a light grey no other
#: category uses.
RESIDUAL_STYLE: tuple[str, str] = ("#BBBBBB", "")
#: One hatch per category colour: bars of similar grey still differ in print.
CATEGORY_HATCHES: tuple[str, ...] = ("", "///", "...", "\\\\\\", "xxx", "ooo", "+++")
#: Perceptually uniform, light (low) to dark (high).
SEQUENTIAL_CMAP = "cividis_r"
#: Blue (negative) to red (positive), and red (negative) to blue (positive).
DIVERGING_CMAP = "RdBu_r"
DIVERGING_CMAP_REVERSED = "RdBu"
#: The colour of single-series bars, and of marks (ticks, dots) that must stay dark.
SINGLE_COLOR = CATEGORY_COLORS[0]
MARK_COLOR = "#000000"

Deficiency = Literal["protanopia", "deuteranopia", "tritanopia"]

# Machado et al. (2009), severity 1.0, applied to linear RGB.
_MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
_RGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805],
                        [0.2126, 0.7152, 0.0722],
                        [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def category_style(k: int) -> tuple[str, str]:
    """The colour and hatch of the ``k``-th category: the seven Okabe-Ito colours, then the
    nine of ``EXTRA_COLORS`` (every pair of colour and hatch differs up to 16 categories;
    after that the colours repeat).

    >>> category_style(1), category_style(8)
    (('#E69F00', '///'), ('#88CCEE', '///'))
    """
    colors = CATEGORY_COLORS + EXTRA_COLORS
    return colors[k % len(colors)], CATEGORY_HATCHES[k % len(CATEGORY_HATCHES)]


def _linear(colors) -> np.ndarray:
    rgb = np.array([to_rgb(c) for c in colors], dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    t = (np.clip(linear, 0, 1) @ _RGB_TO_XYZ.T) / _WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]),
                     200 * (f[:, 1] - f[:, 2])], axis=1)


def lightness(colors) -> np.ndarray:
    """CIE L* (0 black to 100 white) of each colour: what greyscale print keeps.

    >>> lightness(["#000000", "#ffffff", "#0072B2"]).round(1).tolist()
    [0.0, 100.0, 46.0]
    """
    return _lab(_linear(colors))[:, 0]


def palette_simulate(colors, deficiency: Deficiency | None = None) -> np.ndarray:
    """The colours in CIELAB (one row of L*, a*, b* each), as seen with ``deficiency``
    (None: normal vision). The Euclidean distance between two rows is ΔE*ab; below
    about 10, two colours are hard to tell apart.

    >>> lab = palette_simulate(["#d62728", "#2ca02c"], "deuteranopia")  # red and green
    >>> round(float(np.linalg.norm(lab[0] - lab[1])), 1)
    7.3
    """
    linear = _linear(colors)
    if deficiency is not None:
        linear = linear @ _MACHADO[deficiency].T
    return _lab(linear)


def text_color_on(color) -> str:
    """Black or white, whichever reads better on ``color`` (a cell of a heat map).

    >>> text_color_on("#ffffff"), text_color_on("#00204c")
    ('black', 'white')
    """
    return "white" if lightness([color[:3] if isinstance(color, tuple) else color])[0] < 55 \
        else "black"
