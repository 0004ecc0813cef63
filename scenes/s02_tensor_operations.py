"""Section 2, Tensor Operations: transposes, elementwise arithmetic, reductions, dot products,
and 2x2 linear systems solved by substitution and elimination and seen as lines."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Angle,
    Arrow,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    Matrix,
    Mobject,
    ReplacementTransform,
    RightAngle,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    cell,
    factor,
    fmt,
    fmt_vector,
    hide_entries,
    linear_combination,
    num,
    shape_tex,
    tex,
    text,
)

#: Colours of a matrix's rows, so that the viewer can follow rows turning into columns.
ROW_COLOURS = (INPUT, INPUT_2, EIGEN_2, RESULT)
#: Colours of the two equations of a system, in the formulas and in the picture alike.
EQUATION_COLOURS = (INPUT, INPUT_2)
#: Colours of the two reductions along an axis.
AXIS_COLOURS = (INPUT_2, RESULT)


# -- formatting shared by the scenes of this section --------------------------------------


def listing(items: Sequence[str]) -> str:
    """Items as a sentence lists them: ``1, 2 and 3``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def equation_tex(coefficients: Sequence[float], rhs: float, names: Sequence[str]) -> str:
    """The line ``a x + b y = c`` as TeX."""
    left = linear_combination(list(zip(coefficients, names, strict=True)))
    return f"{left} = {num(rhs, 'entry')}"


def with_names(description: str, names: Sequence[str]) -> str:
    """A description from lib with its unknowns x0, x1 written as the scene's names."""
    return re.sub(r"\bx([01])\b", lambda match: names[int(match.group(1))], description)


def caption(name: str, values: object, colour: str) -> style.MathTex:
    """``A (2, 3)``: a matrix's name and its shape, from lib, to go under it."""
    shape = linalg.shape_of(np.asarray(values, dtype=float))
    return tex(name, r"\;", shape_tex(shape), size=CAPTION_SIZE, color=colour)


def code(content: str, colour: str = MUTED) -> style.Text:
    """A line of numpy, the way a student would type it."""
    return text(content, size=LABEL_SIZE + 2, color=colour)


def rows_of(values: object) -> tuple[tuple[float, ...], ...]:
    """A matrix as nested tuples of Python floats, the way a scene records it."""
    return tuple(tuple(float(v) + 0.0 for v in row) for row in np.atleast_2d(values))


def line_ends(
    grid: Mobject,
    coefficients: Sequence[float],
    rhs: float,
    x_range: Sequence[float],
    y_range: Sequence[float],
) -> list[np.ndarray]:
    """Where the line a x + b y = c enters and leaves the window, as points of ``grid``.

    Empty if the line misses the window (or is not a line: a = b = 0).
    """
    a, b = coefficients
    (x0, x1), (y0, y1) = x_range[:2], y_range[:2]
    ends = []
    if abs(b) > 1e-12:
        ends += [(x, (rhs - a * x) / b) for x in (x0, x1)]
    if abs(a) > 1e-12:
        ends += [((rhs - b * y) / a, y) for y in (y0, y1)]
    inside = sorted(
        {
            (round(x, 9), round(y, 9))
            for x, y in ends
            if x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
        }
    )
    if len(inside) < 2:
        return []
    return [grid.c2p(*inside[0]), grid.c2p(*inside[-1])]


def swap_in(scene: LessonScene, old: Mobject, new: Mobject) -> None:
    """Replace what is left of ``old`` by ``new``, whole."""
    scene.remove(*old.get_family())
    scene.settle(new)


# =========================================================================================
# MatrixTransposition
# =========================================================================================


