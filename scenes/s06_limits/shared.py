"""What two or more scenes of section 6, Limits, share.

The section's scenes draw a function on axes fitted to a window at the left, with a column
of formulas and approach tables at the right: :class:`GraphScene` builds those axes for any
ranges, keeps labels on the graph clear of each other and of the curves, fits formulas to the
column, and lays out tables of values. The module also holds what the section writes and
says about numbers (a polynomial as TeX, ``=`` or ``\\approx`` as the screen rounds) and the
domain rules its inputs share.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    ORIGIN,
    RIGHT,
    SMALL_BUFF,
    UP,
    UR,
    Axes,
    DashedLine,
    Line,
    Mobject,
    VGroup,
    VMobject,
    config,
)

from lib import calculus
from scenes import style
from scenes.inputs import Rule
from scenes.style import (
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    MIN_TEXT_SIZE,
    MUTED,
    RESULT,
    TEXT,
    LessonScene,
    factor,
    fmt,
    linear_combination,
    num,
    tex,
    text,
)

#: The least a formula of the column is scaled to fit it: no text below the smallest size.
MIN_SCALE = MIN_TEXT_SIZE / BODY_SIZE

GRAPH_HEIGHT = 5.9
GRAPH_WIDTH = 6.8  # the x axis's length with short tick numbers on the y axis
GRAPH_REACH = 7.75  # the graph's whole width, tick numbers included: longer ones shorten it

Box = tuple[float, float, float, float]  # left, bottom, right, top
SLIDES = (0.0, 0.5, -0.5, 1.0, -1.0)  # a label slid along the side it is placed on

# -- the function, from its coefficients ----------------------------------------------------


def polynomial_tex(coefficients: Sequence[float]) -> str:
    """The polynomial with these coefficients (highest power first) as TeX: ``x^2 + 2x + 2``."""
    degree = len(coefficients) - 1
    names = {degree: "", degree - 1: "x"}
    terms = [(c, names.get(i, f"x^{degree - i}")) for i, c in enumerate(coefficients)]
    return linear_combination(terms, "entry")


def spoken_formula(formula: str) -> str:
    """A formula in powers of x as a subcaption says it: ``x squared + 2x + 2``."""
    return formula.replace("^2", " squared").replace("^3", " cubed")


def is_straight_line(coefficients: Sequence[float]) -> bool:
    """Whether the polynomial has no term beyond x, so its graph is a straight line."""
    return all(float(c) == 0 for c in coefficients[:-2])


def shown_exactly(value: float, kind: str = "value") -> bool:
    """Whether ``value`` appears on screen unrounded at its kind's decimals."""
    return math.isclose(float(fmt(value, kind)), value, rel_tol=1e-9, abs_tol=1e-9)


def equals(*values: tuple[float, str]) -> str:
    """``=`` when every ``(value, kind)`` is shown exactly, else ``\\approx``."""
    return "=" if all(shown_exactly(v, kind) for v, kind in values) else r"\approx"


def about(value: float, kind: str = "value", *, shown: Callable[..., str] = fmt) -> str:
    """``value`` for a subcaption, said with "about" when the screen rounds it."""
    return ("" if shown_exactly(value, kind) else "about ") + shown(value, kind)


# -- the inputs a lecturer may choose -------------------------------------------------------


def has_places(value: float, places: int) -> bool:
    """Whether ``value`` is written with at most ``places`` decimals."""
    return round(float(value), places) == float(value)


def written_with(name: str, places: int) -> Rule:
    """Input ``name`` (a number or a tuple) written with at most ``places`` decimals."""

    def check(values: Mapping[str, Any]) -> bool:
        value = values[name]
        numbers = value if isinstance(value, Sequence) else [value]
        return all(has_places(v, places) for v in numbers)

    return Rule(f"must have at most {places} decimals, as the screen shows it", (name,), check)


