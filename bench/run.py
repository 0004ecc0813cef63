"""Benchmark the render pipeline against plain manim and the encoder's ceiling, in one run.

``make bench`` (or ``python -m bench.run``) measures, on fresh copies of the project:

1. the whole curriculum at preview quality, ours (``make -j2``) against plain
   ``manim render`` of every scene one after another: the wall-time ratio;
   and at full quality, the build's aggregate frames per second against item 4;
2. a no-op ``make``: seconds, and whether any process imported manim;
3. a one-module edit: seconds, and which scenes rendered again;
4. the encode ceiling: a bare PyAV libx264 encode (manim's settings) of the very
   frames the full-quality build produced, in frames per second;
5. LaTeX compilations in a fresh build against the number of distinct formulas;
6. a lecture's remux join against a re-encode of the same scenes (when lectures exist);
7. the peak resident memory of a render worker at full quality.

Rows 8-10 (cores, storyboards, a Dask cluster) follow. ``--rows 3,10`` measures only the
rows named, on top of the one preview build they start from.

Timings repeat (``--repeats``, fewer for the long full-quality build) and report the
median and the spread. Results print as a table and are written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import manifest as manifest_module  # noqa: E402
from pipeline.qualities import quality  # noqa: E402
from pipeline.state import Paths, read_json  # noqa: E402

COPIED = ("Makefile", "pyproject.toml", "pipeline", "lib", "scenes")


# -- project copies and commands ----------------------------------------------------------


def fresh_copy(destination: Path, fixture: Path | None) -> Path:
    """A copy of the project (or of it with the fixture curriculum) with no renders."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / name)
    if fixture is not None:  # the fixture's sections, theme and manifest replace the course's
        scenes = destination / "scenes"
        shutil.rmtree(scenes)
        shutil.copytree(fixture, scenes, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "scenes" / "__init__.py", scenes / "__init__.py")
    return destination


