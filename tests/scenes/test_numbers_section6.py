"""Section 6 scenes show the numbers lib computes for their inputs, and follow changed inputs."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy import optimize

from lib import calculus
from lib.errors import LimitDoesNotExist
from scenes.inputs import InputError
from scenes.style import fmt, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render


def assert_follows(original, changed) -> None:
    """A variant renders cleanly, at lesson length, to a poster of its own."""
    assert changed.layout_problems == []
    assert 20 <= changed.duration <= 90
    assert_frames_differ(original, changed)


def squeezed(screen: str) -> str:
    return " ".join(screen.split())


# -- CalculatingLimits --------------------------------------------------------------------


def limit_functions(scene) -> dict:
    """Each case's f and point, written here from the inputs, with its limit worked by hand."""
    a, k, c = float(scene.hole_at), float(scene.sine_rate), float(scene.pole)
    p, q, r, s = (float(v) for v in scene.at_infinity)
    return {
        "hole": (lambda x: (x * x - a * a) / (x - a), a, 2 * a),  # (x - a)(x + a) / (x - a)
        "sine": (lambda x: math.sin(k * x) / x, 0.0, k),  # sin(kx) / x = k sin(kx) / kx
        "infinity": (lambda x: (p * x + q) / (r * x + s), math.inf, p / r),
        "pole": (lambda x: c / x, 0.0, None),
    }


@numbers_check("CalculatingLimits")
def check_limits(result) -> None:
    scene = result.scene
    shown = scene.numbers
    rows = int(scene.rows)
    screen = squeezed(final_screen_text(scene))  # the summary: each limit, or its refusal
    for key, (f, x0, by_hand) in limit_functions(scene).items():
        sides = ("left",) if math.isinf(x0) else ("left", "right")
        for table, side in zip(shown[f"{key}_tables"], sides, strict=True):
            expected = calculus.approach_table(f, x0, side, rows)
            assert table.xs == pytest.approx(expected.xs)
            assert table.values == pytest.approx(expected.values, rel=1e-9)
            step = [abs(x - x0) for x in table.xs] if math.isfinite(x0) else list(table.xs)
            assert step == sorted(step, reverse=math.isfinite(x0)), "rows must close in on x0"
        if by_hand is None:
            with pytest.raises(LimitDoesNotExist) as refusal:
                calculus.limit(f, x0)
            assert shown[f"{key}_limit"] is None
            assert shown[f"{key}_refusal"] == str(refusal.value)
            assert "does not exist" in screen
            continue
        assert shown[f"{key}_limit"] == pytest.approx(calculus.limit(f, x0), abs=1e-9)
        assert shown[f"{key}_limit"] == pytest.approx(by_hand, abs=1e-6)
        for one_sided, side in zip(shown[f"{key}_sides"], sides, strict=True):
            assert one_sided == pytest.approx(calculus.limit(f, x0, side), abs=1e-9)
        assert shown[f"{key}_verdict"] == rf"\to {num(by_hand)}"
        assert f"= {num(by_hand)}" in screen
    assert shown["summary"][:3] == pytest.approx(
        tuple(v for _, _, v in limit_functions(scene).values())[:3], abs=1e-6
    )


