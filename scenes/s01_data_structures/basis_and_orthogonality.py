"""BasisAndOrthogonality: The basis vectors i and j; two vectors with dot product 0 meet at a right
angle; orthonormal means orthogonal and of unit length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Arrow,
    Circle,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    MathTex,
    Mobject,
    RightAngle,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.s01_data_structures.shared import linear_tex
from scenes.style import (
    BEAT,
    BUFF,
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
    factor,
    fmt,
    fmt_vector,
    num,
    tex,
    text,
)


def _spoken(values: Sequence[float], kind: str = "value") -> str:
    """A vector as the narration says it: ``(3, -4)``."""
    return "(" + ", ".join(fmt(v, kind) for v in values) + ")"


class BasisAndOrthogonality(LessonScene):
    """The basis vectors i and j; two orthogonal vectors; orthonormal = orthogonal + unit length."""

    u = (2.0, 1.0)
    w = (-1.0, 2.0)  # at a right angle to u

    def construct(self) -> None:
        self.basis = ((1.0, 0.0), (0.0, 1.0))  # every number, from lib, up front
        self.basis_dot = linalg.dot(*self.basis)
        self.basis_norms = tuple(linalg.l2_norm(e) for e in self.basis)
        self.dot = linalg.dot(self.u, self.w)
        if not linalg.are_orthogonal(self.u, self.w):
            raise ValueError(
                f"u and w must be orthogonal for this lesson, but u . w = {self.dot:g}; "
                "choose w at a right angle to u, such as (-u2, u1)"
            )
        self.norms = (linalg.l2_norm(self.u), linalg.l2_norm(self.w))
        self.units = (linalg.unit_vector(self.u), linalg.unit_vector(self.w))
        self.unit_norms = tuple(linalg.l2_norm(v) for v in self.units)
        self.unit_dot = linalg.dot(*self.units)
        self.units_orthogonal = linalg.are_orthogonal(*self.units)
        self.show_basis()
        self.combine_basis_vectors()
        self.show_orthogonal_pair()
        self.measure_lengths()
        self.normalise_to_orthonormal()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def column_row(self, *parts: str, colour: str = TEXT, below: Mobject | None = None) -> MathTex:
        """A formula in the right-hand column, under ``below`` (or at the top)."""
        row = tex(*parts, color=colour)
        style.fit_width(row, config.frame_width / 2 - MARGIN - self.column_left)
        if below is None:
            row.move_to([self.column_left, self.grid.get_top()[1], 0], aligned_edge=LEFT + UP)
        else:
            row.next_to(below, DOWN, buff=GAP * 0.6, aligned_edge=LEFT)
        return row

    def label_beside(self, tip: Sequence[float], away: Sequence[float], name: str, colour: str):
        """A vector's name just past its tip, pushed away from the direction ``away``."""
        end = self.grid.c2p(*tip)
        push = -np.array([*away, 0.0]) / np.linalg.norm(away)
        label = tex(name, color=colour)
        return label.move_to(end + push * 0.4 + (end - self.grid.c2p(0, 0)) * 0.1)

    # -- beats --------------------------------------------------------------------------

    def show_basis(self) -> None:
        i, j = (fmt_vector(e) for e in self.basis)
        with self.beat(
            f"The basis vectors i = {_spoken(self.basis[0])} and j = {_spoken(self.basis[1])} "
            "point one unit along each axis. Every vector of the plane is built from them."
        ):
            self.heading = style.title("Basis and orthogonality")
            reach = int(np.ceil(np.max(np.abs([*self.u, *self.w])))) + 1
            ticks = [k for k in range(-reach + 1, reach) if k and k % 2 == 0]
            self.grid = style.plane(
                [-reach, reach, 1], [-reach, reach, 1], width=5.9, height=5.9, ticks=ticks
            )
            self.grid.to_corner(LEFT + DOWN, buff=MARGIN)
            self.column_left = self.grid.get_right()[0] + GAP
            self.basis_arrows = VGroup()
            for e, name, side in zip(
                self.basis, (r"\hat{\imath}", r"\hat{\jmath}"), (DOWN, LEFT), strict=True
            ):
                arrow = Arrow(
                    self.grid.c2p(0, 0), self.grid.c2p(*e), buff=0, color=TEXT, stroke_width=6
                )
                label = tex(name, color=TEXT).next_to(arrow, side, buff=BUFF * 0.6)
                self.basis_arrows.add(VGroup(arrow, label))
            self.basis_row = self.column_row(
                rf"\hat{{\imath}} = {i}, \quad \hat{{\jmath}} = {j}", colour=TEXT
            )
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT)
            self.play(
                *(GrowArrow(a[0]) for a in self.basis_arrows),
                *(FadeIn(a[1]) for a in self.basis_arrows),
                run_time=BEAT,
            )
            self.play(Write(self.basis_row), run_time=BEAT)
            self.wait(QUICK)

    def combine_basis_vectors(self) -> None:
        x, y = self.u
        combination = linear_tex(self.u, (r"\hat{\imath}", r"\hat{\jmath}"))
        with self.beat(
            f"u = ({fmt(x)}, {fmt(y)}) is {fmt(x)} steps of i followed by {fmt(y)} of j: "
            "its coordinates are how much of each basis vector it takes."
        ):
            corner = self.grid.c2p(x, 0)
            steps = VGroup(
                DashedLine(self.grid.c2p(0, 0), corner, color=INPUT, stroke_width=4),
                DashedLine(corner, self.grid.c2p(x, y), color=INPUT, stroke_width=4),
            )
            self.u_arrow = style.labelled_vector(self.grid, self.u, "u", color=INPUT)
            self.u_row = self.column_row(
                "u", "=", combination, "=", fmt_vector(self.u), colour=INPUT, below=self.basis_row
            )
            self.play(Create(steps[0]), run_time=BEAT)
            self.play(Create(steps[1]), run_time=BEAT * 0.8)
            self.play(GrowArrow(self.u_arrow[0]), FadeIn(self.u_arrow[1]), run_time=BEAT)
            self.play(Write(self.u_row), run_time=BEAT)
            self.steps = steps

    def show_orthogonal_pair(self) -> None:
        (ux, uy), (wx, wy) = self.u, self.w
        with self.beat(
            f"w = ({fmt(wx)}, {fmt(wy)}) meets u at a right angle. The dot product shows it: "
            f"u dot w = {fmt(ux)} times {fmt(wx)} plus {fmt(uy)} times {fmt(wy)} = "
            f"{fmt(self.dot)}. A dot product of 0 means orthogonal."
        ):
            self.w_arrow = style.labelled_vector(self.grid, self.w, "w", color=INPUT_2)
            origin = self.grid.c2p(0, 0)
            self.right_angle = RightAngle(
                Line(origin, self.grid.c2p(*self.u)),
                Line(origin, self.grid.c2p(*self.w)),
                length=0.3,
                color=HIGHLIGHT,
                stroke_width=4,
            )
            self.dot_row = self.column_row(
                "u",
                r"\cdot",
                "w",
                "=",
                rf"{factor(ux)} \cdot {factor(wx)} + {factor(uy)} \cdot {factor(wy)}",
                "=",
                num(self.dot),
                below=self.u_row,
            )
            self.dot_row[0].set_color(INPUT)
            self.dot_row[2].set_color(INPUT_2)
            self.dot_row[-1].set_color(HIGHLIGHT)
            self.orthogonal_tag = text("orthogonal", size=LABEL_SIZE, color=HIGHLIGHT)
            self.orthogonal_tag.next_to(self.dot_row, DOWN, buff=BUFF * 0.6, aligned_edge=LEFT)
            self.play(
                GrowArrow(self.w_arrow[0]),
                FadeIn(self.w_arrow[1]),
                FadeOut(self.basis_arrows),
                FadeOut(self.steps),
                run_time=BEAT,
            )
            self.play(Create(self.right_angle), run_time=QUICK)
            self.play(Write(self.dot_row), run_time=BEAT * 1.5)
            self.play(FadeIn(self.orthogonal_tag), run_time=QUICK)
            self.show("dot", self.dot)
            self.wait(PAUSE)

    def measure_lengths(self) -> None:
        nu, nw = (fmt(n, "norm") for n in self.norms)
        with self.beat(
            f"But they are not unit vectors: u has length {nu} and w has length {nw}. "
            "Orthogonal, but not yet orthonormal."
        ):
            self.length_row = self.column_row(
                rf"\|u\| = {num(self.norms[0], 'norm')},\quad \|w\| = {num(self.norms[1], 'norm')}",
                below=self.orthogonal_tag,
            )
            self.play(Write(self.length_row), run_time=BEAT)
            self.show("norms", self.norms)
            self.wait(PAUSE)

    def normalise_to_orthonormal(self) -> None:
        (ux, uy), (wx, wy) = (tuple(float(c) for c in v) for v in self.units)
        with self.beat(
            f"Divide each by its length: u hat = ({fmt(ux, 'coordinate')}, "
            f"{fmt(uy, 'coordinate')}) and w hat = ({fmt(wx, 'coordinate')}, "
            f"{fmt(wy, 'coordinate')}) have length {fmt(self.unit_norms[0], 'norm')} and are "
            f"still at a right angle: dot product {fmt(self.unit_dot)}. Orthogonal and unit "
            "length: orthonormal, just like i and j."
        ):
            origin = self.grid.c2p(0, 0)
            radius = self.grid.c2p(1, 0)[0] - origin[0]
            circle = Circle(radius=radius, color=MUTED, stroke_width=2).move_to(origin)
            circle.set_stroke(opacity=0.7)
            self.unit_arrows = VGroup()
            for vector, other, name in zip(
                self.units, self.units[::-1], (r"\hat{u}", r"\hat{w}"), strict=True
            ):
                arrow = Arrow(
                    origin,
                    self.grid.c2p(*vector),
                    buff=0,
                    color=RESULT,
                    stroke_width=7,
                    max_tip_length_to_length_ratio=0.3,
                )
                label = self.label_beside(vector, other, name, RESULT)
                self.unit_arrows.add(VGroup(arrow, label))
            self.unit_row = self.column_row(
                r"\hat{u} = " + fmt_vector(self.units[0], "coordinate"),
                r",\quad \hat{w} = " + fmt_vector(self.units[1], "coordinate"),
                colour=RESULT,
                below=self.length_row,
            )
            self.orthonormal_row = self.column_row(
                rf"\hat{{u}} \cdot \hat{{w}} = {num(self.unit_dot)},\quad "
                rf"\|\hat{{u}}\| = \|\hat{{w}}\| = {num(self.unit_norms[0], 'norm')}",
                colour=RESULT,
                below=self.unit_row,
            )
            self.orthonormal_tag = text(
                "orthonormal = orthogonal + length 1", size=LABEL_SIZE, color=RESULT
            )
            self.orthonormal_tag.next_to(
                self.orthonormal_row, DOWN, buff=BUFF * 0.6, aligned_edge=LEFT
            )
            self.play(
                self.u_arrow.animate.set_opacity(0.35),
                self.w_arrow.animate.set_opacity(0.35),
                Create(circle),
                run_time=QUICK,
            )
            self.play(
                *(GrowArrow(a[0]) for a in self.unit_arrows),
                *(FadeIn(a[1]) for a in self.unit_arrows),
                run_time=BEAT,
            )
            self.play(Write(self.unit_row), run_time=BEAT)
            self.play(Write(self.orthonormal_row), run_time=BEAT)
            self.play(FadeIn(self.orthonormal_tag), run_time=QUICK)
            self.show("units", tuple(tuple(float(c) for c in v) for v in self.units))
            self.show("unit_norms", self.unit_norms)
            self.show("unit_dot", self.unit_dot)
            self.show("units_orthogonal", self.units_orthogonal)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            f"Orthogonal vectors meet at a right angle, their dot product {fmt(self.dot)}; "
            "orthonormal vectors are orthogonal and of length 1, like the basis vectors i and j."
        ):
            self.play(Indicate(self.right_angle, color=HIGHLIGHT), run_time=BEAT)
            self.hold_poster()
