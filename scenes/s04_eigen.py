"""Section 4, Eigenvectors and Eigenvalues: the vectors a matrix only stretches."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    MathTex,
    NumberPlane,
    Rectangle,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    config,
)

from lib import linalg
from scenes import style
from scenes.style import (
    AXIS,
    BACKGROUND,
    BEAT,
    BUFF,
    EIGEN,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    LessonScene,
    fmt,
    num,
    tex,
)

#: One colour per eigenpair, in the picture and in every formula.
PAIR_COLOURS = (EIGEN, EIGEN_2)

# -- layout of this scene: a window on the plane at the left, a column of formulas at the right

COLUMN_WIDTH = 6.0  # the formula column, inside the right safe margin
COLUMN_LEFT = config.frame_width / 2 - MARGIN - COLUMN_WIDTH
DIVIDER_X = COLUMN_LEFT - GAP * 0.6  # the plane's window ends here
WINDOW_PAD = 0.55  # room kept around the drawn vectors for their labels
MAX_UNIT = 1.2  # the plane's unit never grows beyond this (scene units)

# -- layers, bottom to top

GRID_LAYER, SPAN_LAYER, ARROW_LAYER, LABEL_LAYER, CURTAIN_LAYER, COLUMN_LAYER = range(6)


def column_vector(values: Sequence[float], kind: str = "coordinate") -> str:
    r"""A vector as a TeX column, ``\begin{bmatrix}0.86\\0.51\end{bmatrix}``."""
    return r"\begin{bmatrix}" + r"\\".join(num(v, kind) for v in values) + r"\end{bmatrix}"


def scale_readout(
    scaled: str, value: Callable[[], float], *, colour: str, layer: float = COLUMN_LAYER
) -> VGroup:
    """``<scaled>, c = <value()>``: the number follows ``value`` and sits on the formula's baseline.

    Like :func:`style.readout`, but the digits share the baseline of the ``c`` before them
    (a subscript or comma in the label would pull a centred number down) and stay on
    ``layer`` when ``set_value`` rebuilds them.
    """
    name = tex(scaled, r",\quad c", "=", color=colour)
    shown = style.number(value(), "eigen", color=colour)

    def follow(mob: VMobject) -> None:
        mob.set_value(value())
        mob.next_to(name, RIGHT, buff=BUFF * 0.8)
        mob.align_to(name[1][-1], DOWN)
        mob.set_z_index(layer)

    follow(shown)
    shown.add_updater(follow)
    return VGroup(name, shown)


class EigenvectorsUnderTransformation(LessonScene):
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

    # -- the plane ----------------------------------------------------------------------

    def layout_plane(self) -> None:
        """Choose the unit and origin so the fan and its image fill the window at the left."""
        points = np.array([(0.0, 0.0), *self.fan, *self.fan_images])
        low, high = points.min(axis=0), points.max(axis=0)
        left = -config.frame_width / 2 + MARGIN + WINDOW_PAD
        right = DIVIDER_X - WINDOW_PAD
        bottom = -config.frame_height / 2 + MARGIN + WINDOW_PAD
        top = -bottom
        size = high - low
        self.unit = min((right - left) / size[0], (top - bottom) / size[1], MAX_UNIT)
        centre = np.array([(left + right) / 2, 0.0])
        origin = centre - self.unit * (low + high) / 2
        self.origin = np.array([origin[0], origin[1], 0.0])

    def window_corners(self) -> np.ndarray:
        """The window's corners in plane coordinates."""
        xs = (-config.frame_width / 2, DIVIDER_X)
        ys = (-config.frame_height / 2, config.frame_height / 2)
        return np.array(
            [
                ((x - self.origin[0]) / self.unit, (y - self.origin[1]) / self.unit)
                for x in xs
                for y in ys
            ]
        )

    def grid_of_radius(self, radius: int) -> NumberPlane:
        """A course-style plane from -radius to radius each way, its origin on ``self.origin``."""
        extent = [-radius, radius, 1]
        grid = style.plane(
            extent, extent, width=2 * radius * self.unit, height=2 * radius * self.unit
        )
        grid.shift(self.origin - grid.c2p(0, 0))
        return grid.set_z_index(GRID_LAYER)

    def build_planes(self) -> None:
        """A faint fixed reference grid with tick labels, and the grid A will move."""
        corners = self.window_corners()
        reach = math.ceil(np.abs(corners).max()) + 1
        # The moving grid must still cover the window after A: it reaches A^-1 of the window.
        pulled_back = linalg.apply(linalg.inverse(self.matrix), corners)
        self.coords = self.grid_of_radius(reach)
        self.coords.axes.set_stroke(opacity=0.5)
        # The grid A moves is drawn in the vectors' colour: it moves as they do.
        self.moving_grid = self.grid_of_radius(max(reach, math.ceil(np.abs(pulled_back).max()) + 1))
        self.moving_grid.background_lines.set_stroke(INPUT, opacity=0.3)
        self.moving_grid.axes.set_stroke(INPUT, opacity=0.45)
        self.tick_labels = self.build_tick_labels(reach)

    def build_tick_labels(self, reach: int) -> VGroup:
        """Labels on the fixed grid's axes, every second unit, where they fit in the window."""
        labels = VGroup()
        shown = []
        for value in (v for v in range(-reach, reach + 1) if v and v % 2 == 0):
            for point, side in (
                (self.coords.c2p(value, 0), DOWN),
                (self.coords.c2p(0, value), LEFT),
            ):
                label = tex(num(value), size=LABEL_SIZE, color=AXIS).next_to(
                    point, side, buff=BUFF * 0.5
                )
                if self.inside_window(label) and self.clear_of_arrows(label):
                    labels.add(label)
                    shown.append(value)
        self.show("ticks", sorted(set(shown)))
        return labels.set_z_index(LABEL_LAYER)

    def clear_of_arrows(self, label: VMobject) -> bool:
        """Whether ``label`` stays off every arrow the scene will draw (fan and images)."""
        origin = self.coords.c2p(0, 0)
        centre = label.get_center()
        room = max(label.width, label.height) / 2 + BUFF * 0.4
        for tip in (*self.fan, *self.fan_images):
            end = self.coords.c2p(*tip)
            along = np.clip(
                np.dot(centre - origin, end - origin) / np.sum((end - origin) ** 2), 0, 1
            )
            if np.linalg.norm(origin + along * (end - origin) - centre) < room:
                return False
        return True

    def inside_window(self, mobject: VMobject) -> bool:
        """Whether ``mobject`` lies in the safe frame and left of the formula column."""
        return bool(
            style.frame_is_inside_margin(mobject) and mobject.get_right()[0] < DIVIDER_X - BUFF
        )

    def arrow_to(self, coords: Sequence[float], colour: str, *, width: float = 5) -> Arrow:
        """An arrow from the origin to ``coords`` (plane coordinates), never of zero length."""
        start = self.coords.c2p(0, 0)
        end = self.coords.c2p(*coords[:2])
        if np.linalg.norm(end - start) < 0.02:
            direction = np.array([*coords[:2], 0.0])
            length = np.linalg.norm(direction)
            end = start + 0.02 * (direction / length if length else RIGHT)
        arrow = Arrow(
            start,
            end,
            buff=0,
            color=colour,
            stroke_width=width,
            tip_length=0.24,
            max_tip_length_to_length_ratio=0.3,
            max_stroke_width_to_length_ratio=10,
        )
        return arrow.set_z_index(ARROW_LAYER)

    def span_line(self, direction: Sequence[float], colour: str = MUTED) -> Line:
        """The whole line through the origin along ``direction``, faint."""
        d = np.array([*direction[:2], 0.0]) / np.linalg.norm(direction)
        reach = config.frame_width * 2
        line = Line(self.origin - reach * d, self.origin + reach * d, color=colour, stroke_width=2)
        return line.set_stroke(opacity=0.45).set_z_index(SPAN_LAYER)

    def label_at_tip(self, arrow: Arrow, content: str, colour: str) -> MathTex:
        """``content`` just beyond the tip of ``arrow``."""
        direction = arrow.get_end() - arrow.get_start()
        label = tex(content, color=colour)
        label.next_to(arrow.get_end(), direction / np.linalg.norm(direction), buff=BUFF * 0.5)
        return label.set_z_index(LABEL_LAYER)

    def label_beside(self, arrow: Arrow, content: str, colour: str) -> MathTex:
        """``content`` beside the tip of ``arrow``, on its clockwise side."""
        direction = arrow.get_end() - arrow.get_start()
        side = np.array([direction[1], -direction[0], 0.0]) / np.linalg.norm(direction)
        label = tex(content, color=colour)
        label.next_to(arrow.get_end(), side, buff=BUFF * 0.5)
        return label.set_z_index(LABEL_LAYER)

    # -- the column ---------------------------------------------------------------------

    def place_in_column(self, mobject: VMobject, below: VMobject | None = None) -> VMobject:
        """Centre ``mobject`` in the formula column, under ``below`` if given."""
        style.fit_width(mobject, COLUMN_WIDTH)
        x = COLUMN_LEFT + COLUMN_WIDTH / 2
        if below is not None:
            mobject.next_to(below, DOWN, buff=GAP)
        mobject.set_x(x)
        return mobject.set_z_index(COLUMN_LAYER)

    def build_curtain(self) -> VGroup:
        """An opaque column at the right: the transformed grid stays in its window."""
        width = config.frame_width / 2 - DIVIDER_X + 0.1
        curtain = Rectangle(
            width=width,
            height=config.frame_height + 0.2,
            stroke_width=0,
            fill_color=BACKGROUND,
            fill_opacity=1,
        )
        curtain.move_to([DIVIDER_X + width / 2, 0, 0])
        divider = Line(
            [DIVIDER_X, -config.frame_height / 2, 0],
            [DIVIDER_X, config.frame_height / 2, 0],
            color=MUTED,
            stroke_width=2,
        ).set_stroke(opacity=0.6)
        return VGroup(curtain, divider).set_z_index(CURTAIN_LAYER)

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        with self.beat(
            f"Here is a matrix A, with rows ({a}, {b}) and ({c}, {d}). Let's watch it move "
            "a grid and a fan of vectors."
        ):
            self.layout_plane()
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
