"""VectorNorms: The L1, L2, squared L2 and max norms of one vector, worked out, and the unit ball
of each norm.
"""

from __future__ import annotations

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
    GrowArrow,
    Line,
    ReplacementTransform,
    Square,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Vector
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    NORM_COLOURS,
    PAUSE,
    QUICK,
    LessonScene,
    fmt,
    fmt_vector,
    num,
    tex,
    text,
)

L1, L2, SQUARED, MAX = (NORM_COLOURS[k] for k in ("l1", "l2", "squared_l2", "max"))


class VectorNorms(LessonScene):
    """The four norms of one vector, and the unit ball of each."""

    vector = (3.0, -4.0)  # the example's input, stated once
    domain = Domain(vector=Vector(2, -10, 10, nonzero=True))

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
            reach, step, ticks = style.symmetric_extent(self.steps.components, minimum=1.0)
            extent = [-reach, reach, step]
            self.grid = style.plane(extent, extent, width=6.2, height=6.2, ticks=ticks)
            self.grid.to_corner(LEFT + DOWN, buff=MARGIN)
            self.arrow = style.labelled_vector(self.grid, self.steps.components, "v")
            style.drop_ticks_near(self.grid, self.arrow)
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
            sides = (((1, 0), (-1, 0)), ((0, 1), (0, -1)))  # the x axis's two, the y axis's
            for axis, points in zip(zoomed.get_axes(), sides, strict=True):
                labels = []
                for x, y in points:
                    label = tex(num(x or y), size=LABEL_SIZE, color=style.AXIS)
                    offset = (RIGHT if x >= 0 else LEFT) + (UP if y >= 0 else DOWN)
                    labels.append(label.next_to(zoomed.c2p(x, y), offset, buff=BUFF * 0.5))
                zoomed.add(style.number_axis(axis, labels))
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
            room = config.frame_width / 2 - MARGIN - self.table.get_left()[0]
            if squared.width > room:  # long numbers: the caption goes under the formula
                squared.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
            squared.next_to(self.table, DOWN, buff=GAP, aligned_edge=LEFT)
            self.play(FadeIn(squared, shift=UP * 0.2), run_time=BEAT)
            self.show("summary_squared_l2", s.squared_l2)
            self.hold_poster()
