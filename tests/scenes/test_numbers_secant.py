"""SecantApproachingTangent shows lib's secant slopes and tangent, and follows its inputs."""

from __future__ import annotations

import pytest

from lib import calculus
from scenes.style import num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import assert_frames_differ, final_screen_text, render, variant

pytestmark = pytest.mark.render


def check_secant(result, f, x0, stops) -> None:
    shown = result.scene.numbers
    assert shown["stops"] == tuple(stops)
    assert shown["slopes"] == pytest.approx(calculus.secant_sequence(f, x0, stops))
    assert shown["tangent_slope"] == pytest.approx(calculus.derivative(f, x0))
    screen = final_screen_text(result.scene)
    for x1, slope in zip(shown["stops"], shown["slopes"], strict=True):
        assert num(x1, "approach") in screen
        assert num(slope, "approach") in screen
    assert f"= {num(shown['tangent_slope'], 'slope')}" in screen


def test_secant_scene_shows_the_course_values(rendered):
    result = rendered("SecantApproachingTangent")
    f = scene_class("SecantApproachingTangent").function
    check_secant(result, f, 2.0, (5.0, 3.0, 2.5, 2.1, 2.01, 2.001))
    slopes = result.scene.numbers["slopes"]
    assert num(slopes[0], "approach") == "9"
    assert num(slopes[3], "approach") == "6.1"
    assert num(result.scene.numbers["tangent_slope"], "slope") == "6"
    first = result.scene.numbers["quotient_at_5"]
    assert (first.f_x0_plus_h, first.f_x0, first.h, first.slope) == (37, 10, 3, 9)


def cubic(x: float) -> float:
    return 0.5 * x**3 - x + 3


def test_secant_scene_follows_another_function_and_point(rendered, tmp_path, tex_cache):
    stops = (4.0, 3.0, 2.0, 1.6, 1.51, 1.501)
    cls = variant(
        scene_class("SecantApproachingTangent"),
        function=staticmethod(cubic),
        function_tex=r"\tfrac{1}{2}x^3 - x + 3",
        x0=1.5,
        stops=stops,
    )
    changed = render(cls, tmp_path, tex_cache)
    check_secant(changed, cubic, 1.5, stops)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("SecantApproachingTangent"), changed)
