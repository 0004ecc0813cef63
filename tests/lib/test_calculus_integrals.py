"""lib.calculus, sections 6 and 10: polygon areas, Riemann sums, trapezoids, quadrature.

Oracles: hand-computed sums and antiderivatives (x^2, sin, e^x), the polygon-area formula,
and the known error orders (1/n for left/right sums, 1/n^2 for midpoint and trapezoid).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import integrate

from lib import calculus
from lib.calculus import (
    RiemannRectangle,
    definite_integral,
    inscribed_polygon_area,
    riemann_rectangles,
    riemann_sum,
    trapezoid,
)
from lib.errors import EvaluationError, InvalidInputError


def square(x: float) -> float:
    return x * x


# --- method of exhaustion ------------------------------------------------------------------------


def test_inscribed_hexagon_has_area_three_root_three_over_two() -> None:
    assert inscribed_polygon_area(6) == pytest.approx(3 * math.sqrt(3) / 2)


def test_inscribed_square_in_a_circle_of_radius_2_has_area_8() -> None:
    assert inscribed_polygon_area(4, radius=2.0) == pytest.approx(8)


def test_inscribed_polygon_areas_grow_toward_pi_r_squared() -> None:
    areas = [inscribed_polygon_area(n, radius=1.5) for n in (3, 4, 6, 12, 24, 96, 10_000)]
    assert areas == sorted(areas)
    assert areas[-1] == pytest.approx(math.pi * 1.5**2, rel=1e-6)
    assert all(area < math.pi * 1.5**2 for area in areas)


def test_inscribed_polygon_needs_at_least_three_sides() -> None:
    with pytest.raises(InvalidInputError, match="n_sides must be an integer >= 3; got 2"):
        inscribed_polygon_area(2)


def test_inscribed_polygon_needs_a_positive_radius() -> None:
    with pytest.raises(InvalidInputError, match="radius must be positive; got 0"):
        inscribed_polygon_area(6, radius=0)


# --- Riemann sums and the trapezoid rule ---------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("left", 14 / 64), ("right", 30 / 64), ("midpoint", 84 / 256)],
)
def test_riemann_sums_of_x_squared_on_0_1_with_4_rectangles_match_the_hand_sums(
    rule: str, expected: float
) -> None:
    # left: (0 + 1 + 4 + 9) / 16 / 4; right: (1 + 4 + 9 + 16) / 16 / 4;
    # midpoint: (1 + 9 + 25 + 49) / 64 / 4
    assert riemann_sum(square, 0, 1, 4, rule) == pytest.approx(expected, rel=1e-15)  # type: ignore[arg-type]


def test_riemann_rectangles_tile_the_interval_and_sample_where_the_rule_says() -> None:
    rectangles = riemann_rectangles(square, 0, 2, 4, "midpoint")
    assert rectangles[0] == RiemannRectangle(left=0.0, right=0.5, sample_x=0.25, height=0.0625)
    assert [r.left for r in rectangles] == [0.0, 0.5, 1.0, 1.5]
    assert [r.right for r in rectangles] == [0.5, 1.0, 1.5, 2.0]
    assert [r.sample_x for r in rectangles] == [0.25, 0.75, 1.25, 1.75]
    assert sum(r.area for r in rectangles) == pytest.approx(
        riemann_sum(square, 0, 2, 4, "midpoint")
    )


def test_trapezoid_of_x_squared_on_0_1_with_4_pieces_is_22_over_64() -> None:
    assert trapezoid(square, 0, 1, 4) == pytest.approx(22 / 64, rel=1e-15)


def test_trapezoid_and_midpoint_are_exact_for_a_straight_line() -> None:
    def line(x: float) -> float:
        return 3 * x - 1

    assert trapezoid(line, -1, 2, 3) == pytest.approx(1.5, rel=1e-15)  # [3x^2/2 - x] from -1 to 2
    assert riemann_sum(line, -1, 2, 3, "midpoint") == pytest.approx(1.5, rel=1e-15)


def test_sums_with_reversed_limits_are_negated_and_left_means_the_start_from_a() -> None:
    # from a = 1 down to b = 0, each step starts at its larger end: "left" there is "right" here
    for backward, forward in [("left", "right"), ("right", "left"), ("midpoint", "midpoint")]:
        assert riemann_sum(math.exp, 1, 0, 7, backward) == pytest.approx(
            -riemann_sum(math.exp, 0, 1, 7, forward), rel=1e-14
        )
    assert trapezoid(math.exp, 1, 0, 7) == pytest.approx(-trapezoid(math.exp, 0, 1, 7))
    assert definite_integral(math.exp, 1, 0) == pytest.approx(1 - math.e)


def test_sums_over_an_empty_interval_are_zero() -> None:
    assert riemann_sum(math.exp, 2, 2, 5) == 0
    assert trapezoid(math.exp, 2, 2, 5) == 0


def test_midpoint_and_trapezoid_on_sin_over_0_pi_at_n_100_are_within_2e_4_of_2() -> None:
    assert abs(riemann_sum(math.sin, 0, math.pi, 100, "midpoint") - 2) < 1e-4
    assert abs(trapezoid(math.sin, 0, math.pi, 100) - 2) < 2e-4


def error_ratio(rule: str, k: float, a: float, length: float, n: int) -> float:
    """|error with n pieces| / |error with 2n pieces| for the integral of e^(kx) on [a, a + L]."""
    exact = (math.exp(k * (a + length)) - math.exp(k * a)) / k

    def f(x: float) -> float:
        return math.exp(k * x)

    def approximate(pieces: int) -> float:
        if rule == "trapezoid":
            return trapezoid(f, a, a + length, pieces)
        return riemann_sum(f, a, a + length, pieces, rule)  # type: ignore[arg-type]

    return abs(approximate(n) - exact) / abs(approximate(2 * n) - exact)


smooth_cases = {
    "k": st.floats(0.5, 2),
    "a": st.floats(-2, 2),
    "length": st.floats(0.5, 2),
    "n": st.integers(4, 40),
}


@pytest.mark.parametrize(
    ("rule", "low", "high"),
    [("midpoint", 3.5, 4.5), ("trapezoid", 3.5, 4.5), ("left", 1.6, 2.4), ("right", 1.6, 2.4)],
    ids=["midpoint ~1/n^2", "trapezoid ~1/n^2", "left ~1/n", "right ~1/n"],
)
@given(**smooth_cases)
def test_doubling_n_divides_the_error_by_4_for_midpoint_and_trapezoid_and_2_for_left_right(
    rule: str, low: float, high: float, k: float, a: float, length: float, n: int
) -> None:
    assert low < error_ratio(rule, k, a, length, n) < high


def test_riemann_sum_refuses_zero_rectangles() -> None:
    with pytest.raises(InvalidInputError, match="n must be an integer >= 1; got 0"):
        riemann_sum(square, 0, 1, 0)


def test_trapezoid_refuses_a_fractional_number_of_pieces() -> None:
    with pytest.raises(InvalidInputError, match=r"n must be an integer >= 1; got 2\.5"):
        trapezoid(square, 0, 1, 2.5)  # type: ignore[arg-type]


def test_riemann_sum_refuses_an_unknown_rule() -> None:
    with pytest.raises(InvalidInputError, match="rule must be 'left', 'right' or 'midpoint'"):
        riemann_sum(square, 0, 1, 4, "upper")  # type: ignore[arg-type]


def test_riemann_sum_refuses_an_infinite_bound() -> None:
    with pytest.raises(InvalidInputError, match="b must be a finite real number; got inf"):
        riemann_sum(square, 0, math.inf, 4)


def test_riemann_sum_names_the_sample_point_where_f_fails() -> None:
    with pytest.raises(EvaluationError, match=r"ZeroDivisionError\(.*\) at x = 0$"):
        riemann_sum(lambda x: 1 / x, 0, 1, 4, "left")


# --- definite integrals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "a", "b", "expected"),
    [
        (square, 0, 1, 1 / 3),  # [x^3 / 3]
        (lambda x: 3 * x**2 + 2 * x + 1, -1, 2, 15.0),  # [x^3 + x^2 + x] = 14 - (-1)
        (math.sin, 0, math.pi, 2.0),  # [-cos x]
        (math.exp, 0, 1, math.e - 1),  # [e^x]
        (lambda x: math.exp(-x), 0, math.inf, 1.0),  # improper: [-e^-x]
        (lambda x: 1 / x**2, 1, math.inf, 1.0),  # improper: [-1/x]
    ],
    ids=["x^2", "3x^2+2x+1", "sin", "exp", "e^-x to inf", "1/x^2 to inf"],
)
def test_definite_integral_matches_the_antiderivative(f, a, b, expected) -> None:
    assert definite_integral(f, a, b) == pytest.approx(expected, rel=1e-10)


def test_definite_integral_of_a_divergent_improper_integral_says_it_did_not_converge() -> None:
    with pytest.raises(EvaluationError, match="integral of f from 1 to inf did not converge"):
        definite_integral(lambda x: 1 / x, 1, math.inf)


def test_definite_integral_with_an_infinite_result_says_it_is_not_finite(monkeypatch) -> None:
    monkeypatch.setattr(integrate, "quad", lambda *args, **kwargs: (math.inf, 0.0))
    with pytest.raises(EvaluationError, match="integral of f from 0 to 1 is not finite: inf"):
        calculus.definite_integral(square, 0, 1)


def test_definite_integral_names_the_point_where_f_returns_nan() -> None:
    with pytest.raises(EvaluationError, match=r"f returned nan at x = "):
        definite_integral(lambda x: math.nan, 0, 1)


def test_definite_integral_refuses_a_nan_bound() -> None:
    with pytest.raises(InvalidInputError, match="a must be a real number or"):
        definite_integral(square, math.nan, 1)
