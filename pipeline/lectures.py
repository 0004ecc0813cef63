"""Join each section's scenes into one lecture video, with chapters and subtitles.

A lecture is ``renders/<quality>/NN-section-slug.mp4``: the section's scene videos
in manifest order, joined without re-encoding. PyAV copies the compressed packets
into one MP4, shifting their timestamps by each scene's start, which takes a
fraction of a second where encoding again would take as long as a render. Beside
the video, ``NN-section-slug.srt`` holds the scenes' subtitles shifted the same way
and ``NN-section-slug.chapters.vtt`` one chapter per scene (the chapters are in the
MP4 too). Copying only works when every scene was encoded alike (codec, size,
frame rate, encoder settings), as all scenes of one quality are; the join checks
that first and names the scene that differs.

A lecture has a state record like a scene's, ``.state/lectures/NN-section-slug.json``,
whose fingerprint hashes its scenes' fingerprints, titles and render times, and
this code: it is joined again only when one of those changed. A section is joined
only when all its scenes are rendered and up to date; any other is skipped with a
line naming the scenes it waits for. Every file is written under a temporary name
and renamed into place, the state record last.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import subtitles
from pipeline.manifest import Manifest, SceneEntry, Section
from pipeline.state import (
    Fingerprinter,
    Paths,
    QualityStep,
    read_json,
    remove_unlisted,
    scene_status,
    write_json_atomically,
)

#: A lecture's outputs, beside its section's folder: key -> file name suffix.
LECTURE_SUFFIXES = {"mp4": ".mp4", "srt": ".srt", "chapters": ".chapters.vtt"}
#: The streams a join copies (a lecture's own chapter track is not one of them).
COPIED_STREAM_TYPES = ("video", "audio")


class JoinError(ValueError):
    """Scene videos that cannot be joined by copying their streams."""


def clock(seconds: float) -> str:
    """A duration or time as a player shows it (whole seconds, cut): ``2:31``, ``1:02:03``."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# -- the join itself: PyAV, no manim ------------------------------------------


@dataclass(frozen=True)
class Part:
    """One scene to join: its name (for messages), chapter title and files."""

    name: str
    title: str
    video: Path
    subtitles: Path | None = None


@dataclass(frozen=True)
class Joined:
    """What a join produced: each part's start and duration in seconds, and the frames."""

    starts: tuple[Fraction, ...]
    durations: tuple[Fraction, ...]
    frames: int

    @property
    def duration(self) -> Fraction:
        return sum(self.durations, Fraction(0))


def _rate(stream: Any) -> Fraction | None:
    rate = stream.guessed_rate or stream.base_rate or stream.average_rate
    return Fraction(rate) if rate else None


def _stream_layout(stream: Any) -> dict[str, Any]:
    """What must be equal, stream by stream, for packets of two files to share one stream."""
    context = stream.codec_context
    layout: dict[str, Any] = {
        "type": stream.type,
        "codec": context.name,
        "time base": stream.time_base,
    }
    if stream.type == "video":
        layout["size"] = f"{context.width}x{context.height}"
        layout["pixel format"] = context.pix_fmt
        layout["frame rate"] = _rate(stream)
    else:
        layout["sample rate"] = context.sample_rate
        layout["channels"] = context.channels
        layout["sample format"] = context.format.name if context.format else None
    layout["encoder settings"] = bytes(context.extradata or b"")
    return layout


def _copied_streams(container: Any) -> list[Any]:
    return [s for s in container.streams if s.type in COPIED_STREAM_TYPES]


def _describe(layout: list[dict[str, Any]]) -> str:
    video = next((s for s in layout if s["type"] == "video"), None)
    if video is None:
        return "a file with no video stream"
    rate = video["frame rate"]
    fps = f"{float(rate):g} fps" if rate else "an unknown frame rate"
    audio = " with sound" if any(s["type"] == "audio" for s in layout) else ""
    return f"{video['size']} at {fps} ({video['codec']}, {video['pixel format']}){audio}"


