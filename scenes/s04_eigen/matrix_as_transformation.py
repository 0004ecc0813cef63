"""MatrixAsTransformation: a matrix acts on the plane; each vector v goes to A v, a row of A
times v for each coordinate, and the whole grid moves with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    ValueTracker,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Rule
from scenes.s04_eigen.shared import COLUMN_WIDTH, PlaneAndColumnScene, column_vector, row_text
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    PAUSE,
    QUICK,
    RESULT,
    factor,
    fitted_matrix,
    fmt,
    num,
    tex,
)

#: One colour per vector, in the picture and in the formulas.
VECTOR_COLOURS = (INPUT, INPUT_2, RESULT, HIGHLIGHT)


def _nonzero(inputs: Mapping[str, Any]) -> bool:
    return all(any(float(c) != 0 for c in v) for v in inputs["vectors"])


NONZERO = Rule(
    "must hold no zero vector (each one needs a direction to draw)", ("vectors",), _nonzero
)


def product_working(step_rows: Sequence[linalg.MatmulStep]) -> tuple[str, str]:
    r"""``\begin{bmatrix} a x + b y \\ c x + d y \end{bmatrix}`` and its value, from lib's steps."""
    sums = []
    for step in step_rows:
        terms = [
            f"{factor(a)} \\cdot {factor(b)}" for a, b in zip(step.row, step.column, strict=True)
        ]
        sums.append(" + ".join(terms))
    working = r"\begin{bmatrix}" + r"\\".join(sums) + r"\end{bmatrix}"
    return working, column_vector([step.total for step in step_rows])


