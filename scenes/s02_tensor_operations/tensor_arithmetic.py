"""TensorArithmetic: A scalar is added to or multiplies every element; same-shaped tensors add and
multiply (Hadamard) element by element.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Line,
    Matrix,
    Mobject,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import code, rows_of
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    cell,
    factor,
    fmt,
    hide_entries,
    num,
    shape_tex,
    tex,
)

# =========================================================================================
# TensorArithmetic
# =========================================================================================


class TensorArithmetic(LessonScene):
    """A scalar reaches every element; two same-shaped tensors combine element by element."""

    A = ((2.0, -1.0), (0.0, 3.0))
    B = ((4.0, 1.0), (-2.0, 5.0))
    c = 2.0  # the scalar

    def construct(self) -> None:
        self.plus_c = linalg.add_scalar(self.A, self.c)  # every number, from lib, up front
        self.times_c = linalg.scale(self.A, self.c)
        self.total = linalg.add(self.A, self.B)
        self.product = linalg.hadamard(self.A, self.B)
        self.introduce_tensors()
        self.add_a_scalar()
        self.multiply_by_a_scalar()
        self.add_elementwise()
        self.multiply_elementwise()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def scalar(self) -> style.MathTex:
        return tex(num(self.c, "entry"), color=HIGHLIGHT)

    def equation(self, *parts: Mobject) -> VGroup:
        """``parts`` in a row at the centre of the screen."""
        row = VGroup(*parts).arrange(RIGHT, buff=GAP * 0.6)
        return row.move_to(UP * 0.6)

    def numpy_line(self, content: str, below: Mobject) -> style.Text:
        line = code(f"numpy:  {content}")
        return line.next_to(below, DOWN, buff=GAP * 1.2)

    def broadcast(self, scalar: Mobject, source: Matrix, result: Matrix) -> None:
        """The scalar meets every element of ``source``: each result cell at once."""
        moves = []
        for item, target in zip(source.get_entries(), result.get_entries(), strict=True):
            filled = target.copy().set_opacity(1)
            moves.append((filled, target, TransformFromCopy(VGroup(item, scalar), filled)))
        self.play(*(move for _, _, move in moves), run_time=BEAT * 1.2)
        for filled, target, _ in moves:
            self.remove(filled)
            target.set_opacity(1)

    def fill_cell(self, i: int, j: int, left: Matrix, right: Matrix, result: Matrix) -> None:
        """Point at the pair (i, j) and fill the result cell from it."""
        boxes = VGroup(
            style.highlight_box(cell(left, i, j)), style.highlight_box(cell(right, i, j))
        )
        target = cell(result, i, j)
        filled = target.copy().set_opacity(1)
        self.play(Create(boxes), run_time=QUICK * 0.6)
        self.play(
            TransformFromCopy(VGroup(cell(left, i, j), cell(right, i, j)), filled),
            run_time=QUICK,
        )
        self.remove(filled)
        target.set_opacity(1)
        self.play(FadeOut(boxes), run_time=QUICK * 0.4)

    # -- beats --------------------------------------------------------------------------

    def introduce_tensors(self) -> None:
        with self.beat(
            "Two matrices of the same shape, A and B, and one scalar, c = "
            f"{fmt(self.c)}. Arithmetic on tensors works element by element."
        ):
            self.heading = style.title("Arithmetic on tensors")
            left = VGroup(tex("A", "=", color=INPUT), style.matrix(self.A, color=INPUT))
            right = VGroup(tex("B", "=", color=INPUT_2), style.matrix(self.B, color=INPUT_2))
            scalar = tex("c", "=", num(self.c, "entry"), color=HIGHLIGHT)
            for group in (left, right):
                group.arrange(RIGHT, buff=BUFF)
            self.inputs = VGroup(left, right, scalar).arrange(RIGHT, buff=GAP * 2)
            self.inputs.move_to(UP * 0.6)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(left), FadeIn(right), run_time=BEAT)
            self.play(Write(scalar), run_time=QUICK)
            self.show("A", rows_of(self.A))
            self.show("B", rows_of(self.B))
            self.show("c", self.c)
            self.wait(PAUSE)

    def add_a_scalar(self) -> None:
        values = ", ".join(fmt(v, "entry") for v in np.ravel(self.plus_c))
        with self.beat(
            f"Adding a scalar adds it to every element: A + {fmt(self.c)} is {values}. "
            "numpy calls this broadcasting: the scalar is stretched to A's shape."
        ):
            self.play(FadeOut(self.inputs), run_time=QUICK)
            source = style.matrix(self.A, color=INPUT)
            scalar = self.scalar()
            result = hide_entries(style.matrix(self.plus_c, color=RESULT))
            row = self.equation(source, tex("+"), scalar, tex("="), result)
            line = self.numpy_line(f"A + {fmt(self.c)}", row)
            self.play(FadeIn(row[:4]), run_time=QUICK)
            self.play(FadeIn(result), run_time=QUICK)
            self.broadcast(scalar, source, result)
            self.play(FadeIn(line), run_time=QUICK)
            self.show("A_plus_c", rows_of(self.plus_c))
            self.wait(PAUSE)
            self.current = VGroup(row, line)

    def multiply_by_a_scalar(self) -> None:
        values = ", ".join(fmt(v, "entry") for v in np.ravel(self.times_c))
        with self.beat(
            f"Multiplying by a scalar multiplies every element: {fmt(self.c)} A is {values}. "
            "The shape stays the same."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            scalar = self.scalar()
            source = style.matrix(self.A, color=INPUT)
            result = hide_entries(style.matrix(self.times_c, color=RESULT))
            row = self.equation(scalar, tex(r"\cdot"), source, tex("="), result)
            line = self.numpy_line(f"{fmt(self.c)} * A", row)
            self.play(FadeIn(row[:4]), FadeIn(result), run_time=QUICK)
            self.broadcast(scalar, source, result)
            self.play(FadeIn(line), run_time=QUICK)
            self.show("c_times_A", rows_of(self.times_c))
            self.wait(PAUSE)
            self.current = VGroup(row, line)

    def add_elementwise(self) -> None:
        first = f"{fmt(self.A[0][0])} plus {fmt(self.B[0][0])} is {fmt(self.total[0][0])}"
        with self.beat(
            "Two tensors of the same shape add element by element: each cell of A plus the "
            f"same cell of B. Top left: {first}."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            left = style.matrix(self.A, color=INPUT)
            right = style.matrix(self.B, color=INPUT_2)
            result = hide_entries(style.matrix(self.total, color=RESULT))
            row = self.equation(left, tex("+"), right, tex("="), result)
            line = self.numpy_line("A + B", row)
            self.play(FadeIn(row[:4]), FadeIn(result), run_time=QUICK)
            rows, columns = np.shape(self.total)
            for i in range(rows):
                for j in range(columns):
                    self.fill_cell(i, j, left, right, result)
            self.play(FadeIn(line), run_time=QUICK)
            self.show("A_plus_B", rows_of(self.total))
            self.wait(QUICK)
            self.current = VGroup(row, line)

    def multiply_elementwise(self) -> None:
        a, b, p = self.A[0][0], self.B[0][0], self.product[0][0]
        with self.beat(
            "The Hadamard product multiplies element by element, cell by cell: top left, "
            f"{fmt(a)} times {fmt(b)} is {fmt(p)}. It is not the matrix product: in numpy it "
            "is A * B, while A @ B multiplies rows by columns."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            left = style.matrix(self.A, color=INPUT)
            right = style.matrix(self.B, color=INPUT_2)
            result = hide_entries(style.matrix(self.product, color=RESULT))
            row = self.equation(left, tex(r"\odot"), right, tex("="), result)
            self.play(FadeIn(row[:4]), FadeIn(result), run_time=QUICK)
            rows, columns = np.shape(self.product)
            for i in range(rows):
                for j in range(columns):
                    self.multiply_cell(i, j, left, right, result, detailed=(i, j) == (0, 0))
            line = self.numpy_line("A * B   (not A @ B)", row)
            self.play(FadeIn(line), run_time=QUICK)
            self.show("A_hadamard_B", rows_of(self.product))
            self.wait(PAUSE)
            self.current = VGroup(row, line)

    def multiply_cell(
        self, i: int, j: int, left: Matrix, right: Matrix, result: Matrix, *, detailed: bool
    ) -> None:
        """``a_ij . b_ij = p_ij`` written under the row, then the result cell filled."""
        a, b = cell(left, i, j), cell(right, i, j)
        working = tex(
            factor(self.A[i][j]),
            r"\cdot",
            factor(self.B[i][j]),
            "=",
            num(self.product[i][j], "entry"),
        )
        working[0].set_color(INPUT)
        working[2].set_color(INPUT_2)
        working[-1].set_color(RESULT)
        working.move_to(DOWN * 1.6)
        boxes = VGroup(style.highlight_box(a), style.highlight_box(b))
        target = cell(result, i, j)
        filled = target.copy().set_opacity(1)
        pace = BEAT * 0.8 if detailed else QUICK
        self.play(Create(boxes), run_time=QUICK * 0.6)
        self.play(
            TransformFromCopy(a, working[0]),
            FadeIn(working[1]),
            TransformFromCopy(b, working[2]),
            run_time=pace,
        )
        self.play(Write(working[3:]), run_time=pace * 0.8)
        self.play(TransformFromCopy(working[-1], filled), run_time=pace)
        self.remove(filled)
        target.set_opacity(1)
        self.play(FadeOut(VGroup(boxes, working)), run_time=QUICK * 0.5)

    def show_summary(self) -> None:
        shape = linalg.shape_of(self.product)
        with self.beat(
            "A scalar reaches every element; two tensors of the same shape meet element by "
            f"element. Every result keeps the inputs' shape, {shape_tex(shape)}."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            inputs = VGroup(
                VGroup(tex("A", "=", color=INPUT), style.matrix(self.A, color=INPUT)),
                VGroup(tex("B", "=", color=INPUT_2), style.matrix(self.B, color=INPUT_2)),
                tex("c", "=", num(self.c, "entry"), color=HIGHLIGHT),
            )
            for group in inputs[:2]:
                group.arrange(RIGHT, buff=BUFF)
            inputs.arrange(DOWN, aligned_edge=RIGHT, buff=GAP * 0.6)
            results = []
            for name, values, typed in (
                (rf"A + {num(self.c)}", self.plus_c, f"A + {fmt(self.c)}"),
                (rf"{num(self.c)}A", self.times_c, f"{fmt(self.c)} * A"),
                ("A + B", self.total, "A + B"),
                (r"A \odot B", self.product, "A * B"),
            ):
                formula = VGroup(tex(name, "="), style.matrix(values, color=RESULT))
                formula.arrange(RIGHT, buff=BUFF)
                results.append(
                    VGroup(formula, code(typed)).arrange(DOWN, aligned_edge=RIGHT, buff=BUFF)
                )
            grid = VGroup(*results).arrange_in_grid(
                rows=2, cols=2, buff=(GAP * 1.4, GAP * 0.9), cell_alignment=RIGHT
            )
            board = VGroup(inputs, grid).arrange(RIGHT, buff=GAP * 2.4)
            style.fit_width(board, style.SAFE_WIDTH)
            lowest = -config.frame_height / 2 + MARGIN
            board.move_to([0, (self.heading.get_bottom()[1] + lowest) / 2, 0])
            divider = Line(UP, DOWN, color=MUTED, stroke_width=2)
            divider.stretch_to_fit_height(board.height)
            divider.move_to((inputs.get_right() + grid.get_left()) / 2)
            self.play(FadeIn(inputs), Create(divider), run_time=QUICK)
            self.play(FadeIn(grid, lag_ratio=0.2), run_time=BEAT * 1.5)
            self.hold_poster()
