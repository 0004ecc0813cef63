"""MatricesAndIndexing: A matrix's shape, and one row, one column and one element picked out by
0-based numpy indexing.
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
    Indicate,
    Mobject,
    TransformFromCopy,
    VGroup,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Number, Rule
from scenes.s01_data_structures.shared import content_matrix, fit_legibly, shape_formula
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MIN_TEXT_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    TEXT,
    LessonScene,
    fmt,
    shape_tex,
    tex,
    text,
)

#: The matrix's type size, and the room its row numbers take on its left.
MATRIX_SIZE = BODY_SIZE + 6
INDEX_ROOM = 0.6


def indices_fit(inputs: Mapping[str, Any]) -> bool:
    """Whether row_index and column_index name a row and a column of X (lib reads its shape)."""
    rows, columns = linalg.shape_of(inputs["X"])
    return inputs["row_index"] < rows and inputs["column_index"] < columns


class MatricesAndIndexing(LessonScene):
    """A matrix, its shape, and one row, one column and one element picked out by index."""

    X = ((2.0, 7.0, 1.0, 8.0), (4.0, 9.0, 3.0, 5.0), (6.0, 0.0, 2.0, 7.0))
    row_index = 1  # numpy counts from 0
    column_index = 2
    domain = Domain(
        X=Matrix((2, 5), (2, 5), -100, 100),
        row_index=Number(0, 4, integer=True),
        column_index=Number(0, 4, integer=True),
        rules=(
            Rule(
                "must index a row and a column of X, counting from 0",
                ("row_index", "column_index"),
                indices_fit,
            ),
        ),
    )

    def construct(self) -> None:
        self.values = np.asarray(self.X, dtype=float)
        self.shape = linalg.shape_of(self.values)
        self.i, self.j = int(self.row_index), int(self.column_index)  # typed as 1 or 1.0 alike
        if not indices_fit({"X": self.X, "row_index": self.i, "column_index": self.j}):
            raise ValueError(
                f"X has shape {self.shape}; row_index must be 0-{self.shape[0] - 1} and "
                f"column_index 0-{self.shape[1] - 1}, got {self.i} and {self.j}"
            )
        # The lesson is numpy's own indexing; lib gives the shapes of what it returns.
        self.row = self.values[self.i, :]
        self.column = self.values[:, self.j]
        self.element = self.values[self.i, self.j]
        self.lay_out()
        self.introduce_matrix()
        self.pick_row()
        self.pick_column()
        self.pick_element()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def lay_out(self) -> None:
        """The matrix on the left, the three readouts in a column on its right.

        The readouts keep their size where they can; the matrix takes the width they leave
        (shrinking, never below the smallest text size), and a readout still too wide puts
        its numbers on a line of their own.
        """
        half_width = config.frame_width / 2 - MARGIN
        half_height = config.frame_height / 2 - MARGIN
        self.heading = style.title("Matrices and indexing")
        i, j = fmt(self.i, "count"), fmt(self.j, "count")
        self.readouts = [
            self.readout(self.code(i, ":"), self.row, INPUT),
            self.readout(self.code(":", j), self.column, INPUT_2),
            self.readout(self.code(i, j), self.element, HIGHLIGHT),
        ]
        widest = max(readout.width for readout in self.readouts)
        self.matrix = content_matrix(self.values, size=MATRIX_SIZE, h_buff=1.3, v_buff=1.0)
        room_across = 2 * half_width - GAP * 1.6 - INDEX_ROOM - widest
        room_down = self.heading.get_bottom()[1] - GAP - 1.9 + half_height  # numbers, caption
        scale = min(1.0, room_across / self.matrix.width, room_down / self.matrix.height)
        self.matrix.scale(max(scale, MIN_TEXT_SIZE / MATRIX_SIZE))
        self.matrix.move_to(LEFT * 3.3 + UP * 0.1)
        index_size = max(MIN_TEXT_SIZE, (LABEL_SIZE + 4) * min(scale, 1.0))
        self.column_numbers = VGroup(
            *(
                tex(fmt(k, "count"), size=index_size, color=MUTED).next_to(
                    column, UP, buff=GAP * 0.8
                )
                for k, column in enumerate(self.matrix.get_columns())
            )
        )
        top = max(n.get_y() for n in self.column_numbers)
        for label in self.column_numbers:
            label.set_y(top)
        self.row_numbers = VGroup(
            *(
                tex(fmt(k, "count"), size=index_size, color=MUTED)
                .next_to(self.matrix, LEFT, buff=BUFF)
                .set_y(row.get_y())
                for k, row in enumerate(self.matrix.get_rows())
            )
        )
        self.caption = VGroup(
            VGroup(tex("X", color=TEXT), shape_formula(self.shape, color=MUTED)).arrange(
                RIGHT, buff=GAP
            ),
            text("rows and columns count from 0", size=LABEL_SIZE, color=MUTED),
        ).arrange(DOWN, buff=BUFF)
        self.caption.next_to(self.matrix, DOWN, buff=GAP)
        picture = VGroup(self.matrix, self.column_numbers, self.row_numbers, self.caption)
        picture.shift(DOWN * max(0.0, picture.get_top()[1] - (self.heading.get_bottom()[1] - GAP)))
        picture.shift(UP * max(0.0, -half_height - picture.get_bottom()[1]))
        picture.shift(RIGHT * max(0.0, -half_width - picture.get_left()[0]))
        self.column_left = max(self.matrix.get_right()[0], self.caption.get_right()[0]) + GAP * 1.6
        below: Mobject = self.column_numbers
        for k, readout in enumerate(self.readouts):
            if not fit_legibly(readout, half_width - self.column_left):
                readout[1].next_to(readout[0], DOWN, buff=BUFF * 0.8, aligned_edge=LEFT)
                readout[2].next_to(readout[1], DOWN, buff=BUFF * 0.8, aligned_edge=LEFT)
                fit_legibly(readout, half_width - self.column_left)
            if k == 0:
                readout.move_to([self.column_left, 0, 0], aligned_edge=LEFT)
                readout.align_to(below, UP)
            else:
                readout.next_to(below, DOWN, buff=GAP * 1.4, aligned_edge=LEFT)
            below = readout
        overflow = -half_height - self.readouts[-1].get_bottom()[1]
        if overflow > 0:  # long readouts: the column starts higher
            for readout in self.readouts:
                readout.shift(UP * overflow)

    def readout(self, code: str, values: np.ndarray, colour: str) -> VGroup:
        """``X[1, :] =`` then ``[4, 9, 3, 5]``, over ``shape (4,)``."""
        shown = (
            fmt(values, "entry")
            if np.ndim(values) == 0
            else "[" + ",\\ ".join(fmt(v, "entry") for v in values) + "]"
        )
        head = tex(rf"\texttt{{{code}}}", "=", color=colour)
        numbers = tex(shown, color=colour).next_to(head, RIGHT, buff=BUFF * 0.8)
        shape = shape_formula(linalg.shape_of(values), size=LABEL_SIZE + 4, color=MUTED)
        shape.next_to(VGroup(head, numbers), DOWN, buff=BUFF * 0.8, aligned_edge=LEFT)
        return VGroup(head, numbers, shape)

    def pick(
        self, cells: Mobject, index_label: Mobject | None, readout: VGroup, colour: str
    ) -> VGroup:
        """Outline the picked cells in ``colour``, then fly them into their readout."""
        box = style.highlight_box(cells, color=colour, buff=0.1 if index_label else 0.06)
        recolour = [cells.animate.set_color(colour)]
        if index_label is not None:
            recolour.append(index_label.animate.set_color(colour))
        self.play(Create(box), *recolour, run_time=BEAT)
        self.play(TransformFromCopy(cells, readout[1]), run_time=BEAT)
        self.play(FadeIn(readout[0]), FadeIn(readout[2]), run_time=QUICK)
        self.settle(readout)
        return readout

    def code(self, row: str, column: str) -> str:
        """``X[1, :]`` as numpy writes an index."""
        return f"X[{row}, {column}]"

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        rows, columns = (fmt(n, "count") for n in self.shape)
        with self.beat(
            f"A matrix is a grid of numbers. X has {rows} rows and {columns} columns: shape "
            f"{shape_tex(self.shape)}. Python counts from 0, so the first row is row 0 and "
            "the first column is column 0."
        ):
            self.play(FadeIn(self.heading), FadeIn(self.matrix), run_time=BEAT)
            self.play(FadeIn(self.caption, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(self.row_numbers), FadeIn(self.column_numbers), run_time=BEAT)
            self.show("shape", self.shape)
            self.wait(PAUSE)

    def pick_row(self) -> None:
        i = fmt(self.i, "count")
        with self.beat(
            f"X[{i}, :] takes row {i}, with every column: "
            + ", ".join(fmt(v, "entry") for v in self.row)
            + f". It is a vector, shape {shape_tex(linalg.shape_of(self.row))}."
        ):
            self.row_readout = self.pick(
                self.matrix.get_rows()[self.i], self.row_numbers[self.i], self.readouts[0], INPUT
            )
            self.show("row", tuple(float(v) for v in self.row))
            self.show("row_shape", linalg.shape_of(self.row))
            self.wait(PAUSE)

    def pick_column(self) -> None:
        j = fmt(self.j, "count")
        with self.beat(
            f"X[:, {j}] takes column {j}, from every row: "
            + ", ".join(fmt(v, "entry") for v in self.column)
            + f". numpy hands it back as a vector too, shape "
            f"{shape_tex(linalg.shape_of(self.column))}."
        ):
            self.column_readout = self.pick(
                self.matrix.get_columns()[self.j],
                self.column_numbers[self.j],
                self.readouts[1],
                INPUT_2,
            )
            self.show("column", tuple(float(v) for v in self.column))
            self.show("column_shape", linalg.shape_of(self.column))
            self.wait(PAUSE)

    def pick_element(self) -> None:
        i, j = fmt(self.i, "count"), fmt(self.j, "count")
        with self.beat(
            f"X[{i}, {j}] is the one element where row {i} meets column {j}: "
            f"{fmt(self.element, 'entry')}. A single number is a scalar, shape "
            f"{shape_tex(linalg.shape_of(self.element))}."
        ):
            self.element_readout = self.pick(
                style.cell(self.matrix, self.i, self.j), None, self.readouts[2], HIGHLIGHT
            )
            self.show("element", float(self.element))
            self.show("element_shape", linalg.shape_of(self.element))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Index with [row, column], counting from 0: a colon keeps a whole axis. "
            "A row and a column are vectors; one element is a scalar."
        ):
            self.play(
                Indicate(self.row_readout[0][0], color=INPUT),
                Indicate(self.column_readout[0][0], color=INPUT_2),
                Indicate(self.element_readout[0][0], color=HIGHLIGHT),
                run_time=BEAT,
            )
            self.hold_poster()
