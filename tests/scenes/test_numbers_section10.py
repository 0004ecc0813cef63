"""Section 10 scenes show the numbers lib computes for their inputs, and follow changed inputs."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from scipy import integrate

from lib import calculus
from scenes.inputs import InputError
from scenes.s10_integrals.riemann_sums import table_kind
from scenes.style import fmt, num, sci
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


def assert_follows(original, changed) -> None:
    """A variant renders cleanly, at lesson length, to a poster of its own."""
    assert changed.layout_problems == []
    assert 20 <= changed.duration <= 90
    assert_frames_differ(original, changed)


def assert_refused(name: str, inputs: dict, refused: str) -> None:
    cls = scene_class(name)
    values = {**cls.domain.values_of(cls), **inputs}
    with pytest.raises(InputError, match=rf"{name}: .* is refused: {refused} "):
        cls.domain.check(name, values)


def exact_integral(coefficients, a: float, b: float) -> float:
    """The integral of the polynomial by its antiderivative (numpy.polyint): F(b) - F(a)."""
    antiderivative = np.polyint(np.asarray(coefficients, dtype=float))
    return float(np.polyval(antiderivative, b) - np.polyval(antiderivative, a))


# -- RiemannSums --------------------------------------------------------------------------

FRACTION = {"left": 0.0, "right": 1.0, "midpoint": 0.5}


def riemann_by_numpy(coefficients, a: float, b: float, n: int, rule: str) -> float:
    dx = (b - a) / n
    samples = a + (np.arange(n) + FRACTION[rule]) * dx
    return float(np.sum(np.polyval(coefficients, samples)) * dx)


@numbers_check("RiemannSums")
def check_riemann(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a, b = (float(v) for v in scene.interval)
    counts = tuple(int(n) for n in scene.counts)
    f = calculus.polynomial(scene.coefficients)
    exact = exact_integral(scene.coefficients, a, b)
    assert shown["exact"] == pytest.approx(calculus.definite_integral(f, a, b), rel=1e-12)
    assert shown["exact"] == pytest.approx(exact, rel=1e-9, abs=1e-9)
    assert shown["counts"] == counts
    screen = final_screen_text(scene)
    assert num(shown["exact"], "table") in screen
    for rule in ("left", "right", "midpoint"):
        sums, errors = shown["sums"][rule], shown["errors"][rule]
        assert sums == pytest.approx([calculus.riemann_sum(f, a, b, n, rule) for n in counts])
        assert sums == pytest.approx(
            [riemann_by_numpy(scene.coefficients, a, b, n, rule) for n in counts],
            rel=1e-9,
            abs=1e-9,
        )
        assert errors == pytest.approx([s - exact for s in sums], abs=1e-8)
        assert abs(errors[-1]) <= abs(errors[0]) + 1e-9, f"the {rule} error must shrink"
        assert shown[f"first_{rule}"] == pytest.approx(sums[0])
        kind = table_kind(shown["errors"])  # five decimals, two when an error reaches 10
        for error in errors:
            assert num(error, kind) in screen


class TestRiemannSums:
    def test_riemann_sums_close_in_on_x_squared_plus_one(self, rendered):
        result = rendered("RiemannSums")
        check_riemann(result)
        shown = result.scene.numbers
        # hand sums over [0, 2] in 4 strips of 0.5: left (1 + 1.25 + 2 + 3.25) / 2, right, midpoint
        assert [shown[f"first_{r}"] for r in ("left", "right", "midpoint")] == [3.75, 5.75, 4.625]
        assert fmt(shown["exact"], "table") == "4.66667"  # 8/3 + 2

    def test_riemann_sums_follow_another_curve(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("RiemannSums"),
            coefficients=(-1.0, 0.5, 3.0, -1.0),
            interval=(-1.5, 2.0),
            counts=(3, 10, 30, 100),
        )
        changed = render(cls, tmp_path, tex_cache)
        check_riemann(changed)
        assert_follows(rendered("RiemannSums"), changed)

    @pytest.mark.parametrize(
        ("inputs", "refused"),
        [
            ({"interval": (2.0, 1.0)}, "interval"),  # b below a
            ({"counts": (4, 8, 8)}, "counts"),  # no more strips
            ({"counts": (0, 4, 8)}, "counts"),  # no strips at all
            ({"coefficients": (0.0, 3.0)}, "coefficients"),  # a constant fits exactly
        ],
    )
    def test_riemann_sums_refuse_impossible_inputs(self, inputs, refused):
        assert_refused("RiemannSums", inputs, refused)


# -- AreaUnderROCCurve --------------------------------------------------------------------


def auc_by_pairs(labels, scores) -> float:
    """P(a positive outscores a negative), a tie counting half: the Mann-Whitney count."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    negatives = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


