"""Section 10 scenes show the numbers lib computes for their inputs, and follow changed inputs."""

from __future__ import annotations

import numpy as np
import pytest

from lib import calculus
from scenes.inputs import InputError
from scenes.s10_integrals.riemann_sums import table_kind
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
