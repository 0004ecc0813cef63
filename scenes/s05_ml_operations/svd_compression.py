"""SVDCompression: An image rebuilt from its largest singular values: fewer numbers stored, a small
error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    FadeTransform,
    Group,
    ImageMobject,
    LaggedStart,
    Line,
    Rectangle,
    ReplacementTransform,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.s05_ml_operations.shared import (
    SIGMA,
    U_COLOUR,
    V_COLOUR,
    LogBarChart,
    count_tex,
    rank_k_sum,
    raster,
    spoken,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    ERROR,
    GAP,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    MIN_TEXT_SIZE,
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

IMAGE_HEIGHT = 3.9  # the original and its rebuilt copy, side by side

# -- the inputs a lecturer may choose -------------------------------------------------------


def ranks_fit(values: Mapping[str, Any]) -> bool:
    """No rank twice, and none above the image's side (a rank-k image needs k <= m, n)."""
    ks = [int(k) for k in values["ks"]]
    return len(set(ks)) == len(ks) and max(ks) <= int(values["image_size"])


def patch_fits(values: Mapping[str, Any]) -> bool:
    """The 4 x 4 block from (row, column) lies inside the image."""
    row, column = (int(v) for v in values["patch"])
    return max(row, column) + 4 <= int(values["image_size"])


def error_in_tenths_of_a_percent(values: Mapping[str, Any]) -> bool:
    """good_error is said as a percentage with one decimal: at most 3 decimals as a fraction."""
    return round(float(values["good_error"]), 3) == float(values["good_error"])


# -- the scene ------------------------------------------------------------------------------


