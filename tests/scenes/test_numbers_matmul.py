"""MatrixMultiplication shows lib's product, cell by cell, and lib's refusal of a mismatch."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from scenes.style import fmt
from tests.scenes.conftest import scene_class
from tests.scenes.harness import assert_frames_differ, final_screen_text, render, variant

pytestmark = pytest.mark.render


def check_product(result, A, B, x) -> None:
    shown = result.scene.numbers
    np.testing.assert_allclose(shown["C"], linalg.matmul(A, B))
    np.testing.assert_allclose(shown["y"], linalg.matmul(A, x))
    assert shown["shape_C"] == (len(A), len(B[0]))
    with pytest.raises(linalg.ShapeError) as refusal:
        linalg.matmul(B, A)
    assert shown["refusal"] == str(refusal.value)
    screen = final_screen_text(result.scene)
    for value in np.ravel(shown["C"]):
        assert fmt(value, "entry") in screen


def test_matrix_multiplication_shows_the_product_lib_computes(rendered):
    result = rendered("MatrixMultiplication")
    cls = scene_class("MatrixMultiplication")
    check_product(result, cls.A, cls.B, cls.x)
    assert "cannot multiply (2, 2) by (3, 2)" in result.scene.numbers["refusal"]


def test_matrix_multiplication_follows_other_matrices(rendered, tmp_path, tex_cache):
    A = ((1.0, 0.5), (-2.0, 1.0), (3.0, 2.0))
    B = ((4.0, -1.0), (2.0, 2.0))
    x = (1.0, 3.0)
    changed = render(
        variant(scene_class("MatrixMultiplication"), A=A, B=B, x=x), tmp_path, tex_cache
    )
    check_product(changed, A, B, x)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("MatrixMultiplication"), changed)
