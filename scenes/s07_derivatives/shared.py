"""What the scenes of section 7, Derivatives and Differentiation, share.

The eight rule scenes have one shape, built once here by :class:`RuleScene`: the rule,
stated; the rule applied to the scene's example (the formula of f' written from the
pieces ``lib.rules`` returns); then f and f' plotted one over the other, with a tangent to
f whose slope readout equals f'(x) as x moves. A rule scene gives only its example (a call
to ``lib.rules``), what it writes and what it says: see :class:`Worked`.

The module also holds the section's formula helpers (terms and polynomials as TeX) and
the fitted axes the delta-method scenes plot on.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Mobject,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    config,
    smooth,
)

from lib import calculus, rules
from scenes import style
from scenes.inputs import Rule
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MIN_TEXT_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_WIDTH,
    TITLE_SIZE,
    LessonScene,
    fmt,
    linear_combination,
    tex,
)

# -- layout: two stacked graphs at the left, a column of formulas at the right --------------

COLUMN_LEFT = 1.2  # the formula column runs from here to the right safe margin
COLUMN_WIDTH = config.frame_width / 2 - MARGIN - COLUMN_LEFT
GRAPH_RIGHT = COLUMN_LEFT - GAP  # the graphs end here, tick numbers included
GRAPH_TOP = config.frame_height / 2 - MARGIN - TITLE_SIZE / 48 - GAP * 0.6  # under the title
TANGENT_LENGTH = 2.6  # the tangent drawn on f (scene units), clipped to the graph
DERIVATIVE_STEP = 0.05  # the numerical derivative samples f within x +/- this

#: The least a formula is scaled to fit the column: no text below the smallest size.
MIN_SCALE = MIN_TEXT_SIZE / BODY_SIZE

# -- formulas ----------------------------------------------------------------------------------


def power_tex(coefficient: float, exponent: float) -> str:
    """c x^k as TeX: ``4x^{3}``, ``x``, ``-x^{2}``, ``2``, ``0.5x^{-0.5}``."""
    if exponent == 0:
        return fmt(coefficient, "entry")
    name = "x" if exponent == 1 else f"x^{{{fmt(exponent, 'entry')}}}"
    return linear_combination([(coefficient, name)], "entry")


def polynomial_tex(coefficients: Sequence[float]) -> str:
    """The polynomial with these coefficients (highest power first): ``x^{2} + 2x + 2``."""
    degree = len(coefficients) - 1
    terms = [
        (c, "" if degree - i == 0 else ("x" if degree - i == 1 else f"x^{{{degree - i}}}"))
        for i, c in enumerate(coefficients)
    ]
    return linear_combination(terms, "entry")


def joined(item: str | Sequence[str]) -> str:
    """A formula given whole or in parts, whole."""
    return item if isinstance(item, str) else " ".join(item)


def split_terms(formula: str) -> tuple[str, ...]:
    """A sum as its terms, each after the first with its sign: ``("x^{2}", "- 2x", "+ 1")``."""
    return tuple(formula.replace(" + ", "\0+ ").replace(" - ", "\0- ").split("\0"))


def is_one_term(coefficients: Sequence[float]) -> bool:
    """Whether the polynomial has a single non-zero term (``3x^2``, ``-1``)."""
    return sum(1 for c in coefficients if float(c) != 0) <= 1


def factor_tex(coefficients: Sequence[float]) -> str:
    """A polynomial as a factor of a product, in parentheses: ``(x^{2} + 1)``."""
    return rf"\left({polynomial_tex(coefficients)}\right)"


def _group(text: str, start: int) -> tuple[str, int]:
    """The braced group opening at ``text[start]`` and the index after it."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1 : index], index + 1
    return text[start + 1 :], len(text)