def check_alike(parts: Sequence[Part], layouts: Sequence[list[dict[str, Any]]]) -> None:
    """Raise :class:`JoinError` naming the first part whose streams differ from the first's."""
    first, reference = parts[0], layouts[0]
    if not any(s["type"] == "video" for s in reference):
        raise JoinError(f"cannot join: {first.name} ({first.video}) has no video stream")
    for part, layout in zip(parts[1:], layouts[1:], strict=True):
        if [s["type"] for s in layout] != [s["type"] for s in reference]:
            kinds = " + ".join(s["type"] for s in layout) or "nothing"
            expected = " + ".join(s["type"] for s in reference)
            raise JoinError(
                f"cannot join: {part.name} has {kinds}, but {first.name} has {expected}; "
                "every scene of a lecture needs the same streams"
            )
        for mine, theirs in zip(layout, reference, strict=True):
            differing = [key for key in theirs if mine[key] != theirs[key]]
            if not differing:
                continue
            if differing == ["encoder settings"]:
                detail = f"was encoded with other {mine['codec']} settings than {first.name}"
            else:
                detail = f"is {_describe(layout)}, but {first.name} is {_describe(reference)}"
            raise JoinError(
                f"cannot join: {part.name} {detail} (differs in {', '.join(differing)}); "
                "render the section's scenes again at one quality"
            )


@dataclass(frozen=True)
class _Probe:
    layout: list[dict[str, Any]]
    tick: Fraction  # the video stream's time base
    first: int  # first presentation time, in ticks
    end: int  # last frame's time plus its duration, in ticks
    sound: tuple[tuple[int, int], ...] = ()  # the audio packets' (pts, duration), in order
    sound_tick: Fraction = Fraction(1)


@dataclass(frozen=True)
class _SoundPlan:
    """Where each part's audio packets go in the lecture, and how many of them are kept."""

    shifts: tuple[int, ...]  # ticks (of the audio time base) added to each part's packets
    kept: tuple[int, ...]  # each part's first packets kept; the rest, its silent tail, dropped


def plan_sound(probes: Sequence[_Probe], starts: Sequence[Fraction]) -> _SoundPlan | None:
    """Lay the parts' audio packets end to end, each part within half a packet of its start.

    Every scene's sound is encoded on its own and is as long as its picture, but
    AAC comes in packets of 1024 samples: a scene's packets cannot end exactly where
    the next scene's picture starts. Copying them whole, each part after the first
    would start up to a packet late, and the delays would add up over a lecture. So
    each part's packets are placed where its first one must be for its sound to
    start with its picture (the first packet is the encoder's priming, before the
    scene's time 0), and the part before keeps the number of its packets that
    reaches closest to there; the last packets of a scene are the silence after
    its last word. The sound is thus continuous (no gap, no overlap) and every
    part's sound starts within half a packet (10.7 ms at 48 kHz) of its chapter.
    """
    if not probes or not probes[0].sound:
        return None
    tick = probes[0].sound_tick
    shifts: list[int] = []
    kept: list[int] = []
    for i, (probe, start) in enumerate(zip(probes, starts, strict=True)):
        first_pts = probe.sound[0][0]
        # Where the part's first packet lands if its sound starts with its picture.
        ideal = round(start / tick) - round(probe.first * probe.tick / tick)
        if i == 0:
            shifts.append(ideal)
            continue
        previous = probes[i - 1]
        base = shifts[-1]
        target = ideal + first_pts
        ends = []
        position = previous.sound[0][0] + base
        for pts, duration in previous.sound:
            position = max(position, pts + base) + duration
            ends.append(position)
        count = min(range(1, len(ends) + 1), key=lambda m: abs(ends[m - 1] - target))
        kept.append(count)
        end = ends[count - 1]
        half = previous.sound[0][1] / 2
        # Sound that ran out before its picture leaves a gap; otherwise, end to end.
        shifts.append((target if end < target - half else end) - first_pts)
    kept.append(len(probes[-1].sound))
    return _SoundPlan(tuple(shifts), tuple(kept))


