"""Section 9's surfaces, volumes and costs: each scene shows the numbers lib computes.

Partial derivatives are checked against their hand-derived closed forms (2x and -2y for the
saddle, 2 pi r l and pi r^2 for the cylinder, 2 (y_hat - y) x and 2 (y_hat - y) for one
point's cost) and against plain central differences of the function evaluated with numpy.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from scenes.style import fmt, fmt_vector, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    refused,
    render,
    variant,
)

pytestmark = pytest.mark.render


def central_difference(f, point, index: int, h: float = 1e-5) -> float:
    """(f(p + h e_i) - f(p - h e_i)) / 2h, with numpy: the oracle's partial derivative."""
    step = np.zeros(len(point))
    step[index] = h
    p = np.asarray(point, dtype=float)
    return float((f(p + step) - f(p - step)) / (2 * h))


def assert_follows(original, changed) -> None:
    """A variant renders cleanly, at lesson length, to a poster of its own."""
    assert changed.layout_problems == []
    assert 20 <= changed.duration <= 90
    assert_frames_differ(original, changed)


# -- PartialDerivatives --------------------------------------------------------------------

PARTIALS = "PartialDerivatives"


@numbers_check(PARTIALS)
def check_partial_derivatives(result) -> None:
    scene = result.scene
    shown = scene.numbers
    x0, y0 = scene.point

    def saddle(p):
        return p[0] ** 2 - p[1] ** 2

    assert shown["point"] == (x0, y0)
    assert shown["height"] == pytest.approx(x0**2 - y0**2, abs=1e-12)
    assert shown["dfdx"] == pytest.approx(2 * x0, abs=1e-8)
    assert shown["dfdy"] == pytest.approx(-2 * y0, abs=1e-8)
    for k, name in enumerate(("dfdx", "dfdy")):
        assert shown[name] == pytest.approx(central_difference(saddle, (x0, y0), k), abs=1e-6)
    assert shown["gradient"] == (shown["dfdx"], shown["dfdy"])
    screen = final_screen_text(scene)
    assert rf"f\left({num(x0)}, {num(y0)}\right) = {num(shown['height'])}" in screen
    assert num(shown["dfdx"], "slope") in screen and num(shown["dfdy"], "slope") in screen
    assert fmt_vector(shown["gradient"], "slope") in screen


class TestPartialDerivatives:
    def test_partial_derivatives_are_the_slopes_2x_and_minus_2y(self, rendered):
        result = rendered(PARTIALS)
        check_partial_derivatives(result)
        shown = result.scene.numbers
        # at (1.5, 1): z = 2.25 - 1, slopes 2 * 1.5 and -2 * 1
        assert (shown["height"], shown["dfdx"], shown["dfdy"]) == pytest.approx((1.25, 3, -2))

    def test_partial_derivatives_follow_another_point(self, rendered, tmp_path, tex_cache):
        changed = render(variant(scene_class(PARTIALS), point=(-1.25, -1.75)), tmp_path, tex_cache)
        check_partial_derivatives(changed)
        assert changed.scene.numbers["gradient"] == pytest.approx((-2.5, 3.5))
        assert_follows(rendered(PARTIALS), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"point": (2.5, 0.0)}, "point"),  # off the drawn surface
            ({"point": (1.0,)}, "point"),
        ],
    )
    def test_partial_derivatives_refuse_a_point_off_the_surface(self, inputs, named):
        assert f"is refused: {named} " in refused(PARTIALS, **inputs)


# -- CylinderVolume ------------------------------------------------------------------------

CYLINDER = "CylinderVolume"


