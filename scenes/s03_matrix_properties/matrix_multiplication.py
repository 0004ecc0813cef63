"""MatrixMultiplication: Each cell of AB is a row of A times a column of B; shapes (m,n)(n,p) give
(m,p), and a mismatch is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Cross,
    FadeIn,
    FadeOut,
    Indicate,
    Matrix,
    Transform,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from lib.errors import ShapeError
from scenes import style
from scenes.style import (
    BEAT,
    BUFF,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    factor,
    fmt,
    num,
    shape_tex,
    tex,
    text,
)

#: How many cells are worked slowly, pair by pair, before the rest go quickly.
DETAILED_CELLS = 2


class MatrixMultiplication(LessonScene):
    """Row times column, cell by cell; matrix times vector; the shape rule; a refused pair."""

    A = ((2.0, -1.0), (0.0, 3.0), (1.0, 4.0))  # 3 x 2
    B = ((1.0, 2.0), (-3.0, 1.0))  # 2 x 2
    x = (2.0, -1.0)  # the vector of the matrix-vector product
    mismatch = ("B", "A")  # the pair whose shapes do not fit, by name

    def construct(self) -> None:
        self.C, self.steps = linalg.matmul_steps(self.A, self.B)  # every number, from lib
        self.y, self.vector_steps = linalg.matmul_steps(self.A, self.x)
        self.introduce_matrices()
        self.work_first_cells()
        self.fill_remaining_cells()
        self.multiply_matrix_by_vector()
        self.state_shape_rule()
        self.refuse_mismatched_shapes()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def product_row(
        self, left: Matrix, right: Matrix, result: Matrix, names: Sequence[str]
    ) -> VGroup:
        """``left right = result`` with each matrix named and sized underneath."""
        equals = tex("=")
        row = VGroup(left, right, equals, result).arrange(RIGHT, buff=GAP * 0.7)
        captions = VGroup()
        for matrix, name, colour in zip(
            (left, right, result), names, (INPUT, INPUT_2, RESULT), strict=True
        ):
            shape = linalg.shape_of(self.values_of(name))
            caption = tex(name, r"\;", shape_tex(shape), size=LABEL_SIZE + 4, color=colour)
            caption.next_to(matrix, DOWN, buff=BUFF)
            captions.add(caption)
        group = VGroup(row, captions)
        group.move_to(UP * 1.2)
        return group

    def values_of(self, name: str) -> np.ndarray:
        """The matrix or vector a name on screen stands for."""
        return np.asarray({"A": self.A, "B": self.B, "C": self.C, "x": self.x, "y": self.y}[name])

    def hidden_result(self, values: np.ndarray) -> Matrix:
        """The result matrix with its brackets drawn and its cells still empty."""
        return style.hide_entries(
            style.matrix(np.atleast_2d(values).reshape(len(values), -1), color=RESULT)
        )

    def cell_working(
        self, name: str, step: linalg.MatmulStep, vector: bool = False
    ) -> style.MathTex:
        """``c_{ij} = a*b + a*b = p + p = total``, split so each factor can fly in."""
        index = f"{step.i + 1}" if vector else f"{step.i + 1}{step.j + 1}"
        parts = [f"{name}_{{{index}}}", "="]
        for k, (a, b) in enumerate(zip(step.row, step.column, strict=True)):
            if k:
                parts.append("+")
            parts += [factor(a), r"\cdot", factor(b)]
        parts += [
            "=",
            " + ".join(num(p, "entry") for p in step.products),
            "=",
            num(step.total, "entry"),
        ]
        working = tex(*parts)
        working[0].set_color(RESULT)
        working[-1].set_color(RESULT)
        return working

    def work_cell(
        self,
        step: linalg.MatmulStep,
        left: Matrix,
        right: Matrix,
        result: Matrix,
        name: str,
        *,
        detailed: bool,
        vector: bool = False,
    ) -> None:
        """Highlight row i and column j, write the pairwise products and sum, fill the cell."""
        row_box = style.highlight_box(left.get_rows()[step.i])
        column = right.get_columns()[step.j] if not vector else right.get_entries()
        column_box = style.highlight_box(column)
        working = self.cell_working(name, step, vector)
        working.move_to(DOWN * 2.2)
        style.fit_width(working, style.SAFE_WIDTH)
        target = result.get_entries()[step.i if vector else step.i * right_columns(right) + step.j]
        filled = target.copy().set_opacity(1)
        if detailed:
            self.play(Create(row_box), Create(column_box), run_time=QUICK)
            self.play(Write(working[:2]), run_time=QUICK)
            for k in range(len(step.row)):
                a_index = 2 + 4 * k  # c =, then (a . b) and + (a . b) per pair
                self.play(
                    TransformFromCopy(left.get_rows()[step.i][k], working[a_index]),
                    FadeIn(working[a_index + 1]),
                    TransformFromCopy(column[k], working[a_index + 2]),
                    *([FadeIn(working[a_index - 1])] if k else []),
                    run_time=BEAT * 0.8,
                )
            self.play(Write(working[-4:-2]), run_time=BEAT * 0.8)
            self.play(Write(working[-2:]), run_time=BEAT * 0.6)
            self.play(TransformFromCopy(working[-1], filled), run_time=BEAT * 0.8)
            self.remove(filled)
            target.set_opacity(1)
            self.wait(QUICK)
            self.play(FadeOut(VGroup(row_box, column_box, working)), run_time=QUICK)
        else:
            self.play(Create(row_box), Create(column_box), FadeIn(working), run_time=QUICK)
            self.play(TransformFromCopy(working[-1], filled), run_time=QUICK)
            self.remove(filled)
            target.set_opacity(1)
            self.play(FadeOut(VGroup(row_box, column_box, working)), run_time=QUICK * 0.6)

    # -- beats --------------------------------------------------------------------------

    def introduce_matrices(self) -> None:
        m, n = linalg.shape_of(self.A)
        p = linalg.shape_of(self.B)[1]
        with self.beat(
            f"A has {m} rows and {n} columns; B has {n} rows and {p} columns. Their product "
            f"C = AB has one cell for each row of A and each column of B: {m} by {p}."
        ):
            heading = style.title("Matrix multiplication")
            self.left = style.matrix(self.A, color=INPUT)
            self.right = style.matrix(self.B, color=INPUT_2)
            self.result = self.hidden_result(self.C)
            self.product = self.product_row(self.left, self.right, self.result, "ABC")
            self.play(FadeIn(heading), run_time=QUICK)
            self.play(
                FadeIn(self.left), FadeIn(self.right), FadeIn(self.product[1][:2]), run_time=BEAT
            )
            self.play(
                FadeIn(self.product[0][2]),
                FadeIn(self.result),
                FadeIn(self.product[1][2]),
                run_time=BEAT,
            )
            self.show("shape_C", linalg.shape_of(self.C))
            self.wait(PAUSE)
            self.heading = heading

    def work_first_cells(self) -> None:
        first = self.steps[0]
        with self.beat(
            f"Each cell is a row of A times a column of B: multiply the pairs and add. Row 1 "
            f"times column 1: {fmt(first.products[0])} plus {fmt(first.products[1])} is "
            f"{fmt(first.total)}."
        ):
            self.work_cell(first, self.left, self.right, self.result, "c", detailed=True)
        for step in self.steps[1:DETAILED_CELLS]:
            with self.beat(
                f"Row {step.i + 1} times column {step.j + 1}: "
                + " plus ".join(fmt(v) for v in step.products)
                + f" is {fmt(step.total)}."
            ):
                self.work_cell(step, self.left, self.right, self.result, "c", detailed=True)

    def fill_remaining_cells(self) -> None:
        with self.beat("The same for every other cell: one row, one column, one sum."):
            for step in self.steps[DETAILED_CELLS:]:
                self.work_cell(step, self.left, self.right, self.result, "c", detailed=False)
            self.play(Indicate(self.result, color=RESULT, scale_factor=1.05), run_time=BEAT)
            self.show("C", tuple(tuple(row) for row in self.C))

    def multiply_matrix_by_vector(self) -> None:
        with self.beat(
            "A matrix times a vector is the special case of a single column: each entry of "
            "the result is one row of A times the vector."
        ):
            self.play(
                FadeOut(self.right),
                FadeOut(self.result),
                FadeOut(self.product[1]),
                FadeOut(self.product[0][2]),
                run_time=QUICK,
            )
            vector = style.matrix(np.reshape(self.x, (-1, 1)), color=INPUT_2)
            result = self.hidden_result(self.y)
            row = self.product_row(self.left.copy(), vector, result, "Axy")
            self.play(
                Transform(self.left, row[0][0]), FadeIn(row[0][1:]), FadeIn(row[1]), run_time=BEAT
            )
            for step in self.vector_steps:
                self.work_cell(step, self.left, vector, result, "y", detailed=False, vector=True)
            self.show("y", tuple(self.y))
            self.wait(QUICK)
            self.vector_row = VGroup(self.left, row[0][1:], row[1])

    def state_shape_rule(self) -> None:
        shapes = [linalg.shape_of(self.values_of(n)) for n in "ABCxy"]
        with self.beat(
            "The shapes say whether a product exists: the inner sizes must match, and the "
            "outer sizes give the shape of the result."
        ):
            rule = tex("(m,", "n", r")\,(", "n", r", p) \;\to\; (m, p)")
            rule[1].set_color(HIGHLIGHT)
            rule[3].set_color(HIGHLIGHT)
            ours = tex(
                rf"{shape_tex(shapes[0])}\,{shape_tex(shapes[1])} \to {shape_tex(shapes[2])}"
                rf"\qquad {shape_tex(shapes[0])}\,{shape_tex(shapes[3])} \to "
                rf"{shape_tex(shapes[4])}",
                color=MUTED,
            )
            self.rules = VGroup(rule, ours).arrange(DOWN, buff=BUFF * 1.5).move_to(DOWN * 2.2)
            self.play(Write(rule), run_time=BEAT)
            self.play(FadeIn(ours, shift=UP * 0.2), run_time=BEAT)
            self.wait(PAUSE)

    def refuse_mismatched_shapes(self) -> None:
        first, second = self.mismatch
        left_values, right_values = self.values_of(first), self.values_of(second)
        try:
            linalg.matmul(left_values, right_values)
        except ShapeError as error:
            message = str(error)
        else:  # pragma: no cover - the scene's inputs promise a mismatch
            raise ValueError(f"{first}{second} has fitting shapes; choose a mismatched pair")
        self.show("refusal", message)
        with self.beat(
            f"Swap the order, {first} times {second}, and the inner sizes no longer match. "
            f"The library refuses: {message}."
        ):
            self.play(FadeOut(self.vector_row), FadeOut(self.rules), run_time=QUICK)
            left = style.matrix(left_values, color=INPUT_2)
            right = style.matrix(right_values, color=INPUT)
            pair = VGroup(left, right).arrange(RIGHT, buff=GAP * 0.7).move_to(UP * 1.2)
            shapes = VGroup(
                *(
                    tex(shape_tex(linalg.shape_of(values)), size=LABEL_SIZE + 4, color=MUTED)
                    for values in (left_values, right_values)
                )
            )
            shapes[0].next_to(left, DOWN, buff=BUFF)
            shapes[1].next_to(right, DOWN, buff=BUFF)
            cross = Cross(pair, stroke_color=ERROR, stroke_width=8)
            lines = message.split("; ")
            error_text = VGroup(
                text(f"ShapeError: {lines[0]}", size=LABEL_SIZE, color=ERROR),
                *(text(line, size=LABEL_SIZE, color=ERROR) for line in lines[1:]),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
            style.fit_width(error_text, style.SAFE_WIDTH)
            error_text.move_to(DOWN * 2.3)
            self.play(FadeIn(pair), FadeIn(shapes), run_time=BEAT)
            self.play(Create(cross), run_time=QUICK)
            self.play(Write(error_text), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.refused = VGroup(pair, shapes, cross, error_text)

    def show_summary(self) -> None:
        with self.beat(
            "Row times column, for every cell: C = AB, with the shapes (m, n)(n, p) giving (m, p)."
        ):
            self.play(FadeOut(self.refused), run_time=QUICK)
            left = style.matrix(self.A, color=INPUT)
            right = style.matrix(self.B, color=INPUT_2)
            result = style.matrix(self.C, color=RESULT)
            product = self.product_row(left, right, result, "ABC")
            formula = tex(r"c_{ij} = \sum_k a_{ik}\, b_{kj}", color=RESULT)
            rule = tex("(m,", "n", r")\,(", "n", r", p) \;\to\; (m, p)")
            rule[1].set_color(HIGHLIGHT)
            rule[3].set_color(HIGHLIGHT)
            footer = VGroup(formula, rule).arrange(RIGHT, buff=GAP * 2).move_to(DOWN * 1.9)
            self.play(FadeIn(product), run_time=BEAT)
            self.play(FadeIn(footer, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()


def right_columns(matrix: Matrix) -> int:
    """How many columns a matrix mobject has."""
    return len(matrix.get_columns())
