"""Each scene of the manifest rendered once per test session, shared by the scene tests."""

from __future__ import annotations

import importlib
import inspect
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from manim import tempconfig

from pipeline import manifest as manifest_module
from pipeline.worker import install_shared_tex_cache
from tests.scenes.harness import Render, formula_folders, render

REPO = Path(__file__).resolve().parents[2]
POSTERS = Path(__file__).resolve().parent / "posters"
MANIFEST = manifest_module.load(REPO)
SCENE_NAMES = [entry.name for entry in MANIFEST.scenes]
RENDERED = re.compile(r"""rendered\(\s*["'](\w+)["']""")


def scene_class(name: str) -> type:
    entry = MANIFEST.scene(name)
    return getattr(importlib.import_module(entry.module), name)


@pytest.fixture(scope="session")
def tex_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LaTeX cache for the whole run, shared by the parallel test workers.

    Each formula is compiled once: the cache publishes with an atomic rename under a
    per-formula lock (see pipeline.worker.install_shared_tex_cache).
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    cache = base / "tex-cache"
    cache.mkdir(exist_ok=True)
    return cache


@pytest.fixture(autouse=True)
def private_media(tmp_path_factory: pytest.TempPathFactory, tex_cache: Path):
    """Formulas a test builds outside a render go through the run's shared cache into its
    process's own folder: never the repository's media/, where two test workers compiling
    the same formula at once would race on one file."""
    media = tmp_path_factory.mktemp("media")
    install_shared_tex_cache(tex_cache, None)
    settings = {
        "media_dir": str(media),
        **formula_folders(tex_cache),
    }
    with tempconfig(settings):
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep the tests of one scene on one test worker, so each scene renders once a run.

    A test parametrized by ``name`` belongs to that scene; another that asks for
    ``rendered("Scene")`` belongs to the first scene it asks for.
    """
    for item in items:
        if "tests/scenes/" not in str(item.path):
            continue
        params = getattr(getattr(item, "callspec", None), "params", {})
        scene = params.get("name")
        if scene is None and getattr(item, "function", None) is not None:
            try:
                match = RENDERED.search(inspect.getsource(item.function))
            except (OSError, TypeError):
                match = None
            scene = match.group(1) if match else None
        if scene is not None:
            item.add_marker(pytest.mark.xdist_group(scene))


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
