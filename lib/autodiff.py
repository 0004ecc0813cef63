"""A small reverse-mode automatic differentiation that records its computational graph.

A :class:`Value` is a scalar that remembers the operation that made it, its parents and the
local derivatives d(self)/d(parent). ``output.backward()`` fills ``grad`` = d(output)/d(node)
for every node by the chain rule, visiting nodes in reverse topological order:
``parent.grad += local_grad * node.grad``. :func:`trace` returns the graph as plain data
(:class:`Graph` of :class:`Node`), in forward order, for the scenes of sections 8 and 9 to
draw and to animate the forward pass (``value``) and the reverse pass (``grad``).

Supported: ``+ - * /`` with Values or plain numbers on either side, ``-v``, ``v ** c`` for a
constant c, and ``exp``, ``log``, ``tanh``, ``relu``. A plain number becomes a leaf with op
``"const"``; a Value made by the user is a leaf with op ``"input"``.

Errors: a non-number operand is an :class:`~lib.errors.InvalidInputError`; a forward value
outside an operation's domain (log of 0, division by 0, overflow) is an
:class:`~lib.errors.EvaluationError` naming the operands.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from lib.calculus import DescentHistory, _real, _same_length, _vector, gradient_descent
from lib.errors import EvaluationError, InvalidInputError, ShapeError

__all__ = [
    "Graph",
    "LineCostGraph",
    "NetworkGraph",
    "Node",
    "Value",
    "backward_order",
    "fit_line",
    "forward_order",
    "line_cost_graph",
    "mean_squared_error_graph",
    "trace",
    "two_layer_network_graph",
]


class Value:
    """A scalar in a computational graph: data, grad, label, op, parents, local derivatives."""

    __slots__ = ("data", "exponent", "grad", "label", "local_grads", "op", "parents")

    def __init__(self, data: float, label: str = "") -> None:
        self.data = _real("Value data", data)
        self.grad = 0.0
        self.label = label
        self.op = "input"
        self.parents: tuple[Value, ...] = ()
        self.local_grads: tuple[float, ...] = ()
        self.exponent: float | None = None

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def _constant(cls, number: object) -> Value:
        """A plain number as a leaf Value labelled by its digits (op "const")."""
        if isinstance(number, bool) or not isinstance(number, numbers.Real):
            raise InvalidInputError(
                f"a Value combines with numbers or Values only; got {type(number).__name__} "
                f"{number!r}",
            )
        constant = cls(float(number), label=f"{float(number):g}")
        constant.op = "const"
        return constant

    @staticmethod
    def _operand(other: object) -> Value:
        """``other`` as a Value (a plain number becomes a constant leaf)."""
        return other if isinstance(other, Value) else Value._constant(other)

    @classmethod
    def _result(
        cls,
        op: str,
        data: float,
        parents: tuple[Value, ...],
        local_grads: tuple[float, ...],
    ) -> Value:
        """A new node ``op(parents)`` with its forward value and d(node)/d(parent) for each."""
        if not (math.isfinite(data) and all(math.isfinite(g) for g in local_grads)):
            operands = ", ".join(f"{p.data:g}" for p in parents)
            raise EvaluationError(
                f"{op} of ({operands}) has no finite value or derivative; "
                "keep the inputs in the operation's domain",
            )
        node = cls.__new__(cls)
        node.data, node.grad, node.label, node.op = data, 0.0, "", op
        node.parents, node.local_grads, node.exponent = parents, local_grads, None
        return node

    def named(self, label: str) -> Value:
        """Set this node's label and return it, for chaining: ``(m * x).named("mx")``."""
        self.label = label
        return self

    # -- arithmetic ---------------------------------------------------------------------------

    def __add__(self, other: object) -> Value:
        """a + b; d/da = 1, d/db = 1."""
        other = Value._operand(other)
        return Value._result("+", self.data + other.data, (self, other), (1.0, 1.0))

    def __radd__(self, other: object) -> Value:
        """number + Value."""
        return Value._operand(other) + self

    def __sub__(self, other: object) -> Value:
        """a - b; d/da = 1, d/db = -1."""
        other = Value._operand(other)
        return Value._result("-", self.data - other.data, (self, other), (1.0, -1.0))

    def __rsub__(self, other: object) -> Value:
        """number - Value."""
        return Value._operand(other) - self

    def __mul__(self, other: object) -> Value:
        """a * b; d/da = b, d/db = a."""
        other = Value._operand(other)
        return Value._result("*", self.data * other.data, (self, other), (other.data, self.data))

    def __rmul__(self, other: object) -> Value:
        """number * Value."""
        return Value._operand(other) * self

    def __truediv__(self, other: object) -> Value:
        """a / b; d/da = 1/b, d/db = -a/b^2."""
        other = Value._operand(other)
        if other.data == 0:
            raise EvaluationError(
                f"division by zero: {self.data:g} / {other.label or 'a node'} which is 0",
            )
        quotient = self.data / other.data
        return Value._result(
            "/", quotient, (self, other), (1.0 / other.data, -quotient / other.data)
        )

    def __rtruediv__(self, other: object) -> Value:
        """number / Value."""
        return Value._operand(other) / self

    def __neg__(self) -> Value:
        """-a; d/da = -1."""
        return Value._result("neg", -self.data, (self,), (-1.0,))

    def __pow__(self, exponent: object) -> Value:
        """a ** c for a constant c; d/da = c a^(c-1)."""
        if isinstance(exponent, Value):
            raise InvalidInputError(
                "the exponent must be a constant number, not a Value; "
                "write exp(c * log(a)) for a variable exponent",
            )
        c = _real("exponent", exponent)
        a = self.data
        if (a < 0 and not c.is_integer()) or (a == 0 and c < 0):
            raise EvaluationError(f"{a:g} ** {c:g} is not a real number")
        try:
            power = a**c
            slope = c * a ** (c - 1) if c != 0 else 0.0
        except (OverflowError, ZeroDivisionError) as error:
            raise EvaluationError(f"{a:g} ** {c:g} has no finite value or derivative") from error
        node = Value._result("**", float(power), (self,), (float(slope),))
        node.exponent = c
        return node

    # -- functions ----------------------------------------------------------------------------

    def exp(self) -> Value:
        """e^a; d/da = e^a."""
        try:
            value = math.exp(self.data)
        except OverflowError as error:
            raise EvaluationError(f"exp({self.data:g}) overflows") from error
        return Value._result("exp", value, (self,), (value,))

    def log(self) -> Value:
        """ln a (a > 0); d/da = 1/a."""
        if self.data <= 0:
            raise EvaluationError(f"log needs a positive argument; got {self.data:g}")
        return Value._result("log", math.log(self.data), (self,), (1.0 / self.data,))

    def tanh(self) -> Value:
        """tanh a; d/da = 1 - tanh(a)^2."""
        value = math.tanh(self.data)
        return Value._result("tanh", value, (self,), (1.0 - value * value,))

    def relu(self) -> Value:
        """max(0, a); d/da = 1 if a > 0 else 0 (0 at the kink a = 0)."""
        positive = self.data > 0
        return Value._result(
            "relu", self.data if positive else 0.0, (self,), (1.0 if positive else 0.0,)
        )

    # -- reverse pass -------------------------------------------------------------------------

    def backward(self) -> None:
        """Set every node's grad to d(self)/d(node), by the chain rule in reverse order.

        Every grad in this graph is reset to 0 first, so calling backward twice gives the same
        grads (no double counting); a node shared with another output keeps only d(self)/d(node).
        Iterative: graphs of any depth work.
        """
        order = forward_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local_grad in zip(node.parents, node.local_grads, strict=True):
                parent.grad += local_grad * node.grad

    def __repr__(self) -> str:
        """Value(data=..., grad=..., label=..., op=...)."""
        return (
            f"Value(data={self.data:g}, grad={self.grad:g}, label={self.label!r}, op={self.op!r})"
        )


