"""The voice track: real `make` with VOICE=draft and VOICE=recorded on the fixture project.

Speech is read back from the encoded files: decoded with PyAV and measured from
its samples (onsets, loudness, pitch), never taken from the state records alone.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest
from scipy.io import wavfile

from pipeline import audio, subtitles, voice
from pipeline.lectures import Part, join
from tests.pipeline.conftest import Project, copy_project
from tests.pipeline.test_lectures import write_clip
from tests.pipeline.test_make import ALL_STEMS, LINES, SHAPES, digest

RATE = voice.SAMPLE_RATE
#: How close a beat's speech starts to its subtitle cue (the issue's bound).
ONSET_TOLERANCE = 0.05
#: Half an AAC packet: how far a scene's sound may sit from its chapter start in a lecture.
HALF_PACKET = 512 / RATE

pytestmark = pytest.mark.xdist_group("voice")


def sound_of(path: Path) -> np.ndarray:
    """The decoded mono samples of the file's audio stream."""
    with av.open(str(path)) as container:
        return np.concatenate([f.to_ndarray()[0] for f in container.decode(audio=0)])


def packets(path: Path, kind: str) -> list[bytes]:
    with av.open(str(path)) as container:
        stream = container.streams.audio[0] if kind == "audio" else container.streams.video[0]
        return [bytes(p) for p in container.demux(stream) if p.dts is not None]


def lengths(path: Path) -> tuple[float, float, float]:
    """Seconds of the video stream and of the audio stream, and the frame duration."""
    with av.open(str(path)) as container:
        video, sound = container.streams.video[0], container.streams.audio[0]
        return (
            float(video.duration * video.time_base),
            float(sound.duration * sound.time_base),
            1 / float(video.average_rate),
        )


def cues(path: Path) -> list[subtitles.Cue]:
    return subtitles.parse_srt(path.read_text(encoding="utf-8"), path.name)


def beat_texts(project: Project, stem: str, section: str = SHAPES) -> list[str]:
    return [cue.text for cue in cues(project.output(section, stem, "srt"))]


def first_onset(samples: np.ndarray, start: float, end: float) -> float | None:
    """The first onset of sound in [start - 0.1 s, end), in seconds of the whole track."""
    begin = max(0, round((start - 0.1) * RATE))
    found = audio.onsets(samples[begin : round(end * RATE)], RATE)
    return begin / RATE + float(found[0]) if found.size else None


def last_sound(samples: np.ndarray, start: float, end: float, floor_db: float = -40.0) -> float:
    """The time of the last sample at or above ``floor_db`` in [start, end)."""
    piece = np.abs(samples[round(start * RATE) : round(end * RATE)])
    loud = np.flatnonzero(piece >= 10 ** (floor_db / 20))
    return start + (loud[-1] + 1) / RATE if loud.size else start


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project built once with the draft voice (scenes, lectures, gallery)."""
    project = Project(copy_project(tmp_path_factory.mktemp("drafted") / "project"))
    result = project.make("VOICE=draft")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


# -- VOICE=draft ----------------------------------------------------------------------


@pytest.mark.parametrize(("section", "stem"), ALL_STEMS)
def test_draft_voice_gives_every_scene_a_track_as_long_as_its_picture(
    drafted: Project, section: str, stem: str
):
    video = drafted.output(section, stem, "mp4")
    with av.open(str(video)) as container:
        (sound,) = container.streams.audio
        assert (sound.codec_context.name, sound.sample_rate, sound.channels) == ("aac", RATE, 1)
    picture, heard, frame = lengths(video)
    assert abs(picture - heard) <= frame


@pytest.mark.parametrize(("section", "stem"), ALL_STEMS)
def test_each_beat_is_spoken_from_its_cue_and_lasts_as_long_as_its_speech(
    drafted: Project, section: str, stem: str
):
    samples = sound_of(drafted.output(section, stem, "mp4"))
    scene_cues = cues(drafted.output(section, stem, "srt"))
    assert scene_cues
    for cue, following in zip(scene_cues, [*scene_cues[1:], None], strict=True):
        start, end = cue.start / 1000, cue.end / 1000
        onset = first_onset(samples, start, end)
        assert onset is not None, f"no speech under {cue.text!r}"
        assert abs(onset - start) <= ONSET_TOLERANCE, (cue.text, onset, start)
        # The speech is over before the cue ends (and before the next beat begins).
        until = following.start / 1000 if following else len(samples) / RATE
        assert last_sound(samples, start, until) <= end + 0.02, cue.text
        # Every beat's speech sits at the common loudness.
        assert audio.integrated_loudness(
            samples[round(start * RATE) : round(end * RATE)], RATE
        ) == pytest.approx(audio.TARGET_LUFS, abs=1.5)


def test_a_beat_is_held_as_long_as_its_speech_and_a_gap(drafted: Project, tmp_path: Path):
    record = json.loads((drafted.quality_dir / ".state" / "GrowingCircle.json").read_text())
    beats = record["voice"]["beats"]
    assert [b["text"] for b in beats] == beat_texts(drafted, "01-GrowingCircle")
    for beat in beats:
        assert beat["source"] == "draft"
        assert beat["end"] - beat["start"] >= beat["speech"] + voice.GAP - 1e-3
    # The fixture's plays are one second each, shorter than a spoken sentence: the
    # silent build's video is shorter than the voiced one by the time the speech took.
    silent = Project(copy_project(tmp_path / "silent"))
    assert silent.make("scene", "S=GrowingCircle").returncode == 0
    quiet, _, _ = lengths_of_video(silent.output(SHAPES, "01-GrowingCircle", "mp4"))
    voiced, _, _ = lengths(drafted.output(SHAPES, "01-GrowingCircle", "mp4"))
    assert voiced > quiet


def lengths_of_video(path: Path) -> tuple[float, int, bool]:
    """A silent video's length, its frame count, and whether it has any sound."""
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        return float(video.duration * video.time_base), video.frames, bool(container.streams.audio)


