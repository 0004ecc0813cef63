"""lib.calculus.chain_rule_paths: the multivariate chain rule, one path at a time.

Oracles: hand-derived derivatives of z = x^2 y along x = t^2, y = 3 - t, and for any
polynomials the exact derivative of the composed polynomial (numpy.polynomial).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.polynomial import Polynomial

from lib.calculus import chain_rule_paths, polynomial
from lib.errors import InvalidInputError


def x_squared_y(p) -> float:
    return p[0] ** 2 * p[1]


def test_each_path_is_the_hand_derived_product_and_the_paths_sum_to_dz_dt() -> None:
    found = chain_rule_paths(x_squared_y, [lambda t: t * t, lambda t: 3 - t], 1.5)
    assert found.inner == pytest.approx([2.25, 1.5])
    assert found.value == pytest.approx(2.25**2 * 1.5)
    assert found.outer_partials == pytest.approx([2 * 2.25 * 1.5, 2.25**2])
    assert found.inner_slopes == pytest.approx([3.0, -1.0])
    assert found.paths == pytest.approx([20.25, -5.0625])
    assert found.total == pytest.approx(15.1875)
    # z(t) = t^4 (3 - t) = 3 t^4 - t^5: z'(1.5) = 12 (1.5)^3 - 5 (1.5)^4
    assert found.composed == pytest.approx(12 * 1.5**3 - 5 * 1.5**4)


coefficients = st.lists(st.floats(-3, 3, allow_nan=False), min_size=1, max_size=3)


@given(coefficients, coefficients, st.floats(-2, 2, allow_nan=False))
def test_the_sum_over_paths_is_the_derivative_of_the_composition(cx, cy, t) -> None:
    found = chain_rule_paths(x_squared_y, [polynomial(cx), polynomial(cy)], t)
    px, py = Polynomial(cx[::-1]), Polynomial(cy[::-1])
    exact = (px**2 * py).deriv()(t)
    scale = 1 + abs(exact)
    assert found.total == pytest.approx(exact, abs=1e-6 * scale)
    assert found.composed == pytest.approx(exact, abs=1e-6 * scale)
    assert found.paths == pytest.approx(found.outer_partials * found.inner_slopes)


def test_no_inner_function_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="at least one"):
        chain_rule_paths(x_squared_y, [], 1.0)