@numbers_check(CYLINDER)
def check_cylinder_volume(result) -> None:
    scene = result.scene
    shown = scene.numbers
    r, length, h = scene.radius, scene.length, scene.nudge

    def volume(p):
        return math.pi * p[0] ** 2 * p[1]

    assert shown["volume"] == pytest.approx(math.pi * r**2 * length, rel=1e-12)
    assert shown["dv_dr"] == pytest.approx(2 * math.pi * r * length, rel=1e-9)
    assert shown["dv_dl"] == pytest.approx(math.pi * r**2, rel=1e-9)
    assert shown["dv_dr"] == pytest.approx(central_difference(volume, (r, length), 0), rel=1e-6)
    assert shown["dv_dl"] == pytest.approx(central_difference(volume, (r, length), 1), rel=1e-6)
    # forward differences: pi l ((r + h)^2 - r^2) / h = pi l (2 r + h), and pi r^2 exactly
    steps = [h, h / 10, h / 100]
    assert [dx for dx, _ in shown["quotients_r"]] == pytest.approx(steps)
    assert [q for _, q in shown["quotients_r"]] == pytest.approx(
        [math.pi * length * (2 * r + d) for d in steps], rel=1e-9
    )
    assert [q for _, q in shown["quotients_l"]] == pytest.approx([math.pi * r**2] * 3, rel=1e-9)
    screen = final_screen_text(scene)
    assert f"= {num(shown['volume'])}" in screen
    for value in (shown["dv_dr"], shown["dv_dl"]):
        assert num(value) in screen
    for _, q in shown["quotients_l"]:
        assert fmt(q) in screen


class TestCylinderVolume:
    def test_cylinder_volume_grows_2_pi_r_l_with_r_and_pi_r_squared_with_l(self, rendered):
        result = rendered(CYLINDER)
        check_cylinder_volume(result)
        shown = result.scene.numbers
        # r = 1.5, l = 3: v = 6.75 pi, dv/dr = 9 pi, dv/dl = 2.25 pi
        assert fmt(shown["volume"]) == "21.21"
        assert (fmt(shown["dv_dr"]), fmt(shown["dv_dl"])) == ("28.27", "7.07")
        assert fmt(shown["quotients_r"][0][1]) == "30.16"  # pi * 3 * 3.2

    def test_cylinder_volume_follows_another_cylinder(self, rendered, tmp_path, tex_cache):
        cls = variant(scene_class(CYLINDER), radius=2.75, length=0.8, nudge=0.45)
        changed = render(cls, tmp_path, tex_cache)
        check_cylinder_volume(changed)
        assert_follows(rendered(CYLINDER), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"radius": 0.0}, "radius"),  # no cylinder
            ({"length": -1.0}, "length"),
            ({"nudge": 0.0}, "nudge"),  # no difference to divide by
        ],
    )
    def test_cylinder_volume_refuses_an_empty_cylinder_or_no_nudge(self, inputs, named):
        assert f"is refused: {named} " in refused(CYLINDER, **inputs)


# -- SinglePointRegression -----------------------------------------------------------------

ONE_POINT = "SinglePointRegression"


@numbers_check(ONE_POINT)
def check_single_point_regression(result) -> None:
    scene = result.scene
    shown = scene.numbers
    (x, y), m, b = scene.point, scene.slope, scene.intercept

    def cost(p):
        return (p[0] * x + p[1] - y) ** 2

    miss = m * x + b - y
    assert shown["prediction"] == pytest.approx(m * x + b, abs=1e-12)
    assert shown["cost"] == pytest.approx(miss**2, abs=1e-12)
    assert shown["dc_dm"] == pytest.approx(2 * miss * x, abs=1e-12)
    assert shown["dc_db"] == pytest.approx(2 * miss, abs=1e-12)
    for k, name in enumerate(("dc_dm", "dc_db")):
        assert shown[name] == pytest.approx(central_difference(cost, (m, b), k), abs=1e-6)
    assert shown["gradient"] == (shown["dc_dm"], shown["dc_db"])
    (x0, x1, _), (y0, y1, _) = shown["axes"]
    assert x0 < min(0, x) and x1 > max(0, x) and y0 < min(0, y, m * x + b) < max(y, m * x + b) < y1
    screen = final_screen_text(scene)
    assert rf"= {num(shown['cost'])}" in screen
    assert rf"= {num(shown['dc_dm'])}" in screen and rf"= {num(shown['dc_db'])}" in screen
    assert fmt_vector(shown["gradient"]) in screen