def test_a_second_draft_build_is_byte_identical(drafted: Project, tmp_path: Path):
    again = Project(tmp_path / "again")
    subprocess.run(["cp", "-a", str(drafted.root), str(again.root)], check=True)
    shutil.rmtree(again.root / "renders")  # the speech cache too: all made anew
    result = again.make("VOICE=draft")
    assert result.returncode == 0, result.stdout
    for section, stem in ALL_STEMS:
        for suffix in ("mp4", "srt"):
            assert digest(again.output(section, stem, suffix)) == digest(
                drafted.output(section, stem, suffix)
            )
    for lecture in (SHAPES, LINES):
        name = f"{lecture}.mp4"
        assert digest(again.quality_dir / name) == digest(drafted.quality_dir / name)


def test_voice_is_part_of_the_fingerprint_and_none_is_silent(drafted: Project, tmp_path: Path):
    copy = Project(tmp_path / "copy")
    subprocess.run(["cp", "-a", str(drafted.root), str(copy.root)], check=True)
    assert "0 rendered, 3 up to date" in copy.make("VOICE=draft").stdout
    silent = copy.make("VOICE=none")
    assert "3 rendered, 0 up to date" in silent.stdout
    for section, stem in ALL_STEMS:
        assert lengths_of_video(copy.output(section, stem, "mp4"))[2] is False
    # VOICE unset is VOICE=none: nothing to do.
    assert "0 rendered, 3 up to date" in copy.make().stdout


def test_an_unknown_voice_is_refused_before_anything_renders(project: Project):
    result = project.make("VOICE=robot")
    assert result.returncode == 2
    assert "VOICE='robot' is not a voice" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not project.quality_dir.exists()


def test_a_lecture_with_voice_copies_the_scenes_sound_in_sync(drafted: Project):
    lecture = drafted.quality_dir / f"{SHAPES}.mp4"
    record = json.loads(
        (drafted.quality_dir / ".state" / "lectures" / f"{SHAPES}.json").read_text()
    )
    samples = sound_of(lecture)
    picture, heard, frame = lengths(lecture)
    assert abs(picture - heard) <= frame
    # A remux: each scene's packets, in order, byte for byte; all but the last scene may
    # leave off a packet or two of their silent tail, under the next one's first packet.
    scenes = [packets(drafted.output(SHAPES, stem, "mp4"), "audio") for _, stem in ALL_STEMS[:2]]
    first, last = scenes
    assert any(
        packets(lecture, "audio") == first[:kept] + last
        for kept in range(len(first) - 2, len(first) + 1)
    )
    for chapter, (_, stem) in zip(record["chapters"], ALL_STEMS[:2], strict=True):
        scene = drafted.output(SHAPES, stem, "mp4")
        # In sync at the chapter start: its first word where it is in the scene, within
        # half a packet (much less than a frame).
        start = chapter["start"]
        scene_onset = first_onset(sound_of(scene), 0, 5)
        lecture_onset = first_onset(samples, start, start + 5)
        assert scene_onset is not None and lecture_onset is not None
        assert abs((lecture_onset - start) - scene_onset) <= min(HALF_PACKET + 0.002, frame)
    # Chapters and subtitles mean what they did: each scene's cues, shifted by its start.
    merged = cues(drafted.quality_dir / f"{SHAPES}.srt")
    expected = [
        (cue.start + round(chapter["start"] * 1000), cue.text)
        for chapter, (_, stem) in zip(record["chapters"], ALL_STEMS[:2], strict=True)
        for cue in cues(drafted.output(SHAPES, stem, "srt"))
    ]
    assert [cue.text for cue in merged] == [text for _, text in expected]
    for cue, (start, _) in zip(merged, expected, strict=True):
        assert abs(cue.start - start) <= 1


