"""PowerRuleOnFunctionChain: d/dx u(x)^n = n u(x)^(n-1) u'(x), worked for (x^2 - 1)^3."""

from __future__ import annotations

from lib import rules
from scenes.inputs import Domain, Number, Vector
from scenes.s07_derivatives.shared import (
    WINDOW_RULES,
    RuleScene,
    Worked,
    factor_tex,
    finite_on_window,
    has_x,
    is_one_term,
    polynomial_tex,
    spoken,
)
from scenes.style import INPUT, INPUT_2, RESULT, fmt


def raised(base: str, power: int) -> str:
    """``base^{power}``, or ``base`` alone for the first power."""
    return base if power == 1 else f"{base}^{{{power}}}"


class PowerRuleOnFunctionChain(RuleScene):
    """The power rule on a chain: a polynomial raised to the n, differentiated."""

    heading = "The power rule on a function chain"
    exponent = 3  # f(x) = u(x)^n
    inner = (1.0, 0.0, -1.0)  # u(x) = x^2 - 1, highest power first
    x_window = (-1.5, 1.5)  # the x values the graphs show
    tangent_xs = (-1.25, 0.5, 1.2)  # where the tangent stops, in order
    domain = Domain(
        exponent=Number(2, 6, integer=True),
        inner=Vector((2, 3), -5, 5, places=2),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            has_x("inner"),
            *WINDOW_RULES,
            finite_on_window(
                lambda values: rules.power_chain_rule(values["exponent"], values["inner"])
            ),
        ),
    )

    def work_out(self) -> rules.PowerChainRuleExample:
        return rules.power_chain_rule(self.exponent, self.inner)

    def worked(self) -> Worked:
        e = self.example
        u, du = polynomial_tex(e.inner), polynomial_tex(e.inner_derivative)
        n = fmt(e.coefficient, "entry")
        scaled = e.scaled_inner_derivative
        front = polynomial_tex(scaled) if is_one_term(scaled) else factor_tex(scaled)
        rest = raised(factor_tex(e.inner), e.lowered)
        return Worked(
            rule=(
                r"\frac{d}{dx}",
                r"u(x)^{n}",
                "=",
                r"n\,u(x)^{n-1}",
                r"\cdot",
                "u'(x)",
            ),
            rule_said=(
                "The power rule on a function chain: for u of x to the n, bring n down, "
                "lower the power by one, and multiply by the derivative of the inside, u prime."
            ),
            f=raised(factor_tex(e.inner), e.exponent),
            steps=(
                rf"{n}\,{rest} \cdot {factor_tex(e.inner_derivative)}",
                (front, rest),
            ),
            example_said=(
                f"Here u = {spoken(u)} and n = {n}. The power rule gives {n} u to the "
                f"{e.lowered}; the inside's derivative is u prime = {spoken(du)}."
            ),
            rule_colours={1: INPUT, 3: INPUT_2, 5: RESULT},
        )
