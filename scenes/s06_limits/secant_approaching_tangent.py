"""SecantApproachingTangent: The slope of a secant through x = 2 tends to the tangent slope 6 as
the second point slides in.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Mobject,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    smooth,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s06_limits.shared import (
    Beside,
    GraphScene,
    about,
    around,
    box_of,
    boxes_meet,
    derivative_layouts,
    is_straight_line,
    legend_entry,
    place_clear,
    polynomial_tex,
    quotient_layouts,
    round_out,
    runs_upward,
    shown_exactly,
    spoken_formula,
    table_layouts,
    written_with,
    y_range_over,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    factor,
    fmt,
    num,
    tex,
)


def one_side(values: Mapping[str, Any]) -> bool:
    """Every stop above x0 or every stop below it, none at x0 and no two alike."""
    offsets = [float(s) - float(values["x0"]) for s in values["stops"]]
    same_side = all(o > 0 for o in offsets) or all(o < 0 for o in offsets)
    distances = sorted(round(abs(o), 6) for o in offsets)
    return same_side and all(a < b for a, b in itertools.pairwise(distances))


class SecantApproachingTangent(GraphScene):
    """A secant through x0 and a sliding second point; its slope tends to the tangent's."""

    coefficients = (1.0, 2.0, 2.0)  # f(x) = x^2 + 2x + 2: highest power first
    x0 = 2.0  # the fixed point P
    stops = (5.0, 3.0, 2.5, 2.1, 2.01, 2.001)  # where Q pauses (played farthest first)
    x_window = (0.0, 6.0)  # the x values the graph shows at least; it grows to hold the stops
    domain = Domain(
        coefficients=Vector((2, 4), -10, 10),
        x0=Number(-10, 10),
        stops=Vector((3, 8), -10, 10, places=3),
        x_window=Vector(2, -10, 10),
        rules=(
            written_with("coefficients", 2),
            written_with("x0", 2),
            written_with("stops", 3),
            Rule(
                "must put every stop on one side of x0 (all above it or all below it), none "
                "at x0 and no two at the same distance from it",
                ("x0", "stops"),
                one_side,
            ),
            runs_upward("x_window"),
        ),
    )

    def construct(self) -> None:
        self.point_x = float(self.x0)
        self.f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.path = sorted((float(s) for s in self.stops), key=lambda s: -abs(s - self.point_x))
        self.side = 1.0 if self.path[0] > self.point_x else -1.0  # Q's side of P
        self.slopes = calculus.secant_sequence(self.f, self.point_x, self.path)
        self.tangent = calculus.tangent_line(self.f, self.point_x)
        self.straight = is_straight_line(self.coefficients)
        self.formula = polynomial_tex(self.coefficients)
        self.introduce_function()
        self.place_points()
        self.write_first_quotient()
        self.slide_second_point()
        self.close_in()
        self.reveal_tangent()
        self.show_summary()

    # -- the graph ------------------------------------------------------------------------

    def x_extent(self) -> tuple[float, float, float]:
        """(start, stop, step) of the x axis: the window, grown to hold P and every stop."""
        xs = [*(float(x) for x in self.x_window), self.point_x, *self.path]
        return round_out(min(xs), max(xs), most=8)

    def y_extent(self) -> tuple[float, float, float]:
        """(start, stop, step) of the y axis: every value f takes over the x axis."""
        low, high = self.show(
            "f_extremes", calculus.polynomial_extremes(self.coefficients, *self.x_range[:2])
        )
        return y_range_over(low, high)

    def x1(self) -> float:
        """The second point's x, from the tracker: x0 + side * 10^gap."""
        return self.point_x + self.side * 10 ** self.gap.get_value()

    def gap_of(self, x1: float) -> float:
        return math.log10(abs(x1 - self.point_x))

    def slope_now(self) -> float:
        return calculus.secant_slope(self.f, self.point_x, self.x1())

    def line_with_slope(self, slope: float, **style_kwargs: object) -> Line:
        """The line through P with ``slope``, clipped to the axes' box."""
        return self.line_through(self.point_x, self.f(self.point_x), slope, **style_kwargs)

    def ghost(self, slope: float) -> Line:
        """A faint secant left behind where Q paused."""
        return self.line_with_slope(slope, color=MUTED, stroke_width=2, stroke_opacity=0.5)

    def q_label_now(self) -> Mobject:
        """Q's label beside its dot: on the side it had while that stays clear."""
        label = tex("Q", color=INPUT_2)
        q_point = self.axes.c2p(self.x1(), self.f(self.x1()))
        y0 = self.f(self.point_x)
        directions = [self.q_direction, DR, UR, DL, UL, RIGHT, DOWN, LEFT, UP]
        taken = place_clear(
            label,
            around(q_point, directions),
            region=self.graph_box(),
            avoid=[self.p_label, *self.graph_texts()],
            lines=self.keep_off(
                self.line_with_slope(self.slope_now()),
                Line(self.axes.c2p(self.x1(), y0), q_point),  # where rise and run are drawn
                Line(self.axes.c2p(self.point_x, y0), self.axes.c2p(self.x1(), y0)),
            ),
        )
        if isinstance(taken, Beside):
            self.q_direction = taken.direction
        return label

    # -- the column beside the graph --------------------------------------------------------

    def quotient_tex(self, x1: float) -> Mobject:
        """(f(x1) - f(x0)) / (x1 - x0) written out with lib's numbers, on as many lines as fit."""
        q = calculus.difference_quotient(self.f, self.point_x, x1 - self.point_x)
        self.show(f"quotient_at_{fmt(x1, 'approach')}", q)
        return self.fit_column(*quotient_layouts(q))

    def slope_rows(self) -> list[tuple[float, float]]:
        return list(zip(self.path, self.slopes, strict=True))

    def table_headers(self) -> tuple[Mobject, Mobject]:
        return tex("x_1", color=INPUT_2), tex(r"\text{slope}", color=HIGHLIGHT)

    # -- beats --------------------------------------------------------------------------

    def introduce_function(self) -> None:
        with self.beat(
            f"Here is f(x) = {spoken_formula(self.formula)}. How steep is it at "
            f"x = {fmt(self.point_x)}? A slope needs two points, so we start with two."
        ):
            heading = self.heading = style.title("From secant to tangent")
            self.x_range = self.show("x_range", self.x_extent())
            self.y_range = self.show("y_range", self.y_extent())
            self.axes = self.fitted_axes()
            curve = self.axes.plot(self.f, x_range=self.x_range[:2], color=INPUT, stroke_width=5)
            self.column_left = self.axes.get_right()[0] + GAP * 1.6
            self.definition = self.fit_column(lambda: tex("f(x)", "=", self.formula))
            self.definition[0].set_color(INPUT)
            self.definition.move_to(
                [self.column_left, heading.get_bottom()[1] - GAP * 1.4, 0], aligned_edge=LEFT
            )
            self.play(FadeIn(heading), Create(self.axes), run_time=BEAT)
            self.play(Create(curve), Write(self.definition), run_time=BEAT * 1.5)
            self.curve = curve
            self.wait(QUICK)

    def place_points(self) -> None:
        x0, start = self.point_x, self.path[0]
        with self.beat(
            f"Fix the point P at x = {fmt(x0)} and take a second point Q at "
            f"x = {fmt(start, 'approach')}. The line through them is a secant, and its slope "
            "is rise over run."
        ):
            self.gap = ValueTracker(self.gap_of(start))
            p_point = self.axes.c2p(x0, self.f(x0))
            self.p_dot = Dot(p_point, radius=0.09, color=INPUT)
            self.p_label = tex("P", size=BODY_SIZE, color=INPUT)
            covered = self.place_label(
                self.p_label,
                around(p_point, (UL, UR, DR, DL, UP, DOWN, LEFT, RIGHT)),
                lines=self.keep_off(
                    self.line_with_slope(self.tangent.slope),
                    self.line_with_slope(self.slopes[0]),
                    Line(p_point, self.axes.c2p(start, self.f(x0))),  # where the run is drawn
                ),
            )
            names = list(self.axes.axis_labels)
            covered += [  # tick numbers under the dot itself
                tick
                for tick in self.graph_texts()
                if tick not in names and boxes_meet(box_of(tick), box_of(self.p_dot), 0.0)
            ]
            self.q_direction = DR
            self.q_dot = always_redraw(
                lambda: Dot(self.axes.c2p(self.x1(), self.f(self.x1())), radius=0.09, color=INPUT_2)
            )
            self.q_label = always_redraw(self.q_label_now)
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
            self.play(
                FadeIn(self.p_dot, scale=1.5),
                FadeIn(self.p_label),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=QUICK,
            )
            self.play(FadeIn(self.q_dot, scale=1.5), FadeIn(self.q_label), run_time=QUICK)
            self.play(Create(self.secant), FadeIn(readouts), run_time=BEAT)
            self.readouts = readouts
            self.wait(QUICK)

    def write_first_quotient(self) -> None:
        start = self.path[0]
        q = calculus.difference_quotient(self.f, self.point_x, start - self.point_x)
        with self.beat(
            f"Run: {fmt(q.h, 'approach')}. Rise: {about(q.f_x0_plus_h)} minus "
            f"{about(q.f_x0, shown=factor)}, that is {about(q.rise)}. The slope is "
            f"{about(q.rise)} over {fmt(q.h, 'approach')}: {about(q.slope, 'approach')}."
        ):
            legs, run_label, rise_label, covered = self.rise_and_run(
                q, self.p_dot, avoid=[self.p_label, self.q_label_now()], slope=self.slopes[0]
            )
            self.quotient = self.quotient_tex(start)
            self.quotient.next_to(self.readouts, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(
                Create(legs[0]),
                FadeIn(run_label),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=BEAT,
            )
            self.play(*(Create(leg) for leg in legs[1:]), FadeIn(rise_label), run_time=BEAT)
            self.play(Write(self.quotient), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.play(
                FadeOut(VGroup(legs, run_label, rise_label)),
                *(tick.animate.set_opacity(1) for tick in covered),
                run_time=QUICK,
            )

    def slide_second_point(self) -> None:
        target = self.path[len(self.path) // 2]
        q = calculus.difference_quotient(self.f, self.point_x, target - self.point_x)
        with self.beat(
            f"Slide Q toward P. At x = {fmt(target, 'approach')} Q is only "
            f"{fmt(abs(q.h), 'approach')} from P, and the slope is {about(q.slope, 'approach')}."
        ):
            self.ghosts = VGroup(self.ghost(self.slopes[0]))
            self.add(self.ghosts)
            self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
            self.play(
                self.gap.animate.set_value(self.gap_of(target)),
                run_time=BEAT * 4,
                rate_func=smooth,
            )
            second = self.quotient_tex(target).move_to(self.quotient, aligned_edge=UP + LEFT)
            self.play(ReplacementTransform(self.quotient, second), run_time=BEAT)
            self.quotient = second
            self.wait(PAUSE)

    def approach_words(self) -> str:
        """What the table's slopes do, in words true of these numbers."""
        target = about(self.tangent.slope, "slope")
        if self.straight:
            return f"Every slope is {target}: on a straight line each secant is the line itself."
        listed = ", ".join(fmt(s, "approach") for s in self.slopes)
        distances = [abs(s - self.tangent.slope) for s in self.slopes]
        steady = all(b <= a + 1e-12 for a, b in itertools.pairwise(distances))
        trend = "They are closing in on" if steady else "As the run shrinks they head for"
        return f"The slopes read {listed}. {trend} {target}."

    def close_in(self) -> None:
        with self.beat("Closer still: each step shrinks the run. " + self.approach_words()):
            rows = [(num(x, "approach"), num(s, "approach")) for x, s in self.slope_rows()]
            self.table_block, self.statement = self.stack_in_column(
                self.definition,
                table_layouts(self.table_headers, rows),
                derivative_layouts(self.point_x, self.tangent.slope),
            )
            self.play(FadeOut(self.quotient), FadeOut(self.readouts), run_time=QUICK)
            self.play(*(FadeIn(h) for h in self.table_block.headers), run_time=QUICK)
            for index, (x1, row) in enumerate(
                zip(self.path, self.table_block.value_rows, strict=True)
            ):
                self.play(
                    self.gap.animate.set_value(self.gap_of(x1)),
                    run_time=QUICK if index < 4 else BEAT,
                    rate_func=smooth,
                )
                ghost = self.ghost(self.slopes[index])
                self.ghosts.add(ghost)
                self.add(ghost)
                self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.show("stops", tuple(self.path))
            self.show("slopes", tuple(self.slopes))
            self.wait(QUICK)

    def reveal_tangent(self) -> None:
        slope = about(self.tangent.slope, "slope")
        derivative = f"f'({fmt(self.point_x)}) " + (
            "=" if shown_exactly(self.tangent.slope, "slope") else "is"
        )
        if self.straight:
            said = (
                f"As Q reaches P nothing changes: the tangent to a straight line is the line "
                f"itself, with slope {slope}. That limit is the derivative, {derivative} {slope}."
            )
        else:
            said = (
                "In the limit, as Q reaches P, the secant becomes the tangent: the line that "
                f"touches the curve at P, with slope {slope}. That limit is the derivative, "
                f"{derivative} {slope}."
            )
        with self.beat(said):
            self.tangent_line = self.line_with_slope(
                self.tangent.slope, color=RESULT, stroke_width=6
            )
            self.play(
                FadeOut(self.q_dot), FadeOut(self.q_label), FadeOut(self.secant), run_time=QUICK
            )
            self.play(Create(self.tangent_line), run_time=BEAT * 1.5)
            self.play(Write(self.statement), run_time=BEAT * 1.5)
            self.show("tangent_slope", self.tangent.slope)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        said = (
            "Secant slopes from farther and nearer points funnel into one number: the slope "
            "of the tangent, the derivative at that point."
        )
        if self.straight:
            said = (
                "On a straight line every secant slope is the same number: the slope of the "
                "tangent, the derivative at that point."
            )
        with self.beat(said):
            legend = VGroup(legend_entry("secants", MUTED), legend_entry("tangent", RESULT))
            legend.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            covered = self.place_legend(
                legend,
                lines=self.keep_off(self.tangent_line, *self.ghosts, self.p_dot),
                avoid=[self.p_label],
                beside=[
                    Beside(self.statement, DOWN, GAP),
                    Beside(self.table_block, RIGHT, GAP * 1.6),
                ],
                shown=[self.definition, self.table_block, self.statement],
            )
            self.play(
                FadeIn(legend),
                self.ghosts.animate.set_stroke(opacity=0.8),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=BEAT,
            )
            self.hold_poster()
