"""dominant_eigenpair: the eigenpair power iteration converges to, against numpy and by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lib import linalg
from lib.errors import InvalidInputError, NotRealError, ShapeError


def test_a_symmetric_matrix_gives_its_largest_eigenpair_by_hand():
    value, vector = linalg.dominant_eigenpair([[2.0, 1.0], [1.0, 2.0]])
    assert value == pytest.approx(3.0)
    np.testing.assert_allclose(vector, [np.sqrt(0.5), np.sqrt(0.5)])


def test_the_largest_in_size_wins_even_when_negative():
    value, vector = linalg.dominant_eigenpair([[1.0, 0.0], [0.0, -4.0]])
    assert value == pytest.approx(-4.0)
    np.testing.assert_allclose(vector, [0.0, 1.0], atol=1e-12)


def test_other_eigenvalues_may_be_complex():
    # A link matrix with eigenvalues 1 and -0.5 +- 0.5i: eig refuses it, the dominant pair is real.
    links = [[0.0, 0.0, 1.0], [0.5, 0.0, 0.0], [0.5, 1.0, 0.0]]
    with pytest.raises(NotRealError):
        linalg.eig(links)
    value, vector = linalg.dominant_eigenpair(links)
    assert value == pytest.approx(1.0)
    np.testing.assert_allclose(vector, np.array([2.0, 1.0, 2.0]) / 3.0)


def test_it_agrees_with_numpy_on_a_network_s_adjacency_matrix():
    adjacency = np.array(
        [[0, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 1], [0, 0, 1, 0]], dtype=float
    )  # eigenvector centrality of a small network
    value, vector = linalg.dominant_eigenpair(adjacency)
    values, vectors = np.linalg.eigh(adjacency)
    assert value == pytest.approx(values[-1])
    np.testing.assert_allclose(vector, np.abs(vectors[:, -1]), atol=1e-12)


@pytest.mark.parametrize(
    ("matrix", "error", "words"),
    [
        ([[0.0, -1.0], [1.0, 0.0]], NotRealError, "complex"),  # a rotation
        ([[1.0, 0.0], [0.0, -1.0]], InvalidInputError, "no dominant eigenvalue: 1, -1"),
        ([[2.0, 0.0], [0.0, 2.0]], InvalidInputError, "no dominant eigenvalue"),
        ([[1.0, 2.0, 3.0]], ShapeError, "square"),
        ([[1e308, 1e308], [1e308, 1e308]], InvalidInputError, "float range"),
    ],
)
def test_matrices_without_a_dominant_real_eigenvalue_are_refused(matrix, error, words):
    with pytest.raises(error, match=words):
        linalg.dominant_eigenpair(matrix)


entries = st.floats(-5, 5, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def square_matrices(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(1, 4))
    return np.array(draw(st.lists(entries, min_size=n * n, max_size=n * n))).reshape(n, n)


@settings(max_examples=200, deadline=None)
@given(square_matrices())
def test_the_pair_satisfies_the_eigen_equation_and_dominates(matrix):
    try:
        value, vector = linalg.dominant_eigenpair(matrix)
    except (NotRealError, InvalidInputError):
        return
    scale = max(1.0, float(np.abs(matrix).max()))
    np.testing.assert_allclose(matrix @ vector, value * vector, atol=1e-7 * scale)
    assert np.linalg.norm(vector) == pytest.approx(1.0)
    first = vector[np.flatnonzero(np.abs(vector) > linalg.SIGN_TOL)[0]]
    assert first > 0  # the sign convention of eig
    others = np.sort(np.abs(np.linalg.eigvals(matrix)))[:-1]
    assert np.all(others < abs(value) + 1e-9 * scale)


@settings(max_examples=100, deadline=None)
@given(square_matrices(), st.lists(entries, min_size=4, max_size=4))
def test_power_iteration_converges_to_the_dominant_direction(matrix, start):
    n = len(matrix)
    x0 = np.array(start[:n])
    assume(np.linalg.norm(x0) > 0.1)
    try:
        value, vector = linalg.dominant_eigenpair(matrix)
    except (NotRealError, InvalidInputError):
        return
    others = np.sort(np.abs(np.linalg.eigvals(matrix)))[:-1]
    ratio = others[-1] / abs(value) if n > 1 else 0.0
    assume(ratio < 0.5 and value > 0)
    # x0's part along v1, in the eigenbasis; power iteration needs it to be clearly non-zero.
    basis = np.linalg.eig(matrix)[1]
    assume(np.linalg.cond(basis) < 1e6)
    weights = np.linalg.solve(basis, x0.astype(complex))
    along = weights[np.argmax(np.abs(np.linalg.eigvals(matrix)))]
    assume(abs(along) * np.linalg.norm(basis, axis=0).min() > 1e-2 * np.linalg.norm(x0))
    result = linalg.power_iteration(matrix, x0, 80)
    alignment = abs(float(np.dot(result.eigenvector, vector)))
    assert alignment == pytest.approx(1.0, abs=1e-6)
    assert result.eigenvalue == pytest.approx(value, rel=1e-5, abs=1e-5)
