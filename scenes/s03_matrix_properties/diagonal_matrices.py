"""DiagonalMatrices: a diagonal matrix scales each axis by its own entry; its inverse is the
diagonal matrix of the reciprocals, which scales each axis back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Matrix,
    Polygon,
    Transform,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s03_matrix_properties.shared import (
    column,
    floats,
    in_column,
    plane_arrow,
    rows,
    side_plane,
    tip_labels,
)
from scenes.style import (
    BEAT,
    BUFF,
    EIGEN,
    EIGEN_2,
    GAP,
    INPUT,
    INPUT_2,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    factor,
    fitted_matrix,
    fmt,
    fmt_vector,
    num,
    tex,
)

#: The colours of the two axes' basis vectors, e1 and e2.
AXIS_COLOURS = (EIGEN, EIGEN_2)

#: The smallest |d| a diagonal entry may have: nearer 0, its reciprocal leaves the plane.
LEAST_ENTRY = 0.25


def _entries_invertible(inputs: Mapping[str, Any]) -> bool:
    return all(abs(float(d)) >= LEAST_ENTRY for d in inputs["diagonal"])


ENTRIES_AWAY_FROM_ZERO = Rule(
    f"must have every entry at least {fmt(LEAST_ENTRY)} in size (not 0), so that D has an "
    "inverse whose reciprocals fit the picture",
    ("diagonal",),
    _entries_invertible,
)


#: The shortest v the picture draws clearly.
SHORTEST = 0.5

V_LONG_ENOUGH = Rule(
    f"must be at least {fmt(SHORTEST)} long, so that its arrow shows",
    ("v",),
    lambda inputs: linalg.l2_norm(inputs["v"]) >= SHORTEST,
)


class DiagonalMatrices(LessonScene):
    """D = diag(d1, d2) stretches each axis by its own entry; D^-1 = diag(1/d1, 1/d2)."""

    diagonal = (2.0, 0.5)  # D's diagonal: how much each axis is stretched
    v = (1.5, 2.0)  # a vector D acts on
    domain = Domain(
        diagonal=Vector(2, -3, 3),
        v=Vector(2, -3, 3, nonzero=True),
        rules=(ENTRIES_AWAY_FROM_ZERO, V_LONG_ENOUGH),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_matrix()
        self.scale_each_axis()
        self.scale_vector()
        self.invert_with_reciprocals()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.D = linalg.scaling(*self.diagonal)
        self.basis = linalg.identity(2)  # e1 and e2, as rows
        self.basis_images = linalg.apply(self.D, self.basis)  # D e1, D e2
        self.image = linalg.matmul(self.D, self.v)
        self.D_inverse = linalg.inverse(self.D)
        self.back = linalg.matmul(self.D_inverse, self.image)
        self.show("D", rows(self.D))
        self.show("basis_images", rows(self.basis_images))
        self.show("D_v", floats(self.image))
        self.show("D_inverse", rows(self.D_inverse))
        self.show("back", floats(self.back))

    # -- builders -----------------------------------------------------------------------

    def square(self, corners: np.ndarray, colour: str) -> Polygon:
        """The image of the unit square: the parallelogram on two vectors."""
        points = [
            self.grid.c2p(*p) for p in ((0, 0), corners[0], corners[0] + corners[1], corners[1])
        ]
        return Polygon(*points, color=colour, stroke_width=2, fill_opacity=0.15)

    def vectors(self, basis: np.ndarray, v: Any, names: tuple[str, ...], avoid: Any = ()) -> VGroup:
        """The basis arrows, the vector and their labels (clear of ``avoid``)."""
        arrows = VGroup(
            *(plane_arrow(self.grid, e, c) for e, c in zip(basis, AXIS_COLOURS, strict=True)),
            plane_arrow(self.grid, v, INPUT_2),
        )
        items = zip((*basis, v), names, (*AXIS_COLOURS, INPUT_2), strict=True)
        labels = VGroup(*tip_labels(self.grid, list(items), avoid))
        return VGroup(self.square(basis, INPUT), arrows, labels)

    @staticmethod
    def diagonal_tex(parts: Any) -> str:
        """``diag(2, 0.5)`` from numbers, or from formulas given as strings."""
        shown = [p if isinstance(p, str) else num(p, "entry") for p in parts]
        return r"\mathrm{diag}(" + ", ".join(shown) + ")"

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        d1, d2 = (fmt(d) for d in self.diagonal)
        with self.beat(
            f"A diagonal matrix D has numbers only on its diagonal, here {d1} and {d2}, and "
            "zeros everywhere else."
        ):
            self.heading = style.title("Diagonal matrices")
            points = [*self.basis, *self.basis_images, self.v, self.image, (1, 1)]
            points.append(self.basis_images.sum(axis=0))
            self.grid = side_plane(points)
            self.before = self.vectors(self.basis, self.v, ("e_1", "e_2", "v"))
            self.resting = self.before.copy()  # where D^-1 brings everything back to
            self.after = self.vectors(
                self.basis_images, self.image, ("De_1", "De_2", "Dv"), avoid=self.before[2]
            )
            style.drop_ticks_near(self.grid, *self.before, *self.after)
            self.d_group = VGroup(tex("D =", color=INPUT), fitted_matrix(self.D, color=INPUT))
            self.d_group.arrange(RIGHT, buff=BUFF)
            in_column(self.d_group, below=self.heading)
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT)
            self.play(FadeIn(self.d_group), run_time=BEAT)
            self.play(
                FadeIn(self.before[0]),
                *(GrowArrow(a) for a in self.before[1]),
                FadeIn(self.before[2]),
                run_time=BEAT,
            )
            self.wait(PAUSE)

    def scale_each_axis(self) -> None:
        d1, d2 = (fmt(d) for d in self.diagonal)
        flips = [n for n, d in zip(("x", "y"), self.diagonal, strict=True) if d < 0]
        flipped = f" A negative entry also flips its axis ({' and '.join(flips)})." if flips else ""
        with self.beat(
            f"D stretches each axis by its own diagonal entry: e₁ by {d1} along x, e₂ by {d2} "
            f"along y. The unit square becomes a rectangle.{flipped}"
        ):
            axes = VGroup(
                *(
                    tex(
                        rf"D e_{k + 1} = {factor(self.diagonal[k])}\, e_{k + 1}",
                        color=AXIS_COLOURS[k],
                    )
                    for k in range(2)
                )
            ).arrange(DOWN, buff=BUFF * 1.5)
            in_column(axes, below=self.d_group)
            moving = self.before
            self.play(Transform(moving[0], self.after[0]), run_time=BEAT * 1.5)
            self.play(
                Transform(moving[1][:2], self.after[1][:2]),
                Transform(moving[2][:2], self.after[2][:2]),
                Write(axes),
                run_time=BEAT * 1.5,
            )
            self.moving = moving
            self.axes_facts = axes
            self.wait(PAUSE)

    def scale_vector(self) -> None:
        (v1, v2), (w1, w2) = self.v, self.image
        with self.beat(
            f"So D v multiplies each coordinate of v by its own entry: v = ({fmt(v1)}, "
            f"{fmt(v2)}) goes to D v = ({fmt(w1)}, {fmt(w2)})."
        ):
            products = [
                rf"{factor(d)} \cdot {factor(c)}"
                for d, c in zip(self.diagonal, self.v, strict=True)
            ]
            pieces = Matrix(
                [[p] for p in products],
                element_to_mobject=lambda s: tex(s, color=INPUT_2),
                v_buff=0.8,
            )
            pieces.get_brackets().set_color(INPUT_2)
            name = tex("D", "v", "=")
            name[0].set_color(INPUT)
            name[1].set_color(INPUT_2)
            working = VGroup(name, pieces, tex("="), column(self.image, INPUT_2))
            working.arrange(RIGHT, buff=BUFF)
            in_column(working, below=self.axes_facts)
            self.play(
                Transform(self.moving[1][2], self.after[1][2]),
                Transform(self.moving[2][2], self.after[2][2]),
                run_time=BEAT * 1.5,
            )
            self.play(Write(working), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.working = working

    def invert_with_reciprocals(self) -> None:
        r1, r2 = (fmt(r) for r in np.diag(self.D_inverse))
        with self.beat(
            f"To undo D, divide each axis by its entry: D⁻¹ is diagonal too, with the "
            f"reciprocals {r1} and {r2}. It takes D v back to v."
        ):
            self.play(FadeOut(self.axes_facts), FadeOut(self.working), run_time=QUICK)
            inverse = VGroup(
                tex(r"D^{-1} =", color=RESULT),
                fitted_matrix(self.D_inverse, color=RESULT),
            ).arrange(RIGHT, buff=BUFF)
            reciprocals = tex(
                "= " + self.diagonal_tex([rf"1/{factor(d)}" for d in self.diagonal]),
                color=RESULT,
            )
            inverse.add(reciprocals.next_to(inverse, RIGHT, buff=BUFF))
            back = VGroup(
                tex(r"D^{-1} D v =", color=RESULT),
                column(self.back, INPUT_2),
                tex("= v", color=INPUT_2),
            ).arrange(RIGHT, buff=BUFF)
            block = VGroup(inverse, back).arrange(DOWN, buff=GAP)
            in_column(block, below=self.d_group)
            self.play(FadeIn(inverse), run_time=BEAT)
            self.play(
                Transform(self.moving, self.resting.copy()),
                FadeIn(back),
                run_time=BEAT * 1.5,
            )
            self.wait(PAUSE)
            self.inverse_block = block

    def show_summary(self) -> None:
        with self.beat(
            "A diagonal matrix scales each axis by its own entry; its inverse scales by the "
            "reciprocals."
        ):
            self.play(FadeOut(self.inverse_block), run_time=QUICK)
            self.play(Transform(self.moving, self.after.copy()), run_time=BEAT)
            summary = VGroup(
                tex(r"D = " + self.diagonal_tex(self.diagonal), color=INPUT),
                tex(r"D v = " + fmt_vector(self.image), color=INPUT_2),
                tex(
                    r"D^{-1} = "
                    + self.diagonal_tex([rf"1/{factor(d)}" for d in self.diagonal])
                    + " = "
                    + self.diagonal_tex(np.diag(self.D_inverse)),
                    color=RESULT,
                ),
            ).arrange(DOWN, buff=GAP)
            in_column(summary, below=self.d_group)
            self.play(FadeIn(summary), run_time=BEAT)
            self.hold_poster()
