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
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix
from scenes.s02_tensor_operations.shared import (
    SMALLEST_SCALE,
    caption,
    code,
    counted,
    rows_of,
    shrink_to_fit,
    spaced_matrix,
)
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT_2,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_WIDTH,
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
    domain = Domain(A=Matrix((1, 4), (1, 4), -9.99, 9.99))

    def construct(self) -> None:
        self.total = linalg.reduce_sum(self.A)  # every number, from lib, up front
        self.column_sums = linalg.reduce_sum(self.A, axis=0)
        self.row_sums = linalg.reduce_sum(self.A, axis=1)
        self.heading = style.title("Reduction: summing a tensor")
        self.lay_out()
        self.introduce_matrix()
        self.sum_everything()
        self.sum_along_axis_0()
        self.sum_along_axis_1()
        self.show_summary()

    # -- layout -------------------------------------------------------------------------

    def lay_out(self) -> None:
        """A's size and place, and where the numpy note of axis 0 goes.

        The note goes under the column sums, or, when the matrix is tall, beside them (past
        the grand total's corner), so that the matrix can stay large.
        """
        self.matrix_A = spaced_matrix(self.A, fits=self.column_sums)
        label = text("axis 1", size=CAPTION_SIZE)
        self.top = self.heading.get_bottom()[1] - GAP * 0.4 - label.height - BUFF * 0.6 - 0.35
        self.bottom = -config.frame_height / 2 + MARGIN
        line, note = tex("0").height, code("A.sum()").height
        checks = self.checks()
        under = GAP * 0.7 + line + GAP * 0.8 + note + GAP * 1.8 + checks.height
        beside = GAP * 0.7 + max(line, 2 * note + BUFF) / 2 + line / 2 + GAP * 1.8
        beside += checks.height
        height = self.matrix_A.height
        self.note_beside = min(0.9 + height / 2, self.top) - height - under < self.bottom
        room = self.top - self.bottom - (beside if self.note_beside else under) - 0.2
        if height > room:
            self.matrix_A.scale(max(SMALLEST_SCALE, room / height))
        self.matrix_A.move_to(LEFT * 0.9 + UP * 0.9)
        if self.matrix_A.get_top()[1] > self.top:
            self.matrix_A.align_to([0, self.top, 0], UP)

    def entry(self, value: float, colour: str = TEXT) -> style.MathTex:
        """A number set like A's entries (the same size)."""
        size = self.matrix_A.get_entries()[0].font_size
        return tex(num(value, "entry"), size=size, color=colour)

    def sums_right(self) -> float:
        """Right edge of the column of row sums, right-aligned like the matrix's entries."""
        widest = max(self.entry(v).width for v in (*self.row_sums, self.total))
        return self.matrix_A.get_right()[0] + GAP * 0.8 + widest

    def sum_tex(
        self, values: Sequence[float], total: float | None, colour: str = HIGHLIGHT
    ) -> style.MathTex:
        """``v1 + v2 + ... = total``, one part per term and sign, the total in ``colour``;
        without a total, ``v1 + v2 + ... +`` (a line that the next one continues)."""
        parts = [part for v in values for part in ("+", num(v, "entry"))][1:]
        parts += ["+"] if total is None else ["=", num(total, "entry")]
        working = tex(*parts)
        if total is not None:
            working[-1].set_color(colour)
        return working

    def sum_of_all(self) -> tuple[VGroup, VGroup]:
        """Every entry added up, with numpy's call before it: on one line, or, when that is
        too long, a few of A's rows to a line. Returns the whole and its terms."""
        rows = [list(row) for row in np.atleast_2d(self.A)]
        height = self.matrix_A.get_bottom()[1] - GAP - self.bottom
        for per_line in range(len(rows), 0, -1):
            chunks = [rows[k : k + per_line] for k in range(0, len(rows), per_line)]
            lines = VGroup()
            for k, chunk in enumerate(chunks):
                last = k == len(chunks) - 1
                values = [value for row in chunk for value in row]
                lines.add(self.sum_tex(values, self.total if last else None))
            typed = code("A.sum()", HIGHLIGHT)
            working = VGroup(typed, lines)

            def arrange(lines: VGroup = lines, working: VGroup = working) -> VGroup:
                lines.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
                working.arrange(RIGHT, buff=GAP)
                working[0].match_y(lines[0])
                return working

            fits = shrink_to_fit(list(lines), arrange, SAFE_WIDTH, height)
            if fits or per_line == 1:
                counts = [sum(len(row) for row in chunk) for chunk in chunks]
                terms = VGroup(
                    *(
                        term
                        for line, n in zip(lines, counts, strict=True)
                        for term in line[: 2 * n : 2]
                    )
                )
                return working, terms
        raise AssertionError("unreachable")

    def checks(self) -> VGroup:
        """The column sums and the row sums each adding to the total, and A.sum(): in a row,
        or the two sums stacked when a row is too wide."""
        check_0 = self.sum_tex(self.column_sums, self.total)
        check_0[:-2].set_color(AXIS_COLOURS[0])
        check_1 = self.sum_tex(self.row_sums, self.total)
        check_1[:-2].set_color(AXIS_COLOURS[1])
        total_code = code("A.sum()", HIGHLIGHT)
        checks = VGroup(check_0, check_1, total_code).arrange(RIGHT, buff=GAP * 1.6)
        if checks.width > SAFE_WIDTH:
            sums = VGroup(check_0, check_1).arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.5)
            total_code.next_to(sums, RIGHT, buff=GAP * 1.6)
            shrink_to_fit(
                [check_0, check_1],
                lambda: VGroup(
                    sums.arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.5),
                    total_code.next_to(sums, RIGHT, buff=GAP * 1.6),
                ),
                SAFE_WIDTH,
                config.frame_height,
            )
        return checks

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            f"A reduction turns many numbers into fewer. Here is A, with {counted(m, 'row')} "
            f"and {counted(n, 'column')}; we will add up its elements in three ways."
        ):
            self.caption_A = caption("A", self.A, TEXT)
            self.caption_A.next_to(self.matrix_A, LEFT, buff=GAP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.matrix_A), FadeIn(self.caption_A), run_time=BEAT)
            self.show("A", rows_of(self.A))
            self.wait(PAUSE)

    def sum_everything(self) -> None:
        entries = [fmt(v, "entry") for v in np.ravel(self.A)]
        added = (
            " plus ".join(entries)
            if len(entries) <= 6
            else f"its {len(entries)} elements, {entries[0]} plus {entries[1]} and so on,"
        )
        with self.beat(
            f"Summing every element gives one number, a scalar: {added} is "
            f"{fmt(self.total, 'entry')}. In numpy, A.sum()."
        ):
            box = style.highlight_box(self.matrix_A, buff=0.15)
            working, terms = self.sum_of_all()
            working.move_to(DOWN * 1.3)
            if working.get_top()[1] > self.matrix_A.get_bottom()[1] - GAP:
                working.next_to(self.matrix_A, DOWN, buff=GAP).set_x(0)
            self.play(Create(box), run_time=QUICK)
            self.play(
                FadeIn(working[0]),
                *(
                    TransformFromCopy(entry, term)
                    for entry, term in zip(self.matrix_A.get_entries(), terms, strict=True)
                ),
                *(FadeIn(sign) for line in working[1] for sign in line[1:-2:2]),
                *(FadeIn(line[-1]) for line in working[1][:-1]),
                run_time=BEAT,
            )
            self.play(Write(working[1][-1][-2:]), run_time=QUICK)
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
            if self.note_beside:  # past the corner where the grand total will go
                self.axis_0_note.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
                self.axis_0_note.move_to(
                    [self.sums_right() + GAP, self.column_sum_labels.get_center()[1], 0],
                    aligned_edge=LEFT,
                )
            else:
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
            value = self.entry(total, colour)
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
            corner = self.entry(self.total, HIGHLIGHT)
            corner.move_to(
                [self.sums_right(), self.column_sum_labels.get_center()[1], 0], aligned_edge=RIGHT
            )
            checks = self.checks()
            check_0, check_1, total_code = checks
            above = VGroup(self.column_sum_labels, self.axis_0_note)
            checks.next_to(above, DOWN, buff=GAP * 1.8).set_x(0)
            self.play(
                *(
                    TransformFromCopy(label, term)
                    for labels, check in (
                        (self.column_sum_labels, check_0),
                        (self.row_sum_labels, check_1),
                    )
                    for label, term in zip(labels, check[0:-2:2], strict=True)
                ),
                *(FadeIn(sign) for check in (check_0, check_1) for sign in check[1:-2:2]),
                run_time=BEAT,
            )
            self.play(
                FadeIn(check_0[-2:]),
                FadeIn(check_1[-2:]),
                FadeIn(total_code),
                FadeIn(corner),
                run_time=BEAT,
            )
            self.settle(check_0, check_1)
            self.show("summary_total", self.total)
            self.hold_poster()
