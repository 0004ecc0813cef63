"""The manifest is the single source of truth: checked both ways against scenes/."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from manim import Scene

from pipeline import manifest as manifest_module
from pipeline.manifest import ManifestError
from tests.pipeline.conftest import REPO


def scene_classes_defined_in(module_name: str) -> set[str]:
    """Scene classes a module defines: those with a ``construct`` of their own.

    A base class such as ``style.LessonScene`` defines no ``construct``: it is no scene.
    """
    module = importlib.import_module(module_name)
    return {
        name
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, Scene)
        and value.__module__ == module_name
        and "construct" in vars(value)
    }


def test_every_listed_scene_exists_and_is_a_manim_scene():
    manifest = manifest_module.load(REPO)
    for entry in manifest.scenes:
        module = importlib.import_module(entry.module)
        cls = getattr(module, entry.name, None)
        assert inspect.isclass(cls), f"{entry.module} has no class {entry.name}"
        assert issubclass(cls, Scene), f"{entry.name} is not a manim Scene"


def test_every_scene_class_in_scenes_is_listed():
    manifest = manifest_module.load(REPO)
    listed = {entry.name for entry in manifest.scenes}
    for path in sorted((REPO / "scenes").glob("*.py")):
        defined = scene_classes_defined_in(f"scenes.{path.stem}")
        unlisted = defined - listed
        assert not unlisted, f"{path.name} defines scenes missing from curriculum.toml: {unlisted}"


def test_every_section_module_exists():
    manifest = manifest_module.load(REPO)
    for section in manifest.sections:
        assert section.module_path(REPO).is_file(), f"no module for section {section.number}"


def write_manifest(tmp_path: Path, text: str) -> Path:
    (tmp_path / "scenes").mkdir(exist_ok=True)
    (tmp_path / "scenes" / "curriculum.toml").write_text(text)
    return tmp_path


SECTION = '[[section]]\nnumber = 1\ntitle = "Vectors & Norms"\nmodule = "s01_x"\n'
SCENE = '[[section.scene]]\nname = "{name}"\ntitle = "T"\nconcept = "C"\n'


def test_slug_folder_stem_and_positions_follow_the_manifest(tmp_path: Path):
    root = write_manifest(tmp_path, SECTION + SCENE.format(name="A") + SCENE.format(name="B"))
    manifest = manifest_module.load(root)
    b = manifest.scene("B")
    assert b.section.folder == "01-vectors-norms"
    assert (b.stem, b.position, b.index, b.module) == ("02-B", 2, 2, "scenes.s01_x")


@pytest.mark.parametrize(
    "text, message",
    [
        (SECTION + SCENE.format(name="A") + SCENE.format(name="A"), "scene 'A' is listed twice"),
        (SECTION.replace('title = "Vectors & Norms"\n', ""), "missing key 'title'"),
        (SECTION + SCENE.format(name="not a class"), "is not a Python class name"),
        (SECTION + SECTION, "section number 1 appears twice"),
        ("[[section]\n", "is not valid TOML"),
    ],
)
def test_a_malformed_manifest_is_refused_with_the_place_and_reason(tmp_path, text, message):
    with pytest.raises(ManifestError, match=message):
        manifest_module.load(write_manifest(tmp_path, text))


def test_unknown_names_suggest_the_closest(tmp_path: Path):
    root = write_manifest(tmp_path, SECTION + SCENE.format(name="VectorNorms"))
    manifest = manifest_module.load(root)
    with pytest.raises(ManifestError, match="did you mean VectorNorms"):
        manifest.scene("vectornorm")
    with pytest.raises(ManifestError, match="did you mean VectorNorms"):
        manifest.scene("Norms")
    with pytest.raises(ManifestError, match="`make list` shows them all"):
        manifest.scene("Zebra")
