"""Declared input domains: what they accept, how they refuse, and that a scene checks first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from lib import linalg
from scenes.inputs import (
    Choice,
    Domain,
    InputError,
    Matrix,
    Number,
    Rule,
    Vector,
    show_value,
)
from tests.scenes.conftest import scene_class
from tests.scenes.fuzz import domain_strategy, spec_strategy
from tests.scenes.harness import dry_render, variant


class Example:
    """A class with inputs, as a scene declares them."""

    vector = (3.0, -4.0)
    matrix = ((2.0, 1.0), (1.0, 2.0))
    steps = 4
    domain = Domain(
        vector=Vector(2, -10, 10, nonzero=True),
        matrix=Matrix(2, 2, -5, 5),
        steps=Number(1, 8, integer=True),
        rules=(
            Rule(
                "must have real eigenvalues",
                ("matrix",),
                lambda v: linalg.eig(v["matrix"]) is not None,  # lib refuses complex ones
            ),
        ),
    )


def refusal(**inputs) -> str:
    values = {**Example.domain.defaults, **inputs}
    with pytest.raises(InputError) as caught:
        Example.domain.check("Example", values)
    return str(caught.value)


def test_the_defining_class_values_are_the_example_a_refusal_offers():
    assert Example.domain.defaults == {
        "vector": (3.0, -4.0),
        "matrix": ((2.0, 1.0), (1.0, 2.0)),
        "steps": 4,
    }
    Example.domain.check("Example", Example.domain.defaults)


@pytest.mark.parametrize(
    "inputs, words",
    [
        ({"vector": (0.0, 0.0)}, "vector must not be the zero vector"),
        ({"vector": (1.0, 2.0, 3.0)}, "vector must have 2 entries, not 3"),
        ({"vector": (1.0, 11.0)}, "entry 1 (11.0) must lie from -10 to 10"),
        ({"vector": "3, 4"}, "must be a tuple of numbers"),
        ({"matrix": ((1.0, 2.0),)}, "must have 2 rows, not 1"),
        ({"matrix": ((1.0, 2.0), (3.0,))}, "must have rows of one length"),
        ({"matrix": ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0))}, "matrix must have 2 columns, not 3"),
        ({"steps": 2.5}, "steps must be a whole number"),
        ({"steps": float("nan")}, "steps must be a finite number"),
        ({"matrix": ((0.0, -1.0), (1.0, 0.0))}, "matrix must have real eigenvalues"),
    ],
)
def test_a_refusal_names_the_input_the_rule_and_an_example_that_works(inputs, words):
    message = refusal(**inputs)
    assert words in message
    (name,) = inputs
    assert f"{name} = {show_value(inputs[name])} is refused" in message
    assert f"For example: {name} = {show_value(Example.domain.defaults[name])}" in message


def test_show_value_writes_python_a_lecturer_can_paste():
    assert show_value((3.0, -4.0)) == "(3.0, -4.0)"
    assert show_value(((1.5, 2.0),)) == "((1.5, 2.0),)"
    assert show_value(4) == "4"
    assert show_value(0.1) == "0.1"
    assert show_value("l2") == "'l2'"


@settings(max_examples=200, deadline=None)
@given(values=domain_strategy(Example.domain))
def test_every_drawn_input_lies_in_its_domain_with_at_most_two_decimals(values):
    assert Example.domain.problems(values) == []
    for entry in values["vector"]:
        assert round(entry, 2) == entry


@settings(max_examples=100, deadline=None)
@given(value=spec_strategy(Choice(("l1", "l2", "max"))))
def test_a_choice_draws_only_its_options(value):
    assert value in ("l1", "l2", "max")


@settings(max_examples=100, deadline=None)
@given(value=spec_strategy(Matrix((1, 3), (2, 4), -1, 1, places=1)))
def test_a_matrix_of_ranged_shape_draws_every_shape_in_range(value):
    assert 1 <= len(value) <= 3 and all(2 <= len(row) <= 4 for row in value)
    assert Matrix((1, 3), (2, 4), -1, 1).problem(value) is None


def test_a_ranged_shape_is_named_as_its_range_when_refused():
    spec = Matrix((1, 3), (2, 4), -1, 1)
    assert spec.problem(((0.0, 0.0),) * 4) == "must have 1 to 3 rows, not 4"
    assert spec.problem(((0.0,),)) == "must have 2 to 4 columns, not 1"


@settings(max_examples=50, deadline=None)
@given(value=spec_strategy(Number(1, 8, integer=True)))
def test_a_whole_number_is_drawn_as_an_int(value):
    assert isinstance(value, int) and 1 <= value <= 8


def test_a_scene_refuses_an_input_outside_its_domain_before_drawing(tmp_path, tex_cache):
    cls = variant(scene_class("VectorNorms"), vector=(0.0, 0.0))
    with pytest.raises(
        InputError, match=r"VectorNorms: vector = \(0.0, 0.0\) is refused"
    ) as caught:
        dry_render(cls, tmp_path, tex_cache)
    assert "For example: vector = (3.0, -4.0)" in str(caught.value)
    assert not list(tmp_path.rglob("*.svg")), "something was drawn before the refusal"
