"""WhatAutodiffIs: values flow forward through a recorded graph, gradients flow back."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, Create, FadeIn, GrowFromCenter, Write

from lib.autodiff import Graph, Value, trace
from scenes import style
from scenes.computation_graph import GRADIENT, GRADIENT_KIND, legend, partial
from scenes.inputs import Domain, Number
from scenes.s08_autodiff.shared import GraphPassScene, spoken_gradient, spoken_number
from scenes.style import BEAT, GAP, MARGIN, PAUSE, QUICK, num, tex

INPUTS = ("x", "y", "z")


def record(x: float, y: float, z: float) -> Graph:
    """f = (x + y) z, run forward and backward by lib.autodiff, as recorded data."""
    xs, ys, zs = Value(x, "x"), Value(y, "y"), Value(z, "z")
    f = ((xs + ys).named("q") * zs).named("f")
    f.backward()
    return trace(f)


class WhatAutodiffIs(GraphPassScene):
    """f = (x + y) z as a graph: the forward pass, then the reverse pass, node by node."""

    x = -2.0
    y = 5.0
    z = -4.0
    domain = Domain(x=Number(-10, 10), y=Number(-10, 10), z=Number(-10, 10))

    def construct(self) -> None:
        self.recorded = record(self.x, self.y, self.z)  # every number, from lib, up front
        self.introduce_graph()
        self.forward_pass()
        self.seed_reverse_pass()
        for node in self.recorded.backward()[1:]:
            self.pass_gradient_back(node)
        self.show_summary()

    def introduce_graph(self) -> None:
        with self.beat(
            "Automatic differentiation records every operation of a computation as a node of "
            "a graph. Here is f = (x + y) times z: first q = x + y, then f = q times z."
        ):
            self.heading = style.title("Automatic differentiation")
            formula = tex(r"f = (x + y)\,z").next_to(self.heading, DOWN, buff=GAP * 0.8)
            formula.to_edge(LEFT, buff=MARGIN)
            self.key = legend().next_to(self.heading, DOWN, buff=GAP * 0.8)
            self.key.to_edge(RIGHT, buff=MARGIN).align_to(formula, DOWN)
            self.formula = formula
            top = formula.get_bottom()[1] - GAP * 0.6
            bottom = -2.6
            self.build_diagram(
                self.recorded,
                width=10.5,
                height=top - bottom,
                centre=(0.0, (top + bottom) / 2, 0.0),
                names=None,
            )
            d = self.diagram
            self.play(FadeIn(self.heading), Write(formula), run_time=BEAT)
            inputs = [n.id for n in self.recorded.nodes if not n.parents]
            self.play(*(GrowFromCenter(d.boxes[i]) for i in inputs), run_time=BEAT)
            for node in self.recorded.nodes:
                if node.parents:
                    self.play(
                        *(Create(a) for a in d.edges_into(node.id)),
                        FadeIn(d.ops[node.id]),
                        GrowFromCenter(d.boxes[node.id]),
                        run_time=BEAT,
                    )
            self.wait(PAUSE)

    def forward_pass(self) -> None:
        g = self.recorded
        q, f = g.find("q"), g.find("f")
        said = {n: spoken_number(g.find(n).value) for n in ("x", "y", "z", "q", "f")}
        with self.beat(
            f"The forward pass runs left to right. x = {said['x']} and y = {said['y']} give "
            f"q = {said['q']}; q times z = {said['z']} gives f = {said['f']}. Each node keeps "
            "its value."
        ):
            self.play(FadeIn(self.key[0]), run_time=QUICK)
            for name in INPUTS:
                self.reveal_value(g.find(name), formula=False)
            self.reveal_value(q)
            self.reveal_value(f)
            self.wait(PAUSE)

    def seed_reverse_pass(self) -> None:
        with self.beat(
            "The reverse pass runs right to left, carrying the gradient of f with respect to "
            "each node. It starts at f itself: ∂f/∂f = 1."
        ):
            self.play(*self.settle_graph(), FadeIn(self.key[1]), run_time=QUICK)
            self.reveal_gradient(self.recorded.nodes[self.recorded.output])
            self.wait(PAUSE)

    def pass_gradient_back(self, node) -> None:
        g = self.recorded
        (child,) = {c for c, n in enumerate(g.nodes) if node.id in n.parents}
        local = dict(zip(g.nodes[child].parents, g.nodes[child].local_grads, strict=True))
        name, child_name = node.label, g.nodes[child].label
        how = {
            "+": "a sum passes its gradient on unchanged",
            "*": "a product's local derivative is the other factor",
        }[g.nodes[child].op]
        with self.beat(
            f"{name} feeds {child_name}. Chain rule: {spoken_gradient('f', name)} = "
            f"{spoken_gradient('f', child_name)} times {spoken_gradient(child_name, name)} = "
            f"{spoken_number(g.nodes[child].grad, GRADIENT_KIND)} times "
            f"{spoken_number(local[node.id], GRADIENT_KIND)} = "
            f"{spoken_number(node.grad, GRADIENT_KIND)}; {how}."
        ):
            self.reveal_gradient(node)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        g = self.recorded
        grads = [g.find(n).grad for n in INPUTS]
        said = ", ".join(
            f"{spoken_gradient('f', n)} = {spoken_number(v, GRADIENT_KIND)}"
            for n, v in zip(INPUTS, grads, strict=True)
        )
        with self.beat(
            "One forward pass computed f; one reverse pass gave the gradient of f with respect "
            f"to every input: {said}."
        ):
            gradient = tex(
                r"\nabla f = \left(" + ", ".join(partial("f", n) for n in INPUTS) + r"\right)",
                "=",
                r"\left(" + ", ".join(num(v, GRADIENT_KIND) for v in grads) + r"\right)",
            )
            gradient[2].set_color(GRADIENT)
            self.play(*self.settle_graph(), *self.swap_formula(gradient), run_time=BEAT)
            self.show("gradient", tuple(grads))
            self.hold_poster()
