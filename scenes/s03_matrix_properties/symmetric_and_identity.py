"""SymmetricAndIdentity: a symmetric matrix is its own mirror image across the main diagonal,
so it equals its transpose; the identity matrix leaves every vector unchanged.
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
    FadeIn,
    FadeOut,
    Indicate,
    Matrix,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s03_matrix_properties.shared import column, floats, rows
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    EIGEN,
    EIGEN_2,
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
    tex,
    text,
)

#: One colour per mirrored pair of entries (s_ij, s_ji).
PAIR_COLOURS = (INPUT_2, EIGEN, EIGEN_2)

SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def pairs_above(n: int) -> list[tuple[int, int]]:
    """The positions (i, j), i < j, above the main diagonal of an n x n matrix, row by row."""
    return [(i, j) for i in range(n) for j in range(i + 1, n)]


def size_for(above: Sequence[float]) -> int | None:
    """n for a symmetric n x n matrix with ``len(above)`` entries above its diagonal."""
    return {1: 2, 3: 3}.get(len(above))


def symmetric_matrix(diagonal: Sequence[float], above: Sequence[float]) -> np.ndarray:
    """The matrix with ``diagonal`` on its diagonal and ``above`` mirrored across it."""
    n = len(diagonal)
    matrix = np.diag(np.asarray(diagonal, dtype=float))
    for (i, j), value in zip(pairs_above(n), above, strict=True):
        matrix[i, j] = matrix[j, i] = value
    return matrix


def _sizes_fit(inputs: Mapping[str, Any]) -> bool:
    return size_for(inputs["above_diagonal"]) == len(inputs["diagonal"])


SIZES_FIT = Rule(
    "must fit together: a 2 x 2 matrix has 1 entry above its diagonal, a 3 x 3 has 3",
    ("diagonal", "above_diagonal"),
    _sizes_fit,
)


class SymmetricAndIdentity(LessonScene):
    """S equals its transpose, pair by mirrored pair; I v = v for the identity I."""

    diagonal = (2.0, -1.0, 3.0)  # the symmetric matrix S: its diagonal...
    above_diagonal = (4.0, 0.5, -2.0)  # ...and the entries above it, row by row, mirrored below
    v = (3.0, -2.0)  # the vector the identity leaves unchanged
    domain = Domain(
        diagonal=Vector((2, 3), -10, 10),
        above_diagonal=Vector((1, 3), -10, 10),
        v=Vector((2, 3), -10, 10),
        rules=(SIZES_FIT,),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_symmetric()
        self.match_mirrored_pairs()
        self.transpose_changes_nothing()
        self.introduce_identity()
        self.identity_keeps_vector()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.S = symmetric_matrix(self.diagonal, self.above_diagonal)
        self.n = len(self.diagonal)
        self.S_T = linalg.transpose(self.S)
        self.symmetric = linalg.is_symmetric(self.S)
        self.identity = linalg.identity(len(self.v))
        self.image = linalg.matmul(self.identity, self.v)
        self.identity_symmetric = linalg.is_symmetric(self.identity)
        self.show("S", rows(self.S))
        self.show("S_T", rows(self.S_T))
        self.show("symmetric", self.symmetric)
        self.show("identity", rows(self.identity))
        self.show("I_v", floats(self.image))
        self.show("identity_symmetric", self.identity_symmetric)

    # -- builders -----------------------------------------------------------------------

    def named(self, name: str, values: Any, colour: str) -> VGroup:
        """``name = [values]``."""
        return VGroup(tex(name, "=", color=colour), fitted_matrix(values, color=colour)).arrange(
            RIGHT, buff=BUFF
        )

    def diagonal_marks(self, matrix: Matrix) -> VGroup:
        """The main diagonal of ``matrix``: its entries (i, i), each in a faint box."""
        return VGroup(
            *(
                style.highlight_box(style.cell(matrix, i, i), MUTED, buff=0.08)
                for i in range(self.n)
            )
        )

    def pair_boxes(self, matrix: Matrix) -> VGroup:
        """Each mirrored pair of entries boxed in its pair's colour."""
        boxes = VGroup()
        for k, (i, j) in enumerate(pairs_above(self.n)):
            colour = PAIR_COLOURS[k % len(PAIR_COLOURS)]
            for a, b in ((i, j), (j, i)):
                boxes.add(style.highlight_box(style.cell(matrix, a, b), colour, buff=0.08))
        return boxes

    def identity_row(self) -> VGroup:
        """``I v = [I][v] = [I v]`` with the numbers."""
        row = VGroup(
            tex("I", "v", "="),
            fitted_matrix(self.identity, color=RESULT),
            column(self.v, INPUT_2),
            tex("="),
            column(self.image, INPUT_2),
        ).arrange(RIGHT, buff=BUFF)
        row[0][0].set_color(RESULT)
        row[0][1].set_color(INPUT_2)
        return row

    # -- beats --------------------------------------------------------------------------

    def introduce_symmetric(self) -> None:
        with self.beat(
            "A symmetric matrix is its own mirror image across the main diagonal, the entries "
            "from top left to bottom right."
        ):
            self.heading = style.title("Symmetric matrices and the identity")
            self.s_group = self.named("S", self.S, INPUT)
            self.s_group.move_to(UP * 0.6).set_x(-3.2)
            self.mirror = self.diagonal_marks(self.s_group[1])
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.s_group), run_time=BEAT)
            self.play(Create(self.mirror), run_time=BEAT)
            self.wait(PAUSE)

    def match_mirrored_pairs(self) -> None:
        pairs = pairs_above(self.n)
        said = "; ".join(
            f"s{f'{i + 1}{j + 1}'.translate(SUBSCRIPT_DIGITS)} = "
            f"s{f'{j + 1}{i + 1}'.translate(SUBSCRIPT_DIGITS)} = {fmt(self.S[i, j])}"
            for i, j in pairs
        )
        with self.beat(f"Each entry above the diagonal equals its mirror image below: {said}."):
            self.boxes = self.pair_boxes(self.s_group[1])
            self.play(Create(self.boxes), run_time=BEAT * 1.5)
            self.wait(PAUSE)

    def transpose_changes_nothing(self) -> None:
        with self.beat(
            "The transpose flips a matrix across that same diagonal, so for S it changes "
            "nothing: S transposed equals S."
        ):
            self.t_group = self.named("S^{T}", self.S_T, INPUT)
            self.t_group.match_y(self.s_group).set_x(3.2)
            self.play(
                TransformFromCopy(self.s_group[1], self.t_group[1]),
                FadeIn(self.t_group[0]),
                FadeOut(self.boxes),
                run_time=BEAT * 1.5,
            )
            verdict = "symmetric" if self.symmetric else "not symmetric"
            self.equal = VGroup(
                tex("S^{T} = S", color=RESULT),
                text(f"S is {verdict}", size=CAPTION_SIZE, color=RESULT),
            ).arrange(DOWN, buff=BUFF)
            self.equal.next_to(VGroup(self.s_group, self.t_group), DOWN, buff=GAP)
            self.play(Write(self.equal), run_time=BEAT)
            self.wait(PAUSE)

    def introduce_identity(self) -> None:
        k = len(self.v)
        with self.beat(
            f"The identity matrix I has ones on its diagonal and zeros everywhere else. "
            f"Here it is {k} by {k}: symmetric too."
        ):
            self.play(
                FadeOut(VGroup(self.s_group, self.t_group, self.mirror, self.equal)),
                run_time=QUICK,
            )
            self.i_group = self.named("I", self.identity, RESULT)
            self.i_group.move_to(UP * 1.2)
            self.play(FadeIn(self.i_group), run_time=BEAT)
            ones = VGroup(*(style.cell(self.i_group[1], i, i) for i in range(k)))
            self.play(Indicate(ones, color=HIGHLIGHT), run_time=BEAT)
            self.wait(PAUSE)

    def identity_keeps_vector(self) -> None:
        with self.beat(
            "Multiply any vector by I: each row of I picks out one entry of v, so I v = v. "
            "The identity changes nothing."
        ):
            self.i_row = self.identity_row()
            style.fit_width(self.i_row, style.SAFE_WIDTH)
            self.i_row.next_to(self.i_group, DOWN, buff=GAP * 1.5)
            self.play(FadeIn(self.i_row[:3]), run_time=BEAT)
            self.play(
                TransformFromCopy(self.i_row[2], self.i_row[4]),
                FadeIn(self.i_row[3]),
                run_time=BEAT,
            )
            same = tex("= v", color=INPUT_2).next_to(self.i_row, RIGHT, buff=BUFF)
            self.play(Write(same), run_time=QUICK)
            self.wait(PAUSE)
            self.i_row.add(same)

    def show_summary(self) -> None:
        with self.beat(
            "A symmetric matrix equals its transpose, S = Sᵀ. The identity leaves every "
            "vector unchanged, I v = v."
        ):
            self.play(FadeOut(VGroup(self.i_group, self.i_row)), run_time=QUICK)
            left = style.panel(
                "Symmetric",
                self.named("S", self.S, INPUT),
                tex("S^{T} = S", color=RESULT),
                color=INPUT,
            )
            mirror = self.diagonal_marks(left[1][1][1])
            left.add(mirror)
            right = style.panel("Identity", self.identity_row(), tex("I v = v", color=RESULT))
            right[0].set_stroke(RESULT)
            right[1][0].set_color(RESULT)
            panels = VGroup(left, right).arrange(RIGHT, buff=GAP, aligned_edge=UP)
            style.fit_width(panels, style.SAFE_WIDTH)
            panels.next_to(self.heading, DOWN, buff=GAP)
            self.play(FadeIn(left, shift=RIGHT * 0.2), run_time=BEAT)
            self.play(FadeIn(right, shift=LEFT * 0.2), run_time=BEAT)
            self.hold_poster()
