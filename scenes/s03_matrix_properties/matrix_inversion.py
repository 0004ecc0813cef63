"""MatrixInversion: y = Xw is solved for w with the inverse, w = X^-1 y; a singular X, whose
columns are parallel, has no inverse and lib refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    ReplacementTransform,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from lib.errors import SingularMatrixError
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.inputs import Matrix as MatrixInput
from scenes.s03_matrix_properties.shared import column, floats, rows
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fitted_matrix,
    fmt,
    num,
    tex,
    text,
)

#: The smallest |det X| the lesson solves with: nearer 0, X^-1 has entries too large to read.
LEAST_DETERMINANT = 0.1


def singular_matrix(column: Any, ratio: float) -> np.ndarray:
    """The 2x2 matrix whose columns are ``column`` and ``ratio`` times it (lib scales it)."""
    return linalg.transpose(np.array([column, linalg.scale(column, ratio)]))


def refusal(matrix: Any) -> str | None:
    """lib's message refusing to invert ``matrix``; None when it has an inverse."""
    try:
        linalg.inverse(matrix)
    except SingularMatrixError as error:
        return str(error)
    return None


def _well_invertible(inputs: Mapping[str, Any]) -> bool:
    return (
        refusal(inputs["X"]) is None and abs(linalg.determinant(inputs["X"])) >= LEAST_DETERMINANT
    )


def _parallel_refused(inputs: Mapping[str, Any]) -> bool:
    matrix = singular_matrix(inputs["singular_column"], inputs["parallel_ratio"])
    message = refusal(matrix)
    shown_second = [fmt(v, "entry") for v in matrix[:, 1]]
    return message is not None and "parallel" in message and any(s != "0" for s in shown_second)


INVERTIBLE = Rule(
    f"must be invertible, with |det X| at least {fmt(LEAST_DETERMINANT)} so that X^-1 can be read",
    ("X",),
    _well_invertible,
)
PARALLEL = Rule(
    "must give a second column (ratio times the first) that shows on screen, so that the "
    "columns are visibly parallel and lib refuses to invert the matrix",
    ("singular_column", "parallel_ratio"),
    _parallel_refused,
)


def unknowns(colour: str = HIGHLIGHT) -> Matrix:
    """The column of unknowns (w_1, w_2)."""
    entries = [[tex(f"w_{n}", color=colour)] for n in (1, 2)]
    result = Matrix(entries, element_to_mobject=lambda m: m, v_buff=0.8, bracket_h_buff=0.15)
    result.get_brackets().set_color(colour)
    return result


