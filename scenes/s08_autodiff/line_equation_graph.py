"""LineEquationGraph: a line's cost for one point as a graph; its gradient by the reverse pass."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, Create, FadeIn, GrowFromCenter, VGroup, Write

from lib import calculus
from lib.autodiff import line_cost_graph, trace
from scenes import style
from scenes.computation_graph import GRADIENT, GRADIENT_KIND, legend, partial
from scenes.inputs import Domain, Number
from scenes.s08_autodiff.shared import GraphPassScene, spoken_gradient, spoken_number
from scenes.style import BEAT, GAP, HIGHLIGHT, MARGIN, PAUSE, QUICK, SAFE_WIDTH, num, tex

#: How the graph's labels read on screen and in the narration.
NAMES = {"cost": "C", "error": "e", "y_hat": r"\hat{y}", "mx": "mx"}
SPOKEN = {"cost": "C", "error": "e", "y_hat": "ŷ", "mx": "mx"}
PARAMETERS = ("m", "b")
DATA = ("x", "y")


def said(label: str) -> str:
    """A node's name in a subcaption."""
    return SPOKEN.get(label, label)


class LineEquationGraph(GraphPassScene):
    """C = (m x + b - y)^2 for one point, drawn from lib's trace; dC/dm and dC/db flow back."""

    m = 2.0  # the line's slope and intercept: the parameters
    b = 1.0
    x = 3.0  # one data point
    y = 10.0
    domain = Domain(m=Number(-5, 5), b=Number(-5, 5), x=Number(-5, 5), y=Number(-10, 10))

    def construct(self) -> None:
        nodes = line_cost_graph(self.m, self.b, self.x, self.y)  # every number, from lib
        nodes.cost.backward()
        self.recorded = trace(nodes.cost)
        self.checks = [  # the same partials by finite differences of C with plain floats
            calculus.partial_derivative(self.cost_at, (self.m, self.b), k) for k in range(2)
        ]
        self.introduce_graph()
        self.forward_pass()
        self.seed_reverse_pass()
        for layer in reversed(self.diagram.rows[:-1]):
            self.pass_layer_back(layer)
        self.check_by_finite_differences()
        self.show_summary()

    def cost_at(self, params) -> float:
        """C(m, b) = (m x + b - y)^2 at this point, with plain floats."""
        return float((params[0] * self.x + params[1] - self.y) ** 2)

    def node(self, label: str):
        return self.recorded.find(label)

    def introduce_graph(self) -> None:
        with self.beat(
            "A line y = m x + b predicts ŷ at x. For one point (x, y) its cost is the squared "
            "error, C = (ŷ − y)². As a graph: multiply, add, subtract, square."
        ):
            self.heading = style.title("A line's cost as a graph")
            formula = tex(r"\hat{y} = m x + b,\quad C = (\hat{y} - y)^2")
            formula.next_to(self.heading, DOWN, buff=GAP * 0.8).to_edge(LEFT, buff=MARGIN)
            self.key = legend().next_to(self.heading, DOWN, buff=GAP * 0.8)
            self.key.to_edge(RIGHT, buff=MARGIN).align_to(formula, DOWN)
            top = formula.get_bottom()[1] - GAP * 0.6
            bottom = -2.6
            self.build_diagram(
                self.recorded,
                width=SAFE_WIDTH,
                height=top - bottom,
                centre=(0.0, (top + bottom) / 2, 0.0),
                names=NAMES,
            )
            d = self.diagram
            self.play(FadeIn(self.heading), Write(formula), run_time=BEAT)
            leaves = [n.id for n in self.recorded.nodes if not n.parents]
            self.play(*(GrowFromCenter(d.boxes[i]) for i in leaves), run_time=BEAT)
            for node in self.recorded.nodes:
                if node.parents:
                    self.play(
                        *(Create(a) for a in d.edges_into(node.id)),
                        FadeIn(d.ops[node.id]),
                        GrowFromCenter(d.boxes[node.id]),
                        run_time=QUICK * 1.5,
                    )
            self.wait(PAUSE)

    def forward_pass(self) -> None:
        v = {label: spoken_number(self.node(label).value) for label in (*NAMES, *PARAMETERS, *DATA)}
        with self.beat(
            f"Forward pass, with m = {v['m']}, b = {v['b']} and the point ({v['x']}, {v['y']}): "
            f"m x = {v['mx']}, ŷ = {v['y_hat']}, e = ŷ − y = {v['error']}, and the cost "
            f"C = {v['cost']}."
        ):
            self.play(FadeIn(self.key[0]), run_time=QUICK)
            for node in self.recorded.forward():
                self.reveal_value(node)
            self.wait(PAUSE)

    def seed_reverse_pass(self) -> None:
        with self.beat("Reverse pass: from the cost back to every node, starting with ∂C/∂C = 1."):
            self.play(*self.settle_graph(), FadeIn(self.key[1]), run_time=QUICK)
            self.reveal_gradient(self.recorded.nodes[self.recorded.output])
            self.wait(QUICK)

    def pass_layer_back(self, layer: list[int]) -> None:
        nodes = sorted((self.recorded.nodes[i] for i in layer), key=lambda n: n.label not in DATA)
        lead = nodes[-1]  # a parameter or an inner node: its formula stays on screen
        (child,) = {c.id for c in self.recorded.nodes if lead.id in c.parents}
        child_node = self.recorded.nodes[child]
        local = dict(zip(child_node.parents, child_node.local_grads, strict=True))[lead.id]
        also = "".join(
            f" Likewise {spoken_gradient('C', said(n.label))} = "
            f"{spoken_number(n.grad, GRADIENT_KIND)}."
            for n in nodes[:-1]
        )
        with self.beat(
            f"{spoken_gradient('C', said(lead.label))} = "
            f"{spoken_gradient('C', said(child_node.label))} times "
            f"{spoken_gradient(said(child_node.label), said(lead.label))} = "
            f"{spoken_number(child_node.grad, GRADIENT_KIND)} times "
            f"{spoken_number(local, GRADIENT_KIND)} = {spoken_number(lead.grad, GRADIENT_KIND)}."
            + also
        ):
            for node in nodes:
                self.reveal_gradient(node)
            self.wait(PAUSE)

    def check_by_finite_differences(self) -> None:
        dm, db = (self.node(p).grad for p in PARAMETERS)
        with self.beat(
            "Check by nudging each parameter a little: finite differences give "
            f"∂C/∂m ≈ {spoken_number(self.checks[0], GRADIENT_KIND)} and ∂C/∂b ≈ "
            f"{spoken_number(self.checks[1], GRADIENT_KIND)}, what the reverse pass found."
        ):
            d = self.diagram
            boxes = [style.highlight_box(d.boxes[self.node(p).id][0]) for p in PARAMETERS]
            check = tex(
                r"\text{finite differences:}\quad",
                rf"{partial('C', 'm')} \approx {num(self.checks[0], GRADIENT_KIND)},\quad",
                rf"{partial('C', 'b')} \approx {num(self.checks[1], GRADIENT_KIND)}",
            )
            check[1:].set_color(GRADIENT)
            self.play(*self.settle_graph(), *(Create(b) for b in boxes), run_time=QUICK)
            self.play(*self.swap_formula(check), run_time=BEAT)
            self.show("finite_differences", tuple(self.checks))
            self.show("reverse_pass", (dm, db))
            self.wait(PAUSE)
            self.marks = VGroup(*boxes)

    def show_summary(self) -> None:
        dm, db = (self.node(p).grad for p in PARAMETERS)
        with self.beat(
            "One reverse pass gives the cost's gradient with respect to both parameters: "
            f"∂C/∂m = {spoken_number(dm, GRADIENT_KIND)}, ∂C/∂b = "
            f"{spoken_number(db, GRADIENT_KIND)}. Gradient descent steps against it."
        ):
            gradient = tex(
                rf"\nabla C = \left({partial('C', 'm')}, {partial('C', 'b')}\right)",
                "=",
                rf"\left({num(dm, GRADIENT_KIND)}, {num(db, GRADIENT_KIND)}\right)",
            )
            gradient[2].set_color(GRADIENT)
            self.play(
                *self.swap_formula(gradient),
                self.marks.animate.set_color(HIGHLIGHT),
                run_time=BEAT,
            )
            self.show("gradient", (dm, db))
            self.hold_poster()
