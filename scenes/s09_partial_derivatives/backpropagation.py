"""Backpropagation: the chain rule run backwards through a tiny two-layer network's graph."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, GrowFromCenter, VGroup

from lib import calculus
from lib.autodiff import Graph, Node, trace, two_layer_network_graph
from scenes import style
from scenes.computation_graph import (
    GRADIENT,
    GRADIENT_KIND,
    VALUE,
    GraphDiagram,
    chain_rule_tex,
    children_of,
    forward_tex,
    legend,
    local_gradients,
)
from scenes.inputs import Choice, Domain, Number, Rule, Vector
from scenes.s08_autodiff.shared import GraphPassScene, spoken_number
from scenes.style import (
    BEAT,
    CAPTION_SIZE,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    PAUSE,
    QUICK,
    SAFE_WIDTH,
    num,
    tex,
)

#: The network's nodes as the lesson names them: first-layer weights w and biases b, the
#: products p = w x, the hidden units z and a, second-layer weights v, products q = v a,
#: their sum s, the output bias c, the prediction, the error e and the cost C.
NAMES = {
    "x[0]": "x",
    "w1[0,0]": "w_1",
    "w1[1,0]": "w_2",
    "b1[0]": "b_1",
    "b1[1]": "b_2",
    "p[0]": "p_1",
    "p[1]": "p_2",
    "z1[0]": "z_1",
    "z1[1]": "z_2",
    "a1[0]": "a_1",
    "a1[1]": "a_2",
    "w2[0]": "v_1",
    "w2[1]": "v_2",
    "q[0]": "q_1",
    "q[1]": "q_2",
    "s": "s",
    "b2": "c",
    "y_hat": r"\hat{y}",
    "y": "y",
    "error": "e",
    "cost": "C",
}
#: The trainable parameters, in the order of the gradient on the poster.
PARAMETERS = ("w1[0,0]", "w1[1,0]", "b1[0]", "b1[1]", "w2[0]", "w2[1]", "b2")
SUBSCRIPTS = str.maketrans("12", "₁₂")
KINK = 0.05  # relu's hidden sums stay this far from its kink at 0


def said(label: str) -> str:
    """A node's name in a subcaption: ``w₁``, ``ŷ``."""
    return NAMES[label].replace(r"\hat{y}", "ŷ").replace("_", "").translate(SUBSCRIPTS)


def build_network(
    x: float,
    w1: Sequence[float],
    b1: Sequence[float],
    w2: Sequence[float],
    b2: float,
    y: float,
    activation: str,
) -> Graph:
    """lib's two-layer network (one input, two hidden units), run both ways and recorded.

    The products and sums lib leaves unnamed are named here, as the lesson reads them.
    """
    net = two_layer_network_graph([x], [[w] for w in w1], b1, w2, b2, y, activation)
    for j, z in enumerate(net.z1):
        z.parents[0].named(f"p[{j}]")
    s = net.y_hat.parents[0].named("s")
    for j, q in enumerate(s.parents):
        q.named(f"q[{j}]")
    net.cost.parents[0].named("error")
    net.cost.backward()
    return trace(net.cost)


def off_the_kink(values: Mapping[str, Any]) -> bool:
    """With relu, each hidden sum z_j = w_j x + b_j stays clear of the kink at 0."""
    if values["activation"] != "relu":
        return True
    graph = build_network(*(values[k] for k in ("x", "w1", "b1", "w2", "b2", "y", "activation")))
    return all(abs(graph.find(f"z1[{j}]").value) >= KINK for j in range(2))


