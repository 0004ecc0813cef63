"""MethodOfExhaustion: Regular polygons inscribed in a circle, with more and more sides, fill it;
their areas approach the circle's, pi r^2.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Polygon,
    RegularPolygon,
    ReplacementTransform,
    VGroup,
    Write,
    config,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s06_limits.shared import (
    GraphScene,
    about,
    equals,
    table_layouts,
    written_with,
)
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    fmt,
    num,
    tex,
)

DISC_RADIUS = 2.9  # the circle on screen, whatever its radius in the lesson


def more_sides_each_time(values: Mapping[str, Any]) -> bool:
    return all(a < b for a, b in itertools.pairwise(values["sides"]))


class MethodOfExhaustion(GraphScene):
    """Inscribed polygons with more and more sides; their areas approach the circle's."""

    radius = 1.0  # the circle's radius r
    sides = (3, 4, 6, 8, 12, 24, 96)  # the polygons' numbers of sides, in the order drawn
    domain = Domain(
        radius=Number(0.25, 5),
        sides=Vector((3, 8), 3, 1000, integer=True),
        rules=(
            written_with("radius", 2),
            Rule("must grow from each polygon to the next", ("sides",), more_sides_each_time),
        ),
    )

    def construct(self) -> None:
        r = float(self.radius)
        self.counts = [int(n) for n in self.sides]
        self.areas = [calculus.inscribed_polygon_area(n, r) for n in self.counts]  # from lib
        self.circle_area = calculus.definite_integral(  # the disc: 2 sqrt(r^2 - x^2) high at x
            lambda x: 2 * math.sqrt(max(r * r - x * x, 0.0)), -r, r
        )
        self.gaps = [self.circle_area - area for area in self.areas]
        self.introduce_circle()
        self.first_polygon()
        self.add_sides()
        self.reach_the_circle()
        self.show_summary()

    # -- pieces --------------------------------------------------------------------------

    def polygon(self, n: int) -> RegularPolygon:
        shape = RegularPolygon(n, radius=DISC_RADIUS, start_angle=PI / 2)
        shape.set_stroke(INPUT_2, width=4 if n < 60 else 3).set_fill(INPUT_2, opacity=0.3)
        return shape.shift(self.centre)  # drawn about the origin, as the circle is

    def table_headers(self) -> tuple:
        return (
            tex("n", color=INPUT_2),
            tex("A_n", color=INPUT_2),
            tex(r"\pi r^2 - A_n", color=HIGHLIGHT),
        )

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (str(n), num(area, "table"), num(gap, "table"))
            for n, area, gap in zip(self.counts, self.areas, self.gaps, strict=True)
        ]

    def area_formula(self, n: int, area: float) -> str:
        r = num(float(self.radius))
        return (
            rf"A_{{{n}}} = \frac{{{n}}}{{2}}\, {r}^2 \sin\frac{{2\pi}}{{{n}}} "
            rf"{equals((area, 'table'))} {num(area, 'table')}"
        )

    # -- beats ---------------------------------------------------------------------------

    def introduce_circle(self) -> None:
        r = fmt(self.radius)
        with self.beat(
            f"A circle of radius {r}. How much area does it hold? Archimedes filled it with "
            "polygons whose areas he could work out, and let the number of sides grow."
        ):
            self.heading = style.title("The method of exhaustion")
            self.centre = np.array(
                [
                    -config.frame_width / 2 + MARGIN + DISC_RADIUS + BUFF,
                    self.heading.get_bottom()[1] - GAP * 0.6 - DISC_RADIUS,
                    0.0,
                ]
            )
            self.circle = Circle(radius=DISC_RADIUS, color=INPUT, stroke_width=5).move_to(
                self.centre
            )
            centre_dot = Dot(self.centre, radius=0.05, color=MUTED)
            spoke = Line(self.centre, self.circle.point_at_angle(-PI / 6), color=INPUT)
            self.radius_label = tex(f"r = {num(float(self.radius))}", size=LABEL_SIZE, color=INPUT)
            self.radius_label.next_to(spoke.get_center(), UP + RIGHT * 0.2, buff=BUFF * 0.5)
            self.column_left = self.circle.get_right()[0] + GAP * 1.4
            self.play(FadeIn(self.heading), Create(self.circle), run_time=BEAT)
            self.play(FadeIn(centre_dot), Create(spoke), FadeIn(self.radius_label), run_time=QUICK)
            self.spoke, self.centre_dot = spoke, centre_dot
            self.wait(PAUSE)

    def first_polygon(self) -> None:
        n, area = self.counts[0], self.areas[0]
        with self.beat(
            f"Inscribe a regular polygon with {n} sides. It is {n} equal triangles meeting at "
            f"the centre, each of area one half r squared sine of 2 pi over {n}. Together: "
            f"{about(area, 'table')}."
        ):
            self.shape = self.polygon(n)
            corners = self.shape.get_vertices()
            triangles = VGroup(
                *(
                    Polygon(self.centre, a, b, stroke_color=INPUT_2, stroke_width=2)
                    for a, b in zip(corners, [*corners[1:], corners[0]], strict=True)
                )
            )
            triangles[0].set_fill(HIGHLIGHT, opacity=0.5)
            self.formula = self.fit_column(lambda: tex(self.area_formula(n, area)))
            self.formula.next_to(self.heading, DOWN, buff=GAP).set_x(
                self.column_left + self.formula.width / 2
            )
            self.play(
                Create(self.shape), FadeOut(VGroup(self.spoke, self.radius_label)), run_time=BEAT
            )
            self.play(Create(triangles), run_time=BEAT)
            self.play(Write(self.formula), run_time=BEAT * 1.5)
            self.show("first_area", area)
            self.triangles = triangles
            self.wait(PAUSE)

    def add_sides(self) -> None:
        listed = ", ".join(str(n) for n in self.counts[1:])
        with self.beat(
            f"Now more sides: {listed}. Each polygon hugs the circle more closely, and the gap "
            f"between its area and the circle's shrinks: from {about(self.gaps[0], 'table')} "
            f"to {about(self.gaps[-1], 'table')}."
        ):
            self.table_block, self.statement = self.stack_in_column(
                self.formula, table_layouts(self.table_headers, self.rows()), [self.limit_tex]
            )
            self.play(
                FadeOut(self.triangles),
                *(FadeIn(h) for h in self.table_block.headers),
                run_time=QUICK,
            )
            self.ghosts = VGroup()
            self.play(FadeIn(self.table_block.value_rows[0]), run_time=QUICK)
            for n, row in zip(self.counts[1:], self.table_block.value_rows[1:], strict=True):
                shape = self.polygon(n)
                ghost = self.shape.copy().set_fill(opacity=0).set_stroke(MUTED, width=2)
                self.ghosts.add(ghost.set_z_index(1))
                self.add(ghost)
                self.play(ReplacementTransform(self.shape, shape), run_time=QUICK * 1.6)
                self.play(FadeIn(row, shift=LEFT * 0.2), run_time=QUICK)
                self.shape = shape
            self.show("sides", tuple(self.counts))
            self.show("areas", tuple(self.areas))
            self.show("gaps", tuple(self.gaps))
            self.wait(QUICK)

    def limit_tex(self) -> VGroup:
        area = num(self.circle_area, "table")
        line = tex(
            r"\lim_{n \to \infty} A_n", "=", r"\pi r^2", equals((self.circle_area, "table")), area
        )
        line[-1].set_color(RESULT)
        line[2].set_color(INPUT)
        return VGroup(line)

    def reach_the_circle(self) -> None:
        with self.beat(
            "In the limit, as n grows without bound, the polygons exhaust the circle: their "
            f"areas approach pi r squared, {about(self.circle_area, 'table')}."
        ):
            box = style.highlight_box(self.statement)
            self.play(Write(self.statement), run_time=BEAT * 1.5)
            self.play(self.circle.animate.set_stroke(RESULT, width=6), Create(box), run_time=BEAT)
            self.show("circle_area", self.circle_area)
            self.wait(PAUSE)
            self.play(FadeOut(box), run_time=QUICK)

    def show_summary(self) -> None:
        with self.beat(
            "Each polygon falls short of the circle, but the shortfall can be made as small as "
            "we like: the circle's area is the limit of the polygons' areas."
        ):
            caption = style.text(
                f"n = {self.counts[-1]}: short by {fmt(self.gaps[-1], 'table')}",
                size=LABEL_SIZE,
                color=INPUT_2,
            )
            caption.next_to(self.circle, DOWN, buff=BUFF * 0.6)
            if caption.get_bottom()[1] < -config.frame_height / 2 + MARGIN:
                caption.next_to(self.circle, RIGHT, buff=BUFF, aligned_edge=DOWN)
            self.play(FadeIn(caption), run_time=BEAT)
            self.hold_poster()