def runs_upward(name: str, what: str = "x") -> Rule:
    """Input ``name``, a pair (low, high), runs from a lower value to a higher one."""

    def check(values: Mapping[str, Any]) -> bool:
        low, high = values[name]
        return float(low) < float(high)

    return Rule(f"must run from a lower {what} to a higher one", (name,), check)


def round_out(low: float, high: float, *, most: int) -> tuple[float, float, float]:
    """An axis range over [low, high] in round steps, at least 1 wide: (start, stop, step).

    A short range widens about its middle, but not across 0 when it stops there.
    """
    if high - low < 1.0:
        middle = (low + high) / 2
        middle += max(0.0, 0.5 - middle) if low >= 0 else 0.0
        middle -= max(0.0, middle + 0.5) if high <= 0 else 0.0
        low, high = middle - 0.5, middle + 0.5
    step = style.nice_step(high - low, most=most)
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    return round(start, 10), round(stop, 10), step


# -- labels placed clear of each other --------------------------------------------------------


def shows(mobject: Mobject) -> bool:
    """Whether any part of ``mobject`` is drawn (a faded-out tick number is not)."""
    return any(part.get_fill_opacity() > 0 for part in mobject.family_members_with_points())


def box_of(mobject: Mobject) -> Box:
    (x0, y0, _), (x1, y1, _) = mobject.get_corner(DL), mobject.get_corner(UR)
    return float(x0), float(y0), float(x1), float(y1)


def boxes_meet(a: Box, b: Box, pad: float = 0.05) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > -pad and min(a[3], b[3]) - max(a[1], b[1]) > -pad


def box_inside(inner: Box, outer: Box) -> bool:
    left, bottom, right, top = outer
    return left <= inner[0] and bottom <= inner[1] and inner[2] <= right and inner[3] <= top


def points_of(*mobjects: VMobject) -> np.ndarray:
    """Points along drawn curves and lines (x, y), to keep labels off them."""
    arrays = [np.zeros((0, 2))]
    for m in mobjects:
        if isinstance(m, Line):
            start, end = m.get_start()[:2], m.get_end()[:2]
            arrays.append(start + np.linspace(0, 1, 60)[:, None] * (end - start))
        else:
            arrays.append(m.points[:, :2])
    return np.concatenate(arrays)


def crossings(box: Box, points: np.ndarray, pad: float = 0.05) -> int:
    """How many of ``points`` fall within ``pad`` of ``box``: how much line runs through it."""
    x, y = points[:, 0], points[:, 1]
    near = (x > box[0] - pad) & (x < box[2] + pad) & (y > box[1] - pad) & (y < box[3] + pad)
    return int(near.sum())


@dataclass(frozen=True, eq=False)
class Beside:
    """A place for a label: beside ``anchor`` (a point or a mobject), towards ``direction``.

    ``slide`` moves it along that side by a multiple of its own width (above or below) or
    height (left or right), for a label wider than what it names; ``edge`` lines it up with
    one end of that side instead of its middle.
    """

    anchor: Any
    direction: np.ndarray
    buff: float = BUFF
    slide: float = 0.0
    edge: np.ndarray = field(default_factory=lambda: ORIGIN)

    def __call__(self, label: Mobject) -> Mobject:
        label.next_to(self.anchor, self.direction, buff=self.buff, aligned_edge=self.edge)
        if self.direction[0] == 0:
            label.shift(RIGHT * self.slide * label.width)
        elif self.direction[1] == 0:
            label.shift(UP * self.slide * label.height)
        return label


CORNERS = ((0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))


@dataclass(frozen=True, eq=False)
class Within:
    """A place for a label inside ``box``, at least ``buff`` in from its edges.

    ``fx`` and ``fy`` run from the box's left and bottom (0) to its right and top (1).
    """

    box: Box
    fx: float
    fy: float
    buff: float = BUFF

    def __call__(self, label: Mobject) -> Mobject:
        left, bottom, right, top = self.box
        free_x = right - left - label.width - 2 * self.buff
        free_y = top - bottom - label.height - 2 * self.buff
        x = left + self.buff + label.width / 2 + self.fx * free_x
        y = bottom + self.buff + label.height / 2 + self.fy * free_y
        return label.move_to([x, y, 0])


