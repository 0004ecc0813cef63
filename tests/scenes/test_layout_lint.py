"""The layout lint itself: it must catch what it is there to catch."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, MathTex, Text, ThreeDScene

from scenes.style import LABEL_SIZE, LessonScene
from tests.scenes.harness import render


class CrowdedScene(LessonScene):
    def construct(self) -> None:
        first = MathTex("a^2 + b^2", font_size=40)
        second = MathTex("c^2", font_size=40).move_to(first.get_right())
        self.play(FadeIn(first), FadeIn(second), run_time=0.5)
        stray = Text("off the edge", font_size=LABEL_SIZE).move_to(RIGHT * 7.2)
        self.play(FadeIn(stray), run_time=0.5)
        tiny = Text("tiny", font_size=10).move_to(LEFT * 4 + DOWN * 2)
        self.play(FadeIn(tiny), run_time=0.5)


class TidyScene(LessonScene):
    def construct(self) -> None:
        first = MathTex("a^2 + b^2", font_size=40).shift(LEFT * 2)
        second = MathTex("= c^2", font_size=40).next_to(first, RIGHT)
        self.play(FadeIn(first), FadeIn(second), run_time=0.5)


def test_lint_names_overlapping_offframe_and_tiny_texts_with_scene_and_time(tmp_path):
    problems = render(CrowdedScene, tmp_path, tmp_path / "tex").layout_problems
    joined = "\n".join(problems)
    assert "CrowdedScene at t=0.50s: MathTex" in joined
    assert "overlaps MathTex('c^2')" in joined
    assert "Text('off the edge') at (7.20, 0.00) leaves the safe frame" in joined
    assert "Text('tiny')" in joined and "below the smallest size" in joined


def test_lint_passes_a_tidy_scene(tmp_path):
    assert render(TidyScene, tmp_path, tmp_path / "tex").layout_problems == []


class TextInSpaceScene(LessonScene, ThreeDScene):
    def construct(self) -> None:
        self.set_camera_orientation(phi=1.2, theta=-1.0)
        pinned = MathTex("z = x^2", font_size=40).to_corner(UP + LEFT)
        self.add_fixed_in_frame_mobjects(pinned)
        floating = MathTex("y", font_size=40).shift(RIGHT * 2)
        self.play(FadeIn(floating), run_time=0.5)


def test_lint_names_text_of_a_3d_scene_not_fixed_in_the_frame(tmp_path):
    problems = render(TextInSpaceScene, tmp_path, tmp_path / "tex").layout_problems
    assert len(problems) == 1, problems
    assert "MathTex('y')" in problems[0] and "fix it in the frame" in problems[0]
