"""SinglePointRegression: one point, one line, the cost (y_hat - y)^2 and its two partials."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Indicate,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    there_and_back,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s09_partial_derivatives.shared import in_column, said
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MARGIN,
    PAUSE,
    RESULT,
    LessonScene,
    num,
    tex,
)

PLOT_WIDTH, PLOT_HEIGHT = 5.2, 5.3
ROOM = 1.2  # the axes reach this far past the point, the prediction and the origin
LEAST_MISS = 0.1  # the line must miss the point by at least this much: a gap to draw
M_NUDGE, B_NUDGE = 0.3, 0.6  # how far m and b are nudged, there and back, to show C respond
FORMULA_SIZE = LABEL_SIZE + 4
M_COLOUR, B_COLOUR, COST_COLOUR = INPUT_2, INPUT, style.EIGEN_2


def misses_the_point(values) -> bool:
    """The line's prediction at x differs from y: there is a residual (and a cost) to show."""
    (x, y), m, b = values["point"], values["slope"], values["intercept"]
    cost = calculus.line_cost_gradient(m, b, [x], [y]).cost
    return cost >= LEAST_MISS**2


def factor(value: float) -> str:
    """A factor in a formula's product, a negative one in parentheses: ``(-1.5)``."""
    return style.factor(value, "value")


def bracketed(value: float) -> str:
    """:func:`said`, a negative number in parentheses: a factor in a spoken product."""
    shown = said(value)
    return f"({shown})" if shown.startswith("−") else shown


