"""TensorRanks: Scalar, vector, matrix, rank-3 and rank-4 tensor, each one axis more than the last,
with its shape.
"""

from __future__ import annotations

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


class TensorRanks(LessonScene):
    """Scalar, vector, matrix, rank-3 and rank-4 tensor, each one axis more than the last."""

    shape = (2, 2, 2, 3)  # the rank-4 example; each lower rank is its first slice
    names = ("scalar", "vector", "matrix", "rank-3 tensor", "rank-4 tensor")
    cell_side = 0.9  # while building up
    poster_cell_side = 0.42  # in the closing row of all five

    def construct(self) -> None:
        values = np.arange(1, int(np.prod(self.shape)) + 1).reshape(self.shape)
        rank = len(self.shape)
        # The rank-r example is the first rank-r slice of the rank-4 array.
        self.examples = [values[(0,) * (rank - r)] for r in range(rank + 1)]
        self.shapes = [linalg.shape_of(example) for example in self.examples]
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

        def make_cell(index: tuple[int, ...]) -> VGroup:
            in_front = r < 3 or index[r - 3] == 0
            label = fmt(example[index], "count") if numbers else None
            cell = tinted_cell(side, INPUT, label=label, label_size=LABEL_SIZE + 4)
            if label is not None and not in_front:
                cell[1].set_opacity(0)
            return cell

        return array_picture(example, make_cell, side)

    def caption(self, r: int, new_axis: int | None) -> VGroup:
        """``name   rank r   shape (...)`` under the picture."""
        return VGroup(
            text(self.names[r], size=BODY_SIZE, color=INPUT),
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
        reach = max(self.cell_side * 0.4, 0.6 - np.linalg.norm(end - start) / 2)
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
            self.current = self.picture(0, self.cell_side).move_to(UP * 0.4)
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
            picture = self.picture(r, self.cell_side).move_to(UP * 0.4)
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
                picture = self.picture(r, self.poster_cell_side, numbers=False)
                label = VGroup(
                    text(self.names[r], size=LABEL_SIZE, color=INPUT),
                    text(f"rank {fmt(len(shape), 'count')}", size=LABEL_SIZE, color=MUTED),
                    shape_formula(shape, size=LABEL_SIZE + 4, prefix=None),
                ).arrange(DOWN, buff=BUFF * 0.8)
                columns.add(VGroup(picture, label))
            pictures = VGroup(*(column[0] for column in columns))
            pictures.arrange(RIGHT, buff=GAP * 2.4, aligned_edge=DOWN)
            style.fit_width(pictures, style.SAFE_WIDTH)
            pictures.move_to(UP * 0.9)
            for column in columns:
                column[1].next_to(column[0], DOWN, buff=GAP)
                column[1].set_y(pictures.get_bottom()[1] - GAP - column[1].height / 2)
            rule = tex(
                r"\text{rank} = \text{number of axes} = \text{length of the shape}", color=MUTED
            ).move_to(DOWN * 2.9)
            for column in columns:
                self.play(FadeIn(column, shift=UP * 0.2), run_time=QUICK)
            self.play(Write(rule), run_time=BEAT)
            self.show("summary_shapes", tuple(self.shapes))
            self.hold_poster()