def _spoken_fractions(formula: str) -> str:
    """Every ``\\frac{a}{b}`` as ``(a) over (b)``, inner ones first."""
    while (start := formula.find(r"\frac{")) >= 0:
        top, after_top = _group(formula, start + len(r"\frac"))
        bottom, after = _group(formula, after_top)
        said = f"({_spoken_fractions(top)}) over ({_spoken_fractions(bottom)})"
        formula = formula[:start] + said + formula[after:]
    return formula


def spoken(formula: str) -> str:
    """A TeX formula as a subcaption says it: ``x^{2}`` as "x squared", braces dropped."""
    words = _spoken_fractions(formula)
    for tex_name, said in (
        (r"\left(", "("),
        (r"\right)", ")"),
        (r"\cdot", "times"),
        (r"\,", " "),
        ("^{2}", " squared"),
        ("^{3}", " cubed"),
    ):
        words = words.replace(tex_name, said)
    for power in ("-3", "-2", "-1", *(str(k) for k in range(4, 10))):
        words = words.replace(f"^{{{power}}}", f" to the {power}")
    words = words.replace("^{", " to the ").replace("{", "").replace("}", "").replace("\\", "")
    return " ".join(words.split())


# -- axes fitted to what they show -----------------------------------------------------------


def axis_range(low: float, high: float, *, most: int, zero: bool) -> tuple[float, float, float]:
    """(start, stop, step) in round steps over [low, high], with 0 too when ``zero``.

    Values run up to the ends with a little room; an empty span becomes -1 to 1 about it.
    """
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    span = high - low
    if span < 1e-9:
        low, high = low - 1.0, high + 1.0
    elif zero:
        high += 0.06 * span if high > 0 else 0.0
        low -= 0.06 * span if low < 0 else 0.0
    step = style.nice_step(high - low, most=most)
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    return round(start, 10), round(stop, 10), step


def touches(first: Mobject, second: Mobject, buff: float) -> bool:
    """Whether the bounding boxes of two mobjects come within ``buff`` of each other."""
    (ax0, ay0, _), (ax1, ay1, _) = first.get_corner(DL), first.get_corner(UR)
    (bx0, by0, _), (bx1, by1, _) = second.get_corner(DL), second.get_corner(UR)
    return min(ax1, bx1) - max(ax0, bx0) > -buff and min(ay1, by1) - max(ay0, by0) > -buff


def fitted_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float,
    height: float,
    y_label: str,
    colour: str,
) -> Axes:
    """Course axes over the ranges, numbered except where they cross, ``y_label`` at its tip."""
    axes = style.axes(
        x_range, y_range, width=width, height=height, x_label="x", y_label=y_label, numbers=False
    )
    crossing = [min(max(0.0, start), stop) for start, stop, _ in (x_range, y_range)]
    x_ticks = [v for v in style.ticks_of(x_range) if abs(v - crossing[0]) > 1e-9]
    y_ticks = [v for v in style.ticks_of(y_range) if abs(v - crossing[1]) > 1e-9]
    x_labels, y_labels = style.tick_labels(x_ticks), style.tick_labels(y_ticks)
    axes.add_coordinates(x_labels, y_labels)
    x_name, y_name = axes.axis_labels
    x_name.next_to(axes.x_axis.get_end(), RIGHT, buff=BUFF * 0.5)
    y_name.set_color(colour).next_to(axes.y_axis.get_end(), RIGHT, buff=BUFF * 0.8)
    if y_range[1] <= 0:  # the x axis along the top: its numbers above it, the name beside
        for value, label in x_labels.items():
            label.next_to(axes.c2p(value, crossing[1]), UP, buff=BUFF * 0.6)
        y_name.next_to(axes.y_axis.get_end(), LEFT, buff=BUFF * 0.8)
    if x_range[1] <= 0:  # the y axis at the right: its numbers right of it
        for value, label in y_labels.items():
            label.next_to(axes.c2p(crossing[0], value), RIGHT, buff=BUFF * 0.6)
        y_name.next_to(axes.y_axis.get_end(), LEFT, buff=BUFF * 0.8)
    for label in list(axes.x_axis.labels):  # an x number gives way to the other texts
        if any(touches(label, other, 0.08) for other in [*axes.y_axis.labels, y_name]):
            axes.x_axis.labels.remove(label)
    return axes


