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


def scene_classes_defined_in(module_name: str) -> dict[str, type]:
    """Scene classes a module defines: those with a ``construct``, their own or inherited.

    ``style.LessonScene`` has none of its own: it is no scene. A section's base class
    (``RuleScene``, one shape for several lessons) has one, and counts as a base only
    when a scene module of the curriculum derives from it.
    """
    module = importlib.import_module(module_name)
    return {
        name: value
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, Scene)
        and value.__module__ == module_name
        and value.construct is not Scene.construct
    }


def test_every_listed_scene_exists_and_is_a_manim_scene():
    manifest = manifest_module.load(REPO)
    for entry in manifest.scenes:
        module = importlib.import_module(entry.module)
        cls = getattr(module, entry.name, None)
        assert inspect.isclass(cls), f"{entry.module} has no class {entry.name}"
        assert issubclass(cls, Scene), f"{entry.name} is not a manim Scene"


def scene_modules() -> list[Path]:
    """Every module of every section package under scenes/, shared helpers included."""
    return sorted(p for p in (REPO / "scenes").glob("s*/*.py") if p.name != "__init__.py")


def test_every_scene_class_in_scenes_is_listed_and_lives_in_its_own_module():
    manifest = manifest_module.load(REPO)
    listed = {entry.name for entry in manifest.scenes}
    helpers, bases = [], set()
    for path in [*sorted((REPO / "scenes").glob("*.py")), *scene_modules()]:
        relative = path.relative_to(REPO)
        name = ".".join(relative.with_suffix("").parts)
        defined = scene_classes_defined_in(name)
        if path.parent == REPO / "scenes" or path.stem == manifest_module.SHARED_MODULE:
            helpers.append((relative, defined))
            continue
        assert len(defined) == 1, f"{relative} must define exactly one scene, not {set(defined)}"
        ((scene, cls),) = defined.items()
        assert scene in listed, f"{relative} defines a scene missing from curriculum.toml: {scene}"
        expected = manifest_module.module_name(scene)
        assert path.stem == expected, f"{relative}: class {scene} belongs in {expected}.py"
        bases.update(cls.__mro__[1:])
    for relative, defined in helpers:
        strays = {name for name, cls in defined.items() if cls not in bases}
        assert not strays, f"{relative} holds helpers, not scenes: move {strays} out"
        assert not set(defined) & listed, f"{relative} defines listed scenes {set(defined)}"


def test_every_section_is_a_package_and_every_entry_resolves():
    manifest = manifest_module.load(REPO)
    manifest.check_sources(REPO)
    for section in manifest.sections:
        assert (section.package_path(REPO) / "__init__.py").is_file()
    packages = {p.parent.name for p in (REPO / "scenes").glob("*/__init__.py")}
    assert packages == {section.module for section in manifest.sections}


@pytest.mark.parametrize(
    "scene, module",
    [
        ("VectorNorms", "vector_norms"),
        ("SVDCompression", "svd_compression"),
        ("Determinant2x2", "determinant2x2"),
        ("MoorePenrosePseudoinverse", "moore_penrose_pseudoinverse"),
        ("PowerRuleOnFunctionChain", "power_rule_on_function_chain"),
        ("AreaUnderROCCurve", "area_under_roc_curve"),
    ],
)
def test_a_scene_module_is_named_after_its_class_in_snake_case(scene: str, module: str):
    assert manifest_module.module_name(scene) == module


