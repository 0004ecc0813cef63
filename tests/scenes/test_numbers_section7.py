"""Section 7 shows lib's derivatives: each rule's example, and a tangent slope equal to f'(x).

For a rule scene the check recomputes the example with ``lib.rules`` from the scene's
inputs, and compares what the readouts showed at each stop of x (recorded from the
readouts themselves) with the numerical derivative of f (``lib.calculus.derivative``,
which never sees the rule) and with the rule's f'.
"""

from __future__ import annotations

import math

import pytest

from lib import calculus, rules
from scenes.inputs import InputError
from scenes.s07_derivatives.shared import factor_tex, polynomial_tex, power_tex, split_terms
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


def check_rule_scene(result, expected, *written: str) -> None:
    """The scene worked ``expected`` (lib's record), its readouts agree, ``written`` shows."""
    scene = result.scene
    shown = scene.numbers
    assert shown["example"] == expected
    readings = shown["readings"]
    assert [x for x, _, _ in readings] == pytest.approx([float(x) for x in scene.tangent_xs])
    for x, slope, value in readings:
        measured = calculus.derivative(expected.f, x, step=0.05)
        exact = expected.derivative(x)
        assert abs(measured - exact) <= 1e-6 * max(1.0, abs(exact)), f"the rule is wrong at {x}"
        for shown_value, truth, what in ((slope, measured, "tangent slope"), (value, exact, "f'")):
            if shown_value == 0:  # the readout shows 0.00 (never -0.00) for a tiny value
                assert abs(truth) < 0.0051, f"{what} at x = {x}"
            else:
                assert shown_value == pytest.approx(truth, rel=1e-6, abs=1e-9), f"{what} at {x}"
    x_lo, x_hi, _ = shown["x_range"]
    low, high = (float(v) for v in scene.x_window)
    assert x_lo <= low and high <= x_hi
    for function, key, (y_lo, y_hi, _) in zip(
        (expected.f, expected.derivative),
        ("f_extremes", "derivative_extremes"),
        shown["y_ranges"],
        strict=True,
    ):
        least, most = rules.sampled_extremes(function, low, high)
        assert shown[key] == pytest.approx((least, most))
        assert y_lo <= least + 1e-9 and most - 1e-9 <= y_hi, "a curve leaves its axes"
    screen = final_screen_text(scene)
    for formula in written:  # a long formula may break between its terms
        for part in (formula,) if screen.count(formula) else split_terms(formula):
            assert part in screen, f"{part!r} of {formula!r} is not on the last frame"


def refused(name: str, **inputs) -> InputError:
    """The error a scene raises for ``inputs``, before drawing anything."""
    cls = variant(scene_class(name), **inputs)
    with pytest.raises(InputError) as caught:
        cls.domain.check(name, cls.domain.values_of(cls))
    return caught.value


# -- PowerRule ---------------------------------------------------------------------------------


@numbers_check("PowerRule")
def check_power_rule(result) -> None:
    scene = result.scene
    expected = rules.power_rule(scene.exponent)
    check_rule_scene(
        result,
        expected,
        power_tex(1.0, expected.exponent),
        power_tex(expected.coefficient, expected.lowered),
    )


def test_power_rule_shows_4x_cubed_and_its_slopes(rendered):
    result = rendered("PowerRule")
    check_power_rule(result)
    readings = result.scene.numbers["readings"]
    assert [fmt(slope, "slope") for _, slope, _ in readings] == ["-13.5", "0.5", "7.81"]
    screen = final_screen_text(result.scene)
    assert "x^{4}" in screen and "4x^{3}" in screen


def test_power_rule_follows_a_negative_exponent(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("PowerRule"), exponent=-2.0, x_window=(0.5, 3.0), tangent_xs=(0.75, 1.5, 2.5)
    )
    changed = render(cls, tmp_path, tex_cache)
    check_power_rule(changed)
    assert "-2x^{-3}" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("PowerRule"), changed)


def test_power_rule_refuses_impossible_exponents_naming_them():
    assert "exponent = 0" in str(refused("PowerRule", exponent=0.0))
    error = str(refused("PowerRule", exponent=0.5, x_window=(-1.0, 1.0), tangent_xs=(-0.5, 0.5)))
    assert "exponent, x_window" in error and "For example" in error
    assert "tangent_xs" in str(refused("PowerRule", tangent_xs=(-1.0, 9.0)))
    assert not math.isnan(rules.power_rule(0.5).f(4.0))


# -- ConstantRule ------------------------------------------------------------------------------


@numbers_check("ConstantRule")
def check_constant_rule(result) -> None:
    expected = rules.constant_rule(result.scene.constant)
    check_rule_scene(result, expected, f"f(x) = {num(expected.constant, 'entry')}", "f'(x) = 0")


