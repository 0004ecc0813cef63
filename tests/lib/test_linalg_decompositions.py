"""lib.linalg, eigenvalues, SVD and their uses: hand-worked values, numpy/scipy oracles, properties.

Vectors, matrices and linear systems are tested in test_linalg.py.
"""

from __future__ import annotations

import dataclasses
import itertools
import math

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib import linalg
from lib.errors import InvalidInputError, NotRealError, ShapeError, SingularMatrixError

FLOATS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SIZES = st.integers(1, 5)


def matrices(rows: int, columns: int) -> st.SearchStrategy[np.ndarray]:
    """Float matrices with entries in [-10, 10]."""
    return arrays(np.float64, (rows, columns), elements=FLOATS)


any_matrices = st.tuples(SIZES, SIZES).flatmap(lambda shape: matrices(*shape))
square_matrices = SIZES.flatmap(lambda n: matrices(n, n))
symmetric_matrices = square_matrices.map(lambda A: (A + A.T) / 2)


@st.composite
def diagonalisable_matrices(draw: st.DrawFn) -> np.ndarray:
    """P diag(lambda) P^-1 with real, well-separated eigenvalues and a well-conditioned P."""
    n = draw(st.integers(1, 4))
    P = draw(matrices(n, n))
    assume(np.linalg.cond(P) < 100)
    values = draw(st.lists(FLOATS, min_size=n, max_size=n))
    assume(n == 1 or np.min(np.diff(np.sort(values))) > 0.1)
    return P @ np.diag(values) @ np.linalg.inv(P)


def first_significant_components(vectors: np.ndarray) -> np.ndarray:
    """For each column, its first component with |x| > SIGN_TOL."""
    return np.array(
        [column[np.abs(column) > linalg.SIGN_TOL][0] for column in vectors.T if np.any(column)]
    )


# --------------------------------------------------------------------------------------------
# Eigenvalues and eigenvectors
# --------------------------------------------------------------------------------------------

HAND_EIG = [[-1, 4], [2, -2]]  # characteristic polynomial l^2 + 3 l - 6


def test_eigenvalues_of_minus_1_4_2_minus_2_are_minus_3_plus_minus_root_33_over_2():
    values, vectors = linalg.eig(HAND_EIG)
    np.testing.assert_allclose(values, [(-3 + math.sqrt(33)) / 2, (-3 - math.sqrt(33)) / 2])
    for value, vector in zip(values, vectors.T, strict=True):
        # (A - l I) v = 0 means (-1 - l) v0 + 4 v1 = 0, so v is parallel to (4, 1 + l)
        expected = np.array([4.0, 1.0 + value])
        np.testing.assert_allclose(vector, expected / np.linalg.norm(expected))


def test_eig_returns_real_float_arrays_with_unit_columns():
    values, vectors = linalg.eig(HAND_EIG)
    assert values.dtype == np.float64 and vectors.dtype == np.float64
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=0), 1.0)


@given(symmetric_matrices)
def test_eig_of_a_symmetric_matrix_agrees_with_scipy_eigh(A):
    values, vectors = linalg.eig(A)
    np.testing.assert_allclose(values, scipy.linalg.eigh(A, eigvals_only=True)[::-1], atol=1e-9)
    np.testing.assert_allclose(A @ vectors, vectors * values, atol=1e-8)


@given(diagonalisable_matrices())
def test_eig_agrees_with_numpy_eig_sorted_descending(A):
    values, _ = linalg.eig(A)
    expected = np.sort(np.real(np.linalg.eig(A)[0]))[::-1]
    np.testing.assert_allclose(values, expected, rtol=1e-6, atol=1e-6)


@given(st.one_of(symmetric_matrices, diagonalisable_matrices()))
def test_every_eigenpair_satisfies_a_v_equals_lambda_v(A):
    values, vectors = linalg.eig(A)
    scale = max(1.0, np.linalg.norm(A))
    for value, vector in zip(values, vectors.T, strict=True):
        np.testing.assert_allclose(A @ vector, value * vector, atol=1e-6 * scale)


