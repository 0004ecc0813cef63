"""CalculatingLimits: Limits read off one-sided approach tables: a removable hole, sin x / x,
a limit at infinity, and 1/x at 0, where no limit exists.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
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
    Write,
    always_redraw,
    config,
)

from lib import calculus
from lib.calculus import ApproachTable
from lib.errors import LimitDoesNotExist
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s06_limits.shared import (
    GraphScene,
    drop_crowded_ticks,
    round_out,
    spoken_formula,
    wrapped_text,
    written_with,
    y_range_over,
)
from scenes.style import (
    BACKGROUND,
    BEAT,
    BODY_SIZE,
    BUFF,
    ERROR,
    GAP,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    fmt,
    linear_combination,
    num,
    tex,
)

GRAPH_SIZE = (6.2, 6.8, 4.0)  # width, reach and height of each case's graph, under the title
SIDE_COLOURS = {"left": INPUT, "right": INPUT_2}


@dataclass(frozen=True)
class Case:
    """One limit of the lesson: f, the point approached, lib's tables and its verdict."""

    key: str
    f: Callable[[float], float]
    formula: str  # f(x) as TeX
    x0: float  # may be math.inf
    window: tuple[float, float]  # the x values its graph shows
    tables: tuple[ApproachTable, ...]  # from the left, then from the right (one at infinity)
    sides: tuple[float, ...]  # lib's one-sided limits, in the order of the tables
    value: float | None  # lib's limit, or None when lib refuses
    refusal: str  # lib's message when it refuses


def fraction(top: str, bottom: str) -> str:
    return rf"\frac{{{top}}}{{{bottom}}}"


def pole_left_of_zero(values: Mapping[str, Any]) -> bool:
    """(a x + b) / (c x + d) has c != 0 and no pole right of x = 0."""
    _, _, c, d = (float(v) for v in values["at_infinity"])
    return c != 0 and -d / c <= 0


