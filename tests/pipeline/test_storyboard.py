"""Storyboards: one tile per beat, each the video's frame at the beat's end, from real renders."""

from __future__ import annotations

import json

import av
import numpy as np
import pytest
import srt
from PIL import Image

from pipeline import storyboard as board
from tests.pipeline.conftest import Project
from tests.pipeline.test_make import LINES, SHAPES, digest, edit

#: How far a tile may drift from the video's frame (0-255 scale; the video is lossy).
MEAN_TOLERANCE = 6.0


def tile(image: Image.Image, index: int, tile_height: int) -> np.ndarray:
    """Tile ``index`` cut out of a storyboard (its layout is the module's)."""
    heading = board.FONT_SIZE + 5 + 2 * board.GAP
    cell = tile_height + (board.FONT_SIZE + 5) * (board.CAPTION_LINES + 1)
    row, column = divmod(index, board.COLUMNS)
    x = board.GAP + column * (board.TILE_WIDTH + board.GAP)
    y = heading + row * (cell + board.GAP)
    crop = image.crop((x, y, x + board.TILE_WIDTH, y + tile_height))
    return np.asarray(crop.convert("RGB"), dtype=np.int16)


def frame_at(video, seconds: float) -> Image.Image:
    """The video's last frame shown at ``seconds`` or before."""
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        chosen = None
        for frame in container.decode(stream):
            if frame.time is not None and frame.time <= seconds + 1e-6:
                chosen = frame
        return chosen.to_image()


@pytest.mark.parametrize("section, stem", [(SHAPES, "01-GrowingCircle"), (LINES, "01-DrawnLine")])
def test_a_render_writes_a_storyboard_with_the_video_frame_at_each_beat_end(
    rendered_project: Project, section: str, stem: str
):
    video = rendered_project.output(section, stem, "mp4")
    path = rendered_project.quality_dir / section / f"{stem}.storyboard.png"
    beats = list(srt.parse(rendered_project.output(section, stem, "srt").read_text()))
    state = json.loads(
        (rendered_project.quality_dir / ".state" / f"{stem.split('-', 1)[1]}.json").read_text()
    )
    assert state["storyboard_tiles"] == len(beats) > 0
    fps = 5  # the test quality
    with Image.open(path) as image:
        for i, beat in enumerate(beats):
            expected = frame_at(video, beat.end.total_seconds() - 1 / fps)
            height = round(expected.height * board.TILE_WIDTH / expected.width)
            thumbnail = expected.convert("RGB").resize(
                (board.TILE_WIDTH, height), Image.Resampling.LANCZOS
            )
            difference = np.abs(tile(image, i, height) - np.asarray(thumbnail, dtype=np.int16))
            assert difference.mean() <= MEAN_TOLERANCE, f"tile {i + 1} of {stem}"


def test_make_storyboard_writes_one_without_a_video_and_follows_the_inputs(project: Project):
    result = project.make("storyboard", "S=DrawnLine")
    assert result.returncode == 0, result.stdout + result.stderr
    path = project.quality_dir / LINES / "01-DrawnLine.storyboard.png"
    assert "storyboard of 1 beat in " in result.stdout
    assert str(path.relative_to(project.root)) in result.stdout
    assert path.exists()
    assert not list(project.quality_dir.rglob("*.mp4"))  # no video encoded
    before = digest(path)
    module = project.scene_module("s02_fixture/drawn_line.py")
    module.write_text(module.read_text().replace("length = 4.0", "length = 1.5"))
    assert project.make("storyboard", "S=DrawnLine").returncode == 0
    assert digest(path) != before  # the picture follows the changed input
    edit(module)  # a comment: the same picture
    assert project.make("storyboard", "S=DrawnLine").returncode == 0
    with Image.open(path) as image:
        assert image.width == board.COLUMNS * board.TILE_WIDTH + (board.COLUMNS + 1) * board.GAP


def test_the_gallery_shows_each_storyboard(rendered_project: Project):
    html = (rendered_project.quality_dir / "index.html").read_text()
    assert html.count('class="storyboard" href="') == 3
    assert f'href="{SHAPES}/01-GrowingCircle.storyboard.png"' in html
