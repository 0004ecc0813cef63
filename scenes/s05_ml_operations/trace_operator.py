"""TraceOperator: The trace is the sum of the diagonal, which is also the sum of the eigenvalues;
and the Frobenius norm is the square root of tr(A A^T).
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
    FadeIn,
    FadeOut,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Rule
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    EIGEN,
    GAP,
    HIGHLIGHT,
    INPUT,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_HEIGHT,
    SAFE_WIDTH,
    LessonScene,
    cell,
    fitted_matrix,
    fmt,
    num,
    tex,
)

LINE_SIZE = BODY_SIZE - 2  # the identities at the right


def is_square(values: Mapping[str, Any]) -> bool:
    return len(values["A"]) == len(values["A"][0])


def eigenvalues_show(values: Mapping[str, Any]) -> bool:
    """Real eigenvalues (lib refuses complex ones), each 0 or large enough to show."""
    eigenvalues, _ = linalg.eig(values["A"])
    return all(abs(v) < 1e-12 or fmt(v, "eigen") != "0" for v in eigenvalues)


def summed(values: Any, kind: str) -> str:
    """``3 + 2 - 1`` for a formula: each value in turn, a negative one after a minus."""
    terms = [fmt(v, kind) for v in values]
    shown = [num(values[0], kind)]
    for term in terms[1:]:
        shown.append(f"- {term[1:]}" if term.startswith("-") else f"+ {term}")
    return " ".join(shown)


class TraceOperator(LessonScene):
    """tr(A) = sum of the diagonal = sum of the eigenvalues; ||A||_F = sqrt(tr(A A^T))."""

    A = ((3.0, 1.0, 0.0), (1.0, 2.0, -1.0), (2.0, 0.5, 1.0))  # square, real eigenvalues
    domain = Domain(
        A=Matrix((2, 3), (2, 3), -5, 5),
        rules=(
            Rule("must be square (the trace sums a square's diagonal)", ("A",), is_square),
            Rule(
                "must have real eigenvalues, each 0 or at least 0.005 in size",
                ("A",),
                eigenvalues_show,
            ),
        ),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.build_layout()
        self.introduce_matrix()
        self.sum_the_diagonal()
        self.sum_the_eigenvalues()
        self.frobenius_from_trace()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        a = np.asarray(self.A, dtype=float)
        self.n = len(a)
        self.diagonal = tuple(float(a[i, i]) for i in range(self.n))
        self.trace = linalg.trace(a)
        self.eigenvalues, _ = linalg.eig(a)
        self.eigen_sum = float(linalg.reduce_sum(self.eigenvalues))
        self.gram = linalg.matmul(a, linalg.transpose(a))  # A A^T
        self.gram_trace = linalg.trace(self.gram)
        self.squares = float(linalg.reduce_sum(linalg.hadamard(a, a)))  # sum of a_ij^2
        self.frobenius = linalg.frobenius_norm(a)

    # -- layout -------------------------------------------------------------------------

    def build_layout(self) -> None:
        self.heading = style.title("The trace")
        self.a_matrix = fitted_matrix(self.A, size=BODY_SIZE, color=INPUT)
        self.a_group = VGroup(tex("A", "=", color=INPUT), self.a_matrix).arrange(RIGHT, buff=BUFF)
        names = [rf"\lambda_{i + 1}" for i in range(self.n)]
        self.trace_line = tex(
            r"\mathrm{tr}(A)",
            "=",
            summed(self.diagonal, "entry"),
            "=",
            num(self.trace, "entry"),
            size=LINE_SIZE,
        )
        self.trace_line[2].set_color(HIGHLIGHT)
        self.trace_line[4].set_color(RESULT)
        self.eigen_line = tex(
            " + ".join(names),
            "=",
            summed(self.eigenvalues, "eigen"),
            "=",
            num(self.eigen_sum, "eigen"),
            size=LINE_SIZE,
        )
        self.eigen_line[0].set_color(EIGEN)
        self.eigen_line[2].set_color(EIGEN)
        self.eigen_line[4].set_color(RESULT)
        gram_matrix = fitted_matrix(self.gram, size=LINE_SIZE - 2, color=MUTED, v_buff=0.6)
        self.gram_group = VGroup(tex("A A^T", "=", size=LINE_SIZE, color=MUTED), gram_matrix)
        self.gram_group.arrange(RIGHT, buff=BUFF)
        self.gram_diagonal = VGroup(*(cell(gram_matrix, i, i) for i in range(self.n)))
        gram_diagonal = tuple(float(self.gram[i, i]) for i in range(self.n))
        self.gram_line = tex(
            r"\mathrm{tr}(A A^T)",
            "=",
            summed(gram_diagonal, "entry"),
            "=",
            num(self.gram_trace, "entry"),
            r"= \textstyle\sum_{i,j} a_{ij}^2",
            size=LINE_SIZE,
        )
        self.gram_line[2].set_color(HIGHLIGHT)
        self.norm_line = tex(
            r"\|A\|_F",
            "=",
            r"\sqrt{\mathrm{tr}(A A^T)}",
            "=",
            rf"\sqrt{{{num(self.gram_trace, 'entry')}}}",
            "=",
            num(self.frobenius, "norm"),
            size=LINE_SIZE + 2,
        )
        self.norm_line[0].set_color(RESULT)
        self.norm_line[-1].set_color(RESULT)
        lines = [self.trace_line, self.eigen_line, self.gram_group, self.gram_line, self.norm_line]
        column = VGroup(*lines)
        right_width = SAFE_WIDTH - self.a_group.width - GAP * 1.5
        for line in lines:
            style.fit_width(line, right_width)
        room = SAFE_HEIGHT - self.heading.height - GAP - sum(line.height for line in lines)
        column.arrange(DOWN, aligned_edge=LEFT, buff=min(GAP, room / 4))
        column.next_to(self.heading, DOWN, buff=GAP).to_edge(RIGHT, buff=MARGIN)
        self.a_group.next_to(self.heading, DOWN, buff=GAP).to_edge(LEFT, buff=MARGIN)
        self.a_group.align_to(self.trace_line, UP)
        column.shift(LEFT * (column.get_left()[0] - self.a_group.get_right()[0] - GAP * 1.5) / 2)

    def diagonal_cells(self) -> VGroup:
        return VGroup(*(cell(self.a_matrix, i, i) for i in range(self.n)))

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        with self.beat(
            f"A square matrix A, {self.n} by {self.n}. Its trace, tr of A, is one number that "
            "says a surprising amount about it."
        ):
            self.play(FadeIn(self.heading), FadeIn(self.a_group), run_time=BEAT)
            self.show("A", np.asarray(self.A, dtype=float))
            self.wait(PAUSE)

    def sum_the_diagonal(self) -> None:
        diagonal = ", ".join(fmt(v, "entry") for v in self.diagonal)
        with self.beat(
            f"The trace adds the main diagonal: {diagonal}. So tr of A is "
            f"{fmt(self.trace, 'entry')}."
        ):
            box = style.highlight_box(self.diagonal_cells())
            self.play(Create(box), self.diagonal_cells().animate.set_color(HIGHLIGHT))
            self.play(FadeIn(self.trace_line[:2]), run_time=QUICK)
            self.play(TransformFromCopy(self.diagonal_cells(), self.trace_line[2]), run_time=BEAT)
            self.play(Write(self.trace_line[3:]), FadeOut(box), run_time=BEAT)
            self.settle(self.trace_line)
            self.show("diagonal", self.diagonal)
            self.show("trace", self.trace)
            self.wait(PAUSE)

    def sum_the_eigenvalues(self) -> None:
        values = ", ".join(fmt(v, "eigen") for v in self.eigenvalues)
        with self.beat(
            f"A's eigenvalues are {values}. They add up to {fmt(self.eigen_sum, 'eigen')}, the "
            "trace again: the trace is always the sum of the eigenvalues."
        ):
            self.play(Write(self.eigen_line), run_time=BEAT * 1.5)
            box = style.highlight_box(VGroup(self.trace_line[4], self.eigen_line[4]), color=RESULT)
            self.play(Create(box), run_time=BEAT)
            self.play(FadeOut(box), run_time=QUICK)
            self.show("eigenvalues", tuple(float(v) for v in self.eigenvalues))
            self.show("eigen_sum", self.eigen_sum)
            self.wait(PAUSE)

    def frobenius_from_trace(self) -> None:
        with self.beat(
            "Now multiply A by its transpose. Each diagonal entry of A A transpose is a row of "
            f"A dotted with itself, so its trace, {fmt(self.gram_trace, 'entry')}, is the sum "
            "of the squares of all of A's entries."
        ):
            self.play(FadeIn(self.gram_group), run_time=BEAT)
            box = style.highlight_box(self.gram_diagonal)
            self.play(Create(box), run_time=QUICK)
            self.play(Write(self.gram_line), FadeOut(box), run_time=BEAT * 1.5)
            self.show("gram", self.gram)
            self.show("gram_trace", self.gram_trace)
            self.show("squares", self.squares)
        with self.beat(
            "Its square root is the Frobenius norm, the size of the whole matrix: "
            f"the square root of {fmt(self.gram_trace, 'entry')} is "
            f"{fmt(self.frobenius, 'norm')}."
        ):
            self.play(Write(self.norm_line), run_time=BEAT * 1.5)
            self.show("frobenius", self.frobenius)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "The trace: the sum of the diagonal, equal to the sum of the eigenvalues; and the "
            "Frobenius norm is the square root of the trace of A A transpose."
        ):
            boxes = VGroup(
                style.highlight_box(VGroup(self.trace_line, self.eigen_line), color=RESULT),
                style.highlight_box(self.norm_line, color=RESULT),
            )
            self.play(Create(boxes), run_time=BEAT)
            self.show("summary", (self.trace, self.eigen_sum, self.frobenius))
            self.hold_poster()
