"""VectorNorms shows the norms lib computes for its vector, and follows a changed one."""

from __future__ import annotations

import pytest

from lib import linalg
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


# -- VectorNorms ----------------------------------------------------------------------


def expected_norms(vector) -> dict:
    return {
        "l1": linalg.l1_norm(vector),
        "l2": linalg.l2_norm(vector),
        "squared_l2": linalg.squared_l2_norm(vector),
        "max": linalg.max_norm(vector),
        **{f"unit_{n}": tuple(linalg.normalize(vector, n)) for n in ("l1", "l2", "max")},
    }


@numbers_check("VectorNorms")
def check_vector_norms(result, vector=None) -> None:
    vector = result.scene.vector if vector is None else vector
    shown = result.scene.numbers
    for name, value in expected_norms(vector).items():
        assert shown[name] == pytest.approx(value), name
    screen = final_screen_text(result.scene)
    for name in ("l1", "l2", "max"):
        assert f"= {num(shown[name], 'norm')}" in screen, f"{name} not on the poster"
        for component in shown[f"unit_{name}"]:
            assert num(component, "coordinate") in screen
    assert f"= {num(shown['squared_l2'])}" in screen


def test_vector_norms_shows_the_norms_lib_computes(rendered):
    result = rendered("VectorNorms")
    check_vector_norms(result, (3.0, -4.0))
    assert fmt(result.scene.numbers["l1"]) == "7"
    assert fmt(result.scene.numbers["l2"], "norm") == "5"


def test_vector_norms_follows_a_changed_vector(rendered, tmp_path, tex_cache):
    changed = render(variant(scene_class("VectorNorms"), vector=(1.0, 2.0)), tmp_path, tex_cache)
    check_vector_norms(changed, (1.0, 2.0))
    assert changed.layout_problems == []
    assert_frames_differ(rendered("VectorNorms"), changed)
