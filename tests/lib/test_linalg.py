"""lib.linalg, vectors to linear systems: hand-worked values, numpy/scipy oracles, properties.

Eigenvalues, SVD and their uses are tested in test_linalg_decompositions.py.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import re

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib import linalg
from lib.errors import InvalidInputError, LibError, ShapeError, SingularMatrixError

FLOATS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
# Coefficients a lesson might use: zero, or of size 1e-3 to 10 (no 1e-300 pivots to overflow).
COEFFICIENTS = st.one_of(st.just(0.0), st.floats(1e-3, 10), st.floats(-10, -1e-3))
SIZES = st.integers(1, 5)


def vectors(size: int | st.SearchStrategy[int] = SIZES) -> st.SearchStrategy[np.ndarray]:
    """Float vectors with entries in [-10, 10]."""
    return arrays(np.float64, size, elements=FLOATS)


def matrices(rows: int, columns: int) -> st.SearchStrategy[np.ndarray]:
    """Float matrices with entries in [-10, 10]."""
    return arrays(np.float64, (rows, columns), elements=FLOATS)


square_matrices = SIZES.flatmap(lambda n: matrices(n, n))
pairs_of_square_matrices = SIZES.flatmap(lambda n: st.tuples(matrices(n, n), matrices(n, n)))


def well_conditioned(A: np.ndarray) -> bool:
    """cond(A) < 1e6 and every singular value > 1e-6: A^-1 is accurate and of moderate size."""
    singular_values = np.linalg.svd(A, compute_uv=False)
    return bool(singular_values[-1] > 1e-6 and singular_values[0] < 1e6 * singular_values[-1])


# --------------------------------------------------------------------------------------------
# Vectors and norms
# --------------------------------------------------------------------------------------------


def test_norms_of_3_minus_4_are_7_5_25_and_4():
    v = [3, -4]
    assert linalg.l1_norm(v) == 7.0
    assert linalg.l2_norm(v) == 5.0
    assert linalg.squared_l2_norm(v) == 25.0
    assert linalg.max_norm(v) == 4.0


@given(vectors())
def test_norms_agree_with_numpy_norm_and_its_ord(v):
    assert linalg.l1_norm(v) == pytest.approx(np.linalg.norm(v, ord=1))
    assert linalg.l2_norm(v) == pytest.approx(np.linalg.norm(v, ord=2))
    assert linalg.squared_l2_norm(v) == pytest.approx(np.linalg.norm(v) ** 2, abs=1e-9)
    assert linalg.max_norm(v) == pytest.approx(np.linalg.norm(v, ord=np.inf))


def test_norms_accept_lists_tuples_and_integer_arrays_and_return_floats():
    for v in ([3, -4], (3, -4), np.array([3, -4])):
        result = linalg.l2_norm(v)
        assert type(result) is float and result == 5.0


@given(vectors())
def test_unit_vector_has_norm_one_and_points_the_same_way(v):
    assume(np.linalg.norm(v) > 1e-6)
    u = linalg.unit_vector(v)
    assert np.linalg.norm(u) == pytest.approx(1.0)
    assert u @ v == pytest.approx(np.linalg.norm(v))


@pytest.mark.parametrize(
    ("norm", "expected"),
    [("l1", [3 / 7, -4 / 7]), ("l2", [0.6, -0.8]), ("max", [0.75, -1.0])],
)
def test_normalize_puts_3_minus_4_on_each_unit_ball(norm, expected):
    ords = {"l1": 1, "l2": 2, "max": np.inf}
    result = linalg.normalize([3, -4], norm)
    np.testing.assert_allclose(result, expected)
    assert np.linalg.norm(result, ord=ords[norm]) == pytest.approx(1.0)


@pytest.mark.parametrize("function", [linalg.unit_vector, linalg.normalize])
def test_zero_vector_is_refused_because_it_has_no_direction(function):
    with pytest.raises(InvalidInputError, match=r"v is the zero vector .* no direction"):
        function([0, 0])


def test_normalize_refuses_an_unknown_norm_name_and_lists_the_known_ones():
    with pytest.raises(InvalidInputError, match=r"norm must be one of 'l1', 'l2', 'max'; got 'l3'"):
        linalg.normalize([1, 2], "l3")


def test_norm_steps_of_3_minus_4_hold_every_number_a_scene_writes():
    steps = linalg.norm_steps([3, -4])
    assert steps == linalg.NormSteps(
        components=(3.0, -4.0),
        absolute_values=(3.0, 4.0),
        squares=(9.0, 16.0),
        l1=7.0,
        squared_l2=25.0,
        l2=5.0,
        max_norm=4.0,
        max_index=1,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        steps.l1 = 0.0  # type: ignore[misc]


@given(vectors())
def test_norm_steps_agree_with_the_norm_functions(v):
    steps = linalg.norm_steps(v)
    assert steps.l1 == pytest.approx(linalg.l1_norm(v))
    assert steps.squared_l2 == pytest.approx(linalg.squared_l2_norm(v))
    assert steps.l2 == pytest.approx(linalg.l2_norm(v))
    assert steps.max_norm == linalg.max_norm(v)
    assert steps.absolute_values[steps.max_index] == steps.max_norm
    assert math.fsum(steps.absolute_values) == pytest.approx(steps.l1)


def test_dot_product_multiplies_pairs_and_adds():
    assert linalg.dot([1, 2, 3], [4, -5, 6]) == 4 - 10 + 18


@given(st.integers(1, 5).flatmap(lambda n: st.tuples(vectors(n), vectors(n))))
def test_dot_agrees_with_numpy_dot(pair):
    u, v = pair
    assert linalg.dot(u, v) == pytest.approx(np.dot(u, v), abs=1e-9)


@pytest.mark.parametrize(
    ("u", "v", "angle"),
    [([1, 0], [0, 2], math.pi / 2), ([1, 0], [-3, 0], math.pi), ([1, 1], [1, 0], math.pi / 4)],
)
def test_angle_between_known_pairs(u, v, angle):
    assert linalg.angle_between(u, v) == pytest.approx(angle)


@given(st.integers(2, 4).flatmap(lambda n: st.tuples(vectors(n), vectors(n))))
def test_angle_between_satisfies_the_cosine_formula(pair):
    u, v = pair
    assume(np.linalg.norm(u) > 1e-3 and np.linalg.norm(v) > 1e-3)
    angle = linalg.angle_between(u, v)
    assert 0.0 <= angle <= math.pi
    expected = u @ v / (np.linalg.norm(u) * np.linalg.norm(v))
    assert math.cos(angle) == pytest.approx(expected, abs=1e-9)


def test_angle_between_refuses_a_zero_vector():
    with pytest.raises(InvalidInputError, match="u is the zero vector"):
        linalg.angle_between([0, 0], [1, 0])


def test_orthogonality_is_a_zero_dot_product_within_tolerance():
    assert linalg.are_orthogonal([1, 2], [-2, 1])
    assert not linalg.are_orthogonal([1, 2], [2, 1])
    assert linalg.are_orthogonal([1, 0], [1e-12, 1])
    assert not linalg.are_orthogonal([1, 0], [1e-6, 1])
    assert linalg.are_orthogonal([1, 0], [1e-6, 1], tol=1e-3)


def test_transpose_turns_a_vector_into_a_column_and_a_column_into_a_row():
    column = linalg.transpose([1, 2, 3])
    assert column.shape == (3, 1)
    row = linalg.transpose(column)
    assert row.shape == (1, 3)
    np.testing.assert_array_equal(row, [[1, 2, 3]])


@given(SIZES.flatmap(lambda m: SIZES.flatmap(lambda n: matrices(m, n))))
def test_transpose_swaps_indices_like_numpy(A):
    np.testing.assert_array_equal(linalg.transpose(A), A.T)


@pytest.mark.parametrize(
    ("x", "shape"),
    [
        (5, ()),
        ([1, 2, 3], (3,)),
        ([[1, 2, 3], [4, 5, 6]], (2, 3)),
        ([[[1], [2]], [[3], [4]], [[5], [6]]], (3, 2, 1)),
        (np.zeros((8, 28, 28, 3)), (8, 28, 28, 3)),
        ([], (0,)),
    ],
)
def test_shape_of_nested_lists_and_arrays(x, shape):
    assert linalg.shape_of(x) == shape


def test_shape_of_a_ragged_list_is_refused():
    with pytest.raises(InvalidInputError, match="x is ragged"):
        linalg.shape_of([[1, 2], [3]])


def test_identity_leaves_every_vector_unchanged():
    np.testing.assert_array_equal(linalg.identity(3), np.eye(3))
    np.testing.assert_array_equal(linalg.apply(linalg.identity(2), [[3, -4]]), [[3, -4]])


def test_apply_maps_rows_to_rows():
    quarter_turn = [[0, -1], [1, 0]]
    result = linalg.apply(quarter_turn, [[1, 0], [0, 1], [2, 3]])
    np.testing.assert_allclose(result, [[0, 1], [-1, 0], [-3, 2]])
    np.testing.assert_allclose(linalg.apply(quarter_turn, [2, 3]), [-3, 2])


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(matrices(n, n), SIZES.flatmap(lambda k: matrices(k, n)))
    )
)
def test_apply_agrees_with_multiplying_each_vector(pair):
    A, points = pair
    expected = np.array([A @ p for p in points])
    np.testing.assert_allclose(linalg.apply(A, points), expected, atol=1e-9)


# --------------------------------------------------------------------------------------------
# Matrices
# --------------------------------------------------------------------------------------------


def test_frobenius_norm_of_1_2_3_4_is_root_30():
    assert linalg.frobenius_norm([[1, 2], [3, 4]]) == pytest.approx(math.sqrt(30))


@given(SIZES.flatmap(lambda m: SIZES.flatmap(lambda n: matrices(m, n))))
def test_frobenius_norm_is_numpy_fro_and_root_of_trace_of_a_a_transpose(A):
    assert linalg.frobenius_norm(A) == pytest.approx(np.linalg.norm(A, "fro"))
    assert linalg.frobenius_norm(A) ** 2 == pytest.approx(linalg.trace(A @ A.T), abs=1e-9)
    assert linalg.frobenius_norm(A) == pytest.approx(linalg.l2_norm(A.ravel()))


@given(square_matrices)
def test_trace_is_the_sum_of_the_diagonal(A):
    assert linalg.trace(A) == pytest.approx(np.trace(A))


def test_trace_of_a_non_square_matrix_is_refused():
    with pytest.raises(ShapeError, match=r"A must be square \(n, n\); got shape \(2, 3\)"):
        linalg.trace([[1, 2, 3], [4, 5, 6]])


@given(square_matrices)
def test_a_plus_its_transpose_is_symmetric(A):
    assert linalg.is_symmetric(A + A.T)


def test_symmetry_needs_a_square_matrix_equal_to_its_transpose():
    assert linalg.is_symmetric([[1, 2], [2, 3]])
    assert not linalg.is_symmetric([[1, 2], [3, 4]])
    assert not linalg.is_symmetric([[1, 2, 3], [2, 1, 0]])


@given(st.floats(-10, 10))
def test_rotations_are_orthogonal_and_keep_lengths(theta):
    R = linalg.rotation(theta)
    assert linalg.is_orthogonal_matrix(R)
    assert np.linalg.norm(R @ [3, -4]) == pytest.approx(5.0)


def test_scaling_and_non_square_matrices_are_not_orthogonal():
    assert not linalg.is_orthogonal_matrix(linalg.scaling(2, 1))
    assert not linalg.is_orthogonal_matrix([[1, 0, 0], [0, 1, 0]])
    assert linalg.is_orthogonal_matrix(linalg.reflection("y=x"))


HAND_A = [[1, 2], [3, 4], [5, 6]]
HAND_B = [[7, 8], [9, 10]]
HAND_C = [[25, 28], [57, 64], [89, 100]]  # e.g. C[0, 0] = 1*7 + 2*9 = 25


def test_product_of_a_3x2_and_a_2x2_worked_by_hand():
    np.testing.assert_array_equal(linalg.matmul(HAND_A, HAND_B), HAND_C)


def test_matrix_times_vector_gives_a_vector():
    result = linalg.matmul([[1, 2], [3, 4]], [5, 6])
    assert result.shape == (2,)
    np.testing.assert_array_equal(result, [17, 39])


@given(
    st.tuples(SIZES, SIZES, SIZES).flatmap(
        lambda s: st.tuples(matrices(s[0], s[1]), matrices(s[1], s[2]))
    )
)
def test_matmul_agrees_with_numpy(pair):
    A, B = pair
    np.testing.assert_allclose(linalg.matmul(A, B), A @ B, atol=1e-9)


def test_matmul_steps_play_each_cell_in_row_major_order_with_its_products():
    C, steps = linalg.matmul_steps(HAND_A, HAND_B)
    np.testing.assert_array_equal(C, HAND_C)
    assert [(s.i, s.j) for s in steps] == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    assert steps[0] == linalg.MatmulStep(
        i=0, j=0, row=(1.0, 2.0), column=(7.0, 9.0), products=(7.0, 18.0), total=25.0
    )
    assert steps[5].row == (5.0, 6.0) and steps[5].column == (8.0, 10.0)
    assert steps[5].products == (40.0, 60.0) and steps[5].total == 100.0


def test_matmul_steps_of_a_matrix_times_a_vector_use_column_zero():
    C, steps = linalg.matmul_steps([[1, 2], [3, 4]], [5, 6])
    np.testing.assert_array_equal(C, [17, 39])
    assert [(s.i, s.j, s.column, s.total) for s in steps] == [
        (0, 0, (5.0, 6.0), 17.0),
        (1, 0, (5.0, 6.0), 39.0),
    ]


@given(
    st.tuples(SIZES, SIZES, SIZES).flatmap(
        lambda s: st.tuples(matrices(s[0], s[1]), matrices(s[1], s[2]))
    )
)
def test_every_matmul_step_sums_to_its_cell(pair):
    A, B = pair
    C, steps = linalg.matmul_steps(A, B)
    assert len(steps) == C.size
    for step in steps:
        assert step.row == tuple(A[step.i]) and step.column == tuple(B[:, step.j])
        assert step.products == pytest.approx(
            [a * b for a, b in zip(step.row, step.column, strict=True)]
        )
        assert step.total == pytest.approx(sum(step.products), abs=1e-12)
        assert C[step.i, step.j] == step.total
    np.testing.assert_allclose(C, A @ B, atol=1e-9)


MISMATCH = (
    "cannot multiply (2, 3) by (2, 2): inner sizes 3 and 2 differ; "
    "(m, n)(n, p) -> (m, p) needs them equal"
)


@pytest.mark.parametrize("function", [linalg.matmul, linalg.matmul_steps])
def test_mismatched_shapes_are_refused_naming_both_shapes_and_the_rule(function):
    with pytest.raises(ShapeError, match=re.escape(MISMATCH)) as error:
        function(np.ones((2, 3)), np.ones((2, 2)))
    assert len(str(error.value)) <= 120  # two short lines on screen


def test_a_vector_of_the_wrong_length_is_refused_with_the_vector_rule():
    with pytest.raises(ShapeError, match=re.escape("(m, n)(n,) -> (m,) needs them equal")):
        linalg.matmul(np.ones((2, 3)), [1, 2])


# --------------------------------------------------------------------------------------------
# Determinant, cofactor expansion and inverse
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("A", "det"),
    [
        ([[7]], 7.0),
        ([[4, 2], [-5, -3]], -2.0),
        ([[1, 2], [3, 4]], -2.0),
        ([[2, -1, 0], [1, 3, 2], [0, 1, 4]], 24.0),
        ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0.0),
        (np.diag([1.0, 2.0, 3.0, 4.0]), 24.0),
    ],
)
def test_determinant_of_hand_worked_matrices(A, det):
    assert linalg.determinant(A) == pytest.approx(det, abs=1e-12)


@given(st.integers(1, 6).flatmap(lambda n: matrices(n, n)))
def test_determinant_agrees_with_numpy(A):
    scale = max(1.0, np.linalg.norm(A)) ** A.shape[0]
    assert linalg.determinant(A) == pytest.approx(np.linalg.det(A), abs=1e-10 * scale)


@given(pairs_of_square_matrices)
def test_determinant_of_a_product_is_the_product_of_determinants(pair):
    A, B = pair
    n = A.shape[0]
    scale = max(1.0, np.linalg.norm(A) * np.linalg.norm(B)) ** n
    product = linalg.determinant(A) * linalg.determinant(B)
    assert linalg.determinant(A @ B) == pytest.approx(product, abs=1e-10 * scale)


def test_cofactor_expansion_of_a_3x3_records_minor_sign_and_cofactor_per_term():
    det, tree = linalg.cofactor_expansion([[2, -1, 0], [1, 3, 2], [0, 1, 4]])
    assert det == 24.0 and tree.determinant == 24.0 and tree.size == 3
    summary = [
        (t.column, t.entry, t.sign, t.minor.matrix, t.cofactor, t.contribution) for t in tree.terms
    ]
    assert summary == [
        (0, 2.0, 1, ((3.0, 2.0), (1.0, 4.0)), 10.0, 20.0),
        (1, -1.0, -1, ((1.0, 2.0), (0.0, 4.0)), -4.0, 4.0),
        (2, 0.0, 1, ((1.0, 3.0), (0.0, 1.0)), 1.0, 0.0),
    ]
    leaf = tree.terms[0].minor.terms[1].minor
    assert leaf.matrix == ((1.0,),) and leaf.terms == () and leaf.determinant == 1.0


def count_nodes(node: linalg.CofactorNode) -> int:
    """Nodes in a cofactor tree."""
    return 1 + sum(count_nodes(term.minor) for term in node.terms)


@pytest.mark.parametrize(("n", "nodes"), [(1, 1), (2, 3), (3, 10), (4, 41), (5, 206)])
def test_cofactor_tree_expands_every_minor_down_to_1x1(n, nodes):
    _, tree = linalg.cofactor_expansion(np.arange(1.0, n * n + 1).reshape(n, n) ** 1.5)
    assert count_nodes(tree) == nodes


@given(SIZES.flatmap(lambda n: matrices(n, n)))
def test_cofactor_expansion_equals_the_determinant(A):
    det, tree = linalg.cofactor_expansion(A)
    scale = max(1.0, np.linalg.norm(A)) ** A.shape[0]
    assert det == pytest.approx(linalg.determinant(A), abs=1e-10 * scale)
    for term in tree.terms:
        assert term.cofactor == term.sign * term.minor.determinant
        assert term.contribution == term.entry * term.cofactor
    if tree.terms:
        assert det == math.fsum(term.contribution for term in tree.terms)


def test_cofactor_expansion_is_refused_beyond_5x5():
    with pytest.raises(ShapeError, match=r"up to 5x5; got shape \(6, 6\): use determinant"):
        linalg.cofactor_expansion(np.eye(6))


def test_inverse_of_4_2_minus_5_minus_3_worked_by_hand():
    np.testing.assert_allclose(linalg.inverse([[4, 2], [-5, -3]]), [[1.5, 1], [-2.5, -2]])


@given(square_matrices)
def test_a_times_its_inverse_is_the_identity(A):
    assume(well_conditioned(A))
    n = A.shape[0]
    inverse = linalg.inverse(A)
    np.testing.assert_allclose(A @ inverse, np.eye(n), atol=1e-6)
    np.testing.assert_allclose(inverse, scipy.linalg.inv(A), rtol=1e-6, atol=1e-9)


def test_singular_matrix_is_refused_with_its_determinant():
    with pytest.raises(
        SingularMatrixError,
        match=re.escape(
            "cannot invert A: det(A) = 0, columns 1 and 2 are parallel "
            "(column 2 = 2 times column 1)"
        ),
    ):
        linalg.inverse([[1, 2], [2, 4]])


@pytest.mark.parametrize(
    ("A", "reason"),
    [
        ([[1, 0], [0, 0]], "column 2 is all zeros"),
        ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], r"columns are linearly dependent \(rank 2 < 3\)"),
        ([[1, 1], [1, 1 + 2**-40]], r"det\(A\) = 9.09e-13, columns 1 and 2 are nearly parallel"),
    ],
)
def test_singular_and_near_singular_matrices_are_refused_saying_why(A, reason):
    with pytest.raises(SingularMatrixError, match=reason):
        linalg.inverse(A)


# --------------------------------------------------------------------------------------------
# Linear systems
# --------------------------------------------------------------------------------------------

# The robber drives at 2.5 km/min; the sheriff leaves 5 min later at 3 km/min.
# d = 2.5 t and d = 3 (t - 5), with unknowns (t, d): -2.5 t + d = 0 and -3 t + d = -15.
SHERIFF_A = [[-2.5, 1], [-3, 1]]
SHERIFF_B = [0, -15]


def test_sheriff_catches_the_robber_after_30_minutes_and_75_km():
    np.testing.assert_allclose(linalg.solve(SHERIFF_A, SHERIFF_B), [30, 75])


@given(SIZES.flatmap(lambda n: st.tuples(matrices(n, n), vectors(n))))
def test_solve_agrees_with_scipy(system):
    A, b = system
    assume(well_conditioned(A))
    x = linalg.solve(A, b)
    np.testing.assert_allclose(x, scipy.linalg.solve(A, b), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(A @ x, b, atol=1e-6)


@pytest.mark.parametrize(
    ("b", "message"), [([0, 3], "the system has no solution"), ([1, 2], "infinitely many")]
)
def test_solving_a_singular_system_says_how_many_solutions_it_has(b, message):
    with pytest.raises(SingularMatrixError, match=message):
        linalg.solve([[1, -1], [2, -2]], b)


def test_substitution_solves_the_sheriff_system_line_by_line():
    x, steps = linalg.solve_by_substitution(SHERIFF_A, SHERIFF_B)
    np.testing.assert_array_equal(x, [30, 75])
    assert steps[:2] == [
        linalg.LinearEquation("equation 1", (-2.5, 1.0), 0.0),
        linalg.LinearEquation("equation 2", (-3.0, 1.0), -15.0),
    ]
    # d = 2.5 t, then -3 t + (2.5 t) = -15, -0.5 t = -15, t = 30, d = 2.5 * 30 = 75
    assert steps[2:] == [
        linalg.IsolatedVariable("solve equation 1 for x1", 1, 0.0, 2.5),
        linalg.SubstitutedEquation("substitute x1 into equation 2", 1, 1.0, 0.0, 2.5, -3.0, -15.0),
        linalg.OneUnknownEquation("collect the x0 terms", 0, -0.5, -15.0),
        linalg.SolvedValue("divide both sides by -0.5", 0, 30.0),
        linalg.BackSubstitution("put x0 back to find x1", 1, 0.0, 2.5, 30.0, 75.0),
    ]


def test_substitution_isolates_the_unknown_it_is_asked_to():
    x, steps = linalg.solve_by_substitution([[2, 3], [4, -1]], [7, 7], isolate=(0, 0))
    np.testing.assert_allclose(x, [2, 1])
    assert steps[2] == linalg.IsolatedVariable("solve equation 1 for x0", 0, 3.5, -1.5)


def test_substitution_refuses_to_isolate_an_unknown_with_coefficient_zero():
    with pytest.raises(InvalidInputError, match="cannot isolate x0 from equation 0"):
        linalg.solve_by_substitution([[0, 1], [1, 1]], [1, 2], isolate=(0, 0))


def assert_balances(terms: list[float], right: float) -> None:
    """sum(terms) == right, up to rounding relative to the size of every term."""
    scale = 1.0 + sum(abs(t) for t in terms) + abs(right)
    assert math.fsum(terms) == pytest.approx(right, abs=1e-9 * scale)


def check_substitution_lines(steps: list, x: np.ndarray) -> None:
    """Every line written by solve_by_substitution holds at the solution x."""
    for step in steps:
        v = getattr(step, "variable", 0)
        own, other = x[v], x[1 - v]
        if isinstance(step, linalg.LinearEquation):
            assert_balances([c * xi for c, xi in zip(step.coefficients, x, strict=True)], step.rhs)
        elif isinstance(step, linalg.IsolatedVariable):
            assert_balances([step.constant, step.slope * other], own)
        elif isinstance(step, linalg.SubstitutedEquation):
            terms = [step.coefficient * step.constant, step.coefficient * step.slope * other]
            assert_balances([*terms, step.other_coefficient * other], step.rhs)
        elif isinstance(step, linalg.OneUnknownEquation):
            assert_balances([step.coefficient * own], step.rhs)
        elif isinstance(step, linalg.SolvedValue):
            assert_balances([step.value], own)
        else:
            assert isinstance(step, linalg.BackSubstitution)
            assert_balances([step.known], other)
            assert_balances([step.constant, step.slope * step.known], step.value)
            assert_balances([step.value], own)


def systems_2x2() -> st.SearchStrategy[tuple[np.ndarray, np.ndarray]]:
    """Well-conditioned 2x2 systems (A, b) with lesson-sized coefficients."""
    return st.tuples(
        arrays(np.float64, (2, 2), elements=COEFFICIENTS),
        arrays(np.float64, 2, elements=COEFFICIENTS),
    ).filter(lambda system: well_conditioned(system[0]))


@given(systems_2x2())
def test_every_substitution_line_holds_at_the_solution(system):
    A, b = system
    x, steps = linalg.solve_by_substitution(A, b)
    np.testing.assert_allclose(x, np.linalg.solve(A, b), rtol=1e-6, atol=1e-6)
    assert len(steps) == 7
    check_substitution_lines(steps, x)


def test_elimination_solves_the_sheriff_system_with_row_operations():
    x, steps = linalg.solve_by_elimination(SHERIFF_A, SHERIFF_B)
    np.testing.assert_array_equal(x, [30, 75])
    assert [(s.operation, s.target, s.source, s.factor, s.rows) for s in steps] == [
        ("start", None, None, None, ((-2.5, 1.0, 0.0), (-3.0, 1.0, -15.0))),
        ("add_multiple", 1, 0, -1.2, ((-2.5, 1.0, 0.0), (0.0, -0.2, -15.0))),
        ("scale", 1, None, -5.0, ((-2.5, 1.0, 0.0), (0.0, 1.0, 75.0))),
        ("add_multiple", 0, 1, -1.0, ((-2.5, 0.0, -75.0), (0.0, 1.0, 75.0))),
        ("scale", 0, None, -0.4, ((1.0, 0.0, 30.0), (0.0, 1.0, 75.0))),
    ]
    assert steps[1].description == "R2 <- R2 - 1.2 R1 to eliminate x0"


def test_elimination_swaps_rows_when_the_first_pivot_is_zero():
    x, steps = linalg.solve_by_elimination([[0, 2], [3, 1]], [4, 5])
    np.testing.assert_allclose(x, [1, 2])
    assert steps[1].operation == "swap"
    assert steps[1].rows == ((3.0, 1.0, 5.0), (0.0, 2.0, 4.0))


@given(systems_2x2())
def test_every_elimination_step_keeps_the_solution_and_ends_at_identity(system):
    A, b = system
    x, steps = linalg.solve_by_elimination(A, b)
    np.testing.assert_allclose(x, np.linalg.solve(A, b), rtol=1e-6, atol=1e-6)
    for step in steps:
        rows = np.array(step.rows)
        np.testing.assert_allclose(rows[:, :2] @ x, rows[:, 2], atol=1e-6)
    final = np.array(steps[-1].rows)
    np.testing.assert_array_equal(final[:, :2], np.eye(2))
    np.testing.assert_array_equal(final[:, 2], x)


@pytest.mark.parametrize(
    "call",
    [
        lambda A, b: linalg.solve_by_substitution(A, b, isolate=(1, 0)),
        linalg.solve_by_elimination,
        linalg.solve,
        lambda A, b: linalg.inverse(A),
        lambda A, b: linalg.pseudoinverse(A),
    ],
)
def test_results_beyond_the_float_range_are_refused(call):
    tiny = 2.0**-1060  # a well-conditioned matrix whose inverse overflows
    with pytest.raises(InvalidInputError, match="exceeds the float range; rescale"):
        call([[0, tiny], [tiny, tiny]], [1, 1])


@pytest.mark.parametrize("method", [linalg.solve_by_substitution, linalg.solve_by_elimination])
def test_step_by_step_solvers_take_only_2x2_systems(method):
    with pytest.raises(ShapeError, match=r"solves 2x2 systems; A has shape \(3, 3\)"):
        method(np.eye(3), [1, 2, 3])


@pytest.mark.parametrize("method", [linalg.solve_by_substitution, linalg.solve_by_elimination])
def test_step_by_step_solvers_refuse_parallel_lines(method):
    with pytest.raises(SingularMatrixError, match="no solution"):
        method([[1, -1], [2, -2]], [0, 3])


@pytest.mark.parametrize(
    ("A", "b", "kind"),
    [
        (SHERIFF_A, SHERIFF_B, "one"),
        ([[1, -1], [2, -2]], [0, 3], "none"),
        ([[1, -1], [2, -2]], [1, 2], "infinite"),
        ([[0, 0], [0, 0]], [0, 0], "infinite"),
        ([[1, 0], [0, 1], [1, 1]], [1, 2, 3], "one"),
        ([[1, 0], [0, 1], [1, 1]], [1, 2, 4], "none"),
    ],
)
def test_classify_system_counts_solutions_by_comparing_ranks(A, b, kind):
    assert linalg.classify_system(A, b) == kind


# --------------------------------------------------------------------------------------------
# Validation at the boundary, for every public function
# --------------------------------------------------------------------------------------------

# One valid call per public function; each argument is then spoiled in turn.
VALID_CALLS = {
    "l1_norm": ([3, -4],),
    "l2_norm": ([3, -4],),
    "squared_l2_norm": ([3, -4],),
    "max_norm": ([3, -4],),
    "unit_vector": ([3, -4],),
    "normalize": ([3, -4], "l1"),
    "norm_steps": ([3, -4],),
    "dot": ([1, 2], [3, 4]),
    "dot_steps": ([1, 2], [3, 4]),
    "scale": ([[1, 2], [3, 4]], 2),
    "add_scalar": ([[1, 2], [3, 4]], 2),
    "add": ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    "hadamard": ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    "reduce_sum": ([[1, 2], [3, 4]], 0),
    "scalar_projection": ([1, 2], [3, 4]),
    "projection": ([1, 2], [3, 4]),
    "angle_between": ([1, 2], [3, 4]),
    "are_orthogonal": ([1, 2], [3, 4], 1e-9),
    "transpose": ([[1, 2], [3, 4]],),
    "shape_of": ([[1, 2], [3, 4]],),
    "identity": (2,),
    "apply": ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    "frobenius_norm": ([[1, 2], [3, 4]],),
    "trace": ([[1, 2], [3, 4]],),
    "is_symmetric": ([[1, 2], [3, 4]], 1e-9),
    "is_orthogonal_matrix": ([[1, 2], [3, 4]], 1e-9),
    "matmul": ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    "matmul_steps": ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    "determinant": ([[1, 2], [3, 4]],),
    "cofactor_expansion": ([[1, 2], [3, 4]],),
    "inverse": ([[1, 2], [3, 4]],),
    "solve": ([[1, 2], [3, 4]], [1, 1]),
    "solve_by_substitution": ([[1, 2], [3, 4]], [1, 1], (0, 0)),
    "solve_by_elimination": ([[1, 2], [3, 4]], [1, 1]),
    "classify_system": ([[1, 2], [3, 4]], [1, 1]),
    "eig": ([[2, 1], [1, 2]],),
    "eigen_structure": ([[2, 1], [1, 2]],),
    "perpendicular": ((3, -4), 2.0),
    "eigendecompose": ([[2, 1], [1, 2]],),
    "svd": ([[1, 2], [3, 4]],),
    "rank_k_approximation": ([[1, 2], [3, 4]], 1),
    "svd_compress": ([[1, 2], [3, 4]], 1),
    "default_image": (32,),
    "pseudoinverse": ([[1, 2], [3, 4]],),
    "design_matrix": ([1, 2, 3],),
    "fit_line_pinv": ([1, 2, 3], [2, 4, 7]),
    "power_iteration": ([[2, 1], [1, 2]], [1, 0], 3),
    "dominant_eigenpair": ([[2, 1], [1, 2]],),
    "pca": ([[1, 2], [2, 3], [4, 4]], 1),
    "plane_svd": ([[2, 1], [-1, 1]],),
    "covariance": ([[1, 2], [2, 3], [4, 4]],),
    "pseudoinverse_steps": ([[1, 2], [3, 4], [5, 6]],),
    "noisy_line": (1.5, 0.5, 0.2, 5, 3, (0.0, 4.0)),
    "point_cloud": (20, 7, (2.0, 0.5), 0.5, (1.0, -1.0)),
    "rotation": (0.5,),
    "shear": (0.5, "y"),
    "scaling": (2, 3),
    "reflection": ("y=x",),
    "affine_map": ([[1, 2], [0, 1]], (1.0, -1.0), [[0, 0], [1, 2]]),
    "homogeneous": ([[1, 2], [0, 1]], (1.0, -1.0)),
    "eigenvalue_product": ([[2, 1], [1, 2]],),
}

PUBLIC_FUNCTIONS = sorted(
    name for name in linalg.__all__ if inspect.isfunction(getattr(linalg, name))
)
ARGUMENTS = [
    (name, position) for name in sorted(VALID_CALLS) for position in range(len(VALID_CALLS[name]))
]
# Arguments holding numbers (not names such as "l1"; shape_of takes any values, even NaN).
NUMERIC_ARGUMENTS = [
    (name, position)
    for name, position in ARGUMENTS
    if not isinstance(VALID_CALLS[name][position], str) and name != "shape_of"
]


def parameter_name(name: str, position: int) -> str:
    """The name of a public function's parameter at ``position``."""
    return list(inspect.signature(getattr(linalg, name)).parameters)[position]


