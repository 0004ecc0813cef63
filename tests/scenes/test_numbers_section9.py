"""Section 9, Partial-Derivative Calculus: each scene shows the numbers lib computes.

Gradients are checked against finite differences (``lib.calculus.gradient``, Ridders'
extrapolation of central differences) of the cost evaluated with plain numpy, minima against
``numpy.polyfit``, and descent paths against a descent rerun on the numerical gradient.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import DecimalNumber

from lib import calculus
from scenes.inputs import InputError
from scenes.style import fmt, fmt_vector, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    refused,
    render,
    texts_on_screen,
    variant,
)

pytestmark = pytest.mark.render


def mse_of(xs, ys):
    """C(m, b) = mean((m x + b - y)^2) with plain numpy: the oracle's cost."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    return lambda p: float(np.mean((p[0] * xs + p[1] - ys) ** 2))


def readouts_on_screen(scene) -> list[float]:
    return [m.get_value() for m in texts_on_screen(scene) if isinstance(m, DecimalNumber)]


# -- DescendingTheGradient -----------------------------------------------------------------

DESCENT = "DescendingTheGradient"


@numbers_check(DESCENT)
def check_descending_the_gradient(result) -> None:
    scene = result.scene
    shown = scene.numbers
    cost = mse_of(scene.xs, scene.ys)
    start = np.array(scene.start, dtype=float)
    numeric = calculus.gradient(cost, start)
    assert shown["first_gradient"] == pytest.approx(tuple(numeric), rel=1e-7, abs=1e-7)
    step = start - scene.learning_rate * numeric
    assert shown["first_step"] == pytest.approx(tuple(step), rel=1e-7, abs=1e-7)

    def by_finite_differences(p):
        return cost(p), calculus.gradient(cost, p)

    oracle = calculus.gradient_descent(by_finite_differences, start, scene.learning_rate, 12)
    path = np.array(shown["path"])
    assert path.shape == (scene.steps + 1, 2)
    assert path[:13] == pytest.approx(oracle.points, rel=1e-6, abs=1e-6)
    assert shown["costs"] == pytest.approx([cost(p) for p in path])
    assert np.all(np.diff(shown["costs"]) <= 1e-9 * shown["costs"][0]), "the cost rose"
    slope, intercept = np.polyfit(scene.xs, scene.ys, 1)
    m, b, least = shown["minimum"]
    assert (m, b) == pytest.approx((slope, intercept), abs=1e-9)
    assert least == pytest.approx(cost((slope, intercept)), abs=1e-12)
    assert shown["final"] == pytest.approx(tuple(path[-1]))
    assert shown["costs"][-1] - least <= 0.01 * (shown["costs"][0] - least) + 1e-9
    for level in shown["levels"]:
        assert any(abs(level - c) < 1e-12 for c in shown["costs"]), "a level off the path"
    screen = final_screen_text(scene)
    assert fmt_vector((m, b)) in screen and fmt_vector(path[-1]) in screen
    assert rf"\eta = {fmt(scene.learning_rate, 'approach')}" in screen
    readouts = readouts_on_screen(scene)
    for value in (scene.steps, *path[-1], shown["costs"][-1]):
        assert any(abs(r - value) < 1e-9 for r in readouts), f"{value} not on the poster"


def test_descending_the_gradient_walks_to_the_least_squares_line(rendered):
    result = rendered(DESCENT)
    check_descending_the_gradient(result)
    shown = result.scene.numbers
    assert shown["first_gradient"] == pytest.approx((-15.96, -2.08))
    assert fmt_vector(shown["final"]) == fmt_vector((1.95, 1.15))


def test_descending_the_gradient_follows_other_points_and_settings(rendered, tmp_path, tex_cache):
    changed = render(
        variant(
            scene_class(DESCENT),
            xs=(-3.0, -1.0, 0.5, 2.0),
            ys=(4.0, 2.5, 0.0, -3.0),
            start=(2.0, -4.0),
            learning_rate=0.08,
            steps=60,
        ),
        tmp_path,
        tex_cache,
    )
    check_descending_the_gradient(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(DESCENT), changed)


