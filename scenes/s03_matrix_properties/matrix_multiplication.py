"""MatrixMultiplication: Each cell of AB is a row of A times a column of B; shapes (m,n)(n,p) give
(m,p), and a mismatch is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from scenes.inputs import Choice, Domain, Rule, Vector
from scenes.inputs import Matrix as MatrixInput
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

#: A cell's working wider than this (scene units) is set on two lines.
ONE_LINE_WIDTH = 0.8 * style.SAFE_WIDTH

#: The colour of each input on screen, by its name.
COLOURS = {"A": INPUT, "B": INPUT_2, "C": RESULT, "x": INPUT_2, "y": RESULT}


def factor_values(inputs: Mapping[str, Any], name: str) -> np.ndarray:
    """Input ``name`` as the factor of a product: a matrix, or the vector x as a column."""
    values = np.asarray(inputs[name], dtype=float)
    return values.reshape(len(values), -1)


def refusal(inputs: Mapping[str, Any], pair: Sequence[str]) -> str | None:
    """lib's message refusing the product of the inputs ``pair`` names; None if they fit."""
    first, second = (factor_values(inputs, name) for name in pair)
    try:
        linalg.matmul(first, second)
    except ShapeError as error:
        return str(error)
    return None


INNER_SIZES_AGREE = Rule(
    "must fit: B needs as many rows as A has columns, (m, n)(n, p)",
    ("A", "B"),
    lambda inputs: linalg.matmul(inputs["A"], inputs["B"]) is not None,
)
VECTOR_FITS = Rule(
    "must fit: x needs as many entries as A has columns, (m, n)(n,)",
    ("A", "x"),
    lambda inputs: linalg.matmul(inputs["A"], inputs["x"]) is not None,
)
MISMATCH_REFUSED = Rule(
    "must name a pair whose inner sizes differ, so that lib refuses their product (x stands "
    "as a column: ('x', 'A') is a column times A)",
    ("mismatch", "A", "B", "x"),
    lambda inputs: refusal(inputs, inputs["mismatch"]) is not None,
)