class MatrixAsTransformation(PlaneAndColumnScene):
    """A few vectors and the grid before and after A: each v lands on A v."""

    matrix = ((1.0, -1.0), (0.5, 1.5))  # the example's input: any real 2x2
    vectors = ((2.0, 1.0), (-1.0, 2.0), (1.0, -1.5))  # one row per vector, 1 to 4 of them
    domain = Domain(
        matrix=Matrix(2, 2, -3, 3),
        vectors=Matrix((1, 4), 2, -4, 4),
        rules=(NONZERO,),
    )

    def construct(self) -> None:
        self.images = [
            tuple(float(c) for c in row) for row in linalg.apply(self.matrix, self.vectors)
        ]
        self.steps = [linalg.matmul_steps(self.matrix, v)[1] for v in self.vectors]  # from lib
        self.count = len(self.vectors)
        self.introduce_matrix_and_vectors()
        self.work_first_product()
        self.move_the_plane()
        self.list_every_product()
        self.show_summary()

    # -- the picture --------------------------------------------------------------------

    def colour(self, k: int) -> str:
        return VECTOR_COLOURS[k % len(VECTOR_COLOURS)]

    def set_up_plane(self) -> None:
        self.layout_plane([*self.vectors, *self.images])
        taken: list = []
        self.image_labels = []
        for k, image in enumerate(self.images):
            label = self.place_label(rf"A v_{k + 1}", self.colour(k), image, image, taken)
            taken.append(label)
            self.image_labels.append(label)
        self.vector_labels = []
        for k, vector in enumerate(self.vectors):
            label = self.place_label(rf"v_{k + 1}", self.colour(k), vector, vector, taken)
            taken.append(label)
            self.vector_labels.append(label)
        self.build_planes(avoid=taken)
        self.progress = ValueTracker(0.0)
        self.arrows = [
            self.following_arrow(v, image, self.progress, self.colour(k))
            for k, (v, image) in enumerate(zip(self.vectors, self.images, strict=True))
        ]
        self.add(self.build_curtain())

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix_and_vectors(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        shown = ", ".join(row_text(v) for v in self.vectors)
        with self.beat(
            f"A matrix is a machine that moves vectors. Here is A, with rows ({a}, {b}) and "
            f"({c}, {d}), and {self.count} vector{'s' if self.count > 1 else ''} to feed it: "
            f"{shown}."
        ):
            self.set_up_plane()
            self.heading = self.place_in_column(style.title("Transformation"))
            a_matrix = fitted_matrix(self.matrix, h_buff=0.9, v_buff=0.7)
            self.a_group = VGroup(tex("A", "="), a_matrix).arrange(RIGHT, buff=BUFF)
            self.place_in_column(self.a_group, below=self.heading)
            self.play(
                FadeIn(self.heading),
                Create(self.coords),
                FadeIn(self.tick_labels),
                Create(self.moving_grid),
                run_time=BEAT,
            )
            self.play(Write(self.a_group), run_time=BEAT)
            self.play(
                *(GrowArrow(arrow) for arrow in self.arrows),
                *(FadeIn(label) for label in self.vector_labels),
                run_time=BEAT,
            )
            self.show("matrix", tuple(tuple(float(v) for v in row) for row in self.matrix))
            self.show("vectors", tuple(tuple(float(c) for c in v) for v in self.vectors))
            self.wait(PAUSE)

    def work_first_product(self) -> None:
        steps = self.steps[0]
        totals = [step.total for step in steps]
        with self.beat(
            f"To find A v1, take each row of A times v1: the first row gives {fmt(totals[0])}, "
            f"the second {fmt(totals[1])}. So A v1 = {row_text(totals)}."
        ):
            working, value = product_working(steps)
            matrix_tex = (
                r"\begin{bmatrix}"
                + r"\\".join(" & ".join(num(v, "entry") for v in row) for row in self.matrix)
                + r"\end{bmatrix}"
            )
            first = tex(r"A\,v_1 = ", matrix_tex, column_vector(self.vectors[0]), size=CAPTION_SIZE)
            first[2].set_color(self.colour(0))
            second = tex("=", working, "=", value, size=CAPTION_SIZE)
            second[-1].set_color(self.colour(0))
            if second.width > COLUMN_WIDTH:  # long entries: the value goes on a line of its own
                second = VGroup(
                    tex("=", working, size=CAPTION_SIZE), tex("=", value, size=CAPTION_SIZE)
                )
                second[1][-1].set_color(self.colour(0))
                second.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)
            second.next_to(first, DOWN, buff=BUFF * 1.2).align_to(first[1], LEFT)
            formula = VGroup(first, second)
            self.working = self.place_in_column(formula, below=self.a_group)
            rows = self.a_group[1].get_rows()
            for i in range(len(steps)):
                box = style.highlight_box(rows[i])
                self.play(Create(box), run_time=QUICK)
                self.play(FadeOut(box), run_time=QUICK)
            self.play(Write(first), run_time=BEAT)
            self.play(Write(second), run_time=BEAT)
            self.show("A_v_1", tuple(totals))
            self.wait(PAUSE)

    def move_the_plane(self) -> None:
        with self.beat(
            "Now let A act on everything at once: every vector v moves to A v, and the grid "
            "moves with them. Grid lines stay straight, evenly spaced, and the origin stays put."
        ):
            self.play(
                FadeOut(self.working),
                *(FadeOut(label) for label in self.vector_labels),
                run_time=QUICK,
            )
            self.ghosts = [
                self.arrow_or_dot(v, self.colour(k), width=3).set_opacity(0.35)
                for k, v in enumerate(self.vectors)
            ]
            self.add(*self.ghosts)
            self.play(
                self.moving_grid.animate.apply_matrix(self.matrix, about_point=self.origin),
                self.progress.animate.set_value(1.0),
                run_time=BEAT * 3,
            )
            for arrow in self.arrows:
                arrow.clear_updaters()
            self.play(*(FadeIn(label) for label in self.image_labels), run_time=QUICK)
            self.wait(PAUSE)

    def product_rows(self) -> VGroup:
        """``A v_k = A (v) = (A v)`` per vector; ``A v_k = (A v)`` if that is too wide."""
        rows = VGroup()
        for k, (v, image) in enumerate(zip(self.vectors, self.images, strict=True)):
            shown = style.fmt_vector(image, "coordinate")
            row = tex(
                rf"A\,v_{k + 1} = A\,{style.fmt_vector(v, 'coordinate')} = {shown}",
                size=CAPTION_SIZE,
                color=self.colour(k),
            )
            if row.width > COLUMN_WIDTH - 2 * GAP:  # room for a panel's frame
                row = tex(rf"A\,v_{k + 1} = {shown}", size=CAPTION_SIZE, color=self.colour(k))
            rows.add(row)
        return rows.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)

    def list_every_product(self) -> None:
        with self.beat(
            "Every image is a matrix-vector product: "
            + "; ".join(f"A v{k + 1} = {row_text(image)}" for k, image in enumerate(self.images))
            + ". The faint arrows show where each vector started."
        ):
            self.rows = self.place_in_column(self.product_rows(), below=self.a_group)
            for k, row in enumerate(self.rows):
                box = style.highlight_box(self.image_labels[k])
                self.play(FadeIn(row), Create(box), run_time=QUICK * 1.5)
                self.play(FadeOut(box), run_time=QUICK * 0.6)
            self.show("images", tuple(self.images))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "A matrix is a transformation of the plane: each vector v goes to A v, a row of A "
            "times v for each coordinate."
        ):
            rows = self.product_rows()
            a_row = self.a_group.copy()
            rule = tex(r"v \;\longmapsto\; A\,v", color=HIGHLIGHT)
            summary = style.panel("A moves every vector", a_row, rows, rule)
            self.place_panel_low(summary, under=self.heading)
            self.play(
                FadeOut(self.rows),
                FadeOut(self.a_group),
                FadeIn(summary),
                run_time=BEAT,
            )
            self.show("summary_images", tuple(self.images))
            self.wait(PAUSE)
            self.hold_poster()
