"""Section 1 scenes show the numbers lib computes for their inputs, and follow changed inputs."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from lib.errors import InvalidInputError
from scenes.style import fmt, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import assert_frames_differ, final_screen_text, render, variant

pytestmark = pytest.mark.render


def compact(screen: str) -> str:
    """The screen's TeX without spaces, ``{,}`` as a comma: ``shape(2,4,4,3)``, ``(3,)``."""
    return screen.replace(r"\text{shape}\;", "shape").replace(" ", "").replace("{,}", ",")


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape as numpy prints it, without spaces: ``(3,)``, ``(2,3)``."""
    return str(tuple(shape)).replace(" ", "")


def assert_follows(original, changed) -> None:
    """A variant renders cleanly, at lesson length, to a poster of its own."""
    assert changed.layout_problems == []
    assert 20 <= changed.duration <= 90
    assert_frames_differ(original, changed)


# -- SheriffAndRobber ---------------------------------------------------------------------


def check_chase(result, robber: float, sheriff: float, head_start: float) -> tuple[float, float]:
    shown = result.scene.numbers
    A = ((robber, -1.0), (sheriff, -1.0))
    b = (0.0, sheriff * head_start)  # each line speed t - d = speed start, worked by hand
    for (coefficients, rhs), row, expected in zip(shown["equations"], A, b, strict=True):
        assert coefficients == pytest.approx(row)
        assert rhs == pytest.approx(expected)
    t, d = shown["catch"]
    assert (t, d) == pytest.approx(tuple(linalg.solve(A, b)))
    assert (t, d) == pytest.approx(tuple(np.linalg.solve(A, b)))  # an independent oracle
    assert shown["collected"] == pytest.approx((sheriff - robber, sheriff * head_start))
    assert shown["summary_catch"] == pytest.approx((t, d))
    screen = final_screen_text(result.scene)
    assert rf"\left({num(t)}, {num(d)}\right)" in screen, "catch point not on the poster"
    assert rf"t = {num(t)}\ \text{{min}}" in screen and rf"d = {num(d)}\ \text{{km}}" in screen
    assert f"{fmt(robber)}t - d = 0" in screen
    assert f"{fmt(sheriff)}t - d = {fmt(sheriff * head_start)}" in screen
    return t, d


def test_sheriff_catches_the_robber_where_lib_solves_the_system(rendered):
    t, d = check_chase(rendered("SheriffAndRobber"), 2.5, 3.0, 5.0)
    assert (fmt(t), fmt(d)) == ("30", "75")


def test_sheriff_scene_follows_other_speeds(rendered, tmp_path, tex_cache):
    cls = variant(scene_class("SheriffAndRobber"), robber_speed=2.0, head_start=8.0)
    changed = render(cls, tmp_path, tex_cache)
    t, d = check_chase(changed, 2.0, 3.0, 8.0)
    assert (fmt(t), fmt(d)) == ("24", "48")
    assert_follows(rendered("SheriffAndRobber"), changed)


def test_a_sheriff_slower_than_the_robber_is_refused(tmp_path, tex_cache):
    slower = variant(scene_class("SheriffAndRobber"), robber_speed=3.0, sheriff_speed=2.5)
    with pytest.raises(ValueError, match="outside the time axis"):
        render(slower, tmp_path, tex_cache)


# -- SolarPanels --------------------------------------------------------------------------


def test_solar_panels_cross_where_lib_solves_the_system(rendered):
    result = rendered("SolarPanels")
    cls = scene_class("SolarPanels")
    shown = result.scene.numbers
    A = [(1.0, -per_year) for per_year in cls.yearly]
    b = list(cls.upfront)
    for (coefficients, rhs), row, expected in zip(shown["equations"], A, b, strict=True):
        assert coefficients == pytest.approx(row)
        assert rhs == pytest.approx(expected)
    cost, years = linalg.solve(A, b)
    assert shown["crossing"] == pytest.approx((years, cost))
    assert shown["summary_crossing"] == pytest.approx((years, cost))
    assert (fmt(years), fmt(cost)) == ("10", "7000")
    screen = final_screen_text(result.scene)
    assert r"\left(10, 7000\right)" in screen
    assert "c - 400t = 3000" in screen and "c - 100t = 6000" in screen
    assert "B is cheaper after 10 years" in screen


# -- TensorRanks --------------------------------------------------------------------------


def test_tensor_ranks_show_the_shapes_lib_reads(rendered):
    result = rendered("TensorRanks")
    shown = result.scene.numbers
    example = np.arange(24).reshape(2, 2, 2, 3)
    expected = [linalg.shape_of(example[(0,) * (4 - r)]) for r in range(5)]
    assert expected == [(), (3,), (2, 3), (2, 2, 3), (2, 2, 2, 3)]
    for r, shape in enumerate(expected):
        assert shown[f"shape_{r}"] == shape
    assert shown["summary_shapes"] == tuple(expected)
    screen = compact(final_screen_text(result.scene))
    for r, shape in enumerate(expected):
        assert shape_text(shape) in screen, f"rank {r} shape not on the poster"
        assert f"rank{r}" in screen


# -- VectorTransposition ------------------------------------------------------------------


def test_transposition_shows_lib_transpose_and_the_zero_vector(rendered):
    result = rendered("VectorTransposition")
    x = scene_class("VectorTransposition").x
    shown = result.scene.numbers
    column = linalg.transpose(x)
    assert shown["column"] == pytest.approx(tuple(np.ravel(column)))
    assert shown["x_shape"] == linalg.shape_of(x) == (1, 3)
    assert shown["column_shape"] == linalg.shape_of(column) == (3, 1)
    assert shown["back_shape"] == (1, 3)
    zero = np.zeros(3)
    assert shown["zero"] == (0.0, 0.0, 0.0)
    assert shown["zero_norm"] == linalg.l2_norm(zero) == 0
    with pytest.raises(InvalidInputError) as refusal:
        linalg.normalize(zero)
    assert shown["zero_refusal"] == str(refusal.value)
    screen = final_screen_text(result.scene)
    compacted = compact(screen)
    assert "shape(1,3)" in compacted and "shape(3,1)" in compacted
    for value in np.ravel(column):
        assert fmt(value, "entry") in screen
    assert r"\|\mathbf{0}\|_2 = 0" in screen


# -- BasisAndOrthogonality ----------------------------------------------------------------


def check_orthogonality(result, u, w) -> None:
    shown = result.scene.numbers
    assert shown["dot"] == pytest.approx(linalg.dot(u, w)) == pytest.approx(0.0)
    assert shown["norms"] == pytest.approx((linalg.l2_norm(u), linalg.l2_norm(w)))
    units = (linalg.unit_vector(u), linalg.unit_vector(w))
    for shown_unit, unit in zip(shown["units"], units, strict=True):
        assert shown_unit == pytest.approx(tuple(unit))
    assert shown["unit_norms"] == pytest.approx((1.0, 1.0))
    assert shown["unit_dot"] == pytest.approx(0.0, abs=1e-12)
    assert shown["units_orthogonal"] is True
    screen = final_screen_text(result.scene)
    assert f"= {num(shown['dot'])}" in screen
    assert rf"\|u\| = {num(shown['norms'][0], 'norm')}" in screen
    for unit in shown["units"]:
        for component in unit:
            assert num(component, "coordinate") in screen
    assert "orthonormal = orthogonal + length 1" in screen


def test_basis_scene_shows_lib_dot_products_and_norms(rendered):
    result = rendered("BasisAndOrthogonality")
    check_orthogonality(result, (2.0, 1.0), (-1.0, 2.0))
    assert fmt(result.scene.numbers["norms"][0], "norm") == "2.24"


def test_basis_scene_follows_another_orthogonal_pair(rendered, tmp_path, tex_cache):
    u, w = (3.0, 1.0), (-1.0, 3.0)
    changed = render(variant(scene_class("BasisAndOrthogonality"), u=u, w=w), tmp_path, tex_cache)
    check_orthogonality(changed, u, w)
    assert fmt(changed.scene.numbers["norms"][0], "norm") == "3.16"
    assert_follows(rendered("BasisAndOrthogonality"), changed)


def test_basis_scene_refuses_vectors_that_are_not_orthogonal(tmp_path, tex_cache):
    skew = variant(scene_class("BasisAndOrthogonality"), w=(1.0, 1.0))
    with pytest.raises(ValueError, match="must be orthogonal"):
        render(skew, tmp_path, tex_cache)


# -- MatricesAndIndexing ------------------------------------------------------------------


def check_indexing(result, X, i: int, j: int) -> None:
    shown = result.scene.numbers
    X = np.asarray(X)
    assert shown["shape"] == linalg.shape_of(X)
    assert shown["row"] == tuple(X[i, :]) and shown["row_shape"] == (X.shape[1],)
    assert shown["column"] == tuple(X[:, j]) and shown["column_shape"] == (X.shape[0],)
    assert shown["element"] == X[i, j] and shown["element_shape"] == ()
    screen = final_screen_text(result.scene)
    row = r",\ ".join(fmt(v, "entry") for v in X[i, :])
    column = r",\ ".join(fmt(v, "entry") for v in X[:, j])
    assert rf"\texttt{{X[{i}, :]}} = [{row}]" in screen
    assert rf"\texttt{{X[:, {j}]}} = [{column}]" in screen
    assert rf"\texttt{{X[{i}, {j}]}} = {fmt(X[i, j], 'entry')}" in screen


def test_indexing_scene_picks_numpy_row_column_and_element(rendered):
    cls = scene_class("MatricesAndIndexing")
    check_indexing(rendered("MatricesAndIndexing"), cls.X, 1, 2)


def test_indexing_scene_follows_another_matrix_and_indices(rendered, tmp_path, tex_cache):
    X = ((1.0, 5.0, 9.0), (3.0, 8.0, 2.0), (7.0, 4.0, 6.0), (0.0, 2.0, 5.0))
    cls = variant(scene_class("MatricesAndIndexing"), X=X, row_index=3, column_index=0)
    changed = render(cls, tmp_path, tex_cache)
    check_indexing(changed, X, 3, 0)
    assert_follows(rendered("MatricesAndIndexing"), changed)


def test_indexing_scene_refuses_an_index_outside_the_matrix(tmp_path, tex_cache):
    outside = variant(scene_class("MatricesAndIndexing"), row_index=3)
    with pytest.raises(ValueError, match="row_index must be"):
        render(outside, tmp_path, tex_cache)


# -- HigherRankTensors --------------------------------------------------------------------


def test_batch_of_images_shows_the_shapes_lib_reads(rendered):
    result = rendered("HigherRankTensors")
    shown = result.scene.numbers
    images = np.zeros((2, 4, 4, 3))
    assert shown["shape"] == linalg.shape_of(images) == (2, 4, 4, 3)
    assert shown["image_shape"] == linalg.shape_of(images[0]) == (4, 4, 3)
    assert shown["channel_shape"] == linalg.shape_of(images[0, :, :, 0]) == (4, 4)
    assert shown["picked_shapes"] == ((4, 4, 3), (4, 4))
    assert shown["summary_shape"] == (2, 4, 4, 3)
    screen = final_screen_text(result.scene)
    assert "shape(2,4,4,3)" in compact(screen)
    for name in ("batch", "height", "width", "channels"):
        assert name in screen
