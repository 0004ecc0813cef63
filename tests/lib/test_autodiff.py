"""lib.autodiff: reverse-mode differentiation with a recorded graph (sections 8 and 9).

Oracles: hand-derived derivatives of each operation, central finite differences of the same
expression evaluated with plain floats (math), the closed-form line-cost gradient of
lib.calculus, and numpy.polyfit for the fitted line.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lib.autodiff import (
    Graph,
    Value,
    backward_order,
    fit_line,
    forward_order,
    line_cost_graph,
    mean_squared_error_graph,
    trace,
    two_layer_network_graph,
)
from lib.calculus import gradient_descent, line_cost_gradient
from lib.errors import EvaluationError, InvalidInputError, ShapeError


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    """(f(x + h) - f(x - h)) / 2h, the finite-difference oracle."""
    return (f(x + h) - f(x - h)) / (2 * h)


# --- each operation: forward value and gradient --------------------------------------------------

OPERATIONS = [
    # name, expression in a and b, d/da, d/db at a = 1.5, b = -0.5
    ("a + b", lambda a, b: a + b, 1.0, 1.0),
    ("a - b", lambda a, b: a - b, 1.0, -1.0),
    ("a * b", lambda a, b: a * b, -0.5, 1.5),
    ("a / b", lambda a, b: a / b, 1 / -0.5, -1.5 / 0.25),
    ("2 + a", lambda a, b: 2 + a, 1.0, 0.0),
    ("2 - a", lambda a, b: 2 - a, -1.0, 0.0),
    ("2 * a", lambda a, b: 2 * a, 2.0, 0.0),
    ("2 / a", lambda a, b: 2 / a, -2 / 1.5**2, 0.0),
    ("a / 2", lambda a, b: a / 2, 0.5, 0.0),
    ("-a", lambda a, b: -a, -1.0, 0.0),
    ("a ** 3", lambda a, b: a**3, 3 * 1.5**2, 0.0),
    ("a ** 0.5", lambda a, b: a**0.5, 0.5 / math.sqrt(1.5), 0.0),
    ("b ** -2", lambda a, b: b**-2, 0.0, -2 * (-0.5) ** -3),
    ("exp(a)", lambda a, b: a.exp() if isinstance(a, Value) else math.exp(a), math.exp(1.5), 0.0),
    ("log(a)", lambda a, b: a.log() if isinstance(a, Value) else math.log(a), 1 / 1.5, 0.0),
    (
        "tanh(b)",
        lambda a, b: b.tanh() if isinstance(b, Value) else math.tanh(b),
        0.0,
        1 - math.tanh(-0.5) ** 2,
    ),
    ("relu(a)", lambda a, b: a.relu() if isinstance(a, Value) else max(a, 0.0), 1.0, 0.0),
    ("relu(b)", lambda a, b: b.relu() if isinstance(b, Value) else max(b, 0.0), 0.0, 0.0),
    ("a * a", lambda a, b: a * a, 3.0, 0.0),  # one node used twice: grads add up
]


@pytest.mark.parametrize(
    ("name", "expression", "d_da", "d_db"), OPERATIONS, ids=[op[0] for op in OPERATIONS]
)
def test_each_operation_has_the_hand_derived_value_and_gradient(
    name: str, expression, d_da: float, d_db: float
) -> None:
    a, b = Value(1.5, "a"), Value(-0.5, "b")
    output = expression(a, b)
    output.backward()
    assert output.data == pytest.approx(expression(1.5, -0.5), rel=1e-15)
    assert a.grad == pytest.approx(d_da, rel=1e-12)
    assert b.grad == pytest.approx(d_db, rel=1e-12)


def test_relu_at_its_kink_has_gradient_zero() -> None:
    x = Value(0.0)
    y = x.relu()
    y.backward()
    assert (y.data, x.grad) == (0.0, 0.0)


# --- random expressions against finite differences -----------------------------------------------
# A tree is ("x" | "y" | "z") or a float constant, or (op, child) / (op, left, right). Ops whose
# domain is limited get safe arguments: log(e^2 + 1), a / (b^2 + 0.5), exp(tanh(e)).

VARIABLES = ("x", "y", "z")
UNARY = ("neg", "exp", "log", "tanh", "relu", "square", "cube", "sqrt")
BINARY = ("+", "-", "*", "/")

constants = st.tuples(st.sampled_from([-1.0, 1.0]), st.floats(0.1, 2)).map(lambda t: t[0] * t[1])
leaves = st.one_of(st.sampled_from(VARIABLES), constants)
expressions = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.tuples(st.sampled_from(UNARY), children),
        st.tuples(st.sampled_from(BINARY), children, children),
    ),
    max_leaves=8,
)


def evaluate(tree, env: dict, kinks: list[float] | None = None):
    """The tree's value with Values or floats in env; records relu arguments in ``kinks``."""
    if isinstance(tree, str):
        return env[tree]
    if isinstance(tree, float):
        return tree
    op, *children = tree
    args = [evaluate(child, env, kinks) for child in children]
    is_value = any(isinstance(arg, Value) for arg in args)
    if op in BINARY:
        left, right = args
        return {
            "+": lambda: left + right,
            "-": lambda: left - right,
            "*": lambda: left * right,
            "/": lambda: left / (right * right + 0.5),
        }[op]()
    (e,) = args
    if op == "relu" and kinks is not None:
        kinks.append(float(e))
    if not is_value:  # a float (a constant subtree, or the plain-float oracle)
        unary = {
            "neg": lambda: -e,
            "exp": lambda: math.exp(math.tanh(e)),
            "log": lambda: math.log(e * e + 1),
            "tanh": lambda: math.tanh(e),
            "relu": lambda: max(e, 0.0),
            "square": lambda: e**2,
            "cube": lambda: e**3,
            "sqrt": lambda: (e * e + 1) ** 0.5,
        }
        return unary[op]()
    return {
        "neg": lambda: -e,
        "exp": lambda: e.tanh().exp(),
        "log": lambda: (e * e + 1).log(),
        "tanh": lambda: e.tanh(),
        "relu": lambda: e.relu(),
        "square": lambda: e**2,
        "cube": lambda: e**3,
        "sqrt": lambda: (e * e + 1) ** 0.5,
    }[op]()


