"""IntegralRules: an antiderivative of a polynomial by the power, constant multiple and sum
rules, checked by differentiating it back and against numerical integration.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manim import LEFT, FadeIn, FadeOut, ReplacementTransform, VGroup, Write, config

from lib import calculus, rules
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s06_limits.shared import about, equals, table, written_with
from scenes.s10_integrals.shared import (
    INTERVAL_RULE,
    AreaScene,
    antiderivative_rows,
    antiderivative_term_tex,
    antiderivative_tex,
    equations,
    polynomial_tex,
    power_tex,
    said,
    written,
)
from scenes.style import (
    BEAT,
    GAP,
    HIGHLIGHT,
    INPUT,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    factor,
    fmt,
    num,
    tex,
)


def two_terms(values: Mapping[str, Any]) -> bool:
    return sum(1 for c in values["coefficients"] if float(c) != 0) >= 2


def term_row(coefficient: float, power: int) -> tuple[str, ...]:
    """``\\int 3x^{2}\\,dx = 3 \\cdot \\frac{x^{3}}{3} = x^{3}``: one term, by the rules."""
    raised = power + 1
    powered = "x" if raised == 1 else rf"\frac{{x^{{{raised}}}}}{{{raised}}}"
    result = antiderivative_term_tex(coefficient, power)
    middle = rf"{factor(coefficient)} \cdot {powered}"
    return (rf"\int {power_tex(coefficient, power)}\,dx", "=", middle, "=", result)


class IntegralRules(AreaScene):
    """F for a polynomial f, term by term; F' = f and F(b) - F(a) = the numerical integral."""

    coefficients = (3.0, -4.0, 2.0)  # f(x) = 3x^2 - 4x + 2, highest power first
    interval = (0.0, 2.0)  # [a, b], where F(b) - F(a) is checked
    domain = Domain(
        coefficients=Vector((2, 4), -5, 5),
        interval=Vector(2, -5, 5),
        rules=(
            written_with("coefficients", 2),
            written_with("interval", 2),
            INTERVAL_RULE,
            Rule("must have at least two non-zero terms (a sum)", ("coefficients",), two_terms),
        ),
    )

    def construct(self) -> None:
        self.a, self.b = (float(v) for v in self.interval)
        self.example = rules.integral_rules(self.coefficients)  # every number, from lib
        F = self.example.antiderivative
        self.check_xs = (self.a, (self.a + self.b) / 2, self.b)
        self.slopes = [calculus.derivative(F, x) for x in self.check_xs]
        self.values = [self.example.f(x) for x in self.check_xs]
        self.F_a, self.F_b = F(self.a), F(self.b)
        self.by_rules = self.example.definite(self.a, self.b)
        f = calculus.polynomial(self.coefficients)
        self.quad = calculus.definite_integral(f, self.a, self.b)
        self.formula = polynomial_tex(self.example.coefficients)
        self.F_formula = antiderivative_tex(self.example)
        self.introduce()
        self.state_rules()
        self.apply_term_by_term()
        self.differentiate_back()
        self.evaluate_between()
        self.show_summary()

    # -- beats ---------------------------------------------------------------------------

    def introduce(self) -> None:
        with self.beat(
            f"f(x) = {said(self.formula)}. An antiderivative of f is a function F whose "
            "derivative is f. Three rules find one for any polynomial, term by term."
        ):
            self.heading = style.title("Antiderivatives by rules")
            graph = self.graph_function(self.coefficients, self.a, self.b)
            self.column_left = self.axes.get_right()[0] + GAP * 1.2
            self.definition = self.fit_column(
                lambda: equations(("f(x)", "=", self.formula), ("F'(x)", "=", "f(x)"))
            )
            self.definition[0][-1].set_color(INPUT)
            self.place(self.definition, self.heading)
            self.play(FadeIn(self.heading), Write(graph), run_time=BEAT)
            self.play(Write(self.definition), run_time=BEAT)
            self.show("f", self.example.coefficients)

    def state_rules(self) -> None:
        with self.beat(
            "The power rule: the integral of x to the n is x to the n + 1 over n + 1. The "
            "constant multiple rule keeps a constant in front. The sum rule integrates a sum "
            "term by term. Each answer is one antiderivative; adding any constant C gives "
            "the others."
        ):
            self.rules = self.fit_column(
                lambda: equations(
                    (r"\int x^n\,dx", "=", r"\frac{x^{n+1}}{n+1} + C"),
                    (r"\int c\,g\,dx", "=", r"c \int g\,dx"),
                    (r"\int (g + h)\,dx", "=", r"\int g\,dx + \int h\,dx"),
                )
            )
            self.place(self.rules, self.definition)
            for line in self.rules:
                self.play(Write(line), run_time=BEAT)
            self.wait(QUICK)

    def apply_term_by_term(self) -> None:
        e = self.example
        pairs = [
            f"{said(power_tex(c, k))} gives {said(antiderivative_term_tex(c, k))}"
            for c, k in e.terms
        ]
        with self.beat(
            "Term by term: each power goes up by one and is divided by the new power, its "
            f"coefficient kept in front: {'; '.join(pairs)}. The sum rule adds them: "
            f"F(x) = {said(self.F_formula)} + C."
        ):
            rows = [term_row(c, k) for c, k in e.terms]
            layouts = self.legible(
                [lambda w=w: written(w) for w in antiderivative_rows(e, tail=("+ C",))]
            )
            self.terms, self.antiderivative = self.stack_in_column(
                self.definition, [lambda: equations(*rows)], layouts
            )
            crowded = self.overflows(self.antiderivative)
            if crowded:  # F' = f makes room, and the rows shrink as far as they stay legible
                self.terms, self.antiderivative = self.stack_in_column(
                    self.definition[0], [lambda: equations(*rows)], layouts
                )
                for block in (self.terms, self.antiderivative):  # at the column's left edge
                    block.set_x(self.column_left + block.width / 2)
                self.squeeze(VGroup(self.terms, self.antiderivative))
                self.play(FadeOut(self.definition[1]), run_time=QUICK)
            self.play(FadeOut(self.rules), run_time=QUICK)
            for line in self.terms:
                self.play(Write(line), run_time=BEAT)
            self.play(Write(self.antiderivative), run_time=BEAT)
            self.show("F", e.term_antiderivatives)
            self.show("F_tex", self.F_formula)

    def differentiate_back(self) -> None:
        xs = ", ".join(fmt(x) for x in self.check_xs)
        with self.beat(
            f"Check: differentiate F back. lib's numerical derivative of F at x = {xs} gives "
            + ", ".join(about(s) for s in self.slopes)
            + ", the values of f there: F' = f. The constant C has no slope."
        ):
            f_row = [("f(x)", "=", self.formula)]
            functions = self.fit_column(
                *(
                    lambda w=w: written(w, before=f_row)
                    for w in antiderivative_rows(self.example, tail=("+ C",))
                )
            )
            functions[0][-1].set_color(INPUT)
            self.place(functions, self.heading)
            tables = self.legible([self.check_table, self.check_table_across])
            definite = self.legible(self.definite_layouts())
            self.check, self.definite = self.stack_in_column(functions, tables, definite)
            self.check_leaves = self.definite.get_bottom()[1] < -config.frame_height / 2 + MARGIN
            if self.check_leaves:  # no room for both: F(b) - F(a) takes the table's place
                (self.check,) = self.stack_in_column(functions, tables)
                (self.definite,) = self.stack_in_column(functions, definite)
            self.play(FadeOut(self.terms), run_time=QUICK)
            self.play(
                ReplacementTransform(VGroup(self.definition, self.antiderivative), functions),
                run_time=BEAT,
            )
            self.play(FadeIn(self.check.rows[0]), run_time=QUICK)
            for row in self.check.rows[1:]:
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.show("check_xs", self.check_xs)
            self.show("slopes", tuple(self.slopes))
            self.show("values", tuple(self.values))
            self.wait(QUICK)

    def check_table(self) -> VGroup:
        headers = (tex("x", color=MUTED), tex("F'(x)", color=RESULT), tex("f(x)", color=INPUT))
        rows = [
            (num(x), num(s), num(v))
            for x, s, v in zip(self.check_xs, self.slopes, self.values, strict=True)
        ]
        return table(headers, rows)

    def check_table_across(self) -> VGroup:
        """The same table on its side: a row of x, of F'(x) and of f(x)."""
        headers = (tex("x", color=MUTED), *(tex(num(x), color=MUTED) for x in self.check_xs))
        rows = [("F'(x)", *map(num, self.slopes)), ("f(x)", *map(num, self.values))]
        grid = table(headers, rows)
        grid.rows[1][0].set_color(RESULT)
        grid.rows[2][0].set_color(INPUT)
        return grid

    def definite_layouts(self) -> list:
        """F(b) - F(a) and quad's value: on two lines, or on four when one is too wide."""
        shown = ((self.F_a, "value"), (self.F_b, "value"), (self.by_rules, "value"))
        bounds = rf"\int_{{{num(self.a)}}}^{{{num(self.b)}}} f\,dx"
        difference = rf"F({num(self.b)}) - F({num(self.a)})"
        values = rf"{num(self.F_b)} - {factor(self.F_a, 'value')}"
        quad = (r"\text{quad}", equals((self.quad, "value")), num(self.quad))
        sign = equals(*shown)
        return [
            lambda: equations(
                (bounds, "=", difference, sign, values, sign, num(self.by_rules)),
                quad,
                colours={0: RESULT, 1: HIGHLIGHT},
            ),
            lambda: equations(
                (bounds, "=", difference),
                ("", sign, values),
                ("", sign, num(self.by_rules)),
                quad,
                colours={2: RESULT, 3: HIGHLIGHT},
            ),
        ]

    def evaluate_between(self) -> None:
        a, b = fmt(self.a), fmt(self.b)
        with self.beat(
            f"Then the integral of f from {a} to {b}, its signed area, is F({b}) - F({a}). "
            f"F({b}) = {about(self.F_b)} and F({a}) = {about(self.F_a)}, a difference of "
            f"{about(self.by_rules)}. Adaptive "
            f"quadrature in lib, which never saw the rules, gives {about(self.quad)} too."
        ):
            area = self.area_under(self.a, self.b, HIGHLIGHT, opacity=0.3)
            leaving = [FadeOut(self.check)] if self.check_leaves else []
            self.play(FadeIn(area), *leaving, run_time=QUICK)
            for line in self.definite:
                self.play(Write(line), run_time=BEAT * 0.8)
            self.show("F_a", self.F_a)
            self.show("F_b", self.F_b)
            self.show("by_rules", self.by_rules)
            self.show("quad", self.quad)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "The power, constant multiple and sum rules give F; F differentiates back to f, "
            "and F(b) - F(a) is the area numerical integration finds."
        ):
            box = style.highlight_box(self.definite[-2], color=RESULT)
            self.play(Write(box), run_time=QUICK)
            self.hold_poster()
