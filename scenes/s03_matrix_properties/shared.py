"""Helpers the scenes of section 3 share: recording matrices, columns, a plane beside formulas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import DOWN, RIGHT, Arrow, MathTex, Matrix, Mobject, NumberPlane, config

from scenes.style import (
    BUFF,
    GAP,
    MARGIN,
    fit_width,
    fitted_matrix,
    plane,
    symmetric_extent,
    tex,
)


def rows(matrix: Any) -> tuple[tuple[float, ...], ...]:
    """A matrix as rows of plain floats, as a scene records it with ``show``."""
    return tuple(tuple(float(v) + 0.0 for v in row) for row in np.atleast_2d(np.asarray(matrix)))


def floats(vector: Any) -> tuple[float, ...]:
    """A vector as plain floats, as a scene records it with ``show``."""
    return tuple(float(v) + 0.0 for v in np.ravel(vector))


def column(values: Any, colour: str) -> Matrix:
    """A vector drawn as a column matrix of formatted numbers, in ``colour``."""
    values = np.asarray(values, dtype=float).reshape(-1, 1)
    return fitted_matrix(values, color=colour)


# -- a plane on the left, formulas in a column on the right -------------------------------

#: The plane's side (scene units) and centre; the formula column is to its right.
PLANE_SIZE = 6.3
PLANE_CENTRE = np.array([-3.5, -0.4, 0.0])
COLUMN_LEFT = 0.4
COLUMN_WIDTH = config.frame_width / 2 - MARGIN - COLUMN_LEFT


def side_plane(points: Sequence[Sequence[float]], minimum: float = 2.0) -> NumberPlane:
    """A square course plane on the left that shows every point of ``points`` with room."""
    coords = [c for point in points for c in point]
    reach, step, ticks = symmetric_extent(coords, minimum=minimum)
    extent = [-reach, reach, step]
    grid = plane(extent, extent, width=PLANE_SIZE, height=PLANE_SIZE, ticks=ticks)
    return grid.shift(PLANE_CENTRE - grid.c2p(0, 0))


def in_column(mobject: Mobject, below: Mobject | None = None, buff: float = GAP) -> Mobject:
    """``mobject`` centred in the formula column, under ``below`` (or under the title)."""
    fit_width(mobject, COLUMN_WIDTH)
    if below is not None:
        mobject.next_to(below, DOWN, buff=buff)
    mobject.set_x(COLUMN_LEFT + COLUMN_WIDTH / 2)
    return mobject


def plane_arrow(grid: NumberPlane, coords: Sequence[float], colour: str) -> Arrow:
    """An arrow from the origin of ``grid`` to ``coords``."""
    return Arrow(
        grid.c2p(0, 0),
        grid.c2p(*coords[:2]),
        buff=0,
        color=colour,
        stroke_width=6,
        max_tip_length_to_length_ratio=0.2,
    )


def tip_label(grid: NumberPlane, coords: Sequence[float], name: str, colour: str) -> MathTex:
    """``name`` just beyond the tip of the arrow to ``coords``."""
    start, end = grid.c2p(0, 0), grid.c2p(*coords[:2])
    direction = end - start
    length = float(np.linalg.norm(direction))
    unit = direction / length if length > 0 else RIGHT
    return tex(name, color=colour).next_to(end, unit, buff=BUFF * 0.5)


def tip_labels(
    grid: NumberPlane,
    items: Sequence[tuple[Sequence[float], str, str]],
    avoid: Sequence[Mobject] = (),
) -> list[MathTex]:
    """A label beyond each arrow's tip (``(coords, name, colour)``), none touching another.

    A label that would touch one placed before it (or one of ``avoid``) turns to either side
    of its arrow, then further out, and keeps to the plane.
    """
    placed: list[Mobject] = list(avoid)
    labels: list[MathTex] = []
    left, right = grid.get_left()[0], grid.get_right()[0]
    bottom, top = grid.get_bottom()[1], grid.get_top()[1]
    for coords, name, colour in items:
        label = tip_label(grid, coords, name, colour)
        start, end = grid.c2p(0, 0), grid.c2p(*coords[:2])
        along = end - start
        length = float(np.linalg.norm(along))
        unit = along / length if length > 0 else RIGHT
        side = np.array([-unit[1], unit[0], 0.0])
        candidates = [label.get_center()] + [
            end + direction * reach
            for reach in (0.45, 0.75, 1.1)
            for direction in (unit, side, -side, (unit + side) / 2, (unit - side) / 2)
        ]
        for centre in candidates:
            label.move_to(centre)
            inside = (
                label.get_left()[0] >= left
                and label.get_right()[0] <= right
                and label.get_bottom()[1] >= bottom
                and label.get_top()[1] <= top
            )
            clear = all(not _touching(label, other) for other in placed)
            if inside and clear:
                break
        else:
            label.move_to(candidates[0])
        placed.append(label)
        labels.append(label)
    return labels


def _touching(first: Mobject, second: Mobject, buff: float = 0.08) -> bool:
    """Whether the boxes of ``first`` and ``second`` come within ``buff`` of each other."""
    return bool(
        first.get_left()[0] < second.get_right()[0] + buff
        and second.get_left()[0] < first.get_right()[0] + buff
        and first.get_bottom()[1] < second.get_top()[1] + buff
        and second.get_bottom()[1] < first.get_top()[1] + buff
    )
