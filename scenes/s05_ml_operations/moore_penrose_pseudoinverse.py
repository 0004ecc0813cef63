"""MoorePenrosePseudoinverse: A matrix that is not square has no inverse, but it has a
pseudoinverse: A^+ = V D^+ U^T from its SVD, and A A^+ A = A.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
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
from scenes.s05_ml_operations.shared import SIGMA, U_COLOUR, V_COLOUR
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_HEIGHT,
    SAFE_WIDTH,
    TEXT,
    LessonScene,
    cell,
    fitted_matrix,
    fmt,
    tex,
    text,
)

MATRIX_SIZE = LABEL_SIZE + 2


def not_square(values: Mapping[str, Any]) -> bool:
    rows = values["A"]
    return len(rows) != len(rows[0])


def not_zero(values: Mapping[str, Any]) -> bool:
    return any(float(v) != 0 for row in values["A"] for v in row)


def values_show(values: Mapping[str, Any]) -> bool:
    """Each singular value and its reciprocal is 0 or large enough not to read as 0."""
    steps = linalg.pseudoinverse_steps(values["A"])
    diagonal = [*np.diagonal(steps.d), *np.diagonal(steps.d_plus)]
    return all(v == 0 or fmt(v, "entry") != "0" for v in diagonal)


def named(values: Any, name: str, colour: str) -> VGroup:
    """A matrix of ``values`` with its name over it, both in ``colour``."""
    body = fitted_matrix(values, size=MATRIX_SIZE, h_buff=0.75, v_buff=0.55, gap=0.35)
    body.set_color(colour)
    label = tex(name, size=MATRIX_SIZE, color=colour).next_to(body, UP, buff=BUFF * 0.4)
    return VGroup(body, label)


def equation(*parts: VGroup | str) -> VGroup:
    """Matrices and symbols in a row, the symbols level with the matrices' middles."""
    row = VGroup(*(tex(p, size=MATRIX_SIZE) if isinstance(p, str) else p for p in parts))
    row.arrange(RIGHT, buff=BUFF * 0.8)
    for part in row:
        if isinstance(part, VGroup):  # a named matrix: its body on the row's line
            part.shift(UP * (row.get_center()[1] - part[0].get_center()[1]))
    return row


