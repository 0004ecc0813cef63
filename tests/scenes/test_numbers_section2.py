"""Section 2, Tensor Operations: every scene shows the numbers lib computes for its inputs.

Substitution, elimination and the dot product are also rendered with other inputs, as a
lecturer would change them: the new numbers are shown, the layout holds, the poster changes.
Each check also runs in the lesson fuzz test (``@numbers_check``), and each lesson refuses
inputs outside its domain, naming them.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lib import linalg
from scenes.inputs import InputError
from scenes.s02_tensor_operations.shared import equation_tex
from scenes.style import fmt, fmt_vector, num, shape_tex
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render


def as_rows(values) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(v) for v in row) for row in np.atleast_2d(values))


# -- MatrixTransposition ----------------------------------------------------------------


@numbers_check("MatrixTransposition")
def check_transposition(result, A=None, followed=None) -> None:
    A = result.scene.A if A is None else A
    followed = result.scene.followed if followed is None else followed
    shown = result.scene.numbers
    expected = linalg.transpose(A)
    assert shown["A"] == as_rows(A)
    assert shown["A_T"] == as_rows(expected)
    assert shown["shape_A"] == linalg.shape_of(np.asarray(A))
    assert shown["shape_A_T"] == linalg.shape_of(expected) == shown["shape_A"][::-1]
    i, j = (int(k) for k in followed)
    assert shown["followed"] == expected[j][i] == A[i][j]
    screen = final_screen_text(result.scene)
    assert shape_tex(shown["shape_A"]) in screen and shape_tex(shown["shape_A_T"]) in screen
    assert rf"(A^T)_{{{j + 1}{i + 1}}} = A_{{{i + 1}{j + 1}}} = {num(A[i][j], 'entry')}" in screen
    lines = screen.split("\n")
    for value in np.ravel(expected):
        assert fmt(value, "entry") in lines


def test_transposition_shows_the_transpose_lib_computes(rendered):
    result = rendered("MatrixTransposition")
    check_transposition(result)
    assert result.scene.numbers["shape_A"] == (2, 3)


# -- TensorArithmetic -------------------------------------------------------------------


@numbers_check("TensorArithmetic")
def check_tensor_arithmetic(result, A=None, B=None, c=None) -> None:
    scene = result.scene
    A, B = (scene.A if A is None else A), (scene.B if B is None else B)
    c = scene.c if c is None else c
    shown = scene.numbers
    assert (shown["A"], shown["B"], shown["c"]) == (as_rows(A), as_rows(B), c)
    assert shown["A_plus_c"] == as_rows(linalg.add_scalar(A, c))
    assert shown["c_times_A"] == as_rows(linalg.scale(A, c))
    assert shown["A_plus_B"] == as_rows(linalg.add(A, B))
    assert shown["A_hadamard_B"] == as_rows(linalg.hadamard(A, B))
    screen = final_screen_text(scene)
    lines = screen.split("\n")
    for name in ("A_plus_c", "c_times_A", "A_plus_B", "A_hadamard_B"):
        for value in np.ravel(shown[name]):
            assert fmt(value, "entry") in lines, f"{name} entry {value} not on the poster"
    assert r"A \odot B =" in screen and "A * B" in screen
    assert f"A + {fmt(c)}" in screen and f"{fmt(c)} * A" in screen


def test_tensor_arithmetic_shows_the_elementwise_results_lib_computes(rendered):
    result = rendered("TensorArithmetic")
    check_tensor_arithmetic(result)
    assert result.scene.numbers["A_hadamard_B"] == ((8.0, -1.0), (0.0, 15.0))


# -- Reduction --------------------------------------------------------------------------


@numbers_check("Reduction")
def check_reduction(result, A=None) -> None:
    A = result.scene.A if A is None else A
    shown = result.scene.numbers
    m, n = linalg.shape_of(np.asarray(A))
    assert shown["A"] == as_rows(A)
    assert shown["total"] == shown["summary_total"] == linalg.reduce_sum(A)
    assert shown["axis_0"] == tuple(linalg.reduce_sum(A, axis=0))
    assert shown["axis_1"] == tuple(linalg.reduce_sum(A, axis=1))
    assert shown["shape_axis_0"] == (n,) and shown["shape_axis_1"] == (m,)
    screen = final_screen_text(result.scene)
    total = num(shown["total"], "entry")
    assert " + ".join(num(v, "entry") for v in shown["axis_0"]) + f" = {total}" in screen
    assert " + ".join(num(v, "entry") for v in shown["axis_1"]) + f" = {total}" in screen
    for code in ("A.sum()", "A.sum(axis=0)", "A.sum(axis=1)"):
        assert code in screen
    assert f"shape {shape_tex((n,))}" in screen and f"shape {shape_tex((m,))}" in screen


def test_reduction_shows_the_sums_lib_computes_along_each_axis(rendered):
    result = rendered("Reduction")
    shown = result.scene.numbers
    check_reduction(result)
    assert shown["total"] == 23
    assert shown["axis_0"] == (4, 6, 13) and shown["axis_1"] == (8, 15)
    screen = final_screen_text(result.scene)
    assert "4 + 6 + 13 = 23" in screen and "8 + 15 = 23" in screen
    assert "shape (3,)" in screen and "shape (2,)" in screen


# -- DotProduct -------------------------------------------------------------------------


@numbers_check("DotProduct")
def check_dot_product(result, u=None, v=None) -> None:
    u = result.scene.u if u is None else u
    v = result.scene.v if v is None else v
    shown = result.scene.numbers
    assert (shown["u"], shown["v"]) == (tuple(u), tuple(v))
    assert shown["products"] == tuple(linalg.hadamard(u, v))
    assert shown["dot"] == pytest.approx(linalg.dot(u, v))
    assert shown["norm_u"] == pytest.approx(linalg.l2_norm(u))
    assert shown["norm_v"] == pytest.approx(linalg.l2_norm(v))
    angle = math.degrees(linalg.angle_between(u, v))  # arccos is steep at 0 and 180 degrees
    assert shown["angle_degrees"] == pytest.approx(angle, abs=1e-5)
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
    changed = render(variant(scene_class("DotProduct"), u=u, v=v), tmp_path, tex_cache)
    check_dot_product(changed, u, v)
    assert changed.scene.numbers["dot"] == -3.0
    assert changed.layout_problems == []
    assert_frames_differ(rendered("DotProduct"), changed)


# -- SubstitutionMethod -----------------------------------------------------------------


@numbers_check("SubstitutionMethod")
def check_substitution(result, A=None, b=None, names=None) -> None:
    A = result.scene.A if A is None else A
    b = result.scene.b if b is None else b
    names = result.scene.names if names is None else names
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
    exact = all(float(fmt(v, "entry")) == v for v in solution)
    relation = "=" if exact else r"\approx"
    assert rf"({names[0]}, {names[1]}) {relation} ({x},\ {y})" in screen
    value = num(back.value, "entry")
    assert any(line.endswith((f"= {value}", rf"\approx {value}")) for line in screen.split("\n"))


def test_substitution_solves_the_system_line_by_line_with_lib(rendered):
    result = rendered("SubstitutionMethod")
    cls = scene_class("SubstitutionMethod")
    check_substitution(result, cls.A, cls.b, cls.names)
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


@numbers_check("EliminationMethod")
def check_elimination(result, A=None, b=None, names=None) -> None:
    A = result.scene.A if A is None else A
    b = result.scene.b if b is None else b
    names = result.scene.names if names is None else names
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
    for name, value in zip(names, solution, strict=True):
        relation = "=" if float(fmt(value, "entry")) == value else r"\approx"
        assert f"{name} {relation} {num(value, 'entry')}" in screen


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


def geometry_systems(scene) -> list[tuple[tuple, tuple]]:
    """The three systems of the scene's inputs, worked out here by hand."""
    crossing, line, same = scene.crossing, scene.parallel, scene.same_line
    k, d, m = scene.parallel_times, scene.parallel_rhs, scene.same_line_times
    return [
        (as_rows([row[:2] for row in crossing]), tuple(float(row[2]) for row in crossing)),
        (as_rows([line[:2], [k * line[0], k * line[1]]]), (float(line[2]), float(d))),
        (as_rows([same[:2], [m * same[0], m * same[1]]]), (float(same[2]), float(m * same[2]))),
    ]


