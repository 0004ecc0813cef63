"""The review gallery: ``renders/<quality>/index.html``, one static page for reviewers.

It lists every section and scene of the manifest in order, each scene with its
poster, title, concept line, duration, render date and a player with its
subtitles, and each section's lecture with its chapter list. It is made from the
manifest and what is on disk: a missing or stale render is shown and marked, not
left out. Open the file in a browser; no server is needed.

Every link is relative to the page, so the page works from ``file://``. Browsers
read subtitles for a ``<track>`` only as WebVTT, so each ``.srt`` gets a ``.vtt``
beside it; and since Chromium refuses to load a track from another ``file://``
URL (each file is its own origin there), the page also carries each WebVTT
inline, as a ``data:`` URL, which every browser loads from anywhere. The page
and the ``.vtt`` files are written only when their text changes, atomically.
"""

from __future__ import annotations

import base64
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipeline import subtitles
from pipeline.lectures import (
    clock,
    lecture_outputs,
    lecture_state_file,
    lecture_status,
    plan_lecture,
)
from pipeline.manifest import Manifest, SceneEntry, Section
from pipeline.qualities import Quality
from pipeline.state import Fingerprinter, Paths, read_json, scene_status, write_text_atomically

PAGE_TITLE = "ML Foundations in Motion"
TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_NAME = "index.html"


@dataclass(frozen=True)
class Track:
    """Subtitles for a player: the WebVTT file beside the video, and the same text inline."""

    file: str  # link to the .vtt, relative to the page
    data_url: str


class _Timed:
    seconds: float | None

    @property
    def duration(self) -> str | None:
        return clock(self.seconds) if self.seconds is not None else None


@dataclass(frozen=True)
class SceneCard(_Timed):
    entry: SceneEntry
    status: str  # rendered, stale or missing
    poster: str | None
    video: str | None
    srt: str | None
    track: Track | None
    problem: str | None  # e.g. unreadable subtitles
    storyboard: str | None
    seconds: float | None
    rendered_at: datetime | None
    inputs: tuple[tuple[str, str, str], ...] = ()  # (name, value, domain) as last rendered
    voice: str | None = None  # "draft" or "recorded": the voice of its sound, if it has one
    recordings: tuple[tuple[str, tuple[int, ...]], ...] = ()  # ("missing", beats), ("stale", ...)

    @property
    def dom_id(self) -> str:
        return f"scene-{self.entry.name}"


@dataclass(frozen=True)
class Chapter:
    title: str
    scene: str
    start: float  # seconds into the lecture

    @property
    def clock(self) -> str:
        return clock(self.start)


@dataclass(frozen=True)
class LectureCard(_Timed):
    section: Section
    status: str  # rendered, stale or missing
    reason: str | None  # why it is not up to date
    video: str | None
    poster: str | None
    srt: str | None
    chapters_file: str | None
    track: Track | None
    chapters_track: Track | None
    chapters: list[Chapter]
    seconds: float | None
    joined_at: datetime | None

    @property
    def dom_id(self) -> str:
        return f"lecture-{self.section.folder}"


@dataclass(frozen=True)
class SectionBlock:
    section: Section
    lecture: LectureCard
    scenes: list[SceneCard]

    @property
    def dom_id(self) -> str:
        return f"section-{self.section.folder}"


@dataclass
class Page:
    title: str
    quality: Quality
    sections: list[SectionBlock] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(card.status == status for block in self.sections for card in block.scenes)

    def lecture_count(self, status: str) -> int:
        return sum(block.lecture.status == status for block in self.sections)

    @property
    def scene_total(self) -> int:
        return sum(len(block.scenes) for block in self.sections)

    @property
    def duration(self) -> str:
        seconds = sum(card.seconds or 0 for block in self.sections for card in block.scenes)
        return clock(seconds)


@dataclass(frozen=True)
class GalleryResult:
    page: Page
    path: Path
    changed: bool


def _link(path: Path, base: Path) -> str:
    """URL of ``path`` relative to the folder ``base`` (percent-encoded)."""
    return quote(path.relative_to(base).as_posix())


def _data_url(vtt: str) -> str:
    return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(vtt.encode()).decode("ascii")


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None


