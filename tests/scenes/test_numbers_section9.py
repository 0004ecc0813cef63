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
