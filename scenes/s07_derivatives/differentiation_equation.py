"""DifferentiationEquation: from the delta method to dy/dx = lim (f(x + dx) - f(x)) / dx.

The limit is worked symbolically for a quadratic (``lib.rules.difference_quotient_expansion``)
and each step is then checked with numbers: the quotient the algebra leaves against the
delta method's, and its limit against the numerical derivative.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from manim import DOWN, LEFT, RIGHT, FadeIn, FadeOut, VGroup, VMobject, Write, config

from lib import calculus, rules
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s07_derivatives.shared import has_x, polynomial_tex, spoken
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MARGIN,
    MIN_TEXT_SIZE,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_WIDTH,
    LessonScene,
    fmt,
    linear_combination,
    num,
    tex,
)

DX = r"\Delta x"
TABLE_SIZE = BODY_SIZE
MIN_SCALE = MIN_TEXT_SIZE / BODY_SIZE


def terms_tex(terms: Sequence[tuple[float, int, int]]) -> str:
    """c x^i dx^j terms as TeX: ``2x\\Delta x + \\Delta x^{2}``."""

    def name(i: int, j: int) -> str:
        x = "" if i == 0 else ("x" if i == 1 else f"x^{{{i}}}")
        dx = "" if j == 0 else (DX if j == 1 else rf"{DX}^{{{j}}}")
        return x + ("\\," if x and dx else "") + dx

    return linear_combination([(c, name(i, j)) for c, i, j in terms], "entry")


def substituted_tex(coefficients: Sequence[float]) -> str:
    """f(x + dx) written out: ``(x + dx)^2 + 2(x + dx) + 2`` in TeX, with Delta x for dx."""
    degree = len(coefficients) - 1
    shifted = rf"\left(x + {DX}\right)"
    names = [
        "" if degree - i == 0 else (shifted if degree - i == 1 else f"{shifted}^{{{degree - i}}}")
        for i in range(len(coefficients))
    ]
    return linear_combination(list(zip(coefficients, names, strict=True)), "entry")


class DifferentiationEquation(LessonScene):
    """The derivative's definition, worked for a quadratic and checked with numbers."""

    coefficients = (1.0, 2.0, 2.0)  # f(x) = x^2 + 2x + 2, highest power first
    x0 = 2.0  # where the algebra is checked with numbers
    deltas = (0.1, 0.01, 0.001)  # the steps the check uses
    domain = Domain(
        coefficients=Vector((2, 3), -5, 5, places=2),
        x0=Number(-5, 5, places=2),
        deltas=Vector((2, 3), -1, 1, places=3),
        rules=(
            has_x("coefficients"),
            Rule(
                "must be distinct and none 0 (the quotient divides by delta x)",
                ("deltas",),
                lambda values: (
                    0 not in values["deltas"]
                    and len(set(values["deltas"])) == len(values["deltas"])
                ),
            ),
        ),
    )

    def construct(self) -> None:
        self.f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.work = self.show("expansion", rules.difference_quotient_expansion(self.coefficients))
        self.point_x = float(self.x0)
        self.formula = polynomial_tex(self.work.coefficients)
        self.state_definition()
        self.expand_the_step()
        self.divide_and_take_the_limit()
        self.check_with_numbers()
        self.show_summary()

    # -- layout ---------------------------------------------------------------------------

    def fitted(self, *layouts: VMobject, width: float = SAFE_WIDTH) -> VMobject:
        """The first of ``layouts`` that fits ``width`` at a legible size, fitted to it."""
        for candidate in layouts:
            if candidate.width * MIN_SCALE <= width:
                break
        return style.fit_width(candidate, width)

    def line(self, left: str, *right: str) -> VMobject:
        """``left = right...``: the = sign is part 1, so lines can line up on it."""
        return tex(left, "=", *right)

    def under(self, mobject: VMobject, above: VMobject, buff: float = GAP * 0.8) -> VMobject:
        """``mobject`` under ``above``, its = sign under the derivation's, inside the margins.

        A line too long for either side shrinks about its = sign, which stays in place.
        """
        mobject.next_to(above, DOWN, buff=buff)
        mobject.shift(RIGHT * (self.equals_x - mobject[1].get_left()[0]))
        pivot = mobject[1].get_left()
        left, right = -config.frame_width / 2 + MARGIN, config.frame_width / 2 - MARGIN
        factor = min(
            1.0,
            (right - pivot[0]) / max(mobject.get_right()[0] - pivot[0], 1e-6),
            (pivot[0] - left) / max(pivot[0] - mobject.get_left()[0], 1e-6),
        )
        if factor < 1:
            mobject.scale(factor, about_point=pivot)
        return mobject

    # -- beats ----------------------------------------------------------------------------

    def state_definition(self) -> None:
        with self.beat(
            "The delta method measured the slope over a step delta x. Let the step shrink to "
            "nothing, and that slope becomes the derivative: dy by dx is the limit of f of x "
            "plus delta x, minus f of x, over delta x."
        ):
            self.heading = style.title("The differentiation equation")
            quotient = tex(
                r"\frac{\Delta y}{\Delta x}", "=", rf"\frac{{f(x + {DX}) - f(x)}}{{{DX}}}"
            )
            quotient[0].set_color(HIGHLIGHT)
            definition = tex(
                r"\frac{dy}{dx}",
                "=",
                rf"\lim_{{{DX} \to 0}} \frac{{f(x + {DX}) - f(x)}}{{{DX}}}",
            )
            definition[0].set_color(RESULT)
            pair = VGroup(quotient, definition).arrange(RIGHT, buff=GAP * 2)
            pair.next_to(self.heading, DOWN, buff=GAP * 0.7)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(quotient), run_time=BEAT)
            self.play(Write(definition), run_time=BEAT * 1.5)
            self.wait(QUICK)
            self.play(
                FadeOut(quotient),
                definition.animate.to_edge(LEFT, buff=MARGIN).next_to(
                    self.heading, DOWN, buff=GAP * 0.5
                ),
                run_time=BEAT,
            )
            self.definition = definition.to_edge(LEFT, buff=MARGIN)
            self.frame = style.highlight_box(definition, color=RESULT)
            self.play(FadeIn(self.frame), run_time=QUICK)

    def expand_the_step(self) -> None:
        w = self.work
        with self.beat(
            f"Take f(x) = {spoken(self.formula)}. Write out f at x plus delta x, multiply it "
            "out, and subtract f(x): every term without delta x cancels."
        ):
            function = tex("f(x)", "=", self.formula)
            function[0].set_color(INPUT)
            room = config.frame_width / 2 - MARGIN - (self.frame.get_right()[0] + GAP)
            style.fit_width(function, room)
            function.next_to(self.frame, RIGHT, buff=GAP).align_to(self.definition, DOWN)
            widest = max(
                (probe := tex(left, "=", "0"))[1].get_left()[0] - probe.get_left()[0]
                for left in (rf"f(x + {DX}) - f(x)", rf"\frac{{f(x + {DX}) - f(x)}}{{{DX}}}")
            )
            self.equals_x = -config.frame_width / 2 + MARGIN + widest
            substituted = self.line(rf"f(x + {DX})", substituted_tex(w.coefficients))
            self.under(substituted, self.frame)
            room = config.frame_width / 2 - MARGIN - self.equals_x
            expanded = self.fitted(tex("", "=", terms_tex(w.shifted)), width=room)
            self.under(expanded, substituted)
            rise = self.fitted(
                self.line(rf"f(x + {DX}) - f(x)", terms_tex(w.rise)),
                width=SAFE_WIDTH,
            )
            self.under(rise, expanded)
            self.play(Write(function), run_time=BEAT)
            self.play(Write(substituted), run_time=BEAT)
            self.play(Write(expanded), run_time=BEAT)
            self.play(Write(rise), run_time=BEAT)
            self.wait(PAUSE)
            self.function, self.steps = function, VGroup(substituted, expanded, rise)

    def divide_and_take_the_limit(self) -> None:
        w = self.work
        limit = polynomial_tex(w.limit)
        with self.beat(
            f"Divide by delta x: {spoken(terms_tex(w.quotient).replace(DX, 'delta x'))}. "
            f"Now let delta x go to 0. What is left is the derivative, dy by dx = "
            f"{spoken(limit)}."
        ):
            quotient = self.fitted(
                self.line(rf"\frac{{f(x + {DX}) - f(x)}}{{{DX}}}", terms_tex(w.quotient))
            )
            self.under(quotient, self.steps[-1])
            result = self.fitted(
                self.line(
                    r"\frac{dy}{dx}",
                    rf"\lim_{{{DX} \to 0}} \left({terms_tex(w.quotient)}\right)",
                    "=",
                    limit,
                )
            )
            result[0].set_color(RESULT)
            result[-1].set_color(RESULT)
            self.under(result, quotient)
            self.play(Write(quotient), run_time=BEAT)
            self.play(Write(result), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.quotient, self.result = quotient, result

    def check_with_numbers(self) -> None:
        w, x0 = self.work, self.point_x
        checks = self.show(
            "checks",
            tuple(
                (
                    float(dx),
                    w.quotient_at(x0, float(dx)),
                    calculus.difference_quotient(self.f, x0, float(dx)).slope,
                )
                for dx in self.deltas
            ),
        )
        self.derivative_checked = self.show(
            "derivative_at_x0", (w.derivative(x0), calculus.derivative(self.f, x0))
        )
        said = ", ".join(fmt(v, "approach") for _, v, _ in checks)
        with self.beat(
            f"Check it with numbers at x = {fmt(x0, 'coordinate')}. The formula gives {said}, "
            "exactly what the delta method measures step by step; and at delta x = 0 it gives "
            f"{fmt(w.derivative(x0), 'slope')}, the slope measured numerically."
        ):
            self.play(FadeOut(self.steps), FadeOut(self.quotient), run_time=QUICK)
            self.play(
                self.result.animate.next_to(self.frame, DOWN, buff=GAP * 0.6).to_edge(
                    LEFT, buff=MARGIN
                ),
                run_time=BEAT,
            )
            table = self.check_table(checks)
            table.next_to(self.result, DOWN, buff=GAP).to_edge(LEFT, buff=MARGIN)
            self.play(FadeIn(table.header), run_time=QUICK)
            for row in table.body:
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.table = table
            self.wait(QUICK)

    def check_table(self, checks: Sequence[tuple[float, float, float]]) -> Any:
        x0 = num(self.point_x, "coordinate")
        formula = terms_tex(self.work.quotient)
        exact, measured = self.derivative_checked
        header = [
            tex(DX, size=TABLE_SIZE, color=INPUT_2),
            tex(rf"{formula}\ \text{{at}}\ x = {x0}", size=TABLE_SIZE, color=HIGHLIGHT),
            tex(rf"\frac{{f({x0} + {DX}) - f({x0})}}{{{DX}}}", size=TABLE_SIZE, color=HIGHLIGHT),
        ]
        rows = [
            [tex(num(dx, "approach"), size=TABLE_SIZE)]
            + [tex(num(v, "approach"), size=TABLE_SIZE) for v in (by_formula, by_delta)]
            for dx, by_formula, by_delta in checks
        ]
        rows.append(
            [
                tex(r"\to 0", size=TABLE_SIZE, color=INPUT_2),
                tex(num(exact, "slope"), size=TABLE_SIZE, color=RESULT),
                tex(rf"f'({x0}) = {num(measured, 'slope')}", size=TABLE_SIZE, color=RESULT),
            ]
        )
        grid = VGroup(*header, *(c for row in rows for c in row)).arrange_in_grid(
            rows=len(rows) + 1, cols=3, buff=(GAP * 2, BUFF * 1.3), col_alignments="rrr"
        )
        style.fit_width(grid, SAFE_WIDTH)
        grid.header = VGroup(*header)
        grid.body = [VGroup(*row) for row in rows]
        return grid

    def show_summary(self) -> None:
        with self.beat(
            "The differentiation equation: the slope over a step, as the step shrinks to "
            "zero. Worked by algebra or measured with numbers, it gives the same derivative."
        ):
            box = style.highlight_box(self.result[-1], color=RESULT)
            self.play(FadeIn(box), self.function.animate.set_opacity(1), run_time=BEAT)
            self.hold_poster()
