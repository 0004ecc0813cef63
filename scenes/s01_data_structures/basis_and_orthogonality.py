"""BasisAndOrthogonality: The basis vectors i and j; two vectors with dot product 0 meet at a right
angle; orthonormal means orthogonal and of unit length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    NumberPlane,
    ReplacementTransform,
    RightAngle,
    VGroup,
    VMobject,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s01_data_structures.shared import fit_legibly, linear_tex
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

#: The plane's side on screen, and the shortest a unit vector may be drawn on it before the
#: lesson zooms in to show the unit vectors on a plane of their own.
PLANE_SIDE = 5.9
SHORTEST_UNIT = 0.9
#: The shortest u and w may be, and the smallest size of w beside u, so both arrows show.
SHORTEST = 0.5
SMALLEST_RATIO = 0.25


def _spoken(values: Sequence[float], kind: str = "value") -> str:
    """A vector as the narration says it: ``(3, -4)``."""
    return "(" + ", ".join(fmt(v, kind) for v in values) + ")"


def w_of(inputs: Mapping[str, Any]) -> tuple[float, float]:
    """w: u turned a quarter turn anticlockwise and scaled by ``w_scale``, from lib."""
    return tuple(float(c) for c in linalg.perpendicular(inputs["u"], inputs["w_scale"]))


def _plane(values: Sequence[float], minimum: float) -> NumberPlane:
    """A square plane in the lower left that shows every value of ``values``."""
    reach, step, ticks = style.symmetric_extent(values, minimum=minimum)
    extent = [-reach, reach, step]
    grid = style.plane(extent, extent, width=PLANE_SIDE, height=PLANE_SIDE, ticks=ticks)
    return grid.to_corner(LEFT + DOWN, buff=MARGIN)


def _right_angle(grid: NumberPlane, first: Sequence[float], second: Sequence[float]) -> VMobject:
    """The right-angle mark between two arrows from the origin, smaller than either arrow."""
    origin = grid.c2p(0, 0)
    ends = [grid.c2p(*first), grid.c2p(*second)]
    shortest = min(float(np.linalg.norm(end - origin)) for end in ends)
    return RightAngle(
        Line(origin, ends[0]),
        Line(origin, ends[1]),
        length=min(0.3, 0.4 * shortest),
        color=HIGHLIGHT,
        stroke_width=4,
    )


class BasisAndOrthogonality(LessonScene):
    """The basis vectors i and j; two orthogonal vectors; orthonormal = orthogonal + unit length."""

    u = (2.0, 1.0)
    w_scale = 1.0  # w is u turned a quarter turn anticlockwise, times this: at a right angle to u
    domain = Domain(
        u=Vector(2, -10, 10),
        w_scale=Number(-4, 4, nonzero=True),
        rules=(
            Rule(
                f"must be at least {fmt(SHORTEST)} long, so that its arrow shows beside i and j",
                ("u",),
                lambda inputs: linalg.l2_norm(inputs["u"]) >= SHORTEST,
            ),
            Rule(
                f"must make w at least {fmt(SHORTEST)} long and at least a quarter as long as u "
                f"(w_scale from {fmt(SMALLEST_RATIO)} to 4 in size), so that both arrows show",
                ("u", "w_scale"),
                lambda inputs: (
                    abs(inputs["w_scale"]) >= SMALLEST_RATIO
                    and linalg.l2_norm(w_of(inputs)) >= SHORTEST
                ),
            ),
        ),
    )

    def construct(self) -> None:
        self.w = w_of({"u": self.u, "w_scale": self.w_scale})  # every number, from lib, up front
        self.basis = ((1.0, 0.0), (0.0, 1.0))
        self.basis_dot = linalg.dot(*self.basis)
        self.basis_norms = tuple(linalg.l2_norm(e) for e in self.basis)
        self.dot = linalg.dot(self.u, self.w)
        if not linalg.are_orthogonal(self.u, self.w):  # pragma: no cover - lib turns u exactly
            raise ValueError(f"u and w must be orthogonal, but u . w = {self.dot:g}")
        self.norms = (linalg.l2_norm(self.u), linalg.l2_norm(self.w))
        self.units = (linalg.unit_vector(self.u), linalg.unit_vector(self.w))
        self.unit_norms = tuple(linalg.l2_norm(v) for v in self.units)
        self.unit_dot = linalg.dot(*self.units)
        self.units_orthogonal = linalg.are_orthogonal(*self.units)
        self.build_planes()
        self.show_basis()
        self.combine_basis_vectors()
        self.show_orthogonal_pair()
        self.measure_lengths()
        self.normalise_to_orthonormal()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def build_planes(self) -> None:
        """Every arrow of the lesson, on a plane that fits u and w (and i and j).

        When u and w are long, the unit vectors would be too short to read on that plane:
        the lesson then zooms in to a plane of their own to show them.
        """
        self.grid = _plane([*self.u, *self.w, *self.basis[0]], minimum=1.5)
        self.column_left = self.grid.get_right()[0] + GAP
        unit_length = self.grid.c2p(1, 0)[0] - self.grid.c2p(0, 0)[0]
        self.zoom = unit_length < SHORTEST_UNIT
        self.unit_grid = _plane([1.0], minimum=1.3) if self.zoom else self.grid
        # i and j on a plane where length 1 shows; the lesson zooms out from it to u and w.
        self.basis_grid = self.unit_grid.copy() if self.zoom else self.grid
        self.basis_arrows = VGroup()
        for e, name, side in zip(
            self.basis, (r"\hat{\imath}", r"\hat{\jmath}"), (DOWN, LEFT), strict=True
        ):
            arrow = Arrow(
                self.basis_grid.c2p(0, 0),
                self.basis_grid.c2p(*e),
                buff=0,
                color=TEXT,
                stroke_width=6,
            )
            label = tex(name, color=TEXT).next_to(arrow, side, buff=BUFF * 0.6)
            self.basis_arrows.add(VGroup(arrow, label))
        x, y = self.u
        corner = self.grid.c2p(x, 0)
        self.steps = VGroup(
            *(
                DashedLine(start, end, color=INPUT, stroke_width=4)
                for start, end in ((self.grid.c2p(0, 0), corner), (corner, self.grid.c2p(x, y)))
                if np.linalg.norm(end - start) > 1e-6  # a zero coordinate takes no step
            )
        )
        self.u_arrow = style.labelled_vector(self.grid, self.u, "u", color=INPUT)
        self.w_arrow = style.labelled_vector(self.grid, self.w, "w", color=INPUT_2)
        self.right_angle = _right_angle(self.grid, self.u, self.w)
        origin = self.unit_grid.c2p(0, 0)
        radius = self.unit_grid.c2p(1, 0)[0] - origin[0]
        self.circle = Circle(radius=radius, color=MUTED, stroke_width=2).move_to(origin)
        self.circle.set_stroke(opacity=0.7)
        self.unit_arrows = VGroup()
        for vector, other, name in zip(
            self.units, self.units[::-1], (r"\hat{u}", r"\hat{w}"), strict=True
        ):
            arrow = Arrow(
                origin,
                self.unit_grid.c2p(*vector),
                buff=0,
                color=RESULT,
                stroke_width=7,
                max_tip_length_to_length_ratio=0.3,
            )
            label = self.label_beside(self.unit_grid, vector, other, name, RESULT)
            self.unit_arrows.add(VGroup(arrow, label))
        self.unit_right_angle = _right_angle(self.unit_grid, *self.units)
        vertical_step = [
            step for step in self.steps if abs(step.get_start()[0] - step.get_end()[0]) < 1e-6
        ]
        style.drop_ticks_near(self.grid, self.u_arrow, self.w_arrow, *vertical_step)
        style.drop_ticks_near(self.basis_grid, self.basis_arrows)
        style.drop_ticks_near(self.unit_grid, self.unit_arrows)

    def column_row(self, *parts: str, colour: str = TEXT, below: Mobject | None = None) -> MathTex:
        """A formula in the right-hand column, under ``below`` (or at the top)."""
        row = tex(*parts, color=colour)
        fit_legibly(row, self.column_width)
        return self.place_in_column(row, below)

    @property
    def column_width(self) -> float:
        return config.frame_width / 2 - MARGIN - self.column_left

    def place_in_column(self, row: Mobject, below: Mobject | None) -> Mobject:
        """``row`` at the top of the right-hand column, or under ``below``."""
        if below is None:
            row.move_to([self.column_left, self.grid.get_top()[1], 0], aligned_edge=LEFT + UP)
        else:
            row.next_to(below, DOWN, buff=GAP * 0.6, aligned_edge=LEFT)
        return row

    @staticmethod
    def label_beside(
        grid: NumberPlane, tip: Sequence[float], away: Sequence[float], name: str, colour: str
    ) -> MathTex:
        """A vector's name just past its tip, pushed away from the direction ``away``."""
        end = grid.c2p(*tip)
        push = -np.array([*away, 0.0]) / np.linalg.norm(away)
        label = tex(name, color=colour)
        return label.move_to(end + push * 0.4 + (end - grid.c2p(0, 0)) * 0.1)

    # -- beats --------------------------------------------------------------------------

    def show_basis(self) -> None:
        i, j = (fmt_vector(e) for e in self.basis)
        with self.beat(
            f"The basis vectors i = {_spoken(self.basis[0])} and j = {_spoken(self.basis[1])} "
            "point one unit along each axis. Every vector of the plane is built from them."
        ):
            self.heading = style.title("Basis and orthogonality")
            self.basis_row = self.column_row(
                rf"\hat{{\imath}} = {i}, \quad \hat{{\jmath}} = {j}", colour=TEXT
            )
            self.play(FadeIn(self.heading), Create(self.basis_grid), run_time=BEAT)
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
            f"u = ({fmt(x)}, {fmt(y)}) is {fmt(x)} times i plus {fmt(y)} times j: "
            "its coordinates are how much of each basis vector it takes."
        ):
            self.u_row = self.column_row(
                "u", "=", combination, "=", fmt_vector(self.u), colour=INPUT, below=self.basis_row
            )
            if self.zoom:  # u is long: zoom out from i and j until u fits
                self.play(FadeOut(self.basis_arrows), run_time=QUICK)
                self.play(ReplacementTransform(self.basis_grid, self.grid), run_time=BEAT)
            for step in self.steps:
                self.play(Create(step), run_time=BEAT * 0.9)
            self.play(GrowArrow(self.u_arrow[0]), FadeIn(self.u_arrow[1]), run_time=BEAT)
            self.play(Write(self.u_row), run_time=BEAT)

    def show_orthogonal_pair(self) -> None:
        (ux, uy), (wx, wy) = self.u, self.w
        with self.beat(
            f"w = ({fmt(wx)}, {fmt(wy)}) meets u at a right angle. The dot product shows it: "
            f"u dot w = {fmt(ux)} times {fmt(wx)} plus {fmt(uy)} times {fmt(wy)} = "
            f"{fmt(self.dot)}. A dot product of 0 means orthogonal."
        ):
            products = rf"{factor(ux)} \cdot {factor(wx)} + {factor(uy)} \cdot {factor(wy)}"
            self.orthogonal_tag = text("orthogonal", size=LABEL_SIZE, color=HIGHLIGHT)
            self.dot_row = self.column_row(
                "u", r"\cdot", "w", "=", products, "=", num(self.dot), below=self.u_row
            )
            self.orthogonal_tag.next_to(self.dot_row, DOWN, buff=BUFF * 0.6, aligned_edge=LEFT)
            self.dot_row[0].set_color(INPUT)
            self.dot_row[2].set_color(INPUT_2)
            self.dot_row[-1].set_color(HIGHLIGHT)
            leaving = [self.steps] if self.zoom else [self.steps, self.basis_arrows]
            self.play(
                GrowArrow(self.w_arrow[0]),
                FadeIn(self.w_arrow[1]),
                *(FadeOut(m) for m in leaving),
                run_time=BEAT,
            )
            self.play(Create(self.right_angle), run_time=QUICK)
            self.play(Write(self.dot_row), run_time=BEAT * 1.5)
            self.play(FadeIn(self.orthogonal_tag), run_time=QUICK)
            self.show("dot", self.dot)
            self.wait(PAUSE)

    def measure_lengths(self) -> None:
        nu, nw = (fmt(n, "norm") for n in self.norms)
        if nu == nw == "1":
            story = (
                "And both already have length 1: orthogonal and of unit length, "
                "they are orthonormal already."
            )
        else:
            story = (
                f"But they are not both unit vectors: u has length {nu} and w has length {nw}. "
                "Orthogonal, but not yet orthonormal."
            )
        with self.beat(story):
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
            if self.zoom:  # u and w are long: zoom in until length 1 is easy to see
                self.play(
                    FadeOut(self.u_arrow),
                    FadeOut(self.w_arrow),
                    FadeOut(self.right_angle),
                    run_time=QUICK,
                )
                self.play(ReplacementTransform(self.grid, self.unit_grid), run_time=BEAT)
                self.play(Create(self.circle), run_time=QUICK)
                self.right_angle = self.unit_right_angle
                self.play(Create(self.right_angle), run_time=QUICK)
            else:  # the names make way for the unit vectors' names
                self.play(
                    self.u_arrow[0].animate.set_opacity(0.35),
                    self.w_arrow[0].animate.set_opacity(0.35),
                    FadeOut(self.u_arrow[1]),
                    FadeOut(self.w_arrow[1]),
                    Create(self.circle),
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
