"""AreaUnderROCCurve: A classifier's scores, a threshold sweeping down through them, the ROC
curve traced one threshold at a time, and the area under it: the AUC.
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
    Line,
    NumberLine,
    Polygon,
    ReplacementTransform,
    VGroup,
    VMobject,
    config,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number
from scenes.s06_limits.shared import wrapped_text
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
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
    text,
)

POSITIVE, NEGATIVE = INPUT_2, INPUT
ROC_SIZE = 5.0  # the ROC square's side, in scene units
STRIP_WIDTH = 5.4  # the score line's length
STACK = 0.34  # vertical step between tied scores of one class


def make_scores(seed: int, positives: int, negatives: int, separation: float) -> np.ndarray:
    """Scores in [0, 1], one decimal (so some tie): logistic of normal draws, positives first.

    Positives are drawn around ``separation``, negatives around 0: the larger it is, the
    better the classifier tells them apart.
    """
    rng = np.random.default_rng(seed)
    z = np.r_[rng.normal(separation, 1.0, positives), rng.normal(0.0, 1.0, negatives)]
    return np.round(1 / (1 + np.exp(-z)), 1)


class AreaUnderROCCurve(LessonScene):
    """A threshold sweeps down a classifier's scores; the ROC curve follows, then its area."""

    seed = 3  # the random draw of the scores
    positives = 5  # how many examples are truly positive
    negatives = 5  # and how many negative
    separation = 1.5  # how far apart the two classes' scores lie, before squashing to (0, 1)
    domain = Domain(
        seed=Number(0, 9999, integer=True),
        positives=Number(2, 8, integer=True),
        negatives=Number(2, 8, integer=True),
        separation=Number(0, 3, places=1),
    )

    def construct(self) -> None:
        p, n = int(self.positives), int(self.negatives)
        self.scores = make_scores(int(self.seed), p, n, float(self.separation))
        self.labels = np.r_[np.ones(p), np.zeros(n)]
        self.roc = calculus.roc_curve(self.labels, self.scores)  # every number, from lib
        self.auc = calculus.roc_auc(self.labels, self.scores)
        self.show("scores", tuple(float(s) for s in self.scores))
        self.show("labels", tuple(int(v) for v in self.labels))
        self.introduce_scores()
        self.sweep_threshold()
        self.shade_area()
        self.show_summary()

    # -- pieces --------------------------------------------------------------------------

    def counts_at(self, k: int) -> tuple[int, int]:
        """(TP, FP) at the k-th point of lib's curve."""
        return (
            round(float(self.roc.tpr[k]) * int(self.positives)),
            round(float(self.roc.fpr[k]) * int(self.negatives)),
        )

    def build_roc_axes(self) -> VGroup:
        ticks = [0.2, 0.4, 0.6, 0.8, 1.0]
        self.axes = style.axes(
            (0, 1, 0.2),
            (0, 1, 0.2),
            width=ROC_SIZE,
            height=ROC_SIZE,
            x_label=r"\text{FPR}",
            y_label=r"\text{TPR}",
            numbers=False,
        )
        self.axes.add_coordinates(style.tick_labels(ticks), style.tick_labels(ticks))
        x_name, y_name = self.axes.axis_labels
        x_name.next_to(self.axes.c2p(1, 0), DOWN, buff=GAP * 1.1)
        y_name.next_to(self.axes.c2p(0, 1), LEFT, buff=GAP * 1.1)
        self.axes.next_to(self.heading, DOWN, buff=GAP).to_edge(LEFT, buff=MARGIN)
        diagonal = DashedLine(self.axes.c2p(0, 0), self.axes.c2p(1, 1), color=MUTED)
        return VGroup(self.axes, diagonal)

    def build_strip(self) -> VGroup:
        """The score line with every example as a dot: positives above it, negatives below."""
        self.strip = NumberLine(
            x_range=(0, 1, 0.1),
            length=STRIP_WIDTH,
            color=AXIS,
            include_numbers=False,
            tick_size=0.06,
        )
        labels = VGroup(
            *(
                tex(fmt(v), size=LABEL_SIZE, color=AXIS).next_to(
                    self.strip.n2p(v), DOWN, buff=BUFF * 0.6
                )
                for v in (0.0, 0.5, 1.0)
            )
        )
        self.dots = []
        seen: dict[tuple[float, int], int] = {}
        most = max(np.unique(np.c_[self.scores, self.labels], axis=0, return_counts=True)[1])
        self.stack = min(STACK, 1.0 / max(most - 1, 1))  # tall stacks of ties squeeze up
        for score, label in zip(self.scores, self.labels, strict=True):
            key = (float(score), int(label))
            level = seen.get(key, 0)
            seen[key] = level + 1
            side = UP if label else DOWN
            colour = POSITIVE if label else NEGATIVE
            offset = side * (0.3 + self.stack * level) + (DOWN * 0.35 if not label else 0)
            dot = Circle(radius=0.14, color=colour, stroke_width=3).set_fill(colour, 0.2)
            self.dots.append(dot.move_to(self.strip.n2p(float(score)) + offset))
        legend = VGroup(
            *(
                VGroup(
                    Circle(radius=0.1, color=colour).set_fill(colour, 0.6),
                    text(name, size=LABEL_SIZE, color=colour),
                ).arrange(RIGHT, buff=BUFF * 0.6)
                for name, colour in (("positive", POSITIVE), ("negative", NEGATIVE))
            )
        ).arrange(RIGHT, buff=GAP)
        lowest = min(dot.get_bottom()[1] for dot in self.dots)
        legend.next_to(self.strip.n2p(0), DOWN, aligned_edge=LEFT, buff=0)
        legend.set_y(min(lowest, labels.get_bottom()[1]) - GAP * 0.8)
        self.strip_group = VGroup(self.strip, labels, *self.dots, legend)
        return self.strip_group

    def readout(self, k: int) -> VGroup:
        tp, fp = self.counts_at(k)
        p, n = int(self.positives), int(self.negatives)
        threshold = self.roc.thresholds[k]
        shown = r"\infty" if np.isinf(threshold) else num(float(threshold))
        lines = VGroup(
            tex(rf"t = {shown}", color=HIGHLIGHT),
            tex(
                rf"\text{{TPR}} = \frac{{{tp}}}{{{p}}} = {num(self.roc.tpr[k], 'table')}",
                color=POSITIVE,
            ),
            tex(
                rf"\text{{FPR}} = \frac{{{fp}}}{{{n}}} = {num(self.roc.fpr[k], 'table')}",
                color=NEGATIVE,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
        return lines.next_to(self.strip_group, DOWN, buff=GAP * 1.2).align_to(
            self.strip_group, LEFT
        )

    def threshold_line(self, k: int) -> Line:
        """A marker on the score line just below threshold k (above every score at k = 0)."""
        t = self.roc.thresholds[k]
        x = 1.05 if np.isinf(t) else float(t) - 0.03
        top = self.strip_group[2:-1].get_top()[1] + 0.1
        bottom = self.strip_group[2:-1].get_bottom()[1] - 0.1
        return DashedLine(
            [self.strip.n2p(x)[0], top, 0], [self.strip.n2p(x)[0], bottom, 0], color=HIGHLIGHT
        )

    # -- beats ---------------------------------------------------------------------------

    def introduce_scores(self) -> None:
        with self.beat(
            f"A classifier has scored {int(self.positives)} positive examples, in orange, and "
            f"{int(self.negatives)} negative ones, in blue. A threshold t turns scores into "
            "predictions: positive when the score is at least t."
        ):
            self.heading = style.title("Area under the ROC curve")
            roc = self.build_roc_axes()
            strip = self.build_strip()
            strip.next_to(self.axes, RIGHT, buff=GAP * 1.8).align_to(self.axes, UP)
            self.play(FadeIn(self.heading), Create(roc), run_time=BEAT)
            self.play(FadeIn(strip), run_time=BEAT)
            self.diagonal = roc[1]
            self.wait(PAUSE)

    def sweep_threshold(self) -> None:
        ties = any(
            self.labels[i] != self.labels[j] and self.scores[i] == self.scores[j]
            for i in range(len(self.scores))
            for j in range(i)
        )
        tied = (
            " Where a positive and a negative share a score, both rates move at once and the "
            "curve runs diagonally."
            if ties
            else ""
        )
        with self.beat(
            "Lower the threshold score by score. Each positive it passes raises the true "
            "positive rate, each negative the false positive rate: every threshold is one "
            f"point of the ROC curve.{tied}"
        ):
            marker, readout = self.threshold_line(0), self.readout(0)
            point = Dot(self.axes.c2p(0, 0), radius=0.08, color=HIGHLIGHT)
            self.play(Create(marker), FadeIn(readout), FadeIn(point), run_time=QUICK)
            self.curve = VMobject(color=RESULT, stroke_width=5)
            self.curve.set_points_as_corners([self.axes.c2p(0, 0)] * 2)
            self.add(self.curve)
            for k in range(1, len(self.roc.thresholds)):
                corners = [
                    self.axes.c2p(float(x), float(y))
                    for x, y in zip(self.roc.fpr[: k + 1], self.roc.tpr[: k + 1], strict=True)
                ]
                curve = VMobject(color=RESULT, stroke_width=5).set_points_as_corners(corners)
                passed = [
                    dot.animate.set_fill(opacity=0.9)
                    for dot, score in zip(self.dots, self.scores, strict=True)
                    if score == self.roc.thresholds[k]
                ]
                self.play(
                    ReplacementTransform(marker, marker := self.threshold_line(k)),
                    ReplacementTransform(readout, readout := self.readout(k)),
                    ReplacementTransform(self.curve, curve),
                    point.animate.move_to(corners[-1]),
                    *passed,
                    run_time=QUICK if k > 2 else BEAT,
                )
                self.curve = curve
            self.marker, self.readout_now, self.point = marker, readout, point
            self.show("fpr", tuple(float(v) for v in self.roc.fpr))
            self.show("tpr", tuple(float(v) for v in self.roc.tpr))
            self.show("thresholds", tuple(float(v) for v in self.roc.thresholds))
            self.wait(QUICK)

    def shade_area(self) -> None:
        exact = fmt(self.auc, "table") == fmt(self.auc, "value")
        with self.beat(
            f"The area under the curve is the AUC: {'' if exact else 'about '}"
            f"{fmt(self.auc, 'table')}. It is the chance that a random positive outscores a "
            "random negative, a tie counting half. Guessing gives 0.5, the dashed diagonal."
        ):
            corners = [
                self.axes.c2p(float(x), float(y))
                for x, y in zip(self.roc.fpr, self.roc.tpr, strict=True)
            ]
            area = Polygon(*corners, self.axes.c2p(1, 0), self.axes.c2p(0, 0), stroke_width=0)
            area.set_fill(RESULT, opacity=0.3)
            statement = tex(
                r"\text{AUC}",
                "=" if exact else r"\approx",
                num(self.auc, "table"),
            )
            statement[-1].set_color(RESULT)
            statement.move_to(self.readout_now, aligned_edge=LEFT + UP)
            room = config.frame_width / 2 - MARGIN - statement.get_left()[0]
            meaning = wrapped_text(
                "the chance that a positive outscores a negative, a tie counting half",
                room,
                color=MUTED,
            )
            self.statement = VGroup(statement, meaning).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            self.statement.move_to(self.readout_now, aligned_edge=LEFT + UP)
            self.play(
                FadeOut(self.marker),
                FadeOut(self.point),
                FadeIn(area),
                ReplacementTransform(self.readout_now, self.statement),
                run_time=BEAT,
            )
            self.area = area
            self.show("auc", self.auc)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "One number for a whole ranking: the ROC curve shows every threshold's trade-off, "
            "and the area under it sums them up."
        ):
            self.play(self.diagonal.animate.set_stroke(opacity=1), run_time=BEAT)
            self.hold_poster()
