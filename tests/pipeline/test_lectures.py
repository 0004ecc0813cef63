"""Lectures: each section's scenes joined by real `make` (tiny quality), checked with PyAV."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from pipeline import subtitles
from pipeline.lectures import JoinError, Part, join
from tests.pipeline.conftest import Project
from tests.pipeline.test_make import FAILING, LINES, SHAPES, add_section

FPS = 5
RATE = 44_100  # sound samples a second, in the clips made here
FRAME = 1 / FPS
SECTIONS = {
    SHAPES: [("01-GrowingCircle", "A growing circle"), ("02-MovingDot", "A moving dot")],
    LINES: [("01-DrawnLine", "A drawn line")],
}


def lecture(project: Project, section: str, suffix: str = ".mp4") -> Path:
    return project.quality_dir / f"{section}{suffix}"


def video_facts(path: Path) -> tuple[float, int, tuple[str, int, int]]:
    """Duration (seconds, of the video stream), decoded frame count, (codec, width, height)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        times = [
            (frame.pts * frame.time_base, frame.duration * frame.time_base)
            for frame in container.decode(stream)
        ]
        context = stream.codec_context
        duration = float(max(start + length for start, length in times) - times[0][0])
        return duration, len(times), (context.name, context.width, context.height)


def joined_lines(output: str) -> list[str]:
    """Folders of the lectures a run reported as joined."""
    return [
        line.split()[1]
        for line in output.splitlines()
        if line.startswith("lecture ") and " done in " in line
    ]


@pytest.mark.parametrize("section", list(SECTIONS))
def test_lecture_lasts_as_long_as_its_scenes_and_has_all_their_frames(
    rendered_project: Project, section: str
):
    scenes = [
        video_facts(rendered_project.output(section, stem, "mp4")) for stem, _ in SECTIONS[section]
    ]
    duration, frames, codec = video_facts(lecture(rendered_project, section))
    assert duration == pytest.approx(sum(d for d, _, _ in scenes), abs=FRAME)
    assert frames == sum(n for _, n, _ in scenes)
    assert codec == scenes[0][2] == ("h264", 256, 144)
    with av.open(str(lecture(rendered_project, section))) as container:
        assert container.duration / 1_000_000 == pytest.approx(duration, abs=FRAME)


def test_lecture_is_a_remux_not_a_new_encoding(rendered_project: Project):
    def packets(path: Path) -> list[bytes]:
        with av.open(str(path)) as container:
            return [bytes(p) for p in container.demux(container.streams.video[0]) if p.size]

    scenes = [rendered_project.output(SHAPES, stem, "mp4") for stem, _ in SECTIONS[SHAPES]]
    assert packets(lecture(rendered_project, SHAPES)) == [p for s in scenes for p in packets(s)]


def test_lecture_has_a_chapter_per_scene_titled_from_the_manifest(rendered_project: Project):
    starts = [0.0]
    for stem, _ in SECTIONS[SHAPES][:-1]:
        starts.append(starts[-1] + video_facts(rendered_project.output(SHAPES, stem, "mp4"))[0])
    with av.open(str(lecture(rendered_project, SHAPES))) as container:
        chapters = container.chapters()
    assert [c["metadata"]["title"] for c in chapters] == [t for _, t in SECTIONS[SHAPES]]
    assert [float(c["start"] * c["time_base"]) for c in chapters] == pytest.approx(
        starts, abs=0.002
    )
    ends = [float(c["end"] * c["time_base"]) for c in chapters]
    assert ends[:-1] == pytest.approx(starts[1:], abs=0.002)

    vtt = lecture(rendered_project, SHAPES, ".chapters.vtt").read_text()
    assert vtt.startswith("WEBVTT\n")
    cues = subtitles.parse_srt(vtt.split("\n", 2)[2])
    assert [cue.text for cue in cues] == [t for _, t in SECTIONS[SHAPES]]
    assert [cue.start / 1000 for cue in cues] == pytest.approx(starts, abs=0.002)


def test_lecture_subtitles_are_the_scenes_shifted_by_each_start(rendered_project: Project):
    (first, _), (second, _) = SECTIONS[SHAPES]
    first_cues = subtitles.parse_srt(rendered_project.output(SHAPES, first, "srt").read_text())
    second_cues = subtitles.parse_srt(rendered_project.output(SHAPES, second, "srt").read_text())
    offset = round(video_facts(rendered_project.output(SHAPES, first, "mp4"))[0] * 1000)
    merged = subtitles.parse_srt(lecture(rendered_project, SHAPES, ".srt").read_text())
    expected = first_cues + [cue.shifted(offset) for cue in second_cues]
    assert [c.text for c in merged] == [c.text for c in expected]
    assert [c.start for c in merged] == pytest.approx([c.start for c in expected], abs=2)
    assert [c.end for c in merged] == pytest.approx([c.end for c in expected], abs=2)
    assert merged[len(first_cues)].start >= offset - 2  # the second scene's first cue
    assert merged[0].start == 0


