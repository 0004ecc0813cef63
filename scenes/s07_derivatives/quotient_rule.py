"""QuotientRule: d/dx (u / v) = (u' v - u v') / v^2, worked for x / (x^2 + 1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lib import calculus, rules
from scenes.inputs import Domain, Rule, Vector
from scenes.s07_derivatives.shared import (
    WINDOW_RULES,
    RuleScene,
    Worked,
    factor_tex,
    finite_on_window,
    has_x,
    polynomial_tex,
    spoken,
)
from scenes.style import INPUT, RESULT

#: The least |v| on the window (widened by the tangent's sampling): u / v stays finite.
LEAST_DENOMINATOR = 0.5


def denominator_clear_of_zero(values: Mapping[str, Any]) -> bool:
    low, high = (float(x) for x in values["x_window"])
    least, most = calculus.polynomial_extremes(values["v"], low - 0.1, high + 0.1)
    return least >= LEAST_DENOMINATOR or most <= -LEAST_DENOMINATOR


class QuotientRule(RuleScene):
    """The quotient rule, worked for a polynomial u over a polynomial v."""

    heading = "The quotient rule"
    u = (1.0, 0.0)  # u(x) = x, highest power first
    v = (1.0, 0.0, 1.0)  # v(x) = x^2 + 1
    x_window = (-3.0, 3.0)  # the x values the graphs show
    tangent_xs = (-2.0, 0.0, 1.5)  # where the tangent stops, in order
    domain = Domain(
        u=Vector((1, 2), -5, 5, places=2, nonzero=True),
        v=Vector((2, 3), -5, 5, places=2),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            has_x("v"),
            *WINDOW_RULES,
            Rule(
                f"must keep the denominator v at least {LEAST_DENOMINATOR} away from 0 on the "
                "window (u / v is undefined where v = 0)",
                ("v", "x_window"),
                denominator_clear_of_zero,
            ),
            finite_on_window(lambda values: rules.quotient_rule(values["u"], values["v"])),
        ),
    )

    def work_out(self) -> rules.QuotientRuleExample:
        return rules.quotient_rule(self.u, self.v)

    def worked(self) -> Worked:
        e = self.example
        u, v = polynomial_tex(e.u), polynomial_tex(e.v)
        du, dv = polynomial_tex(e.du), polynomial_tex(e.dv)
        numerator = polynomial_tex(e.numerator)
        squared = factor_tex(e.v) + "^{2}"
        return Worked(
            rule=(r"\frac{d}{dx}", r"\frac{u}{v}", "=", r"\frac{u'\,v - u\,v'}{v^{2}}"),
            rule_said=(
                "The quotient rule: the derivative of u over v is u prime v minus u v prime, "
                "all over v squared."
            ),
            f=rf"\frac{{{u}}}{{{v}}}",
            steps=(
                rf"\frac{{{factor_tex(e.du)}{factor_tex(e.v)} - {factor_tex(e.u)}"
                rf"{factor_tex(e.dv)}}}{{{squared}}}",
                rf"\frac{{{numerator}}}{{{squared}}}",
            ),
            example_said=(
                f"Here u = {spoken(u)} and v = {spoken(v)}, so u prime = {spoken(du)} and "
                f"v prime = {spoken(dv)}. The numerator u prime v minus u v prime multiplies "
                f"out to {spoken(numerator)}."
            ),
            rule_colours={1: INPUT, 3: RESULT},
        )