def around(
    anchor: Any,
    directions: Sequence[np.ndarray],
    buff: float = BUFF,
    slides: Sequence[float] = (0.0,),
) -> list[Beside]:
    """Places beside ``anchor`` towards each direction, each slid by each of ``slides``.

    With more than one slide, also the places lined up with either end of each side.
    """
    spots = [
        Beside(anchor, direction, buff, slide)
        for direction in directions
        for slide in slides
        if slide == 0 or direction[0] == 0 or direction[1] == 0
    ]
    if len(slides) > 1:
        for direction in directions:
            if direction[0] == 0 or direction[1] == 0:
                ends = (LEFT, RIGHT) if direction[0] == 0 else (UP, DOWN)
                spots += [Beside(anchor, direction, buff, edge=end) for end in ends]
    return spots


def along(line: Line, directions: Sequence[np.ndarray], buff: float = BUFF) -> list[Beside]:
    """Places beside points a quarter, a tenth of the way from either end of ``line``."""
    start, end = line.get_start(), line.get_end()
    points = [start + share * (end - start) for share in (0.25, 0.75, 0.1, 0.9)]
    return [Beside(point, direction, buff) for point in points for direction in directions]


def place_clear(
    label: Mobject,
    spots: Sequence[Callable[[Mobject], Mobject]],
    *,
    region: Box,
    avoid: Sequence[Mobject] = (),
    lines: np.ndarray | None = None,
    pad: float = 0.05,
) -> Callable[[Mobject], Mobject] | None:
    """Move ``label`` to the first of ``spots`` inside ``region``, clear of texts and lines.

    When every spot clear of the texts in ``avoid`` touches ``lines``, the one that touches
    them least. Returns the spot taken, or ``None`` when none keeps clear of ``avoid`` (the
    label is then left at the first spot).
    """
    boxes = [box_of(m) for m in avoid]
    lines = np.zeros((0, 2)) if lines is None else lines
    best, least = None, math.inf
    for spot in spots:
        box = box_of(spot(label))
        if not box_inside(box, region) or any(boxes_meet(box, other, pad) for other in boxes):
            continue
        crossed = crossings(box, lines)
        if not crossed:
            return spot
        if crossed < least:
            best, least = spot, crossed
    (best or spots[0])(label)
    return best


def y_range_over(low: float, high: float) -> tuple[float, float, float]:
    """(start, stop, step) of a y axis over values from ``low`` to ``high``.

    Values near 0 put the x axis along the bottom (or the top) rather than just off it.
    """
    span = high - low
    if 0 < low <= span / 2:
        low = 0.0  # values near 0: the x axis along the bottom
    elif -span / 2 <= high < 0:
        high = 0.0
    return round_out(low, high, most=6)


def legend_entry(name: str, colour: str) -> VGroup:
    """A short line sample and its name, for a graph's legend."""
    sample = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
    return VGroup(sample, text(name, size=LABEL_SIZE, color=colour)).arrange(RIGHT)


def table(headers: Sequence[Mobject], rows: Sequence[Sequence[str]]) -> VGroup:
    """Columns of numbers under their headers, right-aligned: ``table.rows[0]`` heads it."""
    rows_shown = [VGroup(*headers), *(VGroup(*(tex(cell) for cell in row)) for row in rows)]
    grid = VGroup(*(cell for row in rows_shown for cell in row)).arrange_in_grid(
        rows=len(rows_shown),
        cols=len(headers),
        buff=(GAP * 1.6, BUFF * 0.9),
        col_alignments="r" * len(headers),
    )
    grid.rows = rows_shown
    return grid


