"""The curriculum manifest: which sections and scenes exist, in what order.

``scenes/curriculum.toml`` is the single source of truth. It reads::

    [[section]]
    number = 1
    title = "Linear Algebra Data Structures"
    module = "s01_data_structures"          # the package scenes/s01_data_structures/

    [[section.scene]]
    name = "VectorNorms"                     # class VectorNorms in .../vector_norms.py
    title = "Vector norms"
    concept = "The L1, L2, squared L2 and max norms of one vector, and their unit balls."

A section is a package and each scene one module in it, named after its class
in snake case (``VectorNorms`` in ``vector_norms.py``, ``SVDCompression`` in
``svd_compression.py``): adding or renaming a scene touches its module and its
manifest entry, nothing else. :func:`check_sources` makes sure every entry
resolves to a file that defines its class, reading the source without running it.

This module knows nothing of manim: it reads the file and answers questions
about it (lookups with suggestions, output paths, the entry of one scene).
"""

from __future__ import annotations

import ast
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_PATH = Path("scenes") / "curriculum.toml"
#: The module of a section that holds what two or more of its scenes share (not a scene).
SHARED_MODULE = "shared"


def module_name(scene: str) -> str:
    """The module that holds scene class ``scene``: ``VectorNorms`` -> ``vector_norms``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", scene).lower()


class ManifestError(ValueError):
    """The manifest is malformed, or names something that is not in it."""


@dataclass(frozen=True)
class SceneEntry:
    """One scene of the curriculum, as the manifest lists it."""

    name: str
    title: str
    concept: str
    section: Section
    position: int  # 1-based, within its section
    index: int  # 1-based, within the whole curriculum

    @property
    def module(self) -> str:
        """Importable module name, e.g. ``scenes.s01_data_structures.vector_norms``."""
        return f"scenes.{self.section.module}.{module_name(self.name)}"

    def module_path(self, root: Path) -> Path:
        """Path of the module that defines the scene's class."""
        return self.section.package_path(root) / f"{module_name(self.name)}.py"

    @property
    def stem(self) -> str:
        """File stem of its outputs, e.g. ``04-VectorNorms``."""
        return f"{self.position:02d}-{self.name}"

    def output_dir(self, quality_dir: Path) -> Path:
        """Folder of its outputs under one quality's render folder."""
        return quality_dir / self.section.folder

    def as_record(self) -> dict[str, Any]:
        """The entry as plain data (what a change to the manifest is judged by)."""
        return {
            "name": self.name,
            "title": self.title,
            "concept": self.concept,
            "position": self.position,
            "section": self.section.as_record(),
        }


@dataclass(frozen=True)
class Section:
    """One section of the curriculum: a lecture made of scenes."""

    number: int
    title: str
    module: str
    scene_names: tuple[str, ...]

    @property
    def slug(self) -> str:
        """Lower-case, hyphenated title: ``linear-algebra-data-structures``."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")

    @property
    def folder(self) -> str:
        """Its folder name under a quality's render folder, e.g. ``01-linear-algebra-...``."""
        return f"{self.number:02d}-{self.slug}"

    def package_path(self, root: Path) -> Path:
        """Path of the package that holds its scenes, one module each."""
        return root / "scenes" / self.module

    def as_record(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title, "module": self.module}


@dataclass(frozen=True)
class Manifest:
    """The whole curriculum, in order."""

    path: Path
    sections: tuple[Section, ...]
    scenes: tuple[SceneEntry, ...]

    def scene(self, name: str) -> SceneEntry:
        """The entry named ``name``; an unknown name raises with the closest suggestions."""
        for entry in self.scenes:
            if entry.name == name:
                return entry
        names = [entry.name for entry in self.scenes]
        # A name the user began or abbreviated ("Eigenvectors") first, then look-alikes.
        close = [n for n in names if name.lower() in n.lower()][:3]
        if not close:
            close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        if not close:
            lowered = {n.lower(): n for n in names}
            close = [lowered[n] for n in difflib.get_close_matches(name.lower(), lowered, n=3)]
        hint = f"; did you mean {' or '.join(close)}?" if close else "; `make list` shows them all"
        raise ManifestError(f"unknown scene {name!r}{hint}")

    def section(self, number: int) -> Section:
        """The section numbered ``number``; an unknown number names the ones there are."""
        for section in self.sections:
            if section.number == number:
                return section
        known = ", ".join(str(s.number) for s in self.sections) or "none"
        raise ManifestError(f"unknown section {number}; the manifest has sections {known}")

    def scenes_of(self, section: Section) -> list[SceneEntry]:
        return [entry for entry in self.scenes if entry.section == section]

    def check_sources(self, root: Path) -> None:
        """Every entry's module exists and defines its class (read, not run); else raise."""
        for entry in self.scenes:
            path = entry.module_path(root)
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            where = f"{self.path.name}: scene {entry.name} (section {entry.section.number})"
            rule = f"class {entry.name} belongs in {shown} (its name in snake case)"
            if not entry.section.package_path(root).joinpath("__init__.py").is_file():
                raise ManifestError(
                    f"{where}: section package {shown.parent} is missing or has no __init__.py"
                )
            try:
                tree = ast.parse(path.read_bytes(), filename=str(path))
            except FileNotFoundError:
                raise ManifestError(f"{where}: no file {shown}; {rule}") from None
            except (OSError, SyntaxError, ValueError) as error:
                raise ManifestError(f"{where}: cannot read {shown}: {error}") from None
            if not any(
                isinstance(node, ast.ClassDef) and node.name == entry.name for node in tree.body
            ):
                raise ManifestError(f"{where}: {shown} defines no class {entry.name}; {rule}")
            if _derives_from_scene(root, path, tree, entry.name, set()) is False:
                raise ManifestError(
                    f"{where}: class {entry.name} in {shown} is not a manim Scene; derive it "
                    "from style.LessonScene (or manim's Scene)"
                )


