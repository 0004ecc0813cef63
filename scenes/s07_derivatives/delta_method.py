"""DeltaMethod: the slope at a point from first principles, dy/dx as delta x shrinks."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from manim import (
    DOWN,
    LEFT,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
    smooth,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s07_derivatives.shared import (
    WINDOW_RULES,
    axis_range,
    fitted_axes,
    has_x,
    polynomial_tex,
    spoken,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MIN_TEXT_SIZE,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
)

GRAPH_RIGHT = 0.2  # the graph ends here, tick numbers included; the column follows
COLUMN_LEFT = GRAPH_RIGHT + GAP
COLUMN_WIDTH = config.frame_width / 2 - MARGIN - COLUMN_LEFT
TABLE_SIZE = LABEL_SIZE + 4


def one_side(values: Mapping[str, Any]) -> bool:
    """Every delta of one sign, none 0, no two of the same size."""
    deltas = [float(d) for d in values["deltas"]]
    same_sign = all(d > 0 for d in deltas) or all(d < 0 for d in deltas)
    sizes = {round(abs(d), 6) for d in deltas}
    return same_sign and len(sizes) == len(deltas)


class DeltaMethod(LessonScene):
    """Step dx from x, see dy; the slope dy/dx settles on f'(x) as dx shrinks."""

    coefficients = (1.0, 2.0, 2.0)  # f(x) = x^2 + 2x + 2, highest power first
    x0 = 2.0  # where the slope is found
    deltas = (1.0, 0.5, 0.1, 0.01, 0.001)  # the steps delta x, played largest first
    x_window = (-1.0, 4.0)  # the x values the graph shows at least
    domain = Domain(
        coefficients=Vector((2, 4), -5, 5, places=2),
        x0=Number(-5, 5, places=2),
        deltas=Vector((3, 5), -2, 2, places=3),
        x_window=Vector(2, -8, 8, places=2),
        rules=(
            has_x("coefficients"),
            Rule(
                "must all have one sign, none 0 and no two of the same size",
                ("deltas",),
                one_side,
            ),
            WINDOW_RULES[0],
        ),
    )

    def construct(self) -> None:
        self.f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.point_x = float(self.x0)
        self.steps = sorted((float(d) for d in self.deltas), key=lambda d: -abs(d))
        self.side = 1.0 if self.steps[0] > 0 else -1.0
        self.rows = self.show("rows", calculus.delta_method_table(self.f, self.point_x, self.steps))
        self.slope = self.show("derivative", calculus.derivative(self.f, self.point_x))
        self.formula = polynomial_tex(self.coefficients)
        self.introduce_function()
        self.take_a_step()
        self.shrink_the_step()
        self.reach_the_limit()
        self.show_summary()

    # -- the graph ------------------------------------------------------------------------

    def build_axes(self) -> None:
        window = [float(v) for v in self.x_window]
        xs = [*window, self.point_x, *(self.point_x + d for d in self.steps)]
        self.x_range = self.show("x_range", axis_range(min(xs), max(xs), most=6, zero=False))
        low, high = self.show(
            "f_extremes", calculus.polynomial_extremes(self.coefficients, *self.x_range[:2])
        )
        self.y_range = self.show("y_range", axis_range(low, high, most=6, zero=True))
        height = config.frame_height - 2 * MARGIN - 1.2
        width = GRAPH_RIGHT + config.frame_width / 2 - MARGIN - 1.2
        for _ in range(4):
            axes = fitted_axes(
                self.x_range,
                self.y_range,
                width=width,
                height=height,
                y_label="y",
                colour=INPUT,
            )
            over = axes.width - (GRAPH_RIGHT + config.frame_width / 2 - MARGIN)
            if over <= 1e-6:
                break
            width -= over + 0.01
        axes.to_corner(LEFT + DOWN, buff=MARGIN)
        self.axes = axes

    def dx_now(self) -> float:
        return self.side * 10 ** self.log_dx.get_value()

    def on_curve(self, x: float):
        return self.axes.c2p(x, self.f(x))

    def secant_now(self) -> Line:
        """The line through P and Q, run a little past both, clipped to the graph's x range."""
        x0, x1 = self.point_x, self.point_x + self.dx_now()
        slope = calculus.secant_slope(self.f, x0, x1)
        lo, hi = self.x_range[:2]
        y0 = self.f(x0)
        y_lo, y_hi = self.y_range[:2]
        ends = []
        for x in (max(lo, min(x0, x1) - 1.0), min(hi, max(x0, x1) + 1.0)):
            y = min(max(y0 + slope * (x - x0), y_lo), y_hi)
            x = x0 + (y - y0) / slope if slope else x
            ends.append(self.axes.c2p(x, y))
        return Line(*ends, color=HIGHLIGHT, stroke_width=3).set_stroke(opacity=0.8)

    def legs_now(self) -> VGroup:
        """Delta x along, then delta y up, from P to Q."""
        x0, dx = self.point_x, self.dx_now()
        corner = self.axes.c2p(x0 + dx, self.f(x0))
        run = Line(self.on_curve(x0), corner, color=INPUT_2, stroke_width=5)
        rise = Line(corner, self.on_curve(x0 + dx), color=HIGHLIGHT, stroke_width=5)
        return VGroup(run, rise)

    # -- the column -------------------------------------------------------------------------

    def in_column(self, mobject, below) -> Any:
        style.fit_width(mobject, COLUMN_WIDTH)
        mobject.next_to(below, DOWN, buff=GAP * 0.8)
        return mobject.set_x(COLUMN_LEFT + mobject.width / 2)

    def table(self) -> VGroup:
        """delta x, f(x + delta x) and the slope, one row a step, under their headers."""
        header = [
            tex(r"\Delta x", size=TABLE_SIZE, color=INPUT_2),
            tex(rf"f({num(self.point_x, 'coordinate')} + \Delta x)", size=TABLE_SIZE),
            tex(r"\Delta y / \Delta x", size=TABLE_SIZE, color=HIGHLIGHT),
        ]
        cells = [
            [
                tex(num(row.dx, "approach"), size=TABLE_SIZE),
                tex(num(row.f_x_plus_dx, "approach"), size=TABLE_SIZE),
                tex(num(row.slope, "approach"), size=TABLE_SIZE),
            ]
            for row in self.rows
        ]
        grid = VGroup(*header, *(c for row in cells for c in row)).arrange_in_grid(
            rows=len(cells) + 1, cols=3, buff=(GAP * 1.2, BUFF * 0.8), col_alignments="rrr"
        )
        grid.header = VGroup(*header)
        grid.body = [VGroup(*row) for row in cells]
        return grid

    # -- beats ------------------------------------------------------------------------------

    def introduce_function(self) -> None:
        x0 = fmt(self.point_x, "coordinate")
        with self.beat(
            f"How steep is f(x) = {spoken(self.formula)} at x = {x0}? The delta method "
            "answers from first principles: step along by a little, delta x, and see how far "
            "f moves, delta y."
        ):
            self.heading = style.title("The delta method")
            self.build_axes()
            curve = self.axes.plot(self.f, x_range=self.x_range[:2], color=INPUT, stroke_width=5)
            definition = tex("f(x)", "=", self.formula)
            definition[0].set_color(INPUT)
            style.fit_width(definition, COLUMN_WIDTH)
            definition.next_to(self.heading, DOWN, buff=GAP).set_x(
                COLUMN_LEFT + definition.width / 2
            )
            self.p_dot = Dot(self.on_curve(self.point_x), radius=0.09, color=INPUT)
            self.play(FadeIn(self.heading), Create(self.axes), run_time=BEAT)
            self.play(Create(curve), Write(definition), run_time=BEAT)
            self.play(FadeIn(self.p_dot, scale=1.5), run_time=QUICK)
            self.curve, self.definition = curve, definition

    def take_a_step(self) -> None:
        first = calculus.difference_quotient(self.f, self.point_x, self.steps[0])
        self.show("first_quotient", first)
        x0, dx = num(first.x0, "coordinate"), num(first.h, "approach")
        with self.beat(
            f"Take delta x = {fmt(first.h, 'approach')}. Then f goes from "
            f"{fmt(first.f_x0, 'approach')} to {fmt(first.f_x0_plus_h, 'approach')}, so delta y "
            f"is {fmt(first.rise, 'approach')}, and the slope delta y over delta x is "
            f"{fmt(first.slope, 'approach')}."
        ):
            self.log_dx = ValueTracker(math.log10(abs(self.steps[0])))
            legs = always_redraw(self.legs_now)
            secant = always_redraw(self.secant_now)
            q_dot = always_redraw(
                lambda: Dot(self.on_curve(self.point_x + self.dx_now()), radius=0.08, color=INPUT_2)
            )
            quotient = tex(
                r"\frac{\Delta y}{\Delta x}",
                "=",
                r"\frac{f(x + \Delta x) - f(x)}{\Delta x}",
            )
            quotient[0].set_color(HIGHLIGHT)
            self.in_column(quotient, self.definition)
            parts = (
                rf"= \frac{{f({x0} + {dx}) - f({x0})}}{{{dx}}}",
                rf"= \frac{{{num(first.f_x0_plus_h, 'approach')} - "
                rf"{style.factor(first.f_x0, 'approach')}}}{{{dx}}}",
                rf"= {num(first.slope, 'approach')}",
            )
            numbers = VGroup(tex(*parts))
            if numbers.width * MIN_TEXT_SIZE / BODY_SIZE > COLUMN_WIDTH:  # two lines
                numbers = VGroup(tex(parts[0]), tex(*parts[1:])).arrange(
                    DOWN, aligned_edge=LEFT, buff=BUFF
                )
            numbers[-1][-1].set_color(HIGHLIGHT)
            self.in_column(numbers, quotient)
            self.play(Create(legs), FadeIn(q_dot, scale=1.5), run_time=BEAT)
            self.play(Create(secant), Write(quotient), run_time=BEAT)
            self.play(Write(numbers), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.moving = VGroup(legs, secant, q_dot)
            self.quotient, self.worked_numbers = quotient, numbers

    def shrink_the_step(self) -> None:
        listed = ", ".join(fmt(row.slope, "approach") for row in self.rows)
        with self.beat(
            f"Now shrink delta x, step by step. The slopes read {listed}: they settle down "
            "as delta x gets smaller."
        ):
            table = self.table()
            style.fit_width(table, COLUMN_WIDTH)
            table.next_to(self.quotient, DOWN, buff=GAP * 0.8).set_x(COLUMN_LEFT + table.width / 2)
            self.play(FadeOut(self.worked_numbers), FadeIn(table.header), run_time=QUICK)
            for index, (step, row) in enumerate(zip(self.steps, table.body, strict=True)):
                if index:
                    self.play(
                        self.log_dx.animate.set_value(math.log10(abs(step))),
                        run_time=BEAT if index < 3 else QUICK,
                        rate_func=smooth,
                    )
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.table_shown = table

    def reach_the_limit(self) -> None:
        slope = self.slope
        exact = float(fmt(slope, "slope")) == round(slope, 9)
        x0 = num(self.point_x, "coordinate")
        value = fmt(slope, "slope")
        with self.beat(
            f"In the limit, as delta x goes to 0, the slope becomes the slope of the tangent "
            f"at x = {fmt(self.point_x, 'coordinate')}: the derivative, f'({x0}) "
            f"{'=' if exact else 'is about'} {value}."
        ):
            statement = tex(
                r"\lim_{\Delta x \to 0} \frac{\Delta y}{\Delta x}",
                "=",
                rf"f'({x0})",
                "=" if exact else r"\approx",
                num(slope, "slope"),
            )
            statement[2].set_color(RESULT)
            statement[4].set_color(RESULT)
            self.in_column(statement, self.table_shown)
            tangent = self.tangent_line()
            self.play(FadeOut(self.moving), run_time=QUICK)
            self.play(Create(tangent), Write(statement), run_time=BEAT * 1.5)
            self.statement = statement
            self.wait(PAUSE)

    def tangent_line(self) -> Line:
        """The tangent at P, with the derivative's slope, over the x range, clipped to y."""
        x0, y0 = self.point_x, self.f(self.point_x)
        lo, hi = self.x_range[:2]
        y_lo, y_hi = self.y_range[:2]
        ends = []
        for x in (lo, hi):
            y = min(max(y0 + self.slope * (x - x0), y_lo), y_hi)
            x = x0 + (y - y0) / self.slope if self.slope else x
            ends.append(self.axes.c2p(x, y))
        return Line(*ends, color=RESULT, stroke_width=5)

    def show_summary(self) -> None:
        with self.beat(
            "The delta method: the slope over a step delta x, as the step shrinks to "
            "nothing, is the derivative."
        ):
            box = style.highlight_box(self.statement)
            self.play(Create(box), run_time=BEAT)
            self.hold_poster()
