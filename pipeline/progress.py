"""What a running build shows: each rendering scene's progress and the time left.

Workers report cheaply: each writes a tiny JSON file (how many seconds of video it
has drawn, how many animations) at most twice a second; the build polls them. The
estimate of the time left comes from the state records (each scene's last render
time and video length) and, for scenes never rendered, from the rate measured on
the scenes of this build (render seconds per second of video).

On a terminal the build draws live bars with ``rich``; anywhere else (a log file,
CI, ``make > log``) it prints plain lines, at most one per scene every
``MLFM_PROGRESS_EVERY`` seconds (15 by default), with no control codes.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

#: Seconds between two plain progress lines of one scene (a terminal shows bars instead).
DEFAULT_EVERY = 15.0
#: Render seconds per second of video, when this build has measured none yet, per pixel rate.
FALLBACK_RATE_PER_MEGAPIXEL_FRAME = 0.012
#: The length of a scene never rendered, before it reports any (the course's scenes: 20-90 s).
TYPICAL_SCENE_SECONDS = 55.0


def clock(seconds: float) -> str:
    """``1:05`` or ``1:02:03``."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def write_report(path: Path, video_seconds: float, animations: int) -> None:
    """Write a worker's progress (atomically: the build never reads half a report)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"video": video_seconds, "animations": animations}))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # progress is a courtesy: never fail a render on it


def read_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Running:
    name: str
    label: str
    started: float
    expected_seconds: float | None  # render time, from its last record
    expected_video: float | None  # video length, from its last record
    video: float = 0.0
    animations: int = 0
    last_line: float = field(default_factory=time.monotonic)
    task: Any = None

    def fraction(self) -> float | None:
        if not self.expected_video:
            return None
        return min(0.99, self.video / self.expected_video)


class Progress:
    """The build's progress display (see the module's docstring)."""

    def __init__(
        self,
        out: TextIO,
        *,
        total: int,
        workers: int,
        pixels_per_second: float,
        live: bool | None = None,
    ) -> None:
        self.out = out
        self.total = total
        self.workers = max(1, workers)
        self.pixels_per_second = pixels_per_second
        self.started = time.monotonic()
        self.done = 0
        self.queued: list[tuple[float | None, float | None]] = []  # (render s, video s)
        self.running: dict[str, Running] = {}
        self.measured: list[tuple[float, float]] = []  # (render seconds, video seconds)
        self.every = float(os.environ.get("MLFM_PROGRESS_EVERY", DEFAULT_EVERY))
        self.live = out.isatty() if live is None else live
        self._bars: Any = None
        self._overall: Any = None
        if self.live:
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bars

            console = Console(file=out, highlight=False)
            self._bars = Bars(
                TextColumn("{task.description}"),
                BarColumn(bar_width=28),
                TextColumn("{task.fields[detail]}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self._overall = self._bars.add_task("build", total=total, detail="")
            self._bars.start()

    # -- what the builder tells it --------------------------------------------------

    def say(self, line: str) -> None:
        """A line of the build's log, printed above the bars on a terminal."""
        if self._bars is not None:
            self._bars.console.print(line, markup=False)
        else:
            print(line, file=self.out, flush=True)

    def plan(self, expected: list[tuple[float | None, float | None]]) -> None:
        """The scenes to render, each with its last render time and video length if known."""
        self.queued = list(expected)

    def start(self, name: str, label: str, expected: tuple[float | None, float | None]) -> None:
        if expected in self.queued:
            self.queued.remove(expected)
        seconds, video = expected
        running = Running(name, label, time.monotonic(), seconds, video)
        if self._bars is not None:
            running.task = self._bars.add_task(label, total=1.0, detail="starting")
        self.running[name] = running

    def finish(self, name: str, render_seconds: float, video_seconds: float | None) -> None:
        running = self.running.pop(name, None)
        self.done += 1
        if video_seconds:
            self.measured.append((render_seconds, video_seconds))
        if self._bars is not None:
            if running is not None and running.task is not None:
                self._bars.remove_task(running.task)
            self._bars.update(self._overall, completed=self.done, detail=self.overall_detail())

    def poll(self, reports: dict[str, Path]) -> None:
        """Read the workers' reports and show them (bars, or a plain line when one is due)."""
        now = time.monotonic()
        for name, path in reports.items():
            running = self.running.get(name)
            if running is None:
                continue
            report = read_report(path)
            running.video = float(report.get("video", running.video))
            running.animations = int(report.get("animations", running.animations))
            detail = self.scene_detail(running)
            if self._bars is not None:
                self._bars.update(running.task, completed=running.fraction() or 0, detail=detail)
            elif now - running.last_line >= self.every:
                running.last_line = now
                print(
                    f"{running.label} {detail}; {self.overall_detail()}", file=self.out, flush=True
                )
        if self._bars is not None:
            self._bars.update(self._overall, completed=self.done, detail=self.overall_detail())

    def close(self) -> None:
        if self._bars is not None:
            self._bars.stop()
            self._bars = None

    # -- estimates ------------------------------------------------------------------

    def rate(self) -> float:
        """Render seconds per second of video: measured in this build, else a guess."""
        if self.measured:
            return sum(r for r, _ in self.measured) / sum(v for _, v in self.measured)
        megapixel_frames = self.pixels_per_second / 1e6
        return max(0.5, FALLBACK_RATE_PER_MEGAPIXEL_FRAME * megapixel_frames)

    def expected(self, seconds: float | None, video: float | None) -> float:
        """A scene's render time: its last one, else its length at this build's rate."""
        if seconds:
            return seconds
        if video:
            return video * self.rate()
        if self.measured:  # never rendered: like the scenes this build has rendered
            return sum(r for r, _ in self.measured) / len(self.measured)
        return TYPICAL_SCENE_SECONDS * self.rate()

    def seconds_left(self) -> float:
        """Work left (the queue, and what the running scenes have still to do) per worker."""
        work = sum(self.expected(s, v) for s, v in self.queued)
        now = time.monotonic()
        for running in self.running.values():
            total = self.expected(running.expected_seconds, running.expected_video)
            fraction = running.fraction()
            if fraction is None and running.video:
                fraction = min(0.99, running.video / TYPICAL_SCENE_SECONDS)
            left = total * (1 - (fraction or 0))
            work += max(left, total - (now - running.started), 0.0) if fraction is None else left
        return work / self.workers

    def scene_detail(self, running: Running) -> str:
        fraction = running.fraction()
        drawn = clock(running.video)
        if fraction is None:
            count = running.animations
            return f"{drawn} of video drawn, {count} animation{'' if count == 1 else 's'}"
        return f"{fraction:.0%} ({drawn} of {clock(running.expected_video or 0)} of video)"

    def overall_detail(self) -> str:
        elapsed = clock(time.monotonic() - self.started)
        return (
            f"build: {self.done} of {self.total} done, {elapsed} elapsed, "
            f"about {clock(self.seconds_left())} left"
        )
