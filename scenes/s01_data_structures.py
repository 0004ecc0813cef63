"""Section 1, Linear Algebra Data Structures: scalars, vectors, norms, matrices, tensors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UL,
    UP,
    Arrow,
    Axes,
    Brace,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    ReplacementTransform,
    RightAngle,
    Square,
    Transform,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
    interpolate_color,
)

from lib import linalg
from lib.errors import InvalidInputError
from scenes import style
from scenes.style import (
    BACKGROUND,
    BEAT,
    BODY_SIZE,
    BUFF,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    NORM_COLOURS,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    factor,
    fmt,
    fmt_vector,
    linear_combination,
    num,
    shape_tex,
    tex,
    text,
)

L1, L2, SQUARED, MAX = (NORM_COLOURS[k] for k in ("l1", "l2", "squared_l2", "max"))

Step = TypeVar("Step")

#: The red, green and blue channels of an image, drawn in the theme's nearest hues.
CHANNEL_COLOURS = (ERROR, RESULT, INPUT)

#: How far each layer of a stacked (rank-3) picture sits behind the one in front, in cells.
DEPTH_STEP = 0.35

# -- shapes ------------------------------------------------------------------------------


def _shape_formula(
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


# -- pictures of arrays: cells in a row, rows in a grid, grids in depth, blocks side by side


def _cell(
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


def _array_picture(
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
            _array_picture(sub, make_cell, side, (*index, k))
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


def _line_through(
    normal: Sequence[float], point: Sequence[float]
) -> tuple[tuple[float, ...], float]:
    """The line n . x = n . p through ``point``: its coefficients n and right side (from lib)."""
    return tuple(float(c) for c in normal), linalg.dot(normal, point)


def _linear_tex(coefficients: Sequence[float], names: Sequence[str]) -> str:
    """``2.5t - d`` for coefficients (2.5, -1) of (t, d); an empty name is a constant term."""
    return linear_combination(list(zip(coefficients, names, strict=True)), "value")


def _substitution_lines(steps: Sequence[object], names: Sequence[str]) -> list[list[str]]:
    """Lib's substitution, three lines: isolate one unknown; solve for the other; put it back."""
    isolated = _step(steps, linalg.IsolatedVariable)
    collected = _step(steps, linalg.OneUnknownEquation)
    solved = _step(steps, linalg.SolvedValue)
    back = _step(steps, linalg.BackSubstitution)
    other = names[1 - isolated.variable]
    product = rf"{num(abs(back.slope))} \cdot {num(back.known)}"
    if fmt(back.constant) == "0":
        worked = ("-" if back.slope < 0 else "") + product
    else:
        worked = f"{num(back.constant)} {'-' if back.slope < 0 else '+'} {product}"
    return [
        [
            f"{names[isolated.variable]} = "
            + _linear_tex((isolated.constant, isolated.slope), ("", other))
        ],
        [
            _linear_tex((collected.coefficient,), (names[collected.variable],))
            + f" = {num(collected.rhs)}",
            r"\;\Rightarrow\;",
            f"{names[solved.variable]} = {num(solved.value)}",
        ],
        [f"{names[back.variable]} = {worked} =", num(back.value)],
    ]


def _step(steps: Sequence[object], kind: type[Step]) -> Step:
    """The first of lib's recorded steps of type ``kind``."""
    return next(step for step in steps if isinstance(step, kind))


def _equations(steps: Sequence[object]) -> list[linalg.LinearEquation]:
    """The equations of the system, as lib's substitution recorded them."""
    return [step for step in steps if isinstance(step, linalg.LinearEquation)]


def _spoken_equations(steps: Sequence[object], names: Sequence[str]) -> str:
    """The system as the narration says it: ``2.5t - d = 0 and 3t - d = 15``."""
    return " and ".join(
        f"{linear_combination(zip(e.coefficients, names, strict=True), 'value')} = {fmt(e.rhs)}"
        for e in _equations(steps)
    )


def _spoken_substitution(steps: Sequence[object], names: Sequence[str]) -> str:
    """Lib's substitution as the narration says it: ``put d = 2.5t into ..., so t = 30``."""
    isolated = _step(steps, linalg.IsolatedVariable)
    collected = _step(steps, linalg.OneUnknownEquation)
    solved = _step(steps, linalg.SolvedValue)
    other = names[1 - isolated.variable]
    return (
        f"put {names[isolated.variable]} = "
        f"{_linear_tex((isolated.constant, isolated.slope), ('', other))} into the other "
        f"equation and {_linear_tex((collected.coefficient,), (names[collected.variable],))} = "
        f"{fmt(collected.rhs)}, so {names[solved.variable]} = {fmt(solved.value)}"
    )


def _working_formula(steps: Sequence[object], names: Sequence[str]) -> VGroup:
    """The substitution's three lines under each other, each result in the result colour."""
    working = VGroup(*(tex(*parts) for parts in _substitution_lines(steps, names)))
    for row in working[1:]:
        row[-1].set_color(RESULT)
    return working.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)