def spoiled(name: str, position: int, bad: object) -> tuple:
    """The valid call of ``name`` with argument ``position`` replaced by ``bad``."""
    args = list(VALID_CALLS[name])
    args[position] = bad
    return tuple(args)


def test_every_public_function_has_a_valid_call_to_spoil():
    assert sorted(VALID_CALLS) == PUBLIC_FUNCTIONS


@pytest.mark.parametrize("name", sorted(VALID_CALLS))
def test_the_valid_calls_succeed(name):
    getattr(linalg, name)(*VALID_CALLS[name])


@pytest.mark.parametrize(("name", "position"), ARGUMENTS)
def test_every_argument_refuses_text_with_a_message_naming_it(name, position):
    argument = parameter_name(name, position)
    with pytest.raises(LibError, match=rf"^{re.escape(argument)}\b"):
        getattr(linalg, name)(*spoiled(name, position, "abc"))


@pytest.mark.parametrize(("name", "position"), NUMERIC_ARGUMENTS)
def test_every_numeric_argument_refuses_nan_and_infinity_with_a_message_naming_it(name, position):
    valid = VALID_CALLS[name][position]
    argument = parameter_name(name, position)
    for bad_number in (math.nan, math.inf, -math.inf):
        bad = np.array(valid, dtype=float)
        bad.flat[0] = bad_number
        bad_value = bad.tolist() if bad.ndim else bad.item()
        bad_value = tuple(bad_value) if isinstance(valid, tuple) else bad_value
        with pytest.raises(InvalidInputError, match=rf"^{re.escape(argument)}\b"):
            getattr(linalg, name)(*spoiled(name, position, bad_value))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: linalg.l2_norm([1, math.nan]), InvalidInputError, r"v\[1\] = nan"),
        (lambda: linalg.inverse([[1, math.inf], [0, 1]]), InvalidInputError, r"A\[0, 1\] = inf"),
        (lambda: linalg.l2_norm([[1, 2], [3]]), InvalidInputError, "rectangular array"),
        (lambda: linalg.l2_norm([1j, 2]), InvalidInputError, "real, not complex"),
        (lambda: linalg.l2_norm([None, 1]), InvalidInputError, "only real numbers"),
        (lambda: linalg.l2_norm([True, False]), InvalidInputError, "only real numbers"),
        (lambda: linalg.l2_norm([1, "2"]), InvalidInputError, "only real numbers"),
        (lambda: linalg.l2_norm([]), InvalidInputError, r"must not be empty; got shape \(0,\)"),
        (lambda: linalg.l2_norm([[3, 4]]), InvalidInputError, r"1-D vector .* shape \(1, 2\)"),
        (lambda: linalg.inverse([1, 2]), InvalidInputError, "A must be a 2-D matrix"),
        (lambda: linalg.matmul([[1]], [[[1]]]), InvalidInputError, "B must be a vector or"),
        (lambda: linalg.dot([1, 2], [1, 2, 3]), ShapeError, "same length; got 2 and 3"),
        (lambda: linalg.apply(np.eye(2), [[1, 2, 3]]), ShapeError, "vectors of length 2"),
        (lambda: linalg.solve(np.eye(2), [1, 2, 3]), ShapeError, "one entry per row of A"),
        (lambda: linalg.rank_k_approximation(np.eye(3), 1.5), InvalidInputError, "whole number"),
        (lambda: linalg.rank_k_approximation(np.eye(3), 4), InvalidInputError, "from 1 to 3"),
        (lambda: linalg.reflection("z"), InvalidInputError, "axis must be 'x', 'y'"),
        (lambda: linalg.shear(1, "z"), InvalidInputError, "axis must be 'x' or 'y'"),
        (lambda: linalg.rotation(True), InvalidInputError, "theta must be a real number"),
        (lambda: linalg.normalize([1, 2], ["l1"]), InvalidInputError, "norm must be one of"),
        (lambda: linalg.shape_of({1, 2}), InvalidInputError, "x must be a number, a nested"),
    ],
)
def test_bad_input_is_refused_with_a_message_that_says_what_was_wrong(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_long_bad_inputs_are_shortened_in_the_message():
    with pytest.raises(InvalidInputError) as error:
        linalg.l2_norm(np.arange(1000.0).reshape(10, 100))
    assert len(str(error.value)) < 160