def test_joining_many_voiced_clips_keeps_every_start_within_half_a_packet(tmp_path: Path):
    """Seven clips of awkward lengths: the error at each start does not add up."""
    parts = []
    burst = 0.3 * np.sin(2 * np.pi * 660 * np.arange(round(0.2 * RATE)) / RATE)
    for i, frames in enumerate((7, 11, 13, 6, 9, 17, 8)):
        silent = write_clip(tmp_path / f"silent{i}.mp4", 64, 48, frames=frames)
        track = np.zeros(voice.track_length(frames, 5), dtype=np.float32)
        at = round(0.1 * RATE)
        track[at : at + burst.size] = burst
        voice.mux(silent, track, tmp_path / f"clip{i}.mp4")
        parts.append(Part(f"Clip{i}", f"Clip {i}", tmp_path / f"clip{i}.mp4"))
    joined = join(parts, tmp_path / "lecture.mp4")
    samples = sound_of(tmp_path / "lecture.mp4")
    found = audio.onsets(samples, RATE)
    assert len(found) == len(parts)
    for onset, start in zip(found, joined.starts, strict=True):
        assert abs(onset - (float(start) + 0.1)) <= HALF_PACKET + 0.002
    picture, heard, frame = lengths(tmp_path / "lecture.mp4")
    assert abs(picture - heard) <= frame


# -- VOICE=recorded -------------------------------------------------------------------


def tone(seconds: float, hertz: float, rate: int = 44_100) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return 0.25 * np.sin(2 * np.pi * hertz * t) * np.minimum(1, t * 20)


