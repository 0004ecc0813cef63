"""RiemannSums: Rectangles under a curve, narrower and narrower: the left, right and midpoint
sums close in on the area, their errors shrinking.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from manim import (
    DOWN,
    LEFT,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    VGroup,
    Write,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s06_limits.shared import (
    about,
    equals,
    formula_lines,
    spoken_formula,
    table_layouts,
    written_with,
)
from scenes.s10_integrals.shared import (
    INTERVAL_RULE,
    RULE_COLOURS,
    RULE_SYMBOLS,
    AreaScene,
    polynomial_tex,
)
from scenes.style import (
    BEAT,
    GAP,
    HIGHLIGHT,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    fmt,
    num,
    tex,
)

RULES = ("left", "right", "midpoint")
WHERE = {"left": "left edge", "right": "right edge", "midpoint": "middle"}


def table_kind(numbers: Mapping[str, list[float]]) -> str:
    """Five decimals for a table of small numbers; two when one reaches 10, so four fit."""
    largest = max(abs(v) for values in numbers.values() for v in values)
    return "table" if largest < 10 else "value"


def more_strips_each_time(values: Mapping[str, Any]) -> bool:
    return all(a < b for a, b in itertools.pairwise(values["counts"]))


class RiemannSums(AreaScene):
    """Left, right and midpoint sums of f over [a, b] with n growing, against the exact area."""

    coefficients = (1.0, 0.0, 1.0)  # f(x) = x^2 + 1, highest power first
    interval = (0.0, 2.0)  # [a, b]
    counts = (4, 8, 16, 32, 64)  # numbers of strips, the first worked rule by rule
    domain = Domain(
        coefficients=Vector((2, 4), -5, 5),
        interval=Vector(2, -5, 5),
        counts=Vector((3, 6), 1, 200, integer=True),
        rules=(
            written_with("coefficients", 2),
            written_with("interval", 2),
            INTERVAL_RULE,
            Rule("must grow from each sum to the next", ("counts",), more_strips_each_time),
            Rule(
                "must not be a constant: its rectangles would fit it exactly",
                ("coefficients",),
                lambda values: any(float(c) != 0 for c in values["coefficients"][:-1]),
            ),
        ),
    )

    def construct(self) -> None:
        self.a, self.b = (float(v) for v in self.interval)
        self.n_values = [int(n) for n in self.counts]
        f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.exact = calculus.definite_integral(f, self.a, self.b)
        self.sums = {
            rule: [calculus.riemann_sum(f, self.a, self.b, n, rule) for n in self.n_values]
            for rule in RULES
        }
        self.errors = {rule: [s - self.exact for s in sums] for rule, sums in self.sums.items()}
        self.formula = polynomial_tex(self.coefficients)
        self.introduce_area()
        for rule in RULES:
            self.first_sum(rule)
        self.refine()
        self.show_errors()
        self.show_summary()

    # -- pieces --------------------------------------------------------------------------

    def rectangles(self, n: int, rule: str) -> VGroup:
        records = calculus.riemann_rectangles(self.f, self.a, self.b, n, rule)
        return self.bars(records, RULE_COLOURS[rule])

    def table_headers(self) -> tuple:
        return (
            tex("n", color=MUTED),
            *(tex(f"{RULE_SYMBOLS[r]}_n", color=RULE_COLOURS[r]) for r in RULES),
        )

    def rows(self, numbers: Mapping[str, list[float]]) -> list[tuple[str, ...]]:
        kind = table_kind(numbers)
        return [
            (str(n), *(num(numbers[r][k], kind) for r in RULES))
            for k, n in enumerate(self.n_values)
        ]

    # -- beats ---------------------------------------------------------------------------

    def introduce_area(self) -> None:
        a, b = fmt(self.a), fmt(self.b)
        with self.beat(
            f"The area under f(x) = {spoken_formula(self.formula)} from {a} to {b}. Adaptive "
            f"quadrature in lib gives it as {about(self.exact, 'table')}. Let's close in on "
            "it with rectangles."
        ):
            self.heading = style.title("Riemann sums")
            graph = self.graph_function(self.coefficients, self.a, self.b)
            self.area = self.area_under(self.a, self.b, HIGHLIGHT, opacity=0.3)
            self.column_left = self.axes.get_right()[0] + GAP * 1.2
            bounds = rf"\int_{{{num(self.a)}}}^{{{num(self.b)}}}"
            value = (equals((self.exact, "table")), num(self.exact, "table"))
            self.definition = self.fit_column(  # on one line, else f(x) first
                formula_lines(("I", "=", rf"{bounds} {self.formula}\,dx", *value), colour=RESULT),
                formula_lines(
                    ("f(x)", "=", self.formula),
                    ("I", "=", rf"{bounds} f(x)\,dx", *value),
                    colour=RESULT,
                ),
            )
            self.definition.next_to(self.heading, DOWN, buff=GAP).set_x(
                self.column_left + self.definition.width / 2
            )
            self.play(FadeIn(self.heading), Create(graph), run_time=BEAT)
            self.play(FadeIn(self.area), Write(self.definition), run_time=BEAT)
            self.show("exact", self.exact)
            self.wait(PAUSE)

    def first_sum(self, rule: str) -> None:
        n, value = self.n_values[0], self.sums[rule][0]
        symbol = f"{RULE_SYMBOLS[rule]}_{{{n}}}"
        lead = f"Cut [{fmt(self.a)}, {fmt(self.b)}] into {n} strips. " if rule == "left" else ""
        with self.beat(
            f"{lead}{rule.capitalize()} rule: each rectangle as tall as f at its strip's "
            f"{WHERE[rule]}. Their areas add up to {about(value, 'table')}."
        ):
            records = calculus.riemann_rectangles(self.f, self.a, self.b, n, rule)
            bars = self.bars(records, RULE_COLOURS[rule])
            samples = VGroup(
                *(
                    Dot(self.axes.c2p(r.sample_x, r.height), radius=0.07, color=HIGHLIGHT)
                    for r in records
                )
            )
            line = tex(
                rf"{symbol} = \sum f(x_k^*)\,\Delta x",
                equals((value, "table")),
                num(value, "table"),
            )
            line = self.fit_column(lambda: line.set_color(RULE_COLOURS[rule]))
            if rule == "left":
                self.lines = []
            anchor = self.lines[-1] if self.lines else self.definition
            line.next_to(anchor, DOWN, buff=GAP * 0.8, aligned_edge=LEFT)
            if rule == "left":
                self.play(FadeOut(self.area), Create(bars), run_time=BEAT)
            else:
                self.play(ReplacementTransform(self.bars_now, bars), run_time=BEAT)
            self.play(FadeIn(samples), run_time=QUICK)
            self.play(Write(line), run_time=BEAT)
            self.play(FadeOut(samples), run_time=QUICK)
            self.lines.append(line)
            self.bars_now = bars
            self.show(f"first_{rule}", value)

    def refine(self) -> None:
        listed = ", ".join(str(n) for n in self.n_values[1:])
        last = self.n_values[-1]
        with self.beat(
            f"Now more and narrower strips: n = {listed}. With {last} strips the sums read "
            + ", ".join(f"{about(self.sums[r][-1], 'table')}" for r in RULES)
            + f": all three close in on {about(self.exact, 'table')}."
        ):
            self.table_block, self.statement = self.stack_in_column(
                self.definition,
                table_layouts(self.table_headers, self.rows(self.sums)),
                [self.limit_tex],
            )
            self.play(
                FadeOut(VGroup(*self.lines)),
                *(FadeIn(h) for h in self.table_block.headers),
                FadeIn(self.table_block.value_rows[0]),
                run_time=QUICK,
            )
            for n, row in zip(self.n_values[1:], self.table_block.value_rows[1:], strict=True):
                bars = self.rectangles(n, "midpoint")
                self.play(ReplacementTransform(self.bars_now, bars), run_time=QUICK)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
                self.bars_now = bars
            self.show("counts", tuple(self.n_values))
            self.show("sums", {r: tuple(v) for r, v in self.sums.items()})
            self.wait(QUICK)

    def limit_tex(self) -> VGroup:
        exact = num(self.exact, "table")
        line = tex(r"\lim_{n \to \infty} S_n", "=", "I", equals((self.exact, "table")), exact)
        line[-1].set_color(RESULT)
        return VGroup(line)

    def show_errors(self) -> None:
        left, middle = self.errors["left"], self.errors["midpoint"]
        with self.beat(
            "Subtract the exact area I to see each sum's error. They shrink toward zero as n "
            f"grows: the left sum's from {about(left[0], 'table')} to "
            f"{about(left[-1], 'table')}, the midpoint's from {about(middle[0], 'table')} to "
            f"{about(middle[-1], 'table')}."
        ):
            layout = 0 if len(self.table_block.headers) == 1 else 1
            errors = self.fit_column(
                table_layouts(self.error_headers, self.rows(self.errors))[layout]
            )
            errors.next_to(self.definition, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.table_block, errors), run_time=BEAT * 1.5)
            self.table_block = errors
            self.show("errors", {r: tuple(v) for r, v in self.errors.items()})
            self.wait(PAUSE)

    def error_headers(self) -> tuple:
        return (
            tex("n", color=MUTED),
            *(tex(f"{RULE_SYMBOLS[r]}_n - I", color=RULE_COLOURS[r]) for r in RULES),
        )

    def show_summary(self) -> None:
        with self.beat(
            "Narrower strips, smaller errors: in the limit every Riemann sum becomes the "
            "integral, the exact area under the curve."
        ):
            self.play(Write(self.statement), run_time=BEAT)
            self.hold_poster()
