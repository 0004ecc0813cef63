"""SingularValueDecomposition: Every matrix is a rotation, a stretch and a rotation: the unit
circle goes through V^T, Sigma and U in turn and lands on A's ellipse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    TAU,
    UP,
    Arrow,
    Create,
    DashedVMobject,
    FadeIn,
    FadeOut,
    Line,
    Mobject,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Rule
from scenes.s05_ml_operations.shared import (
    COLUMN_WIDTH,
    SIGMA,
    U_COLOUR,
    V_COLOUR,
    in_column,
    window_plane,
)
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    INPUT,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    fitted_matrix,
    fmt,
    num,
    tex,
)

CIRCLE_POINTS = 96  # the moving shape is drawn through this many points of the circle

LABEL_REACH = 0.45  # a label stands at least this far from the origin (scene units)

MATRIX_SIZE = LABEL_SIZE + 2  # the factors' entries in the column

#: What each arrow is called after each step, and its colour then.
STAGE_NAMES = {
    "start": ((r"v_1", r"v_2"), V_COLOUR),
    "vt": ((r"e_1", r"e_2"), TEXT),
    "sigma": ((r"\sigma_1 e_1", r"\sigma_2 e_2"), SIGMA),
    "u": ((r"\sigma_1 u_1", r"\sigma_2 u_2"), U_COLOUR),
}


def _values_show(inputs: Mapping[str, Any]) -> bool:
    """Each singular value is 0 or large enough not to read as 0 on screen."""
    values = linalg.plane_svd(inputs["matrix"]).singular_values
    return all(v == 0 or fmt(v, "entry") != "0" for v in values)


NOT_ZERO = Rule(
    "must not be the zero matrix (it sends the whole circle to the origin)",
    ("matrix",),
    lambda inputs: linalg.plane_svd(inputs["matrix"]) is not None,
)
VALUES_SHOW = Rule(
    "must have singular values that are 0 or at least 0.005 (smaller ones show as 0)",
    ("matrix",),
    _values_show,
)


def row_text(values: Any) -> str:
    """A vector for the narration, which is plain text: ``(0.53, -0.85)``."""
    return "(" + ", ".join(fmt(v, "entry") for v in values) + ")"


def factor_row(name: str, colour: str, values: Any, caption: str) -> VGroup:
    """``name = [values]`` and, beside it, what the factor does in words."""
    lhs = tex(name, "=", size=MATRIX_SIZE)
    lhs[0].set_color(colour)
    body = fitted_matrix(values, size=MATRIX_SIZE, h_buff=0.85, v_buff=0.55, color=colour)
    said = tex(caption, size=LABEL_SIZE + 2, color=MUTED)
    return VGroup(lhs, body, said).arrange(RIGHT, buff=BUFF)


def off_the_axes(label: Mobject, origin: np.ndarray) -> Mobject:
    """``label`` moved off the plane's axis lines it would sit across (the name of an arrow
    along an axis): above the x axis, right of the y axis, so no line strikes it through."""
    if label.get_bottom()[1] < origin[1] < label.get_top()[1]:
        label.shift(UP * (origin[1] + BUFF * 0.4 - label.get_bottom()[1]))
    if label.get_left()[0] < origin[0] < label.get_right()[0]:
        label.shift(RIGHT * (origin[0] + BUFF * 0.4 - label.get_left()[0]))
    return label


class SingularValueDecomposition(LessonScene):
    """The unit circle through V^T (rotate), Sigma (stretch) and U (rotate) onto A's ellipse."""

    matrix = ((1.5, 1.0), (0.5, 2.0))  # the example's input: any non-zero real 2x2
    domain = Domain(matrix=Matrix(2, 2, -3, 3), rules=(NOT_ZERO, VALUES_SHOW))

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_matrix()
        self.draw_unit_circle()
        self.rotate_by_vt()
        self.stretch_by_sigma()
        self.rotate_by_u()
        self.compare_with_a()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.svd = linalg.plane_svd(self.matrix)
        s = self.svd.singular_values
        self.sigma = np.diag(s)
        self.images = {  # where v_1 and v_2 are after each step (rows)
            "start": self.svd.vt,
            "vt": linalg.matmul(self.svd.vt, self.svd.vt.T).T,
            "sigma": linalg.matmul(self.sigma, np.eye(2)).T,
            "u": self.svd.semi_axes,
        }
        self.a_images = linalg.apply(self.matrix, self.svd.vt)  # A v_i, straight from A
        self.show("matrix", tuple(tuple(float(v) for v in row) for row in self.matrix))

    # -- the moving picture: everything drawn from the transform applied so far ---------

    def current(self) -> np.ndarray:
        """The transform applied to the circle now: this step's part of it, after the rest."""
        return self.step(self.progress.get_value()) @ self.done

    def shape_now(self) -> VMobject:
        turns = np.linspace(0, TAU, CIRCLE_POINTS + 1)
        circle = np.stack([np.cos(turns), np.sin(turns)], axis=1)
        points = [self.grid.c2p(*p) for p in circle @ self.current().T]
        shape = VMobject(stroke_color=RESULT, stroke_width=4, fill_color=RESULT, fill_opacity=0.12)
        return shape.set_points_as_corners(points)

    def arrow_now(self, i: int) -> VMobject:
        tip = self.current() @ self.svd.vt[i]
        start, end = self.grid.c2p(0, 0), self.grid.c2p(*tip)
        if np.linalg.norm(end - start) < 0.05:
            return VMobject()
        return Arrow(
            start,
            end,
            buff=0,
            color=self.arrow_colour,
            stroke_width=6,
            max_tip_length_to_length_ratio=0.2,
        )

    def labels_for(self, stage: str) -> VGroup:
        """The two arrows' names after ``stage``, each beyond its tip (never too near 0)."""
        names, colour = STAGE_NAMES[stage]
        origin = self.grid.c2p(0, 0)
        labels = VGroup()
        for i, name in enumerate(names):
            tip = self.grid.c2p(*self.images[stage][i]) - origin
            length = float(np.linalg.norm(tip))
            if length < 1e-9:  # a zero semi-axis: name it along its direction
                direction = self.grid.c2p(*self.unit_direction(stage, i)) - origin
                direction /= np.linalg.norm(direction)
            else:
                direction = tip / length
            anchor = origin + direction * max(length, LABEL_REACH)
            label = tex(name, size=LABEL_SIZE + 4, color=colour)
            label.next_to(anchor, direction, buff=BUFF * 0.5)
            labels.add(off_the_axes(label, origin))
        return labels

    def unit_direction(self, stage: str, i: int) -> np.ndarray:
        """The direction of arrow ``i`` after ``stage`` when its length is 0: e_i or u_i."""
        return np.eye(2)[i] if stage == "sigma" else self.svd.u[:, i]

    def play_step(self, step: Callable[[float], np.ndarray], run_time: float) -> None:
        """Animate ``step(t)`` for t from 0 to 1 after what is done, then make it part of it."""
        self.step = step
        self.progress.set_value(0.0)
        self.play(self.progress.animate.set_value(1.0), run_time=run_time)
        self.done = step(1.0) @ self.done
        self.step = lambda t: np.eye(2)
        self.progress.set_value(0.0)

    def rename(self, stage: str, *extra: Any) -> None:
        """Fade the arrows' old names out and their names after ``stage`` in."""
        self.arrow_colour = STAGE_NAMES[stage][1]
        new = self.stage_labels[stage]
        self.play(FadeOut(self.labels), FadeIn(new), *extra, run_time=QUICK)
        self.labels = new

    def build_column(self) -> None:
        """Every formula of the column, stacked under the heading, to appear beat by beat."""
        heading = style.title("The SVD: rotate, stretch, rotate")
        a_matrix = fitted_matrix(self.matrix, size=MATRIX_SIZE, h_buff=0.85, v_buff=0.55)
        a_matrix.set_color(INPUT)
        self.a_row = VGroup(
            tex("A", "=", size=MATRIX_SIZE, color=INPUT),
            a_matrix,
            tex("=", "U", r"\Sigma", "V^T", size=MATRIX_SIZE),
        ).arrange(RIGHT, buff=BUFF)
        for part, colour in zip(self.a_row[2][1:], (U_COLOUR, SIGMA, V_COLOUR), strict=True):
            part.set_color(colour)
        s1, s2 = self.svd.singular_values
        turn = self.turn_caption(self.svd.u_degrees)
        vt_turn = self.turn_caption(self.svd.vt_degrees)
        self.vt_row = factor_row("V^T", V_COLOUR, self.svd.vt, vt_turn)
        self.sigma_row = factor_row(
            r"\Sigma", SIGMA, self.sigma, rf"\times {num(s1, 'entry')},\ \times {num(s2, 'entry')}"
        )
        self.u_row = factor_row(
            "U", U_COLOUR, self.svd.u, r"\text{flip, }" + turn if self.svd.u_reflects else turn
        )
        self.closing = tex(
            r"\text{semi-axes: }",
            rf"\sigma_1 = {num(s1, 'entry')}",
            r",\quad",
            rf"\sigma_2 = {num(s2, 'entry')}",
            size=CAPTION_SIZE,
        )
        self.closing[1].set_color(SIGMA)
        self.closing[3].set_color(SIGMA)
        parts = [heading, self.a_row, self.vt_row, self.sigma_row, self.u_row, self.closing]
        for part in parts:
            style.fit_width(part, COLUMN_WIDTH)
        room = style.SAFE_HEIGHT - sum(part.height for part in parts)
        column = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=min(GAP, room / 5))
        in_column(column)
        self.heading = heading

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        with self.beat(
            f"Take the matrix A with rows ({a}, {b}) and ({c}, {d}). The singular value "
            "decomposition writes it as three simpler matrices: A = U Sigma V transpose."
        ):
            reach_of = [1.0, *(abs(v) for v in self.svd.semi_axes.flat)]
            self.grid = window_plane(reach_of, minimum=1.5, room=1.4)  # labels beyond tips
            self.stage_labels = {stage: self.labels_for(stage) for stage in STAGE_NAMES}
            paths = [  # every arrow, at the end of every step
                Line(self.grid.c2p(0, 0), self.grid.c2p(*tip))
                for tips in self.images.values()
                for tip in tips
                if np.linalg.norm(tip) > 0
            ]
            style.drop_ticks_near(self.grid, *self.stage_labels.values(), *paths)
            self.build_column()
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT * 1.5)
            self.play(Write(self.a_row), run_time=BEAT * 1.5)
            self.wait(PAUSE)

    def draw_unit_circle(self) -> None:
        v1, v2 = (row_text(v) for v in self.svd.vt)
        with self.beat(
            "Start from the unit circle, every vector of length 1. Two of them matter: the "
            f"right singular vectors v1 = {v1} and v2 = {v2}, at right angles."
        ):
            self.done = np.eye(2)
            self.step: Callable[[float], np.ndarray] = lambda t: np.eye(2)
            self.progress = ValueTracker(0.0)
            self.arrow_colour = V_COLOUR
            self.ghost = DashedVMobject(self.shape_now().set_fill(opacity=0), num_dashes=48)
            self.ghost.set_stroke(MUTED, width=2)
            self.shape = always_redraw(self.shape_now)
            self.arrows = VGroup(*(always_redraw(lambda i=i: self.arrow_now(i)) for i in (0, 1)))
            self.labels = self.stage_labels["start"]
            self.play(Create(self.shape), run_time=BEAT)
            self.add(self.ghost)
            self.play(FadeIn(self.arrows), FadeIn(self.labels), run_time=BEAT)
            self.show("v", tuple(tuple(float(c) for c in v) for v in self.svd.vt))
            self.wait(PAUSE)

    def turn_caption(self, degrees: float) -> str:
        shown = fmt(degrees)
        return r"\text{no turn}" if shown == "0" else rf"\text{{turn }} {num(degrees)}^\circ"

    def rotate_by_vt(self) -> None:
        degrees = self.svd.vt_degrees
        shown = fmt(degrees)
        turn = "does not turn at all" if shown == "0" else f"turns the plane by {shown} degrees"
        with self.beat(
            f"First V transpose, a rotation: it {turn}, carrying v1 and v2 onto the axes, "
            "e1 and e2. The circle stays a circle."
        ):
            self.play(FadeIn(self.vt_row), FadeOut(self.labels), run_time=BEAT)
            angle = self.svd.vt_angle
            self.play_step(lambda t: linalg.rotation(t * angle), run_time=BEAT * 2)
            self.labels = VGroup()
            self.rename("vt")
            self.show("vt", self.svd.vt)
            self.show("vt_degrees", degrees)
            self.wait(PAUSE)

    def stretch_by_sigma(self) -> None:
        s1, s2 = self.svd.singular_values
        flat = (
            " sigma2 is 0: the circle flattens onto a segment."
            if s2 == 0
            else " The circle becomes an ellipse along the axes."
        )
        with self.beat(
            f"Then Sigma, diagonal: it stretches the x axis by sigma1 = {fmt(s1, 'entry')} and "
            f"the y axis by sigma2 = {fmt(s2, 'entry')}, the singular values.{flat}"
        ):
            self.play(FadeIn(self.sigma_row), FadeOut(self.labels), run_time=BEAT)
            self.labels = VGroup()
            self.play_step(
                lambda t: linalg.scaling(1 + t * (s1 - 1), 1 + t * (s2 - 1)), run_time=BEAT * 2
            )
            self.rename("sigma")
            self.show("sigma", (float(s1), float(s2)))
            self.wait(PAUSE)

    def rotate_by_u(self) -> None:
        degrees = self.svd.u_degrees
        shown = fmt(degrees)
        turn = "does not turn" if shown == "0" else f"turns by {shown} degrees"
        if self.svd.u_reflects:
            said = (
                f"Last U. A's determinant is negative, so U flips the plane over, then {turn}: "
                "the axes of the ellipse land on u1 and u2."
            )
        else:
            said = f"Last U, another rotation: it {turn}, and the ellipse's axes land on u1 and u2."
        with self.beat(said):
            self.play(FadeIn(self.u_row), FadeOut(self.labels), run_time=BEAT)
            self.labels = VGroup()
            if self.svd.u_reflects:
                self.play_step(lambda t: linalg.scaling(1, 1 - 2 * t), run_time=BEAT * 1.5)
            angle = self.svd.u_angle
            self.play_step(lambda t: linalg.rotation(t * angle), run_time=BEAT * 2)
            self.rename("u")
            self.show("u", self.svd.u)
            self.show("u_degrees", degrees)
            self.show("u_reflects", self.svd.u_reflects)
            self.wait(PAUSE)

    def compare_with_a(self) -> None:
        s1, s2 = (fmt(v, "entry") for v in self.svd.singular_values)
        with self.beat(
            "Now apply A itself to the unit circle, in one go: the dashed curve falls exactly "
            f"on the ellipse. Its semi-axes are sigma1 = {s1} and sigma2 = {s2}."
        ):
            turns = np.linspace(0, TAU, CIRCLE_POINTS + 1)
            circle = np.stack([np.cos(turns), np.sin(turns)], axis=1)
            on_a = linalg.apply(self.matrix, circle)
            outline = VMobject(stroke_color=INPUT, stroke_width=4)
            outline.set_points_as_corners([self.grid.c2p(*p) for p in on_a])
            self.a_outline = DashedVMobject(outline, num_dashes=40).set_stroke(width=7)
            self.play(Create(self.a_outline), run_time=BEAT * 2)
            self.show("a_images", self.a_images)
            self.show("semi_axes", self.svd.semi_axes)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        s1, s2 = self.svd.singular_values
        with self.beat(
            "So A = U Sigma V transpose: rotate, stretch by the singular values, rotate. The "
            "unit circle lands on A's ellipse, its semi-axes sigma1 u1 and sigma2 u2."
        ):
            closing = self.closing
            box = style.highlight_box(self.a_row)
            self.play(FadeIn(closing, shift=UP * 0.1), Create(box), run_time=BEAT)
            self.show("summary_sigma", (float(s1), float(s2)))
            self.play(FadeOut(box), run_time=QUICK)
            self.hold_poster()