@given(st.one_of(symmetric_matrices, diagonalisable_matrices()))
def test_trace_is_the_sum_and_determinant_the_product_of_eigenvalues(A):
    values, _ = linalg.eig(A)
    scale = max(1.0, np.linalg.norm(A))
    assert linalg.trace(A) == pytest.approx(np.sum(values), abs=1e-6 * scale)
    assert linalg.determinant(A) == pytest.approx(np.prod(values), abs=1e-6 * scale ** len(A))


@given(st.one_of(symmetric_matrices, diagonalisable_matrices()))
def test_eig_is_deterministic_descending_and_sign_fixed(A):
    values, vectors = linalg.eig(A)
    again_values, again_vectors = linalg.eig(A)
    np.testing.assert_array_equal(values, again_values)
    np.testing.assert_array_equal(vectors, again_vectors)
    assert np.all(np.diff(values) <= 0)
    assert np.all(first_significant_components(vectors) > 0)


def test_eig_flips_a_negative_eigenvector_to_the_positive_convention():
    _, vectors = linalg.eig([[2, 0], [0, 3]])
    np.testing.assert_array_equal(vectors, [[0, 1], [1, 0]])
    values, vectors = linalg.eig(linalg.reflection("y=-x"))  # mirror line (1, -1), normal (1, 1)
    np.testing.assert_allclose(values, [1, -1])
    np.testing.assert_allclose(vectors, np.array([[1, 1], [-1, 1]]) / math.sqrt(2))


def test_eig_of_a_badly_scaled_matrix_still_satisfies_a_v_equals_lambda_v():
    A = np.array([[-5e-57, 5e-57], [-1.0, 1.0]])  # numpy.linalg.eig returns (1, 0) for 0 here
    values, vectors = linalg.eig(A)
    np.testing.assert_allclose(values, [1, 0], atol=1e-12)
    np.testing.assert_allclose(vectors[:, 1], np.array([1, 1]) / math.sqrt(2))
    np.testing.assert_allclose(A @ vectors, vectors * values, atol=1e-12)


def test_complex_eigenvalues_are_refused_saying_the_scenes_need_real_ones():
    with pytest.raises(NotRealError, match=r"complex eigenvalues \(0\+1i, 0-1i\).*real"):
        linalg.eig(linalg.rotation(math.pi / 2))


@given(diagonalisable_matrices())
def test_eigendecomposition_rebuilds_the_matrix(A):
    V, values, V_inv = linalg.eigendecompose(A)
    scale = max(1.0, np.linalg.norm(A))
    np.testing.assert_allclose(V @ np.diag(values) @ V_inv, A, atol=1e-6 * scale)
    np.testing.assert_allclose(V @ V_inv, np.eye(len(A)), atol=1e-6)


def test_eigendecomposition_of_a_symmetric_matrix_is_q_lambda_q_transpose():
    V, values, V_inv = linalg.eigendecompose([[2, 1], [1, 2]])
    np.testing.assert_allclose(values, [3, 1])
    np.testing.assert_allclose(V_inv, V.T, atol=1e-12)
    assert linalg.is_orthogonal_matrix(V)


def test_a_shear_is_not_diagonalisable_and_is_refused():
    with pytest.raises(SingularMatrixError, match=r"not diagonalisable.*det\(V\) = 0"):
        linalg.eigendecompose(linalg.shear(1.0))


# --------------------------------------------------------------------------------------------
# Singular value decomposition and compression
# --------------------------------------------------------------------------------------------


def test_svd_of_a_diagonal_matrix_is_its_sorted_absolute_diagonal():
    U, s, Vt = linalg.svd([[3, 0], [0, -5]])
    np.testing.assert_allclose(s, [5, 3])
    np.testing.assert_allclose(U @ np.diag(s) @ Vt, [[3, 0], [0, -5]], atol=1e-12)
    np.testing.assert_allclose(Vt, [[0, 1], [1, 0]], atol=1e-12)