class TestCalculatingLimits:
    def test_calculating_limits_shows_the_course_cases(self, rendered):
        result = rendered("CalculatingLimits")
        check_limits(result)
        shown = result.scene.numbers
        assert [fmt(shown[f"{k}_limit"]) for k in ("hole", "sine", "infinity")] == ["2", "1", "3"]
        assert shown["hole_tables"][0].xs == pytest.approx((0.9, 0.99, 0.999))
        assert [fmt(v, "table") for v in shown["sine_tables"][1].values] == [
            "0.99833",
            "0.99998",
            "1",
        ]
        assert "does not exist" in shown["pole_refusal"]
        screen = final_screen_text(result.scene)
        assert r"\frac{x^2 - 1}{x - 1}" in screen and r"\frac{\sin x}{x}" in screen
        assert r"\frac{3x + 1}{x + 2}" in screen and r"\frac{1}{x}" in screen

    def test_calculating_limits_follows_other_functions(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("CalculatingLimits"),
            hole_at=-2.5,
            sine_rate=2.5,
            at_infinity=(-4, 1, 2, 3),
            pole=-0.5,
            rows=4,
        )
        changed = render(cls, tmp_path, tex_cache)
        check_limits(changed)
        shown = changed.scene.numbers
        assert [fmt(shown[f"{k}_limit"]) for k in ("hole", "sine", "infinity")] == [
            "-5",
            "2.5",
            "-2",
        ]
        assert len(shown["hole_tables"][0].xs) == 4
        assert_follows(rendered("CalculatingLimits"), changed)

    @pytest.mark.parametrize(
        ("inputs", "refused"),
        [
            ({"at_infinity": (1, 1, 1, -5)}, "at_infinity"),  # a pole at x = 5, inside the graph
            ({"at_infinity": (1, 1, 0, 2)}, "at_infinity"),  # c = 0: no rational function
            ({"sine_rate": 0.0}, "sine_rate"),
            ({"pole": 0.0}, "pole"),
            ({"rows": 6}, "rows"),
            ({"hole_at": 1.25}, "hole_at"),  # its square would show rounded
        ],
    )
    def test_calculating_limits_refuses_impossible_inputs(self, inputs, refused):
        cls = scene_class("CalculatingLimits")
        values = {**cls.domain.values_of(cls), **inputs}
        with pytest.raises(InputError, match=rf"CalculatingLimits: .* is refused: {refused} "):
            cls.domain.check("CalculatingLimits", values)


# -- MethodOfExhaustion -------------------------------------------------------------------