def _seconds(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def _voice_of(record: dict[str, Any]) -> dict[str, Any]:
    """The voice of a render and the beats whose recording is missing or stale."""
    voice = record.get("voice")
    if not isinstance(voice, dict) or voice.get("mode") in (None, "none"):
        return {}
    recordings = tuple(
        (kind, tuple(int(n) for n in voice.get(kind) or []))
        for kind in ("missing", "stale")
        if voice.get(kind)
    )
    return {"voice": str(voice["mode"]), "recordings": recordings}


class _Collector:
    """Reads the manifest, the state records and the files; writes the ``.vtt`` files."""

    def __init__(self, root: Path, manifest: Manifest, quality: Quality) -> None:
        self.root = root
        self.manifest = manifest
        self.paths = Paths(root, quality)
        self.base = self.paths.quality_dir
        self.fingerprinter = Fingerprinter(root, manifest, quality)

    def link(self, path: Path) -> str | None:
        return _link(path, self.base) if path.exists() else None

    def track(self, srt: Path, vtt: Path) -> tuple[Track | None, str | None]:
        """The WebVTT for ``srt``, written to ``vtt``; or the reason there is none."""
        if not srt.exists():
            return None, None
        try:
            text = subtitles.srt_to_vtt(srt.read_text(encoding="utf-8"), srt.name)
        except (subtitles.SubtitleError, UnicodeDecodeError) as error:
            return None, f"subtitles unreadable: {error}"
        write_text_atomically(vtt, text)
        return Track(_link(vtt, self.base), _data_url(text)), None

    def scene(self, entry: SceneEntry) -> SceneCard:
        status = scene_status(self.paths, entry, self.fingerprinter.fingerprint(entry))
        outputs = self.paths.outputs(entry)
        record = read_json(self.paths.state_file(entry)) or {}
        track, problem = self.track(outputs["srt"], outputs["srt"].with_suffix(".vtt"))
        present = status != "missing"
        return SceneCard(
            entry=entry,
            status=status,
            poster=self.link(outputs["png"]),
            video=self.link(outputs["mp4"]),
            srt=self.link(outputs["srt"]),
            track=track,
            problem=problem,
            storyboard=self.link(outputs["storyboard"]),
            seconds=_seconds(record.get("duration")) if present else None,
            rendered_at=_timestamp(record.get("rendered_at")) if present else None,
            inputs=tuple(
                (str(i.get("name", "")), str(i.get("value", "")), str(i.get("domain", "")))
                for i in (record.get("inputs") or [] if present else [])
                if isinstance(i, dict)
            ),
            **_voice_of(record if present else {}),
        )

    def lecture(self, section: Section, scenes: list[SceneCard]) -> LectureCard:
        plan = plan_lecture(self.paths, self.fingerprinter, self.manifest, section)
        status = lecture_status(self.paths, plan)
        outputs = lecture_outputs(self.paths, section)
        record = read_json(lecture_state_file(self.paths, section)) or {}
        reason = None
        if plan.fingerprint is None:
            reason = f"waiting for its scenes: {plan.why_not_ready()}"
        elif status != "rendered":
            reason = "its scenes changed since it was joined; `make lectures` joins it again"
        track = chapters_track = None
        if status != "missing":
            track, _ = self.track(outputs["srt"], outputs["mp4"].with_suffix(".vtt"))
            if outputs["chapters"].exists():
                text = outputs["chapters"].read_text(encoding="utf-8")
                chapters_track = Track(_link(outputs["chapters"], self.base), _data_url(text))
        chapters = [
            Chapter(str(c.get("title", "")), str(c.get("scene", "")), float(c.get("start", 0)))
            for c in record.get("chapters", [])
            if isinstance(c, dict)
        ]
        first_poster = next((card.poster for card in scenes if card.poster), None)
        return LectureCard(
            section=section,
            status=status,
            reason=reason,
            video=self.link(outputs["mp4"]),
            poster=first_poster,
            srt=self.link(outputs["srt"]),
            chapters_file=self.link(outputs["chapters"]),
            track=track,
            chapters_track=chapters_track,
            chapters=chapters if status != "missing" else [],
            seconds=_seconds(record.get("duration")) if status != "missing" else None,
            joined_at=_timestamp(record.get("joined_at")) if status != "missing" else None,
        )

    def page(self) -> Page:
        page = Page(PAGE_TITLE, self.paths.quality)
        for section in self.manifest.sections:
            scenes = [self.scene(entry) for entry in self.manifest.scenes_of(section)]
            page.sections.append(SectionBlock(section, self.lecture(section, scenes), scenes))
        return page


def environment() -> Environment:
    """The template engine: HTML-escaped by default, and loud about undefined names."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(page: Page) -> str:
    """The HTML of ``page``."""
    return environment().get_template("gallery.html.j2").render(page=page)


def build_gallery(root: Path, manifest: Manifest, quality: Quality) -> GalleryResult:
    """Write ``renders/<quality>/index.html`` (and the ``.vtt`` files) from what is on disk."""
    collector = _Collector(root, manifest, quality)
    page = collector.page()
    path = collector.base / PAGE_NAME
    changed = write_text_atomically(path, render(page))
    return GalleryResult(page, path, changed)


def report(result: GalleryResult, root: Path, out: TextIO = sys.stdout) -> None:
    """One line: where the page is, whether it changed, and what it shows."""
    page = result.page
    scenes = ", ".join(
        f"{page.count(status)} {status}"
        for status in ("rendered", "stale", "missing")
        if page.count(status) or status == "rendered"
    )
    lectures = page.lecture_count("rendered")
    state = "written" if result.changed else "unchanged"
    print(
        f"gallery {page.quality.folder} {state}: {result.path.relative_to(root)} "
        f"({page.scene_total} scenes: {scenes}; {lectures} of {len(page.sections)} lectures)",
        file=out,
        flush=True,
    )
