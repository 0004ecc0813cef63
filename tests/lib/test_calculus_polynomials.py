"""lib.calculus polynomials: p from its coefficients, and its least and greatest value on [a, b].

Oracles: numpy.polyval for the values, hand-derived extremes, and a dense grid of numpy.polyval
samples for the extremes of random polynomials.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.calculus import derivative, polynomial, polynomial_extremes, secant_slope
from lib.errors import InvalidInputError, ShapeError

coefficient = st.floats(-10, 10, allow_nan=False).map(lambda c: round(c, 2))
coefficients = st.lists(coefficient, min_size=1, max_size=5)
point = st.floats(-10, 10, allow_nan=False)


def test_the_course_parabola_from_its_coefficients() -> None:
    f = polynomial((1, 2, 2))  # x^2 + 2x + 2
    assert [f(x) for x in (0, 2, 5)] == [2, 10, 37]
    assert secant_slope(f, 2, 5) == 9
    assert derivative(f, 2) == pytest.approx(6)


def test_a_cubic_with_a_missing_power() -> None:
    f = polynomial((0.5, 0, -1, 3))  # x^3 / 2 - x + 3
    assert f(2) == pytest.approx(5)
    assert f(-2) == pytest.approx(1)


@given(coefficients, point)
def test_polynomial_agrees_with_numpy_polyval(terms: list[float], x: float) -> None:
    assert polynomial(terms)(x) == pytest.approx(np.polyval(terms, x), rel=1e-12, abs=1e-9)


def test_extremes_at_the_ends_of_an_increasing_stretch() -> None:
    assert polynomial_extremes((1, 2, 2), 0, 6) == (2, 50)


def test_extremes_at_the_vertex_inside_the_interval() -> None:
    low, high = polynomial_extremes((1, 2, 2), -3, 1)  # vertex at x = -1, value 1
    assert (low, high) == (pytest.approx(1), pytest.approx(5))


def test_extremes_of_a_cubic_at_both_turning_points() -> None:
    low, high = polynomial_extremes((1, 0, -3, 0), -1.5, 1.5)  # x^3 - 3x: 2 at -1, -2 at 1
    assert (low, high) == (pytest.approx(-2), pytest.approx(2))


def test_extremes_of_a_constant_and_of_a_line() -> None:
    assert polynomial_extremes((4,), -1, 1) == (4, 4)
    assert polynomial_extremes((0, 0, -2, 1), -1, 3) == (-5, 3)


def test_extremes_at_a_point_interval() -> None:
    assert polynomial_extremes((1, 0, 0), 2, 2) == (4, 4)


def test_extremes_refuse_a_reversed_interval() -> None:
    with pytest.raises(InvalidInputError, match="a <= b"):
        polynomial_extremes((1, 0), 3, 1)


def test_polynomial_refuses_no_coefficients_and_non_numbers() -> None:
    with pytest.raises(InvalidInputError, match="coefficients"):
        polynomial(())
    with pytest.raises(InvalidInputError, match="coefficients"):
        polynomial(("a", 1))
    with pytest.raises(ShapeError, match="coefficients"):
        polynomial(((1, 2), (3, 4)))


@given(coefficients, point, st.floats(0, 10, allow_nan=False))
def test_extremes_bound_every_value_and_are_reached(
    terms: list[float], a: float, width: float
) -> None:
    b = a + width
    low, high = polynomial_extremes(terms, a, b)
    grid = np.polyval(terms, np.linspace(a, b, 2001))
    scale = 1e-9 * max(1.0, float(np.max(np.abs(grid))))
    assert low <= grid.min() + scale and grid.max() - scale <= high
    # Reached: the grid comes within its spacing times the steepest slope on [a, b].
    slopes = np.polyval(np.polyder(terms), np.linspace(a, b, 2001)) if len(terms) > 1 else [0]
    reach = float(np.max(np.abs(slopes))) * width / 2000 + scale
    assert grid.min() - low <= reach and high - grid.max() <= reach