@pytest.mark.parametrize(
    ("inputs", "named"),
    [
        ({"learning_rate": 0.2}, "learning_rate"),  # the cost climbs
        ({"steps": 10}, "learning_rate, steps"),  # stops far from the bottom
        ({"learning_rate": 0.005}, "learning_rate, steps"),  # too slow to get there
        ({"xs": (1.0, 1.0, 1.0, 1.0, 1.0)}, "xs"),
        ({"ys": (1.0, 2.0, 3.0)}, "xs, ys"),
        ({"start": (1.0, 12.0)}, "start"),
    ],
)
def test_descending_the_gradient_refuses_inputs_outside_its_domain(
    inputs, named, tmp_path, tex_cache
):
    wrong = variant(scene_class(DESCENT), **inputs)
    with pytest.raises(InputError, match=rf"{DESCENT}: .* is refused: {named} (entry .*)?must"):
        render(wrong, tmp_path, tex_cache)


# -- GradientOfCost ------------------------------------------------------------------------

GRADIENT = "GradientOfCost"


@numbers_check(GRADIENT)
def check_gradient_of_cost(result) -> None:
    scene = result.scene
    shown = scene.numbers
    cost = mse_of(scene.xs, scene.ys)
    point = np.array(scene.point, dtype=float)
    assert shown["cost"] == pytest.approx(cost(point))
    numeric = calculus.gradient(cost, point)
    assert shown["gradient"] == pytest.approx(tuple(numeric), rel=1e-7, abs=1e-7)
    for k in range(2):  # each partial: the slope of C along one axis, the other held still
        along = calculus.partial_derivative(cost, point, k)
        assert shown["partials"][k] == pytest.approx(along, rel=1e-7, abs=1e-7)
    assert shown["length"] == pytest.approx(float(np.hypot(*numeric)), rel=1e-7)
    assert max(shown["levels"]) > shown["cost"] > min(shown["levels"])
    screen = final_screen_text(scene)
    assert fmt_vector(shown["gradient"], "slope") in screen
    assert rf"|\nabla C| = {num(shown['length'], 'norm')}" in screen
    assert rf"C = {num(shown['cost'])}" in screen


def test_gradient_of_cost_shows_the_hand_worked_partials(rendered):
    result = rendered(GRADIENT)
    check_gradient_of_cost(result)
    # residuals m x + b - y at (0.5, 5): 3.8, 2.6, 0.9, -0.7, -1.8
    assert result.scene.numbers["gradient"] == pytest.approx((-1.96, 1.92))


def test_gradient_of_cost_follows_other_points_and_another_line(rendered, tmp_path, tex_cache):
    changed = render(
        variant(
            scene_class(GRADIENT),
            xs=(-3.0, -1.0, 0.5, 2.0),
            ys=(4.0, 2.5, 0.0, -3.0),
            point=(3.0, 4.0),
        ),
        tmp_path,
        tex_cache,
    )
    check_gradient_of_cost(changed)
    assert changed.scene.numbers["gradient"] == pytest.approx((28.625, 4.0))
    assert changed.layout_problems == []
    assert_frames_differ(rendered(GRADIENT), changed)


@pytest.mark.parametrize(
    ("inputs", "named"),
    [
        ({"point": (1.95, 1.14)}, "point"),  # the minimum: no gradient to draw
        ({"point": (0.5,)}, "point"),
        ({"xs": (0.0, 1.0, 2.0, 3.0, 5.5)}, "xs"),
        ({"ys": (1.0, 2.0, 3.0, 4.0)}, "xs, ys"),
    ],
)
def test_gradient_of_cost_refuses_inputs_outside_its_domain(inputs, named, tmp_path, tex_cache):
    wrong = variant(scene_class(GRADIENT), **inputs)
    with pytest.raises(InputError, match=rf"{GRADIENT}: .* is refused: {named} (entry .*)?must"):
        render(wrong, tmp_path, tex_cache)


