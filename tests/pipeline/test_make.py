"""Real `make` on a copy of the project with the fixture curriculum (tiny quality)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import av
import pytest
from PIL import Image

from pipeline.manifest import module_name
from tests.pipeline.conftest import VENV, Project, copy_project

SHAPES = "01-fixture-shapes"
LINES = "02-fixture-lines"
ALL_STEMS = [(SHAPES, "01-GrowingCircle"), (SHAPES, "02-MovingDot"), (LINES, "01-DrawnLine")]


def add_section(
    project: Project,
    number: int,
    module: str,
    scenes: dict[str, str],
    *,
    first: bool = False,
) -> None:
    """Add a section package to the copy, one module per scene (name: source), and its entry."""
    package = project.scene_module(module)
    package.mkdir()
    (package / "__init__.py").write_text("")
    table = f'[[section]]\nnumber = {number}\ntitle = "Extra {number}"\nmodule = "{module}"\n'
    for name, source in scenes.items():
        (package / f"{module_name(name)}.py").write_text(source, encoding="utf-8")
        table += f'\n[[section.scene]]\nname = "{name}"\ntitle = "{name}"\nconcept = "test"\n'
    manifest = project.scene_module("curriculum.toml")
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(table + "\n" + text if first else text + "\n" + table, encoding="utf-8")


def edit(path: Path, line: str = "# a contributor's edit") -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def rendered_lines(output: str) -> list[str]:
    """Names of the scenes a build reported as done (not the lectures it joined)."""
    return [
        line.split()[1]
        for line in output.splitlines()
        if " done in " in line and not line.startswith("lecture ")
    ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_make_renders_every_scene_with_video_subtitles_and_poster(rendered_project: Project):
    for section, stem in ALL_STEMS:
        video = rendered_project.output(section, stem, "mp4")
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            assert (stream.codec_context.width, stream.codec_context.height) == (256, 144)
            assert sum(1 for _ in container.decode(stream)) >= 3
        subtitles = rendered_project.output(section, stem, "srt").read_text()
        assert "00:00:00,000 -->" in subtitles
        with Image.open(rendered_project.output(section, stem, "png")) as poster:
            assert poster.size == (256, 144)
            assert poster.getbbox() is not None  # not an empty black frame


def test_progress_lines_and_summary_name_each_scene(project: Project):
    result = project.make()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[1/3] GrowingCircle 144p5 ..." in result.stdout
    assert sorted(rendered_lines(result.stdout)) == ["DrawnLine", "GrowingCircle", "MovingDot"]
    assert "summary: 3 rendered, 0 up to date, 0 failed" in result.stdout
    assert "Animation" not in result.stdout + result.stderr  # manim's progress bars stay out


def test_second_make_starts_no_manim_and_renders_nothing(rendered_project: Project, tmp_path: Path):
    before = {p: p.stat().st_mtime_ns for p in rendered_project.outputs()}
    # A `manim` that leaves a mark if anything imports it shadows the real one.
    trap = tmp_path / "trap" / "manim"
    trap.mkdir(parents=True)
    marker = tmp_path / "manim-was-imported"
    trap.joinpath("__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nraise ImportError('trap')\n"
    )
    result = rendered_project.make(env={"PYTHONPATH": str(trap.parent)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 rendered, 3 up to date" in result.stdout
    assert not marker.exists(), "a no-op build imported manim"
    assert {p: p.stat().st_mtime_ns for p in rendered_project.outputs()} == before


def test_editing_one_scene_module_rerenders_only_that_scene(project: Project):
    assert project.make().returncode == 0
    edit(project.scene_module("s01_fixture/moving_dot.py"))
    result = project.make()
    assert result.returncode == 0, result.stdout
    assert rendered_lines(result.stdout) == ["MovingDot"]
    assert "1 rendered, 2 up to date" in result.stdout


def test_editing_a_section_helper_rerenders_only_the_scenes_that_import_it(project: Project):
    assert project.make().returncode == 0
    edit(project.scene_module("s01_fixture/shared.py"))
    assert sorted(rendered_lines(project.make().stdout)) == ["GrowingCircle", "MovingDot"]


def test_editing_lib_rerenders_only_the_scenes_that_import_what_changed(project: Project):
    assert project.make().returncode == 0
    edit(project.root / "lib" / "calculus.py")  # no fixture scene imports it
    assert rendered_lines(project.make().stdout) == []
    edit(project.root / "lib" / "linalg.py")  # DrawnLine does
    assert rendered_lines(project.make().stdout) == ["DrawnLine"]
    edit(project.root / "lib" / "errors.py")  # lib.linalg imports it
    assert rendered_lines(project.make().stdout) == ["DrawnLine"]
    (project.root / "lib" / "extra.py").write_text("ANSWER = 42\n")  # nothing imports it
    assert rendered_lines(project.make().stdout) == []


def test_editing_the_shared_theme_rerenders_everything_that_uses_it(project: Project):
    assert project.make().returncode == 0
    edit(project.scene_module("style.py"), "ACCENT = '#ffcc00'")
    assert sorted(rendered_lines(project.make().stdout)) == [
        "DrawnLine",
        "GrowingCircle",
        "MovingDot",
    ]


def test_a_data_file_a_module_names_is_part_of_its_fingerprint(project: Project):
    data = project.scene_module("s02_fixture/points.csv")
    data.write_text("0,0\n")
    edit(project.scene_module("s02_fixture/drawn_line.py"), 'DATA_FILES = ("points.csv",)')
    assert project.make().returncode == 0
    data.write_text("0,0\n1,1\n")
    assert rendered_lines(project.make().stdout) == ["DrawnLine"]
    data.unlink()
    result = project.make()
    assert result.returncode == 2
    assert "DATA_FILES names 'points.csv'" in result.stderr
    assert "scenes/s02_fixture/points.csv does not exist" in result.stderr


def test_a_manim_cfg_or_another_package_version_rerenders_everything(
    project: Project, tmp_path: Path
):
    assert project.make().returncode == 0
    (project.root / "manim.cfg").write_text("[CLI]\nbackground_color = BLACK\n")
    assert len(rendered_lines(project.make().stdout)) == 3
    # A numpy that reports another version: its metadata first on the path, the code unchanged.
    fake = tmp_path / "fake-site"
    info = fake / "numpy-99.0.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: numpy\nVersion: 99.0.0\n")
    listing = project.make("list", env={"PYTHONPATH": str(fake)}).stdout
    assert listing.strip().endswith("3 stale"), listing
    assert project.make("list").stdout.strip().endswith("3 rendered")


EDIT_DURING_RENDER = """
import os
import time
from pathlib import Path

