"""PrincipalComponentAnalysis: A point cloud, centred; its covariance's eigenvectors are the
directions of most and least spread, and the first one keeps most of the variance.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Arrow,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    Line,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Vector
from scenes.s05_ml_operations.shared import COLUMN_WIDTH, in_column, window_plane
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    EIGEN,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_HEIGHT,
    LessonScene,
    fitted_matrix,
    fmt,
    fmt_vector,
    num,
    tex,
)

FORMULA_SIZE = CAPTION_SIZE

DOT_RADIUS = 0.05

LABEL_REACH = 0.45  # an arrow's label stands at least this far from the origin (scene units)

PAIR_COLOURS = (EIGEN, EIGEN_2)


def row_text(values: Any, kind: str = "coordinate") -> str:
    """A vector for the narration, which is plain text: ``(0.85, 0.53)``."""
    return "(" + ", ".join(fmt(v, kind) for v in values) + ")"


class PrincipalComponentAnalysis(LessonScene):
    """Centre a cloud, draw its covariance's eigenvectors, project onto the first, and say how
    much variance it keeps."""

    count = 40  # points in the cloud, made in code...
    seed = 5  # ...from this seed,
    spreads = (2.0, 0.6)  # with these standard deviations along its own axes,
    angle = 30.0  # its long axis turned this many degrees from x,
    centre = (2.0, 1.0)  # and moved here
    domain = Domain(
        count=Number(5, 200, integer=True),
        seed=Number(0, 9999, integer=True),
        spreads=Vector(2, 0.1, 3),
        angle=Number(-90, 90),
        centre=Vector(2, -5, 5),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.show_cloud()
        self.centre_cloud()
        self.show_covariance()
        self.draw_components()
        self.project_onto_first()
        self.state_variance_explained()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        self.points = linalg.point_cloud(
            int(self.count), int(self.seed), self.spreads, math.radians(self.angle), self.centre
        )
        self.pca = linalg.pca(self.points, 2)
        self.cov = linalg.covariance(self.points)
        self.variances = self.pca.explained_variance
        self.components = self.pca.components  # rows: unit eigenvectors of the covariance
        self.arrow_tips = self.components * self.variances.reshape(2, 1)  # scaled by variance
        first_only = linalg.pca(self.points, 1)
        self.on_first = first_only.reconstructed - first_only.mean  # projections, centred
        self.ratio = self.pca.explained_variance_ratio
        self.show("points", self.points)

    # -- layout -------------------------------------------------------------------------

    def build_plane(self) -> None:
        reach_of = [*self.points.flat, *self.pca.centered.flat, *self.arrow_tips.flat]
        self.grid = window_plane(reach_of, minimum=2.0)
        self.labels = VGroup(*(self.arrow_label(i) for i in (0, 1)))
        self.arrows = VGroup(
            *(
                Arrow(
                    self.grid.c2p(0, 0),
                    self.grid.c2p(*tip),
                    buff=0,
                    color=colour,
                    stroke_width=6,
                    max_tip_length_to_length_ratio=0.25,
                )
                for tip, colour in zip(self.arrow_tips, PAIR_COLOURS, strict=True)
            )
        ).set_z_index(2)
        style.drop_ticks_near(self.grid, *self.labels, *self.arrows)

    def arrow_label(self, i: int) -> Any:
        origin = self.grid.c2p(0, 0)
        tip = self.grid.c2p(*self.arrow_tips[i]) - origin
        direction = self.grid.c2p(*self.components[i]) - origin
        direction /= np.linalg.norm(direction)
        anchor = origin + direction * max(float(np.linalg.norm(tip)), LABEL_REACH)
        label = tex(rf"\lambda_{i + 1} v_{i + 1}", size=LABEL_SIZE + 4, color=PAIR_COLOURS[i])
        label.set_z_index(3)
        if i == 1:  # beyond its tip, away from the line of v_1
            return label.next_to(anchor, direction, buff=BUFF * 0.5)
        side = self.grid.c2p(*self.components[1]) - origin  # beside the tip, off v_1's line
        side /= -np.linalg.norm(side)
        return label.next_to(anchor - direction * 0.3, side, buff=BUFF * 0.8)

    def span_line(self, i: int) -> Line:
        """The line through the origin along v_i, as far as the cloud reaches along it."""
        reach = max(float(np.max(np.abs(self.pca.projected[:, i]))), 0.5) * 1.15
        direction = self.components[i]
        return Line(
            self.grid.c2p(*(-reach * direction)),
            self.grid.c2p(*(reach * direction)),
            color=PAIR_COLOURS[i],
            stroke_width=2,
            stroke_opacity=0.6,
        ).set_z_index(1)

    def build_column(self) -> None:
        """Every formula, stacked at the right, to appear beat by beat."""
        heading = style.title("Principal components")
        self.mean_row = tex(
            r"\bar x", "=", fmt_vector(self.pca.mean, "coordinate"), size=FORMULA_SIZE
        )
        self.mean_row[0].set_color(HIGHLIGHT)
        self.cov_row = VGroup(
            tex("C", "=", r"\tfrac{1}{N-1}\,X_c^T X_c", "=", size=FORMULA_SIZE),
            fitted_matrix(self.cov, size=FORMULA_SIZE, h_buff=0.9, v_buff=0.6),
        ).arrange(RIGHT, buff=BUFF)
        self.pair_rows = VGroup(
            *(
                tex(
                    rf"\lambda_{i + 1} = {num(self.variances[i], 'eigen')}",
                    r",\quad",
                    rf"v_{i + 1} = {fmt_vector(self.components[i], 'coordinate')}",
                    size=FORMULA_SIZE,
                    color=PAIR_COLOURS[i],
                )
                for i in (0, 1)
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
        share = fmt(self.ratio[0], "ratio")
        self.ratio_row = tex(
            r"\frac{\lambda_1}{\lambda_1 + \lambda_2}",
            "=",
            share,
            size=FORMULA_SIZE,
        )
        self.ratio_row[0].set_color(EIGEN)
        self.ratio_row[2].set_color(RESULT)
        self.ratio_words = style.text("of the variance lies along v₁", size=LABEL_SIZE, color=MUTED)
        parts = [
            heading,
            self.mean_row,
            self.cov_row,
            self.pair_rows,
            self.ratio_row,
            self.ratio_words,
        ]
        for part in parts:
            style.fit_width(part, COLUMN_WIDTH)
        room = SAFE_HEIGHT - sum(part.height for part in parts)
        column = VGroup(*parts).arrange(DOWN, aligned_edge=LEFT, buff=min(GAP, room / 5))
        in_column(column)
        self.ratio_words.next_to(self.ratio_row, DOWN, buff=BUFF * 0.6).align_to(
            self.ratio_row, LEFT
        )
        self.heading = heading

    # -- beats --------------------------------------------------------------------------

    def show_cloud(self) -> None:
        with self.beat(
            f"{int(self.count)} points in the plane, made in code from seed {int(self.seed)}. "
            "They spread more in one direction than in the other. Which direction?"
        ):
            self.build_plane()
            self.build_column()
            self.dots = VGroup(
                *(Dot(self.grid.c2p(*p), radius=DOT_RADIUS, color=INPUT) for p in self.points)
            )
            self.play(FadeIn(self.heading), Create(self.grid), run_time=BEAT * 1.5)
            self.play(
                LaggedStart(*(FadeIn(dot) for dot in self.dots), lag_ratio=0.02),
                run_time=BEAT * 1.5,
            )
            self.wait(PAUSE)

    def centre_cloud(self) -> None:
        with self.beat(
            f"First centre the cloud: subtract the mean, {row_text(self.pca.mean)}, from every "
            "point, so the cloud sits on the origin."
        ):
            mean = Dot(self.grid.c2p(*self.pca.mean), radius=DOT_RADIUS * 2.2, color=HIGHLIGHT)
            self.play(FadeIn(mean, scale=0.5), Write(self.mean_row), run_time=BEAT)
            self.play(
                *(
                    dot.animate.move_to(self.grid.c2p(*p))
                    for dot, p in zip(self.dots, self.pca.centered, strict=True)
                ),
                mean.animate.move_to(self.grid.c2p(0, 0)),
                run_time=BEAT * 2,
            )
            self.play(FadeOut(mean), run_time=QUICK)
            self.show("mean", tuple(float(v) for v in self.pca.mean))
            self.wait(PAUSE)

    def show_covariance(self) -> None:
        (a, b), (_, d) = self.cov
        with self.beat(
            f"The covariance matrix C holds the spread: variance {fmt(a, 'entry')} along x, "
            f"{fmt(d, 'entry')} along y, and {fmt(b, 'entry')} shared between them."
        ):
            self.play(FadeIn(self.cov_row), run_time=BEAT * 1.5)
            self.show("covariance", self.cov)
            self.wait(PAUSE)

    def draw_components(self) -> None:
        l1, l2 = (fmt(v, "eigen") for v in self.variances)
        with self.beat(
            f"Its eigenvectors are the principal directions; each eigenvalue is the variance "
            f"along its direction: {l1} along v1 and {l2} along v2. Each arrow is drawn as long "
            "as its variance."
        ):
            self.spans = VGroup(*(self.span_line(i) for i in (0, 1)))
            self.play(Create(self.spans), run_time=BEAT)
            self.play(
                *(GrowArrow(arrow) for arrow in self.arrows),
                FadeIn(self.pair_rows),
                run_time=BEAT * 1.5,
            )
            self.play(FadeIn(self.labels), run_time=QUICK)
            self.show("variances", tuple(float(v) for v in self.variances))
            self.show("components", self.components)
            self.wait(PAUSE)

    def project_onto_first(self) -> None:
        with self.beat(
            "Project every point onto the line of v1: one number per point instead of two, "
            "and most of the spread survives."
        ):
            drops = VGroup(
                *(
                    DashedLine(self.grid.c2p(*p), self.grid.c2p(*q), color=MUTED, stroke_width=1.5)
                    for p, q in zip(self.pca.centered, self.on_first, strict=True)
                    if np.linalg.norm(p - q) > 1e-9
                )
            )
            self.projected = VGroup(
                *(Dot(self.grid.c2p(*q), radius=DOT_RADIUS, color=RESULT) for q in self.on_first)
            ).set_z_index(1.5)  # over the line of v_1, under the arrows
            self.play(
                self.spans[0].animate.set_stroke(width=3, opacity=0.9),
                self.spans[1].animate.set_stroke(opacity=0.25),
                Create(drops),
                run_time=BEAT,
            )
            self.play(
                *(
                    FadeIn(dot, target_position=source)
                    for dot, source in zip(self.projected, self.dots, strict=True)
                ),
                self.dots.animate.set_opacity(0.35),
                run_time=BEAT * 1.5,
            )
            self.play(FadeOut(drops), run_time=QUICK)
            self.show("projected", self.on_first)
            self.wait(PAUSE)

    def state_variance_explained(self) -> None:
        share = fmt(self.ratio[0], "ratio").replace(r"\%", "%")
        with self.beat(
            f"How much? The first eigenvalue over their sum: {share} of the total variance "
            "lies along v1."
        ):
            self.play(Write(self.ratio_row), FadeIn(self.ratio_words), run_time=BEAT * 1.5)
            self.show("ratio", tuple(float(v) for v in self.ratio))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        share = fmt(self.ratio[0], "ratio").replace(r"\%", "%")
        with self.beat(
            "PCA in short: centre the data, take the covariance's eigenvectors, keep the first "
            f"few. Here one direction keeps {share} of the variance."
        ):
            box = style.highlight_box(VGroup(self.ratio_row, self.ratio_words), color=RESULT)
            self.play(Create(box), run_time=BEAT)
            self.show("summary_ratio", float(self.ratio[0]))
            self.hold_poster()
