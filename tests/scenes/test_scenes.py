"""Every scene of the manifest: renders, holds its layout, narrates, matches its poster."""

from __future__ import annotations

import hashlib
import itertools

import numpy as np
import pytest
import srt

from tests.scenes.conftest import POSTERS, SCENE_NAMES, scene_class
from tests.scenes.harness import render

#: How far a poster may drift from its reviewed reference (0-255 scale).
POSTER_MEAN_TOLERANCE = 3.0
POSTER_PIXEL_TOLERANCE = 60
POSTER_CHANGED_FRACTION = 0.01

pytestmark = pytest.mark.render
scenes = pytest.mark.parametrize("name", SCENE_NAMES)


@scenes
def test_scene_renders_a_video_of_lesson_length(rendered, name):
    result = rendered(name)
    assert result.frames > 0
    assert 20 <= result.duration <= 90, f"{name} lasts {result.duration:.1f} s; keep it 20-90 s"


@scenes
def test_layout_keeps_every_text_inside_the_frame_apart_and_legible(rendered, name):
    problems = rendered(name).layout_problems
    assert not problems, "\n".join(problems)


@scenes
def test_subtitles_are_well_formed_and_narrate_every_beat(rendered, name):
    result = rendered(name)
    assert result.subtitles is not None, f"{name} wrote no .srt"
    subtitles = list(srt.parse(result.subtitles.read_text(encoding="utf-8")))
    assert subtitles, f"{name} has no subcaptions"
    for previous, current in itertools.pairwise(subtitles):
        assert previous.end <= current.start, f"{name}: subtitles overlap at {current.start}"
    for subtitle in subtitles:
        assert subtitle.start < subtitle.end
        assert subtitle.end.total_seconds() <= result.duration + 0.01
        assert subtitle.content.strip()
    beats = result.scene.beats
    assert beats, f"{name} narrates no beats"
    contents = [s.content for s in subtitles]
    missing = [beat for beat in beats if beat not in contents]
    assert not missing, f"{name}: beats without a subtitle: {missing}"
    narrated = sum((s.end - s.start).total_seconds() for s in subtitles)
    assert narrated >= 0.6 * result.duration, f"{name}: subtitles cover too little of the video"


@scenes
def test_poster_matches_its_reviewed_reference(rendered, name):
    reference_path = POSTERS / f"{name}.png"
    assert reference_path.exists(), (
        f"no reference poster for {name}: look at the render, then run `make refresh-posters`"
    )
    from PIL import Image

    with Image.open(reference_path) as image:
        reference = np.asarray(image.convert("RGB"), dtype=np.int16)
    poster = rendered(name).poster_pixels
    assert poster.shape == reference.shape
    difference = np.abs(poster - reference)
    changed = float(np.mean(difference.max(axis=2) > POSTER_PIXEL_TOLERANCE))
    assert (
        float(difference.mean()) <= POSTER_MEAN_TOLERANCE and changed <= POSTER_CHANGED_FRACTION
    ), (
        f"{name}: poster differs from tests/scenes/posters/{name}.png "
        f"(mean {difference.mean():.2f}, {changed:.1%} of pixels changed); if the change was "
        "reviewed, run `make refresh-posters`"
    )


@scenes
def test_the_same_scene_renders_to_identical_bytes(rendered, name, tmp_path, tex_cache):
    first = rendered(name).video.read_bytes()
    second = render(scene_class(name), tmp_path, tex_cache, lint=False).video.read_bytes()
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
