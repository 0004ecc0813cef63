"""PowerIteration: multiplying a start vector by M again and again, and rescaling it, turns it
toward M's dominant eigenvector; in a small web of linking pages, that vector ranks the pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Rectangle,
    ReplacementTransform,
    Transform,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Number, Rule, Vector
from scenes.style import (
    AXIS,
    BEAT,
    BUFF,
    CAPTION_SIZE,
    EIGEN,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    PAUSE,
    QUICK,
    LessonScene,
    fitted_matrix,
    fmt,
    fmt_vector,
    num,
    tex,
)

#: The iterates must land this close to lib's dominant eigenvector, entry by entry.
CONVERGED = 0.005

#: The bar chart's size (scene units) and its bars' width, as a share of a slot.
CHART_WIDTH, CHART_HEIGHT, BAR_SHARE = 5.2, 4.4, 0.55


def _square(inputs: Mapping[str, Any]) -> bool:
    return len(inputs["matrix"]) == len(inputs["matrix"][0])


def _fits(inputs: Mapping[str, Any]) -> bool:
    return _square(inputs) and len(inputs["start"]) == len(inputs["matrix"])


def _dominant_positive(inputs: Mapping[str, Any]) -> bool:
    return _square(inputs) and linalg.dominant_eigenpair(inputs["matrix"])[0] > 0


def _converges(inputs: Mapping[str, Any]) -> bool:
    if not (_fits(inputs) and _dominant_positive(inputs)):
        return True  # the rules above report it
    _, vector = linalg.dominant_eigenpair(inputs["matrix"])
    history = linalg.power_iteration(inputs["matrix"], inputs["start"], int(inputs["steps"]))
    return float(np.max(np.abs(history.eigenvector - vector))) <= CONVERGED


SQUARE = Rule("must be square: one row and one column per page", ("matrix",), _square)
START_FITS = Rule("must have one score per page of matrix", ("start", "matrix"), _fits)
DOMINANT = Rule(
    "must have a dominant eigenvalue, positive and larger in size than every other one",
    ("matrix",),
    _dominant_positive,
)
CONVERGES = Rule(
    f"must bring the iterates within {CONVERGED} of the dominant eigenvector v1 in that many "
    "steps (start with a positive part along v1, or take more steps)",
    ("matrix", "start", "steps"),
    _converges,
)


def ordinal(rank: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``."""
    return f"{rank}" + {1: "st", 2: "nd", 3: "rd"}.get(rank, "th")


def ranks(scores: Sequence[float]) -> list[int]:
    """Each score's rank as shown on screen: 1 + how many shown scores are larger (ties share)."""
    shown = [float(fmt(s, "coordinate")) for s in scores]
    return [1 + sum(other > mine for other in shown) for mine in shown]