def shoelace_area(n: int, r: float) -> float:
    """The regular n-gon's area from its corners, by the shoelace formula (numpy)."""
    angles = np.pi / 2 + 2 * np.pi * np.arange(n) / n
    x, y = r * np.cos(angles), r * np.sin(angles)
    return float(0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


@numbers_check("MethodOfExhaustion")
def check_exhaustion(result) -> None:
    scene = result.scene
    shown = scene.numbers
    r, counts = float(scene.radius), tuple(int(n) for n in scene.sides)
    assert shown["sides"] == counts
    assert shown["areas"] == pytest.approx(
        [calculus.inscribed_polygon_area(n, r) for n in counts], rel=1e-12
    )
    assert shown["areas"] == pytest.approx([shoelace_area(n, r) for n in counts], rel=1e-9)
    assert shown["circle_area"] == pytest.approx(math.pi * r * r, rel=1e-9)
    assert shown["gaps"] == pytest.approx([math.pi * r * r - a for a in shown["areas"]], abs=1e-9)
    assert all(g > 0 for g in shown["gaps"]), "an inscribed polygon falls short of the circle"
    assert list(shown["gaps"]) == sorted(shown["gaps"], reverse=True)
    screen = final_screen_text(scene)
    assert f"{num(shown['circle_area'], 'table')}" in screen and r"\pi r^2" in screen
    for n, area in zip(counts, shown["areas"], strict=True):
        assert str(n) in screen and num(area, "table") in screen
    assert f"short by {fmt(shown['gaps'][-1], 'table')}" in screen


class TestMethodOfExhaustion:
    def test_method_of_exhaustion_fills_the_unit_circle(self, rendered):
        result = rendered("MethodOfExhaustion")
        check_exhaustion(result)
        shown = result.scene.numbers
        assert fmt(shown["areas"][2], "table") == "2.59808"  # the hexagon: 3 sqrt(3) / 2
        assert fmt(shown["areas"][1], "table") == "2"  # the square in the unit circle
        assert fmt(shown["circle_area"], "table") == "3.14159"

    def test_method_of_exhaustion_follows_another_circle(self, rendered, tmp_path, tex_cache):
        cls = variant(scene_class("MethodOfExhaustion"), radius=2.5, sides=(5, 10, 20, 40, 400))
        changed = render(cls, tmp_path, tex_cache)
        check_exhaustion(changed)
        assert fmt(changed.scene.numbers["circle_area"], "table") == fmt(math.pi * 6.25, "table")
        assert_follows(rendered("MethodOfExhaustion"), changed)

    @pytest.mark.parametrize(
        ("inputs", "refused"),
        [
            ({"sides": (3, 6, 6, 12)}, "sides"),  # no growth from 6 to 6
            ({"sides": (2, 4, 8)}, "sides"),  # a 2-gon is no polygon
            ({"radius": 0.0}, "radius"),
            ({"radius": 1.125}, "radius"),
        ],
    )
    def test_method_of_exhaustion_refuses_impossible_inputs(self, inputs, refused):
        cls = scene_class("MethodOfExhaustion")
        values = {**cls.domain.values_of(cls), **inputs}
        with pytest.raises(InputError, match=rf"MethodOfExhaustion: .* is refused: {refused} "):
            cls.domain.check("MethodOfExhaustion", values)


# -- ZoomingIntoACurve ----------------------------------------------------------------------


def largest_gap_by_scipy(coefficients, a: float, b: float) -> float:
    """max |p - chord| over [a, b]: the chord's distance maximised by scipy between samples."""
    p = np.poly1d(coefficients)
    slope = (p(b) - p(a)) / (b - a)

    def distance(x: float) -> float:
        return -abs(p(x) - p(a) - slope * (x - a))

    cuts = np.linspace(a, b, 9)
    return max(
        -optimize.minimize_scalar(distance, bounds=(lo, hi), method="bounded").fun
        for lo, hi in itertools.pairwise(cuts)
    )


@numbers_check("ZoomingIntoACurve")
def check_zoom(result) -> None:
    scene = result.scene
    shown = scene.numbers
    x0, halves = float(scene.x0), [float(w) for w in scene.zooms]
    f = calculus.polynomial(scene.coefficients)
    assert shown["widths"] == pytest.approx([2 * w for w in halves])
    assert shown["gaps"] == pytest.approx(
        [calculus.chord_gap(f, x0 - w, x0 + w) for w in halves], rel=1e-12
    )
    for gap, w in zip(shown["gaps"], halves, strict=True):  # sampled within a hair of the max
        exact = largest_gap_by_scipy(scene.coefficients, x0 - w, x0 + w)
        assert gap == pytest.approx(exact, rel=1e-3, abs=1e-12)
    bends = shown["bends"]
    assert all(later <= earlier * 1.0001 + 1e-15 for earlier, later in itertools.pairwise(bends))
    slope = np.polyval(np.polyder(np.asarray(scene.coefficients, dtype=float)), x0)
    assert shown["slope"] == pytest.approx(slope, rel=1e-7, abs=1e-9)
    screen = final_screen_text(scene)
    for width, gap, bend in zip(shown["widths"], shown["gaps"], bends, strict=True):
        assert num(width, "table") in screen and num(gap, "table") in screen
        assert num(bend, "ratio") in screen
    assert rf"f'({num(x0)})" in screen and f"= {num(shown['slope'], 'slope')}" in screen


class TestZoomingIntoACurve:
    def test_zooming_straightens_the_course_curve(self, rendered):
        result = rendered("ZoomingIntoACurve")
        check_zoom(result)
        shown = result.scene.numbers
        assert fmt(shown["slope"], "slope") == "1.32"  # 3 (1.2)^2 - 3
        # near x0 the gap is about (2w)^2 |f''(x0)| / 8 = w^2 * 6 * 1.2 / 2
        assert shown["gaps"][-1] == pytest.approx(0.01**2 * 3.6, rel=0.02)

    def test_zooming_follows_another_curve(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("ZoomingIntoACurve"),
            coefficients=(-0.5, 2.0, 1.0),
            x0=-1.5,
            zooms=(3.0, 0.8, 0.2, 0.05),
        )
        changed = render(cls, tmp_path, tex_cache)
        check_zoom(changed)
        assert fmt(changed.scene.numbers["slope"], "slope") == "3.5"  # -x + 2 at -1.5
        assert_follows(rendered("ZoomingIntoACurve"), changed)

    @pytest.mark.parametrize(
        ("inputs", "refused"),
        [
            ({"zooms": (1.0, 0.5, 0.5)}, "zooms"),  # no closer
            ({"zooms": (1.0, 0.1, 0.001)}, "zooms"),  # below the smallest window
            ({"coefficients": (0.0, 2.0, 1.0)}, "coefficients"),  # a straight line
            ({"x0": 12.0}, "x0"),
        ],
    )
    def test_zooming_refuses_impossible_inputs(self, inputs, refused):
        cls = scene_class("ZoomingIntoACurve")
        values = {**cls.domain.values_of(cls), **inputs}
        with pytest.raises(InputError, match=rf"ZoomingIntoACurve: .* is refused: {refused} "):
            cls.domain.check("ZoomingIntoACurve", values)