def _probe(part: Part) -> _Probe:
    """A part's streams, and the extent of its video (read from its packets, not decoded)."""
    import av

    try:
        with av.open(str(part.video)) as container:
            streams = _copied_streams(container)
            layout = [_stream_layout(s) for s in streams]
            if not container.streams.video:
                return _Probe(layout, Fraction(1), 0, 0)
            video = container.streams.video[0]
            audio = container.streams.audio[0] if container.streams.audio else None
            times = []
            sound = []
            for packet in container.demux([video, *([audio] if audio else [])]):
                if packet.pts is None:
                    continue
                if packet.stream.type == "video":
                    times.append((packet.pts, packet.pts + (packet.duration or 0)))
                else:
                    sound.append((packet.pts, packet.duration or 0))
    except av.FFmpegError as error:
        raise JoinError(f"cannot read {part.name}'s video {part.video}: {error}") from error
    if not times:
        raise JoinError(f"cannot join: {part.name}'s video {part.video} holds no frames")
    return _Probe(
        layout,
        video.time_base,
        min(t[0] for t in times),
        max(t[1] for t in times),
        tuple(sound),
        audio.time_base if audio is not None else Fraction(1),
    )


def join(parts: Sequence[Part], destination: Path, *, title: str | None = None) -> Joined:
    """Join the videos of ``parts`` into ``destination`` (MP4) by copying their packets.

    Each part becomes a chapter titled by its ``title``. The streams of every part
    must be alike (see :func:`check_alike`); nothing is decoded or encoded.
    """
    import av

    if not parts:
        raise JoinError("nothing to join: no scenes")
    probes = [_probe(part) for part in parts]
    check_alike(parts, [probe.layout for probe in probes])
    tick = probes[0].tick
    durations = tuple((probe.end - probe.first) * tick for probe in probes)
    starts = tuple(sum(durations[:i], Fraction(0)) for i in range(len(parts)))
    frames = 0
    with ExitStack() as stack:
        template = stack.enter_context(av.open(str(parts[0].video)))
        output = stack.enter_context(
            av.open(str(destination), "w", format="mp4", options={"movflags": "+faststart"})
        )
        if title:
            output.metadata["title"] = title
        targets = [output.add_stream_from_template(s) for s in _copied_streams(template)]
        output.set_chapters(
            [
                {
                    "id": i,
                    "start": round(start / tick),
                    "end": round((start + duration) / tick),
                    "time_base": tick,
                    "metadata": {"title": part.title},
                }
                for i, (part, start, duration) in enumerate(
                    zip(parts, starts, durations, strict=True), start=1
                )
            ]
        )
        last_dts: list[int | None] = [None] * len(targets)
        sound = plan_sound(probes, starts)
        for number, (part, probe, start) in enumerate(zip(parts, probes, starts, strict=True)):
            try:
                with av.open(str(part.video)) as container:
                    sources = _copied_streams(container)
                    # Ticks to add in each stream's own time base: the part's first frame
                    # lands on its start in the lecture.
                    shifts = [
                        round(start / s.time_base) - round(probe.first * tick / s.time_base)
                        for s in sources
                    ]
                    first = [True] * len(sources)
                    copied = [0] * len(sources)
                    for packet in container.demux(sources):
                        if packet.dts is None:  # the empty packet that ends each stream
                            continue
                        index = sources.index(packet.stream)
                        if packet.stream.type == "audio" and sound is not None:
                            if copied[index] >= sound.kept[number]:
                                continue  # the silent tail under the next part's first packet
                            shifts[index] = sound.shifts[number]
                        copied[index] += 1
                        previous = last_dts[index]
                        if first[index] and previous is not None:
                            # Never before the stream's last packet (a stream of other
                            # packets than the plan's: start it just after).
                            shifts[index] = max(shifts[index], previous + 1 - packet.dts)
                        first[index] = False
                        if packet.pts is not None:
                            packet.pts += shifts[index]
                        packet.dts += shifts[index]
                        last_dts[index] = packet.dts
                        frames += packet.stream.type == "video"
                        packet.stream = targets[index]
                        output.mux(packet)
            except av.FFmpegError as error:
                raise JoinError(f"cannot join {part.name} ({part.video}): {error}") from error
    return Joined(starts=starts, durations=durations, frames=frames)