class TestSinglePointRegression:
    def test_single_point_regression_shows_the_hand_worked_cost_and_partials(self, rendered):
        result = rendered(ONE_POINT)
        check_single_point_regression(result)
        shown = result.scene.numbers
        # y_hat = 0.5 * 2 + 0.5 = 1.5, a miss of -1.5: C = 2.25, 2 (-1.5) 2 = -6, 2 (-1.5) = -3
        assert (shown["cost"], shown["dc_dm"], shown["dc_db"]) == (2.25, -6.0, -3.0)

    def test_single_point_regression_follows_another_point_and_line(
        self, rendered, tmp_path, tex_cache
    ):
        cls = variant(scene_class(ONE_POINT), point=(-3.5, -1.0), slope=-1.25, intercept=2.5)
        changed = render(cls, tmp_path, tex_cache)
        check_single_point_regression(changed)
        # y_hat = 4.375 + 2.5 = 6.875, a miss of 7.875 above the point
        assert changed.scene.numbers["dc_db"] == pytest.approx(15.75)
        assert_follows(rendered(ONE_POINT), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"intercept": 2.0}, "point, slope, intercept"),  # the line through the point
            ({"point": (5.0, 3.0)}, "point"),
            ({"slope": 2.5}, "slope"),
        ],
    )
    def test_single_point_regression_refuses_a_line_through_the_point(self, inputs, named):
        assert f"is refused: {named} " in refused(ONE_POINT, **inputs)


# -- MeanSquaredErrorGradient --------------------------------------------------------------

BATCH = "MeanSquaredErrorGradient"


@numbers_check(BATCH)
def check_mean_squared_error_gradient(result) -> None:
    scene = result.scene
    shown = scene.numbers
    xs, ys = (np.asarray(v) for v in shown["data"])
    # the data set: count points evenly over 0..4 about y = 1.5 x + 0.5, numpy's seeded noise
    noise = np.random.default_rng(scene.seed).standard_normal(scene.count)
    assert xs == pytest.approx(np.linspace(0, 4, scene.count))
    assert ys == pytest.approx(1.5 * xs + 0.5 + 0.8 * noise)
    m, b = scene.line

    def cost(p):
        return float(np.mean((p[0] * xs + p[1] - ys) ** 2))

    misses = m * xs + b - ys
    assert shown["cost"] == pytest.approx(cost((m, b)))
    terms = np.array(shown["contributions"])
    assert terms == pytest.approx(np.column_stack([2 * misses * xs, 2 * misses]), abs=1e-12)
    assert shown["gradient"] == pytest.approx(tuple(terms.mean(axis=0)), abs=1e-12)
    by_differences = [central_difference(cost, (m, b), k) for k in range(2)]
    assert shown["gradient"] == pytest.approx(by_differences, abs=1e-6)
    assert shown["numeric"] == pytest.approx(shown["gradient"], abs=1e-7)
    screen = final_screen_text(scene)
    assert fmt_vector(shown["gradient"]) in screen and fmt_vector(shown["numeric"]) in screen
    for dm, db in terms:
        assert fmt(dm) in screen and fmt(db) in screen


class TestMeanSquaredErrorGradient:
    def test_mse_gradient_is_the_mean_of_the_points_gradients(self, rendered):
        result = rendered(BATCH)
        check_mean_squared_error_gradient(result)
        shown = result.scene.numbers
        assert fmt_vector(shown["gradient"]) == fmt_vector((-8.48, -2.58))
        assert shown["contributions"][0][0] == 0  # the point at x = 0 does not pull on m

    def test_mse_gradient_follows_another_data_set_and_line(self, rendered, tmp_path, tex_cache):
        cls = variant(scene_class(BATCH), count=6, seed=123, line=(2.75, -2.5))
        changed = render(cls, tmp_path, tex_cache)
        check_mean_squared_error_gradient(changed)
        assert len(changed.scene.numbers["contributions"]) == 6
        assert_follows(rendered(BATCH), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"count": 2}, "count"),  # too few points to average
            ({"count": 4.5}, "count"),
            ({"seed": -1}, "seed"),
            ({"line": (0.5,)}, "line"),
        ],
    )
    def test_mse_gradient_refuses_inputs_outside_its_domain(self, inputs, named):
        assert f"is refused: {named} " in refused(BATCH, **inputs)