@given(any_matrices)
def test_svd_rebuilds_a_and_agrees_with_scipy_singular_values(A):
    U, s, Vt = linalg.svd(A)
    r = min(A.shape)
    assert U.shape == (A.shape[0], r) and s.shape == (r,) and Vt.shape == (r, A.shape[1])
    np.testing.assert_allclose(U @ np.diag(s) @ Vt, A, atol=1e-9)
    np.testing.assert_allclose(s, scipy.linalg.svdvals(A), atol=1e-9)
    np.testing.assert_allclose(U.T @ U, np.eye(r), atol=1e-9)
    np.testing.assert_allclose(Vt @ Vt.T, np.eye(r), atol=1e-9)


@given(any_matrices)
def test_svd_sign_convention_makes_each_right_singular_vector_start_positive(A):
    _, _, Vt = linalg.svd(A)
    assert np.all(first_significant_components(Vt.T) > 0)
    np.testing.assert_array_equal(Vt, linalg.svd(A)[2])


def test_rank_1_approximation_of_a_diagonal_keeps_the_largest_value():
    np.testing.assert_allclose(
        linalg.rank_k_approximation(np.diag([1.0, 4.0, 2.0]), 1),
        np.diag([0.0, 4.0, 0.0]),
        atol=1e-12,
    )


@given(any_matrices)
def test_rank_k_error_falls_as_k_grows_is_eckart_young_and_zero_at_full_rank(A):
    s = scipy.linalg.svdvals(A)
    errors = []
    for k in range(1, min(A.shape) + 1):
        error = np.linalg.norm(A - linalg.rank_k_approximation(A, k))
        assert error == pytest.approx(np.sqrt(np.sum(s[k:] ** 2)), abs=1e-9)
        errors.append(error)
    assert all(later <= earlier + 1e-9 for earlier, later in itertools.pairwise(errors))
    assert errors[-1] == pytest.approx(0.0, abs=1e-9)


def test_svd_compress_reports_storage_ratio_and_error():
    image = linalg.default_image()
    result = linalg.svd_compress(image, 4)
    assert result.k == 4
    assert result.stored_values == 4 * (128 + 128 + 1) == 1028
    assert result.original_values == 128 * 128
    assert result.storage_fraction == pytest.approx(1028 / 16384)
    assert result.compression_ratio == pytest.approx(16384 / 1028)
    np.testing.assert_allclose(result.approximation, linalg.rank_k_approximation(image, 4))
    expected = np.linalg.norm(image - result.approximation) / np.linalg.norm(image)
    assert result.relative_error == pytest.approx(expected)
    np.testing.assert_allclose(result.singular_values, scipy.linalg.svdvals(image), atol=1e-10)


def test_svd_compress_result_is_frozen_with_read_only_arrays():
    result = linalg.svd_compress([[1, 2], [3, 4]], 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.k = 2  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        result.approximation[0, 0] = 0.0


def test_default_image_is_a_deterministic_128_square_well_inside_0_1():
    image = linalg.default_image()
    assert image.shape == (128, 128) and image.dtype == np.float64
    assert image.min() > 0.0 and image.max() < 1.0
    assert image.max() - image.min() > 0.7  # dark roof to bright sun
    np.testing.assert_array_equal(image, linalg.default_image())


def test_default_image_needs_many_singular_values_so_ranks_1_4_16_64_differ():
    errors = [linalg.svd_compress(linalg.default_image(), k).relative_error for k in (1, 4, 16, 64)]
    assert all(earlier > 1.8 * later for earlier, later in itertools.pairwise(errors))
    assert errors[2] > 0.02  # rank 16 still visibly blurred
    assert np.linalg.matrix_rank(linalg.default_image()) > 64


# --------------------------------------------------------------------------------------------
# Pseudoinverse and least squares
# --------------------------------------------------------------------------------------------


@given(any_matrices)
def test_pseudoinverse_agrees_with_numpy_and_satisfies_a_a_plus_a_equals_a(A):
    assume(np.linalg.cond(A) < 1e8 or np.linalg.matrix_rank(A) < min(A.shape))
    A_plus = linalg.pseudoinverse(A)
    tolerance = 1e-6 * max(1.0, np.max(np.abs(A_plus)))
    np.testing.assert_allclose(A_plus, np.linalg.pinv(A), atol=tolerance)
    scale = max(1.0, np.linalg.norm(A))
    np.testing.assert_allclose(A @ A_plus @ A, A, atol=1e-7 * scale)


def test_pseudoinverse_of_an_invertible_matrix_is_its_inverse():
    np.testing.assert_allclose(linalg.pseudoinverse([[4, 2], [-5, -3]]), [[1.5, 1], [-2.5, -2]])


def test_pseudoinverse_of_a_column_is_its_scaled_transpose():
    np.testing.assert_allclose(linalg.pseudoinverse([[3], [4]]), [[3 / 25, 4 / 25]])


def test_design_matrix_puts_a_column_of_ones_beside_x():
    np.testing.assert_array_equal(linalg.design_matrix([1, 2, 3]), [[1, 1], [2, 1], [3, 1]])


def test_points_on_a_line_are_fitted_exactly():
    slope, intercept = linalg.fit_line_pinv([0, 1, 2, 3], [1, 3, 5, 7])
    assert slope == pytest.approx(2.0) and intercept == pytest.approx(1.0)


@given(
    st.integers(2, 12).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, n, elements=FLOATS), arrays(np.float64, n, elements=FLOATS)
        )
    )
)
def test_line_fit_agrees_with_numpy_polyfit(points):
    x, y = points
    assume(np.ptp(x) > 1e-2)
    slope, intercept = linalg.fit_line_pinv(x, y)
    expected_slope, expected_intercept = np.polyfit(x, y, 1)
    assert slope == pytest.approx(expected_slope, abs=1e-6)
    assert intercept == pytest.approx(expected_intercept, abs=1e-6)


