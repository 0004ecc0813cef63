"""What two or more scenes of section 5, Matrix Operations for Machine Learning, share.

The singular value decomposition's colour code (sigma, u, v), the rank-k sum that
writes it, the spectrum of singular values on a log axis, and images as rasters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RESAMPLING_ALGORITHMS,
    UP,
    ImageMobject,
    Line,
    MathTex,
    Mobject,
    NumberPlane,
    Rectangle,
    VGroup,
    config,
)

from lib import linalg
from scenes import style
from scenes.style import (
    AXIS,
    BUFF,
    CAPTION_SIZE,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    RESULT,
    SAFE_HEIGHT,
    fmt,
    num,
    tex,
)

SIGMA = HIGHLIGHT  # singular values: in the formulas and in the spectrum alike

U_COLOUR = INPUT  # left singular vectors u_i (columns)

V_COLOUR = INPUT_2  # right singular vectors v_i (rows of V^T)


# -- formatting and small builders (candidates for style.py) ------------------------------


def count_tex(value: float) -> str:
    """A whole count for a formula, with thousands separators: ``16{,}384``."""
    return f"{int(fmt(value, 'count')):,}".replace(",", "{,}")


def spoken(formatted: str) -> str:
    """A number formatted for TeX, as plain text for a subcaption: ``16,384``, ``12.5%``."""
    return formatted.replace("{,}", ",").replace(r"\%", "%")


def raster(pixels: np.ndarray, height: float) -> ImageMobject:
    """A greyscale array in [0, 1] as a crisp raster ``height`` units tall (no smoothing)."""
    grey = np.round(np.clip(pixels, 0.0, 1.0) * 255).astype(np.uint8)
    image = ImageMobject(grey)
    image.set_resampling_algorithm(RESAMPLING_ALGORITHMS["nearest"])
    image.height = height
    return image


class LogBarChart(VGroup):
    """Positive values as thin bars over a log10 axis with labelled decades (10^-4 ... 10^2).

    The axis starts at the decade below the smallest value, so the bars stand on it and the
    x axis never crosses mid-plot as a linear axis of log10 values through 0 would. Values
    below ``1e-16`` times the largest (zero to machine precision) stand at that floor.
    The x axis numbers a power of two of the bars, at most four numbers whatever the count,
    and the decades are labelled no closer than ``LABEL_PITCH``. ``bars[i]`` is the bar of
    ``values[i]`` (at x = i + 1).
    """

    LABEL_PITCH = 0.45  # the least distance between two decade labels

    def __init__(
        self,
        values: Sequence[float],
        *,
        width: float,
        height: float,
        x_label: str = "i",
        y_label: str = r"\sigma_i",
        bar_width: float = 2.5,
    ) -> None:
        super().__init__()
        floor = max(values) * 1e-16
        logs = [math.log10(max(v, floor)) for v in values]
        self.low = math.floor(min(logs))
        high = math.ceil(max(logs))
        count = len(values)
        numbered = 1  # the step between x numbers: a power of two, at most four of them
        while count / numbered > 4:
            numbered *= 2
        x_step = max(1, numbered // 2)
        self.axes = style.axes(
            [0, count + x_step / 2, x_step],
            # Half a decade over the top one: the arrow tip stands clear of the tallest bar.
            [0, max(high - self.low, 1) + 0.5, 1],
            width=width,
            height=height,
            x_label=x_label,
            y_label=y_label,
            numbers=False,
        )
        decades = high - self.low
        most = max(1, math.floor(height / self.LABEL_PITCH))  # gaps between decade labels
        decade_step = max(1 if decades <= 4 else 2, math.ceil(decades / most))
        self.y_ticks = VGroup(
            *(
                tex(rf"10^{{{num(e, 'count')}}}", size=LABEL_SIZE, color=AXIS).next_to(
                    self.axes.c2p(0, e - self.low), LEFT, buff=BUFF * 0.6
                )
                for e in range(high, self.low - 1, -decade_step)
            )
        )
        self.x_ticks = VGroup(
            *(
                tex(num(i, "count"), size=LABEL_SIZE, color=AXIS).next_to(
                    self.axes.c2p(i, 0), DOWN, buff=BUFF * 0.6
                )
                for i in range(numbered, count + 1, numbered)
            )
        )
        self.bars = VGroup(
            *(
                Line(
                    self.axes.c2p(i + 1, 0),
                    self.axes.c2p(i + 1, log - self.low),
                    stroke_width=bar_width,
                    color=MUTED,
                )
                for i, log in enumerate(logs)
            )
        )
        self.add(self.axes, self.y_ticks, self.x_ticks, self.bars)

    def top_of(self, i: int) -> np.ndarray:
        """The top of the bar of the ``i``-th value (1-based, as on the axis)."""
        return self.bars[i - 1].get_end()

    def kept_region(self, k: int, color: str = SIGMA) -> Rectangle:
        """A faint band behind the first ``k`` bars: the values kept."""
        left = self.axes.c2p(0.5, 0)
        right_top = self.axes.c2p(k + 0.5, self.axes.y_range[1])
        band = Rectangle(
            width=right_top[0] - left[0],
            height=right_top[1] - left[1],
            stroke_width=0,
            fill_color=color,
            fill_opacity=0.12,
        )
        band.move_to(left, aligned_edge=LEFT + DOWN)
        return band

    def colour_kept(self, k: int, color: str = SIGMA) -> list:
        """Animations colouring the first ``k`` bars ``color`` and the rest MUTED."""
        return [
            bar.animate.set_stroke(color=color if i < k else MUTED)
            for i, bar in enumerate(self.bars)
            if bar.get_stroke_color().to_hex().upper() != (color if i < k else MUTED).upper()
        ]


def rank_k_sum(k: int, *, size: float = CAPTION_SIZE, summed: bool = False) -> VGroup:
    """``A_k = σ1 u1 v1^T + ... + σk uk vk^T`` with σ, u and v in their colours.

    ``summed`` writes it as ``A_k = Σ_{i=1}^{k} σi ui vi^T``, narrower for a large k.
    """
    parts = [rf"A_{{{num(k, 'count')}}}", "="]
    if summed:
        parts += [
            rf"\sum\nolimits_{{i=1}}^{{{num(k, 'count')}}}",
            r"\sigma_{i}",
            "u_{i}",
            "v_{i}^T",
        ]
    else:
        terms = [1, k] if k > 2 else list(range(1, k + 1))
        for index, i in enumerate(terms):
            if index:
                parts.append(r"+ \cdots +" if k > 2 else "+")
            parts += [rf"\sigma_{{{i}}}", rf"u_{{{i}}}", rf"v_{{{i}}}^T"]
    formula = tex(*parts, size=size)
    formula[0].set_color(RESULT)
    for part in formula:
        for head, colour in ((r"\sigma", SIGMA), ("u_", U_COLOUR), ("v_", V_COLOUR)):
            if part.tex_string.startswith(head):
                part.set_color(colour)
    return formula


def truncation_error(size: float = CAPTION_SIZE) -> MathTex:
    """The relative error of a rank-k approximation, from the singular values left out."""
    formula = tex(
        r"\text{error} = \frac{\|A - A_k\|_F}{\|A\|_F}",
        "=",
        r"\sqrt{\frac{\sigma_{k+1}^2 + \cdots + \sigma_r^2}{\sigma_1^2 + \cdots + \sigma_r^2}}",
        size=size,
    )
    formula[2].set_color(SIGMA)
    return formula


def storage_colour(step: linalg.SVDCompression) -> str:
    """RESULT, or ERROR when the pieces need more numbers than the pixels themselves."""
    return ERROR if step.stored_values > step.original_values else RESULT


def stored_of_original(step: linalg.SVDCompression) -> str:
    """The numbers stored, of the original's, in TeX: ``2{,}056 \\text{ of } 16{,}384``."""
    return rf"{count_tex(step.stored_values)} \text{{ of }} {count_tex(step.original_values)}"


