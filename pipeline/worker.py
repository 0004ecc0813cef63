"""Render one scene in a process of its own: ``python -m pipeline.worker JOB_JSON``.

The worker is the only part of the pipeline that imports manim. It renders into
a private work folder (its own manim media folder), then moves the video, the
subtitles and the poster frame into place, each with an atomic rename, and
writes the scene's state record last. A render that fails or is killed leaves
nothing at a final path, and no state record that claims it is done.

The record holds the fingerprint of the code the worker actually imported, not
the one the build planned with: the worker hashes the scene's code closure just
before and just after importing it. An edit made between planning and import
is thus recorded as what was rendered (and a reverted edit shows as stale next
time); an edit made during the import itself leaves a fingerprint that matches
nothing, so the scene renders again next time.

LaTeX output is shared between workers through a cache of compiled SVG files,
keyed by the full LaTeX source: each formula is compiled once per build, even
with several workers, because a worker compiles in its own folder and publishes
the SVG with an atomic rename.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import random
import resource
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from pipeline.deps import code_digest
from pipeline.progress import write_report
from pipeline.state import combine_fingerprint, read_json, scene_code, write_json_atomically
from pipeline.storyboard import FrameLog, clock, recording
from pipeline.storyboard import save as save_storyboard
from pipeline.voice import GAP, SAMPLE_RATE, Narrator, mux, track_length

SEED = 20_240_601
#: Partial movies encoded at once while drawing goes on.
INFLIGHT_ENCODERS = 1


def private_copy(shared: Path, folder: Path) -> Path:
    """``shared`` linked (or copied) into this worker's own folder.

    manim parses an SVG by writing a modified copy beside it (``name_.svg``) and
    deleting it afterwards: two workers parsing the same file in a shared folder
    would race on that copy, so each parses its own.
    """
    private = folder / shared.name
    if not private.exists():
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{shared.name}.{os.getpid()}.tmp"
        try:
            os.link(shared, temporary)
        except OSError:
            shutil.copyfile(shared, temporary)
        os.replace(temporary, private)
    return private


def install_shared_tex_cache(cache_dir: Path, log_path: Path | None) -> None:
    """Route manim's LaTeX compilation through a cache shared by concurrent workers."""
    import manim.mobject.text.tex_mobject as tex_mobject
    from manim import config
    from manim.utils import tex_file_writing

    original = tex_file_writing.tex_to_svg_file
    cache_dir.mkdir(parents=True, exist_ok=True)

    def cached_tex_to_svg_file(
        expression: str, environment: str | None = None, tex_template: Any = None
    ) -> Path:
        template = tex_template or config["tex_template"]
        if environment is not None:
            source = template.get_texcode_for_expression_in_env(expression, environment)
        else:
            source = template.get_texcode_for_expression(expression)
        key = tex_file_writing.tex_hash(source)
        cached = cache_dir / f"{key}.svg"
        if not cached.exists():
            # One worker compiles a formula; another that wants it meanwhile waits for it.
            with (cache_dir / f".{key}.lock").open("w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if not cached.exists():
                    private_svg = original(expression, environment, template)
                    temporary = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
                    shutil.copyfile(private_svg, temporary)
                    os.replace(temporary, cached)
                    if log_path is not None:
                        with log_path.open("a", encoding="utf-8") as log:
                            log.write(f"{key}\n")
        return private_copy(cached, Path(config.get_dir("tex_dir")))

    tex_mobject.tex_to_svg_file = cached_tex_to_svg_file


def save_poster(frame: Any, path: Path) -> None:
    """Write the RGBA frame array as an RGB PNG."""
    from PIL import Image

    Image.fromarray(frame).convert("RGB").save(path, format="PNG", optimize=False)


def probe_video(path: Path) -> tuple[float, int]:
    """Duration in seconds and frame count of the video at ``path``."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = stream.frames or sum(1 for _ in container.demux(stream) if _.size)
        duration = float(container.duration or 0) / 1_000_000
    return duration, frames


def remove_moved_outputs(previous: dict[str, Any] | None, outputs: dict[str, str]) -> None:
    """Delete the files of an earlier render whose names changed (the scene moved or renamed)."""
    for key, old in ((previous or {}).get("outputs") or {}).items():
        if old != outputs.get(key):
            Path(old).unlink(missing_ok=True)


def storyboard_title(job: dict[str, Any], duration: float) -> str:
    title = (job.get("entry") or {}).get("title") or job["scene"]
    return f"{title}  ({job['scene']}, {clock(duration)})"


def storyboard_only(job: dict[str, Any], scene_class: type, settings: dict[str, Any]) -> dict:
    """Draw only the frame after each animation, encode nothing, and write the storyboard."""
    from manim import config, tempconfig

    frames = FrameLog()
    started = time.perf_counter()
    narrator = narrator_of(job)
    with tempconfig({**settings, "write_to_movie": False, "dry_run": True}):
        config.output_file = job["scene"]
        drawn = recording(scene_class, frames, draw=True)
        scene = (voiced(drawn, narrator) if narrator else drawn)(skip_animations=True)
        scene.render()
    path = Path(job["outputs"]["storyboard"])
    tiles = save_storyboard(frames, storyboard_title(job, float(scene.time)), path)
    shutil.rmtree(job["work_dir"], ignore_errors=True)
    return {
        "scene": job["scene"],
        "storyboard": job["outputs"]["storyboard"],
        "tiles": tiles,
        "seconds": round(time.perf_counter() - started, 3),
    }


def script_only(job: dict[str, Any], scene_class: type, settings: dict[str, Any]) -> dict:
    """Play the scene without drawing and list its beats: the recording script's lines."""
    from manim import config, tempconfig

    narrator = narrator_of(job, listing=True)
    assert narrator is not None
    started = time.perf_counter()
    with tempconfig({**settings, "write_to_movie": False, "dry_run": True}):
        config.output_file = job["scene"]
        scene = voiced(scene_class, narrator)(skip_animations=True)
        scene.render()
    shutil.rmtree(job["work_dir"], ignore_errors=True)
    return {
        "scene": job["scene"],
        "duration": float(scene.time),
        "voice": narrator.record(),
        "seconds": round(time.perf_counter() - started, 3),
    }


def reporting(scene_class: type, report: Path) -> type:
    """``scene_class`` telling the build how far it has got, at most twice a second."""

    class Reporting(scene_class):  # type: ignore[valid-type, misc]
        _reported_at = 0.0
        _animations = 0

        def _report(self) -> None:
            self._animations += 1
            now = time.monotonic()
            if now - self._reported_at >= 0.5:
                self._reported_at = now
                write_report(report, float(self.time), self._animations)

        def play(self, *args: Any, **kwargs: Any) -> None:  # wait() plays a Wait too
            super().play(*args, **kwargs)
            self._report()

    Reporting.__name__ = scene_class.__name__
    Reporting.__qualname__ = scene_class.__qualname__
    return Reporting


def voiced(scene_class: type, narrator: Narrator) -> type:
    """``scene_class`` with a voice: each subcaption is a beat, spoken from its cue's start.

    A cue that ends now (a beat, or a play with a subcaption) and is shorter than its
    speech plus :data:`~pipeline.voice.GAP` is held, the picture still, until the
    speech is over; the cue is lengthened to match, so the subtitles say what is said.
    """

    class Voiced(scene_class):  # type: ignore[valid-type, misc]
        def add_subcaption(self, content: str, duration: float = 1, offset: float = 0) -> None:
            now = float(self.time)
            start = now + offset
            clip, take = narrator.speak(content)
            if clip is not None and len(clip):
                needed = len(clip) / SAMPLE_RATE + GAP
                if needed > duration:
                    if start + duration >= now - 1e-6:  # the cue ends now: hold the picture
                        hold(self, start + needed - now)
                        needed = max(needed, float(self.time) - start)
                    duration = needed
                    offset = start - float(self.time)
            narrator.add(content, start, start + duration, clip, take)
            super().add_subcaption(content, duration=duration, offset=offset)

    Voiced.__name__ = scene_class.__name__
    Voiced.__qualname__ = scene_class.__qualname__
    return Voiced


def hold(scene: Any, seconds: float) -> None:
    """Hold the picture for at least ``seconds``, in whole frames.

    A still wait draws whole frames and may draw one fewer than its length would fit
    (it rounds down), so the wait asked for is half a frame longer than the whole
    frames it must cover. (A wait with updaters running draws one more frame; a
    scene played without drawing, for a script or a storyboard, just adds the time.)
    """
    if seconds <= 1e-6:
        return
    rate = float(scene.camera.frame_rate)
    frames = math.ceil(seconds * rate - 1e-6)
    drawing = not getattr(scene.renderer, "skip_animations", False)
    scene.wait((frames + (0.5 if drawing else 0.0)) / rate)


def narrator_of(job: dict[str, Any], *, listing: bool = False) -> Narrator | None:
    """The job's narrator: None for a silent render, unless only ``listing`` the beats."""
    voice = job.get("voice") or {}
    mode = voice.get("mode", "none")
    if mode == "none" and not listing:
        return None
    cache = Path(voice.get("cache") or Path(job["root"]) / "renders" / ".cache" / "voice")
    return Narrator(mode, job["scene"], Path(job["root"]), cache)


def declared_inputs(scene_class: type) -> list[dict[str, str]]:
    """The scene's inputs as rendered, each with its value and domain, for the gallery."""
    domain = getattr(scene_class, "domain", None)
    if domain is None:
        return []
    from scenes.inputs import show_value

    inputs = [
        {"name": name, "value": show_value(getattr(scene_class, name)), "domain": spec.describe()}
        for name, spec in domain.specs.items()
    ]
    inputs += [
        {"name": ", ".join(rule.names), "value": "", "domain": rule.description}
        for rule in domain.rules
    ]
    return inputs


def imported_fingerprint(job: dict[str, Any], before: str, after: str) -> str:
    """The fingerprint of the code this worker imported, said aloud when it is not the plan's."""
    if before != after:
        print(
            f"note: {job['scene']}'s code changed while it was being imported; "
            "it will count as out of date and render again next time",
            file=sys.stderr,
        )
        return f"changed-during-import:{before}:{after}"
    fingerprint = combine_fingerprint(job["environment"], before, job["entry"])
    if fingerprint != job["fingerprint"]:
        print(
            f"note: {job['scene']}'s code changed after the build planned it; "
            "the record names the code that was rendered",
            file=sys.stderr,
        )
    return fingerprint


def render(job: dict[str, Any]) -> dict[str, Any]:
    """Render the scene described by ``job`` and install its outputs; return its record."""
    work = Path(job["work_dir"])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()

    random.seed(SEED)
    import numpy as np

    np.random.seed(SEED)  # noqa: NPY002 - scenes may use the legacy global generator

    from manim import Scene, config, tempconfig

    verbose = job["verbose"]
    settings = {
        "media_dir": str(work / "media"),
        "tex_dir": str(work / "tex"),
        "text_dir": str(work / "text"),
        "pixel_width": job["quality"]["pixel_width"],
        "pixel_height": job["quality"]["pixel_height"],
        "frame_rate": job["quality"]["frame_rate"],
        "disable_caching": True,
        # One encoder at a time: with two workers both cores are busy already, and overlapping
        # encoders raised a 1080p60 worker's peak memory from 0.7 GiB to 1.2-1.7 GiB.
        "max_inflight_encoders": INFLIGHT_ENCODERS,
        "progress_bar": "display" if verbose else "none",
        "verbosity": "INFO" if verbose else "ERROR",
        "seed": SEED,
        "write_to_movie": True,
        "format": "mp4",
    }
    install_shared_tex_cache(Path(job["tex_cache"]), Path(job["tex_log"]))
    root = Path(job["root"])
    mode = (job.get("voice") or {}).get("mode", "none")
    code_before = scene_code(code_digest(root, job["module"]), root, job["scene"], mode)
    module = __import__(job["module"], fromlist=[job["scene"]])
    code_after = scene_code(code_digest(root, job["module"]), root, job["scene"], mode)
    fingerprint = imported_fingerprint(job, code_before, code_after)
    scene_class = getattr(module, job["scene"], None)
    if not (isinstance(scene_class, type) and issubclass(scene_class, Scene)):
        raise LookupError(f"{job['module']} defines no Scene class named {job['scene']!r}")

    if job.get("storyboard_only"):
        return storyboard_only(job, scene_class, settings)
    if job.get("script_only"):
        return script_only(job, scene_class, settings)
    frames = FrameLog()
    narrator = narrator_of(job)
    with tempconfig(settings):
        config.output_file = job["scene"]
        drawn = recording(reporting(scene_class, Path(job["progress_file"])), frames, draw=False)
        scene = (voiced(drawn, narrator) if narrator else drawn)()
        scene.render()
        writer = scene.renderer.file_writer
        movie = Path(writer.movie_file_path)
        subtitles = writer.output_plan.subcaption_file
        poster = work / "poster.png"
        save_poster(scene.renderer.get_frame(), poster)

    if subtitles is None or not Path(subtitles).exists():
        subtitles = work / "empty.srt"
        subtitles.write_text("", encoding="utf-8")
        print(f"warning: {job['scene']} has no subcaptions; its .srt is empty", file=sys.stderr)

    duration, frame_count = probe_video(movie)
    if narrator is not None:  # the picture's packets copied beside the speech, as long as it
        speech = narrator.track(track_length(frame_count, job["quality"]["frame_rate"]))
        mux(movie, speech, work / "voiced.mp4")
        movie = work / "voiced.mp4"
    board = work / "storyboard.png"
    tiles = save_storyboard(frames, storyboard_title(job, duration), board)
    outputs = {key: Path(value) for key, value in job["outputs"].items()}
    outputs["mp4"].parent.mkdir(parents=True, exist_ok=True)
    for source, key in (
        (movie, "mp4"),
        (Path(subtitles), "srt"),
        (poster, "png"),
        (board, "storyboard"),
    ):
        os.replace(source, outputs[key])

    record = {
        "scene": job["scene"],
        "fingerprint": fingerprint,
        "outputs": job["outputs"],
        "duration": duration,
        "frames": frame_count,
        "storyboard_tiles": tiles,
        "inputs": declared_inputs(scene_class),
        **({"voice": narrator.record()} if narrator is not None else {}),
        "render_seconds": round(time.perf_counter() - started, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rendered_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    state_file = Path(job["state_file"])
    remove_moved_outputs(read_json(state_file), job["outputs"])
    write_json_atomically(state_file, record)
    shutil.rmtree(work, ignore_errors=True)
    return record


def main(argv: list[str]) -> int:
    job = json.loads(argv[0])
    result_file = Path(job["result_file"])
    try:
        record = render(job)
    except BaseException as error:  # report every failure to the orchestrator
        if isinstance(error, KeyboardInterrupt):
            raise
        # Into the scene's log; when the log cannot grow (a full disk) the result still says why.
        with contextlib.suppress(OSError):
            traceback.print_exc()
        shutil.rmtree(job["work_dir"], ignore_errors=True)  # no partial clips are kept
        message = str(error).strip().splitlines()
        write_json_atomically(
            result_file,
            {
                "status": "failed",
                "error": type(error).__name__,
                "message": message[0] if message else "",
            },
        )
        return 1
    write_json_atomically(result_file, {"status": "done", "record": record})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