# -- Backpropagation -----------------------------------------------------------------------

BACKPROP = "Backpropagation"
#: The network's nodes in the order a plain forward pass computes them.
NETWORK_ORDER = (
    "x[0]", "w1[0,0]", "w1[1,0]", "b1[0]", "b1[1]", "w2[0]", "w2[1]", "b2", "y",
    "p[0]", "p[1]", "z1[0]", "z1[1]", "a1[0]", "a1[1]", "q[0]", "q[1]", "s", "y_hat",
    "error", "cost",
)  # fmt: skip


def network_forward(scene, overrides=None) -> dict[str, float]:
    """Every node's value with plain floats; a node in ``overrides`` takes the given value."""
    overrides = overrides or {}
    act = np.tanh if scene.activation == "tanh" else (lambda z: max(z, 0.0))
    value: dict[str, float] = {}

    def put(label, computed):
        value[label] = overrides.get(label, computed)

    put("x[0]", scene.x)
    for j in range(2):
        put(f"w1[{j},0]", scene.w1[j])
    for j in range(2):
        put(f"b1[{j}]", scene.b1[j])
    for j in range(2):
        put(f"w2[{j}]", scene.w2[j])
    put("b2", scene.b2)
    put("y", scene.y)
    for j in range(2):
        put(f"p[{j}]", value[f"w1[{j},0]"] * value["x[0]"])
    for j in range(2):
        put(f"z1[{j}]", value[f"p[{j}]"] + value[f"b1[{j}]"])
    for j in range(2):
        put(f"a1[{j}]", float(act(value[f"z1[{j}]"])))
    for j in range(2):
        put(f"q[{j}]", value[f"w2[{j}]"] * value[f"a1[{j}]"])
    put("s", value["q[0]"] + value["q[1]"])
    put("y_hat", value["s"] + value["b2"])
    put("error", value["y_hat"] - value["y"])
    put("cost", value["error"] ** 2)
    return value


def nudged(scene, at: str, read: str):
    """``read``'s value as a function of ``at``'s value, everything else as computed."""
    return lambda v: network_forward(scene, {at: v})[read]


@numbers_check(BACKPROP)
def check_backpropagation(result) -> None:
    scene = result.scene
    shown = scene.numbers
    plain = network_forward(scene)
    assert shown["nodes"] == len(NETWORK_ORDER)
    for label in NETWORK_ORDER:
        assert shown[f"value:{label}"] == pytest.approx(plain[label], rel=1e-12, abs=1e-12)
        # every node's gradient: the cost's slope as that node alone is nudged
        numeric = calculus.derivative(nudged(scene, label, "cost"), plain[label])
        assert shown[f"grad:{label}"] == pytest.approx(numeric, rel=1e-6, abs=1e-7), label
    local = {k[len("local:") :]: v for k, v in shown.items() if k.startswith("local:")}
    assert len(local) == len(set(scene.recorded.edges))  # every edge of the graph
    for edge, slope in local.items():  # each local gradient d(child)/d(parent)
        parent, child = edge.split(">")
        numeric = calculus.derivative(nudged(scene, parent, child), plain[parent])
        assert slope == pytest.approx(numeric, rel=1e-6, abs=1e-7), edge
    params = ("w1[0,0]", "w1[1,0]", "b1[0]", "b1[1]", "w2[0]", "w2[1]", "b2")
    assert shown["gradient"] == tuple(shown[f"grad:{p}"] for p in params)
    assert shown["backward_pass"] == shown["gradient"]
    assert shown["finite_differences"] == pytest.approx(shown["gradient"], rel=1e-6, abs=1e-7)
    screen = final_screen_text(scene)
    assert ", ".join(num(g, "slope") for g in shown["gradient"]) in screen


