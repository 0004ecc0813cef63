"""What two or more scenes of section 4, Eigenvectors and Eigenvalues, share.

The section's transformation scenes look alike: a window on the plane at the left,
where a matrix moves a grid and some vectors, and a column of formulas at the right.
:class:`PlaneAndColumnScene` lays both out for any matrix and any set of vectors, and
draws eigenpairs on it. The module also holds what the section says about eigenpairs:
their colours, the domain rules of an eigen scene's matrix, the words for what A does to
an eigenvector, and the formulas of an eigen-equation and of a list of eigenpairs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UR,
    Arrow,
    Dot,
    FadeIn,
    GrowArrow,
    Line,
    MathTex,
    NumberPlane,
    Polygon,
    Rectangle,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Rule
from scenes.style import (
    AXIS,
    BACKGROUND,
    BEAT,
    BUFF,
    EIGEN,
    EIGEN_2,
    GAP,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    QUICK,
    LessonScene,
    fmt,
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

# -- eigenpairs: their colours and names, and the words for what A does to them

#: One colour per eigenpair, in the picture and in every formula.
PAIR_COLOURS = (EIGEN, EIGEN_2)

#: Subscripts for the narration, which is plain text.
SUBSCRIPTS = "₁₂₃"

#: What a summary says about each kind of eigen-structure (``linalg.EigenStructure.kind``).
KIND_CAPTIONS = {
    "opposite": "one direction flips",
    "positive": "no direction flips",
    "negative": "both directions flip",
    "zero": "a line collapses to the origin",
    "scaling": "every v is an eigenvector",
    "defective": "one eigen-direction only",
}


def _structure(inputs: Mapping[str, Any]) -> linalg.EigenStructure:
    return linalg.eigen_structure(inputs["matrix"])


def _eigenvalues_show(inputs: Mapping[str, Any]) -> bool:
    """Each eigenvalue is 0 or large enough not to read as 0 on screen."""
    return all(v == 0 or fmt(v, "eigen") != "0" for v in _structure(inputs).values)


#: Domain rules for a scene whose input ``matrix`` has its eigenpairs drawn.
REAL_EIGENVALUES = Rule(
    "must have real eigenvalues (a rotation has none)",
    ("matrix",),
    lambda inputs: _structure(inputs) is not None,
)
EIGENVALUES_SHOW = Rule(
    f"must have eigenvalues that are 0 or at least {0.5 * 10 ** -style.DECIMALS['eigen']:g} in "
    "size (smaller ones show as 0)",
    ("matrix",),
    _eigenvalues_show,
)


def effect(value: float) -> str:
    """What A does to an eigenvector of eigenvalue ``value``: ``stretched``, ``turned around``..."""
    if value == 0:
        return "sent to the origin"
    size = abs(value)
    if size == 1:
        change = ""
    elif fmt(size, "eigen") == "1":
        change = "barely stretched" if size > 1 else "barely shrunk"
    else:
        change = "stretched" if size > 1 else "shrunk"
    if value > 0:
        return change or "left as it is"
    return "turned around" + (f" and {change}" if change else "")


def journey(value: float) -> str:
    """What c v does as c runs from 1 to ``value``."""
    if value < 0:
        return "shrinks to the origin, flips through it and grows on the other side"
    if value == 0:
        return "shrinks all the way to the origin"
    if value == 1:
        return "stays where it is"
    return "grows" if value > 1 else "shrinks"


def row_text(values: Sequence[float]) -> str:
    """A vector for the narration: ``(0.86, 0.51)``."""
    return "(" + ", ".join(fmt(v, "coordinate") for v in values) + ")"


# -- vectors to draw


def fan_directions(
    count: int, eigenvectors: Sequence[Sequence[float]]
) -> tuple[list[tuple[float, ...]], tuple[int, ...]]:
    """``count`` unit vectors evenly spread over a half turn; the nearest are ``eigenvectors``.

    Returns the fan and the positions of the eigenvectors in it.
    """
    step = math.pi / count
    angles = [-math.pi / 2 + step * (k + 0.5) for k in range(count)]
    fan: list[tuple[float, ...]] = [(math.cos(a), math.sin(a)) for a in angles]
    slots: list[int] = []
    for vector in eigenvectors:
        angle = math.atan2(vector[1], vector[0])

        def distance(k: int, angle: float = angle) -> float:
            turn = (angles[k] - angle) % math.pi  # a span is a line: angles mod pi
            return min(turn, math.pi - turn)

        nearest = min((k for k in range(count) if k not in slots), key=distance)
        fan[nearest] = vector
        slots.append(nearest)
    return fan, tuple(slots)


def most_turned(
    vectors: Sequence[Sequence[float]], images: Sequence[Sequence[float]], skip: Sequence[int]
) -> int:
    """The position of the vector, not in ``skip``, whose image lies farthest from its span."""

    def turn(k: int) -> float:
        (vx, vy), (wx, wy) = vectors[k], images[k]
        length = math.hypot(vx, vy) * math.hypot(wx, wy)
        return abs(vx * wy - vy * wx) / length if length else 0.0

    return max((k for k in range(len(vectors)) if k not in skip), key=turn)


# -- geometry of the layout


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


# -- formulas


def column_vector(values: Sequence[float], kind: str = "coordinate") -> str:
    r"""A vector as a TeX column, ``\begin{bmatrix}0.86\\0.51\end{bmatrix}``."""
    return r"\begin{bmatrix}" + r"\\".join(num(v, kind) for v in values) + r"\end{bmatrix}"


def eigen_equation(
    k: int, value: float, vector: Sequence[float], image: Sequence[float], colour: str
) -> VGroup:
    r"""The eigen-equation of pair ``k``, a header over its numbers, in the pair's colour.

    ``A v_k = \lambda_k v_k, \lambda_k = <value>`` over ``A [v] = [A v] = <value> [v]``;
    the numbers' parts are ``A``, ``v``, ``=``, ``A v``, ``=``, ``value``, ``v``.
    """
    header = tex(
        rf"A\,v_{k} = \lambda_{k}\, v_{k}",
        r",\quad",
        rf"\lambda_{k} = {num(value, 'eigen')}",
        color=colour,
    )
    numbers = tex(
        "A",
        column_vector(vector),
        "=",
        column_vector(image),
        "=",
        num(value, "eigen"),
        column_vector(vector),
        color=colour,
    )
    numbers[0].set_color(style.TEXT)
    return VGroup(header, numbers).arrange(DOWN, buff=BUFF * 1.2)


def named_matrix(name: str, values: Any, colour: str = style.TEXT) -> VGroup:
    """``name = [values]``, a matrix row of the formula column, in one colour."""
    shown = style.fitted_matrix(values, h_buff=0.9, v_buff=0.7, color=colour)
    return VGroup(tex(name, "=", color=colour), shown).arrange(RIGHT, buff=BUFF)


def eigenpair_rows(
    values: Sequence[float], vectors: Sequence[Sequence[float]], *, repeated: bool = False
) -> VGroup:
    """``lambda_k = <value>   v_k = (..)``, one row per pair, in the pairs' colours.

    ``repeated`` names the one eigenvalue of a defective matrix ``lambda_1 = lambda_2``.
    """
    pairs = VGroup()
    for i, (value, vector) in enumerate(zip(values, vectors, strict=True)):
        k = i + 1
        named = r"\lambda_1 = \lambda_2" if repeated else rf"\lambda_{k}"
        pairs.add(
            tex(rf"{named} = {num(value, 'eigen')}", color=PAIR_COLOURS[i]),
            tex(rf"v_{k} = {style.fmt_vector(vector, 'coordinate')}", color=PAIR_COLOURS[i]),
        )
    return pairs.arrange_in_grid(
        rows=len(vectors), cols=2, buff=(GAP, BUFF * 1.4), col_alignments="ll"
    )


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
    For eigenpairs it labels eigenvectors and their images (:meth:`place_eigen_labels`)
    and slides ``c v`` along a span with a readout of c (:meth:`slide_on_span`).
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

    def build_planes(self, avoid: Sequence[VMobject] = (), matrix: Any = None) -> None:
        """A faint fixed reference grid with tick labels, and the grid ``self.matrix`` moves.

        Tick labels keep clear of the arrows to ``self.tips`` and of the labels in ``avoid``.
        A scene that shows several matrices in turn names the one to move the grid by.
        """
        corners = self.window_corners()
        reach = self.grid_step * (math.ceil(np.abs(corners).max() / self.grid_step) + 1)
        self.coords = self.grid_of_radius(reach)
        self.coords.axes.set_stroke(opacity=0.5)
        self.moving_grid = self.moving_grid_of(self.moving_reach(corners, reach, matrix))
        self.tick_labels = self.build_tick_labels(reach, avoid)

    def moving_grid_of(self, radius: float) -> NumberPlane:
        """The grid the matrix moves, in the vectors' colour (it moves as they do), without
        numbers: the fixed grid beneath carries them."""
        grid = self.grid_of_radius(radius)
        grid.background_lines.set_stroke(INPUT, opacity=0.3)
        grid.axes.set_stroke(INPUT, opacity=0.45)
        return style.qualitative(grid, "it moves with the matrix; the fixed grid has the numbers")

    def moving_reach(self, corners: np.ndarray, reach: float, matrix: Any = None) -> float:
        """How far the moving grid reaches, so that after A it still covers the window.

        A shrinks no vector below its smallest singular value s times its length, so a grid
        reaching |corner| / s covers the window after A. When that takes more than
        ``MOVING_GRID_LINES`` lines (A flattens the plane onto a line, or nearly, or shrinks it
        a lot), the grid is the window's own: after A it shows the window squashed.
        """
        smallest = float(linalg.svd(self.matrix if matrix is None else matrix)[1][-1])
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
        """The line through the origin along ``direction``, faint, across the fixed grid."""
        d = np.asarray(direction[:2], dtype=float) / np.linalg.norm(direction[:2])
        reach = 2 * self.coords.x_range[1]  # past the grid's corners
        line = style.clipped_to(self.coords, -reach * d, reach * d, color=colour, stroke_width=2)
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

    def following_polygon(
        self,
        corners: Sequence[Sequence[float]],
        images: Sequence[Sequence[float]],
        progress: ValueTracker,
        colour: str,
        opacity: float = 0.3,
    ) -> VMobject:
        """A filled polygon from ``corners`` to ``images`` as ``progress`` runs from 0 to 1."""

        def draw() -> VMobject:
            t = progress.get_value()
            points = [
                self.point((1 - t) * np.asarray(c) + t * np.asarray(i))
                for c, i in zip(corners, images, strict=True)
            ]
            shape = Polygon(
                *points,
                stroke_color=colour,
                stroke_width=3,
                fill_color=colour,
                fill_opacity=opacity,
            )
            return shape.set_z_index(SPAN_LAYER)

        return always_redraw(draw)

    def outline(self, corners: Sequence[Sequence[float]]) -> Polygon:
        """A faint outline of the polygon ``corners``: where a shape starts, left behind."""
        shape = Polygon(*(self.point(c) for c in corners), stroke_color=MUTED, stroke_width=2)
        return shape.set_z_index(SPAN_LAYER)

    # -- eigenpairs ----------------------------------------------------------------------

    def place_eigen_labels(
        self,
        vectors: Sequence[Sequence[float]],
        images: Sequence[Sequence[float]],
        values: Sequence[float],
        matrix_name: str = "A",
    ) -> tuple[list[VMobject], list[VMobject]]:
        """Labels ``v_k`` and ``A v_k`` for each eigenvector and its image, in the pair's colour.

        A scene that shows another matrix names it with ``matrix_name``.

        The images' labels are placed first, then the vectors'; each keeps clear of the
        others and of the arrows and the eigenvectors' spans. An image at the origin
        (eigenvalue 0) is labelled there, ``A v_k = 0``, away from its vector.
        Returns the vectors' labels and the images' labels.
        """
        taken: list[VMobject] = []
        originals: list[VMobject] = []
        image_labels: list[VMobject] = []
        colours = PAIR_COLOURS[: len(vectors)]
        for n, (vector, image, value, colour) in enumerate(
            zip(vectors, images, values, colours, strict=True), start=1
        ):
            if value == 0:  # A v is the origin: the label sits there, away from v
                name = rf"{matrix_name} v_{n} = {num(value, 'eigen')}"
                anchor, side = (0.0, 0.0), (-vector[0], -vector[1])
            else:
                name, anchor, side = rf"{matrix_name} v_{n}", image, image
            label = self.place_label(name, colour, anchor, side, taken, vectors)
            taken.append(label)
            image_labels.append(label)
        for n, (vector, colour) in enumerate(zip(vectors, colours, strict=True), start=1):
            clockwise = (vector[1], -vector[0])
            label = self.place_label(f"v_{n}", colour, vector, clockwise, taken, vectors)
            taken.append(label)
            originals.append(label)
        return originals, image_labels

    def arrow_or_dot(self, tip: Sequence[float], colour: str, **kwargs: Any) -> VMobject:
        """An arrow from the origin to ``tip``; a dot at the origin when ``tip`` is (nearly) 0."""
        if self.unit * math.hypot(tip[0], tip[1]) < 0.05:
            return Dot(self.point((0, 0)), radius=0.07, color=colour).set_z_index(ARROW_LAYER)
        return self.arrow_to(tip, colour, **kwargs)

    def following_arrow(
        self,
        vector: Sequence[float],
        image: Sequence[float],
        progress: ValueTracker,
        colour: str = INPUT,
    ) -> VMobject:
        """An arrow from v to A v as ``progress`` runs from 0 to 1, like the moving grid."""

        def draw() -> VMobject:
            t = progress.get_value()
            tip = (1 - t) * np.asarray(vector) + t * np.asarray(image)
            return self.arrow_or_dot(tip, colour)

        return always_redraw(draw)

    def slide_on_span(
        self,
        vector: Sequence[float],
        value: float,
        colour: str,
        name: str,
        below: VMobject,
        lead_in: Sequence[Any] = (),
        landing: Sequence[Any] = (),
    ) -> tuple[VMobject, VGroup]:
        """Slide ``c v`` along the span of ``vector`` as c runs from 1 to ``value``.

        A readout ``<name>, c = ...`` under ``below`` follows c. The animations ``lead_in``
        play first, ``landing`` ones as the readout settles on ``value``. Returns the arrow,
        left at ``value`` times ``vector``, and the settled readout.
        """
        scale = ValueTracker(1.0)

        def current() -> float:
            c = scale.get_value()
            return 0.0 if abs(c) < 0.005 else c  # no "-0.00" on the way through zero

        mover = always_redraw(
            lambda: (
                self.arrow_or_dot(np.asarray(vector) * scale.get_value(), colour)
                .set_color(colour)
                .set_z_index(ARROW_LAYER + 1)
            )  # over a thin arrow at the start, which it leaves behind
        )
        readout = scale_readout(name, current, colour=colour)
        self.place_in_column(readout, below=below)
        self.play(*lead_in, run_time=QUICK)
        self.play(GrowArrow(mover), FadeIn(readout), run_time=QUICK)
        self.wait(QUICK)
        self.play(scale.animate.set_value(value), run_time=BEAT * 4)
        mover.clear_updaters()
        readout[1].clear_updaters()
        settled = tex(num(value, "eigen"), color=colour).set_z_index(COLUMN_LAYER)
        settled.next_to(readout[0], RIGHT, buff=BUFF * 0.8).align_to(readout[0][1][-1], DOWN)
        self.play(*landing, ReplacementTransform(readout[1], settled), run_time=QUICK)
        return mover, VGroup(readout[0], settled)

    # -- the column ---------------------------------------------------------------------

    def place_in_column(self, mobject: VMobject, below: VMobject | None = None) -> VMobject:
        """Centre ``mobject`` in the formula column, under ``below`` if given."""
        style.fit_width(mobject, COLUMN_WIDTH)
        x = COLUMN_LEFT + COLUMN_WIDTH / 2
        if below is not None:
            mobject.next_to(below, DOWN, buff=GAP)
        mobject.set_x(x)
        return mobject.set_z_index(COLUMN_LAYER)

    def place_panel_low(self, panel: VGroup, under: VMobject) -> VGroup:
        """Centre a :func:`style.panel` in the column, midway between ``under`` and the margin.

        The panel's frame stays under its rows.
        """
        self.place_in_column(panel)
        panel.set_y((under.get_bottom()[1] - config.frame_height / 2 + MARGIN) / 2)
        panel[0].set_z_index(COLUMN_LAYER - 0.5)
        return panel

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