@numbers_check("AreaUnderROCCurve")
def check_roc(result) -> None:
    scene = result.scene
    shown = scene.numbers
    labels, scores = shown["labels"], shown["scores"]
    assert sum(labels) == int(scene.positives) and len(labels) - sum(labels) == int(scene.negatives)
    assert all(0 <= s <= 1 and round(s, 1) == s for s in scores)
    fpr, tpr, _ = calculus.roc_curve(labels, scores)
    assert shown["fpr"] == pytest.approx(tuple(fpr)) and shown["tpr"] == pytest.approx(tuple(tpr))
    assert shown["thresholds"][1:] == pytest.approx(sorted(set(scores), reverse=True))
    for k, t in enumerate(shown["thresholds"][1:], start=1):  # each point counts s >= t
        predicted = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        assert shown["tpr"][k] == pytest.approx(sum(predicted) / sum(labels))
        assert shown["fpr"][k] == pytest.approx((len(predicted) - sum(predicted)) / labels.count(0))
    assert shown["auc"] == pytest.approx(calculus.roc_auc(labels, scores))
    assert shown["auc"] == pytest.approx(auc_by_pairs(labels, scores), abs=1e-12)
    screen = final_screen_text(scene)
    assert r"\text{AUC}" in screen and num(shown["auc"], "table") in screen


class TestAreaUnderROCCurve:
    def test_roc_area_of_the_course_scores(self, rendered):
        result = rendered("AreaUnderROCCurve")
        check_roc(result)
        shown = result.scene.numbers
        # a positive and a negative both score 1.0: the curve's first step is diagonal
        assert (shown["fpr"][1], shown["tpr"][1]) == (0.2, 0.2)
        assert fmt(shown["auc"], "table") == "0.72"  # 18 of 25 pairs, ties counting half

    def test_roc_area_follows_other_scores(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("AreaUnderROCCurve"), seed=11, positives=8, negatives=3, separation=0.5
        )
        changed = render(cls, tmp_path, tex_cache)
        check_roc(changed)
        assert len(changed.scene.numbers["labels"]) == 11
        assert_follows(rendered("AreaUnderROCCurve"), changed)

    @pytest.mark.parametrize(
        ("inputs", "refused"),
        [
            ({"positives": 1}, "positives"),  # a curve needs both classes, twice over
            ({"negatives": 9}, "negatives"),
            ({"separation": -1.0}, "separation"),
            ({"seed": 2.5}, "seed"),
        ],
    )
    def test_roc_area_refuses_impossible_inputs(self, inputs, refused):
        assert_refused("AreaUnderROCCurve", inputs, refused)


# -- IntegralRules -------------------------------------------------------------------------


def central_difference(f, x: float, h: float = 1e-5) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def written_antiderivative(terms):
    """F from the terms (c, k) the scene wrote on screen, evaluated by numpy."""
    return lambda x: float(sum(c * np.power(x, k) for c, k in terms))


def assert_written(formula: str, screen: str) -> None:
    """Each term of ``formula`` is on screen (a long sum may be set on two lines)."""
    for term in re.split(r" [+-] ", formula):
        assert term.lstrip("-") in screen


