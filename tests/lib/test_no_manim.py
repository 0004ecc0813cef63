"""lib/ is numbers only: importing every module of it never imports manim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_EVERY_LIB_MODULE = """
import importlib, pkgutil, sys
import lib.linalg, lib.errors
names = [info.name for info in pkgutil.walk_packages(lib.__path__, "lib.")]
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "manim" or m.startswith("manim."))
assert not leaked, f"lib imported {leaked}"
print(" ".join(names))
"""


def test_every_lib_module_imports_without_manim():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_LIB_MODULE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = result.stdout.split()
    assert "lib.linalg" in imported and "lib.errors" in imported
