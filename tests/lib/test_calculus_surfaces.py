"""The saddle and the cylinder of section 9, against hand values and their calculus."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import calculus
from lib.errors import InvalidInputError, ShapeError

coordinate = st.floats(-5, 5, allow_nan=False)
length = st.floats(0.1, 6, allow_nan=False)


def test_the_saddle_at_hand_worked_points():
    assert calculus.saddle((1.5, 1.0)) == 1.25
    assert calculus.saddle((0.0, 2.0)) == -4.0
    assert calculus.saddle((-3.0, 0.0)) == 9.0


@given(coordinate, coordinate)
def test_the_saddle_is_even_in_each_variable_and_its_partials_are_2x_and_minus_2y(x, y):
    z = calculus.saddle((x, y))
    assert calculus.saddle((-x, y)) == z == calculus.saddle((x, -y))
    assert calculus.saddle((y, x)) == pytest.approx(-z, abs=1e-12)
    fx = calculus.partial_derivative(calculus.saddle, (x, y), 0)
    fy = calculus.partial_derivative(calculus.saddle, (x, y), 1)
    assert fx == pytest.approx(2 * x, abs=1e-6)
    assert fy == pytest.approx(-2 * y, abs=1e-6)


def test_the_cylinder_at_hand_worked_dimensions():
    assert calculus.cylinder_volume((1.5, 3.0)) == pytest.approx(21.2057504, abs=1e-7)
    assert calculus.cylinder_volume((1.0, 1.0)) == math.pi
    assert calculus.cylinder_volume((0.0, 4.0)) == 0.0


@given(length, length, st.floats(0.5, 3))
def test_the_cylinder_scales_as_r_squared_and_l_and_has_the_textbook_partials(r, ln, k):
    v = calculus.cylinder_volume((r, ln))
    assert calculus.cylinder_volume((k * r, ln)) == pytest.approx(k * k * v, rel=1e-12)
    assert calculus.cylinder_volume((r, k * ln)) == pytest.approx(k * v, rel=1e-12)
    dv_dr = calculus.partial_derivative(calculus.cylinder_volume, (r, ln), 0)
    dv_dl = calculus.partial_derivative(calculus.cylinder_volume, (r, ln), 1)
    assert dv_dr == pytest.approx(2 * math.pi * r * ln, rel=1e-6)
    assert dv_dl == pytest.approx(math.pi * r * r, rel=1e-6)


@pytest.mark.parametrize("function", [calculus.saddle, calculus.cylinder_volume])
@pytest.mark.parametrize("bad", [(1.0,), (1.0, 2.0, 3.0)])
def test_a_point_without_two_coordinates_is_refused(function, bad):
    with pytest.raises(ShapeError, match="must have 2 coordinates; got"):
        function(bad)


@pytest.mark.parametrize("bad", [(float("nan"), 1.0), ("r", 1.0)])
def test_a_coordinate_that_is_not_a_finite_number_is_refused(bad):
    with pytest.raises(InvalidInputError):
        calculus.saddle(bad)


def test_a_negative_radius_or_length_is_refused():
    with pytest.raises(InvalidInputError, match="radius and length must be at least 0"):
        calculus.cylinder_volume((-1.0, 2.0))
