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
    record_compression,
    spoken,
    storage_colour,
    stored_of_original,
    truncation_error,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    muted,
    num,
    tex,
)

IMAGE_HEIGHT = 3.9  # the original and its rebuilt copy, side by side
CAPTION_ROOM = BUFF * 1.4 + 0.42  # between the heading and an image: room for its caption
RIGHT_EDGE = config.frame_width / 2 - MARGIN  # of the safe area


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
        self.steps = [linalg.svd_compress(self.pixels, k) for k in sorted(int(k) for k in self.ks)]
        self.good = next(
            (s for s in self.steps if s.relative_error < self.good_error), self.steps[-1]
        )
        self.introduce_image()
        self.the_decomposition()
        self.count_the_cost()
        self.show_spectrum()
        self.rebuild_step_by_step()
        self.show_summary()

    def introduce_image(self) -> None:
        m, n = self.pixels.shape
        total = m * n
        with self.beat(
            f"A greyscale image is a matrix: {m} by {n} grey levels, 0 for black and 1 for "
            f"white. That is {spoken(count_tex(total))} numbers. How few can we store and "
            "still see the picture?"
        ):
            self.heading = style.title("Compressing an image with the SVD")
            self.original = raster(self.pixels, IMAGE_HEIGHT)
            self.original.next_to(self.heading, DOWN, buff=CAPTION_ROOM).to_edge(LEFT, buff=MARGIN)
            # the right edge of the rebuilt image, which comes beside the original
            self.images_right = self.original.get_right()[0] + GAP * 0.6 + self.original.width
            for words in (f"original, {fmt(m, 'count')} × {fmt(n, 'count')}", "original"):
                name = VGroup(tex("A", size=BODY_SIZE + 6), muted(words)).arrange(RIGHT, buff=BUFF)
                if style.legible(name, self.original.width):  # else without the size
                    break
            self.original_caption = style.caption_over(name, self.original)
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
            scale = muted("grey levels: 0 is black, 1 is white")
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
            terms = [t for i in (1, 2, 3) for t in (rf"\sigma_{i}", f"u_{i}", f"v_{i}^T", "+")]
            self.formula = tex("A", "=", "U", r"\Sigma", "V^T", "=", *terms, r"\cdots")
            for part in self.formula:  # Sigma and sigma, U and u, V and v in their colours
                for head, colour in ((r"\sigma", SIGMA), ("u", U_COLOUR), ("v", V_COLOUR)):
                    if part.tex_string.lower().startswith(head):
                        part.set_color(colour)
            style.fit_width(self.formula, RIGHT_EDGE - self.original.get_right()[0] - GAP * 2)
            self.formula.next_to(self.original, RIGHT, buff=GAP * 1.6)
            self.formula.align_to(self.original, UP).shift(DOWN * GAP)
            sigmas = VGroup(*(tex(num(v), size=LABEL_SIZE + 2, color=SIGMA) for v in s[:3]))
            for value, sigma in zip(sigmas, self.formula[6:18:4], strict=True):
                value.next_to(sigma, DOWN, buff=BUFF * 1.6)
            self.play(Write(self.formula[:5]), run_time=BEAT)
            self.play(Write(self.formula[5:]), run_time=BEAT * 1.5)
            self.play(FadeIn(sigmas, shift=UP * 0.1), run_time=BEAT)
            self.show("sigmas", tuple(float(v) for v in s[:3]))
        self.sigma_values = sigmas

    def count_the_cost(self) -> None:
        m, n = self.pixels.shape
        per_term = self.steps[0].stored_values // self.steps[0].k
        with self.beat(
            f"Keeping k pieces stores k columns u, k rows v and k sigmas: {per_term} k numbers "
            f"instead of {spoken(count_tex(m * n))}."
        ):
            keep = muted("keep the first k pieces:")
            sizes = rf"k\,({num(m, 'count')} + {num(n, 'count')} + 1)"
            cost = tex(
                r"k\,m", "+", r"k\,n", "+", "k", "=", sizes, "=", rf"{num(per_term, 'count')}\,k"
            )
            for i, colour in ((0, U_COLOUR), (2, V_COLOUR), (4, SIGMA), (-1, RESULT)):
                cost[i].set_color(colour)
            storage = VGroup(keep, cost).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            storage.next_to(self.sigma_values, DOWN, buff=GAP * 1.6).align_to(self.formula, LEFT)
            self.play(FadeIn(keep), run_time=QUICK)
            self.play(Write(cost), run_time=BEAT * 1.5)
            self.show("per_term", per_term)
        self.play(FadeOut(VGroup(self.formula, self.sigma_values, storage)), run_time=QUICK)

    def show_spectrum(self) -> None:
        s = self.spectrum
        shown = min(len(s), max(int(self.spectrum_count), self.steps[-1].k))
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
            self.chart = chart = LogBarChart(values, width=3.9, height=3.3)
            # The caption may reach left of the chart, up to a gap short of the second image;
            # too long for that at a legible size, it takes two lines and the chart moves down.
            room = RIGHT_EDGE - self.images_right - GAP
            words = ("singular values", f"({fmt(shown, 'count')} of {fmt(len(s), 'count')})")
            caption = muted(" ".join(words), CAPTION_SIZE - 2)
            if not style.legible(caption, room, CAPTION_SIZE - 2):
                caption = VGroup(*(muted(line, CAPTION_SIZE - 2) for line in words))
                caption.arrange(DOWN, aligned_edge=RIGHT, buff=BUFF * 0.4)
            style.fit_width(caption, room)
            above = max(CAPTION_ROOM, caption.height + BUFF * 0.6 + 0.32)
            chart.next_to(self.heading, DOWN, buff=above).to_edge(RIGHT, buff=MARGIN)
            caption.next_to(chart, UP, buff=BUFF * 0.6).align_to(chart, RIGHT)
            first_label = tex(rf"\sigma_1 = {num(s[0])}", size=LABEL_SIZE + 2, color=SIGMA)
            first_label.next_to(chart.top_of(1), RIGHT, buff=BUFF * 2)
            if first_label.get_right()[0] > chart.get_right()[0]:  # one bar, at the end
                first_label.next_to(chart.top_of(1), LEFT, buff=BUFF * 2)
            self.play(
                FadeIn(caption),
                Create(chart.axes),
                FadeIn(chart.y_ticks),
                FadeIn(chart.x_ticks),
                run_time=BEAT,
            )
            bars = LaggedStart(*(Create(bar) for bar in chart.bars), lag_ratio=0.03)
            self.play(bars, run_time=BEAT * 1.5)
            self.play(FadeIn(first_label), run_time=QUICK)
            self.show("spectrum", values)
            error_formula = truncation_error(size=BODY_SIZE - 4)
            style.fit_width(error_formula, chart.width)
            error_formula.next_to(chart, DOWN, buff=GAP).align_to(chart, RIGHT)
            self.play(Write(error_formula), run_time=BEAT * 1.5)
        self.spectrum_notes = (error_formula, first_label, caption)

    def narrate_step(self, step: linalg.SVDCompression) -> str:
        stored = spoken(count_tex(step.stored_values))
        fraction = spoken(fmt(step.storage_fraction, "ratio"))
        error = spoken(fmt(step.relative_error, "error"))
        said = f"k = {step.k}: {stored} numbers ({fraction}), error {error}."
        if step.k == 1:
            said += " A rank-one image repeats one row pattern, brighter or darker: only stripes."
        elif step is self.good and step.relative_error < self.good_error:
            goal = spoken(fmt(self.good_error, "error"))
            said += f" Already below {goal}: close to the original."
        if step.stored_values > step.original_values:
            index = self.steps.index(step)
            if index > 0 and self.steps[index - 1].stored_values > step.original_values:
                return said + " Still more numbers than the pixels."
            said += " Now the pieces need more numbers than the pixels themselves."
        return said

    def rebuild_step_by_step(self) -> None:
        words = ("kept", "stored numbers", "relative error")
        names = self.readout_names = VGroup(*(muted(word) for word in words))
        for index, step in enumerate(self.steps):
            with self.beat(self.narrate_step(step)):
                image = raster(step.approximation, IMAGE_HEIGHT)
                image.next_to(self.heading, DOWN, buff=CAPTION_ROOM)
                image.next_to(self.original, RIGHT, buff=GAP * 0.6)
                caption = rank_k_sum(step.k)  # written out, or with a sigma when that is too wide
                if not style.legible(caption, image.width):
                    caption = rank_k_sum(step.k, summed=True)
                style.caption_over(caption, image)
                fraction = rf"\;({fmt(step.storage_fraction, 'ratio')})"
                stored = tex(stored_of_original(step), fraction, color=RESULT)
                stored.set_color_by_tex(r"\%", storage_colour(step))
                kept = tex(rf"k = {num(step.k, 'count')}", color=SIGMA)
                values = VGroup(kept, stored, tex(fmt(step.relative_error, "error")))
                style.rows_under(self.original, self.readout_names, values, right=self.images_right)
                region = self.chart.kept_region(step.k)
                if index == 0:
                    changes = [FadeIn(caption), FadeIn(names), FadeIn(values), FadeIn(region)]
                else:
                    changes = [
                        FadeTransform(self.approximation_caption, caption),
                        *map(FadeTransform, self.readouts, values),
                        ReplacementTransform(self.region, region),
                    ]
                slow = index < self.slow_steps
                kept_bars = self.chart.colour_kept(step.k)
                self.play(FadeIn(image), *changes, *kept_bars, run_time=BEAT if slow else QUICK)
                if index > 0:
                    self.remove(self.approximation)  # the new image faded in over it
                self.approximation, self.approximation_caption = image, caption
                self.readouts, self.region = values, region
                record_compression(self, step)
                self.wait(style.PAUSE if slow else QUICK)

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
        said = f"The trade-off: {trade}."
        if good.relative_error >= self.good_error:
            goal = spoken(fmt(self.good_error, "error"))
            said = f"None of these ranks brings the error below {goal}; {trade}."
        said += " The large singular values carry the picture; the small ones only fine detail."
        with self.beat(said):
            leaving = [self.original, self.original_caption, self.approximation]
            leaving += [self.approximation_caption, self.readout_names, self.readouts]
            self.play(FadeOut(Group(*leaving, *self.spectrum_notes)), run_time=QUICK)
            grid, good_column = self.thumbnail_grid()
            chart = LogBarChart(self.numbers["spectrum"], width=6.8, height=1.9)
            chart.to_corner(LEFT + DOWN, buff=MARGIN)
            chart.bars[: good.k].set_stroke(color=SIGMA)
            region = chart.kept_region(good.k)
            takeaway = VGroup(
                tex(rf"k = {num(good.k, 'count')}", color=SIGMA),
                tex(stored_of_original(good) + r" \text{ numbers}", color=RESULT),
                tex(rf"\text{{relative error }} {fmt(good.relative_error, 'error')}"),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
            style.fit_width(takeaway, RIGHT_EDGE - chart.get_right()[0] - GAP * 1.4)
            takeaway.next_to(chart, RIGHT, buff=GAP * 1.4).align_to(chart, UP)
            box = style.highlight_box(good_column, color=RESULT, buff=BUFF * 0.6)
            old_chart, new_chart = VGroup(self.chart, self.region), VGroup(chart, region)
            self.play(ReplacementTransform(old_chart, new_chart), run_time=BEAT)
            fade_in = (FadeIn(part, shift=UP * 0.1) for part in grid)
            self.play(LaggedStart(*fade_in, lag_ratio=0.15), run_time=BEAT * 1.5)
            self.play(Create(box), FadeIn(takeaway), run_time=BEAT)
            record_compression(self, good, prefix="summary_")
            self.hold_poster()

    def thumbnail_grid(self) -> tuple[Group, Group]:
        """The original and a few rank-k images in a row, with storage and error under each.

        Returns the grid (row names, then one column per image) and the good step's column.
        """
        chosen = self.summary_steps()
        names = VGroup(muted("stored"), muted("error"))
        cells = [(muted("original"), self.pixels, 1.0, 0.0, style.TEXT)]
        for step in chosen:
            header = tex(rf"k = {num(step.k, 'count')}", size=CAPTION_SIZE, color=SIGMA)
            fraction, error = step.storage_fraction, step.relative_error
            cells.append((header, step.approximation, fraction, error, storage_colour(step)))
        columns = [
            (
                header,
                raster(pixels, 2.0),
                tex(fmt(fraction, "ratio"), size=CAPTION_SIZE, color=colour),
                tex(fmt(error, "error"), size=CAPTION_SIZE),
            )
            for header, pixels, fraction, error, colour in cells
        ]
        grid = style.thumbnail_grid(columns, names, below=self.heading, buff=CAPTION_ROOM)
        for step in chosen:
            record_compression(self, step, prefix="thumbnail_")
        return grid, grid[2 + chosen.index(self.good)]