class MatrixTransposition(LessonScene):
    """Rows become columns: every element flips across the main diagonal, (A^T)_ij = A_ji."""

    A = ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0))
    followed = (0, 2)  # the element followed across the diagonal: row, column (0-based)

    def construct(self) -> None:
        self.A_T = linalg.transpose(self.A)  # every number, from lib, up front
        self.introduce_matrix()
        self.mark_main_diagonal()
        self.flip_across_diagonal()
        self.rows_become_columns()
        self.follow_one_element()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def coloured_matrix(self, values: object, *, by_columns: bool = False) -> Matrix:
        """A matrix whose rows (or columns) carry A's row colours."""
        m = style.matrix(values, h_buff=1.0, v_buff=1.0)
        groups = m.get_columns() if by_columns else m.get_rows()
        for k, group in enumerate(groups):
            group.set_color(ROW_COLOURS[k % len(ROW_COLOURS)])
        return m

    def diagonal_through(self, m: Matrix) -> Line:
        """A soft band along the main diagonal of ``m``, behind its entries (i, i)."""
        first = cell(m, 0, 0).get_center()
        step = np.array([1.0, -1.0, 0.0])  # entries sit on a square grid: one slot right, one down
        length = min(len(m.get_rows()), len(m.get_columns()))
        return Line(
            first - 0.32 * step,
            first + (length - 1 + 0.32) * step,
            color=HIGHLIGHT,
            stroke_width=34,
            stroke_opacity=0.22,
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            f"A has {m} rows and {n} columns: shape ({m}, {n}). Each row gets its own colour, "
            "so we can follow it."
        ):
            self.heading = style.title("Transposing a matrix")
            self.matrix_A = self.coloured_matrix(self.A)
            self.matrix_A.move_to(UP * 1.3)
            self.caption_A = caption("A", self.A, TEXT)
            self.caption_A.next_to(self.matrix_A, DOWN, buff=BUFF)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.matrix_A), FadeIn(self.caption_A), run_time=BEAT)
            self.show("A", rows_of(self.A))
            self.show("shape_A", (m, n))
            self.wait(PAUSE)

    def mark_main_diagonal(self) -> None:
        diagonal = [fmt(self.A[k][k], "entry") for k in range(min(np.shape(self.A)))]
        with self.beat(
            "The main diagonal runs from the top-left corner down and to the right, through "
            f"the elements whose row and column numbers match: {listing(diagonal)}."
        ):
            self.diagonal = self.diagonal_through(self.matrix_A)
            self.add(self.diagonal)
            self.bring_to_front(self.matrix_A)
            self.play(Create(self.diagonal), run_time=BEAT)
            boxes = VGroup(
                *(style.highlight_box(cell(self.matrix_A, k, k)) for k in range(len(diagonal)))
            )
            self.play(Create(boxes), run_time=QUICK)
            self.wait(PAUSE)
            self.play(FadeOut(boxes), run_time=QUICK)

    def flip_across_diagonal(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            "Transposing flips every element across that diagonal: rows become columns, and "
            f"the shape ({m}, {n}) becomes ({n}, {m})."
        ):
            flipped = self.coloured_matrix(self.A_T, by_columns=True)
            flipped.shift(
                cell(self.matrix_A, 0, 0).get_corner(DOWN + RIGHT)
                - cell(flipped, 0, 0).get_corner(DOWN + RIGHT)
            )
            caption_T = caption("A^T", self.A_T, TEXT)
            caption_T.next_to(flipped, DOWN, buff=BUFF)
            moves = [
                ReplacementTransform(
                    cell(self.matrix_A, i, j), cell(flipped, j, i), path_arc=-PI / 2
                )
                for i in range(m)
                for j in range(n)
                if i != j
            ]
            stays = [
                ReplacementTransform(cell(self.matrix_A, k, k), cell(flipped, k, k))
                for k in range(min(m, n))
            ]
            self.play(
                *moves,
                *stays,
                ReplacementTransform(self.matrix_A.get_brackets(), flipped.get_brackets()),
                ReplacementTransform(self.caption_A, caption_T),
                run_time=BEAT * 2.5,
            )
            swap_in(self, self.matrix_A, flipped)
            self.matrix_T, self.caption_T = flipped, caption_T
            self.show("A_T", rows_of(self.A_T))
            self.show("shape_A_T", linalg.shape_of(self.A_T))
            self.wait(PAUSE)

    def rows_become_columns(self) -> None:
        rows = "; ".join(
            f"row {k + 1}, " + ", ".join(fmt(v, "entry") for v in row) + f", is column {k + 1}"
            for k, row in enumerate(self.A)
        )
        with self.beat(
            f"Side by side with A, the colours tell the story: {rows} of A transpose. In numpy "
            "this is A.T."
        ):
            self.play(FadeOut(self.diagonal), run_time=QUICK)
            original = self.coloured_matrix(self.A)
            original_caption = caption("A", self.A, TEXT)
            left = VGroup(original, original_caption).arrange(DOWN, buff=BUFF)
            right = VGroup(self.matrix_T.copy(), self.caption_T.copy()).arrange(DOWN, buff=BUFF)
            arrow = Arrow(LEFT * 0.8, RIGHT * 0.8, color=MUTED, stroke_width=5)
            numpy_name = code("A.T")
            pair = VGroup(left, arrow, right).arrange(RIGHT, buff=GAP * 1.6)
            pair.move_to(UP * 0.5)
            arrow.shift(UP * (original.get_center()[1] - arrow.get_center()[1]))
            numpy_name.next_to(arrow, UP, buff=BUFF * 0.6)
            self.play(
                self.matrix_T.animate.move_to(right[0]),
                self.caption_T.animate.move_to(right[1]),
                run_time=BEAT,
            )
            self.play(FadeIn(left), GrowArrow(arrow), FadeIn(numpy_name), run_time=BEAT)
            for k, row in enumerate(original.get_rows()):
                colour = ROW_COLOURS[k % len(ROW_COLOURS)]
                boxes = VGroup(
                    style.highlight_box(row, color=colour),
                    style.highlight_box(self.matrix_T.get_columns()[k], color=colour),
                )
                self.play(Create(boxes[0]), run_time=QUICK)
                self.play(TransformFromCopy(boxes[0], boxes[1]), run_time=BEAT)
                self.wait(BEAT)
                self.play(FadeOut(boxes), run_time=QUICK)
            self.pair = VGroup(left, arrow, numpy_name)
            self.original = original
            self.wait(QUICK)

    def follow_one_element(self) -> None:
        i, j = self.followed
        value = self.A[i][j]
        with self.beat(
            f"Follow one element: row {i + 1}, column {j + 1} of A holds {fmt(value, 'entry')}; "
            f"in A transpose it sits in row {j + 1}, column {i + 1}. In general, "
            "(A transpose) i j equals A j i."
        ):
            box_A = style.highlight_box(cell(self.original, i, j))
            box_T = style.highlight_box(cell(self.matrix_T, j, i))
            rule = tex(
                rf"(A^T)_{{{j + 1}{i + 1}}}",
                "=",
                rf"A_{{{i + 1}{j + 1}}}",
                "=",
                num(value, "entry"),
            )
            rule[-1].set_color(HIGHLIGHT)
            rule.next_to(VGroup(self.pair, self.caption_T), DOWN, buff=GAP).set_x(0)
            self.play(Create(box_A), run_time=QUICK)
            self.play(TransformFromCopy(box_A, box_T), run_time=BEAT)
            self.play(Write(rule), run_time=BEAT)
            self.show("followed", float(self.A_T[j][i]))
            self.wait(PAUSE)
            self.example = VGroup(box_A, box_T, rule)

    def show_summary(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            "Every element moves from row i, column j to row j, column i: a matrix of shape "
            f"({m}, {n}) becomes ({n}, {m}), and the diagonal stays put."
        ):
            general = tex(r"(A^T)_{ij} = A_{ji}", color=HIGHLIGHT)
            shapes = tex(r"(m, n) \;\to\; (n, m)", color=MUTED)
            footer = VGroup(general, shapes).arrange(RIGHT, buff=GAP * 2)
            footer.next_to(self.example[2], DOWN, buff=GAP * 1.2)
            diagonals = VGroup(
                self.diagonal_through(self.original), self.diagonal_through(self.matrix_T)
            )
            self.add(diagonals)
            self.bring_to_front(self.original, self.matrix_T)
            self.play(FadeIn(diagonals), FadeIn(footer, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()


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


# =========================================================================================
# Reduction
# =========================================================================================


class Reduction(LessonScene):
    """Summing all elements to one number, then along each axis, numpy's axis=0 and axis=1."""

    A = ((3.0, 1.0, 4.0), (1.0, 5.0, 9.0))

    def construct(self) -> None:
        self.total = linalg.reduce_sum(self.A)  # every number, from lib, up front
        self.column_sums = linalg.reduce_sum(self.A, axis=0)
        self.row_sums = linalg.reduce_sum(self.A, axis=1)
        self.introduce_matrix()
        self.sum_everything()
        self.sum_along_axis_0()
        self.sum_along_axis_1()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def sums_right(self) -> float:
        """Right edge of the column of row sums, right-aligned like the matrix's entries."""
        widest = max(tex(num(v, "entry")).width for v in (*self.row_sums, self.total))
        return self.matrix_A.get_right()[0] + GAP * 0.8 + widest

    def sum_tex(self, values: Sequence[float], total: float, colour: str) -> style.MathTex:
        """``v1 + v2 + ... = total`` with the total in ``colour``."""
        working = tex(" + ".join(num(v, "entry") for v in values), "=", num(total, "entry"))
        working[-1].set_color(colour)
        return working

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        m, n = linalg.shape_of(np.asarray(self.A))
        with self.beat(
            f"A reduction turns many numbers into fewer. Here is A, with {m} rows and {n} "
            "columns; we will add up its elements in three ways."
        ):
            self.heading = style.title("Reduction: summing a tensor")
            self.matrix_A = style.matrix(self.A)
            self.matrix_A.move_to(LEFT * 0.9 + UP * 0.9)
            self.caption_A = caption("A", self.A, TEXT)
            self.caption_A.next_to(self.matrix_A, LEFT, buff=GAP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.matrix_A), FadeIn(self.caption_A), run_time=BEAT)
            self.show("A", rows_of(self.A))
            self.wait(PAUSE)

    def sum_everything(self) -> None:
        with self.beat(
            "Summing every element gives one number, a scalar: "
            + " plus ".join(fmt(v, "entry") for v in np.ravel(self.A))
            + f" is {fmt(self.total, 'entry')}. In numpy, A.sum()."
        ):
            box = style.highlight_box(self.matrix_A, buff=0.15)
            working = VGroup(
                code("A.sum()", HIGHLIGHT), self.sum_tex(np.ravel(self.A), self.total, HIGHLIGHT)
            ).arrange(RIGHT, buff=GAP)
            working.move_to(DOWN * 1.3)
            self.play(Create(box), run_time=QUICK)
            self.play(
                FadeIn(working[0]),
                TransformFromCopy(self.matrix_A.get_entries(), working[1][0]),
                run_time=BEAT,
            )
            self.play(Write(working[1][1:]), run_time=QUICK)
            self.show("total", self.total)
            self.wait(PAUSE)
            self.play(FadeOut(box), FadeOut(working), run_time=QUICK)

    def sum_along_axis_0(self) -> None:
        sums = ", ".join(fmt(v, "entry") for v in self.column_sums)
        shape = linalg.shape_of(self.column_sums)
        with self.beat(
            "Axis 0 is the row index, running down the matrix. Summing along axis 0 collapses "
            f"the rows: one total per column, {sums}. A.sum(axis=0) has shape "
            f"{shape_tex(shape)}."
        ):
            self.play(
                self.caption_A.animate.next_to(self.matrix_A, LEFT, buff=GAP * 2.2).shift(
                    UP * (self.matrix_A.height / 2 + GAP)
                ),
                run_time=QUICK,
            )

            def under_column(value: Mobject, column: Mobject) -> None:
                value.next_to(self.matrix_A, DOWN, buff=GAP * 0.7).align_to(column, RIGHT)

            self.column_sum_labels, self.axis_0_note = self.reduce_along(
                0, self.matrix_A.get_columns(), self.column_sums, under_column
            )
            self.axis_0_note.arrange(RIGHT, buff=GAP)
            self.axis_0_note.next_to(self.column_sum_labels, DOWN, buff=GAP * 0.8)
            self.axis_0_note.align_to(self.matrix_A, LEFT)
            self.play(FadeIn(self.axis_0_note), run_time=QUICK)
            self.show("axis_0", tuple(float(v) for v in self.column_sums))
            self.show("shape_axis_0", shape)
            self.wait(PAUSE)

    def sum_along_axis_1(self) -> None:
        sums = ", ".join(fmt(v, "entry") for v in self.row_sums)
        shape = linalg.shape_of(self.row_sums)
        with self.beat(
            "Axis 1 is the column index, running across. Summing along axis 1 collapses the "
            f"columns: one total per row, {sums}. A.sum(axis=1) has shape {shape_tex(shape)}."
        ):

            def beside_row(value: Mobject, row: Mobject) -> None:
                value.move_to([self.sums_right(), row.get_center()[1], 0], aligned_edge=RIGHT)

            self.row_sum_labels, self.axis_1_note = self.reduce_along(
                1, self.matrix_A.get_rows(), self.row_sums, beside_row
            )
            self.axis_1_note.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            self.axis_1_note.next_to(self.row_sum_labels, RIGHT, buff=GAP)
            self.axis_1_note.match_y(self.matrix_A)
            self.play(FadeIn(self.axis_1_note), run_time=QUICK)
            self.show("axis_1", tuple(float(v) for v in self.row_sums))
            self.show("shape_axis_1", shape)
            self.wait(PAUSE)

    def reduce_along(
        self,
        axis: int,
        lanes: Sequence[Mobject],
        sums: Sequence[float],
        place: Callable[[Mobject, Mobject], None],
    ) -> tuple[VGroup, VGroup]:
        """Draw the axis, collapse each lane (column or row) into its sum, placed by ``place``.

        Returns the sums on screen and the numpy note (the call and the result's shape), which
        the caller arranges and shows.
        """
        colour = AXIS_COLOURS[axis]
        corner = self.matrix_A.get_corner(UP + LEFT)
        if axis == 0:  # down the rows, left of the matrix
            start = corner + LEFT * 0.35 + UP * 0.05
            end = self.matrix_A.get_corner(DOWN + LEFT) + LEFT * 0.35 + DOWN * 0.05
        else:  # across the columns, above the matrix
            start = corner + UP * 0.35 + LEFT * 0.05
            end = self.matrix_A.get_corner(UP + RIGHT) + UP * 0.35 + RIGHT * 0.05
        arrow = Arrow(start, end, buff=0, color=colour, stroke_width=6)
        label = text(f"axis {axis}", size=CAPTION_SIZE, color=colour)
        label.next_to(arrow, LEFT if axis == 0 else UP, buff=BUFF * 0.6)
        self.play(GrowArrow(arrow), FadeIn(label), run_time=BEAT)
        values = VGroup()
        for lane, total in zip(lanes, sums, strict=True):
            box = style.highlight_box(lane, color=colour)
            value = tex(num(total, "entry"), color=colour)
            place(value, lane)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(lane, value), run_time=BEAT * 0.8)
            self.play(FadeOut(box), run_time=QUICK * 0.5)
            values.add(value)
        shape = shape_tex(linalg.shape_of(np.asarray(sums)))
        note = VGroup(code(f"A.sum(axis={axis})", colour), code(f"shape {shape}", colour))
        return values, note

    def show_summary(self) -> None:
        with self.beat(
            "Either way the totals add up to the same grand total: the column sums and the "
            f"row sums both add to {fmt(self.total, 'entry')}, which is A.sum()."
        ):
            corner = tex(num(self.total, "entry"), color=HIGHLIGHT)
            corner.move_to(
                [self.sums_right(), self.column_sum_labels.get_center()[1], 0], aligned_edge=RIGHT
            )
            check_0 = self.sum_tex(self.column_sums, self.total, HIGHLIGHT)
            check_0[0].set_color(AXIS_COLOURS[0])
            check_1 = self.sum_tex(self.row_sums, self.total, HIGHLIGHT)
            check_1[0].set_color(AXIS_COLOURS[1])
            total_code = code("A.sum()", HIGHLIGHT)
            checks = VGroup(check_0, check_1, total_code).arrange(RIGHT, buff=GAP * 1.6)
            checks.next_to(self.axis_0_note, DOWN, buff=GAP * 1.8).set_x(0)
            self.play(
                TransformFromCopy(self.column_sum_labels, check_0[0]),
                TransformFromCopy(self.row_sum_labels, check_1[0]),
                run_time=BEAT,
            )
            self.play(
                FadeIn(check_0[1:]),
                FadeIn(check_1[1:]),
                FadeIn(total_code),
                FadeIn(corner),
                run_time=BEAT,
            )
            self.settle(check_0, check_1)
            self.show("summary_total", self.total)
            self.hold_poster()


