"""What two or more scenes of section 8, Automatic Differentiation, share.

The graph scenes play the same two passes over a :class:`~scenes.computation_graph.GraphDiagram`:
the forward pass reveals each node's value as its operation runs, the reverse pass each
node's gradient as the chain rule reaches it, with the step's formula under the graph.
:class:`GraphPassScene` plays them for any graph ``lib.autodiff.trace`` records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from manim import (
    DOWN,
    FadeIn,
    FadeOut,
    VGroup,
    Write,
    config,
)

from lib.autodiff import Graph, Node
from scenes import style
from scenes.computation_graph import (
    GRADIENT,
    VALUE,
    VALUE_KIND,
    GraphDiagram,
    chain_rule_tex,
    forward_tex,
)
from scenes.style import BEAT, MARGIN, QUICK, SAFE_WIDTH, LessonScene, fmt, tex

#: Where the step formulas stand: under the graph, above the bottom margin.
FORMULA_Y = -config.frame_height / 2 + MARGIN + 0.55


def spoken_number(value: float, kind: str = VALUE_KIND) -> str:
    """A number for a subcaption, with a true minus sign: ``−4``."""
    return fmt(value, kind).replace("-", "−")


def spoken_gradient(output: str, node: str) -> str:
    """``∂f/∂x`` for a subcaption."""
    return f"∂{output}/∂{node}"


class GraphPassScene(LessonScene):
    """A lesson that draws a recorded graph and plays its forward and reverse passes."""

    def build_diagram(
        self,
        graph: Graph,
        *,
        width: float,
        height: float,
        centre: Sequence[float],
        names: Mapping[str, str] | None,
    ) -> None:
        """Draw ``graph`` (not yet on screen); its step formulas go under it."""
        self.graph = graph
        self.diagram = GraphDiagram(graph, width=width, height=height, centre=centre, names=names)
        self.step_formula: VGroup | None = None

    def place_formula(self, formula: VGroup) -> VGroup:
        """``formula`` centred at the formula line, no wider than the safe frame."""
        style.fit_width(formula, SAFE_WIDTH)
        return formula.move_to([0, FORMULA_Y, 0])

    def swap_formula(self, formula: VGroup) -> list:
        """Animations that replace the step formula under the graph by ``formula``."""
        self.place_formula(formula)
        previous, self.step_formula = self.step_formula, formula
        if previous is None:
            return [Write(formula)]
        return [FadeOut(previous, shift=DOWN * 0.2), FadeIn(formula, shift=DOWN * 0.2)]

    def reveal_value(self, node: Node, *, formula: bool = True) -> None:
        """The forward pass at ``node``: its arrows light up and its value appears."""
        d = self.diagram
        arrows = d.edges_into(node.id)
        steps = [FadeIn(d.values[node.id], scale=1.3)]
        if node.parents and formula:
            steps += self.swap_formula(tex(forward_tex(self.graph, node, d.names)))
        if arrows:
            self.play(*(a.animate.set_color(VALUE) for a in arrows), run_time=QUICK)
        self.play(*steps, run_time=BEAT)
        self.show(f"value:{node.label}", node.value)

    def reveal_gradient(self, node: Node) -> None:
        """The reverse pass at ``node``: arrows to its children light up, its gradient appears."""
        d = self.diagram
        arrows = d.edges_out_of(node.id)
        formula = tex(chain_rule_tex(self.graph, node, d.names))
        if arrows:
            self.play(*(a.animate.set_color(GRADIENT) for a in arrows), run_time=QUICK)
        self.play(
            FadeIn(d.grads[node.id], scale=1.3),
            d.boxes[node.id][0].animate.set_stroke(GRADIENT, width=3),
            *self.swap_formula(formula),
            run_time=BEAT,
        )
        self.show(f"grad:{node.label}", node.grad)

    def settle_graph(self) -> list:
        """Animations that calm the graph: every box and arrow back to the quiet colour."""
        d = self.diagram
        return [
            *(a.animate.set_color(style.MUTED) for a in d.edges.values()),
            *(box[0].animate.set_stroke(style.MUTED, width=2) for box in d.boxes.values()),
        ]

    def remove_formula(self) -> list:
        """Animations that take the step formula away."""
        previous, self.step_formula = self.step_formula, None
        return [FadeOut(previous)] if previous is not None else []