def test_a_line_needs_two_different_x_values():
    with pytest.raises(InvalidInputError, match="x needs at least two different values"):
        linalg.fit_line_pinv([2, 2, 2], [1, 2, 3])


def test_x_and_y_must_pair_up():
    with pytest.raises(ShapeError, match="x and y must have the same length; got 3 and 2"):
        linalg.fit_line_pinv([1, 2, 3], [1, 2])


# --------------------------------------------------------------------------------------------
# Power iteration and PCA
# --------------------------------------------------------------------------------------------


def test_power_iteration_turns_toward_the_dominant_eigenvector():
    result = linalg.power_iteration([[2, 1], [1, 2]], [1, 0], 30)
    assert result.iterates.shape == (31, 2) and result.rayleigh_quotients.shape == (31,)
    np.testing.assert_allclose(result.iterates[0], [1, 0])
    np.testing.assert_allclose(result.iterates[1], np.array([2, 1]) / math.sqrt(5))
    assert result.rayleigh_quotients[0] == 2.0  # x0 . A x0
    np.testing.assert_allclose(result.eigenvector, np.array([1, 1]) / math.sqrt(2), atol=1e-9)
    assert result.eigenvalue == pytest.approx(3.0)


@given(symmetric_matrices, st.integers(1, 20))
def test_power_iterates_are_unit_and_rayleigh_quotients_are_x_a_x(A, steps):
    x0 = np.arange(1.0, len(A) + 1)
    assume(np.all(np.abs(A) > 1e-3))  # no iterate falls into the null space
    result = linalg.power_iteration(A, x0, steps)
    np.testing.assert_allclose(np.linalg.norm(result.iterates, axis=1), 1.0)
    for x, quotient in zip(result.iterates, result.rayleigh_quotients, strict=True):
        assert quotient == pytest.approx(x @ A @ x, abs=1e-9)
    for before, after in itertools.pairwise(result.iterates):
        np.testing.assert_allclose(after, A @ before / np.linalg.norm(A @ before), atol=1e-12)


def test_power_iteration_refuses_a_start_mapped_to_zero():
    with pytest.raises(InvalidInputError, match="maps iterate 0 to the zero vector"):
        linalg.power_iteration([[0, 1], [0, 0]], [1, 0], 5)


def test_power_iteration_refuses_a_zero_start_and_zero_steps():
    with pytest.raises(InvalidInputError, match="x0 is the zero vector"):
        linalg.power_iteration(np.eye(2), [0, 0], 5)
    with pytest.raises(InvalidInputError, match="steps must be from 1 to 10000; got 0"):
        linalg.power_iteration(np.eye(2), [1, 0], 0)


