"""lib.linalg.eigen_structure: the eigen-structure of a 2x2 matrix, by hand, against numpy, and
as properties of matrices built from chosen eigenvalues and directions.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lib import linalg
from lib.errors import InvalidInputError, NotRealError, ShapeError

ROOT_2 = math.sqrt(2)
ROOT_5 = math.sqrt(5)

#: Matrices as a lecturer types them: entries from -5 to 5 with at most two decimals.
TYPED = st.integers(-500, 500).map(lambda k: k / 100)
typed_matrices = st.tuples(st.tuples(TYPED, TYPED), st.tuples(TYPED, TYPED))
VALUES = st.floats(-10, 10, allow_nan=False, allow_subnormal=False)


def kind_of_values(first: float, second: float) -> str:
    """The kind two distinct eigenvalues give, by their signs (hand rule)."""
    if first == 0 or second == 0:
        return "zero"
    if first > 0 and second > 0:
        return "positive"
    if first < 0 and second < 0:
        return "negative"
    return "opposite"


# -- hand-derived cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("A", "values", "directions", "kind"),
    [
        # l^2 + 3l - 6: (-3 +- sqrt 33) / 2
        (
            [[-1, 4], [2, -2]],
            ((-3 + math.sqrt(33)) / 2, (-3 - math.sqrt(33)) / 2),
            None,
            "opposite",
        ),
        ([[2, 0], [0, 1]], (2, 1), ((1, 0), (0, 1)), "positive"),
        ([[-2, 1], [0, -3]], (-2, -3), ((1, 0), (1 / ROOT_2, -1 / ROOT_2)), "negative"),
        # rank 1: columns are multiples of (1, 2); (2, -1) is sent to 0
        ([[1, 2], [2, 4]], (5, 0), ((1 / ROOT_5, 2 / ROOT_5), (2 / ROOT_5, -1 / ROOT_5)), "zero"),
        ([[-1, 2], [0, 0]], (0, -1), ((2 / ROOT_5, 1 / ROOT_5), (1, 0)), "zero"),
        ([[3, 0], [0, 3]], (3, 3), ((1, 0), (0, 1)), "scaling"),
        ([[-0.5, 0], [0, -0.5]], (-0.5, -0.5), ((1, 0), (0, 1)), "scaling"),
        ([[0, 0], [0, 0]], (0, 0), ((1, 0), (0, 1)), "scaling"),
        ([[1, 1], [0, 1]], (1, 1), ((1, 0),), "defective"),  # the shear
        ([[0, 1], [0, 0]], (0, 0), ((1, 0),), "defective"),  # nilpotent: the plane onto a line
        # tr 2, det 1: l = 1 twice; A - I = [[1, 1], [-1, -1]] sends (1, -1) to 0
        ([[2, 1], [-1, 0]], (1, 1), ((1 / ROOT_2, -1 / ROOT_2),), "defective"),
    ],
)
def test_hand_derived_eigen_structures(A, values, directions, kind):
    found = linalg.eigen_structure(A)
    assert found.kind == kind
    np.testing.assert_allclose(found.values, values, atol=1e-12)
    if directions is not None:
        np.testing.assert_allclose(found.directions, directions, atol=1e-12)


def test_a_typed_singular_matrix_has_an_eigenvalue_of_exactly_zero():
    # 0.1 * 0.6 - 0.2 * 0.3 is not 0 in binary floating point
    found = linalg.eigen_structure([[0.1, 0.2], [0.3, 0.6]])
    assert found.kind == "zero"
    assert found.values[1] == 0.0
    assert found.values[0] == pytest.approx(0.7)


def test_a_typed_repeated_eigenvalue_is_found_despite_rounding():
    # tr 0.4, det 0.04: (l - 0.2)^2, and A - 0.2 I = [[0.1, 0.1], [-0.1, -0.1]]
    found = linalg.eigen_structure([[0.3, 0.1], [-0.1, 0.1]])
    assert found.kind == "defective"
    np.testing.assert_allclose(found.values, (0.2, 0.2))
    np.testing.assert_allclose(found.directions, [(1 / ROOT_2, -1 / ROOT_2)])


def test_a_rotation_is_refused_with_its_complex_eigenvalues():
    with pytest.raises(NotRealError, match=r"complex eigenvalues \(0\+1i, 0-1i\).*real"):
        linalg.eigen_structure(linalg.rotation(math.pi / 2))


def test_only_a_2x2_matrix_is_accepted():
    with pytest.raises(ShapeError, match="2x2"):
        linalg.eigen_structure(np.eye(3))
    with pytest.raises(InvalidInputError, match=r"^A"):
        linalg.eigen_structure([[1, math.nan], [0, 1]])


# -- against numpy ------------------------------------------------------------------------


@given(typed_matrices)
def test_typed_matrices_agree_with_numpy(A):
    values = np.linalg.eigvals(np.array(A))
    try:
        found = linalg.eigen_structure(A)
    except NotRealError:
        assert np.max(np.abs(values.imag)) > 1e-7
        return
    np.testing.assert_allclose(sorted(found.values), sorted(values.real), atol=1e-6)
    assert np.max(np.abs(values.imag)) < 1e-6
    matrix = np.array(A)
    for value, direction in zip(found.values, found.directions, strict=False):
        v = np.array(direction)
        assert np.linalg.norm(v) == pytest.approx(1)
        np.testing.assert_allclose(matrix @ v, value * v, atol=1e-6)
        assert v[np.abs(v) > linalg.SIGN_TOL][0] > 0
    distinct = abs(found.values[0] - found.values[1]) > 1e-6
    assert (len(found.directions) == 2) == (distinct or found.kind == "scaling")
    if distinct:
        assert found.kind == kind_of_values(*found.values)
        assert found.values[0] > found.values[1]


# -- properties of matrices built from their eigen-structure ------------------------------


@given(VALUES, VALUES, st.floats(0, math.pi), st.floats(0.2, math.pi - 0.2))
def test_chosen_eigenvalues_and_directions_are_found(first, second, angle, between):
    assume(abs(first - second) > 0.1)
    assume(all(v == 0 or abs(v) > 1e-3 for v in (first, second)))
    u = np.array([math.cos(angle), math.sin(angle)])
    w = np.array([math.cos(angle + between), math.sin(angle + between)])
    P = np.column_stack([u, w])
    A = P @ np.diag([first, second]) @ np.linalg.inv(P)
    found = linalg.eigen_structure(A)
    high, low = max(first, second), min(first, second)
    np.testing.assert_allclose(found.values, (high, low), atol=1e-9 * max(1, np.abs(A).max()))
    assert found.kind == kind_of_values(high, low)
    for value, direction in zip(found.values, found.directions, strict=True):
        expected = u if value == pytest.approx(first, abs=1e-6) else w
        assert abs(np.dot(direction, expected)) == pytest.approx(1, abs=1e-6)


@given(VALUES, st.floats(0.1, 10), st.floats(0, 2 * math.pi))
def test_lambda_i_plus_a_nilpotent_part_is_defective_along_its_kernel(value, size, angle):
    u = np.array([math.cos(angle), math.sin(angle)])
    normal = np.array([-u[1], u[0]])
    A = value * np.eye(2) + size * np.outer(u, normal)  # (A - lI) u = 0, (A - lI)^2 = 0
    found = linalg.eigen_structure(A)
    assert found.kind == "defective"
    np.testing.assert_allclose(found.values, (value, value), atol=1e-6 * max(1, size))
    (direction,) = found.directions
    assert abs(np.dot(direction, u)) == pytest.approx(1, abs=1e-9)


@given(VALUES)
def test_a_multiple_of_the_identity_is_a_scaling(value):
    found = linalg.eigen_structure(value * np.eye(2))
    assert found.kind == "scaling"
    assert found.values == (value + 0.0, value + 0.0)
    assert found.directions == ((1.0, 0.0), (0.0, 1.0))
