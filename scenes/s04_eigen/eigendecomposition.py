"""Eigendecomposition: A = V diag(lambda) V^-1, rebuilt from its eigenvectors and eigenvalues;
for a symmetric matrix the eigenvectors are orthonormal and S = Q Lambda Q^T.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, TransformFromCopy, VGroup, Write

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Rule, Vector
from scenes.s04_eigen.shared import EIGENVALUES_SHOW, PAIR_COLOURS, REAL_EIGENVALUES
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fitted_matrix,
    fmt,
    tex,
)


def symmetric_of(entries: Sequence[float]) -> tuple[tuple[float, float], tuple[float, float]]:
    """The symmetric matrix ((a, b), (b, d)) of ``entries`` = (a, b, d)."""
    a, b, d = (float(v) for v in entries)
    return ((a, b), (b, d))


def _diagonalisable(inputs: Mapping[str, Any]) -> bool:
    linalg.eigendecompose(inputs["matrix"])  # refuses a defective matrix with lib's reason
    return True


def _symmetric_shows(inputs: Mapping[str, Any]) -> bool:
    return EIGENVALUES_SHOW.check({"matrix": symmetric_of(inputs["symmetric"])})


DIAGONALISABLE = Rule(
    "must have two independent eigenvectors (not a shear-like, defective matrix)",
    ("matrix",),
    _diagonalisable,
)
SYMMETRIC_SHOWS = Rule(
    "must give eigenvalues that are 0 or at least 0.005 in size (smaller ones show as 0)",
    ("symmetric",),
    _symmetric_shows,
)


def named(name: str, values: Any, colour: str = style.TEXT, **kwargs: Any) -> VGroup:
    """A matrix with its name underneath, at the caption size."""
    shown = fitted_matrix(np.asarray(values), size=CAPTION_SIZE, h_buff=0.8, v_buff=0.6, **kwargs)
    shown.set_color(colour)
    label = tex(name, size=LABEL_SIZE + 4, color=colour).next_to(shown, DOWN, buff=BUFF * 0.8)
    return VGroup(shown, label)


def colour_columns(block: VGroup) -> VGroup:
    """Colour each column of a named matrix in its eigenpair's colour."""
    for column, colour in zip(block[0].get_columns(), PAIR_COLOURS, strict=False):
        column.set_color(colour)
    return block


def product_row(left: VGroup, *factors: VGroup) -> VGroup:
    """``left = f1 f2 f3``: named matrices in a row, with an equals sign after the first."""
    equals = tex("=").set_y(left[0].get_y())
    row = VGroup(left, equals, *factors).arrange(RIGHT, buff=GAP * 0.6, aligned_edge=UP)
    equals.set_y(left[0].get_y())
    return style.fit_width(row, style.SAFE_WIDTH)


