"""DotProduct: Multiply matching components and add; the same number is |u| |v| cos(theta), the
length of v times u's projection on it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Angle,
    Arrow,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    Line,
    Mobject,
    ReplacementTransform,
    RightAngle,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Rule, Vector
from scenes.s02_tensor_operations.shared import code, place_clear, product_tex
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    factor,
    fmt,
    fmt_vector,
    num,
    tex,
)


def window(values: Sequence[float], step: float) -> tuple[float, float, float]:
    """An axis range on the grid of ``step``: one step beyond the smallest and largest of
    ``values`` and 0, and at least four steps long, so that a flat picture keeps some height."""
    low = math.floor(min(0.0, *values) / step + 1e-9) - 1
    high = math.ceil(max(0.0, *values) / step - 1e-9) + 1
    for k in range(max(0, 4 - (high - low))):  # widen by turns: up, then down
        high, low = (high + 1, low) if k % 2 == 0 else (high, low - 1)
    return (round(low * step, 10), round(high * step, 10), step)


def numbered_lines(axis_range: Sequence[float]) -> list[float]:
    """The grid lines of ``(low, high, step)`` where a plane's tick numbers go: strictly
    inside and without 0, at even multiples of the step, or at every line when that would
    leave fewer than two numbers to read the axis by."""
    low, high, step = axis_range
    for stride in (2 * step, step):
        first, last = math.ceil(low / stride - 1e-9), math.floor(high / stride + 1e-9)
        values = (round(k * stride, 10) for k in range(first, last + 1) if k)
        lines = [t for t in values if low < t < high]
        if len(lines) >= 2:
            break
    return lines


#: The left side of every formula for the dot product, as TeX parts.
U_DOT_V = ("u", r"\cdot", "v", "=")

#: The shortest vector the lesson takes, and how many times longer than the other one may be.
SHORTEST = 0.5
LONGEST_RATIO = 10


def lengths_ratio(u: Sequence[float], v: Sequence[float]) -> float:
    """How many times longer the longer of ``u`` and ``v`` is than the shorter."""
    lengths = sorted((linalg.l2_norm(u), linalg.l2_norm(v)))
    return lengths[1] / lengths[0]


class DotProduct(LessonScene):
    """Multiply the pairs and add; geometrically |u| |v| cos(theta), and u's shadow on v."""

    u = (2.0, 3.0)
    v = (4.0, 1.0)
    domain = Domain(
        u=Vector(2, -9.99, 9.99, nonzero=True),
        v=Vector(2, -9.99, 9.99, nonzero=True),
        rules=(
            Rule(
                f"must each be at least {SHORTEST} long: the lengths, the cosine and the "
                "shadow of shorter vectors round away at two decimals",
                ("u", "v"),
                lambda v: min(linalg.l2_norm(v["u"]), linalg.l2_norm(v["v"])) >= SHORTEST,
            ),
            Rule(
                f"must be within {LONGEST_RATIO} times each other's length, so that both "
                "arrows show on one plane",
                ("u", "v"),
                lambda v: lengths_ratio(v["u"], v["v"]) <= LONGEST_RATIO,
            ),
        ),
    )

    def construct(self) -> None:
        self.steps = linalg.dot_steps(self.u, self.v)  # every number, from lib, up front
        self.multiply_pairs_and_add()
        self.draw_the_vectors()
        self.measure_the_angle()
        self.project_u_onto_v()
        self.show_summary()

    # -- layout -------------------------------------------------------------------------

    def build_plane(self) -> None:
        """A plane on one grid that holds u, v, u's shadow on v and the origin, with room."""
        s = self.steps
        xs, ys = zip(s.u[:2], s.v[:2], s.projection[:2], strict=True)
        span = max(max(0.0, *xs) - min(0.0, *xs), max(0.0, *ys) - min(0.0, *ys))
        step = style.nice_step(span)
        self.x_range, self.y_range = window(xs, step), window(ys, step)
        x_span, y_span = (high - low for low, high, _ in (self.x_range, self.y_range))
        unit = min(6.2 / x_span, 5.9 / y_span)
        width, height = x_span * unit, y_span * unit
        self.grid = style.plane(self.x_range, self.y_range, width=width, height=height)
        ticks = [style.tick_labels(numbered_lines(r)) for r in (self.x_range, self.y_range)]
        self.grid.add_coordinates(*ticks)
        self.grid.to_corner(LEFT + DOWN, buff=MARGIN)

    def build_picture(self) -> None:
        """The plane and everything the picture will show on it, each label clear of the rest;
        tick numbers that any of it would cover are dropped before the plane is drawn."""
        s = self.steps
        self.build_plane()
        origin = self.point((0, 0))
        self.arrow_u = style.labelled_vector(self.grid, s.u, "u", color=INPUT)
        self.arrow_v = style.labelled_vector(self.grid, s.v, "v", color=INPUT_2)
        (arrow_u, name_u), (arrow_v, name_v) = self.arrow_u, self.arrow_v
        place_clear(name_v, arrow_v.get_end(), arrow_v.get_unit_vector(), [arrow_u, arrow_v])
        place_clear(
            name_u, arrow_u.get_end(), arrow_u.get_unit_vector(), [arrow_u, arrow_v, name_v]
        )
        along_u, along_v = Line(origin, self.point(s.u)), Line(origin, self.point(s.v))
        (vx, vy), (ux, uy) = along_v.get_unit_vector()[:2], along_u.get_unit_vector()[:2]
        turn = vx * uy - vy * ux  # > 0 when u lies counter-clockwise of v
        first, second = (along_v, along_u) if turn >= 0 else (along_u, along_v)
        radius = min(0.75, 0.45 * min(along_u.get_length(), along_v.get_length()))
        self.arc = Angle(first, second, radius=radius, color=HIGHLIGHT, stroke_width=4)
        bisector = along_u.get_unit_vector() + along_v.get_unit_vector()
        if np.linalg.norm(bisector) > 1e-6:
            bisector = bisector / np.linalg.norm(bisector)
        else:  # opposite directions: the angle opens to the left of v
            bisector = np.array([-vy, vx, 0.0])
        self.theta = theta = tex(r"\theta", size=CAPTION_SIZE, color=HIGHLIGHT)
        place_clear(theta, origin + bisector * radius, bisector, [arrow_u, arrow_v, name_u, name_v])
        shadow_tip, u_tip = self.point(s.projection), self.point(s.u)
        self.guide = self.line_of_v()
        self.drop = DashedLine(u_tip, shadow_tip, color=MUTED, stroke_width=3)
        self.corner = None
        if self.drop.get_length() > 0.3 and np.linalg.norm(shadow_tip - origin) > 0.3:
            direction = self.guide.get_unit_vector()
            legs = Line(shadow_tip, shadow_tip + direction), Line(shadow_tip, u_tip)
            self.corner = RightAngle(*legs, length=0.22, color=MUTED, stroke_width=3)
        if np.linalg.norm(shadow_tip - origin) > 0.15:
            self.shadow = Arrow(
                origin,
                shadow_tip,
                buff=0,
                color=RESULT,
                stroke_width=7,
                max_tip_length_to_length_ratio=0.25,
            )
        else:
            self.shadow = Dot(shadow_tip, radius=0.09, color=RESULT)
        drawn = (self.arrow_u, self.arrow_v, self.theta, self.arc, self.guide, self.drop)
        style.drop_ticks_near(self.grid, *drawn, self.shadow)

    def column_left(self) -> float:
        return self.grid.get_right()[0] + GAP

    def column_width(self) -> float:
        return config.frame_width / 2 - MARGIN - self.column_left()

    def stack_in_column(self, below: Mobject, *lines: Mobject) -> None:
        """``lines`` one under another, under ``below``, left-aligned in the column."""
        for line in lines:
            style.fit_width(line, self.column_width())
            line.next_to(below, DOWN, buff=GAP * 0.55)
            line.align_to([self.column_left(), 0, 0], LEFT)
            below = line

    def point(self, coords: Sequence[float]) -> np.ndarray:
        return self.grid.c2p(*coords[:2])

    def line_of_v(self) -> DashedLine:
        """The whole line through 0 along v, clipped to the window."""
        direction = np.asarray(self.steps.v[:2]) / self.steps.norm_v
        reach = []
        for k, bounds in enumerate((self.x_range, self.y_range)):
            if abs(direction[k]) > 1e-12:
                reach += [bound / direction[k] for bound in bounds[:2]]
        positive = min(t for t in reach if t > 0)
        negative = max(t for t in reach if t < 0)
        ends = [self.point(direction * t) for t in (negative, positive)]
        return DashedLine(*ends, color=INPUT_2, stroke_width=2, stroke_opacity=0.5)

    # -- beats --------------------------------------------------------------------------

    def multiply_pairs_and_add(self) -> None:
        s = self.steps
        products = zip(s.u, s.v, s.products, strict=True)
        pairs = ", ".join(f"{fmt(a)} times {fmt(b)} is {fmt(p)}" for a, b, p in products)
        with self.beat(
            f"The dot product of u and v multiplies the pairs of matching components and adds "
            f"the products: {pairs}; the sum is {fmt(s.dot)}. In numpy, u @ v."
        ):
            self.heading = style.title("The dot product")
            u_column = style.matrix(np.reshape(s.u, (-1, 1)), color=INPUT)
            v_column = style.matrix(np.reshape(s.v, (-1, 1)), color=INPUT_2)
            vectors = VGroup(
                VGroup(tex("u", "=", color=INPUT), u_column).arrange(RIGHT, buff=BUFF),
                VGroup(tex("v", "=", color=INPUT_2), v_column).arrange(RIGHT, buff=BUFF),
            ).arrange(RIGHT, buff=GAP * 2)
            vectors.move_to(UP * 0.9)
            parts = list(U_DOT_V)
            for k, (a, b) in enumerate(zip(s.u, s.v, strict=True)):
                parts += (["+"] if k else []) + [factor(a, "value"), r"\cdot", factor(b, "value")]
            parts += ["=", " + ".join(num(p) for p in s.products), "=", num(s.dot)]
            working = product_tex(*parts)
            style.fit_width(working, style.SAFE_WIDTH)
            working.next_to(vectors, DOWN, buff=GAP * 1.4)
            numpy_line = code("numpy:  u @ v").next_to(working, DOWN, buff=GAP)
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(FadeIn(vectors), run_time=BEAT)
            self.play(Write(working[:4]), run_time=QUICK)
            for k in range(len(s.u)):
                first = 4 + 4 * k  # u . v =, then (a . b) and + (a . b) per pair
                boxes = VGroup(
                    *(style.highlight_box(c.get_entries()[k]) for c in (u_column, v_column))
                )
                self.play(Create(boxes), run_time=QUICK * 0.6)
                self.play(
                    TransformFromCopy(u_column.get_entries()[k], working[first]),
                    FadeIn(working[first + 1]),
                    TransformFromCopy(v_column.get_entries()[k], working[first + 2]),
                    *([FadeIn(working[first - 1])] if k else []),
                    run_time=BEAT * 0.8,
                )
                self.play(FadeOut(boxes), run_time=QUICK * 0.4)
            self.play(Write(working[-4:-2]), run_time=BEAT * 0.7)
            self.play(Write(working[-2:]), FadeIn(numpy_line), run_time=BEAT * 0.7)
            for name in ("u", "v", "products", "dot"):
                self.show(name, getattr(s, name))
            self.wait(PAUSE)
            self.algebra = VGroup(vectors, numpy_line)
            self.working = working

    def draw_the_vectors(self) -> None:
        s = self.steps
        with self.beat(
            f"Now the picture. Draw u = ({fmt(s.u[0])}, {fmt(s.u[1])}) and v = "
            f"({fmt(s.v[0])}, {fmt(s.v[1])}) as arrows from the origin."
        ):
            self.build_picture()
            pairs = " + ".join(
                rf"{factor(a, 'value')} \cdot {factor(b, 'value')}"
                for a, b in zip(s.u, s.v, strict=True)
            )
            compact = product_tex(*U_DOT_V, pairs, "=", num(s.dot))
            style.fit_width(compact, self.column_width())
            top = self.heading.get_bottom()[1] - GAP * 1.1
            compact.move_to([self.column_left(), top, 0], aligned_edge=LEFT)
            self.play(
                FadeOut(self.algebra), ReplacementTransform(self.working, compact), run_time=BEAT
            )
            self.dot_line = compact
            self.play(Create(self.grid), run_time=BEAT)
            self.play(
                GrowArrow(self.arrow_u[0]),
                FadeIn(self.arrow_u[1]),
                GrowArrow(self.arrow_v[0]),
                FadeIn(self.arrow_v[1]),
                run_time=BEAT,
            )
            self.wait(QUICK)

    def measure_the_angle(self) -> None:
        s = self.steps
        with self.beat(
            "The same number measures the angle: u dot v is the length of u times the length "
            f"of v times cos theta. Lengths {fmt(s.norm_u, 'norm')} and "
            f"{fmt(s.norm_v, 'norm')} give cos theta = {fmt(s.cosine)}, so theta is "
            f"{fmt(s.angle_degrees)} degrees."
        ):
            identity = tex(*U_DOT_V, r"\|u\|", r"\,", r"\|v\|", r"\cos", r"\theta")
            for k, colour in ((0, INPUT), (2, INPUT_2), (4, INPUT), (6, INPUT_2), (8, HIGHLIGHT)):
                identity[k].set_color(colour)
            lengths = rf"{num(s.norm_u, 'norm')} \cdot {num(s.norm_v, 'norm')}"
            cosine = tex(
                r"\cos\theta", "=", rf"\frac{{{num(s.dot)}}}{{{lengths}}}", "=", num(s.cosine)
            )
            cosine[0].set_color(HIGHLIGHT)
            angle = tex(r"\theta", "=", num(s.angle_degrees) + r"^\circ")
            angle[0].set_color(HIGHLIGHT)
            angle[-1].set_color(HIGHLIGHT)
            self.stack_in_column(self.dot_line, identity, cosine, angle)
            self.play(Create(self.arc), FadeIn(self.theta), run_time=BEAT)
            self.play(Write(identity), run_time=BEAT)
            self.play(Write(cosine), run_time=BEAT)
            self.play(Write(angle), run_time=QUICK)
            for name in ("norm_u", "norm_v", "cosine", "angle_degrees"):
                self.show(name, getattr(s, name))
            self.wait(PAUSE)
            self.angle_lines = VGroup(identity, cosine, angle)

    def project_u_onto_v(self) -> None:
        s = self.steps
        if linalg.are_orthogonal(s.u, s.v):
            drop = "The tip of u drops straight onto the origin: its shadow on v has length 0"
        elif abs(abs(s.cosine) - 1) < 1e-12:
            drop = "Here u already lies on the line of v, so its shadow on v is u itself: signed "
            drop += f"length {fmt(s.scalar_projection, 'norm')}"
        else:
            drop = "Drop a perpendicular from u's tip onto the line of v: u's shadow on v has "
            drop += f"signed length {fmt(s.scalar_projection, 'norm')}"
        with self.beat(
            f"{drop}, the vector "
            f"({fmt(s.projection[0], 'coordinate')}, {fmt(s.projection[1], 'coordinate')}). "
            f"The length of v times this shadow is again {fmt(s.dot)}."
        ):
            self.add(self.guide)
            self.bring_to_front(self.arrow_v, self.arrow_u)
            self.play(Create(self.guide), run_time=QUICK)
            self.play(Create(self.drop), run_time=BEAT)
            if self.corner is not None:
                self.play(Create(self.corner), run_time=QUICK)
            shadow = self.shadow  # an arrow, or a dot when the shadow is too short for one
            grow = GrowArrow(shadow) if isinstance(shadow, Arrow) else FadeIn(shadow, scale=1.5)
            self.play(grow, run_time=BEAT)
            over_v = rf"\frac{{{num(s.dot)}}}{{{num(s.norm_v, 'norm')}}}"
            shadow_length = num(s.scalar_projection, "norm")
            length = tex(
                r"\text{comp}_v u", "=", r"\frac{u \cdot v}{\|v\|}", "=", over_v, "=", shadow_length
            )
            length[0].set_color(RESULT)
            length[-1].set_color(RESULT)
            shadow_vector = fmt_vector(s.projection, "coordinate")
            vector = tex(r"\text{proj}_v u", "=", shadow_vector, color=RESULT)
            times = rf"{num(s.norm_v, 'norm')} \cdot {factor(s.scalar_projection, 'norm')}"
            again = product_tex(
                *U_DOT_V, r"\|v\|", r"\,\text{comp}_v u", "=", times, "=", num(s.dot)
            )
            again[4].set_color(INPUT_2)
            again[5].set_color(RESULT)
            self.stack_in_column(self.angle_lines[-1], length, vector, again)
            self.play(Write(length), run_time=BEAT)
            self.play(Write(vector), run_time=BEAT * 0.8)
            self.play(Write(again), run_time=BEAT)
            self.show("scalar_projection", s.scalar_projection)
            self.show("projection", s.projection)
            self.wait(PAUSE)
            self.projection_lines = VGroup(length, vector, again)

    def show_summary(self) -> None:
        s = self.steps
        if linalg.are_orthogonal(s.u, s.v):
            reading = "0: zero, so u and v are at a right angle"
        else:
            sign, side = ("positive", "under") if s.dot > 0 else ("negative", "over")
            # a sum that rounds to 0 still has its sign
            shown = "0 to two decimals, but" if fmt(s.dot) == "0" else f"{fmt(s.dot)}:"
            reading = f"{shown} {sign}, so the angle is {side} 90 degrees"
        with self.beat(
            "One number, two readings: the pairs multiplied and added, or the lengths times "
            f"the cosine of the angle. Here it is {reading}."
        ):
            self.play(
                Indicate(self.dot_line[-1], color=RESULT, scale_factor=1.2),
                Indicate(self.angle_lines[-1], color=HIGHLIGHT, scale_factor=1.1),
                Indicate(self.projection_lines[-1][-1], color=RESULT, scale_factor=1.2),
                run_time=BEAT,
            )
            self.hold_poster()
