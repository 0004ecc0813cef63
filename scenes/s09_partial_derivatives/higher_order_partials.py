"""HigherOrderPartials: the second partials of a cubic surface, its Hessian, and how it bends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from manim import DL, DOWN, LEFT, RIGHT, UR, Create, FadeIn, FadeOut, VGroup, Write, config

from lib import calculus, linalg
from scenes import style
from scenes.inputs import Domain, Number, Rule, Vector
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    EIGEN,
    EIGEN_2,
    GAP,
    HIGHLIGHT,
    INPUT,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    SAFE_WIDTH,
    LessonScene,
    fmt,
    linear_combination,
    num,
    tex,
)

#: One colour per principal direction (the Hessian's eigenvectors), in the formulas and slices.
DIRECTION_COLOURS = (EIGEN, EIGEN_2)
REACH = 1.0  # each slice runs from s = -REACH to s = REACH along its direction
FLATTEST = 0.25  # the smallest |eigenvalue| for which the curvature is called either way
SAMPLES = 81
COLUMN_GAP = 0.6  # between the left and right columns
FORMULA_SIZE = style.BODY_SIZE


def surface(a: float, b: float, c: float):
    """f(x, y) = a x^3 + c x y + b y^3 as a function of one point p = (x, y)."""

    def f(p) -> float:
        x, y = float(p[0]), float(p[1])
        return a * x**3 + c * x * y + b * y**3

    return f


def hessian_at(values: Mapping[str, Any]) -> np.ndarray:
    (a, b), c = values["cubic"], values["mixed"]
    return calculus.hessian(surface(a, b, c), values["point"])


def clearly_curved(values: Mapping[str, Any]) -> bool:
    """Both of the Hessian's eigenvalues are clear of 0: the surface bends both ways."""
    eigenvalues, _ = linalg.eig(hessian_at(values))
    return bool(np.min(np.abs(eigenvalues)) >= FLATTEST)


def drop_ticks_on(axes, points, buff: float = 0.06) -> None:
    """Remove the tick numbers of ``axes`` that any of ``points`` (scene coordinates) touch."""
    for axis in axes.axes:
        for label in list(getattr(axis, "labels", [])):
            (x0, y0, _), (x1, y1, _) = label.get_corner(DL), label.get_corner(UR)
            if any(
                x0 - buff <= p[0] <= x1 + buff and y0 - buff <= p[1] <= y1 + buff for p in points
            ):
                axis.labels.remove(label)


def said(value: float, kind: str = "value") -> str:
    return fmt(value, kind).replace("-", "−")


def said_point(point) -> str:
    return f"({said(point[0])}, {said(point[1])})"


def pmatrix(entries) -> str:
    """A 2 x 2 matrix of TeX entries."""
    rows = r" \\ ".join(" & ".join(row) for row in entries)
    return rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}"