def test_lecture_state_record_lists_its_chapters(rendered_project: Project):
    record = json.loads(
        (rendered_project.quality_dir / ".state" / "lectures" / f"{SHAPES}.json").read_text()
    )
    assert [c["scene"] for c in record["chapters"]] == ["GrowingCircle", "MovingDot"]
    assert record["outputs"]["mp4"] == f"renders/144p5/{SHAPES}.mp4"
    assert record["frames"] == video_facts(lecture(rendered_project, SHAPES))[1]


def test_make_reports_each_lecture_with_its_scenes_and_duration(rendered_copy: Project):
    for path in rendered_copy.quality_dir.glob(f"{SHAPES}.*"):
        path.unlink()
    result = rendered_copy.make()
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith(f"lecture {SHAPES}"))
    assert line.startswith(f"lecture {SHAPES} 144p5 ... done in ")
    assert line.endswith("(2 scenes, 0:02)")
    assert "lectures: 1 joined, 1 up to date, 0 skipped, 0 failed" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_second_make_joins_nothing(rendered_project: Project):
    before = {p: p.stat().st_mtime_ns for p in rendered_project.quality_dir.glob("*.*")}
    result = rendered_project.make("lectures")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lectures: 0 joined, 2 up to date" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in rendered_project.quality_dir.glob("*.*")} == before


def test_editing_one_scene_rejoins_only_its_sections_lecture(rendered_copy: Project):
    project = rendered_copy
    untouched = lecture(project, SHAPES).stat().st_mtime_ns
    module = project.scene_module("s02_fixture/drawn_line.py")
    module.write_text(module.read_text() + "\n# a contributor's edit\n")
    result = project.make()
    assert result.returncode == 0, result.stdout
    assert joined_lines(result.stdout) == [LINES]
    assert "lectures: 1 joined, 1 up to date" in result.stdout
    assert lecture(project, SHAPES).stat().st_mtime_ns == untouched


def test_retitling_a_scene_rejoins_its_lecture_with_the_new_chapter_title(rendered_copy: Project):
    project = rendered_copy
    manifest = project.scene_module("curriculum.toml")
    manifest.write_text(manifest.read_text().replace('"A moving dot"', '"A dot on the move"'))
    result = project.make()
    assert joined_lines(result.stdout) == [SHAPES]
    with av.open(str(lecture(project, SHAPES))) as container:
        titles = [c["metadata"]["title"] for c in container.chapters()]
    assert titles == ["A growing circle", "A dot on the move"]


def test_section_with_a_failed_scene_is_skipped_and_the_others_are_joined(rendered_copy: Project):
    project = rendered_copy
    for path in project.quality_dir.glob("*.mp4"):
        path.unlink()
    add_section(project, 0, "s00_broken", {"BrokenScene": FAILING}, first=True)
    result = project.make("-k")
    assert result.returncode != 0
    assert (
        "lecture 00-extra-0 144p5 skipped: BrokenScene is missing (make section N=0 renders it)"
        in result.stdout
    )
    assert joined_lines(result.stdout) == [SHAPES, LINES]
    assert "lectures: 2 joined, 0 up to date, 1 skipped, 0 failed" in result.stdout
    assert not lecture(project, "00-extra-0").exists()
    assert lecture(project, SHAPES).exists() and lecture(project, LINES).exists()