def clipped_segment(
    centre: np.ndarray, direction: np.ndarray, length: float, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The segment of ``length`` through ``centre`` along ``direction``, cut to the box."""
    unit = direction / np.linalg.norm(direction)
    first, last = -length / 2, length / 2
    for axis in range(2):
        if abs(unit[axis]) < 1e-12:
            continue
        a = (low[axis] - centre[axis]) / unit[axis]
        b = (high[axis] - centre[axis]) / unit[axis]
        first, last = max(first, min(a, b)), min(last, max(a, b))
    if first >= last:
        return centre, centre
    return centre + first * unit, centre + last * unit


# -- the inputs every rule scene shares --------------------------------------------------------


def window_runs_upward(values: Mapping[str, Any]) -> bool:
    low, high = values["x_window"]
    return float(high) - float(low) >= 0.5


def stops_inside_window(values: Mapping[str, Any]) -> bool:
    low, high = (float(v) for v in values["x_window"])
    stops = [float(s) for s in values["tangent_xs"]]
    distinct = len({round(s, 6) for s in stops}) == len(stops)
    return distinct and all(low <= s <= high for s in stops)


WINDOW_RULES = (
    Rule("must run from a lower x to one at least 0.5 higher", ("x_window",), window_runs_upward),
    Rule(
        "must be distinct x values inside x_window",
        ("tangent_xs", "x_window"),
        stops_inside_window,
    ),
)


def clear_of_zero(values: Mapping[str, Any]) -> bool:
    """An exponent below 1 (x^n or its slope infinite at 0): the window keeps 0.25 from 0."""
    if float(values["exponent"]) >= 1:
        return True
    low, high = (float(v) for v in values["x_window"])
    return low >= 0.25 or high <= -0.25


def positive_for_a_fraction(values: Mapping[str, Any]) -> bool:
    """A fractional exponent (x^n undefined for x < 0): the window lies at x >= 0.25."""
    return float(values["exponent"]).is_integer() or float(values["x_window"][0]) >= 0.25


#: Rules for a scene whose input ``exponent`` raises x on the window ``x_window``.
EXPONENT_RULES = (
    Rule(
        "must keep the window at least 0.25 away from 0 when the exponent is below 1 "
        "(x^n or its slope is infinite at 0)",
        ("exponent", "x_window"),
        clear_of_zero,
    ),
    Rule(
        "must lie at x >= 0.25 for a fractional exponent (x^n is undefined for x < 0)",
        ("exponent", "x_window"),
        positive_for_a_fraction,
    ),
)


def has_x(*names: str) -> Rule:
    """A rule: each polynomial input in ``names`` has a term in x (it is not a constant)."""

    def check(values: Mapping[str, Any]) -> bool:
        return all(any(float(c) != 0 for c in values[name][:-1]) for name in names)

    return Rule("must each have a term in x (not be a constant)", names, check)


def finite_on_window(example: Callable[[Mapping[str, Any]], Any]) -> Rule:
    """A rule: f and f' (from ``example(inputs)``) are finite and modest across the window."""

    def check(values: Mapping[str, Any]) -> bool:
        worked = example(values)
        low, high = (float(v) for v in values["x_window"])
        for function in (worked.f, worked.derivative):
            least, most = rules.sampled_extremes(function, low, high)
            if max(abs(least), abs(most)) > 1e5:
                return False
        return True

    return Rule(
        "must keep f and f' finite and within 100000 in size on the window",
        ("x_window",),
        check,
    )


# -- what a rule scene gives -----------------------------------------------------------------


@dataclass(frozen=True)
class Worked:
    """One rule scene's words and formulas (TeX), written from ``lib.rules`` pieces.

    ``steps`` are the lines of f'(x) worked out by the rule; the last is the derivative,
    which stays on screen beside the graphs.
    """

    rule: Sequence[str]  # the rule's formula, in parts
    rule_said: str  # the rule in words
    f: str | tuple[str, ...]  # f(x)'s right side, whole or in parts that may break
    steps: Sequence[str | tuple[str, ...]]  # f'(x) = steps[0] = ..., each whole or in parts
    example_said: str  # the example worked out, in words
    rule_colours: Mapping[int, str] = field(default_factory=dict)  # part index -> colour


class RuleScene(LessonScene):
    """A rule of differentiation: stated, applied to an example, and seen on the graphs.

    A subclass sets ``heading``, the inputs (with ``x_window``, the x values the graphs show,
    and ``tangent_xs``, where the tangent stops) and their ``domain``, and implements
    :meth:`work_out` (the example from ``lib.rules``) and :meth:`worked` (its formulas and
    words). Everything else is drawn here.
    """

    heading: ClassVar[str] = "A rule of differentiation"
    x_window: tuple[float, float] = (-2.0, 2.0)
    tangent_xs: tuple[float, ...] = (-1.5, 0.5, 1.5)

    def work_out(self) -> Any:
        """The example by the rule: a ``lib.rules`` record with ``f`` and ``derivative``."""
        raise NotImplementedError

    def worked(self) -> Worked:
        """The rule and the example as formulas and words."""
        raise NotImplementedError

    def construct(self) -> None:
        self.example = self.show("example", self.work_out())  # every number, from lib
        self.words = self.worked()
        self.x = ValueTracker(float(self.tangent_xs[0]))  # the x the tangent stands at
        self.state_rule()
        self.apply_rule()
        self.plot_function_and_derivative()
        self.draw_tangent()
        self.move_along_the_curve()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def tangent_slope(self, x: float) -> float:
        """The tangent's slope at x, measured numerically from f alone (not by the rule)."""
        slope = calculus.derivative(self.example.f, x, step=DERIVATIVE_STEP)
        return float(f"{slope:.10g}")  # the last digits of the estimate are noise

    def derivative_at(self, x: float) -> float:
        """f'(x) by the rule: the formula on screen, evaluated by lib."""
        return self.example.derivative(x)

    # -- layout -------------------------------------------------------------------------

    def fit_column(self, *layouts: Callable[[], VMobject]) -> VMobject:
        """The first of ``layouts`` that fits the column at a legible size, fitted to it."""
        for build in layouts:
            candidate = build()
            if candidate.width * MIN_SCALE <= COLUMN_WIDTH:
                break
        return style.fit_width(candidate, COLUMN_WIDTH)

    def rule_formula(self, size: float = BODY_SIZE) -> VMobject:
        formula = tex(*self.words.rule, size=size)
        for index, colour in self.words.rule_colours.items():
            formula[index].set_color(colour)
        return formula

    def build_graphs(self) -> VGroup:
        """f over f', on one x range, filling the left of the frame under the title."""
        low, high = (float(v) for v in self.x_window)
        self.x_range = self.show("x_range", axis_range(low, high, most=6, zero=False))
        x_lo, x_hi = low, high  # f is sampled and drawn over the window only
        self.f_extremes = self.show(
            "f_extremes", rules.sampled_extremes(self.example.f, x_lo, x_hi)
        )
        self.derivative_extremes = self.show(
            "derivative_extremes", rules.sampled_extremes(self.derivative_at, x_lo, x_hi)
        )
        self.y_ranges = self.show(
            "y_ranges",
            (
                axis_range(*self.f_extremes, most=4, zero=True),
                axis_range(*self.derivative_extremes, most=4, zero=True),
            ),
        )
        available = config.frame_height / 2 - MARGIN + GRAPH_TOP
        room = GRAPH_RIGHT + config.frame_width / 2 - MARGIN
        width = room - 1.2
        height = (available - GAP - 1.0) / 2
        for _ in range(4):  # shrink until both graphs, numbers included, fit their room
            graphs = VGroup(
                fitted_axes(
                    self.x_range,
                    self.y_ranges[0],
                    width=width,
                    height=height,
                    y_label="f(x)",
                    colour=INPUT,
                ),
                fitted_axes(
                    self.x_range,
                    self.y_ranges[1],
                    width=width,
                    height=height,
                    y_label="f'(x)",
                    colour=RESULT,
                ),
            ).arrange(DOWN, buff=GAP)
            f_axes, derivative_axes = graphs  # one x above the same x: the origins aligned
            derivative_axes.shift(RIGHT * (f_axes.c2p(0, 0)[0] - derivative_axes.c2p(0, 0)[0]))
            over = graphs.height - available, graphs.width - room
            if over[0] <= 1e-6 and over[1] <= 1e-6:
                break
            height -= max(over[0], 0) / 2 + 0.01
            width -= max(over[1], 0) + 0.01
        graphs.to_edge(LEFT, buff=MARGIN).align_to([0, GRAPH_TOP, 0], UP)
        return graphs

    # -- the tangent that follows x ------------------------------------------------------

    def point_on_f(self) -> np.ndarray:
        x = self.x.get_value()
        return self.f_axes.c2p(x, self.example.f(x))

    def point_on_derivative(self) -> np.ndarray:
        x = self.x.get_value()
        return self.derivative_axes.c2p(x, self.derivative_at(x))

    def tangent_now(self) -> Line:
        """The tangent to f at the tracked x, with the numerically measured slope."""
        axes, x = self.f_axes, self.x.get_value()
        point = axes.c2p(x, self.example.f(x))
        ahead = axes.c2p(x + 1, self.example.f(x) + self.tangent_slope(x)) - point
        (x_lo, x_hi), (y_lo, y_hi) = self.x_range[:2], self.y_ranges[0][:2]
        low, high = axes.c2p(x_lo, y_lo), axes.c2p(x_hi, y_hi)
        start, end = clipped_segment(point, ahead, TANGENT_LENGTH, low, high)
        return Line(start, end, color=HIGHLIGHT, stroke_width=5)

    def readouts(self) -> VGroup:
        """x, the tangent's slope and f'(x), each following the tracker."""

        def shown(value: Callable[[float], float]) -> Callable[[], float]:
            def current() -> float:
                v = value(self.x.get_value())
                return 0.0 if abs(v) < 0.005 else v  # never "-0.00"

            return current

        rows = VGroup(
            style.readout("x =", shown(lambda x: x), "coordinate", color=INPUT_2),
            style.readout(
                r"\text{slope of tangent} =", shown(self.tangent_slope), "slope", color=HIGHLIGHT
            ),
            style.readout("f'(x) =", shown(self.derivative_at), "slope", color=RESULT),
        )
        return rows.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)

    def record_readouts(self) -> None:
        """What the readouts show now, for the tests: (x, slope of tangent, f'(x))."""
        values = []
        for row in self.readout_rows:
            row[1].update(0)
            values.append(float(row[1].get_value()))
        self.readings.append(tuple(values))
        self.show("readings", tuple(self.readings))

    # -- beats --------------------------------------------------------------------------

    def state_rule(self) -> None:
        with self.beat(self.words.rule_said):
            self.title_text = style.title(self.heading)
            rule = self.rule_formula(size=TITLE_SIZE * 1.5)
            style.fit_width(rule, config.frame_width - 2 * MARGIN)
            self.play(FadeIn(self.title_text), run_time=QUICK)
            self.play(Write(rule), run_time=BEAT * 1.5)
            self.rule_shown = rule
            self.wait(PAUSE)

    def apply_rule(self) -> None:
        words = self.words
        with self.beat(words.example_said):
            # Worked out across the frame, then tidied into the column beside the graphs.
            boxed_rule = self.rule_formula()
            frame = style.highlight_box(boxed_rule, color=MUTED)
            wide_rule = VGroup(boxed_rule, frame)
            wide_rule.next_to(self.title_text, DOWN, buff=GAP * 0.6).to_edge(LEFT, buff=MARGIN)
            self.play(ReplacementTransform(self.rule_shown, boxed_rule), run_time=BEAT)
            self.play(Create(frame), run_time=QUICK)
            definition = self.equation_rows("f(x)", (words.f,), SAFE_WIDTH, INPUT)
            self.place_left(definition, wide_rule, MARGIN - config.frame_width / 2)
            self.play(Write(definition), run_time=BEAT)
            lines = self.equation_rows("f'(x)", words.steps, SAFE_WIDTH, RESULT)
            self.place_left(lines, definition, MARGIN - config.frame_width / 2)
            for line in lines:
                self.play(Write(line), run_time=BEAT)
            self.wait(PAUSE)
            self.rule_box, self.definition, self.result = self.column_stack()
            self.play(
                ReplacementTransform(wide_rule, self.rule_box),
                ReplacementTransform(definition, self.definition),
                FadeOut(lines),
                FadeIn(self.result),
                run_time=BEAT,
            )

    def place_left(self, mobject: VMobject, below: VMobject, left: float) -> VMobject:
        """``mobject`` under ``below``, its left edge at ``left``."""
        mobject.next_to(below, DOWN, buff=GAP * 0.6)
        return mobject.shift(RIGHT * (left - mobject.get_left()[0]))

    def column_stack(self) -> tuple[VGroup, VGroup, VGroup]:
        """The rule, f and f' in the column, spaced so the readouts and the summary fit too.

        The readouts (built here, shown later) and the summary equation go under them.
        """
        rule = self.fit_column(self.rule_formula)
        rule_box = VGroup(rule, style.highlight_box(rule, color=MUTED))
        definition = self.equation_rows("f(x)", (self.words.f,), COLUMN_WIDTH, INPUT)
        result = self.equation_rows("f'(x)", (self.words.steps[-1],), COLUMN_WIDTH, RESULT)
        self.readout_rows = self.readouts()
        self.summary_equation = self.summary_formula()
        stack = [rule_box, definition, result, self.readout_rows, self.summary_equation]
        top = self.title_text.get_bottom()[1] - GAP * 0.6
        room = top - (MARGIN - config.frame_height / 2)
        gap = min(GAP * 0.75, (room - sum(m.height for m in stack)) / (len(stack) - 1))
        rule_box.move_to([0, top - rule_box.height / 2, 0])
        for above, below in itertools.pairwise(stack):
            below.next_to(above, DOWN, buff=gap)
        for mobject in stack:
            mobject.shift(RIGHT * (COLUMN_LEFT - mobject.get_left()[0]))
        return rule_box, definition, result

    def equation_rows(
        self,
        head: str,
        items: Sequence[str | tuple[str, ...]],
        width: float,
        colour: str,
    ) -> VGroup:
        """``head = item 1 = item 2 ...``, the = signs in a column, within ``width``.

        An item given as parts (a tuple) packs as many parts into a line as fit at a legible
        size; the lines after the first are indented past the = sign.
        """
        probe = tex(head, "=", "0")
        equals_at = probe[1].get_left()[0] - probe.get_left()[0]
        after_equals = probe[2].get_left()[0] - probe.get_left()[0]

        def build(first_item: bool, first_line: bool, line: str) -> tuple[VMobject, float]:
            if first_item and first_line:
                row = tex(head, "=", line)
                row[0].set_color(colour)
                return row, 0.0
            if first_line:
                return tex("=", line), equals_at
            return tex(line), after_equals

        rows: list[tuple[VMobject, float]] = []
        for i, item in enumerate(items):
            lines: list[str] = []
            for part in (item,) if isinstance(item, str) else item:
                if lines:
                    joined = f"{lines[-1]} {part}"
                    row, indent = build(i == 0, len(lines) == 1, joined)
                    if row.width * MIN_SCALE <= width - indent:
                        lines[-1] = joined
                        continue
                lines.append(part)
            for j, line in enumerate(lines):
                row, indent = build(i == 0, j == 0, line)
                rows.append((style.fit_width(row, width - indent), indent))
        shown = VGroup(*(row for row, _ in rows)).arrange(DOWN, buff=BUFF * 1.2)
        for row, indent in rows:
            row.set_x(indent + row.width / 2)
        return shown

    def plot_function_and_derivative(self) -> None:
        with self.beat(
            "Now plot both: f on top and its derivative f' below, on the same x values."
        ):
            self.graphs = self.build_graphs()
            self.f_axes, self.derivative_axes = self.graphs
            x_lo, x_hi = (float(v) for v in self.x_window)
            f_curve = self.f_axes.plot(
                self.example.f, x_range=[x_lo, x_hi], color=INPUT, stroke_width=5
            )
            derivative_curve = self.derivative_axes.plot(
                self.example.derivative, x_range=[x_lo, x_hi], color=RESULT, stroke_width=5
            )
            style.clear_tick_numbers(self.f_axes, f_curve)
            style.clear_tick_numbers(self.derivative_axes, derivative_curve)
            self.play(Create(self.graphs), run_time=BEAT)
            self.play(Create(f_curve), run_time=BEAT)
            self.play(Create(derivative_curve), run_time=BEAT)
            self.curves = VGroup(f_curve, derivative_curve)

    def draw_tangent(self) -> None:
        first = float(self.tangent_xs[0])
        with self.beat(
            f"At x = {fmt(first, 'coordinate')} draw the tangent to f. Its slope, measured "
            f"on the curve, is {fmt(self.tangent_slope(first), 'slope')}; the formula gives "
            f"f'({fmt(first, 'coordinate')}) = {fmt(self.derivative_at(first), 'slope')}."
        ):
            on_f = always_redraw(lambda: Dot(self.point_on_f(), radius=0.08, color=INPUT_2))
            on_derivative = always_redraw(
                lambda: Dot(self.point_on_derivative(), radius=0.08, color=INPUT_2)
            )
            link = always_redraw(  # from the tracker, not the dots: never a frame behind
                lambda: DashedLine(
                    self.point_on_f(), self.point_on_derivative(), color=MUTED, stroke_width=2
                )
            )
            tangent = always_redraw(self.tangent_now)
            self.play(FadeIn(on_f, scale=1.5), Create(tangent), run_time=BEAT)
            self.play(Create(link), FadeIn(on_derivative, scale=1.5), run_time=QUICK)
            self.play(FadeIn(self.readout_rows), run_time=QUICK)
            self.readings: list[tuple[float, ...]] = []
            self.record_readouts()
            self.moving = VGroup(link, tangent, on_f, on_derivative)
            self.wait(QUICK)

    def move_along_the_curve(self) -> None:
        with self.beat(
            "Move x along the curve. Wherever it goes, the slope of the tangent and the "
            "height of f' are the same number: f' is the slope of f."
        ):
            for stop in self.tangent_xs[1:]:
                self.play(
                    self.x.animate.set_value(float(stop)), run_time=BEAT * 2.5, rate_func=smooth
                )
                self.record_readouts()
                self.wait(QUICK)

    def summary_formula(self) -> VMobject:
        """slope of tangent to f at x = f'(x), in the column."""
        equation = tex(
            r"\text{slope of tangent to } f \text{ at } x", "=", "f'(x)", size=LABEL_SIZE + 4
        )
        equation[0].set_color(HIGHLIGHT)
        equation[2].set_color(RESULT)
        return style.fit_width(equation, COLUMN_WIDTH)

    def show_summary(self) -> None:
        with self.beat(
            f"{self.heading}: {spoken(joined(self.words.f))} has derivative "
            f"{spoken(joined(self.words.steps[-1]))}, the slope of its tangent at every x."
        ):
            box = style.highlight_box(self.result)
            self.play(FadeIn(self.summary_equation, shift=UP * 0.2), Create(box), run_time=BEAT)
            self.hold_poster()