def test_pca_of_points_on_a_line_finds_the_line_with_all_the_variance():
    X = [[0, 1], [1, 3], [2, 5], [3, 7]]
    result = linalg.pca(X, 1)
    np.testing.assert_allclose(result.mean, [1.5, 4])
    np.testing.assert_allclose(result.components, [np.array([1, 2]) / math.sqrt(5)])
    np.testing.assert_allclose(result.explained_variance_ratio, [1.0])
    np.testing.assert_allclose(result.reconstructed, X, atol=1e-12)


@given(
    st.tuples(st.integers(3, 12), st.integers(1, 4)).flatmap(lambda shape: matrices(*shape)),
    st.data(),
)
def test_pca_agrees_with_the_eigenvectors_of_the_covariance(X, data):
    covariance = np.cov(X, rowvar=False).reshape(X.shape[1], X.shape[1])
    values, vectors = np.linalg.eigh(covariance)
    values, vectors = values[::-1], vectors[:, ::-1]
    assume(values[0] > 1e-3)
    assume(len(values) == 1 or np.min(-np.diff(values)) > 1e-3 * values[0])
    k = data.draw(st.integers(1, X.shape[1]))
    result = linalg.pca(X, k)
    np.testing.assert_allclose(result.explained_variance, values[:k], atol=1e-8)
    np.testing.assert_allclose(
        result.explained_variance_ratio, values[:k] / values.sum(), atol=1e-12
    )
    for component, vector in zip(result.components, vectors.T, strict=False):
        assert abs(component @ vector) == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_allclose(result.projected, (X - X.mean(axis=0)) @ result.components.T)
    assert np.all(first_significant_components(result.components.T) > 0)


def test_pca_refuses_identical_points_and_too_many_components():
    with pytest.raises(InvalidInputError, match="all points of X are the same"):
        linalg.pca([[1, 2], [1, 2]], 1)
    with pytest.raises(InvalidInputError, match="n_components must be from 1 to 2; got 3"):
        linalg.pca([[1, 2], [2, 1], [0, 0]], 3)
    with pytest.raises(ShapeError, match="at least 2 points"):
        linalg.pca([[1, 2]], 1)


# --------------------------------------------------------------------------------------------
# Transformations of the plane
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("matrix", "point", "image", "det"),
    [
        (linalg.rotation(math.pi / 2), [1, 0], [0, 1], 1.0),
        (linalg.shear(1.0), [0, 1], [1, 1], 1.0),
        (linalg.shear(2.0, "y"), [1, 0], [1, 2], 1.0),
        (linalg.scaling(2, 3), [1, 1], [2, 3], 6.0),
        (linalg.reflection("x"), [1, 2], [1, -2], -1.0),
        (linalg.reflection("y"), [1, 2], [-1, 2], -1.0),
        (linalg.reflection("y=x"), [1, 2], [2, 1], -1.0),
        (linalg.reflection("y=-x"), [1, 2], [-2, -1], -1.0),
    ],
)
def test_transformations_move_a_point_and_scale_area_by_their_determinant(
    matrix, point, image, det
):
    np.testing.assert_allclose(matrix @ point, image, atol=1e-12)
    assert linalg.determinant(matrix) == pytest.approx(det)


@given(st.floats(-10, 10))
def test_reflection_in_a_line_at_angle_a_fixes_the_line_and_is_its_own_inverse(a):
    M = linalg.reflection(a)
    direction = [math.cos(a), math.sin(a)]
    np.testing.assert_allclose(M @ direction, direction, atol=1e-12)
    np.testing.assert_allclose(M @ M, np.eye(2), atol=1e-12)
    np.testing.assert_allclose(linalg.reflection(math.pi / 4), linalg.reflection("y=x"), atol=1e-15)


@given(st.floats(-10, 10), st.floats(-10, 10))
def test_rotations_compose_by_adding_angles(a, b):
    np.testing.assert_allclose(
        linalg.rotation(a) @ linalg.rotation(b), linalg.rotation(a + b), atol=1e-12
    )
