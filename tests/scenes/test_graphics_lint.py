"""The graphics lint itself: each check catches a bad frame and passes a tidy one."""

from __future__ import annotations

import pytest
from manim import DOWN, LEFT, RIGHT, UP, Dot, Line, MathTex, Rectangle, Text, VGroup

from scenes import style
from scenes.style import LABEL_SIZE, LessonScene
from tests.scenes.graphics_lint import graphics_problems


def frame(*mobjects) -> list[str]:
    """What the graphics lint finds in a frame holding ``mobjects``."""
    scene = LessonScene()
    scene.add(*mobjects)
    return graphics_problems(scene)


def numbered_axes():
    return style.axes((0, 4, 1), (0, 4, 1), width=4, height=4)


def test_a_line_past_its_axes_is_named_and_clipping_it_is_tidy():
    grid = numbered_axes()
    past = Line(grid.c2p(0, 0), grid.c2p(6, 6))
    (problem,) = frame(grid, past)
    assert "Line at" in problem and "runs past the box of the axes" in problem
    clipped = style.clipped_to(grid, (0, 0), (6, 6))
    assert frame(grid, clipped, Dot(grid.c2p(2, 3))) == []
    assert clipped.get_end() == pytest.approx(grid.c2p(4, 4))


def test_clipping_keeps_the_part_inside_and_drops_a_segment_that_misses():
    assert style.clip_segment((-1, 1), (5, 1), (0, 4), (0, 4)) == ((0, 1), (4, 1))
    assert style.clip_segment((1, 1), (2, 2), (0, 4), (0, 4)) == ((1, 1), (2, 2))
    assert style.clip_segment((5, 5), (6, 7), (0, 4), (0, 4)) is None
    assert style.clip_segment((-1, 5), (5, 5), (0, 4), (0, 4)) is None  # parallel, above


def test_axes_without_numbers_are_named_unless_declared_qualitative():
    bare = style.axes((0, 4, 1), (0, 4, 1), width=4, height=4, numbers=False)
    (problem,) = frame(bare)
    assert "has no numbered ticks on both axes" in problem
    assert frame(style.qualitative(bare, "only the shape of the ball matters")) == []
    assert frame(numbered_axes()) == []
    with pytest.raises(ValueError, match="say why"):
        style.qualitative(bare, " ")


def captions_row(shift_middle: float) -> VGroup:
    row = VGroup(*(Text(f"matrix {n}", font_size=LABEL_SIZE) for n in "ABC"))
    row.arrange(RIGHT, buff=1.0, aligned_edge=DOWN)
    row[1].shift(DOWN * shift_middle)
    return row


def test_captions_of_one_row_on_different_baselines_are_named():
    (problem,) = frame(captions_row(0.15))
    assert "Text('matrix A')" in problem and "Text('matrix B')" in problem
    assert "label one row but stand 0.15 apart" in problem
    assert frame(captions_row(0.0)) == []


def test_two_aligned_rows_of_captions_are_tidy():
    names = captions_row(0.0)
    ranks = VGroup(*(Text(f"rank {n}", font_size=LABEL_SIZE) for n in range(3)))
    for rank, name in zip(ranks, names, strict=True):
        rank.next_to(name, DOWN)
    assert frame(names, ranks) == []


def test_a_descender_does_not_make_a_row_ragged():
    row = VGroup(Text("rows (2, 3)", font_size=LABEL_SIZE), Text("shape (3, 2)", font_size=34))
    row.arrange(RIGHT, buff=1.0)
    same_size = VGroup(Text("copy", font_size=LABEL_SIZE), Text("row", font_size=LABEL_SIZE))
    same_size.arrange(RIGHT, buff=1.0)
    same_size[0].shift(UP * (same_size[1][0].get_bottom()[1] - same_size[0][2].get_bottom()[1]))
    assert frame(row) == []
    assert frame(same_size) == []


def system(aligned: bool) -> VGroup:
    rows = VGroup(MathTex("2x", "=", "4"), MathTex("x + 3y", "=", "10"))
    rows.arrange(DOWN, aligned_edge=LEFT)
    if aligned:
        rows[0].shift(RIGHT * (rows[1][1].get_x() - rows[0][1].get_x()))
    return rows


def test_a_system_not_aligned_at_its_equals_signs_is_named():
    (problem,) = frame(system(aligned=False))
    assert "is not aligned at its relation signs" in problem
    assert frame(system(aligned=True)) == []


def test_anything_over_the_title_is_named():
    heading = style.title("Matrix inversion").to_edge(UP)
    box = Rectangle(width=3, height=1).move_to(heading.get_left() + LEFT * 0.2)
    (problem,) = frame(heading, box)
    assert "Rectangle" in problem and "is drawn over the title" in problem
    assert frame(heading, box.shift(DOWN * 2)) == []