def forward_order(output: Value) -> tuple[Value, ...]:
    """Every node ``output`` depends on, each after all its parents (iterative DFS post-order)."""
    if not isinstance(output, Value):
        raise InvalidInputError(f"expected a Value; got {type(output).__name__}")
    order: list[Value] = []
    seen: set[int] = set()
    stack: list[tuple[Value, bool]] = [(output, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        stack.extend((parent, False) for parent in reversed(node.parents) if id(parent) not in seen)
    return tuple(order)


def backward_order(output: Value) -> tuple[Value, ...]:
    """The order of the reverse pass: ``forward_order`` reversed, output first."""
    return tuple(reversed(forward_order(output)))


# ---------------------------------------------------------------------------------------------
# The graph as plain data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One recorded node: id (its forward position), label, op, value, grad, parents' ids.

    ``local_grads[k]`` = d(this node)/d(parents[k]); ``exponent`` is c for op "**", else None.
    """

    id: int
    label: str
    op: str
    value: float
    grad: float
    parents: tuple[int, ...]
    local_grads: tuple[float, ...]
    exponent: float | None


@dataclass(frozen=True)
class Graph:
    """A computational graph in forward (topological) order; ``nodes[output]`` is the output."""

    nodes: tuple[Node, ...]
    output: int

    @property
    def edges(self) -> tuple[tuple[int, int], ...]:
        """Every (parent id, child id) pair, in forward order."""
        return tuple((parent, node.id) for node in self.nodes for parent in node.parents)

    def forward(self) -> tuple[Node, ...]:
        """Nodes in the order the forward pass computes them (inputs first)."""
        return self.nodes

    def backward(self) -> tuple[Node, ...]:
        """Nodes in the order the reverse pass visits them (output first)."""
        return tuple(reversed(self.nodes))

    def find(self, label: str) -> Node:
        """The one node with this label."""
        matches = [node for node in self.nodes if node.label == label]
        if len(matches) != 1:
            known = sorted({node.label for node in self.nodes if node.label})
            raise InvalidInputError(
                f"expected one node labelled {label!r}; found {len(matches)} "
                f"(labels: {', '.join(known)})",
            )
        return matches[0]


def trace(output: Value) -> Graph:
    """The graph that computes ``output``, as plain data numbered in forward order.

    Values and grads are copied as they are now: call ``output.backward()`` first to record
    the gradients.
    """
    order = forward_order(output)
    position = {id(value): k for k, value in enumerate(order)}
    nodes = tuple(
        Node(
            id=k,
            label=value.label,
            op=value.op,
            value=value.data,
            grad=value.grad,
            parents=tuple(position[id(parent)] for parent in value.parents),
            local_grads=value.local_grads,
            exponent=value.exponent,
        )
        for k, value in enumerate(order)
    )
    return Graph(nodes=nodes, output=len(nodes) - 1)


# ---------------------------------------------------------------------------------------------
# Graphs the scenes use: a line's cost, a batch MSE, a two-layer network
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineCostGraph:
    """The nodes of cost = (m x + b - y)^2 for one point, labelled by these field names."""

    m: Value
    b: Value
    x: Value
    y: Value
    mx: Value
    y_hat: Value
    error: Value
    cost: Value


def line_cost_graph(m: float, b: float, x: float, y: float) -> LineCostGraph:
    """Build cost = ((m * x + b) - y) ** 2 for one point; call ``.cost.backward()`` for grads."""
    m_node, b_node = Value(m, "m"), Value(b, "b")
    x_node, y_node = Value(x, "x"), Value(y, "y")
    mx = (m_node * x_node).named("mx")
    y_hat = (mx + b_node).named("y_hat")
    error = (y_hat - y_node).named("error")
    cost = (error**2).named("cost")
    return LineCostGraph(m_node, b_node, x_node, y_node, mx, y_hat, error, cost)


def mean_squared_error_graph(
    m: Value,
    b: Value,
    x: Sequence[float],
    y: Sequence[float],
) -> Value:
    """cost = (1/n) sum_i (m x_i + b - y_i)^2 as one graph over all points."""
    xs, ys = _data_points(x, y)
    squares = [(m * float(xi) + b - float(yi)) ** 2 for xi, yi in zip(xs, ys, strict=True)]
    return (_sum(squares) / xs.size).named("cost")


def _data_points(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The points (x_i, y_i) as two validated vectors of equal length."""
    xs, ys = _vector("x", x), _vector("y", y)
    _same_length("x", xs, "y", ys)
    return xs, ys


def fit_line(
    x: Sequence[float],
    y: Sequence[float],
    start: tuple[float, float],
    learning_rate: float,
    steps: int,
) -> DescentHistory:
    """Gradient descent on mean((m x + b - y)^2) over (m, b), with gradients by backward().

    ``history.points[k]`` is (m, b) after k steps; ``history.costs[k]`` its cost.
    """

    xs, ys = _data_points(x, y)

    def cost_and_gradient(params: np.ndarray) -> tuple[float, tuple[float, float]]:
        m, b = Value(float(params[0]), "m"), Value(float(params[1]), "b")
        cost = mean_squared_error_graph(m, b, xs, ys)
        cost.backward()
        return cost.data, (m.grad, b.grad)

    start_point = _vector("start", start)
    if start_point.size != 2:
        raise ShapeError(f"start must be (m, b); got {start_point.size} numbers")
    return gradient_descent(cost_and_gradient, start_point, learning_rate, steps)


@dataclass(frozen=True)
class NetworkGraph:
    """A two-layer network's nodes: z1 = w1 x + b1, a1 = act(z1), y_hat = w2 . a1 + b2.

    cost = (y_hat - y)^2. Indices: w1[j][i] joins input i to hidden unit j.
    """

    x: tuple[Value, ...]
    w1: tuple[tuple[Value, ...], ...]
    b1: tuple[Value, ...]
    z1: tuple[Value, ...]
    a1: tuple[Value, ...]
    w2: tuple[Value, ...]
    b2: Value
    y_hat: Value
    y: Value
    cost: Value

    def parameters(self) -> tuple[Value, ...]:
        """The trainable nodes in order: w1 row by row, b1, w2, b2."""
        return (*(w for row in self.w1 for w in row), *self.b1, *self.w2, self.b2)


def _array(name: str, values: object, shape: tuple[int, ...]) -> np.ndarray:
    """``values`` as a finite float array of exactly ``shape`` (validated)."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise ShapeError(
            f"{name} must be a numeric array of shape {shape}; got {values!r}"
        ) from error
    if array.shape != shape:
        raise ShapeError(f"{name} must have shape {shape}; got {array.shape}")
    _vector(name, array.reshape(-1))  # finiteness, with the offending entry named
    return array


def two_layer_network_graph(
    x: Sequence[float],
    w1: Sequence[Sequence[float]],
    b1: Sequence[float],
    w2: Sequence[float],
    b2: float,
    y: float,
    activation: Literal["tanh", "relu"] = "tanh",
) -> NetworkGraph:
    """Build cost = (w2 . act(w1 x + b1) + b2 - y)^2; call ``.cost.backward()`` for grads."""
    if activation not in ("tanh", "relu"):
        raise InvalidInputError(f"activation must be 'tanh' or 'relu'; got {activation!r}")
    inputs = _vector("x", x)
    b1_array = _vector("b1", b1)
    hidden = b1_array.size
    w1_array = _array("w1", w1, (hidden, inputs.size))
    w2_array = _array("w2", w2, (hidden,))
    x_nodes = tuple(Value(v, f"x[{i}]") for i, v in enumerate(inputs))
    w1_nodes = tuple(
        tuple(Value(w1_array[j, i], f"w1[{j},{i}]") for i in range(inputs.size))
        for j in range(hidden)
    )
    b1_nodes = tuple(Value(v, f"b1[{j}]") for j, v in enumerate(b1_array))
    z1 = tuple(
        _weighted_sum(w1_nodes[j], x_nodes, b1_nodes[j]).named(f"z1[{j}]") for j in range(hidden)
    )
    a1 = tuple(getattr(z, activation)().named(f"a1[{j}]") for j, z in enumerate(z1))
    w2_nodes = tuple(Value(v, f"w2[{j}]") for j, v in enumerate(w2_array))
    b2_node = Value(_real("b2", b2), "b2")
    y_hat = _weighted_sum(w2_nodes, a1, b2_node).named("y_hat")
    y_node = Value(_real("y", y), "y")
    cost = ((y_hat - y_node) ** 2).named("cost")
    return NetworkGraph(x_nodes, w1_nodes, b1_nodes, z1, a1, w2_nodes, b2_node, y_hat, y_node, cost)


def _sum(terms: Sequence[Value]) -> Value:
    """t_0 + t_1 + ... as a chain of "+" nodes (no constant 0 node)."""
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def _weighted_sum(weights: Sequence[Value], inputs: Sequence[Value], bias: Value) -> Value:
    """w . x + b = w_0 x_0 + ... + w_{n-1} x_{n-1} + b."""
    products = [weight * value for weight, value in zip(weights, inputs, strict=True)]
    return _sum(products) + bias
