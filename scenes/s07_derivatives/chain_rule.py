"""ChainRule: d/dx g(u(x)) = g'(u(x)) u'(x), worked for sin(x^2)."""

from __future__ import annotations

from lib import rules
from scenes.inputs import Choice, Domain, Vector
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
from scenes.style import INPUT, INPUT_2, RESULT


def outer_of(name: str, argument: str) -> str:
    """g(argument) as TeX: ``\\sin\\left(x^{2}\\right)`` or ``e^{x^{2}}``."""
    if name == "exp":
        return f"e^{{{argument}}}"
    return rf"\{name}\left({argument}\right)"


class ChainRule(RuleScene):
    """The chain rule, worked for an outer function (sin, cos or exp) of a polynomial."""

    heading = "The chain rule"
    outer = "sin"  # g: sin, cos or exp
    inner = (1.0, 0.0, 0.0)  # u(x) = x^2, highest power first
    x_window = (-2.0, 2.0)  # the x values the graphs show
    tangent_xs = (-1.5, 0.5, 1.5)  # where the tangent stops, in order
    domain = Domain(
        outer=Choice(("sin", "cos", "exp")),
        inner=Vector((2, 3), -3, 3, places=2),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            has_x("inner"),
            *WINDOW_RULES,
            finite_on_window(lambda values: rules.chain_rule(values["outer"], values["inner"])),
        ),
    )

    def work_out(self) -> rules.ChainRuleExample:
        return rules.chain_rule(self.outer, self.inner)

    def worked(self) -> Worked:
        e = self.example
        u, du = polynomial_tex(e.inner), polynomial_tex(e.inner_derivative)
        sign = "-" if e.outer_derivative_sign < 0 else ""
        g_prime = sign + outer_of(e.outer_derivative, u)
        g_name = outer_of(e.outer, "u")
        g_prime_of_u = sign + outer_of(e.outer_derivative, "u")
        return Worked(
            rule=(
                r"\frac{d}{dx}",
                r"g\big(u(x)\big)",
                "=",
                r"g'\big(u(x)\big)",
                r"\cdot",
                "u'(x)",
            ),
            rule_said=(
                "The chain rule: for a function of a function, g of u of x, take the "
                "derivative of the outside at u, times the derivative of the inside."
            ),
            f=outer_of(e.outer, u),
            steps=((g_prime, rf"\cdot {factor_tex(e.inner_derivative)}"),),
            example_said=(
                f"Here the outside is g(u) = {spoken(g_name)}, with derivative "
                f"{spoken(g_prime_of_u)}, and the inside is u = {spoken(u)}, with derivative "
                f"{spoken(du)}. Multiply them."
            ),
            rule_colours={1: INPUT, 3: INPUT_2, 5: RESULT},
        )
