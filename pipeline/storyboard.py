"""The whole lesson on one page: the last frame of every beat, captioned, in a grid.

A scene's beats are its subcaptions: each ends at a time, and the storyboard shows
the frame on screen then, with the narration and the time under it. During a
render the frames come for free (the last frame of each animation is already
drawn); ``make storyboard`` runs the scene in manim's skip-animations mode instead,
drawing only the frame after each animation, and encodes no video.
"""

from __future__ import annotations

import math
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TILE_WIDTH = 384
COLUMNS = 3
GAP = 16
CAPTION_LINES = 4
FONT_SIZE = 15
BACKGROUND = (14, 17, 22)  # the course's background colour
TEXT = (236, 239, 244)
MUTED = (125, 135, 148)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass
class Beat:
    end: float
    narration: str


@dataclass
class FrameLog:
    """Thumbnails of the frames after each animation, and the beats' narrations and ends."""

    frames: list[tuple[float, Any]] = field(default_factory=list)  # (time, PIL image)
    beats: list[Beat] = field(default_factory=list)

    def add_frame(self, time: float, pixels: Any) -> None:
        from PIL import Image

        image = Image.fromarray(pixels).convert("RGB")
        height = round(image.height * TILE_WIDTH / image.width)
        self.frames.append((time, image.resize((TILE_WIDTH, height), Image.Resampling.LANCZOS)))

    def tiles(self) -> list[tuple[Beat, Any]]:
        """Each beat with the frame on screen at its end (the last one drawn by then)."""
        chosen = []
        for beat in self.beats:
            before = [image for time, image in self.frames if time <= beat.end + 1e-6]
            if before or self.frames:
                chosen.append((beat, before[-1] if before else self.frames[0][1]))
        return chosen


def recording(scene_class: type, log: FrameLog, *, draw: bool) -> type:
    """``scene_class`` keeping a thumbnail after each animation and each beat's end.

    ``draw``: draw the frame first (in skip-animations mode nothing else draws it).
    """

    class Recording(scene_class):  # type: ignore[valid-type, misc]
        def _keep_frame(self) -> None:
            if draw:
                self.renderer.update_frame(self, ignore_skipping=True)
            log.add_frame(float(self.time), self.renderer.get_frame())

        def play(self, *args: Any, **kwargs: Any) -> None:  # wait() plays a Wait too
            super().play(*args, **kwargs)
            self._keep_frame()

        def add_subcaption(self, content: str, duration: float = 1, offset: float = 0) -> None:
            super().add_subcaption(content, duration=duration, offset=offset)
            log.beats.append(Beat(float(self.time) + offset + duration, content))

    Recording.__name__ = scene_class.__name__
    Recording.__qualname__ = scene_class.__qualname__
    return Recording


def clock(seconds: float) -> str:
    seconds = max(0, math.floor(seconds + 1e-6))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _font(size: int) -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.truetype(str(FONT), size)
    except OSError:
        return ImageFont.load_default(size)


def compose(title: str, tiles: list[tuple[Beat, Any]]) -> Any:
    """The storyboard image: a heading, then the tiles in rows, each with its time and words."""
    from PIL import Image, ImageDraw

    font, heading_font = _font(FONT_SIZE), _font(FONT_SIZE + 5)
    tile_height = tiles[0][1].height if tiles else round(TILE_WIDTH * 9 / 16)
    line_height = FONT_SIZE + 5
    caption_height = line_height * (CAPTION_LINES + 1)
    cell_height = tile_height + caption_height + GAP
    rows = max(1, math.ceil(len(tiles) / COLUMNS))
    heading_height = FONT_SIZE + 5 + 2 * GAP
    width = COLUMNS * TILE_WIDTH + (COLUMNS + 1) * GAP
    canvas = Image.new("RGB", (width, heading_height + rows * cell_height + GAP), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    draw.text((GAP, GAP), title, fill=TEXT, font=heading_font)
    chars = max(20, int(TILE_WIDTH / (FONT_SIZE * 0.55)))
    for i, (beat, image) in enumerate(tiles):
        row, column = divmod(i, COLUMNS)
        x = GAP + column * (TILE_WIDTH + GAP)
        y = heading_height + row * cell_height
        canvas.paste(image, (x, y))
        draw.text((x, y + tile_height + 4), f"{i + 1}.  {clock(beat.end)}", fill=MUTED, font=font)
        lines = textwrap.wrap(beat.narration, chars)
        if len(lines) > CAPTION_LINES:
            lines = [*lines[: CAPTION_LINES - 1], lines[CAPTION_LINES - 1].rstrip(".,;") + " ..."]
        for j, line in enumerate(lines):
            draw.text((x, y + tile_height + 4 + line_height * (j + 1)), line, fill=TEXT, font=font)
    return canvas


def save(log: FrameLog, title: str, path: Path) -> int:
    """Write the storyboard of ``log`` to ``path`` (through a temporary name); return tile count."""
    tiles = log.tiles()
    image = compose(title, tiles)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        image.save(temporary, format="PNG", optimize=False)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return len(tiles)
