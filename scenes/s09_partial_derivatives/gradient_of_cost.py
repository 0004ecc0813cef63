"""GradientOfCost: the gradient of a line's cost on its contour map, its two partials as parts."""

from __future__ import annotations

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    UR,
    Arrow,
    Create,
    Dot,
    FadeIn,
    GrowArrow,
    Line,
    Star,
    VGroup,
    VMobject,
    Write,
    config,
)

from lib import calculus, contours, linalg
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s09_partial_derivatives.shared import (
    CONTOUR_RESOLUTION,
    SAME_LENGTH,
    SPREAD_OUT,
    contour_lines,
    line_cost,
    square_map,
)
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
    LessonScene,
    fmt,
    num,
    tex,
)

MAP_SIZE = 6.0  # the map's width and height at most (scene units)
REACH = 0.8  # the gradient arrow is at most this share of the way to the minimum (or 1)
FIELD = 7  # field arrows per side
FIELD_LENGTH = 0.4
GRADIENT_COLOUR = style.EIGEN_2
M_COLOUR, B_COLOUR = INPUT_2, INPUT


def not_at_the_minimum(values) -> bool:
    """The gradient at ``point`` is long enough to draw (the point is not the minimum)."""
    cost = calculus.line_cost_gradient(*values["point"], values["xs"], values["ys"])
    return float(np.hypot(cost.dcost_dm, cost.dcost_db)) >= 0.05


def touches(first, second, buff: float = 0.08) -> bool:
    """Whether the bounding boxes of two mobjects come within ``buff`` of each other."""
    (ax0, ay0, _), (ax1, ay1, _) = first.get_corner(DL), first.get_corner(UR)
    (bx0, by0, _), (bx1, by1, _) = second.get_corner(DL), second.get_corner(UR)
    return min(ax1, bx1) - max(ax0, bx0) > -buff and min(ay1, by1) - max(ay0, by0) > -buff


def said(value: float) -> str:
    return fmt(value).replace("-", "−")


def drawing_scale(length: float, room: float) -> float:
    """1, 0.5, 0.2, 0.1, 0.05...: the largest that draws a ``length`` at most ``room`` long."""
    for k in range(12):
        for lead in (1.0, 0.5, 0.2):
            scale = lead * 10.0**-k
            if length * scale <= room:
                return scale
    return scale