class PowerIteration(LessonScene):
    """A web of pages scored by power iteration: the bars settle on M's dominant eigenvector."""

    matrix = (  # M[i][j] = 1 when pages i and j link to each other
        (0.0, 1.0, 1.0, 0.0),
        (1.0, 0.0, 1.0, 0.0),
        (1.0, 1.0, 0.0, 1.0),
        (0.0, 0.0, 1.0, 0.0),
    )
    start = (1.0, 1.0, 1.0, 1.0)  # every page starts with the same score
    steps = 10
    domain = Domain(
        matrix=Matrix((3, 4), (3, 4), 0, 5),
        start=Vector((3, 4), -5, 5, nonzero=True),
        steps=Number(4, 16, integer=True),
        rules=(SQUARE, START_FITS, DOMINANT, CONVERGES),
    )

    def construct(self) -> None:
        self.history = linalg.power_iteration(self.matrix, self.start, int(self.steps))
        self.value, self.vector = linalg.dominant_eigenpair(self.matrix)  # every number, from lib
        self.iterates = [tuple(float(c) for c in x) for x in self.history.iterates]
        self.pages = len(self.start)
        self.heading = style.title("Power iteration")
        self.introduce_pages()
        self.start_scores()
        self.take_one_step()
        self.keep_multiplying()
        self.compare_with_the_eigenvector()
        self.rank_the_pages()
        self.show_summary()

    # -- the chart ----------------------------------------------------------------------

    def build_chart(self) -> None:
        """Axes for the scores, one slot per page, labelled with the page's number."""
        low = -1.0 if min(min(x) for x in self.iterates) < -1e-9 else 0.0
        self.chart = style.axes(
            [0, self.pages + 0.4, 1],
            [low, 1.1, 0.5],
            width=CHART_WIDTH,
            height=CHART_HEIGHT,
            x_label=r"\text{page}",
            y_label=r"\text{score}",
            numbers=False,
        )
        ticks = [v for v in (-1.0, -0.5, 0.5, 1.0) if v >= low]
        self.chart.add_coordinates({}, style.tick_labels(ticks))
        self.chart.to_edge(RIGHT, buff=MARGIN + 0.2).to_edge(DOWN, buff=MARGIN + 0.6)
        self.page_labels = VGroup(
            *(
                tex(f"{i + 1}", size=LABEL_SIZE, color=AXIS).next_to(
                    self.chart.c2p(i + 0.5, low), DOWN, buff=BUFF
                )
                for i in range(self.pages)
            )
        )
        style.number_axis(self.chart.x_axis, self.page_labels)  # along the bottom when low < 0

    def bars(self, scores: Sequence[float], colour: str = INPUT) -> VGroup:
        """One bar per page, from 0 to its score."""
        width = BAR_SHARE * CHART_WIDTH / self.pages
        group = VGroup()
        for i, score in enumerate(scores):
            base, top = self.chart.c2p(i + 0.5, 0), self.chart.c2p(i + 0.5, score)
            height = max(abs(top[1] - base[1]), 0.01)
            bar = Rectangle(
                width=width, height=height, stroke_width=0, fill_color=colour, fill_opacity=0.8
            )
            group.add(bar.move_to((base + top) / 2))
        return group

    def targets(self) -> VGroup:
        """A dashed mark across each slot at the dominant eigenvector's entry."""
        half = 0.5 * CHART_WIDTH / self.pages * 0.85
        return VGroup(
            *(
                DashedLine(
                    self.chart.c2p(i + 0.5, v) + LEFT * half,
                    self.chart.c2p(i + 0.5, v) + RIGHT * half,
                    color=EIGEN,
                    stroke_width=5,
                )
                for i, v in enumerate(self.vector)
            )
        )

    def iterate_line(self, k: int) -> style.MathTex:
        """``x_k = (...)``: iterate k from lib's history, under the rule."""
        line = tex(rf"x_{{{k}}} = " + fmt_vector(self.iterates[k], "coordinate"), color=INPUT)
        return style.fit_width(line, self.column_width).next_to(self.rule, DOWN, buff=GAP)

    def step_counter(self, k: int) -> style.MathTex:
        counter = tex(rf"k = {k}", size=CAPTION_SIZE, color=HIGHLIGHT)
        return counter.next_to(self.chart, UP, buff=BUFF).align_to(self.chart, RIGHT)

    # -- beats --------------------------------------------------------------------------

    def introduce_pages(self) -> None:
        with self.beat(
            f"{self.pages} web pages link to one another: M has a row and a column per page, "
            "and a link's weight where two pages link. A page's score is the sum of the scores "
            "of the pages linking to it, weighted: M times the score vector."
        ):
            self.m_group = VGroup(
                tex("M", "="), fitted_matrix(self.matrix, size=CAPTION_SIZE, h_buff=0.7, v_buff=0.6)
            ).arrange(RIGHT, buff=BUFF)
            self.rule = tex(r"x_{k+1} = \frac{M\,x_k}{\lVert M\,x_k \rVert}", color=HIGHLIGHT)
            left = VGroup(self.m_group, self.rule).arrange(DOWN, buff=GAP)
            left.next_to(self.heading, DOWN, buff=GAP).to_edge(LEFT, buff=MARGIN + 0.3)
            self.column_width = 6.2
            self.build_chart()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(self.m_group), run_time=BEAT)
            self.play(Create(self.chart), FadeIn(self.page_labels), run_time=BEAT)
            self.show("matrix", tuple(tuple(row) for row in self.matrix))
            self.wait(PAUSE)

    def start_scores(self) -> None:
        with self.beat(
            f"Start from a guess, x0 = ({', '.join(fmt(v) for v in self.start)}), scaled "
            f"to length 1: {', '.join(fmt(v, 'coordinate') for v in self.iterates[0])}. Then "
            "repeat one step: multiply by M, and divide by the length."
        ):
            self.current_bars = self.bars(self.iterates[0])
            self.current_line = self.iterate_line(0)
            self.counter = self.step_counter(0)
            self.play(Write(self.rule), run_time=BEAT)
            self.play(
                FadeIn(self.current_bars, shift=UP * 0.2),
                FadeIn(self.current_line),
                FadeIn(self.counter),
                run_time=BEAT,
            )
            self.show("x_0", self.iterates[0])
            self.wait(PAUSE)

    def take_one_step(self) -> None:
        image = tuple(float(c) for c in linalg.matmul(self.matrix, self.iterates[0]))
        length = linalg.l2_norm(image)
        with self.beat(
            f"One step: M x0 = ({', '.join(fmt(v, 'coordinate') for v in image)}), of length "
            f"{fmt(length, 'coordinate')}. Dividing by it gives x1: pages with more, and "
            "better scored, neighbours gain."
        ):
            product = tex(
                r"M\,x_0 = " + fmt_vector(image, "coordinate"), size=CAPTION_SIZE, color=style.TEXT
            )
            size = tex(
                rf"\lVert M\,x_0 \rVert = {num(length, 'coordinate')}",
                size=CAPTION_SIZE,
                color=style.TEXT,
            )
            working = VGroup(product, size).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            style.fit_width(working, self.column_width)
            working.next_to(self.current_line, DOWN, buff=GAP * 0.8).align_to(
                self.current_line, LEFT
            )
            self.play(FadeIn(product), run_time=BEAT)
            self.play(FadeIn(size), run_time=QUICK)
            self.advance(1, run_time=BEAT)
            self.show("M_x_0", image)
            self.show("length_M_x_0", length)
            self.show("x_1", self.iterates[1])
            self.wait(PAUSE)
            self.play(FadeOut(working), run_time=QUICK)

    def advance(self, k: int, run_time: float) -> None:
        """Bars, iterate line and counter from step k - 1 to step k."""
        self.play(
            Transform(self.current_bars, self.bars(self.iterates[k])),
            ReplacementTransform(self.current_line, line := self.iterate_line(k)),
            ReplacementTransform(self.counter, counter := self.step_counter(k)),
            run_time=run_time,
        )
        self.current_line, self.counter = line, counter

    def keep_multiplying(self) -> None:
        last = len(self.iterates) - 1
        with self.beat(
            f"Again and again, {last} steps in all. The scores change less and less each time: "
            f"x{last} = ({', '.join(fmt(v, 'coordinate') for v in self.iterates[-1])})."
        ):
            for k in range(2, last + 1):
                self.advance(k, run_time=QUICK if k < 5 else QUICK * 0.6)
            self.show(f"x_{last}", self.iterates[-1])
            self.wait(PAUSE)

    def compare_with_the_eigenvector(self) -> None:
        quotient = float(self.history.eigenvalue)
        with self.beat(
            "Where did they settle? On the dominant eigenvector of M, computed directly: v1 = "
            f"({', '.join(fmt(v, 'coordinate') for v in self.vector)}), with eigenvalue "
            f"{fmt(self.value, 'eigen')}, the largest. M only stretches v1, so one more step "
            "leaves it where it is."
        ):
            marks = self.targets()
            vector_line = tex(r"v_1 = " + fmt_vector(self.vector, "coordinate"), color=EIGEN)
            value_line = tex(
                rf"\lambda_1 = {num(self.value, 'eigen')}",
                rf"\qquad x_{{{len(self.iterates) - 1}}}^\top M\,x_{{{len(self.iterates) - 1}}} = ",
                num(quotient, "eigen"),
                color=EIGEN,
            )
            self.eigen_lines = VGroup(vector_line, value_line).arrange(
                DOWN, aligned_edge=LEFT, buff=BUFF * 1.4
            )
            style.fit_width(self.eigen_lines, self.column_width)
            self.eigen_lines.next_to(self.current_line, DOWN, buff=GAP * 0.8).align_to(
                self.current_line, LEFT
            )
            self.play(Create(marks), run_time=BEAT)
            self.play(FadeIn(vector_line), run_time=QUICK)
            self.play(FadeIn(value_line), run_time=QUICK)
            self.marks = marks
            self.show("v_1", tuple(float(v) for v in self.vector))
            self.show("lambda_1", self.value)
            self.show("rayleigh", quotient)
            self.wait(PAUSE)

    def rank_the_pages(self) -> None:
        order = ranks(self.iterates[-1])
        first = [i + 1 for i, r in enumerate(order) if r == 1]
        names = " and ".join(f"page {p}" for p in first)
        with self.beat(
            f"The scores rank the pages: {names} first, because "
            + ("it is" if len(first) == 1 else "they are")
            + " linked to by the best scored pages. That is the idea behind PageRank."
        ):
            labels = VGroup()
            for i, (bar, rank) in enumerate(zip(self.current_bars, order, strict=True)):
                top = max(bar.get_top()[1], self.marks[i].get_top()[1])
                label = style.text(ordinal(rank), size=LABEL_SIZE, color=HIGHLIGHT)
                labels.add(label.move_to([bar.get_x(), top + BUFF + label.height / 2, 0]))
            self.play(FadeIn(labels, shift=DOWN * 0.2), run_time=BEAT)
            self.rank_labels = labels
            self.show("ranks", tuple(order))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Power iteration: multiply, rescale, repeat. Any start with a part along the "
            "dominant eigenvector turns toward it, and its scores rank the pages."
        ):
            arrow = tex(r"x_k \;\longrightarrow\; v_1", color=HIGHLIGHT)
            arrow.next_to(self.rule, RIGHT, buff=GAP)
            box = style.highlight_box(VGroup(self.current_line, self.eigen_lines[0]))
            self.play(FadeIn(arrow), Create(box), run_time=BEAT)
            self.show("summary_x", self.iterates[-1])
            self.wait(PAUSE)
            self.hold_poster()
