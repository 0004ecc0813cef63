"""Section 8, Automatic Differentiation: each scene shows the numbers lib computes.

Every gradient a scene shows is checked against a finite-difference derivative of the same
function evaluated with plain floats (``lib.calculus.partial_derivative``), and every value
against plain arithmetic.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import DecimalNumber

from lib import calculus
from lib.autodiff import fit_line
from scenes.inputs import InputError
from scenes.style import fmt, num
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


# -- WhatAutodiffIs ------------------------------------------------------------------------


def product_of_sum(p) -> float:
    """f = (x + y) z with plain floats: the oracle's function."""
    return (p[0] + p[1]) * p[2]


@numbers_check("WhatAutodiffIs")
def check_what_autodiff_is(result) -> None:
    scene = result.scene
    shown = scene.numbers
    point = (scene.x, scene.y, scene.z)
    assert shown["value:x"] == scene.x and shown["value:z"] == scene.z
    assert shown["value:q"] == pytest.approx(scene.x + scene.y)
    assert shown["value:f"] == pytest.approx(product_of_sum(point))
    assert shown["grad:f"] == 1.0
    assert shown["grad:q"] == pytest.approx(scene.z)  # d(q z)/dq, by hand
    for k, name in enumerate(("x", "y", "z")):
        numeric = calculus.partial_derivative(product_of_sum, point, k)
        assert shown[f"grad:{name}"] == pytest.approx(numeric, abs=1e-7), name
        assert shown["gradient"][k] == shown[f"grad:{name}"]
    screen = final_screen_text(scene)
    assert r"\left(" + ", ".join(num(g, "slope") for g in shown["gradient"]) + r"\right)" in screen
    for name in ("value:f", "grad:q"):
        kind = "value" if name.startswith("value") else "slope"
        assert num(shown[name], kind) in screen


def test_what_autodiff_is_shows_the_textbook_gradient(rendered):
    result = rendered("WhatAutodiffIs")
    check_what_autodiff_is(result)
    assert result.scene.numbers["value:f"] == -12.0
    assert result.scene.numbers["gradient"] == (-4.0, -4.0, 3.0)


def test_what_autodiff_is_follows_other_inputs(rendered, tmp_path, tex_cache):
    changed = render(
        variant(scene_class("WhatAutodiffIs"), x=1.5, y=-0.25, z=2.5), tmp_path, tex_cache
    )
    check_what_autodiff_is(changed)
    assert changed.scene.numbers["gradient"] == pytest.approx((2.5, 2.5, 1.25))
    assert changed.layout_problems == []
    assert_frames_differ(rendered("WhatAutodiffIs"), changed)


@pytest.mark.parametrize(("name", "value"), [("x", 10.5), ("z", float("nan")), ("y", "5")])
def test_what_autodiff_is_refuses_inputs_outside_its_domain(name, value, tmp_path, tex_cache):
    wrong = variant(scene_class("WhatAutodiffIs"), **{name: value})
    with pytest.raises(InputError, match=rf"WhatAutodiffIs: {name} = .* is refused: {name} must"):
        render(wrong, tmp_path, tex_cache)


# -- LineEquationGraph ---------------------------------------------------------------------


def line_cost(p) -> float:
    """C = (m x + b - y)^2 with plain floats, p = (m, b, x, y): the oracle's function."""
    return (p[0] * p[2] + p[1] - p[3]) ** 2


@numbers_check("LineEquationGraph")
def check_line_equation_graph(result) -> None:
    scene = result.scene
    shown = scene.numbers
    m, b, x, y = point = (scene.m, scene.b, scene.x, scene.y)
    error = m * x + b - y
    assert shown["value:mx"] == pytest.approx(m * x)
    assert shown["value:y_hat"] == pytest.approx(m * x + b)
    assert shown["value:error"] == pytest.approx(error)
    assert shown["value:cost"] == pytest.approx(line_cost(point))
    for label in ("error", "y_hat", "mx"):  # dC/dnode = 2e along the chain, by hand
        assert shown[f"grad:{label}"] == pytest.approx(2 * error)
    for k, label in enumerate(("m", "b", "x", "y")):
        numeric = calculus.partial_derivative(line_cost, point, k)
        assert shown[f"grad:{label}"] == pytest.approx(numeric, rel=1e-7, abs=1e-7), label
    cost = calculus.line_cost_gradient(m, b, x, y)
    assert shown["gradient"] == pytest.approx((cost.dcost_dm, cost.dcost_db))
    assert shown["finite_differences"] == pytest.approx(shown["gradient"], rel=1e-7, abs=1e-7)
    assert shown["reverse_pass"] == shown["gradient"]
    screen = final_screen_text(scene)
    dm, db = (num(g, "slope") for g in shown["gradient"])
    assert rf"\left({dm}, {db}\right)" in screen


def test_line_equation_graph_shows_the_hand_worked_gradient(rendered):
    result = rendered("LineEquationGraph")
    check_line_equation_graph(result)
    assert result.scene.numbers["value:cost"] == 9.0
    assert result.scene.numbers["gradient"] == (-18.0, -6.0)


