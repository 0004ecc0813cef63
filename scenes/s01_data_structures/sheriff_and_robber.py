"""SheriffAndRobber: A chase drawn as two distance-time lines; the catch is where they cross, the
solution of a 2x2 linear system.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    MathTex,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    always_redraw,
)

from lib import linalg
from scenes import style
from scenes.s01_data_structures.shared import (
    TwoLineStory,
    crossing_marker,
    formula_column_left,
    legend_row,
    line_through,
    recorded_equations,
    spoken_equations,
    spoken_substitution,
    story_chart,
    story_ray,
)
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    RESULT,
    fmt,
    fmt_vector,
    num,
    tex,
    text,
)


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


# -- scenes ------------------------------------------------------------------------------


class SheriffAndRobber(TwoLineStory):
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
            line_through((self.robber_speed, -1.0), (0.0, 0.0)),
            line_through((self.sheriff_speed, -1.0), (self.head_start, 0.0)),
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
            self.chart = story_chart(
                self.t_range, self.d_range, r"t\ (\text{min})", r"d\ (\text{km})"
            )
            self.clock = ValueTracker(0)
            self.robber_dot = self.rider_dot(self.robber_speed, 0.0, INPUT_2)
            self.sheriff_dot = self.rider_dot(self.sheriff_speed, self.head_start, INPUT)
            self.robber_row = legend_row(INPUT_2, "robber", rf"{robber}\ \text{{km/min}}")
            self.sheriff_row = legend_row(INPUT, "sheriff", rf"{sheriff}\ \text{{km/min}}")
            self.late_start = text(f"sets off {wait} min later", size=LABEL_SIZE, color=INPUT)
            legend = VGroup(self.robber_row, self.sheriff_row).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.4
            )
            legend.move_to(
                [formula_column_left(self.chart), self.chart.get_top()[1], 0],
                aligned_edge=LEFT + UP,
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
            self.robber_line = story_ray(self.chart, (0.0, 0.0), self.robber_speed, INPUT_2)
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
            self.sheriff_line = story_ray(
                self.chart, (self.head_start, 0.0), self.sheriff_speed, INPUT
            )
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
            f"equations in two unknowns, {spoken_equations(self.steps, self.unknowns)}."
        ):
            self.write_system(self.sheriff_row, (INPUT_2, INPUT))

    def write_the_matrix_form(self) -> None:
        equations = recorded_equations(self.steps)
        with self.beat(
            "Linear algebra writes the system as one matrix times the vector of unknowns, "
            "A x = b, and solves for x."
        ):
            self.matrix_form = _matrix_form(equations, self.unknowns)
            self.matrix_form.next_to(self.system, DOWN, buff=GAP, aligned_edge=LEFT)
            self.play(FadeIn(self.matrix_form, shift=DOWN * 0.2), run_time=BEAT)

    def solve_the_system(self) -> None:
        with self.beat(
            f"By substitution: {spoken_substitution(self.steps, self.unknowns)}; then "
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
            self.marker = crossing_marker(self.chart, self.catch, fmt_vector(self.catch))
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
