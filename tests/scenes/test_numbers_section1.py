"""Section 1 scenes show the numbers lib computes for their inputs, and follow changed inputs."""

from __future__ import annotations

import numpy as np
import pytest

from lib import linalg
from lib.errors import InvalidInputError
from scenes.style import fmt, linear_combination, num
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

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


@numbers_check("SheriffAndRobber")
def check_chase(
    result, robber: float | None = None, sheriff: float | None = None, head_start=None
) -> tuple[float, float]:
    scene = result.scene
    robber = scene.robber_speed if robber is None else robber
    sheriff = scene.sheriff_speed if sheriff is None else sheriff
    head_start = scene.head_start if head_start is None else head_start
    shown = scene.numbers
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
    assert linear_combination(((robber, "t"), (-1, "d"))) + " = 0" in screen
    assert linear_combination(((sheriff, "t"), (-1, "d"))) + f" = {num(sheriff * head_start)}" in (
        screen
    )
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
    with pytest.raises(ValueError, match="faster than the robber"):
        render(slower, tmp_path, tex_cache)


# -- SolarPanels --------------------------------------------------------------------------


@numbers_check("SolarPanels")
def check_solar(result, upfront=None, yearly=None) -> tuple[float, float]:
    scene = result.scene
    upfront = scene.upfront if upfront is None else upfront
    yearly = scene.yearly if yearly is None else yearly
    shown = scene.numbers
    A = [(1.0, -per_year) for per_year in yearly]
    b = list(upfront)
    for (coefficients, rhs), row, expected in zip(shown["equations"], A, b, strict=True):
        assert coefficients == pytest.approx(row)
        assert rhs == pytest.approx(expected)
    cost, years = linalg.solve(A, b)
    assert (cost, years) == pytest.approx(tuple(np.linalg.solve(A, b)))  # an independent oracle
    assert years > 0
    assert shown["crossing"] == pytest.approx((years, cost))
    assert shown["summary_crossing"] == pytest.approx((years, cost))
    screen = final_screen_text(result.scene)
    assert rf"\left({num(years)}, {num(cost)}\right)" in screen, "crossing not on the poster"
    for price, per_year in zip(upfront, yearly, strict=True):
        assert linear_combination(((1, "c"), (-per_year, "t"))) + f" = {num(price)}" in screen
    later = scene.models[int(np.argmin(yearly))]
    unit = "year" if fmt(years) == "1" else "years"
    assert f"{later} is cheaper after {fmt(years)} {unit}" in " ".join(screen.split())
    return years, cost


def test_solar_panels_cross_where_lib_solves_the_system(rendered):
    years, cost = check_solar(rendered("SolarPanels"))
    assert (fmt(years), fmt(cost)) == ("10", "7000")
    screen = final_screen_text(rendered("SolarPanels").scene)
    assert r"\left(10, 7000\right)" in screen
    assert "c - 400t = 3000" in screen and "c - 100t = 6000" in screen
    assert "B is cheaper after 10 years" in screen


def test_solar_panels_refuse_lines_that_never_cross(tmp_path, tex_cache):
    never = variant(scene_class("SolarPanels"), yearly=(100.0, 400.0))
    with pytest.raises(ValueError, match="cheaper to run"):
        render(never, tmp_path, tex_cache)


# -- TensorRanks --------------------------------------------------------------------------


@numbers_check("TensorRanks")
def check_ranks(result, shape=None) -> None:
    shape = tuple(int(n) for n in (result.scene.shape if shape is None else shape))
    shown = result.scene.numbers
    example = np.arange(int(np.prod(shape))).reshape(shape)
    expected = [linalg.shape_of(example[(0,) * (4 - r)]) for r in range(5)]
    assert expected == [(), shape[3:], shape[2:], shape[1:], shape]  # numpy's own slicing
    for r, rank_shape in enumerate(expected):
        assert shown[f"shape_{r}"] == rank_shape
    assert shown["summary_shapes"] == tuple(expected)
    screen = compact(final_screen_text(result.scene))
    for r, rank_shape in enumerate(expected):
        assert shape_text(rank_shape) in screen, f"rank {r} shape not on the poster"
        assert f"rank{r}" in screen


def test_tensor_ranks_show_the_shapes_lib_reads(rendered):
    check_ranks(rendered("TensorRanks"), (2, 2, 2, 3))
    assert rendered("TensorRanks").scene.numbers["shape_1"] == (3,)


# -- VectorTransposition ------------------------------------------------------------------


@numbers_check("VectorTransposition")
def check_transposition(result, x=None) -> None:
    x = result.scene.x if x is None else x
    n = len(x[0])
    shown = result.scene.numbers
    column = linalg.transpose(x)
    assert np.array_equal(column, np.asarray(x).T)  # an independent oracle
    assert shown["column"] == pytest.approx(tuple(np.ravel(column)))
    assert shown["x_shape"] == linalg.shape_of(x) == (1, n)
    assert shown["column_shape"] == linalg.shape_of(column) == (n, 1)
    assert shown["back_shape"] == (1, n)
    zero = np.zeros(n)
    assert shown["zero"] == (0.0,) * n
    assert shown["zero_norm"] == linalg.l2_norm(zero) == 0
    with pytest.raises(InvalidInputError) as refusal:
        linalg.normalize(zero)
    assert shown["zero_refusal"] == str(refusal.value)
    screen = final_screen_text(result.scene)
    compacted = compact(screen)
    assert f"shape(1,{n})" in compacted and f"shape({n},1)" in compacted
    for value in np.ravel(column):
        assert fmt(value, "entry") in screen
    assert r"\|\mathbf{0}\|_2 = 0" in screen


