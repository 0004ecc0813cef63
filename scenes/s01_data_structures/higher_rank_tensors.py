"""HigherRankTensors: A batch of colour images is one rank-4 tensor of shape (batch, height, width,
channels).
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
    Arrow,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    Mobject,
    ReplacementTransform,
    Transform,
    VGroup,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s01_data_structures.shared import (
    DEPTH_STEP,
    array_picture,
    plural,
    shape_formula,
    tinted_cell,
)
from scenes.style import (
    AXIS,
    BEAT,
    BUFF,
    EIGEN_2,
    ERROR,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    fmt,
    shape_tex,
    tex,
    text,
)

RGBA = (ERROR, RESULT, INPUT, EIGEN_2)
#: Each number of channels an image can have: what the image is, its channels' names and
#: the theme's nearest hues to draw them in.
CHANNELS = {
    1: ("greyscale image", ("grey",), (AXIS,)),
    2: ("greyscale image with transparency", ("grey", "alpha"), (AXIS, EIGEN_2)),
    3: ("colour image", ("red", "green", "blue"), (ERROR, RESULT, INPUT)),
    4: ("colour image with transparency", ("red", "green", "blue", "alpha"), RGBA),
}
#: The lengths each axis may have: (batch, height, width, channels).
AXIS_LENGTHS = ((1, 4), (2, 8), (2, 8), (1, 4))
#: Where the picture of the batch goes, above the table; the height label on its left and the
#: channels arrow and label on its right take the rest of the frame's width.
PICTURE_HEIGHT = 2.3
PICTURE_CENTRE = LEFT * 0.9 + UP * 0.95
BRACE_ROOM = 0.5  # a brace and the gaps either side of it
ARROW_ROOM = 0.8  # the channels arrow beside the last block


def axes_in_range(inputs: Mapping[str, Any]) -> bool:
    """Whether each axis of the batch's shape has a length the lesson can draw and name."""
    lengths = zip(inputs["batch_shape"], AXIS_LENGTHS, strict=True)
    return all(low <= n <= high for n, (low, high) in lengths)


