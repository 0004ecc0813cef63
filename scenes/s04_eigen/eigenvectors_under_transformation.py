"""EigenvectorsUnderTransformation: A matrix moves most vectors off their span; its eigenvectors
stay on theirs, scaled by their eigenvalues.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

from lib import linalg
from scenes import style
from scenes.s04_eigen.shared import (
    ARROW_LAYER,
    COLUMN_LAYER,
    PlaneAndColumnScene,
    column_vector,
    scale_readout,
)
from scenes.style import (
    BEAT,
    BUFF,
    EIGEN,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    fmt,
    num,
    tex,
)

#: One colour per eigenpair, in the picture and in every formula.
PAIR_COLOURS = (EIGEN, EIGEN_2)


class EigenvectorsUnderTransformation(PlaneAndColumnScene):
    """A acts on a grid and a fan of vectors; only its eigenvectors stay on their spans."""

    matrix = ((-1.0, 4.0), (2.0, -2.0))  # the example's input: real eigenvalues of either sign
    fan_size = 8  # vectors in the fan, one per direction across a half turn

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_matrix()
        self.show_fan_and_spans()
        self.apply_transformation()
        self.point_out_eigenvectors()
        self.write_eigen_equation(0)
        self.write_eigen_equation(1)
        self.negative_eigenvalue_flips()
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        """Eigenpairs, the fan and its images under A, all from lib."""
        values, vectors = linalg.eig(self.matrix)
        self.eigenvalues = tuple(float(v) for v in values)
        if not self.eigenvalues[0] > 0 > self.eigenvalues[1]:
            raise ValueError(
                "EigenvectorsUnderTransformation needs a matrix with one positive and one "
                f"negative eigenvalue; {self.matrix} has "
                f"{', '.join(f'{v:.4g}' for v in self.eigenvalues)}"
            )
        self.eigenvectors = tuple(tuple(float(c) for c in vectors[:, i]) for i in range(2))
        self.eigen_images = tuple(
            tuple(float(c) for c in linalg.matmul(self.matrix, v)) for v in self.eigenvectors
        )
        self.fan, self.eigen_slots = self.fan_directions()
        self.fan_images = [
            tuple(float(c) for c in row) for row in linalg.apply(self.matrix, self.fan)
        ]

    def fan_directions(self) -> tuple[list[tuple[float, float]], tuple[int, int]]:
        """Unit vectors evenly spread over a half turn; the nearest two are the eigenvectors.

        Returns the fan and the positions of the two eigenvectors in it.
        """
        step = math.pi / self.fan_size
        angles = [-math.pi / 2 + step * (k + 0.5) for k in range(self.fan_size)]
        fan = [(math.cos(a), math.sin(a)) for a in angles]
        slots: list[int] = []
        for vector in self.eigenvectors:
            angle = math.atan2(vector[1], vector[0])

            def distance(k: int, angle: float = angle) -> float:
                turn = (angles[k] - angle) % math.pi  # a span is a line: angles mod pi
                return min(turn, math.pi - turn)

            nearest = min((k for k in range(self.fan_size) if k not in slots), key=distance)
            fan[nearest] = vector
            slots.append(nearest)
        return fan, (slots[0], slots[1])

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        with self.beat(
            f"Here is a matrix A, with rows ({a}, {b}) and ({c}, {d}). Let's watch it move "
            "a grid and a fan of vectors."
        ):
            self.layout_plane([*self.fan, *self.fan_images])
            self.build_planes()
            self.add(self.build_curtain())
            self.heading = self.place_in_column(style.title("Eigenvectors"))
            a_matrix = style.matrix(self.matrix, h_buff=0.9, v_buff=0.7)
            self.a_group = VGroup(tex("A", "="), a_matrix).arrange(RIGHT, buff=BUFF)
            self.place_in_column(self.a_group, below=self.heading)
            self.blocks: list[VGroup] = []  # the column's eigen-equations, once written
            self.show("matrix", tuple(tuple(float(v) for v in row) for row in self.matrix))
            self.play(
                FadeIn(self.heading),
                Create(self.coords),
                Create(self.moving_grid),
                run_time=BEAT * 1.5,
            )
            self.play(Write(self.a_group), FadeIn(self.tick_labels), run_time=BEAT * 1.5)
            self.wait(PAUSE * 3)

    def show_fan_and_spans(self) -> None:
        with self.beat(
            "Each vector's span is the line through the origin along it: all its multiples "
            "c v. Faint lines mark the spans."
        ):
            self.progress = ValueTracker(0.0)  # 0: the fan as it is, 1: after A
            self.fan_arrows = [
                self.following_arrow(vector, image)
                for vector, image in zip(self.fan, self.fan_images, strict=True)
            ]
            self.spans = [self.span_line(vector) for vector in self.fan]
            self.caption = self.place_in_column(
                tex(r"\mathrm{span}(v) = \{\, c\, v \,\}", color=INPUT), below=self.a_group
            )
            self.play(*(GrowArrow(arrow) for arrow in self.fan_arrows), run_time=BEAT)
            self.play(
                *(Create(span) for span in self.spans), FadeIn(self.caption), run_time=BEAT * 1.5
            )
            self.wait(PAUSE * 3)

    def following_arrow(self, vector: Sequence[float], image: Sequence[float]) -> Arrow:
        """An arrow from v to A v as ``self.progress`` runs from 0 to 1, like the grid."""

        def draw() -> Arrow:
            t = self.progress.get_value()
            tip = (1 - t) * np.asarray(vector) + t * np.asarray(image)
            return self.arrow_to(tip, INPUT)

        return always_redraw(draw)

    def apply_transformation(self) -> None:
        with self.beat("Now apply A: the grid and every vector move together, from v to A v."):
            mapsto = self.place_in_column(
                tex(r"v \;\longmapsto\; A\,v", color=INPUT), below=self.a_group
            )
            self.play(ReplacementTransform(self.caption, mapsto), run_time=QUICK)
            self.caption = mapsto
            self.play(
                self.moving_grid.animate.apply_matrix(self.matrix, about_point=self.origin),
                self.progress.animate.set_value(1.0),
                run_time=BEAT * 3,
            )
            for arrow in self.fan_arrows:
                arrow.clear_updaters()
            self.wait(PAUSE)

        most = self.most_turned()
        with self.beat(
            "Most vectors are knocked off their span: this one lay on its line, and now points "
            "elsewhere."
        ):
            span, arrow = self.spans[most], self.fan_arrows[most]
            where_it_was = self.arrow_to(self.fan[most], HIGHLIGHT, width=3)
            self.play(
                span.animate.set_stroke(HIGHLIGHT, width=3, opacity=0.9),
                arrow.animate.set_color(HIGHLIGHT),
                GrowArrow(where_it_was),
                run_time=BEAT,
            )
            self.wait(PAUSE * 3)
            self.play(
                span.animate.set_stroke(MUTED, width=2, opacity=0.45),
                arrow.animate.set_color(INPUT),
                FadeOut(where_it_was),
                run_time=QUICK,
            )

    def most_turned(self) -> int:
        """The fan vector whose image lies at the largest angle from its own span."""

        def turn(k: int) -> float:
            (vx, vy), (wx, wy) = self.fan[k], self.fan_images[k]
            return abs(vx * wy - vy * wx) / (math.hypot(vx, vy) * math.hypot(wx, wy))

        return max(range(self.fan_size), key=turn)

    def point_out_eigenvectors(self) -> None:
        with self.beat(
            "Two did not turn: they stayed on their own spans and were only stretched. These "
            "are the eigenvectors of A, v₁ and v₂."
        ):
            others = [k for k in range(self.fan_size) if k not in self.eigen_slots]
            self.play(
                *(self.fan_arrows[k].animate.set_color(MUTED).set_opacity(0.6) for k in others),
                *(self.spans[k].animate.set_stroke(opacity=0.25) for k in others),
                *(
                    self.spans[k].animate.set_stroke(colour, width=3, opacity=0.7)
                    for k, colour in zip(self.eigen_slots, PAIR_COLOURS, strict=True)
                ),
                *(
                    self.fan_arrows[k].animate.set_color(colour)
                    for k, colour in zip(self.eigen_slots, PAIR_COLOURS, strict=True)
                ),
                run_time=BEAT,
            )
            self.eigen_arrows = [self.fan_arrows[k] for k in self.eigen_slots]
            # The eigenvectors as they were, thin, over their images.
            self.originals = [
                self.arrow_to(v, style.TEXT, width=3).set_z_index(ARROW_LAYER + 0.5)
                for v in self.eigenvectors
            ]
            self.original_labels = [
                self.label_beside(arrow, f"v_{n}", colour)
                for n, arrow, colour in zip((1, 2), self.originals, PAIR_COLOURS, strict=True)
            ]
            self.image_labels = [
                self.label_at_tip(arrow, f"A v_{n}", colour)
                for n, arrow, colour in zip((1, 2), self.eigen_arrows, PAIR_COLOURS, strict=True)
            ]
            self.play(
                *(GrowArrow(arrow) for arrow in self.originals),
                *(FadeIn(label) for label in self.original_labels),
                run_time=BEAT,
            )
            self.play(*(FadeIn(label) for label in self.image_labels), run_time=QUICK)
            statement = self.place_in_column(
                tex(r"A\,v = \lambda\, v", color=HIGHLIGHT), below=self.a_group
            )
            self.play(ReplacementTransform(self.caption, statement), run_time=BEAT)
            self.caption = statement
            self.wait(PAUSE * 3)

    def write_eigen_equation(self, i: int) -> None:
        value, vector, image = self.eigenvalues[i], self.eigenvectors[i], self.eigen_images[i]
        colour, n = PAIR_COLOURS[i], "₁₂"[i]
        how = "stretched" if abs(value) >= 1 else "shrunk"
        if value < 0:
            how += " and turned around"
        with self.beat(
            f"A v{n} = {self.row_text(image)} is {fmt(value, 'eigen')} times "
            f"v{n} = {self.row_text(vector)}: v{n} is only {how}. Its eigenvalue is "
            f"λ{n} = {fmt(value, 'eigen')}."
        ):
            k = i + 1
            header = tex(
                rf"A\,v_{k} = \lambda_{k}\, v_{k}",
                r",\quad",
                rf"\lambda_{k} = {num(value, 'eigen')}",
                color=colour,
            )
            numbers = tex(
                "A",
                column_vector(vector),
                "=",
                column_vector(image),
                "=",
                num(value, "eigen"),
                column_vector(vector),
                color=colour,
            )
            numbers[0].set_color(style.TEXT)
            block = VGroup(header, numbers).arrange(DOWN, buff=BUFF * 1.2)
            self.place_in_column(block, below=self.blocks[-1] if self.blocks else self.a_group)
            if not self.blocks:
                self.play(FadeOut(self.caption), run_time=QUICK)
            self.blocks.append(block)
            box = style.highlight_box(self.image_labels[i])
            self.play(Write(header[0]), Create(box), run_time=BEAT)
            self.play(Write(numbers[:2]), run_time=BEAT)
            self.play(Write(numbers[2:4]), run_time=BEAT)
            self.play(Write(numbers[4:]), Write(header[1:]), FadeOut(box), run_time=BEAT)
            self.show(f"v_{k}", vector)
            self.show(f"A_v_{k}", image)
            self.show(f"lambda_{k}", value)
            self.wait(PAUSE * 2.5)

    @staticmethod
    def row_text(values: Sequence[float]) -> str:
        """A vector for the narration: ``(0.86, 0.51)``."""
        return "(" + ", ".join(fmt(v, "coordinate") for v in values) + ")"

    def negative_eigenvalue_flips(self) -> None:
        value, vector = self.eigenvalues[1], self.eigenvectors[1]
        with self.beat(
            f"λ₂ is negative, so A turns v₂ around. As c runs from 1 to {fmt(value, 'eigen')}, "
            "c v₂ shrinks to the origin, flips through it and grows on the other side, "
            "never leaving its span."
        ):
            scale = ValueTracker(1.0)

            def current() -> float:
                c = scale.get_value()
                return 0.0 if abs(c) < 0.005 else c  # no "-0.00" on the way through zero

            mover = always_redraw(
                lambda: self.arrow_to(np.asarray(vector) * scale.get_value(), EIGEN_2).set_z_index(
                    ARROW_LAYER + 1  # over the thin original, which it leaves behind
                )
            )
            readout = scale_readout(r"c\,v_2", current, colour=EIGEN_2)
            self.place_in_column(readout, below=self.blocks[-1])
            box = style.highlight_box(self.blocks[1][0][2])
            self.play(
                self.eigen_arrows[1].animate.set_opacity(0.25),
                FadeOut(self.image_labels[1]),
                Create(box),
                run_time=QUICK,
            )
            self.play(GrowArrow(mover), FadeIn(readout), run_time=QUICK)
            self.wait(QUICK)
            self.play(scale.animate.set_value(value), run_time=BEAT * 4)
            mover.clear_updaters()
            readout[1].clear_updaters()
            settled = tex(num(value, "eigen"), color=EIGEN_2).set_z_index(COLUMN_LAYER)
            settled.next_to(readout[0], RIGHT, buff=BUFF * 0.8).align_to(readout[0][1][-1], DOWN)
            self.show("flip_scale", (1.0, value))
            self.play(
                FadeOut(self.eigen_arrows[1]),
                FadeIn(self.image_labels[1]),
                FadeOut(box),
                ReplacementTransform(readout[1], settled),
                run_time=QUICK,
            )
            self.eigen_arrows[1] = mover
            self.readout = VGroup(readout[0], settled)
            self.wait(PAUSE * 3)

    def show_summary(self) -> None:
        l1, l2 = (fmt(v, "eigen") for v in self.eigenvalues)
        with self.beat(
            "A knocks most vectors off their span. Its eigenvectors stay on theirs, scaled by "
            f"λ₁ = {l1} and λ₂ = {l2}: A v = λ v."
        ):
            pairs = VGroup()
            for i, (value, vector) in enumerate(
                zip(self.eigenvalues, self.eigenvectors, strict=True)
            ):
                k = i + 1
                pairs.add(
                    tex(rf"\lambda_{k} = {num(value, 'eigen')}", color=PAIR_COLOURS[i]),
                    tex(
                        rf"v_{k} = {style.fmt_vector(vector, 'coordinate')}", color=PAIR_COLOURS[i]
                    ),
                )
            pairs.arrange_in_grid(rows=2, cols=2, buff=(GAP, BUFF * 1.4), col_alignments="ll")
            a_row = self.a_group.copy()
            rule = tex(r"A\,v = \lambda\, v", color=HIGHLIGHT)
            summary = style.panel("Eigenpairs of A", a_row, pairs, rule)
            self.place_in_column(summary)
            summary.set_y((self.heading.get_bottom()[1] - config.frame_height / 2 + MARGIN) / 2)
            summary[0].set_z_index(COLUMN_LAYER - 0.5)  # the frame's fill under its rows
            self.play(
                FadeOut(VGroup(*self.blocks, self.readout)),
                ReplacementTransform(self.a_group, a_row),
                FadeIn(summary[0]),
                FadeIn(summary[1][0]),
                run_time=BEAT,
            )
            self.play(FadeIn(pairs), FadeIn(rule), run_time=BEAT)
            self.show("summary_eigenvalues", self.eigenvalues)
            self.show("summary_eigenvectors", self.eigenvectors)
            self.wait(PAUSE * 2)
            self.hold_poster()