def _chart(
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


def _ray(chart: Axes, start: Sequence[float], slope: float, colour: str) -> Line:
    """The line from ``start`` rightwards with ``slope``, up to the edge of the chart's box."""
    x0, y0 = start
    x_end = chart.x_range[1]
    if slope > 0:
        x_end = min(x_end, x0 + (chart.y_range[1] - y0) / slope)
    elif slope < 0:
        x_end = min(x_end, x0 + (chart.y_range[0] - y0) / slope)
    end = (x_end, y0 + slope * (x_end - x0))
    return Line(chart.c2p(x0, y0), chart.c2p(*end), color=colour, stroke_width=5)


def _legend_row(colour: str, name: str, formula: str) -> VGroup:
    """A line sample, a name and a formula, all in the line's colour."""
    sample = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
    label = text(name, size=LABEL_SIZE + 4, color=colour)
    return VGroup(sample, label, tex(formula, color=colour)).arrange(RIGHT, buff=BUFF)


def _system_formula(
    equations: Sequence[linalg.LinearEquation], names: Sequence[str], colours: Sequence[str]
) -> VGroup:
    """The equations one under another, equals signs aligned, with a brace on the left."""
    rows = VGroup(
        *(
            tex(
                _linear_tex(e.coefficients, names),
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


def _matrix_form(equations: Sequence[linalg.LinearEquation], names: Sequence[str]) -> MathTex:
    """The same system as a matrix times the vector of unknowns: ``A x = b``."""
    rows = r" \\ ".join(" & ".join(num(c) for c in e.coefficients) for e in equations)
    unknowns = r" \\ ".join(names)
    rhs = r" \\ ".join(num(e.rhs) for e in equations)
    return tex(
        rf"\begin{{bmatrix}} {rows} \end{{bmatrix}}",
        rf"\begin{{bmatrix}} {unknowns} \end{{bmatrix}}",
        "=",
        rf"\begin{{bmatrix}} {rhs} \end{{bmatrix}}",
    )


def _crossing_marker(chart: Axes, point: Sequence[float], label: str) -> VGroup:
    """A dot where two lines cross, dashed lines to both axes, and its coordinates."""
    x, y = point
    spot = chart.c2p(x, y)
    to_x_axis = DashedLine(spot, chart.c2p(x, chart.y_range[0]), color=RESULT, stroke_width=3)
    to_y_axis = DashedLine(spot, chart.c2p(chart.x_range[0], y), color=RESULT, stroke_width=3)
    dot = Dot(spot, radius=0.1, color=RESULT)
    coordinates = tex(label, color=RESULT).next_to(spot, UL, buff=BUFF)
    return VGroup(to_x_axis, to_y_axis, dot, coordinates)


def _column_left(chart: Axes) -> float:
    """Left edge of the formula column beside a chart."""
    return chart.get_right()[0] + GAP


class _TwoLineStory(LessonScene):
    """A story told with two straight lines: their system, lib's solution of it, the crossing."""

    unknowns: tuple[str, str] = ("x", "y")

    def solve_lines(self, lines: Sequence[tuple[tuple[float, ...], float]]) -> tuple[float, ...]:
        """Solve the lines' system with lib's substitution, keeping its steps for the screen."""
        A = [coefficients for coefficients, _ in lines]
        b = [rhs for _, rhs in lines]
        solution, self.steps = linalg.solve_by_substitution(A, b)
        return tuple(float(v) for v in solution)

    def write_system(self, below: Mobject, colours: Sequence[str]) -> None:
        """Write the system, one equation per line, under ``below``."""
        equations = _equations(self.steps)
        self.system = _system_formula(equations, self.unknowns, colours)
        self.system.next_to(below, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
        self.play(FadeIn(self.system[0]), Write(self.system[1]), run_time=BEAT * 1.5)
        self.show("equations", tuple((e.coefficients, e.rhs) for e in equations))

    def write_working(self, below: Mobject) -> None:
        """Write lib's substitution, line by line, under ``below``."""
        collected = _step(self.steps, linalg.OneUnknownEquation)
        self.working = _working_formula(self.steps, self.unknowns)
        self.working.next_to(below, DOWN, buff=GAP, aligned_edge=LEFT)
        for row in self.working:
            self.play(Write(row), run_time=BEAT)
        self.show("collected", (collected.coefficient, collected.rhs))


# -- scenes ------------------------------------------------------------------------------


class SheriffAndRobber(_TwoLineStory):
    """A chase drawn as two straight lines: the catch solves a system of two linear equations."""

    robber_speed = 2.5  # km per minute
    sheriff_speed = 3.0  # km per minute
    head_start = 5.0  # minutes the robber is gone before the sheriff sets off
    t_range = (0.0, 40.0, 10.0)  # the time axis, minutes
    d_range = (0.0, 100.0, 25.0)  # the distance axis, km
    unknowns = ("t", "d")

    def construct(self) -> None:
        # Each rider's line d = speed (t - start) passes through (start, 0), so it reads
        # speed t - d = speed start: lib gives the right sides, then solves the system.
        self.equations = (
            _line_through((self.robber_speed, -1.0), (0.0, 0.0)),
            _line_through((self.sheriff_speed, -1.0), (self.head_start, 0.0)),
        )
        self.catch = self.solve_lines(self.equations)
        if not self.t_range[0] < self.catch[0] <= self.t_range[1]:
            raise ValueError(
                f"the sheriff catches the robber at t = {self.catch[0]:g}, outside the time "
                f"axis {self.t_range[:2]}; choose a faster sheriff or a longer axis"
            )
        self.tell_the_story()
        self.draw_robber_line()
        self.draw_sheriff_line()
        self.write_the_system()
        self.write_the_matrix_form()
        self.solve_the_system()
        self.chase_to_the_catch()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def rider_position(self, speed: float, start: float) -> np.ndarray:
        """Where a rider who leaves at ``start`` is on the chart when the clock reads now."""
        t = max(self.clock.get_value(), start)
        return self.chart.c2p(t, speed * (t - start))

    def rider_dot(self, speed: float, start: float, colour: str) -> Dot:
        """A dot that rides along its line as the clock runs."""
        return always_redraw(
            lambda: Dot(self.rider_position(speed, start), radius=0.1, color=colour).set_z_index(1)
        )

    # -- beats --------------------------------------------------------------------------

    def tell_the_story(self) -> None:
        robber, sheriff, wait = (
            fmt(v) for v in (self.robber_speed, self.sheriff_speed, self.head_start)
        )
        with self.beat(
            f"A robber flees town at {robber} km a minute. {wait} minutes later the sheriff "
            f"follows at {sheriff} km a minute. When and where does he catch him?"
        ):
            self.heading = style.title("The sheriff and the robber")
            self.chart = _chart(self.t_range, self.d_range, r"t\ (\text{min})", r"d\ (\text{km})")
            self.clock = ValueTracker(0)
            self.robber_dot = self.rider_dot(self.robber_speed, 0.0, INPUT_2)
            self.sheriff_dot = self.rider_dot(self.sheriff_speed, self.head_start, INPUT)
            self.robber_row = _legend_row(INPUT_2, "robber", rf"{robber}\ \text{{km/min}}")
            self.sheriff_row = _legend_row(INPUT, "sheriff", rf"{sheriff}\ \text{{km/min}}")
            self.late_start = text(f"sets off {wait} min later", size=LABEL_SIZE, color=INPUT)
            legend = VGroup(self.robber_row, self.sheriff_row).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.4
            )
            legend.move_to(
                [_column_left(self.chart), self.chart.get_top()[1], 0], aligned_edge=LEFT + UP
            )
            self.late_start.next_to(self.sheriff_row[1], DOWN, buff=BUFF, aligned_edge=LEFT)
            self.play(FadeIn(self.heading), Create(self.chart), run_time=BEAT)
            self.play(FadeIn(self.robber_row), FadeIn(self.robber_dot, scale=1.5), run_time=BEAT)
            self.play(
                FadeIn(self.sheriff_row),
                FadeIn(self.late_start),
                FadeIn(self.sheriff_dot, scale=1.5),
                run_time=BEAT,
            )

    def draw_robber_line(self) -> None:
        speed = fmt(self.robber_speed)
        with self.beat(
            f"Plot distance d against time t. The robber adds {speed} km every minute: "
            f"the straight line d = {speed}t."
        ):
            self.robber_line = _ray(self.chart, (0.0, 0.0), self.robber_speed, INPUT_2)
            equation = tex(rf"d = {num(self.robber_speed)}t", color=INPUT_2)
            equation.move_to(self.robber_row[2], aligned_edge=LEFT)
            self.play(Create(self.robber_line), run_time=BEAT * 1.5)
            self.play(ReplacementTransform(self.robber_row[2], equation), run_time=BEAT)
            self.robber_row.submobjects[2] = equation

    def draw_sheriff_line(self) -> None:
        speed, wait = fmt(self.sheriff_speed), fmt(self.head_start)
        with self.beat(
            f"The sheriff starts at t = {wait}: d = {speed}(t - {wait}). "
            "His line is steeper, so it must cross the robber's."
        ):
            self.sheriff_line = _ray(self.chart, (self.head_start, 0.0), self.sheriff_speed, INPUT)
            equation = tex(
                rf"d = {num(self.sheriff_speed)}(t - {num(self.head_start)})", color=INPUT
            )
            equation.move_to(self.sheriff_row[2], aligned_edge=LEFT)
            self.play(Create(self.sheriff_line), run_time=BEAT * 1.5)
            self.play(
                ReplacementTransform(self.sheriff_row[2], equation),
                FadeOut(self.late_start),
                run_time=BEAT,
            )
            self.sheriff_row.submobjects[2] = equation

    def write_the_system(self) -> None:
        t, d = self.unknowns
        with self.beat(
            f"Where they cross, both riders share one {t} and one {d}: two linear "
            f"equations in two unknowns, {_spoken_equations(self.steps, self.unknowns)}."
        ):
            self.write_system(self.sheriff_row, (INPUT_2, INPUT))

    def write_the_matrix_form(self) -> None:
        equations = _equations(self.steps)
        with self.beat(
            "Linear algebra writes the system as one matrix times the vector of unknowns, "
            "A x = b, and solves for x."
        ):
            self.matrix_form = _matrix_form(equations, self.unknowns)
            self.matrix_form.next_to(self.system, DOWN, buff=GAP, aligned_edge=LEFT)
            self.play(FadeIn(self.matrix_form, shift=DOWN * 0.2), run_time=BEAT)

    def solve_the_system(self) -> None:
        with self.beat(
            f"By substitution: {_spoken_substitution(self.steps, self.unknowns)}; then "
            f"d = {fmt(self.catch[1])}."
        ):
            self.write_working(self.matrix_form)
            self.show("catch", self.catch)

    def chase_to_the_catch(self) -> None:
        t, d = self.catch
        with self.beat(
            f"Run the clock: {fmt(t)} minutes after the robber left, {fmt(d)} km from town, "
            "the sheriff draws level, exactly where the lines cross."
        ):
            self.play(self.clock.animate.set_value(t), run_time=BEAT * 3)
            self.marker = _crossing_marker(self.chart, self.catch, fmt_vector(self.catch))
            self.play(Create(self.marker[:2]), FadeIn(self.marker[2:]), run_time=BEAT)
            self.remove(self.robber_dot, self.sheriff_dot)

    def show_summary(self) -> None:
        t, d = self.catch
        with self.beat(
            f"Two linear equations, one solution: the catch at t = {fmt(t)} minutes, "
            f"d = {fmt(d)} km, where the lines cross."
        ):
            result = tex(
                rf"t = {num(t)}\ \text{{min}},\quad d = {num(d)}\ \text{{km}}", color=RESULT
            )
            result.next_to(self.matrix_form, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.working, result), run_time=BEAT)
            self.show("summary_catch", (t, d))
            self.hold_poster()


class SolarPanels(_TwoLineStory):
    """Two panels' total cost over the years: where the lines cross, the dearer one pays off."""

    models = ("A", "B")
    upfront = (3000.0, 6000.0)  # dollars to buy and install each model
    yearly = (400.0, 100.0)  # dollars of grid power still bought each year with each model
    t_range = (0.0, 20.0, 5.0)  # years
    c_range = (0.0, 12000.0, 3000.0)  # dollars
    unknowns = ("c", "t")

    def construct(self) -> None:
        # Each model's cost c = upfront + yearly t passes through (c, t) = (upfront, 0), so it
        # reads c - yearly t = upfront: lib gives the right sides, then solves the system.
        self.equations = tuple(
            _line_through((1.0, -per_year), (price, 0.0))
            for price, per_year in zip(self.upfront, self.yearly, strict=True)
        )
        self.cost, self.years = self.solve_lines(self.equations)
        if not self.t_range[0] < self.years <= self.t_range[1]:
            raise ValueError(
                f"the cost lines cross at t = {self.years:g} years, outside the axis "
                f"{self.t_range[:2]}; choose prices whose lines cross on the chart"
            )
        self.colours = (INPUT_2, INPUT)
        self.cheaper_later = self.models[int(np.argmin(self.yearly))]
        self.cheaper_first = self.models[int(np.argmin(self.upfront))]
        self.introduce_models()
        self.draw_cost_lines()
        self.write_the_system()
        self.solve_the_system()
        self.find_the_overtake()
        self.show_summary()

    def introduce_models(self) -> None:
        (a, b), (ya, yb) = self.upfront, self.yearly
        first, second = self.models
        with self.beat(
            f"Two solar panels. {first} costs ${fmt(a)} to install, and you still buy "
            f"${fmt(ya)} of power a year; {second} costs ${fmt(b)}, then only ${fmt(yb)} a year."
        ):
            self.heading = style.title("Which solar panel?")
            self.chart = _chart(
                self.t_range, self.c_range, r"t\ (\text{years})", r"c\ (\$)", width=5.4
            )
            self.rows = VGroup(
                *(
                    _legend_row(
                        colour,
                        name,
                        rf"\${num(price)} + \${num(per_year)}\ \text{{a year}}",
                    )
                    for name, price, per_year, colour in zip(
                        self.models, self.upfront, self.yearly, self.colours, strict=True
                    )
                )
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
            self.rows.move_to(
                [_column_left(self.chart), self.chart.get_top()[1], 0], aligned_edge=LEFT + UP
            )
            self.play(FadeIn(self.heading), Create(self.chart), run_time=BEAT)
            for row in self.rows:
                self.play(FadeIn(row, shift=RIGHT * 0.2), run_time=BEAT)

    def draw_cost_lines(self) -> None:
        formulas = [
            f"c = {_linear_tex((price, per_year), ('', 't'))}"
            for price, per_year in zip(self.upfront, self.yearly, strict=True)
        ]
        with self.beat(
            f"After t years each total cost is a straight line: {formulas[0]} and "
            f"{formulas[1]}. {self.cheaper_first} starts lower, {self.cheaper_later} climbs "
            "more slowly."
        ):
            self.lines = VGroup(
                *(
                    _ray(self.chart, (0.0, price), per_year, colour)
                    for price, per_year, colour in zip(
                        self.upfront, self.yearly, self.colours, strict=True
                    )
                )
            )
            self.play(*(Create(line) for line in self.lines), run_time=BEAT * 1.5)
            for row, formula, colour in zip(self.rows, formulas, self.colours, strict=True):
                equation = tex(formula, color=colour).move_to(row[2], aligned_edge=LEFT)
                self.play(ReplacementTransform(row[2], equation), run_time=QUICK)
                row.submobjects[2] = equation

    def write_the_system(self) -> None:
        with self.beat(
            "Where the lines cross, both have cost the same after the same time: "
            f"{_spoken_equations(self.steps, self.unknowns)}."
        ):
            self.write_system(self.rows, self.colours)

    def solve_the_system(self) -> None:
        with self.beat(
            f"By substitution: {_spoken_substitution(self.steps, self.unknowns)} years; then "
            f"c = ${fmt(self.cost)}."
        ):
            self.write_working(self.system)
            self.show("crossing", (self.years, self.cost))

    def find_the_overtake(self) -> None:
        with self.beat(
            f"Before year {fmt(self.years)}, {self.cheaper_first} has cost less; after it, "
            f"{self.cheaper_later} is cheaper for good."
        ):
            point = (self.years, self.cost)
            self.marker = _crossing_marker(self.chart, point, fmt_vector(point))
            later = self.lines[self.models.index(self.cheaper_later)]
            beyond = _ray(
                self.chart, point, self.yearly[self.models.index(self.cheaper_later)], RESULT
            ).set_stroke(width=9)
            self.play(Create(self.marker[:2]), FadeIn(self.marker[2:]), run_time=BEAT)
            self.play(Create(beyond), run_time=BEAT)
            self.play(FadeOut(beyond), later.animate.set_stroke(width=8), run_time=BEAT)

    def show_summary(self) -> None:
        with self.beat(
            f"One linear system: after {fmt(self.years)} years both have cost "
            f"${fmt(self.cost)}, and from then on {self.cheaper_later} costs less."
        ):
            verdict = VGroup(
                tex(rf"t = {num(self.years)},\quad c = {num(self.cost)}", color=RESULT),
                text(
                    f"{self.cheaper_later} is cheaper after {fmt(self.years)} years",
                    size=LABEL_SIZE,
                    color=RESULT,
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            verdict.next_to(self.system, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.working, verdict), run_time=BEAT)
            self.show("summary_crossing", (self.years, self.cost))
            self.hold_poster()


class TensorRanks(LessonScene):
    """Scalar, vector, matrix, rank-3 and rank-4 tensor, each one axis more than the last."""

    shape = (2, 2, 2, 3)  # the rank-4 example; each lower rank is its first slice
    names = ("scalar", "vector", "matrix", "rank-3 tensor", "rank-4 tensor")
    cell_side = 0.9  # while building up
    poster_cell_side = 0.42  # in the closing row of all five

    def construct(self) -> None:
        values = np.arange(1, int(np.prod(self.shape)) + 1).reshape(self.shape)
        rank = len(self.shape)
        # The rank-r example is the first rank-r slice of the rank-4 array.
        self.examples = [values[(0,) * (rank - r)] for r in range(rank + 1)]
        self.shapes = [linalg.shape_of(example) for example in self.examples]
        self.show_scalar()
        for r in range(1, rank + 1):
            self.add_an_axis(r)
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def story(self, r: int) -> str:
        """What the narrator says as the rank-r example appears."""
        shape = self.shapes[r]
        new, shown = fmt(shape[0], "count"), shape_tex(shape)
        if r == 1:
            return (
                f"Line numbers up along one axis: a vector, rank 1, shape {shown}, {new} in a row."
            )
        if r == 2:
            return (
                f"Stack vectors along a new axis: a matrix, rank 2, shape {shown}. The new "
                "axis's length goes at the front of the shape."
            )
        if r == 3:
            return (
                "Stack matrices along a third axis and the numbers fill a box: a rank-3 "
                f"tensor, shape {shown}."
            )
        return (
            f"Set {new} boxes side by side along a fourth axis: a rank-4 tensor, shape {shown}. "
            "Pictures run out of directions; numpy does not."
        )

    def picture(self, r: int, side: float, numbers: bool = True) -> VGroup:
        """The rank-r example as cells; numbers only on the front layer of each block."""
        example = np.asarray(self.examples[r])

        def make_cell(index: tuple[int, ...]) -> VGroup:
            in_front = r < 3 or index[r - 3] == 0
            label = fmt(example[index], "count") if numbers else None
            cell = _cell(side, INPUT, label=label, label_size=LABEL_SIZE + 4)
            if label is not None and not in_front:
                cell[1].set_opacity(0)
            return cell

        return _array_picture(example, make_cell, side)

    def caption(self, r: int, new_axis: int | None) -> VGroup:
        """``name   rank r   shape (...)`` under the picture."""
        return VGroup(
            text(self.names[r], size=BODY_SIZE, color=INPUT),
            text(f"rank {fmt(len(self.shapes[r]), 'count')}", size=LABEL_SIZE + 4, color=MUTED),
            _shape_formula(self.shapes[r], new_axis=new_axis),
        ).arrange(RIGHT, buff=GAP * 1.4)

    def axis_arrow(self, r: int, picture: VGroup) -> Arrow:
        """An arrow along the axis just added: across, down, back, or across the blocks."""
        first, last = picture[0], picture[-1]
        if r == 3:  # along the bottom right edge, from the front layer to the back one
            start, end = first.get_corner(DOWN + RIGHT), last.get_corner(DOWN + RIGHT)
            offset = (DOWN + RIGHT) * BUFF * 0.8
        else:
            start, end = first.get_center(), last.get_center()
            if r == 2:
                offset = LEFT * (start[0] - picture.get_left()[0] + BUFF * 1.4)
            else:
                offset = UP * (picture.get_top()[1] - start[1] + BUFF * 1.4)
        direction = (end - start) / np.linalg.norm(end - start)
        reach = max(self.cell_side * 0.4, 0.6 - np.linalg.norm(end - start) / 2)
        return Arrow(
            start + offset - direction * reach,
            end + offset + direction * reach,
            buff=0,
            color=HIGHLIGHT,
            stroke_width=5,
        )

    # -- beats --------------------------------------------------------------------------

    def show_scalar(self) -> None:
        value = fmt(np.asarray(self.examples[0]), "count")
        with self.beat(
            f"A scalar is a single number, like {value}. It has no axes: rank 0, and its shape "
            f"is empty, {shape_tex(self.shapes[0])}."
        ):
            self.heading = style.title("Tensors, one axis at a time")
            self.current = self.picture(0, self.cell_side).move_to(UP * 0.4)
            self.current_caption = self.caption(0, None).move_to(DOWN * 2.7)
            self.arrow: Arrow | None = None
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.current, scale=1.3), run_time=BEAT)
            self.play(FadeIn(self.current_caption, shift=UP * 0.2), run_time=BEAT)
            self.show("shape_0", self.shapes[0])
            self.wait(PAUSE)

    def add_an_axis(self, r: int) -> None:
        shape = self.shapes[r]
        with self.beat(self.story(r)):
            picture = self.picture(r, self.cell_side).move_to(UP * 0.4)
            caption = self.caption(r, new_axis=0).move_to(DOWN * 2.7)
            arrow = self.axis_arrow(r, picture)
            copies = [TransformFromCopy(self.current, part) for part in picture[1:]]
            self.play(
                Transform(self.current, picture[0]),
                ReplacementTransform(self.current_caption, caption),
                *([FadeOut(self.arrow)] if self.arrow else []),
                run_time=BEAT,
            )
            self.play(*copies, GrowArrow(arrow), run_time=BEAT * 1.2)
            self.remove(self.current, *picture[1:])
            self.add(picture)
            self.current, self.current_caption, self.arrow = picture, caption, arrow
            self.show(f"shape_{r}", shape)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        spoken = ", ".join(
            f"{shape_tex(shape)} for a {name}"
            for shape, name in zip(self.shapes, self.names, strict=True)
        )
        with self.beat(
            f"The rank is the number of axes, and the shape lists the length of each: {spoken}."
        ):
            self.play(
                FadeOut(self.current),
                FadeOut(self.current_caption),
                FadeOut(self.arrow),
                run_time=QUICK,
            )
            columns = VGroup()
            for r, shape in enumerate(self.shapes):
                picture = self.picture(r, self.poster_cell_side, numbers=False)
                label = VGroup(
                    text(self.names[r], size=LABEL_SIZE, color=INPUT),
                    text(f"rank {fmt(len(shape), 'count')}", size=LABEL_SIZE, color=MUTED),
                    _shape_formula(shape, size=LABEL_SIZE + 4, prefix=None),
                ).arrange(DOWN, buff=BUFF * 0.8)
                columns.add(VGroup(picture, label))
            pictures = VGroup(*(column[0] for column in columns))
            pictures.arrange(RIGHT, buff=GAP * 2.4, aligned_edge=DOWN)
            style.fit_width(pictures, style.SAFE_WIDTH)
            pictures.move_to(UP * 0.9)
            for column in columns:
                column[1].next_to(column[0], DOWN, buff=GAP)
                column[1].set_y(pictures.get_bottom()[1] - GAP - column[1].height / 2)
            rule = tex(
                r"\text{rank} = \text{number of axes} = \text{length of the shape}", color=MUTED
            ).move_to(DOWN * 2.9)
            for column in columns:
                self.play(FadeIn(column, shift=UP * 0.2), run_time=QUICK)
            self.play(Write(rule), run_time=BEAT)
            self.show("summary_shapes", tuple(self.shapes))
            self.hold_poster()


class VectorTransposition(LessonScene):
    """A row vector becomes a column: shape (1, n) to (n, 1); and the zero vector."""

    x = ((3.0, -1.0, 4.0),)  # one row of three numbers

    def construct(self) -> None:
        self.column = linalg.transpose(self.x)  # every number, from lib, up front
        self.back = linalg.transpose(self.column)
        self.zero = np.zeros(linalg.shape_of(self.x)[1])
        self.zero_norm = linalg.l2_norm(self.zero)
        try:
            linalg.normalize(self.zero)
        except InvalidInputError as refusal:
            self.refusal = str(refusal)
        else:  # pragma: no cover - lib promises to refuse the zero vector
            raise ValueError("lib normalised the zero vector; it has no direction")
        self.introduce_row()
        self.transpose_it()
        self.transpose_back()
        self.introduce_zero_vector()
        self.show_summary()

    def named(self, name: str, values: np.ndarray, colour: str) -> VGroup:
        """``name =`` a matrix, with its shape underneath."""
        matrix = style.matrix(values, color=colour, h_buff=0.9, v_buff=0.7)
        label = tex(name, "=", color=colour).next_to(matrix, LEFT, buff=BUFF)
        shape = _shape_formula(linalg.shape_of(values), size=LABEL_SIZE + 4, color=MUTED)
        shape.next_to(matrix, DOWN, buff=BUFF)
        return VGroup(label, matrix, shape)

    def introduce_row(self) -> None:
        shape = linalg.shape_of(self.x)
        entries = ", ".join(fmt(v) for v in np.ravel(self.x))
        with self.beat(
            f"x = ({entries}) written as a row vector: one row of {fmt(shape[1], 'count')} "
            f"numbers, so its shape is {shape_tex(shape)}, one row by {fmt(shape[1], 'count')} "
            "columns."
        ):
            self.heading = style.title("Transposing a vector")
            self.row = self.named("x", np.asarray(self.x), INPUT)
            self.row.move_to(LEFT * 3.2 + UP * 1.2)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.row[:2]), run_time=BEAT)
            self.play(FadeIn(self.row[2], shift=UP * 0.2), run_time=BEAT)
            self.show("x_shape", shape)
            self.wait(PAUSE)

    def transpose_it(self) -> None:
        shape = linalg.shape_of(self.column)
        with self.beat(
            "Transposing turns rows into columns: entry i of the row becomes row i of the "
            f"column. x transpose is a column vector of shape {shape_tex(shape)}."
        ):
            self.col = self.named("x^T", self.column, INPUT_2)
            self.col.move_to(RIGHT * 2.6)
            self.col.shift(UP * (self.row[1].get_y() - self.col[1].get_y()))
            arrow = Arrow(
                self.row[1].get_right(),
                self.col[0].get_left(),
                buff=GAP * 0.6,
                color=MUTED,
                stroke_width=4,
            )
            t_label = tex("T", size=LABEL_SIZE + 4, color=MUTED).next_to(arrow, UP, buff=BUFF * 0.5)
            row_entries, column_entries = self.row[1].get_entries(), self.col[1].get_entries()
            self.play(GrowArrow(arrow), FadeIn(t_label), FadeIn(self.col[0]), run_time=QUICK)
            self.play(
                *(
                    TransformFromCopy(a, b, path_arc=-PI / 2)
                    for a, b in zip(row_entries, column_entries, strict=True)
                ),
                TransformFromCopy(self.row[1].get_brackets(), self.col[1].get_brackets()),
                run_time=BEAT * 1.5,
            )
            self.settle(self.col[1])
            self.play(FadeIn(self.col[2], shift=UP * 0.2), run_time=BEAT)
            self.arrow = VGroup(arrow, t_label)
            self.show("column", tuple(float(v) for v in np.ravel(self.column)))
            self.show("column_shape", shape)
            self.wait(PAUSE)

    def transpose_back(self) -> None:
        shape = linalg.shape_of(self.back)
        same = bool(np.array_equal(self.back, np.asarray(self.x)))
        with self.beat(
            f"Transpose the column and the row comes back, shape {shape_tex(shape)}: "
            "the transpose of x transpose is x again."
        ):
            if not same:  # pragma: no cover - lib's transpose is its own inverse
                raise ValueError("transposing twice did not give x back")
            self.twice = tex(r"(x^T)^T = x", color=INPUT)
            self.twice.next_to(self.row, DOWN, buff=GAP * 1.2)
            self.play(Write(self.twice), run_time=BEAT)
            self.show("back_shape", shape)
            self.wait(PAUSE)

    def introduce_zero_vector(self) -> None:
        n = fmt(len(self.zero), "count")
        with self.beat(
            f"The zero vector has all {n} entries equal to 0. Its length is "
            f"{fmt(self.zero_norm, 'norm')}, and it is the one vector with no direction: "
            "it cannot be scaled to length 1."
        ):
            zero = tex(r"\mathbf{0}", "=", fmt_vector(self.zero))
            norm = tex(r"\|\mathbf{0}\|_2", "=", num(self.zero_norm, "norm"))
            refusal = text("no direction: it cannot be normalised", size=LABEL_SIZE, color=ERROR)
            heading = text("the zero vector", size=LABEL_SIZE, color=MUTED)
            self.zero_facts = VGroup(
                heading, VGroup(zero, norm).arrange(RIGHT, buff=GAP * 2), refusal
            ).arrange(DOWN, buff=BUFF * 1.4)
            self.zero_facts.move_to(DOWN * 2.6)
            self.play(FadeIn(heading), FadeIn(zero, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(norm, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(refusal), run_time=BEAT)
            self.show("zero", tuple(float(v) for v in self.zero))
            self.show("zero_norm", self.zero_norm)
            self.show("zero_refusal", self.refusal)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        row_shape, column_shape = linalg.shape_of(self.x), linalg.shape_of(self.column)
        with self.beat(
            f"A row of shape {shape_tex(row_shape)} transposes into a column of shape "
            f"{shape_tex(column_shape)} and back again; the zero vector has length 0 and "
            "no direction."
        ):
            self.play(
                Indicate(self.row[2], color=HIGHLIGHT),
                Indicate(self.col[2], color=HIGHLIGHT),
                run_time=BEAT,
            )
            self.hold_poster()


class VectorNorms(LessonScene):
    """The four norms of one vector, and the unit ball of each."""

    vector = (3.0, -4.0)  # the example's input, stated once

    def construct(self) -> None:
        self.steps = linalg.norm_steps(self.vector)  # every number, from lib, up front
        self.unit = {name: linalg.normalize(self.vector, name) for name in ("l1", "l2", "max")}
        self.introduce_vector()
        self.compute_l1_norm()
        self.compute_l2_norm()
        self.compute_squared_l2_norm()
        self.compute_max_norm()
        self.compare_unit_balls()
        self.show_summary()

    # -- layout -------------------------------------------------------------------------

    def right_column_x(self) -> float:
        """Left edge of the computation column, right of the plane."""
        return self.grid.get_right()[0] + GAP

    def place_row(self, row: VGroup) -> VGroup:
        """Put a norm's row under the previous one, in the right column."""
        anchor = self.rows[-1] if self.rows else self.vector_label
        row.next_to(anchor, DOWN, buff=GAP * 0.9, aligned_edge=LEFT)
        row.align_to(self.vector_label, LEFT)
        self.rows.append(row)
        return row

    def norm_row(self, caption: str, colour: str, *parts: str) -> VGroup:
        """A caption over a formula whose parts are written one at a time."""
        name = text(caption, size=LABEL_SIZE, color=colour)
        formula = tex(*parts, size=BODY_SIZE)
        formula[1].set_color(INPUT)  # v in the vector's colour, as in the picture
        formula[-1].set_color(colour)  # the result in the norm's colour
        style.fit_width(formula, config.frame_width / 2 + 0.2)
        row = VGroup(name, formula).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
        return self.place_row(row)

    def write_formula(self, row: VGroup, run_time: float = BEAT) -> None:
        """Write the formula of ``row`` part by part: the definition, the steps, the value."""
        name, formula = row
        self.play(FadeIn(name, shift=RIGHT * 0.2), Write(formula[:4]), run_time=run_time)
        for part in formula[4:]:
            self.play(Write(part), run_time=run_time * 0.8)

    # -- beats --------------------------------------------------------------------------

    def introduce_vector(self) -> None:
        x, y = self.steps.components
        with self.beat(
            f"Here is one vector, v = ({fmt(x)}, {fmt(y)}). A norm measures how big a vector "
            "is, and there is more than one way to measure it."
        ):
            heading = style.title("Vector norms")
            self.grid = style.plane(
                [-5, 5, 1], [-5, 5, 1], width=6.2, height=6.2, ticks=[-4, -2, 2, 4]
            )
            self.grid.to_corner(LEFT + DOWN, buff=MARGIN)
            self.arrow = style.labelled_vector(self.grid, self.steps.components, "v")
            self.vector_label = tex("v", "=", fmt_vector(self.steps.components))
            self.vector_label[0].set_color(INPUT)
            self.vector_label.move_to(
                [self.right_column_x(), self.grid.get_top()[1], 0], aligned_edge=LEFT + UP
            )
            self.rows: list[VGroup] = []
            self.play(FadeIn(heading), Create(self.grid), run_time=BEAT * 1.5)
            self.play(GrowArrow(self.arrow[0]), FadeIn(self.arrow[1]), run_time=BEAT)
            self.play(Write(self.vector_label), run_time=BEAT)
            self.wait(PAUSE)
            self.heading = heading

    def compute_l1_norm(self) -> None:
        s = self.steps
        x, y = s.components
        ax, ay = s.absolute_values
        with self.beat(
            f"The L1 norm adds the absolute values of the components: walk {fmt(ax)} across "
            f"and {fmt(ay)} down, {fmt(s.l1)} blocks in all, like a taxi on a city grid."
        ):
            row = self.norm_row(
                "L1 norm",
                L1,
                r"\|",
                "v",
                r"\|_1",
                "=",
                rf"|{num(x)}| + |{num(y)}|",
                rf"= {num(ax)} + {num(ay)}",
                rf"= {num(s.l1)}",
            )
            corner = self.grid.c2p(x, 0)
            across = Line(self.grid.c2p(0, 0), corner, color=L1, stroke_width=7)
            down = Line(corner, self.grid.c2p(x, y), color=L1, stroke_width=7)
            self.l1_path = VGroup(across, down)
            self.play(FadeIn(row[0], shift=RIGHT * 0.2), Write(row[1][:4]), run_time=BEAT)
            self.play(Create(across), Write(row[1][4]), run_time=BEAT)
            self.play(Create(down), Write(row[1][5]), run_time=BEAT)
            self.play(Write(row[1][6]), run_time=BEAT)
            self.show("l1", s.l1)
            self.wait(PAUSE)

    def compute_l2_norm(self) -> None:
        s = self.steps
        x, y = s.components
        sx, sy = s.squares
        with self.beat(
            f"The L2 norm is the straight-line length. By Pythagoras it is the square root of "
            f"{fmt(sx)} plus {fmt(sy)}, which is {fmt(s.l2, 'norm')}."
        ):
            row = self.norm_row(
                "L2 norm (length)",
                L2,
                r"\|",
                "v",
                r"\|_2",
                "=",
                rf"\sqrt{{{num(x)}^2 + ({num(y)})^2}}",
                rf"= \sqrt{{{num(sx)} + {num(sy)}}}",
                rf"= {num(s.l2, 'norm')}",
            )
            self.play(self.l1_path.animate.set_stroke(opacity=0.35), run_time=QUICK)
            self.play(self.arrow[0].animate.set_color(L2), run_time=QUICK)
            self.write_formula(row)
            self.show("l2", s.l2)
            self.wait(PAUSE)

    def compute_squared_l2_norm(self) -> None:
        s = self.steps
        sx, sy = s.squares
        with self.beat(
            f"The squared L2 norm leaves out the square root: {fmt(s.squared_l2)}. It is cheaper "
            "to compute and simpler to differentiate, so machine learning uses it often."
        ):
            row = self.norm_row(
                "squared L2 norm",
                SQUARED,
                r"\|",
                "v",
                r"\|_2^2",
                "=",
                rf"{num(sx)} + {num(sy)}",
                rf"= {num(s.squared_l2)}",
            )
            self.write_formula(row)
            self.show("squared_l2", s.squared_l2)
            self.wait(PAUSE)

    def compute_max_norm(self) -> None:
        s = self.steps
        x, y = s.components
        with self.beat(
            f"The max norm keeps only the largest absolute component: {fmt(s.max_norm)}."
        ):
            row = self.norm_row(
                "max norm",
                MAX,
                r"\|",
                "v",
                r"\|_\infty",
                "=",
                rf"\max(|{num(x)}|, |{num(y)}|)",
                rf"= {num(s.max_norm)}",
            )
            largest = self.l1_path[s.max_index]
            self.play(largest.animate.set_stroke(color=MAX, opacity=1, width=10), run_time=QUICK)
            self.write_formula(row)
            self.show("max", s.max_norm)
            self.wait(PAUSE)

    def compare_unit_balls(self) -> None:
        with self.beat(
            "Each norm has a unit ball: every vector whose norm is 1. For L1 it is a diamond, "
            "for L2 a circle, for the max norm a square."
        ):
            self.play(
                FadeOut(VGroup(self.arrow, self.l1_path, *self.rows)),
                run_time=QUICK,
            )
            zoomed = style.plane([-1.5, 1.5, 0.5], [-1.5, 1.5, 0.5], width=6.2, height=6.2)
            zoomed.move_to(self.grid)
            # Tick labels sit off the axes' crossing points, where all three balls meet.
            for x, y in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                label = tex(num(x or y), size=LABEL_SIZE, color=style.AXIS)
                offset = (RIGHT if x >= 0 else LEFT) + (UP if y >= 0 else DOWN)
                label.next_to(zoomed.c2p(x, y), offset, buff=BUFF * 0.5)
                zoomed.add(label)
            self.play(ReplacementTransform(self.grid, zoomed), run_time=BEAT)
            self.grid = zoomed
            origin = zoomed.c2p(0, 0)
            unit = zoomed.c2p(1, 0)[0] - origin[0]
            self.balls = {
                "l1": Square(side_length=unit * 2**0.5, color=L1, stroke_width=5)
                .rotate(np.pi / 4)
                .move_to(origin),
                "l2": Circle(radius=unit, color=L2, stroke_width=5).move_to(origin),
                "max": Square(side_length=2 * unit, color=MAX, stroke_width=5).move_to(origin),
            }
            self.table = self.ball_table()
            for name in ("l1", "l2", "max"):
                self.play(
                    Create(self.balls[name]), FadeIn(self.table_rows[name][:2]), run_time=BEAT
                )
            self.wait(QUICK)

        with self.beat(
            "Dividing v by its norm shrinks it onto that norm's ball: the same direction, norm 1."
        ):
            tip = self.unit["max"]
            ray = DashedLine(origin, zoomed.c2p(*(tip * 1.4)), color=INPUT, stroke_width=3)
            self.play(Create(ray), run_time=BEAT)
            self.unit_dots = VGroup()
            for name in ("l1", "l2", "max"):
                point = zoomed.c2p(*self.unit[name])
                dot = Dot(point, radius=0.09, color=self.balls[name].get_color())
                self.unit_dots.add(dot)
                self.play(FadeIn(dot, scale=1.6), FadeIn(self.table_rows[name][2]), run_time=BEAT)
                self.show(f"unit_{name}", tuple(float(v) for v in self.unit[name]))
            self.ray = ray
            self.wait(PAUSE)

    def ball_table(self) -> VGroup:
        """Right column: for each norm, its value, its unit ball and v normalised onto it."""
        s = self.steps
        values = {"l1": s.l1, "l2": s.l2, "max": s.max_norm}
        subscripts = {"l1": "1", "l2": "2", "max": r"\infty"}
        shapes = {"l1": "diamond", "l2": "circle", "max": "square"}
        colours = {"l1": L1, "l2": L2, "max": MAX}
        header = VGroup(
            text("norm", size=LABEL_SIZE, color=MUTED),
            text("unit ball", size=LABEL_SIZE, color=MUTED),
            tex(r"v / \|v\|", size=LABEL_SIZE + 4, color=MUTED),
        )
        self.table_rows: dict[str, VGroup] = {}
        cells = list(header)
        for name in ("l1", "l2", "max"):
            colour = colours[name]
            row = VGroup(
                tex(rf"\|v\|_{{{subscripts[name]}}} = {num(values[name], 'norm')}", color=colour),
                text(shapes[name], size=LABEL_SIZE + 2, color=colour),
                tex(fmt_vector(self.unit[name], "coordinate"), color=colour),
            )
            self.table_rows[name] = row
            cells.extend(row)
        table = VGroup(*cells).arrange_in_grid(
            rows=4, cols=3, buff=(GAP * 0.8, GAP * 0.9), col_alignments="lll"
        )
        table.next_to(self.vector_label, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
        style.fit_width(table, config.frame_width / 2 + 0.3)
        self.table_header = header
        self.play(FadeIn(header), run_time=QUICK)
        return table

    def show_summary(self) -> None:
        s = self.steps
        with self.beat(
            f"One vector, four sizes: L1 {fmt(s.l1)}, L2 {fmt(s.l2, 'norm')}, squared L2 "
            f"{fmt(s.squared_l2)} and max {fmt(s.max_norm)}, and a unit ball for each norm."
        ):
            squared = VGroup(
                tex(rf"\|v\|_2^2 = {num(s.squared_l2)}", color=SQUARED),
                text("its unit ball is the L2 circle", size=LABEL_SIZE, color=SQUARED),
            ).arrange(RIGHT, buff=GAP)
            squared.next_to(self.table, DOWN, buff=GAP, aligned_edge=LEFT)
            self.play(FadeIn(squared, shift=UP * 0.2), run_time=BEAT)
            self.show("summary_squared_l2", s.squared_l2)
            self.hold_poster()


def _spoken(values: Sequence[float], kind: str = "value") -> str:
    """A vector as the narration says it: ``(3, -4)``."""
    return "(" + ", ".join(fmt(v, kind) for v in values) + ")"


class BasisAndOrthogonality(LessonScene):
    """The basis vectors i and j; two orthogonal vectors; orthonormal = orthogonal + unit length."""

    u = (2.0, 1.0)
    w = (-1.0, 2.0)  # at a right angle to u

    def construct(self) -> None:
        self.basis = ((1.0, 0.0), (0.0, 1.0))  # every number, from lib, up front
        self.basis_dot = linalg.dot(*self.basis)
        self.basis_norms = tuple(linalg.l2_norm(e) for e in self.basis)
        self.dot = linalg.dot(self.u, self.w)
        if not linalg.are_orthogonal(self.u, self.w):
            raise ValueError(
                f"u and w must be orthogonal for this lesson, but u . w = {self.dot:g}; "
                "choose w at a right angle to u, such as (-u2, u1)"
            )
        self.norms = (linalg.l2_norm(self.u), linalg.l2_norm(self.w))
        self.units = (linalg.unit_vector(self.u), linalg.unit_vector(self.w))
        self.unit_norms = tuple(linalg.l2_norm(v) for v in self.units)
        self.unit_dot = linalg.dot(*self.units)
        self.units_orthogonal = linalg.are_orthogonal(*self.units)
        self.show_basis()
        self.combine_basis_vectors()
        self.show_orthogonal_pair()
        self.measure_lengths()
        self.normalise_to_orthonormal()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def column_row(self, *parts: str, colour: str = TEXT, below: Mobject | None = None) -> MathTex:
        """A formula in the right-hand column, under ``below`` (or at the top)."""
        row = tex(*parts, color=colour)
        style.fit_width(row, config.frame_width / 2 - MARGIN - self.column_left)
        if below is None:
            row.move_to([self.column_left, self.grid.get_top()[1], 0], aligned_edge=LEFT + UP)
        else:
            row.next_to(below, DOWN, buff=GAP * 0.6, aligned_edge=LEFT)
        return row

    def label_beside(self, tip: Sequence[float], away: Sequence[float], name: str, colour: str):
        """A vector's name just past its tip, pushed away from the direction ``away``."""
        end = self.grid.c2p(*tip)
        push = -np.array([*away, 0.0]) / np.linalg.norm(away)
        label = tex(name, color=colour)
        return label.move_to(end + push * 0.4 + (end - self.grid.c2p(0, 0)) * 0.1)

    # -- beats --------------------------------------------------------------------------

    def show_basis(self) -> None:
        i, j = (fmt_vector(e) for e in self.basis)
        with self.beat(
            f"The basis vectors i = {_spoken(self.basis[0])} and j = {_spoken(self.basis[1])} "
            "point one unit along each axis. Every vector of the plane is built from them."
        ):
            self.heading = style.title("Basis and orthogonality")
            reach = int(np.ceil(np.max(np.abs([*self.u, *self.w])))) + 1
            ticks = [k for k in range(-reach + 1, reach) if k and k % 2 == 0]
            self.grid = style.plane(
                [-reach, reach, 1], [-reach, reach, 1], width=5.9, height=5.9, ticks=ticks
            )
            self.grid.to_corner(LEFT + DOWN, buff=MARGIN)
            self.column_left = self.grid.get_right()[0] + GAP
            self.basis_arrows = VGroup()
            for e, name, side in zip(
                self.basis, (r"\hat{\imath}", r"\hat{\jmath}"), (DOWN, LEFT), strict=True
            ):
                arrow = Arrow(
                    self.grid.c2p(0, 0), self.grid.c2p(*e), buff=0, color=TEXT, stroke_width=6
                )
                label = tex(name, color=TEXT).next_to(arrow, side, buff=BUFF * 0.6)
                self.basis_arrows.add(VGroup(arrow, label))
            self.basis_row = self.column_row(
                rf"\hat{{\imath}} = {i}, \quad \hat{{\jmath}} = {j}", colour=TEXT
            )
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT)
            self.play(
                *(GrowArrow(a[0]) for a in self.basis_arrows),
                *(FadeIn(a[1]) for a in self.basis_arrows),
                run_time=BEAT,
            )
            self.play(Write(self.basis_row), run_time=BEAT)
            self.wait(QUICK)

    def combine_basis_vectors(self) -> None:
        x, y = self.u
        combination = _linear_tex(self.u, (r"\hat{\imath}", r"\hat{\jmath}"))
        with self.beat(
            f"u = ({fmt(x)}, {fmt(y)}) is {fmt(x)} steps of i followed by {fmt(y)} of j: "
            "its coordinates are how much of each basis vector it takes."
        ):
            corner = self.grid.c2p(x, 0)
            steps = VGroup(
                DashedLine(self.grid.c2p(0, 0), corner, color=INPUT, stroke_width=4),
                DashedLine(corner, self.grid.c2p(x, y), color=INPUT, stroke_width=4),
            )
            self.u_arrow = style.labelled_vector(self.grid, self.u, "u", color=INPUT)
            self.u_row = self.column_row(
                "u", "=", combination, "=", fmt_vector(self.u), colour=INPUT, below=self.basis_row
            )
            self.play(Create(steps[0]), run_time=BEAT)
            self.play(Create(steps[1]), run_time=BEAT * 0.8)
            self.play(GrowArrow(self.u_arrow[0]), FadeIn(self.u_arrow[1]), run_time=BEAT)
            self.play(Write(self.u_row), run_time=BEAT)
            self.steps = steps

    def show_orthogonal_pair(self) -> None:
        (ux, uy), (wx, wy) = self.u, self.w
        with self.beat(
            f"w = ({fmt(wx)}, {fmt(wy)}) meets u at a right angle. The dot product shows it: "
            f"u dot w = {fmt(ux)} times {fmt(wx)} plus {fmt(uy)} times {fmt(wy)} = "
            f"{fmt(self.dot)}. A dot product of 0 means orthogonal."
        ):
            self.w_arrow = style.labelled_vector(self.grid, self.w, "w", color=INPUT_2)
            origin = self.grid.c2p(0, 0)
            self.right_angle = RightAngle(
                Line(origin, self.grid.c2p(*self.u)),
                Line(origin, self.grid.c2p(*self.w)),
                length=0.3,
                color=HIGHLIGHT,
                stroke_width=4,
            )
            self.dot_row = self.column_row(
                "u",
                r"\cdot",
                "w",
                "=",
                rf"{factor(ux)} \cdot {factor(wx)} + {factor(uy)} \cdot {factor(wy)}",
                "=",
                num(self.dot),
                below=self.u_row,
            )
            self.dot_row[0].set_color(INPUT)
            self.dot_row[2].set_color(INPUT_2)
            self.dot_row[-1].set_color(HIGHLIGHT)
            self.orthogonal_tag = text("orthogonal", size=LABEL_SIZE, color=HIGHLIGHT)
            self.orthogonal_tag.next_to(self.dot_row, DOWN, buff=BUFF * 0.6, aligned_edge=LEFT)
            self.play(
                GrowArrow(self.w_arrow[0]),
                FadeIn(self.w_arrow[1]),
                FadeOut(self.basis_arrows),
                FadeOut(self.steps),
                run_time=BEAT,
            )
            self.play(Create(self.right_angle), run_time=QUICK)
            self.play(Write(self.dot_row), run_time=BEAT * 1.5)
            self.play(FadeIn(self.orthogonal_tag), run_time=QUICK)
            self.show("dot", self.dot)
            self.wait(PAUSE)

    def measure_lengths(self) -> None:
        nu, nw = (fmt(n, "norm") for n in self.norms)
        with self.beat(
            f"But they are not unit vectors: u has length {nu} and w has length {nw}. "
            "Orthogonal, but not yet orthonormal."
        ):
            self.length_row = self.column_row(
                rf"\|u\| = {num(self.norms[0], 'norm')},\quad \|w\| = {num(self.norms[1], 'norm')}",
                below=self.orthogonal_tag,
            )
            self.play(Write(self.length_row), run_time=BEAT)
            self.show("norms", self.norms)
            self.wait(PAUSE)

    def normalise_to_orthonormal(self) -> None:
        (ux, uy), (wx, wy) = (tuple(float(c) for c in v) for v in self.units)
        with self.beat(
            f"Divide each by its length: u hat = ({fmt(ux, 'coordinate')}, "
            f"{fmt(uy, 'coordinate')}) and w hat = ({fmt(wx, 'coordinate')}, "
            f"{fmt(wy, 'coordinate')}) have length {fmt(self.unit_norms[0], 'norm')} and are "
            f"still at a right angle: dot product {fmt(self.unit_dot)}. Orthogonal and unit "
            "length: orthonormal, just like i and j."
        ):
            origin = self.grid.c2p(0, 0)
            radius = self.grid.c2p(1, 0)[0] - origin[0]
            circle = Circle(radius=radius, color=MUTED, stroke_width=2).move_to(origin)
            circle.set_stroke(opacity=0.7)
            self.unit_arrows = VGroup()
            for vector, other, name in zip(
                self.units, self.units[::-1], (r"\hat{u}", r"\hat{w}"), strict=True
            ):
                arrow = Arrow(
                    origin,
                    self.grid.c2p(*vector),
                    buff=0,
                    color=RESULT,
                    stroke_width=7,
                    max_tip_length_to_length_ratio=0.3,
                )
                label = self.label_beside(vector, other, name, RESULT)
                self.unit_arrows.add(VGroup(arrow, label))
            self.unit_row = self.column_row(
                r"\hat{u} = " + fmt_vector(self.units[0], "coordinate"),
                r",\quad \hat{w} = " + fmt_vector(self.units[1], "coordinate"),
                colour=RESULT,
                below=self.length_row,
            )
            self.orthonormal_row = self.column_row(
                rf"\hat{{u}} \cdot \hat{{w}} = {num(self.unit_dot)},\quad "
                rf"\|\hat{{u}}\| = \|\hat{{w}}\| = {num(self.unit_norms[0], 'norm')}",
                colour=RESULT,
                below=self.unit_row,
            )
            self.orthonormal_tag = text(
                "orthonormal = orthogonal + length 1", size=LABEL_SIZE, color=RESULT
            )
            self.orthonormal_tag.next_to(
                self.orthonormal_row, DOWN, buff=BUFF * 0.6, aligned_edge=LEFT
            )
            self.play(
                self.u_arrow.animate.set_opacity(0.35),
                self.w_arrow.animate.set_opacity(0.35),
                Create(circle),
                run_time=QUICK,
            )
            self.play(
                *(GrowArrow(a[0]) for a in self.unit_arrows),
                *(FadeIn(a[1]) for a in self.unit_arrows),
                run_time=BEAT,
            )
            self.play(Write(self.unit_row), run_time=BEAT)
            self.play(Write(self.orthonormal_row), run_time=BEAT)
            self.play(FadeIn(self.orthonormal_tag), run_time=QUICK)
            self.show("units", tuple(tuple(float(c) for c in v) for v in self.units))
            self.show("unit_norms", self.unit_norms)
            self.show("unit_dot", self.unit_dot)
            self.show("units_orthogonal", self.units_orthogonal)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            f"Orthogonal vectors meet at a right angle, their dot product {fmt(self.dot)}; "
            "orthonormal vectors are orthogonal and of length 1, like the basis vectors i and j."
        ):
            self.play(Indicate(self.right_angle, color=HIGHLIGHT), run_time=BEAT)
            self.hold_poster()


class MatricesAndIndexing(LessonScene):
    """A matrix, its shape, and one row, one column and one element picked out by index."""

    X = ((2.0, 7.0, 1.0, 8.0), (4.0, 9.0, 3.0, 5.0), (6.0, 0.0, 2.0, 7.0))
    row_index = 1  # numpy counts from 0
    column_index = 2

    def construct(self) -> None:
        self.values = np.asarray(self.X, dtype=float)
        self.shape = linalg.shape_of(self.values)
        i, j = self.row_index, self.column_index
        if not (0 <= i < self.shape[0] and 0 <= j < self.shape[1]):
            raise ValueError(
                f"X has shape {self.shape}; row_index must be 0-{self.shape[0] - 1} and "
                f"column_index 0-{self.shape[1] - 1}, got {i} and {j}"
            )
        # The lesson is numpy's own indexing; lib gives the shapes of what it returns.
        self.row = self.values[i, :]
        self.column = self.values[:, j]
        self.element = self.values[i, j]
        self.introduce_matrix()
        self.pick_row()
        self.pick_column()
        self.pick_element()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def readout(self, code: str, values: np.ndarray, colour: str, below: Mobject | None) -> VGroup:
        """``X[1, :] = [4, 9, 3, 5]`` over ``shape (4,)``, in the right-hand column."""
        shown = (
            fmt(values, "entry")
            if np.ndim(values) == 0
            else "[" + ",\\ ".join(fmt(v, "entry") for v in values) + "]"
        )
        formula = tex(rf"\texttt{{{code}}}", "=", shown, color=colour)
        shape = _shape_formula(linalg.shape_of(values), size=LABEL_SIZE + 4, color=MUTED)
        group = VGroup(formula, shape).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.8)
        if below is None:
            group.move_to([self.column_left, 0, 0], aligned_edge=LEFT)
            group.align_to(self.column_numbers, UP)
        else:
            group.next_to(below, DOWN, buff=GAP * 1.4, aligned_edge=LEFT)
        return group

    def pick(
        self,
        cells: Mobject,
        index_label: Mobject | None,
        code: str,
        values: np.ndarray,
        colour: str,
        below: Mobject | None,
    ) -> VGroup:
        """Outline the picked cells in ``colour``, then fly them into their readout."""
        box = style.highlight_box(cells, color=colour, buff=0.1 if index_label else 0.06)
        readout = self.readout(code, values, colour, below)
        recolour = [cells.animate.set_color(colour)]
        if index_label is not None:
            recolour.append(index_label.animate.set_color(colour))
        self.play(Create(box), *recolour, run_time=BEAT)
        self.play(TransformFromCopy(cells, readout[0][2]), run_time=BEAT)
        self.play(FadeIn(readout[0][:2]), FadeIn(readout[1]), run_time=QUICK)
        self.settle(readout)
        return readout

    def code(self, row: str, column: str) -> str:
        """``X[1, :]`` as numpy writes an index."""
        return f"X[{row}, {column}]"

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        rows, columns = (fmt(n, "count") for n in self.shape)
        with self.beat(
            f"A matrix is a grid of numbers. X has {rows} rows and {columns} columns: shape "
            f"{shape_tex(self.shape)}. Python counts from 0, so the first row is row 0 and "
            "the first column is column 0."
        ):
            self.heading = style.title("Matrices and indexing")
            self.matrix = style.matrix(self.values, size=BODY_SIZE + 6, h_buff=1.3, v_buff=1.0)
            self.matrix.move_to(LEFT * 3.3 + UP * 0.1)
            self.column_numbers = VGroup(
                *(
                    tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED).next_to(
                        column, UP, buff=GAP * 0.8
                    )
                    for k, column in enumerate(self.matrix.get_columns())
                )
            )
            top = max(n.get_y() for n in self.column_numbers)
            for label in self.column_numbers:
                label.set_y(top)
            self.row_numbers = VGroup(
                *(
                    tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED)
                    .next_to(self.matrix, LEFT, buff=BUFF)
                    .set_y(row.get_y())
                    for k, row in enumerate(self.matrix.get_rows())
                )
            )
            self.caption = VGroup(
                VGroup(tex("X", color=TEXT), _shape_formula(self.shape, color=MUTED)).arrange(
                    RIGHT, buff=GAP
                ),
                text("rows and columns count from 0", size=LABEL_SIZE, color=MUTED),
            ).arrange(DOWN, buff=BUFF)
            self.caption.next_to(self.matrix, DOWN, buff=GAP)
            self.column_left = self.matrix.get_right()[0] + GAP * 1.6
            self.play(FadeIn(self.heading), FadeIn(self.matrix), run_time=BEAT)
            self.play(FadeIn(self.caption, shift=UP * 0.2), run_time=BEAT)
            self.play(FadeIn(self.row_numbers), FadeIn(self.column_numbers), run_time=BEAT)
            self.show("shape", self.shape)
            self.wait(PAUSE)

    def pick_row(self) -> None:
        i = fmt(self.row_index, "count")
        with self.beat(
            f"X[{i}, :] takes row {i}, with every column: "
            + ", ".join(fmt(v, "entry") for v in self.row)
            + f". It is a vector, shape {shape_tex(linalg.shape_of(self.row))}."
        ):
            self.row_readout = self.pick(
                self.matrix.get_rows()[self.row_index],
                self.row_numbers[self.row_index],
                self.code(i, ":"),
                self.row,
                INPUT,
                below=None,
            )
            self.show("row", tuple(float(v) for v in self.row))
            self.show("row_shape", linalg.shape_of(self.row))
            self.wait(PAUSE)

    def pick_column(self) -> None:
        j = fmt(self.column_index, "count")
        with self.beat(
            f"X[:, {j}] takes column {j}, from every row: "
            + ", ".join(fmt(v, "entry") for v in self.column)
            + f". numpy hands it back as a vector too, shape "
            f"{shape_tex(linalg.shape_of(self.column))}."
        ):
            self.column_readout = self.pick(
                self.matrix.get_columns()[self.column_index],
                self.column_numbers[self.column_index],
                self.code(":", j),
                self.column,
                INPUT_2,
                below=self.row_readout,
            )
            self.show("column", tuple(float(v) for v in self.column))
            self.show("column_shape", linalg.shape_of(self.column))
            self.wait(PAUSE)

    def pick_element(self) -> None:
        i, j = fmt(self.row_index, "count"), fmt(self.column_index, "count")
        with self.beat(
            f"X[{i}, {j}] is the one element where row {i} meets column {j}: "
            f"{fmt(self.element, 'entry')}. A single number is a scalar, shape "
            f"{shape_tex(linalg.shape_of(self.element))}."
        ):
            self.element_readout = self.pick(
                style.cell(self.matrix, self.row_index, self.column_index),
                None,
                self.code(i, j),
                self.element,
                HIGHLIGHT,
                below=self.column_readout,
            )
            self.show("element", float(self.element))
            self.show("element_shape", linalg.shape_of(self.element))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Index with [row, column], counting from 0: a colon keeps a whole axis. "
            "A row and a column are vectors; one element is a scalar."
        ):
            self.play(
                Indicate(self.row_readout[0][0], color=INPUT),
                Indicate(self.column_readout[0][0], color=INPUT_2),
                Indicate(self.element_readout[0][0], color=HIGHLIGHT),
                run_time=BEAT,
            )
            self.hold_poster()


