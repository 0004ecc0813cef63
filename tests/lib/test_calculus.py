"""lib.calculus, sections 6, 7 and 9: secants, derivatives, tangents, limits, gradients.

Oracles: hand-derived derivatives and limits, the course's worked values (f(x) = x^2 + 2x + 2
at x0 = 2), scipy.optimize.approx_fprime for gradients.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import approx_fprime

from lib.calculus import (
    ApproachTable,
    approach_table,
    delta_method_table,
    derivative,
    difference_quotient,
    gradient,
    hessian,
    limit,
    partial_derivative,
    secant_sequence,
    secant_slope,
    tangent_line,
)
from lib.errors import EvaluationError, InvalidInputError, LimitDoesNotExist, ShapeError


def course_parabola(x: float) -> float:
    """The flagship example f(x) = x^2 + 2x + 2 (f'(x) = 2x + 2, so f'(2) = 6)."""
    return x * x + 2 * x + 2


coefficient = st.floats(-5, 5, allow_nan=False)
moderate_x = st.floats(-10, 10, allow_nan=False)


# --- secants and difference quotients ------------------------------------------------------------


def test_secant_slopes_of_the_course_example_are_9_then_6_1_tending_to_6() -> None:
    slopes = secant_sequence(course_parabola, 2, [5, 2.1, 2.01, 2.001, 2.000001])
    assert slopes == pytest.approx([9, 6.1, 6.01, 6.001, 6.000001], rel=1e-9)


def test_secant_slope_is_the_same_from_either_point() -> None:
    assert secant_slope(math.exp, 0, 1) == pytest.approx(secant_slope(math.exp, 1, 0))
    assert secant_slope(math.exp, 0, 1) == pytest.approx(math.e - 1)


@given(c3=coefficient, c2=coefficient, c1=coefficient, x0=moderate_x)
def test_secant_slope_of_a_cubic_tends_to_its_derivative_linearly_in_the_gap(
    c3: float, c2: float, c1: float, x0: float
) -> None:
    def cubic(x: float) -> float:
        return c3 * x**3 + c2 * x**2 + c1 * x

    exact = 3 * c3 * x0**2 + 2 * c2 * x0 + c1
    first_order = abs(3 * c3 * x0 + c2) + abs(c3)  # slope - f'(x0) = (3 c3 x0 + c2) h + c3 h^2
    scale = 1 + abs(c3) * 1e3 + abs(c2) * 1e2 + abs(c1) * 10  # size of f near x0, for round-off
    for h in (0.5, -0.1, 1e-2, -1e-3, 1e-4):
        error = abs(secant_slope(cubic, x0, x0 + h) - exact)
        assert error <= first_order * abs(h) + 1e-13 * scale / abs(h)


def test_secant_slope_refuses_two_equal_points() -> None:
    with pytest.raises(InvalidInputError, match=r"two distinct points; got x0 == x1 == 2"):
        secant_slope(course_parabola, 2, 2)


def test_secant_sequence_refuses_the_base_point_among_the_second_points() -> None:
    with pytest.raises(InvalidInputError, match="two distinct points"):
        secant_sequence(course_parabola, 2, [5, 2])


def test_difference_quotient_records_every_number_of_the_worked_example() -> None:
    quotient = difference_quotient(course_parabola, 2, 0.1)
    assert quotient.x0 == 2 and quotient.h == 0.1
    assert quotient.x0_plus_h == pytest.approx(2.1)
    assert quotient.f_x0 == 10
    assert quotient.f_x0_plus_h == pytest.approx(10.61)
    assert quotient.rise == pytest.approx(0.61)
    assert quotient.slope == pytest.approx(6.1)
    assert quotient.slope == quotient.rise / quotient.h


def test_difference_quotient_is_frozen() -> None:
    quotient = difference_quotient(course_parabola, 2, 0.1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quotient.slope = 0.0  # type: ignore[misc]


def test_difference_quotient_refuses_a_zero_step() -> None:
    with pytest.raises(InvalidInputError, match="h must be non-zero"):
        difference_quotient(course_parabola, 2, 0)


def test_delta_method_table_rows_are_dx_value_and_slope() -> None:
    rows = delta_method_table(lambda x: x * x, 3, [1, 0.1, 0.01])
    for row, dx in zip(rows, [1, 0.1, 0.01], strict=True):
        dx_out, value, slope = row
        assert dx_out == dx
        assert value == pytest.approx((3 + dx) ** 2)
        assert slope == pytest.approx(6 + dx)  # ((3 + dx)^2 - 9) / dx = 6 + dx
    assert rows[-1].slope == pytest.approx(6.01)


# --- derivatives ---------------------------------------------------------------------------------

DERIVATIVE_CASES = [
    ("x^2 + 2x + 2", course_parabola, lambda x: 2 * x + 2, [-3.0, 0.0, 2.0, 40.0]),
    ("x^5 - 3x^3", lambda x: x**5 - 3 * x**3, lambda x: 5 * x**4 - 9 * x**2, [-2.0, 0.7, 3.0]),
    ("sin x", math.sin, math.cos, [-5.0, 0.3, 1.0, 100.0, 1e5]),
    ("cos x", math.cos, lambda x: -math.sin(x), [-1.3, 0.2, 30.0]),
    ("sin 3x", lambda x: math.sin(3 * x), lambda x: 3 * math.cos(3 * x), [-30.0, 2.0, 1e3]),
    ("e^x", math.exp, math.exp, [-30.0, 0.0, 1.0, 20.0]),
    ("e^2x", lambda x: math.exp(2 * x), lambda x: 2 * math.exp(2 * x), [-30.0, 3.7]),
    ("ln x", math.log, lambda x: 1 / x, [0.5, 1.0, 10.0, 1e5]),
    ("sqrt x", math.sqrt, lambda x: 0.5 / math.sqrt(x), [0.5, 4.0, 1e3]),
    ("1/x", lambda x: 1 / x, lambda x: -1 / x**2, [-3.0, 0.7, 100.0]),
    ("tanh x", math.tanh, lambda x: 1 / math.cosh(x) ** 2, [-5.0, 0.0, 1.0, 3.0]),
]


@pytest.mark.parametrize(
    ("name", "f", "exact", "points"), DERIVATIVE_CASES, ids=[c[0] for c in DERIVATIVE_CASES]
)
def test_derivative_matches_the_hand_derived_derivative_to_1e_8_relative(
    name: str, f, exact, points: list[float]
) -> None:
    for x in points:
        assert derivative(f, x) == pytest.approx(exact(x), rel=1e-8, abs=1e-300), (name, x)


def test_derivative_much_smaller_than_f_is_still_within_1e_6_relative() -> None:
    # tanh(10) = 1 - 4e-9: the slope 8.2e-9 is near round-off in f, the hardest case here
    assert derivative(math.tanh, 10) == pytest.approx(1 / math.cosh(10) ** 2, rel=1e-6)


def test_derivative_of_the_course_parabola_at_2_is_6() -> None:
    assert derivative(course_parabola, 2) == pytest.approx(6, rel=1e-12)


@given(
    c3=coefficient, c2=coefficient, c1=coefficient, a=coefficient, k=st.floats(0.1, 3), x=moderate_x
)
def test_derivative_of_a_cubic_plus_a_sine_is_within_1e_6_relative(
    c3: float, c2: float, c1: float, a: float, k: float, x: float
) -> None:
    def f(t: float) -> float:
        return c3 * t**3 + c2 * t**2 + c1 * t + a * math.sin(k * t)

    exact = 3 * c3 * x**2 + 2 * c2 * x + c1 + a * k * math.cos(k * x)
    size = abs(3 * c3) * x**2 + abs(2 * c2 * x) + abs(c1) + abs(a * k)  # |terms|, for cancellation
    assert abs(derivative(f, x) - exact) <= 1e-6 * abs(exact) + 1e-9 * size + 1e-15


def test_derivative_with_a_small_step_stays_inside_the_domain() -> None:
    assert derivative(math.log, 0.05, step=0.01) == pytest.approx(20, rel=1e-8)


def test_derivative_names_the_sample_point_outside_the_domain_and_suggests_a_step() -> None:
    with pytest.raises(EvaluationError, match=r"at x = -0\.05; .*pass a smaller step="):
        derivative(math.log, 0.05)


def test_derivative_of_a_function_returning_nan_names_the_point() -> None:
    with pytest.raises(EvaluationError, match=r"f returned nan at x = 1\.1"):
        derivative(lambda x: math.nan, 1.0)


def test_derivative_of_a_function_returning_a_vector_says_it_must_return_one_number() -> None:
    with pytest.raises(
        EvaluationError, match=r"array of shape \(2,\) at x = 1\.1; it must return one"
    ):
        derivative(lambda x: [x, x], 1.0)


def test_derivative_refuses_a_non_finite_point() -> None:
    with pytest.raises(InvalidInputError, match="x must be a finite real number; got inf"):
        derivative(math.sin, math.inf)


def test_derivative_refuses_a_non_positive_step() -> None:
    with pytest.raises(InvalidInputError, match=r"step must be positive; got -0\.1"):
        derivative(math.sin, 1.0, step=-0.1)


def test_tangent_of_the_course_parabola_at_2_is_y_equals_6x_minus_2() -> None:
    slope, intercept = tangent_line(course_parabola, 2)
    assert slope == pytest.approx(6, rel=1e-12)
    assert intercept == pytest.approx(-2, rel=1e-12)  # f(2) - 6 * 2 = 10 - 12


# --- limits --------------------------------------------------------------------------------------

LIMIT_CASES = [
    ("(x^2 - 1)/(x - 1) at 1", lambda x: (x * x - 1) / (x - 1), 1, "both", 2.0),
    ("sin(x)/x at 0", lambda x: math.sin(x) / x, 0, "both", 1.0),
    ("25/x at inf", lambda x: 25 / x, math.inf, "both", 0.0),
    ("25/x at -inf", lambda x: 25 / x, -math.inf, "both", 0.0),
    ("(1 - cos x)/x^2 at 0", lambda x: (1 - math.cos(x)) / x**2, 0, "both", 0.5),
    ("(sqrt(x) - 2)/(x - 4) at 4", lambda x: (math.sqrt(x) - 2) / (x - 4), 4, "both", 0.25),
    ("(x^3 - 27)/(x - 3) at 3", lambda x: (x**3 - 27) / (x - 3), 3, "both", 27.0),
    ("(2x^2 + 1)/(x^2 + 3) at inf", lambda x: (2 * x * x + 1) / (x * x + 3), math.inf, "both", 2.0),
    ("(e^x - 1)/x at 0", lambda x: (math.exp(x) - 1) / x, 0, "both", 1.0),
    ("x sin(1/x) at 0", lambda x: x * math.sin(1 / x), 0, "both", 0.0),
    ("x^2 at 250", lambda x: x * x, 250, "both", 62500.0),
    ("e^-x at inf", lambda x: math.exp(-x), math.inf, "both", 0.0),
    ("sqrt x at 0 from the right", math.sqrt, 0, "right", 0.0),
    ("cube root at 0 from the right (Aitken)", lambda x: x ** (1 / 3), 0, "right", 0.0),
    ("3 + x^-1/4 at inf (Aitken)", lambda x: 3 + x**-0.25, math.inf, "both", 3.0),
    ("|x|/x at 0 from the right", lambda x: abs(x) / x, 0, "right", 1.0),
    ("|x|/x at 0 from the left", lambda x: abs(x) / x, 0, "left", -1.0),
]


@pytest.mark.parametrize(
    ("name", "f", "x0", "side", "expected"), LIMIT_CASES, ids=[c[0] for c in LIMIT_CASES]
)
def test_limit_is_exactly_the_hand_derived_value(name: str, f, x0, side, expected) -> None:
    assert limit(f, x0, side) == expected  # exactly: 2 shows as 2, not 1.9999999


def test_limit_of_one_plus_one_over_x_to_the_x_at_infinity_is_e() -> None:
    assert limit(lambda x: (1 + 1 / x) ** x, math.inf) == pytest.approx(math.e, rel=1e-6)


def test_limit_of_one_over_x_at_zero_does_not_exist_and_names_both_sides() -> None:
    with pytest.raises(
        LimitDoesNotExist,
        match=r"x -> 0 does not exist: from the left the values grow toward -inf .*-1e\+10\); "
        r"from the right the values grow toward \+inf .*1e\+10\)",
    ):
        limit(lambda x: 1 / x, 0)


def test_limit_of_a_jump_does_not_exist_and_reports_each_sides_value() -> None:
    with pytest.raises(
        LimitDoesNotExist,
        match="sides disagree: from the left the values approach -1; "
        "from the right the values approach 1",
    ):
        limit(lambda x: abs(x) / x, 0)


def test_limit_of_sin_of_one_over_x_at_zero_does_not_settle() -> None:
    with pytest.raises(LimitDoesNotExist, match="from the left the values do not settle"):
        limit(lambda x: math.sin(1 / x), 0)


def test_limit_of_log_at_zero_from_the_right_diverges_to_minus_infinity() -> None:
    with pytest.raises(LimitDoesNotExist, match="from the right the values grow toward -inf"):
        limit(math.log, 0, "right")


def test_limit_of_the_slowly_diverging_log_log_is_not_mistaken_for_a_limit() -> None:
    with pytest.raises(LimitDoesNotExist, match="from the right the values grow toward \\+inf"):
        limit(lambda x: math.log(math.log(1 / x)), 0, "right")


def test_limit_of_sin_at_infinity_does_not_exist_and_says_so_without_a_side() -> None:
    with pytest.raises(LimitDoesNotExist, match=r"x -> inf does not exist: the values do not"):
        limit(math.sin, math.inf)


def test_limit_of_a_function_defined_on_one_side_suggests_a_one_sided_limit() -> None:
    with pytest.raises(EvaluationError, match=r"at x = -0\.1; .*pass side='left' or 'right'"):
        limit(math.sqrt, 0)


def test_approach_table_from_the_left_of_the_removable_hole_shows_1_9_then_1_99() -> None:
    table = approach_table(lambda x: (x * x - 1) / (x - 1), 1, "left", terms=4)
    assert isinstance(table, ApproachTable)
    assert (table.x0, table.side) == (1.0, "left")
    assert table.xs == pytest.approx([0.9, 0.99, 0.999, 0.9999], rel=1e-15)
    assert table.values == pytest.approx([1.9, 1.99, 1.999, 1.9999], rel=1e-9)


def test_approach_table_at_infinity_uses_powers_of_ten() -> None:
    table = approach_table(lambda x: 25 / x, math.inf, "left", terms=3)
    assert table.xs == (10.0, 100.0, 1000.0)
    assert table.values == pytest.approx([2.5, 0.25, 0.025])


def test_approach_table_steps_scale_with_the_size_of_x0() -> None:
    table = approach_table(lambda x: x, 250, "right", terms=2)
    assert table.xs == (260.0, 251.0)


def test_approach_table_names_the_point_where_f_raises() -> None:
    with pytest.raises(EvaluationError, match=r"ZeroDivisionError\(.*\) at x = 0\.9"):
        approach_table(lambda x: 1 / 0, 1, "left")


def test_limit_refuses_an_unknown_side() -> None:
    with pytest.raises(InvalidInputError, match="side must be 'left', 'right' or 'both'; got 'up'"):
        limit(math.sin, 0, "up")  # type: ignore[arg-type]


def test_limit_at_plus_infinity_refuses_an_approach_from_the_right() -> None:
    with pytest.raises(InvalidInputError, match="approach inf only from the left"):
        limit(math.exp, math.inf, "right")


def test_approach_table_wants_one_side() -> None:
    with pytest.raises(InvalidInputError, match="one side: 'left' or 'right'; got 'both'"):
        approach_table(math.sin, 0, "both")  # type: ignore[arg-type]


def test_limit_refuses_a_nan_point() -> None:
    with pytest.raises(InvalidInputError, match=r"x0 must be a real number or \+/-inf; got nan"):
        limit(math.sin, math.nan)


# --- partial derivatives, gradient, Hessian ------------------------------------------------------


def saddle(p: np.ndarray) -> float:
    """z = x^2 - y^2, the surface of PartialDerivatives."""
    return p[0] ** 2 - p[1] ** 2


def cylinder_volume(p: np.ndarray) -> float:
    """v = pi r^2 l for p = (r, l)."""
    return math.pi * p[0] ** 2 * p[1]


def test_partials_of_the_saddle_are_2x_and_minus_2y() -> None:
    assert partial_derivative(saddle, [1.0, 2.0], 0) == pytest.approx(2, rel=1e-10)
    assert partial_derivative(saddle, [1.0, 2.0], 1) == pytest.approx(-4, rel=1e-10)


def test_partials_of_the_cylinder_volume_are_2_pi_r_l_and_pi_r_squared() -> None:
    assert gradient(cylinder_volume, [2.0, 5.0]) == pytest.approx([20 * math.pi, 4 * math.pi])


def test_hessian_of_the_saddle_is_diag_2_minus_2() -> None:
    assert hessian(saddle, [0.3, -1.2]) == pytest.approx(np.diag([2.0, -2.0]), abs=1e-7)


def test_hessian_of_a_mixed_function_matches_the_hand_derived_one_and_is_symmetric() -> None:
    def f(p: np.ndarray) -> float:  # f = x^2 y + x sin y
        return p[0] ** 2 * p[1] + p[0] * math.sin(p[1])

    x, y = 1.0, 2.0
    exact = [[2 * y, 2 * x + math.cos(y)], [2 * x + math.cos(y), -x * math.sin(y)]]
    result = hessian(f, [x, y])
    assert result == pytest.approx(np.array(exact), rel=1e-7)
    assert np.array_equal(result, result.T)


@given(
    a=st.lists(coefficient, min_size=4, max_size=4),
    c=coefficient,
    point=st.lists(st.floats(-3, 3), min_size=2, max_size=2),
)
def test_gradient_matches_the_exact_gradient_and_finite_differences(
    a: list[float], c: float, point: list[float]
) -> None:
    matrix = np.array(a).reshape(2, 2)

    def f(p: np.ndarray) -> float:  # f = p . A p + c sin(p0) p1
        return float(p @ matrix @ p + c * math.sin(p[0]) * p[1])

    p = np.array(point)
    exact = (matrix + matrix.T) @ p + c * np.array([math.cos(p[0]) * p[1], math.sin(p[0])])
    result = gradient(f, p)
    assert result == pytest.approx(exact, rel=1e-7, abs=1e-8)
    assert result == pytest.approx(approx_fprime(p, f, 1e-7), rel=1e-4, abs=1e-4)


def test_partial_derivative_refuses_an_index_out_of_range() -> None:
    with pytest.raises(InvalidInputError, match=r"index must be in 0\.\.1 .* got 2"):
        partial_derivative(saddle, [1.0, 2.0], 2)


def test_gradient_refuses_a_point_with_nan() -> None:
    with pytest.raises(InvalidInputError, match=r"point must be finite; point\[1\] is nan"):
        gradient(saddle, [1.0, math.nan])


def test_gradient_refuses_a_matrix_as_a_point() -> None:
    with pytest.raises(ShapeError, match=r"point must be one-dimensional; got shape \(2, 2\)"):
        gradient(saddle, [[1.0, 2.0], [3.0, 4.0]])


def test_gradient_names_the_vector_point_where_f_returns_nan() -> None:
    with pytest.raises(EvaluationError, match=r"f returned nan at x = \[1\.1, 2\]"):
        gradient(lambda p: math.nan, [1.0, 2.0])
