"""Section 2, Tensor Operations: every scene shows the numbers lib computes for its inputs.

Substitution, elimination and the dot product are also rendered with other inputs, as a
lecturer would change them: the new numbers are shown, the layout holds, the poster changes.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lib import linalg
from scenes.s02_tensor_operations.shared import equation_tex
from scenes.style import fmt, fmt_vector, num, shape_tex
from tests.scenes.conftest import scene_class
from tests.scenes.harness import assert_frames_differ, final_screen_text, render, variant

pytestmark = pytest.mark.render


def as_rows(values) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(v) for v in row) for row in np.atleast_2d(values))


# -- MatrixTransposition ----------------------------------------------------------------


def test_transposition_shows_the_transpose_lib_computes(rendered):
    result = rendered("MatrixTransposition")
    cls = scene_class("MatrixTransposition")
    shown = result.scene.numbers
    expected = linalg.transpose(cls.A)
    assert shown["A_T"] == as_rows(expected)
    assert shown["shape_A"] == linalg.shape_of(np.asarray(cls.A)) == (2, 3)
    assert shown["shape_A_T"] == linalg.shape_of(expected) == (3, 2)
    i, j = cls.followed
    assert shown["followed"] == expected[j][i] == cls.A[i][j]
    screen = final_screen_text(result.scene)
    assert shape_tex(shown["shape_A"]) in screen and shape_tex(shown["shape_A_T"]) in screen
    assert rf"(A^T)_{{{j + 1}{i + 1}}} = A_{{{i + 1}{j + 1}}} = {num(cls.A[i][j])}" in screen
    for value in np.ravel(expected):
        assert fmt(value, "entry") in screen


# -- TensorArithmetic -------------------------------------------------------------------


def test_tensor_arithmetic_shows_the_elementwise_results_lib_computes(rendered):
    result = rendered("TensorArithmetic")
    cls = scene_class("TensorArithmetic")
    shown = result.scene.numbers
    assert shown["A_plus_c"] == as_rows(linalg.add_scalar(cls.A, cls.c))
    assert shown["c_times_A"] == as_rows(linalg.scale(cls.A, cls.c))
    assert shown["A_plus_B"] == as_rows(linalg.add(cls.A, cls.B))
    assert shown["A_hadamard_B"] == as_rows(linalg.hadamard(cls.A, cls.B))
    assert shown["A_hadamard_B"] == ((8.0, -1.0), (0.0, 15.0))
    screen = final_screen_text(result.scene)
    lines = screen.split("\n")
    for name in ("A_plus_c", "c_times_A", "A_plus_B", "A_hadamard_B"):
        for value in np.ravel(shown[name]):
            assert fmt(value, "entry") in lines, f"{name} entry {value} not on the poster"
    assert r"A \odot B =" in screen and "A * B" in screen


# -- Reduction --------------------------------------------------------------------------


def test_reduction_shows_the_sums_lib_computes_along_each_axis(rendered):
    result = rendered("Reduction")
    A = scene_class("Reduction").A
    shown = result.scene.numbers
    assert shown["total"] == shown["summary_total"] == linalg.reduce_sum(A) == 23
    assert shown["axis_0"] == tuple(linalg.reduce_sum(A, axis=0)) == (4, 6, 13)
    assert shown["axis_1"] == tuple(linalg.reduce_sum(A, axis=1)) == (8, 15)
    assert shown["shape_axis_0"] == (3,) and shown["shape_axis_1"] == (2,)
    screen = final_screen_text(result.scene)
    assert "4 + 6 + 13 = 23" in screen and "8 + 15 = 23" in screen
    for code in ("A.sum()", "A.sum(axis=0)", "A.sum(axis=1)", "shape (3,)", "shape (2,)"):
        assert code in screen


# -- DotProduct -------------------------------------------------------------------------


def check_dot_product(result, u, v) -> None:
    shown = result.scene.numbers
    assert (shown["u"], shown["v"]) == (tuple(u), tuple(v))
    assert shown["products"] == tuple(linalg.hadamard(u, v))
    assert shown["dot"] == pytest.approx(linalg.dot(u, v))
    assert shown["norm_u"] == pytest.approx(linalg.l2_norm(u))
    assert shown["norm_v"] == pytest.approx(linalg.l2_norm(v))
    assert shown["angle_degrees"] == pytest.approx(math.degrees(linalg.angle_between(u, v)))
    assert shown["scalar_projection"] == pytest.approx(linalg.scalar_projection(u, v))
    assert shown["projection"] == pytest.approx(tuple(linalg.projection(u, v)))
    screen = final_screen_text(result.scene)
    assert f"= {num(shown['dot'])}" in screen
    assert f"= {num(shown['angle_degrees'])}^\\circ" in screen
    assert f"= {num(shown['scalar_projection'], 'norm')}" in screen
    assert fmt_vector(shown["projection"], "coordinate") in screen


def test_dot_product_shows_the_products_angle_and_projection_lib_computes(rendered):
    result = rendered("DotProduct")
    check_dot_product(result, (2.0, 3.0), (4.0, 1.0))
    assert fmt(result.scene.numbers["dot"]) == "11"
    assert fmt(result.scene.numbers["angle_degrees"]) == "42.27"


def test_dot_product_follows_an_obtuse_pair(rendered, tmp_path, tex_cache):
    u, v = (-2.0, 3.0), (3.0, 1.0)
    cls = variant(
        scene_class("DotProduct"),
        u=u,
        v=v,
        x_range=(-3.0, 4.0, 1.0),
        y_range=(-1.0, 4.0, 1.0),
        ticks=(-2.0, 2.0),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_dot_product(changed, u, v)
    assert changed.scene.numbers["dot"] == -3.0
    assert changed.layout_problems == []
    assert_frames_differ(rendered("DotProduct"), changed)


# -- SubstitutionMethod -----------------------------------------------------------------


def check_substitution(result, A, b, names=("x", "y")) -> None:
    shown = result.scene.numbers
    solution, steps = linalg.solve_by_substitution(A, b)
    assert shown["solution"] == tuple(solution)
    np.testing.assert_allclose(shown["solution"], linalg.solve(A, b))
    assert shown["equations"] == tuple((s.coefficients, s.rhs) for s in steps[:2])
    isolated, substituted, collected, solved, back = steps[2:]
    assert shown["isolated"] == (isolated.constant, isolated.slope)
    assert shown["substituted"] == (
        substituted.coefficient,
        substituted.constant,
        substituted.slope,
        substituted.other_coefficient,
        substituted.rhs,
    )
    assert shown["collected"] == (collected.coefficient, collected.rhs)
    assert shown[names[solved.variable]] == solved.value
    assert shown[names[back.variable]] == back.value
    screen = final_screen_text(result.scene)
    for step in steps[:2]:
        assert equation_tex(step.coefficients, step.rhs, names) in screen
    x, y = (num(value, "entry") for value in solution)
    assert rf"({names[0]}, {names[1]}) = ({x},\ {y})" in screen
    assert f"= {num(back.value, 'entry')}" in screen


def test_substitution_solves_the_system_line_by_line_with_lib(rendered):
    result = rendered("SubstitutionMethod")
    cls = scene_class("SubstitutionMethod")
    check_substitution(result, cls.A, cls.b)
    assert result.scene.numbers["solution"] == (2.0, 3.0)
    assert r"x - ( 7 - 2x ) = {-1}" in final_screen_text(result.scene)


def test_substitution_follows_another_system(rendered, tmp_path, tex_cache):
    A, b = ((3.0, 2.0), (1.0, 4.0)), (8.0, 6.0)
    changed = render(variant(scene_class("SubstitutionMethod"), A=A, b=b), tmp_path, tex_cache)
    check_substitution(changed, A, b)
    assert changed.scene.numbers["solution"] == (2.0, 1.0)
    assert "solve equation 2 for x" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("SubstitutionMethod"), changed)


# -- EliminationMethod ------------------------------------------------------------------


def check_elimination(result, A, b) -> None:
    shown = result.scene.numbers
    solution, steps = linalg.solve_by_elimination(A, b)
    assert shown["solution"] == tuple(solution)
    np.testing.assert_allclose(shown["solution"], linalg.solve(A, b))
    assert shown["start"] == steps[0].rows
    for k, step in enumerate(steps[1:], start=1):
        assert shown[f"rows_after_{k}"] == step.rows
    assert f"rows_after_{len(steps)}" not in shown
    screen = final_screen_text(result.scene)
    lines = screen.split("\n")
    for row in steps[-1].rows:
        for value in row:
            assert fmt(value, "entry") in lines
    for name, value in zip("xy", solution, strict=True):
        assert f"{name} = {num(value, 'entry')}" in screen


def test_elimination_plays_lib_row_operations_to_the_solution(rendered):
    result = rendered("EliminationMethod")
    cls = scene_class("EliminationMethod")
    check_elimination(result, cls.A, cls.b)
    screen = final_screen_text(result.scene)
    assert r"R_2 \leftarrow R_2 - 3R_1" in screen
    assert r"R_2 \leftarrow R_2 \,/\, (-7)" in screen
    assert result.scene.numbers["solution"] == (3.0, 2.0)


def test_elimination_follows_a_system_that_needs_a_row_swap(rendered, tmp_path, tex_cache):
    A, b = ((0.0, 2.0), (3.0, 1.0)), (4.0, 5.0)
    changed = render(variant(scene_class("EliminationMethod"), A=A, b=b), tmp_path, tex_cache)
    check_elimination(changed, A, b)
    assert r"R_1 \leftrightarrow R_2" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("EliminationMethod"), changed)


# -- LinearSystemsGeometry --------------------------------------------------------------


def test_geometry_classifies_each_system_with_lib(rendered):
    result = rendered("LinearSystemsGeometry")
    cls = scene_class("LinearSystemsGeometry")
    shown = result.scene.numbers
    kinds = [linalg.classify_system(A, b) for A, b in cls.systems]
    assert kinds == ["one", "none", "infinite"]
    assert [shown[f"kind_{k}"] for k in range(3)] == kinds
    assert [shown[f"system_{k}"] for k in range(3)] == [
        (as_rows(A), tuple(b)) for A, b in cls.systems
    ]
    A, b = cls.systems[0]
    assert shown["solution_0"] == tuple(linalg.solve(A, b))
    screen = final_screen_text(result.scene)
    for heading in ("one solution", "no solution", "infinitely many"):
        assert heading in screen
    for A, b in cls.systems:
        for row, rhs in zip(A, b, strict=True):
            assert equation_tex(row, rhs, cls.names) in screen
    assert fmt_vector(shown["solution_0"], "entry") in screen