def test_constant_rule_shows_a_zero_slope_everywhere(rendered):
    result = rendered("ConstantRule")
    check_constant_rule(result)
    assert all(slope == value == 0 for _, slope, value in result.scene.numbers["readings"])


def test_constant_rule_follows_a_negative_constant(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("ConstantRule"), constant=-7.5, x_window=(-3.0, 1.0), tangent_xs=(-2.5, 0.5)
    )
    changed = render(cls, tmp_path, tex_cache)
    check_constant_rule(changed)
    assert "f(x) = {-7.5}" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("ConstantRule"), changed)


def test_constant_rule_refuses_a_window_that_runs_backwards():
    assert "x_window = (2.0, -2.0)" in str(refused("ConstantRule", x_window=(2.0, -2.0)))


# -- ConstantMultipleRule ----------------------------------------------------------------------


@numbers_check("ConstantMultipleRule")
def check_constant_multiple_rule(result) -> None:
    scene = result.scene
    expected = rules.constant_multiple_rule(scene.constant, scene.exponent)
    assert expected.coefficient == pytest.approx(expected.constant * expected.exponent)
    check_rule_scene(
        result,
        expected,
        power_tex(expected.constant, expected.exponent),
        power_tex(expected.coefficient, expected.lowered),
    )


def test_constant_multiple_rule_shows_8x_cubed(rendered):
    result = rendered("ConstantMultipleRule")
    check_constant_multiple_rule(result)
    assert "f'(x) = 8x^{3}" in final_screen_text(result.scene)


def test_constant_multiple_rule_follows_a_negative_constant(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("ConstantMultipleRule"),
        constant=-0.5,
        exponent=3.0,
        x_window=(-3.0, 3.0),
        tangent_xs=(-2.0, 1.0, 2.5),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_constant_multiple_rule(changed)
    assert "-1.5x^{2}" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("ConstantMultipleRule"), changed)


def test_constant_multiple_rule_refuses_a_zero_constant():
    assert "constant = 0.0" in str(refused("ConstantMultipleRule", constant=0.0))


# -- SumRule -----------------------------------------------------------------------------------


@numbers_check("SumRule")
def check_sum_rule(result) -> None:
    expected = rules.sum_rule(result.scene.coefficients)
    check_rule_scene(
        result,
        expected,
        polynomial_tex(expected.coefficients),
        polynomial_tex(expected.derivative_coefficients),
    )


def test_sum_rule_shows_3x_squared_minus_3(rendered):
    result = rendered("SumRule")
    check_sum_rule(result)
    assert "f'(x) = 3x^{2} - 3" in final_screen_text(result.scene)


def test_sum_rule_follows_another_polynomial(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("SumRule"),
        coefficients=(-0.5, 2.0, 1.0),
        x_window=(-1.0, 5.0),
        tangent_xs=(0.0, 2.0, 4.5),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_sum_rule(changed)
    assert "f'(x) = -x + 2" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("SumRule"), changed)


def test_sum_rule_refuses_a_single_term():
    assert "coefficients = (0.0, 3.0, 0.0)" in str(refused("SumRule", coefficients=(0.0, 3.0, 0.0)))


# -- ProductRule -------------------------------------------------------------------------------


@numbers_check("ProductRule")
def check_product_rule(result) -> None:
    scene = result.scene
    expected = rules.product_rule(scene.u, scene.v)
    check_rule_scene(
        result,
        expected,
        factor_tex(expected.u),
        factor_tex(expected.v),
        polynomial_tex(expected.expanded),
    )


def test_product_rule_shows_the_multiplied_out_derivative(rendered):
    result = rendered("ProductRule")
    check_product_rule(result)
    assert "f'(x) = 3x^{2} - 2x + 1" in final_screen_text(result.scene)


def test_product_rule_follows_other_factors(rendered, tmp_path, tex_cache):
    cls = variant(scene_class("ProductRule"), u=(2.0, -1.0), v=(1.0, 0.0, -2.0))
    changed = render(cls, tmp_path, tex_cache)
    check_product_rule(changed)
    assert "f'(x) = 6x^{2} - 2x - 4" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("ProductRule"), changed)


def test_product_rule_refuses_a_constant_factor():
    assert "u, v" in str(refused("ProductRule", v=(0.0, 2.0)))


# -- QuotientRule ------------------------------------------------------------------------------


@numbers_check("QuotientRule")
def check_quotient_rule(result) -> None:
    scene = result.scene
    expected = rules.quotient_rule(scene.u, scene.v)
    low, high = (float(x) for x in scene.x_window)
    least, most = calculus.polynomial_extremes(expected.v, low, high)
    assert least >= 0.5 or most <= -0.5, "the denominator comes near 0 on the window"
    check_rule_scene(
        result,
        expected,
        polynomial_tex(expected.u),
        polynomial_tex(expected.v),
        polynomial_tex(expected.numerator),
    )