def merged_subtitles(parts: Sequence[Part], starts: Sequence[Fraction]) -> list[subtitles.Cue]:
    """The parts' subtitle cues, each shifted by its part's start."""
    pieces = []
    for part, start in zip(parts, starts, strict=True):
        if part.subtitles is None or not part.subtitles.exists():
            continue
        text = part.subtitles.read_text(encoding="utf-8")
        pieces.append((subtitles.parse_srt(text, str(part.subtitles)), round(start * 1000)))
    return subtitles.merge(pieces)


def chapter_cues(parts: Sequence[Part], joined: Joined) -> list[subtitles.Cue]:
    """One cue per part, from its start to its end, titled by the part's title."""
    return [
        subtitles.Cue(round(start * 1000), round((start + duration) * 1000), part.title)
        for part, start, duration in zip(parts, joined.starts, joined.durations, strict=True)
    ]


# -- lectures of the curriculum: what is up to date, what to join ---------------


def lecture_outputs(paths: Paths, section: Section) -> dict[str, Path]:
    """Its video, subtitles and chapters, beside its folder: ``01-topic.mp4``, ``.srt``..."""
    return {key: paths.quality_dir / f"{section.folder}{s}" for key, s in LECTURE_SUFFIXES.items()}


def lecture_state_file(paths: Paths, section: Section) -> Path:
    return paths.state_dir / "lectures" / f"{section.folder}.json"


