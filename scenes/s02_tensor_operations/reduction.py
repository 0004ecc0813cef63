"""Reduction: Summing all elements to one number, then along axis 0 (one sum per column) and axis 1
(one sum per row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Mobject,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import caption, code, rows_of
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT_2,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    fmt,
    num,
    shape_tex,
    tex,
    text,
)

#: Colours of the two reductions along an axis.
AXIS_COLOURS = (INPUT_2, RESULT)


# =========================================================================================
# Reduction
# =========================================================================================


class Reduction(LessonScene):
    """Summing all elements to one number, then along each axis, numpy's axis=0 and axis=1."""

    A = ((3.0, 1.0, 4.0), (1.0, 5.0, 9.0))

    def construct(self) -> None:
        self.total = linalg.reduce_sum(self.A)  # every number, from lib, up front
        self.column_sums = linalg.reduce_sum(self.A, axis=0)
        self.row_sums = linalg.reduce_sum(self.A, axis=1)
        self.introduce_matrix()
        self.sum_everything()
        self.sum_along_axis_0()
        self.sum_along_axis_1()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def sums_right(self) -> float:
        """Right edge of the column of row sums, right-aligned like the matrix's entries."""
        widest = max(tex(num(v, "entry")).width for v in (*self.row_sums, self.total))
        return self.matrix_A.get_right()[0] + GAP * 0.8 + widest

    def sum_tex(self, values: Sequence[float], total: float, colour: str) -> style.MathTex:
        """``v1 + v2 + ... = total`` with the total in ``colour``."""
        working = tex(" + ".join(num(v, "entry") for v in values), "=", num(total, "entry"))
        working[-1].set_color(colour)
        return working

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            f"A reduction turns many numbers into fewer. Here is A, with {m} rows and {n} "
            "columns; we will add up its elements in three ways."
        ):
            self.heading = style.title("Reduction: summing a tensor")
            self.matrix_A = style.matrix(self.A)
            self.matrix_A.move_to(LEFT * 0.9 + UP * 0.9)
            self.caption_A = caption("A", self.A, TEXT)
            self.caption_A.next_to(self.matrix_A, LEFT, buff=GAP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.matrix_A), FadeIn(self.caption_A), run_time=BEAT)
            self.show("A", rows_of(self.A))
            self.wait(PAUSE)

    def sum_everything(self) -> None:
        with self.beat(
            "Summing every element gives one number, a scalar: "
            + " plus ".join(fmt(v, "entry") for v in np.ravel(self.A))
            + f" is {fmt(self.total, 'entry')}. In numpy, A.sum()."
        ):
            box = style.highlight_box(self.matrix_A, buff=0.15)
            working = VGroup(
                code("A.sum()", HIGHLIGHT), self.sum_tex(np.ravel(self.A), self.total, HIGHLIGHT)
            ).arrange(RIGHT, buff=GAP)
            working.move_to(DOWN * 1.3)
            self.play(Create(box), run_time=QUICK)
            self.play(
                FadeIn(working[0]),
                TransformFromCopy(self.matrix_A.get_entries(), working[1][0]),
                run_time=BEAT,
            )
            self.play(Write(working[1][1:]), run_time=QUICK)
            self.show("total", self.total)
            self.wait(PAUSE)
            self.play(FadeOut(box), FadeOut(working), run_time=QUICK)

    def sum_along_axis_0(self) -> None:
        sums = ", ".join(fmt(v, "entry") for v in self.column_sums)
        shape = linalg.shape_of(self.column_sums)
        with self.beat(
            "Axis 0 is the row index, running down the matrix. Summing along axis 0 collapses "
            f"the rows: one total per column, {sums}. A.sum(axis=0) has shape "
            f"{shape_tex(shape)}."
        ):
            self.play(
                self.caption_A.animate.next_to(self.matrix_A, LEFT, buff=GAP * 2.2).shift(
                    UP * (self.matrix_A.height / 2 + GAP)
                ),
                run_time=QUICK,
            )

            def under_column(value: Mobject, column: Mobject) -> None:
                value.next_to(self.matrix_A, DOWN, buff=GAP * 0.7).align_to(column, RIGHT)

            self.column_sum_labels, self.axis_0_note = self.reduce_along(
                0, self.matrix_A.get_columns(), self.column_sums, under_column
            )
            self.axis_0_note.arrange(RIGHT, buff=GAP)
            self.axis_0_note.next_to(self.column_sum_labels, DOWN, buff=GAP * 0.8)
            self.axis_0_note.align_to(self.matrix_A, LEFT)
            self.play(FadeIn(self.axis_0_note), run_time=QUICK)
            self.show("axis_0", tuple(float(v) for v in self.column_sums))
            self.show("shape_axis_0", shape)
            self.wait(PAUSE)

    def sum_along_axis_1(self) -> None:
        sums = ", ".join(fmt(v, "entry") for v in self.row_sums)
        shape = linalg.shape_of(self.row_sums)
        with self.beat(
            "Axis 1 is the column index, running across. Summing along axis 1 collapses the "
            f"columns: one total per row, {sums}. A.sum(axis=1) has shape {shape_tex(shape)}."
        ):

            def beside_row(value: Mobject, row: Mobject) -> None:
                value.move_to([self.sums_right(), row.get_center()[1], 0], aligned_edge=RIGHT)

            self.row_sum_labels, self.axis_1_note = self.reduce_along(
                1, self.matrix_A.get_rows(), self.row_sums, beside_row
            )
            self.axis_1_note.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            self.axis_1_note.next_to(self.row_sum_labels, RIGHT, buff=GAP)
            self.axis_1_note.match_y(self.matrix_A)
            self.play(FadeIn(self.axis_1_note), run_time=QUICK)
            self.show("axis_1", tuple(float(v) for v in self.row_sums))
            self.show("shape_axis_1", shape)
            self.wait(PAUSE)

    def reduce_along(
        self,
        axis: int,
        lanes: Sequence[Mobject],
        sums: Sequence[float],
        place: Callable[[Mobject, Mobject], None],
    ) -> tuple[VGroup, VGroup]:
        """Draw the axis, collapse each lane (column or row) into its sum, placed by ``place``.

        Returns the sums on screen and the numpy note (the call and the result's shape), which
        the caller arranges and shows.
        """
        colour = AXIS_COLOURS[axis]
        corner = self.matrix_A.get_corner(UP + LEFT)
        if axis == 0:  # down the rows, left of the matrix
            start = corner + LEFT * 0.35 + UP * 0.05
            end = self.matrix_A.get_corner(DOWN + LEFT) + LEFT * 0.35 + DOWN * 0.05
        else:  # across the columns, above the matrix
            start = corner + UP * 0.35 + LEFT * 0.05
            end = self.matrix_A.get_corner(UP + RIGHT) + UP * 0.35 + RIGHT * 0.05
        arrow = Arrow(start, end, buff=0, color=colour, stroke_width=6)
        label = text(f"axis {axis}", size=CAPTION_SIZE, color=colour)
        label.next_to(arrow, LEFT if axis == 0 else UP, buff=BUFF * 0.6)
        self.play(GrowArrow(arrow), FadeIn(label), run_time=BEAT)
        values = VGroup()
        for lane, total in zip(lanes, sums, strict=True):
            box = style.highlight_box(lane, color=colour)
            value = tex(num(total, "entry"), color=colour)
            place(value, lane)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(lane, value), run_time=BEAT * 0.8)
            self.play(FadeOut(box), run_time=QUICK * 0.5)
            values.add(value)
        shape = shape_tex(linalg.shape_of(np.asarray(sums)))
        note = VGroup(code(f"A.sum(axis={axis})", colour), code(f"shape {shape}", colour))
        return values, note

    def show_summary(self) -> None:
        with self.beat(
            "Either way the totals add up to the same grand total: the column sums and the "
            f"row sums both add to {fmt(self.total, 'entry')}, which is A.sum()."
        ):
            corner = tex(num(self.total, "entry"), color=HIGHLIGHT)
            corner.move_to(
                [self.sums_right(), self.column_sum_labels.get_center()[1], 0], aligned_edge=RIGHT
            )
            check_0 = self.sum_tex(self.column_sums, self.total, HIGHLIGHT)
            check_0[0].set_color(AXIS_COLOURS[0])
            check_1 = self.sum_tex(self.row_sums, self.total, HIGHLIGHT)
            check_1[0].set_color(AXIS_COLOURS[1])
            total_code = code("A.sum()", HIGHLIGHT)
            checks = VGroup(check_0, check_1, total_code).arrange(RIGHT, buff=GAP * 1.6)
            checks.next_to(self.axis_0_note, DOWN, buff=GAP * 1.8).set_x(0)
            self.play(
                TransformFromCopy(self.column_sum_labels, check_0[0]),
                TransformFromCopy(self.row_sum_labels, check_1[0]),
                run_time=BEAT,
            )
            self.play(
                FadeIn(check_0[1:]),
                FadeIn(check_1[1:]),
                FadeIn(total_code),
                FadeIn(corner),
                run_time=BEAT,
            )
            self.settle(check_0, check_1)
            self.show("summary_total", self.total)
            self.hold_poster()
