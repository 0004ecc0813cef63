"""Section 3, Matrix Properties: each scene shows the numbers lib computes, follows other
inputs, and refuses inputs outside its domain by name."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from lib.errors import SingularMatrixError
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


def flat(screen: str) -> str:
    """The screen's text with every run of spaces and line breaks as one space."""
    return " ".join(screen.split())


# -- MatrixInversion ---------------------------------------------------------------------

INVERSION = "MatrixInversion"


@numbers_check(INVERSION)
def check_inversion(result) -> None:
    scene = result.scene
    X, y = np.asarray(scene.X), np.asarray(scene.y)
    shown = scene.numbers
    inverse = np.linalg.inv(X)  # numpy as the oracle
    np.testing.assert_allclose(shown["inverse"], linalg.inverse(X))
    np.testing.assert_allclose(shown["inverse"], inverse, atol=1e-9)
    np.testing.assert_allclose(shown["identity"], np.eye(2), atol=1e-9)
    assert shown["determinant"] == pytest.approx(np.linalg.det(X))
    np.testing.assert_allclose(shown["w"], np.linalg.solve(X, y), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(shown["check"], y, atol=1e-9)
    column = np.asarray(scene.singular_column)
    singular = np.column_stack([column, scene.parallel_ratio * column])
    np.testing.assert_allclose(shown["singular"], singular)
    assert shown["singular_determinant"] == pytest.approx(linalg.determinant(singular))
    assert abs(shown["singular_determinant"]) <= 1e-12 * max(1.0, np.abs(singular).max()) ** 2
    with pytest.raises(SingularMatrixError) as refusal:
        linalg.inverse(singular)
    assert shown["refusal"] == str(refusal.value)
    assert "parallel" in shown["refusal"]
    screen = final_screen_text(scene)
    for value in shown["w"]:
        assert fmt(value, "entry") in screen
    assert rf"\det X = {num(shown['determinant'])}" in flat(screen)
    assert rf"\det X = {num(shown['singular_determinant'])}" in flat(screen)
    assert "parallel columns: no inverse" in screen
    for value in np.ravel(singular):
        assert fmt(value, "entry") in screen


def test_matrix_inversion_solves_for_w_and_shows_lib_s_refusal(rendered):
    result = rendered(INVERSION)
    check_inversion(result)
    shown = result.scene.numbers
    assert [fmt(v) for v in shown["w"]] == ["0.8", "1.4"]  # 2(0.8) + 1.4 = 3, 0.8 + 3(1.4) = 5
    assert "columns 1 and 2 are parallel (column 2 = 3 times column 1)" in shown["refusal"]


def test_matrix_inversion_follows_other_inputs(rendered, tmp_path, tex_cache):
    other = {
        "X": ((-1.5, 4.0), (2.25, -0.5)),
        "y": (-7.25, 9.5),
        "singular_column": (-2.5, 1.25),
        "parallel_ratio": -0.4,
    }
    changed = render(variant(scene_class(INVERSION), **other), tmp_path, tex_cache)
    check_inversion(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(INVERSION), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"X": ((1.0, 2.0), (2.0, 4.0))}, "X", "must be invertible"),
        ({"X": ((1.0, 0.0), (0.0, 0.05))}, "X", "det X"),
        ({"singular_column": (0.0, 0.0)}, "singular_column", "must not be the zero vector"),
        (
            {"singular_column": (0.01, 0.01), "parallel_ratio": 0.1},
            "singular_column, parallel_ratio",
            "shows on screen",
        ),
        ({"parallel_ratio": 0.0}, "parallel_ratio", "not 0"),
        ({"y": (1.0, 2.0, 3.0)}, "y", "2 entries"),
    ],
)
def test_matrix_inversion_refuses_inputs_it_cannot_teach_by_name(inputs, names, why):
    message = refused(INVERSION, **inputs)
    assert f"is refused: {names} " in message
    assert why in message
    assert "For example:" in message


# -- FrobeniusNorm -----------------------------------------------------------------------

FROBENIUS = "FrobeniusNorm"


@numbers_check(FROBENIUS)
def check_frobenius(result) -> None:
    scene = result.scene
    A = np.asarray(scene.A, dtype=float)
    shown = scene.numbers
    norm = np.linalg.norm(A, "fro")  # numpy as the oracle
    assert shown["frobenius"] == pytest.approx(norm, rel=1e-12, abs=1e-12)
    assert shown["frobenius"] == linalg.frobenius_norm(A)
    np.testing.assert_allclose(shown["squares"], A**2)
    np.testing.assert_allclose(shown["row_sums"], (A**2).sum(axis=1))
    assert shown["sum_of_squares"] == pytest.approx(float((A**2).sum()))
    assert shown["frobenius"] == pytest.approx(np.sqrt(shown["sum_of_squares"]), abs=1e-12)
    assert shown["flattened"] == tuple(A.ravel())
    assert shown["flat_l2"] == pytest.approx(norm, rel=1e-12, abs=1e-12)
    assert shown["flat_squared_l2"] == pytest.approx(shown["sum_of_squares"])
    screen = flat(final_screen_text(scene))
    assert rf"\sqrt{{{num(shown['sum_of_squares'], 'norm')}}} = {num(norm, 'norm')}" in screen
    for value in A.ravel():
        assert fmt(value, "entry") in screen