class Eigendecomposition(LessonScene):
    """A rebuilt from V, diag(lambda) and V^-1; a symmetric S from Q, Lambda and Q^T."""

    matrix = ((4.0, 1.0), (2.0, 3.0))  # any real 2x2 with two independent eigenvectors
    symmetric = (2.0, 1.0, 2.0)  # S = ((a, b), (b, d)) from (a, b, d)
    domain = Domain(
        matrix=Matrix(2, 2, -5, 5),
        symmetric=Vector(3, -5, 5),
        rules=(REAL_EIGENVALUES, EIGENVALUES_SHOW, DIAGONALISABLE, SYMMETRIC_SHOWS),
    )

    def construct(self) -> None:
        self.V, self.values, self.V_inv = linalg.eigendecompose(self.matrix)  # all from lib
        self.rebuilt = linalg.matmul(linalg.matmul(self.V, np.diag(self.values)), self.V_inv)
        self.S = symmetric_of(self.symmetric)
        self.Q, self.s_values, Q_inv = linalg.eigendecompose(self.S)
        self.Q_T = linalg.transpose(self.Q)
        self.s_rebuilt = linalg.matmul(linalg.matmul(self.Q, np.diag(self.s_values)), self.Q_T)
        self.heading = style.title("Eigendecomposition")
        self.show("Q_inverse", Q_inv)
        self.introduce_parts()
        self.rebuild_a()
        self.turn_to_symmetric()
        self.show_summary()

    # -- beats --------------------------------------------------------------------------

    def general_row(self) -> VGroup:
        return product_row(
            named("A", self.matrix, INPUT),
            colour_columns(named("V", self.V)),
            named(r"\Lambda", np.diag(self.values), HIGHLIGHT),
            named("V^{-1}", self.V_inv),
        )

    def symmetric_row(self) -> VGroup:
        return product_row(
            named("S", self.S, INPUT),
            colour_columns(named("Q", self.Q)),
            named(r"\Lambda", np.diag(self.s_values), HIGHLIGHT),
            named("Q^{T}", self.Q_T),
        )

    def introduce_parts(self) -> None:
        shown = " and ".join(fmt(v, "eigen") for v in self.values)
        with self.beat(
            f"A has eigenvalues {shown}. Put its unit eigenvectors side by side as the columns "
            "of V, the eigenvalues on the diagonal of Lambda, and invert V."
        ):
            self.row = self.general_row().next_to(self.heading, DOWN, buff=GAP * 1.2)
            a_block, equals, v_block, l_block, inv_block = self.row
            self.play(FadeIn(self.heading), FadeIn(a_block), run_time=BEAT)
            self.play(FadeIn(equals), FadeIn(v_block), run_time=BEAT)
            self.play(FadeIn(l_block), run_time=BEAT)
            self.play(FadeIn(inv_block), run_time=BEAT)
            self.show("V", self.V)
            self.show("lambda", tuple(float(v) for v in self.values))
            self.show("V_inverse", self.V_inv)
            self.wait(PAUSE)

    def rebuild_a(self) -> None:
        with self.beat(
            "Multiply them back. V inverse finds how much of each eigenvector a vector holds, "
            "Lambda stretches each amount by its eigenvalue, and V adds the eigenvectors back "
            "up. The product is A again: A = V Lambda V inverse."
        ):
            product = named(r"V \Lambda V^{-1}", self.rebuilt, RESULT)
            check = VGroup(tex("=", color=RESULT), product).arrange(RIGHT, buff=GAP * 0.6)
            check.next_to(self.row, DOWN, buff=GAP)
            self.play(
                TransformFromCopy(VGroup(*self.row[2:]), product),
                FadeIn(check[0]),
                run_time=BEAT * 1.5,
            )
            box = style.highlight_box(VGroup(product, self.row[0]))
            self.play(FadeIn(box), run_time=QUICK)
            self.play(FadeOut(box), run_time=QUICK)
            self.check = check
            self.show("rebuilt", self.rebuilt)
            self.wait(PAUSE)

    def turn_to_symmetric(self) -> None:
        (a, b), (_, d) = ([fmt(v, "entry") for v in row] for row in self.S)
        with self.beat(
            f"A symmetric matrix S, with rows ({a}, {b}) and ({b}, {d}), does better: its "
            "eigenvectors are perpendicular, so Q's inverse is just its transpose. S = Q Lambda "
            "Q transpose."
        ):
            caption = tex(r"V \Lambda V^{-1} = A", color=RESULT)
            caption.next_to(self.row, RIGHT, buff=GAP)
            shift = -VGroup(self.row, caption).get_x()
            caption.shift(RIGHT * shift)
            self.play(
                FadeOut(self.check),
                self.row.animate.shift(RIGHT * shift),
                FadeIn(caption),
                run_time=BEAT,
            )
            self.s_row = self.symmetric_row().next_to(self.row, DOWN, buff=GAP * 1.2)
            self.s_row.align_to(self.row, LEFT)
            check = VGroup(
                tex(r"Q^{T} Q = I", color=RESULT), tex(r"Q \Lambda Q^{T} = S", color=RESULT)
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
            check.next_to(self.s_row, RIGHT, buff=GAP).align_to(caption, LEFT)
            self.play(FadeIn(self.s_row), run_time=BEAT * 1.5)
            self.play(Write(check), run_time=BEAT)
            self.show("Q", self.Q)
            self.show("Q_T", self.Q_T)
            self.show("s_lambda", tuple(float(v) for v in self.s_values))
            self.show("s_rebuilt", self.s_rebuilt)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "A matrix with enough eigenvectors is its eigenvectors, stretched by its "
            "eigenvalues: A = V Lambda V inverse, and for a symmetric S, S = Q Lambda Q "
            "transpose."
        ):
            rule = tex(
                r"A = V \Lambda V^{-1}", r"\qquad\qquad", r"S = Q \Lambda Q^{T}", color=HIGHLIGHT
            )
            rule.to_edge(DOWN, buff=style.MARGIN + 0.3)
            self.play(FadeIn(rule, shift=UP * 0.2), run_time=BEAT)
            self.wait(PAUSE)
            self.hold_poster()
