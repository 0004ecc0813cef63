"""DeterminantsAndEigenvalues: det A is the product of A's eigenvalues. Along its eigenvectors
A stretches one side of a parallelogram by lambda_1 and the other by lambda_2, so every area
scales by lambda_1 lambda_2; a zero eigenvalue flattens the plane, and det is 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
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
    VMobject,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Number, Rule, Vector
from scenes.s04_eigen.shared import (
    COLUMN_WIDTH,
    EIGENVALUES_SHOW,
    PAIR_COLOURS,
    REAL_EIGENVALUES,
    SUBSCRIPTS,
    PlaneAndColumnScene,
    eigenpair_rows,
    named_matrix,
)
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    EIGEN,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    PAUSE,
    QUICK,
    RESULT,
    factor,
    fmt,
    num,
    tex,
)

#: The corners of the unit square, counter-clockwise from the origin.
UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))


def _structure(inputs: Mapping[str, Any], name: str) -> linalg.EigenStructure:
    return linalg.eigen_structure(inputs[name])


def _shows(value: float, kind: str = "value") -> bool:
    return value == 0 or fmt(value, kind) != "0"


TWO_DIRECTIONS = Rule(
    "must have two independent eigenvectors (not a shear-like, defective matrix), so they span "
    "a parallelogram",
    ("matrix",),
    lambda inputs: _structure(inputs, "matrix").kind != "defective",
)
NONZERO_DET = Rule(
    "must have a determinant that shows as non-zero (at least 0.005 in size); the singular "
    "matrix is the lesson's second part",
    ("matrix",),
    lambda inputs: fmt(linalg.determinant(inputs["matrix"])) != "0",
)


def singular_of(row: Sequence[float], multiple: float) -> tuple[tuple[float, ...], ...]:
    """The 2x2 matrix whose first row is ``row`` and second ``multiple`` times it: det 0."""
    second = linalg.scale(row, multiple)
    return (tuple(float(v) for v in row), tuple(float(v) for v in second))


def _one_zero(inputs: Mapping[str, Any]) -> bool:
    structure = linalg.eigen_structure(
        singular_of(inputs["singular_row"], inputs["singular_multiple"])
    )
    return structure.kind == "zero" and fmt(max(structure.values, key=abs), "eigen") != "0"


ONE_ZERO_EIGENVALUE = Rule(
    "must give B exactly one zero eigenvalue and another that shows as non-zero (at least "
    "0.005 in size): its trace, row[0] + multiple * row[1], must not be 0",
    ("singular_row", "singular_multiple"),
    _one_zero,
)
EXACT_ENTRIES = Rule(
    "must give B entries of at most 2 decimals (e.g. one decimal each), so they show exactly "
    "and its det reads as 0",
    ("singular_row", "singular_multiple"),
    lambda inputs: all(
        abs(v - round(v, 2)) < 1e-9
        for row in singular_of(inputs["singular_row"], inputs["singular_multiple"])
        for v in row
    ),
)
BIG_EIGENVALUES = Rule(
    "must have real eigenvalues, each 0 or at least 0.005 in size (complex ones come in "
    "conjugate pairs whose product is still real, but this lesson lists real ones)",
    ("big",),
    lambda inputs: all(_shows(v, "eigen") for v in linalg.eig(inputs["big"])[0]),
)


def product_parts(values: Sequence[float], product: float, name: str = "") -> list[str]:
    r"""``\lambda_1 \lambda_2``, ``=``, ``2.5 \cdot 1``, ``=``, ``2.5``: a formula's parts.

    The left side is ``\det <name>`` when a name is given. The middle product is of the
    values as shown; when those, multiplied, would not show as the product, the last sign
    is ``\approx``.
    """
    names = " ".join(rf"\lambda_{k + 1}" for k in range(len(values)))
    factors = r" \cdot ".join(factor(v, "eigen") for v in values)
    shown = float(np.prod([float(fmt(v, "eigen")) for v in values]))
    sign = "=" if fmt(shown) == fmt(product) else r"\approx"
    return [rf"\det {name}" if name else names, "=", factors, sign, num(product)]


def stacked(product: VMobject, det: VMobject) -> VGroup:
    """``det`` under ``product``, its ``=`` under the product's last one."""
    det.next_to(product, DOWN, buff=BUFF * 1.4)
    det.shift((product[3].get_center()[0] - det[1].get_center()[0]) * RIGHT)
    return VGroup(product, det)


