"""lib.rules, section 7: each rule of differentiation against numerical differentiation.

Oracles: lib.calculus.derivative (Ridders' central differences, which never sees the rule),
numpy.polyder and numpy.polyval for the polynomial pieces, and hand-derived course values.
The pieces a scene writes on screen are evaluated here independently (numpy) and must
match the numerical derivative too: the formula shown is the derivative.
"""

from __future__ import annotations

import inspect
import math
import re

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lib import rules
from lib.calculus import derivative, difference_quotient
from lib.errors import EvaluationError, InvalidInputError, LibError

coefficient = st.floats(-5, 5, allow_nan=False).map(lambda c: round(c, 2))
x_value = st.floats(-2, 2, allow_nan=False)
positive_x = st.floats(0.25, 3, allow_nan=False)
polynomials = st.lists(coefficient, min_size=1, max_size=4).filter(lambda p: any(p))


def numerical(f, x: float) -> float:
    return derivative(f, x, step=0.05)


def close(a: float, b: float, scale: float = 1.0) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6 * max(1.0, scale))


# --- the course's examples, by hand -------------------------------------------------------------


def test_the_course_examples_give_the_hand_derived_derivatives() -> None:
    assert rules.constant_rule(25).derivative(3.0) == 0
    power = rules.power_rule(4)
    assert (power.coefficient, power.lowered) == (4, 3)
    assert power.derivative(1.5) == pytest.approx(13.5)
    multiple = rules.constant_multiple_rule(2, 4)
    assert (multiple.coefficient, multiple.lowered) == (8, 3)
    assert rules.sum_rule((1, 0, -3, 2)).derivative_coefficients == (3, 0, -3)
    product = rules.product_rule((1, 0, 1), (1, -1))  # (x^2 + 1)(x - 1)
    assert (product.du, product.dv) == ((2, 0), (1,))
    assert product.derivative(2.0) == pytest.approx(3 * 4 - 2 * 2 + 1)  # 3x^2 - 2x + 1
    assert product.expanded == (3, -2, 1)
    quotient = rules.quotient_rule((1, 0), (1, 0, 1))  # x / (x^2 + 1)
    assert quotient.derivative(0.0) == pytest.approx(1.0)
    assert quotient.derivative(1.0) == pytest.approx(0.0)
    assert quotient.numerator == (-1, 0, 1)  # 1 - x^2
    chain = rules.chain_rule("sin", (1, 0, 0))  # sin(x^2)
    assert (chain.outer_derivative, chain.inner_derivative) == ("cos", (2, 0))
    assert chain.derivative(1.0) == pytest.approx(2 * math.cos(1.0))
    power_chain = rules.power_chain_rule(3, (1, 0, -1))  # (x^2 - 1)^3
    assert power_chain.derivative(2.0) == pytest.approx(3 * 9 * 4)  # 3 (x^2-1)^2 2x
    assert power_chain.scaled_inner_derivative == (6, 0)  # 6x (x^2 - 1)^2


def test_leading_zero_coefficients_do_not_raise_the_degree() -> None:
    assert rules.differentiate_polynomial((0, 0, 3, 1)) == (3,)
    assert rules.differentiate_polynomial((5,)) == (0,)


# --- every rule against numerical differentiation -----------------------------------------------


@given(p=polynomials)
def test_polynomial_derivative_matches_numpy_polyder(p: list[float]) -> None:
    expected = np.polyder(np.poly1d(p)).coeffs
    got = np.array(rules.differentiate_polynomial(p))
    np.testing.assert_allclose(np.trim_zeros(got, "f") if got.any() else got, expected, atol=1e-12)


@given(c=coefficient, x=x_value)
def test_constant_rule_matches_numerical_differentiation(c: float, x: float) -> None:
    example = rules.constant_rule(c)
    assert example.f(x) == c
    assert example.derivative(x) == 0 == pytest.approx(numerical(example.f, x), abs=1e-9)


@given(n=st.integers(1, 6), x=x_value)
def test_power_rule_matches_numerical_differentiation_for_whole_exponents(n: int, x: float) -> None:
    example = rules.power_rule(n)
    assert close(example.derivative(x), numerical(example.f, x), scale=abs(x) ** n)
    # the written formula n x^(n-1), evaluated independently
    assert close(example.coefficient * x**example.lowered, numerical(example.f, x), abs(x) ** n)


@given(n=st.floats(-3, 6).map(lambda n: round(n, 1)).filter(bool), x=positive_x)
def test_power_rule_matches_numerical_differentiation_for_any_exponent(n: float, x: float) -> None:
    example = rules.power_rule(n)
    assert close(example.derivative(x), numerical(example.f, x), scale=x**n / x)


@given(c=coefficient, n=st.integers(1, 6), x=x_value)
def test_constant_multiple_rule_matches_numerical_differentiation(c: float, n: int, x: float):
    example = rules.constant_multiple_rule(c, n)
    scale = abs(c) * max(1.0, abs(x)) ** n
    assert close(example.derivative(x), numerical(example.f, x), scale)
    assert example.coefficient == pytest.approx(c * example.inner_coefficient)
    written = example.coefficient * x**example.lowered
    assert close(written, numerical(example.f, x), scale)