class TestBackpropagation:
    def test_the_default_network_s_gradients_by_hand(self, rendered):
        result = rendered(BACKPROP)
        check_backpropagation(result)
        shown = result.scene.numbers
        # e = y_hat - y = -0.34...: dC/dc = 2e, dC/dv_1 = 2e tanh(1.3)
        e = 1.2 * np.tanh(1.3) - 0.7 * np.tanh(-0.5) + 0.3 - 2.0
        assert shown["grad:b2"] == pytest.approx(2 * e)
        assert shown["grad:w2[0]"] == pytest.approx(2 * e * np.tanh(1.3))
        assert shown["grad:w1[0,0]"] == pytest.approx(2 * e * 1.2 * (1 - np.tanh(1.3) ** 2) * 1.5)

    def test_another_network_with_relu(self, rendered, tmp_path, tex_cache):
        changed = render(
            variant(
                scene_class(BACKPROP),
                x=-1.25,
                y=-2.5,
                w1=(1.5, -0.75),
                b1=(0.5, 0.25),
                w2=(-1.0, 2.0),
                b2=-0.5,
                activation="relu",
            ),
            tmp_path,
            tex_cache,
        )
        check_backpropagation(changed)
        shown = changed.scene.numbers
        assert shown["grad:z1[0]"] == 0.0  # z_1 = -1.375 < 0: relu stops the gradient
        assert changed.layout_problems == []
        assert_frames_differ(rendered(BACKPROP), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"w1": (0.8, -0.6, 0.2)}, "w1"),
            ({"x": 2.5}, "x"),
            ({"activation": "sigmoid"}, "activation"),
            ({"activation": "relu", "b1": (-1.2, 0.4)}, "x, w1, b1, activation"),  # z_1 = 0
        ],
    )
    def test_inputs_outside_the_domain_are_refused(self, inputs, named):
        assert f"is refused: {named} " in refused(BACKPROP, **inputs)


# -- MultivariateChainRule -----------------------------------------------------------------

CHAIN = "MultivariateChainRule"


@numbers_check(CHAIN)
def check_multivariate_chain_rule(result) -> None:
    scene = result.scene
    shown = scene.numbers
    px, py = (np.polynomial.Polynomial(c[::-1]) for c in (scene.x_of_t, scene.y_of_t))
    t = scene.t
    x, y = px(t), py(t)
    assert shown["point"] == pytest.approx((t, x, y, x * x * y))
    # local derivatives by hand: dz/dx = 2xy, dz/dy = x^2; dx/dt, dy/dt exactly
    assert shown["outer_partials"] == pytest.approx((2 * x * y, x * x), rel=1e-7, abs=1e-7)
    slopes = (px.deriv()(t), py.deriv()(t))
    assert shown["inner_slopes"] == pytest.approx(slopes, rel=1e-7, abs=1e-7)
    for k, name in enumerate("xy"):
        product = shown["outer_partials"][k] * shown["inner_slopes"][k]
        assert shown[f"path:{name}"] == pytest.approx(product)
    exact = (px**2 * py).deriv()(t)  # the composed polynomial, differentiated exactly
    assert shown["total"] == pytest.approx(exact, rel=1e-7, abs=1e-7)
    assert shown["total"] == pytest.approx(shown["path:x"] + shown["path:y"])
    z_of_t = lambda s: px(s) ** 2 * py(s)  # noqa: E731
    assert shown["composed"] == pytest.approx(calculus.derivative(z_of_t, t), rel=1e-9, abs=1e-9)
    screen = final_screen_text(scene)
    assert rf"= {num(exact)}" in screen and rf"\approx {num(exact)}" in screen


