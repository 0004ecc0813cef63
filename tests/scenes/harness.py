"""Render a scene in-process at a tiny size, with a layout lint watching every beat.

The lint runs after each ``play`` and ``wait``: it finds every text or formula
on screen (the outermost ones: a matrix's entries count, a formula's glyphs do
not) and reports any that leaves the frame's safe margin, is set smaller than
the theme's smallest size, or overlaps another; and through
``tests.scenes.graphics_lint`` the pictures: plots past their axes, axes without
numbers, ragged rows of captions, systems not aligned at their signs, anything
over the title. Each report names the scene, the time and the mobjects, so a
failure says where to look.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from manim import (
    DecimalNumber,
    MarkupText,
    MathTex,
    Matrix,
    Mobject,
    Paragraph,
    Scene,
    SingleStringMathTex,
    Text,
    config,
    tempconfig,
)

from pipeline.worker import install_shared_tex_cache, probe_video, save_poster
from scenes import style
from scenes.inputs import InputError

TEXT_TYPES = (Text, MarkupText, Paragraph, SingleStringMathTex, MathTex, DecimalNumber)
#: Two boxes closer than this (scene units) in both directions count as overlapping.
OVERLAP_TOLERANCE = 0.02
#: Font sizes may be this much below the minimum (rounding of glyph heights).
SIZE_TOLERANCE = 0.9

TINY = {"pixel_width": 256, "pixel_height": 144, "frame_rate": 2}


def formula_folders(tex_cache: Path) -> dict[str, str]:
    """Where this test process keeps the formulas and texts it parses, the same for every
    render it runs.

    manim keeps each parsed SVG in memory, keyed by its file's path: with one folder a
    process, a second render of a scene (or another scene's same formula) reuses the
    parsed shapes instead of parsing the file again. One folder per process, because
    manim parses a file by writing a copy beside it (see pipeline.worker.private_copy).
    """
    own = tex_cache / "parsed" / str(os.getpid())
    return {"tex_dir": str(own / "tex"), "text_dir": str(own / "text")}


def describe(mobject: Mobject) -> str:
    """A short, recognisable name for a mobject: its type, its text, where it is."""
    if isinstance(mobject, Text | MarkupText):
        content = getattr(mobject, "original_text", mobject.text)
    elif isinstance(mobject, DecimalNumber):
        content = f"{mobject.get_value():g}"
    elif isinstance(mobject, SingleStringMathTex):
        content = mobject.tex_string
    else:
        content = ""
    x, y, _ = mobject.get_center()
    content = content if len(content) <= 40 else content[:37] + "..."
    return f"{type(mobject).__name__}({content!r}) at ({x:.2f}, {y:.2f})"


def is_visible(mobject: Mobject) -> bool:
    family = mobject.family_members_with_points()
    if not family or np.ptp(mobject.get_all_points()[:, :2], axis=0).max() < 1e-3:
        return False
    return any(
        float(np.max(m.get_fill_opacity())) > 0.05 or float(np.max(m.get_stroke_opacity())) > 0.05
        for m in family
        if hasattr(m, "get_fill_opacity")
    )


def texts_on_screen(scene: Scene) -> list[Mobject]:
    """The outermost visible text and formula mobjects the scene shows now."""
    found: list[Mobject] = []

    def visit(mobject: Mobject) -> None:
        if isinstance(mobject, Matrix):  # its entries are text; its brackets are not
            for entry in mobject.get_entries():
                visit(entry)
            return
        if isinstance(mobject, TEXT_TYPES):
            if is_visible(mobject):
                found.append(mobject)
            return
        for child in mobject.submobjects:
            visit(child)

    for mobject in scene.mobjects:
        visit(mobject)
    return found


def font_size_of(mobject: Mobject) -> float | None:
    try:
        return float(mobject.font_size)
    except (AttributeError, ZeroDivisionError, TypeError):
        return None


Box = tuple[float, float, float, float]


def box_of(mobject: Mobject) -> Box:
    """``(left, bottom, right, top)`` of ``mobject``'s bounding box, in one pass over its
    points. Curves' handles count with their anchors: a glyph's box grows by a hair at
    most, and the box costs a fraction of manim's anchors-only measure, which the lint
    would otherwise repeat for every text in every frame it looks at."""
    points = mobject.get_all_points()
    if len(points) == 0:
        x, y = (float(c) for c in mobject.get_center()[:2])
        return x, y, x, y
    (x0, y0), (x1, y1) = points[:, :2].min(axis=0), points[:, :2].max(axis=0)
    return float(x0), float(y0), float(x1), float(y1)


def boxes_overlap(a: Box, b: Box) -> bool:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width > OVERLAP_TOLERANCE and height > OVERLAP_TOLERANCE


def overlap(a: Mobject, b: Mobject) -> bool:
    return boxes_overlap(box_of(a), box_of(b))


def layout_problems(scene: Scene) -> list[str]:
    """Every text leaving the safe margin, set too small, or overlapping another, now."""
    name = type(scene).__name__
    when = f"{name} at t={scene.time:.2f}s"
    problems = []
    texts = texts_on_screen(scene)
    # A 3-D scene draws text in the frame only if it is fixed there; any other text is
    # projected, turns with the camera, and its box here is not where it appears.
    fixed = getattr(scene.camera, "fixed_in_frame_mobjects", None)
    boxes = [box_of(mobject) for mobject in texts]
    for mobject, box in zip(texts, boxes, strict=True):
        if fixed is not None and mobject not in fixed:
            problems.append(
                f"{when}: {describe(mobject)} is drawn in 3-D space, where it turns with the "
                "camera and cannot be measured; fix it in the frame (add_fixed_in_frame_mobjects)"
            )
        if not style.box_is_inside_margin(box):
            problems.append(f"{when}: {describe(mobject)} leaves the safe frame")
        size = font_size_of(mobject)
        if size is not None and size < style.MIN_TEXT_SIZE * SIZE_TOLERANCE:
            problems.append(
                f"{when}: {describe(mobject)} is set at {size:.0f} pt, below the smallest "
                f"size {style.MIN_TEXT_SIZE} pt"
            )
    for (a, box_a), (b, box_b) in itertools.combinations(zip(texts, boxes, strict=True), 2):
        if boxes_overlap(box_a, box_b):
            problems.append(f"{when}: {describe(a)} overlaps {describe(b)}")
    return problems


def with_layout_lint(scene_class: type[Scene]) -> type[Scene]:
    """A subclass of ``scene_class`` that runs the layout lint after every play and wait:
    the text checks here and the graphics checks of ``tests.scenes.graphics_lint``."""

    class Linted(scene_class):  # type: ignore[valid-type, misc]
        def setup(self) -> None:
            super().setup()
            self.layout_problems: list[str] = []
            self._seen: set[str] = set()

        def play(self, *args: Any, **kwargs: Any) -> None:
            from tests.scenes.graphics_lint import graphics_problems

            super().play(*args, **kwargs)
            for problem in [*layout_problems(self), *graphics_problems(self)]:
                what = problem.split(": ", 1)[1]  # reported once, at the first time seen
                if what not in self._seen:
                    self._seen.add(what)
                    self.layout_problems.append(problem)

    Linted.__name__ = scene_class.__name__
    Linted.__qualname__ = scene_class.__qualname__
    return Linted


@dataclass
class Render:
    """What one render left: the scene object, its files, and what the lint found."""

    scene: Any
    video: Path | None  # None for a dry run, which draws no frames
    subtitles: Path | None
    poster: Path | None
    duration: float
    frames: int
    layout_problems: list[str] = field(default_factory=list)

    @property
    def poster_pixels(self) -> np.ndarray:
        from PIL import Image

        with Image.open(self.poster) as image:
            return np.asarray(image.convert("RGB"), dtype=np.int16)


def render(
    scene_class: type[Scene],
    media_dir: Path,
    tex_cache: Path,
    *,
    lint: bool = True,
    quality: dict[str, int] | None = None,
) -> Render:
    """Render ``scene_class`` into ``media_dir`` with real manim, LaTeX and encoding."""
    install_shared_tex_cache(tex_cache, None)
    cls = with_layout_lint(scene_class) if lint else scene_class
    settings = {
        "media_dir": str(media_dir),
        **formula_folders(tex_cache),
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "ERROR",
        "seed": 1,
        **(quality or TINY),
    }
    with tempconfig(settings):
        config.output_file = scene_class.__name__
        scene = cls()
        scene.render()
        writer = scene.renderer.file_writer
        video = Path(writer.movie_file_path)
        subtitles = writer.output_plan.subcaption_file
        poster = media_dir / f"{scene_class.__name__}.png"
        save_poster(scene.renderer.get_frame(), poster)
    duration, frames = probe_video(video)
    return Render(
        scene=scene,
        video=video,
        subtitles=Path(subtitles) if subtitles and Path(subtitles).exists() else None,
        poster=poster,
        duration=duration,
        frames=frames,
        layout_problems=list(getattr(scene, "layout_problems", [])),
    )


def dry_render(scene_class: type[Scene], media_dir: Path, tex_cache: Path) -> Render:
    """Run ``scene_class`` with the layout lint in manim's skip-animations mode, writing nothing.

    Each animation jumps to its end, so the lint sees every beat's final layout and the
    scene records its numbers, without drawing or encoding a frame: a fraction of a render.
    """
    install_shared_tex_cache(tex_cache, None)
    settings = {
        "media_dir": str(media_dir),
        **formula_folders(tex_cache),
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "ERROR",
        "dry_run": True,
        **TINY,
    }
    with tempconfig(settings):
        scene = with_layout_lint(scene_class)(skip_animations=True)
        scene.render()
    return Render(
        scene=scene,
        video=None,
        subtitles=None,
        poster=None,
        duration=scene.time,
        frames=0,
        layout_problems=list(scene.layout_problems),
    )


#: Each scene's numbers check, by scene name: ``check(result)`` asserts that what the scene
#: recorded and shows agrees with ``lib`` for the inputs it ran with (``result.scene``).
NUMBER_CHECKS: dict[str, Callable[[Render], None]] = {}


def numbers_check(name: str) -> Callable[[Callable[[Render], None]], Callable[[Render], None]]:
    """Register the decorated function as scene ``name``'s numbers check (for the fuzz test)."""

    def register(check: Callable[[Render], None]) -> Callable[[Render], None]:
        NUMBER_CHECKS[name] = check
        return check

    return register


def final_screen_text(scene: Scene) -> str:
    """Every string of text and formula on the scene's last frame, joined."""
    parts = []
    for mobject in texts_on_screen(scene):
        if isinstance(mobject, MathTex):
            parts.append(mobject.get_tex_string())
        elif isinstance(mobject, Text):
            parts.append(mobject.original_text)
    return "\n".join(parts)


def variant(scene_class: type[Scene], **inputs: Any) -> type[Scene]:
    """A subclass of ``scene_class`` with other inputs, as a lecturer would make it."""
    return type(scene_class.__name__, (scene_class,), inputs)


def refused(name_or_class: str | type[Scene], **inputs: Any) -> str:
    """The message with which a scene's domain refuses its defaults changed by ``inputs``."""
    from tests.scenes.conftest import scene_class

    cls = scene_class(name_or_class) if isinstance(name_or_class, str) else name_or_class
    with pytest.raises(InputError) as error:
        cls.domain.check(cls.__name__, {**cls.domain.values_of(cls), **inputs})
    return str(error.value)


def assert_frames_differ(first: Render, second: Render) -> None:
    difference = np.abs(first.poster_pixels - second.poster_pixels).mean()
    assert difference > 1.0, "changing the input left the poster frame unchanged"
