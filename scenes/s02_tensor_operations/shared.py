"""What two or more scenes of section 2, Tensor Operations, share."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    Mobject,
)

from lib import linalg
from scenes import style
from scenes.style import (
    CAPTION_SIZE,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MUTED,
    LessonScene,
    linear_combination,
    num,
    shape_tex,
    tex,
    text,
)

#: Colours of the two equations of a system, in the formulas and in the picture alike.
EQUATION_COLOURS = (INPUT, INPUT_2)


def equation_tex(coefficients: Sequence[float], rhs: float, names: Sequence[str]) -> str:
    """The line ``a x + b y = c`` as TeX."""
    left = linear_combination(list(zip(coefficients, names, strict=True)))
    return f"{left} = {num(rhs, 'entry')}"


def caption(name: str, values: object, colour: str) -> style.MathTex:
    """``A (2, 3)``: a matrix's name and its shape, from lib, to go under it."""
    shape = linalg.shape_of(np.asarray(values, dtype=float))
    return tex(name, r"\;", shape_tex(shape), size=CAPTION_SIZE, color=colour)


def code(content: str, colour: str = MUTED) -> style.Text:
    """A line of numpy, the way a student would type it."""
    return text(content, size=LABEL_SIZE + 2, color=colour)


def rows_of(values: object) -> tuple[tuple[float, ...], ...]:
    """A matrix as nested tuples of Python floats, the way a scene records it."""
    return tuple(tuple(float(v) + 0.0 for v in row) for row in np.atleast_2d(values))


def line_ends(
    grid: Mobject,
    coefficients: Sequence[float],
    rhs: float,
    x_range: Sequence[float],
    y_range: Sequence[float],
) -> list[np.ndarray]:
    """Where the line a x + b y = c enters and leaves the window, as points of ``grid``.

    Empty if the line misses the window (or is not a line: a = b = 0).
    """
    a, b = coefficients
    (x0, x1), (y0, y1) = x_range[:2], y_range[:2]
    ends = []
    if abs(b) > 1e-12:
        ends += [(x, (rhs - a * x) / b) for x in (x0, x1)]
    if abs(a) > 1e-12:
        ends += [((rhs - b * y) / a, y) for y in (y0, y1)]
    inside = sorted(
        {
            (round(x, 9), round(y, 9))
            for x, y in ends
            if x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
        }
    )
    if len(inside) < 2:
        return []
    return [grid.c2p(*inside[0]), grid.c2p(*inside[-1])]


def swap_in(scene: LessonScene, old: Mobject, new: Mobject) -> None:
    """Replace what is left of ``old`` by ``new``, whole."""
    scene.remove(*old.get_family())
    scene.settle(new)


# =========================================================================================
# SubstitutionMethod
# =========================================================================================


def spoken(parts: Sequence[str]) -> str:
    """TeX parts of a line as narration text: ``x - (7 - 2x) = -1``."""
    line = " ".join(parts)
    for before, after in (("( ", "("), (" )", ")"), ("{", ""), ("}", ""), (r"\cdot", "times")):
        line = line.replace(before, after)
    return " ".join(line.split())