@given(p=polynomials, x=x_value)
def test_sum_rule_matches_numerical_differentiation_term_by_term(p: list[float], x: float):
    example = rules.sum_rule(p)
    scale = sum(abs(c) for c in p) * 2 ** len(p)
    assert close(example.derivative(x), numerical(example.f, x), scale)
    written = sum(c * x**k for c, k in example.term_derivatives)  # the terms on screen
    assert close(written, numerical(example.f, x), scale)
    assert close(float(np.polyval(example.derivative_coefficients, x)), written, scale)


@given(u=polynomials, v=polynomials, x=x_value)
def test_product_rule_matches_numerical_differentiation(u: list[float], v: list[float], x: float):
    example = rules.product_rule(u, v)
    scale = (sum(abs(c) for c in u) + 1) * (sum(abs(c) for c in v) + 1) * 64
    assert close(example.derivative(x), numerical(example.f, x), scale)
    pu, pv = np.polyval(example.u, x), np.polyval(example.v, x)
    written = np.polyval(example.du, x) * pv + pu * np.polyval(example.dv, x)
    assert close(float(written), numerical(example.f, x), scale)
    assert close(float(np.polyval(example.expanded, x)), numerical(example.f, x), scale)


@given(u=polynomials, v=polynomials, x=x_value)
def test_quotient_rule_matches_numerical_differentiation(u: list[float], v: list[float], x: float):
    example = rules.quotient_rule(u, v)
    assume(min(abs(np.polyval(example.v, x + d)) for d in np.linspace(-0.3, 0.3, 61)) > 0.5)
    scale = (sum(abs(c) for c in u) + 1) * (sum(abs(c) for c in v) + 1) * 64
    assert close(example.derivative(x), numerical(example.f, x), scale)
    pu, pv = np.polyval(example.u, x), np.polyval(example.v, x)
    written = (np.polyval(example.du, x) * pv - pu * np.polyval(example.dv, x)) / pv**2
    assert close(float(written), numerical(example.f, x), scale)
    simplified = np.polyval(example.numerator, x) / pv**2
    assert close(float(simplified), numerical(example.f, x), scale)


def test_the_quotient_is_undefined_where_its_denominator_is_zero() -> None:
    with pytest.raises(EvaluationError, match="denominator"):
        rules.quotient_rule((1,), (1, -1)).derivative(1.0)


OUTER = {"sin": np.sin, "cos": np.cos, "exp": np.exp}
DERIVATIVE_OF = {"sin": np.cos, "cos": lambda u: -np.sin(u), "exp": np.exp}


@given(outer=st.sampled_from(sorted(OUTER)), inner=polynomials, x=st.floats(-1, 1))
def test_chain_rule_matches_numerical_differentiation(outer: str, inner: list[float], x: float):
    example = rules.chain_rule(outer, inner)
    u = float(np.polyval(example.inner, x))
    assume(abs(u) < 8)
    scale = 3000 * (sum(abs(c) for c in inner) + 1) ** 2
    assert close(example.derivative(x), numerical(example.f, x), scale)
    sign = example.outer_derivative_sign
    written = sign * OUTER[example.outer_derivative](u) * np.polyval(example.inner_derivative, x)
    assert close(float(written), numerical(example.f, x), scale)
    assert close(float(written), float(DERIVATIVE_OF[outer](u) * np.polyval(np.polyder(inner), x)))


@given(n=st.integers(1, 6), inner=polynomials, x=st.floats(-1.5, 1.5))
def test_power_rule_on_a_function_chain_matches_numerical_differentiation(n, inner, x):
    example = rules.power_chain_rule(n, inner)
    u = float(np.polyval(example.inner, x))
    scale = (abs(u) + 1) ** n * 100 * (sum(abs(c) for c in inner) + 1)
    assert close(example.derivative(x), numerical(example.f, x), scale)
    written = example.coefficient * u**example.lowered * np.polyval(example.inner_derivative, x)
    assert close(float(written), numerical(example.f, x), scale)
    combined = np.polyval(example.scaled_inner_derivative, x) * u**example.lowered
    assert close(float(combined), numerical(example.f, x), scale)


@given(p=polynomials, a=st.floats(-3, 0), width=st.floats(0.5, 3))
def test_sampled_extremes_bracket_every_sample_and_meet_the_ends(p, a, width) -> None:
    f = np.poly1d(p)
    low, high = rules.sampled_extremes(lambda x: float(f(x)), a, a + width)
    xs = np.linspace(a, a + width, 401)
    assert low == pytest.approx(float(f(xs).min())) and high == pytest.approx(float(f(xs).max()))


# --- the difference quotient worked symbolically -------------------------------------------------


