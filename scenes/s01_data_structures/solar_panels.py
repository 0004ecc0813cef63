"""SolarPanels: Two panels' total-cost lines; where they cross, found by solving a linear system,
the dearer panel starts to pay off.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s01_data_structures.shared import (
    TwoLineStory,
    crossing_marker,
    legend_row,
    line_through,
    linear_tex,
    plural,
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
    QUICK,
    RESULT,
    fmt,
    fmt_vector,
    num,
    tex,
    text,
)

#: The longest a panel is expected to last, in years: the story's time window.
LIFETIME = 40
#: The soonest break-even the story tells, in years (a month or so): sooner shows as 0 years.
SOONEST = 0.1


def cost_lines(
    upfront: tuple[float, float], yearly: tuple[float, float]
) -> tuple[tuple[tuple[float, ...], float], ...]:
    """Each model's cost c = upfront + yearly t, through (upfront, 0): c - yearly t = upfront."""
    return tuple(
        line_through((1.0, -per_year), (price, 0.0))
        for price, per_year in zip(upfront, yearly, strict=True)
    )


def break_even(inputs: Mapping[str, Any]) -> tuple[float, float]:
    """Where the two cost lines cross, ``(c, t)``, solved by lib."""
    lines = cost_lines(inputs["upfront"], inputs["yearly"])
    cost, years = linalg.solve([c for c, _ in lines], [rhs for _, rhs in lines])
    return float(cost), float(years)


def running_cost(per_year: float, other: float) -> str:
    """What a model costs to run, as the narration says it beside the other model's cost."""
    if fmt(per_year) == "0":
        return "no power to buy at all"
    return ("only " if per_year < other else "") + f"${fmt(per_year)} of power a year"


class SolarPanels(TwoLineStory):
    """Two panels' total cost over the years: where the lines cross, the dearer one pays off."""

    models = ("A", "B")
    upfront = (3000.0, 6000.0)  # dollars to buy and install each model
    yearly = (400.0, 100.0)  # dollars of grid power still bought each year with each model
    domain = Domain(
        upfront=Vector(2, 0, 50000),
        yearly=Vector(2, 0, 5000),
        rules=(
            Rule(
                "must make one model cheaper to buy and the other cheaper to run, so that their "
                "cost lines cross after year 0",
                ("upfront", "yearly"),
                lambda inputs: break_even(inputs)[1] > 0,
            ),
            Rule(
                f"must let the costs break even after {fmt(SOONEST)} to {LIFETIME} years, "
                "within a panel's lifetime",
                ("upfront", "yearly"),
                lambda inputs: SOONEST <= break_even(inputs)[1] <= LIFETIME * (1 + 1e-9),
            ),
        ),
    )
    unknowns = ("c", "t")

    def construct(self) -> None:
        # lib gives each line's right side, then solves the system; the axes reach past the
        # crossing, far enough to show which model stays cheaper after it.
        self.equations = cost_lines(self.upfront, self.yearly)
        self.cost, self.years = self.solve_lines(self.equations)
        self.colours = (INPUT_2, INPUT)
        later = int(np.argmin(self.yearly))
        self.cheaper_later = self.models[later]
        self.cheaper_first = self.models[int(np.argmin(self.upfront))]
        self.t_range = story_range(self.years, room=2.0)
        beyond = self.upfront[later] + self.yearly[later] * self.t_range[1]
        self.c_range = story_range(max(self.cost, beyond, *self.upfront))
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
            f"Two solar panels. {first} costs ${fmt(a)} to install, then {running_cost(ya, yb)}; "
            f"{second} costs ${fmt(b)}, then {running_cost(yb, ya)}."
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
            self.start_column(self.chart)
            self.fit_column(self.rows)
            self.rows.move_to(
                [self.column_left, self.chart.get_top()[1], 0],
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
            equations = self.legend_equations(self.rows, formulas)
            for row, equation in zip(self.rows, equations, strict=True):
                self.play(ReplacementTransform(row[2], equation), run_time=QUICK)
                row.submobjects[2] = equation

    def write_the_system(self) -> None:
        with self.beat(
            "Where the lines cross, both have cost the same after the same time: "
            f"{spoken_equations(self.steps, self.unknowns)}."
        ):
            self.write_system(self.rows, self.colours)

    def solve_the_system(self) -> None:
        unit = "year" if fmt(self.years) == "1" else "years"
        with self.beat(
            f"By substitution: {spoken_substitution(self.steps, self.unknowns)} {unit}; then "
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
            f"One linear system: after {plural(self.years, 'year')} both have cost "
            f"${fmt(self.cost)}, and from then on {self.cheaper_later} costs less."
        ):
            caption = f"{self.cheaper_later} is cheaper after {plural(self.years, 'year')}"
            verdict = VGroup(
                tex(rf"t = {num(self.years)},\quad c = {num(self.cost)}", color=RESULT),
                text(caption, size=LABEL_SIZE, color=RESULT),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            if not self.fit_column(verdict):  # long numbers: the caption takes two lines
                two_lines = caption.replace(" after ", "\nafter ")
                verdict = VGroup(verdict[0], text(two_lines, size=LABEL_SIZE, color=RESULT))
                verdict.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
                self.fit_column(verdict)
            verdict.next_to(self.system, DOWN, buff=GAP * 1.2, aligned_edge=LEFT)
            self.play(ReplacementTransform(self.working, verdict), run_time=BEAT)
            self.show("summary_crossing", (self.years, self.cost))
            self.hold_poster()
