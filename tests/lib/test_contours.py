"""lib.contours: level sets by marching squares (section 9's contour maps).

Oracles: the circle x^2 + y^2 = r^2 (radius and circumference by hand), the value of f at
every traced point (a quadratic's interpolation error is bounded by hand: |f''| h^2 / 8 along
a cell edge), the saddle x^2 - y^2 = 0 whose level set is the two diagonals, and the minimum
of a positive-definite quadratic, below which a level has no curve.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.contours import contour_map, contour_segments, sample_grid
from lib.errors import EvaluationError, InvalidInputError


def circle(p: np.ndarray) -> float:
    return float(p[0] ** 2 + p[1] ** 2)


def test_a_level_of_x2_plus_y2_is_a_circle_of_its_radius() -> None:
    segments = np.array(contour_segments(circle, (-2, 2), (-2, 2), 1.0, resolution=80))
    radii = np.linalg.norm(segments.reshape(-1, 2), axis=1)
    assert radii == pytest.approx(1.0, abs=2e-3)
    length = np.linalg.norm(segments[:, 1] - segments[:, 0], axis=1).sum()
    assert length == pytest.approx(2 * math.pi, rel=2e-3)


def test_each_segment_lies_in_one_grid_cell() -> None:
    h = 4 / 40
    for a, b in contour_segments(circle, (-2, 2), (-2, 2), 2.0, resolution=40):
        assert abs(a[0] - b[0]) <= h + 1e-12 and abs(a[1] - b[1]) <= h + 1e-12


def test_a_saddle_level_through_its_centre_traces_both_diagonals() -> None:
    def saddle(p: np.ndarray) -> float:
        return float(p[0] ** 2 - p[1] ** 2)

    points = np.array(contour_segments(saddle, (-1, 1), (-1.3, 0.7), 0.0, resolution=20))
    points = points.reshape(-1, 2)
    assert np.abs(np.abs(points[:, 0]) - np.abs(points[:, 1])) == pytest.approx(0, abs=1e-12)
    assert (points[:, 0] * points[:, 1] > 0).any() and (points[:, 0] * points[:, 1] < 0).any()


def test_a_level_below_the_minimum_or_above_every_value_has_no_curve() -> None:
    assert contour_segments(circle, (-1, 1), (-1, 1), -0.5) == ()
    assert contour_segments(circle, (-1, 1), (-1, 1), 10.0) == ()


def test_sample_grid_evaluates_f_at_every_node() -> None:
    xs, ys, values = sample_grid(lambda p: p[0] + 10 * p[1], (0, 1), (0, 2), resolution=4)
    assert xs.tolist() == [0, 0.25, 0.5, 0.75, 1] and ys.tolist() == [0, 0.5, 1, 1.5, 2]
    assert values == pytest.approx(xs[None, :] + 10 * ys[:, None])


@settings(deadline=None, max_examples=30)  # each example samples a 51 x 51 grid
@given(
    a=st.floats(0.2, 5),
    c=st.floats(0.2, 5),
    shear=st.floats(-0.9, 0.9),
    level=st.floats(0.05, 3),
    centre=st.tuples(st.floats(-1, 1), st.floats(-1, 1)),
)
def test_every_traced_point_of_a_quadratic_is_on_its_level_to_the_grids_accuracy(
    a: float, c: float, shear: float, level: float, centre: tuple[float, float]
) -> None:
    b = shear * math.sqrt(a * c)  # positive definite: b^2 < a c
    matrix = np.array([[a, b], [b, c]])

    def bowl(p: np.ndarray) -> float:
        d = p - np.array(centre)
        return float(d @ matrix @ d)

    n, span = 50, 8.0
    segments = contour_segments(bowl, (-4, 4), (-4, 4), level, resolution=n)
    h = span / n
    tolerance = max(a, c) * h * h / 4 + 1e-9  # |f''| h^2 / 8 along an edge, f'' = 2 a or 2 c
    reach = math.sqrt(level / np.linalg.eigvalsh(matrix)[0])  # the ellipse's longest semi-axis
    if reach + 1.5 < 4:  # the whole ellipse is inside the window: the curve exists
        assert segments
    for segment in segments:
        for point in segment:
            assert abs(bowl(np.array(point)) - level) <= tolerance


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x_range": (1, 1)}, r"x_range must run from low to high; got \(1, 1\)"),
        ({"y_range": (0,)}, r"y_range must be \(low, high\)"),
        ({"x_range": (0, math.inf)}, r"x_range\[1\] must be a finite real number"),
        ({"level": math.nan}, "level must be a finite real number"),
        ({"resolution": 1}, "resolution must be an integer >= 2"),
        ({"resolution": 2.5}, "resolution must be an integer >= 2"),
    ],
)
def test_bad_arguments_are_refused_with_their_names(kwargs: dict, message: str) -> None:
    arguments = {"x_range": (-1, 1), "y_range": (-1, 1), "level": 0.5, "resolution": 10}
    arguments.update(kwargs)
    with pytest.raises(InvalidInputError, match=message):
        contour_segments(circle, **arguments)


def test_a_function_that_fails_is_reported_with_the_sample_point() -> None:
    with pytest.raises(EvaluationError, match=r"at x = \[0, 0\]"):
        contour_segments(lambda p: 1 / (p[0] ** 2 + p[1] ** 2), (-1, 1), (-1, 1), 1.0, 2)


def test_contour_map_traces_each_level_as_contour_segments_does() -> None:
    levels = (0.25, 1.0, 2.5)
    traced = contour_map(circle, (-2, 2), (-2, 2), levels, resolution=30)
    assert traced == tuple(contour_segments(circle, (-2, 2), (-2, 2), v, 30) for v in levels)


@pytest.mark.parametrize(
    ("levels", "message"),
    [((), "levels must hold at least one level"), ((1.0, math.inf), r"levels\[1\] must be")],
)
def test_contour_map_refuses_bad_levels_naming_them(levels, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        contour_map(circle, (-1, 1), (-1, 1), levels)