def test_an_entry_without_its_module_or_class_is_named_with_the_file(tmp_path: Path):
    root = write_manifest(tmp_path, SECTION + SCENE.format(name="UnitCircle"))
    manifest = manifest_module.load(root)
    with pytest.raises(ManifestError, match=r"scenes/s01_x is missing or has no __init__.py"):
        manifest.check_sources(root)
    package = root / "scenes" / "s01_x"
    package.mkdir()
    (package / "__init__.py").write_text("")
    with pytest.raises(
        ManifestError, match=r"no file scenes/s01_x/unit_circle.py; class UnitCircle"
    ):
        manifest.check_sources(root)
    (package / "unit_circle.py").write_text("class UnitCirle:\n    pass\n")
    with pytest.raises(
        ManifestError, match=r"scenes/s01_x/unit_circle.py defines no class UnitCircle"
    ):
        manifest.check_sources(root)
    (package / "unit_circle.py").write_text(
        "from manim import Scene\n\n\nclass UnitCircle(Scene):\n    pass\n"
    )
    manifest.check_sources(root)


def test_a_class_that_is_not_a_scene_is_refused_before_rendering(tmp_path: Path):
    root = write_manifest(tmp_path, SECTION + SCENE.format(name="UnitCircle"))
    package = root / "scenes" / "s01_x"
    package.mkdir()
    (package / "__init__.py").write_text("")
    module = package / "unit_circle.py"
    manifest = manifest_module.load(root)
    for source in ("class UnitCircle:\n    pass\n", "class UnitCircle(object):\n    pass\n"):
        module.write_text(source)
        with pytest.raises(ManifestError, match=r"class UnitCircle in .* is not a manim Scene"):
            manifest.check_sources(root)
    module.write_text("from manim import Circle\n\n\nclass UnitCircle(Circle):\n    pass\n")
    with pytest.raises(ManifestError, match="is not a manim Scene"):
        manifest.check_sources(root)
    # A Scene directly, through a base of the section, or through the theme's LessonScene.
    (package / "shared.py").write_text(
        "from manim import Scene\n\n\nclass Base(Scene):\n    pass\n"
    )
    for source in (
        "from manim import Scene\n\n\nclass UnitCircle(Scene):\n    pass\n",
        "from scenes.s01_x.shared import Base\n\n\nclass UnitCircle(Base):\n    pass\n",
        "import manim\n\n\nclass UnitCircle(manim.MovingCameraScene):\n    pass\n",
    ):
        module.write_text(source)
        manifest.check_sources(root)


def test_a_scene_may_not_take_the_shared_module_name(tmp_path: Path):
    with pytest.raises(ManifestError, match="holds a section's shared helpers"):
        manifest_module.load(write_manifest(tmp_path, SECTION + SCENE.format(name="Shared")))


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
    assert (b.stem, b.position, b.index, b.module) == ("02-B", 2, 2, "scenes.s01_x.b")


@pytest.mark.parametrize(
    "text, message",
    [
        (SECTION + SCENE.format(name="A") + SCENE.format(name="A"), "scene 'A' is listed twice"),
        (SECTION.replace('title = "Vectors & Norms"\n', ""), "missing key 'title'"),
        (SECTION + SCENE.format(name="not a class"), "is not a Python class name"),
        (
            SECTION + SCENE.format(name="A") + SECTION + SCENE.format(name="B"),
            "section number 1 appears twice",
        ),
        ("[[section]\n", "is not valid TOML"),
        (
            SECTION.replace("[[section]]", "[section]") + SCENE.format(name="A"),
            r"each entry must be a table written \[\[section\]\], not a single table \[section\]",
        ),
        ("section = 5\n", r"written \[\[section\]\], not 5; e.g."),
        (
            SECTION.replace("number = 1", "number = true") + SCENE.format(name="A"),
            r"section #1: 'number' must be a whole number, e.g. 3, not True",
        ),
        (
            SECTION + SCENE.format(name="A").replace('name = "A"\n', ""),
            r"section #1, scene #1: missing key 'name'",
        ),
        (SECTION, r"section #1 \(Vectors & Norms\) lists no scenes: add one as"),
        (
            SECTION + 'scene = "A"\n',
            r"written \[\[section.scene\]\], not 'A'",
        ),
        (SECTION.replace('"s01_x"', '"S01 X"') + SCENE.format(name="A"), "must be a module name"),
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
