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