#: How each kind of value is named in a message, with an example of it.
_KINDS = {int: "a whole number, e.g. 3", str: 'a non-empty string in quotes, e.g. "Vector norms"'}


def _derives_from_scene(
    root: Path, path: Path, tree: ast.Module, name: str, seen: set[tuple[Path, str]]
) -> bool | None:
    """Whether class ``name`` of ``path`` derives from a manim ``...Scene``, read statically.

    None when it cannot be told (a base from elsewhere): only a definite "no" is refused.
    """
    if (path, name) in seen:
        return None
    seen.add((path, name))
    node = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
    if node is None:
        return None
    if not node.bases:
        return False
    answers = []
    for base in node.bases:
        if isinstance(base, ast.Attribute):
            answers.append(base.attr.endswith("Scene") or None)
            continue
        if not isinstance(base, ast.Name):
            answers.append(None)
            continue
        answers.append(_resolve_base(root, path, tree, base.id, seen))
    if any(answer is True for answer in answers):
        return True
    return False if all(answer is False for answer in answers) else None


def _resolve_base(
    root: Path, path: Path, tree: ast.Module, name: str, seen: set[tuple[Path, str]]
) -> bool | None:
    if name == "object":
        return False
    if any(isinstance(n, ast.ClassDef) and n.name == name for n in tree.body):
        return _derives_from_scene(root, path, tree, name, seen)
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        for alias in node.names:
            if (alias.asname or alias.name) != name:
                continue
            if node.module.split(".")[0] == "manim":
                return alias.name.endswith("Scene")
            source = root.joinpath(*node.module.split(".")).with_suffix(".py")
            try:
                other = ast.parse(source.read_bytes(), filename=str(source))
            except (OSError, SyntaxError, ValueError):
                return None
            return _derives_from_scene(root, source, other, alias.name, seen)
    return None


def _require(table: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in table:
        raise ManifestError(f"{where}: missing key {key!r} ({_KINDS[kind]})")
    value = table[key]
    wrong_type = not isinstance(value, kind) or isinstance(value, bool)
    if wrong_type or (kind is str and not value.strip()):
        raise ManifestError(f"{where}: {key!r} must be {_KINDS[kind]}, not {value!r}")
    return value


def _tables(value: Any, where: str, header: str, example: str) -> list[dict[str, Any]]:
    """``value`` as a list of tables (TOML's ``[[header]]``), or an error saying how to write it."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    written = f"a single table [{header}]" if isinstance(value, dict) else repr(value)
    raise ManifestError(
        f"{where}: each entry must be a table written [[{header}]], not {written}; e.g.\n{example}"
    )


SECTION_EXAMPLE = '[[section]]\nnumber = 1\ntitle = "Linear Algebra"\nmodule = "s01_linear_algebra"'
SCENE_EXAMPLE = '[[section.scene]]\nname = "VectorNorms"\ntitle = "Vector norms"\nconcept = "..."'


def load(root: Path, path: Path | None = None) -> Manifest:
    """Read and check the manifest of the project at ``root``."""
    path = path or root / MANIFEST_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"no manifest at {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path} is not valid TOML: {error}") from None

    sections: list[Section] = []
    scenes: list[SceneEntry] = []
    seen_names: set[str] = set()
    seen_numbers: set[int] = set()
    for i, table in enumerate(
        _tables(data.get("section", []), path.name, "section", SECTION_EXAMPLE), start=1
    ):
        where = f"{path.name}, section #{i}"
        number = _require(table, "number", int, where)
        if number in seen_numbers:
            raise ManifestError(f"{where}: section number {number} appears twice")
        seen_numbers.add(number)
        title = _require(table, "title", str, where)
        module = _require(table, "module", str, where)
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", module):
            raise ManifestError(f"{where}: module {module!r} must be a module name like s01_topic")
        entries = _tables(table.get("scene", []), where, "section.scene", SCENE_EXAMPLE)
        if not entries:
            raise ManifestError(
                f"{where} ({title}) lists no scenes: add one as\n{SCENE_EXAMPLE}\n"
                "or remove the section"
            )
        names = tuple(
            _require(s, "name", str, f"{where}, scene #{j}") for j, s in enumerate(entries, start=1)
        )
        section = Section(number, title, module, names)
        sections.append(section)
        for position, scene_table in enumerate(entries, start=1):
            scene_where = f"{where}, scene #{position}"
            name = scene_table["name"]
            if not name.isidentifier():
                raise ManifestError(f"{scene_where}: {name!r} is not a Python class name")
            if module_name(name) == SHARED_MODULE:
                raise ManifestError(
                    f"{scene_where}: {name!r} would live in {SHARED_MODULE}.py, which holds a "
                    "section's shared helpers; give the scene another name"
                )
            if name in seen_names:
                raise ManifestError(f"{scene_where}: scene {name!r} is listed twice")
            seen_names.add(name)
            scenes.append(
                SceneEntry(
                    name=name,
                    title=_require(scene_table, "title", str, scene_where),
                    concept=_require(scene_table, "concept", str, scene_where),
                    section=section,
                    position=position,
                    index=len(scenes) + 1,
                )
            )
    return Manifest(path=path, sections=tuple(sections), scenes=tuple(scenes))
