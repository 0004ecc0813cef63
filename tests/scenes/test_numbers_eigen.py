"""EigenvectorsUnderTransformation shows the eigenpairs lib computes, and follows a new matrix."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from lib.errors import NotRealError
from scenes.inputs import InputError
from scenes.style import fmt, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render

NAME = "EigenvectorsUnderTransformation"
COURSE_MATRIX = ((-1.0, 4.0), (2.0, -2.0))
OTHER_MATRIX = ((1.0, 2.0), (3.0, -4.0))


def expected_slide(structure: linalg.EigenStructure) -> int:
    """The eigenpair (1 or 2) the scene slides from v to lambda v, by the kind of matrix."""
    values = structure.values
    if structure.kind in ("opposite", "negative"):
        return 2  # the negative one (values descend)
    if structure.kind == "zero":
        return values.index(0.0) + 1
    if structure.kind == "positive":
        return 1 if abs(np.log(values[0])) >= abs(np.log(values[1])) else 2
    return 1


@numbers_check(NAME)
def check_eigen_numbers(result, matrix=None) -> None:
    matrix = result.scene.matrix if matrix is None else matrix
    shown = result.scene.numbers
    structure = linalg.eigen_structure(matrix)
    assert shown["matrix"] == pytest.approx(np.asarray(matrix))
    assert shown["kind"] == structure.kind
    scale = max(1.0, float(np.abs(matrix).max()))
    if structure.kind not in ("scaling", "defective"):  # distinct: lib's eig agrees
        values, vectors = linalg.eig(matrix)
        np.testing.assert_allclose(structure.values, values, atol=1e-9 * scale)
        np.testing.assert_allclose(np.array(structure.directions).T, vectors, atol=1e-6)
    pairs = len(structure.directions)
    assert pairs == (1 if structure.kind == "defective" else 2)
    assert f"v_{pairs + 1}" not in shown, "more eigenvectors shown than A has"
    for i in range(pairs):
        n = i + 1
        value, vector = structure.values[i], structure.directions[i]
        assert shown[f"lambda_{n}"] == pytest.approx(value), f"lambda_{n}"
        assert shown[f"v_{n}"] == pytest.approx(vector), f"v_{n}"
        image = linalg.matmul(matrix, vector)
        assert shown[f"A_v_{n}"] == pytest.approx(tuple(image), abs=1e-12)
        # what is shown satisfies A v = lambda v
        np.testing.assert_allclose(
            shown[f"A_v_{n}"], shown[f"lambda_{n}"] * np.asarray(shown[f"v_{n}"]), atol=1e-8 * scale
        )
    k = expected_slide(structure)
    assert shown["slide"] == pytest.approx((k, 1.0, structure.values[k - 1]))
    screen = final_screen_text(result.scene)
    for i in range(pairs):
        n = i + 1
        named = r"\lambda_1 = \lambda_2" if structure.kind == "defective" else rf"\lambda_{n}"
        assert rf"{named} = {num(structure.values[i], 'eigen')}" in screen, f"lambda_{n} not shown"
        for component in structure.directions[i]:
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
    with pytest.raises(NotRealError, match="complex eigenvalues"):
        linalg.eigen_structure(linalg.rotation(np.pi / 3))


def test_eigen_scene_refuses_a_rotation_with_lib_s_reason_before_drawing(tmp_path, tex_cache):
    rotation = variant(scene_class(NAME), matrix=((0.0, -1.0), (1.0, 0.0)))
    with pytest.raises(InputError, match=r"matrix must have real eigenvalues.*complex"):
        render(rotation, tmp_path, tex_cache)


def test_eigen_scene_refuses_an_eigenvalue_too_small_to_show():
    domain = scene_class(NAME).domain
    tiny = {"matrix": ((5.0, 4.99), (4.99, 4.98)), "fan_size": 8}  # eigenvalues 9.98 and -1e-05
    assert [name for name, _ in domain.problems(tiny)] == ["matrix"]
    assert "show as 0" in domain.problems(tiny)[0][1]


@pytest.mark.parametrize(
    "matrix",
    [
        ((2.0, 0.0), (0.0, 1.0)),  # both positive
        ((-2.0, 1.0), (0.0, -3.0)),  # both negative
        ((1.0, 2.0), (2.0, 4.0)),  # a zero eigenvalue
        ((2.0, 0.0), (0.0, 2.0)),  # a scaling
        ((0.0, 0.0), (0.0, 0.0)),  # everything to the origin
        ((1.0, 1.0), (0.0, 1.0)),  # a shear: one eigen-direction
        ((0.0, 1.0), (0.0, 0.0)),  # the plane onto the line it sends to 0
    ],
)
def test_eigen_scene_accepts_every_kind_of_real_eigen_structure(matrix):
    domain = scene_class(NAME).domain
    assert domain.problems({"matrix": matrix, "fan_size": 8}) == []