def test_recordings_are_used_and_missing_or_stale_ones_reported(drafted: Project, tmp_path: Path):
    project = Project(tmp_path / "recorded")
    subprocess.run(["cp", "-a", str(drafted.root), str(project.root)], check=True)
    first, second = beat_texts(drafted, "01-GrowingCircle")
    folder = project.root / "narration" / "GrowingCircle"
    folder.mkdir(parents=True)
    # Beat 1 recorded (a 440 Hz "voice", stereo 16-bit at 44.1 kHz); beat 2 recorded
    # for an older text; MovingDot and DrawnLine not recorded at all.
    recorded = tone(2.5, 440)
    stereo = (np.stack([recorded, recorded], axis=1) * 32767).astype(np.int16)
    wavfile.write(folder / voice.recording_name(1, first), 44_100, stereo)
    wavfile.write(folder / "02-0badcafe.wav", 48_000, tone(1, 300, 48_000).astype(np.float32))

    result = project.make("VOICE=recorded")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "recording stale: GrowingCircle beat 2: narration/GrowingCircle/02-0badcafe.wav" in out
    assert f"record narration/GrowingCircle/{voice.recording_name(2, second)}" in out
    moving = beat_texts(drafted, "02-MovingDot")[0]
    assert "recording missing: MovingDot beat 1 -> narration/MovingDot/" in out
    assert voice.recording_name(1, moving) in out
    assert "recordings: 1 recorded, 2 missing, 1 stale of 4 beats" in out

    # The recording's samples are in the output: its beat is a 440 Hz tone, 2.5 s long.
    samples = sound_of(project.output(SHAPES, "01-GrowingCircle", "mp4"))
    scene_cues = cues(project.output(SHAPES, "01-GrowingCircle", "srt"))
    beat = samples[
        round(scene_cues[0].start / 1000 * RATE) : round(scene_cues[0].end / 1000 * RATE)
    ]
    spectrum = np.abs(np.fft.rfft(beat))
    assert np.fft.rfftfreq(beat.size, 1 / RATE)[np.argmax(spectrum)] == pytest.approx(440, abs=2)
    assert (scene_cues[0].end - scene_cues[0].start) / 1000 >= 2.5 - 0.1  # the take's length
    # The stale beat is spoken by the draft voice, not by the old take's 300 Hz tone.
    stale = samples[
        round(scene_cues[1].start / 1000 * RATE) : round(scene_cues[1].end / 1000 * RATE)
    ]
    spectrum = np.abs(np.fft.rfft(stale))
    assert np.fft.rfftfreq(stale.size, 1 / RATE)[np.argmax(spectrum)] != pytest.approx(300, abs=5)

    gallery = (project.quality_dir / "index.html").read_text(encoding="utf-8")
    growing = gallery[
        gallery.index('id="scene-GrowingCircle"') : gallery.index('id="scene-MovingDot"')
    ]
    assert "recording stale" in growing and "recording missing" not in growing
    assert "recording missing" in gallery[gallery.index('id="scene-MovingDot"') :]

    # Recording the stale beat renders that scene only, and it is reported no more.
    wavfile.write(
        folder / voice.recording_name(2, second), 44_100, (tone(1.5, 550) * 32767).astype(np.int16)
    )
    again = project.make("VOICE=recorded")
    assert again.returncode == 0
    assert "1 rendered, 2 up to date" in again.stdout
    assert "recording stale" not in again.stdout
    assert "recordings: 2 recorded, 2 missing, 0 stale of 4 beats" in again.stdout

    # A changed text makes its recording stale, and says so.
    module = project.scene_module("s01_fixture/growing_circle.py")
    source = module.read_text(encoding="utf-8")
    module.write_text(source.replace("A circle is drawn.", "A circle is drawn, centre left."))
    changed = project.make("VOICE=recorded")
    assert changed.returncode == 0
    assert "recording stale: GrowingCircle beat 1: narration/GrowingCircle/01-" in changed.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty (0 bytes)"),
        (b"ID3\x03\x00 an mp3, not a wav", "is not a WAV file this build can read"),
        ("alaw", "is not a WAV file this build can read"),
        ("silence", "holds only silence"),
        ("no samples", "holds no sound"),
        ("folder", "is a folder, not a WAV file"),
    ],
)
def test_a_malformed_recording_is_one_clear_message_naming_the_file(
    tmp_path: Path, content: object, message: str
):
    path = tmp_path / "01-abcdef12.wav"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "alaw":  # a WAV of a format this does not read: A-law (format tag 6)
        data = bytes(800)
        header = b"RIFF" + (36 + len(data)).to_bytes(4, "little") + b"WAVEfmt "
        header += (16).to_bytes(4, "little") + (6).to_bytes(2, "little") + (1).to_bytes(2, "little")
        header += (8000).to_bytes(4, "little") + (8000).to_bytes(4, "little")
        header += (1).to_bytes(2, "little") + (8).to_bytes(2, "little")
        path.write_bytes(header + b"data" + len(data).to_bytes(4, "little") + data)
    elif content == "silence":
        wavfile.write(path, 48_000, np.zeros(48_000, dtype=np.int16))
    elif content == "no samples":
        wavfile.write(path, 48_000, np.zeros(0, dtype=np.int16))
    else:
        path.mkdir()
    with pytest.raises(voice.VoiceError) as caught:
        voice.read_wav(path, "narration/Scene/01-abcdef12.wav")
    text = str(caught.value)
    assert "narration/Scene/01-abcdef12.wav" in text and message in text
    assert "\n" not in text


def test_a_malformed_recording_fails_its_scene_with_the_file_named(project: Project):
    text = "A circle is drawn."
    folder = project.root / "narration" / "GrowingCircle"
    folder.mkdir(parents=True)
    (folder / voice.recording_name(1, text)).write_bytes(b"not a wav at all")
    result = project.make("-k", "VOICE=recorded")
    assert result.returncode != 0
    failed = [
        line for line in result.stdout.splitlines() if "GrowingCircle" in line and "FAILED" in line
    ]
    assert len(failed) == 1
    assert f"narration/GrowingCircle/{voice.recording_name(1, text)} is not a WAV file" in failed[0]
    assert "Traceback" not in result.stdout
    assert not project.output(SHAPES, "01-GrowingCircle", "mp4").exists()
    assert project.output(SHAPES, "02-MovingDot", "mp4").exists()


