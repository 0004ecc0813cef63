"""Refresh the reviewed reference posters: ``make refresh-posters [S=SceneName]``.

Renders each scene (or the one named) at the test size and writes its last
frame to ``tests/scenes/posters/<Scene>.png``. Run it only after looking at the
new render and deciding that the change is right; commit the PNG with the change.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.scenes.conftest import POSTERS, SCENE_NAMES, scene_class
from tests.scenes.harness import render


def install(poster: Path, reference: Path) -> None:
    """Copy ``poster`` to ``reference`` under a temporary name, then rename it into place.

    A refresh that is interrupted or fails to write leaves the old reference whole.
    """
    temporary = reference.with_name(f".{reference.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(poster, temporary)
        os.replace(temporary, reference)
    finally:
        temporary.unlink(missing_ok=True)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in SCENE_NAMES]
    if unknown:
        print(f"error: unknown scene(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    POSTERS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name in names or SCENE_NAMES:
            result = render(
                scene_class(name), Path(scratch) / name, Path(scratch) / "tex", lint=False
            )
            install(result.poster, POSTERS / f"{name}.png")
            print(f"wrote tests/scenes/posters/{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