@given(
    tree=expressions,
    point=st.tuples(st.floats(-2, 2), st.floats(-2, 2), st.floats(-2, 2)),
)
def test_autodiff_gradients_of_random_expressions_match_finite_differences(tree, point) -> None:
    kinks: list[float] = []
    plain = dict(zip(VARIABLES, point, strict=True))
    expected = evaluate(tree, plain, kinks)
    assume(all(abs(k) > 1e-3 for k in kinks))  # relu is not differentiable at 0
    assume(abs(expected) < 1e6)
    variables = {name: Value(v, name) for name, v in plain.items()}
    output = evaluate(tree, variables)
    if not isinstance(output, Value):
        return  # a constant expression: nothing to differentiate
    output.backward()
    assert output.data == pytest.approx(expected, rel=1e-12, abs=1e-12)
    for name in VARIABLES:

        def along(t: float, name: str = name) -> float:
            return evaluate(tree, {**plain, name: t})

        numeric = central_difference(along, plain[name])
        scale = 1 + abs(expected)
        assert variables[name].grad == pytest.approx(numeric, rel=1e-4, abs=1e-5 * scale)


# --- backward: order, repetition, depth ----------------------------------------------------------


def test_calling_backward_twice_does_not_double_count() -> None:
    x = Value(3.0, "x")
    y = x * x + x
    y.backward()
    first = x.grad
    y.backward()
    assert x.grad == first == 7.0  # d/dx (x^2 + x) = 2x + 1


def test_backward_of_a_second_output_resets_a_shared_input() -> None:
    x = Value(2.0, "x")
    square, triple = x * x, 3 * x
    square.backward()
    triple.backward()
    assert x.grad == 3.0


def test_gradients_add_over_every_path_of_a_diamond() -> None:
    x = Value(0.7, "x")
    a, b = x.exp(), x.tanh()
    y = a * b  # dy/dx = e^x tanh x + e^x (1 - tanh^2 x)
    y.backward()
    expected = math.exp(0.7) * (math.tanh(0.7) + 1 - math.tanh(0.7) ** 2)
    assert x.grad == pytest.approx(expected, rel=1e-14)


def test_backward_handles_a_chain_far_deeper_than_the_recursion_limit() -> None:
    x = Value(1.0, "x")
    y = x
    for _ in range(sys.getrecursionlimit() * 5):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad == 1.0


def test_forward_order_puts_every_node_after_its_parents() -> None:
    graph = line_cost_graph(0.5, 1.0, 2.0, 4.0)
    order = forward_order(graph.cost)
    position = {id(node): k for k, node in enumerate(order)}
    assert all(position[id(p)] < position[id(node)] for node in order for p in node.parents)
    assert order[-1] is graph.cost
    assert backward_order(graph.cost) == tuple(reversed(order))


# --- trace: the graph as plain data --------------------------------------------------------------


def traced_line_cost() -> Graph:
    graph = line_cost_graph(0.5, 1.0, 2.0, 4.0)
    graph.cost.backward()
    return trace(graph.cost)


