"""FrobeniusNorm: square every entry of A, sum the squares, take the square root; the same
number is the L2 norm of A's entries laid out as one vector.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    FadeIn,
    FadeOut,
    Indicate,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain
from scenes.inputs import Matrix as MatrixInput
from scenes.s03_matrix_properties.shared import column, floats, rows
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
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
)

#: The colour of the Frobenius norm and of the L2 norm it equals.
NORM = style.NORM_COLOURS["l2"]


def root_tex(total: float, norm: float) -> str:
    """``\\sqrt{34} = 5.83``."""
    return rf"\sqrt{{{num(total, 'norm')}}} = {num(norm, 'norm')}"


class FrobeniusNorm(LessonScene):
    """The Frobenius norm worked out, then seen as the L2 norm of the flattened matrix."""

    A = ((3.0, -1.0, 2.0), (0.0, 4.0, -2.0))  # any matrix up to 3 x 3
    domain = Domain(A=MatrixInput((1, 3), (1, 3), -10, 10))

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_matrix()
        self.square_entries()
        self.sum_squares()
        self.take_root()
        self.flatten_to_vector()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.squares = linalg.hadamard(self.A, self.A)  # a_ij^2
        self.row_sums = linalg.reduce_sum(self.squares, axis=1)
        self.total = linalg.reduce_sum(self.squares)
        self.norm = linalg.frobenius_norm(self.A)
        self.flat = np.ravel(np.asarray(self.A, dtype=float))  # the entries, row after row
        self.flat_steps = linalg.norm_steps(self.flat)
        self.show("squares", rows(self.squares))
        self.show("row_sums", floats(self.row_sums))
        self.show("sum_of_squares", self.total)
        self.show("frobenius", self.norm)
        self.show("flattened", floats(self.flat))
        self.show("flat_squared_l2", self.flat_steps.squared_l2)
        self.show("flat_l2", self.flat_steps.l2)

    # -- builders -----------------------------------------------------------------------

    def definition(self) -> style.MathTex:
        """``||A||_F = sqrt(sum_ij a_ij^2)``, the norm's name in its colour."""
        formula = tex(r"\|A\|_F", r"= \sqrt{\sum_{i,j} a_{ij}^2}")
        formula[0].set_color(NORM)
        return formula

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(self.A)
        with self.beat(
            f"How big is a matrix? The Frobenius norm of this {m} by {n} matrix A: square "
            "every entry, add them all up, and take the square root."
        ):
            self.heading = style.title("The Frobenius norm")
            self.matrix = fitted_matrix(self.A, color=INPUT)
            self.named = VGroup(tex("A =", color=INPUT), self.matrix).arrange(RIGHT, buff=BUFF)
            self.formula = self.definition().next_to(self.heading, DOWN, buff=GAP * 0.8)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(self.formula), run_time=BEAT)
            self.layout_row()
            self.play(FadeIn(self.named), run_time=BEAT)
            self.wait(PAUSE)

    def layout_row(self) -> None:
        """A, an arrow, A's squares and their row sums, in one row that fits the frame."""
        self.square_matrix = style.hide_entries(fitted_matrix(self.squares, color=RESULT))
        self.sums = column(self.row_sums, HIGHLIGHT)
        self.sums.get_brackets().set_opacity(0)
        self.arrow = Arrow(LEFT, RIGHT, color=MUTED, buff=0).scale(0.6)
        self.arrow_label = tex(r"a_{ij}^2", size=CAPTION_SIZE, color=MUTED)
        plus = tex(r"\Sigma", color=HIGHLIGHT)
        self.sum_arrow = VGroup(Arrow(LEFT, RIGHT, color=HIGHLIGHT, buff=0).scale(0.5), plus)
        row = VGroup(self.named, self.arrow, self.square_matrix, self.sum_arrow[0], self.sums)
        row.arrange(RIGHT, buff=BUFF * 1.5)
        style.fit_width(row, style.SAFE_WIDTH)
        row.next_to(self.formula, DOWN, buff=GAP)
        row.set_x(0)
        self.arrow_label.next_to(self.arrow, UP, buff=BUFF * 0.5)
        plus.next_to(self.sum_arrow[0], UP, buff=BUFF * 0.5)
        # each row sum level with its row of squares
        pairs = zip(self.sums.get_entries(), self.square_matrix.get_rows(), strict=True)
        for item, row_of_squares in pairs:
            item.set_y(row_of_squares.get_y())
        self.row = row

    def square_entries(self) -> None:
        first = fmt(np.ravel(self.A)[0], "entry")
        first_square = fmt(np.ravel(self.squares)[0], "entry")
        with self.beat(
            f"Square each entry: {first} squared is {first_square}, and so on. Signs vanish: "
            "every square counts towards the size."
        ):
            self.play(FadeIn(self.arrow), FadeIn(self.arrow_label), run_time=QUICK)
            self.play(FadeIn(self.square_matrix.get_brackets()), run_time=QUICK)
            targets = list(self.square_matrix.get_entries())
            for target in targets:
                target.set_opacity(1)
            self.play(
                *(
                    TransformFromCopy(source, target)
                    for source, target in zip(self.matrix.get_entries(), targets, strict=True)
                ),
                run_time=BEAT * 1.5,
            )
            self.wait(PAUSE)

    def sum_squares(self) -> None:
        with self.beat(
            "Add the squares, row by row, and then the rows: the sum of all the squares is "
            f"{fmt(self.total, 'norm')}."
        ):
            self.play(FadeIn(self.sum_arrow), run_time=QUICK)
            self.play(
                *(
                    TransformFromCopy(row_of_squares, item)
                    for row_of_squares, item in zip(
                        self.square_matrix.get_rows(), self.sums.get_entries(), strict=True
                    )
                ),
                run_time=BEAT,
            )
            self.total_line = tex(
                r"\sum_{i,j} a_{ij}^2 = ", num(self.total, "norm"), color=HIGHLIGHT
            )
            self.total_line.next_to(self.row, DOWN, buff=GAP)
            self.play(Write(self.total_line), run_time=BEAT)
            self.wait(PAUSE)

    def take_root(self) -> None:
        with self.beat(
            f"The square root of {fmt(self.total, 'norm')} is {fmt(self.norm, 'norm')}: the "
            "Frobenius norm of A."
        ):
            result = tex(r"\|A\|_F", "= " + root_tex(self.total, self.norm))
            result[0].set_color(NORM)
            result.next_to(self.total_line, DOWN, buff=GAP)
            self.play(Write(result), run_time=BEAT)
            self.play(Indicate(result[1][-4:], color=NORM), run_time=BEAT)
            self.wait(PAUSE)
            self.result = result

    def flatten_to_vector(self) -> None:
        with self.beat(
            "Lay A's entries out in one long vector, row after row. Its L2 norm squares the "
            "same numbers, adds them and takes the root: the same "
            f"{fmt(self.flat_steps.l2, 'norm')}."
        ):
            leaving = VGroup(
                self.arrow, self.arrow_label, self.square_matrix, self.sum_arrow, self.sums
            )
            self.play(FadeOut(leaving), FadeOut(self.total_line), run_time=QUICK)
            vector = fitted_matrix(self.flat.reshape(1, -1), color=INPUT_2)
            flat = VGroup(tex(r"\mathrm{vec}(A) =", color=INPUT_2), vector).arrange(
                RIGHT, buff=BUFF
            )
            style.fit_width(flat, style.SAFE_WIDTH)
            flat.next_to(self.named, DOWN, buff=GAP)
            flat.set_x(0)
            self.play(self.named.animate.set_x(0), run_time=QUICK)
            flat.next_to(self.named, DOWN, buff=GAP).set_x(0)
            self.play(
                *(
                    TransformFromCopy(source, target)
                    for source, target in zip(
                        self.matrix.get_entries(), vector.get_entries(), strict=True
                    )
                ),
                FadeIn(vector.get_brackets()),
                FadeIn(flat[0]),
                run_time=BEAT * 1.5,
            )
            self.settle(flat)
            same = tex(
                r"\|\mathrm{vec}(A)\|_2",
                "= " + root_tex(self.flat_steps.squared_l2, self.flat_steps.l2),
                "=",
                r"\|A\|_F",
            )
            same[0].set_color(INPUT_2)
            same[3].set_color(NORM)
            same.next_to(flat, DOWN, buff=GAP)
            self.play(FadeOut(self.result), run_time=QUICK)
            self.play(Write(same), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.flat_group = VGroup(flat, same)

    def show_summary(self) -> None:
        with self.beat(
            "The Frobenius norm: the square root of the sum of every squared entry, the L2 "
            "norm of the matrix read as one vector."
        ):
            flat, same = self.flat_group
            self.play(FadeOut(same), FadeOut(self.formula), run_time=QUICK)
            self.play(
                VGroup(self.named, flat).animate.next_to(self.heading, DOWN, buff=GAP),
                run_time=QUICK,
            )
            summary = tex(
                r"\|A\|_F",
                r"= \sqrt{\sum_{i,j} a_{ij}^2} = " + root_tex(self.total, self.norm),
                "=",
                r"\|\mathrm{vec}(A)\|_2",
            )
            summary[0].set_color(NORM)
            summary[3].set_color(INPUT_2)
            style.fit_width(summary, style.SAFE_WIDTH)
            summary.next_to(flat, DOWN, buff=GAP * 1.5)
            self.play(Write(summary), run_time=BEAT * 1.5)
            self.hold_poster()
