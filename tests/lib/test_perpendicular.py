"""lib.linalg.perpendicular: a plane vector turned a quarter turn, against a rotation oracle."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import linalg
from lib.errors import InvalidInputError, ShapeError

FLOATS = st.floats(-100, 100, allow_nan=False, allow_infinity=False, allow_subnormal=False)
PLANE_VECTORS = st.tuples(FLOATS, FLOATS)


def test_the_basis_vectors_turn_into_each_other():
    assert tuple(linalg.perpendicular((1.0, 0.0))) == (0.0, 1.0)
    assert tuple(linalg.perpendicular((0.0, 1.0))) == (-1.0, 0.0)


def test_the_lesson_pair_is_turned_and_scaled_by_hand():
    assert tuple(linalg.perpendicular((2.0, 1.0))) == (-1.0, 2.0)
    assert tuple(linalg.perpendicular((3.0, -4.0), -0.5)) == (-2.0, -1.5)


@given(PLANE_VECTORS, FLOATS)
def test_it_matches_a_quarter_turn_rotation_matrix(v, scale):
    turn = np.array([[math.cos(math.pi / 2), -math.sin(math.pi / 2)], [1.0, 0.0]])
    turn[0, 0] = 0.0  # cos(pi / 2) to the exact 0 the quarter turn has
    expected = scale * (turn @ np.asarray(v))
    assert linalg.perpendicular(v, scale) == pytest.approx(expected, abs=1e-12)


@given(PLANE_VECTORS, FLOATS)
def test_it_is_orthogonal_and_its_length_scales(v, scale):
    w = linalg.perpendicular(v, scale)
    assert v[0] * w[0] + v[1] * w[1] == pytest.approx(0.0, abs=1e-9 * (1 + abs(scale)))
    assert linalg.are_orthogonal(v, w)
    assert linalg.l2_norm(w) == pytest.approx(abs(scale) * linalg.l2_norm(v), rel=1e-12, abs=1e-12)


@given(PLANE_VECTORS)
def test_four_quarter_turns_come_back(v):
    w = v
    for _ in range(4):
        w = linalg.perpendicular(w)
    assert tuple(w) == tuple(float(c) for c in v)


@pytest.mark.parametrize(
    ("v", "scale", "error", "message"),
    [
        ((1.0, 2.0, 3.0), 1.0, ShapeError, "plane vector of 2 numbers"),
        (((1.0, 2.0),), 1.0, InvalidInputError, "1-D vector"),
        ((1.0, math.nan), 1.0, InvalidInputError, "finite"),
        ((1.0, 2.0), math.inf, InvalidInputError, "scale must be finite"),
        ((1.0, 2.0), "2", InvalidInputError, "scale must be a real number"),
    ],
)
def test_it_refuses_what_is_not_a_plane_vector_and_a_number(v, scale, error, message):
    with pytest.raises(error, match=message):
        linalg.perpendicular(v, scale)
