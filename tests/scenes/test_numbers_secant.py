"""SecantApproachingTangent shows lib's secant slopes and tangent, and follows its inputs."""

from __future__ import annotations

import pytest

from lib import calculus
from scenes.style import linear_combination, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render


def written(coefficients) -> str:
    """The polynomial as the scene writes it, highest power first: ``x^2 + 2x + 2``."""
    powers = range(len(coefficients) - 1, -1, -1)
    names = [{0: "", 1: "x"}.get(p, f"x^{p}") for p in powers]
    return linear_combination(list(zip(coefficients, names, strict=True)), "entry")


@numbers_check("SecantApproachingTangent")
def check_secant(result, coefficients=None, x0=None, stops=None) -> None:
    scene = result.scene
    coefficients = scene.coefficients if coefficients is None else coefficients
    x0 = scene.x0 if x0 is None else x0
    stops = scene.stops if stops is None else stops
    f = calculus.polynomial(coefficients)
    path = tuple(sorted(stops, key=lambda s: -abs(s - x0)))  # farthest first
    shown = scene.numbers
    assert shown["stops"] == path
    assert shown["slopes"] == pytest.approx(calculus.secant_sequence(f, x0, path))
    assert shown["tangent_slope"] == pytest.approx(calculus.derivative(f, x0))

    x_lo, x_hi, _ = shown["x_range"]
    assert x_lo <= min(x0, *stops) and max(x0, *stops) <= x_hi
    assert x_lo <= scene.x_window[0] and scene.x_window[1] <= x_hi
    low, high = calculus.polynomial_extremes(coefficients, x_lo, x_hi)
    assert shown["f_extremes"] == pytest.approx((low, high))
    y_lo, y_hi, _ = shown["y_range"]
    assert y_lo <= low + 1e-9 and high - 1e-9 <= y_hi, "the curve leaves the axes"

    for key, quotient in shown.items():
        if key.startswith("quotient_at_"):
            expected = calculus.difference_quotient(f, x0, quotient.x0_plus_h - x0)
            assert quotient.slope == pytest.approx(expected.slope)
            assert quotient.f_x0_plus_h == pytest.approx(expected.f_x0_plus_h)

    screen = final_screen_text(scene)
    assert written(coefficients) in screen
    for x1, slope in zip(shown["stops"], shown["slopes"], strict=True):
        assert num(x1, "approach") in screen
        assert num(slope, "approach") in screen
    tangent = num(shown["tangent_slope"], "slope")
    assert f"= {tangent}" in screen or rf"\approx {tangent}" in screen


def test_secant_scene_shows_the_course_values(rendered):
    result = rendered("SecantApproachingTangent")
    check_secant(result, (1.0, 2.0, 2.0), 2.0, (5.0, 3.0, 2.5, 2.1, 2.01, 2.001))
    slopes = result.scene.numbers["slopes"]
    assert num(slopes[0], "approach") == "9"
    assert num(slopes[3], "approach") == "6.1"
    assert num(result.scene.numbers["tangent_slope"], "slope") == "6"
    first = result.scene.numbers["quotient_at_5"]
    assert (first.f_x0_plus_h, first.f_x0, first.h, first.slope) == (37, 10, 3, 9)
    assert "x^2 + 2x + 2" in final_screen_text(result.scene)


def test_secant_scene_follows_another_function_and_point(rendered, tmp_path, tex_cache):
    stops = (4.0, 3.0, 2.0, 1.6, 1.51, 1.501)
    cls = variant(
        scene_class("SecantApproachingTangent"),
        coefficients=(0.5, 0.0, -1.0, 3.0),  # x^3 / 2 - x + 3
        x0=1.5,
        stops=stops,
    )
    changed = render(cls, tmp_path, tex_cache)
    check_secant(changed, (0.5, 0.0, -1.0, 3.0), 1.5, stops)
    assert "0.5x^3 - x + 3" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("SecantApproachingTangent"), changed)
