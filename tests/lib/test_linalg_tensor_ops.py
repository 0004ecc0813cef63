"""lib.linalg tensor operations (section 2): hand-worked values, numpy oracles, properties.

Scalar and elementwise arithmetic, the Hadamard product, sums along axes, projections and the
dot product worked out step by step.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from lib import linalg
from lib.errors import InvalidInputError, ShapeError
from tests.lib.test_linalg import VALID_CALLS

FLOATS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SHAPES = array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=4)


def tensors(shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]] = SHAPES):
    """Float arrays of rank 1 to 4 with entries in [-10, 10]."""
    return arrays(np.float64, shape, elements=FLOATS)


def pairs_of_same_shape(count: int = 2):
    """``count`` arrays sharing one shape."""
    return SHAPES.flatmap(lambda shape: st.tuples(*(tensors(shape) for _ in range(count))))


def vector_pairs(min_size: int = 1):
    """(u, v) of one length, 1 to 5, entries in [-10, 10]."""
    return st.integers(min_size, 5).flatmap(
        lambda n: st.tuples(arrays(np.float64, n, elements=FLOATS), tensors((n,)))
    )


# --------------------------------------------------------------------------------------------
# Scalar and elementwise arithmetic
# --------------------------------------------------------------------------------------------


def test_scalar_arithmetic_of_a_worked_matrix():
    A = [[2, -1], [0, 3]]
    np.testing.assert_array_equal(linalg.add_scalar(A, 2), [[4, 1], [2, 5]])
    np.testing.assert_array_equal(linalg.scale(A, 2), [[4, -2], [0, 6]])


def test_elementwise_sum_and_hadamard_product_of_worked_matrices():
    A, B = [[2, -1], [0, 3]], [[4, 1], [-2, 5]]
    np.testing.assert_array_equal(linalg.add(A, B), [[6, 0], [-2, 8]])
    np.testing.assert_array_equal(linalg.hadamard(A, B), [[8, -1], [0, 15]])


@given(tensors(), FLOATS)
def test_scalar_operations_agree_with_numpy_broadcasting(A, c):
    np.testing.assert_array_equal(linalg.scale(A, c), np.multiply(c, A))
    np.testing.assert_array_equal(linalg.add_scalar(A, c), np.add(A, c))


@given(pairs_of_same_shape())
def test_elementwise_sum_and_hadamard_agree_with_numpy(pair):
    A, B = pair
    np.testing.assert_array_equal(linalg.add(A, B), np.add(A, B))
    np.testing.assert_array_equal(linalg.hadamard(A, B), np.multiply(A, B))


@given(pairs_of_same_shape())
def test_hadamard_product_and_elementwise_sum_commute(pair):
    A, B = pair
    np.testing.assert_array_equal(linalg.hadamard(A, B), linalg.hadamard(B, A))
    np.testing.assert_array_equal(linalg.add(A, B), linalg.add(B, A))


@given(pairs_of_same_shape(3))
def test_hadamard_product_distributes_over_the_elementwise_sum(triple):
    A, B, C = triple
    np.testing.assert_allclose(
        linalg.hadamard(A, linalg.add(B, C)),
        linalg.add(linalg.hadamard(A, B), linalg.hadamard(A, C)),
        atol=1e-9,
    )


@given(tensors(), FLOATS)
def test_scaling_is_the_hadamard_product_with_a_constant_array(A, c):
    np.testing.assert_array_equal(linalg.scale(A, c), linalg.hadamard(np.full(A.shape, c), A))


@given(tensors())
def test_the_ones_array_is_the_identity_of_the_hadamard_product(A):
    np.testing.assert_array_equal(linalg.hadamard(A, np.ones_like(A)), A)


@given(tensors(), FLOATS)
def test_scalar_operations_keep_the_shape(A, c):
    assert linalg.scale(A, c).shape == A.shape
    assert linalg.add_scalar(A, c).shape == A.shape


@pytest.mark.parametrize(("function", "verb"), [(linalg.add, "add"), (linalg.hadamard, "multiply")])
def test_mismatched_shapes_are_refused_naming_both_shapes(function, verb):
    message = (
        f"cannot {verb} A of shape (2, 2) and B of shape (2, 3) elementwise; "
        "give A and B the same shape"
    )
    with pytest.raises(ShapeError, match=f"^{re.escape(message)}$"):
        function(np.ones((2, 2)), np.ones((2, 3)))


def test_a_vector_and_a_matrix_of_as_many_numbers_are_not_the_same_shape():
    with pytest.raises(ShapeError, match=r"A of shape \(4,\) and B of shape \(2, 2\)"):
        linalg.hadamard([1, 2, 3, 4], [[1, 2], [3, 4]])


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda: linalg.scale([1e308, 1], 10), "c A"),
        (lambda: linalg.add_scalar([1e308, 1], 1e308), "A + c"),
        (lambda: linalg.add([1e308], [1e308]), "A + B"),
        (lambda: linalg.hadamard([1e200], [1e200]), "A ⊙ B"),
        (lambda: linalg.reduce_sum([1e308, 1e308]), "the sum of A"),
        (lambda: linalg.reduce_sum([[1e308], [1e308]], axis=0), "the sum of A"),
    ],
)
def test_results_beyond_the_float_range_are_refused(call, what):
    with pytest.raises(InvalidInputError, match=f"^{re.escape(what)} exceeds the float range"):
        call()


# --------------------------------------------------------------------------------------------
# Reductions
# --------------------------------------------------------------------------------------------


def test_sums_of_a_worked_2x3_matrix_all_along_axis_0_and_along_axis_1():
    A = [[3, 1, 4], [1, 5, 9]]
    total = linalg.reduce_sum(A)
    assert type(total) is float and total == 23.0
    np.testing.assert_array_equal(linalg.reduce_sum(A, axis=0), [4, 6, 13])  # one per column
    np.testing.assert_array_equal(linalg.reduce_sum(A, axis=1), [8, 15])  # one per row


@given(tensors(), st.data())
def test_reduce_sum_agrees_with_numpy_sum_for_every_axis(A, data):
    assert linalg.reduce_sum(A) == pytest.approx(float(np.sum(A)), abs=1e-9)
    axis = data.draw(st.integers(-A.ndim, A.ndim - 1))
    result = linalg.reduce_sum(A, axis=axis)
    np.testing.assert_allclose(result, np.sum(A, axis=axis), atol=1e-9)
    assert result.shape == A.shape[: axis % A.ndim] + A.shape[axis % A.ndim + 1 :]


@given(tensors(array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5)))
def test_summing_along_either_axis_then_everything_gives_the_total(A):
    total = linalg.reduce_sum(A)
    assert linalg.reduce_sum(linalg.reduce_sum(A, axis=0)) == pytest.approx(total, abs=1e-9)
    assert linalg.reduce_sum(linalg.reduce_sum(A, axis=1)) == pytest.approx(total, abs=1e-9)


@given(tensors(array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5)))
def test_axis_0_sums_the_columns_and_axis_1_sums_the_rows(A):
    np.testing.assert_allclose(linalg.reduce_sum(A, axis=0), [math.fsum(c) for c in A.T])
    np.testing.assert_allclose(linalg.reduce_sum(A, axis=1), [math.fsum(r) for r in A])


@pytest.mark.parametrize("axis", [2, -3, 5])
def test_an_axis_the_array_does_not_have_is_refused_with_the_range_that_works(axis):
    with pytest.raises(InvalidInputError, match=rf"^axis must be from -2 to 1; got {axis}$"):
        linalg.reduce_sum([[1, 2], [3, 4]], axis=axis)


@pytest.mark.parametrize("axis", [0.5, True, "0"])
def test_an_axis_that_is_not_a_whole_number_is_refused(axis):
    with pytest.raises(InvalidInputError, match=r"^axis must be a whole number from -2 to 1"):
        linalg.reduce_sum([[1, 2], [3, 4]], axis=axis)


# --------------------------------------------------------------------------------------------
# Projections and the dot product, step by step
# --------------------------------------------------------------------------------------------


def test_projection_of_a_worked_pair():
    assert linalg.scalar_projection([2, 3], [4, 0]) == 2.0
    np.testing.assert_array_equal(linalg.projection([2, 3], [4, 0]), [2, 0])
    np.testing.assert_allclose(linalg.projection([2, 3], [4, 1]), [44 / 17, 11 / 17])
    assert linalg.scalar_projection([2, 3], [4, 1]) == pytest.approx(11 / math.sqrt(17))


@given(vector_pairs())
def test_projection_agrees_with_the_numpy_formula(pair):
    u, v = pair
    assume(np.linalg.norm(v) > 1e-3)
    expected = (np.dot(u, v) / np.dot(v, v)) * v
    np.testing.assert_allclose(linalg.projection(u, v), expected, rtol=1e-9, atol=1e-9)
    assert linalg.scalar_projection(u, v) == pytest.approx(
        np.dot(u, v) / np.linalg.norm(v), abs=1e-9
    )


@given(vector_pairs(min_size=2))
def test_projection_is_parallel_to_v_and_what_is_left_is_orthogonal_to_v(pair):
    u, v = pair
    assume(np.linalg.norm(v) > 1e-3)
    p = linalg.projection(u, v)
    scale = 1.0 + np.linalg.norm(u) * np.linalg.norm(v)
    # parallel: p is a multiple of v, so every 2x2 minor of [p v] vanishes
    minors = np.outer(p, v) - np.outer(v, p)
    assert np.max(np.abs(minors)) <= 1e-9 * scale * (1 + np.linalg.norm(p))
    assert abs(np.dot(u - p, v)) <= 1e-9 * scale


@given(vector_pairs())
def test_the_projection_has_the_scalar_projection_as_its_signed_length(pair):
    u, v = pair
    assume(np.linalg.norm(v) > 1e-3)
    p = linalg.projection(u, v)
    signed = linalg.scalar_projection(u, v)
    assert np.linalg.norm(p) == pytest.approx(abs(signed), abs=1e-9)
    assert np.dot(p, v) * signed >= -1e-9


@pytest.mark.parametrize("function", [linalg.projection, linalg.scalar_projection])
def test_projecting_onto_the_zero_vector_is_refused(function):
    with pytest.raises(InvalidInputError, match=r"^v is the zero vector \[0\., 0\.\]"):
        function([1, 2], [0, 0])


@pytest.mark.parametrize("function", [linalg.projection, linalg.scalar_projection])
def test_projection_needs_vectors_of_one_length(function):
    with pytest.raises(ShapeError, match=r"^u and v must have the same length; got 3 and 2$"):
        function([1, 2, 3], [1, 2])


def test_dot_steps_of_2_3_and_4_1_hold_every_number_the_scene_writes():
    s = linalg.dot_steps([2, 3], [4, 1])
    assert (s.u, s.v, s.products, s.dot) == ((2.0, 3.0), (4.0, 1.0), (8.0, 3.0), 11.0)
    assert s.norm_u == pytest.approx(math.sqrt(13))
    assert s.norm_v == pytest.approx(math.sqrt(17))
    assert s.cosine == pytest.approx(11 / math.sqrt(13 * 17))
    assert s.angle_degrees == pytest.approx(42.27368900609373)
    assert s.scalar_projection == pytest.approx(11 / math.sqrt(17))
    assert s.projection == pytest.approx((44 / 17, 11 / 17))


@given(vector_pairs())
def test_dot_steps_agree_with_numpy_and_the_other_functions(pair):
    u, v = pair
    assume(np.linalg.norm(u) > 1e-3 and np.linalg.norm(v) > 1e-3)
    s = linalg.dot_steps(u, v)
    np.testing.assert_array_equal(s.products, np.multiply(u, v))
    assert s.dot == pytest.approx(float(np.dot(u, v)), abs=1e-9)
    assert s.dot == pytest.approx(math.fsum(s.products))
    assert s.norm_u == pytest.approx(np.linalg.norm(u))
    assert s.norm_v == pytest.approx(np.linalg.norm(v))
    assert s.angle == pytest.approx(linalg.angle_between(u, v), abs=1e-7)
    assert s.angle_degrees == pytest.approx(np.degrees(s.angle))
    assert math.cos(s.angle) == pytest.approx(s.cosine, abs=1e-9)
    # the geometric reading: u . v = ||u|| ||v|| cos(theta) = ||v|| comp_v(u)
    assert s.dot == pytest.approx(s.norm_u * s.norm_v * s.cosine, abs=1e-9)
    assert s.dot == pytest.approx(s.norm_v * s.scalar_projection, abs=1e-9)
    assert s.projection == pytest.approx(tuple(linalg.projection(u, v)))
    assert all(type(x) is float for x in (*s.u, *s.v, *s.products, *s.projection))


def test_dot_steps_refuse_a_zero_vector_because_it_has_no_angle():
    with pytest.raises(InvalidInputError, match=r"^u is the zero vector"):
        linalg.dot_steps([0, 0], [1, 2])


# --------------------------------------------------------------------------------------------
# Validation at the boundary: every function's arguments are spoiled in test_linalg.py;
# what is particular to this section is checked here.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["scale", "add_scalar", "add", "hadamard", "reduce_sum"])
def test_empty_arrays_are_refused(name):
    with pytest.raises(InvalidInputError, match=r"^A must not be empty"):
        getattr(linalg, name)([], *VALID_CALLS[name][1:])