class GraphScene(LessonScene):
    """A function's graph on axes at the left and a column of formulas at the right.

    A scene sets ``x_range`` and ``y_range`` (start, stop, step), ``heading`` and, once
    drawn, ``curve``; ``column_left`` is the column's left edge.
    """

    tick_kind = "value"  # how the axes' tick numbers are formatted (see style.DECIMALS)
    y_numbers = True  # whether the y axis is numbered

    def build_axes(self, width: float, height: float = GRAPH_HEIGHT) -> Axes:
        """Axes over the ranges, numbered except where they cross."""
        x_range, y_range = self.x_range, self.y_range
        axes = style.axes(x_range, y_range, width=width, height=height, numbers=False)
        crossing = [min(max(0.0, start), stop) for start, stop, _ in (x_range, y_range)]
        x_ticks = [v for v in style.ticks_of(x_range) if abs(v - crossing[0]) > 1e-9]
        y_ticks = [v for v in style.ticks_of(y_range) if abs(v - crossing[1]) > 1e-9]
        x_labels = style.tick_labels(x_ticks, self.tick_kind)
        y_labels = style.tick_labels(y_ticks if self.y_numbers else [], self.tick_kind)
        axes.add_coordinates(x_labels, y_labels)
        x_name, y_name = axes.axis_labels  # beyond the numbers, as the course's axes have them
        x_name.next_to(axes.x_axis.get_edge_center(UR), UR, buff=SMALL_BUFF)
        y_name.next_to(axes.y_axis.get_edge_center(UR), UP * 0.5 + RIGHT, buff=SMALL_BUFF)
        if y_range[1] <= 0:  # the x axis along the top: its numbers above it, off the curve
            for value, label in x_labels.items():
                label.next_to(axes.c2p(value, crossing[1]), UP, buff=BUFF)
            axes.axis_labels[0].next_to(axes.x_axis.get_corner(DR), DR, buff=BUFF * 0.4)
        if x_range[1] <= 0:  # the y axis on the right: its numbers right of it
            for value, label in y_labels.items():
                label.next_to(axes.c2p(crossing[0], value), RIGHT, buff=BUFF)
        return axes

    def fitted_axes(
        self, width: float = GRAPH_WIDTH, reach: float = GRAPH_REACH, height: float = GRAPH_HEIGHT
    ) -> Axes:
        """Axes at the lower left, narrowed when long tick numbers would make them wider than
        ``reach``; the y axis's name moves beside its tip when it would run into the heading."""
        axes = self.build_axes(width, height)
        if axes.width > reach:
            axes = self.build_axes(width - (axes.width - reach), height)
        axes.to_corner(LEFT + DOWN, buff=MARGIN)
        y_name = axes.axis_labels[1]
        if boxes_meet(box_of(y_name), box_of(self.heading), 0.0):  # the y axis under the title
            side = LEFT if self.x_range[1] <= 0 else RIGHT  # away from the y axis's numbers
            y_name.next_to(axes.y_axis.get_end(), side, buff=SMALL_BUFF * 2)
        return axes

    def keep_off(self, *drawn: VMobject) -> np.ndarray:
        """Points along the curve, the axes and ``drawn``: labels keep off them if they can."""
        return points_of(self.curve, self.axes.x_axis, self.axes.y_axis, *drawn)

    def graph_texts(self) -> list[Mobject]:
        """The tick numbers and axis names: labels on the graph keep clear of them."""
        found = list(self.axes.axis_labels)
        for axis in self.axes.axes:
            found += list(getattr(axis, "labels", []))
        return [m for m in found if shows(m)]  # not those faded out for a label

    def graph_box(self) -> Box:
        """Where labels on the graph may go: the axes' box, below the title."""
        left, bottom, right, top = box_of(self.axes)
        return left, bottom, right, min(top, self.heading.get_bottom()[1] - BUFF * 0.5)

    def place_label(
        self,
        label: Mobject,
        spots: Sequence[Callable[[Mobject], Mobject]],
        *,
        avoid: Sequence[Mobject] = (),
        lines: np.ndarray | None = None,
        pad: float = 0.05,
    ) -> list[Mobject]:
        """Place ``label`` on the graph clear of ``avoid`` and of the graph's own texts.

        When no spot is clear of the tick numbers, returns those it covers: they fade out
        while the label shows.
        """
        names = list(self.axes.axis_labels)
        ticks = [m for m in self.graph_texts() if m not in names]
        where = {"region": self.graph_box(), "lines": lines, "pad": pad}
        if place_clear(label, spots, avoid=[*avoid, *names, *ticks], **where) is not None:
            return []
        if place_clear(label, spots, avoid=[*avoid, *names], **where) is None:
            return []
        return [m for m in ticks if boxes_meet(box_of(label), box_of(m), pad)]

    def place_legend(
        self,
        legend: Mobject,
        *,
        lines: np.ndarray,
        avoid: Sequence[Mobject] = (),
        beside: Sequence[Beside] = (),
        shown: Sequence[Mobject] = (),
    ) -> list[Mobject]:
        """The legend in a corner of the graph, else wherever it is clear of labels and lines.

        When the graph has no such room, at one of ``beside`` in the column clear of
        ``shown``; when none is free either, where it crosses the fewest lines. Returns the
        tick numbers it covers when nowhere else will do.
        """
        (x_lo, x_hi), (y_lo, y_hi) = self.x_range[:2], self.y_range[:2]
        plot = (*self.axes.c2p(x_lo, y_lo)[:2], *self.axes.c2p(x_hi, y_hi)[:2])
        steps = [i / 8 for i in range(9)]
        inside = [Within(plot, fx, fy, GAP) for fx, fy in CORNERS] + [
            Within(plot, fx, fy, BUFF * 0.5) for fy in reversed(steps) for fx in steps
        ]
        taken = place_clear(
            legend,
            inside,
            region=self.graph_box(),
            avoid=[*avoid, *self.graph_texts()],
            lines=lines,
            pad=BUFF,
        )
        if taken is not None and not crossings(box_of(legend), lines):
            return []
        column = (
            self.column_left,
            -config.frame_height / 2 + MARGIN,
            config.frame_width / 2 - MARGIN,
            config.frame_height / 2 - MARGIN,
        )
        if beside and place_clear(legend, beside, region=column, avoid=shown) is not None:
            return []
        if taken is not None:
            taken(legend)
            return []
        return self.place_label(legend, inside, avoid=avoid, lines=lines, pad=BUFF)

    def line_through(self, x0: float, y0: float, slope: float, **style_kwargs: object) -> Line:
        """The line through (x0, y0) with ``slope``, clipped to the axes' box."""
        x_lo, x_hi = self.x_range[:2]
        y_lo, y_hi = self.y_range[:2]
        xs = [x_lo, x_hi]
        if slope != 0:
            xs += [x0 + (y_lo - y0) / slope, x0 + (y_hi - y0) / slope]
        inside = sorted(
            x
            for x in xs
            if x_lo - 1e-9 <= x <= x_hi + 1e-9
            and y_lo - 1e-9 <= y0 + slope * (x - x0) <= y_hi + 1e-9
        )
        start, end = (inside[0], inside[-1]) if inside else (x0, x0)
        return Line(
            self.axes.c2p(start, y0 + slope * (start - x0)),
            self.axes.c2p(end, y0 + slope * (end - x0)),
            **style_kwargs,
        )

    def rise_and_run(
        self,
        q: calculus.DifferenceQuotient,
        start: Mobject,
        *,
        avoid: Sequence[Mobject],
        slope: float,
    ) -> tuple[VGroup, Mobject, Mobject, list[Mobject]]:
        """Dashed run and rise legs from ``start`` (the dot at x0) to x0 + h, labelled.

        The labels keep clear of ``avoid``, of the line through x0 with ``slope`` and of the
        graph's texts. Returns the legs, the run's and the rise's labels and the tick numbers
        they cover (to fade while they show).
        """
        side = 1.0 if q.h > 0 else -1.0
        corner = self.axes.c2p(q.x0_plus_h, q.f_x0)
        top = self.axes.c2p(q.x0_plus_h, q.f_x0_plus_h)
        legs = VGroup(DashedLine(start.get_center(), corner, color=MUTED))
        if abs(top[1] - corner[1]) > 0.05:  # no rise to draw when f(x1) = f(x0)
            legs.add(DashedLine(corner, top, color=MUTED))
        run_label = tex(rf"\text{{run}} = {num(q.h, 'approach')}", size=LABEL_SIZE, color=MUTED)
        rise_label = tex(
            rf"\text{{rise}} {equals((q.rise, 'value'))} {num(q.rise)}",
            size=LABEL_SIZE,
            color=MUTED,
        )
        lines = self.keep_off(self.line_through(q.x0, q.f_x0, slope), *legs)
        below = DOWN if q.rise >= 0 else UP  # the run's label outside the triangle
        outside = RIGHT * side  # beyond x0 + h, away from x0
        covered = self.place_label(
            run_label,
            [
                *around(legs[0], (below, -below), BUFF * 0.5, SLIDES),
                *along(legs[0], (below, -below), BUFF * 0.5),
                *around(start, (below - outside, -outside, -below)),
            ],
            avoid=avoid,
            lines=lines,
        )
        covered += self.place_label(
            rise_label,
            [
                *around(legs[-1], (-outside, outside), BUFF * 0.5, SLIDES),
                *along(legs[-1], (-outside, outside), BUFF * 0.5),
                *around(corner, (outside + below, below, outside - below)),
            ],
            avoid=[*avoid, run_label],
            lines=lines,
        )
        return legs, run_label, rise_label, covered

    # -- the column beside the graph --------------------------------------------------------

    def column_width(self) -> float:
        """Width of the right-hand column, from its left edge to the safe margin."""
        return config.frame_width / 2 - MARGIN - self.column_left

    def fit_column(self, *layouts: Callable[[], Mobject]) -> Mobject:
        """The first of ``layouts`` that fits the column at a legible size, fitted to it."""
        for build in layouts:
            candidate = build()
            if candidate.width * MIN_SCALE <= self.column_width():
                break
        return style.fit_width(candidate, self.column_width())

    def stack_in_column(
        self, below: Mobject, *choices: Sequence[Callable[[], Mobject]]
    ) -> tuple[Mobject, ...]:
        """One layout of each of ``choices``, stacked down the column under ``below``.

        Tries the layouts in order (the last choice varying fastest) until the stack ends
        above the bottom margin; when none does, the first of each.
        """
        bottom = -config.frame_height / 2 + MARGIN
        first = None
        for builds in itertools.product(*choices):
            stack, anchor = [], below
            for build in builds:
                block = self.fit_column(build)
                block.next_to(anchor, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
                stack.append(block)
                anchor = block
            first = first or tuple(stack)
            if stack[-1].get_bottom()[1] >= bottom:
                return tuple(stack)
        return first


def formula_lines(*rows: Sequence[str], colour: str = HIGHLIGHT) -> Callable[[], Mobject]:
    """A formula set on several lines, one per row of parts, its last part in ``colour``."""

    def build() -> Mobject:
        formula = VGroup(*(tex(*row) for row in rows))
        formula[-1][-1].set_color(colour)
        return formula.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)

    return build


