"""SecantApproachingTangent: The slope of a secant through x = 2 tends to the tangent slope 6 as
the second point slides in.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
    smooth,
)

from lib import calculus
from scenes import style
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
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
    text,
)


def parabola(x: float) -> float:
    """The course's example function, f(x) = x^2 + 2x + 2."""
    return x**2 + 2 * x + 2


class SecantApproachingTangent(LessonScene):
    """A secant through x0 and a sliding second point; its slope tends to the tangent's."""

    function: Callable[[float], float] = staticmethod(parabola)
    function_tex = "x^2 + 2x + 2"  # how f is written on screen
    x0 = 2.0  # the fixed point
    stops = (5.0, 3.0, 2.5, 2.1, 2.01, 2.001)  # where the second point pauses
    x_range = (0.0, 6.0, 1.0)
    y_range = (0.0, 50.0, 10.0)

    def construct(self) -> None:
        f = self.function
        self.slopes = calculus.secant_sequence(f, self.x0, self.stops)  # every number, from lib
        self.tangent = calculus.tangent_line(f, self.x0)
        self.introduce_function()
        self.place_points()
        self.write_first_quotient()
        self.slide_second_point()
        self.close_in()
        self.reveal_tangent()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def x1(self) -> float:
        """The second point's x, from the tracker: x0 + 10^gap_exponent."""
        return self.x0 + 10 ** self.gap.get_value()

    def slope_now(self) -> float:
        return calculus.secant_slope(self.function, self.x0, self.x1())

    def line_with_slope(self, slope: float, **style_kwargs: object) -> Line:
        """The line through P with ``slope``, clipped to the axes' box."""
        x_lo, x_hi = self.x_range[:2]
        y_lo, y_hi = self.y_range[:2]
        y0 = self.function(self.x0)
        xs = [x_lo, x_hi]
        if slope != 0:
            xs += [self.x0 + (y_lo - y0) / slope, self.x0 + (y_hi - y0) / slope]
        inside = sorted(
            x
            for x in xs
            if x_lo <= x <= x_hi and y_lo - 1e-9 <= y0 + slope * (x - self.x0) <= y_hi + 1e-9
        )
        start, end = inside[0], inside[-1]
        return Line(
            self.axes.c2p(start, y0 + slope * (start - self.x0)),
            self.axes.c2p(end, y0 + slope * (end - self.x0)),
            **style_kwargs,
        )

    def legend_entry(self, name: str, colour: str) -> VGroup:
        """A short line sample and its name, for the graph's legend."""
        sample = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
        return VGroup(sample, text(name, size=LABEL_SIZE, color=colour)).arrange(RIGHT)

    def quotient_tex(self, x1: float) -> style.MathTex:
        """(f(x1) - f(x0)) / (x1 - x0) written out with lib's numbers."""
        q = calculus.difference_quotient(self.function, self.x0, x1 - self.x0)
        x0s, x1s = num(q.x0, "approach"), num(q.x0_plus_h, "approach")
        formula = tex(
            rf"\frac{{f({x1s}) - f({x0s})}}{{{x1s} - {x0s}}}",
            "=",
            rf"\frac{{{num(q.f_x0_plus_h)} - {num(q.f_x0)}}}{{{num(q.h, 'approach')}}}",
            "=",
            num(q.slope, "approach"),
        )
        formula[-1].set_color(HIGHLIGHT)
        style.fit_width(formula, self.column_width())
        self.show(f"quotient_at_{fmt(x1, 'approach')}", q)
        return formula

    def column_width(self) -> float:
        """Width of the right-hand column, from its left edge to the safe margin."""
        return config.frame_width / 2 - MARGIN - self.column_left

    # -- beats --------------------------------------------------------------------------

    def introduce_function(self) -> None:
        with self.beat(
            f"Here is f(x) = {self.function_tex.replace('^2', ' squared')}. How steep is it "
            f"at x = {fmt(self.x0)}? A slope needs two points, so we start with two."
        ):
            heading = style.title("From secant to tangent")
            self.axes = style.axes(
                self.x_range, self.y_range, width=6.8, height=5.9, x_label="x", y_label="y"
            )
            self.axes.to_corner(LEFT + DOWN, buff=MARGIN)
            curve = self.axes.plot(
                self.function, x_range=self.x_range[:2], color=INPUT, stroke_width=5
            )
            self.definition = tex("f(x)", "=", self.function_tex)
            self.definition[0].set_color(INPUT)
            column_left = self.axes.get_right()[0] + GAP * 1.6
            self.definition.move_to(
                [column_left, heading.get_bottom()[1] - GAP * 1.4, 0], aligned_edge=LEFT
            )
            self.play(FadeIn(heading), Create(self.axes), run_time=BEAT)
            self.play(Create(curve), Write(self.definition), run_time=BEAT * 1.5)
            self.curve = curve
            self.column_left = column_left
            self.wait(QUICK)

    def place_points(self) -> None:
        x0, start = self.x0, self.stops[0]
        with self.beat(
            f"Fix the point P at x = {fmt(x0)} and take a second point Q at x = {fmt(start)}. "
            "The line through them is a secant, and its slope is rise over run."
        ):
            self.gap = ValueTracker(math.log10(start - x0))
            p_point = self.axes.c2p(x0, self.function(x0))
            self.p_dot = Dot(p_point, radius=0.09, color=INPUT)
            self.p_label = tex("P", size=BODY_SIZE, color=INPUT).next_to(p_point, UL, buff=BUFF)
            self.q_dot = always_redraw(
                lambda: Dot(
                    self.axes.c2p(self.x1(), self.function(self.x1())), radius=0.09, color=INPUT_2
                )
            )
            self.q_label = always_redraw(
                lambda: tex("Q", color=INPUT_2).next_to(self.q_dot, RIGHT + DOWN * 0.6, buff=BUFF)
            )
            self.secant = always_redraw(
                lambda: self.line_with_slope(self.slope_now(), color=INPUT_2, stroke_width=4)
            )
            self.x1_readout = style.readout("x_1 =", self.x1, "approach", color=INPUT_2)
            self.slope_readout = style.readout(
                r"\text{slope} =", self.slope_now, "approach", color=HIGHLIGHT
            )
            readouts = VGroup(self.x1_readout, self.slope_readout).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.5
            )
            readouts.next_to(self.definition, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(FadeIn(self.p_dot, scale=1.5), FadeIn(self.p_label), run_time=QUICK)
            self.play(FadeIn(self.q_dot, scale=1.5), FadeIn(self.q_label), run_time=QUICK)
            self.play(Create(self.secant), FadeIn(readouts), run_time=BEAT)
            self.readouts = readouts
            self.wait(QUICK)

    def write_first_quotient(self) -> None:
        start = self.stops[0]
        q = calculus.difference_quotient(self.function, self.x0, start - self.x0)
        with self.beat(
            f"Run: {fmt(q.h)}. Rise: {fmt(q.f_x0_plus_h)} minus {fmt(q.f_x0)}, that is "
            f"{fmt(q.rise)}. The slope is {fmt(q.rise)} over {fmt(q.h)}: {fmt(q.slope)}."
        ):
            corner = self.axes.c2p(start, q.f_x0)
            run = DashedLine(self.p_dot.get_center(), corner, color=MUTED)
            rise = DashedLine(corner, self.axes.c2p(start, q.f_x0_plus_h), color=MUTED)
            run_label = tex(rf"\text{{run}} = {num(q.h)}", size=LABEL_SIZE, color=MUTED)
            run_label.next_to(run, DOWN, buff=BUFF * 0.5)
            rise_label = tex(rf"\text{{rise}} = {num(q.rise)}", size=LABEL_SIZE, color=MUTED)
            rise_label.next_to(rise, LEFT, buff=BUFF * 0.5)
            self.quotient = self.quotient_tex(start)
            self.quotient.next_to(self.readouts, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(Create(run), FadeIn(run_label), run_time=BEAT)
            self.play(Create(rise), FadeIn(rise_label), run_time=BEAT)
            self.play(Write(self.quotient), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.play(FadeOut(VGroup(run, rise, run_label, rise_label)), run_time=QUICK)

    def slide_second_point(self) -> None:
        target = self.stops[3]
        q = calculus.difference_quotient(self.function, self.x0, target - self.x0)
        with self.beat(
            f"Slide Q toward P. At x = {fmt(target, 'approach')} the run is only "
            f"{fmt(q.h, 'approach')}, and the slope is {fmt(q.slope, 'approach')}."
        ):
            self.ghosts = VGroup(
                self.line_with_slope(
                    self.slopes[0], color=MUTED, stroke_width=2, stroke_opacity=0.5
                )
            )
            self.add(self.ghosts)
            self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
            self.play(
                self.gap.animate.set_value(math.log10(target - self.x0)),
                run_time=BEAT * 4,
                rate_func=smooth,
            )
            second = self.quotient_tex(target).move_to(self.quotient, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.quotient, second), run_time=BEAT)
            self.quotient = second
            self.wait(PAUSE)

    def close_in(self) -> None:
        with self.beat(
            "Closer still. Each step shrinks the run, and the slopes settle: "
            + ", ".join(fmt(s, "approach") for s in self.slopes)
            + f". They are closing in on {fmt(self.tangent.slope, 'slope')}."
        ):
            header = VGroup(
                tex("x_1", size=BODY_SIZE, color=INPUT_2),
                tex(r"\text{slope}", size=BODY_SIZE, color=HIGHLIGHT),
            )
            rows = [header]
            for x1, slope in zip(self.stops, self.slopes, strict=True):
                rows.append(VGroup(tex(num(x1, "approach")), tex(num(slope, "approach"))))
            cells = [c for row in rows for c in row]
            self.table = VGroup(*cells).arrange_in_grid(
                rows=len(rows), cols=2, buff=(GAP * 1.6, BUFF * 0.9), col_alignments="rr"
            )
            self.table.next_to(self.definition, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
            self.play(FadeOut(self.quotient), FadeOut(self.readouts), run_time=QUICK)
            self.play(FadeIn(header), run_time=QUICK)
            for index, (x1, row) in enumerate(zip(self.stops, rows[1:], strict=True)):
                self.play(
                    self.gap.animate.set_value(math.log10(x1 - self.x0)),
                    run_time=QUICK if index < 4 else BEAT,
                    rate_func=smooth,
                )
                ghost = self.line_with_slope(
                    self.slopes[index], color=MUTED, stroke_width=2, stroke_opacity=0.5
                )
                self.ghosts.add(ghost)
                self.add(ghost)
                self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.show("stops", tuple(self.stops))
            self.show("slopes", tuple(self.slopes))
            self.wait(QUICK)

    def reveal_tangent(self) -> None:
        slope = self.tangent.slope
        with self.beat(
            f"In the limit, as Q reaches P, the secant becomes the tangent: the line that "
            f"touches the curve at P, with slope {fmt(slope, 'slope')}. That limit is the "
            f"derivative, f'({fmt(self.x0)}) = {fmt(slope, 'slope')}."
        ):
            self.tangent_line = self.line_with_slope(slope, color=RESULT, stroke_width=6)
            self.limit = tex(
                rf"\lim_{{x_1 \to {num(self.x0)}}}",
                rf"\frac{{f(x_1) - f({num(self.x0)})}}{{x_1 - {num(self.x0)}}}",
                "=",
                num(slope, "slope"),
            )
            self.limit[-1].set_color(RESULT)
            derivative = tex(rf"= f'({num(self.x0)})", color=RESULT)
            statement = VGroup(self.limit, derivative).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            style.fit_width(statement, self.column_width())
            statement.next_to(self.table, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
            self.play(
                FadeOut(self.q_dot), FadeOut(self.q_label), FadeOut(self.secant), run_time=QUICK
            )
            self.play(Create(self.tangent_line), run_time=BEAT * 1.5)
            self.play(Write(statement), run_time=BEAT * 1.5)
            self.statement = statement
            self.show("tangent_slope", slope)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Secant slopes from farther and nearer points funnel into one number: the slope "
            "of the tangent, the derivative at that point."
        ):
            legend = VGroup(
                self.legend_entry("secants", MUTED), self.legend_entry("tangent", RESULT)
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            legend.next_to(self.axes.c2p(self.x_range[0], self.y_range[1]), RIGHT + DOWN, buff=GAP)
            self.play(FadeIn(legend), self.ghosts.animate.set_stroke(opacity=0.8), run_time=BEAT)
            self.hold_poster()