class HigherRankTensors(LessonScene):
    """A batch of colour images is one rank-4 tensor of shape (batch, height, width, channels)."""

    batch_shape = (2, 4, 4, 3)  # batch, height, width, channels: numpy's channels-last order
    axis_names = ("batch", "height", "width", "channels")
    seed = 7  # the random pixel intensities of the example images
    picked_image = 1  # the image indexed in the fourth beat (numpy counts from 0)
    cell_side = 0.46

    def construct(self) -> None:
        if len(self.batch_shape) != 4:
            raise ValueError(f"a batch of images has 4 axes; got shape {self.batch_shape}")
        if not 0 <= self.picked_image < self.batch_shape[0]:
            raise ValueError(
                f"picked_image must index one of the {self.batch_shape[0]} images from 0; "
                f"got {self.picked_image}"
            )
        rng = np.random.default_rng(self.seed)
        self.images = rng.uniform(0.25, 1.0, self.batch_shape)
        self.shape = linalg.shape_of(self.images)  # every shape, from lib, up front
        self.image_shape = linalg.shape_of(self.images[0])
        self.channel_shape = linalg.shape_of(self.images[0, :, :, 0])
        self.build_picture()
        self.show_one_channel()
        self.stack_channels()
        self.make_a_batch()
        self.index_the_batch()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def build_picture(self) -> None:
        """Every pixel of every channel of every image, drawn once, in its final place."""
        drawn = self.images.transpose(0, 3, 1, 2)  # (batch, channels, height, width): depth

        def make_cell(index: tuple[int, ...]) -> VGroup:
            b, c, y, x = index
            colour = CHANNEL_COLOURS[c % len(CHANNEL_COLOURS)]
            return _cell(self.cell_side, colour, fill=float(self.images[b, y, x, c]) * 0.85)

        self.picture = _array_picture(drawn, make_cell, self.cell_side)
        self.picture.move_to(LEFT * 0.9 + UP * 0.95)

    def axis_table(self, names: Sequence[str], shape: Sequence[int], new: int | None) -> VGroup:
        """The shape over a table with one column per axis: its number, meaning and length."""
        cells: list[Mobject] = [text("axis", size=LABEL_SIZE, color=MUTED)]
        cells += [tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED) for k in range(len(shape))]
        cells.append(text("meaning", size=LABEL_SIZE, color=MUTED))
        cells += [
            text(name, size=LABEL_SIZE + 4, color=HIGHLIGHT if k == new else TEXT)
            for k, name in enumerate(names)
        ]
        cells.append(text("length", size=LABEL_SIZE, color=MUTED))
        cells += [
            tex(fmt(n, "count"), color=HIGHLIGHT if k == new else TEXT) for k, n in enumerate(shape)
        ]
        table = VGroup(*cells).arrange_in_grid(
            rows=3,
            cols=len(shape) + 1,
            buff=(GAP * 1.1, BUFF),
            col_alignments="l" + "c" * len(shape),
        )
        group = VGroup(_shape_formula(shape, new_axis=new), table).arrange(DOWN, buff=GAP * 0.6)
        return group.move_to(DOWN * 2.3)

    def brace(self, mobject: Mobject, direction: np.ndarray, name: str) -> VGroup:
        """A brace along one side of ``mobject`` with an axis name beyond it."""
        brace = Brace(mobject, direction, color=MUTED, buff=BUFF * 0.4)
        label = text(name, size=LABEL_SIZE, color=MUTED).next_to(brace, direction, buff=BUFF * 0.4)
        return VGroup(brace, label)

    def channels_marker(self, block: VGroup) -> VGroup:
        """An arrow back through a block's layers, from the front one, named "channels"."""
        front, back = block[0], block[-1]
        start = front.get_corner(DOWN + RIGHT) + (DOWN + RIGHT) * BUFF * 0.6
        end = back.get_corner(DOWN + RIGHT) + (DOWN + RIGHT) * BUFF * 0.6
        direction = (end - start) / np.linalg.norm(end - start)
        arrow = Arrow(
            start - direction * 0.2,
            end + direction * 0.35,
            buff=0,
            color=MUTED,
            stroke_width=4,
            max_tip_length_to_length_ratio=0.35,
        )
        label = text(self.axis_names[3], size=LABEL_SIZE, color=MUTED)
        label.next_to(arrow.get_end(), RIGHT, buff=BUFF * 0.4)
        return VGroup(arrow, label)

    # -- beats --------------------------------------------------------------------------

    def show_one_channel(self) -> None:
        height, width = (fmt(n, "count") for n in self.channel_shape)
        with self.beat(
            f"One colour channel of one image, its red intensities, is a grid {height} pixels "
            f"high and {width} wide: a matrix of shape {shape_tex(self.channel_shape)}."
        ):
            self.heading = style.title("A batch of images")
            layer = self.picture[0][0]
            self.height_brace = self.brace(layer, LEFT, self.axis_names[1])
            self.width_brace = self.brace(layer, DOWN, self.axis_names[2])
            self.table = self.axis_table(self.axis_names[1:3], self.channel_shape, None)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(layer), run_time=BEAT)
            self.play(FadeIn(self.height_brace), FadeIn(self.width_brace), run_time=BEAT)
            self.play(FadeIn(self.table), run_time=BEAT)
            self.show("channel_shape", self.channel_shape)

    def stack_channels(self) -> None:
        channels = fmt(self.image_shape[2], "count")
        with self.beat(
            f"A colour image has {channels} channels, red, green and blue, stacked along a "
            f"third axis: shape {shape_tex(self.image_shape)}. numpy and TensorFlow put the "
            "channels last."
        ):
            block = self.picture[0]
            self.channels = self.channels_marker(block)
            table = self.axis_table(self.axis_names[1:], self.image_shape, 2)
            self.play(
                *(FadeIn(layer, shift=(DOWN + LEFT) * 0.2) for layer in block[1:]),
                run_time=BEAT,
            )
            self.play(FadeIn(self.channels), ReplacementTransform(self.table, table), run_time=BEAT)
            self.table = table
            self.show("image_shape", self.image_shape)

    def make_a_batch(self) -> None:
        batch = fmt(self.shape[0], "count")
        with self.beat(
            f"Models learn from batches: {batch} images stacked along a new first axis make one "
            f"rank-4 tensor of shape {shape_tex(self.shape)}. Every other axis moves up one."
        ):
            self.batch_brace = self.brace(self.picture, UP, self.axis_names[0])
            table = self.axis_table(self.axis_names, self.shape, 0)
            self.play(
                FadeIn(self.picture[1:], shift=LEFT * 0.3),
                Transform(self.channels, self.channels_marker(self.picture[-1])),
                run_time=BEAT,
            )
            self.play(
                FadeIn(self.batch_brace), ReplacementTransform(self.table, table), run_time=BEAT
            )
            self.table = table
            self.show("shape", self.shape)

    def index_the_batch(self) -> None:
        k = self.picked_image
        picks = {
            f"images[{fmt(k, 'count')}]": self.images[k],
            f"images[{fmt(k, 'count')}, :, :, 0]": self.images[k, :, :, 0],
        }
        (first_code, first), (second_code, second) = picks.items()
        with self.beat(
            f"Indexing peels axes off the front: {first_code} is one whole image, shape "
            f"{shape_tex(linalg.shape_of(first))}; {second_code} is its red channel, "
            f"shape {shape_tex(linalg.shape_of(second))}."
        ):
            readouts = VGroup(
                *(
                    VGroup(
                        tex(rf"\texttt{{{code}}}", color=HIGHLIGHT),
                        _shape_formula(linalg.shape_of(part), color=MUTED),
                    ).arrange(RIGHT, buff=GAP)
                    for code, part in picks.items()
                )
            ).arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
            readouts.move_to(self.table)
            block = self.picture[k]
            box = style.highlight_box(block)
            self.play(FadeOut(self.table), Create(box), FadeIn(readouts[0]), run_time=BEAT)
            self.wait(QUICK)
            self.play(
                Transform(box, style.highlight_box(block[0])), FadeIn(readouts[1]), run_time=BEAT
            )
            self.show("picked_shapes", tuple(linalg.shape_of(p) for p in picks.values()))
            self.picked = VGroup(box, readouts)

    def show_summary(self) -> None:
        named = ", ".join(
            f"{name} {fmt(n, 'count')}" for name, n in zip(self.axis_names, self.shape, strict=True)
        )
        with self.beat(
            f"A batch of colour images is one rank-4 tensor: {named}. PyTorch orders the same "
            "numbers batch, channels, height, width."
        ):
            self.table = self.axis_table(self.axis_names, self.shape, None)
            self.play(FadeOut(self.picked), run_time=QUICK)
            self.play(FadeIn(self.table, shift=UP * 0.2), run_time=BEAT)
            self.show("summary_shape", self.shape)
            self.hold_poster()
