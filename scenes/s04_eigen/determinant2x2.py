"""Determinant2x2: det A = ad - bc is the factor by which A scales areas; a negative determinant
flips the plane's orientation, and a zero one collapses the plane onto a line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    PI,
    RIGHT,
    UL,
    UR,
    Arc,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Polygon,
    ValueTracker,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Number, Rule, Vector
from scenes.s04_eigen.shared import (
    ARROW_LAYER,
    COLUMN_WIDTH,
    SPAN_LAYER,
    PlaneAndColumnScene,
)
from scenes.style import (
    BEAT,
    BUFF,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    PAUSE,
    QUICK,
    RESULT,
    factor,
    fitted_matrix,
    fmt,
    num,
    tex,
)

#: The corners of the unit square, counter-clockwise from the origin.
UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))

#: The orientation arrow turns from i-hat towards j-hat at this radius (plane units).
TURN_RADIUS = 0.55

#: Each part of the lesson: the input, its name on screen, and the colour of its square.
PARTS = (("matrix", "A", RESULT), ("flipped", "B", INPUT_2), ("flattened", "C", ERROR))


def _scale(values: Any) -> float:
    return max(1.0, float(np.max(np.abs(np.asarray(values, dtype=float)))))


def is_zero(det: float, values: Any) -> bool:
    """Whether ``det`` of the 2x2 ``values`` is zero up to rounding (relative to its entries)."""
    return abs(det) <= 1e-9 * _scale(values) ** 2


def _shows(det: float) -> bool:
    return fmt(det) != "0"


def _det(inputs: Mapping[str, Any], name: str) -> float:
    return linalg.determinant(inputs[name])


POSITIVE = Rule(
    "must have a positive determinant, not too small to show (at least 0.005)",
    ("matrix",),
    lambda inputs: _det(inputs, "matrix") > 0 and _shows(_det(inputs, "matrix")),
)
NEGATIVE = Rule(
    "must have a negative determinant, not too small to show (at most -0.005)",
    ("flipped",),
    lambda inputs: _det(inputs, "flipped") < 0 and _shows(_det(inputs, "flipped")),
)


def parallel_columns(column: Sequence[float], multiple: float) -> tuple[tuple[float, ...], ...]:
    """The 2x2 matrix whose first column is ``column`` and second ``multiple`` times it."""
    second = linalg.scale(column, multiple)
    return tuple((float(a), float(b)) for a, b in zip(column, second, strict=True))


def det_formula(name: str, values: Sequence[Sequence[float]], det: float) -> VGroup:
    r"""``det A = ad - bc`` over ``= a.d - b.c = det``, its parts ready to write in turn."""
    (a, b), (c, d) = values
    symbolic = tex(rf"\det {name}", "=", "a d - b c")
    numbers = tex(
        "=",
        rf"{factor(a)} \cdot {factor(d)} - {factor(b)} \cdot {factor(c)}",
        "=",
        num(det),
    )
    numbers[-1].set_color(HIGHLIGHT)
    numbers.next_to(symbolic, DOWN, buff=BUFF * 1.2).align_to(symbolic[1], LEFT)
    return VGroup(symbolic, numbers)


def is_inside(point: Sequence[float], corners: Sequence[Sequence[float]], margin: float) -> bool:
    """Whether ``point`` lies inside the convex polygon ``corners``, ``margin`` from its sides."""
    sides = []
    for start, end in zip(corners, [*corners[1:], corners[0]], strict=True):
        edge = np.subtract(end, start)
        length = float(np.hypot(*edge))
        if length == 0:
            continue
        offset = np.subtract(point, start)
        sides.append(float(edge[0] * offset[1] - edge[1] * offset[0]) / length)
    return bool(sides) and (all(d >= margin for d in sides) or all(d <= -margin for d in sides))


def _exact_entries(inputs: Mapping[str, Any]) -> bool:
    flat = parallel_columns(inputs["flattened_column"], inputs["flattened_multiple"])
    return all(abs(v - round(v, 2)) < 1e-9 for row in flat for v in row)


EXACT_ENTRIES = Rule(
    "must give C entries of at most 2 decimals (e.g. one decimal each), so ad - bc reads as 0",
    ("flattened_column", "flattened_multiple"),
    _exact_entries,
)


class Determinant2x2(PlaneAndColumnScene):
    """The unit square under three matrices: area scaled by det, flipped, flattened."""

    matrix = ((3.0, 1.0), (1.0, 2.0))  # det 5: areas grow five-fold
    flipped = ((1.0, 2.0), (2.0, 1.0))  # det -3: the plane turns over
    flattened_column = (2.0, 1.0)  # C's first column; its second is a multiple of it,
    flattened_multiple = 0.5  # so det C = 0
    domain = Domain(
        matrix=Matrix(2, 2, -4, 4),
        flipped=Matrix(2, 2, -4, 4),
        flattened_column=Vector(2, -3, 3, places=1, nonzero=True),
        flattened_multiple=Number(-2, 2, places=1),
        rules=(POSITIVE, NEGATIVE, EXACT_ENTRIES),
    )

    def construct(self) -> None:
        self.flattened = parallel_columns(self.flattened_column, self.flattened_multiple)
        self.dets = {key: linalg.determinant(getattr(self, key)) for key, _, _ in PARTS}
        self.images = {
            key: [tuple(float(c) for c in p) for p in linalg.apply(getattr(self, key), UNIT_SQUARE)]
            for key, _, _ in PARTS
        }
        self.heading = self.place_in_column(style.title("Determinant"))
        self.introduce_formula()
        self.scale_the_unit_square()
        self.flip_orientation()
        self.collapse_to_a_line()
        self.show_summary()

    # -- the picture --------------------------------------------------------------------

    def area_label(self, corners: Sequence[Sequence[float]], area: float, colour: str) -> VGroup:
        """``area`` at the middle of the square's image, if it fits inside it; else nothing."""
        label = tex(num(area), color=colour).set_z_index(ARROW_LAYER)
        middle = np.mean(np.asarray(corners, dtype=float), axis=0)
        label.move_to(self.point(middle))
        box = [label.get_corner(c) for c in (UL, UR, DL, DR)]
        points = [(p - self.origin)[:2] / self.unit for p in box]
        inside = all(is_inside(point, corners, margin=0.1 / self.unit) for point in points)
        return VGroup(label) if inside and not is_zero(area, corners) else VGroup()

    def set_up_plane(self, key: str) -> None:
        """A plane for one matrix: the unit square, i-hat, j-hat, their images, the turn."""
        values = getattr(self, key)
        corners = self.images[key]
        colour = next(c for k, _, c in PARTS if k == key)
        self.layout_plane([*UNIT_SQUARE[1:], *corners[1:]])
        # The flip's turn arrow sits inside the square: there the areas stay in the column.
        self.area_before, self.area_after = VGroup(), VGroup()
        if key != "flipped":
            self.area_before = self.area_label(UNIT_SQUARE, 1.0, HIGHLIGHT)
            self.area_after = self.area_label(corners, abs(self.dets[key]), style.TEXT)
        taken = [*self.area_before, *self.area_after]
        i_image = self.place_label(r"\hat\imath", INPUT, corners[1], corners[1], taken)
        j_image = self.place_label(
            r"\hat\jmath", INPUT_2, corners[3], corners[3], [*taken, i_image]
        )
        i_label = self.place_label(r"\hat\imath", INPUT, (1, 0), (0.3, -1), taken)
        j_label = self.place_label(r"\hat\jmath", INPUT_2, (0, 1), (-1, 0.3), [*taken, i_label])
        self.labels = VGroup(i_label, j_label)
        self.image_labels = VGroup(i_image, j_image)
        self.build_planes(avoid=[*taken, *self.labels, *self.image_labels], matrix=values)
        self.progress = ValueTracker(0.0)
        self.i_arrow = self.following_arrow((1, 0), corners[1], self.progress, INPUT)
        self.j_arrow = self.following_arrow((0, 1), corners[3], self.progress, INPUT_2)
        self.square = Polygon(
            *(self.point(c) for c in UNIT_SQUARE),
            stroke_color=HIGHLIGHT,
            stroke_width=3,
            fill_color=HIGHLIGHT,
            fill_opacity=0.3,
        ).set_z_index(SPAN_LAYER)
        self.square_colour = colour
        self.turn = Arc(
            radius=TURN_RADIUS * self.unit,
            start_angle=0.15,
            angle=PI / 2 - 0.3,
            arc_center=self.origin,
            color=HIGHLIGHT,
            stroke_width=5,
        )
        self.turn.add_tip(tip_length=0.18, tip_width=0.18)
        self.turn.set_z_index(ARROW_LAYER)
        self.add(self.build_curtain())

    def transform(self, key: str) -> None:
        """Move the grid, the square, its turn and the basis vectors by the matrix ``key``."""
        values = getattr(self, key)
        turning = [self.turn] if self.turn in self.mobjects else []
        self.play(
            FadeOut(self.labels),
            FadeOut(self.area_before),
            self.moving_grid.animate.apply_matrix(values, about_point=self.origin),
            self.square.animate.apply_matrix(values, about_point=self.origin).set_fill(
                self.square_colour
            ),
            *(m.animate.apply_matrix(values, about_point=self.origin) for m in turning),
            self.progress.animate.set_value(1.0),
            run_time=BEAT * 3,
        )
        self.i_arrow.clear_updaters()
        self.j_arrow.clear_updaters()
        self.play(FadeIn(self.image_labels), FadeIn(self.area_after), run_time=QUICK)

    def draw_plane(self) -> None:
        self.play(
            Create(self.coords), FadeIn(self.tick_labels), Create(self.moving_grid), run_time=BEAT
        )
        self.play(
            FadeIn(self.square),
            GrowArrow(self.i_arrow),
            GrowArrow(self.j_arrow),
            FadeIn(self.labels),
            FadeIn(self.area_before),
            run_time=BEAT,
        )

    def matrix_row(self, key: str, name: str, colour: str) -> VGroup:
        shown = fitted_matrix(getattr(self, key), h_buff=0.9, v_buff=0.7, color=colour)
        return VGroup(tex(name, "=", color=colour), shown).arrange(RIGHT, buff=BUFF)

    def clear_part(self) -> None:
        self.clear_screen(self.heading)

    # -- beats --------------------------------------------------------------------------

    def introduce_formula(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        det = self.dets["matrix"]
        with self.beat(
            f"The determinant of a 2 by 2 matrix is ad minus bc. For A, with rows ({a}, {b}) "
            f"and ({c}, {d}), that is {a} times {d} minus {b} times {c}: {fmt(det)}."
        ):
            self.set_up_plane("matrix")
            self.a_row = self.place_in_column(
                self.matrix_row("matrix", "A", RESULT), below=self.heading
            )
            self.formula = self.place_in_column(
                det_formula("A", self.matrix, det), below=self.a_row
            )
            self.play(FadeIn(self.heading), Write(self.a_row), run_time=BEAT)
            self.play(Write(self.formula[0]), run_time=BEAT)
            self.play(Write(self.formula[1]), run_time=BEAT)
            self.show("det_A", det)
            self.wait(PAUSE)

    def scale_the_unit_square(self) -> None:
        det = self.dets["matrix"]
        with self.beat(
            "What does the number mean? Take the unit square between i-hat and j-hat, area 1. "
            f"A moves the plane, and the square becomes a parallelogram of area {fmt(det)}: "
            "A scales every area by det A."
        ):
            self.draw_plane()
            before = self.place_in_column(
                tex(r"\text{area} = 1", color=HIGHLIGHT), below=self.formula
            )
            self.play(FadeIn(before), run_time=QUICK)
            self.wait(QUICK)
            self.transform("matrix")
            after = self.place_in_column(
                tex(r"\text{area} = 1 \times \det A = ", num(det), color=RESULT),
                below=self.formula,
            )
            self.play(FadeOut(before), FadeIn(after), run_time=BEAT)
            self.show("area_A", abs(det))
            self.wait(PAUSE * 2)

    def flip_orientation(self) -> None:
        det = self.dets["flipped"]
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.flipped)
        with self.beat(
            f"Now B, with rows ({a}, {b}) and ({c}, {d}): det B = {fmt(det)}, negative. Turning "
            "from i-hat to j-hat went counter-clockwise; after B it goes clockwise. The plane "
            f"is flipped over, and areas scale by {fmt(abs(det))}."
        ):
            self.clear_part()
            self.set_up_plane("flipped")
            row = self.place_in_column(self.matrix_row("flipped", "B", INPUT_2), below=self.heading)
            formula = self.place_in_column(det_formula("B", self.flipped, det), below=row)
            self.play(FadeIn(row), FadeIn(formula), run_time=BEAT)
            self.draw_plane()
            self.play(Create(self.turn), run_time=BEAT)
            before = self.place_in_column(
                style.text("counter-clockwise", size=LABEL_SIZE + 4, color=HIGHLIGHT),
                below=formula,
            )
            self.play(FadeIn(before), run_time=QUICK)
            self.transform("flipped")
            area = tex(r"\text{area} = |\det B| = ", num(abs(det)), color=INPUT_2)
            turn = style.text("clockwise: flipped", size=LABEL_SIZE + 4, color=HIGHLIGHT)
            after = self.place_in_column(
                VGroup(turn, area).arrange(DOWN, buff=BUFF * 1.4), below=formula
            )
            self.play(FadeOut(before), FadeIn(after), run_time=BEAT)
            self.show("det_B", det)
            self.show("area_B", abs(det))
            self.wait(PAUSE * 2)

    def collapse_to_a_line(self) -> None:
        det = self.dets["flattened"]
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.flattened)
        with self.beat(
            f"Last, C, with rows ({a}, {b}) and ({c}, {d}): its second column is "
            f"{fmt(self.flattened_multiple)} times its first, and det C = {fmt(det)}. C squashes "
            "the whole plane onto a line, and the square onto a segment of area 0."
        ):
            self.clear_part()
            self.set_up_plane("flattened")
            row = self.place_in_column(self.matrix_row("flattened", "C", ERROR), below=self.heading)
            formula = self.place_in_column(det_formula("C", self.flattened, det), below=row)
            self.play(FadeIn(row), FadeIn(formula), run_time=BEAT)
            self.draw_plane()
            self.transform("flattened")
            after = self.place_in_column(
                tex(r"\text{area} = ", num(det), color=ERROR), below=formula
            )
            self.play(FadeIn(after), run_time=BEAT)
            self.show("det_C", det)
            self.show("area_C", abs(det))
            self.wait(PAUSE * 2)

    def show_summary(self) -> None:
        det_a, det_b, det_c = (self.dets[key] for key, _, _ in PARTS)
        with self.beat(
            f"det = ad - bc is the factor by which a matrix scales areas: {fmt(det_a)} for A. "
            f"Its sign tells orientation: B, at {fmt(det_b)}, flips the plane. And det 0, as "
            "for C, collapses the plane onto a line."
        ):
            self.clear_part()
            self.set_up_plane("matrix")
            self.moving_grid.apply_matrix(self.matrix, about_point=self.origin)
            self.square.apply_matrix(self.matrix, about_point=self.origin).set_fill(RESULT)
            self.progress.set_value(1.0)
            ghost = Polygon(
                *(self.point(c) for c in UNIT_SQUARE), stroke_color=HIGHLIGHT, stroke_width=2
            ).set_z_index(SPAN_LAYER)
            rows = VGroup(
                *(
                    tex(rf"\det {name} = {num(self.dets[key])}", color=colour)
                    for key, name, colour in PARTS
                )
            )
            notes = ("areas scale", "orientation flips", "plane onto a line")
            captions = VGroup(
                *(
                    style.text(note, size=LABEL_SIZE, color=colour)
                    for note, (_, _, colour) in zip(notes, PARTS, strict=True)
                )
            )
            table = VGroup(*(VGroup(r, c) for r, c in zip(rows, captions, strict=True)))
            grid = VGroup(*[m for pair in table for m in pair]).arrange_in_grid(
                rows=3, cols=2, buff=(GAP, BUFF * 1.4), col_alignments="ll"
            )
            rule = tex(r"\det \begin{bmatrix} a & b \\ c & d \end{bmatrix} = ad - bc")
            summary = style.panel("Area scale factor", rule, grid, width=COLUMN_WIDTH * 0.9)
            self.place_panel_low(summary, under=self.heading)
            self.play(
                FadeIn(self.coords),
                FadeIn(self.moving_grid),
                FadeIn(self.tick_labels),
                FadeIn(ghost),
                FadeIn(self.square),
                FadeIn(self.i_arrow),
                FadeIn(self.j_arrow),
                FadeIn(self.image_labels),
                FadeIn(self.area_after),
                run_time=BEAT,
            )
            self.play(FadeIn(summary), run_time=BEAT)
            self.show("summary", (det_a, det_b, det_c))
            self.wait(PAUSE * 2)
            self.hold_poster()