# =========================================================================================
# DotProduct
# =========================================================================================


class DotProduct(LessonScene):
    """Multiply the pairs and add; geometrically |u| |v| cos(theta), and u's shadow on v."""

    u = (2.0, 3.0)
    v = (4.0, 1.0)
    x_range = (-1.0, 5.0, 1.0)  # the window on the plane
    y_range = (-1.0, 4.0, 1.0)
    ticks = (2.0, 4.0)

    def construct(self) -> None:
        self.steps = linalg.dot_steps(self.u, self.v)  # every number, from lib, up front
        self.multiply_pairs_and_add()
        self.draw_the_vectors()
        self.measure_the_angle()
        self.project_u_onto_v()
        self.show_summary()

    # -- layout -------------------------------------------------------------------------

    def build_plane(self) -> None:
        x_span = self.x_range[1] - self.x_range[0]
        y_span = self.y_range[1] - self.y_range[0]
        unit = min(6.2 / x_span, 5.9 / y_span)
        self.grid = style.plane(
            self.x_range, self.y_range, width=x_span * unit, height=y_span * unit
        )
        self.grid.add_coordinates(
            *(
                style.tick_labels([t for t in self.ticks if bounds[0] < t < bounds[1]])
                for bounds in (self.x_range, self.y_range)
            )
        )
        self.grid.to_corner(LEFT + DOWN, buff=MARGIN)

    def column_left(self) -> float:
        return self.grid.get_right()[0] + GAP

    def column_width(self) -> float:
        return config.frame_width / 2 - MARGIN - self.column_left()

    def place_in_column(self, line: Mobject, below: Mobject) -> Mobject:
        style.fit_width(line, self.column_width())
        line.next_to(below, DOWN, buff=GAP * 0.55)
        line.align_to([self.column_left(), 0, 0], LEFT)
        return line

    def point(self, coords: Sequence[float]) -> np.ndarray:
        return self.grid.c2p(*coords[:2])

    def line_of_v(self) -> DashedLine:
        """The whole line through 0 along v, clipped to the window."""
        direction = np.asarray(self.steps.v[:2]) / self.steps.norm_v
        reach = []
        for k, bounds in enumerate((self.x_range, self.y_range)):
            if abs(direction[k]) > 1e-12:
                reach += [bound / direction[k] for bound in bounds[:2]]
        positive = min(t for t in reach if t > 0)
        negative = max(t for t in reach if t < 0)
        return DashedLine(
            self.point(direction * negative),
            self.point(direction * positive),
            color=INPUT_2,
            stroke_width=2,
            stroke_opacity=0.5,
        )

    # -- beats --------------------------------------------------------------------------

    def multiply_pairs_and_add(self) -> None:
        s = self.steps
        pairs = ", ".join(
            f"{fmt(a)} times {fmt(b)} is {fmt(p)}"
            for a, b, p in zip(s.u, s.v, s.products, strict=True)
        )
        with self.beat(
            f"The dot product of u and v multiplies the pairs of matching components and adds "
            f"the products: {pairs}; the sum is {fmt(s.dot)}. In numpy, u @ v."
        ):
            self.heading = style.title("The dot product")
            u_column = style.matrix(np.reshape(s.u, (-1, 1)), color=INPUT)
            v_column = style.matrix(np.reshape(s.v, (-1, 1)), color=INPUT_2)
            u_name = tex("u", "=", color=INPUT)
            v_name = tex("v", "=", color=INPUT_2)
            vectors = VGroup(
                VGroup(u_name, u_column).arrange(RIGHT, buff=BUFF),
                VGroup(v_name, v_column).arrange(RIGHT, buff=BUFF),
            ).arrange(RIGHT, buff=GAP * 2)
            vectors.move_to(UP * 0.9)
            parts = ["u", r"\cdot", "v", "="]
            for k, (a, b) in enumerate(zip(s.u, s.v, strict=True)):
                if k:
                    parts.append("+")
                parts += [factor(a, "value"), r"\cdot", factor(b, "value")]
            parts += ["=", " + ".join(num(p) for p in s.products), "=", num(s.dot)]
            working = tex(*parts)
            working[0].set_color(INPUT)
            working[2].set_color(INPUT_2)
            working[-1].set_color(RESULT)
            style.fit_width(working, style.SAFE_WIDTH)
            working.next_to(vectors, DOWN, buff=GAP * 1.4)
            numpy_line = code("numpy:  u @ v")
            numpy_line.next_to(working, DOWN, buff=GAP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(vectors), run_time=BEAT)
            self.play(Write(working[:4]), run_time=QUICK)
            for k in range(len(s.u)):
                first = 4 + 4 * k  # u . v =, then (a . b) and + (a . b) per pair
                boxes = VGroup(
                    style.highlight_box(u_column.get_entries()[k]),
                    style.highlight_box(v_column.get_entries()[k]),
                )
                self.play(Create(boxes), run_time=QUICK * 0.6)
                self.play(
                    TransformFromCopy(u_column.get_entries()[k], working[first]),
                    FadeIn(working[first + 1]),
                    TransformFromCopy(v_column.get_entries()[k], working[first + 2]),
                    *([FadeIn(working[first - 1])] if k else []),
                    run_time=BEAT * 0.8,
                )
                self.play(FadeOut(boxes), run_time=QUICK * 0.4)
            self.play(Write(working[-4:-2]), run_time=BEAT * 0.7)
            self.play(Write(working[-2:]), FadeIn(numpy_line), run_time=BEAT * 0.7)
            self.show("u", s.u)
            self.show("v", s.v)
            self.show("products", s.products)
            self.show("dot", s.dot)
            self.wait(PAUSE)
            self.algebra = VGroup(vectors, numpy_line)
            self.working = working

    def draw_the_vectors(self) -> None:
        s = self.steps
        with self.beat(
            f"Now the picture. Draw u = ({fmt(s.u[0])}, {fmt(s.u[1])}) and v = "
            f"({fmt(s.v[0])}, {fmt(s.v[1])}) as arrows from the origin."
        ):
            self.build_plane()
            pairs = " + ".join(
                rf"{factor(a, 'value')} \cdot {factor(b, 'value')}"
                for a, b in zip(s.u, s.v, strict=True)
            )
            compact = tex("u", r"\cdot", "v", "=", pairs, "=", num(s.dot))
            compact[0].set_color(INPUT)
            compact[2].set_color(INPUT_2)
            compact[-1].set_color(RESULT)
            compact.move_to(
                [self.column_left(), self.heading.get_bottom()[1] - GAP * 1.1, 0],
                aligned_edge=LEFT,
            )
            self.play(
                FadeOut(self.algebra), ReplacementTransform(self.working, compact), run_time=BEAT
            )
            self.dot_line = compact
            self.arrow_u = style.labelled_vector(self.grid, s.u, "u", color=INPUT)
            self.arrow_v = style.labelled_vector(self.grid, s.v, "v", color=INPUT_2)
            self.play(Create(self.grid), run_time=BEAT)
            self.play(
                GrowArrow(self.arrow_u[0]),
                FadeIn(self.arrow_u[1]),
                GrowArrow(self.arrow_v[0]),
                FadeIn(self.arrow_v[1]),
                run_time=BEAT,
            )
            self.wait(QUICK)

    def measure_the_angle(self) -> None:
        s = self.steps
        with self.beat(
            "The same number measures the angle: u dot v is the length of u times the length "
            f"of v times cos theta. Lengths {fmt(s.norm_u, 'norm')} and "
            f"{fmt(s.norm_v, 'norm')} give cos theta = {fmt(s.cosine)}, so theta is "
            f"{fmt(s.angle_degrees)} degrees."
        ):
            origin = self.point((0, 0))
            along_u = Line(origin, self.point(s.u))
            along_v = Line(origin, self.point(s.v))
            (vx, vy), (ux, uy) = along_v.get_unit_vector()[:2], along_u.get_unit_vector()[:2]
            turn = vx * uy - vy * ux  # > 0 when u lies counter-clockwise of v
            first, second = (along_v, along_u) if turn >= 0 else (along_u, along_v)
            self.arc = Angle(first, second, radius=0.75, color=HIGHLIGHT, stroke_width=4)
            bisector = along_u.get_unit_vector() + along_v.get_unit_vector()
            bisector = (
                bisector / np.linalg.norm(bisector) if np.linalg.norm(bisector) > 1e-6 else UP
            )
            self.theta = tex(r"\theta", size=CAPTION_SIZE, color=HIGHLIGHT)
            self.theta.move_to(origin + bisector * 1.1)
            identity = tex("u", r"\cdot", "v", "=", r"\|u\|", r"\,", r"\|v\|", r"\cos", r"\theta")
            for k, colour in ((0, INPUT), (2, INPUT_2), (4, INPUT), (6, INPUT_2), (8, HIGHLIGHT)):
                identity[k].set_color(colour)
            self.place_in_column(identity, self.dot_line)
            cosine = tex(
                r"\cos\theta",
                "=",
                rf"\frac{{{num(s.dot)}}}{{{num(s.norm_u, 'norm')} \cdot {num(s.norm_v, 'norm')}}}",
                "=",
                num(s.cosine),
            )
            cosine[0].set_color(HIGHLIGHT)
            self.place_in_column(cosine, identity)
            angle = tex(r"\theta", "=", num(s.angle_degrees) + r"^\circ")
            angle[0].set_color(HIGHLIGHT)
            angle[-1].set_color(HIGHLIGHT)
            self.place_in_column(angle, cosine)
            self.play(Create(self.arc), FadeIn(self.theta), run_time=BEAT)
            self.play(Write(identity), run_time=BEAT)
            self.play(Write(cosine), run_time=BEAT)
            self.play(Write(angle), run_time=QUICK)
            self.show("norm_u", s.norm_u)
            self.show("norm_v", s.norm_v)
            self.show("cosine", s.cosine)
            self.show("angle_degrees", s.angle_degrees)
            self.wait(PAUSE)
            self.angle_lines = VGroup(identity, cosine, angle)

    def project_u_onto_v(self) -> None:
        s = self.steps
        with self.beat(
            "Drop a perpendicular from u's tip onto the line of v: u's shadow on v has signed "
            f"length {fmt(s.scalar_projection, 'norm')}, the vector "
            f"({fmt(s.projection[0], 'coordinate')}, {fmt(s.projection[1], 'coordinate')}). "
            f"The length of v times this shadow is again {fmt(s.dot)}."
        ):
            shadow_tip = self.point(s.projection)
            u_tip = self.point(s.u)
            guide = self.line_of_v()
            drop = DashedLine(u_tip, shadow_tip, color=MUTED, stroke_width=3)
            self.add(guide)
            self.bring_to_front(self.arrow_v, self.arrow_u)
            self.play(Create(guide), run_time=QUICK)
            self.play(Create(drop), run_time=BEAT)
            pieces = VGroup(guide, drop)
            direction = guide.get_unit_vector()
            if drop.get_length() > 0.3 and np.linalg.norm(shadow_tip - self.point((0, 0))) > 0.3:
                corner = RightAngle(
                    Line(shadow_tip, shadow_tip + direction),
                    Line(shadow_tip, u_tip),
                    length=0.22,
                    color=MUTED,
                    stroke_width=3,
                )
                self.play(Create(corner), run_time=QUICK)
                pieces.add(corner)
            if np.linalg.norm(shadow_tip - self.point((0, 0))) > 0.15:
                shadow = Arrow(
                    self.point((0, 0)),
                    shadow_tip,
                    buff=0,
                    color=RESULT,
                    stroke_width=7,
                    max_tip_length_to_length_ratio=0.25,
                )
                self.play(GrowArrow(shadow), run_time=BEAT)
            else:
                shadow = Dot(shadow_tip, radius=0.09, color=RESULT)
                self.play(FadeIn(shadow, scale=1.5), run_time=BEAT)
            pieces.add(shadow)
            length = tex(
                r"\text{comp}_v u",
                "=",
                r"\frac{u \cdot v}{\|v\|}",
                "=",
                rf"\frac{{{num(s.dot)}}}{{{num(s.norm_v, 'norm')}}}",
                "=",
                num(s.scalar_projection, "norm"),
            )
            length[0].set_color(RESULT)
            length[-1].set_color(RESULT)
            self.place_in_column(length, self.angle_lines[-1])
            vector = tex(
                r"\text{proj}_v u", "=", fmt_vector(s.projection, "coordinate"), color=RESULT
            )
            self.place_in_column(vector, length)
            again = tex(
                "u",
                r"\cdot",
                "v",
                "=",
                r"\|v\|",
                r"\,\text{comp}_v u",
                "=",
                rf"{num(s.norm_v, 'norm')} \cdot {factor(s.scalar_projection, 'norm')}",
                "=",
                num(s.dot),
            )
            for k, colour in ((0, INPUT), (2, INPUT_2), (4, INPUT_2), (5, RESULT), (9, RESULT)):
                again[k].set_color(colour)
            self.place_in_column(again, vector)
            self.play(Write(length), run_time=BEAT)
            self.play(Write(vector), run_time=BEAT * 0.8)
            self.play(Write(again), run_time=BEAT)
            self.show("scalar_projection", s.scalar_projection)
            self.show("projection", s.projection)
            self.wait(PAUSE)
            self.projection_lines = VGroup(length, vector, again)
            self.projection_pieces = pieces

    def show_summary(self) -> None:
        s = self.steps
        if fmt(s.dot) == "0":
            sign = "zero, so u and v are at a right angle"
        elif s.dot > 0:
            sign = "positive, so the angle is under 90 degrees"
        else:
            sign = "negative, so the angle is over 90 degrees"
        with self.beat(
            "One number, two readings: the pairs multiplied and added, or the lengths times "
            f"the cosine of the angle. Here it is {fmt(s.dot)}: {sign}."
        ):
            self.play(
                Indicate(self.dot_line[-1], color=RESULT, scale_factor=1.2),
                Indicate(self.angle_lines[-1], color=HIGHLIGHT, scale_factor=1.1),
                Indicate(self.projection_lines[-1][-1], color=RESULT, scale_factor=1.2),
                run_time=BEAT,
            )
            self.hold_poster()


