"""MatrixMultiplication shows lib's product, cell by cell, and lib's refusal of a mismatch."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from scenes.inputs import InputError
from scenes.style import fmt
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render

NAME = "MatrixMultiplication"


@numbers_check(NAME)
def check_product(result, A=None, B=None, x=None, mismatch=None) -> None:
    scene = result.scene
    A = scene.A if A is None else A
    B = scene.B if B is None else B
    x = scene.x if x is None else x
    mismatch = scene.mismatch if mismatch is None else mismatch
    shown = scene.numbers
    np.testing.assert_allclose(shown["C"], linalg.matmul(A, B))
    np.testing.assert_allclose(shown["y"], linalg.matmul(A, x))
    assert shown["shape_C"] == (len(A), len(B[0]))
    columns = {"A": A, "B": B, "x": np.reshape(x, (-1, 1))}  # x stands first as a column
    first, second = (columns[name] for name in mismatch)
    with pytest.raises(linalg.ShapeError) as refusal:
        linalg.matmul(first, second)
    assert shown["refusal"] == str(refusal.value)
    screen = final_screen_text(scene)
    for value in np.ravel(shown["C"]):
        assert fmt(value, "entry") in screen
    for value in np.ravel(A) + 0.0:
        assert fmt(value, "entry") in screen


def test_matrix_multiplication_shows_the_product_lib_computes(rendered):
    result = rendered(NAME)
    cls = scene_class(NAME)
    check_product(result, cls.A, cls.B, cls.x)
    assert "cannot multiply (2, 2) by (3, 2)" in result.scene.numbers["refusal"]


def test_matrix_multiplication_follows_other_matrices(rendered, tmp_path, tex_cache):
    A = ((1.0, 0.5), (-2.0, 1.0), (3.0, 2.0))
    B = ((4.0, -1.0), (2.0, 2.0))
    x = (1.0, 3.0)
    changed = render(variant(scene_class(NAME), A=A, B=B, x=x), tmp_path, tex_cache)
    check_product(changed, A, B, x)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(NAME), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"B": ((1.0, 2.0, 3.0),)}, "A, B", "inner sizes 2 and 1 differ"),
        ({"x": (1.0, 2.0, 3.0)}, "A, x", "inner sizes 2 and 3 differ"),
        ({"A": ((1.0, 2.0), (3.0, 4.0))}, "mismatch, A, B, x", "lib refuses"),
    ],
)
def test_shapes_that_do_not_fit_are_refused_with_lib_s_reason(inputs, names, why):
    cls = scene_class(NAME)
    values = {**cls.domain.defaults, **inputs}
    with pytest.raises(InputError, match=rf"is refused: {names} must .*{why}"):
        cls.domain.check(NAME, values)
