"""The voice track: every beat's narration spoken, drafted by espeak-ng or recorded.

``VOICE`` (make's variable, ``MLFM_VOICE`` here) chooses the voice of a build:

- ``none`` (the default): no sound; the videos are what they were without a voice.
- ``draft``: each beat's narration spoken by espeak-ng, offline. Speech is cached
  in ``renders/.cache/voice/`` by the text spoken, the voice and the engine's
  version, so a text is synthesised once.
- ``recorded``: the lecturer's own recordings, ``narration/<Scene>/NN-hhhhhhhh.wav``
  (``NN`` the beat's number in the scene, ``hhhhhhhh`` a short hash of its text;
  ``make script`` lists them). A beat whose recording is missing, or whose text
  changed since it was recorded (a file with its number but another hash), is
  spoken by the draft voice instead and reported by name.

A beat is a subcaption: its speech starts where its cue starts, and the beat lasts
at least as long as its speech plus :data:`GAP`, so speech, pictures and subtitles
stay together (see ``voiced`` in :mod:`pipeline.worker`). Every clip of speech is
trimmed of the silence around it and brought to one loudness (:mod:`pipeline.audio`).
The track is mono, 48 kHz, AAC at :data:`BITRATE`, as long as the video; the video's
packets are copied, not encoded again.

This module does not import manim.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy and scipy load only where sound is made: the CLI starts fast
    import numpy as np

MODES = ("none", "draft", "recorded")
#: The folder, in the project root, of the lecturer's recordings: one folder per scene.
NARRATION = "narration"
SAMPLE_RATE = 48_000
#: Silence after a beat's speech before the next beat may start, in seconds.
GAP = 0.4
#: The draft voice: espeak-ng's American English, a little slower than its default.
DRAFT_VOICE = "en-us"
DRAFT_WORDS_PER_MINUTE = 160
#: AAC bit rate of the mono speech track.
BITRATE = 96_000
#: How the draft voice says what the narration writes in symbols (the subtitles keep them).
SPOKEN_SYMBOLS = {
    "∂": " partial ",
    "²": " squared",
    "³": " cubed",
    "−": " minus ",
    "×": " times ",
    "·": " dot ",
    "≈": " is about ",
    "≠": " is not ",
    "≤": " is at most ",
    "≥": " is at least ",
    "→": " goes to ",
    "∞": " infinity ",
    "√": " root ",
    "′": " prime",
    "‖": " norm ",
    "θ": " theta ",
    "σ": " sigma ",
    "λ": " lambda ",
    "π": " pi ",
    "Δ": " delta ",
    "∑": " sum ",
    "∫": " integral ",
}


class VoiceError(ValueError):
    """A voice that cannot be made: an unknown VOICE, a bad recording, no speech engine."""


def voice_mode(value: str | None = None) -> str:
    """The voice asked for (``value``, else make's ``VOICE``), checked; ``none`` by default."""
    text = os.environ.get("MLFM_VOICE", "") if value is None else value
    mode = text.strip().lower() or "none"
    if mode not in MODES:
        raise VoiceError(
            f"VOICE={text!r} is not a voice: use VOICE=none (no sound, the default), "
            "VOICE=draft (speech synthesised by espeak-ng) or VOICE=recorded (the "
            f"recordings in {NARRATION}/, draft speech where one is missing)"
        )
    return mode


# -- naming the recordings ------------------------------------------------------------


def beat_hash(text: str) -> str:
    """A short hash of a beat's text, blind to how its whitespace is laid out."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def recording_name(index: int, text: str) -> str:
    """The file a lecturer records beat ``index`` (from 1) of a scene into."""
    return f"{index:02d}-{beat_hash(text)}.wav"


def recordings_folder(root: Path, scene: str) -> Path:
    return root / NARRATION / scene


@dataclass(frozen=True)
class Take:
    """Where a beat's recording stands: ``recorded``, ``missing`` or ``stale``."""

    status: str
    expected: str  # the path to record into, relative to the project root
    found: str | None = None  # the recording used, or the stale one, relative to the root


def find_take(root: Path, scene: str, index: int, text: str) -> Take:
    """The recording of beat ``index`` of ``scene`` saying ``text``, if there is one.

    A file with the text's hash is the recording even under another beat number (a
    beat was added before it); a file with the beat's number and another hash was
    recorded for a text that has changed since.
    """
    folder = recordings_folder(root, scene)
    expected = (folder / recording_name(index, text)).relative_to(root).as_posix()
    if not folder.is_dir():
        return Take("missing", expected)
    if (root / expected).is_file():
        return Take("recorded", expected, expected)
    moved = sorted(folder.glob(f"*-{beat_hash(text)}.wav"))
    if moved:
        return Take("recorded", expected, moved[0].relative_to(root).as_posix())
    older = sorted(folder.glob(f"{index:02d}-*.wav"))
    if older:
        return Take("stale", expected, older[0].relative_to(root).as_posix())
    return Take("missing", expected)


def recordings_digest(root: Path, scene: str) -> str:
    """A hash of the scene's recordings (names and contents): a new take renders again."""
    digest = hashlib.sha256()
    folder = recordings_folder(root, scene)
    if folder.is_dir():
        for path in sorted(folder.glob("*.wav")):
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as error:
                digest.update(f"unreadable: {error.strerror}".encode())
    return digest.hexdigest()


# -- the draft voice ---------------------------------------------------------------------


@cache
def engine_version() -> str | None:
    """espeak-ng's version line, or None where it is not installed."""
    try:
        result = subprocess.run(
            ["espeak-ng", "--version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = result.stdout.strip().splitlines()
    return lines[0] if result.returncode == 0 and lines else None


def engine_missing() -> str:
    return (
        "espeak-ng is not installed, and the draft voice needs it: `make setup` installs it "
        "(or apt-get install espeak-ng)"
    )


def environment(mode: str) -> dict[str, Any] | None:
    """What the sound of a build depends on besides the texts: None without a voice."""
    if mode == "none":
        return None
    from pipeline import audio

    return {
        "mode": mode,
        "engine": engine_version(),
        "voice": DRAFT_VOICE,
        "words_per_minute": DRAFT_WORDS_PER_MINUTE,
        "gap": GAP,
        "sample_rate": SAMPLE_RATE,
        "bit_rate": BITRATE,
        "target_lufs": audio.TARGET_LUFS,
        "peak_ceiling_db": audio.PEAK_CEILING_DB,
        "audio_code": hashlib.sha256(Path(audio.__file__).read_bytes()).hexdigest(),
        "voice_code": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }


def speakable(text: str) -> str:
    """``text`` as the draft voice should say it: symbols in words, one line."""
    for symbol, words in SPOKEN_SYMBOLS.items():
        text = text.replace(symbol, words)
    return re.sub(r"\s+", " ", text).strip()


def synthesise(text: str, cache_dir: Path) -> Path:
    """A WAV of espeak-ng saying ``text``, from the cache or made now and cached."""
    spoken = speakable(text)
    version = engine_version()
    if version is None:
        raise VoiceError(engine_missing())
    key = hashlib.sha256(
        json.dumps([spoken, DRAFT_VOICE, DRAFT_WORDS_PER_MINUTE, version]).encode()
    ).hexdigest()[:32]
    cached = cache_dir / f"{key}.wav"
    if cached.is_file():
        return cached
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f".{key}.wav.{os.getpid()}.tmp"
    try:
        result = subprocess.run(
            [
                "espeak-ng",
                "-v",
                DRAFT_VOICE,
                "-s",
                str(DRAFT_WORDS_PER_MINUTE),
                "-w",
                str(temporary),
                "--stdin",
            ],
            input=spoken,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0 or not temporary.is_file():
            detail = (result.stderr or "").strip().splitlines()
            raise VoiceError(
                f"espeak-ng could not say {text[:60]!r} (exit status {result.returncode}"
                f"{': ' + detail[-1] if detail else ''})"
            )
        os.replace(temporary, cached)
    finally:
        temporary.unlink(missing_ok=True)
    return cached


# -- reading recordings ------------------------------------------------------------------


def read_wav(path: Path, shown: str | None = None) -> tuple[int, np.ndarray]:
    """The sample rate and the mono samples (floats, full scale 1.0) of the WAV at ``path``.

    Any error is one :class:`VoiceError` naming the file (as ``shown``) and saying what
    to do: not a WAV, a format this reads not, no samples, only silence.
    """
    import numpy as np
    from scipy.io import wavfile

    name = shown or str(path)
    advice = "save it as a WAV file: PCM 16- or 24-bit, or 32-bit float; mono or stereo"
    try:
        if path.is_file() and path.stat().st_size == 0:
            raise VoiceError(f"recording {name} is empty (0 bytes); record it again")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # chunks it skips (cue points, metadata) are fine
            rate, data = wavfile.read(path)
    except IsADirectoryError:
        raise VoiceError(f"recording {name} is a folder, not a WAV file") from None
    except OSError as error:
        raise VoiceError(f"cannot read recording {name}: {error.strerror or error}") from None
    except (ValueError, EOFError, IndexError, TypeError) as error:
        detail = str(error).strip().splitlines()
        raise VoiceError(
            f"recording {name} is not a WAV file this build can read "
            f"({detail[0] if detail else type(error).__name__}); {advice}"
        ) from None
    kind = data.dtype
    if kind == np.uint8:
        samples = (data.astype(np.float64) - 128) / 128
    elif kind == np.int16:
        samples = data.astype(np.float64) / 2**15
    elif kind == np.int32:
        samples = data.astype(np.float64) / 2**31
    elif kind in (np.float32, np.float64):
        samples = data.astype(np.float64)
    else:
        raise VoiceError(f"recording {name} holds {kind} samples, which this reads not; {advice}")
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    if samples.size == 0:
        raise VoiceError(f"recording {name} holds no sound (no samples); record it again")
    if not np.all(np.isfinite(samples)):
        raise VoiceError(f"recording {name} holds samples that are not numbers; {advice}")
    if rate < 8000:
        raise VoiceError(
            f"recording {name} has a sample rate of {rate} Hz; record at 16 kHz or more"
        )
    if not np.any(np.abs(samples) > 10 ** (-60 / 20)):
        raise VoiceError(f"recording {name} holds only silence; record it again")
    return int(rate), samples


def prepare(samples: np.ndarray, rate: int) -> np.ndarray:
    """A clip of speech as the track takes it: 48 kHz, trimmed, at the common loudness."""
    import numpy as np

    from pipeline import audio

    clip = audio.resample(samples, rate, SAMPLE_RATE)
    clip = audio.trim_silence(clip, SAMPLE_RATE)
    return audio.normalise(clip, SAMPLE_RATE).astype(np.float32)


# -- a scene's narration -----------------------------------------------------------------


@dataclass
class Beat:
    """One beat as rendered: its text, its cue's time and where its voice came from."""

    index: int
    text: str
    start: float
    end: float
    speech: float  # seconds of speech
    source: str  # "draft", "recorded", "missing" or "stale" (the last two: the draft voice spoke)
    expected: str | None = None  # the recording's path (recorded mode)
    found: str | None = None

    def as_record(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "start": round(self.start, 4),
            "end": round(self.end, 4),
            "speech": round(self.speech, 4),
            "source": self.source,
            "recording": self.expected,
            "found": self.found,
        }


@dataclass
class Narrator:
    """Speaks a scene's beats one by one and lays their speech on one track.

    ``mode`` ``none`` only lists the beats (for the recording script).
    """

    mode: str
    scene: str
    root: Path
    cache_dir: Path
    beats: list[Beat] = field(default_factory=list)
    clips: list[np.ndarray] = field(default_factory=list)

    def speak(self, text: str) -> tuple[np.ndarray | None, Take | None]:
        """The next beat's speech and, in recorded mode, its recording's state."""
        import numpy as np

        index = len(self.beats) + 1
        take = None
        if self.mode == "recorded":
            take = find_take(self.root, self.scene, index, text)
            if take.status == "recorded":
                assert take.found is not None
                rate, samples = read_wav(self.root / take.found, take.found)
                return prepare(samples, rate), take
        if self.mode == "none":
            return None, take
        from scipy.io import wavfile

        wav = synthesise(text, self.cache_dir)
        try:
            rate, data = wavfile.read(wav)
        except (OSError, ValueError):  # a damaged cache entry (a disk gone bad): make it again
            wav.unlink(missing_ok=True)
            wav = synthesise(text, self.cache_dir)
            try:
                rate, data = wavfile.read(wav)
            except (OSError, ValueError) as error:
                raise VoiceError(f"espeak-ng's speech in {wav} is unreadable ({error})") from None
        samples = data.astype(np.float64) / 2**15 if data.dtype == np.int16 else data
        if data.size == 0 or not np.any(samples):
            return np.zeros(0, dtype=np.float32), take  # nothing to say (punctuation only)
        return prepare(samples, rate), take

    def add(self, text: str, start: float, end: float, clip: Any, take: Take | None) -> None:
        """Record a beat whose cue runs from ``start`` to ``end`` (seconds)."""
        import numpy as np

        speech = 0.0 if clip is None else len(clip) / SAMPLE_RATE
        source = take.status if take is not None else ("none" if self.mode == "none" else "draft")
        self.beats.append(
            Beat(
                len(self.beats) + 1,
                text,
                start,
                end,
                speech,
                source,
                take.expected if take else None,
                take.found if take else None,
            )
        )
        self.clips.append(np.zeros(0, dtype=np.float32) if clip is None else clip)

    def track(self, samples: int) -> np.ndarray:
        """The scene's sound, ``samples`` long: each beat's speech from its cue's start."""
        import numpy as np

        track = np.zeros(samples, dtype=np.float64)
        for beat, clip in zip(self.beats, self.clips, strict=True):
            at = max(0, round(beat.start * SAMPLE_RATE))
            piece = clip[: max(0, samples - at)]
            track[at : at + len(piece)] += piece
        return np.clip(track, -1.0, 1.0).astype(np.float32)

    def record(self) -> dict[str, Any]:
        """The voice part of the scene's state record."""
        return {
            "mode": self.mode,
            "beats": [beat.as_record() for beat in self.beats],
            "missing": [b.index for b in self.beats if b.source == "missing"],
            "stale": [b.index for b in self.beats if b.source == "stale"],
        }


def mux(video: Path, track: np.ndarray, destination: Path) -> None:
    """Write ``video``'s picture (its packets copied) with ``track`` as AAC into ``destination``."""
    import av
    import numpy as np

    with av.open(str(video)) as source, av.open(str(destination), "w", format="mp4") as output:
        picture = output.add_stream_from_template(source.streams.video[0])
        sound = output.add_stream("aac", rate=SAMPLE_RATE, layout="mono")
        sound.bit_rate = BITRATE
        for packet in source.demux(source.streams.video[0]):
            if packet.dts is None:
                continue
            packet.stream = picture
            output.mux(packet)
        frame_size = 1024
        for at in range(0, len(track), frame_size):
            piece = np.ascontiguousarray(track[None, at : at + frame_size])
            frame = av.AudioFrame.from_ndarray(piece, format="fltp", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = at
            frame.time_base = Fraction(1, SAMPLE_RATE)
            for packet in sound.encode(frame):
                output.mux(packet)
        for packet in sound.encode(None):
            output.mux(packet)


def track_length(frames: int, frame_rate: float) -> int:
    """Samples of sound for a video of ``frames`` frames at ``frame_rate``: just as long."""
    return round(Fraction(frames) / Fraction(frame_rate).limit_denominator(1001) * SAMPLE_RATE)


def problems(records: Iterable[tuple[str, dict[str, Any] | None]]) -> list[str]:
    """Lines naming each beat spoken by the draft voice for want of a current recording."""
    lines = []
    for scene, record in records:
        voice = (record or {}).get("voice") or {}
        for beat in voice.get("beats") or []:
            if beat.get("source") == "missing":
                lines.append(
                    f"recording missing: {scene} beat {beat['index']} -> {beat['recording']} "
                    f"({_quote(beat['text'])})"
                )
            elif beat.get("source") == "stale":
                lines.append(
                    f"recording stale: {scene} beat {beat['index']}: {beat['found']} was "
                    f"recorded for another text; record {beat['recording']} "
                    f"({_quote(beat['text'])})"
                )
    return lines


def _quote(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= most else f'"{text[: most - 3]}..."'


def seconds_text(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"
