"""lib.linalg.affine_map, homogeneous and eigenvalue_product: by hand, against numpy, and as
properties (an affine map keeps parallel segments parallel; the eigenvalues multiply to det A).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib import linalg
from lib.errors import ShapeError

FLOATS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def matrices(n: int) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, (n, n), elements=FLOATS)


def vectors(n: int) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, n, elements=FLOATS)


# -- affine_map and homogeneous ------------------------------------------------------------


def test_affine_map_shears_then_shifts_by_hand():
    images = linalg.affine_map([[1, 2], [0, 1]], (1, -1), [[0, 0], [1, 1], [-2, 3]])
    np.testing.assert_array_equal(images, [[1, -1], [4, 0], [5, 2]])


def test_affine_map_takes_a_single_point():
    np.testing.assert_array_equal(linalg.affine_map(np.eye(2), (3, 4), (1, 1)), [4, 5])


def test_homogeneous_by_hand():
    np.testing.assert_array_equal(
        linalg.homogeneous([[1, 2], [3, 4]], (5, 6)), [[1, 2, 5], [3, 4, 6], [0, 0, 1]]
    )


@given(matrices(2), vectors(2), arrays(np.float64, (4, 2), elements=FLOATS))
def test_homogeneous_matrix_acts_on_x_1_as_the_affine_map(A, t, points):
    lifted = np.column_stack([points, np.ones(len(points))])
    expected = lifted @ linalg.homogeneous(A, t).T
    images = linalg.affine_map(A, t, points)
    np.testing.assert_allclose(images, expected[:, :2], atol=1e-9)
    np.testing.assert_array_equal(expected[:, 2], 1.0)
    np.testing.assert_allclose(images, points @ A.T + t, atol=1e-9)


@given(matrices(2), vectors(2), vectors(2), vectors(2), vectors(2))
def test_an_affine_map_keeps_parallel_segments_parallel_and_equal(A, t, p, q, d):
    start_p, end_p, start_q, end_q = linalg.affine_map(A, t, [p, p + d, q, q + d])
    # Both images point along A d: the shift cancels in a difference.
    np.testing.assert_allclose(end_p - start_p, A @ d, atol=1e-9)
    np.testing.assert_allclose(end_q - start_q, A @ d, atol=1e-9)


def test_homogeneous_composes_affine_maps():
    first = linalg.homogeneous(linalg.rotation(0.3), (1, 2))
    second = linalg.homogeneous(linalg.shear(0.5), (-1, 0.5))
    point = np.array([0.7, -1.2])
    through_both = linalg.affine_map(
        linalg.shear(0.5), (-1, 0.5), linalg.affine_map(linalg.rotation(0.3), (1, 2), point)
    )
    np.testing.assert_allclose((second @ first @ [*point, 1])[:2], through_both, atol=1e-12)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: linalg.affine_map(np.eye(2), (1, 2, 3), [[0, 0]]), "t must have one entry"),
        (lambda: linalg.affine_map(np.eye(2), (1, 2), [[0, 0, 0]]), "vectors of length 2"),
        (lambda: linalg.homogeneous(np.eye(2), (1,)), "t must have one entry"),
        (lambda: linalg.homogeneous(np.ones((2, 3)), (1, 2)), "A must be square"),
    ],
)
def test_shapes_that_do_not_fit_are_refused(call, message):
    with pytest.raises(ShapeError, match=message):
        call()


# -- eigenvalue_product --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("A", "expected"),
    [
        ([[1.5, 0.5], [1.0, 2.0]], 2.5),  # eigenvalues 2.5 and 1
        ([[2.0, 1.0], [4.0, 2.0]], 0.0),  # eigenvalues 4 and 0
        ([[0.0, -1.0], [1.0, 0.0]], 1.0),  # a quarter turn: i times -i
        ([[2.0, 1.0, 0.0], [0.0, 3.0, 5.0], [0.0, 0.0, -1.0]], -6.0),  # triangular: the diagonal
    ],
)
def test_eigenvalue_product_by_hand(A, expected):
    assert linalg.eigenvalue_product(A) == pytest.approx(expected, abs=1e-12)


@given(st.integers(1, 4).flatmap(matrices))
def test_the_eigenvalues_multiply_to_the_determinant(A):
    scale = max(1.0, float(np.abs(A).max())) ** len(A)
    assert linalg.eigenvalue_product(A) == pytest.approx(np.linalg.det(A), abs=1e-9 * scale)


@given(matrices(2))
def test_a_2x2_product_matches_ad_minus_bc(A):
    (a, b), (c, d) = A
    scale = max(1.0, float(np.abs(A).max())) ** 2
    assert math.isclose(linalg.eigenvalue_product(A), a * d - b * c, abs_tol=1e-9 * scale)


@given(vectors(3))
def test_a_diagonal_matrix_s_product_is_its_diagonal_s(diagonal):
    scale = max(1.0, float(np.abs(diagonal).max())) ** 3
    assert linalg.eigenvalue_product(np.diag(diagonal)) == pytest.approx(
        float(np.prod(diagonal)), abs=1e-12 * scale
    )