class SinglePointRegression(LessonScene):
    """A line y_hat = m x + b against one point (x, y): C = (y_hat - y)^2, dC/dm and dC/db."""

    point = (2.0, 3.0)  # (x, y)
    slope = 0.5  # m
    intercept = 0.5  # b
    domain = Domain(
        point=Vector(2, -4, 4),
        slope=Number(-2, 2),
        intercept=Number(-3, 3),
        rules=(
            Rule(
                f"must leave the point at least {LEAST_MISS} off the line, or there is no "
                "cost to take partials of",
                ("point", "slope", "intercept"),
                misses_the_point,
            ),
        ),
    )

    def construct(self) -> None:
        (x, y), m, b = self.point, self.slope, self.intercept  # every number, from lib, up front
        here = calculus.line_cost_gradient(m, b, [x], [y])
        self.cost, self.dc_dm, self.dc_db = here
        self.prediction = m * x + b
        self.residual = self.prediction - y
        self.m_now, self.b_now = ValueTracker(m), ValueTracker(b)
        self.draw_point_and_line()
        self.predict()
        self.take_the_cost()
        self.partial_in_m()
        self.partial_in_b()
        self.show_summary()

    # -- helpers --------------------------------------------------------------------------

    def cost_now(self) -> float:
        x, y = self.point
        return calculus.line_cost_gradient(
            self.m_now.get_value(), self.b_now.get_value(), [x], [y]
        ).cost

    def line_now(self):
        m, b = self.m_now.get_value(), self.b_now.get_value()
        x0, x1 = self.plot.x_range[:2]
        line = style.clipped_to(
            self.plot, (x0, m * x0 + b), (x1, m * x1 + b), color=RESULT, stroke_width=5
        )
        return line if line is not None else VGroup()

    def gap_now(self):
        x, y = self.point
        guess = self.m_now.get_value() * x + self.b_now.get_value()
        top = min(max(guess, self.plot.y_range[0]), self.plot.y_range[1])
        return DashedLine(
            self.plot.c2p(x, y), self.plot.c2p(x, top), color=COST_COLOUR, stroke_width=4
        )

    def column(self, mobject, above, buff: float = GAP):
        return in_column(mobject, above, self.column_left, buff)

    # -- beats ----------------------------------------------------------------------------

    def draw_point_and_line(self) -> None:
        (x, y), m, b = self.point, self.slope, self.intercept
        with self.beat(
            f"One data point, ({said(x)}, {said(y)}), and one line, ŷ = m x + b with "
            f"m = {said(m)} and b = {said(b)}: how badly does the line fit the point?"
        ):
            self.heading = style.title("One point, one line, one cost")
            xs, ys = (0.0, x), (0.0, y, self.prediction)
            x_range = style.round_range(min(xs) - ROOM, max(xs) + ROOM, most=6)
            y_range = style.round_range(min(ys) - ROOM, max(ys) + ROOM, most=6)
            self.plot = style.axes(x_range, y_range, width=PLOT_WIDTH, height=PLOT_HEIGHT)
            self.plot.to_corner(LEFT + DOWN, buff=MARGIN)
            self.dot = Dot(self.plot.c2p(x, y), radius=0.1, color=HIGHLIGHT)
            style.drop_ticks_near(
                self.plot,
                self.dot,
                self.gap_now(),
                Dot(self.plot.c2p(x, self.prediction), radius=0.1),
                self.line_now(),
            )
            self.line = always_redraw(self.line_now)
            self.column_left = self.plot.get_right()[0] + GAP * 1.2
            self.model = tex(r"\hat y = m x + b", size=FORMULA_SIZE + 4)
            self.column(self.model, self.heading, GAP)
            self.play(FadeIn(self.heading), Create(self.plot), run_time=BEAT)
            self.play(
                FadeIn(self.dot, scale=1.5), Create(self.line), Write(self.model), run_time=BEAT
            )
            self.show("axes", (x_range, y_range))
            self.wait(PAUSE)

    def predict(self) -> None:
        (x, y), m, b = self.point, self.slope, self.intercept
        with self.beat(
            f"At x = {said(x)} the line predicts ŷ = {said(m)} · {bracketed(x)} + {bracketed(b)} = "
            f"{said(self.prediction)}; the point is at y = {said(y)}. The gap ŷ − y is "
            f"{said(self.residual)}."
        ):
            self.gap = always_redraw(self.gap_now)
            self.guess = tex(
                rf"\hat y = {num(m)} \cdot {factor(x)} + {factor(b)} = {num(self.prediction)}",
                size=FORMULA_SIZE,
                color=RESULT,
            )
            self.column(self.guess, self.model, GAP * 0.8)
            self.play(Create(self.gap), Write(self.guess), run_time=BEAT)
            self.show("prediction", self.prediction)
            self.wait(PAUSE)

    def take_the_cost(self) -> None:
        with self.beat(
            f"The cost squares the gap: C = (ŷ − y)² = {said(self.cost)}. It is zero only when "
            "the line passes through the point, and grows on either side."
        ):
            self.cost_formula = tex(
                r"C = (\hat y - y)^2 = ",
                rf"({num(self.prediction)} - {factor(self.point[1])})^2 = {num(self.cost)}",
                size=FORMULA_SIZE,
                color=COST_COLOUR,
            )
            self.column(self.cost_formula, self.guess, GAP * 0.8)
            self.readout = style.readout(
                r"C =", self.cost_now, color=COST_COLOUR, size=FORMULA_SIZE + 4
            )
            self.readout.next_to(self.plot, UP, buff=BUFF).align_to(self.plot, LEFT)
            self.play(Write(self.cost_formula), FadeIn(self.readout), run_time=BEAT)
            self.show("cost", self.cost)
            self.wait(PAUSE)

    def partial_in_m(self) -> None:
        x = self.point[0]
        with self.beat(
            f"Nudge m, b held still: ŷ moves x = {said(x)} times as fast, and C changes at "
            f"∂C/∂m = 2 (ŷ − y) x = {said(self.dc_dm)}."
        ):
            self.play(
                self.m_now.animate.set_value(self.slope + M_NUDGE),
                rate_func=there_and_back,
                run_time=BEAT * 2,
            )
            self.by_m = tex(
                r"\frac{\partial C}{\partial m} = 2(\hat y - y)\,x = ",
                rf"2 \cdot {factor(self.residual)} \cdot "
                rf"{factor(x)} = {num(self.dc_dm)}",
                size=FORMULA_SIZE,
                color=M_COLOUR,
            )
            self.column(self.by_m, self.cost_formula, GAP)
            self.play(Write(self.by_m), run_time=BEAT)
            self.show("dc_dm", self.dc_dm)
            self.wait(PAUSE)

    def partial_in_b(self) -> None:
        with self.beat(
            f"Nudge b, m held still: ŷ moves just as fast as b, so ∂C/∂b = 2 (ŷ − y) = "
            f"{said(self.dc_db)}."
        ):
            self.play(
                self.b_now.animate.set_value(self.intercept + B_NUDGE),
                rate_func=there_and_back,
                run_time=BEAT * 2,
            )
            self.by_b = tex(
                r"\frac{\partial C}{\partial b} = 2(\hat y - y) = ",
                rf"2 \cdot {factor(self.residual)} = {num(self.dc_db)}",
                size=FORMULA_SIZE,
                color=B_COLOUR,
            )
            self.column(self.by_b, self.by_m, GAP * 0.8)
            self.play(Write(self.by_b), run_time=BEAT)
            self.show("dc_db", self.dc_db)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        way = "up" if self.residual < 0 else "down"
        with self.beat(
            f"The gradient of the cost is ({said(self.dc_dm)}, {said(self.dc_db)}): the line "
            f"sits too far {'below' if self.residual < 0 else 'above'} the point, so stepping "
            f"against it moves m and b to bring ŷ {way} towards y."
        ):
            gradient = tex(
                rf"\nabla C = {style.fmt_vector((self.dc_dm, self.dc_db))}",
                size=FORMULA_SIZE + 4,
                color=style.EIGEN,
            )
            self.column(gradient, self.by_b, GAP)
            self.play(FadeIn(gradient), Indicate(self.dot), run_time=BEAT)
            self.show("gradient", (self.dc_dm, self.dc_db))
            self.hold_poster()
