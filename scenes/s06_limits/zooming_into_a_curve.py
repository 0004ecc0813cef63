"""ZoomingIntoACurve: Zoomed in far enough, a smooth curve looks straight: its bend over the
window shrinks away, and what is left is its tangent line.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Rectangle,
    ReplacementTransform,
    VGroup,
    Write,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s06_limits.shared import (
    GRAPH_HEIGHT,
    GRAPH_WIDTH,
    GraphScene,
    about,
    box_of,
    boxes_meet,
    is_straight_line,
    legend_entry,
    polynomial_tex,
    spoken_formula,
    table_layouts,
    written_with,
)
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    fmt,
    num,
    tex,
)


def closing_in(values: Mapping[str, Any]) -> bool:
    return all(float(a) > float(b) for a, b in itertools.pairwise(values["zooms"]))


class ZoomingIntoACurve(GraphScene):
    """A curve in ever smaller windows about one point: it straightens into its tangent."""

    coefficients = (1.0, 0.0, -3.0, 1.0)  # f(x) = x^3 - 3x + 1, highest power first
    x0 = 1.2  # the point zoomed in on
    zooms = (1.0, 0.3, 0.1, 0.03, 0.01)  # half the window's width at each zoom, in x
    tick_kind = "table"  # small windows need more decimals on their ticks
    domain = Domain(
        coefficients=Vector((3, 4), -5, 5),
        x0=Number(-5, 5),
        zooms=Vector((3, 6), 0.005, 5, places=3),
        rules=(
            written_with("coefficients", 2),
            written_with("x0", 2),
            written_with("zooms", 3),
            Rule("must shrink from each zoom to the next", ("zooms",), closing_in),
            Rule(
                "must have a term in x^2 or x^3: a straight line has nothing to straighten",
                ("coefficients",),
                lambda values: not is_straight_line(values["coefficients"]),
            ),
        ),
    )

    def construct(self) -> None:
        self.point_x = float(self.x0)
        self.f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.y0 = self.f(self.point_x)
        self.slope = calculus.derivative(self.f, self.point_x)
        self.halves = [float(w) for w in self.zooms]
        first = self.halves[0]
        low, high = calculus.polynomial_extremes(
            self.coefficients, self.point_x - first, self.point_x + first
        )
        reach = max(high - self.y0, self.y0 - low) / first  # the first window holds the curve
        self.aspect = max(GRAPH_HEIGHT / GRAPH_WIDTH, 1.2 * abs(self.slope), 1.05 * reach)
        self.gaps = [
            calculus.chord_gap(self.f, self.point_x - w, self.point_x + w) for w in self.halves
        ]
        self.bends = [
            gap / (2 * w * self.aspect) for gap, w in zip(self.gaps, self.halves, strict=True)
        ]
        self.formula = polynomial_tex(self.coefficients)
        self.introduce_curve()
        self.zoom_in()
        self.reveal_tangent()
        self.show_summary()

    # -- one zoom level --------------------------------------------------------------------

    def window(self, w: float) -> VGroup:
        """Axes over [x0 - w, x0 + w] by f(x0) -/+ aspect w, the curve inside, the chord."""
        h = w * self.aspect
        self.x_range = (self.point_x - w, self.point_x + w, w / 2)
        self.y_range = (self.y0 - h, self.y0 + h, h / 2)
        self.axes = self.fitted_axes()
        xs = np.linspace(self.point_x - w, self.point_x + w, 801)
        ys = np.array([self.f(float(x)) for x in xs])
        inside = np.abs(ys - self.y0) <= h
        runs = [
            [float(x) for x, _ in group]
            for keep, group in itertools.groupby(zip(xs, inside, strict=True), key=lambda p: p[1])
            if keep
        ]
        self.curve = VGroup(
            *(
                self.axes.plot(
                    self.f, x_range=(run[0], run[-1], w / 100), color=INPUT, stroke_width=5
                )
                for run in runs
                if len(run) > 1
            )
        )
        a = self.point_x - w
        slope = calculus.secant_slope(self.f, a, self.point_x + w)
        through = self.line_through(a, self.f(a), slope)
        chord = DashedLine(through.get_start(), through.get_end(), color=MUTED, stroke_width=3)
        dot = Dot(self.axes.c2p(self.point_x, self.y0), radius=0.08, color=HIGHLIGHT)
        for axis in self.axes.axes:  # no tick number under the point
            labels = getattr(axis, "labels", [])
            for label in [m for m in labels if boxes_meet(box_of(m), box_of(dot), BUFF * 0.5)]:
                labels.remove(label)
        style.clear_tick_numbers(self.axes, *self.curve, through, pad=BUFF * 0.3)
        return VGroup(self.axes, chord, self.curve, dot)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (num(2 * w, "table"), num(gap, "table"), num(bend, "ratio"))
            for w, gap, bend in zip(self.halves, self.gaps, self.bends, strict=True)
        ]

    def table_headers(self) -> tuple:
        return (
            tex(r"\text{width}", color=INPUT_2),
            tex(r"\text{gap}", color=MUTED),
            tex(r"\text{bend}", color=HIGHLIGHT),
        )

    # -- beats ---------------------------------------------------------------------------

    def introduce_curve(self) -> None:
        w = self.halves[0]
        with self.beat(
            f"Here is f(x) = {spoken_formula(self.formula)} around x = {fmt(self.point_x)}, "
            f"in a window {fmt(2 * w, 'table')} wide. It bends away from the dashed straight "
            f"chord across the window by {about(self.gaps[0], 'table')}."
        ):
            self.heading = style.title("Zooming in on a curve")
            self.graph = self.window(w)
            self.column_left = self.axes.get_right()[0] + GAP * 1.4
            self.definition = self.fit_column(lambda: tex("f(x)", "=", self.formula))
            self.definition[0].set_color(INPUT)
            self.definition.next_to(self.heading, DOWN, buff=GAP).set_x(
                self.column_left + self.definition.width / 2
            )
            self.table_block, self.statement = self.stack_in_column(
                self.definition, table_layouts(self.table_headers, self.rows()), [self.limit_tex]
            )
            self.play(FadeIn(self.heading), Create(self.graph[0]), run_time=BEAT)
            self.play(
                Create(self.graph[2]), Write(self.definition), FadeIn(self.graph[3]), run_time=BEAT
            )
            self.play(Create(self.graph[1]), run_time=QUICK)
            self.play(
                *(FadeIn(h) for h in self.table_block.headers),
                FadeIn(self.table_block.value_rows[0]),
                run_time=QUICK,
            )
            self.wait(QUICK)

    def zoom_in(self) -> None:
        with self.beat(
            "Zoom in on the point, again and again, keeping the window's shape. Each time the "
            f"bend is a smaller part of the window: down to {about(self.gaps[-1], 'table')} over a "
            f"width of {fmt(2 * self.halves[-1], 'table')}, "
            f"{fmt(self.bends[-1], 'ratio').replace(chr(92), '')} of its height."
        ):
            for w, row in zip(self.halves[1:], self.table_block.value_rows[1:], strict=True):
                h = w * self.aspect
                box = Rectangle(
                    width=self.axes.c2p(self.point_x + w, 0)[0]
                    - self.axes.c2p(self.point_x - w, 0)[0],
                    height=self.axes.c2p(0, self.y0 + h)[1] - self.axes.c2p(0, self.y0 - h)[1],
                    color=HIGHLIGHT,
                ).move_to(self.axes.c2p(self.point_x, self.y0))
                self.play(Create(box), run_time=QUICK)
                closer = self.window(w)
                self.play(
                    ReplacementTransform(VGroup(self.graph, box), closer),
                    FadeIn(row, shift=LEFT * 0.2),
                    run_time=BEAT,
                )
                self.graph = closer
            self.show("widths", tuple(2 * w for w in self.halves))
            self.show("gaps", tuple(self.gaps))
            self.show("bends", tuple(self.bends))
            self.wait(QUICK)

    def limit_tex(self) -> VGroup:
        line = tex(r"\text{slope} \to f'(" + num(self.point_x) + ")", "=", num(self.slope, "slope"))
        line[-1].set_color(RESULT)
        return VGroup(line)

    def reveal_tangent(self) -> None:
        with self.beat(
            "Up close the curve is all but straight: it is its tangent line, the line through "
            f"the point with slope f'({fmt(self.point_x)}) = {about(self.slope, 'slope')}."
        ):
            tangent = self.line_through(self.point_x, self.y0, self.slope, color=RESULT)
            tangent.set_stroke(width=14, opacity=0.45)
            self.play(Create(tangent), Write(self.statement), run_time=BEAT * 1.5)
            self.bring_to_front(self.graph[2], self.graph[3])  # the curve runs inside the band
            self.show("slope", self.slope)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "A smooth curve, seen closely enough, is a straight line: that is why a curve "
            "has a slope at each point, and why the derivative exists."
        ):
            legend = VGroup(legend_entry("f", INPUT), legend_entry("tangent", RESULT))
            legend.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            legend.next_to(self.statement, DOWN, buff=GAP, aligned_edge=LEFT)
            self.play(FadeIn(legend), FadeOut(self.graph[1]), run_time=BEAT)
            self.hold_poster()