def test_the_course_quotient_of_x_squared_plus_2x_plus_2_is_2x_plus_2_plus_dx() -> None:
    e = rules.difference_quotient_expansion((1, 2, 2))
    assert e.rise == ((2, 1, 1), (1, 0, 2), (2, 0, 1))  # 2x dx + dx^2 + 2 dx
    assert e.quotient == ((2, 1, 0), (2, 0, 0), (1, 0, 1))  # 2x + 2 + dx
    assert e.limit == (2, 2)
    assert e.quotient_at(2, 0.1) == pytest.approx(6.1)


def evaluate_terms(terms, x: float, dx: float) -> float:
    return sum(c * x**i * dx**j for c, i, j in terms)


@given(p=polynomials, x=x_value, dx=st.floats(-1, 1).filter(lambda d: abs(d) > 1e-3))
def test_every_written_step_of_the_quotient_holds_numerically(p, x: float, dx: float) -> None:
    e = rules.difference_quotient_expansion(p)
    f = np.poly1d(p)
    scale = sum(abs(c) for c in p) * 10 ** len(p)
    assert close(evaluate_terms(e.shifted, x, dx), float(f(x + dx)), scale)
    assert close(evaluate_terms(e.rise, x, dx), float(f(x + dx) - f(x)), scale)
    assert close(e.quotient_at(x, dx), difference_quotient(f, x, dx).slope, scale / abs(dx))
    assert close(e.derivative(x), numerical(lambda t: float(f(t)), x), scale)
    # what the limit keeps: the quotient's terms without dx
    kept = sum(c * x**i for c, i, j in e.quotient if j == 0)
    assert close(kept, e.derivative(x), scale)


# --- validation at the boundary ------------------------------------------------------------------


def test_impossible_examples_are_refused_naming_the_input() -> None:
    with pytest.raises(InvalidInputError, match=r"^exponent must not be 0"):
        rules.power_rule(0)
    with pytest.raises(InvalidInputError, match=r"^u must not be the zero polynomial"):
        rules.product_rule((0, 0), (1,))
    with pytest.raises(InvalidInputError, match=r"^outer must be one of"):
        rules.chain_rule("tan", (1, 0))
    with pytest.raises(InvalidInputError, match=r"^exponent must be a whole number >= 1"):
        rules.power_chain_rule(2.5, (1, 0))
    with pytest.raises(EvaluationError, match="not a real number"):
        rules.power_rule(0.5).f(-1.0)


def square(x: float) -> float:
    return x * x


# One valid call per public function; each argument (but f) is then spoiled in turn.
VALID_CALLS = {
    "constant_rule": (3.0,),
    "power_rule": (4.0,),
    "constant_multiple_rule": (2.0, 4.0),
    "sum_rule": ((1.0, 0.0, -3.0),),
    "product_rule": ((1.0, 0.0, 1.0), (1.0, -1.0)),
    "quotient_rule": ((1.0, 0.0), (1.0, 0.0, 1.0)),
    "chain_rule": ("sin", (1.0, 0.0, 0.0)),
    "power_chain_rule": (3, (1.0, 0.0, -1.0)),
    "differentiate_polynomial": ((1.0, 2.0, 2.0),),
    "integrate_polynomial": ((3.0, -4.0, 2.0),),
    "integral_rules": ((3.0, -4.0, 2.0),),
    "difference_quotient_expansion": ((1.0, 2.0, 2.0),),
    "sampled_extremes": (square, -1.0, 1.0, 10),
}
PUBLIC_FUNCTIONS = sorted(
    name for name in rules.__all__ if inspect.isfunction(getattr(rules, name))
)
ARGUMENTS = [
    (name, position)
    for name, call in sorted(VALID_CALLS.items())
    for position, value in enumerate(call)
    if not callable(value)
]


def spoiled(name: str, position: int, bad: object) -> tuple:
    args = list(VALID_CALLS[name])
    args[position] = bad
    return tuple(args)


def parameter_name(name: str, position: int) -> str:
    return list(inspect.signature(getattr(rules, name)).parameters)[position]


def test_every_public_function_has_a_valid_call_to_spoil() -> None:
    assert sorted(VALID_CALLS) == PUBLIC_FUNCTIONS


@pytest.mark.parametrize("name", sorted(VALID_CALLS))
def test_the_valid_calls_succeed(name: str) -> None:
    getattr(rules, name)(*VALID_CALLS[name])


@pytest.mark.parametrize(("name", "position"), ARGUMENTS)
def test_every_argument_refuses_text_and_nan_with_a_message_naming_it(name, position) -> None:
    argument = re.escape(parameter_name(name, position))
    valid = VALID_CALLS[name][position]
    bad_values: list[object] = [None]
    if not isinstance(valid, str):
        bad_values += [math.nan, math.inf]
        if isinstance(valid, tuple):
            bad_values += [(math.nan, *valid[1:]), "abc"]
    for bad in bad_values:
        with pytest.raises(LibError, match=rf"^{argument}\b"):
            getattr(rules, name)(*spoiled(name, position, bad))
