"""MeanSquaredErrorGradient: each point's gradient, averaged into the batch gradient of the MSE."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Indicate,
    Line,
    VGroup,
    Write,
)

from lib import calculus, linalg
from scenes import style
from scenes.inputs import Domain, Number, Vector
from scenes.s09_partial_derivatives.shared import in_column, said
from scenes.style import (
    AXIS,
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
)

# The data: count points on y = 1.5 x + 0.5 over 0..4, with N(0, 0.8^2) noise from lib.
TRUE_SLOPE, TRUE_INTERCEPT, NOISE, SPAN = 1.5, 0.5, 0.8, (0.0, 4.0)
PLOT_WIDTH, PLOT_HEIGHT = 4.6, 5.3
ROOM = 0.12  # the plot's ranges reach this share of their span past the data and the line
CELL_SIZE = LABEL_SIZE + 2
FORMULA_SIZE = LABEL_SIZE + 4
M_COLOUR, B_COLOUR, GAP_COLOUR = INPUT_2, INPUT, style.EIGEN_2


class MeanSquaredErrorGradient(LessonScene):
    """The gradient of C = mean((m x + b - y)^2): one term per point, then their average."""

    count = 5  # points in the data set
    seed = 7  # the data set's random draw
    line = (0.5, 1.0)  # (m, b), where the gradient is taken
    domain = Domain(
        count=Number(3, 6, integer=True),
        seed=Number(0, 999, integer=True),
        line=Vector(2, -3, 3),
    )

    def construct(self) -> None:
        self.xs, self.ys = linalg.noisy_line(  # every number, from lib, up front
            TRUE_SLOPE, TRUE_INTERCEPT, NOISE, self.count, self.seed, SPAN
        )
        m, b = self.line
        self.each = [
            calculus.line_cost_gradient(m, b, [x], [y])
            for x, y in zip(self.xs, self.ys, strict=True)
        ]
        batch = calculus.line_cost_gradient(m, b, self.xs, self.ys)
        self.cost, self.gradient = batch.cost, (batch.dcost_dm, batch.dcost_db)
        self.numeric = tuple(calculus.gradient(self.mse, self.line))
        self.misses = [m * x + b - y for x, y in zip(self.xs, self.ys, strict=True)]
        self.draw_data_and_line()
        self.show_the_misses()
        self.list_the_contributions()
        self.average_them()
        self.check_numerically()
        self.show_summary()

    def mse(self, p: np.ndarray) -> float:
        """C(m, b) = mean((m x + b - y)^2) by lib's mean squared error."""
        return calculus.mse(self.ys, p[0] * np.asarray(self.xs) + p[1])

    def column(self, mobject, above, buff: float = GAP):
        return in_column(mobject, above, self.column_left, buff)

    # -- beats ----------------------------------------------------------------------------

    def draw_data_and_line(self) -> None:
        m, b = self.line
        with self.beat(
            f"{self.count} points scattered about a line (drawn with seed {self.seed}), and a "
            f"candidate line ŷ = m x + b with m = {said(m)}, b = {said(b)}. Its cost is the mean "
            "of the squared misses."
        ):
            self.heading = style.title("The batch gradient of the MSE")
            guesses = [m * x + b for x in self.xs]
            low_x, high_x = style.padded(list(self.xs), ROOM * 3)
            x_range = style.round_range(min(low_x, 0.0), high_x, most=6)
            ys = [*self.ys, *guesses, 0.0]
            y_range = style.round_range(*style.padded(ys, ROOM), most=6)
            self.plot = style.axes(x_range, y_range, width=PLOT_WIDTH, height=PLOT_HEIGHT)
            self.plot.to_corner(LEFT + DOWN, buff=MARGIN)
            p = self.plot.c2p
            self.dots = VGroup(
                *(
                    Dot(p(x, y), radius=0.08, color=HIGHLIGHT)
                    for x, y in zip(self.xs, self.ys, strict=True)
                )
            )
            (x0, x1) = x_range[:2]
            self.fit = style.clipped_to(self.plot, (x0, m * x0 + b), (x1, m * x1 + b),
                                        color=RESULT, stroke_width=5)  # fmt: skip
            self.gaps = VGroup(
                *(
                    DashedLine(p(x, y), p(x, g), color=GAP_COLOUR, stroke_width=3)
                    for x, y, g in zip(self.xs, self.ys, guesses, strict=True)
                )
            )
            style.drop_ticks_near(self.plot, *self.dots, *self.gaps, self.fit)
            self.column_left = self.plot.get_right()[0] + GAP
            self.cost_formula = tex(
                r"C = \frac{1}{n}\sum_i (\hat y_i - y_i)^2 = ",
                num(self.cost),
                size=FORMULA_SIZE,
            )
            self.column(self.cost_formula, self.heading, GAP * 0.8)
            self.play(FadeIn(self.heading), Create(self.plot), run_time=BEAT)
            self.play(FadeIn(self.dots), Create(self.fit), run_time=BEAT)
            self.play(Write(self.cost_formula), run_time=BEAT)
            self.show("data", (tuple(self.xs), tuple(self.ys)))
            self.show("cost", self.cost)
            self.wait(PAUSE)

    def table_row(self, cells: list[str], colours: list[str]) -> list:
        return [tex(c, size=CELL_SIZE, color=k) for c, k in zip(cells, colours, strict=True)]

    def build_table(self) -> None:
        """Header, a row per point, the mean row; in the column under the cost."""
        colours = [style.TEXT, style.TEXT, GAP_COLOUR, M_COLOUR, B_COLOUR]
        header = ["x_i", "y_i", r"\hat y_i - y_i", r"2(\hat y_i - y_i)\,x_i", r"2(\hat y_i - y_i)"]
        cells = self.table_row(header, colours)
        for x, y, miss, term in zip(self.xs, self.ys, self.misses, self.each, strict=True):
            values = [x, y, miss, term.dcost_dm, term.dcost_db]
            cells += self.table_row([fmt(v) for v in values], colours)
        mean = ["", "", r"\text{mean}", fmt(self.gradient[0]), fmt(self.gradient[1])]
        cells += self.table_row(mean, [RESULT] * 5)
        table = VGroup(*cells).arrange_in_grid(
            rows=self.count + 2, cols=5, buff=(GAP * 0.6, BUFF * 0.6), col_alignments="rrrrr"
        )
        self.column(table, self.cost_formula, GAP * 0.7)
        self.rows = [VGroup(*cells[5 * i : 5 * i + 5]) for i in range(self.count + 2)]
        last = self.rows[-2]
        self.mean_line = Line(
            [table.get_left()[0], last.get_bottom()[1] - BUFF * 0.3, 0],
            [table.get_right()[0], last.get_bottom()[1] - BUFF * 0.3, 0],
            color=AXIS, stroke_width=2,
        )  # fmt: skip
        self.table = table

    def show_the_misses(self) -> None:
        with self.beat(
            "Each point has its own miss, ŷ − y, and its own cost (ŷ − y)², whose partials are "
            "2 (ŷ − y) x for m and 2 (ŷ − y) for b: the table's headings."
        ):
            self.build_table()
            self.play(Create(self.gaps), run_time=BEAT)
            self.play(Write(self.rows[0]), run_time=BEAT)
            self.wait(PAUSE)

    def list_the_contributions(self) -> None:
        with self.beat(
            "Point by point, the table lists x, y, the miss and the two partials of that point's "
            "cost: each point pulls the line its own way."
        ):
            for i in range(self.count):
                self.play(
                    FadeIn(self.rows[i + 1]),
                    Indicate(self.dots[i], scale_factor=1.6),
                    run_time=QUICK * 1.4,
                )
            self.show("contributions", tuple((t.dcost_dm, t.dcost_db) for t in self.each))
            self.wait(PAUSE)

    def average_them(self) -> None:
        dm, db = self.gradient
        with self.beat(
            f"Average each column over the {self.count} points: the batch gradient of the mean "
            f"squared error, ∇C = ({said(dm)}, {said(db)}). Every point's pull counts, "
            "one n-th each."
        ):
            self.play(Create(self.mean_line), FadeIn(self.rows[-1]), run_time=BEAT)
            self.batch = tex(
                r"\nabla C = \tfrac{1}{n}\textstyle\sum_i \nabla (\hat y_i - y_i)^2 = ",
                style.fmt_vector(self.gradient),
                size=FORMULA_SIZE,
                color=RESULT,
            )
            self.column(self.batch, self.table, GAP * 0.6)
            self.play(Write(self.batch), run_time=BEAT)
            self.show("gradient", self.gradient)
            self.wait(PAUSE)

    def check_numerically(self) -> None:
        dm, db = self.numeric
        with self.beat(
            f"Check it by finite differences: nudging m and b in C itself gives "
            f"({said(dm)}, {said(db)}), the same gradient."
        ):
            self.check = tex(
                r"\text{finite differences: } \nabla C \approx ",
                style.fmt_vector(self.numeric),
                size=FORMULA_SIZE,
            )
            self.column(self.check, self.batch, GAP * 0.5)
            self.play(FadeIn(self.check), run_time=BEAT)
            self.show("numeric", self.numeric)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "The gradient of the mean squared error is the mean of the points' gradients: "
            "each point's pull, averaged over the batch."
        ):
            box = style.highlight_box(self.batch, color=RESULT)
            self.play(Create(box), Indicate(self.rows[-1], color=RESULT), run_time=BEAT)
            self.hold_poster()
