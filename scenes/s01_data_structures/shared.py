"""What two or more scenes of section 1, Linear Algebra Data Structures, share."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Axes,
    Brace,
    DashedLine,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    MathTex,
    Matrix,
    Mobject,
    SingleStringMathTex,
    Square,
    Text,
    VGroup,
    Write,
    config,
    interpolate_color,
)

from lib import linalg
from scenes import style
from scenes.style import (
    BACKGROUND,
    BEAT,
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
    fmt,
    linear_combination,
    num,
    tex,
    text,
)

Step = TypeVar("Step")

#: How far each layer of a stacked (rank-3) picture sits behind the one in front, in cells.
DEPTH_STEP = 0.35


# -- fitting text into its room -------------------------------------------------------------


def texts_in(mobject: Mobject) -> list[Mobject]:
    """The outermost texts and formulas inside ``mobject`` (a matrix's entries count)."""
    if isinstance(mobject, Text | SingleStringMathTex):
        return [mobject]
    return [text_ for part in mobject.submobjects for text_ in texts_in(part)]


def fit_legibly(mobject: Mobject, width: float) -> bool:
    """Shrink ``mobject`` towards ``width``, never setting a text below the smallest size.

    Returns whether it now fits; when it does not, the caller rearranges it instead.
    """
    sizes = [float(t.font_size) for t in texts_in(mobject)]
    floor = MIN_TEXT_SIZE / min(sizes) if sizes else 0.0
    if mobject.width > width:
        mobject.scale(min(1.0, max(width / mobject.width, floor)))
    return mobject.width <= width + 1e-6


def clear_of(mobject: Mobject, others: Sequence[Mobject], buff: float = 0.05) -> bool:
    """Whether ``mobject`` is inside the safe frame and at least ``buff`` from all ``others``."""
    if not style.frame_is_inside_margin(mobject):
        return False
    (x0, y0, _), (x1, y1, _) = mobject.get_corner(DL), mobject.get_corner(UR)
    for other in others:
        (u0, v0, _), (u1, v1, _) = other.get_corner(DL), other.get_corner(UR)
        if min(x1, u1) - max(x0, u0) > -buff and min(y1, v1) - max(y0, v0) > -buff:
            return False
    return True


def place_clear(
    label: Mobject,
    spot: np.ndarray,
    avoid: Sequence[Mobject],
    directions: Sequence[np.ndarray] = (UL, UR, DR, DL, LEFT, RIGHT),
    buff: float = BUFF,
) -> Mobject:
    """Put ``label`` beside ``spot``, in the first of ``directions`` that keeps it clear."""
    for direction in directions:
        label.next_to(spot, direction, buff=buff)
        if clear_of(label, avoid):
            return label
    return label.next_to(spot, directions[0], buff=buff)


def plural(value: float, unit: str, kind: str = "value") -> str:
    """``1 minute``, ``2.5 minutes``: the number as shown, and the unit to match it."""
    shown = fmt(value, kind)
    return f"{shown} {unit}" if shown == "1" else f"{shown} {unit}s"


# -- shapes ------------------------------------------------------------------------------


def shape_formula(
    shape: Sequence[int],
    *,
    new_axis: int | None = None,
    size: float = BODY_SIZE,
    color: str = TEXT,
    prefix: str | None = r"\text{shape}\;",
) -> MathTex:
    """``shape (2, 3)`` with each size a part of its own; the size of ``new_axis`` highlighted."""
    parts = [prefix] if prefix else []
    parts.append("(")
    sizes = []
    for k, n in enumerate(shape):
        if k:
            parts.append(",")
        sizes.append(len(parts))
        parts.append(fmt(n, "count"))
    parts.append("{,})" if len(shape) == 1 else ")")
    formula = tex(*parts, size=size, color=color)
    if new_axis is not None:
        formula[sizes[new_axis]].set_color(HIGHLIGHT)
    return formula


def content_matrix(
    values: Any,
    *,
    color: str = TEXT,
    size: float = BODY_SIZE,
    h_buff: float = 1.1,
    v_buff: float = 0.8,
    spacing: float = 0.4,
) -> Matrix:
    """:func:`style.matrix` with each column as wide as its widest entry needs.

    Columns stay aligned on their right edges, ``h_buff`` apart as in :func:`style.matrix`,
    or further when a column's entries would come closer than ``spacing`` to the column
    before: long numbers never touch, and short ones keep the usual look.
    """
    result = style.matrix(values, color=color, size=size, h_buff=h_buff, v_buff=v_buff)
    columns = result.get_columns()
    edge = columns[0].get_right()[0]
    for column in columns[1:]:
        edge += max(h_buff, column.width + spacing)
        column.shift(RIGHT * (edge - column.get_right()[0]))
    left, right = result.get_brackets()
    entries = result.get_entries()
    bracket_buff = 0.15
    left.shift(RIGHT * (entries.get_left()[0] - bracket_buff - left.get_right()[0]))
    right.shift(RIGHT * (entries.get_right()[0] + bracket_buff - right.get_left()[0]))
    return result


# -- pictures of arrays: cells in a row, rows in a grid, grids in depth, blocks side by side


def tinted_cell(
    side: float,
    colour: str,
    *,
    fill: float = 0.15,
    label: str | None = None,
    label_size: float = LABEL_SIZE,
) -> VGroup:
    """One square cell outlined in ``colour``, filled with a tint of it, with an optional number."""
    square = Square(
        side_length=side,
        stroke_color=colour,
        stroke_width=2.5,
        fill_color=interpolate_color(ManimColor(BACKGROUND), ManimColor(colour), fill),
        fill_opacity=1,
    )
    if label is None:
        return VGroup(square)
    return VGroup(square, tex(label, size=label_size, color=TEXT).move_to(square))


def array_picture(
    array: np.ndarray,
    make_cell: Callable[[tuple[int, ...]], VGroup],
    side: float,
    index: tuple[int, ...] = (),
) -> VGroup:
    """Cells for an array of rank 0-4: a row, rows stacked down, grids going back, blocks in a row.

    Part ``k`` of the picture is the picture of ``array[k]``, so a picture of rank r - 1 can be
    transformed into any slice of the picture of rank r.
    """
    if array.ndim == 0:
        return make_cell(index)
    parts = VGroup(
        *(
            array_picture(sub, make_cell, side, (*index, k))
            for k, sub in enumerate(np.asarray(array))
        )
    )
    if array.ndim == 1:
        parts.arrange(RIGHT, buff=0)
    elif array.ndim == 2:
        parts.arrange(DOWN, buff=0)
    elif array.ndim == 3:
        for k, layer in enumerate(parts):  # layer 0 in front, the others behind it
            layer.shift(k * DEPTH_STEP * side * (UP + RIGHT))
            layer.set_z_index(-k)
    elif array.ndim == 4:
        parts.arrange(RIGHT, buff=side * 1.2)
    else:
        raise ValueError(f"can draw arrays of rank 0 to 4; got rank {array.ndim}")
    return parts


# -- two lines and their crossing ----------------------------------------------------------


def line_through(
    normal: Sequence[float], point: Sequence[float]
) -> tuple[tuple[float, ...], float]:
    """The line n . x = n . p through ``point``: its coefficients n and right side (from lib)."""
    return tuple(float(c) for c in normal), linalg.dot(normal, point)


def linear_tex(coefficients: Sequence[float], names: Sequence[str]) -> str:
    """``2.5t - d`` for coefficients (2.5, -1) of (t, d); an empty name is a constant term."""
    return linear_combination(list(zip(coefficients, names, strict=True)), "value")


def substitution_lines(steps: Sequence[object], names: Sequence[str]) -> list[list[str]]:
    """Lib's substitution, three lines: isolate one unknown; solve for the other; put it back."""
    isolated = first_step(steps, linalg.IsolatedVariable)
    collected = first_step(steps, linalg.OneUnknownEquation)
    solved = first_step(steps, linalg.SolvedValue)
    back = first_step(steps, linalg.BackSubstitution)
    other = names[1 - isolated.variable]
    product = rf"{num(abs(back.slope))} \cdot {num(back.known)}"
    if fmt(back.constant) == "0":
        worked = ("-" if back.slope < 0 else "") + product
    else:
        worked = f"{num(back.constant)} {'-' if back.slope < 0 else '+'} {product}"
    return [
        [
            f"{names[isolated.variable]} = "
            + linear_tex((isolated.constant, isolated.slope), ("", other))
        ],
        [
            linear_tex((collected.coefficient,), (names[collected.variable],))
            + f" = {num(collected.rhs)}",
            r"\;\Rightarrow\;",
            f"{names[solved.variable]} = {num(solved.value)}",
        ],
        [f"{names[back.variable]} = {worked} =", num(back.value)],
    ]


def first_step(steps: Sequence[object], kind: type[Step]) -> Step:
    """The first of lib's recorded steps of type ``kind``."""
    return next(step for step in steps if isinstance(step, kind))


def recorded_equations(steps: Sequence[object]) -> list[linalg.LinearEquation]:
    """The equations of the system, as lib's substitution recorded them."""
    return [step for step in steps if isinstance(step, linalg.LinearEquation)]


def spoken_equations(steps: Sequence[object], names: Sequence[str]) -> str:
    """The system as the narration says it: ``2.5t - d = 0 and 3t - d = 15``."""
    return " and ".join(
        f"{linear_combination(zip(e.coefficients, names, strict=True), 'value')} = {fmt(e.rhs)}"
        for e in recorded_equations(steps)
    )


def spoken_substitution(steps: Sequence[object], names: Sequence[str]) -> str:
    """Lib's substitution as the narration says it: ``put d = 2.5t into ..., so t = 30``."""
    isolated = first_step(steps, linalg.IsolatedVariable)
    collected = first_step(steps, linalg.OneUnknownEquation)
    solved = first_step(steps, linalg.SolvedValue)
    other = names[1 - isolated.variable]
    return (
        f"put {names[isolated.variable]} = "
        f"{linear_tex((isolated.constant, isolated.slope), ('', other))} into the other "
        f"equation and {linear_tex((collected.coefficient,), (names[collected.variable],))} = "
        f"{fmt(collected.rhs)}, so {names[solved.variable]} = {fmt(solved.value)}"
    )


def working_formula(steps: Sequence[object], names: Sequence[str]) -> VGroup:
    """The substitution's three lines under each other, each result in the result colour."""
    working = VGroup(*(tex(*parts) for parts in substitution_lines(steps, names)))
    for row in working[1:]:
        row[-1].set_color(RESULT)
    return working.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)


