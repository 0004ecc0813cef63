"""TensorRanks: Scalar, vector, matrix, rank-3 and rank-4 tensor, each one axis more than the last,
with its shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    FadeIn,
    FadeOut,
    GrowArrow,
    ReplacementTransform,
    Transform,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Vector
from scenes.s01_data_structures.shared import array_picture, shape_formula, tinted_cell
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    LessonScene,
    fmt,
    shape_tex,
    tex,
    text,
)

#: Where the picture being built up may go: centred at PICTURE_CENTRE, between the heading
#: and the caption, with room around it for the arrow along the newest axis.
PICTURE_WIDTH = 12.0
PICTURE_HEIGHT = 4.2
PICTURE_CENTRE = UP * 0.4


def side_by_side(pictures: VGroup, label_widths: Sequence[float]) -> None:
    """Pictures in a row, bottoms aligned, each over a label of the given width, inside the frame.

    Pictures shrink (their labels do not) until the row, labels included, fits the safe
    width; neighbours sit far enough apart that their labels never touch.
    """
    widths = np.array([picture.width for picture in pictures])
    labels = np.asarray(label_widths, dtype=float)

    def gaps(scale: float) -> np.ndarray:
        overhang = np.maximum(0.0, (labels - scale * widths) / 2)
        return np.maximum(GAP * 2.4, overhang[:-1] + overhang[1:] + GAP * 0.6)

    def extent(scale: float) -> float:
        steps = scale * (widths[:-1] + widths[1:]) / 2 + gaps(scale)
        centres = np.concatenate([[0.0], np.cumsum(steps)])
        halves = np.maximum(scale * widths, labels) / 2
        return float(np.max(centres + halves) - np.min(centres - halves))

    scale = 1.0
    if extent(scale) > style.SAFE_WIDTH:
        low, high = 0.0, 1.0
        for _ in range(40):  # bisect for the largest scale that fits
            middle = (low + high) / 2
            low, high = (middle, high) if extent(middle) <= style.SAFE_WIDTH else (low, middle)
        scale = low
    for picture in pictures:
        picture.scale(scale)
    for (left, right), gap in zip(pairwise(pictures), gaps(scale), strict=True):
        right.next_to(left, RIGHT, buff=gap).align_to(left, DOWN)


class TensorRanks(LessonScene):
    """Scalar, vector, matrix, rank-3 and rank-4 tensor, each one axis more than the last."""

    shape = (2, 2, 2, 3)  # the rank-4 example; each lower rank is its first slice
    # Stacking needs two or more along each axis; four keeps every cell's number legible.
    domain = Domain(shape=Vector(4, 2, 4, integer=True))
    names = ("scalar", "vector", "matrix", "rank-3 tensor", "rank-4 tensor")
    cell_side = 0.9  # the largest cell while building up; big examples get smaller cells
    poster_cell_side = 0.42  # in the closing row of all five, before it is fitted to the frame

    def construct(self) -> None:
        shape = tuple(int(n) for n in self.shape)  # lengths typed as 2 or 2.0 alike
        values = np.arange(1, int(np.prod(shape)) + 1).reshape(shape)
        rank = len(shape)
        # The rank-r example is the first rank-r slice of the rank-4 array.
        self.examples = [values[(0,) * (rank - r)] for r in range(rank + 1)]
        self.shapes = [linalg.shape_of(example) for example in self.examples]
        # Each picture's outline at cell side 1 sizes its cells, then closes the lesson.
        self.outlines = [self.picture(r, 1.0, numbers=False) for r in range(rank + 1)]
        self.sides = [
            min(self.cell_side, PICTURE_WIDTH / outline.width, PICTURE_HEIGHT / outline.height)
            for outline in self.outlines
        ]
        self.show_scalar()
        for r in range(1, rank + 1):
            self.add_an_axis(r)
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def story(self, r: int) -> str:
        """What the narrator says as the rank-r example appears."""
        shape = self.shapes[r]
        new, shown = fmt(shape[0], "count"), shape_tex(shape)
        if r == 1:
            return (
                f"Line numbers up along one axis: a vector, rank 1, shape {shown}, {new} in a row."
            )
        if r == 2:
            return (
                f"Stack vectors along a new axis: a matrix, rank 2, shape {shown}. The new "
                "axis's length goes at the front of the shape."
            )
        if r == 3:
            return (
                "Stack matrices along a third axis and the numbers fill a box: a rank-3 "
                f"tensor, shape {shown}."
            )
        return (
            f"Set {new} boxes side by side along a fourth axis: a rank-4 tensor, shape {shown}. "
            "Pictures run out of directions; numpy does not."
        )

    def picture(self, r: int, side: float, numbers: bool = True) -> VGroup:
        """The rank-r example as cells; numbers only on the front layer of each block."""
        example = np.asarray(self.examples[r])
        widest = tex(fmt(np.max(example), "count"), size=LABEL_SIZE + 4).width
        size = LABEL_SIZE + 4 if widest <= side * 0.7 else LABEL_SIZE  # small cells, small type

        def make_cell(index: tuple[int, ...]) -> VGroup:
            in_front = r < 3 or index[r - 3] == 0
            label = fmt(example[index], "count") if numbers and in_front else None
            return tinted_cell(side, INPUT, label=label, label_size=size)

        return array_picture(example, make_cell, side)

    def screen_name(self, r: int) -> str:
        """The name under a picture: "tensor", not "rank-3 tensor", beside "rank 3"."""
        return self.names[r].split()[-1]

    def caption(self, r: int, new_axis: int | None) -> VGroup:
        """``name   rank r   shape (...)`` under the picture."""
        return VGroup(
            text(self.screen_name(r), size=BODY_SIZE, color=INPUT),
            text(f"rank {fmt(len(self.shapes[r]), 'count')}", size=LABEL_SIZE + 4, color=MUTED),
            shape_formula(self.shapes[r], new_axis=new_axis),
        ).arrange(RIGHT, buff=GAP * 1.4)

    def axis_arrow(self, r: int, picture: VGroup) -> Arrow:
        """An arrow along the axis just added: across, down, back, or across the blocks."""
        first, last = picture[0], picture[-1]
        if r == 3:  # along the bottom right edge, from the front layer to the back one
            start, end = first.get_corner(DOWN + RIGHT), last.get_corner(DOWN + RIGHT)
            offset = (DOWN + RIGHT) * BUFF * 0.8
        else:
            start, end = first.get_center(), last.get_center()
            if r == 2:
                offset = LEFT * (start[0] - picture.get_left()[0] + BUFF * 1.4)
            else:
                offset = UP * (picture.get_top()[1] - start[1] + BUFF * 1.4)
        direction = (end - start) / np.linalg.norm(end - start)
        reach = max(self.sides[r] * 0.4, 0.6 - np.linalg.norm(end - start) / 2)
        return Arrow(
            start + offset - direction * reach,
            end + offset + direction * reach,
            buff=0,
            color=HIGHLIGHT,
            stroke_width=5,
        )

    # -- beats --------------------------------------------------------------------------

    def show_scalar(self) -> None:
        value = fmt(np.asarray(self.examples[0]), "count")
        with self.beat(
            f"A scalar is a single number, like {value}. It has no axes: rank 0, and its shape "
            f"is empty, {shape_tex(self.shapes[0])}."
        ):
            self.heading = style.title("Tensors, one axis at a time")
            self.current = self.picture(0, self.sides[0]).move_to(PICTURE_CENTRE)
            self.current_caption = self.caption(0, None).move_to(DOWN * 2.7)
            self.arrow: Arrow | None = None
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(self.current, scale=1.3), run_time=BEAT)
            self.play(FadeIn(self.current_caption, shift=UP * 0.2), run_time=BEAT)
            self.show("shape_0", self.shapes[0])
            self.wait(PAUSE)

    def add_an_axis(self, r: int) -> None:
        shape = self.shapes[r]
        with self.beat(self.story(r)):
            picture = self.picture(r, self.sides[r]).move_to(PICTURE_CENTRE)
            caption = self.caption(r, new_axis=0).move_to(DOWN * 2.7)
            arrow = self.axis_arrow(r, picture)
            copies = [TransformFromCopy(self.current, part) for part in picture[1:]]
            self.play(
                Transform(self.current, picture[0]),
                ReplacementTransform(self.current_caption, caption),
                *([FadeOut(self.arrow)] if self.arrow else []),
                run_time=BEAT,
            )
            self.play(*copies, GrowArrow(arrow), run_time=BEAT * 1.2)
            self.remove(self.current, *picture[1:])
            self.add(picture)
            self.current, self.current_caption, self.arrow = picture, caption, arrow
            self.show(f"shape_{r}", shape)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        spoken = ", ".join(
            f"{shape_tex(shape)} for a {name}"
            for shape, name in zip(self.shapes, self.names, strict=True)
        )
        with self.beat(
            f"The rank is the number of axes, and the shape lists the length of each: {spoken}."
        ):
            self.play(
                FadeOut(self.current),
                FadeOut(self.current_caption),
                FadeOut(self.arrow),
                run_time=QUICK,
            )
            columns = VGroup()
            for r, shape in enumerate(self.shapes):
                picture = self.outlines[r].scale(self.poster_cell_side)
                label = VGroup(
                    text(self.screen_name(r), size=LABEL_SIZE, color=INPUT),
                    text(f"rank {fmt(len(shape), 'count')}", size=LABEL_SIZE, color=MUTED),
                    shape_formula(shape, size=LABEL_SIZE + 4, prefix=None),
                ).arrange(DOWN, buff=BUFF * 0.8)
                columns.add(VGroup(picture, label))
            pictures = VGroup(*(column[0] for column in columns))
            side_by_side(pictures, [column[1].width for column in columns])
            pictures.move_to(UP * 0.9)
            for column in columns:
                column[1].next_to(column[0], DOWN, buff=GAP)
                column[1].set_y(pictures.get_bottom()[1] - GAP - column[1].height / 2)
            half = style.SAFE_WIDTH / 2  # centred on its pictures, the row keeps its labels in
            columns.shift(RIGHT * max(0.0, -half - columns.get_left()[0]))
            columns.shift(LEFT * max(0.0, columns.get_right()[0] - half))
            rule = tex(
                r"\text{rank} = \text{number of axes} = \text{length of the shape}", color=MUTED
            ).move_to(DOWN * 2.9)
            for column in columns:
                self.play(FadeIn(column, shift=UP * 0.2), run_time=QUICK)
            self.play(Write(rule), run_time=BEAT)
            self.show("summary_shapes", tuple(self.shapes))
            self.hold_poster()
