"""MultivariateChainRule: z depends on x and y, both on t; dz/dt sums the products over paths."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    FadeIn,
    GrowFromCenter,
    Line,
    VGroup,
    Write,
    config,
)

from lib import calculus
from lib.calculus import ChainRulePaths
from scenes import style
from scenes.inputs import Domain, Number, Vector
from scenes.s07_derivatives.shared import polynomial_tex
from scenes.style import (
    BACKGROUND,
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    INPUT,
    INPUT_2,
    MARGIN,
    MIN_TEXT_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    TEXT,
    LessonScene,
    factor,
    fmt,
    num,
    tex,
)

#: One colour per path from t to z: through x, through y.
PATH_COLOURS = (INPUT, INPUT_2)
INNER = ("x", "y")
NODE_RADIUS = 0.36
TREE_Y = -0.5  # the height of the tree's centre
TREE_HALF_WIDTH = 1.4
TREE_HALF_HEIGHT = 2.15
ROW_GAP = GAP * 0.8  # between the rows of the right-hand column
LABEL_BUFF = BUFF * 1.6  # between an edge's middle and its label


def outer(p) -> float:
    """z = x^2 y, the outer function of the lesson."""
    return float(p[0] ** 2 * p[1])


def t_tex(coefficients) -> str:
    """A polynomial in t, highest power first: ``t^{2}``, ``-t + 3``."""
    return polynomial_tex(coefficients).replace("x", "t")


def spoken(value: float) -> str:
    return fmt(value).replace("-", "−")


def spoken_polynomial(coefficients) -> str:
    """A polynomial in t for a subcaption: ``t²``, ``−t + 3``."""
    return t_tex(coefficients).replace("^{2}", "²").replace("-", "−")


class MultivariateChainRule(LessonScene):
    """The tree z <- (x, y) <- t with its local derivatives; the two paths' products add up."""

    t = 1.5  # where the derivative is taken
    x_of_t = (1.0, 0.0, 0.0)  # x = t^2 (coefficients, highest power first)
    y_of_t = (-1.0, 3.0)  # y = 3 - t
    domain = Domain(
        t=Number(-2, 2),
        x_of_t=Vector((1, 3), -2, 2),
        y_of_t=Vector((1, 3), -2, 3),
    )

    def construct(self) -> None:
        inner = [calculus.polynomial(self.x_of_t), calculus.polynomial(self.y_of_t)]
        self.found: ChainRulePaths = calculus.chain_rule_paths(outer, inner, self.t)  # from lib
        self.draw_the_tree()
        self.evaluate_at_the_point()
        self.label_the_edges()
        for k in range(2):
            self.follow_path(k)
        self.add_the_paths()
        self.check_directly()

    # -- the tree -------------------------------------------------------------------------

    def node(self, name: str, where) -> VGroup:
        circle = Circle(radius=NODE_RADIUS, color=MUTED, stroke_width=3)
        circle.set_fill(BACKGROUND, opacity=1).move_to(where)
        return VGroup(circle, tex(name, size=CAPTION_SIZE + 4).move_to(where))

    def edge_labels(self) -> dict[tuple[str, str], VGroup]:
        """Each edge's local derivative at this t, keyed (lower node, upper node)."""
        (dzdx, dzdy), (dxdt, dydt) = self.found.outer_partials, self.found.inner_slopes
        contents = {
            ("x", "z"): rf"\frac{{\partial z}}{{\partial x}} = {num(dzdx)}",
            ("y", "z"): rf"\frac{{\partial z}}{{\partial y}} = {num(dzdy)}",
            ("t", "x"): rf"\frac{{dx}}{{dt}} = {num(dxdt)}",
            ("t", "y"): rf"\frac{{dy}}{{dt}} = {num(dydt)}",
        }
        return {key: tex(content, size=CAPTION_SIZE) for key, content in contents.items()}

    def tree_centre(self) -> np.ndarray:
        """The tree as far left as its left-hand labels allow."""
        widest = max(label.width for key, label in self.labels.items() if "x" in key)
        left = -config.frame_width / 2 + MARGIN
        return np.array([left + widest + LABEL_BUFF + TREE_HALF_WIDTH / 2, TREE_Y, 0.0])

    def draw_the_tree(self) -> None:
        x_formula, y_formula = t_tex(self.x_of_t), t_tex(self.y_of_t)
        with self.beat(
            "z = x² y depends on x and on y, and both depend on t: "
            f"x = {spoken_polynomial(self.x_of_t)}, y = {spoken_polynomial(self.y_of_t)}. "
            "As a tree, z on top and t at the bottom: t reaches z along two paths."
        ):
            self.heading = style.title("The multivariate chain rule")
            self.labels = self.edge_labels()
            c, w, h = self.tree_centre(), TREE_HALF_WIDTH, TREE_HALF_HEIGHT
            places = {"z": c + UP * h, "x": c + LEFT * w, "y": c + RIGHT * w, "t": c + DOWN * h}
            self.nodes = {name: self.node(name, where) for name, where in places.items()}
            self.edges = {}  # (lower, upper): the line between two nodes
            for lower, upper in (("x", "z"), ("y", "z"), ("t", "x"), ("t", "y")):
                start, end = self.nodes[lower][0], self.nodes[upper][0]
                direction = end.get_center() - start.get_center()
                unit = direction / np.linalg.norm(direction)
                self.edges[(lower, upper)] = Line(
                    start.get_center() + unit * NODE_RADIUS,
                    end.get_center() - unit * NODE_RADIUS,
                    color=MUTED,
                    stroke_width=4,
                )
            self.functions = tex(
                r"z = x^2 y,\quad",
                rf"x = {x_formula},\quad",
                rf"y = {y_formula}",
                size=CAPTION_SIZE,
            )
            self.functions[1].set_color(INPUT)
            self.functions[2].set_color(INPUT_2)
            widest = max(label.width for key, label in self.labels.items() if "y" in key)
            self.column_left = c[0] + w / 2 + LABEL_BUFF + widest + GAP * 0.7
            self.place(self.functions, self.heading, GAP * 1.2)
            self.play(FadeIn(self.heading), Write(self.functions), run_time=BEAT)
            self.play(GrowFromCenter(self.nodes["t"]), run_time=QUICK)
            self.play(
                *(Create(self.edges[("t", n)]) for n in INNER),
                *(GrowFromCenter(self.nodes[n]) for n in INNER),
                run_time=BEAT,
            )
            self.play(
                *(Create(self.edges[(n, "z")]) for n in INNER),
                GrowFromCenter(self.nodes["z"]),
                run_time=BEAT,
            )
            self.bring_to_front(*self.nodes.values())
            self.wait(PAUSE)

    def place(self, formula, above, buff: float = ROW_GAP) -> None:
        """``formula`` in the right-hand column under ``above``."""
        formula.next_to(above, DOWN, buff=buff)
        style.fit_width(formula, self.column_width())
        formula.set_x(self.column_left + formula.width / 2)

    def evaluate_at_the_point(self) -> None:
        f = self.found
        (x, y), z = f.inner, f.value
        with self.beat(
            f"Take t = {spoken(self.t)}. Then x = {spoken(x)} and y = {spoken(y)}, so "
            f"z = x² y = {spoken(z)}."
        ):
            self.point = tex(
                rf"t = {num(self.t)}:\quad x = {num(x)},\ \ y = {num(y)},\ \ z = {num(z)}",
                size=CAPTION_SIZE,
            )
            self.place(self.point, self.functions)
            self.play(FadeIn(self.point), run_time=BEAT)
            self.show("point", (self.t, x, y, z))
            self.wait(PAUSE)

    def label_the_edges(self) -> None:
        f = self.found
        (dzdx, dzdy), (dxdt, dydt) = f.outer_partials, f.inner_slopes
        with self.beat(
            "On each edge, the local derivative of the upper node with respect to the lower "
            f"one, at this t: ∂z/∂x = 2xy = {spoken(dzdx)}, ∂z/∂y = x² = {spoken(dzdy)}, "
            f"dx/dt = {spoken(dxdt)} and dy/dt = {spoken(dydt)}."
        ):
            for key, label in self.labels.items():
                side = LEFT if "x" in key else RIGHT
                label.next_to(self.edges[key].get_center(), side, buff=LABEL_BUFF)
            self.play(*(FadeIn(label) for label in self.labels.values()), run_time=BEAT)
            self.show("outer_partials", tuple(f.outer_partials))
            self.show("inner_slopes", tuple(f.inner_slopes))
            self.wait(PAUSE)

    def path_tex(self, k: int) -> str:
        f, name = self.found, INNER[k]
        return (
            rf"\frac{{\partial z}}{{\partial {name}}}\,\frac{{d{name}}}{{dt}} = "
            rf"{factor(f.outer_partials[k], 'value')} \cdot {factor(f.inner_slopes[k], 'value')}"
            rf" = {num(f.paths[k])}"
        )

    def follow_path(self, k: int) -> None:
        f, name, colour = self.found, INNER[k], PATH_COLOURS[k]
        with self.beat(
            f"Path {k + 1}: t to {name} to z. Multiply the derivatives along it: "
            f"{spoken(f.inner_slopes[k])} times {spoken(f.outer_partials[k])} = "
            f"{spoken(f.paths[k])}."
        ):
            path = [self.edges[("t", name)], self.edges[(name, "z")]]
            labels = [self.labels[("t", name)], self.labels[(name, "z")]]
            product = tex(self.path_tex(k), size=CAPTION_SIZE, color=colour)
            self.place(product, self.point if k == 0 else self.products[0])
            self.play(
                *(edge.animate.set_stroke(colour, width=7) for edge in path),
                *(label.animate.set_color(colour) for label in labels),
                self.nodes[name][0].animate.set_stroke(colour),
                run_time=BEAT,
            )
            self.play(Write(product), run_time=BEAT)
            self.products = [*getattr(self, "products", []), product]
            self.show(f"path:{name}", f.paths[k])
            self.wait(PAUSE)

    def sum_formula(self, parts: list[tuple[str, str]]) -> VGroup:
        """dz/dt followed by ``parts``, each (TeX, colour)."""
        formula = tex(r"\frac{dz}{dt}", *(part for part, _ in parts), size=CAPTION_SIZE)
        for mobject, (_, colour) in zip(formula[1:], parts, strict=True):
            mobject.set_color(colour)
        return formula

    def column_width(self) -> float:
        return config.frame_width / 2 - MARGIN - self.column_left

    def add_the_paths(self) -> None:
        f = self.found
        with self.beat(
            "The chain rule adds the paths: dz/dt = the sum over every path from t to z of "
            f"the product along it, {spoken(f.paths[0])} + {spoken(f.paths[1])} = "
            f"{spoken(f.total)}."
        ):
            rule = [
                (r" = \frac{\partial z}{\partial x}\frac{dx}{dt}", INPUT),
                (r" + \frac{\partial z}{\partial y}\frac{dy}{dt}", INPUT_2),
            ]
            numbers = [
                (rf" = {num(f.paths[0])} + {factor(f.paths[1], 'value')}\;", TEXT),
                (rf" = {num(f.total)}", RESULT),
            ]
            self.total = self.sum_formula([*rule, *numbers])
            if self.total.width * MIN_TEXT_SIZE / CAPTION_SIZE > self.column_width():
                self.total = self.sum_formula(numbers)  # the paths above show the rule
            self.place(self.total, self.products[1])
            self.play(Write(self.total), run_time=BEAT * 1.5)
            self.result_box = style.highlight_box(self.total[-1], color=RESULT, buff=0.06)
            self.play(Create(self.result_box), run_time=QUICK)
            self.show("total", f.total)
            self.wait(PAUSE)

    def check_directly(self) -> None:
        f = self.found
        with self.beat(
            "Check: write z as one function of t and differentiate it numerically: "
            f"dz/dt = {spoken(f.composed)}, the same. The chain rule multiplies along each "
            "path and adds the paths."
        ):
            composed = rf"\left({t_tex(self.x_of_t)}\right)^2\left({t_tex(self.y_of_t)}\right)"
            check = VGroup(
                tex(rf"z(t) = {composed}", size=CAPTION_SIZE, color=TEXT),
                tex(
                    rf"\frac{{dz}}{{dt}}\Big|_{{t = {fmt(self.t)}}} \approx {num(f.composed)}",
                    r"\quad\text{(numerically)}",
                    size=CAPTION_SIZE,
                    color=RESULT,
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.2)
            self.place(check, self.total)
            self.play(FadeIn(check), run_time=BEAT)
            self.show("composed", f.composed)
            self.hold_poster()
