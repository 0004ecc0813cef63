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


def test_tick_numbers_that_run_into_each_other_are_named_and_fewer_are_tidy():
    crowded = style.axes((-5, 5, 1), (-5, 5, 1), width=3.5, height=3.5)
    problems = frame(crowded)
    assert problems and all("run into each other" in p for p in problems)
    spaced = style.axes((-5, 5, 1), (-5, 5, 1), width=3.5, height=3.5, most_numbers=4)
    assert frame(spaced) == []


def test_fewer_tick_numbers_fall_on_round_ticks():
    assert style.ticks_of((-5, 5, 1), most=4) == [-4, -2, 2, 4]
    assert style.ticks_of((-3, 3, 0.5), most=4) == [-2, 2]
    assert style.ticks_of((-12, 12, 3), most=4) == [-12, -6, 6, 12]
    assert style.ticks_of((0, 40, 10), most=4) == [10, 20, 30, 40]
    assert style.ticks_of((-5, 5, 1)) == [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]


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


def test_what_lies_beneath_the_title_is_not_over_it():
    heading = style.title("Determinant").to_edge(UP).set_z_index(5)
    backing = Rectangle(width=14, height=8, stroke_width=0, fill_opacity=1).set_z_index(4)
    assert frame(backing, heading) == []
    (problem,) = frame(heading, backing.copy().set_z_index(6))
    assert "is drawn over the title" in problem


def test_numbers_written_beside_an_axis_count_as_its_numbers():
    grid = style.axes((0, 4, 1), (0, 4, 1), width=4, height=4, numbers=False)
    beside = VGroup(
        *(MathTex(str(v)).next_to(grid.c2p(v, 0), DOWN, buff=0.1) for v in (2, 4)),
        *(MathTex(f"10^{{{v}}}").next_to(grid.c2p(0, v), LEFT, buff=0.1) for v in (2, 4)),
    )
    assert frame(grid, beside) == []
    far = beside.copy().shift(RIGHT * 6)
    (problem,) = frame(grid, far)
    assert "has no numbered ticks" in problem


def test_one_number_reads_an_axis_through_0_and_two_one_that_starts_elsewhere():
    through_zero = style.axes((-4, 4, 1), (-4, 4, 1), width=4, height=4, most_numbers=2)
    through_zero.x_axis.labels.remove(*through_zero.x_axis.labels[1:])
    through_zero.y_axis.labels.remove(*through_zero.y_axis.labels[1:])
    assert frame(through_zero) == []
    from_ten = style.axes((10, 40, 10), (10, 40, 10), width=4, height=4)
    from_ten.x_axis.labels.remove(*from_ten.x_axis.labels[1:])
    (problem,) = frame(from_ten)
    assert "has no numbered ticks" in problem


def test_a_line_linking_two_charts_and_a_curtain_are_not_plots():
    top = numbered_axes().shift(UP * 2.2 + LEFT * 3)
    bottom = numbered_axes().shift(DOWN * 2.2 + LEFT * 3)
    link = Line(top.c2p(2, 1), bottom.c2p(2, 3))
    curtain = Rectangle(width=4, height=8, stroke_width=0, fill_opacity=1).move_to(top.c2p(4, 0))
    assert frame(top, bottom, link, curtain) == []
    past = Line(top.c2p(2, 1), top.c2p(2, 1) + RIGHT * 3)
    (problem,) = frame(top, bottom, past)
    assert "runs past the box" in problem
