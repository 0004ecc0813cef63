"""AffineTransformations: a flip, a scaling, a shear and a rotation move the grid and a
parallelogram, and its parallel sides stay parallel; a shift on top makes the map affine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UR,
    Arrow,
    Create,
    Dot,
    FadeIn,
    GrowArrow,
    Polygon,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
)

from lib import linalg
from scenes import style
from scenes.inputs import Choice, Domain, Matrix, Number, Rule, Vector
from scenes.s04_eigen.shared import (
    ARROW_LAYER,
    COLUMN_WIDTH,
    SPAN_LAYER,
    PlaneAndColumnScene,
    named_matrix,
    row_text,
    segment_meets_box,
)
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    fitted_matrix,
    fmt,
    tex,
)

#: The mirror lines a flip may use, as lib names them, and as the narration says them.
MIRRORS = {"x": "the x-axis", "y": "the y-axis", "y=x": "the line y = x", "y=-x": "the line y = -x"}

#: Each linear part of the lesson: its key, its matrix's name and its colour.
PARTS = (("flip", "F"), ("scale", "S"), ("shear", "H"), ("rotate", "R"))

#: The smallest scale factor (in size) the lesson shows: 0 would flatten the plane.
LEAST_FACTOR = 0.25

#: Arrows at least this long, and sides at least this far apart (plane units), so both show.
LEAST_LENGTH = 0.5


def corners_of(starts: Sequence[Sequence[float]], direction: Sequence[float]) -> list[Any]:
    """The parallelogram whose opposite sides run from each start along ``direction``.

    In order: the first side's start and end, then the second side's end and start.
    """
    first, second = (np.asarray(s, dtype=float) for s in starts)
    return [
        first,
        linalg.add(first, direction),
        linalg.add(second, direction),
        second,
    ]


def difference(end: Sequence[float], start: Sequence[float]) -> tuple[float, ...]:
    """``end - start`` as plain floats."""
    return tuple(float(c) for c in linalg.add(end, linalg.scale(start, -1.0)))


def _factors_show(inputs: Mapping[str, Any]) -> bool:
    return all(abs(float(s)) >= LEAST_FACTOR for s in inputs["scale_factors"])


def _long_enough(inputs: Mapping[str, Any]) -> bool:
    return linalg.l2_norm(inputs["direction"]) >= LEAST_LENGTH


def _apart(inputs: Mapping[str, Any]) -> bool:
    first, second = inputs["starts"]
    offset = difference(second, first)
    area = abs(linalg.determinant(np.column_stack([inputs["direction"], offset])))
    return area / linalg.l2_norm(inputs["direction"]) >= LEAST_LENGTH


FACTORS_SHOW = Rule(
    f"must each be at least {LEAST_FACTOR:g} in size: a factor of 0 flattens the plane onto a "
    "line, where the two sides would fall on one line (a negative factor flips)",
    ("scale_factors",),
    _factors_show,
)
LONG_ENOUGH = Rule(
    f"must be at least {LEAST_LENGTH:g} long, so its arrows show", ("direction",), _long_enough
)
APART = Rule(
    f"must start the two sides at least {LEAST_LENGTH:g} apart across the direction (not on one "
    "line), so they are two parallel lines",
    ("starts", "direction"),
    _apart,
)


def direction_rows(images: Sequence[Sequence[float]], prime: str = "'") -> VGroup:
    """``d_1' = (..)`` over ``d_2' = (..)``, their equals signs in one column.

    Before a map the sides are ``d_1`` and ``d_2``: ``prime`` is then empty.
    """
    rows = VGroup(
        *(
            tex(rf"d_{k + 1}{prime}", "=", style.fmt_vector(image, "coordinate"), color=HIGHLIGHT)
            for k, image in enumerate(images)
        )
    )
    return rows.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)


class AffineTransformations(PlaneAndColumnScene):
    """Four matrices and a shift move a parallelogram; its opposite sides stay parallel."""

    flip = "y"  # the mirror line: 'x', 'y', 'y=x' or 'y=-x'
    scale_factors = (1.5, 0.5)  # x stretched by the first, y by the second
    shear_factor = 1.0  # x moves by this times y
    angle = 45.0  # degrees, anticlockwise
    translation = (1.5, -1.0)  # the shift after the matrix, t
    direction = (1.0, 0.5)  # the two parallel sides both run along d ...
    starts = ((-1.0, 0.5), (0.0, -1.0))  # ... from these two points
    domain = Domain(
        flip=Choice(tuple(MIRRORS)),
        scale_factors=Vector(2, -2.5, 2.5),
        shear_factor=Number(-2, 2),
        angle=Number(-180, 180, places=1),
        translation=Vector(2, -3, 3),
        direction=Vector(2, -2, 2, places=1, nonzero=True),
        starts=Matrix(2, 2, -2, 2, places=1),
        rules=(FACTORS_SHOW, LONG_ENOUGH, APART),
    )

    def construct(self) -> None:
        self.matrices = {  # every matrix from lib
            "flip": linalg.reflection(self.flip),
            "scale": linalg.scaling(*self.scale_factors),
            "shear": linalg.shear(self.shear_factor),
            "rotate": linalg.rotation(math.radians(self.angle)),
        }
        chain = self.matrices["flip"]
        for key in ("scale", "shear", "rotate"):
            chain = linalg.matmul(self.matrices[key], chain)
        self.matrices["affine"] = chain  # M = R H S F: flip first, rotate last
        self.homogeneous = linalg.homogeneous(chain, self.translation)
        self.corners = corners_of(self.starts, self.direction)
        self.heading = self.place_in_column(style.title("Affine maps"))
        self.introduce_parallel_sides()
        for key, name in PARTS:
            self.transform_part(key, name)
        self.add_a_shift()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def images(self, key: str, shift: Sequence[float] = (0.0, 0.0)) -> list[tuple[float, ...]]:
        """The parallelogram's corners after the matrix ``key`` and then ``shift``."""
        moved = linalg.affine_map(self.matrices[key], shift, self.corners)
        return [tuple(float(c) for c in corner) for corner in moved]

    def side_directions(self, corners: Sequence[Sequence[float]]) -> list[tuple[float, ...]]:
        """Each parallel side's direction, end minus start, from its own two corners."""
        return [difference(corners[1], corners[0]), difference(corners[2], corners[3])]

    # -- the picture --------------------------------------------------------------------

    def set_up_plane(self, key: str | None, shift: Sequence[float] = (0.0, 0.0)) -> None:
        """A plane that fits the parallelogram before and after the matrix ``key`` and ``shift``."""
        before = [tuple(float(c) for c in corner) for corner in self.corners]
        after = self.images(key, shift) if key else before
        linear = self.images(key) if key else before
        self.segments = [
            (corners[i], corners[(i + 1) % 4])
            for corners in (before, after, linear)
            for i in (0, 2)
        ]
        points = [*before, *after, *linear, tuple(float(c) for c in shift)]
        self.layout_plane(points)
        self.tips = []  # nothing starts at the origin: tick labels avoid the sides instead
        matrix = self.matrices[key] if key else linalg.identity(2)
        self.build_planes(matrix=matrix)
        if any(shift):
            self.moving_grid = self.shifted_grid(matrix, shift)
        self.progress = ValueTracker(0.0)
        self.shifting = ValueTracker(0.0)
        self.shape = self.following_shape(before, linear, shift)
        self.curtain = self.build_curtain()
        self.add(self.curtain)

    def shifted_grid(self, matrix: Any, shift: Sequence[float]) -> VMobject:
        """The moving grid, reaching far enough that after ``matrix`` and ``shift`` it still
        covers the window."""
        corners = self.window_corners() - np.asarray(shift, dtype=float)
        reach = self.grid_step * (math.ceil(np.abs(corners).max() / self.grid_step) + 1)
        return self.moving_grid_of(self.moving_reach(corners, reach, matrix))

    def clear_of_arrows(self, label: VMobject) -> bool:
        """Whether a tick label stays off the parallelogram's sides, before and after."""
        low = label.get_corner(DL)[:2] - BUFF * 0.3
        high = label.get_corner(UR)[:2] + BUFF * 0.3
        return not any(
            segment_meets_box(self.point(start)[:2], self.point(end)[:2], low, high)
            for start, end in self.segments
        )

    def following_shape(
        self,
        before: Sequence[Sequence[float]],
        after: Sequence[Sequence[float]],
        shift: Sequence[float],
    ) -> VGroup:
        """The parallelogram and its two parallel sides as arrows, following the trackers."""

        def corners() -> list[np.ndarray]:
            t, s = self.progress.get_value(), self.shifting.get_value()
            return [
                (1 - t) * np.asarray(b) + t * np.asarray(a) + s * np.asarray(shift)
                for b, a in zip(before, after, strict=True)
            ]

        def draw() -> VGroup:
            points = [self.point(c) for c in corners()]
            body = Polygon(*points, stroke_width=0, fill_color=RESULT, fill_opacity=0.3)
            sides = VGroup(
                *(
                    Arrow(
                        points[i],
                        points[j],
                        buff=0,
                        color=HIGHLIGHT,
                        stroke_width=6,
                        tip_length=0.22,
                        max_tip_length_to_length_ratio=0.35,
                        max_stroke_width_to_length_ratio=12,
                    )
                    for i, j in ((0, 1), (3, 2))
                )
            )
            return VGroup(body.set_z_index(SPAN_LAYER), sides.set_z_index(ARROW_LAYER))

        return always_redraw(draw)

    def draw_plane(self) -> None:
        """The grids, their ticks, the parallelogram, and a faint outline where it starts."""
        self.ghost = self.outline(self.corners)
        # The fixed grid comes with its numbers: a plane is never on screen unnumbered.
        self.play(
            Create(self.coords), FadeIn(self.tick_labels), Create(self.moving_grid), run_time=BEAT
        )
        self.play(FadeIn(self.ghost), FadeIn(self.shape), run_time=QUICK)

    def move(self, key: str, run_time: float = BEAT * 2) -> None:
        """Move the grid and the parallelogram by the matrix ``key``."""
        self.play(
            self.moving_grid.animate.apply_matrix(self.matrices[key], about_point=self.origin),
            self.progress.animate.set_value(1.0),
            run_time=run_time,
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_parallel_sides(self) -> None:
        d = self.side_directions(self.corners)
        with self.beat(
            f"Two arrows run along the same direction d = {row_text(self.direction)}: opposite "
            "sides of a parallelogram, so they are parallel. Four matrices and a shift will move "
            "the plane; each starts again from this picture. Do the sides stay parallel?"
        ):
            self.set_up_plane(None)
            caption = style.text("Two parallel sides", size=CAPTION_SIZE, color=MUTED)
            rows = direction_rows(d, prime="")
            self.before = VGroup(caption, rows).arrange(DOWN, buff=BUFF * 1.4)
            self.place_in_column(self.before, below=self.heading)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.draw_plane()
            self.play(FadeIn(self.before), run_time=BEAT)
            self.show("d", d)
            self.wait(PAUSE)

    def caption_of(self, key: str) -> tuple[str, str]:
        """What the map ``key`` does: a sentence for the narration, a few words for the screen."""
        sx, sy = (fmt(s) for s in self.scale_factors)
        k, angle = fmt(self.shear_factor), fmt(abs(self.angle))
        turn = "anticlockwise" if self.angle >= 0 else "clockwise"
        return {
            "flip": (f"A flip in {MIRRORS[self.flip]}", f"flip in {MIRRORS[self.flip]}"),
            "scale": (f"A scaling, x by {sx} and y by {sy}", f"scale x by {sx}, y by {sy}"),
            "shear": (f"A shear, x moving by {k} times y", f"shear x by {k} times y"),
            "rotate": (f"A rotation by {angle} degrees, {turn}", f"rotate {angle}° {turn}"),
        }[key]

    def transform_part(self, key: str, name: str) -> None:
        images = self.images(key)
        directions = self.side_directions(images)
        changed = linalg.apply(self.matrices[key], self.direction)
        sentence, caption = self.caption_of(key)
        with self.beat(
            f"{sentence}: {name}. The grid moves, and the parallelogram "
            f"with it. Both sides now run along {name} d = {row_text(changed)}: still parallel."
        ):
            self.clear_screen(self.heading)
            self.set_up_plane(key)
            words = style.text(caption, size=CAPTION_SIZE, color=MUTED)
            row = named_matrix(name, self.matrices[key], INPUT)
            top = self.place_in_column(
                VGroup(words, row).arrange(DOWN, buff=BUFF * 1.2), below=self.heading
            )
            self.play(FadeIn(top), run_time=BEAT)
            self.draw_plane()
            self.move(key)
            self.shape.clear_updaters()
            rows = direction_rows(directions)
            same = tex(rf"= {name}\,d", color=HIGHLIGHT)
            same.next_to(rows, RIGHT, buff=BUFF).set_y(rows.get_y())
            verdict = style.text("still parallel", size=CAPTION_SIZE, color=RESULT)
            result = VGroup(VGroup(rows, same), verdict).arrange(DOWN, buff=BUFF * 1.4)
            self.place_in_column(result, below=top)
            self.play(FadeIn(result), run_time=BEAT)
            self.show(f"{key}_matrix", self.matrices[key])
            self.show(f"{key}_directions", directions)
            self.wait(PAUSE)

    def add_a_shift(self) -> None:
        linear = self.images("affine")
        moved = self.images("affine", self.translation)
        directions = self.side_directions(moved)
        t = row_text(self.translation)
        with self.beat(
            f"Now chain them, M = R H S F, and add a shift t = {t}: x goes to M x + t. The shift "
            "moves the origin too, so the map is affine, not linear; on (x, y, 1) it is one 3 by "
            f"3 matrix. Both sides run along M d = {row_text(directions[0])}: still parallel."
        ):
            self.clear_screen(self.heading)
            self.set_up_plane("affine", self.translation)
            rule = tex(r"x \mapsto M\,x + t", color=HIGHLIGHT)
            row = named_matrix("M = RHSF", self.matrices["affine"], INPUT)
            shift = tex("t", "=", style.fmt_vector(self.translation, "coordinate"), color=INPUT_2)
            top = VGroup(rule, row, shift).arrange(DOWN, buff=BUFF * 1.2)
            self.place_in_column(top, below=self.heading)
            self.play(FadeIn(top), run_time=BEAT)
            self.draw_plane()
            self.move("affine", run_time=BEAT * 1.5)
            origin = Dot(self.point((0, 0)), radius=0.08, color=INPUT_2).set_z_index(ARROW_LAYER)
            shift_arrow = self.arrow_or_dot(self.translation, INPUT_2, width=4)
            self.play(
                self.moving_grid.animate.shift(self.point(self.translation) - self.origin),
                self.shifting.animate.set_value(1.0),
                origin.animate.move_to(self.point(self.translation)),
                GrowArrow(shift_arrow) if isinstance(shift_arrow, Arrow) else FadeIn(shift_arrow),
                run_time=BEAT * 1.5,
            )
            self.shape.clear_updaters()
            lifted = self.homogeneous_row()
            self.place_in_column(lifted, below=rule)
            self.play(ReplacementTransform(VGroup(row, shift), lifted), run_time=BEAT)
            result = direction_rows(directions)
            same = tex(r"= M\,d", color=HIGHLIGHT)
            same.next_to(result, RIGHT, buff=BUFF).set_y(result.get_y())
            self.place_in_column(VGroup(result, same), below=lifted)
            self.play(FadeIn(result), FadeIn(same), run_time=BEAT)
            self.show("affine_matrix", self.matrices["affine"])
            self.show("homogeneous", self.homogeneous)
            self.show("affine_linear_corners", linear)
            self.show("affine_corners", moved)
            self.show("affine_directions", directions)
            self.shift_parts = VGroup(origin, shift_arrow)
            self.wait(PAUSE)

    def homogeneous_row(self) -> VGroup:
        r"""``[[M, t], [0, 1]] = [3x3 numbers]``, the shift's column in its colour."""
        shown = fitted_matrix(self.homogeneous, h_buff=0.9, v_buff=0.6, size=CAPTION_SIZE)
        for entry in shown.get_columns()[2][:2]:
            entry.set_color(INPUT_2)
        name = tex(r"\begin{bmatrix} M & t \\ 0 & 1 \end{bmatrix}", "=", size=CAPTION_SIZE)
        return VGroup(name, shown).arrange(RIGHT, buff=BUFF)

    def show_summary(self) -> None:
        directions = self.numbers["affine_directions"]
        with self.beat(
            "Flips, scalings, shears and rotations are matrices; a shift on top makes an affine "
            "map, x to M x + t. Lines stay straight, and parallel lines stay parallel: both sides "
            "move by the same M d, whatever the shift."
        ):
            kept = [
                self.heading,
                self.coords,
                self.moving_grid,
                self.tick_labels,
                self.shape,
                self.ghost,
                *self.shift_parts,
                self.curtain,
            ]
            self.clear_screen(*kept)
            rule = tex(r"x \mapsto M\,x + t", color=HIGHLIGHT)
            chain = tex(r"M = R\,H\,S\,F", color=INPUT)
            lifted = self.homogeneous_row()
            result = tex(
                r"d_1' = d_2' = M\,d = ",
                style.fmt_vector(directions[0], "coordinate"),
                size=CAPTION_SIZE,
                color=HIGHLIGHT,
            )
            summary = style.panel(
                "Parallel lines stay parallel",
                rule,
                chain,
                lifted,
                result,
                width=COLUMN_WIDTH * 0.9,
            )
            self.place_panel_low(summary, under=self.heading)
            self.play(FadeIn(summary), run_time=BEAT)
            self.show("summary_directions", tuple(directions[0]))
            self.wait(PAUSE)
            self.hold_poster()