def story_range(
    largest: float, *, room: float = 1.25, ticks: int = 4
) -> tuple[float, float, float]:
    """An axis from 0 that shows ``largest`` with room: ``(0, top, step)``, at most ``ticks`` ticks.

    The step is 1, 2, 2.5 or 5 times a power of ten, never finer than the value format shows,
    so the tick numbers stay round (10, 20, 30, 40; 25, 50, 75, 100) for any inputs.
    """
    wanted = max(abs(float(largest)) * room, 1e-9)
    smallest = 10.0 ** -style.DECIMALS["value"]
    power = 10.0 ** math.floor(math.log10(wanted / ticks))
    factors = (1, 2, 2.5, 5, 10) if power >= 0.1 else (1, 2, 5, 10)
    step = next(f * power for f in factors if wanted / (f * power) <= ticks + 1e-9)
    step = max(step, smallest)
    top = math.ceil(wanted / step - 1e-9) * step
    return 0.0, round(top, 10), round(step, 10)


def story_chart(
    x_range: Sequence[float],
    y_range: Sequence[float],
    x_label: str,
    y_label: str,
    *,
    width: float = 6.4,
) -> Axes:
    """The axes of a story told with two lines, in the lower left of the frame."""
    chart = style.axes(x_range, y_range, width=width, height=5.3, x_label=x_label, y_label=y_label)
    return chart.to_corner(LEFT + DOWN, buff=MARGIN)


