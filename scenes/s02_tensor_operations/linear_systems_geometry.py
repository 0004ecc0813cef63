"""LinearSystemsGeometry: Two equations are two lines: they cross once (one solution), never
(parallel, none) or everywhere (same line, infinitely many).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from manim import (
    DOWN,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Line,
    VGroup,
    Write,
)

from lib import linalg
from scenes import inputs, style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s02_tensor_operations.shared import (
    EQUATION_COLOURS,
    UNKNOWNS,
    crossing_window,
    equation_tex,
    line_ends,
    place_near,
    plane_of_unknowns,
    rows_of,
    shows_exactly,
    spoken,
    system_tex,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    fmt_vector,
    tex,
    text,
)

# =========================================================================================
# LinearSystemsGeometry
# =========================================================================================

#: What the viewer reads for each kind of system lib.classify_system tells apart.
KIND_HEADINGS = {"one": "one solution", "none": "no solution", "infinite": "infinitely many"}

KIND_COLOURS = {"one": RESULT, "none": style.ERROR, "infinite": HIGHLIGHT}


def is_a_line(row: Sequence[float]) -> bool:
    """Whether ``a x + b y = c`` (``row`` = a, b, c) is a line: a and b not both 0."""
    return linalg.l2_norm(row[:2]) > 0


def multiple(row: Sequence[float], times: float) -> tuple[float, ...]:
    """``row`` times ``times``, entry by entry, from lib."""
    return tuple(float(v) for v in linalg.scale(row, times))


def system(first: Sequence[float], second: Sequence[float]) -> tuple[tuple, tuple]:
    """The system of the equations ``first`` and ``second`` (each a, b, c) as (A, b)."""
    return (tuple(first[:2]), tuple(second[:2])), (first[2], second[2])


def parallel_system(values: Mapping[str, Any]) -> tuple[tuple, tuple]:
    """The line ``parallel`` and the line whose left side is ``parallel_times`` times its own,
    with right-hand side ``parallel_rhs``."""
    line = values["parallel"]
    second = (*multiple(line[:2], values["parallel_times"]), float(values["parallel_rhs"]))
    return system(line, second)


class LinearSystemsGeometry(LessonScene):
    """Two equations are two lines: they cross once, never (parallel), or everywhere (same line)."""

    crossing = ((2.0, -1.0, 1.0), (1.0, 1.0, 5.0))  # a, b, c of a x + b y = c, one row a line
    parallel = (1.0, 1.0, 2.0)  # a line a x + b y = c; the second line of its panel is
    parallel_times = 2.0  # its left side times this
    parallel_rhs = 8.0  # = this, any number but parallel_times times c: never meeting it
    same_line = (1.0, 2.0, 4.0)  # a line; the second equation is this one
    same_line_times = 2.0  # times this: the same line written twice
    names = ("x", "y")
    domain = Domain(
        crossing=inputs.Matrix(2, 3, -9.99, 9.99),
        parallel=Vector(3, -9.99, 9.99),
        parallel_times=Number(-9, 9, integer=True, nonzero=True),
        parallel_rhs=Number(-99.99, 99.99),
        same_line=Vector(3, -9.99, 9.99),
        same_line_times=Number(-9, 9, integer=True, nonzero=True),
        names=UNKNOWNS,
        rules=(
            Rule(
                "must each be a line: a and b of a x + b y = c not both 0",
                ("crossing", "parallel", "same_line"),
                lambda v: all(
                    is_a_line(row) for row in (*v["crossing"], v["parallel"], v["same_line"])
                ),
            ),
            Rule(
                "must be two lines that cross: exactly one solution",
                ("crossing",),
                lambda v: linalg.classify_system(*system(*v["crossing"])) == "one",
            ),
            Rule(
                "must not make the same line twice: parallel_rhs is parallel_times times "
                "the c of parallel",
                ("parallel", "parallel_times", "parallel_rhs"),
                lambda v: linalg.classify_system(*parallel_system(v)) == "none",
            ),
        ),
    )

    def construct(self) -> None:
        self.systems = [  # each from lib, with the kind lib finds for it
            system(*self.crossing),
            parallel_system(self.domain.values_of(self)),
            system(self.same_line, multiple(self.same_line, self.same_line_times)),
        ]
        self.kinds = [linalg.classify_system(A, b) for A, b in self.systems]
        self.solutions = [
            linalg.solve(A, b) if kind == "one" else None
            for (A, b), kind in zip(self.systems, self.kinds, strict=True)
        ]
        self.introduce_lines()
        for index in range(len(self.systems)):
            self.classify(index)
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def window(self, index: int) -> tuple[float, float, float]:
        """A square window about the origin that holds the panel's lines with room.

        It reaches well past the crossing, or past the point of each line nearest the origin,
        so that every line runs across it.
        """
        A, b = self.systems[index]
        if self.kinds[index] == "one":
            return crossing_window(self.solutions[index])
        feet = [1.3 * abs(c) / linalg.l2_norm(row) for row, c in zip(A, b, strict=True)]
        reach, step, _ = style.symmetric_extent(feet, minimum=0.5)
        return (-reach, reach, step)

    def build_panels(self) -> None:
        self.panels = VGroup()
        self.windows = [self.window(index) for index in range(len(self.systems))]
        for (A, b), extent in zip(self.systems, self.windows, strict=True):
            grid = plane_of_unknowns(extent, 3.5, self.names)
            equations = system_tex(A, b, self.names, size=CAPTION_SIZE)
            equations.arrange(DOWN, buff=BUFF * 0.8)
            heading = text("one solution", size=CAPTION_SIZE)  # a placeholder for the height
            panel = VGroup(heading, grid, equations).arrange(DOWN, buff=GAP * 0.5)
            self.panels.add(panel)
        self.panels.arrange(RIGHT, buff=GAP * 1.2)
        style.fit_width(self.panels, style.SAFE_WIDTH)
        self.panels.next_to(self.heading, DOWN, buff=GAP * 0.6)
        self.lines = [self.panel_lines(index) for index in range(len(self.systems))]
        for panel, lines in zip(self.panels, self.lines, strict=True):
            style.clear_tick_numbers(panel[1], *lines)

    def panel_lines(self, index: int) -> list[Line]:
        """The panel's equations as lines across its window; the second dashed when it is
        the first line again."""
        (A, b), kind, extent = self.systems[index], self.kinds[index], self.windows[index]
        grid = self.panels[index][1]
        lines = []
        for k, (row, rhs) in enumerate(zip(A, b, strict=True)):
            ends = line_ends(grid, row, rhs, extent, extent)
            if not ends:
                lines.append(None)
            elif k == 1 and kind == "infinite":
                lines.append(
                    DashedLine(*ends, color=EQUATION_COLOURS[k], stroke_width=5, dash_length=0.18)
                )
            else:
                lines.append(
                    Line(*ends, color=EQUATION_COLOURS[k], stroke_width=7 if k == 0 else 5)
                )
        return lines

    # -- beats --------------------------------------------------------------------------

    def introduce_lines(self) -> None:
        with self.beat(
            f"Each equation in two unknowns is a line: the points ({self.names[0]}, "
            f"{self.names[1]}) that make it true. A solution of the system is a point on both "
            "lines. How many can there be?"
        ):
            self.heading = style.title("How many solutions?")
            self.build_panels()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(*(Create(panel[1]) for panel in self.panels), run_time=BEAT)
            self.wait(QUICK)

    def classify(self, index: int) -> None:
        (A, b), kind = self.systems[index], self.kinds[index]
        heading, grid, equations = self.panels[index]
        first, second = (
            spoken([equation_tex(r, c, self.names)]) for r, c in zip(A, b, strict=True)
        )
        if kind == "one":
            point = self.solutions[index]
            where = f"({fmt(point[0], 'entry')}, {fmt(point[1], 'entry')})"
            if not all(shows_exactly(v) for v in point):
                where = "near " + where
            narration = (
                f"{first} and {second} are lines with different directions: they cross at "
                f"exactly one point, {where}. One solution."
            )
        elif kind == "none":
            times = fmt(self.parallel_times, "count")
            narration = (
                f"{first} and {second} are parallel: the left side of the second is {times} "
                f"times the first's, but its right side is not {times} times "
                f"{fmt(b[0], 'entry')}. The same direction, never meeting: no point lies on "
                "both, so there is no solution."
            )
        else:
            narration = (
                f"{first} and {second} are the same line written twice: the second is the "
                f"first times {fmt(self.same_line_times, 'count')}, so every point on it "
                "satisfies both. Infinitely many solutions."
            )
        with self.beat(narration):
            lines = VGroup()
            for k, drawn in enumerate(self.lines[index]):
                if drawn is None:
                    continue
                lines.add(drawn)
                self.play(Write(equations[k]), Create(drawn), run_time=BEAT)
            verdict = text(
                KIND_HEADINGS[kind], size=CAPTION_SIZE, color=KIND_COLOURS[kind], weight="BOLD"
            )
            verdict.move_to(heading)
            extras = []
            if kind == "one":
                point = self.solutions[index]
                dot = Dot(grid.c2p(*point), radius=0.1, color=RESULT)
                label = tex(fmt_vector(point, "entry"), size=CAPTION_SIZE, color=RESULT)
                clear = place_near(
                    label,
                    dot.get_center(),
                    [*lines, grid.x_axis, grid.y_axis, grid.axis_labels, dot],
                    within=VGroup(grid.x_axis, grid.y_axis),
                )
                if not clear:  # no room beside the point: the point goes under the equations
                    label.next_to(equations, DOWN, buff=BUFF * 0.8)
                extras = [FadeIn(dot, scale=1.6), FadeIn(label)]
                self.show(f"solution_{index}", tuple(float(v) for v in point))
            self.play(FadeIn(verdict, shift=DOWN * 0.15), *extras, run_time=BEAT)
            self.show(f"system_{index}", (rows_of(A), tuple(float(c) for c in b)))
            self.show(f"kind_{index}", kind)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Two lines in a plane cross once, never, or everywhere, so a system of linear "
            "equations has one solution, none, or infinitely many: never exactly two."
        ):
            moral = text(
                "one, none or infinitely many: never exactly two",
                size=BODY_SIZE - 4,
                color=style.TEXT,
            )
            style.fit_width(moral, style.SAFE_WIDTH)
            moral.to_edge(DOWN, buff=MARGIN + 0.05)
            self.play(FadeIn(moral, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