def write_clip(
    path: Path,
    width: int,
    height: int,
    fps: int = FPS,
    frames: int = 5,
    options: dict[str, str] | None = None,
    sound: bool = False,
) -> Path:
    """A short h264 clip of the given size (with AAC sound if asked), encoded here."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps, options=options or {})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        audio = container.add_stream("aac", rate=RATE) if sound else None
        for i in range(frames):
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane in frame.planes:
                plane.update(bytes([16 + 40 * i % 220]) * plane.buffer_size)
            frame.pts, frame.time_base = i, Fraction(1, fps)
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
        if audio is not None:
            samples = np.sin(np.arange(RATE * frames // fps) / 10).astype("float32") * 0.3
            for at in range(0, samples.size, 1024):
                chunk = samples[None, at : at + 1024]
                piece = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
                piece.sample_rate, piece.pts = RATE, at
                container.mux(audio.encode(piece))
            container.mux(audio.encode())
    return path


def test_a_scene_that_differs_is_named_and_its_lecture_not_written(rendered_copy: Project):
    project = rendered_copy
    # MovingDot's video is replaced by one of another size; its lecture is joined anew.
    write_clip(project.output(SHAPES, "02-MovingDot", "mp4"), 320, 180)
    lecture(project, SHAPES).unlink()
    result = project.make("lectures")
    assert result.returncode != 0
    assert (
        f"lecture {SHAPES} 144p5 FAILED: cannot join: MovingDot is 320x180 at 5 fps "
        "(h264, yuv420p), but GrowingCircle is 256x144 at 5 fps (h264, yuv420p)"
    ) in result.stdout
    assert "lectures: 0 joined, 1 up to date, 0 skipped, 1 failed" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not lecture(project, SHAPES).exists()
    assert not [p for p in project.quality_dir.glob(".*.tmp")]


def test_join_refuses_other_frame_rates_and_encoder_settings(tmp_path: Path):
    base = Part("Base", "a", write_clip(tmp_path / "a.mp4", 256, 144))
    faster = Part("Faster", "b", write_clip(tmp_path / "b.mp4", 256, 144, fps=10))
    with pytest.raises(JoinError, match=r"Faster is 256x144 at 10 fps .*differs in .*frame rate"):
        join([base, faster], tmp_path / "out.mp4")
    baseline = write_clip(tmp_path / "c.mp4", 256, 144, options={"profile": "baseline"})
    with pytest.raises(JoinError, match=r"Baseline was encoded with other h264 settings than Base"):
        join([base, Part("Baseline", "c", baseline)], tmp_path / "out.mp4")
    assert not (tmp_path / "out.mp4").exists()


def test_join_of_clips_starts_each_chapter_where_the_last_ended(tmp_path: Path):
    clips = [write_clip(tmp_path / f"{n}.mp4", 64, 48, frames=n) for n in (3, 4, 2)]
    parts = [Part(f"Clip{i}", f"Clip {i}", clip) for i, clip in enumerate(clips)]
    joined = join(parts, tmp_path / "out.mp4", title="Three clips")
    assert joined.durations == (Fraction(3, FPS), Fraction(4, FPS), Fraction(2, FPS))
    assert joined.starts == (0, Fraction(3, FPS), Fraction(7, FPS))
    assert joined.frames == 9
    assert video_facts(tmp_path / "out.mp4")[:2] == (pytest.approx(9 / FPS), 9)
    with av.open(str(tmp_path / "out.mp4")) as container:
        assert container.metadata["title"] == "Three clips"
        assert [float(c["start"] * c["time_base"]) for c in container.chapters()] == [
            0,
            0.6,
            1.4,
        ]


def test_join_copies_sound_too_and_keeps_it_in_order(tmp_path: Path):
    clips = [write_clip(tmp_path / f"{n}.mp4", 64, 48, frames=n, sound=True) for n in (5, 10)]
    joined = join([Part("A", "A", clips[0]), Part("B", "B", clips[1])], tmp_path / "out.mp4")
    assert joined.frames == 15
    with av.open(str(tmp_path / "out.mp4")) as container:
        samples = sum(frame.samples for frame in container.decode(audio=0))
        assert container.streams.video[0].frames == 15
    assert samples == pytest.approx(3 * RATE, rel=0.03)  # three seconds, AAC padding aside


# -- subtitles ------------------------------------------------------------------

SRT = """1
00:00:00,000 --> 00:00:01,500
A circle is drawn.

2
00:00:01,500 --> 00:01:02,025
Its equation: x < y & y > 0.
Second line.
"""


def test_srt_round_trips_and_shifts():
    cues = subtitles.parse_srt(SRT)
    assert cues[1] == subtitles.Cue(1500, 62025, "Its equation: x < y & y > 0.\nSecond line.")
    assert subtitles.format_srt(cues) == SRT
    shifted = subtitles.merge([(cues, 0), (cues[:1], 3_600_000)])
    assert subtitles.format_srt(shifted).splitlines()[-2] == "01:00:00,000 --> 01:00:01,500"


def test_vtt_uses_dots_and_escapes_markup():
    vtt = subtitles.srt_to_vtt(SRT)
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n")
    assert "x &lt; y &amp; y &gt; 0." in vtt


def test_malformed_srt_names_the_file_and_the_cue():
    with pytest.raises(subtitles.SubtitleError, match=r"scene\.srt: subtitle #2 has no time line"):
        subtitles.parse_srt("1\n00:00:00,000 --> 00:00:01,000\nok\n\n2\nno times\n", "scene.srt")
