"""The shared LaTeX cache: each formula compiled once, each worker parsing its own copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.pipeline.conftest import REPO

WORKER = """
import sys
from pathlib import Path
from manim import MathTex, tempconfig
from pipeline.worker import install_shared_tex_cache
cache, log, private = map(Path, sys.argv[1:4])
install_shared_tex_cache(cache, log)
with tempconfig({"tex_dir": str(private)}):
    print(MathTex(r"a^2 + b^2 = c^2").file_name)
"""


def run_worker(cache: Path, log: Path, private: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", WORKER, str(cache), str(log), str(private)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip().splitlines()[-1])


def test_a_formula_is_compiled_once_and_each_worker_parses_a_private_copy(tmp_path):
    cache, log = tmp_path / "cache", tmp_path / "compilations.log"
    first = run_worker(cache, log, tmp_path / "worker-1")
    second = run_worker(cache, log, tmp_path / "worker-2")
    # manim writes a modified copy beside the SVG it parses: never in the shared folder.
    assert first.parent == tmp_path / "worker-1"
    assert second.parent == tmp_path / "worker-2"
    assert [p.name for p in cache.glob("*.svg")] == [first.name]
    assert log.read_text().split() == [first.stem]
    assert first.read_bytes() == second.read_bytes() == (cache / first.name).read_bytes()
