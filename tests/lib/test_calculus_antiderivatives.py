"""lib.rules and lib.calculus, section 10: antiderivatives by rules, trapezoids, quadrature.

Oracles: numpy.polyint and numpy.polyval (antiderivatives), lib.calculus.derivative (the
antiderivative written term by term differentiates back to f), scipy.integrate.quad and
hand-derived areas (x^3 - 3x, x^2 on [0, 1]).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import integrate

from lib import calculus, rules
from lib.errors import EvaluationError, InvalidInputError

coefficient = st.floats(-5, 5, allow_nan=False).map(lambda c: round(c, 2))
polynomials = st.lists(coefficient, min_size=1, max_size=5).filter(lambda p: any(p))
bound = st.floats(-3, 3, allow_nan=False).map(lambda v: round(v, 2))


def square(x: float) -> float:
    return x * x


# --- antiderivatives by the rules --------------------------------------------------------------


def test_three_x_squared_minus_four_x_plus_two_integrates_to_x_cubed_minus_two_x_squared_plus_2x():
    example = rules.integral_rules((3.0, -4.0, 2.0))
    assert example.terms == ((3.0, 2), (-4.0, 1), (2.0, 0))
    assert example.term_antiderivatives == ((1.0, 3), (-2.0, 2), (2.0, 1))
    assert example.antiderivative_coefficients == (1.0, -2.0, 2.0, 0.0)
    assert example.definite(0, 2) == 4.0  # 8 - 8 + 4


def test_zero_terms_are_skipped_and_leading_zeros_dropped():
    example = rules.integral_rules((0.0, 1.0, 0.0, -1.0))  # x^2 - 1
    assert example.terms == ((1.0, 2), (-1.0, 0))
    assert example.term_antiderivatives == ((1.0 / 3, 3), (-1.0, 1))


def test_the_zero_polynomial_is_refused():
    with pytest.raises(InvalidInputError, match="coefficients must not be the zero polynomial"):
        rules.integral_rules((0.0, 0.0))


@given(polynomials)
def test_integrate_polynomial_matches_numpy_polyint(p: list[float]) -> None:
    got = np.array(rules.integrate_polynomial(p))
    want = np.polyint(np.trim_zeros(np.array(p, dtype=float), "f"))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@given(polynomials, st.floats(-2, 2, allow_nan=False))
def test_the_antiderivative_written_term_by_term_differentiates_back_to_f(p, x) -> None:
    example = rules.integral_rules(p)
    slope = calculus.derivative(example.antiderivative, x, step=0.05)
    assert slope == pytest.approx(example.f(x), rel=1e-6, abs=1e-6)
    assert example.f(x) == pytest.approx(float(np.polyval(p, x)), rel=1e-12, abs=1e-12)


@given(polynomials, bound, bound)
def test_f_b_minus_f_a_matches_numerical_integration(p, a, b) -> None:
    example = rules.integral_rules(p)
    quad, _ = integrate.quad(lambda x: np.polyval(p, x), a, b)
    assert example.definite(a, b) == pytest.approx(quad, rel=1e-9, abs=1e-9)


# --- trapezoids ----------------------------------------------------------------------------------


def test_two_trapezoids_under_x_squared_on_0_1_have_sides_0_a_quarter_and_1():
    pieces = calculus.trapezoid_pieces(square, 0, 1, 2)
    assert pieces == (
        calculus.TrapezoidPiece(0.0, 0.5, 0.0, 0.25),
        calculus.TrapezoidPiece(0.5, 1.0, 0.25, 1.0),
    )
    assert sum(t.area for t in pieces) == pytest.approx(0.375)  # (0 + 0.25) / 4 + (0.25 + 1) / 4


@given(polynomials, bound, st.floats(0.5, 4).map(lambda v: round(v, 2)), st.integers(1, 50))
def test_trapezoid_pieces_add_up_to_the_trapezoid_rule(p, a, length, n) -> None:
    f = calculus.polynomial(p)
    pieces = calculus.trapezoid_pieces(f, a, a + length, n)
    assert len(pieces) == n
    assert pieces[0].left == a and pieces[-1].right == pytest.approx(a + length)
    assert math.fsum(t.area for t in pieces) == pytest.approx(
        calculus.trapezoid(f, a, a + length, n), rel=1e-12, abs=1e-12
    )


def test_trapezoid_pieces_refuse_zero_pieces():
    with pytest.raises(InvalidInputError, match="n must be an integer >= 1; got 0"):
        calculus.trapezoid_pieces(square, 0, 1, 0)


# --- adaptive quadrature -------------------------------------------------------------------------


def test_adaptive_quadrature_of_sin_over_0_pi_is_2_with_its_estimate_and_count():
    result = calculus.adaptive_quadrature(math.sin, 0, math.pi)
    assert result.value == pytest.approx(2.0, rel=1e-14)
    assert 0 <= result.error_estimate < 1e-10
    assert result.evaluations == 21  # one 21-point Gauss-Kronrod rule was enough


@given(polynomials, bound, bound)
def test_adaptive_quadrature_agrees_with_definite_integral_and_scipy(p, a, b) -> None:
    f = calculus.polynomial(p)
    result = calculus.adaptive_quadrature(f, a, b)
    value, error, info = integrate.quad(f, a, b, limit=200, full_output=1)
    assert result == (pytest.approx(value), pytest.approx(error), info["neval"])
    assert result.value == pytest.approx(calculus.definite_integral(f, a, b), rel=1e-12)


def test_adaptive_quadrature_of_a_divergent_integral_says_it_did_not_converge():
    with pytest.raises(EvaluationError, match="integral of f from 1 to inf did not converge"):
        calculus.adaptive_quadrature(lambda x: 1 / x, 1, math.inf)


def test_adaptive_quadrature_names_the_point_where_f_fails():
    with pytest.raises(EvaluationError, match=r"f returned nan at x = "):
        calculus.adaptive_quadrature(lambda x: math.nan, 0, 1)


# --- signed areas ------------------------------------------------------------------------------


def test_three_x_squared_minus_three_on_0_2_is_minus_2_below_and_4_above():
    pieces = calculus.signed_areas((3.0, 0.0, -3.0), 0, 2)  # F = x^3 - 3x, root at 1
    assert [(p.left, p.right) for p in pieces] == [(0.0, pytest.approx(1.0)), (1.0, 2.0)]
    assert [p.area for p in pieces] == [pytest.approx(-2.0), pytest.approx(4.0)]


def test_a_polynomial_touching_the_axis_keeps_one_piece():
    pieces = calculus.signed_areas((1.0, 0.0, 0.0), -1, 2)  # x^2 touches 0 at 0
    assert len(pieces) == 1 and pieces[0].area == pytest.approx(3.0)


def test_a_crossing_at_an_end_makes_no_piece():
    pieces = calculus.signed_areas((1.0, 0.0, -1.0), 1, 2)  # x^2 - 1 crosses at a = 1
    assert len(pieces) == 1 and pieces[0].area == pytest.approx(4 / 3)


@given(polynomials, bound, st.floats(0.5, 4).map(lambda v: round(v, 2)))
def test_signed_areas_alternate_in_sign_and_add_up_to_the_integral(p, a, length) -> None:
    b = a + length
    pieces = calculus.signed_areas(p, a, b)
    assert pieces[0].left == a and pieces[-1].right == b
    assert all(x.right == y.left for x, y in itertools.pairwise(pieces))
    assert all((x.area >= 0) != (y.area >= 0) for x, y in itertools.pairwise(pieces))
    total = float(np.polyval(np.polyint(p), b) - np.polyval(np.polyint(p), a))
    assert math.fsum(x.area for x in pieces) == pytest.approx(total, rel=1e-9, abs=1e-9)
    for piece in pieces:  # p keeps the piece's sign inside it
        middle = np.polyval(p, (piece.left + piece.right) / 2)
        assert middle * piece.area >= 0 or abs(middle) < 1e-9


def test_signed_areas_refuse_an_empty_interval_and_the_zero_polynomial():
    with pytest.raises(InvalidInputError, match="needs a < b"):
        calculus.signed_areas((1.0, 0.0), 2, 2)
    with pytest.raises(InvalidInputError, match="must not all be 0"):
        calculus.signed_areas((0.0, 0.0), 0, 1)