class Backpropagation(GraphPassScene):
    """A two-layer network's cost as lib records it; values forward, gradients backward."""

    x = 1.5  # the one input and its target
    y = 2.0
    w1 = (0.8, -0.6)  # first layer: z_j = w_j x + b_j, a_j = act(z_j)
    b1 = (0.1, 0.4)
    w2 = (1.2, -0.7)  # second layer: y_hat = v_1 a_1 + v_2 a_2 + c
    b2 = 0.3
    activation = "tanh"
    domain = Domain(
        x=Number(-2, 2),
        y=Number(-3, 3),
        w1=Vector(2, -2, 2),
        b1=Vector(2, -2, 2),
        w2=Vector(2, -2, 2),
        b2=Number(-2, 2),
        activation=Choice(("tanh", "relu")),
        rules=(
            Rule(
                f"must keep each hidden sum w_j x + b_j at least {KINK} from relu's kink at 0",
                ("x", "w1", "b1", "activation"),
                off_the_kink,
            ),
        ),
    )

    def construct(self) -> None:
        self.recorded = build_network(  # every number, from lib, up front
            self.x, self.w1, self.b1, self.w2, self.b2, self.y, self.activation
        )
        self.checks = calculus.gradient(self.cost_at, self.parameter_values())
        self.introduce_network()
        self.forward_pass()
        self.seed_reverse_pass()
        self.back_through_the_output()
        self.back_through_the_hidden_layer()
        self.check_by_finite_differences()
        self.show_summary()

    # -- the numbers ----------------------------------------------------------------------

    def node(self, label: str) -> Node:
        return self.recorded.find(label)

    def parameter_values(self) -> list[float]:
        return [*self.w1, *self.b1, *self.w2, self.b2]

    def cost_at(self, params) -> float:
        """C at parameters (w_1, w_2, b_1, b_2, v_1, v_2, c), recomputed by lib's network."""
        w1, b1, w2, b2 = params[0:2], params[2:4], params[4:6], params[6]
        graph = two_layer_network_graph(
            [self.x], [[w] for w in w1], b1, w2, b2, self.y, self.activation
        )
        return graph.cost.data

    def said_value(self, label: str) -> str:
        return spoken_number(self.node(label).value)

    def said_grad(self, label: str) -> str:
        return spoken_number(self.node(label).grad, GRADIENT_KIND)

    # -- the picture ----------------------------------------------------------------------

    def build_diagram(self, graph, *, width, height, centre, names) -> None:
        """The graph in the compact style: twenty-one nodes in nine layers."""
        self.graph = graph
        self.diagram = GraphDiagram(
            graph,
            width=width,
            height=height,
            centre=centre,
            names=names,
            name_size=LABEL_SIZE,
            number_size=LABEL_SIZE,
            compact=True,
        )
        self.step_formula = None

    def layer_nodes(self, layer: list[int]) -> list[Node]:
        return [self.recorded.nodes[i] for i in layer]

    def introduce_network(self) -> None:
        act = r"\tanh" if self.activation == "tanh" else r"\mathrm{relu}"
        with self.beat(
            "A tiny network: one input x, two hidden units a = "
            f"{self.activation}(w x + b), an output ŷ = v₁ a₁ + v₂ a₂ + c, and the cost "
            "C = (ŷ − y)². lib records it as a graph of "
            f"{len(self.recorded.nodes)} nodes in nine layers."
        ):
            self.heading = style.title("Backpropagation").to_edge(LEFT, buff=MARGIN)
            self.key = legend().to_edge(RIGHT, buff=MARGIN).align_to(self.heading, UP)
            self.key.shift(DOWN * 0.1)
            top = self.heading.get_bottom()[1] - 0.15
            bottom = -2.6
            self.build_diagram(
                self.recorded,
                width=SAFE_WIDTH,
                height=top - bottom,
                centre=(0.0, (top + bottom) / 2, 0.0),
                names=NAMES,
            )
            network = tex(
                rf"z_j = w_j x + b_j,\quad a_j = {act}(z_j),\quad"
                r"\hat{y} = v_1 a_1 + v_2 a_2 + c,\quad C = (\hat{y} - y)^2",
                size=CAPTION_SIZE,
            )
            d = self.diagram
            self.play(FadeIn(self.heading), *self.swap_formula(network), run_time=BEAT)
            for layer in d.rows:
                nodes = self.layer_nodes(layer)
                self.play(
                    *(Create(a) for n in nodes for a in d.edges_into(n.id)),
                    *(FadeIn(d.ops[n.id]) for n in nodes if n.parents),
                    *(GrowFromCenter(d.boxes[n.id]) for n in nodes),
                    run_time=QUICK,
                )
            self.show("nodes", len(self.recorded.nodes))
            self.wait(PAUSE)

    def formula(self, content: str) -> VGroup:
        return tex(content, size=CAPTION_SIZE)

    def forward_pass(self) -> None:
        a = [self.said_value(f"a1[{j}]") for j in range(2)]
        with self.beat(
            f"Forward pass, layer by layer, with x = {self.said_value('x[0]')} and target "
            f"y = {self.said_value('y')}: the hidden units are a₁ = {a[0]} and a₂ = {a[1]}, "
            f"the prediction ŷ = {self.said_value('y_hat')}, the error e = "
            f"{self.said_value('error')} and the cost C = {self.said_value('cost')}."
        ):
            d = self.diagram
            self.play(FadeIn(self.key[0]), run_time=QUICK)
            for layer in d.rows:
                nodes = self.layer_nodes(layer)
                computed = [n for n in nodes if n.parents]
                steps = [FadeIn(d.values[n.id], scale=1.3) for n in nodes]
                if computed:
                    arrows = [a for n in computed for a in d.edges_into(n.id)]
                    self.play(*(a.animate.set_color(VALUE) for a in arrows), run_time=QUICK)
                    shown = forward_tex(self.recorded, computed[0], d.names)
                    steps += self.swap_formula(self.formula(shown))
                self.play(*steps, run_time=QUICK)
                for n in nodes:
                    self.show(f"value:{n.label}", n.value)
            self.wait(PAUSE)

    def seed_reverse_pass(self) -> None:
        with self.beat(
            "Backward, right to left, the chain rule at every node. It starts at the cost: "
            f"∂C/∂C = 1, and ∂C/∂e = 2e = {self.said_grad('error')}."
        ):
            self.play(*self.settle_graph(), FadeIn(self.key[1]), run_time=QUICK)
            for layer in reversed(self.diagram.rows[-2:]):
                self.reveal_layer_gradients(layer)
            self.wait(PAUSE)

    def reveal_layer_gradients(self, layer: list[int]) -> None:
        """Every gradient of one layer, the formula of the node with the most paths."""
        d, g = self.diagram, self.recorded
        children = children_of(g)
        nodes = self.layer_nodes(layer)
        lead = max(nodes, key=lambda n: (len(children[n.id]), n.label in PARAMETERS))
        arrows = [a for n in nodes for a in d.edges_out_of(n.id)]
        if arrows:
            self.play(*(a.animate.set_color(GRADIENT) for a in arrows), run_time=QUICK)
        self.play(
            *(FadeIn(d.grads[n.id], scale=1.3) for n in nodes),
            *(d.boxes[n.id][0].animate.set_stroke(GRADIENT, width=3) for n in nodes),
            *self.swap_formula(self.formula(chain_rule_tex(g, lead, d.names))),
            run_time=QUICK * 1.5,
        )
        local = local_gradients(g)
        for n in nodes:
            self.show(f"grad:{n.label}", n.grad)
            for (parent, child), slope in local.items():
                if parent == n.id:
                    self.show(f"local:{n.label}>{g.nodes[child].label}", slope)

    def back_through_the_output(self) -> None:
        rows = self.diagram.rows
        with self.beat(
            "A sum passes its gradient on unchanged, to ŷ, to c and to each q; a product "
            "hands each factor the gradient times the other factor: ∂C/∂v₁ = ∂C/∂q₁ · a₁ = "
            f"{self.said_grad('w2[0]')}, and ∂C/∂a₁ = ∂C/∂q₁ · v₁ = {self.said_grad('a1[0]')}."
        ):
            for layer in reversed(rows[3:-2]):
                self.reveal_layer_gradients(layer)
            self.wait(PAUSE)

    def back_through_the_hidden_layer(self) -> None:
        rows = self.diagram.rows
        if self.activation == "tanh":
            how = "Through tanh the gradient is scaled by its local slope 1 − a²"
        else:
            how = "Through relu the gradient passes where z > 0 and stops where z < 0"
        with self.beat(
            f"{how}: ∂C/∂z₁ = {self.said_grad('z1[0]')}. Then on to the first layer: "
            f"∂C/∂w₁ = {self.said_grad('w1[0,0]')}, and x, feeding both hidden units, adds "
            f"its two paths: ∂C/∂x = {self.said_grad('x[0]')}."
        ):
            for layer in reversed(rows[:3]):
                self.reveal_layer_gradients(layer)
            self.wait(PAUSE)

    def gradient_row(self, values: Sequence[float]) -> str:
        return r"\left(" + ", ".join(num(v, GRADIENT_KIND) for v in values) + r"\right)"

    def check_by_finite_differences(self) -> None:
        grads = [self.node(p).grad for p in PARAMETERS]
        with self.beat(
            "Check: nudge each of the seven parameters a little and recompute the cost. "
            "Finite differences give the same seven slopes the backward pass found."
        ):
            d = self.diagram
            frames = [d.boxes[self.node(p).id][0] for p in PARAMETERS]
            check = self.formula(
                r"\text{finite differences:}\quad" + self.gradient_row(self.checks)
            )
            self.play(*self.settle_graph(), run_time=QUICK)
            self.play(*(f.animate.set_stroke(HIGHLIGHT, width=4) for f in frames), run_time=QUICK)
            self.play(*self.swap_formula(check), run_time=BEAT)
            self.show("finite_differences", tuple(self.checks))
            self.show("backward_pass", tuple(grads))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        grads = [self.node(p).grad for p in PARAMETERS]
        with self.beat(
            "Backpropagation is the chain rule run once, backwards: one pass gives the cost's "
            "gradient with respect to every weight and bias, "
            f"here ∂C/∂w₁ = {self.said_grad('w1[0,0]')} to ∂C/∂c = {self.said_grad('b2')}."
        ):
            names = ", ".join(NAMES[p] for p in PARAMETERS)
            gradient = self.formula(
                rf"\nabla C\,({names})" + " = " + self.gradient_row(grads),
            )
            gradient.set_color(GRADIENT)
            self.play(*self.swap_formula(gradient), run_time=BEAT)
            self.show("gradient", tuple(grads))
            self.hold_poster()
