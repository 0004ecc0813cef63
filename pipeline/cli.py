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
import sys
from pathlib import Path

from pipeline import manifest as manifest_module
from pipeline.build import Builder, BuildError
from pipeline.gallery import build_gallery, report
from pipeline.lectures import LectureBuilder
from pipeline.manifest import Manifest, ManifestError, Section
from pipeline.qualities import quality
from pipeline.state import Fingerprinter, Paths, scene_status

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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--quality", default="h", help="l, m, h, p, k (or t for tests)")
        return command

    build = add("build", "render every scene that is out of date")
    build.add_argument("--section", type=int, help="only this section's scenes")
    build.add_argument("--scene", help="only this scene (prints its video and poster paths)")
    build.add_argument("--jobs", "-j", type=int, help="renders at once (default: from make -j)")
    build.add_argument("--keep-going", "-k", action="store_true", help="go on after a failure")
    build.add_argument("--verbose", action="store_true", help="manim's output and tracebacks")
    build.add_argument(
        "--lectures", action="store_true", help="then join the lectures of the sections built"
    )
    build.add_argument(
        "--gallery", action="store_true", help="then write the gallery (always with --scene)"
    )
    lectures = add("lectures", "join each section's scenes into its lecture, where out of date")
    lectures.add_argument("--section", type=int, help="only this section's lecture")
    lectures.add_argument("--verbose", action="store_true", help="also name lectures up to date")
    add("gallery", "write the review page renders/<quality>/index.html")
    add("list", "sections and scenes with their state")
    inputs = sub.add_parser("inputs", help="each scene's inputs, their values and their domain")
    inputs.add_argument("--scene", help="only this scene")
    inputs.add_argument("--section", type=int, help="only this section's scenes")
    return parser


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
    manifest = _load(root)
    chosen = quality(args.quality)
    if args.scene:
        selection = [manifest.scene(args.scene)]
    elif args.section is not None:
        selection = manifest.scenes_of(manifest.section(args.section))
    else:
        selection = list(manifest.scenes)
    make_jobs, make_keep_going = make_flags(os.environ.get("MAKEFLAGS", ""))
    builder = Builder(
        root,
        manifest,
        chosen,
        jobs=args.jobs or make_jobs or 1,
        keep_going=args.keep_going or make_keep_going,
        verbose=args.verbose,
    )
    if not selection:
        print("nothing to render: the manifest lists no scenes")
        return 0
    summary = builder.build(selection)
    ok = summary.ok
    if args.lectures:
        sections = _sections_of(manifest, {entry.name for entry in selection})
        lectures = LectureBuilder(root, manifest, chosen, verbose=args.verbose)
        ok = lectures.build(sections).ok and ok
    if args.gallery or args.scene:
        report(build_gallery(root, manifest, chosen), root)
    if args.scene and summary.ok:
        for suffix in ("mp4", "png"):
            print(Paths(root, chosen).outputs(selection[0])[suffix].relative_to(root))
    return 0 if ok else EXIT_FAILED


def _lectures(args: argparse.Namespace, root: Path) -> int:
    manifest = _load(root)
    chosen = quality(args.quality)
    if args.section is not None:
        sections = [manifest.section(args.section)]
    else:
        sections = list(manifest.sections)
    summary = LectureBuilder(root, manifest, chosen, verbose=args.verbose).build(sections)
    return 0 if summary.ok else EXIT_FAILED


def _gallery(args: argparse.Namespace, root: Path) -> int:
    manifest = _load(root)
    chosen = quality(args.quality)
    report(build_gallery(root, manifest, chosen), root)
    return 0


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
    if args.scene:
        selection = [manifest.scene(args.scene)]
    elif args.section is not None:
        selection = manifest.scenes_of(manifest.section(args.section))
    else:
        selection = list(manifest.scenes)
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "build":
            return _build(args, root)
        if args.command == "lectures":
            return _lectures(args, root)
        if args.command == "gallery":
            return _gallery(args, root)
        if args.command == "list":
            return _list(args, root)
        if args.command == "inputs":
            return _inputs(args, root)
        raise AssertionError(f"unhandled command {args.command}")
    except (ManifestError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
