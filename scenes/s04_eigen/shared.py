"""What two or more scenes of section 4, Eigenvectors and Eigenvalues, share.

The section's transformation scenes look alike: a window on the plane at the left,
where a matrix moves a grid and some vectors, and a column of formulas at the right.
:class:`PlaneAndColumnScene` lays both out for any matrix and any set of vectors.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Arrow,
    Line,
    MathTex,
    NumberPlane,
    Rectangle,
    VGroup,
    VMobject,
    config,
)

from lib import linalg
from scenes import style
from scenes.style import (
    AXIS,
    BACKGROUND,
    BUFF,
    GAP,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    LessonScene,
    num,
    tex,
)

# -- layout of this scene: a window on the plane at the left, a column of formulas at the right

COLUMN_WIDTH = 6.0  # the formula column, inside the right safe margin

COLUMN_LEFT = config.frame_width / 2 - MARGIN - COLUMN_WIDTH

DIVIDER_X = COLUMN_LEFT - GAP * 0.6  # the plane's window ends here

WINDOW_PAD = 0.55  # room kept around the drawn vectors for their labels

MAX_UNIT = 1.2  # the plane's unit never grows beyond this (scene units)

# -- layers, bottom to top

GRID_LAYER, SPAN_LAYER, ARROW_LAYER, LABEL_LAYER, CURTAIN_LAYER, COLUMN_LAYER = range(6)


def column_vector(values: Sequence[float], kind: str = "coordinate") -> str:
    r"""A vector as a TeX column, ``\begin{bmatrix}0.86\\0.51\end{bmatrix}``."""
    return r"\begin{bmatrix}" + r"\\".join(num(v, kind) for v in values) + r"\end{bmatrix}"


def scale_readout(
    scaled: str, value: Callable[[], float], *, colour: str, layer: float = COLUMN_LAYER
) -> VGroup:
    """``<scaled>, c = <value()>``: the number follows ``value`` and sits on the formula's baseline.

    Like :func:`style.readout`, but the digits share the baseline of the ``c`` before them
    (a subscript or comma in the label would pull a centred number down) and stay on
    ``layer`` when ``set_value`` rebuilds them.
    """
    name = tex(scaled, r",\quad c", "=", color=colour)
    shown = style.number(value(), "eigen", color=colour)

    def follow(mob: VMobject) -> None:
        mob.set_value(value())
        mob.next_to(name, RIGHT, buff=BUFF * 0.8)
        mob.align_to(name[1][-1], DOWN)
        mob.set_z_index(layer)

    follow(shown)
    shown.add_updater(follow)
    return VGroup(name, shown)


class PlaneAndColumnScene(LessonScene):
    """A plane window at the left that ``self.matrix`` transforms, a formula column at the right.

    A scene calls :meth:`layout_plane` with every vector it will draw, then
    :meth:`build_planes`, and adds :meth:`build_curtain`; arrows, spans and labels
    come from the builders below, formulas go through :meth:`place_in_column`.
    """

    matrix: tuple[tuple[float, float], tuple[float, float]]

    # -- the plane ----------------------------------------------------------------------

    def layout_plane(self, tips: Sequence[Sequence[float]]) -> None:
        """Choose the unit and origin so the arrows to ``tips`` fill the window at the left.

        ``tips`` are every vector the scene will draw from the origin, before and after the
        matrix acts; tick labels keep clear of them.
        """
        self.tips = [tuple(float(c) for c in tip[:2]) for tip in tips]
        points = np.array([(0.0, 0.0), *self.tips])
        low, high = points.min(axis=0), points.max(axis=0)
        left = -config.frame_width / 2 + MARGIN + WINDOW_PAD
        right = DIVIDER_X - WINDOW_PAD
        bottom = -config.frame_height / 2 + MARGIN + WINDOW_PAD
        top = -bottom
        size = high - low
        self.unit = min((right - left) / size[0], (top - bottom) / size[1], MAX_UNIT)
        centre = np.array([(left + right) / 2, 0.0])
        origin = centre - self.unit * (low + high) / 2
        self.origin = np.array([origin[0], origin[1], 0.0])

    def window_corners(self) -> np.ndarray:
        """The window's corners in plane coordinates."""
        xs = (-config.frame_width / 2, DIVIDER_X)
        ys = (-config.frame_height / 2, config.frame_height / 2)
        return np.array(
            [
                ((x - self.origin[0]) / self.unit, (y - self.origin[1]) / self.unit)
                for x in xs
                for y in ys
            ]
        )

    def grid_of_radius(self, radius: int) -> NumberPlane:
        """A course-style plane from -radius to radius each way, its origin on ``self.origin``."""
        extent = [-radius, radius, 1]
        grid = style.plane(
            extent, extent, width=2 * radius * self.unit, height=2 * radius * self.unit
        )
        grid.shift(self.origin - grid.c2p(0, 0))
        return grid.set_z_index(GRID_LAYER)

    def build_planes(self) -> None:
        """A faint fixed reference grid with tick labels, and the grid ``self.matrix`` moves."""
        corners = self.window_corners()
        reach = math.ceil(np.abs(corners).max()) + 1
        # The moving grid must still cover the window after A: it reaches A^-1 of the window.
        pulled_back = linalg.apply(linalg.inverse(self.matrix), corners)
        self.coords = self.grid_of_radius(reach)
        self.coords.axes.set_stroke(opacity=0.5)
        # The grid A moves is drawn in the vectors' colour: it moves as they do.
        self.moving_grid = self.grid_of_radius(max(reach, math.ceil(np.abs(pulled_back).max()) + 1))
        self.moving_grid.background_lines.set_stroke(INPUT, opacity=0.3)
        self.moving_grid.axes.set_stroke(INPUT, opacity=0.45)
        self.tick_labels = self.build_tick_labels(reach)

    def build_tick_labels(self, reach: int) -> VGroup:
        """Labels on the fixed grid's axes, every second unit, where they fit in the window."""
        labels = VGroup()
        shown = []
        for value in (v for v in range(-reach, reach + 1) if v and v % 2 == 0):
            for point, side in (
                (self.coords.c2p(value, 0), DOWN),
                (self.coords.c2p(0, value), LEFT),
            ):
                label = tex(num(value), size=LABEL_SIZE, color=AXIS).next_to(
                    point, side, buff=BUFF * 0.5
                )
                if self.inside_window(label) and self.clear_of_arrows(label):
                    labels.add(label)
                    shown.append(value)
        self.show("ticks", sorted(set(shown)))
        return labels.set_z_index(LABEL_LAYER)

    def clear_of_arrows(self, label: VMobject) -> bool:
        """Whether ``label`` stays off every arrow the scene will draw (``self.tips``)."""
        origin = self.coords.c2p(0, 0)
        centre = label.get_center()
        room = max(label.width, label.height) / 2 + BUFF * 0.4
        for tip in self.tips:
            end = self.coords.c2p(*tip)
            along = np.clip(
                np.dot(centre - origin, end - origin) / np.sum((end - origin) ** 2), 0, 1
            )
            if np.linalg.norm(origin + along * (end - origin) - centre) < room:
                return False
        return True

    def inside_window(self, mobject: VMobject) -> bool:
        """Whether ``mobject`` lies in the safe frame and left of the formula column."""
        return bool(
            style.frame_is_inside_margin(mobject) and mobject.get_right()[0] < DIVIDER_X - BUFF
        )

    def arrow_to(self, coords: Sequence[float], colour: str, *, width: float = 5) -> Arrow:
        """An arrow from the origin to ``coords`` (plane coordinates), never of zero length."""
        start = self.coords.c2p(0, 0)
        end = self.coords.c2p(*coords[:2])
        if np.linalg.norm(end - start) < 0.02:
            direction = np.array([*coords[:2], 0.0])
            length = np.linalg.norm(direction)
            end = start + 0.02 * (direction / length if length else RIGHT)
        arrow = Arrow(
            start,
            end,
            buff=0,
            color=colour,
            stroke_width=width,
            tip_length=0.24,
            max_tip_length_to_length_ratio=0.3,
            max_stroke_width_to_length_ratio=10,
        )
        return arrow.set_z_index(ARROW_LAYER)

    def span_line(self, direction: Sequence[float], colour: str = MUTED) -> Line:
        """The whole line through the origin along ``direction``, faint."""
        d = np.array([*direction[:2], 0.0]) / np.linalg.norm(direction)
        reach = config.frame_width * 2
        line = Line(self.origin - reach * d, self.origin + reach * d, color=colour, stroke_width=2)
        return line.set_stroke(opacity=0.45).set_z_index(SPAN_LAYER)

    def label_at_tip(self, arrow: Arrow, content: str, colour: str) -> MathTex:
        """``content`` just beyond the tip of ``arrow``."""
        direction = arrow.get_end() - arrow.get_start()
        label = tex(content, color=colour)
        label.next_to(arrow.get_end(), direction / np.linalg.norm(direction), buff=BUFF * 0.5)
        return label.set_z_index(LABEL_LAYER)

    def label_beside(self, arrow: Arrow, content: str, colour: str) -> MathTex:
        """``content`` beside the tip of ``arrow``, on its clockwise side."""
        direction = arrow.get_end() - arrow.get_start()
        side = np.array([direction[1], -direction[0], 0.0]) / np.linalg.norm(direction)
        label = tex(content, color=colour)
        label.next_to(arrow.get_end(), side, buff=BUFF * 0.5)
        return label.set_z_index(LABEL_LAYER)

    # -- the column ---------------------------------------------------------------------

    def place_in_column(self, mobject: VMobject, below: VMobject | None = None) -> VMobject:
        """Centre ``mobject`` in the formula column, under ``below`` if given."""
        style.fit_width(mobject, COLUMN_WIDTH)
        x = COLUMN_LEFT + COLUMN_WIDTH / 2
        if below is not None:
            mobject.next_to(below, DOWN, buff=GAP)
        mobject.set_x(x)
        return mobject.set_z_index(COLUMN_LAYER)

    def build_curtain(self) -> VGroup:
        """An opaque column at the right: the transformed grid stays in its window."""
        width = config.frame_width / 2 - DIVIDER_X + 0.1
        curtain = Rectangle(
            width=width,
            height=config.frame_height + 0.2,
            stroke_width=0,
            fill_color=BACKGROUND,
            fill_opacity=1,
        )
        curtain.move_to([DIVIDER_X + width / 2, 0, 0])
        divider = Line(
            [DIVIDER_X, -config.frame_height / 2, 0],
            [DIVIDER_X, config.frame_height / 2, 0],
            color=MUTED,
            stroke_width=2,
        ).set_stroke(opacity=0.6)
        return VGroup(curtain, divider).set_z_index(CURTAIN_LAYER)