class GradientOfCost(LessonScene):
    """At one (m, b): dC/dm and dC/db as arrows, the gradient they make, then its whole field."""

    xs = (0.0, 1.0, 2.0, 3.0, 4.0)  # the data points
    ys = (1.2, 2.9, 5.1, 7.2, 8.8)
    point = (0.5, 5.0)  # the (m, b) where the gradient is taken
    domain = Domain(
        xs=Vector((3, 8), -5, 5),
        ys=Vector((3, 8), -10, 10),
        point=Vector(2, -10, 10),
        rules=(
            SAME_LENGTH,
            SPREAD_OUT,
            Rule(
                "must not be (nearly) the lowest point, where the gradient vanishes",
                ("point",),
                not_at_the_minimum,
            ),
        ),
    )

    def construct(self) -> None:
        self.cost = line_cost(self.xs, self.ys)  # every number, from lib, up front
        here = calculus.line_cost_gradient(*self.point, self.xs, self.ys)
        self.value, self.gradient = here.cost, (here.dcost_dm, here.dcost_db)
        self.length = linalg.l2_norm(self.gradient)
        self.best = linalg.fit_line_pinv(self.xs, self.ys)
        room = REACH * max(1.0, linalg.l2_norm(np.subtract(self.best, self.point)))
        self.scale = drawing_scale(self.length, room)
        self.draw_cost_map()
        self.mark_the_point()
        self.take_the_partials()
        self.add_them_up()
        self.show_the_field()
        self.show_summary()

    def p(self, m: float, b: float) -> np.ndarray:
        return self.map.c2p(m, b)

    def column(self, mobject, above, buff: float = GAP) -> None:
        mobject.next_to(above, DOWN, buff=buff)
        style.fit_width(mobject, config.frame_width / 2 - MARGIN - self.column_left)
        mobject.set_x(self.column_left + mobject.width / 2)

    def levels(self) -> list[float]:
        least = self.cost(np.array(self.best))
        top = max(self.value, least + 1e-6)
        return [least + (top - least) * share for share in (0.05, 0.2, 0.45, 0.75, 1.0, 1.4, 2.0)]

    def draw_cost_map(self) -> None:
        with self.beat(
            f"The cost of a line y = m x + b over {len(self.xs)} points, C(m, b), as a "
            "contour map, with m and b drawn to the same scale so that angles are true."
        ):
            self.heading = style.title("The gradient of the cost")
            reach = np.array(self.gradient) * self.scale
            self.map = square_map(
                [self.point, self.best, np.array(self.point) + reach],
                width=MAP_SIZE,
                height=MAP_SIZE * 0.95,
            )
            self.map.to_corner(LEFT + DOWN, buff=MARGIN)
            (m, b), (dm, db), s = self.point, self.gradient, self.scale
            drawn = [  # where the arrows will go: no tick number under them
                Line(self.p(m, b), self.p(m + s * dm, b)),
                Line(self.p(m + s * dm, b), self.p(m + s * dm, b + s * db)),
                Line(self.p(m, b), self.p(m + s * dm, b + s * db)),
                Dot(self.p(m, b), radius=0.15),
                Dot(self.p(*self.best), radius=0.2),
            ]
            style.drop_ticks_near(self.map, *drawn)
            self.column_left = self.map.get_right()[0] + GAP
            self.contours = contour_lines(self.map, self.cost, self.levels()[:-1])
            self.star = Star(n=5, outer_radius=0.15, color=RESULT, fill_opacity=1, stroke_width=0)
            self.star.move_to(self.p(*self.best))
            self.play(FadeIn(self.heading), Create(self.map), run_time=BEAT)
            self.play(Create(self.contours), FadeIn(self.star), run_time=BEAT * 1.5)
            self.show("levels", tuple(self.levels()))
            self.wait(PAUSE)

    def mark_the_point(self) -> None:
        m, b = self.point
        with self.beat(
            f"Take the line m = {said(m)}, b = {said(b)}. Its cost is C = {said(self.value)}: "
            "it sits on the curve of that cost."
        ):
            x_range, y_range = self.map.x_range[:2], self.map.y_range[:2]
            segments = contours.contour_segments(
                self.cost, x_range, y_range, self.value, CONTOUR_RESOLUTION
            )
            curve = VMobject(stroke_color=HIGHLIGHT, stroke_width=4)
            for start, end in segments:
                curve.start_new_path(self.p(*start))
                curve.add_line_to(self.p(*end))
            self.dot = Dot(self.p(m, b), radius=0.09, color=HIGHLIGHT)
            self.where = tex(
                rf"(m, b) = {style.fmt_vector(self.point)},\quad C = {num(self.value)}",
                size=LABEL_SIZE + 4,
                color=HIGHLIGHT,
            )
            self.column(self.where, self.heading, GAP * 1.2)
            self.play(FadeIn(self.dot, scale=1.5), Create(curve), run_time=BEAT)
            self.play(FadeIn(self.where), run_time=QUICK)
            self.level_curve = curve
            self.show("cost", self.value)
            self.wait(PAUSE)

    def arrow(self, start, end, colour: str, width: float = 5) -> Arrow:
        return Arrow(
            start,
            end,
            buff=0,
            color=colour,
            stroke_width=width,
            max_tip_length_to_length_ratio=0.25,
            tip_length=0.2,
        )

    def take_the_partials(self) -> None:
        dm, db = self.gradient
        m, b = self.point
        with self.beat(
            f"Hold b still and nudge m: C changes at ∂C/∂m = {said(dm)}. Hold m still and "
            f"nudge b: C changes at ∂C/∂b = {said(db)}. Each partial is a slope along one axis."
        ):
            s = self.scale
            self.along_m = self.arrow(self.p(m, b), self.p(m + s * dm, b), M_COLOUR)
            self.along_b = self.arrow(
                self.p(m + s * dm, b), self.p(m + s * dm, b + s * db), B_COLOUR
            )
            self.partials = VGroup(
                tex(
                    r"\frac{\partial C}{\partial m} = \frac{2}{n}\sum (m x + b - y)\,x = "
                    + num(dm, "slope"),
                    size=LABEL_SIZE + 4,
                    color=M_COLOUR,
                ),
                tex(
                    r"\frac{\partial C}{\partial b} = \frac{2}{n}\sum (m x + b - y) = "
                    + num(db, "slope"),
                    size=LABEL_SIZE + 4,
                    color=B_COLOUR,
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
            self.column(self.partials, self.where)
            self.play(GrowArrow(self.along_m), Write(self.partials[0]), run_time=BEAT)
            self.play(GrowArrow(self.along_b), Write(self.partials[1]), run_time=BEAT)
            self.show("partials", self.gradient)
            self.wait(PAUSE)

    def add_them_up(self) -> None:
        dm, db = self.gradient
        m, b = self.point
        scaled = (
            "" if self.scale == 1 else f" (drawn at {fmt(self.scale, 'approach')} of its length)"
        )
        with self.beat(
            f"Together they make the gradient, ∇C = ({said(dm)}, {said(db)}){scaled}. It points "
            f"straight uphill, across the curve, and its length, {said(self.length)}, is how "
            "steep the climb is."
        ):
            s = self.scale
            self.arrow_of_gradient = self.arrow(
                self.p(m, b), self.p(m + s * dm, b + s * db), GRADIENT_COLOUR, width=6
            )
            formula = tex(
                r"\nabla C = \left(\frac{\partial C}{\partial m}, \frac{\partial C}{\partial b}"
                rf"\right) = {style.fmt_vector(self.gradient, 'slope')}",
                size=LABEL_SIZE + 4,
                color=GRADIENT_COLOUR,
            )
            size = tex(
                rf"|\nabla C| = {num(self.length, 'norm')}"
                + ("" if s == 1 else rf"\quad(\text{{drawn}} \times {fmt(s, 'approach')})"),
                size=LABEL_SIZE + 4,
                color=GRADIENT_COLOUR,
            )
            self.formulas = VGroup(formula, size).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
            self.column(self.formulas, self.partials)
            self.play(GrowArrow(self.arrow_of_gradient), Write(formula), run_time=BEAT * 1.5)
            self.play(FadeIn(size), run_time=QUICK)
            self.show("gradient", self.gradient)
            self.show("length", self.length)
            self.wait(PAUSE)

    def show_the_field(self) -> None:
        with self.beat(
            "At every point the gradient crosses the curves at right angles and points uphill, "
            "away from the lowest cost: so −∇C points the way down."
        ):
            (m0, m1), (b0, b1) = self.map.x_range[:2], self.map.y_range[:2]
            field = VGroup()
            labels = [*self.map.axis_labels, *(t for axis in self.map.axes for t in axis.labels)]
            for m in np.linspace(m0, m1, FIELD + 2)[1:-1]:
                for b in np.linspace(b0, b1, FIELD + 2)[1:-1]:
                    g = calculus.line_cost_gradient(m, b, self.xs, self.ys)
                    direction = np.array([g.dcost_dm, g.dcost_db, 0.0])
                    size = np.linalg.norm(direction)
                    if size < 1e-9:
                        continue
                    start = self.p(m, b)
                    end = start + direction / size * FIELD_LENGTH
                    arrow = self.arrow(start, end, MUTED, width=3)
                    if not any(touches(arrow, label) for label in labels):
                        field.add(arrow)
            self.bring_to_front(self.level_curve, self.dot)
            self.play(FadeIn(field), run_time=BEAT * 1.5)
            self.add(self.arrow_of_gradient, self.along_m, self.along_b)
            self.field = field
            self.wait(PAUSE)

    def show_summary(self) -> None:
        dm, db = self.gradient
        with self.beat(
            f"The gradient is the vector of partial derivatives: here ({said(dm)}, {said(db)}). "
            "It points up the steepest slope, across the contours."
        ):
            self.play(self.field.animate.set_opacity(0.45), run_time=QUICK)
            self.hold_poster()
