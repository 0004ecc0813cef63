"""What two or more scenes of section 4, Eigenvectors and Eigenvalues, share.

The section's transformation scenes look alike: a window on the plane at the left,
where a matrix moves a grid and some vectors, and a column of formulas at the right.
:class:`PlaneAndColumnScene` lays both out for any matrix and any set of vectors.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UR,
    Arrow,
    Line,
    MathTex,
    Matrix,
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

TICK_ROOM = 1.0  # labelled ticks stand at least this far apart (scene units)

GRID_ROOM = 0.25  # grid lines stand at least this far apart (scene units)

MOVING_GRID_LINES = 40  # the moving grid reaches at most this many lines from its origin

#: Where a label may go around its anchor, in turns (degrees) from its preferred side, in order.
LABEL_TURNS = (0, -45, 45, -90, 90, -135, 135, 180)

# -- layers, bottom to top

GRID_LAYER, SPAN_LAYER, ARROW_LAYER, LABEL_LAYER, CURTAIN_LAYER, COLUMN_LAYER = range(6)


def round_step_above(size: float, least: float) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``size`` and ``least``."""
    wanted = max(size, least)
    power = 10.0 ** math.floor(math.log10(wanted))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= wanted * (1 - 1e-9))


def boxes_touch(first: VMobject, second: VMobject, buff: float) -> bool:
    """Whether the bounding boxes of two mobjects come within ``buff`` of each other."""
    (ax0, ay0, _), (ax1, ay1, _) = first.get_corner(DL), first.get_corner(UR)
    (bx0, by0, _), (bx1, by1, _) = second.get_corner(DL), second.get_corner(UR)
    return min(ax1, bx1) - max(ax0, bx0) > -buff and min(ay1, by1) - max(ay0, by0) > -buff


def segment_meets_box(
    start: np.ndarray, end: np.ndarray, low: np.ndarray, high: np.ndarray
) -> bool:
    """Whether the segment from ``start`` to ``end`` meets the box from ``low`` to ``high``.

    The part of the segment inside each slab ``low <= x <= high`` is an interval of its
    parameter; the segment meets the box when the intervals of both axes overlap.
    """
    first, last = 0.0, 1.0
    for axis in range(2):
        step = end[axis] - start[axis]
        if abs(step) < 1e-12:
            if not low[axis] <= start[axis] <= high[axis]:
                return False
            continue
        enter, leave = sorted(((low[axis] - start[axis]) / step, (high[axis] - start[axis]) / step))
        first, last = max(first, enter), min(last, leave)
        if first > last:
            return False
    return True


