"""Each scene of the manifest rendered once per test session, shared by the scene tests."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import manifest as manifest_module
from tests.scenes.harness import Render, render

REPO = Path(__file__).resolve().parents[2]
POSTERS = Path(__file__).resolve().parent / "posters"
MANIFEST = manifest_module.load(REPO)
SCENE_NAMES = [entry.name for entry in MANIFEST.scenes]


def scene_class(name: str) -> type:
    entry = MANIFEST.scene(name)
    return getattr(importlib.import_module(entry.module), name)


@pytest.fixture(scope="session")
def tex_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tex-cache")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, tex_cache: Path) -> Callable[[str], Render]:
    """``rendered(name)``: the scene rendered at the tiny test size (once per session)."""
    cache: dict[str, Render] = {}

    def get(name: str) -> Render:
        if name not in cache:
            media = tmp_path_factory.mktemp(f"render-{name}")
            cache[name] = render(scene_class(name), media, tex_cache)
        return cache[name]

    return get