@cache
def _code_digest() -> str:
    """The join's own code: a change to it joins every lecture again."""
    digest = hashlib.sha256()
    for module in (Path(__file__), Path(subtitles.__file__)):
        digest.update(module.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class LecturePlan:
    """A section's lecture as things stand: its scenes, their states, its fingerprint."""

    section: Section
    scenes: tuple[SceneEntry, ...]
    statuses: tuple[str, ...]
    fingerprint: str | None  # None until every scene is rendered and up to date

    @property
    def waiting_for(self) -> list[tuple[str, str]]:
        """``(scene, status)`` of the scenes that are not rendered and up to date."""
        return [
            (entry.name, status)
            for entry, status in zip(self.scenes, self.statuses, strict=True)
            if status != "rendered"
        ]

    def why_not_ready(self) -> str:
        if not self.scenes:
            return "the manifest lists no scenes for it"
        waiting = ", ".join(f"{name} is {status}" for name, status in self.waiting_for)
        them = "it" if len(self.waiting_for) == 1 else "them"
        return f"{waiting} (make section N={self.section.number} renders {them})"


def plan_lecture(
    paths: Paths, fingerprinter: Fingerprinter, manifest: Manifest, section: Section
) -> LecturePlan:
    """Where ``section``'s lecture stands, from the manifest and the scenes' state records."""
    scenes = tuple(manifest.scenes_of(section))
    statuses = []
    items = []
    for entry in scenes:
        fingerprint = fingerprinter.fingerprint(entry)
        statuses.append(scene_status(paths, entry, fingerprint))
        record = read_json(paths.state_file(entry)) or {}
        items.append(
            {
                "name": entry.name,
                "title": entry.title,
                "fingerprint": fingerprint,
                "rendered_at": record.get("rendered_at"),
            }
        )
    fingerprint = None
    if scenes and all(status == "rendered" for status in statuses):
        inputs = {
            "section": section.as_record(),
            "quality": paths.quality.as_record(),
            "scenes": items,
            "code": _code_digest(),
        }
        fingerprint = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()
    return LecturePlan(section, scenes, tuple(statuses), fingerprint)


def lecture_status(paths: Paths, plan: LecturePlan) -> str:
    """``rendered`` (joined from the current scenes), ``stale`` or ``missing``."""
    outputs = lecture_outputs(paths, plan.section)
    present = [path.exists() for path in outputs.values()]
    record = read_json(lecture_state_file(paths, plan.section))
    if record is None or not all(present):
        return "stale" if any(present) else "missing"
    recorded = {key: paths.root / value for key, value in record.get("outputs", {}).items()}
    if plan.fingerprint is None or record.get("fingerprint") != plan.fingerprint:
        return "stale"
    return "rendered" if recorded == outputs else "stale"


@dataclass
class LectureSummary:
    joined: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


class LectureBuilder(QualityStep):
    """Brings the lectures of a selection of sections up to date at one quality."""

    def label(self, section: Section) -> str:
        return f"lecture {section.folder} {self.quality.folder}"

    def remove_unlisted(self) -> None:
        """Delete the lectures of sections the manifest no longer lists."""
        listed = {section.folder for section in self.manifest.sections}
        for folder in remove_unlisted(self.root, self.paths.state_dir / "lectures", listed):
            self.say(f"removed lecture {folder}: the manifest no longer lists it")

    def build(self, sections: Sequence[Section], *, prune: bool = False) -> LectureSummary:
        """Join the lectures of ``sections``; ``prune`` also deletes those of unlisted sections."""
        started = time.perf_counter()
        summary = LectureSummary()
        if prune:
            self.remove_unlisted()
        for section in sections:
            plan = plan_lecture(self.paths, self.fingerprinter, self.manifest, section)
            if plan.fingerprint is None:
                self.say(f"{self.label(section)} skipped: {plan.why_not_ready()}")
                summary.skipped.append(section.folder)
            elif lecture_status(self.paths, plan) == "rendered":
                if self.verbose:
                    self.say(f"{self.label(section)} up to date")
                summary.up_to_date.append(section.folder)
            else:
                self._join(plan, summary)
        summary.seconds = time.perf_counter() - started
        parts = [
            f"{len(summary.joined)} joined",
            f"{len(summary.up_to_date)} up to date",
            f"{len(summary.skipped)} skipped",
            f"{len(summary.failed)} failed",
        ]
        self.say(f"lectures: {', '.join(parts)} in {summary.seconds:.1f} s ({self.quality.folder})")
        return summary

    def _join(self, plan: LecturePlan, summary: LectureSummary) -> None:
        section = plan.section
        started = time.perf_counter()
        parts = [
            Part(
                entry.name,
                entry.title,
                self.paths.outputs(entry)["mp4"],
                self.paths.outputs(entry)["srt"],
            )
            for entry in plan.scenes
        ]
        outputs = lecture_outputs(self.paths, section)
        temporaries = {
            key: path.with_name(f".{path.name}.{os.getpid()}.tmp") for key, path in outputs.items()
        }
        try:
            joined = join(parts, temporaries["mp4"], title=f"{section.number}. {section.title}")
            cues = merged_subtitles(parts, joined.starts)
            temporaries["srt"].write_text(subtitles.format_srt(cues), encoding="utf-8")
            chapters = subtitles.format_vtt(chapter_cues(parts, joined))
            temporaries["chapters"].write_text(chapters, encoding="utf-8")
        except (JoinError, subtitles.SubtitleError, OSError) as error:
            for temporary in temporaries.values():
                temporary.unlink(missing_ok=True)
            self.say(f"{self.label(section)} FAILED: {error}")
            summary.failed.append((section.folder, str(error)))
            return
        except BaseException:
            for temporary in temporaries.values():
                temporary.unlink(missing_ok=True)
            raise
        for key, path in outputs.items():
            os.replace(temporaries[key], path)
        seconds = time.perf_counter() - started
        record = {
            "section": section.number,
            "folder": section.folder,
            "fingerprint": plan.fingerprint,
            "outputs": {key: str(path.relative_to(self.root)) for key, path in outputs.items()},
            "duration": float(joined.duration),
            "frames": joined.frames,
            "chapters": [
                {
                    "scene": part.name,
                    "title": part.title,
                    "start": float(start),
                    "duration": float(duration),
                }
                for part, start, duration in zip(
                    parts, joined.starts, joined.durations, strict=True
                )
            ],
            "join_seconds": round(seconds, 3),
            "joined_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        write_json_atomically(lecture_state_file(self.paths, section), record)
        count = len(parts)
        self.say(
            f"{self.label(section)} ... done in {seconds:.1f} s "
            f"({count} scene{'s' if count != 1 else ''}, {clock(float(joined.duration))})"
        )
        summary.joined.append(section.folder)