# -- the recording script -------------------------------------------------------------


def test_make_script_lists_each_beat_with_its_file_time_and_text(drafted: Project, tmp_path: Path):
    project = Project(tmp_path / "script")
    subprocess.run(["cp", "-a", str(drafted.root), str(project.root)], check=True)
    texts = beat_texts(drafted, "01-GrowingCircle")
    folder = project.root / "narration" / "GrowingCircle"
    folder.mkdir(parents=True)
    wavfile.write(
        folder / voice.recording_name(1, texts[0]), 44_100, tone(1, 440).astype(np.float32)
    )

    result = project.make("script", "N=1", "VOICE=draft")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "renders/script/section-01.md" in result.stdout
    assert "2 scene(s), 3 beats: 1 recorded, 2 missing, 0 stale" in result.stdout
    script = (project.root / "renders" / "script" / "section-01.md").read_text(encoding="utf-8")
    entries = re.findall(
        r"^(\d\d)\. `(narration/\S+)` \((\w+)[^)]*\)  \n\s+(\S+) to (\S+), ", script, re.M
    )
    assert [(n, status) for n, _, status, _, _ in entries] == [
        ("01", "recorded"),
        ("02", "missing"),
        ("01", "missing"),
    ]
    assert entries[0][1] == f"narration/GrowingCircle/{voice.recording_name(1, texts[0])}"
    assert entries[1][1] == f"narration/GrowingCircle/{voice.recording_name(2, texts[1])}"
    # The times are those of the draft build (to a frame: 0.2 s here), the texts the
    # subtitles'.
    drafted_cues = cues(drafted.output(SHAPES, "01-GrowingCircle", "srt"))
    for (_, _, _, start, end), cue in zip(entries, drafted_cues, strict=False):
        for said, real in ((start, cue.start), (end, cue.end)):
            minutes, seconds = said.split(":")
            assert int(minutes) * 60 + float(seconds) == pytest.approx(real / 1000, abs=0.21)
    for text in [*texts, *beat_texts(drafted, "02-MovingDot")]:
        assert f"> {text}" in script
    # One scene, by name; a scene of another section is not in it.
    one = project.make("script", "S=DrawnLine")
    assert one.returncode == 0
    assert "GrowingCircle" not in (project.root / "renders" / "script" / "DrawnLine.md").read_text()


# -- pieces --------------------------------------------------------------------------


def test_a_recording_is_found_by_its_texts_hash_and_a_changed_text_makes_it_stale(tmp_path: Path):
    folder = tmp_path / "narration" / "Scene"
    folder.mkdir(parents=True)
    text = "The dot product multiplies the pairs."
    assert voice.beat_hash(text) == voice.beat_hash("The dot  product\nmultiplies the pairs.")
    assert voice.find_take(tmp_path, "Scene", 3, text).status == "missing"
    (folder / voice.recording_name(3, text)).write_bytes(b"")
    assert voice.find_take(tmp_path, "Scene", 3, text).status == "recorded"
    # A beat added before it: the recording follows its text.
    moved = voice.find_take(tmp_path, "Scene", 4, text)
    assert (moved.status, moved.found) == (
        "recorded",
        f"narration/Scene/{voice.recording_name(3, text)}",
    )
    stale = voice.find_take(tmp_path, "Scene", 3, "The dot product adds the pairs.")
    assert stale.status == "stale" and stale.found.endswith(voice.recording_name(3, text))


def test_the_draft_voice_says_symbols_in_words():
    assert voice.speakable("∂f/∂x = 2x − 1, x² ≈ 0.5") == (
        "partial f/ partial x = 2x minus 1, x squared is about 0.5"
    )


def test_a_damaged_draft_speech_cache_entry_is_made_again(tmp_path: Path):
    narrator = voice.Narrator("draft", "Scene", tmp_path, tmp_path / "cache")
    first, _ = narrator.speak("The sum is eleven.")
    (cached,) = (tmp_path / "cache").glob("*.wav")
    cached.write_bytes(b"half a file")  # e.g. a disk that filled up under another tool
    again, _ = narrator.speak("The sum is eleven.")
    assert first is not None and again is not None and np.array_equal(first, again)
    assert first.size > voice.SAMPLE_RATE // 2  # about a second of speech