def test_frobenius_norm_shows_the_norm_lib_computes(rendered):
    result = rendered(FROBENIUS)
    check_frobenius(result)
    shown = result.scene.numbers
    assert shown["sum_of_squares"] == 34.0  # 9 + 1 + 4 + 0 + 16 + 4
    assert fmt(shown["frobenius"], "norm") == "5.83"


def test_frobenius_norm_follows_another_matrix(rendered, tmp_path, tex_cache):
    other = ((-9.99, 2.5, 0.25), (7.75, -0.01, 6.0), (-3.5, 9.99, -8.12))
    changed = render(variant(scene_class(FROBENIUS), A=other), tmp_path, tex_cache)
    check_frobenius(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(FROBENIUS), changed)


@pytest.mark.parametrize(
    ("A", "why"),
    [
        (((1.0, 2.0, 3.0, 4.0),), "must have 1 to 3 columns, not 4"),
        (((10.5, 0.0),), "must lie from -10 to 10"),
        (((1.0, 2.0), (3.0,)), "rows of one length"),
        ("A", "tuple of rows"),
    ],
)
def test_frobenius_norm_refuses_a_matrix_outside_its_domain_by_name(A, why):
    message = refused(FROBENIUS, A=A)
    assert "is refused: A " in message
    assert why in message


# -- SymmetricAndIdentity ----------------------------------------------------------------

SYMMETRIC = "SymmetricAndIdentity"


def symmetric_from(diagonal, above) -> np.ndarray:
    """The symmetric matrix with ``diagonal`` and ``above`` mirrored, built independently."""
    n = len(diagonal)
    upper = np.zeros((n, n))
    upper[np.triu_indices(n, 1)] = above
    return np.diag(diagonal) + upper + upper.T


@numbers_check(SYMMETRIC)
def check_symmetric(result) -> None:
    scene = result.scene
    shown = scene.numbers
    S = symmetric_from(scene.diagonal, scene.above_diagonal)
    np.testing.assert_array_equal(shown["S"], S)
    np.testing.assert_array_equal(shown["S_T"], S.T)
    np.testing.assert_array_equal(shown["S_T"], shown["S"])
    assert shown["symmetric"] is True
    n = len(scene.v)
    np.testing.assert_array_equal(shown["identity"], np.eye(n))
    np.testing.assert_allclose(shown["I_v"], scene.v)
    assert shown["identity_symmetric"] is True
    screen = flat(final_screen_text(scene))
    assert "S^{T} = S" in screen
    assert "I v = v" in screen
    for value in np.ravel(S):
        assert fmt(value, "entry") in screen
    for value in scene.v:
        assert fmt(value, "entry") in screen


def test_symmetric_and_identity_shows_what_lib_finds(rendered):
    result = rendered(SYMMETRIC)
    check_symmetric(result)
    assert result.scene.numbers["S"][0] == (2.0, 4.0, 0.5)


def test_symmetric_and_identity_follows_other_inputs(rendered, tmp_path, tex_cache):
    other = {"diagonal": (-9.99, 0.25), "above_diagonal": (7.5,), "v": (-1.25, 9.99, -0.01)}
    changed = render(variant(scene_class(SYMMETRIC), **other), tmp_path, tex_cache)
    check_symmetric(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(SYMMETRIC), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"above_diagonal": (1.0,)}, "diagonal, above_diagonal", "a 3 x 3 has 3"),
        ({"diagonal": (1.0, 2.0, 3.0, 4.0)}, "diagonal", "2 to 3 entries"),
        ({"v": (1.0,)}, "v", "2 to 3 entries"),
        ({"v": (1.0, 20.0)}, "v", "from -10 to 10"),
    ],
)
def test_symmetric_and_identity_refuses_inputs_by_name(inputs, names, why):
    message = refused(SYMMETRIC, **inputs)
    assert f"is refused: {names} " in message
    assert why in message


# -- DiagonalMatrices --------------------------------------------------------------------

DIAGONAL = "DiagonalMatrices"


