"""OrthogonalMatrices: a rotation keeps every length and every right angle; its columns are
orthonormal, so Q^T Q = I and its inverse is its transpose.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from manim import (
    DOWN,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
    Line,
    ReplacementTransform,
    RightAngle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s03_matrix_properties.shared import (
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
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fitted_matrix,
    fmt,
    num,
    tex,
    text,
)

#: The shortest u the picture draws clearly, with its right-angle mark.
SHORTEST = 0.5


def _long_enough(inputs: Mapping[str, Any]) -> bool:
    return linalg.l2_norm(inputs["u"]) >= SHORTEST


LONG_ENOUGH = Rule(
    f"must be at least {fmt(SHORTEST)} long, so that u and its right angle show",
    ("u",),
    _long_enough,
)


def degrees(value: float) -> str:
    """An angle in degrees for a formula: ``30^\\circ``."""
    return num(value) + r"^\circ"


class OrthogonalMatrices(LessonScene):
    """A rotation Q keeps lengths and right angles; Q^T Q = I, so Q^-1 = Q^T."""

    angle = 30.0  # degrees, anticlockwise: the rotation Q
    u = (2.0, 1.0)  # a vector; w is u turned a quarter turn, so u and w meet at a right angle
    domain = Domain(
        angle=Number(-180, 180, places=1, nonzero=True),
        u=Vector(2, -4, 4, nonzero=True),
        rules=(LONG_ENOUGH,),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_rotation()
        self.rotate_the_pair()
        self.columns_are_orthonormal()
        self.inverse_is_transpose()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.Q = linalg.rotation(math.radians(self.angle))
        self.w = linalg.perpendicular(self.u)
        self.Qu, self.Qw = linalg.matmul(self.Q, self.u), linalg.matmul(self.Q, self.w)
        self.lengths = {
            name: linalg.l2_norm(vector)
            for name, vector in (("u", self.u), ("Qu", self.Qu), ("w", self.w), ("Qw", self.Qw))
        }
        self.angle_before = linalg.dot_steps(self.u, self.w).angle_degrees
        self.angle_after = linalg.dot_steps(self.Qu, self.Qw).angle_degrees
        self.QtQ = linalg.matmul(linalg.transpose(self.Q), self.Q)
        self.orthogonal = linalg.is_orthogonal_matrix(self.Q)
        self.Q_T = linalg.transpose(self.Q)
        self.Q_inverse = linalg.inverse(self.Q)
        self.show("Q", rows(self.Q))
        self.show("w", floats(self.w))
        self.show("Q_u", floats(self.Qu))
        self.show("Q_w", floats(self.Qw))
        self.show("lengths", dict(self.lengths))
        self.show("angle_before", self.angle_before)
        self.show("angle_after", self.angle_after)
        self.show("QtQ", rows(self.QtQ))
        self.show("orthogonal", self.orthogonal)
        self.show("Q_T", rows(self.Q_T))
        self.show("Q_inverse", rows(self.Q_inverse))

    # -- builders -----------------------------------------------------------------------

    def pair_at(self, turned: float) -> VGroup:
        """u and w turned by ``turned`` degrees, with their right-angle mark."""
        turn = linalg.rotation(math.radians(turned))
        u, w = linalg.matmul(turn, self.u), linalg.matmul(turn, self.w)
        origin = self.grid.c2p(0, 0)
        mark = RightAngle(
            Line(origin, self.grid.c2p(*u)),
            Line(origin, self.grid.c2p(*w)),
            length=0.28,
            color=HIGHLIGHT,
            stroke_width=3,
        )
        return VGroup(plane_arrow(self.grid, u, INPUT), plane_arrow(self.grid, w, INPUT_2), mark)

    def labels_at(self, turned: bool) -> VGroup:
        """The names of the two arrows, at rest (u, w) or rotated (Qu, Qw)."""
        u, w = (self.Qu, self.Qw) if turned else (self.u, self.w)
        prefix = "Q" if turned else ""
        items = [(u, prefix + "u", INPUT), (w, prefix + "w", INPUT_2)]
        return VGroup(*tip_labels(self.grid, items))

    def named_matrix(self, name: str, values: Any, colour: str = RESULT) -> VGroup:
        return VGroup(tex(name, color=colour), fitted_matrix(values, color=colour)).arrange(
            RIGHT, buff=BUFF
        )

    def kept_readout(self) -> VGroup:
        """``|Qu| = |u| = 2.24``, ``|Qw| = |w| = 2.24``, ``angle = 90 degrees``."""
        lengths = self.lengths
        return VGroup(
            tex(rf"\|Qu\| = \|u\| = {num(lengths['Qu'], 'norm')}", color=INPUT),
            tex(rf"\|Qw\| = \|w\| = {num(lengths['Qw'], 'norm')}", color=INPUT_2),
            tex(rf"\angle(Qu, Qw) = {degrees(self.angle_after)}", color=HIGHLIGHT),
        ).arrange(DOWN, buff=BUFF * 1.2)

    # -- beats --------------------------------------------------------------------------

    def introduce_rotation(self) -> None:
        with self.beat(
            f"Q rotates the plane by {fmt(self.angle)} degrees. Take a vector u, and w, which "
            "is u turned a quarter turn: they meet at a right angle."
        ):
            self.heading = style.title("Orthogonal matrices")
            self.grid = side_plane([self.u, self.w, self.Qu, self.Qw])
            self.names = self.labels_at(turned=False)
            self.turned_names = self.labels_at(turned=True)
            self.pair = self.pair_at(0.0)
            style.drop_ticks_near(
                self.grid,
                *self.names,
                *self.turned_names,
                *self.pair[:2],
                *self.pair_at(self.angle)[:2],
            )
            self.q_group = self.named_matrix("Q =", self.Q, INPUT)
            in_column(self.q_group, below=self.heading)
            caption = tex(
                rf"\text{{rotation by }} {degrees(self.angle)}", size=CAPTION_SIZE, color=MUTED
            )
            in_column(caption, below=self.q_group, buff=BUFF)
            self.q_group.add(caption)
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT)
            self.play(FadeIn(self.q_group), run_time=BEAT)
            self.play(FadeIn(self.pair), FadeIn(self.names), run_time=BEAT)
            self.wait(PAUSE)

    def rotate_the_pair(self) -> None:
        with self.beat(
            f"Apply Q: both turn by {fmt(self.angle)} degrees. Their lengths stay "
            f"{fmt(self.lengths['u'], 'norm')}, and they still meet at "
            f"{fmt(self.angle_after)} degrees."
        ):
            turned = ValueTracker(0.0)
            moving = always_redraw(lambda: self.pair_at(turned.get_value()))
            self.remove(self.pair)
            self.add(moving)
            self.play(FadeOut(self.names), run_time=QUICK)
            self.play(turned.animate.set_value(self.angle), run_time=BEAT * 2)
            moving.clear_updaters()
            self.pair = moving
            self.readout = self.kept_readout()
            in_column(self.readout, below=self.q_group)
            self.play(FadeIn(self.turned_names), Write(self.readout), run_time=BEAT * 1.5)
            self.wait(PAUSE)

    def columns_are_orthonormal(self) -> None:
        with self.beat(
            "Why? Q's columns have length 1 and meet at a right angle. So Q transposed times "
            "Q is the identity: Q is an orthogonal matrix."
        ):
            self.play(FadeOut(self.readout), run_time=QUICK)
            product = VGroup(
                self.named_matrix("Q^{T} Q =", self.QtQ), tex("= I", color=RESULT)
            ).arrange(RIGHT, buff=BUFF)
            verdict = "orthogonal" if self.orthogonal else "not orthogonal"
            self.orthonormal = VGroup(
                product, text(f"Q is {verdict}", size=CAPTION_SIZE, color=RESULT)
            ).arrange(DOWN, buff=BUFF)
            in_column(self.orthonormal, below=self.q_group)
            self.play(Write(product), run_time=BEAT * 1.5)
            self.play(FadeIn(self.orthonormal[1]), run_time=QUICK)
            self.wait(PAUSE)

    def inverse_is_transpose(self) -> None:
        with self.beat(
            f"So the inverse of Q is simply its transpose: Q⁻¹ = Qᵀ, the rotation back by "
            f"{fmt(-self.angle)} degrees."
        ):
            inverse = self.named_matrix("Q^{-1} =", self.Q_inverse)
            transpose = tex("= Q^{T}", color=RESULT)  # Q's rows, read as columns
            block = VGroup(inverse, transpose).arrange(RIGHT, buff=BUFF)
            compact = in_column(tex(r"Q^{T} Q = I", color=RESULT), below=self.q_group)
            in_column(block, below=compact)
            self.play(ReplacementTransform(self.orthonormal, compact), run_time=QUICK)
            self.orthonormal = compact
            self.play(FadeIn(inverse), run_time=BEAT)
            self.play(FadeIn(transpose), run_time=BEAT)
            self.wait(PAUSE)
            self.inverse_block = block

    def show_summary(self) -> None:
        with self.beat(
            "An orthogonal matrix keeps lengths and right angles: Qᵀ Q = I, and its inverse "
            "is its transpose."
        ):
            self.play(FadeOut(VGroup(self.orthonormal, self.inverse_block)), run_time=QUICK)
            summary = VGroup(
                self.kept_readout(),
                tex(r"Q^{T} Q = I", color=RESULT),
                tex(r"Q^{-1} = Q^{T}", color=RESULT),
            ).arrange(DOWN, buff=GAP * 0.8)
            in_column(summary, below=self.q_group)
            self.play(FadeIn(summary), run_time=BEAT)
            self.hold_poster()
