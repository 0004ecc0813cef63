"""ConstantRule: d/dx c = 0, a flat line has slope 0 everywhere."""

from __future__ import annotations

from lib import rules
from scenes.inputs import Domain, Number, Vector
from scenes.s07_derivatives.shared import WINDOW_RULES, RuleScene, Worked
from scenes.style import HIGHLIGHT, INPUT, fmt, num


class ConstantRule(RuleScene):
    """The constant rule, worked for f(x) = c: a tangent lying flat on f, and f' = 0."""

    heading = "The constant rule"
    constant = 3.0  # f(x) = c
    x_window = (-2.0, 2.0)  # the x values the graphs show
    tangent_xs = (-1.5, 0.5, 1.5)  # where the tangent stops, in order
    domain = Domain(
        constant=Number(-50, 50, places=2),
        x_window=Vector(2, -10, 10, places=2),
        tangent_xs=Vector((2, 4), -10, 10, places=2),
        rules=WINDOW_RULES,
    )

    def work_out(self) -> rules.ConstantRuleExample:
        return rules.constant_rule(self.constant)

    def worked(self) -> Worked:
        e = self.example
        c = fmt(e.constant, "entry")
        return Worked(
            rule=(r"\frac{d}{dx}", "c", "=", "0"),
            rule_said=(
                "The constant rule: a constant c never changes as x changes, so its "
                "derivative is 0."
            ),
            f=num(e.constant, "entry"),
            steps=(rf"\frac{{d}}{{dx}}\,{num(e.constant, 'entry')}", fmt(e.slope, "slope")),
            example_said=(
                f"For f(x) = {c}: the graph is a flat line at height {c}. It never rises or "
                f"falls, so f'(x) = {fmt(e.slope, 'slope')} for every x."
            ),
            rule_colours={1: INPUT, 3: HIGHLIGHT},
        )
