"""DescendingTheGradient: steps against the gradient walk down a line's cost contours."""

from __future__ import annotations

import math

import numpy as np
from manim import (
    DOWN,
    LEFT,
    Arrow,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    config,
    linear,
)

from lib import calculus, linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s09_partial_derivatives.shared import (
    NEVER_CLIMBS,
    SAME_LENGTH,
    SPREAD_OUT,
    contour_lines,
    descend,
    line_cost,
)
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
)

MAP_WIDTH, MAP_HEIGHT = 6.9, 5.6
FIRST_STEPS = 5  # steps drawn one by one, each with its arrow
REST_TIME = 5.0  # seconds for every step after those
CONVERGED = 0.01  # the cost's excess over its minimum must shrink to this share of its start
GRADIENT_COLOUR = style.EIGEN_2


def converges(values) -> bool:
    """The descent ends with the cost's excess over the minimum at most CONVERGED of its start."""
    history = descend(
        values["xs"], values["ys"], values["start"], values["learning_rate"], values["steps"]
    )
    m, b = linalg.fit_line_pinv(values["xs"], values["ys"])
    least = line_cost(values["xs"], values["ys"])(np.array([m, b]))
    return history.costs[-1] - least <= CONVERGED * (history.costs[0] - least) + 1e-9


def said(value: float) -> str:
    return fmt(value).replace("-", "−")