@numbers_check(DIAGONAL)
def check_diagonal(result) -> None:
    scene = result.scene
    shown = scene.numbers
    d, v = np.asarray(scene.diagonal, dtype=float), np.asarray(scene.v, dtype=float)
    np.testing.assert_array_equal(shown["D"], np.diag(d))
    np.testing.assert_allclose(shown["basis_images"], np.diag(d))  # rows: D e1, D e2
    np.testing.assert_allclose(shown["D_v"], d * v)
    np.testing.assert_allclose(shown["D_inverse"], np.diag(1 / d), rtol=1e-12)
    np.testing.assert_allclose(shown["back"], v, rtol=1e-12, atol=1e-12)
    screen = flat(final_screen_text(scene))
    assert r"\mathrm{diag}(" + ", ".join(num(x) for x in d) + ")" in screen
    assert r"\mathrm{diag}(" + ", ".join(num(x) for x in 1 / d) + ")" in screen
    assert ", ".join(num(x) for x in d * v) in screen


def test_diagonal_matrices_show_what_lib_computes(rendered):
    result = rendered(DIAGONAL)
    check_diagonal(result)
    assert result.scene.numbers["D_v"] == (3.0, 1.0)
    assert result.scene.numbers["D_inverse"] == ((0.5, 0.0), (0.0, 2.0))


def test_diagonal_matrices_follow_other_inputs(rendered, tmp_path, tex_cache):
    other = {"diagonal": (-2.5, 0.25), "v": (-3.0, 2.75)}
    changed = render(variant(scene_class(DIAGONAL), **other), tmp_path, tex_cache)
    check_diagonal(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(DIAGONAL), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"diagonal": (2.0, 0.0)}, "diagonal", "at least 0.25 in size"),
        ({"diagonal": (0.1, 1.0)}, "diagonal", "has an inverse"),
        ({"v": (0.0, 0.0)}, "v", "must not be the zero vector"),
        ({"v": (0.2, -0.3)}, "v", "at least 0.5 long"),
        ({"diagonal": (1.0, 2.0, 3.0)}, "diagonal", "2 entries"),
    ],
)
def test_diagonal_matrices_refuse_inputs_by_name(inputs, names, why):
    message = refused(DIAGONAL, **inputs)
    assert f"is refused: {names} " in message
    assert why in message


# -- OrthogonalMatrices ------------------------------------------------------------------

ORTHOGONAL = "OrthogonalMatrices"


@numbers_check(ORTHOGONAL)
def check_orthogonal(result) -> None:
    scene = result.scene
    shown = scene.numbers
    theta = np.deg2rad(scene.angle)
    Q = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    u = np.asarray(scene.u, dtype=float)
    w = np.array([-u[1], u[0]])
    np.testing.assert_allclose(shown["Q"], Q, atol=1e-12)
    np.testing.assert_allclose(shown["w"], w)
    np.testing.assert_allclose(shown["Q_u"], Q @ u, atol=1e-12)
    np.testing.assert_allclose(shown["Q_w"], Q @ w, atol=1e-12)
    length = np.hypot(*u)
    for name in ("u", "Qu", "w", "Qw"):
        assert shown["lengths"][name] == pytest.approx(length, rel=1e-12)
    assert shown["angle_before"] == pytest.approx(90.0)
    assert shown["angle_after"] == pytest.approx(90.0, abs=1e-6)
    np.testing.assert_allclose(shown["QtQ"], np.eye(2), atol=1e-12)
    assert shown["orthogonal"] is True
    np.testing.assert_allclose(shown["Q_T"], Q.T, atol=1e-12)
    np.testing.assert_allclose(shown["Q_inverse"], np.linalg.inv(Q), atol=1e-12)
    np.testing.assert_allclose(shown["Q_inverse"], shown["Q_T"], atol=1e-12)
    screen = flat(final_screen_text(scene))
    assert rf"\|Qu\| = \|u\| = {num(length, 'norm')}" in screen
    assert r"\angle(Qu, Qw) = 90^\circ" in screen
    assert "Q^{-1} = Q^{T}" in screen
    for value in np.ravel(Q):
        assert fmt(value, "entry") in screen


def test_orthogonal_matrices_show_what_lib_computes(rendered):
    result = rendered(ORTHOGONAL)
    check_orthogonal(result)
    assert [fmt(x) for x in np.ravel(result.scene.numbers["Q"])] == ["0.87", "-0.5", "0.5", "0.87"]


def test_orthogonal_matrices_follow_other_inputs(rendered, tmp_path, tex_cache):
    other = {"angle": -135.5, "u": (-3.25, 0.75)}
    changed = render(variant(scene_class(ORTHOGONAL), **other), tmp_path, tex_cache)
    check_orthogonal(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered(ORTHOGONAL), changed)


@pytest.mark.parametrize(
    ("inputs", "names", "why"),
    [
        ({"u": (0.2, 0.2)}, "u", "at least 0.5 long"),
        ({"u": (0.0, 0.0)}, "u", "must not be the zero vector"),
        ({"angle": 0.0}, "angle", "must not be 0"),
        ({"angle": 270.0}, "angle", "from -180 to 180"),
    ],
)
def test_orthogonal_matrices_refuse_inputs_by_name(inputs, names, why):
    message = refused(ORTHOGONAL, **inputs)
    assert f"is refused: {names} " in message
    assert why in message