def test_transposition_shows_lib_transpose_and_the_zero_vector(rendered):
    result = rendered("VectorTransposition")
    check_transposition(result, ((3.0, -1.0, 4.0),))
    assert result.scene.numbers["column_shape"] == (3, 1)


# -- BasisAndOrthogonality ----------------------------------------------------------------


@numbers_check("BasisAndOrthogonality")
def check_orthogonality(result, u=None, w=None) -> None:
    scene = result.scene
    u = scene.u if u is None else u
    w = scene.w_scale * np.array([-u[1], u[0]]) if w is None else w  # a quarter turn, by hand
    shown = scene.numbers
    assert shown["dot"] == pytest.approx(linalg.dot(u, w), abs=1e-9) == pytest.approx(0.0)
    assert shown["norms"] == pytest.approx((np.linalg.norm(u), np.linalg.norm(w)))
    units = (np.asarray(u) / np.linalg.norm(u), np.asarray(w) / np.linalg.norm(w))
    for shown_unit, unit in zip(shown["units"], units, strict=True):
        assert shown_unit == pytest.approx(tuple(unit))
    assert shown["unit_norms"] == pytest.approx((1.0, 1.0))
    assert shown["unit_dot"] == pytest.approx(0.0, abs=1e-12)
    assert shown["units_orthogonal"] is True
    screen = final_screen_text(result.scene)
    assert f"= {num(shown['dot'])}" in screen
    assert rf"\|u\| = {num(shown['norms'][0], 'norm')}" in screen
    assert rf"\|w\| = {num(shown['norms'][1], 'norm')}" in screen
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
    changed = render(variant(scene_class("BasisAndOrthogonality"), u=u), tmp_path, tex_cache)
    check_orthogonality(changed, u, w)
    assert fmt(changed.scene.numbers["norms"][0], "norm") == "3.16"
    assert_follows(rendered("BasisAndOrthogonality"), changed)


def test_basis_scene_refuses_a_w_too_short_to_show_beside_u(tmp_path, tex_cache):
    short = variant(scene_class("BasisAndOrthogonality"), w_scale=0.1)
    with pytest.raises(ValueError, match="at least a quarter as long as u"):
        render(short, tmp_path, tex_cache)


# -- MatricesAndIndexing ------------------------------------------------------------------


@numbers_check("MatricesAndIndexing")
def check_indexing(result, X=None, i: int | None = None, j: int | None = None) -> None:
    scene = result.scene
    X = np.asarray(scene.X if X is None else X)
    i = int(scene.row_index if i is None else i)
    j = int(scene.column_index if j is None else j)
    shown = scene.numbers
    assert shown["shape"] == linalg.shape_of(X) == X.shape
    assert shown["row"] == tuple(X[i, :]) and shown["row_shape"] == (X.shape[1],)
    assert shown["column"] == tuple(X[:, j]) and shown["column_shape"] == (X.shape[0],)
    assert shown["element"] == X[i, j] and shown["element_shape"] == ()
    screen = final_screen_text(result.scene).splitlines()
    row = r",\ ".join(fmt(v, "entry") for v in X[i, :])
    column = r",\ ".join(fmt(v, "entry") for v in X[:, j])
    for code, value in (
        (f"X[{i}, :]", f"[{row}]"),
        (f"X[:, {j}]", f"[{column}]"),
        (f"X[{i}, {j}]", fmt(X[i, j], "entry")),
    ):
        head = rf"\texttt{{{code}}} ="
        assert head in screen, f"{code} not on the poster"
        assert value in screen, f"{code}'s value {value} not on the poster"


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
    with pytest.raises(ValueError, match="must index a row and a column of X"):
        render(outside, tmp_path, tex_cache)


# -- HigherRankTensors --------------------------------------------------------------------


@numbers_check("HigherRankTensors")
def check_batch(result, shape=None, picked: int | None = None) -> None:
    scene = result.scene
    shape = tuple(int(n) for n in (scene.batch_shape if shape is None else shape))
    picked = int(scene.picked_image if picked is None else picked)
    shown = scene.numbers
    images = np.zeros(shape)
    assert shown["shape"] == linalg.shape_of(images) == shape
    assert shown["image_shape"] == linalg.shape_of(images[0]) == shape[1:]
    assert shown["channel_shape"] == linalg.shape_of(images[0, :, :, 0]) == shape[1:3]
    assert shown["picked_shapes"] == (images[picked].shape, images[picked, :, :, 0].shape)
    assert shown["summary_shape"] == shape
    screen = final_screen_text(scene)
    assert f"shape{shape_text(shape)}" in compact(screen)
    for name in ("batch", "height", "width", "channels"):
        assert name in screen


def test_batch_of_images_shows_the_shapes_lib_reads(rendered):
    check_batch(rendered("HigherRankTensors"), (2, 4, 4, 3), 1)
    assert rendered("HigherRankTensors").scene.numbers["picked_shapes"] == ((4, 4, 3), (4, 4))
