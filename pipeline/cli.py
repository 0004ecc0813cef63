"""Command line of the render pipeline: ``python -m pipeline COMMAND``.

The Makefile is the front door and calls these; they can be run directly too.
``make -jN`` and ``make -k`` reach the build through ``MAKEFLAGS``. ``build``
renders scenes and, when asked, then joins the lectures of the sections it
covered and writes the gallery (a one-scene build always updates the gallery);
``lectures`` and ``gallery`` do just those steps.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline import cluster, planning
from pipeline import manifest as manifest_module
from pipeline.build import Builder, BuildError
from pipeline.gallery import build_gallery, report
from pipeline.lectures import LectureBuilder
from pipeline.locks import LockBusy, exclusive
from pipeline.manifest import Manifest, ManifestError, SceneEntry, Section
from pipeline.qualities import quality
from pipeline.script import script_name, write_script
from pipeline.state import Fingerprinter, Paths, scene_status, sweep_leftovers

EXIT_FAILED = 1
EXIT_USAGE = 2


def make_flags(makeflags: str) -> tuple[int | None, bool]:
    """The job count (``-jN``) and keep-going (``-k``) that ``make`` was given."""
    words = makeflags.split()
    jobs: int | None = None
    keep_going = False
    for i, word in enumerate(words):
        if word == "--":
            break
        if i == 0 and not word.startswith("-"):
            keep_going = "k" in word
        elif word in ("-k", "--keep-going"):
            keep_going = True
        elif match := re.fullmatch(r"(?:-j|--jobs=)(\d+)", word):
            jobs = int(match.group(1))
    return jobs, keep_going


class UsageError(ValueError):
    """A make variable or flag with a value the pipeline cannot use."""


def env(name: str) -> str:
    """A make variable, as the Makefile passes it: ``S`` arrives as ``MLFM_SCENE``."""
    return os.environ.get(f"MLFM_{name}", "")


def whole_number(value: str, variable: str, example: str) -> int:
    """``value`` as a positive whole number, or a usage error naming the variable."""
    text = value.strip()
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise UsageError(f"{variable} must be a whole number from 1, not {value!r}; e.g. {example}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text)
        command.add_argument(
            "--quality",
            default=env("QUALITY") or "h",
            help="l, m, h, p, k (or t for tests); default: QUALITY from make, else h",
        )
        return command

    build = add("build", "render every scene that is out of date")
    build.add_argument("--section", help="only this section's scenes")
    build.add_argument("--scene", help="only this scene (prints its video and poster paths)")
    build.add_argument("--scene-from-env", action="store_true", help="the scene named by make's S")
    build.add_argument(
        "--section-from-env", action="store_true", help="the section numbered by make's N"
    )
    build.add_argument("--jobs", "-j", help="renders at once (default: JOBS, or make -j)")
    build.add_argument("--keep-going", "-k", action="store_true", help="go on after a failure")
    build.add_argument("--verbose", action="store_true", help="manim's output and tracebacks")
    build.add_argument(
        "--prune", action="store_true", help="delete outputs of scenes the manifest no longer lists"
    )
    build.add_argument(
        "--lectures", action="store_true", help="then join the lectures of the sections built"
    )
    build.add_argument(
        "--gallery", action="store_true", help="then write the gallery (always with --scene)"
    )
    lectures = add("lectures", "join each section's scenes into its lecture, where out of date")
    lectures.add_argument("--section", default=env("SECTION"), help="only this section's lecture")
    lectures.add_argument("--verbose", action="store_true", help="also name lectures up to date")
    gallery = add("gallery", "write the review page renders/<quality>/index.html")
    storyboard = add("storyboard", "the last frame of every beat on one page, without a video")
    storyboard.add_argument("--scene", default=env("SCENE"), help="only this scene")
    storyboard.add_argument("--section", default=env("SECTION"), help="only this section")
    storyboard.add_argument("--verbose", action="store_true", help="manim's output")
    for command in (build, lectures, gallery, storyboard):
        command.add_argument(
            "--no-wait",
            action="store_true",
            default=bool(env("NOWAIT")),
            help="refuse at once if another build of this quality is running (make NOWAIT=1)",
        )
    script = add("script", "the recording script: each beat's file, text and time")
    script.add_argument("--scene", default=env("SCENE"), help="only this scene")
    script.add_argument("--section", default=env("SECTION"), help="only this section")
    script.add_argument("--verbose", action="store_true", help="manim's output")
    script.add_argument("--no-wait", action="store_true", default=bool(env("NOWAIT")))
    add("list", "sections and scenes with their state")
    add("plan", "predicted wall time of a full build on N workers (WORKERS=32)")
    sub.add_parser("cluster-worker", help="serve renders to the Dask scheduler SCHEDULER")
    sub.add_parser("cluster-scheduler", help="start a Dask scheduler on port 8786")
    inputs = sub.add_parser("inputs", help="each scene's inputs, their values and their domain")
    inputs.add_argument("--scene", default=env("SCENE"), help="only this scene")
    inputs.add_argument("--section", default=env("SECTION"), help="only this section's scenes")
    return parser


def command_line() -> str:
    """The command this process serves, as the user typed it (for a waiting build to show)."""
    goals = env("GOALS")
    if not goals and "MLFM_QUALITY" not in os.environ:
        return "python -m pipeline " + " ".join(sys.argv[1:])
    words = ["make", *goals.split()]
    for variable, name in (("S", "SCENE"), ("N", "SECTION"), ("QUALITY", "QUALITY_GIVEN")):
        if env(name):
            words.append(f"{variable}={env(name)}")
    return " ".join(words)


def locked(args: argparse.Namespace, root: Path, run: Callable[[], int]) -> int:
    """Run ``run`` holding the lock of the render folder of ``args.quality``.

    Builds of one quality share their folders and scratch space, so they take turns;
    builds of different qualities run side by side. Holding the lock, a build first
    clears what killed builds left: temporary files and scratch folders.
    """
    paths = Paths(root, quality(args.quality))
    try:
        with exclusive(
            paths.renders / ".locks" / f"{paths.quality.folder}.lock",
            f"the {paths.quality.folder} render folder",
            command=command_line(),
            wait=not args.no_wait,
            say=lambda line: print(line, flush=True),
        ):
            shutil.rmtree(paths.work_root, ignore_errors=True)
            sweep_leftovers([paths.quality_dir, paths.renders / ".cache"])
            return run()
    except LockBusy as error:
        raise BuildError(f"{error} (without NOWAIT=1 this build would wait for it)") from None


def _selection(manifest: Manifest, scene: str | None, section: str | None) -> list[SceneEntry]:
    """The scene named ``scene``, else the scenes of section ``section``, else all of them."""
    if scene:
        return [manifest.scene(scene)]
    if section:
        return manifest.scenes_of(_section(manifest, section))
    return list(manifest.scenes)


def _section(manifest: Manifest, value: str) -> Section:
    """The section numbered ``value`` (make's N), with the numbers there are when it is not one."""
    known = ", ".join(str(s.number) for s in manifest.sections) or "none"
    if not re.fullmatch(r"\s*[0-9]+\s*", value):
        raise UsageError(f"N must be a section number, not {value!r}; the manifest has {known}")
    return manifest.section(int(value))


def _sections_of(manifest: Manifest, names: set[str]) -> list[Section]:
    """The sections, in manifest order, that hold any of the scenes ``names``."""
    return [
        section
        for section in manifest.sections
        if any(name in names for name in section.scene_names)
    ]


def _load(root: Path) -> Manifest:
    """The manifest, with every scene's module checked to exist and define its class."""
    manifest = manifest_module.load(root)
    manifest.check_sources(root)
    return manifest


def _build(args: argparse.Namespace, root: Path) -> int:
    if args.scene_from_env:
        args.scene = env("SCENE")
        if not args.scene:
            raise UsageError("usage: make scene S=SceneName (make list shows the names)")
    if args.section_from_env:
        args.section = env("SECTION")
        if not args.section:
            raise UsageError("usage: make section N=number (make list shows them)")
    chosen = quality(args.quality)
    manifest = _load(root)
    selection = _selection(manifest, args.scene, args.section)
    make_jobs, make_keep_going = make_flags(os.environ.get("MAKEFLAGS", ""))
    jobs_text = args.jobs or env("JOBS")
    jobs = whole_number(jobs_text, "JOBS", "JOBS=2") if jobs_text else make_jobs
    builder = Builder(
        root,
        manifest,
        chosen,
        jobs=jobs,
        keep_going=args.keep_going or make_keep_going,
        verbose=args.verbose,
        prune=args.prune,
    )
    if not selection:
        print("nothing to render: the manifest lists no scenes")
        return 0
    address = cluster.scheduler_address()
    if address:  # reach the cluster before anything is touched
        try:
            builder.cluster = cluster.connect(address)
        except cluster.ClusterError as error:
            raise BuildError(str(error)) from None
    # Every input is checked: only now does the build touch renders/.
    return locked(args, root, lambda: _run_build(args, root, builder, selection))


def _run_build(
    args: argparse.Namespace, root: Path, builder: Builder, selection: list[SceneEntry]
) -> int:
    manifest, chosen = builder.manifest, builder.quality
    summary = builder.build(selection)
    builder.report_recordings(selection)
    ok = summary.ok
    if args.lectures:
        sections = _sections_of(manifest, {entry.name for entry in selection})
        lectures = LectureBuilder(root, manifest, chosen, verbose=args.verbose)
        ok = lectures.build(sections, prune=args.prune).ok and ok
    if args.gallery or args.scene:
        report(build_gallery(root, manifest, chosen), root)
    if args.scene and summary.ok:
        for suffix in ("mp4", "png"):
            print(Paths(root, chosen).outputs(selection[0])[suffix].relative_to(root))
    return 0 if ok else EXIT_FAILED


def _lectures(args: argparse.Namespace, root: Path) -> int:
    chosen = quality(args.quality)
    manifest = _load(root)
    sections = [_section(manifest, args.section)] if args.section else list(manifest.sections)
    lectures = LectureBuilder(root, manifest, chosen, verbose=args.verbose)

    def run() -> int:
        return 0 if lectures.build(sections, prune=not args.section).ok else EXIT_FAILED

    return locked(args, root, run)


def _gallery(args: argparse.Namespace, root: Path) -> int:
    chosen = quality(args.quality)
    manifest = _load(root)

    def run() -> int:
        report(build_gallery(root, manifest, chosen), root)
        return 0

    return locked(args, root, run)


def _plan(args: argparse.Namespace, root: Path) -> int:
    """Predict a full build's wall time on N workers from the recorded render times."""
    chosen = quality(args.quality)
    manifest = _load(root)
    paths = Paths(root, chosen)
    asked = whole_number(env("WORKERS"), "WORKERS", "WORKERS=32") if env("WORKERS") else None
    counts = sorted({1, 2, 4, 8, 16, 32, *([asked] if asked else [])})
    times, missing, parallel = planning.recorded_times(paths, manifest.scenes)
    if not times:
        raise BuildError(
            f"no scene has been rendered at {chosen.folder} yet: render once (make QUALITY="
            f"{chosen.letter}), then the plan uses the recorded times"
        )
    print(
        f"a full build at {chosen.folder}: {len(times)} scenes, {planning.clock(sum(times))} "
        "of rendering in all, slowest first on each free worker"
    )
    at_once = "/".join(str(n) for n in sorted(parallel))
    print(
        f"  (times recorded with {at_once} render(s) at once on this machine; on machines of "
        "their own, renders that shared cores here may run faster)"
    )
    if missing:
        print(
            f"  ({len(missing)} scene(s) never rendered count as the average: "
            f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''})"
        )
    for count in counts:
        seconds = planning.predict(times, count)
        print(f"  {count:4d} worker(s): about {planning.clock(seconds)}")
    return 0