def table_layouts(
    headers: Callable[[], Sequence[Mobject]], rows: Sequence[Sequence[str]]
) -> list[Callable[[], VGroup]]:
    """A :func:`table` as one block, or as two side by side when it is long.

    Each layout has ``headers`` (the header rows) and ``value_rows`` (every other row, in
    order), to be shown one by one.
    """
    half = (len(rows) + 1) // 2

    def one_block() -> VGroup:
        grid = table(headers(), rows)
        grid.headers, grid.value_rows = [grid.rows[0]], grid.rows[1:]
        return grid

    def two_blocks() -> VGroup:
        left, right = table(headers(), rows[:half]), table(headers(), rows[half:])
        blocks = VGroup(left, right).arrange(RIGHT, buff=GAP * 1.6, aligned_edge=UP)
        blocks.headers = [left.rows[0], right.rows[0]]
        blocks.value_rows = left.rows[1:] + right.rows[1:]
        return blocks

    return [one_block, two_blocks]


def quotient_layouts(q: calculus.DifferenceQuotient) -> list[Callable[[], Mobject]]:
    """(f(x1) - f(x0)) / (x1 - x0) = slope written out with lib's numbers, on 1 to 3 lines."""
    x0s, x1s = num(q.x0, "approach"), num(q.x0_plus_h, "approach")
    symbolic = rf"\frac{{f({x1s}) - f({x0s})}}{{{x1s} - {factor(q.x0, 'approach')}}}"
    numeric = rf"\frac{{{num(q.f_x0_plus_h)} - {factor(q.f_x0)}}}{{{num(q.h, 'approach')}}}"
    values = ((q.f_x0, "value"), (q.f_x0_plus_h, "value"))
    first, second = equals(*values), equals(*values, (q.slope, "approach"))
    slope = num(q.slope, "approach")
    return [
        formula_lines((symbolic, first, numeric, second, slope)),
        formula_lines((symbolic,), (first, numeric, second, slope)),
        formula_lines((symbolic,), (first, numeric), (second, slope)),
    ]