def make(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run real make in ``project`` with this interpreter's environment; time it."""
    command = ["make", f"VENV={sys.prefix}", "SKIP_SETUP=1", *args]
    started = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return seconds, result


def plain_manim(project: Path, letter: str, media: Path) -> float:
    """Render every scene with the plain ``manim render`` command, one after another."""
    manifest = manifest_module.load(project)
    manim = Path(sys.executable).with_name("manim")
    env = {**os.environ, "PYTHONPATH": str(project)}
    q = quality(letter)
    flags = (
        [f"-q{letter}"]
        if letter in "lmhpk"
        else ["-r", f"{q.pixel_width},{q.pixel_height}", "--fps", str(q.frame_rate)]
    )
    started = time.perf_counter()
    for entry in manifest.scenes:
        module = entry.module_path(project)
        command = [str(manim), "render", *flags, "--media_dir", str(media), str(module), entry.name]
        result = subprocess.run(
            command, cwd=project, capture_output=True, text=True, env=env, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"plain manim failed on {entry.name}:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


RENDERED_LINE = re.compile(r"^\[\s*\d+/\d+\] (\S+) .* done in ")


def rendered_names(output: str) -> list[str]:
    """Scenes a build reported as rendered: ``[ 1/19] SheriffAndRobber 480p15 ... done in``."""
    return [match.group(1) for line in output.splitlines() if (match := RENDERED_LINE.match(line))]


def spread(values: list[float]) -> dict[str, Any]:
    """Median, min and max of repeated measurements."""
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": [round(v, 3) for v in values],
    }


@contextmanager
def manim_trap(directory: Path) -> Iterator[tuple[dict[str, str], Path]]:
    """A PYTHONPATH whose ``manim`` leaves a mark when imported (and refuses to load)."""
    package = directory / "trap" / "manim"
    package.mkdir(parents=True, exist_ok=True)
    marker = directory / "manim-imported"
    marker.unlink(missing_ok=True)
    package.joinpath("__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nraise ImportError('manim trap')\n"
    )
    yield {"PYTHONPATH": str(package.parent)}, marker


# -- measurements -------------------------------------------------------------------------


def build_records(project: Path, letter: str) -> list[dict[str, Any]]:
    paths = Paths(project, quality(letter))
    manifest = manifest_module.load(project)
    return [read_json(paths.state_file(entry)) or {} for entry in manifest.scenes]


def latex_counts(project: Path) -> dict[str, int]:
    cache = project / "renders" / ".cache"
    log = cache / "tex-compilations.log"
    compilations = len(log.read_text().split()) if log.exists() else 0
    distinct = len(list((cache / "tex").glob("*.svg")))
    return {"compilations": compilations, "distinct_formulas": distinct}


def encode_ceiling(videos: list[Path], width: int, height: int, rate: int) -> dict[str, Any]:
    """Encode the frames of ``videos`` again with manim's settings; time only the encoding."""
    import av

    encode_seconds = 0.0
    frames = 0
    with tempfile.TemporaryDirectory() as scratch:
        output = av.open(str(Path(scratch) / "ceiling.mp4"), mode="w")
        stream = output.add_stream("libx264", rate=rate, options={"crf": "23"})
        stream.pix_fmt = "yuv420p"
        stream.width, stream.height = width, height
        time_base = Fraction(1, rate)
        for video in videos:
            with av.open(str(video)) as source:
                for decoded in source.decode(video=0):
                    pixels = decoded.to_ndarray(format="rgba")
                    started = time.perf_counter()
                    frame = av.VideoFrame.from_ndarray(pixels, format="rgba")
                    frame.pts, frame.time_base = frames, time_base
                    for packet in stream.encode(frame):
                        output.mux(packet)
                    encode_seconds += time.perf_counter() - started
                    frames += 1
        started = time.perf_counter()
        for packet in stream.encode():
            output.mux(packet)
        output.close()
        encode_seconds += time.perf_counter() - started
    return {
        "frames": frames,
        "seconds": encode_seconds,
        "fps": frames / encode_seconds if encode_seconds else 0.0,
    }


def lecture_assembly(project: Path, letter: str) -> dict[str, Any]:
    """Remux join of the longest section against a libx264 re-encode of the same scenes."""
    import av

    from pipeline.lectures import Part, join

    paths = Paths(project, quality(letter))
    manifest = manifest_module.load(project)
    section = max(manifest.sections, key=lambda s: len(manifest.scenes_of(s)))
    parts = [
        Part(entry.name, entry.title, paths.outputs(entry)["mp4"], paths.outputs(entry)["srt"])
        for entry in manifest.scenes_of(section)
    ]
    with tempfile.TemporaryDirectory() as scratch:
        remux_runs = []
        for _ in range(3):
            started = time.perf_counter()
            join(parts, Path(scratch) / "joined.mp4", title=section.title)
            remux_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        output = av.open(str(Path(scratch) / "reencoded.mp4"), mode="w")
        with av.open(str(parts[0].video)) as first:
            source_stream = first.streams.video[0]
            rate = int(source_stream.average_rate)
            width, height = source_stream.codec_context.width, source_stream.codec_context.height
        stream = output.add_stream("libx264", rate=rate, options={"crf": "23"})
        stream.pix_fmt, stream.width, stream.height = "yuv420p", width, height
        pts = 0
        for part in parts:
            with av.open(str(part.video)) as source:
                for frame in source.decode(video=0):
                    frame.pts, frame.time_base = pts, Fraction(1, rate)
                    pts += 1
                    for packet in stream.encode(frame):
                        output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
        output.close()
        reencode = time.perf_counter() - started
    remux = statistics.median(remux_runs)
    return {
        "section": section.folder,
        "scenes": len(parts),
        "frames": pts,
        "remux_seconds": remux,
        "reencode_seconds": reencode,
        "ratio": reencode / remux if remux else 0.0,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    fast, full = args.fast_quality, args.full_quality
    fixture = Path(args.fixture).resolve() if args.fixture else None
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict[str, Any] = {"machine": machine()}

    def say(line: str) -> None:
        print(line, flush=True)

    def timed(label: str, action: Callable[[], float]) -> float:
        seconds = action()
        say(f"  {label}: {seconds:.1f} s")
        return seconds

    rows = set(args.rows)
    try:
        say(
            f"1. whole curriculum at {quality(fast).folder}: ours (make -j2)"
            + (" vs plain manim" if 1 in rows else ", once, as the base of the other rows")
        )
        ours, plain = [], []
        for repeat in range(args.repeats if 1 in rows else 1):
            project = fresh_copy(work / "fast", fixture)
            order = ("ours", "plain") if repeat % 2 == 0 else ("plain", "ours")
            for who in order:
                if who == "ours":
                    ours.append(
                        timed("ours", lambda p=project: make(p, "-j2", f"QUALITY={fast}")[0])
                    )
                elif 1 in rows:
                    media = work / f"plain-media-{repeat}"
                    plain.append(timed("plain", lambda p=project, m=media: plain_manim(p, fast, m)))
                    shutil.rmtree(media, ignore_errors=True)
        results["fast"] = {
            "quality": quality(fast).folder,
            "scenes": len(manifest_module.load(project).scenes),
            "ours_seconds": spread(ours),
            "plain_seconds": spread(plain) if plain else None,
            "ratio": statistics.median(plain) / statistics.median(ours) if plain else None,
            "target_ratio": 1.85,
        }
        results["latex"] = latex_counts(project)
        results["fast"]["per_scene"] = {
            r["scene"]: {"duration": r["duration"], "seconds": r["render_seconds"]}
            for r in build_records(project, fast)
        }
        local = statistics.median(ours)
        if 2 in rows:
            say("2. no-op make")
            noop, imported = [], False
            with manim_trap(work) as (env, marker):
                for _ in range(max(3, args.repeats)):
                    seconds, result = make(project, f"QUALITY={fast}", env=env)
                    noop.append(seconds)
                    imported = imported or marker.exists() or bool(rendered_names(result.stdout))
            results["noop"] = {
                "seconds": spread(noop),
                "manim_started": imported,
                "target_seconds": 1.0,
            }
            say(f"  median {statistics.median(noop):.3f} s, manim started: {imported}")

        if 3 in rows:
            say("3. one scene module edited")
            manifest = manifest_module.load(project)
            entry = manifest.scenes[0]  # the first scene of the first section
            module = entry.module_path(project)
            module.write_text(module.read_text() + "\n# edited by the benchmark\n")
            seconds, result = make(project, "-j2", f"QUALITY={fast}")
            results["one_edit"] = {
                "module": str(module.relative_to(project)),
                "seconds": seconds,
                "rerendered": sorted(rendered_names(result.stdout)),
                "expected": [entry.name],
            }
            say(
                f"  {results['one_edit']['module']}: {seconds:.1f} s, "
                f"re-rendered {results['one_edit']['rerendered']}"
            )

        if 8 in rows:
            say(f"8. every core by default: make against JOBS=1 at {quality(fast).folder}")
            default_runs, single_runs, workers_line = [], [], ""
            for _ in range(args.repeats):
                copy = fresh_copy(work / "cores", fixture)
                seconds, result = make(copy, f"QUALITY={fast}")
                default_runs.append(seconds)
                workers_line = result.stdout.splitlines()[0] if result.stdout else ""
                copy = fresh_copy(work / "cores", fixture)
                single_runs.append(make(copy, f"QUALITY={fast}", "JOBS=1")[0])
            results["cores"] = {
                "quality": quality(fast).folder,
                "default_seconds": spread(default_runs),
                "one_worker_seconds": spread(single_runs),
                "speedup": statistics.median(single_runs) / statistics.median(default_runs),
                "workers": workers_line,
            }
            say(f"  {workers_line}")
            say(f"  speed-up over JOBS=1: {results['cores']['speedup']:.2f}x")

        if 9 in rows:
            say(f"9. storyboards of every scene (no video) against the JOBS=1 build at {fast}")
            if 8 not in rows:  # the JOBS=1 build it is measured against
                copy = fresh_copy(work / "cores", fixture)
                single_runs = [
                    timed("JOBS=1", lambda c=copy: make(c, f"QUALITY={fast}", "JOBS=1")[0])
                ]
            copy = fresh_copy(work / "boards", fixture)
            board_seconds, result = make(copy, "storyboard", f"QUALITY={fast}")
            if result.returncode != 0:
                raise RuntimeError(f"make storyboard failed:\n{result.stdout}\n{result.stderr}")
            results["storyboard"] = {
                "seconds": board_seconds,
                "fraction_of_render": board_seconds / statistics.median(single_runs),
                "target_fraction": 0.25,
            }
            say(f"  {board_seconds:.1f} s = {results['storyboard']['fraction_of_render']:.0%}")

        if 10 in rows:
            say(f"10. the curriculum at {fast} through a local two-worker Dask cluster")
            pool = statistics.median(default_runs) if 8 in rows else local
            results["cluster"] = cluster_row(work, fixture, fast, pool)
            say(
                f"  cluster {results['cluster']['seconds']:.1f} s against the local pool: "
                f"{results['cluster']['overhead']:+.0%}"
            )

        if rows & {4, 5, 6, 7}:
            say(f"4-5, 7. whole curriculum at {quality(full).folder} (make -j2), encode ceiling")
            full_runs, frames = [], 0
            for _ in range(args.full_repeats):
                project_full = fresh_copy(work / "full", fixture)
                full_runs.append(
                    timed("ours", lambda p=project_full: make(p, "-j2", f"QUALITY={full}")[0])
                )
            records = build_records(project_full, full)
            frames = sum(int(r.get("frames", 0)) for r in records)
            q = quality(full)
            videos = [project_full / r["outputs"]["mp4"] for r in records]
            ceiling = encode_ceiling(videos, q.pixel_width, q.pixel_height, q.frame_rate)
            build_fps = frames / statistics.median(full_runs)
            results["full"] = {
                "quality": q.folder,
                "frames": frames,
                "seconds": spread(full_runs),
                "fps": build_fps,
                "ceiling_fps": ceiling["fps"],
                "fraction_of_ceiling": build_fps / ceiling["fps"] if ceiling["fps"] else 0.0,
                "target_fraction": 0.9,
                "per_scene": {
                    r["scene"]: {
                        "duration": r["duration"],
                        "frames": r["frames"],
                        "seconds": r["render_seconds"],
                        "peak_rss_mib": r.get("peak_rss_mib"),
                    }
                    for r in records
                },
            }
            results["ceiling"] = ceiling
            results["latex_full"] = latex_counts(project_full)
            results["memory"] = {
                "peak_rss_mib": max(float(r.get("peak_rss_mib") or 0) for r in records),
                "target_mib": 1024,
            }

            say("6. lecture assembly")
            results["lectures"] = lecture_assembly(project_full, full)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return results


def cluster_row(work: Path, fixture: Path | None, letter: str, local: float) -> dict[str, Any]:
    """A full build through a scheduler and two workers on loopback, and the plan's forecast."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).with_name("dask"))
    logs = work / "cluster-logs"
    logs.mkdir(parents=True, exist_ok=True)

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [dask, *args],
            cwd=work,
            env={**os.environ, "MLFM_WORKER_CACHE": str(work / "worker-cache")},
            stdout=(logs / f"{name}.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    processes = [
        start(
            "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"
        )
    ]
    time.sleep(2)
    processes += [
        start(f"worker-{i}", "worker", address, "--nthreads", "1", "--no-dashboard")
        for i in range(2)
    ]
    try:
        time.sleep(5)
        copy = fresh_copy(work / "cluster", fixture)
        seconds, result = make(copy, f"QUALITY={letter}", f"SCHEDULER={address}")
        if result.returncode != 0:
            raise RuntimeError(f"the cluster build failed:\n{result.stdout}\n{result.stderr}")
        plan = make(copy, f"QUALITY={letter}", "plan", "WORKERS=66")[1].stdout
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    forecast = {}
    for line in plan.splitlines():
        if "worker(s): about" in line:
            forecast[int(line.split()[0])] = line.rsplit(" ", 1)[1]
    return {
        "seconds": seconds,
        "local_seconds": local,
        "overhead": seconds / local - 1,
        "target_overhead": 0.10,
        "plan": {n: forecast.get(n) for n in (1, 2, 8, 32, 66)},
    }


def machine() -> dict[str, Any]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "manim": version("manim"),
        "av": version("av"),
        "numpy": version("numpy"),
        "platform": platform.platform(),
    }


def table(results: dict[str, Any]) -> str:
    """The results as a plain-text table with each target; rows not measured are left out."""
    m = results["machine"]
    fast, full = results["fast"], results.get("full")
    rows = [
        (
            "machine",
            f"{m['cores']} cores; manim {m['manim']}, PyAV {m['av']}, numpy {m['numpy']}",
            "",
        )
    ]
    if fast["ratio"] is not None:
        rows.append(
            (
                f"1. {fast['quality']} curriculum ({fast['scenes']} scenes): plain / ours",
                f"{fast['ratio']:.2f}x  (plain {fast['plain_seconds']['median']:.1f} s, "
                f"ours {fast['ours_seconds']['median']:.1f} s; "
                f"ours {fast['ours_seconds']['min']:.1f}-{fast['ours_seconds']['max']:.1f})",
                ">= 1.85x",
            )
        )
    else:
        rows.append(
            (
                f"1. {fast['quality']} curriculum ({fast['scenes']} scenes): ours, once",
                f"{fast['ours_seconds']['median']:.1f} s (plain manim not measured)",
                "",
            )
        )
    if full:
        rows.append(
            (
                f"1. {full['quality']} build: frames per second",
                f"{full['fps']:.1f} fps = {full['fraction_of_ceiling']:.0%} of the ceiling "
                f"({full['frames']} frames in {full['seconds']['median']:.1f} s)",
                ">= 90%",
            )
        )
    if "noop" in results:
        rows.append(
            (
                "2. no-op make",
                f"{results['noop']['seconds']['median']:.3f} s "
                f"(max {results['noop']['seconds']['max']:.3f}); manim started: "
                f"{results['noop']['manim_started']}",
                "< 1 s, none",
            )
        )
    if "one_edit" in results:
        rows.append(
            (
                "3. one scene module edited",
                f"{results['one_edit']['seconds']:.1f} s; re-rendered "
                f"{', '.join(results['one_edit']['rerendered'])}",
                f"only {', '.join(results['one_edit']['expected'])}",
            )
        )
    if full:
        rows += [
            (
                "4. encode ceiling (PyAV libx264 crf 23)",
                f"{results['ceiling']['fps']:.1f} fps over {results['ceiling']['frames']} frames",
                "",
            ),
            (
                "5. LaTeX compilations / distinct formulas",
                f"{results['latex']['compilations']} / {results['latex']['distinct_formulas']} "
                f"({fast['quality']}), {results['latex_full']['compilations']} / "
                f"{results['latex_full']['distinct_formulas']} ({full['quality']})",
                "equal",
            ),
        ]
    lectures = results.get("lectures")
    if lectures:
        rows.append(
            (
                f"6. lecture {lectures['section']}: re-encode / remux",
                f"{lectures['ratio']:.0f}x ({lectures['reencode_seconds']:.2f} s vs "
                f"{lectures['remux_seconds']:.2f} s)",
                ">= 20x",
            )
        )
    elif full:
        rows.append(("6. lecture assembly", "no lectures in this project yet", ""))
    cores = results.get("cores")
    if cores:
        rows.append(
            (
                f"8. {cores['quality']}: JOBS=1 / default make",
                f"{cores['speedup']:.2f}x (JOBS=1 {cores['one_worker_seconds']['median']:.1f} s, "
                f"default {cores['default_seconds']['median']:.1f} s)",
                "> 1x on 2+ cores",
            )
        )
    boards = results.get("storyboard")
    if boards:
        rows.append(
            (
                "9. storyboards (no video) / JOBS=1 build",
                f"{boards['fraction_of_render']:.0%} ({boards['seconds']:.1f} s)",
                "<= 25%",
            )
        )
    farm = results.get("cluster")
    if farm:
        plan = ", ".join(f"{n}: {t}" for n, t in farm["plan"].items())
        rows.append(
            (
                "10. two-worker Dask cluster / local pool",
                f"{farm['overhead']:+.0%} ({farm['seconds']:.1f} s vs "
                f"{farm['local_seconds']:.1f} s); plan {plan}",
                "<= +10%",
            )
        )
    if full:
        rows.append(
            (
                "7. peak memory of a render worker",
                f"{results['memory']['peak_rss_mib']:.0f} MiB",
                "< 1024 MiB",
            )
        )
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    lines = [f"{'measure':{width}}  {'result':{value_width}}  target"]
    lines += [f"{a:{width}}  {b:{value_width}}  {c}" for a, b, c in rows]
    full_quality = full["quality"] if full else "-"
    lines += [
        "",
        f"{'scene':34} {'length':>8} {fast['quality']:>9} {full_quality:>9} {'peak':>9}",
    ]
    for name, preview in fast["per_scene"].items():
        scene = full["per_scene"].get(name, {}) if full else {}
        lines.append(
            f"{name:34} {preview['duration']:7.1f}s {preview['seconds']:8.1f}s "
            f"{scene.get('seconds') or 0:8.1f}s {scene.get('peak_rss_mib') or 0:6.0f} MiB"
        )
    return "\n".join(lines)


ALL_ROWS = tuple(range(1, 11))


def rows_argument(value: str) -> tuple[int, ...]:
    """``3,10`` as (3, 10); a number outside 1-10 is refused with the rows there are."""
    try:
        rows = tuple(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        rows = ()
    if not rows or not set(rows) <= set(ALL_ROWS):
        raise argparse.ArgumentTypeError(f"{value!r}: give row numbers 1-10 separated by commas")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast-quality", default="l", help="preview quality letter (l)")
    parser.add_argument("--full-quality", default="h", help="full quality letter (h)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the short timings")
    parser.add_argument(
        "--full-repeats", type=int, default=1, help="repeats of the full-quality build"
    )
    parser.add_argument("--fixture", help="benchmark this curriculum folder instead of scenes/")
    parser.add_argument(
        "--out", default=str(ROOT / "renders" / "bench"), help="where results.json goes"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies")
    parser.add_argument(
        "--rows",
        type=rows_argument,
        default=ALL_ROWS,
        help="measure only these rows, e.g. 3,10 (default: all); the preview build is always made",
    )
    args = parser.parse_args(argv)
    results = run(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print()
    print(table(results))
    print(f"\nJSON: {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