def spoken(values: Sequence[float]) -> str:
    """``lambda₁ = 2.5, lambda₂ = 1`` for the narration."""
    return ", ".join(f"lambda{SUBSCRIPTS[k]} = {fmt(v, 'eigen')}" for k, v in enumerate(values))


class DeterminantsAndEigenvalues(PlaneAndColumnScene):
    """det A = lambda_1 lambda_2: area scales by it; a zero eigenvalue makes det 0."""

    matrix = ((1.5, 0.5), (1.0, 2.0))  # eigenvalues 2.5 and 1: det 2.5
    singular_row = (1.0, 2.0)  # B's first row; its second is a multiple of it,
    singular_multiple = 0.5  # so det B = 0: eigenvalues 2 and 0
    big = ((2.0, 1.0, 0.0), (1.0, 3.0, 1.0), (0.0, 1.0, 2.0))  # a 3x3, checked by numbers
    domain = Domain(
        matrix=Matrix(2, 2, -3, 3),
        singular_row=Vector(2, -3, 3, places=1, nonzero=True),
        singular_multiple=Number(-2, 2, places=1),
        big=Matrix(3, 3, -3, 3),
        rules=(
            REAL_EIGENVALUES,
            EIGENVALUES_SHOW,
            TWO_DIRECTIONS,
            NONZERO_DET,
            ONE_ZERO_EIGENVALUE,
            EXACT_ENTRIES,
            BIG_EIGENVALUES,
        ),
    )

    def construct(self) -> None:
        self.singular = singular_of(self.singular_row, self.singular_multiple)
        self.parts = {key: self.numbers_of(key) for key in ("matrix", "singular")}
        self.big_values = tuple(float(v) for v in linalg.eig(self.big)[0])
        self.big_product = linalg.eigenvalue_product(self.big)
        self.big_det = linalg.determinant(self.big)
        self.heading = self.place_in_column(style.title("Eigenvalues and det"))
        self.introduce_determinant()
        self.scale_the_unit_square()
        self.find_eigenvalues()
        self.stretch_along_eigenvectors()
        self.flatten_with_a_zero_eigenvalue()
        self.check_a_3x3()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def numbers_of(self, key: str) -> dict[str, Any]:
        """Everything shown of the matrix ``key``, from lib."""
        values = getattr(self, key)
        structure = linalg.eigen_structure(values)
        vectors = structure.directions
        images = [tuple(float(c) for c in linalg.matmul(values, v)) for v in vectors]
        corners = [(0.0, 0.0), vectors[0], tuple(linalg.add(*vectors)), vectors[1]]
        return {
            "det": linalg.determinant(values),
            "product": linalg.eigenvalue_product(values),
            "values": structure.values,
            "vectors": vectors,
            "images": images,
            "corners": [tuple(float(c) for c in p) for p in corners],
            "corner_images": [tuple(float(c) for c in p) for p in linalg.apply(values, corners)],
            "square_images": [
                tuple(float(c) for c in p) for p in linalg.apply(values, UNIT_SQUARE)
            ],
            "area": abs(linalg.determinant(np.column_stack(vectors))),
            "area_after": abs(linalg.determinant(np.column_stack(images))),
        }

    # -- the picture --------------------------------------------------------------------

    def set_up_square(self) -> None:
        """A plane for A and the unit square."""
        images = self.parts["matrix"]["square_images"]
        self.layout_plane([*UNIT_SQUARE[1:], *images[1:]])
        self.build_planes(matrix=self.matrix)
        self.progress = ValueTracker(0.0)
        self.shape = self.following_polygon(UNIT_SQUARE, images, self.progress, HIGHLIGHT)
        self.ghost = self.outline(UNIT_SQUARE)
        self.add(self.build_curtain())

    def set_up_eigen(self, key: str, name: str) -> None:
        """A plane for the matrix ``key``: its eigenvectors and the parallelogram they span."""
        part = self.parts[key]
        values = getattr(self, key)
        vectors, images = part["vectors"], part["images"]
        self.layout_plane([*part["corners"][1:], *part["corner_images"][1:]])
        self.vector_labels, self.image_labels = self.place_eigen_labels(
            vectors, images, part["values"], matrix_name=name
        )
        self.build_planes(avoid=[*self.vector_labels, *self.image_labels], matrix=values)
        self.progress = ValueTracker(0.0)
        self.shape = self.following_polygon(
            part["corners"], part["corner_images"], self.progress, EIGEN, 0.2
        )
        self.ghost = self.outline(part["corners"])
        self.arrows = [
            self.following_arrow(v, image, self.progress, colour)
            for v, image, colour in zip(vectors, images, PAIR_COLOURS, strict=True)
        ]
        self.add(self.build_curtain())

    def draw_plane(self, *extra: VMobject) -> None:
        self.play(
            Create(self.coords), FadeIn(self.tick_labels), Create(self.moving_grid), run_time=BEAT
        )
        self.play(FadeIn(self.ghost), FadeIn(self.shape), *extra, run_time=QUICK)

    def move(self, values: Any, *leaving: VMobject) -> None:
        """Move the grid and everything that follows ``self.progress`` by ``values``."""
        self.play(
            *(FadeOut(m) for m in leaving),
            self.moving_grid.animate.apply_matrix(values, about_point=self.origin),
            self.progress.animate.set_value(1.0),
            run_time=BEAT * 2.5,
        )
        self.shape.clear_updaters()
        for arrow in getattr(self, "arrows", []):
            arrow.clear_updaters()

    def equalities(self, name: str, key: str) -> VGroup:
        r"""``\lambda_1 \lambda_2 = ...`` over ``\det A = ...``, their last ``=`` aligned."""
        part = self.parts[key]
        return stacked(
            tex(*product_parts(part["values"], part["product"]), color=EIGEN),
            tex(rf"\det {name}", "=", num(part["det"]), color=RESULT),
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_determinant(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        det = self.parts["matrix"]["det"]
        with self.beat(
            f"Here is A, with rows ({a}, {b}) and ({c}, {d}). Its determinant is ad minus bc: "
            f"{a} times {d} minus {b} times {c}, which is {fmt(det)}."
        ):
            self.set_up_square()
            self.a_row = self.place_in_column(
                named_matrix("A", self.matrix, INPUT), below=self.heading
            )
            (a, b), (c, d) = self.matrix
            formula = tex(
                r"\det A = ",
                rf"{factor(a)} \cdot {factor(d)} - {factor(b)} \cdot {factor(c)}",
                " = ",
                num(det),
                color=RESULT,
            )
            self.formula = self.place_in_column(formula, below=self.a_row)
            self.play(FadeIn(self.heading), Write(self.a_row), run_time=BEAT)
            self.play(Write(self.formula), run_time=BEAT)
            self.show("det_A", det)
            self.wait(PAUSE)

    def scale_the_unit_square(self) -> None:
        det = self.parts["matrix"]["det"]
        flips = " and flips it over" if det < 0 else ""
        with self.beat(
            f"The determinant is how A scales area: the unit square, area 1, becomes a "
            f"parallelogram of area {fmt(abs(det))}{flips}. Where does that number come from?"
        ):
            self.draw_plane()
            self.move(self.matrix)
            area = tex(r"\text{area } 1 \;\to\; |\det A| = ", num(abs(det)), color=HIGHLIGHT)
            self.area = self.place_in_column(area, below=self.formula)
            self.play(FadeIn(self.area), run_time=BEAT)
            self.show("square_area", abs(det))
            self.wait(PAUSE)

    def find_eigenvalues(self) -> None:
        part = self.parts["matrix"]
        with self.beat(
            f"From A's eigenvalues. A has {spoken(part['values'])}, with eigenvectors v1 and v2. "
            "Take the parallelogram they span."
        ):
            self.clear_screen(self.heading, self.a_row, self.formula)
            self.set_up_eigen("matrix", "A")
            self.pairs = eigenpair_rows(part["values"], part["vectors"])
            self.place_in_column(self.pairs, below=self.formula)
            self.draw_plane(*(GrowArrow(a) for a in self.arrows), FadeIn(*self.vector_labels))
            self.play(FadeIn(self.pairs), run_time=BEAT)
            self.show("lambda_A", part["values"])
            self.show("v_A", part["vectors"])
            self.wait(PAUSE)

    def stretch_along_eigenvectors(self) -> None:
        part = self.parts["matrix"]
        values = part["values"]
        product = part["product"]
        if product < 0:
            scaled = (
                f"its area is multiplied by {fmt(abs(product))} and it turns over: lambda1 times "
                f"lambda2 = {fmt(product)}, sign and all"
            )
        else:
            scaled = f"its area is multiplied by lambda1 times lambda2 = {fmt(product)}"
        with self.beat(
            "A stretches v1 by lambda1 and v2 by lambda2, so one side of the parallelogram "
            f"scales by lambda1 and the other by lambda2: {scaled}. That is det A: the "
            "determinant is the product of the eigenvalues."
        ):
            self.move(self.matrix, *self.vector_labels)
            self.play(FadeIn(*self.image_labels), run_time=QUICK)
            sides = tex(
                rf"\text{{sides}} \times {factor(values[0], 'eigen')}"
                rf" \text{{ and }} \times {factor(values[1], 'eigen')}",
                color=EIGEN,
                size=CAPTION_SIZE,
            )
            self.sides = self.place_in_column(sides, below=self.pairs)
            self.play(FadeIn(self.sides), run_time=QUICK)
            self.a_result = self.place_in_column(self.equalities("A", "matrix"), below=self.sides)
            self.play(Write(self.a_result[0]), run_time=BEAT)
            self.play(FadeIn(self.a_result[1]), run_time=QUICK)
            self.show("product_A", part["product"])
            self.show("eigen_area", (part["area"], part["area_after"]))
            self.wait(PAUSE)

    def flatten_with_a_zero_eigenvalue(self) -> None:
        part = self.parts["singular"]
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.singular)
        zero = part["values"].index(0.0)  # the eigenvector B sends to the origin
        with self.beat(
            f"Now B, with rows ({a}, {b}) and ({c}, {d}): {spoken(part['values'])}. B sends "
            f"v{zero + 1} to the origin, so the parallelogram and the whole plane collapse onto "
            f"the line of v{2 - zero}. "
            f"A zero eigenvalue makes the product 0, and det B = {fmt(part['det'])}."
        ):
            self.clear_screen(self.heading)
            self.set_up_eigen("singular", "B")
            row = self.place_in_column(named_matrix("B", self.singular, ERROR), below=self.heading)
            pairs = self.place_in_column(eigenpair_rows(part["values"], part["vectors"]), below=row)
            self.play(FadeIn(row), FadeIn(pairs), run_time=BEAT)
            self.draw_plane(*(GrowArrow(a) for a in self.arrows), FadeIn(*self.vector_labels))
            self.move(self.singular, *self.vector_labels)
            self.play(FadeIn(*self.image_labels), run_time=QUICK)
            result = self.place_in_column(self.equalities("B", "singular"), below=pairs)
            self.play(Write(result[0]), run_time=BEAT)
            self.play(FadeIn(result[1]), run_time=QUICK)
            self.show("lambda_B", part["values"])
            self.show("product_B", part["product"])
            self.show("det_B", part["det"])
            self.wait(PAUSE)

    def check_a_3x3(self) -> None:
        values = self.big_values
        with self.beat(
            f"It holds for any size. This 3 by 3 matrix C has {spoken(values)}. Their product "
            f"is {fmt(self.big_product)}, and det C, by cofactors, is {fmt(self.big_det)}."
        ):
            self.clear_screen(self.heading)
            row = named_matrix("C", self.big, INPUT)
            names = VGroup(
                *(
                    tex(rf"\lambda_{k + 1} = {num(v, 'eigen')}", color=EIGEN)
                    for k, v in enumerate(values)
                )
            ).arrange(RIGHT, buff=GAP)
            product, det = stacked(
                tex(*product_parts(values, self.big_product), color=EIGEN),
                tex(r"\det C", "=", num(self.big_det), color=RESULT),
            )
            block = VGroup(row, names, VGroup(product, det)).arrange(DOWN, buff=GAP * 0.8)
            style.fit_width(block, style.SAFE_WIDTH)
            block.next_to(self.heading, DOWN, buff=GAP)
            block.set_x(0)
            self.play(self.heading.animate.set_x(0), FadeIn(row), run_time=BEAT)
            self.play(FadeIn(names), run_time=BEAT)
            self.play(Write(product), run_time=BEAT)
            self.play(FadeIn(det), run_time=QUICK)
            self.show("lambda_C", values)
            self.show("product_C", self.big_product)
            self.show("det_C", self.big_det)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        det_a, det_b = self.parts["matrix"]["det"], self.parts["singular"]["det"]
        with self.beat(
            f"The determinant is the product of the eigenvalues: {fmt(det_a)} for A, "
            f"{fmt(self.big_det)} for C. Each eigenvalue scales one direction, and area scales "
            f"by all of them together; a zero eigenvalue, as for B, makes det {fmt(det_b)}."
        ):
            self.clear_screen()
            self.heading = self.place_in_column(style.title("Eigenvalues and det"))
            self.set_up_eigen("matrix", "A")
            self.moving_grid.apply_matrix(self.matrix, about_point=self.origin)
            self.progress.set_value(1.0)
            self.shape.update()
            for arrow in self.arrows:
                arrow.update()
            rows = VGroup(
                *(
                    tex(*product_parts(values, product, name), size=CAPTION_SIZE, color=colour)
                    for name, values, product, colour in (
                        (
                            "A",
                            self.parts["matrix"]["values"],
                            self.parts["matrix"]["product"],
                            RESULT,
                        ),
                        (
                            "B",
                            self.parts["singular"]["values"],
                            self.parts["singular"]["product"],
                            ERROR,
                        ),
                        ("C", self.big_values, self.big_product, INPUT),
                    )
                )
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
            rule = tex(r"\det A = \lambda_1 \lambda_2 \cdots \lambda_n", color=HIGHLIGHT)
            summary = style.panel("Product of eigenvalues", rule, rows, width=COLUMN_WIDTH * 0.9)
            self.place_panel_low(summary, under=self.heading)
            self.play(
                FadeIn(self.heading),
                FadeIn(self.coords),
                FadeIn(self.moving_grid),
                FadeIn(self.tick_labels),
                FadeIn(self.shape),
                FadeIn(self.ghost),
                *(FadeIn(a) for a in self.arrows),
                FadeIn(*self.image_labels),
                run_time=BEAT,
            )
            self.play(FadeIn(summary), run_time=BEAT)
            self.show("summary", (det_a, det_b, self.big_det))
            self.wait(PAUSE)
            self.hold_poster()
