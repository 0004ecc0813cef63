"""SolarPanels: Two panels' total-cost lines; where they cross, found by solving a linear system,
the dearer panel starts to pay off.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    VGroup,
)

from scenes import style
from scenes.s01_data_structures.shared import (
    TwoLineStory,
    crossing_marker,
    formula_column_left,
    legend_row,
    line_through,
    linear_tex,
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
    QUICK,
    RESULT,
    fmt,
    fmt_vector,
    num,
    tex,
    text,
)


class SolarPanels(TwoLineStory):
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
            line_through((1.0, -per_year), (price, 0.0))
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
            self.chart = story_chart(
                self.t_range, self.c_range, r"t\ (\text{years})", r"c\ (\$)", width=5.4
            )
            self.rows = VGroup(
                *(
                    legend_row(
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
                [formula_column_left(self.chart), self.chart.get_top()[1], 0],
                aligned_edge=LEFT + UP,
            )
            self.play(FadeIn(self.heading), Create(self.chart), run_time=BEAT)
            for row in self.rows:
                self.play(FadeIn(row, shift=RIGHT * 0.2), run_time=BEAT)

    def draw_cost_lines(self) -> None:
        formulas = [
            f"c = {linear_tex((price, per_year), ('', 't'))}"
            for price, per_year in zip(self.upfront, self.yearly, strict=True)
        ]
        with self.beat(
            f"After t years each total cost is a straight line: {formulas[0]} and "
            f"{formulas[1]}. {self.cheaper_first} starts lower, {self.cheaper_later} climbs "
            "more slowly."
        ):
            self.lines = VGroup(
                *(
                    story_ray(self.chart, (0.0, price), per_year, colour)
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
            f"{spoken_equations(self.steps, self.unknowns)}."
        ):
            self.write_system(self.rows, self.colours)

    def solve_the_system(self) -> None:
        with self.beat(
            f"By substitution: {spoken_substitution(self.steps, self.unknowns)} years; then "
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
            self.marker = crossing_marker(self.chart, point, fmt_vector(point))
            later = self.lines[self.models.index(self.cheaper_later)]
            beyond = story_ray(
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