def fitted_matrix(values: Any, *, gap: float = 0.45, **kwargs: Any) -> Matrix:
    """:func:`style.matrix` with its columns spread as far as its widest entry needs.

    Entries sit right-aligned, ``h_buff`` apart; long numbers (``-4.99``) need more than the
    default, or neighbouring entries run together.
    """
    trial = style.matrix(values, **kwargs)
    widest = max(entry.width for entry in trial.get_entries())
    least = kwargs.pop("h_buff", 0.9)
    return style.matrix(values, h_buff=max(least, widest + gap), **kwargs)


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

    A scene calls :meth:`layout_plane` with every vector it will draw, places the labels
    of its vectors with :meth:`place_label`, then calls :meth:`build_planes` (whose tick
    labels keep clear of them) and adds :meth:`build_curtain`; arrows and spans come from
    the builders below, formulas go through :meth:`place_in_column`. Any matrix will do,
    singular ones included: the plane's unit, grid step and ticks follow the vectors.
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
        size = np.maximum(high - low, 1e-9)
        self.unit = min((right - left) / size[0], (top - bottom) / size[1], MAX_UNIT)
        centre = np.array([(left + right) / 2, 0.0])
        origin = centre - self.unit * (low + high) / 2
        self.origin = np.array([origin[0], origin[1], 0.0])
        # Round steps (1, 2, 5 times a power of ten) that keep lines and tick labels apart.
        self.tick_step = round_step_above(TICK_ROOM / self.unit, least=2)
        self.grid_step = round_step_above(GRID_ROOM / self.unit, least=1)

    def point(self, coords: Sequence[float]) -> np.ndarray:
        """The scene point of plane coordinates ``coords`` (the plane need not be built yet)."""
        return self.origin + self.unit * np.array([coords[0], coords[1], 0.0])

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

    def grid_of_radius(self, radius: float) -> NumberPlane:
        """A course-style plane from -radius to radius each way, its origin on ``self.origin``."""
        extent = [-radius, radius, self.grid_step]
        grid = style.plane(
            extent, extent, width=2 * radius * self.unit, height=2 * radius * self.unit
        )
        grid.shift(self.origin - grid.c2p(0, 0))
        return grid.set_z_index(GRID_LAYER)

    def build_planes(self, avoid: Sequence[VMobject] = ()) -> None:
        """A faint fixed reference grid with tick labels, and the grid ``self.matrix`` moves.

        Tick labels keep clear of the arrows to ``self.tips`` and of the labels in ``avoid``.
        """
        corners = self.window_corners()
        reach = self.grid_step * (math.ceil(np.abs(corners).max() / self.grid_step) + 1)
        self.coords = self.grid_of_radius(reach)
        self.coords.axes.set_stroke(opacity=0.5)
        # The grid A moves is drawn in the vectors' colour: it moves as they do.
        self.moving_grid = self.grid_of_radius(self.moving_reach(corners, reach))
        self.moving_grid.background_lines.set_stroke(INPUT, opacity=0.3)
        self.moving_grid.axes.set_stroke(INPUT, opacity=0.45)
        self.tick_labels = self.build_tick_labels(reach, avoid)

    def moving_reach(self, corners: np.ndarray, reach: float) -> float:
        """How far the moving grid reaches, so that after A it still covers the window.

        A shrinks no vector below its smallest singular value s times its length, so a grid
        reaching |corner| / s covers the window after A. When that takes more than
        ``MOVING_GRID_LINES`` lines (A flattens the plane onto a line, or nearly, or shrinks it
        a lot), the grid is the window's own: after A it shows the window squashed.
        """
        smallest = float(linalg.svd(self.matrix)[1][-1])
        needed = float(np.linalg.norm(corners, axis=1).max())
        most = MOVING_GRID_LINES * self.grid_step
        if needed >= smallest * most:
            return reach
        lines = math.ceil(needed / smallest) + 1
        return max(reach, self.grid_step * math.ceil(lines / self.grid_step))

    def build_tick_labels(self, reach: float, avoid: Sequence[VMobject] = ()) -> VGroup:
        """Labels on the fixed grid's axes, every ``tick_step``, where they fit in the window."""
        labels = VGroup()
        shown = []
        count = math.floor(reach / self.tick_step + 1e-9)
        for value in (self.tick_step * k for k in range(-count, count + 1) if k):
            for point, side in (
                (self.coords.c2p(value, 0), DOWN),
                (self.coords.c2p(0, value), LEFT),
            ):
                label = tex(num(value), size=LABEL_SIZE, color=AXIS).next_to(
                    point, side, buff=BUFF * 0.5
                )
                if (
                    self.inside_window(label)
                    and self.clear_of_arrows(label)
                    and not any(boxes_touch(label, other, BUFF * 0.3) for other in avoid)
                ):
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
            if np.allclose(end, origin):
                continue
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

    def place_label(
        self,
        content: str,
        colour: str,
        anchor: Sequence[float],
        side: Sequence[float],
        taken: Sequence[VMobject] = (),
        lines: Sequence[Sequence[float]] = (),
    ) -> MathTex:
        """``content`` next to ``anchor`` (plane coordinates), towards ``side`` if there is room.

        It turns away from ``side`` (see ``LABEL_TURNS``) and then steps further out until it
        lies in the window, clear of the labels in ``taken``, crossing as few of the arrows to
        ``self.tips`` (and, after them, of the lines through the origin along ``lines``) as
        it can.
        """
        label = tex(content, color=colour).set_z_index(LABEL_LAYER)
        half = np.array([label.width / 2, label.height / 2])
        start = self.point(anchor)
        heading = math.atan2(side[1], side[0]) if any(side[:2]) else 0.0
        far = 2 * config.frame_width / self.unit  # a line's ends, well outside the frame
        arrows = [((0.0, 0.0), tip) for tip in self.tips]
        spans = [(-far * np.asarray(d[:2]), far * np.asarray(d[:2])) for d in lines]
        best: tuple[tuple[float, ...], np.ndarray] | None = None
        for ring, buff in enumerate((BUFF * 0.8, BUFF * 1.6, BUFF * 3, BUFF * 5)):
            for order, turn in enumerate(LABEL_TURNS):
                angle = heading + math.radians(turn)
                direction = np.array([math.cos(angle), math.sin(angle), 0.0])
                # Towards a corner the box's corner leads, towards a side its side's middle.
                lead = np.clip(direction[:2] / math.sqrt(0.5), -1, 1) * half
                label.move_to(start + buff * direction + np.array([*lead, 0.0]))
                if not self.inside_window(label):
                    continue
                clashes = sum(boxes_touch(label, other, BUFF * 0.3) for other in taken)
                crossed = 2 * self.crossings(label, arrows) + self.crossings(label, spans)
                score = (clashes, crossed + 3 * ring, order)  # near its anchor first
                if best is None or score < best[0]:
                    best = (score, label.get_center())
        label.move_to(best[1] if best is not None else start)
        return label

    def crossings(self, label: VMobject, segments: Sequence[tuple[Any, Any]]) -> int:
        """How many of ``segments`` (pairs of plane points) pass through or graze ``label``."""
        low, high = label.get_corner(DL)[:2] - 0.1, label.get_corner(UR)[:2] + 0.1
        return sum(
            segment_meets_box(self.point(start)[:2], self.point(end)[:2], low, high)
            for start, end in segments
        )

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