class HigherOrderPartials(LessonScene):
    """f = a x^3 + c x y + b y^3: f_x, f_y, the four second partials, H at a point, its sign."""

    cubic = (1.0, 1.0)  # a and b: f = a x^3 + c x y + b y^3
    mixed = -3.0  # c
    point = (1.0, 1.0)  # where the Hessian is taken
    domain = Domain(
        cubic=Vector(2, -2, 2),
        mixed=Number(-4, 4),
        point=Vector(2, -2, 2),
        rules=(
            Rule(
                f"must leave the surface clearly bent both ways at the point: each eigenvalue "
                f"of the Hessian at least {FLATTEST} from 0",
                ("cubic", "mixed", "point"),
                clearly_curved,
            ),
        ),
    )

    def construct(self) -> None:
        (a, b), c = self.cubic, self.mixed
        self.f = surface(a, b, c)  # every number, from lib, up front
        self.value = self.f(self.point)
        self.gradient = calculus.gradient(self.f, self.point)
        self.hessian = calculus.hessian(self.f, self.point)
        self.eigenvalues, self.directions = linalg.eig(self.hessian)
        self.determinant = linalg.determinant(self.hessian)
        self.take_the_first_partials()
        self.take_the_second_partials()
        self.evaluate_the_hessian()
        self.read_the_curvature()
        self.slice_along_the_directions()
        self.show_summary()

    # -- the formulas ---------------------------------------------------------------------

    def f_tex(self) -> str:
        (a, b), c = self.cubic, self.mixed
        return linear_combination([(a, "x^3"), (c, "xy"), (b, "y^3")])

    def partials_tex(self) -> dict[str, str]:
        """The first and second partials as TeX, from f's coefficients."""
        (a, b), c = self.cubic, self.mixed
        return {
            "x": linear_combination([(3 * a, "x^2"), (c, "y")]),
            "y": linear_combination([(c, "x"), (3 * b, "y^2")]),
            "xx": linear_combination([(6 * a, "x")]),
            "xy": linear_combination([(c, "")]),
            "yy": linear_combination([(6 * b, "y")]),
        }

    def left(self, mobject, above, buff: float = GAP) -> None:
        mobject.next_to(above, DOWN, buff=buff)
        style.fit_width(mobject, self.column_width)
        mobject.to_edge(LEFT, buff=MARGIN)

    def right(self, mobject, above, buff: float = GAP) -> None:
        mobject.next_to(above, DOWN, buff=buff)
        style.fit_width(mobject, self.column_width)
        mobject.set_x(COLUMN_GAP / 2 + mobject.width / 2)

    def take_the_first_partials(self) -> None:
        p = self.partials_tex()
        with self.beat(
            f"A simple surface: f(x, y) = {self.spoken(self.f_tex())}. Its first partials are "
            f"f_x = {self.spoken(p['x'])} and f_y = {self.spoken(p['y'])}."
        ):
            self.heading = style.title("Second-order partials and the Hessian")
            self.column_width = (SAFE_WIDTH - COLUMN_GAP) / 2
            self.function = tex(rf"f(x, y) = {self.f_tex()}", size=FORMULA_SIZE)
            self.left(self.function, self.heading, GAP * 0.8)
            self.first = tex(
                rf"f_x = {p['x']}",
                r",\qquad ",
                rf"f_y = {p['y']}",
                size=FORMULA_SIZE,
            )
            self.left(self.first, self.function)
            self.play(FadeIn(self.heading), Write(self.function), run_time=BEAT)
            self.play(Write(self.first), run_time=BEAT)
            self.wait(PAUSE)

    @staticmethod
    def spoken(formula: str) -> str:
        return (
            formula.replace("^2", "²").replace("^3", "³").replace("-", "−").replace("{", "")
        ).replace("}", "")

    def take_the_second_partials(self) -> None:
        p = self.partials_tex()
        with self.beat(
            "Differentiate each again, by x and by y: four second partials. "
            f"f_xx = {self.spoken(p['xx'])}, f_yy = {self.spoken(p['yy'])}, and the mixed ones "
            f"f_xy and f_yx are both {self.spoken(p['xy'])}: the order does not matter."
        ):
            entries = [
                [rf"f_{{xx}} = {p['xx']}", rf"f_{{xy}} = {p['xy']}"],
                [rf"f_{{yx}} = {p['xy']}", rf"f_{{yy}} = {p['yy']}"],
            ]
            self.second = VGroup(
                *(tex(entry, size=FORMULA_SIZE) for row in entries for entry in row)
            ).arrange_in_grid(rows=2, cols=2, buff=(GAP * 1.2, BUFF * 1.4), col_alignments="ll")
            self.left(self.second, self.first)
            mixed = VGroup(self.second[1], self.second[2])
            self.play(Write(self.second[0]), Write(self.second[3]), run_time=BEAT)
            self.play(Write(mixed), run_time=BEAT)
            self.play(mixed.animate.set_color(HIGHLIGHT), run_time=QUICK)
            self.symbolic = tex(
                r"H(x, y) = " + pmatrix([[p["xx"], p["xy"]], [p["xy"], p["yy"]]]),
                size=FORMULA_SIZE,
            )
            self.right(self.symbolic, self.heading, GAP * 0.8)
            self.play(FadeIn(self.symbolic), run_time=BEAT)
            self.wait(PAUSE)

    def evaluate_the_hessian(self) -> None:
        h = self.hessian
        with self.beat(
            f"At the point {said_point(self.point)}, lib's Hessian is the matrix of the four "
            f"numbers: f_xx = {said(h[0, 0], 'entry')}, f_xy = f_yx = {said(h[0, 1], 'entry')}, "
            f"f_yy = {said(h[1, 1], 'entry')}. It is symmetric."
        ):
            x, y = self.point
            entries = [[num(v, "entry") for v in row] for row in h]
            self.at_point = tex(
                rf"H({fmt(x)}, {fmt(y)}) = " + pmatrix(entries), size=FORMULA_SIZE, color=INPUT
            )
            self.right(self.at_point, self.symbolic, BUFF * 1.4)
            self.play(Write(self.at_point), run_time=BEAT)
            self.show("hessian", tuple(map(tuple, h)))
            self.wait(PAUSE)

    def is_critical(self) -> bool:
        """Whether the gradient vanishes at the point (to lib's numerical accuracy)."""
        return bool(linalg.l2_norm(self.gradient) < 1e-6)

    def verdict(self) -> tuple[str, str, str]:
        """What the eigenvalues' signs say: the shape, what kind of point, and a sentence."""
        if np.all(self.eigenvalues > 0):
            shape, how, critical = "a bowl", "curves up in every direction", "a minimum"
        elif np.all(self.eigenvalues < 0):
            shape, how, critical = "a cap", "curves down in every direction", "a maximum"
        else:
            shape, how = "a saddle", "curves up along one direction and down along the other"
            critical = "a saddle point"
        if self.is_critical():
            where = f"∇f = 0 here, so this point is {critical}"
        else:
            where = f"∇f ≠ 0 here, so this is no critical point, but it bends like {shape}"
            critical = "no critical point"
        return shape, critical, f"The surface {how}: {where}."

    def read_the_curvature(self) -> None:
        l1, l2 = self.eigenvalues
        shape, critical, sentence = self.verdict()
        with self.beat(
            f"Its eigenvalues, {said(l1, 'eigen')} and {said(l2, 'eigen')}, are the curvatures "
            "along its two eigenvectors; det H, their product, is "
            f"{said(self.determinant, 'eigen')}. {sentence}"
        ):
            self.eigen = tex(
                rf"\lambda_1 = {num(l1, 'eigen')}",
                r",\quad ",
                rf"\lambda_2 = {num(l2, 'eigen')}",
                size=FORMULA_SIZE,
            )
            self.eigen[0].set_color(DIRECTION_COLOURS[0])
            self.eigen[2].set_color(DIRECTION_COLOURS[1])
            self.right(self.eigen, self.at_point, GAP * 0.6)
            self.det = tex(
                rf"\det H = \lambda_1 \lambda_2 = {num(self.determinant, 'eigen')}",
                size=FORMULA_SIZE,
            )
            self.right(self.det, self.eigen, BUFF * 1.4)
            self.shape = style.text(f"curvature: {shape}", size=CAPTION_SIZE, color=RESULT)
            self.right(self.shape, self.det, GAP * 0.6)
            gradient = "0" if self.is_critical() else style.fmt_vector(self.gradient, "slope")
            relation = "=" if self.is_critical() else r"\neq"
            self.kind = tex(
                rf"\nabla f = {gradient}",
                rf"{'' if self.is_critical() else relation + ' 0'}:\ \text{{{critical}}}",
                size=CAPTION_SIZE,
                color=RESULT,
            )
            self.right(self.kind, self.shape, BUFF * 1.2)
            self.play(Write(self.eigen), run_time=BEAT)
            self.play(FadeIn(self.det), run_time=QUICK)
            self.play(FadeIn(self.shape, shift=DOWN * 0.2), run_time=QUICK)
            self.play(FadeIn(self.kind), run_time=QUICK)
            self.show("eigenvalues", tuple(self.eigenvalues))
            self.show("determinant", self.determinant)
            self.show("gradient", tuple(self.gradient))
            self.show("shape", shape)
            self.show("critical", critical)
            self.wait(PAUSE)

    # -- the slices -----------------------------------------------------------------------

    def slice_values(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """f along direction k through the point, less its tangent line there: the bend."""
        s = np.linspace(-REACH, REACH, SAMPLES)
        direction = self.directions[:, k]
        slope = linalg.dot(self.gradient, direction)
        values = np.array(
            [self.f(np.asarray(self.point) + t * direction) - self.value - t * slope for t in s]
        )
        return s, values

    def slice_along_the_directions(self) -> None:
        l1, l2 = self.eigenvalues
        with self.beat(
            "To see it, cut the surface through the point along each eigenvector and take "
            "away the slice's tangent line: what is left is the bend. Along v₁ it bends with "
            f"curvature {said(l1, 'eigen')}, along v₂ with {said(l2, 'eigen')}."
        ):
            slices = [self.slice_values(k) for k in range(2)]
            low, high = style.padded([v for _, values in slices for v in values])
            y_range = style.round_range(low, high, most=5)
            top = self.first.get_bottom()[1] - GAP * 1.3
            bottom = -config.frame_height / 2 + MARGIN + 0.55
            self.axes = style.axes(
                (-REACH, REACH, 0.5),
                y_range,
                width=self.column_width - 1.0,
                height=top - bottom,
                x_label="s",
                y_label=r"f - \text{tangent}",
            )
            self.axes.move_to([0, (top + bottom) / 2, 0]).to_edge(LEFT, buff=MARGIN + 0.6)
            self.curves = VGroup()
            for k, (s, values) in enumerate(slices):
                curve = self.axes.plot_line_graph(
                    s,
                    values,
                    add_vertex_dots=False,
                    line_color=DIRECTION_COLOURS[k],
                    stroke_width=5,
                )
                self.curves.add(curve)
            drawn = [self.axes.c2p(t, v) for s, vs in slices for t, v in zip(s, vs, strict=True)]
            drop_ticks_on(self.axes, drawn)
            self.key = VGroup(
                *(
                    tex(
                        rf"\text{{along }} v_{k + 1} = "
                        + style.fmt_vector(self.directions[:, k], "coordinate"),
                        size=CAPTION_SIZE,
                        color=DIRECTION_COLOURS[k],
                    )
                    for k in range(2)
                )
            ).arrange(RIGHT, buff=GAP)
            self.right(self.key, self.kind, GAP * 0.8)
            self.play(FadeOut(self.second), run_time=QUICK)
            self.play(Create(self.axes), run_time=BEAT)
            self.play(Create(self.curves[0]), FadeIn(self.key[0]), run_time=BEAT)
            self.play(Create(self.curves[1]), FadeIn(self.key[1]), run_time=BEAT)
            self.show("slices", tuple(tuple(values) for _, values in slices))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        shape, critical, _ = self.verdict()
        with self.beat(
            "The Hessian holds the second partials; its eigenvalues say how the surface bends "
            f"at a point. Here: {shape}, and {critical}."
        ):
            box = style.highlight_box(self.shape, color=RESULT)
            self.play(Create(box), run_time=QUICK)
            self.hold_poster()
