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
    Mobject,
    ReplacementTransform,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import inputs, style
from scenes.inputs import Domain, Rule, Vector
from scenes.s02_tensor_operations.shared import caption, code, counted, rows_of, swap_in
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_WIDTH,
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
    domain = Domain(
        A=inputs.Matrix((1, 4), (1, 4), -9.99, 9.99),
        followed=Vector(2, 0, 3, integer=True),
        rules=(
            Rule(
                "must name a cell of A: (row, column), each counted from 0",
                ("followed", "A"),
                lambda v: all(
                    0 <= k < size
                    for k, size in zip(v["followed"], linalg.shape_of(v["A"]), strict=True)
                ),
            ),
        ),
    )

    def construct(self) -> None:
        self.A_T = linalg.transpose(self.A)  # every number, from lib, up front
        self.shape = linalg.shape_of(self.A)
        self.heading = style.title("Transposing a matrix")
        self.choose_size()
        self.introduce_matrix()
        self.mark_main_diagonal()
        self.flip_across_diagonal()
        self.rows_become_columns()
        self.follow_one_element()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def coloured_matrix(self, values: object, *, by_columns: bool = False) -> Matrix:
        """A matrix whose rows (or columns) carry A's row colours, its entries on a square grid."""
        m = style.matrix(values, size=BODY_SIZE * self.size, h_buff=self.pitch, v_buff=self.pitch)
        groups = m.get_columns() if by_columns else m.get_rows()
        for k, group in enumerate(groups):
            group.set_color(ROW_COLOURS[k % len(ROW_COLOURS)])
        return m

    def diagonal_through(self, m: Matrix) -> Line:
        """A soft band along the main diagonal of ``m``, behind its entries (i, i)."""
        first = cell(m, 0, 0).get_center()
        step = self.pitch * np.array([1.0, -1.0, 0.0])  # one slot right, one slot down
        length = min(len(m.get_rows()), len(m.get_columns()))
        return Line(
            first - 0.32 * step,
            first + (length - 1 + 0.32) * step,
            color=HIGHLIGHT,
            stroke_width=34 * self.size,
            stroke_opacity=0.22,
        )

    def room(self) -> tuple[float, float]:
        """The top and the bottom of the space under the heading."""
        return self.heading.get_bottom()[1] - GAP, -config.frame_height / 2 + MARGIN

    def side_by_side(self) -> VGroup:
        """A and A^T with their shapes, an arrow and numpy's name between: the closing pair."""
        left = VGroup(self.coloured_matrix(self.A), caption("A", self.A, TEXT))
        right = VGroup(
            self.coloured_matrix(self.A_T, by_columns=True), caption("A^T", self.A_T, TEXT)
        )
        for group in (left, right):
            group.arrange(DOWN, buff=BUFF)
        arrow = Arrow(LEFT * 0.8, RIGHT * 0.8, color=MUTED, stroke_width=5)
        pair = VGroup(left, arrow, right).arrange(RIGHT, buff=GAP * 1.6)
        pair.move_to(UP * 0.5)
        pair.align_to([0, min(pair.get_top()[1], self.room()[0]), 0], UP)
        arrow.match_y(left[0])
        numpy_name = code("A.T")
        numpy_name.next_to(arrow, UP, buff=BUFF * 0.6)
        return VGroup(left, arrow, right, numpy_name)

    def element_rule(self, below: VGroup) -> style.MathTex:
        """(A^T)_ji = A_ij = value for the followed element, under ``below``, centred (with
        the closing rule when that goes beside it)."""
        i, j = (int(k) for k in self.followed)
        rule = tex(
            rf"(A^T)_{{{j + 1}{i + 1}}}",
            "=",
            rf"A_{{{i + 1}{j + 1}}}",
            "=",
            num(self.A[i][j], "entry"),
        )
        rule[-1].set_color(HIGHLIGHT)
        rule.next_to(below, DOWN, buff=GAP).set_x(0)
        if self.footer_beside:
            rule.shift(LEFT * (self.closing_rule().width + GAP * 2) / 2)
        return rule

    def closing_rule(self) -> VGroup:
        """(A^T)_ij = A_ji, and what it does to shapes."""
        general = tex(r"(A^T)_{ij} = A_{ji}", color=HIGHLIGHT)
        shapes = tex(r"(m, n) \;\to\; (n, m)", color=MUTED)
        return VGroup(general, shapes).arrange(RIGHT, buff=GAP * 2)

    def footer(self, rule: Mobject) -> VGroup:
        """The closing rule under the element's ``rule``, or beside it when the matrices need
        the room."""
        footer = self.closing_rule()
        if self.footer_beside:
            return footer.next_to(rule, RIGHT, buff=GAP * 2)
        return footer.next_to(rule, DOWN, buff=GAP * 1.2)

    def choose_size(self) -> None:
        """The entries' size and spacing, and where the closing rule goes.

        Long entries widen the grid; many rows and columns shrink it, never below the
        smallest text size. The closing rule goes under the element's rule, or beside it when
        that leaves the matrices larger. Matrices scale with the size; formulas do not.
        """
        widest = max(tex(fmt(v, "entry")).width for v in np.ravel(self.A))
        self.size, self.pitch, self.footer_beside = 1.0, max(1.0, widest + 0.3), False
        left, arrow, right, _ = self.side_by_side()
        rule = self.element_rule(VGroup(left, right))
        footer = self.footer(rule)
        top, bottom = self.room()
        matrices = [group[0] for group in (left, right)]
        captions = [group[1] for group in (left, right)]
        under = BUFF + max(c.height for c in captions)  # from a matrix's bottom to the rule's gap

        def largest_size(below: float) -> float:
            size = 1.0
            while size > LABEL_SIZE / BODY_SIZE:
                width = sum(
                    max(m.width * size, c.width) for m, c in zip(matrices, captions, strict=True)
                )
                height = max(m.height for m in matrices) * size + under
                wide = width + arrow.width + 2 * GAP * 1.6
                if wide <= SAFE_WIDTH and min(0.5 + height / 2, top) - height - below >= bottom:
                    return size
                size -= 0.02
            return LABEL_SIZE / BODY_SIZE

        stacked = largest_size(GAP + rule.height + GAP * 1.2 + footer.height)
        beside = largest_size(GAP + max(rule.height, footer.height))
        self.footer_beside = beside > stacked
        self.size = max(stacked, beside)
        self.pitch *= self.size

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = self.shape
        with self.beat(
            f"A has {counted(m, 'row')} and {counted(n, 'column')}: shape ({m}, {n})."
            + (" Each row gets its own colour, so we can follow it." if m > 1 else "")
        ):
            self.matrix_A = self.coloured_matrix(self.A)
            self.matrix_A.move_to(UP * 1.3)
            top = self.room()[0]
            if self.matrix_A.get_top()[1] > top:
                self.matrix_A.align_to([0, top, 0], UP)
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
            + ("the elements" if len(diagonal) > 1 else "the one element")
            + f" whose row and column numbers match: {listing(diagonal)}."
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
        m, n = self.shape
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
            left, arrow, right, numpy_name = self.side_by_side()
            original = left[0]
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
        i, j = (int(k) for k in self.followed)
        value = self.A[i][j]
        with self.beat(
            f"Follow one element: row {i + 1}, column {j + 1} of A holds {fmt(value, 'entry')}; "
            f"in A transpose it sits in row {j + 1}, column {i + 1}. In general, "
            "(A transpose) i j equals A j i."
        ):
            box_A = style.highlight_box(cell(self.original, i, j))
            box_T = style.highlight_box(cell(self.matrix_T, j, i))
            rule = self.element_rule(VGroup(self.pair, self.caption_T))
            self.play(Create(box_A), run_time=QUICK)
            self.play(TransformFromCopy(box_A, box_T), run_time=BEAT)
            self.play(Write(rule), run_time=BEAT)
            self.show("followed", float(self.A_T[j][i]))
            self.wait(PAUSE)
            self.example = VGroup(box_A, box_T, rule)

    def show_summary(self) -> None:
        m, n = self.shape
        with self.beat(
            "Every element moves from row i, column j to row j, column i: a matrix of shape "
            f"({m}, {n}) becomes ({n}, {m}), and the diagonal stays put."
        ):
            footer = self.footer(self.example[2])
            diagonals = VGroup(
                self.diagonal_through(self.original), self.diagonal_through(self.matrix_T)
            )
            self.add(diagonals)
            self.bring_to_front(self.original, self.matrix_T)
            self.play(FadeIn(diagonals), FadeIn(footer, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