def story_ray(chart: Axes, start: Sequence[float], slope: float, colour: str) -> Line:
    """The line from ``start`` rightwards with ``slope``, up to the edge of the chart's box."""
    x0, y0 = start
    x_end = chart.x_range[1]
    if slope > 0:
        x_end = min(x_end, x0 + (chart.y_range[1] - y0) / slope)
    elif slope < 0:
        x_end = min(x_end, x0 + (chart.y_range[0] - y0) / slope)
    end = (x_end, y0 + slope * (x_end - x0))
    return Line(chart.c2p(x0, y0), chart.c2p(*end), color=colour, stroke_width=5)


def legend_row(colour: str, name: str, formula: str) -> VGroup:
    """A line sample, a name and a formula, all in the line's colour."""
    sample = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
    label = text(name, size=LABEL_SIZE + 4, color=colour)
    return VGroup(sample, label, tex(formula, color=colour)).arrange(RIGHT, buff=BUFF)


def system_formula(
    equations: Sequence[linalg.LinearEquation], names: Sequence[str], colours: Sequence[str]
) -> VGroup:
    """The equations one under another, equals signs aligned, with a brace on the left."""
    rows = VGroup(
        *(
            tex(
                linear_tex(e.coefficients, names),
                "=",
                num(e.rhs),
                color=colour,
            )
            for e, colour in zip(equations, colours, strict=True)
        )
    ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
    for row in rows[1:]:
        row.shift(RIGHT * (rows[0][1].get_x() - row[1].get_x()))
    brace = Brace(rows, LEFT, color=MUTED, buff=BUFF * 0.6)
    return VGroup(brace, rows)


def crossing_marker(chart: Axes, point: Sequence[float], label: str) -> VGroup:
    """A dot where two lines cross, dashed lines to both axes, and its coordinates."""
    x, y = point
    spot = chart.c2p(x, y)
    to_x_axis = DashedLine(spot, chart.c2p(x, chart.y_range[0]), color=RESULT, stroke_width=3)
    to_y_axis = DashedLine(spot, chart.c2p(chart.x_range[0], y), color=RESULT, stroke_width=3)
    dot = Dot(spot, radius=0.1, color=RESULT)
    coordinates = tex(label, color=RESULT)
    # Both lines rise through the crossing: above-left and below-right of it are free of them.
    place_clear(coordinates, spot, texts_in(chart), directions=(UL, DR, UR, DL))
    style.drop_ticks_near(chart, coordinates)  # where no side was clear, its ticks give way
    return VGroup(to_x_axis, to_y_axis, dot, coordinates)


def formula_column_left(chart: Axes) -> float:
    """Left edge of the formula column beside a chart."""
    return chart.get_right()[0] + GAP


class TwoLineStory(LessonScene):
    """A story told with two straight lines: their system, lib's solution of it, the crossing."""

    unknowns: tuple[str, str] = ("x", "y")

    def start_column(self, chart: Axes) -> None:
        """The formula column: from just right of ``chart`` to the frame's safe edge."""
        self.column_left = formula_column_left(chart)
        self.column_right = config.frame_width / 2 - MARGIN

    def fit_column(self, mobject: Mobject) -> bool:
        """Shrink ``mobject``, if need be (never below the smallest text size), to the column.

        Returns whether it fits; when it does not, the caller rearranges it.
        """
        return fit_legibly(mobject, self.column_right - self.column_left)

    def legend_equations(self, rows: Sequence[VGroup], formulas: Sequence[str]) -> list[MathTex]:
        """Each legend row's equation, to take the place of its formula (``row[2]``).

        All at one size, shrunk (never below the smallest text size) until the longest ends
        inside the column.
        """
        equations = [
            tex(formula, color=row[2].get_color())
            for row, formula in zip(rows, formulas, strict=True)
        ]
        scale = min(
            (self.column_right - row[2].get_left()[0]) / equation.width
            for row, equation in zip(rows, equations, strict=True)
        )
        scale = min(1.0, max(scale, MIN_TEXT_SIZE / BODY_SIZE))
        for row, equation in zip(rows, equations, strict=True):
            equation.scale(scale).move_to(row[2], aligned_edge=LEFT)
        return equations

    def solve_lines(self, lines: Sequence[tuple[tuple[float, ...], float]]) -> tuple[float, ...]:
        """Solve the lines' system with lib's substitution, keeping its steps for the screen."""
        A = [coefficients for coefficients, _ in lines]
        b = [rhs for _, rhs in lines]
        solution, self.steps = linalg.solve_by_substitution(A, b)
        return tuple(float(v) for v in solution)

    def write_system(self, below: Mobject, colours: Sequence[str]) -> None:
        """Write the system, one equation per line, under ``below``."""
        equations = recorded_equations(self.steps)
        self.system = system_formula(equations, self.unknowns, colours)
        self.fit_column(self.system)
        self.system.next_to(below, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
        self.play(FadeIn(self.system[0]), Write(self.system[1]), run_time=BEAT * 1.5)
        self.show("equations", tuple((e.coefficients, e.rhs) for e in equations))

    def write_working(self, below: Mobject) -> None:
        """Write lib's substitution, line by line, under ``below``."""
        collected = first_step(self.steps, linalg.OneUnknownEquation)
        self.working = working_formula(self.steps, self.unknowns)
        self.fit_column(self.working)
        self.working.next_to(below, DOWN, buff=GAP, aligned_edge=LEFT)
        for row in self.working:
            self.play(Write(row), run_time=BEAT)
        self.show("collected", (collected.coefficient, collected.rhs))
