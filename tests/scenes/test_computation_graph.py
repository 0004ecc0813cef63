"""scenes.computation_graph lays out and narrates any graph lib.autodiff records.

Checked on the line's cost and on the two-layer network: every node drawn once, every arrow
running left to right into its child's operation, leaves beside the node they feed, and the
formulas of both passes carrying lib's numbers.
"""

from __future__ import annotations

import itertools

import pytest

from lib.autodiff import line_cost_graph, trace, two_layer_network_graph
from scenes.computation_graph import (
    GraphDiagram,
    chain_rule_tex,
    forward_tex,
    layers,
    local_gradients,
    tex_name,
)


def line_graph():
    nodes = line_cost_graph(2.0, 1.0, 3.0, 10.0)
    nodes.cost.backward()
    return trace(nodes.cost)


def network_graph():
    net = two_layer_network_graph([1.0], [[0.5], [-1.0]], [0.0, 0.5], [1.0, -0.5], 0.2, 1.0)
    net.cost.backward()
    return trace(net.cost)


@pytest.mark.parametrize("graph", [line_graph(), network_graph()], ids=["line", "network"])
def test_layers_hold_every_node_once_each_right_of_its_parents(graph) -> None:
    rows = layers(graph)
    placed = [node for row in rows for node in row]
    assert sorted(placed) == [node.id for node in graph.nodes]
    layer = {node: k for k, row in enumerate(rows) for node in row}
    for parent, child in graph.edges:
        assert layer[parent] < layer[child]
    for node in graph.nodes:
        if not node.parents:  # an input sits just left of the first node it feeds
            feeds = [child for parent, child in graph.edges if parent == node.id]
            assert layer[node.id] == min(layer[c] for c in feeds) - 1
    assert rows[-1] == [graph.output]


def test_the_line_cost_is_laid_out_as_the_lesson_reads_it() -> None:
    graph = line_graph()
    rows = [[graph.nodes[i].label for i in row] for row in layers(graph)]
    assert rows == [["m", "x"], ["mx", "b"], ["y_hat", "y"], ["error"], ["cost"]]


def test_the_diagram_points_every_arrow_left_to_right_inside_its_box() -> None:
    graph = line_graph()
    diagram = GraphDiagram(graph, width=12.0, height=4.0, centre=(0.0, 0.5, 0.0))
    assert set(diagram.edges) == set(graph.edges)
    for (parent, child), arrow in diagram.edges.items():
        assert arrow.get_start()[0] < arrow.get_end()[0]
        assert diagram.boxes[parent].get_right()[0] <= diagram.ops[child].get_left()[0]
    assert diagram.width <= 12.0 + 1e-6 and diagram.height <= 4.0 + 1e-6
    assert diagram.get_center()[1] == pytest.approx(0.5, abs=0.6)
    for node in graph.nodes:  # the numbers sit inside their node's box
        frame = diagram.boxes[node.id][0]
        for number in (diagram.values[node.id], diagram.grads[node.id]):
            assert frame.get_left()[0] < number.get_center()[0] < frame.get_right()[0]
            assert frame.get_bottom()[1] < number.get_center()[1] < frame.get_top()[1]


def test_the_formulas_of_both_passes_carry_lib_s_numbers() -> None:
    graph = line_graph()
    names = {node.id: tex_name(node.label) for node in graph.nodes}
    error = graph.find("error")
    assert forward_tex(graph, error, names) == r"error = \hat{y} - y = 7 - 10 = {-3}"
    assert forward_tex(graph, graph.find("cost"), names) == "cost = error^{2} = (-3)^{2} = 9"
    m = graph.find("m")
    assert chain_rule_tex(graph, m, names) == (
        r"\frac{\partial cost}{\partial m} = \frac{\partial cost}{\partial mx}\,"
        r"\frac{\partial mx}{\partial m} = (-6) \cdot 3 = {-18}"
    )
    assert chain_rule_tex(graph, graph.nodes[graph.output], names).endswith("= 1")


def test_each_grad_is_the_sum_of_its_local_gradients_times_its_children_s_grads() -> None:
    graph = network_graph()
    local = local_gradients(graph)
    for node in graph.nodes:
        if node.id == graph.output:
            assert node.grad == 1.0
            continue
        total = sum(g * graph.nodes[c].grad for (p, c), g in local.items() if p == node.id)
        assert node.grad == pytest.approx(total)


def test_labels_become_tex_names() -> None:
    assert tex_name("y_hat") == r"\hat{y}"
    assert tex_name("w1[0,1]") == "w1_{0,1}"
    assert tex_name("cost", {"cost": "C"}) == "C"


def test_the_compact_diagram_fits_the_network_with_tabs_above_their_boxes() -> None:
    graph = network_graph()
    diagram = GraphDiagram(graph, width=13.5, height=5.75, compact=True, name_size=26)
    assert diagram.width <= 13.5 + 1e-6 and diagram.height <= 5.75 + 1e-6
    for (parent, child), arrow in diagram.edges.items():
        assert arrow.get_start()[0] < arrow.get_end()[0]
        assert diagram.boxes[parent].get_right()[0] < diagram.ops[child].get_left()[0]
    for node in graph.nodes:
        frame = diagram.boxes[node.id][0]
        if node.parents:  # the operation's tab stands on its box
            tab = diagram.ops[node.id][0]
            assert tab.get_bottom()[1] == pytest.approx(frame.get_top()[1])
        for number in (diagram.values[node.id], diagram.grads[node.id]):
            assert frame.get_left()[0] < number.get_left()[0]
            assert number.get_right()[0] < frame.get_right()[0]
            assert frame.get_bottom()[1] < number.get_bottom()[1]
    rows = diagram.rows
    for row in rows:  # no node reaches into the one below it
        for upper, lower in itertools.pairwise(row):
            above = diagram.boxes[upper][0].get_bottom()[1]
            below = diagram.ops.get(lower, diagram.boxes[lower])[0].get_top()[1]
            assert above > below
