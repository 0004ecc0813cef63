"""MatrixTransposition: Every element flips across the main diagonal, (A^T)_ij = A_ji: rows become
columns and (m, n) becomes (n, m).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    Matrix,
    ReplacementTransform,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import caption, code, rows_of, swap_in
from scenes.style import (
    BEAT,
    BUFF,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    cell,
    fmt,
    num,
    tex,
)

#: Colours of a matrix's rows, so that the viewer can follow rows turning into columns.
ROW_COLOURS = (INPUT, INPUT_2, EIGEN_2, RESULT)


# -- formatting shared by the scenes of this section --------------------------------------


def listing(items: Sequence[str]) -> str:
    """Items as a sentence lists them: ``1, 2 and 3``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# =========================================================================================
# MatrixTransposition
# =========================================================================================


class MatrixTransposition(LessonScene):
    """Rows become columns: every element flips across the main diagonal, (A^T)_ij = A_ji."""

    A = ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0))
    followed = (0, 2)  # the element followed across the diagonal: row, column (0-based)

    def construct(self) -> None:
        self.A_T = linalg.transpose(self.A)  # every number, from lib, up front
        self.introduce_matrix()
        self.mark_main_diagonal()
        self.flip_across_diagonal()
        self.rows_become_columns()
        self.follow_one_element()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def coloured_matrix(self, values: object, *, by_columns: bool = False) -> Matrix:
        """A matrix whose rows (or columns) carry A's row colours."""
        m = style.matrix(values, h_buff=1.0, v_buff=1.0)
        groups = m.get_columns() if by_columns else m.get_rows()
        for k, group in enumerate(groups):
            group.set_color(ROW_COLOURS[k % len(ROW_COLOURS)])
        return m

    def diagonal_through(self, m: Matrix) -> Line:
        """A soft band along the main diagonal of ``m``, behind its entries (i, i)."""
        first = cell(m, 0, 0).get_center()
        step = np.array([1.0, -1.0, 0.0])  # entries sit on a square grid: one slot right, one down
        length = min(len(m.get_rows()), len(m.get_columns()))
        return Line(
            first - 0.32 * step,
            first + (length - 1 + 0.32) * step,
            color=HIGHLIGHT,
            stroke_width=34,
            stroke_opacity=0.22,
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            f"A has {m} rows and {n} columns: shape ({m}, {n}). Each row gets its own colour, "
            "so we can follow it."
        ):
            self.heading = style.title("Transposing a matrix")
            self.matrix_A = self.coloured_matrix(self.A)
            self.matrix_A.move_to(UP * 1.3)
            self.caption_A = caption("A", self.A, TEXT)
            self.caption_A.next_to(self.matrix_A, DOWN, buff=BUFF)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.matrix_A), FadeIn(self.caption_A), run_time=BEAT)
            self.show("A", rows_of(self.A))
            self.show("shape_A", (m, n))
            self.wait(PAUSE)

    def mark_main_diagonal(self) -> None:
        diagonal = [fmt(self.A[k][k], "entry") for k in range(min(np.shape(self.A)))]
        with self.beat(
            "The main diagonal runs from the top-left corner down and to the right, through "
            f"the elements whose row and column numbers match: {listing(diagonal)}."
        ):
            self.diagonal = self.diagonal_through(self.matrix_A)
            self.add(self.diagonal)
            self.bring_to_front(self.matrix_A)
            self.play(Create(self.diagonal), run_time=BEAT)
            boxes = VGroup(
                *(style.highlight_box(cell(self.matrix_A, k, k)) for k in range(len(diagonal)))
            )
            self.play(Create(boxes), run_time=QUICK)
            self.wait(PAUSE)
            self.play(FadeOut(boxes), run_time=QUICK)

    def flip_across_diagonal(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            "Transposing flips every element across that diagonal: rows become columns, and "
            f"the shape ({m}, {n}) becomes ({n}, {m})."
        ):
            flipped = self.coloured_matrix(self.A_T, by_columns=True)
            flipped.shift(
                cell(self.matrix_A, 0, 0).get_corner(DOWN + RIGHT)
                - cell(flipped, 0, 0).get_corner(DOWN + RIGHT)
            )
            caption_T = caption("A^T", self.A_T, TEXT)
            caption_T.next_to(flipped, DOWN, buff=BUFF)
            moves = [
                ReplacementTransform(
                    cell(self.matrix_A, i, j), cell(flipped, j, i), path_arc=-PI / 2
                )
                for i in range(m)
                for j in range(n)
                if i != j
            ]
            stays = [
                ReplacementTransform(cell(self.matrix_A, k, k), cell(flipped, k, k))
                for k in range(min(m, n))
            ]
            self.play(
                *moves,
                *stays,
                ReplacementTransform(self.matrix_A.get_brackets(), flipped.get_brackets()),
                ReplacementTransform(self.caption_A, caption_T),
                run_time=BEAT * 2.5,
            )
            swap_in(self, self.matrix_A, flipped)
            self.matrix_T, self.caption_T = flipped, caption_T
            self.show("A_T", rows_of(self.A_T))
            self.show("shape_A_T", linalg.shape_of(self.A_T))
            self.wait(PAUSE)

    def rows_become_columns(self) -> None:
        rows = "; ".join(
            f"row {k + 1}, " + ", ".join(fmt(v, "entry") for v in row) + f", is column {k + 1}"
            for k, row in enumerate(self.A)
        )
        with self.beat(
            f"Side by side with A, the colours tell the story: {rows} of A transpose. In numpy "
            "this is A.T."
        ):
            self.play(FadeOut(self.diagonal), run_time=QUICK)
            original = self.coloured_matrix(self.A)
            original_caption = caption("A", self.A, TEXT)
            left = VGroup(original, original_caption).arrange(DOWN, buff=BUFF)
            right = VGroup(self.matrix_T.copy(), self.caption_T.copy()).arrange(DOWN, buff=BUFF)
            arrow = Arrow(LEFT * 0.8, RIGHT * 0.8, color=MUTED, stroke_width=5)
            numpy_name = code("A.T")
            pair = VGroup(left, arrow, right).arrange(RIGHT, buff=GAP * 1.6)
            pair.move_to(UP * 0.5)
            arrow.shift(UP * (original.get_center()[1] - arrow.get_center()[1]))
            numpy_name.next_to(arrow, UP, buff=BUFF * 0.6)
            self.play(
                self.matrix_T.animate.move_to(right[0]),
                self.caption_T.animate.move_to(right[1]),
                run_time=BEAT,
            )
            self.play(FadeIn(left), GrowArrow(arrow), FadeIn(numpy_name), run_time=BEAT)
            for k, row in enumerate(original.get_rows()):
                colour = ROW_COLOURS[k % len(ROW_COLOURS)]
                boxes = VGroup(
                    style.highlight_box(row, color=colour),
                    style.highlight_box(self.matrix_T.get_columns()[k], color=colour),
                )
                self.play(Create(boxes[0]), run_time=QUICK)
                self.play(TransformFromCopy(boxes[0], boxes[1]), run_time=BEAT)
                self.wait(BEAT)
                self.play(FadeOut(boxes), run_time=QUICK)
            self.pair = VGroup(left, arrow, numpy_name)
            self.original = original
            self.wait(QUICK)

    def follow_one_element(self) -> None:
        i, j = self.followed
        value = self.A[i][j]
        with self.beat(
            f"Follow one element: row {i + 1}, column {j + 1} of A holds {fmt(value, 'entry')}; "
            f"in A transpose it sits in row {j + 1}, column {i + 1}. In general, "
            "(A transpose) i j equals A j i."
        ):
            box_A = style.highlight_box(cell(self.original, i, j))
            box_T = style.highlight_box(cell(self.matrix_T, j, i))
            rule = tex(
                rf"(A^T)_{{{j + 1}{i + 1}}}",
                "=",
                rf"A_{{{i + 1}{j + 1}}}",
                "=",
                num(value, "entry"),
            )
            rule[-1].set_color(HIGHLIGHT)
            rule.next_to(VGroup(self.pair, self.caption_T), DOWN, buff=GAP).set_x(0)
            self.play(Create(box_A), run_time=QUICK)
            self.play(TransformFromCopy(box_A, box_T), run_time=BEAT)
            self.play(Write(rule), run_time=BEAT)
            self.show("followed", float(self.A_T[j][i]))
            self.wait(PAUSE)
            self.example = VGroup(box_A, box_T, rule)

    def show_summary(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            "Every element moves from row i, column j to row j, column i: a matrix of shape "
            f"({m}, {n}) becomes ({n}, {m}), and the diagonal stays put."
        ):
            general = tex(r"(A^T)_{ij} = A_{ji}", color=HIGHLIGHT)
            shapes = tex(r"(m, n) \;\to\; (n, m)", color=MUTED)
            footer = VGroup(general, shapes).arrange(RIGHT, buff=GAP * 2)
            footer.next_to(self.example[2], DOWN, buff=GAP * 1.2)
            diagonals = VGroup(
                self.diagonal_through(self.original), self.diagonal_through(self.matrix_T)
            )
            self.add(diagonals)
            self.bring_to_front(self.original, self.matrix_T)
            self.play(FadeIn(diagonals), FadeIn(footer, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
