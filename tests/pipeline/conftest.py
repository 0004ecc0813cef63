"""A temporary copy of the project with the fixture curriculum, and real `make` on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture"
# The tests run inside the project's virtual environment; the copies reuse it.
VENV = Path(sys.prefix)


@dataclass
class Project:
    """A copy of the project whose manifest lists the fixture scenes."""

    root: Path

    def command(self, *args: str) -> list[str]:
        """Real `make` in the copy, with the project's environment, at the tiny test quality."""
        return ["make", f"VENV={VENV}", "SKIP_SETUP=1", "QUALITY=t", *args]

    def make(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """Run make to the end; capture its output."""
        return subprocess.run(
            self.command(*args),
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, **(env or {})},
            check=False,
        )

    def popen(self, *args: str) -> subprocess.Popen[str]:
        """Start real `make` in a new process group (so the test can kill all of it)."""
        return subprocess.Popen(
            self.command(*args),
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

    @property
    def quality_dir(self) -> Path:
        return self.root / "renders" / "144p5"

    def output(self, section: str, stem: str, suffix: str) -> Path:
        return self.quality_dir / section / f"{stem}.{suffix}"

    def scene_module(self, name: str) -> Path:
        """A file under the copy's scenes/: ``s01_fixture/moving_dot.py``, ``style.py``."""
        return self.root / "scenes" / name

    def outputs(self) -> list[Path]:
        """Every final output file under the quality folder (not state, logs or scratch)."""
        return sorted(
            p
            for p in self.quality_dir.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(self.quality_dir).parts)
        )


def copy_project(destination: Path) -> Path:
    """Copy what a build needs (keeping modification times) and swap in the fixture scenes."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("Makefile", "pyproject.toml", "README.md"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, destination / name)
    for package in ("pipeline", "lib"):
        shutil.copytree(
            REPO / package, destination / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    scenes = destination / "scenes"
    scenes.mkdir()
    shutil.copy2(REPO / "scenes" / "__init__.py", scenes / "__init__.py")
    shutil.copytree(
        FIXTURE, scenes, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    yield Project(copy_project(tmp_path / "project"))


@pytest.fixture(scope="module")
def rendered_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A fixture project rendered once, shared by the read-only tests of a module."""
    project = Project(copy_project(tmp_path_factory.mktemp("rendered") / "project"))
    result = project.make()
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def rendered_copy(rendered_project: Project, tmp_path: Path) -> Project:
    """A private copy of the module's rendered project, times kept: everything up to date."""
    copy = Project(tmp_path / "copy")
    subprocess.run(["cp", "-a", str(rendered_project.root), str(copy.root)], check=True)
    return copy
