"""SheriffAndRobber: A chase drawn as two distance-time lines; the catch is where they cross, the
solution of a 2x2 linear system.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from scenes.inputs import Domain, Number, Rule
from scenes.s01_data_structures.shared import (
    TwoLineStory,
    crossing_marker,
    legend_row,
    line_through,
    plural,
    recorded_equations,
    spoken_equations,
    spoken_substitution,
    story_chart,
    story_range,
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


#: The latest catch the story tells, in head starts after the robber left: a sheriff at least
#: 5% faster than the robber, whose line visibly leaves the robber's before they cross.
LATEST_CATCH = 20


def chase_lines(
    robber_speed: float, sheriff_speed: float, head_start: float
) -> tuple[tuple[tuple[float, ...], float], ...]:
    """Each rider's line d = speed (t - start), through (start, 0): speed t - d = speed start."""
    return (
        line_through((robber_speed, -1.0), (0.0, 0.0)),
        line_through((sheriff_speed, -1.0), (head_start, 0.0)),
    )


def catch_of(inputs: Mapping[str, Any]) -> tuple[float, float]:
    """Where the lines of the chase cross, ``(t, d)``, solved by lib."""
    lines = chase_lines(inputs["robber_speed"], inputs["sheriff_speed"], inputs["head_start"])
    t, d = linalg.solve([c for c, _ in lines], [rhs for _, rhs in lines])
    return float(t), float(d)


# -- scenes ------------------------------------------------------------------------------


class SheriffAndRobber(TwoLineStory):
    """A chase drawn as two straight lines: the catch solves a system of two linear equations."""

    robber_speed = 2.5  # km per minute
    sheriff_speed = 3.0  # km per minute
    head_start = 5.0  # minutes the robber is gone before the sheriff sets off
    domain = Domain(
        robber_speed=Number(0.1, 10, places=1),
        sheriff_speed=Number(0.1, 10, places=1),
        head_start=Number(0.1, 60, places=1),
        rules=(
            Rule(
                "must make the sheriff faster than the robber, so that he catches him",
                ("robber_speed", "sheriff_speed"),
                lambda inputs: catch_of(inputs)[0] > inputs["head_start"],
            ),
            Rule(
                f"must bring the catch within {LATEST_CATCH} head starts of the robber leaving "
                "(the robber at most 95% as fast as the sheriff)",
                ("robber_speed", "sheriff_speed"),
                lambda inputs: (
                    catch_of(inputs)[0] <= LATEST_CATCH * inputs["head_start"] * (1 + 1e-9)
                ),
            ),
        ),
    )
    unknowns = ("t", "d")

    def construct(self) -> None:
        # lib gives each line's right side, then solves the system; the axes reach past the catch.
        self.equations = chase_lines(self.robber_speed, self.sheriff_speed, self.head_start)
        self.catch = self.solve_lines(self.equations)
        self.t_range = story_range(self.catch[0])
        self.d_range = story_range(self.catch[1])
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
            f"A robber flees town at {robber} km a minute. {plural(self.head_start, 'minute')} "
            f"later the sheriff follows at {sheriff} km a minute. When and where does he catch "
            "him?"
        ):
            self.heading = style.title("The sheriff and the robber")
            self.chart = story_chart(
                self.t_range, self.d_range, r"t\ (\text{min})", r"d\ (\text{km})"
            )
            self.clock = ValueTracker(0)
            self.robber_dot = self.rider_dot(self.robber_speed, 0.0, INPUT_2)
            self.sheriff_dot = self.rider_dot(self.sheriff_speed, self.head_start, INPUT)
            self.start_column(self.chart)
            self.robber_row = legend_row(INPUT_2, "robber", rf"{robber}\ \text{{km/min}}")
            self.sheriff_row = legend_row(INPUT, "sheriff", rf"{sheriff}\ \text{{km/min}}")
            self.late_start = text(f"sets off {wait} min later", size=LABEL_SIZE, color=INPUT)
            legend = VGroup(self.robber_row, self.sheriff_row).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.4
            )
            self.fit_column(legend)
            legend.move_to(
                [self.column_left, self.chart.get_top()[1], 0],
                aligned_edge=LEFT + UP,
            )
            self.equations_in_legend = self.legend_equations(
                (self.robber_row, self.sheriff_row),
                (
                    rf"d = {num(self.robber_speed)}t",
                    rf"d = {num(self.sheriff_speed)}(t - {num(self.head_start)})",
                ),
            )
            self.late_start.next_to(self.sheriff_row[1], DOWN, buff=BUFF, aligned_edge=LEFT)
            if self.late_start.get_right()[0] > self.column_right:
                self.late_start.align_to(self.sheriff_row, LEFT)
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
            equation = self.equations_in_legend[0]
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
            equation = self.equations_in_legend[1]
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
            self.fit_column(self.matrix_form)
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
            f"Run the clock: {plural(t, 'minute')} after the robber left, {fmt(d)} km from town, "
            "the sheriff draws level, exactly where the lines cross."
        ):
            self.play(self.clock.animate.set_value(t), run_time=BEAT * 3)
            self.marker = crossing_marker(self.chart, self.catch, fmt_vector(self.catch))
            self.play(Create(self.marker[:2]), FadeIn(self.marker[2:]), run_time=BEAT)
            self.remove(self.robber_dot, self.sheriff_dot)

    def show_summary(self) -> None:
        t, d = self.catch
        with self.beat(
            f"Two linear equations, one solution: the catch at t = {plural(t, 'minute')}, "
            f"d = {fmt(d)} km, where the lines cross."
        ):
            result = tex(
                rf"t = {num(t)}\ \text{{min}},\quad d = {num(d)}\ \text{{km}}", color=RESULT
            )
            self.fit_column(result)
            result.next_to(self.matrix_form, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.working, result), run_time=BEAT)
            self.show("summary_catch", (t, d))
            self.hold_poster()
