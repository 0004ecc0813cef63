"""What a scene's render depends on, and what the last render of it left.

A scene's *fingerprint* is a hash of everything its video depends on: its own
module, the shared scene code (every module in ``scenes/`` that holds no
section's scenes, such as ``style.py``), the numeric library ``lib/``, its
manifest entry, the quality, the manim version and the render step itself.
After a successful render the worker writes a *state record* holding that
fingerprint; a scene is up to date when its record's fingerprint matches and
its output files exist. Hashing a few dozen small files takes milliseconds,
so deciding that nothing needs doing starts no manim process.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from pipeline.manifest import Manifest, SceneEntry
from pipeline.qualities import Quality

OUTPUT_SUFFIXES = ("mp4", "srt", "png")


def write_json_atomically(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to a temporary name beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def write_text_atomically(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary name, unless it holds it already.

    Returns whether the file changed (an unchanged file keeps its modification time).
    """
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return True


def remove_unlisted(root: Path, state_dir: Path, listed: set[str]) -> list[str]:
    """Delete the outputs and state records in ``state_dir`` of names not in ``listed``.

    Returns the names removed. Outputs are recorded relative to ``root``.
    """
    removed = []
    for state_file in sorted(state_dir.glob("*.json")):
        if state_file.stem in listed:
            continue
        record = read_json(state_file) or {}
        for output in (record.get("outputs") or {}).values():
            (root / output).unlink(missing_ok=True)
        state_file.unlink(missing_ok=True)
        removed.append(state_file.stem)
    return removed


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object at ``path``, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@cache
def manim_version() -> str:
    try:
        return metadata.version("manim")
    except metadata.PackageNotFoundError:
        return "not installed"


def _hash_file(digest: Any, path: Path, root: Path) -> None:
    digest.update(str(path.relative_to(root)).encode())
    digest.update(b"\0")
    digest.update(path.read_bytes())
    digest.update(b"\0")


@dataclass(frozen=True)
class Paths:
    """Where one quality's outputs, state and scratch files live."""

    root: Path
    quality: Quality

    @property
    def renders(self) -> Path:
        return self.root / "renders"

    @property
    def quality_dir(self) -> Path:
        return self.renders / self.quality.folder

    @property
    def state_dir(self) -> Path:
        return self.quality_dir / ".state"

    @property
    def log_dir(self) -> Path:
        return self.quality_dir / ".logs"

    @property
    def work_root(self) -> Path:
        return self.renders / ".work" / self.quality.folder

    @property
    def tex_cache(self) -> Path:
        return self.renders / ".cache" / "tex"

    def outputs(self, entry: SceneEntry) -> dict[str, Path]:
        folder = entry.output_dir(self.quality_dir)
        return {suffix: folder / f"{entry.stem}.{suffix}" for suffix in OUTPUT_SUFFIXES}

    def state_file(self, entry: SceneEntry) -> Path:
        return self.state_dir / f"{entry.name}.json"

    def log_file(self, entry: SceneEntry) -> Path:
        return self.log_dir / f"{entry.name}.log"


class Fingerprinter:
    """Computes scene fingerprints, hashing each shared file once per build."""

    def __init__(self, root: Path, manifest: Manifest, quality: Quality) -> None:
        self.root = root
        self.manifest = manifest
        self.quality = quality
        self._shared = self._shared_digest()

    def shared_files(self) -> list[Path]:
        """Files every scene depends on: shared scene code, ``lib/``, the render step."""
        scene_modules = self.manifest.module_names()
        scenes_dir = self.root / "scenes"
        shared = [p for p in sorted(scenes_dir.glob("*.py")) if p.name not in scene_modules]
        shared += sorted((self.root / "lib").rglob("*.py"))
        shared += [self.root / "pipeline" / "worker.py"]
        return [p for p in shared if p.is_file()]

    def _shared_digest(self) -> bytes:
        digest = hashlib.sha256()
        for path in self.shared_files():
            _hash_file(digest, path, self.root)
        digest.update(json.dumps(self.quality.as_record(), sort_keys=True).encode())
        digest.update(manim_version().encode())
        return digest.digest()

    @cache  # noqa: B019 - one Fingerprinter lives for one build
    def _module_digest(self, module_path: Path) -> bytes:
        digest = hashlib.sha256()
        if module_path.is_file():
            _hash_file(digest, module_path, self.root)
        return digest.digest()

    def fingerprint(self, entry: SceneEntry) -> str:
        digest = hashlib.sha256(self._shared)
        digest.update(self._module_digest(entry.section.module_path(self.root)))
        digest.update(json.dumps(entry.as_record(), sort_keys=True).encode())
        return digest.hexdigest()


class QualityStep:
    """A step of the build at one quality: what it works on, and a log it reports to."""

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        quality: Quality,
        *,
        verbose: bool = False,
        out: TextIO = sys.stdout,
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.quality = quality
        self.paths = Paths(root, quality)
        self.verbose = verbose
        self.out = out
        self.fingerprinter = Fingerprinter(root, manifest, quality)

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def scene_status(paths: Paths, entry: SceneEntry, fingerprint: str) -> str:
    """``rendered`` (up to date), ``stale`` (outputs from other inputs) or ``missing``."""
    record = read_json(paths.state_file(entry))
    outputs = paths.outputs(entry)
    if record is None or not all(path.exists() for path in outputs.values()):
        return "stale" if any(path.exists() for path in outputs.values()) else "missing"
    recorded = {key: paths.root / value for key, value in record.get("outputs", {}).items()}
    if record.get("fingerprint") != fingerprint or recorded != outputs:
        return "stale"
    return "rendered"