class SVDCompression(LessonScene):
    """An image rebuilt from its largest singular triplets: few numbers stored, small error."""

    image_size = 128  # the side of lib's default image, in pixels
    ks = (1, 2, 4, 8, 16, 32, 64)  # the ranks rebuilt (played smallest first)
    spectrum_count = 96  # singular values the plot shows at least (always every kept one)
    good_error = 0.05  # the summary's "good enough": the first k whose error is below this
    patch = (76, 14)  # top-left pixel (row, column) of the 4 x 4 block shown as numbers
    slow_steps = 3  # the first steps play slowly, the rest quickly
    domain = Domain(
        image_size=Number(16, 1024, integer=True),
        ks=Vector((1, 10), 1, 1024, integer=True),
        spectrum_count=Number(1, 1024, integer=True),
        good_error=Number(0.001, 0.999, places=3),
        patch=Vector(2, 0, 1020, integer=True),
        slow_steps=Number(0, 10, integer=True),
        rules=(
            Rule(
                "must give ranks k from 1 to image_size, none twice",
                ("ks", "image_size"),
                ranks_fit,
            ),
            Rule(
                "must put the 4 x 4 block inside the image: row and column at most image_size - 4",
                ("patch", "image_size"),
                patch_fits,
            ),
            Rule(
                "must have at most 3 decimals (it is said as a percentage, 5.5%)",
                ("good_error",),
                error_in_tenths_of_a_percent,
            ),
        ),
    )

    def construct(self) -> None:
        self.pixels = linalg.default_image(int(self.image_size))  # every number, from lib
        _, self.spectrum, _ = linalg.svd(self.pixels)
        self.ranks = sorted(int(k) for k in self.ks)
        self.steps = [linalg.svd_compress(self.pixels, k) for k in self.ranks]
        self.good = next(
            (s for s in self.steps if s.relative_error < self.good_error), self.steps[-1]
        )
        self.introduce_image()
        self.the_decomposition()
        self.count_the_cost()
        self.show_spectrum()
        self.rebuild_step_by_step()
        self.show_summary()

    # -- pacing and layout ----------------------------------------------------------------

    def place_image(self, image: ImageMobject, slot: int) -> ImageMobject:
        """Put ``image`` in the original's slot (0) or the approximation's (1), under a caption."""
        image.next_to(self.heading, DOWN, buff=self.caption_room)
        if slot == 0:
            image.to_edge(LEFT, buff=MARGIN)
        else:
            image.next_to(self.original, RIGHT, buff=GAP * 0.6)
        return image

    def caption_over(self, caption: VGroup, image: ImageMobject) -> VGroup:
        """``caption`` centred over ``image``, no wider than it."""
        style.fit_width(caption, image.width)
        return caption.next_to(image, UP, buff=BUFF * 0.6)

    def name_original(self) -> VGroup:
        """``A  original, m × n`` over the original; without the size when that is too wide."""
        m, n = self.pixels.shape
        for words in (f"original, {fmt(m, 'count')} × {fmt(n, 'count')}", "original"):
            caption = VGroup(
                tex("A", size=BODY_SIZE + 6), text(words, size=CAPTION_SIZE, color=MUTED)
            ).arrange(RIGHT, buff=BUFF)
            if caption.width * MIN_TEXT_SIZE / CAPTION_SIZE <= self.original.width:
                break
        return caption

    def rank_caption(self, k: int, image: ImageMobject) -> VGroup:
        """``A_k`` as a sum over ``image``: written out, or with a sigma when that is too wide."""
        caption = rank_k_sum(k)
        if caption.width * MIN_TEXT_SIZE / CAPTION_SIZE > image.width:
            caption = rank_k_sum(k, summed=True)
        return self.caption_over(caption, image)

    def readout_values(self, step: linalg.SVDCompression) -> VGroup:
        """The three numbers of one step: k, the stored count of the original's, the error."""
        over = step.stored_values > step.original_values
        return VGroup(
            tex(rf"k = {num(step.k, 'count')}", color=SIGMA),
            tex(
                rf"{count_tex(step.stored_values)} \text{{ of }} "
                rf"{count_tex(step.original_values)}",
                rf"\;({fmt(step.storage_fraction, 'ratio')})",
                color=RESULT,
            ).set_color_by_tex(r"\%", ERROR if over else RESULT),
            tex(fmt(step.relative_error, "error")),
        )

    def record(self, step: linalg.SVDCompression, prefix: str = "") -> None:
        """Record the numbers of ``step`` that are on screen now."""
        self.show(f"{prefix}k_{step.k}", step.k)
        self.show(f"{prefix}stored_{step.k}", step.stored_values)
        self.show(f"{prefix}original_{step.k}", step.original_values)
        self.show(f"{prefix}fraction_{step.k}", step.storage_fraction)
        self.show(f"{prefix}error_{step.k}", step.relative_error)

    # -- beats --------------------------------------------------------------------------

    def introduce_image(self) -> None:
        m, n = self.pixels.shape
        total = m * n
        with self.beat(
            f"A greyscale image is a matrix: {m} by {n} grey levels, 0 for black and 1 for "
            f"white. That is {spoken(count_tex(total))} numbers. How few can we store and "
            "still see the picture?"
        ):
            self.heading = style.title("Compressing an image with the SVD")
            self.caption_room = BUFF * 1.4 + 0.42
            self.original = self.place_image(raster(self.pixels, IMAGE_HEIGHT), 0)
            self.original_caption = self.caption_over(self.name_original(), self.original)
            self.play(FadeIn(self.heading), FadeIn(self.original), run_time=BEAT * 1.5)
            self.play(FadeIn(self.original_caption, shift=DOWN * 0.1), run_time=QUICK)
            self.show("shape", (m, n))

            row, col = (int(v) for v in self.patch)
            block = self.pixels[row : row + 4, col : col + 4]
            pixel = self.original.height / m
            corner = self.original.get_corner(UP + LEFT) + np.array([col * pixel, -row * pixel, 0])
            box = Rectangle(
                width=4 * pixel, height=4 * pixel, stroke_color=HIGHLIGHT, stroke_width=3
            ).move_to(corner, aligned_edge=UP + LEFT)
            values = style.matrix(block, "entry", size=LABEL_SIZE + 2, h_buff=1.0, v_buff=0.55)
            count = tex(
                rf"m \times n = {num(m, 'count')} \times {num(n, 'count')} "
                rf"= {count_tex(total)} \text{{ numbers}}"
            )
            scale = text("grey levels: 0 is black, 1 is white", size=CAPTION_SIZE, color=MUTED)
            numbers = VGroup(values, scale, count).arrange(DOWN, aligned_edge=LEFT, buff=GAP)
            numbers.next_to(self.original, RIGHT, buff=GAP * 1.6)
            link = Line(box.get_right(), values.get_left(), color=HIGHLIGHT, stroke_width=2)
            self.play(Create(box), run_time=QUICK)
            self.play(Create(link), FadeIn(values), run_time=BEAT)
            self.play(FadeIn(scale), run_time=QUICK)
            self.show("patch", tuple(tuple(float(v) for v in r) for r in block))
            self.play(Write(count), run_time=BEAT)
            self.show("original_values", total)
        self.play(FadeOut(VGroup(box, link, numbers)), run_time=QUICK)

    def the_decomposition(self) -> None:
        s = self.spectrum
        with self.beat(
            "The SVD writes A as a sum of rank-one pieces, each a column u times a row v, "
            f"scaled by a singular value sigma, largest first: {fmt(s[0])}, {fmt(s[1])}, "
            f"{fmt(s[2])}, ..."
        ):
            parts = ["A", "=", "U", r"\Sigma", "V^T", "="]
            for i in (1, 2, 3):
                parts += [rf"\sigma_{i}", f"u_{i}", f"v_{i}^T", "+"]
            formula = tex(*parts, r"\cdots")
            formula[2].set_color(U_COLOUR)
            formula[3].set_color(SIGMA)
            formula[4].set_color(V_COLOUR)
            sigmas = [formula[6 + 4 * i] for i in range(3)]
            for i, sigma in enumerate(sigmas):
                sigma.set_color(SIGMA)
                formula[7 + 4 * i].set_color(U_COLOUR)
                formula[8 + 4 * i].set_color(V_COLOUR)
            right_edge = config.frame_width / 2 - MARGIN
            style.fit_width(formula, right_edge - self.original.get_right()[0] - GAP * 2)
            formula.next_to(self.original, RIGHT, buff=GAP * 1.6)
            formula.align_to(self.original, UP).shift(DOWN * GAP)
            sigma_values = VGroup(
                *(
                    tex(num(s[i]), size=LABEL_SIZE + 2, color=SIGMA).next_to(
                        sigma, DOWN, buff=BUFF * 1.6
                    )
                    for i, sigma in enumerate(sigmas)
                )
            )
            self.play(Write(formula[:5]), run_time=BEAT)
            self.play(Write(formula[5:]), run_time=BEAT * 1.5)
            self.play(FadeIn(sigma_values, shift=UP * 0.1), run_time=BEAT)
            self.show("sigmas", tuple(float(v) for v in s[:3]))
        self.formula = formula
        self.sigma_values = sigma_values

    def count_the_cost(self) -> None:
        m, n = self.pixels.shape
        first = self.steps[0]
        per_term = first.stored_values // first.k
        with self.beat(
            f"Keeping k pieces stores k columns u, k rows v and k sigmas: {per_term} k numbers "
            f"instead of {spoken(count_tex(m * n))}."
        ):
            keep = text("keep the first k pieces:", size=CAPTION_SIZE, color=MUTED)
            cost = tex(
                r"k\,m",
                "+",
                r"k\,n",
                "+",
                "k",
                "=",
                rf"k\,({num(m, 'count')} + {num(n, 'count')} + 1)",
                "=",
                rf"{num(per_term, 'count')}\,k",
            )
            cost[0].set_color(U_COLOUR)
            cost[2].set_color(V_COLOUR)
            cost[4].set_color(SIGMA)
            cost[-1].set_color(RESULT)
            storage = VGroup(keep, cost).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            storage.next_to(self.sigma_values, DOWN, buff=GAP * 1.6)
            storage.align_to(self.formula, LEFT)
            self.play(FadeIn(keep), run_time=QUICK)
            self.play(Write(cost), run_time=BEAT * 1.5)
            self.show("per_term", per_term)
        self.play(FadeOut(VGroup(self.formula, self.sigma_values, storage)), run_time=QUICK)

    def show_spectrum(self) -> None:
        s = self.spectrum
        shown = min(len(s), max(int(self.spectrum_count), self.ranks[-1]))
        values = tuple(float(v) for v in s[:shown])
        below_one = next((i + 1 for i, v in enumerate(values) if v < 1), None)
        if below_one:
            said = (
                f"On a log scale the singular values fall fast: sigma 1 is {fmt(s[0])}, and "
                f"from number {below_one} on they are below 1."
            )
        elif shown > 1:
            said = (
                f"On a log scale the singular values fall: sigma 1 is {fmt(s[0])}, sigma "
                f"{shown} is {fmt(values[-1])}."
            )
        else:
            said = f"On a log scale, the largest singular value: sigma 1 is {fmt(s[0])}."
        with self.beat(f"{said} The sigmas we drop decide the error."):
            self.chart = LogBarChart(values, width=3.9, height=3.3)
            # The caption may reach left of the chart, up to a gap short of the second image;
            # too long for that at a legible size, it takes two lines and the chart moves down.
            slot_right = self.original.get_right()[0] + GAP * 0.6 + self.original.width
            room = config.frame_width / 2 - MARGIN - slot_right - GAP
            words = ("singular values", f"({fmt(shown, 'count')} of {fmt(len(s), 'count')})")
            self.chart_caption = text(" ".join(words), size=CAPTION_SIZE - 2, color=MUTED)
            if self.chart_caption.width * MIN_TEXT_SIZE / (CAPTION_SIZE - 2) > room:
                self.chart_caption = VGroup(
                    *(text(line, size=CAPTION_SIZE - 2, color=MUTED) for line in words)
                ).arrange(DOWN, aligned_edge=RIGHT, buff=BUFF * 0.4)
            style.fit_width(self.chart_caption, room)
            above = max(self.caption_room, self.chart_caption.height + BUFF * 0.6 + 0.32)
            self.chart.next_to(self.heading, DOWN, buff=above)
            self.chart.to_edge(RIGHT, buff=MARGIN)
            self.chart_caption.next_to(self.chart, UP, buff=BUFF * 0.6)
            self.chart_caption.align_to(self.chart, RIGHT)
            first_label = tex(rf"\sigma_1 = {num(s[0])}", size=LABEL_SIZE + 2, color=SIGMA)
            first_label.next_to(self.chart.top_of(1), RIGHT, buff=BUFF * 2)
            if first_label.get_right()[0] > self.chart.get_right()[0]:  # one bar, at the end
                first_label.next_to(self.chart.top_of(1), LEFT, buff=BUFF * 2)
            self.play(
                FadeIn(self.chart_caption),
                Create(self.chart.axes),
                FadeIn(self.chart.y_ticks),
                FadeIn(self.chart.x_ticks),
                run_time=BEAT,
            )
            self.play(
                LaggedStart(*(Create(bar) for bar in self.chart.bars), lag_ratio=0.03),
                run_time=BEAT * 1.5,
            )
            self.play(FadeIn(first_label), run_time=QUICK)
            self.show("spectrum", values)
            self.error_formula = tex(
                r"\text{error} = \frac{\|A - A_k\|_F}{\|A\|_F}",
                "=",
                r"\sqrt{\frac{\sigma_{k+1}^2 + \cdots + \sigma_r^2}"
                r"{\sigma_1^2 + \cdots + \sigma_r^2}}",
                size=BODY_SIZE - 4,
            )
            self.error_formula[2].set_color(SIGMA)
            style.fit_width(self.error_formula, self.chart.width)
            self.error_formula.next_to(self.chart, DOWN, buff=GAP)
            self.error_formula.align_to(self.chart, RIGHT)
            self.play(Write(self.error_formula), run_time=BEAT * 1.5)
            self.first_label = first_label

    def rebuild_step_by_step(self) -> None:
        for index, step in enumerate(self.steps):
            self.rebuild(step, slow=index < self.slow_steps, first=index == 0)

    def narrate_step(self, step: linalg.SVDCompression) -> str:
        stored = spoken(count_tex(step.stored_values))
        fraction = spoken(fmt(step.storage_fraction, "ratio"))
        error = spoken(fmt(step.relative_error, "error"))
        said = f"k = {step.k}: {stored} numbers ({fraction}), error {error}."
        if step.k == 1:
            said += " A rank-one image repeats one row pattern, brighter or darker: only stripes."
        elif step is self.good and step.relative_error < self.good_error:
            good = spoken(fmt(self.good_error, "error"))
            said += f" Already below {good}: close to the original."
        index = self.steps.index(step)
        if step.stored_values > step.original_values:
            earlier = index > 0 and self.steps[index - 1].stored_values > step.original_values
            said += (
                " Still more numbers than the pixels."
                if earlier
                else " Now the pieces need more numbers than the pixels themselves."
            )
        return said

    def rebuild(self, step: linalg.SVDCompression, *, slow: bool, first: bool) -> None:
        with self.beat(self.narrate_step(step)):
            image = self.place_image(raster(step.approximation, IMAGE_HEIGHT), 1)
            caption = self.rank_caption(step.k, image)
            values = self.readout_values(step)
            region = self.chart.kept_region(step.k)
            run_time = BEAT if slow else QUICK
            if first:
                self.readout_names = VGroup(
                    text("kept", size=CAPTION_SIZE, color=MUTED),
                    text("stored numbers", size=CAPTION_SIZE, color=MUTED),
                    text("relative error", size=CAPTION_SIZE, color=MUTED),
                )
                self.place_readouts(self.readout_names, values)
                self.play(
                    FadeIn(image),
                    FadeIn(caption),
                    FadeIn(self.readout_names),
                    FadeIn(values),
                    FadeIn(region),
                    *self.chart.colour_kept(step.k),
                    run_time=run_time,
                )
            else:
                self.place_readouts(self.readout_names, values)
                self.play(
                    FadeIn(image),
                    FadeTransform(self.approximation_caption, caption),
                    *(
                        FadeTransform(old, new)
                        for old, new in zip(self.readouts, values, strict=True)
                    ),
                    ReplacementTransform(self.region, region),
                    *self.chart.colour_kept(step.k),
                    run_time=run_time,
                )
                self.remove(self.approximation)  # the new image faded in over it
            self.approximation = image
            self.approximation_caption = caption
            self.readouts = values
            self.region = region
            self.record(step)
            self.wait(PAUSE if slow else QUICK)

    def place_readouts(self, names: VGroup, values: VGroup) -> None:
        """Names in a column under the original, values in a column beside them, rows evenly."""
        pitch = 0.55
        top = self.original.get_bottom()[1] - BUFF * 1.4 - pitch / 2
        values_x = self.original.get_left()[0] + max(name.width for name in names) + GAP
        room = self.original.get_right()[0] + GAP * 0.6 + self.original.width - values_x
        for i, (name, value) in enumerate(zip(names, values, strict=True)):
            y = top - i * pitch
            name.move_to([self.original.get_left()[0], y, 0], aligned_edge=LEFT)
            style.fit_width(value, room)  # under the two images, clear of the chart
            value.move_to([values_x, y, 0], aligned_edge=LEFT)

    def summary_steps(self) -> list[linalg.SVDCompression]:
        """Up to four steps spread over the ks, always including the good one."""
        if len(self.steps) <= 4:
            return list(self.steps)
        picks = {round(i * (len(self.steps) - 1) / 3) for i in range(4)}
        chosen = [self.steps[i] for i in sorted(picks)]
        if self.good not in chosen:  # in place of the nearest, keeping the first and last
            nearest = min(chosen[1:-1], key=lambda s: abs(s.k - self.good.k))
            chosen[chosen.index(nearest)] = self.good
        return sorted(chosen, key=lambda s: s.k)

    def show_summary(self) -> None:
        good = self.good
        error = spoken(fmt(good.relative_error, "error"))
        fraction = spoken(fmt(good.storage_fraction, "ratio"))
        pieces = "1 piece gives" if good.k == 1 else f"{good.k} pieces give"
        trade = f"{pieces} {error} error from {fraction} of the numbers"
        if good.relative_error < self.good_error:
            opening = f"The trade-off: {trade}."
        else:
            goal = spoken(fmt(self.good_error, "error"))
            opening = f"None of these ranks brings the error below {goal}; {trade}."
        narration = (
            f"{opening} The large singular values carry the picture; the small ones only fine "
            "detail."
        )
        with self.beat(narration):
            self.play(
                FadeOut(
                    Group(
                        self.original,
                        self.original_caption,
                        self.approximation,
                        self.approximation_caption,
                        self.readout_names,
                        self.readouts,
                        self.error_formula,
                        self.first_label,
                        self.chart_caption,
                    )
                ),
                run_time=QUICK,
            )
            grid, good_column = self.thumbnail_grid()
            chart = LogBarChart(self.numbers["spectrum"], width=6.8, height=1.9)
            chart.to_corner(LEFT + DOWN, buff=MARGIN)
            chart.bars.set_stroke(color=MUTED)
            chart.bars[: good.k].set_stroke(color=SIGMA)
            region = chart.kept_region(good.k)
            takeaway = VGroup(
                tex(rf"k = {num(good.k, 'count')}", color=SIGMA),
                tex(
                    rf"{count_tex(good.stored_values)} \text{{ of }} "
                    rf"{count_tex(good.original_values)} \text{{ numbers}}",
                    color=RESULT,
                ),
                tex(rf"\text{{relative error }} {fmt(good.relative_error, 'error')}"),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            style.fit_width(
                takeaway, config.frame_width / 2 - MARGIN - chart.get_right()[0] - GAP * 1.4
            )
            takeaway.next_to(chart, RIGHT, buff=GAP * 1.4).align_to(chart, UP)
            box = style.highlight_box(good_column, color=RESULT, buff=BUFF * 0.6)
            self.play(
                ReplacementTransform(VGroup(self.chart, self.region), VGroup(chart, region)),
                run_time=BEAT,
            )
            self.play(
                LaggedStart(*(FadeIn(part, shift=UP * 0.1) for part in grid), lag_ratio=0.15),
                run_time=BEAT * 1.5,
            )
            self.play(Create(box), FadeIn(takeaway), run_time=BEAT)
            self.record(good, prefix="summary_")
            self.hold_poster()

    def thumbnail_grid(self) -> tuple[Group, Group]:
        """The original and a few rank-k images in a row, each with its storage and error.

        Returns the grid (row names, then one column per image) and the good step's column.
        """
        chosen = self.summary_steps()
        height = 2.0
        pitch = 0.5
        names = VGroup(
            text("stored", size=CAPTION_SIZE, color=MUTED),
            text("error", size=CAPTION_SIZE, color=MUTED),
        )
        columns = [
            (
                text("original", size=CAPTION_SIZE, color=MUTED),
                raster(self.pixels, height),
                tex(fmt(1.0, "ratio"), size=CAPTION_SIZE),
                tex(fmt(0.0, "error"), size=CAPTION_SIZE),
            )
        ]
        for step in chosen:
            over = step.stored_values > step.original_values
            columns.append(
                (
                    tex(rf"k = {num(step.k, 'count')}", size=CAPTION_SIZE, color=SIGMA),
                    raster(step.approximation, height),
                    tex(
                        fmt(step.storage_fraction, "ratio"),
                        size=CAPTION_SIZE,
                        color=ERROR if over else RESULT,
                    ),
                    tex(fmt(step.relative_error, "error"), size=CAPTION_SIZE),
                )
            )
        images = Group(*(column[1] for column in columns)).arrange(RIGHT, buff=GAP * 0.9)
        images.next_to(self.heading, DOWN, buff=self.caption_room)
        images.to_edge(RIGHT, buff=MARGIN)
        names_width = max(name.width for name in names) + GAP * 0.6
        spare = images.get_left()[0] - names_width - (MARGIN - config.frame_width / 2)
        if spare > GAP:  # a short row sits in the middle, its names beside it
            images.shift(LEFT * spare / 2)
        for i, name in enumerate(names):
            y = images.get_bottom()[1] - BUFF - pitch / 2 - i * pitch
            name.move_to([images.get_left()[0] - GAP * 0.6, y, 0], aligned_edge=RIGHT)
        header_y = images.get_top()[1] + BUFF * 0.6 + pitch / 2
        for header, image, stored, error in columns:
            header.move_to([image.get_x(), header_y, 0])
            stored.move_to([image.get_x(), names[0].get_y(), 0])
            error.move_to([image.get_x(), names[1].get_y(), 0])
        for step in chosen:
            self.record(step, prefix="thumbnail_")
        grid = Group(names, *(Group(*column) for column in columns))
        return grid, grid[2 + chosen.index(self.good)] if self.good in chosen else grid[-1]
