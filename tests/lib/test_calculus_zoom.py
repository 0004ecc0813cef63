"""lib.calculus.chord_gap, section 6: how far a curve bends away from straight over a window.

Oracles: hand-derived gaps (x^2 bends (b - a)^2 / 4 from its chord, sin by 1 over [0, pi]),
and scipy's bounded scalar optimiser maximising |f - chord| between the samples.
"""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize

from lib.calculus import chord_gap
from lib.errors import EvaluationError, InvalidInputError

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
widths = st.floats(0.01, 20, allow_nan=False, allow_infinity=False)


def test_a_parabola_bends_a_quarter_of_its_width_squared_from_its_chord() -> None:
    # x^2 - chord on [a, b] is (x - a)(x - b), largest in size at the midpoint: (b - a)^2 / 4
    assert chord_gap(lambda x: x * x, 0, 2) == pytest.approx(1.0, rel=1e-12)
    assert chord_gap(lambda x: x * x, -3, 1) == pytest.approx(4.0, rel=1e-12)


def test_sine_over_half_a_turn_bends_one_from_its_flat_chord() -> None:
    assert chord_gap(math.sin, 0, math.pi) == pytest.approx(1.0, rel=1e-12)


def test_a_cubic_gap_matches_scipys_maximum_of_the_distance() -> None:
    def f(x: float) -> float:
        return x**3 - 3 * x + 1

    a, b = -0.5, 2.0
    slope = (f(b) - f(a)) / (b - a)
    best = optimize.minimize_scalar(
        lambda x: -abs(f(x) - f(a) - slope * (x - a)), bounds=(a, b), method="bounded"
    )
    assert chord_gap(f, a, b, samples=2001) == pytest.approx(-best.fun, rel=1e-5)


def test_a_cubic_gap_is_the_exact_maximum_not_the_best_sample() -> None:
    # -0.5x^3 + 2.25x^2 - 3 over [-3.5, 0.5]: the chord's slope is -12.125, and the gap is
    # largest where f' = -1.5x^2 + 4.5x equals it, x = (4.5 - sqrt(93)) / 3, by hand.
    def f(x: float) -> float:
        return -0.5 * x**3 + 2.25 * x**2 - 3

    a, b = -3.5, 0.5
    slope = (f(b) - f(a)) / (b - a)
    assert slope == pytest.approx(-12.125)
    x = (4.5 - math.sqrt(93)) / 3
    exact = abs(f(a) + slope * (x - a) - f(x))
    assert chord_gap(f, a, b) == pytest.approx(exact, rel=1e-10)
    assert round(chord_gap(f, a, b), 5) == 18.21702  # what the screen shows


@given(finite, finite, finite, widths)
def test_a_straight_line_has_no_gap_from_its_chord(slope, intercept, a, width) -> None:
    gap = chord_gap(lambda x: slope * x + intercept, a, a + width)
    assert gap <= 1e-9 * max(1.0, abs(slope) * (abs(a) + width), abs(intercept))


@given(finite, widths)
def test_a_parabolas_gap_grows_with_the_square_of_the_window(a, width) -> None:
    assert chord_gap(lambda x: 2 * x * x, a, a + width) == pytest.approx(
        2 * width**2 / 4, rel=1e-6, abs=1e-9
    )


@given(st.floats(-3, 3, allow_nan=False), st.sampled_from([math.sin, math.exp, math.cos]))
def test_zooming_in_makes_a_smooth_curve_look_straight(x0, f) -> None:
    # gap / width is about w |f''| / 4: each tenfold zoom makes the bend ten times smaller
    ratios = [chord_gap(f, x0 - w, x0 + w) / (2 * w) for w in (1.0, 0.1, 0.01, 0.001)]
    assert all(later <= 0.11 * earlier + 1e-12 for earlier, later in itertools.pairwise(ratios))
    assert ratios[-1] < 1e-3 * math.exp(3.001) / 4 * 1.01


def test_a_gap_is_never_negative() -> None:
    assert chord_gap(abs, -1, 1) == pytest.approx(1.0)
    assert chord_gap(lambda x: -(x * x), -1, 1) == pytest.approx(1.0)


def test_a_window_must_run_from_a_lower_x_to_a_higher_one() -> None:
    with pytest.raises(InvalidInputError, match="needs a < b; got a = 2, b = 1"):
        chord_gap(math.sin, 2, 1)
    with pytest.raises(InvalidInputError, match="needs a < b"):
        chord_gap(math.sin, 1, 1)


def test_the_window_ends_and_sample_count_are_validated() -> None:
    with pytest.raises(InvalidInputError, match="a must be a finite real number"):
        chord_gap(math.sin, math.nan, 1)
    with pytest.raises(InvalidInputError, match="samples must be an integer >= 2; got 1"):
        chord_gap(math.sin, 0, 1, samples=1)


def test_a_function_undefined_in_the_window_is_reported_at_its_sample() -> None:
    with pytest.raises(EvaluationError, match="at x = 0"):
        chord_gap(lambda x: 1 / x, -1, 1)