# =========================================================================================
# SubstitutionMethod
# =========================================================================================


def spoken(parts: Sequence[str]) -> str:
    """TeX parts of a line as narration text: ``x - (7 - 2x) = -1``."""
    line = " ".join(parts)
    for before, after in (("( ", "("), (" )", ")"), ("{", ""), ("}", ""), (r"\cdot", "times")):
        line = line.replace(before, after)
    return " ".join(line.split())


class SubstitutionMethod(LessonScene):
    """Solve one equation for one unknown, substitute it into the other, solve, substitute back."""

    A = ((2.0, 1.0), (1.0, -1.0))
    b = (7.0, -1.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them

    #: Where the lines of working start, and where the notes beside them start.
    LINES_LEFT = -5.9
    NOTES_LEFT = -0.3
    LINE_PITCH = 0.8

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_substitution(self.A, self.b)  # from lib
        (
            self.equations,
            self.isolated,
            self.substituted,
            self.collected,
            self.solved,
            self.back,
        ) = (self.steps[:2], *self.steps[2:])
        self.lines: list[style.MathTex] = []
        self.write_the_system()
        self.isolate_one_unknown()
        self.substitute_into_the_other()
        self.solve_for_the_remaining_unknown()
        self.substitute_back()
        self.show_summary()

    # -- the lines of working, as TeX parts ----------------------------------------------

    def equation_parts(self, step: linalg.LinearEquation) -> list[str]:
        return [
            linear_combination(list(zip(step.coefficients, self.names, strict=True))),
            "=",
            num(step.rhs, "entry"),
        ]

    def isolated_expression(self) -> str:
        step = self.isolated
        return linear_combination(
            [(step.constant, ""), (step.slope, self.names[1 - step.variable])]
        )

    def isolated_parts(self) -> list[str]:
        return [self.names[self.isolated.variable], "=", self.isolated_expression()]

    def substituted_parts(self) -> tuple[list[str], int]:
        """The other equation with the expression in brackets, and the expression's index."""
        step = self.substituted
        other = 1 - step.variable
        parts: list[str] = []
        where = -1
        for k in range(2):
            if k == step.variable:
                shown = fmt(step.coefficient, "entry")
                negative, size = shown.startswith("-"), shown.lstrip("-")
                if parts or negative:
                    parts.append("-" if negative else "+")
                if size != "1":
                    parts.append(size)
                parts += ["(", self.isolated_expression(), ")"]
                where = len(parts) - 2
            else:
                term = linear_combination([(step.other_coefficient, self.names[other])])
                if term == "0":
                    continue
                if parts:
                    negative = term.startswith("-")
                    parts += ["-" if negative else "+", term.lstrip("-")]
                else:
                    parts.append(term)
        parts += ["=", num(step.rhs, "entry")]
        return parts, where

    def collected_parts(self) -> list[str]:
        step = self.collected
        return [
            linear_combination([(step.coefficient, self.names[step.variable])]),
            "=",
            num(step.rhs, "entry"),
        ]

    def solved_parts(self) -> list[str]:
        return [self.names[self.solved.variable], "=", num(self.solved.value, "entry")]

    def back_parts(self) -> list[str]:
        step = self.back
        terms = []
        if fmt(step.constant, "entry") != "0":
            terms.append(num(step.constant, "entry"))
        slope = fmt(step.slope, "entry")
        negative, size = slope.startswith("-"), slope.lstrip("-")
        if size != "0":
            product = (rf"{size} \cdot " if size != "1" else "") + factor(step.known)
            if terms:
                terms.append(("- " if negative else "+ ") + product)
            else:
                terms.append(("-" if negative else "") + product)
        expression = " ".join(terms) if terms else "0"
        return [self.names[step.variable], "=", expression, "=", num(step.value, "entry")]

    # -- layout ---------------------------------------------------------------------------

    def line(self, parts: Sequence[str], colour: str = style.TEXT) -> style.MathTex:
        """The next line of working, left-aligned under the previous one."""
        formula = tex(*parts, color=colour)
        style.fit_width(formula, self.NOTES_LEFT - GAP - self.LINES_LEFT)
        top = self.heading.get_bottom()[1] - GAP * 1.1 - self.LINE_PITCH * len(self.lines)
        formula.move_to([self.LINES_LEFT, top - 0.2, 0], aligned_edge=LEFT)
        self.lines.append(formula)
        return formula

    def note(self, content: str, beside: Mobject) -> style.Text:
        """A short note in the right column, level with the line it explains."""
        words = text(content, size=LABEL_SIZE, color=MUTED)
        style.fit_width(words, config.frame_width / 2 - MARGIN - self.NOTES_LEFT)
        words.move_to([self.NOTES_LEFT, beside.get_center()[1], 0], aligned_edge=LEFT)
        return words

    # -- beats --------------------------------------------------------------------------

    def write_the_system(self) -> None:
        first, second = (spoken(self.equation_parts(e)) for e in self.equations)
        with self.beat(
            f"Two equations, two unknowns: {first}, and {second}. Substitution solves one "
            "equation for one unknown and puts the result into the other."
        ):
            self.heading = style.title("Solving by substitution")
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.system = VGroup()
            for k, step in enumerate(self.equations):
                formula = self.line(self.equation_parts(step), EQUATION_COLOURS[k])
                label = self.note(with_names(step.description, self.names), formula)
                label.set_color(EQUATION_COLOURS[k])
                self.play(Write(formula), FadeIn(label), run_time=BEAT)
                self.system.add(VGroup(formula, label))
            self.show("equations", tuple((e.coefficients, e.rhs) for e in self.equations))
            self.wait(PAUSE)

    def isolate_one_unknown(self) -> None:
        step = self.isolated
        name = self.names[step.variable]
        source = int(re.search(r"equation (\d)", step.description).group(1)) - 1
        with self.beat(
            f"Equation {source + 1} gives {name} easily: {spoken(self.isolated_parts())}."
        ):
            box = style.highlight_box(self.system[source][0])
            formula = self.line(self.isolated_parts(), EQUATION_COLOURS[source])
            formula[0].set_color(HIGHLIGHT)
            explanation = self.note(with_names(step.description, self.names), formula)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(self.system[source][0], formula), run_time=BEAT)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show("isolated", (step.constant, step.slope))
            self.isolated_line = formula
            self.wait(PAUSE)

    def substitute_into_the_other(self) -> None:
        step = self.substituted
        parts, where = self.substituted_parts()
        name = self.names[step.variable]
        target = int(re.search(r"equation (\d)", step.description).group(1)) - 1
        with self.beat(
            f"Put that expression in place of {name} in equation {target + 1}. Only "
            f"{self.names[1 - step.variable]} is left: {spoken(parts)}."
        ):
            box = style.highlight_box(self.system[target][0])
            formula = self.line(parts, EQUATION_COLOURS[target])
            formula[where].set_color(HIGHLIGHT)
            explanation = self.note(with_names(step.description, self.names), formula)
            others = [formula[k] for k in range(len(parts)) if k != where]
            self.play(Create(box), run_time=QUICK)
            self.play(
                TransformFromCopy(self.system[target][0], VGroup(*others)),
                TransformFromCopy(self.isolated_line[2], formula[where]),
                run_time=BEAT * 1.2,
            )
            self.settle(formula)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show(
                "substituted",
                (step.coefficient, step.constant, step.slope, step.other_coefficient, step.rhs),
            )
            self.wait(PAUSE)

    def solve_for_the_remaining_unknown(self) -> None:
        collected, solved = self.collected, self.solved
        name = self.names[solved.variable]
        with self.beat(
            f"Collect the {name} terms: {spoken(self.collected_parts())}. Divide both sides by "
            f"{fmt(collected.coefficient, 'entry')}: {spoken(self.solved_parts())}."
        ):
            first = self.line(self.collected_parts())
            first_note = self.note(with_names(collected.description, self.names), first)
            self.play(Write(first), FadeIn(first_note), run_time=BEAT)
            self.wait(QUICK)
            second = self.line(self.solved_parts())
            second[-1].set_color(RESULT)
            second_note = self.note(
                f"divide both sides by {fmt(collected.coefficient, 'entry')}", second
            )
            self.play(Write(second), FadeIn(second_note), run_time=BEAT)
            self.show("collected", (collected.coefficient, collected.rhs))
            self.show(name, solved.value)
            self.solved_line = second
            self.wait(PAUSE)

    def substitute_back(self) -> None:
        step = self.back
        known = self.names[1 - step.variable]
        with self.beat(
            f"Put {known} = {fmt(step.known, 'entry')} back into "
            f"{spoken(self.isolated_parts())}: {spoken(self.back_parts())}."
        ):
            formula = self.line(self.back_parts())
            formula[-1].set_color(RESULT)
            explanation = self.note(with_names(step.description, self.names), formula)
            box = style.highlight_box(self.isolated_line)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(self.isolated_line, formula), run_time=BEAT)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show(self.names[step.variable], step.value)
            self.back_line = formula
            self.wait(PAUSE)

    def show_summary(self) -> None:
        x, y = self.solution
        with self.beat(
            f"The solution: {self.names[0]} = {fmt(x, 'entry')} and {self.names[1]} = "
            f"{fmt(y, 'entry')}, the one pair of numbers that makes both equations true."
        ):
            answer = tex(
                rf"({self.names[0]}, {self.names[1]})",
                "=",
                rf"({num(x, 'entry')},\ {num(y, 'entry')})",
                color=RESULT,
            )
            answer.next_to(self.back_line, DOWN, buff=GAP * 1.1)
            answer.align_to([self.LINES_LEFT, 0, 0], LEFT)
            frame = style.highlight_box(answer, color=RESULT, buff=0.18)
            self.play(
                Indicate(self.solved_line[-1], color=RESULT, scale_factor=1.3),
                Indicate(self.back_line[-1], color=RESULT, scale_factor=1.3),
                run_time=BEAT,
            )
            self.play(Write(answer), Create(frame), run_time=BEAT)
            self.show("solution", tuple(float(v) for v in self.solution))
            self.hold_poster()