def _storyboard(args: argparse.Namespace, root: Path) -> int:
    chosen = quality(args.quality)
    manifest = _load(root)
    selection = _selection(manifest, args.scene, args.section)
    builder = Builder(root, manifest, chosen, verbose=args.verbose)
    return locked(args, root, lambda: 0 if builder.storyboards(selection) else EXIT_FAILED)


def _script(args: argparse.Namespace, root: Path) -> int:
    """Write the recording script of the selection (make script S=... or N=...)."""
    chosen = quality(args.quality)
    manifest = _load(root)
    selection = _selection(manifest, args.scene, args.section)
    builder = Builder(root, manifest, chosen, verbose=args.verbose)
    if args.scene:
        title = f"{selection[0].name}, {selection[0].title}"
        number = None
    elif args.section:
        section = _section(manifest, args.section)
        title, number = f"section {section.number}, {section.title}", section.number
    else:
        title, number = "the whole course", None

    def run() -> int:
        found = builder.beats(selection)
        path, counts = write_script(
            root,
            found,
            name=script_name(args.scene or None, number),
            title=title,
            mode=builder.fingerprinter.voice,
        )
        total = sum(counts.values())
        tally = ", ".join(f"{counts[k]} {k}" for k in ("recorded", "missing", "stale"))
        print(f"recording script of {title}: {path.relative_to(root)}")
        print(f"  {len(found)} scene(s), {total} beats: {tally}")
        return 0

    return locked(args, root, run)