@numbers_check("LinearSystemsGeometry")
def check_geometry(result) -> None:
    scene = result.scene
    shown = scene.numbers
    systems = geometry_systems(scene)
    kinds = [linalg.classify_system(A, b) for A, b in systems]
    assert kinds == ["one", "none", "infinite"]
    assert [shown[f"kind_{k}"] for k in range(3)] == kinds
    assert [shown[f"system_{k}"] for k in range(3)] == systems
    A, b = systems[0]
    np.testing.assert_allclose(shown["solution_0"], np.linalg.solve(A, b), rtol=1e-9, atol=1e-9)
    screen = final_screen_text(scene)
    for heading in ("one solution", "no solution", "infinitely many"):
        assert heading in screen
    for A, b in systems:
        for row, rhs in zip(A, b, strict=True):
            assert equation_tex(row, rhs, scene.names) in screen
    assert fmt_vector(shown["solution_0"], "entry") in screen


def test_geometry_classifies_each_system_with_lib(rendered):
    result = rendered("LinearSystemsGeometry")
    check_geometry(result)
    assert result.scene.numbers["solution_0"] == (2.0, 3.0)


# -- What each lesson refuses -----------------------------------------------------------


REFUSED = [
    ("MatrixTransposition", {"followed": (2.0, 0.0)}, "followed, A"),  # A has 2 rows
    ("TensorArithmetic", {"B": ((1.0, 2.0),)}, "A, B"),  # not A's shape
    ("Reduction", {"A": ((1.0, 2.0, 3.0, 4.0, 5.0),)}, "A"),  # 5 columns
    ("DotProduct", {"v": (0.0, 0.0)}, "v"),
    ("DotProduct", {"u": (0.3, 0.3)}, "u, v"),  # too short to read
    ("DotProduct", {"u": (0.5, 0.0), "v": (9.0, 9.0)}, "u, v"),  # 25 times longer
    ("SubstitutionMethod", {"A": ((1.0, 2.0), (2.0, 4.0))}, "A, b"),  # parallel lines
    ("EliminationMethod", {"A": ((1.0, 2.0), (1.0, 2.05))}, "A"),  # det 0.05
    ("LinearSystemsGeometry", {"crossing": ((1.0, 1.0, 2.0), (2.0, 2.0, 3.0))}, "crossing"),
    ("LinearSystemsGeometry", {"parallel_rhs": 4.0}, "parallel, parallel_times, parallel_rhs"),
    ("LinearSystemsGeometry", {"same_line": (0.0, 0.0, 1.0)}, "crossing, parallel, same_line"),
]


@pytest.mark.parametrize(("name", "inputs", "refused"), REFUSED)
def test_an_input_outside_the_lesson_is_refused_naming_it(name, inputs, refused):
    cls = scene_class(name)
    values = cls.domain.values_of(cls) | inputs
    problems = cls.domain.problems(values)
    assert problems, f"{name} accepts {inputs}"
    assert problems[0][0] == refused
    with pytest.raises(InputError, match=f"{name}: .* is refused: {refused} "):
        cls.domain.check(name, values)
