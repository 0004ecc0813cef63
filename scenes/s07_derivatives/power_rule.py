"""PowerRule: d/dx x^n = n x^(n-1), worked for x^4, and seen as the slope of the tangent."""

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
from scenes.style import HIGHLIGHT, INPUT, RESULT, fmt, num


class PowerRule(RuleScene):
    """The power rule, worked for x^n, with the tangent's slope matching n x^(n-1)."""

    heading = "The power rule"
    exponent = 4.0  # f(x) = x^n
    x_window = (-2.0, 2.0)  # the x values the graphs show
    tangent_xs = (-1.5, 0.5, 1.25)  # where the tangent stops, in order
    domain = Domain(
        exponent=Number(-3, 6, places=1, nonzero=True),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            *WINDOW_RULES,
            *EXPONENT_RULES,
            finite_on_window(lambda values: rules.power_rule(values["exponent"])),
        ),
    )

    def work_out(self) -> rules.PowerRuleExample:
        return rules.power_rule(self.exponent)

    def worked(self) -> Worked:
        e = self.example
        n = fmt(e.exponent, "entry")
        return Worked(
            rule=(r"\frac{d}{dx}", "x^{n}", "=", "n", r"\,x^{n-1}"),
            rule_said=(
                "The power rule: to differentiate x to the n, bring the exponent n down in "
                "front and lower the power by one."
            ),
            f=power_tex(1.0, e.exponent),
            steps=(
                rf"{num(e.coefficient, 'entry')}\,x^{{{n} - 1}}",
                power_tex(e.coefficient, e.lowered),
            ),
            example_said=(
                f"For f(x) = x to the {n}: the {n} comes down in front, and the power drops "
                f"from {n} to {fmt(e.lowered, 'entry')}."
            ),
            rule_colours={1: INPUT, 3: HIGHLIGHT, 4: RESULT},
        )
