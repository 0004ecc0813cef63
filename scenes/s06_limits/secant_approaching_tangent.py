"""SecantApproachingTangent: The slope of a secant through x = 2 tends to the tangent slope 6 as
the second point slides in.
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
    UL,
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

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
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


def one_side(values: Mapping[str, Any]) -> bool:
    """Every stop above x0 or every stop below it, none at x0 and no two alike."""
    offsets = [float(s) - float(values["x0"]) for s in values["stops"]]
    same_side = all(o > 0 for o in offsets) or all(o < 0 for o in offsets)
    distances = sorted(round(abs(o), 6) for o in offsets)
    return same_side and all(a < b for a, b in itertools.pairwise(distances))


def window_runs_upward(values: Mapping[str, Any]) -> bool:
    low, high = values["x_window"]
    return float(low) < float(high)


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


# -- the scene ------------------------------------------------------------------------------


class SecantApproachingTangent(LessonScene):
    """A secant through x0 and a sliding second point; its slope tends to the tangent's."""

    coefficients = (1.0, 2.0, 2.0)  # f(x) = x^2 + 2x + 2: highest power first
    x0 = 2.0  # the fixed point P
    stops = (5.0, 3.0, 2.5, 2.1, 2.01, 2.001)  # where Q pauses (played farthest first)
    x_window = (0.0, 6.0)  # the x values the graph shows at least; it grows to hold the stops
    domain = Domain(
        coefficients=Vector((2, 4), -10, 10),
        x0=Number(-10, 10),
        stops=Vector((3, 8), -10, 10, places=3),
        x_window=Vector(2, -10, 10),
        rules=(
            written_with("coefficients", 2),
            written_with("x0", 2),
            written_with("stops", 3),
            Rule(
                "must put every stop on one side of x0 (all above it or all below it), none "
                "at x0 and no two at the same distance from it",
                ("x0", "stops"),
                one_side,
            ),
            Rule("must run from a lower x to a higher one", ("x_window",), window_runs_upward),
        ),
    )

    def construct(self) -> None:
        self.point_x = float(self.x0)
        self.f = calculus.polynomial(self.coefficients)  # every number, from lib, up front
        self.path = sorted((float(s) for s in self.stops), key=lambda s: -abs(s - self.point_x))
        self.side = 1.0 if self.path[0] > self.point_x else -1.0  # Q's side of P
        self.slopes = calculus.secant_sequence(self.f, self.point_x, self.path)
        self.tangent = calculus.tangent_line(self.f, self.point_x)
        self.straight = is_straight_line(self.coefficients)
        self.formula = polynomial_tex(self.coefficients)
        self.introduce_function()
        self.place_points()
        self.write_first_quotient()
        self.slide_second_point()
        self.close_in()
        self.reveal_tangent()
        self.show_summary()

    # -- the graph ------------------------------------------------------------------------

    def x_extent(self) -> tuple[float, float, float]:
        """(start, stop, step) of the x axis: the window, grown to hold P and every stop."""
        xs = [*(float(x) for x in self.x_window), self.point_x, *self.path]
        return round_out(min(xs), max(xs), most=8)

    def y_extent(self) -> tuple[float, float, float]:
        """(start, stop, step) of the y axis: every value f takes over the x axis."""
        low, high = self.show(
            "f_extremes", calculus.polynomial_extremes(self.coefficients, *self.x_range[:2])
        )
        span = high - low
        if 0 < low <= span / 2:
            low = 0.0  # values near 0: the x axis along the bottom
        elif -span / 2 <= high < 0:
            high = 0.0
        return round_out(low, high, most=6)

    def build_axes(self, width: float) -> Axes:
        """Axes over the extents, numbered except where they cross."""
        x_range, y_range = self.x_range, self.y_range
        axes = style.axes(x_range, y_range, width=width, height=GRAPH_HEIGHT, numbers=False)
        crossing = [min(max(0.0, start), stop) for start, stop, _ in (x_range, y_range)]
        x_ticks = [v for v in style.ticks_of(x_range) if abs(v - crossing[0]) > 1e-9]
        y_ticks = [v for v in style.ticks_of(y_range) if abs(v - crossing[1]) > 1e-9]
        x_labels, y_labels = style.tick_labels(x_ticks), style.tick_labels(y_ticks)
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

    def x1(self) -> float:
        """The second point's x, from the tracker: x0 + side * 10^gap."""
        return self.point_x + self.side * 10 ** self.gap.get_value()

    def gap_of(self, x1: float) -> float:
        return math.log10(abs(x1 - self.point_x))

    def slope_now(self) -> float:
        return calculus.secant_slope(self.f, self.point_x, self.x1())

    def line_with_slope(self, slope: float, **style_kwargs: object) -> Line:
        """The line through P with ``slope``, clipped to the axes' box."""
        x_lo, x_hi = self.x_range[:2]
        y_lo, y_hi = self.y_range[:2]
        x0, y0 = self.point_x, self.f(self.point_x)
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

    def ghost(self, slope: float) -> Line:
        """A faint secant left behind where Q paused."""
        return self.line_with_slope(slope, color=MUTED, stroke_width=2, stroke_opacity=0.5)

    def q_label_now(self) -> Mobject:
        """Q's label beside its dot: on the side it had while that stays clear."""
        label = tex("Q", color=INPUT_2)
        q_point = self.axes.c2p(self.x1(), self.f(self.x1()))
        y0 = self.f(self.point_x)
        directions = [self.q_direction, DR, UR, DL, UL, RIGHT, DOWN, LEFT, UP]
        taken = place_clear(
            label,
            around(q_point, directions),
            region=self.graph_box(),
            avoid=[self.p_label, *self.graph_texts()],
            lines=self.keep_off(
                self.line_with_slope(self.slope_now()),
                Line(self.axes.c2p(self.x1(), y0), q_point),  # where rise and run are drawn
                Line(self.axes.c2p(self.point_x, y0), self.axes.c2p(self.x1(), y0)),
            ),
        )
        if isinstance(taken, Beside):
            self.q_direction = taken.direction
        return label

    def legend_entry(self, name: str, colour: str) -> VGroup:
        """A short line sample and its name, for the graph's legend."""
        sample = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
        return VGroup(sample, text(name, size=LABEL_SIZE, color=colour)).arrange(RIGHT)

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

    def quotient_tex(self, x1: float) -> Mobject:
        """(f(x1) - f(x0)) / (x1 - x0) written out with lib's numbers, on as many lines as fit."""
        q = calculus.difference_quotient(self.f, self.point_x, x1 - self.point_x)
        self.show(f"quotient_at_{fmt(x1, 'approach')}", q)
        x0s, x1s = num(q.x0, "approach"), num(q.x0_plus_h, "approach")
        symbolic = rf"\frac{{f({x1s}) - f({x0s})}}{{{x1s} - {factor(q.x0, 'approach')}}}"
        numeric = rf"\frac{{{num(q.f_x0_plus_h)} - {factor(q.f_x0)}}}{{{num(q.h, 'approach')}}}"
        values = ((q.f_x0, "value"), (q.f_x0_plus_h, "value"))
        first, second = equals(*values), equals(*values, (q.slope, "approach"))
        slope = num(q.slope, "approach")

        def lines(*rows: Sequence[str]) -> Callable[[], Mobject]:
            def build() -> Mobject:
                formula = VGroup(*(tex(*row) for row in rows))
                formula[-1][-1].set_color(HIGHLIGHT)
                return formula.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)

            return build

        return self.fit_column(
            lines((symbolic, first, numeric, second, slope)),
            lines((symbolic,), (first, numeric, second, slope)),
            lines((symbolic,), (first, numeric), (second, slope)),
        )

    def table(self, rows: Sequence[tuple[float, float]]) -> VGroup:
        """x1 and the slope, one row a stop, under their headers: ``table.rows[0]`` heads it."""
        rows_shown = [
            VGroup(
                tex("x_1", size=BODY_SIZE, color=INPUT_2),
                tex(r"\text{slope}", size=BODY_SIZE, color=HIGHLIGHT),
            ),
            *(VGroup(tex(num(x1, "approach")), tex(num(s, "approach"))) for x1, s in rows),
        ]
        grid = VGroup(*(cell for row in rows_shown for cell in row)).arrange_in_grid(
            rows=len(rows_shown), cols=2, buff=(GAP * 1.6, BUFF * 0.9), col_alignments="rr"
        )
        grid.rows = rows_shown
        return grid

    def table_layouts(self) -> list[Callable[[], VGroup]]:
        """The table as one block, or as two side by side when it is long."""
        rows = list(zip(self.path, self.slopes, strict=True))
        half = (len(rows) + 1) // 2

        def one_block() -> VGroup:
            grid = self.table(rows)
            grid.headers, grid.stop_rows = [grid.rows[0]], grid.rows[1:]
            return grid

        def two_blocks() -> VGroup:
            left, right = self.table(rows[:half]), self.table(rows[half:])
            blocks = VGroup(left, right).arrange(RIGHT, buff=GAP * 1.6, aligned_edge=UP)
            blocks.headers = [left.rows[0], right.rows[0]]
            blocks.stop_rows = left.rows[1:] + right.rows[1:]
            return blocks

        return [one_block, two_blocks]

    def statement_layouts(self) -> list[Callable[[], VGroup]]:
        """The limit over the derivative, or all on one line when room is short.

        ``lim ... = 6 = f'(2)`` when the slope shows exactly, else ``lim ... = f'(x0) ≈ 6.04``.
        """
        slope, x0 = self.tangent.slope, self.point_x
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
            return rows.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)

        def one_line() -> VGroup:
            statement = tex(*first, *second)
            statement[-3].set_color(RESULT)
            statement[-1].set_color(RESULT)
            return VGroup(statement)

        return [two_lines, one_line]

    def arrange_column(self) -> tuple[VGroup, VGroup]:
        """The table under the definition and the limit under the table, as they fit."""
        bottom = -config.frame_height / 2 + MARGIN
        first = None
        for make_table in self.table_layouts():
            for make_statement in self.statement_layouts():
                table = self.fit_column(make_table)
                table.next_to(self.definition, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
                statement = self.fit_column(make_statement)
                statement.next_to(table, DOWN, buff=GAP * 1.1, aligned_edge=LEFT)
                first = first or (table, statement)
                if statement.get_bottom()[1] >= bottom:
                    return table, statement
        return first

    # -- beats --------------------------------------------------------------------------

    def introduce_function(self) -> None:
        with self.beat(
            f"Here is f(x) = {spoken_formula(self.formula)}. How steep is it at "
            f"x = {fmt(self.point_x)}? A slope needs two points, so we start with two."
        ):
            heading = self.heading = style.title("From secant to tangent")
            self.x_range = self.show("x_range", self.x_extent())
            self.y_range = self.show("y_range", self.y_extent())
            self.axes = self.build_axes(GRAPH_WIDTH)
            if self.axes.width > GRAPH_REACH:
                self.axes = self.build_axes(GRAPH_WIDTH - (self.axes.width - GRAPH_REACH))
            self.axes.to_corner(LEFT + DOWN, buff=MARGIN)
            y_name = self.axes.axis_labels[1]
            if boxes_meet(box_of(y_name), box_of(heading), 0.0):  # the y axis under the title
                y_name.next_to(self.axes.y_axis.get_end(), RIGHT, buff=SMALL_BUFF * 2)
            curve = self.axes.plot(self.f, x_range=self.x_range[:2], color=INPUT, stroke_width=5)
            self.column_left = self.axes.get_right()[0] + GAP * 1.6
            self.definition = self.fit_column(lambda: tex("f(x)", "=", self.formula))
            self.definition[0].set_color(INPUT)
            self.definition.move_to(
                [self.column_left, heading.get_bottom()[1] - GAP * 1.4, 0], aligned_edge=LEFT
            )
            self.play(FadeIn(heading), Create(self.axes), run_time=BEAT)
            self.play(Create(curve), Write(self.definition), run_time=BEAT * 1.5)
            self.curve = curve
            self.wait(QUICK)

    def place_points(self) -> None:
        x0, start = self.point_x, self.path[0]
        with self.beat(
            f"Fix the point P at x = {fmt(x0)} and take a second point Q at "
            f"x = {fmt(start, 'approach')}. The line through them is a secant, and its slope "
            "is rise over run."
        ):
            self.gap = ValueTracker(self.gap_of(start))
            p_point = self.axes.c2p(x0, self.f(x0))
            self.p_dot = Dot(p_point, radius=0.09, color=INPUT)
            self.p_label = tex("P", size=BODY_SIZE, color=INPUT)
            covered = self.place_label(
                self.p_label,
                around(p_point, (UL, UR, DR, DL, UP, DOWN, LEFT, RIGHT)),
                lines=self.keep_off(
                    self.line_with_slope(self.tangent.slope),
                    self.line_with_slope(self.slopes[0]),
                    Line(p_point, self.axes.c2p(start, self.f(x0))),  # where the run is drawn
                ),
            )
            names = list(self.axes.axis_labels)
            covered += [  # tick numbers under the dot itself
                tick
                for tick in self.graph_texts()
                if tick not in names and boxes_meet(box_of(tick), box_of(self.p_dot), 0.0)
            ]
            self.q_direction = DR
            self.q_dot = always_redraw(
                lambda: Dot(self.axes.c2p(self.x1(), self.f(self.x1())), radius=0.09, color=INPUT_2)
            )
            self.q_label = always_redraw(self.q_label_now)
            self.secant = always_redraw(
                lambda: self.line_with_slope(self.slope_now(), color=INPUT_2, stroke_width=4)
            )
            self.x1_readout = style.readout("x_1 =", self.x1, "approach", color=INPUT_2)
            self.slope_readout = style.readout(
                r"\text{slope} =", self.slope_now, "approach", color=HIGHLIGHT
            )
            readouts = VGroup(self.x1_readout, self.slope_readout).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.5
            )
            readouts.next_to(self.definition, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(
                FadeIn(self.p_dot, scale=1.5),
                FadeIn(self.p_label),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=QUICK,
            )
            self.play(FadeIn(self.q_dot, scale=1.5), FadeIn(self.q_label), run_time=QUICK)
            self.play(Create(self.secant), FadeIn(readouts), run_time=BEAT)
            self.readouts = readouts
            self.wait(QUICK)

    def write_first_quotient(self) -> None:
        start = self.path[0]
        q = calculus.difference_quotient(self.f, self.point_x, start - self.point_x)
        with self.beat(
            f"Run: {fmt(q.h, 'approach')}. Rise: {about(q.f_x0_plus_h)} minus "
            f"{about(q.f_x0, shown=factor)}, that is {about(q.rise)}. The slope is "
            f"{about(q.rise)} over {fmt(q.h, 'approach')}: {about(q.slope, 'approach')}."
        ):
            corner = self.axes.c2p(start, q.f_x0)
            top = self.axes.c2p(start, q.f_x0_plus_h)
            legs = VGroup(DashedLine(self.p_dot.get_center(), corner, color=MUTED))
            if abs(top[1] - corner[1]) > 0.05:  # no rise to draw when f(x1) = f(x0)
                legs.add(DashedLine(corner, top, color=MUTED))
            run_label = tex(rf"\text{{run}} = {num(q.h, 'approach')}", size=LABEL_SIZE, color=MUTED)
            rise_label = tex(
                rf"\text{{rise}} {equals((q.rise, 'value'))} {num(q.rise)}",
                size=LABEL_SIZE,
                color=MUTED,
            )
            avoid = [self.p_label, self.q_label_now()]
            lines = self.keep_off(self.line_with_slope(self.slopes[0]), *legs)
            below = DOWN if q.rise >= 0 else UP  # the run's label outside the triangle
            outside = RIGHT * self.side  # beyond Q, away from P
            covered = self.place_label(
                run_label,
                [
                    *around(legs[0], (below, -below), BUFF * 0.5, SLIDES),
                    *along(legs[0], (below, -below), BUFF * 0.5),
                    *around(self.p_dot, (below - outside, -outside, -below)),
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
            self.quotient = self.quotient_tex(start)
            self.quotient.next_to(self.readouts, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(
                Create(legs[0]),
                FadeIn(run_label),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=BEAT,
            )
            self.play(*(Create(leg) for leg in legs[1:]), FadeIn(rise_label), run_time=BEAT)
            self.play(Write(self.quotient), run_time=BEAT * 1.5)
            self.wait(PAUSE)
            self.play(
                FadeOut(VGroup(legs, run_label, rise_label)),
                *(tick.animate.set_opacity(1) for tick in covered),
                run_time=QUICK,
            )

    def slide_second_point(self) -> None:
        target = self.path[len(self.path) // 2]
        q = calculus.difference_quotient(self.f, self.point_x, target - self.point_x)
        with self.beat(
            f"Slide Q toward P. At x = {fmt(target, 'approach')} Q is only "
            f"{fmt(abs(q.h), 'approach')} from P, and the slope is {about(q.slope, 'approach')}."
        ):
            self.ghosts = VGroup(self.ghost(self.slopes[0]))
            self.add(self.ghosts)
            self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
            self.play(
                self.gap.animate.set_value(self.gap_of(target)),
                run_time=BEAT * 4,
                rate_func=smooth,
            )
            second = self.quotient_tex(target).move_to(self.quotient, aligned_edge=UP + LEFT)
            self.play(ReplacementTransform(self.quotient, second), run_time=BEAT)
            self.quotient = second
            self.wait(PAUSE)

    def approach_words(self) -> str:
        """What the table's slopes do, in words true of these numbers."""
        target = about(self.tangent.slope, "slope")
        if self.straight:
            return f"Every slope is {target}: on a straight line each secant is the line itself."
        listed = ", ".join(fmt(s, "approach") for s in self.slopes)
        distances = [abs(s - self.tangent.slope) for s in self.slopes]
        steady = all(b <= a + 1e-12 for a, b in itertools.pairwise(distances))
        trend = "They are closing in on" if steady else "As the run shrinks they head for"
        return f"The slopes read {listed}. {trend} {target}."

    def close_in(self) -> None:
        with self.beat("Closer still: each step shrinks the run. " + self.approach_words()):
            self.table_block, self.statement = self.arrange_column()
            self.play(FadeOut(self.quotient), FadeOut(self.readouts), run_time=QUICK)
            self.play(*(FadeIn(h) for h in self.table_block.headers), run_time=QUICK)
            for index, (x1, row) in enumerate(
                zip(self.path, self.table_block.stop_rows, strict=True)
            ):
                self.play(
                    self.gap.animate.set_value(self.gap_of(x1)),
                    run_time=QUICK if index < 4 else BEAT,
                    rate_func=smooth,
                )
                ghost = self.ghost(self.slopes[index])
                self.ghosts.add(ghost)
                self.add(ghost)
                self.bring_to_front(self.curve, self.secant, self.p_dot, self.q_dot)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
            self.show("stops", tuple(self.path))
            self.show("slopes", tuple(self.slopes))
            self.wait(QUICK)

    def reveal_tangent(self) -> None:
        slope = about(self.tangent.slope, "slope")
        derivative = f"f'({fmt(self.point_x)}) " + (
            "=" if shown_exactly(self.tangent.slope, "slope") else "is"
        )
        if self.straight:
            said = (
                f"As Q reaches P nothing changes: the tangent to a straight line is the line "
                f"itself, with slope {slope}. That limit is the derivative, {derivative} {slope}."
            )
        else:
            said = (
                "In the limit, as Q reaches P, the secant becomes the tangent: the line that "
                f"touches the curve at P, with slope {slope}. That limit is the derivative, "
                f"{derivative} {slope}."
            )
        with self.beat(said):
            self.tangent_line = self.line_with_slope(
                self.tangent.slope, color=RESULT, stroke_width=6
            )
            self.play(
                FadeOut(self.q_dot), FadeOut(self.q_label), FadeOut(self.secant), run_time=QUICK
            )
            self.play(Create(self.tangent_line), run_time=BEAT * 1.5)
            self.play(Write(self.statement), run_time=BEAT * 1.5)
            self.show("tangent_slope", self.tangent.slope)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        said = (
            "Secant slopes from farther and nearer points funnel into one number: the slope "
            "of the tangent, the derivative at that point."
        )
        if self.straight:
            said = (
                "On a straight line every secant slope is the same number: the slope of the "
                "tangent, the derivative at that point."
            )
        with self.beat(said):
            legend = VGroup(
                self.legend_entry("secants", MUTED), self.legend_entry("tangent", RESULT)
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            covered = self.place_legend(legend)
            self.play(
                FadeIn(legend),
                self.ghosts.animate.set_stroke(opacity=0.8),
                *(tick.animate.set_opacity(0) for tick in covered),
                run_time=BEAT,
            )
            self.hold_poster()

    def place_legend(self, legend: Mobject) -> list[Mobject]:
        """The legend in a corner of the graph, else wherever it is clear of labels and lines.

        When the graph has no such room, under the limit or beside the table; when they have
        none either, where it crosses the fewest lines. Returns the tick numbers it covers
        when nowhere else will do.
        """
        (x_lo, x_hi), (y_lo, y_hi) = self.x_range[:2], self.y_range[:2]
        plot = (*self.axes.c2p(x_lo, y_lo)[:2], *self.axes.c2p(x_hi, y_hi)[:2])
        steps = [i / 8 for i in range(9)]
        inside = [Within(plot, fx, fy, GAP) for fx, fy in CORNERS] + [
            Within(plot, fx, fy, BUFF * 0.5) for fy in reversed(steps) for fx in steps
        ]
        lines = self.keep_off(self.tangent_line, *self.ghosts, self.p_dot)
        taken = place_clear(
            legend,
            inside,
            region=self.graph_box(),
            avoid=[self.p_label, *self.graph_texts()],
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
        beside_column = [
            Beside(self.statement, DOWN, GAP),
            Beside(self.table_block, RIGHT, GAP * 1.6),
        ]
        shown = [self.definition, self.table_block, self.statement]
        if place_clear(legend, beside_column, region=column, avoid=shown) is not None:
            return []
        if taken is not None:
            taken(legend)
            return []
        return self.place_label(legend, inside, avoid=[self.p_label], lines=lines, pad=BUFF)
