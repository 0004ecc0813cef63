"""What two or more scenes of section 10, Integral Calculus, share.

The section's area scenes draw a function on axes at the left, with a column of formulas and
tables at the right: they build on section 6's :class:`~scenes.s06_limits.shared.GraphScene`
(axes fitted to a window, a column that fits its formulas, tables of values), and add what
areas need: a polynomial on axes over [a, b], the area under it shaded, rectangles and
trapezoids drawn from lib's records, and the domain rules of an interval.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from manim import DOWN, RIGHT, UL, MathTex, Mobject, Polygon, VGroup, config

from lib import calculus, rules
from scenes.inputs import Rule
from scenes.s06_limits.shared import MIN_SCALE, GraphScene, round_out, y_range_over
from scenes.style import (
    BUFF,
    GAP,
    INPUT,
    INPUT_2,
    MARGIN,
    MIN_TEXT_SIZE,
    RESULT,
    SUPERSCRIPTS,
    fmt,
    linear_combination,
    tex,
)

#: One colour per rule, in the pictures and the tables alike.
RULE_COLOURS = {"left": "#58C4DD", "right": "#F5A35C", "midpoint": "#83C167"}
RULE_SYMBOLS = {"left": "L", "right": "R", "midpoint": "M"}
#: Area above the x axis counts positive, below it negative: one colour each.
ABOVE, BELOW = RESULT, INPUT_2


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


def power_tex(coefficient: float, power: int) -> str:
    """c x^k as TeX: ``3x^{2}``, ``-x``, ``2``."""
    if power == 0:
        return fmt(coefficient, "entry")
    name = "x" if power == 1 else f"x^{{{power}}}"
    return linear_combination([(coefficient, name)], "entry")


def shows_exactly(value: float) -> bool:
    return float(fmt(value, "entry")) == value


def antiderivative_term_tex(coefficient: float, power: int) -> str:
    """c x^(k + 1) / (k + 1) from f's term c x^k, exact: ``x^{3}``, ``\\frac{1}{3}x^{3}``.

    The coefficient c / (k + 1) is written as a fraction when two decimals would round it.
    """
    raised = power + 1
    if shows_exactly(coefficient / raised):
        return power_tex(coefficient / raised, raised)
    sign = "-" if coefficient < 0 else ""
    name = "x" if raised == 1 else f"x^{{{raised}}}"
    return rf"{sign}\frac{{{fmt(abs(coefficient), 'entry')}}}{{{raised}}}{name}"


def sum_parts(terms: Sequence[str]) -> list[str]:
    """Terms that carry their own sign (``-b``) as a sum's parts: ``["a", "- b", "+ c"]``."""
    parts = terms[:1]
    for term in terms[1:]:
        parts.append(f"- {term[1:]}" if term.startswith("-") else f"+ {term}")
    return list(parts)


def signed_sum(terms: Sequence[str]) -> str:
    """``a - b + c`` from terms that carry their own sign (``-b``)."""
    return " ".join(sum_parts(terms)) or "0"


def antiderivative_tex(example: rules.AntiderivativeExample) -> str:
    """F written from lib's terms, each exactly: ``x^{3} - 2x^{2} + 2x``."""
    return signed_sum([antiderivative_term_tex(c, k) for c, k in example.terms])


#: A row's first part that carries the formula of the row above on, after its ``=``.
MORE = "..."

#: Rows of a formula, and the (row, part) places that hold the antiderivative's terms.
Written = tuple[list[tuple[str, ...]], list[tuple[int, int]]]


def antiderivative_rows(
    example: rules.AntiderivativeExample, lhs: str = "F(x)", tail: Sequence[str] = ()
) -> list[Written]:
    """``F(x) = ...`` on one row, or its terms split over two (for :func:`equations`)."""
    parts = sum_parts([antiderivative_term_tex(c, k) for c, k in example.terms])
    whole = ([(lhs, "=", " ".join(parts), *tail)], [(0, 2)])
    if len(parts) < 2:
        return [whole]
    half = (len(parts) + 1) // 2
    split = (
        [(lhs, "=", " ".join(parts[:half])), (MORE, " ".join(parts[half:]), *tail)],
        [(0, 2), (1, 0)],
    )
    return [whole, split]


def said(formula: str) -> str:
    """A formula of this module for a subcaption: ``\\frac{1}{3}x^{3}`` as ``(1/3)x³``."""
    formula = re.sub(r"\\frac\{([^}]*)\}\{([^}]*)\}", r"(\1/\2)", formula)
    return re.sub(r"\^\{?(-?\d+)\}?", lambda m: m.group(1).translate(SUPERSCRIPTS), formula)


def equations(*rows: Sequence[str], colours: Mapping[int, str] | None = None) -> VGroup:
    """Formulas stacked with their first ``=`` (each row's second part) in one column.

    A row whose first part is ``""`` continues the one above: it starts at its ``=``; one
    whose first part is :data:`MORE` carries it on, under what follows that ``=``.
    ``colours`` gives a row's last part its colour, by row index.
    """
    lines = VGroup(*(tex(*row[1:]) if row[0] in ("", MORE) else tex(*row) for row in rows))
    lines.arrange(DOWN, buff=BUFF * 1.2)
    column = None
    for line, row in zip(lines, rows, strict=True):
        if row[0] != MORE:
            sign = line[0] if row[0] == "" else line[1]
            column = sign.get_x() if column is None else column
            line.shift((column - sign.get_x()) * RIGHT)
    for index, row in enumerate(rows):
        if row[0] == MORE and index:
            above, above_row = lines[index - 1], rows[index - 1]
            start = above[{MORE: 0, "": 1}.get(above_row[0], 2)]
            lines[index].shift((start.get_left()[0] - lines[index].get_left()[0]) * RIGHT)
    for index, colour in (colours or {}).items():
        lines[index][-1].set_color(colour)
    return lines


def written(rows: Written, before: Sequence[tuple[str, ...]] = (), colour: str = RESULT) -> VGroup:
    """:func:`equations` of ``before`` and then ``rows``, the antiderivative's terms coloured."""
    lines = equations(*before, *rows[0])
    for row, part in rows[1]:
        lines[len(before) + row][part].set_color(colour)
    return lines


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

    def legible(self, layouts: Sequence[Callable[[], VGroup]]) -> list[Callable[[], VGroup]]:
        """Those of ``layouts`` that fit the column's width at a legible size (else the last),
        for :meth:`stack_in_column` to choose among by height."""
        fitting = [build for build in layouts if build().width * MIN_SCALE <= self.column_width()]
        return fitting or list(layouts[-1:])

    def overflows(self, block: Mobject) -> bool:
        """Whether ``block`` reaches below the bottom margin."""
        return block.get_bottom()[1] < -config.frame_height / 2 + MARGIN - 1e-6

    def squeeze(self, block: Mobject) -> Mobject:
        """Shrink ``block`` about its top left corner to end above the bottom margin, as far as
        its formulas stay at a legible size."""
        room = block.get_top()[1] - (-config.frame_height / 2 + MARGIN)
        sizes = [m.font_size for m in block.get_family() if isinstance(m, MathTex)]
        if block.height > room and sizes:
            floor = MIN_TEXT_SIZE / min(sizes)
            block.scale(min(1.0, max(room / block.height, floor)), about_edge=UL)
        return block

    def place(self, block: VGroup, below: Any, buff: float = GAP) -> VGroup:
        """``block`` under ``below``, at the column's left edge."""
        block.next_to(below, DOWN, buff=buff)
        return block.set_x(self.column_left + block.width / 2)

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