class CalculatingLimits(GraphScene):
    """Four limits, each read off lib's approach tables from the left and from the right."""

    hole_at = 1.0  # a in (x^2 - a^2) / (x - a): undefined at a, approaching 2a
    sine_rate = 1.0  # k in sin(k x) / x, approaching k at 0
    at_infinity = (3, 1, 1, 2)  # (a, b, c, d) of (a x + b) / (c x + d), approaching a / c
    pole = 1.0  # c in c / x, which has no limit at 0
    rows = 3  # approach points on each side: x0 -/+ 0.1, 0.01, ...
    domain = Domain(
        hole_at=Number(-5, 5, places=1),
        sine_rate=Number(-4, 4, nonzero=True),
        at_infinity=Vector(4, -9, 9, integer=True),
        pole=Number(-5, 5, nonzero=True),
        rows=Number(2, 4, integer=True),
        rules=(
            written_with("hole_at", 1),
            written_with("sine_rate", 2),
            written_with("pole", 2),
            Rule(
                "must have c != 0 and its pole -d/c at or left of 0, so the graph from x = 1 "
                "on is unbroken",
                ("at_infinity",),
                pole_left_of_zero,
            ),
        ),
    )

    def construct(self) -> None:
        self.cases = [self.make_case(*spec) for spec in self.case_specs()]  # lib, up front
        self.heading = style.title("Calculating limits")
        self.add(self.heading)
        for case in self.cases:
            self.approach(case)
            self.conclude(case)
        self.show_summary()

    # -- the four cases, from the inputs ------------------------------------------------------

    def case_specs(self) -> list[tuple[Any, ...]]:
        a, k, c = float(self.hole_at), float(self.sine_rate), float(self.pole)
        p, q, r, s = (float(v) for v in self.at_infinity)
        x_minus_a = linear_combination([(1, "x"), (-a, "")])
        sine = r"\sin x" if k == 1 else rf"\sin({linear_combination([(k, 'x')])})"
        return [
            (
                "hole",
                lambda x: (x * x - a * a) / (x - a),
                fraction(linear_combination([(1, "x^2"), (-a * a, "")]), x_minus_a),
                a,
                (a - 3, a + 3),
            ),
            ("sine", lambda x: math.sin(k * x) / x, fraction(sine, "x"), 0.0, (-8.0, 8.0)),
            (
                "infinity",
                lambda x: (p * x + q) / (r * x + s),
                fraction(
                    linear_combination([(p, "x"), (q, "")]), linear_combination([(r, "x"), (s, "")])
                ),
                math.inf,
                (0.0, 20.0),
            ),
            ("pole", lambda x: c / x, fraction(fmt(c, "entry"), "x"), 0.0, (-3.0, 3.0)),
        ]

    def make_case(self, key: str, f, formula: str, x0: float, window) -> Case:
        sides = ("left",) if math.isinf(x0) else ("left", "right")
        tables = tuple(calculus.approach_table(f, x0, side, int(self.rows)) for side in sides)
        try:
            value, refusal = calculus.limit(f, x0), ""
            one_sided = tuple(calculus.limit(f, x0, side) for side in sides)
        except LimitDoesNotExist as error:
            value, refusal, one_sided = None, str(error), ()
        self.show(f"{key}_tables", tables)
        self.show(f"{key}_limit", value)
        self.show(f"{key}_sides", one_sided)
        if refusal:
            self.show(f"{key}_refusal", refusal)
        return Case(key, f, formula, x0, window, tables, one_sided, value, refusal)

    # -- words ---------------------------------------------------------------------------

    def point(self, case: Case) -> str:
        return r"\infty" if math.isinf(case.x0) else num(case.x0)

    def reads(self, table: ApproachTable) -> str:
        return ", ".join(fmt(v, "table") for v in table.values)

    def approach_words(self, case: Case) -> str:
        a = fmt(self.hole_at)
        left, right = case.tables[0], case.tables[-1]
        both = f"From the left f reads {self.reads(left)}; from the right, {self.reads(right)}."
        if case.key == "hole":
            top, bottom = case.formula[len(r"\frac{") : -1].split("}{")
            return (
                f"Take f(x) = ({spoken_formula(top)}) / ({bottom}). At x = {a} it is 0 over 0, "
                f"undefined: the graph has a hole. {both}"
            )
        if case.key == "sine":
            k = fmt(self.sine_rate, "entry")
            return f"sin({'' if k == '1' else k}x) / x is also 0 over 0 at x = 0. {both}"
        if case.key == "infinity":
            xs = ", ".join(fmt(x, "table") for x in left.xs)
            return f"A limit at infinity: as x grows through {xs}, f reads {self.reads(left)}."
        return f"Last, {fmt(self.pole, 'entry')} / x at x = 0. {both}"

    def conclusion_words(self, case: Case) -> str:
        if case.value is None:
            return (
                "The two sides run off without bound, in opposite directions: no number is "
                "approached, and lib refuses. The limit does not exist."
            )
        value = fmt(case.value)
        if case.key == "infinity":
            return f"The values settle on {value}: the limit as x goes to infinity is {value}."
        at = fmt(case.x0)
        said = f"Both one-sided limits are {value}, so the limit at {at} is {value}"
        if case.key == "hole":
            said += f", though f({at}) itself is undefined: the hole is removable"
        return said + "."

    # -- pictures ------------------------------------------------------------------------

    def samples(self, case: Case, window: tuple[float, float]) -> np.ndarray:
        """f over ``window`` (the x range the graph draws it over), away from x0 (and, at a
        pole, its steepest part)."""
        low, high = window
        xs = np.linspace(max(low, 1.0) if math.isinf(case.x0) else low, high, 241)
        away = np.abs(xs - (0.0 if math.isinf(case.x0) else case.x0))
        keep = away > (high - low) / (8 if case.key == "pole" else 200)
        xs = xs[keep]
        return np.array([case.f(float(x)) for x in xs])

    def draw_graph(self, case: Case) -> VGroup:
        self.x_range = round_out(*case.window, most=6)
        ys = self.samples(case, self.x_range[:2])
        self.y_range = y_range_over(min(0.0, float(ys.min())), max(0.0, float(ys.max())))
        self.axes = self.fitted_axes(*GRAPH_SIZE)
        self.axes.next_to(self.heading, DOWN, buff=GAP * 0.6).to_edge(LEFT, buff=MARGIN)
        drop_crowded_ticks(self.axes)
        start = max(self.x_range[0], 1.0) if math.isinf(case.x0) else self.x_range[0]
        step = (self.x_range[1] - start) / 400
        if case.key == "pole":  # the two branches, each up to the edge of the axes
            cut = abs(float(self.pole)) / min(abs(self.y_range[0]), abs(self.y_range[1]))
            pieces = [(start, -cut), (cut, self.x_range[1])]
        else:
            pieces = [(start, self.x_range[1])]
        self.curve = VGroup(
            *(
                self.axes.plot(
                    case.f,
                    x_range=(lo, hi, step),
                    discontinuities=[case.x0] if math.isfinite(case.x0) else None,
                    dt=step / 2,
                    color=TEXT,
                    stroke_width=4,
                )
                for lo, hi in pieces
            )
        )
        extras = VGroup()
        if case.value is not None and math.isfinite(case.x0):  # the hole, at the limit
            extras.add(
                Circle(radius=0.09, color=RESULT, stroke_width=4)
                .set_fill(BACKGROUND, 1)
                .move_to(self.axes.c2p(case.x0, case.value))
            )
        elif case.value is not None:  # the horizontal asymptote
            y = self.axes.c2p(0, case.value)[1]
            extras.add(
                DashedLine(
                    [self.axes.c2p(start, 0)[0], y, 0],
                    [self.axes.c2p(self.x_range[1], 0)[0], y, 0],
                    color=RESULT,
                )
            )
        self.show(f"{case.key}_graph", (self.x_range, self.y_range))
        return VGroup(self.axes, self.curve, extras)

    def side_dot(self, case: Case, tracker: ValueTracker, colour: str) -> Mobject:
        """A dot on the curve at the tracker's x, hidden while it is off the axes."""

        def draw() -> Mobject:
            x = tracker.get_value()
            y = case.f(x)
            (y_lo, y_hi), dot = self.y_range[:2], Dot(radius=0.08, color=colour)
            shown = math.isfinite(y) and y_lo <= y <= y_hi
            return dot.move_to(self.axes.c2p(x, y if shown else y_lo)).set_opacity(float(shown))

        return always_redraw(draw)

    def approach_grid(self, case: Case) -> VGroup:
        """x over f(x), the left side's points far to near, x0, the right side's near to far."""
        size = BODY_SIZE
        if case.value is None:
            verdict = tex("?", size=size, color=ERROR)
        else:
            verdict = tex(rf"\to {num(case.value)}", size=size, color=RESULT)
        middle = VGroup(tex(self.point(case), size=size), verdict)  # laid out with the verdict
        columns = [VGroup(tex("x", size=size, color=MUTED), tex("f(x)", size=size, color=MUTED))]
        for table in case.tables:
            pairs = list(zip(table.xs, table.values, strict=True))
            colour = SIDE_COLOURS[table.side] if math.isfinite(case.x0) else INPUT
            cells = [
                VGroup(tex(num(x, "table"), size=size), tex(num(v, "table"), size=size))
                for x, v in pairs
            ]
            for cell in cells:
                cell.set_color(colour)
            if table.side == "right" and math.isfinite(case.x0):
                cells.reverse()
            columns += [*cells, middle] if table is case.tables[0] else cells
        grid = VGroup(*(cell for column in columns for cell in column))
        grid.arrange_in_grid(
            rows=2, cols=len(columns), buff=(GAP * 0.7, GAP * 0.8), flow_order="dr"
        )
        rule = Line(grid.get_left(), grid.get_right(), color=MUTED, stroke_width=2)
        block = VGroup(grid, rule.move_to(grid))
        block.columns, natural = columns, block.width
        style.fit_width(block, style.SAFE_WIDTH)
        block.to_edge(DOWN, buff=MARGIN + BUFF)
        question = tex("?", size=size * block.width / natural).move_to(verdict)
        middle.remove(verdict)
        block.verdict, block.question = verdict, middle.add(question)[1]
        return block

    def one_sided_line(self, case: Case, side: str, value: float) -> Mobject:
        sign = "^-" if side == "left" else "^+"
        line = tex(rf"\lim_{{x \to {self.point(case)}{sign}}} f(x) = {num(value)}")
        return line.set_color(SIDE_COLOURS[side])

    def column_lines(self, case: Case) -> list[Mobject]:
        """The column's verdict: each one-sided limit and the limit, or lib's refusal."""
        if case.value is None:
            said = f"{LimitDoesNotExist.__name__}: {case.refusal}"
            return [wrapped_text(said, self.column_width(), color=ERROR)]
        lines = [
            self.one_sided_line(case, table.side, value)
            for table, value in zip(case.tables, case.sides, strict=True)
            if math.isfinite(case.x0)
        ]
        value = tex(rf"\lim_{{x \to {self.point(case)}}} f(x) = {num(case.value)}", color=RESULT)
        return [*lines, value]

    # -- beats ---------------------------------------------------------------------------

    def approach(self, case: Case) -> None:
        with self.beat(self.approach_words(case)):
            graph = self.draw_graph(case)
            self.column_left = self.axes.get_right()[0] + GAP
            definition = self.fit_column(lambda: tex("f(x)", "=", case.formula))
            definition[0].set_color(INPUT)
            definition.next_to(self.heading, DOWN, buff=GAP).set_x(
                self.column_left + definition.width / 2
            )
            grid = self.approach_grid(case)
            self.clear_screen(self.heading)
            self.play(Create(graph[:2]), FadeIn(definition), run_time=BEAT)
            self.play(FadeIn(graph[2]), FadeIn(grid.columns[0]), FadeIn(grid[1]), run_time=QUICK)
            self.dots = [self.walk_side(case, table, grid) for table in case.tables]
            middle = grid.columns[len(case.tables[0].xs) + 1]
            self.play(FadeIn(middle), run_time=QUICK)
            self.definition, self.grid = definition, grid

    def walk_side(self, case: Case, table: ApproachTable, grid: VGroup) -> Mobject:
        """A dot slides along the curve toward x0, a column appearing at each point."""
        colour = SIDE_COLOURS[table.side] if math.isfinite(case.x0) else INPUT
        x_lo, x_hi = self.x_range[:2]
        far = x_lo if table.side == "left" and math.isfinite(case.x0) else x_hi
        if math.isinf(case.x0):
            far = max(x_lo, 1.0)
        tracker = ValueTracker(far)
        dot = self.side_dot(case, tracker, colour)
        self.play(FadeIn(dot), run_time=QUICK)
        for k, x in enumerate(table.xs):
            if table.side == "left" or math.isinf(case.x0):
                column = grid.columns[1 + k]
            else:
                column = grid.columns[len(grid.columns) - 1 - k]
            self.play(
                tracker.animate.set_value(min(max(x, x_lo), x_hi)),
                FadeIn(column, shift=UP * 0.15),
                run_time=QUICK if k else BEAT,
            )
        return dot

    def conclude(self, case: Case) -> None:
        with self.beat(self.conclusion_words(case)):
            lines = self.column_lines(case)
            block = VGroup(*lines).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)
            block.next_to(self.definition, DOWN, buff=GAP, aligned_edge=LEFT)
            style.fit_width(block, self.column_width())
            unknown, verdict = self.grid.question, self.grid.verdict
            self.play(
                *(FadeOut(dot) for dot in self.dots),
                ReplacementTransform(unknown, verdict),
                run_time=QUICK,
            )
            self.play(*(Write(line) for line in lines), run_time=BEAT * 1.5)
            self.show(f"{case.key}_verdict", verdict.get_tex_string())
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "A limit is the value f approaches, not its value at the point. It exists when the "
            "approaches from the left and from the right settle on the same number."
        ):
            self.clear_screen(self.heading)
            rows = []
            for case in self.cases:
                limit = rf"\lim_{{x \to {self.point(case)}}} {case.formula}"
                if case.value is None:
                    row = VGroup(tex(limit), style.text("does not exist", color=ERROR))
                    row.arrange(RIGHT, buff=BUFF)
                else:
                    row = tex(limit, "=", num(case.value))
                    row[-1].set_color(RESULT)
                rows.append(row)
            rule = style.text(
                "exists when left and right settle on one number", size=LABEL_SIZE, color=MUTED
            )
            summary = style.panel("Limits", *rows, rule)
            style.fit_width(summary, style.SAFE_WIDTH)
            summary.next_to(self.heading, DOWN, buff=GAP * 0.6)
            if summary.get_bottom()[1] < -config.frame_height / 2 + MARGIN:
                summary.scale_to_fit_height(self.heading.get_bottom()[1] + 3.3)
            self.play(FadeIn(summary), run_time=BEAT)
            self.show("summary", tuple(case.value for case in self.cases))
            self.hold_poster()