def _list(args: argparse.Namespace, root: Path) -> int:
    manifest = _load(root)
    chosen = quality(args.quality)
    paths = Paths(root, chosen)
    fingerprinter = Fingerprinter(root, manifest, chosen)
    print(f"curriculum at {chosen.folder} ({paths.quality_dir.relative_to(root)}):")
    counts: dict[str, int] = {}
    for section in manifest.sections:
        print(f"{section.number:2d}  {section.title}  (scenes/{section.module}/)")
        for entry in manifest.scenes_of(section):
            status = scene_status(paths, entry, fingerprinter.fingerprint(entry))
            counts[status] = counts.get(status, 0) + 1
            print(f"    {entry.position:2d}. {entry.name:34s} {status:9s} {entry.title}")
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no scenes")
    return 0


def _inputs(args: argparse.Namespace, root: Path) -> int:
    """Print what a lecturer may change in each scene: its inputs, values and domain."""
    import importlib

    manifest = _load(root)
    selection = _selection(manifest, args.scene, args.section)
    sys.path.insert(0, str(root))
    from scenes.inputs import show_value  # imports manim only through the scenes below

    for entry in selection:
        scene = getattr(importlib.import_module(entry.module), entry.name)
        domain = getattr(scene, "domain", None)
        print(f"{entry.name}  ({entry.module_path(root).relative_to(root)})")
        if domain is None:
            print("    declares no inputs")
            continue
        for name, spec in domain.specs.items():
            print(f"    {name} = {show_value(getattr(scene, name))}")
            print(f"        {spec.describe()}")
        for rule in domain.rules:
            print(f"    rule: {', '.join(rule.names)} {rule.description}")
    return 0


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C: workers stop, temporary files are removed."""
    raise KeyboardInterrupt(signal.Signals(signum).name)


def describe_os_error(error: OSError) -> str:
    """One line for a failed file operation: the path and the cause, e.g. a full disk."""
    where = error.filename or "a file"
    extra = f" -> {error.filename2}" if error.filename2 else ""
    return f"cannot write {where}{extra}: {error.strerror or error}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.command == "build":
            return _build(args, root)
        if args.command == "lectures":
            return _lectures(args, root)
        if args.command == "gallery":
            return _gallery(args, root)
        if args.command == "list":
            return _list(args, root)
        if args.command == "storyboard":
            return _storyboard(args, root)
        if args.command == "script":
            return _script(args, root)
        if args.command == "plan":
            return _plan(args, root)
        if args.command == "cluster-worker":
            return planning.serve_as_worker(root)
        if args.command == "cluster-scheduler":
            return planning.serve_as_scheduler()
        if args.command == "inputs":
            return _inputs(args, root)
        raise AssertionError(f"unhandled command {args.command}")
    except (ManifestError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        if getattr(args, "verbose", False) or os.environ.get("VERBOSE"):
            raise
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
