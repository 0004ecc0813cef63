"""A computational graph recorded by ``lib.autodiff.trace``, drawn and narrated.

Sections 8 and 9 draw the graphs ``lib.autodiff`` records: every node a box with its name,
its forward value and its gradient, every edge an arrow from a parent to the node it feeds,
every operation a small circle where the arrows meet. Nothing is placed by hand: the layers
come from the graph's structure (:func:`layers`), the positions from the layers and the space
given (:class:`GraphDiagram`), and the formulas a scene writes beside the graph, a forward
step or one step of the chain rule, from the recorded nodes (:func:`forward_tex`,
:func:`chain_rule_tex`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Line,
    RoundedRectangle,
    VGroup,
)

from lib.autodiff import Graph, Node
from scenes import style
from scenes.style import (
    BACKGROUND,
    BUFF,
    CAPTION_SIZE,
    LABEL_SIZE,
    MUTED,
    RESULT,
    TEXT,
    fmt,
    num,
    tex,
)

#: Forward values, in the graph and in every formula.
VALUE = RESULT
#: Gradients d(output)/d(node), in the graph and in every formula.
GRADIENT = style.EIGEN_2

#: The kinds of number (see ``style.DECIMALS``) of values and of gradients.
VALUE_KIND = "value"
GRADIENT_KIND = "slope"

#: Each operation of ``lib.autodiff`` as the symbol in its circle.
OP_SYMBOLS = {
    "+": "+",
    "-": "-",
    "*": r"\times",
    "/": r"\div",
    "neg": "-",
    "exp": r"\exp",
    "log": r"\log",
    "tanh": r"\tanh",
    "relu": r"\mathrm{relu}",
}

SWEEPS = 4  # barycentre sweeps that order the nodes of each layer


# -- names ------------------------------------------------------------------------------


def tex_name(label: str, names: Mapping[str, str] | None = None) -> str:
    """A node's label as TeX: from ``names`` if given there, ``w1[0,1]`` as ``w1_{0,1}``."""
    if names and label in names:
        return names[label]
    if label.endswith("_hat"):
        return rf"\hat{{{tex_name(label[:-4])}}}"
    indexed = re.fullmatch(r"(\w+?)\[([\d,]+)\]", label)
    if indexed:
        return rf"{indexed.group(1)}_{{{indexed.group(2)}}}"
    return label


def op_symbol(node: Node) -> str:
    """The TeX symbol of the operation that made ``node``."""
    if node.op == "**":
        return rf"(\cdot)^{{{fmt(node.exponent or 0, 'count')}}}"
    return OP_SYMBOLS[node.op]


def partial(output: str, node: str) -> str:
    r"""``\frac{\partial f}{\partial x}`` for TeX names ``output`` and ``node``."""
    return rf"\frac{{\partial {output}}}{{\partial {node}}}"


# -- layout -----------------------------------------------------------------------------


def children_of(graph: Graph) -> dict[int, list[int]]:
    """Each node's children (the nodes it feeds), in forward order."""
    children: dict[int, list[int]] = {node.id: [] for node in graph.nodes}
    for parent, child in graph.edges:
        if child not in children[parent]:
            children[parent].append(child)
    return children


def layers(graph: Graph) -> list[list[int]]:
    """The graph's nodes in layers, left to right, each node right of all its parents.

    A node's layer is one more than its deepest parent's; a leaf (an input) sits just left
    of the earliest node it feeds, so no arrow runs further than it must. Within a layer the
    nodes are ordered by the mean position of their neighbours (barycentre sweeps), so few
    arrows cross.
    """
    children = children_of(graph)
    depth: dict[int, int] = {}
    for node in graph.nodes:
        depth[node.id] = 1 + max((depth[p] for p in node.parents), default=-1)
    for node in reversed(graph.nodes):
        if not node.parents and children[node.id]:
            depth[node.id] = min(depth[c] for c in children[node.id]) - 1
    count = max(depth.values()) + 1
    rows: list[list[int]] = [[] for _ in range(count)]
    for node in graph.nodes:
        rows[depth[node.id]].append(node.id)
    parents = {node.id: list(dict.fromkeys(node.parents)) for node in graph.nodes}
    for _ in range(SWEEPS):
        for k in range(1, count):  # left to right, by parents
            rows[k] = _by_barycentre(rows[k], rows[k - 1], parents, children)
        for k in range(count - 2, -1, -1):  # right to left, by children
            rows[k] = _by_barycentre(rows[k], rows[k + 1], children, parents)
    return rows


def _by_barycentre(
    row: list[int], beside: list[int], near: dict[int, list[int]], far: dict[int, list[int]]
) -> list[int]:
    """``row`` sorted by the mean place in ``beside`` of each node's ``near`` neighbours.

    A node with no neighbour there keeps its place; ``far`` neighbours break no ties.
    """
    place = {n: i for i, n in enumerate(beside)}

    def key(item: tuple[int, int]) -> tuple[float, int]:
        index, node = item
        found = [place[n] for n in near[node] if n in place]
        scaled = index * max(1, len(beside)) / max(1, len(row))
        return (sum(found) / len(found) if found else scaled, index)

    return [node for _, node in sorted(enumerate(row), key=key)]