class MoorePenrosePseudoinverse(LessonScene):
    """A^+ = V D^+ U^T for a non-square A: D^+ flips D's shape and inverts its diagonal."""

    A = ((2.0, 0.0), (1.0, 1.0), (0.0, 2.0))  # any non-square matrix, up to 3 x 3
    domain = Domain(
        A=Matrix((1, 3), (1, 3), -5, 5),
        rules=(
            Rule("must not be square (a square A may have an inverse)", ("A",), not_square),
            Rule("must not be the zero matrix", ("A",), not_zero),
            Rule(
                "must have singular values 0 or large enough to show, with reciprocals too",
                ("A",),
                values_show,
            ),
        ),
    )

    def construct(self) -> None:
        self.steps = linalg.pseudoinverse_steps(self.A)  # every number, from lib, up front
        self.m, self.n = np.shape(self.A)
        self.build_rows()
        self.introduce_matrix()
        self.decompose()
        self.invert_d()
        self.assemble_pseudoinverse()
        self.check_identity()
        self.show_summary()

    # -- layout -------------------------------------------------------------------------

    def build_rows(self) -> None:
        s = self.steps
        self.heading = style.title("The Moore-Penrose pseudoinverse")
        self.a_named = named(self.A, "A", TEXT)
        self.shape_note = text(
            f"{self.m} × {self.n}: not square, no inverse", size=LABEL_SIZE, color=MUTED
        )
        self.u_named = named(s.u, "U", U_COLOUR)
        self.d_named = named(s.d, "D", SIGMA)
        self.vt_named = named(s.vt, "V^T", V_COLOUR)
        self.svd_row = equation(self.a_named, "=", self.u_named, self.d_named, self.vt_named)
        self.v_named = named(s.vt.T, "V", V_COLOUR)
        self.dp_named = named(s.d_plus, "D^+", SIGMA)
        self.ut_named = named(s.u.T, "U^T", U_COLOUR)
        self.pinv_symbol = tex("A^+", "=", size=MATRIX_SIZE, color=RESULT)
        self.pinv_row = equation(self.pinv_symbol, self.v_named, self.dp_named, self.ut_named)
        self.pinv_named = named(s.pinv, "A^+", RESULT)
        self.check_named = named(s.check, r"A A^+ A", RESULT)
        self.check_row = equation(self.check_named, "=", r"A\ \checkmark")
        self.result_row = VGroup(self.pinv_named, self.check_row)
        self.result_row.arrange(RIGHT, buff=GAP * 2, aligned_edge=UP)  # names level
        rows = [self.heading, self.svd_row, self.pinv_row, self.result_row]
        for row in rows:
            style.fit_width(row, SAFE_WIDTH)
        room = SAFE_HEIGHT - sum(row.height for row in rows)
        VGroup(*rows).arrange(DOWN, buff=min(GAP * 1.2, room / 3)).to_edge(UP, buff=MARGIN)
        self.shape_note.next_to(self.a_named, RIGHT, buff=GAP)

    def diagonal(self, group: VGroup, count: int) -> VGroup:
        """The first ``count`` diagonal cells of a named matrix."""
        return VGroup(*(cell(group[0], i, i) for i in range(count)))

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        with self.beat(
            f"A is {self.m} by {self.n}. It is not square, so it has no inverse. It has the "
            "next best thing: the Moore-Penrose pseudoinverse, A plus."
        ):
            self.play(FadeIn(self.heading), FadeIn(self.a_named), run_time=BEAT)
            self.play(FadeIn(self.shape_note), run_time=QUICK)
            self.show("A", np.asarray(self.A, dtype=float))
            self.wait(PAUSE)

    def decompose(self) -> None:
        values = np.diagonal(self.steps.d)
        said = " and ".join(fmt(v, "entry") for v in values)
        with self.beat(
            f"Start from its singular value decomposition, A = U D V transpose. U and V are "
            f"orthogonal; D is {self.m} by {self.n}, like A, with the singular values {said} on "
            "its diagonal."
        ):
            self.play(FadeOut(self.shape_note), run_time=QUICK)
            rest = self.svd_row[1:]
            self.play(FadeIn(rest), run_time=BEAT * 1.5)
            box = style.highlight_box(self.diagonal(self.d_named, len(values)))
            self.play(Create(box), run_time=BEAT)
            self.play(FadeOut(box), run_time=QUICK)
            self.show("u", self.steps.u)
            self.show("d", self.steps.d)
            self.show("vt", self.steps.vt)

    def invert_d(self) -> None:
        count = min(self.m, self.n)
        values = np.diagonal(self.steps.d)
        zero = " A zero singular value stays 0." if self.steps.rank < count else ""
        with self.beat(
            f"D plus is D transposed, {self.n} by {self.m}, with each non-zero singular value "
            f"replaced by its reciprocal: 1 over {fmt(values[0], 'entry')} is "
            f"{fmt(self.steps.d_plus[0, 0], 'entry')}.{zero}"
        ):
            self.play(FadeIn(self.dp_named[0].get_brackets()), FadeIn(self.dp_named[1]))
            reciprocals = self.diagonal(self.dp_named, count)
            others = VGroup(*(e for e in self.dp_named[0].get_entries() if e not in reciprocals))
            self.play(
                TransformFromCopy(self.diagonal(self.d_named, count), reciprocals),
                FadeIn(others),
                run_time=BEAT * 1.5,
            )
            self.settle(self.dp_named)
            self.show("d_plus", self.steps.d_plus)
            self.wait(PAUSE)

    def assemble_pseudoinverse(self) -> None:
        with self.beat(
            "Then A plus = V D plus U transpose: the factors in reverse order, each one undone. "
            f"A plus is {self.n} by {self.m}."
        ):
            self.play(
                FadeIn(self.pinv_symbol),
                TransformFromCopy(self.vt_named, self.v_named),
                TransformFromCopy(self.u_named, self.ut_named),
                run_time=BEAT * 1.5,
            )
            self.settle(self.v_named, self.ut_named)
            self.play(FadeIn(self.pinv_named), run_time=BEAT)
            self.show("pinv", self.steps.pinv)
            self.wait(PAUSE)

    def check_identity(self) -> None:
        with self.beat("The defining check: A times A plus times A gives A back, entry for entry."):
            self.play(Write(self.check_row), run_time=BEAT * 1.5)
            self.show("check", self.steps.check)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "For any matrix, square or not: A plus = V D plus U transpose, and A A plus A = A."
        ):
            boxes = VGroup(
                style.highlight_box(self.pinv_symbol, color=RESULT),
                style.highlight_box(self.check_row[1:], color=RESULT),
            )
            self.play(Create(boxes), run_time=BEAT)
            self.show("summary_pinv", self.steps.pinv)
            self.hold_poster()
