"""Section 5's lessons show the numbers lib computes, follow other inputs and refuse bad ones.

SVDCompression has its own file (test_numbers_svd.py).
"""

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


# -- SingularValueDecomposition -------------------------------------------------------------

SVD = "SingularValueDecomposition"


@numbers_check(SVD)
def check_svd_numbers(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a = np.asarray(scene.matrix, dtype=float)
    expected = linalg.plane_svd(a)
    assert shown["matrix"] == pytest.approx(a)
    np.testing.assert_allclose(shown["vt"], expected.vt)
    np.testing.assert_allclose(shown["u"], expected.u)
    assert shown["sigma"] == pytest.approx(tuple(expected.singular_values))
    assert shown["sigma"] == pytest.approx(tuple(np.linalg.svd(a, compute_uv=False)), abs=1e-9)
    assert shown["vt_degrees"] == pytest.approx(expected.vt_degrees)
    assert shown["u_degrees"] == pytest.approx(expected.u_degrees)
    assert shown["u_reflects"] == expected.u_reflects
    # the three steps land where A sends v_1 and v_2: on A's ellipse, semi-axes sigma_i u_i
    np.testing.assert_allclose(shown["semi_axes"], shown["a_images"], atol=1e-9)
    np.testing.assert_allclose(
        np.linalg.norm(shown["semi_axes"], axis=1), expected.singular_values, atol=1e-9
    )
    screen = final_screen_text(scene)
    s1, s2 = expected.singular_values
    assert rf"\sigma_1 = {num(s1, 'entry')}" in screen
    assert rf"\sigma_2 = {num(s2, 'entry')}" in screen
    for row in (*expected.vt, *expected.u, *a):
        for value in row:
            assert fmt(value, "entry") in screen
    assert rf"{num(expected.u_degrees)}^\circ" in screen or fmt(expected.u_degrees) == "0"


class TestSingularValueDecomposition:
    def test_svd_scene_shows_the_decomposition_lib_computes(self, rendered):
        result = rendered(SVD)
        check_svd_numbers(result)
        shown = result.scene.numbers
        assert fmt(shown["sigma"][0], "entry") == "2.56"
        assert fmt(shown["sigma"][1], "entry") == "0.98"
        assert fmt(shown["vt_degrees"]) == "-58.28"
        assert fmt(shown["u_degrees"]) == "50.15"
        assert not shown["u_reflects"]

    def test_svd_scene_follows_a_matrix_with_a_flip(self, rendered, tmp_path, tex_cache):
        matrix = ((2.0, 1.0), (1.0, -1.0))  # det < 0: U flips, then turns
        changed = render(variant(scene_class(SVD), matrix=matrix), tmp_path, tex_cache)
        check_svd_numbers(changed)
        assert changed.scene.numbers["u_reflects"]
        assert r"\text{flip, }" in final_screen_text(changed.scene)
        assert changed.layout_problems == []
        assert 20 <= changed.duration <= 90
        assert_frames_differ(rendered(SVD), changed)

    def test_svd_scene_refuses_the_zero_matrix_naming_it(self):
        message = refused(SVD, matrix=((0.0, 0.0), (0.0, 0.0)))
        assert "matrix" in message and "zero matrix" in message and "For example" in message

    def test_svd_scene_refuses_entries_outside_its_range_and_tiny_singular_values(self):
        assert "entry (0, 1) = 7.5" in refused(SVD, matrix=((1.0, 7.5), (0.0, 1.0)))
        assert "show as 0" in refused(SVD, matrix=((1.0, 1.0), (1.0, 1.001)))

    def test_svd_scene_accepts_a_singular_matrix(self):
        domain = scene_class(SVD).domain
        assert domain.problems({"matrix": ((1.0, 2.0), (0.5, 1.0))}) == []


# -- RegressionWithPseudoinverse ------------------------------------------------------------

REGRESSION = "RegressionWithPseudoinverse"


@numbers_check(REGRESSION)
def check_regression_numbers(result) -> None:
    scene = result.scene
    shown = scene.numbers
    x, y = linalg.noisy_line(
        scene.slope, scene.intercept, scene.noise, int(scene.count), int(scene.seed), scene.x_range
    )
    assert shown["x"] == pytest.approx(tuple(x))
    assert shown["y"] == pytest.approx(tuple(y))
    X = np.asarray(shown["X"])
    np.testing.assert_array_equal(X[:, 0], x)
    np.testing.assert_array_equal(X[:, 1], np.ones(len(x)))  # the column of ones
    np.testing.assert_allclose(shown["X_pinv"], np.linalg.pinv(X), atol=1e-9)
    slope, intercept = linalg.fit_line_pinv(x, y)
    assert shown["w"] == pytest.approx((slope, intercept))
    # the least-squares oracle: numpy's polyfit of degree 1
    assert shown["w"] == pytest.approx(tuple(np.polyfit(x, y, 1)), abs=1e-9)
    assert shown["fitted"] == pytest.approx(tuple(slope * x + intercept), abs=1e-9)
    screen = final_screen_text(scene)
    m, b = (num(v, "slope") for v in shown["w"])
    assert rf"\begin{{bmatrix}} {m} \\ {b} \end{{bmatrix}}" in screen
    for value in (*x, *y):
        assert fmt(value, "entry") in screen
    assert screen.count("X^+") >= 2  # the pseudoinverse and w = X^+ y


class TestRegressionWithPseudoinverse:
    def test_regression_scene_fits_the_line_lib_computes(self, rendered):
        result = rendered(REGRESSION)
        check_regression_numbers(result)
        m, b = result.scene.numbers["w"]
        assert (fmt(m, "slope"), fmt(b, "slope")) == ("0.76", "1.58")
        assert r"\hat y" in final_screen_text(result.scene)

    def test_regression_scene_follows_other_data(self, rendered, tmp_path, tex_cache):
        other = variant(
            scene_class(REGRESSION),
            slope=-1.25,
            intercept=2.0,
            noise=1.5,
            count=5,
            x_range=(-4.0, 3.5),
            seed=123,
        )
        changed = render(other, tmp_path, tex_cache)
        check_regression_numbers(changed)
        assert changed.scene.numbers["w"][0] < 0
        assert changed.layout_problems == []
        assert 20 <= changed.duration <= 90
        assert_frames_differ(rendered(REGRESSION), changed)

    def test_regression_scene_refuses_impossible_data_naming_the_input(self):
        assert "count" in refused(REGRESSION, count=12)
        assert "noise" in refused(REGRESSION, noise=-0.5)
        message = refused(REGRESSION, x_range=(3.0, 2.0))
        assert "x_range" in message and "at least 1 apart" in message and "(0.0, 5.0)" in message


# -- PrincipalComponentAnalysis -------------------------------------------------------------

PCA = "PrincipalComponentAnalysis"


@numbers_check(PCA)
def check_pca_numbers(result) -> None:
    scene = result.scene
    shown = scene.numbers
    points = linalg.point_cloud(
        int(scene.count), int(scene.seed), scene.spreads, np.radians(scene.angle), scene.centre
    )
    np.testing.assert_allclose(shown["points"], points)
    assert shown["mean"] == pytest.approx(tuple(points.mean(axis=0)))
    np.testing.assert_allclose(shown["covariance"], np.cov(points, rowvar=False), atol=1e-12)
    # the covariance's eigenpairs, by numpy's symmetric solver
    values, vectors = np.linalg.eigh(np.cov(points, rowvar=False))
    assert shown["variances"] == pytest.approx(tuple(values[::-1]), abs=1e-9)
    components = np.asarray(shown["components"])
    for i, column in enumerate((vectors[:, 1], vectors[:, 0])):
        if values[1] - values[0] > 1e-6:  # distinct: the direction is determined
            assert abs(components[i] @ column) == pytest.approx(1.0, abs=1e-6)
    ratio = values[1] / values.sum()
    assert shown["ratio"][0] == pytest.approx(ratio)
    assert shown["summary_ratio"] == pytest.approx(ratio)
    # each projection lies on the line of v_1, at its foot from the centred point
    centred = points - points.mean(axis=0)
    feet = np.outer(centred @ components[0], components[0])
    np.testing.assert_allclose(shown["projected"], feet, atol=1e-9)
    screen = final_screen_text(scene)
    assert fmt(ratio, "ratio") in screen
    assert rf"\lambda_1 = {num(shown['variances'][0], 'eigen')}" in screen
    assert rf"\lambda_2 = {num(shown['variances'][1], 'eigen')}" in screen
    for value in (*np.asarray(shown["covariance"]).flat, *shown["mean"]):
        assert fmt(value, "entry") in screen


class TestPrincipalComponentAnalysis:
    def test_pca_scene_shows_the_components_lib_computes(self, rendered):
        result = rendered(PCA)
        check_pca_numbers(result)
        shown = result.scene.numbers
        assert fmt(shown["ratio"][0], "ratio") == r"93.3\%"
        assert [fmt(v, "eigen") for v in shown["variances"]] == ["3.63", "0.26"]

    def test_pca_scene_follows_another_cloud(self, rendered, tmp_path, tex_cache):
        other = variant(
            scene_class(PCA),
            count=120,
            seed=11,
            spreads=(1.2, 1.0),
            angle=-60.0,
            centre=(-4.0, 3.5),
        )
        changed = render(other, tmp_path, tex_cache)
        check_pca_numbers(changed)
        assert changed.scene.numbers["ratio"][0] < 0.7  # a rounder cloud: less on v_1
        assert changed.layout_problems == []
        assert 20 <= changed.duration <= 90
        assert_frames_differ(rendered(PCA), changed)

    def test_pca_scene_refuses_impossible_clouds_naming_the_input(self):
        assert "count" in refused(PCA, count=1)
        message = refused(PCA, spreads=(2.0, 0.0))
        assert "spreads" in message and "from 0.1 to 3" in message and "(2.0, 0.6)" in message
        assert "angle" in refused(PCA, angle=120.0)


# -- MoorePenrosePseudoinverse --------------------------------------------------------------

PINV = "MoorePenrosePseudoinverse"


@numbers_check(PINV)
def check_pinv_numbers(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a = np.asarray(scene.A, dtype=float)
    m, n = a.shape
    np.testing.assert_array_equal(shown["A"], a)
    u, d, vt = (np.asarray(shown[k]) for k in ("u", "d", "vt"))
    assert u.shape == (m, m) and d.shape == (m, n) and vt.shape == (n, n)
    np.testing.assert_allclose(u @ d @ vt, a, atol=1e-9)
    np.testing.assert_allclose(np.diagonal(d), np.linalg.svd(a, compute_uv=False), atol=1e-9)
    d_plus = np.asarray(shown["d_plus"])
    assert d_plus.shape == (n, m)
    for value, inverted in zip(np.diagonal(d), np.diagonal(d_plus), strict=True):
        assert inverted == (pytest.approx(1 / value) if value > 1e-9 else 0.0)
    np.testing.assert_allclose(shown["pinv"], np.linalg.pinv(a), atol=1e-9)
    np.testing.assert_allclose(shown["pinv"], vt.T @ d_plus @ u.T, atol=1e-12)
    np.testing.assert_allclose(shown["check"], a, atol=1e-9)  # A A^+ A = A
    screen = final_screen_text(scene)
    for value in (*np.asarray(shown["pinv"]).flat, *d_plus.flat, *a.flat):
        assert fmt(value, "entry") in screen
    assert r"A\ \checkmark" in screen


class TestMoorePenrosePseudoinverse:
    def test_pinv_scene_shows_the_factors_lib_computes(self, rendered):
        result = rendered(PINV)
        check_pinv_numbers(result)
        pinv = result.scene.numbers["pinv"]
        assert [fmt(v, "entry") for v in pinv[0]] == ["0.42", "0.17", "-0.08"]

    def test_pinv_scene_follows_a_wide_rank_one_matrix(self, rendered, tmp_path, tex_cache):
        wide = ((1.5, -3.0, 0.5), (-0.75, 1.5, -0.25))  # rank 1: one singular value is 0
        changed = render(variant(scene_class(PINV), A=wide), tmp_path, tex_cache)
        check_pinv_numbers(changed)
        assert np.asarray(changed.scene.numbers["d_plus"])[1, 1] == 0.0
        assert changed.layout_problems == []
        assert 20 <= changed.duration <= 90
        assert_frames_differ(rendered(PINV), changed)

    def test_pinv_scene_refuses_a_square_or_zero_matrix_naming_it(self):
        message = refused(PINV, A=((1.0, 2.0), (3.0, 4.0)))
        assert "A" in message and "must not be square" in message and "For example" in message
        assert "zero matrix" in refused(PINV, A=((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)))
        assert "rows" in refused(PINV, A=((1.0,), (2.0,), (3.0,), (4.0,)))


# -- TraceOperator --------------------------------------------------------------------------

TRACE = "TraceOperator"


@numbers_check(TRACE)
def check_trace_numbers(result) -> None:
    scene = result.scene
    shown = scene.numbers
    a = np.asarray(scene.A, dtype=float)
    np.testing.assert_array_equal(shown["A"], a)
    assert shown["diagonal"] == tuple(np.diagonal(a))
    assert shown["trace"] == pytest.approx(np.trace(a))
    eigenvalues = np.linalg.eigvals(a)
    assert shown["eigenvalues"] == pytest.approx(tuple(sorted(eigenvalues.real, reverse=True)))
    scale = max(1.0, float(np.abs(a).max()))
    assert shown["eigen_sum"] == pytest.approx(np.trace(a), abs=1e-9 * scale)
    np.testing.assert_allclose(shown["gram"], a @ a.T)
    assert shown["gram_trace"] == pytest.approx(np.sum(a**2))
    assert shown["squares"] == pytest.approx(np.sum(a**2))
    assert shown["frobenius"] == pytest.approx(np.linalg.norm(a, "fro"))
    assert shown["frobenius"] == pytest.approx(np.sqrt(shown["gram_trace"]))
    screen = final_screen_text(scene)
    assert r"\mathrm{tr}(A) = " in screen and num(np.trace(a), "entry") in screen
    assert num(shown["eigen_sum"], "eigen") in screen
    assert rf"\sqrt{{{num(shown['gram_trace'], 'entry')}}}" in screen
    assert num(shown["frobenius"], "norm") in screen


class TestTraceOperator:
    def test_trace_scene_shows_the_identities_lib_computes(self, rendered):
        result = rendered(TRACE)
        check_trace_numbers(result)
        shown = result.scene.numbers
        assert fmt(shown["trace"], "entry") == "6"
        assert [fmt(v, "eigen") for v in shown["eigenvalues"]] == ["3", "2.37", "0.63"]
        assert fmt(shown["frobenius"], "norm") == "4.61"

    def test_trace_scene_follows_a_matrix_with_a_negative_trace(
        self, rendered, tmp_path, tex_cache
    ):
        other = ((1.5, -2.0), (-0.5, -3.25))
        changed = render(variant(scene_class(TRACE), A=other), tmp_path, tex_cache)
        check_trace_numbers(changed)
        assert r"\mathrm{tr}(A) = 1.5 - 3.25 = {-1.75}" in final_screen_text(changed.scene)
        assert changed.layout_problems == []
        assert 20 <= changed.duration <= 90
        assert_frames_differ(rendered(TRACE), changed)

    def test_trace_scene_refuses_a_non_square_or_rotating_matrix_naming_it(self):
        message = refused(TRACE, A=((1.0, 2.0, 3.0), (4.0, 5.0, 0.5)))
        assert "A" in message and "must be square" in message and "For example" in message
        assert "complex eigenvalues" in refused(TRACE, A=((0.0, -1.0), (1.0, 0.0)))
