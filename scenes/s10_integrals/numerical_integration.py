"""NumericalIntegration: trapezoids with n growing, their errors against the exact value,
next to adaptive quadrature's value and error.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from manim import LEFT, Create, FadeIn, FadeOut, ReplacementTransform, VGroup, Write

from lib import calculus, rules
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s06_limits.shared import about, equals, table_layouts, written_with
from scenes.s10_integrals.shared import (
    INTERVAL_RULE,
    AreaScene,
    antiderivative_tex,
    equations,
    polynomial_tex,
    said,
)
from scenes.style import (
    BEAT,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    num,
    sci,
    sci_said,
    tex,
)

TRAPEZOID = INPUT_2  # the trapezoids, their values and errors
KIND = "table"  # five decimals: the estimates differ in the later digits
ROUNDING = 1e-12  # errors below this are the floats' rounding, not the method's


def more_pieces_each_time(values: Mapping[str, Any]) -> bool:
    return all(a < b for a, b in itertools.pairwise(values["counts"]))


def bends(values: Mapping[str, Any]) -> bool:
    return any(float(c) != 0 for c in values["coefficients"][:-2])


class NumericalIntegration(AreaScene):
    """The trapezoid rule with n growing and adaptive quadrature, against the exact area."""

    coefficients = (-1.0, 3.0, 0.0, 1.0)  # f(x) = -x^3 + 3x^2 + 1, highest power first
    interval = (0.0, 3.0)  # [a, b]
    counts = (2, 4, 8, 16, 32)  # numbers of trapezoids, the first drawn alone
    domain = Domain(
        coefficients=Vector((3, 4), -5, 5),
        interval=Vector(2, -5, 5),
        counts=Vector((3, 6), 1, 200, integer=True),
        rules=(
            written_with("coefficients", 2),
            written_with("interval", 2),
            INTERVAL_RULE,
            Rule("must grow from each estimate to the next", ("counts",), more_pieces_each_time),
            Rule(
                "must bend (a term in x^2 or x^3): trapezoids fit a straight line exactly",
                ("coefficients",),
                bends,
            ),
        ),
    )

    def construct(self) -> None:
        self.a, self.b = (float(v) for v in self.interval)
        self.n_values = [int(n) for n in self.counts]
        self.example = rules.integral_rules(self.coefficients)  # every number, from lib
        f = self.example.f
        self.exact = self.example.definite(self.a, self.b)
        self.estimates = [calculus.trapezoid(f, self.a, self.b, n) for n in self.n_values]
        self.errors = [t - self.exact for t in self.estimates]
        self.quad = calculus.adaptive_quadrature(f, self.a, self.b)
        self.quad_error = self.quad.value - self.exact
        self.formula = polynomial_tex(self.example.coefficients)
        self.introduce()
        self.first_trapezoids()
        self.refine()
        self.adaptive()
        self.show_summary()

    # -- beats ---------------------------------------------------------------------------

    def introduce(self) -> None:
        a, b = num(self.a), num(self.b)
        with self.beat(
            f"f(x) = {said(self.formula)} from {a} to {b}. Its antiderivative gives the exact "
            f"area: I = F({b}) - F({a}) = {about(self.exact, KIND)}. Now estimate it from "
            "values of f alone, as a computer does for any f."
        ):
            self.heading = style.title("Numerical integration")
            graph = self.graph_function(self.coefficients, self.a, self.b)
            self.column_left = self.axes.get_right()[0] + GAP * 1.2
            exact = (equals((self.exact, KIND)), num(self.exact, KIND))
            F = antiderivative_tex(self.example)
            self.definition = self.fit_column(
                lambda: equations(
                    ("f(x)", "=", self.formula),
                    ("I", "=", rf"F({b}) - F({a})", *exact),
                    colours={1: RESULT},
                ),
            )
            self.definition[0][-1].set_color(INPUT)
            self.place(self.definition, self.heading)
            self.play(FadeIn(self.heading), Create(graph), run_time=BEAT)
            self.play(Write(self.definition), run_time=BEAT)
            self.show("exact", self.exact)
            self.show("F_tex", F)

    def trapezoids(self, n: int) -> VGroup:
        pieces = calculus.trapezoid_pieces(self.f, self.a, self.b, n)
        return self.bars(pieces, TRAPEZOID, top=lambda p: (p.f_left, p.f_right))

    def first_trapezoids(self) -> None:
        n, value = self.n_values[0], self.estimates[0]
        with self.beat(
            f"The trapezoid rule: cut [{num(self.a)}, {num(self.b)}] into {n} pieces and join "
            "the curve's values at their ends by straight lines. The trapezoids' areas add up "
            f"to {about(value, KIND)}, off from I by {sci_said(self.errors[0])}."
        ):
            bars = self.trapezoids(n)
            line = self.fit_column(
                lambda: equations(
                    (
                        f"T_{{{n}}}",
                        "=",
                        r"\tfrac{\Delta x}{2}\left(f_0 + 2f_1 + \dots + f_n\right)",
                        equals((value, KIND)),
                        num(value, KIND),
                    )
                )
            )
            line[0][-1].set_color(TRAPEZOID)
            self.place(line, self.definition, buff=GAP * 0.8)
            self.play(Create(bars), run_time=BEAT)
            self.play(Write(line), run_time=BEAT)
            self.rule_line, self.bars_now = line, bars
            self.show("first", value)

    def rows(self) -> list[tuple[str, ...]]:
        rows = [
            (str(n), num(t, KIND), sci(e))
            for n, t, e in zip(self.n_values, self.estimates, self.errors, strict=True)
        ]
        return [*rows, (r"\text{quad}", num(self.quad.value, KIND), sci(self.quad_error))]

    def headers(self) -> tuple:
        return (
            tex("n", color=MUTED),
            tex(r"\text{estimate}", color=MUTED),
            tex(r"\text{estimate} - I", color=MUTED),
        )

    def refine(self) -> None:
        listed = ", ".join(str(n) for n in self.n_values[1:])
        last = self.n_values[-1]
        if max(abs(e) for e in self.errors) < ROUNDING:
            trend = "every one lands on I: here the trapezoids' overshoots and undershoots cancel"
        else:
            trend = (
                f"the error falls from {sci_said(self.errors[0])} to "
                f"{sci_said(self.errors[-1])} with {last} trapezoids"
            )
        with self.beat(
            f"More and narrower trapezoids: n = {listed}. Each estimate sits closer to I; {trend}."
        ):
            self.table_block = style.fit_width(self.choose_table(), self.column_width())
            self.play(FadeOut(self.rule_line), run_time=QUICK)
            self.play(
                *(FadeIn(h) for h in self.table_block.headers),
                FadeIn(self.table_block.value_rows[0]),
                run_time=QUICK,
            )
            rows = self.table_block.value_rows[1 : len(self.n_values)]
            for n, row in zip(self.n_values[1:], rows, strict=True):
                bars = self.trapezoids(n)
                self.play(ReplacementTransform(self.bars_now, bars), run_time=QUICK)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
                self.bars_now = bars
            self.show("counts", tuple(self.n_values))
            self.show("estimates", tuple(self.estimates))
            self.show("errors", tuple(self.errors))
            self.wait(QUICK)

    def choose_table(self) -> VGroup:
        layouts = self.legible(table_layouts(self.headers, self.rows()))
        (block,) = self.stack_in_column(self.definition, layouts)
        for cell in block.value_rows[-1]:
            cell.set_color(HIGHLIGHT)
        for row in block.value_rows[:-1]:
            row[-1].set_color(TRAPEZOID)
        return block

    def adaptive(self) -> None:
        q = self.quad
        error = (
            "0: exact to every digit"
            if self.quad_error == 0
            else f"{sci_said(self.quad_error)}, the size of the floats' own rounding"
            if abs(self.quad_error) < ROUNDING
            else sci_said(self.quad_error)
        )
        last = self.n_values[-1]
        with self.beat(
            "Adaptive quadrature, scipy's quad, samples f where it is most informative and "
            f"splits the interval only where its error estimate asks. With {q.evaluations} "
            f"values of f it gives {about(q.value, KIND)}, its error {error}; {last} "
            f"trapezoids used {last + 1} values and still missed by {sci_said(self.errors[-1])}."
        ):
            quad_row = self.table_block.value_rows[-1]
            self.play(FadeOut(self.bars_now), run_time=QUICK)
            self.play(FadeIn(quad_row, shift=LEFT * 0.2), run_time=BEAT)
            self.show("quad", q.value)
            self.show("quad_error", self.quad_error)
            self.show("quad_evaluations", q.evaluations)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        trapezoids = (
            "Here the trapezoids' errors cancel for every n"
            if max(abs(e) for e in self.errors) < ROUNDING
            else "Trapezoids close in on the exact value as n grows, their error shrinking like "
            "1 over n squared"
        )
        with self.beat(
            f"{trapezoids}; adaptive quadrature reaches it with a few well-placed values of f."
        ):
            area = self.area_under(self.a, self.b, RESULT, opacity=0.3)
            box = style.highlight_box(self.table_block.value_rows[-1], color=HIGHLIGHT)
            self.play(FadeIn(area), Create(box), run_time=BEAT)
            self.hold_poster()