from manim import Circle, Create, Scene


class FirstScene(Scene):
    def construct(self) -> None:
        Path(os.environ["FIRST_SCENE_STARTED"]).touch()
        while not Path(os.environ["SECOND_SCENE_EDITED"]).exists():
            time.sleep(0.05)
        self.play(Create(Circle()), run_time=0.4)
"""

SECOND = """
from manim import Create, Scene, Square


class SecondScene(Scene):
    def construct(self) -> None:
        self.play(Create(Square()), run_time=0.4)
"""


def test_an_edit_made_during_a_build_leaves_the_scene_stale_for_the_next(
    project: Project, tmp_path: Path
):
    add_section(project, 3, "s03_race", {"FirstScene": EDIT_DURING_RENDER, "SecondScene": SECOND})
    started, edited = tmp_path / "started", tmp_path / "edited"
    second = project.scene_module("s03_race/second_scene.py")
    os.environ.update(FIRST_SCENE_STARTED=str(started), SECOND_SCENE_EDITED=str(edited))
    try:
        # One worker: SecondScene is planned while FirstScene renders, and imported after.
        make = project.popen("section", "N=3", "JOBS=1")
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), "the first scene never started"
        edit(second, "SIDE = 2  # an experiment, rendered, then undone")
        edited.touch()
        output, _ = make.communicate(timeout=120)
    finally:
        del os.environ["FIRST_SCENE_STARTED"], os.environ["SECOND_SCENE_EDITED"]
    assert make.returncode == 0, output
    assert "SecondScene 144p5 done" in output
    # The video shows the experiment; undoing it must not make that video count as current.
    second.write_text(SECOND)
    result = project.make("section", "N=3")
    assert rendered_lines(result.stdout) == ["SecondScene"]


def test_changing_a_manifest_entry_rerenders_that_scene_only(project: Project):
    assert project.make().returncode == 0
    manifest = project.scene_module("curriculum.toml")
    manifest.write_text(manifest.read_text().replace('"A moving dot"', '"A dot on the move"'))
    assert rendered_lines(project.make().stdout) == ["MovingDot"]


def test_another_quality_renders_into_its_own_folder(rendered_project: Project):
    listing = rendered_project.make("list", "QUALITY=l")
    assert "renders/480p15" in listing.stdout
    assert listing.stdout.strip().endswith("3 missing")


def test_list_shows_rendered_stale_and_missing(project: Project):
    assert project.make("section", "N=1").returncode == 0
    edit(project.scene_module("s01_fixture/shared.py"), "# changed")
    listing = project.make("list").stdout
    lines = {
        line.split()[1]: line
        for line in listing.splitlines()
        if line.strip()[:1].isdigit() and "." in line.split()[0]
    }
    assert "stale" in lines["GrowingCircle"]
    assert "stale" in lines["MovingDot"]
    assert "missing" in lines["DrawnLine"]


def test_section_renders_only_that_section(project: Project):
    result = project.make("section", "N=2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert rendered_lines(result.stdout) == ["DrawnLine"]


def test_scene_prints_its_video_and_poster_paths_last(project: Project):
    result = project.make("scene", "S=MovingDot")
    assert result.returncode == 0, result.stdout + result.stderr
    last_two = result.stdout.strip().splitlines()[-2:]
    assert last_two == [
        f"renders/144p5/{SHAPES}/02-MovingDot.mp4",
        f"renders/144p5/{SHAPES}/02-MovingDot.png",
    ]
    assert all((project.root / line).exists() for line in last_two)


def test_unknown_scene_exits_2_with_a_suggestion_and_no_traceback(project: Project):
    result = project.make("scene", "S=MovingDt")
    assert result.returncode == 2
    assert "unknown scene 'MovingDt'; did you mean MovingDot?" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_unknown_section_and_quality_are_refused_clearly(project: Project):
    section = project.make("section", "N=9")
    assert section.returncode == 2
    assert "unknown section 9; the manifest has sections 1, 2" in section.stderr
    quality = project.make("list", "QUALITY=z")
    assert quality.returncode == 2
    assert "unknown QUALITY 'z'" in quality.stderr


FAILING = """
from manim import Scene, Square, Create