@numbers_check("IntegralRules")
def check_integral_rules(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a, b = (float(v) for v in scene.interval)
    coefficients = scene.coefficients
    F = written_antiderivative(shown["F"])
    polyint = np.polyint(np.asarray(coefficients, dtype=float))
    for x in np.linspace(a - 1, b + 1, 7):  # F is f's antiderivative: numpy's, and F' = f
        assert F(x) == pytest.approx(float(np.polyval(polyint, x)), rel=1e-9, abs=1e-9)
        assert central_difference(F, x) == pytest.approx(
            float(np.polyval(coefficients, x)), rel=1e-5, abs=1e-5
        )
    xs = shown["check_xs"]
    assert shown["slopes"] == pytest.approx([np.polyval(coefficients, x) for x in xs], abs=1e-6)
    assert shown["values"] == pytest.approx([np.polyval(coefficients, x) for x in xs], abs=1e-9)
    exact = exact_integral(coefficients, a, b)
    assert shown["F_b"] - shown["F_a"] == pytest.approx(exact, rel=1e-9, abs=1e-9)
    assert shown["by_rules"] == pytest.approx(exact, rel=1e-9, abs=1e-9)
    quad, _ = integrate.quad(lambda x: np.polyval(coefficients, x), a, b)
    assert shown["quad"] == pytest.approx(quad, rel=1e-9, abs=1e-9)
    screen = final_screen_text(scene)
    assert_written(shown["F_tex"], screen)
    checked = () if scene.check_leaves else (*shown["slopes"], *shown["values"])
    for value in (shown["by_rules"], shown["quad"], *checked):  # the table, when it stays
        assert num(value) in screen


class TestIntegralRules:
    def test_three_x_squared_minus_four_x_plus_two_integrates_to_four_over_0_2(self, rendered):
        result = rendered("IntegralRules")
        check_integral_rules(result)
        shown = result.scene.numbers
        assert shown["F"] == ((1.0, 3), (-2.0, 2), (2.0, 1))  # x^3 - 2x^2 + 2x
        assert shown["F_tex"] == "x^{3} - 2x^{2} + 2x"
        assert (shown["F_a"], shown["F_b"], shown["by_rules"]) == (0.0, 4.0, 4.0)  # 8 - 8 + 4

    def test_integral_rules_follow_a_cubic_with_fractions(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("IntegralRules"), coefficients=(-1.5, 0.5, 2.0, -1.0), interval=(-1.5, 2.0)
        )
        changed = render(cls, tmp_path, tex_cache)
        check_integral_rules(changed)
        assert r"\frac{0.5}{3}x^{3}" in changed.scene.numbers["F_tex"]  # 0.1666... exactly
        assert_follows(rendered("IntegralRules"), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"coefficients": (0.0, 3.0)}, "coefficients"),  # one term: no sum to split
            ({"interval": (1.0, 1.2)}, "interval"),  # too short to see
            ({"interval": (0.123, 1.0)}, "interval"),  # more decimals than the screen shows
        ],
    )
    def test_integral_rules_refuse_impossible_inputs(self, inputs, named):
        assert f"is refused: {named}" in refused("IntegralRules", **inputs)


# -- DefiniteIntegrals ---------------------------------------------------------------------


@numbers_check("DefiniteIntegrals")
def check_definite(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a, b = (float(v) for v in scene.interval)
    coefficients = scene.coefficients
    exact = exact_integral(coefficients, a, b)
    pieces = shown["pieces"]
    assert pieces[0][0] == a and pieces[-1][1] == b
    for (left, right, area), following in zip(pieces, [*pieces[1:], None], strict=True):
        assert area == pytest.approx(exact_integral(coefficients, left, right), abs=1e-9)
        middle = float(np.polyval(coefficients, (left + right) / 2))
        assert middle * area >= 0, "a piece's area has the sign of f inside it"
        if following is not None:  # pieces meet where f crosses the axis
            assert following[0] == right
            assert float(np.polyval(coefficients, right)) == pytest.approx(0, abs=1e-7)
    assert sum(p[2] for p in pieces) == pytest.approx(exact, abs=1e-9)
    assert shown["total"] == pytest.approx(exact, rel=1e-9, abs=1e-9)
    polyint = np.polyint(np.asarray(coefficients, dtype=float))
    assert shown["F_a"] == pytest.approx(float(np.polyval(polyint, a)), rel=1e-9, abs=1e-9)
    assert shown["F_b"] == pytest.approx(float(np.polyval(polyint, b)), rel=1e-9, abs=1e-9)
    assert shown["by_F"] == pytest.approx(exact, rel=1e-9, abs=1e-9)
    F = written_antiderivative(shown["F"])
    for x in (a, (a + b) / 2, b):
        assert central_difference(F, x) == pytest.approx(
            float(np.polyval(coefficients, x)), rel=1e-5, abs=1e-5
        )
    screen = final_screen_text(scene)
    if not scene.pieces_leave:  # the pieces' sum stays when there is room for it
        assert num(shown["total"]) in screen
    assert_written(shown["F_tex"], screen)
    assert num(shown["by_F"]) in screen


class TestDefiniteIntegrals:
    def test_three_x_squared_minus_three_is_minus_two_below_and_four_above(self, rendered):
        result = rendered("DefiniteIntegrals")
        check_definite(result)
        shown = result.scene.numbers
        assert [round(p[2], 9) for p in shown["pieces"]] == [-2.0, 4.0]  # [x^3 - 3x] on 0-1, 1-2
        assert (shown["F_a"], shown["F_b"], shown["by_F"]) == (0.0, 2.0, 2.0)

    def test_definite_integrals_follow_a_cubic_in_three_pieces(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("DefiniteIntegrals"),
            coefficients=(1.0, 0.0, -4.0, 0.0),
            interval=(-2.5, 1.5),
        )
        changed = render(cls, tmp_path, tex_cache)
        check_definite(changed)
        assert len(changed.scene.numbers["pieces"]) == 3  # x^3 - 4x crosses at -2 and 0
        assert_follows(rendered("DefiniteIntegrals"), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"interval": (2.0, 0.0)}, "interval"),  # b below a
            ({"coefficients": (0.0, 0.0)}, "coefficients"),  # no curve, no area
            ({"coefficients": (1.0, 0.001)}, "coefficients"),  # more decimals than shown
        ],
    )
    def test_definite_integrals_refuse_impossible_inputs(self, inputs, named):
        assert f"is refused: {named}" in refused("DefiniteIntegrals", **inputs)


