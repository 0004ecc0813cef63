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
from scenes import inputs, style
from scenes.inputs import Domain, Number, Rule
from scenes.s02_tensor_operations.shared import (
    code,
    product_tex,
    rows_of,
    shrink_to_fit,
    spaced_matrix,
)
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
    SAFE_WIDTH,
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


#: Cells filled one at a time before the rest go a row at a time.
ONE_AT_A_TIME = 4


def said(values: object) -> str:
    """A matrix's entries as narration: all of them when few, else the corners."""
    entries = [fmt(v, "entry") for v in np.ravel(values)]
    if len(entries) <= 6:
        return ", ".join(entries)
    return f"{entries[0]} in the top left corner, on to {entries[-1]} in the bottom right"


class TensorArithmetic(LessonScene):
    """A scalar reaches every element; two same-shaped tensors combine element by element."""

    A = ((2.0, -1.0), (0.0, 3.0))
    B = ((4.0, 1.0), (-2.0, 5.0))
    c = 2.0  # the scalar
    domain = Domain(
        A=inputs.Matrix((1, 4), (1, 4), -9.99, 9.99),
        B=inputs.Matrix((1, 4), (1, 4), -9.99, 9.99),
        c=Number(-9.99, 9.99),
        rules=(
            Rule(
                "must have the same shape (elementwise operations pair cell with cell)",
                ("A", "B"),
                lambda v: linalg.shape_of(v["A"]) == linalg.shape_of(v["B"]),
            ),
        ),
    )

    def construct(self) -> None:
        self.heading = style.title("Arithmetic on tensors")
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

    def input_formulas(self) -> VGroup:
        """A = [..], B = [..] and c = .., each arranged, not yet placed."""
        left = VGroup(tex("A", "=", color=INPUT), spaced_matrix(self.A, color=INPUT))
        right = VGroup(tex("B", "=", color=INPUT_2), spaced_matrix(self.B, color=INPUT_2))
        for group in (left, right):
            group.arrange(RIGHT, buff=BUFF)
        return VGroup(left, right, tex("c", "=", num(self.c, "entry"), color=HIGHLIGHT))

    def scalar(self, *, after_sign: bool = False) -> style.MathTex:
        """c as a formula; in brackets if negative and ``after_sign`` (A + (-2))."""
        return tex((factor if after_sign else num)(self.c, "entry"), color=HIGHLIGHT)

    def room(self) -> tuple[float, float]:
        """The top and the bottom of the space under the heading."""
        return self.heading.get_bottom()[1] - GAP, -config.frame_height / 2 + MARGIN

    def equation(self, *parts: Mobject) -> VGroup:
        """``parts`` in a row under the heading, shrunk if need be to leave room for a line of
        working and the numpy line under it."""
        row = VGroup(*parts)
        top, bottom = self.room()
        below = GAP * 1.2 + code("numpy").height
        shrink_to_fit(
            parts, lambda: row.arrange(RIGHT, buff=GAP * 0.6), SAFE_WIDTH, top - bottom - below
        )
        row.move_to(UP * 0.6)
        if row.get_top()[1] > top:
            row.align_to([0, top, 0], UP)
        return row

    def numpy_line(self, content: str, below: Mobject) -> style.Text:
        line = code(f"numpy:  {content}")
        return line.next_to(below, DOWN, buff=GAP * 1.2)

    def cells_in_turn(self) -> list[list[tuple[int, int]]]:
        """The cells in the order they are filled: the first few one at a time, then the rest
        of each row together."""
        rows, columns = np.shape(self.product)
        cells = [(i, j) for i in range(rows) for j in range(columns)]
        turns = [[c] for c in cells[:ONE_AT_A_TIME]]
        for i in range(rows):
            rest = [(r, j) for r, j in cells[ONE_AT_A_TIME:] if r == i]
            if rest:
                turns.append(rest)
        return turns

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

    def fill_cells(
        self, cells: list[tuple[int, int]], left: Matrix, right: Matrix, result: Matrix
    ) -> None:
        """Point at the pairs of ``cells`` and fill their result cells from them."""
        boxes = VGroup(
            *(
                style.highlight_box(VGroup(*(cell(m, i, j) for i, j in cells)))
                for m in (left, right)
            )
        )
        targets = [cell(result, i, j) for i, j in cells]
        filled = [target.copy().set_opacity(1) for target in targets]
        self.play(Create(boxes), run_time=QUICK * 0.6)
        self.play(
            *(
                TransformFromCopy(VGroup(cell(left, i, j), cell(right, i, j)), copy)
                for (i, j), copy in zip(cells, filled, strict=True)
            ),
            run_time=QUICK,
        )
        self.remove(*filled)
        for target in targets:
            target.set_opacity(1)
        self.play(FadeOut(boxes), run_time=QUICK * 0.4)

    # -- beats --------------------------------------------------------------------------

    def introduce_tensors(self) -> None:
        with self.beat(
            "Two matrices of the same shape, A and B, and one scalar, c = "
            f"{fmt(self.c)}. Arithmetic on tensors works element by element."
        ):
            left, right, scalar = self.inputs = self.input_formulas()
            top, bottom = self.room()
            shrink_to_fit(
                [*left, *right, scalar],
                lambda: self.inputs.arrange(RIGHT, buff=GAP * 2),
                SAFE_WIDTH,
                top - bottom,
            )
            self.inputs.move_to(UP * 0.6)
            if self.inputs.get_top()[1] > top:
                self.inputs.align_to([0, top, 0], UP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(left), FadeIn(right), run_time=BEAT)
            self.play(Write(scalar), run_time=QUICK)
            self.show("A", rows_of(self.A))
            self.show("B", rows_of(self.B))
            self.show("c", self.c)
            self.wait(PAUSE)

    def add_a_scalar(self) -> None:
        with self.beat(
            f"Adding a scalar adds it to every element: A + {factor(self.c)} is "
            f"{said(self.plus_c)}. "
            "numpy calls this broadcasting: the scalar is stretched to A's shape."
        ):
            self.play(FadeOut(self.inputs), run_time=QUICK)
            source = spaced_matrix(self.A, color=INPUT)
            scalar = self.scalar(after_sign=True)
            result = hide_entries(spaced_matrix(self.plus_c, color=RESULT))
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
        with self.beat(
            "Multiplying by a scalar multiplies every element: "
            f"{fmt(self.c)} A is {said(self.times_c)}. "
            "The shape stays the same."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            scalar = self.scalar()
            source = spaced_matrix(self.A, color=INPUT)
            result = hide_entries(spaced_matrix(self.times_c, color=RESULT))
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
            left = spaced_matrix(self.A, color=INPUT)
            right = spaced_matrix(self.B, color=INPUT_2)
            result = hide_entries(spaced_matrix(self.total, color=RESULT))
            row = self.equation(left, tex("+"), right, tex("="), result)
            line = self.numpy_line("A + B", row)
            self.play(FadeIn(row[:4]), FadeIn(result), run_time=QUICK)
            for cells in self.cells_in_turn():
                self.fill_cells(cells, left, right, result)
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
            left = spaced_matrix(self.A, color=INPUT)
            right = spaced_matrix(self.B, color=INPUT_2)
            result = hide_entries(spaced_matrix(self.product, color=RESULT))
            row = self.equation(left, tex(r"\odot"), right, tex("="), result)
            self.play(FadeIn(row[:4]), FadeIn(result), run_time=QUICK)
            for cells in self.cells_in_turn():
                if len(cells) == 1:
                    (i, j), detailed = cells[0], cells[0] == (0, 0)
                    self.multiply_cell(i, j, left, right, result, detailed=detailed)
                else:
                    self.fill_cells(cells, left, right, result)
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
        product = num(self.product[i][j], "entry")
        working = product_tex(factor(self.A[i][j]), r"\cdot", factor(self.B[i][j]), "=", product)
        working.move_to(DOWN * 1.6)
        row = VGroup(left, right, result)
        if working.get_top()[1] > row.get_bottom()[1] - GAP:  # tall matrices: just under them
            working.next_to(row, DOWN, buff=GAP)
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

    def summary_board(self) -> tuple[VGroup | None, VGroup, Line | None]:
        """The inputs, a divider and the four results in a grid, under the heading.

        When the matrices are too large for all of that, the results alone (each names c).
        """
        top, bottom = self.room()
        inputs = self.input_formulas()
        grid = self.result_grid()
        board = VGroup(inputs, grid)

        def arrange_board() -> VGroup:
            inputs.arrange(DOWN, aligned_edge=RIGHT, buff=GAP * 0.6)
            self.arrange_results(grid)
            return board.arrange(RIGHT, buff=GAP * 2.4)

        formulas = [part for formula, _ in grid for part in formula]
        scalable = [*formulas, *inputs[0], *inputs[1], inputs[2]]
        if not shrink_to_fit(scalable, arrange_board, SAFE_WIDTH, top - bottom):
            grid = self.result_grid()
            formulas = [part for formula, _ in grid for part in formula]
            shrink_to_fit(
                formulas,
                lambda: self.arrange_results(grid, tight=True),
                SAFE_WIDTH,
                top - bottom,
            )
            grid.move_to([0, (self.heading.get_bottom()[1] + bottom) / 2, 0])
            return None, grid, None
        board.move_to([0, (self.heading.get_bottom()[1] + bottom) / 2, 0])
        divider = Line(UP, DOWN, color=MUTED, stroke_width=2)
        divider.stretch_to_fit_height(board.height)
        divider.move_to((inputs.get_right() + grid.get_left()) / 2)
        return inputs, grid, divider

    def result_grid(self) -> VGroup:
        """The four results, each a formula over the numpy that computes it."""
        results = VGroup()
        for name, values, typed in (
            (rf"A + {factor(self.c)}", self.plus_c, f"A + {fmt(self.c)}"),
            (rf"{num(self.c)}A", self.times_c, f"{fmt(self.c)} * A"),
            ("A + B", self.total, "A + B"),
            (r"A \odot B", self.product, "A * B"),
        ):
            formula = VGroup(tex(name, "="), spaced_matrix(values, color=RESULT))
            results.add(VGroup(formula, code(typed)))
        return results

    @staticmethod
    def arrange_results(grid: VGroup, *, tight: bool = False) -> VGroup:
        """The results two by two; ``tight`` closes the gaps between them for large ones."""
        for formula, typed in grid:
            formula.arrange(RIGHT, buff=BUFF)
            typed.next_to(formula, DOWN, buff=BUFF * (0.5 if tight else 1), aligned_edge=RIGHT)
        return grid.arrange_in_grid(
            rows=2, cols=2, buff=(GAP * 1.4, GAP * (0.4 if tight else 0.9)), cell_alignment=RIGHT
        )

    def show_summary(self) -> None:
        shape = linalg.shape_of(self.product)
        with self.beat(
            "A scalar reaches every element; two tensors of the same shape meet element by "
            f"element. Every result keeps the inputs' shape, {shape_tex(shape)}."
        ):
            self.play(FadeOut(self.current), run_time=QUICK)
            inputs, grid, divider = self.summary_board()
            if inputs is not None:
                self.play(FadeIn(inputs), Create(divider), run_time=QUICK)
            self.play(FadeIn(grid, lag_ratio=0.2), run_time=BEAT * 1.5)
            self.hold_poster()