class MatrixInversion(LessonScene):
    """Solve y = Xw with X^-1; then a singular X with parallel columns is refused."""

    X = ((2.0, 1.0), (1.0, 3.0))  # the model's matrix
    y = (3.0, 5.0)  # the outputs we know
    singular_column = (1.0, 2.0)  # the singular X: this column, then ratio times it
    parallel_ratio = 3.0
    domain = Domain(
        X=MatrixInput(2, 2, -10, 10),
        y=Vector(2, -10, 10),
        singular_column=Vector(2, -10, 10, nonzero=True),
        parallel_ratio=Number(-5, 5, nonzero=True),
        rules=(INVERTIBLE, PARALLEL),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_problem()
        self.show_inverse()
        self.solve_for_w()
        self.check_solution()
        self.introduce_singular()
        self.refuse_singular()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.determinant = linalg.determinant(self.X)
        self.inverse = linalg.inverse(self.X)
        self.undone = linalg.matmul(self.inverse, self.X)  # X^-1 X, which is I
        self.w = linalg.matmul(self.inverse, self.y)
        self.check = linalg.matmul(self.X, self.w)  # X w, which is y
        self.singular = singular_matrix(self.singular_column, self.parallel_ratio)
        self.singular_determinant = linalg.determinant(self.singular)
        self.message = refusal(self.singular)
        if self.message is None:  # pragma: no cover - the domain promises a refusal
            raise ValueError("the singular X has an inverse; choose parallel columns")
        self.show("determinant", self.determinant)
        self.show("inverse", rows(self.inverse))
        self.show("identity", rows(self.undone))
        self.show("w", floats(self.w))
        self.show("check", floats(self.check))
        self.show("singular", rows(self.singular))
        self.show("singular_determinant", self.singular_determinant)
        self.show("refusal", self.message)

    # -- builders -----------------------------------------------------------------------

    def equation_row(self, w_column: Matrix) -> VGroup:
        """``X w = y`` with the matrices, each named underneath."""
        row = VGroup(
            fitted_matrix(self.X, color=INPUT), w_column, tex("="), column(self.y, INPUT_2)
        ).arrange(RIGHT, buff=BUFF)
        names = VGroup(
            *(
                tex(name, size=CAPTION_SIZE, color=colour).next_to(part, DOWN, buff=BUFF)
                for name, colour, part in zip(
                    "Xwy", (INPUT, HIGHLIGHT, INPUT_2), (row[0], row[1], row[3]), strict=True
                )
            )
        )
        return VGroup(row, names)

    # -- beats --------------------------------------------------------------------------

    def introduce_problem(self) -> None:
        with self.beat(
            "A linear model: y = X w. We know the matrix X and the outputs y, and we want "
            "the weights w."
        ):
            self.heading = style.title("Matrix inversion")
            self.model = tex("y", "=", "X", "w")
            for part, colour in zip(self.model[::2], (INPUT_2, INPUT), strict=True):
                part.set_color(colour)
            self.model[3].set_color(HIGHLIGHT)
            self.model.next_to(self.heading, DOWN, buff=GAP)
            self.equation = self.equation_row(unknowns())
            self.equation.next_to(self.model, DOWN, buff=GAP)
            self.play(FadeIn(self.heading), Write(self.model), run_time=BEAT)
            self.play(FadeIn(self.equation), run_time=BEAT)
            self.wait(PAUSE)

    def show_inverse(self) -> None:
        with self.beat(
            f"det X = {fmt(self.determinant)}, not 0, so X has an inverse X⁻¹, the matrix "
            "that undoes X: X⁻¹ X = I."
        ):
            det = tex(r"\det X = ", num(self.determinant), color=INPUT)
            det[1].set_color(RESULT)
            inverse = VGroup(tex(r"X^{-1} ="), fitted_matrix(self.inverse, color=RESULT))
            inverse.arrange(RIGHT, buff=BUFF)
            undone = VGroup(
                tex(r"X^{-1} X ="), fitted_matrix(self.undone, color=RESULT), tex("= I")
            ).arrange(RIGHT, buff=BUFF)
            facts = VGroup(inverse, undone).arrange(RIGHT, buff=GAP * 2)
            style.fit_width(facts, style.SAFE_WIDTH)
            det.next_to(self.equation, DOWN, buff=GAP)
            facts.next_to(det, DOWN, buff=GAP)
            self.play(Write(det), run_time=BEAT)
            self.play(FadeIn(inverse, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(undone, shift=UP * 0.2), run_time=BEAT)
            self.wait(PAUSE)
            self.inverse_facts = VGroup(det, facts)

    def solve_for_w(self) -> None:
        w1, w2 = (fmt(v) for v in self.w)
        with self.beat(
            f"Multiply both sides of y = X w by X⁻¹. X⁻¹ X is I, so w = X⁻¹ y: w₁ = {w1} "
            f"and w₂ = {w2}."
        ):
            steps = tex(r"X^{-1} y = X^{-1} X\, w = I\, w = w", color=MUTED)
            solved = VGroup(
                tex("w", "=", color=HIGHLIGHT),
                fitted_matrix(self.inverse, color=RESULT),
                column(self.y, INPUT_2),
                tex("="),
                column(self.w, HIGHLIGHT),
            ).arrange(RIGHT, buff=BUFF)
            block = VGroup(steps, solved).arrange(DOWN, buff=GAP)
            style.fit_width(block, style.SAFE_WIDTH)
            block.next_to(self.equation, DOWN, buff=GAP)
            self.play(FadeOut(self.inverse_facts), run_time=QUICK)
            self.play(Write(steps), run_time=BEAT * 1.5)
            self.play(FadeIn(solved[:3]), run_time=BEAT)
            self.play(Write(solved[3:]), run_time=BEAT)
            self.wait(PAUSE)
            self.solved = block

    def check_solution(self) -> None:
        with self.beat("Check: X times these weights gives back y. The equation holds."):
            filled = self.equation_row(column(self.w, HIGHLIGHT))
            filled.move_to(self.equation)
            (x_old, w_old, eq_old, y_old), names_old = self.equation
            (x_new, w_new, eq_new, y_new), names_new = filled
            self.play(
                TransformFromCopy(self.solved[1][-1], w_new),
                FadeOut(w_old),
                ReplacementTransform(
                    VGroup(x_old, eq_old, y_old, names_old), VGroup(x_new, eq_new, y_new, names_new)
                ),
                run_time=BEAT,
            )
            self.settle(filled)
            product = tex("X", "w", "=")
            product[0].set_color(INPUT)
            product[1].set_color(HIGHLIGHT)
            products = VGroup(product, column(self.check, INPUT_2), tex("= y", color=INPUT_2))
            products.arrange(RIGHT, buff=BUFF)
            products.next_to(filled, DOWN, buff=GAP * 1.5)
            self.play(FadeOut(self.solved), run_time=QUICK)
            self.play(FadeIn(products, shift=UP * 0.2), run_time=BEAT)
            self.play(Indicate(filled[0][3], color=RESULT), run_time=BEAT)
            self.wait(PAUSE)
            self.equation = filled

    def singular_parts(self) -> tuple[VGroup, Matrix]:
        """``X = [singular]`` with its first column in the input colour, its second in the other."""
        matrix = fitted_matrix(self.singular, color=INPUT)
        first, second = matrix.get_columns()
        first.set_color(INPUT)
        second.set_color(INPUT_2)
        return VGroup(tex("X ="), matrix).arrange(RIGHT, buff=BUFF), matrix

    def parallel_relation(self) -> style.MathTex:
        """``column 2 = k x column 1``, each column named in its colour."""
        relation = tex(
            r"\text{column }2 = ",
            num(self.parallel_ratio),
            r"\times \text{column }1",
            size=CAPTION_SIZE,
        )
        relation[0].set_color(INPUT_2)
        relation[2].set_color(INPUT)
        return relation

    def introduce_singular(self) -> None:
        with self.beat(
            f"Now a singular X: its second column is {fmt(self.parallel_ratio)} times its first. "
            "The columns are parallel, so X squashes every w onto one line: many w give the "
            f"same y. det X = {fmt(self.singular_determinant)}."
        ):
            self.clear_screen(self.heading)
            named, matrix = self.singular_parts()
            relation = self.parallel_relation()
            det = tex(r"\det X = ", num(self.singular_determinant), color=INPUT)
            det[1].set_color(ERROR)
            facts = VGroup(relation, det).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.5)
            top = VGroup(named, facts).arrange(RIGHT, buff=GAP * 2)
            top.next_to(self.heading, DOWN, buff=GAP)
            boxes = VGroup(
                *(
                    style.highlight_box(part, colour)
                    for part, colour in zip(matrix.get_columns(), (INPUT, INPUT_2), strict=True)
                )
            )
            self.play(FadeIn(named), run_time=BEAT)
            self.play(Create(boxes), Write(relation), run_time=BEAT)
            self.play(Write(det), run_time=BEAT)
            self.wait(PAUSE)
            self.singular_top = top
            self.column_boxes = boxes

    def refuse_singular(self) -> None:
        with self.beat(
            "Nothing can undo that, so X has no inverse. Asked for one, lib refuses: "
            f"{self.message}."
        ):
            call = tex(r"X^{-1} = \texttt{linalg.inverse}(X)", color=MUTED)
            call.next_to(self.singular_top, DOWN, buff=GAP)
            cross = Cross(call[0][:3], stroke_color=ERROR, stroke_width=6)
            error = style.error_message(
                "SingularMatrixError", self.message, width=style.SAFE_WIDTH * 0.85
            )
            error.next_to(call, DOWN, buff=GAP)
            self.play(FadeOut(self.column_boxes), FadeIn(call), run_time=QUICK)
            self.play(Create(cross), run_time=QUICK)
            self.play(Write(error), run_time=BEAT * 1.5)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "When det X is not 0, the inverse undoes X and solves for w: w = X⁻¹ y. When the "
            "columns are parallel, det X = 0 and there is no inverse."
        ):
            self.clear_screen(self.heading)
            solved = VGroup(
                tex(r"w = X^{-1} y =", color=HIGHLIGHT), column(self.w, HIGHLIGHT)
            ).arrange(RIGHT, buff=BUFF)
            left = style.panel(
                "Invertible",
                VGroup(tex("X ="), fitted_matrix(self.X, color=INPUT)).arrange(RIGHT, buff=BUFF),
                tex(r"\det X = ", num(self.determinant), color=INPUT),
                solved,
                color=RESULT,
            )
            right = style.panel(
                "Singular",
                self.singular_parts()[0],
                self.parallel_relation(),
                tex(r"\det X = ", num(self.singular_determinant), color=INPUT),
                text("parallel columns: no inverse", size=CAPTION_SIZE, color=ERROR),
                color=ERROR,
            )
            panels = VGroup(left, right).arrange(RIGHT, buff=GAP, aligned_edge=UP)
            style.fit_width(panels, style.SAFE_WIDTH)
            panels.next_to(self.heading, DOWN, buff=GAP)
            self.play(FadeIn(left, shift=RIGHT * 0.2), run_time=BEAT)
            self.play(FadeIn(right, shift=LEFT * 0.2), run_time=BEAT)
            self.hold_poster()
