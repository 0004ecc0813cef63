"""Section 4's scenes show the numbers lib computes, follow other inputs and refuse bad ones."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from scenes.style import fmt, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    refused,
    render,
    variant,
)

pytestmark = pytest.mark.render

UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))


def shoelace(corners) -> float:
    """The signed area of a polygon, an oracle independent of the determinant formula."""
    x, y = np.asarray(corners, dtype=float).T
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


# -- Determinant2x2 ------------------------------------------------------------------------

DET2 = "Determinant2x2"


@numbers_check(DET2)
def check_determinant_2x2(result) -> None:
    scene = result.scene
    shown = scene.numbers
    column, multiple = scene.flattened_column, scene.flattened_multiple
    flattened = np.column_stack([column, linalg.scale(column, multiple)])
    for values, name in ((scene.matrix, "A"), (scene.flipped, "B"), (flattened, "C")):
        det = linalg.determinant(values)
        assert shown[f"det_{name}"] == det
        (a, b), (c, d) = values
        assert det == pytest.approx(a * d - b * c, abs=1e-12)
        image = linalg.apply(values, UNIT_SQUARE)
        # The unit square's image has area |det| and keeps or flips its turning with det's sign.
        assert shown[f"area_{name}"] == pytest.approx(abs(shoelace(image)), abs=1e-9)
        assert np.sign(round(shoelace(image), 9)) == np.sign(round(det, 9))
    assert shown["det_A"] > 0 > shown["det_B"]
    assert fmt(shown["det_C"]) == "0"
    screen = final_screen_text(scene)
    for name in "ABC":
        assert rf"\det {name} = {num(shown[f'det_{name}'])}" in screen, f"det {name} not shown"
    assert num(abs(shown["det_A"])) in screen  # the parallelogram's area, if it fits, or the row


def test_determinant_2x2_shows_lib_s_determinants_as_areas(rendered):
    result = rendered(DET2)
    check_determinant_2x2(result)
    assert (result.scene.numbers["det_A"], result.scene.numbers["det_B"]) == (5.0, -3.0)
    assert result.scene.numbers["area_C"] == 0.0


def test_determinant_2x2_follows_other_matrices(rendered, tmp_path, tex_cache):
    inputs = {
        "matrix": ((-1.5, 0.5), (2.0, -2.5)),
        "flipped": ((0.0, -1.0), (-1.0, 0.0)),
        "flattened_column": (-1.0, 0.5),
        "flattened_multiple": -2.0,
    }
    changed = render(variant(scene_class(DET2), **inputs), tmp_path, tex_cache)
    check_determinant_2x2(changed)
    assert changed.scene.numbers["det_A"] == pytest.approx(2.75)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(DET2), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"matrix": ((1.0, 2.0), (2.0, 1.0))}, "matrix", "positive determinant"),
        ({"matrix": ((1.0, 0.01), (0.6, 0.01))}, "matrix", "too small to show"),
        ({"flipped": ((2.0, 0.0), (0.0, 1.0))}, "flipped", "negative determinant"),
        ({"flattened_column": (0.0, 0.0)}, "flattened_column", "zero vector"),
        ({"flattened_multiple": 0.125}, "flattened_column, flattened_multiple", "2 decimals"),
        ({"matrix": ((5.0, 0.0), (0.0, 1.0))}, "matrix", "from -4 to 4"),
    ],
)
def test_determinant_2x2_refuses_inputs_outside_its_lesson(inputs, names, why):
    message = refused(DET2, **inputs)
    assert f"is refused: {names} " in message
    assert why in message
    assert "For example" in message


# -- DeterminantRecursion ------------------------------------------------------------------

RECURSION = "DeterminantRecursion"


def minor_of(values, column: int) -> np.ndarray:
    """The first-row minor of ``values`` without ``column``, built independently of lib."""
    return np.delete(np.asarray(values, dtype=float)[1:], column, axis=1)


@numbers_check(RECURSION)
def check_determinant_recursion(result) -> None:
    scene = result.scene
    shown = scene.numbers
    A, B = np.asarray(scene.matrix, dtype=float), np.asarray(scene.big, dtype=float)
    scale = max(1.0, float(np.abs(A).max())) ** 3
    # Every minor and its determinant, against numpy's.
    for j in range(3):
        np.testing.assert_array_equal(shown["minors"][j], minor_of(A, j))
        assert shown[f"minor_{j + 1}"] == pytest.approx(np.linalg.det(minor_of(A, j)), abs=1e-9)
        assert shown["contributions"][j] == pytest.approx(
            (-1) ** j * A[0, j] * np.linalg.det(minor_of(A, j)), abs=1e-9 * scale
        )
    assert shown["det"] == pytest.approx(np.linalg.det(A), abs=1e-9 * scale)
    assert shown["det"] == linalg.cofactor_expansion(A)[0]
    big_scale = max(1.0, float(np.abs(B).max())) ** 4
    for j in range(4):
        assert shown["big_minors"][j] == pytest.approx(
            np.linalg.det(minor_of(B, j)), abs=1e-9 * big_scale
        )
    assert shown["big_det"] == pytest.approx(np.linalg.det(B), abs=1e-9 * big_scale)
    assert shown["counts"] == {3: 4, 2: 12, 1: 24}
    screen = final_screen_text(scene)
    assert rf"= {num(shown['det'])}" in screen
    for j in range(3):
        assert num(shown[f"minor_{j + 1}"]) in screen, f"minor {j + 1} not on the poster"
        assert num(shown["contributions"][j]) in screen
    for row in A:
        for entry in row:
            assert fmt(entry, "entry") in screen


def test_determinant_recursion_shows_every_minor_lib_computes(rendered):
    result = rendered(RECURSION)
    check_determinant_recursion(result)
    shown = result.scene.numbers
    assert (shown["minor_1"], shown["minor_2"], shown["minor_3"]) == (8.0, -1.5, 5.0)
    assert shown["det"] == 29.5
    assert shown["big_det"] == pytest.approx(-135.0)


def test_determinant_recursion_follows_other_matrices(rendered, tmp_path, tex_cache):
    inputs = {
        "matrix": ((-4.5, 0.0, 2.5), (1.5, -3.5, 4.0), (-2.0, 1.0, -0.5)),
        "big": (
            (2.5, -1.0, 0.0, 3.0),
            (-4.5, 2.0, 1.5, 0.0),
            (0.0, -3.0, 2.0, 1.0),
            (1.0, 0.5, -2.5, 4.0),
        ),
    }
    changed = render(variant(scene_class(RECURSION), **inputs), tmp_path, tex_cache)
    check_determinant_recursion(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(RECURSION), changed)


@pytest.mark.parametrize(
    ("inputs", "name", "why"),
    [
        ({"matrix": ((1.0, 2.0), (3.0, 4.0))}, "matrix", "3 rows"),
        ({"big": ((1.0, 2.0, 3.0),) * 3}, "big", "4 rows"),
        ({"matrix": ((1.0, 2.0, 9.0), (0.0, 1.0, 2.0), (1.0, 0.0, 1.0))}, "matrix", "from -5 to 5"),
    ],
)
def test_determinant_recursion_refuses_matrices_of_other_shapes(inputs, name, why):
    message = refused(RECURSION, **inputs)
    assert f"is refused: {name} " in message
    assert why in message


# -- PowerIteration ------------------------------------------------------------------------

POWER = "PowerIteration"


@numbers_check(POWER)
def check_power_iteration(result) -> None:
    scene = result.scene
    shown = scene.numbers
    M = np.asarray(scene.matrix, dtype=float)
    steps = int(scene.steps)
    history = linalg.power_iteration(M, scene.start, steps)
    # The iterates are lib's history, and follow x_{k+1} = M x_k / |M x_k| (numpy as oracle).
    x0 = np.asarray(scene.start, dtype=float)
    np.testing.assert_allclose(shown["x_0"], x0 / np.linalg.norm(x0))
    np.testing.assert_allclose(shown["M_x_0"], M @ shown["x_0"])
    assert shown["length_M_x_0"] == pytest.approx(np.linalg.norm(M @ shown["x_0"]))
    np.testing.assert_allclose(shown["x_1"], np.asarray(shown["M_x_0"]) / shown["length_M_x_0"])
    np.testing.assert_array_equal(shown[f"x_{steps}"], history.iterates[-1])
    np.testing.assert_array_equal(shown["summary_x"], history.iterates[-1])
    # They converge on the dominant eigenvector, which numpy agrees with.
    values, vectors = np.linalg.eig(M)
    top = int(np.argmax(np.abs(values)))
    assert shown["lambda_1"] == pytest.approx(values[top].real)
    direction = np.real(vectors[:, top])
    direction *= np.sign(direction[np.flatnonzero(np.abs(direction) > 1e-9)[0]])
    np.testing.assert_allclose(shown["v_1"], direction / np.linalg.norm(direction), atol=1e-9)
    assert np.max(np.abs(np.asarray(shown[f"x_{steps}"]) - shown["v_1"])) <= 0.005
    assert shown["rayleigh"] == pytest.approx(history.eigenvalue)
    # Ranks: 1 + how many shown scores beat each page's.
    scores = [float(fmt(v, "coordinate")) for v in history.iterates[-1]]
    assert shown["ranks"] == tuple(1 + sum(o > s for o in scores) for s in scores)
    screen = final_screen_text(scene)
    assert rf"\lambda_1 = {num(shown['lambda_1'], 'eigen')}" in screen
    for value in shown["v_1"]:
        assert num(value, "coordinate") in screen
    assert rf"x_{{{steps}}} = " in screen


def test_power_iteration_converges_on_lib_s_dominant_eigenvector(rendered):
    result = rendered(POWER)
    check_power_iteration(result)
    shown = result.scene.numbers
    assert fmt(shown["lambda_1"], "eigen") == "2.17"
    assert shown["ranks"] == (2, 2, 1, 4)  # page 3 first, pages 1 and 2 tied, page 4 last


def test_power_iteration_follows_another_web(rendered, tmp_path, tex_cache):
    inputs = {
        "matrix": ((0.5, 2.0, 1.25), (1.0, 0.0, 3.5), (2.75, 1.5, 0.0)),
        "start": (-1.0, 2.5, 0.5),
        "steps": 12,
    }
    changed = render(variant(scene_class(POWER), **inputs), tmp_path, tex_cache)
    check_power_iteration(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(POWER), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"matrix": ((1.0, 2.0, 0.0, 1.0),) * 3}, "matrix", "square"),
        ({"start": (1.0, 1.0, 1.0)}, "start, matrix", "one score per page"),
        (
            {
                "matrix": ((0.0, 1.0, 0.0), (0.0, 0.0, 1.0), (1.0, 0.0, 0.0)),
                "start": (1.0, 2.0, 3.0),
            },
            "matrix",
            "dominant eigenvalue",
        ),
        ({"start": (-1.0, -1.0, -1.0, -1.0)}, "matrix, start, steps", "positive part along v1"),
        ({"steps": 4}, "matrix, start, steps", "more steps"),
        ({"matrix": ((0.0, -1.0, 0.0), (1.0, 0.0, 0.0), (0.0, 0.0, 1.0))}, "matrix", "0 to 5"),
    ],
)
def test_power_iteration_refuses_webs_it_cannot_settle(inputs, names, why):
    message = refused(POWER, **inputs)
    assert f"is refused: {names} " in message
    assert why in message


# -- MatrixAsTransformation ----------------------------------------------------------------

TRANSFORM = "MatrixAsTransformation"


@numbers_check(TRANSFORM)
def check_matrix_as_transformation(result) -> None:
    scene = result.scene
    shown = scene.numbers
    A = np.asarray(scene.matrix, dtype=float)
    vectors = np.asarray(scene.vectors, dtype=float)
    assert shown["matrix"] == tuple(map(tuple, A))
    images = np.asarray(shown["images"])
    # Each image is A v, row by row, against numpy's product.
    np.testing.assert_allclose(images, vectors @ A.T, atol=1e-12)
    np.testing.assert_allclose(shown["A_v_1"], A @ vectors[0], atol=1e-12)
    np.testing.assert_array_equal(shown["summary_images"], shown["images"])
    screen = final_screen_text(scene)
    for k, image in enumerate(images):
        assert rf"A\,v_{k + 1}" in screen
        for value in image:
            assert num(value, "coordinate") in screen


def test_matrix_as_transformation_shows_lib_s_products(rendered):
    result = rendered(TRANSFORM)
    check_matrix_as_transformation(result)
    assert result.scene.numbers["images"] == ((1.0, 2.5), (-3.0, 2.5), (2.5, -1.75))


def test_matrix_as_transformation_follows_other_inputs(rendered, tmp_path, tex_cache):
    inputs = {
        "matrix": ((-1.5, 0.25), (2.0, -0.5)),
        "vectors": ((0.5, -3.0), (-2.5, -1.0), (3.5, 2.0), (-1.0, 4.0)),
    }
    changed = render(variant(scene_class(TRANSFORM), **inputs), tmp_path, tex_cache)
    check_matrix_as_transformation(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(TRANSFORM), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"vectors": ((1.0, 2.0), (0.0, 0.0))}, "vectors", "no zero vector"),
        ({"vectors": ((1.0, 2.0, 3.0),)}, "vectors", "2 columns"),
        ({"vectors": ((1.0, 2.0),) * 5}, "vectors", "1 to 4 rows"),
        ({"matrix": ((4.0, 0.0), (0.0, 1.0))}, "matrix", "from -3 to 3"),
    ],
)
def test_matrix_as_transformation_refuses_what_it_cannot_draw(inputs, names, why):
    message = refused(TRANSFORM, **inputs)
    assert f"is refused: {names} " in message
    assert why in message


# -- Eigendecomposition --------------------------------------------------------------------

DECOMPOSE = "Eigendecomposition"


@numbers_check(DECOMPOSE)
def check_eigendecomposition(result) -> None:
    scene = result.scene
    shown = scene.numbers
    A = np.asarray(scene.matrix, dtype=float)
    a, b, d = scene.symmetric
    S = np.array([[a, b], [b, d]], dtype=float)
    scale = max(1.0, float(np.abs(A).max()))
    V, values, V_inv = (np.asarray(shown[k]) for k in ("V", "lambda", "V_inverse"))
    # numpy as the oracle: eigenvalues, eigen-equation, inverse, and the rebuilt matrix.
    np.testing.assert_allclose(sorted(values), sorted(np.linalg.eigvals(A).real), atol=1e-9 * scale)
    np.testing.assert_allclose(A @ V, V * values, atol=1e-8 * scale)
    np.testing.assert_allclose(V @ V_inv, np.eye(2), atol=1e-9)
    np.testing.assert_allclose(shown["rebuilt"], A, atol=1e-9 * scale)
    Q, Q_T = np.asarray(shown["Q"]), np.asarray(shown["Q_T"])
    np.testing.assert_allclose(Q_T @ Q, np.eye(2), atol=1e-9)
    np.testing.assert_allclose(shown["Q_inverse"], Q_T, atol=1e-9)
    np.testing.assert_allclose(shown["s_lambda"], np.linalg.eigvalsh(S)[::-1], atol=1e-9 * scale)
    np.testing.assert_allclose(shown["s_rebuilt"], S, atol=1e-9 * scale)
    screen = final_screen_text(scene)
    for value in (*np.ravel(V), *np.ravel(V_inv), *np.ravel(Q)):
        assert fmt(value, "entry") in screen
    for value in (*values, *shown["s_lambda"]):
        assert fmt(value, "entry") in screen
    assert r"V \Lambda V^{-1} = A" in screen
    assert r"Q \Lambda Q^{T} = S" in screen


def test_eigendecomposition_rebuilds_a_from_lib_s_parts(rendered):
    result = rendered(DECOMPOSE)
    check_eigendecomposition(result)
    assert result.scene.numbers["lambda"] == (5.0, 2.0)
    assert result.scene.numbers["s_lambda"] == pytest.approx((3.0, 1.0))


def test_eigendecomposition_follows_other_matrices(rendered, tmp_path, tex_cache):
    inputs = {"matrix": ((-1.5, 2.0), (0.5, 1.25)), "symmetric": (-2.0, 0.75, 3.5)}
    changed = render(variant(scene_class(DECOMPOSE), **inputs), tmp_path, tex_cache)
    check_eigendecomposition(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(DECOMPOSE), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"matrix": ((0.0, -1.0), (1.0, 0.0))}, "matrix", "real eigenvalues"),
        ({"matrix": ((2.0, 1.0), (0.0, 2.0))}, "matrix", "independent eigenvectors"),
        ({"symmetric": (1.0, 2.0)}, "symmetric", "3 numbers"),
        ({"matrix": ((6.0, 0.0), (0.0, 1.0))}, "matrix", "from -5 to 5"),
    ],
)
def test_eigendecomposition_refuses_matrices_it_cannot_split(inputs, names, why):
    message = refused(DECOMPOSE, **inputs)
    assert f"is refused: {names} " in message
    assert why in message


# -- AffineTransformations -----------------------------------------------------------------

AFFINE = "AffineTransformations"

#: Each mirror line's matrix, written out by hand.
MIRROR_MATRICES = {
    "x": [[1, 0], [0, -1]],
    "y": [[-1, 0], [0, 1]],
    "y=x": [[0, 1], [1, 0]],
    "y=-x": [[0, -1], [-1, 0]],
}


def affine_oracle(scene) -> dict[str, np.ndarray]:
    """Each matrix of the lesson, built with numpy from its inputs."""
    theta = np.radians(scene.angle)
    matrices = {
        "flip": np.array(MIRROR_MATRICES[scene.flip], dtype=float),
        "scale": np.diag(np.asarray(scene.scale_factors, dtype=float)),
        "shear": np.array([[1.0, scene.shear_factor], [0.0, 1.0]]),
        "rotate": np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]]),
    }
    matrices["affine"] = (
        matrices["rotate"] @ matrices["shear"] @ matrices["scale"] @ matrices["flip"]
    )
    return matrices


@numbers_check(AFFINE)
def check_affine_transformations(result) -> None:
    scene = result.scene
    shown = scene.numbers
    d = np.asarray(scene.direction, dtype=float)
    oracle = affine_oracle(scene)
    np.testing.assert_allclose(shown["d"], [d, d], atol=1e-12)
    for key in ("flip", "scale", "shear", "rotate"):
        np.testing.assert_allclose(shown[f"{key}_matrix"], oracle[key], atol=1e-12)
        # Both sides, each from its own two mapped corners, run along M d: still parallel.
        np.testing.assert_allclose(shown[f"{key}_directions"], [oracle[key] @ d] * 2, atol=1e-9)
    M, t = oracle["affine"], np.asarray(scene.translation, dtype=float)
    np.testing.assert_allclose(shown["affine_matrix"], M, atol=1e-12)
    lifted = np.block([[M, t[:, None]], [np.zeros((1, 2)), np.ones((1, 1))]])
    np.testing.assert_allclose(shown["homogeneous"], lifted, atol=1e-12)
    first, second = (np.asarray(s, dtype=float) for s in scene.starts)
    corners = np.array([first, first + d, second + d, second])
    np.testing.assert_allclose(shown["affine_linear_corners"], corners @ M.T, atol=1e-9)
    homogeneous_images = (np.column_stack([corners, np.ones(4)]) @ lifted.T)[:, :2]
    np.testing.assert_allclose(shown["affine_corners"], homogeneous_images, atol=1e-9)
    np.testing.assert_allclose(shown["affine_directions"], [M @ d] * 2, atol=1e-9)
    assert shown["summary_directions"] == shown["affine_directions"][0]
    screen = final_screen_text(scene)
    for value in (*np.ravel(lifted), *(M @ d)):
        assert num(value, "entry") in screen or fmt(value, "entry") in screen
    assert r"x \mapsto M\,x + t" in screen


class TestAffineTransformations:
    def test_the_default_maps_by_hand(self, rendered):
        result = rendered(AFFINE)
        check_affine_transformations(result)
        shown = result.scene.numbers
        # d = (1, 0.5): flipped in the y-axis (-1, 0.5), scaled (1.5, 0.25), sheared (1.5, 0.5).
        assert shown["flip_directions"][0] == pytest.approx((-1.0, 0.5))
        assert shown["scale_directions"][0] == pytest.approx((1.5, 0.25))
        assert shown["shear_directions"][1] == pytest.approx((1.5, 0.5))
        root = np.sqrt(0.5)
        assert shown["rotate_directions"][0] == pytest.approx((0.5 * root, 1.5 * root))
        assert result.layout_problems == []

    def test_other_maps_and_a_shift_follow(self, rendered, tmp_path, tex_cache):
        inputs = {
            "flip": "y=-x",
            "scale_factors": (-0.75, 2.0),
            "shear_factor": -1.25,
            "angle": -120.0,
            "translation": (-2.0, 2.5),
            "direction": (-0.5, 1.5),
            "starts": ((1.0, -1.5), (-1.5, 0.0)),
        }
        changed = render(variant(scene_class(AFFINE), **inputs), tmp_path, tex_cache)
        check_affine_transformations(changed)
        assert changed.layout_problems == []
        assert_frames_differ(rendered(AFFINE), changed)

    @pytest.mark.parametrize(
        ("inputs", "names", "why"),
        [
            ({"scale_factors": (1.5, 0.0)}, "scale_factors", "flattens the plane onto a line"),
            ({"scale_factors": (3.0, 1.0)}, "scale_factors", "from -2.5 to 2.5"),
            ({"flip": "z"}, "flip", "one of 'x', 'y', 'y=x', 'y=-x'"),
            ({"angle": 270.0}, "angle", "from -180 to 180"),
            ({"direction": (0.0, 0.0)}, "direction", "zero vector"),
            ({"direction": (0.2, 0.1)}, "direction", "at least 0.5 long"),
            ({"starts": ((0.0, 0.0), (2.0, 1.0))}, "starts, direction", "not on one line"),
            ({"translation": (4.0, 0.0)}, "translation", "from -3 to 3"),
        ],
    )
    def test_inputs_it_cannot_show_are_refused(self, inputs, names, why):
        message = refused(AFFINE, **inputs)
        assert f"is refused: {names} " in message
        assert why in message
        assert "For example" in message


# -- DeterminantsAndEigenvalues ------------------------------------------------------------

DET_EIGEN = "DeterminantsAndEigenvalues"


@numbers_check(DET_EIGEN)
def check_determinants_and_eigenvalues(result) -> None:
    scene = result.scene
    shown = scene.numbers
    A, B, C = (np.asarray(getattr(scene, k), dtype=float) for k in ("matrix", "singular", "big"))
    for name, M in (("A", A), ("B", B)):
        values = np.asarray(shown[f"lambda_{name}"])
        scale = max(1.0, float(np.abs(M).max()))
        # numpy's eigenvalues; their product and numpy's determinant agree with what is shown.
        np.testing.assert_allclose(
            sorted(values), sorted(np.linalg.eigvals(M).real), atol=1e-8 * scale
        )
        assert shown[f"det_{name}"] == pytest.approx(np.linalg.det(M), abs=1e-9 * scale**2)
        assert shown[f"product_{name}"] == pytest.approx(np.prod(values), abs=1e-8 * scale**2)
    (a, b), (c, d) = A
    assert shown["det_A"] == pytest.approx(a * d - b * c, abs=1e-12)
    # The eigenvectors span a parallelogram whose area A multiplies by |lambda_1 lambda_2|.
    vectors = np.asarray(shown["v_A"])
    np.testing.assert_allclose(A @ vectors.T, vectors.T * np.asarray(shown["lambda_A"]), atol=1e-8)
    before, after = shown["eigen_area"]
    assert before == pytest.approx(abs(shoelace([(0, 0), vectors[0], vectors.sum(0), vectors[1]])))
    assert after == pytest.approx(before * abs(shown["det_A"]), rel=1e-9)
    assert shown["square_area"] == pytest.approx(abs(shoelace(UNIT_SQUARE @ A.T)))
    assert 0.0 in shown["lambda_B"] and shown["det_B"] == pytest.approx(0.0, abs=1e-9)
    scale = max(1.0, float(np.abs(C).max())) ** 3
    np.testing.assert_allclose(
        sorted(shown["lambda_C"]), sorted(np.linalg.eigvals(C).real), atol=1e-8 * scale
    )
    assert shown["det_C"] == pytest.approx(np.linalg.det(C), abs=1e-9 * scale)
    assert shown["product_C"] == pytest.approx(np.linalg.det(C), abs=1e-9 * scale)
    screen = final_screen_text(scene)
    for name in "ABC":
        assert rf"\det {name}" in screen
    for value in (shown["product_A"], shown["product_C"], *shown["lambda_A"], *shown["lambda_C"]):
        assert fmt(value, "eigen") in screen
    assert r"\lambda_1 \lambda_2 \cdots \lambda_n" in screen


class TestDeterminantsAndEigenvalues:
    def test_the_default_matrices_by_hand(self, rendered):
        result = rendered(DET_EIGEN)
        check_determinants_and_eigenvalues(result)
        shown = result.scene.numbers
        assert shown["lambda_A"] == pytest.approx((2.5, 1.0))
        assert shown["det_A"] == 2.5
        assert shown["lambda_B"] == pytest.approx((2.0, 0.0))
        assert shown["lambda_C"] == pytest.approx((4.0, 2.0, 1.0))
        assert shown["det_C"] == 8.0
        assert result.layout_problems == []

    def test_other_matrices_follow(self, rendered, tmp_path, tex_cache):
        inputs = {
            "matrix": ((-1.0, 2.5), (1.5, 0.5)),  # eigenvalues of opposite signs: det < 0
            "singular_row": (-1.5, 0.5),
            "singular_multiple": -2.0,
            "big": ((1.0, 2.0, 0.0), (0.0, -2.0, 1.0), (0.0, 0.0, 3.0)),
        }
        changed = render(variant(scene_class(DET_EIGEN), **inputs), tmp_path, tex_cache)
        check_determinants_and_eigenvalues(changed)
        assert changed.scene.numbers["det_A"] == pytest.approx(-4.25)
        assert changed.layout_problems == []
        assert_frames_differ(rendered(DET_EIGEN), changed)

    @pytest.mark.parametrize(
        ("inputs", "names", "why"),
        [
            ({"matrix": ((0.0, -1.0), (1.0, 0.0))}, "matrix", "complex eigenvalues"),
            ({"matrix": ((2.0, 1.0), (0.0, 2.0))}, "matrix", "two independent eigenvectors"),
            ({"matrix": ((1.0, 2.0), (0.5, 1.0))}, "matrix", "non-zero"),
            ({"singular_row": (0.0, 0.0)}, "singular_row", "zero vector"),
            (
                {"singular_row": (1.0, 2.0), "singular_multiple": -0.5},
                "singular_row, singular_multiple",
                "exactly one zero eigenvalue",
            ),
            (
                {"singular_multiple": 0.125},
                "singular_row, singular_multiple",
                "at most 2 decimals",
            ),
            (
                {"big": ((0.0, -1.0, 0.0), (1.0, 0.0, 0.0), (0.0, 0.0, 1.0))},
                "big",
                "complex eigenvalues",
            ),
            ({"matrix": ((4.0, 0.0), (0.0, 1.0))}, "matrix", "from -3 to 3"),
        ],
    )
    def test_matrices_it_cannot_show_are_refused(self, inputs, names, why):
        message = refused(DET_EIGEN, **inputs)
        assert f"is refused: {names} " in message
        assert why in message