def spoken_list(words: Sequence[str]) -> str:
    """``red, green and blue``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class HigherRankTensors(LessonScene):
    """A batch of colour images is one rank-4 tensor of shape (batch, height, width, channels)."""

    batch_shape = (2, 4, 4, 3)  # batch, height, width, channels: numpy's channels-last order
    axis_names = ("batch", "height", "width", "channels")
    seed = 7  # the random pixel intensities of the example images
    picked_image = 1  # the image indexed in the fourth beat (numpy counts from 0)
    domain = Domain(
        batch_shape=Vector(4, 1, 8, integer=True),
        seed=Number(0, 10**6, integer=True),
        picked_image=Number(0, 3, integer=True),
        rules=(
            Rule(
                "must have 1 to 4 images of 2 to 8 by 2 to 8 pixels, with 1 to 4 channels "
                "(grey, grey and alpha, red green blue, or red green blue alpha)",
                ("batch_shape",),
                axes_in_range,
            ),
            Rule(
                "must pick one of the batch's images, counting from 0",
                ("picked_image",),
                lambda inputs: inputs["picked_image"] < inputs["batch_shape"][0],
            ),
        ),
    )
    cell_side = 0.46  # the largest a pixel is drawn; big batches get smaller pixels

    def construct(self) -> None:
        shape = tuple(int(n) for n in self.batch_shape)  # lengths typed as 2 or 2.0 alike
        self.pick_index = int(self.picked_image)
        if not 0 <= self.pick_index < shape[0]:
            raise ValueError(
                f"picked_image must index one of the {shape[0]} images from 0; "
                f"got {self.pick_index}"
            )
        self.kind, self.channel_names, self.channel_colours = CHANNELS[shape[3]]
        rng = np.random.default_rng(int(self.seed))
        self.images = rng.uniform(0.25, 1.0, shape)
        self.shape = linalg.shape_of(self.images)  # every shape, from lib, up front
        self.image_shape = linalg.shape_of(self.images[0])
        self.channel_shape = linalg.shape_of(self.images[0, :, :, 0])
        self.build_picture()
        self.show_one_channel()
        self.stack_channels()
        self.make_a_batch()
        self.index_the_batch()
        self.show_summary()

    # -- helpers ------------------------------------------------------------------------

    def build_picture(self) -> None:
        """Every pixel of every channel of every image, drawn once, in its final place."""
        drawn = self.images.transpose(0, 3, 1, 2)  # (batch, channels, height, width): depth

        batch, height, width, channels = drawn.shape[0], *drawn.shape[2:], drawn.shape[1]
        depth = (channels - 1) * DEPTH_STEP  # how far the last layer sits behind the first
        across = batch * (width + depth) + (batch - 1) * 1.2  # in pixels, gaps included
        half = config.frame_width / 2 - MARGIN
        left = -half + text(self.axis_names[1], size=LABEL_SIZE).width + BRACE_ROOM
        right = half - text(self.axis_names[3], size=LABEL_SIZE).width - ARROW_ROOM
        side = min(self.cell_side, (right - left) / across, PICTURE_HEIGHT / (height + depth))

        def make_cell(index: tuple[int, ...]) -> VGroup:
            b, c, y, x = index
            fill = float(self.images[b, y, x, c]) * 0.85
            return tinted_cell(side, self.channel_colours[c], fill=fill)

        self.picture = array_picture(drawn, make_cell, side)
        self.picture.move_to(PICTURE_CENTRE)
        self.picture.shift(RIGHT * max(0.0, left - self.picture.get_left()[0]))
        self.picture.shift(LEFT * max(0.0, self.picture.get_right()[0] - right))

    def axis_table(self, names: Sequence[str], shape: Sequence[int], new: int | None) -> VGroup:
        """The shape over a table with one column per axis: its number, meaning and length."""
        cells: list[Mobject] = [text("axis", size=LABEL_SIZE, color=MUTED)]
        cells += [tex(fmt(k, "count"), size=LABEL_SIZE + 4, color=MUTED) for k in range(len(shape))]
        cells.append(text("meaning", size=LABEL_SIZE, color=MUTED))
        cells += [
            text(name, size=LABEL_SIZE + 4, color=HIGHLIGHT if k == new else TEXT)
            for k, name in enumerate(names)
        ]
        cells.append(text("length", size=LABEL_SIZE, color=MUTED))
        cells += [
            tex(fmt(n, "count"), color=HIGHLIGHT if k == new else TEXT) for k, n in enumerate(shape)
        ]
        table = VGroup(*cells).arrange_in_grid(
            rows=3,
            cols=len(shape) + 1,
            buff=(GAP * 1.1, BUFF),
            col_alignments="l" + "c" * len(shape),
        )
        group = VGroup(shape_formula(shape, new_axis=new), table).arrange(DOWN, buff=GAP * 0.6)
        return group.move_to(DOWN * 2.3)

    def brace(self, mobject: Mobject, direction: np.ndarray, name: str) -> VGroup:
        """A brace along one side of ``mobject`` with an axis name beyond it."""
        brace = Brace(mobject, direction, color=MUTED, buff=BUFF * 0.4)
        label = text(name, size=LABEL_SIZE, color=MUTED).next_to(brace, direction, buff=BUFF * 0.4)
        return VGroup(brace, label)

    def channels_marker(self, block: VGroup) -> VGroup:
        """An arrow back through a block's layers, from the front one, named "channels"."""
        front, back = block[0], block[-1]
        start = front.get_corner(DOWN + RIGHT) + (DOWN + RIGHT) * BUFF * 0.6
        end = back.get_corner(DOWN + RIGHT) + (DOWN + RIGHT) * BUFF * 0.6
        direction = (UP + RIGHT) / np.sqrt(2)  # layers go back up and to the right
        arrow = Arrow(
            start - direction * 0.2,
            end + direction * 0.35,
            buff=0,
            color=MUTED,
            stroke_width=4,
            max_tip_length_to_length_ratio=0.35,
        )
        label = text(self.axis_names[3], size=LABEL_SIZE, color=MUTED)
        label.next_to(arrow.get_end(), RIGHT, buff=BUFF * 0.4)
        return VGroup(arrow, label)

    # -- beats --------------------------------------------------------------------------

    def show_one_channel(self) -> None:
        height, width = (fmt(n, "count") for n in self.channel_shape)
        with self.beat(
            f"One channel of one image, its {self.channel_names[0]} intensities, is a grid "
            f"{height} pixels high and {width} wide: a matrix of shape "
            f"{shape_tex(self.channel_shape)}."
        ):
            self.heading = style.title("A batch of images")
            layer = self.picture[0][0]
            self.height_brace = self.brace(layer, LEFT, self.axis_names[1])
            self.width_brace = self.brace(layer, DOWN, self.axis_names[2])
            self.table = self.axis_table(self.axis_names[1:3], self.channel_shape, None)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(layer), run_time=BEAT)
            self.play(FadeIn(self.height_brace), FadeIn(self.width_brace), run_time=BEAT)
            self.play(FadeIn(self.table), run_time=BEAT)
            self.show("channel_shape", self.channel_shape)

    def stack_channels(self) -> None:
        count = plural(self.image_shape[2], "channel", "count")
        names = spoken_list(self.channel_names)
        along = "along a third axis" if len(self.channel_names) > 1 else "on a third axis"
        stacked = "stacked " + along if len(self.channel_names) > 1 else along + " of length 1"
        with self.beat(
            f"A {self.kind} has {count}, {names}, {stacked}: shape "
            f"{shape_tex(self.image_shape)}. numpy and TensorFlow put the channels last."
        ):
            block = self.picture[0]
            self.channels = self.channels_marker(block)
            table = self.axis_table(self.axis_names[1:], self.image_shape, 2)
            if len(block) > 1:  # the layers behind the first come forward
                self.play(
                    *(FadeIn(layer, shift=(DOWN + LEFT) * 0.2) for layer in block[1:]),
                    run_time=BEAT,
                )
            self.play(FadeIn(self.channels), ReplacementTransform(self.table, table), run_time=BEAT)
            self.table = table
            self.show("image_shape", self.image_shape)

    def make_a_batch(self) -> None:
        if self.shape[0] == 1:
            batch = "even a batch of 1 image gets a new first axis, of length 1, and is one"
        else:
            batch = f"{fmt(self.shape[0], 'count')} images stacked along a new first axis make one"
        with self.beat(
            f"Models learn from batches: {batch} rank-4 tensor of shape {shape_tex(self.shape)}. "
            "Every other axis moves up one."
        ):
            self.batch_brace = self.brace(self.picture, UP, self.axis_names[0])
            table = self.axis_table(self.axis_names, self.shape, 0)
            if len(self.picture) > 1:  # the other images join the first
                self.play(
                    FadeIn(self.picture[1:], shift=LEFT * 0.3),
                    Transform(self.channels, self.channels_marker(self.picture[-1])),
                    run_time=BEAT,
                )
            self.play(
                FadeIn(self.batch_brace), ReplacementTransform(self.table, table), run_time=BEAT
            )
            self.table = table
            self.show("shape", self.shape)

    def index_the_batch(self) -> None:
        k = self.pick_index
        picks = {
            f"images[{fmt(k, 'count')}]": self.images[k],
            f"images[{fmt(k, 'count')}, :, :, 0]": self.images[k, :, :, 0],
        }
        (first_code, first), (second_code, second) = picks.items()
        with self.beat(
            f"Indexing peels axes off the front: {first_code} is one whole image, shape "
            f"{shape_tex(linalg.shape_of(first))}; {second_code} is its "
            f"{self.channel_names[0]} channel, "
            f"shape {shape_tex(linalg.shape_of(second))}."
        ):
            readouts = VGroup(
                *(
                    VGroup(
                        tex(rf"\texttt{{{code}}}", color=HIGHLIGHT),
                        shape_formula(linalg.shape_of(part), color=MUTED),
                    ).arrange(RIGHT, buff=GAP)
                    for code, part in picks.items()
                )
            ).arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
            readouts.move_to(self.table)
            block = self.picture[k]
            box = style.highlight_box(block)
            self.play(FadeOut(self.table), Create(box), FadeIn(readouts[0]), run_time=BEAT)
            self.wait(QUICK)
            self.play(
                Transform(box, style.highlight_box(block[0])), FadeIn(readouts[1]), run_time=BEAT
            )
            self.show("picked_shapes", tuple(linalg.shape_of(p) for p in picks.values()))
            self.picked = VGroup(box, readouts)

    def show_summary(self) -> None:
        named = ", ".join(
            f"{name} {fmt(n, 'count')}" for name, n in zip(self.axis_names, self.shape, strict=True)
        )
        with self.beat(
            f"A batch of {self.kind.replace('image', 'images', 1)} is one rank-4 tensor: {named}. "
            "PyTorch orders the same "
            "numbers batch, channels, height, width."
        ):
            self.table = self.axis_table(self.axis_names, self.shape, None)
            self.play(FadeOut(self.picked), run_time=QUICK)
            self.play(FadeIn(self.table, shift=UP * 0.2), run_time=BEAT)
            self.show("summary_shape", self.shape)
            self.hold_poster()
