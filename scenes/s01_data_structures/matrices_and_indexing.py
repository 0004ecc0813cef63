"""MatricesAndIndexing: A matrix's shape, and one row, one column and one element picked out by
0-based numpy indexing.
"""

from __future__ import annotations

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
)

from lib import linalg
from scenes import style
from scenes.s01_data_structures.shared import shape_formula
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
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


class MatricesAndIndexing(LessonScene):
    """A matrix, its shape, and one row, one column and one element picked out by index."""

    X = ((2.0, 7.0, 1.0, 8.0), (4.0, 9.0, 3.0, 5.0), (6.0, 0.0, 2.0, 7.0))
    row_index = 1  # numpy counts from 0
    column_index = 2

    def construct(self) -> None:
        self.values = np.asarray(self.X, dtype=float)
        self.shape = linalg.shape_of(self.values)
        i, j = self.row_index, self.column_index
        if not (0 <= i < self.shape[0] and 0 <= j < self.shape[1]):
            raise ValueError(
                f"X has shape {self.shape}; row_index must be 0-{self.shape[0] - 1} and "
                f"column_index 0-{self.shape[1] - 1}, got {i} and {j}"
            )
        # The lesson is numpy's own indexing; lib gives the shapes of what it returns.
        self.row = self.values[i, :]
        self.column = self.values[:, j]
        self.element = self.values[i, j]
        self.introduce_matrix()
        self.pick_row()
        self.pick_column()
        self.pick_element()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def readout(self, code: str, values: np.ndarray, colour: str, below: Mobject | None) -> VGroup:
        """``X[1, :] = [4, 9, 3, 5]`` over ``shape (4,)``, in the right-hand column."""
        shown = (
            fmt(values, "entry")
            if np.ndim(values) == 0
            else "[" + ",\\ ".join(fmt(v, "entry") for v in values) + "]"
        )
        formula = tex(rf"\texttt{{{code}}}", "=", shown, color=colour)
        shape = shape_formula(linalg.shape_of(values), size=LABEL_SIZE + 4, color=MUTED)
        group = VGroup(formula, shape).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.8)
        if below is None:
            group.move_to([self.column_left, 0, 0], aligned_edge=LEFT)
            group.align_to(self.column_numbers, UP)
        else:
            group.next_to(below, DOWN, buff=GAP * 1.4, aligned_edge=LEFT)
        return group

    def pick(
        self,
        cells: Mobject,
        index_label: Mobject | None,
        code: str,
        values: np.ndarray,
        colour: str,
        below: Mobject | None,
    ) -> VGroup:
        """Outline the picked cells in ``colour``, then fly them into their readout."""
        box = style.highlight_box(cells, color=colour, buff=0.1 if index_label else 0.06)
        readout = self.readout(code, values, colour, below)
        recolour = [cells.animate.set_color(colour)]
        if index_label is not None:
            recolour.append(index_label.animate.set_color(colour))
        self.play(Create(box), *recolour, run_time=BEAT)
        self.play(TransformFromCopy(cells, readout[0][2]), run_time=BEAT)
        self.play(FadeIn(readout[0][:2]), FadeIn(readout[1]), run_time=QUICK)
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
            self.heading = style.title("Matrices and indexing")
            self.matrix = style.matrix(self.values, size=BODY_SIZE + 6, h_buff=1.3, v_buff=1.0)
            self.matrix.move_to(LEFT * 3.3 + UP * 0.1)
            self.column_numbers = VGroup(
                *(
                    tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED).next_to(
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
                    tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED)
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
            self.column_left = self.matrix.get_right()[0] + GAP * 1.6
            self.play(FadeIn(self.heading), FadeIn(self.matrix), run_time=BEAT)
            self.play(FadeIn(self.caption, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(self.row_numbers), FadeIn(self.column_numbers), run_time=BEAT)
            self.show("shape", self.shape)
            self.wait(PAUSE)

    def pick_row(self) -> None:
        i = fmt(self.row_index, "count")
        with self.beat(
            f"X[{i}, :] takes row {i}, with every column: "
            + ", ".join(fmt(v, "entry") for v in self.row)
            + f". It is a vector, shape {shape_tex(linalg.shape_of(self.row))}."
        ):
            self.row_readout = self.pick(
                self.matrix.get_rows()[self.row_index],
                self.row_numbers[self.row_index],
                self.code(i, ":"),
                self.row,
                INPUT,
                below=None,
            )
            self.show("row", tuple(float(v) for v in self.row))
            self.show("row_shape", linalg.shape_of(self.row))
            self.wait(PAUSE)

    def pick_column(self) -> None:
        j = fmt(self.column_index, "count")
        with self.beat(
            f"X[:, {j}] takes column {j}, from every row: "
            + ", ".join(fmt(v, "entry") for v in self.column)
            + f". numpy hands it back as a vector too, shape "
            f"{shape_tex(linalg.shape_of(self.column))}."
        ):
            self.column_readout = self.pick(
                self.matrix.get_columns()[self.column_index],
                self.column_numbers[self.column_index],
                self.code(":", j),
                self.column,
                INPUT_2,
                below=self.row_readout,
            )
            self.show("column", tuple(float(v) for v in self.column))
            self.show("column_shape", linalg.shape_of(self.column))
            self.wait(PAUSE)

    def pick_element(self) -> None:
        i, j = fmt(self.row_index, "count"), fmt(self.column_index, "count")
        with self.beat(
            f"X[{i}, {j}] is the one element where row {i} meets column {j}: "
            f"{fmt(self.element, 'entry')}. A single number is a scalar, shape "
            f"{shape_tex(linalg.shape_of(self.element))}."
        ):
            self.element_readout = self.pick(
                style.cell(self.matrix, self.row_index, self.column_index),
                None,
                self.code(i, j),
                self.element,
                HIGHLIGHT,
                below=self.column_readout,
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