def test_trace_of_the_line_cost_lists_nodes_in_forward_order_with_values_and_grads() -> None:
    graph = traced_line_cost()
    rows = [(n.id, n.label, n.op, n.value, n.grad, n.parents) for n in graph.nodes]
    # y_hat = 0.5 * 2 + 1 = 2, error = -2, cost = 4; dC/d(error) = -4, dC/dm = -4 x = -8
    assert rows == [
        (0, "m", "input", 0.5, -8.0, ()),
        (1, "x", "input", 2.0, -2.0, ()),
        (2, "mx", "*", 1.0, -4.0, (0, 1)),
        (3, "b", "input", 1.0, -4.0, ()),
        (4, "y_hat", "+", 2.0, -4.0, (2, 3)),
        (5, "y", "input", 4.0, 4.0, ()),
        (6, "error", "-", -2.0, -4.0, (4, 5)),
        (7, "cost", "**", 4.0, 1.0, (6,)),
    ]
    assert graph.nodes[7].exponent == 2.0 and graph.nodes[7].local_grads == (-4.0,)
    assert graph.output == 7


def test_trace_edges_and_orders_for_the_two_passes() -> None:
    graph = traced_line_cost()
    assert graph.edges == ((0, 2), (1, 2), (2, 4), (3, 4), (4, 6), (5, 6), (6, 7))
    assert [n.id for n in graph.forward()] == list(range(8))
    assert [n.id for n in graph.backward()] == list(range(7, -1, -1))


def test_each_traced_grad_is_the_sum_over_children_of_local_grad_times_child_grad() -> None:
    graph = traced_line_cost()
    for node in graph.nodes[:-1]:
        incoming = [
            child.local_grads[k] * child.grad
            for child in graph.nodes
            for k, parent in enumerate(child.parents)
            if parent == node.id
        ]
        assert node.grad == pytest.approx(sum(incoming))


def test_trace_before_backward_records_zero_grads() -> None:
    graph = line_cost_graph(0.5, 1.0, 2.0, 4.0)
    assert all(node.grad == 0.0 for node in trace(graph.cost).nodes)


def test_constants_appear_as_labelled_const_leaves() -> None:
    x = Value(1.5, "x")
    graph = trace(3 * x)
    assert [(n.label, n.op) for n in graph.nodes] == [("3", "const"), ("x", "input"), ("", "*")]


def test_graph_find_returns_the_node_with_a_label() -> None:
    assert traced_line_cost().find("y_hat").value == 2.0


def test_graph_find_names_the_known_labels_when_a_label_is_missing() -> None:
    with pytest.raises(InvalidInputError, match=r"labelled 'w'; found 0 .*labels: b, cost, error"):
        traced_line_cost().find("w")


# --- the line and the network of sections 8 and 9 ------------------------------------------------


@given(m=st.floats(-3, 3), b=st.floats(-3, 3), x=st.floats(-3, 3), y=st.floats(-3, 3))
def test_line_cost_graph_gradients_equal_the_closed_form_partials(
    m: float, b: float, x: float, y: float
) -> None:
    graph = line_cost_graph(m, b, x, y)
    graph.cost.backward()
    cost, dm, db = line_cost_gradient(m, b, x, y)
    assert (graph.cost.data, graph.m.grad, graph.b.grad) == pytest.approx((cost, dm, db))


def test_mean_squared_error_graph_gradients_equal_the_closed_form_batch_partials() -> None:
    xs, ys = [0.0, 1.0, 2.0, 3.0], [1.0, 2.9, 5.2, 6.8]
    m, b = Value(0.4, "m"), Value(-0.2, "b")
    cost = mean_squared_error_graph(m, b, xs, ys)
    cost.backward()
    assert (cost.data, m.grad, b.grad) == pytest.approx(
        tuple(line_cost_gradient(0.4, -0.2, xs, ys))
    )


def test_fit_line_by_autodiff_retraces_the_closed_form_descent_and_reaches_polyfit() -> None:
    xs, ys = np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 2.9, 5.2, 6.8])
    history = fit_line(xs, ys, start=(0.0, 0.0), learning_rate=0.05, steps=1500)

    def closed_form(p: np.ndarray) -> tuple[float, tuple[float, float]]:
        cost, dm, db = line_cost_gradient(p[0], p[1], xs, ys)
        return cost, (dm, db)

    reference = gradient_descent(closed_form, [0.0, 0.0], 0.05, 1500)
    assert history.points == pytest.approx(reference.points, rel=1e-9, abs=1e-12)
    assert history.costs == pytest.approx(reference.costs, rel=1e-9, abs=1e-12)
    assert history.points[-1] == pytest.approx(np.polyfit(xs, ys, 1), rel=1e-6)


NETWORK = {
    "x": [1.0, -2.0],
    "w1": [[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6]],
    "b1": [0.0, 0.1, -0.1],
    "w2": [1.0, -1.0, 0.5],
    "b2": 0.2,
    "y": 1.0,
}