def test_quotient_rule_shows_one_minus_x_squared_over_v_squared(rendered):
    result = rendered("QuotientRule")
    check_quotient_rule(result)
    assert "-x^{2} + 1" in final_screen_text(result.scene)


def test_quotient_rule_follows_another_quotient(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("QuotientRule"),
        u=(2.0, -1.0),
        v=(1.0, 0.0, 3.0),
        x_window=(-2.0, 2.0),
        tangent_xs=(-1.5, 0.0, 1.5),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_quotient_rule(changed)
    assert "-2x^{2} + 2x + 6" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("QuotientRule"), changed)


def test_quotient_rule_refuses_a_denominator_that_vanishes_on_the_window():
    error = str(refused("QuotientRule", v=(1.0, -1.0)))  # x - 1 is 0 at x = 1
    assert "v, x_window" in error and "denominator" in error


# -- ChainRule ---------------------------------------------------------------------------------


@numbers_check("ChainRule")
def check_chain_rule(result) -> None:
    scene = result.scene
    expected = rules.chain_rule(scene.outer, scene.inner)
    check_rule_scene(
        result,
        expected,
        polynomial_tex(expected.inner),
        factor_tex(expected.inner_derivative),
    )
    screen = final_screen_text(scene)
    derivative = "e^" if expected.outer_derivative == "exp" else rf"\{expected.outer_derivative}"
    assert f"f'(x) = {'-' if expected.outer_derivative_sign < 0 else ''}{derivative}" in screen


def test_chain_rule_shows_cos_of_x_squared_times_2x(rendered):
    result = rendered("ChainRule")
    check_chain_rule(result)
    assert r"\cos\left(x^{2}\right) \cdot \left(2x\right)" in final_screen_text(result.scene)


def test_chain_rule_follows_a_gaussian(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("ChainRule"),
        outer="exp",
        inner=(-1.0, 0.0, 0.0),
        x_window=(-2.5, 2.5),
        tangent_xs=(-1.5, 0.0, 1.0),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_chain_rule(changed)
    assert r"e^{-x^{2}} \cdot \left(-2x\right)" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("ChainRule"), changed)


def test_chain_rule_refuses_an_unknown_outer_function_and_a_constant_inside():
    assert "outer = 'tan'" in str(refused("ChainRule", outer="tan"))
    assert "inner = (0.0, 2.0)" in str(refused("ChainRule", inner=(0.0, 2.0)))


# -- PowerRuleOnFunctionChain ------------------------------------------------------------------


@numbers_check("PowerRuleOnFunctionChain")
def check_power_chain_rule(result) -> None:
    scene = result.scene
    expected = rules.power_chain_rule(scene.exponent, scene.inner)
    check_rule_scene(
        result,
        expected,
        factor_tex(expected.inner),
        polynomial_tex(expected.scaled_inner_derivative),
    )


def test_power_chain_shows_6x_times_the_inside_squared(rendered):
    result = rendered("PowerRuleOnFunctionChain")
    check_power_chain_rule(result)
    assert r"6x \left(x^{2} - 1\right)^{2}" in final_screen_text(result.scene)


def test_power_chain_follows_another_inside_and_power(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("PowerRuleOnFunctionChain"),
        exponent=2,
        inner=(2.0, -1.0),
        x_window=(-1.0, 2.0),
        tangent_xs=(-0.5, 0.5, 1.5),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_power_chain_rule(changed)
    assert r"= 4 \left(2x - 1\right)" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("PowerRuleOnFunctionChain"), changed)


def test_power_chain_refuses_a_fractional_power():
    assert "exponent = 2.5" in str(refused("PowerRuleOnFunctionChain", exponent=2.5))


# -- DeltaMethod -------------------------------------------------------------------------------