class BrokenScene(Scene):
    def construct(self) -> None:
        self.play(Create(Square()), run_time=0.4)
        raise ValueError("the example matrix is singular (det = 0)")
"""


def test_failing_scene_is_named_with_its_message_and_make_k_renders_the_rest(project: Project):
    add_section(project, 0, "s00_broken", {"BrokenScene": FAILING}, first=True)
    result = project.make("-k")
    assert result.returncode != 0
    out = result.stdout
    assert "BrokenScene 144p5 FAILED" in out
    assert "ValueError: the example matrix is singular (det = 0)" in out
    assert "Traceback" not in out + result.stderr
    assert sorted(rendered_lines(out)) == ["DrawnLine", "GrowingCircle", "MovingDot"]
    assert "3 rendered, 0 up to date, 1 failed" in out
    assert not list((project.quality_dir / "00-extra-0").glob("*"))


def test_failing_scene_without_k_stops_new_renders(project: Project):
    add_section(project, 0, "s00_broken", {"BrokenScene": FAILING}, first=True)
    result = project.make("JOBS=1")
    assert result.returncode != 0
    assert "not started" in result.stdout
    assert "make -k" in result.stdout


def test_verbose_shows_the_full_traceback(project: Project):
    add_section(project, 0, "s00_broken", {"BrokenScene": FAILING}, first=True)
    result = project.make("scene", "S=BrokenScene", "VERBOSE=1")
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stdout + result.stderr


SLOW = """
import os
import time

from manim import Circle, Create, Scene


class SlowScene(Scene):
    def construct(self) -> None:
        self.play(Create(Circle()), run_time=1, subcaption="A circle.")
        if os.environ.get("SLOW_SCENE_HANG"):
            time.sleep(120)
        self.wait(0.4)