# -- the drawing ------------------------------------------------------------------------


class GraphDiagram(VGroup):
    """The graph drawn in layers inside a ``width`` x ``height`` box around ``centre``.

    Holds the node boxes (``boxes``), operation circles (``ops``) and arrows (``edges``,
    keyed by (parent, child)); ``values`` and ``grads`` are each node's numbers, placed in
    its box but not part of the group, for the scene to reveal in the order of each pass.
    ``names`` maps labels to TeX (see :func:`tex_name`).

    ``compact`` draws a bigger graph (a network of some twenty nodes) in the same space:
    boxes padded tightly, and each operation a tab on top of its box, where the arrows
    meet, rather than a circle beside it, so the layers stand closer together.
    """

    def __init__(
        self,
        graph: Graph,
        *,
        width: float,
        height: float,
        names: Mapping[str, str] | None = None,
        centre: Sequence[float] = (0.0, 0.0, 0.0),
        name_size: float = CAPTION_SIZE,
        number_size: float = LABEL_SIZE,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.compact = compact
        self.graph = graph
        self.names = {node.id: tex_name(node.label, names) for node in graph.nodes}
        self.rows = layers(graph)
        labels = {n.id: tex(self.names[n.id], size=name_size) for n in graph.nodes}
        self.values = {
            n.id: tex(num(n.value, VALUE_KIND), size=number_size, color=VALUE) for n in graph.nodes
        }
        self.grads = {
            n.id: tex(num(n.grad, GRADIENT_KIND), size=number_size, color=GRADIENT)
            for n in graph.nodes
        }
        contents = [*labels.values(), *self.values.values(), *self.grads.values()]
        padding, spacing = (BUFF * 0.35, BUFF * 0.25) if compact else (BUFF, BUFF * 0.8)
        box_width = max(m.width for m in contents) + 2 * padding
        row_height = max(m.height for m in contents) + spacing
        box_height = 3 * row_height + (BUFF * 0.2 if compact else BUFF * 0.6)
        symbols = {
            n.id: tex(op_symbol(n), size=number_size, color=TEXT) for n in graph.nodes if n.parents
        }
        if compact:  # each operation a tab on its box's top edge: the layers sit closer
            tab_height = max([0.0, *((m.height + BUFF * 0.25) for m in symbols.values())])
            self.node_width = box_width
            self.node_height = box_height + tab_height
        else:
            radius = max([0.28, *((m.width / 2 + 0.1) for m in symbols.values())])
            op_room = 2 * radius + BUFF * 1.2 if symbols else 0.0
            self.node_width = box_width + op_room
            self.node_height = box_height
        self.positions = {
            node: point + np.asarray(centre, dtype=float)
            for node, point in self._positions(width, height).items()
        }
        self.boxes: dict[int, VGroup] = {}
        self.ops: dict[int, VGroup] = {}
        for node in graph.nodes:
            centre = self.positions[node.id]
            frame = RoundedRectangle(
                width=box_width,
                height=box_height,
                corner_radius=0.12,
                stroke_color=MUTED,
                stroke_width=2,
                fill_color=BACKGROUND,
                fill_opacity=1,
            )
            if compact:
                frame.move_to(centre + DOWN * (self.node_height - box_height) / 2)
            else:
                frame.move_to(centre + RIGHT * op_room / 2)
            top = frame.get_top()[1] - (BUFF * 0.1 if compact else BUFF * 0.3) - row_height / 2
            labels[node.id].move_to([frame.get_center()[0], top, 0])
            self.values[node.id].move_to([frame.get_center()[0], top - row_height, 0])
            self.grads[node.id].move_to([frame.get_center()[0], top - 2 * row_height, 0])
            self.boxes[node.id] = VGroup(frame, labels[node.id])
            if node.parents and compact:
                symbol = symbols[node.id]
                tab = RoundedRectangle(
                    width=max(symbol.width + BUFF * 0.8, tab_height * 1.4),
                    height=tab_height,
                    corner_radius=tab_height / 2,
                    stroke_color=MUTED,
                    stroke_width=2,
                    fill_color=BACKGROUND,
                    fill_opacity=1,
                ).next_to(frame, UP, buff=0)
                self.ops[node.id] = VGroup(tab, symbol.move_to(tab))
            elif node.parents:
                circle = Circle(radius=radius, color=MUTED, stroke_width=2)
                circle.set_fill(BACKGROUND, opacity=1)
                circle.move_to(frame.get_left() + LEFT * (BUFF * 1.2 + radius))
                link = Line(circle.get_right(), frame.get_left(), color=MUTED, stroke_width=2)
                self.ops[node.id] = VGroup(link, circle, symbols[node.id].move_to(circle))
        self.edges: dict[tuple[int, int], Arrow] = {}
        for parent, child in dict.fromkeys(graph.edges):
            start = self.boxes[parent][0].get_right()
            if compact:  # into the left end of the operation's tab
                end = self.ops[child][0].get_left() + RIGHT * tab_height / 2
                stop = tab_height / 2
            else:
                end, stop = self.ops[child][1].get_center(), radius
            direction = (end - start) / np.linalg.norm(end - start)
            self.edges[(parent, child)] = Arrow(
                start,
                end - direction * stop,
                buff=0.04,
                color=MUTED,
                stroke_width=3,
                tip_length=0.16,
                max_tip_length_to_length_ratio=0.3,
            )
        self.add(*self.edges.values(), *self.ops.values(), *self.boxes.values())

    def _positions(self, width: float, height: float) -> dict[int, np.ndarray]:
        """Each node's centre: layers spread across ``width``, each layer centred vertically."""
        count = len(self.rows)
        pitch_x = (width - self.node_width) / max(1, count - 1)
        tallest = max(len(row) for row in self.rows)
        pitch_y = min(self.node_height * 1.6, (height - self.node_height) / max(1, tallest - 1))
        positions = {}
        for k, row in enumerate(self.rows):
            x = -width / 2 + self.node_width / 2 + k * pitch_x
            for i, node in enumerate(row):
                y = ((len(row) - 1) / 2 - i) * pitch_y
                positions[node] = np.array([x, y, 0.0])
        return positions

    # -- what a scene animates ----------------------------------------------------------

    def edges_into(self, node: int) -> list[Arrow]:
        """The arrows from ``node``'s parents."""
        return [arrow for (_, child), arrow in self.edges.items() if child == node]

    def edges_out_of(self, node: int) -> list[Arrow]:
        """The arrows to ``node``'s children."""
        return [arrow for (parent, _), arrow in self.edges.items() if parent == node]


def legend(*, size: float = LABEL_SIZE) -> VGroup:
    """What the two numbers in a node's box are: its value, then its gradient."""
    return VGroup(
        style.text("value", size=size, color=VALUE),
        style.text("gradient", size=size, color=GRADIENT),
    ).arrange(RIGHT, buff=BUFF * 2)


# -- the formulas of the two passes -----------------------------------------------------


def forward_tex(graph: Graph, node: Node, names: Mapping[int, str]) -> str:
    """How ``node``'s value is computed: ``q = x + y = -2 + 5 = 3``."""
    parents = [graph.nodes[p] for p in node.parents]
    symbolic = [names[p.id] for p in parents]
    numeric = [num(p.value, VALUE_KIND) for p in parents]
    value = num(node.value, VALUE_KIND)
    if node.op in ("+", "-", "*", "/"):
        sign = {"+": "+", "-": "-", "*": r"\cdot", "/": "/"}[node.op]
        shown = [style.factor(p.value, VALUE_KIND) for p in parents]
        if node.op in ("+", "-"):
            shown = [numeric[0], style.factor(parents[1].value, VALUE_KIND)]
        return (
            rf"{names[node.id]} = {symbolic[0]} {sign} {symbolic[1]}"
            rf" = {shown[0]} {sign} {shown[1]} = {value}"
        )
    if node.op == "**":
        power = fmt(node.exponent or 0, "count")
        base = style.factor(parents[0].value, VALUE_KIND)
        return rf"{names[node.id]} = {symbolic[0]}^{{{power}}} = {base}^{{{power}}} = {value}"
    function = OP_SYMBOLS[node.op]
    return rf"{names[node.id]} = {function}({symbolic[0]}) = {function}({numeric[0]}) = {value}"


def chain_rule_tex(graph: Graph, node: Node, names: Mapping[int, str]) -> str:
    r"""One step of the reverse pass at ``node``: its gradient from its children's.

    ``\partial f/\partial x = \partial f/\partial q \, \partial q/\partial x = -4 \cdot 1
    = -4``, a sum over the children when ``node`` feeds more than one; ``= 1`` at the output.
    """
    out = names[graph.output]
    here = partial(out, names[node.id])
    if node.id == graph.output:
        return rf"{here} = 1"
    terms, numbers = [], []
    for (parent, child), local in local_gradients(graph).items():
        if parent == node.id:
            terms.append(rf"{partial(out, names[child])}\,{partial(names[child], names[node.id])}")
            numbers.append(
                rf"{style.factor(graph.nodes[child].grad, GRADIENT_KIND)} \cdot "
                rf"{style.factor(local, GRADIENT_KIND)}"
            )
    return (
        rf"{here} = {' + '.join(terms)} = {' + '.join(numbers)}"
        rf" = {num(node.grad, GRADIENT_KIND)}"
    )


def local_gradients(graph: Graph) -> dict[tuple[int, int], float]:
    """d(child)/d(parent) of each edge, summed when a parent enters a node twice (a * a)."""
    found: dict[tuple[int, int], float] = {}
    for child in graph.nodes:
        for parent, local in zip(child.parents, child.local_grads, strict=True):
            found[(parent, child.id)] = found.get((parent, child.id), 0.0) + local
    return found