def plural(count: int, noun: str) -> str:
    """``1 row``, ``3 rows``."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def shape_rule() -> style.MathTex:
    """``(m, n)(n, p) -> (m, p)``, the inner sizes highlighted."""
    rule = tex("(m,", "n", r")\,(", "n", r", p) \;\to\; (m, p)")
    rule[1].set_color(HIGHLIGHT)
    rule[3].set_color(HIGHLIGHT)
    return rule


class MatrixMultiplication(LessonScene):
    """Row times column, cell by cell; matrix times vector; the shape rule; a refused pair."""

    A = ((2.0, -1.0), (0.0, 3.0), (1.0, 4.0))  # 3 x 2
    B = ((1.0, 2.0), (-3.0, 1.0))  # 2 x 2
    x = (2.0, -1.0)  # the vector of the matrix-vector product
    mismatch = ("B", "A")  # the pair whose shapes do not fit, by name
    domain = Domain(
        A=MatrixInput((1, 3), (1, 3), -10, 10),
        B=MatrixInput((1, 3), (1, 3), -10, 10),
        x=Vector((1, 3), -10, 10),
        mismatch=Choice((("B", "A"), ("A", "A"), ("B", "B"), ("x", "A"), ("x", "B"))),
        rules=(INNER_SIZES_AGREE, VECTOR_FITS, MISMATCH_REFUSED),
    )

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
        """``left right = result`` with each matrix named and sized underneath.

        Neighbours stand far enough apart for their captions; a row wider than the frame is
        scaled to fit it, and its captions keep their size.
        """
        equals = tex("=")
        row = VGroup(left, right, equals, result)
        captions = VGroup(
            *(
                tex(
                    name,
                    r"\;",
                    shape_tex(linalg.shape_of(self.values_of(name))),
                    size=LABEL_SIZE + 4,
                    color=COLOURS[name],
                )
                for name in names
            )
        )
        matrices = (left, right, result)
        for _ in range(4):
            # How far each caption reaches beyond the sides of its matrix.
            reach = [
                max(0.0, (c.width - m.width) / 2) for m, c in zip(matrices, captions, strict=True)
            ]
            between = max(GAP * 0.7, reach[0] + reach[1] + BUFF)
            around = max(GAP * 0.7, (reach[1] + reach[2] + BUFF - equals.width) / 2)
            right.next_to(left, RIGHT, buff=between)
            equals.next_to(right, RIGHT, buff=around)
            result.next_to(equals, RIGHT, buff=around)
            style.captions_under(matrices, captions)
            width = VGroup(row, captions).width
            if width <= style.SAFE_WIDTH:
                break
            for item in row:
                item.scale(style.SAFE_WIDTH / width * 0.99)
        return VGroup(row, captions).move_to(UP * 1.2)

    def values_of(self, name: str) -> np.ndarray:
        """The matrix or vector a name on screen stands for."""
        return np.asarray({"A": self.A, "B": self.B, "C": self.C, "x": self.x, "y": self.y}[name])

    def shown_matrix(self, name: str) -> Matrix:
        """The matrix (or column) a name stands for, in its colour."""
        values = self.values_of(name)
        return style.fitted_matrix(values.reshape(len(values), -1), color=COLOURS[name])

    def cell_working(
        self, name: str, step: linalg.MatmulStep, vector: bool = False
    ) -> style.MathTex:
        """``c_{ij} = a*b + a*b = p + p = total``, split so each factor can fly in.

        A single pair has no sum to write: ``c_{ij} = a*b = total``. Wider than
        ``ONE_LINE_WIDTH``, the sums go on a second line, under the first ``=``.
        """
        index = f"{step.i + 1}" if vector else f"{step.i + 1}{step.j + 1}"
        parts = [f"{name}_{{{index}}}", "="]
        for k, (a, b) in enumerate(zip(step.row, step.column, strict=True)):
            if k:
                parts.append("+")
            parts += [factor(a), r"\cdot", factor(b)]
        if len(step.products) > 1:
            parts += ["=", " + ".join(num(p, "entry") for p in step.products)]
        parts += ["=", num(step.total, "entry")]
        working = tex(*parts)
        working[0].set_color(RESULT)
        working[-1].set_color(RESULT)
        if working.width > ONE_LINE_WIDTH:
            sums = working[4 * len(step.row) + 1 :]
            sums.next_to(working[1], DOWN, buff=BUFF * 1.6, aligned_edge=LEFT)
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
        column = right.get_columns()[step.j]
        column_box = style.highlight_box(column)
        working = self.cell_working(name, step, vector)
        working.move_to(DOWN * 2.2)
        style.fit_width(working, style.SAFE_WIDTH)
        target = style.cell(result, step.i, step.j)
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
            if len(step.products) > 1:
                self.play(Write(working[-4:-2]), run_time=BEAT * 0.8)
            self.play(Write(working[-2:]), run_time=BEAT * 0.6)
        else:
            self.play(Create(row_box), Create(column_box), FadeIn(working), run_time=QUICK)
        self.play(
            TransformFromCopy(working[-1], filled), run_time=BEAT * 0.8 if detailed else QUICK
        )
        self.remove(filled)
        target.set_opacity(1)
        if detailed:
            self.wait(QUICK)
        self.play(
            FadeOut(VGroup(row_box, column_box, working)),
            run_time=QUICK if detailed else QUICK * 0.6,
        )

    @staticmethod
    def cell_sentence(step: linalg.MatmulStep) -> str:
        """The narration of one cell: ``Row 1 times column 2: 4 plus -1 is 3.``"""
        where = f"Row {step.i + 1} times column {step.j + 1}"
        if len(step.products) == 1:
            (a,), (b,) = step.row, step.column
            return f"{where} is a single pair: {fmt(a)} times {fmt(b)} is {fmt(step.total)}."
        return (
            f"{where}: " + " plus ".join(fmt(v) for v in step.products) + f" is {fmt(step.total)}."
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_matrices(self) -> None:
        m, n = linalg.shape_of(self.A)
        p = linalg.shape_of(self.B)[1]
        with self.beat(
            f"A has {plural(m, 'row')} and {plural(n, 'column')}; B has {plural(n, 'row')} "
            f"and {plural(p, 'column')}. Their product C = AB has one cell for each row of A "
            f"and each column of B: {m} by {p}."
        ):
            self.heading = style.title("Matrix multiplication")
            self.left = self.shown_matrix("A")
            self.right = self.shown_matrix("B")
            self.result = style.hide_entries(self.shown_matrix("C"))  # cells still empty
            self.product = self.product_row(self.left, self.right, self.result, "ABC")
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(
                FadeIn(self.left), FadeIn(self.right), FadeIn(self.product[1][:2]), run_time=BEAT
            )
            completing = (self.product[0][2], self.result, self.product[1][2])
            self.play(*(FadeIn(m) for m in completing), run_time=BEAT)
            self.show("shape_C", linalg.shape_of(self.C))
            self.wait(PAUSE)

    def work_first_cells(self) -> None:
        first = self.steps[0]
        pairs = (
            "multiply the pairs and add"
            if len(first.products) > 1
            else "here one number each, so multiply them"
        )
        for n, step in enumerate(self.steps[:DETAILED_CELLS]):
            lead = "" if n else f"Each cell is a row of A times a column of B: {pairs}. "
            with self.beat(lead + self.cell_sentence(step)):
                self.work_cell(step, self.left, self.right, self.result, "c", detailed=True)

    def fill_remaining_cells(self) -> None:
        remaining = self.steps[DETAILED_CELLS:]
        each = "one sum" if len(self.steps[0].products) > 1 else "one product"
        with self.beat(
            f"The same for every other cell: one row, one column, {each}."
            if remaining
            else "That fills C: every cell is one row of A times one column of B."
        ):
            for step in remaining:
                self.work_cell(step, self.left, self.right, self.result, "c", detailed=False)
            self.play(Indicate(self.result, color=RESULT, scale_factor=1.05), run_time=BEAT)
            self.show("C", tuple(tuple(row) for row in self.C))

    def multiply_matrix_by_vector(self) -> None:
        with self.beat(
            "A matrix times a vector is the special case of a single column: each entry of "
            "the result is one row of A times the vector."
        ):
            leaving = (self.right, self.result, self.product[1], self.product[0][2])
            self.play(*(FadeOut(m) for m in leaving), run_time=QUICK)
            vector = self.shown_matrix("x")
            result = style.hide_entries(self.shown_matrix("y"))
            row = self.product_row(self.shown_matrix("A"), vector, result, "Axy")
            self.play(
                Transform(self.left, row[0][0]), FadeIn(row[0][1:]), FadeIn(row[1]), run_time=BEAT
            )
            for step in self.vector_steps:
                self.work_cell(step, self.left, vector, result, "y", detailed=False, vector=True)
            self.show("y", tuple(self.y))
            self.wait(QUICK)
            self.vector_row = VGroup(self.left, row[0][1:], row[1])

    def state_shape_rule(self) -> None:
        a, b, c, x, y = (shape_tex(linalg.shape_of(self.values_of(n))) for n in "ABCxy")
        with self.beat(
            "The shapes say whether a product exists: the inner sizes must match, and the "
            "outer sizes give the shape of the result."
        ):
            rule = shape_rule()
            ours = tex(rf"{a}\,{b} \to {c}\qquad {a}\,{x} \to {y}", color=MUTED)
            self.rules = VGroup(rule, ours).arrange(DOWN, buff=BUFF * 1.5).move_to(DOWN * 2.2)
            self.play(Write(rule), run_time=BEAT)
            self.play(FadeIn(ours, shift=UP * 0.2), run_time=BEAT)
            self.wait(PAUSE)

    def refuse_mismatched_shapes(self) -> None:
        first, second = self.mismatch
        inputs = {"A": self.A, "B": self.B, "x": self.x}
        left_values, right_values = (factor_values(inputs, name) for name in self.mismatch)
        message = refusal(inputs, self.mismatch)
        if message is None:  # pragma: no cover - the domain promises a mismatch
            raise ValueError(f"{first}{second} has fitting shapes; choose a mismatched pair")
        self.show("refusal", message)
        if (second, first) == ("A", "B"):
            how = f"Swap the order, {first} times {second},"
        elif first == "x":
            how = f"Put x first, x times {second}, a column times a matrix,"
        else:
            how = f"Multiply {first} by {second},"
        with self.beat(
            f"{how} and the inner sizes no longer match. The library refuses: {message}."
        ):
            self.play(FadeOut(self.vector_row), FadeOut(self.rules), run_time=QUICK)
            left, right = self.shown_matrix(first), self.shown_matrix(second)
            pair = VGroup(left, right).arrange(RIGHT, buff=GAP * 0.7)
            style.fit_width(pair, style.SAFE_WIDTH).move_to(UP * 1.2)
            shapes = VGroup(
                *(
                    tex(shape_tex(linalg.shape_of(values)), size=LABEL_SIZE + 4, color=MUTED)
                    for values in (left_values, right_values)
                )
            )
            style.captions_under((left, right), shapes)
            cross = Cross(pair, stroke_color=ERROR, stroke_width=8)
            lines = message.split("; ")
            error_text = VGroup(
                text(f"ShapeError: {lines[0]}", size=LABEL_SIZE, color=ERROR),
                *(text(line, size=LABEL_SIZE, color=ERROR) for line in lines[1:]),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
            style.fit_width(error_text, style.SAFE_WIDTH).move_to(DOWN * 2.3)
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
            left, right, result = (self.shown_matrix(name) for name in "ABC")
            product = self.product_row(left, right, result, "ABC")
            formula = tex(r"c_{ij} = \sum_k a_{ik}\, b_{kj}", color=RESULT)
            footer = VGroup(formula, shape_rule()).arrange(RIGHT, buff=GAP * 2).move_to(DOWN * 1.9)
            self.play(FadeIn(product), run_time=BEAT)
            self.play(FadeIn(footer, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