# =========================================================================================
# EliminationMethod
# =========================================================================================


class EliminationMethod(LessonScene):
    """Row operations on the augmented matrix [A | b] until it reads [I | x]."""

    A = ((1.0, 2.0), (3.0, -1.0))
    b = (7.0, 7.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_elimination(self.A, self.b)  # from lib
        self.write_augmented_matrix()
        for previous, step in zip(self.steps, self.steps[1:], strict=False):
            self.apply_row_operation(previous, step)
        self.read_off_the_solution()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def augmented(self, rows: Sequence[Sequence[float]]) -> VGroup:
        """[A | b] as a matrix with a bar before its last column."""
        m = style.matrix(rows, h_buff=1.35)
        # entries are right-aligned, so the coefficients' right edge does not move between steps
        x = max(e.get_right()[0] for e in m.get_columns()[-2]) + 0.35
        bar = Line(
            [x, m.get_top()[1] - 0.1, 0],
            [x, m.get_bottom()[1] + 0.1, 0],
            color=style.TEXT,
            stroke_width=2.5,
        )
        return VGroup(m, bar)

    def aligned_with(self, new: VGroup, old: VGroup) -> VGroup:
        """``new`` moved so that its entries sit exactly where ``old``'s do."""
        shift = cell(old[0], 0, 0).get_corner(DOWN + RIGHT) - cell(new[0], 0, 0).get_corner(
            DOWN + RIGHT
        )
        return new.shift(shift)

    def operation_tex(self, previous: linalg.EliminationStep, step: linalg.EliminationStep) -> str:
        """The row operation as written on a board: ``R_2 <- R_2 - 3R_1``."""
        if step.operation == "swap":
            return r"R_1 \leftrightarrow R_2"
        t = step.target + 1
        if step.operation == "scale":
            pivot = previous.rows[step.target][step.target]
            return rf"R_{t} \leftarrow R_{t} \,/\, {factor(pivot)}"
        shown = fmt(step.factor, "entry")
        sign, size = ("-" if shown.startswith("-") else "+"), shown.lstrip("-")
        return rf"R_{t} \leftarrow R_{t} {sign} {size if size != '1' else ''}R_{step.source + 1}"

    def entry_workings(
        self, previous: linalg.EliminationStep, step: linalg.EliminationStep
    ) -> list[str]:
        """Each entry of the new row as the arithmetic that makes it: ``3 - 3 \\cdot 1 = 0``."""
        old = previous.rows[step.target]
        new = step.rows[step.target]
        if step.operation == "scale":
            pivot = factor(previous.rows[step.target][step.target])
            return [
                rf"{num(a, 'entry')} \,/\, {pivot} = {num(n, 'entry')}"
                for a, n in zip(old, new, strict=True)
            ]
        shown = fmt(step.factor, "entry")
        sign, size = ("-" if shown.startswith("-") else "+"), shown.lstrip("-")
        times = rf"{size} \cdot " if size != "1" else ""
        source = previous.rows[step.source]
        return [
            rf"{num(a, 'entry')} {sign} {times}{factor(s)} = {num(n, 'entry')}"
            for a, s, n in zip(old, source, new, strict=True)
        ]

    def crossing_picture(self, below: Mobject, left: Mobject, right: Mobject) -> VGroup:
        """Axes, the two equations as lines around the solution, and the point where they cross.

        The picture goes under ``below``, between ``left`` and ``right``.
        """
        x, y = (math.floor(v) for v in self.solution)
        x_range, y_range = (x - 2, x + 3, 1), (y - 2, y + 3, 1)
        top = below.get_bottom()[1] - GAP
        gap = right.get_left()[0] - left.get_right()[0]
        labels = 0.5  # the axis labels reach about this far beyond the axes
        side = min(2.6, top - (-config.frame_height / 2 + MARGIN) - labels, gap - 2 * labels)
        centre_x = (left.get_right()[0] + right.get_left()[0]) / 2
        grid = style.axes(
            x_range,
            y_range,
            width=side,
            height=side,
            x_label=self.names[0],
            y_label=self.names[1],
            numbers=False,
        )
        grid.move_to([centre_x, top, 0], aligned_edge=UP)
        lines = VGroup()
        for k, row in enumerate(self.steps[0].rows):
            ends = line_ends(grid, row[:2], row[2], x_range, y_range)
            if ends:
                lines.add(Line(*ends, color=EQUATION_COLOURS[k], stroke_width=5))
        crossing = Dot(grid.c2p(*self.solution), radius=0.09, color=RESULT)
        return VGroup(grid, lines, crossing)

    def row_words(self, row: Sequence[float]) -> str:
        return f"{fmt(row[0], 'entry')}, {fmt(row[1], 'entry')} | {fmt(row[2], 'entry')}"

    # -- beats --------------------------------------------------------------------------

    def write_augmented_matrix(self) -> None:
        start = self.steps[0]
        equations = [equation_tex(row[:2], row[2], self.names) for row in start.rows]
        with self.beat(
            f"The system {spoken([equations[0]])} and {spoken([equations[1]])}, written as an "
            "augmented matrix: the coefficients left of the bar, the right-hand sides after "
            "it. Each row is one equation."
        ):
            self.heading = style.title("Solving by elimination")
            self.system = VGroup(
                *(tex(e, color=EQUATION_COLOURS[k]) for k, e in enumerate(equations))
            ).arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
            self.matrix = self.augmented(start.rows)
            self.row_labels = VGroup(
                *(tex(f"R_{k + 1}", size=CAPTION_SIZE, color=MUTED) for k in range(2))
            )
            self.headers = VGroup(*(tex(n, size=CAPTION_SIZE, color=MUTED) for n in self.names))
            board = VGroup(self.system, self.matrix).arrange(RIGHT, buff=GAP * 3)
            board.move_to(LEFT * 2.3 + UP * 0.6)
            self.place_labels()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(self.system), run_time=BEAT)
            self.play(
                TransformFromCopy(self.system, self.matrix[0].get_entries()),
                FadeIn(self.matrix[0].get_brackets()),
                Create(self.matrix[1]),
                FadeIn(self.row_labels),
                FadeIn(self.headers),
                run_time=BEAT * 1.2,
            )
            swap_in(self, self.matrix, self.matrix)
            self.operations = VGroup()
            self.operations_title = text("row operations", size=LABEL_SIZE + 2, color=MUTED)
            self.operations_title.move_to(
                [2.9, self.matrix.get_top()[1] + 0.3, 0], aligned_edge=LEFT
            )
            self.play(FadeIn(self.operations_title), run_time=QUICK)
            self.show("start", start.rows)
            self.wait(PAUSE)

    def place_labels(self) -> None:
        """Row names left of the matrix, the unknowns' names over their columns."""
        m = self.matrix[0]
        for label, row in zip(self.row_labels, m.get_rows(), strict=True):
            label.next_to(m, LEFT, buff=GAP * 0.6).match_y(row)
        for header, column in zip(self.headers, m.get_columns(), strict=False):
            header.next_to(m, UP, buff=BUFF * 0.8).match_x(column)

    def apply_row_operation(
        self, previous: linalg.EliminationStep, step: linalg.EliminationStep
    ) -> None:
        operation = self.operation_tex(previous, step)
        new_rows = step.rows
        if step.operation == "swap":
            narration = (
                f"Row 1 has no {self.names[0]} to work with, so swap the rows: the equations "
                "are the same, only their order changes."
            )
        elif step.operation == "scale":
            pivot = previous.rows[step.target][step.target]
            narration = (
                f"Divide row {step.target + 1} by {fmt(pivot, 'entry')}, so that its "
                f"{self.names[step.target]} coefficient becomes 1: row {step.target + 1} "
                f"becomes {self.row_words(new_rows[step.target])}."
            )
        else:
            shown = fmt(step.factor, "entry")
            size = shown.lstrip("-")
            times = (
                f"{size} times row {step.source + 1}" if size != "1" else (f"row {step.source + 1}")
            )
            verb = f"Subtract {times} from" if shown.startswith("-") else f"Add {times} to"
            narration = (
                f"{verb} row {step.target + 1} to eliminate {self.names[step.source]} from it: "
                f"row {step.target + 1} becomes {self.row_words(new_rows[step.target])}."
            )
        with self.beat(narration):
            board_operation = tex(operation, color=HIGHLIGHT)
            style.fit_width(board_operation, config.frame_width / 2 - MARGIN - 2.9)
            anchor = self.operations[-1] if self.operations else self.operations_title
            board_operation.next_to(anchor, DOWN, buff=GAP * 0.7, aligned_edge=LEFT)
            new = self.aligned_with(self.augmented(new_rows), self.matrix)
            old_m, new_m = self.matrix[0], new[0]
            self.play(Write(board_operation), run_time=BEAT * 0.8)
            if step.operation == "swap":
                self.play(
                    *(
                        ReplacementTransform(
                            cell(old_m, i, j), cell(new_m, 1 - i, j), path_arc=PI / 2
                        )
                        for i in range(2)
                        for j in range(3)
                    ),
                    ReplacementTransform(old_m.get_brackets(), new_m.get_brackets()),
                    ReplacementTransform(self.matrix[1], new[1]),
                    run_time=BEAT * 1.2,
                )
            else:
                t = step.target
                boxes = VGroup(style.highlight_box(old_m.get_rows()[t]))
                if step.source is not None:
                    boxes.add(style.highlight_box(old_m.get_rows()[step.source], color=MUTED))
                workings = self.entry_workings(previous, step)
                working = tex(*(w + (r",\quad" if k < 2 else "") for k, w in enumerate(workings)))
                style.fit_width(working, style.SAFE_WIDTH)
                working.move_to(DOWN * 2.2)
                working.set_x(0)
                self.play(Create(boxes), run_time=QUICK)
                self.play(Write(working), run_time=BEAT * 1.2)
                self.play(
                    *(
                        ReplacementTransform(cell(old_m, i, j), cell(new_m, i, j))
                        for i in range(2)
                        for j in range(3)
                        if i != t
                    ),
                    *(FadeOut(cell(old_m, t, j)) for j in range(3)),
                    *(TransformFromCopy(working[j], cell(new_m, t, j)) for j in range(3)),
                    ReplacementTransform(old_m.get_brackets(), new_m.get_brackets()),
                    ReplacementTransform(self.matrix[1], new[1]),
                    run_time=BEAT,
                )
                self.wait(QUICK)
                self.play(FadeOut(working), FadeOut(boxes), run_time=QUICK)
            swap_in(self, self.matrix, new)
            self.matrix = new
            self.operations.add(board_operation)
            self.show(f"rows_after_{len(self.operations)}", new_rows)
            self.wait(QUICK)

    def read_off_the_solution(self) -> None:
        with self.beat(
            "The left block is now the identity, so each row is one unknown alone: "
            + " and ".join(
                f"{n} = {fmt(v, 'entry')}" for n, v in zip(self.names, self.solution, strict=True)
            )
            + "."
        ):
            answers = VGroup(
                *(
                    tex(n, "=", num(v, "entry"), color=RESULT)
                    for n, v in zip(self.names, self.solution, strict=True)
                )
            ).arrange(RIGHT, buff=GAP * 2)
            answers.next_to(self.matrix, DOWN, buff=GAP * 1.4)
            answers.match_x(self.matrix)
            final = [cell(self.matrix[0], i, 2) for i in range(2)]
            boxes = VGroup(*(style.highlight_box(item, color=RESULT) for item in final))
            self.play(Create(boxes), run_time=QUICK)
            self.play(
                *(TransformFromCopy(final[i], answers[i][-1]) for i in range(2)),
                FadeIn(VGroup(*(a[:-1] for a in answers))),
                run_time=BEAT,
            )
            self.settle(*answers)
            self.show("solution", tuple(float(v) for v in self.solution))
            self.answers = answers
            self.wait(PAUSE)
            self.play(FadeOut(boxes), run_time=QUICK)

    def show_summary(self) -> None:
        with self.beat(
            "Elimination: swapping rows, scaling a row and adding a multiple of a row never "
            "change the solutions, so the matrix can be driven to [I | x]. The solution, "
            + ", ".join(
                f"{n} = {fmt(v, 'entry')}" for n, v in zip(self.names, self.solution, strict=True)
            )
            + ", is where the two equations' lines cross."
        ):
            start = self.augmented(self.steps[0].rows)
            arrow = Arrow(LEFT * 0.5, RIGHT * 0.5, buff=0, color=MUTED, stroke_width=5)
            final = self.matrix.copy()
            before_after = VGroup(start, arrow, final).arrange(RIGHT, buff=GAP * 0.6)
            left_edge = -config.frame_width / 2 + MARGIN + 0.1
            style.fit_width(before_after, self.operations_title.get_left()[0] - GAP - left_edge)
            before_after.move_to([left_edge, self.matrix.get_center()[1], 0], aligned_edge=LEFT)
            names = VGroup(
                tex(r"[\,A \mid b\,]", size=CAPTION_SIZE, color=MUTED).next_to(start, UP),
                tex(r"[\,I \mid x\,]", size=CAPTION_SIZE, color=MUTED).next_to(final, UP),
            )
            names[1].match_y(names[0])
            self.play(FadeOut(self.row_labels), FadeOut(self.headers), run_time=QUICK)
            self.play(
                self.matrix.animate.replace(final),
                self.system.animate.next_to(start, DOWN, buff=GAP * 0.7).match_x(start),
                self.answers.animate.arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
                .next_to(final, DOWN, buff=GAP * 0.7)
                .match_x(final),
                FadeIn(start, shift=RIGHT * 0.3),
                GrowArrow(arrow),
                run_time=BEAT * 1.2,
            )
            picture = self.crossing_picture(below=start, left=self.system, right=self.answers)
            self.play(FadeIn(names), Create(picture[0]), run_time=QUICK)
            self.play(*(Create(line) for line in picture[1]), run_time=BEAT)
            self.play(FadeIn(picture[2], scale=1.6), run_time=QUICK)
            self.hold_poster()


