"""SumRule: d/dx (f + g) = f' + g', worked term by term for x^3 - 3x + 2."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lib import rules
from scenes.inputs import Domain, Rule, Vector
from scenes.s07_derivatives.shared import (
    WINDOW_RULES,
    RuleScene,
    Worked,
    finite_on_window,
    polynomial_tex,
    power_tex,
    split_terms,
    spoken,
)
from scenes.style import INPUT, INPUT_2, fmt


def signed_sum(terms: Sequence[tuple[float, str]]) -> str:
    """``a - b + c`` from (sign-carrying value, body) pairs: each body written without sign."""
    parts = []
    for value, body in terms:
        negative = fmt(value, "entry").startswith("-")
        if not parts:
            parts.append(("-" if negative else "") + body)
        else:
            parts.append(("- " if negative else "+ ") + body)
    return " ".join(parts)


def two_terms(values: Mapping[str, Any]) -> bool:
    return sum(1 for c in values["coefficients"] if float(c) != 0) >= 2


class SumRule(RuleScene):
    """The sum rule, worked for a polynomial: each term differentiated on its own."""

    heading = "The sum rule"
    coefficients = (1.0, 0.0, -3.0, 2.0)  # f(x) = x^3 - 3x + 2, highest power first
    x_window = (-2.0, 2.0)  # the x values the graphs show
    tangent_xs = (-1.5, 0.0, 1.5)  # where the tangent stops, in order
    domain = Domain(
        coefficients=Vector((2, 5), -10, 10, places=2),
        x_window=Vector(2, -5, 5, places=2),
        tangent_xs=Vector((2, 4), -5, 5, places=2),
        rules=(
            Rule("must have at least two non-zero terms (a sum)", ("coefficients",), two_terms),
            *WINDOW_RULES,
            finite_on_window(lambda values: rules.sum_rule(values["coefficients"])),
        ),
    )

    def work_out(self) -> rules.SumRuleExample:
        return rules.sum_rule(self.coefficients)

    def worked(self) -> Worked:
        e = self.example
        each = signed_sum([(c, rf"\frac{{d}}{{dx}}{power_tex(abs(c), k)}") for c, k in e.terms])
        derivatives = signed_sum(
            [
                (c, power_tex(abs(dc), dk))
                for (c, _), (dc, dk) in zip(e.terms, e.term_derivatives, strict=True)
            ]
        )
        final = polynomial_tex(e.derivative_coefficients)
        steps = [split_terms(each)]
        steps.append(split_terms(derivatives))
        if final != derivatives:
            steps.append(split_terms(final))
        count = len(e.terms)
        return Worked(
            rule=(
                r"\frac{d}{dx}",
                r"\big(f + g\big)",
                "=",
                r"\frac{d}{dx}f",
                "+",
                r"\frac{d}{dx}g",
            ),
            rule_said=(
                "The sum rule: the derivative of a sum is the sum of the derivatives. "
                "Differentiate each term on its own and add."
            ),
            f=split_terms(polynomial_tex(e.coefficients)),
            steps=tuple(steps),
            example_said=(
                f"This f has {count} terms. The power rule takes each in turn: "
                + ", ".join(
                    f"{spoken(power_tex(c, k))} gives {spoken(power_tex(dc, dk))}"
                    for (c, k), (dc, dk) in zip(e.terms, e.term_derivatives, strict=True)
                )
                + f". Added up, f'(x) = {spoken(final)}."
            ),
            rule_colours={3: INPUT, 5: INPUT_2},
        )