"""


def test_killed_render_leaves_no_file_at_the_final_path_and_renders_next_time(project: Project):
    add_section(project, 3, "s03_slow", {"SlowScene": SLOW})
    os.environ["SLOW_SCENE_HANG"] = "1"
    try:
        make = project.popen("scene", "S=SlowScene")
        work = project.root / "renders" / ".work" / "144p5" / "SlowScene"
        deadline = time.monotonic() + 60
        while not list(work.rglob("*.mp4")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert list(work.rglob("*.mp4")), "the render never got under way"
        os.killpg(make.pid, signal.SIGKILL)
        make.wait(timeout=10)
    finally:
        del os.environ["SLOW_SCENE_HANG"]
    folder = project.quality_dir / "03-extra-3"
    assert (
        not [p for p in folder.glob("*") if not p.name.startswith(".")] if folder.exists() else True
    )
    assert "missing" in project.make("list").stdout.split("SlowScene")[1].splitlines()[0]
    again = project.make("scene", "S=SlowScene")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (folder / "01-SlowScene.mp4").exists()


def test_parallel_build_is_byte_identical_to_sequential(project: Project, tmp_path: Path):
    def media() -> dict[Path, str]:
        # Every output but the gallery page, which shows when each render was made.
        return {
            p.relative_to(project.root): digest(p)
            for p in project.outputs()
            if p.name != "index.html"
        }

    parallel = project.make("-j2")
    assert parallel.returncode == 0, parallel.stdout
    first = media()
    assert project.make("clean").returncode == 0
    sequential = project.make("-j1")
    assert sequential.returncode == 0
    second = media()
    # 3 scenes x (mp4, srt, png, storyboard, vtt) and 2 lectures x (mp4, srt, vtt, chapters.vtt)
    assert len(first) == 23
    assert first == second


def test_parallel_build_runs_two_renders_at_once(project: Project):
    result = project.make("-j2")
    lines = result.stdout.splitlines()
    first_done = next(i for i, line in enumerate(lines) if " done in " in line)
    assert sum(line.endswith(" ...") for line in lines[:first_done]) == 2


def test_clean_removes_the_renders(rendered_project: Project, tmp_path: Path):
    copy = Project(tmp_path / "copy")
    subprocess.run(["cp", "-a", str(rendered_project.root), str(copy.root)], check=True)
    assert copy.make("clean").returncode == 0
    assert not (copy.root / "renders").exists()


def test_help_lists_every_target_with_a_line_each(rendered_project: Project):
    out = rendered_project.make("help").stdout
    for target in ("all", "scene", "section", "list", "test", "clean"):
        assert f"make {target} " in out


def test_missing_latex_is_detected_before_rendering_with_the_package_names(
    project: Project, tmp_path: Path
):
    # A PATH with dvisvgm but no LaTeX at all.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dvisvgm", "python3"):
        target = subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip()
        if target:
            (bin_dir / tool).symlink_to(target)
    make = subprocess.run(["which", "make"], capture_output=True, text=True).stdout.strip()
    result = subprocess.run(
        [make, *project.command()[1:]],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": str(bin_dir)},
    )
    assert result.returncode != 0
    assert "LaTeX (the `latex` command)" in result.stderr
    assert "texlive-latex-base" in result.stderr
    assert not (project.quality_dir / SHAPES).exists()


@pytest.mark.parametrize(
    "makeflags, expected",
    [
        ("", (None, False)),
        ("k", (None, True)),
        ("k -j2 --jobserver-auth=3,4", (2, True)),
        (" -j2 --jobserver-auth=fifo:/tmp/x", (2, False)),
        ("ks -- QUALITY=t", (None, True)),
    ],
)
def test_make_flags_are_read_from_makeflags(makeflags: str, expected: tuple):
    from pipeline.cli import make_flags

    assert make_flags(makeflags) == expected


def test_venv_is_the_one_running_the_tests():
    assert (VENV / "bin" / "python").exists()


def test_moved_and_removed_scenes_leave_no_outputs_behind(project: Project):
    assert project.make().returncode == 0
    manifest = project.scene_module("curriculum.toml")
    text = manifest.read_text()
    growing = text[
        text.index('[[section.scene]]\nname = "GrowingCircle"') : text.index(
            '[[section.scene]]\nname = "MovingDot"'
        )
    ]
    # Move GrowingCircle after MovingDot, and drop DrawnLine's section altogether.
    text = text.replace(growing, "")
    text = text[: text.index("[[section]]\nnumber = 2")] + "\n" + growing
    manifest.write_text(text)
    result = project.make()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "removed the outputs of DrawnLine" in result.stdout
    assert "removed lecture 02-fixture-lines" in result.stdout
    videos = sorted(
        str(p.relative_to(project.quality_dir)) for p in project.outputs() if p.suffix == ".mp4"
    )
    assert videos == [
        "01-fixture-shapes.mp4",
        f"{SHAPES}/01-MovingDot.mp4",
        f"{SHAPES}/02-GrowingCircle.mp4",
    ]


def test_make_inputs_lists_what_a_lecturer_may_change(rendered_project: Project):
    result = rendered_project.make("inputs", "S=DrawnLine")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DrawnLine  (scenes/s02_fixture/drawn_line.py)" in result.stdout
    assert "length = 4.0" in result.stdout
    assert "a number from 1 to 6" in result.stdout
    every = rendered_project.make("inputs").stdout
    assert every.count("declares no inputs") == 2
    unknown = rendered_project.make("inputs", "S=DrawnLin")
    assert unknown.returncode == 2
    assert "did you mean DrawnLine" in unknown.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (("scene", "S=x'; touch pwned; '"), "unknown scene \"x'; touch pwned; '\""),
        (("scene", "S=$(touch pwned)"), "unknown scene '$(touch pwned)'"),
        (("scene", "S=`touch pwned`"), "unknown scene '`touch pwned`'"),
        (("section", "N=1; touch pwned"), "N must be a section number, not '1; touch pwned'"),
        (("section", "N=two"), "the manifest has 1, 2"),
        (("list", "QUALITY=$(touch pwned)"), "unknown QUALITY '$(touch pwned)'; choose one of l"),
        (("scene", "S=MovingDot", "JOBS=2; touch pwned"), "JOBS must be a whole number"),
        (("inputs", "S=$(touch pwned)"), "unknown scene '$(touch pwned)'"),
        (("scene",), "usage: make scene S=SceneName"),
        (("section",), "usage: make section N=number"),
    ],
)
def test_make_variables_are_data_never_shell(project: Project, args, message):
    before = sorted(p.name for p in project.root.iterdir())
    result = project.make(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.name for p in project.root.iterdir()) == before  # no pwned, no renders/


def test_pytest_args_are_arguments_not_shell(project: Project, tmp_path: Path):
    marker = tmp_path / "pwned"
    result = project.make("test", f"PYTEST_ARGS=--collect-only -q tests/nothing; touch {marker}")
    assert not marker.exists()
    assert result.returncode != 0  # pytest was given the words as arguments and refused them


def test_a_partial_build_deletes_nothing_it_was_not_asked_about(project: Project):
    assert project.make().returncode == 0
    manifest = project.scene_module("curriculum.toml")
    text = manifest.read_text()
    manifest.write_text(text[: text.index("[[section]]\nnumber = 2")])  # section 2 leaves
    drawn_line = project.output(LINES, "01-DrawnLine", "mp4")
    lecture = project.quality_dir / f"{LINES}.mp4"
    for args in (("section", "N=1"), ("scene", "S=MovingDot"), ("lectures", "N=1")):
        result = project.make(*args)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "removed" not in result.stdout
        assert drawn_line.exists() and lecture.exists()
    result = project.make()  # the full build prunes, and says what it deleted
    assert "removed the outputs of DrawnLine: the manifest no longer lists it" in result.stdout
    assert f"removed lecture {LINES}" in result.stdout
    assert not drawn_line.exists() and not lecture.exists()


def test_a_malformed_manifest_is_one_line_before_anything_renders(project: Project):
    manifest = project.scene_module("curriculum.toml")
    manifest.write_text(
        '[section]\nnumber = 1\ntitle = "T"\nmodule = "s01_fixture"\n\n'
        '[[section.scene]]\nname = "MovingDot"\ntitle = "T"\nconcept = "C"\n'
    )
    for target in ("list", "all", "gallery"):
        result = project.make(target)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "curriculum.toml: each entry must be a table written [[section]]" in result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert not list((project.root / "renders").rglob("*.mp4"))


def media_digests(project: Project) -> dict[Path, str]:
    """Every output but the gallery page (it shows when each render was made)."""
    return {
        p.relative_to(project.root): digest(p) for p in project.outputs() if p.name != "index.html"
    }


def test_two_builds_at_once_take_turns_and_both_succeed(project: Project, tmp_path: Path):
    first = project.popen()
    second = project.popen("section", "N=1")
    out_first, _ = first.communicate(timeout=300)
    out_second, _ = second.communicate(timeout=300)
    assert first.returncode == 0, out_first
    assert second.returncode == 0, out_second
    waited = [out for out in (out_first, out_second) if "waiting: the 144p5 render folder" in out]
    assert len(waited) == 1, out_first + out_second
    assert "is in use by pid " in waited[0] and "`make" in waited[0]
    together = media_digests(project)
    reference = Project(copy_project(tmp_path / "alone"))
    assert reference.make().returncode == 0
    assert together == media_digests(reference)
    assert not list((project.root / "renders").rglob("*.tmp"))


def test_nowait_refuses_at_once_while_another_build_runs(project: Project):
    add_section(project, 3, "s03_slow", {"SlowScene": SLOW})
    os.environ["SLOW_SCENE_HANG"] = "1"
    try:
        holder = project.popen("scene", "S=SlowScene")
        work = project.root / "renders" / ".work" / "144p5" / "SlowScene"
        deadline = time.monotonic() + 60
        while not work.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        started = time.monotonic()
        refused = project.make("scene", "S=MovingDot", "NOWAIT=1")
        assert time.monotonic() - started < 15
        assert refused.returncode != 0
        assert "the 144p5 render folder is busy: pid " in refused.stderr
        assert "make scene S=SlowScene" in refused.stderr
        assert "Traceback" not in refused.stdout + refused.stderr
        # Other qualities are free: their folders are their own.
        other = project.make("list", "QUALITY=l")
        assert other.returncode == 0
    finally:
        del os.environ["SLOW_SCENE_HANG"]
        os.killpg(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)


def test_a_full_disk_is_one_line_and_keeps_every_earlier_output(rendered_copy: Project):
    project = rendered_copy
    before = media_digests(project)
    edit(project.scene_module("s01_fixture/shared.py"))  # two scenes to render again
    # Files may not grow past 1 KiB: every video write fails with EFBIG, as on a full disk.
    command = " ".join(f"'{word}'" for word in project.command())
    result = subprocess.run(
        ["bash", "-c", f"ulimit -f 1 && {command}"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "FAILED" in result.stdout and "File too large" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert media_digests(project) == before  # every earlier good output as it was
    assert not list((project.root / "renders").rglob("*.tmp"))
    assert not list((project.root / "renders" / ".work").rglob("*.mp4"))  # no partial clips
    again = project.make()
    assert again.returncode == 0, again.stdout + again.stderr


def test_an_unwritable_log_stops_the_build_with_one_line(rendered_copy: Project):
    project = rendered_copy
    edit(project.scene_module("s02_fixture/drawn_line.py"))
    logs = project.quality_dir / ".logs"
    shutil.rmtree(logs)
    logs.write_text("a file where the log folder should be")
    result = project.make()
    assert result.returncode != 0
    assert "error: cannot write" in result.stderr and ".logs" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not list((project.root / "renders" / ".work").rglob("*"))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_build_in_any_phase_loses_nothing(rendered_copy: Project, sig):
    project = rendered_copy
    lectures = sorted(project.quality_dir.glob("*.mp4"))
    good = {path: digest(path) for path in project.outputs() if path.name != "index.html"}
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.4):
        for lecture in lectures:  # the build has lectures to join and a gallery to write
            lecture.unlink()
        (project.quality_dir / "index.html").unlink(missing_ok=True)
        make = project.popen()
        time.sleep(delay)
        os.killpg(make.pid, sig)
        make.wait(timeout=30)
        for path in project.outputs():  # every final file is whole: old or new, never partial
            if path.name != "index.html":
                assert digest(path) == good[path], f"{path} is not the good file after {sig!r}"
        again = project.make()
        assert again.returncode == 0, again.stdout + again.stderr
        assert not list((project.root / "renders").rglob("*.tmp")), f"temporaries after {delay}"
        assert {p: digest(p) for p in good} == good


def test_a_build_into_a_file_prints_plain_progress_with_an_estimate(project: Project):
    result = project.make(env={"MLFM_PROGRESS_EVERY": "0.5"})
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("rendering 3 scene(s) with ") and " core(s), " in first, first
    progress = [line for line in result.stdout.splitlines() if "elapsed, about " in line]
    assert progress, result.stdout
    assert all(" left" in line and "build: " in line for line in progress)
    assert "\x1b" not in result.stdout + result.stderr


def test_a_build_on_a_terminal_draws_bars(project: Project):
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: real make on the copy, on a pseudo-terminal
        os.chdir(project.root)
        os.execvp("make", project.command())
    output = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        output += data
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output.decode(errors="replace")
    text = output.decode(errors="replace")
    assert "\x1b[" in text and "━" in text  # rich's live bars
    assert "about " in text and " left" in text
    assert "summary: 3 rendered" in text


def test_jobs_1_renders_one_at_a_time_and_says_so(project: Project):
    result = project.make("JOBS=1")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == (
        "rendering 3 scene(s) with 1 worker(s): asked for 1 (JOBS or make -j)"
    )
    lines = result.stdout.splitlines()
    first_done = next(i for i, line in enumerate(lines) if " done in " in line)
    assert sum(line.endswith(" ...") for line in lines[:first_done]) == 1