class DescendingTheGradient(LessonScene):
    """The contour map of C(m, b) and a gradient-descent path from lib's history."""

    xs = (0.0, 1.0, 2.0, 3.0, 4.0)  # the data points
    ys = (1.2, 2.9, 5.1, 7.2, 8.8)
    start = (-1.0, 6.0)  # (m, b) where the descent starts
    learning_rate = 0.12
    steps = 80
    domain = Domain(
        xs=Vector((3, 8), -5, 5),
        ys=Vector((3, 8), -10, 10),
        start=Vector(2, -10, 10),
        learning_rate=Number(0.001, 0.5, places=3),
        steps=Number(10, 150, integer=True),
        rules=(
            SAME_LENGTH,
            SPREAD_OUT,
            NEVER_CLIMBS,
            Rule(
                f"must take enough steps, with a large enough learning rate, to get within "
                f"{CONVERGED:.0%} of the way down to the lowest cost",
                ("learning_rate", "steps"),
                converges,
            ),
        ),
    )

    def construct(self) -> None:
        self.cost = line_cost(self.xs, self.ys)  # every number, from lib, up front
        self.history = descend(self.xs, self.ys, self.start, self.learning_rate, self.steps)
        self.best = linalg.fit_line_pinv(self.xs, self.ys)
        self.least = self.cost(np.array(self.best))
        first = calculus.line_cost_gradient(*self.start, self.xs, self.ys)
        self.first_gradient = (first.dcost_dm, first.dcost_db)
        self.step = ValueTracker(0)
        self.draw_cost_map()
        self.take_first_step()
        self.keep_stepping()
        self.run_to_the_end()
        self.show_summary()

    # -- the map ------------------------------------------------------------------------

    def now(self) -> int:
        return min(self.steps, math.floor(self.step.get_value() + 1e-9))

    def at(self, k: int) -> np.ndarray:
        return self.map.c2p(*self.history.points[k])

    def levels(self) -> list[float]:
        """The costs at steps 0, 1, 2, 4, 8...: each curve passes through a point of the path."""
        ks = [0, *(2**j for j in range(int(math.log2(self.steps)) + 1))]
        chosen = sorted({float(self.history.costs[k]) for k in ks})
        return [c for c in chosen if c - self.least > 1e-6 * (self.history.costs[0] - self.least)]

    def build_map(self) -> None:
        points = [*self.history.points, self.best]
        ms, bs = [p[0] for p in points], [p[1] for p in points]
        m_span, b_span = max(ms) - min(ms), max(bs) - min(bs)
        m_range = style.round_range(min(ms) - 0.15 * m_span, max(ms) + 0.15 * m_span, most=5)
        b_range = style.round_range(min(bs) - 0.15 * b_span, max(bs) + 0.15 * b_span, most=5)
        self.map = style.axes(
            m_range, b_range, width=MAP_WIDTH, height=MAP_HEIGHT, x_label="m", y_label="b"
        )
        self.map.to_corner(LEFT + DOWN, buff=MARGIN)
        legs = [Line(self.at(k), self.at(k + 1)) for k in range(self.steps)]
        marker = Dot(self.map.c2p(*self.best), radius=0.2)
        style.drop_ticks_near(self.map, *legs, marker)
        self.show("m_range", m_range)
        self.show("b_range", b_range)
        self.show("levels", tuple(self.levels()))
        self.contours = contour_lines(self.map, self.cost, self.levels())

    def path_so_far(self) -> VGroup:
        k = self.now()
        line = VMobject(stroke_color=HIGHLIGHT, stroke_width=3)
        corners = [self.at(j) for j in range(k + 1)]
        line.set_points_as_corners(corners if k else [corners[0], corners[0]])
        return VGroup(line, Dot(corners[-1], radius=0.08, color=INPUT_2))

    def readouts(self) -> VGroup:
        return style.readout_grid(
            [
                (r"\text{step} =", self.now, "count", style.TEXT),
                ("m =", lambda: self.history.points[self.now()][0], "value", INPUT_2),
                ("b =", lambda: self.history.points[self.now()][1], "value", INPUT_2),
                ("C =", lambda: self.history.costs[self.now()], "value", GRADIENT_COLOUR),
            ]
        )

    def step_arrow(self, k: int) -> Arrow:
        return Arrow(
            self.at(k),
            self.at(k + 1),
            buff=0.06,
            color=GRADIENT_COLOUR,
            stroke_width=4,
            max_tip_length_to_length_ratio=0.3,
            tip_length=0.18,
        )

    # -- beats --------------------------------------------------------------------------

    def draw_cost_map(self) -> None:
        m, b = self.best
        with self.beat(
            f"The cost of a line y = m x + b over {len(self.xs)} points, C(m, b), seen from "
            "above: each curve joins the m and b of one cost. The lowest cost, "
            f"{said(self.least)}, is at m = {said(m)}, b = {said(b)}."
        ):
            self.heading = style.title("Descending the gradient")
            self.build_map()
            self.column_left = self.map.get_right()[0] + GAP
            self.bottom = Star(
                n=5, outer_radius=0.16, color=RESULT, fill_opacity=1, stroke_width=0
            ).move_to(self.map.c2p(*self.best))
            self.play(FadeIn(self.heading), Create(self.map), run_time=BEAT)
            self.play(Create(self.contours), run_time=BEAT * 2)
            self.play(FadeIn(self.bottom, scale=1.5), run_time=QUICK)
            self.best_label = tex(
                rf"\min C = {num(self.least)}\ \text{{at}}\ (m, b) = "
                + style.fmt_vector(self.best),
                size=LABEL_SIZE + 4,
                color=RESULT,
            )
            self.place(self.best_label, self.heading, GAP * 1.2)
            self.play(FadeIn(self.best_label), run_time=QUICK)
            self.show("minimum", (*self.best, self.least))
            self.wait(PAUSE)

    def place(self, mobject, above, buff: float) -> None:
        """``mobject`` in the column at the right, under ``above``."""
        mobject.next_to(above, DOWN, buff=buff)
        mobject.set_x(self.column_left + mobject.width / 2)
        room = config.frame_width / 2 - MARGIN - self.column_left
        style.fit_width(mobject, room)
        mobject.set_x(self.column_left + mobject.width / 2)

    def take_first_step(self) -> None:
        (m, b), (dm, db) = self.start, self.first_gradient
        rate = fmt(self.learning_rate, "approach")
        with self.beat(
            f"Start at m = {said(m)}, b = {said(b)}, where C = {said(self.history.costs[0])}. "
            f"The gradient there, ({said(dm)}, {said(db)}), points uphill across the curves; "
            f"step against it, scaled by the learning rate η = {rate}."
        ):
            self.board = self.readouts()
            self.place(self.board, self.best_label, GAP)
            self.path = always_redraw(self.path_so_far)
            new_m, new_b = self.history.points[1]
            rule = tex(
                r"\begin{pmatrix} m \\ b \end{pmatrix} \leftarrow "
                r"\begin{pmatrix} m \\ b \end{pmatrix} - \eta\, \nabla C",
                size=LABEL_SIZE + 4,
            )
            numbers = tex(
                rf"= \begin{{pmatrix}} {num(m)} \\ {num(b)} \end{{pmatrix}} - {rate}"
                rf"\begin{{pmatrix}} {num(dm)} \\ {num(db)} \end{{pmatrix}}"
                rf"= \begin{{pmatrix}} {num(new_m)} \\ {num(new_b)} \end{{pmatrix}}",
                size=LABEL_SIZE + 4,
            )
            self.rule = VGroup(rule, numbers).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            self.place(self.rule, self.board, GAP)
            self.play(FadeIn(self.path), FadeIn(self.board), run_time=QUICK)
            self.play(Write(rule), run_time=BEAT)
            self.play(Write(numbers), run_time=BEAT)
            self.arrows = VGroup(self.step_arrow(0))
            self.play(GrowArrow(self.arrows[0]), self.step.animate.set_value(1), run_time=BEAT)
            self.show("first_gradient", self.first_gradient)
            self.show("first_step", (float(new_m), float(new_b)))
            self.wait(PAUSE)

    def keep_stepping(self) -> None:
        last = min(FIRST_STEPS, self.steps)
        with self.beat(
            "Each step starts where the last one ended and goes against the gradient there, "
            "always down to a lower curve."
        ):
            general = tex(
                r"\begin{pmatrix} m \\ b \end{pmatrix} \leftarrow "
                r"\begin{pmatrix} m \\ b \end{pmatrix} - \eta\, \nabla C,\quad \eta = "
                + fmt(self.learning_rate, "approach"),
                size=LABEL_SIZE + 4,
            )
            self.place(general, self.board, GAP)
            self.play(FadeOut(self.rule), FadeIn(general), run_time=QUICK)
            self.rule = general
            for k in range(1, last):
                arrow = self.step_arrow(k)
                self.arrows.add(arrow)
                self.play(GrowArrow(arrow), self.step.animate.set_value(k + 1), run_time=QUICK)
            self.wait(PAUSE)

    def run_to_the_end(self) -> None:
        m, b = self.history.points[-1]
        with self.beat(
            f"On for {self.steps} steps in all: the path ends at m = {said(m)}, b = {said(b)}, "
            f"where C = {said(self.history.costs[-1])}."
        ):
            self.play(
                self.arrows.animate.set_stroke(opacity=0.5).set_fill(opacity=0.5),
                self.step.animate.set_value(self.steps),
                run_time=REST_TIME,
                rate_func=linear,
            )
            self.show("path", tuple(tuple(float(v) for v in p) for p in self.history.points))
            self.show("costs", tuple(float(c) for c in self.history.costs))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        m, b = self.history.points[-1]
        with self.beat(
            "Step by step against the gradient, the parameters converge on the bottom of the "
            f"bowl, the best line: m = {said(m)}, b = {said(b)}, next to the lowest cost's "
            f"m = {said(self.best[0])}, b = {said(self.best[1])}."
        ):
            for mobject in (self.path, *self.board):
                mobject.clear_updaters()
            final = tex(
                rf"\text{{after {self.steps} steps: }} (m, b) = "
                + style.fmt_vector(self.history.points[-1]),
                size=LABEL_SIZE + 4,
                color=INPUT_2,
            )
            self.place(final, self.rule, GAP)
            self.play(FadeIn(final), Indicate(self.bottom), run_time=BEAT)
            self.show("final", (float(m), float(b)))
            self.hold_poster()