# =========================================================================================
# LinearSystemsGeometry
# =========================================================================================

#: What the viewer reads for each kind of system lib.classify_system tells apart.
KIND_HEADINGS = {"one": "one solution", "none": "no solution", "infinite": "infinitely many"}
KIND_COLOURS = {"one": RESULT, "none": style.ERROR, "infinite": HIGHLIGHT}


class LinearSystemsGeometry(LessonScene):
    """Two equations are two lines: they cross once, never (parallel), or everywhere (same line)."""

    systems = (
        (((2.0, -1.0), (1.0, 1.0)), (1.0, 5.0)),  # crossing lines
        (((1.0, 1.0), (2.0, 2.0)), (2.0, 8.0)),  # parallel lines
        (((1.0, 2.0), (2.0, 4.0)), (4.0, 8.0)),  # one line twice
    )
    names = ("x", "y")
    x_range = (-1.0, 5.0, 1.0)
    y_range = (-1.0, 5.0, 1.0)

    def construct(self) -> None:
        self.kinds = [linalg.classify_system(A, b) for A, b in self.systems]  # from lib
        self.solutions = [
            linalg.solve(A, b) if kind == "one" else None
            for (A, b), kind in zip(self.systems, self.kinds, strict=True)
        ]
        self.introduce_lines()
        for index in range(len(self.systems)):
            self.classify(index)
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def build_panels(self) -> None:
        self.panels = VGroup()
        for A, b in self.systems:
            grid = style.axes(
                self.x_range,
                self.y_range,
                width=3.5,
                height=3.5,
                x_label=self.names[0],
                y_label=self.names[1],
                numbers=False,
            )
            equations = VGroup(
                *(
                    tex(
                        equation_tex(row, rhs, self.names),
                        size=CAPTION_SIZE,
                        color=EQUATION_COLOURS[k],
                    )
                    for k, (row, rhs) in enumerate(zip(A, b, strict=True))
                )
            ).arrange(DOWN, buff=BUFF * 0.8)
            heading = text("one solution", size=CAPTION_SIZE)  # a placeholder for the height
            panel = VGroup(heading, grid, equations).arrange(DOWN, buff=GAP * 0.5)
            self.panels.add(panel)
        self.panels.arrange(RIGHT, buff=GAP * 1.2)
        style.fit_width(self.panels, style.SAFE_WIDTH)
        self.panels.next_to(self.heading, DOWN, buff=GAP * 0.6)

    # -- beats --------------------------------------------------------------------------

    def introduce_lines(self) -> None:
        with self.beat(
            f"Each equation in two unknowns is a line: the points ({self.names[0]}, "
            f"{self.names[1]}) that make it true. A solution of the system is a point on both "
            "lines. How many can there be?"
        ):
            self.heading = style.title("How many solutions?")
            self.build_panels()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(*(Create(panel[1]) for panel in self.panels), run_time=BEAT)
            self.wait(QUICK)

    def classify(self, index: int) -> None:
        (A, b), kind = self.systems[index], self.kinds[index]
        heading, grid, equations = self.panels[index]
        first, second = (
            spoken([equation_tex(r, c, self.names)]) for r, c in zip(A, b, strict=True)
        )
        if kind == "one":
            point = self.solutions[index]
            where = f"({fmt(point[0], 'entry')}, {fmt(point[1], 'entry')})"
            narration = (
                f"{first} and {second} are lines with different directions: they cross at "
                f"exactly one point, {where}. One solution."
            )
        elif kind == "none":
            narration = (
                f"{first} and {second} are parallel: the same direction, never meeting. No "
                "point lies on both, so there is no solution."
            )
        else:
            narration = (
                f"{first} and {second} are the same line written twice: every point on it "
                "satisfies both. Infinitely many solutions."
            )
        with self.beat(narration):
            lines = VGroup()
            for k, (row, rhs) in enumerate(zip(A, b, strict=True)):
                ends = line_ends(grid, row, rhs, self.x_range, self.y_range)
                if not ends:
                    continue
                if k == 1 and kind == "infinite":
                    drawn = DashedLine(
                        *ends, color=EQUATION_COLOURS[k], stroke_width=5, dash_length=0.18
                    )
                else:
                    drawn = Line(*ends, color=EQUATION_COLOURS[k], stroke_width=7 if k == 0 else 5)
                lines.add(drawn)
                self.play(Write(equations[k]), Create(drawn), run_time=BEAT)
            verdict = text(
                KIND_HEADINGS[kind], size=CAPTION_SIZE, color=KIND_COLOURS[kind], weight="BOLD"
            )
            verdict.move_to(heading)
            extras = []
            if kind == "one":
                point = self.solutions[index]
                dot = Dot(grid.c2p(*point), radius=0.1, color=RESULT)
                label = tex(fmt_vector(point, "entry"), size=CAPTION_SIZE, color=RESULT)
                label.next_to(dot, RIGHT, buff=BUFF * 0.6)
                extras = [FadeIn(dot, scale=1.6), FadeIn(label)]
                self.show(f"solution_{index}", tuple(float(v) for v in point))
            self.play(FadeIn(verdict, shift=DOWN * 0.15), *extras, run_time=BEAT)
            self.show(f"system_{index}", (rows_of(A), tuple(float(c) for c in b)))
            self.show(f"kind_{index}", kind)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Two lines in a plane cross once, never, or everywhere, so a system of linear "
            "equations has one solution, none, or infinitely many: never exactly two."
        ):
            moral = text(
                "one, none or infinitely many: never exactly two",
                size=BODY_SIZE - 4,
                color=style.TEXT,
            )
            style.fit_width(moral, style.SAFE_WIDTH)
            moral.to_edge(DOWN, buff=MARGIN + 0.05)
            self.play(FadeIn(moral, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