class TestMultivariateChainRule:
    def test_the_default_tree_s_paths_by_hand(self, rendered):
        result = rendered(CHAIN)
        check_multivariate_chain_rule(result)
        shown = result.scene.numbers
        # z = x^2 y, x = t^2, y = 3 - t at t = 1.5: paths 6.75 * 3 and 5.0625 * (-1)
        assert (shown["path:x"], shown["path:y"]) == pytest.approx((20.25, -5.0625))
        assert shown["total"] == pytest.approx(15.1875)

    def test_other_inner_functions_and_another_t(self, rendered, tmp_path, tex_cache):
        changed = render(
            variant(scene_class(CHAIN), t=-0.5, x_of_t=(2.0, -1.0), y_of_t=(1.0, 0.5, -2.0)),
            tmp_path,
            tex_cache,
        )
        check_multivariate_chain_rule(changed)
        assert changed.layout_problems == []
        assert_frames_differ(rendered(CHAIN), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"t": 2.5}, "t"),
            ({"x_of_t": (1.0, 0.0, 0.0, 0.0)}, "x_of_t"),
            ({"y_of_t": ()}, "y_of_t"),
            ({"x_of_t": (2.5,)}, "x_of_t"),
        ],
    )
    def test_inputs_outside_the_domain_are_refused(self, inputs, named):
        assert f"is refused: {named} " in refused(CHAIN, **inputs)


# -- HigherOrderPartials -------------------------------------------------------------------

HESSIAN = "HigherOrderPartials"


@numbers_check(HESSIAN)
def check_higher_order_partials(result) -> None:
    scene = result.scene
    shown = scene.numbers
    (a, b), c = scene.cubic, scene.mixed
    x, y = scene.point
    # f = a x^3 + c x y + b y^3, differentiated by hand
    exact = np.array([[6 * a * x, c], [c, 6 * b * y]])
    assert np.array(shown["hessian"]) == pytest.approx(exact, abs=1e-6)
    gradient = (3 * a * x * x + c * y, c * x + 3 * b * y * y)
    assert shown["gradient"] == pytest.approx(gradient, abs=1e-7)
    eigenvalues = np.linalg.eigvalsh(exact)[::-1]
    assert shown["eigenvalues"] == pytest.approx(tuple(eigenvalues), abs=1e-6)
    assert shown["determinant"] == pytest.approx(np.linalg.det(exact), abs=1e-6)
    shape = {(True, True): "a bowl", (False, False): "a cap"}.get(
        (eigenvalues[0] > 0, eigenvalues[1] > 0), "a saddle"
    )
    assert shown["shape"] == shape
    if np.hypot(*gradient) > 1e-6:
        assert shown["critical"] == "no critical point"
    for values in shown["slices"]:  # each slice, less its tangent, is 0 at the point
        assert values[len(values) // 2] == pytest.approx(0.0, abs=1e-9)
    screen = final_screen_text(scene)
    for value in eigenvalues:
        assert num(value, "eigen") in screen
    assert rf"\det H = \lambda_1 \lambda_2 = {num(np.linalg.det(exact), 'eigen')}" in screen


class TestHigherOrderPartials:
    def test_the_default_point_is_a_minimum(self, rendered):
        result = rendered(HESSIAN)
        check_higher_order_partials(result)
        shown = result.scene.numbers
        # f = x^3 - 3xy + y^3 at (1, 1): H = [[6, -3], [-3, 6]], eigenvalues 9 and 3
        assert shown["eigenvalues"] == pytest.approx((9.0, 3.0), abs=1e-6)
        assert (shown["shape"], shown["critical"]) == ("a bowl", "a minimum")

    def test_a_saddle_away_from_any_critical_point(self, rendered, tmp_path, tex_cache):
        changed = render(
            variant(scene_class(HESSIAN), cubic=(1.0, -0.5), mixed=2.0, point=(0.5, 1.5)),
            tmp_path,
            tex_cache,
        )
        check_higher_order_partials(changed)
        shown = changed.scene.numbers
        assert (shown["shape"], shown["critical"]) == ("a saddle", "no critical point")
        assert changed.layout_problems == []
        assert_frames_differ(rendered(HESSIAN), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"point": (0.0, 0.0), "mixed": 0.0}, "cubic, mixed, point"),  # H = 0: flat
            ({"mixed": 4.5}, "mixed"),
            ({"point": (1.0,)}, "point"),
            ({"cubic": (1.0, 2.5)}, "cubic"),
        ],
    )
    def test_inputs_outside_the_domain_are_refused(self, inputs, named):
        assert f"is refused: {named} " in refused(HESSIAN, **inputs)