def record_compression(
    scene: style.LessonScene, step: linalg.SVDCompression, prefix: str = ""
) -> None:
    """Record the numbers of ``step`` that ``scene`` shows now, as ``{prefix}{name}_{k}``."""
    names = ("k", "stored", "original", "fraction", "error")
    fields = ("k", "stored_values", "original_values", "storage_fraction", "relative_error")
    for name, field in zip(names, fields, strict=True):
        scene.show(f"{prefix}{name}_{step.k}", getattr(step, field))


# -- a window on the plane at the left, a column of formulas at the right ------------------

COLUMN_WIDTH = 6.0  # the formula column, inside the right safe margin

COLUMN_LEFT = config.frame_width / 2 - MARGIN - COLUMN_WIDTH

WINDOW_LEFT = MARGIN - config.frame_width / 2

WINDOW_RIGHT = COLUMN_LEFT - GAP  # the plane's window ends here


def window_plane(values: Sequence[float], *, minimum: float, room: float = 1.15) -> NumberPlane:
    """A square plane, centred on 0, filling the left window, reaching ``room`` times past
    every value (more room leaves space for labels beyond them)."""
    reach, step, ticks = style.symmetric_extent(values, minimum=minimum, room=room)
    side = min(SAFE_HEIGHT, WINDOW_RIGHT - WINDOW_LEFT)
    span = [-reach, reach, step]
    grid = style.plane(span, span, width=side, height=side, ticks=ticks)
    grid.move_to([(WINDOW_LEFT + WINDOW_RIGHT) / 2, 0, 0])
    return grid


def in_column(
    mobject: Mobject, *, below: Mobject | None = None, buff: float = GAP * 0.6
) -> Mobject:
    """``mobject`` at the column's left edge, at its top or under ``below``, no wider than it."""
    style.fit_width(mobject, COLUMN_WIDTH)
    if below is None:
        mobject.to_edge(UP, buff=MARGIN)
    else:
        mobject.next_to(below, DOWN, buff=buff)
    mobject.align_to([COLUMN_LEFT, 0, 0], LEFT)
    return mobject
