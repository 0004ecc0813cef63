"""FittingALineByGradientDescent: a wrong line improves epoch by epoch; its cost falls."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
)

from lib.autodiff import Value, fit_line, mean_squared_error_graph
from scenes import style
from scenes.computation_graph import GRADIENT, GRADIENT_KIND
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s08_autodiff.shared import spoken_number
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
    LessonScene,
    factor,
    fmt,
    num,
    tex,
)

DATA_WIDTH, DATA_HEIGHT = 5.5, 5.6
COST_WIDTH, COST_HEIGHT = 5.0, 1.9
TRAINING_TIME = 8.0  # seconds for every epoch after the first


def same_length(values: Mapping[str, Any]) -> bool:
    return len(values["xs"]) == len(values["ys"])


def spread_out(values: Mapping[str, Any]) -> bool:
    return len(set(values["xs"])) >= 2


def cost_never_rises(values: Mapping[str, Any]) -> bool:
    history = fit_line(
        values["xs"], values["ys"], values["start"], values["learning_rate"], values["epochs"]
    )
    return bool(np.all(np.diff(history.costs) <= 1e-12 * max(1.0, history.costs[0])))


class FittingALineByGradientDescent(LessonScene):
    """Points, a line y = m x + b from a wrong start, and gradient descent on its MSE."""

    xs = (0.0, 1.0, 2.0, 3.0, 4.0)  # the data points
    ys = (1.2, 2.9, 5.1, 7.2, 8.8)
    start = (-1.0, 6.0)  # (m, b) before training
    learning_rate = 0.1
    epochs = 40
    domain = Domain(
        xs=Vector((3, 8), -5, 5),
        ys=Vector((3, 8), -10, 10),
        start=Vector(2, -10, 10),
        learning_rate=Number(0.001, 0.5, places=3),
        epochs=Number(5, 80, integer=True),
        rules=(
            Rule("must have one y for each x", ("xs", "ys"), same_length),
            Rule("must hold at least two different x values", ("xs",), spread_out),
            Rule(
                "must be small enough that the cost never rises from one epoch to the next",
                ("learning_rate",),
                cost_never_rises,
            ),
        ),
    )

    def construct(self) -> None:
        self.history = fit_line(self.xs, self.ys, self.start, self.learning_rate, self.epochs)
        m, b = Value(self.start[0], "m"), Value(self.start[1], "b")
        cost = mean_squared_error_graph(m, b, self.xs, self.ys)
        cost.backward()  # the first epoch's gradient, by the reverse pass
        self.first_gradient = (m.grad, b.grad)
        self.epoch = ValueTracker(0)
        self.introduce_data()
        self.take_one_step()
        self.train()
        self.show_summary()

    # -- what the tracker shows ---------------------------------------------------------

    def now(self) -> int:
        """The epoch shown: the tracker's value, rounded down."""
        return min(self.epochs, math.floor(self.epoch.get_value() + 1e-9))

    def params(self, k: int | None = None) -> np.ndarray:
        return self.history.points[self.now() if k is None else k]

    def line_of(self, k: int | None = None, **style_: Any) -> Line:
        m, b = self.params(k)
        x0, x1 = self.x_range[:2]
        return Line(
            self.data_axes.c2p(x0, m * x0 + b), self.data_axes.c2p(x1, m * x1 + b), **style_
        )

    def residuals(self) -> VGroup:
        m, b = self.params()
        return VGroup(
            *(
                DashedLine(
                    self.data_axes.c2p(x, y),
                    self.data_axes.c2p(x, m * x + b),
                    color=HIGHLIGHT,
                    stroke_width=2,
                    dash_length=0.08,
                )
                for x, y in zip(self.xs, self.ys, strict=True)
                if abs(m * x + b - y) > 1e-9
            )
        )

    def cost_curve(self) -> VGroup:
        k = self.now()
        points = [self.cost_axes.c2p(j, self.history.costs[j]) for j in range(k + 1)]
        curve = VMobject(color=GRADIENT, stroke_width=4)
        curve.set_points_as_corners(points if len(points) > 1 else [points[0], points[0]])
        return VGroup(curve, Dot(points[-1], radius=0.07, color=GRADIENT))

    # -- layout -------------------------------------------------------------------------

    def build_axes(self) -> None:
        lines = [(m * x + b) for m, b in self.history.points for x in (min(self.xs), max(self.xs))]
        self.x_range = style.round_range(*style.padded([0.0, *self.xs]))
        ends = [m * x + b for m, b in self.history.points for x in self.x_range[:2]]
        self.y_range = style.round_range(*style.padded([0.0, *self.ys, *lines, *ends]))
        self.data_axes = style.axes(
            self.x_range, self.y_range, width=DATA_WIDTH, height=DATA_HEIGHT
        ).to_corner(LEFT + DOWN, buff=MARGIN)
        top = max(self.history.costs[0], 0.1)  # tick numbers need a span they can show
        cost_range = style.round_range(0.0, top, most=3)
        epoch_range = style.round_range(*style.padded([0.0, float(self.epochs)]), most=5)
        self.cost_axes = style.axes(
            epoch_range,
            cost_range,
            width=COST_WIDTH,
            height=COST_HEIGHT,
            x_label=r"\text{epoch}",
            y_label="C",
        )
        self.cost_axes.next_to(self.heading, DOWN, buff=GAP).to_edge(RIGHT, buff=MARGIN * 2)
        self.show("x_range", self.x_range)
        self.show("y_range", self.y_range)

    def readouts(self) -> VGroup:
        return style.readout_grid(
            [
                (r"\text{epoch} =", self.now, "count", style.TEXT),
                ("m =", lambda: self.params()[0], "value", INPUT_2),
                ("b =", lambda: self.params()[1], "value", INPUT_2),
                ("C =", lambda: self.history.costs[self.now()], "value", GRADIENT),
            ]
        )

    def update_rule(
        self, name: str, value: float, slope: float, new: float, rate: str, room: float
    ) -> VGroup:
        """``name <- name - eta dC/dname = value - rate * slope = new``, on two lines if long."""
        head = rf"{name} \leftarrow {name} - \eta\,\partial C/\partial {name}"
        numbers = rf"= {num(value)} - {rate} \cdot {factor(slope, GRADIENT_KIND)}"
        result = rf"= {num(new)}"
        line = tex(head, numbers, result, size=LABEL_SIZE)
        line[1].set_color(GRADIENT)
        if line.width <= room:
            return VGroup(line)
        tail = tex(numbers, result, size=LABEL_SIZE)
        tail[0].set_color(GRADIENT)
        lines = VGroup(tex(head, size=LABEL_SIZE), tail)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
        tail.shift(RIGHT * GAP)
        return lines

    def ticks_under(self, line: Line) -> list:
        """The data axes' tick numbers ``line`` crosses, taken off the axes (to fade out)."""
        before = [label for axis in self.data_axes.axes for label in axis.labels]
        style.drop_ticks_near(self.data_axes, line)
        after = {id(label) for axis in self.data_axes.axes for label in axis.labels}
        return [label for label in before if id(label) not in after]

    def key_entry(self, words: str, colour: str) -> VGroup:
        """A short stroke of a line's colour, then what the line is."""
        stroke = Line(LEFT * 0.3, RIGHT * 0.3, color=colour, stroke_width=5)
        return VGroup(stroke, style.text(words, size=LABEL_SIZE, color=colour)).arrange(
            RIGHT, buff=BUFF
        )

    # -- beats --------------------------------------------------------------------------

    def introduce_data(self) -> None:
        m, b = self.start
        cost = self.history.costs[0]
        with self.beat(
            f"{len(self.xs)} points, and a line y = m x + b that starts wrong: m = "
            f"{spoken_number(m)}, b = {spoken_number(b)}. Its cost is the mean squared error, "
            f"C = {spoken_number(cost)}: the mean of the squared dashed gaps."
        ):
            self.heading = style.title("Fitting a line by gradient descent")
            self.build_axes()
            dots = VGroup(
                *(
                    Dot(self.data_axes.c2p(x, y), radius=0.08, color=INPUT)
                    for x, y in zip(self.xs, self.ys, strict=True)
                )
            )
            self.start_line = self.line_of(0, color=MUTED, stroke_width=3)
            style.drop_ticks_near(self.data_axes, self.start_line)
            self.line = always_redraw(lambda: self.line_of(color=INPUT_2, stroke_width=5))
            self.gaps = always_redraw(self.residuals)
            self.column_left = self.data_axes.get_right()[0] + GAP
            self.board = self.readouts().next_to(self.cost_axes, DOWN, buff=GAP * 0.8)
            self.board.set_x(self.column_left + self.board.width / 2)
            self.curve = always_redraw(self.cost_curve)
            self.play(FadeIn(self.heading), Create(self.data_axes), run_time=BEAT)
            self.play(FadeIn(dots), run_time=QUICK)
            self.play(Create(self.line), run_time=BEAT)
            self.play(Create(self.gaps), run_time=BEAT)
            self.play(Create(self.cost_axes), FadeIn(self.board), FadeIn(self.curve), run_time=BEAT)
            self.add(self.start_line, self.line)
            self.show("start", tuple(float(v) for v in self.history.points[0]))
            self.show("start_cost", float(cost))
            self.wait(PAUSE)

    def take_one_step(self) -> None:
        (m, b), (dm, db) = self.start, self.first_gradient
        new_m, new_b = self.history.points[1]
        rate = fmt(self.learning_rate, "approach")
        with self.beat(
            "One epoch: a forward pass computes C, the reverse pass gives ∂C/∂m = "
            f"{spoken_number(dm, GRADIENT_KIND)} and ∂C/∂b = {spoken_number(db, GRADIENT_KIND)}, "
            f"and each parameter steps against its gradient, scaled by the learning rate "
            f"η = {rate}."
        ):
            room = style.SAFE_WIDTH / 2 - self.column_left
            rules = VGroup(
                self.update_rule("m", m, dm, new_m, rate, room),
                self.update_rule("b", b, db, new_b, rate, room),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)
            rules.next_to(self.board, DOWN, buff=GAP).align_to(self.board, LEFT)
            style.fit_width(rules, room)
            self.play(Write(rules), run_time=BEAT * 2.5)
            self.play(self.epoch.animate.set_value(1), run_time=BEAT, rate_func=linear)
            self.show("first_gradient", self.first_gradient)
            self.show("first_step", (float(new_m), float(new_b)))
            self.rules = rules
            self.wait(PAUSE * 2)

    def train(self) -> None:
        final = self.history.costs[-1]
        with self.beat(
            f"Repeat for {self.epochs} epochs: the line swings toward the points and the cost "
            f"falls from {spoken_number(self.history.costs[0])} to {spoken_number(final)}."
        ):
            general = VGroup(
                tex(
                    r"m \leftarrow m - \eta\,\partial C/\partial m,\quad "
                    r"b \leftarrow b - \eta\,\partial C/\partial b",
                    size=LABEL_SIZE,
                ),
                tex(rf"\eta = {fmt(self.learning_rate, 'approach')}", size=LABEL_SIZE),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)
            general.move_to(self.rules, aligned_edge=LEFT + UP)
            self.play(FadeOut(self.rules), FadeIn(general), run_time=QUICK)
            self.rules = general
            self.play(
                self.epoch.animate.set_value(self.epochs), run_time=TRAINING_TIME, rate_func=linear
            )
            self.show("history_costs", tuple(float(c) for c in self.history.costs))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        m, b = self.history.points[-1]
        cost = self.history.costs[-1]
        with self.beat(
            f"After {self.epochs} epochs the line is y = {spoken_number(m)} x + "
            f"{spoken_number(b)}, and its cost has fallen from "
            f"{spoken_number(self.history.costs[0])} to {spoken_number(cost)}: gradient "
            "descent, one small step against the gradient at a time."
        ):
            for mobject in (self.line, self.gaps, self.curve, *self.board):
                mobject.clear_updaters()
            fitted = self.line_of(color=RESULT, stroke_width=6)
            key = VGroup(
                self.key_entry("start", MUTED), self.key_entry(r"after training", RESULT)
            ).arrange(RIGHT, buff=GAP)
            key.next_to(self.rules, DOWN, buff=GAP * 0.8).align_to(self.rules, LEFT)
            covered = self.ticks_under(fitted)
            self.add(*covered)
            self.play(
                FadeOut(self.line),
                FadeIn(fitted),
                FadeIn(key),
                *(FadeOut(tick) for tick in covered),
                run_time=BEAT,
            )
            self.show("final", (float(m), float(b)))
            self.show("final_cost", float(cost))
            self.hold_poster()