def test_line_equation_graph_follows_another_line_and_point(rendered, tmp_path, tex_cache):
    changed = render(
        variant(scene_class("LineEquationGraph"), m=-0.5, b=2.25, x=-4.0, y=1.5),
        tmp_path,
        tex_cache,
    )
    check_line_equation_graph(changed)
    # e = 2 + 2.25 - 1.5 = 2.75: dC/dm = 2 e x = -22, dC/db = 2 e = 5.5
    assert changed.scene.numbers["gradient"] == pytest.approx((-22.0, 5.5))
    assert changed.layout_problems == []
    assert_frames_differ(rendered("LineEquationGraph"), changed)


@pytest.mark.parametrize(("name", "value"), [("m", 5.5), ("x", -6.0), ("y", None)])
def test_line_equation_graph_refuses_inputs_outside_its_domain(name, value, tmp_path, tex_cache):
    wrong = variant(scene_class("LineEquationGraph"), **{name: value})
    refused = rf"LineEquationGraph: {name} = .* is refused: {name} must"
    with pytest.raises(InputError, match=refused):
        render(wrong, tmp_path, tex_cache)


# -- FittingALineByGradientDescent ---------------------------------------------------------

FITTING = "FittingALineByGradientDescent"


def decimals_on_screen(scene) -> list[float]:
    """The values of the readouts (DecimalNumbers) on the scene's last frame."""
    return [m.get_value() for m in texts_on_screen(scene) if isinstance(m, DecimalNumber)]


@numbers_check(FITTING)
def check_fitting_a_line(result) -> None:
    scene = result.scene
    shown = scene.numbers
    xs, ys = np.array(scene.xs, dtype=float), np.array(scene.ys, dtype=float)
    history = fit_line(xs, ys, scene.start, scene.learning_rate, scene.epochs)
    assert shown["start"] == pytest.approx(tuple(scene.start))
    assert shown["history_costs"] == pytest.approx(tuple(history.costs))
    for (m, b), cost in zip(history.points, history.costs, strict=True):
        assert cost == pytest.approx(calculus.mse(ys, m * xs + b))
    assert np.all(np.diff(history.costs) <= 1e-9 * history.costs[0]), "the cost rose"

    def mse_at(p) -> float:
        return float(np.mean((p[0] * xs + p[1] - ys) ** 2))

    first = shown["first_gradient"]
    for k in range(2):
        numeric = calculus.partial_derivative(mse_at, scene.start, k)
        assert first[k] == pytest.approx(numeric, rel=1e-7, abs=1e-7)
    step = np.array(scene.start) - scene.learning_rate * np.array(first)
    assert shown["first_step"] == pytest.approx(tuple(step))
    assert shown["first_step"] == pytest.approx(tuple(history.points[1]))
    assert shown["final"] == pytest.approx(tuple(history.points[-1]))
    assert shown["final_cost"] == pytest.approx(history.costs[-1])
    screen = final_screen_text(scene)
    assert rf"\eta = {fmt(scene.learning_rate, 'approach')}" in screen
    readouts = decimals_on_screen(scene)
    m, b = history.points[-1]
    for value in (scene.epochs, m, b, history.costs[-1]):
        assert any(abs(r - value) < 1e-9 for r in readouts), f"{value} not on the poster"


def test_fitting_a_line_descends_from_the_wrong_start(rendered):
    result = rendered(FITTING)
    check_fitting_a_line(result)
    shown = result.scene.numbers
    assert shown["first_gradient"] == pytest.approx((-15.96, -2.08))
    assert fmt(shown["final_cost"]) == "0.09"


def test_fitting_a_line_follows_other_points_and_settings(rendered, tmp_path, tex_cache):
    changed = render(
        variant(
            scene_class(FITTING),
            xs=(-3.0, -1.0, 0.5, 2.0),
            ys=(4.0, 2.5, 0.0, -3.0),
            start=(2.0, -4.0),
            learning_rate=0.05,
            epochs=25,
        ),
        tmp_path,
        tex_cache,
    )
    check_fitting_a_line(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(FITTING), changed)


@pytest.mark.parametrize(
    ("inputs", "named"),
    [
        ({"learning_rate": 0.2}, "learning_rate"),  # diverges: the cost rises
        ({"ys": (1.0, 2.0)}, "ys"),  # too few points
        ({"ys": (1.0, 2.0, 3.0, 4.0)}, "xs, ys"),  # one y short
        ({"xs": (2.0, 2.0, 2.0, 2.0, 2.0)}, "xs"),  # no spread: no line
        ({"epochs": 2.5}, "epochs"),
    ],
)
def test_fitting_a_line_refuses_inputs_outside_its_domain(inputs, named, tmp_path, tex_cache):
    wrong = variant(scene_class(FITTING), **inputs)
    with pytest.raises(InputError, match=rf"{FITTING}: .* is refused: {named} must"):
        render(wrong, tmp_path, tex_cache)
