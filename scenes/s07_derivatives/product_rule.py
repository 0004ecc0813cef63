"""ProductRule: d/dx (u v) = u' v + u v', worked for (x^2 + 1)(x - 1)."""

from __future__ import annotations

from lib import rules
from scenes.inputs import Domain, Vector
from scenes.s07_derivatives.shared import (
    WINDOW_RULES,
    RuleScene,
    Worked,
    factor_tex,
    finite_on_window,
    has_x,
    polynomial_tex,
    split_terms,
    spoken,
)
from scenes.style import INPUT, INPUT_2, RESULT


class ProductRule(RuleScene):
    """The product rule, worked for two polynomials u and v."""

    heading = "The product rule"
    u = (1.0, 0.0, 1.0)  # u(x) = x^2 + 1, highest power first
    v = (1.0, -1.0)  # v(x) = x - 1
    x_window = (-1.5, 2.0)  # the x values the graphs show
    tangent_xs = (-1.0, 0.5, 1.5)  # where the tangent stops, in order
    domain = Domain(
        u=Vector((2, 3), -5, 5, places=2),
        v=Vector((2, 3), -5, 5, places=2),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            has_x("u", "v"),
            *WINDOW_RULES,
            finite_on_window(lambda values: rules.product_rule(values["u"], values["v"])),
        ),
    )

    def work_out(self) -> rules.ProductRuleExample:
        return rules.product_rule(self.u, self.v)

    def worked(self) -> Worked:
        e = self.example
        u, v = polynomial_tex(e.u), polynomial_tex(e.v)
        du, dv = polynomial_tex(e.du), polynomial_tex(e.dv)
        expanded = polynomial_tex(e.expanded)
        return Worked(
            rule=(r"\frac{d}{dx}", r"\big(u\,v\big)", "=", "u'", r"\,v", "+", "u", r"\,v'"),
            rule_said=(
                "The product rule: the derivative of u times v is u prime times v, plus u "
                "times v prime. Each factor takes its turn to change."
            ),
            f=(factor_tex(e.u), factor_tex(e.v)),
            steps=(
                (factor_tex(e.du), factor_tex(e.v), "+ " + factor_tex(e.u), factor_tex(e.dv)),
                split_terms(expanded),
            ),
            example_said=(
                f"Here u = {spoken(u)} and v = {spoken(v)}, so u prime = {spoken(du)} and "
                f"v prime = {spoken(dv)}. Then u prime v + u v prime multiplies out to "
                f"{spoken(expanded)}."
            ),
            rule_colours={3: RESULT, 4: INPUT_2, 6: INPUT, 7: RESULT},
        )