@numbers_check("DeltaMethod")
def check_delta_method(result) -> None:
    scene = result.scene
    shown = scene.numbers
    f = calculus.polynomial(scene.coefficients)
    x0 = float(scene.x0)
    steps = sorted((float(d) for d in scene.deltas), key=lambda d: -abs(d))  # largest first
    rows = calculus.delta_method_table(f, x0, steps)
    assert shown["rows"] == rows
    for dx, f_x_plus_dx, slope in shown["rows"]:
        assert f_x_plus_dx == pytest.approx(f(x0 + dx))
        assert slope == pytest.approx((f(x0 + dx) - f(x0)) / dx)
    assert shown["derivative"] == pytest.approx(calculus.derivative(f, x0))
    first = shown["first_quotient"]
    assert first == calculus.difference_quotient(f, x0, steps[0])
    x_lo, x_hi, _ = shown["x_range"]
    assert x_lo <= min(x0, *(x0 + d for d in steps), *scene.x_window)
    assert x_hi >= max(x0, *(x0 + d for d in steps), *scene.x_window)
    low, high = calculus.polynomial_extremes(scene.coefficients, x_lo, x_hi)
    assert shown["f_extremes"] == pytest.approx((low, high))
    y_lo, y_hi, _ = shown["y_range"]
    assert y_lo <= low + 1e-9 and high - 1e-9 <= y_hi, "the curve leaves the axes"
    screen = final_screen_text(scene)
    assert polynomial_tex(scene.coefficients) in screen
    for dx, f_x_plus_dx, slope in rows:
        for value in (dx, f_x_plus_dx, slope):
            assert num(value, "approach") in screen
    assert num(shown["derivative"], "slope") in screen


def test_delta_method_shows_slopes_7_6_5_6_1_tending_to_6(rendered):
    result = rendered("DeltaMethod")
    check_delta_method(result)
    slopes = [fmt(row.slope, "approach") for row in result.scene.numbers["rows"]]
    assert slopes == ["7", "6.5", "6.1", "6.01", "6.001"]
    assert fmt(result.scene.numbers["derivative"], "slope") == "6"


def test_delta_method_follows_a_cubic_from_the_left(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("DeltaMethod"),
        coefficients=(0.5, 0.0, -1.0, 3.0),
        x0=1.5,
        deltas=(-1.0, -0.1, -0.01),
        x_window=(-2.0, 3.0),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_delta_method(changed)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("DeltaMethod"), changed)


def test_delta_method_refuses_steps_on_both_sides():
    assert "deltas = (1.0, -0.1, 0.01)" in str(refused("DeltaMethod", deltas=(1.0, -0.1, 0.01)))


# -- DifferentiationEquation -------------------------------------------------------------------


@numbers_check("DifferentiationEquation")
def check_differentiation_equation(result) -> None:
    scene = result.scene
    shown = scene.numbers
    expected = rules.difference_quotient_expansion(scene.coefficients)
    assert shown["expansion"] == expected
    f = calculus.polynomial(scene.coefficients)
    x0 = float(scene.x0)
    assert [dx for dx, _, _ in shown["checks"]] == [float(d) for d in scene.deltas]
    for dx, by_formula, by_delta in shown["checks"]:
        measured = calculus.difference_quotient(f, x0, dx).slope
        assert by_delta == measured
        assert by_formula == pytest.approx(measured, rel=1e-9, abs=1e-9)
        assert fmt(by_formula, "approach") == fmt(measured, "approach") or abs(
            by_formula - measured
        ) < 1e-9 * max(1.0, abs(measured))
    exact, numerical = shown["derivative_at_x0"]
    assert exact == pytest.approx(calculus.derivative(f, x0), rel=1e-9, abs=1e-9)
    assert numerical == calculus.derivative(f, x0)
    screen = final_screen_text(scene)
    assert polynomial_tex(expected.coefficients) in screen
    assert polynomial_tex(expected.limit) in screen
    assert f"f'({num(x0, 'coordinate')}) = {num(numerical, 'slope')}" in screen


def test_differentiation_equation_leaves_2x_plus_2(rendered):
    result = rendered("DifferentiationEquation")
    check_differentiation_equation(result)
    screen = final_screen_text(result.scene)
    assert r"\lim_{\Delta x \to 0} \left(2x + 2 + \Delta x\right) = 2x + 2" in screen
    values = [fmt(v, "approach") for _, v, _ in result.scene.numbers["checks"]]
    assert values == ["6.1", "6.01", "6.001"]


def test_differentiation_equation_follows_another_quadratic(rendered, tmp_path, tex_cache):
    cls = variant(
        scene_class("DifferentiationEquation"),
        coefficients=(2.5, -1.0, 0.5),
        x0=-1.0,
        deltas=(0.5, -0.05),
    )
    changed = render(cls, tmp_path, tex_cache)
    check_differentiation_equation(changed)
    assert "5x - 1" in final_screen_text(changed.scene)
    assert changed.layout_problems == []
    assert_frames_differ(rendered("DifferentiationEquation"), changed)


def test_differentiation_equation_refuses_a_zero_step_and_a_constant():
    assert "deltas = (0.1, 0.0)" in str(refused("DifferentiationEquation", deltas=(0.1, 0.0)))
    error = str(refused("DifferentiationEquation", coefficients=(0.0, 0.0, 4.0)))
    assert "coefficients = (0.0, 0.0, 4.0)" in error