# -- NumericalIntegration ------------------------------------------------------------------


def trapezoid_by_numpy(coefficients, a: float, b: float, n: int) -> float:
    xs = np.linspace(a, b, n + 1)
    return float(np.trapezoid(np.polyval(coefficients, xs), xs))


@numbers_check("NumericalIntegration")
def check_numerical(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a, b = (float(v) for v in scene.interval)
    coefficients = scene.coefficients
    counts = tuple(int(n) for n in scene.counts)
    exact = exact_integral(coefficients, a, b)
    assert shown["counts"] == counts
    assert shown["exact"] == pytest.approx(exact, rel=1e-12, abs=1e-12)
    estimates = [trapezoid_by_numpy(coefficients, a, b, n) for n in counts]
    assert shown["estimates"] == pytest.approx(estimates, rel=1e-9, abs=1e-9)
    assert shown["errors"] == pytest.approx([t - exact for t in estimates], rel=1e-6, abs=1e-9)
    value, _, info = integrate.quad(
        lambda x: np.polyval(coefficients, x), a, b, limit=200, full_output=1
    )
    assert shown["quad"] == pytest.approx(value, rel=1e-12, abs=1e-12)
    assert shown["quad_error"] == pytest.approx(value - exact, abs=1e-12)
    assert shown["quad_evaluations"] == info["neval"]
    screen = final_screen_text(scene)
    for error in (*shown["errors"], shown["quad_error"]):
        assert sci(error) in screen
    for estimate in (*shown["estimates"], shown["quad"]):
        assert num(estimate, "table") in screen


class TestNumericalIntegration:
    def test_trapezoids_close_in_on_nine_and_three_quarters(self, rendered):
        result = rendered("NumericalIntegration")
        check_numerical(result)
        shown = result.scene.numbers
        # two trapezoids of width 1.5 on f(0) = 1, f(1.5) = 4.375, f(3) = 1
        assert shown["first"] == 1.5 * (0.5 + 4.375 + 0.5)
        assert shown["exact"] == 9.75  # -81/4 + 27 + 3
        errors = shown["errors"]
        assert all(3.9 < e0 / e1 < 4.1 for e0, e1 in itertools.pairwise(errors))  # 1/n^2
        assert abs(shown["quad_error"]) < 1e-12 and shown["quad_evaluations"] == 21
        assert sci(errors[-1]) == r"{-6.6 \times 10^{-3}}"

    def test_numerical_integration_follows_a_parabola(self, rendered, tmp_path, tex_cache):
        cls = variant(
            scene_class("NumericalIntegration"),
            coefficients=(2.0, -1.0, 0.5),
            interval=(-1.0, 2.0),
            counts=(3, 10, 30, 100),
        )
        changed = render(cls, tmp_path, tex_cache)
        check_numerical(changed)
        assert_follows(rendered("NumericalIntegration"), changed)

    @pytest.mark.parametrize(
        ("inputs", "named"),
        [
            ({"coefficients": (0.0, 2.0, 1.0)}, "coefficients"),  # a line: trapezoids are exact
            ({"counts": (4, 4, 8)}, "counts"),  # no more trapezoids
            ({"interval": (3.0, 0.0)}, "interval"),  # b below a
        ],
    )
    def test_numerical_integration_refuses_impossible_inputs(self, inputs, named):
        assert f"is refused: {named}" in refused("NumericalIntegration", **inputs)
