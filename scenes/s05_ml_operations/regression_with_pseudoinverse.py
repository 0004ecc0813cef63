"""RegressionWithPseudoinverse: A line fitted to points in one step: the design matrix X with its
column of ones, and w = X^+ y.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    LaggedStart,
    Line,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_HEIGHT,
    TEXT,
    LessonScene,
    fitted_matrix,
    fmt,
    linear_combination,
    num,
    tex,
)

AXES_WIDTH = 5.8  # the plot, at the left; the formulas take the rest of the width

AXES_HEIGHT = 6.0

MATRIX_SIZE = CAPTION_SIZE  # the entries of X, y, X^+ and w

COLUMN_LEFT = MARGIN - config.frame_width / 2 + AXES_WIDTH + GAP * 1.4

COLUMN_WIDTH = config.frame_width / 2 - MARGIN - COLUMN_LEFT


def x_range_is_wide(values: Mapping[str, Any]) -> bool:
    low, high = (float(v) for v in values["x_range"])
    return high - low >= 1


def axis_range(low: float, high: float) -> list[float]:
    """``[start, stop, step]`` that covers ``low``..``high`` and 0, ends on round ticks."""
    low, high = min(low, 0.0), max(high, 0.0)
    step = style.nice_step(high - low, most=6)
    return [math.floor(low / step - 1e-9) * step, math.ceil(high / step + 1e-9) * step, step]


class RegressionWithPseudoinverse(LessonScene):
    """Points, the design matrix [x | 1], w = X^+ y, and the least-squares line drawn."""

    slope = 0.8  # the line the points are made from...
    intercept = 1.5
    noise = 0.6  # ...with this much noise (a standard deviation)
    count = 6  # points, evenly spaced over x_range
    x_range = (0.0, 5.0)
    seed = 4  # the noise's seed: the same seed, the same points
    domain = Domain(
        slope=Number(-3, 3),
        intercept=Number(-5, 5),
        noise=Number(0, 2),
        count=Number(3, 6, integer=True),
        x_range=Vector(2, -10, 10),
        seed=Number(0, 9999, integer=True),
        rules=(Rule("must run from low to high, at least 1 apart", ("x_range",), x_range_is_wide),),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.show_data()
        self.build_design_matrix()
        self.apply_pseudoinverse()
        self.draw_the_line()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.x, self.y = linalg.noisy_line(
            self.slope, self.intercept, self.noise, int(self.count), int(self.seed), self.x_range
        )
        self.X = linalg.design_matrix(self.x)
        self.X_pinv = linalg.pseudoinverse(self.X)
        self.w = linalg.matmul(self.X_pinv, self.y)
        self.fitted = linalg.matmul(self.X, self.w)  # the line's height at each x
        self.show("x", tuple(float(v) for v in self.x))
        self.show("y", tuple(float(v) for v in self.y))

    # -- layout -------------------------------------------------------------------------

    def build_axes(self) -> None:
        x_span = axis_range(float(self.x.min()), float(self.x.max()))
        ends = linalg.matmul(linalg.design_matrix(x_span[:2]), self.w)  # the line at the ends
        heights = [*self.y, *self.fitted, *ends]
        y_span = axis_range(min(heights), max(heights))
        self.axes = style.axes(x_span, y_span, width=AXES_WIDTH, height=AXES_HEIGHT)
        self.axes.to_edge(LEFT, buff=MARGIN).to_edge(DOWN, buff=MARGIN + 0.2)
        tips = (self.axes.x_axis.tip, self.axes.y_axis.tip, *self.axes.axis_labels)
        style.drop_ticks_near(self.axes, *tips, buff=0.2)  # no number under an arrow tip
        self.line_ends = [self.axes.c2p(x, y) for x, y in zip(x_span[:2], ends, strict=True)]

    def build_column(self) -> None:
        """Every formula, stacked at the right, to appear beat by beat."""
        self.heading = style.title("Least squares with X⁺")
        self.X_matrix = fitted_matrix(self.X, size=MATRIX_SIZE, h_buff=0.8, v_buff=0.5)
        self.X_matrix.get_columns()[0].set_color(INPUT)
        self.X_matrix.get_columns()[1].set_color(HIGHLIGHT)
        y_matrix = fitted_matrix(self.y.reshape(-1, 1), size=MATRIX_SIZE, v_buff=0.5)
        y_matrix.set_color(INPUT_2)
        w_symbol = tex(r"\begin{bmatrix} m \\ b \end{bmatrix}", size=MATRIX_SIZE, color=RESULT)
        self.data_row = VGroup(
            tex("X", size=MATRIX_SIZE),
            self.X_matrix,
            w_symbol,
            tex(r"\approx", size=MATRIX_SIZE),
            y_matrix,
            tex("y", size=MATRIX_SIZE, color=INPUT_2),
        ).arrange(RIGHT, buff=BUFF * 0.6)
        self.data_row[0].next_to(self.X_matrix, UP, buff=BUFF * 0.4)
        self.data_row[-1].next_to(y_matrix, UP, buff=BUFF * 0.4)
        pinv = fitted_matrix(self.X_pinv, size=MATRIX_SIZE, h_buff=0.6, v_buff=0.5, gap=0.3)
        self.pinv_row = VGroup(tex("X^+", "=", size=MATRIX_SIZE), pinv).arrange(RIGHT, buff=BUFF)
        m, b = (num(v, "slope") for v in self.w)
        self.w_row = tex(
            "w",
            "=",
            "X^+",
            "y",
            "=",
            rf"\begin{{bmatrix}} {m} \\ {b} \end{{bmatrix}}",
            size=MATRIX_SIZE,
        )
        self.w_row[0].set_color(RESULT)
        self.w_row[3].set_color(INPUT_2)
        self.w_row[5].set_color(RESULT)
        line = linear_combination([(self.w[0], "x"), (self.w[1], "")], kind="slope")
        self.line_row = tex(r"\hat y", "=", line, size=MATRIX_SIZE + 4, color=RESULT)
        parts = [self.heading, self.data_row, self.pinv_row, self.w_row, self.line_row]
        for part in parts:
            style.fit_width(part, COLUMN_WIDTH)
        room = SAFE_HEIGHT - sum(part.height for part in parts)
        column = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=min(GAP, room / 4))
        column.to_edge(UP, buff=MARGIN)
        column.align_to([COLUMN_LEFT, 0, 0], LEFT)

    # -- beats --------------------------------------------------------------------------

    def show_data(self) -> None:
        n = len(self.x)
        with self.beat(
            f"{n} points, made in code: y = {fmt(self.slope, 'slope')} x + "
            f"{fmt(self.intercept, 'slope')} plus noise of size {fmt(self.noise)} (seed "
            f"{int(self.seed)}). Which line fits them best?"
        ):
            self.build_axes()
            self.build_column()
            self.dots = VGroup(
                *(
                    Dot(self.axes.c2p(x, y), radius=0.08, color=INPUT_2)
                    for x, y in zip(self.x, self.y, strict=True)
                )
            )
            self.play(FadeIn(self.heading), Create(self.axes), run_time=BEAT * 1.5)
            self.play(
                LaggedStart(*(FadeIn(dot, scale=0.5) for dot in self.dots), lag_ratio=0.2),
                run_time=BEAT * 1.5,
            )
            self.wait(PAUSE)

    def build_design_matrix(self) -> None:
        with self.beat(
            "Write the line y = m x + b for every point at once: X w ≈ y. Each row of the "
            "design matrix X holds one point's x and a 1; the column of ones carries the "
            "intercept b."
        ):
            self.play(FadeIn(self.data_row), run_time=BEAT * 1.5)
            ones = style.highlight_box(self.X_matrix.get_columns()[1])
            self.play(Create(ones), run_time=BEAT)
            self.wait(PAUSE * 2)
            self.play(ones.animate.set_stroke(opacity=0), run_time=QUICK)
            self.remove(ones)
            self.show("X", self.X)

    def apply_pseudoinverse(self) -> None:
        m, b = (fmt(v, "slope") for v in self.w)
        with self.beat(
            "X is tall: more points than unknowns, so no w fits every point exactly. Its "
            f"pseudoinverse X⁺ gives the best one in a single step: w = X⁺ y, so m = {m} and "
            f"b = {b}."
        ):
            self.play(FadeIn(self.pinv_row), run_time=BEAT)
            self.play(Write(self.w_row), run_time=BEAT * 1.5)
            self.show("X_pinv", self.X_pinv)
            self.show("w", tuple(float(v) for v in self.w))
            self.wait(PAUSE)

    def draw_the_line(self) -> None:
        with self.beat(
            "Draw the line y = m x + b. The dashed gaps are the residuals; this line makes the "
            "sum of their squares as small as any line can."
        ):
            self.fit_line = Line(*self.line_ends, color=RESULT, stroke_width=5)
            self.residuals = VGroup(
                *(
                    DashedLine(self.axes.c2p(x, y), self.axes.c2p(x, f), color=TEXT, stroke_width=3)
                    for x, y, f in zip(self.x, self.y, self.fitted, strict=True)
                    if abs(y - f) > 1e-9
                )
            )
            self.play(Create(self.fit_line), FadeIn(self.line_row), run_time=BEAT * 1.5)
            self.play(Create(self.residuals), run_time=BEAT)
            self.show("fitted", tuple(float(v) for v in self.fitted))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        m, b = (fmt(v, "slope") for v in self.w)
        with self.beat(
            f"Least squares in one line of algebra: put a column of ones beside x, and "
            f"w = X⁺ y gives the slope {m} and the intercept {b}."
        ):
            box = style.highlight_box(self.w_row, color=RESULT)
            self.play(Create(box), run_time=BEAT)
            self.show("summary_w", tuple(float(v) for v in self.w))
            self.hold_poster()
