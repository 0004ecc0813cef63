"""EigenvectorsUnderTransformation shows the eigenpairs lib computes, and follows a new matrix."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from lib.errors import NotRealError
from scenes.style import fmt, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import assert_frames_differ, final_screen_text, render, variant

pytestmark = pytest.mark.render

NAME = "EigenvectorsUnderTransformation"
COURSE_MATRIX = ((-1.0, 4.0), (2.0, -2.0))
OTHER_MATRIX = ((1.0, 2.0), (3.0, -4.0))


def check_eigen_numbers(result, matrix) -> None:
    shown = result.scene.numbers
    values, vectors = linalg.eig(matrix)
    assert shown["matrix"] == pytest.approx(np.asarray(matrix))
    for i in range(2):
        n = i + 1
        vector = vectors[:, i]
        assert shown[f"lambda_{n}"] == pytest.approx(values[i]), f"lambda_{n}"
        assert shown[f"v_{n}"] == pytest.approx(tuple(vector)), f"v_{n}"
        assert shown[f"A_v_{n}"] == pytest.approx(tuple(linalg.matmul(matrix, vector)))
        # what is shown satisfies A v = lambda v
        assert np.asarray(shown[f"A_v_{n}"]) == pytest.approx(
            shown[f"lambda_{n}"] * np.asarray(shown[f"v_{n}"])
        )
    assert shown["flip_scale"] == pytest.approx((1.0, values[1]))
    screen = final_screen_text(result.scene)
    for n, value in zip((1, 2), values, strict=True):
        assert rf"\lambda_{n} = {num(value, 'eigen')}" in screen, f"lambda_{n} not on the poster"
        for component in vectors[:, n - 1]:
            assert num(component, "coordinate") in screen, f"v_{n} not on the poster"


def test_eigen_scene_shows_the_eigenpairs_lib_computes(rendered):
    result = rendered(NAME)
    check_eigen_numbers(result, COURSE_MATRIX)
    assert fmt(result.scene.numbers["lambda_1"], "eigen") == "1.37"
    assert fmt(result.scene.numbers["lambda_2"], "eigen") == "-4.37"


def test_eigen_scene_follows_another_matrix(rendered, tmp_path, tex_cache):
    changed = render(variant(scene_class(NAME), matrix=OTHER_MATRIX), tmp_path, tex_cache)
    check_eigen_numbers(changed, OTHER_MATRIX)
    assert fmt(changed.scene.numbers["lambda_1"], "eigen") == "2"
    assert fmt(changed.scene.numbers["lambda_2"], "eigen") == "-5"
    assert changed.layout_problems == []
    assert_frames_differ(rendered(NAME), changed)


def test_a_rotation_has_no_real_eigenvectors_and_lib_refuses_it():
    with pytest.raises(NotRealError, match="complex eigenvalues"):
        linalg.eig(linalg.rotation(np.pi / 3))


def test_eigen_scene_refuses_a_matrix_without_a_negative_eigenvalue(tmp_path, tex_cache):
    positive = variant(scene_class(NAME), matrix=((2.0, 0.0), (0.0, 1.0)))
    with pytest.raises(ValueError, match="one positive and one negative eigenvalue"):
        render(positive, tmp_path, tex_cache)