def derivative_layouts(x0: float, slope: float) -> list[Callable[[], VGroup]]:
    """The limit of the difference quotient over the derivative, or all on one line.

    ``lim ... = 6 = f'(2)`` when the slope shows exactly, else ``lim ... = f'(x0) ≈ 6.04``.
    """
    limit = (
        rf"\lim_{{x_1 \to {num(x0)}}}",
        rf"\frac{{f(x_1) - f({num(x0)})}}{{x_1 - {factor(x0)}}}",
    )
    value, derivative = num(slope, "slope"), rf"f'({num(x0)})"
    if shown_exactly(slope, "slope"):
        first, second = (*limit, "=", value), ("=", derivative)
    else:
        first, second = (*limit, "=", derivative), (r"\approx", value)

    def two_lines() -> VGroup:
        rows = VGroup(tex(*first), tex(*second, color=RESULT))
        rows[0][-1].set_color(RESULT)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
        rows[1].shift(RIGHT * (rows[0][2].get_x() - rows[1][0].get_x()))  # under its sign
        return rows

    def one_line() -> VGroup:
        statement = tex(*first, *second)
        statement[-3].set_color(RESULT)
        statement[-1].set_color(RESULT)
        return VGroup(statement)

    return [two_lines, one_line]


def wrapped_text(
    message: str, width: float, *, size: float = LABEL_SIZE, color: str = TEXT
) -> VGroup:
    """``message`` in lines no wider than ``width``, each as many words as fit (measured)."""
    lines: list[Mobject] = []
    words = message.split()
    while words:
        count = 1
        while count < len(words) and text(" ".join(words[: count + 1]), size=size).width <= width:
            count += 1
        lines.append(text(" ".join(words[:count]), size=size, color=color))
        words = words[count:]
    return VGroup(*lines).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)


def drop_crowded_ticks(axes: Axes) -> None:
    """Remove the y axis's tick numbers that would touch one of the x axis's."""
    x_labels = list(getattr(axes.x_axis, "labels", []))
    y_labels = getattr(axes.y_axis, "labels", None)
    for label in list(y_labels or []):
        if any(boxes_meet(box_of(label), box_of(other), 0.05) for other in x_labels):
            y_labels.remove(label)
