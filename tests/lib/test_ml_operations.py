"""lib.linalg for section 5: the plane SVD as rotate-stretch-rotate, and data made in code.

Oracles: numpy's SVD and determinant, rotation matrices written out by hand, and numpy's
seeded generator drawn directly.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import linalg
from lib.errors import InvalidInputError, ShapeError

entries = st.floats(-5, 5, allow_nan=False).map(lambda v: round(v, 2))
plane_matrices = st.tuples(st.tuples(entries, entries), st.tuples(entries, entries)).filter(
    lambda m: np.any(m)
)


def rot(theta: float) -> np.ndarray:
    return np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])


# -- plane_svd ------------------------------------------------------------------------------


def test_plane_svd_of_a_hand_example():
    # A = R(90) diag(3, 1): Vt = I, s = (3, 1), U = R(90).
    a = rot(math.pi / 2) @ np.diag([3.0, 1.0])
    result = linalg.plane_svd(a)
    np.testing.assert_allclose(result.singular_values, [3.0, 1.0])
    assert result.vt_angle == pytest.approx(0.0, abs=1e-12)
    assert result.u_angle == pytest.approx(math.pi / 2)
    assert not result.u_reflects
    np.testing.assert_allclose(result.semi_axes, [[0.0, 3.0], [-1.0, 0.0]], atol=1e-12)


def test_plane_svd_of_a_reflection_puts_the_flip_in_u():
    result = linalg.plane_svd([[1.0, 0.0], [0.0, -2.0]])  # det < 0
    assert result.u_reflects
    np.testing.assert_allclose(result.singular_values, [2.0, 1.0])
    f = np.diag([1.0, -1.0])
    np.testing.assert_allclose(rot(result.u_angle) @ f, result.u, atol=1e-12)


def test_plane_svd_of_a_singular_matrix_has_an_exact_zero_and_a_rotation_u():
    result = linalg.plane_svd([[1.0, 2.0], [2.0, 4.0]])
    assert result.singular_values[1] == 0.0
    assert result.singular_values[0] == pytest.approx(5.0)
    assert not result.u_reflects
    assert np.linalg.det(result.u) == pytest.approx(1.0)


@settings(max_examples=200, deadline=None)
@given(plane_matrices)
def test_plane_svd_rebuilds_a_from_rotations_and_agrees_with_numpy(m):
    a = np.array(m)
    result = linalg.plane_svd(a)
    s = result.singular_values
    np.testing.assert_allclose(s, np.linalg.svd(a, compute_uv=False), atol=1e-9)
    assert s[0] >= s[1] >= 0
    np.testing.assert_allclose(result.u @ np.diag(s) @ result.vt, a, atol=1e-9)
    # Vt is the rotation by vt_angle, the smaller of the two turns
    assert -math.pi / 2 < result.vt_angle <= math.pi / 2 + 1e-12
    np.testing.assert_allclose(rot(result.vt_angle), result.vt, atol=1e-9)
    flip = np.diag([1.0, -1.0]) if result.u_reflects else np.eye(2)
    np.testing.assert_allclose(rot(result.u_angle) @ flip, result.u, atol=1e-9)
    assert result.u_reflects == (np.linalg.det(a) < 0 and s[1] > 0)
    # the semi-axes are A v_i = s_i u_i
    np.testing.assert_allclose(result.semi_axes, (a @ result.vt.T).T, atol=1e-9)


@settings(max_examples=100, deadline=None)
@given(plane_matrices, st.floats(0, 2 * math.pi))
def test_the_unit_circle_through_vt_sigma_u_lands_on_a_of_the_circle(m, t):
    a = np.array(m)
    result = linalg.plane_svd(a)
    point = np.array([math.cos(t), math.sin(t)])
    steps = result.u @ (np.diag(result.singular_values) @ (result.vt @ point))
    np.testing.assert_allclose(steps, a @ point, atol=1e-9)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ([[0.0, 0.0], [0.0, 0.0]], InvalidInputError, "zero matrix"),
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], ShapeError, "2x2"),
        ([[1.0, 2.0]], ShapeError, "square"),
    ],
)
def test_plane_svd_refuses_what_has_no_ellipse(bad, error, message):
    with pytest.raises(error, match=rf"^A .*{message}"):
        linalg.plane_svd(bad)


# -- noisy_line -----------------------------------------------------------------------------


def test_noisy_line_draws_from_the_seeded_generator():
    x, y = linalg.noisy_line(2.0, -1.0, 0.5, 6, 42, (0.0, 5.0))
    np.testing.assert_allclose(x, np.linspace(0, 5, 6))
    noise = np.random.default_rng(42).standard_normal(6)
    np.testing.assert_allclose(y, 2.0 * x - 1.0 + 0.5 * noise)


def test_noisy_line_without_noise_lies_on_the_line_and_the_fit_recovers_it():
    x, y = linalg.noisy_line(-0.75, 3.0, 0.0, 5, 0, (-2.0, 2.0))
    assert linalg.fit_line_pinv(x, y) == pytest.approx((-0.75, 3.0))


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 40))
def test_noisy_line_is_the_same_for_the_same_seed(seed, count):
    first = linalg.noisy_line(1.0, 0.0, 1.0, count, seed, (0.0, 1.0))
    second = linalg.noisy_line(1.0, 0.0, 1.0, count, seed, (0.0, 1.0))
    np.testing.assert_array_equal(first[1], second[1])
    assert len(first[0]) == count


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.0, 0.0, -0.1, 5, 0, (0.0, 1.0)), "^noise must be 0 or more"),
        ((1.0, 0.0, 0.1, 1, 0, (0.0, 1.0)), "^count must be from 2"),
        ((1.0, 0.0, 0.1, 5, -1, (0.0, 1.0)), "^seed must be from 0"),
        ((1.0, 0.0, 0.1, 5, 0, (1.0, 1.0)), "^x_range must be two numbers"),
    ],
)
def test_noisy_line_refuses_bad_inputs_naming_them(args, message):
    with pytest.raises(InvalidInputError, match=message):
        linalg.noisy_line(*args)


# -- point_cloud ----------------------------------------------------------------------------


def test_point_cloud_is_rotated_scaled_normal_draws():
    points = linalg.point_cloud(10, 3, (2.0, 0.5), 0.3, (1.0, -2.0))
    draws = np.random.default_rng(3).standard_normal((10, 2)) * [2.0, 0.5]
    np.testing.assert_allclose(points, draws @ rot(0.3).T + [1.0, -2.0])


def test_pca_of_a_large_cloud_finds_its_axis_and_spreads():
    points = linalg.point_cloud(1000, 5, (2.0, 0.5), math.radians(30), (3.0, 1.0))
    result = linalg.pca(points, 2)
    axis = np.array([math.cos(math.radians(30)), math.sin(math.radians(30))])
    assert abs(result.components[0] @ axis) == pytest.approx(1.0, abs=1e-2)
    np.testing.assert_allclose(result.explained_variance, [4.0, 0.25], rtol=0.15)
    np.testing.assert_allclose(result.mean, [3.0, 1.0], atol=0.15)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((1, 0, (1.0, 1.0), 0.0, (0.0, 0.0)), InvalidInputError, "^count must be from 2"),
        ((5, 0, (1.0, -1.0), 0.0, (0.0, 0.0)), InvalidInputError, "^spreads must be two"),
        ((5, 0, (1.0, 1.0, 1.0), 0.0, (0.0, 0.0)), InvalidInputError, "^spreads must be two"),
        ((5, 0, (1.0, 1.0), 0.0, (0.0, 0.0, 0.0)), ShapeError, "^centre must be a plane"),
    ],
)
def test_point_cloud_refuses_bad_inputs_naming_them(args, error, message):
    with pytest.raises(error, match=message):
        linalg.point_cloud(*args)


# -- covariance -----------------------------------------------------------------------------


def test_covariance_of_a_hand_example():
    # points (0, 0), (2, 0), (0, 2), (2, 2): variance 4/3 in each axis, no correlation
    c = linalg.covariance([[0, 0], [2, 0], [0, 2], [2, 2]])
    np.testing.assert_allclose(c, [[4 / 3, 0], [0, 4 / 3]])


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 1000), st.integers(2, 30))
def test_covariance_is_numpy_cov_and_its_eigenpairs_are_the_principal_components(seed, count):
    points = linalg.point_cloud(count, seed, (2.0, 0.7), 0.4, (1.0, 2.0))
    c = linalg.covariance(points)
    np.testing.assert_allclose(c, np.cov(points, rowvar=False), atol=1e-12)
    values, vectors = linalg.eig(c)
    result = linalg.pca(points, 2)
    np.testing.assert_allclose(values, result.explained_variance, atol=1e-9)
    if values[0] - values[1] > 1e-6:  # distinct: the directions are determined
        np.testing.assert_allclose(np.abs(vectors.T @ result.components.T), np.eye(2), atol=1e-6)


def test_covariance_needs_two_points():
    with pytest.raises(ShapeError, match=r"^X needs at least 2 points"):
        linalg.covariance([[1.0, 2.0]])


# -- pseudoinverse_steps --------------------------------------------------------------------

shapes = st.tuples(st.integers(1, 4), st.integers(1, 4))


@settings(max_examples=150, deadline=None)
@given(
    shapes.flatmap(
        lambda s: st.lists(entries, min_size=s[0] * s[1], max_size=s[0] * s[1]).map(
            lambda v: np.array(v).reshape(s)
        )
    )
)
def test_pseudoinverse_steps_rebuild_a_and_agree_with_numpy_pinv(a):
    steps = linalg.pseudoinverse_steps(a)
    m, n = a.shape
    assert steps.u.shape == (m, m) and steps.d.shape == (m, n) and steps.vt.shape == (n, n)
    assert steps.d_plus.shape == (n, m)
    np.testing.assert_allclose(steps.u @ steps.d @ steps.vt, a, atol=1e-9)
    np.testing.assert_allclose(steps.u.T @ steps.u, np.eye(m), atol=1e-9)
    np.testing.assert_allclose(steps.vt @ steps.vt.T, np.eye(n), atol=1e-9)
    np.testing.assert_allclose(steps.pinv, np.linalg.pinv(a), atol=1e-8)
    np.testing.assert_allclose(steps.pinv, linalg.pseudoinverse(a), atol=1e-9)
    np.testing.assert_allclose(steps.check, a, atol=1e-8)  # A A^+ A = A
    np.testing.assert_allclose(steps.d_plus @ steps.d @ steps.d_plus, steps.d_plus, atol=1e-9)
    assert steps.rank == np.linalg.matrix_rank(a)


def test_pseudoinverse_steps_of_a_hand_example():
    # A = [[2, 0], [0, 0], [0, 1]]: D = diag(2, 1) in 3 x 2, D^+ = diag(1/2, 1) in 2 x 3
    steps = linalg.pseudoinverse_steps([[2.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    np.testing.assert_allclose(steps.d_plus, [[0.5, 0.0, 0.0], [0.0, 1.0, 0.0]])
    np.testing.assert_allclose(steps.pinv, [[0.5, 0.0, 0.0], [0.0, 0.0, 1.0]], atol=1e-12)
    assert steps.rank == 2


def test_pseudoinverse_steps_leave_a_zero_singular_value_at_zero():
    steps = linalg.pseudoinverse_steps([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])  # rank 1
    assert steps.rank == 1
    assert steps.d_plus[1, 1] == 0.0
    assert steps.d[1, 1] == 0.0  # zero to machine precision is written as 0
