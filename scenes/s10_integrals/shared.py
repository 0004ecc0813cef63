"""What two or more scenes of section 10, Integral Calculus, share.

The section's area scenes draw a function on axes at the left, with a column of formulas and
tables at the right: they build on section 6's :class:`~scenes.s06_limits.shared.GraphScene`
(axes fitted to a window, a column that fits its formulas, tables of values), and add what
areas need: a polynomial on axes over [a, b], the area under it shaded, rectangles and
trapezoids drawn from lib's records, and the domain rules of an interval.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from manim import Polygon, VGroup

from lib import calculus
from scenes.inputs import Rule
from scenes.s06_limits.shared import GraphScene, round_out, y_range_over
from scenes.style import INPUT, linear_combination

#: One colour per rule, in the pictures and the tables alike.
RULE_COLOURS = {"left": "#58C4DD", "right": "#F5A35C", "midpoint": "#83C167"}
RULE_SYMBOLS = {"left": "L", "right": "R", "midpoint": "M"}


def interval_runs_upward(values: Mapping[str, Any]) -> bool:
    a, b = values["interval"]
    return float(b) - float(a) >= 0.5


INTERVAL_RULE = Rule(
    "must run from a to b at least 0.5 higher", ("interval",), interval_runs_upward
)


def polynomial_tex(coefficients: Sequence[float]) -> str:
    """``x^2 + 1`` from (1, 0, 1), highest power first."""
    degree = len(coefficients) - 1
    names = {degree: "", degree - 1: "x"}
    terms = [(c, names.get(i, f"x^{degree - i}")) for i, c in enumerate(coefficients)]
    return linear_combination(terms, "entry")


class AreaScene(GraphScene):
    """A polynomial on axes over [a, b] at the left, areas under it drawn from lib's records."""

    def graph_function(self, coefficients: Sequence[float], a: float, b: float) -> VGroup:
        """Axes over [a, b] (and 0) holding every value of the polynomial there, and its curve."""
        self.f = calculus.polynomial(coefficients)
        low, high = a, b
        if 0 < low <= (b - a) / 2:
            low = 0.0  # the y axis at the left edge rather than just off it
        elif -(b - a) / 2 <= high < 0:
            high = 0.0
        self.x_range = round_out(low, high, most=8)
        low, high = calculus.polynomial_extremes(coefficients, *self.x_range[:2])
        self.y_range = y_range_over(min(low, 0.0), max(high, 0.0))
        self.axes = self.fitted_axes()
        self.curve = self.axes.plot(self.f, x_range=self.x_range[:2], color=INPUT, stroke_width=5)
        return VGroup(self.axes, self.curve)

    def area_under(self, a: float, b: float, colour: str, opacity: float = 0.35) -> VGroup:
        """The signed area between the curve and the x axis from a to b, shaded."""
        return self.axes.get_area(
            self.curve, x_range=(a, b), color=colour, opacity=opacity, stroke_width=0
        )

    def bars(
        self,
        records: Sequence[Any],
        colour: str,
        top: Callable[[Any], tuple[float, float]] | None = None,
    ) -> VGroup:
        """One quadrilateral per record of lib: [left, right] from 0 up to its height(s).

        ``top(record)`` gives the heights at the left and right edges (a trapezoid); by
        default both are ``record.height`` (a rectangle).
        """
        shapes = VGroup()
        for record in records:
            y_left, y_right = top(record) if top else (record.height, record.height)
            corners = [
                self.axes.c2p(record.left, 0),
                self.axes.c2p(record.right, 0),
                self.axes.c2p(record.right, y_right),
                self.axes.c2p(record.left, y_left),
            ]
            width = 1.5 if len(records) <= 40 else 0.5
            shapes.add(
                Polygon(*corners, stroke_color=colour, stroke_width=width).set_fill(colour, 0.45)
            )
        return shapes
