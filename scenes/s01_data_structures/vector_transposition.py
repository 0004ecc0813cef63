"""VectorTransposition: A row vector of shape (1, n) becomes a column of shape (n, 1) and back; the
zero vector has length 0 and no direction.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Arrow,
    FadeIn,
    GrowArrow,
    Indicate,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from lib.errors import InvalidInputError
from scenes import style
from scenes.inputs import Domain, Matrix
from scenes.s01_data_structures.shared import clear_of, content_matrix, fit_legibly, shape_formula
from scenes.style import (
    BEAT,
    BUFF,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    LessonScene,
    fmt,
    fmt_vector,
    num,
    shape_tex,
    tex,
    text,
)

#: Room left between the row and the column for the arrow that turns one into the other.
ARROW_ROOM = 1.6


class VectorTransposition(LessonScene):
    """A row vector becomes a column: shape (1, n) to (n, 1); and the zero vector."""

    x = ((3.0, -1.0, 4.0),)  # one row of three numbers
    domain = Domain(x=Matrix(1, (2, 6), -100, 100))

    def construct(self) -> None:
        self.column = linalg.transpose(self.x)  # every number, from lib, up front
        self.back = linalg.transpose(self.column)
        self.zero = np.zeros(linalg.shape_of(self.x)[1])
        self.zero_norm = linalg.l2_norm(self.zero)
        try:
            linalg.normalize(self.zero)
        except InvalidInputError as refusal:
            self.refusal = str(refusal)
        else:  # pragma: no cover - lib promises to refuse the zero vector
            raise ValueError("lib normalised the zero vector; it has no direction")
        self.lay_out()
        self.introduce_row()
        self.transpose_it()
        self.transpose_back()
        self.introduce_zero_vector()
        self.show_summary()

    def named(self, name: str, values: np.ndarray, colour: str) -> VGroup:
        """``name =`` a matrix, with its shape underneath."""
        matrix = content_matrix(values, color=colour, h_buff=0.9, v_buff=0.7)
        label = tex(name, "=", color=colour).next_to(matrix, LEFT, buff=BUFF)
        shape = shape_formula(linalg.shape_of(values), size=LABEL_SIZE + 4, color=MUTED)
        shape.next_to(matrix, DOWN, buff=BUFF)
        return VGroup(label, matrix, shape)

    def lay_out(self) -> None:
        """The row on the left and its transpose on the right, level, between heading and edge.

        A tall column starts under the heading and the row moves down with it; a wide row
        shrinks (never below the smallest text size) to leave room for the arrow between.
        """
        half = config.frame_width / 2 - MARGIN
        self.heading = style.title("Transposing a vector")
        self.row = self.named("x", np.asarray(self.x), INPUT)
        self.col = self.named("x^T", self.column, INPUT_2)
        self.row.move_to(LEFT * 3.2 + UP * 1.2)
        self.col.move_to(RIGHT * 2.6)
        self.col.shift(UP * (self.row[1].get_y() - self.col[1].get_y()))
        self.col.shift(LEFT * max(0.0, self.col.get_right()[0] - half))
        top = self.heading.get_bottom()[1] - GAP * 0.6
        drop = max(0.0, self.col.get_top()[1] - top)
        self.col.shift(DOWN * drop)
        self.row.shift(DOWN * drop)
        end = self.col.get_left()[0] - ARROW_ROOM
        fit_legibly(self.row, end + half)
        self.row.shift(UP * (self.col[1].get_y() - self.row[1].get_y()))
        self.row.shift(LEFT * max(0.0, self.row.get_right()[0] - end))
        self.row.shift(RIGHT * max(0.0, -half - self.row.get_left()[0]))

    def introduce_row(self) -> None:
        shape = linalg.shape_of(self.x)
        entries = ", ".join(fmt(v) for v in np.ravel(self.x))
        with self.beat(
            f"x = ({entries}) written as a row vector: one row of {fmt(shape[1], 'count')} "
            f"numbers, so its shape is {shape_tex(shape)}, one row by {fmt(shape[1], 'count')} "
            "columns."
        ):
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.row[:2]), run_time=BEAT)
            self.play(FadeIn(self.row[2], shift=UP * 0.2), run_time=BEAT)
            self.show("x_shape", shape)
            self.wait(PAUSE)

    def transpose_it(self) -> None:
        shape = linalg.shape_of(self.column)
        with self.beat(
            "Transposing turns rows into columns: entry i of the row becomes row i of the "
            f"column. x transpose is a column vector of shape {shape_tex(shape)}."
        ):
            arrow = Arrow(
                self.row[1].get_right(),
                self.col[0].get_left(),
                buff=GAP * 0.6,
                color=MUTED,
                stroke_width=4,
            )
            t_label = tex("T", size=LABEL_SIZE + 4, color=MUTED).next_to(arrow, UP, buff=BUFF * 0.5)
            row_entries, column_entries = self.row[1].get_entries(), self.col[1].get_entries()
            self.play(GrowArrow(arrow), FadeIn(t_label), FadeIn(self.col[0]), run_time=QUICK)
            self.play(
                *(
                    TransformFromCopy(a, b, path_arc=-PI / 2)
                    for a, b in zip(row_entries, column_entries, strict=True)
                ),
                TransformFromCopy(self.row[1].get_brackets(), self.col[1].get_brackets()),
                run_time=BEAT * 1.5,
            )
            self.settle(self.col[1])
            self.play(FadeIn(self.col[2], shift=UP * 0.2), run_time=BEAT)
            self.arrow = VGroup(arrow, t_label)
            self.show("column", tuple(float(v) for v in np.ravel(self.column)))
            self.show("column_shape", shape)
            self.wait(PAUSE)

    def transpose_back(self) -> None:
        shape = linalg.shape_of(self.back)
        same = bool(np.array_equal(self.back, np.asarray(self.x)))
        with self.beat(
            f"Transpose the column and the row comes back, shape {shape_tex(shape)}: "
            "the transpose of x transpose is x again."
        ):
            if not same:  # pragma: no cover - lib's transpose is its own inverse
                raise ValueError("transposing twice did not give x back")
            self.twice = tex(r"(x^T)^T = x", color=INPUT)
            self.twice.next_to(self.row, DOWN, buff=GAP * 1.2)
            self.play(Write(self.twice), run_time=BEAT)
            self.show("back_shape", shape)
            self.wait(PAUSE)

    def introduce_zero_vector(self) -> None:
        n = fmt(len(self.zero), "count")
        with self.beat(
            f"The zero vector has all {n} entries equal to 0. Its length is "
            f"{fmt(self.zero_norm, 'norm')}, and it is the one vector with no direction: "
            "it cannot be scaled to length 1."
        ):
            zero = tex(r"\mathbf{0}", "=", fmt_vector(self.zero))
            norm = tex(r"\|\mathbf{0}\|_2", "=", num(self.zero_norm, "norm"))
            refusal = text("no direction: it cannot be normalised", size=LABEL_SIZE, color=ERROR)
            heading = text("the zero vector", size=LABEL_SIZE, color=MUTED)
            self.zero_facts = VGroup(
                heading, VGroup(zero, norm).arrange(RIGHT, buff=GAP * 2), refusal
            ).arrange(DOWN, buff=BUFF * 1.4)
            self.zero_facts.move_to(DOWN * 2.6)
            if not clear_of(self.zero_facts, [self.col, self.twice]):  # beside a tall column
                left = -config.frame_width / 2 + MARGIN
                fit_legibly(self.zero_facts, self.col.get_left()[0] - GAP - left)
                self.zero_facts.move_to([(left + self.col.get_left()[0] - GAP) / 2, -2.6, 0])
                bottom = -config.frame_height / 2 + MARGIN
                self.zero_facts.shift(UP * max(0.0, bottom - self.zero_facts.get_bottom()[1]))
            self.play(FadeIn(heading), FadeIn(zero, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(norm, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(refusal), run_time=BEAT)
            self.show("zero", tuple(float(v) for v in self.zero))
            self.show("zero_norm", self.zero_norm)
            self.show("zero_refusal", self.refusal)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        row_shape, column_shape = linalg.shape_of(self.x), linalg.shape_of(self.column)
        with self.beat(
            f"A row of shape {shape_tex(row_shape)} transposes into a column of shape "
            f"{shape_tex(column_shape)} and back again; the zero vector has length 0 and "
            "no direction."
        ):
            self.play(
                Indicate(self.row[2], color=HIGHLIGHT),
                Indicate(self.col[2], color=HIGHLIGHT),
                run_time=BEAT,
            )
            self.hold_poster()
