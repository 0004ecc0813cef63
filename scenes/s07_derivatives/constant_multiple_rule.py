"""ConstantMultipleRule: d/dx (c f) = c d/dx f, worked for 2x^4."""

from __future__ import annotations

from lib import rules
from scenes.inputs import Domain, Number, Vector
from scenes.s07_derivatives.shared import (
    EXPONENT_RULES,
    WINDOW_RULES,
    RuleScene,
    Worked,
    finite_on_window,
    power_tex,
)
from scenes.style import HIGHLIGHT, INPUT, RESULT, factor, fmt, num


class ConstantMultipleRule(RuleScene):
    """The constant multiple rule, worked for c x^n: the constant waits outside."""

    heading = "The constant multiple rule"
    constant = 2.0  # f(x) = c x^n
    exponent = 4.0
    x_window = (-1.5, 1.5)  # the x values the graphs show
    tangent_xs = (-1.25, 0.5, 1.0)  # where the tangent stops, in order
    domain = Domain(
        constant=Number(-10, 10, places=2, nonzero=True),
        exponent=Number(-3, 6, places=1, nonzero=True),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            *WINDOW_RULES,
            *EXPONENT_RULES,
            finite_on_window(
                lambda values: rules.constant_multiple_rule(values["constant"], values["exponent"])
            ),
        ),
    )

    def work_out(self) -> rules.ConstantMultipleRuleExample:
        return rules.constant_multiple_rule(self.constant, self.exponent)

    def worked(self) -> Worked:
        e = self.example
        c = num(e.constant, "entry")
        x_to_n = power_tex(1.0, e.exponent)
        return Worked(
            rule=(r"\frac{d}{dx}", r"\big(c\,", "f(x)", r"\big)", "=", "c", r"\,\frac{d}{dx}f(x)"),
            rule_said=(
                "The constant multiple rule: a constant factor waits outside. Differentiate "
                "the function, then multiply by the constant."
            ),
            f=power_tex(e.constant, e.exponent),
            steps=(
                rf"{c} \cdot \frac{{d}}{{dx}}\,{x_to_n}",
                rf"{c} \cdot {power_tex(e.inner_coefficient, e.lowered)}",
                power_tex(e.coefficient, e.lowered),
            ),
            example_said=(
                f"For f(x) = {fmt(e.constant, 'entry')} times x to the {fmt(e.exponent, 'entry')}:"
                f" the power rule gives {fmt(e.inner_coefficient, 'entry')} x to the "
                f"{fmt(e.lowered, 'entry')}, and the constant multiplies it: "
                f"{fmt(e.constant, 'entry')} times {factor(e.inner_coefficient, 'entry')} is "
                f"{fmt(e.coefficient, 'entry')}."
            ),
            rule_colours={1: HIGHLIGHT, 2: INPUT, 5: HIGHLIGHT, 6: RESULT},
        )