def network_cost(params: np.ndarray, activation: str) -> float:
    """The same network in numpy: (w2 . act(w1 x + b1) + b2 - y)^2, params flattened."""
    w1, b1, w2, b2 = params[:6].reshape(3, 2), params[6:9], params[9:12], params[12]
    z = w1 @ np.array(NETWORK["x"]) + b1
    a = np.tanh(z) if activation == "tanh" else np.maximum(z, 0.0)
    return float((w2 @ a + b2 - NETWORK["y"]) ** 2)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_backpropagation_through_a_two_layer_network_matches_finite_differences(
    activation: str,
) -> None:
    net = two_layer_network_graph(**NETWORK, activation=activation)  # type: ignore[arg-type]
    net.cost.backward()
    params = np.array([p.data for p in net.parameters()])
    assert net.cost.data == pytest.approx(network_cost(params, activation), rel=1e-14)
    for k, parameter in enumerate(net.parameters()):

        def along(t: float, k: int = k) -> float:
            moved = params.copy()
            moved[k] = t
            return network_cost(moved, activation)

        assert parameter.grad == pytest.approx(central_difference(along, params[k]), abs=1e-8)


def test_network_graph_labels_every_node_for_the_scene() -> None:
    net = two_layer_network_graph(**NETWORK)  # type: ignore[arg-type]
    labels = [p.label for p in net.parameters()]
    assert labels[:2] == ["w1[0,0]", "w1[0,1]"] and labels[-1] == "b2"
    assert [a.label for a in net.a1] == ["a1[0]", "a1[1]", "a1[2]"]
    assert {"y_hat", "cost", "x[1]", "z1[2]"} <= {n.label for n in trace(net.cost).nodes}


# --- bad input -----------------------------------------------------------------------------------


def test_value_refuses_text() -> None:
    with pytest.raises(InvalidInputError, match="Value data must be a real number; got 'a'"):
        Value("a")  # type: ignore[arg-type]


def test_value_refuses_nan() -> None:
    with pytest.raises(InvalidInputError, match="Value data must be a finite real number; got nan"):
        Value(math.nan)


def test_adding_text_to_a_value_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="numbers or Values only; got str 'a'"):
        Value(1.0) + "a"  # type: ignore[operator]


def test_a_value_exponent_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="exponent must be a constant number"):
        Value(2.0) ** Value(3.0)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        (lambda: Value(0.0).log(), "log needs a positive argument; got 0"),
        (lambda: Value(1.0) / Value(0.0, "d"), "division by zero: 1 / d which is 0"),
        (lambda: Value(-1.0) ** 0.5, r"-1 \*\* 0\.5 is not a real number"),
        (lambda: Value(0.0) ** -1, r"0 \*\* -1 is not a real number"),
        (lambda: Value(0.0) ** 0.5, r"0 \*\* 0\.5 has no finite value or derivative"),
        (lambda: Value(1000.0).exp(), r"exp\(1000\) overflows"),
        (lambda: Value(1e200) * 1e200, r"\* of \(1e\+200, 1e\+200\) has no finite value"),
    ],
    ids=["log 0", "divide by 0", "root of negative", "0 to -1", "root at 0", "exp", "overflow"],
)
def test_operations_outside_their_domain_say_which(expression, message: str) -> None:
    with pytest.raises(EvaluationError, match=message):
        expression()


def test_network_refuses_weights_of_the_wrong_shape() -> None:
    bad = {**NETWORK, "w1": [[0.1, 0.2], [0.3, -0.4]]}
    with pytest.raises(ShapeError, match=r"w1 must have shape \(3, 2\); got \(2, 2\)"):
        two_layer_network_graph(**bad)  # type: ignore[arg-type]


def test_network_refuses_an_unknown_activation() -> None:
    with pytest.raises(
        InvalidInputError, match="activation must be 'tanh' or 'relu'; got 'sigmoid'"
    ):
        two_layer_network_graph(**NETWORK, activation="sigmoid")  # type: ignore[arg-type]


def test_fit_line_refuses_a_start_that_is_not_m_and_b() -> None:
    with pytest.raises(ShapeError, match=r"start must be \(m, b\); got 3 numbers"):
        fit_line([1.0, 2.0], [2.0, 4.0], start=(0.0, 0.0, 0.0), learning_rate=0.1, steps=5)  # type: ignore[arg-type]


def test_fit_line_refuses_x_and_y_of_different_lengths() -> None:
    with pytest.raises(ShapeError, match="x and y must have the same length; got 2 and 3"):
        fit_line([1.0, 2.0], [2.0, 4.0, 6.0], start=(0.0, 0.0), learning_rate=0.1, steps=5)


def test_trace_refuses_a_plain_number() -> None:
    with pytest.raises(InvalidInputError, match="expected a Value; got float"):
        trace(1.0)  # type: ignore[arg-type]
